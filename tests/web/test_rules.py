"""Computed rules as pure functions: progress roll-up and time-elapsed progress (序时进度)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from taizhang.ledger.models import deadline_date
from taizhang.ledger.rules import ScheduleStatus, expected_progress, rollup, schedule_status

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 12, tzinfo=SHANGHAI)


class RollupTestCase:
    def test_it_weights_each_tasks_progress(self):
        result = rollup([("a", 3, 100), ("b", 1, 0)])
        assert result.percent == 75.0
        assert result.weights == {"a": 0.75, "b": 0.25}

    def test_an_empty_group_is_at_zero(self):
        assert rollup([]).percent == 0.0

    def test_it_refuses_a_non_positive_weight_naming_the_task(self):
        with pytest.raises(ValueError, match="task b"):
            rollup([("a", 1, 10), ("b", 0, 10)])

    def test_it_refuses_a_percent_over_100(self):
        with pytest.raises(ValueError, match="percent"):
            rollup([("a", 1, 101)])


class ScheduleTestCase:
    def test_halfway_through_time_half_done_is_on_schedule(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1), deadline=dt.date(2025, 12, 31), percent=50, now=at(2025, 7, 2)
        )
        assert s.status == ScheduleStatus.ON
        assert 49 < s.expected < 51

    def test_halfway_through_time_with_little_done_is_behind(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1), deadline=dt.date(2025, 12, 31), percent=20, now=at(2025, 7, 2)
        )
        assert s.status == ScheduleStatus.BEHIND

    def test_early_with_much_done_is_ahead(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1), deadline=dt.date(2025, 12, 31), percent=60, now=at(2025, 3, 1)
        )
        assert s.status == ScheduleStatus.AHEAD

    def test_past_the_deadline_unfinished_is_behind_even_at_95(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1), deadline=dt.date(2025, 6, 30), percent=95, now=at(2025, 7, 5)
        )
        assert (s.status, s.expected) == (ScheduleStatus.BEHIND, 100.0)

    def test_an_ongoing_task_has_no_schedule(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1), deadline=None, percent=0, now=at(2025, 7, 5), ongoing=True
        )
        assert (s.status, s.expected) == (ScheduleStatus.ONGOING, None)

    def test_a_closed_task_is_done(self):
        s = schedule_status(
            start=dt.date(2025, 1, 1),
            deadline=dt.date(2025, 6, 30),
            percent=100,
            now=at(2025, 7, 5),
            closed=True,
        )
        assert s.status == ScheduleStatus.DONE

    def test_it_refuses_a_naive_now(self):
        with pytest.raises(ValueError, match="aware"):
            schedule_status(
                start=dt.date(2025, 1, 1),
                deadline=dt.date(2025, 6, 30),
                percent=0,
                now=dt.datetime(2025, 2, 1),
            )

    def test_a_task_without_a_deadline_has_no_schedule_but_is_not_ongoing(self):
        common = {"start": dt.date(2025, 1, 1), "deadline": None, "percent": 0, "now": dt.date(2025, 3, 1)}
        assert schedule_status(**common).status == ScheduleStatus.NO_DEADLINE
        assert schedule_status(**common, ongoing=True).status == ScheduleStatus.ONGOING

    def test_expected_progress_is_clamped_to_the_period(self):
        assert expected_progress(dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2024, 1, 1)) == 0.0
        assert expected_progress(dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 1)) == 100.0


class DeadlineDateTestCase:
    def test_a_month_deadline_ends_on_the_months_last_day(self):
        assert deadline_date("month", 2024, 2) == dt.date(2024, 2, 29)

    def test_a_year_deadline_ends_on_december_31(self):
        assert deadline_date("year", 2025, None) == dt.date(2025, 12, 31)

    def test_ongoing_has_no_date(self):
        assert deadline_date("ongoing", None, None) is None


@pytest.mark.django_db
class ProgressFromTheDatabaseTestCase:
    def test_policy_and_measure_progress_are_weighted_means_of_their_tasks(
        self, tasks, django_assert_num_queries
    ):
        from taizhang.ledger.models import Task
        from taizhang.ledger.progress import measure_rollups, policy_rollup

        Task.objects.filter(pk=tasks[0].pk).update(progress=100, weight=3)
        with django_assert_num_queries(1):
            overall = policy_rollup(tasks[0].policy)
        assert overall.percent == 60.0  # (3*100 + 0 + 0) / 5
        assert overall.weights[tasks[0].pk] == 0.6
        by_measure = measure_rollups(tasks[0].policy)
        assert by_measure[tasks[0].measure_id].percent == 75.0  # tasks 1 (w3, 100%) and 2 (w1, 0%)
        assert by_measure[tasks[2].measure_id].percent == 0.0

    def test_a_task_past_its_deadline_without_progress_is_behind(self, tasks):
        from taizhang.ledger.progress import task_schedule

        task = tasks[1]  # due 2025-06
        later = dt.datetime(2025, 7, 15, tzinfo=SHANGHAI)
        task.assigned_at = dt.datetime(2025, 1, 1, tzinfo=SHANGHAI)
        assert task_schedule(task, later).status == ScheduleStatus.BEHIND
        assert task_schedule(tasks[2], later).status == ScheduleStatus.ONGOING


class OneHomeTestCase:
    """Periods, deadlines and colours have one home (ledger.rules); pure functions, pure tests."""

    def test_period_bounds_follow_the_cadence(self):
        from taizhang.ledger.rules import period_bounds

        assert period_bounds("quarterly", dt.date(2025, 5, 20)) == (
            "2025-Q2",
            dt.date(2025, 4, 1),
            dt.date(2025, 6, 30),
        )
        assert period_bounds("half_yearly", dt.date(2025, 7, 1)) == (
            "2025-H2",
            dt.date(2025, 7, 1),
            dt.date(2025, 12, 31),
        )
        assert period_bounds("monthly", dt.date(2024, 2, 3)) == (
            "2024-02",
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
        )
        assert period_bounds("yearly", dt.date(2025, 7, 1))[0] == "2025"

    def test_report_periods_run_from_assignment_to_now_and_parse_back(self):
        from taizhang.ledger.rules import parse_period, report_periods

        periods = report_periods("quarterly", dt.date(2025, 2, 1), dt.date(2025, 7, 1))
        assert periods == [
            ("2025-Q1", dt.date(2025, 3, 31)),
            ("2025-Q2", dt.date(2025, 6, 30)),
            ("2025-Q3", dt.date(2025, 9, 30)),
        ]
        assert [parse_period(label).end for label, _ in periods] == [due for _, due in periods]

    def test_a_deadline_is_past_from_the_day_after(self):
        from taizhang.ledger.rules import deadline_date, deadline_label, deadline_past

        day = deadline_date("month", 2025, 6)
        assert not deadline_past(day, dt.date(2025, 6, 30)) and deadline_past(day, dt.date(2025, 7, 1))
        assert not deadline_past(None, dt.date(2030, 1, 1))
        assert [
            deadline_label(*k)
            for k in (("month", 2025, 6), ("year", 2025, None), ("ongoing", None, None), ("", None, None))
        ] == [
            "2025年6月",
            "2025年底",
            "常态化推进",
            "未定",
        ]
        assert deadline_label("month", 2025, 6, "2025年6月底前") == "2025年6月底前"

    def test_the_displayed_colour_never_makes_a_missing_deadline_green(self):
        from taizhang.ledger.rules import Colour, displayed_colour

        assert displayed_colour(closed=False, stored=None, deadline_kind="") is Colour.NO_DEADLINE
        assert displayed_colour(closed=False, stored=None, deadline_kind="month") is Colour.GREEN
        assert displayed_colour(closed=False, stored="red", deadline_kind="") is Colour.RED
        assert displayed_colour(closed=True, stored="red", deadline_kind="month") is Colour.CLOSED
