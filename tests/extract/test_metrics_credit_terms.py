"""Terms of credit, of payment and of a rule that measures (房地产 / 稳增长 / 纾困 若干措施, 实施意见) set:
what a buyer, a borrower, a bidder or a builder is subject to is no indicator (SCHEMA: terms of a
benefit), while what the government achieves or commits stays. Every text here is invented."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), MEASURES)


def values(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find(text)]


def test_a_down_payment_ratio_set_is_no_metric() -> None:
    assert values("居民家庭购买首套商品住房的,最低首付款比例调整为20%。") == []
    assert values("改善性住房商业贷款最低首付比例下调至30%。") == []
    assert values("住房公积金贷款首付比例降低至20%。") == []


def test_a_loan_amount_a_borrower_may_have_is_no_metric() -> None:
    assert values("缴存职工家庭购买绿色建筑住房的,公积金贷款额度增加10%。") == []
    assert values("生育三孩的家庭,住房公积金可贷额度上浮30%。") == []
    assert values("单职工缴存的,贷款最高额度由40万元提高至50万元。") == []
    assert values("无房职工租房的,提取额度提高到每月1500元。") == []


def test_a_loan_rate_set_by_the_policy_is_no_metric() -> None:
    assert values("二套住房商业贷款利率下限为相应期限LPR加30个基点。") == []
    assert values("首套个人住房公积金贷款利率下调0.25个百分点。") == []


def test_a_term_of_payment_or_of_a_bid_is_no_metric() -> None:
    assert values("土地竞得人在合同签订后1个月内缴纳出让价款不低于40%,其余价款在一年内付清。") == []
    assert values("经营性用地竞买保证金比例调整为出让起始价的20%。") == []
    assert values("商品房项目预售资金监管额度下调15%。") == []


def test_a_share_set_aside_for_small_firms_and_a_tax_relief_are_no_metric() -> None:
    assert values("工程采购项目预留采购份额比例提高至45%以上。") == []
    assert values("对小微企业报价给予的价格扣除比例提高至15%。") == []
    assert values("先进制造业企业按照当期可抵扣进项税额加计抵减10%。") == []


def test_a_dimension_a_rule_limits_is_no_metric() -> None:
    assert values("住宅阳台进深不应大于1.8米,空调机位面积不超过3平方米。") == []
    assert values("新建农房层高不宜超过3.3米。") == []


def test_what_the_government_achieves_or_commits_stays() -> None:
    assert values("全年新增城镇就业岗位12万个。") == [(120000, "个")]
    assert values("区财政统筹专项资金8亿元用于企业纾困。") == [(800000000, "元")]
    assert values("全年累计发放个人住房公积金贷款30亿元。") == [(3000000000, "元")]
    assert values("首期安排引导资金为2亿元。") == [(200000000, "元")]
    # credit the work adds (新增 before the noun) is an amount of the work, not a term
    assert values("全市新增贷款额度提高至80亿元。") == [(8000000000, "元")]
    assert values("全年筹集保障性租赁住房3000套,人行道整治面积不低于20万平方米。") == [
        (3000, "套"),
        (200000, "平方米"),
    ]
    # a market's average rate and a reference rate that moved are outcomes, not terms set
    assert values("全市新发放首套住房贷款平均利率降至3.6%。") == [(3.6, "%")]
    assert values("一年期贷款市场报价利率下降15个基点。") == [(15, "个")]


def test_a_range_a_contribution_rate_may_take_is_no_metric() -> None:
    assert values("单位住房公积金缴存比例可在6%至12%之间自行确定。") == []
