"""Terms of a policy measure (若干措施, 实施意见) that size no indicator: a service commitment, a
threshold of who is served, a refund's or a levy's rate, the session that adopted the text, a
condition met before one applies, the parts a document divides among its units. Every text here is
invented; the kept cases show the indicators of the same documents that must stay."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), MEASURES)


def values(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find(text)]


def test_a_time_an_office_promises_to_finish_a_procedure_in_is_no_metric() -> None:
    assert values("3.简化登记。不动产一般登记5个工作日办结。") == []
    assert values("对重点项目,环评报告书10个工作日内、报告表5个工作日内完成审批。") == []
    assert values("企业设立登记1个工作日内办理完毕。") == []


def test_a_time_cut_as_a_reforms_target_stays() -> None:
    assert values("将企业开办时间压缩至2个工作日内办结。") == [(2, "工作日")]
    assert values("到2026年底,全流程审批时间压缩至60个工作日以内。") == [(60, "工作日")]
    # what the firm obtains within the time (the seeds' 开工零等待) is not a completion promised
    assert values("企业签订出让合同后5个工作日内,即可取得开工所需批复文件。") == [(5, "工作日")]


def test_a_threshold_written_with_what_it_includes_is_no_metric() -> None:
    assert values("职工总数20人(含)以下的小微企业免收该项费用。") == []
    assert values("8亩以下(不含8亩)的零星用地,可采取协议方式办理。") == []
    assert values("技改投资300万元以上(含)的项目,优先纳入项目库。") == []


def test_the_object_of_a_measure_opened_by_dui_is_a_threshold() -> None:
    assert values("对投资800万元以上的农产品加工项目,实行审批手续全程代办。") == []
    assert values("对年营业收入2亿元及以上的商贸企业,开通绿色通道。") == []


def test_a_share_of_the_subject_after_dui_is_not_taken_for_a_threshold() -> None:
    # a share keeps its own logic (a share of the things the clause opens with); only non-shares
    # are read as thresholds of the object
    assert values("到2027年,全区规上工业企业数量达到300家以上。") == [(300, "家")]


def test_a_refunds_rate_on_a_fee_paid_is_no_metric() -> None:
    assert values("对不裁员的参保企业,可退还其上年度实际缴纳失业保险费的40%。") == []
    assert values("按单位上年度实际缴纳失业保险费总额的60%返还。") == []


def test_a_levy_rate_is_a_standard_not_a_metric() -> None:
    assert values("对小微企业增值税征收率由3%减按1%。") == []
    assert values("住房公积金缴存比例为8%。") == []


def test_a_benefits_or_a_payments_rate_is_a_standard_not_a_metric() -> None:
    assert values("阶段性降低工伤保险费率至0.5%。") == []
    assert values("小微企业稳岗返还比例提高至70%。") == []
    assert values("返还比例由不超过上年度实际缴纳失业保险费的40%最高提至不超过80%。") == []
    assert values("土地价款可分期缴纳,首期缴纳比例不低于40%。") == []


def test_a_markets_average_fee_rate_stays_a_target() -> None:
    assert values("推动融资担保机构将平均担保费率降至1.5%以下。") == [(1.5, "%")]


def test_the_session_that_adopted_the_text_is_no_metric() -> None:
    assert values("本方案已经区政府五届31次常务会议审议通过。") == []


def test_a_condition_met_before_one_applies_is_no_metric() -> None:
    assert values("新招用失业人员达到企业在职职工总数20%,可申请创业担保贷款。") == []


def test_the_parts_a_document_divides_among_its_units_are_no_metric() -> None:
    assert values("现将《实施意见》中12项重点任务和8项重点工程项目进行责任分解。") == []


def test_money_the_government_sets_aside_for_a_projects_preparation_stays() -> None:
    # the word 重大项目 after it names what the money is for, not a count of the document's parts
    assert values("县级财政安排3000万元重大项目前期工作经费。") == [(30000000, "元")]
    # a size class of projects stays out: 安排投资5亿元以上项目
    assert values("安排投资5亿元以上重大项目20个。") == [(20, "个")]


def test_a_five_year_periods_end_dates_the_goals_of_a_text_with_no_year() -> None:
    undated = DocInfo(title="实施细则", kind="other")
    text = "一、总体目标\n到“十五五”末,全市科技型企业达到800家以上,研发投入占比达到3%。"
    found = find_metrics(text, working_text(text), line_passages(text), undated)
    assert [(m.value, m.year) for m in found] == [(800, 2030), (3, 2030)]
    # a year named after the horizon dates its own figure
    text = "到十五五期末,新增企业3000家,2027年新增1000家。"
    found = find_metrics(text, working_text(text), line_passages(text), undated)
    assert [(m.value, m.year) for m in found] == [(3000, 2030), (1000, 2027)]


def test_numbers_listed_after_fenbie_share_the_unit_after_the_last() -> None:
    text = "将三类项目的审批时间分别压缩至45、30、20个工作日。"
    assert values(text) == [(45, "工作日"), (30, "工作日"), (20, "工作日")]
    text = "到2026年,东西两片分别新增2.5、4万亩。"
    assert values(text) == [(25000, "亩"), (40000, "亩")]
    # each figure with its own unit is read as before; no 分别, no sharing
    assert values("两项指标分别增长6.5%、4.2%。") == [(6.5, "%"), (4.2, "%")]
    assert values("全年新建5、6号线。") == []


def test_a_bar_reached_before_a_grant_is_no_metric() -> None:
    assert values("企业当年新招用高校毕业生10人以上,给予一次性奖补。") == []
    assert values("年销售收入首次突破5亿元,一次性奖励30万元。") == []
    # money the government sets aside before a grant stays
    assert values("设立3000万元人才发展资金,给予引进人才安家补贴。") == [(30000000, "元")]


def test_an_inclusive_threshold_may_be_qualified_before_its_de() -> None:
    text = "用人单位安排残疾人就业比例达到1.5%(含)以上但未达到规定比例的,减半缴纳。"
    assert values(text) == []


def test_how_many_a_selection_names_is_no_metric() -> None:
    assert values("本次申报名额3个。") == []
    assert values("请各县(市)各推荐1个乡镇。") == []
    assert values("经评审从中遴选4个项目。") == []
    # what was declared and counted stays
    assert values("全年申报省级重点项目35个。") == [(35, "个")]


def test_a_bound_written_before_the_base_of_a_share_is_its_comparator() -> None:
    [m] = find("到2027年,园区内工业用地确保不少于规划面积的70%。")
    assert (m.value, m.comparator) == (70, ">=")
    [m] = find("到2027年,管理费用不超过项目总投资的8%。")
    assert (m.value, m.comparator) == (8, "<=")


def test_a_bound_against_last_years_same_period_is_this_years_figure() -> None:
    dated = DocInfo(title="若干意见", year=2021, kind="measures")
    text = "确保普惠小微贷款综合融资成本低于去年同期0.3个百分点。"
    [m] = find_metrics(text, working_text(text), line_passages(text), dated)
    assert (m.value, m.unit, m.year) == (0.3, "个百分点", 2021)
