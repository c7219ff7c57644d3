"""The past year a work report turns to inside a line: its results are actuals of the year before
the report (sentences written here)."""

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


def test_after_the_salutation() -> None:
    text = (
        "某县人民政府工作报告（摘要）\n（2025年1月16日）\n"
        "各位代表：过去的一年，全县粮食产量达到42万吨，规上工业增加值增长7.1%。\n"
        "今年的主要预期目标是：规上工业增加值增长7%。\n"
    )
    assert found(text) == [
        ("actual", 420000, "吨", 2024),
        ("actual", 7.1, "%", 2024),
        ("target", 7, "%", 2025),
    ]


def test_news_that_says_the_report_reviewed_the_past_year() -> None:
    text = (
        "某区政府工作报告速览\n来源：某区人民政府 2025-01-20\n"
        "报告回顾了过去一年的工作。全区新增城镇就业1.2万人，社会消费品零售总额增长6%。"
        "报告提出，今年地区生产总值预期增长5.5%。\n"
    )
    assert found(text) == [
        ("actual", 12000, "人", 2024),
        ("actual", 6, "%", 2024),
        ("target", 5.5, "%", 2025),
    ]
