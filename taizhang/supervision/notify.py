"""Reminders (催办) and escalation: which notices are due, creating them once, e-mailing them once.

The reminder job (``manage.py send_reminders``) calls :func:`send_reminders`. Everything it does
is derived from the data and the notices already stored, never from memory, so a run that
crashed half-way is completed by the next one:

1. Statuses are refreshed batch by batch (:func:`~taizhang.supervision.status.refresh_batches`).
2. For each batch, the notices now due are planned (:func:`plan_notices`) and inserted with
   their unique ``key``; a key already stored is skipped, so no notice is created twice.
3. Every notice not yet e-mailed is claimed with ``filter(pk=…, emailed_at=None).update(…) == 1``
   and sent with Django's ``send_mail`` (:func:`deliver_pending`); a failed send releases the
   claim so the next run retries it. Two jobs running at once never send the same notice twice.

Kinds and recipients (officers and leaders of the task's lead units, 牵头单位):

- ``report_due``: the next report is due within ``TAIZHANG_REMINDER_DAYS_BEFORE`` days (3).
- ``report_late``: the status rules say a report is late (key: the period's due date).
- ``task_red``: the task is red (key: the day it turned red; it is sent again if it turns red again).
- ``escalation``: a ``report_late`` or ``task_red`` chase still holds ``TAIZHANG_ESCALATION_DAYS``
  days (5) after it was first sent: the leaders of the lead units and every supervisor are told.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from taizhang.accounts.models import Membership, Role

from .facts import TaskContext
from .models import Notice, NoticeKind, TaskStatus
from .status import refresh_batches

__all__ = [
    "ReminderRun",
    "send_reminders",
    "plan_notices",
    "create_notices",
    "deliver_pending",
    "unit_people",
    "supervisors",
    "notice_key",
    "notify_people",
    "reminder_days_before",
    "escalation_days",
]

CHASES = (NoticeKind.REPORT_LATE, NoticeKind.TASK_RED)
DELIVERY_BATCH = 500


def reminder_days_before() -> int:
    """How many days before a report is due its unit is reminded (setting, default 3)."""
    return int(getattr(settings, "TAIZHANG_REMINDER_DAYS_BEFORE", 3))


def escalation_days() -> int:
    """How many days an unanswered chase waits before it is escalated (setting, default 5)."""
    return int(getattr(settings, "TAIZHANG_ESCALATION_DAYS", 5))


def notice_key(kind: str, task_id: int | None, stamp: str, user_id: int) -> str:
    """The unique key of a notice: ``kind:task:period-or-date:user``."""
    return f"{kind}:{task_id or 0}:{stamp}:{user_id}"


@dataclass
class ReminderRun:
    """What one run of the job did (or, with ``dry_run``, would do)."""

    statuses: int = 0
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    emailed: int = 0
    failed: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.created.items())) or "none"
        prefix = "[dry run] " if self.dry_run else ""
        return (
            f"{prefix}statuses computed: {self.statuses}; notices created: {kinds}; "
            f"e-mails sent: {self.emailed}; failed: {self.failed}"
        )


def unit_people(
    unit_ids: Iterable[int], roles: Sequence[str] = (Role.UNIT_LEADER, Role.UNIT_OFFICER)
) -> dict[int, list[tuple[int, str]]]:
    """Active people of each unit with one of ``roles``, as (user id, role), in one query."""
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = Membership.objects.filter(
        unit_id__in=set(unit_ids), role__in=list(roles), user__is_active=True
    ).values_list("unit_id", "user_id", "role")
    for unit_id, user_id, role in rows.order_by("user_id"):
        out[unit_id].append((user_id, role))
    return out


def supervisors() -> list[int]:
    """Ids of the active supervisors (督查室)."""
    return list(
        Membership.objects.filter(role=Role.SUPERVISOR, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def _label(context: TaskContext) -> str:
    ref = f"{context.ref} " if context.ref else ""
    text = context.text if len(context.text) <= 40 else context.text[:40] + "…"
    return f"{ref}{text}"


def plan_notices(
    contexts: Mapping[int, TaskContext],
    statuses: Mapping[int, TaskStatus],
    chases: Mapping[tuple[int, str, str], dt.datetime],
    people: Mapping[int, list[tuple[int, str]]],
    supervisor_ids: Sequence[int],
    now: dt.datetime,
    *,
    days_before: int,
    escalate_after: int,
) -> list[Notice]:
    """The notices due on ``now`` for the tasks of ``contexts`` (unsaved; keys may already exist).

    ``chases`` maps (task id, kind, stamp) to when that chase was first created; ``people`` the
    unit leaders and officers of each unit.
    """
    today = timezone.localdate(now)
    planned: list[Notice] = []

    def add(kind: str, context: TaskContext, stamp: str, user_ids: Iterable[int], text: str) -> None:
        for user_id in dict.fromkeys(user_ids):
            planned.append(
                Notice(
                    recipient_id=user_id,
                    kind=kind,
                    task_id=context.task_id,
                    text=text,
                    key=notice_key(kind, context.task_id, stamp, user_id),
                    created_at=now,
                )
            )

    for task_id, context in contexts.items():
        unit_users = [uid for unit in context.lead_unit_ids for uid, _ in people.get(unit, ())]
        leaders = [
            uid
            for unit in context.lead_unit_ids
            for uid, role in people.get(unit, ())
            if role == Role.UNIT_LEADER
        ]
        label = _label(context)
        if context.next_due is not None:
            period, due_on = context.next_due
            left = (due_on - today).days
            if 0 <= left <= days_before:
                when = "今天" if left == 0 else f"{left} 天后（{due_on.isoformat()}）"
                add(
                    NoticeKind.REPORT_DUE,
                    context,
                    period,
                    unit_users,
                    f"任务“{label}”{period} 的进展报告将于{when}到期，请按时报送。",
                )
        status = statuses.get(task_id)
        if status is None:
            continue
        current: dict[str, tuple[str, str]] = {}
        for reason in status.reasons:
            if reason.get("code") == "report_late":
                stamp = str(reason.get("figures", {}).get("due_on", ""))
                current[NoticeKind.REPORT_LATE] = (
                    stamp,
                    f"任务“{label}”{reason.get('message', '')}，请尽快报送。",
                )
        if status.colour == "red" and status.turned_red_at is not None:
            stamp = timezone.localdate(status.turned_red_at).isoformat()
            why = "；".join(r.get("message", "") for r in status.reasons if r.get("colour") == "red")
            current[NoticeKind.TASK_RED] = (stamp, f"任务“{label}”亮红灯：{why}。请尽快推进并报送进展。")
        for kind, (stamp, text) in current.items():
            add(kind, context, stamp, unit_users, text)
            first = chases.get((task_id, kind, stamp))
            if first is not None and (today - timezone.localdate(first)).days >= escalate_after:
                add(
                    NoticeKind.ESCALATION,
                    context,
                    f"{kind}-{stamp}",
                    [*leaders, *supervisor_ids],
                    f"催办升级：{text}（首次提醒于 {timezone.localdate(first).isoformat()}，"
                    f"{escalate_after} 天内未见回应）",
                )
    return planned


def create_notices(planned: Sequence[Notice]) -> list[Notice]:
    """Insert the planned notices whose key is not stored yet; answers the ones inserted.

    The unique key makes a concurrent insert of the same notice a no-op (``ignore_conflicts``).
    """
    if not planned:
        return []
    keys = [n.key for n in planned]
    existing = set(Notice.objects.filter(key__in=keys).values_list("key", flat=True))
    fresh = list({n.key: n for n in planned if n.key not in existing}.values())
    if fresh:
        Notice.objects.bulk_create(fresh, ignore_conflicts=True)
    return fresh


def _chases(task_ids: Sequence[int]) -> dict[tuple[int, str, str], dt.datetime]:
    first: dict[tuple[int, str, str], dt.datetime] = {}
    rows = Notice.objects.filter(task_id__in=task_ids, kind__in=CHASES).values_list(
        "task_id", "kind", "key", "created_at"
    )
    for task_id, kind, key, created_at in rows:
        stamp = key.split(":")[2]
        k = (task_id, kind, stamp)
        if k not in first or created_at < first[k]:
            first[k] = created_at
    return first


def _email(notice: Notice) -> tuple[str, str]:
    subject = f"【台账提醒】{notice.get_kind_display()}"
    link = f"/tasks/{notice.task_id}/" if notice.task_id else "/supervision/notices/"
    return subject, f"{notice.text}\n\n详情：{link}\n"


def deliver_pending(now: dt.datetime | None = None, *, dry_run: bool = False) -> tuple[int, int]:
    """E-mail every unread notice not yet e-mailed to a recipient with an address, each exactly once.

    A notice is claimed with a conditional update before it is sent; if sending fails the claim is
    released for the next run. Answers (sent, failed); with ``dry_run`` counts without sending.
    """
    now = now or timezone.now()
    pending = (
        Notice.objects.filter(emailed_at=None, read_at=None, recipient__is_active=True)
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("pk")
    )
    if dry_run:
        return pending.count(), 0
    sent = failed = 0
    # Read the ids first: the rows are updated while we go, which a database cursor need not survive.
    ids = list(pending.values_list("pk", flat=True))
    for start in range(0, len(ids), DELIVERY_BATCH):
        for notice in pending.filter(pk__in=ids[start : start + DELIVERY_BATCH]):
            if Notice.objects.filter(pk=notice.pk, emailed_at=None).update(emailed_at=now) != 1:
                continue  # another run claimed it
            subject, body = _email(notice)
            try:
                send_mail(subject, body, None, [notice.recipient.email])
            except Exception:  # noqa: BLE001 - any backend failure: release the claim, retry next run
                Notice.objects.filter(pk=notice.pk, emailed_at=now).update(emailed_at=None)
                failed += 1
                continue
            sent += 1
    return sent, failed


def send_reminders(now: dt.datetime | None = None, *, dry_run: bool = False) -> ReminderRun:
    """Run the reminder job once as of ``now``: refresh statuses, create due notices, e-mail them.

    With ``dry_run`` everything is computed in a transaction that is rolled back and nothing is
    e-mailed; the answer says what a real run would do.
    """
    now = now or timezone.now()
    run = ReminderRun(dry_run=dry_run)
    days_before, escalate_after = reminder_days_before(), escalation_days()
    supervisor_ids = supervisors()
    with transaction.atomic():
        for contexts in refresh_batches(None, now):
            ids = list(contexts)
            run.statuses += len(ids)
            statuses = {s.task_id: s for s in TaskStatus.objects.filter(task_id__in=ids)}
            people = unit_people({u for c in contexts.values() for u in c.lead_unit_ids})
            planned = plan_notices(
                contexts,
                statuses,
                _chases(ids),
                people,
                supervisor_ids,
                now,
                days_before=days_before,
                escalate_after=escalate_after,
            )
            for notice in create_notices(planned):
                run.created[notice.kind] += 1
        if dry_run:
            run.emailed, _ = deliver_pending(now, dry_run=True)
            transaction.set_rollback(True)
            return run
    run.emailed, run.failed = deliver_pending(now)
    return run


def notify_people(
    user_ids: Iterable[int], kind: str, task_id: int | None, stamp: str, text: str, now: dt.datetime
) -> list[Notice]:
    """Create one notice of ``kind`` for each of ``user_ids`` (once per key); the job e-mails them."""
    planned = [
        Notice(
            recipient_id=uid,
            kind=kind,
            task_id=task_id,
            text=text,
            key=notice_key(kind, task_id, stamp, uid),
            created_at=now,
        )
        for uid in dict.fromkeys(user_ids)
    ]
    return create_notices(planned)
