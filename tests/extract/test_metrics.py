"""Quantified targets and actuals (指标): golden documents, then one rule per test."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from taizhang.extract import extract_text
from taizhang.extract import metrics as metrics_module
from taizhang.extract.docinfo import doc_info
from taizhang.extract.lexicon import LexiconError, load_data
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric, Passage
from taizhang.extract.normalise import working_text

GOLDEN = Path(__file__).parent / "golden" / "metrics"
FIELDS = ("kind", "value", "unit", "comparator", "year", "span")
PLAN = DocInfo(title="某区发展规划", year=2022, period_start=2021, period_end=2025, kind="plan")
MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str, info: DocInfo = MEASURES, passages: Sequence[Passage] | None = None) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text) if passages is None else passages, info)


def one(text: str, info: DocInfo = MEASURES) -> Metric:
    found = find(text, info)
    assert len(found) == 1, [m.to_dict() for m in found]
    return found[0]


def golden(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    info = doc_info(text, working_text(text), path.name)
    found = find(text, info)
    return {
        "doc": {"year": info.year, "period": [info.period_start, info.period_end], "kind": info.kind},
        "metrics": [{k: m.to_dict()[k] for k in FIELDS} for m in found],
    }


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.txt")), ids=lambda p: p.stem)
def test_it_finds_the_expected_metrics(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert golden(path) == expected


def test_every_span_is_sliced_from_the_original_text_at_its_offsets() -> None:
    for path in sorted(GOLDEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in find(text, doc_info(text, working_text(text), path.name)):
            assert text[m.span.start : m.span.end] == m.span_text, (path.name, m.span_text)
            assert m.raw and m.raw in m.span_text


class ValueAndUnitTestCase:
    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("到2025年释放28万平方米生产空间。", 280_000, "平方米"),
            ("发放7.2亿元扶持资金。", 720_000_000, "元"),
            ("全市高层次人才总数超过1.6万人。", 16_000, "人"),
            ("地区生产总值达到1.02万亿元。", 1.02e12, "元"),
            ("研发投入强度提高0.3个百分点。", 0.3, "个百分点"),
            ("释放30公顷产业用地。", 30, "公顷"),
            ("企业在签订合同后3个工作日内取得批复。", 3, "工作日"),
            ("民营企业入围数量占比不低于三分之一。", 33.33, "%"),
            ("服务业占GDP比重超过九成。", 90, "%"),
            ("规上企业占比达到百分之十五。", 15, "%"),
            ("建成2.5萬個充電樁。", 25_000, "个"),
            ("新增学位１万个。", 10_000, "个"),
            ("全市算力总规模达到12EFLOPS。", 12, "EFLOPS"),
            ("全省算力规模达到14EFlops。", 14, "EFlops"),  # kept as written
            ("完成设备更新6.5万台(套)。", 65_000, "台套"),
            ("开展文化惠民活动10万余场次。", 100_000, "场次"),
            ("共补水6600万方。", 66_000_000, "方"),
            ("2012年访港旅客总数超过4 800万人次。", 48_000_000, "人次"),
            ("提供超过67 000个房间。", 67_000, "个"),
            ("人民币存款余额合共7,200亿元人民币。", 720_000_000_000, "元人民币"),
            ("粮食总产781.8亿斤。", 78_180_000_000, "斤"),
            ("中欧班列开行超800列。", 800, "列"),
            ("存款余额突破三百亿元大关。", 30_000_000_000, "元"),
            ("带动相关产业规模超万亿元。", 1e12, "元"),
            ("共收储土地近万亩。", 10_000, "亩"),
            ("基本工程开支预计为七百多亿元。", 70_000_000_000, "元"),
            ("香港国际机场提供六万多个职位。", 60_000, "个"),
            ("IPv6活跃用户数达6.97亿。", 697_000_000, ""),
            ("全省两化融合发展指数达到125左右。", 125, ""),
            ("建成农村公路20条。", 20, "条"),
        ],
    )
    def test_it_normalises_to_the_base_unit(self, text: str, value: float, unit: str) -> None:
        m = one(text)
        assert (m.value, m.unit) == (pytest.approx(value), unit)

    def test_a_share_followed_by_the_goal_it_sets_is_a_metric(self) -> None:
        m = one("落实海绵城市达标区面积占建成区50%的目标要求。", PLAN)
        assert (m.value, m.unit) == (50, "%")

    def test_a_rate_keeps_both_its_units(self) -> None:
        m = one("至2030年,力争路网密度达4.15公里/平方公里。", PLAN)
        assert (m.value, m.unit, m.year) == (4.15, "公里/平方公里", 2030)

    def test_a_classifier_may_end_the_clause(self) -> None:
        found = find("引进院士5位,审批时间缩短至5天,新增设备100台,组建服务队伍20支。")
        assert [(m.value, m.unit) for m in found] == [(5, "位"), (5, "天"), (100, "台"), (20, "支")]

    def test_a_classifier_that_starts_another_word_is_not_a_unit(self) -> None:
        assert find("用3个月时间推进台账管理,支持企业发展。") == []

    def test_qian_before_a_length_unit_is_not_a_magnitude(self) -> None:
        m = one("新建绿道5千米。")
        assert (m.value, m.unit) == (5, "公里")

    def test_a_long_quoted_goal_is_still_read(self) -> None:
        m = one("“力争到2025年全市新增高新技术企业100家以上”是总体要求。", PLAN)
        assert (m.value, m.comparator, m.year) == (100, ">=", 2025)

    def test_a_concentration_is_a_metric(self) -> None:
        # drainage plans' BOD5 (沪府〔2025〕24号), ecological plans' PM2.5 (made-up figures)
        m = one("污水厂进厂BOD5年均浓度大于80mg/L。")
        assert (m.value, m.unit, m.comparator) == (80, "mg/L", ">")
        assert one("细颗粒物(PM2.5)年均浓度降至28微克/立方米。").unit == "微克/立方米"

    def test_a_count_of_named_things_launched_is_a_metric(self) -> None:
        m = one("全区推出深港融合八大示范项目。")
        assert (m.value, m.unit) == (8, "个")

    def test_chinese_numerals_with_a_magnitude_need_a_word_that_sizes_them(self) -> None:
        assert find("把政策送进千家万户。开展万人助企行动。") == []
        assert one("存款余额突破三百亿元大关。").comparator == ">"
        assert one("全省集成电路产业规模过千亿元。").comparator == ">"

    def test_a_bare_number_is_a_figure_only_as_the_level_of_an_index(self) -> None:
        assert find("全年增长8,力争实现新突破。第3,第4。") == []

    def test_a_package_of_articles_is_no_count_of_things_built(self) -> None:
        assert find("出台惠企30条,落实第3条。") == []

    def test_the_investment_in_a_named_project_is_a_metric(self) -> None:
        m = one("实施总投资8.7亿元的“四好农村路”新一期工程建设。")
        assert m.value == 870_000_000

    def test_figures_of_a_list_share_the_end_of_their_unit(self) -> None:
        found = find("比2012年分别提升31.1个和26.3个百分点。")
        assert [(m.value, m.unit) for m in found] == [(31.1, "个百分点"), (26.3, "个百分点")]

    def test_time_taken_is_no_metric(self) -> None:
        assert find("利用20天时间,完成了土地收储。") == []

    def test_a_single_latin_letter_or_a_name_is_no_unit(self) -> None:
        assert find("新建5G基站。建成3D打印中心。大王店110kv变电站投入使用。方案略。") == []

    def test_a_count_written_with_a_digit_before_da_is_a_metric(self) -> None:
        assert one("加快谋划建设10大价值创新园集群。").value == 10


class ComparatorTestCase:
    @pytest.mark.parametrize(
        ("text", "comparator"),
        [
            ("引进持牌金融机构不低于30家。", ">="),
            ("新引进保险机构不少于20家。", ">="),
            ("至少建成5个服务站。", ">="),
            ("新增专精特新企业60家以上。", ">="),
            ("产业总营收规模超过100亿元。", ">"),
            ("增加值突破2000亿元。", ">"),
            ("全年建设保障性住房超5000套。", ">"),
            ("服务企业300多家。", ">"),
            ("全年退减降缓税费约14亿元。", "~"),
            ("为企业申请信用贷款近26亿元。", "~"),
            ("地区生产总值增长6%左右。", "~"),
            ("审批时限压缩至3个工作日以内。", "<="),
            ("负债率不超过60%。", "<="),
            ("担保金额占比不得低于80%。", ">="),
            ("国高企业占全市比重不足2%。", "<="),
            ("现代服务业占比达到75%。", "="),
            ("签约6只产业基金。", "="),
        ],
    )
    def test_it_reads_the_comparator_around_the_figure(self, text: str, comparator: str) -> None:
        assert one(text).comparator == comparator

    @pytest.mark.parametrize(
        ("text", "low"),
        [
            ("新增平台载体1-2个。", 1),
            ("打造3-5 个品牌。", 3),
            ("培育1至2家上市平台。", 1),
            ("争创1—2个国家级重大创新平台。", 1),
            ("力争1--2家企业挂牌上市。", 1),
        ],
    )
    def test_a_range_keeps_its_lower_bound_as_at_least(self, text: str, low: float) -> None:
        m = one(text)
        assert (m.value, m.comparator) == (low, ">=")


class ListTestCase:
    def test_fenbie_gives_one_record_per_indicator_with_the_same_span(self) -> None:
        found = find("金融业、商贸业增加值分别增长到936.86亿元、389.91亿元。", PLAN)
        assert [m.value for m in found] == [93_686_000_000, 38_991_000_000]
        assert found[0].span_text == found[1].span_text
        assert found[0].indicator.startswith("金融业") and found[1].indicator.startswith("商贸业")

    def test_one_figure_shared_by_ge_gives_one_record_per_indicator(self) -> None:
        found = find("金融、科技企业各新增2家。")
        assert [(m.indicator, m.value) for m in found] == [("金融新增", 2), ("科技企业新增", 2)]
        assert found[0].span_text == found[1].span_text

    def test_ge_naming_each_of_a_kind_does_not_share_a_figure(self) -> None:
        assert len(find("各区各部门新增10家企业。")) == 1

    def test_two_figures_of_one_value_in_one_clause_are_two_metrics(self) -> None:
        found = find("新增高新技术企业7家、院士工作站1家、省级重点实验室1家。")
        assert [m.value for m in found] == [7, 1, 1]

    def test_a_list_of_figures_gives_one_record_each(self) -> None:
        found = find("8个外资优质项目、2个世界500强投资项目顺利落地。")
        assert [(m.value, m.unit) for m in found] == [(8, "个"), (2, "个")]
        assert "世界500强投资项目" in found[1].indicator


class NotAMetricTestCase:
    @pytest.mark.parametrize(
        "text",
        [
            "《行动纲要》从五大板块推出29项行动计划。",
            "重点聚焦甲村、乙村、梅陇永联村曹中村等3个城中村整体改造项目。",
            "分类梳理包括区域更新、民生改善等方面共22项任务。",
            "全区纳税超亿元企业,带动就业。",
            "对企业投资的海上风电项目,根据项目建设规模给予投资奖励,分5年拨付,每年拨付20%。",
            "(一)对场址中心离岸距离大于等于50公里近海海上风电项目,根据项目建设规模给予投资奖励。",
            "有序开展甲地块、乙地块以及丙地块等3个重点地块土地出让工作。",
            "以87个重大项目作为支撑。",
            "26家区直部门一把手作为第一责任人。",
            "对首次认定的企业最高给予100万元奖励。",
            "按设备投资额的10%给予补助。",
            "对年产值首次突破10亿元的企业予以支持。",
            "综合实力列全省第三,连续位居全国百强区第15位。",
            "落实“惠企50条”。",
            "全速推进“三大工程”。",
            "根据(国发〔2019〕11号)文件精神。",
            "年满35周岁以下的青年人才。",
            "打造“金镶玉”政策2.0版。",
            "打造12英寸晶圆制造项目。",
            "加快5G基站建设。",
            "落实“20+8”产业集群部署。",
            "联系电话:0755-12345678。",
            "于2023年6月30日前完成。",
            "依照本办法第10条执行。",
            "提供7×24小时服务。",
            "以金融、商贸、商务服务三大优势产业为支撑。",
            # a set listed once is a named set where it recurs after a verb of making (made up)
            "覆盖甲港、乙港、丙港三大港区的运维体系。2026年底,完成三大港区感知系统建设。",
            # the terms of a benefit and who may have it
            "参照其年度地方财政贡献的70%、80%和90%给予企业奖励。",
            "按企业新增财力的50%连续3年全部奖补给企业。",
            "对主营业务收入首次突破1000亿元、500亿元的法人企业,给予一次性奖励。",
            "固定资产投资1000万元及以上至5000万元、5000万元以上的,参照其贡献给予企业奖励。",
            "对新建面积在100亩及以上至500亩的,按标准补助。",
            "每认定1家高新技术企业,给予奖励。",
            "由乡镇与开发区根据财政贡献按50%比例进行分配。",
            "全年谋划5亿元以上项目。",
            "加快推进安远路899项目。",
            "固定资产投资在1亿元及以上且亩均投资强度不低于200万元的项目为重大产业项目。",
            "按照流域不同降雨典型100年一遇、区域50年一遇洪水标准设防。",
            "城乡低保标准月人均分别提高221元和90元。",
            "对单户担保金额500万元以上的主体收取的担保费率原则上不超过1.5%。",
            "重点支持单户担保金额500万元及以下的小微企业。",
            "确定北京、吉林、安徽、山东4个省开展试点。",
        ],
    )
    def test_it_is_not_a_metric(self, text: str) -> None:
        assert find(text) == []

    def test_a_share_required_of_what_meets_a_threshold_is_a_metric(self) -> None:
        m = one("其中单户担保金额500万元及以下的占比不得低于50%。")
        assert (m.value, m.unit, m.comparator) == (50, "%", ">=")

    def test_a_count_of_some_of_the_names_listed_is_a_metric(self) -> None:
        assert one("在书院镇、万祥镇、泥城镇和四团镇范围内选取4个试点镇。").value == 4

    def test_money_paid_out_as_a_whole_is_a_metric(self) -> None:
        assert one("发放消费补贴2.35亿元。").value == 235_000_000

    def test_money_the_government_sets_aside_is_a_metric(self) -> None:
        m = one("设立总规模不少于100亿元的数字经济发展专项基金。")
        assert (m.value, m.comparator) == (10_000_000_000, ">=")

    def test_a_share_that_opens_its_clause_is_a_metric(self) -> None:
        assert one("全省50%以上的文化馆具备数字服务能力。").value == 50
        assert find("对研发投入占比超过5%的企业给予奖励。") == []

    def test_an_amount_of_at_least_a_measure_is_kept(self) -> None:
        m = one("到2025年底,50平方公里以上建设用地面积达到海绵城市建设目标要求。", PLAN)
        assert (m.value, m.comparator, m.year) == (50, ">=", 2025)

    def test_a_count_of_things_of_a_size_is_kept_but_not_the_size(self) -> None:
        found = find("全年谋划亿元以上项目不少于20个,5亿元以上项目不少于10个。")
        assert [(m.value, m.unit) for m in found] == [(20, "个"), (10, "个")]

    def test_a_count_of_firms_that_meet_a_threshold_is_kept_but_not_the_threshold(self) -> None:
        assert [(m.value, m.unit) for m in find("新增2家营收10亿元级的科技企业。")] == [(2, "家")]
        assert [m.value for m in find("培育7家年度财政贡献超过5000万的龙头企业。")] == [7]


class YearTestCase:
    def test_an_explicit_year_is_the_figures_year(self) -> None:
        m = one("到2025年,新增10家国内上市公司。", PLAN)
        assert (m.kind, m.year) == ("target", 2025)

    def test_from_one_year_to_another_gives_each_figure_its_year(self) -> None:
        found = find("生产总值从2016年的1945.16亿元增长到2020年的2375.28亿元。", PLAN)
        assert [(m.year, m.kind) for m in found] == [(2016, "actual"), (2020, "actual")]

    def test_from_x_to_y_in_a_review_without_years_spans_the_previous_period(self) -> None:
        text = "一、发展基础\n全社会研发支出从4.37亿元增至12.74亿元。"
        assert [m.year for m in find(text, PLAN)] == [2016, 2020]

    def test_a_plans_targets_are_for_the_end_of_its_period(self) -> None:
        text = "一、发展现状\n新增创新载体41家。\n二、发展目标\n国家高新技术企业累计超过800家。"
        assert [(m.kind, m.year) for m in find(text, PLAN)] == [("actual", 2020), ("target", 2025)]

    def test_n_years_within_counts_from_the_documents_year(self) -> None:
        m = one("三年内新增商业面积10万平方米。", DocInfo(year=2023, kind="measures"))
        assert m.year == 2026

    def test_a_table_row_gives_its_deadline_year(self) -> None:
        text = "民营企业入围数量占比不低于三分之一。"
        m = find(text, MEASURES, [Passage(0, len(text), year_hint=2024)])[0]
        assert (m.kind, m.year) == ("target", 2024)

    def test_an_ongoing_row_gives_no_year(self) -> None:
        text = "实现企业诉求解决回复率100%。"
        m = find(text, MEASURES, [Passage(0, len(text), year_hint=None, ongoing=True)])[0]
        assert (m.kind, m.year) == ("target", None)

    def test_with_nothing_to_go_on_the_year_is_none(self) -> None:
        assert one("培育打造1至2家新的国企上市平台。").year is None

    def test_a_work_report_reviews_the_year_before_and_plans_its_own(self) -> None:
        info = DocInfo(year=2024, kind="work_report")
        text = (
            "回顾2023:成绩显著\n羅湖引入301家重點企業。\n展望2024:重点抓好十大行动\n新增5个市级以上创新载体。"
        )
        assert [(m.kind, m.year, m.value) for m in find(text, info)] == [
            ("actual", 2023, 301),
            ("target", 2024, 5),
        ]

    def test_the_base_of_a_comparison_is_not_the_figures_year(self) -> None:
        m = one("二、发展目标\n单位GDP能耗较2020年下降13.5%。", PLAN)
        assert (m.kind, m.year) == ("target", 2025)

    def test_jinnian_is_the_documents_own_year(self) -> None:
        m = one("今年,力争新增企业300家。", DocInfo(year=2023, kind="news"))
        assert (m.kind, m.year) == ("target", 2023)

    def test_a_part_of_the_year_already_past_is_reported(self) -> None:
        m = one("今年前三季度,全区地区生产总值增长5.2%。", DocInfo(year=2023, kind="news"))
        assert (m.kind, m.year) == ("actual", 2023)

    def test_yuji_in_a_review_is_an_estimate_of_the_past_year(self) -> None:
        text = "一、2023年工作回顾\n预计全年地区生产总值增长6.5%。"
        m = one(text, DocInfo(year=2024, kind="work_report"))
        assert (m.kind, m.year) == ("actual", 2023)

    def test_lizheng_in_a_review_section_is_still_a_target(self) -> None:
        m = one("一、发展基础\n力争新增创新载体5家。", PLAN)
        assert (m.kind, m.year) == ("target", 2025)

    def test_a_state_described_in_a_plan_is_an_actual_of_the_base_year(self) -> None:
        m = one("三、空间格局\n产业带长度3.6公里。", PLAN)
        assert (m.kind, m.year) == ("actual", 2020)

    def test_the_start_of_a_span_up_to_now_is_not_the_figures_year(self) -> None:
        text = "自2020年开展达标评估以来,共计25.2平方公里已完成达标评估。"
        plan = DocInfo(title="某区实施方案", year=2024, period_start=2024, period_end=2030, kind="plan")
        assert (one(text, plan).kind, one(text, plan).year) == ("actual", 2023)  # the year before the plan's
        standing = DocInfo(title="某区实施方案", year=2024, kind="plan")
        assert (one(text, standing).kind, one(text, standing).year) == ("actual", 2024)  # as written

    def test_a_year_named_relative_to_the_documents_is_the_figures_year(self) -> None:
        info = DocInfo(year=2013, kind="work_report")
        assert [(m.kind, m.year) for m in find("整体投资在去年进一步飙升9.1%。", info)] == [("actual", 2012)]
        assert [m.year for m in find("二、重点任务\n出口比去年增长10%。", info)] == [2013]  # a base

    def test_a_figure_as_it_stands_now_is_of_the_documents_year(self) -> None:
        info = DocInfo(year=2013, kind="work_report")
        m = one("一、2012年工作回顾\n整个行业目前雇用员工77万人。", info)
        assert (m.kind, m.year) == ("actual", 2013)

    def test_money_secured_in_a_review_is_an_actual(self) -> None:
        info = DocInfo(year=2025, kind="work_report")
        m = one("一、2024年工作回顾\n争取增发国债项目资金1221.9亿元。", info)
        assert (m.kind, m.year) == ("actual", 2024)

    def test_from_x_to_y_in_a_paragraph_reviewing_five_years(self) -> None:
        text = "一、过去五年工作回顾\n这五年,国家级高新技术企业从0.94万家增加到1.55万家。"
        found = find(text, DocInfo(year=2026, kind="work_report"))
        assert [(m.value, m.year) for m in found] == [(9_400, 2020), (15_500, 2025)]

    def test_a_year_ending_an_earlier_change_of_the_sentence_does_not_date_the_next_change(self) -> None:
        text = "一、过去五年工作回顾\n这五年,全市生产总值从2020年的900亿元增长到2025年的1200亿元,税收收入从80亿元增长到95亿元。"
        found = find(text, DocInfo(year=2026, kind="work_report"))
        assert [(m.value, m.year) for m in found if m.value < 1e10] == [(8e9, 2020), (9.5e9, 2025)]

    def test_qunian_opening_a_paragraph_dates_that_paragraph_only(self) -> None:
        info = DocInfo(year=2013, kind="work_report")
        text = "二、推动经济\n去年,访港旅客增加16%。\n金融服务业将新增职位5000个。"
        assert [(m.value, m.year) for m in find(text, info)] == [(16, 2012), (5000, 2013)]

    def test_a_fiscal_year_across_two_years_is_the_year_it_ends_in(self) -> None:
        m = one("2013-2014年度的教育经常开支预计达630亿元。", DocInfo(year=2013, kind="work_report"))
        assert m.year == 2014

    def test_a_budget_for_a_fiscal_year_plans_for_the_year_it_ends_in(self) -> None:
        text = "一、引言\n我建议拨款50亿元注资语文基金。\n2013-14年度的开支。2013-14年度的收入。"
        assert one(text, DocInfo(year=2013, kind="work_report")).year == 2014

    def test_a_state_described_as_it_is_is_an_actual_of_the_documents_year(self) -> None:
        info = DocInfo(year=2013, kind="work_report")
        assert [(m.kind, m.year) for m in find("二、推动经济\n金融服务业雇用23万人。", info)] == [
            ("actual", 2013)
        ]
        assert [(m.kind, m.year) for m in find("二、推动经济\n金融服务业将雇用23万人。", info)] == [
            ("target", 2013)
        ]

    def test_a_year_followed_by_its_month_is_the_figures_year(self) -> None:
        m = one("2021年至2022年6月,近150家企业完成首发上市。", DocInfo(year=2022, kind="report"))
        assert (m.kind, m.year) == ("actual", 2022)
        m = one("软件业务收入增长到2021年9.6万亿元。", DocInfo(year=2022, kind="report"))
        assert m.year == 2021

    def test_a_goal_paragraphs_year_holds_for_its_later_sentences(self) -> None:
        text = "打造创新高地。力争到2027年,智能算力占比达到40%。培育20家领军企业。"
        found = find(text, DocInfo(year=2024, kind="plan"))
        assert [(m.value, m.kind, m.year) for m in found] == [(40, "target", 2027), (20, "target", 2027)]

    def test_a_year_reached_in_a_review_does_not_carry_to_the_next_sentence(self) -> None:
        text = "光缆线路长度从2012年的1479万公里增加到2021年的5481万公里。建成153家绿色数据中心。"
        found = find(text, DocInfo(year=2022, kind="report"))
        assert [(m.value, m.year) for m in found][-1] == (153, 2022)

    def test_a_standing_quota_has_no_year_unless_the_document_plans_one_year(self) -> None:
        text = "每年布局150项以上基础研究项目。"
        assert one(text, DocInfo(year=2023, kind="measures")).year is None
        assert one(text, PLAN).year is None
        assert one(text, DocInfo(year=2019, kind="work_report")).year == 2019
        dated = one("到2025年,产业链韧性显著增强。每年新增授权发明专利10000件以上。", PLAN)
        assert dated.year == 2025

    def test_a_plan_of_one_year_plans_for_it_and_a_standing_plan_for_no_year(self) -> None:
        text = "一、工作目标\n全区完成18个高标准分类小区。每年选取4个试点镇开展体检。"
        annual = DocInfo(title="某区2025年生活垃圾分类工作实施方案", year=2025, kind="plan")
        assert [m.year for m in find(text, annual)] == [2025, 2025]
        standing = DocInfo(title="某区城市体检实施方案(试行)", year=2024, kind="plan")
        assert [m.year for m in find(text, standing)] == [None, None]

    def test_an_annexed_task_list_does_not_restate_the_bodys_targets(self) -> None:
        body = "一、工作目标\n完成289个投放点微更新。\n" + "二、保障措施\n加强组织领导。\n" * 5
        text = body + "附件:\n任务清单\n1.完成全区289个投放点微更新,新增回收点9个。\n"
        info = DocInfo(title="某区2025年工作方案", year=2025, kind="plan")
        assert [m.value for m in find(text, info)] == [289, 9]

    def test_a_plan_that_sets_out_to_reach_a_year_plans_up_to_it(self) -> None:
        text = "一、主要目标\n力争到2027年,培育20家领军企业。\n二、重点任务\n每年布局150项以上研究项目。建成2个研究院。"
        found = find(text, DocInfo(year=2024, kind="plan"))
        assert [(m.value, m.year) for m in found] == [(20, 2027), (150, None), (2, 2027)]

    def test_a_review_of_the_recent_years_is_as_of_the_documents_year(self) -> None:
        info = DocInfo(year=2021, period_start=2021, period_end=2025, kind="plan")
        m = one("一、现状与形势\n近十年来,发布国家标准285项。", info)
        assert (m.kind, m.year) == ("actual", 2021)

    def test_a_report_on_a_situation_reports_actuals_of_its_year(self) -> None:
        text = "一、数字基础设施建设成效显著\n累计建成开通5G基站196.8万个。\n二、下一步工作安排\n建成一批平台10个。"
        found = find(text, DocInfo(year=2022, kind="report"))
        assert [(m.kind, m.year) for m in found] == [("actual", 2022), ("target", 2022)]


class DocumentOfOneYearTestCase:
    """Targets with no year of their own in a document of one year are for that year."""

    @staticmethod
    def years(text: str) -> list[int | None]:
        return [m.year for m in find(text, doc_info(text, working_text(text), "doc.txt"))]

    def test_a_notice_for_one_year_gives_its_targets_that_year(self) -> None:
        text = "关于开展2024年本市海绵城市建设工作的函\n一、工作目标\n本市新增城市建成区50平方公里达到海绵城市建设要求。\n2024年2月1日"
        assert self.years(text) == [2024]

    def test_an_annual_plan_without_its_year_in_the_title_gives_its_targets_its_year(self) -> None:
        text = "某区城市更新实施方案\n1.完成旧住房修缮更新60万平方米(年底前完成)。\n2025年7月15日"
        assert self.years(text) == [2025]

    def test_a_later_milestone_in_a_plan_of_one_year_dates_only_its_paragraph(self) -> None:
        # (invented; written as 县 行动计划 and 区 工作方案 of one year write a later milestone)
        text = (
            "某县2025年农村人居环境整治行动计划\n到2027年,建成美丽乡村示范村20个。\n"
            "全年新增高标准农田5000亩,年底前完成农村户厕改造1200户。\n完成道路硬化30公里。"
        )
        assert self.years(text) == [2027, 2025, 2025, 2025]
        same_line = (
            "某区2024年城市更新工作方案\n到2026年,累计完成改造30万平方米。全年完成旧住房改造10万平方米。"
        )
        assert self.years(same_line) == [2026, 2024]

    def test_a_plan_of_several_years_keeps_its_milestone_for_what_follows(self) -> None:
        text = "某县农村人居环境整治三年行动计划(2025—2027年)\n到2027年,建成美丽乡村示范村20个。\n新增高标准农田5000亩。"
        assert self.years(text) == [2027, 2027]

    def test_a_standing_plan_on_trial_gives_its_targets_no_year(self) -> None:
        text = "某区城市体检实施方案(试行)\n1.选取4个试点镇开展城市体检(年底前完成)。\n2024年5月18日"
        assert self.years(text) == [None]


class SpeechToAWorkConferenceTestCase:
    """A speech to a work conference (在全县经济工作会议上的讲话) reviews the year before its own and
    sets the targets of its own year, as a work report does, though it names itself no report."""

    @staticmethod
    def kinds_and_years(text: str) -> list[tuple[str, int | None]]:
        return [(m.kind, m.year) for m in find(text, doc_info(text, working_text(text), "doc.txt"))]

    def test_what_was_done_in_the_year_past_is_of_the_year_before_the_speech(self) -> None:
        text = "在全镇工作会议上的讲话\n（2023年2月8日）\n同志们：\n过去一年，全镇新建农村道路12公里。\n今年，全镇新建农村道路15公里。"
        assert self.kinds_and_years(text) == [("actual", 2022), ("target", 2023)]

    def test_a_line_opening_with_the_goals_of_a_year_dates_the_plan_after_it(self) -> None:
        text = (
            "在全区经济工作会议上的讲话\n（2023年1月9日）\n2022年，全区引进项目40个。\n"
            "2023年全区经济社会发展的主要预期目标是：引进项目45个。\n全年改造老旧小区8个。"
        )
        assert self.kinds_and_years(text) == [("actual", 2022), ("target", 2023), ("target", 2023)]


class GoalsAnnouncedForAYearTestCase:
    """A sentence announcing the goals to reach by a year (…2026年底前…,达到如下目标:) dates the list or
    table of goals after it, a 目标 heading cell at the table's head included."""

    @staticmethod
    def years(text: str) -> list[int | None]:
        return [m.year for m in find(text, doc_info(text, working_text(text), "doc.txt"))]

    def test_a_table_of_goals_after_the_announcement_has_its_year(self) -> None:
        text = (
            "某区供水管理改革实施方案\n二、改革目标\n2027年底前完成一体化运维,服务水平明显提高,达到以下目标:\n"
            "指标名称\n目标\n管网漏损率\n9%以内\n三、改革任务\n1.年内完成设施移交清单(年底前完成)。\n2025年3月1日"
        )
        assert self.years(text) == [2027]

    def test_a_date_with_its_month_is_no_year_of_the_goals(self) -> None:
        text = (
            "某区供水管理改革实施方案\n2026年12月底前移交设施,达到以下目标:\n管网漏损率降至9%。\n2025年3月1日"
        )
        assert self.years(text) == [None]  # a step's date (its month named), not the goals' year


