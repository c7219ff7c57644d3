"""Task division tables flattened to text (a crawl of a web page, the text of a PDF): a merged
measure, lead unit or deadline printed once, in its block's first row, and missing in the rows
below, in the middle of a row as well as at its start. One reading of a short row (rowfit) serves
every form: tab-separated rows, a cell a line, runs of spaces, markdown rows."""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.rowfit import fit_row, names_units

HEADER = ("序号", "主要措施", "重点任务", "完成时限", "牵头单位", "配合单位")
# None: a cell merged with the one above (printed once, missing from the row's text).
ROWS: tuple[tuple[str | None, ...], ...] = (
    (
        "1",
        "壮大特色产业",
        "推动食品加工园区扩区提质，新增规上企业8家",
        "2025年11月底前",
        "县工业和信息化局",
        "县发展改革局",
    ),
    (
        "2",
        None,
        "开展“链主”企业培育行动，培育链主企业3家",
        "2025年9月",
        "县商务局",
        "县财政局、县金融服务中心",
    ),
    ("3", "补齐民生短板", "新建乡镇敬老院2所", "2025年12月", "县民政局", "县住房城乡建设局"),
    ("4", None, "实施城乡供水一体化工程，新铺设供水管网40公里", None, "县水利局", "各乡镇人民政府"),
)
# (text opening, lead, co, (year, month)) of each row, as a reader of the printed table reads it.
WANT = [
    ("推动食品加工园区扩区提质", ("县工业和信息化局",), ("县发展改革局",), (2025, 11)),
    ("开展“链主”企业培育行动", ("县商务局",), ("县财政局", "县金融服务中心"), (2025, 9)),
    ("新建乡镇敬老院2所", ("县民政局",), ("县住房城乡建设局",), (2025, 12)),
    ("实施城乡供水一体化工程", ("县水利局",), ("各乡镇人民政府",), (2025, 12)),
]
TITLE = "某县2025年重点工作任务分解表"


def _present(row: tuple[str | None, ...]) -> list[str]:
    return [c for c in row if c is not None]


def _tabs() -> str:
    return "\n".join([TITLE, "\t".join(HEADER), *("\t".join(_present(r)) for r in ROWS)])


def _cell_lines() -> str:
    return "\n".join([TITLE, *HEADER, *(c for r in ROWS for c in _present(r))])


def _spaces() -> str:
    # joined by runs of spaces, not at fixed width (the columns do not line up)
    return "\n".join([TITLE, "  ".join(HEADER), *("   ".join(_present(r)) for r in ROWS)])


def _spaces_blank() -> str:
    # a merged cell left blank between runs of spaces: the gaps add up, and a cell may stand
    # under a column that is not its own
    return "\n".join([TITLE, "  ".join(HEADER), *("   ".join(c or "" for c in r) for r in ROWS)])


def _markdown() -> str:
    lines = [TITLE, "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(_present(r)) + " |" for r in ROWS]
    return "\n".join(lines)


def _read(
    text: str,
) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[int | None, int | None] | None]]:
    out = []
    for t in extract_text(text).tasks:
        d = t.deadline
        out.append((t.text, t.lead_units, t.co_units, (d.year, d.month) if d else None))
    return out


@pytest.mark.parametrize(
    "form",
    [_tabs, _cell_lines, _spaces, _spaces_blank, _markdown],
    ids=["tabs", "lines", "spaces", "spaces-blank", "md"],
)
def test_merged_cells_missing_in_the_middle_of_a_row_are_carried_down(form) -> None:
    got = _read(form())
    assert len(got) == len(WANT)
    for (text, lead, co, when), (g_text, g_lead, g_co, g_when) in zip(WANT, got, strict=True):
        assert g_text.startswith(text)
        assert (g_lead, g_co, g_when) == (lead, co, when), g_text


def test_fit_row_skips_merged_columns_by_what_the_cells_hold() -> None:
    roles = ["seq", "measure", "task", "deadline", "lead", "co"]
    # the measure and the lead unit merged: the units left are the co-units' ... or the lead's;
    # a lead column left out costs more than a blank co-unit cell
    assert fit_row(["2", "开展培育行动", "2025年9月", "县财政局"], roles) == [0, 2, 3, 4]
    # the measure and the deadline merged
    assert fit_row(["4", "实施供水工程", "县水利局", "各乡镇人民政府"], roles) == [0, 2, 4, 5]
    # nothing fits a unit column: no placement
    assert fit_row(["4", "实施供水工程", "推进管网改造"], ["seq", "task", "deadline", "lead"]) is None
    # a full row or a lone cell is not this rule's
    assert fit_row(["1", "a", "b"], ["seq", "task", "lead"]) is None


