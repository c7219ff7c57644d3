"""Normalisation: one working text, of exactly the same length as the original.

Rules run on the working text; answers are sliced from the original, so offsets never drift.
The working text is in simplified script (OpenCC ``t2s``), with full-width ASCII folded to
half-width (``１２％`` -> ``12%``, ``（`` -> ``(``) and the ideographic space made a plain space.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
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


def _convert_line(conv: Any, line: str) -> str:
    """One line converted, one character for one: a phrase conversion that changes the length
    (rare) is redone character by character."""
    c = str(conv.convert(line))
    if len(c) != len(line):
        c = "".join(ch2 if len(ch2 := conv.convert(ch)) == 1 else ch for ch in line)
    return c


def _convert_same_length(text: str) -> str:
    """Convert with OpenCC, keeping one character for one: the lines whose conversion changes
    their length are redone character by character."""
    conv = _converter()
    out = str(conv.convert(text))
    lines = text.split("\n")
    if len(out) == len(text) and all(len(a) == len(b) for a, b in zip(lines, out.split("\n"), strict=False)):
        return out
    return "\n".join(_convert_line(conv, line) for line in lines)


# A text with none of the characters OpenCC's t2s may change is its own simplified form (those
# characters are read from the installed OpenCC's dictionaries: see _changing_chars), and so is
# a line of it: no dictionary word spans a line break, so converting a text line by line gives
# what converting it whole gives. Only the lines that hold such a character are converted, until
# they are most of the text read (a document in traditional script): the rest is converted whole.
# A call costs about as much as converting this many characters:
_CALL_COST = 100


def to_simplified(text: str) -> str:
    """Traditional to simplified script, one character for one."""
    if not text:
        return text
    changing = _changing_chars()
    if changing is None or _has_astral(text):
        # (The class holds the characters of the Basic Multilingual Plane only: a text with
        # others is converted whole.)
        return _convert_same_length(text)
    m = changing.search(text)
    if m is None:
        return text
    in_words = _words_changing()
    spans: list[tuple[int, int]] = []  # the lines to convert
    pos = 0  # text[:pos] is done
    converted = 0  # characters converted line by line, with the cost of the calls
    while m is not None:
        pairs = in_words.get(m.group())
        if pairs is not None:
            # A character changed only inside words (覆 of 反覆): a word that changes it here holds
            # it with the character before or after it here (覆盖 is no such word).
            at = m.start()
            if text[at - 1 : at + 1] not in pairs and text[at : at + 2] not in pairs:
                m = changing.search(text, m.end())
                continue
        start = text.rfind("\n", pos, m.start()) + 1
        if converted > 64 * _CALL_COST and 2 * converted > start:
            break  # most of the text so far: the rest is converted whole
        end = text.find("\n", m.end())
        if end < 0:
            end = len(text)
        spans.append((start, end))
        converted += end - start + _CALL_COST
        pos = end
        m = changing.search(text, end)
    parts: list[str] = []
    done = 0
    for (start, end), line in zip(spans, _convert_lines([text[a:b] for a, b in spans]), strict=True):
        parts.append(text[done:start])
        parts.append(line)
        done = end
    parts.append(text[pos:] if m is None else _convert_same_length(text[pos:]))
    return "".join(parts)


def _convert_lines(lines: list[str]) -> list[str]:
    """``_convert_line`` of each of ``lines``, in one call of the converter: no dictionary word
    spans a line break, so the lines joined by line breaks convert as each line alone (a call
    costs about as much as converting a hundred characters, and a document may hold thousands
    of lines with a character t2s may change)."""
    if not lines:
        return []
    conv = _converter()
    out = str(conv.convert("\n".join(lines))).split("\n")
    if len(out) != len(lines):
        return [_convert_line(conv, line) for line in lines]
    return [
        c if len(c) == len(line) else _convert_line(conv, line) for c, line in zip(out, lines, strict=True)
    ]


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF (it takes two UTF-16 code units; encoding
    is quicker than searching)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=1)
def _changing_chars() -> re.Pattern[str] | None:
    """A character class of every character the t2s conversion may change, read from the
    dictionaries of the installed OpenCC with its own ``opencc_dict`` tool; None when they
    cannot be read (then every text is converted).

    A dictionary word changes a text only where its first value differs from it, so a text with
    no character that is at such a place in a word (or in a word whose value has another length)
    is left as it is: 瞭 of 瞭解 -> 了解 is in the class, 解 is not.
    """
    read = _t2s_dictionaries()
    if read is None:
        return None
    # Characters of the Basic Multilingual Plane only: the engine tests such a class with a table
    # lookup, and a class with any other is a list it reads through for every character.
    bmp = sorted(c for c in read[0] if c <= "\uffff")
    if not bmp:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in bmp) + "]")


@lru_cache(maxsize=1)
def _words_changing() -> dict[str, frozenset[str]]:
    """The characters of ``_changing_chars`` that t2s changes only inside longer words (覆 of 反覆
    -> 反复, never 覆 alone nor 覆盖), each with the pairs of characters (it and the one before or
    after it) of the dictionary words that change it: where such a character stands in none of
    its pairs, no word changes it. The characters a one-character word changes are not here.
    Empty when the dictionaries cannot be read."""
    read = _t2s_dictionaries()
    if read is None:
        return {}
    out: dict[str, frozenset[str]] = {}
    for c, words in read[1].items():
        pairs: set[str] = set()
        for w in words:
            for j, ch in enumerate(w):
                if ch == c:
                    pairs.update(p for p in (w[j - 1 : j + 1] if j else "", w[j : j + 2]) if len(p) == 2)
        out[c] = frozenset(pairs)
    return out


@lru_cache(maxsize=1)
def _t2s_dictionaries() -> tuple[set[str], dict[str, tuple[str, ...]]] | None:
    """(the characters t2s may change, those it changes only inside longer words with the words
    that change them), read from the installed OpenCC's dictionaries; None when they cannot be
    read."""
    try:
        config = Path(_converter().config)
        share = config.parent
        tool = share.parent.parent / "bin" / "opencc_dict"
        if not tool.is_file():
            found = shutil.which("opencc_dict")
            if found is None:
                return None
            tool = Path(found)
        spec = json.loads(config.read_text(encoding="utf-8"))
        steps = [*spec.get("normalization", ()), *spec["conversion_chain"]]
        chars: set[str] = set()
        alone: set[str] = set()  # changed by a word of one character
        words: dict[str, list[str]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for kind, name in (f for step in steps for f in _dict_files(step["dict"])):
                path = share / name
                if kind == "ocd2":
                    out = Path(tmp) / "dictionary.txt"
                    subprocess.run(
                        [str(tool), "-i", str(path), "-o", str(out), "-f", "ocd2", "-t", "text"],
                        check=True,
                        capture_output=True,
                        timeout=60,
                    )
                    path = out
                for word, changed in _changes_in(path.read_text(encoding="utf-8")):
                    chars.update(changed)
                    if len(word) == 1:
                        alone.update(changed)
                    else:
                        for c in changed:
                            words.setdefault(c, []).append(word)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, subprocess.SubprocessError):
        return None
    return chars, {c: tuple(ws) for c, ws in words.items() if c not in alone}


def _dict_files(spec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(type, file) of the dictionaries of one step of an OpenCC config (groups opened)."""
    kind = spec["type"]
    if kind == "group":
        for d in spec["dicts"]:
            yield from _dict_files(d)
    elif kind in ("ocd2", "text"):
        yield kind, str(spec["file"])
    else:
        raise ValueError(f"an OpenCC dictionary of type {kind!r}")


