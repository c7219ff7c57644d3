"""Deadlines from a deadline cell and from a task's own words."""

from __future__ import annotations

import pytest

from taizhang.extract.deadlines import find_deadline, parse_deadline
from taizhang.extract.normalise import working_text


def _cell(text: str) -> tuple[str, int | None, int | None] | None:
    d = parse_deadline(working_text(text), text)
    return None if d is None else (d.kind, d.year, d.month)


class ParseDeadlineTestCase:
    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("2024年12月", ("month", 2024, 12)),
            ("２０２４年１２月", ("month", 2024, 12)),
            ("2024年6月底前", ("month", 2024, 6)),
            ("2024年底", ("month", 2024, 12)),
            ("2025年上半年", ("month", 2025, 6)),
            ("2024年第三季度", ("month", 2024, 9)),
            ("2024.6", ("month", 2024, 6)),
            ("二〇二五年六月", ("month", 2025, 6)),
            ("2025年", ("year", 2025, None)),
            ("到2025年", ("year", 2025, None)),
            ("常态化推进", ("ongoing", None, None)),
            ("長期", ("ongoing", None, None)),
            ("持续推进", ("ongoing", None, None)),
            ("2023年12月启动，2025年12月完成", ("month", 2025, 12)),
        ],
    )
    def test_it_reads_a_deadline_cell(self, cell: str, expected: tuple[str, int | None, int | None]) -> None:
        assert _cell(cell) == expected

    @pytest.mark.parametrize("cell", ["", "——", "12个月", "按计划"])
    def test_it_finds_no_deadline_where_there_is_none(self, cell: str) -> None:
        assert _cell(cell) is None

    @pytest.mark.parametrize("cell", ["2024年起持续推进", "自2023年7月开始,长期坚持", "2023年起"])
    def test_a_date_the_work_starts_from_is_no_deadline_and_the_work_goes_on(self, cell: str) -> None:
        assert _cell(cell) == ("ongoing", None, None)

    def test_a_start_and_a_due_date_give_the_due_date(self) -> None:
        assert _cell("2023年起实施,2024年底前完成") == ("month", 2024, 12)


class FindDeadlineTestCase:
    def test_a_target_year_in_the_task_is_its_deadline(self) -> None:
        d = find_deadline(working_text("到2025年释放30公顷产业用地"))
        assert d is not None and (d.kind, d.year) == ("year", 2025)

    def test_a_before_date_is_a_deadline(self) -> None:
        d = find_deadline(working_text("2024年12月底前完成改造"))
        assert d is not None and (d.kind, d.year, d.month) == ("month", 2024, 12)

    def test_a_year_that_dates_an_action_is_not_a_deadline(self) -> None:
        assert find_deadline(working_text("2024年率先实现互联互通")) is None

    def test_a_past_figure_growing_to_a_year_is_not_a_deadline(self) -> None:
        assert find_deadline(working_text("生产总值从2016年的1945亿元增长到2020年的2375亿元")) is None


