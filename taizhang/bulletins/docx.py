"""A bulletin (通报) as a Word document, laid out as a government office writes one.

A red masthead (the issuer in large red 小标宋-like type, the number 文号, a red rule), the title,
headings 一、二、 in 黑体, body text in 仿宋_GB2312, sub-headings (一) in 楷体, bordered tables and a
centred page number field in the footer. East-Asian fonts are set on ``w:eastAsia`` (python-docx's
``font.name`` only sets the Latin face). Charts are PNG images drawn with Pillow when a CJK
TrueType font is available for their labels; without one the document has no images (the PDF
still has its vector charts).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .build import COLOUR_ZH, COLOURS, BulletinData, Masthead, chinese_index
from .pdf import cjk_font

__all__ = ["FONTS", "set_font", "bar_chart_png", "write_docx"]

log = logging.getLogger(__name__)

# The faces of a 党政机关公文 (GB/T 9704): title 小标宋, headings 黑体/楷体, body 仿宋.
FONTS = {
    "title": "方正小标宋简体",
    "h1": "黑体",
    "h2": "楷体_GB2312",
    "body": "仿宋_GB2312",
    "latin": "Times New Roman",
}
RED = RGBColor(0xD4, 0x00, 0x00)
COLOUR_RGB = {
    "green": (46, 125, 50),
    "amber": (249, 168, 37),
    "red": (198, 40, 40),
    "closed": (96, 125, 139),
    "no_deadline": (117, 117, 117),
}


def set_font(
    run: Any, east_asian: str, size: float, bold: bool = False, colour: RGBColor | None = None
) -> None:
    """Give ``run`` the East-Asian face ``east_asian`` (w:eastAsia) and a Latin face, size in points."""
    run.font.name = FONTS["latin"]
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _paragraph(
    doc: Any,
    text: str,
    face: str,
    size: float,
    *,
    centre: bool = False,
    bold: bool = False,
    colour: RGBColor | None = None,
    indent: bool = False,
) -> Any:
    paragraph = doc.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    set_font(paragraph.add_run(text), face, size, bold=bold, colour=colour)
    return paragraph


def _red_rule(paragraph: Any) -> None:
    """A red line under ``paragraph`` (a bottom border), the rule under a 红头."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "D40000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_number_footer(doc: Any) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("— "), FONTS["body"], 12)
    run = paragraph.add_run()
    set_font(run, FONTS["body"], 12)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    set_font(paragraph.add_run(" —"), FONTS["body"], 12)


def _run_prototype(doc: Any, face: str, size: float) -> Any:
    """A formatted run (``w:r`` with its ``w:rPr`` and a ``w:t``) to copy into table cells: setting
    the font on each of thousands of cells through python-docx is most of a long table's time."""
    scratch = doc.add_paragraph()
    set_font(scratch.add_run("·"), face, size)
    run = deepcopy(scratch._p.r_lst[0])
    scratch._p.getparent().remove(scratch._p)
    return run


def _fill(tc: Any, table: Any, value: Any, prototype: Any, face: str) -> None:
    from docx.table import _Cell

    text = str(value)
    if any(ch in text for ch in "\t\n\r"):  # tabs and breaks: python-docx writes w:tab / w:br
        set_font(_Cell(tc, table).paragraphs[0].add_run(text), face, 10.5)
        return
    run = deepcopy(prototype)
    t = run.find(qn("w:t"))
    t.text = text
    t.set(qn("xml:space"), "preserve")
    tc.p_lst[0].append(run)


