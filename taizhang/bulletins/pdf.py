"""A bulletin (通报) as PDF with reportlab, and the CJK font every PDF of taizhang embeds.

:func:`cjk_font` registers the first TrueType CJK font found (Debian's fonts-wqy-zenhei first,
or the file named by ``TAIZHANG_CJK_FONT``) and embeds it, so the PDF reads the same on any
machine; with none installed it falls back to reportlab's CID font ``STSong-Light``, which is
not embedded (the reader supplies a Song face), and logs a warning. Charts are vector drawings.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .build import COLOUR_ZH, COLOURS, BulletinData, Masthead, chinese_index

__all__ = [
    "FONT_CANDIDATES",
    "CjkFont",
    "cjk_font",
    "styles",
    "grid_table",
    "colour_chart",
    "progress_chart",
    "page_numbers",
    "write_pdf",
]

log = logging.getLogger(__name__)

# TrueType (glyf-outline) CJK fonts reportlab can embed, most likely first. OpenType/CFF faces
# such as Noto CJK .otf/.ttc cannot be embedded by reportlab and are not listed.
FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
FALLBACK_CID = "STSong-Light"

COLOUR_FILL = {
    "green": colors.HexColor("#2e7d32"),
    "amber": colors.HexColor("#f9a825"),
    "red": colors.HexColor("#c62828"),
    "closed": colors.HexColor("#607d8b"),
    "no_deadline": colors.HexColor("#757575"),
}
RED_HEAD = colors.HexColor("#d40000")


@dataclass(frozen=True)
class CjkFont:
    """The registered font: its reportlab name, the file it came from, and whether it is embedded."""

    name: str
    path: str
    embedded: bool


def _candidates() -> list[str]:
    chosen = os.environ.get("TAIZHANG_CJK_FONT", "").strip()
    return ([chosen] if chosen else []) + list(FONT_CANDIDATES)


@lru_cache(maxsize=1)
def cjk_font() -> CjkFont:
    """Register and return the CJK font of taizhang's PDFs (see the module's docstring)."""
    for path in _candidates():
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont("TaizhangCJK", path, subfontIndex=0))
        except Exception as error:  # a damaged or CFF-outline file: try the next one
            log.warning("CJK font %s cannot be embedded: %s", path, error)
            continue
        return CjkFont("TaizhangCJK", path, embedded=True)
    log.warning(
        "no TrueType CJK font found (install fonts-wqy-zenhei or set TAIZHANG_CJK_FONT); "
        "PDFs use the non-embedded CID font %s",
        FALLBACK_CID,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    return CjkFont(FALLBACK_CID, "", embedded=False)


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of an official document in the CJK font (one face; sizes mark the levels)."""
    font = cjk_font().name
    return {
        "masthead": ParagraphStyle(
            "masthead", fontName=font, fontSize=26, leading=34, alignment=TA_CENTER, textColor=RED_HEAD
        ),
        "number": ParagraphStyle("number", fontName=font, fontSize=12, leading=18, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", fontName=font, fontSize=18, leading=26, alignment=TA_CENTER, spaceBefore=6, spaceAfter=10
        ),
        "h1": ParagraphStyle("h1", fontName=font, fontSize=14, leading=22, spaceBefore=10, spaceAfter=4),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=12, leading=20, spaceBefore=6, spaceAfter=2),
        "body": ParagraphStyle("body", fontName=font, fontSize=11, leading=19, firstLineIndent=22),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK"),
        "small": ParagraphStyle("small", fontName=font, fontSize=9, leading=12),
    }


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: data never becomes markup)."""
    return Paragraph(escape(str(text)), style)


CELL_PADDING = 6  # points left and right of a table cell (reportlab's default)


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """A bordered table with a shaded header row repeated on each page; cells wrap CJK text."""
    cell = styles()["cell"]
    room = [w - 2 * CELL_PADDING for w in widths]

    def value(text: Any, width: float) -> Any:
        # A short one-line value is drawn as a plain string (the same font, size and leading): a
        # Paragraph per cell is most of the time of a long ranking.
        plain = str(text)
        if "\n" not in plain and pdfmetrics.stringWidth(plain, cell.fontName, cell.fontSize) <= width:
            return plain
        return para(plain, cell)

    data = [[para(h, cell) for h in header]] + [
        [value(v, w) for v, w in zip(row, room, strict=True)] for row in rows
    ]
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
        )
    )
    return table


def colour_chart(counts: dict[str, int], title: str = "任务状态分布") -> Drawing:
    """A vertical bar chart of task counts per colour."""
    font = cjk_font().name
    drawing = Drawing(160 * mm, 60 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 10 * mm, 135 * mm, 40 * mm
    chart.data = [[counts.get(c, 0) for c in COLOURS]]
    chart.categoryAxis.categoryNames = [COLOUR_ZH[c] for c in COLOURS]
    chart.categoryAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.nudge = 6
    for index, colour in enumerate(COLOURS):
        chart.bars[(0, index)].fillColor = COLOUR_FILL[colour]
    drawing.add(chart)
    drawing.add(String(80 * mm, 55 * mm, title, fontName=font, fontSize=10, textAnchor="middle"))
    return drawing


def progress_chart(
    labels: Sequence[str], percents: Sequence[float], title: str = "各政策总体进度（%）"
) -> Drawing:
    """A horizontal bar chart of progress percentages, one bar per label (labels shortened)."""
    font = cjk_font().name
    rows = max(len(labels), 1)
    height = 20 * mm + rows * 8 * mm
    drawing = Drawing(160 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 55 * mm, 8 * mm, 95 * mm, rows * 8 * mm
    chart.data = [list(percents) or [0]]
    chart.categoryAxis.categoryNames = [
        label if len(label) <= 16 else label[:15] + "…" for label in labels
    ] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.bars[0].fillColor = colors.HexColor("#1565c0")
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = font
    chart.barLabels.nudge = 10
    drawing.add(chart)
    drawing.add(String(80 * mm, height - 8, title, fontName=font, fontSize=10, textAnchor="middle"))
    return drawing


def page_numbers(canvas: Any, doc: Any) -> None:
    """Draw “— n —” at the foot of each page, as official documents number their pages."""
    canvas.saveState()
    canvas.setFont(cjk_font().name, 10)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
    canvas.restoreState()


def _story(data: BulletinData, head: Masthead) -> list[Any]:
    s = styles()
    width = A4[0] - 50 * mm
    summary = data.summary
    story: list[Any] = [
        para(head.issuer, s["masthead"]),
        Spacer(1, 4 * mm),
        para(head.number, s["number"]),
        HRFlowable(width="100%", thickness=2, color=RED_HEAD, spaceBefore=2, spaceAfter=8),
        para(f"关于{data.label}营商环境重点任务推进情况的{head.title}", s["title"]),
        para("一、总体情况", s["h1"]),
        para(
            f"截至{data.generated_on.year}年{data.generated_on.month}月{data.generated_on.day}日，"
            f"已交办重点任务{summary.tasks}项，其中已办结{summary.closed}项，"
            f"绿灯{summary.green}项，黄灯{summary.amber}项，红灯{summary.red}项，"
            f"缺完成时限{summary.no_deadline}项。",
            s["body"],
        ),
        colour_chart({c: summary.count(c) for c in COLOURS}),
        para("二、各政策文件推进情况", s["h1"]),
    ]
    policy_rows = [
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
    ]
    story.append(
        grid_table(
            ["政策文件", "任务数", "已办结", "绿灯", "黄灯", "红灯", "缺时限", "总体进度"],
            policy_rows,
            [width * 0.34] + [width * 0.085] * 6 + [width * 0.15],
        )
    )
    if data.policies:
        title, charted = data.charted_policies()
        story.append(progress_chart([p.title for p in charted], [p.progress for p in charted], title))
    story.append(para("三、红灯任务情况（按牵头单位）", s["h1"]))
    if not data.red_by_unit:
        story.append(para("本期无红灯任务。", s["body"]))
    for index, group in enumerate(data.red_by_unit, start=1):
        story.append(para(f"（{chinese_index(index)}）{group.unit}（{group.total}项）", s["h2"]))
        story.append(
            grid_table(
                ["序号", "重点任务", "完成时限", "红灯原因"],
                [[t.ref, t.text, t.deadline, "；".join(t.reasons)] for t in group.tasks],
                [width * 0.10, width * 0.50, width * 0.14, width * 0.26],
            )
        )
        if group.not_listed:
            story.append(para(f"另有{group.not_listed}项红灯任务未列出，详见台账。", s["body"]))
    if data.red_units_not_listed:
        story.append(
            para(
                f"另有{data.red_units_not_listed}个牵头单位共{data.red_tasks_not_listed}项红灯任务，详见台账。",
                s["body"],
            )
        )
    story.append(para(f"四、{data.label}绩效考核排名", s["h1"]))
    if not data.ranking:
        story.append(para("本期无考核数据。", s["body"]))
    else:
        story.append(
            grid_table(
                ["名次", "单位", "得分", "榜单"],
                [[r.rank, r.unit, f"{r.total:.2f}", r.honour_list] for r in data.ranking],
                [width * 0.12, width * 0.52, width * 0.18, width * 0.18],
            )
        )
    return story


def write_pdf(data: BulletinData, head: Masthead) -> bytes:
    """The bulletin as an A4 PDF with a text layer, embedded CJK font, charts and page numbers."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title=f"{head.issuer} {head.number}",
        author=head.issuer,
    )
    doc.build(_story(data, head), onFirstPage=page_numbers, onLaterPages=page_numbers)
    return out.getvalue()
