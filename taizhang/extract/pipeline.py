"""The extraction pipeline: read -> normalise -> lay out -> tables and outline -> tasks, metrics."""

from __future__ import annotations

import gc
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter
from typing import Any

from .confidence import assess
from .deadlines import parse_deadline
from .layout import Grid, find_text_grids, lay_out, lost_line_breaks
from .lexicon import unit_words
from .model import (
    Deadline,
    DocInfo,
    Extraction,
    ExtractionError,
    Metric,
    Paragraph,
    Passage,
    Source,
    Span,
    Task,
)
from .normalise import kept_by_simplifying, working_text
from .outline import _paired, read_text_tasks, units_label
from .role_fallback import fallback_roles
from .tables import read_task_table
from .units import (
    _SYSTEM,
    DUTY_MODALS,
    HELP_DUTY,
    HELP_VERBS,
    OWN_DUTY_VERBS,
    UNIT_ROLE_LABEL,
    UnitRegistry,
    UnitRoles,
    _is_collective,
    _level_prefix,
    clause_subjects,
    clean_unit_name,
    collective_after,
    helps_by_role,
    is_generic_body,
    is_self_reference,
    later_subject,
    list_of_names,
    looks_like_unit,
    name_before_verb,
    names_after,
    opening_subject,
    parse_roles,
    parse_units,
    subdistrict_alternatives,
    subject_and_verb,
    trailing_role_lines,
)

__all__ = ["extract", "extract_text", "extract_source", "clear_caches"]


def clear_caches() -> None:
    """Forget every memo of the extractor (unit lists, short texts, deadlines, metric words
    around figures): benchmarks measure a cold document."""
    from . import deadlines, metrics, normalise, outline, tables, units

    for module in (normalise, units, deadlines, outline, tables, metrics):
        module.clear_caches()


def extract(
    path_or_bytes: str | os.PathLike[str] | bytes,
    settings: Mapping[str, Any] | None = None,
    *,
    name: str | None = None,
) -> Extraction:
    """Extract tasks and metrics from a document file (a path, or its bytes with ``name``).

    Raises ExtractionError, naming the file and the reason, when it cannot be read.
    ``settings`` may hold ``max_bytes`` (the largest file accepted).
    """
    from .read import read_bytes, read_path

    opts = dict(settings or {})
    if isinstance(path_or_bytes, bytes | bytearray):
        kwargs = {"max_bytes": int(opts["max_bytes"])} if "max_bytes" in opts else {}
        source = read_bytes(bytes(path_or_bytes), name or "<bytes>", **kwargs)
    else:
        source = read_path(path_or_bytes)
    return extract_source(source)


def extract_text(text: str, *, name: str = "<text>") -> Extraction:
    """Extract tasks and metrics from a document's text."""
    return extract_source(Source(name, "txt", (Paragraph(text),)))


def extract_source(source: Source) -> Extraction:
    """Extract tasks and metrics from a document already read."""
    # Extraction makes many small objects that live until it returns, and few cycles (the outline's
    # nodes): the cyclic collector would scan the growing heap again and again (about a tenth of
    # the time on a large document). It is paused for the call and collects as usual afterwards.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract_source(source)
    finally:
        if paused:
            gc.enable()


def _extract_source(source: Source) -> Extraction:
    text, grids, paragraphs = lay_out(source)
    if not grids and ("(" in text or "（" in text):
        glosses = _pinyin_glosses(text)
        if len(glosses) >= _GLOSSED_TEXT:
            return _without_glosses(source, text, paragraphs, glosses)
    if not grids:
        breaks = lost_line_breaks(text)
        if breaks:
            return _with_lost_breaks(source, text, paragraphs, breaks)
    return _extract_laid_out(source, text, grids, paragraphs)


def _with_lost_breaks(
    source: Source, text: str, paragraphs: list[tuple[int, int]], breaks: list[int]
) -> Extraction:
    """The extraction of a text whose line breaks were lost (``layout.lost_line_breaks``), read
    with a line break before each of its headings, its places given back in the text as given: a
    task's text and a figure's span are the text's own."""
    parts: list[str] = []
    pos = 0
    for b in breaks:
        parts.append(text[pos:b])
        parts.append("\n")
        pos = b
    parts.append(text[pos:])
    broken = "".join(parts)

    read_at = [b + k for k, b in enumerate(breaks)]  # where each inserted break stands in the text read

    def back_at(i: int) -> int:  # a position of the text read in the text, less the breaks before it
        return i - bisect_right(read_at, i - 1)

    def shifted(p: int) -> int:  # a position of the text in the text read
        return p + bisect_right(breaks, p - 1) if p else 0

    got = _extract_laid_out(source, broken, [], [(shifted(s), shifted(e)) for s, e in paragraphs])

    def back(span: Span) -> Span:
        return Span(back_at(span.start), back_at(span.end))

    return _given_back(got, text, broken, back)


# The pinyin a reading-aid page prints in brackets after some characters of a text in
# traditional script ("商務(wù)部門", "責(zé)任單位", "推進(jìn)"): reproductions of government
# notices on the web (湘西州's 州政發〔2020〕5號 in the tune corpus; 四川省 川办函〔2017〕113号 and
# 盤山縣's notices as other sites reprint them) gloss so the characters of a converter's list.
# matches: "(wù)", "（zé）" ; must not match: "(市)", "(2)", "(试行)", "(PPP)"
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
# _PINYIN_GLOSS as two patterns that each open with their bracket, a literal: the engine skips
# from bracket to bracket, where a pattern that opens with a look back or a class of characters
# is tried at every character of the text (some fifteen times slower).
_GLOSS_BODY = r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]"
_GLOSS_IN_HALF_WIDTH = re.compile(r"\((?<=[\u4e00-\u9fff]\()" + _GLOSS_BODY)
_GLOSS_IN_FULL_WIDTH = re.compile(r"（(?<=[\u4e00-\u9fff]（)" + _GLOSS_BODY)


def _pinyin_glosses(text: str) -> list[tuple[int, int]]:
    """The spans of ``_PINYIN_GLOSS.finditer(text)``, in order (a gloss holds no bracket: the two
    kinds never overlap)."""
    return sorted(
        [
            *(m.span() for m in _GLOSS_IN_HALF_WIDTH.finditer(text)),
            *(m.span() for m in _GLOSS_IN_FULL_WIDTH.finditer(text)),
        ]
    )


# How many glosses make a glossed text (one may be a quoted reading).
_GLOSSED_TEXT = 3


def _without_glosses(
    source: Source, text: str, paragraphs: list[tuple[int, int]], glosses: list[tuple[int, int]]
) -> Extraction:
    """The extraction of a text glossed with pinyin, read without the glosses (they break labels
    such as 責(zé)任單位: and names such as 商務(wù)部門), its places and quoted words given back
    in the text as published: a task's text and a figure's span keep their glosses, units and
    indicators are read without them."""
    keep = [True] * len(text)
    for s, e in glosses:
        for i in range(s, e):
            keep[i] = False
    at = [i for i in range(len(text)) if keep[i]]  # position in the text of each kept character
    bare = "".join(text[i] for i in at)
    starts = [0] * (len(text) + 1)  # kept characters before each position of the text
    n = 0
    for i in range(len(text)):
        starts[i] = n
        n += keep[i]
    starts[len(text)] = n
    bare_paragraphs = [(starts[s], starts[e]) for s, e in paragraphs]
    got = _extract_laid_out(source, bare, [], bare_paragraphs)

    def back(span: Span) -> Span:
        if span.end <= span.start or span.end > len(at):
            return span
        end = at[span.end - 1] + 1
        while end < len(text) and not keep[end]:
            end += 1  # the gloss of the span's last character
        return Span(at[span.start], end)

    return _given_back(got, text, bare, back)


def _given_back(got: Extraction, text: str, read: str, back: Callable[[Span], Span]) -> Extraction:
    """An extraction of ``read`` (a text made from ``text``: glosses taken out, line breaks put in)
    with its places given back in ``text`` by ``back``: a task's text and a figure's span quoted as
    they stood in ``read`` are quoted from ``text`` at their places there."""

    def again(quoted: str, span: Span, new: Span) -> str:
        return text[new.start : new.end] if quoted == read[span.start : span.end] else quoted

    tasks = []
    for t in got.tasks:
        new = back(t.span)
        tasks.append(replace(t, span=new, text=again(t.text, t.span, new)))
    metrics = []
    for m in got.metrics:
        new = back(m.span)
        metrics.append(replace(m, span=new, span_text=again(m.span_text, m.span, new)))
    return replace(got, text=text, tasks=tuple(tasks), metrics=tuple(metrics))


