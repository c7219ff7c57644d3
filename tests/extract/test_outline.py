"""The outline of running text and flattened tables found in plain text."""

from __future__ import annotations

import pytest

from taizhang.extract import extract, extract_text
from taizhang.extract.layout import find_text_grids
from taizhang.extract.normalise import working_text
from taizhang.extract.outline import HEADING, heading_number


class HeadingTestCase:
    @pytest.mark.parametrize(
        ("line", "level", "number"),
        [
            ("第一章 总则", 0, "一"),
            ("一、聚焦现代化产业发展", 1, "一"),
            ("（五）加快构建现代化产业人才体系", 2, "五"),
            ("11.动态建立双清单机制", 3, "11"),
            ("第三条 加快推进审批改革", 3, "三"),
            ("第19条 对各乡镇招商引资", 3, "19"),
            ("第 1 0 条 鼓励企业标准创制", 3, "10"),
            ("第一百零一条 本条例自公布之日起施行", 3, "一百零一"),
            ("（2）推行告知承诺", 4, "2"),
            ("③完善机制", 5, "3"),
            ("⑶推行告知承诺", 4, "3"),
            ("⒊动态建立双清单机制", 3, "3"),
        ],
    )
    def test_it_knows_each_level_of_numbering(self, line: str, level: int, number: str) -> None:
        work = working_text(line)
        assert HEADING.level(work) == level
        assert heading_number(work) == number

    @pytest.mark.parametrize(
        "line",
        [
            "一流营商环境",
            "1.5亿元扶持资金",
            "2024年率先实现",
            "（2024）",
            "一是加强领导",
            "第19项任务",
            "第三条件",
        ],
    )
    def test_it_does_not_take_ordinary_text_for_a_heading(self, line: str) -> None:
        assert HEADING.level(working_text(line)) is None


class FlattenedTableTestCase:
    TEXT = "标题\n\n\t序号\n\t重点任务\n\t牵头单位\n\n\t1\n\t建设综合\n窗口。\n\t区政数局\n\n\t2\n\t推行帮办。\n\t区司法局\n\n正文继续。"

    def test_it_finds_a_table_flattened_a_cell_a_line(self) -> None:
        work = working_text(self.TEXT)
        (grid,) = find_text_grids(work, 0, len(work), 0)
        cells = [[work[c.start : c.end] for c in row] for row in grid.rows]
        assert cells == [
            ["序号", "重点任务", "牵头单位"],
            ["1", "建设综合\n窗口。", "区政数局"],
            ["2", "推行帮办。", "区司法局"],
        ]

    def test_a_cell_broken_across_lines_is_one_task_text(self) -> None:
        result = extract_text(self.TEXT)
        assert [(t.text, t.lead_units) for t in result.tasks] == [
            ("建设综合窗口。", ("区政数局",)),
            ("推行帮办。", ("区司法局",)),
        ]

    def test_text_without_tabs_has_no_table(self) -> None:
        work = working_text("一、总体要求\n（一）指导思想。坚持稳中求进。\n")
        assert find_text_grids(work, 0, len(work), 0) == []


class NarrativeTestCase:
    def test_a_narrative_plan_gives_a_task_per_paragraph_under_a_titled_heading(self) -> None:
        text = (
            "一、发展现状\n（一）发展基础\n1.规模提升。生产总值增长到2375亿元。\n二、重点任务\n"
            "（一）打造总部经济廊道\n推进总部基地建设。加快湖贝塔建设进度。\n完善总部配套设施。\n"
        )
        result = extract_text(text)
        assert [(t.ref, t.measure, t.text) for t in result.tasks] == [
            ("二.(一)", "打造总部经济廊道", "推进总部基地建设。加快湖贝塔建设进度。"),
            ("二.(一)", "打造总部经济廊道", "完善总部配套设施。"),
        ]

    def test_lines_wrapped_inside_a_sentence_are_one_paragraph(self) -> None:
        # Text pulled from a PDF breaks lines inside sentences, and a note across a page break.
        text = "二、重点任务\n（一）打造总部经济廊道\n推进总部基地建设，加快湖贝\n塔建设进度。（牵头部\n\n门：区发展改革局）\n"
        (task,) = extract_text(text).tasks
        assert (task.text, task.lead_units) == ("推进总部基地建设，加快湖贝塔建设进度。", ("区发展改革局",))

    def test_an_item_without_notes_is_one_task_cut_where_units_open_a_clause(self) -> None:
        text = (
            "第 1 0 条 成立工作领导小组，统筹推进重点产业发展。县商务局负责新建项目相关工作，"
            "县工信局负责技改项目相关工作。\n第 1 1 条 本政策自发布之日起施行。\n"
        )
        assert [(t.ref, t.text, t.lead_units) for t in extract_text(text).tasks] == [
            ("10", "成立工作领导小组，统筹推进重点产业发展。", ()),
            ("10", "县商务局负责新建项目相关工作", ("县商务局",)),
            ("10", "县工信局负责技改项目相关工作。", ("县工信局",)),
        ]

    def test_closing_provisions_are_not_tasks(self) -> None:
        text = "第一条 加快审批改革。（区住建局负责）\n第二条 推进数据共享。（区政数局负责）\n第三条 本措施自发布之日起施行。\n"
        assert [t.ref for t in extract_text(text).tasks] == ["一", "二"]


class SubjectClauseTestCase:
    def test_a_text_that_opens_with_its_units_is_one_task_of_theirs(self) -> None:
        # The clause cut at the very start of the item (a regression: it emptied the cut list).
        text = "一、工作任务\n（一）县商务局负责新建项目相关工作。\n（二）推进项目建设。\n"
        tasks = extract_text(text).tasks
        assert [(t.text, t.lead_units) for t in tasks][0] == ("县商务局负责新建项目相关工作。", ("县商务局",))


class ParagraphTableTestCase:
    def test_the_tables_title_before_its_heading_row_is_no_column(self) -> None:
        text = "附件\n\n任务分解表\n\n序号\n\n重点任务\n\n责任单位\n\n1\n\n推进A工作。\n\n区商务局\n\n2\n\n推进B工作。\n\n区财政局\n"
        assert [(t.text, t.lead_units) for t in extract_text(text).tasks] == [
            ("推进A工作。", ("区商务局",)),
            ("推进B工作。", ("区财政局",)),
        ]


def test_an_item_of_a_part_that_assigns_work_is_a_task_without_units_in_a_noted_document():
    text = (
        "某区2025年度实施计划\n"
        "一、工作目标\n"
        "（一）总体目标。到2025年底，完成旧住房修缮更新60万平方米。\n"
        "二、行动任务\n"
        "1.完成旧住房修缮更新60万平方米。（牵头单位：区房管局、相关街镇）\n"
        "2.实施7公里燃气老化管道改造。（牵头单位：区建设管理委，支撑单位：区财政局）\n"
        "三、工作保障\n"
        "（一）坚持城市体检先行\n"
        "坚持“先体检、后更新”，深入开展区级城市体检和专项体检，强化体检成果应用。\n"
    )
    tasks = extract(text.encode("utf-8"), name="plan.txt").tasks
    got = [(t.text, t.lead_units) for t in tasks]
    assert got == [
        ("完成旧住房修缮更新60万平方米。", ("区房管局", "相关街镇")),
        ("实施7公里燃气老化管道改造。", ("区建设管理委",)),
        # No unit named: still work the plan assigns, for the reviewer to give a unit.
        ("坚持“先体检、后更新”，深入开展区级城市体检和专项体检，强化体检成果应用。", ()),
    ]


