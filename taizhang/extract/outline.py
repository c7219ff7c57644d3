"""The outline of running text (一、 / (一) / 1. / (1) / ①) and the tasks of numbered measures.

A numbered measure is a task. Where one measure hands different clauses to different units with
role notes such as ``(区商务局牵头负责)``, each clause up to its note is a task of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import articles
from .deadlines import find_deadline, parse_deadline
from .lexicon import is_ongoing_phrase, ongoing_phrases, unit_words
from .model import Deadline, Passage, Span, Task, quick_init
from .normalise import to_simplified, working_text
from .units import (
    AGENT_BY,
    DUTY_MODALS,
    FIRST_LEADS,
    GROUP_SEPARATORS,
    HELP_VERBS,
    LABEL_QUALIFIERS,
    MODAL,
    OWN_DUTY_VERBS,
    UNIT_ROLE_LABEL,
    UnitRoles,
    collective_after,
    declares_first_leads,
    ends_with_unit_suffix,
    has_role_marker,
    is_generic_body,
    list_of_names,
    looks_like_unit,
    names_a_district,
    opening_label_role,
    parse_roles,
    parse_units,
)

__all__ = [
    "HEADING",
    "heading_number",
    "units_label",
    "read_text_tasks",
    "TextTasks",
    "find_role_notes",
    "RoleNote",
    "ref_part",
]


# The numbering of headings, by level (see _Heading): module-level names, which the class's body
# refers to (a class body that refers to its own attributes cannot be compiled by mypyc).
# matches: "第一章 总则", "第二部分" ; must not match: "第一批"
_HEADING_L0 = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十百]+)(?:章|部分|篇)\s*")
# matches: "一、聚焦…", "十二、" ; must not match: "一流营商环境", "一是"
_HEADING_L1 = re.compile(r"^\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*")
# matches: "(一)推动…" ; must not match: "(1)"
_HEADING_L2 = re.compile(r"^\s*\((?P<n>[一二三四五六七八九十]{1,3})\)\s*")
# matches: "1.全面优化…", "12、", "2\. 强化" (markdown's escaped dot) ; must not match: "1.5亿元", "2024年"
_HEADING_L3 = re.compile(r"^\s*(?P<n>\d{1,3})\s*(?:\\?[.、](?!\d)|\s(?=[\u4e00-\u9fff]))\s*")
# matches: "(1)" ; must not match: "(2024)"
_HEADING_L4 = re.compile(r"^\s*\((?P<n>\d{1,2})\)\s*")
# matches: "①", "❶" ; must not match: "1"
_HEADING_L5 = re.compile(r"^\s*(?P<n>[①-⑳❶-❿])\s*")
# The single characters of the enumerators Unicode has for (1) and 1. (⑴ … ⒇, ⒈ … ⒛), as text set in
# word processors and pulled out of PDFs numbers items with: the levels of (1) and 1.
# matches: "⑴加快…", "⒇" ; must not match: "(1)"
_HEADING_L4_CHAR = re.compile(r"^\s*(?P<n>[⑴-⒇])\s*")
# matches: "⒈加快…" ; must not match: "1."
_HEADING_L3_CHAR = re.compile(r"^\s*(?P<n>[⒈-⒛])\s*")
# The first character of each run of single-character enumerators, by the run: its value is the
# character's distance from the first, plus one.
_ENUMERATOR_RUNS = ("①", "⑴", "⒈", "❶")
# A stage of a work plan's schedule, its own heading over the stage's work (at the level of (一)).
# matches: "第一阶段:动员部署(4月1日—4月15日)" (the numeral and the colon taken, the title left),
# "第二阶段(6月1日—9月30日)" (阶段 left as the title) ; must not match: "第一批", "第一章"
_HEADING_STAGE = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十]{1,3})(?=阶段)(?:阶段[ \t]*[:：][ \t]*)?")
# An article (a numbered measure in regulations and 若干措施): articles.ARTICLE at a line's start.
_HEADING_ART = re.compile(r"^\s*" + articles.ARTICLE.pattern)

_HEADING_ORDER = (
    (0, _HEADING_L0),
    (1, _HEADING_L1),
    (2, _HEADING_L2),
    (3, _HEADING_ART),
    (3, _HEADING_L3),
    (3, _HEADING_L3_CHAR),
    (4, _HEADING_L4),
    (4, _HEADING_L4_CHAR),
    (5, _HEADING_L5),
)

# The patterns, in _HEADING_ORDER, that a heading opening with a character (after white space) may
# match; a decimal digit may open only _HEADING_L3. Most lines of running text open with none.
_HEADING_BY_FIRST: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    "第": ((0, _HEADING_L0), (3, _HEADING_ART), (2, _HEADING_STAGE)),
    "(": ((2, _HEADING_L2), (4, _HEADING_L4)),
    **dict.fromkeys("一二三四五六七八九十", ((1, _HEADING_L1),)),
    **dict.fromkeys("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿", ((5, _HEADING_L5),)),
    **dict.fromkeys(map(chr, range(ord("⑴"), ord("⒇") + 1)), ((4, _HEADING_L4_CHAR),)),
    **dict.fromkeys(map(chr, range(ord("⒈"), ord("⒛") + 1)), ((3, _HEADING_L3_CHAR),)),
}


class _Heading:
    """Numbering of headings, by level (0: 第一章/第一部分, 1: 一、, 2: (一), 3: 1., 4: (1), 5: ①)."""

    L0 = _HEADING_L0
    L1 = _HEADING_L1
    L2 = _HEADING_L2
    L3 = _HEADING_L3
    L4 = _HEADING_L4
    L5 = _HEADING_L5
    ART = _HEADING_ART
    ORDER = _HEADING_ORDER
    BY_FIRST = _HEADING_BY_FIRST
    DIGIT = ((3, _HEADING_L3),)

    def match(self, work: str) -> tuple[int, re.Match[str]] | None:
        first = work[:1]
        if first.isspace():
            i, n = 1, len(work)
            while i < n and work[i].isspace():
                i += 1
            first = work[i : i + 1]
        rxs = self.BY_FIRST.get(first)
        if rxs is None:
            if not first.isdecimal():
                return None  # no pattern can match (most lines of running text)
            rxs = self.DIGIT
        for level, rx in rxs:
            m = rx.match(work)
            if m:
                return level, m
        return None

    def level(self, work: str) -> int | None:
        found = self.match(work)
        return found[0] if found else None

    def strip(self, text: str) -> str:
        found = self.match(text)
        return text[found[1].end() :] if found else text


HEADING = _Heading()


def heading_number(work: str) -> str | None:
    """The numeral of a heading as written: ``一``, ``五``, ``11`` (``第 1 0 条``: ``10``)."""
    found = HEADING.match(work)
    return _numeral(found[1]) if found else None


def _numeral(m: re.Match[str]) -> str:
    n = m.group("n")
    if len(n) == 1 and not n.isascii():
        return enumerator_value(n) or n
    return n.replace(" ", "") if " " in n else n


def enumerator_value(ch: str) -> str | None:
    """The number a single-character enumerator stands for ("①", "⑴", "⒈", "❶" -> "1"; "⑳" -> "20"),
    or None for another character."""
    for first in _ENUMERATOR_RUNS:
        d = ord(ch) - ord(first)
        if 0 <= d < (10 if first == "❶" else 20):
            return str(d + 1)
    return None


def ref_part(level: int, n: str | None) -> str | None:
    """A heading's numeral as a part of a task's ref: ``(一)`` for levels 2 and 4, and for the
    circled numbers of level 5 (① gives ``(1)``, the number below 1. as ⑴ and (1) give it); else as is."""
    if n is None:
        return None
    return f"({n})" if level in (2, 4) or (level == 5 and n.isdecimal()) else n


# A role note: a bracketed list of units with a role marker or label. Text pulled from a PDF may
# break it across lines, even across a page's blank lines.
# A bracketed name of a place may sit inside it (the pattern reads plain text, then a bracketed
# name and plain text again: no backtracking). Its body is 2 to 160 characters.
# matches: "(区商务局牵头负责)", "【责任单位:区科技局】", "(牵头部\n\n门:市交通委)",
# "(责任单位:各县(市、区)人民政府)" ; must not match: "(以下简称《行动纲要》)" (no unit: read, refused)
# The inner bracket may be longer where it declares the first unit of each list the lead
# ("(责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同))": read with its list, FIRST_LEADS).
_NOTE = re.compile(
    r"[(【\[〔](?P<body>[^()【】\[\]〔〕]*(?:\((?:[^()\n]{1,12}|[^()\n]{0,6}(?:第一|首位)[^()\n]{2,24})\)"
    r"[^()【】\[\]〔〕]*)*)[)】\]〕]"
)
# What may follow a note that names its units with no role marker or label ("(市商务局)"): the end
# of the clause. A bare name inside a sentence is an alternative, not a note.
# matches: "(市商务局)。", "(市商务局)\n" ; must not match: "乡镇(街道)招商引资", "(街道)综合文化站"
_CLAUSE_END = frozenset("。;!?\n")
# A trailing unit note without brackets at the end of an item: "责任单位:区科技局、区财政局。",
# also on a line of its own, indented as text copied out of a web page leaves it, and a line of
# the division of work ("部门分工:省发展改革委牵头,各地、各部门配合。"). A district plan may close
# each task with the units it involves ("相关部门:区建设管理委、区公安分局、属地街道等。"): with no
# lead named, they answer for it.
# A county's division may name a 主要责任单位 that leads and 其他 (协同) 责任单位 that cooperate, as
# the notices of 亳州 谯城区 (2020: 主要责任单位, 协同配合单位), 泾县 (2023: 牵头责任单位, 协同责任
# 单位) and 滁州市 (2020: 牵头责任单位, 协同责任单位, a line each) name them, beside the leader who
# leads each item.
# matches: "牵头单位:区商务局;配合单位:区财政局", "  牵头单位:省经信厅", "主要责任单位:县林业局",
# "牵头责任单位:市财政局。", "协同责任单位:市税务局" ; must not match: "单位名称"
# A sentence of each label may follow another at the paragraph's end: "…联合报装。责任单位:县住建局(牵头)、
# 县供电公司。完成时限:2024年第三季度。" (county plans close an item with one sentence a field).
_TRAILING_LABEL = (
    rf"(?:{UNIT_ROLE_LABEL}|(?:{'|'.join(LABEL_QUALIFIERS)})?"
    r"(?:部门分工|责任分工|职责分工|任务分工|完成时限|完成时间|时间节点))\s*:"
)
_TRAILING_NOTE = re.compile(
    rf"(?<![^。;\s\-•·])\s*(?P<body>{_TRAILING_LABEL}[^。]{{2,160}}(?:。\s*{_TRAILING_LABEL}[^。]{{2,160}})*)\s*[。]?\s*$"
)
# The line naming the government leader in charge of an item ("分管省领导:林克庆"), beside its
# units in a division of work: a person, neither a unit nor a part of the work.
# The leader may be named by the government's title for the post: 牵头县领导 (泾县's 2023 division),
# 牵头县政府领导 (通山县's 2022 notice), 县政府分线领导, 责任县领导, 牵头负责领导 (滁州市's 2020
# division of its key work, a line before each item's units).
# matches: "分管省领导:林克庆", "\n责任领导:张三", "县政府分线领导:李某", "牵头负责领导:李某。" ;
# must not match: "加强组织领导:各单位要…。"
_LEADER_LINE = re.compile(
    r"(?:^|(?<=[。;\s]))\s*(?:[省市区县](?:人民)?政府)?(?:分管|责任|牵头|联系|包抓|分线)(?:负责)?[省市区县镇]?(?:政府)?(?:级)?"
    r"(?:领导|副[省市区县]?长)"
    r"(?:同志)?\s*:[^\n。;:]{1,30}[\s。;]*$"
)


# A run of figures a space apart: the row of a table flattened onto a line. matches: " 2 5 1 2 10" ;
# must not match: "2024年12月", "1.5亿元"
_NUMBER_RUN = re.compile(r"(?: \d+(?:\.\d+)?){3,}(?![\d.])")
_GAP_AFTER_WORD = re.compile(r"(?<=[^\s:]) ")
# A line break before a label of units. matches: "\n配合单位:", "\n  牵头部门:", "\n协同责任单位:"
# A line may open with a list's bullet, as a markdown copy of a web page writes each field ("- 配合单位:").
# Inside a note, any short word for a kind of unit that opens a line before a colon is a label too
# ("督导单位:", "帮扶单位:", "保障部门:"): a role the grammar does not know, whose list is no part of
# the list on the line before (a name never holds a colon). Not a unit's own name (县直各部门:, 各乡镇
# 单位:, the addressees of a notice open with a level or 各).
# matches: "\n督导单位:" ; must not match: "\n县直各部门:", "\n各有关单位:"
_LABEL_LINE = re.compile(
    r"\n(?=[ \t\u3000]*(?:[-*•·][ \t]+)?(?:"
    + UNIT_ROLE_LABEL
    + r"|(?![各县市区省乡镇街村州旗盟])[\u4e00-\u9fff]{2,4}(?:单位|部门))\s*:)"
)
# A list's bullet opening a line of a note: "- 牵头单位:市发展改革委" (markdown), "• 完成时限:2025年".
_LINE_BULLET = re.compile(r"(?m)^[ \t\u3000]*(?P<b>[-•·])[ \t]+")
# A line of a progress notice's item that names a person (牵头领导:林某, 项目责任人:王某) or reports
# what was done (实际完成情况:…, 进展情况:…): a public notice of the progress of a city's livelihood
# projects writes each project as a numbered line and then such labelled lines (宁波市's 2014
# notice of its 民生实事项目 1—6月份进展情况: 牵头领导 / 责任单位 / 项目责任人 / 配合单位 / 实际完成
# 情况), and progress tables of 招远市 and 柯桥区 keep the same fields as columns (分管市领导,
# 进展情况). The line is neither a unit nor part of the work: the item's body leaves it out, its
# figures (actuals) are still read.
# matches: "牵头领导:林某", "牵头负责领导:林某", "项目责任人:王某", "实际完成情况:已于5月30日通车",
# "进展情况:完成80%" ;
# must not match: "责任单位:市公安局", "牵头单位:区商务局", "工作目标:新建3所"
_ASIDE_LINE = re.compile(
    r"\s*(?:(?:牵头|责任|分管|联系)(?:负责)?领导|项目责任人|责任人|联系人"
    r"|(?:实际)?完成情况|(?:工作)?进展情况|推进情况|进度情况)\s*[:：]"
)
# Where such a label may end: the last character of a label, its colon (a quick search of a text).
_ASIDE_COLON = re.compile(r"[导人况][ \t]*[:：]")
# _ASIDE_COLON as one pattern for each last character, each opening with it as a literal: the
# engine skips from that character to the next, where a pattern that opens with a class of
# characters is tried at every character of the text (some fifteen times slower).
_ASIDE_COLONS = tuple(re.compile(rf"{c}[ \t]*[:：]") for c in "导人况")


def _aside_colons(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_ASIDE_COLON.finditer(work, start, end)``, in order (a match of one
    character's pattern never overlaps one of another's: none holds a label's last character but
    its first)."""
    return sorted(m.span() for pattern in _ASIDE_COLONS for m in pattern.finditer(work, start, end))


# A deadline inside a note: "完成时限:2024年12月底".
# matches: "完成时限:2024年底", "时间节点:常态化推进" ; must not match: "责任单位:区科技局"
_NOTE_DEADLINE = re.compile(
    r"(?:完成时限|完成时间|时间节点|时限要求|时间要求|截止时间|时限|完成期限|时间)\s*:\s*(?P<when>[^;,。]+)"
)


@quick_init
@dataclass(frozen=True)
class RoleNote:
    """A note naming the units of the clause before it, and its deadline when the note gives one.
    ``marked`` when a label or a role marker says what the units do (not a bare list of names)."""

    start: int
    end: int
    roles: UnitRoles
    deadline: Deadline | None = None
    marked: bool = True


class _NoteCache(dict[tuple[int, int], list[RoleNote]]):
    """Role notes by span, so that a line is read for notes once per document."""

    def __init__(self, orig: str, work: str, year: int | None = None) -> None:
        super().__init__()
        self.orig, self.work, self.year = orig, work, year
        # The document says once that the first unit of each list leads ("排在第一位的部门为
        # 牵头部门,下同"): every note of it reads so.
        # (a character first: its search runs at the speed of memchr, a word's many times slower;
        # the pattern only around the words every match holds)
        self.first_leads = (
            ("第" in work and "第一" in work) or ("首" in work and "首位" in work)
        ) and declares_first_leads(work)

    def of(self, start: int, end: int) -> list[RoleNote]:
        key = (start, end)
        found = self.get(key)
        if found is None:
            # Most lines hold no bracket or label at all: skip them cheaply.
            chunk = self.work[start:end]  # substring tests: faster than one pattern
            if (
                "(" in chunk
                or "【" in chunk
                or "单位" in chunk
                or "部门" in chunk
                or "分工:" in chunk
                or "[" in chunk
                or "〔" in chunk
            ):
                found = find_role_notes(self.orig, self.work, start, end, self.year, self.first_leads)
            else:
                found = []
            self[key] = found
        return found


def find_role_notes(
    orig: str, work: str, start: int, end: int, year: int | None = None, first_leads: bool = False
) -> list[RoleNote]:
    """Role notes in ``work[start:end]``, with offsets in the document. ``year`` is the
    document's own (a note's 6月底前 is of that year); ``first_leads``: the document declares
    that the first unit of each list leads."""
    notes: list[RoleNote] = []
    waiting: list[RoleNote] = []  # bare notes closing a clause with a comma, until one follows
    boxed = _boxed_labels(orig, work, start, end, year, first_leads) if "【" in work[start:end] else None
    if boxed is not None:
        return [boxed]
    for m in _NOTE.finditer(work, start, end):
        bs, be = m.span("body")
        if not 2 <= be - bs <= 160 or work.startswith(_NOT_NOTE_OPENERS, bs):
            continue
        if first_leads and FIRST_LEADS.match(work, bs, be) is not None:
            continue  # "(首位单位为牵头单位,下同)": the declaration, read with the list it is in
        if _PAGE_LABEL.match(work, work.rfind("\n", 0, m.start()) + 1) is not None:
            continue  # "信息来源:区政府办(外事办)": who posted the page, no duty
        note = _note(orig, work, bs, be, m.start(), m.end(), year, first_leads)
        if note is None:
            continue
        if not note.marked and _names_an_alternative(work, m.start()):
            continue
        if not note.marked:
            after = work[m.end() : m.end() + 1]
            before = work[m.start() - 1 : m.start()] if m.start() > start else "\n"
            if after and after not in _CLAUSE_END and before not in _CLAUSE_END:
                if after in ",;" and _comma_note(work, m.start(), m.end()):
                    waiting.append(note)
                continue
        if waiting:
            # "新建养老服务中心3家(区民政局),改造助餐点5个(区商务委)。": a bare note closing a clause
            # with a comma, followed by another note in the same paragraph, closes its own clause.
            notes.extend(waiting)
            waiting = []
        notes.append(note)
    if not notes and work.find(":", start, end) >= 0:
        # (every match has a colon after its label: the pattern, which opens with a look back, is
        # tried at every character of the span, the colon found at the speed of memchr)
        tm = _TRAILING_NOTE.search(work, start, end)
        if tm:
            note = _note(
                orig, work, tm.start("body"), tm.end("body"), tm.start("body"), tm.end(), year, first_leads
            )
            if note:
                notes.append(note)
    return notes


_PLACE_ENDS = frozenset("省市区县镇乡村街州旗盟")

# A role's label boxed in 【】 instead of closing with a colon, its names after it on the line:
# "…纳入年度绩效考核。【牵头单位】市委督查室【配合单位】市有关部门", "【责任单位】市商务局【完成时限】2024年
# 底前" (plans copied to the web from a page that boxes each label).
# matches: "【牵头单位】", "【责任部门】", "【完成时限】" ; must not match: "【重点任务】", "【解读】"
_BOXED_LABEL = re.compile(r"【\s*(?:" + UNIT_ROLE_LABEL + r"|完成时限|完成时间|时间节点)\s*】")


def _boxed_labels(
    orig: str, work: str, start: int, end: int, year: int | None, first_leads: bool
) -> RoleNote | None:
    """The note of a run of boxed labels (``_BOXED_LABEL``) that closes a line of ``work[start:end]``,
    read as the labels with colons would be: each 【 is read as a semicolon and each 】 as the colon."""
    m = _BOXED_LABEL.search(work, start, end)
    if m is None:
        return None
    line_end = work.find("\n", m.end(), end)
    line_end = end if line_end < 0 else line_end
    span = work[m.start() : line_end]
    if "(" in span or "【" in _BOXED_LABEL.sub("", span):
        return None  # another kind of box, or a bracket, after the labels: not a plain run of them
    body = span.replace("【", ";").replace("】", ":")
    colon_work = work[: m.start()] + body + work[line_end:]
    return _note(orig, colon_work, m.start(), line_end, m.start(), line_end, year, first_leads)


def _after_number(work: str, s: int, e: int) -> int:
    """Where an item's text opens after its number ("(一)", "1.", "一、", "(1)", as ``HEADING``
    reads it) and the white space around it, the item opening at ``s`` on a line ending by ``e``."""
    found = HEADING.match(work[s : min(e, s + 64)])
    if found:
        return s + found[1].end()
    while s < e and work[s].isspace():
        s += 1
    return s


