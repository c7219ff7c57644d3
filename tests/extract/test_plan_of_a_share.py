"""A review's 完成年计划X的Y%: X is the year's plan, a target; Y the result (sentences written here)."""

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


def test_the_plan_a_share_is_told_against_is_the_year_s_target() -> None:
    text = "某区2024年上半年重点项目推进情况\n上半年，全区重点项目完成投资36亿元，完成年计划60亿元的60%。\n"
    assert found(text) == [
        ("actual", 3.6e9, "元", 2024),
        ("target", 6e9, "元", 2024),
        ("actual", 60, "%", 2024),
    ]


def test_a_threshold_before_de_is_still_no_metric() -> None:
    text = "某区2024年上半年重点项目推进情况\n上半年，营收10亿元的企业新增3家。\n"
    assert found(text) == [("actual", 3, "家", 2024)]
