"""Layout: the document as one text with offsets, and the tables found in it.

Real tables (docx, xlsx, html, pdf) are laid out as text, a row a line and cells separated by
tabs, so that every cell has offsets like any other text. Tables that a plain-text file holds
flattened (a cell a line behind a tab, rows separated by blank lines, as text copied out of a
word processor gives them; or a row a line with tab-separated cells) are found again here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .model import Paragraph, Source, Table

__all__ = ["Cell", "Grid", "Layout", "lay_out", "find_text_grids"]


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
    if work.find("|", start, end) >= 0:
        # A markdown copy of a web page keeps its tables as rows of cells between pipes.
        pipes = [g for g in _pipe_grids(work, start, end) if not any(_overlap(g, o) for o in grids)]
        if pipes:
            merged = sorted([*grids, *pipes], key=lambda g: g.start)
            grids = [Grid(first_index + i, g.rows, g.start, g.end) for i, g in enumerate(merged)]
    return grids


def _overlap(a: Grid, b: Grid) -> bool:
    return a.start < b.end and b.start < a.end


# A row of a markdown table: a line that opens with a pipe.
# matches: "| 1 | 推进审批改革 | 区政数局 |" ; must not match: "推进 | 改革" (no pipe at the start)
_PIPE_ROW = re.compile(r"[^\S\n]*\|[^\n]*")
# The rule under a markdown table's heading row. matches: "|---|:--:|" ; must not match: "| 1 | 区 |"
_PIPE_RULE = re.compile(r"[\s|:\-]*")


def _pipe_grids(work: str, start: int, end: int) -> list[Grid]:
    """Markdown tables: rows of cells between pipes, the rule under the heading row left out."""
    grids: list[Grid] = []
    rows: list[tuple[Cell, ...]] = []
    table_start = last_end = -1
    for ls, line in _line_texts(work, start, end):
        m = _PIPE_ROW.fullmatch(line)
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
        first = ls + line.index("|") + 1
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
    row: list[list[int]] = []  # [start, end] per cell
    last_end = start
    ls = start
    for line in work[start:stop].split("\n"):
        if line[:1] == "\t":
            le = ls + len(line)
            row.append([ls + 1, le])
            last_end = le
        elif not line.strip():
            if row:
                rows.append(tuple([_cell(Cell, (s, e, False)) for s, e in row]))
                row = []
        else:
            # A cell broken across lines continues here (a line of text after a blank line
            # ends the table: the stop).
            le = ls + len(line)
            row[-1][1] = le
            last_end = le
        ls += len(line) + 1
    if row:
        rows.append(tuple([_cell(Cell, (s, e, False)) for s, e in row]))
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
        parts = line.split("\t")
        if len([p for p in parts if p.strip()]) >= 2:
            if table_start < 0:
                table_start = ls
            cells = []
            pos = ls
            for p in parts:
                cells.append(Cell(pos, pos + len(p)))
                pos += len(p) + 1
            rows.append(tuple(cells))
            last_end = le
        elif line.strip() or rows:
            if len(rows) >= 2:
                grids.append(Grid(first_index + len(grids), tuple(rows), table_start, last_end))
            rows, table_start = [], -1
    if len(rows) >= 2:
        grids.append(Grid(first_index + len(grids), tuple(rows), table_start, last_end))
    return grids