class SituationOfAStandingPlanTestCase:
    """A standing plan (no period, no one year) describes the situation it starts from as it
    stands when written: its own year."""

    @staticmethod
    def kinds_and_years(text: str) -> list[tuple[str, int | None]]:
        return [(m.kind, m.year) for m in find(text, doc_info(text, working_text(text), "doc.txt"))]

    def test_a_capacity_stated_without_a_verb_is_the_situation_of_the_year_of_writing(self) -> None:
        text = "关于加强本区餐厨垃圾处理的工作方案\n一、现状\n本区集中收运,日处理能力260吨/日。\n2031年5月6日"
        assert self.kinds_and_years(text) == [("actual", 2031)]

    def test_a_count_reported_by_the_writer_is_the_situation_of_the_year_of_writing(self) -> None:
        text = "关于加强本区餐厨垃圾处理的工作方案\n一、问题\n据不完全统计,本区每日散落餐厨垃圾约40吨。\n2031年5月6日"
        assert self.kinds_and_years(text) == [("actual", 2031)]


class PlannedForTheDocumentsYearTestCase:
    def test_the_documents_year_planned_in_a_goal_is_a_target(self) -> None:
        text = (
            "某区老旧小区改造实施方案\n一、现状\n全区2000年前建成的小区共300个。\n"
            "改造目标:2031年计划改造30万平方米,2032年计划改造50万平方米。\n2031年4月1日"
        )
        found = find(text, doc_info(text, working_text(text), "doc.txt"))
        assert [(m.kind, m.year, m.value) for m in found if m.unit == "平方米"] == [
            ("target", 2031, 300_000),
            ("target", 2032, 500_000),
        ]


