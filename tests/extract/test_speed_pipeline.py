"""The pipeline's shortcuts for speed (pipeline.py, confidence.py) give the plain way's answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import pipeline
from taizhang.extract.model import Span, Task
from taizhang.extract.units import name_before_verb

# Names as prose gives them (some cut onto their verb, some fragments, one stressed list), and
# the words a task may write them onto.
_NAMES = (
    "区应急局",
    "区应急局组",
    "镇规建办办",
    "区委组织部",
    "工作组",
    "由区绿化市容部门",
    "会同区建设管理委",
    "各部门特别是区财政局",
    "镇人民政府(街道办事处)",
    "各街道",
    "相关单位",
    "区",
    "县长",
)
_WORDS = ("组建专业队伍", "办理备案", "组织培训", "负责", "会同", "与", "配合", "，", "。", "由")


def _plain_names(task: Task) -> tuple[list[str], list[str], bool]:
    """The first reading of ``_own_units`` as it was written before ``_read_names``: every name
    cleaned, then every name asked of ``name_before_verb``."""
    lead: list[str] = []
    co: list[str] = []
    changed = False
    for names, out in ((task.lead_units, lead), (task.co_units, co)):
        for n in pipeline._stressed(names):
            changed = changed or n not in names
            cleaned = pipeline.clean_unit_name(n)
            if cleaned is None:
                changed = True
                continue
            role, name = cleaned
            changed = changed or name != n or role == "co" and out is lead
            (co if role == "co" else out).append(name)
    for read in (lead, co):
        for i, n in enumerate(read):
            shorter = name_before_verb(n, task.text)
            if shorter != n:
                read[i], changed = shorter, True
    return lead, co, changed


def _task(text: str, lead: tuple[str, ...], co: tuple[str, ...]) -> Task:
    return Task(None, None, text, lead, co, None, Span(0, len(text)))


class TestReadNames:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(
        st.lists(st.sampled_from(_NAMES), max_size=3),
        st.lists(st.sampled_from(_NAMES), max_size=3),
        st.lists(st.sampled_from(_NAMES + _WORDS), max_size=8),
    )
    def test_the_memoised_reading_is_the_plain_one(
        self, lead: list[str], co: list[str], words: list[str]
    ) -> None:
        text = "".join(words)
        task = _task(text, tuple(lead), tuple(co))
        got = pipeline._read_names(task.lead_units, task.co_units)
        plain_lead, plain_co, plain_changed = _plain_names(task)
        read_lead, read_co = list(got.lead), list(got.co)
        changed = got.changed
        for which, i in got.may_end_in_verb:
            read = read_co if which else read_lead
            shorter = name_before_verb(read[i], text)
            if shorter != read[i]:
                read[i], changed = shorter, True
        assert (read_lead, read_co, changed) == (plain_lead, plain_co, plain_changed)

    @settings(max_examples=200, derandomize=True, deadline=None)
    @given(st.sampled_from(_NAMES), st.lists(st.sampled_from(_NAMES + _WORDS), max_size=8))
    def test_a_name_that_may_not_end_in_a_verb_is_never_shortened(self, name: str, words: list[str]) -> None:
        own = "".join(words) + name + "".join(reversed(words))
        if not pipeline._may_end_in_verb(name):
            assert name_before_verb(name, own) == name

    def test_a_name_cut_onto_its_verb_is_asked(self) -> None:
        assert pipeline._may_end_in_verb("区应急局组")
        task = _task("区应急局组建专业队伍。", ("区应急局组",), ())
        assert pipeline._own_units(task, task.text, task.text, {}).lead_units == ("区应急局",)

    def test_one_memo_for_many_tasks_gives_each_its_own_reading(self) -> None:
        memo: dict[tuple[tuple[str, ...], tuple[str, ...]], pipeline._ReadNames] = {}
        texts = ("区应急局组建专业队伍。", "区应急局组织演练。", "区应急局组建专业队伍。")
        for text in texts:
            task = _task(text, ("区应急局组",), ())
            assert pipeline._own_units(task, text, text, memo) == pipeline._own_units(task, text, text)
        assert len(memo) == 1


class TestTaskListScans:
    @settings(max_examples=200, derandomize=True)
    @given(
        st.lists(st.text(alphabet="会同其他五\n区局a", max_size=8), max_size=6),
        st.sampled_from(("会同", "其他", "五")),
    )
    def test_a_word_is_in_the_join_iff_in_a_text(self, texts: list[str], word: str) -> None:
        assert (word in pipeline._joined(texts)) == any(word in t for t in texts)

    @settings(max_examples=100, derandomize=True)
    @given(
        st.lists(
            st.tuples(
                st.lists(st.sampled_from("ABCD"), max_size=3), st.lists(st.sampled_from("BCDE"), max_size=3)
            ),
            max_size=6,
        )
    )
    def test_the_units_are_listed_in_order_of_first_mention(
        self, units: list[tuple[list[str], list[str]]]
    ) -> None:
        tasks = [_task("x", tuple(lead), tuple(co)) for lead, co in units]
        plain: dict[str, None] = {}
        for t in tasks:
            for u in t.lead_units:
                plain[u] = None
            for u in t.co_units:
                plain[u] = None
        got = dict.fromkeys(
            pipeline.chain.from_iterable(pipeline.chain.from_iterable(map(pipeline._UNITS, tasks)))
        )
        assert list(got) == list(plain)


class TestScheduledShortcut:
    @settings(max_examples=300, derandomize=True)
    @given(
        st.sampled_from(("month", "year", "ongoing")),
        st.one_of(st.none(), st.integers(1995, 2035)),
        st.integers(2000, 2030),
        st.sampled_from(("2025年6月,完成排查。", "推进排查。", "2019年底,完成。")),
    )
    def test_a_task_the_pipeline_passes_by_is_one_scheduled_keeps(
        self, kind: str, year: int | None, doc_year: int, text: str
    ) -> None:
        from taizhang.extract.model import Deadline

        task = _task(text, ("区应急局",), ())
        task = Task(
            task.ref, task.measure, text, task.lead_units, (), Deadline(kind, year, None, "x"), task.span
        )
        d = task.deadline
        assert d is not None
        if d.year is None or d.year >= doc_year - 1:  # the pipeline's test before the call
            assert pipeline._scheduled(task, text, doc_year) is task

    def test_a_task_with_no_deadline_is_scheduled_by_its_opening_month(self) -> None:
        task = _task("2025年6月,完成排查。", ("区应急局",), ())
        got = pipeline._scheduled(task, task.text, 2025).deadline
        assert got is not None and (got.year, got.month) == (2025, 6)
