"""Task tables given as real tables (as docx, xlsx, html and pdf readers produce them)."""

from __future__ import annotations

import pytest

from taizhang.extract import extract, extract_source, extract_text
from taizhang.extract.confidence import Doubt
from taizhang.extract.model import Paragraph, Source, Table

HEADER = ("序号", "主要措施", "重点任务", "完成时限", "牵头单位", "协办单位")


def _table(rows: list[tuple[str, ...]], merged: list[tuple[bool, ...]]) -> Table:
    return Table(rows=tuple(rows), merged=tuple(merged))


def _merged_table() -> Table:
    no = (False,) * 6
    rows = [
        ("某区任务分解表",) * 6,
        HEADER,
        ("一、优化政务服务",) * 6,
        ("1", "推进政务服务集成", "建设综合窗口。", "2024年12月", "区政务服务数据管理局", "各街道办"),
        (
            "2",
            "推进政务服务集成",
            "推行帮办代办，到2025年覆盖100%事项。",
            "2025年6月",
            "区政务服务数据管理局",
            "——",
        ),
        ("3", "提升法治保障", "设立商事调解中心。", "常态化推进", "区司法局、区法院", "区检察院"),
    ]
    merged = [
        (False,) + (True,) * 5,
        no,
        (False,) + (True,) * 5,
        no,
        (False, True, False, False, True, False),  # measure and lead merged with the row above
        no,
    ]
    return _table(rows, merged)


class RealTableTestCase:
    def test_it_reads_tasks_from_a_table_with_merged_cells(self) -> None:
        result = extract_source(
            Source("plan.docx", "docx", (Paragraph("某区营商环境任务分解表"), _merged_table()))
        )
        got = [(t.ref, t.measure, t.text, t.lead_units, t.co_units) for t in result.tasks]
        assert got == [
            ("一.1", "推进政务服务集成", "建设综合窗口。", ("区政务服务数据管理局",), ("各街道办",)),
            (
                "一.2",
                "推进政务服务集成",
                "推行帮办代办，到2025年覆盖100%事项。",
                ("区政务服务数据管理局",),
                (),
            ),
            ("一.3", "提升法治保障", "设立商事调解中心。", ("区司法局", "区法院"), ("区检察院",)),
        ]
        assert [t.deadline.kind if t.deadline else None for t in result.tasks] == [
            "month",
            "month",
            "ongoing",
        ]

    def test_every_task_of_a_table_names_its_cell_and_offsets(self) -> None:
        result = extract_source(Source("plan.docx", "docx", (Paragraph("标题"), _merged_table())))
        for task in result.tasks:
            (cell,) = task.cells
            assert cell.table == 0 and cell.col == 2
            assert result.text[task.span.start : task.span.end] == task.text

    def test_a_table_that_is_not_a_task_table_gives_no_task(self) -> None:
        table = _table(
            [("指标", "2020年", "2025年"), ("地区生产总值", "2375亿元", "3000亿元")], [(False,) * 3] * 2
        )
        result = extract_source(Source("t.xlsx", "xlsx", (table,)))
        assert result.tasks == ()

    def test_a_repeated_heading_row_is_not_a_task(self) -> None:
        no = (False,) * 6
        rows = [
            HEADER,
            ("1", "措施甲", "任务一。", "2024年12月", "区科技局", "——"),
            HEADER,
            ("2", "措施甲", "任务二。", "2024年12月", "区科技局", "——"),
        ]
        result = extract_source(Source("t.docx", "docx", (_table(rows, [no] * 4),)))
        assert [t.text for t in result.tasks] == ["任务一。", "任务二。"]


class HeadingVariantsTestCase:
    def test_two_task_like_columns_are_measure_then_task_and_a_leader_column_is_no_unit(self) -> None:
        no = (False,) * 6
        rows = [
            ("序号", "重点任务", "具体措施", "牵头领导", "责任单位", "完成时限"),
            ("1", "1.提升审批效率", "（1）压缩审批时限。", "张三", "区政数局", "2024年底"),
            ("2", "1.提升审批效率", "（2）推行告知承诺。", "张三", "区司法局", "2025年6月"),
        ]
        merged = [no, no, (False, True, False, True, False, False)]
        result = extract_source(Source("t.xlsx", "xlsx", (_table(rows, merged),)))
        got = [(t.ref, t.measure, t.text, t.lead_units) for t in result.tasks]
        assert got == [
            ("1.1", "提升审批效率", "压缩审批时限。", ("区政数局",)),
            ("1.2", "提升审批效率", "推行告知承诺。", ("区司法局",)),
        ]

    def test_units_listed_beside_a_named_lead_unit_are_co_units(self) -> None:
        rows = [
            ("序号", "工作任务", "牵头单位", "责任单位", "完成时限"),
            ("1", "建设企业服务平台。", "区企业服务中心", "区政数局、各街道办", "2024年12月"),
        ]
        result = extract_source(Source("t.xlsx", "xlsx", (_table(rows, [(False,) * 5] * 2),)))
        (task,) = result.tasks
        assert task.lead_units == ("区企业服务中心",)
        assert task.co_units == ("区政数局", "各街道办")

    def test_other_headings_of_the_same_columns_and_a_deadline_of_the_documents_year(self) -> None:
        rows = [
            ("序号", "工作要点", "责任主体", "协同部门", "时间要求"),
            ("1", "推行企业开办一日办结。", "区市场监管局", "区税务局", "年底前"),
            ("2", "开展政策宣讲。", "区工业和信息化局", "——", "每季度"),
        ]
        title = Paragraph("某区2024年优化营商环境工作要点")
        result = extract_source(Source("t.docx", "docx", (title, _table(rows, [(False,) * 5] * 3))))
        got = [(t.text, t.lead_units, t.co_units, t.deadline and t.deadline.to_dict()) for t in result.tasks]
        assert [
            (text, lead, co, d and {k: v for k, v in d.items() if k != "text"}) for text, lead, co, d in got
        ] == [
            (
                "推行企业开办一日办结。",
                ("区市场监管局",),
                ("区税务局",),
                {"kind": "month", "year": 2024, "month": 12},
            ),
            ("开展政策宣讲。", ("区工业和信息化局",), (), {"kind": "ongoing"}),
        ]


