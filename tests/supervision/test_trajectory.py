"""Indicator trajectories: linear interpolation, direction, tolerance and the plan summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from taizhang.supervision.trajectory import (
    Actual,
    Indicator,
    Judgement,
    expected_value,
    judge,
    plan_summary,
)

SHARE = Indicator(
    "emerging", "战略性新兴产业增加值占GDP比重", Decimal("6"), 2020, Decimal("10"), 2025, unit="%"
)
ENERGY = Indicator(
    "energy",
    "单位GDP能耗",
    Decimal("0.50"),
    2020,
    Decimal("0.40"),
    2025,
    direction="down",
    comparator="<=",
    binding=True,
)


class ExpectedValueTestCase:
    def test_it_lies_on_the_straight_line(self) -> None:
        assert expected_value(SHARE, 2022) == Decimal("7.60")
        assert expected_value(ENERGY, 2023) == Decimal("0.44")

    def test_it_is_clamped_outside_the_plan_years(self) -> None:
        assert expected_value(SHARE, 2019) == Decimal("6")
        assert expected_value(SHARE, 2030) == Decimal("10")


class JudgeTestCase:
    def test_on_or_above_the_line_is_on_track(self) -> None:
        result = judge(SHARE, [Actual(2021, Decimal("6.5")), Actual(2022, Decimal("7.7"))], 2022)
        assert result.judgement is Judgement.ON_TRACK
        assert result.expected == Decimal("7.60") and result.gap == Decimal("0.10")

    def test_a_small_shortfall_is_at_risk_and_a_large_one_off_track(self) -> None:
        # The band is 10% of the planned change of 4 points: 0.4.
        assert judge(SHARE, [Actual(2022, Decimal("7.2"))], 2022).judgement is Judgement.AT_RISK
        off = judge(SHARE, [Actual(2022, Decimal("7.1"))], 2022)
        assert off.judgement is Judgement.OFF_TRACK and "超出容差" in off.message

    def test_it_uses_the_latest_actual_up_to_as_of(self) -> None:
        actuals = [Actual(2021, Decimal("6.9")), Actual(2023, Decimal("7.0"))]
        assert judge(SHARE, actuals, date(2022, 6, 30)).latest_year == 2021
        assert judge(SHARE, actuals, 2023).judgement is Judgement.OFF_TRACK

    def test_for_a_downward_indicator_the_inequality_flips(self) -> None:
        assert judge(ENERGY, [Actual(2023, Decimal("0.43"))], 2023).judgement is Judgement.ON_TRACK
        # Binding band: 5% of the planned change of 0.10 = 0.005; the line is at 0.44.
        assert judge(ENERGY, [Actual(2023, Decimal("0.444"))], 2023).judgement is Judgement.AT_RISK
        assert judge(ENERGY, [Actual(2023, Decimal("0.446"))], 2023).judgement is Judgement.OFF_TRACK

    def test_a_binding_indicator_has_a_tighter_tolerance(self) -> None:
        # Planned change 0.20: binding band 0.01, indicative band 0.02.
        indicative = Indicator(
            "energy2",
            "单位GDP能耗",
            Decimal("0.50"),
            2020,
            Decimal("0.30"),
            2025,
            direction="down",
            comparator="<=",
        )
        binding = Indicator(
            "energy3",
            "单位GDP能耗",
            Decimal("0.50"),
            2020,
            Decimal("0.30"),
            2025,
            direction="down",
            comparator="<=",
            binding=True,
        )
        actual = [Actual(2023, Decimal("0.40"))]  # line: 0.38; short by 0.02
        assert judge(indicative, actual, 2023).judgement is Judgement.AT_RISK
        assert judge(binding, actual, 2023).judgement is Judgement.OFF_TRACK

    def test_meeting_the_target_early_is_achieved(self) -> None:
        count = Indicator(
            "hightech",
            "国家高新技术企业",
            Decimal("500"),
            2020,
            Decimal("800"),
            2025,
            comparator=">",
            unit="家",
        )
        assert judge(count, [Actual(2023, Decimal("801"))], 2023).judgement is Judgement.ACHIEVED
        assert judge(count, [Actual(2025, Decimal("800"))], 2025).judgement is Judgement.OFF_TRACK

    def test_without_actuals_there_is_no_data(self) -> None:
        result = judge(SHARE, [Actual(2024, Decimal("9"))], 2023)
        assert result.judgement is Judgement.NO_DATA and result.latest_value is None

    def test_bad_indicators_are_named(self) -> None:
        with pytest.raises(ValueError, match="bad.*direction"):
            Indicator("bad", "x", Decimal(1), 2020, Decimal(2), 2025, direction="sideways")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="bad.*早于"):
            Indicator("bad", "x", Decimal(1), 2020, Decimal(2), 2019)


class PlanSummaryTestCase:
    def test_it_counts_by_judgement_and_by_kind(self) -> None:
        judgements = [
            judge(SHARE, [Actual(2022, Decimal("7.7"))], 2022),
            judge(ENERGY, [Actual(2023, Decimal("0.444"))], 2023),
            judge(ENERGY, [], 2023),
        ]
        summary = plan_summary(judgements)
        assert summary.total == 3
        assert summary.by_judgement[Judgement.ON_TRACK] == 1
        assert summary.binding[Judgement.AT_RISK] == 1 and summary.binding[Judgement.NO_DATA] == 1
        assert summary.indicative[Judgement.ON_TRACK] == 1
        assert summary.by_judgement[Judgement.ACHIEVED] == 0
