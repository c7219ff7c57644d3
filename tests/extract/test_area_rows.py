"""Targets handed out by area (街道, 镇, 园区) in a plan's annexed table: each row is its area's.

Texts written for these tests; the layouts are those of district plans' annexes (a row a 街镇 with
its targets as a paragraph; a grid of figures a column an indicator, its unit in the heading).
"""

from __future__ import annotations

from taizhang.extract import extract
from taizhang.extract.indicator_tables import area_rows, flat_area_rows
from taizhang.extract.layout import Cell, Grid
from taizhang.extract.normalise import working_text

from .docfactory import docx_bytes, xlsx_bytes

_BODY = (
    "某区2019年生活垃圾分类工作实施方案\n\n一、工作目标\n\n"
    "到2019年底，全区居住区垃圾分类达标率达到95%以上，其中40%的小区建成精品小区。\n\n附件\n\n"
)
_ROWS = (
    ("甲镇", "新增垃圾分类达标小区48个，其中40%的小区建成精品小区，湿垃圾分出量18.6吨/日。"),
    ("乙街道", "新增垃圾分类达标小区35个，其中40%的小区建成精品小区，湿垃圾分出量10.4吨/日。"),
    ("丙工业园区", "新增垃圾分类达标小区9个，其中40%的小区建成精品小区，湿垃圾分出量2.5吨/日。"),
)


def _paragraph_rows() -> str:
    cells = ["序号", "街镇（园区）", "目标任务"]
    for i, (area, targets) in enumerate(_ROWS, 1):
        cells += [str(i), area, targets]
    return _BODY + "2019年街镇（园区）生活垃圾分类目标任务分解表\n\n" + "\n\n".join(cells) + "\n"


def _records(name: str, data: bytes) -> list[tuple[str, float, str, int | None]]:
    return [(m.indicator, m.value, m.unit, m.year) for m in extract(data, name=name).metrics]


def test_each_area_row_keeps_its_repeated_share_and_names_its_area() -> None:
    got = _records("方案.txt", _paragraph_rows().encode("utf-8"))
    shares = [ind for ind, value, unit, _ in got if value == 40 and unit == "%"]
    # The body's share and one for each of the three areas: a repeat in another area's row is not
    # a repeat of the same metric.
    assert len(shares) == 4
    assert [s for s in shares if s.startswith(("甲镇", "乙街道", "丙工业园区"))] == shares[1:]
    rates = {(ind, value) for ind, value, unit, _ in got if unit == "吨/日"}
    assert rates == {
        ("甲镇湿垃圾分出量", 18.6),
        ("乙街道湿垃圾分出量", 10.4),
        ("丙工业园区湿垃圾分出量", 2.5),
    }
    counts = {ind for ind, _, unit, year in got if unit == "个" and year == 2019}
    assert counts == {
        "甲镇新增垃圾分类达标小区",
        "乙街道新增垃圾分类达标小区",
        "丙工业园区新增垃圾分类达标小区",
    }


def test_rows_with_no_sequence_column_are_found_by_the_areas_header() -> None:
    # 街镇（园区） / 目标任务 / 责任单位, then each row's area, targets and unit, a cell a paragraph.
    cells = ["街镇（园区）", "目标任务", "责任单位"]
    for area, targets in _ROWS:
        cells += [area, targets, "区绿化市容局"]
    text = _BODY + "2019年街镇（园区）生活垃圾分类目标任务分解表\n\n" + "\n\n".join(cells) + "\n"
    got = _records("方案.txt", text.encode("utf-8"))
    assert [ind for ind, value, _, _ in got if value == 40][1:] == [
        "甲镇新增垃圾分类达标小区的小区建成精品小区",
        "乙街道新增垃圾分类达标小区的小区建成精品小区",
        "丙工业园区新增垃圾分类达标小区的小区建成精品小区",
    ]
    assert ("丙工业园区湿垃圾分出量", 2.5, "吨/日", 2019) in got


def test_lines_of_areas_under_no_areas_header_are_not_rows() -> None:
    # Units named alone on their lines in a flattened task list are not areas' rows.
    cells = ["序号", "工作内容", "责任单位", "1", "新建公厕3座", "甲镇", "2", "新建公厕3座", "乙街道"]
    assert flat_area_rows(working_text("\n\n".join(cells))) == []


