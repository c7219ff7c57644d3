"""Flattened task tables whose columns are not the plain 序号 / 任务 / 牵头单位 / 配合单位: an
assessment table with columns of persons and of scorers beside the responsible one, a table
flattened a cell a line with a pipe between its cells, a lead-unit column before the task one."""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

Row = tuple[str | None, ...]


def _read(
    text: str,
) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[int | None, int | None] | None]]:
    out = []
    for t in extract_text(text).tasks:
        d = t.deadline
        out.append((t.text, t.lead_units, t.co_units, (d.year, d.month) if d else None))
    return out


def _present(row: Row) -> list[str]:
    return [c for c in row if c is not None]


def _tabs(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    return "\n".join([title, "\t".join(_present(header)), *("\t".join(_present(r)) for r in rows)])


def _lines(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    return "\n".join([title, *_present(header), *(c for r in rows for c in _present(r))])


def _markdown(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    lines = [title, "", "| " + " | ".join(_present(header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_present(r)) + " |" for r in rows]
    return "\n".join(lines)


# An assessment table (目标责任考核表): the persons who answer (责任领导), the unit that does the
# work (责任部门), the unit that scores it (评分部门), how it is supervised (监督方式).
ASSESS_TITLE = "某县2025年度目标责任考核指标表"
ASSESS_HEADER: Row = (
    "序号",
    "考核指标",
    "考核内容",
    "年度目标",
    "责任领导",
    "责任部门",
    "评分部门",
    "完成期限",
    "监督方式",
)
ASSESS_ROWS: tuple[Row, ...] = (
    (
        "1",
        "产业发展",
        "推进工业园区标准厂房建设",
        "新建标准厂房5万平方米",
        "赵某",
        "县工业和信息化局",
        "县统计局",
        "2025年11月",
        "季度通报",
    ),
    (
        "2",
        "农业农村",
        "实施高标准农田建设",
        "建成高标准农田2万亩",
        "钱某",
        "县农业农村局",
        "县考核办",
        "2025年10月",
        "现场核查",
    ),
    (
        "3",
        "社会事业",
        "开展城乡居民健康体检",
        "完成体检3万人次",
        "孙某",
        "县卫生健康局",
        "县督查室",
        "2025年12月",
        "月度调度",
    ),
)
ASSESS_WANT = [
    ("推进工业园区标准厂房建设", ("县工业和信息化局",), (), (2025, 11)),
    ("实施高标准农田建设", ("县农业农村局",), (), (2025, 10)),
    ("开展城乡居民健康体检", ("县卫生健康局",), (), (2025, 12)),
]


def _spaces(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    # joined by runs of spaces, not at fixed width
    return "\n".join([title, "  ".join(_present(header)), *("   ".join(_present(r)) for r in rows)])


@pytest.mark.parametrize("form", [_tabs, _lines, _spaces, _markdown], ids=["tabs", "lines", "spaces", "md"])
def test_an_assessment_tables_scoring_column_names_no_unit_of_the_task(form) -> None:
    # 责任部门 is the lead (no 牵头 column); 评分部门 scores the work, 责任领导 names a person
    got = _read(form(ASSESS_TITLE, ASSESS_HEADER, ASSESS_ROWS))
    assert [
        (g[0][: len(w[0])], g[1], g[2], g[3]) for g, w in zip(got, ASSESS_WANT, strict=False)
    ] == ASSESS_WANT
    assert len(got) == len(ASSESS_WANT)


@pytest.mark.parametrize("scorer", ["考核部门", "评分单位", "督办单位"])
def test_a_column_of_who_checks_the_work_is_no_co_unit_column(scorer: str) -> None:
    header: Row = ("序号", "重点任务", "责任单位", scorer, "完成时限")
    rows: tuple[Row, ...] = (
        ("1", "完成农村公路提质改造", "县交通运输局", "县政府办公室", "2025年10月"),
        ("2", "新建乡镇污水处理站3座", "县住房城乡建设局", "县政府办公室", "2025年12月"),
    )
    got = _read(_tabs("某县2025年重点工作责任分解表", header, rows))
    assert [(g[1], g[2]) for g in got] == [(("县交通运输局",), ()), (("县住房城乡建设局",), ())]


# A lead-unit column before the task's, merged down each block of rows (printed once, in the
# block's first row), and a 责任单位 column after the task that holds the co-units.
LEAD_TITLE = "某区2025年重点工作任务分解表"
LEAD_HEADER: Row = ("序号", "牵头单位", "目标任务", "责任单位", "完成时限")
LEAD_ROWS: tuple[Row, ...] = (
    ("1", "区政府办公室", "建立重点工作督查台账，按月通报进展", "各街道办事处", "2025年3月"),
    ("2", None, "完善政务服务事项清单，推动高频事项网上办理", "区政务服务中心", "2025年6月"),
    ("3", None, "开展营商环境评价，形成评价报告", "区发展改革局", "2025年9月"),
    ("4", "区财政局", "统筹安排重点项目资金", "区发展改革局、区审计局", "2025年12月"),
    ("5", None, "规范政府采购流程，公开采购意向", "各街道办事处", "2025年11月"),
)
LEAD_WANT = [
    ("建立重点工作督查台账", ("区政府办公室",), ("各街道办事处",), (2025, 3)),
    ("完善政务服务事项清单", ("区政府办公室",), ("区政务服务中心",), (2025, 6)),
    ("开展营商环境评价", ("区政府办公室",), ("区发展改革局",), (2025, 9)),
    ("统筹安排重点项目资金", ("区财政局",), ("区发展改革局", "区审计局"), (2025, 12)),
    ("规范政府采购流程", ("区财政局",), ("各街道办事处",), (2025, 11)),
]
# The lead unit's name printed down its narrow cell, a few characters a line.
DOWN = {"区政府办公室": ["区政", "府办", "公室"], "区财政局": ["区财", "政局"]}


def _check(got: list, want: list) -> None:
    assert len(got) == len(want), got
    for (text, lead, co, when), (g_text, g_lead, g_co, g_when) in zip(want, got, strict=True):
        assert g_text.startswith(text), g_text
        assert (g_lead, g_co, g_when) == (lead, co, when), g_text


def _lines_down(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    out = [title, *_present(header)]
    for r in rows:
        for c in _present(r):
            out += DOWN.get(c, [c])
    return "\n".join(out)


def _lines_no_seq(title: str, header: Row, rows: tuple[Row, ...]) -> str:
    # no 序号 column: the rows are told by their cells (the lead's name opens a block)
    return _lines(title, header[1:], tuple(r[1:] for r in rows))


@pytest.mark.parametrize(
    "form",
    [_lines, _lines_down, _lines_no_seq, _tabs, _markdown],
    ids=["lines", "lines-down", "lines-no-seq", "tabs", "md"],
)
def test_a_lead_column_before_the_task_merged_down_its_block(form) -> None:
    _check(_read(form(LEAD_TITLE, LEAD_HEADER, LEAD_ROWS)), LEAD_WANT)


def test_a_lead_column_before_the_task_with_no_deadline_column() -> None:
    # the co-units close a row; a name after them opens the next block
    header: Row = ("牵头单位", "重点任务", "配合单位")
    rows: tuple[Row, ...] = (
        ("县教育局", "新建公办幼儿园2所", "县财政局"),
        (None, "完成中小学校舍维修改造", "县住房城乡建设局"),
        ("县卫生健康局", "建成县域医疗次中心1个", "县发展改革局、县财政局"),
        (None, "开展城乡居民免费体检", "各乡镇人民政府"),
    )
    got = _read(_lines(LEAD_TITLE, header, rows))
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("新建公办幼儿园2所", ("县教育局",), ("县财政局",)),
        ("完成中小学校舍维修改造", ("县教育局",), ("县住房城乡建设局",)),
        ("建成县域医疗次中心1个", ("县卫生健康局",), ("县发展改革局", "县财政局")),
        ("开展城乡居民免费体检", ("县卫生健康局",), ("各乡镇人民政府",)),
    ]


def test_a_name_printed_down_a_narrow_cell_is_one_name() -> None:
    from taizhang.extract.tables import _unit_lines

    assert _unit_lines("市政\n府办\n公厅", "市政\n府办\n公厅")[1] == "市政\n府办\n公厅"
    # two whole names a line each are two units still
    assert _unit_lines("区委办\n区政府办", "区委办\n区政府办")[1] == "区委办、区政府办"


def _pipe_between(
    title: str, header: Row, rows: tuple[Row, ...], down: bool = False, closing: bool = False
) -> str:
    # a cell a line, a line holding only a pipe between two cells of a row; the rows follow
    # each other with (closing) or without a pipe after a row's last cell
    out = [title, ""]
    for r in (header, *rows):
        for i, c in enumerate(_present(r)):
            if i:
                out.append("|")
            out += DOWN.get(c, [c]) if down else [c]
        if closing:
            out.append("|")
    return "\n".join(out)


def _pipe_opening(title: str, header: Row, rows: tuple[Row, ...], down: bool = False) -> str:
    # each cell's line opened by "| "; a cell's text wrapped goes on on a line with no pipe
    out = [title, ""]
    for r in (header, *rows):
        for c in _present(r):
            parts = DOWN.get(c, [c]) if down else [c]
            out += ["| " + parts[0], *parts[1:]]
    return "\n".join(out)


@pytest.mark.parametrize(
    "form",
    [
        _pipe_between,
        lambda *a: _pipe_between(*a, closing=True),
        lambda *a: _pipe_between(*a, down=True),
        _pipe_opening,
        lambda *a: _pipe_opening(*a, down=True),
    ],
    ids=["between", "between-closing", "between-down", "opening", "opening-down"],
)
def test_a_table_a_cell_a_line_with_pipes_between_its_cells(form) -> None:
    _check(_read(form(LEAD_TITLE, LEAD_HEADER, LEAD_ROWS)), LEAD_WANT)
