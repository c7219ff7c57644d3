"""Forms of local regulations first read on regulations of issuers no rule had been fitted to (a
city's 历史文化街区 regulation, a groundwater regulation, a 12345 hotline regulation, an autonomous
county's tourism regulation, a 文明行为促进条例; tune corpus, 2026-12-07): fields after a single level
or a relative one, 会同 with 制订, zones closed by 等管理委员会, bodies named by their role (承办单位,
组织编制机关), a place before levels, bodies that help another after a comma, 由X决定 / 由X依法核发,
the rules of detail after a penalty, a permission after conditions.

The texts are written for these tests: they follow the conventions of such documents (cities' and
autonomous counties' 条例), not any one document.
"""

from __future__ import annotations

import pytest

from .docfactory import tasks_by_ref

REGULATION = """某市古街区保护条例

第一条　为了保护古街区，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市规划部门应当会同市文物、园林绿化等部门对古街区保护状况进行定期检查。

第三条　住房和城乡建设部门应当会同消防救援、水务等部门制订古街区消防安全方案。

第四条　市、县（市）规划部门应当会同同级文物、交通运输部门编制古建筑保护图则。

第五条　自治县林业、水务等主管部门应当加强古树保护。

第六条　自治县的农业、畜牧等部门在编制规划时，应当兼顾古街区保护的需要。

第七条　甲经济开发区、乙综合保税区等管理委员会按照规定的职责做好古街区保护工作。

第八条　承办单位应当在三个月内答复代表。承办单位不能解决的事项，应当由市人民政府办公室组织有关部门研究解决。

第九条　古街区保护规划报送审批前，组织编制机关应当将规划草案予以公告。

第十条　所有权人下落不明的，古建筑所在地市、县（市）人民政府应当向社会公告有关情况。

第十一条　各乡镇人民政府、街道办事处，协助相关部门做好古街区日常巡查工作。

第十二条　古街区的范围由市人民政府决定。符合保护规划的，由规划部门依法核发建设工程规划许可证。

第十三条　违反本条例规定损坏古建筑的当事人，自愿参加修缮服务的，可以依法从轻处罚。修缮服务的具体实施办法，由市人民政府制定。

第十四条　经营者在古街区内存在严重不文明行为的，相关主管部门可以约谈该经营者。

第十五条　市、县（市）人民政府水务等主管部门应当加强古井保护。

第十六条　对由市文物部门依法进行抢救性修缮的古建筑，其所有权人应当予以配合。

第十七条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return tasks_by_ref(REGULATION)


def test_one_level_goes_to_every_field_of_its_list(tasks) -> None:
    # "市文物、园林绿化等部门": 市园林绿化部门 too, as "区发展改革、财政等部门" gives 区财政部门
    assert tasks["第二条"][0].co_units == ("市文物部门", "市园林绿化部门")
    assert tasks["第五条"][0].lead_units == ("自治县林业主管部门", "自治县水务主管部门")


def test_the_bodies_a_plan_is_made_with_before_zhiding_written_zhiding(tasks) -> None:
    assert tasks["第三条"][0].co_units == ("消防救援部门", "水务部门")


def test_a_relative_level_or_a_level_with_de_is_no_part_of_the_fields_names(tasks) -> None:
    assert tasks["第四条"][0].co_units == ("文物部门", "交通运输部门")
    assert tasks["第六条"][0].lead_units == ("农业部门", "畜牧部门")


def test_one_field_closed_by_deng_after_levels_and_their_government(tasks) -> None:
    assert tasks["第十五条"][0].lead_units == ("水务主管部门",)


def test_zones_closed_by_deng_share_their_committee(tasks) -> None:
    assert tasks["第七条"][0].lead_units == ("甲经济开发区管理委员会", "乙综合保税区管理委员会")


def test_bodies_named_by_their_role(tasks) -> None:
    first, second = tasks["第八条"]
    assert first.lead_units == ("承办单位",)
    # the words before the comma are the topic of the duty, whose doer follows 由
    assert second.lead_units == ("市人民政府办公室",)
    assert tasks["第九条"][0].lead_units == ("组织编制机关",)


def test_a_place_before_levels_goes_to_each_levels_body(tasks) -> None:
    assert tasks["第十条"][0].lead_units == ("古建筑所在地市人民政府", "古建筑所在地县（市）人民政府")


def test_bodies_that_help_another_after_a_comma(tasks) -> None:
    t = tasks["第十一条"][0]
    assert t.lead_units == ("相关部门",)
    assert t.co_units == ("各乡镇人民政府", "街道办事处")


def test_a_decision_and_a_licence_named_after_you(tasks) -> None:
    decided, licensed = tasks["第十二条"]
    assert decided.lead_units == ("市人民政府",)
    assert licensed.lead_units == ("规划部门",)


def test_the_rules_of_detail_after_a_penalty_are_a_task(tasks) -> None:
    (t,) = tasks["第十三条"]
    assert t.text.startswith("修缮服务的具体实施办法")
    assert t.lead_units == ("市人民政府",)


def test_a_permission_after_conditions_is_no_task(tasks) -> None:
    assert "第十四条" not in tasks


def test_you_of_a_relative_clause_names_no_doer(tasks) -> None:
    assert "第十六条" not in tasks


SECOND = """某市营商环境条例

