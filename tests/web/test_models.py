"""Rules of one row (clean()), the version column, and the migrations being complete."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from taizhang.accounts.access import role_of
from taizhang.accounts.models import Membership, Role
from taizhang.ledger.models import ExtensionRequest, Metric, Task
from taizhang.units.models import Unit

pytestmark = pytest.mark.django_db


class MigrationsTestCase:
    def test_no_model_change_is_missing_a_migration(self):
        out = io.StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
        except SystemExit as exc:  # makemigrations --check exits 1 when a migration is missing
            pytest.fail(f"missing migrations:\n{out.getvalue()} (exit {exc.code})")


class TaskModelTestCase:
    def test_a_month_deadline_needs_a_month(self, policy):
        task = Task(policy=policy, text="x", deadline_kind="month", deadline_year=2025)
        with pytest.raises(ValidationError) as err:
            task.full_clean()
        assert "deadline_kind" in err.value.message_dict

    def test_an_ongoing_deadline_has_no_year(self, policy):
        task = Task(policy=policy, text="x", deadline_kind="ongoing", deadline_year=2025)
        with pytest.raises(ValidationError):
            task.full_clean()

    def test_a_task_needs_text_and_a_positive_weight(self, policy):
        with pytest.raises(ValidationError) as err:
            Task(policy=policy, text="  ", weight=0).full_clean()
        assert {"text"} <= set(err.value.message_dict)

    def test_progress_is_within_0_and_100(self, policy):
        with pytest.raises(ValidationError) as err:
            Task(policy=policy, text="x", progress=101).full_clean()
        assert "progress" in err.value.message_dict


class OtherModelsTestCase:
    def test_a_metric_comparator_must_be_known(self, policy):
        with pytest.raises(ValidationError) as err:
            Metric(policy=policy, indicator="x", value=1, comparator="≥").full_clean()
        assert "comparator" in err.value.message_dict

    def test_an_extension_needs_a_reason(self, tasks, cast):
        ext = ExtensionRequest(
            task=tasks[0], unit=cast.unit_a, requested_kind="year", requested_year=2026, reason=" "
        )
        with pytest.raises(ValidationError) as err:
            ext.full_clean()
        assert "reason" in err.value.message_dict

    def test_a_unit_cannot_be_merged_into_itself(self, cast):
        unit = cast.unit_a
        unit.merged_into = unit
        with pytest.raises(ValidationError) as err:
            unit.full_clean()
        assert "merged_into" in err.value.message_dict

    def test_a_unit_officer_needs_a_unit(self, cast):
        m = Membership(user=cast.alice, role=Role.UNIT_OFFICER)
        with pytest.raises(ValidationError) as err:
            m.clean()
        assert "unit" in err.value.message_dict

    def test_a_superuser_without_membership_is_an_administrator(self, django_user_model):
        root = django_user_model.objects.create_superuser("root", password="x")
        assert role_of(root) == Role.ADMINISTRATOR

    def test_an_inactive_user_has_no_role(self, cast):
        cast.sam.is_active = False
        cast.sam.save(update_fields=["is_active"])
        assert role_of(cast.sam) is None

    def test_unit_names_are_unique(self, cast):
        from django.db import IntegrityError, transaction

        with pytest.raises(IntegrityError), transaction.atomic():
            Unit.objects.create(name=cast.unit_a.name)