def units_label(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units an item or a paragraph at ``work[s:e]`` opens with as its label, before a colon or
    a full stop and its duties (its item number, if any, passed over): "1.区财政局：负责…", "区级路长
    办公室：承担…", "（二）区建管委（区水务局）。负责…". A division of duties beside a plan's task table
    writes each unit's block so (奉贤's park-city opinions under 工作职责, 嘉定's duties of its
    urban-renewal bodies, 浦东's road chiefs plan). The outline keeps such an item in a part that keeps
    only the clauses naming their units; the pipeline gives it these units as its lead.

    () when the label is a role's name ("责任单位：", "牵头部门：": a note, read elsewhere), no list of
    units, or names a notice's addressees with no duties after them on its line."""
    line_end = work.find("\n", s, e)
    s = _after_number(work, s, e if line_end < 0 else line_end)
    hi = min(e, s + 24)
    stop = work.find(":", s, hi)
    full_stop = stop < 0
    if full_stop:
        # "（一）区建管委（区水务局）。负责制定…": a name closed by a full stop heads its duties as one
        # closed by a colon does (the name alone before the stop: a unit's name, nothing else)
        stop = work.find("。", s, hi)
        if stop < 0:
            return ()
    line_end = work.find("\n", stop, e)
    if len(work[stop + 1 : e if line_end < 0 else line_end].strip()) < 4:
        return ()  # "各乡镇人民政府、街道办事处,县级各部门:": a notice's addressees, no duties after them
    while s < stop and work[s] in " \t\u3000":
        s += 1
    w = work[s:stop].strip()
    words = unit_words()
    if (
        not w
        or w in words.lead_labels
        or w in words.co_labels
        or w.endswith(("单位", "部门"))
        and len(w) <= 6
    ):
        return ()
    names = list_of_names(text[s : s + len(w)], w)
    if full_stop and not all(looks_like_unit(working_text(n)) for n in names):
        return ()
    return names


def _opens_with_units_label(text: str, work: str, node: _Node) -> bool:
    """The item opens with the units whose duties it lists (``units_label``), each a unit's name."""
    names = units_label(text, work, node.start, node.line_end)
    return bool(names) and all(looks_like_unit(_work_of(n)) for n in names)


def _names_an_alternative(work: str, s: int) -> bool:
    """The bare bracket at ``s`` follows an item's opening that is a unit's name and nothing more:
    the bracket is the name's other name ("（一）区建管委（区水务局）。负责…", "2.区政府办公室(区政府
    研究室):…"), as a division of duties heads each unit's block (奉贤's park-city opinions under 工作
    职责; 嘉定's duties of its urban-renewal bodies), never a note of who does the work."""
    name = work[_after_number(work, work.rfind("\n", 0, s) + 1, s) : s]
    return 2 <= len(name) <= 20 and looks_like_unit(name) and not _VERB_WORD.search(name)


# A bracket that says what a name before it includes ("各区县政府(含南太湖新区、长合区管委会)",
# "各县(市、区)人民政府(包括高新区管委会)"): a gloss of that name, never a role note, as 湖州市's
# work-report division and provincial notices addressed to 各市(含…) write it.
_GLOSS_OPENERS = ("含", "包括", "包含", "不含")
# A bracket that dates a report ("民生实事项目进展情况表(截至9月底)", "进度表(截至10月31日)", as the
# progress tables of 临安区 and 苍南县 title themselves): the day the figures stand at, no deadline.
_AS_OF_OPENERS = ("截至",)
# A line of a web page's furniture that names the office that posted it (柯桥区's "信息来源:区政府办
# (外事办)", 苍南县's "来源:苍南县人民政府办公室", 临安区's "发布单位 | 区府办"): a bracket in it is
# part of that name, never a role note.
# matches: "信息来源:", "  • 来源:", "发布机构:" ; must not match: "责任单位:", "资金来源:财政"
_PAGE_LABEL = re.compile(r"[\s•·]*(?:信息来源|来源|发布机构|发布单位|发文机关)\s*[:|]")
_NOT_NOTE_OPENERS = (*_GLOSS_OPENERS, *_AS_OF_OPENERS)


def _comma_note(work: str, s: int, e: int) -> bool:
    """The bare note at ``work[s:e]`` closes a clause of work that a comma ends, as a narrative
    district plan names the unit of each clause of one measure ("新建社区养老服务中心3家(区民政局),
    改造老年助餐点5个(区商务委)。"; 上海 districts' annual plans and 浙江, 江苏 counties' key-work
    lists write their measures so): the note holds one list of names and nothing else, and the text
    before it is no name the bracket could be an alternative of ("各镇(街道),": no unit suffix
    before the bracket)."""
    if s == 0 or work[s - 1] in _PLACE_ENDS or ends_with_unit_suffix(work[max(0, s - 8) : s]):
        return False
    body = work[s + 1 : e - 1]
    if any(ch in body for ch in ",。:;+"):
        return False
    names = body.split("、")
    # The names before the last are units or short place names that share the last one's suffix
    # ("甲乙、丙丁街道办"); a bracket that glosses the term before it lists its parts ("优化“3+N”的
    # 创办模式(人才交流、创新论坛、展览展示+N场推介会),": 广州's talent plan), which are none.
    return looks_like_unit(names[-1]) and all(len(n) <= 3 or looks_like_unit(n) for n in names[:-1])


def _note(
    orig: str,
    work: str,
    s: int,
    e: int,
    outer_s: int,
    outer_e: int,
    year: int | None,
    first_leads: bool = False,
) -> RoleNote | None:
    o, w = orig[s:e], work[s:e]
    if " " in w and (run := _NUMBER_RUN.search(w)) is not None:
        # A table flattened onto the note's line after it (宁波's 2014 progress notice: "配合单位:
        # 市公安局、市城管局,各区政府 鄞州 海曙、江东、江北 镇海 北仑 合计 新辟线路年度目标 2 5 1 2
        # 10"; crawled progress tables of 临安区 and 招远市 run cells so): the note ends at the space
        # before the table's first cell.
        gap = _GAP_AFTER_WORD.search(w, w.rfind("\n", 0, run.start()) + 1, run.start())
        if gap is not None:
            o, w = o[: gap.start()], w[: gap.start()]
    if "\n" in w or "*" in w:
        # Broken across lines (and pages, leaving a page number) or emphasised in markdown: the
        # line breaks, page numbers, spaces and emphasis marks go.
        drop: set[int] = set()
        if "\n" in w:
            pos = 0
            for line in w.split("\n"):
                if line.strip() and _PAGE_NUMBER.fullmatch(line.strip()):
                    drop.update(range(pos, pos + len(line)))
                pos += len(line) + 1
            drop.update(m.start("b") for m in _LINE_BULLET.finditer(w))
        if "\n" in w and ":" in w:
            # A label on a line of its own after another ("责任单位:市交通委\n配合单位:…"): the
            # line break parts their lists as a semicolon would.
            for m in _LABEL_LINE.finditer(w):
                if w[: m.start()].strip() and w[m.start() - 1 : m.start()] not in ";;,":
                    o, w = (
                        o[: m.start()] + ";" + o[m.start() + 1 :],
                        w[: m.start()] + ";" + w[m.start() + 1 :],
                    )
        keep = [i for i, ch in enumerate(w) if not (ch.isspace() or ch == "*" or i in drop)]
        o, w = "".join(o[i] for i in keep), "".join(w[i] for i in keep)
    found = _note_body(o, w, year, first_leads)
    if found is None:
        return None
    return RoleNote(outer_s, outer_e, found[0], found[1], found[2])


# (Room for every distinct note of a large document: the 10 MB bench document has about 12,000,
# and a memo of 4,096 evicted them before they came again; cleared with the other memos.)
@lru_cache(maxsize=16384)
def _note_body(
    orig: str, work: str, year: int | None = None, first_leads: bool = False
) -> tuple[UnitRoles, Deadline | None, bool] | None:
    """The units and deadline a note's body names, and whether it marks their role with a label
    or marker (None when it names no unit). Notes repeat across a document: memoised."""
    deadline = None
    if "。" in work:
        # A note may go on with a remark after a full stop ("…按职责分工负责。具体任务均涉及各
        # 市政府,下同"; "…负责落实。以下均需…,不再列出"): what follows is read only where a
        # label opens it.
        cut = work.index("。")
        rest = work[cut + 1 :]
        if rest and _NOTE_LABEL.match(rest) is None:
            orig, work = orig[:cut], work[:cut]
    dm = _NOTE_DEADLINE.search(work)
    if dm:
        ds, de = dm.span()
        ws, we = dm.span("when")
        nxt = _UNIT_LABEL.search(work, ws, we)
        if nxt is not None and nxt.start() > ws:
            # A deadline line before a line of units ("完成时限:2030年8月底\n责任单位:县教育局", its
            # line break gone): the deadline ends where the next label opens (民生实事 and key-project
            # lists write each item's fields so: 建设内容 / 完成时限 / 责任单位).
            we = de = nxt.start()
        deadline = parse_deadline(work[ws:we], orig[ws:we], year)
        # Read the units from what is left of the note.
        before = work[:ds].rstrip()
        if not before or before[-1] in GROUP_SEPARATORS:
            # The deadline is a group of its own (…;完成时限:2024年底): the note without it reads
            # the same, and its units are memoised apart from the deadline, which varies more.
            body_o, body_w = orig[:ds] + orig[de:], work[:ds] + work[de:]
        else:
            body_o, body_w = orig, work[:ds] + " " * (de - ds) + work[de:]
    else:
        body_o, body_w = orig, work
        # A group of its own that is a date ("6月底前完成,牵头单位:区商务局"): the deadline.
        dated = _DATE_CHARS.search(work) is not None or _ongoing_pattern().search(work) is not None
        for gm in _NOTE_GROUP.finditer(work) if dated else ():
            group = gm.group()
            if ":" in group or (not any(ch in group for ch in "年月季底内") and not _is_ongoing(group)):
                continue
            found = parse_deadline(group, orig[gm.start() : gm.end()], year)
            if found is not None and (found.kind != "ongoing" or _is_ongoing(group)):
                deadline = found
                body_o = orig[: gm.start()] + orig[gm.end() :]
                body_w = work[: gm.start()] + work[gm.end() :]
                break
    roles = parse_roles(body_o, body_w, first_leads=first_leads)
    names = roles.lead + roles.co
    if not names:
        # A note of a deadline alone ("完成时限:2024年底") is a part of the note before it.
        alone = deadline is not None and not body_w.strip(" ;,。")
        dated = alone and (":" in work or _DEADLINE_WORD.search(work) is not None)
        return (roles, deadline, True) if dated else None
    marked = ":" in body_w or has_role_marker(body_w)
    units_like = [_unit_like(n) for n in names]
    if False in units_like:
        # A labelled note (责任单位:…) may go on with a remark ("具体任务均涉及各市政府,下同"):
        # its unit names are kept. An unlabelled one must be all unit names.
        if ":" not in body_w or not any(units_like):
            return None
        keep = {n for n, ok in zip(names, units_like, strict=True) if ok}
        roles = UnitRoles(tuple(n for n in roles.lead if n in keep), tuple(n for n in roles.co if n in keep))
    return roles, deadline, marked


# What a date of a note holds one of. must not match: "区商务局牵头"
_DATE_CHARS = re.compile(r"[年月季底内]")


@lru_cache(maxsize=1)
def _ongoing_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, ongoing_phrases())))


def _is_ongoing(group: str) -> bool:
    """A group of a note that is an ongoing deadline and nothing else ("长期坚持", "持续推进"),
    not units with an ongoing word ("各部门持续推进")."""
    return is_ongoing_phrase(group)


def _work_of(name: str) -> str:
    return working_text(name) if not name.isascii() else name


def _unit_like(name: str) -> bool:
    w = working_text(name) if not name.isascii() else name
    return looks_like_unit(w) or w.startswith(_COLLECTIVE_OPENINGS) or names_a_district(w)


_COLLECTIVE_OPENINGS = ("各", "相关", "有关")


# A label that opens a part of a note. matches: "配合单位:", "完成时限:" ; must not match: "具体任务"
_NOTE_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,4}(?:单位|部门|时限|时间|节点|期限)\s*:")
# The label of a list of units. matches: "责任单位:", "牵头部门 :", "协同责任单位:" ; must not match:
# "8月底前" , "单位:" alone
_UNIT_LABEL = re.compile(UNIT_ROLE_LABEL + r"\s*:")
# A bracketed date that is a deadline: it says by when. matches: "2024年底前", "6月底前完成",
# "年内完成" ; must not match: "2018-2022年" (a plan's period)
_DEADLINE_WORD = re.compile(r"[前底末]|完成|年内")
# A group of a note, between its commas and semicolons.
_NOTE_GROUP = re.compile(r"[^,;。]+")


def clear_caches() -> None:
    """Forget the memo of role notes."""
    _note_body.cache_clear()


class _Node:
    """A heading of the outline and the lines of its body (a plain class with slots: a large
    document has tens of thousands)."""

    __slots__ = (
        "level",
        "number",
        "start",
        "line_end",
        "body",
        "parent",
        "children",
        "title",
        "span",
        "body_spans",
        "closed",
    )

    def __init__(
        self,
        level: int,
        number: str | None,
        start: int,
        line_end: int,
        parent: _Node | None = None,
        span: int = 0,
        closed: bool = False,
    ) -> None:
        self.level = level
        self.number = number
        self.start = start  # offset of the title text (after the numbering)
        self.line_end = line_end
        self.body: list[tuple[int, int]] = []  # further lines of its body
        self.parent = parent
        self.children: list[_Node] = []
        self.title: str | None = None  # _title_of the node, read once
        self.span = span  # the prose span its heading line is in
        self.body_spans: list[int] = []  # the prose span of each body line
        self.closed = closed  # the closing matter of the document (抄送, 印发): never a task


@dataclass(frozen=True)
class TextTasks:
    tasks: tuple[Task, ...]
    passages: tuple[Passage, ...]


# The title of an item: a short first sentence, ending with 。 or a colon (matched at its start).
# matches: "全面优化利用外资结构。" ; must not match: a first sentence of 60 characters,
# "区市场监管局】开展…" (a bracket: a note, not a title)
# A title may carry its date in brackets: "建立工作机制(2021年8月)。" (the step's deadline).
# A title may be two parallel phrases of four to six characters joined by a comma, the heading of a
# requirement of a notice ("1.明确任务,压实责任。", "一、高度重视,夯实责任。": 盘锦's and 谯城's notices
# distributing their work reports' tasks).
_TITLE = re.compile(
    r"(?P<title>[\u4e00-\u9fff]{4,6},[\u4e00-\u9fff]{4,6}(?=。)|[^。;:!?,\n(【\[〔)】\]〕]{2,40}?)"
    r"(?:\((?P<when>(?:(?:19|20)\d\d年)?\d{1,2}月[^()。]{0,10}|(?:19|20)\d\d年[^()。\d]{0,6})\))?[。:!]"
)
# A heading of a part that describes rather than assigns: background, principles, situation.
# matches: "发展现状及面临形势", "指导思想", "指导原则", "存在问题", "上半年建筑业安全生产形势" (the part of a
# bulletin, 通报, that reviews the period: its items are the situation's features, no work) ;
# must not match: "加快发展新兴产业", "形势研判机制"
_BACKGROUND = re.compile(
    r"现状|基础$|存在问题|面临形势|发展形势|形势分析|指导思想|(?:基本|发展|指导|工作)原则|总体要求|背景|重要意义"
    r"|编制依据|形势$"
)

# A figure or table caption: "图 1 产业空间布局". must not match: "图书馆建设"
_CAPTION = re.compile(r"^\s*[图表]\s*\d")

# The closing provisions of a document are not tasks: when it takes effect and how long it holds, who
# explains it, which rule wins where two disagree.
# matches: "本措施自发布之日起施行", "为优化营商环境,制定本措施", "本政策涉及同一内容的奖励",
# "如与上级政策规定不一致的,按上级规定执行", "本政策措施自2024年1月1日起施行", "有效期至2025年12月31日",
# "本意见执行中的具体问题由县住建局会同有关单位负责解释", "现行文件与本措施不一致的,以本措施为准",
# "国家和省另有规定的,从其规定", "《某某办法》(某政发〔2020〕1号)同时废止" ;
# must not match: "推进本区政务服务", "本市年度计划中的项目", "将稳岗返还政策有效期延长至年底",
# "在本政策有效期内出让的用地,可分期缴纳" (a measure bounded by the validity),
# "自2024年起实施新的补贴标准"
# (The document naming itself, 本方案, 本实施意见, 本政策措施, 本《措施》; the day it takes effect, 自印发之日起
# 施行 or 自2024年1月1日起生效, closing its clause; the body that explains it, 由X负责解释 closing the sentence.)
_THIS_DOCUMENT = (
    r"本(?:《[^《》]{1,30}》|(?:实施|工作|行动|若干|暂行|管理|指导|政策|专项|支持)?"
    r"(?:措施|办法|方案|规定|细则|意见|通知|计划|规划|政策|文件|决定|公告|指引|指南|规则))"
)
_TAKES_EFFECT = r"(?:之日|[^,。;]{0,20}\d日)起(?:施行|实施|执行|试行|生效)(?=[,。;]|$)"
_PROVISION = re.compile(
    rf"{_THIS_DOCUMENT}(?:自|由|所称|有效期(?!内)|适用|涉及|中|[^,。;]{{0,12}}有效期(?!内))"
    rf"|{_TAKES_EFFECT}|制定本(?:措施|办法|方案|规定|细则|意见)"
    r"|(?:如|若)与[^。]{1,30}(?:不一致|相抵触|相冲突)"
    r"|(?:不一致|相抵触|相冲突|不符)(?:的|之处)?,?(?:以|按|依)[^。;]{0,20}(?:为准|执行)"
    r"|由[^。;]{1,40}?(?:负责)?解释(?=[。;]|$)|解释权(?:归|属)|解释(?:工作)?由[^。;]{1,40}?负责(?=[。;]|$)"
    r"|另有规定的?,?(?:从其规定|按其规定执行)|》[^。;]{0,30}同时(?:废止|停止执行)"
)
# A closing provision as a sentence of its own: one ``_PROVISION`` holds, or it opens with the time the
# document holds ("有效期至2025年12月31日。", "有效期三年。", "执行期限为…", after the sentence of its start).
_VALIDITY = re.compile(r"\s*(?:[,。;]\s*)?(?:有效期|执行期限|实施期限)(?:至|为|自|[一二三四五两\d])")


# A parenthesis in a working text (half-width brackets). matches: "(自2022年1月1日起施行,有效期3年)"
_PARENTHESIZED = re.compile(r"\([^()]*\)")


def _provisions_only(work: str) -> bool:
    """Every sentence of ``work`` (a task's working text) is a closing provision of the document."""
    # (A parenthesis is another text's: a measure citing a notice "(自2022年1月1日起施行,有效期3年)".)
    work = _PARENTHESIZED.sub("", work)
    sentences = [x for x in re.split(r"(?<=[。;])", work) if x.strip(" \n。;")]
    return bool(sentences) and all(
        _PROVISION.search(x) is not None or _VALIDITY.match(x) is not None for x in sentences
    )


# A paragraph that is a closing provision, run on below the last item of a document whose
# closing part has no heading of its own: "本方案自印发之日起施行。", "本实施方案自发布之日起试行，
# 有效期三年。" (临港's city check-up plan), "本政策自印发之日起施行" (济南's manufacturing measures).
# must not match: "本区各部门要…", "将本方案确定的任务分解落实"
_CLOSING_PROVISION = re.compile(
    rf"\s*(?:{_THIS_DOCUMENT}(?:自|由[^。]{{1,30}}负责解释|有效期)|[^。]{{0,30}}{_TAKES_EFFECT})"
)
# The closing matter after a document's last item: copies, issuing office, the list of its
# attachments (matched at a line's start).
# matches: "抄送:市委各部门", "  主送:各区政府", "附件:任务分解表", "附件1" ;
# must not match: "抄送材料的审核", "附件材料齐全的"
_CLOSING = re.compile(r"\s*(?:(?:抄送|主送|分送|发送)\s*:|附[件表]\s*[\d一二三四五六七八九十]*\s*(?::|$))")
# The opening of a list of annexes, its first title numbered 1: "附件:1. 2019年…分解表",
# "附件：1.《…统计表》". must not match: "附件:任务分解表", "附件1"
_ANNEX_LIST = re.compile(r"\s*附\s*件\s*:\s*1\s*[.、．]")
# The number of a list's line: "2. 2019年民生实事项目目标任务分解表" gives 2.
_LINE_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.、．]")


def _annex_number(work: str, s: int, e: int) -> int:
    """The number a line of a list opens with (0 when none): "2. …表" gives 2."""
    m = _LINE_NUMBER.match(work, s, e)
    return int(m.group(1)) if m else 0


# Where a line of running text ends its paragraph: a line that ends otherwise was wrapped (text
# pulled from a PDF) and goes on in the next line.
# matches the end of: "推进政务服务数字化转型。", "(省大数据局牵头)" ; must not match: "推进一体化在"
_PARAGRAPH_END = frozenset("。;!?:)】]”’…")
# A clause that opens with units and what they are to do: the units answer for the clause and
# what follows it, up to the next such clause. The verb is found first and the clause's opening
# read back from it (verbs are rarer than clause openings).
# matches: "县商务局负责新建项目相关工作", "各区县、各有关部门要完善配套政策" ;
# must not match: "市有关部门和单位负责人为成员", "加快发展新兴产业要"
# (Its 要 is any 要, not units.MODAL_YAO: with MODAL_YAO's exclusions of 重要, 主要, 需要…, the readings of
# "…需要。推进城乡…" in work reports lose false units (推进城乡, 我们将) but 松江's forest care plan (tune)
# loses a task boundary (task F1 0.941 -> 0.875): left as it was until the boundary is read otherwise.)
_CLAUSE_DUTY_VERB = re.compile(
    r"牵头负责|牵头|负责(?!人|同志)|会同|"
    + "|".join((*DUTY_MODALS, "要"))
    + r"|将|对(?=[^。;]*负总?责)|依法(?=对|查处|实施)|作为(?=[^。;,]{0,30}(?:责任主体|主管部门|牵头部门))|指导(?=、协调|协调)"
    r"|切实(?=履行|落实|承担|担负)|共同(?=做好|推进|开展|落实|负责|实施|组织)"
    r"|是(?=[^。;,]{2,40}(?:主管部门|牵头部门|责任部门|责任主体|责任单位|主体)(?:\(以下简称[^()]{1,20}\))?[,;](?:具体)?(?:负责|要|应|须|牵头|配合))"
)
# A duty list's opening "X是…的主管部门，负责…" / "X是…责任主体，要…" (Jinshan's and Qingpu's
# divisions of duties; the State Council's "试点城市政府是…责任主体，要…"; Jiading's "各镇…是…行政
# 主管部门（以下简称“下立交管理单位”），具体负责…"): X answers for the clause. So does "X作为…主管
# 部门履行…", and "X切实履行/落实…" (Jing'an's heritage plan: "区文物管理委员会各成员单位切实履行…
# 责任，区文化局作为全区文物主管部门履行…主体责任").
# Not "区政府是…责任主体，由分管副区长牵头…": the duty is another's.
# The time a sentence's "X将…" is set in, before its subject: "下一阶段，区建交委将会同区防汛办…",
# "每年汛期结束后，区建交委将…" (what the drafting unit announces it will do is its task).
# A sentence that sanctions those who fail the duty before it: its subject is a condition ("管理不
# 到位的乡镇", "对工作不力的", "未按期完成任务的单位") and its work a sanction (问责, 通报, 约谈…), by
# whichever body. It closes the task before it (no task of its own); the condition names no unit.
# matches: "管理不到位的乡镇,县人民政府将实行问责", "对工作不力的,由县政府予以通报批评",
# "未完成任务的单位,要约谈其主要负责人" ; must not match: "各乡镇要建立健全…,通报检查结果",
# "县城管局负责督查,对发现的问题进行通报"
_SANCTION = re.compile(
    r"\s*(?:对|凡|凡是)?[^,。;:]{1,30}的(?:[^,。;:的]{1,8})?,"
    r"[^。;]{0,30}?(?:问责|通报|约谈|追究|一票否决|扣分|扣减|批评|处分|诫勉)"
)
_TIME_LEAD_IN = re.compile(r"\s*(?:下一(?:阶段|步)|今后|此后|届时|[^,。;]{1,20}(?:后|前|期间|结束时)),\s*")
# A list item that is a document's title and nothing more: the annexes a notice lists
# ("附件：1.《嘉定区道路下立交情况统计表》 2.《…应急预案》"), no work.
_TITLE_ONLY = re.compile(r"\s*《[^《》]{2,80}》\s*[。;,]?\s*")
# What the units of a clause may not open with: a preposition ("经生态环境部审核") makes them no
# subject; 由 names the doer ("由市科委牵头") and is left out.
_NOT_SUBJECT_OPENING = (
    "经",
    "在",
    "对",
    "向",
    "按",
    "为",
    "与",
    "和",
    "及",
    "把",
    "以",
    "从",
    "并",
    "将",
    "据",
    # a verb of oversight: "监督施工单位严格按照作业设计图施工" (Songjiang's forest-care plan),
    # "督促物业服务企业…" (Fengxian's park-city duties): the body after it is its object
    "监督",
    "督促",
    # "衔接完整社区建设目标，…", "拟开展完整社区建设的社区应…" (Fengxian's city check-up plan): a verb of
    # alignment, a body described by what it plans
    "衔接",
    "拟",
    # "设立区级路长办公室，办公室设在区建交委…" (浦东's road chiefs plan): the body set up is the
    # object of the clause
    "设立",
    "设置",
)
# What follows the body named after a preposition 经 ("经区政府同意", "经市场监管部门审核"): an
# approval, never the duty of a subject.
_APPROVAL = re.compile(r"同意|批准|审核|审定|审批|核准|认定|研究|备案")


