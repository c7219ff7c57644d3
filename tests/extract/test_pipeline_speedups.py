"""What the extractor's shortcuts for speed must keep: the same answers, and no state left over."""

from __future__ import annotations

import dataclasses
import gc
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import metrics, normalise, outline, units
from taizhang.extract.bench import generate_document
from taizhang.extract.layout import Cell, _cell_per_line_grids, _lines
from taizhang.extract.model import DocInfo, Metric, Span, Task, quick_init
from taizhang.extract.outline import HEADING
from taizhang.extract.pipeline import clear_caches, extract_text


def _draw_span(data: st.DataObject, n: int) -> tuple[int, int]:
    """A span [start, end) of a text of ``n`` characters."""
    start = data.draw(st.integers(0, n))
    return start, data.draw(st.integers(start, n))


# Characters that fold_width changes, and some it keeps, to build texts from.
_WIDE = "０１９ＡＺａｚ，；：（）％\u3000－．〜～"
_KEPT = "区局年月日一二、。 \t\nab12%"


class TestFoldWidth:
    @settings(max_examples=40, derandomize=True)
    @given(st.text(alphabet=_WIDE + _KEPT, min_size=0, max_size=60), st.integers(0, 200))
    def test_a_long_text_folds_as_the_table_says(self, piece: str, repeat: int) -> None:
        # Texts of 64 characters and more take the replace path; both must agree.
        text = piece * repeat + "，" * 4100 if repeat % 2 else piece * repeat
        assert normalise.fold_width(text) == text.translate(normalise._WIDTH)


class TestEndsWithAny:
    @settings(max_examples=200, derandomize=True, deadline=None)  # (the first call loads the word lists)
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

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.data())
    def test_only_the_lengths_of_words_ending_with_the_character_before_are_tried(
        self, data: st.DataObject
    ) -> None:
        # The words of a list that end with one character have several lengths (the tail of an
        # indicator: 达到, 提高到, 增长到...); a text built of pieces of the words, spaces and other
        # characters is read as a plain scan of every word, longest first, would read it.
        wl = data.draw(
            st.sampled_from([metrics._indicator_tail(), metrics.metric_words().compiled["not_before"]])
        )
        words = sorted(wl.words, key=len, reverse=True)
        pieces = data.draw(
            st.lists(st.one_of(st.sampled_from(words), st.sampled_from(list("的是 \t至到年前1"))), max_size=8)
        )
        work = "".join(pieces)
        pos = data.draw(st.integers(0, len(work)))
        floor = data.draw(st.integers(0, len(work)))
        lo = max(floor, pos - 16)
        expected = ""
        if pos > lo and work[pos - 1] in wl.lasts:
            end = len(work[lo:pos].rstrip(" \t")) + lo
            expected = next((w for w in words if end - len(w) >= lo and work[end - len(w) : end] == w), "")
        assert metrics._ends_with_any(work, pos, wl, floor) == expected


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
        start, end = _draw_span(data, len(work))
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


def _cell_grids_line_by_line(work: str, start: int, end: int) -> list[tuple[int, int, list[list[Cell]]]]:
    """The flattened tables of work[start:end] read one line at a time, every line looked at."""
    grids: list[tuple[int, int, list[list[Cell]]]] = []
    rows: list[list[Cell]] = []
    row: list[list[int]] = []
    table_start, last_end = -1, start

    def close() -> None:
        nonlocal rows, row, table_start
        if row:
            rows.append([Cell(a, b) for a, b in row])
            row = []
        if len(rows) >= 2 and sum(len(r) > 1 for r in rows) >= 2:
            grids.append((table_start, last_end, rows))
        rows, table_start = [], -1

    for ls, le in _lines(work, start, end):
        line = work[ls:le]
        if line[:1] == "\t":
            table_start = ls if table_start < 0 else table_start
            row.append([ls + 1, le])
            last_end = le
        elif not line.strip():
            if row:
                rows.append([Cell(a, b) for a, b in row])
                row = []
        elif row:
            row[-1][1] = le
            last_end = le
        elif table_start >= 0:
            close()
    close()
    return grids


class TestSimplifiedLineByLine:
    """to_simplified converts only the lines holding a character t2s may change."""

    def test_the_class_is_read_from_opencc_and_holds_characters_changed_only_in_words(self) -> None:
        changing = normalise._changing_chars()
        assert changing is not None
        # 瞭 and 藉 stay as they are alone but change in 瞭解 -> 了解 and 藉口 -> 借口.
        assert normalise._converter().convert("瞭") == "瞭"
        assert changing.match("瞭") and changing.match("藉") and changing.match("區")
        assert not changing.match("解") and not changing.match("口") and not changing.match("区")

    @settings(max_examples=300, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "瞭解",
                    "藉口",
                    "明瞭",
                    "區發展和改革局",
                    "区发展改革局",
                    "覆盖",
                    "反覆",
                    "覆電",
                    "\n",
                    "\n",
                    "。",
                    "\U0002f804",
                ]
            ),
            max_size=30,
        ),
        st.integers(1, 400),
    )
    def test_it_gives_what_converting_the_whole_text_gives(self, pieces: list[str], repeat: int) -> None:
        text = "".join(pieces) * (repeat if len(pieces) < 4 else 1)
        whole = normalise._convert_same_length(text) if text else text
        assert normalise.to_simplified(text) == whole
        assert len(whole) == len(text)

    def test_a_character_changed_only_inside_words_leaves_its_line_alone_without_them(self) -> None:
        pairs = normalise._words_changing()
        # 覆 changes in 反覆 -> 反复, never alone: 覆盖 is left as it is; 區 changes alone.
        assert "反覆" in pairs["覆"] and "覆盖" not in pairs["覆"] and "區" not in pairs
        assert normalise.to_simplified("覆盖\n反覆\n覆盖率") == "覆盖\n反复\n覆盖率"

    def test_a_long_traditional_text_is_converted_whole_after_the_first_lines(self) -> None:
        text = "\n".join(["區發展和改革局瞭解企業訴求"] * 2000 + ["简体一行"] * 10)
        assert normalise.to_simplified(text) == "\n".join(
            ["区发展和改革局了解企业诉求"] * 2000 + ["简体一行"] * 10
        )

    def test_without_the_dictionaries_every_text_is_converted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(normalise, "_changing_chars", lambda: None)
        assert normalise.to_simplified("瞭解區情\n简体") == "了解区情\n简体"

    def test_a_dictionary_in_text_form_gives_the_characters_it_changes(self) -> None:
        assert set(normalise._changed_in("瞭解\t了解\n區\t区\n乾隆\t乾隆\n著\t著 着\n")) == {"瞭", "區"}
        # A word whose value has another length: every character of it may change.
        assert set(normalise._changed_in("ABC\tAB\n")) == {"A", "B", "C"}
        with pytest.raises(ValueError):
            list(normalise._changed_in("瞭解\n"))


