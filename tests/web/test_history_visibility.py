"""History entries are filtered by what the viewer may see (issue 9, docs/permissions.md): on a
task's page and through the API, a unit reads the rows about the task and about what it may read
itself; another lead unit's extension reason, and a report a unit may not read, stay hidden."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from taizhang.accounts.actions import do_create_api_token
from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_person, make_unit
from taizhang.ledger import actions as L
from taizhang.ledger.models import Task

pytestmark = pytest.mark.django_db
REASON = "专项资金尚未下达，申请顺延"


def api(user):
    client = APIClient()
    _, key = do_create_api_token(user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def shared(cast, tasks):
    """Task 1 led by A and by a second lead unit C (carol, its officer), helped by B. C asks for an
    extension, A reports."""
    unit_c = make_unit("区财政局")
    carol = make_person("carol", "unit_officer", unit_c)
    task = Task.objects.get(pk=tasks[0].pk)
    L.do_reassign_task(cast.sam, task, lead=[cast.unit_a, unit_c], co=[cast.unit_b])
    task = Task.objects.get(pk=tasks[0].pk)
    L.do_request_extension(carol, task, kind="year", year=2027, reason=REASON)
    report = L.do_save_report(cast.andy, task=task, period="2025-01", narrative="A 的进展", percent=30)
    L.do_add_attachment(cast.andy, report, name="A的佐证.pdf", data=b"%PDF-1.4")
    return task, carol, report


def _page_history(client, user, task):
    client.force_login(user)
    response = client.get(reverse("ledger:task_detail", args=[task.pk]))
    assert response.status_code == 200
    return response.context["history"]


def _api_history(user, task):
    response = api(user).get(f"/api/tasks/{task.pk}/history/")
    assert response.status_code == 200
    return response.json()["results"]


class PageTestCase:
    def test_another_lead_units_extension_reason_is_not_on_the_page(self, client, cast, shared):
        task, carol, _report = shared
        for user in (cast.andy, cast.amy, cast.ben):
            history = _page_history(client, user, task)
            assert not [e for e in history if e.object_type == "ledger.extensionrequest"], user
            assert REASON not in client.get(reverse("ledger:task_detail", args=[task.pk])).content.decode()
        mine = _page_history(client, carol, task)
        assert [e.action for e in mine if e.object_type == "ledger.extensionrequest"] == ["request_extension"]
        for user in (cast.sam, cast.vera):
            assert any(e.object_type == "ledger.extensionrequest" for e in _page_history(client, user, task))

    def test_every_reader_sees_the_rows_about_the_task_itself(self, client, cast, shared):
        task, carol, _report = shared
        for user in (cast.andy, cast.ben, carol, cast.vera):
            actions = {e.action for e in _page_history(client, user, task)}
            assert {"publish_policy", "assign_task", "reassign_task"} & actions, user


class ApiTestCase:
    def test_the_api_history_follows_the_same_rule(self, cast, shared):
        task, carol, report = shared
        for user in (cast.andy, cast.ben):
            rows = _api_history(user, task)
            assert rows and REASON not in str(rows)
        assert REASON in str(_api_history(carol, task))
        assert REASON in str(_api_history(cast.sam, task))

    def test_report_rows_go_to_the_units_that_read_the_report(self, cast, shared):
        task, carol, report = shared
        # B helps and C co-leads: both are parties to the task and read A's report and its evidence.
        for user in (cast.ben, carol):
            types = {r["object_type"] for r in _api_history(user, task)}
            assert {"ledger.progressreport", "ledger.attachment"} <= types, user
        # Reassigned away, B reads the task no more, nor its history.
        L.do_reassign_task(cast.sam, Task.objects.get(pk=task.pk), lead=[cast.unit_a], co=[])
        assert api(cast.ben).get(f"/api/tasks/{task.pk}/history/").status_code == 404
        assert HistoryEntry.objects.filter(task_id=task.pk, object_type="ledger.extensionrequest").exists()
