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
from collections.abc import Sequence
from dataclasses import dataclass

from .docinfo import numbered_plan_period
from .layout import Cell, Grid
from .model import DocInfo, Metric, Span
from .numbers import MAGNITUDES, NumberError, parse_number, scale

__all__ = ["AreaRow", "area_rows", "flat_area_rows", "table_metrics", "target_cell_metrics"]

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
# matches: "单位", "计量单位", "指标单位" (黄浦区's 十四五 historic areas plan, tune, heads its table of
# indicators so) ; must not match: "责任单位", "单位名称"
_UNIT_HEADER = re.compile(r"^(?:计量|指标)?单位$")
# A unit in parentheses at the end of an indicator's name.
# matches: "(亿元)", "（%）", "(万人)" ; must not match: "(含教学点)" (no unit: it is kept as the name)
_UNIT_IN_NAME = re.compile(r"[(（][ \t]*(?P<u>[^()（）]{1,8})[ \t]*[)）][ \t]*$")
# A unit: a magnitude and the unit it scales. matches: "亿元", "万人", "%", "人/万人" ; must not
# match: "含教学点"
_UNIT = re.compile(r"^(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千)?(?P<u>%|‰|个百分点|[^\d\s]{1,6})$")
# The words of a comparator a cell writes before its figure (the keys of _PRE) and after it (of _POST).
_CELL_PRE = r"(?P<pre>[<>≤≥＜＞]=?|不低于|不高于|不超过|大于|小于|超过)"
_CELL_POST = r"(?P<post>以上|以下|左右|以内)"
# A figure in a cell. matches: "1250", "7%左右", "<5.5", "≥75", "[0.9]", "〔5〕" ; must not match:
# "—", "预期性"
_CELL = re.compile(
    rf"^[ \t]*{_CELL_PRE}?[ \t]*[\[〔【(（]?[ \t]*"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)[ \t]*(?P<pct>%)?[ \t]*[\]〕】)）]?[ \t]*{_CELL_POST}?[ \t]*$"
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


def _comparator(m: re.Match[str]) -> str:
    """The comparator of a cell's figure read with its groups ``pre`` and ``post`` (_PRE, _POST): "="
    when it writes none."""
    return _PRE.get(m["pre"] or "", "") or _POST.get(m["post"] or "", "") or "="


