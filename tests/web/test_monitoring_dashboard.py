"""The supervisor's dashboard and a unit's dashboard: numbers on a small ledger with known colours,
drill-down links, a fixed number of queries, and who may see which."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment, TaskStatus
from taizhang.monitoring import queries
from taizhang.supervision.models import TaskStatus as RAG

pytestmark = pytest.mark.django_db


def paint(task, colour, turned_red_at=None):
    now = timezone.now()
    RAG.objects.update_or_create(
        task=task,
        defaults={"colour": colour, "computed_at": now, "changed_at": now, "turned_red_at": turned_red_at},
    )


def add_tasks(policy, unit, n, colour=None, deadline=(2025, 9)):
    """``n`` more published tasks of ``policy`` led by ``unit``, painted ``colour``."""
    made = []
    for i in range(n):
        task = Task.objects.create(
            policy=policy,
            text=f"补充任务{i}",
            ref=f"X{i}",
            status=TaskStatus.ASSIGNED,
            deadline_kind="month",
            deadline_year=deadline[0],
            deadline_month=deadline[1],
            assigned_at=timezone.now(),
        )
        TaskAssignment.objects.create(task=task, unit=unit, role=AssignmentRole.LEAD)
        if colour:
            paint(task, colour)
        made.append(task)
    return made


@pytest.fixture
def painted(cast, policy, tasks):
    """Task 1 (A leads) red since two days ago, task 2 (B leads) amber, task 3 never computed (green),
    and four more of A's: two amber, one green, one closed."""
    paint(tasks[0], "red", turned_red_at=timezone.now() - dt.timedelta(days=2))
    paint(tasks[1], "amber")
    extra = add_tasks(policy, cast.unit_a, 2, "amber") + add_tasks(policy, cast.unit_a, 1, "green")
    closed = add_tasks(policy, cast.unit_a, 1)[0]
    Task.objects.filter(pk=closed.pk).update(status=TaskStatus.CLOSED, closed_at=timezone.now())
    return tasks + extra + [closed]


def dashboard_data(response):
    html = response.content.decode()
    start = html.index('id="dashboard-data"')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(body)


class DashboardNumbersTestCase:
    def test_it_counts_each_colour_and_its_share(self, painted):
        counts = queries.colour_counts(queries.dashboard_tasks())
        assert counts["total"] == 7
        assert counts["counts"] == {"green": 2, "amber": 3, "red": 1, "no_deadline": 0, "closed": 1}
        assert counts["shares"]["amber"] == pytest.approx(42.9)

    def test_it_counts_by_lead_unit_worst_first(self, cast, painted):
        groups = queries.counts_by_lead_unit(queries.dashboard_tasks())
        assert groups[0]["label"] == cast.unit_a.name
        assert groups[0]["counts"] == {"green": 1, "amber": 2, "red": 1, "no_deadline": 0, "closed": 1}
        by_name = {g["label"]: g["counts"] for g in groups}
        assert by_name[cast.unit_b.name] == {"green": 0, "amber": 1, "red": 0, "no_deadline": 0, "closed": 0}
        assert by_name["区市场监督管理局"]["green"] == 1

    def test_it_counts_by_deadline_month_with_ongoing_last(self, painted):
        groups = queries.counts_by_deadline_month(queries.dashboard_tasks())
        labels = [g["key"] for g in groups]
        assert labels == ["2025-06", "2025-09", "2025-12", "ongoing"]
        assert dict(zip(labels, [g["total"] for g in groups], strict=True)) == {
            "2025-06": 1,
            "2025-09": 4,
            "2025-12": 1,
            "ongoing": 1,
        }
        assert groups[-1]["label"] == "常态化推进"

    def test_it_leaves_draft_policies_out(self, cast, painted):
        from taizhang.devtools.builders import make_policy

        make_policy(cast.sam, name="draft.txt", publish=False)
        assert queries.colour_counts(queries.dashboard_tasks())["total"] == 7

    def test_it_agrees_with_statuses_computed_by_the_job(self, cast, policy, tasks):
        from taizhang.supervision.status import refresh_statuses

        refresh_statuses(now=timezone.now() + dt.timedelta(days=800))
        stored = {c: RAG.objects.filter(colour=c).count() for c in ("green", "amber", "red")}
        counts = queries.colour_counts(queries.dashboard_tasks())["counts"]
        assert stored["red"] >= 2  # two dated tasks far past their deadlines
        assert {c: counts[c] for c in stored} == stored


class DisagreementTestCase:
    def test_it_lists_tasks_whose_judgement_the_rules_contradict(self, client, cast, painted, tasks):
        RAG.objects.filter(task=tasks[0]).update(judgement="highly_likely")  # red: optimistic by 2
        RAG.objects.filter(task=tasks[1]).update(judgement="likely")  # amber: compatible
        client.force_login(cast.sam)
        response = client.get(reverse("monitoring:dashboard"))
        assert response.context["disagree_count"] == 1
        [(status, found)] = response.context["disagree_rows"]
        assert status.task_id == tasks[0].pk and (found.kind, found.gap) == ("optimistic", 2)
        assert "研判偏乐观" in response.content.decode()