class LayoutTableTestCase:
    def test_a_page_laid_out_in_a_one_cell_table_is_running_text(self) -> None:
        # Government web pages often put the whole document in one table cell.
        page = "某某工作方案\n一、重点任务\n（一）推进数据共享。建设共享平台。（省大数据局负责）\n（二）优化服务。（省政务服务中心负责）"
        meta = Table(rows=(("索引号：000014349/2018-00204", "索引号：000014349/2018-00204"),))
        result = extract_source(Source("page.html", "html", (meta, Table(rows=((page,),)))))
        assert [(t.ref, t.lead_units) for t in result.tasks] == [
            ("一.(一)", ("省大数据局",)),
            ("一.(二)", ("省政务服务中心",)),
        ]


# A task table copied out of a web page a cell a paragraph, its 事项 and 责任单位 cells merged down
# their blocks (printed once), a section's title across the table between two blocks.
_MERGED_BLOCKS = (
    "任务分工表\n\n序号\n\n事项\n\n工作措施\n\n责任单位\n\n"
    "1\n\n“光伏+地铁”工程\n\n充分利用轨道交通内既有高架车站等资源，进行光伏项目的开发和建设\n\n申通地铁集团\n\n"
    "2\n\n新建高架车站、地面车站等要求屋顶光伏覆盖面积达到50%\n\n"
    "3\n\n配合分布式储能、电动车充电系统，打造公交场站“光储充”一体化模式\n\n"
    "4\n\n合理规范利用河道沿线设施和场所，探索光伏应用的可行性\n\n市交通委、市水务局\n\n"
    "建立健全推进机制\n\n"
    "5\n\n健全商业运营模式\n\n建立以市场化竞争配置为主的项目开发管理机制\n\n市交通委、市经济信息化委\n\n"
    "6\n\n研究制订绿电交易规则\n\n市发展改革委\n"
)


def test_a_table_read_from_the_general_to_the_detail_with_merged_cells():
    tasks = extract(_MERGED_BLOCKS.encode("utf-8"), name="分工表.txt").tasks
    got = [(t.ref, t.measure, t.text, t.lead_units, t.co_units) for t in tasks]
    assert got == [
        (
            "1",
            "“光伏+地铁”工程",
            "充分利用轨道交通内既有高架车站等资源，进行光伏项目的开发和建设",
            ("申通地铁集团",),
            (),
        ),
        (
            "2",
            "“光伏+地铁”工程",
            "新建高架车站、地面车站等要求屋顶光伏覆盖面积达到50%",
            ("申通地铁集团",),
            (),
        ),
        # 配合 a thing ("together with"), not a unit cooperating: the block's unit still leads.
        (
            "3",
            "“光伏+地铁”工程",
            "配合分布式储能、电动车充电系统，打造公交场站“光储充”一体化模式",
            ("申通地铁集团",),
            (),
        ),
        (
            "4",
            "“光伏+地铁”工程",
            "合理规范利用河道沿线设施和场所，探索光伏应用的可行性",
            ("市交通委", "市水务局"),
            (),
        ),
        (
            "5",
            "健全商业运营模式",
            "建立以市场化竞争配置为主的项目开发管理机制",
            ("市交通委", "市经济信息化委"),
            (),
        ),
        ("6", "健全商业运营模式", "研究制订绿电交易规则", ("市发展改革委",), ()),
    ]


def test_a_table_with_a_measure_column_and_no_task_column_reads_the_measures_as_tasks() -> None:
    # A heading row of 主要措施 / 牵头单位 / 完成时限 and no 重点任务 column: the measure column is
    # the work (this layout once raised KeyError in the header reader).
    from taizhang.extract import extract_text

    text = (
        "某区2025年工作任务分解表\n\n"
        "| 序号 | 主要措施 | 牵头单位 | 完成时限 |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | 优化企业开办流程，推行一网通办 | 区市场监管局 | 2025年6月底前 |\n"
        "| 2 | 建设企业服务平台港企服务专区 | 区工业和信息化局 | 2025年12月底前 |\n"
    )
    result = extract_text(text)
    assert [t.lead_units for t in result.tasks] == [("区市场监管局",), ("区工业和信息化局",)]
    assert [t.text for t in result.tasks][0].startswith("优化企业开办流程")


# A task table as a web crawl flattens it: a cell a line, each closed by " |"; the 责任领导 column
# names a person, not a unit.
_PIPE_CLOSED_CELLS = (
    "2024年园区重点工作清单\n"
    "序号 |\n工作内容 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
    "1 |\n推进园区道路改造,完成主干道 提升工程。 |\n王某 |\n建设局、城管中心 |\n年底前 |\n"
    "2 |\n开展企业走访服务。 |\n李某 |\n经济发展局 |\n全年 |\n"
)


def test_a_table_a_cell_a_line_closed_by_pipes_is_read_as_a_table():
    tasks = extract(_PIPE_CLOSED_CELLS.encode("utf-8"), name="清单.txt").tasks
    got = [
        (t.ref, t.text, t.lead_units, t.deadline and (t.deadline.kind, t.deadline.year, t.deadline.month))
        for t in tasks
    ]
    assert got == [
        ("1", "推进园区道路改造,完成主干道 提升工程。", ("建设局", "城管中心"), ("month", 2024, 12)),
        ("2", "开展企业走访服务。", ("经济发展局",), ("year", 2024, None)),
    ]