class NamedFiveYearPeriodTestCase:
    """A five-year plan's period named just before a figure dates it: its last year, done in it when
    it has ended by the document's year, planned for it otherwise."""

    def test_a_period_not_ended_is_planned_for_its_last_year(self) -> None:
        text = "目前全区已建成泵站3座,“十五五”计划建成泵站10座。"
        found = find(text, DocInfo(title="某区水务规划", year=2026, kind="plan"))
        assert [(m.kind, m.year, m.value) for m in found] == [("actual", 2026, 3), ("target", 2030, 10)]

    def test_a_period_ended_is_reviewed_as_its_last_year(self) -> None:
        text = "“十四五”时期,全市地区生产总值年均增长5.1%。"
        m = one(text, DocInfo(year=2026, kind="work_report"))
        assert (m.kind, m.year) == ("actual", 2025)

    def test_since_the_start_of_a_period_is_no_date_of_the_period(self) -> None:
        text = "一、工作回顾\n“十五五”以来,全省新增高新技术企业800家。"
        m = one(text, DocInfo(year=2030, kind="work_report"))
        assert (m.kind, m.year) == ("actual", 2029)


class ShareStatedInAWorkReportTestCase:
    def test_a_share_stated_without_a_verb_is_the_state_of_the_year_of_the_speech(self) -> None:
        text = "三、推动产业发展\n物流业约占本地生产总值3%,我们会继续支持业界。"
        m = one(text, DocInfo(year=2031, kind="work_report"))
        assert (m.kind, m.year) == ("actual", 2031)

    def test_a_share_to_reach_is_a_target(self) -> None:
        text = "三、推动产业发展\n力争物流业占本地生产总值的比重达到5%。"
        m = one(text, DocInfo(year=2031, kind="work_report"))
        assert (m.kind, m.year) == ("target", 2031)


