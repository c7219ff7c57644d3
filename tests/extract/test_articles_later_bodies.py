"""Duties of regulations whose body is not the sentence's first words, and names the readers give
otherwise: a topic or another's act before the body and its 应当, a body named after 由 with the
verb of its work (设置, 划定, 指定), a rule's topic before 由 with no 的, a list of duties that lost its
item numbers, fields after levels (教育等部门), bodies closed by 等团体, businesses that serve (服务机构),
what the statute reaches (参照本条例执行), conditions that read as names (不能办结), a body's conditions
before its duty, 该X and X均应当, the bodies worked with (会同) before 拟定 or 统一进行, lists whose items
name their own bodies, and penalties that are no metrics.

The texts are written for these tests: they follow the conventions of cities' 条例 and 规定 on trees,
door plates, household services and approvals, not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某市树木和门牌管理条例

第一条　为了加强树木和门牌管理，根据有关法律、法规，结合本市实际，制定本条例。

第二条　经普查登记的大树，市绿化主管部门应当按照规定向社会公布。

第三条　大树日常养护费用由养护责任人承担，区绿化主管部门应当给予适当补助。

第四条　全市大树资源普查情况，按照统一格式汇总后，绿化主管部门应当及时向社会公布。

第五条　大树的保护范围由区绿化主管部门划定，其保护范围不小于树冠垂直投影。

第六条　养护责任人不明的，由大树所在地的区绿化主管部门指定养护责任人。

第七条　已编号的建筑物，由各区公安机关按照确认的门牌号设置门牌。

第八条　门牌设置规范由市公安机关会同有关部门制定，并向社会公布。

第九条　养护责任人发现大树死亡的，应当及时向区绿化主管部门报告。

第十条　行为人拒不改正的，执法人员可以通知公安机关到场，公安机关应当依法予以配合。

第十一条　本条例具体应用中的问题，由市人民政府负责解释。

第十二条　本条例自2031年1月1日起施行。
"""

RULES = """某市服务管理规定

第一条　为了规范服务和审批，根据有关法律、法规，结合本市实际，制定本规定。

第二条　市政务服务管理部门是审批工作的主管部门，应当承担以下职责：

负责审批管理系统的建设、运行和管理；

负责组织协调相关部门联合办理审批事项；

其他需要主管部门办理的事项。

第三条　市、县（区）教育等部门应当将家庭服务纳入职业教育计划。

第四条　市、区县（市）园林绿化、林业行政管理部门是绿化工作的主管部门。

第五条　工会、共青团、妇联、红十字会等团体协助促进服务业的发展。

第六条　托育服务机构应当在经营场所公示收费标准。

第七条　公共就业服务机构应当免费提供职业介绍。

第八条　在月子中心等场所开展相关服务的，参照本规定执行。

第九条　超出承诺时限不能办结的，应当说明理由。

第十条　并联审批相关部门应当在承诺时限内作出审批决定。

第十一条　本规定自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


@pytest.fixture(scope="module")
def rules():
    return {t.ref: t for t in extract_text(RULES).tasks}


def test_a_topic_before_the_body_and_its_duty(tasks) -> None:
    assert tasks["第二条"].lead_units == ("市绿化主管部门",)


def test_another_s_act_before_the_body_and_its_duty(tasks) -> None:
    assert tasks["第三条"].lead_units == ("区绿化主管部门",)
    assert tasks["第四条"].lead_units == ("绿化主管部门",)
    assert tasks["第四条"].text.startswith("全市大树资源")  # the task keeps its sentence


def test_a_body_after_you_with_the_verb_of_its_work(tasks) -> None:
    assert tasks["第五条"].lead_units == ("区绿化主管部门",)
    assert tasks["第六条"].lead_units == ("区绿化主管部门",)
    assert tasks["第七条"].lead_units == ("各区公安机关",)


def test_a_rule_named_before_you_is_its_topic(tasks) -> None:
    assert tasks["第八条"].lead_units == ("市公安机关",)
    assert tasks["第八条"].co_units == ("有关部门",)


def test_no_body_no_help_no_interpretation(tasks) -> None:
    assert "第九条" not in tasks  # a duty of the person who looks after the tree
    assert "第十条" not in tasks  # the police only help
    assert "第十一条" not in tasks  # who interprets the statute


def test_a_list_that_lost_its_numbers_stays_with_its_opening(rules) -> None:
    duty = rules["第二条"]
    assert duty.lead_units == ("市政务服务管理部门",)
    assert "负责组织协调相关部门" in duty.text and duty.text.endswith("办理的事项。")
    assert sum(1 for ref in rules if ref == "第二条") == 1


def test_fields_after_levels_are_named_by_field(rules) -> None:
    assert rules["第三条"].lead_units == ("教育部门",)
    assert rules["第四条"].lead_units == ("园林绿化行政管理部门", "林业行政管理部门")


def test_bodies_closed_by_the_kind_they_share(rules) -> None:
    assert rules["第五条"].lead_units == ("工会", "共青团", "妇联", "红十字会")


def test_a_business_that_serves_is_no_body_of_the_state(rules) -> None:
    assert "第六条" not in rules
    assert rules["第七条"].lead_units == ("公共就业服务机构",)


def test_what_the_statute_reaches_and_a_condition_are_no_duty(rules) -> None:
    assert "第八条" not in rules
    assert "第九条" not in rules


def test_parallel_is_no_conjunction(rules) -> None:
    assert rules["第十条"].lead_units == ("并联审批相关部门",)


PROCEDURES = """某市门牌和审批管理条例

