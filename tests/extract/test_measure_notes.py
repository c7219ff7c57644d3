"""Responsibility notes of a city's implementing opinions, in the forms 广州's talent plan of 2012
showed the readers missed: a district named by its place among the co-units ("配合单位:市财政局、
越秀区"), a collective of levels with 有关 ("各有关区、县级市"), a bracket that glosses a term
inside a sentence (its parts are no units), and a plan's years counted from a year near its top
("2012年起5年内": one-off targets with no year of their own take the period's end, SCHEMA's N年内).

The text is written for these tests in the form of such plans (numbered items, each closing with
"(牵头单位:X,配合单位:Y)"), not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import names_a_district, parse_roles, parse_units

PLAN = """关于推进技能人才培养工程的实施意见

为加快建设技能型城市，现就推进技能人才培养工程提出以下实施意见。

一、总体目标

1.目标。2020年起3年内，建成一批技能人才培养基地，全市高技能人才总量达到15万名左右。

二、重点项目

2.技能大师工作室项目。新建市级技能大师工作室40个，对技艺传承人给予岗位津贴。（牵头单位：市人力资源社会保障局，配合单位：市财政局、海珠区、番禺区）

3.乡村工匠培育项目。重点培育乡村工匠500名。（牵头单位：市农业农村局，配合单位：市总工会，各有关区、县级市）

4.职业技能竞赛项目。坚持以赛促学，完善“1+N”的竞赛体系（市级综合赛、行业专项赛、岗位练兵会），3年内举办市级职业技能竞赛30场次。（牵头单位：市总工会，配合单位：市人力资源社会保障局，各区、县级市）
"""


@pytest.fixture(scope="module")
def result():
    return extract_text(PLAN, name="skills_plan.txt")


def _task(result, words: str):
    return next(t for t in result.tasks if words in t.text)


def test_a_district_named_by_its_place_in_a_labelled_note_is_a_co_unit(result) -> None:
    t = _task(result, "技能大师工作室40个")
    assert t.lead_units == ("市人力资源社会保障局",)
    assert t.co_units == ("市财政局", "海珠区", "番禺区")


def test_a_collective_of_levels_with_youguan_is_one_name(result) -> None:
    t = _task(result, "乡村工匠500名")
    assert t.co_units == ("市总工会", "各有关区、县级市")
    assert parse_units("各相关区、县") == ["各相关区、县"]


def test_a_bracket_glossing_a_term_inside_a_sentence_is_no_note(result) -> None:
    matching = [t for t in result.tasks if "竞赛体系" in t.text or "30场次" in t.text]
    assert len(matching) == 1
    t = matching[0]
    assert t.lead_units == ("市总工会",)
    assert t.co_units == ("市人力资源社会保障局", "各区、县级市")


def test_a_plans_years_counted_from_a_year_set_its_period(result) -> None:
    assert (result.info.period_start, result.info.period_end) == (2020, 2023)
    (built,) = [m for m in result.metrics if m.value == 40]
    assert built.year == 2023


@pytest.mark.parametrize("name", ["越秀区", "南沙新区", "番禺区", "增城县"])
def test_a_place_with_its_kind_names_a_district(name: str) -> None:
    assert names_a_district(name)


@pytest.mark.parametrize("name", ["老城区", "核心区", "各区", "开发区", "社区", "市财政局"])
def test_a_kind_of_area_or_a_department_names_no_district(name: str) -> None:
    assert not names_a_district(name)


def test_an_unlabelled_list_of_districts_still_reads_its_departments() -> None:
    roles = parse_roles("牵头单位：市住房城乡建设局，配合单位：市规划和自然资源局、白云区")
    assert roles.co == ("市规划和自然资源局", "白云区")


@pytest.mark.parametrize(
    ("note", "lead", "co"),
    [
        ("区发展改革委，各街道、开发园区按职责分工负责", ("区发展改革委",), ("各街道", "开发园区")),
        (
            "省卫生健康委、省财政厅，各市人民政府按职责分工负责",
            ("省卫生健康委", "省财政厅"),
            ("各市人民政府",),
        ),
        ("县教育局，各乡镇分头落实", ("县教育局",), ("各乡镇",)),
    ],
)
def test_a_bare_first_group_before_groups_sharing_the_work_by_duties_leads(
    note: str, lead: tuple[str, ...], co: tuple[str, ...]
) -> None:
    roles = parse_roles(note)
    assert (roles.lead, roles.co) == (lead, co)


def test_where_the_first_listed_unit_leads_only_it_leads_the_bare_first_group() -> None:
    roles = parse_roles("省卫生健康委、省财政厅，各市人民政府按职责分工负责", first_leads=True)
    assert roles.lead == ("省卫生健康委",)
    assert roles.co == ("省财政厅", "各市人民政府")


@pytest.mark.parametrize(
    "note",
    [
        "区发展改革委，各街道",
        "区商务局、区财政局负责",
        "市住建局，各区政府负责",
        "市交通委，各区政府分别负责，市公安局负责",
    ],
)
def test_groups_all_bare_or_plainly_responsible_all_lead(note: str) -> None:
    roles = parse_roles(note)
    assert roles.co == ()
    assert len(roles.lead) >= 2


def test_a_marked_note_with_a_development_park_keeps_it() -> None:
    text = "1.搭建平台。定期举办项目对接会。（区商务局，各镇、开发园区按职责分工负责）\n"
    (task,) = extract_text("某区若干措施\n" + text).tasks
    assert task.lead_units == ("区商务局",)
    assert task.co_units == ("各镇", "开发园区")


BOXED = """某县关于加强农村人居环境整治的工作方案

