"""URLs of the accounts app: sign in and out, the profile page (API tokens, password), the
sign-in audit."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("token/", views.token_create, name="token"),
    path("token/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("logins/", views.login_events, name="login_events"),
]