# A reform timetable copied a cell a paragraph: its sequence column headed 项目序号, two headings
# wrapped over two lines, the 任务类型 cell merged over the rows of its block (printed once), the
# units of a cell one a line (an alias on its own line continues the name above), and a 配合 cell
# left empty (no paragraph for it).
_TIMETABLE = (
    "某区管理体制改革任务时间表\n\n项目序号\n\n任务\n类型\n\n改革任务\n\n工作要求\n\n完成时间\n\n责任部门\n（单位）\n\n"
    "配合部门\n（单位）\n\n"
    "1\n\n稳妥推进移交\n\n工作专班组建\n\n成立区级工作专班。\n\n2030年3月\n\n区政府\n\n区住房保障局\n\n"
    "2\n\n底数清单梳理\n\n完成设施底数清单。\n\n2030年6月\n\n区市政管理委\n（区道路局）\n某某运营集团\n\n区财政局\n\n"
    "3\n\n人员安置\n\n完成人员意愿征询。\n\n2030年9月\n\n某某运营集团\n\n"
    "4\n\n健全运行机制\n\n考核办法制定\n\n配合市级部门制定考核办法。\n\n2031年汛期前\n\n区防汛办\n\n区市政管理委\n"
)


def test_a_timetable_with_wrapped_headings_and_merged_type_cells_is_read_by_its_date():
    tasks = extract(_TIMETABLE.encode("utf-8"), name="时间表.txt").tasks
    got = [(t.measure, t.text, t.lead_units, t.co_units, t.deadline and t.deadline.text) for t in tasks]
    assert got == [
        ("稳妥推进移交", "成立区级工作专班。", ("区政府",), ("区住房保障局",), "2030年3月"),
        (
            "稳妥推进移交",
            "完成设施底数清单。",
            ("区市政管理委（区道路局）", "某某运营集团"),
            ("区财政局",),
            "2030年6月",
        ),
        # the one unit cell is the lead's; the 配合 cell was blank, not merged with the row above
        ("稳妥推进移交", "完成人员意愿征询。", ("某某运营集团",), (), "2030年9月"),
        # 配合市级部门…: the row's own 责任 column still names its lead (the table has a 配合 column)
        ("健全运行机制", "配合市级部门制定考核办法。", ("区防汛办",), ("区市政管理委",), "2031年汛期前"),
    ]


# A task list whose 序号 column was left empty: each row ends with its two unit cells ("/" for
# none); a row with one more text cell opens a new 任务名称 (merged over the rows below it).
_UNNUMBERED = (
    "附件1：\n\n某区工作方案任务清单\n\n序号\n\n任务名称\n\n任务内容\n\n责任单位\n\n配合单位\n\n"
    "加强宣传引导\n\n在车站、商圈等场所开展主题宣传，重点做好流动人群的宣传引导。\n\n区文旅局、区商务委\n\n各街镇\n\n"
    "开展常态化培训，重点做好租住人群的告知工作。\n\n各街镇\n\n/\n\n"
    "完善设施配置\n\n到2031年，完成120个投放点改造。\n\n区绿化市容局\n区房管局\n\n某某物业集团\n\n"
    "附件2：\n\n某区指标分解表\n"
)


def test_a_task_list_with_no_row_numbers_is_read_row_by_row_up_to_its_unit_cells():
    tasks = extract(_UNNUMBERED.encode("utf-8"), name="清单.txt").tasks
    got = [(t.measure, t.text, t.lead_units, t.co_units, t.deadline and t.deadline.year) for t in tasks]
    assert got == [
        (
            "加强宣传引导",
            "在车站、商圈等场所开展主题宣传，重点做好流动人群的宣传引导。",
            ("区文旅局", "区商务委"),
            ("各街镇",),
            None,
        ),
        ("加强宣传引导", "开展常态化培训，重点做好租住人群的告知工作。", ("各街镇",), (), None),
        (
            "完善设施配置",
            "到2031年，完成120个投放点改造。",
            ("区绿化市容局", "区房管局"),
            ("某某物业集团",),
            2031,
        ),
    ]


def test_a_unit_cell_one_name_a_line_is_split_only_between_whole_names():
    from taizhang.extract.tables import _unit_lines
    from taizhang.extract.units import parse_roles, working_text

    def units(cell: str) -> tuple[str, ...]:
        return parse_roles(*_unit_lines(cell, working_text(cell))).lead

    assert units("区市政管理委\n（区道路局）\n某某运营集团") == ("区市政管理委（区道路局）", "某某运营集团")
    assert units("区发展和改革委员会\n办公室") == ("区发展和改革委员会办公室",)
    assert units("区绿化市容局、\n区商务委") == ("区绿化市容局", "区商务委")


def test_an_inventory_by_category_and_operator_is_no_task_table():
    inventory = (
        "附件2\n\n拟移交设施汇总表\n\n序号\n\n类别\n\n名称\n\n明细\n\n原运维管理单位\n\n"
        "1\n\n管网\n\n雨水管道\n\n主管10公里\n\n某某养护公司\n\n2\n\n泵站\n\n排水泵站\n\n2座\n\n某某建设公司\n"
    )
    assert extract(inventory.encode("utf-8"), name="汇总表.txt").tasks == ()


# A list of livelihood projects copied a cell a paragraph: a unit cell listing its units a
# paragraph each, and a numbered row holding two items, the second with its own date and the unit
# cell merged over both (invented names and projects).
_STACKED_UNITS = (
    "某县2030年民生实事任务分解表\n\n序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
    "1\n\n改造城区供水管网。\n\n县水利局\n\n县城投公司\n\n6月底前\n\n"
    "2\n\n新建社区食堂3个。\n\n县民政局\n\n9月底前\n\n开设老年课堂。\n\n12月底前\n\n"
    "3\n\n建成全民健身中心。\n\n县体育局\n\n12月底前\n"
)