def test_a_step_dated_in_its_title_takes_that_date_as_its_deadline():
    text = (
        "2021年某区城市体检工作方案\n"
        "三、工作步骤\n"
        "（一）建立工作机制（2021年8月）。编制本区城市体检工作方案，确定体检指标体系。\n"
        "（二）形成体检报告（2021年10月）。10月15日前，形成城市体检正式报告。\n"
        "（三）体检成果应用（2021年12月）。制定对应的行动计划与近期项目清单。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    got = [(t.measure, t.text, t.deadline.year, t.deadline.month) for t in tasks]
    assert got == [
        ("建立工作机制", "编制本区城市体检工作方案，确定体检指标体系。", 2021, 8),
        ("形成体检报告", "10月15日前，形成城市体检正式报告。", 2021, 10),
        ("体检成果应用", "制定对应的行动计划与近期项目清单。", 2021, 12),
    ]


def test_the_units_a_lead_works_with_are_its_co_units():
    text = (
        "某区工作方案\n"
        "一、主要任务\n"
        "1.推进城市更新。（牵头单位：区建设管理委）\n"
        "二、保障措施\n"
        "（一）强化组织领导。成立由市交通委牵头，市发展改革委、市水务局等部门共同参与的推进机制，统筹推进示范试点工作。\n"
        "（二）加强协同。区建设管理委会同区发展改革委、区经委等部门共同推进城市体检工作。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks[1:]] == [
        (("市交通委",), ("市发展改革委", "市水务局")),
        (("区建设管理委",), ("区发展改革委", "区经委")),
    ]


def test_a_phase_that_sets_dated_milestones_gives_a_task_for_each():
    text = (
        "某区专项整治工作方案\n"
        "工作安排\n"
        "(一)集中攻坚阶段。2023年9月底前，全面排查燃气风险隐患，建立专项整治台账。"
        "2023年11月底前，集中力量消除突出问题。\n"
        "(二)巩固提升阶段。2024年3月底前，全面完成专项整治。2024年6月前，开展“回头看”。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    got = [(t.text, t.deadline.year, t.deadline.month) for t in tasks]
    assert got == [
        ("2023年9月底前，全面排查燃气风险隐患，建立专项整治台账。", 2023, 9),
        ("2023年11月底前，集中力量消除突出问题。", 2023, 11),
        ("2024年3月底前，全面完成专项整治。", 2024, 3),
        ("2024年6月前，开展“回头看”。", 2024, 6),
    ]


def test_a_part_that_gives_each_unit_a_paragraph_makes_each_a_task():
    text = (
        "关于进一步加强本区装修垃圾处理的工作方案\n"
        "一、职责分工\n"
        "区绿化市容局负责本区装修垃圾处理的全面管理和指导工作。\n"
        "区城管执法局依法对违反规定的行为实施行政处罚。\n"
        "区住房保障房屋管理局指导、协调各街道督促物业服务企业做好装修垃圾投放管理工作。\n"
        "二、有关要求\n"
        "各单位要充分利用电视、报刊、网络等媒体，及时曝光典型案例。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [t.lead_units for t in tasks] == [
        ("区绿化市容局",),
        ("区城管执法局",),
        ("区住房保障房屋管理局",),
        ("各单位",),
    ]


def test_a_paragraph_under_a_bare_title_that_opens_with_a_unit_is_that_units():
    text = (
        "某市工作方案\n"
        "一、主要任务\n"
        "1.推进园区建设。（牵头单位：市发展改革委）\n"
        "二、组织保障\n"
        "（一）培育绿色低碳产业集群\n"
        "市经济信息化委支持推广“以绿制绿”模式，推动园区布局新型产业。市经济信息化委和市生态环境局联合推进“无废园区”建设。\n"
        "（二）提升建筑降碳管理水平\n"
        "市住房城乡建设管理委制定并实施建筑领域能效碳效分级标准。市交通委加快布局充换电基础设施。\n"
        "（三）坚持党建引领\n"
        "通过党建联建等加强跨部门联动协同，让人民群众全过程参与。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [t.lead_units for t in tasks[1:]] == [
        ("市经济信息化委",),
        ("市经济信息化委", "市生态环境局"),
        ("市住房城乡建设管理委",),
        ("市交通委",),
        (),
    ]


def test_a_unit_line_set_apart_by_blank_lines_and_indented_is_the_items_note():
    # Web pages copied as text leave a blank line between paragraphs and indent each one.
    text = (
        "重点工作责任分解\n\n"
        "一、省长主抓重点工作\n\n"
        "  1. 稳企业、防风险。扎实做好稳企业各项工作。\n\n"
        "  牵头单位:省发展改革委、省经信厅\n\n"
        "  2. 全面构建国土空间规划体系。全面推进改革。\n\n"
        "  责任单位:省自然资源厅\n"
    )
    tasks = extract(text.encode("utf-8"), name="分解.txt").tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("扎实做好稳企业各项工作。", ("省发展改革委", "省经信厅")),
        ("全面推进改革。", ("省自然资源厅",)),
    ]


def test_a_division_of_work_line_gives_the_roles_and_the_leaders_line_is_no_part_of_the_task():
    text = (
        "重点任务分工方案\n"
        "一、主要预期目标\n"
        "1.地区生产总值增长6%以上。\n"
        "分管省领导:林克庆\n"
        "部门分工:省发展改革委牵头,各地、各部门配合。\n"
        "2.地方一般公共预算收入增长5%左右。\n"
        "分管副市长：张三\n"
        "责任分工：市财政局牵头，市税务局配合。\n"
    )
    tasks = extract(text.encode("utf-8"), name="分工方案.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("地区生产总值增长6%以上。", ("省发展改革委",), ("各地", "各部门")),
        ("地方一般公共预算收入增长5%左右。", ("市财政局",), ("市税务局",)),
    ]


def test_units_that_organise_the_implementation_are_co_units_and_a_note_that_lists_them_once_adds_nothing_later():
    # "省…按职责分工负责;各市、县(市、区)人民政府组织落实": the provincial departments lead, the city
    # and county governments organise. The remark that they answer for every later item without
    # being listed is not read as a note of each later item (the gold convention of the corpus).
    text = (
        "关于发展特色优势产业的实施意见\n"
        "一、科学精准定位。科学制定特色优势产业目录。〔省发展改革委、省商务厅按职责分工负责；"
        "各市、县（市、区）人民政府组织落实。以下均需各市、县（市、区）人民政府负责，不再列出〕\n"
        "二、坚持规划引领。实施一批增资扩产项目。（省发展改革委、省工业和信息化厅按职责分工负责）\n"
    )
    tasks = extract(text.encode("utf-8"), name="意见.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("省发展改革委", "省商务厅"), ("各市、县（市、区）人民政府",)),
        (("省发展改革委", "省工业和信息化厅"), ()),
    ]


def test_a_branch_of_a_society_in_a_note_is_a_unit():
    text = (
        "实施方案\n"
        "（一）推进船舶受电设施改造。推进船舶开展受电设施改造。"
        "（牵头部门：市交通委港务监管处；实施部门：市港航中心、中国船级社上海分社）\n"
    )
    (task,) = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert task.co_units == ("市港航中心", "中国船级社上海分社")


def test_the_closing_paragraphs_after_the_last_noted_item_give_only_the_clauses_that_name_units():
    text = (
        "关于加大激励力度的通知\n"
        "一、对工作成效明显的县，在分配资金时予以倾斜。（省财政厅负责）\n"
        "二、对成效明显的乡镇，优先安排试点。（省农业农村厅负责）\n"
        "加大激励力度，对于推动工作落实具有重要意义。各有关部门要认真组织实施激励措施，及时制定实施办法。"
        "省政府办公厅将加强督促检查。\n"
        "各有关部门制定的实施办法，于年底前报送省政府办公厅。\n"
        "自本通知印发之日起，原通知停止执行。\n"
    )
    tasks = extract(text.encode("utf-8"), name="通知.txt").tasks
    assert [(t.lead_units, t.text[:8]) for t in tasks] == [
        (("省财政厅",), "对工作成效明显的"),
        (("省农业农村厅",), "对成效明显的乡镇"),
        (("各有关部门",), "各有关部门要认真"),
        (("省政府办公厅",), "省政府办公厅将加"),
        (("各有关部门",), "各有关部门制定的"),
    ]


def test_units_working_with_another_unit_than_the_tasks_lead_are_not_its_co_units():
    text = (
        "某市工作方案\n"
        "一、主要任务\n"
        "（一）编制方案。（牵头单位：市住房城乡建设委；配合单位：市财政局）\n"
        "（二）推进试点。试点区负责编制实施方案，方案报送市生态环境局，经市生态环境局会同市财政局组织评审后实施。\n"
        "（三）开展评估。市生态环境局会同市财政局开展成效评估。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    got = {t.text[:4]: (t.lead_units, t.co_units) for t in tasks}
    assert got["试点区负"][1] == ()
    assert got["市生态环"] == (("市生态环境局",), ("市财政局",))


def test_a_time_or_topic_before_the_subject_of_a_sentence_is_part_of_its_clause():
    text = (
        "某区工作方案\n"
        "一、主要任务\n"
        "（一）编制方案。（牵头单位：区住房城乡建设委）\n"
        "（二）开展评估。从2024年起,各责任单位要在每季度末报送进展情况。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [(t.lead_units, t.text) for t in tasks[1:]] == [
        (("各责任单位",), "从2024年起,各责任单位要在每季度末报送进展情况。"),
    ]


def test_an_untitled_item_of_one_sentence_in_a_noted_document_is_read_for_its_units():
    text = (
        "关于印发某区目标任务责任分解方案的通知\n"
        "一、各责任单位要高度重视,对照目标任务制订工作方案,并于2024年1月15日前报区政府办公室。\n"
        "二、加强督办\n"
        "某区目标任务责任分解方案\n"
        "一、主要预期目标\n"
        "(一)地区生产总值增长6%以上\n"
        "责任单位:区发展改革局\n"
    )
    tasks = extract(text.encode("utf-8"), name="通知.txt").tasks
    first = tasks[0]
    assert (first.lead_units, first.deadline and (first.deadline.year, first.deadline.month)) == (
        ("各责任单位",),
        (2024, 1),
    )
    assert tasks[-1].lead_units == ("区发展改革局",)


def test_units_after_a_leads_comma_and_huitong_are_its_co_units():
    text = (
        "某县工作方案\n"
        "一、主要任务\n"
        "1.由县发改局牵头，会同县财政局建立重点项目库，年底前完成。\n"
        "2.县住建局会同县自然资源局推进老旧小区改造。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("县发改局",), ("县财政局",)),
        (("县住建局",), ("县自然资源局",)),
    ]


def test_a_short_title_line_over_unnumbered_noted_paragraphs_is_no_part_of_the_first_task():
    text = (
        "某区2024年重点工作\n"
        "加快推进老旧小区改造，完成改造20个小区的年度任务。（区住建局牵头，各街道配合，2024年12月底前）\n"
        "持续优化营商环境，深化一件事改革。（区政务服务办牵头，常态化推进）\n"
    )
    tasks = extract(text.encode("utf-8"), name="要点.txt").tasks
    assert [t.text for t in tasks] == [
        "加快推进老旧小区改造，完成改造20个小区的年度任务。",
        "持续优化营商环境，深化一件事改革。",
    ]


def test_a_closing_line_of_the_units_involved_answers_for_the_item():
    # District plans close each task with "相关部门：…": with no lead named, those units lead;
    # a unit the words name as leading (X牵头, X负责) leads and the others co-operate.
    text = (
        "四、工作任务\n\n"
        "（一）全面排查\n\n"
        "以街道为单位开展排查，形成清单。\n\n"
        "相关部门：区建设管理委、区公安分局、属地街道等。\n\n"
        "（二）托底管理\n\n"
        "属地街道牵头落实日常运维管理，两年内完成治理任务。\n\n"
        "相关部门：属地街道、区城管执法局等。\n"
    )
    tasks = extract(text.encode("utf-8"), name="方案.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("以街道为单位开展排查，形成清单。", ("区建设管理委", "区公安分局", "属地街道"), ()),
        ("属地街道牵头落实日常运维管理，两年内完成治理任务。", ("属地街道",), ("区城管执法局",)),
    ]


def test_principles_are_background_not_tasks():
    text = (
        "一、指导原则\n\n政府引导，多方协同\n\n属地街道作为托底管理的主体，相关部门要协同推进。\n\n"
        "二、工作任务\n\n（一）全面排查\n\n区建设管理委要组织排查。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == ["区建设管理委要组织排查。"]


def test_a_town_division_of_work_gives_each_listed_office_its_line():
    # A town's offices: 经发办 opens like the preposition 经 but is a unit; a list right before 负责
    # leads together; 各居村 is a collective of villages and neighbourhoods.
    text = (
        "三、保障措施\n"
        "（一）细化职责分工\n"
        "房管所、规建生态办负责牵头组织排查整治工作；\n"
        "经发办负责园区、企业的排查整治工作；\n"
        "（二）强化督促指导\n"
        "各居村、相关责任单位要不断完善应急预案。\n"
        "经区政府同意后，由区商务局负责组织实施。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks if t.lead_units] == [
        ("房管所、规建生态办负责牵头组织排查整治工作", ("房管所", "规建生态办"), ()),
        ("经发办负责园区、企业的排查整治工作", ("经发办",), ()),
        ("各居村、相关责任单位要不断完善应急预案。", ("各居村", "相关责任单位"), ()),
        ("经区政府同意后，由区商务局负责组织实施。", ("区商务局",), ()),
    ]


def test_a_clause_that_only_sets_the_condition_or_time_belongs_to_the_duty_after_it():
    text = (
        "三、运行维护\n"
        "1.因交通组织调整需新增交通设施的，由区公安分局会同区交通委制定方案。\n"
        "2.区交通委负责日常巡查。对于巡查中发现的问题，各街镇要及时整改。\n"
        "3. 2017年6月30日前，各轨道交通车站要完成对接。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        (
            "因交通组织调整需新增交通设施的，由区公安分局会同区交通委制定方案。",
            ("区公安分局",),
            ("区交通委",),
        ),
        ("区交通委负责日常巡查。", ("区交通委",), ()),
        ("对于巡查中发现的问题，各街镇要及时整改。", ("各街镇",), ()),
        ("2017年6月30日前，各轨道交通车站要完成对接。", ("各轨道交通车站",), ()),
    ]
    assert tasks[-1].deadline is not None and (tasks[-1].deadline.year, tasks[-1].deadline.month) == (2017, 6)


def test_a_short_first_sentence_that_gives_a_unit_its_duty_is_no_title():
    text = "三、设施建设\n4.验收合格后由建设单位负责做好资料移交工作。正常运行3个月后，办理接管手续。\n5.加大融资支持。区财政局要安排资金。\n"
    tasks = extract_text(text).tasks
    assert [(t.measure, t.text, t.lead_units) for t in tasks] == [
        (
            "设施建设",
            "验收合格后由建设单位负责做好资料移交工作。正常运行3个月后，办理接管手续。",
            ("建设单位",),
        ),
        ("加大融资支持", "区财政局要安排资金。", ("区财政局",)),
    ]


def test_a_unit_that_is_the_authority_or_responsible_body_for_the_work_leads_it():
    text = (
        "二、管理职责\n"
        "（一）区交通委是全区道路建设管理工作的行政主管部门，负责区管道路交通设施的规划和建设。\n"
        "（二）区公安分局交通管理部门（以下简称“交管部门”）是道路交通安全管理的主管部门，负责交通组织调整。\n"
        "（三）区政府是推进城市体检工作的责任主体，由分管副区长牵头统筹协调重大事项。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("区交通委",), ("区公安分局交通管理部门",), ()]


def test_the_items_of_a_goals_heading_are_goals_but_items_of_a_heading_of_requirements_under_it_are_tasks():
    text = (
        "二、总体目标\n"
        "（一）改造内容\n改造主要包括建筑主体共有部位改造和小区公共区域改造。\n"
        "（二）改造实施要求\n"
        "1.明确改造立项实施主体。综合改造工程项目，立项主体为区房管局。\n"
        "三、建设目标\n（一）空间目标\n"
        "1.滨江南段\n深化文物建筑和工业遗产成片集中转化利用，高质量推进滨江南段能级提升。\n"
        "四、主要任务\n（一）建设人民城市地标集群。打造综合性文化地标。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == ["综合改造工程项目，立项主体为区房管局。", "打造综合性文化地标。"]


def test_units_that_are_to_cooperate_in_their_own_clause_are_co_units():
    text = (
        "四、工作措施\n"
        "（一）强化项目监管。区房管局应全面落实行业监管。各街镇应配合做好竣工验收等工作。"
        "区相关职能部门应按照工作机制要求，配合做好相关工作。\n"
        "（二）加强合作。各街镇要加强配合，做好宣传。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("区房管局",), ()),
        ((), ("各街镇",)),
        ((), ("区相关职能部门",)),
        (("各街镇",), ()),
    ]


def test_the_items_under_a_heading_of_one_posts_duties_are_that_posts():
    text = (
        "二、主要职责\n"
        "（一）各方职责\n区应急办负责协调指导。\n"
        "（二）分级职责\n"
        "1．镇级路长职责\n（1）负责日常联络工作。建立联系人通讯录。\n（2）落实上级交办任务。\n"
        "2．区财政局的职责\n（1）落实保障资金。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("区应急办负责协调指导。", ("区应急办",)),
        ("建立联系人通讯录。", ("镇级路长",)),
        ("落实上级交办任务。", ("镇级路长",)),
        ("落实保障资金。", ("区财政局",)),
    ]


def test_each_part_of_an_enumeration_that_opens_with_its_units_is_theirs():
    text = (
        "四、工作措施\n"
        "（一）强化工作责任。各成员单位要落实协同保障。一是落实项目统筹工作，做好统筹实施。"
        "四是各镇应充分履行主体责任，组织实施项目。五是落实改造动员工作，各街镇应做好业主动员。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("各成员单位要落实协同保障。一是落实项目统筹工作，做好统筹实施。", ("各成员单位",)),
        ("四是各镇应充分履行主体责任，组织实施项目。", ("各镇",)),
        ("五是落实改造动员工作，各街镇应做好业主动员。", ("各街镇",)),
    ]


def test_a_parts_own_paragraph_before_its_items_gives_the_clauses_that_name_their_units():
    text = (
        "四、工作流程\n"
        "市发展改革委会同市经济信息化委等部门组织申报和评价验收；各区政府负责具体实施。\n"
        "（一）组织申报。市发展改革委发布申报通知。\n"
        "五、保障措施\n"
        "各区要重点做好以下工作：\n"
        "（一）加强领导。建立工作机制。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks[:2]] == [
        ("市发展改革委会同市经济信息化委等部门组织申报和评价验收", ("市发展改革委",), ("市经济信息化委",)),
        ("各区政府负责具体实施。", ("各区政府",), ()),
    ]
    assert "各区要重点做好以下工作：" not in [t.text for t in tasks]


def test_the_ordinal_of_an_enumeration_opens_no_unit_name():
    text = (
        "三、职责分工\n\n各街道、镇作为本辖区内装修垃圾处理工作的责任主体，负责日常监管。一要发挥社区自治作用。"
        "三要与环卫部门建立有效的联系机制。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("各街道", "各镇")]


def test_the_items_under_a_heading_that_is_a_units_name_are_that_units():
    text = (
        "三、职责分工\n"
        "（一）区民政局\n1．建立养老床位统筹制度。\n2．指导各街道开展走访。\n"
        "（二）区卫生健康委\n开展家庭医生签约服务，加强医养结合。\n"
        "（三）各街道\n负责具体组织实施。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("建立养老床位统筹制度。", ("区民政局",)),
        ("指导各街道开展走访。", ("区民政局",)),
        ("开展家庭医生签约服务，加强医养结合。", ("区卫生健康委",)),
        ("负责具体组织实施。", ("各街道",)),
    ]


def test_a_heading_that_is_not_a_units_name_gives_no_unit():
    text = "二、主要任务\n（一）加强组织领导\n1．建立联席会议制度。\n2．定期通报工作进展。\n"
    assert [t.lead_units for t in extract_text(text).tasks] == [(), ()]


def test_fields_listed_as_departments_are_the_units_of_their_clause():
    text = (
        "四、保障措施\n"
        "（二）加强协同\n"
        "在项目审批中，交通、环保、民政等部门要加强协调配合。卫生、教育等部门和单位要做好宣传。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("在项目审批中，交通、环保、民政等部门要加强协调配合。", ("交通", "环保", "民政")),
        ("卫生、教育等部门和单位要做好宣传。", ("卫生", "教育")),
    ]


def test_the_units_a_lead_organises_or_works_with_are_co_units():
    text = (
        "二、工作要求\n"
        "（一）明确分工\n各街镇要落实属地责任，牵头组织协调城管、市场监管等部门，开展联合整治。\n"
        "（二）整治积水\n排水公司要制定专项方案，由道路、绿化等单位协同解决。\n"
        "（三）开展普查\n请区水务局联合区规划资源局开展一次普查。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("各街镇",), ("城管", "市场监管")),
        (("排水公司",), ("道路", "绿化")),
        (("区水务局",), ("区规划资源局",)),
    ]


def test_a_mechanism_the_listed_units_take_part_in_is_a_task_of_its_own():
    text = (
        "三、工作措施\n"
        "（一）加强协调\n区商务委要加强统筹。建立公安、消防、市场监管等部门和单位参加的联合检查机制，定期开展检查。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("区商务委要加强统筹。", ("区商务委",), ()),
        (
            "建立公安、消防、市场监管等部门和单位参加的联合检查机制，定期开展检查。",
            (),
            ("公安", "消防", "市场监管"),
        ),
    ]


def test_a_list_of_annexed_titles_gives_no_task():
    text = (
        "一、工作要求\n（一）做好排查\n区水务局要开展排查。\n"
        "附件：\n\n1.《泵站情况统计表》\n\n2.《应急预案编写提纲》\n"
    )
    assert [t.text for t in extract_text(text).tasks] == ["区水务局要开展排查。"]


def test_what_a_unit_will_do_after_a_time_lead_in_is_its_task():
    text = (
        "三、工作要求\n（一）加强检查\n各单位要做好自查。下一阶段，区建设管理委将会同区应急局开展专项检查。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("各单位",), ("区建设管理委",)]


def test_a_units_name_stops_before_its_modal_verb():
    text = "四、措施\n（一）规范管理\n本区物业企业应结合各单位实际情况，理顺分配关系。\n"
    assert all("应" not in u for t in extract_text(text).tasks for u in t.lead_units)


def test_units_that_carry_out_or_act_as_a_competent_department_lead_their_clause():
    text = (
        "三、落实责任\n（一）压实责任\n"
        "区防汛指挥部各成员单位切实履行防汛责任，区水务局作为全区防汛主管部门履行统筹职责，定期开展检查。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("区防汛指挥部各成员单位",), ("区水务局",)]


def test_streets_towns_and_zones_named_as_competent_departments_lead_their_clause():
    text = (
        "一、管理主体\n（一）明确主体\n"
        "泵站的运行由产权单位负责，各镇、街道、城东新区、城南工业区是辖区内泵站管理的主管部门"
        "（以下简称“管理单位”），具体负责日常管理。\n"
    )
    tasks = extract_text(text).tasks
    # "各镇、街道" is each town and each subdistrict (SCHEMA distributes a shared prefix; the tune gold
    # of jiading_underpass_flood_control_2014 reads its 各镇、街道 so)
    assert [t.lead_units for t in tasks] == [("产权单位",), ("各镇", "各街道", "城东新区", "城南工业区")]


def test_a_unit_paired_with_others_by_yu_leads_and_they_co_operate():
    text = (
        "二、工作安排\n"
        "（一）完成对接\n各养老机构与属地街道、派出所要建立联系机制。\n"
        "（二）日常管理\n区民政局与各街镇共同做好日常检查。\n"
        "（三）集体协商\n本区物业企业与其工会应开展工资集体协商。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("各养老机构",), ("属地街道", "派出所")),
        (("区民政局",), ("各街镇",)),
        (("本区物业企业",), ("工会",)),
    ]


def test_units_listed_with_a_comma_before_their_duty_all_lead_it():
    text = "三、保障措施\n（一）落实用房\n区规划资源局，各街镇要优先保障环卫用房。实施方案报送区政府，经区政府审定后实施。\n"
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("区规划资源局", "各街镇")]


def test_an_area_named_by_a_heading_outside_a_division_of_duties_leads_nothing():
    text = "二、空间布局\n（三）城南副中心\n推进商务区更新，完善公共服务配套。\n"
    assert [t.lead_units for t in extract_text(text).tasks] == [()]


def test_sentences_after_an_items_title_that_each_open_with_a_unit_are_tasks_of_their_own():
    text = (
        "一、主要任务\n"
        "1.人员安置。甲区城建集团尽快明确可提供岗位和待遇。乙区投资集团完成政策宣贯，书面告知有关政策。"
        "11月底前完成意愿征询。区财政局做好资金保障。\n"
        "2.清单建立。区住房保障局完成移交清单建立。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("甲区城建集团尽快明确可提供岗位和待遇。", ("甲区城建集团",)),
        ("乙区投资集团完成政策宣贯，书面告知有关政策。11月底前完成意愿征询。", ("乙区投资集团",)),
        ("区财政局做好资金保障。", ("区财政局",)),
        ("区住房保障局完成移交清单建立。", ("区住房保障局",)),
    ]


def test_a_sentence_that_goes_on_with_the_same_units_goes_on_with_the_same_task():
    text = (
        "四、工作安排\n"
        "（一）第二季度：6月30日前，全区各轨道交通车站与属地街镇、派出所要完成对接。各轨道交通车站按要求上报联系人。\n"
        "（二）制度建设\n区民政局制定检查办法。区民政局组织开展年度检查。\n"
    )
    tasks = extract_text(text).tasks
    # the whole place before a collective goes (clean_unit_name), as the tune gold reads it
    assert [t.lead_units for t in tasks] == [("各轨道交通车站",), ("区民政局",)]
    assert tasks[0].text.endswith("各轨道交通车站按要求上报联系人。")


def test_a_clause_opening_with_a_preposition_or_a_verb_names_no_unit():
    text = (
        "二、重点任务\n"
        "3.光伏屋顶。利用各交通场站建筑物屋顶，推进分布式光伏建设。\n"
        "4.租赁企业。鼓励租赁母公司及其专业子公司集聚发展。\n"
        "5.人员转移。城发集团根据市城投集团提出的岗位开展意愿征询。\n"
    )
    leads = [t.lead_units for t in extract_text(text).tasks]
    assert ("利用各交通场站",) not in leads and all("鼓励" not in u for lu in leads for u in lu)
    assert all("根据" not in u for lu in leads for u in lu)


def test_a_closing_provision_below_the_last_item_is_no_task():
    text = (
        "五、保障措施\n"
        "（一）加强组织领导\n成立县工作领导小组，统筹推进各项工作。\n"
        "（二）强化督查考核\n县政府督查室要定期开展督查。\n"
        "本实施方案自印发之日起试行，有效期三年。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == [
        "成立县工作领导小组，统筹推进各项工作。",
        "县政府督查室要定期开展督查。",
    ]


def test_the_unit_an_office_with_duties_is_placed_in_leads_them():
    text = (
        "四、保障措施\n"
        "（一）加强组织领导\n成立县文旅发展领导小组，统筹推进全县文旅工作。"
        "领导小组办公室设在县文化和旅游局，会同有关单位制定年度计划，具体负责日常工作。\n"
        "（二）建立推进机制\n工作专班下设办公室，设在县商务局，县商务局分管领导任办公室主任。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        ((), ()),
        (("县文化和旅游局",), ("有关单位",)),
        ((), ()),
    ]
    assert tasks[1].text.startswith("领导小组办公室设在县文化和旅游局")


def test_duties_joined_by_a_semicolon_with_subjects_of_their_own_are_separate_tasks():
    text = (
        "四、工作流程\n"
        "区发展改革委会同区科委等部门组织申报和评估验收；各示范区建设主体负责具体实施。\n"
        "（一）组织申报\n区发展改革委发布申报通知。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks][:2] == [
        ("区发展改革委会同区科委等部门组织申报和评估验收", ("区发展改革委",)),
        ("各示范区建设主体负责具体实施。", ("各示范区建设主体",)),
    ]


def test_the_unit_a_clause_reports_to_and_names_again_leads_what_follows():
    text = (
        "三、各责任单位要于每季度末将进展情况报县政府督查室，县政府督查室将对落实情况进行跟踪督办。\n"
        "四、各类市场主体要依法经营。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("各责任单位",), ("县政府督查室",)]


def test_a_paragraph_opening_with_the_problem_its_units_are_to_answer_is_one_task():
    text = (
        "二、完善设施\n"
        "（一）加强资料管理\n全县桥梁档案仍存在缺失、不完整的现象。请各乡镇于6月底前完成补测。\n"
        "（二）落实养护责任\n成立县桥梁养护工作组。县交通局要制定养护计划。\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("全县桥梁档案仍存在缺失、不完整的现象。请各乡镇于6月底前完成补测。", ("各乡镇",)),
        ("成立县桥梁养护工作组。", ()),
        ("县交通局要制定养护计划。", ("县交通局",)),
    ]


def test_items_that_define_the_dimensions_of_an_assessment_are_no_tasks():
    text = (
        "一、评估内容\n"
        "（一）绿色低碳。反映城市能源利用和碳排放情况。\n"
        "（二）便民服务。反映城市社区服务设施的覆盖情况。\n"
        "二、工作步骤\n"
        "（一）数据收集（2025年5月）。各相关部门按要求提供指标数据。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == ["各相关部门按要求提供指标数据。"]


def test_the_parts_a_report_is_to_hold_are_no_tasks_and_the_item_listing_them_is_one():
    text = (
        "三、工作步骤\n"
        "（一）形成评估报告（2025年10月）。10月15日前，形成评估报告，报区政府审定。\n"
        "评估报告主要内容包括：\n"
        "1.本区总体情况；\n"
        "2.制定重点行动计划。\n"
        "（二）成果应用（2025年12月）。各部门根据评估结果制定整改措施。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == [
        "10月15日前，形成评估报告，报区政府审定。",
        "各部门根据评估结果制定整改措施。",
    ]
    assert (tasks[0].deadline.year, tasks[0].deadline.month) == (2025, 10)


def test_a_principle_that_names_units_is_no_task_in_a_plan_with_role_notes():
    text = (
        "一、基本原则\n"
        "政府引导，多方协同\n属地街道作为管理的主体，相关部门协同推进。\n"
        "二、主要任务\n"
        "（一）全面排查\n开展道路排查，建立台账。（各街道负责）\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [("开展道路排查，建立台账。", ("各街道",))]


def test_a_period_of_months_dates_an_item_by_its_end():
    text = (
        "三、工作安排\n"
        "（一）推进移交\n"
        "1．动员部署（2025年1月-4月）：建立区级改革工作小组，压实工作责任。\n"
        "2．人员安置。甲区城建集团尽快明确岗位。区财政局做好资金保障。（2025年6月—2025年12月）\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.deadline.year, t.deadline.month) for t in tasks] == [
        ("建立区级改革工作小组，压实工作责任。", 2025, 4),
        ("甲区城建集团尽快明确岗位。", 2025, 12),
        ("区财政局做好资金保障。", 2025, 12),
    ]


def test_bare_notes_closing_the_clauses_of_one_measure_each_close_a_task():
    text = (
        "二、重点任务\n"
        "（一）完善养老设施。新建长者照护之家2家（区民政局），改造社区食堂4个（区商务委）。\n"
        "（二）推进基层治理。各镇（街道），要健全网格管理制度（区委政法委）。\n"
    )
    tasks = extract_text(text).tasks
    got = [(t.text, t.lead_units) for t in tasks]
    assert got[0] == ("新建长者照护之家2家", ("区民政局",))
    assert got[1] == ("改造社区食堂4个", ("区商务委",))
    # a bracketed alternative after a place ("各镇（街道），") is no note of its own
    assert len(got) == 3 and got[2][1] == ("区委政法委",)


def test_a_bracket_saying_what_a_name_includes_is_no_role_note():
    text = (
        "某市2030年政府工作报告重点工作责任分解\n"
        "一、市长主抓重点工作\n"
        "1.推进营商环境改革,打造一流服务。\n"
        "责任单位:市发展改革委、市司法局、各区县政府(含高新区管委会)(列第一位的为工作牵头单位或汇总单位,下同)\n"
        "2.完善公共法律服务体系。\n"
        "责任单位:市司法局、各区县政府(含高新区管委会)\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("推进营商环境改革,打造一流服务。", ("市发展改革委",)),
        ("完善公共法律服务体系。", ("市司法局",)),
    ]
    assert all(any(u.startswith("各区县政府") for u in t.co_units) for t in tasks)


def test_a_deadline_line_before_a_line_of_units_gives_both():
    # Livelihood-project lists give each item its fields a line each: 完成时限 then 责任单位.
    text = (
        "某县2030年民生实事项目安排\n一、教育类\n1.新建幼儿园1所。\n完成时限:2030年8月底\n"
        "责任单位:县教育局、县住建局\n2.改造农村学校食堂10个。\n完成时限:2030年12月底\n责任单位:县教育局\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead_units, t.deadline and t.deadline.month) for t in tasks] == [
        ("新建幼儿园1所。", ("县教育局", "县住建局"), 8),
        ("改造农村学校食堂10个。", ("县教育局",), 12),
    ]


def test_a_bracket_dating_a_report_is_no_deadline_note():
    from taizhang.extract.outline import find_role_notes

    line = "全县为民办实事项目推进情况一览(截至9月底)"
    assert find_role_notes(line, working_text(line), 0, len(line), 2031) == []


# A division of a county's work report as a crawl stores it: the page's paragraphs run together on
# one line, a space between them; items grouped under the leader who leads them (a person), each
# closed by its units, the first of which leads as the list's bracket declares. (Made up.)
_RUN_TOGETHER = (
    "各乡镇人民政府,县政府各部门: 现将2031年重点工作责任分解印发给你们,请认真贯彻执行。 "
    "某某县人民政府办公室 2031年3月2日 重点工作责任分解 一、张某县长牵头重点工作 "
    "1.全县生产总值增长6%左右,固定资产投资稳步增长,财政收支保持平衡。 "
    "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县统计局 "
    "2.深化预算绩效管理改革,压减一般性支出,统筹用好各类专项资金。 责任单位:县财政局 "
    "二、李某副县长牵头重点工作 1.新建农村公路30公里,完成危桥改造5座。 责任单位:县交通运输局、县财政局\n"
)


def test_paragraphs_run_together_on_a_line_are_read_as_items_with_their_units():
    tasks = extract_text(_RUN_TOGETHER).tasks
    got = [(t.ref, t.lead_units, t.co_units) for t in tasks]
    assert got == [
        ("一.1", ("县发改局",), ("县财政局", "县统计局")),
        ("一.2", ("县财政局",), ()),
        ("二.1", ("县交通运输局",), ("县财政局",)),
    ]
    assert tasks[0].text.startswith("全县生产总值增长6%左右")
    assert not any("张某" in u or "李某" in u for t in tasks for u in t.lead_units + t.co_units)


# A public notice of the progress of a city's livelihood projects, crawled onto one line: each
# project a numbered item, then its leader, lead unit, person in charge, co-units and what was done,
# each after a label. (Made up.)
_PROGRESS_NOTICE = (
    "2031年市政府民生实事项目共有30项任务,各责任单位高度重视,现将1—6月份进展情况予以公示,接受社会监督。"
    " 1.新建社区食堂20家。 牵头领导:张某 责任单位:市民政局 项目责任人:李某 实际完成情况:已建成12家,"
    "其余正在装修。 2.改造老旧电梯300台。 牵头领导:王某 责任单位:市市场监管局 项目责任人:赵某"
    " 配合单位:市住建局、市财政局 实际完成情况:已完成改造150台,项目按计划推进。"
    " 3.新建口袋公园8个。 牵头领导:王某 责任单位:市园林局 项目责任人:钱某 配合单位:各区政府"
    " 实际完成情况:已开工6个。\n"
)


def test_a_progress_notice_run_together_reads_each_project_with_its_units_not_its_people():
    tasks = extract_text(_PROGRESS_NOTICE).tasks
    got = [(t.text, t.lead_units, t.co_units) for t in tasks]
    assert got == [
        ("新建社区食堂20家。", ("市民政局",), ()),
        ("改造老旧电梯300台。", ("市市场监管局",), ("市住建局", "市财政局")),
        ("新建口袋公园8个。", ("市园林局",), ("各区政府",)),
    ]


def test_a_progress_line_is_still_read_for_its_figures():
    metrics = extract_text(_PROGRESS_NOTICE).metrics
    assert any(m.kind == "actual" and m.value == 150 for m in metrics)


def test_a_short_line_with_a_space_before_a_numeral_is_left_as_it_is():
    text = "重点工作 1.推进道路建设。\n"
    assert [t.text for t in extract_text(text).tasks] == [] or "\n" not in extract_text(text).tasks[0].text


# A division of a city's work report in traditional script, each item followed by its units on a
# line of their own with no label (a two-column table flattened to lines); the notice's signature
# over its date is no unit line. (Made up.)
_UNITS_BELOW = """某市人民政府辦公室關於印發2031年政府工作報告重點工作任務分解的通知
各區人民政府,市政府各部門:
現將2031年政府工作報告重點工作任務分解印發給你們,請認真貫徹落實。
某市人民政府辦公室
2031年2月20日
一、推動經濟平穩增長
1.全市地區生產總值增長6%左右。
市發展改革委、市統計局
2.實施重點項目120個,完成投資500億元。
市發展改革委、市住房城鄉建設局
二、增進民生福祉
3.新建公辦幼兒園10所。
市教育局
"""


def test_an_unlabelled_line_of_units_after_an_item_names_its_units():
    tasks = extract_text(_UNITS_BELOW).tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("一.1", "全市地區生產總值增長6%左右。", ("市發展改革委", "市統計局")),
        ("一.2", "實施重點項目120個,完成投資500億元。", ("市發展改革委", "市住房城鄉建設局")),
        ("二.3", "新建公辦幼兒園10所。", ("市教育局",)),
    ]


# A county's division naming the leader of each item (a person), then its main and other units.
# (Made up.)
_LEADER_THEN_UNITS = """某县2031年县政府重点工作任务分解
一、稳增长
1.全年地区生产总值增长6%以上。
县政府分线领导:李某某
主要责任单位:县发改局
其他责任单位:县统计局、县财政局
2.完成造林绿化1万亩。牵头县政府领导:孙某某 主要责任单位:县林业局 其他责任单位:各乡镇
"""


def test_a_leader_named_before_the_main_and_other_units_is_no_unit():
    tasks = extract_text(_LEADER_THEN_UNITS).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("全年地区生产总值增长6%以上。", ("县发改局",), ("县统计局", "县财政局")),
        ("完成造林绿化1万亩。", ("县林业局",), ("各乡镇",)),
    ]


def test_the_uses_a_fund_is_for_are_no_tasks():
    doc = (
        "西河区河道养护工作实施意见\n"
        "一、使用范围\n"
        "（一）河道养护资金主要用于：\n"
        "1.巡查监测。包括河道巡查、水质监测等。\n"
        "2.水域保洁。包括水面垃圾的清除。\n"
        "二、管理要求\n"
        "（一）区水务局负责组织养护考核，年终通报考核结果。\n"
    )
    tasks = extract_text(doc).tasks
    assert [t.lead_units for t in tasks] == [("区水务局",)]


# A division notice in traditional script as a reading-aid page reprints it, with pinyin in
# brackets after some characters, labels and names included. (Made up.)
_GLOSSED_DIVISION = (
    "某市人民政府辦公室關于印發(fā)2031年政府工作報告重點(diǎn)工作任務(wù)分解的通知\n"
    "各區(qū)人民政府,市政府各部門:\n"
    "一、推動經(jīng)濟(jì)平穩增長\n"
    "1.全市生產(chǎn)總值增長6%左右。\n"
    "責(zé)任單位:市發(fā)展改革委、市統(tǒng)計局\n"
    "2.新建5G基站1000個。\n"
    "牽頭單位:市經(jīng)信局;配合單位:市商務(wù)局\n"
    "3.推進(jìn)重點(diǎn)項目建設(shè),完成投資200億元。(市發(fā)改委牽頭,市財政局、各區(qū)政府配合)\n"
)


def test_a_text_glossed_with_pinyin_reads_its_labels_and_names_and_keeps_its_words():
    got = extract_text(_GLOSSED_DIVISION)
    assert [(t.text, t.lead_units, t.co_units) for t in got.tasks] == [
        ("全市生產(chǎn)總值增長6%左右。", ("市發展改革委", "市統計局"), ()),
        ("新建5G基站1000個。", ("市經信局",), ("市商務局",)),
        ("推進(jìn)重點(diǎn)項目建設(shè),完成投資200億元。", ("市發改委",), ("市財政局", "各區政府")),
    ]
    for t in got.tasks:
        assert got.text[t.span.start : t.span.end] == t.text  # places in the text as published
    assert {m.value for m in got.metrics} >= {6, 1000, 2e10}


# An item of a progress notice whose labelled fields stand a line each, a district table of its
# figures flattened onto the last label's line. (Made up.)
_FIELDS_AND_A_FLAT_TABLE = (
    "2031年市政府民生实事项目进展情况公示\n"
    "1.新建城市书房12家。\n"
    "责任单位:市文旅局\n"
    "项目责任人:孙某\n"
    "配合单位:市财政局,各区政府 东区 西区 合计 年度目标 5 7 12 实际完成 3 4 7\n"
)


def test_a_note_ends_where_a_flattened_table_begins_and_its_label_lines_stay_apart():
    tasks = extract_text(_FIELDS_AND_A_FLAT_TABLE).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(("市文旅局",), ("市财政局", "各区政府"))]


# A work report of the first year of a new government: the next five years' tasks, then the year's
# work with its units. (Made up.)
_FIVE_YEARS_THEN_THE_YEAR = (
    "某市政府工作报告\n"
    "二、今后五年的主要任务\n"
    "(一)着力构建现代化产业体系。加快建设先进制造业强市,到2035年规上工业总产值突破2万亿元。\n"
    "(二)着力扩大有效需求。五年累计完成固定资产投资3万亿元。\n"
    "三、2031年工作安排\n"
    "(一)稳增长。新建5G基站5000个。(市通信管理局牵头)\n"
)


def test_the_next_five_years_goals_are_no_tasks_unless_assigned():
    got = extract_text(_FIVE_YEARS_THEN_THE_YEAR)
    assert [(t.text, t.lead_units) for t in got.tasks] == [("新建5G基站5000个。", ("市通信管理局",))]
    assert {m.value for m in got.metrics} >= {2e12, 3e12, 5000}  # their figures are still read


# A district plan's division of duties headed by the kind of body it is about ("部门职责"), each
# item opening with its unit and a colon. (Made up.)
_DUTIES_OF_DEPARTMENTS = (
    "某区住宅小区综合治理工作方案\n"
    "一、工作目标\n"
    "全面提升住宅小区治理水平。\n"
    "二、部门职责\n"
    "(一)区城管执法局：负责年度查处工作计划的制定、组织协调和年度考核评价。\n"
    "(二)区房管局：指导街镇督促物业服务企业落实住宅小区日常管理职责。\n"
    "(三)区绿化市容局：协助执法部门依法对住宅小区占绿毁绿问题进行认定。\n"
    "(四)各街道(镇)：落实住宅小区常态化管理巡查和综合执法工作。\n"
)


def test_a_division_of_the_duties_of_departments_gives_each_item_the_unit_it_opens_with():
    tasks = extract_text(_DUTIES_OF_DEPARTMENTS).tasks
    assert [t.lead_units for t in tasks] == [
        ("区城管执法局",),
        ("区房管局",),
        ("区绿化市容局",),  # not 协助执法部门: the body it helps
        ("各街道(镇)",),
    ]
    assert all(not t.co_units for t in tasks)


# A division of duties whose units' blocks open with the unit's name and a full stop, one name
# with its other name in brackets. (Made up.)
_DUTIES_AFTER_A_FULL_STOP = (
    "某区排水管理体制改革实施方案\n"
    "一、工作目标\n"
    "完成排水设施移交。\n"
    "二、职责分工\n"
    "（一）区建管委（区水务局）。负责制定区实施方案；协调对接各方移交接管工作。\n"
    "（二）区财政局。负责对运维项目成本分析报告质量进行把控。\n"
    "（三）加强督促检查。各街道要定期报送工作进展。\n"
)


def test_a_units_name_closed_by_a_full_stop_heads_its_duties_and_its_bracket_is_its_other_name():
    tasks = extract_text(_DUTIES_AFTER_A_FULL_STOP).tasks
    assert [t.lead_units for t in tasks] == [("区建管委（区水务局）",), ("区财政局",), ("各街道",)]
    assert all(not t.co_units for t in tasks)


# An item enumerating its parts in sentences, one part naming its units. (Made up.)
_ENUMERATED_SENTENCES = (
    "某区生活垃圾分类实施方案\n"
    "一、主要任务\n"
    "（一）提升单位分类执行力\n"
    "4.强化管理检查。一是建立告知制度，全面告知单位分类要求。二是加强属地管理，由各街道牵头落实日常"
    "管理，实现管理工作的常态化。三是严格执行“不分类、不收运”制度，倒逼单位落实分类。\n"
)


def test_the_part_of_an_enumeration_that_names_its_units_ends_where_the_next_sentence_part_opens():
    tasks = extract_text(_ENUMERATED_SENTENCES).tasks
    led = [t for t in tasks if t.lead_units]
    assert [t.lead_units for t in led] == [("各街道",)]
    assert led[0].text.endswith("实现管理工作的常态化。")
    assert any(t.text.startswith("三是严格执行") and not t.lead_units for t in tasks)


# A unit's block in a division of duties whose clause opens "负责协同X…": X works with the unit.
# (Made up.)
_DUTIES_WORKED_WITH = (
    "某区旧区改造工作方案\n"
    "一、工作目标\n"
    "完成旧区改造任务。\n"
    "二、部门职责\n"
    "（一）区建设管理委。负责统筹推进旧区改造工作；负责协同区财政局落实改造资金。\n"
    "（二）区商务委、区城管执法局、区国资委。按照各自职责，做好沿街商铺的疏导和执法保障工作。\n"
    "（三）区房管局：牵头制定居民安置方案，区民政局配合做好困难家庭救助。\n"
    "（四）区绿化市容局：协助执法部门依法清理违法设置的户外广告。\n"
)


def test_a_duty_opened_by_working_with_a_unit_names_that_unit_a_co_unit():
    tasks = extract_text(_DUTIES_WORKED_WITH).tasks
    assert [t.lead_units for t in tasks] == [
        ("区建设管理委",),
        ("区商务委", "区城管执法局", "区国资委"),
        ("区房管局",),
        ("区绿化市容局",),
    ]
    assert [t.co_units for t in tasks] == [("区财政局",), (), ("区民政局",), ()]


# Units' blocks numbered "1、" whose duties name the units they work with after 会同 or 协同, one
# with a verb ending as a unit's name does (查处). (Made up.)
_DUTIES_NUMBERED_WITH_PARTNERS = (
    "某区平安市场创建活动实施意见\n"
    "一、工作目标\n"
    "全区农贸市场达到平安市场标准。\n"
    "二、职责分工\n"
    "1、区工商分局。负责牵头组织创建活动，会同区商务委制定创建标准。\n"
    "2、区质量技监局。负责规范市场计量行为，查处市场内的计量违法行为。\n"
    "3、区城管执法大队。负责协同区公安分局查处市场外占道经营等违法行为。\n"
    "4、各镇、街道。负责将创建活动纳入社区管理范围，统一组织领导相关部门共同做好辖区内创建工作。\n"
)


def test_a_block_working_with_units_is_led_by_the_unit_it_opens_with():
    tasks = extract_text(_DUTIES_NUMBERED_WITH_PARTNERS).tasks
    assert [t.lead_units for t in tasks] == [
        ("区工商分局",),
        ("区质量技监局",),
        ("区城管执法大队",),
        ("各镇", "各街道"),
    ]
    assert [t.co_units for t in tasks] == [("区商务委",), (), ("区公安分局",), ()]


def test_a_heading_with_its_lead_unit_in_a_bracket_gives_each_paragraph_under_it():
    # 若干政策举措 whose parts carry their lead unit: each paragraph under the heading is a task of
    # that measure led by it, unless a paragraph names its own unit.
    text = (
        "某区关于推动经济高质量发展的若干政策举措\n"
        "一、强化科技创新（区科技局牵头）\n"
        "支持企业建设研发机构，对新认定的市级以上研发平台给予奖励。\n"
        "鼓励企业加大研发投入，按研发费用增量给予补助。\n"
        "二、扩大有效投资（区发展改革委牵头）\n"
        "加快重大项目建设，建立重点项目联系服务机制。\n"
        "区财政局统筹安排专项资金，支持基础设施补短板项目。\n"
    )
    got = [(t.ref, t.measure, t.text[:8], t.lead_units) for t in extract_text(text).tasks]
    assert got == [
        ("一", "强化科技创新", "支持企业建设研发", ("区科技局",)),
        ("一", "强化科技创新", "鼓励企业加大研发", ("区科技局",)),
        ("二", "扩大有效投资", "加快重大项目建设", ("区发展改革委",)),
        ("二", "扩大有效投资", "区财政局统筹安排", ("区财政局",)),
    ]


def test_a_glossed_traditional_heading_with_its_lead_unit_gives_its_paragraphs():
    # The same layout in traditional script with pinyin readings after some characters: the
    # readings stay in the task's text as published, never in a unit's name.
    text = (
        "某區人民政府關於印發(fā)推動(dòng)經(jīng)濟高質(zhì)量發(fā)展若干措施的通知\n"
        "一、強化科技創(chuàng)新(區科技局牽頭)\n"
        "支持企業(yè)建設研發(fā)機構，對(duì)新認定的研發(fā)平臺給予獎勵。\n"
        "鼓勵企業(yè)加大研發(fā)投入。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.lead_units for t in tasks] == [("區科技局",), ("區科技局",)]
    assert tasks[0].text.startswith("支持企業(yè)")


def test_the_opening_paragraph_of_a_part_whose_heading_carries_its_lead_unit_is_its_task():
    # The heading's note answers for the part's opening paragraph as for its numbered items.
    text = (
        "某市推动经济高质量发展若干政策\n"
        "一、扩大有效投资政策（由市发展改革委牵头实施）\n"
        "扎实开展扩大有效投资攻坚，重点支持制造业、交通等领域投资。\n"
        "（一）发挥重大项目带动作用。实行重大项目滚动管理。\n"
        "（二）加大财政支持力度。全市财政安排专项资金支持项目建设。\n"
    )
    got = [(t.ref, t.text[:8], t.lead_units) for t in extract_text(text).tasks]
    assert got == [
        ("一", "扎实开展扩大有效", ("市发展改革委",)),
        ("一.(一)", "实行重大项目滚动", ("市发展改革委",)),
        ("一.(二)", "全市财政安排专项", ("市发展改革委",)),
    ]


class UnitsLabelTestCase:
    """``units_label``: the one reading of the units an item opens with, for the outline (keep the
    item) and the pipeline (its lead)."""

    @pytest.mark.parametrize(
        ("line", "names"),
        [
            ("1.区财政局：负责落实专项资金保障。", ("区财政局",)),
            ("（二）区建管委（区水务局）。负责制定排水规划。", ("区建管委（区水务局）",)),
            ("区级路长办公室：承担道路日常巡查工作。", ("区级路长办公室",)),
            ("一、区发展改革委、区商务委：负责项目推进。", ("区发展改革委", "区商务委")),
            ("（3） 区交通委：负责运营监管。", ("区交通委",)),
            ("第五条 区司法局：负责法律服务。", ("区司法局",)),
        ],
    )
    def test_the_units_before_a_colon_or_a_full_stop_are_read_after_the_items_number(
        self, line: str, names: tuple[str, ...]
    ) -> None:
        from taizhang.extract.outline import units_label

        work = working_text(line)
        assert units_label(line, work, 0, len(work)) == names

    @pytest.mark.parametrize(
        "line",
        [
            "责任单位：区财政局。",  # a role's label: a note, read elsewhere
            "各乡镇人民政府、街道办事处，县级各部门：",  # addressees, no duties after them
            "1.加快推进数字化改造：对企业给予补贴。",  # a title, no units
            "（一）区财政局负责资金保障：按季度拨付。",  # a clause, not a list of units
        ],
    )
    def test_a_role_label_a_title_or_addressees_give_none(self, line: str) -> None:
        from taizhang.extract.outline import units_label

        work = working_text(line)
        assert units_label(line, work, 0, len(work)) == ()

    def test_an_item_in_the_middle_of_a_text_is_read_from_its_own_start(self) -> None:
        from taizhang.extract.outline import units_label

        text = "三、职责分工\n（一）区财政局：负责资金保障。\n"
        work = working_text(text)
        s = text.index("（一）")
        assert units_label(text, work, s, text.index("\n", s)) == ("区财政局",)


def test_the_you_of_a_word_is_no_by_of_a_clause() -> None:
    # 自由贸易试验区 holds a 由 that is no preposition: the unit is named whole; 由X牵头 still is one.
    text = (
        "某某通知\n一、加强组织实施\n"
        "国务院自由贸易试验区工作部际联席会议办公室要切实发挥统筹协调作用，加强横向协作。\n"
        "成立由区发改委牵头的工作专班，统筹推进。\n"
    )
    leads = [t.lead_units for t in extract_text(text).tasks]
    assert leads == [("国务院自由贸易试验区工作部际联席会议办公室",), ("区发改委",)]


def test_units_that_are_to_cooperate_with_named_units_are_their_co_units() -> None:
    # SCHEMA: 配合 marks co-units; the units they work with, named after 配合, lead.
    text = (
        "某区实施方案\n一、保障措施\n"
        "区水务局、区财政局应积极配合市水务局、市财政局开展年度考核和绩效评估。\n"
        "二、工作要求\n各街道要配合做好宣传工作，区城管局负责督促检查。\n"
    )
    roles = [(t.lead_units, t.co_units) for t in extract_text(text).tasks]
    assert roles[0] == (("市水务局", "市财政局"), ("区水务局", "区财政局"))
