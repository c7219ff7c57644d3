"""The enterprise services' public pages, under /public/ beside the portal's: the Hong Kong
enterprise zone and the lists on public notice (公示) with their objection form."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "enterprises_public"

urlpatterns = [
    path("hk/", views.public_hk, name="hk"),
    path("notices/", views.public_notices, name="notices"),
    path("notices/<int:pk>/objection/", views.public_objection, name="objection"),
]
