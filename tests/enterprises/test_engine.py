"""The condition language and the two evaluators (Polars over a frame, Python over a row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.enterprises.engine import (
    Outcome,
    Rule,
    evaluate,
    evaluate_row,
    explain,
    frame_from_records,
    prepare_row,
    rule_columns,
)
from taizhang.enterprises.language import RuleError, parse_conditions, parse_formula, to_text

AS_OF = dt.date(2025, 6, 30)


class LanguageTestCase:
    def test_it_reads_labels_aliases_codes_years_units_and_traditional_script(self) -> None:
        node = parse_conditions("上年度營業收入 - revenue[2023] >= 1,000萬元 且 高企 = 是")[0].node
        assert to_text(node) == "上年度营业收入 - 营业收入[2023] >= 1000万元 且 高新技术企业 = 是"

    def test_full_width_digits_and_operators_are_read(self) -> None:
        node = parse_conditions("上年度营业收入 ＞＝ １０００万元")[0].node
        assert to_text(node) == "上年度营业收入 >= 1000万元"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("上年度研发收入 > 3", "未知的词「研发收入」（是否想写"),
            ("营业收入 > 3", "营业收入按年度记录，请写明年度"),
            ("上年度营业收入 >", "第 1 行第 10 列：条件不完整"),
            ("信用状态 = 国家级", "不能比较信用状态和专精特新等级"),
            ("注册在本区 = 是 港资企业", "多余的「港资企业」"),
            ("上年度营业收入 + 3", "这里应是一个条件"),
            ("行业门类 > C", "行业门类只能用 = 或 != 比较"),
            ("注册在本区[上年度] = 是", "注册在本区不按年度记录"),
            ("foo > 3", "未知的属性「foo」"),
            ("行业门类 属于 B, C", "这里应有 “{”"),
        ],
    )
    def test_a_bad_condition_is_refused_naming_the_place_and_the_word(self, text: str, message: str) -> None:
        with pytest.raises(RuleError) as error:
            parse_conditions(text)
        assert message in str(error.value)
        assert error.value.field == "conditions"

    def test_the_line_of_the_error_is_the_officers_line(self) -> None:
        with pytest.raises(RuleError, match="第 3 行"):
            parse_conditions("注册在本区 = 是\n\n上年度营业 > 1")

    def test_a_formula_that_does_not_parse_names_the_formula_field(self) -> None:
        with pytest.raises(RuleError) as error:
            parse_formula("较小值(上年度研发投入 * 20%, )")
        assert error.value.field == "formula"
        with pytest.raises(RuleError, match="金额公式应得出数值"):
            parse_formula("注册在本区 = 是")
        with pytest.raises(RuleError, match="不能为空"):
            parse_formula("  # 只有注释")

    def test_no_conditions_is_an_error(self) -> None:
        with pytest.raises(RuleError, match="至少要写一个条件"):
            parse_conditions("# 只有注释\n")


def _rule(conditions: str, formula: str = "") -> Rule:
    return Rule.parse("b", conditions, formula)


class EvaluationTestCase:
    def test_unknown_data_makes_a_benefit_possibly_eligible_and_false_wins(self) -> None:
        rule = _rule("上年度营业收入 >= 100万元\n注册在本区 = 是")
        assert evaluate_row(rule, {"registered_in_district": True}, AS_OF)[0] == Outcome.POSSIBLY
        assert evaluate_row(rule, {"registered_in_district": False}, AS_OF)[0] == Outcome.NOT_ELIGIBLE
        assert (
            evaluate_row(rule, {"registered_in_district": True, "revenue@2024": 2e6}, AS_OF)[0]
            == Outcome.ELIGIBLE
        )

    def test_dividing_by_zero_is_unknown_not_an_error(self) -> None:
        rule = _rule("上年度研发投入 / 上年度营业收入 >= 3%")
        row = {"rd_spending@2024": 1.0, "revenue@2024": 0.0}
        assert evaluate_row(rule, row, AS_OF)[0] == Outcome.POSSIBLY
        assert evaluate(frame_from_records([row]), [rule], AS_OF).counts("b")[Outcome.POSSIBLY] == 1

    def test_a_certificate_counts_only_within_its_validity_dates(self) -> None:
        row = {
            "high_tech_from": dt.date(2022, 1, 1),
            "high_tech_until": dt.date(2024, 12, 31),
            "srdi_tier_raw": 4,
            "srdi_from": dt.date(2025, 7, 1),
        }
        assert prepare_row(row, dt.date(2024, 6, 1))["high_tech"] is True
        assert prepare_row(row, AS_OF)["high_tech"] is False
        assert prepare_row(row, AS_OF)["srdi_tier"] == 0  # listed from July only
        assert prepare_row(row, dt.date(2025, 7, 1))["srdi_tier"] == 4

    def test_conditions_shared_by_benefits_are_computed_once(self) -> None:
        a = Rule.parse("a", "注册在本区 = 是\n上年度营业收入 > 1万元")
        b = Rule.parse("b", "注册在本区=是\n上年度纳税额 > 1万元")
        result = evaluate(frame_from_records([{"registered_in_district": True}]), [a, b], AS_OF)
        assert result.condition_columns["a"][0] == result.condition_columns["b"][0]
        assert len([c for c in result.outcomes.columns if c.startswith("c")]) == 3

    def test_the_counts_and_the_per_condition_funnel(self) -> None:
        rule = _rule("注册在本区 = 是\n上年度营业收入 >= 100万元", "10万元")
        rows = [
            {"registered_in_district": True, "revenue@2024": 2e6},
            {"registered_in_district": True},
            {"registered_in_district": False, "revenue@2024": 2e6},
        ]
        result = evaluate(frame_from_records(rows), [rule], AS_OF)
        assert result.counts("b") == {"eligible": 1, "not_eligible": 1, "possibly": 1}
        assert [(m, n, u) for _, m, n, u in result.condition_counts("b")] == [(2, 1, 0), (2, 0, 1)]
        assert result.ids("b", Outcome.POSSIBLY) == [2]

    def test_the_snapshot_columns_of_a_rule(self) -> None:
        rule = _rule("高新技术企业 = 是\n上年度营业收入 > 0", "前年度纳税额")
        assert rule_columns(rule, 2025) == [
            "high_tech_from",
            "high_tech_until",
            "revenue@2024",
            "tax_paid@2023",
        ]


class ExplanationTestCase:
    RULE = Rule.parse(
        "rd", "注册在本区 = 是\n上年度研发投入 / 上年度营业收入 >= 3%", "较小值(上年度研发投入 * 20%, 50万元)"
    )

    def test_missing_data_names_the_input_and_the_department_it_comes_from(self) -> None:
        e = explain(self.RULE, {"registered_in_district": True, "revenue@2024": 5e7}, AS_OF)
        assert e.outcome == Outcome.POSSIBLY
        assert e.summary == "可能符合，缺少：上年度研发投入（来源：区科技创新局）"

    def test_each_condition_names_the_values_their_sources_and_the_threshold(self) -> None:
        sources = {
            "revenue@2024": ("区统计局", dt.date(2025, 3, 31)),
            "rd_spending@2024": ("区科技创新局", None),
        }
        e = explain(
            self.RULE,
            {"registered_in_district": True, "revenue@2024": 5e7, "rd_spending@2024": 2e6},
            AS_OF,
            sources=sources.get,
        )
        assert e.outcome == Outcome.ELIGIBLE and e.amount == 400000
        text = e.conditions[1].text
        assert "上年度研发投入 200万元（来源：区科技创新局）" in text
        assert "上年度营业收入 5,000万元（来源：区统计局，截至2025-03-31）" in text
        assert "= 4.00% ≥ 3%：符合" in text

    def test_traditional_chinese_and_english(self) -> None:
        row = {"registered_in_district": False, "revenue@2024": 5e7}
        hant = explain(self.RULE, row, AS_OF, lang="zh-hant")
        assert hant.outcome == Outcome.NOT_ELIGIBLE
        assert hant.summary.startswith("不符合：註冊在本區")
        assert "來源：區科技創新局" in hant.conditions[1].text
        en = explain(self.RULE, row, AS_OF, lang="en")
        assert en.summary.startswith("Not eligible: ") and "source: 区科技创新局" in en.conditions[1].text


# ----------------------------------------------------------------------------------- agreement

CONDITIONS = [
    "上年度营业收入 - 前年度营业收入 > 1000万元",
    "上年度研发投入 / 上年度营业收入 >= 3%",
    "注册在本区 = 是 且 非 港资企业",
    "港资企业 或 上年度纳税额 >= 50万元",
    "专精特新等级 >= 省级 或 高新技术企业",
    "行业门类 属于 {B, C, D}",
    "行业大类 不属于 {27, 39}",
    "信用状态 != 失信",
    "若(上年度规上企业, 上年度营业收入, 前年度营业收入) > 2000万元",
    "较小值(上年度营业收入, 前年度营业收入) <= 较大值(上年度纳税额, 100万元)",
    "绝对值(上年度营业收入 - 前年度营业收入) > 500万元",
    "-上年度纳税额 < -10万元",
]
FORMULA = "较小值((上年度营业收入 - 前年度营业收入) * 0.5%, 20万元) + 若(高新技术企业, 10万元, 0)"

money = st.one_of(st.none(), st.sampled_from([0.0, 1e6, 5e6, 1e7, 2.5e7]), st.floats(0, 1e9, allow_nan=False))
maybe_bool = st.one_of(st.none(), st.booleans())
dates = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2028, 1, 1)))
rows = st.fixed_dictionaries(
    {
        "registered_in_district": maybe_bool,
        "hk_funded": maybe_bool,
        "credit_status": st.one_of(st.none(), st.integers(0, 2)),
        "industry_section": st.one_of(st.none(), st.sampled_from(list("ABCDIL"))),
        "industry_division": st.one_of(st.none(), st.sampled_from([13, 27, 39, 65])),
        "high_tech_from": dates,
        "high_tech_until": dates,
        "srdi_tier_raw": st.one_of(st.none(), st.integers(0, 4)),
        "srdi_from": dates,
        "above_scale@2024": maybe_bool,
        "revenue@2024": money,
        "revenue@2023": money,
        "rd_spending@2024": money,
        "tax_paid@2024": money,
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(rows, min_size=1, max_size=12))
def test_polars_and_python_agree_on_every_condition_and_amount(generated: list[dict[str, Any]]) -> None:
    rules = [Rule.parse(f"r{i}", text, FORMULA) for i, text in enumerate(CONDITIONS)]
    frame = frame_from_records(
        [{"id": i + 1, **row} for i, row in enumerate(generated)], columns=list(generated[0])
    )
    result = evaluate(frame, rules, AS_OF)
    from taizhang.enterprises.engine import amounts

    for rule in rules:
        column = result.status(rule.code).to_list()
        money_column = amounts(result, rule.code, list(range(1, len(generated) + 1)))
        for i, row in enumerate(generated):
            outcome, _ = evaluate_row(rule, row, AS_OF)
            expected = {Outcome.ELIGIBLE: True, Outcome.NOT_ELIGIBLE: False, Outcome.POSSIBLY: None}[outcome]
            assert column[i] == expected, (rule.conditions[0].text, row)
            amount = explain(rule, row, AS_OF).amount
            assert money_column[i + 1] == (pytest.approx(amount) if amount is not None else None)
