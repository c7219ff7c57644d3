"""A table of assessed performance goals copied out of a web page or a PDF a cell a line, each cell
closed by a line of pipes and each row by a run of them: the heading row too (策略績效目標 / | / 衡量指標
/ | / ||||||| / 衡量指標 / | / 評估體制 / | / 評估方式 / | / 衡量標準 / | / 103年 / 年度目標值 / | / ||||).
Each indicator row (numeral, name with its weight, 評估體制, 評估方式, 衡量標準, target) gives one task
(the indicator's name) and one target of the table's year, named by its measure (a ratio without its
"*100%(單位:…)"); a measure that lists milestones names nothing: the indicator's name does. Weights,
milestones and assessment grades are no metrics.

The tables are made up for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text


def _closed(*cells: str) -> list[str]:
    out: list[str] = []
    for c in cells:
        out.extend([*c.split("\n"), "|"])
    return out


_HEADING = [
    *_closed("策略績效目標", "衡量指標"),
    "|||||||",
    *_closed("衡量指標", "評估體制", "評估方式", "衡量標準", "104年\n年度目標值"),
    "||||",
]

_ROWS = [
    "一",
    "|",
    "促進觀光餐旅發展(30%) |",
    *_closed(
        "一", "輔導夜市環境改善(10%)", "1", "統計數據", "完成改善夜市數/計畫改善夜市數*100%(單位:處)", "100%"
    ),
    "|||",
    *_closed("二", "辦理美食節活動(8%)", "1", "統計數據", "年度辦理美食推廣場次", "12場"),
    "|",
    *_closed(
        "三",
        "興建觀光服務中心(12%)",
        "1",
        "統計數據",
        "完成工作項目\n1.完成規劃設計20%\n2.完成工程發包40%\n3.主體工程完成80%",
        "80%",
    ),
    "|||",
    "二",
    "|",
    "扶植在地產業(20%) |",
    *_closed("一", "輔導商圈組織(20%)", "1", "統計數據", "年度輔導成立商圈數", "18家"),
    "|||",
]


def _text(title: str, heading: list[str], rows: list[str]) -> str:
    return (
        title
        + "\n\n貳、年度施政績效目標\n"
        + "\n".join([*heading, *rows])
        + "\n\n參、附則\n本計畫自公布日施行。\n"
    )


def test_each_indicator_row_is_a_task_and_its_target_a_metric_of_the_year() -> None:
    got = extract_text(_text("某市政府產業發展局104年度施政計畫", _HEADING, _ROWS))
    assert [(t.text, t.lead_units) for t in got.tasks] == [
        ("輔導夜市環境改善", ()),
        ("辦理美食節活動", ()),
        ("興建觀光服務中心", ()),
        ("輔導商圈組織", ()),
    ]
    assert [(m.indicator, m.value, m.unit, m.comparator, m.year, m.kind) for m in got.metrics] == [
        ("完成改善夜市數/計畫改善夜市數", 100, "%", "=", 2015, "target"),
        ("年度辦理美食推廣場次", 12, "场", "=", 2015, "target"),
        ("興建觀光服務中心", 80, "%", "=", 2015, "target"),
        ("年度輔導成立商圈數", 18, "家", "=", 2015, "target"),
    ]


def test_no_metric_from_weights_milestones_or_grades() -> None:
    got = extract_text(_text("某市政府產業發展局104年度施政計畫", _HEADING, _ROWS))
    values = sorted(m.value for m in got.metrics)
    assert values == [12, 18, 80, 100]  # not 30, 10, 8, 20 (weights), 20, 40 (milestones), 1


_HEADING_SIMPLIFIED = [
    *_closed("策略绩效目标", "衡量指标"),
    "|||||||",
    *_closed("衡量指标", "评估体制", "评估方式", "衡量标准", "2023年\n年度目标值"),
    "||||",
]

_ROWS_SIMPLIFIED = [
    "一",
    "|",
    "提升政务服务效能(40%) |",
    *_closed(
        "一", "推进一网通办(15%)", "1", "统计数据", "网上可办事项数/政务服务事项总数*100%(单位:项)", "95%"
    ),
    "|",
    *_closed("二", "建设便民服务站(10%)", "1", "统计数据", "年度新建便民服务站数", "30个"),
    "|||",
]


def test_the_same_table_in_simplified_script() -> None:
    got = extract_text(_text("某市行政审批局2023年度绩效目标表", _HEADING_SIMPLIFIED, _ROWS_SIMPLIFIED))
    assert [t.text for t in got.tasks] == ["推进一网通办", "建设便民服务站"]
    assert [(m.indicator, m.value, m.unit, m.year) for m in got.metrics] == [
        ("网上可办事项数/政务服务事项总数", 95, "%", 2023),
        ("年度新建便民服务站数", 30, "个", 2023),
    ]


def test_a_name_or_measure_broken_over_lines_is_one_cell() -> None:
    rows = [
        "\n".join(("辦理美食節", "推廣活動(8%)")) if r == "辦理美食節活動(8%)" else r
        for r in "\n".join(_ROWS).replace("年度辦理美食推廣場次", "年度辦理美食\n推廣場次").split("\n")
    ]
    got = extract_text(_text("某市政府產業發展局104年度施政計畫", _HEADING, rows))
    assert [t.text for t in got.tasks][1] == "辦理美食節推廣活動"
    assert [(m.indicator, m.value) for m in got.metrics][1] == ("年度辦理美食推廣場次", 12)
