"""Targets of plans and what is not a target in them: one rule per test (sentences written here)."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

PLAN = DocInfo(title="某区三年行动计划", year=2024, period_start=2024, period_end=2026, kind="plan")
REFORM = DocInfo(title="某区管理体制改革实施方案", year=2025, kind="plan")
MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str, info: DocInfo = PLAN) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), info)


def seen(text: str, info: DocInfo = PLAN) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find(text, info)]


class TestIntervals:
    def test_an_interval_without_mei_and_its_count_of_times_are_not_metrics(self) -> None:
        text = "提高巡查频率，路灯设施10天完成1次全面检修，20天完成1次灯杆清洗，完成路灯更新500座。"
        assert seen(text) == [(500, "座")]

    def test_a_count_of_times_with_no_interval_is_still_read(self) -> None:
        assert (12, "次") in seen("全年举办招聘活动12次。")

    def test_a_time_limit_is_not_an_interval(self) -> None:
        assert (3, "天") in seen("审批时限压缩至3天，群众满意度达到95%。")


class TestRadius:
    def test_a_distance_that_draws_an_area_is_not_a_metric(self) -> None:
        found = seen("到2026年，学校周边200米范围内的安全设施配置率达到100%。")
        assert found == [(100, "%")]

    def test_a_service_radius_is_not_a_metric(self) -> None:
        found = seen("社区体育设施800米服务半径覆盖率达到90%以上。")
        assert found == [(90, "%")]

    def test_a_distance_around_a_place_followed_by_nei_is_not_a_metric(self) -> None:
        assert seen("完善医院周边30米内停车设施。") == []

    def test_a_length_built_is_still_a_metric(self) -> None:
        assert (1200, "米") in seen("新建滨河步道1200米。")


class TestSquareMetreSign:
    def test_the_square_metre_sign_is_square_metres(self) -> None:
        assert seen("三年累计完成绿地改造3500㎡。") == [(3500, "平方米")]


class TestPassCriterion:
    def test_a_figure_that_defines_a_pass_is_not_a_metric(self) -> None:
        found = seen("河道保洁抽查合格率达到90%以上（漂浮物面积不超过水面5%为合格）。")
        assert found == [(90, "%")]


class TestExistingStockWithinYears:
    def test_the_existing_stock_to_finish_within_n_years_is_a_target(self) -> None:
        info = DocInfo(title="某区老旧小区改造实施方案", year=2024, kind="plan")
        [m] = find("3年内完成现有42个老旧小区的改造任务。", info)
        assert (m.kind, m.value, m.year) == ("target", 42, 2027)

    def test_the_existing_stock_without_a_limit_is_reported(self) -> None:
        info = DocInfo(title="某区老旧小区改造实施方案", year=2024, kind="plan")
        [m] = find("全区现有老旧小区42个。", info)
        assert (m.kind, m.year) == ("actual", 2024)


class TestInventoryOfAReform:
    TEXT = (
        "一、基本情况\n"
        "本区移交的公共设施包括：道路120.5公里，其中主干路40.2公里；桥梁36座；养护车辆8辆。"
        "现有养护企业3家，从业人员约150人。\n"
        "二、工作目标\n"
        "2026年底前，道路养护合格率达到95%以上，抢修人员接报后30分钟内到场。\n"
        "附件\n"
        "移交设施清单\n"
        "道路\n"
        "120.5公里\n"
        "桥梁\n"
        "36座\n"
    )

    def test_the_inventory_of_the_basic_situation_is_not_a_metric(self) -> None:
        assert seen(self.TEXT, REFORM) == [(95, "%"), (30, "分钟")]

    def test_a_dated_result_in_the_basic_situation_is_still_read(self) -> None:
        text = "一、基本情况\n2024年，全区完成道路大修15公里。\n二、工作目标\n道路完好率达到98%。\n"
        assert (15, "公里") in seen(text, REFORM)

    def test_the_basic_principles_are_not_an_inventory(self) -> None:
        text = "一、基本原则\n坚持统筹推进，新建道路15公里。\n"
        assert (15, "公里") in seen(text, REFORM)


class TestOneAYear:
    INFO = DocInfo(title="某区道路整治实施方案", year=2024, kind="plan")

    def test_a_list_done_one_a_year_takes_the_years_in_order(self) -> None:
        text = "2025年至2027年，结合项目安排，逐年推进东片区（2.5平方公里）、西片区（3.1平方公里）、南片区（1.8平方公里）道路整治。"
        found = [(m.value, m.year) for m in find(text, self.INFO)]
        assert found == [(2.5, 2025), (3.1, 2026), (1.8, 2027)]

    def test_a_list_of_another_length_keeps_the_period_end(self) -> None:
        text = "2025年至2027年，逐年推进东片区（2.5平方公里）、西片区（3.1平方公里）道路整治。"
        assert all(m.year != 2026 for m in find(text, self.INFO))

    def test_a_yearly_rise_is_not_a_schedule(self) -> None:
        text = "到2027年，道路完好率逐年提高到95%。"
        assert [(m.value, m.year) for m in find(text, self.INFO)] == [(95, 2027)]


class TestYearColumns:
    INFO = DocInfo(title="某区三年行动计划", year=2024, period_start=2024, period_end=2026, kind="plan")
    TEXT = (
        "附件：任务清单\n\n"
        "重点任务\n\n2024年工作项目\n\n2025年计划\n\n2026年计划\n\n牵头部门\n\n"
        "（一）改善人居环境\n\n"
        "（1）新建口袋公园30个。\n\n新建口袋公园8个。\n\n新建口袋公园10个。\n\n新建口袋公园12个。\n\n区绿化市容局\n\n"
        "（2）改造老旧小区。\n\n完成改造50万平方米。\n\n完成改造60万平方米。\n\n持续推进。\n\n区房管局\n"
    )

    def test_each_cell_takes_the_year_of_its_column(self) -> None:
        found = [(m.value, m.year) for m in find(self.TEXT, self.INFO)]
        assert (8, 2024) in found and (10, 2025) in found and (12, 2026) in found
        assert (500_000, 2024) in found and (600_000, 2025) in found

    def test_a_year_named_in_the_cell_wins(self) -> None:
        text = self.TEXT.replace("完成改造60万平方米。", "2026年6月前完成改造60万平方米。")
        assert (600_000, 2026) in [(m.value, m.year) for m in find(text, self.INFO)]

    def test_a_column_of_a_past_year_is_reported(self) -> None:
        info = DocInfo(title="某区三年行动计划", year=2025, period_start=2024, period_end=2026, kind="plan")
        [m] = [m for m in find(self.TEXT, info) if m.value == 8]
        assert (m.kind, m.year) == ("actual", 2024)


class TestCountsOfLinearThings:
    def test_roads_counted_by_tiao_are_a_metric_with_any_verb(self) -> None:
        assert seen("建设精品道路100条。") == [(100, "条")]
        assert seen("打造特色街巷5条。") == [(5, "条")]

    def test_articles_of_a_policy_are_not(self) -> None:
        assert seen("出台惠企政策30条。") == []


class TestPairsOfTrains:
    def test_pairs_of_trains_run_are_a_metric(self) -> None:
        assert seen("至2026年，城际铁路全天开行列车38对。") == [(38, "对")]

    def test_dui_as_a_preposition_is_not_a_unit(self) -> None:
        assert seen("对接企业需求，做好服务。") == []


class TestStateAsWrittenInTheDocumentsYear:
    def test_mu_qian_after_the_documents_year_reports(self) -> None:
        info = DocInfo(title="某区三年行动计划", year=2024, period_start=2024, period_end=2026, kind="plan")
        [m] = find("2024年持续推进平台建设，目前注册用户数已突破300万。", info)
        assert (m.kind, m.year) == ("actual", 2024)


class TestTermsOfAProcedure:
    def test_a_notice_period_is_not_a_metric(self) -> None:
        assert seen("改造方案应在小区公告栏公示至少7个工作日。", MEASURES) == []

    def test_a_limit_an_office_must_keep_is_not_a_metric(self) -> None:
        assert seen("主管部门应当在受理申请后15个工作日内作出答复。", MEASURES) == []
        assert seen("自收到材料之日起5个工作日内完成审核。", MEASURES) == []

    def test_a_time_cut_as_a_target_is_still_read(self) -> None:
        assert seen("将不动产登记时间压缩至3个工作日。", MEASURES) == [(3, "工作日")]


class TestCountsOfTheDocumentsList:
    def test_a_count_in_parentheses_after_the_list_is_not_a_metric(self) -> None:
        assert seen("现将年度重点工作（共48项）分解如下。", MEASURES) == []

    def test_a_count_of_things_done_is_still_read(self) -> None:
        assert seen("全年共完成重点工程48项。", MEASURES) == [(48, "项")]


class TestPageFurniture:
    def test_counts_of_comments_and_views_are_not_metrics(self) -> None:
        assert seen("留言与评论（共有 3 条评论）\n浏览次数：1200次浏览", MEASURES) == []


class TestBaseOfARatio:
    def test_the_figure_after_mei_is_the_base_of_a_ratio(self) -> None:
        assert (20, "公里") not in seen("每20公里公路配备不少于1名养护员。", MEASURES)


class TestOneOffIsNotAlwaysAGrant:
    def test_a_first_time_pass_rate_is_a_metric(self) -> None:
        found = seen("考核内容包括工程一次性验收合格、群众满意度不低于95%等。", MEASURES)
        assert found == [(95, "%")]

    def test_disposable_tableware_is_not_a_grant(self) -> None:
        assert seen("餐饮单位一次性餐具使用量减少30%。", MEASURES) == [(30, "%")]

    def test_a_one_off_grant_is_still_a_term_of_a_benefit(self) -> None:
        assert seen("对新认定的企业给予一次性奖励50万元。", MEASURES) == []


class TestQuotedGoal:
    def test_a_short_quoted_goal_followed_by_mu_biao_is_read(self) -> None:
        assert seen("确保完成“新建30个口袋公园”的工作目标。", MEASURES) == [(30, "个")]

    def test_a_short_quoted_name_is_still_a_name(self) -> None:
        assert seen("全面落实“惠企政策20条”。", MEASURES) == []


class TestTargetsBySubDistrict:
    TEXT = (
        "某区2019年公厕建设任务分解表\n\n街道\n\n新建公厕（座）\n\n改造公厕（座）\n\n"
        "东湖街道\n\n8\n\n5\n\n西湖街道\n\n6\n\n4\n\n合计\n\n14\n\n9\n"
    )

    def test_every_row_of_a_matrix_without_years_is_read(self) -> None:
        info = DocInfo(title="某区2019年公厕建设任务分解表", year=2019, kind="plan")
        found = {(m.indicator, m.value, m.year) for m in find(self.TEXT, info)}
        assert ("东湖街道新建公厕", 8, 2019) in found and ("西湖街道改造公厕", 4, 2019) in found
        assert ("新建公厕", 14, 2019) in found

    def test_a_grid_of_targets_by_sub_district_is_read(self) -> None:
        from taizhang.extract.pipeline import extract_text

        text = (
            "某县2021年农村公路建设任务分配表\n\n| 乡镇 | 新建农村公路（公里） | 改造危桥（座） |\n|---|---|---|\n"
            "| 东山镇 | 12 | 2 |\n| 西河乡 | 8.5 | 1 |\n| 合计 | 20.5 | 3 |\n"
        )
        found = {(m.indicator, m.value, m.unit, m.year) for m in extract_text(text).metrics}
        assert ("东山镇新建农村公路", 12, "公里", 2021) in found
        assert ("改造危桥", 3, "座", 2021) in found

    def test_an_inventory_by_owner_is_not_read(self) -> None:
        from taizhang.extract.pipeline import extract_text

        text = "移交设施清单\n\n| 单位 | 泵站（座） | 管道（公里） |\n|---|---|---|\n| 甲公司 | 3 | 120 |\n| 乙公司 | 2 | 80 |\n"
        assert not extract_text(text).metrics


class TestTitleYearInChineseNumerals:
    def test_a_title_year_in_chinese_numerals_is_the_documents_year(self) -> None:
        from taizhang.extract.docinfo import doc_info

        text = (
            "二〇二四年施政報告\n一、經濟\n去年本地生產總值增長3.2%。預計在2027年或之前提供30 000個單位。\n"
        )
        assert doc_info(text, working_text(text), "x.txt").year == 2024

    def test_a_count_of_years_is_not_a_year(self) -> None:
        from taizhang.extract.docinfo import doc_info

        text = "改革开放二十年回顾\n一、成就\n"
        assert doc_info(text, working_text(text), "x.txt").year is None


class TestPatacas:
    def test_macau_patacas_are_a_unit_of_money(self) -> None:
        assert seen("特區政府將投放約100億澳門元於公共工程。", MEASURES) == [(10_000_000_000, "澳门元")]


class TestYearColumnsOfAGrid:
    def test_each_cell_of_a_grid_takes_the_year_of_its_column(self) -> None:
        from taizhang.extract.pipeline import extract_text

        text = (
            "某区口袋公园建设三年行动计划（2024-2026年）\n\n附件：任务清单\n\n"
            "| 重点任务 | 2024年工作项目 | 2025年计划 | 2026年计划 | 牵头部门 |\n|---|---|---|---|---|\n"
            "| 新建口袋公园30个 | 新建口袋公园8个 | 新建口袋公园10个 | 新建口袋公园12个 | 区绿化市容局 |\n"
            "| 改造老旧小区 | 完成改造50万平方米 | 2026年6月前完成改造60万平方米 | 持续推进 | 区房管局 |\n"
        )
        found = {(m.value, m.year) for m in extract_text(text).metrics}
        assert {(8, 2024), (10, 2025), (12, 2026), (500_000, 2024), (600_000, 2026)} <= found


class TestShareOfThingsToDo:
    """A share of the things a plan's step is to complete, and the steps of a plan's own year set for a
    part of it (宝山's 2019 and 虹口's 2018 garbage-sorting plans write each 街镇's row so)."""

    ANNUAL = DocInfo(
        title="某镇2031年垃圾分类工作计划", year=2031, period_start=2031, period_end=2031, kind="plan"
    )

    def test_a_share_of_the_things_to_complete_is_a_target_of_the_plan_s_year(self) -> None:
        text = "创建达标小区累计24个，上半年完成15%小区，下半年完成35%的小区。"
        got = [(m.kind, m.value, m.unit, m.year) for m in find(text, self.ANNUAL)]
        assert ("target", 15, "%", 2031) in got
        assert ("target", 35, "%", 2031) in got

    def test_a_share_named_as_the_plan_s_indicator_is_a_target(self) -> None:
        text = "其余村居完成未推行分类居住区60％的指标。"
        assert [(m.kind, m.value) for m in find(text, self.ANNUAL)] == [("target", 60)]

    def test_a_share_that_bars_whom_a_benefit_reaches_stays_out(self) -> None:
        text = "对当年营业收入增长20%的企业给予奖励。"
        assert seen(text, MEASURES) == []

    def test_a_part_of_the_year_past_in_a_review_is_reported(self) -> None:
        news = DocInfo(title="某区上半年经济运行情况", year=2031, kind="news")
        text = "上半年完成固定资产投资12亿元，下半年将继续加大投资力度。"
        assert [(m.kind, m.year) for m in find(text, news)] == [("actual", 2031)]


def test_the_goals_chapter_of_a_plan_cut_out_of_it_plans_to_the_year_it_opens_with() -> None:
    from taizhang.extract import extract_text

    text = (
        "第三部分：发展目标和主要指标\n\n一、总体目标\n\n到2031年，基本建成某区公园城市样板区。\n\n"
        "二、主要指标\n\n1、新建绿地20万平方米，绿化覆盖率达到30.5%。\n\n"
        "第四部分：主要任务\n\n新建口袋公园8座。\n"
    )
    got = {(m.value, m.unit, m.year) for m in extract_text(text, name="some_plan_2027_part.txt").metrics}
    assert got == {(200000, "平方米", 2031), (30.5, "%", 2031), (8, "座", 2031)}
