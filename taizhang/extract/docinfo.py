"""What a document says of itself: its title, its own year, the period it plans for and its kind.

``doc_info(text, work, name)`` reads the working text (simplified, half-width, the same length as
``text``) and slices the title from ``text``. The year is the document's own: a date line
(``发布时间:2022/02/24``, ``2022-06-21``, ``二〇二二年六月`` at the end), else the title, else (for a
work report) the year it plans for, else the year of its own number, else a year in the file name; never a year that only appears in
a cited document number (``国发〔2019〕11号``). On a crawled page, the date of the page's furniture
(``编辑: … 2019-03-14``, ``来源: … 发布时间: …``) gives way to the document's own (its date of issue under
the issuer's name, its number, the date a regulation was adopted, a plan's or a list's title or caption).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import LexiconError, load_data
from .model import DocInfo
from .normalise import working_text
from .numbers import chinese_year, parse_count
from .periods import FISCAL_YEAR

__all__ = [
    "as_its_figures_are_dated",
    "doc_info",
    "five_year_period",
    "numbered_plan_period",
    "reviews_part_of_its_year",
    "plan_year",
    "reviewed_year",
    "written_for",
    "years_reviewed",
    "DocWords",
    "doc_words",
]

_KINDS = ("table", "work_report", "report", "measures", "plan", "news")


@dataclass(frozen=True)
class DocWords:
    """Words by which a document names its kind, and lines that are never its title."""

    kinds: dict[str, tuple[str, ...]]
    not_title: tuple[str, ...]
    news_title_verbs: tuple[str, ...]
    speech_openers: tuple[str, ...]
    citing_words: tuple[str, ...]
    announcing_words: tuple[str, ...]


def _word_list(data: dict[str, object], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"data/{name}: '{key}' must be a non-empty list of non-empty strings")
    return tuple(sorted({working_text(w) for w in value}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def doc_words() -> DocWords:
    """The word lists of ``data/doc_kinds.json``, validated (LexiconError names the bad key)."""
    name = "doc_kinds.json"
    data = load_data(name)
    return DocWords(
        kinds={k: _word_list(data, k, name) for k in _KINDS},
        not_title=_word_list(data, "not_title", name),
        news_title_verbs=_word_list(data, "news_title_verbs", name),
        speech_openers=_word_list(data, "speech_openers", name),
        citing_words=_word_list(data, "citing_words", name),
        announcing_words=_word_list(data, "announcing_words", name),
    )


# The year of a document number in its brackets. matches: "〔2019〕", "[2021]", "【 2023 】" ;
# must not match: "(2022-2025年)"
_NUMBER_YEAR = r"[〔\[【][ \t]*(?P<y>(?:19|20)\d{2})[ \t]*[〕\]】]"
# A cited document number, whose year is not the document's own (the document's own is _OWN_NUMBER).
# matches: "国发〔2019〕11号", "[2021]3号" ; must not match: "(2022-2025年)"
_DOC_NUMBER = re.compile(_NUMBER_YEAR + r"[ \t]*\d*[ \t]*号?")
# A date line: a label, then year-month(-day) with - / . or 年月.
# matches: "发布时间:2022/02/24", "时间:2022-06-21 16:38", "日期:2023年5月" ; must not match: "2022-2025年"
_DATE_LINE = re.compile(
    r"(?:发布|发文|成文|印发|更新)?(?:时间|日期)\s*[::]\s*(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?P<m>\d{1,2}))"
)
# A bare date: year, month and day, as a signature or a dateline writes it.
# matches: "2022年6月21日", "2022-06-21" ; must not match: "2022-2025", "2025年"
_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2}(?!\d))"
)
# A date in Chinese numerals, as the end of an official document writes it.
# matches: "二〇二二年六月", "二〇二二年六月二十一日" ; must not match: "二十年" (no year of four digits)
_CHINESE_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月")
# A line that is a date and nothing else (a signature, a date of issue under the issuer's name), in
# Arabic or Chinese numerals, indented with spaces or with the question marks a lost encoding leaves
# (the working text has made full-width spaces half-width); read whole (fullmatch) on one line.
# matches: "2025年7月15日", "  二〇一九年三月十五日", "??2023年12月30日", "2019-02-18" ; must not match:
# "2025年7月15日,区政府召开…", "2023年12月30日前完成"
_DATE_ALONE = re.compile(
    r"[ \t?]*(?:(?P<a>(?:19|20)\d{2})[ \t]*(?:年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日|-\d{1,2}-\d{1,2})"
    r"|(?P<c>[〇零一二三四五六七八九]{4})年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[ \t]*"
)
# The 日 that ends a line (after spaces), as it ends a date alone on its line. A line holds one at the
# most: only spaces may stand between it and the line's end.
_DAY_AT_LINE_END = re.compile(r"日(?=[ \t]*(?:\n|\Z))")


# The running head of a record's pages, kept in a text pulled out of a PDF: a short line that is a
# date after a few words (立法會會議過程正式紀錄: "立法會 ─ 2013年 4月 24日" atop every page; the
# proceedings of a people's congress: "某市人民代表大会常务委员会公报 2020年3月5日"). It is the day
# the speeches were given, where a date met first in the opening lines may be one the speaker cites
# (於2012年5月31日推出). matches: "立法會  ─  2013年 4月 24日  " ; must not match: "2013年4月24日,
# 市政府召开…" (the date opens a sentence), "2024年12月31日" (a deadline cell alone on its line: no
# words before it), a line of more than 16 words before its date
_RUNNING_HEAD = re.compile(
    r"[ \t]*[^\s\d。,;:!?][^\n\d。,;:!?]{1,15}?(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*(?=\n|\Z)"
)


def _running_head_year(work: str) -> int | None:
    """The year of a date line said again and again (a running head: three times or more, the
    same words), or None."""
    seen: dict[str, int] = {}
    for hit in _DAY_AT_LINE_END.finditer(work):  # (one a line at the most: see _DAY_AT_LINE_END)
        nl = work.rfind("\n", 0, hit.start())
        m = _RUNNING_HEAD.match(work, nl + 1)
        if m is None:
            continue
        line = "".join(m.group().split())
        seen[line] = seen.get(line, 0) + 1
        if seen[line] >= 3:
            return int(m["y"])
    return None


def _date_only_line(work: str) -> re.Match[str] | None:
    """The first line after the first that is a date alone (``_DATE_ALONE``), tried only on the
    lines that end with 日 (a search led by one character, not a match tried at every line)."""
    for hit in _DAY_AT_LINE_END.finditer(work):
        nl = work.rfind("\n", 0, hit.start())
        if nl < 0:
            continue  # the first line is no signature
        end = work.find("\n", hit.end())
        m = _DATE_ALONE.fullmatch(work, nl + 1, len(work) if end < 0 else end)
        if m is not None:
            return m
    return None


# The digits of a year with no digit before it, asked after its first digit, looking back past it:
# the engine skips to the next 1 or 2, where a pattern that opens with the look back is tried at
# every character (a plan's whole text is searched for its years and periods).
_YEAR_DIGITS = r"(?:1(?<!\d.)9|2(?<!\d.)0)\d{2}"
# A period of years.
# matches: "2022-2025年", "2021—2025年", "2023至2025年" ; must not match: "2022-06-21", "12022-2025年"
_PERIOD = re.compile(rf"(?P<a>{_YEAR_DIGITS})\s*(?:年\s*)?[-—–~至到]\s*(?P<b>(?:19|20)\d{{2}})\s*年")
# A plan's years counted from a year near its top: "2012年起5年内,大力实施…" (广州's talent plan of
# 2012), "自2023年起三年内": the period runs to that year + N, as SCHEMA reads N年内 (the document's
# year + N). must not match: "2023年起持续推进" (no span), "用三年时间" (no year to count from)
_PERIOD_FROM = re.compile(
    rf"(?P<a>{_YEAR_DIGITS})\s*年(?:起|开始)\s*[,]?\s*(?P<n>[1-9]|十|[一二三四五六七八九两])\s*年内"
)
# A five-year plan named by its number.
# matches: "十四五", "“十三五”", "第十四个五年规划" ; must not match: "十五" (the bare number)
_FIVE_YEAR = re.compile(r"十(?P<n>[一二三四五六七八九])(?:五|个五年)")
# A year in running text or a title.
# matches: "2024年", "2024 年" ; must not match: "12024年" (a longer number)
_YEAR = re.compile(rf"(?P<y>{_YEAR_DIGITS})\s*年")
# A year in a file name.
# matches: "plan_2023.txt", "2023年报告.docx" ; must not match: "file20231.txt"
_NAME_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)")
# A heading-like line ends in no sentence punctuation.
# matches: "罗湖区产业发展“十四五”规划" ; must not match: "制定如下措施。"
_SENTENCE_END = re.compile(r"[。,;:、]\s*$")
# The 《…》 title cited first.
# matches: "《罗湖区优化营商环境若干措施》" ; must not match: "“三力三区”"
_BOOK_TITLE = re.compile(r"《(?P<t>[^《》\n]{4,80})》")
# A dateline: the date and place of a speech or a meeting, not a title.
# matches: "2019年1月29日保定市某区人民代表大会会议", "——2025年1月19日在…会议上" ; must not match:
# "2025年某区政府工作报告"
_DATELINE = re.compile(r"^[—\-\s]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# A parenthetical after a title: (以下简称《行动纲要》), (国发〔2019〕11号).
# matches: "(以下简称《纲要》)" ; must not match: "正式印发"
_PARENTHESES = re.compile(r"\s*\([^()\n]{0,30}\)\s*")
# The label of a title in a page's front matter or index table.
# matches: "标题: ", "标 题:" ; must not match: "标题新闻" (no colon)
_TITLE_LABEL = re.compile(r"[ \t]*标[ \t]*题[ \t]*:[ \t]*")
# Numbering that opens a body line (not a title).
# matches: "一、", "(一)", "1." ; must not match: "罗湖区"
# A numbered line, or one opened by a bullet: the figures a news page boxes above its article
# (四川日报's page on the 2021 half-year of the province's 高新区, tune: ●营业收入13977.46亿元:…; 人民日报's
# ■ summaries) are not its title.
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|[●■◆▲]|第[一二三四五六七八九十]+(?:部分|章|篇)[:：\s])"
)


def five_year_period(n: int) -> tuple[int, int]:
    """The years of the n-th five-year plan (十四五 is n=14: 2021-2025), from the sixth on."""
    start = 1956 + 5 * (n - 1)
    return start, start + 4


def numbered_plan_period(digit: str) -> tuple[int, int]:
    """The years of the five-year plan named 十``digit``五 (``digit`` one of 一…九: 十四五 is 2021-2025)."""
    return five_year_period(11 + "一二三四五六七八九".index(digit))


def five_year_plan_end(text: str) -> int | None:
    """The last year of the five-year plan that ``text`` names (“十五五”时期主要目标任务: 2030),
    or None when it names none."""
    f = _FIVE_YEAR.search(text)
    return numbered_plan_period(f["n"])[1] if f else None


def _lines(work: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first ``limit`` non-blank lines, and whether a blank line follows."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(work)
    while pos < n and len(out) < limit:
        end = work.find("\n", pos)
        if end < 0:
            end = n
        if work[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _is_cell_row(line: str) -> bool:
    """A row of a table as a crawl writes it, cells closed by pipes: the page's metadata at the
    top of a government information-disclosure page ("索引号 | 000330185/2022-86781 | 公开方式 |
    主动公开 |", as 临安区 and 亳州 谯城区 pages give it) or a table's heading row, not the title."""
    return line.count("|") >= 2


# The caption of a table that a copy flattened into running text, run on before its heading row on
# the line ("附件 某县2031年治理方案职责清单 工作任务和内容 责任单位 …"): the name of a list, a table or a
# plan, then a space. It titles the text when no line above does. matches: "附件 某县2031年治理方案职责清单 工作
# 任务…" (the caption "某县2031年治理方案职责清单") ; must not match: "一、主要任务 …" (numbered), "负责全县…
# 工作, 利用电台…" (a clause)
_RUN_ON_CAPTION = re.compile(
    r"[ \t]*(?:附件[ \t]*\d{0,2}[ \t:]*)?(?P<c>[^\s,。;:、()]{4,50}?(?:清单|一览表|分解表|任务表|方案|计划|要点))[ \t]+(?=\S)"
)


def _is_furniture(line: str) -> bool:
    """Whether a line is a crawled page's dated furniture (see _FURNITURE), never a title."""
    return _FURNITURE.search(line) is not None and _PAGE_DATE.search(line) is not None


def _title(text: str, work: str) -> tuple[int, int] | None:
    """Offsets of the title: the first heading-like line near the top (joined with a wrapped
    second line), else the first 《…》 title."""
    words = doc_words()
    lines = _lines(work, 12)
    for i, (s, e) in enumerate(lines):
        line = work[s:e].strip()
        caption = _RUN_ON_CAPTION.match(work, s, e) if len(line) > 60 else None
        if caption is not None and not any(w in caption["c"] for w in words.not_title):
            return caption.start("c"), caption.end("c")
        if (
            any(w in line for w in words.not_title)
            or ">" in line
            or _is_cell_row(line)
            or _is_furniture(line)
        ):
            continue
        if len(line) > 60 or _SENTENCE_END.search(line) or _NUMBERED.match(line):
            if len(line) > 60:
                break
            continue
        if len(line) < 4 or _DATELINE.match(line):
            continue
        start = s + (len(work[s:e]) - len(work[s:e].lstrip(" \t#")))  # a markdown heading's # too
        label = _TITLE_LABEL.match(work, start, e)
        if label:
            start = label.end()  # a front matter's "标题: …"
        end = s + len(work[s:e].rstrip())
        # A title wrapped over two lines: the next line follows at once and is short.
        if i + 1 < len(lines):
            ns, ne = lines[i + 1]
            nxt = work[ns:ne].strip()
            if (
                ns == e + 1
                and 2 <= len(nxt) <= 30
                and not _SENTENCE_END.search(nxt)
                and not _NUMBERED.match(nxt)
                and not any(w in nxt for w in words.not_title)
                and _kind_of(line + nxt, title_only=True) != "other"
                and _kind_of(line, title_only=True) == "other"
            ):
                end = ns + len(work[ns:ne].rstrip())
        return start, end
    for m in _BOOK_TITLE.finditer(work, 0, min(len(work), 800)):
        if _announced(work, m):
            return m.start("t"), m.end("t")
    return None


# Work urged on a text yet to be issued, before its 《…》 title (a measure of the document: 加快印发
# 《…实施方案(2023-2025年)》, 抓紧制定并出台《…》): another text, cited, whose period is not the
# document's own. matches: "加快印发", "抓紧制定并出台", "尽快发布" ; must not match: "关于印发", "现印发"
_URGED_TO_ISSUE = re.compile(
    r"(?:加快|抓紧|尽快|适时|及时|研究|推动|力争|争取)(?:制定|起草|编制|修订)?并?(?:印发|发布|出台|公布|颁布)[ \t]*\Z"
)


def _announced(work: str, m: re.Match[str]) -> bool:
    """Whether the 《…》 title ``m`` is the document announced (关于印发《…》的通知, 《…》正式出台),
    not a document it cites (为贯彻落实《…》, 按照《…》规定)."""
    words = doc_words()
    before = work[max(0, m.start() - 6) : m.start()]
    if any(w in before for w in words.citing_words):
        return False
    if _URGED_TO_ISSUE.search(work, max(0, m.start() - 12), m.start()) is not None:
        return False  # 加快印发《…(2023-2025年)》: a task to issue another text, not this one
    after = _PARENTHESES.sub("", work[m.end() : m.end() + 40])[:6]
    return any(w in before or w in after for w in words.announcing_words)


def _blank_cited(head: str, title: str = "") -> str:
    """``head`` with the 《…》 titles of the documents it cites blanked (their periods and years
    are not the document's own). Given the document's own ``title``, a 《…》 title that is not
    part of it and is not the document announced (印发《…》) is cited too: a task of the plan that
    names another plan (推进《上海历史文化名城保护规划（2024—2035年）》编制) gives the plan no period
    (上海's 2026 urban renewal actions of 市规划资源局; in the tune part the other documents whose
    opening names other titles (崇明, 奉贤, 嘉定, 闵行…) name no period in them)."""
    words = doc_words()

    if "《" not in head:
        return head
    out: list[str] = []
    pos = 0
    cited_end = -1  # where the last cited title ends
    for m in _BOOK_TITLE.finditer(head):
        before = head[max(0, m.start() - 6) : m.start()]
        # A title cited after another one (按照《A》《B》等文件, 《A》、《B》) is cited too.
        chained = cited_end >= 0 and not head[cited_end : m.start()].strip(" 、和及与")
        other = bool(title) and m.group("t") not in title and not _announced(head, m)
        if chained or other or any(w in before for w in words.citing_words):
            out.append(head[pos : m.start()])
            out.append(" " * len(m.group()))
            pos = cited_end = m.end()
    out.append(head[pos:])
    return "".join(out)


# A dateline of a speech to a people's congress or its standing committee.
# matches: "2019年1月29日某区第二届人民代表大会第三次会议", "——2022年10月28日在全国人民代表大会常务委员会
# 第三十七次会议上" ; must not match: "2023年5月12日" (no congress), "某区人民代表大会审议通过" (no date)
_CONGRESS_DATELINE = re.compile(
    r"^[—\-\s]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n]{0,30}?人民代表大会(?P<sc>常务委员会)?[^\n]{0,12}?会议",
    re.M,
)


def _congress_speech(head: str) -> str:
    """A speech dated at a session of a people's congress is its government's work report; one
    at a session of the congress's standing committee reports on a situation ("report")."""
    m = _CONGRESS_DATELINE.search(head)
    if m is None:
        return ""
    return "report" if m["sc"] else "work_report"


def _self_named_kind(head: str) -> str:
    """The kind a document names itself by in its opening lines: 制定本行动方案 (plan), 现提出如下
    意见 / 制定若干政策措施如下 (measures), 现就…情况报告如下 (report); "other" when it does not."""
    kinds = doc_words().kinds
    for kind in ("report", "measures", "plan"):
        for w in kinds[kind]:
            i = head.find(w)
            while i >= 0:
                if head[max(0, i - 1) : i] == "本" or head.startswith("如下", i + len(w)):
                    return kind
                if head[max(0, i - 2) : i] == "如下":
                    return kind
                i = head.find(w, i + 1)
    return "other"


def _kind_of(title: str, head: str = "", *, title_only: bool = False) -> str:
    """The kind a title names: a task table, a work report, the kind of a document cited in the
    title (关于印发《…方案》的通知), news (a headline: 出台…方案), measures or a plan; else, from the
    words of a news page near the top, news."""
    words = doc_words()
    kinds = words.kinds
    if any(w in title for w in kinds["table"]):
        return "table"
    if any(w in title for w in kinds["work_report"]):
        return "work_report"
    if not title_only:
        if any(w in head for w in (*kinds["work_report"], *words.speech_openers)):
            return "work_report"
        speech = _congress_speech(head)
        if speech:
            return speech
    if any(w in title for w in kinds["report"]):
        return "report"
    inner = _BOOK_TITLE.search(title)
    if inner:
        cited = _kind_of(inner["t"], title_only=True)
        if cited != "other":
            return cited
    if not title_only and any(w in title for w in words.news_title_verbs):
        return "news"
    if any(w in title for w in kinds["measures"]):
        return "measures"
    if any(w in title for w in kinds["plan"]):
        return "plan"
    if not title_only:
        named = _self_named_kind(head)
        if named != "other":
            return named
        if any(w in head for w in kinds["news"]):
            return "news"
    return "other"


def _strip_doc_numbers(s: str) -> str:
    return _DOC_NUMBER.sub(lambda m: " " * len(m.group()), s)


# A line of a crawled page's furniture that carries a date: who edited or sourced the page, when it
# was posted, how often it was read (编辑: 某网友 2019-03-14, 来源:某县政府 2021-03-02 14:44, 发布时间:
# 2020-02-03, 2024-06-18 15:36 2155 浏览, 作者:… 时间:… 浏览:…). The date is the page's, which may
# repost a document years after it was issued (法律资料网's copy of a 2005 regulation posted in 2024; a
# forum's copy of a 2018 plan's annex posted in 2019; a county site's page of 2021 for its notice of
# 2019, all tune). matches: "编辑: 某网友 2019-03-14", "发布时间:2020-02-03 17:29", "时间:2023-07-11 浏览次数:" ;
# must not match: "成文日期:2018年5月7日" (the document's own), "2024年12月31日" (no label)
_FURNITURE = re.compile(
    r"编辑|来源|发布(?:时间|日期|人)|浏览|点击|阅读|访问|作者|字体|字号|分享|人气|打印|收藏"
)
# A date of the page's furniture (see _FURNITURE), as such lines write it: 2019-03-14, 2021/03/02,
# 2016年 02月 16日. matches: "2019-03-14", "2016年 02月 16日" ; must not match: "2019" (a year alone)
_PAGE_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月)"
)


