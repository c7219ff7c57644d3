"""Deadlines (完成时限): a month, a year, ongoing (常态化推进), or none."""

from __future__ import annotations

import re
from functools import lru_cache

from .docinfo import numbered_plan_period
from .lexicon import load_data, ongoing_phrases
from .model import Deadline
from .numbers import chinese_year, parse_chinese, parse_count

__all__ = ["parse_deadline", "find_deadline"]


def _first_group(m: re.Match[str]) -> str:
    """The name of the group a relative date opens with (after 力争 / 到 …)."""
    return (
        "which"
        if m.group("which")
        else next(g for g in ("end", "within", "month", "half", "quarter") if m.group(g))
    )


# A month's number, in Arabic or Chinese numerals (what _month reads: 1 to 12 every one).
# matches: "12", "06", "6", "十二", "十", "六" ; must not match: "13", "十三"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
# A date: a year and an optional month, quarter or half.
# matches: "2024年12月", "2024年底", "2024.6", "2025年上半年", "2024年第三季度", "二〇二五年六月"
# must not match: "12个月", "2024" alone inside "2024项"
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})\s*"
    rf"(?:年\s*(?:(?P<month>{_MONTH})\s*月"
    r"|(?P<end>年?底|年?末)"
    r"|(?P<half>上半年|下半年)"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r")?|[.\-/](?P<month2>1[0-2]|0?[1-9])(?![\d]))"
)
# A year with 年 after it: "2024年" (as _DATE reads a year alone: its 年 or a month after a dot or a dash
# is not optional).
_YEAR_WORD = re.compile(r"(?:19|20)\d\d\s*年")
# The date of such a deadline: a year, with a month (and day), a half or a quarter.
# matches: "2025年", "2024年12月31日", "2025年上半年", "2024年第三季度末"
_TEXT_DATE = (
    r"(?:19|20)\d\d\s*年(?:\s*(?:1[0-2]|0?[1-9])\s*月(?:\s*(?:[12]\d|3[01]|0?[1-9])\s*日)?"
    r"|上半年|下半年|第?[一二三四1-4]季度)?(?:底|末)?"
)
# A date inside a task's own words that is its deadline: "到2025年", "2024年底前", "于2024年6月完成".
# matches: "到2025年", "2024年12月底前", "力争2025年前", "2025年12月31日前", "2024年一季度完成" ;
# matches too: "在2018年完成", "负责2018年完成", "在2026年汛期前完成", "在2026年建立" ; must not match: "2024年率先实现", "2024年完成" (a year alone before 完成
# dates the action), "在2018年完成了"
_TEXT_DEADLINE = re.compile(
    r"(?:(?:(?<![\u4e00-\u9fff])(?:到|至|于)|力争(?:到|在|于)?|争取(?:到|在|于)?|确保(?:到|在|于)?|计划(?:到|在|于)?)\s*(?P<a>"
    + _TEXT_DATE
    + r")|(?P<b>"
    + _TEXT_DATE
    + r")\s*(?:前|以前|之前)"
    r"|(?P<c>(?:19|20)\d\d\s*年(?:\s*(?:1[0-2]|0?[1-9])\s*月(?:底|末)?|上半年|下半年|第?[一二三四1-4]季度(?:末)?))\s*完成"
    # "在2018年完成", "负责2018年完成": a year the work is to be done in, said with 在 or as the duty of
    # a unit (a district's division of duties,
    # "负责…各中小学在2019年完成垃圾分类工作"; "在2020年完成" in ministries' plans); "完成了" is a
    # past fact, not a deadline.
    # "在2026年汛期前完成", "在2026年建立…" (the 2025 drainage reform plans of 静安 and 黄浦): a season
    # of the year before the verb, and 建立 / 建成 as the work's verb, date the work the same way.
    r"|(?:在|负责)\s*(?P<d>"
    + _TEXT_DATE
    + r")\s*(?:(?![底末])[\u4e00-\u9fff]{1,2}前)?\s*(?:完成|建立|建成)(?!了))"
)


# What may stand in a _TEXT_DEADLINE match before its year: the words before the date, and white space.
_BEFORE_TEXT_DATE = frozenset("到至于力争取确保计划在负责")


