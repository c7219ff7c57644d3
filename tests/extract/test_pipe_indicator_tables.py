"""Tables of indicators a crawl wrote a cell a line, each cell closed by a pipe, with no sequence
column (indicator_tables.pipe_indicator_tables). The texts are made up for the tests."""

from __future__ import annotations

from taizhang.extract import extract_text

# A 十四五 plan's review of the 十三五 indicators: completed years are actuals, the growth column
# the period's actual growth; a group row, a row of blank cells, a category before its indicator.
REVIEW = """某市国民经济和社会发展第十四个五年规划纲要

2021年2月

表1 “十三五”时期主要指标完成情况
指标 |
2015年完成 |
2020年完成 |
“十三五”年均增长(%) |
指标属性 |
一、经济发展 |
|||||
地区生产总值(亿元) |
300 |
450 |
8.4 |
预期性 |
常住人口城镇化率(%) |
50.5 |
58.2 |
提高7.7个百分点 |
预期性 |
二、绿色生态 |
||||
单位地区生产总值能耗降低(%) |
/ |
/ |
完成上级下达目标 |
约束性 |
森林覆盖 |
森林覆盖率(%) |
40.1 |
42 |
/ |
约束性 |

第一章 发展环境
"""

# A plan's goals: the goal year is a target, the growth column the plan's target growth.
GOALS = """某县“十四五”规划纲要

2021年3月

主要指标 |
2020年 |
2025年 |
年均增长(%) |
属性 |
规模以上工业增加值(亿元) |
80 |
120 |
8.5左右 |
预期性 |
城镇居民人均可支配收入(元) |
30000 |
42000 |
7 |
预期性 |

第二章 主要任务
"""


def _metrics(text: str) -> set[tuple[str, str, float, str, str, int | None]]:
    return {(m.kind, m.indicator, m.value, m.unit, m.comparator, m.year) for m in extract_text(text).metrics}


def test_review_columns_and_growth() -> None:
    found = _metrics(REVIEW)
    assert ("actual", "地区生产总值", 30000000000, "元", "=", 2015) in found
    assert ("actual", "地区生产总值", 45000000000, "元", "=", 2020) in found
    assert ("actual", "地区生产总值年均增长", 8.4, "%", "=", 2020) in found
    assert ("actual", "常住人口城镇化率提高", 7.7, "个百分点", "=", 2020) in found
    # the category cell (森林覆盖) is no indicator: the next cell is
    assert ("actual", "森林覆盖率", 42, "%", "=", 2020) in found
    # words and "/" give nothing, nor does a pipe become an indicator
    assert len(found) == 8
    assert not any("|" in m[1] or "完成上级" in m[1] for m in found)


def test_goal_columns_are_targets() -> None:
    found = _metrics(GOALS)
    assert ("actual", "规模以上工业增加值", 8000000000, "元", "=", 2020) in found
    assert ("target", "规模以上工业增加值", 12000000000, "元", "=", 2025) in found
    assert ("target", "规模以上工业增加值年均增长", 8.5, "%", "~", 2025) in found
    assert ("target", "城镇居民人均可支配收入年均增长", 7, "%", "=", 2025) in found
    assert len(found) == 6


# A category column before a spaced indicator heading, a unit column, a name wrapped onto two lines.
WITH_UNITS = """某区“十四五”规划纲要

2021年1月

类别 |
指 标 |
单位 |
2020年 |
2025年 |
年均增长(%) |
属性 |
经济发展 |
地区生产总值 |
亿元 |
900 |
1300 |
7.5 |
预期性 |
民生福祉 |
每千人口养老
床位数 |
张 |
35 |
40 |
/ |
约束性 |
"""


def test_unit_column_category_and_wrapped_name() -> None:
    found = _metrics(WITH_UNITS)
    assert found == {
        ("actual", "地区生产总值", 90000000000, "元", "=", 2020),
        ("target", "地区生产总值", 130000000000, "元", "=", 2025),
        ("target", "地区生产总值年均增长", 7.5, "%", "=", 2025),
        ("actual", "每千人口养老床位数", 35, "张", "=", 2020),
        ("target", "每千人口养老床位数", 40, "张", "=", 2025),
    }