# Words of units known to the reader (a unit column may hold any other as written).
_KNOWN_UNITS = frozenset(
    "元 人 个 家 项 件 户 亩 公顷 平方米 平方公里 公里 吨 吨标准煤 千瓦 千瓦时 人次 张 所 座 套 辆 场 场次 % ‰ 个百分点 年 岁 天 小时".split()
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
    if _headed_by_areas(work, grid):
        # (a table by 街镇 whose second header row gives each indicator's years is not a table of
        # indicators a row each)
        read = _place_table_metrics(text, work, grid, info)
        if read is not None:
            return read
    header_at, columns, name_col, unit_col = _header(work, grid, info)
    if header_at is None:
        placed = _place_table_metrics(text, work, grid, info)
        return placed if placed is not None else _review_table_metrics(text, work, grid, info)
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
            figure = _cell_figure(cells[col.index])
            if figure is None:
                if unit is None and not col.growth:
                    out.extend(_figure_with_its_unit(col, name, cells[col.index], span, span_text))
                continue
            m, value = figure
            comparator = _comparator(m)
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


# A figure in a cell with its own unit, in a table whose indicators name none (a 任务分解表: 指标名称 /
# 2023年目标 / 牵头单位, the target cell 150亿元). matches: "150亿元", "6000人以上", "≥3家" ; must not
# match: "6.5%" (read by _CELL), "2023年底" (no known unit), "区发改局"
_CELL_WITH_UNIT = re.compile(
    rf"^[ \t]*{_CELL_PRE}?[ \t]*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)[ \t]*(?P<unit>(?:万亿|千亿|百亿|千万|百万|亿|万|千)?[^\d\s()（）\[\]%<>≤≥]{1,5}?)"
    rf"[ \t]*{_CELL_POST}?[ \t]*$"
)


def _figure_with_its_unit(col: _Column, name: str, cell: str, span: Span, span_text: str) -> list[Metric]:
    """The figure of a cell that writes its own unit (150亿元) as one metric, when the unit is one of
    the known ones; else none."""
    m = _CELL_WITH_UNIT.match(cell)
    if m is None:
        return []
    u = _UNIT.match(m["unit"])
    if u is None or u["u"] not in _KNOWN_UNITS:
        return []
    try:
        value = parse_number(m["num"])
    except NumberError:
        return []
    if u["mag"]:
        value = scale(value, u["mag"])
    comparator = _comparator(m)
    return [_metric(col, name, value, u["u"], comparator, span, span_text, cell.strip())]


# The tail of a measure that is a ratio (衡量标准): its "*100%" and the unit counted, "(单位:场数)".
# matches: "*100%(單位:場數)", "×100%", "(单位:家)" ; must not match: "100%" (no operator)
_RATIO_TAIL = re.compile(
    r"[^\S\n]*(?:[*×＊][^\S\n]*100[^\S\n]*[%％])?[^\S\n]*(?:[(（][单單]位[:：][^()（）]{1,8}[)）])?$"
)


def target_cell_metrics(text: str, work: str, name: str, cell: Cell, year: int | None) -> list[Metric]:
    """The target a table of performance targets gives in ``cell`` for the indicator ``name`` (关键
    绩效指标 / 年度目标值: "35%", "20万人次"), of ``year``: one metric, or none when the cell holds
    no figure of a known unit. A measure that is a ratio names it without its "*100%(单位:…)"."""
    tail = _RATIO_TAIL.search(name)
    if tail is not None and 0 < tail.start() < tail.end():
        name = name[: tail.start()]
    raw = _cell_text(work, cell)
    col = _Column(0, year, "target", False)
    span = Span(cell.start, cell.end)
    span_text = text[cell.start : cell.end]
    own = _figure_with_its_unit(col, name, raw, span, span_text)
    if own:
        return own
    figure = _cell_figure(raw)
    if figure is None or not figure[0]["pct"]:
        return []
    m, value = figure
    return [_metric(col, name, value, "%", _comparator(m), span, span_text, raw)]


def _cell_figure(cell: str) -> tuple[re.Match[str], float] | None:
    """The match of ``_CELL`` in a cell and its number, or None when the cell holds no figure."""
    m = _CELL.match(cell)
    if m is None:
        return None
    try:
        return m, parse_number(m["num"])
    except NumberError:
        return None


# A column heading of a review's table that gives what the column measures and its unit in
# parentheses, the year being the one reviewed (统计公报 tables: 绝对数(亿元) | 比上年增长(%)).
# matches: "绝对数(亿元)", "比上年增长(%)", "总量（万吨）" ; must not match: "指标", "2021年(亿元)" (a year column)
_MEASURE_HEADER = re.compile(r"^(?P<what>[^()（）\d]{0,8})[(（](?P<u>[^()（）]{1,6})[)）]$")
# A column of the change against the year before. matches: "比上年增长", "同比增减", "增长" ; must not
# match: "绝对数", "总量"
_CHANGE_HEADER = re.compile(r"比上年|同比|增[长速减幅]")


def _review_table_metrics(text: str, work: str, grid: Grid, info: DocInfo) -> list[Metric] | None:
    """A table of a review of one year with no year column (a 统计公报's 表1 2019年某市生产总值:
    | 绝对数(亿元) | 比上年增长(%) | above rows 地区生产总值 | 617.50 | 5.2 |): each row names its
    indicator in its first cell, each column heading says what it measures and in what unit; every
    figure is an actual of the year reviewed, a change column's a growth of its row. The heading row
    may lack the cell over the names (a web table copied with its corner cell empty)."""
    if info.reviews is None or len(grid.rows) < 2:
        return None
    header = [re.sub(r"\s+", "", _cell_text(work, c)) for c in grid.rows[0]]
    width = max(len(r) for r in grid.rows[1:])
    offset = width - len(header)  # 1 when the corner cell was dropped
    if offset not in (0, 1):
        return None
    measures: list[tuple[int, str, str]] = []
    for i, h in enumerate(header):
        if i + offset == 0:
            continue  # the corner over the names (指标, 项目, or empty)
        m = _MEASURE_HEADER.match(h)
        if m is None:
            return None  # a column of another kind: no table of this form
        measures.append((i + offset, m["what"], m["u"]))
    if not measures:
        return None
    col = _Column(0, info.reviews, "actual", False)
    out: list[Metric] = []
    for row in grid.rows[1:]:
        if len(row) != width:
            continue
        name = _cell_text(text, row[0])
        if not name or _CELL.match(name):
            continue
        span = Span(min(c.start for c in row), max(c.end for c in row))
        span_text = text[span.start : span.end]
        for at, what, written in measures:
            raw = _cell_text(work, row[at])
            figure = _cell_figure(raw)
            if figure is None:
                continue
            value = figure[1]
            if _CHANGE_HEADER.search(what):
                points = "个百分点" if written == "个百分点" else "%"
                out.append(_metric(col, f"{name}{what}", value, points, "=", span, span_text, raw))
                continue
            multiplier, unit, _ = _unit_of(name, written)
            if unit is None:
                continue
            value = scale(value, multiplier) if multiplier else value
            out.append(_metric(col, name, value, unit, "=", span, span_text, raw))
    return out or None


def _place_table_metrics(text: str, work: str, grid: Grid, info: DocInfo) -> list[Metric] | None:
    """A table of targets handed out by place with no year column: a header of indicators with
    their units (街道 | 新建公厕(座) | 改造公厕(座)), then a row for each sub-district (街道, 乡镇,
    部门) with its figures; each figure is a target of its row for its column's indicator, for the
    plan's year (its last). The grid form of the matrices matrix_metrics reads flattened (静安区's
    垃圾分类 指标分解表 by 街镇; 县 任务分解表 by 乡镇). Only a table titled as targets handed out
    (指标/目标/任务/计划/分解/分配 …表) is read so, not an inventory by owner. A second header row may
    give each indicator's years or units (as 静安区's 2024 matrix by 街镇, flattened, gives its years);
    a first row that is the table's title alone is its title."""
    title, rows = _titled(work, grid)
    if not _MX_TITLE.search(title):
        return None
    header = [re.sub(r"\s+", "", _cell_text(work, c)) for c in rows[0]]
    # A first column of sequence numbers (序号 | 街镇 | 达标小区(个)): the places are in the next. Tables
    # of the tune part open with 序号 so (柯桥区's 2023 民生实事 progress table, 临安区's of 2022).
    first = 1 if header and _FLAT_SEQ.match(header[0]) and len(header) > 2 else 0
    # A second header row (its place cell empty, or the first's merged down): the years under each
    # indicator (精品小区（个） over 2019年 | 2020年) or the indicators' units (精品小区 over （个）).
    col_years: dict[int, int] = {}
    if len(rows) > 2:
        sub = [re.sub(r"\s+", "", _cell_text(work, c)) for c in rows[1]]
        if len(sub) > first and sub[first] in ("", header[first]) and len(sub) == len(header):
            named = False
            for i in range(first + 1, len(sub)):
                y = _MX_YEAR.fullmatch(sub[i])
                if y is not None:
                    col_years[i] = int(y["end"] or sub[i][:4])
                elif _UNIT_CELL.fullmatch(sub[i]) and sub[i] not in header[i]:
                    header[i] += sub[i]
                    named = True
            if col_years or named:
                rows = rows[1:]
    # The unit of the whole table in a line above it (单位:个), for headings with none of their own.
    above = _UNIT_LINE.search(work, max(0, grid.start - 80), grid.start)
    cols: list[tuple[int, str, str | None, str]] = []  # (column, name, magnitude, unit)
    for i, c in enumerate(header[first + 1 :], first + 1):
        m = _MX_INDICATOR.fullmatch(c)
        if m is None or not _unit_word(c, 0, len(c)):
            if above is not None and c and not _is_figure(c) and _MX_INDICATOR.fullmatch(c) is None:
                mult, unit, _ = _unit_of("", above["u"])
                if unit is not None:
                    cols.append((i, c, mult, unit))
            continue
        mult, unit, _ = _unit_of("", m["u"])
        if unit is not None:
            cols.append((i, m["name"], mult, unit))
    if not cols:
        return None
    year = info.period_end if info.period_end is not None else info.year
    out: list[Metric] = []
    for row in rows[1:]:
        cells = [re.sub(r"\s+", "", _cell_text(work, c)) for c in row]
        if first and len(cells) > first and not cells[first] and _MX_TOTAL.fullmatch(cells[0]):
            cells[first] = cells[0]  # 合计 in the sequence column, the place's cell empty
        if len(cells) <= first or not cells[first] or len(cells[first]) > 16 or _is_figure(cells[first]):
            continue
        label = cells[first]
        whole = _MX_TOTAL.match(label) is not None
        span = Span(min(c.start for c in row), max(c.end for c in row))
        for i, name, mult, unit in cols:
            if i >= len(cells) or _MX_VALUE.fullmatch(cells[i]) is None:
                continue
            v = cells[i]
            pct = v.endswith("%")
            try:
                value = parse_number(v.rstrip("%"))
            except NumberError:
                continue
            value = scale(value, mult) if mult and not pct else value
            at = col_years.get(i, year)
            out.append(
                Metric(
                    kind="actual"
                    if info.year is not None and at is not None and at < info.year
                    else "target",
                    indicator=name if whole else label + name,
                    value=value,
                    unit="%" if pct else unit,
                    comparator="=",
                    year=at,
                    span_text=text[span.start : span.end],
                    span=span,
                    raw=_cell_text(text, row[i]).strip(),
                )
            )
    return out or None


# A header cell that is a unit alone, under its indicator's cell. matches: "(个)", "（吨/日）" ; must not
# match: "(2019年)"
_UNIT_CELL = re.compile(r"[(（][^()（）\d]{1,4}[)）]")


def _headed_by_areas(work: str, grid: Grid) -> bool:
    """Whether the header of ``grid`` names a column of areas (街镇, 乡镇) and an indicator with its
    unit (精品小区（个）)."""
    _, rows = _titled(work, grid)
    header = [re.sub(r"\s+", "", _cell_text(work, c)) for c in rows[0]]
    return any(_AREA_HEADER.match(h) for h in header) and any(
        len(h) <= _MX_CELL_MAX and _MX_INDICATOR.fullmatch(h) and _unit_word(h, 0, len(h)) for h in header
    )


def _titled(work: str, grid: Grid) -> tuple[str, tuple[tuple[Cell, ...], ...]]:
    """The title of ``grid`` and its rows from its header on: the line before it, or its first row
    when that row is a title alone (a sheet whose first row is 2019年各街镇目标任务分解表, merged over
    the columns)."""
    rows = grid.rows
    filled = [c for c in rows[0] if c.end > c.start and _cell_text(work, c)]  # (merged: one text)
    if len(rows) > 2 and len({(c.start, c.end) for c in filled}) == 1 and len(rows[0]) > 1:
        title = _cell_text(work, filled[0])
        if title.endswith("表"):
            return title, rows[1:]
    return _title_before(work, grid.start), rows


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


# ---------------------------------------------------------------------------------------------
# Tables of indicators flattened into text: a cell a line (or a cell a paragraph)
#
# A plan's 主要指标 table copied out of a web page or a word processor loses its grid: each cell
# comes on its own line, in reading order, the rows led by their sequence number::
#
#     序号 / 指标名称 / 单位 / 属性 / “十四五”完成值 / “十五五”目标值
#     1 / 旧住房成套改造任务 / 万平方米 / 预期性 / 25 / 1.4
#
# with the cells either on consecutive lines (rows then separated by a blank line) or each a
# paragraph of its own (blank lines between all cells, a cell broken over two lines: "基准值\n
# （2020年）"). Cells merged down a column (a category, a first-level indicator) are printed once,
# so a row can be shorter than the header; its cells are aligned from the right, where the figures
# are. Seen in the district plans of 闵行 (十五五 urban renewal: line per cell) and 崇明 (十四五
# water: paragraph per cell).

# A header cell of the figures: a base or a goal, with or without a year or a five-year period.
# matches: "基准值（2020年）", "目标值", "“十四五”完成值", "2025年目标值", "现状值" ; must not match:
# "指标名称", "指标属性"
_FLAT_VALUE = re.compile(r"(?:基期|基准|基数|现状|完成|实际|目标|规划|预期)值")
_FLAT_VALUE_WORDS = frozenset({"基期", "基准", "基数", "现状", "完成", "实际", "目标", "规划", "预期"})
# A header cell of the figures that names its five-year period and what the column holds, with no
# 值: "“十四五”现状", "“十五五”目标", "十三五末实际" (普陀区's 十五五 greening plan, tune, heads its
# 主要指标表 so; the 闵行 plan writes "“十五五”目标值"). Found by its own scan: the one for 值 misses it.
# matches: "“十四五”现状", "十五五目标", "“十三五”期末完成" ; must not match: "“十四五”时期", "十五五规划纲要"
_FLAT_PERIOD_VALUE = re.compile(
    r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:期末|末)?(?:基期|基准|基数|现状|完成|实际|目标|规划|预期)值?$"
)
# Where such a cell stands alone on its line (the scan opens with the literal 十 the engine skips to).
_FLAT_PERIOD_VALUE_LINE = re.compile(
    r"十[一二三四五六七八九]五[”\"]?(?:期末|末)?(?:基期|基准|基数|现状|完成|实际|目标|规划|预期)值?[ \t]*(?:\n|$)"
)
# What a plan's table says of an indicator in its 属性 column: never a row's first cell, so a
# number before it is the row's figure, not the next row's number (红色文物…修缮改造 / 处 / 4 / 预期性
# in 黄浦区's table, where 4 is also the next row's number).
_FLAT_PROP_VALUES = frozenset({"预期性", "约束性", "指导性", "预期", "约束"})
# A year or a five-year period standing alone in a header line (joined to the value word next to
# it). matches: "“十四五”", "(2020年)", "2025年" ; must not match: "2020-2025年"
_FLAT_PERIOD = re.compile(r"^[“\"(]?(?:十[一二三四五六七八九]五|(?:19|20)\d{2}年?)[”\")]?$")
# The n-th five-year plan named in a header ("“十四五”完成值"): its years by docinfo.five_year_period.
_FLAT_PLAN = re.compile(r"十(?P<n>[一二三四五六七八九])五")
# A header cell of the other columns. matches: "序号", "单位", "属性", "指标\n属性", "年均增长"
_FLAT_SEQ = re.compile(r"^(?:序号|编号)$")
_FLAT_SEQ_NEAR = re.compile(r"(?:^|\n)[ \t]*(?:序号|编号)[ \t]*\n")
_FLAT_PROP = re.compile(r"^(?:指标)?(?:属性|性质)$")
# A column of notes or of an assessment, not of names (备注, 完成情况, 进展评价: the review table of
# 普陀区's 十五五 water plan, tune, closes so).
_FLAT_NOTE_HEADING = re.compile(r"^(?:备注|说明|完成情况|进展评价|进展情况|评价)$")
# A heading of a column of names, groups or notes (kept in the header when a column stands before
# 序号). matches: "指标名称", "板块", "类别", "领域", "备注", "完成情况" ; must not match: "绿化",
# "水安全" (a group's cell)
_FLAT_HEADING_NAME = re.compile(r"指标|名称|项目|类[别型]|板块|领域|层级|分类|备注|说明|情况|评价|来源")
_FLAT_GROWTH = re.compile(r"年均|增[长速]")
# A header line: short, no sentence marks, not a title or a numbered heading.
_FLAT_NOT_HEADER = re.compile(
    r"[。，,；;：:]|表$|^\d+[、．]|^\d+\.(?!\d)|^[一二三四五六七八九十]+、|^\([一二三四五六七八九十]+\)|^专栏"
)
# Where the rows of such a table end: a note, a heading or the next annex (附件2：, as 黄浦区's 十四五
# historic areas plan, tune, follows its table of indicators with its list of projects).
_FLAT_END = re.compile(
    r"^(?:注|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[、．]|\d+\.(?!\d)|专栏|第[一二三四五六七八九十]+[章节部分]"
    r"|附[件表][\d一二三四五六七八九十]*[:：]?$)"
)
# A figure in a flattened cell. matches: "46%", "≥73%", "(86.4%)", "120.14\n平方公里", ">1.5",
# "≥98%(除危废外)", "≥2000", "95以上" (以上 the comparator, not a unit), "6.3m3" and "21km" (a unit in
# Latin letters, an exponent after it: 普陀区's 十五五 water plan, tune) ; must not match: "-", "/",
# "启动8个城中村整体改造项目"
_FLAT_CELL = re.compile(
    r"^(?P<pre>[<>≤≥]=?|不低于|不高于|不超过|大于|小于|超过)?\s*(?P<open>[\[〔【(])?\s*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<u>%|‰|[A-Za-z]{1,3}[23²³](?:/[A-Za-z]{1,2})?|(?!以上|以下|左右|以内)[^\d\s()\[\]〔〕【】%]{1,6})?\s*[\]〕】)]?\s*"
    r"(?P<post>以上|以下|左右|以内)?\s*(?:\([^()]{1,12}\))?$"
)
# A table's note on the figures in parentheses. matches: "注：括号内数据为2019年平均值" ; must not
# match: "注：[]内为五年累计数"
_FLAT_NOTE = re.compile(r"括号内[^。\n]{0,12}?(?P<y>(?:19|20)\d{2})年")
_FLAT_EMPTY = frozenset({"", "-", "/", "—", "——", "－", "--", "无"})


