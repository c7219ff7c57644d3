"""Co-units in the forms the first readers missed: a body whose whole duty is to help another
with that other's work (`X配合Y开展…`, `X负责协助Y开展…`, `X应当协助Y,做好…`) in a regulation's
articles, and units that co-operate with no modal verb in a plan's prose (`X全力配合Y推进…`,
`Y负责…,X配合Y推进…`) or do it jointly (`X联合Y对…开展…`). The body helped leads, the helper is a co-unit (SCHEMA: 配合 marks co-units;
the corpus README's conventions of 2026-12-06 and 2026-12-07, which read 协助 as 配合).

The texts are written for these tests: they follow the conventions of such documents (cities'
条例 on culture, fisheries and hills; districts' plans of a reform), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某市传统村落保护条例

第一条　为了保护传统村落，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市、县（区）住房城乡建设主管部门负责本行政区域内传统村落的保护工作。

第三条　文化旅游主管部门在职责范围内，配合住房城乡建设主管部门开展传统村落保护利用工作。

第四条　村民委员会负责协助镇人民政府和有关主管部门开展传统村落的日常巡查工作。

第五条　街道办事处应当协助住房城乡建设主管部门，做好辖区内传统建筑的登记工作。

第六条　村民委员会协助做好传统村落保护的宣传工作。

第七条　自然资源主管部门应当编制传统村落用地规划，并配合有关部门做好规划实施工作。

第八条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


def test_a_body_that_co_operates_with_another_in_its_work_is_a_co_unit(tasks) -> None:
    assert tasks["第三条"].lead_units == ("住房城乡建设主管部门",)
    assert tasks["第三条"].co_units == ("文化旅游主管部门",)


def test_a_body_that_assists_the_bodies_it_names_is_a_co_unit(tasks) -> None:
    assert tasks["第四条"].lead_units == ("镇人民政府", "有关主管部门")
    assert tasks["第四条"].co_units == ("村民委员会",)


def test_the_body_assisted_may_be_followed_by_a_comma(tasks) -> None:
    assert tasks["第五条"].lead_units == ("住房城乡建设主管部门",)
    assert tasks["第五条"].co_units == ("街道办事处",)


def test_a_helper_with_no_body_named_answers_for_the_work(tasks) -> None:
    assert tasks["第六条"].lead_units == ("村民委员会",)
    assert tasks["第六条"].co_units == ()


def test_help_after_a_body_s_own_duty_keeps_it_as_lead(tasks) -> None:
    assert tasks["第七条"].lead_units == ("自然资源主管部门",)


PLAN = """某区排水设施运维管理改革实施方案

为推进本区排水设施运维管理改革，制定本方案。

一、主要任务

（一）运维体系

1.感知体系建设。区水务局全力配合区市政集团推进排水感知体系建设工作，提供历年排查资料。

2.资金机制。区财政局配合市级部门研究制定排水设施运维资金标准，明确各方职责。

3.方案编制：区市政集团负责编制运维管理方案，区排水管理所配合区市政集团推进模型建设工作。

4.政策研究。区建设管理委配合市级部门研究制定更新改造机制。区建设管理委落实大中修政策研究的相关工作安排。

5.属地协助。各街道办事处负责协助轨道交通方面具体实施应急处置工作。

6.绩效考核。2026年起，区建设管理委联合区财政局对区市政集团开展运维绩效考核。

7.年度考核。区水务局、区财政局联合对区市政集团开展年度考核。
"""


@pytest.fixture(scope="module")
def plan():
    return {t.ref: t for t in extract_text(PLAN).tasks}


def test_units_that_co_operate_with_no_modal_are_co_units(plan) -> None:
    assert plan["一.(一).1"].lead_units == ("区市政集团",)
    assert plan["一.(一).1"].co_units == ("区水务局",)


def test_the_units_helped_may_be_a_level_s_departments(plan) -> None:
    assert plan["一.(一).2"].lead_units == ("市级部门",)
    assert plan["一.(一).2"].co_units == ("区财政局",)


def test_help_with_the_clause_before_is_part_of_its_task(plan) -> None:
    assert plan["一.(一).3"].lead_units == ("区市政集团",)
    assert plan["一.(一).3"].co_units == ("区排水管理所",)
    assert len([t for t in plan.values() if "运维管理方案" in t.text]) == 1


def test_own_work_after_the_help_keeps_the_units_as_lead(plan) -> None:
    assert plan["一.(一).4"].lead_units == ("区建设管理委",)
    assert plan["一.(一).4"].co_units == ()


def test_assistance_with_no_unit_named_keeps_the_units_as_lead(plan) -> None:
    assert plan["一.(一).5"].lead_units == ("各街道办事处",)
    assert plan["一.(一).5"].co_units == ()


def test_the_units_a_clause_works_jointly_with_are_co_units(plan) -> None:
    assert plan["一.(一).6"].lead_units == ("区建设管理委",)
    assert plan["一.(一).6"].co_units == ("区财政局",)


def test_joint_work_with_no_unit_named_has_leads_only(plan) -> None:
    assert plan["一.(一).7"].lead_units == ("区水务局", "区财政局")
    assert plan["一.(一).7"].co_units == ()


def test_a_level_of_districts_and_counties_is_one_level() -> None:
    text = """某市应急避难场所管理条例

