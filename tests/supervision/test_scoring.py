"""Scorecard arithmetic (docs/scoring.md), checked against hand-computed examples: delivery earns
the points, silence earns none, ties are broken by the documented rule, and the lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taizhang.supervision.scoring import (
    HonourList,
    ItemRule,
    ListRules,
    ScoreCard,
    ScoreLine,
    ScoringConfig,
    UnitPeriodFacts,
    honour_lists,
    progress_ratio,
    rank,
    score_unit,
)

D = Decimal


def card(unit: str, total: str, overdue: int = 0, **subtotals: str) -> ScoreCard:
    lines = tuple(ScoreLine(item, item, D(0), D(0), D(value), False) for item, value in subtotals.items())
    return ScoreCard(unit, lines, D(total), overdue)


def lines(scorecard: ScoreCard) -> dict[str, Decimal]:
    return {line.item: line.subtotal for line in scorecard.lines}


class WorkedExampleTestCase:
    """The example of docs/scoring.md, computed by hand there."""

    facts = UnitPeriodFacts(
        "区发展改革局",
        on_time_reports=7,
        late_reports=2,
        missing_reports=1,
        returned_reports=3,
        progress_ratios=(D(1), D("0.5"), D("0.75")),
        tasks_closed_on_time=2,
        tasks_closed_late=1,
        tasks_due_unclosed=1,
        overdue_tasks=2,
        supervision_notices=1,
        supervisor_rating=D("87.5"),
    )

    def test_each_line_is_as_computed_by_hand(self) -> None:
        scorecard = score_unit(self.facts)
        # reporting: (7 + 0.5 × 2) / (7 + 2 + 1) = 0.8 of 30; progress: (1 + 0.5 + 0.75) / 3 = 0.75
        # of 40; closing: (2 + 0.5 × 1) / (2 + 1 + 1) = 0.625 of 30.
        assert lines(scorecard) == {
            "reporting": D("24.00"),
            "progress": D("30.00"),
            "closing": D("18.75"),
            "returned_reports": D("-1.50"),
            "supervision_notices": D("-2.00"),
            "supervisor_rating": D("0.75"),
        }
        assert scorecard.delivery == D("72.75")
        assert scorecard.total == D("70.00")
        assert sum(lines(scorecard).values()) == scorecard.total

    def test_the_lines_say_what_was_done_out_of_what_was_due(self) -> None:
        reporting, progress, closing = score_unit(self.facts).lines[:3]
        assert (reporting.count, reporting.due, reporting.points_each) == (D("8.0"), D(10), D("30.00"))
        assert (progress.count, progress.due) == (D("2.25"), D(3))
        assert (closing.count, closing.due) == (D("2.5"), D(4))


class DeliveryTestCase:
    def test_a_unit_that_never_reported_scores_nothing_for_it(self) -> None:
        silent = score_unit(UnitPeriodFacts("区甲局", missing_reports=3, progress_ratios=(D(0), D(0))))
        assert silent.assessed and silent.total == D("0.00")
        assert lines(silent)["reporting"] == lines(silent)["progress"] == D("0.00")

    def test_doing_everything_due_scores_100(self) -> None:
        diligent = UnitPeriodFacts(
            "区乙局", on_time_reports=3, progress_ratios=(D(1),), tasks_closed_on_time=1
        )
        assert score_unit(diligent).total == D("100.00")

    def test_silence_never_beats_delivery(self) -> None:
        silent = score_unit(UnitPeriodFacts("区甲局", missing_reports=2, progress_ratios=(D(0),)))
        late = score_unit(UnitPeriodFacts("区乙局", late_reports=2, progress_ratios=(D("0.3"),)))
        assert late.total > silent.total
        assert [r.scorecard.unit for r in rank([silent, late])] == ["区乙局", "区甲局"]

    def test_a_line_with_nothing_due_gives_its_share_to_the_others(self) -> None:
        # Only progress is judged: its 40 become the whole 100; one task at half its schedule.
        only = score_unit(UnitPeriodFacts("区丙局", progress_ratios=(D("0.5"),)))
        assert lines(only)["progress"] == D("50.00")
        assert lines(only)["reporting"] == lines(only)["closing"] == D("0.00")
        # Reporting (30) and progress (40) judged: 2 of 3 reports on time is 100 × 30 × 2/3 / 70.
        two = score_unit(
            UnitPeriodFacts("区丁局", on_time_reports=2, missing_reports=1, progress_ratios=(D(1),))
        )
        assert lines(two)["reporting"] == D("28.57") and lines(two)["progress"] == D("57.14")
        assert two.total == D("85.71")

    def test_a_unit_with_nothing_due_is_not_assessed_nor_ranked(self) -> None:
        idle = score_unit(UnitPeriodFacts("区戊局", returned_reports=1))
        assert not idle.assessed
        assert rank([idle]) == []

    def test_progress_is_accepted_progress_against_the_schedule(self) -> None:
        assert progress_ratio(30, D("60.0")) == D("0.5000")
        assert progress_ratio(80, D("60.0")) == D(1)  # ahead of schedule counts as meeting it
        assert progress_ratio(0, D(0)) == D(1)
        assert progress_ratio(10, D("30.0")) == D("0.3333")

    def test_a_late_report_earns_half_an_on_time_one_by_default(self) -> None:
        late = score_unit(UnitPeriodFacts("区己局", late_reports=1))
        assert late.total == D("50.00")
        strict = score_unit(UnitPeriodFacts("区己局", late_reports=1), ScoringConfig(late_credit=D(0)))
        assert strict.total == D("0.00")

    def test_caps_and_the_rating_line(self) -> None:
        facts = UnitPeriodFacts("区庚局", on_time_reports=1, supervision_notices=7, supervisor_rating=D(20))
        scorecard = score_unit(facts)
        notices = next(line for line in scorecard.lines if line.item == "supervision_notices")
        rating = next(line for line in scorecard.lines if line.item == "supervisor_rating")
        assert (notices.subtotal, notices.cap_applied) == (D(-10), True)
        assert (rating.subtotal, rating.cap_applied) == (D(-5), True)  # 0.1 × (20 − 80) = −6, held to −5
        assert scorecard.total == D("85.00")

    def test_subtotals_round_half_up_to_two_places(self) -> None:
        config = ScoringConfig(items={"returned_reports": ItemRule(D("-0.125"), "退回")}, rating_weight=D(0))
        scorecard = score_unit(UnitPeriodFacts("区辛局", on_time_reports=1, returned_reports=1), config)
        assert lines(scorecard)["returned_reports"] == D("-0.13")
        assert scorecard.total == D("99.87")

    def test_bad_facts_and_configs_are_named(self) -> None:
        with pytest.raises(ValueError, match="区商务局.*late_reports"):
            UnitPeriodFacts("区商务局", late_reports=-1)
        with pytest.raises(ValueError, match="supervisor_rating"):
            UnitPeriodFacts("区商务局", supervisor_rating=D(120))
        with pytest.raises(ValueError, match="progress_ratios"):
            UnitPeriodFacts("区商务局", progress_ratios=(D("1.5"),))
        with pytest.raises(ValueError, match="bonus"):
            ScoringConfig(items={"bonus": ItemRule(D(1), "加分")})
        with pytest.raises(ValueError, match="speed"):
            ScoringConfig(weights={"speed": D(10)})
        with pytest.raises(ValueError, match="weights"):
            ScoringConfig(weights={"reporting": D(0), "progress": D(0), "closing": D(0)})


class RankTestCase:
    def test_equal_totals_are_told_apart_by_closing_then_progress_then_reporting(self) -> None:
        a = card("甲", "80", closing="30", progress="30", reporting="20")
        b = card("乙", "80", closing="25", progress="40", reporting="15")
        c = card("丙", "80", closing="25", progress="40", reporting="10", supervisor_rating="5")
        d = card("丁", "90")
        ranked = rank([b, a, c, d])
        assert [(r.rank, r.scorecard.unit) for r in ranked] == [(1, "丁"), (2, "甲"), (3, "乙"), (4, "丙")]

    def test_then_fewer_overdue_tasks(self) -> None:
        ranked = rank([card("甲", "80", overdue=2), card("乙", "80", overdue=1)])
        assert [r.scorecard.unit for r in ranked] == ["乙", "甲"]

    def test_units_equal_on_every_tie_break_share_a_rank_and_the_next_skips(self) -> None:
        ranked = rank([card("乙", "95"), card("甲", "98"), card("丙", "95"), card("丁", "90")])
        assert [(r.rank, r.scorecard.unit) for r in ranked] == [(1, "甲"), (2, "丙"), (2, "乙"), (4, "丁")]


class HonourListsTestCase:
    def test_units_go_to_exactly_one_list_by_the_rules(self) -> None:
        ranked = rank(
            [
                card("甲", "98"),
                card("乙", "93"),
                card("丙", "89"),
                card("丁", "85", overdue=1),
                card("戊", "80"),
                card("己", "70"),
                card("庚", "55"),
            ]
        )
        lists = honour_lists(ranked)  # defaults: red top 3 ≥ 90, black bottom 3 < 60, yellow < 75
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
    def test_a_stored_config_changes_the_weights_and_deductions(self) -> None:
        config = ScoringConfig.from_mapping(
            {
                "weights": {"reporting": 50, "progress": 50, "closing": 0},
                "items": {"supervision_notices": {"points_each": "-5", "label_zh": "督办", "cap": 10}},
                "rating_weight": 0,
            }
        )
        facts = UnitPeriodFacts(
            "区科技局",
            on_time_reports=1,
            progress_ratios=(D(0),),
            tasks_closed_on_time=4,
            supervision_notices=3,
        )
        scorecard = score_unit(facts, config)
        assert [(line.item, line.subtotal, line.cap_applied) for line in scorecard.lines] == [
            ("reporting", D("50.00"), False),
            ("progress", D("0.00"), False),
            ("supervision_notices", D("-10"), True),
        ]
        assert scorecard.total == D("40.00")

    def test_unknown_keys_and_bad_items_are_named(self) -> None:
        with pytest.raises(ValueError, match="bonus_points"):
            ScoringConfig.from_mapping({"bonus_points": 3})
        with pytest.raises(ValueError, match="items.returned_reports"):
            ScoringConfig.from_mapping({"items": {"returned_reports": {"points": -1}}})
        with pytest.raises(ValueError, match="points_each"):
            ScoringConfig.from_mapping(
                {"items": {"returned_reports": {"points_each": "x", "label_zh": "退回"}}}
            )
