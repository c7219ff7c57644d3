"""A review of the part of its own year gone by dates its figures to that year (sentences written
here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text


def found(text: str) -> list[tuple[str, float, str, int | None]]:
    d = doc_info(text, working_text(text), "doc.txt")
    return [
        (m.kind, m.value, m.unit, m.year)
        for m in find_metrics(text, working_text(text), line_passages(text), d)
    ]


def test_a_half_year_summary_and_plan_reviews_its_own_year() -> None:
    text = (
        "某乡2024年上半年工作总结和下半年工作打算\n一、上半年工作完成情况\n"
        "上半年，全乡完成农业总产值1.5亿元，占年计划的48%。\n二、下半年工作打算\n"
        "全年力争完成农业总产值3.2亿元。\n"
    )
    assert found(text) == [
        ("actual", 1.5e8, "元", 2024),
        ("actual", 48, "%", 2024),
        ("target", 3.2e8, "元", 2024),
    ]


def test_news_of_a_quarter_reports_the_year_it_is_dated() -> None:
    text = (
        "某区召开一季度经济形势分析会\n2024-04-22 来源：某区人民政府\n"
        "会议通报，一季度全区实现社会消费品零售总额18亿元，同比增长4.5%。\n"
    )
    assert found(text) == [("actual", 1.8e9, "元", 2024), ("actual", 4.5, "%", 2024)]
