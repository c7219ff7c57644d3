"""Task tables (任务分解表): reading tasks, units and deadlines from a table's rows.

A task table is recognised by its heading row (序号 / 主要措施 / 重点任务 / 完成时限 / 牵头单位 /
协办单位, and their many variants). Section rows (一、…) and measure cells ((一) …) give each
task its place; a blank cell of a vertically merged column takes the value above it within its
block, as a reader of the printed table would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .deadlines import find_deadline, parse_deadline
from .indicator_tables import target_cell_metrics
from .layout import (
    _NODE_HEADING,
    _TARGET_HEADING,
    _YEAR_NODE,
    Cell,
    Grid,
    heading_roles,
    indicator_column,
    work_item_column,
)
from .lexicon import column_role
from .model import CellRef, Deadline, Metric, Passage, Span, Task
from .outline import HEADING, heading_number
from .outline import ref_part as _ref_part
from .rowfit import fit_row
from .units import UnitRoles, is_none, looks_like_unit, parse_roles

__all__ = ["TableTasks", "read_task_table", "find_header"]

_SPACE = re.compile(r"\s+")
# A number alone in the sequence column. matches: "12" ; must not match: "(一)"
_SEQ_NUMBER = re.compile(r"\d{1,3}")
_NO_ROLES = UnitRoles()
# A line break where a cell's text wrapped, with the spaces around it.
_WRAP = re.compile(r"\s*\n\s*")
# A task's own number at the start of its cell.
# matches: "1.将数字人民币…", "12、", "(3)" ; must not match: "2024年…", "1.5亿元"
_TASK_NUMBER = re.compile(r"^\s*(?:(?P<n>\d{1,3})(?:[.、](?!\d)|\s)|\((?P<p>\d{1,3})\)|(?P<c>[①-⑳]))\s*")
# The weight of a goal in a table of performance targets, in brackets after it. matches: "(20%)",
# "（权重15%）", "(10 %)" ; must not match: "(含30%配套)"
_WEIGHT = re.compile(r"\s*[(（]\s*(?:权重\s*)?\d{1,3}(?:\.\d+)?\s*[%％]\s*[)）]\s*$")
# A measure's numeral: "(一)" or "一、".
# matches: "(五)", "(十二)" ; must not match: "(1)"
_MEASURE_NUMERAL = re.compile(r"^\s*\((?P<n>[一二三四五六七八九十百]+)\)\s*")


@dataclass(frozen=True)
class TableTasks:
    """The tasks of one task table, with the passages metric finding should read."""

    tasks: tuple[Task, ...]
    passages: tuple[Passage, ...]
    metrics: tuple[Metric, ...] = ()  # read from the table's cells (a table of performance targets)


def clear_caches() -> None:
    """Forget the memos of heading cells and unit cells."""
    column_role.cache_clear()
    for memo in (_no_units, _lead_cell_roles, _co_cell_units):
        memo.cache_clear()


_role_of = column_role


def find_header(work: str, grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The heading row of a task table and its columns by role, or None when it is none.

    A task table names at least a task column and a unit or deadline column.
    """
    for r, row in enumerate(grid.rows[:8]):
        roles = _row_roles(work, row)
        if roles is None:
            continue
        if r + 1 < len(grid.rows):
            below = _refined_heading(work, row, grid.rows[r + 1])
            if below is not None:
                finer = _row_roles(work, below)
                if finer is not None and len(finer) >= len(roles):
                    # A heading of two rows: the second names the columns a heading of the first
                    # spans (责任单位 over 牵头单位 / 配合单位), and the rows of tasks follow it.
                    return r + 1, finer
        return r, roles
    return None


def _refined_heading(work: str, top: Sequence[Cell], row: Sequence[Cell]) -> tuple[Cell, ...] | None:
    """The heading row of two rows as one, when ``row`` (under the heading row ``top``) names the
    columns that merged headings of ``top`` span: each of its cells is a column's heading, a cell
    merged down from ``top`` (序号, 重点任务 and 完成时限 printed once over both rows) or blank under
    a heading, one at least is a heading of its own. None when ``row`` is a row of the table's
    body."""
    if len(row) != len(top):
        return None
    cells: list[Cell] = []
    own = 0
    for above, cell in zip(top, row, strict=True):
        if (cell.merged and cell.start == above.start) or (
            not work[cell.start : cell.end].strip() and work[above.start : above.end].strip()
        ):
            # merged down (or left blank under it, as a web table's text writes a cell that
            # spans two rows): the heading above names the column
            cells.append(above)
            continue
        if _role_of(work[cell.start : cell.end]) is None:
            return None
        cells.append(cell)
        own += 1
    return tuple(cells) if own else None


