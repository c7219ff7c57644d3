"""Scorecard arithmetic, ranking with ties, and the red/yellow/black lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taizhang.supervision.scoring import (
    HonourList,
    ItemRule,
    ListRules,
    ScoreCard,
    ScoringConfig,
    UnitPeriodFacts,
    honour_lists,
    rank,
    score_unit,
)


def card(unit: str, total: str, overdue: int = 0) -> ScoreCard:
    return ScoreCard(unit, Decimal(total), (), Decimal(total), overdue)


class ScoreUnitTestCase:
    def test_the_breakdown_sums_exactly_to_the_total(self) -> None:
        facts = UnitPeriodFacts(
            "区发展改革局",
            on_time_reports=7,
            late_reports=2,
            returned_reports=3,
            overdue_tasks=1,
            tasks_closed_on_time=2,
            supervision_notices=1,
            supervisor_rating=Decimal("87.5"),
        )
        scorecard = score_unit(facts)
        by_item = {line.item: line.subtotal for line in scorecard.lines}
        assert by_item == {
            "on_time_reports": Decimal("3.50"),
            "late_reports": Decimal("-2.00"),
            "missing_reports": Decimal("0.00"),
            "returned_reports": Decimal("-1.50"),
            "overdue_tasks": Decimal("-3.00"),
            "tasks_closed_on_time": Decimal("2.00"),
            "supervision_notices": Decimal("-2.00"),
            "supervisor_rating": Decimal("0.75"),
        }
        assert scorecard.total == Decimal("97.75")
        assert scorecard.base + sum(by_item.values()) == scorecard.total

    def test_a_cap_limits_a_line_and_is_marked(self) -> None:
        scorecard = score_unit(UnitPeriodFacts("区住建局", overdue_tasks=15))
        (line,) = [line for line in scorecard.lines if line.item == "overdue_tasks"]
        assert line.subtotal == Decimal("-30") and line.cap_applied
        assert scorecard.total == Decimal("70.00")

    def test_subtotals_round_half_up_to_two_places(self) -> None:
        config = ScoringConfig(
            items={"late_reports": ItemRule(Decimal("-0.125"), "逾期报送")}, rating_weight=Decimal(0)
        )
        scorecard = score_unit(UnitPeriodFacts("区财政局", late_reports=1), config)
        assert scorecard.lines[0].subtotal == Decimal("-0.13")
        assert scorecard.total == Decimal("99.87")

    def test_no_rating_gives_a_zero_rating_line(self) -> None:
        scorecard = score_unit(UnitPeriodFacts("区商务局"))
        assert scorecard.lines[-1].item == "supervisor_rating"
        assert scorecard.lines[-1].subtotal == 0 and scorecard.total == Decimal("100.00")

    def test_bad_counts_are_named(self) -> None:
        with pytest.raises(ValueError, match="区商务局.*late_reports"):
            UnitPeriodFacts("区商务局", late_reports=-1)
        with pytest.raises(ValueError, match="supervisor_rating"):
            UnitPeriodFacts("区商务局", supervisor_rating=Decimal(120))
        with pytest.raises(ValueError, match="bonus"):
            ScoringConfig(items={"bonus": ItemRule(Decimal(1), "加分")})


class RankTestCase:
    def test_ties_share_a_rank_and_the_next_rank_skips(self) -> None:
        ranked = rank([card("乙", "95"), card("甲", "98"), card("丙", "95"), card("丁", "90")])
        assert [(r.rank, r.scorecard.unit) for r in ranked] == [(1, "甲"), (2, "丙"), (2, "乙"), (4, "丁")]


class HonourListsTestCase:
    def test_units_go_to_exactly_one_list_by_the_rules(self) -> None:
        ranked = rank(
            [
                card("甲", "104"),
                card("乙", "101"),
                card("丙", "99"),
                card("丁", "95", overdue=1),
                card("戊", "92"),
                card("己", "85"),
                card("庚", "75"),
            ]
        )
        lists = honour_lists(
            ranked,
            ListRules(red_top_n=3, red_min_score=Decimal(100), black_bottom_n=2, black_below=Decimal(80)),
        )
        assert [r.scorecard.unit for r in lists.red] == ["甲", "乙"]
        assert [r.scorecard.unit for r in lists.yellow] == ["丁", "己"]
        assert [r.scorecard.unit for r in lists.black] == ["庚"]
        assert lists.list_of("丙") is None
        assert lists.list_of("庚") is HonourList.BLACK

    def test_tied_units_enter_the_top_n_together(self) -> None:
        ranked = rank([card("甲", "100"), card("乙", "99"), card("丙", "99")])
        lists = honour_lists(ranked, ListRules(red_top_n=2, red_min_score=None))
        assert {r.scorecard.unit for r in lists.red} == {"甲", "乙", "丙"}

    def test_a_list_needs_a_rule(self) -> None:
        with pytest.raises(ValueError, match="红榜"):
            ListRules(red_top_n=None, red_min_score=None)


class ScoringConfigFromMappingTestCase:
    def test_a_stored_config_changes_the_points(self) -> None:
        config = ScoringConfig.from_mapping(
            {
                "base_score": 60,
                "items": {"overdue_tasks": {"points_each": "-5", "label_zh": "超期", "cap": 10}},
                "rating_weight": 0,
            }
        )
        scorecard = score_unit(UnitPeriodFacts("区科技局", overdue_tasks=3, late_reports=4), config)
        assert [(line.item, line.subtotal, line.cap_applied) for line in scorecard.lines] == [
            ("overdue_tasks", Decimal("-10"), True)
        ]
        assert scorecard.total == Decimal("50.00")

    def test_unknown_keys_and_bad_items_are_named(self) -> None:
        with pytest.raises(ValueError, match="bonus_points"):
            ScoringConfig.from_mapping({"bonus_points": 3})
        with pytest.raises(ValueError, match="items.late_reports"):
            ScoringConfig.from_mapping({"items": {"late_reports": {"points": -1}}})
        with pytest.raises(ValueError, match="points_each"):
            ScoringConfig.from_mapping({"items": {"late_reports": {"points_each": "x", "label_zh": "逾期"}}})
