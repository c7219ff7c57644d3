"""API endpoints: parse, access, act, answer; the same ``access_*`` and ``do_*`` as the web pages.

Lists come from ``visible_to(user)`` (or the equivalent ``visible_*`` of an app), single rows from
``access_*``, and every write from a ``do_*`` action, so no endpoint can skip a permission check
or the history. Refusals are translated by :func:`taizhang.api.permissions.api_exception_handler`.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _t
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework import serializers as drf_serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.decorators import action
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from taizhang.accounts.access import role_of, sees_everything, unit_id_of
from taizhang.accounts.actions import do_create_api_token
from taizhang.core.models import HistoryEntry
from taizhang.jobs.access import access_job, visible_jobs
from taizhang.jobs.actions import start_job
from taizhang.jobs.models import JobKind
from taizhang.ledger import actions as ledger_actions
from taizhang.ledger.access import (
    access_extension,
    access_policy,
    access_report,
    access_task,
    visible_history,
    visible_policies,
    visible_reports,
    visible_tasks,
)
from taizhang.ledger.colours import colour_filter, due_by_q, schedule_filter
from taizhang.ledger.models import (
    ExtensionRequest,
    ProgressReport,
    Task,
    TaskAssignment,
)
from taizhang.ledger.policy_actions import DuplicateDocument, do_publish_policy, find_duplicate
from taizhang.policies.access import can_import_policy
from taizhang.policies.models import Measure, Policy
from taizhang.units.access import access_unit
from taizhang.units.actions import do_confirm_unit, do_merge_unit
from taizhang.units.models import Unit, UnitAlias

from . import serializers as s
from .permissions import HasLedgerRole, api_exception_handler

__all__ = [
    "TokenView",
    "PolicyViewSet",
    "MeasureViewSet",
    "TaskViewSet",
    "UnitViewSet",
    "ReportViewSet",
    "ExtensionRequestViewSet",
    "visible_extensions",
]

# Offsets past this are refused rather than sent to the database (SQLite overflows at 2**63).
MAX_OFFSET = 10**9

ERRORS = {
    400: OpenApiResponse(description="Malformed input; the messages are keyed by field."),
    403: OpenApiResponse(description="The user may read this but not do this."),
    404: OpenApiResponse(description="No such row, or one the user may not read."),
}
CONFLICT = {
    409: OpenApiResponse(description="Someone saved since it was read; `current` holds their values.")
}


class Pagination(LimitOffsetPagination):
    """limit/offset pages of 50 rows (at most 500), refusing absurd offsets with a 400."""

    default_limit = 50
    max_limit = 500

    def get_offset(self, request: Request) -> int:
        offset = super().get_offset(request)
        if offset > MAX_OFFSET:
            raise drf_serializers.ValidationError(
                {self.offset_query_param: gettext("May not be more than %(max)s") % {"max": MAX_OFFSET}}
            )
        return offset


def visible_extensions(queryset: QuerySet[ExtensionRequest], user: Any) -> QuerySet[ExtensionRequest]:
    """Extension requests ``user`` may read: all for readers-of-everything, else his unit's own
    requests on tasks he can see (the rule of ``ledger.access.access_extension``, for lists)."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    tasks = visible_tasks(Task.objects.filter(pk=OuterRef("task_id")), user)
    return queryset.filter(Exists(tasks), unit_id=unit_id)


