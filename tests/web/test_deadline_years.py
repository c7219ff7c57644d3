"""One deadline validator (issue 9): the web extension form, the API, the ledger workbook import,
the supervisor's review and task forms and the actions refuse a year outside 1949-2100 (9999)
with the same message, from ``taizhang.ledger.models.validate_deadline_year``."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from taizhang.accounts.actions import do_create_api_token
from taizhang.devtools.builders import make_policy
from taizhang.ledger import actions as L
from taizhang.ledger.models import ExtensionRequest, Task, validate_deadline_year
from taizhang.ledger.workbook import ledger_workbook, plan_ledger_import

pytestmark = pytest.mark.django_db
MESSAGE = "完成时限的年份 9999 超出范围：应在 1949 至 2100 年之间"


def api(user):
    client = APIClient()
    _, key = do_create_api_token(user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _cell_edit(data, row, column, value):
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    ws.cell(row=row, column=header.index(column) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_validator_takes_the_bounds_and_names_the_year():
    for year in (None, 1949, 2025, 2100):
        validate_deadline_year(year)
    for year in (1948, 2101, 9999):
        with pytest.raises(ValidationError, match=f"完成时限的年份 {year} 超出范围"):
            validate_deadline_year(year)


class ExtensionTestCase:
    def test_the_web_form_refuses_year_9999_as_the_api_does(self, client, cast, tasks):
        client.force_login(cast.andy)
        for value in ("9999", "9999-06"):
            response = client.post(
                reverse("ledger:extension_request", args=[tasks[0].pk]),
                {"new_deadline": value, "reason": "资金未到位"},
            )
            assert response.status_code == 400
            assert response.context["extension_form"].errors["new_deadline"] == [MESSAGE]
        response = api(cast.andy).post(
            f"/api/tasks/{tasks[0].pk}/request-extension/",
            {"kind": "year", "year": 9999, "reason": "资金未到位"},
            format="json",
        )
        assert response.status_code == 400 and response.json()["year"] == [MESSAGE]
        assert not ExtensionRequest.objects.exists()

    def test_the_action_refuses_it_whoever_calls_it(self, cast, tasks):
        with pytest.raises(ValidationError) as caught:
            L.do_request_extension(cast.andy, tasks[0], kind="year", year=9999, reason="x")
        assert caught.value.message_dict["requested_kind"] == [MESSAGE]


class SupervisorEditsTestCase:
    def test_the_review_card_and_the_api_refuse_it_on_a_draft_task(self, client, cast):
        draft = make_policy(cast.sam, publish=False)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        data = {
            f"t{task.pk}-{k}": v
            for k, v in {
                "ref": task.ref,
                "text": task.text,
                "measure": task.measure_id or "",
                "deadline_kind": "year",
                "deadline_year": 9999,
                "deadline_month": "",
                "weight": "1",
                "lead": "区商务局",
                "co": "",
                "version": task.version,
            }.items()
        }
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]), data, HTTP_HX_REQUEST="true"
        )
        assert MESSAGE in response.content.decode()
        response = api(cast.sam).patch(
            f"/api/tasks/{task.pk}/",
            {"version": task.version, "deadline_kind": "year", "deadline_year": 9999},
            format="json",
        )
        assert response.status_code == 400 and response.json()["deadline_year"] == [MESSAGE]
        assert Task.objects.get(pk=task.pk).deadline_year != 9999

    def test_the_actions_refuse_it(self, cast, policy):
        draft = make_policy(cast.sam, publish=False, name="draft.txt")
        task = draft.tasks.order_by("order").first()
        with pytest.raises(ValidationError) as caught:
            L.do_update_task(
                cast.sam, task, seen_version=task.version, deadline_kind="year", deadline_year=9999
            )
        assert MESSAGE in caught.value.messages
        with pytest.raises(ValidationError) as caught:
            L.do_create_task(
                cast.sam, policy, text="新任务", lead=[cast.unit_a], deadline_kind="year", deadline_year=9999
            )
        assert MESSAGE in caught.value.messages


class WorkbookTestCase:
    def test_the_ledger_import_names_the_row_and_gives_the_same_message(self, cast):
        draft = make_policy(cast.sam, publish=False)
        data = ledger_workbook(cast.sam, Task.objects.filter(policy=draft))
        for value in ("9999年", "9999年12月", "9999-12"):
            plan = plan_ledger_import(cast.sam, _cell_edit(data, 4, "完成时限", value))
            assert [(p.row, p.column, p.reason) for p in plan.problems] == [(4, "完成时限", MESSAGE)], value
            assert plan.changes == ()


def test_an_imported_document_with_a_year_out_of_bounds_keeps_the_task_without_a_deadline(cast):
    from taizhang.devtools.builders import SAMPLE_TASK_TABLE

    assert "2025年12月" in SAMPLE_TASK_TABLE
    draft = make_policy(cast.sam, SAMPLE_TASK_TABLE.replace("2025年12月", "1900年12月"), publish=False)
    task = draft.tasks.order_by("order").first()
    assert (task.deadline_kind, task.deadline_year, task.deadline_text) == ("", None, "1900年12月")
    assert "no_deadline" in task.doubts.split()