def _text_deadline_floor(work: str) -> int:
    """Where _TEXT_DEADLINE's matches in ``work`` can start at the earliest: every match holds a
    year with 年 (a match of _YEAR_WORD, so at or after the first) and has only the words before
    the date (到, 力争在…) and white space before it; the pattern, which opens with no one literal,
    is tried at every character before that otherwise (a task's date most often closes it:
    "…，2025年底前完成")."""
    first = _YEAR_WORD.search(work)
    if first is None:
        return len(work)
    lo = first.start()
    while lo > 0 and (work[lo - 1] in _BEFORE_TEXT_DATE or work[lo - 1].isspace()):
        lo -= 1
    return lo


# What may not stand just before a relative date: a figure or a word that makes it some other
# year's or a recurring date ("三年内", "每年年底", "当年", "上半年" of "去年上半年", "2024年底").
_NOT_BEFORE_RELATIVE = "0-9〇零○一二三四五六七八九十两几多每当该上同次去前近个半整周学财逐历年"
# A date relative to the document's own year, in a deadline cell or a note: "年底前", "6月底",
# "年内", "上半年", "三季度末", "今年12月", "明年6月底前"; "全年" (the work of an annual list
# that runs the whole year) is of the year as 年内 is.
# matches: "年底前", "6月底前完成", "年内", "三季度", "全年" ; must not match: "三年内", "每年年底",
# "12个月"
_RELATIVE = re.compile(
    rf"(?<![{_NOT_BEFORE_RELATIVE}])(?P<which>今年|本年度?|明年|次年)?"
    r"(?:(?P<end>年底|年末)|(?P<within>年内|全年)"
    rf"|(?P<month>{_MONTH})\s*月(?![份]?[以之]?内)"
    r"|(?P<half>上半年|下半年)|第?(?P<quarter>[一二三四1-4])季度)"
)
# The same in a task's own words, where a bare date may only date an action ("6月举办"): it needs
# 前 / 完成 after it, or 力争 / 确保 / 到 before it; "年内" stands alone.
# matches: "年底前", "6月底前", "力争年底", "年内", "9月30日前" ; must not match: "6月举办",
# "年底召开", "在3月举办"
_RELATIVE_TEXT = re.compile(
    rf"(?:(?:力争|确保|争取|(?<![\u4e00-\u9fff])到)\s*)?(?<![{_NOT_BEFORE_RELATIVE}])"
    r"(?P<which>今年|本年度?|明年|次年)?"
    r"(?:(?P<end>年底|年末)|(?P<within>年内)"
    rf"|(?P<month>{_MONTH})\s*月(?:底|末|中旬|下旬|上旬|\d{{1,2}}日)?"
    r"|(?P<half>上半年|下半年)|第?(?P<quarter>[一二三四1-4])季度(?:末)?)"
    r"(?P<after>\s*(?:前|以前|之前|底前|完成))?"
)


# A duty due on a day of every month: "各牵头单位要于每月28日前将…进展情况报送…" (the requirements of city
# and county notices distributing their work reports' tasks: a report every month, a recurring duty
# with no end date). A date of the year in the same words outranks it.
# matches: "每月28日前", "每月5日之前", "每月底前" ; must not match: "每月召开", "每月28日召开"
_MONTHLY_DUE = re.compile(
    r"每(?:个)?月(?:\d{1,2}日|[一二三]?十?[一二三四五六七八九十]日|底|末)(?:前|之前|以前)"
)


# A five-year plan period named as a deadline: "“十四五”期间" ends in 2025 (十一五 2006-2010,
# 十四五 2021-2025, 十五五 2026-2030: general knowledge of the national plan calendar).
# matches: "“十四五”期间", "十四五末", "十五五时期内" ; must not match: "十四五规划纲要", "十四五重点项目"
_PLAN_PERIOD = re.compile(r"十(?P<n>[一二三四五六七八九])五[”\"]?(?:规划)?(?:期间|时期|末)")


# After a date in a deadline cell: the date is when the work starts ("2024年起持续推进", "自2023年
# 7月开始,长期坚持"), so the cell's deadline is what follows it (ongoing), not that date.
# matches: "起", "开始", "以来" ; must not match: "前", "底前", "完成"
_STARTS_AT = re.compile(r"\s*(?:起|开始|以来)")