def _filters(serializer_class: type[drf_serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    """The validated query parameters, or a 400 naming the bad one."""
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return {k: v for k, v in params.validated_data.items() if v is not None}


def _input(serializer_class: type[drf_serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


class LedgerViewSet(viewsets.GenericViewSet):  # type: ignore[type-arg]
    """Shared by every endpoint: signed-in users with a role, the ledger's refusals, pages of 50."""

    permission_classes = [IsAuthenticated, HasLedgerRole]
    pagination_class = Pagination

    def get_exception_handler(self) -> Any:
        return api_exception_handler


# ----------------------------------------------------------------------------------------------


class TokenView(APIView):
    """``POST /api/token/``: a username and password give a new API token, valid for
    ``TAIZHANG_API_TOKEN_DAYS`` days; it is listed (and can be revoked) on the person's profile.

    Wrong passwords count towards the sign-in lock-out (django-axes) like the sign-in form's.
    """

    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(
        summary="Obtain a new API token with a username and password",
        request=AuthTokenSerializer,
        responses={
            200: s.TokenSerializer,
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Too many wrong passwords: signing in is locked for a while."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        if not serializer.is_valid():
            if getattr(request, "axes_locked_out", False) or getattr(
                request._request, "axes_locked_out", False
            ):
                return Response(
                    {"detail": _t("Too many wrong passwords: try again later.")},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        token, key = do_create_api_token(serializer.validated_data["user"], name="API /api/token/")
        return Response(s.TokenSerializer({"token": key, "expires_at": token.expires_at}).data)


@extend_schema_view(
    list=extend_schema(summary="Policies the user may read", parameters=[s.PolicyFilterSerializer]),
    retrieve=extend_schema(summary="One policy", responses={200: s.PolicySerializer, 404: ERRORS[404]}),
)
class PolicyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Policy documents; the supervisor imports (upload) and publishes them."""

    serializer_class = s.PolicySerializer

    def get_queryset(self) -> QuerySet[Policy]:
        queryset = visible_policies(Policy.objects.annotate(task_count=Count("tasks")), self.request.user)
        if self.action == "list":
            queryset = queryset.filter(**_filters(s.PolicyFilterSerializer, self.request))
        return queryset.order_by("-created_at", "pk")

    def get_object(self) -> Policy:
        policy = access_policy(self.request.user, self.kwargs["pk"])
        return policy

    @extend_schema(
        summary="Import a document as a draft policy",
        description=(
            "The file is stored and read by the jobs worker: the answer (202) is the job, whose "
            "`Location` (/api/jobs/{id}/) to poll until its status is `done` (its `result` names "
            "the draft policy and the units it proposed) or `failed` (its `error` says why). A file "
            "imported before is refused at once (400) naming the policy it made."
        ),
        request={"multipart/form-data": s.PolicyImportSerializer},
        responses={202: s.JobSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        can_import_policy(request.user).check()
        data = _input(s.PolicyImportSerializer, request)
        upload = data["file"]
        name = os.path.basename(upload.name or "") or "document"
        if upload.size > settings.TAIZHANG_MAX_UPLOAD_BYTES:
            raise drf_serializers.ValidationError(
                {
                    "file": gettext("%(name)s: the uploaded file is larger than %(limit)s MB")
                    % {"name": name, "limit": settings.TAIZHANG_MAX_UPLOAD_BYTES // (1024 * 1024)}
                }
            )
        if upload.size == 0:
            raise drf_serializers.ValidationError(
                {"file": gettext("%(name)s: the uploaded file is empty") % {"name": name}}
            )
        content = upload.read()
        earlier = find_duplicate(content)
        if earlier is not None:
            raise DuplicateDocument(name, earlier)
        job = start_job(
            JobKind.IMPORT_POLICY,
            request.user,
            {"name": name, "title": data.get("title") or ""},
            upload=(name, content),
        )
        return Response(
            s.JobSerializer(job).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": reverse("api:job-detail", args=[job.pk])},
        )

    @extend_schema(
        summary="Publish (交办) a draft policy",
        description=(
            "Tasks without a lead unit or without a deadline do not stop publishing, but must be "
            "confirmed: without confirm_warnings=true the answer is 400 naming how many there are."
        ),
        parameters=[
            OpenApiParameter(
                "confirm_warnings",
                bool,
                description="Publish even though some tasks have no lead unit or no deadline.",
            )
        ],
        request=None,
        responses={200: s.PolicySerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str) -> Response:
        policy = access_policy(request.user, pk, for_write=True)
        confirm = request.query_params.get("confirm_warnings", "").lower() in ("1", "true", "yes")
        do_publish_policy(request.user, policy, confirm=confirm)
        return Response(s.PolicySerializer(access_policy(request.user, pk)).data)


@extend_schema_view(
    list=extend_schema(summary="Measures of the policies the user may read"),
    retrieve=extend_schema(summary="One measure", responses={200: s.MeasureSerializer, 404: ERRORS[404]}),
)
class MeasureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Measures (主要措施), read-only."""

    serializer_class = s.MeasureSerializer

    def get_queryset(self) -> QuerySet[Measure]:
        policies = visible_policies(Policy.objects.filter(pk=OuterRef("policy_id")), self.request.user)
        return Measure.objects.filter(Exists(policies)).order_by("policy", "order", "pk")

    def get_object(self) -> Measure:
        try:
            return self.get_queryset().get(pk=int(self.kwargs["pk"]))
        except (Measure.DoesNotExist, ValueError, OverflowError):
            raise Http404(gettext("No such main measure")) from None


@extend_schema_view(
    list=extend_schema(summary="Tasks the user may read", parameters=[s.TaskFilterSerializer]),
    retrieve=extend_schema(summary="One task", responses={200: s.TaskSerializer, 404: ERRORS[404]}),
)
class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Tasks (重点任务): read, edited by the supervisor, acknowledged, returned, reassigned, closed."""

    serializer_class = s.TaskSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    @staticmethod
    def _loaded(queryset: QuerySet[Task]) -> QuerySet[Task]:
        """``queryset`` with what a task's answer shows: policy, measure, units."""
        units = TaskAssignment.objects.select_related("unit").order_by("role", "order", "pk")
        return queryset.select_related("policy", "measure", "rag").prefetch_related(
            Prefetch("assignments", queryset=units)
        )

    def get_queryset(self) -> QuerySet[Task]:
        queryset = self._loaded(visible_tasks(Task.objects.all(), self.request.user))
        if self.action != "list":
            return queryset
        f = _filters(s.TaskFilterSerializer, self.request)
        if "policy" in f:
            queryset = queryset.filter(policy_id=f["policy"])
        if "unit" in f:
            mine = TaskAssignment.objects.filter(task=OuterRef("pk"), unit_id=f["unit"])
            if "role" in f:
                mine = mine.filter(role=f["role"])
            queryset = queryset.filter(Exists(mine))
        if "status" in f:
            queryset = queryset.filter(status=f["status"])
        if "deadline_year" in f:
            queryset = queryset.filter(deadline_year=f["deadline_year"])
        if "deadline_by" in f:
            year, month = (int(part) for part in f["deadline_by"].split("-"))
            queryset = queryset.filter(due_by_q(year, month))
        if "colour" in f:
            queryset = queryset.filter(colour_filter(f["colour"]))
        if "schedule" in f:
            queryset = queryset.filter(schedule_filter(f["schedule"]))
        # By policy id, not the policy's own order (newest first), which joins and sorts every row;
        # one unit's tasks are few among the province's: sorted, not looked for along the index.
        few = "policy" not in f and ("unit" in f or not sees_everything(self.request.user))
        return queryset.by_reference(few=few)

    def get_object(self) -> Task:
        task = access_task(self.request.user, self.kwargs["pk"])
        return self.get_queryset().get(pk=task.pk)

    def _answer(self, request: Request, pk: Any) -> Response:
        return Response(s.TaskSerializer(self.get_queryset().get(pk=access_task(request.user, pk).pk)).data)

    @extend_schema(
        summary="Edit a task (supervisor)",
        request=s.TaskUpdateSerializer,
        responses={200: s.TaskSerializer, **ERRORS, **CONFLICT},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk, for_write=True)
        data = _input(s.TaskUpdateSerializer, request)
        seen = data.pop("version")
        ledger_actions.do_update_task(request.user, task, seen_version=seen, **data)
        return self._answer(request, pk)

    @extend_schema(
        summary="Acknowledge (签收) for the user's unit",
        request=None,
        responses={200: s.TaskSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str) -> Response:
        ledger_actions.do_acknowledge_task(request.user, access_task(request.user, pk, for_write=True))
        return self._answer(request, pk)

    @extend_schema(
        summary="Send the task back to the supervisor",
        request=s.ReasonSerializer,
        responses={200: s.TaskSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="return")
    def return_task(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk, for_write=True)
        data = _input(s.ReasonSerializer, request)
        ledger_actions.do_return_task(request.user, task, reason=data["reason"])
        return self._answer(request, pk)

    @extend_schema(
        summary="Assign the task to other units (supervisor)",
        request=s.ReassignSerializer,
        responses={200: s.TaskSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def reassign(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk, for_write=True)
        data = _input(s.ReassignSerializer, request)
        ids = [*data["lead"], *data["co"]]
        units = Unit.objects.in_bulk(ids)
        missing = [unit_id for unit_id in ids if unit_id not in units]
        if missing:
            field = "lead" if missing[0] in data["lead"] else "co"
            raise drf_serializers.ValidationError(
                {field: gettext("There is no unit with id %(id)s") % {"id": missing[0]}}
            )
        ledger_actions.do_reassign_task(
            request.user, task, lead=[units[i] for i in data["lead"]], co=[units[i] for i in data["co"]]
        )
        return self._answer(request, pk)

    @extend_schema(
        summary="Ask to extend the deadline (lead unit)",
        request=s.ExtensionInputSerializer,
        responses={201: s.ExtensionRequestSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="request-extension")
    def request_extension(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk, for_write=True)
        data = _input(s.ExtensionInputSerializer, request)
        ext = ledger_actions.do_request_extension(request.user, task, **data)
        return Response(s.ExtensionRequestSerializer(ext).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Close the task (办结, supervisor)",
        request=s.CloseSerializer,
        responses={200: s.TaskSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk, for_write=True)
        data = _input(s.CloseSerializer, request)
        ledger_actions.do_close_task(request.user, task, note=data["note"])
        return self._answer(request, pk)

    @extend_schema(
        summary="The task's history (变更记录)",
        responses={200: s.HistoryEntrySerializer(many=True), 404: ERRORS[404]},
    )
    @action(detail=True, methods=["get"], pagination_class=Pagination)
    def history(self, request: Request, pk: str) -> Response:
        task = access_task(request.user, pk)
        entries = visible_history(HistoryEntry.objects.for_task(task.pk), request.user, task).select_related(
            "actor"
        )
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(s.HistoryEntrySerializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(summary="Units", parameters=[s.UnitFilterSerializer]),
    retrieve=extend_schema(summary="One unit", responses={200: s.UnitSerializer, 404: ERRORS[404]}),
)
class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Units (单位): everyone with a role reads them; the supervisor confirms and merges them."""

    serializer_class = s.UnitSerializer

    def get_queryset(self) -> QuerySet[Unit]:
        if role_of(self.request.user) is None:
            return Unit.objects.none()
        queryset = Unit.objects.prefetch_related(
            Prefetch("aliases", queryset=UnitAlias.objects.order_by("name"))
        )
        if self.action == "list":
            queryset = queryset.filter(**_filters(s.UnitFilterSerializer, self.request))
        return queryset.order_by("name")

    def get_object(self) -> Unit:
        unit = access_unit(self.request.user, self.kwargs["pk"])
        return self.get_queryset().get(pk=unit.pk)

    def _answer(self, unit_id: int) -> Response:
        return Response(s.UnitSerializer(self.get_queryset().get(pk=unit_id)).data)

    @extend_schema(
        summary="Confirm a proposed unit (supervisor)",
        request=s.UnitConfirmSerializer,
        responses={200: s.UnitSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str) -> Response:
        unit = access_unit(request.user, pk, for_write=True)
        data = _input(s.UnitConfirmSerializer, request)
        if "parent" in data:
            try:
                data["parent"] = Unit.objects.get(pk=data["parent"])
            except Unit.DoesNotExist:
                raise drf_serializers.ValidationError(
                    {"parent": gettext("There is no unit with id %(id)s") % {"id": data["parent"]}}
                ) from None
        unit = do_confirm_unit(request.user, unit, **data)
        return self._answer(unit.pk)

    @extend_schema(
        summary="Merge the unit into another (supervisor)",
        request=s.UnitMergeSerializer,
        responses={200: s.UnitSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def merge(self, request: Request, pk: str) -> Response:
        unit = access_unit(request.user, pk, for_write=True)
        data = _input(s.UnitMergeSerializer, request)
        try:
            into = Unit.objects.get(pk=data["into"])
        except Unit.DoesNotExist:
            raise drf_serializers.ValidationError(
                {"into": gettext("There is no unit with id %(id)s") % {"id": data["into"]}}
            ) from None
        into = do_merge_unit(request.user, unit, into)
        return self._answer(into.pk)


@extend_schema_view(
    list=extend_schema(summary="Progress reports the user may read", parameters=[s.ReportFilterSerializer]),
    retrieve=extend_schema(summary="One report", responses={200: s.ReportSerializer, 404: ERRORS[404]}),
)
class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Progress reports (进展报送): drafted by the lead unit's officer, approved by its leader,
    accepted or returned by the supervisor."""

    serializer_class = s.ReportSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[ProgressReport]:
        queryset = visible_reports(
            ProgressReport.objects.prefetch_related("contributions", "attachments"), self.request.user
        )
        if self.action == "list":
            f = _filters(s.ReportFilterSerializer, self.request)
            queryset = queryset.filter(
                **{("task_id" if k == "task" else "unit_id" if k == "unit" else k): v for k, v in f.items()}
            )
        return queryset.order_by("task", "period", "pk")

    def get_object(self) -> ProgressReport:
        report = access_report(self.request.user, self.kwargs["pk"])
        return self.get_queryset().get(pk=report.pk)

    def _answer(self, report_id: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(s.ReportSerializer(self.get_queryset().get(pk=report_id)).data, status=code)

    @extend_schema(
        summary="Draft a report (officer of the lead unit)",
        request=s.ReportCreateSerializer,
        responses={201: s.ReportSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        data = _input(s.ReportCreateSerializer, request)
        try:
            task = access_task(request.user, data["task"], for_write=True)
        except Http404:
            raise drf_serializers.ValidationError(
                {"task": gettext("There is no task with id %(id)s") % {"id": data["task"]}}
            ) from None
        report = ledger_actions.do_save_report(
            request.user,
            task=task,
            period=data["period"],
            narrative=data["narrative"],
            percent=data["percent"],
            metric_values=data["metric_values"],
            requests_close=data["requests_close"],
        )
        return self._answer(report.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Edit a draft or returned report",
        request=s.ReportUpdateSerializer,
        responses={200: s.ReportSerializer, **ERRORS, **CONFLICT},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk, for_write=True)
        data = _input(s.ReportUpdateSerializer, request)
        report = ledger_actions.do_save_report(
            request.user,
            task=report.task,
            period=report.period,
            narrative=data.get("narrative", report.narrative),
            percent=data.get("percent", report.percent),
            metric_values=data.get("metric_values", report.metric_values),
            report=report,
            seen_version=data["version"],
            requests_close=data.get("requests_close", report.requests_close),
        )
        return self._answer(report.pk)

    @extend_schema(
        summary="Submit to the unit leader (officer)",
        request=None,
        responses={200: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        report = ledger_actions.do_submit_report(
            request.user, access_report(request.user, pk, for_write=True)
        )
        return self._answer(report.pk)

    @extend_schema(
        summary="Approve as the unit's leader", request=None, responses={200: s.ReportSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str) -> Response:
        report = ledger_actions.do_approve_report(
            request.user, access_report(request.user, pk, for_write=True)
        )
        return self._answer(report.pk)

    @extend_schema(
        summary="Accept (supervisor)",
        request=s.CommentsSerializer,
        responses={200: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk, for_write=True)
        data = _input(s.CommentsSerializer, request)
        report = ledger_actions.do_accept_report(request.user, report, comments=data["comments"])
        return self._answer(report.pk)

    @extend_schema(
        summary="Return (退回) with comments (supervisor)",
        request=s.CommentsSerializer,
        responses={200: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="return")
    def return_report(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk, for_write=True)
        data = _input(s.CommentsSerializer, request)
        report = ledger_actions.do_return_report(request.user, report, comments=data["comments"])
        return self._answer(report.pk)

    @extend_schema(
        summary="Return to the unit officer with the reason (the unit's leader)",
        request=s.ReasonSerializer,
        responses={200: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="return-to-officer")
    def return_to_officer(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk, for_write=True)
        data = _input(s.ReasonSerializer, request)
        report = ledger_actions.do_return_report_to_officer(request.user, report, reason=data["reason"])
        return self._answer(report.pk)

    @extend_schema(
        summary="Attach an evidence file (officer of the report's unit)",
        request={"multipart/form-data": s.AttachmentUploadSerializer},
        responses={201: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def attachments(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk, for_write=True)
        upload = _input(s.AttachmentUploadSerializer, request)["file"]
        if upload.size > settings.TAIZHANG_MAX_UPLOAD_BYTES:
            raise drf_serializers.ValidationError(
                {"file": gettext("%(name)s: the file is too large") % {"name": upload.name}}
            )
        ledger_actions.do_add_attachment(request.user, report, name=upload.name or "", data=upload.read())
        return self._answer(report.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Add a co-unit's contribution",
        request=s.ContributionInputSerializer,
        responses={201: s.ReportSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def contribute(self, request: Request, pk: str) -> Response:
        report = access_report(request.user, pk)
        data = _input(s.ContributionInputSerializer, request)
        ledger_actions.do_add_contribution(request.user, report, text=data["text"])
        return self._answer(report.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Extension requests the user may read", parameters=[s.ExtensionFilterSerializer]
    ),
    retrieve=extend_schema(
        summary="One extension request", responses={200: s.ExtensionRequestSerializer, 404: ERRORS[404]}
    ),
)
class ExtensionRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LedgerViewSet):
    """Extension requests (延期申请): made on a task, decided by the supervisor."""

    serializer_class = s.ExtensionRequestSerializer

    def get_queryset(self) -> QuerySet[ExtensionRequest]:
        queryset = visible_extensions(ExtensionRequest.objects.all(), self.request.user)
        if self.action == "list":
            f = _filters(s.ExtensionFilterSerializer, self.request)
            queryset = queryset.filter(**{("task_id" if k == "task" else k): v for k, v in f.items()})
        return queryset.order_by("-requested_at", "pk")

    def get_object(self) -> ExtensionRequest:
        return access_extension(self.request.user, self.kwargs["pk"])

    @extend_schema(
        summary="Approve or refuse (supervisor)",
        request=s.ExtensionDecisionSerializer,
        responses={200: s.ExtensionRequestSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str) -> Response:
        ext = access_extension(request.user, pk, for_write=True)
        data = _input(s.ExtensionDecisionSerializer, request)
        ext = ledger_actions.do_decide_extension(
            request.user, ext, approve=data["approve"], comment=data["comment"]
        )
        return Response(s.ExtensionRequestSerializer(ext).data)


@extend_schema_view(
    retrieve=extend_schema(
        summary="One background job the user started (an import)",
        responses={200: s.JobSerializer, 404: ERRORS[404]},
    ),
)
class JobViewSet(mixins.RetrieveModelMixin, LedgerViewSet):
    """Background jobs: only the person who started one reads it (404 for anyone else)."""

    serializer_class = s.JobSerializer

    def get_queryset(self) -> Any:
        return visible_jobs(self.request.user)

    def get_object(self) -> Any:
        return access_job(self.request.user, self.kwargs["pk"])
