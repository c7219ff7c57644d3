"""Optimistic locking: a version column and a conditional update, so no save overwrites another."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext

__all__ = ["ConcurrentEditError", "save_versioned"]


class ConcurrentEditError(Exception):
    """Someone else saved the object since it was read.

    ``current`` holds the other person's values of the fields being saved (and ``version``), so
    the interface can show what changed instead of silently overwriting it.
    """

    def __init__(self, obj: models.Model, current: Mapping[str, Any]) -> None:
        super().__init__(
            gettext(
                "%(model)s #%(pk)s was changed by someone else (version %(version)s); reload and try again"
            )
            % {"model": capfirst(obj._meta.verbose_name), "pk": obj.pk, "version": current.get("version")}
        )
        self.current = dict(current)


def save_versioned(obj: models.Model, seen_version: int, changes: Mapping[str, Any]) -> None:
    """Write ``changes`` to ``obj`` only if its stored version is still ``seen_version``.

    On success the row's version goes up by one and ``obj`` reflects the saved values. On a stale
    version nothing is written and :class:`ConcurrentEditError` carries the stored values.
    """
    model = type(obj)
    updated = model._default_manager.filter(pk=obj.pk, version=seen_version).update(
        version=F("version") + 1, **changes
    )
    if updated != 1:
        fields = [*changes.keys(), "version"]
        current = model._default_manager.filter(pk=obj.pk).values(*fields).first() or {}
        raise ConcurrentEditError(obj, current)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.version = seen_version + 1  # type: ignore[attr-defined]