@dataclass(frozen=True)
class _FlatCell:
    start: int
    end: int


def flat_table_metrics(text: str, work: str, info: DocInfo) -> list[tuple[int, int, list[Metric]]]:
    """The tables of indicators of ``work`` flattened a cell a line: (start, end, metrics) each;
    and the matrices of targets by sub-area (``matrix_metrics``) outside them."""
    out = _flat_indicator_tables(text, work, info)
    for start, end, found in [*pipe_indicator_tables(text, work, info), *matrix_metrics(text, work, info)]:
        if not any(a <= start < b or start <= a < end for a, b, _ in out):
            out.append((start, end, found))
    return out


def _flat_indicator_tables(text: str, work: str, info: DocInfo) -> list[tuple[int, int, list[Metric]]]:
    out: list[tuple[int, int, list[Metric]]] = []
    # Header lines of a figures column: a value word before 值 (a search for the character, then
    # a look at the words before it), or a five-year period before its value word with no 值.
    hits = []
    at = work.find("值")
    while at >= 0:
        if work[at - 2 : at] in _FLAT_VALUE_WORDS:
            hits.append(at)
        at = work.find("值", at + 1)
    if "五" in work:
        hits.extend(m.start() for m in _FLAT_PERIOD_VALUE_LINE.finditer(work))
        hits.sort()
    pos = 0
    for at in hits:
        if at < pos:
            continue
        ls = work.rfind("\n", 0, at) + 1
        le = work.find("\n", at)
        le = len(work) if le < 0 else le
        # A header line of its own, in a header with a sequence column and a first row soon.
        if (
            le - ls <= 16
            and _FLAT_SEQ_NEAR.search(work, max(0, ls - 400), ls)
            and "\n1\n" in work[le : le + 800]
        ):
            read = _read_flat_table(text, work, ls, info)
            if read is not None:
                out.append(read)
                pos = read[1]
    return out