class RelativeDeadlineTestCase:
    """A date relative to the document's own year (年底前, 6月底前, 年内) resolves against it."""

    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            ("年底前，健全完善省级信息平台", ("month", 2019, 12)),
            ("年内培育50家智能工厂", ("year", 2019, None)),
            ("6月底前完成系统对接", ("month", 2019, 6)),
            ("力争年底建成", ("month", 2019, 12)),
            ("明年6月底前上线", ("month", 2020, 6)),
            ("9月30日前完成", ("month", 2019, 9)),
        ],
    )
    def test_a_relative_date_in_a_tasks_words_is_of_the_documents_year(
        self, words: str, expected: tuple[str, int, int | None]
    ) -> None:
        d = find_deadline(working_text(words), words, 2019)
        assert d is not None and (d.kind, d.year, d.month) == expected

    @pytest.mark.parametrize(
        "words", ["每年年底前报送", "6月举办博览会", "在3月举办", "近年内", "12个月", "竣工后五年内不得挖掘"]
    )
    def test_other_years_recurring_dates_and_dated_actions_are_no_deadline(self, words: str) -> None:
        assert find_deadline(working_text(words), words, 2019) is None

    def test_a_whole_year_in_a_tasks_words_is_a_figures_period_not_a_deadline(self) -> None:
        assert find_deadline(working_text("全年新增企业100家"), "全年新增企业100家", 2019) is None

    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            ("三年内完成改造", 2022),
            ("2年内完成现有道路治理任务", 2021),
            ("力争用4年左右时间完成隐患整治", 2023),
            ("用两年时间建成平台", 2021),
            # a span opening a clause that sets a quantity to reach (talent and project plans)
            ("加强队伍建设，5年内重点引进80名高层次管理人才。", 2024),
            ("三年内新建社区养老服务站12个，改造助餐点30处。", 2022),
            ("力争两年内培训基层农技人员2000人次。", 2021),
        ],
    )
    def test_a_number_of_years_from_now_counts_from_the_documents_year(
        self, words: str, expected: int
    ) -> None:
        d = find_deadline(working_text(words), words, 2019)
        assert d is not None and (d.kind, d.year) == ("year", expected)

    @pytest.mark.parametrize(
        "words",
        [
            "近三年内",
            "申报前3年内",
            "历时三年全面调查",
            "三年时间里",
            "项目竣工备案后二年内完成审计",
            "次年起三年内兑现",
            "重组完成后的3年内",
            # a benefit enjoyed, a cadence, a condition within a span: no deadline
            "对新引进的人才，5年内享受住房补贴。",
            "结合小区改造，三年内按年度对垃圾箱房进行改造，实现规范。",
            "企业在3年内按实际招用人数享受扣减",
            "符合条件的，2年内予以兑现奖励。",
        ],
    )
    def test_a_span_of_years_after_an_event_or_in_the_past_is_no_deadline(self, words: str) -> None:
        assert find_deadline(working_text(words), words, 2019) is None

    def test_without_the_documents_year_a_relative_date_is_no_deadline(self) -> None:
        assert find_deadline(working_text("年底前完成"), "年底前完成") is None
        assert parse_deadline(working_text("年底前"), "年底前") is None

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("年底前", ("month", 2023, 12)),
            ("6月底", ("month", 2023, 6)),
            ("三季度", ("month", 2023, 9)),
            ("年内", ("year", 2023, None)),
            # The work of an annual list that runs the whole year.
            ("全年", ("year", 2023, None)),
            ("全年推进", ("year", 2023, None)),
        ],
    )
    def test_a_relative_deadline_cell_is_of_the_documents_year(
        self, cell: str, expected: tuple[str, int, int | None]
    ) -> None:
        d = parse_deadline(working_text(cell), cell, 2023)
        assert d is not None and (d.kind, d.year, d.month) == expected


@pytest.mark.parametrize(
    ("words", "year", "month"),
    [
        ("于2025年12月31日前报送国务院办公厅", 2025, 12),
        ("2025年6月30日前完成验收", 2025, 6),
        ("确保2024年上半年建成投用", 2024, 6),
        ("2024年一季度完成方案编制", 2024, 3),
        ("2024年10月完成评估", 2024, 10),
    ],
)
def test_a_dated_deadline_with_a_day_half_or_quarter_in_the_task_words(words, year, month):
    found = find_deadline(working_text(words), words, 2023)
    assert (found.kind, found.year, found.month) == ("month", year, month)


def test_a_year_alone_before_an_action_is_no_deadline():
    assert find_deadline(working_text("2024年完成"), "2024年完成", 2023) is None
    assert find_deadline(working_text("2024年率先实现"), "2024年率先实现", 2023) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("负责本区医院等医疗机构在2018年完成单位强制分类工作。", ("year", 2018, None)),
        ("各街道在2019年底完成垃圾箱房改造。", ("month", 2019, 12)),
        ("在2020年6月完成系统上线。", ("month", 2020, 6)),
        ("负责2018年完成本区公共机构强制分类工作。", ("year", 2018, None)),
    ],
)
def test_a_year_the_work_is_to_be_done_in_said_with_zai_is_its_deadline(
    words: str, expected: tuple[str, int | None, int | None]
) -> None:
    d = find_deadline(words, year=2018)
    assert d is not None and (d.kind, d.year, d.month) == expected


@pytest.mark.parametrize(
    "words",
    ["在2018年完成了全部改造。", "在2018年的基础上完成提升。", "2018年完成投资12亿元。"],
)
def test_a_past_completion_or_a_base_year_is_no_deadline(words: str) -> None:
    assert find_deadline(words, year=2018) is None


@pytest.mark.parametrize(
    ("cell", "year", "expected"),
    [
        # a start, then the end (in the start's year when the end names none)
        ("2025年4月启动,11月底前完成", 2024, (2025, 11)),
        ("2026年3月开工、2027年6月建成", 2026, (2027, 6)),
        ("2026年4月开工、年底前建成", 2025, (2026, 12)),
        # stages: the last, in the year of the dated one
        ("2026年5月、10月", 2025, (2026, 10)),
        # a recurring date is no later stage; a start alone is the cell's one date
        ("2026年6月底前完成,此后每年3月", 2026, (2026, 6)),
        ("2025年9月启动", 2025, (2025, 9)),
    ],
)
def test_a_cell_that_times_the_works_stages_is_due_at_the_last(
    cell: str, year: int, expected: tuple[int, int]
) -> None:
    got = parse_deadline(cell, None, year)
    assert got is not None and (got.kind, got.year, got.month) == ("month", *expected)
