"""How a unit's name is stored, compared and shown: one identity whatever the script.

- **Stored** (:func:`stored_name`): blanks dropped and in simplified script, so a traditional-script
  document's 區財政局 and a typed 区财政局 are one row, named 区财政局.
- **Compared** (:func:`name_key`): the extraction library's unit key, simplified with the common
  abbreviations expanded (区发改局 and 区发展改革局 match); the registry's aliases say the rest
  (区科技局 is 区科技创新局 where an alias says so).
- **Shown** (:func:`shown_name`): in the script of the interface: traditional (Hong Kong standard,
  as the interface catalogue) when the active language is zh-hant, else as stored. The API's
  default language is simplified.
- **Collectives** (:func:`is_collective`): a name for several units at once (各街道办, 各有关部门,
  各区政府, 各产业部门), known by its opening word (各, 有关, 相关, 其他). It is kept as written, never
  scored or ranked as a unit, and the supervisor expands it into the registry's units.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from django.utils.translation import get_language

from taizhang.extract.lexicon import unit_words
from taizhang.extract.normalise import to_simplified
from taizhang.extract.units import unit_key

__all__ = ["BLANKS_RE", "name_key", "stored_name", "shown_name", "is_collective", "member_kind_of"]

# Whitespace and the full-width space that documents put inside names ("区 商务局").
# matches: " \u3000\t"; must not match: "区商务局"
BLANKS_RE = re.compile(r"[\s\u3000]+")


def name_key(name: str) -> str:
    """The form names are matched by: simplified script, no blanks, common abbreviations expanded
    (區商務局, 区 商务局 match; so do 区发改局 and 区发展改革局)."""
    return unit_key(BLANKS_RE.sub("", name))


def stored_name(name: str) -> str:
    """The name as a unit row keeps it: no blanks, simplified script (區財政局 -> 区财政局)."""
    return to_simplified(BLANKS_RE.sub("", name or ""))


@lru_cache(maxsize=1)
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2hk")


@lru_cache(maxsize=4096)
def _traditional(name: str) -> str:
    return str(_to_traditional().convert(name))


def shown_name(name: str, language: str | None = None) -> str:
    """``name`` in the script of ``language`` (the active one by default): traditional for zh-hant."""
    language = (language or get_language() or "").lower()
    if language.startswith("zh-hant") or language in ("zh-tw", "zh-hk", "zh-mo"):
        return _traditional(name)
    return name


def is_collective(name: str) -> bool:
    """Whether ``name`` stands for several units (各街道办, 有关部门), not one body."""
    simple = stored_name(name)
    return any(simple.startswith(prefix) for prefix in unit_words().collective_prefixes)


# What a collective's members are, read from its name once its opening words are dropped.
# subdistricts: matches "街道办" (各街道办), "镇街"; must not match "区政府"
_SUBDISTRICTS_RE = re.compile(r"^(?:街道|街道办|街道办事处|镇|镇街|街镇|镇街道)$")
# departments: matches "产业部门" (各产业部门), "单位" (各有关单位), "区直单位"; must not match "项目建设单位"
_DEPARTMENTS_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}部门|单位|区直单位|成员单位|职能单位)$")
_OPENING_RE = re.compile(r"^(?:各|有关|相关|其他)+")


def member_kind_of(name: str) -> str | None:
    """The kind of unit (``UnitKind`` value) a collective stands for, when its name says it:
    ``subdistrict`` (各街道办), ``department`` (各有关部门, 各产业部门); None otherwise (各区政府)."""
    rest = _OPENING_RE.sub("", stored_name(name))
    if _SUBDISTRICTS_RE.match(rest):
        return "subdistrict"
    if _DEPARTMENTS_RE.match(rest):
        return "department"
    return None