一、重点任务

1.推进厕所革命。完成农村户厕改造1200户。【牵头单位】县农业农村局【配合单位】县卫生健康局、各乡镇人民政府【完成时限】2025年11月底前

2.治理生活污水。因地制宜建设污水处理设施。【责任单位】县生态环境局
"""


def test_boxed_labels_read_as_labels_with_colons() -> None:
    first, second = extract_text(BOXED, name="rural_plan_2025.txt").tasks
    assert first.lead_units == ("县农业农村局",)
    assert first.co_units == ("县卫生健康局", "各乡镇人民政府")
    assert first.deadline is not None and (first.deadline.year, first.deadline.month) == (2025, 11)
    assert "【" not in first.text
    assert second.lead_units == ("县生态环境局",)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("市委办公室、市政府办公室", ["市委办公室", "市政府办公室"]),
        ("市委督查室、市政府督查室", ["市委督查室", "市政府督查室"]),
        ("市委宣传部、市政协办公室", ["市委宣传部", "市政协办公室"]),
    ],
)
def test_the_governments_and_conferences_of_a_level_keep_their_level(names: str, expected: list[str]) -> None:
    assert parse_units(names) == expected


def test_a_sentence_a_label_closing_a_paragraph_gives_its_units_and_deadline() -> None:
    text = (
        "某县优化营商环境实施方案\n一、重点任务\n（一）优化水电气报装。推行水电气网联合报装。"
        "责任单位：县住建局（牵头）、县供电公司、县水务集团。完成时限：2024年第三季度。\n"
    )
    (task,) = extract_text(text, name="county_plan_2024.txt").tasks
    assert task.text == "推行水电气网联合报装。"
    assert task.lead_units == ("县住建局",)
    assert task.co_units == ("县供电公司", "县水务集团")
    assert task.deadline is not None and (task.deadline.year, task.deadline.month) == (2024, 9)


MARKDOWN = """# 某市关于加快发展数字经济的行动方案

**一、主要任务**

**（一）培育数字产业集群。** 围绕软件和信息服务业，引进一批龙头企业。

- 牵头单位：市发展改革委
- 配合单位：市商务局、市投资促进局
- 完成时限：2025年12月
"""


def test_bulleted_label_lines_of_a_markdown_copy_give_the_items_units() -> None:
    (task,) = extract_text(MARKDOWN, name="digital_plan_2024.md").tasks
    assert task.lead_units == ("市发展改革委",)
    assert task.co_units == ("市商务局", "市投资促进局")
    assert task.deadline is not None and (task.deadline.year, task.deadline.month) == (2025, 12)
    assert task.text.endswith("龙头企业。")
