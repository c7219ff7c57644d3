"""Supervision's own rows: computed statuses (红黄绿灯), per-policy rule settings, supervision
notices (督办单) and in-app notices (提醒).

The colour itself is computed by the pure functions of :mod:`taizhang.supervision.rules`;
:func:`taizhang.supervision.status.refresh_statuses` stores it here so lists can filter on it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taizhang.ledger.colours import COLOUR_LABELS
from taizhang.ledger.rules import COLOURS, ScheduleStatus

from .rules import DeliveryJudgement, RuleConfig

__all__ = [
    "StatusColour",
    "Judgement",
    "TaskStatus",
    "RuleSettings",
    "SupervisionNotice",
    "SupervisionNoticeState",
    "Notice",
    "NoticeKind",
]


# The stored colour's choices are the ledger's one Colour enum (ledger.rules).
StatusColour = models.TextChoices(  # type: ignore[misc,call-overload]
    "StatusColour", [(c.name, (c.value, COLOUR_LABELS[c])) for c in COLOURS]
)
SCHEDULE_CHOICES = [(s.value, s.value) for s in ScheduleStatus]


class Judgement(models.TextChoices):
    HIGHLY_LIKELY = DeliveryJudgement.HIGHLY_LIKELY.value, _("Highly likely to finish on time")
    LIKELY = DeliveryJudgement.LIKELY.value, _("Likely to finish on time")
    UNLIKELY = DeliveryJudgement.UNLIKELY.value, _("Unlikely to finish on time")
    HIGHLY_UNLIKELY = DeliveryJudgement.HIGHLY_UNLIKELY.value, _("Highly unlikely to finish on time")


class TaskStatus(models.Model):
    """The computed colour of a task with its reasons, and the supervisor's judgement (研判).

    ``changed_at`` is when the colour last changed; ``turned_red_at`` when the task last turned
    red, kept while it stays red and cleared when it leaves red. ``schedule`` is the task against its
    序时进度 (ledger.rules.schedule_status) as of ``computed_at``, stored so the task list filters on
    an index. Every action that changes a fact the rules read refreshes the row in the same
    transaction (ledger.signals.tasks_changed) and the daily job moves the dates on; a task
    without a row has not been judged yet (ledger.rules.displayed_colour).
    """

    task = models.OneToOneField("ledger.Task", related_name="rag", on_delete=models.CASCADE)
    colour = models.CharField(max_length=16, choices=StatusColour.choices, db_index=True)
    schedule = models.CharField(max_length=16, choices=SCHEDULE_CHOICES, blank=True, db_index=True)
    reasons = models.JSONField(default=list)  # [{code, colour, message}]
    computed_at = models.DateTimeField()
    changed_at = models.DateTimeField()
    previous_colour = models.CharField(max_length=16, choices=StatusColour.choices, blank=True)
    turned_red_at = models.DateTimeField(null=True, blank=True, db_index=True)
    judgement = models.CharField(max_length=20, choices=Judgement.choices, blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("task status")
        verbose_name_plural = _("task statuses")
        indexes = [
            # The dashboard: what turned red this week; the tasks the supervisor judged (a few).
            models.Index(fields=["colour", "turned_red_at"], name="taskstatus_red_since"),
            models.Index(fields=["judgement"], name="taskstatus_judged", condition=~models.Q(judgement="")),
            # The ledger's change stamp (supervision/stamp.py): the latest computation.
            models.Index(fields=["computed_at"], name="taskstatus_computed_at"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.colour}"

    def reason_codes(self) -> list[str]:
        return [r.get("code", "") for r in self.reasons]


class RuleSettings(models.Model):
    """A policy's overrides of the status-rule thresholds (see docs/status-rules.md).

    ``values`` holds only the fields that differ from :class:`RuleConfig`'s defaults;
    :meth:`config` gives the full configuration.
    """

    policy = models.OneToOneField("policies.Policy", related_name="rule_settings", on_delete=models.CASCADE)
    values = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("warning rule setting")
        verbose_name_plural = _("warning rule settings")

    def __str__(self) -> str:
        return f"{self.policy_id}: {self.values}"

    def clean(self) -> None:
        if not isinstance(self.values, dict):
            raise ValidationError({"values": gettext("The rule settings must be key-value pairs")})
        try:
            RuleConfig.from_mapping(self.values)
        except (TypeError, ValueError) as error:
            raise ValidationError({"values": str(error)}) from None

    def config(self) -> RuleConfig:
        return RuleConfig.from_mapping(self.values)


class SupervisionNoticeState(models.TextChoices):
    OPEN = "open", _("Awaiting reply")
    ANSWERED = "answered", _("Replied")
    CLOSED = "closed", _("Closed")


class SupervisionNoticeQuerySet(models.QuerySet["SupervisionNotice"]):
    def visible_to(self, user: Any) -> SupervisionNoticeQuerySet:
        """The supervision notices on tasks ``user`` may read (see access.py)."""
        from .access import visible_supervision_notices

        return visible_supervision_notices(self, user)


class SupervisionNotice(models.Model):
    """A supervisor's supervision notice (督办单) on a task: an instruction with a due date, the
    lead unit's answer, and the supervisor closing it. Unanswered past ``due_on`` turns the task red.
    """

    task = models.ForeignKey("ledger.Task", related_name="supervision_notices", on_delete=models.CASCADE)
    instruction = models.TextField()
    due_on = models.DateField()
    status = models.CharField(
        max_length=10,
        choices=SupervisionNoticeState.choices,
        default=SupervisionNoticeState.OPEN,
        db_index=True,
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = SupervisionNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("supervision notice")
        verbose_name_plural = _("supervision notices")

    def __str__(self) -> str:
        return gettext("Supervision notice %(pk)s (task %(task)s)") % {"pk": self.pk, "task": self.task_id}

    def clean(self) -> None:
        if not self.instruction.strip():
            raise ValidationError({"instruction": gettext("The instruction may not be empty")})


class NoticeKind(models.TextChoices):
    REPORT_DUE = "report_due", _("Progress report due soon")
    REPORT_LATE = "report_late", _("Progress report late")
    TASK_RED = "task_red", _("Task turned red")
    NOTICE_ISSUED = "notice_issued", _("Supervision notice received")
    NOTICE_ANSWERED = "notice_answered", _("Supervision notice answered")
    ESCALATION = "escalation", _("Escalation")
    TASK_CORRECTED = "task_corrected", _("Task corrected")


class Notice(models.Model):
    """An in-app notification (提醒) to one person, also sent by e-mail by the reminder job.

    ``key`` is unique (``kind:task:period-or-date:user``), so the same notice is never created
    twice; ``emailed_at`` is claimed with a conditional update, so it is never e-mailed twice.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    task = models.ForeignKey(
        "ledger.Task", null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    text = models.TextField()
    key = models.CharField(max_length=160, unique=True)
    created_at = models.DateTimeField(db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return self.key
