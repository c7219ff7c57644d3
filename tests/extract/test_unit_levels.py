"""Levels of unit names in lists: which names take a shared level prefix or a shared ending, which are
named whole, and collectives joined by 和. Sentences written for these tests, in the genre."""

from __future__ import annotations

import pytest

from taizhang.extract.normalise import working_text
from taizhang.extract.role_fallback import fallback_roles
from taizhang.extract.units import parse_units


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # The branches of the centrally run bodies (人民银行, the financial regulators, a tax bureau named
        # by its place) are named whole: no level prefix from the local bodies before them.
        ("市发改局、人行某某支行", ["市发改局", "人行某某支行"]),
        (
            "州发改委、人民银行某某州分行、某某银保监分局",
            ["州发改委", "人民银行某某州分行", "某某银保监分局"],
        ),
        ("县财政局、银保监组", ["县财政局", "银保监组"]),
        ("区商务局、某某金融监管支局", ["区商务局", "某某金融监管支局"]),
        ("市工信局、某某税务局", ["市工信局", "某某税务局"]),
        # a level's own bodies still take it
        ("市发改局、税务局", ["市发改局", "市税务局"]),
        ("市发改局、金融监管局", ["市发改局", "市金融监管局"]),
        ("区建管委、人行道管理所", ["区建管委", "区人行道管理所"]),
    ],
)
def test_central_vertical_bodies_are_whole(written: str, expected: list[str]) -> None:
    assert parse_units(written) == expected


def test_the_locality_takes_no_level() -> None:
    assert parse_units("市住建局、属地人民政府") == ["市住建局", "属地人民政府"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # a group named by its business continues the run of bare names that share the level
        (
            "市公共资源交易中心、土地储备中心、创投集团",
            ["市公共资源交易中心", "市土地储备中心", "市创投集团"],
        ),
        # right after the level's bureau, a group keeps its own short name
        ("区房管局、置业集团", ["区房管局", "置业集团"]),
    ],
)
def test_groups_in_a_run_take_the_level(written: str, expected: list[str]) -> None:
    assert parse_units(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("各县区和相关部门", ["各县区", "相关部门"]),
        ("各乡镇和有关单位", ["各乡镇", "有关单位"]),
        ("各县区和相关部门单位", ["各县区", "相关部门单位"]),
        # levels joined by 和 before the government they share stay one
        ("各县区和乡镇人民政府", ["各县区和乡镇人民政府"]),
    ],
)
def test_places_and_departments_joined_by_he(written: str, expected: list[str]) -> None:
    assert parse_units(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("经开区、某某新城管委会", ["经开区管委会", "某某新城管委会"]),
        ("高新区、经开区、某某产业园管委会", ["高新区管委会", "经开区管委会", "某某产业园管委会"]),
        # a zone before a body of another kind is named as written
        ("经开区、市商务局", ["经开区", "市商务局"]),
    ],
)
def test_zones_share_their_governing_body(written: str, expected: list[str]) -> None:
    assert parse_units(written) == expected


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("各县区政府是辖区内河道清障工作的责任主体，要建立台账，限期整改。", ("各县区政府",)),
        ("区住建局为本区物业服务监管的责任主体。", ("区住建局",)),
        # the next clause gives the work to another
        ("县政府是河道清障工作的责任主体，由分管副县长牵头协调。", ()),
        # a party is no unit
        ("企业是安全生产的责任主体，要落实各项制度。", ()),
    ],
)
def test_responsible_subject_leads(text: str, lead: tuple[str, ...]) -> None:
    work = working_text(text)
    assert fallback_roles(text, work, 0, len(work))[0] == lead
