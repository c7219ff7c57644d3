"""URLs of the accounts app: sign in and out, the profile page (API tokens, password), the
sign-in audit, the links e-mailed to people, and user administration (``users/``)."""

from __future__ import annotations

from django.urls import path

from . import user_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("token/", views.token_create, name="token"),
    path("token/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("logins/", views.login_events, name="login_events"),
    path("invitation/<uidb64>/<token>/", views.InvitationView.as_view(), name="invitation"),
    path("password/forgot/", views.forgot_password, name="forgot_password"),
    path("password/forgot/sent/", views.forgot_password_sent, name="forgot_password_sent"),
    path("password/reset/<uidb64>/<token>/", views.ResetView.as_view(), name="reset_confirm"),
    path("password/set/", views.password_set, name="password_set"),
    path("users/", user_views.user_list, name="users"),
    path("users/new/", user_views.user_create, name="user_create"),
    path("users/import/", user_views.user_import, name="user_import"),
    path("users/import/confirm/", user_views.user_import_confirm, name="user_import_confirm"),
    path("users/import/template.xlsx", user_views.user_import_template, name="user_import_template"),
    path("users/history/", user_views.user_history, name="user_history"),
    path("users/<int:pk>/", user_views.user_detail, name="user_detail"),
    path("users/<int:pk>/edit/", user_views.user_edit, name="user_edit"),
    path("users/<int:pk>/deactivate/", user_views.user_deactivate, name="user_deactivate"),
    path("users/<int:pk>/reactivate/", user_views.user_reactivate, name="user_reactivate"),
    path("users/<int:pk>/invite/", user_views.user_invite, name="user_invite"),
    path("users/<int:pk>/reset/", user_views.user_reset, name="user_reset"),
    path("users/<int:pk>/unlock/", user_views.user_unlock, name="user_unlock"),
]