class PassageTestCase:
    def test_only_figures_inside_the_passages_are_read(self) -> None:
        text = "新增10家企业。\n新增20家企业。"
        found = find(text, MEASURES, [Passage(text.index("新增20"), len(text))])
        assert [m.value for m in found] == [20]

    def test_no_passages_give_no_metrics(self) -> None:
        assert find("新增10家企业。", MEASURES, []) == []

    def test_the_same_clause_said_twice_is_reported_once(self) -> None:
        text = "全年建设保障性住房超5000套。\n全年建设保障性住房超5000套。"
        assert len(find(text)) == 1

    def test_traditional_text_is_read_and_sliced_in_its_own_script(self) -> None:
        m = one("發放消費補貼２.３５億元。")
        assert (m.value, m.unit, m.span_text, m.raw) == (
            235_000_000,
            "元",
            "發放消費補貼２.３５億元",
            "２.３５億元",
        )


class BadInputTestCase:
    def test_a_working_text_of_another_length_is_refused(self) -> None:
        with pytest.raises(ValueError, match="length"):
            find_metrics("新增10家", "新增", [], MEASURES)

    def test_a_malformed_word_list_names_its_file_and_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = metrics_module.load_data

        def broken(name: str) -> dict[str, Any]:
            data = dict(real(name))
            if name == "comparators.json":
                data["before"] = {"不低于": "at least"}
            return data

        monkeypatch.setattr(metrics_module, "load_data", broken)
        metrics_module.metric_words.cache_clear()
        try:
            with pytest.raises(LexiconError, match=r"comparators\.json.*before.*不低于"):
                metrics_module.metric_words()
        finally:
            metrics_module.metric_words.cache_clear()