def _furniture_year(work: str) -> int | None:
    """The year of the first dated line of a crawled page's furniture among its first and last
    lines (see _FURNITURE), or None when the text has no such line."""
    lines = work[:800].split("\n")[:15] + work[-600:].split("\n")[-10:]
    for line in lines:
        if len(line) <= 120 and _FURNITURE.search(line):
            m = _PAGE_DATE.search(line)
            if m is not None:
                return int(m["y"])
    return None


# The name of an issuer, as a signature writes it on the line above its date of issue: one or more
# bodies (中共某县委  某县人民政府), the last ending with a word of a body. Crawled copies indent it with
# spaces (full-width ones made half-width in the working text) or the question marks a lost encoding leaves ("??某市人民政府办公室").
# matches: "某市人民政府办公室", "  中共某县委        某县人民政府", "??某局" ; must not match:
# "现予印发,请认真贯彻执行。" (a sentence), "县财政局、县税务局负责" (a clause)
_ISSUER_LINE = re.compile(
    r"[ \t?]*[^\s,。;:、!?()]{2,30}(?:[ \t]+[^\s,。;:、!?()]{2,30}){0,3}?"
    r"(?:政府|办公室|办公厅|委员会|常委会|管委会|党工委|党委|县委|市委|区委|省委|局|厅|委|部|署|院|办|中心)[ \t]*"
)
# The longest line read as an issuer's name (four names of 30 characters and the spaces between).
_ISSUER_LINE_LENGTH = 140
# The document's own number on a line of its own or opening its title (湘阴发〔2019〕4号; 津政办规[2023]4号
# 某市人民政府办公厅关于…), or after a label (发文字号:潭政办发〔2023〕35号): its year is the year of issue.
# matches: "湘阴发〔2019〕4号", "发文字号:潭政办发〔2023〕35号" ; must not match: "(国发〔2019〕11号)精神" (a
# number cited in a sentence)
_OWN_NUMBER = re.compile(
    r"[ \t?]*(?:(?:发文字号|文号)[ \t]*:[ \t]*)?[^\s,。;:()《》]{1,12}"
    + _NUMBER_YEAR
    + r"[ \t]*\d{1,4}[ \t]*号"
)
# The date a regulation was adopted, under its title: "(2005年11月25日某省第十届人民代表大会常务委员会第十八次
# 会议通过)". matches: that ; must not match: "2019年底前通过验收" (no day)
_ADOPTED = re.compile(
    r"[(]?[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[^\n()。]{0,60}?(?:通过|批准|公布)"
)


