"""A text task's units as its own words give them (pipeline._own_units), on invented documents."""

from __future__ import annotations

from taizhang.extract import extract_text


def _leads(text: str) -> list[tuple[str, ...]]:
    return [t.lead_units for t in extract_text(text).tasks]


def test_a_task_with_no_unit_takes_the_units_its_first_clause_opens_with():
    doc = (
        "北湖区老旧小区排查工作方案\n"
        "一、排查任务\n"
        "（一）全面排查。各社区、相关物业单位于2030年5月10日前，对辖区楼道完成排查，建立台账。\n"
        "（二）行业指导。区商贸委做好行业指导，督促经营单位落实整改。\n"
    )
    leads = _leads(doc)
    assert ("各社区", "相关物业单位") in leads
    assert ("区商贸委",) in leads


def test_the_doer_a_clause_names_after_you_is_the_lead():
    doc = (
        "北湖镇小型工程管理办法\n"
        "一、工作要求\n"
        "1.对不按要求办理备案的施工单位，由镇建设办提出整改意见，并报区相关部门处理。\n"
        "2.镇财务所负责对资金使用情况进行监管。\n"
    )
    leads = _leads(doc)
    assert ("镇建设办",) in leads
    assert ("镇财务所",) in leads
