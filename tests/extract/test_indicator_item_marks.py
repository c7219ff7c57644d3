"""The marker of a list item is no part of a metric's indicator (sentences written here)."""

from __future__ import annotations

import pytest

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

PLAN = DocInfo(title="某镇2024年卫生工作要点", year=2024, period_start=2024, period_end=2024, kind="plan")


def indicators(text: str) -> list[str]:
    return [m.indicator for m in find_metrics(text, working_text(text), line_passages(text), PLAN)]


@pytest.mark.parametrize("mark", ["⑵", "②", "⒉", "❷", "㈡", "（2）", "2）", "二是"])
def test_an_item_marker_opening_a_line_is_stripped(mark: str) -> None:
    assert indicators(f"{mark}孕产妇系统管理率达到92%。\n") == ["孕产妇系统管理率"]


def test_an_item_marker_inside_a_sentence_is_stripped() -> None:
    found = indicators("主要指标：⑴儿童健康管理率达到90%；⑵老年人体检率达到70%。\n")
    assert found == ["儿童健康管理率", "老年人体检率"]


def test_a_roman_numeral_class_is_kept() -> None:
    assert indicators("⑶Ⅲ类水体比例达到85%。\n") == ["Ⅲ类水体比例"]
