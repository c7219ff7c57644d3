"""A bulletin built by the worker: the page queues it, the job writes both files in one
transaction (a failure leaves no bulletin and no number used) and links to the list."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from .actions import do_generate_bulletin

__all__ = ["generate_bulletin"]


def generate_bulletin(job: Any, progress: Any) -> tuple[str, str]:
    bulletin = do_generate_bulletin(job.owner, job.params.get("period", ""), progress=progress)
    return reverse("bulletins:list"), f"{bulletin.number}（{bulletin.period}）"
