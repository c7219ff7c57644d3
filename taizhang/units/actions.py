"""Every write to units: create, propose (from an import), confirm, merge; each writes history."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.accounts.access import require_steering
from taizhang.core.history import record, snapshot
from taizhang.extract.units import unit_key

from .models import Unit, UnitAlias, UnitKind, UnitStatus

__all__ = [
    "name_key",
    "UnitDirectory",
    "do_create_unit",
    "do_confirm_unit",
    "do_merge_unit",
    "guess_unit_kind",
]

# Whitespace and the full-width space that documents put inside names ("区 商务局").
# matches: " \u3000\t"; must not match: "区商务局"
BLANKS_RE = re.compile(r"[\s\u3000]+")

# A unit's kind from the end of its name.
# matches: "东门街道办事处", "东门街道"; must not match: "区商务局"
SUBDISTRICT_RE = re.compile(r"(?:街道|街道办|街道办事处|镇人民政府|乡人民政府)$")
# matches: "区人民法院"; must not match: "区司法局"
COURT_RE = re.compile(r"(?:法院)$")
# matches: "重点片区建设指挥部"; must not match: "区建设局"
HQ_RE = re.compile(r"(?:指挥部)$")
# matches: "区发展改革局", "区政府办公室", "区投资促进中心"; must not match: "罗湖医院集团"
DEPARTMENT_RE = re.compile(r"^区.*(?:局|委|办|办公室|署|中心|委员会)$")


def name_key(name: str) -> str:
    """The form names are matched by: the extraction library's unit key — simplified script, no
    blanks, common abbreviations expanded (區商務局, 区 商务局 match; so do 区发改局 and 区发展改革局)."""
    return unit_key(BLANKS_RE.sub("", name))


def guess_unit_kind(name: str) -> str:
    """A first guess at a proposed unit's kind from the end of its name; the administrator corrects it."""
    simple = name_key(name)
    for rule, kind in (
        (SUBDISTRICT_RE, UnitKind.SUBDISTRICT),
        (COURT_RE, UnitKind.COURT),
        (HQ_RE, UnitKind.HEADQUARTERS),
        (DEPARTMENT_RE, UnitKind.DEPARTMENT),
    ):
        if rule.search(simple):
            return kind
    return UnitKind.OTHER


class UnitDirectory:
    """Finds units by name, short name or alias (script- and blank-insensitive) for one import.

    Unknown names become ``proposed`` units, created once each, never silently confirmed.
    """

    def __init__(self, actor: Any) -> None:
        self.actor = actor
        self.by_key: dict[str, Unit] = {}
        self.proposed: list[Unit] = []
        units = {u.pk: u for u in Unit.objects.all()}
        for unit in units.values():
            target = unit
            while target.merged_into_id is not None and target.merged_into_id in units:
                target = units[target.merged_into_id]
            for name in (unit.name, unit.short_name):
                if name:
                    self.by_key.setdefault(name_key(name), target)
        for alias in UnitAlias.objects.all():
            target = units[alias.unit_id]
            while target.merged_into_id is not None and target.merged_into_id in units:
                target = units[target.merged_into_id]
            self.by_key.setdefault(name_key(alias.name), target)

    def find(self, name: str) -> Unit | None:
        return self.by_key.get(name_key(name))

    def get_or_propose(self, name: str) -> Unit:
        """The unit called ``name``; a new proposed unit (with history) when none matches."""
        clean = BLANKS_RE.sub("", name)
        if not clean:
            raise ValidationError({"unit": "单位名称不能为空"})
        found = self.find(clean)
        if found is not None:
            return found
        unit = Unit.objects.create(
            name=clean, kind=guess_unit_kind(clean), status=UnitStatus.PROPOSED, created_by=_user(self.actor)
        )
        record(self.actor, unit, "propose_unit", after=snapshot(unit, ["name", "kind", "status"]))
        self.by_key[name_key(clean)] = unit
        self.proposed.append(unit)
        return unit


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def do_create_unit(
    user: Any,
    *,
    name: str,
    kind: str = UnitKind.OTHER,
    short_name: str = "",
    parent: Unit | None = None,
    responsible_head: str = "",
    aliases: Iterable[str] = (),
) -> Unit:
    """Create a confirmed unit (administrator or supervisor), with its aliases."""
    require_steering(user, "新建单位")
    with transaction.atomic():
        unit = Unit(
            name=BLANKS_RE.sub("", name),
            kind=kind,
            short_name=short_name,
            parent=parent,
            responsible_head=responsible_head,
            status=UnitStatus.CONFIRMED,
            created_by=_user(user),
        )
        unit.full_clean()
        unit.save()
        for alias in aliases:
            _add_alias(unit, alias)
        record(
            user,
            unit,
            "create_unit",
            after=snapshot(unit, ["name", "kind", "short_name", "parent", "status"]),
        )
    return unit