# How many dates alone on their lines a text may hold for one under a name to be a signature (a
# notice's and the plan's it issues): more are the deadline cells of a table, one to a line, and a
# cell under a unit's name (县财政局 / 2025年12月31日) is no date of issue.
_SIGNATURES = 2


# The end of a line that may be a date alone on it: its 日, or the -M-D of 2023-7-1.
_DATE_LINE_END = re.compile(r"(?:日|-\d{1,2}-\d{1,2})(?=[ \t]*(?:\n|\Z))")


def _issuer_above(work: str, start: int) -> bool:
    """Whether the last line before ``start`` that is not blank is an issuer's name (_ISSUER_LINE)."""
    end = start - 1
    while end > 0:
        begin = work.rfind("\n", 0, end) + 1
        line = work[begin:end]
        if line.strip():
            return len(line) <= _ISSUER_LINE_LENGTH and _ISSUER_LINE.fullmatch(line) is not None
        end = begin - 1
    return False


def _issued_year(work: str) -> int | None:
    """The year a document prints as its own, against the date of a page that copies it: the date
    of issue alone on its line under the issuer's name (see _SIGNATURES), the
    document's own number (〔2019〕4号) on a line of its own near the top or after its label, or the
    date a regulation was adopted, under its title; None when it prints none of them."""
    signed: list[int] = []
    alone = 0  # dates alone on their lines
    # Only the lines that end as a date does (日, or -M-D) are tried (a search led by two characters,
    # not a match tried at every line of a large document); the name above is the line before it
    # that is not blank.
    for hit in _DATE_LINE_END.finditer(work):
        start = work.rfind("\n", 0, hit.start()) + 1
        end = work.find("\n", hit.end())
        m = _DATE_ALONE.fullmatch(work, start, len(work) if end < 0 else end)
        if m is None:
            continue
        alone += 1
        if _issuer_above(work, start):
            signed.append(int(m["a"]) if m["a"] else chinese_year(m["c"]))
    if signed and alone <= _SIGNATURES:
        return signed[0]
    head = work[:800]
    for line in head.split("\n"):
        n = _OWN_NUMBER.match(line)
        if n is not None and (n.end() == len(line.rstrip()) or "关于" in line[n.end() :]):
            return int(n["y"])
    a = _ADOPTED.search(head)
    return int(a["y"]) if a is not None else None


