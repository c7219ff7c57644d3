"""The base of every app's access rules: the roles of the product, a user's role and unit (read
from their ``accounts.Membership``), and the :class:`Decision` the ``can_<verb>_<noun>(user, obj)``
functions answer with.

It sits in core so that every app, the unit registry included, decides on the same facts without
importing the apps above it; ``taizhang.accounts.access`` re-exports all of it (and adds the
administrator's reads of people).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

# Whom every access rule decides about: a signed-in user (the project's user model) or the anonymous
# visitor of a public page, as ``request.user`` is.
Person: TypeAlias = "AbstractBaseUser | AnonymousUser"

__all__ = [
    "Person",
    "Role",
    "UNIT_ROLES",
    "STEERING_ROLES",
    "READ_ALL_ROLES",
    "Decision",
    "ALLOWED",
    "refused",
    "refused_now",
    "missing",
    "role_of",
    "unit_id_of",
    "is_steering",
    "sees_everything",
    "require_steering",
    "require_unit_role",
    "steering_decision",
]


class Role(models.TextChoices):
    """The roles of the ledger (see docs/permissions.md for what each may do)."""

    ADMINISTRATOR = "administrator", _("Administrator")  # 系统管理员
    SUPERVISOR = "supervisor", _("Supervisor")  # 督查室
    UNIT_LEADER = "unit_leader", _("Unit leader")  # 单位负责人
    UNIT_OFFICER = "unit_officer", _("Unit officer")  # 单位联络员
    VIEWER = "viewer", _("Read-only")  # 只读 (district leadership)


# The roles that act for a unit: a person with one of them must belong to a unit.
UNIT_ROLES = frozenset({Role.UNIT_LEADER, Role.UNIT_OFFICER})


@dataclass(frozen=True)
class Decision:
    """Whether a person may take an action on an object now; falsy when not, with why.

    A refusal of the person (``field`` empty: not his role, not his unit) is raised as
    PermissionDenied; a refusal of the moment (``field`` set: the report is not submitted yet, the
    task lacks evidence) as a ValidationError naming the field. Templates test it as a boolean and
    may show ``reason``.
    """

    allowed: bool
    reason: str = ""
    field: str = ""
    missing: tuple[tuple[str, str], ...] = ()  # (field, what is missing) when several things are

    def __bool__(self) -> bool:
        return self.allowed

    def check(self) -> None:
        """Raise the refusal (PermissionDenied or ValidationError naming the field); nothing when allowed."""
        if self.allowed:
            return
        if self.missing:
            raise ValidationError({field: [reason] for field, reason in self.missing})
        if self.field:
            raise ValidationError({self.field: self.reason})
        raise PermissionDenied(self.reason)

    def check_person(self) -> None:
        """Raise PermissionDenied when the person may not act at all (a view's first check, before
        it reads a form); a refusal of the moment is left to the action and the form's errors."""
        if not self.allowed and not self.field and not self.missing:
            raise PermissionDenied(self.reason)


ALLOWED = Decision(True)


def refused(reason: str) -> Decision:
    """The person may not take this action at all (PermissionDenied)."""
    return Decision(False, reason)


def refused_now(field: str, reason: str) -> Decision:
    """The person could, but not in the object's present state (ValidationError naming ``field``)."""
    return Decision(False, reason, field)


def missing(items: list[tuple[str, str]], opening: str) -> Decision:
    """Refused until every (field, what) of ``items`` is there; allowed when none is missing."""
    if not items:
        return ALLOWED
    return Decision(False, opening + gettext("; ").join(what for _, what in items), items[0][0], tuple(items))


STEERING_ROLES = frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR})
READ_ALL_ROLES = frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR, Role.VIEWER})


def _membership(user: Person | None) -> Any:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return getattr(user, "membership")  # noqa: B009  (the reverse relation accounts.Membership adds)
    except ObjectDoesNotExist:  # no Membership row (accounts.models)
        return None


def role_of(user: Person | None) -> Role | None:
    """The user's role; a superuser without a membership is an administrator; else None."""
    membership = _membership(user)
    if membership is not None:
        return Role(membership.role)
    if (
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "is_superuser", False)
    ):
        return Role.ADMINISTRATOR
    return None


def unit_id_of(user: Person | None) -> int | None:
    """The id of the unit a unit leader or officer acts for, else None."""
    membership = _membership(user)
    if membership is None or membership.role not in UNIT_ROLES:
        return None
    return int(membership.unit_id) if membership.unit_id is not None else None


def is_steering(user: Person | None) -> bool:
    """Administrators and the supervisor (督查室) see and steer everything."""
    return role_of(user) in STEERING_ROLES


def sees_everything(user: Person | None) -> bool:
    """Administrators, the supervisor and read-only viewers read every policy, task and report."""
    return role_of(user) in READ_ALL_ROLES


def require_steering(user: Person | None, what: str) -> None:
    """Raise PermissionDenied unless the user is an administrator or the supervisor."""
    if not is_steering(user):
        raise PermissionDenied(gettext("Only the supervisor may %(action)s") % {"action": what})


def require_unit_role(user: Person | None, role: Role, unit_id: int | None, what: str) -> None:
    """Raise PermissionDenied unless the user has ``role`` in the unit ``unit_id``."""
    if role_of(user) != role or unit_id is None or unit_id_of(user) != unit_id:
        raise PermissionDenied(
            gettext("Only the unit's %(role)s may %(action)s")
            % {"role": str(role.label).lower(), "action": what}
        )


def steering_decision(user: Person | None, what: str) -> Decision:
    """Allowed for administrators and the supervisor; the others are refused, saying who may."""
    return (
        ALLOWED
        if is_steering(user)
        else refused(gettext("Only the supervisor may %(action)s") % {"action": what})
    )