def test_a_flattened_table_with_stacked_unit_paragraphs_and_two_items_in_a_row():
    tasks = extract(_STACKED_UNITS.encode("utf-8"), name="实事.txt").tasks
    got = [
        (t.ref, t.text, t.lead_units, t.deadline and (t.deadline.kind, t.deadline.year, t.deadline.month))
        for t in tasks
    ]
    assert got == [
        ("1", "改造城区供水管网。", ("县水利局", "县城投公司"), ("month", 2030, 6)),
        ("2", "新建社区食堂3个。", ("县民政局",), ("month", 2030, 9)),
        ("2", "开设老年课堂。", ("县民政局",), ("month", 2030, 12)),
        ("3", "建成全民健身中心。", ("县体育局",), ("month", 2030, 12)),
    ]


def test_a_flattened_table_with_one_paragraph_a_cell_is_read_as_before():
    text = (
        "某县任务表\n\n序号\n\n工作任务\n\n责任单位\n\n完成时限\n\n"
        "1\n\n改造城区供水管网。\n\n县水利局\n\n6月底前\n\n2\n\n建成全民健身中心。\n\n县体育局\n\n12月底前\n"
    )
    tasks = extract(text.encode("utf-8"), name="表.txt").tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("改造城区供水管网。", ("县水利局",)),
        ("建成全民健身中心。", ("县体育局",)),
    ]


# A key-project list whose columns runs of spaces separate, a row a line (invented projects).
_SPACED_COLUMNS = (
    "某区2030年重点民生项目清单\n\n"
    "序号    项目名称          建设内容                    完成时限      责任单位\n"
    "1       城区供水改造      改造城区供水管网20公里。    2030年6月     区水务局\n"
    "2       社区食堂建设      新建社区食堂3个。           2030年9月     区民政局、各街道\n"
    "3       全民健身中心      建成全民健身中心。          2030年12月    区体育局\n\n"
    "以上项目纳入年度考核。\n"
)


def test_a_table_whose_columns_runs_of_spaces_separate_is_read_row_by_row():
    tasks = extract(_SPACED_COLUMNS.encode("utf-8"), name="清单.txt").tasks
    got = [(t.ref, t.measure, t.text, t.lead_units, t.deadline and t.deadline.month) for t in tasks]
    assert got == [
        ("1", "城区供水改造", "改造城区供水管网20公里。", ("区水务局",), 6),
        ("2", "社区食堂建设", "新建社区食堂3个。", ("区民政局", "各街道"), 9),
        ("3", "全民健身中心", "建成全民健身中心。", ("区体育局",), 12),
    ]


def test_a_double_space_in_running_text_makes_no_table():
    text = (
        "某区工作方案\n一、主要任务\n1.推进供水改造。责任单位  区水务局\n2.建设社区食堂。责任单位:区民政局\n"
    )
    assert find_text_grids_count(text) == 0


def find_text_grids_count(text: str) -> int:
    from taizhang.extract.layout import _space_column_grids
    from taizhang.extract.normalise import working_text

    work = working_text(text)
    return len(_space_column_grids(work, 0, len(work)))


def test_a_table_a_row_a_line_with_every_cell_closed_by_a_pipe_is_read():
    # A crawl of a web table: cells separated and closed by " | ", none opened by one; a column of
    # people (责任人) beside the units (invented names).
    text = (
        "某县2030年民生实事完成情况\n"
        "序号 | 项 目 内 容 | 年度完成情况 | 责任单位 | 责任人 |\n"
        "1 | 新增托位100个 | 新增托位120个。 | 县卫健局 | 张三 |\n"
        "2 | 改造农贸市场2个 | 完成改造2个。 | 县商务局 | 李四 |\n"
    )
    tasks = extract(text.encode("utf-8"), name="完成情况.txt").tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("1", "新增托位100个", ("县卫健局",)),
        ("2", "改造农贸市场2个", ("县商务局",)),
    ]


def test_a_flattened_table_with_letter_spaced_headings_is_read():
    text = (
        "某市2030年重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责 任 单 位\n\n"
        "1\n\n推进城市更新行动。\n\n市住房城乡建设局\n\n2\n\n建设社区食堂20家。\n\n市民政局\n"
    )
    tasks = extract(text.encode("utf-8"), name="分解.txt").tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("1", "推进城市更新行动。", ("市住房城乡建设局",)),
        ("2", "建设社区食堂20家。", ("市民政局",)),
    ]


def test_a_web_table_flattened_a_cell_a_line_with_no_blank_lines_is_read():
    text = (
        "某县2030年民生实事任务分解表\n序号\n民生实事\n责任单位\n完成时限\n"
        "1\n改造城区供水管网。\n县水利局\n县城投公司\n6月底前\n"
        "2\n建成全民健身中心。\n县体育局\n12月底前\n"
    )
    tasks = extract(text.encode("utf-8"), name="实事.txt").tasks
    assert [(t.ref, t.text, t.lead_units, t.deadline and t.deadline.month) for t in tasks] == [
        ("1", "改造城区供水管网。", ("县水利局", "县城投公司"), 6),
        ("2", "建成全民健身中心。", ("县体育局",), 12),
    ]


def test_a_sequence_heading_in_running_lines_without_column_headings_makes_no_table():
    text = "某县工作方案\n序号\n以下按序号排列各项工作。\n1\n改造城区供水管网。\n"
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert all(t.lead_units == () for t in tasks)


# A project list copied a cell a paragraph with no sequence column; a unit cell listing its units a
# paragraph each, and a project whose name ends like a unit's (invented projects).
_NO_SEQUENCE = (
    "某县2030年重点民生项目\n\n项目名称\n\n建设内容\n\n完成时限\n\n责任单位\n\n"
    "城区供水改造\n\n改造城区供水管网20公里。\n\n2030年6月\n\n县水利局\n\n县城投公司\n\n"
    "全民健身中心\n\n建成全民健身中心。\n\n2030年12月\n\n县体育局\n\n以上项目纳入年度考核。\n"
)


