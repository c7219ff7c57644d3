"""Regulations of a development zone or a new area: the zone itself as the subject of a duty, the
government that sets up the zone's 管理委员会, the powers the 管委会 is given in a list, levels joined
by 和 before the government they share, a topic named before the body that answers for it, and the
sentences that lay no task (a permission, a submission to another body's management, a condition
of consent).

The texts are written for these tests: they follow the conventions of such documents (provinces'
and cities' 开发区条例 and 新区条例), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text

ZONE_REGULATION = """某市高新技术产业开发区条例

第一章　总则

第一条　为了促进某市高新技术产业开发区建设和发展，根据有关法律、法规，结合本市实际，制定本条例。

第二条　本条例适用于经批准设立的某市高新技术产业开发区（以下简称开发区）。

第三条　开发区应当完善创新服务体系，培育新兴产业，建设创新型园区。

第四条　省和某市人民政府应当加强对开发区建设的领导，协调解决重大问题。

省和某市人民政府有关部门应当按照各自职责支持开发区发展。

第二章　管理机构

第五条　市人民政府设立某市高新技术产业开发区管理委员会（以下简称开发区管委会），代表市人民政府对开发区实行统一领导和管理。

第六条　开发区管委会行使下列职权：

（一）编制开发区发展规划，经市人民政府批准后组织实施；

（二）管理开发区的土地和基础设施；

（三）市人民政府授予的其他职权。

第七条　开发区管委会可以设立必要的工作机构，对开发区的事务实行管理。

第八条　开发区管委会按照权限对开发区内各产业园进行管理或者协调。

开发区内各产业园需要由开发区管委会统筹的事项，应当接受开发区管委会的统一管理。

第九条　市有关部门在开发区设立派出机构，必须经开发区管委会同意，并报市人民政府批准。

第十条　开发区管委会应当建立综合协调机制，协调解决区内经济管理事项；开发区内的社会事务和公共服务等事项，由所在区人民政府负责。

第十一条　开发区在规划建设重大基础设施涉及防灾需求时，应当进行联合论证。

第十二条　产业园实行法定机构管理模式的，由开发区管委会提出方案，报请市人民政府决定。

第十三条　开发区符合条件的重大项目，省和某市人民政府应当优先纳入重点项目计划。

第十四条　申报国家级开发区，设区的市人民政府应当向省人民政府提交申请报告，由省商务主管部门会同省发展改革、自然资源等部门进行论证、审查，经省人民政府同意后，报国务院审批。

第十五条　省和设区的市商务主管部门应当会同有关部门，加强对开发区的分类指导。

第十六条　对发展滞后的开发区，由省或者设区的市商务主管部门会同有关部门向所在地人民政府提出整改建议。

第十七条　开发区建设征地涉及的补偿安置工作，由开发区管委会配合当地自然资源、房屋征收等部门依法组织实施。

第三章　附则

第十八条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return extract_text(ZONE_REGULATION).tasks


def _one(tasks, opening: str):
    (task,) = [t for t in tasks if t.text.startswith(opening)]
    return task


def test_the_zone_itself_is_the_subject_of_a_duty_with_no_body(tasks) -> None:
    assert _one(tasks, "开发区应当完善").lead_units == ()
    assert _one(tasks, "开发区在规划建设").lead_units == ()


def test_levels_joined_by_和_before_the_government_they_share(tasks) -> None:
    assert _one(tasks, "省和某市人民政府应当加强").lead_units == ("省人民政府", "某市人民政府")
    assert _one(tasks, "省和某市人民政府有关部门").lead_units == (
        "省人民政府有关部门",
        "某市人民政府有关部门",
    )


def test_the_body_a_government_sets_up_leads_the_zone(tasks) -> None:
    assert _one(tasks, "市人民政府设立").lead_units == ("某市高新技术产业开发区管理委员会",)


def test_the_powers_given_in_a_list_are_one_task_with_its_list(tasks) -> None:
    powers = _one(tasks, "开发区管委会行使下列职权")
    assert powers.lead_units == ("开发区管委会",)
    assert "（三）市人民政府授予的其他职权" in powers.text


def test_a_duty_of_managing_after_a_lead_in(tasks) -> None:
    assert _one(tasks, "开发区管委会按照权限").lead_units == ("开发区管委会",)


def test_a_topic_before_the_body_that_answers_for_it(tasks) -> None:
    assert _one(tasks, "开发区管委会应当建立综合协调机制").lead_units == ("开发区管委会",)
    assert _one(tasks, "开发区内的社会事务").lead_units == ("所在区人民政府",)
    assert _one(tasks, "开发区符合条件的重大项目").lead_units == ("省人民政府", "某市人民政府")
    assert _one(tasks, "产业园实行法定机构管理模式的").lead_units == ("开发区管委会",)


def test_permissions_submissions_and_conditions_of_consent_lay_no_task(tasks) -> None:
    texts = [t.text for t in tasks]
    assert not any("可以设立" in x for x in texts)
    assert not any("应当接受" in x for x in texts)
    assert not any("必须经" in x for x in texts)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("省和某市人民政府", ["省人民政府", "某市人民政府"]),
        ("省和设区的市人民政府", ["省人民政府", "设区的市人民政府"]),
        ("市和区人民政府有关部门", ["市人民政府有关部门", "区人民政府有关部门"]),
        ("乡镇人民政府和街道办事处", ["乡镇人民政府", "街道办事处"]),
    ],
)
def test_law_names_of_two_levels(written: str, expected: list[str]) -> None:
    assert law_names(written, working_text(written)) == expected


def test_a_sentence_opening_with_the_act_its_duties_are_for_gives_one_task_to_each_body(tasks) -> None:
    assert _one(tasks, "申报国家级开发区").lead_units == ("设区的市人民政府",)
    review = _one(tasks, "由省商务主管部门会同")
    assert review.lead_units == ("省商务主管部门",)
    assert review.co_units == ("省发展改革部门", "省自然资源部门")


def test_two_levels_before_a_department_and_the_bodies_it_works_with(tasks) -> None:
    guide = _one(tasks, "省和设区的市商务主管部门")
    assert guide.lead_units == ("省商务主管部门", "设区的市商务主管部门")
    assert guide.co_units == ("有关部门",)
    advise = _one(tasks, "对发展滞后的开发区")
    assert advise.lead_units == ("省商务主管部门", "设区的市商务主管部门")
    assert advise.co_units == ("有关部门",)


def test_由X配合Y_makes_Y_lead_and_X_help(tasks) -> None:
    task = _one(tasks, "开发区建设征地")
    assert task.lead_units == ("当地自然资源部门", "当地房屋征收部门")
    assert task.co_units == ("开发区管委会",)
