"""Layout: the document as one text with offsets, and the tables found in it.

Real tables (docx, xlsx, html, pdf) are laid out as text, a row a line and cells separated by
tabs, so that every cell has offsets like any other text. Tables that a plain-text file holds
flattened (a cell a line behind a tab, rows separated by blank lines, as text copied out of a
word processor gives them; or a row a line with tab-separated cells) are found again here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from .lexicon import column_role
from .model import Paragraph, Source, Table
from .numbers import parse_chinese
from .rowfit import deadline_only, fit_row, fits, names_units
from .units import MODAL, looks_like_unit, parse_units

__all__ = [
    "Cell",
    "Grid",
    "Layout",
    "lay_out",
    "lost_line_breaks",
    "find_text_grids",
    "heading_roles",
    "indicator_column",
    "INDICATOR_COLUMN",
]


class Cell(NamedTuple):
    """A table cell: offsets of its text in the document text; ``merged`` when a merge covers it
    and it shows its top-left cell's text. (A named tuple: tables have many cells.)"""

    start: int
    end: int
    merged: bool = False


@dataclass(frozen=True)
class Grid:
    """A table as rows of cells, with its index among the document's tables."""

    index: int
    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """The document text, its tables, and the stretches of running text outside them."""

    text: str
    grids: tuple[Grid, ...]
    prose: tuple[tuple[int, int], ...]  # (start, end) of running text outside tables


def lay_out(source: Source) -> tuple[str, list[Grid], list[tuple[int, int]]]:
    """Lay the blocks of ``source`` out as one text; return it with its real tables and the
    spans of its paragraphs (flattened tables inside paragraphs are found later)."""
    parts: list[str] = []
    grids: list[Grid] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for block in source.blocks:
        if parts:
            parts.append("\n")
            pos += 1
        if isinstance(block, Table) and _one_column(block):
            # A table of one column is a page laid out in a table (web pages of government sites
            # put the whole document in one cell), not a table of data: its text is running text.
            block = Paragraph("\n".join(t for row in block.rows for t in dict.fromkeys(row) if t.strip()))
        if isinstance(block, Paragraph):
            parts.append(block.text)
            paragraphs.append((pos, pos + len(block.text)))
            pos += len(block.text)
            continue
        grid, text = _lay_out_table(block, pos, len(grids))
        parts.append(text)
        grids.append(grid)
        pos += len(text)
    return "".join(parts), grids, paragraphs


# A heading of only 单位 (单 位 spaced out): the units that answer for the task, or, beside a column
# of those (责任单位 / 牵头单位), the measure a figure of the row is counted in (个, 万元, %).
_BARE_UNIT_HEADING = "单位"


def heading_roles(texts: Sequence[str]) -> list[str | None]:
    """The roles of a heading row's columns (``column_role`` of each): a column headed only 单位
    beside a column of responsible units (序号 / 项目 / 单位 / 目标 / 责任单位, as target and
    livelihood tables head the measure of each row's figure) holds measures, a figure's column."""
    roles = [column_role(t) for t in texts]
    bare = [i for i, t in enumerate(texts) if "".join(t.split()) == _BARE_UNIT_HEADING]
    if bare and any(r in ("lead", "co") for i, r in enumerate(roles) if i not in bare):
        for i in bare:
            roles[i] = "figure"
    return roles


# The heading of a column of indicators in a table of performance targets (施政计划's 关键绩效指标 /
# 衡量指标 / 绩效指标 beside 工作项目 and 年度目标值). matches: "关键绩效指标", "绩效指标", "衡量指标",
# "考核指标" ; must not match: "衡量标准", "指标数" (a figure's column)
INDICATOR_COLUMN = re.compile(r"(?:关键)?(?:绩效|衡量|考核|评估)?指标(?:名称)?")


# The heading of the column of work items in a table of performance targets. matches: "工作项目",
# "计划名称", "施政项目" ; must not match: "2024年工作项目" (a year's column of a task list)
WORK_ITEM_COLUMN = re.compile(r"(?:工作|施政|计划)项目|计划名称|(?:关键)?策略目标")
# The columns of how a performance indicator is assessed (评估体制 / 评估方式), which only a table of
# performance targets has: with them, a column of indicators and one of target values make one even
# with no work column (each row's indicator is then its task).
_ASSESSMENT_COLUMN = re.compile(r"评估(?:体制|方式)")
# The other headings of such a table: how an indicator is assessed, how it is measured, its weight.
# matches: "评估体制", "评估方式", "衡量标准", "权重" ; must not match: "评估结果"
_PERFORMANCE_HEADING = re.compile(r"评估(?:体制|方式)|衡量标准|权重")


def indicator_column(texts: Sequence[str], roles: Sequence[str | None]) -> int | None:
    """The column of indicators of a heading row that names a work column, a column of indicators
    and a column of their target values (工作项目 / 关键绩效指标 / 衡量标准 / 年度目标值): a table of
    performance targets, whose rows are tasks with an indicator each; None for any other row."""
    if "figure" not in roles:
        return None
    squeezed = ["".join(t.split()) for t in texts]
    if (
        "task" not in roles
        and not any(WORK_ITEM_COLUMN.fullmatch(t) for t in squeezed)
        and not any(_ASSESSMENT_COLUMN.fullmatch(t) for t in squeezed)
    ):
        return None
    for i, t in enumerate(squeezed):
        if roles[i] is None and INDICATOR_COLUMN.fullmatch(t):
            return i
    return None


def work_item_column(texts: Sequence[str], roles: Sequence[str | None]) -> int | None:
    """The work column of a table of performance targets (``indicator_column``): its task column,
    else the one headed 工作项目 / 计划名称 / 关键策略目标; in a table of assessed indicators
    (评估体制 / 评估方式) with none of them, the column of indicators."""
    if "task" in roles:
        return list(roles).index("task")
    squeezed = ["".join(t.split()) for t in texts]
    found = next((i for i, t in enumerate(squeezed) if WORK_ITEM_COLUMN.fullmatch(t)), None)
    if found is None and any(_ASSESSMENT_COLUMN.fullmatch(t) for t in squeezed):
        return indicator_column(texts, roles)
    return found


def _one_column(table: Table) -> bool:
    """Every row holds one text at most (cells merged across the row repeat it)."""
    return all(len({t for t in row if t.strip()}) <= 1 for row in table.rows)


def _lay_out_table(table: Table, base: int, index: int) -> tuple[Grid, str]:
    out: list[str] = []
    rows: list[tuple[Cell, ...]] = []
    pos = base
    above: dict[int, Cell] = {}
    for r, row in enumerate(table.rows):
        if r:
            out.append("\n")
            pos += 1
        cells: list[Cell] = []
        left: Cell | None = None
        for c, text in enumerate(row):
            if c:
                out.append("\t")
                pos += 1
            merged = bool(
                table.merged and r < len(table.merged) and c < len(table.merged[r]) and table.merged[r][c]
            )
            if merged:
                # Point at the merge's first cell: the one above with the same text, else the left.
                ref = above.get(c) if (c in above and _same(table, r - 1, c, text)) else left
                if ref is not None:
                    cells.append(Cell(ref.start, ref.end, True))
                    left = cells[-1]
                    above[c] = cells[-1]
                    continue
            clean = text.replace("\t", " ")
            out.append(clean)
            cell = Cell(pos, pos + len(clean), merged)
            pos += len(clean)
            cells.append(cell)
            left = cell
            above[c] = cell
        rows.append(tuple(cells))
    text = "".join(out)
    return Grid(index, tuple(rows), base, base + len(text)), text


def _same(table: Table, r: int, c: int, text: str) -> bool:
    return r >= 0 and c < len(table.rows[r]) and table.rows[r][c] == text


# A line of a flattened table with cells one per line: the cell's text follows a tab.
# matches: "\t区金融服务署" ; must not match: "  一、总体要求" (spaces, not a tab)
_CELL_LINE = re.compile(r"\t(?P<cell>[^\n]*)")
_LINE = re.compile(r"[^\n]*\n?")


def find_text_grids(work: str, start: int, end: int, first_index: int) -> list[Grid]:
    """Tables flattened into the running text ``work[start:end]``."""
    grids = _cell_per_line_grids(work, start, end, first_index)
    if not grids:
        grids = _row_per_line_grids(work, start, end, first_index)
    more: list[Grid] = []
    if work.find("|", start, end) >= 0:
        # A markdown copy of a web page keeps its tables as rows of cells between pipes.
        more.extend(_pipe_grids(work, start, end))
        if work.find(" | ", start, end) >= 0:
            more.extend(
                g for g in _bare_pipe_grids(work, start, end) if not any(_overlap(g, o) for o in more)
            )
    if (
        work.find("序号", start, end) >= 0
        or work.find("编号", start, end) >= 0
        or work.find("序\n号", start, end) >= 0
    ):
        # A table copied out of a web page or a PDF a cell a paragraph.
        more.extend(_paragraph_cell_grids(work, start, end))
        if work.find(" |\n", start, end) >= 0:
            more.extend(_pipe_cell_grids(work, start, end))
        if work.find("\n|\n", start, end) >= 0 or work.find("\n| ", start, end) >= 0:
            more.extend(
                g for g in _pipe_line_grids(work, start, end) if not any(_overlap(g, o) for o in more)
            )
    if (
        work.find("\n|\n", start, end) >= 0
        or work.find("\n| ", start, end) >= 0
        or work.find(" |\n", start, end) >= 0
    ):
        # A table a crawl wrote a cell a line with pipes and no sequence column.
        more.extend(
            g for g in _unnumbered_pipe_grids(work, start, end) if not any(_overlap(g, o) for o in more)
        )
    if work.find("评估方式", start, end) >= 0 and work.find("|", start, end) >= 0:
        # A table of assessed goals whose heading row is one line of pipes, its cells a line each.
        more.extend(
            g for g in _assessed_goal_grids(work, start, end) if not any(_overlap(g, o) for o in more)
        )
    if _has_lone_unit_heading(work, start, end):
        # A table flattened a cell a paragraph with no sequence column: its heading row is found
        # by a unit column's heading alone on its line.
        more.extend(_headed_paragraph_grids(work, start, end))
    if _has_spaced_heading(work, start, end):
        # A table whose columns a run of spaces separates (text copied out of a PDF or a fixed-width
        # print of a web table).
        more.extend(_space_column_grids(work, start, end))
    if has_run_on_deadline_heading(work, start, end):
        # A table whose row and cell breaks a copy lost, one space or line break left between
        # cells: a text column first, unit columns and a deadline column after it.
        more.extend(g for g in _run_on_row_grids(work, start, end) if not any(_overlap(g, o) for o in more))
    more = [g for g in more if not any(_overlap(g, o) for o in grids)]
    if more:
        merged = sorted([*grids, *more], key=lambda g: g.start)
        grids = [Grid(first_index + i, g.rows, g.start, g.end) for i, g in enumerate(merged)]
    return grids


# A unit or deadline column's heading beside another heading, a run of spaces between: the cheap
# sign of a table whose columns spaces separate.
# matches: "项目名称    责任单位", "完成时限  牵头单位" ; must not match: "责任单位:区科技局"
_SPACED_HEADING_HINT = re.compile(
    r"(?:责任单位|牵头单位|责任部门|牵头部门|完成时限|完成时间)[ \u3000]{2,}\S"
    r"|[ \u3000]{2}(?:责任单位|牵头单位|责任部门|牵头部门|完成时限|完成时间)"
)
_SPACED_HEADINGS = ("责任单位", "牵头单位", "责任部门", "牵头部门", "完成时限", "完成时间")
_GAP_CHARS = frozenset(" \u3000")


def _has_spaced_heading(work: str, start: int, end: int) -> bool:
    """``_SPACED_HEADING_HINT`` is found in ``work[start:end]``, tested by plain substring searches
    (far faster than the pattern over a long document) before the pattern confirms it."""
    # Every way of the pattern holds two gap characters in a row: a text with no space or
    # ideographic space beside another (most documents) is passed over by two scans in C, not a
    # loop over each heading word (a division notice names 牵头单位 once an item).
    if work.find("  ", start, end) < 0 and work.find("\u3000", start, end) < 0:
        return False
    for word in _SPACED_HEADINGS:
        at = work.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            if work[after : after + 2] in ("  ", "\u3000\u3000", " \u3000", "\u3000 ") or (
                at >= 2 and work[at - 1] in _GAP_CHARS and work[at - 2] in _GAP_CHARS
            ):
                return _SPACED_HEADING_HINT.search(work, start, end) is not None
            at = work.find(word, after, end)
    return False


# What separates two cells of such a table: two spaces or more (one space may sit inside a cell).
_SPACED_CELL_GAP = re.compile(r"[ \u3000]{2,}|\t")


