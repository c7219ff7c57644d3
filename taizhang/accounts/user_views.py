"""User administration pages (用户管理), for the administrator only: the list of people, a person's
page with their history and open work, create and edit, deactivate and reactivate, invitation,
password reset and unlock, the .xlsx import with its preview, and the history of it all.

Views parse, access (``access.require_administrator`` through the ``access_*`` functions), act
(``actions.do_*``) and render; anyone else gets 403 on every page here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from taizhang.core.concurrency import ConcurrentEditError
from taizhang.core.forms import apply_errors

from . import actions as A
from .access import (
    access_user,
    open_work,
    require_administrator,
    visible_user_history,
    visible_users,
)
from .forms import NewPersonForm, PersonForm, UserFilterForm, UserImportConfirmForm, UserImportForm
from .lockout import Lockout, lockouts
from .mail import site_url
from .models import Membership, Role, UserImport
from .userimport import COLUMNS, template_workbook

__all__ = [
    "user_list",
    "user_detail",
    "user_create",
    "user_edit",
    "user_deactivate",
    "user_reactivate",
    "user_invite",
    "user_reset",
    "user_unlock",
    "user_import",
    "user_import_confirm",
    "user_import_template",
    "user_history",
    "describe_entry",
]

PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 100

ACTION_LABELS = {
    "create_user": _("Account opened"),
    "update_user": _("Account changed"),
    "deactivate_user": _("Deactivated"),
    "reactivate_user": _("Reactivated"),
    "unlock_user": _("Sign-in lock-out lifted"),
    "send_invitation": _("Invitation e-mailed"),
    "send_password_reset": _("Password reset e-mailed"),
    "request_password_reset": _("Password reset asked for on the sign-in page"),
    "accept_invitation": _("Password set from the invitation"),
    "reset_password": _("Password set from a reset link"),
    "change_password": _("Password changed"),
    "email_failed": _("E-mail could not be sent"),
    "import_users": _("People imported from a file"),
    "create_api_token": _("API token created"),
    "revoke_api_token": _("API token revoked"),
}
FIELD_LABELS = {
    "username": _("Username"),
    "name": _("Full name"),
    "email": _("E-mail"),
    "phone": _("Mobile"),
    "role": _("Role"),
    "unit": _("Unit"),
    "is_active": _("Can sign in"),
    "tokens_revoked": _("API tokens revoked"),
    "attempts_cleared": _("Failed attempts cleared"),
    "locked_from": _("Locked out from"),
    "file": _("File"),
    "count": _("People"),
    "kind": _("Kind"),
    "prefix": _("Token"),
    "expires_at": _("Expires"),
    "revoked_at": _("Revoked"),
}


@dataclass(frozen=True)
class PersonView:
    """A person as the pages show them."""

    user: Any
    role: Role | None
    unit: Any
    phone: str
    version: int
    lockout: Lockout | None

    @property
    def invited(self) -> bool:
        return bool(self.user.is_active and not self.user.has_usable_password())


def _person(user: Any, locked: dict[str, Lockout]) -> PersonView:
    try:
        membership: Membership | None = user.membership
    except Membership.DoesNotExist:
        membership = None
    if membership is not None:
        role: Role | None = Role(membership.role)
    else:
        role = Role.ADMINISTRATOR if user.is_superuser else None
    return PersonView(
        user=user,
        role=role,
        unit=membership.unit if membership else None,
        phone=membership.phone if membership else "",
        version=membership.version if membership else 0,
        lockout=locked.get(user.get_username()),
    )


def _filtered(people: QuerySet[Any], form: UserFilterForm, locked: dict[str, Lockout]) -> QuerySet[Any]:
    if not form.is_valid():
        return people
    data = form.cleaned_data
    if data["q"]:
        q = data["q"].strip()
        people = people.filter(
            Q(username__icontains=q)
            | Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
            | Q(membership__phone__icontains=q)
        )
    if data["role"] == Role.ADMINISTRATOR:
        people = people.filter(Q(membership__role=data["role"]) | Q(is_superuser=True, membership=None))
    elif data["role"]:
        people = people.filter(membership__role=data["role"])
    if data["unit"]:
        people = people.filter(membership__unit=data["unit"])
    status = data["status"]
    if status == "active":
        people = people.filter(is_active=True).exclude(password__startswith="!")
    elif status == "invited":
        people = people.filter(is_active=True, password__startswith="!")
    elif status == "inactive":
        people = people.filter(is_active=False)
    elif status == "locked":
        people = people.filter(username__in=list(locked))
    return people


@login_required
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    """Everyone with an account: search by name, username, e-mail or mobile; filter by role, unit
    and status; 50 a page."""
    everyone = visible_users(request.user)
    locked = lockouts()
    form = UserFilterForm(request.GET or None)
    people = _filtered(everyone, form, locked).order_by("username")
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = everyone.aggregate(
        total=Count("pk"),
        inactive=Count("pk", filter=Q(is_active=False)),
        invited=Count("pk", filter=Q(is_active=True, password__startswith="!")),
    )
    query = urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])
    return render(
        request,
        "accounts/user_list.html",
        {
            "form": form,
            "page": page,
            "rows": [_person(user, locked) for user in page.object_list],
            "counts": counts,
            "locked_count": len(locked),
            "query": query,
        },
    )


def _history_rows(entries: list[Any]) -> list[dict[str, Any]]:
    from django.contrib.auth import get_user_model

    from taizhang.units.models import Unit

    unit_ids: set[int] = set()
    user_ids: set[int] = set()
    for entry in entries:
        for values in (entry.before, entry.after):
            if isinstance(values.get("unit"), int):
                unit_ids.add(values["unit"])
        if entry.object_type == "auth.user":
            user_ids.add(entry.object_id)
    units = {u.pk: u.name for u in Unit.objects.filter(pk__in=unit_ids)}
    users = get_user_model()._default_manager.in_bulk(user_ids)
    return [describe_entry(entry, units, users) for entry in entries]


def _value(field: str, value: Any, units: dict[int, str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field == "role" and value in Role.values:
        return str(Role(value).label)
    if field == "unit" and isinstance(value, int):
        return units.get(value, f"#{value}")
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def describe_entry(entry: Any, units: dict[int, str], users: dict[int, Any]) -> dict[str, Any]:
    """One history row as the pages show it: who, when, what, on whom, and each value changed."""
    fields = [f for f in [*entry.before, *entry.after] if f != "users"]
    changes = []
    for field in dict.fromkeys(fields):
        changes.append(
            {
                "label": FIELD_LABELS.get(field, field),
                "before": _value(field, entry.before.get(field), units) if field in entry.before else None,
                "after": _value(field, entry.after.get(field), units) if field in entry.after else None,
            }
        )
    return {
        "entry": entry,
        "action": ACTION_LABELS.get(entry.action, entry.action),
        "person": users.get(entry.object_id) if entry.object_type == "auth.user" else None,
        "changes": changes,
    }


@login_required
@require_GET
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A person: their account, status, lock-out, open work and history."""
    user = access_user(request.user, pk)
    person = _person(user, lockouts([user.get_username()]))
    history = list(visible_user_history(request.user, user)[:HISTORY_PAGE_SIZE])
    return render(
        request,
        "accounts/user_detail.html",
        {
            "person": person,
            "work": open_work(request.user, user),
            "history": _history_rows(history),
            "is_self": user.pk == request.user.pk,
        },
    )


