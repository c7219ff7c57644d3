"""Renderers: an extraction as JSON, and as the printed task table (任务分解表) in xlsx and docx.

Renderers never parse: they lay out the tasks the pipeline found. The task table is the one an
officer prints: a title row 《文件标题》任务分解表, the header 序号 / 主要措施 / 重点任务 / 完成时限 /
牵头单位 / 协办单位 repeated on every printed page, a full-width row for each top-level section
(一、…), the 主要措施 cell merged down the rows of its tasks, A4 landscape, fonts that show Chinese.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .model import Deadline, Extraction, Task
from .sheets import save_workbook

__all__ = [
    "COLUMNS",
    "EMPTY_UNITS",
    "to_json",
    "format_deadline",
    "format_units",
    "table_title",
    "write_xlsx",
    "write_docx",
]

#: The columns of the task table, in order.
COLUMNS: tuple[str, ...] = ("序号", "主要措施", "重点任务", "完成时限", "牵头单位", "协办单位")

#: What an empty co-unit cell shows.
EMPTY_UNITS = "——"

UNIT_SEPARATOR = "、"

BODY_FONT = "宋体"  # SimSun
HEADING_FONT = "黑体"  # SimHei
LATIN_FONT = "Times New Roman"
HEADER_FILL = "D9D9D9"

# Column widths: xlsx in character units (a Chinese character takes about two), docx in cm.
# 重点任务 is the widest; together they fill an A4 landscape page inside 2 cm margins.
XLSX_WIDTHS: tuple[float, ...] = (6, 20, 58, 13, 20, 24)
DOCX_WIDTHS_CM: tuple[float, ...] = (1.3, 4.0, 10.4, 2.5, 3.5, 4.0)

# A top-level section number as the outline refs carry it ("一" of "一.(二).3").
# Matches: "一", "十二"; must not match: "(一)", "1".
_SECTION_NUMBER = re.compile(r"^(?P<number>[一二三四五六七八九十百零〇]+)$")

# A heading that already carries its number.
# Matches: "一、优化政务服务", "二．加强监管"; must not match: "优化政务服务".
_NUMBERED_HEADING = re.compile(r"^[一二三四五六七八九十百零〇]+\s*[、.．]")

# Brackets a title may already carry. Matches: "《行动方案》"; must not match: "行动方案".
_TITLE_BRACKETS = re.compile(r"^《(?P<title>.*)》$")

# What a spreadsheet tab name may not hold (Excel's rule). Matches: "a/b"; must not match: "ab".
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# ---------------------------------------------------------------------------------------------
# Plain values


def to_json(extraction: Extraction) -> str:
    """The extraction's JSON form (``Extraction.to_dict()``): UTF-8 text, Chinese kept, indented."""
    return json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2)


def format_deadline(deadline: Deadline | None) -> str:
    """A deadline as the table shows it: ``2024年12月``, ``2025年``, ``常态化推进``; ``""`` for none."""
    if deadline is None:
        return ""
    if deadline.kind == "ongoing":
        return "常态化推进"
    if deadline.kind == "month" and deadline.month is not None:
        if deadline.year is None:
            return f"{deadline.month}月"
        return f"{deadline.year}年{deadline.month}月"
    if deadline.year is not None:
        return f"{deadline.year}年"
    return deadline.text


def format_units(units: Sequence[str], empty: str = "") -> str:
    """Units joined with 、 as a table cell shows them; ``empty`` when there are none."""
    return UNIT_SEPARATOR.join(u for u in units if u) or empty


def table_title(extraction: Extraction) -> str:
    """The title row: 《document title》任务分解表 (the file's stem when the title is unknown)."""
    title = extraction.info.title.strip() or PurePath(extraction.name).stem or extraction.name
    m = _TITLE_BRACKETS.match(title)
    if m:
        title = m.group("title")
    # A title that is already a task table's ("《…》任务分解表") is kept as it is.
    inner = re.match(r"^《(?P<doc>[^《》]+)》\s*(?P<rest>任务分解表|任务清单|责任分工表|分工方案)$", title)
    if inner:
        return f"《{inner.group('doc')}》{inner.group('rest')}"
    return f"《{title}》任务分解表"