def _spaced_cells(work: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The cells of the line ``work[ls:le]`` as runs of text between gaps of two spaces or more."""
    cells: list[tuple[int, int]] = []
    pos = ls
    for m in _SPACED_CELL_GAP.finditer(work, ls, le):
        if m.start() > pos:
            cells.append((pos, m.start()))
        pos = m.end()
    if le > pos:
        cells.append((pos, le))
    return [(s, e) for s, e in cells if work[s:e].strip()]


def _space_column_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables whose cells a run of spaces separates, a row a line: a heading line of three column
    names or more (序号 / 项目名称 / 建设内容 / 完成时限 / 责任单位; every name a known column's, a
    task or measure column among them and a unit or deadline one; in a heading of six names or
    more, fewer than a third may be of no known column: 考核指标 / 年度目标 beside 考核内容 /
    责任部门 / 评分部门 / 完成期限 in an assessment table), then the rows, each with two
    cells or more and no more than the heading has (a short row lost its leading merged cells),
    up to a blank line or a line of one text. Key-project and livelihood-project lists of counties
    and districts, and key-task division tables, reach a text file so when copied out of a PDF or
    printed at fixed width.
    must not change: running text with a double space in a sentence (no heading line)."""
    grids: list[Grid] = []
    pos = start
    for hint in _SPACED_HEADING_HINT.finditer(work, start, end):
        if hint.start() < pos:
            continue
        ls = work.rfind("\n", start, hint.start()) + 1
        le = work.find("\n", hint.start(), end)
        le = end if le < 0 else le
        head = _spaced_cells(work, ls, le)
        roles = [column_role(work[s:e]) for s, e in head]
        if (
            len(head) < 3
            or 3 * sum(r is None for r in roles) >= len(roles)
            or (None in roles and len(roles) < 6)
            or not ({"task", "measure"} & set(roles))
            or not ({"lead", "deadline"} & set(roles))
        ):
            pos = le
            continue
        starts = [_display_col(work, ls, s) for s, _ in head]
        sub = _unit_subheadings(work, le, end) if roles[-1] == "lead" else None
        if sub is not None:
            # A heading of two lines: 责任单位 over 牵头单位 / 配合单位, the second line the
            # columns the last heading spans.
            sub_ls, le, sub_cells = sub
            head = head[:-1] + sub_cells
            roles = roles[:-1] + [column_role(work[a:b]) for a, b in sub_cells]
            starts = starts[:-1] + [_display_col(work, sub_ls, a) for a, _ in sub_cells]
        rows: list[tuple[Cell, ...]] = [tuple(Cell(s, e) for s, e in head)]
        last_end = le
        at = le + 1
        while at < end:
            nl = work.find("\n", at, end)
            line_end = end if nl < 0 else nl
            cells = _spaced_cells(work, at, line_end)
            if not cells or len(cells) > len(head):
                break
            cols = [_column_at(starts, _display_col(work, at, s)) for s, _ in cells]
            if len(cells) == 1 or cols[0] > 0:
                # A line that does not open the first column: a cell wrapped onto the next line
                # (its words are lost: a cell is one span) or, at the margin, the running text
                # after the table.
                if cols[0] == 0:
                    break
                at = line_end + 1
                continue
            aligned = len(set(cols)) == len(cols) and cols == sorted(cols)
            if not aligned or not _fits_by_position(work, cells, cols, roles):
                if _SEQ_CELL.fullmatch(work, *cells[0]):
                    # Columns not aligned (a crawl or a copy that joins a row's cells with a run
                    # of spaces, not at fixed width): a numbered row's cells in order, a short
                    # row's put in their columns by what they hold (tables, rowfit).
                    rows.append(tuple(Cell(s, e) for s, e in cells))
                    last_end = line_end
                    at = line_end + 1
                    continue
                if not aligned:
                    break
            row = [Cell(line_end, line_end)] * len(head)
            for (s, e), c in zip(cells, cols, strict=True):
                row[c] = Cell(s, e)
            rows.append(tuple(row))
            last_end = line_end
            at = line_end + 1
        if len(rows) >= 3:
            grids.append(Grid(0, tuple(rows), head[0][0], last_end))
        pos = last_end
    return grids


def _unit_subheadings(work: str, le: int, end: int) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The line after a spaced heading line (ending at ``le``) when it names unit columns only, two
    or more (牵头单位 / 配合单位 under 责任单位): its start, end and cells; None else."""
    if le >= end:
        return None
    ls = le + 1
    nl = work.find("\n", ls, end)
    line_end = end if nl < 0 else nl
    cells = _spaced_cells(work, ls, line_end)
    if len(cells) < 2 or any(column_role(work[a:b]) not in ("lead", "co") for a, b in cells):
        return None
    return ls, line_end, cells


def _fits_by_position(
    work: str, cells: list[tuple[int, int]], cols: list[int], roles: list[str | None]
) -> bool:
    """The cells placed by the column they stand under fit those columns, and one is the task's."""
    if "task" in roles and roles.index("task") not in cols:
        return False
    return all(fits(roles[c], work[s:e]) for (s, e), c in zip(cells, cols, strict=True))


# The deadline column's heading as the last cell of a heading row run on with single spaces or
# line breaks, a unit column's heading before it and the first row after it.
# matches: "责任单位 配合单位 完成时间 负责" ; must not match: "责任单位：县环保局，完成时间：6月"
_RUN_ON_DEADLINE_HEADING = re.compile(r"(?:单位|部门)\s(?:完成时间|完成时限|完成期限|时间节点)\s+\S")
# The deadline headings of _RUN_ON_DEADLINE_HEADING, each three characters after where a match
# starts (a unit heading of two and one space).
_DEADLINE_HEADINGS = ("完成时间", "完成时限", "完成期限", "时间节点")


def has_run_on_deadline_heading(work: str, start: int, end: int) -> bool:
    """Whether ``_RUN_ON_DEADLINE_HEADING.search(work, start, end)`` finds one: each deadline
    heading is found with str.find (the pattern's scan tries its class of first characters at
    every character of a paragraph) and the pattern matched from three characters before it."""
    for word in _DEADLINE_HEADINGS:
        at = work.find(word, start + 3, end)
        while at >= 0:
            if _RUN_ON_DEADLINE_HEADING.match(work, at - 3, end) is not None:
                return True
            at = work.find(word, at + 1, end)
    return False


# What a deadline cell of such a row opens with: a date, a month, a season, an ongoing word.
# matches: "7月底前制定", "2024年6月", "持续开展", "长期坚持", "年底前" ; must not match: "县公安局",
# "在主要交通路口划定"
_DEADLINE_OPENING = re.compile(
    r"(?:(?:19|20)\d\d年|\d{1,2}月|[一二三四1-4]季度|(?:上|下)半年|年底|年内|持续|长期|常态|立即|即时)"
)
# The end of a text cell's last sentence. matches: "曝光。", "行驶." ; must not match: "督查室"
_CELL_SENTENCE_END = re.compile(r"[。.；;！!]$")
# The administrative level a unit's name opens with (县公安局, 市环保局, 区住建局).
_LEVEL_CHARS = "省市县区旗镇乡"


def _run_on_row_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables whose cell and row breaks a copy lost (a division table copied out of a web page or
    a PDF into running text): the heading row as column names a space apart, one text column
    (工作任务和内容) and then unit columns and a deadline column last (责任单位 配合单位 完成时间), and
    each row run on after it as "duty text. 县公安局 持续开展". A row is read by what its cells
    are: the text cell is one run of text ending a sentence, the unit cells are names up to the
    deadline cell, which opens with a date or an ongoing word; a short run of words after the date
    that no sentence ends is the deadline cell wrapped ("7月底前制定 扬尘治理方案"). A unit name a
    space breaks ("县交通 运输局") is one name: a piece that does not open with the level the
    row's first name opens with (县…) goes on the name before it; a piece that does opens the next
    unit column's cell. The table ends at the first run that does not read as such a row.
    must not change: a notice naming 责任单位 and 完成时间 in sentences (no heading row of column
    names only), a row of cells run together with no space at all (not read: cells cannot be
    told apart safely)."""
    grids: list[Grid] = []
    done = start
    for hint in _RUN_ON_DEADLINE_HEADING.finditer(work, start, end):
        if hint.start() < done:
            continue
        d_at = re.compile(r"\S+").search(work, hint.start() + 2)
        if d_at is None:
            continue
        lo = max(start, d_at.start() - 80)
        before = [(m.start(), m.end()) for m in re.finditer(r"\S+", work[lo : d_at.start()])]
        head: list[tuple[int, int]] = [(d_at.start(), d_at.end())]
        for s, e in reversed(before):
            if len(head) >= 6 or column_role(work[lo + s : lo + e]) is None:
                break
            head.insert(0, (lo + s, lo + e))
        roles = [column_role(work[s:e]) for s, e in head]
        if (
            len(head) < 3
            or roles[0] not in ("task", "measure")
            or roles[-1] != "deadline"
            or any(r not in ("lead", "co") for r in roles[1:-1])
            or "lead" not in roles
        ):
            continue
        grid = _read_run_on_rows(work, head, d_at.end(), end)
        if grid is not None:
            grids.append(grid)
            done = grid.end
    return grids


def _read_run_on_rows(work: str, head: list[tuple[int, int]], at: int, end: int) -> Grid | None:
    """The rows run on after the heading row ``head`` (see _run_on_row_grids), or None."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", work[at : min(end, at + 20000)])]
    tokens = [(at + s, at + e) for s, e in tokens]
    n_units = len(head) - 2
    rows: list[tuple[Cell, ...]] = [tuple(Cell(s, e) for s, e in head)]
    table_end = head[-1][1]
    i = 0
    while i < len(tokens):
        ts, te = tokens[i]
        if not _CELL_SENTENCE_END.search(work[ts:te]) or _DEADLINE_OPENING.match(work, ts) is not None:
            break
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= 2 * n_units + 2
            and _DEADLINE_OPENING.match(work, tokens[j][0]) is None
        ):
            j += 1
        if j >= len(tokens) or j == i + 1 or tokens[j][1] - tokens[j][0] > 24:
            break
        unit_cells = _run_on_unit_cells(work, tokens[i + 1 : j])
        if unit_cells is None or len(unit_cells) > n_units:
            break
        ds, de = tokens[j]
        k = j + 1
        # the deadline cell wrapped: short words no sentence ends, the next row's text after them
        while (
            k + 1 < len(tokens)
            and k - j <= 2
            and tokens[k][1] - tokens[k][0] <= 12
            and _SENTENCE_MARKS.search(work, *tokens[k]) is None
            and not _CELL_SENTENCE_END.search(work[tokens[k][0] : tokens[k][1]])
            and _CELL_SENTENCE_END.search(work[tokens[k + 1][0] : tokens[k + 1][1]])
        ):
            de = tokens[k][1]
            k += 1
        cells = [Cell(ts, te)]
        cells.extend(Cell(s, e) for s, e in unit_cells)
        cells.extend(Cell(ds, ds) for _ in range(n_units - len(unit_cells)))
        cells.append(Cell(ds, de))
        rows.append(tuple(cells))
        table_end = de
        i = k
    if len(rows) < 3:
        return None
    return Grid(0, tuple(rows), head[0][0], table_end)


def _run_on_unit_cells(work: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The unit cells of a run-on row's words between its text and its deadline, or None when
    they are not unit names (see _run_on_row_grids)."""
    if not tokens:
        return None
    level = work[tokens[0][0]] if work[tokens[0][0]] in _LEVEL_CHARS else ""
    cells: list[tuple[int, int]] = []
    for s, e in tokens:
        if _SENTENCE_MARKS.search(work, s, e) is not None or _CELL_SENTENCE_END.search(work[s:e]):
            return None
        opens = work[s] == level if level else looks_like_unit(work[s:e])
        if cells and not opens:
            cells[-1] = (cells[-1][0], e)
        else:
            cells.append((s, e))
    if not all(_names_units(work, s, e) for s, e in cells):
        return None
    return cells


def _display_col(work: str, ls: int, at: int) -> int:
    """The display column of ``work[at]`` on the line that starts at ``ls``: a wide (CJK,
    full-width) character takes two columns, as a fixed-width print of a table aligns them."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in work[ls:at])


def _column_at(starts: list[int], col: int) -> int:
    """The heading column a cell starting at display column ``col`` falls under: the last heading
    that starts at or before it (two columns of slack: a cell may start just left of its heading)."""
    found = 0
    for c, hs in enumerate(starts):
        if hs <= col + 2:
            found = c
    return found


# The heading of a unit column, a line of its own, that opens the search for a table flattened a
# cell a paragraph with no sequence column.
_LONE_UNIT_HEADINGS = ("责任单位", "牵头单位", "责任部门", "牵头部门", "实施单位", "责任主体")


def _lone_heading_lines(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line that holds a unit column's heading and nothing else (spaces
    around it allowed; not behind a tab: a cell line)."""
    found: list[tuple[int, int]] = []
    for word in _LONE_UNIT_HEADINGS:
        at = work.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            # (most occurrences are inside a sentence: two characters tell)
            if (at == start or work[at - 1] in "\n \u3000") and (
                after >= end or work[after] in "\n \u3000\r"
            ):
                nl = work.rfind("\n", start, at)
                ls = nl + 1 if nl >= 0 else start  # (no break before it: the span's first line)
                le = work.find("\n", after, end)
                le = end if le < 0 else le
                if "\t" not in work[ls:le] and work[ls:le].strip() == word:
                    found.append((ls, le))
            at = work.find(word, after, end)
    return sorted(found)


def _has_lone_unit_heading(work: str, start: int, end: int) -> bool:
    return bool(_lone_heading_lines(work, start, end))


def _headed_paragraph_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables flattened a cell a paragraph (or a cell a line) whose heading row has no sequence
    column: 项目名称 / 建设内容 / 完成时限 / 责任单位, as the project lists of county 民生实事 and
    重点项目 notices give them when copied out of a web page. The heading row is a run of short
    paragraphs each naming a known column, text columns first (a task column among them) and then
    unit and deadline columns only; each row is read by what its paragraphs are: text paragraphs
    fill the text columns, unit paragraphs stack in a unit column, a short date goes to the
    deadline column, and a text paragraph after them opens the next row. The table ends at a row
    that gets no unit or date. (Tables with a sequence column are read by _paragraph_cell_grids.)"""
    grids: list[Grid] = []
    done = start
    for ls, le in _lone_heading_lines(work, start, end):
        if ls < done:
            continue
        lo = max(start, work.rfind("\n", start, max(start, ls - 300)) + 1)
        lines_mode = (
            ls >= 2 and work[ls - 2 : ls] != "\n\n" and work.rfind("\n", lo, ls - 1) >= 0
        ) or _cells_on_lines(work, le, end)  # (the first heading: more follow a line each)
        window = 4000
        while True:
            hi = min(end, le + window)
            paras = _line_paragraphs(work, lo, hi) if lines_mode else _paragraphs_of(work, lo, hi)
            at = next((i for i, (ps, _) in enumerate(paras) if ps >= ls), -1)
            if at < 0 or paras[at][0] > le:
                grid = None
                break
            grid = _read_headed_rows(work, paras, at)
            if grid is None or hi == end or grid.end < paras[-1][0]:
                break
            window *= 4  # the table may go on past the window
        if grid is not None:
            grids.append(grid)
            done = grid.end
    return grids


def _read_headed_rows(work: str, paras: list[tuple[int, int]], at: int) -> Grid | None:
    """The table whose heading row holds the unit heading ``paras[at]`` (see
    _headed_paragraph_grids), or None."""

    def role(i: int) -> str | None:
        s, e = paras[i]
        return column_role(work[s:e]) if _is_heading_cell(work, (s, e)) else None

    first = at
    while first > 0 and at - first < 6 and role(first - 1) is not None:
        first -= 1
    last = at
    while last + 1 < len(paras) and last - first < 7 and role(last + 1) is not None:
        last += 1
    roles = [role(i) for i in range(first, last + 1)]
    if len(roles) < 3 or "seq" in roles or None in roles:
        return None
    # A lead-unit column before the work's (牵头单位 / 目标任务 / 责任单位 / 完成时限), merged down
    # each block of rows: its name opens the block's first row only.
    lead0 = int(roles[0] == "lead" and roles[1] in ("task", "measure"))
    tail_at = next((c for c, r in enumerate(roles) if c >= lead0 and r in ("lead", "co", "deadline")), -1)
    if tail_at < 1 + lead0 or any(r not in ("lead", "co", "deadline") for r in roles[tail_at:]):
        return None
    if not any(r in ("task", "measure") for r in roles[lead0:tail_at]):
        return None
    n = len(roles)
    d_col = roles.index("deadline") if "deadline" in roles else -1
    rows: list[tuple[Cell, ...]] = [tuple(Cell(s, e) for s, e in paras[first : last + 1])]
    texts: list[tuple[int, int]] = []
    tail: dict[int, list[tuple[int, int]]] = {}
    last_col = -1
    table_end = paras[last][1]
    head: list[tuple[int, int]] = []  # the leading lead cell of the row, when it has one

    def emit() -> None:
        cells: list[Cell] = []
        lead_blank = tail_at - lead0 - len(texts)
        at0 = texts[0][0]
        if lead0:
            cells.append(Cell(head[0][0], head[-1][1]) if head else Cell(at0, at0, True))
        cells.extend(Cell(at0, at0, True) for _ in range(lead_blank))  # merged over the rows above
        cells.extend(Cell(s, e) for s, e in texts)
        for c in range(tail_at, n):
            got = tail.get(c)
            if got:
                cells.append(Cell(got[0][0], got[-1][1]))
            else:
                end_at = cells[-1].end
                cells.append(Cell(end_at, end_at))
        rows.append(tuple(cells))

    i = last + 1
    while i < len(paras):
        s, e = paras[i]
        is_unit = _names_units(work, s, e)
        is_date = (
            d_col >= 0
            and e - s <= 16
            and _DEADLINE_CELL.search(work, s, e) is not None
            and _SENTENCE_MARKS.search(work, s, e) is None
        )
        has_units = any(roles[c] in ("lead", "co") for c in tail)
        if (
            is_unit
            and texts
            and has_units
            and tail_at >= 2
            and work.find("、", s, e) < 0  # (a list of units is no title)
            and _opens_row(work, paras, i)
        ):
            # A name that ends like a unit's ("全民健身中心") before a sentence: the title column
            # of the next row, not one more unit.
            is_unit = False
        if (
            lead0
            and is_unit
            and (not texts or (last_col == n - 1 and work[tail[last_col][-1][1] - 1] not in "、，,"))
            and work[s] not in "（("
        ):
            # The leading lead cell of a row (after the last column of the row above).
            if texts:
                emit()
                table_end = max(p[1] for got in tail.values() for p in got)
                texts, tail, last_col = [], {}, -1
                head.clear()
            if head and work[head[-1][1] - 1] not in "、，,":
                break  # two names and no work between: no row of this table
            head.append((s, e))
            i += 1
            continue
        if is_unit and texts:
            if (
                last_col >= tail_at
                and roles[last_col] in ("lead", "co")
                and not _next_unit_column(work, roles, last_col, tail[last_col][-1], (s, e))
            ):
                tail[last_col].append((s, e))
            else:
                col = next(
                    (c for c in range(max(last_col + 1, tail_at), n) if roles[c] in ("lead", "co")), -1
                )
                if col < 0:
                    break
                tail[col] = [(s, e)]
                last_col = col
        elif is_date and texts and d_col not in tail:
            tail[d_col] = [(s, e)]
            last_col = d_col
        elif not is_unit and not is_date:
            if tail:
                emit()
                table_end = max(p[1] for got in tail.values() for p in got)
                texts, tail, last_col = [], {}, -1
                head.clear()
            if len(texts) >= tail_at - lead0:
                break  # more text than the row has text columns, and no unit after it
            texts.append((s, e))
        else:
            break
        i += 1
    if tail and texts:
        emit()
        table_end = max(p[1] for got in tail.values() for p in got)
    if len(rows) < 3:
        return None
    return Grid(0, tuple(rows), paras[first][0], table_end)


def _next_unit_column(
    work: str, roles: list[str | None], col: int, above: tuple[int, int], para: tuple[int, int]
) -> bool:
    """A unit paragraph after a unit cell fills the next column when that one is a unit column
    too (牵头单位 / 配合单位: the co-units after the lead), unless it continues the cell above
    (a list wrapped after 、, an alias in brackets)."""
    if col + 1 >= len(roles) or roles[col + 1] not in ("lead", "co"):
        return False
    return work[above[1] - 1 : above[1]] not in "、，," and work[para[0] : para[0] + 1] not in "（("


def _opens_row(work: str, paras: list[tuple[int, int]], i: int) -> bool:
    """The paragraph after ``paras[i]`` is a sentence (a cell of work), not a unit or a date."""
    if i + 1 >= len(paras):
        return False
    s, e = paras[i + 1]
    if _NOTE_OPENING.match(work, s, e):
        return False  # the table's note under its last row ("注：…"), no row
    return not _names_units(work, s, e) and _SENTENCE_MARKS.search(work, s, e) is not None


# A note under a table. matches: "注：牵头单位负责…", "备注:", "说明：" ; must not match: "注重…"
_NOTE_OPENING = re.compile(r"(?:注|备注|说明)\d?[:：]")


def _overlap(a: Grid, b: Grid) -> bool:
    return a.start < b.end and b.start < a.end


# A row of a markdown table: a line that opens with a pipe.
# matches: "| 1 | 推进审批改革 | 区政数局 |" ; must not match: "推进 | 改革" (no pipe at the start)
_PIPE_ROW = re.compile(r"[^\S\n]*\|[^\n]*")
# A row of a web table that a crawl wrote a line a row, each cell closed by a pipe and none opened
# by one (乐清市's 民生实事 completion tables as crawled): three cells or more.
# matches: "1 | 新增托位1140个 | 市卫健局 | 张三 |" ; must not match: "序号 |" (a cell a line: read as
# a table a cell a paragraph), "推进 | 改革" (no closing pipe)
_OPEN_PIPE_ROW = re.compile(r"[^\S\n]*[^|\s][^|\n]*\|(?:[^|\n]*\|){2,}[^\S\n]*")
# The rule under a markdown table's heading row. matches: "|---|:--:|" ; must not match: "| 1 | 区 |"
_PIPE_RULE = re.compile(r"[\s|:\-]*")
# A row of a table written a line a row with pipes between its cells only, none before the first
# or after the last ("序号 | 工作任务 | 牵头单位 | 完成时限": text copies of web and Word tables, and
# crawls that join a row's cells with " | "): three cells or more.
# matches: "1 | 完成管网更新 | 区住建局 | 2031年11月" ; must not match: "推进 | 改革" (two cells),
# "| 1 | 区 |" (a markdown row), "1 | 新增托位 | 市卫健局 |" (a closing pipe: _OPEN_PIPE_ROW)
_BARE_PIPE_ROW = re.compile(r"[^\S\n]*[^|\s][^|\n]*(?:\|[^|\n]*){2,}(?<=[^|\s])[^\S\n]*")


def _pipe_grids(work: str, start: int, end: int) -> list[Grid]:
    """Markdown tables: rows of cells between pipes, the rule under the heading row left out."""
    grids: list[Grid] = []
    rows: list[tuple[Cell, ...]] = []
    table_start = last_end = -1
    for ls, line in _line_texts(work, start, end):
        m = _PIPE_ROW.fullmatch(line) or _OPEN_PIPE_ROW.fullmatch(line)
        if m is None or line.count("|") < 2:
            if len(rows) >= 2:
                grids.append(Grid(0, tuple(rows), table_start, last_end))
            rows = []
            continue
        if not rows:
            table_start = ls
        last_end = ls + len(line)
        if _PIPE_RULE.fullmatch(line):
            continue
        lead_ws = len(line) - len(line.lstrip())
        first = ls + line.index("|") + 1 if line.lstrip()[:1] == "|" else ls + lead_ws
        stop = ls + line.rstrip().rindex("|")
        if stop < first:
            continue
        cells = []
        pos = first
        for part in work[first:stop].split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(pos + lead, pos + len(part.rstrip()) if part.strip() else pos + lead))
            pos += len(part) + 1
        rows.append(tuple(cells))
    if len(rows) >= 2:
        grids.append(Grid(0, tuple(rows), table_start, last_end))
    return grids