class FastPathsTestCase:
    """The shortcuts that make metric finding fast find what the plain patterns find."""

    TRICKY = (
        "到2025年,新增1,250.6亿元,增长6.5%,进一步提高三分之一,百分之十五的企业九成以上满意。\n"
        "推出八大示范项目、10大工程,建成三个中心,两所学校;5G基站B1地块第3名,2016至2020年。\n"
        "2.5万个 3-5 个 300多家 12月 2024年3月 1,2345元 约 3 个 不低于  5%"
    )

    def test_the_figure_finder_finds_what_the_figure_pattern_finds(self) -> None:
        texts = [self.TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))]
        for text in texts:
            work = working_text(text)
            plain = [(m.span(), m.groupdict()) for m in metrics_module._figure_pattern().finditer(work)]
            fast = [(m.span(), m.groupdict()) for m in metrics_module._scan_figures(work)]
            assert fast == plain
            assert plain  # every text has figures: the comparison is not empty

    def test_a_comma_between_thousands_does_not_end_a_clause(self) -> None:
        work = "完成1,250.6亿元,增长6%;共1,2345家"
        stops = metrics_module._Stops(work)
        clause = metrics_module._STOP
        assert stops.bound(clause, work.index("1,250"), 0, len(work)) == (0, work.index(",增长"))
        assert stops.bound(clause, work.index("6%"), 0, len(work)) == (work.index("增长"), work.index(";"))
        # "1,2345" is not a thousands separator: the comma ends a clause.
        assert stops.bound(clause, work.index("2345"), 0, len(work)) == (work.index("2345"), len(work))
        # The digits after the comma may lie past the passage's end: still no stop.
        assert stops.bound(clause, 2, 0, work.index(",250") + 1) == (0, work.index(",250") + 1)

    def test_the_word_before_a_figure_is_the_longest_and_spaces_are_skipped(self) -> None:
        words = ("不低于", "低于", "约")
        work = "产值不低于 \t5亿元,约3个"
        five = work.index("5")
        assert metrics_module._ends_with_any(work, five, words, 0) == "不低于"
        assert metrics_module._ends_with_any(work, five, words, work.index("低于")) == "低于"
        assert metrics_module._ends_with_any(work, work.index("3"), words, 0) == "约"
        assert metrics_module._ends_with_any(work, work.index("亿"), words, 0) == ""

    def test_a_word_with_spaces_around_it_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = load_data

        def spaced(name: str) -> dict[str, Any]:
            data = dict(real(name))
            if name == "metric_words.json":
                data["since_words"] = [*data["since_words"], "以来 "]
            return data

        monkeypatch.setattr(metrics_module, "load_data", spaced)
        metrics_module.metric_words.cache_clear()
        try:
            with pytest.raises(LexiconError, match=r"metric_words\.json.*since_words.*以来 .*spaces"):
                metrics_module.metric_words()
        finally:
            metrics_module.metric_words.cache_clear()


