"""Forms of local regulations read wrongly on the sweep of local regulations (2026-12-07, second
reading of the differences main -> integ): the body a doer reports to named after 向 is no part of
the doer's name (由X向Y报送…), a level's own government in a list takes no other level's prefix
(县X部门、街道办事处、乡镇人民政府), a relative clause whose verb has two objects joined by 、
(采取暂扣、查封措施的X) is no list of bodies, a later clause that opens with a verb of direction
(…,指导X组织实施) names whom a body directs, no helper, and a list of fields closed by 等部门
after 会同 is not cut inside (科技、人力资源社会保障等部门 gives no 科技会), 主办 / 承办 of an event are no
office (办), and whom a person goes to (X到Y办理…) is no body's name.

The texts are written for these tests: they follow the conventions of such documents (cities' and
provinces' 条例), not any one document.
"""

from __future__ import annotations

import pytest

from .docfactory import tasks_by_ref

REGULATION = """某市湿地保护条例

第一条　为了保护湿地，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市湿地主管部门负责本市湿地保护的监督管理工作。

第三条　市级湿地公园的设立，由区人民政府向市人民政府报送申请材料，经论证后报市人民政府批准。

第四条　湿地设施出现险情，管理单位无法处置的，由县湿地主管部门、街道办事处、乡镇人民政府组织抢修。

第五条　调查终结的，采取扣押、封存措施的湿地主管部门应当及时解除扣押、封存。

第六条　市湿地主管部门应当会同有关部门根据湿地类型和保护需要，制定湿地修复技术规范，指导湿地管理单位组织实施。

第七条　区湿地主管部门应当会同科技、人力资源社会保障等部门组织开展湿地人才培养评估。

第八条　湿地管理机构应当对候鸟栖息地实施监测，并会同湿地游船运输企业、区水务管理部门等单位采取措施，减少人为干扰。

第九条　市林业部门应当会同文化旅游、数据管理等部门依托湿地信息平台，发布湿地保护信息。

第十条　湿地节庆活动的主办、承办单位应当制定游客疏导方案。

第十一条　参加培训的学员到湿地管理机构办理登记手续，应当出示身份证件。

第十二条　办理群众来信，是有关机关和组织的法定职责和密切联系群众的重要方式。

第十三条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return tasks_by_ref(REGULATION)


def test_the_body_reported_to_after_xiang_is_no_part_of_the_doer(tasks) -> None:
    assert tasks["第三条"][0].lead_units == ("区人民政府",)


def test_a_levels_own_government_takes_no_other_levels_prefix(tasks) -> None:
    assert tasks["第四条"][0].lead_units == ("县湿地主管部门", "街道办事处", "乡镇人民政府")


def test_a_relative_clause_with_two_objects_is_no_list_of_bodies(tasks) -> None:
    assert tasks["第五条"][0].lead_units == ("湿地主管部门",)


def test_whom_a_body_directs_is_no_helper(tasks) -> None:
    assert tasks["第六条"][0].co_units == ("有关部门",)


def test_a_field_list_after_huitong_is_not_cut_inside(tasks) -> None:
    assert tasks["第七条"][0].co_units == ("科技部门", "人力资源社会保障部门")


def test_a_list_closed_by_deng_danwei_keeps_its_whole_names(tasks) -> None:
    assert set(tasks["第八条"][0].co_units) == {"湿地游船运输企业", "区水务管理部门"}


def test_a_field_list_closed_by_deng_bumen_ends_there(tasks) -> None:
    assert tasks["第九条"][0].co_units == ("文化旅游部门", "数据管理部门")


def test_the_organisers_of_an_event_are_no_office(tasks) -> None:
    assert "第十条" not in tasks


def test_whom_a_person_goes_to_is_no_doer(tasks) -> None:
    assert "第十一条" not in tasks


def test_a_definition_with_shi_names_no_doer(tasks) -> None:
    assert "第十二条" not in tasks