def _apply(form: Any, exc: ValidationError) -> None:
    """An action's errors on the form; those about the person as a whole as form errors."""
    if hasattr(exc, "error_dict") and "user" in exc.error_dict:
        form.add_error(None, exc.error_dict["user"])
        return
    apply_errors(form, exc)


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    """Create a person and e-mail them the invitation to set their password."""
    require_administrator(request.user)
    initial = {"role": request.GET.get("role", ""), "unit": request.GET.get("unit") or None}
    form = NewPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = A.do_create_user(
                request.user,
                username=data["username"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                role=data["role"],
                unit=data["unit"],
                invite=data["invite"],
                site=site_url(request),
            )
        except ValidationError as exc:
            _apply(form, exc)
        else:
            if data["invite"]:
                messages.success(
                    request,
                    _t("%(name)s was created; the invitation was e-mailed to %(email)s.")
                    % {"name": user.first_name, "email": user.email},
                )
            else:
                messages.success(
                    request,
                    _t("%(name)s was created. They can sign in once you send the invitation.")
                    % {"name": user.first_name},
                )
            return redirect("accounts:user_detail", user.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/user_form.html", {"form": form, "person": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a person's name, e-mail, mobile, role and unit (the username stays)."""
    user = access_user(request.user, pk)
    person = _person(user, {})
    initial = {
        "name": user.first_name,
        "email": user.email,
        "phone": person.phone,
        "role": person.role.value if person.role else "",
        "unit": person.unit,
        "version": person.version,
    }
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            A.do_update_user(
                request.user,
                user,
                seen_version=data["version"] or 0,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                role=data["role"],
                unit=data["unit"],
            )
        except ValidationError as exc:
            _apply(form, exc)
        except ConcurrentEditError as exc:
            form.add_error(
                None,
                _t(
                    "Someone else saved this person in the meantime. Your changes were not saved: check them and save again."
                ),
            )
            data = form.data.copy()
            data["version"] = str(exc.current.get("version", ""))
            form.data = data
        else:
            messages.success(request, _t("The changes to %(name)s were saved.") % {"name": data["name"]})
            return redirect("accounts:user_detail", user.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/user_form.html", {"form": form, "person": person}, status=status)


def _act(request: HttpRequest, pk: int, run: Any, done: str) -> HttpResponse:
    user = access_user(request.user, pk)
    try:
        run(user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done % {"name": user.get_full_name() or user.get_username()})
    return redirect("accounts:user_detail", user.pk)


@login_required
@require_http_methods(["GET", "POST"])
def user_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, showing the person's open work, then deactivate them."""
    if request.method == "POST":
        return _act(
            request,
            pk,
            lambda user: A.do_deactivate_user(request.user, user),
            _t("%(name)s was deactivated: they can no longer sign in. Their history stays."),
        )
    user = access_user(request.user, pk)
    return render(
        request,
        "accounts/user_deactivate.html",
        {
            "person": _person(user, {}),
            "work": open_work(request.user, user),
            "is_self": user.pk == request.user.pk,
        },
    )


@login_required
@require_POST
def user_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, lambda user: A.do_reactivate_user(request.user, user), _t("%(name)s can sign in again.")
    )


@login_required
@require_POST
def user_invite(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda user: A.do_send_invitation(request.user, user, site=site_url(request)),
        _t("A new invitation was e-mailed to %(name)s; the links sent before no longer work."),
    )


@login_required
@require_POST
def user_reset(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda user: A.do_send_password_reset(request.user, user, site=site_url(request)),
        _t("A link to choose a new password was e-mailed to %(name)s."),
    )


@login_required
@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda user: A.do_unlock_user(request.user, user),
        _t("%(name)s may sign in again right away."),
    )


def _import_page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("form", UserImportForm())
    context["columns"] = [names[0] for names in COLUMNS.values()]
    return render(request, "accounts/user_import.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def user_import(request: HttpRequest) -> HttpResponse:
    """Upload a list of people (.xlsx): every row is checked and shown; nothing is created yet."""
    require_administrator(request.user)
    if request.method != "POST":
        return _import_page(request, {})
    form = UserImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, {"form": form}, status=400)
    upload = form.cleaned_data["file"]
    try:
        plan = A.do_preview_user_import(request.user, file_name=upload.name, data=upload.read())
    except ValidationError as exc:
        apply_errors(form, exc)
        return _import_page(request, {"form": form}, status=400)
    context = {"form": form, "plan": plan}
    if plan.accepted:
        context["confirm"] = UserImportConfirmForm(initial={"token": plan.token})
    return _import_page(request, context, status=200 if plan.accepted else 400)


@login_required
@require_POST
def user_import_confirm(request: HttpRequest) -> HttpResponse:
    """Create the people previewed and e-mail their invitations; a second confirmation of the same
    preview creates nobody and goes back to the list."""
    require_administrator(request.user)
    form = UserImportConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    try:
        created = A.do_confirm_user_import(request.user, token, site=site_url(request))
    except A.ImportRowsError as exc:
        return _import_page(request, {"row_errors": exc.row_errors}, status=400)
    except ValidationError as exc:
        if (
            token
            and UserImport.objects.filter(token=token, created_by=request.user)
            .exclude(confirmed_at=None)
            .exists()
        ):
            messages.info(request, _t("This list was already imported."))
            return redirect("accounts:users")
        return _import_page(request, {"expired": exc.messages}, status=400)
    messages.success(
        request,
        _t("%(count)d people were created; each was e-mailed an invitation.") % {"count": len(created)},
    )
    return redirect("accounts:users")


@login_required
@require_GET
def user_import_template(request: HttpRequest) -> HttpResponse:
    """An empty list to fill in, with the confirmed units and the roles as drop-down lists."""
    from taizhang.extract.sheets import XLSX_CONTENT_TYPE
    from taizhang.units.models import Unit, UnitStatus

    require_administrator(request.user)
    names = list(
        Unit.objects.filter(status=UnitStatus.CONFIRMED, merged_into=None)
        .order_by("name")
        .values_list("name", flat=True)
    )
    response = HttpResponse(template_workbook(names), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote('用户导入模板.xlsx')}"
    return response


@login_required
@require_GET
def user_history(request: HttpRequest) -> HttpResponse:
    """Every change to people, newest first, 100 a page."""
    entries = visible_user_history(request.user)
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/user_history.html",
        {"page": page, "history": _history_rows(list(page.object_list))},
    )
