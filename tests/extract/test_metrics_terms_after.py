"""Terms of a policy whose noun comes after the figure, rule ratios of planning and building,
eligibility brackets and the stages a procedure waits for (税费 / 房地产 / 政府采购 measures): none
sizes an indicator (SCHEMA: terms of a benefit or of a policy), while what the government achieves
or commits stays. Every text here is invented."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

MEASURES = DocInfo(title="若干措施", kind="measures")


def find(text: str) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), MEASURES)


def values(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find(text)]


def test_a_rate_with_its_tax_noun_after_it_is_no_metric() -> None:
    assert values("在本市注册的小型运输企业,适用3%征收率的应税收入暂减按1%征收。") == []
    assert values("跨区施工的建筑企业,适用2%预征率的项目暂停预缴。") == []
    assert values("灵活就业人员可自愿按8%的比例缴存住房公积金。") == []


def test_a_relief_added_on_a_base_is_no_metric() -> None:
    assert values("允许养老服务企业按当期可抵扣进项税额加计15%抵减应纳税额。") == []


def test_a_ratio_a_planning_rule_sets_is_no_metric() -> None:
    assert values("新建商业项目按建筑面积每百平方米配置不少于1.5个充电车位。") == []
    assert values("新建住宅小区每户(套)配建不少于1个机动车位。") == []
    assert values("工业项目的建筑密度不应低于规划要求的40%。") == []
    assert values("新供工业用地容积率不得低于批准指标的0.9倍。") == []
    assert values("商品住房项目的养老用房配建比例不低于地上总建筑面积的3%。") == []


def test_the_lower_bound_of_a_bracket_is_no_metric() -> None:
    assert values("对年营业收入超过500万元但不超过2000万元的部分,按规定减半计算。") == []


def test_a_term_of_an_advance_payment_is_no_metric() -> None:
    assert values("政府采购工程项目预付款比例原则上不低于20%。") == []
    assert values("中小企业承接的服务类项目预付款比例提高至40%。") == []


def test_both_figures_of_a_term_changed_from_one_to_another_are_no_metric() -> None:
    assert values("购买第二套住房的,最低首付款比例由40%调整为30%。") == []
    assert values("新建商品房预售资金监管比例由25%下调为15%。") == []


def test_a_stage_of_building_reached_is_no_metric() -> None:
    assert values("主体工程完成总工程量80%节点后,开发企业方能办理预售许可。") == []
    assert values("工程形象进度达到60%后,可拨付第二笔资金。") == []


def test_what_the_government_achieves_or_commits_stays() -> None:
    assert values("全年新增城镇就业岗位9万个。") == [(90000, "个")]
    assert values("区财政安排专项资金6亿元支持企业技术改造。") == [(600000000, "元")]
    assert values("政府向医疗基金注资50亿元之后,又追加投入。") == [(5000000000, "元")]
    assert values("全年实现税收收入增长8%。") == [(8, "%")]
    assert values("全区新增规模以上工业企业35户。") == [(35, "户")]
    # the share a government's own enterprises must reach is a target of its effort
    assert values("市属国有企业招聘高校毕业生占比不低于60%。") == [(60, "%")]