# ---------------------------------------------------------------------------------------------
# The table's rows, shared by both writers


@dataclass(frozen=True)
class _SectionRow:
    text: str


@dataclass(frozen=True)
class _TaskRow:
    cells: tuple[str, str, str, str, str, str]
    measure_rows: int  # rows the measure cell spans from this row: >1 starts a merge, 0 is covered


_Row = _SectionRow | _TaskRow


def _section_label(task: Task) -> str | None:
    if not task.section:
        return None
    section = task.section.strip()
    if _NUMBERED_HEADING.match(section):
        return section
    first = (task.ref or "").split(".", 1)[0]
    if _SECTION_NUMBER.match(first):
        return f"{first}、{section}"
    return section


def _measure_key(task: Task) -> tuple[str | None, str] | None:
    if not task.measure:
        return None
    return (task.section, task.measure)


def _rows(extraction: Extraction) -> list[_Row]:
    """Section rows and task rows; a measure spans the consecutive tasks of the same section."""
    tasks = extraction.tasks
    spans: list[int] = [1] * len(tasks)
    i = 0
    while i < len(tasks):
        key = _measure_key(tasks[i])
        j = i + 1
        while key is not None and j < len(tasks) and _measure_key(tasks[j]) == key:
            spans[j] = 0
            j += 1
        spans[i] = j - i
        i = j

    rows: list[_Row] = []
    section: str | None = None
    for n, (task, span) in enumerate(zip(tasks, spans, strict=True), start=1):
        label = _section_label(task)
        if label is not None and label != section:
            rows.append(_SectionRow(label))
            section = label
        cells = (
            str(n),
            (task.measure or "") if span else "",
            task.text,
            format_deadline(task.deadline),
            format_units(task.lead_units),
            format_units(task.co_units, EMPTY_UNITS),
        )
        rows.append(_TaskRow(cells, span))
    return rows


def _display_width(text: str) -> int:
    """Columns the text needs in a monospaced reckoning: two for a wide character, one otherwise."""
    return sum(1 if ord(ch) < 0x1100 else 2 for ch in text)


def _lines_needed(rows_text: Sequence[str], widths: Sequence[float]) -> int:
    lines = 1
    for text, width in zip(rows_text, widths, strict=True):
        usable = max(int(width) - 1, 1)
        lines = max(lines, -(-_display_width(text) // usable))
    return lines


def _sheet_names(extractions: Sequence[Extraction]) -> Iterator[str]:
    seen: set[str] = set()
    for ex in extractions:
        base = _SHEET_FORBIDDEN.sub("_", PurePath(ex.name).stem or "任务分解表").strip("'") or "任务分解表"
        base = base[:31]
        name, k = base, 2
        while name.lower() in seen:
            suffix = f"({k})"
            name, k = base[: 31 - len(suffix)] + suffix, k + 1
        seen.add(name.lower())
        yield name


# ---------------------------------------------------------------------------------------------
# xlsx


def write_xlsx(extractions: Sequence[Extraction], path: str | os.PathLike[str]) -> None:
    """Write the task tables of the documents to an xlsx workbook, one sheet per document."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    if not extractions:
        raise ValueError("write_xlsx: no documents to write")
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=BODY_FONT, size=11)
    heading_font = Font(name=HEADING_FONT, size=11, bold=True)
    title_font = Font(name=HEADING_FONT, size=16, bold=True)
    fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    aligns = (centre, left, left, centre, left, left)
    ncols = len(COLUMNS)
    last_col = get_column_letter(ncols)

    wb = Workbook()
    default = wb.active
    for ex, sheet_name in zip(extractions, _sheet_names(extractions), strict=True):
        ws = wb.create_sheet(sheet_name)
        for c, width in enumerate(XLSX_WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width

        ws.append([table_title(ex)])
        ws.merge_cells(f"A1:{last_col}1")
        ws["A1"].font = title_font
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[1].height = 36

        ws.append(list(COLUMNS))
        for c in range(1, ncols + 1):
            cell = ws.cell(row=2, column=c)
            cell.font, cell.fill, cell.alignment, cell.border = heading_font, fill, centre, border
        ws.row_dimensions[2].height = 22

        merges: list[tuple[int, int, int, int]] = []  # applied once every cell is written
        for r, row in enumerate(_rows(ex), start=3):
            if isinstance(row, _SectionRow):
                ws.cell(row=r, column=1, value=row.text).font = heading_font
                for c in range(1, ncols + 1):
                    cell = ws.cell(row=r, column=c)
                    cell.alignment, cell.border = left, border
                merges.append((r, 1, r, ncols))
                ws.row_dimensions[r].height = 20
                continue
            for c, (value, align) in enumerate(zip(row.cells, aligns, strict=True), start=1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.font, cell.alignment, cell.border = body_font, align, border
            # Spreadsheets do not grow a wrapped row by themselves everywhere: estimate its height.
            # The measure column is left out, as its merged cell spans several rows.
            texts = [v if i != 1 else "" for i, v in enumerate(row.cells)]
            ws.row_dimensions[r].height = max(20, 15 * _lines_needed(texts, XLSX_WIDTHS) + 4)
            if row.measure_rows > 1:
                merges.append((r, 2, r + row.measure_rows - 1, 2))
        for r1, c1, r2, c2 in merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

        ws.print_title_rows = "2:2"
        ws.freeze_panes = "A3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.6
        ws.page_margins.top = ws.page_margins.bottom = 0.7
    wb.remove(default)
    save_workbook(wb, path)


# ---------------------------------------------------------------------------------------------
# docx


def _set_font(run: Any, name: str, size_pt: float, bold: bool = False) -> None:
    """Set a run's font so Word shows Chinese in it: the East-Asian slot needs ``w:eastAsia``."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = LATIN_FONT
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), name)


