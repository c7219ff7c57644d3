"""URLs of the units app: the list, a unit's page, confirm and merge."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "units"

urlpatterns = [
    path("", views.unit_list, name="list"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/confirm/", views.unit_confirm, name="confirm"),
    path("<int:pk>/merge/", views.unit_merge, name="merge"),
    path("<int:pk>/aliases/", views.unit_alias, name="alias"),
]
