"""URLs of the bulletins app (at /bulletins/)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "bulletins"

urlpatterns = [
    path("", views.bulletin_list, name="list"),
    path("generate/", views.generate, name="generate"),
    path("<int:bulletin_id>/issue/", views.issue, name="issue"),
    path("<int:bulletin_id>/<str:kind>/", views.download, name="download"),
]