def _row_roles(work: str, row: Sequence[Cell]) -> dict[str, int] | None:
    """The columns by role that a heading row names, or None when the row is no task table's heading
    (it names a task column and a unit or deadline column)."""
    roles: dict[str, int] = {}
    row_roles = heading_roles([work[cell.start : cell.end] for cell in row])
    for c, cell in enumerate(row):
        if cell.merged and c and row[c - 1].start == cell.start:
            continue
        role = row_roles[c]
        if (
            role == "task"
            and ("task" in roles or "measure" in roles)
            and _AIM_OR_PLAN.search(work, cell.start, cell.end)
        ):
            # A column right of the work's own that gives its goal or the period's plan
            # (重点工作 / 攻坚目标任务 / 工作任务安排): it describes the task named on the left.
            role = None
        if role == "lead" and "lead" in roles and "co" not in roles:
            # A second unit column beside the lead one (牵头单位 / 责任单位) lists co-units.
            role = "co"
        if role and role not in roles:
            roles[role] = c
        elif role == "measure" and "task" not in roles and "measure" in roles:
            # Two measure-like columns (类别 / 主要任务): the left groups, the right holds the
            # work, as the 任务清单 of three-year action plans head them.
            roles["task"] = c
        elif role == "task" and "measure" not in roles:
            # Two task-like columns: the first groups (措施), the second is the task.
            roles["measure"], roles["task"] = roles["task"], c
        elif role == "task" and roles.get("task", c) < c:
            # A third (任务类型 / 改革任务 / 工作要求): the work is in the right-most, as a
            # table reads from the general to the detail; the one between titles it.
            roles["task"] = c
    if "task" in roles and "measure" in roles and roles["task"] < roles["measure"]:
        # A measure column right of the task one (事项 / 工作措施): the left one groups, the
        # right one holds the work, as a table reads from the general to the detail.
        roles["measure"], roles["task"] = roles["task"], roles["measure"]
    if "task" in roles and "measure" in roles and _goal_beside_work(work, row, roles):
        # 主要任务 / 全年目标任务: the work is the task, its goal for the year a column beside.
        roles["task"] = roles.pop("measure")
    if (
        "task" not in roles
        and "measure" in roles
        and ("lead" in roles or "deadline" in roles)
        and _SPACE.sub("", work[row[roles["measure"]].start : row[roles["measure"]].end])
        not in _BARE_CATEGORY
    ):
        roles["task"] = roles.pop("measure")
    if "task" in roles and ("lead" in roles or "deadline" in roles) and len(roles) >= 3:
        return roles
    texts = [work[cell.start : cell.end] for cell in row]
    indicators = indicator_column(texts, row_roles)
    work_items = work_item_column(texts, row_roles) if indicators is not None else None
    if indicators is not None and work_items is not None:
        # A table of performance targets (工作项目 / 关键绩效指标 / 年度目标值): its work items are
        # the tasks, each with its indicator and target.
        return {**roles, "task": work_items, "indicator": indicators}
    return None


# The heading of a column that gives a task's goal or the plan of a period for it, beside the
# column naming the work: key-work tables of townships and progress tables of counties head them so
# (泗洲头镇 (象山县): 重点工作 / 攻坚目标任务 / 工作任务安排; 柯桥区 and 崇川区: 主要任务 / 全年目标任务).
# matches: "攻坚目标任务", "全年目标任务", "工作任务安排", "二季度工作安排", "2022年预期目标" ; must
# not match: "重点任务", "2022年度任务目标" (招远市's task column: the matter named as its target),
# "具体任务"
_AIM_OR_PLAN = re.compile(r"目标\s*任\s*务|预\s*期\s*目\s*标|(?:任\s*务|工\s*作)\s*安\s*排")


# What a cell of a unit column never holds: a yes/no or none answer, a share, a figure or a
# sentence, a step of work. matches: "是", "否", "完成60%", "已完成9个，其余正在施工", "已进场施工" ;
# must not match: "区教育局"
_NOT_UNIT_CELL = re.compile(r"[是否无]|(?:已|未|正在|尚未|完成|开工|竣工).*|.*[%％\d，,。;；].*", re.S)


@lru_cache(maxsize=4096)
def _no_units(cell: str) -> bool:
    """The text of a unit column's cell names no unit at all and reads as progress, a yes/no
    answer or a sentence (a row whose cells were read into the wrong columns: the progress
    tables of 招远市's and 柯桥区's 民生实事 put 进展情况 and 是否完成 cells after the unit
    columns, and a row short of a cell shifts them there). A unit cell with a figure or a
    comma but a unit name in it ("区发改委牵头，区财政局配合") is units."""
    text = _SPACE.sub("", cell)
    if not text or _NOT_UNIT_CELL.fullmatch(text) is None:
        return False
    names = parse_roles(text, text)
    return not any(looks_like_unit(n) for n in names.lead + names.co)


# (A document repeats its unit cells: a long division table names the same few units in hundreds
# of rows. The units of a cell are read once; the memos are pure, the cells' texts their keys.)
@lru_cache(maxsize=4096)
def _lead_cell_roles(orig: str, work: str, heads: bool) -> UnitRoles:
    """The roles a cell of the lead column names (its units one a line or spaced apart read as a
    list; ``heads``: the column names each unit's head too, who is no part of its name)."""
    if heads:
        orig, work = _without_heads(orig, work)
    return parse_roles(*_unit_lines(orig, work))


@lru_cache(maxsize=4096)
def _co_cell_units(orig: str, work: str) -> tuple[str, ...]:
    """The co-units a cell of the co column names: its co-units, then any it names as leading."""
    roles = parse_roles(*_unit_lines(orig, work), default="co")
    if not roles.lead:
        return roles.co
    return roles.co + tuple(u for u in roles.lead if u not in roles.co)


# The heading of a column of a task's goal for the year. matches: "全年目标任务", "年度目标",
# "2023年目标任务" ; must not match: "重点任务", "2022年度任务目标" (a task column headed with its year)
_GOAL_HEADING = re.compile(r"(?:全年|年度|\d{4}年度?)目标(?:任务)?")


def _goal_beside_work(work: str, row: Sequence[Cell], roles: dict[str, int]) -> bool:
    """A progress table's task column right of a column of the work itself (主要任务 / 全年目标任务
    / 分管领导 / 牵头单位 / … / 1-10月推进情况): the right one gives the period's goal of the task
    named on the left, as 柯桥区's progress table of its 民生实事 gives its 工作任务 and then the
    quarter's goal (一季度目标, a column of no role there); a column that only names the matter
    (民生事项名称 / 2022年度任务目标, as 招远市's livelihood progress table heads them) leaves the goal
    the task."""
    m, t = roles["measure"], roles["task"]
    if not m < t < len(row) or len(row) <= m:
        return False
    left = _SPACE.sub("", work[row[m].start : row[m].end])
    right = _SPACE.sub("", work[row[t].start : row[t].end])
    return left.endswith("任务") and _GOAL_HEADING.fullmatch(right) is not None


