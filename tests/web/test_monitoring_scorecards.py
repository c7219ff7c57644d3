"""Scorecards (绩效考核): the counts gathered from the ledger, the page equal to score_unit's
arithmetic, the breakdown adding up, the .xlsx export, the stored 考核办法, and who sees what."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from taizhang.devtools.builders import make_policy
from taizhang.ledger import actions as L
from taizhang.ledger.models import Task, TaskStatus
from taizhang.monitoring import actions as M
from taizhang.monitoring import queries
from taizhang.supervision.scoring import UnitPeriodFacts, score_unit

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")


def at(*args):
    return dt.datetime(*args, 10, 0, tzinfo=TZ)


def report(officer, leader, task, period, when, *, returned_by=None):
    with time_machine.travel(when, tick=False):
        made = L.do_save_report(officer, task=task, period=period, narrative="进展", percent=20)
        L.do_submit_report(officer, made)
        L.do_approve_report(leader, made)
        if returned_by is not None:
            L.do_return_report(returned_by, made, comments="请补充")
    return made


@pytest.fixture
def quarter(cast):
    """The sample policy assigned on 2 January 2025 and this first quarter's reports:
    A reports January on time and February late and never March; B reports January on time and
    has it returned; the third unit never reports. A is rated 90 for 2025-Q1."""
    with time_machine.travel(at(2025, 1, 2), tick=False):
        policy = make_policy(cast.sam)
    tasks = list(policy.tasks.order_by("order"))
    report(cast.andy, cast.amy, tasks[0], "2025-01", at(2025, 2, 3))
    report(cast.andy, cast.amy, tasks[0], "2025-02", at(2025, 3, 20))
    report(cast.ben, cast.bob, tasks[1], "2025-01", at(2025, 2, 1), returned_by=cast.sam)
    with time_machine.travel(at(2025, 3, 1), tick=False):
        M.do_rate_unit(cast.sam, cast.unit_a, period="2025-Q1", rating="90")
    return tasks


NOW = at(2025, 4, 10)


class PeriodTestCase:
    @pytest.mark.parametrize(
        "code,start,end",
        [
            ("2024-Q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
            ("2024-11", dt.date(2024, 11, 1), dt.date(2024, 11, 30)),
            ("2024-H1", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
            ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ],
    )
    def test_it_reads_quarters_months_halves_and_years(self, code, start, end):
        period = queries.parse_period(code)
        assert (period.start, period.end) == (start, end)

    @pytest.mark.parametrize("code", ["2024-13", "2024Q4", "24-Q1", "2024-Q5", ""])
    def test_it_refuses_other_writings_saying_why(self, code):
        with pytest.raises(ValueError, match="期次"):
            queries.parse_period(code)


class FactsTestCase:
    def test_it_counts_reports_on_time_late_missing_and_returned(self, cast, quarter):
        facts = queries.unit_period_facts(queries.parse_period("2025-Q1"), now=NOW)
        a = facts[cast.unit_a.pk][1]
        assert (a.on_time_reports, a.late_reports, a.missing_reports, a.returned_reports) == (1, 1, 1, 0)
        assert a.supervisor_rating == Decimal("90.00")
        b = facts[cast.unit_b.pk][1]
        assert (b.on_time_reports, b.late_reports, b.missing_reports, b.returned_reports) == (1, 0, 2, 1)
        third = next(f for name, f in facts.values() if name == "区市场监督管理局")
        assert third.missing_reports == 3

    def test_it_judges_accepted_progress_against_the_schedule(self, cast, quarter):
        # Assigned 2 January, due 31 December 2025: on 31 March 88 of 363 days have passed, so
        # 序时进度 is 24.2 %; nothing accepted yet is 0 of it. Task 2 (B, due 30 June) stands at
        # 88 of 179 days, 49.2 %. Task 3 (常态化推进) has no schedule and is not judged.
        q1 = queries.parse_period("2025-Q1")
        facts = queries.unit_period_facts(q1, now=NOW)
        assert facts[cast.unit_a.pk][1].progress_ratios == (Decimal(0),)
        assert facts[cast.unit_b.pk][1].progress_ratios == (Decimal(0),)
        third = next(f for name, f in facts.values() if name == "区市场监督管理局")
        assert third.progress_ratios == ()
        first = quarter[0].reports.get(period="2025-01")
        with time_machine.travel(at(2025, 3, 1), tick=False):
            L.do_accept_report(cast.sam, first)  # 20 % accepted: 20 / 24.2 of the schedule
        facts = queries.unit_period_facts(q1, now=NOW)
        assert facts[cast.unit_a.pk][1].progress_ratios == (Decimal("0.8264"),)
        # Accepted on 1 March, it does not count for February (57 of 363 days, 15.7 %) …
        february = queries.unit_period_facts(queries.parse_period("2025-02"), now=NOW)
        assert february[cast.unit_a.pk][1].progress_ratios == (Decimal(0),)
        # … and in January (29 days, 8.0 %) too little time had passed to judge progress.
        january = queries.unit_period_facts(queries.parse_period("2025-01"), now=NOW)
        assert january[cast.unit_a.pk][1].progress_ratios == ()

    def test_a_task_assigned_after_its_deadline_is_not_held_to_it(self, cast):
        with time_machine.travel(at(2025, 8, 1), tick=False):
            policy = make_policy(cast.sam)  # task 2 was due in June 2025
        tasks = list(policy.tasks.order_by("order"))
        q3 = queries.unit_period_facts(queries.parse_period("2025-Q3"), now=at(2025, 10, 10))
        b = q3[cast.unit_b.pk][1]
        assert (b.tasks_due_unclosed, b.tasks_closed_late) == (0, 0)
        Task.objects.filter(pk=tasks[1].pk).update(status=TaskStatus.CLOSED, closed_at=at(2025, 9, 1))
        q3 = queries.unit_period_facts(queries.parse_period("2025-Q3"), now=at(2025, 10, 10))
        assert q3[cast.unit_b.pk][1].tasks_closed_on_time == 1

    def test_a_report_not_yet_due_is_not_missing(self, cast, quarter):
        facts = queries.unit_period_facts(queries.parse_period("2025-Q1"), now=at(2025, 4, 3))
        assert facts[cast.unit_a.pk][1].missing_reports == 0

    def test_it_counts_overdue_tasks_and_tasks_closed_on_time(self, cast, quarter):
        q3 = queries.parse_period("2025-Q3")
        facts = queries.unit_period_facts(q3, now=at(2025, 10, 10))
        assert facts[cast.unit_b.pk][1].overdue_tasks == 1  # task 2 was due by June 2025
        assert facts[cast.unit_a.pk][1].overdue_tasks == 0
        assert facts[cast.unit_b.pk][1].tasks_due_unclosed == 1
        Task.objects.filter(pk=quarter[1].pk).update(status=TaskStatus.CLOSED, closed_at=at(2025, 8, 1))
        Task.objects.filter(pk=quarter[0].pk).update(status=TaskStatus.CLOSED, closed_at=at(2025, 8, 2))
        facts = queries.unit_period_facts(q3, now=at(2025, 10, 10))
        assert facts[cast.unit_b.pk][1].overdue_tasks == 1  # overdue in July, closed late in August
        assert facts[cast.unit_b.pk][1].tasks_closed_on_time == 0
        assert facts[cast.unit_b.pk][1].tasks_closed_late == 1
        assert facts[cast.unit_b.pk][1].tasks_due_unclosed == 0
        assert facts[cast.unit_a.pk][1].tasks_closed_on_time == 1
        q4 = queries.unit_period_facts(queries.parse_period("2025-Q4"), now=at(2026, 1, 10))
        assert q4[cast.unit_b.pk][1].overdue_tasks == 0  # closed before the quarter began

    def test_it_counts_supervision_notices_on_the_tasks_a_unit_leads(self, cast, quarter):
        from taizhang.supervision.models import SupervisionNotice

        SupervisionNotice.objects.create(
            task=quarter[0],
            instruction="加快推进",
            due_on=dt.date(2025, 3, 10),
            issued_by=cast.sam,
            issued_at=at(2025, 3, 1),
        )
        facts = queries.unit_period_facts(queries.parse_period("2025-Q1"), now=NOW)
        assert facts[cast.unit_a.pk][1].supervision_notices == 1
        assert facts[cast.unit_b.pk][1].supervision_notices == 0


class ScorecardPageTestCase:
    def test_the_ranking_equals_score_unit_on_the_same_counts(self, client, cast, quarter):
        expected = score_unit(
            UnitPeriodFacts(
                cast.unit_a.name,
                on_time_reports=1,
                late_reports=1,
                missing_reports=1,
                progress_ratios=(Decimal(0),),
                supervisor_rating=Decimal("90"),
            ),
        )
        # Reporting (1 + 0.5 × 1) / 3 of 30, progress 0 of 40: 100 × 30 × 0.5 / 70 = 21.43; rating +1.
        assert expected.total == Decimal("22.43")
        client.force_login(cast.sam)
        with time_machine.travel(NOW, tick=False):
            response = client.get(reverse("monitoring:scorecards"), {"period": "2025-Q1"})
        assert response.status_code == 200
        rows = {r["entry"].scorecard.unit: r for r in response.context["rows"]}
        assert rows[cast.unit_a.name]["entry"].scorecard.total == expected.total
        assert rows[cast.unit_a.name]["entry"].rank == 1
        # B: 1 of 3 reports on time, progress 0: 100 × 30 × (1/3) / 70 = 14.29; one return −0.50.
        assert rows[cast.unit_b.name]["entry"].scorecard.total == Decimal("13.79")
        # The third unit never reported (3 missing) and has no task on a schedule: 0.
        assert rows["区市场监督管理局"]["entry"].scorecard.total == Decimal("0.00")
        assert [r["entry"].rank for r in response.context["rows"]] == [1, 2, 3]
        assert '<td class="num score">22.43</td>' in response.content.decode()

    def test_the_breakdown_lines_add_up_to_the_total(self, client, cast, quarter):
        client.force_login(cast.sam)
        with time_machine.travel(NOW, tick=False):
            response = client.get(
                reverse("monitoring:breakdown", args=[cast.unit_b.pk]), {"period": "2025-Q1"}
            )
        card = response.context["entry"].scorecard
        assert sum(line.subtotal for line in card.lines) == card.total
        html = response.content.decode()
        for line in card.lines:
            assert f'data-item="{line.item}"' in html
        assert "按时报送进展" in html and "14.29" in html and "1 / 3" in html

    def test_a_wrong_period_is_refused_with_the_reason(self, client, cast):
        client.force_login(cast.sam)
        response = client.get(reverse("monitoring:scorecards"), {"period": "2024-13"})
        assert response.status_code == 400
        assert "2024-13" in response.content.decode()


class ExportTestCase:
    def test_it_exports_the_ranking_and_every_line_to_xlsx(self, client, cast, quarter):
        from openpyxl import load_workbook

        client.force_login(cast.vera)
        with time_machine.travel(NOW, tick=False):
            response = client.get(reverse("monitoring:scorecards_export"), {"period": "2025-Q1"})
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content))
        ranking = book["考核排名"]
        assert ranking["A1"].value == "2025-Q1 绩效考核排名"
        assert [c.value for c in ranking[2]] == ["名次", "单位", "得分", "履职得分", "超期任务", "榜单"]
        assert ranking["B3"].value == cast.unit_a.name and ranking["C3"].value == 22.43
        assert ranking["B3"].font.name == "宋体"
        details = book["得分明细"]
        b_lines = [
            row for row in details.iter_rows(min_row=3, values_only=True) if row[0] == cast.unit_b.name
        ]
        assert sum(r[5] for r in b_lines if r[1] != "合计") == pytest.approx(b_lines[-1][5])

    def test_unit_people_cannot_export_every_units_breakdown(self, client, cast):
        client.force_login(cast.andy)
        assert client.get(reverse("monitoring:scorecards_export")).status_code == 403


class ScoringSettingsTestCase:
    def test_the_stored_rules_change_the_scores(self, cast, quarter):
        M.do_save_scoring_settings(
            cast.sam,
            config={
                "weights": {"reporting": 100, "progress": 0, "closing": 0},
                "items": {"returned_reports": {"points_each": -5, "label_zh": "退回"}},
            },
            lists={},
            report_due_days=5,
        )
        board = queries.scoreboard(queries.parse_period("2025-Q1"), now=NOW)
        entry, _ = board.card_of(cast.unit_b.pk)
        assert [line.item for line in entry.scorecard.lines] == [
            "reporting",
            "returned_reports",
            "supervisor_rating",
        ]
        assert entry.scorecard.total == Decimal("28.33")  # 100 × 1/3 − 5

    def test_a_wrong_rule_is_refused_naming_it(self, client, cast):
        client.force_login(cast.sam)
        response = client.post(
            reverse("monitoring:scoring_settings"),
            {
                "config": '{"items": {"bonus": {"points_each": 1, "label_zh": "x"}}}',
                "lists": "{}",
                "report_due_days": 5,
            },
        )
        assert response.status_code == 200
        assert "bonus" in response.content.decode()
        assert queries.current_settings().pk is None

    def test_only_the_supervisor_changes_the_rules(self, cast):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            M.do_save_scoring_settings(cast.vera, config={}, lists={}, report_due_days=5)


class ScorecardAccessTestCase:
    @pytest.mark.parametrize("who", ["alice", "sam", "vera"])
    def test_readers_of_everything_see_the_ranking(self, client, cast, who):
        client.force_login(getattr(cast, who))
        assert client.get(reverse("monitoring:scorecards")).status_code == 200

    @pytest.mark.parametrize("who", ["amy", "andy", "bob", "ben"])
    def test_a_unit_does_not_open_the_whole_ranking(self, client, cast, who):
        client.force_login(getattr(cast, who))
        assert client.get(reverse("monitoring:scorecards")).status_code == 403
        assert client.get(reverse("monitoring:scorecards_export")).status_code == 403

    def test_a_unit_sees_its_own_breakdown_but_not_anothers(self, client, cast, quarter):
        client.force_login(cast.andy)
        assert client.get(reverse("monitoring:breakdown", args=[cast.unit_a.pk])).status_code == 200
        assert client.get(reverse("monitoring:breakdown", args=[cast.unit_b.pk])).status_code == 404

    def test_leaders_read_any_breakdown_but_cannot_rate(self, client, cast, quarter):
        client.force_login(cast.vera)
        url = reverse("monitoring:breakdown", args=[cast.unit_b.pk]) + "?period=2025-Q1"
        assert client.get(url).status_code == 200
        assert client.post(url, {"rating": "70"}).status_code == 403

    def test_the_supervisor_rates_a_unit_with_history(self, client, cast, quarter):
        from taizhang.core.models import HistoryEntry

        client.force_login(cast.sam)
        url = reverse("monitoring:breakdown", args=[cast.unit_b.pk]) + "?period=2025-Q1"
        assert client.post(url, {"rating": "70", "note": "配合不力"}).status_code == 302
        assert HistoryEntry.objects.filter(action="rate_unit").count() == 2
        facts = queries.unit_period_facts(queries.parse_period("2025-Q1"), now=NOW)
        assert facts[cast.unit_b.pk][1].supervisor_rating == Decimal("70.00")

    def test_a_rating_outside_0_to_100_is_refused(self, cast):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as error:
            M.do_rate_unit(cast.sam, cast.unit_a, period="2025-Q1", rating="101")
        assert "rating" in error.value.message_dict


class ScorecardQueriesTestCase:
    def test_the_ranking_takes_the_same_number_of_queries_whatever_the_ledger_size(
        self, client, cast, quarter
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from taizhang.devtools.builders import make_unit
        from taizhang.ledger.models import AssignmentRole, TaskAssignment

        client.force_login(cast.sam)
        url = reverse("monitoring:scorecards") + "?period=2025-Q1"
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        policy = quarter[0].policy
        for i in range(12):
            task = Task.objects.create(
                policy=policy,
                text=f"任务{i}",
                status=TaskStatus.ASSIGNED,
                assigned_at=at(2025, 1, 2),
                deadline_kind="month",
                deadline_year=2025,
                deadline_month=12,
            )
            TaskAssignment.objects.create(
                task=task, unit=make_unit(f"第{i}街道办事处"), role=AssignmentRole.LEAD
            )
        with CaptureQueriesContext(connection) as many:
            response = client.get(url)
        assert len(response.context["rows"]) == 15
        assert len(many) == len(few)
