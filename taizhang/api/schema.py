"""The API's OpenAPI document: how it is generated and the committed snapshot it is tested against.

Regenerate the snapshot after changing the API, and commit it with the change::

    .venv/bin/python -m taizhang.api.snapshot            # writes taizhang/api/openapi.json
    .venv/bin/python -m taizhang.api.snapshot --check    # exit 1 when the snapshot is stale
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drf_spectacular.settings import patched_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

__all__ = ["SNAPSHOT", "schema_settings", "generate_schema", "render_schema", "SchemaView"]

SNAPSHOT = Path(__file__).with_name("openapi.json")


def schema_settings() -> dict[str, Any]:
    """drf-spectacular settings of this API's document: one readable name per set of choices
    (several models have a ``status`` or a ``kind``), and separate request and response components."""
    from taizhang.ledger.models import AssignmentRole, DeadlineKind, ExtensionStatus, ReportStatus, TaskStatus
    from taizhang.policies.models import PolicyKind, PolicyStatus, ReportCadence
    from taizhang.units.models import UnitKind, UnitStatus

    return {
        "COMPONENT_SPLIT_REQUEST": True,
        "ENUM_NAME_OVERRIDES": {
            "PolicyKindEnum": PolicyKind,
            "PolicyStatusEnum": PolicyStatus,
            "ReportCadenceEnum": ReportCadence,
            "TaskStatusEnum": TaskStatus,
            "DeadlineKindEnum": DeadlineKind,
            "RequestedDeadlineKindEnum": [DeadlineKind.MONTH, DeadlineKind.YEAR, DeadlineKind.ONGOING],
            "AssignmentRoleEnum": AssignmentRole,
            "ReportStatusEnum": ReportStatus,
            "ExtensionStatusEnum": ExtensionStatus,
            "UnitKindEnum": UnitKind,
            "UnitStatusEnum": UnitStatus,
        },
    }


def generate_schema() -> dict[str, Any]:
    """The OpenAPI document of the API as served at ``/api/schema/`` (public view, no request), in
    the interface's default language whatever language is active (field titles such as DRF's
    "Password" are translated lazily: the snapshot must not depend on what ran before)."""
    from django.conf import settings
    from django.utils import translation
    from drf_spectacular.generators import SchemaGenerator

    with patched_settings(schema_settings()), translation.override(settings.LANGUAGE_CODE):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(schema, default=str))  # type: ignore[no-any-return]


def render_schema(schema: dict[str, Any]) -> str:
    """The document as the snapshot stores it: sorted keys, two-space indents, readable Chinese."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class SchemaView(SpectacularAPIView):
    """``/api/schema/``: the OpenAPI document (YAML, or JSON with ``?format=json``)."""

    @property
    def custom_settings(self) -> dict[str, Any]:  # type: ignore[override]
        return schema_settings()

    @extend_schema(exclude=True)
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)
