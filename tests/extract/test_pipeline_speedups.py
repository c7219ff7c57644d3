"""What the extractor's shortcuts for speed must keep: the same answers, and no state left over."""

from __future__ import annotations

import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import metrics, normalise, units
from taizhang.extract.bench import generate_document
from taizhang.extract.layout import _cell_per_line_grids, _lines
from taizhang.extract.pipeline import clear_caches, extract_text

# Characters that fold_width changes, and some it keeps, to build texts from.
_WIDE = "０１９ＡＺａｚ，；：（）％\u3000－．〜～"
_KEPT = "区局年月日一二、。 \t\nab12%"


class TestFoldWidth:
    @settings(max_examples=40, derandomize=True)
    @given(st.text(alphabet=_WIDE + _KEPT, min_size=0, max_size=60), st.integers(0, 200))
    def test_a_long_text_folds_as_the_table_says(self, piece: str, repeat: int) -> None:
        # Texts of 4,096 characters and more take the replace path; both must agree.
        text = piece * repeat + "，" * 4100 if repeat % 2 else piece * repeat
        assert normalise.fold_width(text) == text.translate(normalise._WIDTH)


class TestEndsWithAny:
    @settings(max_examples=200, derandomize=True)
    @given(
        st.text(alphabet="不低于约达到以上 \t亿元增长", max_size=24),
        st.integers(0, 24),
        st.integers(0, 24),
    )
    def test_it_finds_the_longest_word_before_an_offset_as_a_backward_pattern_would(
        self, work: str, pos: int, floor: int
    ) -> None:
        words = metrics._cmp_words()[0].words
        pos = min(pos, len(work))
        lo = max(floor, pos - 16)
        backwards = re.compile(
            r"[ \t]*(?P<w>" + "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True)) + ")"
        )
        n = len(work)
        m = backwards.match(work[::-1], n - pos, n - lo) if pos > lo else None
        expected = m["w"][::-1] if m else ""
        assert metrics._ends_with_any(work, pos, words, floor) == expected


class TestShortWorkingText:
    @settings(max_examples=200, derandomize=True)
    @given(st.text(alphabet=_WIDE + _KEPT + "區發展與改革財務乾燥什麼", max_size=32))
    def test_a_short_text_gets_what_the_long_path_gives(self, text: str) -> None:
        # Short texts take one shortcut through conversion and folding; the answer is the same.
        normalise.clear_caches()
        assert normalise.working_text(text) == normalise.fold_width(normalise.to_simplified(text))

    def test_traditional_script_and_wide_forms_are_both_converted(self) -> None:
        normalise.clear_caches()
        assert normalise.working_text("區發展和改革局（１２％）") == "区发展和改革局(12%)"


class TestLines:
    @settings(max_examples=200, derandomize=True)
    @given(st.text(alphabet="\n\ta 区", max_size=30), st.data())
    def test_lines_are_the_spans_between_line_breaks(self, work: str, data: st.DataObject) -> None:
        start = data.draw(st.integers(0, len(work)))
        end = data.draw(st.integers(start, len(work)))
        expected = []
        pos = start
        while pos < end:
            nl = work.find("\n", pos, end)
            stop = end if nl < 0 else nl
            expected.append((pos, stop))
            pos = stop + 1
        assert _lines(work, start, end) == expected

    def test_a_flattened_table_is_found_behind_its_tabs(self) -> None:
        work = "前言\n\t序号\n\t重点任务\n\n\t1\n\t推进审批改革\n\n正文"
        grids = _cell_per_line_grids(work, 0, len(work), 0)
        assert len(grids) == 1
        assert [[work[c.start : c.end] for c in row] for row in grids[0].rows] == [
            ["序号", "重点任务"],
            ["1", "推进审批改革"],
        ]


class TestCaches:
    def test_clear_caches_forgets_the_memos_of_units_and_metrics(self) -> None:
        extract_text(generate_document(20_000), name="generated.txt")
        assert metrics._trim.cache_info().currsize > 0
        assert units._group_roles.cache_info().currsize > 0
        clear_caches()
        assert metrics._trim.cache_info().currsize == 0
        assert metrics._comparator_before.cache_info().currsize == 0
        assert units._group_roles.cache_info().currsize == 0
        assert units._parse_roles.cache_info().currsize == 0

    def test_a_cold_and_a_warm_run_give_the_same_extraction(self) -> None:
        text = generate_document(30_000, seed=7)
        clear_caches()
        cold = extract_text(text, name="generated.txt").to_dict()
        warm = extract_text(text, name="generated.txt").to_dict()
        assert cold == warm
        assert cold["tasks"]


class TestGarbageCollector:
    def test_extraction_leaves_the_collector_as_it_found_it(self) -> None:
        assert gc.isenabled()
        extract_text("一、总体要求\n（一）推进审批改革。（牵头单位：区政务服务数据管理局）")
        assert gc.isenabled()
        gc.disable()
        try:
            extract_text("一、总体要求\n（一）推进审批改革。（牵头单位：区政务服务数据管理局）")
            assert not gc.isenabled()
        finally:
            gc.enable()
