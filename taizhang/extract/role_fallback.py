"""The units a task's own words name as the doers of its work, read when no reader of its layout
gave the task any unit (the last reading of ``pipeline._own_units``).

The layout readers find roles where a layout puts them: a responsibility parenthetical, a unit
column, a label line, a paragraph that opens with ``X负责``, the first clause of an item. Notices
of every level (a ministry's 通知 to the provinces, a pilot notice to its pilot areas, a county's
forwarding notice) more often name the doer in the prose of a work item, anywhere in it:
"…。各试点地区医保经办机构务必严格执行…", "定点医疗机构有异议的,可向X申诉,X应在10个工作日内予以答复",
"…;试点所需经费由各试点地区医保部门统筹解决", or in the heading the item sits under ("（一）各地要
加强组织领导" over items with no subject). This reading takes the subject of the work:

- ``X要/应当/应/须/必须/务必/负责/牵头…`` at the opening of a clause (after 。;, or :) makes X
  the lead (not ``X承担/统筹…``: verbs inside clauses of work too); ``X会同Y…`` leads with Y a
  co-unit (read by the co-unit readers after it);
- ``X配合/协助Y…`` makes Y the lead and X a co-unit (SCHEMA: 配合 marks co-units);
- ``由X负责/组织/实施/解决…`` in any sentence makes X the lead.

Refused, as a unit named as the object of another's act is no doer of the work: 向X报告/申请,
经X批准 (a clause opening with a preposition names no subject), 由X审核/审批/批准/备案/认定 (a step
of another's procedure), 对X负责 (X is whom the subject answers to: the name would hold 对), a
name that holds 的 (a conditional clause ``…的,``, a relative clause ``获得…的企业``), and every name that is not a unit or a collective of units or places
in ``units.list_of_names``'s grammar (a person, a thing, a clause of work). Precision matters more
than recall: no lead leaves the reviewer a doubt flag, a wrong lead misleads.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .normalise import working_text
from .units import (
    AGENT_BY,
    DUTY_MODALS,
    NOT_SUBJECT,
    OWN_DUTY_VERBS,
    is_self_reference,
    list_of_names,
    looks_like_unit,
    parse_units,
    subject_and_verb,
)

__all__ = ["fallback_roles", "requested_units"]

# The verbs of help that make the units named after them the lead (X配合Y做好…: Y leads, X helps).
_HELPING_ANOTHER = ("配合", "协助")
# What may not follow each verb of _DUTY_AFTER for it to be one: "要求" (a noun or the issuer's verb),
# "要点", "应急", "应用", "应收", "须知", "负责人", "负责制", the role nouns "牵头单位", "配合部门".
_NOT_AFTER = {"要": "求点素件", "应": "急用对收", "须": "知", "需": "求", "负责": "人制同"}
_NOT_AFTER.update(dict.fromkeys(("牵头", *_HELPING_ANOTHER), "单部"))
# A verb of the subject's own duty, right after the names that open a clause (要, a modal verb of duty
# of units.DUTY_MODALS, 务必, a verb of its own charge of units.OWN_DUTY_VERBS, 会同, a verb of help
# before the unit helped; not 统筹 nor 承担, also verbs inside a clause of work: "提升城乡统筹能级").
# matches: "要", "应当", "应", "须", "必须", "务必", "负责", "牵头", "会同", "配合", "协助"
# must not match: "要求", "要点", "应急", "应用", "负责人", "负责制", the role nouns "牵头单位", "配合部门"
# ("每项工作均列出牵头单位、配合单位": no one's duty)
# 需 (需要) is a modal of duty too ("试点地区需于6月底前制定…"), not in 所需 (what is needed), 需求.
_DUTY_VERBS = ("要", *DUTY_MODALS, "需", "务必", *OWN_DUTY_VERBS, "会同", *_HELPING_ANOTHER)
_DUTY_ADVERBS = ("均", "都", "也", "还", "依法", "切实", "及时", "要切实")
# (a match opens at most this far before where its verb begins)
_ADVERB_SPAN = max(len(w) for w in _DUTY_ADVERBS)
_DUTY_AFTER = re.compile(
    "(?:"
    + "|".join(_DUTY_ADVERBS)
    + ")?(?:"
    + "|".join(
        ("(?<!所)" if w == "需" else "") + (f"{w}(?![{_NOT_AFTER[w]}])" if w in _NOT_AFTER else w)
        for w in _DUTY_VERBS
    )
    + ")"
)
# Where a clause opens: after a full stop, a semicolon, a comma or a colon.
_CLAUSE_START = re.compile(r"[。;,:!?\n]\s*")
# What a clause's opening may carry before its subject and is no part of it: the request word
# ("请各乡镇…"), the agent marker ("由X负责"), a filler ("同时,", "另外").
_OPENING_WORDS = ("请", "由", "并由", "另由", "同时", "此外", "另外")
_OPENING = re.compile(r"\s*(?:" + "|".join(_OPENING_WORDS) + r")?\s*")
# The first characters of those words: a clause opening with none of them (and, as every clause
# after the first does, with no white space) opens with its subject.
_OPENING_FIRSTS = frozenset(w[0] for w in _OPENING_WORDS)
# What a list of names never holds: punctuation of clauses and quotations, a verb of work.
# (对X负责: X is whom the subject answers to; 向X, 经X, 在X: a preposition's object)
_NOT_A_LIST = re.compile(
    r"[,。;:“”《》]|对(?![口外])|向|经(?![办营济费理验常])|(?<!所)在(?!地)|(?<!参)与|(?<![理自缘])由|根据|依据|依照|通过|要|应|须|负责|做好|开展|推进|落实|加强|建立"
    r"|组织|制定|实施|完成|提供"
)
# A subject of several parties: a list ("X和Y", "X、Y", "X及Y") or the parties together ("合作各方").
_PARTIES = re.compile(r"[、和及]|[各双多]方$")
# The verbs after 由X that make X a step of another's procedure, not the doer of the work:
# "方案由市发展改革委审核后报市政府", "经费由X审定".
_REVIEW = re.compile(r"审核|审批|批准|备案|认定|审定|核准|审查|确认|同意|核实")
# 由 as the agent marker, not 理由, 由于, 由此, 经由, 自由, 缘由 (units.AGENT_BY: "…的管理由X负责" is one).
_BY = re.compile(AGENT_BY)
# The verb after 由X: what X does (the doer's own verb, as the grammar's ``subject_and_verb`` reads it).
_BY_VERBS = frozenset(
    (
        "负责",
        "牵头",
        "组织",
        "统筹",
        "实施",
        "承担",
        "落实",
        "制定",
        "编制",
        "开展",
        "推进",
        "指导",
        "提供",
        "完成",
        "做好",
    )
)
# Tiers of government counted ("区、镇两级财政", "县、乡、村三级"): levels named, no unit.
_TIERS = re.compile(r"[两三四五]级")
# The units helped after 配合/协助, before the work: "配合县级卫生健康部门做好…".
_HELPED_END = re.compile(r"做好|开展|推进|落实|完成|实施|建立|制定|编制|加强|推动|抓好|进行|组织")
# The number a heading opens with: "(一)", "一、", "3.".
_HEADING_NUMBER = re.compile(
    r"\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])\s*"
)
# A heading that names whose work the items under it are: "(二)试点地区工作任务", "各区主要职责", "市级部门的
# 任务" (the items under it name no subject of their own; the heading's is theirs). The words before the task
# word must be places named by their role or collectives (``_named_by_form``): "(三)重点任务", "产业发展任务"
# name none, nor do the headings over blocks of units' duties that name a kind ("部门职责", "路长办公室主要
# 职责": each block's label names its unit).
_CHARGE_HEADING = re.compile(
    r"(?P<who>[^,。;:、的]{2,16}?)的?(?:主要|重点)?(?:工作)?(?:任务|职责)(?:分工|清单)?\s*"
)
# How far after a clause's opening its subject's duty verb may come.
_SUBJECT_SPAN = 40


def _duty_positions(work: str, s: int, e: int) -> list[int]:
    """Where a verb of ``_DUTY_AFTER`` begins in ``work[s:e]`` (any of them, whatever follows), in
    order: a span where none begins holds no match of it (the verb is no optional part of the
    pattern). (str.find, not a pattern: a pattern's scan of Chinese text costs some ten times more.)"""
    out: list[int] = []
    for w in _DUTY_VERBS:
        i = work.find(w, s, e)
        while i >= 0:
            out.append(i)
            i = work.find(w, i + 1, e)
    return sorted(set(out))


def _clause_starts(work: str, s: int, e: int) -> list[int]:
    starts = [s]
    starts.extend(m.end() for m in _CLAUSE_START.finditer(work, s, e) if m.end() < e)
    return starts


def _clause_end(work: str, c: int, e: int) -> int:
    m = _CLAUSE_START.search(work, c, e)
    return m.start() if m is not None else e


def _names(text: str, work: str, a: int, b: int) -> tuple[str, ...]:
    """The names of ``work[a:b]`` when it is a list of units and nothing more, none the issuing
    place speaking of itself."""
    while a < b and work[a] in " \t\u3000":
        a += 1
    while b > a and work[b - 1] in " \t\u3000":
        b -= 1
    if b - a < 2 or "的" in work[a:b] or _TIERS.search(work, a, b):
        return ()  # a condition or a relative clause ("获得开发权的企业"), tiers of levels
    names = list_of_names(text[a:b], work[a:b])
    if not names and b - a <= 20 and not _NOT_A_LIST.search(work, a, b):
        # names the grammar's list reading does not take as units ("各省份", "医保经办机构"): the
        # parts of the list, each a doer by this reading's forms
        names = tuple(parse_units(text[a:b], work[a:b]))
        if not all(_named_by_form(working_text(n)) for n in names):
            names = _joined_by_form(text, work, a, b)
            if not names:
                return ()
    if not names or not all(_doer(working_text(n)) for n in names):
        return ()
    return names


# A collective of bodies or places named by its head and its kind: "各省份", "各市州", "有关省份",
# "各高校", "各派出机构", "各中央企业" (notices of ministries and provinces address their lower
# bodies so). must not match: "各类企业", "各项工作", "有关工作", "相关要求" (kinds of things, no body).
_COLLECTIVE = re.compile(
    r"(?:各有关|各相关|各|有关|相关)(?![类项种个])[\u4e00-\u9fff（）()]{0,8}?"
    r"(?:地|地区|省|省份|市|州|市州|县|区|区县|县区|乡|镇|乡镇|街道|街镇|村|社区|单位|部门|机构|学校|高校|医院"
    r"|企业|中心|委|局|办|厅|院|所|站|队|园区|开发区|协会|城市)(?:（[^（）]{1,8}）|\([^()]{1,8}\))?"
)
# Places named by the role a national or provincial notice gives them, as it addresses the lower
# levels that carry out a pilot or a demonstration ("试点省份应建立…", "试点城市负责编制…", "示范县要…",
# "试点省(区、市)要…"): the places so named, each answering for the work (SCHEMA: a subject that names
# the doer is the task's unit). A zone (试点区, 示范区) is an area, not named so.
# matches: "试点省份", "试点城市", "试点省(区、市)", "示范市县" ; must not match: "试点区", "试点工作", "城市"
_ROLE_PLACE = re.compile(
    r"(?:试点|示范|先行先试)(?:省份|省区市|省\(区、市\)|省|城市|地市|市县|县市|市|地区|县区|区县|县)"
)
# An agency named by its function and 机构: "医保经办机构", "国家能源局派出机构", "区绩效考评机构".
_AGENCY = re.compile(r"[\u4e00-\u9fff]{2,12}机构")


# What joins two names in a subject: "试点省份和试点城市", "示范县及示范乡镇", "试点省、试点城市".
_JOINER = re.compile(r"以及|和|及|与|、")


def _joined_by_form(text: str, work: str, a: int, b: int) -> tuple[str, ...]:
    """The names of ``work[a:b]`` cut at each joining word when every part is a name of this
    reading's forms (``_named_by_form``: "试点省份和试点城市要…" names both places), else ()."""
    names: list[str] = []
    at = a
    for m in _JOINER.finditer(work, a, b):
        names.append(text[at : m.start()])
        at = m.end()
    if at == a:
        return ()
    names.append(text[at:b])
    if not all(_named_by_form(working_text(n)) for n in names):
        return ()
    return tuple(names)


def _named_by_form(w: str) -> bool:
    """A name the grammar's list reading leaves out that this reading takes: a collective of bodies
    or places (``_COLLECTIVE``) or an agency (``_AGENCY``), never one that opens with a verb of work
    ("支持专业机构…"). A person ("各级领导干部", "主要负责同志") is none: both forms end in a body's or a
    place's word, which no word for a person ends in."""
    if NOT_SUBJECT.match(w) is not None:
        return False
    return (
        _COLLECTIVE.fullmatch(w) is not None
        or _AGENCY.fullmatch(w) is not None
        or _ROLE_PLACE.fullmatch(w) is not None
    )


def _doer(w: str) -> bool:
    """A name of the grammar's list reading this reading takes as a doer: not the issuing place
    speaking of itself, nor a party named by its trade alone ("企业": "厚植企业…" is a clause of work)."""
    if is_self_reference(w):
        return False
    return looks_like_unit(w) or _named_by_form(w)


def _subject_roles(text: str, work: str, s: int, e: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(lead, co) of the first clause of ``work[s:e]`` that opens with units and their duty verb."""
    # Where a duty verb may be: a clause whose window (below) holds none is passed over, most often
    # without a look at its opening (most clauses of most tasks).
    duties = _duty_positions(work, s, e)
    if not duties:
        return None  # no verb of duty anywhere in the span: no clause opens with its subject's
    n = len(duties)
    j = 0
    # (a clause opening after the last of them has no window holding one: not sought)
    for c in _clause_starts(work, s, min(e, duties[-1])):
        while j < n and duties[j] < c + 2:
            j += 1
        if j == n:
            break  # none after this clause's opening: none in its window nor in a later one's
        if duties[j] >= c + _SUBJECT_SPAN and c != s and work[c] not in _OPENING_FIRSTS:
            continue  # the clause opens at c (after a separator and its white space): none in reach
        m = _OPENING.match(work, c, e)
        a = m.end() if m is not None else c
        k = bisect_left(duties, a + 2, j)
        if k == n or duties[k] >= min(e, a + _SUBJECT_SPAN):
            continue  # none where this clause's subject's duty verb could come (the window below)
        end = _clause_end(work, a, e)
        # (no match opens before the adverbs that may stand before the first verb of the window)
        first = max(a + 2, duties[k] - _ADVERB_SPAN)
        for d in _DUTY_AFTER.finditer(work, first, min(end, a + _SUBJECT_SPAN)):
            names = _names(text, work, a, d.start())
            if not names:
                if c == s and _PARTIES.search(work, a, d.start()):
                    # the task opens with parties this grammar cannot name ("国家融资担保基金和省级
                    # 担保基金要…", "银担合作各方要…"): the work is theirs, no later subject is read
                    return None
                continue
            verb = d.group()
            if verb.endswith(_HELPING_ANOTHER):
                if end - d.end() < 2:
                    return None  # "X配合,Y参与的机制": members of a mechanism, no work of X's
                helped = _helped(text, work, d.end(), end)
                return (helped, names) if helped else ((), names)
            return names, ()
    return None


def _helped(text: str, work: str, at: int, end: int) -> tuple[str, ...]:
    """The units named after 配合/协助 at ``at``, before the work they are helped with."""
    m = _HELPED_END.search(work, at, end)
    if m is None:
        return ()
    return _names(text, work, at, m.start())


def _by_roles(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units a sentence names after 由 as the doers of its work (``由X负责…``, ``…由X统筹解决``),
    read by the grammar's ``subject_and_verb``; not those of a step of another's procedure
    (``由X审核``: the verb is no doer's verb). A task that parts its work among several bodies with
    several 由 ("资金由区、镇两级财政承担…,街道由区级财政承担…,全额由各镇承担") has no one doer: none."""
    doers: list[tuple[str, ...]] = []
    for m in _BY.finditer(work, s, e):
        end = _clause_end(work, m.end(), e)
        if not any(v in work[m.end() : end] for v in _BY_VERBS):
            continue  # "由…组成", "由X审核": no doer's verb after 由
        found, verb = subject_and_verb(text, work, m.start(), end)
        at = work.find(verb, m.end(), end) if verb in _BY_VERBS else -1
        if not found or at < 0 or _REVIEW.search(work, m.end(), end) or not _names(text, work, m.end(), at):
            return ()  # an agent that is levels, a reviewer or no unit: no one doer is named
        doers.append(found)
    return doers[0] if len(set(doers)) == 1 else ()


# Bodies named as the bearers of a responsibility to be carried out: "落实县区政府和职能部门主体责任",
# "压实各街镇属地责任", "落实区住建局的监管责任" (plans hold bodies to their duties so, with no verb of
# their own). The names end before the kind of responsibility (主体, 属地, 监管, 主管, 领导, 管理) or 的.
# must not match: "落实企业主体责任" (a party: no unit, refused by ``_names``), "落实安全生产责任制" (a
# system, no bearer named).
_BEARER = re.compile(
    r"(?:落实|压实|压紧|夯实|压紧压实)(?P<who>[^,。;:、“”]{2,24}?)的?"
    r"(?:主体|属地|监管|主管|领导|管理|直接|第一)?责任(?!制)"
)


# A body named as the responsible subject of the work at the opening of a task: "各县区政府是辖区…工作的
# 责任主体,要…" (plans charge the governments of places so); the names end before 是 (or 为). Not when the
# next clause gives the duty to another by 由 ("区政府是…责任主体,由分管副区长牵头…": test_outline's).
# matches: "各县区政府是辖区内道路整治工作的责任主体", "区住建局为物业管理的责任主体" ; must not match: "企业是安全
# 生产的责任主体" (a party: no unit, refused by ``_names``), "落实属地责任主体" (no 是)
_RESPONSIBLE_BODY = re.compile(
    r"\s*(?P<who>[^,。;:“”是为]{2,24}?)(?:是|为)(?:[^。;,]{0,60}?的)?(?:第一)?责任主体(?![,;]\s*由)"
)


def _bearer_roles(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The units the ``_BEARER`` of the first sentence of ``work[s:e]`` names as bearers of a
    responsibility, when every name it holds is a body of government (``_names``; not a unit of any
    kind named by 单位, "落实文物管理单位主体责任": the keepers of the sites, a party), else (). A bearer
    named in a later sentence is a duty among others of the task, no doer of its work."""
    first = _FIRST_SENTENCE_END.search(work, s, e)
    stop = first.start() if first is not None else e
    m = _BEARER.search(work, s, stop) if "责任" in work[s:stop] else None
    if m is None and "责任主体" in work[s:stop]:
        m = next(
            (b for c in _clause_starts(work, s, stop) if (b := _RESPONSIBLE_BODY.match(work, c, stop))), None
        )
    if m is None:
        return ()
    names = _names(text, work, *m.span("who"))
    if any(
        working_text(n).endswith("单位") and not working_text(n).startswith(("各", "有关", "相关"))
        for n in names
    ):
        return ()
    return names


_FIRST_SENTENCE_END = re.compile(r"[。;!?\n]")


def fallback_roles(
    text: str, work: str, s: int, e: int, headings: tuple[str | None, ...] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lead, co) that the words of a task ``work[s:e]`` (then the headings it sits under, nearest
    first) name as the doers of its work, ((), ()) when they name none (see the module's
    docstring for the forms read and refused)."""
    found = _subject_roles(text, work, s, e)
    if found is not None:
        return _governments_named(text, work, found[0]), found[1]
    by = _by_roles(text, work, s, e)
    if by:
        return by, ()
    bearers = _bearer_roles(text, work, s, e)
    if bearers:
        return bearers, ()
    for heading in headings:
        if not heading:
            continue
        hw = working_text(heading)
        m = _HEADING_NUMBER.match(hw)
        at = m.end() if m is not None else 0
        found = _subject_roles(heading, hw, at, len(hw))
        if found is not None and found[0]:
            return found[0], ()
        charged = _CHARGE_HEADING.fullmatch(hw, at)
        if charged is not None:
            names = _names(heading, hw, *charged.span("who"))
            if names and all(_named_by_form(working_text(n)) for n in names):
                return names, ()
    return (), ()


def _governments_named(text: str, work: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` with each place named by its role (``_ROLE_PLACE``: 试点城市) given as its government
    where the document names that government so (试点城市政府, 试点城市人民政府: "试点城市政府是…责任
    主体"), as a place's duty is its government's and the document says which body answers for it."""
    out = []
    for n in names:
        w = working_text(n)
        if _ROLE_PLACE.fullmatch(w) is not None:
            for body in ("人民政府", "政府"):
                at = work.find(w + body)
                if at >= 0:
                    n = text[at : at + len(w) + len(body)]
                    break
        out.append(n)
    return tuple(out)


# The work a request asks of the units it names: "请各乡镇、各有关单位务必按照要求…", "请各省级文化和
# 旅游行政部门统筹推动…" (the verb or adverb the names end before).
_REQUESTED_WORK = re.compile(
    r"务必|统筹|切实|认真|抓紧|尽快|及时|按照|根据|结合|于\d|在|对|将|进一步|加强|做好|落实|组织|开展|高度|严格|立即|全面"
)
# The short forms a letter's salutation names its addressees by ("(以下统称各地)"; "你厅(局)", "贵单位"
# are the addressee spoken to): a request to them names no other unit.
_ALIASES = frozenset(("各地", "各地区", "各单位", "各部门", "各有关单位"))


def requested_units(text: str, work: str, at: int, e: int) -> tuple[str, ...]:
    """The units a request at ``work[at]`` (请) names as those asked to do its work, when they are
    named by kind rather than by the short form of the addressees ("请各乡镇、各有关单位务必…" names
    各乡镇 and 各有关单位; "请各地…" names the addressees, ()): a notice's request names who does its
    work in its own words, which outrank the salutation (SCHEMA: a lead named in the task's own
    words outranks)."""
    if not work.startswith("请", at):
        return ()
    m = _REQUESTED_WORK.search(work, at + 3, min(e, at + _SUBJECT_SPAN))
    if m is None:
        return ()
    names = _names(text, work, at + 1, m.start())
    works = [working_text(n) for n in names]
    if not works or all(w in _ALIASES for w in works) or any(w.startswith(("你", "贵")) for w in works):
        return ()
    return names
