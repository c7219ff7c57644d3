"""URLs of the ledger app: the overview, tasks, reports, extensions and the inbox."""

from __future__ import annotations

from django.urls import path

from . import collective_views, views

app_name = "ledger"

urlpatterns = [
    path("", views.home, name="home"),
    path("inbox/", views.inbox, name="inbox"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/acknowledge/", views.task_acknowledge, name="task_acknowledge"),
    path("tasks/<int:pk>/return/", views.task_return, name="task_return"),
    path("tasks/<int:pk>/extension/", views.extension_request, name="extension_request"),
    path("tasks/<int:pk>/close/", views.task_close, name="task_close"),
    path("tasks/<int:pk>/reports/new/", views.report_create, name="report_create"),
    path("extensions/<int:pk>/decide/", views.extension_decide, name="extension_decide"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/approve/", views.report_approve, name="report_approve"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("reports/<int:pk>/return/", views.report_return_to_officer, name="report_return_to_officer"),
    path("reports/<int:pk>/contribute/", views.report_contribute, name="report_contribute"),
    path("reports/<int:pk>/attach/", views.report_attach, name="report_attach"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
    path("collectives/<int:pk>/expand/", collective_views.collective_expand, name="collective_expand"),
]
