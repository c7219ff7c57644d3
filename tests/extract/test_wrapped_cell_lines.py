"""Task tables pulled out of a PDF a cell a line, each cell wrapped over several lines at its
column's width (layout.py ``_rejoin_wrapped_cells``). The texts are invented."""

from __future__ import annotations

from taizhang.extract import extract_text

_HEAD = "序号\n工作任务\n牵头单位\n协办单位\n完成时间\n"


def _rows(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    result = extract_text(text)
    return [
        (t.text, t.lead_units, t.co_units, None if t.deadline is None else t.deadline.text.replace("\n", ""))
        for t in result.tasks
    ]


def test_a_task_sentence_wrapped_over_lines_is_one_cell():
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + _HEAD
        + "1\n完善农村垃圾收运体系，每个行政村配\n备保洁员不少于2名。\n"
        "县城管执法局\n各镇人民政府\n2025年9月底前\n"
        "2\n推进农村户厕问题摸排整改，建立\n长效管护台账。\n县农业农村局\n县卫生健康局\n2025年11月底前\n"
    )
    assert _rows(text) == [
        (
            "完善农村垃圾收运体系，每个行政村配备保洁员不少于2名。",
            ("县城管执法局",),
            ("各镇人民政府",),
            "2025年9月底前",
        ),
        (
            "推进农村户厕问题摸排整改，建立长效管护台账。",
            ("县农业农村局",),
            ("县卫生健康局",),
            "2025年11月底前",
        ),
    ]


def test_unit_names_and_dates_wrapped_at_a_narrow_column_are_joined():
    text = (
        "某县2025年乡村振兴重点工作分工表\n" + _HEAD + "1\n建设冷链物流集配中心。\n县商务和粮食\n局\n"
        "县供销合作社、\n县交通运输局\n2025年12\n月底前\n"
        "2\n开展高标准农田建设。\n县农业农村局\n县财政局、县自\n然资源局\n常态化推进\n"
    )
    assert _rows(text) == [
        ("建设冷链物流集配中心。", ("县商务和粮食局",), ("县供销合作社", "县交通运输局"), "2025年12月底前"),
        ("开展高标准农田建设。", ("县农业农村局",), ("县财政局", "县自然资源局"), "常态化推进"),
    ]


def test_a_sequence_heading_wrapped_and_repeated_after_a_page_break():
    head = "序\n号\n工作任务\n牵头单位\n协办单位\n完成时间\n"
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + head
        + "1\n建设冷链物流集配中心。\n县商务局\n县供销合作社\n2025年6月\n"
        "— 2 —\n"
        + head
        + "2\n开展高标准农田建设，新建\n高标准农田1万亩。\n县农业农村局\n县财政局\n2025年10月\n"
    )
    assert [r[0] for r in _rows(text)] == [
        "建设冷链物流集配中心。",
        "开展高标准农田建设，新建高标准农田1万亩。",
    ]


def test_a_table_whose_cells_fit_their_lines_is_read_as_it_stands():
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + _HEAD
        + "1\n建设冷链物流集配中心。\n县商务局\n县供销合作社\n2025年6月\n"
        "2\n开展高标准农田建设。\n县农业农村局\n县财政局\n2025年10月\n"
    )
    assert _rows(text) == [
        ("建设冷链物流集配中心。", ("县商务局",), ("县供销合作社",), "2025年6月"),
        ("开展高标准农田建设。", ("县农业农村局",), ("县财政局",), "2025年10月"),
    ]