def _lines_from(work: str, pos: int, stop: int) -> list[tuple[int, int]]:
    out = []
    while pos < stop:
        e = work.find("\n", pos, stop)
        e = stop if e < 0 else e
        out.append((pos, e))
        pos = e + 1
    return out


def _read_flat_table(text: str, work: str, hit: int, info: DocInfo) -> tuple[int, int, list[Metric]] | None:
    """The table whose header holds the line at ``hit``: walk back over the header lines to its
    first, read the header's columns, then the rows, each led by its sequence number."""
    back = _lines_from(work, max(0, hit - 400), hit)
    if back and hit - 400 > 0:
        back = back[1:]  # the first line may be cut
    first = hit
    for s, e in reversed(back):
        line = work[s:e].strip()
        if not line:
            continue
        if len(line) > 14 or _FLAT_NOT_HEADER.search(line):
            break
        first = s
    lines = _lines_from(work, first, min(len(work), first + 6000))
    # A cell a paragraph when a blank line follows the header's first line.
    by_paragraph = len(lines) > 1 and not work[lines[1][0] : lines[1][1]].strip()
    cells: list[_FlatCell | None] = []  # None: a blank line (line mode)
    if by_paragraph:
        cur: list[tuple[int, int]] = []
        for s, e in lines:
            if work[s:e].strip():
                cur.append((s, e))
            elif cur:
                cells.append(_FlatCell(cur[0][0], cur[-1][1]))
                cur = []
        if cur:
            cells.append(_FlatCell(cur[0][0], cur[-1][1]))
    else:
        cells = [_FlatCell(s, e) if work[s:e].strip() else None for s, e in lines]

    def txt(c: _FlatCell | None) -> str:
        return "" if c is None else re.sub(r"\s+", "", work[c.start : c.end])

    # The header: up to the first row's sequence number "1" (line mode: up to the first blank).
    try:
        one = next(i for i, c in enumerate(cells[:40]) if txt(c) == "1")
    except StopIteration:
        return None
    head = cells[:one]
    if not by_paragraph and None in head:
        head = head[: head.index(None)]
    header = [txt(c) for c in head if c is not None]
    header = _join_periods(header)
    try:
        seq_at = next(i for i, h in enumerate(header) if _FLAT_SEQ.match(h))
    except StopIteration:
        return None
    # A column before the sequence column (板块 | 序号 | 指标名称 …, the way 普陀区's 十五五 greening
    # plan, tune, groups its indicators): each row's cell of it comes before the row's number, so
    # the first row's (绿化) closes the header and every later one closes the row above.
    lead = 0
    while lead < seq_at and len(header) > seq_at + 2 and _flat_column(header[-1], info) == "name":
        if _FLAT_HEADING_NAME.search(header[-1]):
            break
        header.pop()
        lead += 1
    after = header[seq_at + 1 :]
    columns = [_flat_column(h, info) for h in after]
    if not any(isinstance(c, tuple) for c in columns) or len(after) < 3:
        return None
    unit_col = next((i for i, h in enumerate(after) if _UNIT_HEADER.match(h)), None)
    kinds = [c if isinstance(c, str) else "value" for c in columns]
    name_col = max((i for i, k in enumerate(kinds) if k == "name"), default=None)
    if name_col is None:
        return None
    n = len(after)
    # The rows: a row from its number to the next number (a number followed by a figure is a
    # figure); the table ends at a note or a heading, or when a row outgrows the header.
    rows: list[list[_FlatCell | None]] = []
    seq = 0
    i = one
    row: list[_FlatCell | None] = []
    while i < len(cells):
        c = cells[i]
        t = txt(c)
        if c is not None and t == str(seq + 1):
            # A row's number is followed by its first cell, never by a figure or a blank line.
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if nxt is not None and not _FLAT_CELL.match(txt(nxt)) and txt(nxt) not in _FLAT_PROP_VALUES:
                if seq:
                    rows.append(row)
                seq += 1
                row = []
                i += 1
                continue
        if c is not None and (_FLAT_END.match(t) or len([d for d in row if d is not None]) > n + 2):
            break
        row.append(c)
        i += 1
    if seq:
        rows.append(row)
    if seq < 2:
        return None
    next_cell = cells[i] if i < len(cells) else None
    note_at = next_cell.start if next_cell is not None else None
    paren_year = None
    if note_at is not None:
        note = _FLAT_NOTE.search(work, note_at, min(len(work), note_at + 80))
        paren_year = int(note["y"]) if note else None
    out: list[Metric] = []
    table_end = first

    def figure(c: _FlatCell | None) -> bool:
        return c is None or txt(c) in _FLAT_EMPTY or _FLAT_CELL.match(txt(c)) is not None

    aligned: list[list[_FlatCell | None]] = []
    for whole in rows:
        cut = _row_cells(whole, work, by_paragraph)
        if lead:
            # The next row's cells of the columns before 序号 close this one.
            while len(cut) > n and not figure(cut[-1]):
                cut = cut[:-1]
        if not cut:
            continue
        table_end = max(table_end, max(c.end for c in cut if c is not None))
        sub: list[_FlatCell | None] = []
        if len(cut) > n:
            # A sub-row (其中 公园绿地 / 58.46 / 17.5) after the row's figures: its name and figures,
            # the other cells (属性, 单位) merged down from the row above it.
            k = next((j for j in range(len(cut) - 1, 0, -1) if not figure(cut[j])), 0)
            if 0 < k < len(cut) - 1 and figure(cut[k - 1]) and len(cut) - k <= n:
                cut, sub = cut[:k], cut[k:]
        pad: list[_FlatCell | None] = [None] * (n - len(cut))
        r = cut[-n:] if len(cut) >= n else pad + cut
        aligned.append(r)
        if sub:
            below = list(r)
            below[name_col] = sub[0]
            below[n - len(sub) + 1 :] = sub[1:]
            aligned.append(below)
    for r in aligned:
        name_cell = r[name_col] or next((c for c in r if c is not None), None)
        if name_cell is None:
            continue
        name = re.sub(r"\s+", "", text[name_cell.start : name_cell.end])
        unit_written = txt(r[unit_col]) if unit_col is not None else ""
        multiplier, unit, name = _unit_of(name, unit_written)
        for k, col in enumerate(columns):
            cell = r[k]
            if not isinstance(col, tuple) or cell is None:
                continue
            raw = work[cell.start : cell.end]
            cm = _FLAT_CELL.match(raw.strip())
            if cm is None or txt(cell) in _FLAT_EMPTY:
                continue
            try:
                value = parse_number(cm["num"])
            except NumberError:
                continue
            kind, year = col
            if cm["open"] and cm["open"] in "(" and paren_year is not None:
                kind, year = ("actual" if info.year is None or paren_year < info.year else kind), paren_year
            cmp = _comparator(cm)
            u_mult, u = multiplier, unit
            if cm["u"]:
                u_mult, u, _ = _unit_of("", cm["u"])
            if u is None:
                continue
            value = scale(value, u_mult) if u_mult else value
            span = Span(name_cell.start, cell.end)
            out.append(
                Metric(
                    kind="actual" if kind == "actual" else "target",
                    indicator=name,
                    value=value,
                    unit=u,
                    comparator=cmp,
                    year=year,
                    span_text=text[span.start : span.end],
                    span=span,
                    raw=text[cell.start : cell.end].strip(),
                )
            )
    if not out:
        return None
    return first, table_end, out


