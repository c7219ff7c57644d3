"""Word lists of the extractor, loaded from ``data/*.json`` with validation.

The lists are general knowledge of Chinese government documents and name no district. They are
read on first use (never at import time) and cached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .normalise import working_text

__all__ = [
    "UnitWords",
    "unit_words",
    "abbreviations",
    "table_columns",
    "column_role",
    "ongoing_phrases",
    "load_data",
]


class LexiconError(ValueError):
    """A data file of the extractor is malformed."""


def load_data(name: str) -> dict[str, Any]:
    """The parsed JSON data file ``data/<name>``; raises LexiconError naming the file when bad."""
    try:
        raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise LexiconError(f"data/{name}: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"data/{name}: the top level must be an object")
    return data


def _words(data: dict[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"data/{name}: '{key}' must be a list of non-empty strings")
    # Rules read the working text (simplified, half-width): fold the words the same way.
    folded = {working_text(w) for w in value}
    return tuple(sorted(folded, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class UnitWords:
    """The word lists about responsible units, longest first."""

    suffixes: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    collective_prefixes: tuple[str, ...]
    place_markers: tuple[str, ...]
    not_places: tuple[str, ...]
    none_markers: frozenset[str]
    lead_markers: tuple[str, ...]
    duty_markers: tuple[str, ...]
    guide_markers: tuple[str, ...]
    co_markers: tuple[str, ...]
    lead_labels: tuple[str, ...]
    co_labels: tuple[str, ...]
    # Words that open a clause of work or a duty, never a unit's name (认真…, 协助…).
    manner_openers: tuple[str, ...]
    duty_openers: tuple[str, ...]
    # A kind of body named by no body ("部门", "各有关单位", "成员单位"), as headings of duties write it.
    generic_bodies: frozenset[str]


@lru_cache(maxsize=1)
def unit_words() -> UnitWords:
    name = "units.json"
    d = load_data(name)
    return UnitWords(
        suffixes=_words(d, "suffixes", name),
        level_prefixes=_words(d, "level_prefixes", name),
        collective_prefixes=_words(d, "collective_prefixes", name),
        place_markers=_words(d, "place_markers", name),
        not_places=_words(d, "place_words_not_places", name),
        none_markers=frozenset(_words(d, "none_markers", name)),
        lead_markers=_words(d, "lead_markers", name),
        duty_markers=_words(d, "duty_markers", name),
        guide_markers=_words(d, "guide_markers", name),
        co_markers=_words(d, "co_markers", name),
        lead_labels=_words(d, "lead_labels", name),
        co_labels=_words(d, "co_labels", name),
        manner_openers=_words(d, "manner_openers", name),
        duty_openers=_words(d, "duty_openers", name),
        generic_bodies=frozenset(
            qualifier + kind
            for qualifier in ("", *_words(d, "generic_body_qualifiers", name))
            for kind in _words(d, "generic_body_kinds", name)
        ),
    )


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(short form, full form) pairs, longest short form first."""
    name = "abbreviations.json"
    pairs = load_data(name).get("pairs")
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p) for p in pairs
    ):
        raise LexiconError(f"data/{name}: 'pairs' must be a list of [short, full] string pairs")
    return tuple(sorted(((working_text(a), working_text(b)) for a, b in pairs), key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def table_columns() -> dict[str, tuple[str, ...]]:
    """Column role -> heading words, longest first."""
    name = "tables.json"
    cols = load_data(name).get("columns")
    if not isinstance(cols, dict) or not cols:
        raise LexiconError(f"data/{name}: 'columns' must be an object of role -> words")
    return {role: _words(cols, role, name) for role in cols}


@lru_cache(maxsize=1024)
def column_role(heading: str) -> str | None:
    """The role of a task table's column by its heading (the longest heading word it holds wins):
    seq, measure, task, deadline, lead, co, progress, person, figure; None for a heading of none."""
    h = "".join(heading.split())
    if not h or len(h) > 12:
        return None
    best: tuple[int, str] | None = None
    for role, words in table_columns().items():
        for w in words:
            if w in h and (best is None or len(w) > best[0]):
                best = (len(w), role)
    return best[1] if best else None


@lru_cache(maxsize=1)
def ongoing_phrases() -> tuple[str, ...]:
    name = "deadlines.json"
    return _words(load_data(name), "ongoing", name)


def is_ongoing_phrase(text: str) -> bool:
    """``text`` is an ongoing deadline and nothing else ("长期坚持", "持续推进", "常态化推进"): an
    ongoing phrase, at most two characters more; not work with an ongoing word ("持续推进老旧小区
    改造", "各部门持续推进")."""
    g = text.strip()
    return any(g == p or (g.startswith(p) and len(g) - len(p) <= 2) for p in ongoing_phrases())
