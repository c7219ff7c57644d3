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

from taizhang.extract import extract_text

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
    out: dict[str, list] = {}
    for t in extract_text(REGULATION).tasks:
        out.setdefault(t.ref, []).append(t)
    return out


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
