"""The permission matrix, continued: review, task structure, supervision, monitoring, portal, bulletins.

Same table as tests/web/test_permissions.py (docs/permissions.md): each action is tried by each
person of the cast on fresh data; refusal is PermissionDenied or Http404.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from taizhang.bulletins.actions import do_generate_bulletin, do_issue_bulletin
from taizhang.devtools.builders import make_unit
from taizhang.ledger import actions as L
from taizhang.ledger import policy_actions as P
from taizhang.ledger import workbook_actions as W
from taizhang.ledger.models import AssignmentRole, Metric, Task, TaskAssignment
from taizhang.monitoring import actions as M
from taizhang.portal.actions import do_publish_to_portal, do_withdraw_from_portal
from taizhang.supervision import actions as S
from taizhang.units import actions as U
from taizhang.units.models import UnitKind
from tests.web.test_permissions import PEOPLE, _draft_policy, person_of

pytestmark = pytest.mark.django_db

STEERING = {"alice", "sam"}


def _due() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=7)


def _notice(c: Any, t: list[Task]) -> Any:
    return S.do_issue_supervision_notice(c.sam, t[0], instruction="请报送进展", due_on=_due())


def _draft_task(c: Any) -> Any:
    return _draft_policy(c).tasks.order_by("order").first()


def _indicator(c: Any, t: list[Task]) -> Any:
    return M.do_create_indicators_from_metrics(c.sam, t[0].policy)[0]


def _submitted(c: Any, t: list[Task]) -> Any:
    report = L.do_save_report(c.andy, task=t[0], period="2025-01", narrative="x", percent=10)
    return L.do_submit_report(c.andy, report)


def _collective_on(task: Task) -> Any:
    collective = make_unit("各街道办", kind=UnitKind.COLLECTIVE)
    TaskAssignment.objects.get_or_create(task=task, unit=collective, defaults={"role": AssignmentRole.CO})
    return collective


def _actuals(c: Any, t: list[Task]) -> bytes:
    from openpyxl import Workbook

    indicator = _indicator(c, t)
    book = Workbook()
    book.active.append(["指标代码", "年份", "实际值", "备注"])
    book.active.append([indicator.code, 2024, 80, ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ACTIONS: dict[str, tuple[Callable[[Any, list[Task], Any], Any], set[str]]] = {
    # the review screen (a draft policy)
    "update_draft_task": (
        lambda c, t, u: (
            (task := _draft_task(c))
            and P.do_update_draft_task(u, task, seen_version=task.version, changes={"text": "改"})
        ),
        STEERING,
    ),
    "add_draft_task": (lambda c, t, u: P.do_add_draft_task(u, _draft_policy(c), text="补充任务"), STEERING),
    "delete_draft_task": (lambda c, t, u: P.do_delete_draft_task(u, _draft_task(c)), STEERING),
    "update_metric": (
        lambda c, t, u: P.do_update_metric(
            u, Metric.objects.filter(policy=_draft_policy(c)).first(), value=95
        ),
        STEERING,
    ),
    # the structure of a published policy
    "create_task": (
        lambda c, t, u: L.do_create_task(u, t[0].policy, text="新任务", lead=[c.unit_a]),
        STEERING,
    ),
    "split_task": (lambda c, t, u: L.do_split_task(u, t[0], parts=["甲", "乙"]), STEERING),
    "correct_task": (
        lambda c, t, u: S.do_correct_task(u, t[0], deadline=("year", 2027, None), reason="文件时限有误"),
        STEERING,
    ),
    "merge_tasks": (lambda c, t, u: L.do_merge_tasks(u, [t[1], t[2]]), STEERING),
    "create_measure": (lambda c, t, u: P.do_create_measure(u, t[0].policy, title="新措施"), STEERING),
    "set_report_cadence": (lambda c, t, u: P.do_set_report_cadence(u, t[0].policy, "quarterly"), STEERING),
    # supervision (督办)
    "issue_supervision_notice": (
        lambda c, t, u: S.do_issue_supervision_notice(u, t[0], instruction="请报送进展", due_on=_due()),
        STEERING,
    ),
    "answer_supervision_notice": (
        lambda c, t, u: S.do_answer_supervision_notice(u, _notice(c, t), answer="已推进"),
        {"amy", "andy"},
    ),
    "close_supervision_notice": (lambda c, t, u: S.do_close_supervision_notice(u, _notice(c, t)), STEERING),
    "judge_task": (lambda c, t, u: S.do_judge_task(u, t[0], judgement="likely"), STEERING),
    "save_rule_settings": (
        lambda c, t, u: S.do_save_rule_settings(u, t[0].policy, {"returns_amber": 1}),
        STEERING,
    ),
    # monitoring (考核, 指标)
    "rate_unit": (lambda c, t, u: M.do_rate_unit(u, c.unit_a, period="2025-01", rating=90), STEERING),
    "create_indicators": (lambda c, t, u: M.do_create_indicators_from_metrics(u, t[0].policy), STEERING),
    "record_actual": (lambda c, t, u: M.do_record_actual(u, _indicator(c, t), year=2024, value=80), STEERING),
    "update_indicator": (
        lambda c, t, u: (
            (ind := _indicator(c, t))
            and M.do_update_indicator(u, ind, seen_version=ind.version, binding=True)
        ),
        STEERING,
    ),
    # the public portal and bulletins
    "publish_to_portal": (lambda c, t, u: do_publish_to_portal(u, t[0].policy), STEERING),
    "withdraw_from_portal": (
        lambda c, t, u: do_publish_to_portal(c.sam, t[0].policy) and do_withdraw_from_portal(u, t[0].policy),
        STEERING,
    ),
    "generate_bulletin": (lambda c, t, u: do_generate_bulletin(u, "2025-01"), STEERING),
    # added with the one path for may-this-person-do-it (docs/permissions.md)
    "return_report_to_officer": (
        lambda c, t, u: L.do_return_report_to_officer(u, _submitted(c, t), reason="请补充"),
        {"amy"},
    ),
    "create_unit": (lambda c, t, u: U.do_create_unit(u, name="区新设局"), STEERING),
    "add_unit_alias": (lambda c, t, u: U.do_add_unit_alias(u, c.unit_a, "区商贸局"), STEERING),
    "expand_collective": (
        lambda c, t, u: L.do_expand_collective(
            u, _collective_on(t[0]), into=[make_unit("东门街道办事处", kind=UnitKind.SUBDISTRICT)]
        ),
        STEERING,
    ),
    "save_scoring_settings": (
        lambda c, t, u: M.do_save_scoring_settings(u, config={}, lists={}, report_due_days=5),
        STEERING,
    ),
    "import_actuals": (lambda c, t, u: M.do_import_actuals(u, t[0].policy, _actuals(c, t)), STEERING),
    "apply_ledger_import": (lambda c, t, u: W.do_apply_ledger_import(u, []) == 0, STEERING),
    "issue_bulletin": (
        lambda c, t, u: do_issue_bulletin(u, do_generate_bulletin(c.sam, "2025-01")),
        STEERING,
    ),
}


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(cast: Any, tasks: list[Task], action: str, person: str) -> None:
    run, allowed = ACTIONS[action]
    user = person_of(cast, person)
    if person in allowed:
        assert run(cast, tasks, user) is not False
    else:
        with pytest.raises((PermissionDenied, Http404)):
            run(cast, tasks, user)
