"""A sentence that sanctions those who fail a duty, after that duty: its subject is a condition
("管理不到位的乡镇", "对工作推进不力的街道") and its work a sanction (问责, 通报, 约谈). It closes the task
before it, whichever body sanctions; it is no task of its own and the condition names no unit.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

TEXT = (
    "某县2031年农村生活垃圾治理工作方案\n\n一、工作任务\n"
    "（一）落实乡镇主体责任。各乡镇要建立健全农村生活垃圾收运处置体系，配齐保洁人员。"
    "管理不到位的乡镇，县人民政府将实行问责。\n"
    "（二）强化街道责任。各街道要落实属地责任，对工作推进不力的街道，区政府要约谈其主要负责人。\n"
    "（三）完善设施建设。县住建局负责建设垃圾中转站3座。\n"
)


def test_a_sanction_sentence_closes_the_task_before_it() -> None:
    tasks = extract_text(TEXT).tasks
    got = [(t.text, t.lead_units) for t in tasks]
    assert got == [
        (
            "各乡镇要建立健全农村生活垃圾收运处置体系，配齐保洁人员。管理不到位的乡镇，县人民政府将实行问责。",
            ("各乡镇",),
        ),
        ("各街道要落实属地责任，对工作推进不力的街道，区政府要约谈其主要负责人。", ("各街道",)),
        ("县住建局负责建设垃圾中转站3座。", ("县住建局",)),
    ]


def test_a_condition_is_no_unit() -> None:
    units = {u for t in extract_text(TEXT).tasks for u in t.lead_units + t.co_units}
    assert not any("的" in u for u in units)


def test_a_duty_to_report_after_a_duty_is_still_a_task() -> None:
    text = (
        "某区2031年河道整治方案\n\n一、工作任务\n"
        "（一）开展河道保洁。各街道要落实河道日常保洁。区水务局要每月开展检查，通报检查结果。\n"
    )
    leads = [t.lead_units for t in extract_text(text).tasks]
    assert ("区水务局",) in leads
