"""The outline of running text (一、 / (一) / 1. / (1) / ①) and the tasks of numbered measures.

A numbered measure is a task. Where one measure hands different clauses to different units with
role notes such as ``(区商务局牵头负责)``, each clause up to its note is a task of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .deadlines import find_deadline, parse_deadline
from .model import Deadline, Passage, Span, Task, quick_init
from .normalise import working_text
from .units import GROUP_SEPARATORS, UnitRoles, looks_like_unit, parse_roles

__all__ = [
    "HEADING",
    "heading_number",
    "read_text_tasks",
    "TextTasks",
    "find_role_notes",
    "RoleNote",
    "ref_part",
]


class _Heading:
    """Numbering of headings, by level (0: 第一章/第一部分, 1: 一、, 2: (一), 3: 1., 4: (1), 5: ①)."""

    # matches: "第一章 总则", "第二部分" ; must not match: "第一批"
    L0 = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十百]+)(?:章|部分|篇)\s*")
    # matches: "一、聚焦…", "十二、" ; must not match: "一流营商环境", "一是"
    L1 = re.compile(r"^\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*")
    # matches: "(一)推动…" ; must not match: "(1)"
    L2 = re.compile(r"^\s*\((?P<n>[一二三四五六七八九十]{1,3})\)\s*")
    # matches: "1.全面优化…", "12、" ; must not match: "1.5亿元", "2024年"
    L3 = re.compile(r"^\s*(?P<n>\d{1,3})\s*(?:[.、](?!\d)|\s(?=[\u4e00-\u9fff]))\s*")
    # matches: "(1)" ; must not match: "(2024)"
    L4 = re.compile(r"^\s*\((?P<n>\d{1,2})\)\s*")
    # matches: "①" ; must not match: "1"
    L5 = re.compile(r"^\s*(?P<n>[①-⑳])\s*")
    # An article: "第三条" (a numbered measure in regulations).
    ART = re.compile(r"^\s*第(?P<n>[一二三四五六七八九十百]+)条\s*")

    ORDER = ((0, L0), (1, L1), (2, L2), (3, ART), (3, L3), (4, L4), (5, L5))

    # The patterns, in ORDER, that a heading opening with a character (after white space) may
    # match; a decimal digit may open only L3. Most lines of running text open with none.
    BY_FIRST: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
        "第": ((0, L0), (3, ART)),
        "(": ((2, L2), (4, L4)),
        **dict.fromkeys("一二三四五六七八九十", ((1, L1),)),
        **dict.fromkeys("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", ((5, L5),)),
    }
    DIGIT = ((3, L3),)

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
    """The numeral of a heading as written: ``一``, ``五``, ``11``."""
    found = HEADING.match(work)
    return found[1].group("n") if found else None


def ref_part(level: int, n: str | None) -> str | None:
    """A heading's numeral as a part of a task's ref: ``(一)`` for levels 2 and 4, else as is."""
    if n is None:
        return None
    return f"({n})" if level in (2, 4) else n


# A role note: a bracketed list of units with a role marker or label.
# matches: "(区商务局牵头负责)", "【责任单位:区科技局】" ; must not match: "(以下简称《行动纲要》)"
_NOTE = re.compile(r"[(【\[](?P<body>[^()【】\[\]\n]{2,160})[)】\]]")
# A trailing unit note without brackets at the end of an item: "责任单位:区科技局、区财政局。"
# matches: "牵头单位:区商务局;配合单位:区财政局" ; must not match: "单位名称"
_TRAILING_NOTE = re.compile(
    r"(?<![^。;\n])\s*(?P<body>(?:牵头单位|责任单位|牵头部门|责任部门|主责单位)\s*:[^。\n]{2,160})\s*[。]?\s*$"
)


# A deadline inside a note: "完成时限:2024年12月底".
# matches: "完成时限:2024年底", "时间节点:常态化推进" ; must not match: "责任单位:区科技局"
_NOTE_DEADLINE = re.compile(r"(?:完成时限|完成时间|时间节点|时限要求|时限|完成期限)\s*:\s*(?P<when>[^;,。]+)")


@quick_init
@dataclass(frozen=True)
class RoleNote:
    """A note naming the units of the clause before it, and its deadline when the note gives one."""

    start: int
    end: int
    roles: UnitRoles
    deadline: Deadline | None = None


class _NoteCache(dict[tuple[int, int], list[RoleNote]]):
    """Role notes by span, so that a line is read for notes once per document."""

    def __init__(self, orig: str, work: str) -> None:
        super().__init__()
        self.orig, self.work = orig, work

    def of(self, start: int, end: int) -> list[RoleNote]:
        key = (start, end)
        found = self.get(key)
        if found is None:
            # Most lines hold no bracket or label at all: skip them cheaply.
            chunk = self.work[start:end]
            if "(" in chunk or "【" in chunk or "[" in chunk or "单位" in chunk or "部门" in chunk:
                found = find_role_notes(self.orig, self.work, start, end)
            else:
                found = []
            self[key] = found
        return found


def find_role_notes(orig: str, work: str, start: int, end: int) -> list[RoleNote]:
    """Role notes in ``work[start:end]``, with offsets in the document."""
    notes: list[RoleNote] = []
    for m in _NOTE.finditer(work, start, end):
        note = _note(orig, work, m.start("body"), m.end("body"), m.start(), m.end())
        if note:
            notes.append(note)
    if not notes:
        tm = _TRAILING_NOTE.search(work, start, end)
        if tm:
            note = _note(orig, work, tm.start("body"), tm.end("body"), tm.start("body"), tm.end())
            if note:
                notes.append(note)
    return notes


def _note(orig: str, work: str, s: int, e: int, outer_s: int, outer_e: int) -> RoleNote | None:
    found = _note_body(orig[s:e], work[s:e])
    if found is None:
        return None
    return RoleNote(outer_s, outer_e, found[0], found[1])


@lru_cache(maxsize=4096)
def _note_body(orig: str, work: str) -> tuple[UnitRoles, Deadline | None] | None:
    """The units and deadline a note's body names (None when it names no unit). Notes repeat
    across a document (the same units, the same deadline): memoised."""
    deadline = None
    dm = _NOTE_DEADLINE.search(work)
    if dm:
        deadline = parse_deadline(dm.group("when"), orig[dm.start("when") : dm.end("when")])
        # Read the units from what is left of the note.
        ds, de = dm.span()
        before = work[:ds].rstrip()
        if not before or before[-1] in GROUP_SEPARATORS:
            # The deadline is a group of its own (…;完成时限:2024年底): the note without it reads
            # the same, and its units are memoised apart from the deadline, which varies more.
            body_o, body_w = orig[:ds] + orig[de:], work[:ds] + work[de:]
        else:
            body_o, body_w = orig, work[:ds] + " " * (de - ds) + work[de:]
    else:
        body_o, body_w = orig, work
    roles = parse_roles(body_o, body_w)
    names = roles.lead + roles.co
    if not names:
        return None
    for n in names:
        w = working_text(n) if not n.isascii() else n
        if not (looks_like_unit(w) or w.startswith(("各", "相关", "有关"))):
            return None
    return roles, deadline


def clear_caches() -> None:
    """Forget the memo of role notes."""
    _note_body.cache_clear()


@dataclass
class _Node:
    level: int
    number: str | None
    start: int  # offset of the title text (after the numbering)
    line_end: int
    body: list[tuple[int, int]] = field(default_factory=list)  # further lines of its body
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    title: str | None = None  # _title_of the node, read once


@dataclass(frozen=True)
class TextTasks:
    tasks: tuple[Task, ...]
    passages: tuple[Passage, ...]


# The title of an item: a short first sentence, ending with 。 or a colon.
# matches: "全面优化利用外资结构。" ; must not match: a first sentence of 60 characters
_TITLE = re.compile(r"^(?P<title>[^。;:!?,\n]{2,40}?)[。:!]")
# A heading of a part that describes rather than assigns: background, principles, situation.
# matches: "发展现状及面临形势", "指导思想", "存在问题" ; must not match: "加快发展新兴产业"
_BACKGROUND = re.compile(
    r"现状|基础$|存在问题|面临形势|发展形势|形势分析|指导思想|基本原则|发展原则|总体要求|背景|重要意义|编制依据"
)
# A sentence of running text: up to 。 or ; (the unit of a task in a narrative plan).
_SENTENCE = re.compile(r"[^。;!?]+[。;!?]?")

# A figure or table caption: "图 1 产业空间布局". must not match: "图书馆建设"
_CAPTION = re.compile(r"^\s*[图表]\s*\d")

# The closing provisions of a document are not tasks.
# matches: "本措施自发布之日起施行", "为优化营商环境,制定本措施" ; must not match: "推进本区政务服务"
_PROVISION = re.compile(
    r"本(?:措施|办法|方案|规定|细则|意见|通知|计划|规划)(?:自|由|所称|有效期|适用)|之日起(?:施行|实施)|制定本(?:措施|办法|方案|规定|细则|意见)"
)
# A line break inside a clause, with the spaces around it (the clause is joined across it).
_WRAP = re.compile(r"\s*\n\s*")
_NO_ROLES = UnitRoles()
# What a clause does not begin or end with: the punctuation left by the note or sentence before.
_LEADING_CHARS = " \t\r\n\u3000。;,:、)"
_TRAILING_CHARS = " \t\r\n\u3000;,、("


def _lines(work: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The non-blank lines of ``spans``, without the white space around them."""
    out = []
    for start, end in spans:
        pos = start
        for line in work[start:end].split("\n"):
            stripped = line.strip()
            if stripped:
                s = pos + len(line) - len(line.lstrip())
                out.append((s, s + len(stripped)))
            pos += len(line) + 1
    return out


