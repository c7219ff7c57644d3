"""The shortcuts of ``role_fallback`` skip a clause only where its reading could find nothing: each
is checked here against the reading it guards (the sentences are generated from the words that
reading turns on)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import role_fallback
from taizhang.extract.normalise import working_text

# Pieces of clauses: units, duty verbs and the words that may not follow them, the adverbs before
# them, openings, prepositions, clause punctuation and words of work.
_PIECES = (
    "区教育局",
    "各街道",
    "市场监管部门",
    "各有关单位",
    "区发展改革委",
    "卫生健康部门",
    "各镇",
    "企业",
    "要",
    "要求",
    "应",
    "应当",
    "应急",
    "须",
    "必须",
    "务必",
    "负责",
    "负责人",
    "牵头",
    "牵头单位",
    "会同",
    "配合",
    "协助",
    "均",
    "切实",
    "要切实",
    "由",
    "请",
    "同时",
    "向",
    "对",
    "的",
    "和",
    "、",
    "，",
    "。",
    "；",
    "：",
    "\n",
    " ",
    "做好",
    "开展",
    "落实",
    "审核",
    "组织实施",
    "工作",
    "按期报送数据",
    "两级",
)
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _reading(text: str, headings: tuple[str | None, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    work = working_text(text)
    return role_fallback.fallback_roles(text, work, 0, len(work), headings)


def _every_position(work: str, s: int, e: int) -> list[int]:
    return list(range(s, e + 1))


_BY_BEFORE = re.compile(r"(?<![理经自缘])由(?![于此衷])")  # the pattern as first written


class TestDutyPositions:
    @settings(max_examples=400, derandomize=True, deadline=None)
    @given(_TEXTS, st.integers(0, 40), st.integers(0, 40))
    def test_a_span_where_no_duty_verb_begins_holds_no_match_of_the_duty_pattern(
        self, text: str, a: int, b: int
    ) -> None:
        work = working_text(text)
        if not any(a <= p < b for p in role_fallback._duty_positions(work, 0, len(work))):
            assert role_fallback._DUTY_AFTER.search(work, a, b) is None

    def test_overlapping_verbs_are_each_found(self) -> None:
        work = "区务必须要求会同负责"
        assert role_fallback._duty_positions(work, 0, len(work)) == [1, 2, 3, 4, 6, 8]
        assert role_fallback._duty_positions(work, 2, 9) == [2, 3, 4, 6]  # (负责 cut at the end)

    @settings(max_examples=400, derandomize=True, deadline=None)
    @given(_TEXTS, st.lists(st.one_of(st.none(), _TEXTS), max_size=2).map(tuple))
    def test_roles_are_read_as_when_no_clause_is_skipped(
        self, text: str, headings: tuple[str | None, ...]
    ) -> None:
        skipping = _reading(text, headings)
        with pytest.MonkeyPatch.context() as mp:
            # a verb may begin anywhere: no clause is skipped
            mp.setattr(role_fallback, "_duty_positions", _every_position)
            assert _reading(text, headings) == skipping

    @pytest.mark.parametrize(
        "text",
        [
            "统一填报口径。各市场监管部门必须逐户核对登记信息。",
            "按期完成改造，区教育局会同区财政局做好经费保障。",
            "资金由区财政局负责统筹解决。",
            "做好宣传工作，形成合力。",
            "由\n 区教育局\n负责做好宣传。",
            # an opening word and white space put the subject (and its verb) far after the separator
            "做好宣传工作。同时" + " " * 40 + "区教育局要做好宣传。",
            " " * 45 + "区教育局要做好宣传。",
            # an adverb before the verb opens the match: the names end before it
            "统一填报口径。区教育局依法负责做好监管。",
            "各街道均须按期报送数据。",
        ],
    )
    def test_tasks_written_for_the_test_read_alike(self, text: str) -> None:
        skipping = _reading(text, ())
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(role_fallback, "_duty_positions", _every_position)
            assert _reading(text, ()) == skipping


class TestAgentMarker:
    @settings(max_examples=400, derandomize=True, deadline=None)
    @given(st.text(alphabet="由理经自缘于此衷区局负责 ", max_size=20), st.integers(0, 20), st.integers(0, 20))
    def test_the_literal_first_pattern_finds_what_the_look_behind_first_one_finds(
        self, work: str, a: int, b: int
    ) -> None:
        assert [m.span() for m in role_fallback._BY.finditer(work, a, b)] == [
            m.span() for m in _BY_BEFORE.finditer(work, a, b)
        ]
