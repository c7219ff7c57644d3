"""Names of figures: the base of a rate, a change before a count, things counted by 条 (sentences written here)."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

PLAN = DocInfo(title="某市养老服务发展规划", year=2021, kind="plan")


def indicators(text: str) -> list[tuple[str, float]]:
    return [(m.indicator, m.value) for m in find_metrics(text, working_text(text), line_passages(text), PLAN)]


def test_the_base_of_a_rate_in_chinese_numerals_is_part_of_the_name() -> None:
    assert indicators("每千人口拥有社区养老床位数达到6张。\n") == [("每千人口拥有社区养老床位数", 6)]
    assert indicators("每万人口全科医生数达到5人。\n") == [("每万人口全科医生数", 5)]


def test_the_base_of_a_rate_in_digits_is_no_figure() -> None:
    assert indicators("每10万人口交通事故死亡人数下降8%。\n") == [("每10万人口交通事故死亡人数下降", 8)]


def test_a_change_before_a_count_of_its_noun_is_the_verb_of_the_name() -> None:
    assert indicators("增加2000个公办幼儿园学位。\n") == [("增加公办幼儿园学位", 2000)]
    assert indicators("公办幼儿园学位增加2000个。\n") == [("公办幼儿园学位增加", 2000)]


def test_things_laid_along_a_line_are_counted_by_tiao_whatever_the_noun_ends_on() -> None:
    assert indicators("打造夜间消费特色街区4条。\n") == [("打造夜间消费特色街区", 4)]
    assert indicators("出台扶持政策20条。\n") == []


def test_two_figures_side_by_side_after_a_name_of_chengxiang_are_the_town_and_the_country() -> None:
    found = indicators("城乡居民人均可支配收入年均增长6.1%、8.3%。\n")
    assert found == [("城镇居民人均可支配收入年均增长", 6.1), ("农村居民人均可支配收入年均增长", 8.3)]
    found = indicators("城乡常住居民人均消费支出达到3万元和1.8万元。\n")
    assert [n for n, _ in found] == ["城镇常住居民人均消费支出", "农村常住居民人均消费支出"]
