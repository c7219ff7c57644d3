"""The production probes (taizhang/devtools/probe.py, ``taizhang probe``) at small scale: a share of
the paths as a unit officer of each unit, the viewer and an outsider, bad uploads and double
submits find no 500, no duplicate and no cross-unit read; and the probe does find a cross-unit
read when one is there."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from taizhang.devtools import probe as P

SMALL = r"^/(tasks/|reports/|attachments/|api/(tasks|reports|extensions)/|workbook/export)"


@pytest.mark.django_db(transaction=True)
def test_a_small_probe_finds_no_500_no_duplicate_and_no_cross_unit_read():
    result = P.run_probe(
        people=("andy", "ben", "vera", "erin", "anonymous"), methods=("GET",), only=SMALL, threads=4
    )
    assert result.requests > 300
    assert result.errors == [] and result.duplicates == [] and result.cross_unit_reads == []


@pytest.mark.django_db
def test_it_counts_a_cross_unit_read(monkeypatch):
    """With the history unfiltered (as before issue 9), A's people read B's extension reason."""
    from taizhang.api import views as api_views
    from taizhang.ledger import views

    for module in (views, api_views):  # where the pages took the rule from
        monkeypatch.setattr(module, "visible_history", lambda queryset, user, task: queryset)
    world = P.build_world()
    prober = P._Prober(world, result := P.ProbeResult())
    prober.request("andy", "GET", f"/tasks/{world.ids['tasks'][0]}/")
    assert result.cross_unit_reads == [f"andy GET /tasks/{world.ids['tasks'][0]}/: {P.B_EXTENSION}"]


@pytest.mark.django_db
def test_every_route_is_probed_with_readable_foreign_and_missing_ids():
    world = P.build_world()
    every = P.paths(world)
    t1, t2, _t3, missing = world.ids["tasks"]
    assert {f"/tasks/{t1}/", f"/tasks/{t2}/", f"/tasks/{missing}/"} <= set(every)
    assert f"/api/reports/{world.ids['reports'][1]}/submit/" in every
    assert not [p for p in every if "<" in p or "(?P" in p]


def test_the_command_refuses_an_unknown_person():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="unknown mallory"):
        call_command("probe", "--people", "mallory")