def _starts_at(work: str, end: int) -> bool:
    """The date that ends at ``end`` is when the work starts: a deadline cell written "2024年起持续
    推进" or "自2023年7月开始,长期坚持" (the way task tables give standing work a start) is due at
    no date, and goes on. No cell of the corpora reads so yet: general knowledge of the tables."""
    return _STARTS_AT.match(work, end) is not None


def _month(text: str | None) -> int | None:
    """The month of a month group of _DATE, _RELATIVE or _RELATIVE_TEXT (_MONTH, or 1[0-2] and
    0?[1-9] after a dot or a dash: 1 to 12 every one), or None when the group is empty."""
    if not text:
        return None
    return int(text) if text.isdigit() else parse_chinese(text)


def _from_match(m: re.Match[str], source: str) -> Deadline:
    year = chinese_year(m.group("year"))
    month = _month(m.group("month")) or _month(m.group("month2"))
    if month is None and m.group("end"):
        month = 12
    if month is None and m.group("half"):
        month = 6 if m.group("half") == "上半年" else 12
    if month is None and m.group("quarter"):
        q = m.group("quarter")
        month = 3 * ("一二三四".index(q) + 1 if q in "一二三四" else int(q))
    if month is not None:
        return Deadline("month", year, month, source)
    return Deadline("year", year, None, source)


def parse_deadline(work: str, orig: str | None = None, year: int | None = None) -> Deadline | None:
    """The deadline a deadline cell or phrase gives; the latest when it gives several.

    ``work`` is the working text (simplified, half-width); ``orig`` is kept as the deadline's
    text. A date relative to the document's year (年底前, 6月底, 年内) needs ``year``, the
    document's own. ``None`` when it gives no deadline.
    """
    if len(work) > 64:
        return _parse_deadline(work, orig, year)
    return _short_deadline(work, orig, year)


def clear_caches() -> None:
    """Forget the memo of short deadlines."""
    _short_deadline.cache_clear()


@lru_cache(maxsize=4096)
def _short_deadline(work: str, orig: str | None, year: int | None) -> Deadline | None:
    """``parse_deadline`` of a short text: a document repeats its deadlines (a Deadline is frozen)."""
    return _parse_deadline(work, orig, year)


# Work that recurs every few years, as 每年 recurs every year: "每五年组织一次普查", "每两年开展一次评估",
# "每3年修订一次" (regulations schedule reviews so: 上海市文物保护条例 "应当每五年对市级文物保护单位进行
# 评估", 上海市教育督导条例 "每五年至少实施一次综合督导"). matches: "每五年", "每2年" ; must not match:
# "每年" (a phrase of its own), "每年度"
_EVERY_N_YEARS = re.compile(r"每(?:[两二三四五六七八九十]|[1-9]\d?)年")


def _may_be_relative(work: str) -> bool:
    """A cheap first look: the words every relative date holds one of."""
    return (
        "月" in work
        or "年底" in work
        or "年内" in work
        or "年末" in work
        or "季度" in work
        or "半年" in work
        or "全年" in work
    )


def _relative(m: re.Match[str], year: int, source: str) -> Deadline:
    """The deadline a relative date (``_RELATIVE`` or ``_RELATIVE_TEXT``) gives in ``year``."""
    if m.group("which") in ("明年", "次年"):
        year += 1
    if m.group("within"):
        return Deadline("year", year, None, source)
    month = 12
    if m.group("month"):
        month = _month(m.group("month")) or 12
    elif m.group("half"):
        month = 6 if m.group("half") == "上半年" else 12
    elif m.group("quarter"):
        q = m.group("quarter")
        month = 3 * ("一二三四".index(q) + 1 if q in "一二三四" else int(q))
    return Deadline("month", year, month, source)


def _latest(a: Deadline | None, b: Deadline) -> Deadline:
    if a is None or (b.year or 0, b.month or 13) > (a.year or 0, a.month or 13):
        return b
    return a


