"""Sign in and out, the profile page (role, API tokens, password), the sign-in audit, and the pages
of the links e-mailed to people: set one's first password from an invitation, ask for a password
reset on the sign-in page and set a new one from the link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.accounts.access import role_of, visible_api_tokens, visible_login_events
from taizhang.core.history import record

from . import mail
from .actions import (
    do_create_api_token,
    do_request_password_reset,
    do_revoke_api_token,
    do_set_password_from_link,
)
from .forms import ApiTokenForm, ForgotPasswordForm, LoginEventFilterForm, LoginForm

__all__ = [
    "LoginView",
    "LogoutView",
    "PasswordChangeView",
    "profile",
    "token_create",
    "token_revoke",
    "login_events",
    "InvitationView",
    "ResetView",
    "forgot_password",
    "forgot_password_sent",
    "password_set",
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


class ChoosePasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """Django's set-password form (every password validator applies) with our labels."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")


class InvitationView(auth_views.PasswordResetConfirmView):
    """An invitation link: the person chooses their first password. The link works once and for
    ``TAIZHANG_INVITATION_DAYS`` days; a deactivated account's link does not work."""

    kind = mail.INVITATION
    token_generator = mail.invitation_tokens
    form_class = ChoosePasswordForm
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:password_set")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(kind=self.kind, person=self.user if self.validlink else None)
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            do_set_password_from_link(self.user, form.cleaned_data["new_password1"], self.kind)
        except ValidationError as exc:
            form.add_error("new_password2", exc)
            return self.form_invalid(form)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class ResetView(InvitationView):
    """A password reset link: the person chooses a new password. The link works once and for
    ``TAIZHANG_PASSWORD_RESET_HOURS`` hours."""

    kind = mail.RESET
    token_generator = mail.reset_tokens


@require_http_methods(["GET", "POST"])
def forgot_password(request: HttpRequest) -> HttpResponse:
    """Ask for a password reset by e-mail address; the answer is the same whether or not the
    address is known, so the page reveals nobody's address."""
    form = ForgotPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        from axes.helpers import get_client_ip_address

        do_request_password_reset(
            form.cleaned_data["email"],
            site=mail.site_url(request),
            language=get_language(),
            address=get_client_ip_address(request) or "",
        )
        return redirect("accounts:forgot_password_sent")
    return render(
        request,
        "accounts/forgot_password.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def forgot_password_sent(request: HttpRequest) -> HttpResponse:
    """What happens next, after asking for a reset."""
    return render(
        request, "accounts/forgot_password_sent.html", {"hours": settings.TAIZHANG_PASSWORD_RESET_HOURS}
    )


def password_set(request: HttpRequest) -> HttpResponse:
    """The password is set: sign in with it."""
    return render(request, "accounts/password_set.html")
