"""A number written in two magnitudes (3萬3,883, 4兆8,530億) is one figure (sentences written here)."""

from __future__ import annotations

import pytest

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

REVIEW = DocInfo(title="某市統計要覽", year=2023, kind="report", reviews=2023)


def found(text: str) -> list[tuple[str, float, str]]:
    metrics = find_metrics(text, working_text(text), line_passages(text), REVIEW)
    return [(m.indicator, m.value, m.unit) for m in metrics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全市每戶可支配所得達2萬1,460美元。\n", ("每戶可支配所得", 21460, "美元")),
        ("全市總產值達6兆2,150億元。\n", ("總產值", 6.215e12, "元")),
        ("全市出口值為2兆905億元。\n", ("出口值", 2.0905e12, "元")),
        ("全市固定資產投資5億2000萬元。\n", ("固定資產投資", 5.2e8, "元")),
    ],
)
def test_the_higher_part_is_taken_in(text: str, expected: tuple[str, float, str]) -> None:
    assert found(text) == [expected]


def test_two_figures_apart_stay_two() -> None:
    assert [v for _, v, _ in found("投資5億，其中3000萬元用於研發。\n")] == [5e8, 3e7]
