"""URLs of supervision (督办): a task's supervision, work queues, judgements, rules and notices."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("queues/", views.queues, name="queues"),
    path("missing/", views.missing_information, name="missing"),
    path("tasks/<int:pk>/correct/", views.task_correct, name="task_correct"),
    path("disagreements/", views.disagreements, name="disagreements"),
    path("rules/", views.rules_help, name="rules"),
    path("rules/<int:pk>/", views.rules_save, name="rules_save"),
    path("notices/", views.notices, name="notices"),
    path("notices/read/", views.notices_read_all, name="notices_read_all"),
    path("notices/<int:pk>/read/", views.notice_read, name="notice_read"),
    path("tasks/<int:pk>/", views.task_supervision, name="task"),
    path("tasks/<int:pk>/judge/", views.task_judge, name="task_judge"),
    path("tasks/<int:pk>/notices/", views.notice_issue, name="notice_issue"),
    path("supervision-notices/<int:pk>/answer/", views.notice_answer, name="notice_answer"),
    path("supervision-notices/<int:pk>/close/", views.notice_close, name="notice_close"),
]