@pytest.mark.parametrize("text", [_NO_SEQUENCE, _NO_SEQUENCE.replace("\n\n", "\n")])
def test_a_flattened_table_with_no_sequence_column_is_read_by_what_its_paragraphs_are(text):
    tasks = extract(text.encode("utf-8"), name="项目.txt").tasks
    assert [(t.measure, t.text, t.lead_units, t.deadline and t.deadline.month) for t in tasks] == [
        ("城区供水改造", "改造城区供水管网20公里。", ("县水利局", "县城投公司"), 6),
        ("全民健身中心", "建成全民健身中心。", ("县体育局",), 12),
    ]


def test_a_spaced_table_is_read_by_where_its_cells_stand_under_the_headings():
    # A wrapped cell's second line does not end the table; a row with blank cells keeps its cells
    # under their headings (invented projects).
    text = (
        "某区2030年重点民生项目清单\n\n"
        "序号    项目名称          建设内容                    完成时限      责任单位\n"
        "1       城区供水改造      改造城区供水管网20公里,     2030年6月     区水务局\n"
        "                          更新泵站2座。\n"
        "2       社区食堂建设      新建社区食堂3个。           2030年9月     区民政局\n"
        "3                         新建长者照护之家2家。                     区卫健委\n\n"
        "以上项目纳入年度考核。\n"
    )
    tasks = extract(text.encode("utf-8"), name="清单.txt").tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("1", "改造城区供水管网20公里,", ("区水务局",)),
        ("2", "新建社区食堂3个。", ("区民政局",)),
        ("3", "新建长者照护之家2家。", ("区卫健委",)),
    ]


def test_a_two_row_heading_flattened_puts_the_unit_columns_under_their_parent():
    # 责任单位 spans 牵头单位 and 配合单位, whose headings come after 完成时限 once flattened.
    text = (
        "某县2030年重点工作任务分解表\n\n序号\n\n工作任务\n\n责任单位\n\n完成时限\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n改造城区供水管网。\n\n县水利局\n\n县财政局\n\n6月底前\n\n"
        "2\n\n建成全民健身中心。\n\n县体育局\n\n县住建局\n\n12月底前\n"
    )
    tasks = extract(text.encode("utf-8"), name="分解表.txt").tasks
    assert [(t.text, t.lead_units, t.co_units, t.deadline and t.deadline.month) for t in tasks] == [
        ("改造城区供水管网。", ("县水利局",), ("县财政局",), 6),
        ("建成全民健身中心。", ("县体育局",), ("县住建局",), 12),
    ]


# A progress table of livelihood projects as a crawl writes it: cells closed by pipes, a row a
# line; a project's further targets have no number and no unit (merged from the row above in the
# printed table), the crawl pads them with blank cells at the end of the line. (Made up.)
_PADDED_PROGRESS = """某县2031年民生实事项目进展情况表(截至6月底)
序号 | 项目内容 | 进展情况 | 责任单位 |
1 | 新建城乡公交候车亭20座。 | 已建成候车亭12座。 | 县交通局 |
新开通镇村公交线路4条。 | 已开通镇村公交线路3条。 | ||
2 | 改造农贸市场3家。 | 已完成改造2家。 | 县商务局 |
"""

# A table grouped by a category merged down its block: the rows below the first lack the
# category cell; a column of the leaders in charge names people, not units. (Made up.)
_CATEGORY_AND_LEADER = """类别 | 项目名称 | 2031年度任务目标 | 责任单位 | 分管县领导 | 1-6月完成情况 |
一、教育 | 1.新建实验小学 | 建成实验小学1所。 | 县教育局 | 王某某 | 主体结构已封顶。 |
2.改造农村学校操场 | 改造农村学校操场8处。 | 县教育局 | 王某某 | 已改造操场5处,参与率100%,完成工程量的60%。 | |
"""


def test_a_padded_row_of_a_crawled_table_moves_past_its_merged_number():
    tasks = extract(_PADDED_PROGRESS.encode("utf-8"), name="进展.txt").tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("1", "新建城乡公交候车亭20座。", ("县交通局",)),
        (None, "新开通镇村公交线路4条。", ("县交通局",)),
        ("2", "改造农贸市场3家。", ("县商务局",)),
    ]
    assert all(t.deadline is None for t in tasks)  # (截至6月底) dates the report


def test_a_row_without_its_merged_category_and_a_leader_column_keep_units_and_tasks_apart():
    result = extract(_CATEGORY_AND_LEADER.encode("utf-8"), name="进展.txt")
    assert [(t.text, t.lead_units) for t in result.tasks] == [
        ("建成实验小学1所。", ("县教育局",)),
        ("改造农村学校操场8处。", ("县教育局",)),
    ]
    got = {(m.kind, m.value, m.unit, m.year) for m in result.metrics}
    assert ("target", 8.0, "处", 2031) in got  # the year the task column's heading names
    assert ("actual", 5.0, "处", 2031) in got  # a progress cell reports
    assert ("actual", 100.0, "%", 2031) in got  # a rate
    assert not any(m.value == 60.0 for m in result.metrics)  # how far the work is built


@pytest.mark.parametrize(
    "heading",
    [
        "分管县领导",
        "牵头县领导",
        "县政府分线领导",
        "分管市领导",
        "区政府分管领导",
        "责任领导",
        "牵头县政府领导",
    ],
)
def test_a_heading_naming_leaders_is_a_column_of_people(heading):
    from taizhang.extract.lexicon import column_role

    assert column_role(heading) == "person"


