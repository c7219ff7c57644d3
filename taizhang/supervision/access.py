"""The only way code gets supervision rows for a user.

- Supervision notices (督办单) are read by whoever reads their task (ledger/access.py); the
  supervisor issues and closes them, people of a lead unit of the task answer them.
- In-app notices (提醒) are read by their recipient only; anyone else's answers 404.
- The work queues and the judgement pages are for those who read everything (supervisor,
  administrator, viewer); the others answer 403.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import (
    ALLOWED,
    Decision,
    Person,
    is_steering,
    refused,
    refused_now,
    role_of,
    sees_everything,
    steering_decision,
    unit_id_of,
)
from taizhang.accounts.models import UNIT_ROLES
from taizhang.ledger.access import visible_tasks
from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment
from taizhang.ledger.models import TaskStatus as LedgerStatus

from .models import Notice, SupervisionNotice, SupervisionNoticeState

__all__ = [
    "open_work_of",
    "visible_supervision_notices",
    "access_supervision_notice",
    "answers_notice",
    "visible_notices",
    "access_notice",
    "require_overview",
    "can_issue_supervision_notice",
    "can_answer_supervision_notice",
    "can_close_supervision_notice",
    "can_judge_task",
    "can_save_rule_settings",
]

M = TypeVar("M", bound=QuerySet[Any])


def visible_supervision_notices(queryset: M, user: Any) -> M:
    """Filter ``queryset`` of supervision notices down to those on tasks ``user`` may read."""
    if sees_everything(user):
        return queryset
    if unit_id_of(user) is None:
        return queryset.none()
    return queryset.filter(task__in=visible_tasks(Task.objects.all(), user).values("pk"))


def answers_notice(user: Any, notice: SupervisionNotice) -> bool:
    """Whether ``user`` is a leader or officer of a lead unit (牵头单位) of the notice's task."""
    if role_of(user) not in UNIT_ROLES:
        return False
    return TaskAssignment.objects.filter(
        task_id=notice.task_id, unit_id=unit_id_of(user), role=AssignmentRole.LEAD
    ).exists()


def access_supervision_notice(user: Any, notice_id: Any, for_write: bool = False) -> SupervisionNotice:
    """The supervision notice ``notice_id`` if ``user`` may read it; with ``for_write`` only the
    supervisor or a lead unit of its task (404 when not readable, 403 when not writable)."""
    try:
        notice = visible_supervision_notices(
            SupervisionNotice.objects.select_related("task", "issued_by", "answered_by"), user
        ).get(pk=int(notice_id))
    except (SupervisionNotice.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such supervision notice")) from None
    if for_write and not (is_steering(user) or answers_notice(user, notice)):
        raise PermissionDenied(
            gettext("Only the supervisor and the lead units may handle supervision notices")
        )
    return notice


def visible_notices(user: Any) -> QuerySet[Notice]:
    """The in-app notices of ``user`` (nobody reads anyone else's); none for people without a role."""
    if role_of(user) is None:
        return Notice.objects.none()
    return Notice.objects.filter(recipient=user)


def access_notice(user: Any, notice_id: Any) -> Notice:
    """The user's own notice ``notice_id``; another person's answers 404 like a missing one."""
    try:
        return visible_notices(user).get(pk=int(notice_id))
    except (Notice.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such reminder")) from None


def require_overview(user: Any) -> None:
    """Raise PermissionDenied unless ``user`` reads everything (supervisor, administrator, viewer)."""
    if not sees_everything(user):
        raise PermissionDenied(
            gettext("Only the supervisor and the district leadership may see the supervision overview")
        )


# ---------------------------------------------------------------------------------------------
# May this person do it (docs/permissions.md); the actions refuse with ``.check()``, the pages
# show their buttons when these allow.


def can_issue_supervision_notice(user: Person, task: Task) -> Decision:
    """The supervisor issues a supervision notice (督办单) on an assigned task not yet closed."""
    decision = steering_decision(user, gettext("issue supervision notices"))
    if decision and task.status in (LedgerStatus.DRAFT, LedgerStatus.CLOSED):
        return refused_now(
            "task",
            gettext("The task is “%(status)s” and cannot be supervised")
            % {"status": task.get_status_display()},
        )
    return decision


def can_answer_supervision_notice(user: Person, notice: SupervisionNotice) -> Decision:
    """A leader or officer of the task's lead unit answers an open supervision notice."""
    if not answers_notice(user, notice):
        return refused(
            gettext("Only the leader or an officer of the lead unit may answer a supervision notice")
        )
    if notice.status != SupervisionNoticeState.OPEN:
        return refused_now(
            "status",
            gettext("The supervision notice is “%(status)s” and can no longer be answered")
            % {"status": notice.get_status_display()},
        )
    return ALLOWED


def can_close_supervision_notice(user: Person, notice: SupervisionNotice) -> Decision:
    """The supervisor closes (办结) a supervision notice, answered or withdrawn unanswered."""
    decision = steering_decision(user, gettext("close supervision notices"))
    if decision and notice.status == SupervisionNoticeState.CLOSED:
        return refused_now("status", gettext("The supervision notice is closed"))
    return decision


def can_judge_task(user: Person, task: Task) -> Decision:
    """The supervisor records a judgement (研判) on an assigned task."""
    decision = steering_decision(user, gettext("judge tasks"))
    if decision and task.status == LedgerStatus.DRAFT:
        return refused_now("task", gettext("The task is not assigned yet and cannot be judged"))
    return decision


def can_save_rule_settings(user: Person, policy: Any) -> Decision:
    """The supervisor sets a policy's status-rule thresholds."""
    return steering_decision(user, gettext("change the warning rules"))


def open_work_of(person: Any, unit: Any, uncovered: Any) -> dict[str, list[Any]]:
    """Supervision's part of ``person``'s open work (accounts.access.open_work, through
    ``SupervisionConfig.open_work_of``): the supervision notices (督办单) they issued that are
    still open or answered."""
    from .models import SupervisionNotice, SupervisionNoticeState

    notices = list(
        SupervisionNotice.objects.select_related("task")
        .filter(issued_by=person, status__in=[SupervisionNoticeState.OPEN, SupervisionNoticeState.ANSWERED])
        .order_by("pk")
    )
    return {"notices": notices}
