"""Where a unit's name begins and ends in a regulation's or a plan's sentence: levels joined by 和 to a
list of levels, and the other words regulations write around a body's name.

The texts are written for these tests: they follow the conventions of such documents (cities'
条例 of 上海, 重庆 and other provinces), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text


def _names(written: str) -> list[str]:
    return list(law_names(written, working_text(written)))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("市和区、县人民政府", ["市人民政府", "区人民政府", "县人民政府"]),
        ("市和区、县某某管理部门", ["市某某管理部门", "区某某管理部门", "县某某管理部门"]),
        ("市或者区、县某某办", ["市某某办", "区某某办", "县某某办"]),
        ("市和区县（自治县）人民政府", ["市人民政府", "区县（自治县）人民政府"]),
        ("市和区、县市场监督管理部门", ["市市场监督管理部门", "区市场监督管理部门", "县市场监督管理部门"]),
        (
            "市和区、县人民政府及其某某主管部门",
            ["市人民政府", "区人民政府", "县人民政府", "某某主管部门"],
        ),
        ("市和区、县人民政府教育、卫生等部门", ["教育部门", "卫生部门"]),
        ("当地区、县某某行政部门", ["当地区某某行政部门", "当地县某某行政部门"]),
        ("市和区某某办", ["市某某办", "区某某办"]),
        ("市和区某某促进委员会", ["市某某促进委员会", "区某某促进委员会"]),
        ("城市和区域某某办", ["城市和区域某某办"]),  # no levels: a place and a region
    ],
)
def test_a_level_joined_by_he_to_a_list_of_levels_is_one_more_level(
    written: str, expected: list[str]
) -> None:
    assert _names(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("有防汛任务的乡镇人民政府", ["乡镇人民政府"]),
        ("某某河道沿线的县级以上人民政府", ["县级以上人民政府"]),
        ("事故发生地的区（市）人民政府", ["区（市）人民政府"]),
        ("城镇规划区内的村民委员会", ["村民委员会"]),
        ("有管辖权的市、县（市、区）某某主管部门", ["市某某主管部门", "县（市、区）某某主管部门"]),
        ("省人民政府和某某易发区的市、县人民政府", ["省人民政府", "市人民政府", "县人民政府"]),
    ],
)
def test_a_clause_saying_which_bodies_is_no_part_of_their_name(written: str, expected: list[str]) -> None:
    assert _names(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        "设区的市某某主管部门",  # a kind of city
        "市人民代表大会有关的专门委员会",  # whose committees
        "县级的人民代表大会常务委员会",  # a level
        "市县的某某管理部门",  # levels
        "本市的某某审批部门",  # the place itself
        "某某区以外的行政管理部门",  # other than
        "负有某某监督管理职责的部门",  # a bare kind after 的
        "区人民政府确定的某某机构",  # whose
        "某某规划的编制部门",  # a role in a procedure
    ],
)
def test_words_before_de_that_name_the_body_stay(written: str) -> None:
    assert _names(written) == [written]


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("某某设施的日常管理由区甲局", ("", "区甲局")),  # the 由 after 管理 names the doer
        ("新辟线路由区乙委", ("", "区乙委")),
    ],
)
def test_the_doer_after_a_topics_by_is_the_unit(read: str, expected: tuple[str, str]) -> None:
    from taizhang.extract.units import clean_unit_name

    assert clean_unit_name(read) == expected