def _name_opening_like_preposition(chunk: str, cs: int, v: int) -> bool:
    """The clause opens with a unit whose name begins as a preposition does: a town's economic
    office 经发办 or 经发中心 ("经发办负责园区…的排查整治工作"; Minhang Wujing town and Shanghai's
    other towns abbreviate 经济发展 so), not the 经 of "经区政府同意…" or "经生态环境部会同有关部门
    评审通过后实施": a short name right before 负责 or 牵头, with no word of approval in it and no
    step after it."""
    if chunk[cs] != "经" or v - cs > 6 or not chunk.startswith(("负责", "牵头"), v):
        return False
    end = min(i for i in (chunk.find("。", v), chunk.find(";", v), len(chunk)) if i >= 0)
    after_by = "后" in chunk[v:end]  # "经X负责审核后…": a step of a procedure
    return looks_like_unit(chunk[cs:v]) and not _APPROVAL.search(chunk, cs, v) and not after_by


# A verb of a duty anywhere in an item. must not match: "推进政务服务"
# The adverbs between a unit and the 负责 of its duty: "区河道水闸管理所具体负责市、区级河道的管理
# 养护。区水务事务管理中心具体负责…" (嘉定's river maintenance duties), "镇人民政府(街道办事处)具体
# 负责…" (奉贤's rural housing opinions), "X主要负责…" (divisions of duties of every level).
_DUTY_ADVERBS = ("具体", "主要", "全面", "统一", "分别")
# The adverb between a sentence's units and its 要 that hands them work too, a task of theirs after
# the other subjects' ones in a closing part: "全市各级各部门也要结合实际，因地制宜地开展…宣传教育活动"
# after "文广、司法、财税等部门要…。治税办要…。" (十堰's 社会综合治税 text, 加大宣传力度), "各相关单位也要…".
# The closing parts of 国办发〔2018〕126号 and 117号 (tune) hand their work out a subject a sentence
# the same way, with no 也.
_ALSO = ("也", "还")
_DUTY_HINT = re.compile(r"负|牵头|要|应|须|会同|将|依法|作为|指导|是|切实|共同")
# What a clause's units hold none of. must not match: "区发展改革局", "试点地区政府办公厅(室)"
_NOT_IN_UNITS = re.compile(r"[:“”《》]")
# A line break inside a clause, with the spaces around it (the clause is joined across it).
_WRAP = re.compile(r"\s*\n\s*")
_NO_ROLES = UnitRoles()
# What a clause does not begin or end with: the punctuation left by the note or sentence before.
# The emphasis of a markdown copy ("**加强组织领导。**") goes with them.
_LEADING_CHARS = " \t\r\n\u3000。;,:、)*"
_TRAILING_CHARS = " \t\r\n\u3000;,、(*-•·"  # (a markdown bullet that opens the line of the note after it)
# What a line of a markdown copy of a web page opens or closes with around its text: heading
# marks, a quote, a list bullet, emphasis.
# matches: "## ", "> ", "- ", "**" ; must not match: "——" (a dash that opens a Chinese list item)
_MARKUP_OPEN = re.compile(r"(?:#{1,6}\s+|>\s*|[-+]\s+|\*\*?(?!\s))+")
# A page number left in text pulled from a PDF: "5", "- 5 -", "—5—", "第 5 页".
# matches: "12", "- 3 -", "第3页" ; must not match: "3年", "1.加强领导"
_PAGE_NUMBER = re.compile(r"[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*")

_Span = tuple[int, int]


