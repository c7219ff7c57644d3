"""Task statuses (红黄绿灯) computed from the ledger and stored by refresh_statuses.

The sample policy is published on 2025-01-10: task 1 (deadline 2025-12) is led by unit A,
task 2 (2025-06) by unit B, task 3 (ongoing) by a third unit. Reports are monthly, due on the
last day of each month.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_closing_report, make_policy
from taizhang.ledger import actions as L
from taizhang.ledger.models import Task
from taizhang.supervision.facts import load_contexts, policy_config, report_periods
from taizhang.supervision.models import TaskStatus
from taizhang.supervision.status import refresh_statuses

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, h: int = 9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=TZ)


@pytest.fixture
def published(cast: Any) -> list[Any]:
    with time_machine.travel(local(2025, 1, 10), tick=False):
        policy = make_policy(cast.sam)
    return list(policy.tasks.order_by("order"))


def _report(cast: Any, task: Any, period: str, percent: int, when: dt.datetime) -> Any:
    with time_machine.travel(when, tick=False):
        report = L.do_save_report(cast.andy, task=task, period=period, narrative="进展", percent=percent)
        return L.do_submit_report(cast.andy, report)


def _status(task: Any) -> TaskStatus:
    return TaskStatus.objects.get(task=task)


class ReportPeriodsTestCase:
    def test_monthly_periods_run_from_the_assignment_month_to_now(self) -> None:
        periods = report_periods("monthly", dt.date(2025, 1, 20), dt.date(2025, 3, 2))
        assert periods == [
            ("2025-01", dt.date(2025, 1, 31)),
            ("2025-02", dt.date(2025, 2, 28)),
            ("2025-03", dt.date(2025, 3, 31)),
        ]

    def test_quarterly_periods_end_with_the_quarter(self) -> None:
        periods = report_periods("quarterly", dt.date(2025, 2, 1), dt.date(2025, 7, 1))
        assert [p for p, _ in periods] == ["2025-Q1", "2025-Q2", "2025-Q3"]
        assert periods[1][1] == dt.date(2025, 6, 30)

    def test_half_yearly_and_yearly_periods(self) -> None:
        assert report_periods("half_yearly", dt.date(2025, 5, 1), dt.date(2025, 7, 1)) == [
            ("2025-H1", dt.date(2025, 6, 30)),
            ("2025-H2", dt.date(2025, 12, 31)),
        ]
        assert report_periods("yearly", dt.date(2025, 5, 1), dt.date(2025, 5, 2)) == [
            ("2025", dt.date(2025, 12, 31))
        ]

    def test_a_quarterly_policy_is_judged_in_cycles_of_days(self) -> None:
        config = policy_config("quarterly", {"report_grace_days": 7})
        assert (config.report_cadence, config.report_cadence_days, config.report_grace_days) == (
            "days",
            91,
            7,
        )


class RefreshStatusesTestCase:
    def test_a_fresh_task_is_green(self, cast: Any, published: list[Any]) -> None:
        assert refresh_statuses(now=local(2025, 1, 20)) == 3
        assert {s.colour for s in TaskStatus.objects.all()} == {"green"}

    def test_a_report_missing_past_the_grace_days_turns_the_task_amber(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses(now=local(2025, 2, 5))
        status = _status(published[0])
        assert status.colour == "amber"
        late = [r for r in status.reasons if r["code"] == "report_late"]
        assert late and late[0]["figures"]["due_on"] == "2025-01-31"

    def test_a_report_missing_for_more_than_a_cycle_turns_it_red(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses(now=local(2025, 3, 5))
        assert _status(published[0]).colour == "red"

    def test_a_submitted_report_clears_the_late_reason(self, cast: Any, published: list[Any]) -> None:
        _report(cast, published[0], "2025-01", 10, local(2025, 1, 30))
        refresh_statuses(now=local(2025, 2, 5))
        assert "report_late" not in _status(published[0]).reason_codes()

    def test_a_task_past_its_deadline_is_red(self, cast: Any, published: list[Any]) -> None:
        refresh_statuses(now=local(2025, 7, 2))
        status = _status(published[1])
        assert status.colour == "red" and "overdue" in status.reason_codes()

    def test_a_closed_task_is_closed_even_past_its_deadline(self, cast: Any, published: list[Any]) -> None:
        task = published[0]
        with time_machine.travel(local(2025, 1, 30), tick=False):
            make_closing_report(
                task,
                officer=cast.andy,
                leader=cast.amy,
                supervisor=cast.sam,
                period="2025-01",
                helpers=[cast.ben],
            )
            L.do_close_task(cast.sam, task)
        refresh_statuses(now=local(2026, 3, 1))
        assert _status(task).colour == "closed"

    def test_changed_at_and_turned_red_at_move_only_when_the_colour_changes(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses(now=local(2025, 1, 20))
        refresh_statuses(now=local(2025, 2, 5))
        amber = _status(published[0])
        assert (amber.colour, amber.previous_colour) == ("amber", "green")
        assert amber.changed_at == local(2025, 2, 5) and amber.turned_red_at is None
        refresh_statuses(now=local(2025, 3, 5))
        refresh_statuses(now=local(2025, 3, 6))
        red = _status(published[0])
        assert red.colour == "red" and red.previous_colour == "amber"
        assert red.changed_at == local(2025, 3, 5) and red.turned_red_at == local(2025, 3, 5)
        assert red.computed_at == local(2025, 3, 6)

    def test_leaving_red_clears_turned_red_at(self, cast: Any, published: list[Any]) -> None:
        refresh_statuses(now=local(2025, 3, 5))
        for period, day in (("2025-01", 6), ("2025-02", 6), ("2025-03", 6)):
            _report(cast, published[0], period, 30, local(2025, 3, day))
        refresh_statuses(now=local(2025, 3, 7))
        status = _status(published[0])
        assert status.colour != "red" and status.turned_red_at is None and status.previous_colour == "red"

    def test_draft_tasks_get_no_status(self, cast: Any) -> None:
        policy = make_policy(cast.sam, publish=False)
        assert refresh_statuses([t.pk for t in policy.tasks.all()]) == 0
        assert not TaskStatus.objects.exists()

    def test_rule_settings_of_the_policy_change_the_thresholds(self, cast: Any, published: list[Any]) -> None:
        from taizhang.supervision.actions import do_save_rule_settings

        policy = published[0].policy
        do_save_rule_settings(cast.sam, policy, {"report_grace_days": 10}, now=local(2025, 2, 5))
        assert policy.rule_settings.values == {"report_grace_days": 10}
        assert "report_late" not in _status(published[0]).reason_codes()


class FactsTestCase:
    def test_consecutive_returns_count_since_the_last_acceptance(
        self, cast: Any, published: list[Any]
    ) -> None:
        task = published[0]
        report = _report(cast, task, "2025-01", 10, local(2025, 1, 30))
        for _ in range(2):
            with time_machine.travel(local(2025, 2, 1), tick=False):
                L.do_approve_report(cast.amy, report)
                L.do_return_report(cast.sam, report, comments="请补充材料")
                L.do_submit_report(cast.andy, report)
        facts = load_contexts([task.pk], local(2025, 2, 2))[task.pk].facts
        assert facts.consecutive_returns == 2
        refresh_statuses([task.pk], local(2025, 2, 2))
        assert "returned" in _status(task).reason_codes()

    def test_the_last_progress_change_comes_from_accepted_reports(
        self, cast: Any, published: list[Any]
    ) -> None:
        task = published[0]
        report = _report(cast, task, "2025-01", 40, local(2025, 1, 30))
        with time_machine.travel(local(2025, 2, 3), tick=False):
            L.do_approve_report(cast.amy, report)
            L.do_accept_report(cast.sam, report)
        facts = load_contexts([task.pk], local(2025, 2, 4))[task.pk].facts
        assert facts.last_progress_change == dt.date(2025, 2, 3)
        assert facts.progress_percent == 40
        assert facts.reports[0].submitted_on == dt.date(2025, 1, 30)

    def test_the_rules_read_typed_facts_not_history_action_names(
        self, cast: Any, published: list[Any]
    ) -> None:
        """The facts are fields of the task kept by the actions: a history row alone changes nothing,
        and an acceptance ends a run of returns."""
        from taizhang.core.history import record

        task = published[0]
        with time_machine.travel(local(2025, 2, 1), tick=False):
            for _ in range(3):
                record(cast.sam, task, "return_report", before={}, after={})
            record(cast.sam, task, "update_progress", before={"progress": 0}, after={"progress": 50})
        facts = load_contexts([task.pk], local(2025, 2, 2))[task.pk].facts
        assert (facts.consecutive_returns, facts.last_progress_change) == (0, None)
        report = _report(cast, task, "2025-01", 10, local(2025, 1, 30))
        with time_machine.travel(local(2025, 2, 3), tick=False):
            L.do_approve_report(cast.amy, report)
            L.do_return_report(cast.sam, report, comments="请补充材料")
        assert Task.objects.get(pk=task.pk).consecutive_returns == 1
        with time_machine.travel(local(2025, 2, 4), tick=False):
            L.do_approve_report(cast.amy, L.do_submit_report(cast.andy, report))
            L.do_accept_report(cast.sam, report)
        task.refresh_from_db()
        assert (task.consecutive_returns, task.progress_changed_at) == (0, local(2025, 2, 4))

    def test_a_pending_extension_is_a_fact(self, cast: Any, published: list[Any]) -> None:
        task = published[0]
        L.do_request_extension(cast.andy, task, kind="month", year=2026, month=3, reason="施工延误")
        assert load_contexts([task.pk], local(2025, 2, 4))[task.pk].facts.extension_pending


class RefreshQueryCountTestCase:
    def _count(self, now: dt.datetime) -> int:
        with CaptureQueriesContext(connection) as ctx:
            refresh_statuses(now=now)
        return len(ctx.captured_queries)

    def test_the_number_of_queries_does_not_grow_with_the_number_of_tasks(
        self, cast: Any, published: list[Any]
    ) -> None:
        TaskStatus.objects.all().delete()  # publishing computed them: count a first computation
        first_create = self._count(local(2025, 1, 20))
        first_update = self._count(local(2025, 2, 5))
        with time_machine.travel(local(2025, 1, 10), tick=False):
            make_policy(cast.sam, SAMPLE_TASK_TABLE.replace("某区", "另一区"), name="other.txt")
        TaskStatus.objects.all().delete()
        assert self._count(local(2025, 1, 20)) == first_create
        assert self._count(local(2025, 2, 5)) == first_update
        assert TaskStatus.objects.count() == 6

    def _counts(self) -> list[int]:
        """Queries of a first refresh (rows created), a later one (colours and reasons change) and
        a repeat at the same time (nothing but computed_at changes)."""
        return [
            self._count(local(2025, 1, 20)),
            self._count(local(2025, 3, 5)),
            self._count(local(2025, 3, 5)),
        ]

    def test_three_tasks_and_thirty_tasks_take_the_same_queries(
        self, cast: Any, published: list[Any]
    ) -> None:
        _report(cast, published[0], "2025-01", 10, local(2025, 1, 30))
        few = self._counts()
        TaskStatus.objects.all().delete()
        for n in range(9):
            with time_machine.travel(local(2025, 1, 10), tick=False):
                policy = make_policy(
                    cast.sam, SAMPLE_TASK_TABLE.replace("某区", f"第{n}区"), name=f"p{n}.txt"
                )
            _report(cast, policy.tasks.order_by("order")[0], "2025-01", 10, local(2025, 1, 30))
        TaskStatus.objects.all().delete()  # publishing and reporting computed them already
        assert self._counts() == few
        assert TaskStatus.objects.count() == 30
        assert set(TaskStatus.objects.values_list("computed_at", flat=True)) == {local(2025, 3, 5)}

    def test_a_few_scattered_tasks_take_as_many_queries_as_many(
        self, cast: Any, published: list[Any]
    ) -> None:
        for n in range(9):
            with time_machine.travel(local(2025, 1, 10), tick=False):
                make_policy(cast.sam, SAMPLE_TASK_TABLE.replace("某区", f"第{n}区"), name=f"p{n}.txt")
        ids = sorted(Task.objects.values_list("pk", flat=True))
        assert len(ids) == 30

        def count(task_ids: list[int]) -> int:
            with CaptureQueriesContext(connection) as ctx:
                refresh_statuses(task_ids, local(2025, 1, 20))
            return len(ctx.captured_queries)

        scattered = count([ids[0], ids[-1]])  # looked up by id
        TaskStatus.objects.all().delete()
        assert count(ids) == scattered  # looked up by range
        assert TaskStatus.objects.count() == 30


class StoredReasonsTestCase:
    def test_reasons_follow_the_figures_while_the_colour_and_changed_at_stay(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses(now=local(2025, 3, 5))
        refresh_statuses(now=local(2025, 3, 9))
        status = _status(published[0])
        assert status.colour == "red" and status.changed_at == local(2025, 3, 5)
        assert status.turned_red_at == local(2025, 3, 5) and status.computed_at == local(2025, 3, 9)
        late = [r for r in status.reasons if r["code"] == "report_late"]
        assert late[0]["figures"]["days_late"] == 37  # 2025-01-31 to 2025-03-09

    def test_an_unchanged_status_only_moves_computed_at(self, cast: Any, published: list[Any]) -> None:
        refresh_statuses(now=local(2025, 1, 20))
        before = {
            s.task_id: (s.colour, s.reasons, s.changed_at, s.previous_colour)
            for s in TaskStatus.objects.all()
        }
        refresh_statuses(now=local(2025, 1, 21))
        after = {
            s.task_id: (s.colour, s.reasons, s.changed_at, s.previous_colour)
            for s in TaskStatus.objects.all()
        }
        assert after == before
        assert set(TaskStatus.objects.values_list("computed_at", flat=True)) == {local(2025, 1, 21)}