def _parse_deadline(work: str, orig: str | None, year: int | None = None) -> Deadline | None:
    text = (orig if orig is not None else work).strip()
    best: Deadline | None = None
    started = False
    for m in _DATE.finditer(work):  # (a year alone is matched only with its 年: see _DATE)
        if _starts_at(work, m.end()):
            started = True
            continue  # "2024年起持续推进": when the work starts, not when it is due
        d = _from_match(m, text)
        if best is None or (d.year or 0, d.month or 13) >= (best.year or 0, best.month or 13):
            best = d
    if best is not None and (best.year is None or not _may_be_relative(work)):
        return best
    if best is not None and best.year is not None:
        # Months with no year beside a date of a year ("2024年，6月底前完成", the range "2024年10月至12月";
        # a cell of dated steps, "①3月底前，召开会议，明确2023年指标目标…③6月底前，出台…"): the months are
        # of that year, and the last of them is the deadline when it is later than the date.
        relative: Deadline | None = None
        for m in _RELATIVE.finditer(work):
            if not m.group("which") and not m.group("within"):
                relative = _latest(relative, _relative(m, best.year, text))
        if relative is None or (
            best.month is not None and relative.month is not None and relative.month <= best.month
        ):
            return best
        return relative
    if year is not None and _may_be_relative(work):
        for m in _RELATIVE.finditer(work):
            best = _latest(best, _relative(m, year, text))
        if best is not None:
            return best
    compact = re.sub(r"\s+", "", work)
    if started or (
        compact and (any(p in compact for p in ongoing_phrases()) or _EVERY_N_YEARS.search(compact))
    ):
        # Work that starts at a date and is given no end goes on ("2023年起").
        return Deadline("ongoing", None, None, text)
    return None


# A span of years from the document's own that a piece of work is to take: "2年内完成", "三年内
# 实现", "用4年左右时间完成", "力争用两年时间". Not a span counted from an event ("竣工后五年内",
# "备案后二年内", "次年起三年内", "重组完成后的3年内") nor a recurring or past one ("每年", "近三年内"),
# and the work is one to complete (完成, 实现, 建成…), not a benefit paid within a time ("2年内予以
# 兑现奖励").
# matches: "3年内完成", "用4年左右时间建立" ; must not match: "竣工后五年内", "近三年内", "历时三年",
# "2年内予以兑现"
_YEARS_FROM_NOW = re.compile(
    r"(?<![后前起的近每\d〇零一二三四五六七八九十两])(?P<use>用)?(?P<n>[1-9]|十|[一二三四五六七八九两])\s*年(?:左右)?"
    r"(?P<tail>时间|内)(?=[,，]?\s*(?:全面|基本|逐步|力争)?(?:完成|实现|建成|建立|形成|达到|消除|覆盖|解决))"
)


# A span of years that opens a clause whose work is a quantity to reach: "5年内重点引进和培养1万名…",
# "三年内新建养老机构20家", "5年内培训新型农民达到40000名" (talent and project plans set their targets
# over the plan's years so). The span opens the clause (or follows 力争 / 争取 / 确保) and no benefit is
# paid or enjoyed within it ("5年内享受政府薪酬补贴", "3年内免征", "2年内予以兑现"), nor is it a cadence
# ("三年内按年度…"); the clause, up to its stop, holds a figure with a measure word.
# matches: ",5年内重点引进100名", "三年内新建20家" ; must not match: ",5年内享受政府薪酬补贴",
# ",三年内按年度对…进行改造", "离校1年内未就业", "在3年内按实际招用人数"
_YEARS_TO_REACH = re.compile(
    r"(?:^|(?<=[,;:。])|(?<=力争)|(?<=争取)|(?<=确保))\s*(?P<n>[1-9]|十|[一二三四五六七八九两])\s*年内"
    r"(?![,]?\s*(?:享受|享有|予以|兑现|给予|免征|免收|减半|减按|补贴|奖励|按年度|每年|逐年))"
    r"(?=[^。;]*?(?:\d|[一二三四五六七八九十两百千万])\s*(?:万|亿)?\s*(?:名|个|家|项|套|人|所|座|条|处|场次|户|次))"
)