class TestCellLineTables:
    @settings(max_examples=600, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(["\t甲\n\t乙丙", "\t丁", "", "正文", " ", "\u3000", "\r", " 续\t"]),
            min_size=6,
            max_size=40,
        ),
        st.data(),
    )
    def test_jumping_from_table_to_table_finds_what_reading_every_line_finds(
        self, lines: list[str], data: st.DataObject
    ) -> None:
        work = "\n".join(lines)
        starts = [0, *(i + 1 for i, ch in enumerate(work) if ch == "\n")]
        start = data.draw(st.sampled_from(starts))  # a paragraph starts a line
        end = data.draw(st.integers(start, len(work)))
        found = [
            (g.start, g.end, [list(r) for r in g.rows]) for g in _cell_per_line_grids(work, start, end, 0)
        ]
        assert found == _cell_grids_line_by_line(work, start, end)


class TestHeadingByFirstCharacter:
    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet=" \t\u3000\n第一二十章条部分篇()①⑳12.、x区", max_size=12))
    def test_the_patterns_tried_by_first_character_match_as_trying_them_all_in_order(self, work: str) -> None:
        expected = next(((lv, m) for lv, rx in HEADING.ORDER if (m := rx.match(work))), None)
        found = HEADING.match(work)
        assert (found and (found[0], found[1].span(), found[1]["n"])) == (
            expected and (expected[0], expected[1].span(), expected[1]["n"])
        )


class TestClauseBounds:
    @settings(max_examples=300, derandomize=True)
    @given(st.text(alphabet="12,。;\n区亿", max_size=30), st.data())
    def test_bounds_skip_only_the_commas_between_thousands(self, work: str, data: st.DataObject) -> None:
        lo, hi = _draw_span(data, len(work))
        pos = data.draw(st.integers(lo, hi))
        stops = [
            i
            for i in range(lo, hi)
            if work[i] in ",;。!?:\n" and not (work[i] == "," and metrics._THOUSANDS.match(work, i))
        ]
        after = [i for i in stops if i >= pos]
        before = [i for i in stops if i < pos]
        expected = (before[-1] + 1 if before else lo, after[0] if after else hi)
        assert metrics._Stops(work).bound(metrics._STOP, pos, lo, hi) == expected


class TestNoteDeadlines:
    @settings(max_examples=150, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(["牵头单位:区商务局", "配合单位:区财政局、各街道", "区科技局牵头", " "]),
            max_size=3,
        ),
        st.sampled_from(["完成时限:2024年底", "时间节点:常态化推进", "完成时间:2025年6月"]),
        st.integers(0, 3),
        st.sampled_from([";", ",", " ;", "", "区发展改革局"]),
    )
    def test_units_are_read_as_when_the_deadline_is_blanked(
        self, groups: list[str], deadline: str, at: int, glue: str
    ) -> None:
        # The note's deadline is cut out when it is a group of its own, blanked otherwise: the
        # units read must be those read from the note with the deadline blanked.
        parts = [*groups]
        parts.insert(min(at, len(parts)), deadline)
        work = glue.join(parts) if glue.strip(" ;,") == "" else ";".join(parts[:-1]) + glue + parts[-1]
        outline.clear_caches()
        units.clear_caches()
        found = outline._note_body(work, work)
        dm = outline._NOTE_DEADLINE.search(work)
        assert dm is not None
        label = outline._UNIT_LABEL.search(work, dm.start("when"), dm.end("when"))
        if label is not None and label.start() > dm.start("when"):
            # The deadline ends where a label of units opens: the note read without it.
            cut = work[: dm.start()] + work[label.start() :]
            roles = units.parse_roles(cut, cut)
        else:
            blanked = work[: dm.start()] + " " * (dm.end() - dm.start()) + work[dm.end() :]
            roles = units.parse_roles(work, blanked)
        if not (roles.lead + roles.co):
            # A note of a deadline and nothing else is a part of the note before it.
            assert found is None or (not found[0] and found[1] is not None and found[1].text)
        else:
            assert found is not None and found[0] == roles
            assert found[1] is not None and found[1].text


class TestLeadYear:
    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet=" \t\n报告指出,是底末年第1季度2023", max_size=30))
    def test_the_possessive_pattern_finds_what_the_lazy_one_finds(self, work: str) -> None:
        # A year can start only at the first digit of its line: nothing before it is retried.
        lazy = re.compile(r"^[ \t]*[^\n\d]{0,8}?(?P<y>(?:19|20)\d{2})[ \t]*年(?:[,是]|底|末|$)", re.M)
        _, _, lead_year, _ = metrics._mode_patterns()
        assert [(m.start("line"), m["y"]) for m in lead_year.finditer(work)] == [
            (m.start(), m["y"]) for m in lazy.finditer(work)
        ]


class TestQuickInit:
    def test_values_keep_their_signature_defaults_equality_and_immutability(self) -> None:
        span = Span(3, 9)
        task = Task("1", None, "推进审批改革", ("区政务服务数据管理局",), (), None, span)
        assert (task.cells, task.section, task.number) == ((), None, None)
        assert task == Task(
            ref="1",
            measure=None,
            text="推进审批改革",
            lead_units=("区政务服务数据管理局",),
            co_units=(),
            deadline=None,
            span=Span(3, 9),
        )
        assert hash(task) == hash(dataclasses.replace(task))
        assert dataclasses.replace(task, text="优化").text == "优化"
        with pytest.raises(dataclasses.FrozenInstanceError):
            task.text = "x"  # type: ignore[misc]
        with pytest.raises(TypeError):
            Span(1)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            Span(1, 2, end=3)  # type: ignore[misc]
        metric = Metric("target", "新增企业", 5.0, "家", ">=", 2025, "新增企业5家以上", span)
        assert metric.raw == "" and metric.to_dict()["value"] == 5

    def test_a_field_with_a_factory_is_refused(self) -> None:
        @dataclasses.dataclass(frozen=True)
        class WithFactory:
            items: list[str] = dataclasses.field(default_factory=list)

        with pytest.raises(TypeError, match="default_factory"):
            quick_init(WithFactory)


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


class TestWordTree:
    """Word lists are matched as a tree of shared beginnings (metrics._alternation): every search,
    prefix and suffix match must be the one the flat list, longest first, gives."""

    @settings(max_examples=150, derandomize=True)
    @given(
        st.lists(st.text(alphabet="万亿元人个百分点.+", min_size=1, max_size=4), min_size=1, max_size=12),
        st.text(alphabet="万亿元人个百分点.+ 年", max_size=40),
    )
    def test_the_tree_matches_as_the_flat_list(self, words: list[str], text: str) -> None:
        tree = metrics._alternation(words)
        flat = metrics._flat_alternation(words)
        for wrap in ("{}", "(?:{})[ \t]*\\Z", "[ \t]*(?P<w>{})", "(?:{})(?!元)"):
            a, b = re.compile(wrap.format(tree)), re.compile(wrap.format(flat))
            for pos in range(len(text) + 1):
                ma, mb = a.match(text, pos), b.match(text, pos)
                assert (ma and ma.span()) == (mb and mb.span())
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]

    def test_a_word_and_a_longer_one_through_it(self) -> None:
        pattern = re.compile(metrics._alternation(["万", "万元", "万人次", "亿"]))
        assert [m.group() for m in pattern.finditer("5万人次10万元3万7亿")] == ["万人次", "万元", "万", "亿"]


