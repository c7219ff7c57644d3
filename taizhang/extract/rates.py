"""Figures said before the rate or level they size (``录得4.1%的实质按年增长``).

Speeches and reports often put a rate before its measure: ``录得15.5%的可观按年升幅``, ``远低于4.5%
的趋势增长率``, ``维持在3.8%的水平``, ``实现6%的增长``. The figure is then the size of that measure,
not a threshold that qualifies the things named after it (``营收10亿元以上的企业``), which is what a
figure followed by 的 usually is. ``metrics`` asks ``sizes_measure_after`` before it drops such a
figure as a threshold.
"""

from __future__ import annotations

import re

__all__ = ["sizes_measure_after", "sizes_amount_after"]

# Units of a rate: a share, a change in points, a multiple.
_RATE_UNITS = frozenset({"%", "个百分点", "倍", "‰"})
# 的, a few words that qualify the measure (按年, 实质, 可观, 本地生产总值名义), and the measure: a
# growth, a change, a level. matches: "的实质按年增长", "的可观按年升幅", "的趋势增长率", "的水平",
# "的低位" ; must not match: "的企业", "的项目增长" (things the figure qualifies), "的增长点"
_MEASURE_AFTER = re.compile(
    r"[ \t]*的[ \t]*(?:(?!企业|项目|单位|机构|公司)[\u4e00-\u9fff]){0,8}?"
    r"(?:增长率|增长(?!点)|增幅|升幅|跌幅|降幅|增速|涨幅|水平|低位|高位|平均数|平均值)"
)


def sizes_measure_after(work: str, end: int, hi: int, unit: str) -> bool:
    """Whether the rate ending at ``end`` is followed (before ``hi``) by the measure it sizes:
    ``4.1%的实质按年增长``, as Hong Kong's budget speeches and debates put it
    (hk_budget_speech_2013: 16.5%的增幅, 4.5%的平均数; hk_fs_policy_debate_economy_2013:
    4.1%的实质按年增长, 3.3%的低位) and mainland reports say ``实现6%的增长``."""
    if unit not in _RATE_UNITS:
        return False
    m = _MEASURE_AFTER.match(work, end, hi)
    return m is not None


# 的, a few words that qualify the amount, and a noun of an amount of money, floor space or land
# (what the figure is the size of, not things it classes). matches: "的经济收益", "的财政储备",
# "的政府开支", "的办公室楼面", "的专用物流土地", "的信贷保证额" ; must not match: "的企业", "的新政策",
# "的奖励" (a benefit's terms), "的项目"
_AMOUNT_AFTER = re.compile(
    r"[ \t]*的[ \t]*(?:(?!企业|项目|单位|机构|公司|家庭|奖励|补贴|资助)[\u4e00-\u9fff]){0,8}?"
    r"(?:收益|收入|开支|支出|储备|赤字|盈余|保证额|贷款额|交易额|产值|营业额|销售额|投资额|楼面|写字楼|土地|用地)"
    r"(?=[ \t]*(?:\Z|[^\u4e00-\u9fff]|的|是|为|将|会|可|已|相|和|及|与|或|作|占))"
)


def sizes_amount_after(work: str, end: int, hi: int, unit: str) -> bool:
    """Whether the figure ending at ``end`` is followed (before ``hi``) by 的 and the amount it
    sizes: money earned, spent or held (``每年超过30亿元的经济收益``, ``8,503亿元的财政储备``,
    ``20个月的政府开支``) or floor space and land (``50万平方米的楼面``, ``约10公顷的土地``), and
    money followed by the works it pays for (``3800万元的背街巷道改造``, as
    hailar_gov_work_report_2013 reviews them). Such a figure is an indicator, not a threshold that classes the things after it
    (``营收10亿元的企业``). Hong Kong's budget speeches say so throughout (hk_budget_speech_2013,
    hk_budget_debate_reply_2013), as do mainland reports (``实现100亿元的营业收入``)."""
    if unit in _RATE_UNITS:
        return False  # a share of an amount (30%的营业收入) is not its size
    if _AMOUNT_AFTER.match(work, end, hi) is not None:
        return True
    return unit == "元" and _WORKS_AFTER.match(work, end, hi) is not None


