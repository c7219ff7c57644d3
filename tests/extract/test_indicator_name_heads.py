"""The head of an indicator's name (invented texts): a scope word of the whole place (全市, 全县,
全区, 全省) and the government's effort verbs 推动 / 加快 are no part of what is measured; a place
of a breakdown after 其中 (其中甲区30个、乙县25个) names its share by the place and the total's
indicator, not by the place alone. See metrics._LEAD_NOISE and metrics._PLACE_ONLY."""

from __future__ import annotations

from taizhang.extract import extract_text


def _names(text: str) -> dict[float, str]:
    return {m.value: m.indicator for m in extract_text(text).metrics}


TEXT = (
    "某市2024年农业农村工作要点\n\n"
    "一、主要目标\n"
    "全县新增高标准农田4.5万亩，全区农村生活污水治理率达到78%。"
    "推动新建冷链仓储设施36个，加快建设村级综合服务站112个。\n"
    "全市新签约农业产业化项目90个，其中甲区30个、乙县25个、丙县35个。\n"
)


def test_a_scope_word_at_the_head_is_dropped() -> None:
    got = _names(TEXT)
    assert got[45000.0] == "新增高标准农田"
    assert got[78.0] == "农村生活污水治理率"


def test_effort_verbs_at_the_head_are_dropped() -> None:
    got = _names(TEXT)
    assert got[36.0] == "新建冷链仓储设施"
    assert got[112.0] == "建设村级综合服务站"


def test_each_place_of_a_breakdown_takes_the_totals_indicator() -> None:
    got = _names(TEXT)
    assert got[90.0] == "新签约农业产业化项目"
    assert got[30.0] == "甲区新签约农业产业化项目"
    assert got[25.0] == "乙县新签约农业产业化项目"


def test_a_scope_that_names_the_thing_itself_is_kept() -> None:
    got = _names("某区2024年政务服务工作方案\n\n全区通办事项达到260项。\n")
    assert got[260.0] == "全区通办事项"
