"""URLs of the policies app: list, import, review (with its inline edits), publish, detail, and the
structure of a published policy (tasks added, split, merged; measures; report cadence)."""

from __future__ import annotations

from django.urls import path

from . import policy_structure_views as structure_views
from . import policy_views as views

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
    path("<int:pk>/tasks/new/", structure_views.task_new, name="task_new"),
    path("<int:pk>/tasks/merge/", structure_views.tasks_merge, name="tasks_merge"),
    path("<int:pk>/tasks/<int:task_pk>/split/", structure_views.task_split, name="task_split"),
    path("<int:pk>/measures/new/", structure_views.measure_new, name="measure_new"),
    path("<int:pk>/cadence/", structure_views.policy_cadence, name="cadence"),
]
