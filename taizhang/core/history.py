"""Writing history rows; every action in ``*/actions.py`` calls :func:`record`."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from .models import HistoryEntry

__all__ = ["record", "record_many", "snapshot"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-ready values of ``fields`` of ``obj`` (foreign keys as their ids)."""
    out: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = _plain(getattr(obj, attname))
    return out


def _entry(
    actor: Any,
    obj: models.Model,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    task_id: int | None,
    note: str,
) -> HistoryEntry:
    label = f"{obj._meta.app_label}.{obj._meta.model_name}"
    if task_id is None and label == "ledger.task":
        task_id = obj.pk
    return HistoryEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        object_type=label,
        object_id=obj.pk,
        task_id=task_id,
        action=action,
        before={k: _plain(v) for k, v in (before or {}).items()},
        after={k: _plain(v) for k, v in (after or {}).items()},
        note=note,
    )


def record(
    actor: Any,
    obj: models.Model,
    action: str,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    task_id: int | None = None,
    note: str = "",
) -> HistoryEntry:
    """Append one history row for ``action`` done by ``actor`` on ``obj``.

    ``task_id`` links the row to a task's page; for a task itself it defaults to its own id.
    """
    entry = _entry(actor, obj, action, before, after, task_id, note)
    entry.save()
    return entry


def record_many(
    actor: Any,
    action: str,
    changes: Iterable[tuple[models.Model, Mapping[str, Any] | None, Mapping[str, Any] | None]],
) -> None:
    """Append one history row per ``(object, values before, values after)`` for ``action`` in
    one INSERT, as many calls of :func:`record` would (an import writes hundreds at once)."""
    HistoryEntry.objects.bulk_create(
        [_entry(actor, obj, action, before, after, None, "") for obj, before, after in changes],
        batch_size=500,
    )
