"""Tables of performance targets headed by how each indicator is assessed (衡量指標 / 評估體制 /
評估方式 / 年度目標值), in traditional script, with a goal's weight in brackets or a 權重 column.
Made-up tables."""

from __future__ import annotations

from taizhang.extract import extract_text

_GOALS = (
    "關鍵策略目標 | 衡量指標 | 評估體制 | 評估方式 | 衡量標準 | 年度目標值\n"
    "一、促進觀光產業發展（25%） | 1.觀光遊憩區遊客人次 | 1 | 統計數據 | 年度遊客總人次 | 1,200萬人次\n"
    "一、促進觀光產業發展（25%） | 2.旅宿業住用率 | 1 | 統計數據 | 年度平均住用率 | 60%\n"
    "二、強化環境保護（15%） | 1.資源回收率 | 1 | 統計數據 | 回收量÷垃圾產生量×100% | 55%\n"
)


def test_goal_rows_are_tasks_and_indicators_metrics_of_the_year():
    got = extract_text("某縣政府105年度施政計畫\n\n" + _GOALS)
    # the goal without its numeral and weight, a task per row
    assert [t.text for t in got.tasks] == ["促進觀光產業發展", "促進觀光產業發展", "強化環境保護"]
    assert [(m.indicator, m.value, m.unit, m.year) for m in got.metrics] == [
        ("觀光遊憩區遊客人次", 12000000, "人次", 2016),
        ("旅宿業住用率", 60, "%", 2016),
        ("資源回收率", 55, "%", 2016),
    ]


def test_the_same_table_a_cell_a_line_after_its_title():
    cells = [c.strip() for line in _GOALS.splitlines() for c in line.split("|")]
    text = "某縣政府105年度施政計畫\n\n一、年度關鍵績效指標\n" + "\n".join(f"{c} |" for c in cells) + "\n"
    got = extract_text(text)
    assert [(m.indicator, m.value, m.year) for m in got.metrics] == [
        ("觀光遊憩區遊客人次", 12000000, 2016),
        ("旅宿業住用率", 60, 2016),
        ("資源回收率", 55, 2016),
    ]


def test_indicators_with_a_weight_column_are_the_tasks():
    rows = (
        "衡量指標 | 權重 | 評估體制 | 評估方式 | 年度目標值\n"
        "1.公車使用人次 | 15% | 1 | 統計數據 | 3,000萬人次\n"
        "2.市民滿意度 | 5% | 2 | 問卷調查 | 80%\n"
    )
    got = extract_text("某市政府110年度施政績效目標\n\n" + rows)
    assert [t.text for t in got.tasks] == ["公車使用人次", "市民滿意度"]
    assert [(m.indicator, m.value, m.unit, m.year) for m in got.metrics] == [
        ("公車使用人次", 30000000, "人次", 2021),
        ("市民滿意度", 80, "%", 2021),
    ]
