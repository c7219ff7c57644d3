"""Sign-in lock-outs as the administrator sees them: who django-axes locks out now, from where,
and until when (read from axes' own ``AccessAttempt`` rows, counted as axes counts them: failures
of one username from one address within the cool-off)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

__all__ = ["Lockout", "lockouts"]


@dataclass(frozen=True)
class Lockout:
    """A username locked out from one or more addresses until ``until`` (the latest of them)."""

    username: str
    addresses: tuple[str, ...]
    until: datetime


def lockouts(usernames: Iterable[str] | None = None, now: datetime | None = None) -> dict[str, Lockout]:
    """The usernames (of ``usernames``, or all) locked out at ``now``, in one query."""
    from axes.models import AccessAttempt

    now = now or timezone.now()
    cool_off = settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__gte=now - cool_off)
    if usernames is not None:
        attempts = attempts.filter(username__in=list(usernames))
    rows = (
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("username", "ip_address")
    )
    found: dict[str, Lockout] = {}
    for row in rows:
        until = row["last"] + cool_off
        before = found.get(row["username"])
        addresses = (*before.addresses, row["ip_address"] or "") if before else (row["ip_address"] or "",)
        latest = max(until, before.until) if before else until
        found[row["username"]] = Lockout(row["username"], addresses, latest)
    return found