def test_work_that_ends_like_a_unit_name_is_no_unit_list() -> None:
    assert not names_units("新建乡镇敬老院2所")
    assert not names_units("建成区级养老服务中心")
    assert names_units("县民政局、县住房城乡建设局")
    assert names_units("各乡镇人民政府")


def test_aligned_columns_of_a_fixed_width_print_still_read_by_position() -> None:
    # a fixed-width print (as the text of a PDF): the blank co-unit cell of the second row is
    # told by the column its unit name stands under
    text = "\n".join(
        [
            "序号  重点任务                完成时限      牵头单位      配合单位",
            "1     建成县级物流分拨中心    2025年6月     县商务局      县交通运输局",
            "2     完成农村公路提质改造    2025年10月    县交通运输局",
        ]
    )
    got = _read(text)
    assert [(g[1], g[2]) for g in got] == [(("县商务局",), ("县交通运输局",)), (("县交通运输局",), ())]


def test_a_section_title_between_tab_separated_rows_keeps_the_table_whole() -> None:
    text = "\n".join(
        [
            TITLE,
            "\t".join(HEADER),
            "一、壮大特色产业",
            "\t".join(
                (
                    "1",
                    "培育龙头",
                    "推动食品加工园区扩区提质",
                    "2025年11月",
                    "县工业和信息化局",
                    "县发展改革局",
                )
            ),
            "二、补齐民生短板",
            "\t".join(("2", "兜牢底线", "新建乡镇敬老院2所", "2025年12月", "县民政局", "县财政局")),
        ]
    )
    got = [(t.ref, t.section, t.lead_units) for t in extract_text(text).tasks]
    assert got == [
        ("一.1", "壮大特色产业", ("县工业和信息化局",)),
        ("二.2", "补齐民生短板", ("县民政局",)),
    ]


@pytest.mark.parametrize(
    "cell", ["2024-12-31", "2024年6月30日", "12月31日前", "2024.6", "2024年6月-12月", "长期坚持"]
)
def test_deadline_cells_in_the_forms_tables_write_them(cell: str) -> None:
    assert fit_row(
        ["3", "完成老旧小区改造", cell, "区住建局"], ["seq", "measure", "task", "deadline", "lead", "co"]
    ) == [
        0,
        2,
        3,
        4,
    ]


def test_a_table_with_no_sequence_column_a_cell_a_line_gives_the_co_units_their_column() -> None:
    # no 序号: rows found by their cells; a second unit cell after the lead's fills the 配合单位
    # column, a list of units (with 、) before the next row's work is no title of that row
    text = "\n".join(
        [
            TITLE,
            "主要措施",
            "重点任务",
            "完成时限",
            "牵头单位",
            "配合单位",
            "壮大特色产业",
            "推动食品加工园区扩区提质，新增规上企业8家",
            "2025年11月底前",
            "县工业和信息化局",
            "县发展改革局、县商务局",
            "开展链主企业培育行动",
            "2025年9月",
            "县商务局",
            "县财政局",
            "补齐民生短板",
            "实施城乡供水一体化工程",
            "2025年12月",
            "县水利局",
            "各乡镇人民政府",
            "注：牵头单位负责统筹，配合单位按职责分工抓好落实。",
        ]
    )
    got = [(t.lead_units, t.co_units) for t in extract_text(text).tasks]
    assert got == [
        (("县工业和信息化局",), ("县发展改革局", "县商务局")),
        (("县商务局",), ("县财政局",)),
        (("县水利局",), ("各乡镇人民政府",)),
    ]


def test_a_spaced_row_whose_cells_stand_under_the_wrong_columns_is_read_by_what_they_hold() -> None:
    # blank merged cells between runs of spaces put the work under 主要措施 and the units under
    # 完成时限 / 牵头单位 by position: the cells do not fit there, so they are read in order
    text = "\n".join(
        [
            "  ".join(HEADER),
            "   ".join(
                (
                    "1",
                    "壮大特色产业",
                    "推动食品加工园区扩区提质",
                    "2025年11月",
                    "县工业和信息化局",
                    "县发展改革局",
                )
            ),
            "   ".join(("2", "", "开展职业技能培训1万人次", "", "县人力资源社会保障局", "县总工会")),
        ]
    )
    got = [(t.text, t.lead_units, t.co_units) for t in extract_text(text).tasks]
    assert got[1] == ("开展职业技能培训1万人次", ("县人力资源社会保障局",), ("县总工会",))


