"""Quantified targets and reported actuals (指标) of a document.

``find_metrics(text, work, passages, info)`` reads the working text once with one compiled
pattern of figures (a number, an optional magnitude 万/亿…, a unit of measure), keeps the figures
that fall in the passages, drops what is not the size of an indicator (ordinals, names in quotes,
counts of the document's own parts, terms of a benefit, eligibility thresholds), and reads each
figure's comparator, year and kind (target or actual) from the words around it and from the part of
the document it stands in (a review of a past period, or the plan). Indicators and spans are
sliced from the original ``text`` by offset.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING, Literal, NamedTuple

from .docinfo import (
    as_its_figures_are_dated,
    five_year_period,
    five_year_plan_end,
    numbered_plan_period,
    reviews_part_of_its_year,
    years_reviewed,
)
from .layout import Grid

if TYPE_CHECKING:
    from .indicator_tables import AreaRow
from .lexicon import LexiconError, load_data
from .model import DocInfo, Metric, Passage, Span
from .normalise import working_text
from .numbers import MAGNITUDES, NumberError, parse_chinese, parse_fraction, parse_number, parse_tenths, scale
from .periods import FISCAL_YEAR as _FISCAL_YEAR
from .periods import TO_DATE as _TO_DATE
from .periods import (
    FiscalNow,
    arabic_years,
    fiscal_paragraph_marks,
    fiscal_year_closed,
    relative_fiscal_years,
    reviews_past_years,
    year_heading_marks,
    years_ahead,
)
from .periods import may_be_to_date as _may_be_to_date
from .rates import (
    compares_with_measure,
    shared_comparator_after,
    sizes_amount_after,
    sizes_measure_after,
    tenths_is_share,
)

__all__ = ["find_metrics", "line_passages", "MetricWords", "metric_words", "clear_caches"]

Kind = Literal["target", "actual"]


# ---------------------------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True)
class MetricWords:
    """The word lists of the metric finder (data/metric_units.json, comparators.json,
    metric_words.json), folded to the working text and sorted longest first."""

    units: dict[str, str]  # written -> base unit
    latin_units: tuple[str, ...]  # units in Latin letters, matched in any case, kept as written
    counts: frozenset[str]
    need_noun_after: frozenset[str]
    not_after: dict[str, str]
    time_units: frozenset[str]
    cmp_before: dict[str, str]
    cmp_after: dict[str, str]
    cmp_between: dict[str, str]
    cmp_adverbs: dict[str, str]
    not_comparators: tuple[str, ...]
    lists: dict[str, tuple[str, ...]]
    # The lists compiled for matching (_WordList), by key: filled by metric_words().
    compiled: dict[str, _WordList] = field(default_factory=dict, compare=False, repr=False)

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists[key]


_COMPARATORS = {">=", ">", "=", "~", "<=", "<"}
_LIST_KEYS = (
    "review_headings",
    "target_headings",
    "work_headings",
    "review_openers",
    "target_openers",
    "target_markers",
    "actual_markers",
    "doc_part_nouns",
    "unit_nouns",
    "presenting_verbs",
    "benefit_before",
    "benefit_after",
    "threshold_after",
    "not_before",
    "count_verbs",
    "people_counted",
    "action_verbs",
    "descriptors",
    "since_words",
    "range_from",
    "growth_words",
    "verb_lookalikes",
    "change_to_words",
    "base_before",
    "benefit_grants",
    "benefit_nouns",
    "payout_verbs",
    "build_verbs",
    "present_words",
    "fund_nouns",
    "state_verbs",
    "future_markers",
)


def _fold_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{where} must be a non-empty list of non-empty strings")
    spaced = [w for w in value if w != w.strip()]
    if spaced:
        raise LexiconError(f"{where}: {spaced[0]!r} has spaces around it")
    return tuple(sorted({working_text(w) for w in value}, key=lambda w: (-len(w), w)))


def _fold_map(value: object, where: str, allowed: set[str] | None = None) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{where} must be a non-empty object")
    out: dict[str, str] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not k or not isinstance(v, str):
            raise LexiconError(f"{where}: {k!r} must map a non-empty string to a string")
        if k != k.strip():
            raise LexiconError(f"{where}: {k!r} has spaces around it")
        if allowed is not None and v not in allowed:
            raise LexiconError(f"{where}: {k!r} maps to {v!r}, not one of {sorted(allowed)}")
        out[working_text(k)] = working_text(v)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0])))


@lru_cache(maxsize=1)
def metric_words() -> MetricWords:
    """The validated word lists; LexiconError names the file and key that is malformed."""
    u = load_data("metric_units.json")
    c = load_data("comparators.json")
    w = load_data("metric_words.json")
    units = _fold_map(u.get("units"), "data/metric_units.json: 'units'")
    not_after = u.get("not_after")
    if not isinstance(not_after, dict) or not all(isinstance(v, str) for v in not_after.values()):
        raise LexiconError("data/metric_units.json: 'not_after' must map a unit to a string of characters")
    mw = MetricWords(
        units=units,
        latin_units=_fold_list(u.get("latin_units"), "data/metric_units.json: 'latin_units'"),
        counts=frozenset(_fold_list(u.get("counts"), "data/metric_units.json: 'counts'")),
        need_noun_after=frozenset(
            _fold_list(u.get("need_noun_after"), "data/metric_units.json: 'need_noun_after'")
        ),
        not_after={working_text(k): working_text(v) for k, v in not_after.items()},
        time_units=frozenset(_fold_list(u.get("time_units"), "data/metric_units.json: 'time_units'")),
        cmp_before=_fold_map(c.get("before"), "data/comparators.json: 'before'", _COMPARATORS),
        cmp_after=_fold_map(c.get("after"), "data/comparators.json: 'after'", _COMPARATORS),
        cmp_between=_fold_map(c.get("between"), "data/comparators.json: 'between'", _COMPARATORS),
        cmp_adverbs=_fold_map(c.get("adverbs"), "data/comparators.json: 'adverbs'", _COMPARATORS),
        not_comparators=_fold_list(c.get("not_comparators"), "data/comparators.json: 'not_comparators'"),
        lists={k: _fold_list(w.get(k), f"data/metric_words.json: '{k}'") for k in _LIST_KEYS},
    )
    mw.compiled.update({k: _WordList(v) for k, v in mw.lists.items()})
    mw.compiled["not_comparators"] = _WordList(mw.not_comparators)
    return mw


def _alternation(words: Sequence[str]) -> str:
    """A pattern of any of ``words``, the longest first where several match at one place.

    The words are written as a tree of their shared beginnings (万元|万人|亿元 as
    万(?:元|人)|亿元): the engine tries an alternative at a time, and a list of a hundred units
    costs a hundred tries at every figure. Where two words match at one place one begins the
    other, and the longer is tried first (an ending is tried after the longer words through it),
    so a match is the one the flat list sorted longest first would give.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [re.escape(ch) + _tree_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:
        return f"(?:{body})?"  # greedy: the longer words through this ending are tried first
    return f"(?:{body})" if len(branches) > 1 else body


def _flat_alternation(words: Sequence[str]) -> str:
    """``words`` one after another, the longest first (for a case-blind pattern, where a tree of
    exact characters would not keep that order)."""
    return "|".join(re.escape(x) for x in sorted(words, key=lambda s: (-len(s), s)))


# ---------------------------------------------------------------------------------------------
# Patterns

_CN = "〇零一二两三四五六七八九十百千"


# A number as written: thousands may be grouped by commas (1,250.6) or, as Hong Kong and many PDFs
# write them, by spaces (4 800萬人次, 67 000個): only 1-3 digits before the first space.
# matches: "1,945.16", "4 800", "12314" ; must not match: "2013 200" as one number (4 digits before
# the space: two numbers)
_NUMBER = r"(?:\d{1,3}(?: \d{3})+(?!\d)|\d+(?:,\d{3})*)(?:\.\d+)?"


def _arabic_tail(named: bool, bare: bool = False) -> str:
    """What follows an Arabic number in a figure: a range, magnitude and unit (the groups are
    named only for the figure pattern itself). A figure may have no unit after 万 / 亿 (用户数
    达6.97亿); a ``bare`` one may have none at all (指数达到125左右: see _find_figures). A capital
    P right after 万 / 亿 is computing power in petaflops (算力规模超2.2万P, 智算规模22万P: the 2026
    work reports of 青海 and 内蒙古, tune), the one single letter read as a unit, and only there."""
    mw = metric_words()
    cjk_units = _alternation(list(mw.units))
    latin = _flat_alternation(mw.latin_units)
    between = _alternation(list(mw.cmp_between))
    # People counted with no measure word after 万 / 亿 (带动3.78万农牧民就业, 惠及17万婴幼儿, 13.2万脱贫
    # 人口实现稳岗就业: the 2026 work reports of 青海, 福建 and 河南, tune): a figure with no unit.
    people = _alternation(list(mw.lists["people_counted"]))
    tail = (
        rf"(?P<pct1>[ \t]*%)?"
        rf"(?:[ \t]*(?P<sep>--?|——?|[~至到–])[ \t]*(?P<num2>{_NUMBER}))?"
        rf"[ \t]*(?P<between>{between})?[ \t]*(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千(?![米克瓦]))?"
        rf"[ \t]*(?P<between2>{between})?[ \t]*(?:(?P<unit>{cjk_units})(?!\+)|(?P<latin>(?i:{latin})|(?<=[万亿])P)(?![A-Za-z+])"
        rf"|(?P<nounit>{'(?<!%)' if bare else '(?<=[万亿])'}(?=[ \t]*(?:左右|以下|以内|以上)?[ \t]*[,;。!?\n、)]"
        rf"{'' if bare else '|(?:' + people + ')'})))"
    )
    return tail if named else re.sub(r"\(\?P<\w+>", "(?:", tail)


@lru_cache(maxsize=1)
def _figure_pattern() -> re.Pattern[str]:
    """One pattern for every way a figure is written; the branch that matched names the way.

    ``arabic``: 1945.16 亿元, 3-5 个, 300多家, 2.5万个 (must not match 2025年, 5G, B1地块: no unit);
    ``pct``: 百分之十五, 百分之三点五 (before ``frac``, which reads no decimals); ``frac``: 三分之一; ``tenths``: 九成; ``big``: 八大 / 10大 followed by a noun;
    ``cn``: 三个 / 两所 (Chinese numerals with a classifier).
    """
    counts = _alternation(list(metric_words().counts))
    units = _alternation(list(metric_words().units))
    # re.ASCII: a digit is 0-9 (the working text has full-width digits folded), which the engine
    # tests at a glance; a Unicode digit class costs a lookup for every character of the text.
    return re.compile(
        # Every way starts with a digit or a Chinese numeral: the lookahead lets the engine skip
        # all other characters at once.
        rf"(?=[\d{_CN}万亿])"
        # (A figure after a slash is a date's or a ratio's part, 2020/12, 1/3; after a unit and a
        # slash it is the next of two figures of one cell: 24.3万户/682个.)
        rf"(?:(?<![\d.A-Za-z+\-每])(?<![\d.A-Za-z+\-%/]/)(?P<num>{_NUMBER}){_arabic_tail(named=True)}"
        rf"|百分之(?P<pct>\d+(?:\.\d+)?|[{_CN}]+(?:点[〇零一二三四五六七八九]+)?)"
        rf"|(?P<frac>[\d{_CN}]+分之[\d{_CN}]+)"
        rf"|(?P<tenths>[\d一二两三四五六七八九]成[一二三四五六七八九半]?)"
        rf"|(?<![{_CN}\d第])(?P<cbei>[一二两三四五六七八九十]{{1,2}})倍(?:[ \t]*(?P<bhalf>半))?"
        rf"|(?<![\d.A-Za-z{_CN}])(?P<big>\d{{1,3}}|[二两三四五六七八九十]{{1,3}})大(?=[\u4e00-\u9fff])"
        rf"|(?<![{_CN}\d第每])(?P<cn>[二两三四五六七八九十百]{{1,4}})(?P<cunit>{counts})(?=[\u4e00-\u9fff])"
        rf"|(?<![{_CN}万亿\d.第每])(?P<cbig>[{_CN}万亿]*[千万亿]|[{_CN}万]*[十百千万](?P<duo>多)(?:万亿|亿|万)?)"
        rf"(?P<cbunit>{units}))",
        re.ASCII,
    )


@lru_cache(maxsize=1)
def _figure_start_pattern() -> re.Pattern[str]:
    """Where a figure may start: every place ``_figure_pattern`` matches, and few others.

    It opens with a character class so that the engine skips to the next digit or numeral at
    C speed (the figure pattern opens with a lookahead, tried at every character).
    matches: the "1" of "增长15%", the "三" of "三分之一", "三个", "八大", "九成"
    must not match: the "5" of "15%" (after a digit), the "2" of "2025年" (no unit after it),
    the "一" of "进一步" (no 分之/成/大/count after it)
    """
    mw = metric_words()
    counts = _alternation(list(mw.counts))
    # Cheap first checks: the characters a unit (or %, a range, a magnitude, a comparator) and a
    # count word may start with; the whole tail is tried only after one of them.
    after_number = (
        {"%", "-", "~", "至", "到", "万", "千", "百", "亿", "—", "–"}
        | {w[0] for w in (*mw.units, *mw.cmp_between)}
        | {c for w in mw.latin_units for c in (w[0].lower(), w[0].upper())}
    )
    after_numeral = {"分", "成", "大", "倍"} | {w[0] for w in mw.counts}
    after_magnitude = {w[0] for w in mw.units}
    # The number is read possessively (no giving back): what may follow it (a unit, %, a range, a
    # magnitude, a comparator, white space and then one of those) never opens with a digit, a
    # comma, a point or white space before a digit, so a shorter reading never lets the rest match
    # where the longest fails; backing off a run of digits one by one was most of the scan's work.
    number = r"[0-9]*+(?:[, ][0-9]{3})*+(?:\.[0-9]+)?+"
    # (0-9 for \d, the same with re.ASCII: a class of its own the engine tests apart. The last
    # way is not tried after a digit: every figure that starts at a digit is one of the others.)
    return re.compile(
        rf"[0-9{_CN}万亿](?:(?<=[0-9])(?<![0-9.A-Za-z+\-][0-9])(?<![0-9.A-Za-z+\-%/]/[0-9])(?={number}[ \t]*+[{_charset(after_number)}])"
        rf"(?={number}{_arabic_tail(named=False)})"
        rf"|(?<=[0-9{_CN}])[0-9{_CN}]*+(?=[{_charset(after_numeral)}])(?:分之|成|大|倍|{counts})"
        rf"|(?<![0-9])(?<![0-9.{_CN}万亿第][{_CN}万亿])[{_CN}万亿]*(?:(?<=[千万亿])(?=[{_charset(after_magnitude)}])|(?<=[十百千万])(?=多)))",
        re.ASCII,  # see _figure_pattern
    )


def _charset(chars: set[str]) -> str:
    """The inside of a character class of ``chars``."""
    return "".join(re.escape(c) for c in sorted(chars))


def _find_figures(work: str) -> list[re.Match[str]]:
    """Every figure of ``work`` in order: those of the figure pattern (_scan_figures), and the
    levels of an index written with no unit (两化融合发展指数达到125左右), looked for only after
    an index's name (a bare number is no figure anywhere else)."""
    found = _scan_figures(work)
    if "分别" in work and "、" in work:
        found = _with_listed_numbers(work, found)
    if not any(name[0] in work and name in work for name in _INDEX_NAMES):
        # (a substring test per name is cheaper than the pattern, tried at every character; and
        # one of a character, which runs at the speed of memchr, cheaper than one of a word)
        return found
    bare = _bare_figure_pattern().match
    extra: list[re.Match[str]] = []
    for m in _INDEX_NAME.finditer(work):
        v = _LEVEL_VERB.search(work, m.end(), m.end() + 16)
        if v is not None:
            b = bare(work, v.end())
            if b is not None and b["nounit"] is not None:
                extra.append(b)
    if not extra:
        return found
    starts = {m.start() for m in found}
    return sorted([*found, *(b for b in extra if b.start() not in starts)], key=lambda m: m.start())


# The numbers listed after 分别 that share the unit written after the last of them: 6类工程项目的审批
# 时间分别压缩至70、40、30、30、40、35个工作日 (a 湖北 city's 支持实体经济 意见), 一、二、三等奖分别奖励
# 5、3、1万元; 分别达到10、20、30个 (the goals of 区 plans for several districts). The last number is
# a figure of its own; each one before it takes its unit (and magnitude).
# matches: "分别压缩至70、40、35" ; must not match: "分别增长8.5%、7.2%" (each has its unit), "第1、2批"
_LISTED_UNDER_ONE_UNIT = re.compile(
    r"分别[^,;。!?:\n\d]{0,12}?(?<![\d.])(?P<list>\d+(?:\.\d+)?(?:[ \t]*、[ \t]*\d+(?:\.\d+)?)+)"
)
_LISTED_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def _listed_number_pattern() -> re.Pattern[str]:
    """One number of a list that shares the unit after its last one, with the groups of an Arabic
    figure (``unit`` and ``mag`` read ahead, past the list; the others never match)."""
    units = _alternation(list(metric_words().units))
    return re.compile(
        r"(?P<num>\d+(?:\.\d+)?)"
        r"(?=(?:[ \t]*、[ \t]*\d+(?:\.\d+)?)+[ \t]*(?P<mag>万亿|千亿|百亿|千万|百万|亿|万)?[ \t]*"
        rf"(?P<unit>{units}))"
        r"(?:(?!)(?P<pct1>)(?P<num2>)(?P<between>)(?P<between2>)(?P<latin>))?",
        re.ASCII,
    )


def _with_listed_numbers(work: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """``found`` with the numbers listed after 分别 before the last one, which share its unit."""
    match = _listed_number_pattern().match
    extra: list[re.Match[str]] = []
    for listed in _LISTED_UNDER_ONE_UNIT.finditer(work):
        base = listed.start("list")
        for n in _LISTED_NUMBER.finditer(listed["list"]):
            m = match(work, base + n.start())
            if m is not None:
                extra.append(m)
    if not extra:
        return found
    starts = {m.start() for m in found}
    return sorted([*found, *(b for b in extra if b.start() not in starts)], key=lambda m: m.start())


@lru_cache(maxsize=1)
def _bare_figure_pattern() -> re.Pattern[str]:
    """An Arabic figure that may have no unit at all (read only after an index's name)."""
    return re.compile(
        rf"(?<![\d.A-Za-z+\-/])(?P<num>{_NUMBER}){_arabic_tail(named=True, bare=True)}", re.ASCII
    )


# The name of an index, and the verb of level after it (the figure follows the verb).
# matches: "指数" + "达到" (指数达到125), "PUE" + "降至" ; must not match: "指数型" (no verb of level)
_INDEX_NAMES = ("指数", "系数", "PUE", "使用效率")
_INDEX_NAME = re.compile("|".join(_INDEX_NAMES))
_LEVEL_VERB = re.compile(
    r"[^,;。!?\n\d]{0,6}?(?:达到|达|为|降至|降到|降低到|降低至|下降到|下降至|提高到|提高至|提升到|提升至|控制在|"
    r"保持在|不低于|不高于|不超过|低于|高于|超过)[ \t]*(?=\d)"
)


def _scan_figures(work: str) -> list[re.Match[str]]:
    """``_figure_pattern().finditer(work)``, tried only where a figure may start."""
    figure = _figure_pattern().match
    start = _figure_start_pattern().search
    out: list[re.Match[str]] = []
    pos = 0
    while (c := start(work, pos)) is not None:
        pos = c.start()
        m = figure(work, pos)
        if m is None:
            pos += 1
        else:
            out.append(m)
            pos = m.end()
    return out


# A year mentioned in running text (the nearest one before a figure is its year).
# matches: "到2025年", "2020 年底", "2016 年的", "2022年6月" ; must not match: "12025年" (a longer number)
# (An item's number may stand just before it: "1.2025年6月底前".)
# (What may stand before the year is asked after its first digit, looking back past it: a pattern
# that opens with a digit lets the engine skip to the next 1 or 2 at once, where one that opens
# with the look back is tried at every character, some six times slower on a sentence.)
_YEAR_BEFORE = r"(?:(?<![\d.])|(?<=\n\d\.)|(?<=\n\d\d\.)|(?<=^\d\.))"
_YEAR = re.compile(rf"(?P<y>(?:1(?<={_YEAR_BEFORE}1)9|2(?<={_YEAR_BEFORE}2)0)\d{{2}})[ \t]*年")
# A fiscal year (_FISCAL_YEAR) and a part of the year already past (_TO_DATE): see periods.


# "within N years" counts from the document's year.
# matches: "三年内", "5年内" ; must not match: "2025年内" (a year, not a count)
_YEARS_WITHIN = re.compile(r"(?<!\d)(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})[ \t]*年(?:之)?内")


def _years_within_word(work: str, lo: int, hi: int) -> bool:
    """Whether ``work[lo:hi]`` holds the 年内 or 年之内 every match of _YEARS_WITHIN holds (a word
    is found at the speed of memchr; the pattern opens with a look back, tried at every character)."""
    return work.find("年内", lo, hi) >= 0 or work.find("年之内", lo, hi) >= 0


# A heading with its numbering: level 1 (一、 / 第一章) or level 2 ((一)).
# matches: "一、发展现状及面临形势", "(一)发展基础" ; must not match: "1.经济规模" (a list item)
_HEADING_BODY = (
    r"[ \t]*(?:(?P<l1>[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部篇])|(?P<l2>\([一二三四五六七八九十]+\)))"
    r"[ \t]*(?P<title>[^\n。]{0,60})"
)
_HEADING = re.compile(rf"^{_HEADING_BODY}", re.M)


class _AtLineStarts:
    """A pattern tried only at the start of each line (``^`` with re.M is tried at every
    character; a pattern that opens with "\\n" lets the engine jump from line to line). The body
    must not match a line break; ``m.start("line")`` and ``m["line"]`` are the match in its line."""

    def __init__(self, body: str) -> None:
        self._first = re.compile(rf"(?P<line>{body})", re.M)
        self._rest = re.compile(rf"\n(?P<line>{body})", re.M)

    def finditer(self, work: str) -> Iterator[re.Match[str]]:
        first = self._first.match(work)
        if first is not None:
            yield first
        yield from self._rest.finditer(work)


_HEADING_LINES = _AtLineStarts(_HEADING_BODY)
# Short quotations and titles name things; figures inside them are not metrics.
# matches: "“支持民营企业发展13条”", "《…(2022-2025年)》", "〔2019〕11号" ; must not match: a quoted
# sentence of more than 20 characters (“力争到2025年全市新增高新技术企业100家以上”)
# A quotation followed by 目标 is the goal it quotes, not a name: 确保完成“创建50个停车资源共享利用示范
# 项目”的工作目标 (松江's parking opinions quoting the city's 实事 list), as the long quoted goal above.
# (No "|" inside a branch: the pattern is split on it, one pattern for each first character.)
_NAMED = re.compile(
    r"“[^“”\n]{0,20}”(?![ \t]*的?[ \t]*(?:[工年总][作度体])?目标)|\"[^\"\n]{0,20}\"|《[^《》\n]{0,80}》"
    r"|〔[^〔〕\n]{0,8}〕[^\n,。;]{0,6}号"
)
# The same, one pattern for each first character (see _finditer_merged).
_NAMED_BY_FIRST = tuple(re.compile(a) for a in _NAMED.pattern.split("|"))
# The end of a clause. A comma between digits (1,250.6) separates thousands, not clauses.
# matches: the "," of "完成480亿元,增长6%" ; must not match: the "," of "1,250.6亿元"
# (It opens with the stop character itself so that the engine jumps from stop to stop.)
_CLAUSE_END = re.compile(r"[,;。!?:\n](?:(?<=[;。!?:\n])|(?<!\d,)|(?<=,)(?!\d{3}(?!\d)))")
_GROWTH_TO = ("增", "到", "至")
# Words between an indicator and its figure that are not part of the indicator's name.
# (目前 / 现在 / 当前 date a figure, never name one: 绿化覆盖率由目前的35%提高到40%)
_INDICATOR_TAIL = (
    "分别",
    "从",
    "由",
    "的",
    "增至",
    "增长到",
    "提高到",
    "提升到",
    "、",
    "目前",
    "现在",
    "当前",
)
# Spaces inside a line (a PDF's "1945.16 亿元").
# matches: " " ; must not match: "亿"
_SPACES = re.compile(r"[ \t\n]+")  # (a line break inside an indicator is a wrapped line's)
# One figure shared by the names before it: 各 / 分别 / 均 just before the verb.
# matches: "各新增", "分别达到", "均不低于" ; must not match: "各类", "各部门" (each of a kind)
_SHARED = re.compile(r"(?<![、])(?:各|分别|均)(?=[^类区部级地项种有单街个]{0,6}$)")
# One name of a list before 分别.
# matches: "批发业" and "零售业销售额" in "批发业、零售业销售额" ; must not match: "、"
_NAME = re.compile(r"[^、与和]+")
# Where the noun after a figure ends.
# (the bar of a table's cell read as text ends it: 35万吨 | 2.1%)
# matches: "、", ",", "和", "|" ; must not match: a character of the noun
_RIGHT_STOP = re.compile(
    r"[、,;。!?:\n(|｜]|和|及|以上|增长|增至|提高|提升|下降|增加[到至]|降低[到至]|降至|预计"
    r"|的(?=[ \t]*\d)"  # (年计划80亿元的52.5%: a share of the figure follows)
)
# A clause that names no subject of its own borrows the one before it.
# matches: "占GDP比重", "增长" ; must not match: "新增"
_BORROW_SUBJECT = ("占", "增长", "年均", "同比", "比上年", "较上年", "下降", "提高")
# Verbs between a subject and its figure.
_SUBJECT_VERBS = ("完成", "实现", "达到", "达", "为", "是", "有", "仅有", "虽已", "已", "合计", "共")
# A year at the end of an indicator's words is the figure's year, not its name.
# matches: "2020 年的" ; must not match: "2020年度指标" (the year is followed by more words)
_TRAILING_YEAR = re.compile(r"(?:19|20)\d{2}[ \t]*年(?:底|末)?[ \t]*的?[ \t]*\Z")
# The marker of an item of a list that opens a clause: a number in parentheses ((1), (一), 1)), one
# character that encloses a number or letter (⑴, ①, ⒈, ❶, ㈠, ㊀, ⓐ: Unicode's enclosed alphanumerics,
# dingbat circled digits, parenthesized and circled ideographs), or 一是 / 二是 (the items of a
# speech). No part of an indicator. matches: "(1)", "(三)", "1)", "⑴", "①", "⒈", "❶", "㈠", "一是" ;
# must not match: "Ⅲ" (a class: Ⅲ类水体), "(2024)" (a year in parentheses), "一是否"
_ITEM_MARK = (
    r"\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|\d{1,2}\)"
    r"|[\u2460-\u24ff\u2776-\u2793\u3220-\u3229\u3280-\u3289][.、]?"
    r"|[一二三四五六七八九十]{1,2}是(?!否)"
)
# Words that open a clause but name no indicator: time, intent, list numbers.
# A speech's subject and the words that join its clause to the one before are no part of the
# indicator either (香港's budget speech of 2013: 我们亦计划在屯门西划定一幅约10公顷的土地, 而汽车首次登记税
# 则超过70亿元, 以及4 000个货尾单位; its Secretary for Education: 我们会…; a month just past: 在上月只有19宗).
# matches: "力争到2025年", "2018年度", "其中", "“十三五”期间", "1.", "我们亦计划", "以及", "而", "在上月只" ; must not
# match: "新增", "我国", "而且" (and the dash that opens an item of a list of goals: ——地区生产总值…)
_LEAD_NOISE = re.compile(
    r"(?:[ \t]|我们(?:亦|也|会|将|已经?|还|计划)*|我(?:会|将)|以及|而(?!且)|在?上个?月(?:只|仅)?|其中|同时|并|力争|争取|努力|确保|预计|全年|今年|明年|年内|共|累计|到?[ \t]*(?:19|20)\d{2}[ \t]*年度?(?:底|末)?(?:前|的)?"
    r"|(?:基本)?实现了?|[此该这]项|(?:[一二两三四五六七八九十]{1,2}|\d{1,2})[ \t]*年(?:之)?内|(?:及)?(?:以上|以下|左右|以内)[ \t]*[、,和与及]"
    r"|截至|截止|全[市县区省](?=[\u4e00-\u9fff]{2})(?!域|范围|通办)|(?:推动|加快)(?=[\u4e00-\u9fff]{2})|[一二三四五六七八九十\d]+[.、]|“十[一二三四五六七八九]五”(?:期间|时期|以来)?"
    rf"|{_ITEM_MARK}|——?|\((?:预计|估计|初步统计)\)|[|｜])+"
)


# ---------------------------------------------------------------------------------------------
# The parts of a document: review of a past period, or the plan


@dataclass(frozen=True)
class _Mode:
    start: int
    kind: Kind
    year: int | None
    level: int  # 1, 2 for numbered headings; 3 for openers and leading years
    end: int | None = None  # a mark that holds for its paragraph only ends with it


def _defaults(info: DocInfo) -> tuple[int | None, int | None]:
    """(year of a review, year of a target) when the text names none."""
    if info.reviews is not None:
        # A review of one year (a statistical communique, news of a year's results): its figures
        # are actuals of that year; what it plans, of the year it is written in when that is later.
        later = info.year is not None and info.year > info.reviews
        if info.kind == "work_report" and not later:
            # A work report given late in the year it reviews (docinfo.reviews_its_own_year) plans
            # the next.
            return info.reviews, info.reviews + 1
        # News of the part of its own year gone by (今年以来,…) plans the rest of that year
        # (全年力争…突破100亿元).
        # So does a summary of the part of its year gone by (2024年上半年工作总结和下半年工作打算).
        plans_rest = info.kind in ("report", "news") or reviews_part_of_its_year(info.title)
        return info.reviews, (info.year if later or plans_rest else None)
    if info.period_start is not None and info.period_end is not None:
        if info.period_start == info.period_end == info.year and reviews_part_of_its_year(info.title):
            # A plan of its year that first reviews the part of it gone by (2023年上半年工作总结及
            # 下半年工作计划): what that part achieved is of the plan's own year, not the year before.
            return info.year, info.year
        return info.period_start - 1, info.period_end
    if info.kind == "work_report" and info.year is not None:
        return info.year - 1, info.year
    if info.kind == "plan" and info.year is not None:
        # A plan of one year (its title names the year) plans for it; a standing plan (实施方案
        # (试行)) sets targets of no year.
        if _plans_one_year(info):
            return info.year - 1, info.year
        # A plan with no period describes the situation it starts from as it stands when written
        # (徐汇's 装修垃圾 plan: 日分拣处置能力300吨/日; 静安's metro plan: 共有轨道交通线路9条): the
        # document's own year. Its targets are of the year it is written for (a 实施方案 naming no
        # later year: docinfo.written_for), else (实施方案（试行）, a standing rule) of none.
        return info.year, info.written_for
    if info.kind == "report" and info.year is not None:
        return info.year, info.year  # a report on a situation: as it stands when written
    return None, None


@lru_cache(maxsize=64)
def _any_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_alternation(words))


@lru_cache(maxsize=64)
def _any_re_by_first(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """``_any_re(words)`` as one pattern for each first character of the words (see
    _finditer_merged)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return tuple(re.compile(_alternation(g)) for _, g in sorted(groups.items()))


def _finditer_merged(patterns: Sequence[re.Pattern[str]], work: str) -> list[re.Match[str]]:
    """The matches ``finditer`` of the alternation of ``patterns`` (none matching an empty string)
    finds in ``work``. The engine skips to a pattern's literal first character at a glance, but
    tries a class of first characters (an alternation's) at every character, so a few searches
    for literals cost less than one for the class. Where two match at one place the earlier
    pattern's match is taken, and a match that overlaps the one before it is searched for again
    after that one, as the alternation would."""
    lists = [hits for hits in (list(p.finditer(work)) for p in patterns) if hits]
    if len(lists) <= 1:
        return lists[0] if lists else []  # one pattern's matches: in order, none overlapping
    found = sorted((m for hits in lists for m in hits), key=re.Match.start)
    pos = 0
    for m in found:
        if m.start() < pos:
            break  # two overlap: searched for one by one below
        pos = m.end()
    else:
        return found
    heads = [p.search(work) for p in patterns]
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for i, h in enumerate(heads):
            if h is not None and h.start() < pos:
                h = heads[i] = patterns[i].search(work, pos)
            if h is not None and (best is None or h.start() < best.start()):
                best = h
        if best is None:
            return out
        out.append(best)
        pos = best.end()


@lru_cache(maxsize=64)
def _suffix_re(words: tuple[str, ...]) -> re.Pattern[str]:
    # Anchored at the end (``endpos``): the leftmost match is the longest word ending there.
    return re.compile(rf"(?:{_alternation(words)})[ \t]*\Z")


@lru_cache(maxsize=64)
def _prefix_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?P<w>{_alternation(words)})")


class _WordList:
    """The compiled forms of one word list, with the characters its words start and end with
    (a figure is checked against a dozen lists; most checks fail on the first character)."""

    __slots__ = ("words", "search", "prefix", "firsts", "lasts", "lengths", "members", "lengths_by_last")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.search = _any_re(words).search
        self.prefix = _prefix_re(words).match
        # Every word once, and their lengths longest first: the longest word that ends at an
        # offset is found by a few slices (a regex would read the text backwards).
        self.members = frozenset(words)
        self.lengths = tuple(sorted({len(w) for w in words}, reverse=True))
        # A space or tab may be skipped before (after) a word: those are tried by the pattern.
        self.firsts = frozenset(w[0] for w in words) | {" ", "\t"}
        self.lasts = frozenset(w[-1] for w in words) | {" ", "\t"}
        # The lengths of the words that end with each character, longest first: a word that ends
        # at an offset ends with the character before it, so only those lengths are tried.
        by_last: dict[str, set[int]] = {}
        for w in words:
            by_last.setdefault(w[-1], set()).add(len(w))
        self.lengths_by_last = {c: tuple(sorted(ns, reverse=True)) for c, ns in by_last.items()}


_WORD_LISTS: dict[int, _WordList] = {}


def _word_list(words: tuple[str, ...]) -> _WordList:
    """The compiled word list of ``words`` (looked up by identity: the lists are built once)."""
    found = _WORD_LISTS.get(id(words))
    if found is None or found.words is not words:
        if len(_WORD_LISTS) > 256:
            _WORD_LISTS.clear()
        found = _WORD_LISTS[id(words)] = _WordList(words)
    return found


def _compiled(words: tuple[str, ...] | _WordList) -> _WordList:
    return words if isinstance(words, _WordList) else _word_list(words)


def _has(text: str, words: tuple[str, ...] | _WordList) -> bool:
    wl = words if isinstance(words, _WordList) else _word_list(words)
    return wl.search(text) is not None


# Years named relative to the document's own.
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}
# A year named relative to the document's own. matches: "去年", "今年" ; must not match: "上年" (the
# base of a growth rate: 比上年增长)
# (A text wrapped at a fixed width may break the word: "前 年".)
_RELATIVE_YEAR = re.compile("(今|去|明|前)[ \t]?年")


# The verbs after a report that a paragraph of news reads its opener from (_mode_patterns): the
# report's own (报告指出), or its speaker's as a journalist quotes them (县长在报告中说,过去一年,…;
# 他表示,今年…).
_REPORT_VERBS = ("指出", "提到", "显示", "说", "表示")


@lru_cache(maxsize=1)
def _mode_patterns() -> tuple[_AtLineStarts, _AtLineStarts, _AtLineStarts, re.Pattern[str]]:
    """(opener at a line start, the same with no report before it, year at a line start, a word
    of an unnumbered heading)."""
    mw = metric_words()
    openers = _alternation((*mw.words("review_openers"), *mw.words("target_openers")))
    headings = _alternation((*mw.words("review_headings"), "目标"))
    # An opener: "过去一年,…", "今年,…", or one after the report a paragraph of news reads it from
    # (陆丰's 2022 news reading its 市政府工作报告: 《市政府工作报告》指出,过去一年全市经济发展稳中有进。…实现地区
    # 生产总值418.52亿元). must not match: "…,今年" (not at a line start), "我要指出,“特别优惠措施”…" (no
    # opener after it, 香港's Secretaries in the 2013 budget debate)
    opener = _AtLineStarts(
        rf"[ \t]*(?:[^\n,。;:!?]{{1,16}}?(?:{'|'.join(_REPORT_VERBS)})[ \t]*,[ \t]*)?(?P<w>{openers})(?P<rest>[^\n]{{0,12}})"
    )
    # (The report before an opener is looked for at every line start, some 16 characters ahead: a
    # text that holds none of its verbs, most documents, is searched for the opener alone.)
    bare_opener = _AtLineStarts(rf"[ \t]*(?P<w>{openers})(?P<rest>[^\n]{{0,12}})")
    # A year that opens a paragraph: "2023年,…", "报告指出,2023年,…", or the goals of a year
    # ("2024年主要预期目标是:", "2024年全县经济社会发展的主要目标:", as speeches to a work conference
    # and plan reports of 县 and 市 announce them). must not match: "到2025年释放"
    # (Possessive: the year can only start at the first digit of its line, so nothing is retried.)
    lead_year = _AtLineStarts(
        r"[ \t]*+[^\n\d]{0,8}+(?P<y>(?:19|20)\d{2})[ \t]*年(?:[,是]|底|末|$|[^\n,。;:\d]{0,16}?目标)"
    )
    # A word of an unnumbered heading: "发展基础", "主要目标" (see _short_headings).
    short = re.compile(headings)
    return opener, bare_opener, lead_year, short


# A paragraph that reviews the recent years up to the time of writing.
# matches: "近十年来,", "近年来," "  近5年来" ; must not match: "最近,", "近十年的" (no 来)
_RECENT_LINES = _AtLineStarts(r"[ \t]*近(?:[一二三四五六七八九十]{1,2}|\d{1,2}|几)?年(?:以)?来")
# What an unnumbered heading line holds none of.
_NOT_IN_SHORT_HEADING = frozenset(",。;:!?")


def _short_headings(work: str, words: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(offset, text) of the lines that are an unnumbered heading: 2 to 20 characters after the
    spaces that open them, a heading word (``words``) and no clause punctuation.
    matches: "发展基础", "  主要目标" ; must not match: "全市新增就业1万人。", a line of 30 characters
    (A text of long lines, most documents, has its lines of at most 20 characters searched for a
    word by one pattern that jumps from line to line; in a text of short lines (a table a cell a
    line) the words are looked for, and each line holding one is read once.)"""
    if len(work) > 40 * work.count("\n"):
        for m in _short_lines(words.pattern).finditer(work):
            line = m["line"]
            if len(line) < 2 or not _NOT_IN_SHORT_HEADING.isdisjoint(line):
                continue
            yield m.start("line"), line
        return
    last = -1
    for hit in words.finditer(work):
        start = work.rfind("\n", 0, hit.start()) + 1
        if start == last:
            continue
        last = start
        end = work.find("\n", hit.end())
        line = work[start:] if end < 0 else work[start:end]
        n = len(line)
        if n < 2 or n - (n - len(line.lstrip(" \t"))) > 20 or not _NOT_IN_SHORT_HEADING.isdisjoint(line):
            continue
        yield start, line


@lru_cache(maxsize=4)
def _short_lines(words: str) -> _AtLineStarts:
    """The lines of at most 20 characters after the spaces that open them that hold one of
    ``words`` (a pattern)."""
    return _AtLineStarts(rf"[ \t]*+(?=[^\n]{{0,20}}+(?:\n|\Z))[^\n]*?(?:{words})[^\n]*")


# An unnumbered part title of 21 to 30 characters that pairs two periods, the review of the plan
# period gone by with the last year, or the next plan's goals with this year's work: “十四五”时期
# 发展成就和2025年工作回顾, “十五五”时期主要目标和2026年重点工作 (内蒙古's 2026 work report, tune;
# the numbered titles of 北京's and 新疆's 2026 reports run as long: 二、“十四五”时期发展成就和“十五五”
# 时期主要目标任务). A shorter line is read by _short_headings.
# matches: "“十四五”时期发展成就和2025年工作回顾" ; must not match: a line of 20 characters, a sentence
# (“2025年主要目标是:…”), a figure (“到2025年森林覆盖率目标达到24.1%以上”)
_LONG_PART_TITLE = _AtLineStarts(r"[ \t]*+(?=[^\n]{21,30}+(?:\n|\Z))[^\n]*?(?:回顾|目标)[^\n]*")
# What such a title holds none of: clause punctuation, a figure's marks.
_NOT_IN_PART_TITLE = frozenset(",。;:!?%.")


def _long_part_titles(work: str) -> Iterator[tuple[int, Kind]]:
    """(offset, kind) of the unnumbered part titles of 21 to 30 characters (_LONG_PART_TITLE) in a
    text of long lines: a review (回顾) reports, goals (目标) plan. Digits only as the years they
    name; a numbered line is read with the headings."""
    if len(work) <= 40 * work.count("\n"):
        return  # a text of short lines (a table a cell a line): its cells are not part titles
    for m in _LONG_PART_TITLE.finditer(work):
        line = m["line"].strip()
        if not _NOT_IN_PART_TITLE.isdisjoint(line) or _HEADING.match(line):
            continue
        if sum(c.isdigit() for c in line) != 4 * len(_YEAR.findall(line)):
            continue  # a digit that is not a year's: a figure
        review, goals = "回顾" in line, "目标" in line
        if review != goals:
            yield m.start("line"), "actual" if review else "target"


# A blank line: a line break, white space only, a line break. matches: "\n\n", "\n \u3000\n"
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _announces_a_list(work: str, at: int) -> bool:
    """Whether the line holding ``at`` ends with a colon (2019年,全区完成以下工作:), announcing the
    list after it."""
    line_end = work.find("\n", at)
    return work[at : len(work) if line_end < 0 else line_end].rstrip().endswith(":")


def _paragraph_end(work: str, at: int) -> int:
    """Where the paragraph holding ``at`` ends: at the next blank line, else at its line's end."""
    line_end = work.find("\n", at)
    if line_end < 0:
        return len(work)
    blank = _BLANK_LINE.search(work, line_end)
    return blank.start() if blank is not None else line_end


def _modes(work: str, info: DocInfo) -> list[_Mode]:
    """Where the document turns to a review or to its plan, in order of offset."""
    mw = metric_words()
    review_words, target_words = mw.words("review_headings"), mw.words("target_headings")
    review_openers = set(mw.words("review_openers"))
    review_year, target_year = _defaults(info)
    # A report on a situation reviews it from its first line; any other document plans.
    reviews = info.kind == "report" or info.reviews is not None
    first: _Mode = _Mode(0, "actual", review_year, 0) if reviews else _Mode(0, "target", target_year, 0)
    marks: list[_Mode] = [first]
    part = first  # the mode of the numbered part (一、二、…) read last
    # A review of one year that is not a work report or a plan (a statistical communique, an
    # account of the rural economy of a year), and a part that reviews (一、2019年工作完成情况): a
    # heading that names the work done (四、重点项目和民生工程, (二)农业基础设施建设任务) heads results,
    # not a turn to the plan.
    in_review = info.reviews is not None and info.kind not in ("work_report", "plan")
    for m in _HEADING_LINES.finditer(work):
        title = m["title"]
        y = _YEAR.search(title)
        level = 1 if m["l1"] else 2
        if _has(title, review_words) or (y and info.year is not None and int(y["y"]) < info.year):
            marks.append(_Mode(m.start("line"), "actual", int(y["y"]) if y else review_year, level))
        elif (
            _has(title, target_words)
            and (in_review or (level == 2 and part.kind == "actual" and part.start))
            and _names_work_only(title, target_words)
        ):
            # (the work a review reports on, in the review of a year or under a part that reviews)
            held = first if level == 1 else part
            marks.append(_Mode(m.start("line"), held.kind, held.year, level))
        elif _has(title, target_words) or (level == 1 and first.kind == "target"):
            # A part that sets the goals of a five-year plan and names no year (二、“十五五”时期主要
            # 目标任务, in the 2026 work reports of 河南 and 山西, tune) is for the plan's last year;
            # so is a goal or task heading inside that part that names no year or period of its own
            # ((五)以更实举措提高人民生活品质 under 二、“十五五”主要目标任务, 青海's 2026 report, tune).
            plan_end = None if y else five_year_plan_end(title)
            year = int(y["y"]) if y else (plan_end or target_year)
            if level == 2 and not y and plan_end is None and part.kind == "target" and part.start:
                year = part.year if part.year is not None else year
            marks.append(_Mode(m.start("line"), "target", year, level))
        elif level == 1:
            marks.append(_Mode(m.start("line"), first.kind, first.year, level))  # a report's part
        if level == 1:
            part = marks[-1] if marks[-1].start == m.start("line") else first
    opener, bare_opener, lead_year, short = _mode_patterns()
    if not any(verb in work for verb in _REPORT_VERBS):
        opener = bare_opener  # (no report an opener follows: see _mode_patterns)
    opened: set[int] = set()
    # A speech in paragraphs with no numbered parts (香港's Secretaries replying in the LegCo
    # debates of 2013: 回顧過去十多年，特區政府已不斷投入資源… then 我們建議…注資) turns to the past
    # for one paragraph: its review opener dates that paragraph, not the rest of the speech.
    in_paragraphs = info.kind == "work_report" and len(marks) == 1
    # A document that reviews last year and plans its own (a work report, news of one, however
    # its page is classed): a paragraph that opens on last year may turn to this year's plan (see
    # _turn_in_paragraph).
    turns = info.reviews is None and info.year is not None
    for m in opener.finditer(work):
        y = _YEAR.search(m["rest"])
        kind: Kind = "actual" if m["w"] in review_openers else "target"
        if m["w"] == "今年" and m["rest"].startswith("以来"):
            kind = "actual"  # 今年以来,… reports the part of the year gone by (news of a year's run)
        year = review_year if kind == "actual" else target_year
        if year is None and kind == "actual" and info.year is not None:
            # 过去一年,… / 一年来,… in a document that is neither a plan nor a work report (a
            # speech to a work conference, 在全县经济工作会议上的讲话; a town's 工作要点 that opens
            # with last year's results) reviews the year before its own, as a work report does.
            year = info.year - 1
        if y:
            year = int(y["y"])
        end: int | None = None
        if in_paragraphs and kind == "actual":
            line_end = work.find("\n", m.start("line"))
            line_end = len(work) if line_end < 0 else line_end
            if work.find("。", m.start("line"), line_end) >= 0:
                end = line_end  # (a paragraph of sentences; a heading line (回顾2023:) opens a part)
        if m["w"] in _RELATIVE_YEARS and info.year is not None:
            if _RELATIVE_YEARS[m["w"]] < 0:
                # 去年,… in the middle of a plan dates its paragraph, not what follows it (a part
                # that reviews last year opens with a heading or 过去一年).
                end = work.find("\n", m.start("line"))
                end = len(work) if end < 0 else end
            if not y:
                year = info.year + _RELATIVE_YEARS[m["w"]]  # 今年 is the document's year
                if year == info.year and kind == "target" and target_year is not None:
                    year = target_year  # … and what it plans is for its plan's year (a budget's)
        marks.append(_Mode(m.start("line"), kind, year, 3, end))
        opened.add(m.start("line"))
        if turns and kind == "actual" and year is not None and info.year is not None and year < info.year:
            marks.extend(_turn_in_paragraph(work, m.start("line"), info.year, target_year))
    if info.year is not None:
        # (Looked for only when the text holds a 近: a search of one character runs at the speed
        # of memchr, the pattern is tried at every line start.)
        for m in _RECENT_LINES.finditer(work) if "近" in work else ():
            # 近十年来,… reviews up to the time of writing: the document's own year.
            marks.append(_Mode(m.start("line"), "actual", info.year, 3))
            opened.add(m.start("line"))
        one_year = info.kind == "plan" and info.period_start == info.period_end == info.year
        for m in lead_year.finditer(work):
            if m.start("line") not in opened:
                year = int(m["y"])
                end = None
                if one_year and year > info.year:
                    # A plan of one year (某县2025年…行动计划, 某区2024年…工作方案) that names a later
                    # milestone (到2027年,建成…) dates that paragraph only: what follows is its year's.
                    end = work.find("\n", m.start("line"))
                    end = len(work) if end < 0 else end
                # (A year the document reviews is reported: a work report given late in its year,
                # 2018年是本届政府的开局之年,…预计到年末,全县地区生产总值完成115亿元.)
                done = year < info.year or (info.reviews is not None and year <= info.reviews)
                if (
                    done
                    and end is None
                    and year < info.year - 1
                    and not _announces_a_list(work, m.start("line"))
                ):
                    # A year long past opening a paragraph of a speech (在2010年，柴油车是路边空气污染的
                    # 主要来源, in a 2013 address) dates that paragraph only, up to the
                    # next blank line (else its line): the paragraphs after it are the speech's own.
                    end = _paragraph_end(work, m.start("line"))
                marks.append(_Mode(m.start("line"), "actual" if done else "target", year, 3, end))
                if turns and done and end is None:
                    marks.extend(_turn_in_paragraph(work, m.start("line"), info.year, target_year))
    # A sentence that announces the goals to reach by a year (2026年底前…,达到如下目标:) dates the
    # list or table of goals after it (a 目标 heading cell at the table's head included).
    goals: list[_Mode] = []
    if work.find("目标") >= 0:
        for after, year in _goals_by_a_year(work):
            kind = "actual" if info.year is not None and year < info.year else "target"
            goals.append(_Mode(after, kind, year, 3))
    marks.extend(goals)
    if work.find(":\n") >= 0:
        marks.extend(_Mode(after, "target", year, 3) for after, year in _lists_of_a_year(work))
    if info.year is not None and ("五" in work or "5" in work):
        marks.extend(_plan_goals_announced(work, info.year))
    if work.find("到") >= 0 or work.find("至") >= 0:
        marks.extend(_goal_items(work, info.year))
    if (
        info.year is not None
        and info.reviews is None
        and info.kind in ("work_report", "news")
        and "一年" in work
    ):
        marks.extend(_past_year_told(work, info.year))
    for line_start, line in _short_headings(work, short):
        if _HEADING.match(line):
            continue  # numbered: read above
        if _has(line, review_words):
            marks.append(_Mode(line_start, "actual", review_year, 2))
        elif "目标" in line and not any(0 <= line_start - g.start < 40 for g in goals):
            # The goals of a five-year plan under a heading that names it (“十四五”时期主要目标, in
            # the report of a year): the plan's end year, not the report's.
            plan_end = None if _YEAR.search(line) else five_year_plan_end(line)
            marks.append(_Mode(line_start, "target", plan_end or target_year, 2))
    for line_start, kind in _long_part_titles(work):
        if kind == "actual":
            marks.append(_Mode(line_start, kind, review_year, 2))
            continue
        line_end = work.find("\n", line_start)
        line = work[line_start:] if line_end < 0 else work[line_start:line_end]
        # (a title that pairs the plan's goals with a year's work, “十五五”时期主要目标和2026年重点
        # 工作, keeps the year of the document's targets)
        plan_end = None if _YEAR.search(line) else five_year_plan_end(line)
        marks.append(_Mode(line_start, kind, plan_end or target_year, 2))
    # Sections under a year heading (2012年经济表现) and paragraphs opening with a fiscal year.
    for pm in (*year_heading_marks(work, info.year), *fiscal_paragraph_marks(work, info.year)):
        marks.append(_Mode(pm.start, pm.kind, pm.year, 2 if pm.end < len(work) else 3, pm.end))
    if info.year is not None and "五" in work:
        # A part titled by a five-year plan over before the document's year (“十三五”时期发展成就 in a
        # report of 2021): its results, of the plan's end year.
        for line_start, end_year in _past_period_titles(work, target_words, info.year):
            marks.append(_Mode(line_start, "actual", end_year, 2))
    marks.sort(key=lambda k: k.start)
    if info.period_end is None and "五" in work:
        marks = _under_period_titles(work, marks, review_words)
    return marks


def _past_period_titles(work: str, target_words: tuple[str, ...], year: int) -> Iterator[tuple[int, int]]:
    """(line start, end year) of the lines that title a part by a five-year plan that ended before
    ``year``, numbered or not (一、“十三五”时期发展成就; “十二五”工作回顾): 4 to 40 characters, no
    clause punctuation, no digit but a year's, no word of a plan's goals or tasks (“十三五”规划目标
    任务完成情况 is read by its review words)."""
    for m in _FIVE_YEAR_NAMED.finditer(work):
        end_year = numbered_plan_period(m["n"])[1]
        if end_year >= year:
            continue
        lo = work.rfind("\n", 0, m.start()) + 1
        hi = work.find("\n", m.end())
        line = (work[lo:] if hi < 0 else work[lo:hi]).strip()
        if not 4 <= len(line) <= 40 or not _NOT_IN_PERIOD_TITLE.isdisjoint(line):
            continue
        if sum(c.isdigit() for c in line) != 4 * len(_YEAR.findall(line)) or _has(line, target_words):
            continue
        yield lo, end_year


def _names_work_only(title: str, target_words: tuple[str, ...]) -> bool:
    """Whether the target words of a heading are all nouns of work (data/metric_words.json:
    work_headings: 任务, 工程, 行动…), none of a turn to what is to come (目标, 展望, 下一步,
    工作安排…)."""
    work = metric_words().words("work_headings")
    for w in work:
        title = title.replace(w, "")
    return not _has(title, target_words)


# A five-year plan named by its number in a line: "十二五", "“十四五”", "第十三个五年规划".
_FIVE_YEAR_NAMED = re.compile(r"十(?P<n>[一二三四五六七八九])(?:五|个五年)")
# The words of a line that titles a plan or its goals (规划任务分工, 主要目标, 指标).
_PLAN_TITLE_WORDS = ("规划", "纲要", "计划", "目标", "指标", "任务", "分工", "方案")
# What a title line holds none of: clause punctuation, a figure's marks, a table row's cell breaks.
_NOT_IN_PERIOD_TITLE = frozenset(",。;:!?%.|\t")


def _period_titles(work: str, review_words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(line start, end year) of the unnumbered lines that title a five-year plan or its goals,
    standing alone (a document that names no period in its title attaches one: 附件 / 东北振兴“十二五”
    规划任务分工; “十四五”时期主要目标 as a part title): 4 to 40 characters, no clause punctuation, no
    digit but a year's, a word of a plan, no word of a review (“十三五”发展回顾, “十三五”以来)."""
    for m in _FIVE_YEAR_NAMED.finditer(work):
        lo = work.rfind("\n", 0, m.start()) + 1
        hi = work.find("\n", m.end())
        line = (work[lo:] if hi < 0 else work[lo:hi]).strip()
        if not 4 <= len(line) <= 40 or not _NOT_IN_PERIOD_TITLE.isdisjoint(line) or _HEADING.match(line):
            continue
        if sum(c.isdigit() for c in line) != 4 * len(_YEAR.findall(line)):
            continue
        if not any(w in line for w in _PLAN_TITLE_WORDS) or "以来" in line or _has(line, review_words):
            continue
        yield lo, numbered_plan_period(m["n"])[1]


def _under_period_titles(work: str, marks: list[_Mode], review_words: tuple[str, ...]) -> list[_Mode]:
    """``marks`` with the targets under a line that titles a five-year plan (_period_titles) where
    no year dates them (the document's default, a numbered heading of the plan's tasks) dated by
    the plan's end year (SCHEMA: a multi-year plan's one-off targets take its end year). A title
    under a mark of a year (a work report's) changes nothing."""
    titles = list(_period_titles(work, review_words))
    if not titles:
        return marks
    starts = [k.start for k in marks]
    out: list[_Mode] = []
    t = 0
    current: int | None = None  # the end year of the plan titled last
    for k in (*marks, None):
        while t < len(titles) and (k is None or titles[t][0] <= k.start):
            lo, end = titles[t]
            t += 1
            held = _mode_at(marks, starts, lo)
            if held.kind == "target" and held.year is None:  # (nothing else dates its targets)
                current = end
                out.append(_Mode(lo, "target", end, 1))
        if k is None:
            break
        if current is not None and k.kind == "target" and k.year is None:
            k = _Mode(k.start, k.kind, current, k.level, k.end)
        out.append(k)
    out.sort(key=lambda k: k.start)
    return out


# A sentence that announces the goals of a five-year plan, named by its number or as the five years
# ahead, in running text (a work report's “十四五”时期经济社会发展的主要目标是:…; news of a plan's
# outline: 纲要明确了今后五年的主要目标:…). The goals after it that name no year of their own are one-off
# targets of the plan, for its end year (SCHEMA), not for the year of the report that states them.
# matches: "“十四五”时期经济社会发展的主要目标是:", "今后五年的主要目标:", "十五五规划主要指标为" ; must not
# match: "“十三五”规划主要目标任务全面完成" (no announcement: a review), "十四五以来" (no goals)
_PLAN_GOALS = re.compile(
    r"(?:十(?P<n>[一二三四五六七八九])(?:五|个五年)|(?P<next>(?:今后|未来)[ \t]*(?:五|5)[ \t]*年(?!内|来)))"
    r"[^。;!?\n\d]{0,30}?(?:目标|指标)(?:任务)?[ \t]*(?:是|为|如下)?[ \t]*(?::|(?<=[是为])(?!了))"
)


def _plan_goals_announced(work: str, year: int) -> Iterator[_Mode]:
    """Marks of the goals a five-year plan announces (_PLAN_GOALS) for its end year, after the
    announcement to the end of its paragraph (its line; the lines after it when it closes its
    line, to the next mark). A plan that ended before the document's year is reviewed: no mark."""
    if "目标" not in work and "指标" not in work:
        return
    for m in _PLAN_GOALS.finditer(work):
        if m["n"]:
            end_year = numbered_plan_period(m["n"])[1]
        else:
            end_year = next_five_years_end(year)
        if end_year < year:
            continue
        line_end = work.find("\n", m.end())
        line_end = len(work) if line_end < 0 else line_end
        end = None if not work[m.end() : line_end].strip() else line_end
        yield _Mode(m.end(), "target", end_year, 3, end)


# A goal paragraph: a line whose first sentence sets the year to reach (到2020年,…; 力争到2027年,…;
# 经过五年努力,到2025年,…; after a run-in heading: (二)发展目标。到2025年,…), the goals themselves in the
# items after it. matches: "到2020年,", "  力争到2027年,", "总体目标:到2025年," "经过五年努力,力争到2025年,",
# "(二)发展目标。到2025年," ; must not match: "…,全面完成改造。到2025年," (a later sentence: read by
# _Horizons), "增加到2025年的" (no clause after it)
_GOAL_LEAD = _AtLineStarts(
    r"[ \t]*+(?:[^\n\d。;!?,]{1,16}。)?[^\n\d。;!?]{0,24}?[到至][ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年(?:底|末)?(?:前)?[ \t]*,"
)
# An item of a list of goals opening a line: a dash, 一是, (1), 1., ①. must not match: "(一)" (a heading)
_GOAL_ITEM = re.compile(
    r"[ \t\n]*(?:——|—|[一二三四五六七八九十]是|[(（][ \t]*\d{1,2}[ \t]*[)）]|\d{1,2}[ \t]*[.、．](?!\d)|[①-⑳])"
)

# A line that heads the items of goals under a goal paragraph, numbered as a heading or not.
# matches: "\n(二)具体目标", "\n主要指标:", "\n2.主要目标" ; must not match: "\n(二)重点任务",
# "\n主要指标达到全国平均水平。" (a sentence)
_GOAL_SUBHEADING = re.compile(
    r"\n[ \t]*(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d{1,2}[.、])?[ \t]*"
    r"[^\n\d。;,:]{0,8}(?:目标|指标)[ \t]*[:。]?[ \t]*(?=\n)"
)


def _goal_items(work: str, year: int | None) -> Iterator[_Mode]:
    """Marks of the items of goals under a goal paragraph (_GOAL_LEAD) that is followed at once by
    items (——创新能力显著增强。…比重达到2.5%; 一是…; (1)…; 1.…): targets of its year, to the next
    heading, whatever the document's own year (an undated copy). A year before the document's own
    is a review's."""
    for m in _GOAL_LEAD.finditer(work):
        y = int(m["y"])
        if (year is not None and y < year) or _GOAL_ITEM.match(work, m.start("line")) is not None:
            continue  # a year reviewed; an item of its own (一是到2025年,…): its own year only
        line_end = work.find("\n", m.end())
        if line_end < 0:
            continue
        items = line_end
        if _GOAL_ITEM.match(work, line_end) is None:
            # the items may stand under a heading of their own ((二)具体目标 / 主要指标:)
            sub = _GOAL_SUBHEADING.match(work, line_end)
            if sub is None or _GOAL_ITEM.match(work, sub.end()) is None:
                continue
            items = sub.end()
        heading = _HEADING.search(work, items + 1)
        yield _Mode(line_end + 1, "target", y, 3, heading.start() if heading is not None else None)


# The past year a work report (or news of one) turns to inside a line, after its salutation or a
# sentence (各位代表:过去的一年,…; 报告回顾了过去一年的工作。全市实现…): what follows is that year's
# results, up to the sentence that turns to this year's plan (_TURN_TO_THIS_YEAR) or the line's end.
# matches: ":过去的一年,", "。过去一年里,", "回顾了过去一年", "总结了去年" ; must not match: "过去一年," at a
# line's start (an opener: see _mode_patterns), "过去一年多" (no stop after it)
_PAST_YEAR_INSIDE = re.compile(
    r"(?:回顾|总结)了?[ \t]*(?:过去(?:的)?[ \t]*一年|去年)|(?<=[。:!?])[ \t]*过去的?[ \t]*一年[ \t]*(?:里|来|中)?[ \t]*,"
)


# A sentence that turns a paragraph on last year to this year's plan: it names this year, the next,
# what lies ahead, or announces the goals (read by _turn_in_paragraph and _past_year_told alike).
# matches: "。今年", "。他表示,今年", "。报告提出,新的一年", "。全年主要预期目标是", "。主要目标:" ; must
# not match: "。2025年目标任务顺利完成", "!2025年主要目标任务如期完成" (the goals reviewed), "。今年以来"
# (the part of this year gone by: results still)
_TURN_TO_THIS_YEAR = re.compile(
    r"[。;!?][^。;!?\n]{0,12}?(?:今年(?!以来)|新的一年|明年|展望|下一步|目标(?:是|为|:|如下))"
)
# A sentence that opens with a year (…增长5%。2023年,全县…目标是:…): the year it turns to.
_SENTENCE_OPENS_WITH_A_YEAR = re.compile(r"[。;!?][ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*,")


def _turn_in_paragraph(work: str, at: int, own: int, year: int | None) -> Iterator[_Mode]:
    """The mark of the turn to this year's plan inside the line opening at ``at`` on a past year
    (过去一年,全县实现…。今年主要预期目标是:…。全年新增城镇就业5000人,完成…): a sentence that turns
    to the plan (_TURN_TO_THIS_YEAR) or opens with the document's own year ``own`` or a later one. The
    rest of the line plans for ``year`` (else the year named), whatever its verbs (完成, 实现 plan
    too; a document with no plan year of its own: ``own``). The paragraphs after it are the
    review's again."""
    line_end = work.find("\n", at)
    line_end = len(work) if line_end < 0 else line_end
    turn = _TURN_TO_THIS_YEAR.search(work, at, line_end)
    end = turn.start() if turn is not None else line_end
    for y in _SENTENCE_OPENS_WITH_A_YEAR.finditer(work, at, end):
        if int(y["y"]) >= own:
            yield _Mode(y.start() + 1, "target", int(y["y"]), 3, line_end)
            return
    if turn is not None:
        yield _Mode(turn.start() + 1, "target", year if year is not None else own, 3, line_end)


def _turned_to_the_plan(marks: list[_Mode], mark_starts: list[int], p_lo: int, pos: int) -> bool:
    """Whether a mark of the plan begins inside the paragraph from ``p_lo`` before ``pos`` and
    holds there: the paragraph has turned from what its opening reports to what is planned."""
    mode = _mode_at(marks, mark_starts, pos)
    return mode.kind == "target" and mode.start > p_lo


def _past_year_told(work: str, year: int) -> Iterator[_Mode]:
    """Marks of the past year's results told inside a line (_PAST_YEAR_INSIDE), of ``year`` - 1."""
    for m in _PAST_YEAR_INSIDE.finditer(work):
        line_end = work.find("\n", m.end())
        line_end = len(work) if line_end < 0 else line_end
        turn = _TURN_TO_THIS_YEAR.search(work, m.end(), line_end)
        yield _Mode(m.start(), "actual", year - 1, 3, turn.start() + 1 if turn is not None else line_end)


# A sentence that announces the goals a plan sets out to reach by a year, the list or table of
# them following it on the next lines, as 上海's district plans (静安区 and 杨浦区 排水管理体制改革:
# 2026年底前实现…,达到以下预期目标) and 县 work plans (到2025年,实现如下目标:) write them. The
# announcement is found first (from its 下: see _GOALS_ANNOUNCED_AT_XIA), then its year.
# matches: "以下预期目标。", "如下目标:" at a line's end ; must not match: "以下目标要求," (not at the end)
_GOALS_ANNOUNCED = re.compile(r"(?:以下|如下)[^\n,。;]{0,8}?目标[ \t]*[:。]?[ \t]*(?=\n)")
# The same from its 下 on, a literal the engine skips to (a pattern that opens with two words is
# tried at every character of the text, some fifteen times slower): a match starts a character
# after _GOALS_ANNOUNCED's.
_GOALS_ANNOUNCED_AT_XIA = re.compile(r"下(?<=[以如]下)[^\n,。;]{0,8}?目标[ \t]*[:。]?[ \t]*(?=\n)")
# The year to reach before the announcement, in its line, and nothing but words between.
# matches: "2026年底前实现…,达到", "到2025年,实现" ; must not match: "2025年12月底前将…" (a date
# with its month: a step, not the goals' year)
_GOALS_YEAR = re.compile(r"(?:[到至][ \t]*)?(?P<y>(?:19|20)\d{2})[ \t]*年(?:底|末)?(?:前)?[^\n\d]{0,80}\Z")


def _goals_by_a_year(work: str) -> Iterator[tuple[int, int]]:
    """(start of the next line, year) of each line that announces the goals to reach by a year."""
    for m in _GOALS_ANNOUNCED_AT_XIA.finditer(work):
        at = m.start() - 1  # (where _GOALS_ANNOUNCED's match starts)
        line = work.rfind("\n", 0, at) + 1
        before = work[max(line, at - 120) : at]
        starts = [y.start() for y in _GOALS_YEAR_START.finditer(before)]
        if not starts:
            continue
        tail = _GOALS_YEAR.match(before, starts[-1])
        if tail is None:
            continue
        yield m.end() + 1, int(tail["y"])


# A sentence that opens with a year and says what will be done in it, announcing the list after
# its colon: the list's figures are that year's targets, whatever the date of the page (萧山区's page
# of the 2017 work report's ten practical projects: 2017年,区政府将努力为民办好十件实事:, filed with a
# 成文日期 of 2020; a 区 or 县 work report's plan part: 2024年,我们将重点抓好以下工作:).
# matches: "2017年,区政府将努力为民办好十件实事" before ":\n" ; must not match: "2017年,全区完成" (nothing
# to be done), "到2025年,将…" is matched too (the year to reach: the same year)
_LIST_OF_A_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*,[^\n。;:]{0,40}?(?:将|要|计划|拟)[^\n。;:]{0,40}\Z"
)
_COLON_AT_LINE_END = re.compile(r":[ \t]*\n")


def _lists_of_a_year(work: str) -> Iterator[tuple[int, int]]:
    """(start of the next line, year) of each line that ends with a colon after a sentence that
    opens with a year and says what will be done in it (_LIST_OF_A_YEAR)."""
    for c in _COLON_AT_LINE_END.finditer(work):
        line = work.rfind("\n", 0, c.start()) + 1
        m = _LIST_OF_A_YEAR.search(work, max(line, c.start() - 100), c.start())
        if m is not None:
            yield c.end(), int(m["y"])


# Where a year may start (the last one before the announcement is tried).
_GOALS_YEAR_START = re.compile(r"[到至]?[ \t]*(?:19|20)\d{2}[ \t]*年")


def _target_year(
    marks: list[_Mode], starts: list[int], pos: int, defaults: tuple[int | None, int | None], info: DocInfo
) -> int | None:
    """The year of a target that names none: that of the part of the plan it is in, else the
    plan's target year (its end year, a one-year plan's year), else the document's year."""
    mode = _mode_at(marks, starts, pos)
    if mode.kind == "target" and mode.year is not None:
        return mode.year
    return defaults[1] if defaults[1] is not None else info.year


def _mode_at(marks: list[_Mode], starts: list[int], pos: int) -> _Mode:
    i = max(bisect.bisect_right(starts, pos) - 1, 0)
    while i > 0 and (end := marks[i].end) is not None and pos >= end:
        i -= 1  # past a paragraph's own mark: the one before it holds
    return marks[i]


# ---------------------------------------------------------------------------------------------
# One figure


class _Matches:
    """Every figure pattern match of a document, in order, to look up by offset."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def within(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The matches that start and end inside [lo, hi)."""
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_left(self.starts, hi, a)
        ends, matches = self.ends, self.matches
        return [matches[j] for j in range(a, b) if ends[j] <= hi]


class _Figure(NamedTuple):
    """One figure read (a named tuple: a document has many)."""

    start: int  # of the number
    end: int  # of the unit (and of a comparator word after it)
    value: float
    unit: str
    comparator: str
    raw_end: int  # end of the figure as written, without a comparator after it


def _ends_with_any(work: str, pos: int, words: tuple[str, ...] | _WordList, floor: int) -> str:
    """The longest word of ``words`` that ends at ``pos`` (spaces before pos skipped), starting
    no more than 16 characters before ``pos`` and not before ``floor``."""
    lo = max(floor, pos - 16)
    if pos <= lo:
        return ""
    wl = words if isinstance(words, _WordList) else _word_list(words)
    if work[pos - 1] not in wl.lasts:
        return ""
    while pos > lo and work[pos - 1] in " \t":
        pos -= 1  # words have no spaces around them (_fold_list and _fold_map check)
    if pos <= lo:
        return ""
    members = wl.members
    for n in wl.lengths_by_last.get(work[pos - 1], ()):
        if pos - n >= lo and work[pos - n : pos] in members:
            return work[pos - n : pos]
    return ""


def _starts_with_any(work: str, pos: int, words: tuple[str, ...] | _WordList, ceiling: int) -> str:
    """The longest word of ``words`` that starts at ``pos`` (spaces after pos skipped)."""
    if pos >= ceiling or pos >= len(work):
        return ""
    wl = words if isinstance(words, _WordList) else _word_list(words)
    if work[pos] not in wl.firsts:
        return ""
    m = wl.prefix(work, pos, ceiling)
    return m["w"] if m else ""


# The last character of the names of things counted by 条 that are lines on the ground: a count of
# them is a metric whatever the verb (上海市交通委's 精细化管理 plan: 建设精品道路100条; 静安's metro
# four-chiefs plan: 辖区内共有轨道交通线路9条), unlike 惠企30条 (articles of a policy).
_LINEAR_THINGS = frozenset("路道线河街巷廊渠沟")


def _read_figure(work: str, m: re.Match[str], lo: int, hi: int, clause_lo: int) -> _Figure | None:
    """The value, unit and comparator of one match, or None when it is not a figure of a metric."""
    mw = metric_words()
    comparator = ""
    num = m["num"]
    if num is not None:
        # The groups of an Arabic figure, in one call (each m[name] is a call of its own).
        unit_w, pct1, num2, mag, between, between2, latin = m.group(
            "unit", "pct1", "num2", "mag", "between", "between2", "latin"
        )
        end = m.end()
        nxt = work[end : end + 1]
        if unit_w is not None:
            unit = mw.units[unit_w]
            if unit_w in mw.not_after and nxt and nxt in mw.not_after[unit_w]:
                return None
            if (
                unit_w in mw.need_noun_after
                and not ("\u4e00" <= nxt <= "\u9fff")
                and not _has(work[clause_lo : m.start()], mw.compiled["build_verbs"])
                and not _built_in_sentence(work, lo, clause_lo, m.start())
                and not (
                    unit_w == "条" and not _LINEAR_THINGS.isdisjoint(work[max(lo, m.start() - 2) : m.start()])
                )
                and not (unit_w == "对" and work.find("友", clause_lo, m.start()) >= 0)
            ):
                # 第3条, 惠企30条; but 建成农村公路20条, 建设精品道路100条, 国际友城达137对, and a
                # thing laid along a line whose name ends on another word (特色街区3条, 示范河湖5条)
                return None
            if unit_w == "个" and nxt in _UNIT_LIST_JOINERS:
                shared = _SHARED_UNIT.match(work, end)
                if shared is not None:
                    unit = mw.units["个" + shared["rest"]]  # 31.1个和26.3个百分点
            elif nxt == "/" and unit not in _RELATIVE_UNITS:
                per = _starts_with_any(work, end + 1, _unit_words(), hi)
                if per and work.startswith(per, end + 1):
                    unit = f"{unit}/{mw.units[per]}"  # a rate: 路网密度4.15公里/平方公里
                    end += 1 + len(per)
                else:
                    per_time = _PER_TIME.match(work, end + 1)
                    if per_time is not None:
                        unit = f"{unit}/{per_time.group()}"  # a capacity: 处置能力300吨/日
                        end += 1 + len(per_time.group())
        elif latin is not None:
            unit = latin  # a unit in Latin letters is kept as written
        elif mag in ("万", "亿", "万亿") or _is_index_level(work, clause_lo, m.start()):
            unit = ""  # IPv6活跃用户数达6.97亿; 两化融合发展指数达到125左右
        else:
            return None
        if pct1 and unit != "%":
            return None
        if num[:1] == "0" and num[1:2].isdigit():
            # No figure is written with a leading zero (000吨/日): the digits before it were lost (a
            # crawled copy that garbled the characters before them, as 上海市's 2020 news of garbage
            # sorting: 確??苫厥瘴锘厥樟?000噸/日, tune) or it is a code (编号 05).
            return None
        value = _arabic_value(num)
        if value is None:
            return None
        if num2 is not None:
            try:
                upper = parse_number(num2)
            except NumberError:
                return None
            if upper <= value:
                return None  # not a range (2016至2020 is years, not written with a unit)
            comparator = ">="
        if mag:
            if unit in ("%", "个百分点", "倍"):
                return None
            value = scale(value, mag)
        between = between or between2
        if between and not comparator:
            comparator = mw.cmp_between[between]
        cmp_after = _cmp_words()[1]
        after = _starts_with_any(work, end, cmp_after, hi) if nxt in cmp_after.firsts else ""
        raw_end = end
        if after:
            if after in ("内", "之内") and unit not in mw.time_units:
                after = ""
            elif not comparator:
                comparator = mw.cmp_after[after]
            if after:
                end = work.index(after, end) + len(after)
        elif not comparator and unit in _RELATIVE_UNITS and nxt in _UNIT_LIST_JOINERS:
            comparator = shared_comparator_after(work, end, hi, mw.cmp_after)  # 5%和3%以内
        return _finish(work, m.start(), end, raw_end, value, unit, comparator, clause_lo)
    if m["frac"] is not None:
        try:
            value = parse_fraction(m["frac"])
        except NumberError:
            return None
        return _finish(work, m.start(), m.end(), m.end(), value, "%", "", clause_lo)
    if m["pct"] is not None:
        try:
            value = _percent_value(m["pct"])
        except NumberError:
            return None
        return _finish(work, m.start(), m.end(), m.end(), value, "%", "", clause_lo)
    if m["tenths"] is not None:
        # 成 is a common character (形成, 建成): only a share after a comparator or 占 is tenths.
        if not _ends_with_any(work, m.start(), _share_words(), clause_lo) and not tenths_is_share(
            work, m.start(), clause_lo
        ):
            return None
        try:
            value = parse_tenths(m["tenths"])
        except NumberError:
            return None
        return _finish(work, m.start(), m.end(), m.end(), value, "%", "", clause_lo)
    if m["cbei"] is not None:
        # A multiple in Chinese numerals (升幅超过一倍, 增长两倍: 香港's budget speech, 区 work
        # reports) only after a verb of growth, with or without a comparator between: not 一倍
        # of a formula or 加倍 (doubling as a verb).
        if _GROWTH_BEFORE_MULTIPLE.search(work, max(clause_lo, m.start() - 10), m.start()) is None:
            return None
        try:
            value = float(parse_chinese(m["cbei"])) + (0.5 if m["bhalf"] else 0.0)  # 一倍半: 1.5
        except NumberError:
            return None
        return _finish(work, m.start(), m.end(), m.end(), value, "倍", "", clause_lo)
    if m["big"] is not None:
        return _read_big(work, m, clause_lo)
    if m["cbig"] is not None:
        return _read_cbig(work, m, clause_lo)
    if m["cn"] is not None:
        verb = _ends_with_any(work, m.start(), mw.compiled["count_verbs"], clause_lo)
        if not verb:
            return None
        try:
            value = float(parse_chinese(m["cn"]))
        except NumberError:
            return None
        if value < 2:
            return None
        unit = mw.units.get(m["cunit"], m["cunit"])
        return _Figure(m.start(), m.end(), value, unit, "=", m.end())
    return None


# A list of figures that share the end of their unit: 31.1个和26.3个百分点.
# matches: "和26.3个百分点", "、5个工作日" ; must not match: "和26.3个" (the unit is 个 for both)
_UNIT_LIST_JOINERS = frozenset("和、与及或至")
_SHARED_UNIT = re.compile(r"[ \t]*[和、与及或至][ \t]*\d+(?:\.\d+)?[ \t]*个(?P<rest>百分点|工作日)")
# A level read with no unit: an index (指数, 系数, PUE) just before a verb of level.
# matches: "两化融合发展指数达到" (125左右), "电能使用效率降至" (1.1), "综合污染指数为" (7.26)
# must not match: "增长" (a figure without its unit is no metric), "指数型企业"
_INDEX_LEVEL = re.compile(
    r"(?:指数|系数|PUE|使用效率)[^,;。!?\n]{0,6}?(?:达到|达|为|降至|降到|降低到|降低至|下降到|下降至|提高到|提高至|"
    r"提升到|提升至|控制在|保持在|不低于|不高于|不超过|低于|高于|超过)[ \t]*\Z"
)


def _built_in_sentence(work: str, lo: int, clause_lo: int, pos: int) -> bool:
    """Whether a clause before ``pos`` in its sentence builds things (新增…30个，总计达60个；特色道路
    10条，总计达20条): its 条 then counts what is built, as in the clause of the verb. The sentence
    runs back to a 。 or the passage's start (a ； does not end it): a sentence of running totals
    (新增…，总计达…；…) keeps its verb in its first clause. In the tune part only 上海's magnolia
    plan writes 条 so; 第3条 (an ordinal) is excluded before this is asked."""
    if clause_lo <= lo:
        return False
    s_lo = max(lo, work.rfind("。", lo, clause_lo) + 1)
    return _has(work[s_lo:clause_lo], metric_words().compiled["build_verbs"])


def _is_index_level(work: str, lo: int, start: int) -> bool:
    """Whether the figure at ``start`` is the level of an index, read with no unit."""
    return _INDEX_LEVEL.search(work, max(lo, start - 24), start) is not None


# A verb or noun of growth just before a multiple, a comparator between allowed.
# matches: "升幅超过", "增长", "增幅接近", "增长了" ; must not match: "加" (加倍), "是" (是上年的两倍)
_GROWTH_BEFORE_MULTIPLE = re.compile(
    r"(?:增长|增加|提高|提升|上升|升幅|增幅|扩大)了?[ \t]*(?:超过|接近|近|约|逾|达到|达)?[ \t]*\Z"
)


def _read_cbig(work: str, m: re.Match[str], clause_lo: int) -> _Figure | None:
    """A figure of Chinese numerals with 千 / 万 / 亿 and a unit (三百亿元, 近万亩, 超万亿元, 一千亩):
    read only after a comparator or a verb that sizes it (突破, 近, 超, 过, 占地, 新增), since the
    same characters name things (千家万户, 万人助企); one with 多 (七百多亿元) is read anywhere."""
    mw = metric_words()
    numeral, unit_w = m["cbig"], m["cbunit"]
    end = m.end()
    nxt = work[end : end + 1]
    if unit_w in mw.not_after and nxt and nxt in mw.not_after[unit_w]:
        return None
    lead = _ends_with_any(work, m.start(), _cbig_leads(), clause_lo)
    if m["duo"] is not None:
        # 七百多亿元, 六万多个: a quantity more than the numeral (no name is written so), even
        # with no word before it.
        base, _, mag = numeral.partition("多")
        try:
            value = float(parse_chinese(base)) * (MAGNITUDES[mag] if mag else 1)
        except (NumberError, KeyError):
            return None
        return _finish(work, m.start(), end, end, value, mw.units[unit_w], ">", clause_lo)
    if not lead:
        return None
    try:
        value = float(MAGNITUDES[numeral]) if numeral in MAGNITUDES else float(parse_chinese(numeral))
    except NumberError:
        return None
    if value < 1000:
        return None
    comparator = ">" if lead == "过" else ""
    return _finish(work, m.start(), end, end, value, mw.units[unit_w], comparator, clause_lo)


@lru_cache(maxsize=1)
def _percent_value(number: str) -> float:
    """The number of a 百分之 figure, Arabic or Chinese, a Chinese one with its decimals after 点
    (百分之三点五 -> 3.5, 百分之零点二 -> 0.2), as 香港's budget speeches write percentages
    (hk_budget_speech_2014_part: 即百分之四点一, 或百分之七点八; hk_budget_speech_2019_part:
    全年实质上升百分之三点五). Raises NumberError."""
    whole, point, decimals = number.partition("点")
    if not point:
        return parse_number(number)
    return parse_number(whole) + float("0." + str(parse_chinese(decimals)).zfill(len(decimals)))


def _cbig_leads() -> _WordList:
    mw = metric_words()
    return _WordList((*mw.cmp_before, "过", *mw.words("count_verbs"), *mw.words("descriptors")))


@lru_cache(maxsize=4096)
def _arabic_value(number: str) -> float | None:
    """``parse_number`` of a figure's number, None when it is none (numbers repeat: memoised)."""
    try:
        return parse_number(number)
    except NumberError:
        return None


@lru_cache(maxsize=1)
def _cmp_words() -> tuple[_WordList, _WordList, _WordList]:
    """The comparator words written before a figure, after it, and as adverbs."""
    mw = metric_words()
    return _WordList(tuple(mw.cmp_before)), _WordList(tuple(mw.cmp_after)), _WordList(tuple(mw.cmp_adverbs))


@lru_cache(maxsize=1)
def _unit_words() -> _WordList:
    """The units of measure, to read the second unit of a rate (公里/平方公里)."""
    return _WordList(tuple(metric_words().units))


@lru_cache(maxsize=1)
def _share_words() -> _WordList:
    return _WordList((*metric_words().cmp_before, "占"))


def _listed_set_elsewhere(work: str, start: int, end: int) -> bool:
    """The "三大片区" at ``work[start:end]`` (and the two characters after it) is a set the document
    names by listing its members elsewhere ("石洞口、竹园、白龙港三大片区": 沪府〔2025〕24号, whose
    "完成三大片区排水感知体系…建设" counts nothing; the jingan and yangpu drainage plans write the same):
    a named set wherever it recurs, as "金融、商贸、商务服务三大优势产业" is where it is listed."""
    named = work[start : end + 2]
    if len(named) < end + 2 - start:
        return False
    at = work.find(named)
    while at >= 0:
        if at != start and "、" in work[max(0, at - 12) : at]:
            return True
        at = work.find(named, at + 1)
    return False


def _read_big(work: str, m: re.Match[str], clause_lo: int) -> _Figure | None:
    """八大 / 10大 + noun: a count when launched by a verb (推出八大示范项目); a named set
    (三大工程, 金融、商贸、商务服务三大优势产业) otherwise."""
    mw = metric_words()
    big = m["big"]
    try:
        value = parse_number(big)
    except NumberError:
        return None
    if not big.isdigit():
        # A Chinese numeral: only after a verb that brings the things into being, with no list
        # of their names between.
        window = work[max(clause_lo, m.start() - 10) : m.start()]
        if "、" in window or not any(v in window for v in mw.words("count_verbs")):
            return None
        if _listed_set_elsewhere(work, m.start(), m.end()):
            return None
    elif "、" in work[max(clause_lo, m.start() - 12) : m.start()]:
        return None
    if value < 2:
        return None
    return _Figure(m.start(), m.end(), value, "个", "=", m.end())


# The higher part of a number written in two magnitudes (3万3,883美元, 2亿3000万元; in Taiwan's usage
# 4兆8,530亿元 and 1兆378亿元, 兆 being 10^12 there): the figure read after it is its lower part.
# matches: "3万" before "3,883美元", "4兆" before "8,530亿元" ; must not match: "5亿," (a stop between),
# "12.5" (no magnitude)
_HIGHER_PART = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)[ \t]*(?P<m>兆|万亿|亿|万)[ \t]*\Z")
_HIGHER = {"兆": 1e12, "万亿": 1e12, "亿": 1e8, "万": 1e4}


def _with_higher_part(work: str, start: int, value: float, clause_lo: int) -> tuple[int, float]:
    """(start, value) of a figure with the higher part of its number before it (_HIGHER_PART)
    taken in; as it was when there is none. A part in 兆 or 万亿 takes a lower part in 亿 only."""
    m = _HIGHER_PART.search(work, max(clause_lo, start - 12), start)
    if m is None:
        return start, value
    factor = _HIGHER[m["m"]]
    if value >= factor or (factor == 1e12 and value < 1e8):
        return start, value
    return m.start(), float(Decimal(m["n"]) * Decimal(int(factor)) + Decimal(repr(value)))


def _finish(
    work: str,
    start: int,
    end: int,
    raw_end: int,
    value: float,
    unit: str,
    comparator: str,
    clause_lo: int,
) -> _Figure | None:
    if start > 0 and work[start - 1] in "万亿兆":
        start, value = _with_higher_part(work, start, value, clause_lo)
    if not comparator:
        comparator = _comparator_before(work[max(clause_lo, start - 16) : start])
        if comparator in ("<", ">") and compares_with_measure(work, start, raw_end, unit):
            comparator = "="  # 远低于4.5%的趋势增长率: the rate compared with, as it is
    return _Figure(start, end, value, unit, comparator, raw_end)


# A bound written before the base a share is taken of: 边界线内产业用地确保不少于可开发面积的65% (湘潭's
# land measures), 不低于区和镇政府投入资金总额的50% (奉贤's rural roads reform), 不超过总投资的30%.
# matches: "不少于可开发面积的", "不低于销售收入的" ; must not match: "达到" (no base between), "不少于3个,
# 面积的" (a figure between)
_BOUND_OF_A_SHARE = re.compile(
    r"(?P<w>不低于|不少于|不超过|不高于|不小于|不大于)[^,;。!?:\n\d%]{1,12}的[ \t]*\Z"
)


@lru_cache(maxsize=4096)
def _comparator_before(before: str) -> str:
    """The comparator of a figure written in the (up to 16) characters ``before`` it: a word just
    before it (不低于, 约), else an adverb in the last 8 characters (力争), else "="."""
    mw = metric_words()
    n = len(before)
    word = _ends_with_any(before, n, _cmp_words()[0], 0)
    if word and _ends_with_any(before, n, mw.compiled["not_comparators"], 0):
        word = ""  # 签约6只 is not 约6只
    if word:
        return mw.cmp_before[word]
    bound = _BOUND_OF_A_SHARE.search(before)
    if bound is not None and bound["w"] in mw.cmp_before:
        return mw.cmp_before[bound["w"]]  # 确保不少于可开发面积的65%: the bound of the share
    adverb = _cmp_words()[2].search(before, max(0, n - 8), n)
    return mw.cmp_adverbs[adverb.group()] if adverb else "="


# ---------------------------------------------------------------------------------------------
# Filters: what a figure of this shape is not


# A ranking named before a place, the place written without 第 (合江县's press conference of 2018,
# tune: 县域经济排名从全省113位跃升至83位; the places the 国务院's 2022 report on the digital economy,
# shared corpus, writes with 第: 排名从2012年全球第78位提高到目前的第9位). matches: "排名从全省",
# "排位由", "位次从全市" ; must not match: "共有" (a count of people: 100位专家)
_RANKED = re.compile(r"(?:排名|排位|位次|名次)[^,。;]{0,14}\Z")
# The members of a congress or a conference counted as they attend (news of a session: 来自全县各条战线的
# 230名人大代表, 应到代表160人,实到153人, 出席会议委员98名): who sits at a meeting, not the size of an
# indicator. What they hand in is counted (办复人大代表建议729件: its unit is 件).
# matches after the figure: "名人大代表", "名代表", "位政协委员", "名县人大代表" ; must not match: "名代表建议",
# "名委员会" ; before it: "实到代表", "应到", "出席会议委员", "列席会议"
_HEADCOUNT_UNITS = frozenset(("名", "人", "位"))
_DEPUTIES_AFTER = re.compile(
    r"[ \t]*(?:[省市县区]|全国)?(?:人大|政协)?(?:代表|委员)(?!建议|提案|会|意见|作品)"
)
_ATTENDING_BEFORE = re.compile(r"(?:应到|实到|出席|列席)(?:会议)?(?:的)?(?:人大|政协)?(?:代表|委员)?[ \t]*\Z")


def _at_a_meeting(work: str, start: int, end: int, lo: int) -> bool:
    """Whether the headcount from ``start`` to ``end`` (its unit included) counts the members who
    attend a meeting (_DEPUTIES_AFTER, _ATTENDING_BEFORE)."""
    if _DEPUTIES_AFTER.match(work, end) is not None:
        return True
    return _ATTENDING_BEFORE.search(work, max(lo, start - 12), start) is not None


# The lower bound of an age band just before a figure in 岁 (香港's budget speech: 15岁至64岁; 区
# 卫健 plans: 3岁至6岁儿童). The lower bound itself is cut by its not_after (岁至). matches: "15岁至",
# "3岁-", "60岁到" ; must not match: "寿命达到" (an age reached)
_AGE_BAND = re.compile(r"\d[ \t]*岁[ \t]*(?:至|到|~|-|—)[ \t]*\Z")
# An age band written once (16-24岁) before the people it names: who qualifies, as measures for young
# people or elders say (吸纳16-24岁港澳青年参与见习, 为60-79岁老人办理…). matches: "16-24岁港澳青年",
# "60~79岁的老人" ; must not match: "78-79岁," (an age reached, nothing named after it), "16岁青年"
# (no band)
_AGE_RANGE_OF_PEOPLE = re.compile(r"\d+[ \t]*(?:至|到|~|-|—|–)[ \t]*\d+[ \t]*岁[ \t]*的?[\u4e00-\u9fff]")


# A sentence that opens by naming who receives what it grants (对入驻基地的创业团队,提供…; 对首次创业的港澳
# 青年,给予…), as measures for a group of recipients write it: a bound in it (面积不超过100平方米, 每年
# 不超过10万元) caps what is granted, no indicator. matches: "对入驻区级基地的创业团队," ; must not match:
# "对标国际先进水平," (no 的 before the comma), "对全区企业开展普查," (no 的)
_RECIPIENT_OPENING = re.compile(r"[ \t]*对[^。;,:\n]{1,60}?的[^。;,:\n的]{0,10},")


def _capped_for_a_recipient(work: str, lo: int) -> bool:
    """Whether the sentence holding the clause from ``lo`` opens with the recipient of a grant."""
    s_lo = max(work.rfind("。", 0, lo), work.rfind("\n", 0, lo), work.rfind(";", 0, lo)) + 1
    return _RECIPIENT_OPENING.match(work, s_lo, lo + 1) is not None


def _excluded(work: str, fig: _Figure, clause: tuple[int, int], p_hi: int, benefits: _BenefitMarks) -> bool:
    mw = metric_words()
    compiled = mw.compiled
    lo, hi = clause
    start, end, raw_end = fig.start, fig.end, fig.raw_end
    # Most checks fail on the character beside the figure: it is looked at before the words.
    before = work[start - 1 : start] if start > lo else ""
    after = work[end : end + 1] if end < hi else ""
    not_before = compiled["not_before"]
    if (
        before in not_before.lasts
        and _ends_with_any(work, start, not_before, lo)
        and not _ends_with_any(work, start, compiled["present_words"], lo)
    ):
        # (目前30%, 当前30%: the figure as it stands now, not a 前 of a ranking)
        return True  # an ordinal or a ranking: 第3, 前10名; a rate of reckoning: 按50%比例
    if fig.unit == "位" and _RANKED.search(work, max(lo, start - 20), start) is not None:
        return True  # a place in a ranking with no 第 (排名从全省113位跃升至83位): SCHEMA, no metric
    if fig.unit in _HEADCOUNT_UNITS and _at_a_meeting(work, start, end, lo):
        return True  # who sits at a meeting (230名人大代表, 实到代表153人): news of a session, no indicator
    if fig.unit == "岁" and _AGE_BAND.search(work, max(lo, start - 8), start) is not None:
        return True  # the upper bound of an age band (15岁至64岁), not an age reached
    if fig.unit == "岁" and _AGE_RANGE_OF_PEOPLE.match(work, start, hi) is not None:
        return True  # who qualifies (吸纳16-24岁青年参加见习): an age band of people, no indicator
    if fig.comparator == "<=" and _capped_for_a_recipient(work, lo):
        return True  # 对入驻基地的团队,提供免租场地,面积不超过100平方米: the cap of what is granted
    if fig.unit in mw.time_units and (work.find("圈", end, hi) >= 0 or work.startswith("时间", end)):
        return True  # the name of a service area (15分钟政务服务圈); time taken (利用20天时间)
    if fig.unit in mw.time_units and _ROUND_THE_CLOCK.match(work, end):
        return True  # the hours a service keeps: 24小时开放公园, 24小时值守
    if work.find("每", max(lo, start - 5), start) >= 0 and _PER_UNIT.search(work, max(lo, start - 5), start):
        return True  # the unit a benefit is reckoned by: 每认定1家高新技术企业(给予…)
    if work.find("每", lo, start) >= 0 and _PER_ONE.search(work, lo, start) is not None:
        return True  # what each one a benefit is reckoned by must be: 每引进一家年产值过2000万元企业
    if work.find("人", lo, start) >= 0 and _PER_RECIPIENT.search(work, lo, start):
        return True  # what each recipient has: 低保标准月人均提高221元
    if after in "月年" and after and fig.unit.endswith("元/人"):
        # what each recipient has a month or a year, written as a unit: 低保标准提高到835元/人月,
        # 供养标准提高到17340元/人年 (肇庆's 2020 livelihood progress table; 大连's 2019 民生工程
        # progress writes the same standards as 每人每年610元)
        return True
    if (
        fig.unit.endswith("元")
        and work.find("罚款", end, min(hi, end + 16)) >= 0
        and work.find("处", max(lo, start - 20), start) >= 0
    ):
        return True  # a penalty a statute lays down: 处以500元以下罚款, 处200元以上2000元以下罚款
    if work.find("原则上", lo, hi) >= 0 and not _is_floor_of_a_rate(work, fig, lo):
        return True  # a rule laid down: 担保费率原则上不超过1%
    # (each asked only when a character it needs is near: most figures have none of them)
    near = max(0, start - 60)
    if work.find("准", near, start) >= 0 and _is_term_of_a_standard(work, fig, lo):
        return True  # a standard laid down: 税额标准下调至1元/平方米
    if (
        fig.unit == "%"
        and work.find("按", max(lo, start - 34), start) >= 0
        and _is_rate_of_reckoning(work, fig, lo)
    ):
        return True  # a rate reckoned by: 按照投资额的10%
    if work.find("单", lo, start) >= 0 and _is_per_recipient(work, fig, lo):
        return True  # what each recipient has or must have: 单个项目最高…
    if work.find("幅度", max(lo, start - 14), start) >= 0 and _is_limit_of_an_adjustment(work, fig, lo):
        return True  # a limit of a procedure: 调整幅度不超过15%
    if (
        work.find("对", max(0, lo - 200), lo + 1) >= 0 or work.find("凡", max(0, lo - 200), lo + 1) >= 0
    ) and (_in_a_condition_sentence(work, fig, lo, hi)):
        return True  # who may have a benefit: 对…的, …给予
    if _counts_recipients(work, fig, lo, hi):
        return True  # how many get a support: 支持1家符合条件的
    if (
        fig.unit in _TIMES
        and work.find("每", lo, start) >= 0
        and _FREQUENCY.search(work, lo, start) is not None
    ):
        return True  # how often a procedure is done: 每年至少组织1次排查, 每两年不少于1次
    if (fig.unit in _TIMES or fig.unit in mw.time_units) and _is_interval(work, fig, lo, hi):
        return True  # how often a procedure is done, written without 每: 15天完成1次
    if work.find("为", end, end + 6) >= 0 and _GRADE_AFTER.match(work, end, hi) is not None:
        return True  # the definition of a pass: 不超过管径10%为合格
    if fig.unit in mw.time_units and _is_procedure_time(work, fig, lo, hi):
        return True  # a time limit laid down for a procedure: 公示至少5个工作日, 应当…30个工作日内
    if work.find("共", max(lo, start - 4), start) >= 0 and _COUNT_IN_PARENTHESES.search(
        work, max(lo, start - 6), start
    ):
        return True  # the count of the document's own list, in parentheses: (共101项
    if fig.unit in ("条", "次", "人") and _PAGE_FURNITURE.match(work, end, hi) is not None:
        return True  # a web page's count of comments or views
    if start > lo and work[start - 1] == "每":
        return True  # the base of a ratio: 每25-30公里…配备一名
    if fig.unit in _DISTANCES and _is_radius(work, fig, lo, hi):
        return True  # the radius an area is drawn by: 站点50米范围内, 500米服务半径
    if fig.unit in ("名", "个") and _CONTACT.match(work, fig.end, hi) is not None:
        return True  # the contact person a document asks for: 确定1名工作人员为联络员
    if fig.unit == "项" and _COUNTED_MEASURES.match(work, fig.end, hi) is not None:
        return True  # the measures a document lays down or revises: 24项督查激励措施
    if fig.unit == "%" and _ends_with_any(work, start, compiled["payout_verbs"], lo):
        s_lo = max(work.rfind("。", 0, lo), work.rfind("\n", 0, lo)) + 1
        if benefits.is_benefit_clause(s_lo, lo):
            return True  # the share of a benefit paid out: 给予投资奖励,分5年拨付,每年拨付20%
    if fig.unit in mw.counts and work.count("、", lo, start) >= 1 and _counts_its_list(work, fig, lo):
        return True  # the count of the names listed before it: 北京、吉林、…、贵州10个省
    if fig.unit == "个" and work.startswith("月", end):
        return True  # a span of months read as a count (引入两个月的工作适应期): 个 of 个月
    if fig.unit == "个" and _SPEECH_PARTS.match(work, end, hi) is not None:
        return True  # the parts of the speaker's own argument: 就…3个范畴, 考虑4个因素
    if fig.unit in _TIMES_IN_A_ROW and work[start - 2 : start] == "连续":
        return True  # a record kept so many times running: 连续3次获评优秀, 连续12届获奖
    if (
        fig.unit == "元"
        and _PER_PERIOD_BEFORE.search(work, max(lo, start - 8), start) is not None
        and _BENEFIT_NOUN_AFTER.match(work, raw_end, hi) is not None
    ):
        return True  # what each recipient gets a month: 可领取每月2,200元津贴
    if work[lo : lo + 1] in _RECKONING_FIRSTS and _RECKONING.match(work, lo, start):
        return True  # the terms a thing is reckoned by: 按照流域100年一遇洪水标准
    if benefits.is_benefit_clause(lo, hi) or _is_condition(work, benefits, end, lo, hi, p_hi):
        return True  # the terms of a benefit (给予企业30万元奖励) or who may have it (对…的)
    if _is_term_of_a_measure(work, fig, lo, hi):
        return True  # a service commitment, a threshold, a refund's rate, a meeting's number
    threshold = compiled["threshold_after"]
    if (work.startswith("的", end) and _GOAL_AFTER.match(work, end)) or sizes_measure_after(
        work, raw_end, hi, fig.unit
    ):
        pass  # the goal named after it (占建成区50%的目标要求), the measure it sizes (4.1%的增长)
    elif work[raw_end : raw_end + 1] in threshold.firsts and _starts_with_any(work, raw_end, threshold, hi):
        # an eligibility threshold: 营收10亿元级的企业, 超过5000万元的; but a share of the things
        # the clause opens with (全省50%以上的文化馆…) and money the government commits
        # (设立总规模不少于100亿元的专项基金) are indicators
        return not (
            _is_share_of_subject(work, fig, lo)
            or _is_plan_of_a_share(work, fig, lo, hi)
            or _is_money_committed(work, fig, lo, hi)
            or sizes_amount_after(work, raw_end, hi, fig.unit)
            or _sizes_work_done(work, fig, lo, raw_end)
        )
    elif (
        end != raw_end
        and after in threshold.firsts
        and _starts_with_any(work, end, threshold, hi) in ("的", "级")
    ):
        return not (_is_share_of_subject(work, fig, lo) or _is_money_committed(work, fig, lo, hi))
    if fig.unit != "%" and work.find("%", lo, start) >= 0 and _bar_of_a_share(work, lo, start):
        return True  # the bar the share that opens the clause clears: 20%的村集体年收入超30万元
    if (
        fig.unit not in mw.counts
        and fig.unit not in _RELATIVE_UNITS
        and work[raw_end : raw_end + 1] in _QUALIFIER_FIRSTS
        and _QUALIFIER.match(work, raw_end, hi)
    ):
        return True  # a measure that qualifies a noun: 5亿元以上项目 (projects of that size)
    if fig.unit == "元" and end == raw_end and _MONEY_CLASS.match(work, end, hi):
        return True  # a size class of firms or projects: 纳税超亿元企业4家, 10亿元项目
    if fig.unit in _CAPACITY_UNITS and end == raw_end and _names_a_project(work, start, end, lo, hi):
        return True  # a project named by its capacity: 年产2万吨碳酸锂项目, 35万千瓦光热发电项目
    # The word lists are plain words: searching [lo, start) finds what searching the slice would.
    benefit_after = compiled["benefit_after"]
    # (_benefit_word_before's first search, inline: most clauses hold no benefit word, and the
    # function, which would do the same search first, is called only when one is found)
    benefit_before = compiled["benefit_before"]
    if (
        benefit_before.search(work, lo, start) is not None
        and _benefit_word_before(work, benefit_before, lo, start)
    ) or (after in benefit_after.firsts and _starts_with_any(work, end, benefit_after, hi)):
        return True  # the terms of a benefit: 最高给予100万元奖励
    unit_nouns = compiled["unit_nouns"]
    if after in unit_nouns.firsts and _starts_with_any(work, end, unit_nouns, hi):
        if not (fig.value >= _DWELLINGS_FROM and work.startswith("单位", end)):
            return True  # the units that answer for the document: 26家区直部门
        # (thousands of 单位 are dwellings, as 香港 counts flats: 67 000個單位, 提供2萬個單位;
        # no document hands its work to a thousand bodies)
    if _counts_indicators(work, fig, hi):
        return True  # the indicators of the document's own system: 新增34个指标
    if fig.unit in ("条", "项") and end == raw_end and _POLICY_ITEMS.match(work, end, hi) is not None:
        return True  # the items of a policy or a task list: 制定出台20条具体举措, 36项重点改革任务
    if (
        not (fig.unit == "元" and end == raw_end)
        and compiled["doc_part_nouns"].search(work, end, hi) is not None
        and (
            compiled["presenting_verbs"].search(work, lo, start) is not None
            or work.find("《", lo, start) >= 0
            or work[start - 1 : start] == "以"
        )
    ):
        return True  # the document's own parts: 推出29项行动计划
    return False


# The items a policy or a list is made of, counted by 条 or 项 before their noun: a count of the
# policy's own parts, not the size of an indicator, as SCHEMA's “50条” (山西's 2026 work report, tune:
# 谋划9条技术路径, 制定出台20条具体举措, 年度36项重点改革任务, 优化工商业电价机制12条举措; 河南's: 建立150项
# 年度任务清单, tune). matches: "具体举措", "举措", "重点改革任务", "年度任务清单",
# "技术路径" ; must not match: "任务" alone (共有42项任务: a count of a 实事 list's tasks the gold keeps), "专项"
# (实施100项重大科技专项: projects), "高速公路" (a road is no item)
_POLICY_ITEMS = re.compile(r"[^\d\s,。;:!?、“”]{0,6}?(?:举措|措施|路径|改革任务|任务清单)")


# A rate laid down "in principle" as a floor: 覆盖率原则上不低于30% (a target of coverage, 上海's
# granary solar plan), unlike a ceiling laid down (担保费率原则上不超过1%, 原则上不超过5年).
_FLOOR_OF_A_RATE = re.compile(r"(?:率|比例|比重)[ \t]*原则上[ \t]*(?:应)?(?:不低于|不少于|达到)[ \t]*\Z")


def _is_floor_of_a_rate(work: str, fig: _Figure, lo: int) -> bool:
    """Whether 原则上 sets a floor for a rate (覆盖率原则上不低于30%): a target, not a rule of
    procedure. Measures documents write the coverage they expect so (上海's granary solar plan);
    a ceiling (担保费率原则上不超过1%, 国办's financing guarantee; 建设周期原则上不超过5年, 上海's
    zero-carbon parks) stays a rule."""
    return fig.unit == "%" and _FLOOR_OF_A_RATE.search(work, max(lo, fig.start - 24), fig.start) is not None


# A standard named, then the terms it sets: 标准为, 標准爲, 标准下调至, 补贴标准：
# matches: "补贴标准为:第一年按", "稅額標准下調至" ; must not match: "达到国家一级A标准", "标准化"
_STANDARD_SET = re.compile(
    r"(?:标准|標准|標準)[ \t]*(?:为|爲|為|是|:|：|不低于|不高於|不低於|不高于"
    r"|(?:下调|上调|调整|提高|降低|下調|上調|調整)[ \t]*(?:至|到|为|爲|為))"
)


def _is_term_of_a_standard(work: str, fig: _Figure, lo: int) -> bool:
    """Whether the figure is a term of a standard the document lays down (a tax rate, a rate of
    subsidy): the sentence names the standard and says what it is (城镇土地使用税税额标准下调至
    1—8元/平方米, 韶关's cost measures; 补贴标准为:第一年按18元/m/月,第二年15元/m/月, 武昌's
    incubator policy; 特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍, 肇庆's 2020 livelihood
    tasks). A standard is a rule of the benefit, not the size of an indicator."""
    floor = max(0, fig.start - 60)  # (a bounded look back: a text may have no stop at all)
    s_lo = max(work.rfind("。", floor, lo), work.rfind("\n", floor, lo), floor - 1) + 1
    return _STANDARD_SET.search(work, s_lo, fig.start) is not None


# A rate reckoned on a base named before it: 按照设备投资额的10%, 按其产值的5%.
# matches: "按照设备、软硬件工具等投资额的" ; must not match: "按期完成率达到", "按时"
_RECKONED_ON = re.compile(r"按(?:照)?(?!期|时|计划|要求)[^,，。;；:：达提降增\d]{1,30}的[ \t]*\Z")


def _is_rate_of_reckoning(work: str, fig: _Figure, lo: int) -> bool:
    """Whether a share is the rate a payment is reckoned by (竣工投产后按照设备投资额的10%,给予…:
    天津's manufacturing measures; 按固定资产投资额的10%给予补贴: 长丰's policies): the base it is a
    share of is named after 按 / 按照, and the rate is a term of the payment."""
    if fig.unit != "%":
        return False
    return _RECKONED_ON.search(work, max(lo, fig.start - 34), fig.start) is not None


# A clause that opens with one recipient: 单个项目, 单家企业, 单户企业 (after an item's number).
# matches: "单个空间每年支持经费", "1.单个库区" ; must not match: "单位GDP能耗", "其中单户担保金额"
_PER_RECIPIENT_OPENING = re.compile(r"[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.、．])?[ \t]*单(?:个|家|户|笔|项)")


def _is_per_recipient(work: str, fig: _Figure, lo: int) -> bool:
    """Whether the figure's clause opens with a single recipient (单个空间每年支持经费不超过20万元:
    武昌's incubator policy; 单家企业奖励最高不超过80万元; 单个库区可利用屋面总面积1500平方米以上:
    上海's granary solar plan): the cap of a benefit or the condition of one, each recipient's, not
    the size of an indicator."""
    return (
        work[lo : lo + 1] in _PER_RECIPIENT_FIRSTS
        and _PER_RECIPIENT_OPENING.match(work, lo, fig.start) is not None
    )


_PER_RECIPIENT_FIRSTS = frozenset(" \t(0123456789单")
# The range an adjustment of a rule may take. matches: "调整幅度不超过", "上浮幅度" ; must not match: "降幅"
_ADJUSTMENT = re.compile(r"(?:调整|浮动|上浮|下浮|变动)幅度[^,，。;；\d]{0,6}\Z")


def _is_limit_of_an_adjustment(work: str, fig: _Figure, lo: int) -> bool:
    """Whether the figure bounds how far the authority may adjust a rule (奖励标准进行适当调整,调整
    幅度不超过15%: 上海's renewable energy fund; 利率浮动幅度): a limit of the procedure."""
    return _ADJUSTMENT.search(work, max(lo, fig.start - 14), fig.start) is not None


def _in_a_condition_sentence(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether the figure is in a condition of a sentence that opens with 对 / 对于 / 凡: a clause of
    it that ends with 的 (对养老服务机构…的,连接软管长度超过2米…的,…: 奉贤's gas safety campaign),
    or any clause before the grant that ends the sentence (对总投资5000万元以上、…的重大工业项目,以及
    总投资1000万元以上的…项目,…给予最高5000万元支持: 天津's manufacturing measures; 对新引进…
    投资1000万元以上的,…给予: 长丰's policies). What follows 对 names who or what the sentence
    deals with; its figures say which, they size no indicator."""
    floor = max(0, lo - 200)  # (a bounded look back: a text may have no stop at all)
    s_lo = max(work.rfind(c, floor, lo) for c in "。\n;；") + 1
    if s_lo == 0 and floor > 0:
        return False  # no sentence start near: a condition so long is no condition of one benefit
    if work[s_lo : s_lo + 1] not in _CONDITION_FIRSTS or _CONDITION_START.match(work, s_lo, hi) is None:
        return False
    j = hi
    while j > lo and work[j - 1] in _CONDITION_CLOSERS:
        j -= 1
    if work[j - 1 : j] == "的":
        return True
    m = _SENTENCE_STOP.search(work, hi, hi + 300)
    s_hi = m.start() if m is not None else min(len(work), hi + 300)
    return _GRANT_VERBS.search(work, fig.end, s_hi) is not None


_CONDITION_FIRSTS = frozenset(" \t(0123456789对凡")
# Verbs that grant: the end of a condition. matches: "给予", "予以", "奖励", "支持" (给予最高5000万元支持)
_GRANT_VERBS = re.compile(r"给予|予以|給予|奖补|獎補")
# A count of recipients: a number of firms or places that meet the conditions of a support.
# matches: "符合条件的", "符合条件且" ; must not match: "符合要求" with no support before it
_MEETING_CONDITIONS = re.compile(r"[ \t]*(?:符合|满足)(?:条件|条款)")
_MEETING_FIRSTS = frozenset(" \t符满")  # (the first characters of its matches)


def _counts_recipients(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a count names how many get a support (优先支持其行政区域内1家符合条件的国家高新区扩区:
    国办's local incentives; 每年支持2个符合条件的县): the count of those who meet its conditions,
    after 支持 / 奖励, is a term of the support."""
    if fig.unit not in ("家", "个", "名", "项"):
        return False
    if (
        work[fig.end : fig.end + 1] not in _MEETING_FIRSTS
        or _MEETING_CONDITIONS.match(work, fig.end, hi) is None
    ):
        return False
    return work.find("支持", lo, fig.start) >= 0 or work.find("奖励", lo, fig.start) >= 0


# A frequency: how often a procedure is done, 每 and a period before the count of times.
# matches: "每年至少组织", "每两年不少于", "每季度开展" ; must not match: "每万人" (per capita), "全年"
_FREQUENCY = re.compile(
    r"每(?:[一两二三四五六七八九十半]|\d{1,2})?[ \t]*(?:个)?(?:年度?|季度?|月|周|日|天|旬)"
)
_TIMES = frozenset({"次", "轮", "遍"})
# A contact person named for the work. matches: "联系人", "工作人员为…联络员" ; must not match: "工作人员参加培训"
_CONTACT = re.compile(r"[^,，。;；\d]{0,30}?(?:联系人|联络员|信息员)")


# The measures of a document counted: 24项督查激励措施, 10项政策措施, 3项举措.
# matches: "督查激励措施", "措施" ; must not match: "重点工程" (see doc_part_nouns), "措施落实率"
_COUNTED_MEASURES = re.compile(r"[^,，。;；、\d]{0,8}?(?:措施|举措|舉措)(?![落实完成覆])")


# The time a capacity or a rate is reckoned by, after a slash. matches: "日" (300吨/日), "小时",
# "年" ; must not match: "平方公里" (a unit of its own: read from the unit words)
_PER_TIME = re.compile(r"小时|日|天|周|月|年")
# A count of indicators or criteria: the noun the count sizes ends with 指标.
# matches: "个指标", "个基础性指标", "项指标的同时" ; must not match: "个指标体系建设项目"
_INDICATOR_COUNT = re.compile(r"[^\d,，。;；、]{0,6}?指标(?!体系|库)")


def _counts_indicators(work: str, fig: _Figure, hi: int) -> bool:
    """A count of the indicators (or criteria) a document lays down or adopts (城市体检: 沿用65个
    基础性指标和市级新增34个指标; 对照贫困户退出6项指标) sizes the document's own system of
    measures, not an indicator: it is no metric (崇明's city check-up, 徐水's work report)."""
    if fig.unit not in ("个", "项", "类", "大类"):
        return False
    return _INDICATOR_COUNT.match(work, fig.end, min(hi, fig.end + 12)) is not None


# An interval written without 每: how often a procedure is done (上海市交通委's 精细化管理 plan:
# 保洁频率提升至15天完成1次全线机械清理、冲洗,30天完成1次人工清洗), the same reading as the 每 form
# _FREQUENCY reads (每年至少组织1次排查, 每两年不少于1次; 县 and 区 safety and sanitation plans). Both the
# interval and the count of times are terms of the procedure, not indicators.
# matches (after a time): "完成1次", "清扫一次", "巡查2遍" ; must not match: "完成12项" (not times), "内办结"
_TIMES_AFTER_AN_INTERVAL = re.compile(
    r"[ \t]*(?:至少|不少于)?[^\d,，。;；、:：]{0,6}?(?:\d{1,2}|[一二两三四五六七八九十])[ \t]*[次遍轮](?![数])"
)
# matches (before a count of times): "15天完成", "30天", "两个月开展" ; must not match: "2025年完成" (a year:
# four digits), "每30天" (read by _FREQUENCY), "3天内完成" (a time limit: 内)
_INTERVAL_BEFORE_TIMES = re.compile(
    r"(?<![\d.每])(?:\d{1,3}|[一二两三四五六七八九十半])[ \t]*(?:个)?(?:天|日|小时|周|月)(?!内)"
    r"[ \t]*(?:至少|不少于)?[^\d,，。;；、:：内]{0,6}\Z"
)


def _is_interval(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """A time followed by a count of times (15天完成1次), or a count of times after such a time:
    the frequency of a procedure, neither figure an indicator."""
    if fig.unit in _TIMES:
        return _INTERVAL_BEFORE_TIMES.search(work, max(lo, fig.start - 14), fig.start) is not None
    if work.find("内", fig.end, fig.end + 1) >= 0:
        return False
    m = _TIMES_AFTER_AN_INTERVAL.match(work, fig.end, hi)
    return m is not None and m.end() - fig.end <= 12


# A figure followed by the grade it earns is the definition of a pass (静安区 and 杨浦区 排水管理体制
# 改革: 管道积泥深度不超过管径10%为合格), a criterion, not an indicator.
# matches: "为合格", "即为达标", "的视为不合格" ; must not match: "为目标", "为主" (not a grade)
_GRADE_AFTER = re.compile(r"[ \t]*(?:的)?(?:即)?(?:为|视为|作为|算作)(?:合格|达标|不合格|不达标|优秀|良好)")


# A time limit a procedure must keep: 应当在…作出处理后30个工作日内 (国家安全部's rewards measures),
# 应当自作出行政处罚决定之日起二十个工作日内 (市场监管总局's disclosure rules), 公示至少5个工作日 (奉贤's
# parking opinions). It lays down a rule of the procedure, not an indicator; a time cut as a reform's
# target (审批时限压缩至3个工作日) is still read. matches (before the figure): "应当在…后", "之日起",
# "公示至少", "公告不少于" ; must not match: "压缩至", "缩短到" (a target)
_PROCEDURE_TIME_BEFORE = re.compile(
    r"(?:之日起|(?:公示|公告|公开征求意见|征求意见)(?:期)?[ \t]*(?:时间)?[ \t]*(?:至少|不少于|不得少于|为)?)[ \t]*\Z"
)
_OBLIGED = re.compile(r"应当|应于|须于|必须在")


def _is_procedure_time(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a time (工作日, 天) is a limit laid down for a procedure: after 之日起 or a notice period
    (公示至少5个工作日), or a limit ending in 内 in a clause that obliges (应当…30个工作日内)."""
    if _PROCEDURE_TIME_BEFORE.search(work, max(lo, fig.start - 16), fig.start) is not None:
        return True
    return work.startswith("内", fig.raw_end) and _OBLIGED.search(work, lo, fig.start) is not None


# A count in parentheses after the name of the list it counts: 区政府工作报告所列重点工作的落实(共101项,
# …) (广丰's duties notice), 重点任务（共35项） in 分工 notices: the size of the document's own list.
# matches (before the figure): "(共", "（共", "(共计" ; must not match: "共" without a parenthesis
_COUNT_IN_PARENTHESES = re.compile(r"[(（][ \t]*共(?:计|有)?[ \t]*\Z")
# The furniture of a published web page: its count of comments, views or reads (工信部's notice as
# copied from its page: 留言与评论(共有 0 条评论)). matches: "条评论", "次浏览", "人阅读" ; must not match: "条道路"
_PAGE_FURNITURE = re.compile(r"[ \t]*(?:条|次|人)?[ \t]*(?:评论|浏览|阅读|点击)")
# The base a ratio is reckoned per: 每25-30公里乡村道配备不少于一名监管员 (奉贤's rural roads reform),
# 每1000名老年人配备… : the figure after 每 sizes the base, the count it is given (一名) is the ratio.
# matches: "每" just before the figure ; must not match: "每年新增" (no figure after 每)


# What follows 一次性 when it means "disposable" or "at the first try", not a one-off grant
# (一次性奖励50万元): 一次性餐盒, 一次性用品 (上海's packaging rules, 静安's garbage plans), 一次性验收合格
# (奉贤's rural roads reform), 一次性化解率 / 一次性办结 (a matter settled at the first try: 福建's 2026
# work report, tune). matches: "餐", "用品", "日用品", "验收", "通过", "合格", "塑料", "使用", "化解", "办结" ;
# must not match: "奖励", "补助", "的派發" (a grant)
_NOT_A_GRANT = re.compile(r"(?:餐|用品|日用品|验收|通过|合格|塑料|使用|杯|筷|袋|性|化解|办结|办成|告知|解决)")


def _benefit_word_before(work: str, words: _WordList, lo: int, start: int) -> bool:
    """Whether a word of a benefit's terms (最高, 一次性, 补助标准…) stands before a figure in its
    clause; 一次性 only when it means a one-off grant, not a disposable thing or a first-time pass."""
    pos = lo
    while True:
        m = words.search(work, pos, start)
        if m is None:
            return False
        if m.group() != "一次性" or _NOT_A_GRANT.match(work, m.end()) is None:
            return True
        pos = m.end()


# A distance that draws the area a figure is taken over: 轨道交通站点50米范围内地面公交配套服务占比
# (上海市交通委's 精细化管理 plan), 站点周边50米内配套公交设施, 周边步行距离300-500米范围内 (松江's
# parking-sharing opinions), 公园绿地500米服务半径覆盖率 (奉贤's 公园城市 opinions). The distance
# sizes the area, not an indicator (the share or the count taken over it is the metric).
# matches: "范围内", "服务半径", "半径内", "内配套" (after 周边…米) ; must not match: "以内" (a ceiling:
# 控制在500米以内), "。" ; the 周边 form: "周边50米内" but not "新建50米道路"
_RADIUS_AFTER = re.compile(r"[ \t]*(?:范围内|(?:服务)?半径|(?:的)?范围)")
_DISTANCES = frozenset({"米", "公里"})


def _is_radius(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a distance draws the area something is taken over (50米范围内, 500米服务半径, 周边50米内)."""
    if _RADIUS_AFTER.match(work, fig.raw_end, hi) is not None:
        return True
    return work.startswith("内", fig.raw_end) and work.find("周边", max(lo, fig.start - 12), fig.start) >= 0


# What a time qualifies when it gives the hours of a service, not a figure of it (公园24小时开放,
# 闵行's 二十四小时开放比例 sizes the share, not the hours). matches: "开放", "值守", "不间断服务" ;
# must not match: "内办结" (a time limit: read elsewhere)
_ROUND_THE_CLOCK = re.compile(r"[ \t]*(?:不间断)?(?:开放|营业|值守|值班|在线|服务|运行|运营)")


# A figure followed by the goal it sets is the goal's size, not a threshold of things: 占建成区50%的
# 目标要求; the goals a year's news or work report announces (天津经开区's 2022 work conference news:
# 实际利用外资增长13.5%的经济发展目标, tune; the 2019 国务院 work report: 实现了6.5%左右的预期发展目标),
# or the 指标 a plan sets (虹口's 2018 garbage plan: 其余街道完成未推行垃圾分类居住区50％的指标).
# matches: "的目标", "的年度目标", "的经济发展目标", "的预期发展目标", "的指标" ; must not match: "的企业",
# "的项目"
_GOAL_AFTER = re.compile(r"的[\u4e00-\u9fff]{0,6}?[目指]标")
# The unit a benefit is reckoned by: 每 and a verb just before the figure.
# matches: "每认定" (每认定1家), "每新增" ; must not match: "每年" (a standing quota), "每万人" (per capita)
_PER_UNIT = re.compile(r"每(?![年月季周天日万千百亿])[\u4e00-\u9fff]{1,3}[ \t]*\Z")


# One of the things a benefit is reckoned by: 每 and a verb, then one of them.
# matches: "每引进一家", "每新增1个" ; must not match: "每年新增1家" (a standing quota), "每万人"
_PER_ONE = re.compile(r"每(?![年月季周天日万千百亿])[\u4e00-\u9fff]{1,3}?[一1][ \t]*[家个户名]")


def _counts_its_list(work: str, fig: _Figure, lo: int) -> bool:
    """Whether a count follows the list of names it counts (北京、吉林、贵州3个省; 汽车、电子等2个
    产业): as many names, separated by 、, as the count, with no figure among them."""
    before = work[lo : fig.start].rstrip(" \t共")
    names = before.rstrip(" \t等")
    if any(c.isdigit() for c in names) or "各" in names or "分别" in names or "均" in names:
        return False  # figures among the names, or one figure for each of them (金融、科技企业各新增2家)
    last = names[names.rfind("、") + 1 :]
    if len(last) > 6 and not before.endswith("等"):
        return False  # the list does not end at the figure (…、泥城镇和四团镇范围内选取4个)
    n = names.count("、") + 1 + ("以及" in last)  # A、B以及C等3个
    return n >= 2 and fig.value == n


# An amount each recipient has. matches: "月人均", "每人每月", "人均每月" ; must not match: "人均可支配收入"
_PER_RECIPIENT = re.compile(r"月人均|每人每月|人均每月|每人每年")


# A clause that opens with the terms something is reckoned by.
# matches: "按照流域不同降雨典型", "依照" ; must not match: "按期完成" (on time), "按下"
_RECKONING = re.compile(r"[ \t]*(?:按照|依照|参照|依据|根据)")
_RECKONING_FIRSTS = frozenset(" \t按依参根")
# Units of a share or a multiple: a figure in them never qualifies a noun.
_RELATIVE_UNITS = frozenset({"%", "个百分点", "倍", "‰"})
# The least count of 单位 read as dwellings, not bodies (see _excluded).
_DWELLINGS_FROM = 1000
# The parts a speaker divides an argument into, counted (香港's Secretaries in the 2013 budget
# debate: 就社會福利、勞工和人力發展3個範疇提供了很多意見, 政府對…3個範疇的重視; work reports:
# 重点抓好以下九个方面, 从三个层面推进; 考虑4个因素): the count of the speech's own parts, no
# indicator. matches: "范畴", "方面", "因素", "层面" (after 个) ; must not match: "方案", "项目"
# (A text wrapped at a fixed width may break the word: "範\n疇".)
_SPEECH_PARTS = re.compile(r"[ \t]*(?:范\s?畴|方\s?面|因\s?素|层\s?面)")
# An amount each recipient gets a month or a year, with the benefit it is: the terms of a benefit
# (合資格長者可領取每月2,200元津貼, 香港's Secretary for Labour and Welfare in the 2013 budget
# debate; 每人每月发放200元补贴, 县 and 区 notices). matches: "每月" + "元津贴", "每年最高" + "元的补助" ;
# must not match: "每年拨款" + "1,200万元" (a budget committed: no benefit noun after it)
_PER_PERIOD_BEFORE = re.compile(r"每[ \t]*(?:月|年|人|户)[ \t]*(?:高达|最高|可领取|可获)?[ \t]*\Z")
_BENEFIT_NOUN_AFTER = re.compile(r"[ \t]*(?:的)?[ \t]*(?:津贴|补贴|补助|奖励|资助|生活费)")
# A measure followed by 以上 / 以下 and things it sizes: it qualifies them, maybe past a few words that
# qualify them too (关停淘汰10万千瓦及以下燃煤机组, 河南's 2026 work report; 布局一批50万千瓦以上省级大型
# 风光基地, 山西's: tune). matches: "以上项目" (5亿元以上项目), "及以上企业", "及以下燃煤机组",
# "以上省级大型风光基地" ; must not match: "以上," "以上。" (a comparator), "以上建设用地面积" (50平方公里
# 以上建设用地: an amount of land, at least 50 km²)
_QUALIFIER_FIRSTS = frozenset(" \t及以")  # (the first characters of _QUALIFIER's matches)
_QUALIFIER = re.compile(
    r"[ \t]*(?:及)?以[上下][ \t]*(?:的)?[ \t]*[^\d\s,。;:!?、]{0,6}?"
    r"(?:项目|企业|工程|公司|集团|园区|楼宇|总部|产业集群|重点项目|重大项目|商圈|平台|机组|基地)"
)
# Units of times counted by 连续 before them (连续3次获评优秀, 连续12届获中国戏剧梅花奖, in 福建's 2026 work
# report, tune): how long a record has been kept, as 连续5年 is, not the size of an indicator.
_TIMES_IN_A_ROW = frozenset(("次", "届", "期", "批", "轮"))
# A capacity directly followed by what a project makes and the word 项目: the project's name, as work
# reports write the plants they open (…10万吨绿电高端铝基材料等项目投产, 年产2万吨高质碳酸锂项目顺利投产:
# 青海's 2026 report, tune; the 河南 and 山西 gold leave such specifications out).
# matches (after the figure): "高质碳酸锂项目", "塔式槽式光热发电项目", "绿电高端铝基材料等项目" ;
# must not match: "的光伏项目" (…达到100万千瓦的: an amount), ",项目" (another clause), "、"
_CAPACITY_UNITS = frozenset(("吨", "千瓦", "兆瓦", "标箱"))
_NAMES_A_PROJECT = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,14}?(?<!的)(?:等)?项目")
# …or the first of a list of projects so named that closes with 等项目 (推动国达化工60万吨钾肥复合造粒、
# 蓝科锂业…、泰丰先行磷酸铁锂扩产等项目建设: 青海's 2026 report; 大唐700万吨露天煤矿、400万吨褐煤提质、
# 5万千瓦风电…等项目前期工作扎实推进: 海拉尔's 2013 report; 九江石化年产150万吨芳烃、…等: tune).
# matches (after the figure): "钾肥复合造粒、蓝科锂业碳酸锂装置系统性优化改造、…等项目" ;
# must not match: "、风电装机50万千瓦" with no 等项目 closing the list, "，…等项目" (another clause)
_FIRST_OF_PROJECTS = re.compile(r"[\u4e00-\u9fff]{1,14}、[^,，。;；:：\n]{0,120}?等(?:重点|重大)?项目")
# What names an amount rather than a project before a capacity: 新增产能60万吨, 装机达到500万千瓦.
_AMOUNT_BEFORE = re.compile(
    r"(?:新增|达到|达|完成|突破|超过|超|增长|增加|提高|提升|形成|产量|装机|规模|能力|总量|产能|生产|输出|储备|减少)[ \t]*\Z"
)


def _names_a_project(work: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a capacity is part of a project's name: its product and 项目 follow it, or it opens
    one of a list of such projects that closes with 等项目; a verb of amount before it (新增产能
    60万吨) makes it an amount."""
    if _NAMES_A_PROJECT.match(work, end, hi):
        return True
    if work.find("等", end, end + 160) < 0 or _AMOUNT_BEFORE.search(work, max(lo, start - 6), start):
        return False
    return _FIRST_OF_PROJECTS.match(work, end, min(len(work), end + 160)) is not None


# Money directly followed by the things it sizes: a class of them, not an amount.
# matches: "企业" (超亿元企业), "级项目" ; must not match: "资金", "的企业" (see threshold_after)
_MONEY_CLASS = re.compile(r"[ \t]*级?(?:企业|项目|工程|楼宇|园区|产业集群)")
# Before a share of the things a clause opens with: nothing, the area it is taken over, or 其中 (a
# share of the things the clause before counts: 新增达标小区48个，其中40%的小区建成精品小区); or the part
# of the year a share of things is to be done in (宝山's 2019 garbage plan, each 镇's row: 上半年完成10%小区，
# 下半年完成20%的小区; 虹口's 2018 plan: 其余街道完成…50％的指标 is read by _GOAL_AFTER).
# matches: "", "全省", "我市", "力争全国", "其中", "下半年完成", "年内完成" ; must not match: "研发投入占比超过"
# (an indicator: a threshold)
_SCOPE_ONLY = re.compile(
    r"[ \t]*(?:其中)?[ \t]*(?:(?:上半年|下半年|年内|年底前)?完成)?"
    r"[ \t]*(?:力争|推动|实现|确保|争取){0,2}[ \t]*(?:全(?:国|省|市|区|县|镇)|我(?:国|省|市|区|县)|本(?:省|市|区|县))?"
    r"[ \t]*(?:有|的)?[ \t]*\Z"
)
# Money the government commits: a verb of setting aside, and a fund after the figure.
# matches: "设立总规模不少于" + "100亿元的数字经济发展专项基金" ; must not match: "营收10亿元级的企业"
# (推出 and 成立 launch a fund in speeches: 我們於去年6月底推出了總值10億元的專項基金, 香港's Secretary
# for Commerce in the 2013 budget debate; 去年6月推出總值10億元的BUD專項基金, the 2013 budget speech)
_COMMIT_VERBS = ("设立", "安排", "设置", "组建", "筹集", "统筹", "投入", "形成", "推出", "成立")
_FUNDS = ("基金", "资金", "资金池")
_PROJECTS = ("项目", "工程")
# A condition of a benefit: a clause that names who qualifies and ends with 的.
# matches: "对主营业务收入首次突破1000亿元、500亿元的", "固定资产投资1000万元及以上至5000万元的"
# must not match: "对2019年申报的总投资1212亿元的38个省市重点项目" (it does not end with 的)
_CONDITION_CLOSERS = frozenset(" \t)]〕】")  # what may follow its 的
_CONDITION_START = re.compile(
    r"[ \t]*(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?[ \t]*(?:对于|对|凡是|凡)"
)


@lru_cache(maxsize=1)
def _benefit_words() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """(words that grant or name a benefit, the granting ones, verbs of money paid out as a
    whole)."""
    mw = metric_words()
    grants = mw.words("benefit_grants")
    return (
        _any_re((*grants, *mw.words("benefit_nouns"))),
        frozenset(grants),
        _any_re(mw.words("payout_verbs")),
    )


class _BenefitMarks:
    """Where a document names a benefit (给予, 奖励…) and where it pays money out as a whole
    (发放, 拨付…), found once for the whole text (a search per clause costs more), to ask of any
    clause."""

    __slots__ = ("starts", "ends", "grants", "payouts")

    def __init__(self, work: str) -> None:
        _, grants, _ = _benefit_words()
        mw = metric_words()
        # (_benefit_words's patterns, one for each first character: see _finditer_merged)
        found = _finditer_merged(
            _any_re_by_first((*mw.words("benefit_grants"), *mw.words("benefit_nouns"))), work
        )
        # (补贴性培训, 奖励性绩效工资: the noun made an adjective names a kind of thing, no benefit)
        found = [m for m in found if work[m.end() : m.end() + 1] != "性"]
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.grants = [m.group() in grants for m in found]
        self.payouts = [m.start() for m in _finditer_merged(_any_re_by_first(mw.words("payout_verbs")), work)]

    def is_benefit_clause(self, lo: int, hi: int) -> bool:
        """Whether the clause [lo, hi) grants a benefit: 给予企业30万元奖励, 按5%给予奖励, 全部奖补给
        企业; a benefit named with no verb of paying out as a whole (发放消费补贴2.35亿元 is an
        actual)."""
        starts = self.starts
        i = bisect.bisect_left(starts, lo)
        named = False
        while i < len(starts) and starts[i] < hi:
            if self.ends[i] <= hi:
                if self.grants[i]:
                    return True
                named = True
            i += 1
        if not named:
            return False
        j = bisect.bisect_left(self.payouts, lo)
        return not (j < len(self.payouts) and self.payouts[j] < hi)


def _is_condition(work: str, benefits: _BenefitMarks, fig_end: int, lo: int, hi: int, p_hi: int) -> bool:
    """Whether the clause [lo, hi) is the condition of a benefit: it ends with 的 and opens with
    对 / 凡 or is followed by a clause that grants a benefit (…5000万元以上的,参照其…给予企业奖励);
    or it opens with 对 / 凡, names what qualifies with 的 after the figure, and a clause that
    grants a benefit follows (对主营业务收入首次突破100亿元的法人企业,给予…)."""
    # (_CONDITION_FIRSTS holds its first characters but the digits beyond ASCII \d also matches)
    first = work[lo : lo + 1]
    opens = (first in _CONDITION_FIRSTS or first.isdecimal()) and _CONDITION_START.match(
        work, lo, hi
    ) is not None
    if work.find("的", fig_end, hi) < 0:
        # 对…离岸距离大于等于50公里的近海风电项目, written without 的: a condition only when it opens
        # with 对 and a clause granting a benefit follows it.
        if not opens:
            return False
        m = _STOP.search(work, hi + 1, p_hi)
        return work[hi : hi + 1] in ",," and benefits.is_benefit_clause(hi + 1, m.start() if m else p_hi)
    j = hi
    while j > lo and work[j - 1] in _CONDITION_CLOSERS:
        j -= 1
    ends = work[j - 1 : j] == "的"
    if ends and opens:
        return True
    if not (ends or opens):
        return False
    m = _STOP.search(work, hi + 1, p_hi)
    nxt_hi = m.start() if m is not None else p_hi
    return benefits.is_benefit_clause(hi + 1, nxt_hi)


# A change from a figure to another: what follows the figure it starts from.
# matches: "提高至99%", "逐步提升到", "增加到", "降低至" ; must not match: "提高", "的基础上"
_CHANGE_VERB_WORDS = (
    *("提高", "提升", "增加", "增长", "扩大", "上升", "下降", "降低", "减少", "缩短", "压减", "压缩"),
    # (the verbs of a speech: 將由94萬人急升至256萬人, 由15萬元增至20萬元; 香港's budget speeches and
    # the LegCo debates of 2013, work reports' 由…增至…, 由…降至…)
    *("急升", "急增", "攀升", "飙升", "倍增", "回落", "增", "升", "降"),
)
_CHANGE_VERBS = "(?:" + "|".join(_CHANGE_VERB_WORDS) + ")"
_CHANGE_ADVERBS = ("逐步", "进一步", "稳步", "大幅")
_CHANGE_TO = re.compile(
    r"[ \t]*(?:的水平)?[ \t,，]?(?:" + "|".join(_CHANGE_ADVERBS) + ")?" + _CHANGE_VERBS + r"[ \t]*[到至]"
)
# What _CHANGE_TO may open with (one look at the character after most figures is enough), from the
# words it is made of.
_CHANGE_TO_FIRSTS = frozenset(" \t的,，") | frozenset(w[0] for w in (*_CHANGE_ADVERBS, *_CHANGE_VERB_WORDS))
# The opening of the change, close before the figure. matches: "由", "从2020年的" ; must not match:
# "由各区负责，"
_CHANGE_FROM = re.compile(r"[由从][^,，。;；:：由从]{0,12}$")


def _base_of_a_change(
    work: str, fig: _Figure, c_lo: int, review_year: int | None, doc_year: int | None = None
) -> int | None:
    """The year of a plan's figure that is the start of a change it sets (城镇污水处理能力由12万吨/天
    提高至24万吨/天; 比重由47.6%提升至73.4%): the figure is where things stand, an actual of the
    year it names (由2020年的…) or of the year before the plan; the figure it changes to is the
    target. Plans of 崇明 (water, 十四五) and 河北 (work report's review) write changes so.
    None: the figure is not the start of a change."""
    if work[fig.end : fig.end + 1] not in _CHANGE_TO_FIRSTS or _CHANGE_TO.match(work, fig.end) is None:
        return None
    lead = _CHANGE_FROM.search(work, max(c_lo, fig.start - 14), fig.start)
    if lead is None:
        return None
    named = _YEAR_IN_LEAD.search(lead.group())
    if named is not None:
        return int(named.group())
    if any(w in lead.group() for w in _NOW_WORDS):
        return None  # where things stand now: see _starts_from_now
    if doc_year is not None and _LOOKS_AHEAD_BEFORE.search(work, max(c_lo, lead.start() - 3), lead.start()):
        # 將由94萬人急升至256萬人: a change to come starts from where things stand as the speaker
        # speaks (香港's speeches on an ageing population; 市 work reports: 将由…提高到…).
        return doc_year
    return review_year


# The words that date the start of a change to the time of writing (由目前的35%提高到40%).
_NOW_WORDS = ("目前", "现在", "当前", "现时", "現時")


def _starts_from_now(work: str, fig: _Figure, c_lo: int) -> bool:
    """Whether the figure is the start of a change that starts from where things stand when the
    document is written (绿化覆盖率由目前的35%提高到40%, 由现在的12亿元增长到20亿元): an actual of the
    document's year, whatever the plan around it says (香港's budget speech of 2013: 由目前的1,000億港元
    提高至2,000億港元)."""
    if _CHANGE_TO.match(work, fig.end) is None:
        return False
    lead = _CHANGE_FROM.search(work, max(c_lo, fig.start - 14), fig.start)
    return lead is not None and any(w in lead.group() for w in _NOW_WORDS)


# The change from where things stand now that ends at the figure after it: the figure is a target
# (the present words before it date the start, not the figure).
# matches: "由目前的35%提高到", "从现在的12亿元增长到", "由目前的5%下降至" ;
# must not match: "目前已达到" (no change from a figure), "由2020年的35%提高到" (see _base_of_a_change)
_FROM_NOW_TO = re.compile(
    r"[由从][ \t]*(?:"
    + "|".join(_NOW_WORDS)
    + r")[^,，。;；:：由从]{0,16}?\d[^,，。;；:：由从]{0,8}?"
    + _CHANGE_VERBS
    + r"[ \t]*[到至][ \t]*\Z"
)


# A word of the future just before the 由 / 从 that opens a change. matches: "将", "会", "预计将" ;
# must not match: "已" (a change made: see _done)
_LOOKS_AHEAD_BEFORE = re.compile(r"(?:将|会|预计)[ \t]*\Z")


_YEAR_IN_LEAD = re.compile(r"(?:19|20)\d{2}(?=年)")


def _is_share_of_subject(work: str, fig: _Figure, lo: int) -> bool:
    """A share that opens its clause: 全省50%以上的文化馆具备…, 70%的规上企业实现…; or an item of
    a list of such shares (90%以上的研发机构设立在企业、90%以上的研发人员集中在企业)."""
    if fig.unit != "%":
        return False
    if _SCOPE_ONLY.match(work, lo, fig.start) is not None:
        return True
    if work.find("盖", lo, fig.start) >= 0 or work.find("惠及", lo, fig.start) >= 0:
        if _COVERS_A_SHARE.search(work, max(lo, fig.start - 12), fig.start) is not None:
            return True  # the share of things a service or campaign reaches: 覆盖全省93%的建制镇
    return work[fig.start - 1 : fig.start] == "、" and _opens_with_a_share(work, lo, fig.start)


# A verb of reaching before the share of the things reached, over an area or none: the share is the
# coverage, an indicator (work reports' reviews: 美丽城镇建设覆盖全省N%的建制镇, 5G网络覆盖N%以上的行政村).
# matches: "覆盖全省", "覆盖", "惠及全市", "覆盖到" ; must not match: "覆盖率达" (a rate named before its
# figure, read as any figure), "惠及群众"
_COVERS_A_SHARE = re.compile(
    r"(?:覆盖|涵盖|惠及)[ \t]*(?:到|至)?[ \t]*(?:全(?:国|省|市|区|县|镇)|我(?:国|省|市|区|县)|本(?:省|市|区|县))?[ \t]*\Z"
)


# The year's plan a share of it is told against (完成年计划80亿元的106.3%, 为年度目标1237.6亿元的55.98%): the
# plan's figure before 的 is no threshold but the year's target (SCHEMA: a review's plan figures are
# targets of the year reviewed; the share is the result). matches: "年计划" + "80亿元" + "的106.3%",
# "年度投资目标" + "…的55.98%" ; must not match: "营收10亿元的企业" (no plan before it), "计划总投资5亿元的项目"
_PLAN_BEFORE = re.compile(r"(?:年|年度|全年)(?:投资|建设)?(?:计划|目标|任务)(?:数)?[ \t]*\Z")
_SHARE_AFTER = re.compile(r"[ \t]*\)?[ \t]*的[ \t]*\d+(?:\.\d+)?[ \t]*%")


def _is_plan_of_a_share(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether the figure is the year's plan a share after it is a share of (_PLAN_BEFORE)."""
    return (
        _SHARE_AFTER.match(work, fig.raw_end, hi) is not None
        and _PLAN_BEFORE.search(work, max(lo, fig.start - 10), fig.start) is not None
    )


# A clause that opens with a share of the things it names. matches: "90%以上的研发机构", "全省70%的"
_SHARE_OPENING = re.compile(r"[^,，。;；、\d]{0,6}?(?P<n>\d+(?:\.\d+)?)[ \t]*%[ \t]*(?:及)?(?:以上)?[ \t]*的")


# What a share's things reach, after the share that opens the clause (县 plans: 力争实现20%的村集体年收入
# 超30万元; 区 plans: 30%的规上企业研发投入达到3%…; 市 goals: 50%以上的村年经营性收入超过10万元): the
# figure is the bar that defines the share, not an indicator of its own.
# matches: "村集体年收入超", "企业营业收入超过" ; must not match: "村集体新增" (a verb of change)
_BAR_VERB = re.compile(r"[^,，。;；\d]{0,12}?(?:超过|超|高于|不低于|达到|达)[ \t]*\Z")


def _bar_of_a_share(work: str, lo: int, pos: int) -> bool:
    m = _SHARE_OPENING.match(work, lo, pos)
    if m is None or _SCOPE_ONLY.match(work, lo, m.start("n")) is None:
        return False
    return _BAR_VERB.match(work, m.end(), pos) is not None


def _opens_with_a_share(work: str, lo: int, pos: int) -> bool:
    """Whether the clause [lo, pos) opens with a share of the things it names and lists them with
    、 (a goal of 青岛高新区: 90%以上的研发机构设立在企业、90%以上的研发人员集中在企业; 70%的规上企业
    实现数字化、50%的中小企业上云): each item of the list is a share of its own subject."""
    m = _SHARE_OPENING.match(work, lo, pos)
    return m is not None and _SCOPE_ONLY.match(work, lo, m.start("n")) is not None


# A verb of work done right before a figure that 的 follows: the figure sizes the work (完成了17.2公里
# 的村巷硬化, 解决了3948人的安全饮水问题: 海拉尔's 2015 work report, tune), not a bar that classes the
# things after it (营收超过5000万元的企业: a comparator stands before such a bar).
# matches: "完成了", "解决", "新建" ; must not match: "超过", "达到" (a bar), "实施" (实施500万元以上的项目)
_WORK_DONE_BEFORE = re.compile(r"(?:完成|解决|新建|建成|硬化|改造|治理|修复)[ \t]*了?[ \t]*\Z")


def _sizes_work_done(work: str, fig: _Figure, lo: int, raw_end: int) -> bool:
    """Whether a figure directly followed by 的 sizes the work a verb before it did."""
    if work[raw_end : raw_end + 1] != "的" or fig.unit == "%":
        return False
    return _WORK_DONE_BEFORE.search(work, max(lo, fig.start - 4), fig.start) is not None


def _is_money_committed(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Money the government sets aside (设立总规模不少于100亿元的数字经济发展专项基金), or the
    investment in a project it names (实施总投资8.7亿元的“四好农村路”工程)."""
    if fig.unit != "元":
        return False
    before = work[lo : fig.start]
    after = work[fig.end : hi].replace(" ", "")
    if any(v in before for v in _COMMIT_VERBS) and any(f in after for f in _FUNDS):
        return True
    return (
        before.rstrip(" \t").endswith("投资")
        and after.startswith("的")
        and any(p in after for p in _PROJECTS)
    )


# ---------------------------------------------------------------------------------------------
# Terms of a policy measure
#
# Measures (若干措施, 实施意见, 稳就业 / 稳增长 / 审批制度改革 措施) state many figures that size no
# indicator: the time an office promises to finish a procedure in, the threshold of who is served,
# the rate a fee is refunded or levied at, the number of the meeting that adopted the text. Each
# rule below is one such way of writing; a reform's target for a time (审批时间压缩至90个工作日以内)
# and money the government commits stay metrics.

# The completion of a procedure promised within a time: 一般登记2个工作日办结 (a 湖北 city's 支持实体
# 经济 意见), 环评报告书在30个工作日内办结,报告表在15个工作日内办结 (河源市环保局's commitment, 2014),
# 报告书…个工作日内、报告表…个工作日内完成审批 (环评 sections of 稳增长 measures). matches (after the figure): "内办结", "内、报告表7个工作日内完成审批",
# "办结" ; must not match: "内,即可取得项目开工前所需批复文件" (what the firm obtains: the seeds' 罗湖
# plan reads it as a target), "压缩至…" (a reform's target, see _TIME_CUT)
_SERVICE_DONE = re.compile(
    r"(?:[ \t]*(?:以内|之内|内))?[^,;。!?:\n]{0,24}?"
    r"(?:办结|办完|审结|审批完毕|办理完毕|完成(?:审批|办理|审核|审查|登记|备案|核准|注册|发证))"
)
# A time cut as a reform's target, or a goal's verb, before the figure: the time is an indicator.
# matches: "压缩至", "缩短到", "实现", "力争" ; must not match: "环评报告书"
_TIME_CUT = re.compile(r"压缩|缩短|减少|降低|降至|减至|控制在|提速|实现|力争|确保|达到")
# A threshold written with what it includes or leaves out: 在职职工人数在30人(含)以下的企业 (the
# 财政部's 残疾人就业保障金 notices, 公告2019年第98号 and 2023年第8号, repeated by cities' 稳就业
# measures), 升级改造投资500万元以上(含)的 (长丰's policies), N亩以下(不含N亩)的土地 (land measures).
# matches (after the figure): "(含)以下的", "以下(不含8亩)的", "以上(含)的", "(含本数)以上的" ;
# "(含)以上但未达到规定比例的" (the 财政部's 分档减缴: 安排残疾人就业比例达到1%(含)以上但未达到…的) ;
# must not match: "以上的" (see _OBJECT_THRESHOLD), "(含)" with no 的 after it in its clause
_INCLUSIVE_THRESHOLD = re.compile(
    r"[ \t]*(?:及)?(?:以[上下])?[ \t]*\((?:不)?含[^()\n]{0,10}\)[ \t]*(?:及)?(?:以[上下])?[^,;。!?:\n\d]{0,14}?的"
)
# matches (before the figure): "(不含", "(含" ; must not match: "包含" (no parenthesis)
_INCLUSION_BEFORE = re.compile(r"\([ \t]*(?:不)?含[ \t]*\Z")
_INCLUSION_LASTS = frozenset("含 \t")  # (the character before the figure, if it matches)
# What the object of a measure opened by 对 must reach: 对工业投资、重点商贸和投资500万元以上的农业
# 产业化项目,实行工程报建手续全程代办 (a 湖北 city's 意见), 对年营收5000万元以上的企业,开辟绿色通道.
# matches (after the figure): "以上的", "及以上的", "以下的" ; must not match: "的" alone (一个…的)
_OBJECT_THRESHOLD = re.compile(r"[ \t]*(?:及)?以[上下][ \t]*的")
_OPENS_WITH_OBJECT = re.compile(r"[ \t]*对(?:于)?")
_OBJECT_FIRSTS = frozenset("对 \t")  # (the clause's first character, if it matches)
# A rate refunded or relieved on a fee paid: 返还其上年度实际缴纳失业保险费的50% (湖南's 进一步促进就业
# 二十条, 湘政发〔2018〕30号; 上海's 2020 稳岗返还: 返还…实际缴纳失业保险费总额的50%), 按企业及其职工
# 上年度实际缴纳失业保险费的30%返还 (cities' 稳就业 measures).
# matches (before the figure): "返还其上年度实际缴纳失业保险费的", "减免…租金的" ;
# must not match: "失业保险参保人数的" (no refund)
_REFUND_BEFORE = re.compile(
    r"(?:返还|退还|减免|减征|减半|缓缴|贴息)[^,;。!?:\n\d]{0,24}?(?:费|税|金|额|款|利息|租金)(?:总额)?[ \t]*的[ \t]*\Z"
)
# matches (after the figure): "返还", "的返还", "给予返还", "给予补贴" ; must not match: "以上" (a target's bound)
_REFUND_AFTER = re.compile(r"[ \t]*(?:的)?(?:给予)?(?:返还|退还|减免|减征|贴息)")
# The rate a tax or fee is levied at, or a benefit paid at, a standard laid down: 增值税征收率由3%降至1%
# (许昌's 稳就业 opinions, the 财政部's notices on small taxpayers), 企业所得税税率减按15%, 失业保险费率
# 降至1%, 住房公积金缴存比例为5%, 首次缴纳比例不低于50% (land price paid in instalments), 稳岗返还比例
# 由不超过…60%最高提至不超过90% (the 国办's 稳就业 notice, 国办发〔2025〕25号).
# matches (before the figure): "增值税征收率由", "征收率由3%降至", "税率减按", "缴存比例为",
# "返还比例提高至", "首次缴纳比例不低于", "缴存比例可在" (a range: 可在5%至12%之间) ;
# must not match: "失业率控制在" (an indicator), "平均担保费率降至" (a target of the 国办's financing
# guarantee opinions: a market's average fee, not a levy)
_LEVY_RATE_BEFORE = re.compile(
    r"(?:征收率|税率|保险费率|缴费比例|缴存比例|缴纳比例|首付比例|缴费基数|返还比例|补贴比例|补助比例|贴息比例|奖励比例|资助比例)"
    r"[^,;。!?:\n]{0,40}?(?:由|从|下调|降低|降|调整|调低|减按|按|为|至|提高|提至|不超过|不低于|不高于|最高|在)[ \t]*\Z"
)
# The number of the session that adopted a text: 已经市政府七届44次常务会议讨论通过 (遂宁's approval
# reform), 经区政府第12次常务会议审议通过. matches (after the figure): "常务会议", "全体会议",
# "主任会议" ; must not match: "会议" after a count of meetings held (召开3次专题会议)
_SESSION_AFTER = re.compile(r"[ \t]*(?:常务|全体|主任|党组|执行)(?:会议|会)")
# What one applies for once the condition is met, later in the sentence: 当年新招用…人员数量达到企业现有
# 在职职工人数25%…,可申请…创业担保贷款 (财金〔2018〕22号 and the provinces' 稳就业 measures that
# repeat it), …的,可享受…. matches: ",可申请", ",均可享受", ",可按规定申请" ;
# must not match: ",即可取得" (what the work yields)
_MAY_APPLY = re.compile(r"[,;][ \t]*(?:均|还|也)?可(?:按规定|按照规定|依规)?(?:申请|享受|申报)")
# A grant in the clause after a bar reached: 企业当年吸纳登记失业人员5人以上,给予奖励; 年销售收入首次
# 突破1亿元,一次性奖励… (cities' 稳就业 and 工业 policies: 长丰's, 衡阳's 奖补 opinions).
# matches: ",给予", ",一次性奖励", ",按…给予" (up to 12 characters) ; must not match: ",推动" (no grant)
_GRANT_AFTER = re.compile(
    r"[,;][ \t]*(?:可|再|并|分别)?(?:给予|予以|一次性奖励|奖励|奖补|按[^,;。!?:\n]{0,12}?给予)"
)
_GRANT_FIRSTS = frozenset(",;")  # (the character after the clause, if it matches)
_A_BAR_REACHED = re.compile(r"达到|超过|突破|满|首次")
# How many a selection names or each unit may put forward: 申报名额2个, 各推荐1个县, 从中遴选2个县
# (贵州's nomination notice for 国家农业绿色发展先行区, passing on the quota of 农办规〔2019〕12号;
# 推荐…名额 in the 教育 and 科技 ministries' calls for nominations).
# matches (before the figure): "申报名额", "各推荐", "从中遴选", "初选" ; must not match: "申报的总投资"
# (what was declared: a project count after it is a metric)
_SELECTION_QUOTA = re.compile(r"(?:名额|推荐|遴选|初选|选拔|择优推荐|报送)[ \t]*(?:为|共)?[ \t]*\Z")
_QUOTA_UNITS = frozenset({"个", "名", "家", "项", "人"})
_QUOTA_LASTS = frozenset("额荐选拔送为共 \t")  # (the last characters of _SELECTION_QUOTA's matches)
# A count of the parts the document divides among its units: 现将《…》中N项任务和M项重点项目进行责任
# 分解 (分工 notices: 广东's 2021 division of its work report, 十大重点工作任务…对应分解; 海盐's and
# 桐乡's 重点工作责任分解). matches (after the figure): "重点建设项目进行责任分解",
# "任务分解" ; must not match: "项目建设" (no division)
_DIVIDED = re.compile(r"[^,;。!?:\n]{0,20}?(?:进行|予以)?(?:责任|任务)?分解")
# The same count written after the division: "…方面(分解任务15项)", "分解为5个方面" (the reading of a
# 分工方案 that lists its parts). matches (before the figure): "(分解任务", "分解为" ; must not match:
# "分解落实到" (the work divided, a figure of the work after it)
_DIVIDED_BEFORE = re.compile(r"分解(?:任务|事项|为)[ \t]*\Z")
_DIVIDED_LASTS = frozenset("务项为 \t")  # (the last characters of its matches)


# The verbs that set or adjust a term of credit, a payment or a rate (调整为, 下调至, 提高到, 上浮, 不低于,
# 最高为, 为), read just before the figure by _CREDIT_TERM_BEFORE and _SET_RATE_BEFORE.
_SETS_A_TERM = (
    r"调整为|调整至|调整到|调为|下调至|下调到|下调|上调至|上调|调低至|调高至|提高至|提高到|提高|提升至|提升到"
    r"|增加至|增加到|增加|上浮|下浮|降低至|降低到|降低|降至|放宽至|不低于|不超过|不高于|不得低于|不得超过"
    r"|最高为|最高|最低为|最低|可达|为"
)
# A term of credit, of a payment or of a tax relief that a measure sets (房地产 and 稳增长 measures,
# the 人民银行's and 公积金 centres' notices, 政府采购 rules): 最低首付款比例调整为15%, 公积金贷款额度
# 增加20%, 可贷额度上浮20%, 提取额度提高到每月3000元, 竞买保证金比例下调至20%, 预留采购份额比例提高至
# 40%, 缴纳土地出让价款不低于50%, 加计抵减5%. What a buyer, a borrower or a bidder is subject to or may
# have is a term of the policy, not the size of an indicator (SCHEMA: terms of a benefit). The noun is
# one of credit or payment, and a verb that sets or adjusts it stands between it and the figure; a
# verb of work done before the noun (发放贷款…, 累计…) makes the figure an amount of the work.
# matches (before the figure): "最低首付款比例调整为", "贷款额度增加", "贷款最高额度由60万元提高至",
# "可贷额度上浮", "竞买保证金比例下调至", "预留采购份额比例提高至", "价格扣除比例提高至",
# "缴纳土地出让价款不低于", "保证金比例调整为出让起始价的", "加计抵减" ; must not match: "专项债额度" (a
# budget: no credit noun), "发放创业担保贷款" (no 额度 or 比例), "贷款余额增长" (an outcome), "市场份额超过"
# (no 预留 or 采购), "首期安排引导资金为" (a fund committed: 首期 only with 缴纳 or 付款)
_CREDIT_TERM_BEFORE = re.compile(
    r"(?:(?:首付款?|预付款?|首期(?:缴纳|付款)|保证金|预售资金监管|(?:预留|采购)份额|价格扣除)(?:比例|额度|金额)?"
    r"|(?:可贷|贷款|借款|提取|预售资金监管)(?:最高)?额度|最高(?:贷款|可贷)额度"
    r"|(?:缴纳|缴清|支付|付清)[^,;。!?:\n\d]{0,6}?(?:价款|出让金|地价款))"
    r"[^,;。!?:\n]{0,20}?"
    r"(?:" + _SETS_A_TERM + r"|由|从)[ \t]*(?:每(?:月|年|人|户)?|[^,;。!?:\n\d]{1,12}?的)?[ \t]*\Z"
    r"|加计(?:抵减|扣除)?(?:比例)?[^,;。!?:\n\d]{0,6}?\Z"
)
# The nouns _CREDIT_TERM_BEFORE opens with, looked for first (a plain search costs less).
_CREDIT_NOUN = re.compile(r"首付|预付|首期|保证金|资金监管|份额|额度|价格扣除|价款|出让金|加计")
# Work done on the credit or the payment before its noun: the figure is the amount of the work.
# matches: "发放", "累计", "新增", "完成" ; must not match: "调整"
_WORK_ON_CREDIT = re.compile(r"发放|累计|新增|完成|实现|带动|撬动|投放|办理")
# A rate of credit set by the policy: 公积金 loan rates, a floor or a ceiling of a loan rate, a spread
# over the LPR in 基点 (首套住房贷款利率下限为LPR减20个基点, 公积金贷款利率下调0.25个百分点). An average
# rate or a financing cost (平均利率, 综合融资成本下降0.5个百分点) is an outcome and stays.
# matches (before the figure): "公积金贷款利率下调", "首套房贷利率降低至", "利率下限为相应期限LPR减",
# "利率上浮" ;
# must not match: "普惠小微贷款平均利率下降" (an average), "贷款利率较上年下降" (no floor, spread or 公积金)
_SET_RATE_BEFORE = re.compile(
    r"(?:(?:公积金|房贷|住房贷款)[^,;。!?:\n\d]{0,8}?利率|利率(?:下限|上限|浮动|上浮|下浮|加点|减点))"
    r"[^,;。!?:\n]{0,20}?(?:" + _SETS_A_TERM + r"|减|加)[ \t]*\Z"
)
# An average rate of a market, not one set: 平均利率, 加权平均利率, 综合融资成本; read in the rate's
# words and just before them (全市平均房贷利率为3.5%).
_MARKET_AVERAGE = re.compile(r"平均|综合|加权")
# A spread after the figure: 20个基点 read as 20 个 with 基点 after it; it is a term when a floor, a
# ceiling or a spread over the reference rate is set before it (利率下限为LPR减20个基点, 加点幅度不超过
# 30个基点), not when a rate is told to have moved (报价利率下降10个基点: kept).
# matches (before the figure): "LPR减", "利率下限为…减", "加点" ; must not match: "报价利率下降"
_BASIS_POINTS_AFTER = re.compile(r"[ \t]*(?:个)?[ \t]*基点")
_SPREAD_BEFORE = re.compile(r"(?:LPR|报价利率|基准利率)[ \t]*[减加]|下限|上限|加点|减点")
# A dimension limited by a rule, as design and construction rules write it: 阳台进深不应大于2.4米, 层高
# 不宜超过3.3米, 建筑高度不得超过24米; an area capped in a sentence that obliges (设备平台面积不超过5平方米
# with 不应 in the sentence). Such limits rule what may be built; no indicator is sized.
# matches (before the figure): "进深不应大于", "层高不宜超过", "净高不得低于", "高度不超过" ; must not match:
# "人行道整治面积不低于" (an amount of work), "新建道路长度达到"
_DIMENSION_LIMIT = re.compile(
    r"(?:进深|层高|净高|檐口高度|建筑高度|高度|净宽|宽度|深度|间距|厚度|出挑|挑出|退让距离|退界)"
    r"[ \t]*(?:应|宜)?[ \t]*(?:不应|不宜|不得|不)?[ \t]*(?:大于|小于|超过|低于|高于)[ \t]*\Z"
)
_AREA_CAP = re.compile(r"面积[ \t]*(?:应|宜)?[ \t]*(?:不应|不宜|不得|不)?[ \t]*(?:大于|超过)[ \t]*\Z")
_RULE_MODAL = re.compile(r"不应|不宜|不得|应当|应不|宜不")
_LENGTH_AREA_UNITS = frozenset(("米", "厘米", "毫米", "平方米"))


# A rate of a tax or a levy named right after the figure, the noun after it: 减按1%征收率, 适用3%预征率的
# 项目, 按5%的比例缴存 (the 财政部 / 税务总局 announcements on 增值税 relief and the 公积金 rules the
# provinces' 稳经济 measures repeat). The rate is the term the measure applies, not an indicator.
# matches (after the figure): "征收率", "的预征率", "税率", "的比例缴存", "比例计提" ; must not match: "的比例"
# alone (占比50%的比例 of a share), "的增长"
_RATE_NOUN_AFTER = re.compile(
    r"[ \t]*(?:的)?[ \t]*(?:征收率|预征率|税率|费率|扣除率|退税率|抵扣率|计征率|分担比例"
    r"|比例(?:缴存|缴纳|缴费|征收|计征|计提|扣除|预缴|返还|补贴|分担|缴交))"
)
# A ratio a planning or building rule sets per dwelling or per floor area: 每百平方米配建不少于1个,
# 每套(户)配建不少于1个车位, 每百户配建不少于30平方米 (停车配建 and 配套用房 rules the cities' housing
# measures restate). matches (before the figure): "每百平方米配建不少于", "每套(户)配建不少于",
# "建筑面积每百平方米配置" ; must not match: "每年建设" (a quota of work a year), "每个乡镇建设"
_PER_STOCK_RATIO = re.compile(
    r"每[ \t]*(?:[百千万]|\d+)?[ \t]*(?:平方米|㎡|套|户|栋|幢|间|床|泊位)"
    r"(?:[(（][^)）\d]{0,4}[)）])?[^,;。!?:\n\d]{0,8}?(?:配建|配置|配套|配备|设置)[^,;。!?:\n\d]{0,8}?\Z"
)
# A planning index a rule bounds: 容积率不得低于…的0.8倍, 建筑密度不应低于30%, 绿地率不宜超过20%.
# matches (before the figure): "容积率不得低于规划条件要求配比的", "绿地率不应超过" ; must not match:
# "容积率达到" (no modal), "亩均税收不低于" (an indicator); and a share a project must set aside for
# what it is to build with it (配建比例不低于总建筑面积的5%), a floor the rule lays down
_PLANNING_INDEX_LIMIT = re.compile(
    r"(?:容积率|建筑密度|绿地率|绿化率|建筑系数|投资强度|停车配比|车位配比)[ \t]*(?:原则上)?[ \t]*"
    r"(?:不得|不应|不宜|应不)[ \t]*(?:低于|高于|超过|小于|大于)[^,;。!?:\n\d]{0,16}?\Z"
    r"|(?:配建|配套建设|配置)(?:比例|标准)[ \t]*(?:原则上)?[ \t]*(?:应|须)?[ \t]*"
    r"(?:不得低于|不应低于|不低于|不少于|不得少于)[^,;。!?:\n\d]{0,16}?\Z"
)
# The lower bound of a bracket a tax or a benefit is reckoned by: 超过100万元但不超过300万元的部分.
# matches (after the figure): "但不超过300万元的部分", "且不足50人的" ; must not match: ",但不超过" (another clause)
_BRACKET_AFTER = re.compile(
    r"[ \t]*(?:以上)?[ \t]*(?:但|且)[ \t]*(?:不超过|不满|未满|不足|低于|不高于|未超过)[^,;。!?:\n]{0,14}?的"
)
# A stage of building reached before a procedure may follow (the 预售 and 预付 rules of housing and
# procurement measures): 完成主体工程建设层数2/3节点后, 工程形象进度达到50%后, 完成投资30%时.
# matches (after the figure): "节点后,", "的形象进度后,", "后," (a share or a fraction only), "时," ;
# must not match: "之后," after an amount (注资100亿元之后, a past injection), "后的", "以后年度"
_STAGE_REACHED_AFTER = re.compile(
    r"[ \t]*(?:的)?(?P<node>节点|形象进度|进度)?[ \t]*(?:后|以后|之后|时)[ \t]*[,;]"
)
_STAGE_UNITS = frozenset(("%", ""))


def _is_term_of_credit_or_rule(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a figure is a term of credit, of a payment or of a tax relief a measure sets
    (_CREDIT_TERM_BEFORE, _SET_RATE_BEFORE, a spread in 基点), or a dimension a rule limits
    (_DIMENSION_LIMIT): what a buyer, borrower, bidder or builder is subject to, not the size of an
    indicator."""
    start = fig.start
    floor = max(lo, start - 40)
    if (
        fig.unit == "个"
        and _BASIS_POINTS_AFTER.match(work, fig.raw_end, hi) is not None
        and _SPREAD_BEFORE.search(work, floor, start) is not None
    ):
        return True  # a spread over a reference rate: LPR减20个基点
    m = _CREDIT_TERM_BEFORE.search(work, floor, start) if _CREDIT_NOUN.search(work, floor, start) else None
    if m is not None and _WORK_ON_CREDIT.search(work, max(lo, m.start() - 12), m.start()) is None:
        return True  # a term of credit or payment: 最低首付款比例调整为15%
    if fig.unit in ("%", "个百分点"):
        r = _SET_RATE_BEFORE.search(work, floor, start)
        if r is not None and _MARKET_AVERAGE.search(work, max(lo, r.start() - 4), r.end()) is None:
            return True  # a rate of credit set: 公积金贷款利率下调0.25个百分点
    raw_end = fig.raw_end
    if fig.unit == "%" and _RATE_NOUN_AFTER.match(work, raw_end, hi) is not None:
        return True  # a rate of a tax or a levy, its noun after it: 减按1%征收率
    if fig.unit == "%" and work[max(lo, start - 3) : start].rstrip(" \t").endswith("加计"):
        return True  # a relief added on a base: 按…进项税额加计5%抵减
    if work.find("每", max(lo, start - 30), start) >= 0 and _PER_STOCK_RATIO.search(
        work, max(lo, start - 30), start
    ):
        return True  # a ratio a planning rule sets per dwelling or per area: 每百平方米配建不少于1个
    if work.find("不", max(lo, start - 40), start) >= 0 and _PLANNING_INDEX_LIMIT.search(
        work, max(lo, start - 40), start
    ):
        return True  # a planning index a rule bounds: 容积率不得低于…的0.8倍
    if _BRACKET_AFTER.match(work, raw_end, hi) is not None:
        return True  # the lower bound of a bracket: 超过100万元但不超过300万元的部分
    stage = _STAGE_REACHED_AFTER.match(work, raw_end, hi + 1)
    if stage is not None and (stage.group("node") is not None or fig.unit in _STAGE_UNITS):
        return True  # a stage reached before a procedure: 完成…2/3节点后,
    if fig.unit in _LENGTH_AREA_UNITS:
        if _DIMENSION_LIMIT.search(work, max(lo, start - 12), start) is not None:
            return True  # a dimension a rule limits: 阳台进深不应大于2.4米
        if fig.unit == "平方米" and _AREA_CAP.search(work, max(lo, start - 10), start) is not None:
            near = max(0, lo - 200)  # (a bounded look: a text may have no stop at all)
            s_lo = max(work.rfind("。", near, lo), work.rfind("\n", near, lo), near - 1) + 1
            s_hi = work.find("。", hi, hi + 200)
            if _RULE_MODAL.search(work, s_lo, s_hi if s_hi >= 0 else min(len(work), hi + 200)) is not None:
                return True  # an area capped by a rule: 设备平台面积不超过5平方米
    return _is_term_of_a_party(work, fig, lo, hi)


# ---------------------------------------------------------------------------------------------
# Terms a measure sets for a party (a buyer, a borrower, a bidder, a builder, an applicant)
#
# Housing, finance and economy measures (若干措施, 实施意见) write many figures that are the object or
# the bound of a rule applying to a party, not the size of an indicator (SCHEMA: terms of a benefit):
# a rule's figure the measure changes (由X调整为Y), a building standard, a share of a payment and
# its schedule, what a buyer or a borrower may have, the time limit a party or a procedure keeps in
# each case. What the government commits to (平均办理时间压缩至5个工作日以内, 交付率达到90%, 安排专项
# 资金2亿元) stays: each rule reads the rule's wording around the figure, not its noun alone.

# A bound a design or building rule sets with its modal, before the figure: 不应大于1.5米, 不宜小于
# 2.4米, 不得超过24米, the dimension it bounds named earlier in the clause (住宅阳台进深由不应大于1.5米
# 调整为不应大于2.0米: both figures). matches (before the figure): "不应大于", "不宜小于", "不得超过" ;
# must not match: "不超过" (no modal), "不得低于" after an amount of work (整治面积不得低于: no dimension)
_MODAL_BOUND = re.compile(r"(?:不应|不宜|不得)[ \t]*(?:大于|小于|超过|低于|高于)[ \t]*\Z")
_DIMENSION_NOUN = re.compile(
    r"进深|层高|净高|檐口高度|建筑高度|高度|净宽|宽度|深度|间距|厚度|出挑|挑出|退让距离|退界|长度|面积"
)
# A share of a dwelling's or a plot's area a design rule caps: 设备平台水平投影面积之和不超过套型总
# 建筑面积的3%, 阳台投影面积之和不得超过户型面积的15% (the design rules housing measures restate).
# matches (before the figure): "面积之和不超过套型总建筑面积的", "面积不得超过户型面积的" ;
# must not match: "装配式建筑面积占比不低于" (a share of the work: a floor, no area base), "绿色建筑面积
# 占新建建筑面积的比例达到"
_AREA_SHARE_CAP = re.compile(
    r"面积[^,;。!?:\n\d]{0,8}?(?:不应|不宜|不得)?[ \t]*(?:不超过|超过|不大于|大于)"
    r"[^,;。!?:\n\d]{0,12}?面积[ \t]*的[ \t]*\Z"
)
# A share of a price a party pays, and the rest of it: 缴纳出让价款的50%, 支付土地价款总额的60%, 余款
# 40%在一年内缴清 (the land and presale terms of housing measures); the share of a balance a member
# may withdraw (可提取账户余额的90%, 提取金额不超过首付款的60%). matches (before the figure):
# "缴纳出让价款的", "支付土地出让金总额的", "余款", "剩余价款", "可提取账户余额的" ; must not match:
# "土地出让收入" (a revenue), "提取率达到" (no 的)
_SHARE_OF_A_PRICE = re.compile(
    r"(?:缴纳|缴清|缴付|支付|付清|付)[^,;。!?:\n\d]{0,8}?(?:价款|出让金|地价款|房款|购房款|租金)(?:总额)?[ \t]*的[ \t]*\Z"
    r"|(?:余款|尾款|剩余价款|其余价款|剩余款项|剩余部分)[ \t]*(?:按)?[ \t]*\Z"
    r"|提取[^,;。!?:\n\d]{0,12}?的[ \t]*\Z"
)
# A price or a rent a party pays, set against the market's: 租金不高于同地段同品质市场租赁住房租金的
# 90%, 按市场评估价格的70%出售 (保障性住房 and 人才房 rules). matches (before the figure): "不高于同地段
# 同品质市场租赁住房租金的", "按市场评估价的" ; must not match: "占全市住房的" (a share of a stock)
_AGAINST_THE_MARKET = re.compile(
    r"(?:不高于|不超过|不低于|低于|按|为)[^,;。!?:\n\d]{0,20}?(?:市场|评估|同地段|同品质)[^,;。!?:\n\d]{0,12}?"
    r"(?:租金|价格|价|房价|售价)[ \t]*的[ \t]*\Z"
)
# A coupon's terms: 满200元减40元, 每满100元减20元. matches (before the figure): "满200元减", "满1000元立减"
_COUPON_BEFORE = re.compile(r"满[ \t]*\d+(?:\.\d+)?[ \t]*(?:万)?元[ \t]*(?:立|可)?减[ \t]*\Z")
# Shares that pay a sum out by instalments, listed and named by 比例 or a payout after them: 按50%、
# 50%比例发放, 分三年按40%、30%、30%拨付 (schedules of grants and of payments). matches (after the
# figure): "、50%比例发放", "的比例拨付", "、30%、30%拨付" ; must not match: "以上" (a target's bound)
_INSTALMENTS_AFTER = re.compile(
    r"(?:[ \t]*[、,和及与][^,;。!?:\n\d%]{0,4}?\d+(?:\.\d+)?[ \t]*%)*[ \t]*(?:的)?[ \t]*(?:比例)?[ \t]*"
    r"(?:分期|分年度|分年|逐年)?(?:发放|拨付|兑付|兑现|支付|缴纳|缴清|付清)"
)
# A sum reckoned by a standard, the standard named after it: 按A类50万元、B类20万元的标准发放, 按每
# 平方米200元标准给予补贴. matches (after the figure): "、B类20万元的标准发放", "标准给予" ;
# must not match: "标准化" (a kind of work), "的标准" with no payout after it
_BY_A_STANDARD_AFTER = re.compile(
    r"[^,;。!?:\n]{0,20}?(?:的)?标准(?:给予|发放|补贴|补助|奖励|拨付|予以|兑现|执行|计发|核发|计算|缴纳|收取)"
)
# A sum a person of a class has, the class alone before it: 博士研究生5万元、硕士研究生3万元 (the
# talent grants of economy measures). matches (the clause before the figure): "博士研究生", "全日制硕士",
# "A类人才" ; must not match: "引进博士研究生" (a count of work done: a verb opens it)
_PERSON_CLASS = re.compile(
    r"[ \t]*(?:全日制)?(?:博士|硕士|本科|大专|专科|高级职称|中级职称|高级技师|技师|[A-EＡ-Ｅ]类)"
    r"(?:研究生|毕业生|学历|学位|人才|生)?[ \t]*(?:每人|每年|每月)?[ \t]*\Z"
)
# Credit obtained or granted as work: 获得授信贷款额度100亿元, 争取银行贷款额度 (besides _WORK_ON_CREDIT).
_WORK_ON_CREDIT_LINES = re.compile(_WORK_ON_CREDIT.pattern + r"|获得|争取|授信|签约|签订")
_PERSON_CLASS_OPENING = re.compile(
    r"[ \t]*(?:全日制)?(?:博士|硕士|本科|大专|专科|高级职称|中级职称|高级技师|技师|[A-EＡ-Ｅ]类)"
)
# What a borrower may have: 月租房提取额度1500元, 保底可贷30万元, 最高可贷款80万元 (公积金 rules
# housing measures restate). matches (before the figure): "提取额度", "保底可贷", "最高可贷款额度为" ;
# must not match: "专项债额度" (a budget), "发放贷款" (work done)
_BORROWER_AMOUNT = re.compile(
    r"(?:(?:可贷|贷款|借款|提取)(?:最高)?额度|(?:最高|最多|保底|最低)?可贷(?:款)?(?:额度)?|最高贷款(?:额度)?)"
    r"[ \t]*(?:为|是|达|可达|至)?[ \t]*\Z"
)
# A loan rate stated as a level or reckoned on a reference rate: 首套房贷利率4.1%以下, 贷款利率按基准
# 利率的1.1倍执行. matches (before the figure): "首套房贷利率", "利率按基准利率的", "按LPR的" ;
# must not match: "贷款加权平均利率" (an average: see _MARKET_AVERAGE), "融资成本"
_RATE_LEVEL_BEFORE = re.compile(
    r"(?:公积金|房贷|住房贷款|按揭)[^,;。!?:\n\d]{0,8}?利率[ \t]*(?:为|在)?[ \t]*\Z"
)
_ON_A_REFERENCE_RATE = re.compile(
    r"按(?:照)?[^,;。!?:\n\d]{0,12}?(?:利率|LPR|利息)[^,;。!?:\n\d]{0,4}?的[ \t]*\Z"
    r"|(?:LPR|报价利率|基准利率)[ \t]*的[ \t]*\Z"
)
# A fee or a loan rate capped for the business a condition names (对单笔担保金额不超过200万元的业务,
# 担保费率不超过1%): the term of each case; an average (平均担保费率不高于1%) is a target and stays.
# matches (before the figure): "担保费率不超过", "贷款利率原则上不高于" ; must not match: "平均担保费率降至"
_RATE_CAP_BEFORE = re.compile(
    r"(?:费率|利率)[ \t]*(?:原则上)?[ \t]*(?:不超过|不高于|不得超过|不得高于)[ \t]*\Z"
)
_CONDITION_OPENED = re.compile(r"对[^,;。!?:\n]{1,40}?的[^,;。!?:\n]{0,6}?[,;]")
# A sum a party may apply for, the application after it: 可按每人不超过30万元、总额不超过300万元申请
# 贷款. matches (after the figure): "申请贷款", "、总额不超过300万元申请贷款", "申领补贴" ;
# must not match: "用于" (money committed)
_APPLIED_FOR_AFTER = re.compile(
    r"[^,;。!?:\n]{0,20}?(?:申请|申领|享受)[^,;。!?:\n]{0,6}?(?:贷款|贴息|补贴|补助|奖励)"
)
# A share a tax base is relieved by, its verb after it: 按投资额70%抵扣应纳税所得额, 按30%抵免.
# matches (after the figure): "抵扣应纳税所得额", "的比例抵免" ; must not match: "的增长"
_RELIEF_AFTER = re.compile(r"[ \t]*(?:的)?(?:比例)?[ \t]*(?:抵扣|抵免|抵减|抵缴|税前扣除)")
# The share an insurance fund pays of a cost, a term of the fund: 医疗保险基金支付比例为85%.
# matches (before the figure): "基金支付比例为", "统筹基金支付比例不低于" ; must not match: "住院报销
# 比例达" (the rate reached: work reports keep it)
_FUND_PAYS_BEFORE = re.compile(
    r"基金[ \t]*(?:支付|报销|赔付)比例[^,;。!?:\n\d]{0,6}?(?:为|按|不低于|不超过|调整为)[ \t]*\Z"
)
# Free days of a service a person has: 提供不超过7天免费住宿, 享受3天免费停车. matches (after the
# figure): "免费住宿", "的免费" ; must not match: "免费开放" (365天免费开放: the service a venue keeps)
_FREE_AFTER = re.compile(r"[ \t]*(?:的)?免费(?!开放)")
# The time limit one case keeps, as a rule states it: (办结时限为5个工作日), 承诺期限3个工作日; or the
# time a party has after an event (开发企业在验收后20个工作日内…, 于签订合同之日15日内…). A reform's
# time cut (审批时间压缩至…) or an average (平均办理时间) is an indicator and stays.
# matches (before the figure): "办结时限为", "承诺时限:", "在验收后", "于合同签订之日" ;
# must not match: "审批时间控制在" (a cut), "全年"
_CASE_TIME_LIMIT_BEFORE = re.compile(
    r"(?:办结|办理|审批|审核|审查|受理|答复|回复|处置|处理|承诺|法定)?(?:时限|期限)[ \t]*(?:为|是|:)?"
    r"[ \t]*(?:不超过|不得超过|最长)?[ \t]*\Z"
)
_AFTER_AN_EVENT_BEFORE = re.compile(r"(?:在|于|自)[^,;。!?:\n\d]{1,20}?(?:后|起|之日)[ \t]*\Z")
# What the party must do within that time, in the same clause: 内办理, 内缴清, 内提交. A clause that
# ends at 内 (…合同后3个工作日内,即可取得批复文件: what the government delivers) is not read.
# The same for a payout each case has (网签备案后10个工作日内拨付到位). matches (after the figure):
# "内办理不动产首次登记", "内应当缴清", "内拨付" ; must not match: "内" then a stop
_PARTY_DOES_AFTER = re.compile(
    r"内[ \t]*(?:应|须|必须|需|应当)?[ \t]*"
    r"(?:办理|申请|提交|缴纳|缴清|付清|支付|签订|开工|动工|报送|申报|备案|登记|补缴|退还|整改"
    r"|拨付|兑付|兑现|发放|返还)"
)
_AVERAGE = re.compile(r"平均")
# A figure a measure adjusts, as rules are: 由40万元调整为50万元, 调整为不低于30%. Indicators are raised
# or cut (提高至, 压缩至); a rule is 调整 / 放宽. matches (before the figure): "调整为", "放宽至",
# "调整为不低于" ; (after the figure): "调整为" ; must not match: "提高至" (an indicator raised), "调整优化"
_ADJUSTED_TO = re.compile(
    r"(?:调整|放宽|(?<![上下])调)(?:为|至|到)[ \t]*(?:不低于|不高于|不超过|不少于|最高|最低)?[ \t]*\Z"
)
_ADJUSTED_FROM_AFTER = re.compile(r"[^,;。!?:\n\d]{0,4}?(?:调整|放宽|(?<![上下])调)(?:为|至|到)")
_TARGET_WORDS = re.compile(r"目标|指标|预期")
_MONEY_UNITS = frozenset(("元", "万元", "亿元"))


def _is_term_of_a_party(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a figure is a term a measure sets for a party, as its wording around the figure
    shows (see the patterns above): a rule's figure adjusted, a design bound, a share of a price
    or its instalments, a sum by a standard or by a person's class, what a borrower may have, a
    loan rate, a tax relief's share, a fund's share of a cost, free days, a case's time limit."""
    start, raw_end, unit = fig.start, fig.raw_end, fig.unit
    floor = max(lo, start - 40)
    if unit in _LENGTH_AREA_UNITS and _MODAL_BOUND.search(work, max(lo, start - 8), start) is not None:
        # (the dimension may be named in the clause before: 层高不应低于2.8米,且不宜高于3.0米)
        near = max(0, start - 40)
        s_lo = max(work.rfind("。", near, start), work.rfind("\n", near, start), near - 1) + 1
        if _DIMENSION_NOUN.search(work, s_lo, start) is not None:
            return True  # a bound a design rule sets: 进深由不应大于1.5米调整为不应大于2.0米
    if unit == "%":
        if work.find("面积", floor, start) >= 0 and _AREA_SHARE_CAP.search(work, floor, start) is not None:
            return True  # a share of a dwelling's area capped: 不超过套型总建筑面积的3%
        if _SHARE_OF_A_PRICE.search(work, max(lo, start - 24), start) is not None:
            return True  # a share of a price paid: 缴纳出让价款的50%, 余款40%
        if _INSTALMENTS_AFTER.match(work, raw_end, hi) is not None and (
            work.find("按", max(lo, start - 6), start) >= 0 or work.find("比例", raw_end, hi) >= 0
        ):
            return True  # shares that pay a sum out: 按50%、50%比例发放
        if _AGAINST_THE_MARKET.search(work, floor, start) is not None:
            return True  # a rent or a price set against the market's: 不高于…市场租金的90%
        if _RELIEF_AFTER.match(work, raw_end, hi) is not None:
            return True  # a share a tax base is relieved by: 按投资额70%抵扣
        if _FUND_PAYS_BEFORE.search(work, floor, start) is not None:
            return True  # a fund's share of a cost: 基金支付比例为85%
    if unit in ("%", "倍"):
        r = _RATE_LEVEL_BEFORE.search(work, floor, start) or _ON_A_REFERENCE_RATE.search(work, floor, start)
        if r is not None and _MARKET_AVERAGE.search(work, max(lo, r.start() - 4), r.end()) is None:
            return True  # a loan rate: 首套房贷利率4.1%以下, 按基准利率的1.1倍
    if unit == "%" and _RATE_CAP_BEFORE.search(work, max(lo, start - 12), start) is not None:
        near = max(0, lo - 80)
        s_lo = max(work.rfind("。", near, lo), work.rfind("\n", near, lo), near - 1) + 1
        if _AVERAGE.search(work, lo, start) is None and _CONDITION_OPENED.search(work, s_lo, lo + 1):
            return True  # a rate capped for the business a condition names: 对…的业务,担保费率不超过1%
    if unit.endswith("元"):
        if work.find("满", max(lo, start - 14), start) >= 0 and _COUPON_BEFORE.search(
            work, max(lo, start - 14), start
        ):
            return True  # a coupon's terms: 满200元减40元
        if _BY_A_STANDARD_AFTER.match(work, raw_end, hi) is not None:
            return True  # a sum by a standard: 按A类50万元、B类20万元的标准发放
        if _APPLIED_FOR_AFTER.match(work, raw_end, hi) is not None:
            return True  # a sum a party may apply for: 每人不超过30万元…申请贷款
        seg = max(lo, work.rfind("、", lo, start) + 1)  # (one of several: 博士10万元、硕士5万元)
        if _PERSON_CLASS.fullmatch(work, seg, start) is not None and (
            seg == lo or _PERSON_CLASS_OPENING.match(work, lo, start) is not None
        ):
            return True  # a sum a person of a class has: 博士研究生5万元
        if unit in _MONEY_UNITS or unit == "元":
            b = _BORROWER_AMOUNT.search(work, max(lo, start - 16), start)
            if (
                b is not None
                and _WORK_ON_CREDIT_LINES.search(work, max(lo, b.start() - 12), b.start()) is None
            ):
                return True  # what a borrower may have: 提取额度1500元, 保底可贷30万元
    mw = metric_words()
    if unit in mw.time_units:
        if _FREE_AFTER.match(work, raw_end, hi) is not None:
            return True  # free days of a service: 7天免费住宿
        c = _CASE_TIME_LIMIT_BEFORE.search(work, max(lo, start - 12), start)
        if c is not None and _AVERAGE.search(work, max(lo, c.start() - 4), c.start()) is None:
            return True  # a case's time limit: (办结时限为5个工作日), not an average's (平均办结时限)
        if _TIME_CUT.search(work, lo, start) is None and _AVERAGE.search(work, lo, start) is None:
            if (
                _PARTY_DOES_AFTER.match(work, raw_end, hi) is not None
                and _AFTER_AN_EVENT_BEFORE.search(work, floor, start) is not None
            ):
                return True  # the time a party has after an event: 在验收后20个工作日内
    if _TARGET_WORDS.search(work, lo, hi) is None and (
        _ADJUSTED_TO.search(work, max(lo, start - 10), start) is not None
        or (work.find("由", floor, start) >= 0 or work.find("从", floor, start) >= 0)
        and _ADJUSTED_FROM_AFTER.match(work, raw_end, hi) is not None
    ):
        return True  # a rule's figure adjusted: 由40万元调整为50万元
    return False


def _is_term_of_a_measure(work: str, fig: _Figure, lo: int, hi: int) -> bool:
    """Whether a figure of a policy measure states its terms, not an indicator: the time an office
    promises to finish a procedure in, a threshold of who is served (written with (含) / (不含…),
    or after 对 opening the object of the measure), a rate refunded or levied on a fee, the number
    of the meeting that adopted the text, a condition met before one may apply, or a count of the
    parts the document divides among its units."""
    start, end = fig.start, fig.end
    unit = fig.unit
    mw = metric_words()
    if (
        unit in mw.time_units
        and _SERVICE_DONE.match(work, fig.raw_end, hi) is not None
        and _TIME_CUT.search(work, lo, start) is None
    ):
        return True  # a service commitment: 3个工作日内办结
    if work.find("含", end, min(hi, end + 8)) >= 0 and _INCLUSIVE_THRESHOLD.match(work, fig.raw_end, hi):
        return True  # a threshold with what it includes: 30人(含)以下的企业
    if (
        start > lo
        and work[start - 1] in _INCLUSION_LASTS
        and _INCLUSION_BEFORE.search(work, max(lo, start - 6), start) is not None
    ):
        return True  # the bound a threshold includes or leaves out: 8亩以下(不含8亩)
    if (
        unit != "%"
        and work[lo : lo + 1] in _OBJECT_FIRSTS
        and _OPENS_WITH_OBJECT.match(work, lo, start) is not None
        and _OBJECT_THRESHOLD.match(work, fig.raw_end, hi) is not None
    ):
        return True  # who a measure serves: 对投资500万元以上的项目,实行…
    if unit == "%":
        if _REFUND_BEFORE.search(work, max(lo, start - 40), start) is not None:
            return True  # a refund's rate: 返还其上年度实际缴纳失业保险费的50%
        if _REFUND_AFTER.match(work, end, hi) is not None:
            return True  # a refund's rate: 按…失业保险费的30%返还
        if _LEVY_RATE_BEFORE.search(work, max(lo, start - 50), start) is not None:
            return True  # a rate levied: 增值税征收率由3%降至1%
    if unit == "次" and _SESSION_AFTER.match(work, end, hi) is not None:
        return True  # the session that adopted the text: 七届44次常务会议
    if work.find("可", hi, hi + 12) >= 0 and _MAY_APPLY.match(work, hi) is not None:
        return True  # a condition met before one applies: …达到…25%,可申请…
    if (
        work[hi : hi + 1] in _GRANT_FIRSTS
        and _GRANT_AFTER.match(work, hi) is not None
        and (fig.comparator in (">=", ">") or _A_BAR_REACHED.search(work, lo, start) is not None)
        and not _is_money_committed(work, fig, lo, hi)
    ):
        return True  # a bar reached before a grant: 吸纳失业人员5人以上,给予奖励
    before = work[start - 1] if start > lo else ""  # (a pattern ending at the figure ends with it)
    if (
        unit in _QUOTA_UNITS
        and before in _QUOTA_LASTS
        and _SELECTION_QUOTA.search(work, max(lo, start - 12), start) is not None
    ):
        return True  # how many a selection names: 申报名额2个, 各推荐1个县
    if (
        unit in mw.counts
        and before in _DIVIDED_LASTS
        and _DIVIDED_BEFORE.search(work, max(lo, start - 8), start) is not None
    ):
        return True  # the tasks a part of the division holds: (分解任务15项)
    if unit in mw.counts and work.find("分解", end, hi) >= 0 and _DIVIDED.match(work, end, hi) is not None:
        return True  # the tasks the division hands out: 12项任务进行责任分解
    return _is_term_of_credit_or_rule(work, fig, lo, hi)


# ---------------------------------------------------------------------------------------------
# Year and kind


def _explicit_year(
    work: str, lo: int, pos: int, named: _Spans, doc_year: int | None = None, fiscal: FiscalNow | None = None
) -> int | None:
    """The nearest year named before ``pos`` in its sentence (from ``lo``), outside names: by its
    number (2025年) or, given the document's year, relative to it (去年, 今年, 明年); ``fiscal``
    is the document's current fiscal year (see periods)."""
    mw = metric_words()
    best: int | None = None
    best_at = -1
    if work.find("年", lo, pos) < 0:
        return None  # no year named (the pattern is tried at every character)
    base_of_now: int | None = None
    if doc_year is not None:
        for m in _RELATIVE_YEAR.finditer(work, lo, pos):
            if (
                m.group(1) == "去"
                and work.startswith("同期", m.end())
                and _BOUND_BEFORE_BASE.search(work, max(lo, m.start() - 4), m.start()) is not None
            ):
                base_of_now = doc_year  # 低于去年同期0.5个百分点: this year's, against last year's
                continue
            if _ends_with_any(work, m.start(), mw.compiled["base_before"], lo):
                continue  # the base of a comparison: 比去年增长10%
            best, best_at = doc_year + _RELATIVE_YEARS[m.group(1) + "年"], m.start()
        for at, year in relative_fiscal_years(work, lo, pos, doc_year, fiscal):
            if not _ends_with_any(work, at, mw.compiled["base_before"], lo) and at >= best_at:
                best, best_at = year, at  # 下一个财政年度, 本年度: see periods
    fiscal_end = -1
    # (The pattern is tried at every character: looked for only where its 年度 or 学年 is.)
    named_fiscal = work.find("年度", lo, pos) >= 0 or work.find("学年", lo, pos) >= 0
    for m in _FISCAL_YEAR.finditer(work, lo, pos) if named_fiscal else ():
        if _ends_with_any(work, m.start(), mw.compiled["base_before"], lo):
            continue  # the base of a comparison: 较2012-2013年度的修订预算增加15.6%
        if not _inside(named, m.start()) and m.start() > best_at:
            best, best_at, fiscal_end = int(m["a"]) + 1, m.start(), m.end()  # 2013-14年度 ends in 2014
    for m, named_year in _years_in(work, lo, pos):
        if m.start() < best_at or m.start() < fiscal_end:
            continue  # before a nearer year, or inside the fiscal year
        if _inside(named, m.start()):
            continue
        tail = work[m.end() : m.end() + 4]
        if tail.lstrip(" \t").startswith(mw.words("since_words")):
            continue
        if (
            work[m.end() : m.end() + 1] == "度"
            and work[m.end() + 1 : m.end() + 2] not in ","
            and m.re is _YEAR
        ):
            # (a 中华民国 year's 年度 is its budget year, the year itself: 105年度总预算)
            continue
        if _ends_with_any(work, m.start(), mw.compiled["base_before"], lo):
            continue  # the base of a comparison: 较2020年增长10%
        if work[m.start() - 1 : m.start()] == "自":
            continue  # where a span up to now starts: 自2020年…以来,共完成
        if work[m.start() - 1 : m.start()] in ("由", "从") and _CHANGED_TO.search(work, m.end(), pos):
            continue  # the start of a change the figure ends: 2019年达标率由2018年年底的15%提高到90%
        if _BUILT_BEFORE.match(work, m.end()):
            continue  # what the things are: 2016年前建设的农污设施, 2000年前建成的公房
        best = named_year
    return best if best is not None else base_of_now


# A year of the 中华民国 calendar, as 臺灣's government writes its years (105年度总预算, 民國113年, 114年):
# the year plus 1911. Read only in a document dated so (_roc_dated); 建党100年 elsewhere is a count.
# A year after 民国 may be any; one without it only 80-149 (1991-2060: 时隔66年 is a span).
# matches: "105年", "民国59年", "99年" ; must not match: "2025年", "1.5年", "3年", "66年", "100年来"
_ROC_YEAR = re.compile(
    r"(?<![\d.])(?:民国[ \t]*(?P<m>\d{2,3})|(?P<r>[89]\d|1[0-4]\d))[ \t]*年(?![ \t]*(?:来|以来|之久|历史))"
)
# What marks a document of 臺灣's government (read in its working text, simplified): its calendar
# named with a year, or a body or a currency of its own. matches: "民国105年", "立法院", "县议会",
# "新台币" ; must not match: "全民国防" (no year), "审议会上" (议会 inside words of a 人大 session),
# "区议会" (香港's District Councils)
_ROC_MARKS = re.compile(r"民国[ \t]*\d{2,3}[ \t]*年|行政院|立法院|[县市]议会|新台币|主计总处")


def _roc_dated(work: str) -> bool:
    """Whether ``work`` dates its years by the 中华民国 calendar (105年度, 民國113年).

    (Asked of every figure's sentence: the answer for the working text asked last is kept with it
    and given when the same object is asked again, as the memo by value compares a text equal to
    the one it holds (a document read again, as benchmarks do) character by character each time.)"""
    last = _ROC_DATED[0]
    if last is not None and last[0] is work:
        return last[1]
    dated = _roc_dated_memo(work)
    _ROC_DATED[0] = (work, dated)
    return dated


_ROC_DATED: list[tuple[str, bool] | None] = [None]  # (the working text asked last, its answer)


@lru_cache(maxsize=8)
def _roc_dated_memo(work: str) -> bool:
    return _ROC_MARKS.search(work) is not None and _ROC_YEAR.search(work) is not None


def _years_in(work: str, lo: int, pos: int) -> list[tuple[re.Match[str], int]]:
    """The years named between ``lo`` and ``pos`` (each match, its year) in order: 2025年, and in a
    document dated by the 中华民国 calendar its years too (105年 is 2016)."""
    found = [(m, int(m["y"])) for m in _YEAR.finditer(work, lo, pos)]
    if _roc_dated(work):
        found.extend((m, int(m["m"] or m["r"]) + 1911) for m in _ROC_YEAR.finditer(work, lo, pos))
        found.sort(key=lambda f: f[0].start())
    return found


# A bound the figure is compared with last year's by (山东's 2020 支持中小企业 opinions: 贷款综合融资成本
# 低于去年同期0.5个百分点; the 银保监会's 2020 小微企业 notices: 综合融资成本较去年同期下降0.5个百分点):
# 去年同期 is the base, the figure is this year's (比去年 alone keeps its old reading: a speech's 比去年
# may compare the year reviewed; 低於前年的5.3% is 前年's own figure).
# matches (before 去年): "低于", "高于", "不低于" ; must not match: "于" alone
_BOUND_BEFORE_BASE = re.compile(r"(?:低于|高于|少于|多于)[ \t]*\Z")


# The verb that brings a change to the figure after it, past the figure it starts from (上海市's 2020
# news of garbage sorting, tune: 2019年分类达标率由2018年年底的15%提高到90%; plans: 由2020年的95%提高至
# 99%, whose end is read as a target by _base_of_a_change's caller). matches: "提高到", "增加至", "降至",
# "上升为" ; must not match: "提高" alone (a growth: 比2020年提高5个百分点)
_CHANGED_TO = re.compile(r"(?:提高|提升|增加|增长|上升|下降|减少|扩大|降低|压减|缩减|降|升)(?:到|至|为)")


# A year that dates the things counted, not the figure: they were built before it (崇明's
# 2016年前建设的4万户低标准农污处理设施; 闵行's 以2000年前建成的公房…为重点). matches: "前建设的",
# "以前建成的", "前的" ; must not match: "前完成" (a deadline), "前,"
_BUILT_BEFORE = re.compile(r"[ \t]*(?:以)?前[^\s,，。;；:：]{0,3}的")


class _Spans:
    """Spans that do not overlap (names in quotes), in order, to ask whether one holds an offset."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]


def _inside(spans: _Spans, pos: int) -> bool:
    i = bisect.bisect_right(spans.starts, pos) - 1
    return i >= 0 and pos < spans.ends[i]


# The end of a clause (a comma may separate thousands instead: see _THOUSANDS).
# matches: "," "。" "\n" ; must not match: "、"
_STOP = re.compile(r"[,;。!?:\n]")
# The end of a sentence. matches: "。" "\n" ; must not match: ","
_SENTENCE_STOP = re.compile(r"[;。!?\n]")
# A comma between digits that separates thousands, not clauses (it opens with the comma, so the
# engine jumps from comma to comma).
# matches: the "," of "1,250.6" ; must not match: the "," of "完成480亿元,增长6%", "1,2345"
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))(?<=\d,)")


class _Stops:
    """Bounds a figure's clause or sentence by searching from the figure outwards: forwards in
    the text, and backwards in the text reversed (Python has no backward search), so that only
    the clause itself is read."""

    def __init__(self, work: str) -> None:
        self.work = work
        self.reverse = work[::-1]

    def bound(self, stop: re.Pattern[str], pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The stretch around ``pos`` between two ``stop`` characters, within [lo, hi); a comma
        that separates thousands is no stop."""
        work, reverse, n = self.work, self.reverse, len(self.work)
        m = stop.search(work, pos, hi)
        b = m.start() if m is not None else hi
        while m is not None and work[b] == "," and _THOUSANDS.match(work, b):
            m = stop.search(work, b + 1, hi)
            b = m.start() if m is not None else hi
        m = stop.search(reverse, n - pos, n - lo)
        r = m.start() if m is not None else n - lo
        while m is not None and reverse[r] == "," and _THOUSANDS.match(work, n - 1 - r):
            m = stop.search(reverse, r + 1, n - lo)
            r = m.start() if m is not None else n - lo
        return n - r, b

    def sentence_start(self, clause_lo: int, lo: int) -> int:
        """The start of the sentence of the clause that starts at ``clause_lo``, within [lo, ...):
        ``bound(_SENTENCE_STOP, pos, lo, hi)[0]`` for any ``pos`` of the clause (every sentence
        stop is a clause stop, so there is none between the clause's start and ``pos``)."""
        n = len(self.work)
        m = _SENTENCE_STOP.search(self.reverse, n - clause_lo, n - lo)
        return n - m.start() if m is not None else lo


# ---------------------------------------------------------------------------------------------
# The public API


def clear_caches() -> None:
    """Forget the memos of short texts (benchmarks measure a cold document)."""
    _trim.cache_clear()
    _comparator_before.cache_clear()
    _arabic_value.cache_clear()
    _OPENING_YEARS[0] = None
    _ROC_DATED[0] = None


def line_passages(text: str) -> list[Passage]:
    """One passage per non-empty line of ``text``, with no hints (for tests and plain text)."""
    out: list[Passage] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Passage(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def find_metrics(
    text: str,
    work: str,
    passages: Sequence[Passage],
    info: DocInfo,
    tables: Sequence[Grid] | None = (),
    *,
    year_cells: Sequence[tuple[int, int, int]] = (),
    areas: Sequence[AreaRow] = (),
) -> list[Metric]:
    """The metrics of a document, in reading order.

    ``text`` is the document as read and ``work`` its working text (the same length); only figures
    inside ``passages`` are read. A passage's ``year_hint`` is the year of its table row (its
    figures are for that year unless they name one); ``ongoing`` rows give figures no year.
    ``tables`` are the document's tables that are not task tables: a table of indicators among
    them (a row an indicator, a column a year) is read by its columns, and its rows not as text;
    so is a table of indicators flattened into the text a cell a line. ``None``: no tables are
    looked for (the text outside them is being read). ``areas`` are the rows of those tables that
    each belong to an area (街道, 镇, 园区): a row's figures are its area's, named so, and a figure said
    in two areas' rows is two metrics.
    """
    if len(text) != len(work):
        raise ValueError("find_metrics: the working text must have the length of the text")
    work = arabic_years(work)  # 二零一八年 -> 2018年: see periods
    if tables is not None:
        from .indicator_tables import area_rows, flat_area_rows, flat_table_metrics, table_metrics

        year_cells = _grid_year_cells(work, tables) if tables else ()
        found: list[Metric] = []
        skip: list[tuple[int, int]] = []
        by_area: list[AreaRow] = []
        by_area_grids: list[tuple[int, int]] = []
        reads: list[tuple[int, int, list[Metric]]] = []
        for grid in tables:
            read = table_metrics(text, work, grid, info)
            if read is not None:
                reads.append((grid.start, grid.end, read))
            else:
                rows = area_rows(text, work, grid)
                if rows:
                    by_area.extend(rows)
                    by_area_grids.append((grid.start, grid.end))
        # Tables of indicators flattened a cell a line, which no grid holds; or which a grid found
        # in the text holds misread (a cell of "/" or of 吨/日 taken for the end of its header): the
        # reading that accounts for more of its figures is kept.
        for start, end, flat in flat_table_metrics(text, work, info):
            over = [r for r in reads if r[0] <= start < r[1] or start <= r[0] < end]
            if not over or len(flat) > sum(len(r[2]) for r in over):
                reads = [r for r in reads if r not in over]
                reads.append((start, end, flat))
        # Rows of areas in tables flattened a cell a paragraph that no grid holds.
        by_area.extend(flat_area_rows(work, [*by_area_grids, *((s, e) for s, e, _ in reads)]))
        for start, end, read in reads:
            found.extend(read)
            skip.append((start, end))
        areas = sorted(by_area, key=attrgetter("start"))
        if skip:
            kept = [p for p in passages if not any(a <= p.start < b for a, b in skip)]
            return sorted(
                [*find_metrics(text, work, kept, info, None, year_cells=year_cells, areas=areas), *found],
                key=lambda m: m.span.start,
            )
    if not passages:
        return []
    soft = _soft_breaks(text, work)
    if soft:
        # A text wrapped at a fixed width (pulled out of a PDF) is read as its paragraphs.
        chars = list(work)
        for b in soft:
            chars[b] = " "
        work = "".join(chars)
        passages = _merge_passages(passages, soft)
    mw = metric_words()
    spans = sorted((p.start, p.end, i) for i, p in enumerate(passages))
    starts = [s for s, _, _ in spans]
    named = _Spans([m.span() for m in _finditer_merged(_NAMED_BY_FIRST, work)])
    horizons = _Horizons(work)
    info = as_its_figures_are_dated(work, info, horizons.all)
    fiscal = FiscalNow(work, info.year) if info.year is not None else None  # once per document
    marks = _modes(work, info)
    mark_starts = [k.start for k in marks]
    defaults = _defaults(info)  # (year of a review, year of a target), read once
    review_year, _ = defaults
    # The period a five-year plan reviews is the five years before its own.
    five_years = info.period_start is not None and info.period_end == info.period_start + 4
    prev_period_start = info.period_start - 5 if five_years and info.period_start is not None else None

    out: list[Metric] = []
    seen: set[tuple[object, ...]] = set()
    said_before: set[tuple[object, ...]] = set()  # (value, unit, clause, place) of the metrics found
    body: set[tuple[object, ...]] = set()  # (kind, value, unit, year) said before the annex
    annex = _annex_start(work)
    stock = _stock_sections(work, info)
    stock_said: set[tuple[float, str]] = set()  # (value, unit) of the inventory in 基本情况
    benefits = _BenefitMarks(work)
    reviewed = years_reviewed(work) if "回顾" in work else frozenset()
    last_dated: tuple[int, Kind, int] | None = None  # (paragraph, kind, year) of the last dated metric
    # (paragraph, unit, indicator) of the last figure not broken down (其中…)
    total: tuple[int, str, str] | None = None
    # (end, unit, kind, year) of the last figure of households or people read (_PAIRED_UNITS)
    last_paired: tuple[int, str, Kind, int | None] = (-1, "", "target", None)
    figures = _Matches(_find_figures(work))
    by_year = _year_by_year(work, figures) if "逐年" in work else {}
    columns = _year_column_cells(work) if "年" in work else []
    if year_cells:
        columns = sorted([*columns, *year_cells])
    column_starts = [c[0] for c in columns]
    stops = _Stops(work)
    area_starts = [a.start for a in areas]
    bisect_right = bisect.bisect_right
    named_starts, named_ends = named.starts, named.ends
    for m in figures.matches:
        pos = m.start()
        i = last = bisect_right(starts, pos) - 1
        while i >= 0 and pos >= spans[i][1] and i > last - 8:
            i -= 1  # passages may nest: look a few back for one that holds pos
        if i < 0 or not (spans[i][0] <= pos < spans[i][1]):
            continue
        p_lo, p_hi, p_index = spans[i]
        k = bisect_right(named_starts, pos) - 1
        if k >= 0 and pos < named_ends[k]:
            continue  # inside a name (_inside, inline: it is asked of every figure)
        passage = passages[p_index]
        clause = c_lo, c_hi = stops.bound(_STOP, pos, p_lo, p_hi)
        row = ""  # the area whose table row the figure is in (not a row of the whole)
        row_lo = p_lo  # where the figure's sentences may start
        if area_starts:
            ai = bisect_right(area_starts, pos) - 1
            if ai >= 0 and areas[ai].label_end <= pos < areas[ai].end:
                if c_lo < areas[ai].label_end:
                    clause = c_lo, c_hi = areas[ai].label_end, c_hi  # (not the row's number and name)
                row_lo = areas[ai].label_end
                row = "" if areas[ai].whole else areas[ai].label
        fig = _read_figure(work, m, p_lo, p_hi, c_lo)
        if fig is None:
            continue
        if work[fig.raw_end : fig.raw_end + 1] != "。" and _is_caption(work, fig):
            continue  # 增长8% over its paragraph (…同比增长8%。): the paragraph's figure, said first
        # A figure of a clause said before is most often that figure again (a task list restates
        # its clauses): whether it is the same metric (its kind and year) is asked before the
        # filters, and the filters only when it is not (either way it is passed over).
        clause_w = work[c_lo:c_hi]  # (one slice: its hash is computed once for both keys)
        said_key = (fig.value, fig.unit, clause_w, fig.start - c_lo, row)
        again = said_key in said_before
        if not again and _excluded(work, fig, clause, p_hi, benefits):
            continue
        if passage.reported and fig.unit == "%" and _RATE_BEFORE.search(work, c_lo, fig.start) is None:
            continue  # 80%, 已完成总工程量的90%: how far the project is built, no indicator
        s_lo = stops.sentence_start(c_lo, row_lo)
        stands = False  # the level an indicator stands at in a plan's 基本情况
        if stock:
            if _in_stock(stock, work, fig, s_lo, named):
                if not _states_an_indicator(work, fig, c_lo):
                    stock_said.add((fig.value, fig.unit))
                    continue  # the inventory a plan starts from (一、基本情况): no indicator
                stands = info.year is not None
            if annex is not None and fig.start > annex and (fig.value, fig.unit) in stock_said:
                continue  # an annexed list of that inventory (附件2 拟移交设施设备汇总表)
        kind, year = _kind_and_year(
            work,
            fig,
            clause,
            s_lo,
            p_lo,
            horizons,
            passage,
            info,
            defaults,
            marks,
            mark_starts,
            named,
            fiscal,
        )
        if stands:
            kind, year = "actual", info.year  # as it stands when the plan is written
        if fig.unit in _PAIRED_UNITS:
            p_end, p_unit, p_kind, p_year = last_paired
            if p_unit not in ("", fig.unit) and p_end >= c_lo and not work[p_end : fig.start].strip(" \t、"):
                # the people of the households just counted (2016年计划搬迁1500户6000人): as they are
                kind, year = p_kind, p_year
            last_paired = (fig.end, fig.unit, kind, year)
        if (
            kind == "target"
            and year is not None
            and year in reviewed
            and _PLANNED.search(work, s_lo, fig.start) is None
        ):
            kind = "actual"  # a year the text says it reviews (在回顾2015年…工作时): its figures are results
        if (
            year is None
            and last_dated is not None
            and last_dated[0] == p_lo
            and _opens_a_breakdown(work, c_lo, s_lo)
        ):
            # 其中,… breaks down the figure before it (全市财政2024年预算拟安排78.25亿元。其中,先进制造业
            # 领域资金9.75亿元): its parts are of that figure's year and kind.
            kind, year = last_dated[1], last_dated[2]
        if columns:
            ci = bisect_right(column_starts, pos) - 1
            if ci >= 0 and pos < columns[ci][1] and _explicit_year(work, c_lo, fig.start, named) is None:
                year = columns[ci][2]  # the year of its column (2025年计划)
                if kind == "target" and info.year is not None and year < info.year:
                    kind = "actual"
        if by_year and pos in by_year:
            year = by_year[pos]  # one a year, in the order listed (逐年推进A、B、C)
            kind = "actual" if info.year is not None and year < info.year else "target"
        untold = year == _UNTOLD
        if untold:
            year = None  # reported done, and nothing tells when: no year (not the year reviewed)
        elif year is None and kind == "actual" and review_year is not None and passage.year_hint is None:
            year = review_year
        # 从X增长到Y with no years named: X is the start of the period reviewed.
        if (
            kind == "actual"
            and _has(work[c_lo : fig.start], mw.compiled["range_from"])
            and not _has(work[c_lo : fig.start], _GROWTH_TO)
            # (a year of the clause's own; one named earlier in the sentence dates another change:
            # 从2020年的3.68万亿元增长到2025年的4.93万亿元,一般公共预算收入从3826.5亿元增长到…)
            and _explicit_year(work, c_lo, fig.start, named) is None
        ):
            year = (
                prev_period_start
                if prev_period_start is not None
                else _years_reviewed_from(work, p_lo, year, fig.start)
            )
        # (_base_of_a_change's own first look, inline: most figures are followed by no change)
        if work[fig.end : fig.end + 1] in _CHANGE_TO_FIRSTS and _starts_from_now(work, fig, c_lo):
            kind, year = "actual", info.year  # 由目前的35%提高到40%: as things stand when written
        elif kind == "actual" and _FROM_NOW_TO.search(work, max(c_lo, fig.start - 40), fig.start):
            # …提高到40%: where a change from now ends is a target: of the year the plan names for
            # its targets (the part it is in, its end year), else of the document's year.
            kind, year = "target", _target_year(marks, mark_starts, fig.start, defaults, info)
        elif kind == "target" and work[fig.end : fig.end + 1] in _CHANGE_TO_FIRSTS:
            base_year = _base_of_a_change(work, fig, c_lo, review_year, info.year)
            if base_year is not None:
                kind, year = "actual", base_year
        # The clause without white space, and where in it the figure stands (two figures of one
        # value in one clause are two metrics; the same clause said again is not).
        if _WHITE.search(clause_w) is not None:  # (most clauses have none: no split and join)
            clause_w = "".join(clause_w.split())
        clause_key = (clause_w, fig.start - c_lo - work.count(" ", c_lo, fig.start), row)
        # (_shared_by's own first look, inline: most figures are shared by no names)
        window = work[max(c_lo, fig.start - 8) : fig.start]
        if "各" in window or "分别" in window or "均" in window:
            names, verb_lo = _shared_by(work, fig, clause, figures)
        else:
            names, verb_lo = [], c_lo
        value = fig.value
        value_key = value if value.is_integer() else round(value, 6)  # (round is slow; most are whole)
        if not names and (kind, value_key, fig.unit, year, clause_key, False) in seen:
            continue  # the same figure of the same clause again: its indicator is not needed
        if again and _excluded(work, fig, clause, p_hi, benefits):
            continue
        clause_text = text[c_lo:c_hi]
        span_text = clause_text.strip()
        span = Span(c_lo + (len(clause_text) - len(clause_text.lstrip())), c_hi)
        if names:
            v_lo, v_hi = _trim_left(work, verb_lo, fig.start)
            shared = text[v_lo:v_hi] + _right_noun(text, work, fig, c_hi)
            indicators = [text[a:b] + shared for a, b in names]
        else:
            indicators = [_indicator(text, work, fig, (c_lo, c_hi), s_lo, figures)]
            if (
                total is not None
                and total[0] == p_lo
                and total[1] == fig.unit
                and _PLACE_ONLY.fullmatch(indicators[0]) is not None
                and _opens_a_breakdown(work, c_lo, s_lo)
            ):
                # 全市新谋划储备亿元以上项目200个,其中安定区50个、陇西县50个: each place's share of
                # the total, named by the place and the total's indicator
                indicators = [indicators[0] + total[2]]
        if row:
            # (each area's row has its own targets: the indicator names the area)
            indicators = [i if i.startswith(row) else row + i for i in indicators]
        for indicator in indicators:
            key = (
                kind,
                value_key,
                fig.unit,
                year,
                clause_key,
                len(indicators) > 1 and indicator,
            )
            if key in seen:
                continue
            seen.add(key)
            said_before.add(said_key)
            said = (kind, value_key, fig.unit, year)
            if row:
                pass  # an area's share of a target, not the body's target restated
            elif annex is not None and fig.start > annex:
                if said in body:
                    continue  # an annexed task list restating a target of the body
            else:
                body.add(said)
            if year is not None:
                last_dated = (p_lo, kind, year)
            if not names and not _opens_a_breakdown(work, c_lo, s_lo):
                total = (p_lo, fig.unit, indicator)
            out.append(
                Metric(
                    kind=kind,
                    indicator=indicator,
                    value=fig.value,
                    unit=fig.unit,
                    comparator=fig.comparator,
                    year=year,
                    span_text=span_text,
                    span=span,
                    raw=text[fig.start : fig.raw_end],
                )
            )
    return out


# The words a caption line may hold beside its figure (增长8%, 71个村, 500万亩): no clause's stop.
_CAPTION_STOPS = frozenset(",;:。!?、")
# What makes the next line a paragraph: a clause's or sentence's stop.
_PARAGRAPH_STOPS = ("。", ",", ";")


def _is_caption(work: str, fig: _Figure) -> bool:
    """Whether the figure is the whole of a short line of its own (a few words at most beside
    it) and the next line that is not blank is a paragraph that says it again: a news page's
    caption (数说-style: 增长8% set large over 规模以上工业增加值同比增长8%。; 71个村 over 全县71个
    村…), which repeats the paragraph's figure and names nothing of its own."""
    lo = work.rfind("\n", 0, fig.start) + 1
    hi = work.find("\n", fig.raw_end)
    if hi < 0 or hi - lo > 12 or fig.start - lo > 6:
        return False
    line = work[lo:hi]
    if any(c in _CAPTION_STOPS for c in line):
        return False
    nxt = hi + 1
    while nxt < len(work) and work[nxt] in " \t\n":
        nxt += 1
    end = work.find("\n", nxt)
    paragraph = work[nxt:] if end < 0 else work[nxt:end]
    if len(paragraph) <= len(line.strip()) + 4 or not any(c in paragraph for c in _PARAGRAPH_STOPS):
        return False
    said = work[fig.start : fig.raw_end]
    at = paragraph.find(said)
    while at >= 0:
        if at == 0 or not (paragraph[at - 1].isdigit() or paragraph[at - 1] == "."):
            return True  # (not the end of a longer number: 200辆 is not said in 1200辆)
        at = paragraph.find(said, at + 1)
    return False


# The heading of the part of a plan that describes what it starts from: the facilities, vehicles,
# firms, staff and contracts a reform takes over (静安区 and 杨浦区 排水管理体制改革实施方案: 一、基本情况:
# 本区移交公共排水设施包括:排水管道共计562.359公里…; 拟首批移交设施设备包括排水管道设施635.56公里…,
# 共有总包企业2家). Such an inventory is the standing state with no year, not an indicator (the
# chongming 水务 plan's gold reads its inventory so). matches: "基本情况", "基本情况和问题" ; must not
# match: "基本原则", "工作情况" (a review: read as actuals)
_STOCK_HEADING = re.compile(r"[ \t]*基本情况[^\n]{0,6}\Z")


# The words that open a breakdown of the figure just before: 其中, at the start of its clause or
# sentence. matches: "其中,先进制造业…", "其中可以提供…" ; must not match: "…,重点是其中的…"
_BREAKDOWN = re.compile(r"[ \t]*其中")


# The name of a place alone: a few characters and the word of its level (安定区, 陇西县, 城关镇, 东城街道).
# must not match: "贫困村出列" (a name of an indicator), "全区" (the whole: a scope word)
_PLACE_ONLY = re.compile(r"(?!全)[\u4e00-\u9fff]{1,6}?(?:区|县|市|镇|乡|街道|州|盟|旗)")


def _opens_a_breakdown(work: str, c_lo: int, s_lo: int) -> bool:
    """Whether the clause from ``c_lo`` or its sentence from ``s_lo`` opens with 其中."""
    return _BREAKDOWN.match(work, c_lo) is not None or _BREAKDOWN.match(work, s_lo) is not None


def _stock_sections(work: str, info: DocInfo) -> list[tuple[int, int]]:
    """The (start, end) of a plan's 基本情况 parts: from the level-1 heading to the next one."""
    if info.kind in ("report", "work_report") or work.find("基本情况") < 0:
        return []
    starts: list[tuple[int, bool]] = []
    for m in _HEADING_LINES.finditer(work):
        if m["l1"]:
            starts.append((m.start("line"), _STOCK_HEADING.match(m["title"]) is not None))
    out: list[tuple[int, int]] = []
    for i, (start, stock) in enumerate(starts):
        if stock:
            out.append((start, starts[i + 1][0] if i + 1 < len(starts) else len(work)))
    return out


def _in_stock(sections: list[tuple[int, int]], work: str, fig: _Figure, s_lo: int, named: _Spans) -> bool:
    """Whether a figure is part of the inventory a plan starts from: inside its 基本情况 part, with
    no year of its own in its sentence (a dated result there, 2024年完成…, is still read)."""
    return (
        any(a <= fig.start < b for a, b in sections) and _explicit_year(work, s_lo, fig.start, named) is None
    )


# The units of a rate: a share or a frequency is the level of an indicator, never a thing taken over.
_RATE_UNITS = frozenset(("%", "‰", "个百分点"))


# The places people live in and are counted by (村, 乡镇, 户), named just before their count in a
# plan's 基本情况 (贫困乡镇3个,贫困村38个): where the plan starts from, as its population is, not things
# taken over (泵站14座, 检查井…个). matches: "贫困村", "贫困乡镇", "低收入农户" ; must not match: "泵站",
# "村卫生室" (a facility of a village)
_COUNTED_PLACES = re.compile(r"(?:村|乡镇|乡|镇|户)[ \t]*(?:共|有|为|达)?[ \t]*\Z")
_PLACE_COUNT_UNITS = frozenset(("个", "户"))


def _states_an_indicator(work: str, fig: _Figure, c_lo: int) -> bool:
    """Whether a figure of a plan's 基本情况 states where an indicator stands, not a thing of the
    inventory taken over: a rate (贫困发生率11.5%, 覆盖率85%), a population (现有贫困人口3.2万人) or
    a count of the places it lives in, named before it (贫困村38个: _COUNTED_PLACES)."""
    return (
        fig.unit in _RATE_UNITS
        or work.find("人口", c_lo, fig.start) >= 0
        or (
            fig.unit in _PLACE_COUNT_UNITS
            and _COUNTED_PLACES.search(work, max(c_lo, fig.start - 4), fig.start) is not None
        )
    )


# A period whose things are done one a year, in the order listed: 2026年至2030年,…,逐年推进嘉定老城
# 特定区(3.92平方公里)、幸福片区与封浜片区(3.66平方公里)、…海绵城市建设达标评估 (嘉定's 海绵城市 plan:
# one area a year, 2026 to 2030), as 区 and 县 plans schedule one village, road or area a year (逐年
# 完成). matches: "2026年至2030年,结合…,逐年", "2018-2020年逐年" ; must not match: "逐年提高" with no
# period before it, a period of more than ten years
_YEAR_BY_YEAR = re.compile(
    r"(?P<a>(?:19|20)\d{2})[ \t]*年?[ \t]*(?:至|到|-|—|–|~)[ \t]*(?P<b>(?:19|20)\d{2})[ \t]*年"
    r"[^。;\n]{0,60}?逐年"
)
_LIST_END = re.compile(r"[。;\n]")


def _year_by_year(work: str, figures: _Matches) -> dict[int, int]:
    """{offset of a figure: its year} for the lists scheduled one item a year over a period: as
    many items (a figure each, set apart by 、) after 逐年 as the period has years."""
    out: dict[int, int] = {}
    for m in _YEAR_BY_YEAR.finditer(work):
        a, b = int(m["a"]), int(m["b"])
        n = b - a + 1
        if not 2 <= n <= 10:
            continue
        stop = _LIST_END.search(work, m.end())
        end = stop.start() if stop is not None else len(work)
        starts = [f.start() for f in figures.within(m.end(), end)]
        if len(starts) != n or any(
            work.find("、", s, t) < 0 for s, t in zip(starts, starts[1:], strict=False)
        ):
            continue
        for i, s in enumerate(starts):
            out[s] = a + i
    return out


# A table flattened a cell a line whose columns are years: 上海市交通委's 精细化管理 task list (重点任务
# （2024-2026） | 2024年工作项目 | 2025年计划 | 2026年计划 | 牵头部门 …), as 区 and 县 three-year plans
# annex their 任务清单 (2018年 | 2019年 | 2020年 columns of work to do). The header cells of the years:
# matches: "2024年工作项目", "2025年计划", "2019年", "2020年目标任务" ; must not match: "2024年12月",
# "2024年底前完成" (a cell of text)
_YEAR_COLUMN = re.compile(
    r"[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年(?:度)?(?:工作项目|工作任务|工作目标|目标任务|计划|目标|任务|安排)?[ \t]*"
)
# A year header cell on a line of its own (the cheap test before the table is looked for).
_YEAR_COLUMN_HINT = re.compile(
    r"\n[ \t]*(?:19|20)\d{2}[ \t]*年(?:度)?(?:工作项目|工作任务|工作目标|目标任务|计划|目标|任务|安排)?[ \t]*\n"
    r"(?:[ \t]*\n)*[ \t]*(?:19|20)\d{2}[ \t]*年(?:度)?(?:工作项目|工作任务|工作目标|目标任务|计划|目标|任务|安排)?[ \t]*\n"
)
# How far after its header a table flattened a cell a line is read (its rows of year cells).
_YEAR_TABLE_REACH = 30_000
# The cell that opens a row: its number. matches: "（1）建设精品道路300条。", "(12)既有车站…" ;
# must not match: "（一）提升交通设施环境品质" (a group of rows), "1、改善城市道路环境"
_ROW_KEY = re.compile(r"[ \t]*[（(]\d{1,3}[）)]")
# A line that opens a group of rows. matches: "（二）提升交通出行服务体验", "7、提升轨道交通服务水平"
_ROW_GROUP = re.compile(r"[ \t]*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])")


def _year_column_cells(work: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of the cells under the year columns of tables flattened a cell a line:
    after a header of consecutive year cells (2024年工作项目, 2025年计划, 2026年计划), each row's
    numbered cell ((1)…) is followed by one cell for each year, in the header's order. Only the
    text after each header (two year cells on consecutive lines) is read, up to _YEAR_TABLE_REACH."""
    out: list[tuple[int, int, int]] = []
    done = 0
    for h in _YEAR_COLUMN_HINT.finditer(work):
        if h.start() < done:
            continue
        stop = min(len(work), h.start() + _YEAR_TABLE_REACH)
        out.extend(_year_column_cells_in(work, h.start() + 1, stop))
        done = stop
    return out


def _year_column_cells_in(work: str, pos: int, n: int) -> list[tuple[int, int, int]]:
    """_year_column_cells for the text from ``pos`` (a header's first line) to ``n``."""
    lines: list[tuple[int, int]] = []
    while pos < n:
        end = work.find("\n", pos, n)
        end = n if end < 0 else end
        if work[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(lines):
        m = _YEAR_COLUMN.fullmatch(work, *lines[i])
        if m is None:
            i += 1
            continue
        years = [int(m["y"])]
        j = i + 1
        while j < len(lines):
            mj = _YEAR_COLUMN.fullmatch(work, *lines[j])
            if mj is None or int(mj["y"]) != years[-1] + 1:
                break
            years.append(int(mj["y"]))
            j += 1
        if len(years) < 2:
            i = j
            continue
        k = j
        while k < len(lines):
            a, b = lines[k]
            if _YEAR_COLUMN.fullmatch(work, a, b) is not None:
                break  # another table's header
            if _ROW_KEY.match(work, a, b) is not None:
                for t, year in enumerate(years, 1):
                    if k + t >= len(lines):
                        break
                    ca, cb = lines[k + t]
                    if _ROW_KEY.match(work, ca, cb) is not None or _ROW_GROUP.match(work, ca, cb) is not None:
                        break
                    out.append((ca, cb, year))
            k += 1
        i = k
    return out


def _grid_year_cells(work: str, grids: Sequence[Grid]) -> list[tuple[int, int, int]]:
    """(start, end, year) of the cells under the year columns of tables read as grids (a .docx,
    .html or | table): a header row (among the first three) of consecutive year cells (2024年工作项目
    | 2025年计划 | 2026年计划, 2018年 | 2019年 | 2020年), each cell below taking its column's year.
    The grid form of _year_column_cells (上海市交通委's task list; 区 and 县 three-year plans)."""
    out: list[tuple[int, int, int]] = []
    for grid in grids:
        for r, row in enumerate(grid.rows[:3]):
            cols: dict[int, int] = {}
            for i, cell in enumerate(row):
                m = _YEAR_COLUMN.fullmatch("".join(work[cell.start : cell.end].split()))
                if m is not None:
                    cols[i] = int(m["y"])
            years = [cols[i] for i in sorted(cols)]
            if len(years) < 2 or any(b != a + 1 for a, b in zip(years, years[1:], strict=False)):
                continue
            for below in grid.rows[r + 1 :]:
                for i, year in cols.items():
                    if i < len(below) and below[i].end > below[i].start:
                        out.append((below[i].start, below[i].end, year))
            break
    return out


# White space as str.split() splits on it (\s of a str pattern is what str.isspace holds).
_WHITE = re.compile(r"\s")
# What ends a sentence or a heading at the end of a line: the line is not wrapped there.
_LINE_ENDS = frozenset('。;:!?”"》)')
# What opens a new item or heading: the line before it is not wrapped into it.
# matches: "一、", "(二)", "3.", "第五条", "附件" ; must not match: "了历史机遇", "3.2%" (a decimal
# that a wrapped line opens with)
_ITEM_START = re.compile(
    r"[ \t]*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+(?:\.(?!\d)|、)|第[一二三四五六七八九十\d]+[章节条部篇]|附件)"
)


def _width(line: str) -> int:
    """The printed width of a line: a Chinese character is two columns, an ASCII one is one."""
    n = len(line)
    return n + (len(line.encode("utf-8")) - n) // 2


# The widths _soft_breaks counts lines of are 30 to 140 columns: its running totals start 3 below.
_WINDOW_FLOOR = 27


def _soft_breaks(text: str, work: str) -> list[int]:
    """The line breaks of a text wrapped at a fixed width (a PDF's text) that fall inside a
    paragraph: most lines of such a text are about as wide as one another, and a line of that
    width that ends in no sentence stop runs on into the next (unless the next opens an item).
    A page number alone on a line between two such lines is passed over. Other texts have none.
    (Widths are measured on ``text``, whose full-width punctuation the working text folds.)"""
    widths: dict[int, int] = {}
    sample = 0
    # The first 399 lines that a line break ends (the working text breaks its lines where the
    # text does), measured on the text.
    for line in text.split("\n", 399)[:-1]:
        n = len(line)
        if not 12 <= n <= 140:
            continue  # (a line of n characters is n to 2.5 n columns wide: not measured)
        w = n + (len(line.encode("utf-8")) - n) // 2  # (_width, inline: asked of every line)
        if 30 <= w <= 140:
            widths[w] = widths.get(w, 0) + 1
            sample += 1
    if sample < 20:
        return []
    # The width with the most lines within 3 columns of it (the first such in order of
    # measuring): each window's count from running totals, not summed again for each width.
    run = list(accumulate((widths.get(w, 0) for w in range(_WINDOW_FLOOR, 148)), initial=0))
    keys = list(widths)
    nears = [run[w + 4 - _WINDOW_FLOOR] - run[w - 3 - _WINDOW_FLOOR] for w in keys]
    near = max(nears)
    mode = keys[nears.index(near)]
    if near < 0.4 * sample:
        return []  # lines of any width: paragraphs, not a wrapped text
    out: list[int] = []
    n = len(work)
    a = 0
    while a < n:
        b = work.find("\n", a)
        if b < 0:
            break
        line = work[a:b].rstrip(" \t")
        if line and line[-1] not in _LINE_ENDS and _width(text[a:b].rstrip(" \t\u3000")) >= mode - 6:
            nxt = work.find("\n", b + 1)
            nxt_line = work[b + 1 : nxt if nxt >= 0 else n].strip()
            if nxt >= 0 and _PAGE_HEAD.fullmatch(nxt_line) is not None:
                # The running head of the next page, blank lines and its number (立法會會議過程正式
                # 紀錄: "立法會 ─ 2013年 4月 24日", then "6134") inside a paragraph: passed over, and
                # blanked (its date is no year of the figures around it).
                end = nxt
                while end >= 0:
                    following = work.find("\n", end + 1)
                    line_after = work[end + 1 : following if following >= 0 else n].strip()
                    if line_after and not line_after.isdigit():
                        break
                    end = following
                    if line_after.isdigit():
                        break
                after = work[end + 1 : end + 12] if end >= 0 else ""
                if end >= 0 and after.strip() and not _ITEM_START.match(after):
                    out.append(b)
                    out.extend(range(b + 1, end + 1))
                    a = end + 1
                    continue
            if nxt_line.isdigit() and nxt >= 0 and len(nxt_line) <= 4:
                after = work[nxt + 1 : nxt + 12]
                if after.strip() and not _ITEM_START.match(after):
                    out.extend((b, nxt))  # a page number between two parts of a paragraph
                a = nxt + 1
                continue
            if nxt_line and not _ITEM_START.match(work, b + 1):
                out.append(b)
        a = b + 1
    return out


# A page's running head: a few words and a full date, alone on its line (a record of proceedings
# pulled out of its PDF, 香港立法會's 會議過程正式紀錄). matches: "立法會  ─  2013年 4月 24日" ; must not
# match: "2013年4月24日" (a date alone: a signature), "于2013年4月24日召开会议。"
_PAGE_HEAD = re.compile(
    r"[^\s\d。,;:!?][^\n\d。,;:!?]{1,15}?(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日"
)


def _merge_passages(passages: Sequence[Passage], soft: list[int]) -> list[Passage]:
    """``passages`` with those that a soft line break (or a page number between two) separates
    made one."""
    breaks = set(soft)
    out: list[Passage] = []
    for p in sorted(passages, key=attrgetter("start")):
        if out:
            last = out[-1]
            gap = range(last.end, p.start)
            if (
                (len(gap) <= 8 or (len(gap) <= 80 and all(k in breaks for k in gap)))
                and last.year_hint == p.year_hint
                and last.ongoing == p.ongoing
                and any(b in breaks for b in gap)
            ):
                out[-1] = Passage(
                    last.start, max(last.end, p.end), last.year_hint, last.heading, last.ongoing
                )
                continue
        out.append(p)
    return out


# The heading of an annex at the start of a line. matches: "附件:", "附件1", "# 附件 任务清单"
# must not match: "详见附件" (a mention), "附件" as the first line of a document sent as one
_ANNEX = re.compile(r"\n[ \t#*]*附件")


def _annex_start(work: str) -> int | None:
    """Where the annexes after the body of a document begin (None without one): the first line
    opening with 附件 past the first tenth of the document (an attachment sent on its own opens
    with the word)."""
    if work.find("附", len(work) // 10) < 0:
        return None  # (a search for one character is many times quicker than one for a word)
    pos = work.find("附件", len(work) // 10)
    while pos >= 0:
        line = work.rfind("\n", 0, pos)
        if line >= 0 and _ANNEX.match(work, line, pos + 2):
            return line
        pos = work.find("附件", pos + 2)
    return None


# A paragraph that reviews the last N years. matches: "这五年,", "过去五年,", "五年来," ; must not
# match: "五年内" (a span ahead), "第五年"
_N_YEARS_REVIEWED = re.compile(
    r"[ \t]*(?:这|过去|近)?(?P<n>[两三四五六七八九十]|\d{1,2})年(?:来|间|里|中)?[ \t]*[,:]"
)


# A five-year plan's period, ended, opening the paragraph that reviews it. matches: "“十三五”时期,",
# "十四五期间:", "“十三五”以来," ; must not match: "“十四五”时期主要目标" (no stop after it)
_PERIOD_REVIEWED = re.compile(
    r"[ \t]*[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:时期|期间|以来)?[ \t]*[,:]"
)


# The same span opening a later sentence of the paragraph. matches: "。五年来,", "!过去五年," ;
# must not match: "五年来," at the paragraph's start (see above), ",五年来"
_N_YEARS_REVIEWED_LATER = re.compile(r"[。!?]" + _N_YEARS_REVIEWED.pattern)


def _years_reviewed_from(work: str, p_lo: int, year: int | None, pos: int | None = None) -> int | None:
    """The first year of the span a paragraph reviews (这五年,… in a review of ``year``: 从X增长
    到Y gives X that year), or ``year`` when the paragraph names no span. The span may open a
    later sentence before ``pos``, after one that sums up the year (work reports at the end of a
    five-year plan: 2025年目标任务顺利完成,标志着“十四五”圆满收官。五年来,…)."""
    m = _N_YEARS_REVIEWED.match(work, p_lo)
    if m is None and year is not None and work.find("五", p_lo, p_lo + 8) >= 0:
        p = _PERIOD_REVIEWED.match(work, p_lo)
        if p is not None:
            start, end = numbered_plan_period(p["n"])
            if end <= year:
                return start  # “十三五”时期,…从X增加到Y: X of the period's first year (as a plan reviews it)
    if m is None and pos is not None and year is not None:
        later = list(_N_YEARS_REVIEWED_LATER.finditer(work, p_lo, pos))
        m = later[-1] if later else None  # (the last one before the figure)
    if m is None or year is None:
        return year
    try:
        return year - int(parse_number(m["n"]))
    except NumberError:
        return year


def _shared_by(
    work: str, fig: _Figure, clause: tuple[int, int], figures: _Matches
) -> tuple[list[tuple[int, int]], int]:
    """The names one figure is shared by (金融、科技企业各新增2家: two indicators) and where the
    words they share begin; no names when the figure is not shared."""
    lo, hi = clause
    a = max(lo, fig.start - 8)
    window = work[a : fig.start]
    if "各" not in window and "分别" not in window and "均" not in window:
        return [], lo  # none of the words _SHARED looks for (cheaper than the pattern)
    m = _SHARED.search(work, a, fig.start)
    if not m:
        return [], lo
    if len(figures.within(lo, hi)) != 1:
        return [], lo  # several figures: each has its own name (分别达到X、Y)
    s_lo, s_hi = _trim_left(work, lo, m.start())
    names = [(n.start(), n.end()) for n in _NAME.finditer(work, s_lo, s_hi)]
    return (names, m.end()) if len(names) > 1 else ([], lo)


def _right_noun(text: str, work: str, fig: _Figure, hi: int) -> str:
    sm = _RIGHT_STOP.search(work, fig.end, hi)
    return _no_spaces(text[fig.end : min(sm.start() if sm else hi, fig.end + 24)])


def _no_spaces(s: str) -> str:
    """``_SPACES.sub("", s)``; most strings have no space (substring tests cost less than a call of sub)."""
    return _SPACES.sub("", s) if " " in s or "\t" in s or "\n" in s else s


# A past year's value named as the base of a comparison, just before the figure (香港's budget
# debate reply: 较去年全年的1.4%有所改善, 较2012全年的4.7%为低; 区 work reports: 比上年同期的3.2%
# 提高). matches: "较去年全年的", "较 2012全年的", "比2022年同期的" ; must not match: "较去年增长"
# (a change: no 的 before the figure), "比例的"
# A fiscal year's revised estimates may be the base too (与2012-2013年度修订预算案的427亿元比较, 香港's
# Secretary for Labour and Welfare in the 2013 budget debate): the year it ends in.
_BASE_OF_A_COMPARISON = re.compile(
    r"(?:较|比|相比|相较于?|与)[ \t]*(?P<when>去年|前年|(?:19|20)\d{2}(?:[ \t]*年)?"
    r"|(?:19|20)\d{2}[ \t]*[-—–至/][ \t]*(?:19|20)?\d{2}[ \t]*(?:财政)?年度[ \t]*(?:的)?[ \t]*修订预算(?:案)?)"
    r"[ \t]*(?:全年|同期|年底|年末)?[ \t]*的[ \t]*\Z"
)


# In a progress cell of a 民生实事 progress table (苍南县's 当前进度 "80%", 临安区's "已完成总工程量的
# 90%", 招远市's "整体钢结构施工完成70%"), a percentage reports how far the project is built or its
# funds are paid (占年度计划投资总额的75%): no indicator. One after the name of a rate is kept.
# matches (in the clause before the figure): "参与率", "覆盖率达", "满意度" ; must not match: "",
# "已完成总工程量的", "施工完成"
_RATE_BEFORE = re.compile(r"[率度]")


@lru_cache(maxsize=1)
def _sentence_marks() -> Callable[[str, int, int], re.Match[str] | None]:
    """The search for any word of the lists _kind_and_year asks of a sentence most often (target
    and actual markers, present words, state verbs): none found, none of them holds."""
    compiled = metric_words().compiled
    words = {w for key in _SENTENCE_MARK_LISTS for w in compiled[key].words}
    return re.compile(_alternation(sorted(words))).search


_SENTENCE_MARK_LISTS = ("target_markers", "present_words", "actual_markers", "state_verbs")


def _kind_and_year(
    work: str,
    fig: _Figure,
    clause: tuple[int, int],
    s_lo: int,
    p_lo: int,
    horizons: _Horizons,
    passage: Passage,
    info: DocInfo,
    defaults: tuple[int | None, int | None],
    marks: list[_Mode],
    mark_starts: list[int],
    named: _Spans,
    fiscal: FiscalNow | None = None,
) -> tuple[Kind, int | None]:
    mw = metric_words()
    c_lo, _ = clause
    if info.year is not None and work.find("的", c_lo, fig.start) >= 0:
        base = _BASE_OF_A_COMPARISON.search(work, c_lo, fig.start)
        if base is not None:
            # The figure is what a new one is compared with (较去年全年的1.4%有所改善, 较2012全年的
            # 4.7%为低): the value of that past year, reported.
            when = base["when"]
            if "年度" in when:
                fy = _FISCAL_YEAR.search(when)  # 2012-2013年度修订预算: the year it ends in
                base_year = int(fy["a"]) + 1 if fy is not None else int(when[:4]) + 1
            else:
                base_year = info.year + _RELATIVE_YEARS[when] if when in _RELATIVE_YEARS else int(when[:4])
            if base_year < info.year or ("年度" in when and base_year == info.year):
                return "actual", base_year
    review_year, target_year = defaults
    sentence_before = work[s_lo : fig.start]
    # Whether the sentence up to the figure holds none of the words of a mark of time or of a
    # target (one search for the four lists asked most, each of them asked only when it finds one).
    quiet = _sentence_marks()(work, s_lo, fig.start) is None
    explicit = _explicit_year(work, s_lo, fig.start, named, info.year, fiscal)
    clause_words = work[c_lo : fig.start]
    if (
        (info.reviews is not None or info.year is not None)
        and ("年" in clause_words and ("计划" in clause_words or "目标" in clause_words))
        and _PLANNED_FIGURE.search(clause_words) is not None
        and _GAP_TO_THE_PLAN.search(clause_words) is None
        and explicit
        in (
            None,
            info.reviews if info.reviews is not None else info.year,
            planned := _year_of_the_plan_reviewed(info, marks, mark_starts, fig.start),
        )
    ):
        # A review that reports on a plan gives the year's planned figure beside the results
        # (列入…重点项目计划共85项,计划总投资825.42亿元,年度投资计划193.22亿元。…累计完成投资126.02亿元;
        # a half-year review's 年计划增长7.5%,上半年完成86.3亿元): what was planned for the year
        # reviewed (the part reviewing last year in a report with this year's draft plan), a
        # target of it.
        return "target", planned if explicit is None else explicit
    if explicit is None and (
        ("后" in clause_words and _ONCE_RUNNING.search(clause_words) is not None)
        or ("如果" in sentence_before and _IF_CARRIED_OUT.search(sentence_before) is not None)
        or (
            "可" in clause_words
            and _CAN_YIELD.search(clause_words) is not None
            and (info.year is None or years_ahead(work, s_lo, fig.start, info.year) is None)
        )
    ):
        return "target", None  # 达产后预计年产值约1136亿元: a capacity once running, of no year
    if explicit is None and s_lo > p_lo:
        h_lo = p_lo
        if info.kind == "plan" and info.period_start == info.period_end == info.year:
            # A plan of one year: a later milestone (到2027年,…) dates its own paragraph (line) only.
            h_lo = max(p_lo, work.rfind("\n", p_lo, s_lo) + 1)
        explicit = horizons.year(h_lo, s_lo, info)
        if explicit is not None and info.year is not None and _THIS_YEAR.search(sentence_before):
            explicit = info.year  # 到2027年,…。全年新增…: the sentence says the plan's own year
        elif explicit is not None and info.year is not None and _NEXT_FIVE_YEARS.search(sentence_before):
            explicit = next_five_years_end(info.year)  # …到2035年…。今后五年…年均增长5%: the plan's end
        if explicit is None:
            # A past year that opens a sentence of the paragraph (…工作。2019年,全市135个街镇…。可回收物
            # 回收量4049吨/日…, 上海市's 2020 news of garbage sorting, tune; a 县's review paragraphs:
            # 2022年,全县…。一般公共预算收入…) dates its later sentences, reported: what they do not
            # plan (将, 力争) is of that year.
            past = horizons.past(h_lo, s_lo, info)
            if (
                past is not None
                and (quiet or not _has(sentence_before, mw.compiled["target_markers"]))
                and not _has(sentence_before, mw.compiled["future_markers"])
            ):
                return "actual", past
    if (
        explicit is None
        and c_lo > p_lo
        and info.year is not None
        and (quiet or not _has(sentence_before, mw.compiled["target_markers"]))
    ):
        reported = _reported_by_the_opening(work, p_lo, c_lo, info.year)
        if reported is None and (f_lo := work.rfind("。", p_lo, s_lo) + 1) > p_lo:
            # The opening of the sentence (to 。) after the news's lead sentence in one paragraph
            # (…会议昨日开幕。报告指出,去年全县实现地区生产总值156.2亿元;固定资产投资增长12.4%).
            reported = _reported_by_the_opening(work, f_lo, c_lo, info.year)
        if (
            reported is not None
            and _NOT_REPORTED.search(work, s_lo, fig.start) is None
            and not _turned_to_the_plan(marks, mark_starts, p_lo, fig.start)
        ):
            return "actual", reported
    if (
        explicit is None
        and (info.year is None or info.kind == "news")
        and _PLANNED.search(sentence_before) is None
    ):
        # News of a year's results: the figures of the clauses after the year that opens the
        # paragraph or sentence, none of their own (2021年,某区…实现生产总值…;实现一般公共预算收入…),
        # are that year's results, as the first is (see _result_of_an_opening_year).
        opening = _last_opening_year(work, p_lo, fig.start)
        if (
            opening is not None
            and (info.year is None or int(opening["y"]) == info.year)
            and _result_of_an_opening_year(work, opening, fig.start, int(opening["y"]), True)
        ):
            return "actual", int(opening["y"])
    if explicit is not None and info.year is not None and explicit < info.year:
        # The words nearest the figure say now, after the past year: its clause (在2010-2011學年成立
        # …獎學金，…現已有約160人獲得, 香港's Secretary for Education, 2013), or the end of a change
        # (私人銀行由2007年年底的27間增加至現時的41間, the Financial Secretary's 2013 budget speech).
        own = c_lo
        to = max(work.rfind("至", c_lo, fig.start), work.rfind("到", c_lo, fig.start))
        if to >= 0 and not work.startswith(("至今", "到今"), to):
            own = to + 1
        if (
            not quiet
            and _has(work[own : fig.start], mw.compiled["present_words"])
            and _explicit_year(work, own, fig.start, named, info.year, fiscal) is None
        ):
            return "actual", info.year
    if explicit is not None:
        if "情况" in sentence_before and _REPORTED_LABEL.match(work, s_lo) is not None:
            return "actual", explicit  # 2016年:计划搬迁…。完成情况:安置点共7个: what was done that year
        kind: Kind = _mode_at(marks, mark_starts, fig.start).kind
        if info.year is not None and explicit != info.year:
            kind = "actual" if explicit < info.year else "target"  # the document's own year: as its part
            if (
                kind == "actual"
                and "计划" in sentence_before
                and (opening := _PLANNED_OPENING.match(work, s_lo)) is not None
                and int(opening["y"]) == explicit
                and _DONE_BESIDE_THE_PLAN.search(sentence_before) is None
            ):
                # A yearly list's past year opens with its plan (2016年:计划搬迁1200户6000人,其中…):
                # what was planned for that year, a target of it (what was done follows its label).
                return "target", explicit
        elif fiscal_year_closed(work, s_lo, fig.start, explicit, info.year):
            kind = "actual"  # the fiscal year closing as the speech is given: its revised estimates
        elif kind == "actual" and _PLANNED_FOR_THE_YEAR.search(sentence_before) is not None:
            kind = "target"  # 改造目标:2024年计划改造40万平方米 (the plan's own year, planned)
        if not quiet and _has(sentence_before, mw.compiled["target_markers"]):
            kind = "target"
        elif (
            kind == "actual"
            and info.reviews is not None
            and explicit > info.reviews
            and _has(sentence_before, mw.compiled["future_markers"])
        ):
            # News of a year's results that turns to the next year (天津经开区's 2022 work conference
            # news: 2021年,…增长6.6%…。2022年,经开区将全力以赴,实现地区生产总值增长7%; a 县's press
            # conference on its 2022 results: 2023年,将…): a figure of a year after the one reviewed,
            # in a sentence of what will be done, is a target.
            kind = "target"
        elif (
            kind == "target"
            and (info.year is None or explicit == info.year)
            and info.kind not in _OWN_YEAR_PLANNED
            and _result_of_an_opening_year(
                work,
                _last_opening_year(work, p_lo, fig.start),
                fig.start,
                explicit,
                info.year is None or info.kind == "news",
            )
            and _PLANNED.search(sentence_before) is None
        ):
            kind = "actual"  # 2021年,某经开区…实现地区生产总值58.3亿元…;实现一般公共预算收入3.16亿元
        elif (
            explicit == info.year and not quiet and _has(work[c_lo : fig.start], mw.compiled["present_words"])
        ):
            kind = "actual"  # 2024年持续推进…,目前注册用户数已突破715万: the state as written
        elif (not quiet and _has(sentence_before, mw.compiled["actual_markers"])) or (
            _may_be_to_date(sentence_before) and _TO_DATE.search(sentence_before)
        ):
            kind = "actual"  # 截至…; 今年前三季度…增长5.2%
        return kind, explicit
    if passage.ongoing:
        return "target", None
    if passage.reported:
        # A progress table's 进展情况 / 完成情况 cell (民生实事 progress tables of 临安区 and 招远市,
        # 乐清市's completion table): what was done by the time of writing, in the document's year
        # (else the year of the targets the row reports on).
        return "actual", info.year if info.year is not None else passage.year_hint
    if passage.year_hint is not None:
        return "target", passage.year_hint
    # (The part of the document the figure is in, and its clause, are read only here: a figure
    # of a table row with a deadline, the most common, has its year by now.)
    mode = _mode_at(marks, mark_starts, fig.start)
    kind = mode.kind
    clause_before = work[c_lo : fig.start]
    if "五" in sentence_before and info.year is not None:
        period = _named_period(sentence_before, info.year)
        if period is not None:
            return period  # “十四五”计划完成闸河配套8处: the period's, not the present's
    elif "五" in sentence_before and (end_year := _period_end_ahead(sentence_before)) is not None:
        return "target", end_year  # 到“十四五”末,…达到25万户 in a text that gives no year of its own
    if (
        info.year is not None
        and not quiet
        and _has(sentence_before, mw.compiled["present_words"])
        and _tells_the_present(sentence_before, clause_before)
        and not _within_years_ahead(work, s_lo, fig.start)
    ):
        return "actual", info.year  # as it stands when written: 目前, 现时, 最新的3.4%
    if kind == "target" and info.year is not None and reviews_past_years(sentence_before):
        return "actual", info.year - 1  # 过去5年,…增长超过40%: done in the years up to now
    if (
        kind == "target"
        and info.year is not None
        and not quiet
        and _has(sentence_before, mw.compiled["state_verbs"])
        and not _has(sentence_before, mw.compiled["future_markers"])
    ):
        return "actual", info.year  # a state described as it is: 金融服务业雇用23万人
    if kind == "target" and info.year is not None and _LATELY.search(sentence_before) is not None:
        return "actual", info.year  # 上月只有19宗: a count of a month just past, in the speech's year
    if kind == "target" and "已" in sentence_before:
        done = _done(sentence_before, clause_before)
        if done is not None:
            return "actual", info.year if done else _UNTOLD
    if kind == "target" and "每" in clause_before and _STANDING.search(clause_before):
        # A standing quota (每年新增…) is for every year: it has the plan's year only when the
        # document plans one year (an annual plan, a work report).
        return "target", target_year if _plans_one_year(info) else None
    year = mode.year
    if kind == "target":
        if (
            _may_be_to_date(sentence_before)
            and _TO_DATE.search(sentence_before)
            and not (info.kind == "plan" and _HALF_YEAR_STEP.search(sentence_before))
            and not (info.reviews is None and _AIMED_AT.search(sentence_before))
        ):
            return "actual", year if year is not None else info.year  # 今年前三季度…增长5.2%
        if not quiet and _has(clause_before, mw.compiled["actual_markers"]):
            return "actual", review_year
        if "统计" in sentence_before and _SURVEYED.search(sentence_before) is not None:
            # 据统计,本区平均每日非法倾倒的暴露垃圾近200吨: the situation a plan starts from, as
            # counted when it was written.
            return "actual", info.year if info.year is not None else review_year
        if work.find("已", fig.end, clause[1]) >= 0 and _ALREADY.search(work, fig.end, clause[1]):
            return "actual", review_year  # 25.2平方公里已完成达标评估
        if (
            info.kind == "plan"
            and _ends_with_any(work, fig.start, mw.compiled["descriptors"], c_lo)
            and not _has(
                _any_re(mw.words("verb_lookalikes")).sub("", clause_before), mw.compiled["action_verbs"]
            )
            and not _has(clause_before, mw.compiled["growth_words"])
        ):
            return "actual", review_year  # a state described: 面积 2.03 平方公里
        if (
            info.kind == "work_report"
            and info.year is not None
            and "占" in clause_before
            and _SHARE_STATED.search(clause_before) is not None
            and not _has(sentence_before, mw.compiled["future_markers"])
            and not _has(clause_before, mw.compiled["growth_words"])
            and not _has(clause_before, mw.compiled["action_verbs"])
        ):
            return "actual", info.year  # 零售业约占本地生产总值4%: the economy as the speech finds it
        ahead = years_ahead(work, s_lo, fig.start, info.year) if info.year is not None else None
        if ahead is not None:
            return "target", ahead  # 未来5年: see periods
        # (every match holds 年内 or 年之内: the pattern only where one is, not after each 以内)
        w = _YEARS_WITHIN.search(work, s_lo, fig.start) if _years_within_word(work, s_lo, fig.start) else None
        if w and info.year is not None:
            try:
                n = int(parse_number(w["n"]))
            except NumberError:
                n = 0
            if 0 < n <= 10:
                return "target", info.year + n
        if year is None and info.year is not None and _THIS_YEAR.search(sentence_before) is not None:
            # A target of the whole year (全年力争…, 年底前…) in a document that gives no plan year (news
            # of the half-year gone by: 上半年,…增长8.3%。全年力争…增长7.5%): the document's own year.
            return "target", info.year
    elif (
        not quiet
        and _has(sentence_before, mw.compiled["target_markers"])
        and not _secured(work, s_lo, fig.start)
    ):
        return "target", target_year
    return kind, year


# The figure a plan sets for the year, told in a review (年度投资计划193.22亿元, 全年目标任务为…): the clause
# ends with the year's plan word, the figure follows. (A project's 计划总投资 is its size, reported: the
# tune 新乡 经开区 review's gold.) matches: "年度投资计划", "年计划", "全年目标任务为", "年度计划投资",
# "年计划增长", "年计划完成", "上半年投资目标(" (the plan's figure in parentheses), "2016年计划搬迁",
# "2016年全县计划搬迁" (the year's plan, its verb after it) ;
# must not match: "占年计划的" (a share of the plan: a result), "计划总投资", "计划新开工项目已开工"
_PLANNED_FIGURE = re.compile(
    r"(?:年度?|全年)(?:[^,;。\d]{0,4}?(?:计划|目标)(?:任务)?|计划(?:完成)?投资)[ \t]*(?:为|是)?[ \t]*"
    r"(?:增长|完成|实现|达到|新增|[(（])?[ \t]*\Z"
    r"|(?<=\d)[ \t]*年[ \t]*(?:全[县市区省镇乡])?计划(?![总的占投共])[\u4e00-\u9fff]{1,4}[ \t]*\Z"
)
# A figure told against the year's plan (低于年度目标2.9个百分点, 超年计划5亿元): the gap, a result.
_GAP_TO_THE_PLAN = re.compile(r"低于|高于|超|快于|慢于|落后|差|比")


def _year_of_the_plan_reviewed(
    info: DocInfo, marks: list[_Mode], mark_starts: list[int], pos: int
) -> int | None:
    """The year whose plan a review reports on at ``pos``: the year the document reviews, else
    that of the review part the figure is in when it is before the document's own (a report on
    last year's plan and this year's draft: 一、2023年计划执行情况 …完成年计划100亿元的95%), else
    the document's own."""
    if info.reviews is not None:
        return info.reviews
    mode = _mode_at(marks, mark_starts, pos)
    if mode.kind == "actual" and mode.year is not None and info.year is not None and mode.year < info.year:
        return mode.year
    return info.year


# The opening of a paragraph that says which past time its later sentences report on: a part of the
# document's own year gone by (2022年一季度,…。初步预计,地区生产总值增长7%以上;…: a 区's first quarter,
# in news of its work report), or a year before the document's own told as achieved in the first
# sentence (报告指出,某区2021年实现了经济发展稳中提质。全年地区生产总值达910.6亿元、增长11.7%,…: the
# review of a work report in its news copy). matches: "2022年一季度,", "上半年,", "1-6月,",
# "前三季度," ; must not match: "下半年,", "2022年,"(a year alone: _SENTENCE_YEAR, _modes)
_OPENS_WITH_PART_GONE = re.compile(
    r"[ \t]*(?:(?P<y>(?:19|20)\d{2})[ \t]*年)?[ \t]*(?:前[一二三]季度|上半年|第?[一1]季度|1[-~至]\d{1,2}月|首季)[ \t]*[,:]"
)
_PART_GONE_FIRSTS = frozenset(" \t12前上第一首")  # (the first characters of its matches)
# A first sentence that tells what a year achieved, the year named or the one before the document's.
# matches: "2021年实现了", "2021年取得", "2021年完成", "过去一年,全县实现", "去年全区完成" ; must not match:
# "2022年将实现" (planned), "到2021年实现" (a horizon)
_YEAR_ACHIEVED = re.compile(
    r"(?:(?<![到至])(?P<y>(?:19|20)\d{2})[ \t]*年|(?P<last>过去一年|去年|上年))"
    r"[ \t]*,?[ \t]*(?:全[区市县省]|全年|我[区市县省])?[ \t]*(?:实现|取得|完成)"
)
# What plans, in a sentence of such a paragraph (预计 of a past part of the year is an estimate of it).
_NOT_REPORTED = re.compile(r"将|计划|目标|预期|拟|要(?:实现|完成|达到)")


def _reported_by_the_opening(work: str, p_lo: int, s_lo: int, year: int) -> int | None:
    """The past time the opening sentence or clause of the paragraph from ``p_lo`` (a figure's
    clause starting at ``s_lo`` is a later one) says the paragraph reports on
    (_OPENS_WITH_PART_GONE, _YEAR_ACHIEVED), as a year: the document's own ``year`` for a part of
    it gone by, a year before it achieved; else None."""
    gone = (
        _OPENS_WITH_PART_GONE.match(work, p_lo, s_lo) if work[p_lo : p_lo + 1] in _PART_GONE_FIRSTS else None
    )
    if gone is not None:
        named = int(gone["y"]) if gone["y"] else year
        return named if named == year else None
    stop = _SENTENCE_STOP.search(work, p_lo, s_lo)  # (the first clause ending in ; or 。)
    if stop is None:
        return None
    first = work[p_lo : stop.start()]
    if "年" not in first or _has(first, metric_words().compiled["future_markers"]):
        return None
    achieved = _YEAR_ACHIEVED.search(first)
    if achieved is None:
        return None
    years = {int(m["y"]) for m in _YEAR.finditer(first)}
    said = year - 1 if achieved["last"] else int(achieved["y"])
    if years - {said} or said >= year:
        return None  # another year named beside it, or none gone by
    return said


# A year alone at the opening of a paragraph (from its start) or of a sentence, before a comma or the
# whole place it reports on (a speaker quoted: …态势。2022年全区实现…), or after the words that open
# what a reporter learnt (记者从…新闻发布会获悉,2022年,…). matches: "2022年,", "。2022 年,", "获悉,2022年,",
# "。2022年全区" ; must not match: "到2022年," (a horizon: read by _Horizons), "2022年底前,", "2022年度",
# "2023年政府专项债储备额度" (the year of a measure's own figures, 滨江's 2023 policies, tune)
_OPENING_YEAR = re.compile(
    r"(?:^|(?<=[。;!?:\n“\"])|(?<=获悉,)|(?<=了解到,))[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*(?:,|(?=[全我][区市县省镇乡]))"
)
# A result told in the past tense after the year that opens its paragraph. matches: "实现地区生产总值",
# "集聚规模以上工业企业", "同比增长", "比上年增长" ; must not match: "实施" , "推进"
_RESULT_TOLD = re.compile(r"实现|完成|达到|集聚|新增|累计|同比|[比较]上年")
# A change told against the year before: a result. matches: "同比增长", "比上年增长", "较上年" ; must
# not match: "比2020年" (a base year of a plan's goal)
_COMPARED_WITH_THE_YEAR_BEFORE = re.compile(r"同比|[比较]上年")

# The kinds of document whose own year is the year they plan (a plan, measures, a work report, a task
# table): a figure of that year there is a target however it is told.
_OWN_YEAR_PLANNED = ("plan", "measures", "work_report", "table")
# What a sentence plans, not reports (future_markers without 会 and 要, which 社会 and 主要 hold).
# matches: "将", "力争", "计划", "预计", "目标" ; must not match: "经济社会发展", "主要指标"
_PLANNED = re.compile(r"将|计划|预计|力争|争取|确保|目标|预期|拟|要(?:实现|完成|达到)")


def _last_opening_year(work: str, lo: int, pos: int) -> re.Match[str] | None:
    """The last year that opens the paragraph from ``lo`` or one of its sentences before ``pos``:
    the last match of ``_OPENING_YEAR.finditer(work, lo, pos)``, looked up in the document's
    table of them (_OpeningYears, made once per working text) instead of a search per figure."""
    table = _OPENING_YEARS[0]
    if table is None or table.work is not work:
        table = _OPENING_YEARS[0] = _OpeningYears(work)
    return table.last(lo, pos)


# Every match of _OPENING_YEAR ends so: its 年 and what follows it. (A literal opens the pattern:
# the engine skips from 年 to 年, where _OPENING_YEAR opens with look backs tried at every character.)
_OPENING_YEAR_TAIL = re.compile(r"年[ \t]*(?:,|(?=[全我][区市县省镇乡]))")


class _OpeningYears:
    """The matches of ``_OPENING_YEAR`` in a working text, found once from their 年, with where
    each needs the text to run to (its comma, or the two characters it looks ahead at): a search
    from ``lo`` to ``pos`` finds those that start at ``lo`` or later and need no more than ``pos``.
    (Matches never overlap, and one needing more than ``pos`` is no match in a text cut there.)"""

    __slots__ = ("work", "needs", "matches")

    def __init__(self, work: str) -> None:
        self.work = work
        self.needs: list[int] = []
        self.matches: list[re.Match[str]] = []
        match = _OPENING_YEAR.match
        for tail in _OPENING_YEAR_TAIL.finditer(work):
            # The match's start: back over the blanks before 年, its four digits, and the blanks
            # before them (a match opens where its stop, or the text, leaves off).
            k = tail.start()
            while k > 0 and work[k - 1] in " \t":
                k -= 1
            k -= 4
            if k < 0:
                continue
            while k > 0 and work[k - 1] in " \t":
                k -= 1
            m = match(work, k)
            if m is None or m.end() != tail.end():
                continue
            self.needs.append(m.end() if work[m.end() - 1] == "," else m.end() + 2)
            self.matches.append(m)

    def last(self, lo: int, pos: int) -> re.Match[str] | None:
        i = bisect.bisect_right(self.needs, pos) - 1
        if i >= 0 and self.matches[i].start() >= lo:
            return self.matches[i]
        return None


_OPENING_YEARS: list[_OpeningYears | None] = [None]  # the table of the working text read last


def _result_of_an_opening_year(
    work: str, last: re.Match[str] | None, pos: int, year: int, reported: bool
) -> bool:
    """Whether the figure at ``pos`` is one of the results a paragraph reports after a year that
    opens it or one of its sentences, in a document whose own year is that year or is not given
    (news of a year's results dated by month and day only, or named for the year it reports: …召开
    新闻发布会。2021年,某高新区…实现地区生产总值…、同比增长…;实现一般公共预算收入…;…。2021年,全区…
    集聚规模以上工业企业…家,营业收入达…。其中,…). Shown by 新乡日报 on its 经开区's 2022 results (2022年,
    经开区多项经济指标…:固定资产投资增速21.5%,…) and 陕西农村报 on 陇县's results (2020 年至2024年间,…),
    both tune, where the year reviewed, read from the text, dates them already. The year holds up to another one
    (到2025年, 今年); the caller keeps what is planned (将, 力争, 计划) a target. Unless the text is
    ``reported`` (news, or a text with no year of its own), a year the document is of is read so only
    where a clause compares with the year before (同比, 比上年): 2025年,完成125辆新能源环卫车辆配置
    in a text of 2025 is a goal (静安's 2024 garbage plan, tune). ``last`` is the year that opens the
    paragraph or sentence last before the figure (``_last_opening_year``)."""
    if last is None or int(last["y"]) != year:
        return False
    if _TO_YEAR.search(work, last.end(), pos) is not None or _RELATIVE_YEAR.search(work, last.end(), pos):
        return False  # another year set after it (到2025年, 今年)
    if not reported:
        end = work.find("。", pos, pos + 200)
        if _COMPARED_WITH_THE_YEAR_BEFORE.search(work, last.end(), end if end >= 0 else pos) is None:
            return False  # (to the end of the figure's sentence: 实现…70.2亿元、同比增长4.3%)
    return _RESULT_TOLD.search(work, last.end(), pos) is not None


# The year _kind_and_year gives a figure whose time nothing tells, where the year a document reviews
# would otherwise be supplied: it becomes no year.
_UNTOLD = 0
# 已 before a verb or a preposition: what the speaker reports done, told by tense alone (香港's
# Secretaries in the 2013 budget debate: 當局已從獎券基金撥出3.8億元, 政府已在8個發展項目內預留地方,
# 社署已於4月5日…向超過27萬名合資格的長者發放; 区 work reports: 已为…办理, 已向…拨付). matches:
# "已从", "已在", "已于4月5日", "已由", "已拨出" ; must not match: "而已", "不得已", "已经" (read by
# actual_markers), "已知"
_DONE = re.compile(r"(?<![而得])已[ \t]*(?P<w>从|在|于|由|向|为|拨|批|获|投入|发放|推出|设立|成立|预留)")
# A day of a month with no year: a date of the year of the speech. matches: "4月5日", "4月 5日" ;
# must not match: "2013年4月5日" (a year named: read as one)
_DAY_OF_THIS_YEAR = re.compile(r"(?<![\d年 \t])[ \t]?\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日")


def _done(sentence_before: str, clause_before: str) -> bool | None:
    """Whether a figure is reported done by 已 (its clause's, or the sentence's when it dates the
    sentence: 已于4月5日…), and then whether its time is told: True when the words say now or a
    day of the speech's year (the document's year), False when nothing tells it (year null, as
    ../shared/gold/SCHEMA.md has it); None when no 已 marks it done, or the clause looks ahead."""
    mw = metric_words()
    m = _DONE.search(clause_before)
    if m is None:
        m = _DONE.search(sentence_before)
        if m is None or m["w"] != "于":
            return None
        at, own = m.start(), clause_before
    else:
        at = len(sentence_before) - len(clause_before) + m.start()
        own = clause_before[m.start() :]
    after = sentence_before[at:]
    if _has(own, mw.compiled["future_markers"]):
        return None  # 已在研究,将新增…: the figure's own clause looks ahead
    if m["w"] == "由" and _CHANGED_TO.search(own) is not None:
        return True  # 已由每年14 500個增加至15 000個: where things stand now, after the change
    told = _has(sentence_before, mw.compiled["present_words"]) or _DAY_OF_THIS_YEAR.search(after) is not None
    return told


# What exists counted in its own clause: 现有, a noun, the figure. matches: "现有贫困人口12.5万人," ;
# must not match: "现有政府处所和设施,以及约240个" (the figure in another clause: 现有 as "existing")
_COUNTED_AS_IT_IS = re.compile(r"现有[^\d,;。:]{1,16}\d")


def _tells_the_present(sentence_before: str, clause_before: str) -> bool:
    """Whether the present word found before a figure in its sentence dates it: 现有 in an
    earlier clause is "existing" (现有超载区逐步退出,森林覆盖率超过24.1%: a plan goal in 山西's 2026
    work report, tune), and dates only the figure of its own clause (全区现有企业120家), or the
    clauses after it when it counts what exists (现有贫困人口12.5万人,贫困发生率8.2%)."""
    if "现有" not in sentence_before or "现有" in clause_before:
        return True
    # … unless what exists is counted there: the state the sentence goes on stating (现有贫困人口12.5万
    # 人,贫困发生率8.2%: the rate as it stands too)
    told = sentence_before[sentence_before.rfind("现有") : len(sentence_before) - len(clause_before)]
    if _COUNTED_AS_IT_IS.match(told) is not None:
        return True
    return _has(sentence_before.replace("现有", "  "), metric_words().compiled["present_words"])


# A month or a week just past, or the present one, as a speaker names it (香港's Secretaries in the
# LegCo debates: 上月當我前往美國和加拿大…, 我已於上星期五…諮詢; a security chief's 上月只有19宗;
# 区 work conferences: 上个月全区新增…, 本月以来): what is counted there has happened, in the
# document's year. matches: "上月", "上个月", "本月", "上星期", "上周" ; must not match: "上月底前完成"
# (a deadline: 前 after it), "月上旬"
_LATELY = re.compile(r"(?:上个?月|本月|上星期|上周)(?![底末]?前)")
# The end of a change, just before the figure it reaches. matches: "增加至", "提高到", "增至" ;
# must not match: "至今" (to date)
_CHANGED_TO = re.compile(r"[增升降高加长少][ \t]*[至到][ \t]*\Z")


def _within_years_ahead(work: str, s_lo: int, pos: int) -> bool:
    """Whether the sentence before a figure sets a time limit of N years ahead (2年内完成现有31条…
    治理任务, 杨浦's 内部道路 plan, both its 2年内 and 3年内 clauses; SCHEMA's N年内): the things that
    exist now (现有) are then the work to finish by the limit, a target, not a state reported."""
    if not _years_within_word(work, s_lo, pos):
        return False
    w = _YEARS_WITHIN.search(work, s_lo, pos)
    return w is not None and work.find("现有", w.end(), pos) >= 0


# A count reported by the writer, in a plan's account of the situation it starts from (徐汇's 装修垃圾
# plan: 据统计,本区平均每日非法倾倒…近200吨; 县 plans: 据不完全统计,全县现有…). matches: "据统计,",
# "据不完全统计", "经统计" ; must not match: "统计数据显示将" (no 据 or 经 before it), "纳入统计"
_SURVEYED = re.compile(r"(?:据|经)(?:不完全|初步)?统计")
# The label of what was done, opening a sentence of a yearly list (2016年:计划搬迁…。完成情况:安置点
# 共7个…): its figures are the year's results. matches: "完成情况:", "进展情况:", "执行情况:" ; must not
# match: "完成情况良好" (no label), "基本情况:" (a plan's starting point: see _STOCK_HEADING)
_REPORTED_LABEL = re.compile(r"[ \t]*(?:完成|进展|执行|实施|落实)情况[ \t]*:")
# A sentence that opens with a year and its plan. matches: "2016年:计划搬迁", "2016年,全县计划实现",
# "2016年计划" ; must not match: "2016年计划执行情况" (a review of the plan), "2016年计划总投资" (a size)
_PLANNED_OPENING = re.compile(
    r"[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*[:,]?[ \t]*(?:全[县市区省镇乡])?计划(?![总的占投共执])"
)
# What was done, said beside the plan in its sentence (计划搬迁1200户,实际搬迁1100户; 已完成…).
_DONE_BESIDE_THE_PLAN = re.compile(r"实际|已|完成情况|累计完成")

# The document's own year planned, not reviewed: a plan's goals name its first years one by one (青浦's
# 老旧小区综合改造: 2024年计划改造40万平方米,2025年计划改造60万平方米; 县 annual plans: 2023年目标任务:
# 新建…). matches: "2024年计划改造", "改造目标:2024年", "2024年目标任务:新建" ; must not match:
# "2024年计划执行情况" (no figure planned after it: 计划 must be followed by a verb)
_PLANNED_FOR_THE_YEAR = re.compile(
    r"(?:计划|拟)[ \t]*(?:新|完成|改造|建设|建成|实施|开工|投资|安排|启动|推进|培育|引进|打造)|目标(?:任务)?[ \t]*[:是为]"
)


# A five-year plan's period named in the clause before a figure, then nothing but words: the
# figure is of the period (its last year): done in it when it has ended by the document's year
# (“十三五”期间,累计新增就业…; a 2026 work report's “十四五”时期,GDP年均增长4.4%), planned for it
# otherwise (崇明's 水务 plan: 目前…已完成闸河配套2处,“十四五”计划完成闸河配套8处).
# matches: "“十四五”计划完成", "十三五期间,累计" ; must not match: "十四五规划纲要提出的2025年" (a
# year after it), "十四五期间,今年" (a year after it), "十五" (no 五 after the number)
_NAMED_PERIOD = re.compile(r"十(?P<n>[一二三四五六七八九])五(?P<rest>[^\d]{0,24})\Z")


# A five-year period's end named as a horizon: 到“十四五”末 (马鞍山's 民营经济 rules, a text with no date
# of its own), 到“十五五”期末, 至十四五末期 (provinces' 十四五 plans). Its end year dates the goal even
# when the document gives no year. matches: "到“十四五”末,", "到十五五期末" ; must not match:
# "“十三五”期间," (a span: done or planned, as the document's year says), "十四五以来"; the goals that
# follow it in its sentence share it (到“十四五”末,实体达到25万户,规上企业达到1500家以上)
_PERIOD_END_AHEAD = re.compile(
    r"(?:到|至)[ \t]*[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?[ \t]*(?:规划)?(?:期)?末(?:期|时)?(?P<rest>[^。;!?\n]*)\Z"
)
_A_YEAR_NAMED = re.compile(r"\d{4}[ \t]*年")


def _period_end_ahead(sentence_before: str) -> int | None:
    """The end year of a five-year period named as the horizon of a goal (到“十四五”末), or None."""
    m = _PERIOD_END_AHEAD.search(sentence_before)
    if m is None or _RELATIVE_YEAR.search(m["rest"]) is not None or _A_YEAR_NAMED.search(m["rest"]):
        return None  # (a year named after the horizon dates its figures instead)
    return numbered_plan_period(m["n"])[1]


def _named_period(sentence_before: str, doc_year: int) -> tuple[Kind, int] | None:
    m = _NAMED_PERIOD.search(sentence_before)
    if m is None or _RELATIVE_YEAR.search(m["rest"]) is not None or "以来" in m["rest"]:
        return None  # (今年 or 明年 after it dates the figure instead; “十四五”以来 is a span up to now)
    start = len(sentence_before[: m.start()].rstrip('“" \t'))
    if _ends_with_any(sentence_before, start, metric_words().compiled["base_before"], 0):
        # The base of a comparison (累计使用外资比“十三五”时期增长71%, 城市道路较“十三五”时期增长4.8%, in
        # 山西's 2026 work report, tune; 较“十三五”末净增1万亿元 in 陕西's, tune; 比“十三五”时期增长78.9% in
        # 辽宁's): the figure is of the period that follows it, the one the document's part dates.
        # (快于 and 慢于 are bases too, in base_before: GDP增长4%,快于2024年1.8个百分点, 山西's 2026 report.)
        return None
    _, end = numbered_plan_period(m["n"])
    return ("actual" if end < doc_year else "target"), end


# A share stated as it is, with no verb of change or aim: in a budget speech or a work report
# describing the economy (香港's budget speech: 零售业约占本地生产总值4%, 六项产业的生产值占本地
# 生产总值8.5%; 区 work reports: 服务业占全区经济比重62%). matches: "约占本地生产总值", "占政府经常
# 开支" ; must not match: "占比提高到" (a change: growth words are checked by the caller)
_SHARE_STATED = re.compile(r"占[^,。;:\d]{1,16}?(?:的)?(?:比例|比重)?[ \t]*(?:约|接近|近|达)?[ \t]*\Z")


def _secured(work: str, lo: int, hi: int) -> bool:
    """Whether 争取 in [lo, hi) is followed by the money or projects obtained (争取增发国债项目资金:
    in a review, secured), not by what is striven for (争取达到)."""
    i = work.find("争取", lo, hi)
    return i >= 0 and _has(work[i + 2 : min(hi, i + 10)], metric_words().compiled["fund_nouns"])


# The document's own year said in a sentence without naming it: the whole year, its end, within it
# A sentence about the next five years (《纲要草案》…设定了今后五年…主要指标,包括地区生产总值年均增长5%左右:
# 福建's 2026 work report, tune) is dated by the five-year plan those years make, not by a horizon set
# earlier in its paragraph (…到2035年要…走在前列). matches: "今后五年", "未来5年" ; must not match:
# "五年来" (a review), "今后五年内" is read as any span ahead
_NEXT_FIVE_YEARS = re.compile(r"(?:今后|未来)[ \t]*(?:五|5)[ \t]*年(?!内|来)")


def next_five_years_end(year: int) -> int:
    """The last year of the five-year plan period a document of ``year`` looks ahead over: the
    period that ``year`` falls in (2026: 2026-2030), or the next one when ``year`` ends a period
    (2025, written as 十四五 closes: 2026-2030), as ``five_year_period`` counts the plans."""
    end = five_year_period((year - five_year_period(1)[0]) // 5 + 1)[1]
    return end + 5 if end == year else end


# (县 and 区 one-year 行动计划/工作方案: 到2027年,建成示范村20个。全年新增高标准农田5000亩; 市 annual
# 实施方案: 确保年内完成; 政府工作报告: 今年力争…). A horizon set earlier in the paragraph (到2027年)
# does not date such a sentence. matches: "全年新增", "年底前完成", "到年底", "确保年内", "今年" ;
# must not match: "全年龄段" (an age group), "三年内" (N years from now), "2027年底前" (a year named)
_THIS_YEAR = re.compile(
    r"全年(?!龄)|(?<![\d一二两三四五六七八九十])年(?:底|末)(?:前)?|(?<![\d一二两三四五六七八九十几多])年内|今年|本年度"
)


# A goal paragraph's horizon: a year to reach, opening a sentence or clause of the paragraph; the
# figures of the paragraph's later sentences are for it. (The year itself is found by _TO_YEAR;
# this is what may stand before it.)
# matches: "力争" + "到2027年" after a stop, "。" + "到2025年底" ; must not match: "增加" + "到2021年的"
# (the end of a change reviewed: no clause opens there), "从2012年"
_HORIZON_LEAD = re.compile(r"(?:^|[。;!?\n,:])[ \t]*(?:力争|争取|确保|预计|计划|目标是)?[ \t]*\Z")


# A year alone opening a sentence after a full stop in its paragraph, or opening its line, before a
# comma or a colon (a yearly list: 2016年:计划搬迁…。完成情况:…; 2017年,全县计划…). matches: "。2023年,",
# "\n2016年:" ; must not match: "。2023年底前" (a deadline), "。2023年以来,"
# (The stop is part of the match, not looked back at: the engine skips from stop to stop, where a
# look back is tried at every character of the document. Only the year's group is read.)
_SENTENCE_YEAR = re.compile(r"[。;!?\n][ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*[,:]")
# A span of past years opening a clause, whose later sentences in the paragraph report its last
# year (陕西农村报 on 陇县's 十四五 results, tune: 数据显示,2020 年至2024年间,…年均增速达4.25%…。城乡居民…人
# 均可支配收入分别达38922元…; 县 statistical reviews: 2019年至2021年,全县累计…). Only a year before the
# document's own is read so (_Horizons.past). matches: ",2020 年至2024年间,", "。2019年-2021年," ; must
# not match: "从2020年到2024年" (no clause opens at the first year), "2024年至2026年底前" (no comma)
_PAST_SPAN = re.compile(
    r"[。;!?,:\n][ \t]*(?:19|20)\d{2}[ \t]*年?[ \t]*(?:至|到|—|-|~)[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年(?:间|期间)?[ \t]*,"
)

# _SENTENCE_YEAR and _PAST_SPAN written backwards, to search the text reversed: they open with
# the comma their matches end with, a literal the engine skips to, where the patterns forwards
# open with a class of stops tried at every character of the text (some fifteen times slower).
# The stop they open with forwards is only looked at (a comma may end one span and open the
# next: _backward_years keeps what a forward search keeps); the year's group holds its digits
# reversed.
_SENTENCE_YEAR_BACKWARDS = re.compile(r"[,:][ \t]*年[ \t]*(?P<y>\d{2}(?:91|02))[ \t]*(?=[。;!?\n])")
_PAST_SPAN_BACKWARDS = re.compile(
    r",[ \t]*(?:间|间期)?年[ \t]*(?P<y>\d{2}(?:91|02))[ \t]*(?:至|到|—|-|~)[ \t]*年?[ \t]*\d{2}(?:91|02)"
    r"[ \t]*(?=[。;!?,:\n])"
)


def _backward_years(backwards: re.Pattern[str], reverse: str) -> list[tuple[int, int]]:
    """(offset in the text, year) of the year group of each match that the forward pattern's
    ``finditer`` finds in the text whose reverse is ``reverse``, from the matches of the pattern
    written ``backwards`` (its stop looked at, not matched): in the text's order, each kept only
    where it starts at or after the end of the one kept before it, as a forward search goes on."""
    n = len(reverse)
    out: list[tuple[int, int]] = []
    last_end = 0
    for m in reversed(list(backwards.finditer(reverse))):
        start = n - 1 - m.end()  # (its stop, in the text)
        if start >= last_end:
            out.append((n - m.end("y"), int(m["y"][::-1])))
            last_end = n - m.start()
    return out


class _Horizons:
    """Where a document sets a year to reach at the opening of a clause, found once (the years
    are few; a search per figure would read its paragraph again and again). ``all`` holds every
    year to reach (到2027年), at the opening of a clause or not."""

    __slots__ = ("starts", "years", "all", "span_starts", "span_years")

    def __init__(self, work: str) -> None:
        self.starts: list[int] = []
        self.years: list[int] = []
        self.all: list[int] = []
        for m in _finditer_merged(_TO_YEARS, work):
            a = m.start()
            y = int(m["y"])
            if _TO_DAY.match(work, m.end()) is None:
                self.all.append(y)
            if _HORIZON_LEAD.search(work, max(0, a - 8), a):
                self.starts.append(a)
                self.years.append(y)
        opened = _stage_openings(work)
        self.span_starts: list[int] = []
        self.span_years: list[int] = []
        years_open = work.find("年,") >= 0 or work.find("年:") >= 0
        reverse = work[::-1] if years_open or work.find("年间,") >= 0 else ""
        if reverse:
            for at, y in _backward_years(_PAST_SPAN_BACKWARDS, reverse):
                self.span_starts.append(at)
                self.span_years.append(y)
        if years_open:
            # A sentence inside a paragraph that opens with its year alone (…保障。2023年,计划推进
            # 183个项目。安排58亿元…): the year of the paragraph's later sentences, as 到2027年 is
            # (杭州滨江's 若干政策 items; 区 and 县 work plans: 2024年,全区新增…).
            opened = [*opened, *_backward_years(_SENTENCE_YEAR_BACKWARDS, reverse)]
        if opened:
            pairs = sorted([*zip(self.starts, self.years, strict=True), *opened])
            self.starts = [a for a, _ in pairs]
            self.years = [y for _, y in pairs]

    def year(self, lo: int, hi: int, info: DocInfo) -> int | None:
        """The year a goal paragraph sets (力争到2027年,…) before ``hi`` in the paragraph from
        ``lo``; a year before the document's own is a review's, not a horizon."""
        i = bisect.bisect_left(self.starts, hi) - 1
        if i < 0 or self.starts[i] < lo:
            return None
        best = self.years[i]
        if info.year is not None and best < info.year:
            return None
        return best

    def past(self, lo: int, hi: int, info: DocInfo) -> int | None:
        """The year before the document's own that opens a clause before ``hi`` in the paragraph
        from ``lo`` (…工作。2019年,全市135个街镇…。可回收物回收量4049吨/日…): the year the paragraph's
        later sentences report on."""
        i = bisect.bisect_left(self.starts, hi) - 1
        j = bisect.bisect_left(self.span_starts, hi) - 1
        if j >= 0 and self.span_starts[j] >= lo and (i < 0 or self.span_starts[j] > self.starts[i]):
            # A span of past years opens the clause nearest before: its last year.
            y = self.span_years[j]
            return y if info.year is not None and y < info.year else None
        if i < 0 or self.starts[i] < lo or info.year is None or self.years[i] >= info.year:
            return None
        return self.years[i]


# Done already, said after the figure. matches: "已完成", "已建成", "已通过验收" ; must not match:
# "已有基础上" (a base, not a completion)
_ALREADY = re.compile(r"已(?:经)?(?:完成|建成|实现|通过|投入使用|竣工|开通|落地|达到)")
# What a project or a park will yield once it runs at capacity (达产后, 投产后, 建成后): a capacity, not a
# figure of any year (光明新区's 2016 work report: 园区共入驻65家企业,达产后预计年产值约1136亿元).
# matches: "达产后", "全部投产后", "建成后", "落成后", "达产达效后" ; must not match: "此后", "今后"
_ONCE_RUNNING = re.compile(r"(?:达产|投产|建成|落成|达产达效|满产)后")
# The same capacity told as a condition: what land or projects would yield if carried out (香港's 2013
# policy address: 如果重新发展可提供约…个单位, 如果项目落实,预计可提供超过…个单位), of no year either.
# matches: "如果项目落实,", "如果重新发展" ; must not match: "如果未能按期完成" (no yield follows)
# What land or sites can yield, told with 可 and no time of its own (香港's 2013 budget speech: 两组用地可提供
# 50万平方米的楼面, 预计可以提供175 000平方米的楼面; its 2013 policy address: 可提供约533公顷可发展土地, 房屋
# 用地可建53 800个单位): a capacity of no year, unless a span of years ahead (未来3至4年) dates it.
# matches: "可提供", "可以提供", "可供兴建", "可建" ; must not match: "可持续", "认可"
_CAN_YIELD = re.compile(r"可(?:以)?(?:供兴建|兴建|建|提供)")
_IF_CARRIED_OUT = re.compile(r"如果[^。;]{0,12}?(?:落实|重新发展|建成|投产|达产)")
# A step of a plan's own year, set for a part of it (宝山's 2019 garbage plan, each 镇's row: 上半年完成10%
# 小区，下半年完成20%的小区; district plans' timetables: 一季度完成方案编制): planned, not a part of the year
# already past as in a review (上半年实现营业收入…, read by TO_DATE). matches: "上半年完成", "一季度完成",
# "下半年" ; must not match: "上半年实现" (a result reported)
_HALF_YEAR_STEP = re.compile(r"(?:上半年|[一1]季度)完成|下半年")
# What a plan aims at for a part of its year (确保一季度地区生产总值增长6%, 力争上半年…), in a document
# that reviews no year: a target, not a part of the year gone by. matches: "确保", "力争", "目标" ; must not match: "实现"
_AIMED_AT = re.compile(r"确保|力争|争取|目标|要(?:实现|完成|达到)")
# A standing quota: a figure for every year (每年新增…, 每年度).
# matches: "每年布局", "每年度" ; must not match: "每年龄段" (a count per age group: no verb or 度)
_STANDING = re.compile(r"每年(?:度|[^龄份])")


# A year a plan sets out to reach. matches: "到2027年", "至 2026 年" ; must not match: "2027年" alone
# (It opens with a character class: the engine skips to the next 到 or 至.)
_TO_YEAR = re.compile(r"[到至][ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年")
# A month and a day after the year reached (执行至2024年12月31日, 延长至2025年3月31日): the end of a
# term (a benefit's, a policy's validity), not a year a plan sets out to reach; SCHEMA: a validity end
# date is no metric year. matches: "12月31日", "3月1号" ; must not match: "12月", "底", "6月底前"
_TO_DAY = re.compile(r"[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*[日号]")
# The same, one pattern for each first character (see _finditer_merged).
_TO_YEARS = tuple(re.compile(rf"{c}[ \t]*(?P<y>(?:19|20)\d{{2}})[ \t]*年") for c in "到至")


# A line that opens with a date, after an item's number and the first date of a range. matches:
# "\n1.2025年", "\n2.2025年7月至2025年", "\n(三)2026年" ; must not match: "\n全区在2025年"
# (It opens with a line break: the engine jumps from line to line.)
_STAGE_LINE = re.compile(
    r"\n[ \t]*(?:\d{1,2}[.、．]|\([一二三四五六七八九十\d]{1,3}\))?[ \t]*"
    r"(?:(?:19|20)\d{2}[ \t]*年[^,，。;；\n]{0,8}?)?(?P<y>(?:19|20)\d{2})[ \t]*年"
)
# What follows the opening date up to the comma that ends it. matches: "6月底前,", "12月,", ",",
# "7月至12月," ; must not match: "全区完成投资10亿元," (a sentence, not a date)
_STAGE_AFTER = re.compile(
    r"(?:\d{1,2}[ \t]*月)?(?:[至到~—-][ \t]*\d{1,2}[ \t]*月)?(?:底|末|中旬|上旬|下旬)?(?:前|起|以来)?[ \t]*[,，]"
)


# A line that may open with a date: a quick look before the whole pattern is tried.
_STAGE_CANDIDATE = re.compile(r"\n[ \t]*(?:\d{1,2}[.、．]|\([^)\n]{1,3}\))?[ \t]*(?:19|20)\d{2}")
# A 年 that _STAGE_AFTER follows (it is where _STAGE_LINE ends on a line that opens a stage).
_YEAR_THEN_STAGE_AFTER = re.compile(rf"年(?={_STAGE_AFTER.pattern})")


def _stage_openings(work: str) -> list[tuple[int, int]]:
    """(line start, year) of each line that opens with a date or a span of dates and a comma:
    the stages of a plan's schedule (1.2025年6月底前,…; 2.2025年7月至2025年12月,…新增…30个,总计达
    60个;特色道路10条…). The date is the year of the figures of the whole item, as a horizon
    that opens a goal paragraph is: a plan's schedule (计划安排, 实施步骤) is written so. In the
    tune part only 上海's magnolia plan (市绿化市容局) has such a schedule with figures; a year
    before the document's own stays a review's (see _Horizons.year)."""
    out: list[tuple[int, int]] = []
    # Every such line holds a 年 that _STAGE_AFTER follows (where _STAGE_LINE ends): the lines
    # of those, few, are tried instead of every line (a search led by one character is quick;
    # one led by a line break tries the pattern at every line).
    last = -1
    for hit in _YEAR_THEN_STAGE_AFTER.finditer(work):
        nl = work.rfind("\n", 0, hit.start())
        if nl < 0 or nl == last:
            continue  # the first line is read below; a line is tried once
        last = nl
        c = _STAGE_CANDIDATE.match(work, nl)
        if c is None:
            continue
        m = _STAGE_LINE.match(work, c.start())
        if m is None or _STAGE_AFTER.match(work, m.end()) is None:
            continue
        out.append((c.start() + 1, int(m["y"])))
    first = _STAGE_LINE.match("\n" + work[:40])  # the first line has no line break before it
    if first is not None and _STAGE_AFTER.match(work, first.end() - 1) is not None:
        out.insert(0, (0, int(first["y"])))
    return out


def _plans_one_year(info: DocInfo) -> bool:
    """Whether the document plans for one year: a work report, or a plan with no period whose
    title names its year (静安区2025年生活垃圾分类工作实施方案, 数字山东2019行动方案; with no title
    found, the year it is known by)."""
    if info.kind == "work_report":
        return True
    if info.period_start is not None:
        return info.period_start == info.period_end  # a period of one year (docinfo.plan_year)
    if info.kind != "plan" or info.year is None:
        return False
    return not info.title or str(info.year) in info.title


@lru_cache(maxsize=1)
def _indicator_tail() -> _WordList:
    """Words that end an indicator's phrase but are not part of its name."""
    mw = metric_words()
    return _WordList((*mw.cmp_before, *_INDICATOR_TAIL, *_SUBJECT_VERBS, *mw.words("change_to_words")))


# The name of an economic quantity (a sum, an output, a value) at the end of an indicator: what
# 完成 / 实现 before it reports, so the verb names nothing (全年完成地区生产总值295亿元: 地区生产总值). Amounts
# of work (完成投资, 完成营造林) keep their verb: it is their name.
# matches: the end of "财政总收入", "建筑业总产值", "地区生产总值(GDP)", "固定资产投资额", "税收" ;
# must not match: the end of "投资", "营造林", "棚户区改造"
_VALUE_NAME_END = re.compile(r"(?:值|收入|税收|额|资金)(?:\([A-Za-z]{2,5}\))?\Z")
# A change's verb and its 至 / 到 at the end of an indicator: the figure is where the indicator
# arrives (产业化龙头企业发展到22家, 失业率微升至3.5%, 公办幼儿园学位至1800个).
# matches: "发展到", "微升至", "增加至", "扩容至", "至" ; must not match: "直至", "截至" (see _NOT_BEFORE_TO)
_CHANGED_TO_END = re.compile(
    r"(?P<v>(?:稳步|逐步|进一步|微|亦|会|将)*"
    r"(?:增加|发展|扩容|扩大|扩充|扩展|上升|下降|回落|攀升|提高|提升|减少|升|降|减|增))?[至到]\Z"
)
_NOT_BEFORE_TO = frozenset("直截年月日0123456789 \t")
# The verb of a raise at the head of a stock reached by 至 (扩充X至N: X is the stock).
_RAISED = re.compile(r"扩充|扩大|增加|提高|提升")
# A goal's own words after its name (新设企业目标任务1000家: the firms are the indicator).
_GOAL_WORDS_END = re.compile(r"(?<=[\u4e00-\u9fff])目标任务(?:数)?[ \t]*(?:为|是)?[ \t]*\Z")


def _trim_left(work: str, lo: int, hi: int, keep_growth: bool = False) -> tuple[int, int]:
    """[lo, hi) less leading time and growth words and trailing years, comparators and verbs."""
    if hi <= lo:
        return lo, hi
    a, b = _trim(work[lo:hi], keep_growth)
    return lo + a, lo + b


# What may stand at either end of an indicator's words and is none of its name: spaces, list marks
# and the bars of a table's cells.
_CELL_EDGE = " \t、,|｜"


@lru_cache(maxsize=4096)
def _trim(words: str, keep_growth: bool) -> tuple[int, int]:
    """``_trim_left`` of a whole string: it reads nothing outside [lo, hi), and the same words
    come back often (a table repeats its row headings)."""
    mw = metric_words()
    tail = _indicator_tail()
    work, lo, hi = words, 0, len(words)
    while True:
        start = lo
        lead = _LEAD_NOISE.match(work, lo, hi)
        if lead and lead.end() > lo:
            lo = lead.end()
        grow = "" if keep_growth else _starts_with_any(work, lo, mw.compiled["growth_words"], hi)
        if grow:
            lo = work.index(grow, lo) + len(grow)
            if work[lo : lo + 1] in ("到", "至") and lo < hi:
                lo += 1  # the end of a change: 由300家增加到500家 (not an indicator's 到)
        if lo == start:
            break
    while hi > lo and work[hi - 1] in _CELL_EDGE:
        hi -= 1  # the bars of a row of a pipe table read as text (| 粮食产量 | 35万吨 |) name nothing
    goal = _GOAL_WORDS_END.search(work, lo, hi)
    if goal and goal.start() > lo + 1:
        hi = goal.start()
    while hi > lo:
        year = _TRAILING_YEAR.search(work, max(lo, hi - 12), hi) if work[hi - 1] in "年的底末 \t" else None
        if year:
            hi = year.start()
            continue
        w = _ends_with_any(work, hi, tail, lo)
        if not w and work[hi - 1] in "至到":
            to = _CHANGED_TO_END.search(work, max(lo, hi - 10), hi)
            if to and to.start() > lo + 1 and work[to.start() - 1] not in _NOT_BEFORE_TO:
                hi = to.start()
                if not to.group("v"):
                    verb = _RAISED.match(work, lo, hi)  # 扩充公办幼儿园学位至1800个: the stock reached
                    if verb and hi - verb.end() >= 2:
                        lo = verb.end()
                continue
        if not w or (w in mw.cmp_before and _ends_with_any(work, hi, mw.compiled["not_comparators"], lo)):
            break
        hi = work.rindex(w, lo, hi)
    while lo < hi and work[lo] in _CELL_EDGE:
        lo += 1
    while hi > lo and work[hi - 1] in _CELL_EDGE:
        hi -= 1
    if work.startswith("完成", lo) and _VALUE_NAME_END.search(work, lo + 2, hi):
        lo += 2  # 完成税收9亿元: the sum is the tax, what was done names nothing (完成投资 is a name)
    return lo, hi


def _indicator(
    text: str, work: str, fig: _Figure, clause: tuple[int, int], s_lo: int, figures: _Matches
) -> str:
    """What is measured: the words of the clause before the figure (less time words and
    comparators) and the noun after it, sliced from ``text``. A figure of a list takes its own
    name (批发业、零售业销售额分别达到X、Y); a clause that opens with 占 / 增长 takes the subject of the
    clause before it (地区生产总值完成X,增长Y%)."""
    lo, hi = clause
    if fig.unit in _PAIRED_UNITS:
        named = _pair_of_households_and_people(text, work, fig, lo, hi, figures)
        if named:
            return named
    figs = [m for m in figures.within(lo, hi) if m.start() <= fig.start]
    k = len(figs) - 1
    first = figs[0].start() if figs else fig.start
    base_lo, base_hi = _trim_left(work, lo, first)
    if (
        base_hi <= base_lo
        and lo < first
        and _counts_a_noun(work, figs[0].end() if figs else fig.end, hi, fig.unit)
    ):
        # 增加1万个普通高中学位: a change written before a count of its noun is the indicator's verb
        # (增加…学位, as 新增 is); a change after its subject (学位增加1万个) stays trimmed there
        v_hi = first
        while v_hi > lo and work[v_hi - 1] in " \t":
            v_hi -= 1
        grow = _ends_with_any(work, v_hi, metric_words().compiled["growth_words"], lo)
        if grow and v_hi - len(grow) >= lo:
            base_lo, base_hi = v_hi - len(grow), v_hi
    if k > 0:
        prev_end = figs[k - 1].end()
        own_item = False
        left_lo, left_hi = _trim_left(work, prev_end, fig.start)
        if _THRESHOLD_IN_A_NAME.match(work, prev_end, fig.start) and "、" not in work[prev_end : fig.start]:
            # 其中亿元以上项目1500个: the figure before is a threshold inside this figure's name
            a = max(lo, figs[k - 2].end() if k > 1 else lo)
            for stop in _LIST_STOP.finditer(work, a, figs[k - 1].start()):
                a = stop.end()
            left_lo, left_hi = _trim_left(work, a, fig.start)
        else:
            own = _OWN_NOUN.match(work, prev_end, fig.start)
            if own is not None and _counts_a_noun(work, fig.end, hi, fig.unit):
                # 确保40个项目开工、40个项目投产: the words up to 、 are the figure before's own noun;
                # this figure, a count before its noun too, shares only the clause's head with it
                # when the first figure of the clause is one as well (培育10个X、100个Y: 培育Y)
                own_item = True
                left_lo, left_hi = _trim_left(work, own.end(), fig.start)
                if (
                    left_hi <= left_lo
                    and _COUNTED_NOUN.match(work, figs[0].end(), hi)
                    and "、" not in work[lo:first]
                ):
                    left_lo, left_hi = base_lo, base_hi
        if left_hi <= left_lo and not own_item:
            left_lo, left_hi = base_lo, base_hi
    else:
        left_lo, left_hi = base_lo, base_hi
    pieces: list[str] = []
    split = work.find("分别", base_lo, first)
    if k > 0 and split > base_lo and _JOINERS_ONLY.fullmatch(work, left_lo, left_hi):
        left_lo, left_hi = base_lo, base_hi  # …分别达到4.2万元和2.3万元: the second figure's 和 names nothing
    if split > base_lo and (left_lo, left_hi) == (base_lo, base_hi):
        names = _distributed_names(text, work, base_lo, split)
        if len(names) > 1:
            # (a growth distributed is named as one: 城乡居民收入分别增长8%和9%: …收入增长)
            g_lo, g_hi = _trim_left(work, split + 2, first, keep_growth=True)
            growth = text[g_lo:g_hi] if work[g_lo:g_hi] in _GROWTHS else ""
            pieces.append(names[min(k, len(names) - 1)] + growth)
            left_lo = left_hi = base_lo
    elif split < 0 and _town_and_country_pair(work, base_lo, base_hi, figures.within(lo, hi)):
        # 城乡居民人均可支配收入增长6.5%、7.8%: two figures side by side after one name of 城乡 are the
        # town's and the country's, as with 分别
        names = _distributed_names(text, work, base_lo, base_hi)
        if len(names) == 2 and k < 2:
            pieces.append(names[k])
            left_lo = left_hi = base_lo
    elif (
        s_lo < lo
        and work.startswith("分别", base_lo)
        and (k == 0 or _JOINERS_ONLY.fullmatch(work, left_lo, left_hi))
        and (before := work.rfind("分别", s_lo, lo)) > s_lo
    ):
        # A clause that opens with 分别 (…收入分别达到4.2万元和2.3万元,分别增长5.1%和7.2%) distributes its
        # figures over the names the clause before it distributed its own over.
        a = s_lo
        for stop in _CLAUSE_END.finditer(work, s_lo, before):
            a = stop.end()
        n_lo, n_hi = _trim_left(work, a, before)
        names = _distributed_names(text, work, n_lo, n_hi)
        if len(names) > 1:
            pieces.append(names[min(k, len(names) - 1)])
            left_lo, left_hi = base_lo + 2, base_hi
    left = text[left_lo:left_hi]
    if len(left) > 30:
        left = left[-30:]
    if (
        k > 0
        and not pieces
        and left_lo > base_lo
        and base_hi > base_lo
        and work.startswith(_BORROW_SUBJECT, work.find("、", figs[k - 1].end(), fig.start) + 1 or left_lo)
    ):
        # A growth listed after its subject's figure (地区生产总值达910.6亿元、增长11.7%) is that
        # subject's growth.
        pieces.append(text[base_lo:base_hi])
    if s_lo < lo and not pieces:
        # A clause with no subject of its own (…完成X亿元,增长6.2%) borrows the one before it.
        # (with no first character of a growth word in it, the clause keeps what its trim above
        # strips: that trim is its own)
        if metric_words().compiled["growth_words"].firsts.isdisjoint(work[lo:first]):
            own_lo, own_hi = base_lo, base_hi
        else:
            own_lo, own_hi = _trim_left(work, lo, first, keep_growth=True)
        if (not left and not _counts_a_noun(work, fig.end, hi, fig.unit)) or work.startswith(
            _BORROW_SUBJECT, own_lo
        ):
            # (a count before its noun names its own indicator: 乡镇卫生院 of ,7个乡镇卫生院完成搬迁)
            prev = _bound_prev(work, s_lo, lo, figures)
            if prev is not None:
                pieces.append(text[prev[0] : prev[1]])
                if k == 0 and own_hi > own_lo:
                    left = text[own_lo:own_hi]
    pieces.append(left)
    pieces.append(_right_noun(text, work, fig, hi))
    out = _no_spaces("".join(pieces)).strip("、,")
    return out or text[fig.start : fig.raw_end]


# The units of a pair of figures that count the households and the people of one thing (搬迁4500户
# 18000人, 安置1200户、4800人).
_PAIRED_UNITS = frozenset(("户", "人"))


def _pair_of_households_and_people(
    text: str, work: str, fig: _Figure, lo: int, hi: int, figures: _Matches
) -> str:
    """The name of a figure of households or people written side by side with the other (搬迁4500户
    18000人, joined by nothing or 、): the words before the pair, and 户数 or 人数 (as 完成3800户、58万
    平方米棚户区改造 names 棚户区改造户数 and 棚户区改造面积), neither name holding the other figure
    (搬迁18000人 for the households). Empty when the figure is of no such pair."""
    figs = figures.within(lo, hi)
    i = next((j for j, m in enumerate(figs) if m.start() == fig.start), -1)
    if i < 0:
        return ""
    other = "人" if fig.unit == "户" else "户"
    first = -1
    for j in (i - 1, i + 1):
        if 0 <= j < len(figs):
            a, b = (figs[j], figs[i]) if j < i else (figs[i], figs[j])
            if work[a.end() : b.start()].strip(" \t、") == "" and figs[j].group().rstrip().endswith(other):
                first = a.start()
                break
    if first < 0:
        return ""
    n_lo, n_hi = _trim_left(work, lo, first)
    name = _no_spaces(text[n_lo:n_hi]).strip("、,，")
    if not name:
        return ""
    if fig.unit == "人":
        return name + "人数"
    return name + ("数" if name.endswith("户") else "户数")


# A figure that is a threshold inside the name of the figure after it (亿元以上项目1500个, 3岁以下
# 婴幼儿托位数4.6个): its comparator runs on into a noun. matches: "以上项目", "以下婴幼儿", "及以上的企业" ;
# must not match: "以上、", "以上,"
_THRESHOLD_IN_A_NAME = re.compile(r"[ \t]*(?:及)?以[上下](?:的)?[ \t]*[\u4e00-\u9fff“\"]")
# Where an item of a list begins: after 、 or a clause's comma.
_LIST_STOP = re.compile(r"[、,;]")
# The noun a counted figure is followed by up to the 、 that ends its item (40个项目开工、: 项目开工),
# after the figure's own comparator. matches: "项目开工、", "以上精品示范村、" ; must not match: "、"
_OWN_NOUN = re.compile(
    r"[ \t]*(?:及)?(?:以上|以下|左右|以内|多|余)?(?:的)?[ \t]*(?P<noun>[\u4e00-\u9fff“”\"]+)[ \t]*、"
)
# A noun right after a figure (a count written before what it counts: 40个项目开工), not a change
# (8万亿元增长至…) nor a share (…的生产效率). matches: "项目开工", "左右提档升级村" ; must not match:
# "增长至", "提高到", "的"
_COUNTED_NOUN = re.compile(
    r"[ \t]*(?:及)?(?:以上|以下|左右|以内|多|余)?[ \t]*(?![增提降下上升减扩达突超翻回的占比较同])[\u4e00-\u9fff“\"]"
)
# Units that measure an amount rather than count things: no noun after them is counted.
_NOT_COUNTS = frozenset(("元", "个百分点", "倍", "‰", ""))


def _counts_a_noun(work: str, end: int, hi: int, unit: str) -> bool:
    """A count written before the noun it counts (7个乡镇卫生院完成搬迁): the noun names the indicator.
    (A noun of two characters may be a measure of the clause before: 空洞修复…,完成14个点位.)"""
    if unit in _NOT_COUNTS or _COUNTED_NOUN.match(work, end, hi) is None:
        return False
    noun = _RIGHT_STOP.search(work, end, hi)
    return (noun.start() if noun else hi) - end >= 3


# What stands between two figures distributed by 分别 and names nothing (4.2万元和2.3万元, 5%、6%).
_JOINERS_ONLY = re.compile(r"[和与及、,或 \t]*")


# 城乡 before the people or places it joins: the town's and the country's (城乡居民: 城镇居民, 农村居民).
# matches: "城乡" of "城乡居民人均可支配收入" ; must not match: "城乡融合" (one thing of both)
_TOWN_AND_COUNTRY = re.compile(r"城乡(?=居民|常住居民|低保|医疗|养老)")


def _town_and_country_pair(work: str, lo: int, hi: int, figs: list[re.Match[str]]) -> bool:
    """Two figures of a clause joined by nothing but 、/和 after a name of 城乡 (…收入增长6%、8%)."""
    return (
        len(figs) == 2
        and _TOWN_AND_COUNTRY.search(work, lo, hi) is not None
        and _JOINERS_ONLY.fullmatch(work, figs[0].end(), figs[1].start()) is not None
    )


# The growth words a distributed figure's name keeps (增长, 下降…).
_GROWTHS = frozenset(("增长", "下降", "提高", "降低", "减少", "增加", "提升", "年均增长"))


def _distributed_names(text: str, work: str, lo: int, hi: int) -> list[str]:
    """The names a 分别 before ``hi`` distributes its figures over: the words from ``lo`` split at
    、/和/与. Short heads that share the last name's tail take it (城镇和农村居民人均可支配收入: 城镇居民人均
    可支配收入 and 农村居民人均可支配收入; 城镇居民、农村居民人均可支配收入 likewise); longer names are
    whole (一般公共预算收入和税收收入)."""
    spans = [(m.start(), m.end()) for m in _NAME.finditer(work, lo, hi)]
    names = [_no_spaces(text[a:b]).strip() for a, b in spans]
    names = [n for n in names if n]
    if len(names) == 1 and (town := _TOWN_AND_COUNTRY.search(names[0])) is not None:
        # 城乡 over two figures is 城镇 and 农村 (城乡居民人均可支配收入分别增长8%和9%)
        n, a = names[0], town.start()
        return [n[:a] + "城镇" + n[a + 2 :], n[:a] + "农村" + n[a + 2 :]]
    if len(names) < 2:
        return names
    last = names[-1]
    heads = names[:-1]
    if all(len(n) <= 4 for n in heads) and all(len(last) > len(n) + 1 for n in heads):
        names = [n + last[len(n) :] for n in heads] + [last]
    return names


def _bound_prev(work: str, s_lo: int, lo: int, figures: _Matches) -> tuple[int, int] | None:
    """The subject of the clause before ``lo`` in its sentence: its words up to its figure. A
    share's clause, which borrows its own subject (占年计划的48.2%), is passed over for the one before
    it (地区生产总值完成45.6亿元,占年计划的48.2%,同比增长4.1%: the growth is of 地区生产总值)."""
    a = s_lo
    for stop in _CLAUSE_END.finditer(work, s_lo, lo - 1):
        if work[stop.end() : stop.end() + 1] != "占":
            a = stop.end()
    inside = figures.within(a, lo - 1)
    end = inside[0].start() if inside else lo - 1
    p_lo, p_hi = _trim_left(work, a, end)
    return (p_lo, p_hi) if p_hi > p_lo else None