def _date_year(work: str) -> int | None:
    """The year of a date line at the top or a signature date at the end."""
    head, tail = work[:600], work[-300:]
    # (Each pattern is tried at every character: a part without the words it needs is passed over.)
    for part in (head, tail):
        m = _DATE_LINE.search(part) if "时间" in part or "日期" in part else None
        if m:
            return int(m["y"])
    running = _running_head_year(work)
    if running is not None:
        return running
    for part in (head, tail):
        m = _DATE.search(part) if "日" in part or "-" in part else None
        if m:
            return int(m["y"])
    m = _CHINESE_DATE.search(tail)
    if m is not None:
        return chinese_year(m["y"])  # four digits of 〇 to 九, each read as one
    # The signature of a notice that forwards a plan, or of a body followed by annexes: the first
    # line that is a date and nothing else.
    m = _date_only_line(work)
    if m is None:
        return None
    return int(m["a"]) if m["a"] else chinese_year(m["c"])


# The year of a revision or an edition in a title. matches: "(2021年修订)", "2023年版" ; must not
# match: "2025年度实施计划"
_REVISION = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:修订|修正|版)")
# Words of a title that mark rules standing until replaced: they plan for no one year.
_STANDING_TITLE = ("试行", "暂行", "办法", "规定", "条例", "细则")
# Words of a title that name a plan of one year, whether or not the title repeats the year: a
# 工作要点 (a 区 or 县 government's, a bureau's) and a 年度 plan (年度工作计划, 年度实施计划) are
# written each year for that year; a later year they name (到2026年,营商环境评价进入全省前列) is a
# milestone of a few figures, not the plan's period.
_ANNUAL_TITLE = ("工作要点", "年度")
# A deadline within the year of writing, as an annual plan sets them.
# matches: "年底前", "6月底前", "年内", "本年度", "今年" ; must not match: "年内容" (a word), "3年内" (N years ahead)
# (The character before 年内 is asked after its 年, looking back past it: every way then opens with
# a character the engine skips to; the pattern is searched for in a whole document.)
_IN_YEAR = re.compile(r"年底前|月底前|年(?<![\d一二两三四五六七八九十]年)内(?!容)|本年度|今年|力争全年")


# A text with no title line that opens by naming a year's list of projects or key work, as a notice
# of their progress does when a page keeps only its body (宁波's 2014 notice: "2014年市政府民生实事项目
# 共有42项任务…"; a city's 2025 report: "2025年,省政府民生實事共有12類45件53個事項"): the year of
# that work. matches: "2014年市政府民生实事项目", "2025年,省政府民生實事" ; must not match:
# "2014年5月30日通车"
_OPENING_YEAR_OF_WORK = re.compile(
    r"\s*(?P<y>(?:19|20)\d{2})年度?[,,]?[^。\n]{0,12}?(?:民生实事|民生實事|实事项目|實事項目|为民办实事|重点工作|重點工作|重点项目|重點項目)"
)


def _opening_year_of_work(work: str, year: int) -> int | None:
    """The year of the work an untitled text opens with (``_OPENING_YEAR_OF_WORK``), when it is the
    document's own."""
    m = _OPENING_YEAR_OF_WORK.match(work)
    return year if m is not None and int(m["y"]) == year else None


# A day of a month in a title: the title read is the running head of a record of proceedings
# (香港 立法会's records head each page "立法会 ─ 2013年 1月 16日": the 2013 policy address and the
# 2013 budget speech, both tune), not a title naming the year a plan is for.
# matches: "2013年 1月 16日", "2013年1月16日" ; must not match: "2013年工作要点", "2013年1月" (a month)
_DAY_IN_TITLE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def plan_year(work: str, title: str, year: int | None, kind: str) -> int | None:
    """The one year a document plans for, or None when it plans for no single year.

    The year conventions of ../shared/gold/SCHEMA.md ("Years and the document's own date") rest on
    this and on the period (``DocInfo.period_start``/``period_end``), which the metric finder reads
    in this order:

    - a multi-year period (2023-2025年, 十四五, or 到2027年 as the horizon of a plan): one-off
      targets with no year of their own take the period's end year; its review is of the year
      before the period;
    - a work report (政府工作报告, 预算案, 施政报告) plans for its own year and reviews the year before;
    - a document of one year (this function): its targets with no year of their own are for that
      year, and so are standing quotas (每年新增…); it reviews the year before;
    - anything else (意见, 若干措施, a standing 实施方案（试行）): targets with no year of their own
      get none, and standing quotas none.

    A document is of one year when its title names one year and no period (静安区2025年生活垃圾分类
    工作实施方案, 关于做好2024年…工作的通知, …实施方案（2023年）) that is not before its own year (a
    title naming a past year reports on it); or when it is a plan whose title marks no standing
    rule (试行, 办法…), whose text sets deadlines within the year (年底前, 6月底前, 年内) and names
    no later year to reach (到2027年): an annual plan that does not repeat its year in the title.
    A task table whose title names one year is of that year too. Reports on a situation and work
    reports are left to their own conventions.
    """
    if year is None or kind in ("report", "work_report") or _PERIOD.search(title):
        return None
    title = _REVISION.sub("", _PERIOD.sub("", title))  # 条例(2021年修订) is no year of a plan
    years = {int(m["y"]) for m in _YEAR.finditer(title)}
    if years and _DAY_IN_TITLE.search(title) is not None:
        return None  # the running head of a record (立法会 ─ 2013年1月16日): the day it was given
    if years:
        if len(years) == 1 and min(years) >= year:
            return min(years)
        return None
    if (kind != "plan" and not _untitled_plan(title, kind)) or _standing(title):
        return None
    if any(w in title for w in _ANNUAL_TITLE):
        return year  # annual by its kind: a later year it names is a milestone of a few figures
    if _IN_YEAR.search(work) is None and not _dated_within(work, year):
        return None
    for m in _YEAR.finditer(work):
        if int(m["y"]) > year and not _in_name(work, m.start()):
            return None  # a later year to reach: a plan of several years
    return year


