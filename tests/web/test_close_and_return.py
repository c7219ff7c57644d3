"""办结 (close) needs what a supervisor would require; a unit leader returns a report to the
officer; the 督办单 and its reply form are reached from the unit's task page and inbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_closing_report, make_unit
from taizhang.ledger import actions as L
from taizhang.ledger.access import can_close_task
from taizhang.ledger.models import AssignmentRole, ReportStatus, Task, TaskAssignment, TaskStatus
from taizhang.supervision.actions import do_issue_supervision_notice
from taizhang.units.models import UnitKind

pytestmark = pytest.mark.django_db


def _accepted(
    cast: Any,
    task: Task,
    *,
    percent: int = 100,
    ask: bool = True,
    evidence: bool = True,
    helpers: tuple[Any, ...] = (),
    period: str = "2025-06",
) -> Any:
    report = L.do_save_report(
        cast.andy, task=task, period=period, narrative="进展", percent=percent, requests_close=ask
    )
    if evidence:
        L.do_add_attachment(cast.andy, report, name="验收.pdf", data=b"%PDF-1.4")
    for person in helpers:
        L.do_add_contribution(person, report, text="协办部分完成")
    L.do_submit_report(cast.andy, report)
    L.do_approve_report(cast.amy, report)
    return L.do_accept_report(cast.sam, report)


def _refusal(cast: Any, task: Task) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        L.do_close_task(cast.sam, task)
    return refused.value.message_dict


class CloseRequirementsTestCase:
    def test_a_task_at_25_percent_is_not_closed_and_keeps_its_progress(self, cast: Any, tasks: Any) -> None:
        _accepted(cast, tasks[0], percent=25, ask=False, helpers=(cast.ben,))
        problems = _refusal(cast, tasks[0])
        assert "25%" in problems["progress"][0]
        task = Task.objects.get(pk=tasks[0].pk)
        assert (task.status, task.progress) == (TaskStatus.IN_PROGRESS, 25)

    def test_asking_to_close_needs_100_percent(self, cast: Any, tasks: Any) -> None:
        with pytest.raises(ValidationError) as refused:
            L.do_save_report(
                cast.andy, task=tasks[0], period="2025-06", narrative="x", percent=90, requests_close=True
            )
        assert "requests_close" in refused.value.message_dict

    def test_a_refusal_names_everything_missing(self, cast: Any, tasks: Any) -> None:
        problems = _refusal(cast, tasks[0])  # nothing reported yet
        assert set(problems) == {"progress", "request", "evidence", "contributions"}
        assert "区发展改革局" in problems["contributions"][0]

    def test_the_lead_units_request_is_needed(self, cast: Any, tasks: Any) -> None:
        _accepted(cast, tasks[0], ask=False, helpers=(cast.ben,))
        assert set(_refusal(cast, tasks[0])) == {"request"}

    def test_evidence_is_needed(self, cast: Any, tasks: Any) -> None:
        _accepted(cast, tasks[0], evidence=False, helpers=(cast.ben,))
        assert set(_refusal(cast, tasks[0])) == {"evidence"}

    def test_every_assigned_co_unit_must_have_added_its_part(self, cast: Any, tasks: Any) -> None:
        _accepted(cast, tasks[0])  # 区发展改革局 helps and said nothing
        problems = _refusal(cast, tasks[0])
        assert set(problems) == {"contributions"} and "区发展改革局" in problems["contributions"][0]

    def test_a_collective_co_unit_is_not_asked(self, cast: Any, tasks: Any) -> None:
        collective = make_unit("各街道办", kind=UnitKind.COLLECTIVE)
        TaskAssignment.objects.create(task=tasks[0], unit=collective, role=AssignmentRole.CO, order=5)
        _accepted(cast, tasks[0], helpers=(cast.ben,))
        assert can_close_task(cast.sam, Task.objects.get(pk=tasks[0].pk))

    def test_a_task_with_everything_closes_without_touching_its_progress(self, cast: Any, tasks: Any) -> None:
        make_closing_report(
            tasks[0],
            officer=cast.andy,
            leader=cast.amy,
            supervisor=cast.sam,
            period="2025-06",
            helpers=[cast.ben],
        )
        task = L.do_close_task(cast.sam, tasks[0], note="验收通过")
        assert (task.status, task.progress) == (TaskStatus.CLOSED, 100)
        entry = HistoryEntry.objects.get(task_id=task.pk, action="close_task")
        assert entry.before["progress"] == entry.after["progress"] == 100

    def test_the_latest_accepted_report_decides(self, cast: Any, tasks: Any) -> None:
        make_closing_report(
            tasks[0],
            officer=cast.andy,
            leader=cast.amy,
            supervisor=cast.sam,
            period="2025-06",
            helpers=[cast.ben],
        )
        _accepted(
            cast, tasks[0], percent=80, ask=False, evidence=False, helpers=(cast.ben,), period="2025-07"
        )
        assert "progress" in _refusal(cast, tasks[0])

    def test_only_the_supervisor_closes(self, cast: Any, tasks: Any) -> None:
        make_closing_report(
            tasks[0],
            officer=cast.andy,
            leader=cast.amy,
            supervisor=cast.sam,
            period="2025-06",
            helpers=[cast.ben],
        )
        for person in (cast.amy, cast.andy, cast.vera):
            with pytest.raises(PermissionDenied):
                L.do_close_task(person, tasks[0])

    def test_the_task_page_says_what_is_missing_instead_of_offering_to_close(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        _accepted(cast, tasks[0], percent=60, ask=False, helpers=(cast.ben,))
        client.force_login(cast.sam)
        page = client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).content.decode()
        close = page.split('id="close"')[1].split("</section>")[0]
        assert reverse("ledger:task_close", args=[tasks[0].pk]) not in close
        assert 'data-missing="progress"' in close and 'data-missing="request"' in close
        response = client.post(reverse("ledger:task_close", args=[tasks[0].pk]), {"note": ""})
        assert response.status_code == 400
        assert Task.objects.get(pk=tasks[0].pk).status != TaskStatus.CLOSED

    def test_the_page_offers_to_close_when_everything_is_there(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        make_closing_report(
            tasks[0],
            officer=cast.andy,
            leader=cast.amy,
            supervisor=cast.sam,
            period="2025-06",
            helpers=[cast.ben],
        )
        client.force_login(cast.sam)
        page = client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).content.decode()
        assert reverse("ledger:task_close", args=[tasks[0].pk]) in page
        assert (
            client.post(reverse("ledger:task_close", args=[tasks[0].pk]), {"note": "好"}).status_code == 302
        )


class LeaderReturnsReportTestCase:
    @pytest.fixture
    def submitted(self, cast: Any, tasks: Any) -> Any:
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-06", narrative="初稿", percent=40)
        return L.do_submit_report(cast.andy, report)

    def test_the_leader_returns_a_submitted_report_with_the_reason(self, cast: Any, submitted: Any) -> None:
        report = L.do_return_report_to_officer(cast.amy, submitted, reason="请补充量化数据")
        assert (report.status, report.comments) == (ReportStatus.RETURNED, "请补充量化数据")
        assert HistoryEntry.objects.filter(object_id=report.pk, action="return_report_to_officer").exists()
        edited = L.do_save_report(
            cast.andy,
            task=report.task,
            period=report.period,
            narrative="补充后",
            percent=45,
            report=report,
            seen_version=report.version,
        )
        assert L.do_submit_report(cast.andy, edited).status == ReportStatus.SUBMITTED

    def test_a_reason_is_required(self, cast: Any, submitted: Any) -> None:
        with pytest.raises(ValidationError) as refused:
            L.do_return_report_to_officer(cast.amy, submitted, reason="  ")
        assert "reason" in refused.value.message_dict

    def test_only_the_reports_own_leader_returns_it_and_only_when_submitted(
        self, cast: Any, submitted: Any
    ) -> None:
        for person in (cast.andy, cast.bob, cast.ben, cast.sam, cast.vera):
            with pytest.raises(PermissionDenied):
                L.do_return_report_to_officer(person, submitted, reason="x")
        L.do_approve_report(cast.amy, submitted)
        with pytest.raises(ValidationError):
            L.do_return_report_to_officer(cast.amy, submitted, reason="x")

    def test_the_leader_sees_the_return_form_and_uses_it(
        self, client: Any, cast: Any, submitted: Any
    ) -> None:
        url = reverse("ledger:report_return_to_officer", args=[submitted.pk])
        client.force_login(cast.andy)
        officer_page = client.get(reverse("ledger:task_detail", args=[submitted.task_id])).content.decode()
        assert url not in officer_page
        client.force_login(cast.amy)
        page = client.get(reverse("ledger:task_detail", args=[submitted.task_id])).content.decode()
        assert url in page
        response = client.post(url, {f"b{submitted.pk}-reason": "数据有误"})
        assert response.status_code == 302
        submitted.refresh_from_db()
        assert (submitted.status, submitted.comments) == (ReportStatus.RETURNED, "数据有误")

    def test_the_api_returns_a_report_to_the_officer(self, cast: Any, submitted: Any) -> None:
        from rest_framework.test import APIClient

        api = APIClient()
        api.force_authenticate(cast.amy)
        response = api.post(
            f"/api/reports/{submitted.pk}/return-to-officer/", {"reason": "补充"}, format="json"
        )
        assert response.status_code == 200 and response.json()["status"] == ReportStatus.RETURNED


class SupervisionNoticeReachedTestCase:
    @pytest.fixture
    def notice(self, cast: Any, tasks: Any) -> Any:
        return do_issue_supervision_notice(
            cast.sam,
            tasks[0],
            instruction="请报送推进情况",
            due_on=timezone.localdate() + dt.timedelta(days=5),
        )

    def test_the_units_task_page_links_to_the_reply_form(self, client: Any, cast: Any, notice: Any) -> None:
        client.force_login(cast.andy)
        page = client.get(reverse("ledger:task_detail", args=[notice.task_id])).content.decode()
        target = f"{reverse('supervision:task', args=[notice.task_id])}#notice-{notice.pk}"
        section = page.split('id="supervision-notices"')[1].split("</section>")[0]
        assert target in section and "请报送推进情况" in section
        reply = client.get(reverse("supervision:task", args=[notice.task_id])).content.decode()
        assert reverse("supervision:notice_answer", args=[notice.pk]) in reply

    def test_a_co_unit_sees_the_notice_but_is_not_asked_to_answer(
        self, client: Any, cast: Any, notice: Any
    ) -> None:
        client.force_login(cast.ben)
        page = client.get(reverse("ledger:task_detail", args=[notice.task_id])).content.decode()
        section = page.split('id="supervision-notices"')[1].split("</section>")[0]
        assert "请报送推进情况" in section and "btn" not in section
        reply = client.get(reverse("supervision:task", args=[notice.task_id])).content.decode()
        assert reverse("supervision:notice_answer", args=[notice.pk]) not in reply

    def test_the_inbox_lists_the_notice_with_a_link_to_the_reply_form(
        self, client: Any, cast: Any, notice: Any
    ) -> None:
        client.force_login(cast.amy)
        response = client.get(reverse("ledger:inbox"))
        section = next(s for s in response.context["sections"] if s["key"] == "notices")
        assert [row.pk for row in section["rows"]] == [notice.pk]
        assert section["rows"][0].href.endswith(f"#notice-{notice.pk}")
        client.force_login(cast.ben)  # a co-unit does not answer it
        other = client.get(reverse("ledger:inbox"))
        assert next(s for s in other.context["sections"] if s["key"] == "notices")["count"] == 0