第一条　为了优化营商环境，根据有关法律、法规，结合本市实际，制定本条例。

第二条　公用事业企业主管部门应当加强对供热单位服务质量的监管。

第三条　市人民政府应当建立政务服务评价制度。

第四条　审判机关、行政机关在将市场主体列入失信名单之前，应当依法通知市场主体。

第五条　市场主体提出异议的，审判机关、行政机关应当及时审查；市场主体履行义务的，审判机关、行政机关应当终止失信惩戒。

第六条　市环境保护主管部门对排污监控工作实施统一监督管理；公安、市场监管等有关部门按照各自职责做好排污监控有关工作。

第七条　举报内容经查证属实的，由环境保护主管部门依法对举报人给予奖励。

第八条　村（居）民委员会应当根据招商引资需要，协助政府相关部门，为企业提供便利服务。

第九条　财政、人力社保等有关部门应当按照各自的职责，配合档案主管部门做好档案工作。

第十条　排污单位委托运营单位运营设施的，应当签订委托合同。

第十一条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def second():
    return tasks_by_ref(SECOND)


def test_the_department_that_governs_firms_is_a_body(second) -> None:
    assert second["第二条"][0].lead_units == ("公用事业企业主管部门",)


def test_two_organs_are_no_fields_of_one_organ(second) -> None:
    assert second["第四条"][0].lead_units == ("审判机关", "行政机关")


def test_a_sentence_cut_at_its_semicolon_before_a_condition_and_a_body(second) -> None:
    assert [t.lead_units for t in second["第五条"]] == [("审判机关", "行政机关")] * 2


def test_fields_charged_by_their_duties_after_a_semicolon(second) -> None:
    first, other = second["第六条"]
    assert first.lead_units == ("市环境保护主管部门",)
    assert other.lead_units == ("公安部门", "市场监管部门", "有关部门")


def test_a_reward_given_by_a_body_named_after_you(second) -> None:
    assert second["第七条"][0].lead_units == ("环境保护主管部门",)


def test_help_after_the_basis_it_is_given_on(second) -> None:
    t = second["第八条"][0]
    assert (t.lead_units, t.co_units) == (("政府相关部门",), ("村民委员会", "居民委员会"))
    t = second["第九条"][0]
    assert t.lead_units == ("档案主管部门",)
    assert t.co_units == ("财政部门", "人力社保部门", "有关部门")


def test_entrusting_is_no_committee(second) -> None:
    assert "第十条" not in second


THIRD = """某自治县条例

第一条　为了规范管理，根据有关法律、法规，结合本县实际，制定本条例。

第二条　在禁止燃放烟花爆竹的区域内，公安机关、应急管理、市场监管等部门应当建立健全监督检查制度。

第三条　自治县监察委员会、人民法院和人民检察院的领导成员中，应当有少数民族公民。

第四条　本级人民代表大会、本级人大常委会或者上级人民政府应当依法予以撤销。

第五条　鉴定人经人民法院通知出庭作证的，应当出庭作证；经人民法院同意不出庭的，应当书面回答质询。

第六条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def third():
    return tasks_by_ref(THIRD)


def test_a_body_named_whole_before_a_list_of_fields(third) -> None:
    assert third["第二条"][0].lead_units == ("公安机关", "应急管理部门", "市场监管部门")


def test_the_members_of_bodies_are_no_doers(third) -> None:
    assert "第三条" not in third


def test_benji_stays_before_a_body_of_its_own(third) -> None:
    assert third["第四条"][0].lead_units[0] == "本级人民代表大会"


def test_jing_before_a_body_opens_no_doer(third) -> None:
    assert "第五条" not in third
