"""URLs of the policies app: list, import, review (with its inline edits), publish, detail."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "policies"

urlpatterns = [
    path("", views.policy_list, name="list"),
    path("import/", views.policy_import, name="import"),
    path("<int:pk>/", views.policy_detail, name="detail"),
    path("<int:pk>/review/", views.policy_review, name="review"),
    path("<int:pk>/review/tasks/add/", views.review_task_add, name="review_task_add"),
    path("<int:pk>/review/tasks/<int:task_pk>/", views.review_task_save, name="review_task_save"),
    path("<int:pk>/review/tasks/<int:task_pk>/delete/", views.review_task_delete, name="review_task_delete"),
    path("<int:pk>/review/metrics/<int:metric_pk>/", views.review_metric_save, name="review_metric_save"),
    path("<int:pk>/publish/", views.policy_publish, name="publish"),
]
