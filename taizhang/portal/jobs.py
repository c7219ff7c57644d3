"""The blue book built by the worker, never inside a public request.

:func:`build_bluebook` (the job) writes the PDF of what is public now and keeps it as a
:class:`~.models.BlueBookEdition` with the ledger stamp it was built at. :func:`current_edition`
is what the public page serves: the newest edition, when it is current or at least newer than the
last change of what is public (a withdrawn policy is never served from an older edition); it
queues a rebuild whenever the ledger has moved since. Older editions are deleted with their files.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from taizhang.jobs.actions import start_job
from taizhang.jobs.models import Job, JobKind, JobStatus
from taizhang.supervision.stamp import ledger_stamp

from .models import BlueBookEdition, PublicationSettings

__all__ = ["build_bluebook", "current_edition", "queue_bluebook", "KEEP_EDITIONS"]

KEEP_EDITIONS = 2


def build_bluebook(job: Any, progress: Any) -> tuple[str, str]:
    from .bluebook import write_bluebook

    stamp = ledger_stamp()
    progress(10, "汇总公开的政策、任务和指标")
    pdf = write_bluebook()
    progress(90, "保存蓝皮书")
    now = timezone.now()
    with transaction.atomic():
        edition = BlueBookEdition(stamp=stamp, built_at=now)
        edition.pdf.save(f"bluebook-{now:%Y%m%d%H%M%S}.pdf", ContentFile(pdf), save=False)
        edition.save()
        old = list(
            BlueBookEdition.objects.exclude(pk=edition.pk).order_by("-built_at", "-pk")[KEEP_EDITIONS - 1 :]
        )
        for stale in old:
            stale.pdf.delete(save=False)
            stale.delete()
    return reverse("portal:bluebook"), f"蓝皮书（{timezone.localtime(now):%Y-%m-%d %H:%M}）"


def queue_bluebook(owner: Any = None) -> Job:
    """A blue book job, unless one is already waiting or running (that one is returned)."""
    pending = Job.objects.filter(
        kind=JobKind.BLUEBOOK, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
    ).first()
    return pending or start_job(JobKind.BLUEBOOK, owner)


def current_edition() -> BlueBookEdition | None:
    """The edition to serve now (None while the first is being built); queues a rebuild when the
    newest edition is older than the ledger."""
    newest = BlueBookEdition.objects.order_by("-built_at", "-pk").first()
    if newest is not None and newest.stamp == ledger_stamp():
        return newest
    queue_bluebook()
    if newest is None:
        return None
    changed = PublicationSettings.objects.aggregate(last=Max("updated_at"))["last"]
    if changed is not None and changed >= newest.built_at:
        return None  # what is public changed since: the older edition may show a withdrawn policy
    return newest