class DashboardPageTestCase:
    def test_it_shows_the_counts_and_the_charts_data(self, client, cast, painted):
        client.force_login(cast.sam)
        response = client.get(reverse("monitoring:dashboard"))
        assert response.status_code == 200
        data = dashboard_data(response)
        assert data["overall"]["values"] == [2, 3, 1, 0, 1]
        assert data["by_unit"]["labels"][0] == cast.unit_a.name
        assert data["by_unit"]["series"]["red"][0] == 1
        html = response.content.decode()
        assert "echarts-5.6.0.min.js" in html
        # Every script and style sheet is served from here: nothing is fetched from another host
        # (a CDN). (The page's random CSRF token may hold any letters: the addresses are checked.)
        assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)

    def test_it_lists_what_turned_red_this_week(self, client, cast, painted, tasks):
        old = add_tasks(tasks[0].policy, cast.unit_b, 1)[0]
        paint(old, "red", turned_red_at=timezone.now() - dt.timedelta(days=10))
        client.force_login(cast.vera)
        response = client.get(reverse("monitoring:dashboard"))
        assert response.context["red_count"] == 1
        assert [s.task_id for s in response.context["red_latest"]] == [tasks[0].pk]
        assert reverse("ledger:task_detail", args=[tasks[0].pk]) in response.content.decode()

    def test_it_links_each_number_to_the_filtered_task_list(self, client, cast, painted, policy):
        client.force_login(cast.sam)
        response = client.get(reverse("monitoring:dashboard"), {"policy": policy.pk})
        html = response.content.decode()
        base = reverse("ledger:task_list")
        assert f"{base}?policy={policy.pk}&amp;unit={cast.unit_a.pk}&amp;colour=red" in html
        assert f"{base}?policy={policy.pk}&amp;month=2025-09" in html
        assert response.context["by_measure"], "a single policy's dashboard groups by measure"

    def test_it_takes_the_same_number_of_queries_whatever_the_number_of_tasks(
        self, client, cast, painted, policy
    ):
        client.force_login(cast.sam)
        client.get(reverse("monitoring:dashboard"))  # warm the session and membership caches
        cache.clear()  # the figures are cached by the ledger's stamp: count the cold page
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("monitoring:dashboard"))
        add_tasks(policy, cast.unit_b, 30, "red", deadline=(2026, 3))
        cache.clear()
        with CaptureQueriesContext(connection) as many:
            response = client.get(reverse("monitoring:dashboard"))
        assert response.context["overall"]["total"] == 37
        # 12 and the ledger's change stamp (taizhang/supervision/stamp.py)
        assert len(many) == len(few) == 13


class DashboardAccessTestCase:
    @pytest.mark.parametrize("who", ["alice", "sam", "vera"])
    def test_readers_of_everything_see_the_dashboard(self, client, cast, who):
        client.force_login(getattr(cast, who))
        assert client.get(reverse("monitoring:dashboard")).status_code == 200

    @pytest.mark.parametrize("who", ["amy", "andy"])
    def test_unit_people_are_sent_to_their_unit_dashboard(self, client, cast, who):
        client.force_login(getattr(cast, who))
        response = client.get(reverse("monitoring:dashboard"))
        assert response.status_code == 302 and response["Location"] == reverse("monitoring:unit")

    def test_a_user_without_a_role_is_refused(self, client, db):
        from django.contrib.auth import get_user_model

        nobody = get_user_model().objects.create_user("nobody")
        client.force_login(nobody)
        assert client.get(reverse("monitoring:dashboard")).status_code == 403

    def test_anonymous_visitors_are_sent_to_log_in(self, client, db):
        assert client.get(reverse("monitoring:dashboard")).status_code == 302

    def test_the_supervisor_has_no_unit_dashboard(self, client, cast):
        client.force_login(cast.sam)
        assert client.get(reverse("monitoring:unit")).status_code == 403


class UnitDashboardTestCase:
    def test_it_shows_only_the_units_own_tasks_and_its_standing(self, client, cast, painted):
        client.force_login(cast.andy)
        response = client.get(reverse("monitoring:unit"))
        assert response.status_code == 200
        tiles = {t["colour"]: t["count"] for t in response.context["led_tiles"]}
        assert tiles == {"green": 1, "amber": 2, "red": 1, "no_deadline": 0, "closed": 1}
        assert response.context["helping"]["total"] == 1  # task 3, led by a third unit
        assert response.context["standing"].scorecard.unit == cast.unit_a.name

    def test_it_lists_reports_due_and_returned(self, client, cast, tasks):
        from taizhang.ledger import actions as L

        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=10)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_return_report(cast.sam, report, comments="请补充佐证")
        client.force_login(cast.amy)
        response = client.get(reverse("monitoring:unit"))
        assert [r.pk for r in response.context["returned"]] == [report.pk]
        assert response.context["reports"]["returned"] == 1
        assert [d["task_id"] for d in response.context["due"]] == [tasks[0].pk]
        assert "请补充佐证" in response.content.decode()
