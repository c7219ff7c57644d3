"""Figures cached under the ledger's change stamp (taizhang/supervision/stamp.py): the dashboard,
the work queues and the portal's home page answer a repeated request from the cache (fewer
queries), and show a change made through an action on the very next request."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taizhang.ledger import actions as L
from taizhang.monitoring import queries
from taizhang.portal.actions import do_publish_to_portal, do_withdraw_from_portal
from taizhang.supervision import actions as S
from taizhang.supervision.stamp import ledger_stamp
from taizhang.supervision.status import refresh_statuses

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries_of(client: Client, url: str) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured.captured_queries)


def queue_counts(response: Any) -> dict[str, int]:
    return {s["key"]: s["count"] for s in response.context["sections"]}


def approved_report(cast: Any, task: Any) -> Any:
    report = L.do_save_report(cast.andy, task=task, period="2025-01", narrative="网办改造", percent=40)
    L.do_submit_report(cast.andy, report)
    return L.do_approve_report(cast.amy, report)


class StampTestCase:
    def test_it_moves_with_history_with_a_status_computation_and_with_the_date(
        self, cast: Any, tasks: list[Any]
    ) -> None:
        first = ledger_stamp()
        assert ledger_stamp() == first, "nothing changed: the same stamp"
        S.do_judge_task(cast.sam, tasks[0], judgement="likely")  # an action: a history row
        second = ledger_stamp()
        assert second != first
        refresh_statuses(now=timezone.now() + dt.timedelta(days=1))  # no history: computed_at moves
        third = ledger_stamp()
        assert third != second
        import time_machine

        with time_machine.travel(timezone.now() + dt.timedelta(days=2)):
            assert ledger_stamp() != third, "deadline months and this week turn with the date"

    def test_it_is_one_query(self, cast: Any, tasks: list[Any], django_assert_num_queries: Any) -> None:
        with django_assert_num_queries(1):
            ledger_stamp()


class DashboardCacheTestCase:
    def test_a_repeated_request_is_answered_from_the_cache(self, cast: Any, tasks: list[Any]) -> None:
        client = client_for(cast.sam)
        url = reverse("monitoring:dashboard")
        client.get(url)  # the session and the membership
        from django.core.cache import cache

        cache.clear()
        cold, cold_n = queries_of(client, url)
        warm, warm_n = queries_of(client, url)
        # cold: session, user, membership, the stamp and the dashboard's 9 queries; warm: the stamp only
        assert (cold_n, warm_n) == (13, 4)
        for name in ("overall", "by_month", "by_policy", "by_unit", "red_count", "disagree_count"):
            assert warm.context[name] == cold.context[name]

    def test_a_status_refresh_shows_on_the_next_request(self, cast: Any, tasks: list[Any]) -> None:
        from taizhang.supervision.models import TaskStatus

        TaskStatus.objects.all().delete()  # publishing computed them: start from none computed
        client = client_for(cast.sam)
        url = reverse("monitoring:dashboard")
        before = client.get(url).context["overall"]["counts"]
        assert before["red"] == 0, "no colour computed yet: no task counts as red"
        refresh_statuses()  # the sample's deadlines are long past
        after = client.get(url).context["overall"]["counts"]
        assert after["red"] >= 2
        assert after == queries.colour_counts(queries.dashboard_tasks())["counts"]

    def test_a_reassigned_task_shows_on_the_next_request_of_the_policys_dashboard(
        self, cast: Any, policy: Any, tasks: list[Any]
    ) -> None:
        client = client_for(cast.sam)
        url = f"{reverse('monitoring:dashboard')}?policy={policy.pk}"

        def led_by_b() -> int:
            units = client.get(url).context["by_unit"]
            return sum(g["total"] for g in units if g["key"] == cast.unit_b.pk)

        assert led_by_b() == 1
        L.do_reassign_task(cast.sam, tasks[0], lead=[cast.unit_b])
        assert led_by_b() == 2

    def test_a_judgement_shows_on_the_next_request(self, cast: Any, tasks: list[Any]) -> None:
        client = client_for(cast.sam)
        url = reverse("monitoring:dashboard")
        refresh_statuses(now=timezone.now() + dt.timedelta(days=800))
        assert client.get(url).context["disagree_count"] == 0
        red = next(t for t in tasks if t.rag.colour == "red")
        S.do_judge_task(cast.sam, red, judgement="highly_likely")  # rules: red; optimistic
        assert client.get(url).context["disagree_count"] == 1


class QueuesCacheTestCase:
    def test_a_repeated_request_is_answered_from_the_cache(self, cast: Any, tasks: list[Any]) -> None:
        approved_report(cast, tasks[0])
        client = client_for(cast.sam)
        url = reverse("supervision:queues")
        client.get(url)
        from django.core.cache import cache

        cache.clear()
        cold, cold_n = queries_of(client, url)
        warm, warm_n = queries_of(client, url)
        # cold: session, user, membership, the stamp, a count and a page per queue; warm: the stamp
        assert (cold_n, warm_n) == (14, 4)
        assert queue_counts(warm) == queue_counts(cold)
        assert [s["rows"] for s in warm.context["sections"]] == [s["rows"] for s in cold.context["sections"]]

    def test_an_accepted_report_leaves_the_review_queue_on_the_next_request(
        self, cast: Any, tasks: list[Any]
    ) -> None:
        report = approved_report(cast, tasks[0])
        client = client_for(cast.sam)
        url = reverse("supervision:queues")
        first = client.get(url)
        assert queue_counts(first)["review"] == 1
        assert reverse("ledger:task_detail", args=[tasks[0].pk]) in first.content.decode()
        L.do_accept_report(cast.sam, report)
        assert queue_counts(client.get(url))["review"] == 0

    def test_a_new_supervision_notice_is_queued_on_the_next_request(
        self, cast: Any, tasks: list[Any]
    ) -> None:
        client = client_for(cast.sam)
        url = reverse("supervision:queues")
        assert queue_counts(client.get(url))["notices"] == 0
        S.do_issue_supervision_notice(
            cast.sam,
            tasks[0],
            instruction="请说明滞后原因",
            due_on=timezone.localdate() + dt.timedelta(days=3),
        )
        assert queue_counts(client.get(url))["notices"] == 1


class PortalCacheTestCase:
    def test_a_repeated_visit_is_answered_from_the_cache(self, cast: Any, policy: Any) -> None:
        do_publish_to_portal(cast.sam, policy)
        client = Client()
        url = reverse("portal:home")
        cold, cold_n = queries_of(client, url)
        warm, warm_n = queries_of(client, url)
        assert (cold_n, warm_n) == (3, 1)  # the stamp, the public policies, their counts; then the stamp
        assert warm.context["programme"] == cold.context["programme"]

    def test_a_withdrawn_policy_is_gone_on_the_next_visit(self, cast: Any, policy: Any) -> None:
        do_publish_to_portal(cast.sam, policy)
        client = Client()
        url = reverse("portal:home")
        link = reverse("portal:policy", args=[policy.pk])
        assert link in client.get(url).content.decode()
        assert link in client.get(url).content.decode()  # now from the cache
        do_withdraw_from_portal(cast.sam, policy)
        html = client.get(url).content.decode()
        assert link not in html and policy.title not in html
        assert client.get(link).status_code == 404

    def test_hiding_progress_shows_on_the_next_visit(self, cast: Any, policy: Any) -> None:
        do_publish_to_portal(cast.sam, policy)
        client = Client()
        url = reverse("portal:home")
        assert client.get(url).context["programme"][0].show_progress
        do_publish_to_portal(cast.sam, policy, show_progress=False)
        shown = client.get(url).context["programme"][0]
        assert not shown.show_progress and shown.counts == {} and shown.progress is None

    def test_an_accepted_report_moves_the_public_progress_on_the_next_visit(
        self, cast: Any, policy: Any, tasks: list[Any]
    ) -> None:
        do_publish_to_portal(cast.sam, policy)
        report = approved_report(cast, tasks[0])
        client = Client()
        url = reverse("portal:home")
        before = client.get(url).context["programme"][0].progress
        L.do_accept_report(cast.sam, report)
        after = client.get(url).context["programme"][0].progress
        assert after is not None and before is not None and after > before