def _lines(work: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The non-blank lines of ``spans``, without the white space and markup around them, with
    the index of the span each is in. Page numbers are left out."""
    out = []
    for k, (start, end) in enumerate(spans):
        pos = start
        for line in work[start:end].split("\n"):
            stripped = line.strip()
            if stripped:
                s = pos + len(line) - len(line.lstrip())
                e = s + len(stripped)
                first = stripped[0]
                if e - s <= 12 and (first.isdigit() or first in "第—–-") and _PAGE_NUMBER.fullmatch(stripped):
                    s = e
                elif first in "#>-+*":
                    m = _MARKUP_OPEN.match(work, s, e)
                    if m:
                        s = m.end()
                while e > s and work[e - 1] == "*":
                    e -= 1
                if e > s:
                    out.append((s, e, k))
            pos += len(line) + 1
    return out


def _without_asides(work: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``work`` with each line of a person or a report of progress (``_ASIDE_LINE``) blanked
    (offsets kept), and those lines: the item above reads its units around them."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        for c_start, c_end in _aside_colons(work, start, end):
            ls = work.rfind("\n", start, c_start) + 1
            m = _ASIDE_LINE.match(work, ls, c_end)
            if m is None or m.end() != c_end or (found and found[-1][0] >= ls):
                continue
            s = ls + len(work[ls:c_start]) - len(work[ls:c_start].lstrip())
            e = work.find("\n", c_end, end)
            e = end if e < 0 else e
            while e > s and work[e - 1].isspace():
                e -= 1
            found.append((s, e))
    if not found:
        return work, []
    chars = list(work)
    for s, e in found:
        chars[s:e] = " " * (e - s)
    return "".join(chars), found


def read_text_tasks(
    text: str,
    work: str,
    spans: list[tuple[int, int]],
    year: int | None = None,
    has_task_table: bool = False,
) -> TextTasks:
    """Tasks of the running text ``spans``, and passages for metrics. ``year`` is the document's
    own (relative deadlines such as 年底前 are of that year). ``has_task_table`` when the document
    holds a task table: with no role note in its text, the table is its list of tasks, and its
    text gives only the clauses that name the units to do them."""
    asides: list[tuple[int, int]] = []
    work, asides = _without_asides(work, spans)
    lines = _lines(work, spans)
    root = _Node(-1, None, 0, 0)
    stack = [root]
    nodes: list[_Node] = []
    passages: list[Passage] = []
    annex_next = 0  # the number the next line of a list of annexes ("附件:1.…" / "2.…") takes
    procedure = False  # the lines read are an annex of rules of procedure (_PROCEDURE_TITLE)
    procedural: set[int] = set()  # the ids of the nodes in one
    for li, (s, e, k) in enumerate(lines):
        found = HEADING.match(work[s:e])
        unit_block = (
            None
            if found or e - s > 20 or li + 1 == len(lines)
            else _unit_block(text, work, s, e, k, stack[-1], lines[li + 1][0])
        )
        if unit_block is not None:
            # A unit's name alone on its line over its duties, in a division of duties with no
            # numbers: a heading of the unit's block, one level below the division's.
            while stack[-1] is not unit_block.parent:
                stack.pop()
            unit_block.title = _title_of(work, unit_block)
            stack[-1].children.append(unit_block)
            stack.append(unit_block)
            nodes.append(unit_block)
        elif found and annex_next and _annex_number(work, s, e) == annex_next:
            # A line of the list of annexes the closing matter opened ("附件:1. 2019年…分解表" /
            # "2. 2019年民生实事项目目标任务分解表"): an annex's title, closed like the line before.
            annex_next += 1
            node = _Node(99, None, s, e, parent=root, span=k, closed=True)
            root.children.append(node)
            stack[-1:] = [node]
        elif found:
            annex_next = 0
            level, hm = found
            while stack[-1].level >= level:
                stack.pop()
            node = _Node(level, _numeral(hm), s + hm.end(), e, parent=stack[-1], span=k)
            node.title = _title_of(work, node)
            stack[-1].children.append(node)
            stack.append(node)
            nodes.append(node)
            if procedure:
                procedural.add(id(node))
        elif work[s] in "抄主分发附" and _CLOSING.match(work, s, e):
            # The closing matter: nothing after it belongs to the last item.
            while len(stack) > 1:
                stack.pop()
            node = _Node(99, None, s, e, parent=root, span=k, closed=True)
            root.children.append(node)
            stack.append(node)
            first = _ANNEX_LIST.match(work, s, e)
            annex_next = 2 if first is not None else 0
            procedure = _PROCEDURE_TITLE.search(work, s, e) is not None
        else:
            stack[-1].body.append((s, e))
            stack[-1].body_spans.append(k)
            if (
                nodes
                and e - s <= 40
                and li + 1 < len(lines)
                and _ANNEX_TITLE.search(work, s, e) is not None
                and not any(c in work[s:e] for c in ",。;:")
                and (stack[-1].closed or HEADING.match(work[lines[li + 1][0] : lines[li + 1][1]]))
            ):
                # A title line below the measures, over numbered parts or after 附件, opens an annex: of
                # rules of procedure ("某某市购房补贴实施细则" / "一、基本原则"), or another
                procedure = _PROCEDURE_TITLE.search(work, s, e) is not None
        # The line's heading: the title of the item it is in (the root has none).
        passages.append(Passage(s, e, heading=stack[-1].title))

    cache = _NoteCache(text, work, year)
    # Most items are one line: their paragraph is that line (no call for it).
    paras = {
        id(n): _paragraphs(work, n) if n.body or n.level < 0 else [(n.start, n.line_end)]
        for n in (root, *nodes)
        if not n.closed
    }
    noted = {key: any(cache.of(s, e) for s, e in ps) for key, ps in paras.items()}
    any_notes = any(noted.values())
    # Leaves with notes among the leaves of each level: an item of a noted list that names no
    # unit of its own is still one of its measures.
    leaves = [n for n in nodes if not n.children and not n.closed]
    noted_by_level: dict[int, list[bool]] = {}
    for n in leaves:
        noted_by_level.setdefault(n.level, []).append(noted[id(n)])
    shared = _shared_notes(work, nodes, paras, noted, cache)
    restated = _restated(work, nodes)
    tasks: list[Task] = []
    for node in (root, *nodes):
        if node.closed:
            continue
        ps = paras[id(node)]
        if (
            node.children
            and len(ps) > 1
            and not noted[id(node)]
            # (the closing matter, "附件:…" after a notice's text with no heading, is no item of a
            # list: 大竹's 2016 and 乐清's 2022 notices on their practical projects, a county's 2016
            # notice on its work report's tasks)
            and any(not c.closed for c in node.children)
            and all(_lists_contents(work, c, paras) for c in node.children if not c.closed)
        ):
            # "（四）形成体检报告。10月15日前，形成…报告。/ 体检报告主要内容包括：/ 1.…": the item
            # is a task of its own, the list it closes with is what its report holds.
            tasks.extend(_plain_tasks(text, work, node, ps[:-1], year, paras_of=paras))
            continue
        if node.children or node is root:
            # The paragraphs of a heading before its first item (or of a text with no heading
            # at all) are tasks when they carry notes.
            if node is not root and noted[id(node)] and _label_lines_note(work, ps[1:], cache) is not None:
                continue  # "牵头单位：…" / "配合单位：…" below the heading: the items' units (_heading_note)
            if noted[id(node)]:
                over = _note_over_paragraphs(work, node, ps, cache) if node.level >= 0 else None
                if over is not None:
                    # The part's opening paragraphs, before its items: the heading's note is for
                    # them as for the items (湖州市's policies of 2024).
                    tasks.extend(_noted_heading_paragraphs(text, work, node, ps[1:], over, year))
                else:
                    tasks.extend(_paragraph_tasks(text, work, node, ps, cache, year))
            elif id(node) in restated and len(ps) > 1:
                # A measure's section whose title a list gave before (a press copy of measures): its
                # paragraph before its items is the measure's (a title alone over its items is none:
                # a list of policies by part, 安徽's 2022 list under its table of contents).
                tasks.extend(_plain_tasks(text, work, node, ps, year, paras_of=paras))
            elif (
                node is not root
                and node.body
                and not _under_background(work, node)
                and not _in_goals(work, node)
            ):
                tasks.extend(_intro_duties(text, work, node, ps, year))
            elif node is root and not any_notes:
                # (a notice that issues its division as a table: the duties its own paragraph hands
                # the units, 沙坪坝's 2022 notice: "请各单位提高政治站位…"; 上城区's of 2019: "区委办公室
                # 负责…;区政府办公室负责…", are tasks beside the table's rows, its paragraphs no more)
                tasks.extend(_notice_requirements(text, work, node, ps, year))
                if not has_task_table:
                    tasks.extend(_headed_paragraphs(text, work, node.body, year))
                    if "由" in work and "牵头" in work:
                        tasks.extend(_assigned_clauses(text, work, ps, year))
            continue
        if not noted[id(node)] and (_defines(work, node) or _lists_contents(work, node, paras)):
            continue
        if noted[id(node)]:
            over = _note_over_paragraphs(work, node, ps, cache)
            if over is not None:
                tasks.extend(_noted_heading_paragraphs(text, work, node, ps[1:], over, year))
            else:
                tasks.extend(_item_tasks(text, work, node, ps, cache, year))
            continue
        if (
            not any_notes
            and not has_task_table
            and node.body
            and _TASK_PART.search(work, node.start, node.line_end)
        ):
            # "二、今后五年的主要任务 / 强化科技支撑 / 推进…。": the part's headed paragraphs.
            part_lines = [(node.start, node.line_end), *node.body]
            if headed := _headed_paragraphs(text, work, part_lines, year, _ref(node)):
                tasks.extend(headed)
                continue
        note = shared.get(id(node)) or _heading_note(work, node, paras, cache)
        if note is not None:
            tasks.extend(_plain_tasks(text, work, node, ps, year, note))
            continue
        # Only the clauses that name their units ("各地区、各有关部门要…"): in a noted list of
        # which the item is not a measure, and in a document whose task list is its table.
        units_only = has_task_table and not any_notes
        if any_notes:
            # In a document whose measures carry role notes, an item of a part that assigns work
            # is a task even when it names no unit (a reviewer assigns it); one of a part that
            # describes (background, principles, goals) only for the clauses that name units.
            units_only = not _sibling_has_notes(node, noted, noted_by_level)
            if units_only and _under_principles(work, node):
                continue
            if units_only and not (_under_background(work, node) or _under_goals(work, node)):
                if not (
                    node.body
                    or _has_inline_body(work, node)
                    or _is_sentence_item(work, node)
                    or _duty_under_unit(text, work, node)
                    or _step_of_dated_stage(work, node)
                ):
                    continue  # a title alone (its table read apart)
                units_only = False
        elif _under_background(work, node):
            continue
        elif _in_goals(work, node):
            units_only = True
        elif (
            node.level < 2
            and not (node.level == 1 and _has_inline_body(work, node))
            and id(node) not in restated
        ):
            # A part's own paragraphs: only the clauses that name the units to do them
            # ("各单位要…", "区绿化市容局负责…").
            units_only = True
        if _PROVISION.search(work, node.start, node.line_end) or _under_closing_part(work, node):
            continue
        if id(node) in procedural or _under_procedure_part(work, node):
            # The rules of procedure of an annex after the measures, or a part of the measures that lists
            # an application's materials or steps: its principles, the materials and the applicant's steps
            # are no task; a step a unit takes is ("市住建局负责资格审查,于3月25日前完成", "市财政局于4月底前
            # 将补贴资金拨付到位": the unit opens it; not "购房人向所在区住建局提交…", the applicant's).
            tasks.extend(
                t
                for t in _plain_tasks(text, work, node, ps, year, paras_of=paras)
                if _unit_step(text, work, t.span.start, t.span.end)
            )
            continue
        if not node.body and _TITLE_ONLY.fullmatch(work, node.start, node.line_end):
            continue  # "1.《嘉定区道路下立交情况统计表》": a document's title in a list of annexes
        if (
            units_only
            and not _DUTY_HINT.search(work, node.start, ps[-1][1] if ps else node.line_end)
            and not _intro_roles(text, work, node, paras)
        ):
            continue  # a cheap first look: no verb of a duty, no list introduced by its units
        plain = _plain_tasks(text, work, node, ps, year, paras_of=paras)
        if units_only and not _opens_with_units_label(text, work, node):
            plain = [t for t in plain if t.lead_units or _PEOPLE_SUBJECT.search(working_text(t.text[:80]))]
        tasks.extend(plain)
    # (the signature under the text, an issuer's name over its date, is no task; nor is a closing provision,
    # wherever the outline put it: below the last item, as an item of its own, as the last of a list)
    tasks = [
        t
        for t in tasks
        if not (t.text.endswith("日") and _signature(t.text)) and not _provisions_only(working_text(t.text))
    ]
    tasks.sort(key=_span_start)
    if not has_task_table:  # regulations' articles and letters' requests (articles.py)
        tasks = articles.tasks_of(text, work, lines, year, tasks)
    if asides:
        # The lines of people and progress are still read for figures (a project's actuals, of
        # the document's year: a notice reports the progress of its own year's work).
        passages.extend(Passage(s, e, reported=True) for s, e in asides)
    return TextTasks(tuple(tasks), tuple(passages))


# The title of an annex (a line of its own after the measures, or after 附件): the kind of document it is.
# matches: "某某市购房补贴实施细则", "附件2:企业奖励申报指南", "购房补贴办理流程" ; must not match: "一、主要任务"
_ANNEX_TITLE = re.compile(
    r"(?:细则|指南|指引|流程|规程|须知|办法|方案|清单|[表单]|目录|计划|规划|意见|通知|要求)\s*(?:\([^()]{1,10}\))?\s*$"
)
# An annex of rules of procedure: how to apply, what to hand in, the steps of the handling.
# matches: "某某市购房补贴实施细则", "企业奖励申报指南", "补贴办理流程", "申请须知" ;
# must not match: "重点任务分解表", "某某区实施方案"
_PROCEDURE_TITLE = re.compile(
    r"(?:实施细则|操作细则|(?:申请|申报|办事|办理|操作|服务)(?:指南|指引|流程|须知|规程)|(?:办理|工作|审批|兑现)流程)"
    r"\s*(?:\([^()]{1,10}\))?\s*$"
)
# The heading of a part that lists an application's materials, steps, or who may apply.
# matches: "申请材料", "二、申报材料及要求", "办理流程", "申请程序", "申报条件" ; must not match: "加快审批流程"
_PROCEDURE_PART = re.compile(
    r"\s*(?:申请|申报|提交|所需|报送)材料|\s*(?:申请|申报|办理|审核|兑现)(?:流程|程序)|\s*(?:申请|申报)(?:条件|对象)"
)


# A step a unit takes by a date, its name first: "市财政局于4月底前将…", "区住建局在5个工作日内完成…".
_DATED_STEP = re.compile(
    r"\s*(?P<who>[^,。;:]{2,20}?)(?:于|在)[^,。;]{0,12}?(?:\d{1,2}月|月底|年底|个?工作日|日内|日前)"
)


# A preposition inside what was read as a name: the words before it are the subject, the unit after it
# whom the subject turns to ("购房人向所在区住建局提交…": the applicant's step).
_PREPOSITION_IN_NAME = re.compile(r"[向对经]|(?<!所)在|按照|根据|通过")


def _unit_step(text: str, work: str, s: int, e: int) -> bool:
    """The step ``s``..``e`` of a procedure is a unit's: it opens with the unit and its verb, or the unit
    and the date it does it by."""
    names = _opening_units(text, work, s, min(e, s + 40))
    if names and not any(_PREPOSITION_IN_NAME.search(working_text(n)) for n in names):
        return True
    m = _DATED_STEP.match(work, s, e)
    return (
        m is not None and looks_like_unit(m.group("who")) and not _PREPOSITION_IN_NAME.search(m.group("who"))
    )


def _under_procedure_part(work: str, node: _Node) -> bool:
    n = node.parent
    while n is not None and n.level >= 0:
        if _PROCEDURE_PART.match(work, n.start, n.line_end) and n.line_end - n.start <= 12:
            return True
        n = n.parent
    return False


def _restated(work: str, nodes: list[_Node]) -> set[int]:
    """The headings that give the section of a title a list of titles gave before them, at the same level
    under the same heading: a press copy of a set of measures lists their titles first ("《措施》共有六条
    举措:" then "一、…" to "六、…", a title a line) and then gives each measure under its title
    again ("一、…" over its paragraphs, the numbering started over). The sections are the measures, as items
    are, whatever their level (the ids of the nodes)."""
    announced: dict[tuple[int, int], set[str]] = {}
    out: set[int] = set()
    for n in nodes:
        if n.closed or n.parent is None:
            continue
        key = (id(n.parent), n.level)
        title = work[n.start : n.line_end].strip(" \t;。:,*")
        if title in announced.get(key, ()):
            out.add(id(n))
        elif not n.children and len(n.body) <= 1:
            # (a line may run on below the last title: "具体内容如下:")
            announced.setdefault(key, set()).add(title)
    return out


# The verbs a unit's duty opens with when its name stands alone on the line above.
_DUTY_OPENINGS = ("负责", "牵头", "配合", "会同", "承担", "协助", "指导", "督促")


def _unit_block(text: str, work: str, s: int, e: int, k: int, top: _Node, nxt: int) -> _Node | None:
    """The heading of a unit's block that the line ``work[s:e]`` is: a unit's name and nothing else,
    the next line (at ``nxt``) opening its duty ("区城管执法局" / "负责…执法查处。"), under a division
    of duties (职责分工) or after another such block; None else."""
    if not work.startswith(_DUTY_OPENINGS, nxt):
        return None
    base = top.parent if top.number is None and 0 <= top.level < 99 and top.parent is not None else top
    if not 0 <= base.level <= 3:
        return None
    node = _Node(base.level + 1, None, s, e, parent=base, span=k)
    return node if _unit_heading(text, work, node) else None


# A signature: the issuer's name, then the date it was signed. matches: "某区人民政府办公室2022年4月20日",
# "县农业农村局\n2023年3月1日" ; must not match: "2022年4月20日前完成验收"
_SIGNATURE = re.compile(r"(?P<who>[^。;:,\d]{2,40}?)\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _signature(text: str) -> bool:
    """The text is a signature (``_SIGNATURE``) whose name is a unit's."""
    m = _SIGNATURE.fullmatch(text.strip())
    return m is not None and looks_like_unit(working_text(m["who"]).strip())


# An item that defines what its title names: "（一）生态宜居。反映城市的大气、水、绿地等…情况" (the
# dimensions of a city check-up, in 崇明's and 临港's plans after the 住房城乡建设部 template),
# "（二）公共服务设施，是指…" (the terms of measures and rules of every level). must not match:
# "（一）加强监测。反映情况要及时"
_DEFINITION = re.compile(
    r"(?:主要)?(?:反映(?:城市|区域|全区|本区|全市|全县|[^,。;]{0,6}(?:的|情况))|是指|系指)"
)
# The sentence that opens a list of what a report or a plan holds: "体检报告主要内容包括:",
# "方案应包括以下内容:" (崇明's check-up plan; 国务院办公厅's pilot notices list a plan's parts so).
# Likewise the sentence that opens the list of what a fund may be spent on: "河湖维修养护资金主要用于:"
# (嘉定's river and sluice maintenance opinions, 五、使用范围), "其资金主要用于:" (a provincial
# 技工教育强师专项资金 budget plan): the headings of spending, not work handed to a unit.
# So does the sentence that names the parts a division plan is made of: "五个方面分别是:" (the reading
# of a city's 分工方案 of 2024). must not match: "重点做好以下工作:", "重点抓好以下五个方面:"
_CONTENTS_INTRO = re.compile(
    r"内容(?:主要)?(?:包括|如下|有):$|包括(?:以下|如下)(?:[^,。;:]{0,8})?内容:$|(?:资金|经费)(?:主要)?用于:$"
    r"|[一二三四五六七八九十\d]+个(?:方面|部分|板块)(?:分别)?(?:是|为):$"
)


def _defines(work: str, node: _Node) -> bool:
    """The item's words after its title define the title (``_DEFINITION``): no work is assigned."""
    m = _TITLE.match(work, node.start, node.line_end)
    return m is not None and _DEFINITION.match(work, m.end(), node.line_end) is not None


def _lists_contents(work: str, node: _Node, paras_of: dict[int, list[_Span]]) -> bool:
    """The item is one of the parts of a report or plan that the sentence before the list names
    (``_CONTENTS_INTRO``): what a document is to hold, not a task."""
    parent = node.parent
    if parent is None or parent.level < 0:
        return False
    ps = paras_of.get(id(parent)) or []
    if not ps or ps[-1][1] > node.start:
        return False
    s, e = ps[-1]
    return _CONTENTS_INTRO.search(work, max(s, e - 30), e) is not None


# A clause of running text that hands a piece of work to a unit that leads it and the units that
# help: "由X牵头,Y、Z配合,在9月底前完成…" (a county's report of the requirements its head set at a
# meeting on idle land, 师宗县 2022), the form a leader's assignments take in a news report or a
# meeting's minutes with no numbered item. Runs to the next ; or 。.
# matches: "由县发展和改革局牵头,县委党校配合,在9月底前完成…" ; must not match: "由县商务局负责" (no 牵头)
_ASSIGNED = re.compile(
    r"(?:^|(?<=[,;。:\n]))由(?P<roles>[^,;。:]{2,30}牵头(?:,[^,;。:]{2,60}(?:配合|参与|协助|协办))?),"
)


def _assigned_clauses(text: str, work: str, paras: list[_Span], year: int | None) -> list[Task]:
    """The tasks a text with no numbered item and no note assigns in its sentences, each "由X牵头,
    Y配合,…" clause one task led by X with Y's help (see _ASSIGNED)."""
    out: list[Task] = []
    for s, e in paras:
        for m in _ASSIGNED.finditer(work, s, e):
            cs = m.start()
            stops = [i for i in (work.find(";", m.end(), e), work.find("。", m.end(), e)) if i >= 0]
            ce = min(stops) if stops else e
            rs, re_ = m.span("roles")
            roles = parse_roles(text[rs:re_], work[rs:re_])
            if not roles.lead:
                continue
            deadline = find_deadline(work[cs:ce], text[cs:ce], year)
            t = _clause_task(text, work, cs, ce, roles, None, None, None, None, deadline, year)
            if t is not None:
                out.append(t)
    return out


def _intro_duties(text: str, work: str, node: _Node, paras: list[_Span], year: int | None) -> list[Task]:
    """The clauses of a heading's own paragraphs, before its items, that name the units to do
    them: "三、组织保障 / 市发展改革委、市经济信息化委会同有关部门，…加强统筹协调。 / (一)…";
    "四、工作流程 / 市发展改革委会同市经济信息化委等部门组织申报…；各园区建设主体负责具体实施。"
    (city and district plans open a part so). A sentence that introduces the list (ending with a
    colon) is not one."""
    measure = _title_text(text, work, node)
    ref, section = _ref(node), _section(node, work, text)
    out: list[Task] = []
    for s, e in paras:
        if s == node.start or work[e - 1] == ":" or _DUTY_HINT.search(work, s, e) is None:
            continue
        for cs, ce, roles in _subject_clauses(text, work, s, e):
            if roles.lead:
                t = _clause_task(text, work, cs, ce, roles, ref, measure, section, node.number, None, year)
                if t is not None:
                    out.append(t)
    return out


# A clause handed to the heads of units, no unit itself, opening its item's sentence: "高度重视,夯实
# 责任。各责任单位主要负责人要进一步树立目标导向…" (谯城's notice of 2020), "主要负责同志要强化领导、亲力
# 亲为" (静安's safety campaign plan of 2024), "各养老服务机构负责人要…" (奉贤's gas safety plan): a task of
# the requirements, with no unit to lead it.
# matches: "各责任单位主要负责人要", "。主要负责同志要", "各单位主要领导要", "各部门主要负责人作为“第一责任人”,
# 要" ; must not match: "各责任单位要"
# (the heads of units, after the words of their units: "各责任单位主要负责人"; _PEOPLE_OPENING too)
_HEADS_OF_UNITS = r"[^,。;:]{0,30}?(?:主要负责人|负责人|负责同志|主要领导)"
_PEOPLE_SUBJECT = re.compile(r"(?:^|。)" + _HEADS_OF_UNITS + r"(?:作为[^。;]{0,40}?,)?要")


def _notice_requirements(
    text: str, work: str, root: _Node, paras: list[_Span], year: int | None
) -> list[Task]:
    """The clauses of a notice's own paragraphs, with no numbered item, that hand work to the units
    they open with by a modal verb: the requirements of a notice that distributes a work report's
    tasks, written as one paragraph after its salutation ("各乡镇人民政府,县政府各部门…:" / "…。各牵头
    单位要积极履行牵头抓总职责…。政府督查室、监察局要跟踪问效…" in a county's notice of 2016,
    zhangjiachuan_ in the tune corpus; "各乡镇人民政府,县政府各部门…:" / "各协作和配合单位要…" alike in
    the notice's two-task form). Only in a notice (a salutation to bodies, "各…:")
    and only a clause whose units are followed by 要/应/须: the issuer's own acts ("市政府决定…") and
    the salutation are none, nor is the speech of a debate ("有议员提出政府应…")."""
    # (the first three paragraphs of words: a crawled page's furniture, "|" and "|||", is none)
    worded = [(s, e) for s, e in paras if _CJK.search(work, s, e)][:3]
    if not any(_salutation(work, s, e) for s, e in worded):
        return []
    out: list[Task] = []
    for s, e in paras:
        if work[e - 1] == ":" or _NOTICE_VERB.search(work, s, e) is None:
            continue
        for cs, ce, roles in _subject_clauses(text, work, s, e):
            if not roles.lead:
                continue
            at = cs
            while at < ce and work[at] in " \t\n":
                at += 1
            if work.startswith("请", at):
                at += 1
            head = work[at : min(ce, at + 40)]
            if not _modal_after_units(head, roles):
                continue
            t = _clause_task(
                text, work, cs, ce, _leads_among_roles(roles), None, None, None, None, None, year
            )
            if t is not None:
                out.append(t)
    return out


# The role nouns a notice addresses beside the lead units: "各牵头和责任单位要…" hands the work to
# the lead units and the units that answer with them (SCHEMA.md: 责任单位 after a named lead are
# co-units). matches: "各责任单位", "配合单位", "各协办单位" ; must not match: "各牵头单位", "各汇总单位"
_PARTNER_ROLE = re.compile(r"各?(?:责任|配合|协办|协同)(?:单位|部门)")


def _leads_among_roles(roles: UnitRoles) -> UnitRoles:
    """The clause's role nouns by role: with 各牵头单位 among its units, 各责任单位 (配合, 协办) beside
    it answer with it as co-units ("各牵头和责任单位要强化目标协同…")."""
    lead = roles.lead
    plain = [to_simplified(n) for n in lead]  # (the names as written: a notice in traditional script)
    if not any("牵头" in n for n in plain) or not any(_PARTNER_ROLE.fullmatch(n) for n in plain):
        return roles
    co = tuple(n for n, p in zip(lead, plain, strict=True) if _PARTNER_ROLE.fullmatch(p))
    return UnitRoles(tuple(n for n in lead if n not in co), (*co, *roles.co))


# The line over an unnumbered part that lists the work to do: "今后五年的主要任务", "2024年重点工作",
# "新一年工作部署", "2025年工作安排". must not match: "2024年工作回顾", "主要目标"
_TASK_PART = re.compile(r"任务|重点工作|工作(?:部署|安排|重点)")
# The line over a part that reviews or sets goals: "过去一年工作回顾", "五年发展成绩单", "任务完成情况",
# "“十四五”主要目标" (the goals give figures, not tasks). must not match: "今后五年的主要任务"
_REVIEW_PART = re.compile(r"回顾|过去|成绩|成就|成效|完成情况|^[^任]*目标[^任]*$")
# A dateline: "2025年1月8日", "1月14日". must not match: "2025年重点工作"
_DATE_LINE = re.compile(r"\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月")
# What a short heading line has none of: a clause's punctuation.
_CLAUSE_MARKS = frozenset(",;:!?。")


def _short_line(work: str, s: int, e: int, most: int) -> bool:
    """A line of at most ``most`` characters with no clause's punctuation in it."""
    return e - s <= most and not any(ch in _CLAUSE_MARKS for ch in work[s:e])


def _headed_paragraphs(
    text: str, work: str, lines: list[_Span], year: int | None, ref: str | None = None
) -> list[Task]:
    """The short headed paragraphs, with no numbers and no units, of a part whose unnumbered heading
    says it lists the work to do: news sites and government accounts republish the tasks of a work
    report or a five-year plan so ("今后五年的主要任务 / 强化科技支撑 / 推进…建设，力争…。 / 壮大实体经济 /
    全力提高…。"). Each paragraph is a task, its heading line (4 to 14 characters, no clause's
    punctuation, followed by a longer paragraph of sentences) its measure. A part heading is a short
    line followed by another short line; one that reviews or sets goals ("过去一年工作回顾") ends the
    part of tasks, whose headed paragraphs are achievements. Not a dateline or a signature (a line
    ending with a unit's suffix), nor a short sentence of its own ("新的一年，我们这样干。"). ``lines``
    may open with a numbered part's title ("二、今后五年的主要任务"), ``ref`` that part's. The tune
    documents national_work_report_news_summary_2019_part (a news copy of the State Council's 2019
    report: "过去一年工作回顾 / 经济发展稳中向好 / …" then "新一年工作部署 / 坚持稳中求进工作总基调 / 新的一年,
    我国将…。") and quanzhou_work_report_news_copy_2026_part (泉州's 2026 report as 泉州晚报 laid it
    out: a title broken over short lines, captions, and the review as short headed groups "扩需求 稳增长
    / ◆…", under no heading of tasks: none) show the layout; xizang_gov_work_report_2025 of
    ../shared/corpus has its unnumbered parts "2024年工作回顾" and "2025年工作安排"."""
    if len(lines) < 4 or _TASK_PART.search(work, lines[0][0], lines[-1][1]) is None:
        return []
    out: list[Task] = []
    in_tasks = False
    i, n = 0, len(lines)
    while i < n:
        s, e = lines[i]
        if not _short_line(work, s, e, 20) or i + 1 == n:
            i += 1
            continue
        next_short = _short_line(work, *lines[i + 1], 20)
        if next_short or not in_tasks:
            # A part's heading, over the first heading of its paragraphs or over its opening
            # paragraph ("今后五年的主要任务 / 今后五年,我们将重点抓好以下工作: / 强化科技支撑 / …").
            if _REVIEW_PART.search(work, s, e):
                in_tasks = False
                i += 1
                continue
            if _TASK_PART.search(work, s, e):
                in_tasks = True
                i += 1
                continue
        if next_short:
            i += 1
            continue
        j = i + 1
        while j < n and not _short_line(work, *lines[j], 20):
            j += 1
        ps, pe = lines[i + 1][0], lines[j - 1][1]
        if (
            in_tasks
            and 4 <= e - s <= 14
            and pe - ps >= max(20, 2 * (e - s))
            and "。" in work[ps:pe]
            and not _DATE_LINE.search(work, s, e)
            and not ends_with_unit_suffix(work[s:e])
        ):
            measure = text[s:e].strip()
            t = _clause_task(text, work, ps, pe, _NO_ROLES, ref, measure, None, None, None, year)
            if t is not None:
                out.append(t)
        i = j
    return out if len(out) > 1 else []


def _salutation(work: str, s: int, e: int) -> bool:
    """The paragraph is a notice's salutation to bodies ("各乡镇人民政府,县政府各部门:"), or opens
    with one that the text runs on after ("各辖市、区人民政府,市各委办局: 现将…印发给你们…", as a
    crawl writes a notice in one line)."""
    if work[e - 1] == ":" and e - s < 120 and "各" in work[s:e]:
        return True
    colon = work.find(":", s, min(e, s + 200))
    if colon < 0:
        return False
    ls = max(s, work.rfind("\n", s, colon) + 1)  # (the line it is on: a title may stand above it)
    return (
        colon - ls < 120
        and "各" in work[ls:colon]
        and (colon == e - 1 or _ADDRESS.fullmatch(work, ls, colon) is not None)
    )


_CJK = re.compile(r"[\u4e00-\u9fff]")
# The bodies a salutation lists before its colon: names and commas, no sentence.
# matches: "各辖市、区人民政府,常州经开区管委会,市各委办局" ; must not match: "各单位要按照要求,现通知如下"
_ADDRESS = re.compile(r"[^。;:!?,要应须]{2,40}(?:,[^。;:!?,要应须]{2,40})*")


def _modal_after_units(head: str, roles: UnitRoles) -> bool:
    """The clause's units (after 请) are followed by a modal verb (要, 应, 须), or by 负责 that
    opens their duty ("区统计局负责对各部门完成的经济类数据进行真实性审核": a notice that hands each
    office its part of the follow-up writes "X负责…;Y负责…")."""
    m = _NOTICE_VERB.search(head)
    return m is not None and m.start() <= sum(len(n) + 1 for n in roles.lead) + 2


def _span_start(task: Task) -> int:
    return task.span.start


def _bare_title(work: str, pos: int, note_start: int, titled: bool) -> bool:
    """What a heading holds before its note is its title and nothing more (no clause of work)."""
    pre = work[pos:note_start].strip(_LEADING_CHARS + "。")
    return not pre or (not titled and len(pre) <= 40 and "。" not in pre)


def _heading_note(
    work: str, node: _Node, paras: dict[int, list[_Span]], cache: _NoteCache
) -> RoleNote | None:
    """The note of a heading above the item that is its title and a note and nothing else:
    "(一)优化政务服务(牵头单位:区政数局)" answers for the items under it."""
    n = node.parent
    while n is not None and n.level >= 0:
        ps = paras.get(id(n))
        if ps:
            s, e = ps[0]
            notes = cache.of(s, e)
            if notes:
                title = _TITLE.match(work, s, e)
                pos = title.end() if title is not None else s
                return notes[0] if _bare_title(work, pos, notes[0].start, title is not None) else None
            labels = _label_lines_note(work, ps[1:], cache)
            if labels is not None:
                return labels
        n = n.parent
    return None


def _label_lines_note(work: str, ps: list[_Span], cache: _NoteCache) -> RoleNote | None:
    """The units of a heading's own lines below its title when each line is a role label and
    nothing more ("（一）完善养老服务设施 / 牵头单位：区民政局 / 配合单位：区住建局、各街道 / 1.…"):
    one note that answers for the items under the heading, as a note in the heading's line does.
    County and district plans set out a group of tasks so, the group's units below its heading.
    None when a line says more than its labels or there is no line."""
    if not ps:
        return None
    lead: list[str] = []
    co: list[str] = []
    deadline: Deadline | None = None
    for s, e in ps:
        notes = cache.of(s, e)
        if not notes or not all(n.marked for n in notes):
            return None
        before = work[s : notes[0].start].strip(_LEADING_CHARS)
        if before or work[notes[-1].end : e].strip(_TRAILING_CHARS + "。"):
            return None
        for n in notes:
            lead.extend(n.roles.lead)
            co.extend(n.roles.co)
            deadline = deadline or n.deadline
    if not lead and not co:
        return None
    lead = list(dict.fromkeys(lead))
    roles = UnitRoles(tuple(lead), tuple(u for u in dict.fromkeys(co) if u not in lead))
    return RoleNote(ps[0][0], ps[-1][1], roles, deadline)


def _note_over_paragraphs(work: str, node: _Node, ps: list[_Span], cache: _NoteCache) -> RoleNote | None:
    """The note of a heading that is a title and a note and nothing else, over paragraphs of no
    number and no note of their own ("一、强化科技创新（区科技局牵头）" / "支持企业…。" / "鼓励…。"):
    it answers for each of them. None when the heading says more or a paragraph has its own note."""
    if len(ps) < 2 or not ps[0][0] <= node.start < ps[0][1]:
        return None
    notes = cache.of(*ps[0])
    if not notes or notes[-1].end < ps[0][1] - 1:
        return None
    # A title and nothing more: short, no clause ("一、对…的县，予以倾斜。（…负责）" is an item's
    # work, and what follows the last item of a list is the document's closing part).
    head = work[node.start : notes[0].start].strip(_LEADING_CHARS + "。")
    if not 2 <= len(head) <= 20 or any(c in head for c in ",。;:"):
        return None
    if any(cache.of(s, e) for s, e in ps[1:]):
        return None
    return notes[0]


def _noted_heading_paragraphs(
    text: str, work: str, node: _Node, paras: list[_Span], note: RoleNote, year: int | None
) -> list[Task]:
    """Each paragraph under a heading whose note names its units is a task of that measure, led
    by the note's units unless a clause names its own: the layout of 若干政策举措 whose parts carry
    the unit that leads them (金华市's 进一步推动经济高质量发展若干政策 of 2024, "一、扩大有效投资政策
    (由市发改委牵头实施)" over its paragraph; 湖州市's of the same year, whose part opens with a
    paragraph before its items (一), (二); the tune documents jinhua_ and
    huzhou_high_quality_policies_2024_part)."""
    measure = _title_text(text, work, node)
    ref, section = _ref(node), _section(node, work, text)
    out: list[Task] = []
    for s, e in paras:
        for cs, ce, roles in _subject_clauses(text, work, s, e):
            if not roles:
                names = _opening_units(text, work, cs, min(ce, cs + 40))
                roles = UnitRoles(names) if names else note.roles
            t = _clause_task(
                text, work, cs, ce, roles, ref, measure, section, node.number, note.deadline, year
            )
            if t is not None and len(t.text) >= 4 and not _CAPTION.match(t.text):
                out.append(t)
    return out


def _shared_notes(
    work: str, nodes: list[_Node], paras: dict[int, list[_Span]], noted: dict[int, bool], cache: _NoteCache
) -> dict[int, RoleNote]:
    """Items with no note of their own followed by a sibling whose note stands on a line of its
    own: the note closes the list and answers for them all ("(1)…(2)…(3)…\n(责任单位:…)")."""
    out: dict[int, RoleNote] = {}
    for parent in nodes:
        waiting: list[_Node] = []
        for child in parent.children:
            if child.children or child.closed:
                waiting = []
            elif not noted[id(child)]:
                waiting.append(child)
            else:
                if waiting:
                    last = paras[id(child)][-1]
                    notes = cache.of(*last)
                    if notes and notes[0].start == last[0] and notes[-1].end >= last[1] - 1:
                        for w in waiting:
                            out[id(w)] = notes[0]
                waiting = []
    return out


def _paragraphs(work: str, node: _Node) -> list[_Span]:
    """The paragraphs of a node: its heading line (when it has one) and its body lines, a line
    that does not end a sentence joined with the next one of the same prose span."""
    if not node.body:
        return [(node.start, node.line_end)] if node.level >= 0 else []
    out: list[list[int]] = []
    lines: list[tuple[int, int, int]] = [
        (s, e, k) for (s, e), k in zip(node.body, node.body_spans, strict=True)
    ]
    if node.level >= 0:
        lines.insert(0, (node.start, node.line_end, node.span))
    last_span = -1
    open_para = False
    for i, (s, e, k) in enumerate(lines):
        if open_para and k == last_span and not (i and _title_line_before(work, lines[i - 1], (s, e))):
            out[-1][1] = e
        else:
            out.append([s, e])
        last_span = k
        # A heading line that is a bare title ends its paragraph; other lines end one when they
        # end a sentence.
        is_title = i == 0 and node.level >= 0 and e - s <= 40 and _TITLE.match(work, s, e) is None
        open_para = not is_title and work[e - 1] not in _PARAGRAPH_END
    return [(s, e) for s, e in out]


def _title_line_before(work: str, line: tuple[int, ...], nxt: tuple[int, int]) -> bool:
    """``line`` is a title over the paragraph that follows, not the first part of a wrapped line:
    short (at most 25 characters), no clause in it, and much shorter than the next line (a line a
    PDF wrapped is as long as the page is wide). "某区2024年重点工作" / "加快推进老旧小区改造,…。(区住建局
    牵头)": the title is no part of the first task of a list without numbers. Such lines stand over
    the text in the tune documents state_council_office_zero_waste_city_pilot_2018 (文号, 发文机关,
    title), tianjin_manufacturing_measures_2023 (date line, title) and in the seed of 罗湖区
    (measure titles over unnumbered paragraphs)."""
    s, e = line[0], line[1]
    n = e - s
    return n <= 25 and (nxt[1] - nxt[0]) > 1.5 * n and not any(ch in work[s:e] for ch in ",。;:")


def _is_sentence_item(work: str, node: _Node) -> bool:
    """The heading line is a sentence, not a title: an item that is one untitled paragraph
    ("一、各责任单位要高度重视,…并于2023年1月15日前将工作方案报区人民政府办公室。"), longer than a
    title and closed by a full stop, as the numbered requirements of a notice are written. Seen in
    the tune documents caidian_gov_work_report_duties_2023 (蔡甸区: the notice's requirements) and
    pudong_landscape_lighting_2023 (浦东新区: its articles of one sentence)."""
    return node.line_end - node.start > 40 and work[node.line_end - 1] in "。;"


def _duty_under_unit(text: str, work: str, node: _Node) -> bool:
    """The item is a sentence (closed by a full stop) under a heading that is a unit's name in a
    division of duties ("二、部门职责 / （一）区应急管理局 / 1.组织开展应急演练。"): a duty of that
    unit, however short, not a title."""
    return (
        node.parent is not None
        and node.parent.level >= 0
        and work[node.line_end - 1] in "。;"
        and bool(_unit_heading(text, work, node.parent))
    )


# A stage heading's bracketed date: a month in it. matches: "(2022年5月底前)", "(6月1日—9月30日)" ;
# must not match: "(试行)", "(2022—2025年)"
_STAGE_DATE = re.compile(r"\([^()]{0,12}\d{1,2}月[^()]{0,14}\)$")


def _step_of_dated_stage(work: str, node: _Node) -> bool:
    """The item is a sentence under a heading that is a title dated by a month in brackets (a stage
    of a work plan: "(二)集中整治阶段(6月1日—9月30日)" / "1.各乡镇全面开展村庄清洁行动。"): a step of
    the stage's work, however short, not a title."""
    up = node.parent
    if up is None or up.level < 0 or work[node.line_end - 1] not in "。;":
        return False
    line = work[up.start : up.line_end].rstrip()
    m = _STAGE_DATE.search(line)
    return m is not None and 0 < m.start() <= 30 and not any(c in line[: m.start()] for c in "。;:,")


def _has_inline_body(work: str, node: _Node) -> bool:
    """The heading line goes on after its title: "一、加强组织领导。成立工作专班…"."""
    m = _TITLE.match(work, node.start, node.line_end)
    return m is not None and node.line_end - m.end() > 4


# The heading of a document's supplementary provisions: when it takes effect, how it is applied.
# matches: "附则", "三、附则" (its title) ; must not match: "附件", "其他" (a part that may assign work)
_CLOSING_PART = re.compile(r"\s*附\s*则\s*$")


def _under_closing_part(work: str, node: _Node) -> bool:
    n = node.parent
    while n is not None and n.level >= 0:
        if _CLOSING_PART.match(work, n.start, n.line_end):
            return True
        n = n.parent
    return False


# A heading over the ideas and principles a plan follows: "一、指导原则", "（二）基本原则", "指导思想".
_PRINCIPLES = re.compile(r"指导思想|(?:基本|指导|工作|发展)原则")


def _under_principles(work: str, node: _Node) -> bool:
    """The item states a principle: "一、指导原则 / 政府引导，多方协同 / …属地街道作为托底管理的主体，
    相关部门协同推进" (杨浦's road plan), "（二）基本原则 / 坚持…" (大连's and 济宁's plans): a unit
    it names is how the work is shared, not a task handed to it."""
    n: _Node | None = node
    while n is not None and n.level >= 0:
        if _PRINCIPLES.search(work, n.start, min(n.line_end, n.start + 12)):
            return True
        n = n.parent
    return False


def _under_background(work: str, node: _Node) -> bool:
    n: _Node | None = node
    while n is not None and n.level >= 0:
        if _BACKGROUND.search(work, n.start, min(n.line_end, n.start + 20)):
            return True
        n = n.parent
    return False


# A heading of a part that states goals: "发展目标", "二、工作目标", "（二）主要目标".
_GOALS = re.compile(r"目标")


def _under_goals(work: str, node: _Node) -> bool:
    n: _Node | None = node
    while n is not None and n.level >= 0:
        if _GOALS.search(work, n.start, min(n.line_end, n.start + 12)):
            return True
        n = n.parent
    return False


def _in_goals(work: str, node: _Node) -> bool:
    """The item is a goal or a part of the goals, its heading or the one right above it states
    goals ("三、建设目标 / (二)空间目标 / 1.滨江南段…"; "二、总体目标 / (一)改造内容"): only the
    clauses of it that name the units to do them are tasks (Yangpu's and Qingpu's plans). An item
    under a heading of its own that assigns work ("(三)改造实施要求") is not."""
    n: _Node | None = node
    for _ in range(2):
        if n is None or n.level < 0:
            return False
        if _GOALS.search(work, n.start, min(n.line_end, n.start + 12)):
            return True
        n = n.parent
    return False


def _sibling_has_notes(node: _Node, noted: dict[int, bool], by_level: dict[int, list[bool]]) -> bool:
    """Most of the item's siblings carry role notes (or, for an only item, most items of its
    level): it is a measure of the same list that names no unit of its own."""
    if node.parent is None:
        return False
    sibs = [s for s in node.parent.children if s is not node and s.level == node.level and not s.closed]
    if sibs:
        return sum(noted.get(id(s), False) for s in sibs) * 2 > len(sibs)
    level = by_level.get(node.level, [])
    return sum(level) * 2 > len(level)


def _title_of(work: str, node: _Node) -> str | None:
    line = work[node.start : node.line_end]
    # (A title ends with 。, : or !: a line with none of them is not matched.)
    m = _TITLE.match(line) if "。" in line or ":" in line or "!" in line else None
    if m and len(line) > m.end() + 4:
        return line[: m.end("title")].strip()
    if len(line) <= 40 and not line.endswith("。"):
        # A note beside the title is not part of it: "优化政务服务(牵头单位:区政数局)".
        cut = _NOTE_OPENING.search(line)
        return (line[: cut.start()] if cut is not None and cut.start() >= 2 else line).strip()
    return None


# Where a note opens beside a title. matches: "(牵头单位:", "【责任单位", "(区政数局牵头)" ;
# must not match: "(试行)"
_NOTE_OPENING = re.compile(r"[(【\[〔][^()【】\[\]〔〕]*?(?:单位|部门|牵头|负责|配合)")


def _ref(node: _Node) -> str | None:
    parts = []
    n: _Node | None = node
    while n is not None and n.level >= 0:
        if n.number and n.level > 0:
            parts.append(ref_part(n.level, n.number) or "")
        n = n.parent
    return ".".join(reversed(parts)) or None


def _section(node: _Node, work: str, text: str) -> str | None:
    n: _Node | None = node
    top = None
    while n is not None and n.level >= 0:
        top = n
        n = n.parent
    if top is None or top is node:
        return None
    return text[top.start : top.line_end].strip()


def _item_body(text: str, work: str, node: _Node, paras: list[_Span]) -> tuple[str | None, list[_Span], bool]:
    """An item's measure (its own title, else its parent's), the spans of its body, and whether
    its heading line was a bare title over paragraphs of their own."""
    line = work[node.start : node.line_end]
    title_m = _TITLE.match(line)
    body_start = node.start
    measure: str | None
    titled = False
    if title_m is None and "):" in line:
        title_m = _aliased_unit_title(text, work, node)
    if title_m and len(line) > title_m.end() + 4 and not _duty_sentence(text, work, node.start, title_m):
        measure = text[node.start : node.start + title_m.end("title")].strip(" *")
        body_start = node.start + title_m.end()
    elif len(paras) > 1 and len(line) <= 40 and (line[-1:] not in _PARAGRAPH_END or _dated_title(line)):
        measure = text[node.start : node.line_end].strip(" *")
        body_start = paras[1][0]
        titled = True
    else:
        parent = node.parent
        measure = _title_text(text, work, parent) if parent is not None and parent.level >= 0 else None
    segments = [
        (max(s, body_start), e)
        for s, e in paras
        if e > body_start and not (s >= body_start and _CLOSING_PROVISION.match(work, s, e))
    ]
    if not segments:
        segments = [(node.start, node.line_end)]
    return measure, segments, titled


# A unit's heading over its duty, its name followed by an alias or a defined short name in brackets, then
# a colon: "（二）市委文明办（创城办）：根据…", "（四）市通信发展管理办公室（市通管办）：协调…",
# "（六）甲公司、乙公司等某市分公司（简称“各运营商”）：按照…". must not match: "推进X工程（2025年）：",
# "（一）加强组织领导（牵头单位：X）" (a note, with its own colon inside)
_ALIASED_TITLE = re.compile(
    r"(?P<title>(?P<units>[^。;:!?,\n()【\[〔)】\]〕“”]{2,40}?)\((?:以下)?(?P<short>简称)?"
    r"(?P<alias>[^()。;:!?,\n]{2,20})\))\s*:"
)


def _aliased_unit_title(text: str, work: str, node: _Node) -> re.Match[str] | None:
    """The heading "X（Y）：" of a unit's duty (``_ALIASED_TITLE``) when X is a list of units and Y
    another name of theirs (an alias: a unit's name; or 简称 and a name), under a division of duties
    (职责分工, 部门职责): its duty follows the colon, as after the plain "（三）市城市管理局：". None
    otherwise. (The match is of the heading's line, as ``_TITLE``'s in ``_item_body``.)"""
    m = _ALIASED_TITLE.match(work[node.start : node.line_end])
    if m is None:
        return None
    up = node.parent
    while up is not None and up.level >= 0 and not _DIVISION.search(work, up.start, up.line_end):
        up = up.parent
    if up is None or up.level < 0:
        return None
    units = m.group("units")
    if _NOT_IN_UNITS.search(units) or _CLAUSE_DUTY_VERB.search(units.replace("应急", "")):
        return None
    if _VERB_WORD.search(_NAMED_BY_VERB.sub("", units)):
        return None
    us = node.start + m.start("units")
    names = parse_units(text[us : us + len(units)], units)
    if not names or not all(_is_subject_unit(_work_of(n)) or looks_like_unit(_work_of(n)) for n in names):
        return None
    alias = m.group("alias").strip('“”"')
    if not m.group("short") and not looks_like_unit(alias):
        return None
    return m


def _short_named(text: str, work: str, node: _Node) -> UnitRoles:
    """The units of a duty heading that defines their short name ("甲公司、乙公司等某市分公司（简称
    “各运营商”）：…"): the short name, as the document goes on to call them, leads the duty."""
    m = _aliased_unit_title(text, work, node)
    if m is None or not m.group("short"):
        return _NO_ROLES
    a = node.start + m.start("alias")
    alias = text[a : a + len(m.group("alias"))].strip("“”\"' ")
    return UnitRoles((alias,)) if alias else _NO_ROLES


# The verb of a duty a unit is given in a sentence ("由建设单位负责…", "X负责…"): no title has it.
_TITLE_DUTY = re.compile("|".join(OWN_DUTY_VERBS))


def _duty_sentence(text: str, work: str, start: int, title_m: re.Match[str]) -> bool:
    """The short first sentence of an item is a duty of a unit, not the item's title: "4.验收合格后
    由建设单位负责做好相关资料的整理及移交工作。正常运行3个月后，…" (Jinshan's division of duties;
    "1.区财政局负责落实资金。…" in duty lists of every level). A title names the work alone
    ("加大融资支持。")."""
    if title_m.group()[-1] != "。" or _TITLE_DUTY.search(title_m.group("title")) is None:
        return False
    end = start + title_m.end("title")
    return any(roles.lead for _, _, roles in _subject_clauses(text, work, start, end))


def _title_deadline(text: str, work: str, node: _Node, year: int | None) -> Deadline | None:
    """The date an item's title carries in brackets ("(2021年8月)"): the deadline of the tasks of
    the item that give none of their own."""
    m = _TITLE.match(work, node.start, node.line_end)
    if m is None or m.group("when") is None:
        return _heading_period(text, work, node, year)
    ws, we = m.span("when")
    span = _PERIOD.fullmatch(work, ws, we)
    if span is not None:
        # "(2025年1月-4月)": the work is due by the period's end (静安's and 杨浦's drainage
        # reform plans date their steps so; 崇明's check-up plan dates a step by one month).
        return _period_end(span, text[ws:we], year)
    return parse_deadline(work[ws:we], text[ws:we], year)


def _dated_title(line: str) -> bool:
    """A title closed by the period it is dated with in brackets, nothing else in it: a stage of a
    work plan ("排查整治阶段(2022年6月1日—9月30日)") over the paragraphs of its work."""
    if not line.endswith(")"):
        return False
    open_at = line.rfind("(")
    return (
        0 < open_at
        and not any(c in line[:open_at] for c in "。;:,")
        and _PERIOD.fullmatch(line, open_at + 1, len(line) - 1) is not None
    )


def _heading_period(text: str, work: str, node: _Node, year: int | None = None) -> Deadline | None:
    """The period a heading over the item dates in brackets at the end of its line, the heading
    a title and nothing more: "(一)推进平稳有序移交(2025年1月-2025年12月)" over steps 1.-8. (静安's
    2025 drainage reform plan; 杨浦's and 黄浦's plans of the same reform date their steps in the
    same way): a step that gives no date of its own is due by the end of its group's period, as a
    stage heading "(一)第一阶段(2024年第三季度前完成)" dates the tasks under it (普陀's 2024 plan).
    must not change: a heading with no period, one that says more than a title ("…。(…)").
    An item's own heading so dated over its paragraphs (a stage of a campaign) dates them too."""
    n = node if node.body and _dated_title(work[node.start : node.line_end].rstrip()) else node.parent
    while n is not None and n.level > 0:
        line = work[n.start : n.line_end].rstrip()
        if line.endswith(")"):
            open_at = line.rfind("(")
            head = line[:open_at]
            if 0 < open_at and len(head) <= 40 and not any(c in head for c in "。;:"):
                span = _PERIOD.fullmatch(line, open_at + 1, len(line) - 1)
                if span is not None:
                    return _period_end(span, text[n.start + open_at + 1 : n.start + len(line) - 1], year)
            return None
        n = n.parent
    return None


def _period_end(span: re.Match[str], source: str, year: int | None = None) -> Deadline | None:
    """The deadline of a period of months (a _PERIOD match): the month it ends with; a period that
    names no year ("6月1日—9月30日") is of the document's ``year`` (None when it has none)."""
    end_year = span.group("y2") or span.group("y1")
    if end_year is None and year is None:
        return None
    return Deadline("month", int(end_year) if end_year else year, int(span.group("m2")), source)


# A period of months: "2025年1月-4月", "2025年6月—2025年12月"; or of days, as a stage of a campaign
# is dated: "2022年6月1日—9月30日" (due by its last month).
_PERIOD = re.compile(
    r"(?:(?P<y1>(?:19|20)\d\d)年)?(?P<m1>\d{1,2})月(?:\d{1,2}日)?\s*[-—–~至]+\s*(?:(?P<y2>(?:19|20)\d\d)年)?"
    r"(?P<m2>\d{1,2})月(?:底|\d{1,2}日)?"
)


def _dated(tasks: list[Task], deadline: Deadline | None) -> list[Task]:
    if deadline is None:
        return tasks
    return [t if t.deadline is not None else replace(t, deadline=deadline) for t in tasks]


def _item_tasks(
    text: str, work: str, node: _Node, paras: list[_Span], cache: _NoteCache, year: int | None
) -> list[Task]:
    measure, segments, _ = _item_body(text, work, node, paras)
    body_start = segments[0][0]
    ref = _ref(node)
    section = _section(node, work, text)
    tasks: list[Task] = []
    pending_start: int | None = None
    pending_end: int | None = None
    last_note_end = -1
    carry: RoleNote | None = None
    for ps, e in paras:
        if e <= body_start:
            continue
        s = max(ps, body_start)
        pos = s
        for note in cache.of(ps, e):  # the paragraph's notes (read once for the whole outline)
            if note.start < s:
                continue  # a note that opens before the body (in the title)
            clause_start = pending_start if pending_start is not None else pos
            empty = not work[clause_start : note.start].strip(_LEADING_CHARS)
            if (
                empty
                and tasks
                and (last_note_end == clause_start or _note_paragraph_after(work, last_note_end, note, e))
            ):
                # A second note right after the first ("牵头单位:…\n配合单位:…\n完成时限:…"): one
                # note in parts, for the same clause; also when each part closes its own paragraph
                # with a full stop ("牵头责任单位:市财政局。" / "协同责任单位:市税务局…。").
                tasks[-1] = _with_note(tasks[-1], note, work)
                pending_start = None
                pos = last_note_end = note.end
                continue
            if not tasks and empty:
                if not work[node.start : note.start].strip(_LEADING_CHARS):
                    # The item opens with its note ("【牵头单位:…】开展…"): it is for what follows.
                    carry = note
                    pending_start = None
                    pos = last_note_end = note.end
                    continue
                # The first note follows the title at once ("加大融资支持。(…)…"): the title is
                # its clause.
                clause_start = node.start
            t = _clause_task(
                text,
                work,
                clause_start,
                note.start,
                note.roles,
                ref,
                measure,
                section,
                node.number,
                note.deadline,
                year,
            )
            if t is not None:
                tasks.append(t)
            pending_start = None
            pos = last_note_end = note.end
        if pos < e:
            if pending_start is None:
                pending_start = pos
            pending_end = e
    if pending_start is not None and pending_end is not None:
        # The text after the last note: for the note that opened the item, else a clause of its
        # own (cut where a clause names its units: "各地区、各有关部门要…").
        if carry is not None and not tasks:
            pieces = [(pending_start, pending_end, carry.roles)]
        elif tasks and _is_last_item(node) and "\n" in work[last_note_end:pending_start]:
            pieces = _closing_clauses(text, work, paras, pending_start, pending_end)
        else:
            pieces = _subject_clauses(text, work, pending_start, pending_end)
        for cs, ce, roles in pieces:
            deadline = carry.deadline if carry is not None and roles is carry.roles else None
            t = _clause_task(text, work, cs, ce, roles, ref, measure, section, node.number, deadline, year)
            if t is not None and (not tasks or roles or len(t.text) >= 12) and not _CAPTION.match(t.text):
                tasks.append(t)
    if not tasks and body_start > node.start:
        # The item is its title and a note: the title is the task.
        notes = cache.of(node.start, node.line_end)
        roles = notes[0].roles if notes else _NO_ROLES
        end = notes[0].start if notes else node.line_end
        t = _clause_task(
            text,
            work,
            node.start,
            end,
            roles,
            ref,
            measure,
            section,
            node.number,
            notes[0].deadline if notes else None,
            year,
        )
        if t is not None:
            tasks.append(t)
    return _dated(tasks, _title_deadline(text, work, node, year))


def _note_paragraph_after(work: str, last_note_end: int, note: RoleNote, para_end: int) -> bool:
    """``note`` is a paragraph of its own, and only blank lines stand between it and the note that
    closed the paragraph before: the second part of one note whose parts each end with a full stop,
    a line each, as divisions of work write an item's units (滁州市's 2020 division of its key work:
    "牵头责任单位:…。" / "协同责任单位:…。"; 鞍山 立山区's 2023 division has the same lines without
    the stops)."""
    return (
        last_note_end >= 0
        and not work[last_note_end : note.start].strip()
        and "\n" in work[last_note_end : note.start]
        and not work[note.end : para_end].strip(" \t\u3000。;；")
    )


def _is_last_item(node: _Node) -> bool:
    """No item of the outline comes after ``node`` (only the closing matter, if anything)."""
    n: _Node | None = node
    while n is not None and n.parent is not None:
        # From the last sibling back to n (not an index and a slice: the top level of a large
        # document has thousands of items, and most lists end in an open one at once).
        for c in reversed(n.parent.children):
            if c is n:
                break
            if not c.closed:
                return False
        n = n.parent
    return True


def _closing_clauses(
    text: str, work: str, paras: list[_Span], start: int, end: int
) -> list[tuple[int, int, UnitRoles]]:
    """The paragraphs after the last item of a list whose items close with their notes: the
    document's closing part, run on below the last item because it has no heading of its own
    (国办发〔2018〕117号 ends "…(国务院办公厅负责)" and then "各有关部门要认真组织实施…。各省(区、市)
    政府要…。国务院办公厅将…", "自本通知印发之日起…停止执行"). As in any part that assigns no
    measure, only the clauses that name the units to do them are tasks (a statement of the
    measures' significance and a repeal are not), a paragraph that opens with units being theirs
    ("各有关部门制定…的实施办法,于…前报送"). Seen in the tune documents
    state_council_office_local_incentives_2018 and state_council_office_sports_events_industry_2018
    (both of 国务院办公厅; no other document of the corpora ends its list so)."""
    out: list[tuple[int, int, UnitRoles]] = []
    for ps, pe in paras:
        s, e = max(ps, start), min(pe, end)
        if s >= e:
            continue
        clauses = _subject_clauses(text, work, s, e)
        cs, ce, roles = clauses[0]
        if not roles:
            names = _opening_units(text, work, cs, min(ce, cs + 40))
            if names:
                clauses[0] = (cs, ce, UnitRoles(names))
        out.extend(c for c in clauses if c[2])
    return out


def _with_note(task: Task, note: RoleNote, work: str) -> Task:
    """``task`` with the units and deadline of a further part of its note. A part labelled 责任单位
    after a part that named the lead ("牵头单位:县住建局。\n责任单位:县住建局、县城管局等。") names the
    units that share the work: co-units beside that lead (SCHEMA: 责任单位 after a named lead unit are
    co-units), as they are when both labels stand in one note; a part labelled 牵头单位 after one
    labelled 责任单位 that listed it names the lead among them, the others co-units."""
    note_lead = note.roles.lead
    if (
        task.lead_units
        and note_lead
        and opening_label_role(work[note.start : note.end].lstrip("(【[〔")) == "duty"
    ):
        note = replace(note, roles=UnitRoles((), (*note_lead, *note.roles.co)))
    elif (
        task.lead_units
        and note_lead
        and set(note_lead) < set(task.lead_units)
        and opening_label_role(work[note.start : note.end].lstrip("(【[〔")) == "lead"
    ):
        # "(责任单位:区民政局、区卫健委)(牵头单位:区民政局)": the lead named after the list of the units
        # that answer for the work leads, the others of that list are its co-units, as when the
        # 牵头单位 comes first
        others = tuple(u for u in task.lead_units if u not in note_lead)
        task = replace(task, lead_units=note_lead, co_units=(*others, *task.co_units))
    lead = tuple(dict.fromkeys((*task.lead_units, *note.roles.lead)))
    co = tuple(u for u in dict.fromkeys((*task.co_units, *note.roles.co)) if u not in lead)
    return replace(task, lead_units=lead, co_units=co, deadline=task.deadline or note.deadline)


def _paragraph_tasks(
    text: str, work: str, node: _Node, paras: list[_Span], cache: _NoteCache, year: int | None
) -> list[Task]:
    """Unnumbered paragraphs that end with a note, under a heading or with none: each clause up
    to a note is a task (a note alone on its line takes the paragraph before it)."""
    measure = _title_text(text, work, node) if node.level >= 0 else None
    ref, section = _ref(node), _section(node, work, text) if node.level >= 0 else None
    tasks: list[Task] = []
    previous: _Span | None = None
    for s, e in paras:
        notes = cache.of(s, e)
        pos = s
        if node.level >= 0 and s == node.start:
            previous = None  # the heading line is the measure
            if not notes:
                continue
            title = _TITLE.match(work, s, e)
            if title is not None:
                pos = title.end()  # "(一)推进一网通办。2024年底前…(牵头单位:…)": after the title
            if node.children and _bare_title(work, pos, notes[0].start, title is not None):
                continue  # "(一)优化政务服务(牵头单位:…)": the note is for the items under it
        for note in notes:
            start = pos
            if note.start - pos < 2 and pos == s and previous is not None:
                start = previous[0]  # the note stands on a line of its own
            t = _clause_task(
                text,
                work,
                start,
                note.start,
                note.roles,
                ref,
                measure,
                section,
                node.number,
                note.deadline,
                year,
            )
            if t is not None:
                tasks.append(t)
            pos = note.end
        previous = None if notes else (s, e)
    return tasks


def _plain_tasks(
    text: str,
    work: str,
    node: _Node,
    paras: list[_Span],
    year: int | None,
    note: RoleNote | None = None,
    paras_of: dict[int, list[_Span]] | None = None,
) -> list[Task]:
    """An item with no note: one task (a bare title over paragraphs: one task a paragraph), cut
    where a clause opens with the units that are to do it; ``note`` a note that answers for it
    from further on. A clause that names no unit takes those of the sentence that introduced the
    list (``试点地区要…重点做好以下工作:``), looked for in ``paras_of`` (paragraphs by node)."""
    measure, segments, titled = _item_body(text, work, node, paras)
    ref, section = _ref(node), _section(node, work, text)
    closing = _closing_period(text, work, *segments[-1])
    if closing is not None:
        # "…区国资委做好行业指导。(2025年6月—2025年12月)": the period the item closes with is no
        # part of its last clause; its end dates the item's clauses that give no date.
        segments = [*segments[:-1], (segments[-1][0], closing[0])]
    pieces = segments if titled else _unit_paragraphs(text, work, segments) if note is None else []
    if not pieces:
        pieces = [(segments[0][0], segments[-1][1])]
    out: list[Task] = []
    intro = _intro_roles(text, work, node, paras_of) if note is None and paras_of is not None else _NO_ROLES
    if not intro and note is None and "简称" in work[node.start : node.line_end]:
        intro = _short_named(text, work, node)
    for s, e in pieces:
        clauses = (
            _subject_clauses(text, work, s, e)
            if note is None
            else [(s, e, _role_sentence(text, work, s, e, prefix=True) or note.roles)]
        )
        if titled and note is None:
            clauses = _unit_led(text, work, clauses)
        elif s > node.start and note is None and _opening_units(text, work, s, min(e, s + 40)):
            # "3.人员安置。甲集团尽快明确…。乙集团完成…。区财政局做好…": an item whose title is
            # followed by sentences that each open with the unit to do it (杨浦's drainage reform
            # and road plans, 崇明's city check-up steps "（二）数据资料收集。各相关部门…").
            clauses = _unit_led(text, work, clauses)
        if len(clauses) > 1 and not clauses[0][2] and clauses[1][2] and _statement(work, *clauses[0][:2]):
            # "本区下立交基础资料仍存在缺失…。请各镇、街道…": a paragraph that opens with the
            # problem or the need and goes on with the units to answer it is one task, theirs.
            clauses = [(clauses[0][0], clauses[1][1], clauses[1][2]), *clauses[2:]]
        clauses = _closing_role_sentences(text, work, clauses)
        clauses = [
            (ds, de, roles if ds == cs or _DATED_OPENING.match(work, ds, de) else _NO_ROLES)
            for cs, ce, roles in clauses
            for ds, de in _dated_steps(
                work, cs, ce, bool(roles and _opening_units(text, work, cs, min(ce, cs + 40)))
            )
        ]
        steps = (
            [c for cs, ce, roles in clauses for c in _step_parts(text, work, cs, ce, roles)]
            if note is None
            else [(cs, ce, roles, None) for cs, ce, roles in clauses]
        )
        for cs, ce, roles, when in steps:
            roles = roles or intro
            deadline = note.deadline if note is not None else when
            t = _clause_task(text, work, cs, ce, roles, ref, measure, section, node.number, deadline, year)
            if t is not None and len(t.text) >= 4 and not _CAPTION.match(t.text):
                out.append(t)
    return _dated(out, _title_deadline(text, work, node, year) or (closing[1] if closing else None))


# One part of a sentence that only assigns roles: the units and the verb of their role ("由县城管局
# 牵头", "县农业农村局、各乡镇配合", "县直各有关部门按职责分工负责").
# "县住建局为牵头单位，县消防救援大队、各乡镇为配合单位" names the roles as the labels do.
_ROLE_PART = re.compile(
    r"(?P<by>由)?(?P<names>[^,;]{2,80}?)(?P<verb>牵头负责|牵头|(?:具体|主要|共同|按职责分工|按职责|分工)?负责"
    r"|(?:配合|协助|参与)(?:实施|落实)?|协办|为(?:牵头|配合|协办|责任)(?:单位|部门))"
)
_LEAD_VERBS = ("牵头", "为牵头")


def _role_sentence(text: str, work: str, s: int, e: int, prefix: bool = False) -> UnitRoles:
    """The roles of ``work[s:e]`` when it is one short sentence that names the units of the work
    before it and their roles, and nothing more: "由县城管局牵头，县农业农村局、各乡镇配合。" (lead
    县城管局), "县水利局负责，县生态环境局、各乡镇协助。", "各乡镇、县直各有关部门按职责分工负责。"
    (county and district plans close an item so, the sentence standing for the bracketed note
    "（牵头单位：…；配合单位：…）" other plans write). The units of 牵头 lead; with none, those of
    负责; the others help. None when a part of it is no list of units and a role. With ``prefix``,
    the parts of roles an item opens with before its work ("由区医保局牵头，区民政局配合，制定…",
    "区市场监管局负责，区民政局配合，开展…"): the item's own words, which outrank the units of the
    heading above it."""
    while s < e and work[s] in " \t\n":
        s += 1
    e = _rstrip_end(work, s, e, " \t\n。;")
    if not prefix and (not 4 <= e - s <= 150 or "。" in work[s:e]):
        return _NO_ROLES
    parts: list[tuple[tuple[str, ...], str]] = []
    pos = s
    while pos < e:
        stop = work.find(",", pos, e)
        stop = e if stop < 0 else stop
        m = _ROLE_PART.fullmatch(work, pos, stop)
        names = parse_units(text[m.start("names") : m.end("names")], m.group("names")) if m else []
        if not names or not all(looks_like_unit(_work_of(n)) or _is_subject_unit(_work_of(n)) for n in names):
            if prefix and parts:
                break  # the work the roles are for
            return _NO_ROLES
        parts.append((tuple(names), m.group("verb") if m else ""))
        pos = stop + 1
    led = [p for p in parts if p[1].startswith(_LEAD_VERBS)] or [
        p for p in parts if "负责" in p[1] or p[1].startswith("为责任")
    ][:1]
    if not led:
        return _NO_ROLES
    lead = tuple(dict.fromkeys(n for p in led for n in p[0]))
    co = tuple(dict.fromkeys(n for p in parts if p not in led for n in p[0] if n not in lead))
    if not co and all(is_generic_body(n) for n in lead):
        return _NO_ROLES  # "各有关部门按职责分工负责。": no unit named, none to lead
    return UnitRoles(lead, co)


def _closing_role_sentences(
    text: str, work: str, clauses: list[tuple[int, int, UnitRoles]]
) -> list[tuple[int, int, UnitRoles]]:
    """The clauses of a piece with each sentence that only assigns roles (``_role_sentence``) given
    to the clause before it that names no unit: "（一）开展垃圾清运。全面清理村庄生活垃圾…。由县城管局
    牵头，县农业农村局、各乡镇配合。" is one task, the 城管局's, with the 农业农村局 and the towns
    helping (its text the work, as a bracketed note is no part of it). must not change: a sentence
    of roles after a clause that names its own units, or one that goes on with work ("由X牵头，Y配合，
    在9月底前完成…")."""
    out: list[tuple[int, int, UnitRoles]] = []
    for cs, ce, roles in clauses:
        if out and not out[-1][2]:
            assigned = _role_sentence(text, work, cs, ce)
            if assigned:
                ps, pe, _ = out[-1]
                out[-1] = (ps, pe, assigned)
                continue
        if not roles:
            # a clause that closes with such a sentence the clauses were not cut before ("…。县住建局
            # 为牵头单位，县消防救援大队为配合单位。")
            last = work.rfind("。", cs, _rstrip_end(work, cs, ce))
            if last > cs:
                assigned = _role_sentence(text, work, last + 1, ce)
                if assigned:
                    out.append((cs, last + 1, assigned))
                    continue
        out.append((cs, ce, roles))
    return out


def _rstrip_end(work: str, s: int, e: int, chars: str = " \t\n。") -> int:
    """``e`` moved back over the spaces and full stops that close ``work[s:e]``."""
    while e > s and work[e - 1] in chars:
        e -= 1
    return e


def _step_parts(
    text: str, work: str, s: int, e: int, roles: UnitRoles
) -> list[tuple[int, int, UnitRoles, Deadline | None]]:
    """A dated step ``work[s:e]`` cut before each clause after a ";" that opens with other units:
    the step's date holds for them too ("2025年6月,相关区政府完成…方案制定;上海城投集团完成…调整"
    in 上海's drainage reform plan; "2025年9月底前,区建设管理委…;上海城投集团…" in 杨浦's), each
    a task of its units with the step's deadline (``None``: as its words give); and before a
    sentence after the step that opens with its units ("2026年底,完成…建设。上海城投集团根据…
    落实…防汛责任" in 上海's plan; 杨浦's "…。区国资委做好行业指导"), a task of theirs with no
    date of the step. One part when the step opens with no date."""
    m = _STEP_DATE.match(work, s, e)
    if m is None or (";" not in work[m.end() : e] and "。" not in work[m.end() : e - 1]):
        return [(s, e, roles, None)]
    known = UnitRoles(_opening_units(text, work, m.end(), min(e, m.end() + 40))) or roles
    when = parse_deadline(work[s : m.end()].strip(" ,"), text[s : m.end()].strip(" ,，"))
    parts: list[tuple[int, int, UnitRoles, Deadline | None]] = [(s, e, roles, None)]
    for pos in _stops_at(work, m.end(), e - 1):
        stop = work[pos]
        if stop == ";" and not known:
            continue
        names = _opening_units(text, work, pos + 1, min(e, pos + 41))
        if names and not _named_before(names, known):
            # (a sentence of its own after the step, "…。上海城投集团根据…落实…", is no part
            # of the step's date)
            ps, _, pr, pw = parts[-1]
            parts[-1] = (ps, pos + 1, pr, pw)
            parts.append((pos + 1, e, UnitRoles(names), when if stop == ";" else None))
            known = UnitRoles(names)
    return parts


def _closing_period(text: str, work: str, s: int, e: int) -> tuple[int, Deadline] | None:
    """Where a bracketed period of months closes ``work[s:e]`` ("…。(2025年6月—2025年12月)", as
    静安's and 杨浦's drainage reform plans close their steps), and the deadline its end gives."""
    while e > s and work[e - 1].isspace():
        e -= 1
    if e - s < 12 or work[e - 1] != ")":
        return None
    open_at = work.rfind("(", max(s, e - 30), e)
    if open_at < 0:
        return None
    m = _PERIOD.fullmatch(work, open_at + 1, e - 1)
    if m is None:
        return None
    end_year = m.group("y2") or m.group("y1")
    if end_year is None:
        return None  # (a period of no year: the closing period of a step is read with one only)
    return open_at, Deadline("month", int(end_year), int(m.group("m2")), text[open_at + 1 : e - 1])


# A sentence that states a problem or why the work matters, and asks nothing of anyone: "本区下立交
# 基础资料…仍存在缺失、不完整…的现象", "供电的安全性对下立交的防汛安全至关重要", "道路下立交设施是
# 城市防汛防台的薄弱环节" (嘉定's underpass plan). must not match: "成立…领导小组，统筹推进…"
_STATEMENT = re.compile(
    r"至关重要|十分重要|尤为重要|(?:仍|依然|还|普遍)存在[^。;]{0,60}(?:问题|现象|不足|短板|隐患)"
    r"|是[^。;]{0,30}(?:薄弱环节|关键环节|重要基础|重要保障|重要前提|重要内容)"
)


def _unit_paragraphs(text: str, work: str, segments: list[_Span]) -> list[_Span]:
    """The body of an item in paragraphs, a new piece at each later paragraph that opens with the
    units that are to do it and that the piece before did not name: an item of a district plan
    that hands its work out a paragraph a unit, with no note ("（二）压实属地责任。区人民政府负责…。
    / 镇人民政府(街道办事处)具体负责… / 各村级组织…落实…", "（三）强化部门协同。加强部门统筹协调…。
    / 区规划资源部门指导… / 区农业农村部门依据职责负责…" in 奉贤's rural housing opinions; 青浦's old
    housing renovation "各街镇负责…" paragraphs; 嘉定's underpass notice). One piece (the whole body)
    when no later paragraph opens so."""
    if len(segments) < 2:
        return []
    pieces: list[list[int]] = [[segments[0][0], segments[0][1]]]
    known = UnitRoles(_opening_units(text, work, segments[0][0], min(segments[0][1], segments[0][0] + 40)))
    for s, e in segments[1:]:
        # (a line of names alone, "区住房城乡建设委" below its item, is the item's units: no piece)
        prose = any(c in work[s:e] for c in ",。;")
        names = _opening_units(text, work, s, min(e, s + 40)) if prose else ()
        if names and not _named_before(names, known):
            pieces.append([s, e])
            known = UnitRoles(names)
        else:
            pieces[-1][1] = e
    return [(s, e) for s, e in pieces] if len(pieces) > 1 else []


def _statement(work: str, s: int, e: int) -> bool:
    """``work[s:e]`` opens with a sentence that only states a problem or a need (``_STATEMENT``):
    it is the reason for the duty that follows, one task with it. 嘉定's underpass notice opens its
    paragraphs "…仍存在缺失…的现象。请各镇、街道…" and "…至关重要…。各泵站产权单位要…"; 潮南区's
    inspection notes "部分区域还存在…等问题。针对薄弱环节，…要求镇、村两级要…"."""
    stop = work.find("。", s, e)
    first = (s, stop) if stop >= 0 else (s, e)
    return _STATEMENT.search(work, *first) is not None and MODAL.search(work, *first) is None


def _unit_led(
    text: str, work: str, clauses: list[tuple[int, int, UnitRoles]]
) -> list[tuple[int, int, UnitRoles]]:
    """The clauses of a paragraph under a bare title that opens with a unit's name and what it
    does, whatever the verb ("（二）培育绿色低碳产业集群 / 市经济信息化委支持推广…"): the unit
    answers for it, and each later sentence that opens with another unit is that unit's. must
    not change: a paragraph that opens otherwise."""
    if not clauses:
        return clauses
    s0, e0, r0 = clauses[0]
    if not r0 and not _opening_units(text, work, s0, min(e0, s0 + 40)):
        return clauses
    out: list[tuple[int, int, UnitRoles]] = []
    for cs, ce, roles in clauses:
        cuts: list[tuple[int, UnitRoles]] = [
            (cs, roles or UnitRoles(_opening_units(text, work, cs, min(ce, cs + 40))))
        ]
        pos = work.find("。", cs, ce)
        while 0 <= pos < ce - 1:
            names = _opening_units(text, work, pos + 1, min(ce, pos + 41))
            if names and not _named_before(names, cuts[-1][1]):
                cuts.append((pos + 1, UnitRoles(names)))
            pos = work.find("。", pos + 1, ce)
        out.extend((c, cuts[i + 1][0] if i + 1 < len(cuts) else ce, r) for i, (c, r) in enumerate(cuts))
    return out


def _named_before(names: tuple[str, ...], roles: UnitRoles) -> bool:
    """Each of ``names`` is a unit the clause before already answers for: a sentence that goes on
    with the same subject ("区建设管理委…配合…。区建设管理委…落实…" in 杨浦's drainage reform; "全区
    各车站与属地街镇要…。各车站按…上报联系人" in 静安's metro plan) goes on with the same task."""
    known = (*roles.lead, *roles.co)
    return bool(known) and all(any(k.endswith(n) or n.endswith(k) for k in known) for n in names)


# What the verb after a unit's name opening a sentence begins with ("统筹", "支持", "制定",
# "引导"…): a unit's name never goes on with one of these (a guard against the "市委" of 市委金融办).
# Also the adverbials a duty opens with between the unit and its verb: "区河道水闸管理所具体负责…",
# "区农业农村部门依据职责负责…", "区各有关部门根据工作职责加强…", "区建设管理部门对村民建房…开展抽查",
# "各村级组织在…指导下落实…", "各镇政府设立镇级路长办公室" (嘉定's river maintenance duties, 奉贤's
# rural housing opinions, 浦东's road chiefs plan; 杨浦's drainage reform "区建设管理委对…"); "研究" after
# the units a clause co-operates with ("配合市级部门研究制定…" in 黄浦's and 杨浦's drainage reforms).
_VERB_OPENINGS = frozenset(
    "负牵统支推制组引加开建完协指督落定强提深做健优实探发配争确抓围聚联尽积继进认严持按全具根依对在设研"
)
# A verb inside what follows a unit's name ("上海城投集团完成内部组织架构调整" in 上海's drainage
# reform plan, "区建设管理委(区水务局)完成移交底数清单建立" in 杨浦's: the name ends before 完成).
# must not match: "建设管理委" (of a name)
_VERB_WORD = re.compile(
    r"推动|推进|支持|统筹|制定|加快|加强|引导|组织|开展|建立|负责|牵头|指导|协调|落实|做好|通过|鼓励|完成"
    r"|根据|按照|依据|结合|围绕|针对|利用|依托"
)
# (What a unit's name never holds is the modal verb its duty opens with, units.MODAL: "本区环卫企业应结合
# 各单位实际情况…" names 本区环卫企业, not a unit "…应结合各单位"; 应急管理局 keeps its 应, and a statement
# ending "…至关重要。" lays no duty, as MODAL's 要 is not that of 重要, 主要, 需要….)
# What follows the units a notice hands work to: a modal verb (units.MODAL), or 负责 opening their duty
# (not the 负责 of a person, 负责人, 负责同志, nor of a thing said of them, 负责的项目). matches: "要",
# "应", "负责对…", "具体负责…" ; must not match: "负责人要", "负责同志要", "负责的项目已经完成"
_NOTICE_VERB = re.compile(MODAL.pattern + r"|(?:具体)?负责(?!人|同志|的)")
# Joins two unit names in a subject ("市经济信息化委和市生态环境局").
_NAME_JOINS = frozenset("、和及")
# Where a subject's names stop: a join, or the end of a clause.
_JOIN_OR_STOP = re.compile("[" + "".join(sorted(_NAME_JOINS)) + ",。;:]")
# What a unit's name may end before: a verb's first character, or a join.
_NAME_END_BEFORE = re.compile("[" + "".join(sorted(_VERB_OPENINGS | _NAME_JOINS)) + "]")


def _opening_units(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units whose names open ``work[s:e]`` when a verb follows them, else ()."""
    while s < e and work[s] in " \t\n":
        s += 1
    if s >= e or not ("\u4e00" <= work[s] <= "\u9fff") or work.startswith(_NOT_SUBJECT_OPENING, s):
        return ()
    if _ORDINAL.match(work, s):
        return ()  # "三要与环卫部门建立…": an enumeration's part, opened by its ordinal
    names: list[str] = []
    pos = s
    while pos < e:
        hi = min(e, pos + 16)
        # A name holds no join: an end is looked for up to the first join (a name may end there),
        # found once, not asked of each candidate end's characters.
        # (nor does it run across a comma or a stop: those end it too)
        # (both found by a search of a class of characters, not a loop over them)
        found = _JOIN_OR_STOP.search(work, pos, hi)
        join = found.start() if found is not None else hi
        ends = [
            k
            for k in map(re.Match.start, _NAME_END_BEFORE.finditer(work, pos + 2, min(hi, join + 1)))
            if not _VERB_WORD.search(work, pos, k)
            and not MODAL.search(work, pos, k)
            and looks_like_unit(work[pos:k])
            and _is_subject_unit(work[pos:k])
        ]
        if not ends:
            return ()
        # The longest name, unless a verb comes between ("市住房城乡建设管理委制定…" is one
        # name; "市发展改革委推动数据中心建设" is 市发展改革委).
        k = next((k for k in reversed(ends) if not _VERB_WORD.search(work, ends[0], k)), ends[0])
        names.append(text[pos:k])
        pos = k
        if pos < e and work[pos] in _NAME_JOINS:
            pos += 1
            continue
        return tuple(names)
    return ()


def _intro_roles(text: str, work: str, node: _Node, paras_of: dict[int, list[_Span]]) -> UnitRoles:
    """The units of the sentence that introduces the list the item is in: the last paragraph of
    a heading above it, before its items, opening with units and ending with a colon
    ("试点地区要认真组织实施,…重点做好以下工作:"); none when there is no such sentence."""
    n = node.parent
    while n is not None and n.level >= 0:
        ps = paras_of.get(id(n)) or []
        if len(ps) > 1 and work[ps[-1][1] - 1] == ":":
            s, e = ps[-1]
            clauses = _subject_clauses(text, work, s, e)
            if clauses[0][2] and clauses[0][0] == s:
                return clauses[0][2]
        n = n.parent
    return _duties_heading(text, work, node)


# A heading over the duties of one unit or officer: "1.轨道交通站长职责", "（三）区财政局的职责",
# "区级路长办公室主要职责". must not match: "二、主要职责", "（一）各方职责", "（二）“四长”职责"
_DUTIES_HEADING = re.compile(r"\s*(?P<who>[^,。:;、“”\"'()]{2,16}?)(?:的)?(?:主要)?职责\s*$")


def _duties_heading(text: str, work: str, node: _Node) -> UnitRoles:
    """The unit or officer whose duties a heading above the item lists ("1．轨道交通站长职责 /
    (1)负责牵头组织落实。…"): it answers for the items under it that name no unit. Divisions of
    duties group them so by unit, or by post (站长, 路长, 专管员: the post's holder answers).
    A heading that is the unit's name and nothing more does the same ("四、职责分工 / （一）区交通委 /
    1．制定…"), for its items and for its own paragraphs."""
    if node.body:
        named = _unit_heading(text, work, node)
        if named:
            return named
    n = node.parent
    while n is not None and n.level >= 0:
        named = _unit_heading(text, work, n)
        if named:
            return named
        if "职责" in work[n.start : n.line_end]:
            m = _DUTIES_HEADING.match(work, n.start, n.line_end)
            if m is not None:
                who = m.group("who")
                # (the kind of body a division of duties is about, named by no body: "三、部门职责",
                # "成员单位职责", "各有关单位职责" head the duties of the units the items under them
                # name, as 奉贤's park-city opinions write under 工作职责 and 嘉定's urban-renewal
                # duties under 主要职责; the lexicon's generic bodies)
                if who not in unit_words().generic_bodies and (
                    looks_like_unit(who) or who.endswith(("长", "员"))
                ):
                    ws, we = m.span("who")
                    return UnitRoles((text[ws:we],))
        n = n.parent
    return _NO_ROLES


def _units_before_comma(text: str, work: str, start: int, chunk: str, opening: int, cs: int) -> int:
    """Where a clause's subject opens when the units before its last comma are part of it: "区规划
    土地局，各街镇（园区）要结合城镇总体规划…" lists two units with a comma, as a list of units the
    sentence opens with (Songjiang's sanitation plan; lists copied from web pages often lose their
    enumeration commas so). Only a sentence opening that is units and nothing more joins."""
    if chunk.startswith(_NOT_SUBJECT_OPENING, cs):
        return cs  # "…,经生态环境部会同…": no subject follows the comma
    prev = max(opening, chunk.rfind(",", opening, cs - 1) + 1)
    seg = chunk[prev : cs - 1].strip()
    if (
        not 2 <= len(seg) <= 20
        or "的" in seg  # "管理不到位的乡镇,…": a condition on units, not their names
        or _NOT_IN_UNITS.search(seg)
        or _VERB_WORD.search(seg)
        or MODAL.search(seg)
    ):
        return cs
    us = start + prev + (len(chunk[prev : cs - 1]) - len(chunk[prev : cs - 1].lstrip()))
    ue = us + len(seg)
    names = parse_units(text[us:ue], work[us:ue])
    if names and all(len(n) <= 12 and _is_subject_unit(_work_of(n)) for n in names):
        return prev
    return cs


# A qualifier in brackets that closes a name: "各街镇(经开区)", "各街镇(园区)".
_BRACKET_TAIL = re.compile(r"\([^()]{1,8}\)$")


def _paired(roles: UnitRoles) -> UnitRoles:
    """The lead of a subject "X与Y…要" is X, the units it is paired with its co-units: "各轨道交通车站
    与属地街镇、派出所要全面完成对接", "区城管执法局与街镇共同做好…" (Jing'an's metro plan; the tune
    gold of jingan_metro_four_chiefs_2017 reads them so), "本区环卫企业与其工会应…开展集体协商"
    (Songjiang's sanitation plan: the union is 其工会, the firm's own). A 与 inside a name stays: its
    head is no unit of its own."""
    first = roles.lead[0]
    w = _work_of(first)
    i = w.find("与")
    head, tail = first[:i], first[i + 1 :]
    if tail.startswith("其"):
        tail = tail[1:]
    wh, wt = _work_of(head), _work_of(tail)
    # "区级林业部门与各街镇（经开区）做好沟通对接" (Songjiang's forest-care plan): a bracketed
    # qualifier closing the partner's name is part of it, not its ending.
    wt = _BRACKET_TAIL.sub("", wt) or wt
    if not (_is_subject_unit(wh) or wh.endswith("企业")) or not (looks_like_unit(wt) or _is_subject_unit(wt)):
        return roles
    co = tuple(dict.fromkeys((tail, *roles.lead[1:], *roles.co)))
    return UnitRoles((head,), co)


# A verb that is part of a body's name, before the kind of body it names: 组织部 (the party's
# department of personnel: "（二）区委组织部" heads its block in 秦都's 2008 plan), 推进办, 协调办,
# 统筹办 (the offices set up to push a work on). must not match: "组织实施", "推进建设"
_NAMED_BY_VERB = re.compile(r"(?:组织|推进|协调|统筹)(?=部$|办$|办公室$|部、|办、)")
# The heading of a division of duties: "四、职责分工", "三、部门职责", "五、任务分工".
_DIVISION = re.compile(r"职责|分工")


def _unit_heading(text: str, work: str, node: _Node) -> UnitRoles:
    """The units a heading names when its whole line is their names ("（一）区交通委", "（九）相关街镇",
    "2.区财政局、区税务局") under a division of duties (职责分工, 部门职责) that heads each unit's
    block with its name. Districts' plans write it so (Songjiang's parking plan of 2017, whose units' blocks hold
    numbered items or a paragraph); so do city and county plans ("（一）市发展改革委 / 1.…"), as
    Jing'an's metro plan heads a post's block "1．轨道交通站长职责" (read by ``_DUTIES_HEADING``)."""
    s, e = node.start, node.line_end
    line = work[s:e].rstrip(" :。")
    if not 2 <= len(line) <= 30 or not looks_like_unit(line) or _NOT_IN_UNITS.search(line):
        return _NO_ROLES
    up = node.parent
    while up is not None and up.level >= 0 and not _DIVISION.search(work, up.start, up.line_end):
        up = up.parent
    if up is None or up.level < 0:
        return _NO_ROLES  # "（三）莘庄副中心": an area of a plan, not a block of duties
    # (应急 is a noun in a unit's name, 区应急管理局, not the modal 应)
    if _VERB_WORD.search(_NAMED_BY_VERB.sub("", line)) or _CLAUSE_DUTY_VERB.search(line.replace("应急", "")):
        return _NO_ROLES
    names = parse_units(text[s : s + len(line)], line)
    if names and all(_is_subject_unit(_work_of(n)) for n in names):
        return UnitRoles(tuple(names))
    return _NO_ROLES


def _subject_clauses(text: str, work: str, start: int, end: int) -> list[tuple[int, int, UnitRoles]]:
    """``work[start:end]`` cut before each clause that opens with the units that are to do it
    (``县商务局负责…``, ``各区县、各有关部门要…``), with those units as its lead."""
    cuts: list[tuple[int, UnitRoles]] = [(start, _NO_ROLES)]
    chunk = work[start:end]
    if "设在" in chunk:
        cuts = _office_cuts(text, work, start, chunk, cuts)
    if _DUTY_HINT.search(chunk) is not None or "配合" in chunk or "联合" in chunk:
        ends = _unit_ends()
        for m in _clause_verbs(chunk):
            v = m.start()
            if m.group() == "负责" and chunk.endswith(_DUTY_ADVERBS, 0, v):
                v -= 2  # "区河道水闸管理所具体负责…": the units end before the adverb
            elif chunk.startswith(_ALSO, v - 1) and m.group() in ("要", "应", "应当", "须", "必须", "负责"):
                v -= 1  # "各相关单位也要…": the units end before the 也
            if v < 2 or (chunk[v - 1] not in ends and chunk[v - 1] != ")"):
                continue  # most verbs follow no unit (a cheap first look)
            if "“" in chunk and chunk.count("“", 0, v) > chunk.count("”", 0, v):
                # "推动形成“人人讲安全，个个会应急”的社会氛围" (静安's safety campaign plan), "“谁主管、
                # 谁负责”": a slogan's words in quotation marks are no clause of the text
                continue
            stop = max(chunk.rfind("。", 0, v), chunk.rfind(";", 0, v))
            cs = max(stop, chunk.rfind(",", 0, v)) + 1
            if cs > stop + 1:
                cs = _units_before_comma(text, work, start, chunk, stop + 1, cs)
            if (
                m.group() == "将"
                and cs != stop + 1
                and not _TIME_LEAD_IN.fullmatch(chunk, stop + 1, cs)
                and not _handed_on(chunk, cs, v)
            ):
                continue  # "X将…" assigns only as a sentence of its own, not inside one
            while cs < v and chunk[cs].isspace():
                cs += 1
            if cs > stop + 1 and _SANCTION.match(chunk, max(stop, chunk.rfind(",", 0, cs - 1)) + 1):
                # "…。管理不到位的乡镇,县人民政府将实行问责。", "…,对工作不力的街道,区政府要约谈…":
                # the sanction of the duty before, no task of its own
                continue
            if chunk.startswith(_NOT_SUBJECT_OPENING, cs) and not _name_opening_like_preposition(
                chunk, cs, v
            ):
                continue
            clause = cs  # where the clause (and the task cut there) opens
            if clause > stop + 1 and _STEP_DATE.fullmatch(chunk, stop + 1, clause):
                # "…资金渠道。2025年6月,市住房城乡建设管理委会同…": the date that opens the
                # sentence is the step's own, so the clause (and its task) opens with it.
                clause = stop + 1
            if _ORDINAL.match(chunk, cs):
                cs += 2  # "四是各镇应…": the units follow the ordinal of the enumeration
                if chunk.startswith(_NOT_SUBJECT_OPENING, cs):
                    continue
            if chunk.startswith("由", cs):
                cs += 1
            else:
                # "成立由X牵头…的工作机制": the units follow the 由 (units.AGENT_BY: the 由 of a word,
                # 自由贸易试验区, 由于, is no 由 of a clause; "…的管理由X负责" is one).
                by = max((b.start() for b in _AGENT_BY.finditer(chunk, cs, v)), default=-1)
                if by >= 0 and v - by <= 30:
                    cs = by + 1
            ve = _before_short_name(chunk, cs, v)
            if not 2 <= ve - cs <= 40 or _NOT_IN_UNITS.search(chunk, cs, ve):
                continue
            us, ue = start + cs, start + ve
            names = parse_units(text[us:ue], work[us:ue])
            if names and _units_of_clause(work, us, ue, names):
                # "X牵头各相关单位…", "X要会同有关方面…": the units X leads or works with.
                after = m.end()
                if m.group() not in ("牵头", "会同") and chunk.startswith("会同", after):
                    after += 2
                after += _lead_then_with(chunk, m.group(), after)
                joined = (
                    collective_after(chunk, after) if after > m.end() or m.group() in ("牵头", "会同") else ""
                )
                co: tuple[str, ...] = (text[start + after : start + after + len(joined)],) if joined else ()
                if not co and (
                    m.group() in ("牵头", "会同")
                    or after > m.end()
                    or (m.group() == "负责" and _HELPERS_AFTER.match(chunk, after) is not None)
                ):
                    at = after
                    if m.group() == "牵头" and chunk.startswith(",", at) and _ORGANISE.match(chunk, at + 1):
                        at += 1  # "由街道牵头,协调公安、交通…等有关部门": the units it organises
                    if m.group() == "牵头" and (om := _ORGANISE.match(chunk, at)) is not None:
                        at = om.end()  # "由街镇牵头协调公安、交通…等有关部门": the units it organises
                    co = _joined_units(text, work, start + at, start + len(chunk))
                if not co and chunk.startswith("会同", after - 2):
                    co = _opening_units(text, work, start + after, start + min(len(chunk), after + 40))
                if not co and m.group() in ("要", "应", "应当", "须", "必须"):
                    # "牵头单位要统筹相关单位…", "各主要责任单位要…,充分协调其他责任单位…": the units
                    # the clause's units coordinate
                    next_duty = _NEXT_DUTY.search(chunk, m.end())
                    led = _COORDINATED.search(chunk, m.end(), next_duty.start() if next_duty else len(chunk))
                    if led is not None:
                        co = tuple(
                            n
                            for n in (text[start + led.start("units") : start + led.end("units")],)
                            if n not in names
                        )
                if m.re is _JOINT_VERB and not co and not chunk.startswith(("对", "向", "在"), m.end()):
                    # "X联合Y对…开展…": the units X works with (none named: "X、Y联合对…", leads only)
                    co = _opening_units(text, work, start + m.end(), start + min(len(chunk), m.end() + 40))
                roles = UnitRoles(tuple(names), co)
                if "与" in names[0]:
                    roles = _paired(roles)
                helping = only_helps = False
                if _to_cooperate(chunk, m):
                    # "区水务局、区财政局应积极配合市水务局、市财政局开展…": the units they work for, named
                    # after 配合, lead (SCHEMA: 配合 marks co-units); none named, the clause has co-units only.
                    cm = _COOPERATE.match(chunk, m.start() if m.re is _HELPS_VERB else m.end())
                    helped = (
                        _opening_units(text, work, start + cm.end(), start + min(len(chunk), cm.end() + 40))
                        if cm is not None
                        else ()
                    )
                    if (helped or m.group() != "负责") and not _own_work_follows(chunk, m, chunk[cs:ve]):
                        roles = UnitRoles(helped, tuple(names))
                        helping = bool(helped)
                        # "…。Y要积极配合。": a sentence of its own whose work is to co-operate, no more
                        only_helps = (
                            not helped
                            and cm is not None
                            and chunk.startswith(("。", ",", ";"), cm.end())
                            and clause == stop + 1
                            and chunk.startswith("。", stop)
                        )
                at = start + clause
                if at - cuts[-1][0] < 2 and cuts[-1][1] is _NO_ROLES:
                    cuts[-1] = (at, roles)  # the text opens with its units
                elif _opening_of_sentence(work, cuts[-1], at):
                    cuts[-1] = (cuts[-1][0], roles)
                elif only_helps and cuts[-1][1].lead and at > cuts[-1][0]:
                    # "X要加快推进…。Y要积极配合。": units whose sentence only has them co-operate, with
                    # no unit or work named, help the work of the clause before (its co-units, no task
                    # of their own; the tune gold of xixiang_'s requirements). "Y应配合做好…" names
                    # its own work (a task of co-units, qingpu_'s gold).
                    last_at, last = cuts[-1]
                    co_all = tuple(u for u in dict.fromkeys(last.co + roles.co) if u not in last.lead)
                    cuts[-1] = (last_at, UnitRoles(last.lead, co_all))
                elif helping and _helps_the_clause_before(work, cuts[-1], at, roles):
                    # "Y负责编制…方案,X配合Y推进…": X helps the clause before with Y's work
                    # (静安's drainage reform), its co-unit, no task of its own
                    last_at, last = cuts[-1]
                    cuts[-1] = (last_at, UnitRoles(last.lead, tuple(dict.fromkeys(last.co + roles.co))))
                elif at > cuts[-1][0]:
                    cuts.append((at, roles))
    if "负责" in chunk or "领导" in chunk:
        cuts = _people_cuts(chunk, start, cuts)
    if "参" in chunk or "请" in chunk:
        cuts = _participations(text, work, start, end, cuts)
    if len(cuts) > 1:
        cuts = _lead_ins_joined(work, cuts)
        if "是" in chunk or "要" in chunk:
            cuts = _ordinals_close(work, end, cuts)
    out = []
    for i, (s, roles) in enumerate(cuts):
        e = cuts[i + 1][0] if i + 1 < len(cuts) else end
        if not roles.co and _PARTNER_HINT.search(work, s, e):
            roles = _with_partners(text, work, s, e, roles)
        out.append((s, e, roles))
    return out


# A sentence handed to the heads of units, no unit itself: "各乡镇、各部门主要负责人作为…“第一责任人”,
# 要负总责" (a county's notice distributing its work report's tasks), "主要领导要亲自抓". Its
# opening, after a full stop. matches (at the start of): "各部门主要负责人作为第一责任人,要…",
# "各单位主要领导要…" ; must not match: "各部门要明确一名负责同志", "各单位负责落实"
_PEOPLE_OPENING = re.compile(r"(?:(?<=。)|^)(?=" + _HEADS_OF_UNITS + r"(?:作为|要|应|须))")


def _people_cuts(chunk: str, start: int, cuts: list[tuple[int, UnitRoles]]) -> list[tuple[int, UnitRoles]]:
    """``cuts`` with a cut, with no units, before each sentence whose subject is the heads of units
    (_PEOPLE_OPENING) after a clause its units lead: their duty is no part of the units' clause
    ("各乡镇、各部门要高度重视…。各乡镇、各部门主要负责人作为…,要负总责…"). After a clause of no
    unit ("成立…专班,由分管局长负责…。各机构负责人要…") the heads' sentence goes on with it."""
    added: list[tuple[int, UnitRoles]] = []
    for m in _PEOPLE_OPENING.finditer(chunk):
        at = start + m.start()
        before = [roles for c, roles in cuts if c < at]
        if m.start() > 0 and before and before[-1].lead and all(c != at for c, _ in cuts):
            added.append((at, _NO_ROLES))
    return sorted(cuts + added, key=lambda c: c[0]) if added else cuts


# The date a step of a timetable opens with, before the units that take it (上海's drainage
# reform plan "2025年底,市水务局会同市财政局…", "2026年起,市、区水务部门联合…"; 静安's and 杨浦's
# drainage reform plans "2025年6月底前,区水务局…").
# matches: "2025年6月,", "2025年底,", "12月底前,", "2026年起,", "2025年5月底前, " ;
# must not match: "为此,", "2025年", "在2025年6月召开的会议上,", "2026年," (a year alone: 静安's
# drainage plan "2025年,上海城投集团完成…。2026年,上海城投集团…" goes on with one unit's work)
_STEP_DATE = re.compile(
    r"\s*(?!(?:19|20)\d\d年,)(?:(?:19|20)\d\d年(?:(?:1[0-2]|0?[1-9])月(?:份)?)?|(?:1[0-2]|0?[1-9])月(?:份)?)"
    r"(?:底|末|中旬|上旬|下旬)?(?:前|以前|起)?,\s*"
)


# A mechanism set up (建立, 建立健全, 形成…) with the units that take part in it, listed and closed by
# 等部门 or 等单位: "建立文物、公安等部门和单位参加的…机制", "形成住建、消防等部门共同参与的…格局".
_SETS_UP = r"(?:建立|成立|组建|形成)(?:健全)?"
_PARTICIPANTS = r"[^,。;:()“”《》由]{2,120}?等(?:有关|相关)?(?:部门|单位)(?:和(?:单位|部门))?"
_TAKE_PART = r"(?:共同)?参[加与]的"
# What a lead does to the units it leads, between 牵头 and their names: "牵头协调", "牵头组织协调".
_ORGANISE = re.compile(r"(?:组织)?协调|组织(?=[^,。;]{2,60}?等(?:有关|相关)?(?:部门|单位))")
# Where a clause names the units its lead works with, after the lead is named.
_PARTNER_HINT = re.compile(r"牵头|参加的|参与的|协同|联合")
# matches: ",牵头组织协调排水、公安等部门" (the units the clause's lead organises) ;
# "建立文物、公安等部门和单位参加的联动机制" (the units that take part) ; "由道路、排水等单位协同解决" ;
# "联合排水管理部门开展普查" (the unit the work is done with). must not match: "由X牵头" (X leads),
# "联合对上海城投集团开展考核" (the unit after 对 is what the work is done to).
_PARTNERS = re.compile(
    r"(?<=[,;要应])牵头(?:组织)?(?:协调)?(?P<led>[^,。;:()“”《》]{2,120}?等(?:有关|相关)?(?:部门|单位))"
    rf"|{_SETS_UP}(?P<part>{_PARTICIPANTS}){_TAKE_PART}"
    r"|由(?P<with>[^,。;:()“”《》]{2,60}?(?:等(?:有关|相关)?(?:部门|单位))?)(?:协同|配合|协助)"
    r"|联合(?![对向在])(?P<joint>[^,。;:()“”《》]{2,30}?)(?:开展|进行|实施|组织)"
)


# A sentence that sets up a mechanism the units it lists take part in: "建立文物、公安、房管…等部门
# 和单位参加的行政执法联动机制，…" (they are its co-units; no lead is named).
_PARTICIPATION = re.compile(rf"{_SETS_UP}(?P<units>{_PARTICIPANTS}){_TAKE_PART}")


# A request that opens a sentence of a notice: "请各镇、街道…联合排水管理部门开展一次实地普查",
# "请下立交管理单位、产权单位、养护单位尽快落实…" (the units asked are to do it).
_REQUEST = re.compile(
    r"请(?P<units>[^,。;:“”《》]{2,80}?)(?=联合|会同|配合|尽快|及时|认真|切实|按照|根据|结合|于\d|在|对|将|"
    r"开展|做好|落实|进行|加强|组织|提供|报送|做到|抓紧|高度|严格|立即|务必|全面|做出|制定|编制)"
)


# The office of a group, placed in a unit and given duties: "领导小组办公室设在市经济和信息化委，会同
# 有关单位制定…，具体负责…" (济南's manufacturing measures), "领导小组办公室设在民政部,承担领导小组
# 日常工作" (国务院办公厅's notices setting up a group), "专班办公室设在市农业农村局，负责专班日常工作".
# The unit answers for the office's duties. must not match: "领导小组下设办公室，设在区交通委，区交通委
# 行政主要领导为办公室主任" (no duty follows: the set-up of the group, no one's task).
_OFFICE_AT = re.compile(
    r"(?P<office>[^,。;:]{0,30}?办公室)(?:设在|设于)(?P<unit>[^,。;:]{2,30}?),"
    r"(?=(?:具体)?(?:负责|承担)|会同(?P<with>[^,。;:]{2,30}?)(?:制定|研究|开展|推进|做好|负责|落实|组织))"
)


def _office_cuts(
    text: str, work: str, start: int, chunk: str, cuts: list[tuple[int, UnitRoles]]
) -> list[tuple[int, UnitRoles]]:
    """``cuts`` with a clause for each office placed in a unit and given duties (``_OFFICE_AT``):
    it opens with the sentence, the unit leads it, the units it works with (会同) are its co-units."""
    for m in _OFFICE_AT.finditer(chunk):
        us, ue = start + m.start("unit"), start + m.end("unit")
        names = parse_units(text[us:ue], work[us:ue])
        if not names or not all(_is_subject_unit(_work_of(n)) for n in names):
            continue
        co: tuple[str, ...] = ()
        if m.group("with"):
            ws, we = start + m.start("with"), start + m.end("with")
            co = tuple(parse_units(text[ws:we], work[ws:we]))
        at = start + max(chunk.rfind("。", 0, m.start()), chunk.rfind(";", 0, m.start())) + 1
        roles = UnitRoles(tuple(names), co)
        if at - cuts[-1][0] < 2 and cuts[-1][1] is _NO_ROLES:
            cuts[-1] = (at, roles)
        elif at > cuts[-1][0]:
            cuts.append((at, roles))
    return cuts


def _handed_on(chunk: str, cs: int, v: int) -> bool:
    """The subject at ``chunk[cs:v]``, after a comma, is the unit the clause before hands its work
    to: "…将进展情况报区人民政府办公室,区人民政府办公室将对…跟踪督办" (蔡甸's division of the work
    report), "…书面通知区绿化市容部门，区绿化市容部门应当…" (浦东's lighting rules). A notice writes
    the receiving unit twice so when it goes on with that unit's own duty."""
    name = chunk[cs:v].strip()
    return len(name) >= 3 and cs >= 1 and chunk[cs - 1] == "," and chunk[: cs - 1].endswith(name)


def _addressees(names: list[str]) -> bool:
    """The names are those of units or places (各镇, 嘉定工业区, 嘉定新城（马陆镇）), the first a unit or
    a collective of units: the addressees of a request ("请各镇、街道、嘉定工业区…开展普查") or the
    subject of a duty ("各镇、街道、嘉定新城（马陆镇）、嘉定工业区、菊园新区是…主管部门，具体负责…";
    districts name their towns and development zones beside their streets so)."""
    works = [_work_of(n) for n in names]
    if not _is_subject_unit(works[0]):
        return False
    return all(_is_subject_unit(w) or w.rstrip(")")[-1:] in _COLLECTIVE_ENDS + "道" for w in works)


def _participations(
    text: str, work: str, start: int, end: int, cuts: list[tuple[int, UnitRoles]]
) -> list[tuple[int, UnitRoles]]:
    """``cuts`` with a cut before each sentence that asks units to do its work ("请各单位…", the
    request of a notice: its units lead it; Jiading's underpass notice, and notices of every level
    to their addressees) or that sets up a mechanism its listed units take part
    in ("在行政审批项目中，发改、财政…等部门要加强协调配合。建立文物、公安…等部门和单位参加的行政执法
    联动机制，…"): a piece of work of its own, not the duty of the units of the sentence before; those
    it lists are its co-units (参与 marks co-units in SCHEMA.md). Plans of every level write a joint
    mechanism so (Jing'an's heritage plan; "建立由X牵头、Y等部门参与的工作机制" in city plans)."""
    added: list[tuple[int, UnitRoles]] = []
    at = start
    while at < end:
        while at < end and work[at] in " \t\n":
            at += 1
        m = _PARTICIPATION.match(work, at, end)
        if m is not None:
            us, ue = m.span("units")
            names = parse_units(text[us:ue], work[us:ue])
            if names and _units_of_clause(work, us, ue, names):
                added.append((at, UnitRoles((), tuple(names))))
        elif work.startswith("请", at) and (r := _REQUEST.match(work, at, end)) is not None:
            us, ue = r.span("units")
            names = parse_units(text[us:ue], work[us:ue])
            if names and _addressees(names):
                added.append((at, UnitRoles(tuple(names))))
        stop = work.find("。", at, end)
        if stop < 0:
            break
        at = stop + 1
    if not added:
        return cuts
    taken = {c[0] for c in cuts if c[1] is not _NO_ROLES}
    merged = [c for c in cuts if c[0] not in {a[0] for a in added} or c[1] is not _NO_ROLES]
    merged += [a for a in added if a[0] not in taken]
    merged.sort(key=lambda c: c[0])
    if merged[0][0] > start:
        merged.insert(0, (start, _NO_ROLES))
    return merged


def _with_partners(text: str, work: str, s: int, e: int, roles: UnitRoles) -> UnitRoles:
    """``roles`` with the co-units the clause names besides its lead: the units its lead is to
    organise ("各部门要…,牵头组织协调排水、公安等部门"), those that take part in the mechanism it
    sets up ("建立文物、公安…等部门和单位参加的行政执法联动机制"), those that work with it ("由道路、
    排水、水利等单位协同解决") or that it works jointly with ("联合排水管理部门开展一次实地普查").
    SCHEMA's 配合 / 参与 mark co-units so; district plans (Jiading's underpass notice, Jing'an's
    heritage plan) and city plans write all four. A clause with no lead keeps no lead."""
    co: list[str] = []
    for m in _PARTNERS.finditer(work, s, e):
        group = next(g for g in ("led", "part", "with", "joint") if m.group(g) is not None)
        if group in ("led", "with", "joint") and not roles.lead:
            continue  # whose partners they are is not said
        us, ue = m.span(group)
        names = parse_units(text[us:ue], work[us:ue])
        if names and _units_of_clause(work, us, ue, names):
            co.extend(n for n in names if n not in roles.lead and n not in co)
    if not co:
        return roles
    return UnitRoles(roles.lead, tuple(co))


def _opening_of_sentence(work: str, last: tuple[int, UnitRoles], at: int) -> bool:
    """The text since the last cut, which names no unit, is the opening of the sentence whose
    subject comes at ``at`` after a comma: a time or a topic put before the subject ("从2023年第一
    季度开始,各责任单位要…", "试点城市由省级有关部门推荐,生态环境部会同…筛选确定"), part of that
    clause, not a task of its own. Seen in the tune documents caidian_gov_work_report_duties_2023
    (蔡甸区) and state_council_office_zero_waste_city_pilot_2018 (国务院办公厅)."""
    s, roles = last
    if roles is not _NO_ROLES or at <= s or work[at - 1] != ",":
        return False
    between = work[s : at - 1]
    return not any(ch in between for ch in "。;!?\n")


def _lead_then_with(chunk: str, verb: str, after: int) -> int:
    """How many characters of ",会同" follow a lead's 牵头 at ``after``: "由县发改局牵头,会同县财政局
    建立项目库" names 县财政局 as working with the lead (its co-unit), as "X会同Y" does (then the
    units after 会同 are read up to their verb even when no other task names them). A common
    wording of division of work; no document of the corpora has it yet (general knowledge, like
    the "X会同Y" of state_council_office_zero_waste_city_pilot_2018)."""
    if verb in ("牵头", "牵头负责") and chunk.startswith(",会同", after):
        return 3
    return 0


# A clause that only sets the condition or the time of what follows: it ends so ("…交通设施的,",
# "道路竣工后,", "突发事件情况下,", "2017年6月30日前,") or opens with a preposition of its topic
# ("对于演练中发现的问题,", "针对…应急状况,"), or is the title of a part of an enumeration
# ("五是落实改造动员工作,").
# matches: "因交通组织调整，需新增交通设施的，", "道路竣工后，", "对于演练中发现的问题，" ;
# must not match: "区交通委负责审核，"
_LEAD_IN_END = re.compile(r"(?:的|后|时|前|情况下|期间)\s*,\s*$")
_LEAD_IN_OPENING = re.compile(r"\s*(?:对于|针对|对|因|遇|凡|如|在|[一二三四五六七八九十]是)[^,]{1,40},")
# The ordinal of an enumeration inside a paragraph ("一是…；二是…", "四是各镇应…", "三要与环卫部门
# 建立…"): each part that
# opens with its units is theirs (Qingpu's and Minhang Wujing town's plans, work reports of every
# level); the part's own title before a comma ("五是落实改造动员工作，各街镇应…") goes with it.
_ORDINAL = re.compile(r"[一二三四五六七八九十](?:是(?![非否])|要(?=[^求]))")


# The opening of a later part of an enumeration after a full stop: "。三是…", "。四要…". (After a
# semicolon the parts are one sentence: "一是定期会商，由X牵头…；二是强化…" stays the units' work, as
# the tune gold of 松江's forest-care plan reads it.)
_NEXT_ORDINAL = re.compile(r"(?<=。)\s*[一二三四五六七八九十](?:是(?![非否])|要(?=[^求]))")


def _ordinals_close(work: str, end: int, cuts: list[tuple[int, UnitRoles]]) -> list[tuple[int, UnitRoles]]:
    """A part of an enumeration that names its units ("二是加强属地管理，由各街道牵头…。三是严格
    执行…") ends where the next part opens: the part after it is no work of those units (work
    reports and district plans of every level enumerate 一是…二是… so; 青浦's and 闵行 吴泾's plans
    name the units of some parts only)."""
    out: list[tuple[int, UnitRoles]] = []
    for i, (at, roles) in enumerate(cuts):
        out.append((at, roles))
        if roles is _NO_ROLES or not _ORDINAL.match(work, at):
            continue  # (units that introduce the enumeration, "各成员单位要…。一是…", hold all of it)
        e = cuts[i + 1][0] if i + 1 < len(cuts) else end
        m = _NEXT_ORDINAL.search(work, at + 2, e)
        if m is not None:
            out.append((m.end() - 2, _NO_ROLES))
    return out


def _lead_ins_joined(work: str, cuts: list[tuple[int, UnitRoles]]) -> list[tuple[int, UnitRoles]]:
    """A clause that names no unit and only sets the condition or the time of the next one ("因交通
    组织调整，需新增…交通设施的，由公安分局交管部门会同…制定方案"; "2017年6月30日前，各轨道交通车站
    要…"; "对于演练中发现的问题，相关单位要…") is a part of it, not a task of its own: the next
    clause takes it in, and its units with it. Regulations and plans of every level write a duty
    so ("…的，由X负责"; Jinshan's and Jing'an's plans)."""
    out: list[tuple[int, UnitRoles]] = []
    for at, roles in cuts:
        if out and roles is not _NO_ROLES:
            prev_at, prev_roles = out[-1]
            # The last clause of the piece before, after its last full stop.
            stop = max(work.rfind("。", prev_at, at), work.rfind(";", prev_at, at))
            tail_at = stop + 1 if stop >= 0 else prev_at
            tail = work[tail_at:at]
            if len(tail) <= 60 and (_LEAD_IN_END.search(tail) or _LEAD_IN_OPENING.fullmatch(tail)):
                if tail_at == prev_at and prev_roles is _NO_ROLES:
                    out[-1] = (prev_at, roles)  # the piece before is the lead-in alone
                    continue
                if tail_at > prev_at:
                    at = tail_at  # the lead-in goes to the clause it introduces
        out.append((at, roles))
    return out


# What a clause's units are to do when they only co-operate: "各街镇应配合做好…", "属地派出所和
# 街道要积极配合落实…", "区相关职能部门应按照工作机制要求，配合做好…".
# must not match: "配合单位" (a label), "要加强配合" (a verb object)
_COOPERATE = re.compile(
    r"(?:(?:按照|根据|依据)[^。;,]{0,30},)?(?:[^。;,、]{2,4}、)?(?:积极|主动|全力|协同|密切)?(?:配合|协助|协同)(?!单位|部门)"
)


# The 由 that names the agent of a clause (units.AGENT_BY, the one definition).
_AGENT_BY = re.compile(AGENT_BY)


def _to_cooperate(chunk: str, m: re.Match[str]) -> bool:
    """The units of the clause are to co-operate ("各街镇应配合做好对综合改造项目的管理…"; Qingpu's
    and Jing'an's plans, and duty lists of every level): co-units, as 配合 marks them in a note. So
    are units that co-operate with no modal (``_HELPS_VERB``) and units whose duty (负责) is to assist
    the units named after it ("村民委员会负责协助镇人民政府开展…"; the caller keeps them as lead when
    none is named)."""
    if m.re is _HELPS_VERB:
        return True
    return (
        m.group() in ("要", "应", "应当", "须", "必须", "负责")
        and _COOPERATE.match(chunk, m.end()) is not None
    )


# The units that help a lead that 负责 (SCHEMA: "X分工负责,Y配合" makes X lead and Y co; the shared
# corpus's shandong_digital_2019 writes "X、Y负责,省大数据局配合" in its notes), listed after the comma that
# ends its clause in prose and closed by a marker of help: "区城建中心负责,各居委会、物业服务企业配合做好…",
# "由X负责,Y、Z参与". must not match: ",区财政局负责…" (another lead), ",加强…" (no list)
_HELPERS_AFTER = re.compile(r",[^,。;:()“”《》]{2,120}?(?:积极|共同)?(?:" + "|".join(HELP_VERBS) + ")")


# Units that co-operate with others in the others' work, with no modal verb: "区建管委（区水务局）全力
# 配合上海城投集团推进…" (黄浦's drainage reform), "区排水管理部门配合上海城投集团推进…" (静安's),
# "区水务局配合市级部门研究制定…" (黄浦's), "区城管执法局配合区水务局依法查处…" (a plan's enforcement
# item): the units after 配合 lead, those before it are co-units,
# as with "X应配合Y开展…" (the tune README, 2026-12-06). matches: "全力配合上海城投集团推进",
# "配合市级部门研究制定" ; must not match: "配合单位:" (a label), "加强协调配合," (a verb object)
_HELPS_VERB = re.compile(
    r"(?:全力|积极|主动)?配合(?!单位|部门|做好|开展|落实)"
    r"(?=[^。;,:]{2,40}?(?:开展|推进|研究|做好|完成|实施|落实|建立|形成|制定|依法|查处|处置|整治|编制))"
)


def _helps_the_clause_before(work: str, last: tuple[int, UnitRoles], at: int, roles: UnitRoles) -> bool:
    """The clause at ``at`` co-operates with the lead of the clause before it in the same sentence
    ("上海城投集团负责编制…方案,区排水管理部门配合上海城投集团推进…" in 静安's drainage reform)."""
    s, before = last
    return (
        roles.lead == before.lead
        and at > s
        and work[at - 1] == ","
        and not any(ch in work[s : at - 1] for ch in "。;!?\n")
    )


def _own_work_follows(chunk: str, m: re.Match[str], subject: str) -> bool:
    """A sentence after the co-operation opens with the same units and their own work ("X配合市级部门
    研究…。X落实…的相关工作安排。" in 杨浦's drainage reform): they answer for the task (the tune README,
    2026-12-06), as "X负责…,并配合Y…" leaves X the lead. Only for co-operation with no modal."""
    if m.re is not _HELPS_VERB and m.group() != "负责":
        return False
    stop = chunk.find("。", m.end())
    return stop > 0 and chunk.startswith(subject, stop + 1)


# Units that do the work jointly with others, named after 联合, with no modal verb: "2026年起区建管委
# (区水务局)联合市水务局对上海城投集团开展…考核" (黄浦's drainage reform), "市、区水务部门联合对…开展…"
# (上海's and 杨浦's drainage reforms: no unit named after it, leads only): the units before lead, those
# after are co-units, as with 会同. matches: "联合市水务局对上海城投集团开展", "联合对上海城投集团开展" ;
# must not match: "联合会", "联合体", "联合工作机制" (a name or a noun)
_JOINT_VERB = re.compile(r"联合(?!会|体|社|党|办|工作|机制|执法队)(?=[^。;,:]{2,40}?(?:开展|进行|实施|组织))")


# The collective of units a clause's units are to coordinate, named by role: "牵头单位要统筹相关单位科学
# 制定…" (湖州's division of its 2024 work report), "各主要责任单位要对照目标任务,充分协调其他责任单位"
# (华容's key tasks notice of 2021): the closing requirements of a division notice; SCHEMA makes the
# units beside a named lead co-units. matches: "统筹相关单位", "协调其他责任单位" ; must not match:
# "统筹协调" (no units), "协调解决" , "统筹推进各单位…" (a verb between)
_COORDINATED = re.compile(
    r"(?<![统筹])(?:统筹|协调)(?P<units>(?:其他|相关|有关|各)(?:责任|配合|协办)?(?:单位|部门))"
)


# Where the work of a clause's units ends: the end of its sentence, or the modal verb of the next
# clause's units ("…各项任务,特别是牵头单位要统筹…").
_NEXT_DUTY = re.compile(r"[。;]|要|应")


# A request in the sentence before a verb: "请各镇、街道…联合排水管理部门开展…" (嘉定's underpass notice).
_REQUEST_BEFORE = re.compile(r"请[^。;]*$")


def _clause_verbs(chunk: str) -> list[re.Match[str]]:
    """The verbs of duty of ``chunk`` (``_CLAUSE_DUTY_VERB``) and its verbs of co-operation and of joint work
    with no modal before them (``_HELPS_VERB``, ``_JOINT_VERB``), in the order of the text."""
    found = list(_CLAUSE_DUTY_VERB.finditer(chunk))
    extra = [
        *(_HELPS_VERB.finditer(chunk) if "配合" in chunk else ()),
        *(
            j
            for j in (_JOINT_VERB.finditer(chunk) if "联合" in chunk else ())
            if not _REQUEST_BEFORE.search(chunk, 0, j.start())  # "请各镇…联合…": ``_REQUEST`` reads it
        ),
    ]
    if extra:
        taken = [(m.start(), m.end()) for m in found]
        found += [h for h in extra if not any(a < h.end() and h.start() < b for a, b in taken)]
        found.sort(key=lambda m: m.start())
    return found


def _before_short_name(chunk: str, cs: int, v: int) -> int:
    """Where the units of a clause end before the short name the text defines for them: "公安金山
    分局交通管理部门(以下简称“公安分局交管部门”)是…" names 公安金山分局交通管理部门 (documents of every
    level define a short name so the first time they name a unit)."""
    at = chunk.find("(以下简称", cs, v)
    return at if at > cs and chunk.endswith(")", 0, v) else v


# A sentence that opens with the date it is due by: "2024年3月底前,", "6月底前,", "年底前,".
_DATED_OPENING = re.compile(
    r"(?:(?:19|20)\d\d年(?:\d{1,2}月)?|\d{1,2}月|年)(?:份)?(?:底|末|中旬|上旬|下旬)?前,"
)


# Where a sentence or a clause of a timetable ends: the next step may open after it.
_STOP = re.compile(r"[。;]")


def _stops_at(work: str, lo: int, hi: int) -> list[int]:
    """The offsets of ``_STOP.finditer(work, lo, hi)``, in order: each stop found by a search of
    its own character (at the speed of memchr; a class of characters is tried at every one)."""
    out = []
    for stop in "。;":
        at = work.find(stop, lo, hi)
        while at >= 0:
            out.append(at)
            at = work.find(stop, at + 1, hi)
    out.sort()
    return out


def _dated_steps(work: str, start: int, end: int, named: bool = False) -> list[tuple[int, int]]:
    """``work[start:end]`` cut before each sentence or clause that opens with its own date, when
    the text opens so too: a phase of a plan sets its milestones one dated sentence each
    ("2023年9月底前,全面排查…。2023年11月底前,集中力量…。"), or one dated clause each (上海's
    drainage reform plan "2025年6月,上海城投集团形成…方案;2025年12月,完成…组建;2026年底,完成…";
    杨浦's drainage reform "2025年6月底前,区建设管理委…;2025年9月底前,…"), each a task with its
    deadline. (A later step dated with no 前, "2026年起,开展…研究", that names no unit is no work
    of the units of the step before: 上海's plan leaves it without a lead.) A text that opens
    otherwise is cut before each sentence that opens with its date only when it is ``named``
    (opens with the units to do it: 上海's plan "相关区政府负责做好社会稳定工作…。2025年6月,相关区
    政府完成…"); a sentence with no units before the date (静安's metro plan "检查…落实情况。2017年
    10月起,区相关部门…", 杨浦's drainage reform "原则按照…要求。2026年起,市、区水务部门…") only
    leads in to it."""
    i = start
    while i < end and work[i] in " \t\n":
        i += 1
    opens_dated = _DATED_OPENING.match(work, i, end) is not None or _STEP_DATE.match(work, i, end) is not None
    cuts = [start]
    for pos in _stops_at(work, i, end - 1):
        if not opens_dated and (work[pos] != "。" or not named):
            continue
        if _DATED_OPENING.match(work, pos + 1, end) or _STEP_DATE.match(work, pos + 1, end):
            cuts.append(pos + 1)
            opens_dated = True  # the timetable has begun: its steps may be clauses too
    cuts.append(end)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


# The units a lead works with, listed after 会同 or after "X牵头,": up to 等部门 / 共同 / 参与.
# matches: "区发展改革委、区经委等部门共同推进", ",市发展改革委、市水务局等部门共同参与"
_JOINED = re.compile(r",?(?P<units>[^,。;:()“”《》]{2,400}?)(?:等(?:有关|相关)?(?:部门|单位)|共同|参与|配合)")


def _joined_units(text: str, work: str, pos: int, end: int) -> tuple[str, ...]:
    """The units listed at ``pos`` that work with a clause's lead, or () when what follows is no
    list of units."""
    m = _JOINED.match(work, pos, end)
    if m is None:
        return ()
    us, ue = m.span("units")
    names = parse_units(text[us:ue], work[us:ue])
    if names and (_units_of_clause(work, us, m.end(), names) or _firms_helping(work, ue, names)):
        if _GROUP_CLOSE.match(work, ue) and "、" in work[us:ue]:
            return _fields_of_group(text, work, us, m.end()) or tuple(names)
        both = _BOTH_CLOSE.match(work, ue)
        if both is not None and "、" in work[us:ue]:
            # "协调公安、交通、居委会等有关部门和单位": the list read with its close, which is a
            # collective of its own (a committee closing it gives the fields no 会)
            return tuple(parse_units(text[us : both.end()], work[us : both.end()])) or tuple(names)
        return tuple(names)
    return ()


def _firms_helping(work: str, ue: int, names: list[str]) -> bool:
    """The names listed after a clause's lead are committees and firms that take part in or help
    with its work ("街道牵头,各居委会、物业服务企业配合", "X负责,各居委会、辖区企业共同参与"): a
    street's or a town's plan names the residents' committees and the firms that work with its lead
    so (松江's parking sharing measures: "…会同有关第三方企业和相关住宅小区居民委员会、业主委员会、
    物业服务企业…"; 静安's garbage sorting plan, whose 静安城发集团 配合…), and SCHEMA's 配合 / 参与 make them
    co-units. Firms open no clause of their own (``_is_subject_unit``), so only a list closed by a
    marker of help takes them."""
    if _HELP_CLOSE.match(work, ue) is None:
        return False
    return all(_is_subject_unit(_work_of(n)) or _FIRM_END.search(_work_of(n)) for n in names)


# A list of units closed by a marker of help: "配合", "共同参与", "参与". must not match: "共同推进"
_HELP_CLOSE = re.compile(r"(?:积极|共同)?(?:" + "|".join(HELP_VERBS) + ")")
# The word a firm's name or a collective of firms ends with: 物业服务企业, 辖区企业, 上海城投集团.
_FIRM_END = re.compile(r"(?:企业|公司|集团|机构)$")


# The collective closing a list of fields: "等有关部门", "等相关单位".
_GROUP_CLOSE = re.compile(r"等(?:有关|相关)(?:部门|单位)(?!和)")


# The close "等有关部门和单位", "等相关单位和部门".
_BOTH_CLOSE = re.compile(r"等(?:有关|相关)(?:部门和单位|单位和部门)")


def _fields_of_group(text: str, work: str, us: int, ue: int) -> tuple[str, ...]:
    """The units of a list of fields closed by a collective (``_GROUP_CLOSE``): the collective is a
    unit of its own and gives its word to the fields ("会同规划、消防、公安等有关部门" is 规划部门,
    消防部门, 公安部门 and 有关部门; jingan_construction_safety_campaign_2024, and Songjiang's parking
    measures' "牵头协调公安、交通…等有关部门"). A level written once for all ("各级规划、消防…") is
    no field's own name. () when the list does not read so."""
    if work.startswith("各级", us):
        us += 2
    names = parse_units(text[us:ue], work[us:ue])
    if len(names) < 3 or not all(_FIELD.fullmatch(_work_of(n)[:-2]) for n in names[:-1]):
        return ()
    return tuple(names)


# The close of a list that calls its names departments or units: "发改、财政、规土等部门",
# "公安、市场监管、文物等部门和单位", "道路、排水、水利等单位", "…等有关部门".
_CLASS_CLOSE = re.compile(
    r"等(?:有关|相关)?(?:部门|单位)(?:和(?:单位|部门))?(?:要|应|须|共同|参与|参加|配合|协同)?$"
)
# A field a department is named by in such a list ("发改", "市场监管", "新闻宣传"): a few Chinese
# characters, no more.
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _units_of_clause(work: str, us: int, ue: int, names: list[str]) -> bool:
    """The names read at ``work[us:ue]`` are units that can do a clause's work: each a unit
    name or a collective of units, or, in a list that the text itself closes with 等部门 / 等单位
    / 等部门和单位, the fields the departments are named by ("在行政审批项目中，发改、财政、规土、
    文物等部门要加强协调配合", "公安、市场监管、文物等部门和单位要保持…高压态势"; Jing'an's heritage
    plan and Qingpu's renovation plan name departments so, as do city and State Council documents:
    "公安、交通运输等部门要…")."""
    if all(_is_subject_unit(_work_of(n)) for n in names) or _addressees(names):
        return True
    if _CLASS_CLOSE.search(work, us, ue) is None:
        return False
    return all(_FIELD.fullmatch(_work_of(n)) or _is_subject_unit(_work_of(n)) for n in names)


@lru_cache(maxsize=1)
def _unit_ends() -> frozenset[str]:
    """The characters a unit name, or a collective of places, may end with."""
    return frozenset(w[-1] for w in unit_words().suffixes) | frozenset(_COLLECTIVE_ENDS) | {"体"}


# The last character of a collective of units or places (各区县, 各地, 有关委局), of villages and
# neighbourhoods (各居村, 各村) or of institutions (各养老服务机构).
_COLLECTIVE_ENDS = "市县区镇乡地委局办村构"


# A verb of organising or leading before the collective it acts on: "各镇、街道、莘庄工业区。负责…，
# 统一组织领导相关部门共同做好…" (闵行's 平安市场 plan), "由街镇牵头协调公安、交通…等有关部门"
# (Songjiang's parking measures): the bodies after the verb are its object, no subject of a clause.
_ORGANISED_BODIES = re.compile(
    r"(?:组织|领导|协调|督促|动员|带领)(?:各|相关|有关|其他)*(?:成员)?(?:部门|单位)$"
)


def _is_subject_unit(w: str) -> bool:
    """A unit that can open a clause: a unit name, or a collective of units or places (各区县,
    有关部门), not of firms or people (各类市场主体)."""
    if _ORGANISED_BODIES.search(w):
        return False  # "统一组织领导相关部门": the bodies a verb organises, its object
    if looks_like_unit(w) or w.endswith("地区"):
        return True  # a unit, or the regions a measure is addressed to (试点地区, 各地区)
    return w.startswith(("各", "相关", "有关")) and (w[-1] in _COLLECTIVE_ENDS or w.endswith(_ACCOUNTABLE))


# The bodies a plan holds to account for a project, named as a collective: "各园区建设主体负责具体
# 实施" (上海's zero-carbon parks, 市发展改革委), "(市交通委、各区政府、各项目实施主体)" (上海's
# transport photovoltaics, 市交通委). must not match: "各类市场主体" (firms at large, no one's duty).
_ACCOUNTABLE = ("建设主体", "实施主体", "责任主体", "运营主体")


def _title_text(text: str, work: str, node: _Node) -> str | None:
    title = node.title
    if title is None:
        return None
    return text[node.start : node.start + len(title)].strip(" *")


def _own_lead(work: str, roles: UnitRoles) -> UnitRoles:
    """A lead named in the task's own words outranks the order of the note's list: "…区建设管理委
    负责统筹协调…(责任单位:区建设管理委、区发展改革委…)" makes 区建设管理委 the lead and the
    others co-units. must not change: a list none of whose units the words name as doing it."""
    if _listed_before_verb(work, roles.lead):
        return roles
    named = tuple(
        u
        for u in roles.lead
        if (w := _work_of(u)) in work
        and any(f"{w}{verb}" in work for verb in ("负责", "牵头"))
        or f"由{_work_of(u)}牵头" in work
    )
    if not named or len(named) == len(roles.lead):
        return roles
    return UnitRoles(named, tuple(u for u in roles.lead if u not in named) + roles.co)


def _listed_before_verb(work: str, units: tuple[str, ...]) -> bool:
    """The units are written as one list right before the verb of their duty ("房管所、规建生态办负责
    牵头组织…", "平安办、公安派出所负责…"): they answer for it together, the last one no more than
    the others (Minhang Wujing town's division of work; "区发展改革委、区财政局负责…" in city plans;
    "由区建设管理委和区交通委负责联合验收": two names joined by 和, 及 or 以及 are one list too)."""
    listed = _LIST_JOIN.join(re.escape(_work_of(u)) for u in units)
    return re.search(f"(?:{listed})(?:负责|牵头)", work) is not None


# What joins the names of one list: "、", "和", "及", "以及".
_LIST_JOIN = "(?:、|和|以及|及)"


# Who holds a post: "由区政府主要领导担任", "办公室主任由镇房管所所长兼任".
_APPOINTED = re.compile(r"由[^。;]{2,40}?(?:担任|兼任)")
# A duty in the same sentence as an appointment ("成立…领导小组，负责组织…").
_POST_DUTY = re.compile(r"负责|牵头|承担|统筹|协调")


def _appointments_only(chunk: str) -> bool:
    """Every sentence of ``chunk`` says who holds a post and gives no duty: "全区设总路长，由区政府
    主要领导担任;设副总路长，由区政府分管领导担任。", "县道专管员由区道路运输事业发展中心相关人员
    担任" (浦东's road chiefs plan; the chief systems of rivers, lakes and forests, 河长制 plans of
    every level "总河长由…担任", set up their posts so). The set-up of a post is no one's task; a
    sentence that goes on with the post's duties is ("成立…领导小组，负责组织…。由副区长担任组长",
    奉贤's parking measures)."""
    sentences = [p for p in re.split(r"[。;]", chunk) if p.strip()]
    return bool(sentences) and all(
        _APPOINTED.search(p) is not None and _POST_DUTY.search(p) is None for p in sentences
    )


def _clause_task(
    text: str,
    work: str,
    start: int,
    end: int,
    roles: UnitRoles,
    ref: str | None,
    measure: str | None,
    section: str | None,
    number: str | None,
    deadline: Deadline | None = None,
    year: int | None = None,
) -> Task | None:
    chunk = work[start:end]
    if ":" in chunk and (leader := _LEADER_LINE.search(chunk)) is not None:
        chunk = chunk[: leader.start()]
        end = start + len(chunk)
    stripped = chunk.lstrip(_LEADING_CHARS)
    start += len(chunk) - len(stripped)
    end = start + len(stripped.rstrip(_TRAILING_CHARS))
    if end - start < 2:
        return None
    if "任" in stripped and _appointments_only(work[start:end]):
        return None
    body_text = text[start:end]
    if "\n" in body_text:
        body_text = _WRAP.sub("", body_text)
    if len(roles.lead) > 1 and ("负责" in stripped or "牵头" in stripped):
        roles = _own_lead(work[start:end], roles)
    return Task(
        ref=ref,
        measure=measure,
        text=body_text,
        lead_units=roles.lead,
        co_units=roles.co,
        deadline=deadline or find_deadline(work[start:end], text[start:end], year),
        span=Span(start, end),
        section=section,
        number=number,
    )