第一条　为了规范门牌和审批管理，根据有关法律、法规，结合本市实际，制定本条例。

第二条　公安机关收到申请后，材料齐全，符合法定形式的，应当在十个工作日内出具门牌确认书。

第三条　牵头部门受理由其他部门办理的申请事项，应当接受委托，受理申报材料。

第四条　审批事项需要审批部门内设的多个机构办理的，该审批部门应当实行并联办理。

第五条　审批事项涉及市和区两级权限的，两级牵头部门均应当受理。

第六条　在供气能力不足的情况下，汽车加气站应当优先保证公交车用气。

第七条　市生态环境部门发现监测数据不准确的，应当及时更正。

第八条　违反本条例第二条规定的，由公安机关责令限期改正，逾期不改正的，处以500元以下罚款。

第九条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def procedures():
    return extract_text(PROCEDURES)


def test_a_body_its_conditions_then_its_duty(procedures) -> None:
    tasks = {t.ref: t for t in procedures.tasks}
    assert tasks["第二条"].lead_units == ("公安机关",)
    assert tasks["第三条"].lead_units == ("牵头部门",)  # 接受委托 is work, not a submission
    assert tasks["第七条"].lead_units == ("市生态环境部门",)


def test_the_body_named_before_and_each_of_them(procedures) -> None:
    tasks = {t.ref: t for t in procedures.tasks}
    assert tasks["第四条"].lead_units == ("审批部门",)
    assert tasks["第五条"].lead_units == ("两级牵头部门",)


def test_a_fuel_station_is_a_business(procedures) -> None:
    assert all(t.ref != "第六条" for t in procedures.tasks)


def test_others_duty_first_then_the_body_s_is_no_task_of_the_body() -> None:
    text = """某市烟花爆竹燃放管理条例

第一条　为了加强烟花爆竹燃放管理，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市公安机关负责全市烟花爆竹燃放管理工作。

第三条　在禁放区域内，婚庆服务经营者应当告知服务对象禁放规定；对服务对象燃放的行为，应当予以劝阻，对不听劝阻的应当及时报告，公安机关应当依法处理。

第四条　村民委员会、居民委员会、业主委员会、物业服务企业等单位，对责任范围内违法燃放的，应当及时予以劝阻。

第五条　市财政部门应当保障烟花爆竹燃放管理经费。

第六条　本条例自2031年1月1日起施行。
"""
    refs = {t.ref for t in extract_text(text).tasks}
    assert "第三条" not in refs and "第四条" not in refs