# A column of bare categories (类别 / 名称 / 明细 / 原运维管理单位: an inventory of facilities and
# who runs them, as the annexes of 杨浦区's and 静安区's 排水 reform plans list them) names no work:
# with no task column beside it the table is no task table. A measure column with a title of work
# (主要任务, 重点领域) still reads as the tasks.
_BARE_CATEGORY = frozenset({"类别", "类型", "分类"})


def _cell_text(work: str, cell: Cell | None) -> str:
    if cell is None:
        return ""
    return work[cell.start : cell.end].strip()


def _single_line(text: str) -> str:
    """A cell's text on one line: line breaks inside it are where the cell wrapped."""
    if "\n" not in text:
        return text.strip()
    return _WRAP.sub("", text).strip()


def _uses_none_marker(work: str, grid: Grid, col: int, first: int) -> bool:
    for row in grid.rows[first:]:
        if col < len(row) and is_none(_cell_text(work, row[col])):
            return True
    return False


def read_task_table(text: str, work: str, grid: Grid, year: int | None = None) -> TableTasks | None:
    """The tasks of ``grid`` when it is a task table, else None. ``year`` is the document's own
    (a deadline cell such as 年底前 is of that year)."""
    found = find_header(work, grid)
    if found is None:
        return None
    header, cols = found
    for role in ("lead", "co"):
        if role in cols and _measure_column(work, grid, cols[role], header + 1):
            # A unit column that holds the measures of the rows' figures (个, 万元, %): no units.
            cols = {r: c for r, c in cols.items() if r != role}
    if "lead" not in cols and "co" in cols:
        cols["lead"] = cols.pop("co")
    if "lead" not in cols and "deadline" not in cols and "indicator" not in cols:
        return None
    ncols = max(len(r) for r in grid.rows)
    header_texts = [_SPACE.sub("", _cell_text(work, c)) for c in grid.rows[header]]
    co_blank_is_merge = "co" in cols and _uses_none_marker(work, grid, cols["co"], header + 1)

    tasks: list[Task] = []
    passages: list[Passage] = []
    metrics: list[Metric] = []
    section = section_num = None
    measure = measure_ref = None  # the measure's title and its numbering as a ref part: "(一)"
    prev: dict[str, object] = {}
    above: dict[str, object] = {}  # the row above, whatever its block: what a merged cell shows
    c_task = cols["task"]
    c_seq, c_measure, c_deadline = cols.get("seq"), cols.get("measure"), cols.get("deadline")
    c_lead, c_co = cols.get("lead"), cols.get("co")
    c_progress = _progress_columns(header_texts, cols)
    # A lead column that names each unit's head as well ("牵头单位及主要负责人"): the person after
    # each unit is no part of its name.
    lead_heads = (
        c_lead is not None
        and c_lead < len(header_texts)
        and _HEADS_HEADING.search(header_texts[c_lead]) is not None
    )
    c_aim = _aim_column(header_texts, cols)
    c_indicator = cols.get("indicator")
    squeezed_heads = ["".join(h.split()) for h in header_texts]
    table_year = year
    if c_indicator is not None:
        # A table of performance targets: each row's indicator and its target (the figure column),
        # of the table's year; its progress columns give milestones (第1季完成25%), no metrics.
        c_aim = cols.get("figure")
        c_progress = ()
        table_year = _table_year(text, work, grid, header_texts) or year
        if c_indicator == c_task and "衡量标准" in squeezed_heads:
            # A table of assessed goals with no work column (衡量指标 / 评估体制 / 评估方式 / 衡量标准
            # / 年度目标值): its indicator column holds the goals (the tasks), and what each target
            # counts is the measure (衡量标准: "补助办展数/计划补助办展数*100%", "年度辅导优良市场数").
            c_indicator = squeezed_heads.index("衡量标准")
    c_target = _year_target_columns(header_texts, cols)
    if c_target is not None:
        cols = {**cols, "deadline": c_target - 1}
        c_deadline = c_target - 1
    # A task column headed with a year ("2022年度任务目标"): its targets are of that year.
    column_year = _HEADING_YEAR.search(header_texts[c_task]) if c_task < len(header_texts) else None
    task_year = int(column_year["y"]) if column_year else None

    # (A cell's text is stripped, so its first character is that of the text without its white
    # space: a row whose first cell opens otherwise is no repeated heading, and is not joined.)
    header_first = header_texts[0][:1] if header_texts else ""
    col_roles: list[str | None] = [None] * ncols
    for role, c in cols.items():
        if c < ncols:
            col_roles[c] = role
    rows = grid.rows
    for r in range(header + 1, len(rows)):
        row = rows[r]
        n_cells = len(row)
        cells: Sequence[Cell | None]
        moved = False  # the row's cells moved past its merged leading cells
        if n_cells < ncols:
            # A short row lost its leading (merged, blank) cells when flattened; a further year
            # of a task list with a row a year ("2019年" / "26.5万户") lost those around its
            # year and target.
            lead_pad = ncols - n_cells
            placed = None
            if (
                c_target is not None
                and n_cells <= ncols - c_target + 1
                and _YEAR_NODE.fullmatch(work[row[0].start : row[0].end].strip())
            ):
                lead_pad = c_target - 1
            elif n_cells >= 2:
                # The row's cells put in their columns by what they hold (a merged measure,
                # lead unit or deadline printed once, in its block's first row, is left out
                # in the middle of the row as well as at its start).
                placed = fit_row([work[c.start : c.end] for c in row], col_roles)
            if placed is not None:
                spread: list[Cell | None] = [None] * ncols
                for cell, at in zip(row, placed, strict=True):
                    spread[at] = cell
                cells = spread
            else:
                cells = [*([None] * lead_pad), *row, *([None] * (ncols - n_cells - lead_pad))]
            n_cells = ncols
            texts = [work[c.start : c.end].strip() if c is not None else "" for c in cells]
        else:
            cells = row
            texts = [work[c.start : c.end].strip() for c in row]
            if r > header + 1 and not texts[-1]:
                unpadded = _unpad(text, work, row, texts, cols)
                if unpadded is not None:
                    cells = unpadded
                    texts = [work[c.start : c.end].strip() if c is not None else "" for c in cells]
                    moved = True
        if (
            texts
            and texts[0][:1] == header_first
            and "".join(texts[0].split()) == header_texts[0]
            and ["".join(t.split()) for t in texts] == header_texts
        ):
            continue  # the heading row repeated on a new page
        distinct = set(texts)
        distinct.discard("")
        if len(distinct) == 1 and _NOTE_ROW.match(next(iter(distinct))):
            continue  # the table's note ("注：牵头单位负责…") in a row of its own, no task
        task_cell = cells[c_task] if c_task < n_cells else None
        task_w = texts[c_task] if c_task < n_cells else ""  # texts[i] is _cell_text of cells[i]

        # A section row: one text across the row (一、…), or nothing in the task column.
        if (
            len(distinct) == 1
            and (not task_w or all(t == task_w for t in distinct))
            and not (moved and HEADING.level(task_w) is None and _WORK_MARKS.search(task_w))
        ):
            # (A moved row of one text with a figure is a further target of the item above:
            # "新增学位810个 | |||||"; a section row names no figure.)
            only = next(iter(distinct))
            if HEADING.level(only) in (0, 1) or not task_w or len(distinct) == 1:
                level = HEADING.level(only)
                if level is not None and level >= 2:
                    measure_ref = _ref_part(level, heading_number(only))
                    measure = _single_line(HEADING.strip(text_at(text, work, only, cells)))
                else:
                    section_num = heading_number(only) if level in (0, 1) else None
                    section = _single_line(HEADING.strip(text_at(text, work, only, cells)))
                    measure = measure_ref = None
                prev = {}
                continue
        if (
            c_target is not None
            and tasks
            and (not task_w or (task_cell is not None and task_cell.merged))
            and texts[c_target - 1]
        ):
            # A further year of the task above (its cell merged over the rows of its years, or
            # left blank in them): the year is its deadline now (the last one given), the target
            # is of that year.
            _year_row(text, work, cells, texts, c_target, year, tasks, passages, measure)
            continue
        if not task_w:
            continue
        if task_cell is not None and task_cell.merged and c_target is not None and tasks:
            # A further year of the task above (its cell merged over the rows of its years): the
            # year is its deadline now (the last one given), the target is of that year.
            _year_row(text, work, cells, texts, c_target, year, tasks, passages, measure)
            continue

        # The measure: its own column, or a numeral in the sequence column.
        seq_w = texts[c_seq] if c_seq is not None and c_seq < n_cells else ""
        m_cell = cells[c_measure] if c_measure is not None and c_measure < n_cells else None
        m_w = texts[c_measure] if c_measure is not None and c_measure < n_cells else ""
        new_measure = False
        num = _MEASURE_NUMERAL.match(seq_w)
        if num:
            if f"({num.group('n')})" != measure_ref:
                new_measure = True
            measure_ref = f"({num.group('n')})"
        if m_w:
            mnum = HEADING.match(m_w)
            if mnum:
                measure_ref = _ref_part(mnum[0], mnum[1].group("n"))
                m_w = m_w[mnum[1].end() :]
            m_orig = text[m_cell.start : m_cell.end].strip() if m_cell else m_w
            m_text = _single_line(HEADING.strip(m_orig))
            if m_text != measure:
                new_measure = True
            measure = m_text
        if new_measure:
            prev = {}

        # The task's own number and text.
        assert task_cell is not None
        raw = text[task_cell.start : task_cell.end]
        lead_ws = len(raw) - len(raw.lstrip())
        t_start = task_cell.start + lead_ws
        t_work = work[t_start : task_cell.end].rstrip()
        items: list[tuple[int, int, str | None]] = list(_cell_items(work, t_start, t_start + len(t_work)))
        number = None
        if len(items) > 1:
            t_end = t_start + len(t_work)
        else:
            nm = _TASK_NUMBER.match(t_work)
            if nm:
                number = nm.group("n") or nm.group("p") or nm.group("c")
                t_start += nm.end()
                t_work = t_work[nm.end() :]
            elif _SEQ_NUMBER.fullmatch(seq_w):
                number = seq_w
            if c_indicator is not None:
                # A goal of a table of performance targets: its numeral (一、) and its weight in
                # the assessment (（20%）: a term of the scoring, no metric) are no part of it.
                hm = HEADING.match(t_work)
                if hm is not None and hm[1].end() < len(t_work):
                    number = number or hm[1].group("n")
                    t_start += hm[1].end()
                    t_work = t_work[hm[1].end() :]
                wm = _WEIGHT.search(t_work)
                if wm is not None and wm.start() > 0:
                    t_work = t_work[: wm.start()].rstrip()
            t_end = t_start + len(t_work)
            items = [(t_start, t_end, number)]

        # Deadline: its cell, else the cell above in the same block, else the task's words.
        dl_cell = cells[c_deadline] if c_deadline is not None and c_deadline < n_cells else None
        dl_w = texts[c_deadline] if c_deadline is not None and c_deadline < n_cells else ""
        deadline: Deadline | None
        if dl_w:
            deadline = parse_deadline(
                dl_w, text[dl_cell.start : dl_cell.end].strip() if dl_cell else dl_w, year
            )
        elif "deadline" in cols and c_target is not None:
            deadline = None  # a task of a list with a row a year, with no year
        elif "deadline" in cols and (dl_cell is None or dl_cell.merged):
            held = above if dl_cell is not None and dl_cell.merged else prev
            deadline = held.get("deadline") if isinstance(held.get("deadline"), Deadline) else None  # type: ignore[assignment]
        elif "deadline" in cols:
            deadline = None  # a blank deadline cell of its own: no deadline (only lead cells carry down)
        else:
            deadline = None  # read from each task's own words below

        # Units: the lead column (roles inside it are honoured), and the co column.
        lead_cell = cells[c_lead] if c_lead is not None and c_lead < n_cells else None
        co_cell = cells[c_co] if c_co is not None and c_co < n_cells else None
        lead_w = texts[c_lead] if c_lead is not None and c_lead < n_cells else ""
        roles = _NO_ROLES
        # (A progress or yes/no cell read into a unit column gives no units, and takes none from
        # the row above.)
        if lead_w and lead_cell is not None and not _no_units(lead_w):
            roles = _lead_cell_roles(
                text[lead_cell.start : lead_cell.end], work[lead_cell.start : lead_cell.end], lead_heads
            )
        lead = roles.lead
        co_extra = roles.co
        if not lead and not lead_w:
            held = above if lead_cell is not None and lead_cell.merged else prev
            lead = held.get("lead", ())  # type: ignore[assignment]
        co_w = texts[c_co] if c_co is not None and c_co < n_cells else ""
        if co_w and co_cell is not None and _no_units(co_w):
            co: tuple[str, ...] = ()
        elif co_w and co_cell is not None:
            co = _co_cell_units(text[co_cell.start : co_cell.end], work[co_cell.start : co_cell.end])
        elif co_cell is not None and co_cell.merged and not co_w:
            co = above.get("co", ())  # type: ignore[assignment]
        elif co_cell is not None and co_blank_is_merge and not co_w:
            co = prev.get("co", ())  # type: ignore[assignment]
        else:
            co = ()
        if co or co_extra:  # (most rows name no co-unit in the lead column)
            co = tuple(dict.fromkeys(u for u in co_extra + tuple(co) if u not in lead))

        prev = {"lead": lead, "co": co, "deadline": deadline}
        above = prev
        if c_target is not None and c_target < n_cells and texts[c_target]:
            t_cell = cells[c_target]
            assert t_cell is not None
            passages.extend(_target_passages(work, t_cell, deadline.year if deadline else None, measure))
        a_cell = cells[c_aim] if c_aim is not None and c_aim < n_cells else None
        if a_cell is not None and a_cell.end > a_cell.start and t_work:
            # The row's target beside its name ("地区生产总值" / "增长5.5%(市下达指标)"): the
            # figure measures what the task names (or the row's indicator, in a table of them).
            heading = _single_line(text[t_start : t_start + len(t_work)])
            if c_indicator is not None:
                i_cell = cells[c_indicator] if c_indicator < n_cells else None
                if i_cell is not None and texts[c_indicator]:
                    name = _single_line(HEADING.strip(text[i_cell.start : i_cell.end].strip()))
                    metrics.extend(target_cell_metrics(text, work, name, a_cell, table_year))
                a_cell = None
            if a_cell is not None:
                passages.append(Passage(a_cell.start, a_cell.end, year_hint=task_year, heading=heading))
        for c in c_progress:
            p_cell = cells[c] if c < n_cells else None
            if p_cell is not None and p_cell.end > p_cell.start:
                passages.append(
                    Passage(p_cell.start, p_cell.end, year_hint=task_year, heading=measure, reported=True)
                )
        for i_start, i_end, i_number in items:
            i_work = work[i_start:i_end]
            i_deadline = deadline
            if i_deadline is None and "deadline" not in cols:
                i_deadline = find_deadline(i_work, text[i_start:i_end], year)
            i_lead, i_co = tuple(lead), co
            if c_co is None and i_work.startswith(_ONLY_COOPERATES) and not _TOGETHER_WITH.match(i_work):
                # "配合开展…": the row's units only cooperate in this task (a table with a column of
                # co-units of its own names them there: its lead column still leads the row).
                i_lead, i_co = (), tuple(dict.fromkeys((*lead, *co)))
            i_num = i_number if len(items) == 1 else ".".join(p for p in (seq_w or None, i_number) if p)
            ref_parts = [p for p in (section_num, measure_ref, i_num) if p]
            tasks.append(
                Task(
                    ref=".".join(ref_parts) or None,
                    measure=measure,
                    text=_single_line(text[i_start:i_end]),
                    lead_units=i_lead,
                    co_units=i_co,
                    deadline=i_deadline,
                    span=Span(i_start, i_end),
                    cells=(CellRef(grid.index, r, cols["task"]),),
                    section=section,
                    number=i_num,
                )
            )
            passages.append(
                Passage(
                    i_start,
                    i_end,
                    year_hint=i_deadline.year if i_deadline and i_deadline.kind != "ongoing" else task_year,
                    heading=measure,
                    ongoing=bool(i_deadline and i_deadline.kind == "ongoing"),
                )
            )
    return TableTasks(tuple(tasks), tuple(passages), tuple(metrics))