def test_docx_table_of_areas_reads_each_row_as_its_area() -> None:
    table = [["序号", "街镇（园区）", "目标任务"]] + [[str(i), a, t] for i, (a, t) in enumerate(_ROWS, 1)]
    data = docx_bytes(
        paragraphs=_BODY.split("\n\n")[:-1] + ["2019年街镇（园区）生活垃圾分类目标任务分解表"], table=table
    )
    got = _records("方案.docx", data)
    assert sum(1 for _, value, unit, _ in got if value == 40 and unit == "%") == 4
    assert ("乙街道湿垃圾分出量", 10.4, "吨/日", 2019) in got


def test_prose_repeats_are_still_one_metric() -> None:
    text = "到2019年底，湿垃圾分出量达到18.6吨/日。\n\n到2019年底，湿垃圾分出量达到18.6吨/日。\n"
    got = _records("方案.txt", text.encode("utf-8"))
    assert [r for r in got if r[1] == 18.6] == [("湿垃圾分出量", 18.6, "吨/日", 2019)]


def test_grid_of_figures_by_area_with_rates_and_blanks() -> None:
    cells = [
        "序号", "街镇", "精品小区（个）", "湿垃圾分出量（吨/日）", "可回收物回收量（吨/日）",
        "1", "甲镇", "30", "18.6", "/",
        "2", "乙街道", "-", "12.5", "4",
        "3", "丙工业园区", "18", "3", "1.5",
        "合计", "48", "45.03", "5.5",
    ]  # fmt: skip
    text = _BODY + "2019年各街镇生活垃圾分类目标任务分解表\n\n" + "\n\n".join(cells) + "\n"
    got = _records("方案.txt", text.encode("utf-8"))
    by_area = [r for r in got if r[0].startswith(("甲镇", "乙街道", "丙工业园区"))]
    assert sorted(by_area) == sorted(
        [
            ("甲镇精品小区", 30.0, "个", 2019),
            ("甲镇湿垃圾分出量", 18.6, "吨/日", 2019),
            ("乙街道湿垃圾分出量", 12.5, "吨/日", 2019),
            ("乙街道可回收物回收量", 4.0, "吨/日", 2019),
            ("丙工业园区精品小区", 18.0, "个", 2019),
            ("丙工业园区湿垃圾分出量", 3.0, "吨/日", 2019),
            ("丙工业园区可回收物回收量", 1.5, "吨/日", 2019),
        ]
    )
    # The total row is the whole's (no area named), one metric a column.
    assert ("精品小区", 48.0, "个", 2019) in got
    assert ("可回收物回收量", 5.5, "吨/日", 2019) in got


def _grid(text: str, rows: list[list[str]]) -> Grid:
    cells = []
    pos = 0
    for row in rows:
        out = []
        for c in row:
            at = text.index(c, pos)
            out.append(Cell(at, at + len(c)))
            pos = at + len(c)
        cells.append(tuple(out))
    return Grid(0, tuple(cells), cells[0][0].start, cells[-1][-1].end)


def test_area_rows_needs_areas() -> None:
    rows = [
        ["序号", "责任单位", "工作内容"],
        ["1", "区绿化市容局", "新建公厕3座"],
        ["2", "区建管委", "改造道路5条"],
    ]
    text = "\n".join("\t".join(r) for r in rows)
    assert area_rows(text, working_text(text), _grid(text, rows)) == []
    rows = [
        ["序号", "单位", "目标"],
        ["1", "甲镇", "新建公厕3座"],
        ["2", "乙街道", "新建公厕2座"],
        ["3", "合计", "5座"],
    ]
    text = "\n".join("\t".join(r) for r in rows)
    got = area_rows(text, working_text(text), _grid(text, rows))
    assert [(a.label, a.whole) for a in got] == [("甲镇", False), ("乙街道", False), ("合计", True)]
    rows = [
        ["序号", "区级责任单位", "目标"],
        ["1", "区绿化市容局", "新建公厕3座"],
        ["2", "区建管委", "改造道路5条"],
    ]
    text = "\n".join("\t".join(r) for r in rows)
    assert area_rows(text, working_text(text), _grid(text, rows)) == []


