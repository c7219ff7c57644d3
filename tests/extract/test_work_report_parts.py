"""The parts of a full work report that opens a plan period: the review of the five years gone
by and of the last year, the next plan's goals, this year's targets (sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info, five_year_plan_end
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import Metric
from taizhang.extract.normalise import working_text


def found(text: str, name: str = "report.txt") -> list[tuple[str, float, str, int | None]]:
    d = doc_info(text, working_text(text), name)
    metrics: list[Metric] = find_metrics(text, working_text(text), line_passages(text), d)
    return [(m.kind, m.value, m.unit, m.year) for m in metrics]


_OPENING = (
    "2031年某某省政府工作报告\n——2031年1月20日在某某省人民代表大会上\n各位代表：\n"
    "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。"
    "过去的五年极不寻常，我们坚持稳中求进工作总基调，经受住了各种风险挑战，办成了一批事关长远的大事要事。\n"
)


# A sentence that dates nothing, to give a part's paragraph the length of a report's.
_PADDING = (
    "全省上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，保持社会大局和谐稳定。"
)


def in_part(title: str, sentences: str) -> list[tuple[str, float, str, int | None]]:
    """The metrics of ``sentences`` in a report's part under ``title``."""
    return found(f"{_OPENING}{title}\n{_PADDING}{sentences}\n")


class TestLongPartTitles:
    def test_an_unnumbered_review_title_of_more_than_twenty_characters_reports(self) -> None:
        text = (
            _OPENING + "“十五五”时期发展成就和2030年工作回顾\n"
            "这五年，全省上下坚持稳中求进，经济社会发展取得新成效，综合实力明显增强，城乡面貌持续改善。"
            "全省建成污水处理厂46座，新增造林面积80万亩，生态环境质量稳步提升，人民群众获得感不断增强。\n"
            "“十六五”时期主要目标和2031年重点工作\n"
            "今年是新一个五年规划的开局之年，做好政府工作要坚持稳中求进，着力推动高质量发展，保持社会和谐稳定。"
            "主要预期目标是：地区生产总值增长5%左右，城镇新增就业20万人以上。\n"
        )
        assert found(text) == [
            ("actual", 46, "座", 2030),
            ("actual", 800000, "亩", 2030),
            ("target", 5, "%", 2031),
            ("target", 200000, "人", 2031),
        ]

    def test_a_long_line_with_a_figure_or_clause_punctuation_is_no_title(self) -> None:
        text = (
            _OPENING + "2031年重点工作安排\n"
            "今年主要预期目标是：地区生产总值增长5%左右，全省新建公园40个，改造老旧小区1200个，新增绿道300公里。\n"
            "全省新建口袋公园80个并开展年度建设成效的工作回顾\n"
            "新建公园的建设情况回顾与今年打算，全省计划新建绿地60公顷\n"
        )
        assert [k for k, _, _, _ in found(text)] == ["target"] * 6
        assert {v for _, v, _, _ in found(text)} == {5, 40, 1200, 300, 80, 60}


class TestFiveYearGoals:
    def test_a_numbered_part_of_the_next_plan_s_goals_is_for_its_last_year(self) -> None:
        text = (
            _OPENING + "一、“十五五”时期和2030年工作回顾\n全省建成高速公路8000公里。\n"
            "二、“十六五”时期主要目标任务\n经济年均增长5%左右，常住人口城镇化率达到70%左右。\n"
            "三、2031年重点工作安排\n主要预期目标是：地区生产总值增长5.5%左右。\n"
        )
        assert found(text) == [
            ("actual", 8000, "公里", 2030),
            ("target", 5, "%", 2035),
            ("target", 70, "%", 2035),
            ("target", 5.5, "%", 2031),
        ]

    def test_the_plan_s_last_year_by_its_number(self) -> None:
        assert five_year_plan_end("二、“十五五”时期主要目标任务") == 2030
        assert five_year_plan_end("第十四个五年规划") == 2025
        assert five_year_plan_end("三、2026年重点工作安排") is None


class TestBasesOfComparison:
    def test_a_year_after_faster_than_is_the_base_not_the_figure_s_year(self) -> None:
        assert in_part(
            "一、2030年工作回顾",
            "全年地区生产总值增长5.2%，快于2029年1.4个百分点，民间投资增长3%、慢于全国0.5个百分点。",
        ) == [
            ("actual", 5.2, "%", 2030),
            ("actual", 1.4, "个百分点", 2030),
            ("actual", 3, "%", 2030),
            ("actual", 0.5, "个百分点", 2030),
        ]

    def test_a_plan_period_after_a_comparison_word_is_the_base(self) -> None:
        assert in_part(
            "一、“十五五”时期工作回顾",
            "累计使用外资比“十四五”时期增长35%，新建改造城市道路较“十四五”时期增长12%，“十四五”期间累计新增就业80万人。",
        ) == [
            ("actual", 35, "%", 2030),
            ("actual", 12, "%", 2030),
            ("actual", 800000, "人", 2025),
        ]


