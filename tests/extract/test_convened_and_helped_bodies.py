"""Units of a regulation's articles in forms the first readers missed:

- bodies a duty's doer convenes, listed each and closed by the kind they share (`X应当组织自然资源、住房城乡
  建设等主管部门开展…`): co-units, named by field as after 会同; one collective convened (`组织有关部门`)
  names none (the tune practice, tests/extract/corpus/README.md);
- a body helping another whose work is none of the common verbs (`X应当配合Y依法查处…`): Y leads, X helps
  (SCHEMA: 配合 marks co-units), a body under a government named whole (`协助同级人民政府统计机构…`);
- an agency named by its kind in a list (`气象主管机构、有关部门`) keeps its name (no `气象主管机构部门`);
- a level of more than one character before a list of fields (`县级农业农村、自然资源等有关部门`) goes to
  every field, as a one-character level (`市发展改革、财政等部门`) does;
- a body that entrusts its work (`由X委托有资质的机构开展…`): X alone, the delegate is no unit;
- a body and its branches or the units under it (`X及其派出机构`, `X及其所属单位`): X alone;
- zones listed before the kind of zone they share and its 管委会 (`高新、伊滨、龙门等功能区管委会`): each
  zone with the shared noun (`高新功能区管委会`), as a shared suffix is distributed (SCHEMA).

The text is written for these tests, in the manner of cities' 条例 on rivers and water, not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某市河湖保护条例

第一条　为了加强河湖保护，根据有关法律、法规，结合本市实际，制定本条例。

第二条　县级人民政府应当组织自然资源、住房城乡建设、农业农村等主管部门开展河湖划界工作。

第三条　市水行政主管部门应当组织发展改革、财政等部门编制河湖整治计划。

第四条　市人民政府应当组织有关部门编制河湖保护规划。

第五条　公安机关应当配合水行政主管部门依法查处非法采砂行为。

第六条　县级农业农村、自然资源、住房城乡建设等有关部门应当按照各自职责做好河湖保护工作。

第七条　区县发展改革、财政等部门应当保障河湖保护经费。

第八条　河湖水质由区水务局委托具备相应资质的检测机构开展检测。

第九条　市生态环境局及其派出机构应当依法查处向河湖违法排污的行为。

第十条　市水务局及其所属单位应当加强河湖执法巡查。

第十一条　县级以上人民政府应当组织气象主管机构、有关部门开展河湖气象灾害风险评估。

第十二条　市和区县人民政府有关部门应当协助同级人民政府统计机构查处河湖资源统计违法行为。

第十三条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


def test_bodies_convened_by_field_are_co_units(tasks) -> None:
    assert tasks["第二条"].lead_units == ("县级人民政府",)
    assert tasks["第二条"].co_units == ("自然资源主管部门", "住房城乡建设主管部门", "农业农村主管部门")
    assert tasks["第三条"].co_units == ("发展改革部门", "财政部门")


def test_an_agency_named_by_its_kind_keeps_its_name(tasks) -> None:
    assert tasks["第十一条"].co_units == ("气象主管机构", "有关部门")


def test_a_body_under_a_government_helped_is_named_whole(tasks) -> None:
    assert tasks["第十二条"].lead_units == ("同级人民政府统计机构",)


def test_one_collective_convened_is_no_co_unit(tasks) -> None:
    assert tasks["第四条"].lead_units == ("市人民政府",)
    assert tasks["第四条"].co_units == ()


def test_the_body_helped_leads_whatever_its_work(tasks) -> None:
    assert tasks["第五条"].lead_units == ("水行政主管部门",)
    assert tasks["第五条"].co_units == ("公安机关",)


def test_a_level_of_two_characters_goes_to_every_field(tasks) -> None:
    assert tasks["第六条"].lead_units == (
        "县级农业农村部门",
        "县级自然资源部门",
        "县级住房城乡建设部门",
        "有关部门",
    )
    assert tasks["第七条"].lead_units == ("区县发展改革部门", "区县财政部门")


def test_the_body_that_entrusts_the_work_leads_alone(tasks) -> None:
    assert tasks["第八条"].lead_units == ("区水务局",)


def test_a_body_answers_for_its_branches(tasks) -> None:
    assert tasks["第九条"].lead_units == ("市生态环境局",)
    assert tasks["第十条"].lead_units == ("市水务局",)


ZONES = """某市开发区管理条例

第一条　为了规范开发区管理，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市人民政府应当加强对开发区工作的领导。

第三条　市商务主管部门负责开发区的指导、协调和服务工作。

第四条　高新、伊滨（经开）、龙门等功能区管委会应当做好辖区内的招商引资工作。

第五条　开发区管委会应当建立健全企业服务制度。

第六条　本条例自2026年1月1日起施行。
"""


def test_zones_listed_before_their_shared_kind_each_take_it() -> None:
    tasks = {t.ref: t for t in extract_text(ZONES).tasks}
    assert tasks["第四条"].lead_units == ("高新功能区管委会", "伊滨（经开）功能区管委会", "龙门功能区管委会")
