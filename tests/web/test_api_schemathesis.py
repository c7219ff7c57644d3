"""Schema-driven test: schemathesis sends requests generated from the committed OpenAPI document to
the WSGI application in-process, as the supervisor and as a unit officer, and no answer may be a 5xx.

Bounded (a few examples per operation, no deadline) so the file runs in well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from taizhang.accounts.actions import do_create_api_token
from taizhang.api.schema import SNAPSHOT

schema = schemathesis.openapi.from_path(SNAPSHOT)
schema.app = get_wsgi_application()

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """The WSGI handler closes the database connection around each request; in a test that would
    drop the test's transaction, so (like Django's test client) the closing is off meanwhile."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(params=["sam", "andy"])
def auth_header(request: Any, tasks: list[Any], keep_test_connection: None) -> dict[str, str]:
    """The token of the supervisor or of unit A's officer, with the sample policy published."""
    cast = request.getfixturevalue("cast")
    _, key = do_create_api_token(getattr(cast, request.param))
    return {"Authorization": f"Token {key}"}


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_request_gets_a_server_error(case: Any, auth_header: dict[str, str]) -> None:
    case.call_and_validate(headers=auth_header, checks=[not_a_server_error, response_schema_conformance])
