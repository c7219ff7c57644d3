"""Starting a job: the row the owner watches and the engine's task, written in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Job

__all__ = ["start_job"]


def start_job(
    kind: str,
    owner: Any,
    params: dict[str, Any] | None = None,
    *,
    upload: tuple[str, Any] | None = None,
    run_after: dt.datetime | None = None,
) -> Job:
    """Queue a job of ``kind`` for ``owner`` (None for the system's own jobs) with ``params``;
    ``upload`` is ``(name, bytes or file)``, stored for the worker to read; ``run_after`` defers
    it. The caller checks that the owner may do it; the handler checks again when it runs."""
    from .tasks import run_job

    with transaction.atomic():
        job = Job.objects.create(kind=kind, owner=owner, params=params or {})
        if upload is not None:
            name, content = upload
            data = content if isinstance(content, bytes) else content.read()
            job.upload.save(name, ContentFile(data), save=False)
            job.save(update_fields=["upload"])
        result = (run_job.using(run_after=run_after) if run_after else run_job).enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job
