"""Duties of regulations that the first readers missed: a department named by a field ending in 业
(渔业主管部门, 林业主管部门: not 业主, an owner), a body that 具体实施 its work, bodies that 协同做好 it
after their 按照各自职责, a body that 根据… 制定 a rule, a licence 由X核发, and the bodies 由X会同Y
组织实施 names beside the doer.

The texts are written for these tests: they follow the conventions of such documents (cities'
条例 and 规定 on fisheries, forests and civilised behaviour), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某市水产资源保护规定

第一条　为了保护水产资源，根据有关法律、法规，结合本市实际，制定本规定。

第二条　市渔业主管部门负责全市的水产资源保护工作。

第三条　市、县（区）林业主管部门应当定期组织林地资源调查。

第四条　林业主管部门所属的森林公安机构具体实施林区治安管理工作。

第五条　财政、水利、公安等部门按照各自职责，协同做好水产资源保护工作。

第六条　市人民政府根据本市水产资源分布情况制定捕捞工具控制办法。

第七条　跨县（区）水域的捕捞许可证由市渔业主管部门核发。

第八条　市、县（区）设立资源保护举报平台，由市、县（区）渔业主管部门会同有关部门组织实施。

第九条　物业服务企业和业主应当配合做好小区水体保护。

第十条　本规定自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


def test_a_field_ending_in_ye_names_a_department_not_an_owner(tasks) -> None:
    assert tasks["第二条"].lead_units == ("市渔业主管部门",)
    assert tasks["第三条"].lead_units == ("市林业主管部门", "县（区）林业主管部门")


def test_an_owner_is_still_no_body(tasks) -> None:
    assert "第九条" not in tasks


def test_a_body_that_carries_out_its_work(tasks) -> None:
    assert tasks["第四条"].lead_units == ("林业主管部门所属的森林公安机构",)


def test_fields_that_work_together_after_their_duties(tasks) -> None:
    assert tasks["第五条"].lead_units == ("财政部门", "水利部门", "公安部门")


def test_a_rule_made_after_a_lead_in(tasks) -> None:
    assert tasks["第六条"].lead_units == ("市人民政府",)


def test_a_licence_issued_by_a_body(tasks) -> None:
    assert tasks["第七条"].lead_units == ("市渔业主管部门",)


def test_the_bodies_a_doer_works_with_are_co_units(tasks) -> None:
    t = tasks["第八条"]
    assert t.lead_units == ("市渔业主管部门", "县（区）渔业主管部门")
    assert t.co_units == ("有关部门",)


LISTS = """某市烟花爆竹燃放管理条例

第一条　为了保障公共安全，根据有关法律、法规，结合本市实际，制定本条例。

第二条　环境保护、教育、城市管理（行政执法）、民政、工商行政管理（市场监管）、气象等部门应当按照各自职责，做好相关监督管理工作。

第三条　乡镇人民政府、街道办事处应当将燃放安全管理纳入社会治安综合治理范围，配合有关部门做好相关工作。

第四条　各级人民政府及有关部门、企事业单位和社会团体应当组织开展安全燃放宣传活动。

第五条　国家机关、企事业单位和社会组织应当将文明燃放纳入本单位培训内容。

第六条　其他禁止燃放的区域和时间由市、县（市）人民政府根据实际情况确定，并向社会公布。

第七条　市、县（区）文明行为促进委员会，市、县（区）人民政府及其有关部门应当加强安全燃放宣传。

第八条　市人民政府可以根据实际制定禁止燃放清单并向社会公布，县（区）人民政府、有关行政管理部门应当予以配合。

第九条　市城市管理部门可以会同公安、气象等部门，根据国家标准，制定燃放安全规范，经市人民政府批准后公布实施。

第十条　市城市管理部门可以设立必要的工作机构。

第十一条　实行燃放安全责任保险制度。具体办法由市人民政府制定。

第十二条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def listed():
    return {t.ref: t for t in extract_text(LISTS).tasks}


def test_fields_with_a_qualifier_in_brackets_share_their_kind_of_body(listed) -> None:
    assert listed["第二条"].lead_units == (
        "环境保护部门",
        "教育部门",
        "城市管理（行政执法）部门",
        "民政部门",
        "工商行政管理（市场监管）部门",
        "气象部门",
    )


def test_helping_a_collective_is_part_of_the_duty_not_a_body(listed) -> None:
    t = listed["第三条"]
    assert t.lead_units == ("乡镇人民政府", "街道办事处")
    assert t.text.endswith("配合有关部门做好相关工作。")


def test_a_list_led_by_governments_may_name_institutions_beside_them(listed) -> None:
    assert listed["第四条"].lead_units == ("各级人民政府", "有关部门", "企事业单位", "社会团体")
    assert "第五条" not in listed


def test_a_body_that_decides_after_weighing_the_facts(listed) -> None:
    assert listed["第六条"].lead_units == ("市人民政府", "县（市）人民政府")


def test_a_long_list_of_bodies_goes_on_past_a_comma(listed) -> None:
    assert listed["第七条"].lead_units == (
        "市文明行为促进委员会",
        "县（区）文明行为促进委员会",
        "市人民政府",
        "县（区）人民政府",
        "有关部门",
    )


def test_a_power_to_make_and_publish_a_rule_is_a_task_and_its_helpers_co_units(listed) -> None:
    t = listed["第八条"]
    assert t.lead_units == ("市人民政府",)
    assert t.co_units == ("县（区）人民政府", "有关行政管理部门")
    assert listed["第九条"].lead_units == ("市城市管理部门",)
    assert listed["第九条"].co_units == ("公安部门", "气象部门")
    assert "第十条" not in listed


def test_a_system_set_up_with_no_subject_goes_with_the_body_that_makes_its_rules(listed) -> None:
    t = listed["第十一条"]
    assert t.lead_units == ("市人民政府",)
    assert t.text.startswith("实行燃放安全责任保险制度。")


def test_bodies_sharing_a_duty_lead_it_past_the_set_phrases_of_shared_duty():
    doc = (
        "北湖市防汛条例\n\n第一章 总则\n\n"
        "第一条 为了做好防汛工作，保障人民生命财产安全，根据有关法律，结合本市实际，制定本条例。\n\n"
        "第二条 本条例适用于本市行政区域内的防汛工作。\n\n"
        "第三条 市、区人民政府应当加强对防汛工作的领导，将防汛工作纳入国民经济和社会发展规划。\n\n"
        "第四条 市、区人民政府水务主管部门和发展改革、财政、公安等部门，按照职责分工，各负其责，"
        "密切配合，共同做好防汛工作。\n\n"
        "第五条 市水务主管部门应当会同有关部门编制防汛规划。\n"
    )
    task = next(t for t in extract_text(doc).tasks if "各负其责" in t.text)
    assert task.lead_units[:2] == ("市人民政府水务主管部门", "区人民政府水务主管部门")
    assert "财政部门" in task.lead_units


def test_a_body_a_regulation_lets_another_designate_is_no_unit():
    doc = (
        "北湖市河道管理条例\n\n第一章 总则\n\n"
        "第一条 为了加强河道管理，根据有关法律，结合本市实际，制定本条例。\n\n"
        "第二条 本条例适用于本市行政区域内的河道管理。\n\n"
        "第三条 跨区的河道，由市水务主管部门或者其指定的区水务主管部门负责管理。\n\n"
        "第四条 区人民政府应当加强河道保洁工作。\n"
    )
    task = next(t for t in extract_text(doc).tasks if "跨区" in t.text)
    assert task.lead_units == ("市水务主管部门",)
