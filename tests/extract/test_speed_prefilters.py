"""Prefilters added for speed give the answer of the plain walk they shortcut: each fast path is
compared with the plain one on generated text (pieces of plan and regulation sentences)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import layout, pipeline, units
from taizhang.extract.normalise import working_text

_PIECES = (
    "区教育局",
    "各街道",
    "市场监管部门",
    "本市",
    "全区各街道",
    "由",
    "在",
    "同时",
    "2025年",
    "加强",
    "形成合力",
    "应当",
    "负责",
    "要",
    "按月督查",
    "做好",
    "工作",
    "的",
    "，",
    "。",
    "；",
    " ",
    "\u3000",
    "\n",
)
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)
_OPENERS = frozenset("区各本全由在同0123456789")
_LATER_CLAUSE = re.compile(r"[,。;]\s*")


def _plain_later_subject(work: str, s: int, e: int, read):  # type: ignore[no-untyped-def]
    """``units.later_subject`` as first written: the duty searched first, every clause walked."""
    duty = units.DUTY_VERB.search(work, s, e)
    for m in _LATER_CLAUSE.finditer(work, s, e):
        if m.end() >= e:
            break
        if duty is not None and duty.end() <= m.start():
            return None
        found = read(m.start(), m.end())
        if found is not None:
            return m.end(), found
    return None


def _toy_read(work: str):  # type: ignore[no-untyped-def]
    """A reading that answers only at a clause opening with one of ``_OPENERS``."""

    def read(_: int, at: int) -> str | None:
        if work[at] not in _OPENERS:
            return None
        return work[at : at + 4] if work[at] in "区各本" else None

    return read


class TestLaterSubjectOpeners:
    @settings(max_examples=400, derandomize=True, deadline=None)
    @given(_TEXTS)
    def test_walking_only_clauses_that_open_with_an_opener_reads_the_same(self, text: str) -> None:
        work = working_text(text)
        read = _toy_read(work)
        plain = _plain_later_subject(work, 0, len(work), read)
        assert units.later_subject(work, 0, len(work), read) == plain
        assert units.later_subject(work, 0, len(work), read, _OPENERS) == plain

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(_TEXTS)
    def test_the_plan_reading_of_later_units_is_unchanged(self, text: str) -> None:
        work = working_text(text)
        openers = pipeline._later_subject_openers()

        def read(_: int, at: int) -> tuple[tuple[str, ...], str] | None:
            if work[at] not in openers:
                return None
            found, verb = units.subject_and_verb(text, work, at, len(work))
            return (found, verb) if found else None

        plain = _plain_later_subject(work, 0, len(work), read)
        assert units.later_subject(work, 0, len(work), read) == plain
        assert units.later_subject(work, 0, len(work), read, openers) == plain

    def test_a_duty_before_a_skipped_clause_still_ends_the_walk(self) -> None:
        text = "经营者应当登记，加强巡查，区城管局按月督查。"
        work = working_text(text)
        read = _toy_read(work)
        assert units.later_subject(work, 0, len(work), read) is None
        assert units.later_subject(work, 0, len(work), read, _OPENERS) is None

    def test_the_first_clause_opening_with_an_opener_is_read(self) -> None:
        text = "建立台账，形成合力，区城管局按月督查。"
        work = working_text(text)
        found = units.later_subject(work, 0, len(work), _toy_read(work), _OPENERS)
        assert found is not None and found[1] == "区城管局"


_HEADING_PIECES = (
    "责任单位",
    "配合部门",
    "单位",
    "部门",
    "完成时间",
    "完成时限",
    "完成期限",
    "时间节点",
    "完成",
    "时间",
    "负责",
    "县公安局",
    "6月底前",
    "：",
    "，",
    " ",
    "  ",
    "\n",
    "\t",
)


class TestRunOnDeadlineHeading:
    @settings(max_examples=500, derandomize=True, deadline=None)
    @given(
        st.lists(st.sampled_from(_HEADING_PIECES), max_size=16).map("".join),
        st.integers(0, 6),
        st.integers(0, 6),
    )
    def test_finding_the_headings_first_answers_as_the_pattern_s_search(
        self, work: str, a: int, b: int
    ) -> None:
        start, end = min(a, len(work)), max(min(a, len(work)), len(work) - b)
        plain = layout._RUN_ON_DEADLINE_HEADING.search(work, start, end) is not None
        assert layout.has_run_on_deadline_heading(work, start, end) == plain

    def test_a_heading_row_run_on_is_found_and_a_label_is_not(self) -> None:
        assert layout.has_run_on_deadline_heading("责任单位 配合单位 完成时间 负责", 0, 17)
        assert not layout.has_run_on_deadline_heading("责任单位：县环保局，完成时间：6月", 0, 18)

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(
        st.sampled_from(_HEADING_PIECES),
        st.sampled_from(("单位", "部门")),
        st.sampled_from(("完成时间", "完成时限", "完成期限", "时间节点")),
        st.sampled_from(_HEADING_PIECES),
    )
    def test_a_heading_at_the_very_start_or_end_of_the_stretch(
        self, before: str, unit: str, deadline: str, after: str
    ) -> None:
        work = f"{before}{unit} {deadline} 负责{after}"
        for start, end in ((len(before), len(work)), (len(before), len(before) + 10), (0, len(before) + 9)):
            plain = layout._RUN_ON_DEADLINE_HEADING.search(work, start, end) is not None
            assert layout.has_run_on_deadline_heading(work, start, end) == plain
