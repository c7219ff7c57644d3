"""Words around a list of bodies that are no part of their names: the kind a list of bodies closes with
after 等, and the joining words or verbs of encouragement read in front of a name.

The texts are written for these tests, in the forms cities' regulations and plans use, not taken from
any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text
from taizhang.extract.units import clean_unit_name


def _names(written: str) -> list[str]:
    return list(law_names(written, working_text(written)))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("甲镇文化馆、乙区图书馆等公共文化机构", ["甲镇文化馆", "乙区图书馆"]),
        ("纪念馆、美术馆（站）等公益性文化单位", ["纪念馆", "美术馆（站）"]),
        ("工会、妇联、社科联等社会团体", ["工会", "妇联", "社科联"]),
        ("某某协会、某某研究院等专业机构", ["某某协会", "某某研究院"]),
        ("工会、侨联等有关社会组织", ["工会", "侨联", "有关社会组织"]),  # a collective kind stays
        ("湿地公园、风景名胜区等管理机构", ["湿地公园管理机构", "风景名胜区管理机构"]),  # fields: each one's
    ],
)
def test_a_list_of_bodies_closed_by_a_kind_names_the_bodies(written: str, expected: list[str]) -> None:
    assert _names(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("某某管理局，及某某街道办事处", ["某某管理局", "某某街道办事处"]),
        ("并联审批牵头部门", ["并联审批牵头部门"]),  # 并联: parallel approval, a word
        ("和平区人民政府", ["和平区人民政府"]),  # a place
    ],
)
def test_a_joining_word_before_a_name_is_no_part_of_it(written: str, expected: list[str]) -> None:
    assert _names(written) == expected


def test_a_joining_word_before_a_name_read_from_prose_goes() -> None:
    assert clean_unit_name("以及某某管理所") == ("", "某某管理所")


@pytest.mark.parametrize("written", ["提倡和鼓励村民委员会", "鼓励和支持某某协会", "支持某某研究院"])
def test_a_body_encouraged_is_no_unit_of_a_duty(written: str) -> None:
    assert _names(written) == []
    assert clean_unit_name(written) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("各街镇和社保经办机构", ["各街镇", "社保经办机构"]),
        ("区教育局和疾病预防控制机构", ["区教育局", "疾病预防控制机构"]),
        ("检验和检测机构", ["检验和检测机构"]),  # one kind of body: 检验 names none
    ],
)
def test_he_between_bodies_of_two_kinds_joins_two_units(written: str, expected: list[str]) -> None:
    from taizhang.extract.units import parse_units

    assert parse_units(written) == expected


@pytest.mark.parametrize(
    "written",
    ["鼓励和支持某某学院、某某研究所和社会组织", "鼓励和引导中学、小学等教育机构", "支持某某协会、某某中心"],
)
def test_a_list_of_bodies_encouraged_names_none(written: str) -> None:
    assert _names(written) == []


def test_a_joining_word_opening_a_subject_stays() -> None:
    # the end of a clause cut short: no unit of its own is made of it
    assert _names("以及某某委员会") == ["以及某某委员会"]
