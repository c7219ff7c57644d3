"""Deadlines (完成时限): a month, a year, ongoing (常态化推进), or none."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import ongoing_phrases
from .model import Deadline
from .numbers import CHINESE_DIGITS, NumberError, parse_chinese

__all__ = ["parse_deadline", "find_deadline", "chinese_year"]

# Years are written digit by digit, with ○ or a Latin O now and then for 〇 (二○二四).
_CN_DIGITS = {**{k: v for k, v in CHINESE_DIGITS.items() if k != "两"}, "○": 0, "O": 0}

# A date: a year and an optional month, quarter or half.
# matches: "2024年12月", "2024年底", "2024.6", "2025年上半年", "2024年第三季度", "二〇二五年六月"
# must not match: "12个月", "2024" alone inside "2024项"
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})\s*"
    r"(?:年\s*(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    r"|(?P<end>年?底|年?末)"
    r"|(?P<half>上半年|下半年)"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r")?|[.\-/](?P<month2>1[0-2]|0?[1-9])(?![\d]))"
)
# A year written alone needs 年 after it (or the month form above): "2024年".
_YEAR_WORD = re.compile(r"(?:19|20)\d\d\s*年")
# A date inside a task's own words that is its deadline: "到2025年", "2024年底前", "于2024年6月完成".
# matches: "到2025年", "2024年12月底前", "力争2025年前" ; must not match: "2024年率先实现"
_TEXT_DEADLINE = re.compile(
    r"(?:(?:(?<![\u4e00-\u9fff])(?:到|至|于)|力争(?:到|在|于)?|争取(?:到|在|于)?|确保(?:到|在|于)?|计划(?:到|在|于)?)\s*(?P<a>(?:19|20)\d\d\s*年(?:\s*(?:1[0-2]|0?[1-9])\s*月)?(?:底|末)?)"
    r"|(?P<b>(?:19|20)\d\d\s*年(?:\s*(?:1[0-2]|0?[1-9])\s*月)?(?:底|末)?)\s*(?:前|以前|之前))"
)


def chinese_year(text: str) -> int:
    """``2024`` or ``二〇二四`` as a number."""
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def _month(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    try:
        month = parse_chinese(text)
    except NumberError:
        return None
    return month if 1 <= month <= 12 else None


def _from_match(m: re.Match[str], source: str) -> Deadline:
    year = chinese_year(m.group("year"))
    month = _month(m.group("month")) or _month(m.group("month2"))
    if month is None and m.group("end"):
        month = 12
    if month is None and m.group("half"):
        month = 6 if m.group("half") == "上半年" else 12
    if month is None and m.group("quarter"):
        q = m.group("quarter")
        month = 3 * ("一二三四".index(q) + 1 if q in "一二三四" else int(q))
    if month is not None:
        return Deadline("month", year, month, source)
    return Deadline("year", year, None, source)


def parse_deadline(work: str, orig: str | None = None) -> Deadline | None:
    """The deadline a deadline cell or phrase gives; the latest when it gives several.

    ``work`` is the working text (simplified, half-width); ``orig`` is kept as the deadline's
    text. ``None`` when it gives no deadline.
    """
    if len(work) > 64:
        return _parse_deadline(work, orig)
    return _short_deadline(work, orig)


def clear_caches() -> None:
    """Forget the memo of short deadlines."""
    _short_deadline.cache_clear()


@lru_cache(maxsize=4096)
def _short_deadline(work: str, orig: str | None) -> Deadline | None:
    """``parse_deadline`` of a short text: a document repeats its deadlines (a Deadline is frozen)."""
    return _parse_deadline(work, orig)


def _parse_deadline(work: str, orig: str | None) -> Deadline | None:
    text = (orig if orig is not None else work).strip()
    best: Deadline | None = None
    for m in _DATE.finditer(work):
        if not (
            m.group("month") or m.group("month2") or m.group("end") or m.group("half") or m.group("quarter")
        ):
            if not _YEAR_WORD.match(work, m.start()) and m.group("year")[0] not in "〇零○一二三四五六七八九":
                continue
        d = _from_match(m, text)
        if best is None or (d.year or 0, d.month or 13) >= (best.year or 0, best.month or 13):
            best = d
    if best is not None:
        return best
    compact = re.sub(r"\s+", "", work)
    if compact and any(p in compact for p in ongoing_phrases()):
        return Deadline("ongoing", None, None, text)
    return None


def find_deadline(work: str, orig: str | None = None) -> Deadline | None:
    """A deadline stated inside a task's own words (``到2025年``, ``2024年底前``), or None.

    A year that only dates an action (``2024年率先实现``) is not a deadline.
    """
    found: Deadline | None = None
    if "年" not in work:
        return None
    for m in _TEXT_DEADLINE.finditer(work):
        part = m.group("a") or m.group("b")
        start = m.start("a") if m.group("a") else m.start("b")
        d = parse_deadline(part, (orig or work)[start : start + len(part)])
        if d is not None and (
            found is None or (d.year or 0, d.month or 13) > (found.year or 0, found.month or 13)
        ):
            found = d
    return found
