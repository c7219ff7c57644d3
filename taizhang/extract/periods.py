"""The periods a speech or report reviews and plans: fiscal years, year headings, parts of a year.

Budget speeches and government work reports review one period and plan the next. They say which
by conventions of their own, read here on the working text (simplified script):

- a fiscal year across two calendar years (``2013-14年度``, ``2012-2013财政年度``) is the year it
  ends in; one that ends in the document's own year or before is being closed (its revised
  estimates, 修订预算, are reported), a later one is planned;
- an unnumbered heading that names a year or a fiscal year (``2012年经济表现``,
  ``2013-2014年度财政预算``) dates the section under it, up to the next heading;
- a paragraph that opens with a fiscal year (``在2013-2014年度,…``) is of that year;
- a part of the year already past (``今年首季``, ``首两个月``, ``前三季度``) is reported.

``metrics`` asks these functions; they import nothing of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

from .numbers import YEAR_DIGITS_TO_ARABIC, NumberError, parse_number

__all__ = [
    "FISCAL_YEAR",
    "TO_DATE",
    "PeriodMark",
    "may_be_to_date",
    "fiscal_year_closed",
    "years_ahead",
    "relative_fiscal_years",
    "FiscalNow",
    "reviews_past_years",
    "year_heading_marks",
    "fiscal_paragraph_marks",
    "arabic_years",
]

Kind = Literal["target", "actual"]

# A fiscal year across two calendar years (or a tax or school year so named); its figures are for
# the year it ends in. matches: "2013-14年度", "2013-2014年度", "2012-2013财政年度", "2011-2012学年" ;
# must not match: "2013年度" (one year), "2021-2025年" (a period)
# (No digit before it is asked after its first digit, looking back past that digit: a pattern
# that opens with a digit lets the engine skip to the next 1 or 2 at once, where one that opens
# with the look back is tried at every character; it is searched for in a whole document.)
FISCAL_YEAR = re.compile(
    r"(?P<a>(?:1(?<!\d.)9|2(?<!\d.)0)\d{2})[ \t]*[-–—/][ \t]*(?P<b>(?:19|20)\d{2}|\d{2})[ \t]*(?:(?:财政|课税)?年度|学年)"
)
# A part of the year already past: its figures are reported, not planned. Mainland reports count
# 季度, Hong Kong's speeches 季 and 首N个月.
# matches: "前三季度", "上半年", "1-9月", "一季度", "首季", "第一季", "首 3季", "首两个月" ;
# must not match: "下半年", "第四季度末前", "第一季度末前" is matched only as "第一季" (past by then)
TO_DATE = re.compile(
    r"前[一二三]季度|上半年|[一1]季度|(?<!\d)1[-~至]\d{1,2}月|截至目前"
    r"|首[ \t]*(?:[一二两三1-3][ \t]*)?季|第一季|首[ \t]*[一二两三四五六七八九十\d]{1,2}[ \t]*个月"
)


# A year written in Chinese numerals digit by digit, as 香港's budget speeches and policy addresses
# write them (hk_budget_speech_2019_part: 二零一八年經濟回顧, 二零一九至二零年度;
# hk_budget_speech_2014_part: 二零一四/一五年度的政府经营开支), and a fiscal year so written.
# matches: "二零一八年", "二〇二四年", "二零一四/一五年度", "二零一九至二零年度", "一九九七年" ;
# must not match: "二十年" (not four digits), "二零一四" with no 年 after it, "十二零一八年" (a numeral before)
_CN_YEAR = re.compile(
    r"(?P<a>(?:一九|二[〇零])[〇零一二三四五六七八九]{2})"
    r"(?:(?=[ \t]*年)|(?P<sep>[ \t]*[-–—/至][ \t]*)"
    r"(?P<b>(?:一九|二[〇零])[〇零一二三四五六七八九]{2}|[〇零一二三四五六七八九]{2})(?=[ \t]*(?:(?:财政|课税)?年度|学年)))"
)
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿点两")


def _cn_years(work: str) -> list[re.Match[str]]:
    """``_CN_YEAR.finditer(work)``, tried only where a year's first two digits stand (一九, 二〇,
    二零: found at the speed of a literal's search, where the pattern, which opens with a choice,
    is tried at every character): in order, each from the end of the one found before it."""
    openings: list[int] = []
    for first in ("一九", "二〇", "二零"):
        at = work.find(first)
        while at >= 0:
            openings.append(at)
            at = work.find(first, at + 2)
    out: list[re.Match[str]] = []
    last_end = 0
    for at in sorted(openings):
        if at >= last_end and (m := _CN_YEAR.match(work, at)) is not None:
            out.append(m)
            last_end = m.end()
    return out


def arabic_years(work: str) -> str:
    """``work`` with the years written in Chinese numerals digit by digit rewritten in Arabic
    digits, character for character (the same length), and a fiscal year's 至 as a dash
    (二零一九至二零年度 -> 2019-20年度): the year readers here read Arabic years only."""
    if "二零" not in work and "二〇" not in work and "一九" not in work:
        return work
    parts: list[str] = []
    last = 0
    for m in _cn_years(work):
        if m.start() > 0 and work[m.start() - 1] in _NUMERALS:
            continue  # inside a longer numeral: 一千二零…
        parts.append(work[last : m.start()])
        parts.append(m["a"].translate(YEAR_DIGITS_TO_ARABIC))
        if m["b"] is not None:
            parts.append(m["sep"].replace("至", "-"))
            parts.append(m["b"].translate(YEAR_DIGITS_TO_ARABIC))
        last = m.end()
    if not parts:
        return work
    parts.append(work[last:])
    return "".join(parts)


def may_be_to_date(words: str) -> bool:
    """Whether ``words`` hold what every match of ``TO_DATE`` holds (cheaper than the pattern,
    which is tried at every character)."""
    return "季" in words or "月" in words or "上半年" in words or "截至目前" in words


def fiscal_year_closed(work: str, lo: int, pos: int, year: int, doc_year: int | None) -> bool:
    """Whether the year ``year`` named nearest before ``pos`` (from ``lo``) is a fiscal year that
    ends in the document's own year or before: a budget speech given in its last months reports
    it (its revised estimates), as Hong Kong's budget speeches report the year about to close
    (hk_budget_speech_2013: 2012-2013年度政府收入的修订预算; hk_fs_policy_debate_housing_2013:
    2012-2013财政年度的土地供应)."""
    if doc_year is None or year > doc_year or work.find("年", lo, pos) < 0:
        return False
    last = None
    for m in FISCAL_YEAR.finditer(work, lo, pos):
        last = m
    if last is None:
        return False
    return _end_year(last) == year and work.find("年", last.end(), pos) < 0


def _end_year(m: re.Match[str]) -> int:
    a, b = int(m["a"]), m["b"]
    return int(b) if len(b) == 4 else a + 1


# A span of years up to the time of writing, named inside a sentence: what it reports is done.
# matches: "过去5年", "过去 10 年", "在过去数年", "过去一年", "近五年来", "十年来" ; must not match:
# "未来5年", "5年内", "过去的做法" (no span of years), "近年" alone
_PAST_YEARS = re.compile(
    r"过去[ \t]*(?:[一二两三四五六七八九十几数]{1,3}|\d{1,2})[ \t]*年"
    r"|近?[ \t]*(?:[一二两三四五六七八九十几]{1,3}|\d{1,2})[ \t]*年(?:以)?来"
)


def reviews_past_years(sentence_before: str) -> bool:
    """Whether the words of a sentence before a figure name a span of years up to the time of
    writing (在过去5年,…增长超过40%; 十年来,…): the figure reports what was done in it, even
    inside a part that plans. Hong Kong's budget speeches review so in the middle of their
    proposals (hk_budget_speech_2013: 过去5年…货物贸易亦大幅增长超过40%), and mainland work reports
    in the middle of their tasks (五年来,…)."""
    if "年" not in sentence_before:
        return False
    return _PAST_YEARS.search(sentence_before) is not None


# A fiscal year named relative to the time of writing, and its distance from the current one.
# matches: "本财政年度", "今个财政年度", "本年度", "下一个财政年度", "下一年度", "来年", "上年度" ;
# must not match: "未来年" (the future), "带来年均" (来年 not after a stop or 在/于/会), "年度" alone
_RELATIVE_FISCAL = re.compile(
    r"(?P<now>(?:本|今个|这个)财政年度|本年度)|(?P<next>下一?个?财政年度|下一?年度|(?<![^在于会,。:;\s])来年度?)"
    r"|(?P<last>上一?个?财政年度|上一?年度)"
)
# A date: the document's own tells which fiscal year is current. matches: "2013年 4月 24日"
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*(?P<m>1[0-2]|0?[1-9])[ \t]*月[ \t]*\d{1,2}[ \t]*日")


def _current_fiscal_end(work: str, doc_year: int) -> int:
    """The year the fiscal year current at the time of writing ends in. Where the document names
    fiscal years across two calendar years (Hong Kong's, from April), a date of the document's
    year in its first lines says whether the year has turned (a budget in February closes the
    year ending in March, a debate in April is in the next); with none, the budget's own time
    (before April) is taken. Elsewhere the fiscal year is the calendar year."""
    if FISCAL_YEAR.search(work) is None:
        return doc_year
    for m in _DATE.finditer(work, 0, min(len(work), 3000)):
        if int(m["y"]) == doc_year:
            return doc_year + 1 if int(m["m"]) >= 4 else doc_year
    return doc_year


class FiscalNow:
    """The fiscal year current at the time of writing of one document (``_current_fiscal_end``),
    found the first time a relative fiscal year asks for it: a search of the whole text, made at
    most once per document (most documents never ask), and no memo outlives the document."""

    __slots__ = ("_work", "_doc_year", "_end")

    def __init__(self, work: str, doc_year: int) -> None:
        self._work = work
        self._doc_year = doc_year
        self._end: int | None = None

    def end(self) -> int:
        if self._end is None:
            self._end = _current_fiscal_end(self._work, self._doc_year)
        return self._end


def relative_fiscal_years(
    work: str, lo: int, pos: int, doc_year: int, fiscal: FiscalNow | None = None
) -> Iterator[tuple[int, int]]:
    """(offset, year it ends in) of each fiscal year named relative to the time of writing in
    [lo, pos): 本年度, 今个财政年度 (the current one), 下一个财政年度, 来年 (the next), 上年度 (the
    last). A budget speech names the years so (hk_budget_speech_2013: 在下一个财政年度,我们会提供
    额外4,400万元; 本年度首3季楼市交投较活跃; hk_budget_debate_reply_2013, given in April: 今个财政
    年度的房屋土地供应), and mainland reports name the calendar year so (本年度, 下年度).
    ``fiscal``: the document's current fiscal year, when the caller keeps one for the document."""
    if work.find("年", lo, pos) < 0:
        return
    # (Every way of _RELATIVE_FISCAL holds 年度 or 来年; the pattern, one way of which opens with a
    # look back, is tried at every character.)
    if work.find("年度", lo, pos) < 0 and work.find("来年", lo, pos) < 0:
        return
    now: int | None = None
    for m in _RELATIVE_FISCAL.finditer(work, lo, pos):
        if now is None:
            now = fiscal.end() if fiscal is not None else _current_fiscal_end(work, doc_year)
        step = 0 if m["now"] else 1 if m["next"] else -1
        yield m.start(), now + step


# A span of years from now on. matches: "未来5年", "未来 3年至 4年" (from the first), "未来一年" ;
# must not match: "未来一段时间", "未来发展", "过去5年"
_YEARS_AHEAD = re.compile(r"未来[ \t]*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})[ \t]*(?:个[ \t]*)?年")


def years_ahead(work: str, lo: int, pos: int, doc_year: int) -> int | None:
    """The year a span of years from now on ends in (未来5年,…: the document's year + 5), named in
    [lo, pos); for a range (未来3年至4年) its first bound. As ``N年内`` counts from the document's
    year, so does 未来N年 (hk_budget_debate_reply_2013: 未来3年至4年,私人住宅一手市场预计可以提供
    67 000个单位; hk_budget_speech_2013: 未来5年…投放45亿元)."""
    if work.find("未来", lo, pos) < 0:
        return None
    m = _YEARS_AHEAD.search(work, lo, pos)
    if m is None:
        return None
    try:
        k = int(parse_number(m["n"]))
    except NumberError:
        return None
    return doc_year + k if 0 < k <= 30 else None


class PeriodMark(NamedTuple):
    """Where a section or paragraph of one period begins, its kind and year, and where it ends."""

    start: int
    kind: Kind
    year: int
    end: int


# The words of a heading that reviews a year (2022成绩单, 2022年工作回顾) and of one that sets its
# targets (2023新目标, 2023年目标任务): a news page's sections, a year's report of results, name their
# year so, often without 年 (数说-style pages: 2022成绩单 / 2023新目标). A review word makes the section
# reported even when the year is the document's own (a year-end page dated in the year it reviews).
_REVIEW_HEADS = ("成绩单", "成绩", "回顾", "成效", "成就", "盘点", "答卷", "完成情况", "亮点")
_TARGET_HEADS = ("目标", "展望", "计划", "安排", "任务", "打算")
_REVIEWED_OPENINGS = tuple(w for h in _REVIEW_HEADS for w in (h, "工作" + h, "全年" + h, "年度" + h))

# An unnumbered heading that opens with a year or a fiscal year: a short line of its own, no
# clause punctuation, no date (in a PDF's text, after a blank line and maybe a page number). (The
# pattern opens with a line break: the engine jumps from one to the next.)
# matches: "\n \n2012年经济表现", "\n2013-2014年度财政预算", "\n2025年工作安排" ; must not match:
# "\n2012年,全市…" (a sentence), "\n2025年1月19日" (a date), "\n到2025年" (a horizon), a line of
# 30 characters
_YEAR_HEADING = re.compile(
    r"\n(?:[ \t]*\n(?:[ \t]*\d{1,5}[ \t]*\n)?)?(?P<line>[ \t]*(?:(?P<a>(?:19|20)\d{2})[ \t]*[-–—/][ \t]*"
    r"(?P<b>(?:19|20)\d{2}|\d{2})[ \t]*(?:财政)?年度|(?P<y>(?:19|20)\d{2})(?:[ \t]*年(?!度)|(?=[ \t]*(?:新|全年|年度)?(?:"
    + "|".join(_REVIEW_HEADS + _TARGET_HEADS)
    + r"))))"
    r"[^\n\d,.;:!?、。]{2,16}?[ \t]*)(?=\n|\Z)"
)
# A figure in a short line: a number and its measure word or %, not a year's (not before 年, not
# four digits from 19 or 20), not an item's number. matches: "增长8%", "71个村", "500万亩" ; must not
# match: "2013年经济展望", "第二部分", "(3)强化保障", "第3部分", "5G网络建设"
_FIGURE_IN_LINE = re.compile(
    r"(?<![\d.(第])(?!(?:19|20)\d{2}(?![\d.万亿千百]))\d+(?:\.\d+)?[ \t]*(?:%|(?![年)])[\u4e00-\u9fff])"
)
# The last words of a document's title: a line that ends so names a document, not a section.
_DOCUMENT_KINDS = ("报告", "方案", "计划", "清单", "意见", "通知", "办法", "规划", "要点", "预算案")
# A line that may be an unnumbered heading: 2 to 20 characters, none a clause's punctuation, with
# a blank line before and after it. matches: "\n \n推经济增就业  " ; must not match: a page number
_HEADING_LIKE = re.compile(
    r"\n[ \t]*\n(?:[ \t]*\d{1,5}[ \t]*\n)?(?P<line>[ \t]*[^\s,.;:!?、。()][^\n,.;:!?、。]{1,19}?[ \t]*)(?=\n[ \t]*\n|\Z)"
)


def year_heading_marks(work: str, doc_year: int | None) -> Iterator[PeriodMark]:
    """The sections that an unnumbered heading naming a year dates, each up to the next line
    that looks like a heading (a short line between blank ones), or the next year heading. A
    year before the document's own, or a fiscal year that ends in it, is reviewed; a later one is
    planned, and so is the document's own calendar year (its outlook). Hong Kong's budget speeches
    are laid out so (hk_budget_speech_2013: 2012年经济表现, 2013年经济展望, 2012-2013年度修订预算,
    2013-2014年度财政预算; a page number may stand between the blank line and the heading), and so
    are work reports whose parts are not numbered (xizang_gov_work_report_2025 of ../shared/corpus:
    2024年工作回顾, 2025年工作安排). The document's first line is its title, not a heading, and so
    is a line that names a kind of document (2025年生活垃圾分类减量推进工作任务清单)."""
    if doc_year is None:
        return
    found = list(_YEAR_HEADING.finditer(work))
    if not found:
        return
    # (A short line that holds a figure is a caption, not a heading: a news page sets a section's
    # figures so, 增长8% over its paragraph, and the section goes on.)
    headings = sorted(
        {m.start("line") for m in _HEADING_LIKE.finditer(work) if _FIGURE_IN_LINE.search(m["line"]) is None}
        | {m.start("line") for m in found}
    )
    title = len(work) - len(work.lstrip())
    for m in found:
        if m.start() <= title or m["line"].rstrip().endswith(_DOCUMENT_KINDS):
            continue  # the document's title, or an annex's
        if m["y"] is not None:
            year = int(m["y"])
            kind: Kind = "actual" if year < doc_year else "target"
            words = m["line"].strip()[4:].lstrip(" \t年")
            if kind == "target" and year <= doc_year and words.startswith(_REVIEWED_OPENINGS):
                kind = "actual"  # 2022成绩单 on a page of 2022: the year's results
        else:
            year = int(m["b"]) if len(m["b"]) == 4 else int(m["a"]) + 1
            kind = "actual" if year <= doc_year else "target"
        if abs(year - doc_year) > 30:
            continue
        i = bisect.bisect_right(headings, m.start("line"))
        end = headings[i] if i < len(headings) else len(work)
        yield PeriodMark(m.start("line"), kind, year, end)


# A paragraph that opens with a fiscal year (after its line break: the engine jumps from one to the
# next), after the paragraph's number where a budget speech numbers them (hk_budget_speech_2014_part:
# 151. 二零一四/一五年度的政府经营开支预计为…; hk_budget_speech_2019_part numbers its paragraphs so).
# matches: "\n 在2013-2014年度,", "\n2012-13年度的", "\n151. 2014/15年度的" ;
# must not match: "较2012-2013年度" (a base)
_FISCAL_LEAD = re.compile(
    r"\n(?P<line>[ \t]*(?:\d{1,3}\.[ \t]*)?(?:在|于)?)[ \t]*(?P<a>(?:19|20)\d{2})[ \t]*[-–—/][ \t]*(?P<b>(?:19|20)\d{2}|\d{2})[ \t]*(?:财政)?年度"
)


# What ends the line before a paragraph: a sentence's stop, a blank line, the start of the text.
_PARAGRAPH_ENDS = frozenset("。:!?;\n")


def _char_before(work: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space or tab ("" at the start)."""
    i = pos - 1
    while i >= 0 and work[i] in " \t":
        i -= 1
    return work[i] if i >= 0 else "\n"


def fiscal_paragraph_marks(work: str, doc_year: int | None) -> Iterator[PeriodMark]:
    """The paragraphs that open with a fiscal year (在2013-2014年度,政府的总开支为…): their
    figures are of that year, planned or, when it ends by the document's year, reported. A
    budget debate's reply and the budget speech itself date their paragraphs so
    (hk_budget_debate_reply_2013, hk_budget_speech_2013: 2013-2014年度的总收入预计为…)."""
    if doc_year is None or work.find("年度") < 0:
        return
    for m in _FISCAL_LEAD.finditer(work):
        if _char_before(work, m.start()) not in _PARAGRAPH_ENDS and not m["line"].strip(" \t在于"):
            continue  # a line wrapped inside a sentence (…,跟\n2007-2008年度相比); a numbered one opens one
        year = _end_year(m)
        if abs(year - doc_year) > 30:
            continue
        end = work.find("\n", m.end())
        kind: Kind = "actual" if year <= doc_year else "target"
        yield PeriodMark(m.start("line"), kind, year, len(work) if end < 0 else end)