def _join_periods(header: list[str]) -> list[str]:
    """Header lines joined where a year or a period stands on its own line beside the value word
    it qualifies ("“十四五”" + "完成值")."""
    out: list[str] = []
    i = 0
    while i < len(header):
        h = header[i]
        if _FLAT_PERIOD.match(h) and i + 1 < len(header) and _FLAT_VALUE.search(header[i + 1]):
            out.append(h + header[i + 1])
            i += 2
            continue
        if _FLAT_PERIOD.match(h) and out and _FLAT_VALUE.search(out[-1]) and not _FLAT_PERIOD.search(out[-1]):
            out[-1] += h
            i += 1
            continue
        out.append(h)
        i += 1
    return out


def _flat_column(h: str, info: DocInfo) -> tuple[str, int | None] | str:
    """What a header cell names: ("actual"|"target", year) for a column of figures, else "seq",
    "unit", "prop", "note", "growth" or "name"."""
    if _FLAT_SEQ.match(h):
        return "seq"
    if _UNIT_HEADER.match(h):
        return "unit"
    if _FLAT_PROP.match(h):
        return "prop"
    if _FLAT_NOTE_HEADING.match(h):
        return "note"
    if _FLAT_GROWTH.search(h):
        return "growth"
    y = re.search(r"(?:19|20)\d{2}", h)
    pm = _FLAT_PLAN.search(h)
    plan = numbered_plan_period(pm["n"])[1] if pm else None
    base = any(w in h for w in _BASE_WORDS)
    if _FLAT_VALUE.search(h) or (y and len(h) <= 12) or _FLAT_PERIOD_VALUE.match(h):
        if y:
            year: int | None = int(y.group())
        elif plan is not None:
            year = plan
        elif base:
            year = info.period_start - 1 if info.period_start is not None else None
        else:
            year = info.period_end if info.period_end is not None else info.year
        actual = base or (
            y is not None
            and info.year is not None
            and year is not None
            and year < info.year
            and "目标" not in h
        )
        return ("actual" if actual else "target", year)
    return "name"


def _row_cells(row: list[_FlatCell | None], work: str, by_paragraph: bool) -> list[_FlatCell | None]:
    """A row's cells without what follows it: in line mode the rows are separated by a blank line,
    so what comes after the row's last blank line (a category cell of the next row) is not the
    row's unless it is a figure; a blank line between cells is an empty cell."""
    if by_paragraph:
        return list(row)
    while row and row[-1] is None:
        row = row[:-1]
    if None in row:
        last = len(row) - 1 - row[::-1].index(None)
        tail = [c for c in row[last + 1 :] if c is not None]
        if tail and not all(_FLAT_CELL.match(work[c.start : c.end].strip()) for c in tail):
            row = row[:last]
    return row


# ---------------------------------------------------------------------------------------------
# Tables of indicators a crawl wrote a cell a line, each cell closed by a pipe, with no 序号
#
# A web page's 主要指标 table, as a crawler flattens it: each cell on its own line closed by " |",
# a run of blank cells one line of pipes ("|||||"), no sequence column::
#
#     指标 | / 2015年完成 | / 2020年目标 | / “十三五”年均增长(%) | / 指标属性 |
#     一、经济发展 | / ||||| / 地区生产总值(亿元) | / 120.5 | / 185 | / 9 | / 预期性 |
#     空气质量 | / 城市空气质量优良天数比率(%) | / 82 | / 85 | / / | / 约束性 |
#
# The header runs from the indicator column's heading to the last heading of a column of figures,
# growth or property. A row is its indicator's cell and one cell a column after it; a cell before
# it that another label follows is a group's (一、经济发展, a category merged down its column), and
# so is a numbered heading. A figure is a metric of its column's year (a completed year an actual,
# a year to come a target); a growth column's figure is the indicator's 年均增长 over the column's
# period, a change written in a cell (提高9.8个百分点) the indicator's change; words
# (完成上级下达目标) and "/" give none.

# A header cell of the indicators' column. matches: "指标", "主要指标", "指标名称" ; must not match:
# "指标属性"
_PIPE_IND_HEADER = re.compile(r"^(?:主要|具体)?指标(?:名称)?$")
# A change a cell writes. matches: "提高9.8个百分点", "下降15%", "降低3%以上", "增长1倍" ; must not match:
# "完成上级下达目标", "9.8"
_PIPE_CHANGE = re.compile(
    r"^(?P<verb>提高|提升|增加|增长|降低|下降|减少)(?P<pre>不低于|不少于|超过)?(?P<num>\d+(?:\.\d+)?)"
    r"(?P<u>个百分点|%|‰|倍)?(?P<post>以上|以下|左右|以内)?$"
)
# A numbered group heading in the indicators' column. matches: "一、经济发展", "（二）资源环境"
_PIPE_GROUP = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[(（][一二三四五六七八九十]+[)）])")
# The period of a growth column. matches: "2016-2020年年均增长" (2020) ; must not match: "年均增长"
_PIPE_SPAN_END = re.compile(r"(?:19|20)\d{2}[-—~至到](?P<end>(?:19|20)\d{2})")


def _pipe_cells(work: str, pos: int) -> tuple[list[tuple[int, int] | None], int]:
    """The cells of the pipe-closed lines from ``pos`` on: (start, end) of a cell's text, None for a
    blank one (each pipe of a line of pipes alone); and where the run ends (a line of no pipe that
    does not go on into a cell: "地区生产总值" / "(亿元) |" is one cell wrapped)."""
    cells: list[tuple[int, int] | None] = []
    end = pos
    wrapped = -1  # where a cell's text wrapped onto the lines below began
    while pos < len(work):
        le = work.find("\n", pos)
        le = len(work) if le < 0 else le
        line = work[pos:le].strip()
        if line:
            if not line.endswith("|"):
                if wrapped >= 0 or len(line) > 30 or not cells:
                    break
                wrapped = work.find(line, pos, le)
                pos = le + 1
                continue
            body = line.rstrip("|")
            pipes = len(line) - len(body)
            body = body.strip()
            if "|" in body:
                break  # a markdown row, not a cell
            if body:
                s = work.find(body, pos, le)
                cells.append((s if wrapped < 0 else wrapped, s + len(body)))
                pipes -= 1
            elif wrapped >= 0:
                cells.append((wrapped, work.rfind("\n", wrapped, pos)))
                pipes -= 1
            wrapped = -1
            cells.extend([None] * pipes)
            end = le
        pos = le + 1
    return cells, end


def _pipe_label(t: str) -> bool:
    """A cell of words that names something (an indicator, a group), not a figure or a value word."""
    return (
        bool(t)
        and t not in _FLAT_EMPTY
        and t not in _FLAT_PROP_VALUES
        and not (
            _FLAT_CELL.match(t) or _PIPE_CHANGE.match(t) or t[:2] in ("完成", "达到", "保持", "控制", "确保")
        )
    )


def pipe_indicator_tables(text: str, work: str, info: DocInfo) -> list[tuple[int, int, list[Metric]]]:
    """The tables of indicators of ``work`` written a cell a line with closing pipes and no sequence
    column: (start, end, metrics) each."""
    out: list[tuple[int, int, list[Metric]]] = []
    if work.find(" |\n") < 0:
        return out
    # (标 is looked for, not 指标: a heading cell may be spaced, "指 标 |")
    at = work.find("标")
    while at >= 0:
        ls = work.rfind("\n", 0, at) + 1
        le = work.find("\n", at)
        le = len(work) if le < 0 else le
        line = work[ls:le].strip()
        if line.endswith("|") and _PIPE_IND_HEADER.match("".join(line.rstrip("|").split())):
            read = _read_pipe_indicator_table(text, work, ls, info)
            if read is not None:
                out.append(read)
                at = work.find("标", read[1])
                continue
        at = work.find("标", le)
    return out


