"""URLs of the REST API: the router's resources, a token for a username and password, the schema."""

from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views
from .schema import SchemaView

app_name = "api"

router = DefaultRouter()
router.include_root_view = False
router.register("policies", views.PolicyViewSet, basename="policy")
router.register("measures", views.MeasureViewSet, basename="measure")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("units", views.UnitViewSet, basename="unit")
router.register("reports", views.ReportViewSet, basename="report")
router.register("extensions", views.ExtensionRequestViewSet, basename="extension")
router.register("jobs", views.JobViewSet, basename="job")

urlpatterns = [
    path("token/", views.TokenView.as_view(), name="token"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("", include(router.urls)),
]
