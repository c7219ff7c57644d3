"""The subject that owns a duty when a later clause names it (``units.later_subject``): one walk
over a sentence's later clauses for both genres, each reading a subject its own way: a regulation's
article (a body of the state and its 应当, after a topic, another's act or a condition) and a plan's
task (a unit of a level or a collective, after a clause of work or why).

The texts are written for these tests, in the manner of cities' 条例 and districts' work plans.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import extract_text, units
from taizhang.extract.normalise import working_text
from taizhang.extract.pipeline import _later_units
from taizhang.extract.units import DUTY_VERB, later_subject


def _district(work: str, at: int) -> str | None:
    """A toy reading: a clause that opens with 区 names its first four characters."""
    return work[at : at + 4] if work.startswith("区", at) else None


def _later(text: str) -> tuple[int, str] | None:
    work = working_text(text)
    return later_subject(work, 0, len(work), lambda _, at: _district(work, at))


class LaterSubjectTestCase:
    @pytest.mark.parametrize(
        ("text", "subject"),
        [
            ("经登记的大树，区绿化局应当向社会公布。", "区绿化局"),  # after a comma
            ("定期通报工作情况。区路长办加强协调。", "区路长办"),  # after a full stop
            ("建立台账；区城管局按月督查。", "区城管局"),  # after a semicolon
            ("建立台账，形成合力，区城管局按月督查。", "区城管局"),  # the first clause that names one
        ],
    )
    def test_it_finds_the_first_later_clause_read_as_a_subject(self, text: str, subject: str) -> None:
        found = _later(text)
        assert found is not None and found[1] == subject
        assert working_text(text)[found[0] :].startswith(subject)

    def test_none_when_no_later_clause_names_one(self) -> None:
        assert _later("加强日常巡查，及时发现问题。") is None
        assert _later("区城管局加强巡查。") is None  # the opening is no later clause

    def test_a_duty_laid_before_is_another_s(self) -> None:
        assert _later("经营者应当告知规定，区公安局依法处理。") is None
        assert _later("经营者须及时报告，区公安局依法处理。") is None
        assert _later("设施由业主负责维护，区房管局加强监督。") is None

    def test_application_and_emergencies_are_no_duty(self) -> None:
        assert DUTY_VERB.search("推广应用新技术") is None
        assert DUTY_VERB.search("加强应急管理") is None
        assert DUTY_VERB.match("依法应当受理") is not None
        assert _later("农户在生产中应用新技术，区农业局给予补贴。") is not None

    def test_the_reader_sees_the_separator(self) -> None:
        work = working_text("建立台账，区城管局按月督查。")
        seen: list[str] = []
        later_subject(work, 0, len(work), lambda sep, at: seen.append(work[sep]))
        assert seen == [","]


REGULATION = """某市农业技术推广条例

第一条　为了促进农业技术推广，根据有关法律、法规，结合本市实际，制定本条例。

第二条　经认定的农业技术推广示范基地，市农业农村主管部门应当向社会公布。

第三条　示范基地日常运行费用由经营者承担，区农业农村主管部门应当给予适当补助。

第四条　农业劳动者在生产中应用先进农业技术，区农业农村主管部门应当在技术培训方面给予支持。

第五条　经营者应当如实记录技术推广情况，对发现的问题应当及时报告，农业农村主管部门应当依法处理。

第六条　农业劳动者可以向技术推广机构咨询，由技术推广机构负责解释。

第七条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def articles():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


class ArticleLaterBodyTestCase:
    def test_after_a_topic_or_another_s_act(self, articles) -> None:
        assert articles["第二条"].lead_units == ("市农业农村主管部门",)
        assert articles["第三条"].lead_units == ("区农业农村主管部门",)

    def test_application_of_a_technique_is_no_duty_before_the_body(self, articles) -> None:
        assert articles["第四条"].lead_units == ("区农业农村主管部门",)

    def test_others_duty_first_and_a_doer_after_you_are_passed_over(self, articles) -> None:
        assert "第五条" not in articles
        assert "第六条" not in articles


def _units(text: str) -> tuple[tuple[str, ...], str]:
    work = working_text(text)
    return _later_units(text, work, 0, len(work))


class PlanLaterUnitsTestCase:
    @pytest.mark.parametrize(
        ("text", "units", "verb"),
        [
            ("建立例会制度，定期通报工作情况。区级河长办公室加强组织协调。", ("区级河长办公室",), "加强"),
            ("相关部门密切协作形成合力，各街道落实主体责任，建立任务台账。", ("各街道",), "落实"),
            ("养护资金下达各街镇，养护计划下达后，各街镇按照管理要求拨付。", ("各街镇",), "按"),
        ],
    )
    def test_a_unit_of_a_level_or_a_collective_in_a_later_clause(
        self, text: str, units: tuple[str, ...], verb: str
    ) -> None:
        assert _units(text) == (units, verb)

    def test_no_kind_of_body_alone_nor_a_description(self) -> None:
        assert _units("加强宣传引导，各有关部门按职责分工负责。") == ((), "")
        assert _units("完善工作机制，区河长办公室是日常工作机构。") == ((), "")

    def test_a_duty_laid_before_is_another_s(self) -> None:
        assert _units("计票人员应当当场计票。各街镇在计票结束后公布结果。") == ((), "")


def _later_subject_searching_each_time(work: str, s: int, e: int, read):  # type: ignore[no-untyped-def]
    """The walk as first written: the words before each clause searched for a duty anew."""
    for m in units._LATER_CLAUSE.finditer(work, s, e):
        if m.end() >= e:
            break
        if DUTY_VERB.search(work, s, m.start()) is not None:
            return None
        found = read(m.start(), m.end())
        if found is not None:
            return m.end(), found
    return None


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.text(alphabet=",。; 区局应当急用须负责加强各a", max_size=40), st.data())
def test_the_duty_found_once_stops_the_walk_where_a_search_before_each_clause_did(
    work: str, data: st.DataObject
) -> None:
    s = data.draw(st.integers(0, len(work)))
    e = data.draw(st.integers(s, len(work)))

    def read(_: int, at: int) -> str | None:
        return _district(work, at)

    assert later_subject(work, s, e, read) == _later_subject_searching_each_time(work, s, e, read)
