"""The renderers: JSON, and the printed task table (任务分解表) in xlsx and docx."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from openpyxl.worksheet.worksheet import Worksheet

from taizhang.extract.model import Deadline, DocInfo, Extraction, Span, Task
from taizhang.extract.render import (
    COLUMNS,
    format_deadline,
    format_units,
    table_title,
    to_json,
    write_docx,
    write_xlsx,
)


def _task(
    n: int,
    section: str | None,
    measure: str | None,
    *,
    lead: tuple[str, ...] = ("区发展改革局",),
    co: tuple[str, ...] = (),
    deadline: Deadline | None = None,
    ref: str | None = None,
) -> Task:
    return Task(
        ref=ref or f"一.(一).{n}",
        measure=measure,
        text=f"第{n}项重点任务：推行企业开办全程网上办理，压缩办理时间。",
        lead_units=lead,
        co_units=co,
        deadline=deadline,
        span=Span(n * 10, n * 10 + 8),
        section=section,
        number=str(n),
    )


def _plan(name: str = "plans/行动方案.txt", title: str = "某区优化营商环境行动方案") -> Extraction:
    """Two sections; a measure of three tasks, one of one task, then a measure of two tasks."""
    month = Deadline("month", 2024, 12, "2024年12月底前")
    tasks = (
        _task(1, "优化政务服务", "推进审批提速", co=("区财政局", "各街道办"), deadline=month),
        _task(2, "优化政务服务", "推进审批提速", deadline=Deadline("year", 2025, None, "2025年")),
        _task(3, "优化政务服务", "推进审批提速", deadline=Deadline("ongoing", text="长期")),
        _task(4, "优化政务服务", "降低经营成本", lead=("区财政局", "区税务局")),
        _task(5, "加强监管执法", "规范涉企检查", ref="二.(一).5", deadline=month),
        _task(6, "加强监管执法", "规范涉企检查", ref="二.(一).6"),
    )
    return Extraction(
        name=name,
        format="txt",
        text="",
        info=DocInfo(title=title),
        tasks=tasks,
        metrics=(),
    )


# Rows of the sheet for _plan(): 1 title, 2 header, 3 section 一, 4-6 measure one, 7 measure two,
# 8 section 二, 9-10 measure three.


class FormatTestCase:
    @pytest.mark.parametrize(
        ("deadline", "shown"),
        [
            (Deadline("month", 2024, 12, "2024年底"), "2024年12月"),
            (Deadline("month", 2025, 6, "2025年上半年"), "2025年6月"),
            (Deadline("year", 2025, None, "到2025年"), "2025年"),
            (Deadline("ongoing", text="长期坚持"), "常态化推进"),
            (None, ""),
        ],
    )
    def test_it_shows_a_deadline_as_the_table_writes_it(self, deadline: Deadline | None, shown: str) -> None:
        assert format_deadline(deadline) == shown

    def test_it_joins_units_with_the_enumeration_comma(self) -> None:
        assert format_units(("区财政局", "各街道办")) == "区财政局、各街道办"

    def test_it_shows_no_units_as_the_given_placeholder(self) -> None:
        assert format_units((), "——") == "——"
        assert format_units(()) == ""

    def test_it_titles_the_table_after_the_document(self) -> None:
        assert table_title(_plan()) == "《某区优化营商环境行动方案》任务分解表"

    def test_it_does_not_double_the_title_brackets(self) -> None:
        assert table_title(_plan(title="《若干措施》")) == "《若干措施》任务分解表"

    def test_a_title_that_already_names_a_task_table_is_kept(self) -> None:
        assert table_title(_plan(title="《若干措施》任务分解表")) == "《若干措施》任务分解表"

    def test_it_titles_an_untitled_document_after_its_file_name(self) -> None:
        assert table_title(_plan(name="in/2024计划.docx", title="")) == "《2024计划》任务分解表"


class JsonTestCase:
    def test_it_gives_the_dict_form_with_chinese_kept(self) -> None:
        plan = _plan()
        text = to_json(plan)
        assert json.loads(text) == plan.to_dict()
        assert "推进审批提速" in text
        assert "\\u" not in text


@pytest.fixture
def sheet(tmp_path: Path) -> Worksheet:
    out = tmp_path / "tasks.xlsx"
    write_xlsx([_plan()], out)
    return openpyxl.load_workbook(out).worksheets[0]


def _merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


class XlsxTestCase:
    def test_it_puts_a_bold_large_title_merged_across_the_columns(self, sheet: Worksheet) -> None:
        assert sheet["A1"].value == "《某区优化营商环境行动方案》任务分解表"
        assert "A1:F1" in _merged(sheet)
        assert sheet["A1"].font.b
        assert sheet["A1"].font.sz > sheet["C4"].font.sz

    def test_it_writes_a_bold_shaded_header_repeated_on_each_page(self, sheet: Worksheet) -> None:
        assert [c.value for c in sheet[2]] == list(COLUMNS)
        assert all(c.font.b for c in sheet[2])
        assert all(c.fill.fgColor.rgb.endswith("D9D9D9") for c in sheet[2])
        assert sheet.print_title_rows == "$2:$2"

    def test_it_gives_each_top_level_section_a_full_width_row(self, sheet: Worksheet) -> None:
        assert sheet["A3"].value == "一、优化政务服务"
        assert sheet["A8"].value == "二、加强监管执法"
        assert {"A3:F3", "A8:F8"} <= _merged(sheet)

    def test_it_merges_each_measure_down_exactly_the_rows_of_its_tasks(self, sheet: Worksheet) -> None:
        measure_merges = {r for r in _merged(sheet) if r.startswith("B")}
        assert measure_merges == {"B4:B6", "B9:B10"}
        assert sheet["B4"].value == "推进审批提速"
        assert sheet["B7"].value == "降低经营成本"
        assert sheet["B9"].value == "规范涉企检查"

    def test_it_numbers_tasks_and_formats_deadlines_and_units(self, sheet: Worksheet) -> None:
        assert [sheet.cell(row=r, column=1).value for r in (4, 5, 6, 7, 9, 10)] == [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
        ]
        assert [sheet.cell(row=r, column=4).value for r in (4, 5, 6, 7)] == [
            "2024年12月",
            "2025年",
            "常态化推进",
            None,
        ]
        assert sheet["E7"].value == "区财政局、区税务局"
        assert sheet["F4"].value == "区财政局、各街道办"
        assert sheet["F5"].value == "——"

    def test_it_makes_the_task_column_widest_and_wraps_centred(self, sheet: Worksheet) -> None:
        widths = {c: sheet.column_dimensions[c].width for c in "ABCDEF"}
        assert max(widths, key=lambda c: widths[c]) == "C"
        assert widths["A"] < widths["B"]
        for cell in sheet[4]:
            assert cell.alignment.wrap_text
            assert cell.alignment.vertical == "center"

    def test_it_sets_fonts_that_show_chinese(self, sheet: Worksheet) -> None:
        assert sheet["C4"].font.name == "宋体"
        assert sheet["A2"].font.name == "黑体"
        assert sheet["A1"].font.name == "黑体"

    def test_it_prints_on_a4_landscape(self, sheet: Worksheet) -> None:
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4) == 9

    def test_it_writes_one_sheet_per_document_with_distinct_names(self, tmp_path: Path) -> None:
        out = tmp_path / "all.xlsx"
        write_xlsx([_plan("a/plan.txt"), _plan("b/plan.docx"), _plan("c/措施:2024.txt")], out)
        assert openpyxl.load_workbook(out).sheetnames == ["plan", "plan(2)", "措施_2024"]

    def test_it_does_not_merge_a_measure_across_sections(self, tmp_path: Path) -> None:
        tasks = (_task(1, "一节", "同名措施"), _task(2, "二节", "同名措施", ref="二.(一).2"))
        plan = Extraction("p.txt", "txt", "", DocInfo(title="方案"), tasks, ())
        out = tmp_path / "p.xlsx"
        write_xlsx([plan], out)
        ws = openpyxl.load_workbook(out).worksheets[0]
        assert not {r for r in _merged(ws) if r.startswith("B")}

    def test_it_refuses_to_write_no_documents(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="no documents"):
            write_xlsx([], tmp_path / "none.xlsx")


@pytest.fixture
def document(tmp_path: Path) -> DocxDocument:
    out = tmp_path / "tasks.docx"
    write_docx([_plan(), _plan("b.txt", "第二份文件")], out)
    return docx.Document(str(out))


def _vmerge(row: object, col: int) -> str | None:
    """The w:vMerge value of a cell of a table row: 'restart', 'continue', or None."""
    tc = row._tr.tc_lst[col]  # type: ignore[attr-defined]
    tcpr = tc.tcPr
    if tcpr is None:
        return None
    vm = tcpr.find(qn("w:vMerge"))
    if vm is None:
        return None
    return vm.get(qn("w:val")) or "continue"


class DocxTestCase:
    def test_it_puts_one_landscape_a4_section_per_document(self, document: DocxDocument) -> None:
        assert len(document.sections) == 2
        assert len(document.tables) == 2
        for section in document.sections:
            assert section.page_width > section.page_height
            assert abs(section.page_width.cm - 29.7) < 0.05

    def test_it_titles_each_table(self, document: DocxDocument) -> None:
        titles = [p.text for p in document.paragraphs if p.text]
        assert titles == ["《某区优化营商环境行动方案》任务分解表", "《第二份文件》任务分解表"]
        assert document.paragraphs[0].runs[0].bold

    def test_it_writes_the_header_row_repeated_on_each_page(self, document: DocxDocument) -> None:
        table = document.tables[0]
        assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        shading = [tc.tcPr.find(qn("w:shd")) for tc in table.rows[0]._tr.tc_lst]
        assert all(shd is not None and shd.get(qn("w:fill")) == "D9D9D9" for shd in shading)
        assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None

    def test_it_spans_a_section_row_across_the_table(self, document: DocxDocument) -> None:
        row = document.tables[0].rows[1]
        assert len(row._tr.tc_lst) == 1
        assert row._tr.tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "6"
        assert row.cells[0].text == "一、优化政务服务"

    def test_it_merges_each_measure_down_the_rows_of_its_tasks(self, document: DocxDocument) -> None:
        # Table rows: 0 header, 1 section, 2-4 measure one, 5 measure two, 6 section, 7-8 measure three.
        rows = document.tables[0].rows
        assert [_vmerge(rows[r], 1) for r in (2, 3, 4, 5)] == ["restart", "continue", "continue", None]
        assert [_vmerge(rows[r], 1) for r in (7, 8)] == ["restart", "continue"]
        assert rows[2].cells[1].text == "推进审批提速"
        assert rows[5].cells[1].text == "降低经营成本"
        assert [rows[r].cells[5].text for r in (2, 3)] == ["区财政局、各街道办", "——"]

    def test_it_sets_the_east_asian_font_of_every_run(self, document: DocxDocument) -> None:
        table = document.tables[0]
        header_run = table.rows[0].cells[0].paragraphs[0].runs[0]
        body_run = table.rows[2].cells[2].paragraphs[0].runs[0]
        assert header_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
        assert body_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
        assert header_run.bold

    def test_it_makes_the_task_column_widest(self, document: DocxDocument) -> None:
        widths = [c.width for c in document.tables[0].rows[0].cells]
        assert widths.index(max(widths)) == 2

    def test_it_refuses_to_write_no_documents(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="no documents"):
            write_docx([], tmp_path / "none.docx")
