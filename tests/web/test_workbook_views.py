"""The workbook pages: export, re-import with preview and confirmation, a unit's report workbook;
each page's permission for every role."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.core.models import HistoryEntry
from taizhang.ledger.models import ProgressReport, ReportStatus, Task

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _client(client, user):
    client.force_login(user)
    return client


def _upload(data, name="book.xlsx"):
    return SimpleUploadedFile(name, data, content_type=XLSX)


def _edit(data, changes):
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    for (row, name), value in changes.items():
        ws.cell(row=row, column=header.index(name) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


class ExportViewTestCase:
    @pytest.mark.parametrize("who", ["alice", "sam", "vera", "amy", "andy", "bob", "ben"])
    def test_every_role_exports_what_it_may_read(self, client, cast, policy, who):
        response = _client(client, getattr(cast, who)).get(
            reverse("workbook:export_policy", args=[policy.pk])
        )
        assert response.status_code == 200 and response["Content-Type"] == XLSX
        ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
        keyed = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[9]]
        assert len(keyed) == (3 if who in ("alice", "sam", "vera") else 2)

    def test_the_whole_ledger_export_keeps_its_query_count_flat(
        self, client, cast, policy, django_assert_max_num_queries
    ):
        c = _client(client, cast.sam)
        with django_assert_max_num_queries(12):
            response = c.get(reverse("workbook:export"))
        assert response.status_code == 200

    def test_an_anonymous_visitor_is_sent_to_log_in(self, client, policy):
        response = client.get(reverse("workbook:export"))
        assert response.status_code == 302 and "/accounts/" in response["Location"]


class LedgerImportViewTestCase:
    def _export(self, c, policy):
        return c.get(reverse("workbook:export_policy", args=[policy.pk])).content

    def test_an_unchanged_export_reimported_and_confirmed_changes_nothing(self, client, cast, policy):
        c = _client(client, cast.sam)
        before = list(Task.objects.order_by("pk").values())
        history = HistoryEntry.objects.count()
        response = c.post(reverse("workbook:import"), {"file": _upload(self._export(c, policy))})
        assert response.status_code == 200 and response.context["plan"].unchanged == 3
        c.post(reverse("workbook:import_confirm"), {"token": response.context["token"]})
        assert list(Task.objects.order_by("pk").values()) == before
        assert HistoryEntry.objects.count() == history

    def test_a_changed_cell_is_shown_and_applied_only_on_confirmation(self, client, cast, policy, tasks):
        c = _client(client, cast.sam)
        data = _edit(self._export(c, policy), {(4, "重点任务"): "改写后的任务"})
        response = c.post(reverse("workbook:import"), {"file": _upload(data)})
        assert "改写后的任务" in response.content.decode()
        assert Task.objects.get(pk=tasks[0].pk).text != "改写后的任务"
        response = c.post(reverse("workbook:import_confirm"), {"token": response.context["token"]})
        assert response.status_code == 200
        assert Task.objects.get(pk=tasks[0].pk).text == "改写后的任务"
        again = c.post(reverse("workbook:import_confirm"), {"token": "used-or-forged"})
        assert again.status_code == 400

    def test_a_file_that_is_not_a_workbook_gets_one_message_naming_the_file(self, client, cast, policy):
        c = _client(client, cast.sam)
        response = c.post(reverse("workbook:import"), {"file": _upload(b"hello, not a workbook", "x.xlsx")})
        assert response.status_code == 400 and "file" in response.context["form"].errors

    @pytest.mark.parametrize("who", ["vera", "amy", "andy", "bob", "ben"])
    def test_only_steering_roles_may_import(self, client, cast, policy, who):
        c = _client(client, getattr(cast, who))
        assert c.get(reverse("workbook:import")).status_code == 403
        assert c.post(reverse("workbook:import_confirm"), {"token": "x"}).status_code == 403


class UnitWorkbookViewTestCase:
    def test_an_officer_downloads_his_units_workbook(self, client, cast, tasks):
        response = _client(client, cast.andy).get(reverse("workbook:unit_download"))
        assert response.status_code == 200
        ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
        assert ws["A1"].value.startswith("区商务局")
        assert [r[5] for r in ws.iter_rows(min_row=3, values_only=True) if r[1]] == ["牵头", "协办"]

    @pytest.mark.parametrize(
        "who,status",
        [
            ("alice", 200),
            ("sam", 200),
            ("vera", 200),
            ("amy", 200),
            ("andy", 200),
            ("bob", 404),
            ("ben", 404),
        ],
    )
    def test_a_unit_workbook_is_for_its_people_and_readers_of_everything(
        self, client, cast, tasks, who, status
    ):
        response = _client(client, getattr(cast, who)).get(
            reverse("workbook:unit_download_for", args=[cast.unit_a.pk])
        )
        assert response.status_code == status

    def test_upload_previews_and_confirm_files_draft_reports(self, client, cast, tasks):
        c = _client(client, cast.andy)
        data = _edit(
            c.get(reverse("workbook:unit_download")).content,
            {(3, "本期进展情况"): "推进顺利", (3, "本期进度(%)"): "60%"},
        )
        response = c.post(reverse("workbook:unit_upload"), {"file": _upload(data)})
        assert response.status_code == 200 and "推进顺利" in response.content.decode()
        assert not ProgressReport.objects.exists()
        response = c.post(
            reverse("workbook:unit_confirm"), {"token": response.context["token"], "mode": "draft"}
        )
        assert response.status_code == 200
        report = ProgressReport.objects.get()
        assert (report.unit, report.percent, report.status) == (cast.unit_a, 60, ReportStatus.DRAFT)

    def test_a_refused_row_is_listed_with_row_column_and_reason(self, client, cast, tasks):
        c = _client(client, cast.andy)
        data = _edit(c.get(reverse("workbook:unit_download")).content, {(3, "本期进度(%)"): 150})
        response = c.post(reverse("workbook:unit_upload"), {"file": _upload(data)})
        [problem] = response.context["plan"].problems
        assert (problem.row, problem.column) == (3, "本期进度(%)")
        assert "150" in problem.reason

    def test_an_officer_cannot_file_another_units_workbook(self, client, cast, tasks):
        other = _client(client, cast.ben).get(reverse("workbook:unit_download")).content
        client.logout()
        c = _client(client, cast.andy)
        data = _edit(other, {(3, "本期进展情况"): "冒充", (3, "本期进度(%)"): 50})
        response = c.post(reverse("workbook:unit_upload"), {"file": _upload(data)})
        plan = response.context["plan"]
        assert plan.to_file == [] and {p.column for p in plan.problems} == {"编号"}
        c.post(reverse("workbook:unit_confirm"), {"token": response.context["token"], "mode": "submit"})
        assert not ProgressReport.objects.exists()

    def test_a_wrong_file_stores_nothing(self, client, cast, tasks):
        c = _client(client, cast.andy)
        response = c.post(reverse("workbook:unit_upload"), {"file": _upload(b"PK\x03\x04broken", "x.xlsx")})
        assert response.status_code == 400 and response.context["form"].errors["file"]
        assert not ProgressReport.objects.exists()

    @pytest.mark.parametrize("who", ["alice", "sam", "vera", "amy", "bob"])
    def test_only_unit_officers_may_upload(self, client, cast, tasks, who):
        c = _client(client, getattr(cast, who))
        assert c.get(reverse("workbook:unit_upload")).status_code == 403
        assert c.post(reverse("workbook:unit_confirm"), {"token": "x"}).status_code == 403

    def test_a_file_over_the_size_limit_is_refused_with_one_message(self, client, cast, tasks, settings):
        c = _client(client, cast.andy)
        data = c.get(reverse("workbook:unit_download")).content
        settings.TAIZHANG_MAX_UPLOAD_BYTES = len(data) - 1
        response = c.post(reverse("workbook:unit_upload"), {"file": _upload(data)})
        assert response.status_code == 400 and response.context["form"].errors["file"]

    def test_the_unit_download_keeps_its_query_count_flat(
        self, client, cast, tasks, django_assert_max_num_queries
    ):
        c = _client(client, cast.andy)
        with django_assert_max_num_queries(10):
            assert c.get(reverse("workbook:unit_download")).status_code == 200


class WorkbookIndexTestCase:
    @pytest.mark.parametrize("who", ["alice", "sam", "vera", "amy", "andy", "bob", "ben"])
    def test_it_offers_each_role_only_what_it_may_do(self, client, cast, who):
        page = _client(client, getattr(cast, who)).get(reverse("workbook:index")).content.decode()
        assert (f'href="{reverse("workbook:import")}"' in page) == (who in ("alice", "sam"))
        assert (f'href="{reverse("workbook:unit_upload")}"' in page) == (who in ("andy", "ben"))
        assert (f'href="{reverse("workbook:unit_download")}"' in page) == (
            who in ("amy", "andy", "bob", "ben")
        )