# A further target alone on its row, padded to the table's width; a section row names no figure.
# (Made up.)
_LONE_TARGET = """信息来源:县政府办(督查室)
序号 | 工作任务 | 责任单位 | 季度目标 | 完成情况 |
一、教育 | ||||
1 | 新建公办幼儿园2所 | 县教育局 | 主体施工 | 顺利推进 |
新增学位540个 | ||||
2 | 改造农村卫生室15家 | 县卫健局 | 完成招标 | 顺利推进 |
"""


def test_a_lone_target_on_a_padded_row_is_a_task_and_a_section_row_is_not():
    tasks = extract(_LONE_TARGET.encode("utf-8"), name="进展.txt").tasks
    assert [(t.text, t.lead_units, t.section) for t in tasks] == [
        ("新建公办幼儿园2所", ("县教育局",), "教育"),
        ("新增学位540个", ("县教育局",), "教育"),
        ("改造农村卫生室15家", ("县卫健局",), "教育"),
    ]  # and the page's 信息来源 line with its bracket gives no task


# A progress table whose lead column names the head of each unit after it (牵头单位及主要负责人).
# (Made up.)
_HEADS_TABLE = """序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |
1 | 新建社区食堂20家。 | 张某某 | 市民政局 李某某 | 已建成12家。 |
2 | 改造老旧电梯300台。 | 王某 | 市市场监管局 赵某、市住建局 钱某某 | 已改造150台。 |
"""


def test_a_lead_column_that_names_each_units_head_keeps_the_units_only():
    tasks = extract_text(_HEADS_TABLE).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("新建社区食堂20家。", ("市民政局",)),
        ("改造老旧电梯300台。", ("市市场监管局", "市住建局")),
    ]


# A progress table of a year's key work as a crawl flattens it, a cell a line closed by " |": the
# 主要任务 cell is the work, the 全年目标任务 beside it the year's goal; a leader's name (分管 领导,
# its heading spaced) is a person; a second unit column (责任主体与协同单位) lists co-units; the
# progress (1-10月推进情况), 是否 and 说明 cells are not the task; an empty cell is a pipe alone.
_PROGRESS_CELLS = (
    "某区2030年重点工作推进情况表\n"
    "序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n"
    "1-10月推进情况 |\n是否完成 |\n说明 |\n"
    "1 |\n推进老旧小区综合改造 |\n完成12个老旧小区改造 |\n张三 |\n区住房城乡建设局 |\n|\n"
    "已完成9个小区改造，其余正在施工 |\n否 |\n||\n"
    "2 |\n建设城市书房 |\n新建城市书房5家 |\n李四 |\n区文化旅游局 |\n区教育局、各街道 |\n"
    "已建成3家 |\n是 |\n||\n"
    "3 |\n实施道路提升工程 |\n完成10条道路改造 |\n王五 |\n区建设交通委 |\n各街道 |\n"
    "已完成 |\n是 |\n超额完成 |\n"
)


def test_a_progress_table_a_cell_a_line_gives_its_work_and_units():
    tasks = extract(_PROGRESS_CELLS.encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.ref, t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("1", "推进老旧小区综合改造", ("区住房城乡建设局",), ()),
        ("2", "建设城市书房", ("区文化旅游局",), ("区教育局", "各街道")),
        ("3", "实施道路提升工程", ("区建设交通委",), ("各街道",)),
    ]


def test_a_progress_table_in_markdown_rows_gives_its_work_and_units():
    text = (
        "某区2030年重点工作推进情况\n\n"
        "| 序号 | 主要任务 | 全年目标任务 | 分管 领导 | 牵头 单位 | 责任主体与协同单位 | 1-10月推进情况 | 说明 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1 | 推进老旧小区综合改造 | 完成12个老旧小区改造 | 张三 | 区住房城乡建设局 | 各街道，区财政局 | 已完成9个 | |\n"
        "| 2 | 建设城市书房 | 新建城市书房5家 | 李四 | 区文化旅游局 | | 已建成3家 | |\n"
    )
    tasks = extract(text.encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("推进老旧小区综合改造", ("区住房城乡建设局",), ("各街道", "区财政局")),
        ("建设城市书房", ("区文化旅游局",), ()),
    ]


def test_a_named_matter_beside_its_goal_for_the_year_keeps_the_goal_as_the_task():
    # 民生事项名称 / 2030年度任务目标: the name titles the matter, the goal is the work.
    text = (
        "某市2030年民生实事推进情况\n"
        "序号 | 民生事项名称 | 2030年度任务目标 | 责任单位 | 1-9月份工作完成情况 |\n"
        "1 | 改扩建城东学校 | 完成城东学校教学楼建设。 | 市教育局 | 主体完工。 |\n"
        "2 | 建设社区食堂 | 新建社区食堂10家。 | 市民政局 | 建成6家。 |\n"
    )
    tasks = extract(text.encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.measure, t.text) for t in tasks] == [
        ("改扩建城东学校", "完成城东学校教学楼建设。"),
        ("建设社区食堂", "新建社区食堂10家。"),
    ]


# The same progress table with rows shorter than its heading row: a trailing 说明 cell left empty
# and dropped by the crawl (the row's cells stay in place), or a co-unit cell left out, which
# shifts the progress (已进场施工) and yes/no (否) cells into the unit columns.
_PROGRESS_HEAD = (
    "某区2030年重点工作推进情况表\n"
    "序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n"
    "1-10月推进情况 |\n是否完成 |\n说明 |\n"
)


