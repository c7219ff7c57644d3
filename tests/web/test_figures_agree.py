"""Numbers leadership can trust (issue 11): every page shows the same, current colour.

- A task without a deadline (未定) is "no deadline" (missing information), never green, on the
  dashboard, the task list filter, the supervision page, the API, bulletins and the portal.
- The supervisor finds such tasks in a queue and corrects a deadline or lead unit after 交办 with a
  reason: kept in history, told to the units.
- Every action that changes a fact the status rules read refreshes the stored colour in its own
  transaction: after each kind of change (report accepted, extension granted, close, reassignment,
  unit merge, correction) the stored colour is what the rules say now, and the dashboard, the task
  list filter, the supervision page and the API agree with it, with no job run in between.

The sample policy is published on 2025-01-10: task 1 (deadline 2025-12) is led by unit A, task 2
(2025-06) by unit B, task 3 (ongoing) by a third unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from taizhang.bulletins.build import gather
from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_closing_report, make_policy
from taizhang.ledger import actions as L
from taizhang.ledger.models import Task
from taizhang.ledger.models import TaskStatus as LedgerStatus
from taizhang.monitoring import queries
from taizhang.supervision import actions as S
from taizhang.supervision.facts import load_contexts
from taizhang.supervision.models import Notice, NoticeKind, TaskStatus
from taizhang.supervision.status import assess, refresh_statuses
from taizhang.units import actions as U
from tests.web.test_api import api

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, h: int = 9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=TZ)


@pytest.fixture
def published(cast: Any) -> list[Task]:
    with time_machine.travel(local(2025, 1, 10), tick=False):
        policy = make_policy(cast.sam)
    return list(policy.tasks.order_by("order"))


def _undated(cast: Any, policy: Any) -> Task:
    """A task added to the published policy without a deadline (未定)."""
    return L.do_create_task(cast.sam, policy, text="完善企业服务机制", lead=[cast.unit_a])


# --------------------------------------------------------------------------------------------- pages


def _dashboard_counts(client: Any) -> dict[str, int]:
    html = client.get(reverse("monitoring:dashboard")).content.decode()
    return {
        colour: int(count)
        for colour, count in re.findall(
            r'class="tile [a-z_]+" data-colour="([a-z_]+)"[^>]*><strong>(\d+)<', html
        )
    }


def _listed(client: Any, **params: str) -> set[int]:
    html = client.get(reverse("ledger:task_list"), params).content.decode()
    return {int(pk) for pk in re.findall(r'data-task="(\d+)"', html)}


def _supervision_colour(client: Any, task: Task) -> str:
    html = client.get(reverse("supervision:task", args=[task.pk])).content.decode()
    return re.search(r'data-colour="([a-z_]+)"', html).group(1)


def _live(task_ids: list[int], now: dt.datetime) -> dict[int, str]:
    """What the rules say now, computed afresh (not read from the stored rows)."""
    contexts = load_contexts(task_ids, now)
    return {pk: str(assess(contexts[pk], now).colour) for pk in task_ids}


def assert_every_page_agrees(client: Any, cast: Any, now: dt.datetime) -> dict[int, str]:
    """The stored colours are what the rules say now; the dashboard, the task list filter, the
    supervision page and the API show them. Returns the colours by task id."""
    ids = list(Task.objects.exclude(status=LedgerStatus.DRAFT).values_list("pk", flat=True))
    live = _live(ids, now)
    stored = dict(TaskStatus.objects.filter(task_id__in=ids).values_list("task_id", "colour"))
    assert stored == live
    client.force_login(cast.sam)
    dashboard = _dashboard_counts(client)
    expected = Counter(live.values())
    assert {c: n for c, n in dashboard.items() if n and c != "total"} == dict(expected)
    assert dashboard["total"] == len(live)
    for colour in expected:
        assert _listed(client, colour=colour) == {pk for pk, c in live.items() if c == colour}, colour
    answers = {row["id"]: row for row in api(cast.sam).get("/api/tasks/").json()["results"]}
    for pk, colour in live.items():
        assert _supervision_colour(client, Task.objects.get(pk=pk)) == colour, pk
        assert answers[pk]["colour"] == colour, pk
        codes = [r["code"] for r in answers[pk]["reasons"]]
        assert codes == [r["code"] for r in TaskStatus.objects.get(task_id=pk).reasons]
        assert all(r["text"] for r in answers[pk]["reasons"])
    return live


# --------------------------------------------------------------------------------------------- no deadline


class NoDeadlineTestCase:
    def test_a_task_without_a_deadline_is_counted_and_shown_as_no_deadline_never_green(
        self, client: Any, cast: Any, published: list[Task]
    ) -> None:
        with time_machine.travel(local(2025, 1, 15), tick=False):
            undated = _undated(cast, published[0].policy)
            colours = assert_every_page_agrees(client, cast, local(2025, 1, 15))
            assert colours[undated.pk] == "no_deadline"
            assert colours[published[2].pk] == "green"  # ongoing work (常态化推进) is judged, not missing
            assert undated.pk not in _listed(client, colour="green")
            assert _listed(client, schedule="no_deadline") == {undated.pk}
            answer = api(cast.sam).get(f"/api/tasks/{undated.pk}/").json()
            assert answer["colour"] == "no_deadline" and answer["schedule"] == "no_deadline"
            assert [r["code"] for r in answer["reasons"]] == ["no_deadline"]
            assert [
                t["id"] for t in api(cast.sam).get("/api/tasks/?colour=no_deadline").json()["results"]
            ] == [undated.pk]
            summary = gather("2025-01").summary
            assert (summary.green, summary.no_deadline) == (3, 1)
            counts = queries.colour_counts(queries.dashboard_tasks())["counts"]
            assert counts["no_deadline"] == 1 and counts["green"] == 3

    def test_the_supervisor_finds_it_in_the_queue_and_corrects_it_with_a_reason(
        self, client: Any, cast: Any, published: list[Task]
    ) -> None:
        with time_machine.travel(local(2025, 1, 15), tick=False):
            undated = _undated(cast, published[0].policy)
            client.force_login(cast.sam)
            home = client.get(reverse("ledger:home")).content.decode()
            assert reverse("supervision:missing") in home  # in the supervisor's navigation
            queue = client.get(reverse("supervision:missing")).content.decode()
            assert f'data-task="{undated.pk}"' in queue
            assert f'data-task="{published[0].pk}"' not in queue
            url = reverse("supervision:task_correct", args=[undated.pk])
            refused = client.post(url, {"deadline_kind": "month", "deadline_year": 2025, "deadline_month": 9})
            assert refused.status_code == 400  # no reason given
            assert Task.objects.get(pk=undated.pk).deadline_kind == ""
            response = client.post(
                url,
                {
                    "deadline_kind": "month",
                    "deadline_year": 2025,
                    "deadline_month": 9,
                    "reason": "文件附件载明9月底",
                },
            )
            assert response.status_code == 302
            task = Task.objects.get(pk=undated.pk)
            assert task.deadline == dt.date(2025, 9, 30)
            entry = HistoryEntry.objects.for_task(task.pk).get(action="correct_task")
            assert entry.after["reason"] == "文件附件载明9月底" and entry.before["deadline_kind"] == ""
            told = Notice.objects.filter(task=task, kind=NoticeKind.TASK_CORRECTED)
            assert set(told.values_list("recipient__username", flat=True)) == {"amy", "andy"}
            assert "文件附件载明9月底" in told.first().text
            assert (
                f'data-task="{undated.pk}"' not in client.get(reverse("supervision:missing")).content.decode()
            )
            colours = assert_every_page_agrees(client, cast, local(2025, 1, 15))
            assert colours[undated.pk] == "green"

    def test_a_unit_cannot_correct_and_a_lead_unit_correction_tells_both_units(
        self, client: Any, cast: Any, published: list[Task]
    ) -> None:
        task = published[0]
        client.force_login(cast.andy)
        url = reverse("supervision:task_correct", args=[task.pk])
        assert client.post(url, {"lead": [cast.unit_b.pk], "reason": "职责调整"}).status_code == 403
        with time_machine.travel(local(2025, 1, 15), tick=False):
            S.do_correct_task(cast.sam, task, lead=[cast.unit_b], reason="职责调整")
        told = set(
            Notice.objects.filter(task=task, kind=NoticeKind.TASK_CORRECTED).values_list(
                "recipient__username", flat=True
            )
        )
        assert told == {"amy", "andy", "bob", "ben"}
        assert list(task.assignments.filter(role="lead").values_list("unit_id", flat=True)) == [
            cast.unit_b.pk
        ]


# --------------------------------------------------------------------------------------------- every change


def _accept(cast: Any, task: Task, period: str, percent: int) -> None:
    report = L.do_save_report(cast.andy, task=task, period=period, narrative="进展", percent=percent)
    report = L.do_approve_report(cast.amy, L.do_submit_report(cast.andy, report))
    L.do_accept_report(cast.sam, report)


class EveryChangeRefreshesTestCase:
    """Each action moves the stored colour at once; no job run between the change and the pages."""

    @pytest.fixture
    def judged(self, published: list[Task]) -> list[Task]:
        refresh_statuses(now=local(2025, 3, 5))  # the job ran once; everything after is actions
        return published

    def test_an_accepted_report(self, client: Any, cast: Any, judged: list[Task]) -> None:
        now = local(2025, 3, 5)
        with time_machine.travel(now, tick=False):
            before = assert_every_page_agrees(client, cast, now)[judged[0].pk]
            _accept(cast, judged[0], "2025-01", 20)
            _accept(cast, judged[0], "2025-02", 30)
            after = assert_every_page_agrees(client, cast, now)[judged[0].pk]
        assert (before, after) == ("red", "green")

    def test_an_extension_granted(self, client: Any, cast: Any, judged: list[Task]) -> None:
        now = local(2025, 3, 5)
        with time_machine.travel(now, tick=False):
            for period, percent in (("2025-01", 1), ("2025-02", 2)):
                _accept(cast, judged[0], period, percent)
            before = assert_every_page_agrees(client, cast, now)[judged[0].pk]
            ext = L.do_request_extension(cast.andy, judged[0], kind="year", year=2027, reason="施工延误")
            L.do_decide_extension(cast.sam, ext, approve=True)
            after = assert_every_page_agrees(client, cast, now)[judged[0].pk]
        assert (before, after) == ("amber", "green")

    def test_a_close(self, client: Any, cast: Any, judged: list[Task]) -> None:
        now = local(2025, 3, 5)
        with time_machine.travel(now, tick=False):
            make_closing_report(
                judged[0],
                officer=cast.andy,
                leader=cast.amy,
                supervisor=cast.sam,
                period="2025-03",
                helpers=[cast.ben],
            )
            L.do_close_task(cast.sam, Task.objects.get(pk=judged[0].pk))
            assert assert_every_page_agrees(client, cast, now)[judged[0].pk] == "closed"

    def test_a_reassignment_a_unit_merge_and_a_correction(
        self, client: Any, cast: Any, judged: list[Task]
    ) -> None:
        now = local(2025, 3, 5)
        with time_machine.travel(now, tick=False):
            for period in ("2025-01", "2025-02"):
                _accept(cast, judged[0], period, 30)
            assert assert_every_page_agrees(client, cast, now)[judged[0].pk] == "green"
            L.do_reassign_task(cast.sam, judged[0], lead=[cast.unit_b])  # unit B has reported nothing
            assert assert_every_page_agrees(client, cast, now)[judged[0].pk] == "green"  # assigned anew today
            U.do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
            assert_every_page_agrees(client, cast, now)
            S.do_correct_task(cast.sam, judged[1], deadline=("month", 2025, 2), reason="文件时限为2月")
            assert assert_every_page_agrees(client, cast, now)[judged[1].pk] == "red"  # now past it
