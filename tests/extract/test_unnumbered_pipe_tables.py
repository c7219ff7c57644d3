"""Tables a crawl wrote a cell a line with pipes whose heading row names no sequence column: the
rows are counted out by the heading row's columns, and where no pipe parts two rows (a pipe alone
on its line between cells only) the lines between a row's last cell and the next row's first are
parted where each fits its column. (Made-up tables.)"""

from __future__ import annotations

from taizhang.extract import extract_text

from .docfactory import task_rows

_WANT = [
    (
        "推进重大项目建设，全年完成固定资产投资。",
        ("区发改局",),
        ("区财政局", "区自然资源局"),
        ("month", 2031, 12),
    ),
    ("加快数字经济发展，培育一批数字经济企业。", ("区发改局",), ("区科技局",), ("month", 2031, 10)),
    ("完善基层医疗卫生服务体系建设。", ("区卫健局",), ("各街道办事处",), ("ongoing", None, None)),
]

_CELLS = [
    ["区发\n改局", "推进重大项目建设，全年完成固定资产投资。", "区财政局、区自然资源局", "2031年12月"],
    ["", "加快数字经济发展，培育一批数字经济企业。", "区科技局", "2031年10月"],
    ["区卫\n健局", "完善基层医疗卫生服务体系建设。", "各街道办事处", "长期坚持"],
]
_HEAD = ["牵头单位", "重点工作任务", "配合单位", "完成时限"]
_TITLE = "某区2031年重点工作任务分解表\n\n"
_AFTER = "\n\n各单位要高度重视，认真抓好落实。\n"


def test_pipes_alone_between_cells_and_none_between_rows():
    # "牵头单位\n|\n重点工作任务\n|\n…\n完成时限\n区发\n改局\n|\n…": a row's last cell and the next
    # row's first (a lead unit printed down a narrow cell, or blank) share the lines between pipes.
    rows = []
    for r, row in enumerate([_HEAD, *_CELLS]):
        cells = ["\n|\n".join(row)]
        if r and not row[0]:
            cells = ["|\n" + "\n|\n".join(row[1:])]
        rows.append(cells[0])
    text = _TITLE + "\n".join(rows) + _AFTER
    assert task_rows(text) == _WANT


def test_pipes_closing_each_cell():
    lines = [f"{c.replace(chr(10), '')} |" if c else "|" for row in [_HEAD, *_CELLS] for c in row]
    assert task_rows(_TITLE + "\n".join(lines) + _AFTER) == _WANT


def test_pipes_opening_each_cell():
    lines = [f"| {c.replace(chr(10), '')}" if c else "|" for row in [_HEAD, *_CELLS] for c in row]
    assert task_rows(_TITLE + "\n".join(lines) + _AFTER) == _WANT


def test_an_assessment_table_without_numbers_gives_its_indicators():
    text = (
        "某县2031年目标责任考核指标\n\n"
        "| 考核指标\n| 目标值\n| 责任单位\n"
        "| 地区生产总值增长\n| 6%\n| 县发改局\n"
        "| 规上工业增加值增长\n| 7%\n| 县工信局\n"
        "| 城镇新增就业人数\n| 5000人\n| 县人社局\n"
    )
    got = [(m.indicator, m.value, m.unit) for m in extract_text(text).metrics]
    assert got == [
        ("地区生产总值增长", 6, "%"),
        ("规上工业增加值增长", 7, "%"),
        ("城镇新增就业人数", 5000, "人"),
    ]


def test_prose_with_a_pipe_line_opens_no_table():
    text = "首页\n|\n政务公开\n|\n政策文件\n\n全年完成改造任务，推进项目建设。\n"
    assert extract_text(text).tasks == ()


def test_a_table_after_a_page_header_with_pipes():
    lines = [f"{c.replace(chr(10), '')} |" if c else "|" for row in [_HEAD, *_CELLS] for c in row]
    text = (
        "首页 | 政务公开 | 政策文件\n\n"
        + _TITLE
        + "\n".join(lines)
        + _AFTER
        + "\n相关链接：\n|\n国务院\n|\n省政府\n"
    )
    assert task_rows(text) == _WANT