def _read_pipe_indicator_table(
    text: str, work: str, ls: int, info: DocInfo
) -> tuple[int, int, list[Metric]] | None:
    cells, run_end = _pipe_cells(work, ls)

    def txt(c: tuple[int, int] | None) -> str:
        return "" if c is None else re.sub(r"\s+", "", work[c[0] : c[1]])

    # The header: the indicators' heading, then the headings of columns of figures and the like.
    columns: list[tuple[str, int | None] | str] = []
    heads: list[str] = []
    i = 1
    while i < len(cells) and cells[i] is not None:
        h = txt(cells[i])
        col = _flat_column(h, info)
        if col == "name" or col == "seq":
            break
        columns.append(col)
        heads.append(h)
        i += 1
    if not any(isinstance(c, tuple) for c in columns):
        return None
    n = len(columns)
    years = [c[1] for c in columns if isinstance(c, tuple) and c[1] is not None]
    growth: list[tuple[str, int | None, str | None]] = []  # (kind, year, unit) of each column
    for kind_of, h in zip(columns, heads, strict=True):
        if kind_of != "growth":
            growth.append(("", None, None))
            continue
        pm = _FLAT_PLAN.search(h)
        sm = _PIPE_SPAN_END.search(h)
        y = (
            numbered_plan_period(pm["n"])[1]
            if pm
            else int(sm["end"])
            if sm
            else max(years)
            if years
            else info.period_end or info.year
        )
        um = _UNIT_IN_NAME.search(h)
        kind = "actual" if y is not None and info.year is not None and y < info.year else "target"
        growth.append((kind, y, um["u"].strip() if um else "%"))
    out: list[Metric] = []
    last_head = cells[i - 1]
    end = last_head[1] if last_head is not None else ls
    rows = 0
    while i < len(cells):
        c = cells[i]
        t = txt(c)
        if c is None or not _pipe_label(t):
            i += 1
            continue
        nxt = txt(cells[i + 1]) if i + 1 < len(cells) else ""
        um = _UNIT.match(nxt) if columns[0] == "unit" and len(nxt) <= 6 else None
        unit_next = um is not None and (um["u"] in _KNOWN_UNITS or len(nxt) <= 2 or "/" in nxt)
        if _PIPE_GROUP.match(t) or (_pipe_label(nxt) and not unit_next):
            i += 1  # a group's cell
            continue
        row = cells[i + 1 : i + 1 + n]
        # A row cut short (a cell merged across the row): the next indicator opens the next row.
        cut = next(
            (k for k, d in enumerate(row) if _UNIT_IN_NAME.search(txt(d)) and _pipe_label(txt(d))), None
        )
        if cut is not None:
            row = row[:cut]
        i += 1 + len(row)
        rows += 1
        unit_k = columns.index("unit") if "unit" in columns else None
        unit_written = txt(row[unit_k]) if unit_k is not None and unit_k < len(row) else ""
        multiplier, unit, name = _unit_of(re.sub(r"\s+", "", text[c[0] : c[1]]), unit_written)
        for k, cell in enumerate(row):
            v = txt(cell)
            if cell is None or v in _FLAT_EMPTY:
                continue
            col = columns[k]
            change = _PIPE_CHANGE.match(v)
            cm = None if change else _FLAT_CELL.match(v)
            m = change or cm
            if m is None or not (isinstance(col, tuple) or col == "growth"):
                continue
            try:
                value = parse_number(m["num"])
            except NumberError:
                continue
            if isinstance(col, tuple):
                kind, year = col
            else:
                kind, year = growth[k][0], growth[k][1]
            u_mult, u = multiplier, unit
            indicator = name
            if change is not None:
                indicator = name + change["verb"]
                u_mult, u = None, change["u"] or (growth[k][2] if col == "growth" else unit)
            elif col == "growth":
                indicator = name + "年均增长"
                u_mult, u = None, cm["u"] if cm is not None and cm["u"] else growth[k][2]
            elif cm is not None and cm["u"]:
                u_mult, u, _ = _unit_of("", cm["u"])
            if u is None:
                continue
            value = scale(value, u_mult) if u_mult else value
            span = Span(c[0], cell[1])
            out.append(
                Metric(
                    kind="actual" if kind == "actual" else "target",
                    indicator=indicator,
                    value=value,
                    unit=u,
                    comparator=_comparator(m),
                    year=year,
                    span_text=text[span.start : span.end],
                    span=span,
                    raw=text[cell[0] : cell[1]].strip(),
                )
            )
            end = max(end, cell[1])
        if row and row[-1] is not None:
            end = max(end, row[-1][1])
    if rows < 2 or not out:
        return None
    return ls, max(end, run_end), out


# ---------------------------------------------------------------------------------------------
# Matrices of targets by sub-area (分街镇目标任务表, 指标分解表), flattened a cell a paragraph
#
# A district's plan hands each 街道/镇/园区 (or each responsible unit) its share of the targets in
# a table: a row a sub-area, a column an indicator (its unit in parentheses), often a second header
# row of years under each indicator; flattened, the header cells come first, then each row's number,
# name and figures, one a paragraph::
#
#     序号 / 街镇 / 投放点微更新（个） / 精品居住区建设（个） / 2024年 / 2025年 / 2024年 / 2025年 /
#     1 / 甲街道 / 62 / 44 / 4 / 2 / … / 小计 / 800 / 571 / 50 / 30
#
# Each figure is a target of its row's sub-area for its column's indicator and year (a column of
# "2023-2024年" is for 2024; with no year row, for the plan's year). A name cell printed once
# before the year row (a cell spanning the header's second row) names the first row. Seen in
# 静安区's 垃圾分类 工作方案 of 2024 (指标分解表 by 街镇 and by responsible unit), which hands on
# the city's own matrix by district (沪委办发〔2023〕21号, 各区分年度任务指标清单); only a table
# titled as targets handed out (指标/目标/任务/计划 …表) is read so, not an inventory by owner.

# A header cell of an indicator with its unit. matches: "投放点微更新(个)", "新能源环卫车辆配置(辆)",
# "生活垃圾回收利用率(%)" ; must not match: "序号", "2024年", "区建设管理委(区水务局)" (a unit: no measure)
_MX_INDICATOR = re.compile(
    r"(?P<name>[^\d\s()（）,，。;；:：][^()（）,，。;；:：\n]{1,24})[(（](?P<u>[^()（）\d]{1,4})[)）]"
)
# The longest text _MX_INDICATOR matches: a name of 25 characters and a unit of 4 in brackets.
_MX_CELL_MAX = 25 + 1 + 4 + 1
# A header cell of a year or of years. matches: "2025年", "2023-2024年", "2024—2025年" ; must not
# match: "2025年6月"
_MX_YEAR = re.compile(r"(?:19|20)\d{2}(?:[-—~至](?P<end>(?:19|20)\d{2}))?年?(?:度)?")
# A figure cell, or a cell of no figure. matches: "62", "95.5", "/", "-" ; must not match: "宝山路街道"
_MX_VALUE = re.compile(r"\d+(?:\.\d+)?%?")
_MX_NONE = frozenset({"/", "-", "—", "－", "——", "／"})
# A row of the whole (its figures are the district's). matches: "小计", "合计", "总计", "全区"
_MX_TOTAL = re.compile(r"小计|合计|总计|全区|全市|全县")


def matrix_metrics(text: str, work: str, info: DocInfo) -> list[tuple[int, int, list[Metric]]]:
    """The target matrices of ``work`` flattened a cell a paragraph: (start, end, metrics) each."""
    out: list[tuple[int, int, list[Metric]]] = []
    pos = 0
    at = work.find(")\n", pos)
    while at >= 0:
        ls = work.rfind("\n", 0, at) + 1
        # (A header cell is at most _MX_CELL_MAX characters: a longer line, such as an item of
        # prose closed by its units in brackets, is passed over without trying the pattern.)
        if (
            at >= pos
            and at + 1 - ls <= _MX_CELL_MAX
            and _MX_INDICATOR.fullmatch(work, ls, at + 1)
            and _unit_word(work, ls, at + 1)
        ):
            read = _read_matrix(text, work, ls, info)
            if read is not None:
                out.append(read)
                pos = read[1]
        at = work.find(")\n", at + 2)
    return out


