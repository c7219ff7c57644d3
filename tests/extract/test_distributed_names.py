"""Figures distributed by 分别 over names joined by 和 or 、 (sentences written here)."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

REPORT = DocInfo(title="某县人民政府工作报告", year=2025, kind="work_report")


def indicators(text: str) -> list[tuple[str, float]]:
    return [
        (m.indicator, m.value) for m in find_metrics(text, working_text(text), line_passages(text), REPORT)
    ]


def test_two_heads_sharing_a_tail_take_it_and_the_second_figure_its_name() -> None:
    found = indicators("城镇和农村常住居民人均消费支出分别达到3.1万元和1.6万元。\n")
    assert found == [("城镇常住居民人均消费支出", 31000), ("农村常住居民人均消费支出", 16000)]


def test_a_clause_opening_with_fenbie_distributes_over_the_names_before() -> None:
    found = indicators("进口和出口总额分别达到40亿元和55亿元，分别增长3.2%和4.8%。\n")
    assert [n for n, _ in found[2:]] == ["进口总额增长", "出口总额增长"]


def test_long_names_stay_whole() -> None:
    found = indicators("一般公共预算收入和政府性基金收入分别完成15亿元、8亿元。\n")
    assert found == [("一般公共预算收入", 1.5e9), ("政府性基金收入", 8e8)]