def read_text_tasks(text: str, work: str, spans: list[tuple[int, int]]) -> TextTasks:
    """Tasks of numbered measures in the running text ``spans``, and passages for metrics."""
    lines = _lines(work, spans)
    root = _Node(-1, None, 0, 0)
    stack = [root]
    nodes: list[_Node] = []
    passages: list[Passage] = []
    for s, e in lines:
        found = HEADING.match(work[s:e])
        if found:
            level, hm = found
            while stack[-1].level >= level:
                stack.pop()
            node = _Node(level, hm.group("n"), s + hm.end(), e, parent=stack[-1])
            node.title = _title_of(work, node)
            stack[-1].children.append(node)
            stack.append(node)
            nodes.append(node)
        else:
            stack[-1].body.append((s, e))
        # The line's heading: the title of the item it is in (the root has none).
        passages.append(Passage(s, e, heading=stack[-1].title))

    cache = _NoteCache(text, work)
    any_notes = any(cache.of(n.start, n.line_end) for n in nodes) or any(
        cache.of(s, e) for n in nodes for s, e in n.body
    )
    tasks: list[Task] = []
    for node in nodes:
        if node.children:
            continue
        parts = [(node.start, node.line_end), *node.body]
        has_notes = any(cache.of(s, e) for s, e in parts)
        if any_notes and not has_notes and not _sibling_has_notes(cache, node):
            continue
        if not any_notes and (node.level < 2 or _under_background(work, node)):
            continue
        if not has_notes and _PROVISION.search(work, node.start, node.line_end):
            continue
        if any_notes:
            tasks.extend(_item_tasks(text, work, node, parts, cache))
        else:
            tasks.extend(_sentence_tasks(text, work, node, parts))
    return TextTasks(tuple(tasks), tuple(passages))


