"""The REST API: token auth, the permission matrix through HTTP, optimistic locking, bad input,
pages and fixed query counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from taizhang.accounts.actions import do_create_api_token
from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_closing_report, make_policy, make_unit
from taizhang.extract import extract_text
from taizhang.ledger import actions as L
from taizhang.ledger.models import ExtensionRequest, ProgressReport, Task, TaskStatus
from taizhang.ledger.policy_actions import do_import_policy
from taizhang.policies.models import Measure, Policy, PolicyStatus
from taizhang.units.models import Unit, UnitStatus

pytestmark = pytest.mark.django_db

PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben"]


def api(user: Any | None = None) -> APIClient:
    """A client authenticated with ``user``'s token (anonymous without a user)."""
    client = APIClient()
    if user is not None:
        _, key = do_create_api_token(user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _report(cast: Any, task: Task, status: str = "draft", period: str = "2025-01") -> ProgressReport:
    report = L.do_save_report(cast.andy, task=task, period=period, narrative="进展", percent=10)
    if status in ("submitted", "approved"):
        L.do_submit_report(cast.andy, report)
    if status == "approved":
        L.do_approve_report(cast.amy, report)
    report.refresh_from_db()
    return report


def _draft_policy(cast: Any) -> Policy:
    return do_import_policy(
        cast.sam, data=b"x", name="p.txt", extraction=extract_text(SAMPLE_TASK_TABLE), allow_duplicate=True
    ).policy


def _extension(cast: Any, task: Task) -> ExtensionRequest:
    return L.do_request_extension(cast.andy, task, kind="year", year=2027, reason="需要更多时间")


Call = Callable[[APIClient, Any, list[Task]], Any]

# name -> (call(client, cast, tasks) -> response, expected status by person). tasks[0] is led by
# A (amy, andy) with B (bob, ben) helping; tasks[1] is led by B alone.
MATRIX: dict[str, tuple[Call, dict[str, int]]] = {
    "list tasks": (lambda c, k, t: c.get("/api/tasks/"), dict.fromkeys(PEOPLE, 200)),
    "read a task of B only": (
        lambda c, k, t: c.get(f"/api/tasks/{t[1].pk}/"),
        {"alice": 200, "sam": 200, "vera": 200, "amy": 404, "andy": 404, "bob": 200, "ben": 200},
    ),
    "edit a task": (
        lambda c, k, t: c.patch(
            f"/api/tasks/{t[0].pk}/", {"version": t[0].version, "text": "改"}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "acknowledge a task": (
        lambda c, k, t: c.post(f"/api/tasks/{t[0].pk}/acknowledge/"),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 200, "andy": 200, "bob": 200, "ben": 200},
    ),
    "return a task": (
        lambda c, k, t: c.post(f"/api/tasks/{t[0].pk}/return/", {"reason": "不是本单位职责"}, format="json"),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 200, "andy": 200, "bob": 200, "ben": 200},
    ),
    "reassign a task": (
        lambda c, k, t: c.post(f"/api/tasks/{t[0].pk}/reassign/", {"lead": [k.unit_b.pk]}, format="json"),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "request an extension": (
        lambda c, k, t: c.post(
            f"/api/tasks/{t[0].pk}/request-extension/",
            {"kind": "year", "year": 2027, "reason": "需要更多时间"},
            format="json",
        ),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 201, "andy": 201, "bob": 403, "ben": 403},
    ),
    "list policies, measures, units, reports and extensions": (
        lambda c, k, t: _all_ok(
            c, ["/api/policies/", "/api/measures/", "/api/units/", "/api/reports/", "/api/extensions/"]
        ),
        dict.fromkeys(PEOPLE, 200),
    ),
    "read a unit": (lambda c, k, t: c.get(f"/api/units/{k.unit_b.pk}/"), dict.fromkeys(PEOPLE, 200)),
    "read a measure of a draft policy": (
        lambda c, k, t: c.get(f"/api/measures/{_draft_policy(k).measures.first().pk}/"),
        {"alice": 200, "sam": 200, "vera": 200, "amy": 404, "andy": 404, "bob": 404, "ben": 404},
    ),
    "read B's report on a task A has no part in": (
        lambda c, k, t: c.get(
            f"/api/reports/{L.do_save_report(k.ben, task=t[1], period='2025-01', narrative='x', percent=1).pk}/"
        ),
        {"alice": 200, "sam": 200, "vera": 200, "amy": 404, "andy": 404, "bob": 200, "ben": 200},
    ),
    "read the task's history": (
        lambda c, k, t: c.get(f"/api/tasks/{t[0].pk}/history/"),
        dict.fromkeys(PEOPLE, 200),
    ),
    "draft a report": (
        lambda c, k, t: c.post(
            "/api/reports/",
            {"task": t[0].pk, "period": "2025-02", "narrative": "进展", "percent": 20},
            format="json",
        ),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 403, "andy": 201, "bob": 403, "ben": 403},
    ),
    "submit a report": (
        lambda c, k, t: c.post(f"/api/reports/{_report(k, t[0]).pk}/submit/"),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 403, "andy": 200, "bob": 403, "ben": 403},
    ),
    "approve a report": (
        lambda c, k, t: c.post(f"/api/reports/{_report(k, t[0], 'submitted').pk}/approve/"),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 200, "andy": 403, "bob": 403, "ben": 403},
    ),
    "accept a report": (
        lambda c, k, t: c.post(f"/api/reports/{_report(k, t[0], 'approved').pk}/accept/"),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "return a report": (
        lambda c, k, t: c.post(
            f"/api/reports/{_report(k, t[0], 'approved').pk}/return/", {"comments": "请补充"}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "add a contribution": (
        lambda c, k, t: c.post(
            f"/api/reports/{_report(k, t[0]).pk}/contribute/", {"text": "协办情况"}, format="json"
        ),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 403, "andy": 403, "bob": 201, "ben": 201},
    ),
    "attach evidence": (
        lambda c, k, t: c.post(
            f"/api/reports/{_report(k, t[0]).pk}/attachments/",
            {"file": _upload("证明.pdf", b"%PDF-1.4")},
            format="multipart",
        ),
        {"alice": 403, "sam": 403, "vera": 403, "amy": 403, "andy": 201, "bob": 403, "ben": 403},
    ),
    "close a task": (
        lambda c, k, t: c.post(
            f"/api/tasks/{_accepted_with_evidence(k, t[0]).task_id}/close/", {}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "import a policy": (
        lambda c, k, t: c.post(
            "/api/policies/",
            # Not the sample the fixtures imported: the same file twice is refused.
            {"file": _upload("plan.txt", (SAMPLE_TASK_TABLE + "\n").encode("utf-8"))},
            format="multipart",
        ),
        {"alice": 201, "sam": 201, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "publish a draft policy": (
        lambda c, k, t: c.post(f"/api/policies/{_confirmed_draft(k).pk}/publish/"),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 404, "andy": 404, "bob": 404, "ben": 404},
    ),
    "confirm a unit": (
        lambda c, k, t: c.post(
            f"/api/units/{Unit.objects.create(name='新单位').pk}/confirm/", {}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "merge a unit": (
        lambda c, k, t: c.post(
            f"/api/units/{Unit.objects.create(name='新单位').pk}/merge/", {"into": k.unit_a.pk}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 403, "ben": 403},
    ),
    "decide an extension": (
        lambda c, k, t: c.post(
            f"/api/extensions/{_extension(k, t[0]).pk}/decide/", {"approve": True}, format="json"
        ),
        {"alice": 200, "sam": 200, "vera": 403, "amy": 403, "andy": 403, "bob": 404, "ben": 404},
    ),
    "read a draft policy": (
        lambda c, k, t: c.get(f"/api/policies/{_draft_policy(k).pk}/"),
        {"alice": 200, "sam": 200, "vera": 200, "amy": 404, "andy": 404, "bob": 404, "ben": 404},
    ),
}


def _all_ok(client: APIClient, urls: list[str]) -> Any:
    """The first answer that is not 200 among ``urls``, else the last one."""
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            return response
    return response


def _upload(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _accepted_with_evidence(cast: Any, task: Task) -> ProgressReport:
    return make_closing_report(
        task, officer=cast.andy, leader=cast.amy, supervisor=cast.sam, period="2025-12", helpers=[cast.ben]
    )


def _confirmed_draft(cast: Any) -> Policy:
    policy = _draft_policy(cast)
    Unit.objects.filter(status=UnitStatus.PROPOSED).update(status=UnitStatus.CONFIRMED)
    return policy


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_api_permission_matrix(cast: Any, tasks: list[Task], name: str, person: str) -> None:
    call, expected = MATRIX[name]
    response = call(api(getattr(cast, person)), cast, tasks)
    assert response.status_code == expected[person], (name, person, response.content[:300])


class UrlNamesTestCase:
    def test_the_agreed_url_names_resolve(self) -> None:
        from django.urls import reverse

        assert reverse("api:task-list") == "/api/tasks/"
        assert reverse("api:task-detail", args=[7]) == "/api/tasks/7/"
        assert reverse("api:policy-list") == "/api/policies/"
        assert reverse("api:unit-list") == "/api/units/"
        assert reverse("api:report-list") == "/api/reports/"
        assert reverse("api:token") == "/api/token/"
        assert reverse("api:schema") == "/api/schema/"


class TokenAuthTestCase:
    def test_a_username_and_password_obtain_a_token_that_works(self, cast: Any, tasks: list[Task]) -> None:
        response = APIClient().post(
            "/api/token/", {"username": "andy", "password": "andy-taizhang"}, format="json"
        )
        assert response.status_code == 200
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
        listed = client.get("/api/tasks/")
        assert listed.status_code == 200
        assert {row["id"] for row in listed.json()["results"]} == {tasks[0].pk, tasks[2].pk}

    def test_a_wrong_password_gets_no_token(self, cast: Any) -> None:
        response = APIClient().post("/api/token/", {"username": "andy", "password": "nope"}, format="json")
        assert response.status_code == 400
        assert "token" not in response.json()

    def test_a_wrong_token_answers_401(self, cast: Any) -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
        assert client.get("/api/tasks/").status_code == 401

    def test_no_credentials_answer_401(self, cast: Any) -> None:
        assert APIClient().get("/api/tasks/").status_code == 401

    def test_a_user_without_a_role_is_refused(self, cast: Any, django_user_model: Any) -> None:
        nobody = django_user_model.objects.create_user("nobody", password="x")
        response = api(nobody).get("/api/tasks/")
        assert response.status_code == 403
        assert response.json()["detail"]

    def test_a_signed_in_session_works_too(self, cast: Any, tasks: list[Task]) -> None:
        client = APIClient()
        client.force_login(cast.vera)
        assert client.get(f"/api/tasks/{tasks[1].pk}/").status_code == 200


class CrossUnitTestCase:
    def test_an_officer_cannot_update_another_units_report(self, cast: Any, tasks: list[Task]) -> None:
        report = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="B 的报送", percent=10)
        response = api(cast.andy).patch(
            f"/api/reports/{report.pk}/", {"version": report.version, "narrative": "篡改"}, format="json"
        )
        assert response.status_code == 404
        assert api(cast.andy).post(f"/api/reports/{report.pk}/submit/").status_code == 404
        report.refresh_from_db()
        assert (report.narrative, report.status) == ("B 的报送", "draft")

    def test_a_co_unit_reads_but_cannot_edit_the_lead_units_report(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        report = _report(cast, tasks[0])
        assert api(cast.ben).get(f"/api/reports/{report.pk}/").status_code == 200
        response = api(cast.ben).patch(
            f"/api/reports/{report.pk}/", {"version": report.version, "percent": 99}, format="json"
        )
        assert response.status_code == 403
        report.refresh_from_db()
        assert report.percent == 10

    def test_lists_hold_only_what_the_user_may_read(self, cast: Any, tasks: list[Task]) -> None:
        _draft_policy(cast)
        ben_report = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="x", percent=1)
        own = _report(cast, tasks[0])
        andy = api(cast.andy)
        assert {r["id"] for r in andy.get("/api/tasks/").json()["results"]} == {tasks[0].pk, tasks[2].pk}
        assert {r["id"] for r in andy.get("/api/reports/").json()["results"]} == {own.pk}
        assert {r["status"] for r in andy.get("/api/policies/").json()["results"]} == {"published"}
        assert api(cast.vera).get("/api/tasks/").json()["count"] == 6
        assert {r["id"] for r in api(cast.sam).get("/api/reports/").json()["results"]} == {
            own.pk,
            ben_report.pk,
        }

    def test_extension_requests_of_another_unit_stay_hidden(self, cast: Any, tasks: list[Task]) -> None:
        ext = _extension(cast, tasks[0])
        assert api(cast.ben).get("/api/extensions/").json()["count"] == 0
        assert api(cast.ben).get(f"/api/extensions/{ext.pk}/").status_code == 404
        assert api(cast.amy).get("/api/extensions/").json()["results"][0]["id"] == ext.pk


class WorkflowTestCase:
    def test_a_report_goes_from_draft_to_accepted_through_the_api(self, cast: Any, tasks: list[Task]) -> None:
        created = api(cast.andy).post(
            "/api/reports/",
            {"task": tasks[0].pk, "period": "2025-03", "narrative": "已完成一半", "percent": 50},
            format="json",
        )
        assert created.status_code == 201, created.content
        report = created.json()
        assert report["status"] == "draft"
        edited = api(cast.andy).patch(
            f"/api/reports/{report['id']}/", {"version": report["version"], "percent": 60}, format="json"
        )
        assert edited.json()["percent"] == 60
        assert api(cast.andy).post(f"/api/reports/{report['id']}/submit/").json()["status"] == "submitted"
        assert (
            api(cast.amy).post(f"/api/reports/{report['id']}/approve/").json()["status"]
            == "approved_by_leader"
        )
        accepted = api(cast.sam).post(
            f"/api/reports/{report['id']}/accept/", {"comments": "好"}, format="json"
        )
        assert accepted.json()["status"] == "accepted"
        task = api(cast.sam).get(f"/api/tasks/{tasks[0].pk}/").json()
        assert (task["progress"], task["status"]) == (60, TaskStatus.IN_PROGRESS)
        actions = [
            e["action"] for e in api(cast.andy).get(f"/api/tasks/{tasks[0].pk}/history/").json()["results"]
        ]
        assert actions[-6:] == [
            "create_report",
            "save_report",
            "submit_report",
            "approve_report",
            "accept_report",
            "update_progress",
        ]

    def test_a_task_closes_once_an_accepted_report_carries_evidence(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        report = _report(cast, tasks[0], "approved")
        assert api(cast.sam).post(f"/api/reports/{report.pk}/accept/").status_code == 200
        refused = api(cast.sam).post(f"/api/tasks/{tasks[0].pk}/close/", {}, format="json")
        assert refused.status_code == 400
        assert "evidence" in refused.json()
        other = _report(cast, tasks[0], period="2025-12")
        asked = api(cast.andy).patch(
            f"/api/reports/{other.pk}/",
            {"version": other.version, "percent": 100, "requests_close": True},
            format="json",
        )
        assert asked.status_code == 200 and asked.json()["requests_close"] is True
        other.refresh_from_db()
        L.do_add_contribution(cast.ben, other, text="协办部分已完成")
        uploaded = api(cast.andy).post(
            f"/api/reports/{other.pk}/attachments/",
            {"file": _upload("验收报告.pdf", b"%PDF-1.4 ...")},
            format="multipart",
        )
        assert uploaded.status_code == 201
        assert uploaded.json()["attachments"][0]["name"] == "验收报告.pdf"
        L.do_submit_report(cast.andy, other)
        L.do_approve_report(cast.amy, other)
        api(cast.sam).post(f"/api/reports/{other.pk}/accept/")
        closed = api(cast.sam).post(f"/api/tasks/{tasks[0].pk}/close/", {"note": "验收通过"}, format="json")
        assert closed.status_code == 200
        assert (closed.json()["status"], closed.json()["progress"]) == (TaskStatus.CLOSED, 100)

    def test_importing_a_document_makes_a_draft_and_proposes_its_units(self, cast: Any) -> None:
        response = api(cast.sam).post(
            "/api/policies/",
            {"file": _upload("plan.txt", SAMPLE_TASK_TABLE.encode("utf-8")), "title": "某区措施"},
            format="multipart",
        )
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["policy"]["title"], body["policy"]["status"]) == ("某区措施", PolicyStatus.DRAFT)
        assert body["policy"]["task_count"] == 3
        assert "区市场监督管理局" in {u["name"] for u in body["proposed_units"]}
        refused = api(cast.sam).post(f"/api/policies/{body['policy']['id']}/publish/")
        assert refused.status_code == 400
        assert "tasks" in refused.json()

    def test_an_empty_upload_is_refused_naming_the_file(self, cast: Any) -> None:
        response = api(cast.sam).post(
            "/api/policies/", {"file": _upload("empty.txt", b"")}, format="multipart"
        )
        assert response.status_code == 400
        assert "file" in response.json()
        assert Policy.objects.count() == 0

    def test_merging_a_unit_moves_it_under_the_other_name(self, cast: Any) -> None:
        proposed = Unit.objects.create(name="区商务委")
        response = api(cast.sam).post(
            f"/api/units/{proposed.pk}/merge/", {"into": cast.unit_a.pk}, format="json"
        )
        assert response.status_code == 200
        assert "区商务委" in response.json()["aliases"]
        assert response.json()["id"] == cast.unit_a.pk


class ConcurrentEditTestCase:
    def test_a_stale_task_edit_answers_409_with_the_current_values(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        seen = tasks[0].version
        first = api(cast.sam).patch(
            f"/api/tasks/{tasks[0].pk}/", {"version": seen, "text": "山姆的修改"}, format="json"
        )
        assert first.status_code == 200
        second = api(cast.alice).patch(
            f"/api/tasks/{tasks[0].pk}/", {"version": seen, "text": "爱丽丝的修改"}, format="json"
        )
        assert second.status_code == 409
        assert second.json()["current"] == {"text": "山姆的修改", "version": seen + 1}
        tasks[0].refresh_from_db()
        assert tasks[0].text == "山姆的修改"

    def test_a_stale_report_edit_answers_409(self, cast: Any, tasks: list[Task]) -> None:
        report = _report(cast, tasks[0])
        ok = api(cast.andy).patch(
            f"/api/reports/{report.pk}/", {"version": report.version, "percent": 30}, format="json"
        )
        assert ok.status_code == 200
        stale = api(cast.andy).patch(
            f"/api/reports/{report.pk}/", {"version": report.version, "percent": 40}, format="json"
        )
        assert stale.status_code == 409
        assert stale.json()["current"]["percent"] == 30

    def test_a_duplicate_made_at_the_same_moment_answers_409(
        self, cast: Any, tasks: list[Task], monkeypatch: Any
    ) -> None:
        from django.db import IntegrityError

        def clash(*args: Any, **kwargs: Any) -> None:
            raise IntegrityError("UNIQUE constraint failed: report_unique_period_per_unit")

        monkeypatch.setattr(L, "do_save_report", clash)
        response = api(cast.andy).post(
            "/api/reports/",
            {"task": tasks[0].pk, "period": "2025-03", "narrative": "x", "percent": 1},
            format="json",
        )
        assert response.status_code == 409
        assert response.json()["detail"]


class MalformedInputTestCase:
    def test_bad_json_answers_400(self, cast: Any, tasks: list[Task]) -> None:
        response = api(cast.sam).generic(
            "PATCH", f"/api/tasks/{tasks[0].pk}/", "{not json", content_type="application/json"
        )
        assert response.status_code == 400
        assert response.json()["detail"]

    @pytest.mark.parametrize(
        "body, field",
        [
            ({"task": 1, "period": "2025-03", "narrative": "x", "percent": "half"}, "percent"),
            ({"task": 1, "period": "2025-03", "narrative": "x", "percent": 101}, "percent"),
            ({"task": 1, "period": "March", "narrative": "x", "percent": 1}, "period"),
            ({"task": 10**30, "period": "2025-03", "narrative": "x", "percent": 1}, "task"),
            ({"task": 999999, "period": "2025-03", "narrative": "x", "percent": 1}, "task"),
            (
                {"task": 1, "period": "2025-03", "narrative": "x", "percent": 1, "metric_values": {"1": "a"}},
                "metric_values",
            ),
            ({"task": 1, "period": "2025-03", "narrative": "x\x00", "percent": 1}, "narrative"),
        ],
    )
    def test_a_bad_report_names_the_field(
        self, cast: Any, tasks: list[Task], body: dict[str, Any], field: str
    ) -> None:
        if body["task"] == 1:
            body = {**body, "task": tasks[0].pk}
        response = api(cast.andy).post("/api/reports/", body, format="json")
        assert response.status_code == 400, response.content
        assert field in response.json()
        assert ProgressReport.objects.count() == 0

    def test_a_metric_that_is_not_the_tasks_is_refused(self, cast: Any, tasks: list[Task]) -> None:
        response = api(cast.andy).post(
            "/api/reports/",
            {
                "task": tasks[0].pk,
                "period": "2025-03",
                "narrative": "x",
                "percent": 1,
                "metric_values": {"0": 1},
            },
            format="json",
        )
        assert response.status_code == 400
        assert "metric_values" in response.json()

    def test_huge_and_odd_ids_in_the_path_answer_404(self, cast: Any) -> None:
        client = api(cast.sam)
        for pk in ("99999999999999999999999", "9223372036854775807", "0", "-1", "abc"):
            assert client.get(f"/api/tasks/{pk}/").status_code == 404, pk
            assert client.post(f"/api/reports/{pk}/submit/").status_code == 404, pk

    @pytest.mark.parametrize(
        "query",
        [
            "policy=abc",
            "unit=99999999999999999999999",
            "status=lost",
            "deadline_by=2025-13",
            "offset=99999999999",
        ],
    )
    def test_a_bad_filter_answers_400(self, cast: Any, query: str) -> None:
        response = api(cast.sam).get(f"/api/tasks/?{query}")
        assert response.status_code == 400, response.content
        assert json.loads(response.content)

    def test_a_measure_of_another_policy_is_refused(self, cast: Any, tasks: list[Task]) -> None:
        other = _draft_policy(cast).measures.first()
        response = api(cast.sam).patch(
            f"/api/tasks/{tasks[0].pk}/", {"version": tasks[0].version, "measure": other.pk}, format="json"
        )
        assert response.status_code == 400
        assert "measure" in response.json()

    def test_a_huge_limit_answers_a_page_not_an_error(self, cast: Any) -> None:
        for n in range(3):
            make_unit(f"测试单位{n}")
        body = api(cast.sam).get("/api/units/?limit=100000").json()
        assert len(body["results"]) == Unit.objects.count()
        assert body["next"] is None

    def test_a_missing_version_answers_400(self, cast: Any, tasks: list[Task]) -> None:
        response = api(cast.sam).patch(f"/api/tasks/{tasks[0].pk}/", {"text": "x"}, format="json")
        assert response.status_code == 400
        assert "version" in response.json()

    def test_an_unknown_unit_in_a_reassignment_is_named(self, cast: Any, tasks: list[Task]) -> None:
        response = api(cast.sam).post(
            f"/api/tasks/{tasks[0].pk}/reassign/", {"lead": [987654]}, format="json"
        )
        assert response.status_code == 400
        assert "lead" in response.json()

    def test_a_deadline_of_an_assigned_task_is_refused_by_the_action(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        response = api(cast.sam).patch(
            f"/api/tasks/{tasks[0].pk}/", {"version": tasks[0].version, "deadline_year": 2030}, format="json"
        )
        assert response.status_code == 400
        assert "deadline_kind" in response.json()
        assert not HistoryEntry.objects.filter(action="update_task").exists()


class FilterTestCase:
    def test_tasks_filter_by_unit_role_status_and_deadline(self, cast: Any, tasks: list[Task]) -> None:
        client = api(cast.sam)

        def ids(query: str) -> set[int]:
            response = client.get(f"/api/tasks/?{query}")
            assert response.status_code == 200, response.content
            return {row["id"] for row in response.json()["results"]}

        assert ids(f"unit={cast.unit_a.pk}") == {tasks[0].pk, tasks[2].pk}
        assert ids(f"unit={cast.unit_a.pk}&role=lead") == {tasks[0].pk}
        assert ids(f"policy={tasks[0].policy_id}&status=assigned") == {t.pk for t in tasks}
        assert ids("deadline_by=2025-06") == {tasks[1].pk}
        assert ids("deadline_by=2025-12") == {tasks[0].pk, tasks[1].pk}
        assert ids("deadline_year=2024") == set()


class TaskOrderTestCase:
    """The task list is in the documents' order: policy (by id), the task's order, id."""

    @pytest.mark.parametrize(
        "name, query", [("sam", ""), ("andy", ""), ("sam", "unit=UNIT_A"), ("ben", "role=co")]
    )
    def test_tasks_come_by_policy_then_order(self, cast: Any, name: str, query: str) -> None:
        first = make_policy(cast.sam, name="first.txt")
        second = make_policy(cast.sam, name="second.txt")
        Task.objects.filter(policy=first).update(order=F("order") + 100)  # order restarts per policy
        user = getattr(cast, name)
        query = query.replace("UNIT_A", str(cast.unit_a.pk))
        got = [row["id"] for row in api(user).get(f"/api/tasks/?{query}&limit=500").json()["results"]]
        expected = [
            t.pk for t in sorted(Task.objects.filter(pk__in=got), key=lambda t: (t.policy_id, t.order, t.pk))
        ]
        assert got == expected
        assert {Task.objects.get(pk=pk).policy_id for pk in got} == {first.pk, second.pk}


class QueryCountTestCase:
    """List endpoints answer with the same number of queries for 1 row and for 30."""

    def _count(self, client: APIClient, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    def _same_for_1_and_30(self, client: APIClient, url: str, rows: int, most: int, pinned: Any) -> None:
        assert rows >= 30
        sep = "&" if "?" in url else "?"
        client.get(url)  # a new token's first call also records its first use (one more query)
        with pinned(most):
            one = self._count(client, f"{url}{sep}limit=1")
        with pinned(most):
            thirty = self._count(client, f"{url}{sep}limit=30")
        assert one == thirty

    def test_task_list(self, cast: Any, django_assert_max_num_queries: Any) -> None:
        for n in range(10):
            make_policy(cast.sam, name=f"p{n}.txt")
        for who in (cast.sam, cast.andy):
            self._same_for_1_and_30(
                api(who), "/api/tasks/", Task.objects.count(), 5, django_assert_max_num_queries
            )

    def test_filtered_task_lists(self, cast: Any, django_assert_max_num_queries: Any) -> None:
        for n in range(10):
            make_policy(cast.sam, name=f"p{n}.txt")
        for who, query in (
            (cast.sam, f"unit={cast.unit_a.pk}"),
            (cast.sam, "status=assigned&deadline_by=2025-12"),
            (cast.andy, "role=lead"),
        ):
            client = api(who)
            rows = client.get(f"/api/tasks/?{query}").json()["count"]
            assert rows >= 10, query
            with django_assert_max_num_queries(5):
                one = self._count(client, f"/api/tasks/?{query}&limit=1")
            with django_assert_max_num_queries(5):
                assert self._count(client, f"/api/tasks/?{query}&limit={rows}") == one

    def test_report_list(self, cast: Any, tasks: list[Task], django_assert_max_num_queries: Any) -> None:
        for year in (2023, 2024, 2025):
            for month in range(1, 13):
                report = _report(cast, tasks[0], period=f"{year}-{month:02d}")
                L.do_add_contribution(cast.ben, report, text="协办")
        for who in (cast.sam, cast.andy, cast.ben):
            self._same_for_1_and_30(
                api(who), "/api/reports/", ProgressReport.objects.count(), 6, django_assert_max_num_queries
            )

    def test_unit_policy_and_measure_lists(
        self, cast: Any, tasks: list[Task], django_assert_max_num_queries: Any
    ) -> None:
        for n in range(30):
            make_unit(f"测试单位{n}")
        self._same_for_1_and_30(
            api(cast.sam), "/api/units/", Unit.objects.count(), 5, django_assert_max_num_queries
        )
        for n in range(10):
            make_policy(cast.sam, name=f"p{n}.txt", publish=False)
        for _ in range(20):
            _draft_policy(cast)
        self._same_for_1_and_30(
            api(cast.sam), "/api/policies/", Policy.objects.count(), 4, django_assert_max_num_queries
        )
        self._same_for_1_and_30(
            api(cast.sam), "/api/measures/", Measure.objects.count(), 4, django_assert_max_num_queries
        )

    def test_pages_hold_50_rows_by_default(self, cast: Any) -> None:
        for n in range(60):
            make_unit(f"测试单位{n}")
        body = api(cast.vera).get("/api/units/").json()
        assert len(body["results"]) == 50
        assert body["count"] == Unit.objects.count()
        assert "offset=50" in body["next"]