class TestFinditerMerged:
    """A scan split into one pattern for each first character (metrics._finditer_merged) must
    find what one scan of the alternation finds, overlaps and ties included."""

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(
        st.lists(st.text(alphabet="给予以奖励补助", min_size=1, max_size=3), min_size=1, max_size=8),
        st.text(alphabet="给予以奖励补助企业,\n", max_size=60),
    )
    def test_words_split_by_first_character_match_as_the_alternation(
        self, words: list[str], text: str
    ) -> None:
        merged = metrics._finditer_merged(metrics._any_re_by_first(tuple(words)), text)
        whole = metrics._any_re(tuple(words)).finditer(text)
        assert [m.span() for m in merged] == [m.span() for m in whole]

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(st.text(alphabet='“”"《》〔〕号2019到至 年,\n区', max_size=60))
    def test_names_and_years_to_reach_split_by_first_character_match_as_one_pattern(self, text: str) -> None:
        for parts, whole in (
            (metrics._NAMED_BY_FIRST, metrics._NAMED),
            (metrics._TO_YEARS, metrics._TO_YEAR),
        ):
            merged = metrics._finditer_merged(parts, text)
            assert [m.span() for m in merged] == [m.span() for m in whole.finditer(text)]

    def test_an_overlap_is_searched_for_again_after_the_match_before_it(self) -> None:
        # 给予 hides the 予以 that starts inside it; the 予以 after it is found.
        parts = metrics._any_re_by_first(("给予", "予以", "奖励"))
        found = metrics._finditer_merged(parts, "给予以奖励,予以奖励")
        assert [m.group() for m in found] == ["给予", "奖励", "予以", "奖励"]

    def test_at_one_place_the_earlier_pattern_wins(self) -> None:
        parts = (re.compile("ab"), re.compile("abc"))
        assert [m.group() for m in metrics._finditer_merged(parts, "abcab")] == ["ab", "ab"]


class TestShortHeadings:
    """metrics._short_headings reads a text of long lines by a pattern of short lines, and one of
    short lines by the heading words: both ways must give the same lines."""

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(
            st.sampled_from(["目标", "回顾", "发展基础", "\n", " ", "\t", ",", "。", "区", "主要", "年"]),
            max_size=30,
        ),
        st.integers(0, 60),
    )
    def test_both_ways_give_the_same_lines(self, pieces: list[str], pad: int) -> None:
        words = metrics._mode_patterns()[3]
        short = "".join(pieces)
        long = short + "\n" + "区" * pad * 10  # the same lines and one long one: the other way
        for text in (short, long):
            by_lines = list(metrics._short_headings(text, words))
            expected = []
            start = 0
            for line in text.split("\n"):
                if (
                    len(line) >= 2
                    and len(line.lstrip(" \t")) <= 20
                    and metrics._NOT_IN_SHORT_HEADING.isdisjoint(line)
                    and words.search(line)
                ):
                    expected.append((start, line))
                start += len(line) + 1
            assert by_lines == expected


class TestClausesSaidAgain:
    """A figure of a clause said before is checked against the metrics found before the filters
    are asked (metrics.find_metrics): the answers must be those of filtering first."""

    INFO = DocInfo(title="某区2025年工作计划", year=2025, kind="plan")

    def find(self, text: str) -> list[Metric]:
        return metrics.find_metrics(
            text, normalise.working_text(text), metrics.line_passages(text), self.INFO
        )

    def test_a_clause_said_again_in_another_year_is_a_metric_of_each(self) -> None:
        text = "一、2023年工作回顾\n全年新增示范企业10家。\n二、2026年工作安排\n全年新增示范企业10家。\n"
        found = self.find(text)
        assert [(m.kind, m.value, m.unit) for m in found] == [("actual", 10.0, "家"), ("target", 10.0, "家")]
        assert found[0].year != found[1].year

    def test_a_clause_said_again_is_one_metric(self) -> None:
        text = "一、主要目标\n全年新增示范企业10家。\n全年新增示范企业10家。\n"
        assert len(self.find(text)) == 1

    def test_a_benefit_said_again_stays_out(self) -> None:
        text = "一、主要目标\n新增示范企业10家。\n对新认定的企业,给予企业30万元奖励。\n对新认定的企业,给予企业30万元奖励。\n"
        assert [m.value for m in self.find(text)] == [10.0]


class TestChangeToFirsts:
    @settings(max_examples=300, derandomize=True)
    @given(
        st.text(alphabet=" \t的水平,，逐步进一稳大幅提高升增加长扩上下降低减少缩短压到至区年", max_size=12)
    )
    def test_what_the_change_pattern_matches_opens_with_a_listed_character(self, text: str) -> None:
        if metrics._CHANGE_TO.match(text) is not None:
            assert text[:1] in metrics._CHANGE_TO_FIRSTS

    def test_each_opening_of_a_change(self) -> None:
        for text in (
            " 提高到",
            "的水平提高到",
            ",提高至",
            "，逐步提升到",
            "进一步增加到",
            "稳步扩大到",
            "大幅下降至",
            "上升到",
            "降低至",
            "减少到",
            "缩短至",
            "压减到",
            "增长到",
        ):
            assert metrics._CHANGE_TO.match(text) is not None, text
            assert text[0] in metrics._CHANGE_TO_FIRSTS, text


def _stage_openings_every_line(work: str) -> list[tuple[int, int]]:
    """metrics._stage_openings as it was: the candidate pattern tried at every line."""
    out: list[tuple[int, int]] = []
    for c in metrics._STAGE_CANDIDATE.finditer(work):
        m = metrics._STAGE_LINE.match(work, c.start())
        if m is None or metrics._STAGE_AFTER.match(work, m.end()) is None:
            continue
        out.append((c.start() + 1, int(m["y"])))
    first = metrics._STAGE_LINE.match("\n" + work[:40])
    if first is not None and metrics._STAGE_AFTER.match(work, first.end() - 1) is not None:
        out.insert(0, (0, int(first["y"])))
    return out


