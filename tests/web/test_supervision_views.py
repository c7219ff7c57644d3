"""Supervision's pages: who may open each and post to each, what they show, and pinned query counts.

The clock stands on 2025-03-05; the sample policy was published on 2025-01-10 (task 1 led by A
and helped by B, task 2 led by B, task 3 led by a third unit and helped by A).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_policy
from taizhang.ledger import actions as L
from taizhang.supervision import actions as S
from taizhang.supervision.models import Notice, SupervisionNotice, TaskStatus
from taizhang.supervision.status import refresh_statuses

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")
PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben"]
STEERING = {"alice", "sam"}
OVERVIEW = {"alice", "sam", "vera"}


def local(y: int, m: int, d: int, h: int = 9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=TZ)


@pytest.fixture
def published(cast: Any) -> Iterator[list[Any]]:
    with time_machine.travel(local(2025, 1, 10), tick=False):
        policy = make_policy(cast.sam)
    with time_machine.travel(local(2025, 3, 5), tick=False):
        yield list(policy.tasks.order_by("order"))


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _notice(cast: Any, task: Any) -> SupervisionNotice:
    return S.do_issue_supervision_notice(
        cast.sam, task, instruction="请说明滞后原因", due_on=dt.date(2025, 3, 10)
    )


class PagePermissionTestCase:
    @pytest.mark.parametrize("person", PEOPLE)
    def test_pages_answer_each_role_as_the_table_says(
        self, cast: Any, published: list[Any], person: str
    ) -> None:
        client = client_for(getattr(cast, person))
        t1, t2 = published[0], published[1]
        expected = {
            reverse("supervision:task", args=[t1.pk]): 200,
            reverse("supervision:task", args=[t2.pk]): 404 if person in {"amy", "andy"} else 200,
            reverse("supervision:task_judge", args=[t1.pk]): 200 if person in STEERING else 403,
            reverse("supervision:queues"): 200 if person in OVERVIEW else 403,
            reverse("supervision:disagreements"): 200 if person in OVERVIEW else 403,
            reverse("supervision:rules"): 200,
            reverse("supervision:rules") + f"?policy={t1.policy_id}": 200,
            reverse("supervision:notices"): 200,
        }
        got = {url: client.get(url).status_code for url in expected}
        assert got == expected

    @pytest.mark.parametrize("person", PEOPLE)
    def test_posts_answer_each_role_as_the_table_says(
        self, cast: Any, published: list[Any], person: str
    ) -> None:
        client = client_for(getattr(cast, person))
        t1 = published[0]
        notice = _notice(cast, t1)
        issue = client.post(
            reverse("supervision:notice_issue", args=[t1.pk]),
            {"instruction": "加快进度", "due_on": "2025-03-20"},
        )
        assert issue.status_code == (302 if person in STEERING else 403)
        answer = client.post(
            reverse("supervision:notice_answer", args=[notice.pk]), {f"n{notice.pk}-answer": "已整改"}
        )
        assert answer.status_code == (302 if person in {"amy", "andy"} else 403)
        judge = client.post(reverse("supervision:task_judge", args=[t1.pk]), {"judgement": "likely"})
        assert judge.status_code == (302 if person in STEERING else 403)
        close = client.post(reverse("supervision:notice_close", args=[notice.pk]), {"note": ""})
        assert close.status_code == (302 if person in STEERING else 403)
        rules = client.post(
            reverse("supervision:rules_save", args=[t1.policy_id]), _rule_form(stalled_cycles=3)
        )
        assert rules.status_code == (302 if person in STEERING else 403)

    def test_an_anonymous_visitor_is_sent_to_log_in(self, published: list[Any]) -> None:
        for name in ("supervision:queues", "supervision:notices", "supervision:rules"):
            response = Client().get(reverse(name))
            assert response.status_code == 302 and "login" in response["Location"]

    def test_a_unit_cannot_reach_another_units_task_by_url(self, cast: Any, published: list[Any]) -> None:
        client = client_for(cast.andy)
        t2 = published[1]
        assert client.post(reverse("supervision:notice_issue", args=[t2.pk]), {}).status_code == 404
        notice = _notice(cast, t2)
        assert client.post(reverse("supervision:notice_answer", args=[notice.pk]), {}).status_code == 404


def _rule_form(**changes: int | str) -> dict[str, Any]:
    values: dict[str, Any] = {
        "report_cadence": "monthly",
        "due_soon_days": 15,
        "report_cadence_days": 30,
        "report_grace_days": 3,
        "stalled_cycles": 2,
        "returns_amber": 2,
        "returns_red": 3,
        "lag_amber_points": 10,
        "lag_red_points": 25,
    }
    values.update(changes)
    return values


class TaskSupervisionPageTestCase:
    def test_it_shows_the_colour_reasons_and_notices(self, cast: Any, published: list[Any]) -> None:
        _notice(cast, published[0])
        page = client_for(cast.andy).get(reverse("supervision:task", args=[published[0].pk])).content.decode()
        assert 'data-colour="red"' in page and 'data-code="report_late"' in page
        assert "请说明滞后原因" in page and "notice_answer" not in page
        assert (
            f'action="{reverse("supervision:notice_answer", args=[SupervisionNotice.objects.get().pk])}"'
            in page
        )

    def test_a_helping_unit_sees_the_notice_but_no_answer_form(self, cast: Any, published: list[Any]) -> None:
        notice = _notice(cast, published[0])
        page = client_for(cast.ben).get(reverse("supervision:task", args=[published[0].pk])).content.decode()
        assert "请说明滞后原因" in page
        assert reverse("supervision:notice_answer", args=[notice.pk]) not in page

    def test_a_bad_notice_is_shown_again_with_the_field_error(self, cast: Any, published: list[Any]) -> None:
        response = client_for(cast.sam).post(
            reverse("supervision:notice_issue", args=[published[0].pk]),
            {"instruction": "x", "due_on": "2020-01-01"},
        )
        assert response.status_code == 400 and "早于今天" in response.content.decode()


class JudgementPageTestCase:
    def test_an_htmx_post_answers_the_form_alone(self, cast: Any, published: list[Any]) -> None:
        response = client_for(cast.sam).post(
            reverse("supervision:task_judge", args=[published[0].pk]),
            {"judgement": "highly_likely"},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200
        assert "<html" not in response.content.decode() and 'id="judgement"' in response.content.decode()
        assert TaskStatus.objects.get(task=published[0]).judgement == "highly_likely"

    def test_an_unknown_judgement_is_a_400(self, cast: Any, published: list[Any]) -> None:
        response = client_for(cast.sam).post(
            reverse("supervision:task_judge", args=[published[0].pk]), {"judgement": "x"}
        )
        assert response.status_code == 400

    def test_disagreements_list_where_judgement_and_rule_part_ways(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses()
        S.do_judge_task(cast.sam, published[0], judgement="highly_likely")  # rules: red
        S.do_judge_task(cast.sam, published[1], judgement="unlikely")  # rules: red, compatible
        page = client_for(cast.vera).get(reverse("supervision:disagreements")).content.decode()
        assert "disagreement-optimistic" in page and "研判偏乐观" in page
        assert published[0].text[:20] in page and published[1].text[:20] not in page

    def test_the_disagreements_query_count_does_not_grow_with_the_rows(
        self, cast: Any, published: list[Any]
    ) -> None:
        refresh_statuses()
        client = client_for(cast.sam)
        S.do_judge_task(cast.sam, published[0], judgement="highly_likely")
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("supervision:disagreements"))
        S.do_judge_task(cast.sam, published[1], judgement="highly_likely")
        S.do_judge_task(cast.sam, published[2], judgement="highly_likely")
        with CaptureQueriesContext(connection) as many:
            response = client.get(reverse("supervision:disagreements"))
        assert len(response.context["rows"]) == 3
        assert len(many.captured_queries) == len(few.captured_queries) <= 5


class QueuesTestCase:
    def _setup(self, cast: Any, tasks: list[Any]) -> None:
        refresh_statuses()
        _notice(cast, tasks[0])
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=20)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_request_extension(cast.ben, tasks[1], kind="month", year=2025, month=12, reason="资金未到位")

    def test_each_queue_has_its_count(self, cast: Any, published: list[Any]) -> None:
        self._setup(cast, published)
        response = client_for(cast.sam).get(reverse("supervision:queues"))
        counts = {s["key"]: s["count"] for s in response.context["sections"]}
        assert counts == {"reports_missing": 3, "overdue": 0, "notices": 1, "extensions": 1, "review": 1}

    def test_tasks_past_their_deadline_are_queued(self, cast: Any, published: list[Any]) -> None:
        with time_machine.travel(local(2025, 7, 2), tick=False):
            response = client_for(cast.sam).get(reverse("supervision:queues"))
        counts = {s["key"]: s["count"] for s in response.context["sections"]}
        assert counts["overdue"] == 1

    def test_the_query_count_does_not_grow_with_the_rows(self, cast: Any, published: list[Any]) -> None:
        self._setup(cast, published)
        client = client_for(cast.sam)
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("supervision:queues"))
        with time_machine.travel(local(2025, 1, 10), tick=False):
            more = list(
                make_policy(cast.sam, SAMPLE_TASK_TABLE.replace("某区", "另一区"), name="o.txt").tasks.all()
            )
        self._setup(cast, more)
        with CaptureQueriesContext(connection) as many:
            response = client.get(reverse("supervision:queues"))
        assert response.context["sections"][2]["count"] == 2
        # session, user, membership (and the base layout's unit), then a count and a page per queue
        assert len(many.captured_queries) == len(few.captured_queries) <= 14


class RulesPageTestCase:
    def test_it_lists_every_rule_with_the_policys_thresholds(self, cast: Any, published: list[Any]) -> None:
        S.do_save_rule_settings(cast.sam, published[0].policy, {"report_grace_days": 9})
        page = client_for(cast.andy).get(reverse("supervision:rules") + f"?policy={published[0].policy_id}")
        text = page.content.decode()
        for code in (
            "overdue",
            "due_soon_behind",
            "report_late",
            "stalled",
            "returned",
            "notice_unanswered",
            "behind_schedule",
        ):
            assert f'id="rule-{code}"' in text
        assert "逾期超过 9 天" in text and "report_grace_days=9" in text
        assert page.context["form"] is None

    def test_the_supervisor_gets_the_settings_form_and_bad_values_name_the_field(
        self, cast: Any, published: list[Any]
    ) -> None:
        client = client_for(cast.sam)
        page = client.get(reverse("supervision:rules") + f"?policy={published[0].policy_id}")
        assert page.context["form"] is not None
        bad = client.post(
            reverse("supervision:rules_save", args=[published[0].policy_id]), _rule_form(lag_red_points=5)
        )
        assert bad.status_code == 400 and "lag_red_points" in bad.context["form"].errors
        good = client.post(
            reverse("supervision:rules_save", args=[published[0].policy_id]), _rule_form(stalled_cycles=4)
        )
        assert good.status_code == 302
        assert published[0].policy.rule_settings.values == {"stalled_cycles": 4}


class NoticesPageTestCase:
    def test_it_shows_the_persons_notices_and_unread_count(self, cast: Any, published: list[Any]) -> None:
        _notice(cast, published[0])
        response = client_for(cast.andy).get(reverse("supervision:notices"))
        assert response.context["unread"] == 1 and "请说明滞后原因" in response.content.decode()
        assert client_for(cast.bob).get(reverse("supervision:notices")).context["unread"] == 0

    def test_marking_read_works_only_on_ones_own_notice(self, cast: Any, published: list[Any]) -> None:
        _notice(cast, published[0])
        mine = Notice.objects.get(recipient=cast.andy)
        assert (
            client_for(cast.amy).post(reverse("supervision:notice_read", args=[mine.pk])).status_code == 404
        )
        opened = client_for(cast.andy).post(reverse("supervision:notice_read", args=[mine.pk]), {"open": "1"})
        assert opened.status_code == 302 and opened["Location"] == reverse(
            "ledger:task_detail", args=[published[0].pk]
        )
        mine.refresh_from_db()
        assert mine.read_at is not None

    def test_mark_all_read(self, cast: Any, published: list[Any]) -> None:
        _notice(cast, published[0])
        _notice(cast, published[0])
        client_for(cast.amy).post(reverse("supervision:notices_read_all"))
        assert not Notice.objects.filter(recipient=cast.amy, read_at=None).exists()

    def test_the_query_count_does_not_grow_with_the_notices(self, cast: Any, published: list[Any]) -> None:
        client = client_for(cast.andy)
        _notice(cast, published[0])
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("supervision:notices"))
        for _ in range(5):
            _notice(cast, published[0])
        with CaptureQueriesContext(connection) as many:
            client.get(reverse("supervision:notices"))
        # session, user, membership, the base layout's unit, two counts, one page of notices
        assert len(many.captured_queries) == len(few.captured_queries) <= 8