# 的, a few words that name the works, and a noun of works done: money so placed is what the works
# cost. matches: "的背街巷道改造", "的供水主管网改造", "的污水处理厂扩建工程" ; must not match:
# "的项目", "的企业技术改造项目" (a class of projects)
_WORKS_AFTER = re.compile(
    r"[ \t]*的[ \t]*(?:(?!企业|项目|单位|机构|公司)[\u4e00-\u9fff]){1,10}?"
    r"(?:改造|工程|建设|扩建|新建|更换|整治|修缮)"
    r"(?=[ \t]*(?:\Z|[^\u4e00-\u9fff]|等|和|及|与|已|全部|顺利|基本|相继|陆续))"
)


# The figures after a first one in a list that shares its end: 和 / 、 and a number with the same
# unit or none. matches: "和3%", "、6.5%", "和 3 %" ; must not match: "至3%" (a range), "、力争8%"
_LIST_REST = re.compile(r"(?:[ \t]*[和、及与][ \t]*\d+(?:\.\d+)?[ \t]*(?:%|个百分点)?)+[ \t]*")


def shared_comparator_after(work: str, end: int, hi: int, words: dict[str, str]) -> str:
    """The comparator that closes a list of rates the figure ending at ``end`` opens, when the
    figure has none of its own: ``分别控制在5%和3%以内`` makes both at most, ``分别增长5%、6.5%左右``
    both about. Work reports write their targets so (xizang_gov_work_report_2025: 城镇调查失业率、
    居民消费价格涨幅分别控制在5%和3%以内; jiangxi_gov_work_report_2025: 城镇、农村居民人均可支配
    收入分别增长5%、6.5%左右). ``words`` maps a comparator word written after a figure to its sign."""
    m = _LIST_REST.match(work, end, hi)
    if m is None:
        return ""
    tail = work[m.end() : min(hi, m.end() + 4)]
    for word, sign in words.items():  # longest first
        if tail.startswith(word):
            return sign
    return ""


# What makes N成 a share when it does not follow a comparator or 占 at once: 占 earlier in its
# clause, with the whole the share is taken of between (占政府经常开支六成, 佔全港企業數目九成以上),
# or a verb of growth just before it (增加六成, 增加了六成; 天津's 高峰运力提升四成). matches: "占政府经常开支", "增加了" ;
# must not match: "建" (建成), "形" (形成), "占地100亩,建" (a figure between)
_SHARE_OF = re.compile(r"占[^\d,;。!?:\n]{1,12}?[的 \t]*\Z")
_GROWN_BY = re.compile(r"(?:增加|增长|上升|提高|提升|减少|下降|降低)了?[ \t]*\Z")


def tenths_is_share(work: str, start: int, clause_lo: int) -> bool:
    """Whether N成 at ``start`` is a share in tenths though no comparator stands just before it:
    占 earlier in the clause with the whole between (``佔政府經常開支六成``, ``佔全港人口一成四``)
    or a verb of growth just before (``本地生產總值則只增加六成``). Hong Kong's speeches write shares
    so (hk_budget_speech_2013, hk_budget_debate_reply_2013), as mainland reports do
    (``占全国的三成``). 成 alone is a common character (形成, 建成, 完成): without these it is not
    read."""
    lo = max(clause_lo, start - 16)
    return _SHARE_OF.search(work, lo, start) is not None or _GROWN_BY.search(work, lo, start) is not None


# A comparison with a rate that its measure follows: 低于 / 高于 just before the figure.
# matches: "低于", "高于 " ; must not match: "不低于" (a bound), "低于同期" (words between: the
# comparator is not read there at all)
_COMPARED = re.compile(r"(?<!不)(?:低于|高于)[ \t]*\Z")


def compares_with_measure(work: str, start: int, raw_end: int, unit: str) -> bool:
    """Whether the rate at [start, raw_end) is what something else is compared with: 低于 / 高于
    just before it and its measure after it (``远低于4.5%的趋势增长率``, ``远高于同期5.5%的本地生产
    总值名义增长``). The figure then states that measure as it is (=), not a bound on it; Hong Kong's
    speeches compare so (hk_budget_speech_2013: 远低于过去10年4.5%的平均数;
    hk_budget_debate_reply_2013; hk_fs_policy_debate_economy_2013)."""
    if _COMPARED.search(work, max(0, start - 6), start) is None:
        return False
    return sizes_measure_after(work, raw_end, min(len(work), raw_end + 24), unit)