def _extract_laid_out(
    source: Source, text: str, grids: list[Grid], paragraphs: list[tuple[int, int]]
) -> Extraction:
    work = working_text(text)
    if " " in work:
        text, work = _split_run_together(text, work)

    prose: list[tuple[int, int]] = []
    all_grids: list[Grid] = list(grids)
    for start, end in paragraphs:
        found = find_text_grids(work, start, end, len(all_grids))
        all_grids.extend(found)
        pos = start
        for g in found:
            if g.start > pos:
                prose.append((pos, g.start))
            pos = max(pos, g.end)
        if pos < end:
            prose.append((pos, end))

    # The document's own year: relative deadlines (年底前, 6月底前, 年内) are of that year.
    info = _doc_info(text, work, source.name)
    tasks: list[Task] = []
    passages: list[Passage] = []
    table_tasks: dict[int, list[Task]] = {}
    other_tables: list[Grid] = []
    table_metrics: list[Metric] = []  # read from task tables' cells
    for grid in all_grids:
        read = read_task_table(text, work, grid, info.year)
        if read is None:
            other_tables.append(grid)
            # Not a task table: its rows are read for figures like any text.
            for row in grid.rows:
                cells = [c for c in row if c.end > c.start]
                if cells:
                    passages.append(Passage(min(c.start for c in cells), max(c.end for c in cells)))
            continue
        table_tasks[grid.start] = list(read.tasks)
        passages.extend(read.passages)
        table_metrics.extend(read.metrics)
    text_read = read_text_tasks(text, work, prose, info.year, has_task_table=any(table_tasks.values()))
    passages.extend(text_read.passages)

    # Tasks in reading order: tables and running text interleave as the document has them.
    for _, ts in sorted(table_tasks.items()):
        tasks.extend(ts)
    tasks.extend(text_read.tasks)
    tasks.sort(key=attrgetter("span.start"))
    passages.sort(key=attrgetter("start"))
    if _any_colon_head(tasks):
        tasks = _closing_lines(tasks, text, work, info.year)
    if any("会同" in t.text for t in tasks):
        tasks = _named_cooperators(tasks, text, work)
    tasks = [_own_units(_before_signature(t, text, work), text, work) if not t.cells else t for t in tasks]
    # (each co-unit's name asked once: a long document names the same few hundreds of times)
    if any("其他" in t.text[:4] for t in tasks) or any(
        helps_by_role(u) for u in {u: None for t in tasks for u in t.co_units}
    ):
        tasks = _other_units_helping(tasks, text, work)
    if info.year is not None:
        tasks = [_scheduled(t, work, info.year) for t in tasks]
    if any(t.section and "五" in t.section and _FIVE_YEAR_PART.search(t.section) for t in tasks):
        tasks = [t for t in tasks if not _five_years_goal(t)]

    metrics = _metrics(text, work, passages, info, other_tables)
    if table_metrics:
        metrics = sorted([*metrics, *table_metrics], key=lambda m: m.span.start)
    # What the reviewer should check: each item's confidence and reasons for doubt.
    checked_tasks, checked_metrics = assess(work, tasks, metrics)

    registry = UnitRegistry()
    # Each name once, in order of first mention (adding a name again changes nothing).
    names: dict[str, None] = {}
    for t in tasks:
        for u in t.lead_units:
            names[u] = None
        for u in t.co_units:
            names[u] = None
    for u in names:
        registry.add(u)
    return Extraction(
        name=source.name,
        format=source.format,
        text=text,
        info=info,
        tasks=checked_tasks,
        metrics=checked_metrics,
        units=tuple(registry.units()),
        encoding=source.encoding,
    )


# The part of a work report on the next five years, or of a plan on a five-year period's goals:
# "二、今后五年的目标任务" (广东省's 2023 政府工作报告), "二、“十四五”时期主要目标任务" (国务院's 2021
# 政府工作报告), "未来五年的奋斗目标". Its items say where the place is to go, not what a unit must do.
# matches: "今后五年的主要任务", "“十四五”时期主要目标任务", "未来五年工作" ; must not match:
# "2026年工作安排", "五年行动计划"
_FIVE_YEAR_PART = re.compile(r"今后五年|未来五年|十[一二三四五六七八九]五”?(?:时期|期间)")


def _five_years_goal(task: Task) -> bool:
    """An item of the part on the next five years that the document assigns to no unit: a goal of
    the narrative, no accountable task."""
    return (
        not task.lead_units
        and not task.co_units
        and task.section is not None
        and _FIVE_YEAR_PART.search(task.section) is not None
    )


def _any_colon_head(tasks: list[Task]) -> bool:
    """``any(len(t.text) <= 80 and ":" in working_text(t.text[:12]) for t in tasks)``, without
    folding the head of each task: a colon in the working text is ":" or "：" of the text
    (fold_width makes ":" of "：" alone), unless the text is one to_simplified changes, which a
    character of it tells (the changing characters, one beyond the Basic Multilingual Plane): so
    the heads are asked all at once, joined, and one by one only when that does not settle it.
    (Each head is a different short text: asked of every task, the memo of short working texts
    missed thousands of times on a long document.)"""
    heads = [t.text[:12] for t in tasks if len(t.text) <= 80]
    joined = "".join(heads)
    if ":" not in joined and "：" not in joined and kept_by_simplifying(joined):
        return False
    return any(":" in working_text(h) for h in heads)


# A line of its own that closes an item with its deadline or its units, read as a task of its own:
# "完成时限：2025年12月。" under each step of Songjiang's forest-care plan, "牵头部门：平安办\n完成时间：
# 2025年10月前" under each project of a district's list of practical projects (嘉定工业区's 实事项目),
# "责任单位：区商务委" on the line after an item of a county's work plan.
# matches: "完成时限:2025年12月。", "完成时间:2025年10月前", "时间节点:常态化推进"
_DEADLINE_LINE = re.compile(
    r"\s*(?:完成时限|完成时间|时间节点|完成期限|时限要求|完成时间节点|时限)\s*:\s*(?P<when>[^:;。\n]{2,30}?)\s*[。;]?\s*$"
)


def _closing_lines(tasks: list[Task], text: str, work: str, year: int | None) -> list[Task]:
    """Lines that close an item with its deadline ("完成时限:2025年12月。") or its units ("牵头部门:
    X", "责任单位:X;配合单位:Y"), each read as a task of its own, are the item's: the deadline goes to
    the tasks of the item above that have none, the units to those that name none; the line is no
    task. A line that gives neither stays as it was."""
    out: list[Task] = []
    for t in tasks:
        s, e = t.span.start, t.span.end
        w = work[s:e].strip()
        if len(w) > 80 or ":" not in w[:12]:
            out.append(t)
            continue
        # (Looked for only under a short line with a colon near its start: a scan of every task
        # before each task made the pass quadratic in the tasks of a document.)
        prev = [i for i in range(len(out)) if out[i].ref == t.ref and out[i].span.end <= s]
        if not prev:
            out.append(t)
            continue
        deadline = None
        units_part = w
        m = _DEADLINE_LINE.search(w)
        if m is not None and m.end() == len(w):
            deadline = parse_deadline(m.group("when"), None, year)
            units_part = w[: m.start()].strip()
        roles = None
        if units_part:
            ws = work.index(units_part, s)
            at = trailing_role_lines(work, ws, ws + len(units_part))
            if at != ws:
                out.append(t)
                continue
            roles = parse_roles(text[ws : ws + len(units_part)], units_part)
            if not roles.lead and not roles.co:
                out.append(t)
                continue
        elif deadline is None:
            out.append(t)
            continue
        # The tasks of the item just above (the run of tasks of this ref that ends with the last).
        run: list[int] = []
        for i in reversed(prev):
            if i != len(out) - 1 - len(run):
                break
            run.append(i)
        for i in run:
            u = out[i]
            if deadline is not None and u.deadline is None:
                u = replace(u, deadline=deadline)
            if roles is not None and not u.lead_units and not u.co_units:
                u = replace(u, lead_units=roles.lead, co_units=roles.co)
            out[i] = u
    return out


def _named_cooperators(tasks: list[Task], text: str, work: str) -> list[Task]:
    """Units a task's own words name as working with its units ("会同区绿化市容局制定…") are its
    co-units, when the document names them as units elsewhere (not a vague 会同有关部门)."""
    known: dict[str, str] = {}
    for t in tasks:
        for u in (*t.lead_units, *t.co_units):
            known.setdefault(working_text(u), u)
    out = []
    for t in tasks:
        s, e = t.span.start, t.span.end
        w = work[s:e]
        if "会同" not in w:
            out.append(t)
            continue
        co = list(t.co_units)
        pos = w.find("会同")
        while pos >= 0:
            at = pos + 2
            if not _others_cooperation(w, pos, known, t.lead_units):
                names = (
                    _known_list_after(w, at, known)
                    or _listed_after(text, work, s + at, e)
                    or _names_before_work(text, work, s + at, e)
                )
                co.extend(n for n in names if n not in t.lead_units and n not in co)
            pos = w.find("会同", at)
        out.append(replace(t, co_units=tuple(co)) if len(co) != len(t.co_units) else t)
    return out


