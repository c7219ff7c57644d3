"""Items numbered ⑴⑵… and ⒈⒉… are items of the outline, as (1) and 1. are (sentences written here)."""

from __future__ import annotations

from taizhang.extract import extract_text


def tasks(text: str) -> list[tuple[str | None, str]]:
    return [(t.ref, t.text) for t in extract_text(text, name="doc.txt").tasks]


def test_parenthesized_numbers_are_level_four_items() -> None:
    text = (
        "某县2025年重点工作分工方案\n一、优化营商环境\n"
        "⑴推行企业开办一日办结。（牵头单位：县市场监管局）\n"
        "⑵开展涉企收费专项检查。（牵头单位：县发展改革局）\n"
    )
    assert tasks(text) == [("一.(1)", "推行企业开办一日办结。"), ("一.(2)", "开展涉企收费专项检查。")]


def test_full_stop_numbers_are_level_three_items() -> None:
    text = (
        "某县2025年重点工作分工方案\n一、优化营商环境\n"
        "⒈推行企业开办一日办结。（牵头单位：县市场监管局）\n"
        "⒉开展涉企收费专项检查。（牵头单位：县发展改革局）\n"
    )
    assert tasks(text) == [("一.1", "推行企业开办一日办结。"), ("一.2", "开展涉企收费专项检查。")]
