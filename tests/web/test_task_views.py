"""The task list and the task page: who sees what, the task actions, and fixed query counts."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.ledger import actions as L
from taizhang.ledger.models import (
    AssignmentRole,
    ExtensionRequest,
    ExtensionStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)

pytestmark = pytest.mark.django_db

# A day after the sample deadlines (2025), so its dated tasks are overdue and behind schedule.
LATER = dt.datetime(2026, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

STEERING = ["alice", "sam", "vera"]


def _login(client: Any, cast: Any, name: str) -> Any:
    client.force_login(getattr(cast, name))
    return client


def _add_tasks(policy: Any, unit: Any, n: int) -> None:
    """``n`` more published tasks of ``policy`` led by ``unit`` (plain rows: only for counting queries)."""
    made = Task.objects.bulk_create(
        [
            Task(
                policy=policy,
                ref=f"9.{i}",
                order=100 + i,
                text=f"补充任务{i}",
                status=TaskStatus.ASSIGNED,
                deadline_kind="month",
                deadline_year=2025,
                deadline_month=1 + i % 12,
            )
            for i in range(n)
        ]
    )
    TaskAssignment.objects.bulk_create(
        [TaskAssignment(task=t, unit=unit, role=AssignmentRole.LEAD) for t in made]
    )


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


class TaskListTestCase:
    def test_anonymous_people_are_sent_to_log_in(self, client: Any, tasks: Any, settings: Any) -> None:
        settings.LOGIN_URL = "/accounts/login/"  # the login page itself belongs to the accounts app
        response = client.get(reverse("ledger:task_list"))
        assert response.status_code == 302
        assert "next=" in response["Location"]

    @pytest.mark.parametrize("name", STEERING)
    def test_steering_roles_see_every_task(self, client: Any, cast: Any, tasks: Any, name: str) -> None:
        response = _login(client, cast, name).get(reverse("ledger:task_list"))
        assert response.status_code == 200
        assert [t.pk for t in response.context["rows"]] == [t.pk for t in tasks]

    @pytest.mark.parametrize(
        "name, expected", [("amy", [0, 2]), ("andy", [0, 2]), ("bob", [0, 1]), ("ben", [0, 1])]
    )
    def test_unit_people_see_only_their_units_tasks(
        self, client: Any, cast: Any, tasks: Any, name: str, expected: list[int]
    ) -> None:
        response = _login(client, cast, name).get(reverse("ledger:task_list"))
        assert [t.pk for t in response.context["rows"]] == [tasks[i].pk for i in expected]

    def test_it_filters_by_unit_status_month_and_text(self, client: Any, cast: Any, tasks: Any) -> None:
        _login(client, cast, "sam")
        url = reverse("ledger:task_list")
        by_unit = client.get(url, {"unit": cast.unit_b.pk}).context["rows"]
        assert [t.pk for t in by_unit] == [tasks[0].pk, tasks[1].pk]
        by_month = client.get(url, {"month": "2025-06"}).context["rows"]
        assert [t.pk for t in by_month] == [tasks[1].pk]
        by_text = client.get(url, {"q": "企业服务专区"}).context["rows"]
        assert [t.pk for t in by_text] == [tasks[1].pk]
        L.do_acknowledge_task(cast.andy, tasks[0])
        by_status = client.get(url, {"status": "acknowledged"}).context["rows"]
        assert [t.pk for t in by_status] == [tasks[0].pk]

    @time_machine.travel(LATER, tick=False)
    def test_it_filters_by_schedule_status(self, client: Any, cast: Any, tasks: Any) -> None:
        # No progress is accepted and the dated deadlines are past: those tasks are behind.
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"schedule": "behind"})
        assert [t.pk for t in response.context["rows"]] == [tasks[0].pk, tasks[1].pk]
        ahead = client.get(reverse("ledger:task_list"), {"schedule": "ahead"})
        assert list(ahead.context["rows"]) == []

    def test_it_sorts_by_deadline(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"sort": "-deadline"})
        assert [t.pk for t in response.context["rows"]][:2] == [tasks[0].pk, tasks[1].pk]

    def test_a_malformed_month_is_refused_naming_the_field(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"month": "2025-13"})
        assert response.status_code == 400
        assert "month" in response.context["form"].errors

    def test_it_shows_the_original_deadline_of_an_extended_task(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        ext = L.do_request_extension(cast.andy, tasks[0], kind="month", year=2026, month=3, reason="需要协调")
        L.do_decide_extension(cast.sam, ext, approve=True)
        content = _login(client, cast, "sam").get(reverse("ledger:task_list")).content.decode()
        assert "2026-03-31" in content and "2025-12-31" in content

    def test_the_page_is_paginated_by_fifty(self, client: Any, cast: Any, policy: Any, tasks: Any) -> None:
        _add_tasks(policy, cast.unit_a, 60)
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"page": "2"})
        assert len(response.context["rows"]) == 13
        assert response.context["page"].paginator.num_pages == 2

    def test_its_query_count_does_not_grow_with_the_rows_shown(
        self, client: Any, cast: Any, policy: Any, tasks: Any, django_assert_max_num_queries: Any
    ) -> None:
        _login(client, cast, "andy")
        few = _queries(client, reverse("ledger:task_list"))
        _add_tasks(policy, cast.unit_a, 50)
        many = _queries(client, reverse("ledger:task_list"))
        assert few == many
        with django_assert_max_num_queries(few):
            client.get(reverse("ledger:task_list"), {"schedule": "behind"})


def _rows(response: Any) -> list[int]:
    assert response.status_code == 200, response.context["form"].errors
    return [t.pk for t in response.context["rows"]]


def _colour(task: Any, colour: str) -> None:
    """Store ``task``'s computed colour as the supervision job does (only the fields the list reads)."""
    from django.utils import timezone

    from taizhang.supervision.models import TaskStatus as Computed

    now = timezone.now()
    Computed.objects.update_or_create(
        task=task, defaults={"colour": colour, "computed_at": now, "changed_at": now}
    )