class TestStageOpenings:
    """Only the lines holding a 年 that a stage's date can end with are tried: the same stages."""

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "\n",
                    "1.",
                    "(二)",
                    "2025",
                    "2026 ",
                    "年",
                    "6月",
                    "底前",
                    "至",
                    "12月",
                    ",",
                    "，",
                    "新增",
                    " ",
                    "\t",
                    "3",
                ]
            ),
            max_size=30,
        )
    )
    def test_the_same_stages_as_trying_every_line(self, parts: list[str]) -> None:
        work = "".join(parts)
        assert metrics._stage_openings(work) == _stage_openings_every_line(work)

    def test_a_schedule(self) -> None:
        work = "实施步骤\n1.2025年6月底前,新增10个\n2.2025年7月至2025年12月,总计达20个\n2024年完成30个\n"
        assert metrics._stage_openings(work) == [(5, 2025), (23, 2025)]
        assert metrics._stage_openings(work) == _stage_openings_every_line(work)


class TestConvertLines:
    """The lines to convert are converted in one call: each as it converts alone."""

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(st.lists(st.text(alphabet="瞭解藉口區发展覆盖着著乾隆\U0002f804", max_size=12), max_size=8))
    def test_one_call_gives_each_line_as_alone(self, lines: list[str]) -> None:
        conv = normalise._converter()
        assert normalise._convert_lines(lines) == [normalise._convert_line(conv, line) for line in lines]


class TestDateOnlyLine:
    """docinfo looks for a date alone on its line only on the lines ending with 日."""

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "\n",
                    "2025年",
                    "7月",
                    "15日",
                    "二〇一九年",
                    "三月",
                    "十五日",
                    " ",
                    "\t",
                    "?",
                    "-07-15",
                    "区政府",
                    "工作日",
                ]
            ),
            max_size=20,
        )
    )
    def test_the_same_line_as_searching_every_line(self, parts: list[str]) -> None:
        from taizhang.extract import docinfo

        work = "".join(parts)
        # (A date written 2019-02-18 is not looked for there: only lines that end with 日.)
        ends = [line for line in work.split("\n")[1:] if line.rstrip(" \t").endswith("日")]
        every = [line for line in ends if docinfo._DATE_ALONE.fullmatch(line)]
        found = docinfo._date_only_line(work)
        assert (found and found.group()) == (every[0] if every else None)


class TestYearPattern:
    # The year pattern asks what stands before the year after its first digit (so that the engine
    # skips to the next 1 or 2); it must find what the pattern that asks it first finds.
    _LOOK_FIRST = re.compile(
        r"(?:(?<![\d.])|(?<=\n\d\.)|(?<=\n\d\d\.)|(?<=^\d\.))(?P<y>(?:19|20)\d{2})[ \t]*年"
    )

    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="0123456789.\n \t年12a到底", max_size=16), st.data())
    def test_it_finds_the_years_the_look_first_pattern_finds(self, text: str, data: st.DataObject) -> None:
        lo, hi = _draw_span(data, len(text))
        new = [(m.span(), m["y"]) for m in metrics._YEAR.finditer(text, lo, hi)]
        old = [(m.span(), m["y"]) for m in self._LOOK_FIRST.finditer(text, lo, hi)]
        assert new == old

    def test_an_item_number_before_the_year_and_a_longer_number(self) -> None:
        assert [
            m["y"] for m in metrics._YEAR.finditer("1.2025年6月底前;\n12.2026 年底;12025年;a.2019年")
        ] == [
            "2025",
            "2026",
        ]


class TestPipelineShortcuts:
    @settings(max_examples=200, derandomize=True)
    @given(st.lists(st.text(alphabet="区局尤其是特别各乡镇部门", max_size=10), max_size=4))
    def test_stressed_names_are_found_as_the_pattern_finds_them(self, names: list[str]) -> None:
        from taizhang.extract import pipeline

        got = pipeline._stressed(tuple(names))
        if not any(pipeline._STRESS.search(n) for n in names):
            assert got == tuple(names)
        else:
            assert got == tuple(p for n in names for p in pipeline._STRESS.split(n) if len(p) >= 2)

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "区财政局",
                    "各相关部门",
                    "按职责分工负责",
                    "配合",
                    "积极配合做好",
                    "统筹安排资金",
                    "要",
                    "实施",
                    "协助",
                    "参与",
                    "落实",
                    "各街道",
                    "组织实施",
                    "(区商务局)",
                    ":",
                    "。",
                    ",",
                    ";",
                    "开展巡查",
                ]
            ),
            max_size=12,
        )
    )
    def test_later_helpers_pass_over_only_clauses_the_pattern_cannot_match(self, parts: list[str]) -> None:
        # The helpers a task's later clauses name, read with and without the first look at each
        # clause for a role word: the same.
        from taizhang.extract import pipeline

        text = "由区民政局牵头," + "".join(parts) + "。"
        work = normalise.working_text(text)
        lead: list[str] = ["区民政局"]

        def without_first_look() -> tuple[str, ...]:
            out: list[str] = []
            pos, e = 0, len(work)
            while True:
                cut = min(x for x in (work.find(",", pos, e), work.find(";", pos, e), e) if x >= 0)
                if cut >= e:
                    break
                m = pipeline._HELPERS.match(work, cut + 1, e)
                if m is not None:
                    ws, we = m.span("who") if m.group("who") else m.span("whom")
                    names = pipeline.parse_units(text[ws:we], work[ws:we])
                    if names and all(pipeline._helper_name(normalise.working_text(n)) for n in names):
                        out.extend(n for n in names if n not in lead and n not in out)
                pos = cut + 1
            return tuple(out)

        assert pipeline._later_helpers(text, work, 0, len(work), lead, []) == without_first_look()