def _bare_pipe_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables written a line a row with pipes between cells only (``_BARE_PIPE_ROW``): a run of
    two lines or more with the same number of cells whose first line is a heading row (a cell
    names a sequence, task or unit column), so that a line of prose with pipes in it opens none."""
    grids: list[Grid] = []
    run: list[tuple[int, str]] = []

    def close() -> None:
        heads = [c.strip() for c in run[0][1].split("|")] if run else []
        if len(run) >= 2 and (
            any(column_role(c) in ("seq", "task", "lead") for c in heads)
            or indicator_column(heads, [column_role(c) for c in heads]) is not None
        ):
            rows: list[tuple[Cell, ...]] = []
            for ls, line in run:
                cells = []
                pos = ls
                for part in line.split("|"):
                    lead = len(part) - len(part.lstrip())
                    cells.append(Cell(pos + lead, pos + len(part.rstrip()) if part.strip() else pos + lead))
                    pos += len(part) + 1
                rows.append(tuple(cells))
            grids.append(Grid(0, tuple(rows), run[0][0], run[-1][0] + len(run[-1][1])))
        run.clear()

    for ls, line in _line_texts(work, start, end):
        is_row = _BARE_PIPE_ROW.fullmatch(line) is not None
        if not is_row or (run and line.count("|") != run[0][1].count("|")):
            close()
            if not is_row:
                continue
        run.append((ls, line))
    close()
    return grids


def _lines(work: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(s, s + len(line)) for s, line in _line_texts(work, start, end)]


# Cell(s, e) without the Python-level __new__ of a named tuple (tables have many cells).
_cell = tuple.__new__


def _line_texts(work: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of each line of ``work[start:end]`` (a final line break opens no line)."""
    out = []
    pos = start
    for line in work[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    if pos - 1 == end and (not out[-1][1]):
        out.pop()  # the text ends with a line break, or is empty
    return out


# A sub-goal of a table of assessed goals, closed by its weight: "推展会展活动(6%)".
_WEIGHTED_GOAL = re.compile(r"\S.*?\(\d{1,2}(?:\.\d+)?%\)", re.S)
# The cell of how an indicator is assessed (评估体制): a figure of one digit.
_ASSESSMENT_GRADE = re.compile(r"\d")
# A target value's cell: a figure first ("100%", "6场", "1,200万人次").
_TARGET_VALUE = re.compile(r"[<>≥≤]?\d[\d,.]*\S{0,6}")
# A heading line of pipes that names a cell of a line a heading of a group of columns (策略绩效目标)
# or a run of pipes alone: the rows of a table's doubled heading above its full heading row.
_GROUP_HEADING_LINE = re.compile(r"[^\S\n]*(?:[^|\d\n]{2,10}[^\S\n]*)?\|+[^\S\n]*")


def _assessed_goal_grids(work: str, start: int, end: int) -> list[Grid]:
    """A table of performance goals a crawl wrote a cell a line ("cell |"), its full heading row
    one line of pipes (衡量指标 | 评估体制 | 评估方式 | 衡量标准 | 103年 年度目标值 |), under a row of
    group headings (策略绩效目标 / 衡量指标 / "|||||||"): each goal (its numeral, its text with its
    weight) holds sub-goals, each a numeral, its text with its weight ("推展会展活动(6%)"), then the
    grade of its assessment (评估体制, one digit), the way (评估方式), the measure (衡量标准) and the
    target. Each sub-goal is read as a row under the five headings; the goals' cells, weights only,
    are no row. Taiwan's 施政计划 and their bureaus' targets print them so."""
    grids: list[Grid] = []
    lines = _line_texts(work, start, end)
    for n, (ls, line) in enumerate(lines):
        if "评估方式" not in line:
            continue
        if line.strip() == "评估方式":
            # The heading row itself a cell a line, each closed by a line of pipes.
            spread = _spread_assessed_table(work, lines, n)
            if spread is not None:
                grids.extend(spread)
            continue
        if line.count("|") < 4 or "评估体制" not in line:
            continue
        heads: list[tuple[int, int]] = []
        pos = ls
        for part in line.split("|"):
            t = part.strip()
            if t:
                a = pos + part.index(t)
                heads.append((a, a + len(t)))
            pos += len(part) + 1
        names = ["".join(work[a:b].split()) for a, b in heads]
        if (
            len(names) != 5
            or not INDICATOR_COLUMN.fullmatch(names[0])
            or names[1:4] != ["评估体制", "评估方式", "衡量标准"]
            or not names[4].endswith("目标值")
        ):
            continue
        cells: list[tuple[int, int]] = []
        last = ls + len(line)
        for cs, cl in lines[n + 1 :]:
            m = _PIPE_CLOSED_CELL.fullmatch(cl)
            if m is None or "|" in m.group("cell") or cl.count("|") > 2:
                break
            if m.end("cell") > m.start("cell"):
                cells.append((cs + m.start("cell"), cs + m.end("cell")))
            last = cs + len(cl)
        rows = _assessed_rows(work, heads, cells)
        if len(rows) < 2:
            continue
        first = ls
        k = n
        while k > 0 and n - k < 6 and _GROUP_HEADING_LINE.fullmatch(lines[k - 1][1]):
            k -= 1
            first = lines[k][0]
        grids.append(Grid(0, tuple(rows), first, last))
    return grids


def _assessed_rows(
    work: str, heads: list[tuple[int, int]], cells: list[tuple[int, int]]
) -> list[tuple[Cell, ...]]:
    """The heading row and the rows of sub-goals of a table of assessed goals, from its cells in
    order: a sub-goal with its weight, then its grade, way, measure and target."""
    rows: list[tuple[Cell, ...]] = [tuple(Cell(a, b) for a, b in heads)]
    i = 1
    while i + 3 < len(cells):
        goal = cells[i - 1]
        if (
            _WEIGHTED_GOAL.fullmatch(work, *goal)
            and _ASSESSMENT_GRADE.fullmatch(work, *cells[i])
            and not _TARGET_VALUE.fullmatch(work, *cells[i + 1])
            and _TARGET_VALUE.fullmatch(work, *cells[i + 3])
        ):
            measure = cells[i + 2]
            if _MILESTONE_LINE.search(work, *measure):
                # A measure that lists the work's milestones (1.完成规划设计20%) names nothing
                # the target counts: the sub-goal, without its weight, names it.
                measure = (goal[0], work.rindex("(", *goal))
            rows.append(tuple(Cell(a, b) for a, b in (goal, cells[i], cells[i + 1], measure, cells[i + 3])))
            i += 5
        else:
            i += 1
    return rows


# A numbered line of a cell of milestones: "\n2.完成工程发包40%".
_MILESTONE_LINE = re.compile(r"\n[^\S\n]*\d{1,2}[.．、]")
# A line of a heading cell written alone (策略绩效目标, 103年) or of pipes alone.
_SPREAD_HEADING_LINE = re.compile(r"[^\S\n]*(?:[^|\n]{1,12}?|\|+)[^\S\n]*")
# How many lines a cell of a table written a cell a line may take (a cell of milestones).
_SPREAD_CELL_LINES = 8


def _spread_assessed_table(work: str, lines: list[tuple[int, str]], n: int) -> list[Grid] | None:
    """A table of assessed goals whose heading row too stands a cell a line, each cell closed by a
    line of pipes (衡量指标 / | / 评估体制 / | / 评估方式 / | / 衡量标准 / | / 103年 / 年度目标值 / |),
    under its group headings (策略绩效目标 / | / 衡量指标 / | / |||||||), and whose rows close each
    cell so (一 / | / 推展会展活动(6%) / | / 1 / | / 统计数据 / | / … / 6场 / | / |||); ``n`` is the
    line of 评估方式. The cells are what stands between pipes (a cell may take lines)."""
    # The heading's first line: back over the cell lines each a pipe closes, and the pipe lines.
    k = n
    while (
        k > 0
        and n - k < 16
        and _SPREAD_HEADING_LINE.fullmatch(lines[k - 1][1])
        and ("|" in lines[k - 1][1] or lines[k][1].lstrip()[:1] == "|")
    ):
        k -= 1
    first = lines[k][0]
    # The cells from there: the texts between pipes, until a blank line or a run of lines no pipe
    # closes.
    cells: list[tuple[int, int]] = []
    cell_start = -1
    cell_end = -1
    taken = 0
    last = first
    for ls, line in lines[k:]:
        if not line.strip() or taken >= _SPREAD_CELL_LINES:
            break
        pos = ls
        for j, part in enumerate(line.split("|")):
            t = part.strip()
            if t:
                a = pos + part.index(t)
                if cell_start < 0:
                    cell_start = a
                cell_end = a + len(t)
            if j < line.count("|"):
                # a pipe closes the cell
                if cell_start >= 0:
                    cells.append((cell_start, cell_end))
                cell_start = -1
                taken = 0
                last = pos + len(part) + 1
            pos += len(part) + 1
        if cell_start >= 0:
            taken += 1
    names = ["".join(work[a:b].split()) for a, b in cells]
    if "评估方式" not in names:
        return None
    h = names.index("评估方式")
    if (
        h < 2
        or h + 3 > len(names)
        or not INDICATOR_COLUMN.fullmatch(names[h - 2])
        or names[h - 1] != "评估体制"
        or names[h + 1] != "衡量标准"
        or not names[h + 2].endswith("目标值")
    ):
        return None
    rows = _assessed_rows(work, cells[h - 2 : h + 3], cells[h + 3 :])
    if len(rows) < 2:
        return None
    return [Grid(0, tuple(rows), first, last)]


def _cell_per_line_grids(work: str, start: int, end: int, first_index: int) -> list[Grid]:
    """Cells one per line behind a tab; a blank line ends a row; an untabbed line continues the
    cell above it (a cell broken across lines)."""
    grids: list[Grid] = []
    # Lines outside a table change nothing: the search jumps to the next line that opens with a
    # tab, and the lines from there are read until the table ends.
    pos = start
    while pos < end:
        if work[pos] != "\t":
            pos = work.find("\n\t", pos, end) + 1
            if pos == 0:
                break
        pos = _read_cell_lines(work, pos, end, first_index, grids)
    return grids


# Where a flattened table ends: a line of text (not blank, not behind a tab) after a blank line.
# matches: "\n\n正文" (at the blank line) ; must not match: "\n\n\t1" (the next row), "\n续" (a
# cell broken across lines: no blank line before it)
_TABLE_END = re.compile(r"\n[^\S\n]*\n(?!\t)(?=[^\S\n]*\S)")


def _read_cell_lines(work: str, start: int, end: int, first_index: int, grids: list[Grid]) -> int:
    """Read the table whose first cell line starts at ``start`` (adding it to ``grids`` when it
    has rows enough); return where the line after it starts (``end`` when the text ends first)."""
    found = _TABLE_END.search(work, start, end)
    stop = found.end() if found is not None else end
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []
    last_end = start
    ls = start
    for line in work[start:stop].split("\n"):
        n = len(line)
        if line[:1] == "\t":
            last_end = ls + n
            row.append(_cell(Cell, (ls + 1, last_end, False)))
        elif not line.strip():
            if row:
                rows.append(tuple(row))
                row = []
        else:
            # A cell broken across lines continues here (a line of text after a blank line
            # ends the table: the stop). (Its cell is made again: most cells are one line.)
            last_end = ls + n
            row[-1] = _cell(Cell, (row[-1][0], last_end, False))
        ls += n + 1
    if row:
        rows.append(tuple(row))
    if len(rows) >= 2 and sum(len(r) > 1 for r in rows) >= 2:
        grids.append(Grid(first_index + len(grids), tuple(rows), start, last_end))
    return stop


def _row_per_line_grids(work: str, start: int, end: int, first_index: int) -> list[Grid]:
    """A row a line, cells separated by tabs (two or more cells with text)."""
    grids: list[Grid] = []
    rows: list[tuple[Cell, ...]] = []
    table_start = -1
    last_end = start
    for ls, le in _lines(work, start, end):
        line = work[ls:le]
        parts = line.split("\t") if "\t" in line else None  # (no tab: one cell, no row)
        if parts is not None and len([p for p in parts if p.strip()]) >= 2:
            if table_start < 0:
                table_start = ls
            cells = []
            pos = ls
            for p in parts:
                cells.append(Cell(pos, pos + len(p)))
                pos += len(p) + 1
            rows.append(tuple(cells))
            last_end = le
        elif rows and _section_between_rows(work, ls, le, end):
            # A section's title between two rows (一、…), written as a line of its own with no
            # tab, as a copy of a table gives a row that spans it: a row of one cell.
            s = ls + len(line) - len(line.lstrip())
            rows.append((Cell(s, ls + len(line.rstrip())),))
        elif line.strip() or rows:
            if len(rows) >= 2:
                grids.append(Grid(first_index + len(grids), tuple(rows), table_start, last_end))
            rows, table_start = [], -1
    if len(rows) >= 2:
        grids.append(Grid(first_index + len(grids), tuple(rows), table_start, last_end))
    return grids


def _section_between_rows(work: str, ls: int, le: int, end: int) -> bool:
    """The line ``work[ls:le]`` is a section's title (一、…, (二)…: short, numbered) and the next
    line is a row of tab-separated cells."""
    line = work[ls:le].strip()
    if not line or len(line) > 30 or _SECTION_CELL.match(line) is None:
        return False
    nl = work.find("\n", le + 1, end)
    following = work[le + 1 : end if nl < 0 else nl]
    return following.count("\t") >= 1 and len([p for p in following.split("\t") if p.strip()]) >= 2


# A table flattened a cell a paragraph (blank lines between cells), as text copied out of a web
# page or a PDF gives it: a heading row of short paragraphs holding 序号, then rows, each opened
# (or, behind a category column, split) by its number in sequence.
#   序号 / 任务内容 / 责任单位 / 1 / 强化…工作。 / 区绿化市容局 / 2 / …
# A paragraph of the sequence column. matches: "12" ; must not match: "12.推进", "2024"
_SEQ_CELL = re.compile(r"\d{1,3}")
# The heading of a table's sequence column (the column that numbers its rows), alone on its line.
# matches: "序号", "编号", "项目序号", "任务编号" ; must not match: "序号1", "文件编号：沪府发"
_SEQ_HEADING = re.compile(r"(?:项目|任务|工作|事项)?(?:序号|编号)")
# A heading cell: short, no sentence in it; a progress column's may open with the months it
# reports ("1-10月推进情况", "1-9月份工作完成情况", as the progress table of 招远市's
# 民生实事 head theirs). matches: "重点内容", "完成时限", "1-10月推进情况" ; must not match:
# "行动一：再造发展新极行动", "1", "2024年完成"
_HEADING_CELL = re.compile(r"(?:\d{1,2}[-—–~至]\d{1,2}月份?)?[^\d\s,，。;；:：、()（）][^,，。;；:：、]{1,9}")
# The year a heading opens with. matches: "2022年", "2022年度" ; must not match: "2022" alone
_YEAR_HEADING = re.compile(r"(?:19|20)\d{2}年度?")
# A heading spaced out a character at a time. matches: "主 要 工 作 任 务", "责任 单位" ; must not
# match: "推进城市更新 完成改造" (words, not characters, apart)
_LETTER_SPACED = re.compile(r"[^\s\d]{1,2}(?: {1,3}[^\s\d]{1,2}){1,9}")
# A row that spans the table (a section of it), not a cell of a column.
# matches: "行动一：再造发展新极行动", "一、优化政务服务", "（二）强化要素保障" ; must not match: "旧区改造"
_SECTION_CELL = re.compile(
    r"(?:行动|任务|专项)?[一二三四五六七八九十]+[、.：:]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+"
)


def _paragraphs_of(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of ``work[start:end]``: runs of non-blank lines, without the white space
    around them."""
    out: list[tuple[int, int]] = []
    para_s = para_e = -1
    for ls, line in _line_texts(work, start, end):
        if line.strip():
            s = ls + len(line) - len(line.lstrip())
            e = ls + len(line.rstrip())
            if para_s < 0:
                para_s = s
            para_e = e
        elif para_s >= 0:
            out.append((para_s, para_e))
            para_s = -1
    if para_s >= 0:
        out.append((para_s, para_e))
    return out


def _cells_on_lines(work: str, le: int, end: int) -> bool:
    """The sequence heading ending at ``le`` is followed, with no blank line between, by two more
    column headings a line each ("序号\n项目名称\n责任单位"): a web table a crawl flattened a cell a
    line, with no blank line between cells (湖州市's and 桐乡市's pages keep one paragraph a line).
    Some may be headings of no known role (序号 / 考核指标 / 考核内容 / 年度目标 / 责任领导: an
    assessment table names its columns in its own words): among the first headings, as many known
    as unknown, two known at least."""
    pos = le + 1
    known = unknown = 0
    for _ in range(5):
        nl = work.find("\n", pos, end)
        nl = end if nl < 0 else nl
        s, e = pos, nl
        while s < e and work[s] in " \t\u3000":
            s += 1
        while e > s and work[e - 1] in " \t\u3000\r":
            e -= 1
        if s == e or not _is_heading_cell(work, (s, e)):
            return False
        if column_role(work[s:e]) is None:
            unknown += 1
        else:
            known += 1
        if known >= 2 and known >= unknown:
            return True
        pos = nl + 1
    return False


def _line_paragraphs(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every non-blank line of ``work[start:end]`` as a paragraph, without its white space."""
    out: list[tuple[int, int]] = []
    for ls, line in _line_texts(work, start, end):
        if line.strip():
            out.append((ls + len(line) - len(line.lstrip()), ls + len(line.rstrip())))
    return out


def _paragraph_cell_grids(work: str, start: int, end: int) -> list[Grid]:
    grids: list[Grid] = []
    pos = start
    # The next place of each word (each searched for again only once passed: one scan each; a
    # cell behind a tab, "\t序号", is never looked at).
    nexts = {w: work.find(w, start, end) for w in ("序号", "编号", "序\n号")}
    while pos < end:
        # A line that holds a sequence heading (序号, 项目序号) and nothing else opens such a
        # table's heading row.
        for w, h in nexts.items():
            if 0 <= h < pos:
                nexts[w] = work.find(w, pos, end)
        hits = [h for h in nexts.values() if h >= 0]
        if not hits:
            break
        hit = min(hits)
        ls = work.rfind("\n", start, hit) + 1
        le = work.find("\n", hit + 2, end)  # (after 号 of "序\n号" too)
        le = end if le < 0 else le
        pos = max(le, hit + 2)
        line = work[ls:le]
        if "\t" in line or not _SEQ_HEADING.fullmatch(line.strip().replace("\n", "")):
            continue  # a cell behind a tab is read as a table a cell a line
        # Read the paragraphs around it, more of them while the table goes on.
        before = work.rfind("\n", start, max(start, ls - 200)) + 1
        window = 20000
        while True:
            stop = min(end, le + window)
            lines = _cells_on_lines(work, le, stop)
            paras = _line_paragraphs(work, before, stop) if lines else _paragraphs_of(work, before, stop)
            at = next((i for i, (ps, _) in enumerate(paras) if ps >= ls), -1)
            if at < 0 or paras[at][0] > le:
                # The heading line sits inside a paragraph of running lines (no blank line
                # around it, no column heading after it): no table opens there.
                grid = None
                break
            if lines and paras[at][1] < le:
                # 序 / 号 on two lines (a narrow column's heading as the text of a PDF wraps it).
                paras[at : at + 2] = [(paras[at][0], paras[at + 1][1])]
            grid, nxt = _read_paragraph_table(work, paras, at, wrapped=lines)
            if grid is None or stop == end or nxt < len(paras):
                break
            window *= 4
        if grid is not None:
            grids.append(grid)
            pos = max(pos, grid.end)
    return grids


# A line of a table whose cells a web crawl wrote one a line, each closed by a pipe.
# matches: "序号 |", "招商工作部、安商工作部 |", "|" and "||" (an empty cell) ; must not match: "| 1 | 区 |"
# (a markdown row)
_PIPE_CLOSED_CELL = re.compile(r"[^\S\n]*(?P<cell>[^|\n]*?)[^\S\n]*\|(?:(?<=^\|)\|)?[^\S\n]*")


def _piped_tables_from(work: str, paras: list[tuple[int, int]], heads: list[int]) -> list[Grid]:
    """The tables of the cells a crawl wrote with pipes (``paras``, one a cell), one read from each
    heading row at ``heads`` (the index of its 序号 cell) that no table read before covers."""
    grids: list[Grid] = []
    at_end = -1
    for at in heads:
        if paras[at][0] < at_end:
            continue
        grid, _ = _read_paragraph_table(work, paras, at, pipes=True)
        if grid is not None:
            grids.append(grid)
            at_end = grid.end
    return grids


def _pipe_cell_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables that the text of a web page gives a cell a line, each cell closed by " |" (the
    way a crawler flattens an HTML table: "序号 |" / "重点工作 |" / … / "1 |" / "坚持…。 |"): read as
    a table a cell a paragraph, each such line one paragraph without its pipe. A layout of the
    crawl, not of an issuer: the tune document huoshan_development_zone_duties_2025 (霍山县) has
    it, and so do crawled pages of other issuers (常州市 常政发〔2023〕1号)."""
    paras: list[tuple[int, int]] = []
    heads: list[int] = []
    for ls, line in _line_texts(work, start, end):
        m = _PIPE_CLOSED_CELL.fullmatch(line)
        if m is None:
            if line.strip():
                paras.append((ls + len(line) - len(line.lstrip()), ls + len(line.rstrip())))
            continue
        s, e = ls + m.start("cell"), ls + m.end("cell")
        if e > s:
            if work[s:e] in ("序号", "编号"):
                heads.append(len(paras))
            paras.append((s, e))
        elif heads:
            # An empty cell ("|" or "||" alone on its line, as the crawls of 海盐县's and 临安区's
            # pages write blank cells) keeps its place in the row.
            paras.append((s, s))
    return _piped_tables_from(work, paras, heads)


# A line of a table a crawl wrote a cell a line with a pipe between cells: the pipe alone
# ("序号" / "|" / "重点任务" / "|" / …), or opening each cell ("| 序号" / "| 重点任务" / …).
# matches: "|", " | " ; the second matches: "| 序号", "|市财政局" ; must not match: "| 1 | 区 |" (a
# markdown row), "序号 |" (a cell closed by its pipe: _pipe_cell_grids)
_PIPE_ALONE = re.compile(r"[^\S\n]*\|[^\S\n]*")
_PIPE_OPENED = re.compile(r"[^\S\n]*\|[^\S\n]*(?P<cell>[^|\s][^|\n]*?)[^\S\n]*")


def _pipe_line_grids(work: str, start: int, end: int) -> list[Grid]:
    """Tables that the text of a web page gives a cell a line with a pipe between its cells (a
    line of its own, or opening each cell's line): the lines between two pipes are one cell (a
    cell's text wrapped, a name printed down a narrow cell), two pipes with nothing between them
    a blank cell; a number alone on its line opens a row (rows need no pipe between them)."""
    lines = _line_texts(work, start, end)
    opened = sum(1 for _, x in lines if _PIPE_OPENED.fullmatch(x))
    alone = sum(1 for _, x in lines if _PIPE_ALONE.fullmatch(x))
    if opened + alone < 6:
        return []
    paras: list[tuple[int, int]] = []
    heads: list[int] = []
    piped = blank = False  # a pipe (a blank line) since the last cell line
    for ls, line in lines:
        if not line.strip():
            blank = True
            continue
        s = ls + len(line) - len(line.lstrip())
        e = ls + len(line.rstrip())
        if _PIPE_ALONE.fullmatch(line):
            if opened > alone:
                paras.append((e, e))  # a cell opened and left blank
            elif piped and paras:
                paras.append((s, s))  # nothing between two pipes: a blank cell
            piped, blank = True, False
            continue
        m = _PIPE_OPENED.fullmatch(line)
        if opened > alone:
            # each cell opened by its pipe: a line with none goes on with the cell above
            if m is not None:
                s, e = ls + m.start("cell"), ls + m.end("cell")
            new = m is not None or blank or not paras
        else:
            new = (
                piped
                or blank
                or not paras
                or _SEQ_CELL.fullmatch(work, s, e) is not None
                or _SEQ_CELL.fullmatch(work, *paras[-1]) is not None
                or work[s:e] in ("序号", "编号")
            )
        if new or paras[-1][0] == paras[-1][1]:
            if work[s:e] in ("序号", "编号"):
                heads.append(len(paras))
            paras.append((s, e))
        else:
            paras[-1] = (paras[-1][0], e)  # the cell's text goes on on this line
        piped = blank = False
    return _piped_tables_from(work, paras, heads)


def _pipe_segments(work: str, start: int, end: int) -> tuple[list[list[list[tuple[int, int]]]], bool]:
    """The cells of the tables a crawl wrote a cell a line with pipes, as the lines of each (none for
    a blank cell), a list of them for each run of such lines; and whether each is one cell: a pipe
    closing each cell ("重点任务 |") or opening it ("| 重点任务") bounds every cell; a pipe alone on
    its line between cells ("重点任务" / "|" / "牵头单位") bounds none between rows, so the lines
    between two pipes across a row's end hold the row's last cell and the next row's first
    (``exact`` False). A line with no pipe after a blank line ends a run of cells."""
    lines = _line_texts(work, start, end)
    closed = opened = alone = 0
    for _, x in lines:
        if "|" not in x:
            continue
        if _PIPE_ALONE.fullmatch(x):
            alone += 1
        elif _PIPE_OPENED.fullmatch(x):
            opened += 1
        elif _PIPE_CLOSED_CELL.fullmatch(x):
            closed += 1
    kind = max((closed, "closed"), (opened, "opened"), (alone, "alone"))[1]
    runs: list[list[list[tuple[int, int]]]] = []
    segs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    blank = False
    for ls, line in lines:
        x = line.strip()
        if not x:
            blank = True
            continue
        s = ls + len(line) - len(line.lstrip())
        e = ls + len(line.rstrip())
        if kind == "closed":
            m = _PIPE_CLOSED_CELL.fullmatch(line)
            cell = m is not None and "|" not in work[ls + m.start("cell") : ls + m.end("cell")]
        elif kind == "opened":
            m = _PIPE_OPENED.fullmatch(line)
            cell = m is not None or _PIPE_ALONE.fullmatch(line) is not None
        else:
            m = None
            cell = _PIPE_ALONE.fullmatch(line) is not None
        if not cell and (blank or "|" in line):
            # A paragraph of no cells (or a row of a markdown table) after a blank line: the run
            # of cells before it ends; the lines that follow open the next (a title first).
            if segs:
                runs.append([*segs, cur])
            segs, cur = [], []
            if "|" in line:
                blank = False
                continue
        if blank and cur and not segs:
            cur = []  # (lines before the table: its title)
        blank = False
        if not cell:
            cur.append((s, e))
        elif kind == "closed":
            assert m is not None
            if m.end("cell") > m.start("cell"):
                cur.append((ls + m.start("cell"), ls + m.end("cell")))
            segs.append(cur)
            cur = []
        elif m is not None:  # (opened)
            segs.append(cur)
            cur = [(ls + m.start("cell"), ls + m.end("cell"))]
        else:
            segs.append(cur)
            cur = []
    if segs:
        runs.append([*segs, cur])
    return runs, kind != "alone"


def _span_of(lines: list[tuple[int, int]]) -> tuple[int, int]:
    return (lines[0][0], lines[-1][1]) if lines else (-1, -1)


# The most columns a heading row of a table a cell a line is read with.
_MAX_HEADINGS = 12


def _unnumbered_pipe_grids(work: str, start: int, end: int) -> list[Grid]:
    """A table a crawl wrote a cell a line with pipes (``_pipe_segments``) whose heading row names
    no sequence column (牵头单位 / 重点工作任务 / 配合单位 / 完成时限, an assessment table's 考核指标 /
    目标值 / 责任单位): its rows are counted out by the heading row's number of columns, and where
    no pipe parts two rows the lines between a row's last cell and the next row's first are parted
    where each fits its column (a deadline, a unit printed down a narrow cell)."""
    runs, exact = _pipe_segments(work, start, end)
    grids: list[Grid] = []
    for segs in runs:
        grids.extend(_unnumbered_pipe_run(work, segs, exact))
    return grids


def _unnumbered_pipe_run(work: str, segs: list[list[tuple[int, int]]], exact: bool) -> list[Grid]:
    """The tables of one run of cells of ``_unnumbered_pipe_grids``."""
    grids: list[Grid] = []
    if exact and segs and len(segs[0]) > 1 and _is_column_heading(work, segs[0][-1]):
        # The lines of the table's title run on into its first heading cell, no blank line
        # between ("一、年度关键绩效指标" / "关键策略目标 |"): the cell is its own line.
        segs = [[segs[0][-1]], *segs[1:]]
    i = 0
    while i < len(segs):
        seg = segs[i]
        if len(seg) != 1 or not _is_column_heading(work, seg[0]):
            i += 1
            continue
        j = i
        header: list[tuple[int, int]] = []
        while j < len(segs) and j - i < _MAX_HEADINGS and segs[j] and _is_column_heading(work, segs[j][0]):
            if not _known_heading(work[segs[j][0][0] : segs[j][0][1]]) and not any(
                segs[x]
                and _is_heading_cell(work, segs[x][0])
                and _known_heading(work[segs[x][0][0] : segs[x][0][1]])
                for x in range(j + 1, min(j + 3, len(segs)))
            ):
                break  # (a heading of no known role is one among others: 考核指标 / 目标值)
            header.append(segs[j][0])
            if len(segs[j]) > 1:
                break
            j += 1
        roles = heading_roles([work[a:b] for a, b in header])
        indicators = indicator_column([work[a:b] for a, b in header], roles) is not None
        if (
            len(header) < 3
            or "seq" in roles
            or not {"task", "measure", "figure"} & set(roles)
            or not ({"lead", "deadline"} & set(roles) or indicators)
            or sum(not _known_heading(work[a:b]) for a, b in header) * 3 > len(roles)
        ):
            i += 1
            continue
        n = len(header)
        rows: list[tuple[Cell, ...]] = [tuple(Cell(a, b) for a, b in header)]
        if exact:
            body = segs[i + n :]
            k = 0
            while k + n <= len(body):
                row = body[k : k + n]
                if not any(row):
                    break
                spot = next(c[0][0] for c in row if c)  # (where a blank cell is placed)
                rows.append(tuple(Cell(*_span_of(c)) if c else Cell(spot, spot) for c in row))
                k += n
            nxt = i + n + k
        else:
            carry = segs[i + n - 1][1:]
            k = i + n
            while k + n - 2 < len(segs):
                row = [carry, *segs[k : k + n - 2]]
                last = segs[k + n - 2]
                final = k + n - 1 >= len(segs)
                cut = _part_row_end(work, last, roles[-1], roles[0], final)
                row.append(last[:cut])
                carry = last[cut:]
                if not any(row):
                    break
                spot = next((c[0][0] for c in row if c), 0)
                rows.append(tuple(Cell(*_span_of(c)) if c else Cell(spot, spot) for c in row))
                k += n - 1
                if final:
                    break
            nxt = k
        body_rows = rows[1:]
        if len(body_rows) >= 2 and sum(1 for r in body_rows if any(c.end > c.start for c in r)) >= 2:
            grids.append(Grid(0, tuple(rows), header[0][0], max(c.end for c in rows[-1])))
            i = max(nxt, i + 1)
        else:
            i += 1
    return grids


def _known_heading(text: str) -> bool:
    """A heading of a known column: of a role, or of the work items or indicators of a table of
    performance targets."""
    if column_role(text) is not None:
        return True
    squeezed = "".join(text.split())
    return bool(
        INDICATOR_COLUMN.fullmatch(squeezed)
        or WORK_ITEM_COLUMN.fullmatch(squeezed)
        or _PERFORMANCE_HEADING.fullmatch(squeezed)
    )


def _is_column_heading(work: str, span: tuple[int, int]) -> bool:
    """A heading cell of a column: of a known role, or of none but naming no unit (考核指标)."""
    if not _is_heading_cell(work, span):
        return False
    text = work[span[0] : span[1]]
    return column_role(text) is not None or not looks_like_unit("".join(text.split()))


def _part_row_end(
    work: str, lines: list[tuple[int, int]], last: str | None, first: str | None, final: bool
) -> int:
    """How many of ``lines`` (between the pipe before a row's last cell and the one after the next
    row's first) are the row's last cell (of the role ``last``); the rest open the next row (its
    first cell, of the role ``first``). The table's last lines (``final``): the last cell, its first
    line only unless it is work."""
    if not lines:
        return 0
    if final:
        return len(lines) if last in ("task", "measure") else 1
    if len(lines) == 1:
        a, b = lines[0]
        return (
            1
            if fits(last, work[a:b])
            and not (first in ("lead", "co") and names_units(work[a:b]) and last not in ("lead", "co"))
            else 0
        )
    for cut in range(1, len(lines)):
        head = "".join(work[a:b] for a, b in lines[:cut])
        tail = "".join(work[a:b] for a, b in lines[cut:])
        if fits(last, head) and fits(first, tail):
            return cut
    return 1


def _is_column_before(work: str, span: tuple[int, int]) -> bool:
    """A heading before 序号 is a column's when it names a known column ("任务类型"), not the
    table's title ("任务分解表", "附件")."""
    if not _is_heading_cell(work, span):
        return False
    text = work[span[0] : span[1]]
    return column_role(text) is not None and not text.endswith(("表", "清单", "目录"))


def _is_heading_cell(work: str, span: tuple[int, int]) -> bool:
    """A short heading of a column; a heading wrapped over two lines ("责任部门\n（单位）", "任务\n
    类型") is one when its lines joined are."""
    s, e = span
    if "\n" not in work[s:e]:
        if _HEADING_CELL.fullmatch(work, s, e) is not None:
            return True
        year = _YEAR_HEADING.match(work, s, e)
        if year is not None and column_role(work[year.end() : e]) is not None:
            # A heading that opens with the year its column is of ("2022年预期目标", "2022年度任务
            # 目标"), as target divisions and progress tables head the year's column; a cell that
            # dates work ("2024年完成") names no column after its year.
            return True
        # A heading spaced out to the cell's width ("主 要 工 作 任 务", "责 任 单 位"), as 浙江
        # cities' division tables (嘉兴市 2023) and 乐清市's completion tables print theirs.
        return (
            " " in work[s:e]
            and _LETTER_SPACED.fullmatch(work, s, e) is not None
            and _HEADING_CELL.fullmatch(work[s:e].replace(" ", "")) is not None
        )
    lines = work[s:e].split("\n")
    return len(lines) == 2 and _HEADING_CELL.fullmatch("".join(x.strip() for x in lines)) is not None


def _read_paragraph_table(
    work: str, paras: list[tuple[int, int]], at: int, pipes: bool = False, wrapped: bool = False
) -> tuple[Grid | None, int]:
    """The table whose heading row holds the sequence heading ``paras[at]``, and the index of the
    paragraph after it. ``pipes``: a crawl's table a cell a line, each cell (a blank one too)
    closed by a pipe, so that a row short of cells lacks a column of the heading row. ``wrapped``:
    a table a cell a line whose cells may run over several lines (``_rejoin_wrapped_cells``)."""
    first = at
    while first > 0 and at - first < 4 and _is_column_before(work, paras[first - 1]):
        first -= 1
    last = at
    while last + 1 < len(paras) and last - first < 12 and _is_heading_cell(work, paras[last + 1]):
        if _after_unit_columns(work, paras[at + 1 : last + 1], paras[last + 1 : last + 3]):
            break
        last += 1
    header = _children_for_parent(work, _wrapped_headings(work, paras[first : last + 1], at - first))
    n, k = len(header), at - first  # columns; the sequence column
    if n < 3:
        return None, at + 1
    heading_texts = {work[s:e] for s, e in header}
    task = _task_column(work, header, k) - k - 1  # the task cell's place among the cells after seq
    roles = heading_roles([work[s:e] for s, e in header])
    node = _node_column(work, header, roles, k)
    if node >= 0:
        while (
            roles[-1] is None
            and any(r in ("lead", "co") for r in roles)
            and not work[header[-1][0] : header[-1][1]].endswith(("备注", "说明", "情况"))
        ):
            # A category's title after the heading row ("分类投放"), short like a heading: the
            # first row's leading cell, not a column.
            header, roles, last = header[:-1], roles[:-1], last - 1
        return _year_rows(work, paras, last + 1, header, k, k + 1 + task, node, roles)
    if wrapped:
        paras = _rejoin_wrapped_cells(work, paras, last + 1, roles[k + 1 :], heading_texts)
    rows: list[tuple[Cell, ...]] = [tuple(Cell(s, e) for s, e in header)]
    if last + 1 < len(paras) and not any(
        _SEQ_CELL.fullmatch(work, a, b) for a, b in paras[last + 1 : last + n + 4]
    ):
        # No row numbered (a table continued on a new page goes on from its number: "7").
        return _unnumbered_rows(work, paras, last + 1, rows, k, roles)
    pre: list[tuple[int, int]] = []
    seq_cell: tuple[int, int] | None = None
    post: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    given: list[tuple[int, int]] = []  # the row's cells as the text gives them
    tail: list[tuple[int, int]] = []  # the last row's cells that fit no column in order
    seq = 0
    table_end = header[-1][1]

    def emit(overflow: list[tuple[int, int]], tail: tuple[tuple[int, int], ...] = ()) -> None:
        assert seq_cell is not None
        if pipes and len(given) + len(overflow) + len(tail) < n - k - 1:
            aligned = _content_align(work, sorted(given + overflow + list(tail)), roles[k + 1 :], task)
            if aligned is not None:
                rows.append(
                    tuple([Cell(s, e) for s, e in pre] + [Cell(*seq_cell)] + [Cell(s, e) for s, e in aligned])
                )
                return
        if overflow:
            # (in the order written: a date may have been placed before units set aside)
            written = sorted(p for p in post + overflow if p[0] != p[1])
            stacked = _stacked_rows(work, written, roles[k + 1 :], task)
            if stacked is not None:
                for i, (sub, merged_cols) in enumerate(stacked):
                    rows.append(
                        tuple(
                            [Cell(s, e, i > 0) for s, e in pre]
                            + [Cell(*seq_cell, i > 0)]
                            + [Cell(s, e, c in merged_cols) for c, (s, e) in enumerate(sub)]
                        )
                    )
                return
        cells = post + overflow
        if overflow and 0 <= task < len(post):
            # A cell broken into paragraphs (the task's, most likely): joined again.
            x = len(overflow)
            cells = cells[:task] + [(cells[task][0], cells[task + x][1])] + cells[task + x + 1 :]
        assert seq_cell is not None
        section = None
        if 2 <= len(cells) < n - k - 1 and _trailing_section(work, cells, roles[k + 1 :]):
            # A row across the table (a section's title) after a row whose unit cell is merged.
            section = cells.pop()
        # (the cells as the text gives them; a blank one the text marks, "|", has its place)
        written = [p for p in given if p != section]
        if not overflow and 2 <= len(written) < n - k - 1 and all(a < b for a, b in written):
            # A short row: its cells put in their columns by what they hold, the columns left
            # out before its last cell merged from the row above, those after it blank.
            # (the work is in the task column, the right-most of those that name work; those
            # left of it group the work, as measures do)
            kinds = ["measure" if r in ("task", "measure") else r for r in roles[k + 1 :]]
            if 0 <= task < len(kinds):
                kinds[task] = "task"
            fit = fit_row([work[a:b] for a, b in written], kinds)
            if fit is not None:
                at = dict(zip(fit, written, strict=True))
                spot = written[0][0]
                placed: list[Cell] = []
                for c in range(n - k - 1):
                    if c in at:
                        placed.append(Cell(*at[c]))
                        spot = at[c][1]
                    else:
                        placed.append(Cell(spot, spot, c < fit[-1] and roles[k + 1 + c] != "co"))
                rows.append(tuple([Cell(s, e) for s, e in pre] + [Cell(*seq_cell)] + placed))
                if section is not None:
                    rows.append((Cell(*section),))
                return
        dated = _date_align(work, cells, roles[k + 1 :])
        cells, merged = dated if dated is not None else _right_align(work, cells, roles[k + 1 :], task)
        row = (
            [Cell(s, e) for s, e in pre]
            + [Cell(*seq_cell)]
            + [Cell(s, e, i in merged) for i, (s, e) in enumerate(cells)]
        )
        while len(row) < len(pre) + n - k:
            # A cell left out: its text is printed once for the rows it spans (a merged cell);
            # after a row aligned on its date, a unit cell left out was blank.
            row.append(Cell(row[-1].end, row[-1].end, dated is None))
        rows.append(tuple(row))
        if section is not None:
            rows.append((Cell(*section),))

    i = last + 1
    while i < len(paras):
        s, e = paras[i]
        text = work[s:e]
        if text in heading_texts or (text[:1] in "-—–" and _PAGE_NUMBER.fullmatch(text)):
            # The heading row repeated on a new page; the page's number between two rows, as the
            # text of a PDF of an official document gives it ("— 3 —": GB/T 9704 prints a page
            # number between two dashes), read as the year rows below read it.
            i += 1
            continue
        if _SEQ_CELL.fullmatch(text) and (seq_cell is None or int(text) == seq + 1):
            # Between two rows: rows across the table (sections), the leading cells of the next
            # row (before the sequence column), and what is left: a broken cell of the row above.
            # The row above ended with its units and no column comes before the sequence: a title
            # between the rows spans the table.
            closed = not k and bool(post) and _names_units(work, *post[-1])
            if pipes and len(given) + len(pending) < n - k - 1:
                closed = False  # (the row's own cells, past a column the crawl left out)
            sections = [
                p
                for p in pending
                if _SECTION_CELL.match(work, p[0], p[1]) or (closed and _is_title(work, *p))
            ]
            rest = [p for p in pending if p not in sections]
            leading = rest[len(rest) - k :] if k else []
            overflow = rest[: len(rest) - len(leading)]
            if seq_cell is not None:
                emit(overflow)
            rows.extend((Cell(p[0], p[1]),) for p in sections)
            pre, seq_cell, post, pending, given = leading, (s, e), [], [], []
            seq = int(text)
            table_end = e
        elif seq_cell is not None and len(post) < n - k - 1 and s == e:
            post.append((s, e))  # a cell the text marks blank (a pipe alone on its line)
            given.append((s, e))
        elif (
            seq_cell is not None
            and len(post) < n - k - 1
            and _place(work, s, e, post, roles, k + 1 + len(post))
        ):
            given.append((s, e))
            table_end = e
        else:
            # After a full row (or before the first), text belongs to the table only when the
            # next number follows soon.
            ahead = {work[ps:pe] for ps, pe in paras[i + 1 : i + n + 2]}
            if str(seq + 1) not in ahead or len(pending) > n:
                if (
                    pipes
                    and seq_cell is not None
                    and not pending
                    and len(given) + len(tail) + 1 < n - k - 1
                    and work[e : e + 2].lstrip(" ").startswith("|")
                ):
                    # The last row's cells past a column the crawl left out: kept aside for the
                    # row's alignment by content, dropped if it finds none.
                    tail.append((s, e))
                    i += 1
                    continue
                break
            pending.append((s, e))
        i += 1
    if seq_cell is not None:
        emit([], tuple(tail))
    if len(rows) < 3 and not (len(rows) == 2 and _one_row_table(work, rows, roles, k)):
        return None, at + 1
    return Grid(0, tuple(rows), header[0][0], table_end), i


def _one_row_table(work: str, rows: list[tuple[Cell, ...]], roles: list[str | None], k: int) -> bool:
    """A table of one row is a table still when its heading names the lead units' column and the
    row, numbered 1, fills it with units: the opening of a division table that a page break or a
    crawl cuts after its first row ("序号 / 任务名称 / 指标要求 / 牵头部门 / 配合部门" / "1" / … /
    "区发改经信局" / …). A lone row under a heading of other columns is left to the text."""
    row = rows[1]
    if "lead" not in roles or len(row) != len(roles) or work[row[k].start : row[k].end] != "1":
        return False
    lead = row[roles.index("lead")]
    return lead.end > lead.start and _names_units(work, lead.start, lead.end)


# A line that ends a cell's text (a sentence closed) and one that cannot (a list or a clause open).
# matches: "…全覆盖。", "…体系；" ; the second matches: "…市科技局、", "…基站，"
_CLOSED_LINE = re.compile(r"[。；;！!？?]$")
_OPEN_LINE = re.compile(r"[、，,：:（(“]$")
# How many more lines than cells a row may have for its wrapped cells to be joined again, and how
# many cells: past that the row is read as it stands (the search grows with both).
_MAX_EXTRA_LINES = 14
# How much narrower (in display columns: two a Chinese character) a wrapped line may be than the
# widest line of its cell (a line wrapped before a word that does not fit, or before punctuation).
_WRAP_SLACK = 4
# A unit's name is no sentence: nothing ends in it, and it is not long.
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_MAX_UNIT_NAME = 24
_MAX_ROW_CELLS = 8


def _rejoin_wrapped_cells(
    work: str,
    paras: list[tuple[int, int]],
    first: int,
    roles: list[str | None],
    heading_texts: set[str],
) -> list[tuple[int, int]]:
    """The paragraphs of a table flattened a cell a line (``paras[first:]``, after the heading row)
    with each cell that the text wraps over several lines joined into one paragraph. Text pulled
    out of a PDF gives a table so: each cell a run of lines cut at the column's width
    ("市工业和信息" / "化局", "2024年12" / "月底前", a task's sentence over three lines), the rows
    opened by their numbers in sequence. A row (the lines between its number and the next) that has
    more lines than the heading row has cells after the number is cut into that many runs of lines,
    each run fit for its column: names of units for a unit column, a date for a deadline column,
    anything but a list of units for a text column; among the cuts that fit, the one whose text
    cells close their sentences and whose unit names are whole is taken. A row that no cut fits is
    left as it is, and so are sections, page numbers and the heading row repeated between rows.
    ``roles``: the roles of the columns after the sequence column."""
    c = len(roles)
    if c < 2 or c > _MAX_ROW_CELLS:
        return paras
    out = list(paras[:first])
    i = first
    seq = 0
    while i < len(paras):
        s, e = paras[i]
        if work[s:e] == "序" and i + 1 < len(paras) and work[paras[i + 1][0] : paras[i + 1][1]] == "号":
            out.append((s, paras[i + 1][1]))  # the heading row repeated on a new page, 序 / 号 wrapped
            i += 2
            continue
        out.append((s, e))
        i += 1
        if not (_SEQ_CELL.fullmatch(work, s, e) and int(work[s:e]) == seq + 1):
            continue
        seq += 1
        # The row's lines: up to the next number in sequence (or, for the last row, as far as a
        # cut fits), without what stands between rows at their end.
        j = i
        while j < len(paras) and j - i <= c + _MAX_EXTRA_LINES:
            ps, pe = paras[j]
            if _SEQ_CELL.fullmatch(work, ps, pe) and int(work[ps:pe]) == seq + 1:
                break
            j += 1
        last_row = j >= len(paras) or not (
            _SEQ_CELL.fullmatch(work, *paras[j]) and int(work[paras[j][0] : paras[j][1]]) == seq + 1
        )
        body = j
        while body > i and _between_rows(work, paras[body - 1], heading_texts):
            body -= 1
        # A row broken by a page: the page's number and the heading row repeated stand between
        # its lines (a cell broken there keeps its lines before the break).
        kept = [x for x in range(i, body) if not _page_break_line(work, paras[x], heading_texts)]
        lines = [paras[x] for x in kept]
        cut = _cut_row(work, lines, roles, last_row)
        if cut is None:
            continue
        groups, used = cut
        for a, b in groups:
            if a == b:  # a blank cell: an empty paragraph where the cell stands
                at = lines[a - 1][1] if a else lines[0][0]
                out.append((at, at))
                continue
            last = a
            while last + 1 < b and kept[last + 1] == kept[last] + 1:
                last += 1
            out.append((lines[a][0], lines[last][1]))
        i = kept[used - 1] + 1
    return out


def _page_break_line(work: str, span: tuple[int, int], heading_texts: set[str]) -> bool:
    """A line a page break puts inside a row: the page's number, the heading row repeated."""
    text = work[span[0] : span[1]]
    return text in heading_texts or text in ("序", "号") or _PAGE_NUMBER.fullmatch(text) is not None


def _between_rows(work: str, span: tuple[int, int], heading_texts: set[str]) -> bool:
    """A line that stands between two rows: a section's title, a page number, a heading of the
    heading row repeated on a new page (or a piece of one wrapped: 序 / 号)."""
    text = work[span[0] : span[1]]
    return (
        _page_break_line(work, span, heading_texts)
        or column_role(text) is not None
        or (_SECTION_CELL.match(text) is not None and not looks_like_unit(text))  # (not 第一人民医院)
    )


def _cut_row(
    work: str, lines: list[tuple[int, int]], roles: list[str | None], last_row: bool
) -> tuple[list[tuple[int, int]], int] | None:
    """The runs of ``lines`` (index ranges) that make the row's ``len(roles)`` cells, and how many
    lines they take; None when the row needs no joining or no cut fits. The last row of a table may
    leave lines after it (the text after the table)."""
    c = len(roles)
    m = len(lines)
    if m < c or m > c + _MAX_EXTRA_LINES:
        return None
    if m == c:
        if all(_fits(r, work, s, e) for r, (s, e) in zip(roles, lines, strict=True)):
            return None  # a line a cell, each fit for its column: nothing to join
        # A row one cell short of lines, whose co-unit cell is blank and whose text is wrapped.
        for blank in (col for col, r in enumerate(roles) if r == "co"):
            short = _cut_row(work, lines, roles[:blank] + roles[blank + 1 :], last_row)
            if short is not None and short[1] == m:
                groups = list(short[0])
                at = groups[blank - 1][1] if blank else 0
                groups.insert(blank, (at, at))  # (an empty run: the blank cell)
                return groups, m
        return None
    joined: dict[tuple[int, int], str] = {}

    def text(a: int, b: int) -> str:
        key = (a, b)
        if key not in joined:
            joined[key] = "".join(work[s:e] for s, e in lines[a:b])
        return joined[key]

    fit: dict[tuple[int, int, int], int | None] = {}

    def score(a: int, b: int, col: int) -> int | None:
        """None when lines a..b cannot be the cell of column ``col``; else how well they fit."""
        key = (a, b, col)
        if key in fit:
            return fit[key]
        t = text(a, b)
        role = roles[col]
        got: int | None
        if _OPEN_LINE.search(work[lines[b - 1][0] : lines[b - 1][1]]) is not None:
            got = None  # a cell does not end on an open list or clause
        elif role in ("lead", "co"):
            names = parse_units(t, t)
            ok = (
                bool(names)
                and _SENTENCE_END.search(t) is None
                and MODAL.search(t) is None  # (a clause: parse_units reads the names before its modal)
                and all(
                    (looks_like_unit(n) or n.startswith(("各", "相关", "有关")))
                    and len(n) <= _MAX_UNIT_NAME
                    and "," not in n
                    for n in names
                )
            )
            got = (1 if all(len(n) >= 3 for n in names) else 0) if ok else None
        elif role == "deadline":
            # (its first line dated: a unit's name wrapped onto the line before is no date)
            head = work[lines[a][0] : lines[a][1]]
            got = 1 if len(t) <= 24 and _DEADLINE_CELL.search(head) is not None else None
        else:
            names = parse_units(t, t)
            if names and MODAL.search(t) is None and all(looks_like_unit(n) for n in names):
                # a list of units is not a text column's cell; a cell that holds a modal verb is a
                # clause, whatever names its list reads before it ("新建车站、停车场等应…")
                got = None
            else:
                got = 1 if _CLOSED_LINE.search(t) is not None else 0
        if got is not None and b - a >= 2:
            # A cell wraps its lines at the column's width: each line but its last fills it. A
            # short line before a longer one ends a cell ("提升跨境贸易" / "便利化水平" is a title
            # column's cell, not the first lines of the next column's sentence).
            widths = [
                _display_col(work, s, e) + sum(work.count(q, s, e) for q in "“”‘’") for s, e in lines[a:b]
            ]
            if min(widths[:-1]) < max(widths) - _WRAP_SLACK:
                got -= 1
        fit[key] = got
        return got

    # best[g][b]: the best score of the first g cells over lines[0:b], with the cut that gives it.
    best: list[dict[int, tuple[int, list[tuple[int, int]]]]] = [{0: (0, [])}]
    for g in range(c):
        nxt: dict[int, tuple[int, list[tuple[int, int]]]] = {}
        for a, (sc, cut) in best[g].items():
            for b in range(a + 1, m - (c - g - 1) + 1):
                got = score(a, b, g)
                if got is None:
                    continue
                cand = (sc + got, [*cut, (a, b)])
                if b not in nxt or cand[0] > nxt[b][0]:
                    nxt[b] = cand
        best.append(nxt)
    ends = best[c]
    if m in ends:
        return ends[m][1], m
    if last_row and ends:
        b = min(ends)  # the shortest run of lines that makes the row: the rest follows the table
        return ends[b][1], b
    return None


# The heading of a column that gives each of a task's rows its year (节点 / 年度 / 年份 / 时间节点)
# right before a column of that year's target (指标数 / 目标 / 年度目标 / 指标).
# matches: "节点", "年度", "时间节点" ; must not match: "完成时限" (one deadline a task)
_NODE_HEADING = re.compile(r"(?:时间|年度)?节点|年度|年份")
_TARGET_HEADING = re.compile(r"[^\s,，。]{0,4}(?:指标|目标)[^\s,，。]{0,3}")
# A cell of such a year column. matches: "2018年", "2019年底", "2020年度", "2019年6月底",
# "2018—2020年" ; must not match: "2018年6月底前完成" (a task's words), "2018"
_YEAR_NODE = re.compile(
    r"(?:(?:19|20)\d{2}[-—–~至])?(?:19|20)\d{2}年(?:度|底|底前|内|\d{1,2}月(?:底|底前|前)?)?"
)


def _node_column(work: str, header: list[tuple[int, int]], roles: list[str | None], k: int) -> int:
    """The column of a task list's years, when its heading row pairs a year column with a target
    column after the task's (类别 / 序号 / 主要任务 / 节点 / 指标数 / 责任单位 / 配合单位); -1 else."""
    texts = ["".join(work[s:e].split()) for s, e in header]
    for c in range(k + 2, len(texts) - 1):
        if _NODE_HEADING.fullmatch(texts[c]) and _TARGET_HEADING.fullmatch(texts[c + 1]):
            if any(r in ("lead", "co") for r in roles[c + 2 :]):
                return c
    return -1


def _is_category_cell(work: str, s: int, e: int) -> bool:
    """A cell of a category column before the sequence one: written down the cell a character a
    line ("1.\n分\n类\n投\n放", the merged cell's text as Word prints it vertically), or a short
    title with no sentence in it ("分类投放")."""
    lines = [x.strip() for x in work[s:e].split("\n") if x.strip()]
    if len(lines) >= 2 and all(len(x) <= 3 for x in lines):
        return True
    if len(lines) != 1:
        return False
    if len(lines[0]) <= 3:
        return _YEAR_NODE.fullmatch(lines[0]) is None  # a character of a cell written down it, "1."
    return (
        len(lines[0]) <= 12
        and _DIGIT.search(lines[0]) is None
        and _SENTENCE_MARKS.search(work, s, e) is None
        and not _names_units(work, s, e)
    )


@dataclass
class _YearItem:
    """A numbered task of a list whose tasks span a row a year: its cells' paragraphs."""

    pre: list[tuple[int, int]]
    seq: tuple[int, int]
    task: list[tuple[int, int]] = field(default_factory=list)
    pairs: list[list[tuple[int, int] | None]] = field(default_factory=list)  # [year, target]
    units: list[tuple[int, int]] = field(default_factory=list)


def _year_rows(
    work: str,
    paras: list[tuple[int, int]],
    i: int,
    header: list[tuple[int, int]],
    k: int,
    task_col: int,
    node: int,
    roles: list[str | None],
) -> tuple[Grid | None, int]:
    """The rows of a task list flattened a cell a paragraph whose tasks each span several rows of
    a year and its target, the task's other cells printed once (merged over those rows): "1" /
    "推进居住区分类设施改造" / "2018年" / "120个" / "区住房保障局" / "区房管局" / "2019年" / "180个" / … /
    "2". Each year gives a row of its own, its other cells marked merged with the first row's; a
    unit cell may list its units a line each, the co cell may be empty, a category cell before the
    number may be written a character a line. The 任务清单 attachments of three-year action plans
    print their lists so (上海 districts' 生活垃圾分类 三年行动计划, as the team's review of such
    attachments found them; a docx of such a list reads the same through its merged cells). No
    tune document has this layout yet: the tests are invented text (tests/extract/test_year_rows.py)."""
    n = len(header)
    heading_texts = {work[s:e] for s, e in header}
    rows: list[tuple[Cell, ...]] = [tuple(Cell(s, e) for s, e in header)]
    lead_col = next((c for c in range(node + 2, n) if roles[c] == "lead"), -1)
    # (a second unit column after the lead one, 牵头单位 / 责任单位, lists the co-units)
    co_col = next((c for c in range(max(lead_col, node + 1) + 1, n) if roles[c] in ("lead", "co")), -1)
    seq = 0
    pre: list[tuple[int, int]] = []
    cur: _YearItem | None = None
    table_end = header[-1][1]

    def emit(item: _YearItem) -> None:
        pairs: list[list[tuple[int, int] | None]] = item.pairs or [[None, None]]
        units = item.units
        for j, (year, target) in enumerate(pairs):
            row: list[Cell] = []
            for c in range(n):
                span: tuple[int, int] | None = None
                if c < k:
                    span = (item.pre[0][0], item.pre[-1][1]) if item.pre and c == k - 1 else None
                elif c == k:
                    span = item.seq
                elif c == task_col:
                    span = (item.task[0][0], item.task[-1][1]) if item.task else None
                elif c == node:
                    span = year
                elif c == node + 1:
                    span = target
                elif c == lead_col and units:
                    # (with no co column, every unit paragraph is of the lead cell)
                    span = units[0] if co_col >= 0 else (units[0][0], units[-1][1])
                elif c == co_col and len(units) > 1:
                    span = (units[1][0], units[-1][1])
                keep = c in (node, node + 1)
                if span is None:
                    at = row[-1].end if row else item.seq[0]
                    row.append(Cell(at, at, j > 0 and not keep))
                else:
                    row.append(Cell(span[0], span[1], j > 0 and not keep))
            rows.append(tuple(row))

    while i < len(paras):
        s, e = paras[i]
        text = work[s:e]
        if text in heading_texts or _PAGE_NUMBER.fullmatch(text):
            i += 1  # the heading row repeated on a new page, a page's number
            continue
        if _SEQ_CELL.fullmatch(text) and (int(text) == seq + 1 or (int(text) == 1 and pre)):
            # (the numbers may start again under each category)
            if cur is not None:
                emit(cur)
            cur = _YearItem(pre, (s, e))
            pre = []
            seq = int(text)
            table_end = e
        elif cur is None:
            if not (k and _is_category_cell(work, s, e)):
                break
            pre.append((s, e))
        elif (_YEAR_NODE.fullmatch(text) or _ONGOING_NODE.fullmatch(text)) and cur.task and not pre:
            cur.pairs.append([(s, e), None])
            table_end = e
        elif not cur.pairs and not cur.units and not pre and not _names_units(work, s, e):
            cur.task.append((s, e))
            table_end = e
        elif (
            cur.pairs
            and cur.pairs[-1][1] is None
            and not pre
            and (
                _DIGIT.search(text)
                or not (
                    _names_units(work, s, e)
                    or (
                        cur.units
                        and k
                        and _is_category_cell(work, s, e)
                        and _next_number_after(work, paras, i, seq)
                    )
                )
            )
        ):
            # A year's target: a figure, or words that are neither units nor the next category.
            cur.pairs[-1][1] = (s, e)
            table_end = e
        elif cur.task and _names_units(work, s, e) and not pre:
            cur.units.append((s, e))
            table_end = e
        elif k and _is_category_cell(work, s, e) and _next_number_after(work, paras, i, seq):
            pre.append((s, e))  # the next row's category
        else:
            break
        i += 1
    if cur is not None:
        emit(cur)
    if len(rows) < 3:
        return None, i
    return Grid(0, tuple(rows), header[0][0], table_end), i


_DIGIT = re.compile(r"\d")
# A page's number printed between a table's rows. matches: "- 3 -", "—12—" ; must not match: "3"
_PAGE_NUMBER = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]")
# A year cell of work that goes on: matches "长期", "常态化", "持续推进" ; must not match "持续推进河道保洁"
_ONGOING_NODE = re.compile(r"长期|长效|持续|常态|常态化|(?:长期|持续|常态化)(?:推进|开展|实施)|每年")


def _next_number_after(work: str, paras: list[tuple[int, int]], i: int, seq: int) -> bool:
    """The paragraphs after ``paras[i]`` are a category's (a character a paragraph at most) up to
    the next row's sequence cell (``seq`` + 1, or 1 when the numbers start again)."""
    for a, b in paras[i + 1 : i + 13]:
        if _SEQ_CELL.fullmatch(work, a, b):
            return work[a:b] in (str(seq + 1), "1")
        if not _is_category_cell(work, a, b):
            return False
    return False


def _stacked_rows(
    work: str, paras: list[tuple[int, int]], roles: list[str | None], task: int
) -> list[tuple[list[tuple[int, int]], frozenset[int]]] | None:
    """A numbered row of a table flattened a cell a paragraph whose cells took more paragraphs
    than it has columns, read by what each paragraph is: a unit cell that lists its units a
    paragraph each ("县水务局" / "县住建局"), and a row that holds two items under one number, the
    second with its own date and the unit cell merged over both ("开工建设县老年养护楼。" / "县民政局" /
    "5月底前动工" / "开工建设老年大学。" / "12月底前"). The annexes of county notices dividing their
    民生实事 (大竹县 2016) and of district key-work lists print them so; web pages of 四川 and
    安徽 counties flatten them a cell a paragraph.
    The columns after ``task`` must be unit and deadline columns only; text paragraphs fill the
    columns up to the task one, unit paragraphs stack in a unit column, a short date goes to the
    deadline column, and text after them opens the next item (its columns before the task and
    its other cells merged with the item above). None when a paragraph fits nowhere, or when
    nothing was stacked (one paragraph a cell: the row is read as before)."""
    n = len(roles)
    if not 0 <= task < n - 1:
        return None
    tail = roles[task + 1 :]
    if not tail or any(r not in ("lead", "co", "deadline") for r in tail) or "lead" not in tail:
        return None
    d_col = task + 1 + tail.index("deadline") if "deadline" in tail else -1
    out: list[list[list[tuple[int, int]]]] = []
    cur: list[list[tuple[int, int]]] = [[] for _ in roles]
    last = -1
    for s, e in paras:
        if _names_units(work, s, e):
            if not cur[task]:
                return None
            if last > task and roles[last] in ("lead", "co"):
                cur[last].append((s, e))  # the unit cell goes on: one unit a paragraph
                continue
            col = next((c for c in range(max(last, task) + 1, n) if roles[c] in ("lead", "co")), -1)
            if col < 0:
                return None
            cur[col].append((s, e))
            last = col
        elif (
            d_col >= 0
            and cur[task]
            and not cur[d_col]
            and e - s <= 16
            and _DEADLINE_CELL.search(work, s, e) is not None
            and _SENTENCE_MARKS.search(work, s, e) is None
        ):
            cur[d_col].append((s, e))
            last = d_col
        else:
            if last > task:
                out.append(cur)  # a second item under the same number
                cur = [[] for _ in roles]
                last = -1
            col = last + 1 if out or last >= 0 else 0
            if out and last < 0:
                col = task  # the columns before the task are merged with the item above
            if col > task:
                return None
            cur[col].append((s, e))
            last = col
    out.append(cur)
    if len(out) < 2 and all(len(c) <= 1 for c in out[0]):
        return None
    result: list[tuple[list[tuple[int, int]], frozenset[int]]] = []
    for i, row in enumerate(out):
        if not row[task]:
            return None
        cells: list[tuple[int, int]] = []
        merged: set[int] = set()
        for c, got in enumerate(row):
            if got:
                cells.append((got[0][0], got[-1][1]))
            else:
                at = cells[-1][1] if cells else row[task][0][0]
                cells.append((at, at))
                if i:
                    merged.add(c)  # printed once for the item above and this one
        result.append((cells, frozenset(merged)))
    return result


# A heading over two unit columns (责任单位 over 牵头单位 and 配合单位), the second row of the heading
# printed after the first.
_PARENT_UNIT_HEADINGS = frozenset({"责任单位", "责任部门", "责任主体", "责任分工", "分工", "单位分工"})


# The period a progress table's column reports, heading it before its name ("第二季度" / "完成情况",
# as 泗洲头镇's table wraps its 第二季度完成情况; 招远市's "1-9月份工作完成情况" and 崇川区's
# "1-10月推进情况" in one cell). matches: "第二季度", "一季度", "上半年", "1-6月", "1-10月份" ; must not
# match: "指标数", "2026年"
_PERIOD_HEADING = re.compile(r"第?[一二三四1-4]季度|[上下]半年|\d{1,2}[-—–~至]\d{1,2}月份?")
# The level or scope a heading's second line is of ("区本级" / "任务数", "市级" / "责任单位"): a
# heading's first line, no column of its own. matches: "区本级", "市本级", "县级", "全区", "本级" ;
# must not match: "区发改局", "区本级任务数"
_SCOPE_HEADING = re.compile(r"[省市县区镇乡]?本级|[省市县区]级|全[省市县区]")


def _wrapped_headings(work: str, header: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """A column heading wrapped over two paragraphs of the flattened heading row ("责任" / "领导",
    "攻坚目标" / "任务"): the narrow cell's line break, printed as a blank line by the crawl of a web
    table or the text of a PDF, parts a heading that is one column (a heading wrapped inside one
    paragraph is read by ``_is_heading_cell``). A part that names no column joins the next when
    the two together do and the next is no column's whole heading of its own (a word of two
    characters, or none that names a column): "责任" / "科室", "攻坚目标" / "任务", as 泗洲头镇
    (象山县) heads its table of the year's key work (the tune document
    sizhoutou_key_work_progress_2024_part, the one document of the corpora with the layout); a
    heading of no known role before a whole one ("指标数" / "责任单位", 虹口区's 2018 garbage-sorting
    task table) stays two columns, unless it is the period the next one reports ("第二季度" /
    "完成情况": ``_PERIOD_HEADING``). The columns up to the sequence heading (``k``) are never
    joined."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(header):
        s, e = header[i]
        if i > k and i + 1 < len(header):
            a, b = work[s:e], work[header[i + 1][0] : header[i + 1][1]]
            if (
                column_role(a) is None
                and column_role(a + b) is not None
                and (
                    len(b) <= 2
                    or column_role(b) is None
                    or _PERIOD_HEADING.fullmatch(a) is not None
                    or _SCOPE_HEADING.fullmatch(a) is not None
                )
            ):
                out.append((s, header[i + 1][1]))
                i += 2
                continue
        out.append((s, e))
        i += 1
    return out


def _children_for_parent(work: str, header: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A heading row of two rows flattened: a parent heading (责任单位) spanning a lead and a co
    column whose own headings (牵头单位 / 配合单位) come after the first row ("序号 / 工作任务 /
    责任单位 / 完成时限 / 牵头单位 / 配合单位"): the children take the parent's place, as the cells of
    each row stand. Division tables of county and city governments head their unit columns so.
    must not change: a row of one level ("牵头单位 / 配合单位" with no parent)."""
    texts = ["".join(work[s:e].split()) for s, e in header]
    if not _PARENT_UNIT_HEADINGS.intersection(texts):
        return header
    for i, t in enumerate(texts):
        if t not in _PARENT_UNIT_HEADINGS:
            continue
        for j in range(i + 1, len(texts) - 1):
            if (
                column_role(texts[j]) == "lead"
                and column_role(texts[j + 1]) == "co"
                and j + 1 == len(texts) - 1
            ):
                return [*header[:i], header[j], header[j + 1], *header[i + 1 : j]]
        if (
            i + 2 < len(texts)
            and column_role(texts[i + 1]) == "lead"
            and column_role(texts[i + 2]) == "co"
            and (i + 3 == len(texts) or column_role(texts[i + 3]) not in ("lead", "co"))
        ):
            # The children right after their parent ("责任单位 / 牵头单位 / 配合单位 / 完成时限", as
            # the text of a PDF gives a heading row whose other headings span its two rows).
            return [*header[:i], *header[i + 1 :]]
    return header


def _after_unit_columns(work: str, heads: list[tuple[int, int]], ahead: list[tuple[int, int]]) -> bool:
    """A short paragraph after a heading row that ends with its unit columns (… / 责任单位 / 配合
    单位) is the first row's category cell ("深入开展宣传教育") when a sentence (the row's work)
    follows it, not one more heading; a column's name (参考文件, 备注) is followed by the first
    row's number or by another heading."""
    nxt = ahead[0]
    if len(heads) < 2 or column_role(work[nxt[0] : nxt[1]]) is not None:
        return False
    if len(ahead) < 2 or _SEQ_CELL.fullmatch(work, *ahead[1]) or _is_heading_cell(work, ahead[1]):
        return False
    if work[nxt[0] : nxt[1]].strip() in ("备注", "说明", "附注"):
        return False
    return column_role(work[heads[-1][0] : heads[-1][1]]) in ("lead", "co") and any(
        column_role(work[a:b]) in ("task", "measure") for a, b in heads
    )


def _unnumbered_rows(
    work: str,
    paras: list[tuple[int, int]],
    i: int,
    rows: list[tuple[Cell, ...]],
    k: int,
    roles: list[str | None],
) -> tuple[Grid | None, int]:
    """The rows of a table whose sequence column was left empty (序号 heads it, no row is
    numbered), as task lists annexed to district work plans print them (静安区 垃圾分类 task list;
    the 任务清单 of 区级 实施方案 that number their tasks in the body only): the cells after the
    heading are read in order, a row ending with its unit cells (the table's last columns: 责任单位
    / 配合单位, "/" where none); the text cells before them end at the task column, so that a row
    with one more text cell opens a new category (任务名称, merged over the rows below it).
    None when the table's last columns are not unit columns or fewer than two rows are read."""
    after = roles[k + 1 :]
    units = 0
    while units < len(after) and after[len(after) - 1 - units] in ("lead", "co"):
        units += 1
    texts = len(after) - units
    if not units or not texts or k:
        return None, i
    start_rows = len(rows)
    cur: list[tuple[int, int]] = []
    unit_cells: list[tuple[int, int]] = []
    table_end = rows[0][-1].end
    while i < len(paras):
        s, e = paras[i]
        is_unit = _names_units(work, s, e) or _NONE_CELL.fullmatch(work, s, e) is not None
        if is_unit and cur:
            unit_cells.append((s, e))
            if len(unit_cells) == units:
                body = cur[-texts:]
                lead = [(body[0][0], body[0][0])] * (texts - len(body))
                row = [Cell(s, s)] + [Cell(a, b, True) for a, b in lead] + [Cell(a, b) for a, b in body]
                row += [Cell(a, b) for a, b in unit_cells]
                rows.append(tuple(row))
                table_end = e
                cur, unit_cells = [], []
        elif not is_unit and not unit_cells and len(cur) < texts and not _SECTION_CELL.match(work, s, e):
            cur.append((s, e))
        else:
            break
        i += 1
    if len(rows) - start_rows < 2:
        return None, i
    return Grid(0, tuple(rows), rows[0][0].start, table_end), i


# A cell that says there is no unit. matches: "/", "—", "无" ; must not match: "区政府"
_NONE_CELL = re.compile(r"[/／—－-]{1,2}|无")


# What a sentence holds and a section's title does not.
_SENTENCE_MARKS = re.compile(r"[，,。;；:：]")


def _trailing_section(work: str, cells: list[tuple[int, int]], roles: list[str | None]) -> bool:
    """The last cell of a short row is a section's title across the table ("建立健全…机制"), not
    a cell of the row: a short title in a text column after a sentence, where a row's cells go
    from the general (a measure's title) to the detail (the work), never back."""
    (ps, pe), (s, e) = cells[-2], cells[-1]
    c = len(cells) - 1
    if c >= len(roles) or roles[c] not in ("task", "measure", None) or s == e or ps == pe:
        return False
    sentence = pe - ps > 24 or _SENTENCE_MARKS.search(work, ps, pe) is not None
    return sentence and _is_title(work, s, e)


def _is_title(work: str, s: int, e: int) -> bool:
    """A short title, no sentence in it and no unit names: "建立健全推进机制"."""
    return 2 <= e - s <= 16 and _SENTENCE_MARKS.search(work, s, e) is None and not _names_units(work, s, e)


def _right_align(
    work: str, cells: list[tuple[int, int]], roles: list[str | None], task: int
) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """The cells of a short row (after the sequence cell) put in their columns. A cell merged
    across rows is printed once, in the block's first row: the rows below lack it, so their
    cells belong to the right-hand columns. A short row's last cell that names units goes to
    the unit column after the task; its other cells end at the task column; the columns left
    of them were merged (事项 / 工作措施 / 责任单位 with 事项 merged: "新建…", "区财政局").
    must not change: a full row, a row with a blank cell, a row whose cells fit no other way."""
    n = len(roles)
    kept: tuple[list[tuple[int, int]], frozenset[int]] = (cells, frozenset())
    if cells and cells[-1][0] != cells[-1][1]:
        cells = [c for c in cells if c[0] != c[1]]  # blank cells put before the units by _place
    if not cells or len(cells) >= n or not 0 <= task < n or any(s == e for s, e in cells):
        return kept
    units = [c for c in range(task + 1, n) if roles[c] in ("lead", "co")]
    tail: list[tuple[int, tuple[int, int]]] = []
    body = cells
    if units and _names_units(work, *cells[-1]):
        tail = [(units[0], cells[-1])]
        body = cells[:-1]
    if not body or len(body) > task + 1 or any(_names_units(work, s, e) for s, e in body):
        return kept
    first = task + 1 - len(body)
    if first == 0 and (not tail or tail[0][0] == len(body)):
        return kept  # already in place
    placed: dict[int, tuple[int, int]] = {first + i: c for i, c in enumerate(body)}
    placed.update(tail)
    out: list[tuple[int, int]] = []
    merged: set[int] = set()
    for c in range(max(placed) + 1):
        if c in placed:
            out.append(placed[c])
        else:
            at = out[-1][1] if out else cells[0][0]
            out.append((at, at))
            if c < first:
                merged.add(c)  # a merged cell; a gap after the text is a blank cell
    return out, frozenset(merged)


def _deadline_only(work: str, s: int, e: int) -> bool:
    """The paragraph is a deadline column's cell and nothing else (``rowfit.deadline_only``)."""
    return deadline_only(work[s:e])


def _date_align(
    work: str, cells: list[tuple[int, int]], roles: list[str | None]
) -> tuple[list[tuple[int, int]], frozenset[int]] | None:
    """A short row of a table with a deadline column, aligned on its date: the cell that holds
    only a date (or the year's period, or a standing schedule: ``_deadline_only``) is the deadline's; the cells before it end just left of that column (the columns
    left of them were merged cells, printed once in the block's first row: 任务类型 in 静安区 and
    杨浦区 reform timetables, 重点领域 in provincial 分工方案), the cells after it fill the unit
    columns in order (a unit column left out at the end was blank). None when the row is full, has
    no date-only cell, or does not fit that way.
    must not change: a full row; a row whose task cell holds a date ("2025年底前完成…")."""
    body = [c for c in cells if c[0] != c[1]]
    if not body or len(body) >= len(roles) or "deadline" not in roles:
        return None
    d = roles.index("deadline")
    at = [i for i, (s, e) in enumerate(body) if _deadline_only(work, s, e)]
    if len(at) != 1:
        return None
    j = at[0]
    after = body[j + 1 :]
    if j > d or len(after) > len(roles) - d - 1 or any(not _names_units(work, s, e) for s, e in after):
        return None
    if j == d and len(body) == len(cells):
        return None  # already in place
    start = body[0][0]
    out: list[tuple[int, int]] = [(start, start)] * (d - j) + body
    if any(
        roles[i] in ("lead", "co") and s < e and not _names_units(work, s, e)
        for i, (s, e) in enumerate(out[:d])
    ):
        # The text would land in a unit column: the cell left out is a blank one between (a
        # co-unit cell left empty), not a merged one before.
        return None
    return out, frozenset(range(d - j))


# What a cell of units never holds: a figure, a share, a sentence's punctuation, a yes/no answer.
# matches: "完成60%", "已完成9个,其余正在施工", "否" ; must not match: "区教育局、各街道"
_NOT_UNITS_MARKS = re.compile(r"[\d%％，,。;；]|^[是否无]$")


def _content_align(
    work: str, cells: list[tuple[int, int]], roles: list[str | None], task: int
) -> list[tuple[int, int]] | None:
    """The cells of a row of a crawled table (after the sequence cell) that has fewer cells than
    its heading row, put in their columns by what they hold: a column whose cell the crawl left
    out (a 全年目标任务 merged into the task's cell, a trailing 说明 or a co-unit cell left empty
    and dropped) is skipped where the unit columns then hold units (or nothing), the task column
    work that is no list of units and a deadline column a date; of such ways, the one with the
    most unit cells in unit columns (the lead column's first), then the cells kept in order with
    the last ones dropped, then the earliest columns skipped. Crawled progress tables of 民生实事
    have rows short of their heading row's cells (招远市's rows without their merged 类别 cell,
    柯桥区's "新增学位810个 | |||||": the tune documents zhaoyuan_ and
    keqiao_livelihood_progress), and a crawl writes a table a cell a line (霍山县's
    huoshan_development_zone_duties_2025); no tune document yet has both. None when the row
    lacks more than two cells or no way places a unit (the reading by position stands, and the
    unit column's cell that reads as progress is dropped by ``tables``)."""
    c, m = len(roles), len(cells)
    if not 0 < m < c or c - m > 2 or not 0 <= task < c or not any(r in ("lead", "co") for r in roles):
        return None
    units = [
        s < e and _names_units(work, s, e) and _NOT_UNITS_MARKS.search(work[s:e]) is None for s, e in cells
    ]
    # The first column of work must hold work (a goal column beside it may be left out).
    first = min((j for j, r in enumerate(roles) if r in ("task", "measure")), default=task)
    lead = min(j for j, r in enumerate(roles) if r in ("lead", "co"))
    # Cells left in order with the last ones dropped first, then columns left out from the left.
    tries = sorted(combinations(range(c), c - m), key=lambda sk: _inner_skips(sk, c))
    best: tuple[tuple[int, int], tuple[int, ...]] | None = None
    for skip in tries:
        if first in skip:
            continue
        cols = [j for j in range(c) if j not in skip]
        hits = stray = 0
        fits = True
        for i, j in enumerate(cols):
            s, e = cells[i]
            if roles[j] in ("lead", "co"):
                if s < e and not units[i]:
                    fits = False
                    break
                hits += (2 if j == lead else 1) * (s < e)
            elif j == first:
                if s == e or units[i]:
                    fits = False
                    break
            elif roles[j] == "deadline" and s < e and not _fits("deadline", work, s, e):
                fits = False
                break
            else:
                stray += units[i]
                if roles[j] == "person" and s < e and _NOT_UNITS_MARKS.search(work[s:e]):
                    stray += 1  # work or progress under the leader's name
        if fits and (best is None or (hits, -stray) > best[0]):
            best = ((hits, -stray), skip)
    if best is None or best[0][0] == 0:
        return None
    out: list[tuple[int, int]] = []
    it = iter(cells)
    for j in range(c):
        if j in best[1]:
            at = out[-1][1] if out else cells[0][0]
            out.append((at, at))
        else:
            out.append(next(it))
    return out


def _inner_skips(skip: tuple[int, ...], c: int) -> int:
    """How many of the columns ``skip`` (ascending) of a row of ``c`` are not at its end."""
    end = len(skip)
    while end and skip[end - 1] == c - len(skip) + end - 1:
        end -= 1
    return end


def _task_column(work: str, header: list[tuple[int, int]], k: int) -> int:
    """The column the tasks are in: the last heading after the sequence holding a task word."""
    found = k + 1
    for c in range(k + 1, len(header)):
        if column_role(work[header[c][0] : header[c][1]]) in ("task", "measure"):
            found = c
    return found


# What a deadline cell holds. matches: "2024年6月底前", "年底前", "长期坚持" ; must not match: "区政数局"
_DEADLINE_CELL = re.compile(r"(?:19|20)\d\d|[年月]|季度|长期|持续|常态")


def _fits(role: str | None, work: str, s: int, e: int) -> bool:
    """The paragraph can be a cell of a column of this role: units in a unit column, a date in a
    deadline column; anything in another."""
    if role in ("lead", "co"):
        return _names_units(work, s, e)
    if role == "deadline":
        return e - s <= 24 and _DEADLINE_CELL.search(work, s, e) is not None
    return True


def _place(work: str, s: int, e: int, post: list[tuple[int, int]], roles: list[str | None], c: int) -> bool:
    """Put the paragraph in column ``c`` of the row, or in a later column of its kind when the
    cells between were blank (a blank cell leaves no paragraph); False when it fits none. Unit
    names go to the unit column after a text column (the text cells before were merged)."""
    units_later = roles[c] in ("task", "measure", None) and any(r in ("lead", "co") for r in roles[c + 1 :])
    if _fits(roles[c], work, s, e) and not (units_later and post and _names_units(work, s, e)):
        post.append((s, e))
        return True
    for later in range(c + 1, len(roles)):
        if roles[later] in ("lead", "co", "deadline") and _fits(roles[later], work, s, e):
            post.extend((s, s) for _ in range(later - c))  # blank cells, not merged ones
            post.append((s, e))
            return True
    if roles[c] in ("lead", "co") and not _names_units(work, s, e):
        # A unit column before the task's (牵头单位 / 目标任务 / 责任单位), merged down a block
        # of rows: the rows below its first open with their work.
        for later in range(c + 1, len(roles)):
            if roles[later] in ("task", "measure"):
                post.extend((s, s) for _ in range(later - c))
                post.append((s, e))
                return True
    return False


def _names_units(work: str, s: int, e: int) -> bool:
    """The paragraph is a list of unit names (``rowfit.names_units``), not the leading cell of the
    next row ("“美丽家园”建设") or a section of the table."""
    return names_units(work[s:e])


# Documents whose line breaks were lost (a notice and its plan copied as one line of thousands of
# characters: "…如下:一、工作目标…。二、工作职责(一)市工信局:落实…。(二)…三、时间安排(一)摸底排查
# (2022年5月底前)。…1.第一阶段(…)。…"). Their headings are found by their sequence (一、 二、 …;
# (一) (二) … restarting under each 一、; 1. 2. … under each (一)) and where each stands (after a
# sentence's end, or right after a heading of a level above with a short title: "二、工作职责(一)"),
# and the text is read as if a line break stood before each. Enumerators cited inside a sentence
# ("第(三)项", "1.5倍", "(2020)63号") stand after no sentence end, or break the sequence.
# A line this long with two top headings in sequence holds a whole plan, not one paragraph.
_ONE_LINE = 500
# How many lines a text may have to be looked at: a text with lost line breaks has a few (its title
# and byline may have kept theirs); a text with many is laid out (no line is walked).
_FEW_LINES = 40
# matches: "二、", "十一、", "(三)", "（十）", "2.", "12．" ; must not match: "1.5" (a decimal)
_INLINE_ENUMERATOR = re.compile(
    r"(?P<top>[一二三四五六七八九十]{1,3})、|[(（](?P<sub>[一二三四五六七八九十]{1,3})[)）]|(?<!\d)(?P<third>\d{1,2})[.．](?!\d)"
)
# What ends a sentence or a clause before a heading in the run-together text.
_BEFORE_INLINE_HEADING = frozenset("。；;：:！!？?")
# The longest title of a heading that the first item below it may follow directly ("二、工作职责(一)").
_INLINE_TITLE = 25
_TITLE_STOPS = frozenset("，,。；;：:！!？?、")


def lost_line_breaks(text: str) -> list[int]:
    """Where a line break was lost before a heading of a text copied as one line (see
    ``_ONE_LINE``): the offsets, in order, before which the text is read as if one stood."""
    if len(text) < _ONE_LINE or text.count("\n") > _FEW_LINES:
        return []
    breaks: list[int] = []
    ls = 0
    while ls < len(text):
        le = text.find("\n", ls)
        if le < 0:
            le = len(text)
        if le - ls >= _ONE_LINE:
            breaks.extend(_line_headings(text, ls, le))
        ls = le + 1
    return breaks


def _line_headings(text: str, ls: int, le: int) -> list[int]:
    """The headings of one long line found by their sequence and place (``lost_line_breaks``)."""
    found: list[int] = []
    top = sub = third = 0
    carried = 0  # the last item of the part before: some plans number items on across parts
    tops = subs = 0
    last_end = -1  # where the last heading taken ends, and its level
    last_level = 0
    for m in _INLINE_ENUMERATOR.finditer(text, ls, le):
        at = m.start()
        if m["top"] is not None:
            level, n = 1, parse_chinese(m["top"])
            want = top + 1
        elif m["sub"] is not None:
            level, n = 2, parse_chinese(m["sub"])
            want = sub + 1
        else:
            if not sub:
                continue
            level, n = 3, int(m["third"])
            want = third + 1
        if n != want and not (level == 2 and not sub and n == carried + 1 > 1):
            continue
        placed = at == ls or text[at - 1] in _BEFORE_INLINE_HEADING
        if not placed and last_level == level - 1 and last_end >= 0:
            title = text[last_end:at]
            placed = 2 <= len(title) <= _INLINE_TITLE and not any(c in _TITLE_STOPS for c in title)
        if not placed:
            continue
        if level == 1:
            top, sub, third, carried = n, 0, 0, sub or carried
            tops += 1
        elif level == 2:
            sub, third = n, 0
            subs += 1
        else:
            third = n
        if at > ls:
            found.append(at)
        last_end, last_level = m.end(), level
    return found if tops >= 2 or (not tops and subs >= 3) else []