第一条　为了规范应急避难场所管理，制定本条例。

第二条　本条例适用于本市行政区域内应急避难场所的规划、建设和管理。

第三条　市、区县（自治县）人民政府负责本行政区域内应急避难场所的管理工作。

第四条　应急管理部门应当会同规划、住房城乡建设等有关部门编制应急避难场所布局规划。

第五条　本条例自2026年1月1日起施行。
"""
    (task,) = [t for t in extract_text(text).tasks if t.ref == "第三条"]
    assert task.lead_units == ("市人民政府", "区县（自治县）人民政府")


STREET_PLAN = """某街道2026年重点工作任务分工方案

一、重点任务

1.推进老旧小区加装电梯。由街道社区管理办负责，各居委会、物业服务企业参与。

2.推进垃圾分类。街道城建中心负责，各居委会、物业服务企业配合做好分类驳运。

3.提升社区服务。街道党群办牵头，各居委会、辖区企业共同参与。

4.开展消防检查。街道平安办负责，街道城建中心负责做好场地保障。
"""


@pytest.fixture(scope="module")
def street():
    return {t.ref: t for t in extract_text(STREET_PLAN).tasks}


def test_committees_and_firms_that_take_part_after_a_lead_that_is_responsible(street) -> None:
    assert street["一.1"].lead_units == ("街道社区管理办",)
    assert street["一.1"].co_units == ("各居委会", "物业服务企业")


def test_committees_and_firms_that_help_with_named_work(street) -> None:
    assert street["一.2"].lead_units == ("街道城建中心",)
    assert street["一.2"].co_units == ("各居委会", "物业服务企业")


def test_firms_that_take_part_after_a_lead(street) -> None:
    assert street["一.3"].lead_units == ("街道党群办",)
    assert street["一.3"].co_units == ("各居委会", "辖区企业")


def test_a_second_unit_with_its_own_duty_is_no_helper(street) -> None:
    assert "街道城建中心" not in street["一.4"].co_units


def test_the_units_a_lead_is_to_coordinate_are_co_units() -> None:
    text = """某县人民政府办公室关于印发2026年重点工作任务分解方案的通知

各乡镇人民政府，县直各部门：

现将《2026年重点工作任务分解方案》印发给你们，并就有关事项通知如下：

一、压实工作责任。各牵头单位要对照任务清单，充分协调其他责任单位，制定具体推进方案，明确完成时限。

二、加强督查考核。县政府督查室要定期通报任务推进情况。
"""
    tasks = extract_text(text).tasks
    (task,) = [t for t in tasks if "充分协调" in t.text]
    assert task.lead_units == ("各牵头单位",)
    assert task.co_units == ("其他责任单位",)


def test_a_topic_before_the_doer_is_no_part_of_its_name() -> None:
    text = """某市非物质文化遗产保护条例

第一条　为了保护非物质文化遗产，制定本条例。

第二条　市、县（区）文化主管部门负责本行政区域内非物质文化遗产的保护工作。

第三条　市、县（区）人民政府应当在文化站等场所设立传承教学点。

传承教学点的教师由市、县（区）文化主管部门会同教育主管部门聘任。

第四条　本条例自2026年1月1日起施行。
"""
    (task,) = [t for t in extract_text(text).tasks if t.text.startswith("传承教学点的教师")]
    assert task.lead_units == ("市文化主管部门", "县（区）文化主管部门")
    assert task.co_units == ("教育主管部门",)
