"""URLs of the bulletins app."""

from __future__ import annotations

app_name = "bulletins"

urlpatterns: list = []
