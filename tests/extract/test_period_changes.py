"""A change over a five-year period reviewed: 从A增加到B (sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text

REPORT = "某县人民政府工作报告\n2021年1月20日\n一、“十三五”时期工作回顾\n"


def found(text: str) -> list[tuple[str, str, float, int | None]]:
    d = doc_info(text, working_text(text), "doc.txt")
    metrics = find_metrics(text, working_text(text), line_passages(text), d)
    return [(m.kind, m.indicator, m.value, m.year) for m in metrics]


def test_a_paragraph_opening_with_the_period_starts_the_change_in_its_first_year() -> None:
    text = REPORT + "“十三五”时期，农村居民人均可支配收入由1.2万元增加到1.8万元。\n"
    assert found(text) == [
        ("actual", "农村居民人均可支配收入", 12000, 2016),
        ("actual", "农村居民人均可支配收入", 18000, 2020),
    ]


def test_an_estimate_word_is_no_part_of_the_indicator() -> None:
    text = REPORT + "过去五年，森林覆盖率由38%（预计）提高到42%，粮食产量从30万吨预计增加到33万吨。\n"
    assert [i for _, i, _, _ in found(text)] == ["森林覆盖率", "森林覆盖率", "粮食产量", "粮食产量"]