# The most characters of a measure a figure is counted in (个, 万元, 平方米, 万千瓦时).
_MEASURE_WORD = 4


def _measure_column(work: str, grid: Grid, col: int, first: int) -> bool:
    """The column ``col`` holds, in every row that fills it (two at least), a short word that names
    no unit (个, 公里, 万元, %): the measure of the row's figure, as target and livelihood tables
    give it in a column headed 单位 or 计量单位, not the unit that answers for the row."""
    seen = 0
    for row in grid.rows[first:]:
        if col >= len(row):
            continue
        cell = "".join(work[row[col].start : row[col].end].split())
        if not cell:
            continue
        if len(cell) > _MEASURE_WORD or looks_like_unit(cell) or _SEQ_NUMBER.fullmatch(cell):
            return False
        seen += 1
    return seen >= 2


# A year of the Republic of China's calendar (民国纪年, as Taiwan's governments date their plans:
# 103年度 = 2014), or of the common era, in a table's title or heading. matches: "103年度", "2014年"
# ; must not match: "1000年", "12年"
_TABLE_YEAR = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2}|(?:[89]\d|1[0-4]\d))年")
# How far before a table its title is looked for.
_TITLE_REACH = 120


def _table_year(text: str, work: str, grid: Grid, header_texts: list[str]) -> int | None:
    """The year of a table of performance targets: the one its heading row names ("103年度目标值"),
    else the one of its title (the lines just before it: "103年度施政计划"). A year of three
    digits or two (80 to 149) is of the Republic's calendar: 1911 + n."""
    found = None
    for h in header_texts:
        found = _TABLE_YEAR.search(h)
        if found:
            break
    if found is None:
        before = work[max(0, grid.start - _TITLE_REACH) : grid.start]
        hits = list(_TABLE_YEAR.finditer(before))
        found = hits[-1] if hits else None
    if found is None:
        return None
    y = int(found["y"])
    return y if y >= 1900 else 1911 + y