# A rate: a known unit (or one of one character) per day, month, year or head. Daily capacities and
# quotas are written so (徐汇区's 装修垃圾 工作方案, tune: 日分拣处置能力300吨/日; 上海市's 2019 review of
# garbage sorting: 湿垃圾分出量7453吨/日), and a table handing them out by 街镇 heads its column so
# (湿垃圾分出量(吨/日)). matches: "吨/日", "吨/天", "千克/人" ; must not match: "万元/人" (a
# magnitude: _unit_of keeps it as written), "人/万人"
_PER = re.compile(r"(?P<u>[^/\d]{1,3})/(?:日|天|月|年|人|户)")


def _unit_word(work: str, s: int, e: int) -> bool:
    m = _MX_INDICATOR.fullmatch(work, s, e)
    if m is None:
        return False
    mult, unit, _ = _unit_of("", m["u"])
    if unit is not None and mult is None and (per := _PER.fullmatch(unit)) is not None:
        return per["u"] in _KNOWN_UNITS or len(per["u"]) == 1
    return unit is not None and (unit in _KNOWN_UNITS or len(m["u"]) == 1)


def _paras_from(work: str, pos: int, stop: int) -> list[tuple[int, int]]:
    """The paragraphs (runs of non-blank lines) from ``pos``."""
    out: list[tuple[int, int]] = []
    s = -1
    e = pos
    for ls, le in _lines_from(work, pos, stop):
        if work[ls:le].strip():
            if s < 0:
                s = ls
            e = le
        elif s >= 0:
            out.append((s, e))
            s = -1
    if s >= 0:
        out.append((s, e))
    return out


