"""Writes of the accounts app that other apps' actions call: moving memberships when units merge."""

from __future__ import annotations

from typing import Any

from .models import Membership

__all__ = ["move_unit_rows"]


def move_unit_rows(user: Any, source: Any, target: Any) -> dict[str, int]:
    """The people of ``source`` now act for ``target`` (called by ``units.actions.do_merge_unit``,
    inside its transaction and after its permission check)."""
    return {"accounts.Membership.unit": Membership.objects.filter(unit=source).update(unit=target)}