def _add_alias(unit: Unit, alias: str) -> None:
    alias = BLANKS_RE.sub("", alias)
    if not alias or alias == unit.name:
        return
    existing = UnitAlias.objects.filter(name=alias).first()
    if existing is not None and existing.unit_id != unit.pk:
        raise ValidationError({"aliases": f"别名“{alias}”已属于另一个单位"})
    if existing is None:
        UnitAlias.objects.create(unit=unit, name=alias)


def do_confirm_unit(
    user: Any, unit: Unit, *, kind: str | None = None, name: str | None = None, parent: Unit | None = None
) -> Unit:
    """Confirm a proposed unit, optionally correcting its name, kind and parent."""
    require_steering(user, "确认单位")
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        if unit.merged_into_id is not None:
            raise ValidationError({"status": f"单位“{unit.name}”已合并到其他单位，不能确认"})
        fields = ["name", "kind", "parent", "status"]
        before = snapshot(unit, fields)
        old_name = unit.name
        if name is not None:
            unit.name = BLANKS_RE.sub("", name)
        if kind is not None:
            unit.kind = kind
        if parent is not None:
            unit.parent = parent
        unit.status = UnitStatus.CONFIRMED
        unit.full_clean()
        unit.version += 1
        unit.save(update_fields=[*fields, "version"])
        if unit.name != old_name:
            _add_alias(unit, old_name)
        record(user, unit, "confirm_unit", before=before, after=snapshot(unit, fields))
    return unit


def do_merge_unit(user: Any, unit: Unit, into: Unit) -> Unit:
    """Merge ``unit`` (usually a proposed one) into ``into``: its assignments, reports, members and
    aliases move over and its name becomes an alias of ``into``. Returns ``into``."""
    require_steering(user, "合并单位")
    if unit.pk == into.pk:
        raise ValidationError({"merged_into": "单位不能合并到自己"})
    from taizhang.accounts.models import Membership
    from taizhang.ledger.models import (
        ExtensionRequest,
        ProgressReport,
        ReportContribution,
        TaskAssignment,
    )

    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        into = Unit.objects.select_for_update().get(pk=into.pk)
        if into.merged_into_id is not None:
            raise ValidationError({"merged_into": f"“{into.name}”本身已被合并，请选择现有单位"})
        moved_tasks: list[int] = []
        for assignment in TaskAssignment.objects.filter(unit=unit).select_related("task"):
            clash = TaskAssignment.objects.filter(task_id=assignment.task_id, unit=into).first()
            if clash is None:
                assignment.unit = into
                assignment.save(update_fields=["unit"])
            else:
                # Both were named on the task: keep one assignment, the stronger role.
                if assignment.role == "lead" and clash.role != "lead":
                    clash.role = "lead"
                    clash.save(update_fields=["role"])
                assignment.delete()
            moved_tasks.append(assignment.task_id)
        ProgressReport.objects.filter(unit=unit).update(unit=into)
        ReportContribution.objects.filter(unit=unit).update(unit=into)
        ExtensionRequest.objects.filter(unit=unit).update(unit=into)
        Membership.objects.filter(unit=unit).update(unit=into)
        UnitAlias.objects.filter(unit=unit).update(unit=into)
        Unit.objects.filter(merged_into=unit).update(merged_into=into)
        _add_alias(into, unit.name)
        before = snapshot(unit, ["merged_into", "status"])
        unit.merged_into = into
        unit.version += 1
        unit.save(update_fields=["merged_into", "version"])
        record(
            user,
            unit,
            "merge_unit",
            before=before,
            after=snapshot(unit, ["merged_into", "status"]),
            note=f"合并到 {into.name}",
        )
        for task_id in sorted(set(moved_tasks)):
            from taizhang.ledger.models import Task

            record(
                user, Task(pk=task_id), "reassign_unit", before={"unit": unit.name}, after={"unit": into.name}
            )
    return into
