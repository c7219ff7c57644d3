"""How sure the extractor is of each task and metric, and why a reviewer should look (存疑原因).

A reason for doubt is a :class:`Doubt` code, read off what the stages already found: a task
with no lead unit or no deadline, a task cut from running text rather than a table row or a
whole numbered item, a unit list with names that do not read as units, a deadline whose year the
text does not write (年底前); a figure with no unit or no year, near a word of a benefit (奖励,
补贴, 最高…), with a year the sentence does not write, with a very short or very long indicator.

Each code has a Chinese message and a factor (``data/doubts.json``); an item's confidence is the
product of the factors of its reasons (1.0 with none), and its band is high, medium or low. The
factors were chosen from how often the items with each reason were right on the corpora with
gold (``python -m taizhang.extract.calibrate`` gives the figures; see docs/confidence.md).

Everything here is a pure function of the extraction's values and the working text; an item with
no reason for doubt is returned as it is (no copy), so a clean document costs one check per item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Literal, TypeVar

from .lexicon import LexiconError, load_data
from .model import Metric, Task
from .normalise import working_text
from .numbers import YEAR_NUMERALS
from .units import looks_like_unit

__all__ = [
    "Doubt",
    "Band",
    "DoubtRules",
    "doubt_rules",
    "message",
    "confidence_of",
    "band",
    "task_doubts",
    "metric_doubts",
    "assess",
]

Band = Literal["high", "medium", "low"]


class Doubt(StrEnum):
    """A reason for doubt: its value is the code stored and sent in JSON."""

    # Of a task
    NO_LEAD = "no_lead"
    RUNNING_TEXT = "running_text"
    UNRESOLVED_UNITS = "unresolved_units"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    NO_DEADLINE = "no_deadline"
    INFERRED_DEADLINE_YEAR = "inferred_deadline_year"
    # Of a metric
    BENEFIT_WORD = "benefit_word"
    NO_YEAR = "no_year"
    NO_UNIT = "no_unit"
    SHORT_INDICATOR = "short_indicator"
    LONG_INDICATOR = "long_indicator"
    BROKEN_INDICATOR = "broken_indicator"
    INFERRED_YEAR = "inferred_year"


_TASK_DOUBTS = frozenset(
    {
        Doubt.NO_LEAD,
        Doubt.RUNNING_TEXT,
        Doubt.UNRESOLVED_UNITS,
        Doubt.SHORT_TEXT,
        Doubt.LONG_TEXT,
        Doubt.NO_DEADLINE,
        Doubt.INFERRED_DEADLINE_YEAR,
    }
)


@dataclass(frozen=True)
class DoubtRules:
    """The validated contents of ``data/doubts.json``."""

    messages: dict[Doubt, str]
    factors: dict[Doubt, float]
    high: float  # a confidence at least this is high
    medium: float  # at least this (and below high) is medium; below it, low
    short_text: int  # a task of fewer characters is doubtful
    long_text: int  # a task of more characters is doubtful
    short_indicator: int  # an indicator of this many characters or fewer is doubtful
    long_indicator: int  # an indicator of more characters is doubtful
    benefit: re.Pattern[str]  # the words of a benefit, folded to the working text


_NAME = "doubts.json"


def _fail(reason: str) -> LexiconError:
    return LexiconError(f"data/{_NAME}: {reason}")


@lru_cache(maxsize=1)
def doubt_rules() -> DoubtRules:
    """The rules of ``data/doubts.json``; LexiconError names the file and what is wrong."""
    data = load_data(_NAME)
    entries = data.get("doubts")
    if not isinstance(entries, dict):
        raise _fail("'doubts' must be an object of code -> {of, factor, message}")
    known = {d.value for d in Doubt}
    unknown = sorted(set(entries) - known)
    missing = sorted(known - set(entries))
    if unknown or missing:
        raise _fail(f"'doubts' must hold exactly the codes of Doubt (unknown: {unknown}, missing: {missing})")
    messages: dict[Doubt, str] = {}
    factors: dict[Doubt, float] = {}
    for doubt in Doubt:
        entry = entries[doubt.value]
        if not isinstance(entry, dict):
            raise _fail(f"'{doubt.value}' must be an object")
        of = "task" if doubt in _TASK_DOUBTS else "metric"
        if entry.get("of") != of:
            raise _fail(f"'{doubt.value}' is a doubt of a {of}, not {entry.get('of')!r}")
        factor = entry.get("factor")
        if not isinstance(factor, int | float) or isinstance(factor, bool) or not 0 < factor <= 1:
            raise _fail(f"'{doubt.value}': factor must be a number in (0, 1], not {factor!r}")
        text = entry.get("message")
        if not isinstance(text, str) or not text.strip():
            raise _fail(f"'{doubt.value}': message must be a non-empty string")
        messages[doubt] = text.strip()
        factors[doubt] = float(factor)
    bands = data.get("bands")
    if not isinstance(bands, dict):
        raise _fail("'bands' must be an object {high, medium}")
    high, medium = bands.get("high"), bands.get("medium")
    if not (isinstance(high, int | float) and isinstance(medium, int | float) and 0 < medium < high <= 1):
        raise _fail(f"'bands' needs 0 < medium < high <= 1, not {bands!r}")
    limits = data.get("limits")
    names = ("short_text", "long_text", "short_indicator", "long_indicator")
    if not isinstance(limits, dict) or not all(
        isinstance(limits.get(n), int) and not isinstance(limits.get(n), bool) and limits[n] > 0
        for n in names
    ):
        raise _fail(f"'limits' must give positive whole numbers for {', '.join(names)}")
    words = data.get("benefit_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise _fail("'benefit_words' must be a non-empty list of non-empty strings")
    folded = sorted({working_text(w.strip()) for w in words}, key=lambda w: (-len(w), w))
    return DoubtRules(
        messages=messages,
        factors=factors,
        high=float(high),
        medium=float(medium),
        short_text=limits["short_text"],
        long_text=limits["long_text"],
        short_indicator=limits["short_indicator"],
        long_indicator=limits["long_indicator"],
        benefit=re.compile("|".join(map(re.escape, folded))),
    )


def message(doubt: Doubt | str) -> str:
    """The Chinese message of a reason (its code also accepted); ValueError for an unknown code."""
    return doubt_rules().messages[Doubt(doubt)]


def confidence_of(doubts: Iterable[Doubt | str]) -> float:
    """The confidence of an item with these reasons: the product of their factors, in [0, 1],
    rounded to two places (1.0 with none)."""
    factors = doubt_rules().factors
    value = 1.0
    for doubt in doubts:
        value *= factors[Doubt(doubt)]
    return round(value, 2)


def band(confidence: float) -> Band:
    """high, medium or low, by the bands of ``data/doubts.json``."""
    rules = doubt_rules()
    if confidence >= rules.high:
        return "high"
    if confidence >= rules.medium:
        return "medium"
    return "low"


# ---------------------------------------------------------------------------------------------
# Tasks

# A year as written: digits (2025) or Chinese numerals (二〇二五, 二○二五, 二零二五).
# matches: "2024年底", "二〇二五年"; must not match: "年底前", "12月"
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|[〇○零一二三四五六七八九]{4}")


def task_doubts(task: Task, *, pieces_of_its_item: int = 1) -> tuple[Doubt, ...]:
    """The reasons to doubt ``task``, in the order of :class:`Doubt`.

    ``pieces_of_its_item``: how many tasks were cut from the numbered item the task comes from
    (the same ref, number and measure); a piece that carries no unit of its own was cut from the
    item's sentences, not by the item's role notes.
    """
    return _task_doubts(task, pieces_of_its_item, doubt_rules(), {})


def _units_resolved(names: tuple[str, ...]) -> bool:
    return all(looks_like_unit(working_text(u)) for u in names)


def _task_doubts(
    task: Task, pieces: int, rules: DoubtRules, resolved: dict[tuple[str, ...], bool]
) -> tuple[Doubt, ...]:
    # ``resolved`` memoises the unit lists of one document: tables repeat them row after row.
    found: list[Doubt] = []
    lead, co = task.lead_units, task.co_units
    if not lead:
        found.append(Doubt.NO_LEAD)
    if not task.cells and (task.number is None or (pieces > 1 and not lead and not co)):
        found.append(Doubt.RUNNING_TEXT)
    if lead or co:
        names = lead + co
        ok = resolved.get(names)
        if ok is None:
            ok = resolved[names] = _units_resolved(names)
        if not ok:
            found.append(Doubt.UNRESOLVED_UNITS)
    size = len(task.text)
    if size < rules.short_text:
        found.append(Doubt.SHORT_TEXT)
    elif size > rules.long_text:
        found.append(Doubt.LONG_TEXT)
    deadline = task.deadline
    if deadline is None:
        found.append(Doubt.NO_DEADLINE)
    elif deadline.kind != "ongoing" and deadline.text and not _WRITTEN_YEAR.search(deadline.text):
        found.append(Doubt.INFERRED_DEADLINE_YEAR)
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# Metrics

# Where a sentence (or a clause of a list) stops, in the working text (full-width ；！？ are folded
# to ; ! ?). matches: "。" in "达到100家。全面"; must not match: "，"
_STOP = re.compile(r"[。;!?\n]")
_LOOK_BEFORE = 12  # characters before a figure in which a benefit word makes it doubtful
_LOOK_AFTER = 6  # and after it ("100万元奖励")
_SENTENCE_BEFORE = 300  # how far back a figure's sentence start (and year) is looked for

# An indicator cut at the wrong place: it opens with punctuation that closes or separates
# (")、" of "…特定区（3.92平方公里）、幸福片区"), or holds brackets emptied of their figure.
_STRAY_OPENERS = frozenset(")）]】、,，.。:：;；")
# matches: "特定区（）", "(  )"; must not match: "（Ⅰ类）"
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[)）]")
# Any bracket: an indicator with none has neither empty nor unbalanced brackets.
_BRACKET = re.compile(r"[()（）]")


def _sentence_start(work: str, pos: int) -> int:
    # str.rfind from the figure back finds the nearest stop at C speed (a regex would walk the
    # stretch one character at a time); the rare ! and ? are looked for after the usual stops.
    lo = max(0, pos - _SENTENCE_BEFORE)
    stop = max(work.rfind("。", lo, pos), work.rfind(";", lo, pos), work.rfind("\n", lo, pos))
    stop = max(stop, work.rfind("!", max(lo, stop), pos), work.rfind("?", max(lo, stop), pos))
    return stop + 1 if stop >= 0 else lo


@lru_cache(maxsize=256)
def _year_forms(year: int) -> tuple[str, ...]:
    """A year as it may be written: 2025, 二〇二五, 二○二五, 二零二五."""
    cn = "".join(YEAR_NUMERALS[int(d)] for d in str(year))
    return (str(year), cn, cn.replace("〇", "○"), cn.replace("〇", "零"))


def _year_written(work: str, year: int, start: int, end: int) -> bool:
    """The year is written in ``[start, end)`` (the figure's sentence), in digits or numerals."""
    forms = _year_forms(year)
    if work.find(forms[0], start, end) >= 0:
        return True
    # In numerals only if its first numeral is there at all (二 of 二〇二五): one look, mostly.
    return work.find(forms[1][0], start, end) >= 0 and any(work.find(f, start, end) >= 0 for f in forms[1:])


def metric_doubts(metric: Metric, work: str) -> tuple[Doubt, ...]:
    """The reasons to doubt ``metric``, in the order of :class:`Doubt`; ``work`` is the working
    text of the document (simplified script, the offsets of ``Document.text``)."""
    return _metric_doubts(metric, work, doubt_rules())


def _metric_doubts(metric: Metric, work: str, rules: DoubtRules) -> tuple[Doubt, ...]:
    found: list[Doubt] = []
    start, end = metric.span.start, metric.span.end
    sentence = _sentence_start(work, start)
    # A benefit word near the figure, in its sentence (a stop after the figure ends the look).
    near = rules.benefit.search(work, max(sentence, start - _LOOK_BEFORE), end + _LOOK_AFTER)
    if near is not None and (near.start() < end or _STOP.search(work, end, near.start()) is None):
        found.append(Doubt.BENEFIT_WORD)
    year = metric.year
    if year is None:
        found.append(Doubt.NO_YEAR)
    if not metric.unit:
        found.append(Doubt.NO_UNIT)
    indicator = metric.indicator.strip()
    size = len(indicator)
    if size <= rules.short_indicator:
        found.append(Doubt.SHORT_INDICATOR)
    elif size > rules.long_indicator:
        found.append(Doubt.LONG_INDICATOR)
    if indicator and (
        indicator[0] in _STRAY_OPENERS
        or _BRACKET.search(indicator) is not None  # (most hold none: both tests below are False)
        and (
            (("(" in indicator or "（" in indicator) and _EMPTY_BRACKETS.search(indicator))
            or indicator.count("(") + indicator.count("（") != indicator.count(")") + indicator.count("）")
        )
    ):
        found.append(Doubt.BROKEN_INDICATOR)
    if year is not None and not _year_written(work, year, sentence, end):
        found.append(Doubt.INFERRED_YEAR)
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# A whole extraction

_Item = TypeVar("_Item", Task, Metric)


def _pieces(tasks: Sequence[Task], i: int, runs: dict[int, int]) -> int:
    """How many tasks were cut from the item of ``tasks[i]``: the run of tasks around it, in
    reading order, from the same item (ref, number, measure) and not from a table. ``runs``
    remembers the runs already measured (a plan's item may be cut into dozens of sentences)."""
    known = runs.get(i)
    if known is not None:
        return known
    t = tasks[i]
    if t.cells:
        return 1
    key = (t.ref, t.number, t.measure)
    lo = i
    while (
        lo > 0
        and not tasks[lo - 1].cells
        and (tasks[lo - 1].ref, tasks[lo - 1].number, tasks[lo - 1].measure) == key
    ):
        lo -= 1
    hi = i + 1
    while (
        hi < len(tasks)
        and not tasks[hi].cells
        and (tasks[hi].ref, tasks[hi].number, tasks[hi].measure) == key
    ):
        hi += 1
    for j in range(lo, hi):
        runs[j] = hi - lo
    return hi - lo


def _confidence(doubts: tuple[Doubt, ...], factors: dict[Doubt, float]) -> float:
    """The confidence of an item with ``doubts``: the product of their factors, rounded."""
    value = 1.0
    for doubt in doubts:
        value *= factors[doubt]
    return round(value, 2)


def _with_doubts(
    item: _Item,
    doubts: tuple[Doubt, ...],
    factors: dict[Doubt, float],
    confidences: dict[tuple[Doubt, ...], float] | None = None,
) -> _Item:
    """``item`` with its doubts and their confidence. ``confidences`` memoises ``_confidence`` for
    one document (its items share a few sets of doubts)."""
    if confidences is None:
        value = _confidence(doubts, factors)
    else:
        known = confidences.get(doubts)
        if known is None:
            known = confidences[doubts] = _confidence(doubts, factors)
        value = known
    # A copy with two fields changed, stored in one step as quick_init does (``replace`` costs
    # several times more, and most items of a plan with tables carry a reason).
    copy = object.__new__(type(item))
    _set(copy, "__dict__", {**item.__dict__, "confidence": value, "doubts": doubts})
    return copy


_set = object.__setattr__


def assess(
    work: str, tasks: Sequence[Task], metrics: Sequence[Metric]
) -> tuple[tuple[Task, ...], tuple[Metric, ...]]:
    """The tasks and metrics with their confidence and reasons for doubt set.

    ``work`` is the document's working text. An item with no reason is returned as it is.
    """
    rules = doubt_rules()
    factors = rules.factors
    short, long = rules.short_text, rules.long_text
    resolved: dict[tuple[str, ...], bool] = {}
    years_written: dict[str, bool] = {}
    runs: dict[int, int] = {}
    confidences: dict[tuple[Doubt, ...], float] = {}
    out_tasks: list[Task] = []
    append = out_tasks.append
    for i, t in enumerate(tasks):
        # The common case, checked inline: a task with a lead unit, a deadline, from a table row
        # or a numbered item, of a usual length, whose units read as units.
        lead, deadline = t.lead_units, t.deadline
        if (
            lead
            and deadline is not None
            and (t.cells or t.number is not None)
            and short <= len(t.text) <= long
        ):
            co = t.co_units
            ok = resolved.get(lead)
            if ok is None:
                ok = resolved[lead] = _units_resolved(lead)
            if ok and co:
                ok = resolved.get(co)
                if ok is None:
                    ok = resolved[co] = _units_resolved(co)
            if ok and (deadline.kind == "ongoing" or not deadline.text):
                append(t)
                continue
            if ok:
                written = years_written.get(deadline.text)
                if written is None:
                    written = years_written[deadline.text] = bool(_WRITTEN_YEAR.search(deadline.text))
                if written:
                    append(t)
                    continue
        doubts = _task_doubts(t, _pieces(tasks, i, runs), rules, resolved)
        append(_with_doubts(t, doubts, factors, confidences) if doubts else t)
    out_metrics: list[Metric] = []
    for m in metrics:
        doubts = _metric_doubts(m, work, rules)
        out_metrics.append(_with_doubts(m, doubts, factors, confidences) if doubts else m)
    return tuple(out_tasks), tuple(out_metrics)
