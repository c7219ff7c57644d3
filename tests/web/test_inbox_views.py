"""The overview (/) and the inbox (/inbox/): what each role sees waiting, with fixed query counts."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taizhang.ledger import actions as L
from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment, TaskStatus
from taizhang.ledger.views import period_of
from taizhang.supervision.actions import do_issue_supervision_notice

pytestmark = pytest.mark.django_db

# A day after the sample deadlines (2025), so its dated tasks are overdue and behind schedule.
LATER = dt.datetime(2026, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _login(client: Any, cast: Any, name: str) -> Any:
    client.force_login(getattr(cast, name))
    return client


def _sections(response: Any) -> dict[str, Any]:
    return {s["key"]: s for s in response.context["sections"]}


def _pks(section: dict[str, Any]) -> list[int]:
    return [row.pk for row in section["rows"]]


class HomeTestCase:
    def test_anonymous_people_are_sent_to_log_in(self, client: Any, settings: Any) -> None:
        settings.LOGIN_URL = "/accounts/login/"
        assert client.get(reverse("ledger:home")).status_code == 302

    @pytest.mark.parametrize("name", ["amy", "andy", "bob", "ben"])
    def test_unit_people_are_sent_to_their_inbox(self, client: Any, cast: Any, name: str) -> None:
        response = _login(client, cast, name).get(reverse("ledger:home"))
        assert response.status_code == 302
        assert response["Location"] == reverse("ledger:inbox")

    @pytest.mark.parametrize("name", ["alice", "sam", "vera"])
    def test_steering_roles_see_each_policys_progress_and_counts(
        self, client: Any, cast: Any, tasks: Any, name: str
    ) -> None:
        L.do_acknowledge_task(cast.andy, tasks[0])
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="x", percent=60)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_accept_report(cast.sam, report)
        response = _login(client, cast, name).get(reverse("ledger:home"))
        assert response.status_code == 200
        policy = response.context["policies"][0]
        assert policy.task_count == 3
        assert policy.rollup.percent == 20.0  # (60 + 0 + 0) / 3 with equal weights
        counts = {value: n for value, _label, n in policy.status_counts}
        assert (counts["in_progress"], counts["assigned"]) == (1, 2)

    def test_the_overview_query_count_does_not_grow_with_policies(
        self, client: Any, cast: Any, tasks: Any, django_assert_max_num_queries: Any
    ) -> None:
        from taizhang.devtools.builders import make_policy

        _login(client, cast, "sam")
        with CaptureQueriesContext(connection) as one:
            client.get(reverse("ledger:home"))
        make_policy(cast.sam, name="second.txt")
        with django_assert_max_num_queries(len(one.captured_queries)):
            response = client.get(reverse("ledger:home"))
        assert len(response.context["policies"]) == 2


class UnitInboxTestCase:
    def test_a_new_assignment_waits_to_be_acknowledged(self, client: Any, cast: Any, tasks: Any) -> None:
        sections = _sections(_login(client, cast, "andy").get(reverse("ledger:inbox")))
        assert _pks(sections["acknowledge"]) == [tasks[0].pk, tasks[2].pk]
        L.do_acknowledge_task(cast.andy, tasks[0])
        sections = _sections(client.get(reverse("ledger:inbox")))
        assert _pks(sections["acknowledge"]) == [tasks[2].pk]
        assert sections["acknowledge"]["count"] == 1

    @time_machine.travel(LATER, tick=False)
    def test_reports_due_this_cycle_are_the_led_tasks_without_a_submitted_report(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        _login(client, cast, "andy")
        assert _pks(_sections(client.get(reverse("ledger:inbox")))["due"]) == [tasks[0].pk]
        period = period_of("monthly", timezone.localdate())
        report = L.do_save_report(cast.andy, task=tasks[0], period=period, narrative="x", percent=10)
        assert _pks(_sections(client.get(reverse("ledger:inbox")))["due"]) == [
            tasks[0].pk
        ]  # a draft is not filed
        L.do_submit_report(cast.andy, report)
        assert _pks(_sections(client.get(reverse("ledger:inbox")))["due"]) == []

    def test_a_returned_report_and_one_awaiting_approval_are_listed(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        first = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=10)
        second = L.do_save_report(cast.andy, task=tasks[0], period="2025-02", narrative="y", percent=20)
        L.do_submit_report(cast.andy, first)
        L.do_return_report(cast.sam, first, comments="请补充")
        L.do_submit_report(cast.andy, second)
        officer = _sections(_login(client, cast, "andy").get(reverse("ledger:inbox")))
        assert _pks(officer["returned"]) == [first.pk]
        assert "approve" not in officer
        leader = _sections(_login(client, cast, "amy").get(reverse("ledger:inbox")))
        assert _pks(leader["approve"]) == [second.pk]

    @time_machine.travel(LATER, tick=False)
    def test_tasks_past_their_deadline_are_listed_until_closed(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        # Task 3 is ongoing (常态化推进), so it is never overdue.
        sections = _sections(_login(client, cast, "bob").get(reverse("ledger:inbox")))
        assert _pks(sections["overdue"]) == [tasks[0].pk, tasks[1].pk]

    def test_another_units_waiting_work_is_not_shown(self, client: Any, cast: Any, tasks: Any) -> None:
        theirs = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="x", percent=10)
        L.do_submit_report(cast.ben, theirs)
        sections = _sections(_login(client, cast, "amy").get(reverse("ledger:inbox")))
        assert theirs.pk not in _pks(sections["approve"])
        assert tasks[1].pk not in _pks(sections["overdue"])

    def test_the_inbox_query_count_does_not_grow_with_rows(
        self, client: Any, cast: Any, policy: Any, tasks: Any, django_assert_max_num_queries: Any
    ) -> None:
        _login(client, cast, "amy")
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("ledger:inbox"))
        made = Task.objects.bulk_create(
            [
                Task(
                    policy=policy,
                    ref=f"9.{i}",
                    order=100 + i,
                    text=f"任务{i}",
                    status=TaskStatus.ASSIGNED,
                    deadline_kind="month",
                    deadline_year=2025,
                    deadline_month=3,
                )
                for i in range(30)
            ]
        )
        TaskAssignment.objects.bulk_create(
            [TaskAssignment(task=t, unit=cast.unit_a, role=AssignmentRole.LEAD) for t in made]
        )
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(reverse("ledger:inbox"))
        assert _sections(response)["acknowledge"]["count"] == 32


class InboxCountingTestCase:
    """Each section counts up to a cap ("1000+") and shows its first rows, in fixed queries."""

    def _assigned(self, policy: Any, unit: Any, n: int) -> list[Task]:
        made = Task.objects.bulk_create(
            [
                Task(
                    policy=policy,
                    ref=f"8.{i}",
                    order=200 + i,
                    text=f"待签收任务{i}" * 10,
                    status=TaskStatus.ASSIGNED,
                    deadline_kind="month",
                    deadline_year=2025,
                    deadline_month=3,
                )
                for i in range(n)
            ]
        )
        TaskAssignment.objects.bulk_create(
            [TaskAssignment(task=t, unit=unit, role=AssignmentRole.LEAD) for t in made]
        )
        return made

    def test_past_the_cap_a_section_says_more(
        self, client: Any, cast: Any, policy: Any, tasks: Any, monkeypatch: Any
    ) -> None:
        from taizhang.ledger import views

        monkeypatch.setattr(views, "INBOX_COUNT_CAP", 20)
        monkeypatch.setattr(views, "LIST_SIZE", 10)
        made = self._assigned(policy, cast.unit_a, 30)
        response = _login(client, cast, "andy").get(reverse("ledger:inbox"))
        ack = _sections(response)["acknowledge"]
        assert (ack["count"], ack["more"]) == (20, True)
        assert _pks(ack) == sorted([tasks[0].pk, tasks[2].pk, *(t.pk for t in made)])[:10]
        content = response.content.decode()
        assert '<strong data-count="acknowledge">20+</strong>' in content
        row = ack["rows"][2]
        assert f'<a href="{reverse("ledger:task_detail", args=[row.pk])}">{row.label} ' in content
        assert "…" in row.title and len(row.text) > 50

    def test_a_section_under_the_cap_is_counted_exactly(
        self, client: Any, cast: Any, policy: Any, tasks: Any
    ) -> None:
        self._assigned(policy, cast.unit_a, 30)
        ack = _sections(_login(client, cast, "andy").get(reverse("ledger:inbox")))["acknowledge"]
        assert (ack["count"], ack["more"]) == (32, False)

    def _fill(self, cast: Any, policy: Any, n: int) -> None:
        """``n`` more rows in every section of unit A's leader and of the supervisor."""
        made = self._assigned(policy, cast.unit_a, 3 * n)
        for task in made[:n]:  # reports submitted (the leader's), approved (the supervisor's), returned
            for period, moves in (("2025-01", 1), ("2025-02", 2), ("2025-03", 3)):
                report = L.do_save_report(cast.andy, task=task, period=period, narrative="x", percent=10)
                L.do_submit_report(cast.andy, report)
                if moves == 2:
                    L.do_approve_report(cast.amy, report)
                if moves == 3:
                    L.do_return_report(cast.sam, report, comments="请补充佐证材料")
        for task in made[n : 2 * n]:
            L.do_request_extension(cast.andy, task, kind="year", year=2026, reason="资金未到位")
        for task in made[2 * n :]:
            L.do_return_task(cast.andy, task, reason="不属于本单位职责")
        for task in made[:n]:  # supervision notices (督办单) the unit answers
            do_issue_supervision_notice(
                cast.sam,
                task,
                instruction="请报送推进情况",
                due_on=timezone.localdate() + dt.timedelta(days=7),
            )

    @pytest.mark.parametrize("name", ["sam", "amy"])
    def test_the_query_count_does_not_grow_with_rows_for_steering_and_leaders(
        self, client: Any, cast: Any, policy: Any, tasks: Any, name: str
    ) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("ledger:inbox"))
            assert response.status_code == 200
            assert all(s["rows"] for s in response.context["sections"]), "every section shows rows"
            return len(queries)

        _login(client, cast, name)
        self._fill(cast, policy, 1)
        few = count()
        self._fill(cast, policy, 50)
        assert count() == few


class SteeringInboxTestCase:
    @pytest.mark.parametrize("name", ["alice", "sam", "vera"])
    def test_steering_roles_see_reports_to_review_and_extension_requests(
        self, client: Any, cast: Any, tasks: Any, name: str
    ) -> None:
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=10)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        ext = L.do_request_extension(cast.ben, tasks[1], kind="year", year=2026, reason="资金未到位")
        L.do_return_task(cast.andy, tasks[2], reason="不属于本单位职责")
        sections = _sections(_login(client, cast, name).get(reverse("ledger:inbox")))
        assert _pks(sections["review"]) == [report.pk]
        assert _pks(sections["extensions"]) == [ext.pk]
        assert _pks(sections["returned_tasks"]) == [tasks[2].pk]


class RolelessUserTestCase:
    def test_a_user_without_a_role_sees_nothing(self, client: Any, tasks: Any) -> None:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.create_user("nobody", password="x"))
        assert list(client.get(reverse("ledger:home")).context["policies"]) == []
        assert all(s["count"] == 0 for s in client.get(reverse("ledger:inbox")).context["sections"])
        assert list(client.get(reverse("ledger:task_list")).context["rows"]) == []
        assert client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).status_code == 404
