"""Labels of units in division notices, read by one grammar (units.UNIT_ROLE_LABEL, units.label_role):
a short role phrase ending in 单位 or 部门, then a colon. Counties vary the label of their helping
units (协作配合单位, 其他参与单位, 协同支持单位, 参加单位): each names co-units, and the lead label's list
before it ends where its line opens. A 责任单位 line after a 牵头单位 line names the units that share the
work beside the lead (SCHEMA: 责任单位 after a named lead unit are co-units).

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import label_role

HEAD = "某县人民政府关于印发2031年重点工作责任分工的通知\n\n各乡镇人民政府，县政府各部门：\n\n一、稳住经济大盘\n\n"


@pytest.mark.parametrize(
    "label",
    [
        "协作配合单位",
        "其他参与单位",
        "协同支持单位",
        "相关配合单位",
        "参加单位",
        "支持部门",
        "其他协作配合单位",
    ],
)
def test_a_less_common_label_of_helping_units_ends_the_lead_list_on_its_line(label: str) -> None:
    text = (
        HEAD
        + f"1.扩大有效投资，新开工项目30个。\n牵头单位：县发展改革局\n{label}：各乡镇人民政府、县财政局\n"
    )
    (task,) = extract_text(text, name="notice.txt").tasks
    assert task.lead_units == ("县发展改革局",)
    assert task.co_units == ("各乡镇人民政府", "县财政局")


@pytest.mark.parametrize("label", ["协作配合单位", "协同支持单位", "参加单位"])
def test_the_same_labels_inside_brackets(label: str) -> None:
    text = HEAD + f"1.扩大有效投资，新开工项目30个。（主责单位：县发展改革局；{label}：县财政局、县统计局）\n"
    (task,) = extract_text(text, name="notice.txt").tasks
    assert task.lead_units == ("县发展改革局",)
    assert task.co_units == ("县财政局", "县统计局")


def test_a_duty_label_after_a_lead_label_on_lines_of_their_own_names_co_units() -> None:
    text = HEAD + (
        "1.推进老旧小区改造，完成改造小区12个。\n"
        "牵头单位：县住建局。\n"
        "责任单位：县住建局、县自然资源局、各街道办事处等。\n\n"
        "2.加强安全生产监管。\n"
        "责任单位：县应急管理局、县公安局。\n"
    )
    first, second = extract_text(text, name="notice.txt").tasks
    assert first.lead_units == ("县住建局",)
    assert first.co_units == ("县自然资源局", "各街道办事处")
    # 责任单位 with no lead named: they lead (SCHEMA)
    assert second.lead_units == ("县应急管理局", "县公安局")
    assert second.co_units == ()


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("牵头单位", "lead"),
        ("主要责任单位", "lead"),
        ("主责部门", "lead"),
        ("责任单位", "duty"),
        ("协同责任单位", "co"),
        ("其他责任单位", "co"),
        ("协作配合单位", "co"),
        ("参加单位", "co"),
        ("相关部门", ""),
    ],
)
def test_what_each_label_makes_of_its_units(label: str, role: str) -> None:
    assert label_role(label) == role


@pytest.mark.parametrize("label", ["督导单位", "帮扶单位", "保障部门"])
def test_a_label_of_a_role_no_grammar_knows_still_ends_the_list_before_it(label: str) -> None:
    text = (
        HEAD
        + f"1.扩大有效投资，新开工项目30个。\n牵头单位：县发展改革局\n{label}：各乡镇人民政府、县财政局\n"
    )
    (task,) = extract_text(text, name="notice.txt").tasks
    assert task.lead_units == ("县发展改革局",)
    assert not any(":" in u or "：" in u for u in (*task.lead_units, *task.co_units))


def test_the_addressees_line_of_a_notice_is_no_label() -> None:
    text = (
        HEAD
        + "1.扩大有效投资，新开工项目30个。（牵头单位：县发展改革局）\n县直各部门：要按照分工抓好落实。\n"
    )
    tasks = extract_text(text, name="notice.txt").tasks
    assert tasks[0].lead_units == ("县发展改革局",)