class TestPolicyItems:
    def test_counts_of_a_policy_s_items_are_no_metrics(self) -> None:
        assert in_part(
            "一、2030年工作回顾",
            "谋划6条技术路径，全年新建高速公路260公里，实施45项省级科技专项，城镇新增就业52万人。",
        ) == [
            ("actual", 260, "公里", 2030),
            ("actual", 45, "项", 2030),
            ("actual", 520000, "人", 2030),
        ]


class TestSizeClasses:
    def test_a_measure_before_its_qualified_noun_is_a_size_class(self) -> None:
        assert in_part(
            "三、2031年重点工作",
            "关停淘汰20万千瓦及以下燃煤机组，布局一批100万千瓦以上省级大型风光基地，新增新型储能300万千瓦以上。",
        ) == [("target", 3e6, "千瓦", 2031)]


class TestCountedUnits:
    """例 (cases: 免费手术2000例 in 内蒙古's 2026 work report, 46例 in 澳门's 2020 policy address, 1万例 in
    临安's livelihood progress, tune), 批次 (农产品快检100万批次, 山西's 2026 report) and 部 (政府规章27部, 电梯600部
    in 山西's; 电梯500部 in 内蒙古's) are units of metric_units.json; 部门 is no volume."""

    def test_cases_batches_and_volumes_are_units(self) -> None:
        assert in_part(
            "三、2031年重点工作",
            "为困难群众实施免费白内障手术3000例，完成农产品快检50万批次，加装电梯800部。",
        ) == [
            ("target", 3000, "例", 2031),
            ("target", 500000, "批次", 2031),
            ("target", 800, "部", 2031),
        ]

    def test_a_department_is_no_volume(self) -> None:
        assert in_part("三、2031年重点工作", "12部门联合开展专项行动，新建城市道路300公里。") == [
            ("target", 300, "公里", 2031)
        ]


class TestFivePlanGoalSubheadings:
    """A goal heading inside the part that sets the next plan's goals is for the plan's last year."""

    def test_a_goal_heading_with_a_target_word_keeps_the_plan_end_year(self) -> None:
        text = (
            _OPENING + "一、2030年和“十五五”时期工作回顾\n"
            "全省建成污水处理厂46座，新增造林面积80万亩，生态环境质量稳步提升，人民群众获得感不断增强。\n"
            "二、“十六五”主要目标任务\n"
            "（一）以更大力度推动城乡融合。\n"
            "完善城乡融合发展体制机制，常住人口城镇化率提升至70%左右，持续改善农村人居环境，建设宜居乡村。\n"
            "（二）以更实举措增进民生福祉。\n"
            "推动高质量充分就业，人均预期寿命再提高1.2岁，基本公共服务均等化水平明显提升，社会保障更加健全。\n"
            "三、2031年重点工作任务\n"
            "（一）以务实举措扩大有效投资。\n"
            "全年开展职业技能培训8万人次以上，新建农村公路3000公里，推动重大项目加快建设，形成更多实物工作量。\n"
        )
        assert found(text) == [
            ("actual", 46, "座", 2030),
            ("actual", 800000, "亩", 2030),
            ("target", 70, "%", 2035),
            ("target", 1.2, "岁", 2035),
            ("target", 80000, "人次", 2031),
            ("target", 3000, "公里", 2031),
        ]