# A milestone dated to a month or a quarter of a year (a deadline cell of a task table, or a step
# of a schedule). matches: "2024年6月", "2024年12月底前", "2024年三季度", "2024年第四季度" ;
# must not match: "2024年3月1日" (a date of signing), "2024年" (a year alone)
_DATED = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|第?[一二三四]季度)")
# A quarter with no year: an annual plan's schedule (一季度…四季度). matches: "一季度", "第三季度",
# "四季度末" ; must not match: "2024年一季度" (dated: read by _DATED)
_QUARTER = re.compile(r"(?<![\d年])第?[一二三四]季度")


def _dated_within(work: str, year: int) -> bool:
    """The plan dates its milestones within its own year: a schedule by quarter (一季度…四季度),
    or two or more deadlines of a month of that year (a task table's 完成时限 cells "2024年6月",
    "2024年12月底前"), as annual 工作方案 and 实施方案 whose title names no year write them (静安区
    排水管理体制改革 timetable, 杨浦区 task table; a 区 government's 年度 工作要点 by quarter). Later
    years are looked at by the caller."""
    if "季度" in work and _QUARTER.search(work):  # (the pattern is tried at every character)
        return True
    own = 0
    for m in _DATED.finditer(work):
        if int(m["y"]) == year and not _in_name(work, m.start()):
            own += 1
            if own >= 2:
                return True
    return False


# Words of a title that name a review of one year: a statistical communique (2022年镜湖区经济和社会
# 发展统计公报, as every 区 and 县 statistics bureau titles its yearly one), an account of how the economy
# ran (2023年1-11月全区经济运行情况), a year's summary (2022年工作总结), how a year went or what of it
# was done (2022年经开区经济社会发展情况; 乐清市's 2022年民生实事项目完成情况, tune), how a year's plan or
# its work went so far (a 县's 2019年上半年国民经济和社会发展计划执行情况的报告, a 区's 2022年重点工作1-6月
# 进展情况的通报, tune: what the part of the year gone by achieved; see _REPORT_ON_PROGRESS).
_REVIEW_TITLE = ("统计公报", "运行情况", "工作总结", "发展情况", "完成情况")
# A title that ends on an account of how things stood or went (2019年全县畜牧业生产情况, 全县2019年
# 农村经济统计分析, 2019年农业农村经济运行简析, 关于2019年全县农村经济情况的报告): with a year in it, a
# review of that year. must not match: "…进展情况表", "…一季度进展情况" (a table of tasks, each with its
# target and its progress: see _REPORT_ON_PROGRESS), "…情况的通知"
_REVIEW_TITLE_END = re.compile(
    r"(?:(?<!进展)(?<!推进)(?<!落实)情况|分析|简析|综述|概况)[ \t]*(?:的)?(?:报告|通报)?[ \t]*\Z"
)
# A paragraph that opens on a year as a whole: "\n2019年,", "\n2019年全年", "\n2019年是". must not
# match: "\n2019年以来" (up to now), "\n2019年1-9月" (a part of it), "到2019年" (a year to reach)
_OPENING_YEAR = re.compile(r"\n[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年(?:度)?[ \t]*(?:,|全年|是)")
# A report or notice on how a plan or the year's work went (…计划执行情况的报告, …进展情况的通报): a table of
# tasks with their progress (…民生实事…一季度进展情况, …项目进展情况表) sets each task's target beside it,
# and is no review. matches: "执行情况的报告", "进展情况的通报", "执行情况报告" ; must not match: "进展情况表",
# "一季度进展情况"
_REPORT_ON_PROGRESS = re.compile(r"(?:执行|进展)情况的?(?:报告|通报)")
# A year's results announced near the top of news or of a page: the press conference or the article
# on a year's achievements (新乡 经开区: 全市2022年经济社会发展成就系列新闻发布会; 赣州 经开区: 介绍了全区2022年
# 八大行动取得的成就), or the year-end stock-taking that news series of a year's results are titled by
# (泸州日报's 泸州2018年年终盘点 series with 合江县's press conference, tune; 人民网 and 新华网 年终盘点 pages of
# each year). matches: "2022年经济社会发展成就", "2022年八大行动取得的成就", "2018年年终盘点" ; must not
# match: "到2025年取得更大成就" (a year to reach), "2022年," (no results named)
_YEAR_RESULTS = re.compile(
    r"(?<![到至])(?P<y>(?:19|20)\d{2})\s*年[^。;,\n]{0,16}?(?:成就|工作情况|运行情况|发展情况|完成情况|年终盘点)"
)
# The results of a span of years up to the time of writing announced near the top of news: a five-year
# plan's period (陕西农村报 on 宝鸡's press conference of 2025 on 陇县: 全面展示陇县“十四五”期间经济社会发展
# 成就, tune) or the years since a start (泸州日报 on 合江县's press conference of 2018: 回首改革开放40年来合江县
# 在经济发展…等方面取得的成就, tune). Its figures are reported, as of the document's own year.
# matches: "“十四五”期间经济社会发展成就", "40年来合江县在经济发展方面取得的成就", "十三五以来取得的成就" ;
# must not match: "“十五五”期间取得更大成就", "五年来取得新的成就" (results still to come)
_SPAN_RESULTS = re.compile(
    r"(?:十[一二三四五六七八九]五[”\"]?(?:期间|以来|时期)|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*年来)"
    r"[^。;\n]{0,30}?(?<!更大)(?<!新的)成就"
)
# A year's results reported near the top of news: a past year (去年, 过去一年) or the part of the
# current one gone by (今年以来, 1-11月, 前三季度) opening a clause and, in the same sentence, what was
# achieved in it (新乡 经开区's press review of 2022, tune: 2022年,经开区多项经济指标增速均居七区第2位…;
# 陆丰市's news of its 2022 work report: 过去一年…实现地区生产总值418.52亿元; 上海市房屋管理局's news of
# 2022-12-22: 今年1至11月,上海全市既有多层住宅加装电梯完工2079台). A year a plan sets out to reach
# (到2025年), a deadline (2023年底前完成) or what is to be done (将, 力争) is no review.
# matches: "去年经开区实现地区生产总值", ",2022年,全区完成投资", "1-11月,经开区完成" ; must not match:
# "2023年底前完成", "2020年以来" (years up to now), "去年以来,将完成" (checked by the caller)
_YEAR_DONE = re.compile(
    r"(?:^|(?<=[,。:\n]))[ \t]*(?P<w>去年|过去一年|今年以来|(?:今年)?(?:前[一二三]|第?[一二三1-3])季度|(?:今年)?上半年"
    r"|(?:今年)?1[ \t]*[-~至—][ \t]*\d{1,2}[ \t]*月|(?:19|20)\d{2}[ \t]*年)"
    r"(?![底末内前初以])[^。;\n]{0,24}?(?:实现|完成|突破|达到|增长|下降)"
)
# News of a policy issued (近日,某区印发《…实施方案》; 方案提出,…): what it reports of last year is the
# background of the targets it announces, not a review (新华社 2019-06-07 on 住房和城乡建设部's notice:
# 近日印发《关于在全国地级及以上城市全面开展生活垃圾分类工作的通知》; a 青岛 news of 2019-11-07: 正式出台了
# 《青岛市农村生活垃圾分类工作行动方案》。方案显示,…). matches: "印发《某区数字经济行动方案》",
# "正式出台了《青岛市农村生活垃圾分类工作行动方案》", "方案提出" ; must not match: "发布数据" (no policy)
_ANNOUNCES_A_POLICY = re.compile(
    r"(?:印发|出台|发布|公布|制定)[^。\n]{0,24}?(?:方案|计划|意见|措施|规划|办法|要点|通知)|(?:方案|意见|措施|计划)(?:提出|明确|要求)"
)
_NOT_DONE = ("将", "力争", "计划", "预计", "目标", "要", "确保")
# The words that open a statistical account of a year's results (初步核算,全年完成地区生产总值…), in a
# statistical communique and in the review pages of a 区 (淮南 潘集区's page on its economy in 2022, 镜湖区's
# 统计公报 of the same year): only a year that is over is reckoned.
_RECKONED = "初步核算"


