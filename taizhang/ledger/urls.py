"""URLs of the ledger app."""

from __future__ import annotations

app_name = "ledger"

urlpatterns: list = []
