"""Every write to units: create, propose (from an import), confirm, merge, add an alias; each
writes history. Names are stored, compared and shown as :mod:`taizhang.units.names` says."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from taizhang.core.history import record, snapshot

from .access import can_add_unit_alias, can_confirm_unit, can_create_unit, can_merge_unit
from .models import Unit, UnitAlias, UnitKind, UnitStatus
from .names import BLANKS_RE, is_collective, name_key, stored_name

__all__ = [
    "name_key",
    "UnitDirectory",
    "do_create_unit",
    "do_confirm_unit",
    "do_merge_unit",
    "do_add_unit_alias",
    "guess_unit_kind",
    "unit_row_movers",
]

# A unit's kind from the end of its name.
# matches: "东门街道办事处", "东门街道"; must not match: "区商务局"
SUBDISTRICT_RE = re.compile(r"(?:街道|街道办|街道办事处|镇人民政府|乡人民政府)$")
# matches: "区人民法院"; must not match: "区司法局"
COURT_RE = re.compile(r"(?:法院)$")
# matches: "重点片区建设指挥部"; must not match: "区建设局"
HQ_RE = re.compile(r"(?:指挥部)$")
# matches: "区发展改革局", "区政府办公室", "区投资促进中心"; must not match: "罗湖医院集团"
DEPARTMENT_RE = re.compile(r"^区.*(?:局|委|办|办公室|署|中心|委员会)$")


def guess_unit_kind(name: str) -> str:
    """A first guess at a proposed unit's kind from its name (a collective, 各街道办, first); the
    administrator corrects it."""
    if is_collective(name):
        return UnitKind.COLLECTIVE
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
        """The unit called ``name``; a new proposed unit (with history) when none matches, named
        in simplified script (a traditional document's 區財政局 becomes 区财政局)."""
        clean = stored_name(name)
        if not clean:
            raise ValidationError({"unit": gettext("The unit's name may not be empty")})
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
    kind: str | None = None,
    short_name: str = "",
    parent: Unit | None = None,
    responsible_head: str = "",
    aliases: Iterable[str] = (),
) -> Unit:
    """Create a confirmed unit (administrator or supervisor), with its aliases; the name is kept in
    simplified script, the kind guessed from it when not given. A name or alias that another unit
    already goes by (in any script) is refused, naming that unit."""
    can_create_unit(user).check()
    with transaction.atomic():
        clean = stored_name(name)
        taken = UnitDirectory(user).find(clean) if clean else None
        if taken is not None:
            raise ValidationError(
                {
                    "name": gettext("“%(name)s” is already the name or an alias of the unit “%(unit)s”")
                    % {"name": clean, "unit": taken.name}
                }
            )
        unit = Unit(
            name=clean,
            kind=kind or guess_unit_kind(clean),
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


def _add_alias(unit: Unit, alias: str) -> UnitAlias | None:
    """Record ``alias`` (kept as written, blanks dropped) as a name of ``unit``; nothing when it is
    the unit's own name in another script or already its alias (in any script); refused when it is
    another unit's alias."""
    alias = BLANKS_RE.sub("", alias)
    if not alias or stored_name(alias) == unit.name:
        return None
    simple = stored_name(alias)
    for existing in UnitAlias.objects.select_related("unit"):
        if stored_name(existing.name) == simple:
            if existing.unit_id != unit.pk:
                raise ValidationError(
                    {
                        "aliases": gettext("The alias “%(alias)s” already belongs to the unit “%(unit)s”")
                        % {"alias": alias, "unit": existing.unit.name}
                    }
                )
            return None
    return UnitAlias.objects.create(unit=unit, name=alias)


def do_confirm_unit(
    user: Any, unit: Unit, *, kind: str | None = None, name: str | None = None, parent: Unit | None = None
) -> Unit:
    """Confirm a proposed unit, optionally correcting its name, kind and parent."""
    can_confirm_unit(user, unit).check_person()
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        can_confirm_unit(user, unit).check()
        fields = ["name", "kind", "parent", "status"]
        before = snapshot(unit, fields)
        old_name = unit.name
        if name is not None:
            unit.name = stored_name(name)
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


def unit_row_movers() -> list[Callable[[Any, Unit, Unit], dict[str, int]]]:
    """The function of each installed app that moves its rows from one unit to another: the dotted
    path its ``AppConfig.unit_rows_mover`` names. An app whose rows name a unit declares one, so a
    merge leaves nothing behind (tests/web/test_unit_identity.py checks every foreign key)."""
    return [
        import_string(path)
        for config in apps.get_app_configs()
        if (path := getattr(config, "unit_rows_mover", None))
    ]


def move_unit_rows(user: Any, source: Unit, target: Unit) -> dict[str, int]:
    """The units app's own rows: aliases, the units below ``source`` and those merged into it.

    Each app's mover takes ``(user, source, target)``, runs inside the merge's transaction, may
    refuse with a ValidationError naming what cannot move, and answers how many rows of each
    ``app.Model.field`` it moved (every field it looks after, 0 when none)."""
    return {
        "units.UnitAlias.unit": UnitAlias.objects.filter(unit=source).update(unit=target),
        "units.Unit.parent": Unit.objects.filter(parent=source).exclude(pk=target.pk).update(parent=target),
        "units.Unit.merged_into": Unit.objects.filter(merged_into=source).update(merged_into=target),
    }


def do_merge_unit(user: Any, unit: Unit, into: Unit) -> Unit:
    """Merge ``unit`` (usually a proposed one, or the same body under another name) into ``into``:
    every app moves its rows that name ``unit`` (assignments, reports, contributions, extension
    requests, memberships, ratings, aliases…) to ``into``, and the merged name becomes an alias of
    ``into``. History records what moved. Returns ``into``."""
    can_merge_unit(user, unit).check_person()
    if unit.pk == into.pk:
        raise ValidationError({"merged_into": gettext("A unit cannot be merged into itself")})
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        into = Unit.objects.select_for_update().get(pk=into.pk)
        can_merge_unit(user, unit).check()
        if into.merged_into_id is not None:
            raise ValidationError(
                {
                    "merged_into": gettext("“%(unit)s” was itself merged; please choose an existing unit")
                    % {"unit": into.name}
                }
            )
        moved: dict[str, int] = {}
        for mover in unit_row_movers():
            moved.update(mover(user, unit, into))
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
            after={
                **snapshot(unit, ["merged_into", "status"]),
                "moved": {k: n for k, n in moved.items() if n},
            },
            note=f"合并到 {into.name}",
        )
    return into