def _known_list_after(w: str, at: int, known: dict[str, str]) -> tuple[str, ...]:
    """``names_after``, when the known names are the whole list: a list that goes on after them with
    a name the document names nowhere else ("会同交通、环保部门查处…" where only 交通 is known from
    another task) is left to the readers of whole lists."""
    names = names_after(w, at, known)
    if names:
        end = at + sum(len(working_text(n)) for n in names) + len(names) - 1
        if w.startswith("、", end):
            return ()
    return names


def _listed_after(text: str, work: str, at: int, e: int) -> tuple[str, ...]:
    """The units a 会同 names that the document names nowhere else, read as a subject is read (a
    list of names each reading as a unit, then a verb): "由街镇会同停车经营服务企业对…予以公示",
    "会同机管局、房管局、南桥镇选择…" (Fengxian's parking measures; Jinshan's traffic facilities write
    会同 so). A collective (会同有关部门, 会同各行业主管部门) gives none: the document names no body."""
    if _CLASS_LIST.match(work, at, e):
        # "会同教育、公安、应急管理等部门指导监督…" (shanghai_school_outside_practice_rules_2024;
        # jingan_construction_safety_campaign_2024's "会同…、公安等有关部门开展…"): a list of fields that
        # the text closes with 等部门 is read by the readers of such lists, not as a subject running
        # on to the verb after it (教育所, 公安所 from the 场所 of the object).
        return ()
    clause = re.compile(r"[,。;:]").search(work, at, e)
    if clause is not None:
        # "会同有关部门根据…,制定…,指导排污单位组织实施": the bodies worked with end with their clause
        # (a regulation's later clause names whom the duty is done for, no unit worked with)
        e = clause.start()
    names = subject_and_verb(text, work, at, e)[0]
    return tuple(
        n
        for n in names
        if not is_generic_body(n) and not working_text(n).startswith(("各", "有关", "相关", "其他"))
    )


# A list closed by the class of its names: "教育、公安、应急管理等部门", "发改、财政等区级部门".
# (_FIELDS_LIST: one closed by 等部门, whose names are fields.)
_FIELDS_LIST = re.compile(r"[^,。;:()“”《》]{2,100}?等(?:有关|相关|区级|市级|县级|其他)?部门")
_CLASS_LIST = re.compile(r"[^,。;:()“”《》]{2,100}?等(?:有关|相关|区级|市级|县级|其他)?(?:部门|单位)")


def _names_before_work(text: str, work: str, at: int, e: int) -> tuple[str, ...]:
    """The units a 会同 names when a verb no list of subjects knows follows them ("区水务局会同区财政局
    测算保洁经费", "区级林业部门会同各街镇（经开区）制定…年度计划": Songjiang's forest-care plan, Fengxian's
    parking measures): the longest run after it, within a clause, that is a list of unit names and
    nothing more. () when none is."""
    if _FIELDS_LIST.match(work, at, e):
        # "会同科技、人力资源社会保障等部门组织开展…": a list of fields closed by 等部门 is read by the
        # readers of such lists (a run cut inside it gives 科技会 from 社会保障); a list closed by
        # 等单位 names whole units ("会同X企业、Y管理部门等单位采取措施…")
        return ()
    stop = at
    limit = min(e, at + 40)
    while stop < limit and work[stop] not in ",。;:!?\n":
        stop += 1
    for k in range(stop, at + 1, -1):
        if (
            work[k - 1] not in _UNIT_LAST
            or k < stop
            and work[k] in _NAME_GOES_ON
            or "等" in work[at:k]
            or work.startswith(_VERBS_OF_PUNISHING, k - 2)  # "…区公安分局查处": 查处 is the work
        ):
            continue
        names = list_of_names(text[at:k], work[at:k])
        if names:
            # A list with a collective in it ("有关第三方企业和相关住宅小区居民委员会…") names no body.
            vague = any(
                is_generic_body(n) or working_text(n).startswith(("各", "有关", "相关", "其他"))
                for n in names
            )
            return () if vague else names
    return ()


# Verbs ending in a unit's last character (处): "协同区公安分局查处…" names 区公安分局, not a 处
# (闵行's 平安市场 plan: "区城管执法大队。负责查处…"; 静安's garbage-sorting plan: "…城管查处…").
_VERBS_OF_PUNISHING = ("查处", "惩处")
# What goes on with a name cut short ("各行业主管部|门", "区发展改革委|员会").
_NAME_GOES_ON = frozenset("门员会部局委办厅处科室所站心司")
# The last character of a unit's name (or of a bracketed qualifier closing it).
_UNIT_LAST = frozenset("局委办府会院厅部室所站队中心司团镇街道区县市村居)组处科门")