class IndicatorTableTestCase:
    """A table of indicators: a row an indicator, a column a year (主要指标表)."""

    TABLE = (
        "某区国民经济和社会发展第十四个五年规划纲要\n"
        "(2021年1月28日区人民代表大会会议批准)\n"
        "序号\t指标\t2020年\t2025年\t年均增长\t属性\n"
        "1\t地区生产总值(亿元)\t1250\t1750\t7%左右\t预期性\n"
        "2\t研发经费投入强度(%)\t2.1\t3.0\t[0.9]\t预期性\n"
        "3\t城镇调查失业率(%)\t4.5\t<5.5\t—\t预期性\n"
    )

    def test_each_year_column_gives_a_figure_of_its_year(self) -> None:
        from taizhang.extract import extract_text

        found = [
            (m.kind, m.indicator, m.value, m.unit, m.comparator, m.year)
            for m in extract_text(self.TABLE, name="plan.txt").metrics
        ]
        assert found == [
            ("actual", "地区生产总值", 125_000_000_000, "元", "=", 2020),
            ("target", "地区生产总值", 175_000_000_000, "元", "=", 2025),
            ("target", "地区生产总值年均增长", 7, "%", "~", 2025),
            ("actual", "研发经费投入强度", 2.1, "%", "=", 2020),
            ("target", "研发经费投入强度", 3.0, "%", "=", 2025),
            ("target", "研发经费投入强度年均增长", 0.9, "个百分点", "=", 2025),
            ("actual", "城镇调查失业率", 4.5, "%", "=", 2020),
            ("target", "城镇调查失业率", 5.5, "%", "<", 2025),
        ]

    def test_a_table_without_a_year_column_is_read_as_text(self) -> None:
        from taizhang.extract import extract_text

        text = "序号\t项目名称\t建设内容\n1\t产业园\t新建厂房5万平方米\n2\t学校\t新增学位2000个\n"
        found = [(m.value, m.unit) for m in extract_text(text, name="t.txt").metrics]
        assert found == [(50_000, "平方米"), (2000, "个")]


