"""URLs of monitoring: dashboards, scorecards, indicators."""

from __future__ import annotations

app_name = "monitoring"

urlpatterns: list = []