class TestPatternsThatOpenWithTheirCharacter:
    # Patterns searched for in a whole document open with a character the engine can skip to; each
    # must find what its form that looks back first finds.
    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="0123456789-/ 年度财政学\n。a", max_size=18), st.data())
    def test_the_fiscal_year_pattern_finds_what_the_look_first_one_finds(
        self, text: str, data: st.DataObject
    ) -> None:
        from taizhang.extract import periods

        look_first = re.compile(
            r"(?<!\d)(?P<a>(?:19|20)\d{2})[ \t]*[-–—/][ \t]*(?P<b>(?:19|20)\d{2}|\d{2})[ \t]*(?:(?:财政|课税)?年度|学年)"
        )
        lo, hi = _draw_span(data, len(text))
        got = [(m.span(), m["a"], m["b"]) for m in periods.FISCAL_YEAR.finditer(text, lo, hi)]
        assert got == [(m.span(), m["a"], m["b"]) for m in look_first.finditer(text, lo, hi)]

    def test_a_fiscal_year_after_a_digit_is_none(self) -> None:
        from taizhang.extract import periods

        assert periods.FISCAL_YEAR.search("32013-14年度") is None
        assert periods.FISCAL_YEAR.search("2013-14年度")["a"] == "2013"  # type: ignore[index]

    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="2019年, \t。;!?a0", max_size=20))
    def test_the_years_opening_a_sentence_are_those_the_look_first_pattern_finds(self, text: str) -> None:
        look_first = re.compile(r"(?<=[。;!?])[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*,")
        got = [(m.start("y"), m["y"]) for m in metrics._SENTENCE_YEAR.finditer(text)]
        assert got == [(m.start("y"), m["y"]) for m in look_first.finditer(text)]

    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="0123456789年 \n一三内容底前月本度今", max_size=16), st.data())
    def test_the_document_year_patterns_find_what_the_look_first_ones_find(
        self, text: str, data: st.DataObject
    ) -> None:
        from taizhang.extract import docinfo

        year = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年")
        in_year = re.compile(r"年底前|月底前|(?<![\d一二两三四五六七八九十])年内(?!容)|本年度|今年|力争全年")
        lo, hi = _draw_span(data, len(text))
        assert [(m.span(), m["y"]) for m in docinfo._YEAR.finditer(text, lo, hi)] == [
            (m.span(), m["y"]) for m in year.finditer(text, lo, hi)
        ]
        assert [m.span() for m in docinfo._IN_YEAR.finditer(text, lo, hi)] == [
            m.span() for m in in_year.finditer(text, lo, hi)
        ]

    @settings(max_examples=300, derandomize=True)
    @given(st.text(alphabet="本今这个下一上来年度财政在于,会 a", max_size=16), st.data())
    def test_relative_fiscal_years_are_those_the_pattern_finds(self, text: str, data: st.DataObject) -> None:
        from taizhang.extract import periods

        lo, hi = _draw_span(data, len(text))
        got = [at for at, _ in periods.relative_fiscal_years(text, lo, hi, 2024)]
        expected = (
            [m.start() for m in periods._RELATIVE_FISCAL.finditer(text, lo, hi)]
            if "年" in text[lo:hi]
            else []
        )
        assert got == expected


# ---------------------------------------------------------------------------------------------
# speed2: shortcuts of this stop's rules, each against the plain form it replaces.


def _lone_heading_lines_line_by_line(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """What layout._lone_heading_lines reads, read plainly a line at a time: each line of the span
    (the first opening at the span's start) that holds no tab and, but for white space, only a
    unit column's heading, the characters touching the heading spaces (a line may end with the
    \\r of a CRLF)."""
    from taizhang.extract.layout import _LONE_UNIT_HEADINGS

    found: list[tuple[int, int]] = []
    ls = start
    for line in work[start:end].split("\n"):
        le = ls + len(line)
        word = line.strip()
        if word in _LONE_UNIT_HEADINGS and "\t" not in line:
            at = ls + line.index(word)
            after = at + len(word)
            if (at == ls or work[at - 1] in " \u3000") and (after == le or work[after] in " \u3000\r"):
                found.append((ls, le))
        ls = le + 1
    return found


class TestSpeed2Shortcuts:
    @settings(max_examples=300, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(
                ["责任单位", "牵头部门", "责任主体", "\n", " ", "\u3000", "\t", "\r", "区", "：", "x"]
            ),
            max_size=14,
        ),
        st.data(),
    )
    def test_lone_heading_lines_are_those_a_line_by_line_reading_gives(
        self, parts: list[str], data: st.DataObject
    ) -> None:
        from taizhang.extract.layout import _lone_heading_lines

        work = "".join(parts)
        start, end = _draw_span(data, len(work))
        assert _lone_heading_lines(work, start, end) == _lone_heading_lines_line_by_line(work, start, end)

    def test_a_lone_heading_at_the_span_edges_is_found(self) -> None:
        from taizhang.extract.layout import _lone_heading_lines

        work = "责任单位\n项目名称\n 牵头单位 \n区财政局负责。责任单位"
        lines = [(0, 4), (10, 16)]  # the first at the span's start; 责任单位 after 。 is in a sentence
        assert _lone_heading_lines(work, 0, len(work)) == lines
        assert _lone_heading_lines_line_by_line(work, 0, len(work)) == lines
        for a, b in ((11, 15), (10, 16), (0, 4), (3, 9)):  # spans whose edges touch a heading
            assert _lone_heading_lines(work, a, b) == _lone_heading_lines_line_by_line(work, a, b)

    def test_a_lone_heading_on_the_first_line_of_a_later_span_opens_at_the_span(self) -> None:
        """A span that does not open the document: its first line opens at the span's start, not at
        the document's (``_headed_paragraph_grids`` skips a line that opens before the span)."""
        from taizhang.extract.layout import _lone_heading_lines

        work = "一、总体要求\n责任单位\n区财政局\n"
        start = work.index("责任单位")
        assert _lone_heading_lines(work, start, len(work)) == [(start, start + 4)]
        assert _lone_heading_lines(work, start - 1, len(work)) == [(start, start + 4)]
        head = "前言。\n"  # the same table after a paragraph: found at the same place in its span
        assert _lone_heading_lines(head + work, len(head) + start, len(head + work)) == [
            (len(head) + start, len(head) + start + 4)
        ]

    @settings(max_examples=300, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(["责任单位", "完成时限", "项目名称", " ", "  ", "\u3000", "\n", "区"]),
            max_size=10,
        )
    )
    def test_a_spaced_heading_is_found_as_the_pattern_finds_it(self, parts: list[str]) -> None:
        from taizhang.extract.layout import _SPACED_HEADING_HINT, _has_spaced_heading

        work = "".join(parts)
        assert _has_spaced_heading(work, 0, len(work)) == (_SPACED_HEADING_HINT.search(work) is not None)

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(st.lists(st.text(alphabet="區发展:：改革與局1a（", max_size=20), max_size=6))
    def test_a_colon_head_is_found_as_folding_each_head_finds_it(self, texts: list[str]) -> None:
        from taizhang.extract.pipeline import _any_colon_head

        tasks = [
            Task(
                ref="1", measure=None, text=t, lead_units=(), co_units=(), deadline=None, span=Span(0, len(t))
            )
            for t in texts
        ]
        expected = any(len(t.text) <= 80 and ":" in normalise.working_text(t.text[:12]) for t in tasks)
        assert _any_colon_head(tasks) == expected

    def test_a_wide_colon_in_a_head_of_traditional_script_is_found(self) -> None:
        from taizhang.extract.pipeline import _any_colon_head

        assert _any_colon_head(
            [
                Task(
                    ref="1",
                    measure=None,
                    text="責任單位：區財政局",
                    lead_units=(),
                    co_units=(),
                    deadline=None,
                    span=Span(0, 9),
                )
            ]
        )
        assert not _any_colon_head(
            [
                Task(
                    ref="1",
                    measure=None,
                    text="推進區財政改革。",
                    lead_units=(),
                    co_units=(),
                    deadline=None,
                    span=Span(0, 8),
                )
            ]
        )
        assert not _any_colon_head(
            [
                Task(
                    ref="1",
                    measure=None,
                    text="推进改革" * 5 + "：区财政局" * 20,
                    lead_units=(),
                    co_units=(),
                    deadline=None,
                    span=Span(0, 120),
                )
            ]
        )

    @settings(max_examples=200, derandomize=True)
    @given(st.lists(st.text(alphabet="尤其是特别区局\n", max_size=8), max_size=4))
    def test_stressed_names_are_split_as_each_name_asked_alone(self, names: list[str]) -> None:
        from taizhang.extract.pipeline import _STRESS, _stressed

        tup = tuple(names)
        if not any(_STRESS.search(n) for n in tup):
            assert _stressed(tup) is tup
        else:
            assert _stressed(tup) == tuple(p for n in tup for p in _STRESS.split(n) if len(p) >= 2)

    @settings(max_examples=300, derandomize=True)
    @given(st.text(alphabet="区局,;配合负责实施。", max_size=30), st.data())
    def test_later_helpers_read_the_clauses_the_finds_gave(self, work: str, data: st.DataObject) -> None:
        from taizhang.extract import pipeline

        s, e = _draw_span(data, len(work))
        # the clauses, cut as the two finds and the least of them cut them
        expected: list[tuple[int, int]] = []
        pos = s
        while True:
            cut = min(x for x in (work.find(",", pos, e), work.find(";", pos, e), e) if x >= 0)
            if cut >= e:
                break
            upto = min(x for x in (work.find(",", cut + 1, e), work.find(";", cut + 1, e), e) if x >= 0)
            expected.append((cut + 1, upto))
            pos = cut + 1
        got: list[tuple[int, int]] = []
        cut = pipeline._clause_stop(work, s, e)
        while cut < e:
            upto = pipeline._clause_stop(work, cut + 1, e)
            got.append((cut + 1, upto))
            cut = upto
        assert got == expected
        for a, b in got:
            assert (pipeline._HELPER_WORD.search(work, a, b) is not None) == any(
                w in work[a:b] for w in pipeline._HELPER_WORDS
            )

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(
            st.sampled_from(["区财政局", "各镇", "、", ":", " ", "\t", "\n", "负责", "(一)"]), max_size=8
        ),
        st.sampled_from(["区财政局", "各镇、区财政局", "", "负责"]),
    )
    def test_heading_units_are_read_as_the_copied_prefix_read_them(
        self, parts: list[str], measure: str
    ) -> None:
        from taizhang.extract.pipeline import _heading_units
        from taizhang.extract.units import list_of_names

        work = "".join(parts) + "负责审批。"
        s = len(work) - 5
        task = Task(
            ref="1",
            measure=measure or None,
            text="负责审批。",
            lead_units=(),
            co_units=(),
            deadline=None,
            span=Span(s, len(work)),
        )
        # the form first written: the working heading, and the text before the colon copied
        expected: tuple[str, ...] = ()
        if task.measure:
            mw = normalise.working_text(task.measure)
            i = s
            while i > 0 and work[i - 1] in " \t\u3000":
                i -= 1
            if not (i == 0 or work[i - 1] != ":" or not work[: i - 1].rstrip().endswith(mw)):
                expected = list_of_names(task.measure, mw)
        assert _heading_units(task, work) == expected

    @settings(max_examples=300, derandomize=True)
    @given(st.text(alphabet="区财政局 \t\n\u3000\x1c\x85、", max_size=30))
    def test_spaces_are_removed_from_a_unit_list_as_each_character_asked_would(self, work: str) -> None:
        # units._parse_units keeps the runs \S finds; str.isspace asked of each character keeps the same
        runs = [m.span() for m in units._NO_SPACE.finditer(work)]
        assert "".join([work[a:b] for a, b in runs]) == "".join(ch for ch in work if not ch.isspace())