def _under_background(work: str, node: _Node) -> bool:
    n: _Node | None = node
    while n is not None and n.level >= 0:
        if _BACKGROUND.search(work, n.start, min(n.line_end, n.start + 20)):
            return True
        n = n.parent
    return False


def _sentence_tasks(text: str, work: str, node: _Node, parts: list[tuple[int, int]]) -> list[Task]:
    """A narrative plan's item: each sentence of its body is a task (the item has no units)."""
    measure, segments = _item_body(text, work, node, parts)
    ref, section = _ref(node), _section(node, work, text)
    out: list[Task] = []
    no_units = _NO_ROLES
    for s, e in segments:
        for m in _SENTENCE.finditer(work, s, e):
            if m.end() - m.start() < 8:
                continue
            t = _clause_task(text, work, m.start(), m.end(), no_units, ref, measure, section, node.number)
            if t is not None and len(t.text) >= 8 and not _CAPTION.match(t.text):
                out.append(t)
    return out


def _sibling_has_notes(cache: _NoteCache, node: _Node) -> bool:
    """Most of the item's siblings carry role notes: it is a measure of the same list that
    names no unit of its own."""
    if node.parent is None:
        return False
    sibs = [s for s in node.parent.children if s is not node and s.level == node.level]
    noted = sum(1 for sib in sibs if any(cache.of(s, e) for s, e in [(sib.start, sib.line_end), *sib.body]))
    return bool(sibs) and noted * 2 > len(sibs)