def test_a_penalty_is_no_metric(procedures) -> None:
    assert not any(m.value == 500 for m in procedures.metrics)


def test_the_body_the_government_before_it_names() -> None:
    text = """某市绿化管理办法

第一条　为了加强绿化管理，根据有关法律、法规，结合本市实际，制定本办法。

第二条　市园林部门负责全市绿化管理工作。

第三条　各区人民政府负责本辖区内的绿化管理工作，其确定的绿化管理部门具体负责日常管理。

第四条　河道管理范围由县级以上人民政府划定并公告。

第五条　市财政部门应当保障绿化经费。

第六条　本办法自2031年1月1日起施行。
"""
    tasks = [t for t in extract_text(text).tasks if t.ref == "第三条"]
    assert [t.lead_units for t in tasks] == [("各区人民政府",), ("绿化管理部门",)]
    (bounds,) = [t for t in extract_text(text).tasks if t.ref == "第四条"]
    assert bounds.lead_units == ("县级以上人民政府",)


def test_the_bodies_worked_with_before_a_drafting_verb_or_an_adverb() -> None:
    text = """某市节约用水条例

第一条　为了节约用水，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市水行政主管部门应当根据本市实际，会同发展改革、住房城乡建设等部门拟定本市用水定额。

第三条　全市水资源调查评价由市、区水行政主管部门会同有关部门统一进行。

第四条　市财政部门应当保障节约用水工作经费。

第五条　市发展改革部门应当加强节水产业规划。

第六条　本条例自2031年1月1日起施行。
"""
    tasks = {t.ref: t for t in extract_text(text).tasks}
    assert tasks["第二条"].co_units == ("发展改革部门", "住房城乡建设部门")
    assert tasks["第三条"].lead_units == ("市水行政主管部门", "区水行政主管部门")
    assert tasks["第三条"].co_units == ("有关部门",)


def test_a_list_whose_items_name_their_own_bodies_is_shared_out() -> None:
    text = """某市生活饮用水卫生监督管理条例

第一条　为了加强生活饮用水卫生监督管理，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市卫生健康主管部门负责全市生活饮用水卫生监督管理工作。

第三条　市、区人民政府有关部门在生活饮用水监督管理中应当履行下列职责：

（一）生态环境主管部门负责生活饮用水水源生态环境保护工作；

（二）水利主管部门负责水资源的统一监督管理；

（三）住房城乡建设主管部门负责城市供水行业管理。

第四条　市卫生健康主管部门应当履行下列职责：

（一）组织开展生活饮用水卫生监测；

（二）会同有关部门处置生活饮用水污染事件。

第五条　本条例自2031年1月1日起施行。
"""
    tasks = extract_text(text).tasks
    shared = [t.lead_units for t in tasks if t.ref == "第三条"]
    assert shared == [("生态环境主管部门",), ("水利主管部门",), ("住房城乡建设主管部门",)]
    (whole,) = [t for t in tasks if t.ref == "第四条"]  # items with no body of their own stay with it
    assert whole.lead_units == ("市卫生健康主管部门",) and "处置生活饮用水污染事件" in whole.text


def test_applying_a_technique_is_no_duty_of_another_before_the_body() -> None:
    text = """某市农业技术推广条例

第一条　为了促进农业技术推广，根据有关法律、法规，结合本市实际，制定本条例。

第二条　农业劳动者在生产中应用先进农业技术，区农业农村主管部门应当在技术培训方面给予支持。

第三条　区人民政府可以确定一定比例的农田，应用节水灌溉技术进行建设。

第四条　经认定的农业技术推广示范基地，市农业农村主管部门应当向社会公布。

第五条　示范基地日常运行费用由经营者承担，区农业农村主管部门应当给予适当补助。

第六条　农业劳动者可以向技术推广机构咨询，由技术推广机构负责解释。

第七条　本条例自2031年1月1日起施行。
"""
    tasks = {t.ref: t for t in extract_text(text).tasks}
    assert tasks["第二条"].lead_units == ("区农业农村主管部门",)
    assert "第三条" not in tasks  # a permission (可以); 应用 is no 应