class WrappedTextTestCase:
    """Text pulled out of a PDF: every line wrapped at the same width, paragraphs run on."""

    @staticmethod
    def wrapped(paragraph: str, width: int = 26) -> str:
        return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))

    def test_a_figure_and_its_year_across_a_wrapped_line_are_read(self) -> None:
        filler = "坚持创新驱动发展，加快推进产业转型升级，持续优化营商环境，" * 12
        goal = "力争到2025年，全市规模以上制造业企业大部分实现数字化网络化，建成500"
        pad = 26 - (len(filler) + len(goal)) % 26
        paragraph = filler + "，" * pad + goal + "个以上智能制造示范工厂。" + filler
        text = "一、发展目标\n" + self.wrapped(paragraph) + "\n二、重点任务\n"
        assert "500\n个" in text
        m = one(text, DocInfo(year=2021, kind="measures"))
        assert (m.value, m.unit, m.comparator, m.year) == (500, "个", ">=", 2025)
        assert "\n" not in m.indicator

    def test_lines_of_any_width_are_not_joined(self) -> None:
        lines = ["某" * (10 + 7 * i % 50) for i in range(40)]
        text = "\n".join([*lines[:20], "全年新增企业10", "家,新增就业5000人。", *lines[20:]])
        assert [m.value for m in find(text)] == [5000]


class BaseOfAChangeTestCase:
    """A plan's change from one figure to another (由X提高至Y): X is where things stand."""

    def test_the_figure_a_change_starts_from_is_an_actual_of_the_year_before_the_plan(self) -> None:
        found = find("到2025年，全区垃圾回收利用率由35%提高至45%。", PLAN)
        got = {(m.kind, m.value, m.year) for m in found}
        assert got == {("actual", 35, 2020), ("target", 45, 2025)}

    def test_a_year_named_at_the_start_of_the_change_is_its_year(self) -> None:
        found = find("公交分担率从2022年的30%提升到40%。", PLAN)
        assert ("actual", 30, 2022) in {(m.kind, m.value, m.year) for m in found}

    def test_a_figure_followed_by_a_rise_with_no_from_is_a_target(self) -> None:
        found = find("全区绿地面积达到30公顷，提高到新的水平。", PLAN)
        assert [(m.kind, m.value) for m in found] == [("target", 30)]


class CountsOfIndicatorsTestCase:
    def test_a_count_of_the_indicators_a_document_adopts_is_no_metric(self) -> None:
        assert find("体检指标沿用国家50个基础性指标和本市新增20个指标的同时，增设特色指标。", PLAN) == []

    def test_a_count_of_criteria_is_no_metric(self) -> None:
        assert find("全面对照脱贫退出5项指标，因户施策。", PLAN) == []

    def test_a_count_of_projects_on_indicators_is_a_metric(self) -> None:
        assert [m.value for m in find("建成3个指标体系试点项目。", PLAN)] == [3]


class RatesPerTimeTestCase:
    def test_a_capacity_per_day_keeps_its_time(self) -> None:
        m = one("到2025年，日处置能力提升至900吨/日。", PLAN)
        assert (m.value, m.unit, m.year) == (900, "吨/日", 2025)


class StagesOfAScheduleTestCase:
    """A plan's schedule: each item opens with its date, the year of the item's figures."""

    THREE_YEARS = DocInfo(title="三年行动计划", year=2024, period_start=2024, period_end=2026, kind="plan")

    def test_a_year_after_an_items_number_is_a_year(self) -> None:
        m = one("1.2025年6月底前，新建口袋公园20座。", self.THREE_YEARS)
        assert (m.value, m.year) == (20, 2025)

    def test_the_opening_date_of_an_item_dates_its_later_sentences(self) -> None:
        found = find(
            "2.2025年7月至12月，新建绿道10公里，总计达30公里；新增驿站5座，总计达12座。", self.THREE_YEARS
        )
        assert {(m.value, m.unit, m.year) for m in found} == {
            (10, "公里", 2025),
            (30, "公里", 2025),
            (5, "座", 2025),
            (12, "座", 2025),
        }

    def test_a_count_of_roads_after_a_clause_that_builds_is_a_metric(self) -> None:
        found = find("2026年底前，新增特色道路10条，总计达30条；特色园5座。", self.THREE_YEARS)
        assert (30, "条", 2026) in {(m.value, m.unit, m.year) for m in found}

    def test_a_past_year_opening_an_item_is_no_horizon(self) -> None:
        found = find("2023年，全区新建绿道10公里。\n力争新建绿道20公里。", self.THREE_YEARS)
        assert [(m.value, m.year) for m in found if m.value == 20] == [(20, 2026)]


class HoursOfAServiceTestCase:
    def test_the_hours_a_service_keeps_are_no_metric(self) -> None:
        assert find("协调解决24小时开放公园夜间管理问题，落实24小时值守。", PLAN) == []

    def test_a_share_of_round_the_clock_parks_is_a_metric(self) -> None:
        m = one("到2025年，各类公园24小时开放比例达到90%。", PLAN)
        assert (m.value, m.unit) == (90, "%")


class BuiltBeforeAYearTestCase:
    def test_a_year_things_were_built_before_is_not_the_figures_year(self) -> None:
        m = one("推进2010年前建成的3万户老旧设施提标改造。", PLAN)
        assert (m.value, m.unit, m.year) == (30000, "户", 2025)

    def test_a_deadline_before_a_year_is_the_figures_year(self) -> None:
        m = one("2023年前完成3万户设施改造。", PLAN)
        assert (m.value, m.year) == (30000, 2023)


class CompoundClassifiersTestCase:
    def test_item_times_and_river_sections_keep_their_classifier(self) -> None:
        found = find("完成整改60项次，打通断头河900余条段。", PLAN)
        assert {(m.value, m.unit) for m in found} == {(60, "项次"), (900, "条段")}


class YearOpeningASentenceTestCase:
    # (invented; written as 杭州滨江's 若干政策 and 区 work plans write a paragraph's year)
    def test_it_dates_the_later_sentences_of_its_paragraph(self) -> None:
        text = "关于推动经济发展的若干政策\n1.强化资金保障。2023年,计划推进50个项目。安排8亿元财政资金保障项目建设。\n2.新增就业岗位1000个。"
        found = find(text, doc_info(text, working_text(text), "doc.txt"))
        assert [(m.value, m.year) for m in found] == [(50, 2023), (800000000, 2023), (1000, None)]