# A note under a table's rows. matches: "注：牵头单位负责统筹", "备注:", "说明：1.…", "注1：" ; must not
# match: "注重实效", "说明书编制"
_NOTE_ROW = re.compile(r"\s*(?:注|备注|说明)\d?\s*[:：]")


# The year a column's heading names. matches: "2022年度任务目标", "2024年目标任务" ; must not match:
# "完成时限", "1-9月份工作完成情况"
_HEADING_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})年")


# The heading of a column that gives the target of the task named on its left: "指标要求",
# "目标要求", "目标值", "年度目标", "目标任务", "全年目标任务" (a one-year task list's targets beside
# its 重点任务). must not match: "目标类型" (a class of targets), "工作目标任务"
_AIM_HEADING = re.compile(r"(?:全年|年度|预期)?(?:指标|目标)(?:要求|值|任务)?")


def _aim_column(header_texts: list[str], cols: dict[str, int]) -> int | None:
    """The column right of the task's that gives its target ("任务名称 / 指标要求 / 牵头部门":
    the 目标任务分解表 of district work reports name the indicator in the task's column and its
    target beside it), when it is no column of a role; None else."""
    c = cols["task"] + 1
    if c >= len(header_texts) or c in cols.values() or not _AIM_HEADING.fullmatch(header_texts[c]):
        return None
    return c


