"""The extraction pipeline: read -> normalise -> lay out -> tables and outline -> tasks, metrics."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from operator import attrgetter
from typing import Any

from .confidence import assess
from .layout import Grid, find_text_grids, lay_out
from .model import DocInfo, Extraction, ExtractionError, Metric, Paragraph, Passage, Source, Span, Task
from .normalise import working_text
from .outline import read_text_tasks
from .tables import read_task_table
from .units import (
    UnitRegistry,
    clean_unit_name,
    is_generic_body,
    is_self_reference,
    list_of_names,
    looks_like_unit,
    names_after,
    opening_subject,
    parse_roles,
    parse_units,
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
    work = working_text(text)

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
    text_read = read_text_tasks(text, work, prose, info.year, has_task_table=any(table_tasks.values()))
    passages.extend(text_read.passages)

    # Tasks in reading order: tables and running text interleave as the document has them.
    for _, ts in sorted(table_tasks.items()):
        tasks.extend(ts)
    tasks.extend(text_read.tasks)
    tasks.sort(key=attrgetter("span.start"))
    passages.sort(key=attrgetter("start"))
    if any("会同" in t.text for t in tasks):
        tasks = _named_cooperators(tasks, text, work)
    tasks = [_own_units(t, text, work) if not t.cells else t for t in tasks]

    metrics = _metrics(text, work, passages, info, other_tables)
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
                names = names_after(w, at, known) or _listed_after(text, work, s + at, e)
                co.extend(n for n in names if n not in t.lead_units and n not in co)
            pos = w.find("会同", at)
        out.append(replace(t, co_units=tuple(co)) if len(co) != len(t.co_units) else t)
    return out


def _listed_after(text: str, work: str, at: int, e: int) -> tuple[str, ...]:
    """The units a 会同 names that the document names nowhere else, read as a subject is read (a
    list of names each reading as a unit, then a verb): "由街镇会同停车经营服务企业对…予以公示",
    "会同机管局、房管局、南桥镇选择…" (Fengxian's parking measures; Jinshan's traffic facilities write
    会同 so). A collective (会同有关部门, 会同各行业主管部门) gives none: the document names no body."""
    names = subject_and_verb(text, work, at, e)[0]
    return tuple(
        n
        for n in names
        if not is_generic_body(n) and not working_text(n).startswith(("各", "有关", "相关", "其他"))
    )


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
        found = opening_subject(text, work, s, e)
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
        if found and helping:
            co, changed = list(found), True  # "由X配合建立…": X helps
        elif found:
            lead, changed = list(found), True
    elif co and ("负责" in work[s : s + 80] or "牵头" in work[s : s + 80]):
        found, verb = subject_and_verb(text, work, s, e)
        if found and {*lead, *co} <= set(found) and verb in _OWN_DUTY and not _COOPERATING.match(work, s, e):
            # "由X和Y、Z负责联合验收": the units a clause opens with answer for it together, none of
            # them named as the lead; read as partners of a joint work they are its lead units all.
            lead, co, changed = list(found), [], True
    elif lead and all(is_generic_body(n) and working_text(n) not in own for n in lead):
        found = opening_subject(text, work, s, e)
        if found:
            lead, changed = list(found), True
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
    if lead and ("协同" in own or "联合" in own):
        partners = _partners(text, work, s, e, lead, co)
        if partners:
            co, changed = co + list(partners), True
    if lead and any(w in own for w in ("负责", "配合", "协助", "参与", "落实", "实施")):
        later = _later_helpers(text, work, s, e, lead, co)
        if later:
            co, changed = co + list(later), True
    if not changed:
        return task
    lead = list(dict.fromkeys(lead))
    co = [u for u in dict.fromkeys(co) if u not in lead]
    return replace(task, lead_units=tuple(lead), co_units=tuple(co))


# "X尤其是Y", "X特别是Y": a list that stresses one of its units names both.
_STRESS = re.compile(r"尤其是|特别是")


def _stressed(names: tuple[str, ...]) -> tuple[str, ...]:
    """Names read whole from "责任单位尤其是各乡镇(街道)要积极配合" (广丰's notice), "各部门特别是
    区财政局要…" (district and county notices stress one body of a list so): both units."""
    # (_STRESS is two literal words: substring tests find what its search finds, without a call
    # of the engine for each name; most names hold neither.)
    if not any("尤其是" in n or "特别是" in n for n in names):
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


# A word every match of _HELPERS holds (its role words, each holding one of these).
_HELPER_WORDS = ("负责", "配合", "协助", "参与", "落实", "实施")


def _later_helpers(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """Units that a later clause of a task names as helping, or as answering each for their part
    beside the lead named before them ("区财政局统筹安排资金，各相关部门按职责分工负责。"; "由区民政局
    牵头…，区规划资源局、区建设管理委配合。"): co-units, as SCHEMA.md reads 分工负责 after a named
    lead. The clause must be the units and the role word and nothing more (it closes the
    sentence); units already read are left as they are."""
    out: list[str] = []
    pos = s
    while True:
        cut = work.find(",", pos, e)
        semi = work.find(";", pos, e)
        cut = min(x for x in (cut, semi, e) if x >= 0)
        if cut >= e:
            break
        # _HELPERS matches no stop (, ; 。 : brackets) and every way of it holds one of
        # _HELPER_WORDS: a clause up to the next , or ; that holds none of them is passed over
        # without a try of the pattern (most clauses of a task are its work, not its helpers).
        nxt = work.find(",", cut + 1, e)
        semi = work.find(";", cut + 1, e)
        upto = min(x for x in (nxt, semi, e) if x >= 0)
        clause = work[cut + 1 : upto]
        if not any(w in clause for w in _HELPER_WORDS):
            pos = cut + 1
            continue
        m = _HELPERS.match(work, cut + 1, e)
        if m is not None:
            ws, we = m.span("who") if m.group("who") else m.span("whom")
            names = parse_units(text[ws:we], work[ws:we])
            if names and all(_helper_name(working_text(n)) for n in names):
                out.extend(n for n in names if n not in lead and n not in co and n not in out)
        pos = cut + 1
    return tuple(out)


def _led_by_lead(text: str, work: str, s: int, e: int, lead: list[str], co: list[str]) -> tuple[str, ...]:
    """The units a lead is named to lead, right after its 牵头 and closed by a comma: "区更新办牵头区
    城市更新领导小组各成员单位，对标…" (Jiading's urban renewal duties), "区商务委牵头各街道、区市场
    监管局，开展…": co-units, as "X牵头各相关单位" reads (the outline reads a collective there)."""
    out: list[str] = []
    leads = [working_text(u) for u in lead]
    for word in ("牵头", "会同"):
        _led_after(text, work, s, e, word, leads, lead, co, out)
    return tuple(out)


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
        if not (at == s or work[at - 1] in ",;并" or any(before.endswith(u) for u in leads)):
            continue
        for n in _listed_after(text, work, m.end(), e):
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
    m = _BEARER.search(work, s, e)
    if m is None:
        return ()
    ws, we = m.span("a") if m.group("a") else m.span("b")
    names = parse_units(text[ws:we], work[ws:we])
    return tuple(
        n for n in names if looks_like_unit(working_text(n)) or _PLACE_BODY.fullmatch(working_text(n))
    )


# A district, county or town named as a body ("静安区", "某某县").
_PLACE_BODY = re.compile(r"[一-鿿]{1,6}[区县镇市]")


# The verbs with which an item's first sentence gives its subject a duty.
_TITLE_DUTY = frozenset(("应", "要", "须", "必须", "负责", "牵头"))
# The verbs of units that only help another's work.
_HELPING = frozenset(("配合", "协助", "协同", "参与"))


# The verbs with which the units a clause opens with answer for its work themselves.
_OWN_DUTY = frozenset(("负责", "牵头"))
# A clause whose units only help another's work: "属地派出所和街镇负责协助…", "各街镇应配合做好…".
_COOPERATING = re.compile(r"[^,。;]{0,60}?(?:负责|要|应|须)(?:积极)?(?:配合|协助|协同|参与)")


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


_ = ExtractionError
