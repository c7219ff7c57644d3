"""Forms of the accounts app."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import LoginOutcome, Role

__all__ = [
    "LoginForm",
    "ApiTokenForm",
    "LoginEventFilterForm",
    "UserFilterForm",
    "PersonForm",
    "NewPersonForm",
    "UserImportForm",
    "UserImportConfirmForm",
    "ForgotPasswordForm",
    "USER_STATUSES",
]

USER_STATUSES = [
    ("active", _("Active")),
    ("invited", _("Invited, no password yet")),
    ("locked", _("Locked out")),
    ("inactive", _("Deactivated")),
]


def _unit_field(required: bool = False) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    from taizhang.units.models import Unit, UnitStatus

    return forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.filter(status=UnitStatus.CONFIRMED, merged_into=None).order_by("name"),
        required=required,
        empty_label=_("(no unit)"),
    )


TOKEN_DAYS = (30, 90, 180, 365)


class LoginForm(AuthenticationForm):
    """Django's sign-in form with the labels of our interface."""

    username = forms.CharField(
        label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Wrong username or password."),
        "inactive": _("This account is inactive."),
    }


class ApiTokenForm(forms.Form):
    """A new API token: a name to recognise it by and how long it stays valid."""

    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[(d, _("%(days)s days") % {"days": d}) for d in TOKEN_DAYS],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        default = settings.TAIZHANG_API_TOKEN_DAYS
        self.fields["days"].initial = default if default in TOKEN_DAYS else TOKEN_DAYS[1]


class LoginEventFilterForm(forms.Form):
    """The sign-in audit's filters."""

    username = forms.CharField(label=_("Username"), max_length=150, required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", _("All outcomes")), *LoginOutcome.choices]
    )


class UserFilterForm(forms.Form):
    """The user list's search and filters."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)  # type: ignore[arg-type]
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["q"].widget.attrs.update(
            {"placeholder": _("Name, username, e-mail or mobile"), "type": "search"}
        )
        self.fields["role"].choices = [("", _("All roles")), *Role.choices]  # type: ignore[attr-defined]
        unit = _unit_field()
        unit.empty_label = _("All units")
        self.fields["unit"] = unit
        self.fields["status"].choices = [("", _("All statuses")), *USER_STATUSES]  # type: ignore[attr-defined]
        for name in ("role", "unit", "status"):
            self.fields[name].widget.attrs["data-autosubmit"] = ""


class PersonForm(forms.Form):
    """A person's name, e-mail, mobile, role and unit, as the administrator edits them."""

    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(label=_("Mobile"), max_length=30, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)  # type: ignore[arg-type]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"] = _unit_field()
        self.fields["unit"].help_text = _(
            "Required for a unit leader or a unit officer: the unit they act for."
        )
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})


class NewPersonForm(PersonForm):
    """A new person: a username besides, and whether to e-mail the invitation now."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("What they sign in with: letters, digits and @ . + - _; it cannot be changed later."),
    )
    invite = forms.BooleanField(label=_("E-mail the invitation now"), required=False, initial=True)
    field_order = ["name", "username", "email", "phone", "role", "unit", "invite"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.order_fields(self.field_order)


class UserImportForm(forms.Form):
    """The .xlsx list of people to preview."""

    file = forms.FileField(label=_("List of people (.xlsx)"))


class UserImportConfirmForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)


class ForgotPasswordForm(forms.Form):
    """The e-mail address of a person who forgot their password."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "autofocus": True})
