"""What the public portal shows of each policy, as the supervisor chose (default: nothing)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = ["PublicationSettings", "BlueBookEdition"]


class PublicationSettings(models.Model):
    """Whether a published policy appears on the public portal (公开门户) and the blue book, and
    whether its progress (colours, percentages, accepted narratives) and indicators are shown.

    A policy without a row is not public.
    """

    policy = models.OneToOneField("policies.Policy", related_name="publication", on_delete=models.CASCADE)
    is_public = models.BooleanField(default=False, db_index=True)
    show_progress = models.BooleanField(default=True)
    show_indicators = models.BooleanField(default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("publication setting")
        verbose_name_plural = _("publication settings")

    def __str__(self) -> str:
        if self.is_public:
            return gettext("%(policy)s: public") % {"policy": self.policy_id}
        return gettext("%(policy)s: not public") % {"policy": self.policy_id}


class BlueBookEdition(models.Model):
    """A blue book PDF the worker built (taizhang/portal/jobs.py), with the ledger stamp it was
    built at: the public page serves the newest edition and queues a new one when the ledger moved."""

    stamp = models.CharField(max_length=200)
    pdf = models.FileField(upload_to="bluebook/")
    built_at = models.DateTimeField()

    class Meta:
        ordering = ["-built_at", "-pk"]
        verbose_name = _("blue book")
        verbose_name_plural = _("blue books")

    def __str__(self) -> str:
        return gettext("Blue book of %(built_at)s") % {"built_at": f"{self.built_at:%Y-%m-%d %H:%M}"}