def _year_target_columns(header_texts: list[str], cols: dict[str, int]) -> int | None:
    """The target column of a task list whose tasks span a row a year (节点 / 指标数: "2018年" /
    "24.3万户"), right after the column of the years, when the heading row has one; None else.
    The 任务清单 of three-year action plans head their columns so (上海 districts' 生活垃圾分类
    三年行动计划; see layout._year_rows)."""
    for c in range(cols["task"] + 1, len(header_texts) - 1):
        if _NODE_HEADING.fullmatch(header_texts[c]) and _TARGET_HEADING.fullmatch(header_texts[c + 1]):
            return c + 1
    return None


def _year_row(
    text: str,
    work: str,
    cells: Sequence[Cell | None],
    texts: list[str],
    c_target: int,
    year: int | None,
    tasks: list[Task],
    passages: list[Passage],
    measure: str | None,
) -> None:
    """Read a further year row of the last task: its year the task's deadline, its target a
    passage of that year."""
    dl_cell = cells[c_target - 1] if c_target - 1 < len(cells) else None
    deadline = None
    if dl_cell is not None and texts[c_target - 1]:
        deadline = parse_deadline(texts[c_target - 1], text[dl_cell.start : dl_cell.end].strip(), year)
    if deadline is not None:
        tasks[-1] = replace(tasks[-1], deadline=deadline)
    t_cell = cells[c_target] if c_target < len(cells) else None
    if t_cell is not None and texts[c_target]:
        passages.extend(_target_passages(work, t_cell, deadline.year if deadline else None, measure))


def _target_passages(work: str, cell: Cell, year: int | None, measure: str | None) -> list[Passage]:
    """The passages of a target cell, one per figure a slash separates ("24.3万户/682个": two
    targets of the year, not a rate)."""
    out: list[Passage] = []
    s = cell.start
    for m in _TARGET_SPLIT.finditer(work, cell.start, cell.end):
        if m.start() > s:
            out.append(Passage(s, m.start(), year_hint=year, heading=measure))
        s = m.end()
    if cell.end > s:
        out.append(Passage(s, cell.end, year_hint=year, heading=measure))
    return out


# Between two targets of one cell. matches: the "/" of "24.3万户/682个" ; must not match: the "/"
# of "吨/日" (a rate: a unit, not a figure, after it)
_TARGET_SPLIT = re.compile(r"[/／](?=\s*\d)")


