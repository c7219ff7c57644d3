"""Notices that issue the division of a work report's tasks: the duties their own paragraph hands
each office ("X负责…;Y负责…"), the list of their annexes, a division table cut after its first
row, and the target column beside a task's name.

The texts are written for these tests: they follow the conventions of such notices (district and
county governments' notices issuing a 目标任务分解表, the division tables of their annexes), not
any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

FOLLOW_UP_NOTICE = """某区人民政府办公室关于印发2026年目标任务分解表的通知

区政府各部门、各街道办事处:

为确保完成年度各项目标任务,经区政府研究,现将目标任务分解表印发给你们。区委办公室负责将目标任务的完成情况纳入年度考评;区政府督查室负责对各项任务进度进行督查通报;区统计局具体负责对经济类数据进行审核。各部门要严格按照进度计划抓好落实。

附件:1. 2026年目标任务分解表

2. 2026年民生实事项目分解表


某区人民政府办公室

2026年2月10日
"""

ONE_ROW_TABLE = """某县人民政府办公室关于印发2026年目标任务分解表的通知

各乡镇人民政府,县政府各部门:

现将2026年目标任务分解表印发给你们,请认真抓好落实。

附件1

2026年目标任务分解表

序号

任 务 名 称

指 标 要 求

牵 头 部 门

配 合 部 门

1

一般公共预算收入

增长6%

县财政局

县税务局、各乡镇人民政府
"""


@pytest.fixture(scope="module")
def follow_up():
    return extract_text(FOLLOW_UP_NOTICE).tasks


def test_each_office_named_before_its_duty_leads_that_clause(follow_up) -> None:
    by_lead = {t.lead_units: t.text for t in follow_up}
    assert by_lead[("区委办公室",)].startswith("区委办公室负责将目标任务")
    assert by_lead[("区政府督查室",)].startswith("区政府督查室负责对各项任务")
    assert "区统计局具体负责" in by_lead[("区统计局",)]
    assert ("各部门",) in by_lead


def test_the_annexes_listed_after_the_text_lay_no_task(follow_up) -> None:
    texts = "".join(t.text for t in follow_up)
    assert "民生实事项目分解表" not in texts and "2026年2月10日" not in texts
    assert len(follow_up) == 4


def test_the_head_of_a_unit_is_no_unit_handed_a_duty() -> None:
    notice = "各镇人民政府:\n\n各镇主要负责同志要亲自部署。各镇负责人要按时报送。\n"
    assert all(t.lead_units != ("各镇主要",) for t in extract_text(notice).tasks)


def test_a_division_table_cut_after_its_first_row_is_read_with_the_notice() -> None:
    result = extract_text(ONE_ROW_TABLE)
    (row,) = [t for t in result.tasks if t.ref == "1"]
    assert row.text == "一般公共预算收入"
    assert row.lead_units == ("县财政局",)
    assert row.co_units == ("县税务局", "各乡镇人民政府")


def test_the_target_beside_the_task_s_name_is_read_as_a_metric() -> None:
    result = extract_text(ONE_ROW_TABLE)
    assert [(m.value, m.unit, m.year) for m in result.metrics] == [(6, "%", 2026)]


def test_a_lone_row_under_a_heading_of_no_unit_column_is_no_table() -> None:
    text = (
        "某县2026年工作安排\n\n序号\n\n工作内容\n\n完成时限\n\n备注\n\n1\n\n编制年度计划\n\n3月底前\n\n无\n"
    )
    assert all(t.ref != "1" or t.text != "编制年度计划" for t in extract_text(text).tasks)


RUN_IN_NOTICE = """|

|||||||

关于印发2026年重点任务分解方案的通知 某政发〔2026〕1号 |

各县区人民政府,市各委办局,市各直属单位: 现将2026年重点任务分解方案印发给你们,有关要求如下: 一要凝聚共识抓落实。迅速把思想统一到会议精神上来。二要压实责任抓落实。各县区各部门要按照分解方案,建立任务和责任清单。
"""


def test_a_notice_run_into_one_line_after_a_crawl_s_furniture_still_hands_its_duties() -> None:
    tasks = extract_text(RUN_IN_NOTICE).tasks
    (duty,) = [t for t in tasks if t.text.startswith("各县区各部门要按照分解方案")]
    assert duty.lead_units
    assert all("印发给你们" not in t.text for t in tasks)


def test_a_paragraph_that_opens_with_a_sentence_before_its_colon_is_no_salutation() -> None:
    text = "某县2026年工作情况\n\n今年以来各部门要求严格,成效明显: 各部门要继续抓好落实。\n"
    assert extract_text(text).tasks == () or all(
        not t.text.startswith("各部门要继续") for t in extract_text(text).tasks
    )


@pytest.mark.parametrize(
    ("clause", "lead", "co"),
    [
        ("各牵头和责任单位要加强协同,形成合力。", ("各牵头单位",), ("各责任单位",)),
        ("各牽頭和責任單位要加強協同,形成合力。", ("各牽頭單位",), ("各責任單位",)),
        ("各牵头单位和汇总单位要及时报告进展情况。", ("各牵头单位", "各汇总单位"), ()),
    ],
)
def test_the_units_that_answer_beside_the_lead_units_are_co_units(clause, lead, co) -> None:
    notice = "各乡镇人民政府,县政府各部门:\n\n现将分解表印发给你们。" + clause + "\n"
    (task,) = extract_text(notice).tasks
    assert (task.lead_units, task.co_units) == (lead, co)


def test_the_heads_of_the_units_after_the_units_own_duty_are_a_task_of_their_own() -> None:
    notice = (
        "各乡镇人民政府,县政府各部门:\n\n一、提高政治站位,加强组织领导\n\n"
        "各乡镇、各部门要高度重视,切实增强责任感。各乡镇、各部门主要负责人作为“第一责任人”,"
        "要负总责、亲自抓,确保各项工作如期完成。\n"
    )
    tasks = extract_text(notice).tasks
    assert [(t.text[:8], t.lead_units) for t in tasks] == [
        ("各乡镇、各部门要", ("各乡镇", "各部门")),
        ("各乡镇、各部门主", ()),
    ]


def test_the_heads_sentence_after_a_clause_of_no_unit_goes_on_with_it() -> None:
    text = (
        "一、工作安排\n\n(二)压实工作责任。成立专项整治工作专班,由分管局长负责。"
        "各服务机构负责人要按照要求,扎实组织开展排查整改工作。\n"
    )
    tasks = extract_text(text).tasks
    assert len(tasks) == 1 and "各服务机构负责人要" in tasks[0].text


READING = """《2026年重点工作任务分工方案》政策解读

二、主要内容和要求

(一)主要内容。《分工方案》将《政府工作报告》分解为三个方面40项重点工作任务。

三个方面分别是:

1.在“聚焦产业升级”方面(分解任务15项)。

2.在“聚焦民生改善”方面(分解任务25项)。

(二)工作要求。

1.强化责任落实。各责任单位要切实加强组织领导。
"""


def test_the_parts_a_division_plan_is_made_of_are_no_tasks_and_their_counts_no_metrics() -> None:
    result = extract_text(READING)
    assert all("方面(分解任务" not in t.text for t in result.tasks)
    assert [t.lead_units for t in result.tasks if t.lead_units] == [("各责任单位",)]
    assert [m.value for m in result.metrics] == []


def test_a_list_of_the_work_to_do_in_five_parts_is_still_read() -> None:
    text = "今年重点抓好以下三个方面:\n\n1.各乡镇要加快项目建设。\n\n2.县发改局要做好要素保障。\n"
    assert len(extract_text(text).tasks) == 2
