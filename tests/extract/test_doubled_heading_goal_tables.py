"""A table of assessed performance goals a crawl wrote a cell a line ("cell |"), its heading written
twice: a row of group headings (策略績效目標 / 衡量指標 / a run of pipes), then the full heading row on
one line of pipes (衡量指標 | 評估體制 | 評估方式 | 衡量標準 | 年度目標值). Each goal (numeral, text
with its weight) holds sub-goals: numeral, text with weight, assessment grade, way, measure, target.
Each sub-goal is a task (without its weight); each target a metric named by its measure, of the
table's year (民國); the weights are no metrics.

The tables are made up for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

_GROUP = ["衡量指標 |", "策略績效目標 |", "衡量指標 |", "|||||||"]
_HEAD = "衡量指標 | 評估體制 | 評估方式 | 衡量標準 | 105年 年度目標值 |"
_CELLS = [
    "一",
    "提升農業產值",
    "與品質(30%)",
    "1",
    "推廣有機耕作(8%)",
    "1",
    "統計數據",
    "有機耕作面積/計畫耕作面積*100%(單位:公頃)",
    "95%",
    "2",
    "辦理農產展售(5%)",
    "1",
    "統計數據",
    "年度辦理展售活動數",
    "12場",
    "二",
    "促進休閒農業(20%)",
    "1",
    "增加休閒農場遊客(10%)",
    "1",
    "統計數據",
    "年度休閒農場遊客人次",
    "50萬人次",
]


def _text() -> str:
    lines = [*_GROUP, _HEAD, *(f"{c} |" for c in _CELLS)]
    return "某縣政府農業處105年度施政計畫\n\n一、年度施政績效目標\n" + "\n".join(lines) + "\n"


def test_each_sub_goal_is_a_task_and_each_target_a_metric_of_its_measure() -> None:
    got = extract_text(_text())
    assert [t.text for t in got.tasks] == ["推廣有機耕作", "辦理農產展售", "增加休閒農場遊客"]
    assert [(m.indicator, m.value, m.unit, m.year) for m in got.metrics] == [
        ("有機耕作面積/計畫耕作面積", 95, "%", 2016),
        ("年度辦理展售活動數", 12, "场", 2016),
        ("年度休閒農場遊客人次", 500000, "人次", 2016),
    ]
