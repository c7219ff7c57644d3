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


def test_a_wrapped_row_whose_co_unit_cell_is_blank():
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + _HEAD
        + "1\n建设冷链物流集配中心。\n县商务局\n县供销合作社\n2025年6月\n"
        "2\n开展高标准农田建设，新建\n高标准农田1万亩。\n县农业农村局\n2025年10月\n"
    )
    assert _rows(text) == [
        ("建设冷链物流集配中心。", ("县商务局",), ("县供销合作社",), "2025年6月"),
        ("开展高标准农田建设，新建高标准农田1万亩。", ("县农业农村局",), (), "2025年10月"),
    ]


def test_a_title_column_and_a_sentence_column_both_wrapped_are_told_apart_by_their_widths():
    head = "序号\n重点任务\n具体措施\n牵头单位\n配合单位\n完成时限\n"
    text = (
        "某市2025年政务服务提升任务清单\n"
        + head
        + "1\n提升不动产登记\n效率\n推行不动产登记与水电气过户联办，\n"
        "办理时间压缩至3个工作日。\n市自然资源局\n市住建局\n2025年6月\n"
        "2\n优化涉企审批\n服务\n实行涉企经营许可告知承诺制，扩\n大容缺受理适用范围。\n市行政审批局\n市市场监管局\n持续推进\n"
    )
    result = extract_text(text)
    assert [(t.measure, t.text, t.lead_units) for t in result.tasks] == [
        (
            "提升不动产登记效率",
            "推行不动产登记与水电气过户联办，办理时间压缩至3个工作日。",
            ("市自然资源局",),
        ),
        ("优化涉企审批服务", "实行涉企经营许可告知承诺制，扩大容缺受理适用范围。", ("市行政审批局",)),
    ]


def test_a_row_broken_by_a_page_keeps_its_cells_and_leaves_the_page_furniture_out():
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + _HEAD
        + "1\n建设冷链物流集配中心。\n县商务局\n县供销合作社\n2025年6月\n"
        "2\n开展高标准农田建设，新建\n— 2 —\n"
        + _HEAD
        + "高标准农田1万亩。\n县农业农村局\n县财政局\n2025年10月\n"
        "3\n建设乡村医疗服务站。\n县卫生健康局\n县第一人民医院\n2025年12月\n"
    )
    rows = _rows(text)
    assert [r[1:] for r in rows] == [
        (("县商务局",), ("县供销合作社",), "2025年6月"),
        (("县农业农村局",), ("县财政局",), "2025年10月"),
        (("县卫生健康局",), ("县第一人民医院",), "2025年12月"),
    ]
    assert "序号" not in rows[1][0] and rows[1][0].startswith("开展高标准农田建设")


def test_a_parent_unit_heading_right_before_its_children_gives_way_to_them():
    head = "序号\n工作任务\n责任单位\n牵头单位\n协办单位\n完成时间\n"
    text = (
        "某县2025年乡村振兴重点工作分工表\n"
        + head
        + "1\n建设冷链物流集配中心，完善\n县乡村三级物流网络。\n县商务局\n"
        "县供销合作社、县\n交通运输局\n2025年6月\n2\n开展高标准农田建设。\n县农业农村局\n县财政局\n2025年10月\n"
    )
    assert _rows(text) == [
        (
            "建设冷链物流集配中心，完善县乡村三级物流网络。",
            ("县商务局",),
            ("县供销合作社", "县交通运输局"),
            "2025年6月",
        ),
        ("开展高标准农田建设。", ("县农业农村局",), ("县财政局",), "2025年10月"),
    ]
