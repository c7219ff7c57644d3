"""Clauses whose units only help: a sentence of their own after a measure ("…。Y要积极配合。") makes
them co-units of the measure before it, no task of their own; and the 由 that names a clause's units
is the one of units.AGENT_BY ("…的管理由X负责" names X).

The texts are written for these tests, in the form of district implementation plans and county
notices (杨浦's internal-roads plan, 西乡's division notice in the tune corpus), not copied from one.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.normalise import working_text
from taizhang.extract.outline import _subject_clauses

PLAN = """关于做好老旧小区加装电梯工作的实施方案
一、工作任务
(一)优化审批流程。区建设管理委要简化审批手续,编制办理指南,推动项目尽快落地。区规划资源局要积极配合。
(二)加强资金保障。区财政局要统筹安排补贴资金,按时足额拨付。各街道要履职尽责、密切配合,共同推动工作落实。
(三)做好宣传引导。区融媒体中心要开展宣传报道。
"""


def test_a_helpers_own_sentence_is_co_unit_of_the_measure_before() -> None:
    got = {t.text: (t.lead_units, t.co_units) for t in extract_text(PLAN).tasks}
    first = next(t for t in got if t.startswith("区建设管理委要"))
    assert first.endswith("区规划资源局要积极配合。")
    assert got[first] == (("区建设管理委",), ("区规划资源局",))
    second = next(t for t in got if t.startswith("区财政局要"))
    assert second.endswith("共同推动工作落实。")
    assert got[second] == (("区财政局",), ("各街道",))
    assert not any(t.startswith(("区规划资源局", "各街道")) for t in got)


def test_the_management_of_a_thing_by_a_unit_names_the_unit() -> None:
    # the clause's units follow the 由 of units.AGENT_BY: 管理由 is one, 自由 is none
    for sentence, lead in [
        ("区财政局要保障养护经费,公园绿地的日常管理由区绿化市容局负责。", ("区绿化市容局",)),
        ("建立自由贸易试验区联席会议,区商务委负责日常工作。", ("区商务委",)),
    ]:
        work = working_text(sentence)
        leads = [roles.lead for _, _, roles in _subject_clauses(sentence, work, 0, len(work))]
        assert leads[-1] == lead
