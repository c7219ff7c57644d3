"""Sign in and out, the profile page (role, API tokens, password) and the sign-in audit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST

from taizhang.accounts.access import role_of, visible_api_tokens, visible_login_events
from taizhang.core.history import record

from .actions import do_create_api_token, do_revoke_api_token
from .forms import ApiTokenForm, LoginEventFilterForm, LoginForm

__all__ = [
    "LoginView",
    "LogoutView",
    "PasswordChangeView",
    "profile",
    "token_create",
    "token_revoke",
    "login_events",
]

AUDIT_ROWS = 500


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Sign out; POST only (Django refuses GET), then back to the sign-in page."""


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password: the old one, then a new one that passes every password validator."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record(self.request.user, self.request.user, "change_password")
        messages.success(self.request, _t("Your password was changed."))
        return response


def _profile(request: HttpRequest, form: ApiTokenForm, new_key: str = "", status: int = 200) -> HttpResponse:
    role = role_of(request.user)
    unit = getattr(getattr(request.user, "membership", None), "unit", None) if role else None
    return render(
        request,
        "registration/profile.html",
        {
            "role": role,
            "unit": unit,
            "tokens": visible_api_tokens(request.user),
            "form": form,
            "new_key": new_key,
        },
        status=status,
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in person's role, unit, API tokens and the link to change the password."""
    return _profile(request, ApiTokenForm())


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Make an API token and show its key this once (it is stored only as a digest)."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _profile(request, form, status=400)
    token, key = do_create_api_token(
        request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
    )
    messages.success(request, _t("Your API token was created. Copy it now: it will not be shown again."))
    return _profile(request, ApiTokenForm(), new_key=key)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of one's own tokens; it stops working at once."""
    token = visible_api_tokens(request.user).filter(pk=pk).first()
    if token is None:
        raise Http404
    do_revoke_api_token(request.user, token)
    messages.success(request, _t("The API token was revoked; it no longer works."))
    return redirect("accounts:profile")


@login_required
def login_events(request: HttpRequest) -> HttpResponse:
    """The sign-in audit (登录日志): the latest sign-ins, failures, lock-outs and sign-outs."""
    events = visible_login_events(request.user)
    form = LoginEventFilterForm(request.GET or None)
    if form.is_valid():
        if form.cleaned_data["username"]:
            events = events.filter(username=form.cleaned_data["username"])
        if form.cleaned_data["outcome"]:
            events = events.filter(outcome=form.cleaned_data["outcome"])
    return render(
        request,
        "registration/login_events.html",
        {"events": events[:AUDIT_ROWS], "form": form, "limit": AUDIT_ROWS},
    )
