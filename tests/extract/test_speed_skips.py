"""Shortcuts for speed skip a rule only where the rule could find nothing: each is checked here
against the reading it replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import metrics, units
from taizhang.extract.lexicon import abbreviations, unit_words
from taizhang.extract.normalise import working_text


def _ends_with_suffix_by_every_length(name: str) -> str:
    """The reading before the index by last character: every suffix length tried, longest first."""
    suffixes = frozenset(unit_words().suffixes)
    for n in sorted({len(w) for w in suffixes}, reverse=True):
        if name[-n:] in suffixes:
            return name[-n:]
    return ""


class TestEndsWithSuffix:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.text(alphabet="区市发展改革委员会局办公室中心街道镇人民政府管理处科所站队部厅 ab1", max_size=14)
    )
    def test_only_the_lengths_of_suffixes_ending_with_its_last_character_are_tried(self, name: str) -> None:
        assert units._ends_with_suffix(name) == _ends_with_suffix_by_every_length(name)

    def test_every_suffix_is_found_whole_and_at_the_end_of_a_name(self) -> None:
        for suffix in unit_words().suffixes:
            assert units._ends_with_suffix(suffix) == _ends_with_suffix_by_every_length(suffix)
            assert units._ends_with_suffix("某某" + suffix) == _ends_with_suffix_by_every_length(
                "某某" + suffix
            )


class TestDivisionLast:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet="市交通委科技信息处港务监管股局厅部办室区县省ab", max_size=16))
    def test_a_name_ending_otherwise_is_no_division(self, w: str) -> None:
        if w[-1:] not in units._DIVISION_LAST:
            assert units._DIVISION_OF_BODY.fullmatch(w) is None
            assert units._BARE_DIVISION.fullmatch(w) is None

    def test_divisions_of_one_body_still_take_its_name(self) -> None:
        assert units.parse_units("市交通委科技信息处、港务监管处") == [
            "市交通委科技信息处",
            "市交通委港务监管处",
        ]


def _level_prefix_by_every_prefix(name: str) -> str:
    """The reading before the index by first character: every level prefix tried in order."""
    words = unit_words()
    if name.startswith(words.not_places) and not name.startswith(units._LEVEL_BODIES):
        return ""
    for prefix in words.level_prefixes:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return prefix
    return ""


class TestLevelPrefix:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet="自治区委县市省乡镇州旗场政府发改局a", max_size=8))
    def test_only_the_prefixes_that_open_as_the_name_does_are_tried(self, name: str) -> None:
        units.clear_caches()
        assert units._level_prefix(name) == _level_prefix_by_every_prefix(name)


class TestTrimKeepingGrowth:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet="全年地区生产总值增长提高到下降至约达到以上2025年 \t、,", max_size=24))
    def test_words_with_no_growth_word_first_character_trim_alike(self, words: str) -> None:
        firsts = metrics.metric_words().compiled["growth_words"].firsts
        if firsts.isdisjoint(words):
            assert metrics._trim_left(words, 0, len(words), keep_growth=True) == metrics._trim_left(
                words, 0, len(words)
            )


class TestUnitKeyShortForms:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.text(
            alphabet="区发展和改革委员会人力资源社会保障局市场监管督管理国资政研室住房城乡建设 ", max_size=16
        )
    )
    def test_the_pattern_finds_a_short_form_where_one_of_them_is_in_the_name(self, name: str) -> None:
        # (where none is, each form's own test fails and the abbreviations change nothing)
        w = units._SPACE.sub("", working_text(name))
        found = units._short_forms().search(w) is not None
        assert found == any(short in w for short, _ in abbreviations())

    def test_names_are_still_keyed_whole(self) -> None:
        assert (
            units.unit_key("区发改局") == units.unit_key("区发展和改革局") == units.unit_key("區發展改革局")
        )


class TestPlaceMarkers:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet="上海北京街道法院检察院城市更新局黄埔临港经济区管委会", max_size=14))
    def test_the_pattern_finds_a_marker_where_a_substring_test_does(self, name: str) -> None:
        markers = unit_words().place_markers
        assert (units._place_markers().search(name) is not None) == any(m in name for m in markers)