class TestSpeed3Shortcuts:
    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="排在列于第一位首个的者部门单位为是该项工作牵头主责，。区局 \n", max_size=40))
    def test_the_first_leads_declaration_is_found_as_the_whole_search_finds_it(self, work: str) -> None:
        assert units.declares_first_leads(work) == (units.FIRST_LEADS.search(work) is not None)

    def test_the_first_leads_declaration_at_its_longest_and_at_the_edges(self) -> None:
        longest = "排在第一位的责任部门为该项工作的牵头"
        assert len(longest) == units._FIRST_LEADS_LONGEST
        assert units.FIRST_LEADS.fullmatch(longest) is not None
        for work in (longest, "前言。" + longest, "首位单位为牵头单位", "列第一者为主责", "第一位是牵头"):
            assert units.declares_first_leads(work)
        for work in ("", "牵头单位排在第一位的是区财政局", "第一次会议", "首位"):
            assert not units.declares_first_leads(work)

    def test_no_header_cell_of_a_target_matrix_is_longer_than_the_bound(self) -> None:
        from taizhang.extract import indicator_tables as it

        longest = "甲" * 25 + "(立方公里)"
        assert len(longest) == it._MX_CELL_MAX
        assert it._MX_INDICATOR.fullmatch(longest) is not None
        assert it._MX_INDICATOR.fullmatch("甲" * 26 + "(立方公里)") is None
        assert it._MX_INDICATOR.fullmatch("甲" * 25 + "(立方公里米)") is None

    def test_spans_are_stored_in_one_step_and_keep_their_dataclass_behaviour(self) -> None:
        span = Span(2, 7)
        assert span == Span(start=2, end=7) and hash(span) == hash(Span(2, 7))
        assert dataclasses.replace(span, end=9) == Span(2, 9)
        with pytest.raises(dataclasses.FrozenInstanceError):
            span.start = 1  # type: ignore[misc]

    @settings(max_examples=300, derandomize=True)
    @given(
        st.text(
            alphabet="由区局作为责任实施立项建设主体为是，。;三3年之内以 牵头单位部门:\n两方家要", max_size=40
        )
    )
    def test_the_guards_words_are_in_every_match_of_their_patterns(self, work: str) -> None:
        from taizhang.extract import pipeline

        if pipeline._BEARER.search(work) is not None:
            assert "主体" in work
        if metrics._YEARS_WITHIN.search(work) is not None:
            assert metrics._years_within_word(work, 0, len(work))
        if outline._TRAILING_NOTE.search(work) is not None:
            assert ":" in work
        if pipeline._COUNTED_PARTIES.match(work) is not None:
            assert "方" in work or "家" in work

    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="0129年-—至到 \n.a", max_size=40))
    def test_a_period_of_years_is_found_as_by_the_look_back_before_it(self, work: str) -> None:
        from taizhang.extract import docinfo

        before = re.compile(
            r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*(?:年\s*)?[-—–~至到]\s*(?P<b>(?:19|20)\d{2})\s*年"
        )
        expected = [(m.span(), m["a"], m["b"]) for m in before.finditer(work)]
        assert [(m.span(), m["a"], m["b"]) for m in docinfo._PERIOD.finditer(work)] == expected
        assert docinfo._PERIOD.sub("", work) == before.sub("", work)

    @settings(max_examples=500, derandomize=True)
    @given(st.text(alphabet="到至于力争取确保计划在 \n\u3000区推进2019年02月底前完成上半年,。", max_size=40))
    def test_a_deadline_in_a_tasks_words_is_looked_for_from_where_it_can_start(self, work: str) -> None:
        from taizhang.extract import deadlines

        floor = deadlines._text_deadline_floor(work)
        found = [(m.span(), m.groupdict()) for m in deadlines._TEXT_DEADLINE.finditer(work, floor)]
        assert found == [(m.span(), m.groupdict()) for m in deadlines._TEXT_DEADLINE.finditer(work)]

    @settings(max_examples=300, derandomize=True)
    @given(
        st.text(alphabet="到至于力争取确保计划在 \n区推进,", max_size=8),
        st.sampled_from(["2025年", "2024 年12月", "2019年上半年", "2030年第三季度", "1999年"]),
        st.sampled_from(["前", "以前", "底前", "完成", "", "年"]),
        st.text(alphabet="到力争2025年底前完成,。区", max_size=12),
    )
    def test_a_deadline_found_from_the_floor_with_dates_in_it(
        self, head: str, date: str, tail: str, more: str
    ) -> None:
        from taizhang.extract import deadlines

        work = head + date + tail + more
        floor = deadlines._text_deadline_floor(work)
        found = [(m.span(), m.groupdict()) for m in deadlines._TEXT_DEADLINE.finditer(work, floor)]
        assert found == [(m.span(), m.groupdict()) for m in deadlines._TEXT_DEADLINE.finditer(work)]