def reviewed_year(title: str, head: str, year: int | None, kind: str) -> int | None:
    """The year a document that reviews one year reviews, or None: a title naming a review (统计公报,
    经济运行情况) and its year (else the document's own), a year's results announced near the top
    (2022年经济社会发展成就新闻发布会), or a statistical account (初步核算, of the first year named near the
    top, else of the document's own year). Plans, measures, work reports and task tables have
    conventions of their own; a year after the document's own is never reviewed. ``head`` is the
    opening with its cited titles blanked."""
    if year is None or kind in ("plan", "measures", "work_report", "table"):
        return None
    if (
        any(w in title for w in _REVIEW_TITLE)
        or ("情况" in title and _REPORT_ON_PROGRESS.search(title))
        or (_REVIEW_TITLE_END.search(title) and _YEAR.search(title))
    ):
        years = {int(m["y"]) for m in _YEAR.finditer(_PERIOD.sub("", title))}
        if not years:
            # A title that names no year, over a text that opens on the year before its date
            # (全县农村经济发展情况 / 2019年,全县… / dated 2020年1月): that year is reviewed.
            opening = _OPENING_YEAR.search(head)
            if opening is not None and int(opening["y"]) == year - 1:
                return year - 1
            return year
        return min(years) if len(years) == 1 and min(years) <= year else None
    m = _YEAR_RESULTS.search(head) if "年" in head else None
    if m is not None and int(m["y"]) <= year:
        return int(m["y"])
    if kind == "news" and _ANNOUNCES_A_POLICY.search(head) is None:
        if _SPAN_RESULTS.search(head) is not None:
            return year  # 全面展示…“十四五”期间经济社会发展成就: reported up to now
        for d in _YEAR_DONE.finditer(head):
            w = d["w"]
            between = head[d.end("w") : d.end()]
            if any(n in between for n in _NOT_DONE):
                continue
            if w in ("去年", "过去一年"):
                return year - 1
            named = _YEAR.fullmatch(w)
            if named is not None:  # a year: a past one only
                if int(named["y"]) < year:
                    return int(named["y"])
                continue
            return year  # the part of the year gone by
    i = head.find(_RECKONED)
    if i >= 0:
        named = _YEAR.search(head, i)
        return int(named["y"]) if named is not None and int(named["y"]) <= year else year
    return None


# The date line of a mainland work report, given to the people's congress late in the year it
# reviews (建平县's report of 2018年12月22日在建平县第十八届人民代表大会第二次会议上: 2018年是本届政府的开局之年,
# 预计到年末…; 黄梅县's of 2016年12月16日在黄梅县第十六届人民代表大会第一次会议上: 初步统计,2016年,…).
# matches: "2018年12月22日在建平县第十八届人民代表大会第二次会议上" ; must not match: "2019年1月10日在…人民代表大会…"
# (a report of the new year reviews the year before), "2023年11月8日" with no congress after it
_LATE_IN_THE_YEAR_REPORT = re.compile(
    r"(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*1[12][ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*在[^\n。]{0,30}?人民代表大会"
)


# The part of a year gone by that a title reviews: a half-year, a quarter, the months from January
# (2023年上半年工作总结, 一季度经济运行分析, 1-6月计划执行情况). Its figures are of the document's own
# year. matches: "上半年", "一季度", "第一季度", "前三季度", "1-6月", "1至9月" ; must not match: "下半年"
# (the part still to come), "12月"
_PART_OF_YEAR = re.compile(
    r"上半年|前[一二三]季度|第?[一二三1-3]季度|(?<!\d)1[ \t]*[-~至—][ \t]*\d{1,2}[ \t]*月"
)


# A year's results compared with the year before (比上年增长8.8%, 同比增长, 较上年): what a statistical
# review says of each figure, and no plan of a year to come.
_COMPARED_WITH_LAST_YEAR = ("比上年", "同比", "较上年")
# A review compares most of its figures so; a text that does so this often is one.
_REVIEW_COMPARISONS = 3
# A year named after another and then a month and day: a date, not a year spoken of.
# matches: "3月10日" ; must not match: "全县", "3月"
_MONTH_AND_DAY = re.compile(r"[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日")


def _told_as_results(work: str, head: str, year: int | None, kind: str) -> int | None:
    """The year a text whose title names neither a year nor a review (全县农业经济稳步发展)
    reviews as a statistical review does: a paragraph near its top opens on that year as a whole
    (2014年,全县上下…), no later than its own; it compares its figures with the year before at least
    _REVIEW_COMPARISONS times and names no later year but in a date or in its closing paragraph (no
    到2016年, no 2015年将… before the outlook that closes it): its
    figures are results of that year, whatever its part headings' verbs (二、畜牧结构日趋优化…:
    加快推进…建设 told as done).
    Plans, measures, work reports and task tables have conventions of their own."""
    if year is None or kind in ("plan", "measures", "work_report", "table"):
        return None
    opening = _OPENING_YEAR.search(head)
    if opening is None:
        return None
    told = int(opening["y"])
    if told > year or sum(work.count(w) for w in _COMPARED_WITH_LAST_YEAR) < _REVIEW_COMPARISONS:
        return None
    # (its last paragraph may look ahead: 2015年,我市将继续…, the outlook that closes a review)
    body = work.rstrip()
    outlook = body.rfind("\n") + 1 or len(body)
    for m in _YEAR.finditer(body, 0, outlook):
        if int(m["y"]) > told and not _MONTH_AND_DAY.match(body, m.end()):
            return None
    return told


def reviews_part_of_its_year(title: str) -> bool:
    """Whether ``title`` names the part of its year gone by (_PART_OF_YEAR)."""
    return _PART_OF_YEAR.search(title) is not None


def reviews_its_own_year(head: str, year: int | None) -> bool:
    """Whether a work report is given late in its own year (its date line, in November or December,
    at a session of the people's congress): it reviews that year, not the one before, and plans the
    next (see _LATE_IN_THE_YEAR_REPORT)."""
    if year is None or "人民代表大会" not in head:
        return False
    m = _LATE_IN_THE_YEAR_REPORT.search(head)
    return m is not None and int(m["y"]) == year


# A headline that reports a result of its year (news of a work report's review: 韶关2023年地区生产总值
# 增长4.6%,全年新签约招商项目1284个, tune: its body reviews 2023 and its 过去一年 is 2023). matches:
# "韶关2023年地区生产总值增长4.6%", "2022年实现地区生产总值150亿元" ; must not match: "2024年政府工作报告"
# (no figure), "2024年地区生产总值预期增长5%" (a goal: 预期, 目标 between)
_TITLE_RESULT = re.compile(
    r"(?P<y>(?:19|20)\d{2})[ \t]*年(?P<gap>[^,。;\d]{0,16}?)(?:增长|下降|达到?|实现|突破|完成)[ \t]*\d"
)


