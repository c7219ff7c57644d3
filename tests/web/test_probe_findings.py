"""What the production probes (taizhang probe) found, each fixed with its test."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from taizhang.monitoring import queries

pytestmark = pytest.mark.django_db


def test_the_scoring_settings_page_opens_with_the_default_rules_which_save_back(client, cast):
    """GET /monitoring/scorecards/settings/ answered 500 (it wrote a rule the scores no longer have)."""
    client.force_login(cast.sam)
    response = client.get(reverse("monitoring:scoring_settings"))
    assert response.status_code == 200
    shown = json.loads(response.context["form"].initial["config"])
    assert queries.scoring_config_from(shown) == queries.scoring_config_from({})
    response = client.post(
        reverse("monitoring:scoring_settings"),
        {
            "config": json.dumps(shown),
            "lists": response.context["form"].initial["lists"],
            "report_due_days": 5,
        },
    )
    assert response.status_code == 302 and queries.current_settings().pk is not None
