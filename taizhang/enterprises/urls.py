"""URLs of the enterprise services (at /enterprises/)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/accounts/", views.account_create, name="account_create"),
    path("import/", views.import_registry, name="import"),
    path("import/progress/", views.import_progress, name="import_progress"),
    path("benefits/", views.benefits, name="benefits"),
    path("benefits/new/", views.benefit_new, name="benefit_new"),
    path("benefits/<int:pk>/", views.benefit_detail, name="benefit"),
    path("benefits/<int:pk>/rules/", views.benefit_rules, name="benefit_rules"),
    path("benefits/<int:pk>/lists/", views.benefit_generate, name="benefit_generate"),
    path("benefits/<int:pk>/progress/", views.benefit_progress, name="benefit_progress"),
    path("lists/<int:pk>/", views.list_detail, name="list"),
    path("lists/<int:pk>/review/", views.list_review, name="list_review"),
    path("lists/<int:pk>/notice/", views.list_notice, name="list_notice"),
    path("lists/<int:pk>/close/", views.list_close, name="list_close"),
    path("decisions/<int:pk>/exclude/", views.decision_exclude, name="decision_exclude"),
    path("decisions/<int:pk>/payout/", views.decision_payout, name="decision_payout"),
    path("decisions/<int:pk>/confirm/", views.decision_confirm, name="decision_confirm"),
    path("objections/<int:pk>/decide/", views.objection_decide, name="objection_decide"),
    path("calculator/", views.calculator, name="calculator"),
    path("hk/", views.hk_zone, name="hk"),
    path("hk/news/new/", views.news_edit, name="news_new"),
    path("hk/news/<int:pk>/", views.news_edit, name="news_edit"),
    path("hk/services/new/", views.service_edit, name="service_new"),
    path("hk/services/<int:pk>/", views.service_edit, name="service_edit"),
]
