"""Responsible units (单位): reading a list of names, cleaning it, and a registry of aliases.

A list as a document writes it is expanded into whole names: a name broken across lines is
joined, a shared level prefix is distributed (``区发展改革局、工业和信息化局`` -> ``区发展改革局``,
``区工业和信息化局``) and so is a shared suffix (``黄贝、南湖、莲塘街道办`` -> three ``…街道办``).
Roles are read from the markers around the names (``牵头负责`` marks lead units, ``配合`` co-units).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from .lexicon import abbreviations, load_data, unit_words
from .model import quick_init
from .normalise import working_text

__all__ = [
    "GROUP_SEPARATORS",
    "UnitRoles",
    "parse_units",
    "parse_law_units",
    "parse_roles",
    "is_none",
    "UnitRegistry",
    "unit_key",
    "looks_like_unit",
    "names_a_district",
    "has_role_marker",
    "names_after",
    "collective_after",
    "clean_unit_name",
    "DELEGATE",
    "name_before_verb",
    "opening_subject",
    "subject_and_verb",
    "clause_subjects",
    "level_field",
    "is_field_word",
    "DUTY_VERB",
    "DUTY_MODALS",
    "UNIT_ROLE_LABEL",
    "HELP_VERBS",
    "HELP_DUTY",
    "AGENT_BY",
    "OWN_DUTY_VERBS",
    "LABEL_ROLES",
    "LABEL_QUALIFIERS",
    "LEAD_LABEL_ROLES",
    "DUTY_LABEL_ROLES",
    "CO_LABEL_ROLES",
    "label_role",
    "opening_label_role",
    "NOTE_LEAD_ROLES",
    "POWER_MODALS",
    "BAN_MODALS",
    "MODAL_YAO",
    "later_subject",
    "is_generic_body",
    "trailing_role_lines",
    "list_of_names",
    "helps_by_role",
    "GOV_PREFIX",
    "LEVEL",
    "LEVEL_LIST",
    "LEVEL_WORD",
    "MODAL",
    "NOT_SUBJECT",
    "field_list",
    "part_spans",
    "is_bare_field",
    "kind_of",
    "without_joining_opener",
    "encouraged",
]

# A separator between two names of a list.
# matches: "区科技局、区财政局" (、) ; must not match: the 和 of "工业和信息化局"
_SEP = re.compile(r"[、,;/]+")
_SPACE = re.compile(r"\s+")
# A run of characters none of which is white space (str.isspace).
_NO_SPACE = re.compile(r"\S+")
# The role words of a label of units (牵头单位:, 责任部门:, 配合单位:, 【协办单位】): the role, then 单位 or 部门;
# a county's division may qualify it (主要责任单位, 其他责任单位, 牵头责任单位, 协同责任单位). One grammar for
# the readers of labels: outline.py's _UNIT_LABEL, _LABEL_LINE, _BOXED_LABEL and _TRAILING_LABEL,
# pipeline.py's _RUN_TOGETHER_BREAK. (Which roles lead and which help is the lexicon's: lead_labels,
# co_labels.)
# The roles a label names, by what they make of its units: lead (牵头, 主责), a duty (责任, 负责: lead
# units unless a lead is named beside them, SCHEMA), help (配合, 协办, 协作, 协同, 协助, 参与, 参加, 支持: co-units),
# and words that name no role of their own (相关, 实施, 承办: lead with no lead named).
LEAD_LABEL_ROLES: tuple[str, ...] = ("牵头", "主责")
DUTY_LABEL_ROLES: tuple[str, ...] = ("责任", "负责")
CO_LABEL_ROLES: tuple[str, ...] = ("配合", "协办", "协作", "协同", "协助", "参与", "参加", "支持")
LABEL_ROLES: tuple[str, ...] = (
    *LEAD_LABEL_ROLES,
    *DUTY_LABEL_ROLES,
    *CO_LABEL_ROLES,
    "相关",
    "实施",
    "承办",
)
# Words that qualify a role and name none themselves (主要责任单位, 其他参与单位, 相关配合单位, 具体承办单位).
# A label may stack two words before its role: a qualifier or another role (协作配合单位, 协同支持单位,
# 主要牵头单位, 其他协办单位), as divisions of counties vary the label of their helping units.
LABEL_QUALIFIERS: tuple[str, ...] = ("主要", "其他", "相关", "有关", "具体", "直接")
# matches: "牵头单位", "责任部门", "协同责任单位", "主要责任单位", "实施单位", "协作配合单位", "其他参与单位" ;
# must not match: "单位名称", "有关部门"
UNIT_ROLE_LABEL = (
    "(?:(?:"
    + "|".join((*LABEL_QUALIFIERS, *LABEL_ROLES))
    + "){0,2}(?:"
    + "|".join(LABEL_ROLES)
    + ")(?:单位|部门))"
)
# A role label at the start of a text. matches: "协作配合单位" ; must not match: "有关部门"
_ROLE_LABEL_AT = re.compile(UNIT_ROLE_LABEL)


def label_role(label: str) -> str:
    """What a label of units makes of them: "co" when it names a role of help anywhere in it
    (协作配合单位, 协同责任单位, 其他参与单位) or the others beside the main ones (其他责任单位);
    "lead" when it names leading (牵头单位, 主要责任单位, 主责部门); "duty" for 责任单位 / 负责部门
    (lead unless a lead is named beside them); "" for a label that names no role (相关部门, 实施单位)
    or no label."""
    if any(r in label for r in CO_LABEL_ROLES) or label.startswith("其他"):
        return "co"
    if any(r in label for r in LEAD_LABEL_ROLES) or label.startswith("主要"):
        return "lead"
    if any(r in label for r in DUTY_LABEL_ROLES):
        return "duty"
    return ""


def opening_label_role(work: str) -> str | None:
    """The role (``label_role``) of the label of units that opens ``work`` before a colon
    ("责任单位:…", "协作配合单位:…"), or None when no such label opens it."""
    m = _ROLE_LABEL_AT.match(work.lstrip(" \t\u3000;,。"))
    if m is None:
        return None
    rest = work.lstrip(" \t\u3000;,。")[m.end() :].lstrip(" \t\u3000")
    return label_role(m.group()) if rest.startswith(":") else None


# The role words of a note in brackets after a name (区商务局(牵头), 区财政局(配合单位)): those that make it a
# lead unit, and those that make it a co-unit.
NOTE_LEAD_ROLES: tuple[str, ...] = ("牵头", "主责", "负责")
NOTE_CO_ROLES: tuple[str, ...] = ("配合", "协办", "参与")
# The verbs of units that only help another's work (X配合…, X协助…, X协同…, X参与…), and those with which
# units answer for the work themselves (X负责…, X牵头…). The one list of each for the readers of a task's
# own words: pipeline.py's _HELPING, _OWN_DUTY, _TITLE_DUTY, _COOPERATING, _HELP_WORD and outline.py's
# _TITLE_DUTY, _HELPERS_AFTER, _HELP_CLOSE.
HELP_VERBS: tuple[str, ...] = ("配合", "协助", "协同", "参与")
OWN_DUTY_VERBS: tuple[str, ...] = ("负责", "牵头")
# The words a unit's duty to help opens with, before the help or the basis it is given on: "X应当配合…",
# "X负责协助…", "X要积极配合…", "X应当按照各自职责,配合…" (a pattern group; 应当 before 应, so that a
# duty written 应当 is read whole). The one definition for pipeline.py's _COOPERATING and articles.py's
# _HELP_BASIS.
HELP_DUTY = "(?:负责|应当|必须|应|要|须)"
# 由 as the marker of the doer of the work ("由X负责…", "…由X统筹解决", "由X会同Y制定", "…的管理由X负责"),
# not the 由 of 理由 ("无正当理由…"), 经由, 自由, 缘由, 由于, 由此, 由衷. The one definition for role_fallback.py's
# _BY and articles.py's _BY_INSIDE, _DOER and _DOER_BODY. (理 before 由 is a 理由 unless it ends a word of
# work: 管理, 办理, 处理, 治理, 审理, 受理, 代理, 清理, 整理, 护理, 修理.) 由 comes first and the characters
# before it are looked behind at from after it: a pattern that opens with its literal is scanned for it fast,
# one that opens with a look behind is tried at every character.
AGENT_BY = r"由(?<![经自缘]由)(?<!(?<![管办处治审受代清整护修])理由)(?![于此衷])"
# Brackets around a role note inside a cell: "区商务局(牵头)".
# matches: "(牵头)" ; must not match: "(深圳)"
_ROLE_NOTE = re.compile(r"\((?P<role>" + "|".join((*NOTE_LEAD_ROLES, *NOTE_CO_ROLES)) + r")(?:单位)?\)")
# A label that opens a unit list: "牵头单位:区商务局", "部门分工:省发展改革委牵头". A bureau's own
# work points hand each item to its sections (科室, 处室): "(责任科室:组干科、机关党委)" in 芜湖市教育局's
# 2024 工作要点, "责任处室" in provincial departments' 工作要点 (the same label, a 厅's sections).
# matches: "责任单位:", "部门分工:", "责任主体:", "责任科室:" ; must not match: "单位" alone
_LABEL = re.compile(
    r"^(?P<label>"
    + UNIT_ROLE_LABEL
    + r"(?=:)|[\u4e00-\u9fff]{2,6}单位|[\u4e00-\u9fff]{2,4}(?:部门|科室|处室)|(?:责任|实施)主体"
    r"|(?:部门|责任|职责|任务)分工|牵头|配合)[:]"
)


@quick_init
@dataclass(frozen=True)
class UnitRoles:
    """Units read from one place, by role."""

    lead: tuple[str, ...] = ()
    co: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lead or self.co)


_NONE_CHARS = frozenset("—-－─/\\")


def is_none(work: str) -> bool:
    """True when a cell says there is no unit (``——``, ``无``, ``/``)."""
    if len(work) > 12:
        return False
    return _is_none(work)


@lru_cache(maxsize=4096)
def _is_none(work: str) -> bool:
    s = _SPACE.sub("", work)
    return s in unit_words().none_markers or (bool(s) and set(s) <= _NONE_CHARS)


def _ends_with_suffix(name: str) -> str:
    """The longest unit suffix ``name`` ends with, or ""."""
    # (only the lengths of the suffixes that end with its last character are tried)
    by_last, suffixes = _suffix_index_by_last()
    for n in by_last.get(name[-1:], ()):
        if name[-n:] in suffixes:
            return name[-n:]
    return ""


def ends_with_unit_suffix(name: str) -> bool:
    """``name`` ends with a unit suffix (局, 办, 中心…)."""
    return bool(_ends_with_suffix(name))


@lru_cache(maxsize=1)
def _suffix_index_by_last() -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """The lengths of the unit suffixes by their last character, longest first, and the suffixes."""
    by_last: dict[str, set[int]] = {}
    for w in unit_words().suffixes:
        by_last.setdefault(w[-1:], set()).add(len(w))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in by_last.items()}, frozenset(unit_words().suffixes)


@lru_cache(maxsize=8192)
def looks_like_unit(work_name: str) -> bool:
    """A plausible unit name: 2 to 40 characters ending with a unit suffix (局, 办, 中心…), before
    a bracketed alternative ("政府办公厅(室)"). An adverb of manner or a verb of helping opens a
    clause of work, never a name (the lexicon's manner and duty openers): "认真研究所负责的重点工作"
    (广丰's notice on the work report's duties) is no 研究所, "协助执法部门…" (浦东's road chiefs plan)
    helps the 执法部门."""
    n = len(work_name)
    if work_name.endswith(")") and "(" in work_name:
        work_name = work_name[: work_name.rindex("(")]
    words = unit_words()
    return (
        2 <= n <= 40
        and bool(_ends_with_suffix(work_name))
        and not work_name[:1].isdigit()
        and not work_name.startswith(words.manner_openers)
        and not work_name.startswith(words.duty_openers)
    )


# The issuing place speaking of itself: "我镇", "我区" (town and district plans of 上海 and 浙江 say
# so in their narrative: no unit is named; the gold of 闵行 吴泾's housing safety plan reads none).
_SELF = re.compile(r"我[省市区县镇乡街]")


def is_self_reference(name: str) -> bool:
    """``name`` is the issuing place speaking of itself ("我镇", "我区")."""
    return _SELF.fullmatch(working_text(name)) is not None


# The government and the political consultative conference of a level, whose names open with a common
# word's characters (市政 of 市政工程): "市政府办公室", "市政府督查室", "市政协办公室" are of the level 市
# ("市委办公室、市政府办公室" names two bodies, the second no 市委市政府办公室).
_LEVEL_BODIES = ("市政府", "市政协")


@lru_cache(maxsize=8192)
def _level_prefix(name: str) -> str:
    words = unit_words()
    if name.startswith(words.not_places) and not name.startswith(_LEVEL_BODIES):
        return ""  # 市场监管总局, 城市管理局: a common word, not the level 市
    for prefix in _level_prefixes_by_first().get(name[:1], ()):  # (those that open as it does)
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return prefix
    return ""


@lru_cache(maxsize=1)
def _level_prefixes_by_first() -> dict[str, tuple[str, ...]]:
    """The level prefixes by their first character, each group in the lexicon's order."""
    by_first: dict[str, list[str]] = {}
    for prefix in unit_words().level_prefixes:
        by_first.setdefault(prefix[:1], []).append(prefix)
    return {c: tuple(ps) for c, ps in by_first.items()}


@lru_cache(maxsize=4096)
def _has_place(name: str) -> bool:
    """True when the name carries a place of its own (黄埔临港经济区管委会), not only common words
    that hold a place character (城市更新局, 住房和城乡建设局)."""
    words = unit_words()
    for common in words.not_places:
        if common in name:
            name = name.replace(common, "")
    return _place_markers().search(name) is not None  # (any marker in name)


@lru_cache(maxsize=1)
def _place_markers() -> re.Pattern[str]:
    """Any of the lexicon's place markers."""
    return re.compile("|".join(re.escape(marker) for marker in unit_words().place_markers))


@lru_cache(maxsize=4096)
def _is_collective(name: str) -> bool:
    return any(name.startswith(p) for p in unit_words().collective_prefixes)


def _join_broken_lines(orig: str, work: str) -> tuple[str, str]:
    """Join a name broken across lines; a line break between two whole names separates them."""
    if "\n" not in work:
        return orig, work
    out_o: list[str] = []
    out_w: list[str] = []
    lines_o, lines_w = orig.split("\n"), work.split("\n")
    for lo, lw in zip(lines_o, lines_w, strict=True):
        lo, lw = lo.strip(), lw.strip()
        if not lw:
            continue
        if out_w and (
            (looks_like_unit(out_w[-1].split("、")[-1]) and (_level_prefix(lw) or _is_collective(lw)))
            or out_w[-1].endswith(("、", ","))
        ):
            out_o.append("、")
            out_w.append("、")
        out_o.append(lo)
        out_w.append(lw)
    return "".join(out_o), "".join(out_w)


def parse_law_units(orig: str, work: str | None = None) -> list[str]:
    """``parse_units`` as laws and regulations name bodies: a list of fields of work closed by 等 and
    the kind of body they share ("财政、商务、市场监督管理等部门") names one body of that kind per field
    (财政部门, 商务部门, 市场监督管理部门), the legal designation of a government's department by its
    field (县级以上人民政府财政部门). Plans and measures write the same list with the fields standing for
    the bureaus themselves (发改、财政、房管等部门要…: 发改, 财政, 房管), which ``parse_units`` keeps."""
    w = working_text(orig) if work is None else work
    return field_names(orig, w) or parse_units(orig, w)


# A star after a unit's name in a list marks the lead unit ("区财政局*、区发改局": divisions of work
# reports that name every unit in one cell mark the one that leads so, with a legend such as
# "带*的为牵头单位", as 温州市龙湾区's 2023 division does); read as the role note "(牵头)".
# matches: the "*" of "区财政局*、区发改局" and of "区财政局★" at the end ; must not match: "*" alone,
# "2*3"
_LEAD_STAR = re.compile(r"(?<=[\u4e00-\u9fff)])[*★※](?=[、,;/\s]|$)")


def _star_as_lead(orig: str, work: str) -> tuple[str, str]:
    """``orig`` and ``work`` with each lead star (``_LEAD_STAR``) written as the note "(牵头)", at
    the same places in both (they stay the same length)."""
    if not ("*" in work or "★" in work or "※" in work) or not _LEAD_STAR.search(work):
        return orig, work
    o: list[str] = []
    w: list[str] = []
    at = 0
    for m in _LEAD_STAR.finditer(work):
        o.append(orig[at : m.start()])
        w.append(work[at : m.start()])
        o.append("(牵头)")
        w.append("(牵头)")
        at = m.end()
    o.append(orig[at:])
    w.append(work[at:])
    return "".join(o), "".join(w)


def parse_units(orig: str, work: str | None = None) -> list[str]:
    """The unit names of a list, expanded and cleaned, in the original script.

    ``work`` is the working form of ``orig`` (same length); it is computed when not given.
    """
    if work is None:
        work = working_text(orig)
    orig, work = _star_as_lead(orig, work)
    return list(_parse_units(orig, work))


@lru_cache(maxsize=8192)
def _parse_units(orig: str, work: str) -> tuple[str, ...]:
    """``parse_units`` of one list (a document repeats its unit lists: memoised)."""
    orig, work = _join_broken_lines(orig, work)
    if _SPACE.search(work):
        # Remove all spaces, kept aligned in both forms: the runs of the working text that hold
        # none (\S is what str.isspace is not, character for character), cut from both at once
        # rather than a character at a time.
        runs = [m.span() for m in _NO_SPACE.finditer(work)]
        orig = "".join([orig[a:b] for a, b in runs])
        work = "".join([work[a:b] for a, b in runs])
    if "(" in work and _PINYIN_GLOSS.search(work):
        orig, work = _without_pinyin_glosses(orig, work)
    if not work or is_none(work):
        return ()
    tiers = _LEVEL_TIERS.fullmatch(work) if "级" in work else None
    if tiers is not None:
        # "区、镇两级路长办公室": the body of each level (区级路长办公室, 镇级路长办公室)
        body = orig[tiers.start("body") :]
        return tuple(f"{level}级{body}" for level in tiers.group("levels").split("、"))
    modal = MODAL.search(work)
    if modal is not None:
        # A name never holds a modal verb: the list ends before the clause its modal opens ("有关单位
        # 和个人应当予以(协助)" names 有关单位和个人); a modal that opens a name (what is left of it
        # shorter than two characters) shows the list read into a clause, and names nothing ("选民少的
        # 机关、团体,可以…", "应当取得保护机构、学校等有关方面的(协助)", "必要时可以提请有关部门").
        cut = modal.start()
        last = max((m.end() for m in _SEP.finditer(work, 0, cut)), default=0)
        if cut - last < 2:
            return ()
        orig, work = orig[:cut], work[:cut]
    if (
        work.startswith(("同级", "本级"))
        and "、" in work
        and is_bare_field(work[2:].split("、", 1)[0])  # (not "本级人民代表大会、本级人大常委会")
    ):
        # "会同同级文物、交通运输部门…" (cities' regulations): the departments of those fields at the level
        # of the body the sentence names, their names without the relative level (文物部门, 交通运输部门)
        orig, work = orig[2:], work[2:]
    if "等" in work and "、" in work:
        fl = field_list(work)
        if fl is not None and fl.plain not in ("部门", "机构", "机关") and fl.etc:
            # "公安、财政、城市管理等主管部门": each field's 主管部门 (``field_names``)
            return tuple(field_names(orig, work))
        mixed = _fields_beside_bodies(orig, work)
        if mixed:
            return mixed
    names: list[tuple[str, str]] = []
    pos = 0
    inside = _bracketed(work) if "(" in work else frozenset()
    if "各" in work:
        inside = inside | _collective_levels(work)
    for m in _SEP.finditer(work + "、"):
        if m.start() in inside:
            continue  # "各县(市、区)人民政府" is one name
        w, o = work[pos : m.start()], orig[pos : m.start()]
        pos = m.end()
        note = _ROLE_NOTE.search(w) if "(" in w else None
        if note:
            w, o = w[: note.start()], o[: note.start()]
        if names and _JOINING_OPENER.match(w) and (bare := without_joining_opener(o)) != o:
            # "区民政局、社区服务中心,以及居民委员会": the joining word after a comma opens no name
            w, o = w[len(w) - len(bare) :], bare
        if w.startswith("各") and ("各" in w[1:] or "和" in w):
            each = _each_of(o, w)
            if each:
                names.extend(each)
                continue
        if "等" in w:
            names.extend(_split_etc(o, w))
        elif "及" in w:
            names.extend(_split_and(o, w))
        elif "和" in w:
            names.extend(_split_he(o, w))
        elif w and not is_none(w):
            names.append((o, w))
    if "的" in work:
        names = [
            (o[3:], w[3:]) if w.startswith(_MATCHING) and looks_like_unit(w[3:]) else (o, w) for o, w in names
        ]
    if "含" in work or "包括" in work:
        names = _with_included(names)
    if "办事处)" in work:
        names = _with_subdistricts(names)
    if len(names) > 1 and names[0][1].startswith("各") and names[0][1][1:] in _PLACE_KINDS:
        names = _each_kind_of_place(names)
    return tuple(_distribute(names))


# A list of fields of work closed by 等 and the kind of body they share, where some members are bodies
# written whole: "宣传、公安、发改、住建、金融办、税务等部门要…" (plans and opinions name the departments of a
# joint work so, a bureau of no department's kind written whole among them).
# matches: "公安、金融办、税务等部门", "财政、金融办等有关部门" ; must not match: "财政、税务等部门" (no whole body:
# fields standing for the bureaus, kept as written), "黄贝、南湖街道办等单位" (places, not fields)
_FIELDS_BESIDE_BODIES = re.compile(r"(?P<fields>[^等]{2,200}?)等(?P<group>有关|相关)?(?P<kind>部门|单位)")


def _fields_beside_bodies(orig: str, work: str) -> tuple[str, ...]:
    """The names of a list of fields of work beside bodies written whole, closed by a shared kind
    (``_FIELDS_BESIDE_BODIES``): the body keeps its own name, each field takes the kind that closes
    the list ("宣传、金融办、税务等部门": 宣传部门, 金融办, 税务部门): the writer names bodies, and a field
    alone is a body only with its kind. A whole body's suffix is its own, no field's (no 宣传办).
    () when ``work`` is no such list (every member a body, or a member neither a body nor a field of
    the lexicon's ``fields``)."""
    m = _FIELDS_BESIDE_BODIES.fullmatch(work)
    if m is None:
        return ()
    parts = m.group("fields").split("、")
    whole = [looks_like_unit(p) for p in parts]
    if (
        all(whole)
        or not any(whole)
        or not all(w or is_field_word(p) for p, w in zip(parts, whole, strict=True))
    ):
        return ()
    kind_o = orig[m.start("kind") : m.end("kind")]
    names: list[tuple[str, str]] = []
    for (a, b), w in zip(part_spans(parts), whole, strict=True):
        names.append((orig[a:b], work[a:b]) if w else (orig[a:b] + kind_o, work[a:b] + m.group("kind")))
    if m.group("group"):
        names.append((orig[m.start("group") :], work[m.start("group") :]))
    return tuple(_distribute(names))


# A name with the bodies it includes in brackets: "各区县政府(含南太湖新区、长合区管委会)".
# must not match: "各县(市、区)人民政府" (levels, not an inclusion), "区政府(牵头)"
_INCLUDED = re.compile(r"(?P<base>.{2,}?)\((?:含|包括|包含)(?P<inner>[^()]{2,60})\)")


# Bodies a bracket includes that are the named body's own parts, not further bodies: "(含下属单位)".
_ITS_OWN = ("下属", "所属", "直属")


def _with_included(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each name that says in brackets which bodies it includes, as that name and those bodies:
    "各区县政府(含南太湖新区、长合区管委会)" names 各区县政府, 南太湖新区管委会 and 长合区管委会 (the
    bracket adds bodies that are not of the kind named, and answer with them), as 湖州市's
    work-report divisions write it; "各县(市、区)政府(含开发区管委会)" likewise in provincial
    notices. A bracket holding a unit word alone ("(含下属单位)") adds nothing named."""

    def parts(o: str, m: re.Match[str]) -> list[tuple[str, str]]:
        inner = parse_units(o[m.start("inner") : m.end("inner")], m.group("inner"))
        return [(o[: m.end("base")], m.group("base"))] + [
            (u, working_text(u)) for u in inner if looks_like_unit(u) and not u.startswith(_ITS_OWN)
        ]

    return _expanded(names, _INCLUDED, parts)


def _expanded(
    names: list[tuple[str, str]],
    pattern: re.Pattern[str],
    parts: Callable[[str, re.Match[str]], list[tuple[str, str]]],
) -> list[tuple[str, str]]:
    """``names`` (each as written and as its working text) with every name that ``pattern`` matches
    whole replaced by the names ``parts`` reads from the written name and the match."""
    out: list[tuple[str, str]] = []
    for o, w in names:
        m = pattern.fullmatch(w)
        out.extend([(o, w)] if m is None else parts(o, m))
    return out


# A town's government with the subdistrict office that stands for it where there is no town:
# "镇人民政府(街道办事处)", "乡镇人民政府(街道办事处)", "各镇人民政府(街道办事处)" (奉贤's rural
# housing opinions; 海盐's and county notices address "各镇人民政府(街道办事处)"; national laws say
# "乡镇人民政府、街道办事处"). must not match: "各乡镇(街道)" (one collective of places, as written),
# "政府办公厅(室)" (a bracketed alternative of the suffix).
_SUBDISTRICT_ALTERNATIVE = re.compile(
    r"(?P<town>.{1,12}?(?:人民政府|政府))\((?P<office>[^()、,]{0,6}街道办事处)\)"
)


def _with_subdistricts(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each "X镇人民政府(街道办事处)" as two bodies: the town's government and the subdistrict office
    (both answer for the work, each where it governs)."""

    def parts(o: str, m: re.Match[str]) -> list[tuple[str, str]]:
        return [(o[m.start(g) : m.end(g)], m.group(g)) for g in ("town", "office")]

    return _expanded(names, _SUBDISTRICT_ALTERNATIVE, parts)


def subdistrict_alternatives(name: str) -> tuple[str, ...]:
    """``name`` as the bodies it names: "镇人民政府(街道办事处)" is 镇人民政府 and 街道办事处, any other
    name itself (``_with_subdistricts``)."""
    if "办事处" not in name:
        return (name,)
    w = working_text(name)
    return tuple(o for o, _ in _with_subdistricts([(name, w)]))


# Kinds of place of which a district has many: after "各镇" a bare "街道" is each of them too.
_PLACE_KINDS = frozenset(
    ("街道", "镇", "乡", "乡镇", "街镇", "村", "社区", "居委会", "村居", "居村", "街道办事处")
)


def _each_kind_of_place(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ "各镇、街道" is each town and each subdistrict (Jiading's underpass notice, Fengxian's park-city
    opinions write their places so): the 各 of a list that opens with a kind of place carries over to
    the bare kinds of place that follow it. A single body (开发区, 头桥集团) stays as written, and so does
    a list that opens with some other body ("各属地派出所和街镇")."""
    out = [names[0]]
    for o, w in names[1:]:
        if w in _PLACE_KINDS:
            o, w = "各" + o, "各" + w
        out.append((o, w))
    return out


# The pinyin a web page prints after a character in brackets ("經開區(qū)管委會").
# matches: "(qū)", "(fā)", "(wù)" ; must not match: "(市)", "(试行)", "(2)"
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def _without_pinyin_glosses(orig: str, work: str) -> tuple[str, str]:
    """``orig`` and ``work`` without the pinyin that some reproductions of documents in
    traditional script print in brackets after a character ("湘西經開區(qū)管委會" is 湘西經開區管委會):
    the gloss is no part of the name. Seen in the tune document xiangxi_business_environment_plan_2020
    (湘西州) and in reproductions of other issuers' documents (四川省 川办函〔2017〕113号, 常州市
    常政发〔2023〕1号) on the web."""
    drop = {i for m in _PINYIN_GLOSS.finditer(work) for i in range(m.start(), m.end())}
    keep = [i for i in range(len(work)) if i not in drop]
    return "".join(orig[i] for i in keep), "".join(work[i] for i in keep)


def _collective_levels(work: str) -> frozenset[int]:
    """Offsets inside a collective of levels of places."""
    return frozenset(i for m in _LEVELS.finditer(work) for i in range(m.start() + 1, m.end()))


def _bracketed(work: str) -> frozenset[int]:
    """Offsets inside round brackets."""
    inside = set()
    depth = 0
    for i, ch in enumerate(work):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return frozenset(inside)


def _split_and(o: str, w: str) -> list[tuple[str, str]]:
    """Two names joined by 及: "市级各有关部门及各县市区政府" is two units; a 及 inside one name
    stays (must not split: "市场监管局及其派出机构", where 其派出机构 is no name)."""
    i = w.find("及")
    head, tail = w[:i], w[i + 1 :]
    if head.endswith("以") and _whole_name(head[:-1]) and _whole_name(tail):
        # "镇人民政府以及管理局(管委会)" (pudong_landscape_lighting_2023), "住房城乡建设管理部门以及
        # 其他行业主管部门" (shanghai_market_supervision_gas_campaign_2022): 以及 joins two names as 及.
        return [(o[: i - 1], head[:-1]), (o[i + 1 :], tail)]
    if tail.startswith(("其有关", "其相关")) and _whole_name(head) and _whole_name(tail[1:]):
        # "各级人民政府及其有关部门" (jiaxing_straw_burning_regulation_2016), "市和区县(市)人民政府
        # 及其有关部门" (宁波市全民阅读促进条例): the 其 (its) refers back to the head, as laws write
        # a government and its departments; the collective 有关部门 is the unit.
        return [(o[:i], head), (o[i + 2 :], tail[1:])]
    if tail in _ITS_MEMBERS and _whole_name(head):
        # "区创建工作领导小组及其成员单位要…": the group answers for its members, named by it alone
        return [(o[:i], head)]
    if _whole_name(head) and _whole_name(tail):
        return [(o[:i], head), (o[i + 1 :], tail)]
    return [(o, w)] if w and not is_none(w) else []


# The members of a group after 及 ("领导小组及其成员单位"): the group's own, no unit of their own.
_ITS_MEMBERS = frozenset(("其成员单位", "其各成员单位"))


# Nouns that name no unit of their own after 和: they share the words before ("各有关部门和单位").
_GENERIC_NOUNS = frozenset(("单位", "部门", "机构", "学校", "企业", "组织", "个人"))


def _split_he(o: str, w: str) -> list[tuple[str, str]]:
    """Two names joined by 和 in a list of units: "属地派出所和属地街镇要…", "区交通委和公安分局交管部门
    按照各自职责…", "市经济信息化委和市生态环境局" are two units each (Jing'an, Jinshan and city
    documents write a pair of units so). A 和 inside one name stays: its head is no whole name
    (must not split: "工业和信息化局", "住房和城乡建设管理委", "人力资源和社会保障局"); so does a 和
    before a bare generic noun that shares the words before it ("各有关部门和单位", "教育行政部门和
    学校": one collective, as 国务院 documents write it)."""
    i = w.find("和")
    head, tail = w[:i], w[i + 1 :]
    if "和" not in tail and tail not in _GENERIC_NOUNS:
        j = head.rfind("的")
        if j >= 2 and _kind_of_body(head[j + 1 :]) and _kind_of_body(tail):
            # "实行单独财税体制的园区和乡镇": the clause before 的 qualifies both (SCHEMA's shared prefix)
            return [(o[:i], head), (o[: j + 1] + o[i + 1 :], head[: j + 1] + tail)]
        places = _places_collective(head) and _is_collective(tail)  # (not "各区县和乡镇人民政府": one body)
        if (_whole_name(head) or _body_by_kind(head) or places) and _body_after_he(tail):
            return [(o[:i], head), (o[i + 1 :], tail)]
    return [(o, w)] if w and not is_none(w) else []


def _places_collective(w: str) -> bool:
    """``w`` is the collective of the places of a level ("各县区", "各乡镇", "各街道", "各地"): the
    governments of those places, a unit beside a collective of bodies after 和 ("各县区和相关部门要…" names
    各县区 and 相关部门, as county and city plans charge both; levels joined by 和 before the government
    they share, "各区县和乡镇人民政府", are read by the callers that know levels)."""
    rest = w[1:]
    return w.startswith("各") and (
        LEVEL.fullmatch(rest) is not None or rest in _PLACE_KINDS or rest in ("地", "地区")
    )


def _body_by_kind(w: str) -> bool:
    """``w`` is a body named by its work and the kind 机构 or 机关 ("金融机构", "医保经办机构", "公安机关"):
    "金融机构和住房公积金管理中心应…" names two bodies, as "住房公积金管理中心和金融机构" does."""
    return len(w) >= 4 and kind_of(w) in ("机构", "机关") and not w.startswith(_MANY_OF_A_KIND)


# Words that open the whole class of a kind, no body of it ("各类金融机构", "广大企业", "全体党员").
_MANY_OF_A_KIND = ("各类", "广大", "全体")


def _kind_of_body(w: str) -> bool:
    """``w`` (after a qualifying clause's 的) is a body or a kind of place that answers for work: a unit
    ("…的管委会"), a place governed ("乡镇", "街道", "园区", "开发区"); not a party ("企业", "个人")."""
    return 2 <= len(w) <= 6 and (looks_like_unit(w) or w in _PLACE_KINDS or w in _BARE_ZONES)


def _body_after_he(tail: str) -> bool:
    """``tail`` (after the 和 of two names) is a body's whole name: a unit, or a body named by its work and
    the kind 机构 or 机关 ("各乡镇和医保经办机构要…": the towns and the insurance agencies, two kinds of body,
    as county plans charge them; "公安派出所和消防救援机构")."""
    return _whole_name(tail) or (len(tail) >= 4 and kind_of(tail) in ("机构", "机关"))


# Collectives written one after another, each opened by its own 各: "各乡镇各部门要围绕…" (泾县's notice
# on its 2023 work report), "各级各部门要提高站位" (杭州's notice on its 2020 work report), "各地各部门"
# (广东's division of its 2021 work report) are two units each. A 各 that qualifies a kind rather than
# opening a unit (各级各类学校, 各类, 各项, 各自) stays inside one name, and so does 各级 (no unit of
# its own: "各级各部门" is read whole).
# matches: "各乡镇各部门", "各地各部门", "各区各有关单位" ; must not match: "各级各类学校", "各级各部门", "各区政府"
_EACH_EACH = re.compile(r"(?P<a>各(?!级)[^各和及等()]{1,4}?)(?P<b>各(?![类项种自])[^各和及等()]{1,8})")
# Roles of units sharing one 各 and one noun: "各牵头单位和汇总单位" (杭州's notice: each lead and each
# collecting unit), "各协作和配合单位" (a county notice on its 2016 work report: each helping and each
# cooperating unit) are two collectives, each of them 各…单位.
# matches: "各牵头单位和汇总单位", "各协作和配合单位", "各责任部门和配合部门" ; must not match: "各区政府和市相关部门"
_ROLES = "牵头|责任|主责|配合|协作|协办|协同|参与|成员|汇总"
_EACH_ROLE_PAIR = re.compile(f"各(?P<a>{_ROLES})(?P<an>单位|部门)?和(?P<b>{_ROLES})(?P<bn>单位|部门)")


def _each_of(o: str, w: str) -> list[tuple[str, str]]:
    """The collectives of a name opened by 各 that stands for two: "各乡镇各部门" -> 各乡镇, 各部门;
    "各牵头单位和汇总单位" -> 各牵头单位, 各汇总单位; "各协作和配合单位" -> 各协作单位, 各配合单位.
    Empty when the name is one collective."""
    m = _EACH_EACH.fullmatch(w)
    if m is not None:
        i = m.start("b")
        return [(o[:i], w[:i]), (o[i:], w[i:])]
    m = _EACH_ROLE_PAIR.fullmatch(w)
    if m is None or not (m.group("an") is None or m.group("an") == m.group("bn")):
        return []
    noun_o = o[m.start("bn") :]
    a_o, b_o = o[m.start("a") : m.end("a")], o[m.start("b") : m.end("b")]
    return [
        (o[0] + a_o + noun_o, "各" + m.group("a") + m.group("bn")),
        (o[0] + b_o + noun_o, "各" + m.group("b") + m.group("bn")),
    ]


def _whole_name(w: str) -> bool:
    return looks_like_unit(w) and (not _is_collective(w) or len(w) > 2)


# What a list closed by 等 calls its names: "X、Y等部门", "X、Y等部门和单位" (国务院 and district
# documents alike write "公安、市场监管、文物等部门和单位要…"): X and Y, nothing more.
_CLASS_NOUNS = frozenset(("部门", "单位", "部门和单位", "单位和部门"))


# A class noun with a level: "发改、财政、建管等区级部门" (qingpu_old_housing_renovation_2024; "等市级部门",
# "等县级单位" in cities' and counties' plans) calls its names departments of that level, as 等部门 does.
_LEVEL_CLASS = re.compile(r"[省市区县镇乡]级(?:部门|单位)")


def _split_etc(o: str, w: str) -> list[tuple[str, str]]:
    """A name closed by 等 (and others): ``X等`` is X, ``X等有关部门`` is X and 有关部门, ``X等部门`` is X.
    A 等 that does not close the name is kept (must not split: "平等")."""
    i = w.find("等")
    rest = w[i + 1 :]
    # "市直有关部门", "区级相关单位": a collective too, whatever its level.
    group = _is_collective(rest) or (
        ("有关" in rest or "相关" in rest) and rest.endswith(("部门", "单位")) and len(rest) <= 8
    )
    if i < 2 or not (not rest or group or rest in _CLASS_NOUNS or _LEVEL_CLASS.fullmatch(rest)):
        return [(o, w)]
    out = [(o[:i], w[:i])]
    if group:
        out.append((o[i + 1 :], rest))
    return out


# The kinds of a public agency's name ("气象主管机构", "渔政管理机构", "精神文明建设工作机构"): a name ending so
# is whole (not "机关" or "科研机构", which a list's closing kind completes: "机关、团体、企业事业单位").
_AGENCY_KINDS = ("主管机构", "管理机构", "工作机构")


def _distribute(names: list[tuple[str, str]]) -> list[str]:
    """Give a shared level prefix and a shared suffix to the names that lack them."""
    if not names:
        return []
    out = [list(pair) for pair in names]
    # A shared suffix: "黄贝、南湖、莲塘街道办" -> the bare names before the list's last name take its
    # suffix; the run stops at a name with a suffix of its own ("轨道交通车站、轨交公安、属地派出所、
    # 属地街镇": 轨交公安 is no 轨交公安镇). A run closed earlier by a government of a level takes that
    # government ("…、黑河、绥芬河市政府、省农垦总局" gives 黑河 the 市政府 of 绥芬河市政府).
    for i, pair in enumerate(out[:-1]):
        w = pair[1]
        rest = _after_level(w, out[i + 1][1]) if len(w) <= 9 else 0
        body = _zones_body(out, i) if not rest and w.endswith(_ZONE_ENDS) else None
        if body is not None:
            # "经开区、某某新城管委会": each zone's 管委会
            pair[0] += body[0]
            pair[1] += body[1]
            continue
        if rest:
            # "市、县(市、区)人民政府环境保护主管部门": the level 市 takes the body after 县(市、区).
            closing = out[i + 1]
            pair[0] += closing[0][len(closing[0]) - rest :]
            pair[1] += closing[1][len(closing[1]) - rest :]
            continue
        if _ends_with_suffix(w) or len(w) > 6 or w.endswith(_AGENCY_KINDS) or _body_by_kind(w):
            continue  # ("气象主管机构、有关部门", "金融机构和…中心": an agency named by its kind takes no other's)
        at = next((j for j in range(i + 1, len(out)) if _ends_with_suffix(out[j][1])), None)
        if at is None:
            continue
        closing = out[at]
        government = _level_government(w, closing[1])
        if government:
            pair[0] += closing[0][len(closing[0]) - government :]
            pair[1] += closing[1][len(closing[1]) - government :]
            if _is_collective(w) and len(closing[1]) == government + 1:
                # "相关市、县政府": the collective's word is the level's too (相关县政府).
                closing[0], closing[1] = pair[0][: len(w) - 1] + closing[0], w[:-1] + closing[1]
            continue
        # A collective is whole: "各区县、各有关部门" (must not become 各区县部门).
        suffix = _ends_with_suffix(closing[1])
        if _is_collective(w) or not (at == len(out) - 1 or _parallel_place(w, closing[1], suffix)):
            continue
        pair[0] += closing[0][len(closing[0]) - len(suffix) :]
        pair[1] += suffix
    _each_distributed(out)
    # Divisions of one body: "市交通委科技信息处、港务监管处" -> "市交通委港务监管处".
    body_o = body_w = ""
    for pair in out:
        o, w = pair
        # (both patterns end with a division's last character: a name ending otherwise matches neither)
        whole = _DIVISION_OF_BODY.fullmatch(w) if w[-1:] in _DIVISION_LAST else None
        if whole:
            body_w = whole.group("body")
            body_o = o[: len(body_w)]
        elif body_w and _BARE_DIVISION.fullmatch(w) and not _level_prefix(w):
            pair[0], pair[1] = body_o + o, body_w + w
        else:
            body_o = body_w = ""
    # A shared level prefix: "区发展改革局、工业和信息化局" -> "区工业和信息化局". A list that writes
    # the same prefix on several names writes each name whole: "市商务委、市交通委、长三角区域合作
    # 办公室" (must not become 市长三角…); a national body's name (国家…, 中国…) is whole too.
    prefixes = [_level_prefix(pair[1]) for pair in out]
    prefix_o, prefix_w = "", ""
    took = False  # (the name before took the shared prefix)
    for pair, p in zip(out, prefixes, strict=True):
        o, w = pair
        if p:
            prefix_o, prefix_w = o[: len(p)], p
            took = False
            continue
        took, was = False, took
        if (
            prefix_w
            and prefixes.count(prefix_w) < 2
            and looks_like_unit(w)
            and (not _has_place(w) or (was and _level_company(w)))
            and not _is_collective(w)
            and not w.startswith(_NATIONAL)
            and not _CENTRAL_VERTICAL.search(w)
            and not _LEVEL_GOVERNMENT.fullmatch(w)  # "县X部门、乡镇人民政府": a level's own government
            and not w.endswith(_SELF_GOVERNING)
            # "县区政府和职能部门": a kind of body named by its role is of no level (no 县职能部门)
            and not is_generic_body(w)
        ):
            po, pw = prefix_o, prefix_w
            # A party committee's prefix (区委) goes to party organs (部, 办); a department (局)
            # takes the government's (区).
            if pw.endswith("委") and w.endswith(("局", "中心", "署")):
                po, pw = po[:-1], pw[:-1]
            pair[0], pair[1] = po + o, pw + w
            took = True
    _owner_distributed(out)
    seen: set[str] = set()
    result = []
    for o, w in out:
        if w not in seen:
            seen.add(w)
            result.append(o)
    return result


# The last words of a zone's name (开发区, 高新区, 新城, 产业园): a zone is governed by its 管委会.
_ZONE_ENDS = (
    "开发区",
    "新区",
    "园区",
    "高新区",
    "经开区",
    "保税区",
    "示范区",
    "试验区",
    "功能区",
    "合作区",
    "新城",
    "园",
)
# A zone's governing body closing a list of zones: "经开区、某某新城管委会" (city plans list the zones and
# write their 管委会 once, after the last).
_ZONE_BODY = re.compile("(?:" + "|".join(_ZONE_ENDS) + r")(?P<body>管委会|管理委员会)")


def _zones_body(out: list[list[str]], i: int) -> tuple[str, str] | None:
    """The body the bare zone ``out[i]`` takes from the zone's governing body that
    closes the run of bare zones it opens ("经开区、高新区、某某新城管委会": 经开区管委会, 高新区管委会);
    (in both forms: original, working); None when the run closes otherwise."""
    for j in range(i + 1, len(out)):
        o, w = out[j]
        m = _ZONE_BODY.search(w)
        if m is not None and m.end() == len(w):
            return o[m.start("body") :], m.group("body")
        if not w.endswith(_ZONE_ENDS):
            return None
    return None


def _level_company(w: str) -> bool:
    """``w`` is a company group named by its business alone (创投集团, 城投集团), no place in its name: a
    list writes the groups a level's government owns so, bare after the level's bodies ("区房管局、置业
    集团": kept as written, the group's own short name), and takes the level only inside a run of bare
    names that share the list's prefix ("市不动产登记和交易中心、土地发展中心、创投集团": 市创投集团, the
    level written once for the run)."""
    return w.endswith("集团") and not _has_place(w[:-2])


# A level's government or its bodies as a whole, then the collective of its bodies: "县政府有关部门",
# "市人民政府各部门", "县直有关单位", "省有关部门", "区委各部门". The owner ends with the level (省, 县), its
# government (县政府, 市人民政府), its party committee (区委) or 直 (县直: the bodies directly under the county).
# matches: "县政府有关部门" (owner 县政府), "市直各单位" ; must not match: "有关部门", "县住建局有关科室"
_OWNER_COLLECTIVE = re.compile(
    r"(?P<owner>(?:[\u4e00-\u9fff]{0,6}?[省市县区旗盟州乡镇])(?:人民政府|政府|委|直)?)"
    r"(?:其他)?(?:有关|各|相关)(?:部门|单位|机构)"
)
# A collective of bodies that belong to a level (直属, 所属, 下属: a body directly under the level's
# government has no owner but that level): "有关直属单位", "各直属机构", "所属事业单位".
# matches: "有关直属单位", "各直属机构", "有关所属企业" ; must not match: "有关单位", "有关区人民政府", "各街道"
_BELONGING_COLLECTIVE = re.compile(r"(?:其他)?(?:有关|各|相关)?(?:直属|所属|下属)[\u4e00-\u9fff]{1,6}")


def _owner_distributed(out: list[list[str]]) -> None:
    """A collective of the bodies that belong to a level, after that level's collective of bodies,
    takes its owner, as SCHEMA's shared prefix is distributed: "县政府有关部门、有关直属单位" gives
    县政府有关直属单位, "市人民政府各部门、各直属机构" gives 市人民政府各直属机构. A collective of anyone
    (有关单位, 有关组织) or of other governments (有关区人民政府) keeps its name as written: regulations
    list them after a level's departments as bodies of their own ("市人民政府有关部门、有关区人民政府")."""
    owner_o = owner_w = ""
    for pair in out:
        o, w = pair
        m = _OWNER_COLLECTIVE.fullmatch(w)
        if m is not None:
            owner_w = m.group("owner")
            owner_o = o[: len(owner_w)]
            continue
        if owner_w and _BELONGING_COLLECTIVE.fullmatch(w) and not _has_place(w):
            pair[0], pair[1] = owner_o + o, owner_w + w
            continue
        owner_o = owner_w = ""


# The branches of the bodies the central government runs straight down to the places (垂直管理: the
# central bank, the financial regulators, the customs, the tax service named by its place): no body of a
# local level, so a level prefix before a list is none of theirs ("市发改局、人行某某支行、某某金融监管
# 支局" names 人行某某支行 and 某某金融监管支局, not 市人行…; "州发改委、人民银行某某州分行").
# matches: "人行某某支行", "人民银行某某州分行", "某某银保监分局", "银保监组", "某某金融监管支局",
# "某某税务局" ; must not match: "人行道管理所", "金融监管局" (a level's own 地方金融监管局 written short),
# "税务局", "地方税务局" (a level's own, named by its level)
_CENTRAL_VERTICAL = re.compile(
    r"人民银行|人行(?![道天])|银保监|银监|保监|证监|外汇管理|金融监管(?:分局|支局|组)"
    r"|^(?!地方)[\u4e00-\u9fff]{2,6}?税务(?:分局|局)$"
)


# The self-governing bodies of residents and villagers (城市居民委员会组织法, 村民委员会组织法): no body
# of a level of government, so a level prefix before a list is none of theirs ("区民政局、社区服务中心,
# 以及居民委员会" names 居民委员会, not 区居民委员会).
_SELF_GOVERNING = ("居民委员会", "村民委员会", "居委会", "村委会")


# The characters that name a level of places alone: 省, 市, 县, 区, 州, 旗, 盟, 乡, 镇.
_LEVEL_CHARS = "省市县区州旗盟乡镇"


# The government of a level of places closing a list: "绥芬河市政府", "县人民政府".
# matches: "县政府" (level 县, body 政府), "绥芬河市人民政府" ; must not match: "区政府办公室"
# A level may be written with its peer in brackets: "县(区)人民政府", "乡(镇)人民政府".
_LEVEL_GOVERNMENT = re.compile(
    rf".*?(?P<level>[{_LEVEL_CHARS}](?:\([{_LEVEL_CHARS}]\))?)(?P<body>(?:人民)?政府)"
)


def _level_government(bare: str, closing: str) -> int:
    """How many closing characters of ``closing`` a bare name before it takes when the list names
    the governments of several places or levels with one body word, as government documents
    write them ("哈尔滨、黑河、绥芬河市政府" are three 市政府; "相关市、县政府" are 相关市政府 and
    相关县政府; "由市、区政府"): a place takes the level and the body, a level (or a collective
    of one, 相关市) only the body; 0 when ``closing`` is no such government. Seen in the tune
    documents heilongjiang_steady_growth_measures (黑龙江省政府) and shanghai_zero_carbon_parks_2026
    (上海市发展改革委)."""
    m = _LEVEL_GOVERNMENT.fullmatch(closing)
    if m is None:
        return 0
    body = len(m.group("body"))
    if bare[-1] in _LEVEL_CHARS:
        return body
    return body + 1 if not _is_collective(bare) else 0


# ---------------------------------------------------------------------------------------------
# The grammar of a unit name, as Chinese official writing composes one (laws, regulations, plans):
#
#   name   := [levels] [fields] kind            "县级以上人民政府发展改革、财政等部门"
#   levels := level (、 level)* [和 level]       "市、县（区）", "市、县区和乡镇"
#   level  := LEVEL_WORD [（LEVEL_WORD、…）]     "县（市、区）", "乡（镇）", "区县（自治县）"
#   fields := field (、 field)* [等 [有关|相关]]   "发展改革、财政等", "公安、民政等有关"
#   kind   := 行政主管部门 | 主管部门 | 部门 | 机关 | 机构 | …
#
# and a name never holds a modal verb (应当, 可以, 不得, …): words read with one are a clause.
# ---------------------------------------------------------------------------------------------

# One word of a level of places: the single characters, and the levels written in words: "省辖市"
# (河南's regulations), "设区的市" (several provinces'), "县级市", "自治州", "自治县", "民族乡" (laws name the
# township's kinds "乡、民族乡、镇"); one level in two
# words, "县区" (counties and districts: 山东's city regulations), "区县" (重庆's), "乡镇": "市、县区人民
# 政府" are 市人民政府 and 县区人民政府, not 市区人民政府.
LEVEL_WORD = rf"(?:省辖市|设区的市|县级市|自治州|自治县|民族乡|区县|县区|乡镇|乡\(镇\)|[{_LEVEL_CHARS}])"
# A level, alone or with the peers it stands for in brackets: "市", "县(市、区)", "乡(镇)", "区(县级市)",
# "区县(自治县)", "乡镇(街道)", "市(地)".
LEVEL = re.compile(LEVEL_WORD + r"(?:\([^()]{1,8}\))?")
# The levels a name writes once before the body they share: "市、县(市、区)", "省、设区的市", "市、县区和
# 乡镇", "区、县和乡、民族乡、镇" (the last levels joined by 和 before the government they share). The list ends where no level
# goes on (must not match: "市场", the 市 of a common word, is left to the caller: see ``LEVEL_LIST``'s
# lookahead).
LEVEL_LIST = re.compile(
    LEVEL.pattern
    + r"(?:、"
    + LEVEL.pattern
    + r")+(?:(?:和|以及|及|或者)"
    + LEVEL.pattern
    + r"(?:、"
    + LEVEL.pattern
    + rf")*(?=人民政府|人民代表大会))?(?=[^、{_LEVEL_CHARS}(])"
)

# The bodies of two or three levels named at once: "区、镇两级路长办公室", "区、镇两级农村公路管理
# 机构" (浦东's road chiefs plan), "市、区两级河长办公室", "县、乡两级政府" (the chief systems of
# river, lake and road plans set up an office at each level so).
_TIER = r"(?:" + LEVEL_WORD + r"|村)"  # (a village is a tier of its own: "县、乡、村三级")
_LEVEL_TIERS = re.compile(
    r"(?P<levels>" + _TIER + r"(?:、" + _TIER + r"){1,3})[两三四]级(?P<body>[^、,;]{2,20})"
)

# The bodies of every place of some levels, one collective ("各市、县(市、区)人民政府": the
# governments of every city and county): its separators divide no names.
# matches: "各市、县(市、区)", "各区、县", "各有关区、县级市" (the collective with its 有关 / 相关:
# 广州's talent plan names "各有关区、县级市" as it names "各区、县级市") ; must not match: "各区政府、区发展改革委"
_LEVELS = re.compile(
    r"各(?:有关|相关)?"
    + LEVEL_WORD
    + r"(?:、"
    + LEVEL_WORD
    + r"(?:\("
    + LEVEL_WORD
    + r"(?:、"
    + LEVEL_WORD
    + r")*\))?)+"
)
# The kinds of body a name ends with when it names a body by its field of work: "商务、文化和旅游、卫生健康
# 主管部门", "公安、城市管理、交通等行政执法部门" (longest first).
KINDS = (
    "行政主管部门",
    "行政管理部门",
    "行政执法部门",
    "主管部门",
    "行政部门",
    "主管机关",
    "部门",
    "机关",
    "机构",
)


def kind_of(name: str) -> str:
    """The kind of body ``name`` ends with (``KINDS``), or ""."""
    return next((k for k in KINDS if name.endswith(k)), "")


# Brackets that hold a list ("县（市、区）"): a level's peers, not a field's qualifier. A field may carry
# one in brackets ("城市管理（行政执法）、民政等部门": a field by its old and new names).
_BRACKET_LIST = re.compile(r"\([^()]*、")


def is_bare_field(field: str) -> bool:
    """``field`` names a field of work, not a body: "财政", "文化和旅游", "城市管理(行政执法)"; not
    "财政局" (a body), "有关" or "各区" (collectives). (A field is one piece of a list cut at its 、,
    so a level's bracketed peers, _BRACKET_LIST, are the list's to rule out, not the field's.)"""
    return (
        2 <= len(field) <= 12
        and not looks_like_unit(field)
        and not field.startswith(("有关", "相关", "各"))
        and _NO_FIELD.search(field) is None
        # "司法机关、行政机关": two bodies, not 司法机关 of a 机关; "气象主管机构、有关部门": a body and a collective
        and not field.endswith(("机关", "部门", "主管机构"))
    )


@lru_cache(maxsize=1)
def _field_words() -> frozenset[str]:
    """The fields of work plans name a government's departments by, short and without a suffix (the
    lexicon's ``fields``: 财政, 发改, 住建, 税务…), in the working text."""
    value = load_data("units.json").get("fields")
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise ValueError("data/units.json: 'fields' must be a list of non-empty strings")
    return frozenset(working_text(w) for w in value)


def is_field_word(w: str) -> bool:
    """``w`` is a field of work by which plans name a department (财政, 发改, 住建: ``_field_words``)."""
    return w in _field_words()


def level_field(w: str) -> bool:
    """``w`` is a level and a field of work with no suffix: "市财政", "县住建", "区发改". Plans name a
    level's department so when it is a clause's subject ("由市财政落实…", "县住建牵头…"); the name is
    the department as the text writes it."""
    p = _level_prefix(w)
    return bool(p) and len(p) == 1 and is_field_word(w[1:])


# The modal verbs of duty: what a body 应当, 应, 须 or 必须 do. Laws, plans and notices lay a duty with
# them on whom a clause names before them. The one list the readers of duty build from: DUTY_VERB and
# MODAL here (outline.py reads a unit's name's end by MODAL: _NOTICE_VERB), _NO_FIELD, the subject's end
# in articles.py (_MODALS, _MODAL_BY, _DUTY_MODAL), outline.py's _CLAUSE_DUTY_VERB, pipeline.py's
# _TITLE_DUTY and role_fallback.py's _DUTY_AFTER. Plans and notices also lay a duty with 要 (MODAL_YAO).
DUTY_MODALS: tuple[str, ...] = ("应当", "应", "须", "必须")
# The modal verbs of a power (可以, 可: "X可以…制定"), a ban or a refusal (不得, 不能, 不予) and of what
# ought to be (应该): a clause opens its predicate with them as with a modal of duty, which they are not.
POWER_MODALS: tuple[str, ...] = ("可以", "可")
BAN_MODALS: tuple[str, ...] = ("不得", "不能", "不予")
OUGHT_MODAL = "应该"
# The 要 of duty in plans and notices ("各区要…"), not the 要 of 重要, 主要, 需要, 纲要, 要素, 要案, 要点, 要求.
MODAL_YAO = r"(?<![重主需纲])要(?![素案点求])"
# The 应 of duty, not the 应 of a word (供应, 适应, 响应, 反应, 相应, 感应, 对应, 回应, 应急, 应用, 应对).
_MODAL_YING = r"(?<![供适响反相感对回])应(?![急用对])"
# The 须 of duty alone, not the second character of 必须.
_MODAL_XU = r"(?<!必)须"


def _two_character(*groups: tuple[str, ...]) -> list[str]:
    """The modal verbs of two characters of ``groups`` (a pattern lists them before the single
    characters: 应当 before 应)."""
    return [w for g in groups for w in g if len(w) == 2]


# What no field holds: a relative clause ("从事相关气象探测的海洋", "北山范围内的世界地质公园"; the 的 after
# a government or a level is its own: "县级以上人民政府的计划、财政等部门", "市和区的计划、规划等部门") or a verb of
# duty or support ("负责指导水行政", "本市支持数据安全检测评估": the clause the list was read with), or a
# modal verb of two characters (应当, 必须, 可以, 不得…).
_CLAUSE_DE = r"(?<![府省市县区镇乡])的"  # (not a government's or a level's 的)
_NO_FIELD = re.compile(
    _CLAUSE_DE
    + r"|负责|从事|支持|鼓励|引导|"
    + "|".join(_two_character(DUTY_MODALS, POWER_MODALS, BAN_MODALS))
)


# fields 等 [collective] kind: "发展改革、财政等部门", "公安、民政等有关部门", "林业、水务等湿地保护管理部门".
_FIELDS_ETC = re.compile(
    r"(?P<fields>[^等]{2,200}?)等(?P<group>有关|相关|其他有关|其他相关)?(?P<kind>[^等、]{0,8})"
)


@dataclass(frozen=True)
class FieldList:
    """A list of bare fields sharing a kind of body: "发展改革、财政等有关部门" is the fields 发展改革 and
    财政, the collective 有关 and the kind 部门. ``kind`` is as written ("湿地保护管理部门"), ``plain`` the
    kind of ``KINDS`` it ends with; ``etc`` when 等 closes the fields. Offsets are into the text read."""

    fields: tuple[tuple[int, int], ...]
    etc: bool
    group: tuple[int, int] | None
    kind: tuple[int, int]
    plain: str


def part_spans(parts: list[str], at: int = 0) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each of ``parts`` in the text they were split from at ``at`` by a one-character
    separator ("教育、科学技术".split("、"): (0, 2), (3, 7))."""
    out = []
    for p in parts:
        out.append((at, at + len(p)))
        at += len(p) + 1
    return tuple(out)


def field_list(work: str) -> FieldList | None:
    """``work`` read as bare fields sharing one kind of body (``FieldList``), or None: "教育、科学技术等
    有关部门", "园林绿化、林业行政管理部门" (without 等 the last field carries the kind)."""
    etc = _FIELDS_ETC.fullmatch(work) if "等" in work else None
    if etc is not None:
        kind = etc.group("kind")
        plain = kind_of(kind)
        if kind.startswith("工作的"):
            kind = kind[3:]  # "征兵、人民防空等工作的主管部门": each field's 主管部门
        if not plain or "的" in kind:
            return None  # "海洋、水务等部门的监测机构": the bodies of the fields' departments
        fields = part_spans(etc.group("fields").split("、"))
        group = etc.span("group") if etc.group("group") else None
        out = FieldList(fields, True, group, (etc.end("kind") - len(kind), etc.end("kind")), plain)
    elif "等" in work or _BRACKET_LIST.search(work):
        return None  # "县(市、区)农业农村主管部门": the 、 of a level's peers parts no fields
    else:
        # "公安机关、消防救援机构", "小型、微型养老机构": no fields share a 机构 without 等
        parts = work.split("、")
        plain = next((k for k in KINDS if parts[-1].endswith(k) and len(parts[-1]) - len(k) >= 2), "")
        if len(parts) < 2 or plain in ("", "机构"):
            return None  # "生态环境、水行政主管部门": 水行政 is no field of 行政主管部门 but of 主管部门
        fields = part_spans(parts[:-1] + [parts[-1][: -len(plain)]])
        out = FieldList(fields, False, None, (len(work) - len(plain), len(work)), plain)
    *heads, (a, b) = out.fields
    if not all(is_bare_field(work[x:y]) for x, y in heads) or b - a < 2:
        return None
    return out if not etc or is_bare_field(work[a:b]) else None


# The government a list of fields opens with: "县级以上人民政府", "县级以上地方人民政府", "市人民政府".
GOV_PREFIX = re.compile(r"[^、()]{0,10}?人民政府")
# The words that open with a level's character but name none (市场监管, 城市管理, 县级): the lexicon's words of
# places that are no place (place_words_not_places: 市场, 市政, 市容, 区域…) and words of a level itself,
# which name no body of it (省级, 县级, 县域).
_LEVEL_ITSELF = ("省级", "市级", "县级", "区级", "县域")


def _not_levels() -> frozenset[str]:
    """The words of two characters that open a field with a level's character but name no level."""
    return frozenset((*unit_words().not_places, *_LEVEL_ITSELF))


# A relative clause before the first field of a list, closed by 的 (not a government's or a level's 的).
_CLAUSE_BEFORE_FIELDS = re.compile(r"[^、,;等的]{2,16}" + _CLAUSE_DE + r"(?=[^、的]{2,12}、)")


def field_names(orig: str, work: str) -> list[str]:
    """The bodies a list of bare fields sharing a kind names (``field_list``), in the legal designation
    of a department by its field: "财政、商务等部门" names 财政部门 and 商务部门; "教育、科学技术等有关部门"
    adds the collective (有关部门); "林业、水务等湿地保护管理部门" (a kind named by its work) gives each
    field's department (林业部门), "X等并联审批相关部门" adds the collective as 等相关部门 does; without
    等 the last field keeps its whole name ("县级以上人民政府发展改革、财政部门": 县级以上人民政府发展改革部门,
    县级以上人民政府财政部门), and a bare 部门 closes no list but after a government (plans write "财政、
    税务部门" for the bureaus). Empty when ``work`` is no such list."""
    clause = _CLAUSE_BEFORE_FIELDS.match(work) if "的" in work else None
    if clause is not None:
        # "城市管理涉及的环境保护、交通运输等有关部门": the relative clause is no part of the names
        at = clause.end()
        return field_names(orig[at:], work[at:])
    fl = field_list(work) if "、" in work or "等" in work else None
    if fl is None or _BRACKET_LIST.search(work):
        return []
    fields = [work[a:b] for a, b in fl.fields]
    ks, ke = fl.kind
    if fl.etc:
        kind = work[ks:ke]
        if kind == fl.plain:
            out = _cut(orig, fields, orig[ks:ke])
            if fl.group:
                out.append(orig[fl.group[0] :])
            return out
        if fl.group:
            return []
        if fl.plain in ("机构", "机关"):
            # "自然保护区、森林公园等管理机构": each field's 管理机构, the kind as written
            return _cut(orig, fields, orig[ks:ke])
        out = _cut(orig, fields, orig[ke - len(fl.plain) : ke])
        if "相关" in kind or "有关" in kind:
            out.append(orig[ks:])
        return out
    gov = GOV_PREFIX.match(fields[0])
    if len(fields) < 2 or (fl.plain == "部门" and not gov):
        return []
    last = orig[fl.fields[-1][0] :]
    if gov and not GOV_PREFIX.match(last):
        last = orig[: gov.end()] + last  # "县级以上人民政府发展改革、财政部门": 县级以上人民政府财政部门
    return _cut(orig, fields[:-1], orig[ks:ke]) + [last]


# The autonomous levels a regulation of an autonomous county or prefecture names its own by (彭水苗族土家族
# 自治县's and other autonomous counties' 条例: "自治县人民政府", "自治县旅游主管部门").
_AUTONOMOUS = ("自治县", "自治州", "自治区")


# A level of more than one character that opens the first field of a list: "县级", "省级", "县级以上",
# "区县", "县区", "乡镇", "县级市", "设区的市". must not match: "市场监管", "县域", "县级市场监管" (县级)
_FIELD_LEVEL = re.compile(
    r"(?:区县|县区|乡镇|县级市(?![场政容])|设区的市)(?:\([^()]{1,8}\))?|[省市县区乡镇]级(?:以上)?"
)


def _cut(orig: str, fields: list[str], kind: str) -> list[str]:
    """Each field with the kind; a level written on the first field goes to all ("区发展改革、财政等
    部门": 区财政部门), unless its character opens a common word (市场监管, 城市管理)."""
    level = ""
    gov = GOV_PREFIX.match(fields[0])
    if gov and len(fields[0]) - gov.end() >= 2 and not any(GOV_PREFIX.match(f) for f in fields[1:]):
        # "县级以上人民政府农业农村、自然资源等部门": the government goes to every field, as 嘉兴's
        # "县（市、区）人民政府国土资源和农业经济主管部门" names the government of each
        level = orig[: gov.end()]
    elif fields[0].startswith(("当地", "所在地")) and len(fields[0]) > 4:
        level = orig[:2] if fields[0].startswith("当地") else orig[:3]  # "当地国土资源、房屋征收等部门"
    elif fields[0].startswith(_AUTONOMOUS) and is_bare_field(fields[0][3:]):
        if not any(f.startswith(_AUTONOMOUS) for f in fields[1:]):
            level = orig[:3]  # "自治县城乡规划建设、国土房管等主管部门": 自治县国土房管主管部门
    elif (lv := _FIELD_LEVEL.match(fields[0])) is not None and len(fields[0]) - lv.end() >= 2:
        # "县级农业农村、自然资源等有关部门", "区县发展改革、财政等部门": a level of more than one character
        # goes to every field as 市 does (县级自然资源部门, 区县财政部门)
        if is_bare_field(fields[0][lv.end() :]) and not any(f.startswith(lv.group()) for f in fields[1:]):
            level = orig[: lv.end()]
    elif fields[0][:1] in "省市县区" and fields[0][:2] not in _not_levels() and len(fields[0]) >= 3:
        # (a field of two characters too: "市文物、自然资源和规划等部门": 市自然资源和规划部门)
        if (
            not any(f[:1] == fields[0][:1] for f in fields[1:])
            and is_bare_field(fields[0][1:])
            and fields[0][1]
            not in "和及与或"  # "市和区、县工商…等部门": levels joined, no level of the first field
        ):
            level = orig[:1]
    out, pos = [], 0
    for i, f in enumerate(fields):
        out.append((level if i else "") + orig[pos : pos + len(f)] + kind)
        pos += len(f) + 1
    return out


# A modal verb: what a unit name never holds ("应当报经省发展改革部门…", "有关部门应当予以…", "区政府分管
# 领导要站(位全局)": a clause read with the name). must not match: "应急管理局", "供应", "相应", "重要",
# "主要", "需要", "要素", "纲要", "要求" (a request: "根据小组要求").
MODAL = re.compile(
    "|".join(
        [
            *_two_character(DUTY_MODALS, (OUGHT_MODAL,), POWER_MODALS, BAN_MODALS),
            _MODAL_XU,
            MODAL_YAO,
            _MODAL_YING,
        ]
    )
)


def _after_level(bare: str, closing: str) -> int:
    """How many closing characters of ``closing`` a bare level before it takes when laws and
    regulations name the bodies of several levels at once: "市、县(市、区)人民政府" are 市人民政府
    and 县(市、区)人民政府, "市、县(市、区)精神文明建设指导机构" two 指导机构, "市、县(区)人民政府
    生态环境主管部门" two 主管部门 (neijiang_civilized_behaviour_regulation_2021,
    jiaxing_straw_burning_regulation_2016, luohe_loose_coal_regulation_2019): the level takes all
    of the name after the closing name's own level. 0 when ``bare`` is no level or ``closing``
    opens with none (市场监管局 opens with a common word, not the level 市)."""
    if not LEVEL.fullmatch(bare):
        return 0
    m = LEVEL.match(closing)
    if m is None or closing.startswith(unit_words().not_places):
        return 0
    rest = closing[m.end() :]
    whole = looks_like_unit(rest) or rest.endswith(("机构", "机关"))
    return len(rest) if len(rest) >= 2 and whole and not any(c in rest for c in "及和与") else 0


def _parallel_place(bare: str, closing: str, suffix: str) -> bool:
    """Whether ``bare`` is a place named beside the one ``closing`` names (a run of places closed
    before the list's last name: "甲乙街道、丙丁、戊己街道办、市城管局"): place names are short and of
    about one length; a longer bare name is a body of its own ("轨交公安、属地派出所")."""
    stem = len(closing) - len(suffix)
    return len(bare) <= 3 and abs(len(bare) - stem) <= 1 and not suffix.endswith(_NO_PLACE_ENDS)


# The last characters of bodies that are no places: a committee (居委会, 村委会) closing "公安、交通、
# 居委会等有关部门和单位" gives nothing to the fields before it (公安会, 交通会 are no bodies; Songjiang's
# parking measures and Jing'an's plans list neighbourhood committees beside departments so).
_NO_PLACE_ENDS = ("会", "委")


# A bare level of places written after a collective: "各街道、镇" is 各街道 and 各镇.
_BARE_LEVELS = frozenset(("镇", "乡", "区", "县", "村", "居"))


def _each_distributed(out: list[list[str]]) -> None:
    """Give the 各 of a collective to the bare levels of places listed after it: "各街道、镇作为…
    责任主体" (Xuhui's plan), "各街道、乡" are every one of each level, as a reader
    takes them (a bare 镇 names no unit)."""
    each_o = ""
    for i, pair in enumerate(out):
        o, w = pair
        if w in _BARE_KINDS and i > 0:
            # "有关部门、单位" (neijiang_civilized_behaviour_regulation_2021), "相关部门、单位" and
            # "各部门、单位" (qingdao_marine_ai_2024): a bare kind of body after a collective is of
            # that collective too (有关单位), as "有关部门和单位" is one collective.
            prev_o, prev_w = out[i - 1]
            kind = _ends_with_suffix(prev_w) or prev_w[-2:]
            head = prev_w[: len(prev_w) - len(kind)]
            if head in COLLECTIVE_HEADS:
                pair[0], pair[1] = prev_o[: len(head)] + o, head + w
            continue
        if w.startswith("各") and len(w) > 1:
            each_o = o[:1]
        elif each_o and w in _BARE_LEVELS:
            pair[0], pair[1] = each_o + o, "各" + w
        else:
            each_o = ""


# A bare kind of body, and the collective words another name of the list may give it.
_BARE_KINDS = frozenset(("单位", "部门", "机构"))
COLLECTIVE_HEADS = frozenset(("有关", "相关", "各", "各有关", "各相关", "其他有关", "其他相关"))


# A division (处, 科, 室, 股) of a named body, and a division named alone after it in a list.
# matches: "市交通委科技信息处" (body 市交通委), "港务监管处" (bare) ; must not match: "区政府办公室",
# "办公室"
_DIVISION_OF_BODY = re.compile(r"(?P<body>.+?(?:委员会|委|局|厅|部|办))[^委局厅部办]{2,8}[处科室股]")
_BARE_DIVISION = re.compile(r"[^委局厅部办区市县省]{2,8}[处科室股]")
_DIVISION_LAST = frozenset("处科室股")

# The opening of a national body's name, which never takes a local prefix.
_NATIONAL = ("国家", "中国", "全国", "中央")


@lru_cache(maxsize=1)
def _marker_pattern() -> re.Pattern[str]:
    words = unit_words()
    return re.compile(
        "|".join(
            map(re.escape, words.lead_markers + words.duty_markers + words.guide_markers + words.co_markers)
        )
    )


def has_role_marker(work: str) -> bool:
    """True when ``work`` holds a word that says what units do (牵头, 负责, 配合…)."""
    return _marker_pattern().search(work) is not None


def _strip_marker(work: str, markers: tuple[str, ...]) -> tuple[str, str]:
    if not work.endswith(markers):
        return work, ""
    for marker in markers:
        if work.endswith(marker):
            return work[: -len(marker)], marker
    return work, ""


# What separates the groups of a role note (in the working text).
GROUP_SEPARATORS = ",;。"
# A group of a role note: units and the marker after them, up to a comma or semicolon.
# matches: "区商务局牵头" ; must not match: the comma between two groups
_GROUP = re.compile(f"[^{GROUP_SEPARATORS}]+")


# A document's declaration that the first unit of each list leads and the others co-operate
# ("排在第一位的部门为牵头部门", "列第一位者为牵头单位", "排在首位的为牵头单位", "首位单位为牵头单位"
# as 海盐县's division of its 2022 work report writes it), in working text.
# Also with the list's own label or a ranking word: "第一责任单位为牵头单位" (a bracket closing the
# first list, "下同"), "排名第一的为牵头单位,其他为配合单位", "列第一位的责任单位为牵头单位", and
# naming the item it leads: "排序第一的责任单位为该项牵头单位", "…为该项工作的牵头单位".
# must not match: "牵头单位排在第一位的是…" (a ranking), "第一责任人" (a person)
FIRST_LEADS = re.compile(
    r"(?:(?:排在|列在|列于|排名|排序|位列|排|列)(?:第一位|首位|第一个|第一)|首位|第一位|第一个|第一)"
    r"(?:的|者)?(?:责任)?(?:部门|单位)?(?:为|是)(?:该项|本项|各项)?(?:工作)?的?(?:牵头|主责)"
)
# The longest text FIRST_LEADS matches ("排在第一位的责任部门为该项工作的牵头"), and how far before the
# 第一 or 首位 every match holds it may start (after 排在, 列在, 列于, 排名, 排序, 位列).
_FIRST_LEADS_LONGEST = 18
_FIRST_LEADS_LEAD_IN = 2


def declares_first_leads(work: str) -> bool:
    """``FIRST_LEADS.search(work) is not None``, asked only around each 第一 and 首位 of ``work``
    (every match holds one, at most two characters after its start): the pattern opens with no
    literal and is tried at every character of a document otherwise, where a word is found at
    the speed of memchr and a document holds few of these."""
    for word in ("第一", "首位"):
        at = work.find(word)
        while at >= 0:
            lo = max(0, at - _FIRST_LEADS_LEAD_IN)
            if FIRST_LEADS.search(work, lo, at + _FIRST_LEADS_LONGEST) is not None:
                return True
            at = work.find(word, at + 1)
    return False


# A group of a note that only says "the same below" after such a declaration.
_SAME_BELOW = frozenset(("下同", "以下同", "后同"))


def parse_roles(
    orig: str, work: str | None = None, *, default: str = "lead", first_leads: bool = False
) -> UnitRoles:
    """Units of a role note such as ``区商务局牵头,区财政局配合`` or ``责任单位:区科技局``.

    Groups ending with a lead marker (牵头负责, 牵头) give lead units, with a co marker (配合,
    协办, 参与) co-units. Units that only answer for the work (a duty marker: 负责, 分工负责,
    分头落实; the label 责任单位; no marker) are co-units when a lead unit is named beside them,
    else they take ``default``. ``first_leads``: the document declares that the first unit of
    each list leads (``FIRST_LEADS``): a list with no lead named gives its first unit the lead
    and the others the co-units.
    """
    if work is None:
        work = working_text(orig)
    orig, work = _star_as_lead(orig, work)
    if "以下" in work or "不再" in work:
        orig, work = _without_carried_over(orig, work)
    if ("第一" in work or "首位" in work) and declares_first_leads(work):
        first_leads = True
        orig, work = _without_declaration(orig, work)
    return _parse_roles(orig, work, default, first_leads)


# The words of a note that declares its units for the measures below too ("责任单位:市税务局,以下均需
# 各园区管委会、各镇(街)人民政府落实,不再列出", 福建 and 国务院办公厅 notes): the declaration's words
# are no part of the names they stand beside. matches: "以下均需", "以下各项均由", ",不再列出",
# ",不再一一列出" ; must not match: "以下简称" (an alias: see _ALIAS), "以下单位"
_CARRIED_OVER = re.compile(
    r"以下(?:各项|各条)?(?:均|都)(?:需|由|要|请)?|[,;]?[ \t]*不再(?:一一|单独|重复)?列出"
)


def _without_carried_over(orig: str, work: str) -> tuple[str, str]:
    """A note without the words declaring that its units hold for the measures below as well
    (``_CARRIED_OVER``): the units it names stay this note's (whether later measures take them is a
    reading the gold files do not share, see the corpus README of stop 27)."""
    # (``work`` is ``orig``'s working text, of its length: a span of one is the same span of the other.)
    kept_orig: list[str] = []
    kept_work: list[str] = []
    at = 0
    for m in _CARRIED_OVER.finditer(work):
        kept_orig.append(orig[at : m.start()])
        kept_work.append(work[at : m.start()])
        at = m.end()
    if at == 0:
        return orig, work
    return "".join(kept_orig) + orig[at:], "".join(kept_work) + work[at:]


def _without_declaration(orig: str, work: str) -> tuple[str, str]:
    """A unit list closed by a bracket declaring that its first unit leads ("责任单位:财政局、发改局、
    经信局(列第一位者为牵头或汇总单位,下同)"), without that bracket: the declaration names no
    unit, and its comma would split the list. 浙江 cities and counties divide their work reports so
    (湖州市's 责任分解 of 2019-2024, 桐乡市's of 2020).
    must not change: "区商务局(牵头)、区财政局" (a role in the bracket, not a declaration)."""
    stripped = work.rstrip()
    if not stripped.endswith(")"):
        return _without_inner_declaration(orig, work)
    open_at = stripped.rfind("(")
    if open_at <= 0 or FIRST_LEADS.search(stripped, open_at) is None:
        return _without_inner_declaration(orig, work)
    return orig[:open_at], work[:open_at]


def _without_inner_declaration(orig: str, work: str) -> tuple[str, str]:
    """A unit list whose first unit carries the declaration in a bracket ("责任单位:县发改局(首位
    单位为牵头单位,下同)、县财政局、县税务局", 海盐县's division of 2022; a bracket after the first
    name as 浙江 counties' divisions write it, as well as at the end): that bracket left out.
    must not change: "区商务局(牵头)、区财政局" (a role in the bracket, not a declaration)."""
    m = FIRST_LEADS.search(work)
    if m is None:
        return orig, work
    open_at = work.rfind("(", 0, m.start())
    close_at = work.find(")", m.end())
    if open_at < 0 or close_at < 0 or "(" in work[open_at + 1 : m.start()]:
        return orig, work
    return orig[:open_at] + orig[close_at + 1 :], work[:open_at] + work[close_at + 1 :]


# (Room for every distinct note of a large document: the 10 MB bench document has about 5,000;
# evicting them read each again.)
@lru_cache(maxsize=16384)
def _parse_roles(orig: str, work: str, default: str, first_leads: bool = False) -> UnitRoles:
    lead: list[str] = []
    co: list[str] = []  # co-units and units with no role of their own, in the order written
    unmarked: list[str] = []
    guide: list[str] = []
    kinds: list[str] = []  # each group's marking: "bare" (no label, no marker), "shares" (分工负责…), ""
    co_label = None  # the group before opened with a label of co-units ("配合单位:")
    for gs, ge in _groups(work):
        found = _group_roles(work[gs:ge], orig[gs:ge])
        if found is not None:
            kinds.append(_group_marking(work[gs:ge]))
        if (
            found is not None
            and co_label is not None
            and found[2]
            and not (found[0] or found[1] or found[3])
            and ":" not in work[gs:ge]
            and work[co_label:gs].rstrip().endswith(",")
        ):
            # A list under a co label going on after a comma ("配合单位:市公安局、市城管局,各区政府",
            # 宁波's 2014 progress notice; 配合单位 lists of 浙江 counties' divisions mix 、 and ,):
            # the label holds for it too.
            found = ((), found[2], (), ())
            continued = True
        else:
            continued = False
        if (lm := _CO_LABEL_OPEN.match(work, gs)) is not None and label_role(lm.group("label")) == "co":
            co_label = gs
        elif not continued:
            co_label = None
        if found is not None:
            lead.extend(found[0])
            co.extend(found[3])
            co.extend(found[2])
            co.extend(found[1])
            unmarked.extend(found[2])
            guide.extend(found[3])
    if (
        default != "co"
        and not lead
        and len(kinds) >= 2
        and kinds[0] == "bare"
        and set(kinds[1:]) == {"shares"}
    ):
        # "(市商务局,各县区、开发园区按职责分工负责)", "(人力资源社会保障部、财政部,各省级人民政府按职责
        # 分工负责)": a first group set apart by a comma and marked by nothing, before the groups that share
        # the work by their duties, is the unit named to lead (as "X牵头,Y按职责分工负责" names it); the
        # others help (SCHEMA: 按职责分工负责 after a named lead are co-units).
        first = _group_roles(*_first_group(orig, work))
        if first is not None and first[2]:
            lead = list(first[2][:1] if first_leads else first[2])
    if default != "co" and not lead:
        # No lead named: the units that answer for the work lead; failing them, those that
        # guide it ("生态环境部指导" alone). Where the document says the first-listed unit
        # leads, only that one does.
        lead = unmarked or guide
        if first_leads:
            lead = lead[:1]
        co = [u for u in co if u not in lead]
    return UnitRoles(tuple(dict.fromkeys(lead)), tuple(u for u in dict.fromkeys(co) if u not in lead))


_Names = tuple[str, ...]


def _group_marking(w: str) -> str:
    """How a group of a role note is marked: "bare" (no label, no marker of any role), "shares" (a
    duty marker that shares the work out by duties: 按职责分工负责, 分头落实, 分别负责), or ""."""
    words = unit_words()
    w = w.strip(" ,;")
    if ":" in w:
        return ""
    for markers in (words.co_markers, words.lead_markers, words.guide_markers):
        if _strip_marker(w, markers)[1]:
            return ""
    marker = _strip_marker(w, words.duty_markers)[1]
    if not marker:
        return "bare"
    return "shares" if ("分" in marker or "按职责" in marker) else ""


def _first_group(orig: str, work: str) -> tuple[str, str]:
    """The working and original text of a role note's first group."""
    gs, ge = _groups(work)[0]
    return work[gs:ge], orig[gs:ge]


def _groups(work: str) -> list[tuple[int, int]]:
    """The groups of a role note: between separators, and a label opens a group of its own
    ("牵头单位:区商务局 配合单位:区财政局")."""
    spans = [(m.start(), m.end()) for m in _GROUP.finditer(work)]
    if "、" in work:
        spans = [part for span in spans for part in _after_lead_marker(work, *span)]
    if ":" not in work:
        return spans
    out = []
    labels = _label_pattern()
    for s, e in spans:
        cut = s
        # (from the group's first character, longest label first: a label there is read whole, so that
        # the label inside a longer one, 责任单位 in 协同责任单位, 牵头责任单位 or 其他责任单位 (湘阴县's 2019
        # 若干规定, 泾县's 2023 division), opens no group of its own)
        for lm in labels.finditer(work, s, e):
            if work[cut : lm.start()].strip():
                out.append((cut, lm.start()))
                cut = lm.start()
        out.append((cut, e))
    return out


@lru_cache(maxsize=1)
def _lead_then_list() -> re.Pattern[str]:
    markers = sorted(unit_words().lead_markers, key=len, reverse=True)
    return re.compile(f"(?<=[\u4e00-\u9fff)])(?:{'|'.join(markers)})(?=、)")


def _after_lead_marker(work: str, s: int, e: int) -> list[tuple[int, int]]:
    """A group cut after each lead marker that a 、 follows: "区经委牵头、区财政局配合" is two groups
    (区经委牵头, 区财政局配合), as "区经委牵头,区财政局配合" is; the 、 after a marker parts two
    groups, not two names (plans write the pair with 、 as well as with a comma)."""
    out = []
    for m in _lead_then_list().finditer(work, s, e):
        if work[m.end() + 1 : e].strip():
            out.append((s, m.end()))
            s = m.end() + 1
    out.append((s, e))
    return out


# A group opening with a label of co-units. matches: "配合单位:", ",协办单位 :", "协同责任单位:",
# "协同配合单位:" ; must not match: "配合", "责任单位:"
_CO_LABEL_OPEN = re.compile(r"[\s,;]*(?P<label>" + UNIT_ROLE_LABEL + r")\s*:")


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    words = unit_words()
    labels = sorted({*words.lead_labels, *words.co_labels}, key=len, reverse=True)
    # matches: "配合单位:" ; must not match: "配合" with no colon
    return re.compile(f"(?:{UNIT_ROLE_LABEL}|{'|'.join(map(re.escape, labels))})\\s*:")


@lru_cache(maxsize=8192)
def _group_roles(w: str, o: str) -> tuple[_Names, _Names, _Names, _Names] | None:
    """The (lead, co, unmarked, guiding) units of one group of a role note (``w`` its working
    text, ``o`` the original), or None when it is blank. Groups repeat across a document:
    memoised."""
    words = unit_words()
    w = w.strip()
    o = o.strip()
    if not w or w in _SAME_BELOW or FIRST_LEADS.search(w):
        # Blank, or the declaration of who leads ("排在第一位的部门为牵头部门", "下同"): no units.
        return None
    role = ""
    label = _LABEL.match(w) if ":" in w else None
    if label:
        lab = label.group("label")
        # (the grammar of role labels first: 协作配合单位, 其他参与单位, 协同支持单位; the lexicon's
        # labels for those it leaves, 责任科室, 实施主体, 部门分工)
        by_grammar = label_role(lab) if _ROLE_LABEL_AT.fullmatch(lab) else ""
        if by_grammar == "co" or (
            not by_grammar
            and (
                lab in words.co_labels or any(lab.startswith(x) or x.startswith(lab) for x in words.co_labels)
            )
        ):
            role = "co"
        elif by_grammar == "duty" or lab.startswith("责任") or lab.startswith("负责"):
            # 责任单位 are lead units unless a lead unit is named beside them.
            role = ""
        elif by_grammar == "lead" or any(lab.startswith(x) or x.startswith(lab) for x in words.lead_labels):
            role = "lead"
        w, o = w[label.end() :], o[label.end() :]
    stripped, marker = _strip_marker(w, words.co_markers)
    if marker:
        role = role or "co"
    else:
        stripped, marker = _strip_marker(w, words.lead_markers)
        if marker:
            role = role or "lead"
        else:
            # Units that guide the work or organise its implementation (指导, 组织落实: read
            # before 落实 alone), then 负责 / 分工负责 / 落实: units that answer for the work, lead
            # or co by what is beside them.
            stripped, marker = _strip_marker(w, words.guide_markers)
            if marker:
                role = role or "guide"
            else:
                stripped, marker = _strip_marker(w, words.duty_markers)
    o = o[: len(stripped)]
    # Per-name notes inside the group: "区商务局(牵头)、区财政局".
    if not role and "(" in stripped and _ROLE_NOTE.search(stripped):
        lead: list[str] = []
        co: list[str] = []
        unmarked: list[str] = []
        for part_o, part_w in _split_pairs(o, stripped):
            note = _ROLE_NOTE.search(part_w)
            part_names = _parse_units(part_o, part_w)
            if note and note.group("role") in NOTE_LEAD_ROLES:
                lead.extend(part_names)
            elif note:
                co.extend(part_names)
            else:
                unmarked.extend(part_names)
        return tuple(lead), tuple(co), tuple(unmarked), ()
    if "会同" in stripped and role != "co":
        # "X会同Y负责": X leads, Y works with it.
        cut = stripped.index("会同")
        head = _parse_units(o[:cut], stripped[:cut])
        if head:
            return head, _parse_units(o[cut + 2 :], stripped[cut + 2 :]), (), ()
    names = _parse_units(o, stripped)
    if role == "lead":
        return names, (), (), ()
    if role == "co":
        return (), names, (), ()
    if role == "guide":
        return (), (), (), names
    return (), (), names, ()


def _split_pairs(orig: str, work: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    for m in _SEP.finditer(work + "、"):
        out.append((orig[pos : m.start()], work[pos : m.start()]))
        pos = m.end()
    return [p for p in out if p[1]]


def clear_caches() -> None:
    """Forget the memos of unit lists and names (benchmarks measure a cold document)."""
    for memo in (
        _parse_roles,
        _group_roles,
        _parse_units,
        _is_none,
        looks_like_unit,
        _level_prefix,
        _has_place,
        _is_collective,
        unit_key,
        clean_unit_name,
    ):
        memo.cache_clear()


@lru_cache(maxsize=8192)
def unit_key(name: str) -> str:
    """The registry's key of a unit name: simplified, abbreviations expanded, 和/与 dropped.

    ``区发改局``, ``区发展和改革局`` and ``區發展改革局`` have one key.
    """
    w = _SPACE.sub("", working_text(name))
    # (a name that holds no short form at all is changed by none: the forms are not tried one by one)
    for short, full in abbreviations() if _short_forms().search(w) is not None else ():
        if short in w:
            if short in full:
                # The short form is part of the full one (街道办 / 街道办事处): expand at the end only.
                if w.endswith(short) and not w.endswith(full):
                    w = w[: -len(short)] + full
            else:
                w = w.replace(short, full)
    return w.replace("和", "").replace("与", "")


@lru_cache(maxsize=1)
def _short_forms() -> re.Pattern[str]:
    """Any short form of ``abbreviations``."""
    return re.compile("|".join(re.escape(short) for short, _ in abbreviations()))


@dataclass
class UnitRegistry:
    """Canonical unit names with their aliases, learned from the documents read.

    It ships empty: ``add`` learns a name (returning the canonical one it is an alias of, if
    any), ``merge`` records that an officer joined two names into one unit.
    """

    _canonical: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    _aliases: dict[str, set[str]] = field(default_factory=dict)  # canonical -> names seen

    def add(self, name: str) -> str:
        """Learn ``name``; return the canonical name of its unit."""
        key = unit_key(name)
        canonical = self._canonical.get(key)
        if canonical is None:
            canonical = working_text(name)
            self._canonical[key] = canonical
            self._aliases.setdefault(canonical, set())
        if name != canonical:
            self._aliases[canonical].add(name)
        return canonical

    def canonical(self, name: str) -> str | None:
        """The canonical name ``name`` is known by, or None."""
        return self._canonical.get(unit_key(name))

    def merge(self, alias: str, canonical: str) -> None:
        """Make ``alias`` (and everything it stood for) a name of ``canonical``."""
        target = self.add(canonical)
        old = self._canonical.get(unit_key(alias))
        names = {alias} | (self._aliases.pop(old, set()) | {old} if old and old != target else set())
        for n in names:
            self._canonical[unit_key(n)] = target
            if n != target:
                self._aliases[target].add(n)

    def units(self) -> dict[str, tuple[str, ...]]:
        """Every canonical name with its aliases, sorted."""
        return {c: tuple(sorted(a)) for c, a in sorted(self._aliases.items())}


def names_after(work: str, pos: int, known: dict[str, str]) -> tuple[str, ...]:
    """The known unit names (working form -> name as written) that ``work`` lists from ``pos``:
    "会同区绿化市容局、区房管局制定…" gives both. Longest name first; a list goes on after 、, 和
    or 及."""
    out: list[str] = []
    lengths = sorted({len(k) for k in known}, reverse=True)
    while pos < len(work):
        for n in lengths:
            name = known.get(work[pos : pos + n])
            if name is not None:
                out.append(name)
                pos += n
                break
        else:
            break
        if pos < len(work) and work[pos] in "、和及":
            pos += 1
            continue
        break
    return tuple(out)


# A collective of units: "各相关单位", "有关部门", "有关方面", "各街镇", "各区县".
# matches: "各相关单位横向协作" (up to 单位) ; must not match: "各类市场主体"
_COLLECTIVE = re.compile(
    r"(?:各|相关|有关)[^,。;、:()]{0,6}?(?:单位|部门|机构|方面|街道|街镇|乡镇|区县|县市区|地区|区)"
    # a qualifier in brackets is part of it: "各街镇(经开区)", "各街镇(园区)" (Songjiang's plans)
    r"(?:\([^()]{1,8}\))?"
)


def collective_after(work: str, pos: int) -> str:
    """A collective of units that ``work`` names at ``pos`` ("各相关单位", "有关部门"), or ""."""
    m = _COLLECTIVE.match(work, pos)
    return m.group() if m else ""


# Words that open a clause after its subject, never part of a unit's name: a preposition or a
# verb. A list of names read with one of them inside is a clause cut at the wrong place.
# matches: "由", "根据", "按照", "会同" ; must not match: the 对 of "对口支援办", "对外联络处", the 由 of
# "自由贸易试验区" (a name: 国务院自由贸易试验区工作部际联席会议办公室), "理由"
_CLAUSE_WORD = re.compile(
    AGENT_BY
    + r"|根据|依据|按照|依照|会同|联合(?!会|体|社|党|办|工作)|协同(?!创新|中心|办)|对(?!口|外)|(?<!所)在(?!地)"
)
# The alias clause a document defines a short name with ("（以下简称区更新办）"): read alone as a
# name it is no unit of its own (the full name it follows is).
_ALIAS = re.compile(r"[(“\"]*(?:以下简称|以下称|下称|简称)")
# Adverbs a wrongly cut clause may leave before its preposition ("原则按照市水务局…").
_FILLERS = frozenset(("原则", "原则上", "并", "同时", "另", "还", "均", "也"))
# A whole place before a collective of its bodies: "全区各轨道交通车站", "全市各区".
_WHOLE_PLACE = re.compile(r"全[区市县省镇州]|本[区市县镇]")
# The relative words before a body that matches its case: "相应的道路管理机构".
_MATCHING = ("相应的", "对应的", "相关的")


# The words of a system of duty, no unit's: "…实行县政府分线领导牵头负责制和部门单位具体负责制" (how
# county notices on their work reports' duties describe who answers), "实行河长负责制", "落实安全生产
# 责任制" (as 静安's heritage plan writes "…质量负责制"). must not match: "负责制定", "负责制作" (a duty
# verb and its work, 奉贤's parking measures and rural housing opinions).
_SYSTEM = re.compile(r"负责制(?![定订作])|责任制|实行")
# People, not units: the leaders a notice names beside its units ("各牵头县政府领导要…" in 通山's 2022
# notice, "各牵头领导、责任单位要…" in 泾县's of 2023, "主要领导要亲自抓" in 鄂温克旗's of 2022; "县长") and
# its cadres ("政府各组成部门广大干部要…" in a county's notice of 2016), and the heads of units
# ("各责任单位主要负责人要…" in 谯城's notice of 2020, "各养老服务机构负责人要…" in 奉贤's gas safety plan). (The chiefs of a chief system, "属地街镇长" of 静安's metro plan,
# answer as its units do: 镇长 and 区长 stay.)
_PERSON_ENDS = ("领导", "县长", "市长", "书记", "负责人", "负责同志", "干部")
# The collective of the units that help, named as a subject: "各协作和配合单位要积极主动与牵头单位衔接联系"
# (a county notice of 2016, zhangjiachuan_ in the tune corpus), "协同配合单位要服从工作大局" (谯城's notice
# of 2020): co-units.
_HELPERS_BY_ROLE = re.compile(
    r"(?:各|其他)?(?:有关|相关)?(?:协作|配合|协办|协同|协同配合|参与)(?:责任)?(?:单位|部门)"
)


def helps_by_role(name: str) -> bool:
    """``name`` is the collective of the units that help (``_HELPERS_BY_ROLE``: 各配合单位, 协同配合单位)."""
    return _HELPERS_BY_ROLE.fullmatch(working_text(name)) is not None


# The delegate a body may name in its place: "由权属部门或者其委托的单位负责养护" (金山's traffic
# facilities rules, 2017), "由市渔业主管部门或者其指定的有关渔业主管部门负责管理" (杭州's fishery
# resources rules, 2014): the body that entrusts or designates answers for the work; 其…的 is whoever
# it chooses, no unit the text names.
DELEGATE = re.compile(r"(?:或者|或)?其(?:委托|指定|授权)的")


# The words that join a name to what comes before, read in front of it when a list is cut at its joining
# word: "…等公共文化机构，以及村民委员会组织开展…", "…及某某街道办事处" (regulations of many cities write so).
# must not match: "及其有关部门" (its). (A 并 opens a verb's clause: "并接受渔业主管部门…" names no body.)
_JOINING_OPENER = re.compile(r"以及|及(?!其)")
# The verbs of encouragement before a body: "提倡和鼓励社区居民委员会…", "鼓励和支持村民委员会…": the body is
# encouraged, not charged with a duty (a regulation charges its bodies with 应当), so no unit of the clause.
# The place that encourages may open it, speaking of itself: "本市提倡和鼓励居民委员会…", "国家鼓励…".
_ENCOURAGING_PLACES = ("本", "我")  # before a level: 本市, 我省
_ENCOURAGING_STATE = "国家"
_ENCOURAGING_JOINS = ("和", "及", "、")
_ENCOURAGING_VERBS = ("提倡", "鼓励", "支持")
_ENCOURAGING_JOIN_ALT = "|".join(_ENCOURAGING_JOINS)
_ENCOURAGING_VERB_ALT = "|".join(_ENCOURAGING_VERBS)
_ENCOURAGED = re.compile(
    rf"(?:(?:{'|'.join(_ENCOURAGING_PLACES)})[省市区县镇乡]|{_ENCOURAGING_STATE})?"
    rf"(?:{_ENCOURAGING_JOIN_ALT})?(?:{_ENCOURAGING_VERB_ALT})(?:(?:{_ENCOURAGING_JOIN_ALT})?(?:{_ENCOURAGING_VERB_ALT}))*"
)


def without_joining_opener(name: str) -> str:
    """``name`` without a joining word opening it (``_JOINING_OPENER``) when what follows is a unit's name;
    else ``name``."""
    m = _JOINING_OPENER.match(working_text(name))
    if m is None:
        return name
    rest = working_text(name[m.end() :])
    return name[m.end() :] if looks_like_unit(rest) or _is_collective(rest) and len(rest) > 2 else name


# The first characters an encouragement may open with (a cheap first look before ``_ENCOURAGED``),
# from the words it is made of.
_ENCOURAGING_FIRSTS = frozenset(
    w[0] for w in (*_ENCOURAGING_PLACES, _ENCOURAGING_STATE, *_ENCOURAGING_JOINS, *_ENCOURAGING_VERBS)
)


def encouraged(name: str) -> bool:
    """``name`` (a subject as read, or a list of them) opens with a verb of encouragement (``_ENCOURAGED``):
    the bodies after it are encouraged, none charged with a duty."""
    w = working_text(name)
    return _encouraged_at(w, 0, len(w))


def _encouraged_at(work: str, s: int, e: int) -> bool:
    """``work[s:e]`` opens with a verb of encouragement before a name (``encouraged``)."""
    m = _ENCOURAGED.match(work, s, e)
    return m is not None and e - m.end() >= 2


@lru_cache(maxsize=8192)
def clean_unit_name(name: str) -> tuple[str, str] | None:
    """A unit name read from running text, cleaned, with the role its own words give it: ("", name)
    for a name that keeps the role it was read with, ("co", name) for one named after 会同 (the
    unit worked with, not the one that leads), None for a fragment that names no unit.

    Names read from prose carry the clause around them when it was cut at the wrong place; a
    name never holds a preposition or a verb (the brief's general class; seen in Yangpu's and
    Jing'an's drainage reforms, Jiading's urban renewal duties and Pudong's lighting rules):
    - "由区绿化市容部门", "对上海城投集团", "原则按照市水务局": the preposition and what is before it
      go, the unit after it stays; "会同区建设管理委" is that unit as a co-unit;
    - "区更新办由区建设管理委", "市排水管理部门对上海城投集团", "区属国有企业根据区政府": the subject
      before the preposition is the unit (the rest is the clause it does);
    - "项目户管单位（各村、合作社、镇属公司）": a bracket that lists examples is no part of the name;
      "系统维护单位（数交公司）": a generic role with the body that fills it in brackets is that body;
    - "全区各轨道交通车站": the whole place before a collective goes (各轨道交通车站);
    - "以下简称区更新办": the alias clause of a name is none (the full name before it is the unit);
    - "区市场监管局在辖区": a name never holds 在 (not the 所在 of "所在地街道办事处");
    - "请区科委": the request word before a unit goes; "责任单位,认真…": a name ends at a comma."""
    if encouraged(name):
        return None  # "鼓励和支持某协会": encouraged, no unit of a duty
    name = without_joining_opener(name)
    w = working_text(name)
    role = ""
    if _ALIAS.match(w):
        return None
    if _SYSTEM.search(w):
        return None  # "…实行县政府分线领导牵头负责制和部门单位": a system of duty names no unit
    modal = MODAL.search(w, 2)
    if modal is not None:
        # "区政府分管领导要站(位全局)": a name ends before the modal verb of its clause
        name, w = name[: modal.start()], w[: modal.start()]
    if w.endswith(_PERSON_ENDS):
        return None  # "县政府分管领导", "各牵头县领导", "县长": a leader is no unit
    if _HELPERS_BY_ROLE.fullmatch(w):
        return ("co", name.strip())  # "协同配合单位要服从…": the units that help (协同 no verb here)
    if _SELF.fullmatch(w):
        return None  # "我镇根据实际情况…": the issuing place speaking of itself names no unit
    if "," in w:
        # "责任单位,认真研究所…": a name read past its clause's end is the name before the comma
        cut = w.index(",")
        name, w = name[:cut], w[:cut]
    delegate = DELEGATE.search(w, 2)
    if delegate is not None:
        # "权属部门或者其委托的单位": the body the unit itself entrusts is its delegate, no unit named
        # (see ``DELEGATE``)
        name, w = name[: delegate.start()], w[: delegate.start()]
    if w.startswith("请") and len(w) > 3 and looks_like_unit(w[1:]):
        # "请区科委牵头…", "请各街道配合…": a plan's request to a unit it does not direct (district
        # plans of 上海 and 江苏 ask the bodies of the city or of the Party so); 请 is no part of it.
        name, w = name[1:], w[1:]
    m = _CLAUSE_WORD.search(w)
    if m is not None:
        head, tail = w[: m.start()], w[m.end() :]
        thing = m.group() == "由" and not looks_like_unit(head) and looks_like_unit(tail)
        if head and head not in _FILLERS and len(head) >= 2 and not thing:
            # the subject before the preposition, when it is a unit ("区更新办由区建设管理委");
            # a thing the clause is about is none ("新辟线路由区交通委": the unit after 由)
            name, w = name[: m.start()], head
        elif len(tail) >= 2:
            if m.group() == "会同":
                role = "co"
            name, w = name[m.end() :], tail
        else:
            return None
        if _CLAUSE_WORD.search(w):
            return None
    if w.endswith(")") and "(" in w:
        at = w.rindex("(")
        inner = w[at + 1 : -1]
        items = inner.split("、")
        outer = w[:at]
        if len(items) > 1 and any(len(i) >= 2 for i in items) and len(outer) >= 2:
            name, w = name[:at], outer  # examples of the kind of body: not the name
        elif (
            len(items) == 1
            and looks_like_unit(inner)
            and outer.endswith("单位")
            and not _level_prefix(outer)
            and not _is_collective(outer)
        ):
            name, w = name[at + 1 : -1], inner  # a generic role and the body that fills it
    if w.startswith(_MATCHING) and looks_like_unit(w[3:]):
        # "由相应的道路管理机构处置" (浦东's road chiefs plan), "交由相关的执法部门": the body that
        # matches the case, a relative word and no part of its name
        name, w = name[3:], w[3:]
    wm = _WHOLE_PLACE.match(w)
    if wm is not None and w.startswith("各", wm.end()) and len(w) > wm.end() + 2:
        name, w = name[wm.end() :], w[wm.end() :]
    name = name.strip()
    return (role, name) if len(name) >= 2 else None


# What follows the units a clause opens with: the verb or preposition of their work.
# matches: "要", "负责", "根据", "按要求" ; must not match: "委员会" (the rest of a name)
_SUBJECT_STOP = re.compile(
    r"要|应|须|必须|将|是|为|于|对|在|按|根据|依据|结合|配合|协同|协助|会同|牵头|负责(?!人)|做好|提供|指导|完成|开展"
    r"|落实|加强|加快|建立|组织|共同|尽快|派出|继续|全面|及时|切实|统筹|研究|制定|推进|推动|督促|明确|成立"
    # (需 after 所 is the word 所需, "what is needed": "试点所需经费由X统筹解决" names no unit 试点所)
    r"|参与|强化|依法|分别|积极|进一步|主动|定期|审核|承担|履行|实施|做|提出|编制|会商|按照|(?<!所)需要|(?<!所)需"
    r"|选择|梳理|拟订|拟定|确定|召开|联合|进行|予以|共享"
    # "…问题，由相应的道路管理机构处置" (浦东's road chiefs plan: the body a kind of problem goes
    # to), "各镇政府设立镇级路长办公室" (ibid.), "由区城管执法局依法处置" (district rules on
    # occupied roads and green land): the verb of the body that deals with it
    r"|处置|设立"
    # "税务部门与有关部门合作，建立…" (a body and its partner, read as "X与Y做好…" is), "税务总局以…为导向，
    # 研究制定…" (notices of ministries set the aim or basis of a body's work first): the body is the subject
    r"|合作|以(?![上下及外内后前])"
    # "区级林业部门作为…的统筹主体，要…", "各街镇作为属地责任主体，负责…" (Songjiang's forest-care
    # plan, Qingpu's housing renovation plan): the body named as the bearer of a role is the subject.
    r"|作为"
    # "由区建设管理委（区水务局）委托上海城投集团实施…", "由区政府与上海城投集团签订…协议" (the drainage
    # reform plans of 静安 and 杨浦, 2025): the body that entrusts or signs is the subject; the agent
    # after 委托 is the object of its work.
    r"|委托|签订|签署"
    # "2025年6月，上海城投集团形成…一体化运维管理方案" (上海's drainage reform plan, 2025; 杨浦's writes
    # "…形成移交清单" so): the body that draws up a plan
    r"|形成"
    # "区住建局办理施工许可", "区信访办办结来信", "区应急局组建救援队伍", "区市场监管局处理投诉": verbs
    # whose first character is also a unit suffix (办, 处, 组); the name ends before them
    # (see ``name_before_verb``)
    r"|办理|办结|处理|组建"
)
# "X是/为…的主管部门，负责…": the body a duty list names as the authority answers for its duties.
# must not match: "区政府是…责任主体，由分管副区长牵头…"
_AUTHORITY_DUTY = re.compile(r"[是为][^。;,]{2,40},(?:具体|主要|全面)?(?:负责|要|应|须|牵头)")
# A verb inside what was read as a list of names: the list ran into its clause.
# ("上海城投集团派出工作组参与…": 派出 sends; 派出所 is a police station)
_VERB_INSIDE = re.compile(
    r"负责|牵头|配合|协同|协助|会同|做好|提供|开展|落实|加强|建立|推进|推动|研究|制定|根据|按照|结合|要求"
    r"|委托|签订|签署|派出(?!所)"
    # "区应急局组织各街镇开展演练": the bodies after 组织 are its object (组织部 is a unit)
    r"|组织(?!部)|组建"
)
# Verbs of a work two parties do together: "由区政府与上海城投集团签订…移交协议" (杨浦's drainage
# reform plan, 2025), "区建设管理委（区水务局）与上海城投集团共同研究…" (ibid.; 静安's writes so too):
# X与Y before such a verb are both its subjects, not a lead with its partner.
_JOINT_VERBS = frozenset(("签订", "签署", "共同"))
# The time or circumstance a sentence opens with before its subject: "2025年6月底前，",
# "在重点排查的同时，", "2017年10月起，". must not match: a clause of work ("加强监管，")
_LEAD_IN = re.compile(
    r"(?:\d{4}年)?[^,。;:]{0,16}?(?:前|起|以来|期间|同时|之后)\s*,\s*|在[^,。;:]{1,20}?(?:中|时|同时|期间|指导下|领导下|统筹下)\s*,\s*"
    r"|\d{4}年(?:\d{1,2}月)?(?:底|初|中)?\s*,\s*"
    # a season or part of a year: "2025年汛期，上海城投集团派出工作组…" (杨浦's drainage reform plan,
    # 2025), "2025年内，…", "2021年上半年，…" (浦东's road chiefs plan writes its stages so)
    r"|\d{4}年(?:汛期|内|度|上半年|下半年|全年)\s*,\s*"
    # a date with 前 or 起 written straight onto the subject, with no comma: "2026年起区建设管理委（区水务局）
    # 联合市水务局…", "12月底前由区政府与上海城投集团签订…" (静安's and 杨浦's drainage reform plans, 2025)
    r"|(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?<=[年月日底末])(?:前|起)(?=由|[^,。;:\d]{2})"
    # the matter a sentence opens with before its subject: "对排查中发现的疑似危房，镇政府将及时委托…"
    # (Minhang Wujing's housing safety plan), "对逾期未整改的，区城管局依法…"
    r"|(?:对|针对)[^,。;:“”《》]{2,40}?\s*,\s*"
)


def opening_subject(orig: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units a task's own words open with as the ones to do it: "各居村、相关责任单位于2021年6月
    20日前…", "区国资委做好行业指导", "区建设管理委（区水务局）配合市级部门…", "由区推进办牵头…",
    "2025年6月底前，区建设管理委完成…". District plans and divisions of duties of every level write
    the unit that answers for a task as the subject of its first clause (Minhang's Wujing housing
    safety plan, Yangpu's drainage reform, Chongming's city check-up, Jiading's urban renewal
    duties). The subject is the longest list of names before a verb or preposition, within the
    first clause, every name reading as a unit (a unit ending, or a collective such as 各居村); a
    time set before it ("…前，") is passed over. () when the text opens otherwise."""
    return subject_and_verb(orig, work, s, e)[0]


# Where the clause of an opening subject ends (a search, not a loop over its characters).
_OPENING_CLAUSE_END = re.compile(r"[,。;:!?\n]")


def subject_and_verb(orig: str, work: str, s: int, e: int) -> tuple[tuple[str, ...], str]:
    """``opening_subject`` with the verb or preposition that follows the units ("" with none)."""
    while s < e and work[s] in " \t\r\n\u3000*":
        s += 1
    m = _LEAD_IN.match(work, s, min(e, s + 40))
    if m is not None:
        s = m.end()
    if work.startswith("由", s):
        s += 1
    if work[s : s + 1] in _ENCOURAGING_FIRSTS and _encouraged_at(work, s, e):
        return (), ""  # "提倡和鼓励居民委员会组织…": the bodies are encouraged, none charged with the work
    limit = min(e, s + 60)
    found = _OPENING_CLAUSE_END.search(work, s, limit)
    stop = found.start() if found is not None else max(s, limit)
    best: tuple[tuple[str, ...], str] = ((), "")
    for verb in _stop_after_name().finditer(work, s + 2, stop):
        q = verb.start()
        if verb.group() in ("是", "为") and not _AUTHORITY_DUTY.match(work, q, e):
            continue  # "区政府是…责任主体，由分管副区长牵头…": the duty is another's
        w = work[s:q]
        if not (
            w[-1] == ")"
            or w.endswith(_PARTY_ENDS)
            or looks_like_unit(w[max(0, len(w) - 12) :])
            or _collective_end(w)
            or _named_district(w)
            or kind_of(w) in ("机构", "机关")
            or _field_words_end(w)
            or w.endswith(_PLACE_OR_ZONE_ENDS)
        ):
            continue
        if _VERB_INSIDE.search(w) or "“" in w or "《" in w or MODAL.search(w, 2):
            continue
        names = parse_units(orig[s:q], w)
        if verb.group() == "合作" and len(names) == 1 and w.count("与") == 1:
            # "税务部门与有关部门合作，建立…": the pair as one name, read as a lead and its partner
            # (pipeline._paired), as "X与Y做好…" is
            j = w.index("与")
            if _subject_name(w[:j]) and _subject_name(w[j + 1 :]):
                best = ((orig[s:q].strip(),), verb.group())
            continue
        if verb.group() in _JOINT_VERBS and len(names) == 1 and w.count("与") == 1:
            j = w.index("与")
            names = [orig[s : s + j].strip(), orig[s + j + 1 : q].strip()]
        if _fields_sharing_a_kind(names, w):
            continue
        if _subject_names(names):
            best = (tuple(names), verb.group())
    if (
        not best[0]
        and found is not None
        and work[stop] == ","
        and stop - s >= 2
        # (a clause that opens with a verb of work or a preposition is no list of names: its first
        # name, which opens where the clause does, is no subject; the list is not read)
        and NOT_SUBJECT.match(work, s) is None
    ):
        # "各镇人民政府、街道办事处，嘉定工业区、菊园新区管委会按照职责权限，负责…" (嘉定's river and pump
        # maintenance rules, 2025): a list of units that runs on past a comma to its verb. Documents of
        # 上海 and 浙江 part the kinds of bodies of one list with commas, as their addressee lines do
        # ("各镇人民政府、街道办事处，莘庄工业区管委会，区政府各委、办、局": 闵行's 2024 rules on new
        # industrialisation; 平湖's notice on social insurance subsidies writes its addressees so).
        head = parse_units(orig[s:stop], work[s:stop])
        if head and all(_subject_name(working_text(n)) for n in head):
            more, verb_after = subject_and_verb(orig, work, stop + 1, e)
            if more:
                best = (tuple(head) + more, verb_after)
    return best


# A verb that lays a duty on whom a clause names before it (articles read a predicate's duty by it):
# "应当", "须", "负责", "依法应当", "均应". must not match: "应急" (a noun of work), "应用" ("农业劳动者在生产中
# 应用先进技术,有关部门应当…" lays no duty before the body's)
# (应对 is the modal before its object here: "有关部门应对…进行检查"; MODAL keeps it out of a name.)
DUTY_VERB = re.compile(
    r"(?:依法|及时|均|都|也)?(?:"
    + "|".join(r"应(?!急|用)" if w == "应" else w for w in DUTY_MODALS)
    + "|负责)"
)
# Where a later clause of a sentence opens: after a comma, a full stop or a semicolon.
_LATER_CLAUSE = re.compile(r"[,。;]\s*")
_Subject = TypeVar("_Subject")


def later_subject(
    work: str,
    s: int,
    e: int,
    read: Callable[[int, int], _Subject | None],
    openers: frozenset[str] | None = None,
) -> tuple[int, _Subject] | None:
    """The subject that owns the duty of ``work[s:e]`` when its opening names none and a later
    clause does: a topic, another's act, a condition or a clause of work first, then the body that
    answers for it ("经认定登记的古树名木,主管部门应当…向社会公布", "…费用由养护责任人承担,区主管部门应当
    给予适当补助" in cities' 条例; "…定期通报工作情况。区级路长办公室加强组织协调…", "…下达各街镇,…各街镇
    按照…拨付" in district plans). The clauses after each comma, full stop or semicolon are tried in
    turn with ``read(separator, opening)``, the genre's reading of a subject at a clause's opening
    (None where it names none), up to a duty the words before already lay (``DUTY_VERB``: "经营者应当…,
    …,公安机关应当…", "…应当经过…批准。各选区…": that duty is another's, the later body's its own
    task). (opening, ``read``'s answer) of the first clause read, None when none is.
    ``openers``: the characters a clause ``read`` answers for must open with (``read`` is None at
    any other): only the clauses that open with one are walked, the answer is the same (a clause
    passed over would be read as None, and a duty before it is before the next one read)."""
    # (the end of the first duty from the opening, found once, when a clause is first walked:
    # a clause after it has one before it; -1 not searched yet, e + 1 none)
    duty_end = -1
    clauses = _LATER_CLAUSE if openers is None else _later_clause_opening(openers)
    for m in clauses.finditer(work, s, e):
        if m.end() >= e:
            break
        if duty_end < 0:
            duty = DUTY_VERB.search(work, s, e)
            duty_end = duty.end() if duty is not None else e + 1
        if duty_end <= m.start():
            return None
        found = read(m.start(), m.end())
        if found is not None:
            return m.end(), found
    return None


# The verbs after a later clause's subject that make it no partner of the work: a description (是, 为),
# the object marker (将), help (配合…: a co-unit, read by the readers of help).
_NOT_PARTNER_VERBS = frozenset(("是", "为", "将", *HELP_VERBS, "会同"))
# Where a sentence ends: the later subjects read are those of the sentence that names the first.
_SENTENCE_END = re.compile(r"[。;!?\n]")


def clause_subjects(orig: str, work: str, at: int, e: int) -> tuple[str, ...]:
    """The units the later clauses of the sentence that holds ``work[at]`` open with as their subjects
    (``subject_and_verb``), after a comma: "由市财政落实土地储备资金，相关区政府加快征收储备" charges 市财政
    and 相关区政府, each with its part of one task, as plans part a task's work among its bodies
    clause by clause. Only a unit of a level (区X局, 相关区政府, 区财政: ``level_field``) or a collective
    of places or bodies, never a bare kind of body, a person nor a party; not one that helps
    (``_NOT_PARTNER_VERBS``)."""
    end = _SENTENCE_END.search(work, at, e)
    stop = end.start() if end is not None else e
    out: list[str] = []
    for m in _LATER_CLAUSE.finditer(work, at, stop):
        c = m.end()
        if c >= stop or work[c] in "由以在对":
            continue
        found, verb = subject_and_verb(orig, work, c, stop)
        if not found or verb in _NOT_PARTNER_VERBS:
            continue
        works = [working_text(n) for n in found]
        if all(
            level_field(w)
            or (len(w) >= 3 and (_level_prefix(w) or _is_collective(w)) and looks_like_unit(w))
            or (_is_collective(w) and _collective_end(w))
            for w in works
        ) and not any(is_generic_body(w) for w in works):
            out.extend(n for n in found if n not in out)
    return tuple(out)


@lru_cache(maxsize=8)
def _later_clause_opening(openers: frozenset[str]) -> re.Pattern[str]:
    """``_LATER_CLAUSE`` where the clause after it opens with one of ``openers`` (a document's
    clauses mostly open with a verb or a noun of work: the walk skips them in the engine)."""
    chars = "".join(re.escape(c) for c in sorted(openers) if not c.isspace())
    return re.compile(rf"{_LATER_CLAUSE.pattern}(?=[{chars}])")


# A unit suffix that is also the first character of the verb after the name: 办 of 办理/办结, 处 of
# 处理/处置, 组 of 组建/组织 (not 组织部, a unit), 委 of 委托. "区住建局办理…" read by suffix gives
# 区住建局办, "区应急局组建…" 区应急局组, "区建设管理委委托…" 区建设管理委委.
_SUFFIX_VERB = re.compile(r"办(?=理|结)|处(?=理|置)|组(?=建|织(?!部))|委(?=托)")


def name_before_verb(name: str, work: str) -> str:
    """``name`` ended before the verb its last character starts, where ``work`` (the task's own
    working text) writes the name straight onto such a verb and the shorter name is itself a unit:
    "区住建局办" of "区住建局办理施工许可" is 区住建局, "镇规建办办" of "镇规建办办理备案" is 镇规建办.
    Plans and divisions of duties write a unit straight onto its verb so, with no 要 or 负责 between
    (金山's traffic facilities rules and 杨浦's internal roads plan: "由区X委组织…", where 委组 reads as
    a name ending in 组; 上海's zero-carbon parks: "市发展改革委组织…"; 云浮's business environment
    regulation: "…中心办理"). The name as it is otherwise."""
    w = working_text(name)
    if len(w) < 3 or not looks_like_unit(w[:-1]):
        return name
    at = work.find(w)
    while at >= 0:
        if _SUFFIX_VERB.match(work, at + len(w) - 1):
            return name[:-1]
        at = work.find(w, at + 1)
    return name


@lru_cache(maxsize=1)
def _stop_after_name() -> re.Pattern[str]:
    """``_SUBJECT_STOP`` where it follows a character a subject's last name may end with."""
    ends = (
        {w[-1] for w in unit_words().suffixes}
        | set("市县区镇乡地委局办村居构关)")
        | {p[-1] for p in _PARTY_ENDS}
        | {f[-1] for f in _field_words()}
    )
    chars = "".join(sorted(re.escape(c) for c in ends))
    return re.compile(f"(?<=[{chars}])(?:{_SUBJECT_STOP.pattern})")


def _collective_end(w: str) -> bool:
    return w.startswith(("各", "相关", "有关")) and w[-1] in "市县区镇乡地委局办村居构"


# What a subject never opens with: a preposition ("以政府为责任主体", "以街镇为单位") or a verb
# of the work itself ("鼓励地方政府…", "依托专业化社会组织…", "强化…专项小组对…").
NOT_SUBJECT = re.compile(
    r"[以在经对向按为与和及把从并将请使让]|依托|依靠|鼓励|支持|推动|引导|围绕|通过|坚持|加强|加快|建立|完善"
    r"|开展|组织|协调|强化|深化|推进|实施|落实|做好|探索|积极|大力|进一步|全面|充分|发挥|利用|结合|针对|聚焦|健全"
    # "监督施工单位严格按照…施工" (Songjiang's forest-care plan), "督促物业服务企业…" (Fengxian's
    # park-city duties): the body after a verb of oversight is its object, not the subject.
    r"|监督|督促"
    # "衔接完整社区建设目标，…", "拟开展完整社区建设的社区应…" (Fengxian's city check-up plan): a verb of
    # alignment and a body described by what it plans are no unit named as a subject
    r"|衔接|拟"
    # "设立区级路长办公室，办公室设在区建交委…" (浦东's road chiefs plan), "成立工作专班": the body
    # set up is the object of the clause
    r"|设立|设置|成立"
)


# Bodies a plan addresses as the subject of a task that end with no unit ending: a police body
# named by its beat ("轨交公安", "铁路公安": Jing'an's metro plan) and a kind of firm named by its
# trade ("本区环卫企业", "燃气经营企业": Songjiang's sanitation wages, Fengxian's gas safety plan).
_PARTY_ENDS = ("公安", "企业")


def _subject_name(w: str) -> bool:
    """A name that can be the subject of a task: a unit, a collective of units or places, or a
    body named by its beat or trade (``_PARTY_ENDS``, with a qualifier: not "企业" alone)."""
    if NOT_SUBJECT.match(w):
        return False
    if w.endswith(")") and "(" in w:
        w = w[: w.rindex("(")]
    if _CLAUSE_WORD.search(w) or "与" in w or not 2 <= len(w) <= 30:
        return False  # "X与Y要…" pairs a lead with its partners (outline reads it so)
    if w.endswith(_PERSON_ENDS):
        return False  # "县政府分管领导要…": a leader, no unit
    if w.endswith(_PARTY_ENDS):
        return len(w) >= 4 and not w.startswith(("各类", "广大", "全体"))
    if w in _BARE_ZONES:
        return False
    if level_field(w):
        return True  # "由市财政落实…", "县住建牵头…"
    return looks_like_unit(w) or _collective_end(w) or _named_district(w)


def _beside_bodies(w: str) -> bool:
    """A name that is a subject beside a unit of ``_subject_name``'s in one list, not alone: a body
    named by its kind ("金融机构和住房公积金管理中心应…"; "优化机构编制…" alone is a clause of work) or
    places or zones a clause picks out ("实行单独财税体制的园区和乡镇负责…": beside the towns the parks
    answer by their administrations; "纳入建设名单的园区应…" alone names the places a policy
    selects, no unit)."""
    if NOT_SUBJECT.match(w) or _CLAUSE_WORD.search(w):
        return False
    if _body_by_kind(w):
        return True
    j = w.rfind("的")
    return j >= 2 and _kind_of_body(w[j + 1 :])


def _subject_names(names: list[str] | tuple[str, ...]) -> bool:
    """Every one of ``names`` (as read) can be a subject: each a ``_subject_name``, or a name read
    as one only beside such a unit (``_beside_bodies``), with at least one unit among them."""
    works = [working_text(n) for n in names]
    strict = [_subject_name(w) for w in works]
    return (
        bool(names)
        and any(strict)
        and all(t or _beside_bodies(w) for t, w in zip(strict, works, strict=True))
    )


# The last words of a place governed or a zone, which a qualifying clause may pick out as a subject
# ("实行单独财税体制的园区和乡镇负责…").
_PLACE_OR_ZONE_ENDS = ("乡镇", "街道", "园区", "开发区")


def _field_words_end(w: str) -> bool:
    """``w`` ends with a level and a field of work (``level_field``: "…市财政")."""
    return any(level_field(w[-n:]) for n in range(3, min(len(w), 9) + 1))


# A district or county named as the subject of its own plan's work: "2026年5月底前，杨浦区完成区级防汛
# 防台预案修编" (杨浦's drainage reform plan, 2025), "…由静安区作为责任主体完成" (静安's, 2025): the
# district answers for it (its government). must not match: a kind of area ("核心区", "老城区", "片区").
_NAMED_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2}(?:新)?[区县]")
# (the last two characters of a kind of area: "北湖区", "西湖区" and "中山区" are districts, so 湖区 and
# 山区 are not among them; a kind of area of three characters is named whole)
_AREA_KINDS = (
    "园区",
    "街区",
    "社区",
    "景区",
    "小区",
    "片区",
    "辖区",
    "校区",
    "郊区",
    "矿区",
    "库区",
    "灾区",
    "厂区",
    "营区",
    "产区",
    "牧区",
)
_AREA_WORDS = frozenset(
    (
        "老城区",
        "主城区",
        "核心区",
        "功能区",
        "试点区",
        "重点区",
        "商业区",
        "住宅区",
        "示范区",
        "集聚区",
        "保护区",
        "管控区",
        "风险区",
        "开发区",
        "工业区",
        "生活区",
        "办公区",
        "服务区",
        "居住区",
        "缓冲区",
        "先行区",
        "聚集区",
        "中心城区",
        "全县",
    )
)


def names_a_district(work_name: str) -> bool:
    """Whether ``work_name`` is a district or county named by its place ("越秀区", "南沙新区"), which
    answers for its share of a task as its government does: a responsibility note lists it beside
    the departments ("配合单位:市财政局、越秀区", 广州's talent plan)."""
    return _named_district(work_name)


def _named_district(w: str) -> bool:
    return (
        _NAMED_DISTRICT.fullmatch(w) is not None
        and not w.endswith(_AREA_KINDS)
        and w not in _AREA_WORDS
        and not w.startswith(("全", "本", "我", "各", "该", "每", "相关", "有关", "其他", "所在", "属地"))
    )


# A zone named by its kind alone is the place, not a body: "开发区应当建设完善的基础设施" (北京经济
# 技术开发区条例, the zone defined as 开发区), "园区应当…" (zones' regulations and plans of several
# cities); its body is its 管理委员会 (开发区管委会).
_BARE_ZONES = frozenset(
    ("开发区", "新区", "园区", "高新区", "保税区", "示范区", "试验区", "功能区", "合作区")
)


# A kind of body with nothing to say which one: "成员单位", "各成员单位", "相关单位", "责任部门".
_GENERIC_BODY = re.compile(
    r"(?:各相关|各有关|各|相关|有关|其他相关|其他有关|其他)?(?:成员|责任|主管|职能|实施)?(?:单位|部门|机构)"
)


def is_generic_body(name: str) -> bool:
    """Whether ``name`` names a kind of body and no body in particular (成员单位, 相关部门)."""
    return _GENERIC_BODY.fullmatch(working_text(name)) is not None


def trailing_role_lines(work: str, s: int, e: int) -> int:
    """Where a run of labelled lines that closes ``work[s:e]`` opens ("…开工。\n责任主体：区建设管理委、
    区规划资源局", "牵头部门：X\n配合部门：Y"), or -1. Each line is a label of the lexicon (责任单位,
    牵头部门, 责任主体, 实施主体, 配合单位…) and a colon; district and provincial plans close a task so
    (Zhejiang's division of its work report, Fengxian's rural roads plan)."""
    at = -1
    end = e
    while end > s:
        while end > s and work[end - 1] in " \t\r\n\u3000。":
            end -= 1
        line = work.rfind("\n", s, end) + 1
        if line <= s:
            line = s
        ls = line
        while ls < end and work[ls] in " \t\u3000":
            ls += 1
        m = _label_pattern().match(work, ls, end)
        if m is None or line == s:
            break
        at = ls
        end = line
    return at


def list_of_names(orig: str, work: str) -> tuple[str, ...]:
    """The names of ``work`` when it is a list of units and nothing more (each name reading as a
    unit or a collective, no verb among them), else ()."""
    if not 2 <= len(work) <= 60 or _VERB_INSIDE.search(work) or "“" in work or "《" in work:
        return ()
    names = parse_units(orig, work)
    if _fields_sharing_a_kind(names, work):
        return ()
    return tuple(names) if names and all(_subject_name(working_text(n)) for n in names) else ()


def _fields_sharing_a_kind(names: list[str], work: str) -> bool:
    """``names`` (read from ``work``) hold a level's field (``level_field``) that is one of fields sharing
    the last one's kind: "会同市住房城乡建设、交通行政管理部门制定" (the readers of field lists name
    them; a level's field is a subject of its own only outside such a list)."""
    return (
        len(names) > 1 and any(level_field(working_text(n)) for n in names) and field_list(work) is not None
    )