def _own_units(task: Task, text: str, work: str) -> Task:
    """A text task's units as its own words give them (tables name theirs in their own cells):

    - names read from prose are cleaned (``clean_unit_name``: "由区绿化市容部门" is 区绿化市容部门,
      "会同X" a co-unit, a fragment with no unit none);
    - a task with no unit takes the units its first clause opens with ("各居村、相关责任单位于…前,
      对…", "区国资委做好…": ``opening_subject``), or failing them the units a clause of its first
      sentence names after 由 ("…，由镇规建办提出整改意见");
    - a task whose lead is only a kind of body its text never names (inherited from a heading such
      as "（三）成员单位") takes the units its own first clause opens with, when it opens with some:
      the task's own words outrank the heading above it (Jiading's urban renewal duties, Qibao's
      division of duties, and the "区X局负责…" paragraphs of district plans generally).
    """
    lead: list[str] = []
    co: list[str] = []
    changed = False
    for names, out in ((task.lead_units, lead), (task.co_units, co)):
        for n in _stressed(names):
            changed = changed or n not in names
            cleaned = clean_unit_name(n)
            if cleaned is None:
                changed = True
                continue
            role, name = cleaned
            changed = changed or name != n or role == "co" and out is lead
            (co if role == "co" else out).append(name)
    s, e = task.span.start, task.span.end
    own = work[s:e]
    for read in (lead, co):
        for i, n in enumerate(read):
            shorter = name_before_verb(n, own)  # "区应急局组" of "区应急局组建…" is 区应急局
            if shorter != n:
                read[i], changed = shorter, True
    if "由" in own[:30]:
        helped = _helped_by(text, work, s, e)
        if helped is not None:
            lead, co, changed = list(helped[0]), list(helped[1]), True
    if not lead and not co and ":" in own:
        at = trailing_role_lines(work, s, e)
        if at > s:
            roles = parse_roles(text[at:e], work[at:e])
            body = text[s:at].rstrip()
            cut = task.text.rfind(text[at : at + 4])
            if roles and cut > 0 and body:
                task = replace(task, text=task.text[:cut].rstrip(), span=Span(s, s + len(body)))
                lead, co, changed = list(roles.lead), list(roles.co), True
                e = task.span.end
                own = work[s:e]
    if not lead and not co:
        tail = _trailing_names(text, work, s, e)
        if tail is not None:
            cut, names = tail
            body = text[s:cut].rstrip()
            task = replace(task, text=body, span=Span(s, s + len(body)))
            lead, changed = list(names), True
            e = task.span.end
            own = work[s:e]
    if not lead and not co and "为主体" in own:
        bearer = _bearer_of_work(text, work, s, e)
        if bearer:
            lead, changed = list(bearer), True
    if not lead and not co:
        counted = _counted_parties(text, work, s, e)
        if counted:
            lead, changed = list(counted), True
    if not lead and not co:
        found = _heading_units(task, work) or opening_subject(text, work, s, e)
        helping = False
        if not found:
            found, verb = _named_after_by(text, work, s, e)
            helping = verb in _HELPING
        if not found and task.measure and task.number:
            # "11.建设单位应尽到建设方主体责任。严格遵守…": the item's first sentence, read as its
            # title, gives a unit its duty (the title of an item that is a sentence with a subject)
            mw = working_text(task.measure)
            title_units, verb = subject_and_verb(task.measure, mw, 0, len(mw))
            if title_units and verb in _TITLE_DUTY:
                found = title_units
        found = tuple(n for n in found if not is_self_reference(n))
        if not found:
            found = _named_as_bearer(text, work, s, e)
        if not found:
            found, verb = _later_units(text, work, s, e)
            helping = verb in _HELPING
        if found and helping:
            co, changed = list(found), True  # "由X配合建立…": X helps
        elif found:
            lead, changed = list(found), True
            # "由市财政落实…，相关区政府加快…": the later clauses' subjects of the same sentence share it
            named = work.find(working_text(found[-1]), s, e)
            if named >= 0:
                lead += [n for n in clause_subjects(text, work, named, e) if n not in lead]
        else:
            # no reader of the layout gave the task a unit: the subject its own words (or its
            # headings) name for the work (role_fallback: X要/应/务必…, X配合Y, 由X负责…)
            fb_lead, fb_co = fallback_roles(text, work, s, e, (task.measure, task.section))
            if fb_lead or fb_co:
                lead, co, changed = list(fb_lead), list(fb_co), True
    elif co and ("负责" in work[s : s + 80] or "牵头" in work[s : s + 80]):
        # (the verb must be 负责 or 牵头 of the opening clauses, which end before the first 。;: (so
        # does subject_and_verb's reading): a 牵头 only in the closing "(牵头单位:…)" needs no reading)
        first = _FIRST_PART_END.search(work, s, e)
        opening = work[s : first.start() if first is not None else e]
        if "负责" in opening or "牵头" in opening:
            found, verb = subject_and_verb(text, work, s, e)
        else:
            found, verb = (), ""
        if found and {*lead, *co} <= set(found) and verb in _OWN_DUTY and not _COOPERATING.match(work, s, e):
            # "由X和Y、Z负责联合验收": the units a clause opens with answer for it together, none of
            # them named as the lead; read as partners of a joint work they are its lead units all.
            lead, co, changed = list(found), [], True
    elif not lead and co:
        # "公安分局交管部门需要对…进行调整的，应会同区交通委、街镇…确定调整方案" (Jinshan's traffic
        # facilities), "区X局对…的，要会同Y…": a clause whose co-units were read from its 会同 opens
        # with the unit that works with them; it leads.
        found, verb = subject_and_verb(text, work, s, e)
        if found and not set(found) & set(co) and verb not in _HELPING and not _COOPERATING.match(work, s, e):
            lead, changed = list(found), True
    elif lead and all(is_generic_body(n) and working_text(n) not in own for n in lead):
        found = opening_subject(text, work, s, e)
        if found:
            lead, changed = list(found), True
    if not lead and co:
        # "1、区工商分局。负责牵头组织…，会同区商务委制定…" (闵行's 平安市场 plan; the 市水务局 block
        # of 沪府〔2025〕24号, "负责协同市财政局…"): in a unit's block of a division of duties the
        # units its 会同 names work with the unit the block is about, which leads them.
        heading = [n for n in _heading_units(task, work) if n not in co]
        if heading:
            lead, changed = heading, True
    if lead and "与" in lead[0] and "与" in own[:40]:
        # "区级林业部门与各街镇（经开区）做好沟通对接" read as one name: X与Y pairs a lead with its
        # partners (outline._paired), whichever reading of the item named the pair.
        paired = _paired(UnitRoles(tuple(lead), tuple(co)))
        if paired.lead != tuple(lead):
            lead, co, changed = list(paired.lead), list(paired.co), True
    if lead and co and "与" in own:
        joined = _joint_leads(own, lead, co)
        if joined:
            lead, co, changed = lead + joined, [u for u in co if u not in joined], True
    if lead and ("牵头" in own or "会同" in own):
        led = _led_by_lead(text, work, s, e, lead, co)
        if led:
            co, changed = co + list(led), True
    if lead and ("应与" in own or "要与" in own):
        partners = _with_lead(text, work, s, e, lead, co)
        if partners:
            co, changed = co + list(partners), True
    if lead and not co and ("会同" in own or "协调" in own or "联合" in own) and "等" in own:
        # (a list read already, "区发展改革、财政等部门" as 区发展改革部门, 区财政部门, stays as read)
        listed = _fields_worked_with(text, work, s, e)
        if listed:
            added = [u for u in listed if u not in lead and u not in co]
            if added:
                co, changed = co + added, True
    if lead and "由其" in own:
        helper = _passed_to_help(text, work, s, e)
        if helper and helper not in lead and helper not in co:
            co, changed = co + [helper], True
    if lead and ("协同" in own or "联合" in own):
        partners = _partners(text, work, s, e, lead, co)
        if partners:
            co, changed = co + list(partners), True
    if lead and _HELPER_WORD.search(own) is not None:  # (a word of _HELPER_WORDS in own)
        later = _later_helpers(text, work, s, e, lead, co)
        if later:
            co, changed = co + list(later), True
    if not lead and not co and "与" in own[:40]:
        partner = _partner_of_unnamed(text, work, s, e)
        if partner:
            co, changed = list(partner), True
    if ":" in own[:24] or "。" in own[:24]:
        label = units_label(text, work, s, e)
        if label and not set(label) & {*lead, *co}:
            # "区级路长办公室：承担…，由区建交委负责具体推进" (浦东's road chiefs plan): the unit that
            # heads its own duties leads them, with any the duties name
            lead, changed = [*label, *lead], True
    if any("办事处" in n for n in (*lead, *co)):
        # "镇人民政府(街道办事处)具体负责…": the town's government and the subdistrict office
        split = [[a for n in names for a in subdistrict_alternatives(n)] for names in (lead, co)]
        changed = changed or split != [lead, co]
        lead, co = split
    if not changed:
        return task
    lead = list(dict.fromkeys(lead))
    co = [u for u in dict.fromkeys(co) if u not in lead]
    return replace(task, lead_units=tuple(lead), co_units=tuple(co))


def _heading_units(task: Task, work: str) -> tuple[str, ...]:
    """The units an item's heading names when the heading is their names and a colon, the item's
    duties following it on the same line: "(一)区发展改革委：负责公园绿地等建设项目的审批…",
    "(十八)各镇、街道、开发区：按照本辖区…" (the division of duties of Fengxian's park-city opinions;
    district and county plans write a 部门职责 part so, as Jiading's and Songjiang's do with "区X局
    负责…"). The unit that heads its own duties leads them. () when the heading is no list of units
    or the body does not follow it after a colon."""
    if not task.measure:
        return ()
    s = task.span.start
    i = s
    while i > 0 and work[i - 1] in " \t\u3000":
        i -= 1
    if i == 0 or work[i - 1] not in ":。":
        return ()  # (a heading closed by a full stop: "（一）区财政局。负责…", as by a colon)
    # (The heading's working text is made only for an item after a colon; the text before the
    # colon is asked without a copy of it: rstrip strips the characters isspace tells, and
    # endswith over [0, k) reads what the copy would.)
    mw = working_text(task.measure)
    k = i - 1
    while k > 0 and work[k - 1].isspace():
        k -= 1
    if not work.endswith(mw, 0, k):
        return ()
    return list_of_names(task.measure, mw)


# The bodies a lead works with, named as a list closed by the kind they share: "由区推进办牵头，会同发改、
# 财政、建管、规划…等区级部门" (Qingpu's housing renovation plan), "由街镇牵头协调公安、交通、居委会…以及
# 物业服务企业、道路停车管理单位等有关部门和单位" (Songjiang's parking measures), "联合公安、市场监管等部门".
# must not match: "统筹协调各方力量" (no list), "会同有关部门" (no names)
_WORKED_WITH = re.compile(
    r"(?:会同|牵头协调|协调|联合)(?P<list>[^,。;:()“”《》]{2,100}?)等(?:有关|相关|区级|市级|县级|其他)?(?:部门|单位)(?:和(?:部门|单位))?"
)
_LIST_SEP = re.compile(r"、|以及")


