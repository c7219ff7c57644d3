"""Every write of supervision, as ``do_<verb>_<noun>``.

Each action checks the user's right, runs in one transaction, writes a history row linked to the
task (so it shows on the task's page) and creates the in-app notices it causes; the reminder job
e-mails them. Refusals are ``PermissionDenied`` or ``ValidationError`` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.core.history import record, snapshot
from taizhang.ledger.access import can_correct_task
from taizhang.ledger.actions import correct_task
from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment
from taizhang.policies.models import Policy
from taizhang.units.models import Unit

from .access import (
    can_answer_supervision_notice,
    can_close_supervision_notice,
    can_issue_supervision_notice,
    can_judge_task,
    can_save_rule_settings,
)
from .facts import policy_config
from .models import (
    Judgement,
    Notice,
    NoticeKind,
    RuleSettings,
    SupervisionNotice,
    SupervisionNoticeState,
    TaskStatus,
)
from .notify import notify_people, unit_people
from .rules import RuleConfig
from .status import refresh_statuses
from .wording import say_error

__all__ = [
    "do_correct_task",
    "do_issue_supervision_notice",
    "do_answer_supervision_notice",
    "do_close_supervision_notice",
    "do_judge_task",
    "do_save_rule_settings",
    "do_mark_notice_read",
    "do_mark_all_notices_read",
]

NOTICE_FIELDS = ["status", "answer", "answered_by", "answered_at", "closed_by", "closed_at"]


def _task_label(task: Task) -> str:
    return f"{task.label} {task.text[:40]}"


def do_correct_task(
    user: Any,
    task: Task,
    *,
    reason: str,
    deadline: tuple[str, int | None, int | None] | None = None,
    lead: Sequence[Unit] | None = None,
    now: dt.datetime | None = None,
) -> Task:
    """The supervisor corrects a task's deadline or lead unit after 交办, with a reason: the ledger
    writes it (history keeps before, after and the reason, the colour is refreshed) and the leaders
    and officers of the lead units before and after are told in their notices."""
    can_correct_task(user, task).check_person()
    now = now or timezone.now()
    with transaction.atomic():
        task, unit_ids = correct_task(user, task, reason=reason, deadline=deadline, lead=lead)
        shown = task.deadline.isoformat() if task.deadline else task.get_deadline_kind_display()
        leads = "、".join(
            str(a.unit) for a in task.assignments.select_related("unit").filter(role=AssignmentRole.LEAD)
        )
        people = unit_people(unit_ids)
        notify_people(
            [uid for members in people.values() for uid, _ in members],
            NoticeKind.TASK_CORRECTED,
            task.pk,
            f"v{task.version}",
            f"督查室更正了任务“{_task_label(task)}”：完成时限 {shown}，牵头单位 {leads}。原因：{reason.strip()}",
            now,
        )
    return task


def do_issue_supervision_notice(
    user: Any, task: Task, *, instruction: str, due_on: dt.date, now: dt.datetime | None = None
) -> SupervisionNotice:
    """The supervisor issues a supervision notice (督办单) on an assigned, open task; the lead
    unit's leaders and officers are notified. The due date may not lie in the past."""
    can_issue_supervision_notice(user, task).check_person()
    now = now or timezone.now()
    if not instruction or not instruction.strip():
        raise ValidationError({"instruction": gettext("The instruction may not be empty")})
    if not isinstance(due_on, dt.date):
        raise ValidationError({"due_on": gettext("The answer's due date must be a date")})
    if due_on < timezone.localdate(now):
        raise ValidationError(
            {
                "due_on": gettext("The answer's due date %(due_on)s is before today")
                % {"due_on": due_on.isoformat()}
            }
        )
    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        can_issue_supervision_notice(user, task).check()
        notice = SupervisionNotice.objects.create(
            task=task, instruction=instruction.strip(), due_on=due_on, issued_by=user, issued_at=now
        )
        record(
            user,
            notice,
            "issue_supervision_notice",
            task_id=task.pk,
            after=snapshot(notice, ["instruction", "due_on", "status"]),
        )
        leads = TaskAssignment.objects.filter(task=task, role=AssignmentRole.LEAD).values_list(
            "unit_id", flat=True
        )
        people = unit_people(list(leads))
        notify_people(
            [uid for members in people.values() for uid, _ in members],
            NoticeKind.NOTICE_ISSUED,
            task.pk,
            str(notice.pk),
            f"督查室对任务“{_task_label(task)}”下发督办单，请于 {due_on.isoformat()} 前回复：{notice.instruction}",
            now,
        )
        refresh_statuses([task.pk], now)
    return notice