def _texts_of(pieces: list[str], max_pieces: int) -> st.SearchStrategy[str]:
    """Texts joined from up to ``max_pieces`` of ``pieces``."""
    return st.lists(st.sampled_from(pieces), max_size=max_pieces).map("".join)


# Pieces of invented text that the searches below read, to build texts from.
_YEAR_PIECES = [
    "2019",
    "2020",
    "1999",
    "2101",
    "年",
    "间",
    "期",
    ",",
    "。",
    ";",
    "!",
    "?",
    ":",
    "\n",
    " ",
    "\t",
]
_YEAR_PIECES += ["至", "到", "—", "-", "~", "全区", "我市", "获悉", "了解到", "“", "a", "1"]


class TestSearchesThatOpenWithALiteral:
    """Whole-text searches rewritten to open with a literal (or to run over the text reversed)
    find what the patterns they stand for find."""

    @settings(max_examples=400, derandomize=True)
    @given(_texts_of(["推进", "商務", "(", ")", "（", "）", "wù", "zé", "shi", "市", "2", "a"], 14))
    def test_pinyin_glosses_are_those_of_the_gloss_pattern(self, text: str) -> None:
        from taizhang.extract import pipeline

        assert pipeline._pinyin_glosses(text) == [m.span() for m in pipeline._PINYIN_GLOSS.finditer(text)]

    @settings(max_examples=400, derandomize=True)
    @given(
        _texts_of(["领导", "责任人", "进展情况", "导", "人", "况", " ", "\t", ":", "：", "区"], 12),
        st.data(),
    )
    def test_progress_label_colons_are_those_of_the_class_pattern(
        self, text: str, data: st.DataObject
    ) -> None:
        lo, hi = _draw_span(data, len(text))
        assert outline._aside_colons(text, lo, hi) == [
            m.span() for m in outline._ASIDE_COLON.finditer(text, lo, hi)
        ]

    @settings(max_examples=400, derandomize=True)
    @given(_texts_of(["以下", "如下", "下", "以", "预期", "目标", ":", "。", " ", "\n", ",", "达到"], 12))
    def test_announced_goals_are_found_a_character_after_the_two_words(self, text: str) -> None:
        got = [(m.start() - 1, m.end()) for m in metrics._GOALS_ANNOUNCED_AT_XIA.finditer(text)]
        assert got == [m.span() for m in metrics._GOALS_ANNOUNCED.finditer(text)]

    @settings(max_examples=1500, derandomize=True)
    @given(_texts_of(_YEAR_PIECES, 24))
    def test_years_found_backwards_are_those_found_forwards(self, text: str) -> None:
        reverse = text[::-1]
        for backwards, forwards in (
            (metrics._SENTENCE_YEAR_BACKWARDS, metrics._SENTENCE_YEAR),
            (metrics._PAST_SPAN_BACKWARDS, metrics._PAST_SPAN),
        ):
            expected = [(m.start("y"), int(m["y"])) for m in forwards.finditer(text)]
            assert metrics._backward_years(backwards, reverse) == expected

    def test_a_span_that_opens_where_another_ends_is_passed_over_as_forwards(self) -> None:
        text = "。2019年至2021年,2022年至2023年,"
        assert metrics._backward_years(metrics._PAST_SPAN_BACKWARDS, text[::-1]) == [(7, 2021)]

    @settings(max_examples=600, derandomize=True)
    @given(
        _texts_of(
            ["一九", "二〇", "二零", "一", "九", "八", "零", "年", "度", "至", "-", " ", "学年", "十"], 14
        )
    )
    def test_years_in_chinese_numerals_are_those_of_the_pattern(self, text: str) -> None:
        from taizhang.extract import periods

        assert [m.span() for m in periods._cn_years(text)] == [
            m.span() for m in periods._CN_YEAR.finditer(text)
        ]

    @settings(max_examples=300, derandomize=True)
    @given(st.text(alphabet="。;,区a\n", max_size=30), st.data())
    def test_stops_are_those_of_the_class_pattern(self, text: str, data: st.DataObject) -> None:
        lo, hi = _draw_span(data, len(text))
        assert outline._stops_at(text, lo, hi) == [m.start() for m in outline._STOP.finditer(text, lo, hi)]


class TestOpeningYearsTable:
    """The years opening a paragraph or a sentence, found once per text from their 年, are what a
    search of the span asked about finds (speed2)."""

    @settings(max_examples=800, derandomize=True)
    @given(_texts_of([*_YEAR_PIECES, "年,", "年全区", "  "], 20), st.data())
    def test_the_last_opening_year_is_the_last_match_of_the_pattern(
        self, text: str, data: st.DataObject
    ) -> None:
        metrics._OPENING_YEARS[0] = None
        for _ in range(6):
            lo = data.draw(st.integers(0, len(text) + 1))
            pos = data.draw(st.integers(0, len(text) + 1))
            expected = None
            for m in metrics._OPENING_YEAR.finditer(text, lo, pos):
                expected = m
            got = metrics._last_opening_year(text, lo, pos)
            assert ((got.span(), got["y"]) if got else None) == (
                (expected.span(), expected["y"]) if expected else None
            )

    def test_a_year_cut_off_from_its_comma_or_its_place_is_no_opening(self) -> None:
        text = "。2022年,全区新增。2023年全区实现"
        metrics._OPENING_YEARS[0] = None
        assert metrics._last_opening_year(text, 0, 6) is None  # (its comma is at 6)
        assert metrics._last_opening_year(text, 0, 7)["y"] == "2022"
        assert metrics._last_opening_year(text, 0, 18)["y"] == "2022"  # (全区 needs both characters)
        assert metrics._last_opening_year(text, 0, 19)["y"] == "2023"
        assert metrics._last_opening_year(text, 1, 7)["y"] == "2022"  # (it opens after its stop)
        assert metrics._last_opening_year(text, 2, 18) is None


