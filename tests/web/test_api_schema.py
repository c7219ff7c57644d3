"""The OpenAPI document: committed as taizhang/api/openapi.json, served at /api/schema/, valid and described.

When the API changes, regenerate the snapshot and commit it with the change:
``.venv/bin/python -m taizhang.api.snapshot`` (or run this file with ``TAIZHANG_UPDATE_API_SCHEMA=1``).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from taizhang.api.schema import SNAPSHOT, generate_schema, render_schema

pytestmark = pytest.mark.django_db

RESOURCES = ["policies", "measures", "tasks", "units", "reports", "extensions"]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return generate_schema()


class SnapshotTestCase:
    def test_the_committed_document_matches_the_code(self, schema: dict[str, Any]) -> None:
        text = render_schema(schema)
        if os.environ.get("TAIZHANG_UPDATE_API_SCHEMA"):
            SNAPSHOT.write_text(text, encoding="utf-8")
        committed = SNAPSHOT.read_text(encoding="utf-8")
        assert text == committed, (
            "the API changed but taizhang/api/openapi.json did not: run `.venv/bin/python -m taizhang.api.snapshot`"
        )

    def test_the_served_document_is_the_committed_one(self) -> None:
        response = APIClient().get("/api/schema/?format=json")
        assert response.status_code == 200
        assert json.loads(response.content) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


class DocumentTestCase:
    def test_it_is_valid_openapi_3(self, schema: dict[str, Any]) -> None:
        validate_schema(schema)
        assert schema["openapi"].startswith("3.")

    def test_it_lists_every_resource_and_the_token_endpoint(self, schema: dict[str, Any]) -> None:
        paths = set(schema["paths"])
        for name in RESOURCES:
            assert f"/api/{name}/" in paths
            assert f"/api/{name}/{{id}}/" in paths
        assert "/api/token/" in paths
        assert "/api/schema/" not in paths
        assert set(schema["paths"]["/api/tasks/{id}/"]) == {"get", "patch"}
        for verb in ("acknowledge", "return", "reassign", "request-extension", "close", "history"):
            assert f"/api/tasks/{{id}}/{verb}/" in paths
        for verb in ("submit", "approve", "accept", "return", "contribute", "attachments"):
            assert f"/api/reports/{{id}}/{verb}/" in paths

    def test_it_declares_token_and_session_authentication(self, schema: dict[str, Any]) -> None:
        schemes = schema["components"]["securitySchemes"]
        assert schemes["tokenAuth"]["name"] == "Authorization"
        assert "cookieAuth" in schemes
        assert {"tokenAuth": []} in schema["paths"]["/api/tasks/"]["get"]["security"]

    def test_every_operation_has_a_summary(self, schema: dict[str, Any]) -> None:
        missing = [
            f"{method.upper()} {path}"
            for path, operations in schema["paths"].items()
            for method, operation in operations.items()
            if not operation.get("summary")
        ]
        assert missing == []

    def test_every_field_of_the_ledger_is_described(self, schema: dict[str, Any]) -> None:
        missing = [
            f"{name}.{field}"
            for name, component in schema["components"]["schemas"].items()
            if not name.startswith(("Paginated", "AuthToken"))
            for field, spec in component.get("properties", {}).items()
            if not spec.get("description")
        ]
        assert missing == []

    def test_choice_sets_have_readable_names(self, schema: dict[str, Any]) -> None:
        names = set(schema["components"]["schemas"])
        assert {"TaskStatusEnum", "ReportStatusEnum", "PolicyStatusEnum", "UnitStatusEnum"} <= names
        hashed = [n for n in names if n.endswith("Enum") and any(ch.isdigit() for ch in n)]
        assert hashed == []


def test_the_snapshot_does_not_depend_on_the_active_language() -> None:
    # Another test (or a request in the same thread) may leave English active: the generated
    # document is still the committed one, in the interface's default language.
    from django.utils import translation

    with translation.override("en"):
        english_active = render_schema(generate_schema())
    assert english_active == SNAPSHOT.read_text(encoding="utf-8")
