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