def _progress_columns(header_texts: list[str], cols: dict[str, int]) -> tuple[int, ...]:
    """The columns that report how the work stands (进展情况, 1-9月份工作完成情况, 取得成效), as
    progress and completion tables of 民生实事 give them beside each project's target (临安区,
    招远市, 乐清市): their figures are read as reported. Not the task's own column."""
    return tuple(
        c
        for c, h in enumerate(header_texts)
        if c != cols["task"] and h != "备注" and column_role(h) == "progress"
    )


# What a sequence cell holds: a number or a numeral. matches: "12", "(三)", "四、", "3." ; must
# not match: "新增托位500个。" (a task's text in the sequence column of a row that lost its cell)
_SEQ_LIKE = re.compile(r"[\d一二三四五六七八九十()（）、.．]{1,6}")


# What a cell of work holds and a list of units does not: a figure, a clause's punctuation.
_WORK_MARKS = re.compile(r"[\d。,，;；]")


def _cells_fit(
    text: str, work: str, texts: Sequence[str], cells: Sequence[Cell | None], cols: dict[str, int]
) -> bool:
    """The row's cells fit their columns: a number (or nothing) under 序号, a text that is not a
    list of units under the task heading, units (or nothing) under the lead one."""
    c_seq, c_task, c_lead = cols.get("seq"), cols["task"], cols.get("lead")
    if c_seq is not None and texts[c_seq] and not _SEQ_LIKE.fullmatch(_SPACE.sub("", texts[c_seq])):
        return False
    task_w = texts[c_task]
    if not task_w or (_WORK_MARKS.search(task_w) is None and _only_units(text, work, cells[c_task])):
        return False
    return c_lead is None or not texts[c_lead] or _only_units(text, work, cells[c_lead])


def _only_units(text: str, work: str, cell: Cell | None) -> bool:
    if cell is None:
        return False
    names = parse_roles(*_unit_lines(text[cell.start : cell.end], work[cell.start : cell.end]))
    found = names.lead + names.co
    return bool(found) and all(looks_like_unit(n) for n in found)


def _unpad(
    text: str, work: str, row: Sequence[Cell], texts: list[str], cols: dict[str, int]
) -> list[Cell | None] | None:
    """A row of a web table whose merged cells a crawl left out and made up for with blank cells
    at the end of the line ("新增托位500个。 | 新增托位600个。 | ||" under 序号 | 项目内容 |
    进展情况 | 责任单位, the number and the unit merged from the row above): its cells moved right
    past the merged leading columns, the blank padding dropped, when they fit their columns only
    so. Progress tables of 民生实事 as crawled from 临安区 (杭州) and 招远市 (烟台) pages have such
    rows (a 类别 merged down a block). None when the row fits as it is, or fits no other way.
    must not change: a row whose last cells are blank cells of its own (no co-unit, no note)."""
    if _cells_fit(text, work, texts, row, cols):
        return None
    k = 0
    while k < len(texts) - 1 and not texts[-1 - k]:
        k += 1
    for s in range(1, k + 1):
        shifted: list[Cell | None] = [*([None] * s), *row[: len(row) - s]]
        moved = [""] * s + texts[: len(texts) - s]
        if _cells_fit(text, work, moved, shifted, cols):
            return shifted
    return None


# A unit column's heading that names the person at the head of each unit too: 牵头单位及主要负责人
# (肇庆市's table of the progress of its 2020 livelihood tasks: "市民政局 伍泽国"), 责任单位及责任人
# (a usual heading of county lists of duties, such as 苍南县's lists of 招商引资 projects and the
# 防灾责任单位及责任人 of a place's plan against geological hazards).
# matches: "牵头单位及主要负责人", "责任单位及责任人", "责任单位/责任人" ; must not match: "责任单位"
_HEADS_HEADING = re.compile(r"(?:单位|部门)(?:及|和|/|、)(?:主要)?(?:负责人|责任人)")
# A person's name after a unit, set off by a space, before the next separator or the cell's end.
# matches: " 伍泽国" in "市民政局 伍泽国" ; must not match: "市民政局、市财政局"
_HEAD_NAME = re.compile(r"(?<=\S)[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,4})(?=[ \u3000]*(?:[、,;\n]|$))")


def _without_heads(orig: str, work: str) -> tuple[str, str]:
    """A unit cell of a column that names each unit's head ("市民政局 伍泽国"), without the
    persons (blanked: the same length in both forms). A name that is a unit stays."""
    found = [
        m
        for m in _HEAD_NAME.finditer(work)
        if not looks_like_unit(m["name"])
        and looks_like_unit(re.split(r"[、,;\s]", work[: m.start()].rstrip())[-1])
    ]
    if not found:
        return orig, work
    o, w = list(orig), list(work)
    for m in found:
        for i in range(m.start(), m.end()):
            o[i] = w[i] = " "
    return "".join(o), "".join(w)


