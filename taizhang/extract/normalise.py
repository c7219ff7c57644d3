"""Normalisation: one working text, of exactly the same length as the original.

Rules run on the working text; answers are sliced from the original, so offsets never drift.
The working text is in simplified script (OpenCC ``t2s``), with full-width ASCII folded to
half-width (``１２％`` -> ``12%``, ``（`` -> ``(``) and the ideographic space made a plain space.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["working_text", "to_simplified", "fold_width"]

# Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E; U+3000 is the ideographic space.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
# Other one-to-one folds that the rules rely on: the many dashes and dots of Chinese typesetting.
_WIDTH.update({ord("－"): ord("-"), ord("．"): ord("."), ord("〜"): ord("~"), ord("～"): ord("~")})


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _convert_same_length(text: str) -> str:
    """Convert with OpenCC, keeping one character for one: phrase conversions that change the
    length (rare) are redone character by character for the lines they touch."""
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return str(out)
    lines = text.split("\n")
    fixed = []
    for line in lines:
        c = conv.convert(line)
        if len(c) != len(line):
            c = "".join(ch2 if len(ch2 := conv.convert(ch)) == 1 else ch for ch in line)
        fixed.append(c)
    return "\n".join(fixed)


def to_simplified(text: str) -> str:
    """Traditional to simplified script, one character for one."""
    if not text:
        return text
    return _convert_same_length(text)


# Any character fold_width changes; most texts have few, and searching is cheaper than translating.
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000－．〜～]")


def fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space to their half-width forms."""
    m = _FOLDABLE.search(text)
    if m is None:
        return text
    if len(text) < 4096:
        return text.translate(_WIDTH)
    # A long text: str.translate looks every character up in the table. A document holds few
    # distinct full-width characters (（）,:;): each is replaced throughout when the search first
    # meets it, and the search goes on from there, so the text is searched once.
    while m is not None:
        wide = m.group()
        text = text.replace(wide, chr(_WIDTH[ord(wide)]))
        m = _FOLDABLE.search(text, m.start())
    return text


def working_text(text: str) -> str:
    """The text the rules read: simplified, half-width, the same length as ``text``."""
    if len(text) <= 32:
        return _short_working_text(text)
    out = fold_width(to_simplified(text))
    assert len(out) == len(text)
    return out


def clear_caches() -> None:
    """Forget the memo of short texts."""
    _short_working_text.cache_clear()


@lru_cache(maxsize=4096)
def _short_working_text(text: str) -> str:
    """``fold_width(to_simplified(text))`` of a short text (unit names, words of the lists: a
    document asks for hundreds), with the calls between them made once."""
    if not text:
        return text
    out = _converter().convert(text)
    if len(out) != len(text):
        out = _convert_same_length(text)
    if _FOLDABLE.search(out) is not None:
        out = out.translate(_WIDTH)
    if len(out) != len(text):
        raise AssertionError("the working text must keep the length of the text")
    return str(out)
