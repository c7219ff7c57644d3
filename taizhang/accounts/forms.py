"""Forms of the accounts app."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import LoginOutcome

__all__ = ["LoginForm", "ApiTokenForm", "LoginEventFilterForm"]

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