class TestSpeed4Shortcuts:
    """What the speed work of issue 8 skips is what would have been found in vain."""

    @settings(max_examples=400, derandomize=True)
    @given(
        _texts_of(["过去一年", "今年", "一年来", "以来", "\n", ",", "  ", "全市", "2023年", "报告", "称"], 12)
    )
    def test_with_no_report_verb_the_bare_opener_finds_what_the_opener_finds(self, work: str) -> None:
        opener, bare_opener, _, _ = metrics._mode_patterns()
        assert not any(verb in work for verb in metrics._REPORT_VERBS)

        def found(pattern: metrics._AtLineStarts) -> list[tuple[int, str, str]]:
            return [(m.start("line"), m["w"], m["rest"]) for m in pattern.finditer(work)]

        assert found(bare_opener) == found(opener)

    def test_an_opener_after_a_report_is_found_by_the_full_opener_only(self) -> None:
        opener, bare_opener, _, _ = metrics._mode_patterns()
        work = "新闻稿\n报告指出,过去一年全市经济稳中有进"
        assert [m["w"] for m in opener.finditer(work)] == ["过去一年"]
        assert list(bare_opener.finditer(work)) == []

    @settings(max_examples=500, derandomize=True)
    @given(
        _texts_of(
            [
                "区财政局",
                "各街道",
                "、",
                "和",
                "由",
                "负责",
                "牵头",
                "配合",
                "做好",
                "工作",
                "，",
                "。",
                "；",
                "：",
                "2025年6月底前",
            ],
            10,
        )
    )
    def test_a_duty_verb_is_found_only_before_the_first_stop(self, orig: str) -> None:
        # (pipeline._own_units asks for a subject that answers with 负责 or 牵头 only when one of
        # them is said before the first 。;: of the task)
        from taizhang.extract import pipeline

        work = normalise.working_text(orig)
        first = pipeline._FIRST_PART_END.search(work)
        opening = work[: first.start() if first is not None else len(work)]
        if "负责" not in opening and "牵头" not in opening:
            assert units.subject_and_verb(orig, work, 0, len(work))[1] not in ("负责", "牵头")

    @settings(max_examples=500, derandomize=True)
    @given(
        _texts_of(
            [
                "加强",
                "以",
                "对",
                "推进",
                "区财政局",
                "各街道",
                "、",
                "和",
                "等",
                "相应的",
                "无",
                " ",
                "(牵头)",
            ],
            8,
        )
    )
    def test_a_list_opening_as_no_subject_opens_has_a_first_name_that_is_no_subject(self, head: str) -> None:
        # (subject_and_verb does not read a list that runs on past a comma when it opens so)
        if units.NOT_SUBJECT.match(head) is not None:
            names = units.parse_units(head, head)
            assert not (names and all(units._subject_name(normalise.working_text(n)) for n in names))


class TestFigureGuards:
    """The cheap first looks that spare a figure's regex searches (metrics: the character beside
    the figure or the clause, the sentence's one search for the lists of time and target marks)
    answer what the patterns would."""

    @settings(max_examples=400, derandomize=True)
    @given(
        st.text(
            alphabet=" \t(含不对于,;，；给予奖励按可再补1２٣一前上第季度半年首月-~至凡的目标x", max_size=14
        )
    )
    def test_each_guarded_pattern_matches_only_what_its_guard_lets_through(self, text: str) -> None:
        if metrics._INCLUSION_BEFORE.search(text) is not None:
            assert text[-1:] in metrics._INCLUSION_LASTS
        if metrics._OPENS_WITH_OBJECT.match(text) is not None:
            assert text[:1] in metrics._OBJECT_FIRSTS
        if metrics._GRANT_AFTER.match(text) is not None:
            assert text[:1] in metrics._GRANT_FIRSTS
        if metrics._CONDITION_START.match(text) is not None:
            assert text[:1] in metrics._CONDITION_FIRSTS or text[:1].isdecimal()
        if metrics._OPENS_WITH_PART_GONE.match(text) is not None:
            assert text[:1] in metrics._PART_GONE_FIRSTS
        if metrics._GOAL_AFTER.match(text) is not None:
            assert text.startswith("的")

    @settings(max_examples=400, derandomize=True)
    @given(
        st.text(alphabet=" \t及以上下的项目企业符合满足条件名额推荐遴选报送为共分解任务事项x", max_size=12)
    )
    def test_each_guarded_pattern_of_a_count_matches_only_what_its_guard_lets_through(
        self, text: str
    ) -> None:
        if metrics._QUALIFIER.match(text) is not None:
            assert text[:1] in metrics._QUALIFIER_FIRSTS
        if metrics._MEETING_CONDITIONS.match(text) is not None:
            assert text[:1] in metrics._MEETING_FIRSTS
        if metrics._SELECTION_QUOTA.search(text) is not None:
            assert text[-1:] in metrics._QUOTA_LASTS
        if metrics._DIVIDED_BEFORE.search(text) is not None:
            assert text[-1:] in metrics._DIVIDED_LASTS

    def test_the_guards_let_the_forms_through(self) -> None:
        for before in ("(不含 ", "(含"):
            assert metrics._INCLUSION_BEFORE.search(before) is not None
            assert before[-1] in metrics._INCLUSION_LASTS
        assert metrics._CONDITION_START.match("٣.对") is not None and "٣".isdecimal()
        for opening in ("2022年一季度,", "上半年,", "1-6月,", "前三季度,", "首季,", " 第一季度:"):
            assert metrics._OPENS_WITH_PART_GONE.match(opening) is not None, opening
            assert opening[0] in metrics._PART_GONE_FIRSTS, opening

    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="力争取确保将要截至目前现已有经共拥雇用最新当时今努实现已完成,", max_size=12))
    def test_a_sentence_with_no_mark_holds_none_of_the_lists(self, text: str) -> None:
        compiled = metrics.metric_words().compiled
        if metrics._sentence_marks()(text, 0, len(text)) is None:
            for key in metrics._SENTENCE_MARK_LISTS:
                assert not metrics._has(text, compiled[key]), key
        else:
            assert any(metrics._has(text, compiled[key]) for key in metrics._SENTENCE_MARK_LISTS)
