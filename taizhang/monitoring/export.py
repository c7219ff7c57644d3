"""The scorecard workbook (.xlsx): the ranking sheet and one breakdown sheet of every line."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from taizhang.extract.sheets import save_workbook

from .queries import Scoreboard

__all__ = ["scoreboard_workbook", "LIST_LABELS"]

LIST_LABELS = {"red": "红榜", "yellow": "黄榜", "black": "黑榜"}
_FONT = "宋体"
_HEAD = Font(name=_FONT, bold=True, size=11)
_BODY = Font(name=_FONT, size=11)
_TITLE = Font(name="黑体", bold=True, size=14)
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill("solid", fgColor="DDE4EE")


def _table(sheet, title: str, header: list[str], rows: list[list[object]], widths: list[int]) -> None:  # type: ignore[no-untyped-def]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.cell(1, 1).font = _TITLE
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(header)
    for col in range(1, len(header) + 1):
        cell = sheet.cell(2, col)
        cell.font, cell.fill, cell.border = _HEAD, _FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(row)
        for col in range(1, len(header) + 1):
            cell = sheet.cell(sheet.max_row, col)
            cell.font, cell.border = _BODY, _BOX
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"


def scoreboard_workbook(board: Scoreboard) -> bytes:
    """The ranking (排名) and the breakdown (得分明细) of ``board`` as an .xlsx file."""
    book = Workbook()
    ranking = book.active
    ranking.title = "考核排名"
    rows: list[list[object]] = []
    for entry in board.ranked:
        card = entry.scorecard
        listed = board.lists.list_of(card.unit)
        rows.append(
            [
                entry.rank,
                card.unit,
                float(card.total),
                float(card.delivery),
                card.overdue_tasks,
                LIST_LABELS.get(str(listed or ""), ""),
            ]
        )
    for card in board.unassessed:
        rows.append(["", card.unit, "", "", card.overdue_tasks, "本期无考核事项"])
    _table(
        ranking,
        f"{board.period.code} 绩效考核排名",
        ["名次", "单位", "得分", "履职得分", "超期任务", "榜单"],
        rows,
        [8, 32, 10, 10, 10, 14],
    )
    for row in ranking.iter_rows(min_row=3, min_col=3, max_col=4):
        for cell in row:
            cell.number_format = "0.00"
    details = book.create_sheet("得分明细")
    lines: list[list[object]] = []
    for entry in board.ranked:
        card = entry.scorecard
        for line in card.lines:
            lines.append(
                [
                    card.unit,
                    line.label_zh,
                    float(line.count),
                    float(line.due) if line.due is not None else "",
                    float(line.points_each),
                    float(line.subtotal),
                    "是" if line.cap_applied else "",
                ]
            )
        lines.append([card.unit, "合计", "", "", "", float(card.total), ""])
    _table(
        details,
        f"{board.period.code} 得分明细",
        ["单位", "考核项目", "完成数", "应完成数", "权重/每项分值", "得分", "封顶"],
        lines,
        [32, 18, 10, 10, 12, 10, 8],
    )
    out = io.BytesIO()
    save_workbook(book, out)
    return out.getvalue()
