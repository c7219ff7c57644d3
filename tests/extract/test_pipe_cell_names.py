"""A row of a pipe table read as running text (invented text): the bars of its cells are no part of
an indicator's name (| 粮食产量 | 35万吨 | names 粮食产量, not 粮食产量|). See metrics._CELL_EDGE,
metrics._LEAD_NOISE and metrics._RIGHT_STOP."""

from __future__ import annotations

from taizhang.extract import extract_text

REVIEW = (
    "某县2020年国民经济和社会发展统计公报\n\n"
    "2020年，全县经济运行总体平稳。主要指标如下：\n\n"
    "| 地区生产总值 | 120.5亿元 | 增长5% |\n"
    "粮食产量 | 35万吨 |\n"
    "完成固定资产投资| 80亿元，增长6%。\n"
)


def test_no_name_holds_a_cells_bar() -> None:
    got = {m.value: m.indicator for m in extract_text(REVIEW).metrics}
    assert got[12050000000.0] == "地区生产总值"
    assert got[350000.0] == "粮食产量"
    assert got[8000000000.0] == "完成固定资产投资"
    assert all("|" not in name and name for name in got.values())
