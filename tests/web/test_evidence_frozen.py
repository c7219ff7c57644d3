"""Evidence is frozen once a report is approved (issue 9): after the unit leader's approval (and
after the supervisor's acceptance) no evidence file is attached or removed, by the page, the API,
the actions or any other code; a supervisor's return opens it again."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.core.models import HistoryEntry
from taizhang.ledger import actions as L
from taizhang.ledger.models import Attachment, EvidenceFrozen, ProgressReport

pytestmark = pytest.mark.django_db
FROZEN = "佐证材料已锁定"


def _approved_with_evidence(cast, task):
    report = L.do_save_report(cast.andy, task=task, period="2025-01", narrative="进展", percent=40)
    attachment = L.do_add_attachment(cast.andy, report, name="佐证.pdf", data=b"%PDF-1.4")
    report = L.do_approve_report(cast.amy, L.do_submit_report(cast.andy, report))
    return report, attachment


def _fresh(attachment):
    return Attachment.objects.select_related("report__task", "report__unit").get(pk=attachment.pk)


class ActionsTestCase:
    def test_the_officer_removes_a_wrong_file_from_his_draft(
        self, cast, tasks, django_capture_on_commit_callbacks
    ):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=5)
        attachment = L.do_add_attachment(cast.andy, report, name="错的.pdf", data=b"%PDF-1.4")
        stored, storage = attachment.file.name, attachment.file.storage
        assert storage.exists(stored)
        with django_capture_on_commit_callbacks(execute=True):
            L.do_delete_attachment(cast.andy, _fresh(attachment))
        assert not Attachment.objects.exists() and not storage.exists(stored)
        entry = HistoryEntry.objects.get(action="delete_attachment")
        assert entry.task_id == tasks[0].pk and entry.before["name"] == "错的.pdf"

    def test_after_the_leaders_approval_nothing_is_attached_or_removed(self, cast, tasks):
        report, attachment = _approved_with_evidence(cast, tasks[0])
        with pytest.raises(ValidationError, match=FROZEN):
            L.do_add_attachment(cast.andy, report, name="补充.pdf", data=b"%PDF-1.4")
        with pytest.raises(ValidationError, match=FROZEN):
            L.do_delete_attachment(cast.andy, _fresh(attachment))
        L.do_accept_report(cast.sam, report)
        with pytest.raises(ValidationError, match=FROZEN):
            L.do_delete_attachment(cast.andy, _fresh(attachment))
        assert list(Attachment.objects.values_list("name", flat=True)) == ["佐证.pdf"]

    def test_no_other_code_path_adds_or_removes_a_frozen_reports_files(self, cast, tasks):
        report, attachment = _approved_with_evidence(cast, tasks[0])
        extra = Attachment(report=report, name="后补.pdf", size=8)
        extra.file.save("后补.pdf", ContentFile(b"%PDF-1.4"), save=False)
        with pytest.raises(EvidenceFrozen):
            extra.save()
        with pytest.raises(EvidenceFrozen):
            Attachment.objects.get(pk=attachment.pk).delete()
        with pytest.raises(EvidenceFrozen):
            Attachment.objects.filter(report=report).delete()
        assert Attachment.objects.filter(report=report).count() == 1

    def test_a_supervisors_return_opens_the_evidence_again(self, cast, tasks):
        report, attachment = _approved_with_evidence(cast, tasks[0])
        L.do_return_report(cast.sam, report, comments="补充佐证材料")
        report = ProgressReport.objects.get(pk=report.pk)
        L.do_add_attachment(cast.andy, report, name="补充.pdf", data=b"%PDF-1.4")
        L.do_delete_attachment(cast.andy, _fresh(attachment))
        assert list(Attachment.objects.values_list("name", flat=True)) == ["补充.pdf"]


class PagesTestCase:
    def test_the_page_refuses_attaching_to_and_removing_from_an_approved_report(self, client, cast, tasks):
        report, attachment = _approved_with_evidence(cast, tasks[0])
        client.force_login(cast.andy)
        page = client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).content.decode()
        assert reverse("ledger:report_attach", args=[report.pk]) not in page
        assert reverse("ledger:attachment_delete", args=[attachment.pk]) not in page
        upload = SimpleUploadedFile("补充.pdf", b"%PDF-1.4", content_type="application/pdf")
        response = client.post(
            reverse("ledger:report_attach", args=[report.pk]), {f"a{report.pk}-file": upload}
        )
        assert response.status_code == 400 and FROZEN in response.content.decode()
        response = client.post(reverse("ledger:attachment_delete", args=[attachment.pk]))
        assert response.status_code == 400 and FROZEN in response.content.decode()
        assert Attachment.objects.count() == 1

    def test_the_officer_removes_a_file_from_his_draft_on_the_page(self, client, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=5)
        attachment = L.do_add_attachment(cast.andy, report, name="错的.pdf", data=b"%PDF-1.4")
        client.force_login(cast.ben)  # another unit: no such file to remove
        assert client.post(reverse("ledger:attachment_delete", args=[attachment.pk])).status_code in (
            403,
            404,
        )
        client.force_login(cast.andy)
        page = client.get(reverse("ledger:task_detail", args=[tasks[0].pk])).content.decode()
        assert reverse("ledger:attachment_delete", args=[attachment.pk]) in page
        response = client.post(reverse("ledger:attachment_delete", args=[attachment.pk]))
        assert response.status_code == 302 and not Attachment.objects.exists()
