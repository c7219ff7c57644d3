"""A short row of a flattened table put in its columns by what its cells hold.

A table that a web crawl or the text of a PDF flattens (a cell a line, cells separated by tabs,
runs of spaces or pipes) prints a merged cell once, in the first row of its block: the rows below
lack it, and a blank cell may leave nothing either. Such a row has fewer cells than its heading
row, and which columns it lacks is told by its cells, not their count: under 序号 / 主要措施 /
重点任务 / 完成时限 / 牵头单位 / 配合单位 a row "2 / 实施… / 2024年10月 / 区财政局" lacks the merged
measure and (most likely) nothing else but its co-unit or its merged lead unit; a row "7 / 开展… /
区人社局 / 区总工会" lacks the merged measure and deadline.

:func:`fit_row` tries every way to keep the cells in order in the columns, and scores each cell
for its column: a number under the sequence, a date under the deadline, names of units under a
unit column, work (no list of units, no bare date) under the task. Columns left out cost little
where cells are usually merged (measure, lead unit, deadline) or blank (co-unit), much for the
sequence, and the task column is never left out. This is the one reading of a short row that
every flattened form feeds (tables.read_task_table reads grids of all of them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from .lexicon import is_ongoing_phrase
from .units import MODAL, looks_like_unit, parse_units

__all__ = ["fit_row", "fits", "names_units", "deadline_only", "opens_with_work"]

# A sequence cell: a number or a numeral. matches: "12", "(三)", "四、" ; must not match: "2024年"
_SEQ = re.compile(r"[\d一二三四五六七八九十()（）、.．]{1,6}")
# A date as deadline cells write it: 2024年10月, 6月30日, 2024-12-31, 2024.6, 2024/6/30.
_DATE = (
    r"(?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?"
    r"|(?:19|20)\d{2}[-./／]\d{1,2}(?:[-./／]\d{1,2})?)"
)
# A cell that holds a date (or two, a span) and nothing else. matches: "2024年10月", "2025年12月底前",
# "6月底前", "2024年", "12月31日前", "2024-12-31", "2024年6月-12月" ; must not match: "完成2025年度评估",
# "2025年底前完成移交"
_DATE_ONLY = re.compile(rf"{_DATE}(?:\s*[-—–~至]\s*{_DATE})?[^\d，。,;；:：、\n]{{0,5}}")
# The year's own period or a season as a deadline. matches: "年底前", "全年", "上半年", "三季度末"
_PERIOD_ONLY = re.compile(r"全年|年内|年[底末]前?|[上下]半年|第?[一二三四1-4]季度[末底]?前?")
# A figure with its measure word: what work names and a unit's name never ends with.
# matches: "3所", "1万人次", "300个", "20家" ; must not match: "12345热线", "第二中学"
_COUNTED = re.compile(
    r"\d+(?:\.\d+)?[万亿千百]?(?:个|所|家|座|处|项|条|人次|人|户|套|公里|平方米|亩|万元|元)"
)
# A verb of work opening a cell: what a task says and a unit's name does not open with.
# matches: "新建…", "建成…", "完成…", "推进…", "开展…" ; must not match: "区建设管理委", "组织部"
_WORK_OPENING = re.compile(
    r"(?:新建|建成|新增|完成|开展|推进|推动|实施|打造|加快|启动|改造|提升|落实|制定|出台|培育|深化|优化|强化|健全|完善)"
)

# What a column left out costs: cells merged down a block (measure, lead unit, deadline) are often
# left out, a blank co-unit cell too; a sequence cell rarely; the task's never.
_SKIP_COST = {"seq": 3.0, "measure": 0.2, "lead": 0.6, "deadline": 0.5, "co": 0.4, "task": None}
_OTHER_SKIP = 0.3
_MAX_COLUMNS = 12


def opens_with_work(text: str) -> bool:
    """The cell opens with a verb of work or names a counted figure ("新建托育园所3所")."""
    return _WORK_OPENING.match(text) is not None or _COUNTED.search(text) is not None


def names_units(text: str) -> bool:
    """The cell is a list of unit names (a cell of a unit column), not work that ends with a word
    a unit's name ends with ("新建普惠性托育园所3所", "建成区级养老服务中心")."""
    t = text.strip()
    if not t or MODAL.search(t) or opens_with_work(t):
        return False
    names = parse_units(t, t)
    return bool(names) and all(
        (looks_like_unit(n) and not n.endswith(_NOT_UNIT_ENDINGS)) or n.startswith(("各", "相关", "有关"))
        for n in names
    )


# Titles that end like a unit name but name a piece of work: 部署 (动员部署, 安排部署, 工作部署) is
# deploying, not a 署 (海关总署); seen as the 改革任务 cell "区级动员部署" of 静安区's reform timetable.
_NOT_UNIT_ENDINGS = ("部署",)


def deadline_only(text: str) -> bool:
    """The cell is a deadline column's and nothing else: a date, the year's period, a standing
    schedule ("长期坚持", "常态化推进")."""
    t = "".join(text.split())
    if _DATE_ONLY.fullmatch(t) or _PERIOD_ONLY.fullmatch(t):
        return True
    return 2 <= len(t) <= 6 and is_ongoing_phrase(t)


_NONE_CELL = re.compile(r"[/／—－-]{1,2}|无")


def _score(role: str | None, text: str) -> float | None:
    """How well ``text`` fits a column of ``role``; None when it cannot be that column's cell."""
    t = "".join(text.split())
    if not t:
        return 0.0
    if role == "seq":
        return 3.0 if _SEQ.fullmatch(t) else None
    if role == "deadline":
        return 3.0 if deadline_only(t) else None
    if role in ("lead", "co"):
        if _NONE_CELL.fullmatch(t):
            return 1.0 if role == "co" else 0.5
        return 2.0 if names_units(t) else None
    if role in ("task", "measure"):
        if deadline_only(t) or _SEQ.fullmatch(t) or names_units(t):
            return None
        return 2.0 if role == "task" else 1.0
    return 0.0


def fits(role: str | None, text: str) -> bool:
    """``text`` can be the cell of a column of ``role`` (see ``fit_row``)."""
    return _score(role, text) is not None


def fit_row(texts: Sequence[str], roles: Sequence[str | None]) -> list[int] | None:
    """The column of each of ``texts`` (a short row's cells, in order) under columns of ``roles``,
    or None when the row is not short or no placement fits each cell to its column."""
    m, c = len(texts), len(roles)
    if not 0 < m < c or c > _MAX_COLUMNS or "task" not in roles:
        return None
    best: tuple[float, list[int]] | None = None
    for kept in combinations(range(c), m):
        total = 0.0
        ok = True
        for j in range(c):
            if j in kept:
                continue
            cost = _SKIP_COST.get(roles[j] or "", _OTHER_SKIP)
            if cost is None:
                ok = False
                break
            # (of two columns alike, the left one is the merged one: a table groups its rows
            # from the left, as measures group tasks)
            total -= cost + 0.001 * j
        if not ok:
            continue
        for text, j in zip(texts, kept, strict=True):
            got = _score(roles[j], text)
            if got is None:
                ok = False
                break
            total += got
        if ok and (best is None or total > best[0]):
            best = (total, list(kept))
    return None if best is None else best[1]
