"""URLs of monitoring: dashboards, scorecards, indicators."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("unit/", views.unit_dashboard, name="unit"),
    path("scorecards/", views.scorecards, name="scorecards"),
    path("scorecards/export.xlsx", views.scorecards_export, name="scorecards_export"),
    path("scorecards/settings/", views.scoring_settings, name="scoring_settings"),
    path("scorecards/<int:unit_id>/", views.scorecard_breakdown, name="breakdown"),
    path("indicators/", views.indicator_index, name="indicator_index"),
    path("policies/<int:policy_id>/indicators/", views.policy_indicators, name="policy_indicators"),
    path("indicators/<int:indicator_id>/", views.indicator_detail, name="indicator"),
]
