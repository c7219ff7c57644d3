"""Query counts of the list pages are pinned, so an N+1 fails the suite."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from taizhang.enterprises.actions import do_generate_benefit_list

pytestmark = pytest.mark.django_db


def test_the_registry_and_a_list_page_take_a_fixed_number_of_queries(
    client: Any, cast: Any, registry: Any, catalogue: Any, django_assert_max_num_queries: Any
) -> None:
    blist = do_generate_benefit_list(cast.sam, catalogue["lh14-new-services"], as_of=dt.date(2025, 3, 31))
    assert blist.decisions.count() >= 3
    client.force_login(cast.sam)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("enterprises:home")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("enterprises:list", args=[blist.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("enterprises:benefit", args=[blist.benefit.pk])).status_code == 200