class TaskListFilterTestCase:
    """The filters the monitoring dashboards link to: colour, measure and a typed unit."""

    def test_it_filters_by_colour_as_the_dashboards_count(self, client: Any, cast: Any, tasks: Any) -> None:
        from taizhang.devtools.builders import make_policy

        _colour(tasks[0], "red")
        _colour(tasks[1], "amber")  # tasks[2] has no computed colour yet: green
        draft = make_policy(cast.sam, name="draft.txt", publish=False)  # drafts have no colour
        url = reverse("ledger:task_list")
        _login(client, cast, "sam")
        assert _rows(client.get(url, {"colour": "red"})) == [tasks[0].pk]
        assert _rows(client.get(url, {"colour": "amber"})) == [tasks[1].pk]
        assert _rows(client.get(url, {"colour": "green"})) == [tasks[2].pk]
        assert _rows(client.get(url, {"colour": "closed"})) == []
        assert draft.tasks.exists() and len(_rows(client.get(url))) == 3 + draft.tasks.count()
        Task.objects.filter(pk=tasks[0].pk).update(status=TaskStatus.CLOSED)  # its red row is stale
        assert _rows(client.get(url, {"colour": "closed"})) == [tasks[0].pk]
        assert _rows(client.get(url, {"colour": "red"})) == []
        assert _rows(client.get(url, {"colour": "closed", "status": "closed"})) == [tasks[0].pk]

    def test_a_unit_sees_only_its_own_tasks_of_a_colour(self, client: Any, cast: Any, tasks: Any) -> None:
        for task in tasks:
            _colour(task, "red")
        response = _login(client, cast, "ben").get(reverse("ledger:task_list"), {"colour": "red"})
        assert _rows(response) == [tasks[0].pk, tasks[1].pk]

    def test_an_unknown_colour_is_refused_naming_the_field(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"colour": "blue"})
        assert response.status_code == 400
        assert "colour" in response.context["form"].errors

    def test_it_filters_by_measure(self, client: Any, cast: Any, policy: Any, tasks: Any) -> None:
        first, second = policy.measures.order_by("order")[:2]
        url = reverse("ledger:task_list")
        _login(client, cast, "sam")
        assert _rows(client.get(url, {"measure": first.pk})) == [tasks[0].pk, tasks[1].pk]
        assert _rows(client.get(url, {"measure": second.pk, "policy": policy.pk})) == [tasks[2].pk]
        missing = client.get(url, {"measure": second.pk + 1000})
        assert missing.status_code == 400 and "measure" in missing.context["form"].errors

    def test_the_measure_box_offers_the_chosen_policys_measures(
        self, client: Any, cast: Any, policy: Any, tasks: Any
    ) -> None:
        _login(client, cast, "sam")
        url = reverse("ledger:task_list")
        field = client.get(url, {"policy": policy.pk}).context["form"].fields["measure"]
        assert sorted(m.pk for m in field.queryset) == sorted(m.pk for m in policy.measures.all())
        measure = policy.measures.order_by("order").first()
        content = client.get(url, {"measure": measure.pk}).content.decode()
        assert f'<option value="{measure.pk}" selected>' in content

    @pytest.mark.parametrize(
        "typed", ["区发展改革局", "区 发展改革局", "區發展改革局", "区发改局", "发展改革"]
    )
    def test_the_unit_is_typed_by_name_alias_or_part_of_it(
        self, client: Any, cast: Any, tasks: Any, typed: str
    ) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"unit": typed})
        assert _rows(response) == [tasks[0].pk, tasks[1].pk]
        assert response.context["form"].cleaned_data["unit"] == cast.unit_b

    def test_a_link_by_unit_id_shows_the_units_name_in_the_box(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"unit": cast.unit_b.pk})
        assert _rows(response) == [tasks[0].pk, tasks[1].pk]
        content = response.content.decode()
        assert 'name="unit" value="区发展改革局"' in content
        assert '<select name="unit"' not in content  # the page no longer lists every unit

    @pytest.mark.parametrize("typed, message", [("区财政局", "没有名为"), ("区", "多个单位")])
    def test_an_unknown_or_ambiguous_unit_is_refused_naming_the_field(
        self, client: Any, cast: Any, tasks: Any, typed: str, message: str
    ) -> None:
        response = _login(client, cast, "sam").get(reverse("ledger:task_list"), {"unit": typed})
        assert response.status_code == 400
        assert message in " ".join(response.context["form"].errors["unit"])

    def test_a_merged_unit_finds_the_tasks_of_the_unit_it_became(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        from taizhang.devtools.builders import make_unit
        from taizhang.units.actions import do_merge_unit

        old = make_unit("区发展和改革委员会")
        do_merge_unit(cast.sam, old, cast.unit_b)
        response = _login(client, cast, "sam").get(
            reverse("ledger:task_list"), {"unit": "区发展和改革委员会"}
        )
        assert _rows(response) == [tasks[0].pk, tasks[1].pk]


class TaskListCountingTestCase:
    """Long lists are counted up to a cap; every page stays reachable and the queries stay fixed."""

    def test_past_the_cap_the_list_says_more_than(
        self, client: Any, cast: Any, policy: Any, tasks: Any, monkeypatch: Any
    ) -> None:
        from taizhang.ledger import views

        monkeypatch.setattr(views, "LIST_COUNT_CAP", 60)
        _add_tasks(policy, cast.unit_a, 100)  # 103 tasks: 3 pages of 50
        _login(client, cast, "sam")
        first = client.get(reverse("ledger:task_list"))
        assert not first.context["page"].paginator.exact
        assert "more than 60" in first.content.decode() or "超过 60" in first.content.decode()
        assert first.context["page"].has_next()
        second = client.get(reverse("ledger:task_list"), {"page": "2"})  # reaches the cap: counted
        assert second.context["page"].paginator.exact
        assert second.context["page"].paginator.num_pages == 3
        last = client.get(reverse("ledger:task_list"), {"page": "999"})
        assert last.context["page"].number == 3 and len(last.context["rows"]) == 3
        ordered = [t.pk for t in Task.objects.order_by("policy_id", "order", "pk")]
        assert _rows(last) == ordered[-3:]

    @pytest.mark.parametrize(
        "name, params",
        [
            ("sam", {}),
            ("sam", {"colour": "red"}),
            ("sam", {"colour": "green", "unit": "区商务局"}),
            ("sam", {"sort": "-deadline", "page": "2"}),
            ("andy", {"status": "assigned"}),
            ("andy", {"sort": "progress"}),
        ],
    )
    def test_the_query_count_does_not_grow_with_the_rows_shown(
        self, client: Any, cast: Any, policy: Any, tasks: Any, name: str, params: dict[str, str]
    ) -> None:
        _login(client, cast, name)
        url = f"{reverse('ledger:task_list')}?{'&'.join(f'{k}={v}' for k, v in params.items())}"

        def add(n: int) -> None:
            _add_tasks(policy, cast.unit_a, n)
            Task.objects.update(status=TaskStatus.ASSIGNED)
            for task in Task.objects.all():
                _colour(task, "red" if task.pk % 2 else "green")

        add(4)
        few = _queries(client, url)
        assert 0 < len(client.get(url).context["rows"]) < 10
        add(150)
        many = _queries(client, url)
        assert few == many
        assert len(client.get(url).context["rows"]) == 50


class TaskPageTestCase:
    @pytest.mark.parametrize("name", [*STEERING, "amy", "andy", "bob", "ben"])
    def test_everyone_with_a_part_reads_the_task(self, client: Any, cast: Any, tasks: Any, name: str) -> None:
        response = _login(client, cast, name).get(reverse("ledger:task_detail", args=[tasks[0].pk]))
        assert response.status_code == 200
        assert tasks[0].text in response.content.decode()

    @pytest.mark.parametrize("name", ["bob", "ben"])
    def test_a_unit_without_a_part_gets_404(self, client: Any, cast: Any, tasks: Any, name: str) -> None:
        response = _login(client, cast, name).get(reverse("ledger:task_detail", args=[tasks[2].pk]))
        assert response.status_code == 404

    @time_machine.travel(LATER, tick=False)
    def test_it_shows_history_units_and_schedule(self, client: Any, cast: Any, tasks: Any) -> None:
        L.do_acknowledge_task(cast.andy, tasks[0])
        response = _login(client, cast, "vera").get(reverse("ledger:task_detail", args=[tasks[0].pk]))
        assert "acknowledge_task" in [h.action for h in response.context["history"]]
        assert response.context["schedule"].status == "behind"
        assert {a.unit.name for a in response.context["assignments"]} == {"区商务局", "区发展改革局"}

    def test_its_query_count_does_not_grow_with_reports_and_history(
        self, client: Any, cast: Any, tasks: Any, django_assert_max_num_queries: Any
    ) -> None:
        _login(client, cast, "sam")
        url = reverse("ledger:task_detail", args=[tasks[0].pk])
        L.do_acknowledge_task(cast.andy, tasks[0])

        def add_report(period: str) -> None:
            report = L.do_save_report(cast.andy, task=tasks[0], period=period, narrative="进展", percent=10)
            L.do_add_attachment(cast.andy, report, name="a.txt", data=b"x")
            L.do_add_contribution(cast.ben, report, text="协办")

        add_report("2025-01")
        few = _queries(client, url)
        for period in ("2025-02", "2025-03", "2025-04"):
            add_report(period)
        with django_assert_max_num_queries(few):
            client.get(url)


class TaskActionsTestCase:
    def test_an_officer_acknowledges_his_units_task(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "andy").post(reverse("ledger:task_acknowledge", args=[tasks[0].pk]))
        assert response.status_code == 302
        assert TaskAssignment.objects.get(task=tasks[0], unit=cast.unit_a).acknowledged_at is not None

    @pytest.mark.parametrize(
        "name, status", [("alice", 403), ("sam", 403), ("vera", 403), ("bob", 404), ("ben", 404)]
    )
    def test_others_cannot_acknowledge_unit_as_task(
        self, client: Any, cast: Any, tasks: Any, name: str, status: int
    ) -> None:
        response = _login(client, cast, name).post(reverse("ledger:task_acknowledge", args=[tasks[2].pk]))
        assert response.status_code == status
        assert not TaskAssignment.objects.filter(task=tasks[2], acknowledged_at__isnull=False).exists()

    def test_a_unit_sends_a_task_back_with_its_reason(self, client: Any, cast: Any, tasks: Any) -> None:
        url = reverse("ledger:task_return", args=[tasks[0].pk])
        empty = _login(client, cast, "amy").post(url, {"reason": ""})
        assert empty.status_code == 400 and "reason" in empty.context["return_form"].errors
        client.post(url, {"reason": "不属于本单位职责"})
        assert Task.objects.get(pk=tasks[0].pk).status == TaskStatus.RETURNED_TO_SUPERVISOR

    def test_an_extension_is_requested_then_decided_by_the_supervisor(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        bad = _login(client, cast, "andy").post(
            reverse("ledger:extension_request", args=[tasks[0].pk]), {"new_deadline": "明年", "reason": "x"}
        )
        assert bad.status_code == 400 and "new_deadline" in bad.context["extension_form"].errors
        client.post(
            reverse("ledger:extension_request", args=[tasks[0].pk]),
            {"new_deadline": "2026-06", "reason": "资金未到位"},
        )
        ext = ExtensionRequest.objects.get(task=tasks[0])
        refused = client.post(
            reverse("ledger:extension_decide", args=[ext.pk]), {f"e{ext.pk}-decision": "approve"}
        )
        assert refused.status_code == 403
        _login(client, cast, "sam").post(
            reverse("ledger:extension_decide", args=[ext.pk]),
            {f"e{ext.pk}-decision": "approve", f"e{ext.pk}-comment": "同意"},
        )
        task = Task.objects.get(pk=tasks[0].pk)
        assert ExtensionRequest.objects.get(pk=ext.pk).status == ExtensionStatus.APPROVED
        assert (task.deadline_year, task.deadline_month, task.original_deadline_month) == (2026, 6, 12)

    def test_a_co_unit_cannot_request_an_extension(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "ben").post(
            reverse("ledger:extension_request", args=[tasks[0].pk]), {"new_deadline": "2026", "reason": "x"}
        )
        assert response.status_code == 403
        assert not ExtensionRequest.objects.exists()

    def test_closing_without_evidence_is_refused_with_a_message(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        response = _login(client, cast, "sam").post(
            reverse("ledger:task_close", args=[tasks[0].pk]), {"note": ""}
        )
        assert response.status_code == 400
        assert "evidence" in response.content.decode()
        assert Task.objects.get(pk=tasks[0].pk).status != TaskStatus.CLOSED

    @pytest.mark.parametrize("name, status", [("vera", 403), ("amy", 403), ("andy", 403), ("ben", 403)])
    def test_only_steering_roles_close_tasks(
        self, client: Any, cast: Any, tasks: Any, name: str, status: int
    ) -> None:
        response = _login(client, cast, name).post(reverse("ledger:task_close", args=[tasks[0].pk]))
        assert response.status_code == status

    def test_the_supervisor_edits_a_task_with_the_version_seen(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        task = Task.objects.get(pk=tasks[0].pk)
        url = reverse("ledger:task_edit", args=[task.pk])
        form = {"version": task.version, "ref": "一.(一).1", "text": "新的任务内容", "weight": "2"}
        assert _login(client, cast, "sam").post(url, form).status_code == 302
        assert Task.objects.get(pk=task.pk).text == "新的任务内容"

    def test_a_stale_task_edit_is_refused_and_shows_the_saved_values(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        task = Task.objects.get(pk=tasks[0].pk)
        seen = task.version
        L.do_update_task(cast.alice, task, seen_version=seen, text="alice 的修改")
        response = _login(client, cast, "sam").post(
            reverse("ledger:task_edit", args=[task.pk]),
            {"version": seen, "ref": "1", "text": "sam 的修改", "weight": "1"},
        )
        assert response.status_code == 409
        assert response.context["task_conflict"]["text"] == "alice 的修改"
        assert "alice 的修改" in response.content.decode()
        assert Task.objects.get(pk=task.pk).text == "alice 的修改"

    @pytest.mark.parametrize("name", ["vera", "amy", "andy"])
    def test_only_steering_roles_edit_tasks(self, client: Any, cast: Any, tasks: Any, name: str) -> None:
        task = Task.objects.get(pk=tasks[0].pk)
        response = _login(client, cast, name).post(
            reverse("ledger:task_edit", args=[task.pk]),
            {"version": task.version, "ref": "1", "text": "改", "weight": "1"},
        )
        assert response.status_code == 403
        assert Task.objects.get(pk=task.pk).text == task.text

    def test_a_get_on_an_action_is_refused(self, client: Any, cast: Any, tasks: Any) -> None:
        response = _login(client, cast, "andy").get(reverse("ledger:task_acknowledge", args=[tasks[0].pk]))
        assert response.status_code == 405


class TaskPageActionsShownTestCase:
    def test_the_lead_units_officer_is_offered_acknowledge_report_and_extension(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        content = (
            _login(client, cast, "andy")
            .get(reverse("ledger:task_detail", args=[tasks[0].pk]))
            .content.decode()
        )
        for url in ("task_acknowledge", "task_return", "report_create", "extension_request"):
            assert reverse(f"ledger:{url}", args=[tasks[0].pk]) in content, url
        assert reverse("ledger:task_close", args=[tasks[0].pk]) not in content

    def test_the_supervisor_is_offered_edit_close_and_review_but_not_unit_actions(
        self, client: Any, cast: Any, tasks: Any
    ) -> None:
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=10)
        L.do_submit_report(cast.andy, report)
        ext = L.do_request_extension(cast.andy, tasks[0], kind="year", year=2026, reason="资金未到位")
        content = (
            _login(client, cast, "sam")
            .get(reverse("ledger:task_detail", args=[tasks[0].pk]))
            .content.decode()
        )
        for url, pk in (
            ("task_edit", tasks[0].pk),
            ("report_review", report.pk),
        ):
            assert reverse(f"ledger:{url}", args=[pk]) in content, url
        assert reverse("ledger:extension_decide", args=[ext.pk]) in content
        assert reverse("ledger:task_acknowledge", args=[tasks[0].pk]) not in content
        # A report its leader has not approved may be returned, not accepted.
        assert 'value="return"' in content and 'value="accept"' not in content
        # Nothing to close on yet: the close section says what is missing instead of offering it.
        assert reverse("ledger:task_close", args=[tasks[0].pk]) not in content
        assert 'data-missing="progress"' in content

    def test_a_viewer_is_offered_no_action(self, client: Any, cast: Any, tasks: Any) -> None:
        content = (
            _login(client, cast, "vera")
            .get(reverse("ledger:task_detail", args=[tasks[0].pk]))
            .content.decode()
        )
        assert f"/tasks/{tasks[0].pk}/" in content
        assert 'method="post" action="/tasks/' not in content and 'action="/reports/' not in content
