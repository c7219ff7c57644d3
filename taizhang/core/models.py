"""The append-only history of every change to a task, report, policy or unit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["HistoryEntry", "HistoryIsAppendOnly", "Confirmation"]


class HistoryIsAppendOnly(Exception):
    """Raised when code tries to change or delete a history row."""


class HistoryQuerySet(models.QuerySet["HistoryEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise HistoryIsAppendOnly("history rows cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise HistoryIsAppendOnly("history rows cannot be deleted")

    def for_task(self, task_id: int) -> HistoryQuerySet:
        return self.filter(task_id=task_id).order_by("at", "pk")


class HistoryEntry(models.Model):
    """One change (变更记录): who did what, when, to which object, with its values before and after.

    Rows are only ever added: ``save()`` refuses to update an existing row and ``delete()``
    refuses outright, on the row and on querysets alike.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    object_type = models.CharField(max_length=64)  # "ledger.task"
    object_id = models.BigIntegerField()
    task_id = models.BigIntegerField(null=True, blank=True, db_index=True)  # for the task's page
    action = models.CharField(max_length=64)  # "submit_report"
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("change record")
        verbose_name_plural = _("change records")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise HistoryIsAppendOnly("history rows cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise HistoryIsAppendOnly("history rows cannot be deleted")


class Confirmation(models.Model):
    """A preview that was confirmed (确认): its one-time key, written once (taizhang.core.once).

    The key is unique in the database, so of two confirmations of one preview (a double click,
    twenty concurrent posts, a replayed form) the second insert fails and files nothing.
    """

    key = models.CharField(max_length=160, unique=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("confirmation record")
        verbose_name_plural = _("confirmation records")

    def __str__(self) -> str:
        return self.key