def _title_reports_its_year(title: str, year: int | None) -> bool:
    """Whether a news headline reports a result of the document's year (see _TITLE_RESULT): the text
    reviews that year, as a report given late in it does."""
    m = _TITLE_RESULT.search(title) if year is not None and "年" in title else None
    return m is not None and int(m["y"]) == year and not any(w in m["gap"] for w in (*_NOT_DONE, "预期"))


def written_for(work: str, title: str, year: int | None, kind: str) -> int | None:
    """The year a plan with no period of its own is written for: its own, when its title names no
    year and marks no standing rule (试行, 办法…) and its text names no later year outside cited
    titles. SCHEMA: a work plan's targets are for its plan year. Such a plan (徐汇区's 2017 装修垃圾
    工作方案: 残渣处置计划量为150吨/日; a 区's 实施方案 creating 达标小区 with no deadline) sets its targets as
    of the year it is issued; one that names a later year plans up to it (see _with_horizon),
    and an 意见 or 若干措施 (kind "measures") stays a standing policy whose targets have no year."""
    if kind != "plan" or year is None or _standing(title):
        return None
    if _YEAR.search(_PERIOD.sub("", title)) is not None:
        return None  # a title's year is read by plan_year
    own = later = 0
    for m in _YEAR.finditer(work):
        y = int(m["y"])
        if y < year or _in_name(work, m.start()):
            continue
        if y == year:
            own += 1
        elif _REACH.search(work, max(0, m.start() - 4), m.start()):
            return None  # 到2025年: a year to reach, the plan's horizon
        else:
            later += 1
    if later and later * _MILESTONE_SHARE > own:
        return None  # later years named as often as its own: a plan of several years
    return year


# Words before a year that make it one to reach (到2025年, 至2025年, 力争到2025年, 2025年前 is read
# by the caller's horizons). matches: "到", "至", "到了" ; must not match: "于" (a date), "自" (a start)
_REACH = re.compile(r"[到至]\s*$")
# A plan written for its own year names that year far more often than any later one: a later year
# named a few times is a milestone of one item (宝山区 2019 垃圾分类实施方案-like plans: 2019年开工建设…
# 2020年形成处置能力; 徐汇区 2017 装修垃圾工作方案), not the end of a plan of several years.
_MILESTONE_SHARE = 4


# A title cited in a title (贯彻《上海市生活垃圾管理条例》…实施方案, 关于落实《…暂行办法》的工作方案): its
# words are not the citing document's, unless the notice issues it (印发《…实施方案（试行）》的通知: the
# document is the one issued). matches: "贯彻《上海市生活垃圾管理条例》" ; must not match:
# "印发《临港新片区城市体检实施方案（试行）》", "转发《…办法》"
_CITED = re.compile(r"(?<![印转下颁]发)《[^《》]*》")


def _standing(title: str) -> bool:
    """Whether a title marks a standing rule (试行, 暂行, 办法, 条例…) in its own words, not in a title
    it cites: a 实施方案 carrying out a 条例 (宝山区 and 静安区 plans for the 上海市生活垃圾管理条例, a
    county's 工作方案 for a province's 暂行办法) is a plan."""
    own = _CITED.sub("", title) if "《" in title else title
    return any(w in own for w in _STANDING_TITLE)


def _untitled_plan(title: str, kind: str) -> bool:
    """A text with no title of its own (a part cut out of a longer document, such as the items of
    a division of a work report's tasks, 重点工作责任分解, each with its 责任单位) is read as a
    plan: whether it plans for one year is then told by its deadlines and targets within the year
    (年底前, 今年, 力争全年…), as for an annual plan. Seen in the 2023 part of 浙江's division;
    the divisions of 广东 (2021) and 浙江 (2020) name their year in their titles and are read so."""
    return not title and kind == "other"


def _in_name(work: str, pos: int) -> bool:
    """Whether ``pos`` is inside a 《…》 title or a document number (their years are not the
    document's)."""
    before = work[max(0, pos - 80) : pos]
    if before.rfind("《") > before.rfind("》"):
        return True
    return work[max(0, pos - 2) : pos].rstrip(" ")[-1:] in ("〔", "[", "【")


# A title's year written in Chinese numerals, digit by digit: 二〇二四年施政報告, 二零二三年财政预算案,
# 二〇二二年政府工作报告 (as speeches and budgets of 香港 and 澳门 and county work reports title
# themselves; the date line's 二〇二二年六月 is read by _CHINESE_DATE). matches: "二〇二四年",
# "二零一九年" ; must not match: "二十年" (not four digits), "一九四九年" is matched (a year: 19xx)
_CN_TITLE_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十])(?P<y>[一二][〇零一二三四五六七八九]{3})年")

# The long-range horizon a five-year plan's title adds to its period (国民经济和社会发展第十四个五年规划
# 和二〇三五年远景目标纲要, …和2035年远景目标纲要): the year of its vision, not the plan's own year nor
# the year it was issued in. matches: "和二〇三五年远景目标", "和2035年远景目标", "暨2035年远景" ; must not
# match: "2035年前碳达峰" (no vision), "2025年工作要点"
_VISION = re.compile(
    r"(?:和|暨|及|与)?[ \t]*(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})[ \t]*年[ \t]*远景(?:目标)?"
)


# The kinds of a document whose title's one year is the year it was written for and issued in (a plan, a
# list of tasks, a set of measures), not one it looks back on (a review, a work report).
_ISSUED_IN_TITLE_YEAR = ("plan", "table", "measures")
# The last word of a title or caption naming a list or a table of work (职责清单, 任务分解表); one naming how
# work went (进展情况表, 统计公报) looks back.
_LIST_TITLE_END = ("清单", "表")
_LOOKS_BACK = ("情况", "公报", "总结", "报告")


def _names_its_plan_year(title: str) -> bool:
    """Whether a title (or a caption) names a plan, a list of tasks or a set of measures, whose one
    year is the year it is for and was issued in; not a review of a past year."""
    if any(w in title for w in _LOOKS_BACK):
        return False
    return title.endswith(_LIST_TITLE_END) or _kind_of(title, title_only=True) in _ISSUED_IN_TITLE_YEAR


def _own_year(work: str, title: str) -> int | None:
    """The document's own year from its dates (``_date_year``). On a crawled page whose furniture is
    dated (_furniture_year), the page may copy the document years after it was issued: the year the
    document prints as its own comes first (_issued_year), then the one year of a plan's or a list's
    title (or caption) when it is before the page's (a 2018 plan's annex reposted in 2019), and the
    page's date only when the document gives none of them."""
    page = _furniture_year(work)
    if page is None:
        return _date_year(work)
    own = _issued_year(work)
    if own is not None:
        return own
    year = _date_year(work)
    if year == page and _names_its_plan_year(title) and not _PERIOD.search(title):
        years = {int(m["y"]) for m in _YEAR.finditer(_REVISION.sub("", title))}
        if len(years) == 1 and min(years) < page:
            return min(years)
    return year