def _years_from_now(work: str, orig: str | None, year: int, found: Deadline | None) -> Deadline | None:
    """A deadline given as a number of years from the document's own: "2年内完成现有31条…治理任务"
    in a 2025 plan is the year 2027 (Yangpu's and Minhang Wujing town's plans write their steps so,
    as work plans commonly do: "三年内实现", "用两年左右时间完成"). "N年内" with nothing before it, or
    "用N年…时间"; a span after an event (竣工后五年内) is no deadline. A span that opens a clause
    setting a quantity to reach ("5年内重点引进和培养1万名", 广州's talent plan) is one too."""
    for m in _YEARS_TO_REACH.finditer(work):
        found = _latest(found, _years_later(m, m.start("n"), work, orig, year))
    for m in _YEARS_FROM_NOW.finditer(work):
        if m.group("tail") == "时间" and not m.group("use"):
            continue  # "三年时间" alone: a duration, not a deadline
        found = _latest(found, _years_later(m, m.start(), work, orig, year))
    return found


def _years_later(m: re.Match[str], start: int, work: str, orig: str | None, year: int) -> Deadline:
    """The year ``m``'s span of years (its group ``n``) after the document's ``year`` ends in, quoted
    from ``start``."""
    return Deadline("year", year + parse_count(m.group("n")), None, (orig or work)[start : m.end()])


# A year that opens a sentence or clause and is set off by a comma, before a verb of work: the time
# that work is to be done in ("。2027年，制定出台全市公园体检评估办法", "…盘子,2024年,滚动推进市重点建设
# 项目400个以上": work plans and policy packages date a step so: the tune shanghai_park_quality_plan_2026
# and the 浙江 policy packages of 金华市 and 湖州市). A year before the document's own is a past one the
# clause reports ("2022年,全市发放消费补贴…"); a target or a standard after the year ("2025年,力争…达到
# 2.95%", "2020年,省内各银行机构…不得低于…") dates a figure, not work: no deadline.
# matches: "。2027年，" + 制定, ",2024年," + 滚动推进 ; must not match: "2024年率先实现", "2023年以来,",
# "2025年,力争"
_CLAUSE_YEAR = re.compile(r"(?:^|(?<=[。；;，,：:\n]))\s*(?P<y>(?:19|20)\d\d)\s*年\s*[，,]\s*")


@lru_cache(maxsize=1)
def _clause_year_work() -> re.Pattern[str]:
    """The opening of the work a clause-opening year dates: a verb of work (data/deadlines.json),
    an adverb before it allowed ("滚动推进", "全面完成")."""
    data = load_data("deadlines.json")
    verbs = "|".join(sorted(data["clause_year_verbs"], key=len, reverse=True))
    adverbs = "|".join(sorted(data["clause_year_adverbs"], key=len, reverse=True))
    return re.compile(rf"(?:{adverbs})?(?:{verbs})")


def _clause_year(work: str, orig: str | None, year: int | None, found: Deadline | None) -> Deadline | None:
    """The year of ``_CLAUSE_YEAR`` in a task's words, before a verb of work, when no month of it is
    given already and it is not before the document's ``year`` (a past year dates a report)."""
    for m in _CLAUSE_YEAR.finditer(work):
        y = int(m.group("y"))
        if year is None or y < year or not _clause_year_work().match(work, m.end()):
            continue
        if found is not None and found.year == y and found.month is not None:
            continue  # a month of that year is named (the more exact date)
        src = (orig or work)[m.start("y") : m.end("y") + 1]
        found = _latest(found, Deadline("year", y, None, src))
    return found


# What a day-precise date after 至 closes (see _bounds_a_term): the end of a term, not of a piece of
# work. The term is what the date is "to": a period from a day (自2023年1月1日至…, 2022年4月25日至…,
# 自本意见印发之日起至…, 发文之日起至…), a policy or a benefit running (执行至, 实施至, 延长至, 延至,
# 期限至, 截至, 截止至, 有效期至), a span (…期间). matches: "2023年1月1日至", "之日起至", "执行至", "延长至",
# "截至", "有效期为2024年6月1日至" ; must not match: "于", "力争到", "确保到"
_TERM_BEFORE_TO = re.compile(
    r"(?:日|之日起?|起|执行|实施|施行|延长|延|期限|截|截止|有效期|时间|期)[ \t]*(?:开始)?[ \t]*\Z"
)
# A condition a date bounds (what follows the date, within its sentence, ends a clause on 的: 在2028年
# 12月31日前缴清契税的, 2022年12月31日前,项目首次申请预售许可的,): who benefits, not when work is due.
# matches: "缴清契税的,", ",项目首次申请预售许可的," ; must not match: "完成排查。", ",对风险较大的房屋完成排查。"
_CONDITION_AHEAD = re.compile(r"[^;；。:：]{0,60}?的[ \t]*[,，]")
# The rest of the date's own clause, up to a comma. matches: "缴清契税的," (group 1 "缴清契税的"), "," (empty)
_OWN_CLAUSE = re.compile(r"([^,，;；。:：]{0,60})[,，]")


