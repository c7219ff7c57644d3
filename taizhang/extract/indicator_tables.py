"""Tables of indicators (主要指标表): a row an indicator, a column a year.

Five-year plans and annual plans give their quantified goals as a table::

    序号  指标                  2020年   2025年   年均增长   属性
    1     地区生产总值(亿元)     1250     1750     7%左右     预期性

``table_metrics(text, work, grid, info)`` reads such a grid (a table that is not a task table):
the header row names the year of each column (``2020年``, ``2025年目标``, ``基期值``, ``目标值``)
and the growth columns (``年均增长``); each other row names its indicator and, in parentheses or
in a unit column, its unit (``亿元`` scales by 10^8). A figure of a year before the document's
own (or of the base column) is an actual, the others targets. A grid with no year column is not
a table of indicators (None: its rows are read as running text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Cell, Grid
from .model import DocInfo, Metric, Span
from .numbers import MAGNITUDES, NumberError, parse_number, scale

__all__ = ["table_metrics"]

# A header cell naming a year: the year, and what the column holds.
# matches: "2020年", "2025年目标", "2020年(基期)", "2025" ; must not match: "2020-2025年" (a period),
# "指标"
_YEAR_HEADER = re.compile(
    r"^(?P<y>(?:19|20)\d{2})[ \t]*年?[ \t]*(?:[(（]?[ \t]*(?P<what>[^\d()（）]{0,6})[)）]?)?$"
)
# A header cell of the base or the goal of a plan without its year.
# matches: "基期值", "现状值", "目标值", "规划目标" ; must not match: "指标属性"
_BASE_HEADER = re.compile(r"^(?:基期|基数|现状|基准)值?$")
_GOAL_HEADER = re.compile(r"^(?:规划)?目标值?$|^规划值$")
# What a year column holds when it is the base of a plan, not a goal.
# matches: "基期", "现状", "完成", "实际" ; must not match: "目标", "预期"
_BASE_WORDS = ("基期", "基数", "现状", "基准", "完成", "实际", "实绩")
# A growth column. matches: "年均增长", "年均增速(%)", "增长率" ; must not match: "增长点"
_GROWTH_HEADER = re.compile(r"年均增[长速]|增长率|^增[长速]")
# The indicator and unit columns. matches: "指标", "指标名称", "主要指标" / "单位", "计量单位"
_INDICATOR_HEADER = re.compile(r"指标(?:名称)?$|^项目$")
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
# A unit in parentheses at the end of an indicator's name.
# matches: "(亿元)", "（%）", "(万人)" ; must not match: "(含教学点)" (no unit: it is kept as the name)
_UNIT_IN_NAME = re.compile(r"[(（][ \t]*(?P<u>[^()（）]{1,8})[ \t]*[)）][ \t]*$")
# A unit: a magnitude and the unit it scales. matches: "亿元", "万人", "%", "人/万人" ; must not
# match: "含教学点"
_UNIT = re.compile(r"^(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千)?(?P<u>%|‰|个百分点|[^\d\s]{1,6})$")
# A figure in a cell. matches: "1250", "7%左右", "<5.5", "≥75", "[0.9]", "〔5〕" ; must not match:
# "—", "预期性"
_CELL = re.compile(
    r"^[ \t]*(?P<pre>[<>≤≥＜＞]=?|不低于|不高于|不超过|大于|小于|超过)?[ \t]*[\[〔【(（]?[ \t]*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)[ \t]*(?P<pct>%)?[ \t]*[\]〕】)）]?[ \t]*(?P<post>以上|以下|左右|以内)?[ \t]*$"
)
_PRE = {
    "<": "<",
    ">": ">",
    "<=": "<=",
    ">=": ">=",
    "≤": "<=",
    "≥": ">=",
    "＜": "<",
    "＞": ">",
    "不低于": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "大于": ">",
    "小于": "<",
    "超过": ">",
}
_POST = {"以上": ">=", "以下": "<=", "左右": "~", "以内": "<="}
# Words of units known to the reader (a unit column may hold any other as written).
_KNOWN_UNITS = frozenset(
    "元 人 个 家 项 件 户 亩 公顷 平方米 平方公里 公里 吨 吨标准煤 千瓦 千瓦时 人次 张 所 座 套 辆 % ‰ 个百分点 年 岁 天 小时".split()
)


@dataclass(frozen=True)
class _Column:
    index: int
    year: int | None
    kind: str  # "actual" | "target"
    growth: bool


def table_metrics(text: str, work: str, grid: Grid, info: DocInfo) -> list[Metric] | None:
    """The metrics of a table of indicators, or None when ``grid`` is not one."""
    if len(grid.rows) < 2:
        return None
    header_at, columns, name_col, unit_col = _header(work, grid, info)
    if header_at is None:
        return None
    out: list[Metric] = []
    for row in grid.rows[header_at + 1 :]:
        cells = [_cell_text(work, c) for c in row]
        if name_col >= len(row):
            continue
        name_cell = row[name_col]
        name = _cell_text(text, name_cell)
        if not name or _CELL.match(name):
            continue
        unit_cell = cells[unit_col] if unit_col is not None and unit_col < len(row) else ""
        multiplier, unit, name = _unit_of(name, unit_cell)
        span = Span(min(c.start for c in row), max(c.end for c in row))
        span_text = text[span.start : span.end]
        for col in columns:
            if col.index >= len(row):
                continue
            m = _CELL.match(cells[col.index])
            if m is None:
                continue
            try:
                value = parse_number(m["num"])
            except NumberError:
                continue
            comparator = _PRE.get(m["pre"] or "", "") or _POST.get(m["post"] or "", "") or "="
            raw = cells[col.index]
            if col.growth:
                # The growth of a share is in points: 研发经费投入强度(%) … [0.9]
                points = "个百分点" if unit == "%" else "%"
                out.append(_metric(col, f"{name}年均增长", value, points, comparator, span, span_text, raw))
                continue
            if m["pct"]:
                out.append(_metric(col, name, value, "%", comparator, span, span_text, raw))
                continue
            if unit is None:
                continue
            value = scale(value, multiplier) if multiplier else value
            out.append(_metric(col, name, value, unit, comparator, span, span_text, raw))
    return out or None


def _metric(
    col: _Column, name: str, value: float, unit: str, comparator: str, span: Span, span_text: str, raw: str
) -> Metric:
    return Metric(
        kind="actual" if col.kind == "actual" else "target",
        indicator=name,
        value=value,
        unit=unit,
        comparator=comparator,
        year=col.year,
        span_text=span_text,
        span=span,
        raw=raw.strip(),
    )


def _cell_text(text: str, cell: Cell) -> str:
    return text[cell.start : cell.end].replace("\n", "").strip()


def _header(work: str, grid: Grid, info: DocInfo) -> tuple[int | None, list[_Column], int, int | None]:
    """(row of the header, the columns of figures, the column of the names, the column of the units)
    of the first of the first three rows that names a year column."""
    end_year = info.period_end if info.period_end is not None else info.year
    base_year = info.period_start - 1 if info.period_start is not None else None
    for r, row in enumerate(grid.rows[:3]):
        cells = [_cell_text(work, c) for c in row]
        columns: list[_Column] = []
        name_col: int | None = None
        unit_col: int | None = None
        for i, cell in enumerate(cells):
            compact = cell.replace(" ", "")
            y = _YEAR_HEADER.match(compact)
            if y:
                year = int(y["y"])
                what = y["what"] or ""
                base = any(w in what for w in _BASE_WORDS)
                actual = base or (info.year is not None and year < info.year)
                columns.append(_Column(i, year, "actual" if actual else "target", False))
            elif _BASE_HEADER.match(compact) and base_year is not None:
                columns.append(_Column(i, base_year, "actual", False))
            elif _GOAL_HEADER.match(compact):
                columns.append(_Column(i, end_year, "target", False))
            elif _GROWTH_HEADER.search(compact):
                columns.append(_Column(i, end_year, "target", True))
            elif _UNIT_HEADER.match(compact):
                unit_col = i
            elif name_col is None and _INDICATOR_HEADER.search(compact):
                name_col = i
        if not any(c.year is not None and not c.growth for c in columns):
            continue
        if name_col is None:
            # The names are in the first column that is not a number (序号 is).
            taken = {k.index for k in columns}
            name_col = next((i for i, c in enumerate(cells) if c and not c.isdigit() and i not in taken), 0)
        return r, columns, name_col, unit_col
    return None, [], 0, None


def _unit_of(name: str, unit_cell: str) -> tuple[str | None, str | None, str]:
    """(magnitude, base unit, name without the unit) of an indicator's name and unit cell; the unit
    is None when neither gives one."""
    written = unit_cell.strip()
    m = _UNIT_IN_NAME.search(name)
    if not written and m is not None:
        written = m["u"].strip()
        name = name[: m.start()].rstrip()
    if not written:
        return None, None, name
    u = _UNIT.match(written)
    if u is None:
        return None, written, name
    mag, base = u["mag"], u["u"]
    if mag and base not in _KNOWN_UNITS and base[:1] not in {"元", "人", "吨"}:
        return None, written, name  # 万元/人 and the like stay as written
    if base == "%":
        return None, "%", name
    return (mag if mag in MAGNITUDES else None), base, name