def _unit_lines(orig: str, work: str) -> tuple[str, str]:
    """A unit cell whose units stand one a line ("区建设管理委\n（区水务局）\n上海城投集团"): each line
    break between two whole names becomes a 、 (the same length in both forms). A line opening
    with a bracket continues the name above ("（区水务局）", an alias); a line that is only a
    unit word ("办公室") or follows a line ending in 、 is the same name or list wrapped. Tables
    of 静安区 and 杨浦区 (排水管理体制改革 timetables) and 静安区 (垃圾分类 task list) write
    their unit cells so.
    must not change: "区发展和改革委员会\n办公室" (one name wrapped), a cell of one line."""
    if " " in work or "\u3000" in work:
        orig, work = _unit_spaces(orig, work)
    if "\n" not in work:
        return orig, work
    lines = work.split("\n")
    pieces = [x.strip() for x in lines if x.strip()]
    if len(pieces) >= 2 and all(len(x) <= _NARROW_LINE for x in pieces) and not _whole_name(pieces[0]):
        # A name printed down a narrow cell, a few characters a line ("市政\n府办\n公厅"): its
        # first line is no name, and no break is between two names (a list keeps its 、).
        return orig, work
    out_w = list(work)
    pos = 0
    prev = ""
    for i, line in enumerate(lines):
        cur = line.strip()
        if (
            i
            and prev
            and cur
            and not prev.endswith("、")
            and _whole_name(prev)
            and _whole_name(cur)
            and cur[0] not in "(（"
        ):
            out_w[pos - 1] = "、"
        if cur:
            prev = cur if cur[0] not in "(（" or not prev else prev + cur
        pos += len(line) + 1
    sep = [i for i, ch in enumerate(out_w) if ch == "、" and work[i] == "\n"]
    out_o = list(orig)
    for i in sep:
        out_o[i] = "、"
    return "".join(out_o), "".join(out_w)


# A gap of spaces inside a line of a unit cell. matches: " " in "县教体局 各乡镇政府"
_UNIT_GAP = re.compile(r"[ \u3000]+")
# The fewest characters of a unit named beside another in a cell (a level and a stem before its unit
# word: 区财政局, 县教体局); fewer is an office of the name before it (督查室, 办公室).
_SPACED_NAME = 4
_TEXT_LINE = re.compile(r"[^\n]+")


def _unit_spaces(orig: str, work: str) -> tuple[str, str]:
    """A unit cell that names several units on a line set apart by spaces ("县教体局 各相关乡镇
    政府", "区发改局　区财政局"), as a table's cell lists them with no 、: the first space of each
    gap between two whole names becomes a 、 (the same length in both forms). A name printed with
    spaces inside ("区 财 政 局", a spaced heading's style) has no whole name on either side of a
    gap, and stays one name; nor does a name wrapped before its office ("县委县政府 督查室": an office
    of three characters names no unit of its own)."""
    out_w = list(work)
    out_o = list(orig)
    for line_m in _TEXT_LINE.finditer(work):
        ls, line = line_m.start(), line_m.group()
        gaps = [g for g in _UNIT_GAP.finditer(line) if 0 < g.start() and g.end() < len(line)]
        if not gaps:
            continue
        bounds = [0, *(x for g in gaps for x in (g.start(), g.end())), len(line)]
        pieces = [line[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
        if all(
            len(p) >= _SPACED_NAME and _whole_name(p) and not p.endswith(("、", "，", ",")) for p in pieces
        ):
            for g in gaps:
                out_w[ls + g.start()] = out_o[ls + g.start()] = "、"
    return "".join(out_o), "".join(out_w)


# The most characters a line of a narrow cell holds: a lead-unit column a few characters wide beside
# the task's, as division tables print the lead unit merged down a block of rows.
_NARROW_LINE = 4


def _whole_name(name: str) -> bool:
    """A unit's whole name: ends with a unit word after a stem of its own ("杨浦城投集团", "区政
    府"), not a unit word alone ("办公室")."""
    name = name.rstrip("、，,")
    return looks_like_unit(name) and name not in _BARE_UNIT_WORDS


_BARE_UNIT_WORDS = frozenset({"办公室", "管委会", "委员会", "领导小组", "指挥部"})


# A task that its units only cooperate in. matches: "配合开展污染检查", "协助做好…" ; must not
# match: "配套建设"
_ONLY_COOPERATES = ("配合", "协助", "协同配合")
# 配合 as "together with" a thing, opening a phrase before the work: "配合分布式储能、电动车充电
# 系统,打造…". must not match: "配合开展污染检查,…", "配合拓宽…线路范围。"
_TOGETHER_WITH = re.compile(r"配合[^,，。;；]{1,24}(?:系统|设施|平台|工程|项目|设备|装置|技术)[,，]")

# An item of a cell that lists several tasks, a line each: "1. 强化…\n2. 推动…".
# matches: "2. 推动", "3、完善", "2．" ; must not match: "2024年", "1.5亿元"
_CELL_ITEM = re.compile(r"[^\S\n]*(?P<n>\d{1,2})[^\S\n]*(?:[.、．](?!\d)|[^\S\n])[^\S\n]*")


def _cell_items(work: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tasks of a cell that numbers several, a line each from 1 ("1. …\n2. …"), as (start,
    end, number); [] when it holds one."""
    if work.find("\n", start, end) < 0:
        return []
    heads: list[tuple[int, int, str]] = []  # (line start, text start, number)
    pos = start
    while pos < end:
        m = _CELL_ITEM.match(work, pos, end)
        if m is not None and m.group("n") == str(len(heads) + 1):
            heads.append((pos, m.end(), m.group("n")))
        elif not heads:
            return []  # the cell does not open with item 1
        nl = work.find("\n", pos, end)
        if nl < 0:
            break
        pos = nl + 1
    if len(heads) < 2:
        return []
    out = []
    for i, (_, text_start, n) in enumerate(heads):
        e = heads[i + 1][0] if i + 1 < len(heads) else end
        out.append((text_start, text_start + len(work[text_start:e].rstrip()), n))
    return out


def text_at(text: str, work: str, only: str, cells: Sequence[Cell | None]) -> str:
    """The original text of the cell whose working text is ``only``."""
    for c in cells:
        if c is not None and work[c.start : c.end].strip() == only:
            raw = text[c.start : c.end]
            return raw.strip()
    return only