def _bounds_a_term(work: str, m: re.Match[str], key: str) -> bool:
    """The day-precise date of a _TEXT_DEADLINE match ``m`` bounds a term rather than dates work:
    the end of a period, a policy's or a benefit's run (自2023年1月1日至2023年12月31日, 执行至2024年
    12月31日, 截至2022年12月31日), or the cut-off of a condition on who benefits (在2026年6月30日前
    缴清契税的,…; 2022年12月31日前,项目首次申请预售许可的,…). The measures of housing, finance and
    relief packages bound their benefits so; SCHEMA gives a validity end no deadline, and a task's
    deadline is when its work is due. A date before 完成 or 报 (于2023年3月25日前完成,
    2021年6月20日前…完成排查) is a deadline still."""
    lo = m.start(key)
    before = work[max(0, lo - 14) : lo].rstrip()
    if before.endswith(("至", "到")) and _TERM_BEFORE_TO.search(before[:-1]) is not None:
        return True  # (至 opens the match, or stands before a date with 前: 自…之日起至2023年12月31日前)
    if before.endswith("对"):
        return True  # 对2024年3月31日之前供应的…: which ones, not when
    # The clause of the date ends on 的 (在2028年12月31日前缴清契税的,): a condition. So do the clauses
    # after a date alone in its clause (2022年4月25日前,在市区购买住宅,并在期间缴纳契税的,); a clause
    # of its own after the date's work (须在3月10日前提交资料,未按期提交的,…) is another's.
    own = _OWN_CLAUSE.match(work, m.end())
    if own is not None and own.group(1).strip():
        return own.group(1).rstrip().endswith("的")
    return _CONDITION_AHEAD.match(work, m.end()) is not None


def find_deadline(work: str, orig: str | None = None, year: int | None = None) -> Deadline | None:
    """A deadline stated inside a task's own words (``到2025年``, ``2024年底前``), or None.

    A year that only dates an action (``2024年率先实现``) is not a deadline. A date relative to
    the document's year (``年底前``, ``6月底前完成``, ``年内``) needs ``year``, the document's own.
    """
    found: Deadline | None = None
    if year is not None and _may_be_relative(work):
        for m in _RELATIVE_TEXT.finditer(work):
            if m.group("after") or m.group("within") or m.start() < m.start(_first_group(m)):
                src = (orig or work)[m.start() : m.end()]
                found = _latest(found, _relative(m, year, src))
    if year is not None and "年" in work and ("内" in work or "时间" in work):
        found = _years_from_now(work, orig, year, found)
    if "十" in work and "五" in work:
        for m in _PLAN_PERIOD.finditer(work):
            end_year = numbered_plan_period(m.group("n"))[1]
            found = _latest(found, Deadline("year", end_year, None, (orig or work)[m.start() : m.end()]))
    if found is None and "每月" in work:
        due = _MONTHLY_DUE.search(work)
        if due is not None:
            found = Deadline("ongoing", None, None, (orig or work)[due.start() : due.end()])
    if "年" not in work or ("20" not in work and "19" not in work):
        return found  # (every way of the pattern holds a year of four digits and 年)
    for m in _TEXT_DEADLINE.finditer(work, _text_deadline_floor(work)):
        key = next(k for k in "abcd" if m.group(k))
        part, start = m.group(key), m.start(key)
        if "日" in part and _bounds_a_term(work, m, key):
            continue  # 自…起至2023年12月31日, 在2025年6月30日前缴清契税的: when a term holds, no deadline
        d = parse_deadline(part, (orig or work)[start : start + len(part)])
        if d is not None and (
            found is None or (d.year or 0, d.month or 13) > (found.year or 0, found.month or 13)
        ):
            found = d
    if "," in work or "，" in work:
        found = _clause_year(work, orig, year, found)
    return found
