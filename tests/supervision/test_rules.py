"""The red/amber/green status rules, each on its own, with ``now`` passed explicitly."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from taizhang.supervision.rules import (
    Colour,
    DeliveryJudgement,
    NoticeFact,
    ReportFact,
    ReportOutcome,
    RuleConfig,
    TaskFacts,
    describe_rules,
    disagreement,
    evaluate,
    expected_progress,
)

ASSIGNED = date(2026, 1, 1)
DEADLINE = date(2026, 12, 31)
CONFIG = RuleConfig()


def healthy_task(**changes: Any) -> TaskFacts:
    """A task reported on time, on schedule, whose progress moved recently."""
    base = TaskFacts(
        assigned_at=ASSIGNED,
        deadline=DEADLINE,
        progress_percent=50,
        reports=(ReportFact(date(2026, 6, 30), date(2026, 6, 28), ReportOutcome.ACCEPTED),),
        last_progress_change=date(2026, 6, 28),
    )
    return replace(base, **changes)


def codes(facts: TaskFacts, now: date, config: RuleConfig = CONFIG) -> set[str]:
    return {reason.code for reason in evaluate(facts, config, now).reasons}


class OverdueTestCase:
    def test_it_is_green_when_nothing_is_wrong(self) -> None:
        assessment = evaluate(healthy_task(), CONFIG, date(2026, 7, 2))
        assert assessment.colour is Colour.GREEN
        assert assessment.reasons == ()

    def test_it_is_not_overdue_on_the_deadline_day(self) -> None:
        facts = healthy_task(
            progress_percent=100, last_progress_change=DEADLINE, reports=(ReportFact(DEADLINE, DEADLINE),)
        )
        assert "overdue" not in codes(facts, DEADLINE)

    def test_it_turns_red_one_day_after_the_deadline(self) -> None:
        facts = healthy_task(
            progress_percent=100, last_progress_change=DEADLINE, reports=(ReportFact(DEADLINE, DEADLINE),)
        )
        assessment = evaluate(facts, CONFIG, date(2027, 1, 1))
        assert assessment.colour is Colour.RED
        (reason,) = [r for r in assessment.reasons if r.code == "overdue"]
        assert reason.figures["days_overdue"] == 1
        assert "已超过完成时限 1 天" in reason.message

    def test_it_mentions_a_pending_extension_but_stays_red(self) -> None:
        facts = healthy_task(extension_pending=True)
        assessment = evaluate(facts, CONFIG, date(2027, 1, 13))
        (reason,) = [r for r in assessment.reasons if r.code == "overdue"]
        assert reason.colour is Colour.RED
        assert "已超过完成时限 13 天" in reason.message and "延期申请待审核" in reason.message

    def test_a_closed_task_is_closed_whatever_else_is_wrong(self) -> None:
        facts = healthy_task(closed=True, closed_at=date(2027, 3, 1), consecutive_returns=5)
        assessment = evaluate(facts, CONFIG, date(2027, 6, 1))
        assert assessment.colour is Colour.CLOSED
        assert [r.code for r in assessment.reasons] == ["closed"]

    def test_it_accepts_an_aware_datetime_as_now(self) -> None:
        now = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)
        assert "overdue" in codes(healthy_task(), now)


class DueSoonTestCase:
    def test_it_turns_amber_near_the_deadline_when_behind_the_time_elapsed(self) -> None:
        facts = healthy_task(
            progress_percent=93,
            last_progress_change=date(2026, 12, 10),
            reports=(ReportFact(date(2026, 11, 30), date(2026, 11, 30)),),
        )
        assessment = evaluate(facts, CONFIG, date(2026, 12, 20))
        assert assessment.colour is Colour.AMBER
        assert [r.code for r in assessment.reasons] == ["due_soon_behind"]

    def test_it_stays_green_near_the_deadline_when_ahead(self) -> None:
        facts = healthy_task(
            progress_percent=99,
            last_progress_change=date(2026, 12, 10),
            reports=(ReportFact(date(2026, 11, 30), date(2026, 11, 30)),),
        )
        assert evaluate(facts, CONFIG, date(2026, 12, 20)).colour is Colour.GREEN

    def test_the_due_soon_window_follows_the_configuration(self) -> None:
        facts = healthy_task(
            progress_percent=93,
            last_progress_change=date(2026, 12, 10),
            reports=(ReportFact(date(2026, 11, 30), date(2026, 11, 30)),),
        )
        narrow = RuleConfig(due_soon_days=5)
        assert "due_soon_behind" not in codes(facts, date(2026, 12, 20), narrow)
        assert "due_soon_behind" in codes(facts, date(2026, 12, 26), narrow)


class ReportLateTestCase:
    def missing_june(self) -> TaskFacts:
        return healthy_task(reports=(ReportFact(date(2026, 6, 30)),))

    def test_it_allows_the_grace_days(self) -> None:
        assert "report_late" not in codes(self.missing_june(), date(2026, 7, 3))

    def test_it_turns_amber_the_day_after_the_grace_days(self) -> None:
        assessment = evaluate(self.missing_june(), CONFIG, date(2026, 7, 4))
        (reason,) = [r for r in assessment.reasons if r.code == "report_late"]
        assert reason.colour is Colour.AMBER
        assert reason.figures["days_late"] == 4

    def test_it_turns_red_when_a_report_is_more_than_a_cycle_late(self) -> None:
        assessment = evaluate(self.missing_june(), CONFIG, date(2026, 7, 31))
        (reason,) = [r for r in assessment.reasons if r.code == "report_late"]
        assert reason.colour is Colour.RED

    def test_it_is_exactly_one_cycle_late_still_amber(self) -> None:
        assessment = evaluate(self.missing_june(), CONFIG, date(2026, 7, 30))
        (reason,) = [r for r in assessment.reasons if r.code == "report_late"]
        assert reason.colour is Colour.AMBER

    def test_without_periods_the_next_report_is_due_one_cycle_after_the_last(self) -> None:
        facts = healthy_task(reports=(), last_progress_change=date(2026, 3, 10))
        facts = replace(facts, assigned_at=date(2026, 3, 1))
        assert "report_late" not in codes(facts, date(2026, 4, 4))
        assert "report_late" in codes(facts, date(2026, 4, 5))

    def test_a_cadence_in_days_changes_when_reports_are_due(self) -> None:
        facts = healthy_task(
            reports=(ReportFact(date(2026, 6, 1), date(2026, 6, 1)),), last_progress_change=date(2026, 6, 1)
        )
        weekly = RuleConfig(report_cadence="days", report_cadence_days=7, report_grace_days=1)
        assert "report_late" not in codes(facts, date(2026, 6, 9), weekly)
        assert "report_late" in codes(facts, date(2026, 6, 10), weekly)


class StalledTestCase:
    def test_it_turns_amber_after_n_cycles_without_progress(self) -> None:
        facts = healthy_task(
            last_progress_change=date(2026, 4, 15),
            reports=(ReportFact(date(2026, 6, 10), date(2026, 6, 10)),),
            progress_percent=60,
        )
        assert "stalled" not in codes(facts, date(2026, 6, 14))
        assessment = evaluate(facts, CONFIG, date(2026, 6, 15))
        assert [r.code for r in assessment.reasons] == ["stalled"]
        assert assessment.colour is Colour.AMBER

    def test_more_cycles_in_the_configuration_wait_longer(self) -> None:
        facts = healthy_task(
            last_progress_change=date(2026, 4, 15),
            reports=(ReportFact(date(2026, 6, 10), date(2026, 6, 10)),),
            progress_percent=60,
        )
        assert "stalled" not in codes(facts, date(2026, 6, 15), RuleConfig(stalled_cycles=3))


class ReturnedTestCase:
    @pytest.mark.parametrize(("returns", "colour"), [(1, None), (2, Colour.AMBER), (3, Colour.RED)])
    def test_returns_in_a_row_give_amber_then_red(self, returns: int, colour: Colour | None) -> None:
        assessment = evaluate(healthy_task(consecutive_returns=returns), CONFIG, date(2026, 7, 2))
        found = [r.colour for r in assessment.reasons if r.code == "returned"]
        assert found == ([] if colour is None else [colour])


class NoticeTestCase:
    def test_an_unanswered_notice_turns_red_the_day_after_it_is_due(self) -> None:
        facts = healthy_task(notices=(NoticeFact(date(2026, 7, 1)),))
        assert "notice_unanswered" not in codes(facts, date(2026, 7, 1))
        assessment = evaluate(facts, CONFIG, date(2026, 7, 2))
        assert assessment.colour is Colour.RED
        assert "督办单逾期未回复 1 天" in assessment.reasons[0].message

    def test_an_answered_notice_does_not_count(self) -> None:
        facts = healthy_task(notices=(NoticeFact(date(2026, 7, 1), date(2026, 7, 3)),))
        assert "notice_unanswered" not in codes(facts, date(2026, 7, 5))


class BehindScheduleTestCase:
    def test_lag_beyond_the_amber_threshold_is_amber(self) -> None:
        # On 2026-07-02, 182 of 364 days have passed: 50.0% expected.
        assessment = evaluate(healthy_task(progress_percent=39), CONFIG, date(2026, 7, 2))
        assert [(r.code, r.colour) for r in assessment.reasons] == [("behind_schedule", Colour.AMBER)]

    def test_lag_exactly_at_the_threshold_is_still_green(self) -> None:
        assert evaluate(healthy_task(progress_percent=40), CONFIG, date(2026, 7, 2)).colour is Colour.GREEN

    def test_lag_beyond_the_red_threshold_is_red(self) -> None:
        assessment = evaluate(healthy_task(progress_percent=24), CONFIG, date(2026, 7, 2))
        assert assessment.colour is Colour.RED
        assert assessment.reasons[0].figures["lag_points"] == "26.0"

    def test_thresholds_come_from_the_configuration(self) -> None:
        strict = RuleConfig(lag_amber_points=5, lag_red_points=8)
        assert evaluate(healthy_task(progress_percent=41), strict, date(2026, 7, 2)).colour is Colour.RED


class OngoingTestCase:
    def test_an_ongoing_task_is_judged_by_its_reports_only(self) -> None:
        facts = healthy_task(deadline=None, ongoing=True, progress_percent=0)
        assert evaluate(facts, CONFIG, date(2026, 7, 2)).colour is Colour.GREEN
        late = replace(facts, reports=(ReportFact(date(2026, 6, 30)),))
        assert codes(late, date(2026, 7, 10)) == {"report_late"}


class WorstColourTestCase:
    def test_the_worst_colour_wins_and_every_reason_is_kept(self) -> None:
        facts = healthy_task(consecutive_returns=2, notices=(NoticeFact(date(2026, 7, 1)),))
        assessment = evaluate(facts, CONFIG, date(2026, 7, 2))
        assert assessment.colour is Colour.RED
        assert {r.code for r in assessment.reasons} == {"returned", "notice_unanswered"}


class ConfigTestCase:
    def test_a_bad_threshold_is_a_clear_error(self) -> None:
        with pytest.raises(ValueError, match="due_soon_days"):
            RuleConfig(due_soon_days=-1)
        with pytest.raises(ValueError, match="lag_red_points"):
            RuleConfig(lag_amber_points=30, lag_red_points=20)

    def test_unknown_stored_settings_are_named(self) -> None:
        with pytest.raises(ValueError, match="grace"):
            RuleConfig.from_mapping({"grace": 3})
        assert RuleConfig.from_mapping({"report_grace_days": 7}).report_grace_days == 7

    def test_described_rules_carry_the_configured_thresholds(self) -> None:
        descriptions = {d.code: d for d in describe_rules(RuleConfig(due_soon_days=20))}
        assert set(descriptions) == {
            "overdue",
            "due_soon_behind",
            "report_late",
            "stalled",
            "returned",
            "notice_unanswered",
            "behind_schedule",
        }
        assert "20 天" in descriptions["due_soon_behind"].description_zh
        assert descriptions["report_late"].applies_to_ongoing
        assert not descriptions["overdue"].applies_to_ongoing


class ExpectedProgressTestCase:
    """序时进度 has one home (ledger.rules); the status rules read it from there."""

    def test_it_is_the_share_of_days_elapsed_rounded_half_up(self) -> None:
        assert expected_progress(date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 6)) == Decimal("50.0")
        # 1/8 = 12.5 %, 1/16 = 6.25 % → 6.3 (half up, not banker's rounding)
        assert expected_progress(date(2026, 1, 1), date(2026, 1, 17), date(2026, 1, 2)) == Decimal("6.3")

    def test_it_is_clamped_before_the_start_and_after_the_deadline(self) -> None:
        assert expected_progress(date(2026, 1, 1), date(2026, 1, 11), date(2025, 12, 1)) == 0
        assert expected_progress(date(2026, 1, 1), date(2026, 1, 11), date(2026, 3, 1)) == Decimal("100.0")

    def test_the_status_rules_use_the_same_figure(self) -> None:
        facts = TaskFacts(assigned_at=date(2026, 1, 1), deadline=date(2026, 1, 17), progress_percent=0)
        reason = next(
            r
            for r in evaluate(facts, RuleConfig(due_soon_days=30), date(2026, 1, 2)).reasons
            if r.code == "due_soon_behind"
        )
        assert reason.figures["expected"] == "6.3"


class NoDeadlineTestCase:
    """A task without a deadline (未定) is missing information, never green."""

    def test_a_task_without_a_deadline_is_no_deadline_not_green(self) -> None:
        facts = TaskFacts(assigned_at=date(2026, 1, 1), deadline=None, progress_percent=50)
        assessment = evaluate(facts, RuleConfig(), date(2026, 1, 5))
        assert assessment.colour == Colour.NO_DEADLINE
        assert [r.code for r in assessment.reasons] == ["no_deadline"]

    def test_ongoing_work_without_a_deadline_can_be_green(self) -> None:
        facts = TaskFacts(assigned_at=date(2026, 1, 1), deadline=None, ongoing=True)
        assert evaluate(facts, RuleConfig(), date(2026, 1, 5)).colour == Colour.GREEN

    def test_a_late_report_still_makes_it_amber_or_red(self) -> None:
        facts = TaskFacts(assigned_at=date(2026, 1, 1), deadline=None)
        assessment = evaluate(facts, RuleConfig(), date(2026, 2, 10))
        assert assessment.colour == Colour.AMBER
        assert {r.code for r in assessment.reasons} == {"report_late", "no_deadline"}

    def test_a_closed_task_is_closed(self) -> None:
        facts = TaskFacts(assigned_at=date(2026, 1, 1), closed=True)
        assert evaluate(facts, RuleConfig(), date(2026, 2, 10)).colour == Colour.CLOSED

    def test_no_judgement_disagrees_with_missing_information(self) -> None:
        assert disagreement(Colour.NO_DEADLINE, DeliveryJudgement.HIGHLY_UNLIKELY) is None


class DisagreementTestCase:
    def test_a_compatible_judgement_is_no_disagreement(self) -> None:
        assert disagreement(Colour.AMBER, DeliveryJudgement.LIKELY) is None
        assert disagreement(Colour.CLOSED, "highly_unlikely") is None

    def test_an_optimistic_judgement_of_a_red_task_is_flagged(self) -> None:
        found = disagreement(Colour.RED, "highly_likely")
        assert found is not None and found.kind == "optimistic" and found.gap == 2
        assert "红灯" in found.message

    def test_a_pessimistic_judgement_of_a_green_task_is_flagged(self) -> None:
        found = disagreement(Colour.GREEN, DeliveryJudgement.UNLIKELY)
        assert found is not None and found.kind == "pessimistic" and found.gap == 1

    def test_an_unknown_judgement_is_a_clear_error(self) -> None:
        with pytest.raises(ValueError, match="maybe"):
            disagreement(Colour.GREEN, "maybe")


class TaskFactsTestCase:
    def test_impossible_facts_are_a_clear_error(self) -> None:
        with pytest.raises(ValueError, match="progress_percent"):
            healthy_task(progress_percent=120)
        with pytest.raises(ValueError, match="早于交办日期"):
            healthy_task(deadline=date(2025, 12, 1))
