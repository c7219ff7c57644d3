"""City regulations that name their levels with a two-word level (县区: counties and districts), that
join one level's field to other levels' fields with 和, that close a list of fields with a kind named by
its work (等某某管理部门), that set up an experts' committee to advise, and that put a relative clause
with a list of its own before a body (受理投诉、举报的有关部门).

The texts are written for these tests: they follow the conventions of such documents (cities'
条例 of 山东 and 河南), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text
from taizhang.extract.units import parse_units

REGULATION = """某市某某管理条例

## 第一章  总则

第一条　为了加强某某管理，根据有关法律法规，结合本市实际，制定本条例。

第二条　市、县区人民政府应当将某某管理经费纳入本级财政预算。

县区、乡镇人民政府应当做好本辖区内的某某巡查工作。

第三条　市人民政府交通运输和市、县（区）人民政府公安、财政、市场监督管理等部门在各自职责范围内做好某某管理的相关工作。

第四条　市人民政府设立某某保护专家委员会，对编制某某保护规划、认定重要某某，以及开展某某修复等活动提供咨询。

第五条　园林、水务、交通等某某养护管理部门，按照各自职责做好某某养护工作。

第六条　任何单位和个人不得损毁某某设施。

第七条　违反本条例规定，损毁某某设施的，由城市管理部门责令改正。

第八条　本条例自2026年1月1日起施行。
"""


def _names(written: str) -> list[str]:
    return list(law_names(written, working_text(written)))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("市、县区人民政府", ["市人民政府", "县区人民政府"]),
        ("市、县区人民政府城市管理部门", ["市人民政府城市管理部门", "县区人民政府城市管理部门"]),
        ("县区、乡镇人民政府", ["县区人民政府", "乡镇人民政府"]),
        ("市、县（区）和乡（镇）人民政府", ["市人民政府", "县（区）人民政府", "乡（镇）人民政府"]),
        (
            "市、县区和乡镇人民政府（街道办事处）",
            ["市人民政府", "县区人民政府", "乡镇人民政府", "街道办事处"],
        ),
        ("市、县区人民政府和某某新区管委会", ["市人民政府", "县区人民政府", "某某新区管委会"]),
        ("受理投诉、举报的有关部门", ["有关部门"]),
        ("收到申请、报告的有关部门", ["有关部门"]),
        ("市人民政府、接到举报的有关部门", ["市人民政府", "有关部门"]),
        ("园林、水务、交通等某某养护管理部门", ["园林部门", "水务部门", "交通部门"]),
        ("教育、公安、消防等联合验收相关部门", ["教育部门", "公安部门", "消防部门", "联合验收相关部门"]),
        (
            "市人民政府文化和旅游和市、县（区）人民政府教育、卫生健康等部门",
            ["文化和旅游部门", "教育部门", "卫生健康部门"],
        ),
    ],
)
def test_levels_in_two_words_and_fields_of_two_levels(written: str, expected: list[str]) -> None:
    assert _names(written) == expected


def test_a_two_word_level_is_not_cut_when_units_are_parsed() -> None:
    assert parse_units("市、县区人民政府") == ["市人民政府", "县区人民政府"]


def test_a_body_joined_with_and_is_still_two_bodies() -> None:
    # 和 between two whole bodies, no level list after it: the bodies as named
    assert _names("市人民政府和县区人民政府") == ["市人民政府", "县区人民政府"]


def test_a_regulations_levels_and_fields_give_their_bodies() -> None:
    tasks = extract_text(REGULATION).tasks
    leads = [list(t.lead_units) for t in tasks]
    assert leads == [
        ["市人民政府", "县区人民政府"],
        ["县区人民政府", "乡镇人民政府"],
        ["交通运输部门", "公安部门", "财政部门", "市场监督管理部门"],
        ["某某保护专家委员会"],
        ["园林部门", "水务部门", "交通部门"],
    ]


WITH_MANNER = """某市某某条例

## 第一章  总则

第一条　为了保护某某，制定本条例。

第二条　市人民政府农业农村部门应当会同生态环境、水务等部门以农用地为重点开展某某调查。

第三条　市人民政府生态环境主管部门应当会同其他有关部门协同推进某某治理工作。

第四条　市交通运输部门应当会同公安机关联合开展某某检查。

第五条　本条例自2026年1月1日起施行。
"""


def test_the_bodies_worked_with_end_before_a_manner_or_a_joint_verb() -> None:
    tasks = extract_text(WITH_MANNER).tasks
    assert [list(t.co_units) for t in tasks] == [["生态环境部门", "水务部门"], ["其他有关部门"], ["公安机关"]]
