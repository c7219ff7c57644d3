"""The permission matrix: each role against each action, allowed or refused (docs/permissions.md).

Each action is tried by each person of the cast on fresh data; the expected outcome is the table
below. A refusal is PermissionDenied (acting) or Http404 (reading what one may not see).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.accounts.access import visible_login_events
from taizhang.accounts.actions import do_create_api_token, do_revoke_api_token
from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_closing_report
from taizhang.extract import extract_text
from taizhang.ledger import actions as L
from taizhang.ledger.access import access_extension, access_policy, access_report, access_task
from taizhang.ledger.models import ProgressReport, Task
from taizhang.ledger.policy_actions import do_import_policy, do_publish_policy
from taizhang.units.actions import do_confirm_unit, do_merge_unit
from taizhang.units.models import Unit

pytestmark = pytest.mark.django_db

PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben", "erin"]


def person_of(cast: Any, name: str) -> Any:
    """A person of the cast; ``erin`` is an enterprise user (企业用户): no role in the ledger."""
    if name == "erin":
        from taizhang.devtools.builders import make_enterprise_user

        return make_enterprise_user("erin")
    return getattr(cast, name)


def _report(cast: Any, task: Task, status: str = "draft") -> ProgressReport:
    report = L.do_save_report(cast.andy, task=task, period="2025-01", narrative="x", percent=10)
    if status in ("submitted", "approved"):
        L.do_submit_report(cast.andy, report)
    if status == "approved":
        L.do_approve_report(cast.amy, report)
    report.refresh_from_db()
    return report


def _draft_policy(cast: Any) -> Any:
    return do_import_policy(
        cast.sam, data=b"x", name="p.txt", extraction=extract_text(SAMPLE_TASK_TABLE)
    ).policy


# action name -> (function(cast, tasks, who), people allowed). tasks[0] is led by A (amy, andy), helped by B.
ACTIONS: dict[str, tuple[Callable[[Any, list[Task], Any], Any], set[str]]] = {
    "import_policy": (
        lambda c, t, u: do_import_policy(
            u, data=b"x", name="p.txt", extraction=extract_text(SAMPLE_TASK_TABLE)
        ),
        {"alice", "sam"},
    ),
    "publish_policy": (lambda c, t, u: _publish(c, u), {"alice", "sam"}),
    "confirm_unit": (
        lambda c, t, u: do_confirm_unit(u, Unit.objects.create(name="新单位")),
        {"alice", "sam"},
    ),
    "merge_unit": (
        lambda c, t, u: do_merge_unit(u, Unit.objects.create(name="新单位"), c.unit_a),
        {"alice", "sam"},
    ),
    "acknowledge_task": (lambda c, t, u: L.do_acknowledge_task(u, t[0]), {"amy", "andy", "bob", "ben"}),
    "return_task": (
        lambda c, t, u: L.do_return_task(u, t[0], reason="不是本单位职责"),
        {"amy", "andy", "bob", "ben"},
    ),
    "reassign_task": (lambda c, t, u: L.do_reassign_task(u, t[0], lead=[c.unit_b]), {"alice", "sam"}),
    "update_task": (
        lambda c, t, u: L.do_update_task(u, t[0], seen_version=t[0].version, text="改"),
        {"alice", "sam"},
    ),
    "request_extension": (
        lambda c, t, u: L.do_request_extension(u, t[0], kind="year", year=2027, reason="r"),
        {"amy", "andy"},
    ),
    "decide_extension": (
        lambda c, t, u: L.do_decide_extension(
            u, L.do_request_extension(c.andy, t[0], kind="year", year=2027, reason="r"), approve=True
        ),
        {"alice", "sam"},
    ),
    "save_report": (
        lambda c, t, u: L.do_save_report(u, task=t[0], period="2025-02", narrative="x", percent=5),
        {"andy"},
    ),
    "submit_report": (lambda c, t, u: L.do_submit_report(u, _report(c, t[0])), {"andy"}),
    "approve_report": (lambda c, t, u: L.do_approve_report(u, _report(c, t[0], "submitted")), {"amy"}),
    "accept_report": (lambda c, t, u: L.do_accept_report(u, _report(c, t[0], "approved")), {"alice", "sam"}),
    "return_report": (
        lambda c, t, u: L.do_return_report(u, _report(c, t[0], "approved"), comments="补充"),
        {"alice", "sam"},
    ),
    "add_contribution": (
        lambda c, t, u: L.do_add_contribution(u, _report(c, t[0]), text="补充"),
        {"bob", "ben"},
    ),
    "add_attachment": (
        lambda c, t, u: L.do_add_attachment(u, _report(c, t[0]), name="a.pdf", data=b"x"),
        {"andy"},
    ),
    "close_task": (lambda c, t, u: _close(c, t[0], u), {"alice", "sam"}),
    # reading by id
    "read_task_of_a": (
        lambda c, t, u: access_task(u, t[0].pk),
        {"alice", "sam", "vera", "amy", "andy", "bob", "ben"},
    ),
    "read_task_of_b_only": (lambda c, t, u: access_task(u, t[1].pk), {"alice", "sam", "vera", "bob", "ben"}),
    "read_report_of_a": (
        lambda c, t, u: access_report(u, _report(c, t[0]).pk),
        {"alice", "sam", "vera", "amy", "andy", "bob", "ben"},
    ),
    "write_report_of_a": (
        lambda c, t, u: access_report(u, _report(c, t[0]).pk, for_write=True),
        {"alice", "sam", "amy", "andy"},
    ),
    "write_task_of_a": (
        lambda c, t, u: access_task(u, t[0].pk, for_write=True),
        {"alice", "sam", "amy", "andy", "bob", "ben"},
    ),
    "read_draft_policy": (lambda c, t, u: access_policy(u, _draft_policy(c).pk), {"alice", "sam", "vera"}),
    "read_extension_of_a": (
        lambda c, t, u: access_extension(
            u, L.do_request_extension(c.andy, t[0], kind="year", year=2027, reason="r").pk
        ),
        {"alice", "sam", "vera", "amy", "andy"},
    ),
    "read_login_events": (lambda c, t, u: list(visible_login_events(u)), {"alice"}),
    "create_api_token": (lambda c, t, u: do_create_api_token(u), set(PEOPLE)),
    "revoke_own_api_token": (lambda c, t, u: do_revoke_api_token(u, do_create_api_token(u)[0]), set(PEOPLE)),
    "revoke_another_persons_api_token": (
        lambda c, t, u: do_revoke_api_token(u, do_create_api_token(c.andy if u != c.andy else c.ben)[0]),
        set(),
    ),
}


def _publish(cast: Any, user: Any) -> Any:
    result = do_import_policy(cast.sam, data=b"x", name="p.txt", extraction=extract_text(SAMPLE_TASK_TABLE))
    return do_publish_policy(user, result.policy)


def _close(cast: Any, task: Task, user: Any) -> Any:
    make_closing_report(
        task, officer=cast.andy, leader=cast.amy, supervisor=cast.sam, period="2025-12", helpers=[cast.ben]
    )
    return L.do_close_task(user, task)


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(cast: Any, tasks: list[Task], action: str, person: str) -> None:
    run, allowed = ACTIONS[action]
    user = person_of(cast, person)
    if person in allowed:
        run(cast, tasks, user)
    else:
        with pytest.raises((PermissionDenied, Http404)):
            run(cast, tasks, user)


class CrossUnitTestCase:
    def test_an_officer_of_unit_b_cannot_reach_unit_as_report_by_id(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        # Task 2 is led by B alone: A has no part in it, so B's report on it is invisible to A.
        report = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="B 的报送", percent=10)
        with pytest.raises(Http404):
            access_report(cast.andy, report.pk)
        with pytest.raises(Http404):
            access_report(cast.andy, report.pk, for_write=True)
        with pytest.raises(PermissionDenied):
            L.do_submit_report(cast.andy, report)
        with pytest.raises(PermissionDenied):
            L.do_save_report(
                cast.andy,
                task=tasks[1],
                period="2025-01",
                narrative="篡改",
                percent=90,
                report=report,
                seen_version=report.version,
            )
        report.refresh_from_db()
        assert (report.narrative, report.status) == ("B 的报送", "draft")

    def test_a_missing_report_and_a_forbidden_one_answer_alike(self, cast: Any, tasks: list[Task]) -> None:
        report = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="x", percent=10)
        with pytest.raises(Http404) as forbidden:
            access_report(cast.andy, report.pk)
        with pytest.raises(Http404) as missing:
            access_report(cast.andy, 999999)
        assert str(forbidden.value) == str(missing.value)

    def test_unit_people_see_only_their_units_tasks_and_no_drafts(self, cast: Any, tasks: list[Task]) -> None:
        _draft_policy(cast)
        assert set(Task.objects.visible_to(cast.andy)) == {tasks[0], tasks[2]}
        assert set(Task.objects.visible_to(cast.ben)) == {tasks[0], tasks[1]}
        assert Task.objects.visible_to(cast.vera).count() == 6
        assert Task.objects.visible_to(None).count() == 0

    def test_a_user_without_a_role_sees_nothing(
        self, cast: Any, tasks: list[Task], django_user_model: Any
    ) -> None:
        nobody = django_user_model.objects.create_user("nobody", password="x")
        assert Task.objects.visible_to(nobody).count() == 0
        assert ProgressReport.objects.visible_to(nobody).count() == 0
        with pytest.raises(Http404):
            access_task(nobody, tasks[0].pk)
