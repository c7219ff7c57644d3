"""Numbers as Chinese documents write them: Arabic or Chinese numerals, magnitudes, fractions.

``parse_number("1,945.16")`` -> 1945.16; ``parse_number("4 800")`` -> 4800; ``parse_number("二十五")`` -> 25;
``scale(2.5, "万")`` -> 25000; ``parse_fraction("三分之一")`` -> 33.33 (a share, in per cent);
``parse_tenths("九成")`` -> 90 (per cent). Everything here is a pure function of its argument and
reads the working text (half-width digits, simplified script).
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = [
    "MAGNITUDES",
    "CHINESE_DIGITS",
    "YEAR_DIGITS",
    "YEAR_DIGITS_TO_ARABIC",
    "YEAR_NUMERALS",
    "chinese_year",
    "parse_number",
    "parse_chinese",
    "parse_count",
    "parse_fraction",
    "parse_tenths",
    "scale",
    "NumberError",
]


class NumberError(ValueError):
    """A string that was expected to be a number is not one; the message quotes it."""


# Magnitude marks written between a number and its unit, largest first so that 万亿 wins over 万.
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "千万": 1e7,
    "百万": 1e6,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
}

CHINESE_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# The digits of a year written digit by digit (二〇二四, 二零一九, 二○二四 with a ○ or a Latin O now and then
# for 〇): CHINESE_DIGITS less 两, which writes no digit of a year.
YEAR_DIGITS: dict[str, int] = {**{k: v for k, v in CHINESE_DIGITS.items() if k != "两"}, "○": 0, "O": 0}
# The same as a translation table to Arabic digits, and the numeral of each digit (0-9) as years are written.
YEAR_DIGITS_TO_ARABIC = str.maketrans({k: str(v) for k, v in YEAR_DIGITS.items()})
YEAR_NUMERALS = "〇一二三四五六七八九"


def chinese_year(text: str) -> int:
    """``2024`` or ``二〇二四`` (``二○二四``, ``二零二四``) as a number."""
    return int(text if text.isdigit() else text.translate(YEAR_DIGITS_TO_ARABIC))


_CHINESE_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_CHINESE_BIG: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# An Arabic number with optional thousands separators (commas, or single spaces) and decimals.
# matches: "1,945.16", "12314", "0.8", "4 800" ; must not match: "1,94" (a bad group), "." alone,
# "12 34" (a group of two)
_ARABIC = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?$")
# A Chinese numeral made of digits and the units 十百千万亿.
# matches: "二十五", "一百二十", "三" ; must not match: "二十五个" (a classifier is not a numeral)
_CHINESE = re.compile(r"^[〇零一二两三四五六七八九十百千万亿]+$")
# A fraction: the denominator before 分之.
# matches: "三分之一", "3分之2" ; must not match: "三分" (no 之)
_FRACTION = re.compile(
    r"^(?P<den>[\d〇零一二两三四五六七八九十百千]+)分之(?P<num>[\d〇零一二两三四五六七八九十百千]+)$"
)
# Tenths (成): 九成 is nine tenths.
# matches: "九成", "7成", "八成五", "七成半" (香港: 七成半的物业) ; must not match: "成" alone
_TENTHS = re.compile(r"^(?P<n>[\d一二两三四五六七八九十])成(?P<half>[一二三四五六七八九五半])?$")


def parse_chinese(s: str) -> int:
    """The value of a Chinese numeral (``二十五`` -> 25, ``一百零三`` -> 103, ``三万二千`` -> 32000).

    A bare run of digits without units (``二〇二二``) is read digit by digit, as years are written.
    Raises NumberError when ``s`` is not a Chinese numeral.
    """
    if not s or not _CHINESE.match(s):
        raise NumberError(f"not a Chinese numeral: {s!r}")
    if all(ch in CHINESE_DIGITS for ch in s) and len(s) > 1:
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in s))
    total = 0  # the part already closed by 万 or 亿
    section = 0  # the part below 万 being built
    digit: int | None = None
    for ch in s:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in _CHINESE_UNITS:
            section += (1 if digit is None else digit) * _CHINESE_UNITS[ch]
            digit = None
        else:  # 万 or 亿
            section += digit or 0
            big = _CHINESE_BIG[ch]
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_count(s: str) -> int:
    """A whole count written in Arabic digits or as a Chinese numeral: the number of a span of
    years ("3年内", "三年内", "十年内": 3, 3, 10). Raises NumberError when ``s`` is neither."""
    return int(s) if s.isdigit() else parse_chinese(s)


def parse_number(s: str) -> float:
    """The value of a number as written: Arabic (``1,945.16``) or Chinese (``二十五``).

    Raises NumberError when ``s`` is neither.
    """
    t = s.strip()
    if _ARABIC.match(t):
        return float(t.replace(",", "").replace(" ", ""))
    if _CHINESE.match(t):
        return float(parse_chinese(t))
    raise NumberError(f"not a number: {s!r}")


def parse_fraction(s: str) -> float:
    """A fraction written ``X分之Y`` as a percentage rounded to 2 places (三分之一 -> 33.33)."""
    m = _FRACTION.match(s.strip())
    if not m:
        raise NumberError(f"not a fraction: {s!r}")
    den, num = parse_number(m["den"]), parse_number(m["num"])
    if den == 0:
        raise NumberError(f"a fraction with a zero denominator: {s!r}")
    return round(100.0 * num / den, 2)


def parse_tenths(s: str) -> float:
    """Tenths written ``N成`` as a percentage (九成 -> 90, 八成五 -> 85, 七成半 -> 75)."""
    m = _TENTHS.match(s.strip())
    if not m:
        raise NumberError(f"not a count of tenths: {s!r}")
    value = parse_number(m["n"]) * 10
    if m["half"]:
        value += 5 if m["half"] == "半" else parse_number(m["half"])
    return value


def scale(value: float, magnitude: str | None) -> float:
    """``value`` times its magnitude mark (万, 亿, 万亿…); no mark leaves it as it is."""
    if not magnitude:
        return value
    try:
        factor = MAGNITUDES[magnitude]
    except KeyError:
        raise NumberError(f"not a magnitude: {magnitude!r}") from None
    # Scale in decimal: 1250.6 * 1e8 in binary floating point is 125059999999.99998.
    return float(Decimal(repr(value)) * Decimal(int(factor)))
