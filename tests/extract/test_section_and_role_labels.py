"""Role labels of responsibility notes (invented sentences; see units.py for the real documents).

- A label that names the role before 责任单位 (牵头责任单位, 主要/其他责任单位) is one label: the
  units after a 牵头责任单位 lead, those after the plain 责任单位 beside it are co-units.
- A bureau's own work points hand each item to its sections (责任科室, 责任处室): a section (…科,
  …处) is a unit, and the label reads as 责任单位 (lead units when no lead is named).
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import looks_like_unit, parse_roles


@pytest.mark.parametrize(
    ("note", "lead", "co"),
    [
        ("牵头责任单位:县行政审批局;责任单位:各相关单位", ("县行政审批局",), ("各相关单位",)),
        (
            "牵头责任单位:县市场监管局;责任单位:县行政审批局、各乡镇人民政府",
            ("县市场监管局",),
            ("县行政审批局", "各乡镇人民政府"),
        ),
        ("主要责任单位:区委宣传部;其他责任单位:各街道", ("区委宣传部",), ("各街道",)),
        ("责任科室:人事科、机关党委", ("人事科", "机关党委"), ()),
        ("责任处室:办公室、信息处", ("办公室", "信息处"), ()),
        # unchanged: a plain 责任单位 list with no lead named leads
        ("责任单位:县财政局、县税务局", ("县财政局", "县税务局"), ()),
    ],
)
def test_role_labels(note: str, lead: tuple[str, ...], co: tuple[str, ...]) -> None:
    roles = parse_roles(note)
    assert roles.lead == lead
    assert roles.co == co


def test_a_section_is_a_unit() -> None:
    assert looks_like_unit("人事科")
    assert looks_like_unit("信息科")


def test_articles_with_a_lead_responsibility_label() -> None:
    text = (
        "关于进一步优化营商环境的若干规定\n第一章  总  则\n第一条  为提升行政效能，制定本规定。\n"
        "第二章  推进政务服务\n"
        "第二条  推进材料一次提交。梳理办事材料清单，实行一次告知。(牵头责任单位:县行政审批局;责任单位:各相关单位)\n"
        "第三条  推进证照联办。整合证照办理流程，压缩办理时限。"
        "(牵头责任单位:县市场监管局;责任单位:县行政审批局、各乡镇人民政府)\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("县行政审批局",), ("各相关单位",)),
        (("县市场监管局",), ("县行政审批局", "各乡镇人民政府")),
    ]


def test_work_points_with_section_labels() -> None:
    text = (
        "局机关2025年工作要点\n一、加强队伍建设\n"
        "1.加强业务培训。组织全员业务轮训，完善培训档案。(责任科室:人事科、机关党委)\n"
        "2.规范档案管理。推进档案数字化。（责任处室：办公室、信息处）\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("人事科", "机关党委"), ("办公室", "信息处")]
    assert all(t.co_units == () for t in tasks)


@pytest.mark.parametrize(
    ("note", "first_leads", "lead", "co"),
    [
        # 分别 before the role word: each of the units leads (or helps with) its own part.
        ("责任单位:区人社局、区发改委分别牵头", True, ("区人社局", "区发改委"), ()),
        ("区商务局、区科技局分别牵头,区财政局配合", False, ("区商务局", "区科技局"), ("区财政局",)),
        ("区商务局牵头,区财政局、区税务局分别配合", False, ("区商务局",), ("区财政局", "区税务局")),
    ],
)
def test_each_leads_its_part(
    note: str, first_leads: bool, lead: tuple[str, ...], co: tuple[str, ...]
) -> None:
    roles = parse_roles(note, first_leads=first_leads)
    assert roles.lead == lead
    assert roles.co == co
