"""URLs of the ledger's workbooks (.xlsx export, import and a unit's offline report workbook)."""

from __future__ import annotations

from django.urls import path

from . import workbook_views as views

app_name = "workbook"

urlpatterns = [
    path("", views.index, name="index"),
    path("export/", views.export_all, name="export"),
    path("export/policy/<int:pk>/", views.export_policy, name="export_policy"),
    path("import/", views.ledger_import, name="import"),
    path("import/confirm/", views.ledger_import_confirm, name="import_confirm"),
    path("unit/", views.unit_download, name="unit_download"),
    path("unit/<int:pk>/", views.unit_download, name="unit_download_for"),
    path("unit/upload/", views.unit_upload, name="unit_upload"),
    path("unit/upload/confirm/", views.unit_upload_confirm, name="unit_confirm"),
]
