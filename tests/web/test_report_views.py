"""Progress reports on the task page: draft, edit, submit, approve, review, contribute, evidence."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from taizhang.devtools.builders import make_closing_report
from taizhang.ledger import actions as L
from taizhang.ledger.models import Attachment, Metric, ProgressReport, ReportContribution, ReportStatus
from taizhang.ledger.views import period_of

pytestmark = pytest.mark.django_db

PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben"]


def _login(client: Any, cast: Any, name: str) -> Any:
    client.force_login(getattr(cast, name))
    return client


def _draft(cast: Any, task: Any, period: str = "2025-03") -> ProgressReport:
    return L.do_save_report(cast.andy, task=task, period=period, narrative="已完成方案", percent=30)


def _edit_form(report: ProgressReport, **values: Any) -> dict[str, Any]:
    form = {"version": report.version, "narrative": report.narrative, "percent": report.percent, **values}
    return {f"r{report.pk}-{key}": value for key, value in form.items()}


class ReportDraftTestCase:
    def test_the_lead_units_officer_writes_this_periods_report_with_evidence(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        evidence = SimpleUploadedFile("方案.pdf", b"%PDF-1.4 evidence")
        response = _login(client, cast, "andy").post(
            reverse("ledger:report_create", args=[tasks[0].pk]),
            {"new-narrative": "印发实施方案", "new-percent": "40", "new-file": evidence},
        )
        assert response.status_code == 302
        report = ProgressReport.objects.get(task=tasks[0])
        assert (report.period, report.percent, report.unit) == (
            period_of("monthly", timezone.localdate()),
            40,
            cast.unit_a,
        )
        assert report.attachments.get().name == "方案.pdf"

    def test_a_percent_over_100_is_refused_naming_the_field(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "andy").post(
            reverse("ledger:report_create", args=[tasks[0].pk]), {"new-narrative": "x", "new-percent": "130"}
        )
        assert response.status_code == 400
        assert "percent" in response.context["report_form"].errors
        assert not ProgressReport.objects.exists()

    @pytest.mark.parametrize(
        "name, status", [("sam", 403), ("vera", 403), ("amy", 403), ("ben", 403), ("bob", 403)]
    )
    def test_nobody_else_writes_the_lead_units_report(
        self, client: Any, cast: Any, tasks: Any, name: str, status: int
    ) -> None:
        response = _login(client, cast, name).post(
            reverse("ledger:report_create", args=[tasks[0].pk]), {"new-narrative": "x", "new-percent": "10"}
        )
        assert response.status_code == status
        assert not ProgressReport.objects.exists()

    def test_the_officer_edits_his_draft(self, client: Any, cast: Any, tasks: Any) -> None:
        report = _draft(cast, tasks[0])
        response = _login(client, cast, "andy").post(
            reverse("ledger:report_edit", args=[report.pk]),
            _edit_form(report, narrative="完成过半", percent=55),
        )
        assert response.status_code == 302
        report.refresh_from_db()
        assert (report.narrative, report.percent, report.version) == ("完成过半", 55, 2)

    def test_a_stale_edit_is_refused_and_shows_the_other_persons_values(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = _draft(cast, tasks[0])
        seen = _edit_form(report, narrative="我的版本", percent=50)
        L.do_save_report(
            cast.andy,
            task=tasks[0],
            period=report.period,
            narrative="同事的版本",
            percent=60,
            report=report,
            seen_version=report.version,
        )
        response = _login(client, cast, "andy").post(reverse("ledger:report_edit", args=[report.pk]), seen)
        assert response.status_code == 409
        shown = next(r for r in response.context["reports"] if r.pk == report.pk)
        assert shown.conflict["narrative"] == "同事的版本"
        assert "同事的版本" in response.content.decode()
        assert ProgressReport.objects.get(pk=report.pk).narrative == "同事的版本"

    def test_an_edit_without_the_version_is_refused(self, client: Any, cast: Any, tasks: Any) -> None:
        report = _draft(cast, tasks[0])
        form = _edit_form(report, narrative="改")
        del form[f"r{report.pk}-version"]
        response = _login(client, cast, "andy").post(reverse("ledger:report_edit", args=[report.pk]), form)
        assert response.status_code == 400
        assert ProgressReport.objects.get(pk=report.pk).narrative == "已完成方案"

    def test_an_officer_of_unit_a_posting_to_unit_bs_report_gets_404_and_nothing_changes(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        theirs = L.do_save_report(cast.ben, task=tasks[1], period="2025-03", narrative="B 的报送", percent=20)
        _login(client, cast, "andy")
        for name in ("report_edit", "report_submit", "report_attach", "report_contribute", "report_review"):
            response = client.post(
                reverse(f"ledger:{name}", args=[theirs.pk]), _edit_form(theirs, narrative="篡改")
            )
            assert response.status_code == 404, name
        theirs.refresh_from_db()
        assert (theirs.narrative, theirs.status, theirs.version) == ("B 的报送", ReportStatus.DRAFT, 1)

    def test_a_co_unit_may_read_but_not_edit_the_lead_units_report(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = _draft(cast, tasks[0])
        response = _login(client, cast, "ben").post(
            reverse("ledger:report_edit", args=[report.pk]), _edit_form(report, narrative="篡改")
        )
        assert response.status_code == 403
        assert ProgressReport.objects.get(pk=report.pk).narrative == "已完成方案"


class ReportReviewTestCase:
    def test_a_report_goes_from_draft_to_accepted(self, client: Any, cast: Any, tasks: Any) -> None:
        report = _draft(cast, tasks[0])
        assert (
            _login(client, cast, "andy").post(reverse("ledger:report_submit", args=[report.pk])).status_code
            == 302
        )
        assert (
            _login(client, cast, "amy").post(reverse("ledger:report_approve", args=[report.pk])).status_code
            == 302
        )
        response = _login(client, cast, "sam").post(
            reverse("ledger:report_review", args=[report.pk]), {f"v{report.pk}-decision": "accept"}
        )
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.status == ReportStatus.ACCEPTED
        assert report.task.progress == 30

    def test_the_supervisor_returns_a_report_only_with_comments(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = _draft(cast, tasks[0])
        L.do_submit_report(cast.andy, report)
        url = reverse("ledger:report_review", args=[report.pk])
        bare = _login(client, cast, "sam").post(url, {f"v{report.pk}-decision": "return"})
        assert bare.status_code == 400
        assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
        client.post(url, {f"v{report.pk}-decision": "return", f"v{report.pk}-comments": "请补充数据"})
        assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.RETURNED

    def test_submitting_twice_is_refused_with_a_message_not_a_crash(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = _draft(cast, tasks[0])
        L.do_submit_report(cast.andy, report)
        response = _login(client, cast, "andy").post(reverse("ledger:report_submit", args=[report.pk]))
        assert response.status_code == 400
        assert response.context["refused"]

    @pytest.mark.parametrize(
        "name, status",
        [("alice", 403), ("sam", 403), ("vera", 403), ("andy", 403), ("bob", 403), ("ben", 403)],
    )
    def test_only_the_units_leader_approves(
        self, client: Any, cast: Any, tasks: Any, name: str, status: int
    ) -> None:
        report = _draft(cast, tasks[0])
        L.do_submit_report(cast.andy, report)
        response = _login(client, cast, name).post(reverse("ledger:report_approve", args=[report.pk]))
        assert response.status_code == status
        assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED

    @pytest.mark.parametrize("name", ["vera", "amy", "andy", "bob", "ben"])
    def test_only_steering_roles_review(self, client: Any, cast: Any, tasks: Any, name: str) -> None:
        report = _draft(cast, tasks[0])
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        response = _login(client, cast, name).post(
            reverse("ledger:report_review", args=[report.pk]), {f"v{report.pk}-decision": "accept"}
        )
        assert response.status_code == 403
        assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.APPROVED_BY_LEADER

    def test_the_supervisor_closes_a_task_with_accepted_evidence(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = make_closing_report(
            tasks[0],
            officer=cast.andy,
            leader=cast.amy,
            supervisor=cast.sam,
            period="2025-12",
            helpers=[cast.ben],
        )
        response = _login(client, cast, "sam").post(
            reverse("ledger:task_close", args=[tasks[0].pk]), {"note": "已完成"}
        )
        assert response.status_code == 302
        report.task.refresh_from_db()
        assert report.task.status == "closed"


class ContributionAndEvidenceTestCase:
    def test_a_co_unit_adds_its_contribution(self, client: Any, cast: Any, tasks: Any) -> None:
        report = _draft(cast, tasks[0])
        response = _login(client, cast, "bob").post(
            reverse("ledger:report_contribute", args=[report.pk]),
            {f"c{report.pk}-text": "已配合完成数据对接"},
        )
        assert response.status_code == 302
        assert ReportContribution.objects.get(report=report).unit == cast.unit_b
        page = _login(client, cast, "sam").get(reverse("ledger:task_detail", args=[tasks[0].pk]))
        assert "已配合完成数据对接" in page.content.decode()

    @pytest.mark.parametrize("name, status", [("sam", 403), ("vera", 403), ("amy", 403), ("andy", 403)])
    def test_others_cannot_contribute(
        self, client: Any, cast: Any, tasks: Any, name: str, status: int
    ) -> None:
        report = _draft(cast, tasks[0])
        response = _login(client, cast, name).post(
            reverse("ledger:report_contribute", args=[report.pk]), {f"c{report.pk}-text": "x"}
        )
        assert response.status_code == status
        assert not ReportContribution.objects.exists()

    def test_the_officer_attaches_evidence_and_readers_download_it(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = _draft(cast, tasks[0])
        _login(client, cast, "andy").post(
            reverse("ledger:report_attach", args=[report.pk]),
            {f"a{report.pk}-file": SimpleUploadedFile("台账.xlsx", b"PK\x03\x04 data")},
        )
        attachment = Attachment.objects.get(report=report)
        for name, status in [("sam", 200), ("vera", 200), ("ben", 200), ("amy", 200)]:
            response = _login(client, cast, name).get(
                reverse("ledger:attachment_download", args=[attachment.pk])
            )
            assert response.status_code == status, name
        assert b"".join(response.streaming_content) == b"PK\x03\x04 data"

    def test_a_unit_without_a_part_cannot_download_anothers_evidence(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        theirs = L.do_save_report(cast.ben, task=tasks[1], period="2025-03", narrative="B", percent=20)
        attachment = L.do_add_attachment(cast.ben, theirs, name="b.pdf", data=b"%PDF")
        response = _login(client, cast, "andy").get(
            reverse("ledger:attachment_download", args=[attachment.pk])
        )
        assert response.status_code == 404

    def test_an_empty_upload_is_refused_naming_the_field(self, client: Any, cast: Any, tasks: Any) -> None:
        report = _draft(cast, tasks[0])
        response = _login(client, cast, "andy").post(reverse("ledger:report_attach", args=[report.pk]), {})
        assert response.status_code == 400
        assert not Attachment.objects.exists()


class MetricValuesTestCase:
    def test_the_report_form_records_a_value_for_each_metric_of_the_task(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        metric = Metric.objects.create(
            policy=tasks[0].policy, task=tasks[0], indicator="全程网办率", value=90, unit="%"
        )
        response = _login(client, cast, "andy").post(
            reverse("ledger:report_create", args=[tasks[0].pk]),
            {"new-narrative": "x", "new-percent": "50", f"new-metric_{metric.pk}": "86.5"},
        )
        assert response.status_code == 302
        assert ProgressReport.objects.get(task=tasks[0]).metric_values == {str(metric.pk): 86.5}

    def test_a_metric_value_that_is_not_a_number_is_refused_naming_it(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        metric = Metric.objects.create(policy=tasks[0].policy, task=tasks[0], indicator="网办率", value=90)
        response = _login(client, cast, "andy").post(
            reverse("ledger:report_create", args=[tasks[0].pk]),
            {"new-narrative": "x", "new-percent": "50", f"new-metric_{metric.pk}": "很多"},
        )
        assert response.status_code == 400
        assert f"metric_{metric.pk}" in response.context["report_form"].errors
