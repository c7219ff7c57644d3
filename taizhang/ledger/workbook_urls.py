"""URLs of the ledger's workbooks (.xlsx export, import and a unit's offline report workbook)."""

from __future__ import annotations

app_name = "workbook"

urlpatterns: list = []
