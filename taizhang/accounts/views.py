"""Sign in, sign out, and the profile page where a person sees his role and his API token."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from taizhang.accounts.access import role_of
from taizhang.core.history import record

from .forms import LoginForm

__all__ = ["LoginView", "LogoutView", "profile", "token_regenerate"]


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Sign out; POST only (Django refuses GET), then back to the sign-in page."""


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in person's role, unit and API token."""
    role = role_of(request.user)
    token = Token.objects.filter(user=request.user).first()
    unit = getattr(getattr(request.user, "membership", None), "unit", None) if role else None
    return render(request, "registration/profile.html", {"role": role, "unit": unit, "token": token})


@login_required
@require_POST
def token_regenerate(request: HttpRequest) -> HttpResponse:
    """Create the person's API token, or replace it (the old one stops working at once)."""
    with transaction.atomic():
        old = Token.objects.filter(user=request.user).first()
        if old is not None:
            old.delete()
        Token.objects.create(user=request.user)
        record(request.user, request.user, "regenerate_token" if old else "create_token")
    messages.success(
        request,
        _t("A new API token was created; the previous one no longer works.")
        if old
        else _t("Your API token was created."),
    )
    return redirect("accounts:profile")