class TestReviewFigures:
    def test_a_share_of_the_places_a_campaign_covers_is_an_indicator(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "五年来，美丽乡村建设覆盖全省87%的行政村，光纤网络覆盖95%以上的自然村，惠及全市60%的农户。",
        )
        assert [(k, v, u) for k, v, u, _ in got] == [
            ("actual", 87, "%"),
            ("actual", 95, "%"),
            ("actual", 60, "%"),
        ]

    def test_a_share_that_qualifies_the_things_a_clause_names_stays_out(self) -> None:
        got = in_part("一、2030年工作回顾", "对占地面积超过60%的项目开展复核，全年复核项目12个。")
        assert (60, "%") not in [(v, u) for _, v, u, _ in got]

    def test_electricity_in_du_is_a_figure(self) -> None:
        got = in_part("一、2030年工作回顾", "全年绿电外送电量210亿度、增长15%，新能源装机持续增加。")
        assert [(v, u) for _, v, u, _ in got] == [(21000000000, "度"), (15, "%")]

    def test_a_project_named_by_its_capacity_is_no_figure(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "某某公司年产5万吨再生铝项目建成投产，8万千瓦光热发电等项目开工建设，全年生产原油120万吨。",
        )
        assert [(v, u) for _, v, u, _ in got] == [(1200000, "吨")]

    def test_computing_power_in_p_after_wan_is_a_figure(self) -> None:
        got = in_part("一、2030年工作回顾", "建成标准机架3万架、算力规模超1.5万P，新开通航线12条。")
        assert [(v, u) for _, v, u, _ in got] == [(30000, "架"), (15000, "P"), (12, "条")]

    def test_a_p_with_no_magnitude_before_it_is_no_unit(self) -> None:
        got = in_part("一、2030年工作回顾", "全市建成5P级存储系统一套，完成年度任务。")
        assert [u for _, _, u, _ in got] == []

    def test_satellites_are_counted(self) -> None:
        got = in_part("一、2030年工作回顾", "累计发射卫星26颗，中欧班列开行量增长12%。")
        assert [(v, u) for _, v, u, _ in got] == [(26, "颗"), (12, "%")]

    def test_a_subsidy_total_that_drives_spending_is_money_paid_out(self) -> None:
        got = in_part(
            "一、2030年工作回顾", "全年12.5亿元以旧换新补贴拉动消费160亿元，社会消费品零售总额增长4%。"
        )
        assert [(v, u) for _, v, u, _ in got] == [(1250000000, "元"), (16000000000, "元"), (4, "%")]

    def test_times_in_a_row_are_no_figure(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "营商环境评价连续4次获评优秀，连续9届获全国文明城市称号，新增市场主体3.2万户。",
        )
        assert [(v, u) for _, v, u, _ in got] == [(32000, "户")]

    def test_a_rate_of_matters_settled_at_the_first_try_is_an_indicator(self) -> None:
        got = in_part("一、2030年工作回顾", "信访事项一次性化解率达96.5%，一次性奖励10万元。")
        assert [(v, u) for _, v, u, _ in got] == [(96.5, "%")]

    def test_subsidised_training_is_no_benefit(self) -> None:
        got = in_part("一、2030年工作回顾", "开展补贴性职业技能培训12.3万人次，城镇新增就业8万人。")
        assert [(v, u) for _, v, u, _ in got] == [(123000, "人次"), (80000, "人")]

    def test_sister_cities_are_counted_in_pairs(self) -> None:
        got = in_part("一、2030年工作回顾", "国际友好城市达到58对，第3对话机制运行良好。")
        assert [(v, u) for _, v, u, _ in got] == [(58, "对")]

    def test_a_count_of_rivers_or_lakes_keeps_its_bracketed_unit(self) -> None:
        got = in_part("一、2030年工作回顾", "建成美丽河湖36条（个），整治黑臭水体12条。")
        assert [(v, u) for _, v, u, _ in got] == [(36, "条(个)"), (12, "条")]

    def test_existing_things_in_an_earlier_clause_do_not_date_a_plan_goal(self) -> None:
        text = (
            _OPENING + "二、“十六五”主要目标任务\n"
            "（一）生态环境质量持续改善。推进降碳减污扩绿，现有落后产能逐步退出，森林覆盖率超过26.5%。"
            "全区现有自然保护地58处。\n"
        )
        assert found(text) == [("target", 26.5, "%", 2035), ("actual", 58, "处", 2031)]

    def test_the_next_five_years_date_a_goal_after_a_later_horizon(self) -> None:
        text = (
            _OPENING + "二、一张蓝图绘到底\n"
            "省委提出，到2045年要基本实现现代化。纲要草案设定了今后五年的主要指标，包括地区生产总值年均增长5.5%左右。\n"
        )
        assert found(text) == [("target", 5.5, "%", 2035)]

    def test_people_counted_with_no_measure_word_after_wan(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "以工代赈带动2.6万农民就业增收，学前免费教育惠及8.5万幼儿，培训后5万学员结业。",
        )
        assert [(v, u) for _, v, u, _ in got] == [(26000, ""), (85000, "")]

    def test_a_number_of_quarters_is_no_count(self) -> None:
        got = in_part("一、2030年工作回顾", "连续8个季度召开重大项目推进会，新落地项目12个。")
        assert [(v, u) for _, v, u, _ in got] == [(12, "个")]

    def test_a_list_of_projects_named_by_their_capacity_is_no_figure(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "某某化工30万吨尿素改造、某某新材料碳纤维扩产、某某铝业12万吨再生铝等项目建成投产，"
            "新增产能60万吨、某某线路改造等项目同步推进。",
        )
        assert [(v, u) for _, v, u, _ in got] == [(600000, "吨")]

    def test_a_figure_that_sizes_the_work_done_is_no_threshold(self) -> None:
        got = in_part(
            "一、2030年工作回顾",
            "解决了5210人的安全饮水问题，完成12.5公里的河道治理，对营收超过5000万元的企业开展走访。",
        )
        assert [(v, u) for _, v, u, _ in got] == [(5210, "人"), (12.5, "公里")]
