"""Units are public within the system: everyone signed in reads them; administrators and the
supervisor create, confirm, merge and rename them and expand collectives (docs/permissions.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.core.access import Decision, is_steering, refused_now, role_of, steering_decision

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
        raise Http404("没有这个单位")
    try:
        unit = Unit.objects.get(pk=int(unit_id))
    except (Unit.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个单位") from None
    if for_write and not is_steering(user):
        raise PermissionDenied("只有管理员或督查室可以修改单位")
    return unit


def can_create_unit(user: Any, unit: Any = None) -> Decision:
    """The supervisor adds a unit to the registry."""
    return steering_decision(user, "新建单位")


def can_confirm_unit(user: Any, unit: Unit) -> Decision:
    """The supervisor confirms a proposed unit that has not been merged away."""
    decision = steering_decision(user, "确认单位")
    if decision and unit.merged_into_id is not None:
        return refused_now("status", f"单位“{unit.name}”已合并到其他单位，不能确认")
    return decision


def can_merge_unit(user: Any, unit: Unit) -> Decision:
    """The supervisor merges a unit (not yet merged) into another."""
    decision = steering_decision(user, "合并单位")
    if decision and unit.merged_into_id is not None:
        return refused_now("merged_into", f"“{unit.name}”已合并到其他单位")
    return decision


def can_add_unit_alias(user: Any, unit: Unit) -> Decision:
    """The supervisor records another name of an active unit."""
    decision = steering_decision(user, "添加单位别名")
    if decision and unit.merged_into_id is not None:
        return refused_now("alias", f"“{unit.name}”已合并到其他单位")
    return decision


def can_expand_collective(user: Any, unit: Unit) -> Decision:
    """The supervisor expands a confirmed collective (各街道办) into the units it stands for."""
    decision = steering_decision(user, "展开统称单位")
    if decision and not unit.is_collective:
        return refused_now("unit", f"“{unit.name}”不是统称，不能展开")
    if decision and unit.merged_into_id is not None:
        return refused_now("unit", f"“{unit.name}”已合并到其他单位")
    return decision
