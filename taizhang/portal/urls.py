"""URLs of the portal app (at /public/): public pages without login, and the settings page."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("policies/<int:policy_id>/", views.policy_detail, name="policy"),
    path("bluebook.pdf", views.bluebook, name="bluebook"),
    path("manage/", views.manage, name="manage"),
    path("manage/<int:policy_id>/", views.manage_policy, name="manage_policy"),
]