def _read_matrix(text: str, work: str, hit: int, info: DocInfo) -> tuple[int, int, list[Metric]] | None:
    paras = _paras_from(work, hit, min(len(work), hit + 8000))
    if len(paras) < 4 or work[paras[0][1] : paras[1][0]].count("\n") < 2:
        # A cell a line with no blank lines between (序号 / 街镇 / 达标小区(个) / 1 / 甲街道 / 120, the way
        # 闵行区's 十五五 urban renewal plan, tune, prints its table of indicators; 静安区's metro plan
        # prints the same cells a paragraph): its short lines up to the first blank or long line.
        paras = []
        for ls, le in _lines_from(work, hit, min(len(work), hit + 4000)):
            if not work[ls:le].strip() or le - ls > 24:
                break
            paras.append((ls, le))
        if len(paras) < 6:
            return None

    def cell(p: tuple[int, int]) -> str:
        return re.sub(r"\s+", "", work[p[0] : p[1]])

    indicators: list[tuple[str, str | None, str | None]] = []  # (name, magnitude, unit)
    years: list[int] = []
    names: list[tuple[int, int]] = []  # name cells before the figures (a cell spanning the header)
    before = _paras_from(work, max(0, hit - 60), hit)
    heads = {cell(p) for p in before[-2:]}
    i = 0
    while i < len(paras):
        c = cell(paras[i])
        m = _MX_INDICATOR.fullmatch(c)
        if m and _unit_word(c, 0, len(c)):
            mult, unit, _ = _unit_of("", m["u"])
            indicators.append((m["name"], mult, unit))
        elif _MX_YEAR.fullmatch(c):
            y = _MX_YEAR.fullmatch(c)
            assert y is not None
            years.append(int(y["end"] or c[:4]))
        elif _MX_VALUE.fullmatch(c) or c in _MX_NONE:
            break
        elif len(c) <= 16 and not _FLAT_END.match(c):
            if c not in heads:
                names.append(paras[i])  # a heading repeated (主要责任单位) names no row
        else:
            return None
        i += 1
    k = len(indicators)
    if k < 2 and not (k == 1 and years):
        return None
    if years and len(years) % k:
        return None
    if len(names) > 1 and (not years or len(names) != k):
        return None  # sub-headings that are not years (污水管 / 雨水管 under 管网数量): no matrix of targets
    if not _MX_TITLE.search(_title_before(work, hit)):
        return None
    per = len(years) // k if years else 1
    width = len(years) if years else k
    base_year = info.period_end if info.period_end is not None else info.year
    col_years: list[int | None] = list(years) if years else [base_year] * k
    out: list[Metric] = []
    end = paras[i - 1][1] if i else hit
    row_name: tuple[int, int] | None = names[0] if len(names) == 1 else None
    multi = len(names) > 1  # side by side tables: each name owns its own indicators' columns
    while i < len(paras):
        c = cell(paras[i])
        if (_MX_VALUE.fullmatch(c) or c in _MX_NONE) and row_name is None and not multi:
            # a row's number, before its name
            if _SEQ_ROW.fullmatch(c) and i + 1 < len(paras) and not _is_figure(cell(paras[i + 1])):
                i += 1
                continue
            break
        if _MX_VALUE.fullmatch(c) or c in _MX_NONE:
            vals: list[tuple[int, int]] = []
            j = i
            while j < len(paras) and len(vals) < width and _is_figure(cell(paras[j])):
                vals.append(paras[j])
                j += 1
            if len(vals) < width:
                break
            for col, p in enumerate(vals):
                v = cell(p)
                if v in _MX_NONE:
                    continue
                ind_at = col // per
                name, mult, unit = indicators[ind_at]
                owner = names[ind_at * len(names) // k] if multi else row_name
                assert owner is not None
                label = cell(owner)
                pct = v.endswith("%")
                try:
                    value = parse_number(v.rstrip("%"))
                except NumberError:
                    continue
                u = "%" if pct else unit
                if u is None:
                    continue
                value = scale(value, mult) if mult and not pct else value
                year = col_years[col]
                # (a name cell before the figures spans the header when a year row follows it;
                # with no year row it is the first row's own name: 东湖街道 / 8 / 5, then the next rows)
                whole = _MX_TOTAL.match(label) is not None or multi or (bool(names) and bool(years))
                span = Span(owner[0], p[1])
                actual = info.year is not None and year is not None and year < info.year
                out.append(
                    Metric(
                        kind="actual" if actual else "target",
                        indicator=name if whole else label + name,
                        value=value,
                        unit=u,
                        comparator="=",
                        year=year,
                        span_text=text[span.start : span.end],
                        span=span,
                        raw=text[p[0] : p[1]].strip(),
                    )
                )
            end = vals[-1][1]
            i = j
            row_name = None
            if multi or (names and years):
                break
            continue
        if len(c) <= 16 and row_name is None and not _FLAT_END.match(c) and not c.startswith("附件"):
            row_name = paras[i]
            i += 1
            continue
        break
    if not out:
        return None
    return hit, end, out


_SEQ_ROW = re.compile(r"\d{1,3}")
# The title of a table of targets handed out. matches: "各街镇…指标分解表", "分街镇目标任务表",
# "年度计划分配表" ; must not match: "公共排水设施移交设施量清单", "既有总包合同清单"
_MX_TITLE = re.compile(r"指标|目标|任务|计划|分解|分配")


# A line that gives the unit of a whole table, just above it (a table of targets by 街镇 whose
# headings name no unit: 单位:个; statistical tables: 单位:亿元, as 潘集区's 2022 table of its GDP heads
# its columns). matches: "单位:个\n", "单位: 万元 \n" ; must not match: "责任单位:区教育局" (a unit of
# responsibility: not at a line's start), "单位:亿元、%" (more than one unit)
_UNIT_LINE = re.compile(r"(?:^|\n)[ \t]*单位[ \t]*[:：][ \t]*(?P<u>[^\s、,/|]{1,4})[ \t|]*\n")


def _title_before(work: str, hit: int) -> str:
    """The nearest line before ``hit`` (within 600 characters) that is a table's title (ends with
    表), or ""."""
    s = work.rfind("表\n", max(0, hit - 600), hit)
    if s < 0:
        return ""
    return work[work.rfind("\n", 0, s) + 1 : s + 1]


def _is_figure(c: str) -> bool:
    return _MX_VALUE.fullmatch(c) is not None or c in _MX_NONE


# ---------------------------------------------------------------------------------------------
# Rows of areas (街道, 镇, 园区, 区, 县) in a table that is not a table of indicators
#
# A plan's annex often hands each area its own targets in a table a row an area, the targets of
# the row written as a paragraph in a cell (序号 | 街镇（园区） | 目标任务: 1 | 甲镇 | 新增达标小区48个，
# 其中40%的小区建成精品小区，湿垃圾分出量18.6吨/日). Each row is its area's: the same sentence with the
# same figure in two rows is two metrics, and each metric's indicator names its area. Seen in
# 嘉定区's 河湖泵闸长效养护 实施意见 of 2025 (tune: its 附表 by 街镇, the terms of each row a paragraph:
# 马陆镇 / 镇管河道6.65万元/公里，村级及其他3.35万元/公里…) and 静安区's 垃圾分类 工作方案 of 2024 (tune:
# 附件2 and 附件3 hand each 街镇 and each unit its figures, the same figure in many rows); read by
# ``area_rows`` (a grid) and ``flat_area_rows`` (a table flattened a cell a paragraph), which find
# the rows and their area, and by find_metrics, which keeps each row's figures apart.

# A header cell of a column of areas. matches: "街镇", "街镇（园区）", "乡镇(街道)", "镇（街道）", "区县",
# "县（市、区）", "地区", "街镇名称" ; must not match: "责任单位", "目标任务", "单位名称", "区级责任单位"
_AREA_WORDS = (
    r"(?:街镇|街道|镇街|乡镇|镇|园区|区县|县区|县[(（]市[、,，]?区[)）]|区|县|地区|区域|片区|各区|各街镇)"
)
_AREA_HEADER = re.compile(rf"^{_AREA_WORDS}(?:名称)?(?:[(（][^()（）]{{0,8}}[)）])?$")
# A cell naming an area. matches: "江桥镇", "宝山路街道", "莘庄工业区", "临港新片区", "某某县", "城区" ;
# must not match: "区绿化市容局" (a department), "2025年", "合计" (see _MX_TOTAL)
_AREA_NAME = re.compile(
    r"^[^\d\s，,。;；:：()（）]{1,12}(?:街道|街道办事处|镇|乡|园区|开发区|工业区|新区|片区|管委会|社区|区|县|市)$"
)


@dataclass(frozen=True)
class AreaRow:
    """A table row of one area: its extent, where its area's cell ends, the area's name, and
    whether it is a row of the whole (合计, 全区)."""

    start: int
    end: int
    label_end: int
    label: str
    whole: bool


def area_rows(text: str, work: str, grid: Grid) -> list[AreaRow]:
    """The rows of ``grid`` that each belong to an area, or [] when it is not a table by area:
    its header names a column of areas (街镇, 乡镇, 区县), or at least two rows and most of them
    name an area (…街道, …镇, …园区) in their first cell that is not a sequence number."""
    _, rows = _titled(work, grid)
    if len(rows) < 3:
        return []
    header = [re.sub(r"\s+", "", _cell_text(work, c)) for c in rows[0]]
    col = next((i for i, h in enumerate(header) if _AREA_HEADER.match(h)), None)
    named_by_header = col is not None
    if col is None:
        col = 1 if header and _FLAT_SEQ.match(header[0]) else 0
    out: list[AreaRow] = []
    body = 0
    for row in rows[1:]:
        if col >= len(row):
            continue
        cell = row[col]
        label = re.sub(r"\s+", "", _cell_text(text, cell))
        if not label:
            continue
        body += 1
        whole = _MX_TOTAL.match(label) is not None
        if not whole and _AREA_NAME.match(label) is None:
            if not named_by_header or len(label) > 16 or _is_figure(label):
                continue  # (a column headed 街镇 may name a place with no area word: 临港)
        cells = [c for c in row if c.end > c.start]
        if not cells:
            continue
        out.append(AreaRow(min(c.start for c in cells), max(c.end for c in cells), cell.end, label, whole))
    areas = sum(1 for r in out if not r.whole)
    if areas < 2 or (not named_by_header and areas * 3 < body * 2):
        return []
    return out


# A line that is an area's name alone: a row's first cell in a table flattened a cell a paragraph.
# matches: "江桥镇", "宝山路街道", "莘庄工业区", "合计" ; must not match: "各街镇" (all of them), "街镇"
# (the column's header), "区绿化市容局", "江桥镇：" (a label of prose)
_AREA_LINE = re.compile(
    r"^[ \t]*(?P<a>(?![各全本我该])(?!(?:街镇|街道|镇街|乡镇|园区|区县|县区|社区)[ \t]*$)[^\d\s，,。;；:：()（）、]{1,12}"
    r"(?:街道|街道办事处|镇|乡|园区|开发区|工业区|新区|片区|社区|区|县)|小计|合计|总计|全区|全县|全镇)[ \t]*$",
    re.M,
)
# A header cell of a column of areas alone on its line (see _AREA_HEADER).
_AREA_HEADER_LINE = re.compile(rf"\n[ \t]*{_AREA_WORDS}(?:名称)?(?:[(（][^()（）\n]{{0,8}}[)）])?[ \t]*\n")
_SEQ_LINE = re.compile(r"[ \t]*\d{1,3}[ \t]*")


def flat_area_rows(work: str, skip: Sequence[tuple[int, int]] = ()) -> list[AreaRow]:
    """The rows of areas of the tables flattened into ``work`` a cell a paragraph (序号 / 街镇 / 目标任务
    / 1 / 甲镇 / 创建达标…): a run of lines that are areas' names alone, under a header that names
    a column of areas (街镇, 乡镇, 区县) a few lines above the first. Each row runs from its area's
    line to the next one's (less the next row's sequence number); the last row has as many lines
    as the one before it. Rows inside ``skip`` (tables read otherwise) are left out."""
    out: list[AreaRow] = []
    pos = 0
    for head in _AREA_HEADER_LINE.finditer(work):
        if head.start() < pos or any(a <= head.start() < b for a, b in skip):
            continue
        # A run of area lines, the first within 300 characters of the header, each of the others
        # within 3,000 characters of the one before it. (The header is looked for first, by its
        # line's opening newline: the cheap way through a long text; each look after it is bounded.)
        run: list[re.Match[str]] = []
        at = head.end()
        while (m := _AREA_LINE.search(work, at, min(len(work), at + (3000 if run else 300)))) is not None:
            if any(a <= m.start() < b for a, b in skip):
                break
            run.append(m)
            at = m.end()
        if sum(1 for m in run if _MX_TOTAL.fullmatch(m["a"]) is None) < 2:
            continue
        pos = at
        widths: list[int] = []
        for k, m in enumerate(run):
            if k + 1 < len(run):
                end = run[k + 1].start()
                lines = [(s, e) for s, e in _lines_from(work, m.end() + 1, end) if work[s:e].strip()]
                if lines and _SEQ_LINE.fullmatch(work, *lines[-1]):
                    lines = lines[:-1]  # the next row's sequence number
                widths.append(len(lines))
            else:
                want = widths[-1] if widths else 1
                lines = []
                for s, e in _lines_from(work, m.end() + 1, min(len(work), m.end() + 3000)):
                    if not work[s:e].strip():
                        continue
                    if len(lines) >= want or _AREA_LINE.match(work, s, e):
                        break
                    lines.append((s, e))
            row_end = lines[-1][1] if lines else m.end()
            label = m["a"]
            out.append(AreaRow(m.start("a"), row_end, m.end(), label, _MX_TOTAL.fullmatch(label) is not None))
    return out