def _table(doc: Any, header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Any:
    """A bordered table, made with all its rows at once: python-docx's ``add_row().cells``
    reads every cell of the table each time, which is quadratic on a long ranking."""
    from docx.table import _Cell

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    column_widths = [Cm(width) for width in widths]
    prototypes = {face: _run_prototype(doc, face, 10.5) for face in (FONTS["h1"], FONTS["body"])}
    for index, tr in enumerate(table._tbl.tr_lst):
        values = header if index == 0 else rows[index - 1]
        face = FONTS["h1"] if index == 0 else FONTS["body"]
        for tc, value, width in zip(tr.tc_lst, values, column_widths, strict=True):
            _fill(tc, table, value, prototypes[face], face)
            _Cell(tc, table).width = width
    return table


def bar_chart_png(
    labels: Sequence[str],
    values: Sequence[float],
    fills: Sequence[tuple[int, int, int]],
    title: str,
    maximum: float | None = None,
) -> bytes | None:
    """A horizontal bar chart as PNG drawn with Pillow; None when Pillow or a CJK font is missing."""
    font_file = cjk_font().path
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with pdfplumber
        return None
    if not font_file:
        return None
    scale = 2
    row, left, right, top = 34 * scale, 260 * scale, 70 * scale, 46 * scale
    width = 1000 * scale
    height = top + row * max(len(labels), 1) + 16 * scale
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_file, 15 * scale, index=0)
    draw.text((width // 2, 10 * scale), title, fill="black", font=font, anchor="ma")
    top_value = maximum or max([float(v) for v in values] + [1.0])
    span = width - left - right
    for index, (label, value, fill) in enumerate(zip(labels, values, fills, strict=True)):
        y = top + index * row
        short = label if len(label) <= 16 else label[:15] + "…"
        draw.text((left - 10 * scale, y + row // 2), short, fill="black", font=font, anchor="rm")
        length = int(span * float(value) / top_value) if top_value else 0
        draw.rectangle([left, y + 6 * scale, left + max(length, 1), y + row - 6 * scale], fill=fill)
        text = f"{value:.1f}" if isinstance(value, float) else str(value)
        draw.text((left + length + 6 * scale, y + row // 2), text, fill="black", font=font, anchor="lm")
    draw.line([left, top, left, height - 16 * scale], fill="black", width=scale)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _picture(doc: Any, png: bytes | None) -> None:
    if png is None:
        return
    doc.add_picture(io.BytesIO(png), width=Cm(15))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_docx(data: BulletinData, head: Masthead) -> bytes:
    """The bulletin as a .docx: red head, four sections, tables, charts, page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = FONTS["latin"]
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONTS["body"])

    _paragraph(doc, head.issuer, FONTS["title"], 26, centre=True, colour=RED)
    number = _paragraph(doc, head.number, FONTS["body"], 16, centre=True)
    _red_rule(number)
    _paragraph(
        doc, f"关于{data.label}营商环境重点任务推进情况的{head.title}", FONTS["title"], 22, centre=True
    )

    summary = data.summary
    _paragraph(doc, "一、总体情况", FONTS["h1"], 16)
    day = data.generated_on
    _paragraph(
        doc,
        f"截至{day.year}年{day.month}月{day.day}日，已交办重点任务{summary.tasks}项，其中已办结"
        f"{summary.closed}项，绿灯{summary.green}项，黄灯{summary.amber}项，红灯{summary.red}项，"
        f"缺完成时限{summary.no_deadline}项。",
        FONTS["body"],
        16,
        indent=True,
    )
    _picture(
        doc,
        bar_chart_png(
            [COLOUR_ZH[c] for c in COLOURS],
            [summary.count(c) for c in COLOURS],
            [COLOUR_RGB[c] for c in COLOURS],
            "任务状态分布",
        ),
    )

    _paragraph(doc, "二、各政策文件推进情况", FONTS["h1"], 16)
    _table(
        doc,
        ["政策文件", "任务数", "已办结", "绿灯", "黄灯", "红灯", "缺时限", "总体进度"],
        [
            [
                p.title,
                p.summary.tasks,
                p.summary.closed,
                p.summary.green,
                p.summary.amber,
                p.summary.red,
                p.summary.no_deadline,
                f"{p.progress:.1f}%",
            ]
            for p in data.policies
        ],
        [5.2, 1.4, 1.4, 1.2, 1.2, 1.2, 1.4, 1.9],
    )
    if data.policies:
        title, charted = data.charted_policies()
        _picture(
            doc,
            bar_chart_png(
                [p.title for p in charted],
                [p.progress for p in charted],
                [(21, 101, 192)] * len(charted),
                title,
                100.0,
            ),
        )

    _paragraph(doc, "三、红灯任务情况（按牵头单位）", FONTS["h1"], 16)
    if not data.red_by_unit:
        _paragraph(doc, "本期无红灯任务。", FONTS["body"], 16, indent=True)
    for index, group in enumerate(data.red_by_unit, start=1):
        _paragraph(doc, f"（{chinese_index(index)}）{group.unit}（{group.total}项）", FONTS["h2"], 16)
        _table(
            doc,
            ["序号", "重点任务", "完成时限", "红灯原因"],
            [[t.ref, t.text, t.deadline, "；".join(t.reasons)] for t in group.tasks],
            [1.8, 8.0, 2.4, 3.7],
        )
        if group.not_listed:
            _paragraph(
                doc, f"另有{group.not_listed}项红灯任务未列出，详见台账。", FONTS["body"], 16, indent=True
            )
    if data.red_units_not_listed:
        _paragraph(
            doc,
            f"另有{data.red_units_not_listed}个牵头单位共{data.red_tasks_not_listed}项红灯任务，详见台账。",
            FONTS["body"],
            16,
            indent=True,
        )

    _paragraph(doc, f"四、{data.label}绩效考核排名", FONTS["h1"], 16)
    if not data.ranking:
        _paragraph(doc, "本期无考核数据。", FONTS["body"], 16, indent=True)
    else:
        _table(
            doc,
            ["名次", "单位", "得分", "榜单"],
            [[r.rank, r.unit, f"{r.total:.2f}", r.honour_list] for r in data.ranking],
            [1.8, 8.6, 2.6, 2.6],
        )

    signature = _paragraph(doc, head.issuer, FONTS["body"], 16)
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    dated = _paragraph(doc, f"{day.year}年{day.month}月{day.day}日", FONTS["body"], 16)
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_number_footer(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