def doc_info(text: str, work: str, name: str) -> DocInfo:
    """Title, own year, plan period and kind of a document.

    ``text`` is the document as read, ``work`` its working text (``working_text(text)``, the same
    length); ``name`` is its file name, read for a year only when the text gives none. ``kind`` is
    one of plan, measures, work_report, report (on a situation), table, news, other.
    """
    if len(work) != len(text):
        raise ValueError(f"{name}: the working text must have the length of the text")
    span = _title(text, work)
    title = text[span[0] : span[1]].replace("\n", "") if span else ""
    work_title = _strip_doc_numbers(work[span[0] : span[1]].replace("\n", "")) if span else ""
    head = _blank_cited(_strip_doc_numbers(work[:800]), work_title)
    kind = _kind_of(work_title, head)

    period_start = period_end = None
    m = _PERIOD.search(work_title) or _PERIOD.search(head)
    if m and int(m["a"]) <= int(m["b"]) <= int(m["a"]) + 15:
        period_start, period_end = int(m["a"]), int(m["b"])
    else:
        f = _FIVE_YEAR.search(work_title)
        if f:
            period_start, period_end = numbered_plan_period(f["n"])
        elif (fm := _PERIOD_FROM.search(head)) is not None:
            period_start = int(fm["a"])
            period_end = period_start + parse_count(fm["n"])

    year = _own_year(work, work_title)
    if year is None and span is not None:
        # The title's own year; a period in the title (2023-2025年) starts in the year of issue.
        in_title = _PERIOD.search(work_title)
        dated_title = _VISION.sub("", work_title) if "远景" in work_title else work_title
        y = _YEAR.search(_PERIOD.sub("", dated_title))
        cn = _CN_TITLE_YEAR.search(dated_title) if y is None else None
        if in_title:
            year = int(in_title["a"])
        elif y:
            year = int(y["y"])
        elif cn is not None:
            year = chinese_year(cn["y"])  # 二〇二四年施政報告
        elif period_start is not None and _FIVE_YEAR.search(work_title):
            year = period_start
    if year is None and kind == "work_report":
        # A work report (or news of one) plans for the latest year it names near its top.
        years = [int(y["y"]) for y in _YEAR.finditer(head)]
        year = max(years) if years else None
    if year is None:
        # The document's own number (包府发〔2017〕52号 under its title) or the date a regulation was
        # adopted, before a year in the file name (plan_made_in_china_2025.txt names no year of issue).
        year = _issued_year(work)
    if year is None:
        stem = working_text(name)
        ny = _NAME_YEAR.search(stem)
        year = int(ny["y"]) if ny else None
    plain = None
    if period_start is None:
        one = plan_year(work, work_title, year, kind)
        if one is None and not title.strip() and year is not None:
            one = _opening_year_of_work(work, year)
        if one is not None:
            period_start = period_end = one  # a document of one year plans for that year
        else:
            plain = written_for(work, work_title, year, kind)
    return DocInfo(
        title=title.strip(),
        year=year,
        period_start=period_start,
        period_end=period_end,
        kind=kind,
        # (News of a plan that reaches a later year, 到2025年, is about the plan, not a review.)
        reviews=year
        if kind == "work_report"
        and (reviews_its_own_year(head, year) or _title_reports_its_year(work_title, year))
        else reviewed_year(work_title, head, year, kind) or _told_as_results(work, head, year, kind)
        if period_end is None or (year or 0) >= period_end
        else None,
        written_for=plain,
    )


# A whole year the text says it reviews (news of a work report: 在回顾2015年和“十二五”工作时; a report's
# part: 2023年工作回顾): the report is given after it, so its figures are results, whatever year the
# document is dated (a news copy dated by the year it reviews). matches: "回顾2015年", "回顾了2021年的",
# "2023年工作回顾", "2023年政府工作回顾" ; must not match: "回顾2024年上半年" (a part of a year: the rest
# of it may be planned), "回顾“十三五”"
_YEAR_REVIEWED = re.compile(
    r"回顾(?:了|过去的)?[ \t]*(?P<a>(?:19|20)\d{2})[ \t]*年(?![ \t]*(?:上半年|前三季度|第?[一二三四1-4]季度|1[-~至]\d{1,2}月|\d{1,2}月))"
    r"|(?P<b>(?:19|20)\d{2})[ \t]*年[ \t]*(?:政府)?工作回顾"
)


def years_reviewed(work: str) -> frozenset[int]:
    """The whole years ``work`` says it reviews (_YEAR_REVIEWED)."""
    return frozenset(int(m["a"] or m["b"]) for m in _YEAR_REVIEWED.finditer(work))


# The goals a report sets for the year it is given in, named by 今年 (news of a work report: 今年全县经济
# 社会发展的主要预期目标是:…). matches: "今年全县经济社会发展的主要预期目标", "今年主要预期目标" ; must not match:
# "今年以来" (the part of the year gone by), "今年是…"
_THIS_YEARS_GOALS = re.compile(r"今年[^。;\n]{0,30}?预期目标")
# A year told as achieved (2015年,全县实现生产总值…), or a whole year reviewed (_YEAR_REVIEWED: 在回顾2015年
# …工作时): what a report of the year after says of the year before. matches: "2015年,全县实现", "2015年
# 全市完成", "回顾2015年", "2015年工作回顾" ; must not match: "到2015年实现" (a horizon), "2015年将实现",
# "回顾2015年上半年" (a report given within the year)
_ACHIEVED_IN = re.compile(
    r"(?<![到至])(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*,?[ \t]*(?:全[区市县省]|我[区市县省])?[ \t]*(?:实现|完成)|"
    + _YEAR_REVIEWED.pattern
)


def as_its_figures_are_dated(work: str, info: DocInfo, to_years: Iterable[int]) -> DocInfo:
    """The document's year and period as the metric finder dates its figures by them: ``info``
    read again with what only the figures' reading needs (a work report's year after the one it
    reviews, a plan's horizon, a budget's fiscal year; see the three functions below).
    ``to_years`` are the years the text sets out to reach (到2027年), every one it names; ``work``
    is the working text with its years in Arabic numerals (periods.arabic_years)."""
    return _with_fiscal_year(work, _with_horizon(to_years, _after_the_year_reviewed(work, info)))


def _with_horizon(to_years: Iterable[int], info: DocInfo) -> DocInfo:
    """A plan that names no period but sets out to reach a later year (到2027年, the year it names
    most often) plans for the years from its own to that one: its one-off targets with no year of
    their own are for that year, and it is not a plan of one year. So does a text with no title of
    its own (a plan's goals and tasks chapters cut out of it, as the tune part keeps 普陀区's 十五五
    greening plan: its goals open 到2030年), read as a plan (_untitled_plan)."""
    untitled = _untitled_plan(info.title, info.kind)
    if (info.kind != "plan" and not untitled) or info.year is None or info.period_start is not None:
        return info
    counts: dict[int, int] = {}
    for y in to_years:
        if info.year < y <= info.year + 15:
            counts[y] = counts.get(y, 0) + 1
    if not counts:
        return info
    end = max(counts, key=lambda y: (counts[y], -y))
    return replace(info, period_start=info.year, period_end=end)


def _after_the_year_reviewed(work: str, info: DocInfo) -> DocInfo:
    """A work report in news that names no year but the one it reviews (县长作政府工作报告。…2015年,全县
    实现生产总值83.91亿元…;今年全县经济社会发展的主要预期目标是:…) was given the year after: the
    document's year read from its text is the year reviewed (SCHEMA: its year is the one it gives,
    and the year reviewed is not its date), so its 今年 and its plan are that year's next."""
    if info.year is None or info.kind not in ("work_report", "news") or info.reviews is not None:
        return info
    if "今年" not in work or _THIS_YEARS_GOALS.search(work) is None:
        return info
    if any(int(m["y"]) > info.year for m in _YEAR.finditer(work)):
        return info  # a later year named: the document's own, or a goal's
    if not any(int(m["y"] or m["a"] or m["b"]) == info.year for m in _ACHIEVED_IN.finditer(work)):
        return info
    return replace(info, year=info.year + 1)


def _with_fiscal_year(work: str, info: DocInfo) -> DocInfo:
    """A budget for a fiscal year across two calendar years (2013-14年度, named most often among
    the fiscal years the speech names, starting in its own year) plans for the year it ends in."""
    if info.kind != "work_report" or info.year is None or work.find("年度") < 0:
        return info
    counts: dict[int, int] = {}
    for m in FISCAL_YEAR.finditer(work):
        a = int(m["a"])
        counts[a] = counts.get(a, 0) + 1
    if not counts or max(counts, key=lambda a: (counts[a], a)) != info.year:
        return info
    return replace(info, period_start=info.year, period_end=info.year + 1)
