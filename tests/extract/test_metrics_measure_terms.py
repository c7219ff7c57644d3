"""Terms a housing, finance or economy measure (若干措施, 实施意见) sets for a party: a rule's figure it
adjusts, a design standard, a share of a price and its instalments, what a buyer, a borrower or a
person of a class has, a loan rate, a tax relief's share, free days, a case's time limit. None sizes
an indicator (SCHEMA: terms of a benefit); what the government commits to or achieves stays. Every
text here is invented."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), MEASURES)


def values(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find(text)]


def test_a_rule_figure_adjusted_is_no_metric() -> None:
    assert values("新建商品房预售资金重点监管额度由建安成本的1.3倍调整为1.2倍。") == []
    assert values("职工住房公积金月缴存基数上限调整为3.2万元。") == []


def test_a_bound_a_design_rule_sets_is_no_metric() -> None:
    assert values("住宅阳台进深由不应大于1.6米调整为不应大于2.2米。") == []
    assert values("普通住宅层高不应低于2.8米,且不宜高于3.1米。") == []


def test_a_share_of_a_dwelling_area_capped_is_no_metric() -> None:
    assert values("空调设备平台水平投影面积之和不超过套型总建筑面积的4%。") == []
    assert values("入户花园面积不得超过该套住宅建筑面积的12%。") == []


def test_a_share_of_a_price_and_its_rest_are_no_metric() -> None:
    assert values("竞得人在成交后1个月内缴纳土地出让价款的60%。") == []
    assert values("余款30%在一年内缴清。") == []


def test_instalments_of_a_payout_are_no_metric() -> None:
    assert values("补贴资金分别在2025、2026年度按60%、40%比例发放。") == []
    assert values("补助资金按首年70%、次年30%的比例发放。") == []


def test_a_sum_by_a_standard_or_by_a_person_class_is_no_metric() -> None:
    assert values("按一类60万元、二类30万元的标准发放。") == []
    assert values("对新引进人才给予安家补贴,博士研究生8万元、硕士研究生4万元、本科生1万元。") == []


def test_what_a_borrower_may_have_is_no_metric() -> None:
    assert values("无房职工月租房提取额度1800元。") == []
    assert values("缴存职工家庭保底可贷40万元。") == []


def test_a_loan_rate_stated_or_reckoned_is_no_metric() -> None:
    assert values("首套房贷利率3.9%以下。") == []
    assert values("贷款利率按基准利率的1.2倍执行。") == []


def test_a_relief_a_fund_share_and_free_days_are_no_metric() -> None:
    assert values("创业投资企业按投资额70%抵扣应纳税所得额。") == []
    assert values("职工医疗保险统筹基金支付比例为88%。") == []
    assert values("为来访求职青年提供不超过5天免费住宿。") == []


def test_a_case_time_limit_is_no_metric() -> None:
    assert values("办理商品房预售许可(办结时限为4个工作日)。") == []
    assert values("开发企业应在竣工验收后30个工作日内申请办理首次登记。") == []


def test_a_withdrawal_share_a_rent_against_the_market_and_a_coupon_are_no_metric() -> None:
    assert values("缴存职工家庭可提取账户余额的80%用于支付首付款。") == []
    assert values("保障性租赁住房租金不高于同地段同品质市场租赁住房租金的85%。") == []
    assert values("市民使用家电消费券满300元减60元。") == []


def test_a_rate_capped_for_a_condition_a_spread_on_lpr_and_a_sum_applied_for_are_no_metric() -> None:
    assert values("担保机构对单笔担保金额不超过300万元的业务,担保费率不超过1.2%。") == []
    assert values("合作银行对符合条件的企业贷款利率上浮不超过LPR的20%。") == []
    assert values("合伙创业的,可按每人不超过20万元、总额不超过200万元申请贷款。") == []


def test_a_payout_time_of_each_case_is_no_metric() -> None:
    assert values("购房补贴在网签备案后15个工作日内拨付到位。") == []


def test_what_the_government_commits_or_achieves_stays() -> None:
    assert values("房地产项目全流程审批时间控制在25个工作日以内。") == [(25, "工作日")]
    assert values("全市政府性融资担保机构平均担保费率不高于1%。") == [(1, "%")]
    assert values("出口退税平均办理时间压缩至4个工作日以内。") == [(4, "工作日")]
    assert values("“保交房”项目交付率达到95%。") == [(95, "%")]
    assert values("全年组织展会活动20场以上。") == [(20, "场")]
    assert values("市财政安排房地产纾困专项资金3亿元。") == [(300000000, "元")]
    assert values("城镇污水处理率由93%提高至97%。") == [(93, "%"), (97, "%")]
    assert values("企业签订出让合同后3个工作日内,即可取得开工前所需批复文件。") == [(3, "工作日")]
    assert values("不动产登记平均办结时限为2个工作日。") == [(2, "工作日")]
    assert values("全市博物馆全年365天免费开放。") == [(365, "天")]
    assert values("与8家银行签订战略合作协议,获得授信贷款额度100亿元。") == [(8, "家"), (10000000000, "元")]
    assert values("全市平均房贷利率为3.6%。") == [(3.6, "%")]