def _set_cell(cell: Any, text: str, *, font: str, size: float, bold: bool, centre: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
    if text:
        _set_font(paragraph.add_run(text), font, size, bold)


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    # The schema orders a cell's properties: shading comes before the vertical alignment.
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def _row_flag(row: Any, tag: str) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def write_docx(extractions: Sequence[Extraction], path: str | os.PathLike[str]) -> None:
    """Write the task tables of the documents to a docx file, one page section per document."""
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    if not extractions:
        raise ValueError("write_docx: no documents to write")
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    widths = [Cm(w) for w in DOCX_WIDTHS_CM]
    centred = (True, False, False, True, False, False)

    for index, ex in enumerate(extractions):
        section = doc.sections[0] if index == 0 else doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)

        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(12)
        _set_font(title.add_run(table_title(ex)), HEADING_FONT, 18, bold=True)

        rows = _rows(ex)
        table = doc.add_table(rows=1 + len(rows), cols=len(COLUMNS))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for col, width in zip(table.columns, widths, strict=True):
            col.width = width

        grid = [list(r.cells) for r in table.rows]
        for c, (cell, name) in enumerate(zip(grid[0], COLUMNS, strict=True)):
            cell.width = widths[c]
            _set_cell(cell, name, font=HEADING_FONT, size=10.5, bold=True, centre=True)
            _shade(cell, HEADER_FILL)
        _row_flag(table.rows[0], "w:tblHeader")  # repeated at the top of every printed page

        for r, row in enumerate(rows, start=1):
            cells = grid[r]
            for c, cell in enumerate(cells):
                cell.width = widths[c]
            if isinstance(row, _SectionRow):
                merged = cells[0].merge(cells[-1])
                _set_cell(merged, row.text, font=HEADING_FONT, size=10.5, bold=True, centre=False)
                continue
            _row_flag(table.rows[r], "w:cantSplit")
            for c, (cell, value) in enumerate(zip(cells, row.cells, strict=True)):
                if c == 1 and row.measure_rows != 1:
                    continue
                _set_cell(cell, value, font=BODY_FONT, size=10.5, bold=False, centre=centred[c])
            if row.measure_rows > 1:
                merged = cells[1].merge(grid[r + row.measure_rows - 1][1])
                _set_cell(merged, row.cells[1], font=BODY_FONT, size=10.5, bold=False, centre=False)
    doc.save(os.fspath(path))