def _title_of(work: str, node: _Node) -> str | None:
    line = work[node.start : node.line_end]
    m = _TITLE.match(line)
    if m and len(line) > m.end() + 4:
        return line[: m.end("title")].strip()
    if len(line) <= 40 and not line.endswith("。"):
        return line.strip()
    return None


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


def _item_body(
    text: str, work: str, node: _Node, parts: list[tuple[int, int]]
) -> tuple[str | None, list[tuple[int, int]]]:
    """An item's measure (its own title, else its parent's) and the spans of its body."""
    line = work[node.start : node.line_end]
    title_m = _TITLE.match(line)
    body_start = node.start
    measure: str | None
    if title_m and len(line) > title_m.end() + 4:
        measure = text[node.start : node.start + title_m.end("title")].strip()
        body_start = node.start + title_m.end()
    elif node.body and len(line) <= 40:
        measure = text[node.start : node.line_end].strip()
        body_start = node.line_end
    else:
        parent = node.parent
        measure = _title_text(text, work, parent) if parent is not None and parent.level >= 0 else None
    segments = [(max(s, body_start), e) for s, e in parts if e > body_start]
    if not segments:
        segments = [(node.start, node.line_end)]
    return measure, segments


def _item_tasks(
    text: str, work: str, node: _Node, parts: list[tuple[int, int]], cache: _NoteCache
) -> list[Task]:
    measure, segments = _item_body(text, work, node, parts)
    body_start = segments[0][0]
    ref = _ref(node)
    section = _section(node, work, text)
    tasks: list[Task] = []
    pending_start: int | None = None
    pending_end: int | None = None
    for s, e in segments:
        notes = cache.of(s, e)
        pos = s
        for note in notes:
            clause_start = pending_start if pending_start is not None else pos
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
            )
            if t is not None:
                tasks.append(t)
            pending_start = None
            pos = note.end
        if pos < e:
            if pending_start is None:
                pending_start = pos
            pending_end = e
    if pending_start is not None and pending_end is not None:
        t = _clause_task(
            text, work, pending_start, pending_end, _NO_ROLES, ref, measure, section, node.number
        )
        if t is not None and (not tasks or len(t.text) >= 12):
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
        )
        if t is not None:
            tasks.append(t)
    return tasks


def _title_text(text: str, work: str, node: _Node) -> str | None:
    title = node.title
    if title is None:
        return None
    return text[node.start : node.start + len(title)].strip()


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
) -> Task | None:
    chunk = work[start:end]
    stripped = chunk.lstrip(_LEADING_CHARS)
    start += len(chunk) - len(stripped)
    end = start + len(stripped.rstrip(_TRAILING_CHARS))
    if end - start < 2:
        return None
    body_text = text[start:end]
    if "\n" in body_text:
        body_text = _WRAP.sub("", body_text)
    return Task(
        ref=ref,
        measure=measure,
        text=body_text,
        lead_units=roles.lead,
        co_units=roles.co,
        deadline=deadline or find_deadline(work[start:end], text[start:end]),
        span=Span(start, end),
        section=section,
        number=number,
    )