def do_add_unit_alias(user: Any, unit: Unit, alias: str) -> UnitAlias:
    """Record another name of ``unit`` (the registry's 区科技局 for 区科技创新局), so documents naming it
    find the unit. Refused when the name is another unit's: merge that unit instead."""
    can_add_unit_alias(user, unit).check()
    clean = BLANKS_RE.sub("", alias or "")
    if not clean:
        raise ValidationError({"alias": gettext("The alias may not be empty")})
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        other = UnitDirectory(user).find(clean)
        if other is not None and other.pk != unit.pk:
            raise ValidationError(
                {
                    "alias": gettext(
                        "“%(name)s” is the name of the unit “%(other)s”: please merge it into “%(unit)s”"
                    )
                    % {"name": clean, "other": other.name, "unit": unit.name}
                }
            )
        if other is not None:
            raise ValidationError(
                {
                    "alias": gettext("“%(name)s” is already the name or an alias of “%(unit)s”")
                    % {"name": clean, "unit": unit.name}
                }
            )
        made = _add_alias(unit, clean)
        if made is None:
            raise ValidationError(
                {
                    "alias": gettext("“%(name)s” is already the name or an alias of “%(unit)s”")
                    % {"name": clean, "unit": unit.name}
                }
            )
        record(user, unit, "add_unit_alias", after={"alias": made.name})
    return made