def test_a_progress_row_whose_trailing_empty_cell_was_dropped_keeps_its_units():
    text = _PROGRESS_HEAD + (
        "1 |\n推进老旧小区综合改造 |\n完成12个老旧小区改造 |\n张三 |\n区住房城乡建设局 |\n各街道 |\n"
        "已完成9个小区改造，其余正在施工 |\n否 |\n"
        "2 |\n建设城市书房 |\n新建城市书房5家 |\n李四 |\n区文化旅游局 |\n区教育局、各街道 |\n"
        "已建成3家 |\n是 |\n"
    )
    tasks = extract(text.encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("推进老旧小区综合改造", ("区住房城乡建设局",), ("各街道",)),
        ("建设城市书房", ("区文化旅游局",), ("区教育局", "各街道")),
    ]


def test_a_progress_row_traditional_script_whose_trailing_empty_cell_was_dropped_keeps_its_units():
    text = (
        "某區2030年重點工作推進情況表\n"
        "序號 |\n主要任務 |\n全年目標任務 |\n分管 領導 |\n牽頭 單位 |\n責任主體與協同單位 |\n"
        "1-10月推進情況 |\n是否完成 |\n說明 |\n"
        "1 |\n推進老舊小區綜合改造 |\n完成12個老舊小區改造 |\n張三 |\n區教育局 |\n各街道 |\n"
        "已完成9個，其餘正在施工 |\n否 |\n"
        "2 |\n建設城市書房 |\n新建城市書房5家 |\n李四 |\n區財政局 |\n區教育局、各街道 |\n"
        "已建成3家 |\n是 |\n"
    )
    tasks = extract(text.encode("utf-8"), name="推進情況.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("區教育局",), ("各街道",)),
        (("區財政局",), ("區教育局", "各街道")),
    ]


def test_progress_and_yes_no_cells_shifted_into_the_unit_columns_give_no_units():
    text = _PROGRESS_HEAD + (
        "1 |\n推进老旧小区综合改造 |\n完成12个老旧小区改造 |\n张三 |\n区住房城乡建设局 |\n"
        "已进场施工 |\n否 |\n|\n"
        "2 |\n建设城市书房 |\n新建城市书房5家 |\n李四 |\n区文化旅游局 |\n完成60% |\n是 |\n|\n"
    )
    tasks = extract(text.encode("utf-8"), name="推进情况.txt").tasks
    units = {u for t in tasks for u in t.lead_units + t.co_units}
    assert [t.text for t in tasks] == ["推进老旧小区综合改造", "建设城市书房"]
    assert not units & {"已进场施工", "否", "是", "完成60%"}
    assert all(t.lead_units or Doubt.NO_LEAD in t.doubts for t in tasks)


def test_a_unit_cell_that_reads_as_progress_names_no_units():
    from taizhang.extract.tables import _no_units

    for cell in ("是", "否", "已进场施工", "完成60%", "已完成9个,其余正在施工"):
        assert _no_units(cell)
    for cell in ("区教育局", "各街道", "市发改委牵头,市财政局配合", "区住房城乡建设局"):
        assert not _no_units(cell)


# A heading row of ten cells over rows of nine: the 全年目标任务 column has no cell of its own in
# the rows (its goal written into the task's cell), so read by position every cell after the task
# would sit a column left: the leader's name as the goal, the lead unit under 分管领导, the
# co-units as the lead and the progress as co-units. The rows are aligned by what their cells hold.
_TEN_HEAD = (
    "某区2030年重点工作推进情况表\n"
    "序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n"
    "完成时限 |\n1-10月推进情况 |\n是否完成 |\n说明 |\n"
)
_NINE_ROWS = (
    "1 |\n推进老旧小区综合改造，完成12个老旧小区改造 |\n张三 |\n区住房城乡建设局 |\n各街道 |\n"
    "2030年12月底 |\n已完成9个小区改造，其余正在施工 |\n否 |\n无 |\n"
    "2 |\n建设城市书房，新建城市书房5家 |\n李四 |\n区文化旅游局 |\n区教育局、各街道 |\n"
    "2030年10月底 |\n已建成3家 |\n是 |\n无 |\n"
)


def test_rows_of_nine_under_a_heading_row_of_ten_are_aligned_by_their_content():
    tasks = extract((_TEN_HEAD + _NINE_ROWS).encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.text, t.lead_units, t.co_units, t.deadline and t.deadline.text) for t in tasks] == [
        ("推进老旧小区综合改造，完成12个老旧小区改造", ("区住房城乡建设局",), ("各街道",), "2030年12月底"),
        ("建设城市书房，新建城市书房5家", ("区文化旅游局",), ("区教育局", "各街道"), "2030年10月底"),
    ]


def test_rows_short_of_the_goal_cell_and_a_dropped_trailing_cell_are_aligned_by_their_content():
    rows = _NINE_ROWS.replace("否 |\n无 |\n", "否 |\n").replace("是 |\n无 |\n", "是 |\n")
    tasks = extract((_TEN_HEAD + rows).encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("推进老旧小区综合改造，完成12个老旧小区改造", ("区住房城乡建设局",), ("各街道",)),
        ("建设城市书房，新建城市书房5家", ("区文化旅游局",), ("区教育局", "各街道")),
    ]


def test_short_rows_in_traditional_script_are_aligned_by_their_content():
    head = _TEN_HEAD.replace("区", "區").replace("重点", "重點").replace("领导", "領導")
    head = head.replace("单位", "單位").replace("责任", "責任").replace("与协同", "與協同")
    head = head.replace("时限", "時限").replace("进", "進").replace("况", "況").replace("说明", "說明")
    head = head.replace("务", "務").replace("标", "標").replace("号", "號").replace("头", "頭")
    rows = (
        "1 |\n推進老舊小區綜合改造，完成12個老舊小區改造 |\n張三 |\n區教育局 |\n各街道 |\n"
        "2030年12月底 |\n已完成9個，其餘正在施工 |\n否 |\n"
    ) * 1 + (
        "2 |\n建設城市書房，新建城市書房5家 |\n李四 |\n區財政局 |\n區教育局、各街道 |\n"
        "2030年10月底 |\n已建成3家 |\n是 |\n"
    )
    tasks = extract((head + rows).encode("utf-8"), name="推進情況.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("區教育局",), ("各街道",)),
        (("區財政局",), ("區教育局", "各街道")),
    ]


