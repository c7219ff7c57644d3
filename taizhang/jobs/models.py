"""A background job as its owner sees it: what it does, how far it got, what it made or why it failed.

The engine (``django-tasks`` with its database backend) keeps its own queue and result rows; this
row is the product's: who started the job (only he sees its page), its progress for the page that
refreshes, the uploaded file it works on, and a clear result or error message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Job", "JobKind", "JobStatus"]


class JobKind(models.TextChoices):
    IMPORT_POLICY = "import_policy", _("Import a policy")
    BULLETIN = "bulletin", _("Generate bulletin")
    BLUEBOOK = "bluebook", _("Generate the blue book")
    REMINDERS = "reminders", _("Send reminders")
    BENCHDATA = "benchdata", _("Generate benchmark data")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Completed")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    status = models.CharField(
        max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    params = models.JSONField(default=dict, blank=True)
    upload = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=200, blank=True)  # what it is doing now
    result_url = models.CharField(max_length=300, blank=True)
    result_label = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)  # what it made, for the API: {"policy": 12, ...}
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)  # the engine's result id
    # The process running it ("host:pid") and when it last said so (start and each progress step):
    # how a job whose worker was killed is told from one still working (recovery.py).
    worker = models.CharField(max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
