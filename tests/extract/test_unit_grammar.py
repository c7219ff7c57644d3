"""The grammar of a unit name (units.py): levels, fields, kind, and the modal a name never holds.

The names are written for these tests after the conventions of Chinese laws, regulations and plans
(a list of levels written once, a list of fields sharing one kind of body, 等 and the collective after
it, a relative clause before the names), not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text
from taizhang.extract.units import (
    LEVEL,
    LEVEL_LIST,
    MODAL,
    clean_unit_name,
    field_list,
    field_names,
    kind_of,
    parse_law_units,
    parse_units,
)


def _names(text: str) -> list[str]:
    return law_names(text, working_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "市、县(市、区)",
        "省、设区的市",
        "市、县区和乡镇",
        "市、区(县级市)",
        "省辖市、县(市、区)",
        "市、区县(自治县)",
    ],
)
def test_a_list_of_levels(text: str) -> None:
    assert LEVEL_LIST.match(text + "人民政府").end() == len(text)


@pytest.mark.parametrize("text", ["县(市、区)", "乡(镇)", "设区的市", "县区", "乡镇(街道)", "自治州"])
def test_one_level(text: str) -> None:
    assert LEVEL.fullmatch(text)


def test_a_list_of_levels_needs_two() -> None:
    assert LEVEL_LIST.match("市场监督管理部门") is None
    assert LEVEL_LIST.match("县人民政府") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("水行政主管部门", "行政主管部门"), ("教育主管部门", "主管部门"), ("公安机关", "机关"), ("财政局", "")],
)
def test_the_kind_a_name_ends_with(name: str, kind: str) -> None:
    assert kind_of(name) == kind


def test_a_list_of_fields_with_etc_and_collective() -> None:
    text = "农业、水利、交通等有关部门"
    fl = field_list(text)
    assert fl is not None and fl.etc and fl.plain == "部门"
    assert [text[a:b] for a, b in fl.fields] == ["农业", "水利", "交通"]
    assert fl.group is not None and text[fl.group[0] : fl.group[1]] == "有关"


def test_a_list_of_fields_without_etc_keeps_the_last_whole() -> None:
    assert field_names("县级以上人民政府农业、水利部门", working_text("县级以上人民政府农业、水利部门")) == [
        "县级以上人民政府农业部门",
        "县级以上人民政府水利部门",
    ]
    # the kind leaves a field of two characters at least: 水行政 is no field of 行政主管部门
    text = "生态环境、水行政主管部门"
    assert field_names(text, working_text(text)) == ["生态环境主管部门", "水行政主管部门"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("农业、水利等部门", ["农业部门", "水利部门"]),
        ("农业、水利等有关部门", ["农业部门", "水利部门", "有关部门"]),
        ("农业等相关部门", ["农业部门", "相关部门"]),
        ("农业、水利等工作的主管部门", ["农业主管部门", "水利主管部门"]),
        ("湿地公园、森林公园等管理机构", ["湿地公园管理机构", "森林公园管理机构"]),
        ("区发展改革、财政等部门", ["区发展改革部门", "区财政部门"]),
    ],
)
def test_fields_sharing_a_kind(text: str, names: list[str]) -> None:
    assert parse_law_units(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "县(市、区)水利主管部门",  # the 、 of a level's peers parts no fields
        "公安机关、消防机构",  # no fields share 机构 without 等
        "大型、小型养老机构",
        "从事检测的农业、水利等部门的监测机构",  # the kind is a body of the departments
        "负责指导农业等有关部门",  # a verb of duty is no field
    ],
)
def test_no_list_of_fields(text: str) -> None:
    assert field_names(text, working_text(text)) == []


def test_a_relative_clause_before_the_fields_is_no_part_of_their_names() -> None:
    assert _names("河道管理涉及的农业、水利等有关部门") == ["农业部门", "水利部门", "有关部门"]


def test_a_relative_clause_before_levels_is_no_part_of_their_names() -> None:
    assert _names("项目所在地的市、县(区)水利主管部门") == ["市水利主管部门", "县(区)水利主管部门"]
    # the 的 of 设区的市 is the level's own
    assert _names("水库所在地设区的市、县人民政府") == ["设区的市人民政府", "县人民政府"]


def test_levels_in_words_take_the_body_after_the_last() -> None:
    assert _names("省、设区的市和县人民政府水利主管部门") == [
        "省人民政府水利主管部门",
        "设区的市人民政府水利主管部门",
        "县人民政府水利主管部门",
    ]
    assert parse_units("设区的市、县(市、区)人民政府") == ["设区的市人民政府", "县(市、区)人民政府"]
    assert _names("乡、民族乡、镇人民政府") == ["乡人民政府", "民族乡人民政府", "镇人民政府"]
    assert _names("乡、民族乡、镇的人民政府") == ["乡人民政府", "民族乡人民政府", "镇人民政府"]


@pytest.mark.parametrize("text", ["应当", "可以", "不得", "必须", "要", "须"])
def test_modals(text: str) -> None:
    assert MODAL.search("有关部门" + text + "做好")


@pytest.mark.parametrize(
    "name", ["应急管理局", "供应站", "相应部门", "重要机构", "主要部门", "需要部门", "根据小组要求"]
)
def test_no_modal_in_names(name: str) -> None:
    assert MODAL.search(name) is None


def test_a_regulation_name_never_holds_a_modal() -> None:
    assert _names("应当报经省水利主管部门") == []
    assert _names("区人民政府职能部门不得将") == ["区人民政府职能部门"]  # the name before its modal
    # the doer after a modal and 由 is named
    assert _names("应当由市水利主管部门") == ["市水利主管部门"]


def test_a_name_never_holds_a_modal() -> None:
    assert clean_unit_name("区政府分管领导要站") is None  # a leader, cut at 要
    assert _names("区水务局、区农业局等要") == ["区水务局", "区农业局"]  # a regulation's subject before it


def test_a_list_read_from_prose_never_holds_a_modal() -> None:
    # the clause after the names goes: "X应当予以协助" names X
    assert parse_units("有关单位应当予以") == ["有关单位"]
    assert parse_units("区水务局和区农业局应当") == ["区水务局", "区农业局"]
    # a modal that opens a name shows a list read into a clause: no names
    assert parse_units("区财政局、必须报送") == []
    assert parse_units("应当取得保护机构、学校等有关方面的") == []
    assert parse_units("人数少的机关、团体,可以联合") == []
    # fields sharing a kind of body, the clause after them cut
    assert parse_units("公安、财政、城市管理等主管部门应当予以") == [
        "公安主管部门",
        "财政主管部门",
        "城市管理主管部门",
    ]
    # a request (要求) is no modal: a task's text is not cut into a list of names
    assert parse_units("新建车站、停车场等要求配建充电设施")[-1] == "停车场等要求配建充电设施"


def test_levels_joined_by_he_in_a_list_of_their_own() -> None:
    # "区、县和乡、民族乡、镇人民政府": the levels after 和 are a list too, all before one government
    assert _names("区、县和乡、民族乡、镇人民政府") == [
        "区人民政府",
        "县人民政府",
        "乡人民政府",
        "民族乡人民政府",
        "镇人民政府",
    ]
    assert _names("乡和镇人民政府") == ["乡人民政府", "镇人民政府"]


def test_collectives_and_tiers_of_levels_in_words() -> None:
    # the level words of LEVEL_WORD, in a collective (各…) and in tiers (…两级)
    assert parse_units("各有关区、县级市") == ["各有关区、县级市"]
    assert parse_units("县、乡镇两级网格") == ["县级网格", "乡镇级网格"]
    assert parse_units("县、乡、村三级网格") == ["县级网格", "乡级网格", "村级网格"]