def test_a_short_row_whose_cells_fit_no_alignment_is_left_to_the_reading_by_position():
    from taizhang.extract.layout import _content_align

    work = "甲乙丙丁|已完成|否"
    cells = [(0, 4), (5, 8), (9, 10)]
    roles: list[str | None] = ["task", "lead", "co", None]
    # no unit cell anywhere: no way gives units, so no alignment is made up
    assert _content_align(work, cells, roles, 0) is None
    work = "推进改造|区教育局|否"
    cells = [(0, 4), (5, 9), (10, 11)]
    assert _content_align(work, cells, roles, 0) == [(0, 4), (5, 9), (9, 9), (10, 11)]


def test_a_row_short_of_its_leaders_cell_keeps_its_goal_progress_and_units_in_place():
    # 分管领导 merged down the block and left out by the crawl: the goal is no leader's name, and
    # the progress cell after the units is the row's own, not a section of the table.
    text = _PROGRESS_HEAD + (
        "1 |\n推进老旧小区综合改造 |\n完成12个老旧小区改造 |\n区住房城乡建设局 |\n各街道 |\n已完成9个 |\n否 |\n无 |\n"
        "2 |\n建设城市书房 |\n新建城市书房5家 |\n区文化旅游局 |\n区教育局、各街道 |\n已建成3家 |\n是 |\n无 |\n"
    )
    from taizhang.extract.layout import find_text_grids

    grid = find_text_grids(text, 0, len(text), 0)[0]
    assert [[text[c.start : c.end] for c in row] for row in grid.rows[1:]] == [
        [
            "1",
            "推进老旧小区综合改造",
            "完成12个老旧小区改造",
            "",
            "区住房城乡建设局",
            "各街道",
            "已完成9个",
            "否",
            "无",
        ],
        [
            "2",
            "建设城市书房",
            "新建城市书房5家",
            "",
            "区文化旅游局",
            "区教育局、各街道",
            "已建成3家",
            "是",
            "无",
        ],
    ]
    tasks = extract(text.encode("utf-8"), name="推进情况.txt").tasks
    assert [(t.text, t.section, t.lead_units, t.co_units) for t in tasks] == [
        ("推进老旧小区综合改造", None, ("区住房城乡建设局",), ("各街道",)),
        ("建设城市书房", None, ("区文化旅游局",), ("区教育局", "各街道")),
    ]


def _two_row_heading_table(merged_down: bool) -> Table:
    rows = (
        ("序号", "工作任务", "责任单位", "责任单位", "时间节点"),
        ("序号", "工作任务", "牵头单位", "协办单位", "时间节点"),
        ("1", "建成区级应急指挥平台。", "区应急管理局", "区大数据中心、区财政局", "2025年9月"),
        ("2", "开展汛前隐患排查整治。", "区水务局", "各街道办事处", "2025年5月底前"),
    )
    no = (False,) * 5
    merged = (
        (False, False, False, True, False),
        (True, True, False, False, True) if merged_down else no,
        no,
        no,
    )
    return _table(list(rows), list(merged))


@pytest.mark.parametrize("merged_down", [True, False])
def test_a_heading_of_two_rows_names_the_lead_and_co_columns_under_their_parent(merged_down: bool) -> None:
    result = extract_source(
        Source("plan.docx", "docx", (Paragraph("某区防汛工作任务分工"), _two_row_heading_table(merged_down)))
    )
    got = [(t.text, t.lead_units, t.co_units, t.deadline and t.deadline.month) for t in result.tasks]
    assert got == [
        ("建成区级应急指挥平台。", ("区应急管理局",), ("区大数据中心", "区财政局"), 9),
        ("开展汛前隐患排查整治。", ("区水务局",), ("各街道办事处",), 5),
    ]


@pytest.mark.parametrize(
    "second_row",
    ["|  |  | 牵头单位 | 协办单位 |  |", "| 序号 | 工作任务 | 牵头单位 | 协办单位 | 时间节点 |"],
)
def test_a_web_tables_heading_of_two_rows_in_pipes_is_one_heading(second_row: str) -> None:
    text = (
        "某区防汛工作任务分工\n\n| 序号 | 工作任务 | 责任单位 | 责任单位 | 时间节点 |\n| --- | --- | --- | --- | --- |\n"
        + second_row
        + "\n| 1 | 建成区级应急指挥平台。 | 区应急管理局 | 区大数据中心、区财政局 | 2025年9月 |\n"
        "| 2 | 开展汛前隐患排查整治。 | 区水务局 | 各街道办事处 | 2025年5月底前 |\n"
    )
    got = [(t.text, t.lead_units, t.co_units) for t in extract_text(text).tasks]
    assert got == [
        ("建成区级应急指挥平台。", ("区应急管理局",), ("区大数据中心", "区财政局")),
        ("开展汛前隐患排查整治。", ("区水务局",), ("各街道办事处",)),
    ]


def test_a_cell_with_a_modal_is_a_clause_not_a_list_of_units():
    # parse_units reads the names before a modal ("新建高架车站、地面车站等" of "…等应…"): a cell that
    # holds one is still a text cell of its row, not a unit cell
    text = _MERGED_BLOCKS.replace("等要求", "等应")
    tasks = extract(text.encode("utf-8"), name="分工表.txt").tasks
    assert [(t.ref, t.measure, t.lead_units) for t in tasks[:3]] == [
        ("1", "“光伏+地铁”工程", ("申通地铁集团",)),
        ("2", "“光伏+地铁”工程", ("申通地铁集团",)),
        ("3", "“光伏+地铁”工程", ("申通地铁集团",)),
    ]
