"""The blue book (蓝皮书): the whole public programme as one PDF, written with reportlab.

A cover, a table of contents with page numbers, then per public policy a summary, its measures
and tasks (status and progress when the policy's progress is public) and its indicators
(baseline, target, actuals when they are public). It reads only :func:`.access.load_public`,
so it shows exactly what the portal shows. The CJK font is embedded as in the bulletins
(:func:`taizhang.bulletins.pdf.cjk_font`).
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.tableofcontents import TableOfContents

from taizhang.bulletins.pdf import cjk_font, grid_table, page_numbers, para, styles

from .access import PublicPolicy, load_public, public_policies

__all__ = ["COLOUR_ZH", "write_bluebook", "bluebook_story"]

COLOUR_ZH = {
    "green": "正常推进",
    "amber": "存在风险",
    "red": "进度滞后",
    "no_deadline": "时限待定",
    "closed": "已完成",
}
BLUE = colors.HexColor("#0d47a1")


class _Book(BaseDocTemplate):
    """Notifies the table of contents of each policy heading (style ``toc``) and its page."""

    def afterFlowable(self, flowable: Any) -> None:
        if getattr(flowable, "style", None) is not None and flowable.style.name == "toc":
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def _number(value: Decimal | None) -> str:
    """A decimal without trailing zeros and without an exponent: 95.5000 → 95.5, 100 → 100."""
    return "" if value is None else format(Decimal(value).normalize(), "f")


def _policy_section(policy: PublicPolicy, index: int, s: dict[str, ParagraphStyle]) -> list[Any]:
    width = A4[0] - 40 * mm
    story: list[Any] = [para(f"{index}. {policy.title}", s["toc"])]
    if policy.show_progress:
        counts = policy.counts
        story.append(
            para(
                f"本文件共有重点任务{policy.tasks}项，总体进度{policy.progress:.1f}%。其中已完成"
                f"{counts.get('closed', 0)}项，正常推进{counts.get('green', 0)}项，存在风险"
                f"{counts.get('amber', 0)}项，进度滞后{counts.get('red', 0)}项，"
                f"时限待定{counts.get('no_deadline', 0)}项。",
                s["body"],
            )
        )
    else:
        story.append(para(f"本文件共有重点任务{policy.tasks}项。", s["body"]))
    for measure in policy.measures:
        story.append(para(f"{measure.ref} {measure.title}".strip() or "其他任务", s["h2"]))
        if policy.show_progress:
            header = ["序号", "重点任务", "完成时限", "牵头单位", "状态", "进度", "最新进展"]
            rows = [
                [
                    t.ref,
                    t.text,
                    t.deadline,
                    t.lead_units,
                    COLOUR_ZH.get(t.colour or "", ""),
                    f"{t.progress}%",
                    t.narrative or "",
                ]
                for t in measure.tasks
            ]
            widths = [0.08, 0.30, 0.10, 0.13, 0.09, 0.07, 0.23]
        else:
            header = ["序号", "重点任务", "完成时限", "牵头单位", "协办单位"]
            rows = [[t.ref, t.text, t.deadline, t.lead_units, t.co_units] for t in measure.tasks]
            widths = [0.08, 0.48, 0.12, 0.16, 0.16]
        story.append(grid_table(header, rows, [width * w for w in widths]))
    if policy.indicators:
        story.append(para("主要指标", s["h2"]))
        story.append(
            grid_table(
                ["指标", "基期", "目标", "实际值"],
                [
                    [
                        f"{i.name}（{i.measure_unit}）" if i.measure_unit else i.name,
                        f"{_number(i.baseline_value)}（{i.baseline_year}年）" if i.baseline_year else "",
                        f"{i.comparator} {_number(i.target_value)}（{i.target_year}年）",
                        "；".join(f"{year}年 {_number(value)}" for year, value in i.actuals),
                    ]
                    for i in policy.indicators
                ],
                [width * 0.34, width * 0.18, width * 0.22, width * 0.26],
            )
        )
    story.append(PageBreak())
    return story


def bluebook_story(programme: list[PublicPolicy], today: dt.date) -> list[Any]:
    """The flowables of the blue book: cover, contents, one section per policy."""
    s = styles()
    font = cjk_font().name
    s["toc"] = ParagraphStyle("toc", parent=s["h1"], fontSize=16, leading=24, textColor=BLUE, spaceBefore=0)
    cover_title = ParagraphStyle("cover", parent=s["title"], fontSize=30, leading=40, textColor=BLUE)
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("toc0", fontName=font, fontSize=12, leading=20)]
    toc.dotsMinLevel = 0
    story: list[Any] = [
        Spacer(1, 70 * mm),
        para("优化营商环境工作", cover_title),
        para("蓝皮书", cover_title),
        Spacer(1, 20 * mm),
        para(f"{today.year}年{today.month}月{today.day}日", s["title"]),
        NextPageTemplate("body"),
        PageBreak(),
        para("目录", s["title"]),
        toc,
        PageBreak(),
    ]
    if not programme:
        story.append(para("暂无公开内容。", s["body"]))
    for index, policy in enumerate(programme, start=1):
        story.extend(_policy_section(policy, index, s))
    return story


def write_bluebook(now: dt.datetime | None = None) -> bytes:
    """The blue book of every public policy as of ``now``, as PDF bytes."""
    today = timezone.localdate(now or timezone.now())
    programme = load_public(list(public_policies()))
    out = io.BytesIO()
    doc = _Book(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title="优化营商环境工作蓝皮书",
        author="",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main")
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[frame]),
            PageTemplate(id="body", frames=[frame], onPage=page_numbers),
        ]
    )
    doc.multiBuild(bluebook_story(programme, today))
    return out.getvalue()
