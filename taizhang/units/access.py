"""Units are public within the system: everyone signed in reads them; administrators and the
supervisor create, confirm, merge and rename them and expand collectives (docs/permissions.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from taizhang.core.access import Decision, Person, is_steering, refused_now, role_of, steering_decision

from .models import Unit

__all__ = [
    "access_unit",
    "can_create_unit",
    "can_confirm_unit",
    "can_merge_unit",
    "can_add_unit_alias",
    "can_expand_collective",
]


def access_unit(user: Any, unit_id: Any, for_write: bool = False) -> Unit:
    """The unit ``unit_id`` for any user with a role; writing is for administrators and the supervisor."""
    if role_of(user) is None:
        raise Http404(gettext("No such unit"))
    try:
        unit = Unit.objects.get(pk=int(unit_id))
    except (Unit.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such unit")) from None
    if for_write and not is_steering(user):
        raise PermissionDenied(gettext("Only the administrator or the supervisor may change units"))
    return unit


def can_create_unit(user: Person, unit: Any = None) -> Decision:
    """The supervisor adds a unit to the registry."""
    return steering_decision(user, gettext("add units"))


def can_confirm_unit(user: Person, unit: Unit) -> Decision:
    """The supervisor confirms a proposed unit that has not been merged away."""
    decision = steering_decision(user, gettext("confirm units"))
    if decision and unit.merged_into_id is not None:
        return refused_now(
            "status",
            gettext("The unit “%(unit)s” was merged into another unit and cannot be confirmed")
            % {"unit": unit.name},
        )
    return decision


def can_merge_unit(user: Person, unit: Unit) -> Decision:
    """The supervisor merges a unit (not yet merged) into another."""
    decision = steering_decision(user, gettext("merge units"))
    if decision and unit.merged_into_id is not None:
        return refused_now(
            "merged_into", gettext("“%(unit)s” was merged into another unit") % {"unit": unit.name}
        )
    return decision


def can_add_unit_alias(user: Person, unit: Unit) -> Decision:
    """The supervisor records another name of an active unit."""
    decision = steering_decision(user, gettext("add unit aliases"))
    if decision and unit.merged_into_id is not None:
        return refused_now("alias", gettext("“%(unit)s” was merged into another unit") % {"unit": unit.name})
    return decision


def can_expand_collective(user: Person, unit: Unit) -> Decision:
    """The supervisor expands a confirmed collective (各街道办) into the units it stands for."""
    decision = steering_decision(user, gettext("expand collective units"))
    if decision and not unit.is_collective:
        return refused_now(
            "unit",
            gettext("“%(unit)s” is not a collective name and cannot be expanded") % {"unit": unit.name},
        )
    if decision and unit.merged_into_id is not None:
        return refused_now("unit", gettext("“%(unit)s” was merged into another unit") % {"unit": unit.name})
    return decision
