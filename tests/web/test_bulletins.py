"""Bulletins (通报): the gathered figures, the .docx and .pdf they are written as, the pages and
who may generate, issue and download them."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import Any

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from taizhang.bulletins.actions import do_generate_bulletin, do_issue_bulletin
from taizhang.bulletins.build import bulletin_period, chinese_index, gather, period_label
from taizhang.bulletins.models import Bulletin, BulletinStatus
from taizhang.bulletins.pdf import cjk_font
from taizhang.core.models import HistoryEntry
from taizhang.ledger.models import TaskStatus as TaskState

# Far past every deadline of the sample table (2025年12月 and earlier): open tasks are overdue.
LATE = dt.datetime(2027, 3, 15, 10, 0, tzinfo=dt.UTC)


def _close(task: Any) -> None:
    type(task).objects.filter(pk=task.pk).update(status=TaskState.CLOSED, progress=100)


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


class PeriodTestCase:
    def test_it_accepts_months_and_quarters_and_names_them_in_chinese(self) -> None:
        assert period_label(bulletin_period("2024-11")) == "2024年11月"
        assert period_label(bulletin_period("2024-Q4")) == "2024年第四季度"

    def test_it_refuses_years_halves_and_nonsense(self) -> None:
        for code in ("2024", "2024-H1", "2024-13", "Q4"):
            with pytest.raises(ValueError, match="期次"):
                bulletin_period(code)

    def test_it_numbers_sub_headings_in_chinese(self) -> None:
        assert [chinese_index(n) for n in (1, 9, 10, 12, 20, 25)] == [
            "一",
            "九",
            "十",
            "十二",
            "二十",
            "二十五",
        ]


@pytest.mark.django_db
class GatherTestCase:
    def test_it_counts_colours_and_groups_red_tasks_by_lead_unit(self, cast: Any, tasks: list[Any]) -> None:
        _close(tasks[-1])
        from taizhang.supervision.status import refresh_statuses

        refresh_statuses(now=LATE)
        data = gather("2027-Q1", LATE)
        assert data.summary.tasks == len(tasks)
        assert data.summary.closed == 1
        assert data.summary.green + data.summary.amber + data.summary.red + data.summary.closed == len(tasks)
        assert data.summary.red >= 1
        assert data.red_tasks == data.summary.red
        red_units = {group.unit for group in data.red_by_unit}
        assert cast.unit_a.name in red_units
        assert all(task.reasons for group in data.red_by_unit for task in group.tasks)
        assert len(data.policies) == 1 and 0 <= data.policies[0].progress <= 100

    def test_it_lists_the_units_with_most_red_tasks_and_counts_the_rest(
        self, cast: Any, tasks: list[Any], monkeypatch: Any
    ) -> None:
        from taizhang.bulletins import build
        from taizhang.supervision.status import refresh_statuses

        refresh_statuses(now=LATE)
        full = gather("2027-Q1", LATE)
        assert full.summary.red >= 2 and full.red_units_not_listed == 0
        monkeypatch.setattr(build, "RED_UNITS_LISTED", 1)
        monkeypatch.setattr(build, "RED_TASKS_PER_UNIT", 1)
        short = gather("2027-Q1", LATE)
        [group] = short.red_by_unit
        assert group == full.red_by_unit[0].__class__(group.unit, group.tasks, group.total)
        assert (group.unit, group.total) == (full.red_by_unit[0].unit, full.red_by_unit[0].total)
        assert group.tasks == full.red_by_unit[0].tasks[:1] and group.not_listed == group.total - 1
        assert short.red_units_not_listed == len(full.red_by_unit) - 1
        assert short.red_tasks_not_listed == full.summary.red - group.total

    def test_it_leaves_draft_policies_out(self, cast: Any) -> None:
        from taizhang.devtools.builders import make_policy

        make_policy(cast.sam, publish=False)
        assert gather("2024-11", LATE).summary.tasks == 0


@pytest.mark.django_db
class GenerateBulletinTestCase:
    def test_the_docx_holds_the_summary_figures_and_the_red_tasks(self, cast: Any, tasks: list[Any]) -> None:
        bulletin = do_generate_bulletin(cast.sam, "2027-Q1", now=LATE)
        data = gather("2027-Q1", LATE)
        text = _docx_text(bulletin.docx.read())
        assert f"已交办重点任务{data.summary.tasks}项" in text
        assert f"红灯{data.summary.red}项" in text
        assert bulletin.number in text and "〔2027〕1号" in bulletin.number
        for group in data.red_by_unit:
            assert group.unit in text
            for task in group.tasks:
                assert task.text in text

    def test_the_docx_sets_east_asian_fonts_page_numbers_and_bordered_tables(
        self, cast: Any, tasks: list[Any]
    ) -> None:
        bulletin = do_generate_bulletin(cast.sam, "2027-Q1", now=LATE)
        raw = bulletin.docx.read()
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            body = package.read("word/document.xml").decode()
            footers = "".join(package.read(n).decode() for n in package.namelist() if "footer" in n)
        assert 'w:eastAsia="仿宋_GB2312"' in body
        assert 'w:eastAsia="黑体"' in body
        assert 'w:color w:val="D40000"' in body  # the red head
        assert "PAGE" in footers
        doc = Document(io.BytesIO(raw))
        assert doc.tables and all(t.style.name == "Table Grid" for t in doc.tables)

    def test_the_pdf_has_a_text_layer_with_the_figures_and_an_embedded_font(
        self, cast: Any, tasks: list[Any]
    ) -> None:
        bulletin = do_generate_bulletin(cast.sam, "2027-Q1", now=LATE)
        data = gather("2027-Q1", LATE)
        raw = bulletin.pdf.read()
        text = _pdf_text(raw).replace(" ", "").replace("\n", "")
        assert f"已交办重点任务{data.summary.tasks}项" in text
        assert f"红灯{data.summary.red}项" in text
        for group in data.red_by_unit:
            assert group.unit in text
        assert "—1—" in text  # page number
        if cjk_font().embedded:
            assert b"/FontFile2" in raw

    def test_it_records_history_and_numbers_bulletins_of_a_year_in_turn(self, cast: Any, policy: Any) -> None:
        first = do_generate_bulletin(cast.sam, "2027-01", now=LATE)
        second = do_generate_bulletin(cast.sam, "2027-02", now=LATE)
        assert first.number.endswith("1号") and second.number.endswith("2号")
        assert (
            HistoryEntry.objects.filter(object_type="bulletins.bulletin", action="bulletin.generate").count()
            == 2
        )

    def test_it_refuses_a_bad_period_naming_the_field(self, cast: Any) -> None:
        with pytest.raises(ValidationError) as error:
            do_generate_bulletin(cast.sam, "2024-H1")
        assert "period" in error.value.message_dict

    @pytest.mark.parametrize("who", ["vera", "amy", "andy", "bob", "ben"])
    def test_only_steering_roles_generate_or_issue(self, cast: Any, who: str) -> None:
        with pytest.raises(PermissionDenied):
            do_generate_bulletin(getattr(cast, who), "2024-11")
        bulletin = do_generate_bulletin(cast.alice, "2024-11")
        with pytest.raises(PermissionDenied):
            do_issue_bulletin(getattr(cast, who), bulletin)

    def test_issuing_twice_is_refused(self, cast: Any) -> None:
        bulletin = do_generate_bulletin(cast.sam, "2024-11")
        do_issue_bulletin(cast.sam, bulletin)
        assert bulletin.status == BulletinStatus.ISSUED and bulletin.issued_by == cast.sam
        with pytest.raises(ValidationError):
            do_issue_bulletin(cast.sam, bulletin)

    def test_the_command_makes_a_bulletin(self, cast: Any, policy: Any) -> None:
        out = io.StringIO()
        call_command("make_bulletin", "--period", "2024-11", "--user", "sam", stdout=out)
        bulletin = Bulletin.objects.get()
        assert bulletin.period == "2024-11" and bulletin.number in out.getvalue()

    def test_the_command_explains_a_bad_period(self, cast: Any) -> None:
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="period"):
            call_command("make_bulletin", "--period", "2024-H1", "--user", "sam")


@pytest.mark.django_db
class BulletinPagesTestCase:
    def test_the_supervisor_generates_from_the_list_page_and_downloads_both_files(
        self, client: Any, cast: Any, policy: Any
    ) -> None:
        client.force_login(cast.sam)
        assert client.get(reverse("bulletins:list")).status_code == 200
        response = client.post(reverse("bulletins:generate"), {"period": "2024-11"})
        assert response.status_code == 302
        bulletin = Bulletin.objects.get()
        docx = client.get(reverse("bulletins:download", args=[bulletin.pk, "docx"]))
        assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxml")
        pdf = client.get(reverse("bulletins:download", args=[bulletin.pk, "pdf"]))
        assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")

    def test_a_bad_period_is_shown_on_the_page(self, client: Any, cast: Any) -> None:
        client.force_login(cast.sam)
        response = client.post(reverse("bulletins:generate"), {"period": "someday"})
        assert response.status_code == 400 and "期次" in response.content.decode()
        assert not Bulletin.objects.exists()

    def test_units_see_issued_bulletins_only_and_cannot_generate(self, client: Any, cast: Any) -> None:
        draft = do_generate_bulletin(cast.sam, "2024-10")
        issued = do_issue_bulletin(cast.sam, do_generate_bulletin(cast.sam, "2024-11"))
        client.force_login(cast.andy)
        page = client.get(reverse("bulletins:list")).content.decode()
        assert issued.number in page and draft.number not in page
        assert client.get(reverse("bulletins:download", args=[draft.pk, "pdf"])).status_code == 404
        assert client.get(reverse("bulletins:download", args=[issued.pk, "pdf"])).status_code == 200
        assert client.post(reverse("bulletins:generate"), {"period": "2024-12"}).status_code == 403
        assert client.post(reverse("bulletins:issue", args=[draft.pk])).status_code == 404

    def test_leadership_reads_issued_bulletins_not_drafts_and_cannot_issue(
        self, client: Any, cast: Any
    ) -> None:
        draft = do_generate_bulletin(cast.sam, "2024-10")
        client.force_login(cast.vera)
        assert client.get(reverse("bulletins:download", args=[draft.pk, "docx"])).status_code == 404
        assert client.post(reverse("bulletins:issue", args=[draft.pk])).status_code == 404
        assert draft.number not in client.get(reverse("bulletins:list")).content.decode()
        do_issue_bulletin(cast.sam, draft)
        assert client.get(reverse("bulletins:download", args=[draft.pk, "docx"])).status_code == 200
        assert client.post(reverse("bulletins:issue", args=[draft.pk])).status_code == 403

    def test_anonymous_visitors_are_sent_to_log_in(self, client: Any, cast: Any) -> None:
        response = client.get(reverse("bulletins:list"))
        assert response.status_code == 302 and "login" in response["Location"]

    def test_the_list_costs_a_fixed_number_of_queries(
        self, client: Any, cast: Any, django_assert_max_num_queries: Any
    ) -> None:
        for month in range(1, 6):
            do_generate_bulletin(cast.sam, f"2024-{month:02d}")
        client.force_login(cast.sam)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("bulletins:list")).status_code == 200


class FontTestCase:
    def test_it_embeds_the_font_named_by_the_environment_first(self, monkeypatch: Any) -> None:
        from taizhang.bulletins import pdf

        installed = next((p for p in pdf.FONT_CANDIDATES if os.path.isfile(p)), None)
        if installed is None:
            pytest.skip("no TrueType CJK font installed")
        monkeypatch.setenv("TAIZHANG_CJK_FONT", installed)
        monkeypatch.setattr(pdf, "FONT_CANDIDATES", ())
        font = pdf.cjk_font.__wrapped__()
        assert font.embedded and font.path == installed

    def test_without_a_truetype_font_it_falls_back_to_stsong_with_a_warning(
        self, monkeypatch: Any, caplog: Any
    ) -> None:
        from taizhang.bulletins import pdf

        monkeypatch.setenv("TAIZHANG_CJK_FONT", "/nonexistent/font.ttf")
        monkeypatch.setattr(pdf, "FONT_CANDIDATES", ())
        with caplog.at_level("WARNING", logger="taizhang.bulletins.pdf"):
            font = pdf.cjk_font.__wrapped__()
        assert font.name == "STSong-Light" and not font.embedded
        assert "no TrueType CJK font" in caplog.text

    def test_the_chart_images_are_png_when_a_font_is_installed(self) -> None:
        from taizhang.bulletins.docx import bar_chart_png

        png = bar_chart_png(["红灯", "绿灯"], [3, 5], [(200, 0, 0), (0, 150, 0)], "任务状态分布")
        if cjk_font().embedded:
            assert png is not None and png.startswith(b"\x89PNG")
        else:
            assert png is None
