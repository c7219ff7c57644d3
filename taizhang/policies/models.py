"""Policy documents (政策文件) and the measures (主要措施) that group their tasks."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = ["Policy", "PolicyKind", "PolicyStatus", "ReportCadence", "Measure"]


class PolicyKind(models.TextChoices):
    PLAN = "plan", _("Plan / action plan")
    MEASURES = "measures", _("Measures")
    WORK_REPORT = "work_report", _("Government work report")
    TABLE = "table", _("Task table")
    NEWS = "news", _("News / bulletin")
    OTHER = "other", _("Other")


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ReportCadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Every year")


class Policy(models.Model):
    """A policy document and its ledger: a draft while under review, then published (交办).

    The uploaded original and the text the extractor read are kept, so every task can be traced
    back to the place it came from.
    """

    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=PolicyKind.choices, default=PolicyKind.OTHER)
    status = models.CharField(max_length=20, choices=PolicyStatus.choices, default=PolicyStatus.DRAFT)
    original = models.FileField(upload_to="policies/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    original_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    text = models.TextField(blank=True)
    report_cadence = models.CharField(
        max_length=20, choices=ReportCadence.choices, default=ReportCadence.MONTHLY
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.title.strip():
            raise ValidationError({"title": gettext("The document's title may not be empty")})
        if self.year is not None and not 1949 <= self.year <= 2100:
            raise ValidationError(
                {"year": gettext("The year %(year)s is not plausible") % {"year": self.year}}
            )


class Measure(models.Model):
    """A heading (主要措施) that groups tasks of one policy."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="measures")
    ref = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["policy", "order", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return self.title
