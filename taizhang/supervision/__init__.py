"""Supervision (督办): status rules, scorecards and indicator trajectories.

The modules ``rules``, ``scoring`` and ``trajectory`` are pure functions of plain
values and ``now``; they import nothing of Django.
"""