class BaseOfAComparisonTestCase:
    # (invented; 香港's budget debate reply and 区 work reports compare so)
    def test_a_past_years_value_compared_with_is_an_actual_of_that_year(self) -> None:
        text = "2024年某区政府工作报告\n今年通胀率较去年全年的1.4%有所改善,失业率较2022年同期的4.7%为低。"
        found = find(text, doc_info(text, working_text(text), "doc.txt"))
        assert [(m.kind, m.value, m.year) for m in found] == [("actual", 1.4, 2023), ("actual", 4.7, 2022)]


class BarOfAShareTestCase:
    # (invented; 县 plans: 力争实现N%的村集体年收入超X万元; 区 plans: N%的规上企业研发投入达到X)
    def test_the_share_is_the_metric_and_the_bar_it_clears_is_not(self) -> None:
        found = find("力争实现20%的村集体年收入超30万元。", PLAN)
        assert [(m.value, m.unit) for m in found] == [(20, "%")]
        found = find("全区30%的规上企业研发投入达到500万元。", PLAN)
        assert [(m.value, m.unit) for m in found] == [(30, "%")]

    def test_a_figure_after_a_share_that_is_no_bar_is_kept(self) -> None:
        found = find("80%以上的规上企业完成数字化改造,新增经济强村5个。", PLAN)
        assert [(m.value, m.unit) for m in found] == [(80, "%"), (5, "个")]


class UnitsOfHousingVehiclesAndAgesTestCase:
    # (invented; 天津's and 上海's housing work write 套（间）, 公安 and 城管 counts 件（辆）, health
    # plans and work reports 人均预期寿命…岁)
    def test_rooms_and_vehicles_keep_their_written_unit(self) -> None:
        found = find("筹集保障性租赁住房1200套（间）,查处违法停放车辆150件（辆）。", PLAN)
        assert {(m.value, m.unit) for m in found} == {(1200, "套(间)"), (150, "件(辆)")}

    def test_tenths_after_a_verb_of_growth_are_a_growth_in_per_cent(self) -> None:
        # (invented; 天津's and 河北's work reports: 运力提升四成, 成本降低两成)
        assert [(m.value, m.unit) for m in find("改造后通行能力提升四成。", PLAN)] == [(40, "%")]
        assert [(m.value, m.unit) for m in find("物流成本降低两成。", PLAN)] == [(20, "%")]
        assert find("各部门形成合力,建成示范点。", PLAN) == []

    def test_a_multiple_in_chinese_numerals_after_growth_is_a_metric(self) -> None:
        # (invented; 香港's budget speech: 升幅超过一倍, 增长一倍半; 区 work reports: 增长两倍)
        found = find("出口升幅超过一倍,营收增长两倍,贸易增长一倍半。", PLAN)
        assert [(m.value, m.unit, m.comparator) for m in found] == [
            (1, "倍", ">"),
            (2, "倍", "="),
            (1.5, "倍", "="),
        ]
        assert find("罚款加倍,是上年的两倍。", PLAN) == []

    def test_an_age_reached_is_a_metric_and_an_age_band_is_not(self) -> None:
        assert [(m.value, m.unit) for m in find("人均预期寿命达到82.5岁。", PLAN)] == [(82.5, "岁")]
        assert [m.unit for m in find("15岁至64岁人口占比下降。", PLAN)] == []
        found = find("60岁以上老年人健康管理率达到75%。", PLAN)
        assert [(m.value, m.unit) for m in found] == [(75, "%")]


class TestTermsOfMeasuresDocuments:
    """Benefit terms, standards, limits and conditions of 若干措施 / 扶持办法 are no metrics; the
    targets beside them are."""

    @pytest.mark.parametrize(
        "text",
        [
            # a standard laid down, and the terms it sets
            "全县房产税计税标准下调至每平方米3元。",
            "租金补贴标准为:首年按每月20元/平方米,次年每月10元/平方米。",
            # a rate reckoned on a base named after 按照
            "项目建成后按照其软件投资额的15%,给予不超过300万元补助。",
            # one recipient's cap or condition
            "单家企业年度补助不超过50万元。",
            "2.单个园区建筑面积5000平方米以上;",
            # how far a rule may be adjusted
            "主管部门可视情况调整补助标准,调整幅度不超过10%。",
            # the conditions of a sentence opening with 对, up to its grant
            "对新建投资3000万元以上、属于首位产业的项目,以及投资800万元以上的技改项目,给予一次性奖励。",
            "对门店在地下室存放液化气超过50kg的,软管长度超过3米、私接管道的,责令整改。",
            # how many get a support; what each one reckoned by must be
            "每年优先支持2个符合条件的乡镇创建示范镇。",
            "每培育一家年营收超5000万元企业,给予奖励。",
            # the measures of the document counted, the contact person named
            "将原有的12项帮扶措施调整为18项帮扶措施。",
            "各街道确定1名联络员,负责信息报送。",
            "各单位指定1名工作人员担任统计信息员。",
            # how often a procedure is done
            "每季度至少召开1次联席会议。",
            "标线每两年不少于1次复划。",
        ],
    )
    def test_it_is_not_a_metric(self, text: str) -> None:
        assert find(text) == []

    def test_a_floor_of_a_rate_laid_down_in_principle_is_a_target(self) -> None:
        m = one("既有公共建筑屋顶绿化覆盖率原则上不低于20%。")
        assert (m.value, m.unit, m.comparator) == (20, "%", ">=")
        assert find("贷款利率原则上不超过3%。") == []

    def test_a_target_beside_benefit_terms_is_kept(self) -> None:
        found = find("力争全县规上工业企业达到300家。对首次升规的企业,给予10万元奖励。")
        assert [(m.value, m.unit) for m in found] == [(300, "家")]

    def test_each_share_of_a_list_of_shares_is_a_metric(self) -> None:
        found = find("力争80%以上的规上企业完成数字化改造、60%以上的中小企业上云。")
        assert [(m.value, m.unit, m.comparator) for m in found] == [(80, "%", ">="), (60, "%", ">=")]
        assert find("对研发投入占比超过5%、6%以上的企业给予奖励。") == []

    def test_a_count_of_events_with_no_period_is_a_metric(self) -> None:
        assert one("全年举办招商推介活动20次。").value == 20

    def test_a_count_of_firms_meeting_conditions_with_no_support_is_a_metric(self) -> None:
        assert one("每年推动5家符合条件的企业上市。").value == 5


def test_an_allowance_a_person_has_a_month_or_a_year_is_a_benefit_not_a_metric():
    text = "2031年民生实事进展:已将城乡低保标准提高到900元/人月,特困人员供养标准提高到18000元/人年。全市新增养老床位500张。\n"
    values = {m.value for m in extract_text(text).metrics}
    assert 900 not in values and 18000 not in values
    assert 500 in values


def test_a_standard_laid_down_relative_to_another_is_a_benefit_term():
    text = "2031年民生实事:残疾人两项补贴标准不低于当地最低生活保障标准的1.2倍。全市新增无障碍设施300处。\n"
    values = {m.value for m in extract_text(text).metrics}
    assert 1.2 not in values and 300 in values
