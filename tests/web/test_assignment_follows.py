"""Authorisation follows the current assignment (issue 9): once the supervisor reassigns a task
away from a unit, that unit's open report is no longer edited, given evidence, submitted or
approved, and the supervisor cannot accept it; every path (page, API, action) says why."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from taizhang.accounts.actions import do_create_api_token
from taizhang.ledger import actions as L
from taizhang.ledger.models import Attachment, ProgressReport, ReportStatus, Task

pytestmark = pytest.mark.django_db
MOVED = "已重新交办，区商务局不再是牵头单位"


def api(user: Any) -> APIClient:
    client = APIClient()
    _, key = do_create_api_token(user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _report(cast: Any, task: Task, status: str = "draft") -> ProgressReport:
    report = L.do_save_report(cast.andy, task=task, period="2025-01", narrative="进展", percent=40)
    if status in ("submitted", "approved"):
        report = L.do_submit_report(cast.andy, report)
    if status == "approved":
        report = L.do_approve_report(cast.amy, report)
    return report


def _move_lead_to_b(cast: Any, task: Task, *, a_helps: bool = True) -> None:
    task = Task.objects.get(pk=task.pk)
    L.do_reassign_task(cast.sam, task, lead=[cast.unit_b], co=[cast.unit_a] if a_helps else [])


def _fresh(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_related("task", "unit").get(pk=report.pk)


class ActionsTestCase:
    def test_the_old_units_draft_is_no_longer_edited_given_evidence_or_submitted(self, cast, tasks):
        report = _report(cast, tasks[0])
        _move_lead_to_b(cast, tasks[0], a_helps=False)
        with pytest.raises(ValidationError, match=MOVED):
            L.do_submit_report(cast.andy, _fresh(report))
        with pytest.raises(ValidationError, match=MOVED):
            L.do_add_attachment(cast.andy, _fresh(report), name="佐证.pdf", data=b"%PDF-1.4")
        with pytest.raises(ValidationError, match=MOVED):
            L.do_save_report(
                cast.andy,
                task=report.task,
                period=report.period,
                narrative="改",
                percent=50,
                report=_fresh(report),
                seen_version=report.version,
            )
        assert _fresh(report).status == ReportStatus.DRAFT and not Attachment.objects.exists()

    def test_a_submitted_report_is_not_approved_nor_an_approved_one_accepted(self, cast, tasks):
        submitted = _report(cast, tasks[0], "submitted")
        _move_lead_to_b(cast, tasks[0])
        with pytest.raises(ValidationError, match=MOVED):
            L.do_approve_report(cast.amy, _fresh(submitted))

    def test_the_supervisor_cannot_accept_and_close_on_the_old_units_report(self, cast, tasks):
        approved = _report(cast, tasks[0], "approved")
        _move_lead_to_b(cast, tasks[0])
        with pytest.raises(ValidationError, match=MOVED):
            L.do_accept_report(cast.sam, _fresh(approved))
        assert _fresh(approved).status == ReportStatus.APPROVED_BY_LEADER
        # Returning it stays possible: the supervisor clears it away.
        L.do_return_report(cast.sam, _fresh(approved), comments="任务已改由区发展改革局牵头")

    def test_a_unit_given_the_lead_back_works_on_its_report_again(self, cast, tasks):
        report = _report(cast, tasks[0])
        _move_lead_to_b(cast, tasks[0])
        L.do_reassign_task(cast.sam, Task.objects.get(pk=tasks[0].pk), lead=[cast.unit_a], co=[cast.unit_b])
        assert L.do_submit_report(cast.andy, _fresh(report)).status == ReportStatus.SUBMITTED


class PagesAndApiTestCase:
    def test_the_task_page_offers_the_old_unit_no_submit_or_evidence_and_refuses_the_post(
        self, client, cast, tasks
    ):
        report = _report(cast, tasks[0])
        _move_lead_to_b(cast, tasks[0])  # A still helps, so it still reads the task
        client.force_login(cast.andy)
        page = client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).content.decode()
        assert reverse("ledger:report_submit", args=[report.pk]) not in page
        assert reverse("ledger:report_attach", args=[report.pk]) not in page
        response = client.post(reverse("ledger:report_submit", args=[report.pk]))
        assert response.status_code == 400 and MOVED in response.content.decode()
        assert _fresh(report).status == ReportStatus.DRAFT

    def test_the_api_refuses_evidence_submission_and_acceptance_with_the_reason(self, cast, tasks):
        draft = _report(cast, tasks[0])
        _move_lead_to_b(cast, tasks[0], a_helps=False)
        andy = api(cast.andy)
        upload = SimpleUploadedFile("佐证.pdf", b"%PDF-1.4", content_type="application/pdf")
        response = andy.post(f"/api/reports/{draft.pk}/attachments/", {"file": upload}, format="multipart")
        assert response.status_code == 400 and MOVED in response.content.decode()
        response = andy.post(f"/api/reports/{draft.pk}/submit/")
        assert response.status_code == 400 and MOVED in response.content.decode()
        assert not Attachment.objects.exists() and _fresh(draft).status == ReportStatus.DRAFT

    def test_the_api_refuses_to_accept_the_old_units_approved_report(self, cast, tasks):
        approved = _report(cast, tasks[0], "approved")
        _move_lead_to_b(cast, tasks[0])
        response = api(cast.sam).post(f"/api/reports/{approved.pk}/accept/", {"comments": ""}, format="json")
        assert response.status_code == 400 and MOVED in response.content.decode()
        assert _fresh(approved).status == ReportStatus.APPROVED_BY_LEADER