def _changed_in(dictionary: str) -> Iterator[str]:
    """The characters a dictionary in text form (``word<TAB>value [value…]``) may change."""
    for _, changed in _changes_in(dictionary):
        yield from changed


def _changes_in(dictionary: str) -> Iterator[tuple[str, str]]:
    """(word, the characters of it that its first value changes) of each word of a dictionary in
    text form (``word<TAB>value [value…]``) that changes some; a word whose value has another
    length may change all of its characters."""
    for line in dictionary.split("\n"):
        if not line:
            continue
        word, _, values = line.partition("\t")
        value = values.split(" ")[0]
        if not value or "\n" in word:
            raise ValueError(f"an OpenCC dictionary line that is not word<TAB>value: {line!r}")
        if len(value) != len(word):
            yield word, word
        else:
            changed = "".join(a for a, b in zip(word, value, strict=True) if a != b)
            if changed:
                yield word, changed


# Any character fold_width changes; most texts have few, and searching is cheaper than translating.
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000－．〜～]")


def fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space to their half-width forms."""
    m = _FOLDABLE.search(text)
    if m is None:
        return text
    if len(text) < 64:
        return text.translate(_WIDTH)
    # A longer text: str.translate looks every character up in the table (some 60 ns a
    # character, 170 µs for a page of 2,800), where a replace runs at the speed of a memory
    # scan. A text holds few distinct full-width characters (（）,:;): each is replaced
    # throughout when the search first meets it, and the search goes on from there, so the text
    # is searched once. (A short text with several distinct ones is quicker translated.)
    while m is not None:
        wide = m.group()
        text = text.replace(wide, chr(_WIDTH[ord(wide)]))
        m = _FOLDABLE.search(text, m.start())
    return text


def working_text(text: str) -> str:
    """The text the rules read: simplified, half-width, the same length as ``text``."""
    if len(text) <= 32:
        return _short_working_text(text)
    return _working_text(text)


def _working_text(text: str) -> str:
    out = fold_width(to_simplified(text))
    if len(out) != len(text):
        raise AssertionError("the working text must keep the length of the text")
    return out


def kept_by_simplifying(text: str) -> bool:
    """Whether ``to_simplified(text)`` is ``text`` itself, known without converting: the installed
    OpenCC's changing characters were read and ``text`` holds none of them nor any character
    beyond the Basic Multilingual Plane (the two ways to_simplified returns a text unchanged
    without a call of the converter). False does not say the text changes."""
    changing = _changing_chars()
    return changing is not None and changing.search(text) is None and not _has_astral(text)


def clear_caches() -> None:
    """Forget the memo of short texts."""
    _short_working_text.cache_clear()


# Short texts (unit names, words of the lists: a document asks for hundreds) are memoised.
_short_working_text = lru_cache(maxsize=4096)(_working_text)