def do_answer_supervision_notice(
    user: Any, notice: SupervisionNotice, *, answer: str, now: dt.datetime | None = None
) -> SupervisionNotice:
    """A leader or officer of the task's lead unit answers an open supervision notice; the issuer
    is notified."""
    now = now or timezone.now()
    can_answer_supervision_notice(user, notice).check_person()
    if not answer or not answer.strip():
        raise ValidationError({"answer": gettext("The answer may not be empty")})
    with transaction.atomic():
        notice = SupervisionNotice.objects.select_for_update().select_related("task").get(pk=notice.pk)
        can_answer_supervision_notice(user, notice).check()
        before = snapshot(notice, NOTICE_FIELDS)
        notice.status = SupervisionNoticeState.ANSWERED
        notice.answer = answer.strip()
        notice.answered_by = user
        notice.answered_at = now
        notice.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        record(
            user,
            notice,
            "answer_supervision_notice",
            task_id=notice.task_id,
            before=before,
            after=snapshot(notice, NOTICE_FIELDS),
        )
        if notice.issued_by_id:
            notify_people(
                [notice.issued_by_id],
                NoticeKind.NOTICE_ANSWERED,
                notice.task_id,
                str(notice.pk),
                f"任务“{_task_label(notice.task)}”的督办单已回复：{notice.answer}",
                now,
            )
        refresh_statuses([notice.task_id], now)
    return notice


def do_close_supervision_notice(
    user: Any, notice: SupervisionNotice, *, note: str = "", now: dt.datetime | None = None
) -> SupervisionNotice:
    """The supervisor closes (办结) a supervision notice, answered or withdrawn unanswered."""
    can_close_supervision_notice(user, notice).check_person()
    now = now or timezone.now()
    with transaction.atomic():
        notice = SupervisionNotice.objects.select_for_update().get(pk=notice.pk)
        can_close_supervision_notice(user, notice).check()
        before = snapshot(notice, NOTICE_FIELDS)
        notice.status = SupervisionNoticeState.CLOSED
        notice.closed_by = user
        notice.closed_at = now
        notice.save(update_fields=["status", "closed_by", "closed_at"])
        record(
            user,
            notice,
            "close_supervision_notice",
            task_id=notice.task_id,
            before=before,
            after=snapshot(notice, NOTICE_FIELDS),
            note=note.strip(),
        )
        refresh_statuses([notice.task_id], now)
    return notice


def do_judge_task(user: Any, task: Task, *, judgement: str, now: dt.datetime | None = None) -> TaskStatus:
    """The supervisor records a likelihood-of-delivery judgement (研判) on an assigned task;
    an empty judgement clears it."""
    can_judge_task(user, task).check_person()
    if judgement not in Judgement.values and judgement != "":
        raise ValidationError(
            {"judgement": gettext("Unknown judgement %(judgement)s") % {"judgement": repr(judgement)}}
        )
    now = now or timezone.now()
    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        can_judge_task(user, task).check()
        if not TaskStatus.objects.filter(task=task).exists():
            refresh_statuses([task.pk], now)
        status = TaskStatus.objects.select_for_update().get(task=task)
        before = snapshot(status, ["judgement", "judged_at"])
        status.judgement = judgement
        status.judged_by = user if judgement else None
        status.judged_at = now if judgement else None
        status.save(update_fields=["judgement", "judged_by", "judged_at"])
        record(
            user,
            status,
            "judge_task",
            task_id=task.pk,
            before=before,
            after=snapshot(status, ["judgement", "judged_at"]),
        )
    return status


def do_save_rule_settings(
    user: Any, policy: Policy, values: Mapping[str, Any], *, now: dt.datetime | None = None
) -> RuleSettings:
    """The supervisor sets a policy's status-rule thresholds; only values differing from the
    policy's defaults are stored, and its tasks' colours are recomputed."""
    can_save_rule_settings(user, policy).check()
    now = now or timezone.now()
    base = policy_config(policy.report_cadence, None)
    try:
        config = RuleConfig.from_mapping({**_fields(base), **dict(values)})
    except (TypeError, ValueError) as error:
        raise ValidationError({"values": say_error(error)}) from None
    overrides = {k: v for k, v in _fields(config).items() if v != getattr(base, k)}
    with transaction.atomic():
        settings, _ = RuleSettings.objects.select_for_update().get_or_create(policy=policy)
        before = {"values": settings.values}
        settings.values = overrides
        settings.updated_by = user
        settings.updated_at = now
        settings.full_clean(exclude=["policy", "updated_by"])
        settings.save(update_fields=["values", "updated_by", "updated_at"])
        record(user, settings, "save_rule_settings", before=before, after={"values": overrides})
        refresh_statuses(policy.tasks.values_list("pk", flat=True), now)
    return settings


def _fields(config: RuleConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in RuleConfig.__dataclass_fields__}


def do_mark_notice_read(user: Any, notice: Notice, *, now: dt.datetime | None = None) -> bool:
    """Mark one of the user's own notices read; answers whether it was unread. Reading is not
    a change of the ledger, so it leaves no history row."""
    if notice.recipient_id != getattr(user, "pk", None):
        raise PermissionDenied(gettext("You can handle only your own reminders"))
    return Notice.objects.filter(pk=notice.pk, read_at=None).update(read_at=now or timezone.now()) == 1


def do_mark_all_notices_read(user: Any, *, now: dt.datetime | None = None) -> int:
    """Mark every unread notice of the user read; answers how many."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(gettext("Please log in first"))
    return Notice.objects.filter(recipient=user, read_at=None).update(read_at=now or timezone.now())