def test_flattened_rows_under_a_town_and_street_header() -> None:
    cells = ["序号", "镇（街道）", "目标任务"]
    for i, (area, targets) in enumerate(_ROWS, 1):
        cells += [str(i), area, targets]
    cells += ["全区", "新增垃圾分类达标小区92个"]
    work = working_text("\n\n".join(cells) + "\n\n二、工作要求\n")
    got = [(a.label, a.whole, work[a.label_end : a.end].strip()[:6]) for a in flat_area_rows(work)]
    assert got == [
        ("甲镇", False, "新增垃圾分类"),
        ("乙街道", False, "新增垃圾分类"),
        ("丙工业园区", False, "新增垃圾分类"),
        ("全区", True, "新增垃圾分类"),
    ]


def test_sheet_titled_in_its_first_row() -> None:
    # A sheet whose first row is the table's title, merged over the columns, then the header.
    title = ["2019年各街镇生活垃圾分类目标任务分解表", None, None, None]
    paragraphs = [["序号", "街镇（园区）", "目标任务"]] + [[i, a, t] for i, (a, t) in enumerate(_ROWS, 1)]
    got = _records("分解表.xlsx", xlsx_bytes({"Sheet1": [title[:3], *paragraphs]}, {"Sheet1": ["A1:C1"]}))
    assert sum(1 for _, value, unit, _ in got if value == 40 and unit == "%") == 3
    assert ("丙工业园区湿垃圾分出量", 2.5, "吨/日", 2019) in got
    grid = [
        title,
        ["序号", "街镇（园区）", "精品小区（个）", "湿垃圾分出量（吨/日）"],
        [1, "甲镇", 30, 18.6],
        [2, "乙街道", "/", 12.5],
        [None, "合计", 30, 42.03],
    ]
    got = _records("分解表.xlsx", xlsx_bytes({"Sheet1": grid}, {"Sheet1": ["A1:D1"]}))
    assert sorted(got) == sorted(
        [
            ("甲镇精品小区", 30.0, "个", 2019),
            ("甲镇湿垃圾分出量", 18.6, "吨/日", 2019),
            ("乙街道湿垃圾分出量", 12.5, "吨/日", 2019),
            ("精品小区", 30.0, "个", 2019),
            ("湿垃圾分出量", 42.03, "吨/日", 2019),
        ]
    )


def test_docx_grid_by_area_with_a_second_header_row() -> None:
    # The years under each indicator (merged over its two columns), then the rows; 合计 in the
    # sequence column.
    table = [
        [
            "序号",
            "街镇",
            "精品小区（个）",
            "精品小区（个）",
            "湿垃圾分出量（吨/日）",
            "湿垃圾分出量（吨/日）",
        ],
        ["", "", "2019年", "2020年", "2019年", "2020年"],
        ["1", "甲镇", "10", "20", "18.6", "31"],
        ["2", "乙街道", "5", "-", "12.5", "14"],
        ["合计", "", "15", "20", "42.03", "45"],
    ]
    merges = [(0, 2, 0, 3), (0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1)]
    title = ["某区生活垃圾分类三年行动计划（2019—2020年）", "附件", "2019—2020年各街镇目标任务分解表"]
    got = _records("计划.docx", docx_bytes(paragraphs=title, table=table, merges=merges))
    assert ("甲镇精品小区", 20.0, "个", 2020) in got
    assert ("乙街道湿垃圾分出量", 12.5, "吨/日", 2019) in got
    assert ("湿垃圾分出量", 45.0, "吨/日", 2020) in got
    assert len(got) == 11  # (乙街道's 2020 精品小区 is "-": none)
    # The units in a second header row, under their indicators.
    table = [
        ["序号", "街镇", "精品小区", "湿垃圾分出量"],
        ["", "", "（个）", "（吨/日）"],
        ["1", "甲镇", "10", "18.6"],
        ["2", "乙街道", "5", "12.5"],
    ]
    title = ["某区2019年生活垃圾分类工作方案", "附件", "2019年各街镇目标任务分解表"]
    got = _records(
        "方案.docx", docx_bytes(paragraphs=title, table=table, merges=[(0, 0, 1, 0), (0, 1, 1, 1)])
    )
    assert sorted(got) == [
        ("乙街道湿垃圾分出量", 12.5, "吨/日", 2019),
        ("乙街道精品小区", 5.0, "个", 2019),
        ("甲镇湿垃圾分出量", 18.6, "吨/日", 2019),
        ("甲镇精品小区", 10.0, "个", 2019),
    ]