def _ruled_pdf(rows: list[list[str]], spans: list[tuple[int, int, int, int]], widths: list[int]) -> bytes:
    """A PDF of one ruled table whose cells wrap their text (each (r0, c0, r1, c1) of ``spans``
    merged, its text in the top-left cell)."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10)
    table = Table([[Paragraph(c, style) if c else "" for c in r] for r in rows], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                *(("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in spans),
            ]
        )
    )
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(
        [Paragraph("某县重点工作任务分解表的通知", style), table]
    )
    return out.getvalue()


def test_a_ruled_pdf_table_gives_each_merged_cell_to_the_rows_it_spans() -> None:
    # a title row across the table and a two-row heading (责任单位 over 牵头单位 / 配合单位, 序号 …
    # 完成时限 merged down) throw the PDF table's list of columns out of step: each merged position
    # is found by the extent of its own column and row
    from taizhang.extract import extract

    rows = [
        ["某县2025年重点工作任务分解表", "", "", "", "", ""],
        ["序号", "主要措施", "重点任务", "完成时限", "责任单位", ""],
        ["", "", "", "", "牵头单位", "配合单位"],
        [
            "1",
            "壮大特色产业",
            "推动食品加工园区扩区提质，新增规上企业8家",
            "2025年11月",
            "县工业和信息化局",
            "县发展改革局",
        ],
        ["2", "", "开展链主企业培育行动，培育链主企业3家", "2025年9月", "", "县财政局"],
        ["3", "补齐民生短板", "新建乡镇敬老院2所", "2025年12月", "县民政局", "县住房城乡建设局"],
    ]
    spans = [(0, 0, 0, 5), (1, 4, 1, 5), *((1, c, 2, c) for c in range(4)), (3, 1, 4, 1), (3, 4, 4, 4)]
    data = _ruled_pdf(rows, spans, [30, 90, 220, 80, 100, 120])
    tasks = extract(data, name="t.pdf").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("推动食品加工园区扩区提质，新增规上企业8家", ("县工业和信息化局",), ("县发展改革局",)),
        ("开展链主企业培育行动，培育链主企业3家", ("县工业和信息化局",), ("县财政局",)),
        ("新建乡镇敬老院2所", ("县民政局",), ("县住房城乡建设局",)),
    ]


def test_a_note_under_a_sheets_rows_is_no_task() -> None:
    # the note typed in the first column of a row of its own (not merged across), as a sheet
    # often has it: no task, and it takes no unit or deadline from the rows above
    from taizhang.extract import extract

    from .docfactory import xlsx_bytes

    rows = [
        [TITLE, None, None, None, None, None],
        list(HEADER),
        ["1", "壮大特色产业", "推动食品加工园区扩区提质", "2025年11月", "县工业和信息化局", "县发展改革局"],
        ["2", None, "开展链主企业培育行动", "2025年9月", "县商务局", "县财政局"],
        ["注：牵头单位负责统筹推进，配合单位按职责分工抓好落实。", None, None, None, None, None],
    ]
    tasks = extract(xlsx_bytes({"Sheet1": rows}, {"Sheet1": ["A1:F1", "B3:B4"]}), name="t.xlsx").tasks
    assert [t.text for t in tasks] == ["推动食品加工园区扩区提质", "开展链主企业培育行动"]


def test_a_spaced_heading_of_two_lines_gives_the_unit_columns_under_its_last_heading() -> None:
    # 责任单位 over 牵头单位 / 配合单位: the second line names the columns the last heading spans
    text = "\n".join(
        [
            TITLE,
            "  ".join(("序号", "主要措施", "重点任务", "完成时限", "责任单位")),
            " " * 40 + "牵头单位  配合单位",
            *("   ".join(_present(r)) for r in ROWS),
        ]
    )
    got = _read(text)
    assert [(g[1], g[2]) for g in got] == [(lead, co) for _, lead, co, _ in WANT]
