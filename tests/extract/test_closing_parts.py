"""The closing parts of measures, opinions and notices (加强组织实施, 保障措施, 工作要求): paragraphs of
several sentences, each handing work to its own subject. A sentence that opens with a unit or a
collective of units and its 要 is a task of theirs, a 也要 sentence too (``各相关单位也要…``); a
sentence with no unit of its own (``要加强督促检查``, ``需国务院批准的事项要…``, ``改革措施要…``) stays
with the task before it.

The texts are written for these tests: they follow the closing parts of the State Council's and its
general office's notices and measures (国办发〔2018〕126号 ``三、认真抓好组织实施``, 国办发〔2018〕117号's
closing paragraphs, both in the tune corpus), not any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

MEASURES = """国务院关于支持某某地区深化改革的若干措施
一、支持措施
（一）加大财政支持。中央财政安排资金予以支持。
二、加强组织实施
各有关部门要按职责制定配套细则，加强跟踪指导。各有关省（市）人民政府要把落实支持措施列入年度重点工作，加强监督评估，确保各项措施落地生效。国务院某某工作部际联席会议办公室要加强督促检查，重大事项及时向国务院请示报告。改革措施要及时总结评估。各相关单位也要加强政策宣传解读。
"""


def _tasks(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(t.text, tuple(t.lead_units)) for t in extract_text(text).tasks]


def test_each_subject_of_a_closing_paragraph_leads_its_own_task() -> None:
    tasks = _tasks(MEASURES)
    assert [lead for _, lead in tasks[1:]] == [
        ("各有关部门",),
        ("各有关省（市）人民政府",),
        ("国务院某某工作部际联席会议办公室",),
        ("各相关单位",),
    ]


def test_a_sentence_with_no_unit_of_its_own_stays_with_the_task_before() -> None:
    text, lead = _tasks(MEASURES)[3]
    assert lead == ("国务院某某工作部际联席会议办公室",)
    assert text.endswith("改革措施要及时总结评估。")


def test_a_ye_yao_sentence_is_a_task_of_its_units() -> None:
    text = "四、工作要求\n各区要加强组织领导，细化工作方案。各有关部门也要结合职能抓好落实。市发展改革委还要会同有关部门加强督促检查。\n"
    assert _tasks(text) == [
        ("各区要加强组织领导，细化工作方案。", ("各区",)),
        ("各有关部门也要结合职能抓好落实。", ("各有关部门",)),
        ("市发展改革委还要会同有关部门加强督促检查。", ("市发展改革委",)),
    ]


def test_an_also_with_no_unit_before_it_opens_no_task() -> None:
    text = "三、保障措施\n各地区要加强统筹协调。同时也要注重总结经验。我们也要持续推进。\n"
    assert _tasks(text) == [("各地区要加强统筹协调。同时也要注重总结经验。我们也要持续推进。", ("各地区",))]
