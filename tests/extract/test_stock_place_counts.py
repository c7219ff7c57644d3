"""A poverty plan's 基本情况 (invented text): the count of the villages and townships it starts from,
named before the figure (贫困村52个), is an actual of the document's year like the population and the
rate beside it; the facilities counted there (村卫生室60个, 泵站12座) stay an inventory, no metric.
See metrics._COUNTED_PLACES."""

from __future__ import annotations

from taizhang.extract import extract_text

PLAN = (
    "某县“十三五”脱贫攻坚实施方案\n\n"
    "发布日期：2016年5月4日\n\n"
    "一、基本情况\n"
    "全县现有贫困乡镇4个，贫困村52个，建档立卡贫困人口1.8万人，贫困发生率8.2%。"
    "全县有村卫生室60个，泵站12座。\n\n"
    "二、目标任务\n"
    "到2020年，贫困村全部退出，贫困人口全部脱贫。\n"
)


def test_counts_of_poor_places_are_where_the_plan_starts() -> None:
    got = {m.value: (m.kind, m.year) for m in extract_text(PLAN).metrics}
    assert got[4.0] == ("actual", 2016)
    assert got[52.0] == ("actual", 2016)
    assert got[18000.0] == ("actual", 2016)
    assert 60.0 not in got and 12.0 not in got
