"""Bulletins (通报): a period's figures written as .docx and .pdf, drafted then issued (印发)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Bulletin", "BulletinStatus"]


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class BulletinQuerySet(models.QuerySet["Bulletin"]):
    def visible_to(self, user: Any) -> BulletinQuerySet:
        """The bulletins ``user`` may read (see taizhang/bulletins/access.py)."""
        from .access import visible_bulletins

        return visible_bulletins(self, user)


class Bulletin(models.Model):
    """One bulletin of a month (2024-11) or quarter (2024-Q4): its number (文号), the two files,
    who generated it and when, and whether it was issued to the units."""

    period = models.CharField(max_length=10, db_index=True)
    number = models.CharField(_("document number"), max_length=60)
    status = models.CharField(
        max_length=10, choices=BulletinStatus.choices, default=BulletinStatus.DRAFT, db_index=True
    )
    docx = models.FileField(upload_to="bulletins/%Y/")
    pdf = models.FileField(upload_to="bulletins/%Y/")
    summary = models.JSONField(default=dict, blank=True)  # {tasks, green, amber, red, closed}
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)

    objects = BulletinQuerySet.as_manager()

    class Meta:
        ordering = ["-generated_at", "-pk"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def __str__(self) -> str:
        return f"{self.number} ({self.period})"