def _fields_worked_with(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The bodies of a ``_WORKED_WITH`` list, as the text writes them (a field such as 发改 or 公安
    stands for its department): co-units of the task's lead. () when an item of the list is no
    name (a verb in it, or too long to be one)."""
    m = _WORKED_WITH.search(work, s, e)
    if m is None:
        return ()
    ls, le = m.start("list"), m.end("list")
    if work.startswith("各级", ls):
        ls += 2  # "会同各级规划、消防…等有关部门": the level goes to every field, none of them a name
    out: list[str] = []
    pos = ls
    for sep in [*_LIST_SEP.finditer(work, ls, le), None]:
        end = sep.start() if sep is not None else le
        name = text[pos:end].strip()
        if not 2 <= len(name) <= 14 or _VERBISH.search(working_text(name)):
            return ()
        out.append(name)
        pos = sep.end() if sep is not None else le
    if len(out) < 2:
        return ()
    if _GROUP_CLOSE.match(work, le):
        # "会同规划、消防、公安等有关部门" (jingan_construction_safety_campaign_2024; Songjiang's
        # parking measures' "协调公安、交通…等有关部门"): the collective closing the list is a unit too
        # and gives its word to the fields (规划部门, 消防部门, 公安部门, 有关部门), as parse_units
        # reads such a list; "等部门" / "等区级部门" leave the fields bare (发改, 财政).
        names = parse_units(text[ls : m.end()], work[ls : m.end()])
        if len(names) == len(out) + 1:
            return tuple(names)
    return tuple(out)


# The collective closing a list of fields: "等有关部门", "等相关单位".
_GROUP_CLOSE = re.compile(r"等(?:有关|相关)(?:部门|单位)(?!和)")


# A verb inside what was read as an item of a list of bodies.
_VERBISH = re.compile(r"[要应将对在按把向从于]|负责|加强|推进|开展|落实|做好|制定|研究|建立|完善|组织")


# The body a matter is passed to so that it helps: "将行政处罚信息推送至当事人登记地（住所地）市场监督管理
# 部门，由其协助…公示" (SAMR's rules on publishing penalties), "函告所在地区人民政府，由其配合…". A body
# passed a matter to do its own work ("移送市场监管部门，由其对…溯源治理") is not one.
_PASSED_TO_HELP = re.compile(
    r"(?:至|给|向|交|告知|函告|通报|移送)(?P<name>[^,。;:]{2,40}?),?由其(?:负责)?(?:协助|配合)"
)


def _passed_to_help(text: str, work: str, s: int, e: int) -> str:
    """The unit named by ``_PASSED_TO_HELP`` in ``work[s:e]`` (a co-unit of the task), or ""."""
    m = _PASSED_TO_HELP.search(work, s, e)
    if m is None:
        return ""
    name = text[m.start("name") : m.end("name")].strip()
    return name if looks_like_unit(working_text(name)) else ""


# A body that others help, named first: "区更新办由区建设管理委、区住房保障房屋管理局、区规划资源局三家副主任
# 单位协同开展工作" (Jiading's urban renewal duties), "办公室由区民政局、区财政局配合做好…". The body it
# opens with leads; the ones it is helped by are its co-units (a count of them, 三家副主任单位, is no name).
_HELPED_BY = re.compile(
    r"\s*(?P<x>[^,。;:由]{2,24}?)由(?P<list>[^,。;:]{2,100}?)(?:[两二三四五六七八九十]家[^,。;:]{0,8}?单位)?"
    r"(?:共同)?(?:协同|配合|协助)"
)


def _helped_by(text: str, work: str, s: int, e: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The lead and co-units of a clause read by ``_HELPED_BY`` at the start of ``work[s:e]``, or None."""
    m = _HELPED_BY.match(work, s, e)
    if m is None:
        return None
    xs, xe = m.start("x"), m.end("x")
    ls, le = m.start("list"), m.end("list")
    lead = list_of_names(text[xs:xe], work[xs:xe])
    helpers = list_of_names(text[ls:le], work[ls:le])
    if not lead or not helpers:
        return None
    return lead, helpers


def _trailing_names(text: str, work: str, s: int, e: int) -> tuple[int, tuple[str, ...]] | None:
    """An item that closes with its units written bare, after its last sentence or on a line of its
    own: "1.推进街面环境整治。完成…整治。区绿化市容局、各街道镇" (district three-year action plans, which
    put the units after each item with no label or bracket), "…全覆盖。\n区城管局、各街道". The units
    answer for the item (no lead is named among them: SCHEMA's 责任单位). Where the list opens and the
    names, or None when the item's last sentence is no bare list of unit names."""
    end = e
    while end > s and work[end - 1] in " \t\r\n\u3000。;":
        end -= 1
    if end - s < 8:
        return None
    b = max(work.rfind("。", s, end), work.rfind("\n", s, end), work.rfind(";", s, end))
    if b < 0 or b - s < 6 or not 2 <= end - b - 1 <= 60:
        return None
    ts = b + 1
    while ts < end and work[ts] in " \t\u3000":
        ts += 1
    names = list_of_names(text[ts:end], work[ts:end])
    if not names or any(is_generic_body(n) or _SIGNATURE.search(working_text(n)) for n in names):
        return None  # a government signing the document below its last item is no unit of the item
    return b + 1, names


# The units a requirement sets beside the ones it names first, in the same sentence: "主要责任单位要与协同
# 配合单位加强沟通联系,协同配合单位要服从工作大局…" (谯城's notice of 2020), "主要责任单位要…;其他责任
# 单位要积极履行配合职责…", "牵头单位要…;其他成员单位要协助配合" (county notices on the duties of their
# work reports write the main unit and its helpers so). "其他" (the others) reads the units against
# those before it; a clause that names only helping units (co-units) helps the clause before.
_OTHERS = re.compile(r"其他(?:有关|相关)?(?:责任|成员|相关|配合|参与)?(?:单位|部门)")
_HELP_WORD = re.compile("|".join(HELP_VERBS))


def _other_units_helping(tasks: list[Task], text: str, work: str) -> list[Task]:
    """A clause whose subject is "the other units" (``_OTHERS``) or the helpers (``helps_by_role``),
    helping (``_HELP_WORD``), in the sentence of a clause with lead units of its own, is that
    clause's task: the first clause's units lead, the others are its co-units (one task, not two).
    A sentence of its own ("…。各协作和配合单位要…") stays a task of its own."""
    out: list[Task] = []
    for t in tasks:
        prev = out[-1] if out else None
        units = (*t.lead_units, *t.co_units)
        if (
            prev is not None
            and not t.cells
            and not prev.cells
            and prev.lead_units
            and units
            and all(_OTHERS.fullmatch(working_text(u)) or helps_by_role(u) for u in units)
            and _HELP_WORD.search(work, t.span.start, t.span.end) is not None
            and prev.span.end <= t.span.start
            and work[prev.span.end : t.span.start].strip(" ,;\n") == ""
            and not work[prev.span.start : prev.span.end].rstrip().endswith("。")
        ):
            co = tuple(dict.fromkeys((*prev.co_units, *units)))
            out[-1] = replace(
                prev,
                text=text[prev.span.start : t.span.end],
                co_units=co,
                deadline=prev.deadline or t.deadline,
                span=Span(prev.span.start, t.span.end),
            )
            continue
        out.append(t)
    return out


# The signature of a notice: "北湖区人民政府办公室", "某市人民政府", "中共某区委办公室".
_SIGNATURE = re.compile(r"人民政府(?:办公室|办公厅)?$|办公厅$|^中共")


# The lines that close a notice below its last requirement: the issuer's signature over the date
# ("杭州市人民政府办公厅\n2020年5月20日" below the requirements of 杭州's notice on its 2020 work
# report's duties; "上饶市广丰区人民政府办公室\n2021年…" below 广丰's), then the page's own lines
# (来源, 编辑), and the contact lines a notice closes its requirements with ("联系人：…，联系电话：…，
# 电子邮箱：…"). None of them is part of the last task.
# matches: "杭州市人民政府办公厅     \n\n2020年5月20日", "联系人:张三,联系电话:2805093", "联 系 人：李四"
# must not match: "区人民政府办公室要于2020年5月20日前…", "联系群众"
_CLOSING_LINES = re.compile(
    r"\n[ \t\u3000]*(?:[^\s,。;:]{2,30}(?:人民政府|办公室|办公厅)[ \t\u3000]*\n\s*"
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日"
    r"|联\s*系\s*人\s*:|联系电话\s*:|联系方式\s*:|电子邮箱\s*:)"
)


def _before_signature(task: Task, text: str, work: str) -> Task:
    """A text task that ran on into the notice's closing lines (signature and date, contact lines:
    ``_CLOSING_LINES``) ends before them."""
    s, e = task.span.start, task.span.end
    m = _CLOSING_LINES.search(work, s, e)
    if m is None:
        return task
    body = text[s : m.start()].rstrip()
    if not body:
        return task
    at = m.start() + 1
    while at < e and work[at] in " \t\u3000":
        at += 1
    cut = task.text.rfind(text[at : at + 4])
    if cut <= 0:
        return task
    return replace(task, text=task.text[:cut].rstrip(), span=Span(s, s + len(body)))


# A subject list closed by a count of its members before the verb: "区级林业部门、街镇（经开区）、施工单位三方
# 要建立…沟通对接机制" (Songjiang's forest-care plan), "区建设管理委、区房管局两家单位要…" (district plans
# name the parties of a joint mechanism so).
_COUNTED_PARTIES = re.compile(
    r"\s*(?P<list>[^,。;:“”《》]{4,80}?)(?:[两二三四五六七八九十]|\d)(?:方|家)(?:单位|部门)?(?:要|应|须|共同|负责|联合)"
)


def _counted_parties(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units of a ``_COUNTED_PARTIES`` subject at the start of ``work[s:e]``, or ()."""
    hi = min(e, s + 100)
    # (A match holds the 方 or 家 of its count: looked for first, at the speed of memchr; the lazy
    # list of the pattern is otherwise tried at each of up to 80 characters.)
    if work.find("方", s, hi) < 0 and work.find("家", s, hi) < 0:
        return ()
    m = _COUNTED_PARTIES.match(work, s, hi)
    if m is None:
        return ()
    ls, le = m.start("list"), m.end("list")
    # each party as written (a list of parties of different kinds shares no level: 施工单位 stays so)
    names: list[str] = []
    pos = ls
    for sep in [*re.finditer("、", work[ls:le]), None]:
        end = ls + sep.start() if sep is not None else le
        one = list_of_names(text[pos:end], work[pos:end])
        if len(one) != 1:
            return ()
        names.append(text[pos:end])
        pos = ls + sep.end() if sep is not None else le
    return tuple(names) if len(names) >= 2 else ()


# The partner of a work whose doer goes unnamed (the issuing bureau itself): "加强沟通，与区财政局研究制定
# 出台新一轮…政策" (Songjiang's forest-care plan), "与区教育局共同做好…". The partner is a co-unit.
_PARTNER_OF_UNNAMED = re.compile(
    r"(?:[^,。;:与]{0,12},)?与(?P<name>[^,。;:与]{2,24}?)(?:共同|研究|协商|会商|联合|沟通|对接)"
)


def _partner_of_unnamed(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units of a ``_PARTNER_OF_UNNAMED`` clause that opens ``work[s:e]``, or ()."""
    m = _PARTNER_OF_UNNAMED.match(work, s, min(e, s + 60))
    if m is None:
        return ()
    ns, ne = m.start("name"), m.end("name")
    return list_of_names(text[ns:ne], work[ns:ne])


# The body a clause names as the one to do its work: "以街镇为主体开展街镇级体检工作" (Fengxian's city check-up
# plan), "以各村居为主体组织实施" (district and town plans). must not match: "以企业为主体、市场为导向"
# (a principle; 企业 alone is no unit)
_BEARER_OF_WORK = re.compile(r"以(?P<x>[^,。;:为以]{2,16})为主体(?:开展|负责|实施|组织|推进|落实)")


def _bearer_of_work(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units of a ``_BEARER_OF_WORK`` clause in ``work[s:e]``, or ()."""
    m = _BEARER_OF_WORK.search(work, s, e)
    if m is None:
        return ()
    xs, xe = m.start("x"), m.end("x")
    return list_of_names(text[xs:xe], work[xs:xe])


# A line of a schedule that opens with its month: "2026年4月，印发区级体检工作方案…" (Fengxian's and
# Chongming's city check-up plans date their steps so), "2031年6月底前：完成…"; or with its year's
# end or its year: "2025年底，市水务局会同…", "2026年起，市、区水务部门联合…" (上海's drainage
# reform plan; 静安's and 杨浦's drainage reform plans write "2025年底前，…").
# matches: "2025年6月,", "2025年底,", "2026年末前:", "2027年起," ; must not match: "2025年,"
_DATED_STEP = re.compile(
    r"\s*(?P<y>(?:19|20)\d\d)年(?:(?P<m>1[0-2]|0?[1-9])月(?:份)?(?:上旬|中旬|下旬|底|末)?|(?P<end>底|末)|(?P<from>起))"
    r"(?:前|以前)?\s*[,:]"
)


def _scheduled(task: Task, work: str, year: int) -> Task:
    """A task's deadline as a schedule gives it: a step that opens with its month and has no
    deadline takes that month; a deadline well before the document's own year is a date the text
    describes ("网格内2000年底前建成的老旧小区"), not one to meet, and is dropped."""
    d = task.deadline
    if d is not None and d.year is not None and d.year < year - 1:
        return replace(task, deadline=None)
    if d is None:
        m = _DATED_STEP.match(work, task.span.start, task.span.end)
        if m is not None and int(m.group("y")) >= year - 1:
            y, source = int(m.group("y")), m.group().strip(" ,:")
            if m.group("from"):
                when = Deadline("year", y, None, source)
            else:
                when = Deadline("month", y, int(m.group("m")) if m.group("m") else 12, source)
            return replace(task, deadline=when)
    return task


# "X尤其是Y", "X特别是Y": a list that stresses one of its units names both.
_STRESS = re.compile(r"尤其是|特别是")


def _stressed(names: tuple[str, ...]) -> tuple[str, ...]:
    """Names read whole from "责任单位尤其是各乡镇(街道)要积极配合" (广丰's notice), "各部门特别是
    区财政局要…" (district and county notices stress one body of a list so): both units."""
    # (_STRESS is two literal words: substring tests find what its search finds, without a call
    # of the engine for each name; most names hold neither.)
    # (The names joined by a line break, which neither word holds: a word found in the join lies
    # within one name. One test of each word, not one for each name.)
    joined = "\n".join(names)
    if "尤其是" not in joined and "特别是" not in joined:
        return names
    out: list[str] = []
    for n in names:
        out.extend(p for p in _STRESS.split(n) if len(p) >= 2)
    return tuple(out)


# "由X与Y负责/牵头": the two units answer for the work together.
# matches: "由区卫生健康委与区民政局负责" ; must not match: "X与Y要…" (a lead and its partner)
_BY_BOTH = re.compile(
    r"由(?P<a>[^,。;与]{2,30}?)与(?P<b>[^,。;与]{2,30}?)(?:共同)?(?:牵头)?负责|由(?P<c>[^,。;与]{2,30}?)与(?P<d>[^,。;与]{2,30}?)(?:共同)?牵头"
    r"|(?P<e>[^,。;与]{2,30}?)与(?P<f>[^,。;与]{2,30}?)共同(?:牵头)?负责"
)


def _joint_leads(own: str, lead: list[str], co: list[str]) -> list[str]:
    """The co-units that the task's words name as leading together with its lead after 由: "由区卫生
    健康委与区民政局负责" makes both units lead (units joined by 与 share the verb that follows them;
    the outline pairs "X与Y要…" as a lead and its partner, which 由…负责 is not). District plans of
    Shanghai (Jinshan's traffic facilities: "由公安分局交管部门和区交通委…负责") and city plans write
    joint responsibility so."""
    out: list[str] = []
    for m in _BY_BOTH.finditer(own):
        if m.group("e"):
            # "X与Y共同负责…": 共同 makes the pair answer together, with or without 由 (county
            # and district plans of 浙江 and 上海 write a joint duty so); X may follow a lead-in.
            a, b = m.group("e"), m.group("f")
            if not any(a.endswith(working_text(u)) for u in lead):
                continue
            out.extend(u for u in co if working_text(u) == b and u not in out)
            continue
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        if not any(working_text(u) == a for u in lead):
            continue
        out.extend(u for u in co if working_text(u) == b and u not in out)
    return out


# A later clause of a task whose units only help or answer each for their part: "各相关部门按职责
# 分工负责", "区财政局、区税务局配合", "各街道具体落实", "各管线单位按计划实施" (after a named lead,
# as SCHEMA.md reads 分工落实). matches at the clause's start, the units in "who"; a clause whose
# units help with a work it goes on to name ("区医保局配合做好长护险工作", "各街道积极配合开展巡查":
# 上海 and 浙江 district plans close a lead's measure so), the units in "whom".
_HELPERS = re.compile(
    r"(?P<who>[^,。;:()]{2,40}?)(?:要|应)?(?:按职责分工负责|按照职责分工负责|分工负责|按职责配合|积极配合|配合|协助|参与"
    r"|具体落实|负责落实|抓好落实|分工落实|具体实施|组织实施|按计划实施)(?=[,。;]|$)"
    r"|(?P<whom>[^,。;:()]{2,40}?)(?:要|应)?(?:积极)?(?:配合|协助)(?=做好|开展|推进|落实|实施)"
)


# The verbs a clause opens with when the units after them are whom a body directs, not its helpers:
# "…,指导排污单位组织实施", "…,督促经营者落实" (regulations close a body's duty so).
_DIRECTING = ("指导", "督促", "引导", "要求", "鼓励", "支持", "帮助", "推动", "责令", "动员")
# A word every match of _HELPERS holds (its role words, each holding one of these).
_HELPER_WORDS = ("负责", "配合", "协助", "参与", "落实", "实施")
# The same words as one pattern of literals: a search of it over a span finds one iff one of the
# words is a substring of the span (no look around in it).
_HELPER_WORD = re.compile("|".join(_HELPER_WORDS))


def _later_helpers(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """Units that a later clause of a task names as helping, or as answering each for their part
    beside the lead named before them ("区财政局统筹安排资金，各相关部门按职责分工负责。"; "由区民政局
    牵头…，区规划资源局、区建设管理委配合。"): co-units, as SCHEMA.md reads 分工负责 after a named
    lead. The clause must be the units and the role word and nothing more (it closes the
    sentence); units already read are left as they are."""
    out: list[str] = []
    # Each , or ; of the task (the first of either: one search of the pair), and the clause after
    # it up to the next one, which is where the next turn starts.
    cut = _clause_stop(work, s, e)
    while cut < e:
        upto = _clause_stop(work, cut + 1, e)
        # _HELPERS matches no stop (, ; 。 : brackets) and every way of it holds one of
        # _HELPER_WORDS: a clause up to the next , or ; that holds none of them is passed over
        # without a try of the pattern (most clauses of a task are its work, not its helpers).
        # (one search of the words as a pattern of literals over the clause, not a test per word)
        if _HELPER_WORD.search(work, cut + 1, upto) is not None:
            m = _HELPERS.match(work, cut + 1, e)
            if m is not None and not work.startswith(_DIRECTING, cut + 1):
                ws, we = m.span("who") if m.group("who") else m.span("whom")
                names = parse_units(text[ws:we], work[ws:we])
                if names and all(_helper_name(working_text(n)) for n in names):
                    out.extend(n for n in names if n not in lead and n not in co and n not in out)
        cut = upto
    return tuple(out)


def _clause_stop(work: str, pos: int, e: int) -> int:
    """The first , or ; of ``work[pos:e]``, or ``e``: ``min(x for x in (find ",", find ";", e) if
    x >= 0)``, each find being -1 or below ``e``."""
    cut = work.find(",", pos, e)
    semi = work.find(";", pos, e)
    if cut < 0 or 0 <= semi < cut:
        cut = semi
    return e if cut < 0 else cut


def _led_by_lead(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """The units a lead is named to lead, right after its 牵头 and closed by a comma: "区更新办牵头区
    城市更新领导小组各成员单位，对标…" (Jiading's urban renewal duties), "区商务委牵头各街道、区市场
    监管局，开展…": co-units, as "X牵头各相关单位" reads (the outline reads a collective there)."""
    out: list[str] = []
    leads = [working_text(u) for u in lead]
    for word in ("牵头", "会同"):
        _led_after(text, work, s, e, word, leads, lead, co, out)
    for m in _ORGANISED_BY_LEAD.finditer(work, s, e):
        at = m.end()
        joined = collective_after(work, at)
        if joined:
            names: tuple[str, ...] = (text[at : at + len(joined)],)
        else:
            end = at
            while end < e and work[end] not in ",。;:":
                end += 1
            names = list_of_names(text[at:end], work[at:end]) if end < e and work[end] == "," else ()
        out.extend(n for n in names if n not in lead and n not in co and n not in out)
    return tuple(out)


# The lead, unnamed again in a clause of its duties, organising the units it leads: "…，负责统筹实施，
# 牵头组织各领导小组成员单位围绕…依法履责" (Jiading's urban renewal duties), "牵头组织轨交公安、属地
# 派出所以及属地街镇，定期对…开展联合整治" (Jing'an's metro four-chiefs plan): those units are its
# co-units. Only where the clause opens with it (after a comma, a full stop or the task's start).
_ORGANISED_BY_LEAD = re.compile(r"(?<=[,;。:\n ])牵头(?:组织|协调|组织协调)(?!实施|开展|编制|制定|召开)")


# A verb in what follows 会同: the units' joint work runs on before the comma ("会同有关部门组建协调
# 小组和专家委员会,"), so the list is no plain list of names.
_ACTION = re.compile(
    r"组建|设立|成立|建立|组织|开展|制定|研究|推进|编制|做好|落实|加强|实施|完成|指导|审核|确定|筛选|负责|配合|协助"
)


def _led_after(
    text: str,
    work: str,
    s: int,
    e: int,
    word: str,
    leads: list[str],
    lead: list[str],
    co: list[str],
    out: list[str],
) -> None:
    """The names after the lead's 牵头 or (要/应)会同 up to a comma, added to ``out``: "各牵头单位要
    会同责任单位，认真研究…" (广丰's notice; 会同 names the units a lead works with, as SCHEMA.md reads
    协办, in district and county notices generally)."""
    pos = work.find(word, s, e)
    while pos >= 0:
        at_lead = pos
        if word == "会同" and work[pos - 1 : pos] in ("要", "应"):
            at_lead = pos - 1
        if any(work.endswith(u, s, at_lead) for u in leads):
            at = pos + 2
            end = at
            while end < e and work[end] not in ",。;:":
                end += 1
            if end < e and work[end] == "," and not (word == "会同" and _ACTION.search(work, at, end)):
                out.extend(
                    n
                    for n in list_of_names(text[at:end], work[at:end])
                    if n not in lead and n not in co and n not in out
                )
        pos = work.find(word, pos + 2, e)


# "X应与Y、Z等相关部门建立…机制": the units a lead is to work with, up to the verb of the joint work.
_WITH_LEAD = re.compile(
    r"(?:应|要)与(?P<who>[^,。;:]{2,80}?)(?:共同)?(?=建立|加强|做好|开展|签订|协商|对接|配合|共享)"
)


def _with_lead(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """The units a lead named right before is to work with after 应与/要与: "各村、镇属公司应与镇规建办、
    安监所等相关部门建立日常联动机制" (闵行 七宝's division of duties; 上海 and 浙江 towns' and
    districts' plans pair a lead with its partners so): co-units, as 会同 names them (the outline
    reads "X与Y要…" as a lead and its partner too)."""
    out: list[str] = []
    leads = [working_text(u) for u in lead]
    for m in _WITH_LEAD.finditer(work, s, e):
        before = work[s : m.start()]
        if not any(before.endswith(u) for u in leads) and any(ch in before for ch in ",。;:"):
            continue  # not the lead's own clause (its subject, maybe cleaned: 居委会 read 镇居委会)
        ws, we = m.span("who")
        for n in list_of_names(text[ws:we], work[ws:we]):
            if n not in lead and n not in co and n not in out:
                out.append(n)
    return tuple(out)


_WITH = re.compile(r"协同|联合")
# A duty's opening before its 协同 in a unit's block of a division of duties: "（一）市水务局。…；负责
# 协同市财政局建立…核算机制" (Shanghai's drainage reform plan, 沪府〔2025〕24号), "负责联合区市场监管局
# 开展…" (the joint enforcement of district plans): the unit the block is about leads the clause, the
# units after 协同 work with it, as after a bare clause's 协同 (Qibao's "并协同消防部门对…监管").
_DUTY_OPENING = re.compile(r"(?:^|[,;。:])(?:并)?(?:具体|主要)?负责$")


def _partners(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """The units the task's lead works with, named after 协同 or 联合 where the lead is the subject
    (at a clause's start, after 并, or right after the lead's name): "镇安监所负责…，并协同消防部门对…
    进行监管" (Qibao's division of duties), "区城管执法局联合区市场监管局开展…" (district plans write
    joint enforcement so). Co-units, as 会同 names them; a collective names no body."""
    out: list[str] = []
    leads = [working_text(u) for u in lead]
    for m in _WITH.finditer(work, s, e):
        at = m.start()
        before = work[s:at]
        if not (
            at == s
            or work[at - 1] in ",;并"
            or any(before.endswith(u) for u in leads)
            or _DUTY_OPENING.search(before) is not None
        ):
            continue
        for n in _listed_after(text, work, m.end(), e) or _names_before_work(text, work, m.end(), e):
            if n not in lead and n not in co and n not in out:
                out.append(n)
    return tuple(out)


def _helper_name(w: str) -> bool:
    """A name of a helping clause: a unit or a collective, with no verb or doer's 由 in it (a clause
    "由X组织实施" names the doer of a step, not a helper)."""
    if _NOT_HELPER.search(w):
        return False
    return looks_like_unit(w) or w.startswith(("各", "相关", "有关"))


_NOT_HELPER = re.compile(r"由|负责|后|经|报|审核|通过")


def _named_after_by(text: str, work: str, s: int, e: int) -> tuple[tuple[str, ...], str]:
    """The units a clause of the task's first sentence names after 由 as its doers, with the verb
    that follows them: "对不按照要求办理的建设单位，由镇规建办提出整改意见", "新辟公交线路由区交通委
    制定计划" (town and district divisions of duties, Qibao's and Jinshan's, name the doer so after
    the case or thing it acts on); "…由区属停车经营服务公司配合建立…" names a unit that helps (the
    caller makes it a co-unit; Fengxian's parking measures). Not the 由 of 理由, 由于, 由此."""
    end = work.find("。", s, e)
    end = e if end < 0 else end
    pos = work.find("由", s, end)
    while pos >= 0:
        if (pos == s or work[pos - 1] not in "理自缘经") and not work.startswith(
            ("由于", "由此", "由衷"), pos
        ):
            found, verb = subject_and_verb(text, work, pos, end)
            if found:
                return found, verb
        pos = work.find("由", pos + 1, end)
    return (), ""


# The unit a sentence names as the bearer of the work: "由静安区作为责任主体完成", "立项主体为区房管局".
_BEARER = re.compile(
    r"由(?P<a>[^,。;:由]{2,30}?)作为(?:责任|实施|工作)?主体|(?:责任|实施|立项|建设)主体(?:为|是)(?P<b>[^,。;:]{2,30}?)(?=[,。;]|$)"
)


def _named_as_bearer(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units a task with no other names as the bearer (主体) of its work: "…，由静安区作为责任主体
    完成" (静安's drainage reform), "综合改造工程项目，立项主体为区房管局" (青浦's old housing rules):
    district plans of 上海 and 江苏 name who answers for a project so."""
    # (Every way of the pattern holds 主体, found at the speed of memchr: the pattern, which opens
    # with no one literal, would be tried at every character of the task.)
    m = _BEARER.search(work, s, e) if work.find("主体", s, e) >= 0 else None
    if m is None:
        return ()
    ws, we = m.span("a") if m.group("a") else m.span("b")
    names = parse_units(text[ws:we], work[ws:we])
    return tuple(
        n for n in names if looks_like_unit(working_text(n)) or _PLACE_BODY.fullmatch(working_text(n))
    )


def _later_units(text: str, work: str, s: int, e: int) -> tuple[tuple[str, ...], str]:
    """The units a later clause of a task opens with, as its subject (``later_subject`` with
    ``subject_and_verb``'s reading), when the task names no unit before: a task whose first clause
    says what is to be done or why, and a later one who does it: "…定期通报工作情况。区级路长办公室加强
    组织协调…" (浦东's road chiefs plan), "…形成合力，各街道落实主体责任…" (杨浦's internal roads plan),
    "…下达各街镇，…各街镇按照…拨付" (嘉定's river and pump maintenance rules). Only a unit of a level or a
    collective (``_later_subject_name``), and not before 是/为 (a description) nor 将 (also the object
    marker of "将X纳入…"). ((), "") when none."""
    openers = _later_subject_openers()

    def read(_: int, at: int) -> tuple[tuple[str, ...], str] | None:
        if work[at] not in openers:
            return None  # a clause opening with a verb or a noun of work ("加强…", "形成合力"): no subject
        found, verb = subject_and_verb(text, work, at, e)
        if (
            found
            and verb not in ("是", "为", "将")
            and all(_later_subject_name(working_text(n)) for n in found)
        ):
            return found, verb
        return None

    later = later_subject(work, s, e, read, openers)
    return later[1] if later is not None else ((), "")


@lru_cache(maxsize=1)
def _later_subject_openers() -> frozenset[str]:
    """The characters a later clause's subject may open with: the first of a level prefix (区, 市,
    自治区…) or of a collective (各, 有关…), 全/本 of 全区各街道 and 本市, 由 of 由X负责, and the openings
    of a lead-in ``subject_and_verb`` passes over (a year's digits, 在…下, 同时)."""
    words = unit_words()
    firsts = {p[0] for p in (*words.level_prefixes, *words.collective_prefixes)}
    return frozenset(firsts | set("全本由在同此其另0123456789"))


def _later_subject_name(w: str) -> bool:
    """A name a later clause may open with as its subject: a unit of a level (区X局, 镇人民政府) or a
    collective of places (各街镇, 各街道), never a kind of body alone (各有关部门), a society (全社会)
    nor a clause of work."""
    return (
        len(w) >= 3
        and bool(_level_prefix(w) or _is_collective(w))
        and not w.endswith("社会")
        and not is_generic_body(w)  # "…。各有关部门按职责分工负责": a closing line, no lead
        and not is_self_reference(w)
        and _SYSTEM.search(w) is None
    )


# A district, county or town named as a body ("静安区", "某某县").
_PLACE_BODY = re.compile(r"[一-鿿]{1,6}[区县镇市]")


# The verbs with which an item's first sentence gives its subject a duty.
_TITLE_DUTY = frozenset((*DUTY_MODALS, "要", *OWN_DUTY_VERBS))
# The verbs of units that only help another's work.
_HELPING = frozenset(HELP_VERBS)


# The verbs with which the units a clause opens with answer for its work themselves.
_OWN_DUTY = frozenset(OWN_DUTY_VERBS)
# Where the clauses ``subject_and_verb`` reads end: none of them (nor a lead-in it passes over)
# runs past a full stop, semicolon or colon.
_FIRST_PART_END = re.compile(r"[。;:]")
# A clause whose units only help another's work: "属地派出所和街镇负责协助…", "各街镇应配合做好…".
_COOPERATING = re.compile(r"[^,。;]{0,60}?" + HELP_DUTY + r"(?:积极)?(?:" + "|".join(HELP_VERBS) + ")")


def _others_cooperation(w: str, pos: int, known: dict[str, str], lead: tuple[str, ...]) -> bool:
    """The 会同 at ``pos`` joins units to another unit than the task's lead: "X会同Y" says who
    works with X, and when X (named just before it) is not a lead of the task, Y are not the
    task's co-units ("试点城市负责编制方案…,经生态环境部会同有关部门组织专家评审": the review is
    生态环境部's step, not the city's co-unit). General reading of 会同 (its subject is the unit
    that leads the joint work); of the corpora only state_council_office_zero_waste_city_pilot_2018
    (国务院办公厅) has a 会同 whose unit is not the task's lead."""
    before = w[max(0, pos - 30) : pos]
    names = [known[before[i:]] for i in range(len(before)) if before[i:] in known]  # names ending there
    return bool(names) and not any(n in lead for n in names)


def _doc_info(text: str, work: str, name: str) -> DocInfo:
    try:
        from .docinfo import doc_info
    except ImportError:  # being written
        return DocInfo()
    info: DocInfo = doc_info(text, work, name)
    return info


def _metrics(
    text: str, work: str, passages: list[Passage], info: DocInfo, tables: list[Grid]
) -> list[Metric]:
    try:
        from .metrics import find_metrics
    except ImportError:  # being written
        return []
    return list(find_metrics(text, work, passages, info, tables))


# A space a web crawl left where it ran the paragraphs of a page together on one line: before an
# item's numeral (一、 / 1.) or a label of its units (责任单位:), after the end of a clause or a
# word. Seen in 海盐县's division of its 2022 work report as crawled (一、王丹县长牵头重点工作 1.全县…
# 责任单位:县发改局… 2.落实…) and in crawled notices of other counties that keep a page's
# paragraphs apart by spaces only.
# matches: "缩小。 责任单位:", "重点工作 1.全县", "县财政局 二、曹" ; must not match: "2022年4月18日 (此件",
# "增长 1.5亿元" (no clause before: a figure)
# (The space first: the search runs at the speed of a literal; the character before is tested apart.)
_RUN_TOGETHER_BREAK = re.compile(
    r" (?=[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d)"
    r"|(?:" + UNIT_ROLE_LABEL + r"|完成时限"
    r"|牵头领导|责任领导|项目责任人|实际完成情况|进展情况)[:：])"
)
_CLAUSE_OR_WORD_END = re.compile(r"[。;；!！?？:：)）”%\u4e00-\u9fff]")
# How long a line must be, and how many such breaks it must hold, to be read as paragraphs run
# together (a heading line with a space before its numeral is not).
_RUN_TOGETHER_LINE = 200
_RUN_TOGETHER_BREAKS = 3


def _split_run_together(text: str, work: str) -> tuple[str, str]:
    """The text with each paragraph of a line run together by a crawl back on a line of its own
    (a space replaced by a line break: offsets are kept), when a long line holds several items."""
    by_line: dict[int, list[int]] = {}
    for m in _RUN_TOGETHER_BREAK.finditer(work):
        if m.start() == 0 or _CLAUSE_OR_WORD_END.match(work, m.start() - 1) is None:
            continue
        ls = work.rfind("\n", 0, m.start()) + 1
        by_line.setdefault(ls, []).append(m.start())
    cuts: list[int] = []
    for ls, at in by_line.items():
        le = work.find("\n", at[-1])
        if len(at) >= _RUN_TOGETHER_BREAKS and (le if le >= 0 else len(work)) - ls >= _RUN_TOGETHER_LINE:
            cuts.extend(at)
    if not cuts:
        return text, work
    t, w = list(text), list(work)
    for i in cuts:
        t[i] = w[i] = "\n"
    return "".join(t), "".join(w)


_ = ExtractionError
