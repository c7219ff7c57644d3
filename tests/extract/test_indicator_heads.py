"""What opens and closes a metric's indicator: verbs of reporting, demonstratives, the comparator of
the figure before, goal words and the 至 of a level reached are no part of the name (sentences
written here)."""

from __future__ import annotations

import pytest

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

PLAN = DocInfo(title="某县2025年工作要点", year=2025, period_start=2025, period_end=2025, kind="plan")


def indicators(text: str) -> list[str]:
    return [m.indicator for m in find_metrics(text, working_text(text), line_passages(text), PLAN)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("全年实现陶瓷产值80亿元以上。\n", "陶瓷产值"),
        ("基本实现农村生活污水处理率95%。\n", "农村生活污水处理率"),
        ("全年完成一般公共预算收入12亿元。\n", "一般公共预算收入"),
        ("完成建筑业总产值30亿元。\n", "建筑业总产值"),
    ],
)
def test_a_verb_that_reports_a_quantity_is_no_part_of_its_name(sentence: str, name: str) -> None:
    assert indicators(sentence) == [name]


def test_completed_work_keeps_its_verb() -> None:
    assert indicators("全年完成植树造林3000亩。\n") == ["完成植树造林"]


def test_goal_words_after_the_name_are_dropped() -> None:
    assert indicators("全年新注册市场主体目标任务800户。\n") == ["新注册市场主体"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("扩充普惠性托位至900个。\n", "普惠性托位"),
        ("农业龙头企业发展到35家。\n", "农业龙头企业"),
        ("城镇调查失业率微升至5.1%。\n", "城镇调查失业率"),
    ],
)
def test_a_level_reached_by_zhi_names_the_stock(sentence: str, name: str) -> None:
    assert indicators(sentence) == [name]


def test_the_comparator_of_the_figure_before_opens_no_name() -> None:
    found = indicators("小麦良种覆盖率达85%以上、商品粮纯度达95%以上。\n")
    assert found == ["小麦良种覆盖率", "商品粮纯度"]


def test_a_demonstrative_opens_no_name() -> None:
    assert indicators("该项安排省级财政资金300万元。\n") == ["安排省级财政资金"]


def test_a_count_before_its_noun_names_its_own_item() -> None:
    assert indicators("力争25个项目签约、18个项目竣工。\n") == ["项目签约", "项目竣工"]


def test_a_count_before_its_noun_shares_only_the_verb_of_the_list() -> None:
    assert indicators("培育8个省级示范园区、60个特色村。\n") == ["培育省级示范园区", "培育特色村"]


def test_a_count_before_its_noun_borrows_nothing_from_the_clause_before() -> None:
    found = indicators("今年要加快补齐基层短板，9个村卫生室完成标准化改造。\n")
    assert found == ["村卫生室完成标准化改造"]


def test_a_short_noun_after_a_count_still_borrows_its_subject() -> None:
    assert indicators("推进道路病害整治，完成38个点位。\n") == ["推进道路病害整治点位"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("其中5000万元以上项目120个。\n", "5000万元以上项目"),
        ("新引进亿元以上产业项目45个。\n", "新引进亿元以上产业项目"),
    ],
)
def test_a_threshold_inside_a_name_stays_in_it(sentence: str, name: str) -> None:
    assert indicators(sentence)[-1] == name


def test_a_growth_after_its_subject_keeps_the_subject() -> None:
    assert indicators("地区生产总值达520亿元、增长6.5%。\n") == ["地区生产总值", "地区生产总值增长"]


def test_town_and_country_over_two_figures_are_two_names() -> None:
    found = indicators("城乡居民人均可支配收入分别增长6%和7.5%。\n")
    assert found == ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]


def test_a_distributed_growth_keeps_its_verb() -> None:
    found = indicators("批发业、零售业销售额分别增长5%、7%。\n")
    assert found == ["批发业销售额增长", "零售业销售额增长"]
