"""A cheap change stamp of the ledger, and figures cached under it (issue 4).

The dashboard, the work queues and the portal's home page count over every task (GROUP BY over
the whole ledger: half a second each on a province-sized ledger). Their figures change only when
the ledger changes, so they are kept in Django's cache under a key that includes
:func:`ledger_stamp`, read with one cheap query on every request. When anything the figures are
made of changes, the stamp changes, the key changes, and the next request computes afresh: a
cached figure is never stale, it is simply never asked for again (and expires).

What moves the stamp (one query, three index look-ups):

- the latest history row (:class:`~taizhang.core.models.HistoryEntry`, its id and time): every
  write of the ledger goes through an action of some ``*/actions.py``, and every action records
  history — tasks and their units, reports, extensions, supervision notices, judgements (研判),
  rule settings, policies, measures, units' names, the portal's publication settings;
- the latest ``TaskStatus.computed_at``: :func:`~taizhang.supervision.status.refresh_statuses`
  (the status job, and the actions that recompute a task's colour) writes colours without
  history, and stamps every row it writes with ``computed_at``;
- today's local date: deadline months, "past the deadline" and the reporting periods turn with
  the date.

Writes that bypass the actions (the Django shell, ``QuerySet.update`` in a script, a colour
recomputed "as of" a moment earlier than the last run) do not move the stamp; cached figures
then expire after :data:`CACHE_SECONDS` at the latest.

The cache is Django's default cache. The settings configure none, so it is the per-process
local-memory cache: each server process computes the figures once per change. Configure a
shared cache (``CACHES`` with Redis, Memcached or the database cache) and every process shares
them. Only figures that do not depend on who asks may be cached here: the key names the
visibility scope (``"everything"`` for the supervisor's and leaders' pages, ``"public"`` for the
portal).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

__all__ = ["CACHE_SECONDS", "ledger_stamp", "cached"]

T = TypeVar("T")

CACHE_SECONDS = 600  # a safety net for writes that bypass the actions; the stamp does the rest
_PREFIX = "taizhang:figures:v1"
_MISSING = object()


def ledger_stamp() -> str:
    """The ledger's change stamp: the latest history row, the latest status computation and
    today's local date, as one string (one query)."""
    from taizhang.core.models import HistoryEntry

    from .models import TaskStatus

    quote = connection.ops.quote_name
    history = quote(HistoryEntry._meta.db_table)
    statuses = quote(TaskStatus._meta.db_table)
    latest = f"(SELECT {{column}} FROM {history} ORDER BY {quote('id')} DESC LIMIT 1)"
    sql = (
        f"SELECT {latest.format(column=quote('id'))}, {latest.format(column=quote('at'))}, "
        f"(SELECT MAX({quote('computed_at')}) FROM {statuses})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        history_id, history_at, computed_at = cursor.fetchone()
    return f"{history_id}|{history_at}|{computed_at}|{timezone.localdate().isoformat()}"


def _key(name: str, args: tuple[Any, ...], stamp: str) -> str:
    # Hashed: cache back ends limit a key's length and characters (memcached: 250, no spaces).
    digest = hashlib.sha256(repr((name, args, stamp)).encode("utf-8")).hexdigest()
    return f"{_PREFIX}:{name}:{digest}"


def cached(name: str, args: tuple[Any, ...], stamp: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the cache under ``name``, ``args`` and the ledger's ``stamp``.

    ``args`` must name everything the result depends on besides the ledger itself: the policy
    shown, the visibility scope, options of the page. The result must be picklable.
    """
    key = _key(name, args, stamp)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value  # type: ignore[return-value]
