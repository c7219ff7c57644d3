"""Every write of the enterprise services, as ``do_<verb>_<noun>``.

Each action checks the user's right (``access.py``), runs in one transaction and writes history
rows (``core.history.record``); refusals are ``PermissionDenied`` or a ``ValidationError``
naming the field. The 免申即享 loop, in order::

    do_generate_benefit_list     the benefit's department or the supervisor: evaluate the registry
    do_exclude_decision          the supervisor, while reviewing
    do_review_benefit_list       the supervisor approves (or returns) the list
    do_start_public_notice       the supervisor puts it on public notice (公示)
    do_lodge_objection           anyone, during the notice; do_decide_objection: the supervisor
    do_close_public_notice       the supervisor, after the notice: enterprises are asked to confirm
    do_confirm_decision          the enterprise (意愿确认): accepts or declines
    do_record_payout             the benefit's department records the payment
    do_report_benefit_progress   the lead unit's officer drafts the ledger report of the linked
                                 task from the benefits actually paid, through the ledger's own
                                 ``do_save_report`` (the ledger's tables are never written here)

Every decision keeps the rule version and the data (values, sources, as-of dates) it was made on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.accounts.access import is_steering, require_steering, role_of, unit_id_of
from taizhang.accounts.models import UNIT_ROLES
from taizhang.core.history import record, snapshot
from taizhang.core.once import claim_once
from taizhang.units.models import Unit

from .access import enterprise_of, require_benefit_unit, require_officer_writer
from .engine import Outcome, Rule, evaluate, evaluate_row, explain, rule_columns
from .imports import ParsedRegistry
from .language import RuleError
from .models import (
    Benefit,
    BenefitExample,
    BenefitList,
    BenefitStatus,
    BenefitVersion,
    Decision,
    DecisionStatus,
    Enterprise,
    EnterpriseAccount,
    EnterpriseFact,
    ListStatus,
    NewsItem,
    Objection,
    ObjectionStatus,
    RegistryImport,
    ServiceItem,
)
from .registry import enterprise_row, registry_frame, snapshot_of

__all__ = [
    "do_import_registry",
    "move_unit_rows",
    "do_create_enterprise_account",
    "do_create_benefit",
    "do_update_benefit",
    "do_save_benefit_rules",
    "do_add_benefit_example",
    "do_delete_benefit_example",
    "do_generate_benefit_list",
    "do_exclude_decision",
    "do_review_benefit_list",
    "do_start_public_notice",
    "do_lodge_objection",
    "do_decide_objection",
    "do_close_public_notice",
    "do_confirm_decision",
    "do_record_payout",
    "do_report_benefit_progress",
    "do_save_service_item",
    "do_save_news_item",
    "do_publish_news_item",
    "check_rules",
    "run_examples",
    "ExampleResult",
]

SQL_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit


def _chunks(items: Sequence[Any], size: int = SQL_CHUNK) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# ----------------------------------------------------------------------------------- registry


def do_import_registry(
    user: Any,
    parsed: ParsedRegistry,
    *,
    source: Unit,
    as_of: dt.date,
    progress: Callable[[int], None] | None = None,
    once: str | None = None,
) -> RegistryImport:
    """Store a checked department export: new enterprises are created, each value is written
    with ``source`` and ``as_of`` unless the stored one is more recent (it is kept).
    ``once``: the upload form's token, claimed in the same transaction, so a double click or a
    replayed form imports the file once (AlreadyConfirmed after).

    A file with errors, an unknown enterprise without a name, or a date in the future is
    refused whole: nothing is written. A unit's people import their own unit's data only.
    """
    require_officer_writer(user, gettext("import enterprise data"))
    if not is_steering(user) and source.pk != unit_id_of(user):
        raise PermissionDenied(
            gettext("A unit may import only its own data (the data source must be the unit itself)")
        )
    if not parsed.ok:
        raise ValidationError({"file": [str(e) for e in parsed.errors]})
    if as_of > timezone.localdate():
        raise ValidationError(
            {"as_of": gettext("The as-of date %(as_of)s is in the future") % {"as_of": as_of}}
        )
    codes = [r.credit_code for r in parsed.records]
    with transaction.atomic():
        if once is not None:
            claim_once("enterprises.import", once, user)
        existing: dict[str, Enterprise] = {}
        for chunk in _chunks(codes):
            for enterprise in Enterprise.objects.filter(credit_code__in=chunk):
                existing[enterprise.credit_code] = enterprise
        errors = [
            gettext(
                "Row %(row)s: enterprise %(credit_code)s is not registered yet; the “企业名称” column is needed"
            )
            % {"row": r.row, "credit_code": r.credit_code}
            for r in parsed.records
            if r.credit_code not in existing and not r.name
        ]
        if errors:
            raise ValidationError({"file": errors[:200]})
        new = [
            Enterprise(credit_code=r.credit_code, name=r.name, hk_br_number=r.hk_br_number)
            for r in parsed.records
            if r.credit_code not in existing
        ]
        Enterprise.objects.bulk_create(new, batch_size=1000)
        for chunk in _chunks([e.credit_code for e in new]):
            for enterprise in Enterprise.objects.filter(credit_code__in=chunk):
                existing[enterprise.credit_code] = enterprise
        renamed = []
        for r in parsed.records:
            enterprise = existing[r.credit_code]
            changed = False
            if r.name and enterprise.name != r.name:
                enterprise.name, changed = r.name, True
            if r.hk_br_number and enterprise.hk_br_number != r.hk_br_number:
                enterprise.hk_br_number, changed = r.hk_br_number, True
            if changed:
                enterprise.version += 1
                renamed.append(enterprise)
        Enterprise.objects.bulk_update(renamed, ["name", "hk_br_number", "version"], batch_size=1000)
        batch = RegistryImport.objects.create(
            file_name=parsed.file_name[:255],
            sha256=parsed.sha256,
            source=source,
            as_of=as_of,
            rows=parsed.rows,
            columns=[list(c) for c in parsed.columns],
            created_by=user,
        )
        attributes = sorted({f.attribute for r in parsed.records for f in r.facts})
        ids = [existing[c].pk for c in codes]
        stored: dict[tuple[int, str, int], EnterpriseFact] = {}
        for chunk in _chunks(ids):
            for fact in EnterpriseFact.objects.filter(enterprise_id__in=chunk, attribute__in=attributes):
                stored[(fact.enterprise_id, fact.attribute, fact.year)] = fact
        create: list[EnterpriseFact] = []
        update: list[EnterpriseFact] = []
        kept = 0
        for done, r in enumerate(parsed.records, start=1):
            enterprise_id = existing[r.credit_code].pk
            for f in r.facts:
                fact = stored.get((enterprise_id, f.attribute, f.year))
                if fact is not None and fact.as_of > as_of:
                    kept += 1
                    continue
                values = {
                    "number": f.number,
                    "text": f.text,
                    "valid_from": f.valid_from,
                    "valid_until": f.valid_until,
                    "source": source,
                    "as_of": as_of,
                    "batch": batch,
                }
                if fact is None:
                    create.append(
                        EnterpriseFact(
                            enterprise_id=enterprise_id, attribute=f.attribute, year=f.year, **values
                        )
                    )
                else:
                    for name, value in values.items():
                        setattr(fact, name, value)
                    fact.updated_at = timezone.now()
                    update.append(fact)
            if progress is not None and done % 1000 == 0:
                progress(done)
        EnterpriseFact.objects.bulk_create(create, batch_size=2000)
        EnterpriseFact.objects.bulk_update(
            update,
            ["number", "text", "valid_from", "valid_until", "source", "as_of", "batch", "updated_at"],
            batch_size=2000,
        )
        batch.enterprises_created = len(new)
        batch.facts_written = len(create) + len(update)
        batch.facts_kept = kept
        batch.save(update_fields=["enterprises_created", "facts_written", "facts_kept"])
        record(
            user,
            batch,
            "import_registry",
            after={
                "file": batch.file_name,
                "source": source.name,
                "as_of": as_of,
                "rows": batch.rows,
                "enterprises_created": batch.enterprises_created,
                "facts_written": batch.facts_written,
                "facts_kept": kept,
            },
        )
    if progress is not None:
        progress(len(parsed.records))
    return batch


def do_create_enterprise_account(
    user: Any, enterprise: Enterprise, *, username: str, password: str, email: str = ""
) -> Any:
    """Create a login for a person who acts for ``enterprise`` (企业用户). Steering roles only."""
    require_steering(user, gettext("open enterprise accounts"))
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": gettext("The user name may not be empty")})
    if User.objects.filter(username=username).exists():
        raise ValidationError(
            {"username": gettext("The user name “%(username)s” is taken") % {"username": username}}
        )
    if len(password or "") < 8:
        raise ValidationError({"password": gettext("The password needs at least 8 characters")})
    with transaction.atomic():
        person = User.objects.create_user(username=username, password=password, email=email)
        account = EnterpriseAccount.objects.create(user=person, enterprise=enterprise)
        record(
            user, account, "create_enterprise_account", after={"user": username, "enterprise": enterprise.pk}
        )
    return person


# ----------------------------------------------------------------------------------- the catalogue

BENEFIT_FIELDS = (
    "name",
    "summary",
    "policy",
    "clause_start",
    "clause_end",
    "task",
    "unit",
    "valid_from",
    "valid_until",
    "for_hk",
    "status",
)


class ExampleResult:
    """An example case run against rules: passed or not, what came out."""

    def __init__(self, example: BenefitExample, outcome: str, amount: float | None, error: str = "") -> None:
        self.example = example
        self.outcome = outcome
        self.amount = amount
        self.error = error

    @property
    def passed(self) -> bool:
        if self.error or self.outcome != self.example.expected:
            return False
        if self.example.expected_amount is None:
            return True
        return self.amount is not None and abs(
            Decimal(str(self.amount)) - self.example.expected_amount
        ) < Decimal("0.01")

    def __str__(self) -> str:
        if self.error:
            return gettext("Example “%(example)s”: %(error)s") % {
                "example": self.example.name,
                "error": self.error,
            }
        got = {
            "eligible": gettext("Eligible"),
            "not_eligible": gettext("Not eligible"),
            "possibly": gettext("Possibly eligible"),
        }[self.outcome]
        amount = (
            gettext(", amount %(amount)s yuan") % {"amount": format(self.amount, ",.2f")}
            if self.amount is not None
            else ""
        )
        want = f"{self.example.get_expected_display()}"
        if self.example.expected_amount is not None:
            want += gettext(", amount %(amount)s yuan") % {
                "amount": format(self.example.expected_amount, ",.2f")
            }
        return gettext("Example “%(example)s”: expected %(want)s, got %(got)s%(amount)s") % {
            "example": self.example.name,
            "want": want,
            "got": got,
            "amount": amount,
        }


def _example_inputs(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """An example's stored inputs as a frame row (ISO dates to dates)."""
    row: dict[str, Any] = {}
    for name, value in inputs.items():
        if name.endswith(("_from", "_until")) and isinstance(value, str) and value:
            value = dt.date.fromisoformat(value)
        row[name] = value
    return row


def run_examples(rule: Rule, examples: Sequence[BenefitExample]) -> list[ExampleResult]:
    """Each example evaluated with ``rule``."""
    results = []
    for example in examples:
        try:
            row = _example_inputs(example.inputs)
            outcome, _ = evaluate_row(rule, row, example.as_of)
            amount = None
            if rule.formula is not None and outcome != Outcome.NOT_ELIGIBLE:
                amount = explain(rule, row, example.as_of).amount
            results.append(ExampleResult(example, outcome, amount))
        except (TypeError, ValueError, KeyError) as exc:
            results.append(
                ExampleResult(
                    example, Outcome.NOT_ELIGIBLE, None, gettext("Bad input: %(error)s") % {"error": exc}
                )
            )
    return results


def check_rules(code: str, conditions: str, formula: str) -> Rule:
    """The rules parsed, or a ValidationError naming the field (conditions, formula) and the place."""
    try:
        return Rule.parse(code, conditions or "", formula or "")
    except RuleError as exc:
        raise ValidationError({exc.field: str(exc)}) from None


def _check_link(policy: Any, clause_start: Any, clause_end: Any, task: Any) -> None:
    candidate = Benefit(policy=policy, clause_start=clause_start, clause_end=clause_end, task=task, name="x")
    candidate.clean()


def do_create_benefit(
    user: Any,
    *,
    code: str,
    name: str,
    unit: Unit,
    conditions: str,
    formula: str,
    summary: str = "",
    policy: Any = None,
    clause_start: int | None = None,
    clause_end: int | None = None,
    task: Any = None,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    for_hk: bool = False,
    clause_text: str = "",
) -> Benefit:
    """Add a benefit to the catalogue with its first rule version. The supervisor, or a unit
    for its own benefits."""
    require_officer_writer(user, gettext("add a benefit"))
    if not is_steering(user) and unit.pk != unit_id_of(user):
        raise PermissionDenied(gettext("A unit may add only benefits it pays itself"))
    check_rules(code, conditions, formula)
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": gettext("The code may not be empty")})
    if Benefit.objects.filter(code=code).exists():
        raise ValidationError({"code": gettext("The code “%(code)s” already exists") % {"code": code}})
    with transaction.atomic():
        benefit = Benefit(
            code=code,
            name=name.strip(),
            summary=summary,
            unit=unit,
            policy=policy,
            clause_start=clause_start,
            clause_end=clause_end,
            task=task,
            valid_from=valid_from,
            valid_until=valid_until,
            for_hk=for_hk,
        )
        benefit.full_clean(exclude=["current"])
        if policy is not None and clause_start is not None and clause_end is not None:
            benefit.clause_text = policy.text[clause_start:clause_end]
        else:
            benefit.clause_text = (clause_text or "").strip()
        benefit.save()
        version = BenefitVersion.objects.create(
            benefit=benefit,
            number=1,
            conditions=conditions.strip(),
            formula=formula.strip(),
            created_by=user,
            note="初版",
        )
        benefit.current = version
        benefit.save(update_fields=["current"])
        record(
            user,
            benefit,
            "create_benefit",
            task_id=benefit.task_id,
            after={**snapshot(benefit, ["code", "name", "unit", "policy", "task"]), "rules": 1},
        )
    return benefit


def do_update_benefit(user: Any, benefit: Benefit, *, seen_version: int, **changes: Any) -> Benefit:
    """Edit a benefit's catalogue entry (not its rules). A stale edit is refused."""
    from taizhang.core.concurrency import save_versioned

    require_benefit_unit(user, benefit, gettext("change this benefit"))
    unknown = set(changes) - set(BENEFIT_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: gettext("This field cannot be changed here")})
    if "unit" in changes and not is_steering(user):
        raise PermissionDenied(gettext("Only the supervisor may change the paying unit"))
    with transaction.atomic():
        candidate = Benefit.objects.get(pk=benefit.pk)
        for name, value in changes.items():
            setattr(candidate, name, value)
        candidate.full_clean(exclude=["current", "code"])
        if {"policy", "clause_start", "clause_end"} & set(changes):
            changes["clause_text"] = (
                candidate.policy.text[candidate.clause_start : candidate.clause_end]
                if candidate.policy is not None and candidate.clause_start is not None
                else ""
            )
        before = snapshot(benefit, list(changes))
        save_versioned(benefit, seen_version, changes)
        record(
            user,
            benefit,
            "update_benefit",
            task_id=benefit.task_id,
            before=before,
            after=snapshot(benefit, list(changes)),
        )
    return benefit


def do_save_benefit_rules(
    user: Any, benefit: Benefit, *, conditions: str, formula: str, note: str = ""
) -> BenefitVersion:
    """Save new rules as a new version. Refused, naming the field, when they cannot be read or
    when an example case of the benefit no longer gives its expected outcome."""
    require_benefit_unit(user, benefit, gettext("change the benefit's rules"))
    rule = check_rules(benefit.code, conditions, formula)
    failures = [r for r in run_examples(rule, list(benefit.examples.all())) if not r.passed]
    if failures:
        raise ValidationError({"conditions": [str(r) for r in failures]})
    with transaction.atomic():
        locked = Benefit.objects.select_for_update().get(pk=benefit.pk)
        current = locked.current
        if (
            current is not None
            and current.conditions == conditions.strip()
            and current.formula == formula.strip()
        ):
            raise ValidationError({"conditions": gettext("The rules have not changed")})
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = BenefitVersion.objects.create(
            benefit=locked,
            number=number,
            conditions=conditions.strip(),
            formula=formula.strip(),
            note=note.strip()[:300],
            created_by=user,
        )
        locked.current = version
        locked.version += 1
        locked.save(update_fields=["current", "version"])
        record(
            user,
            locked,
            "save_benefit_rules",
            task_id=locked.task_id,
            before={"version": current.number if current else None},
            after={
                "version": number,
                "conditions": version.conditions,
                "formula": version.formula,
                "note": version.note,
            },
        )
    benefit.refresh_from_db()
    return version


def _check_inputs(inputs: Mapping[str, Any]) -> dict[str, Any]:
    from .engine import dtype_of

    clean: dict[str, Any] = {}
    for name, value in inputs.items():
        try:
            dtype_of(name)
        except KeyError:
            raise ValidationError(
                {
                    "inputs": gettext("The example's input has an unknown attribute column “%(name)s”")
                    % {"name": name}
                }
            ) from None
        clean[name] = value.isoformat() if isinstance(value, dt.date) else value
    return clean


def do_add_benefit_example(
    user: Any,
    benefit: Benefit,
    *,
    name: str,
    as_of: dt.date,
    inputs: Mapping[str, Any],
    expected: str,
    expected_amount: Decimal | None = None,
) -> BenefitExample:
    """Add an example case to a benefit (a failing one is kept and shown failing; new rules
    must then satisfy it)."""
    require_benefit_unit(user, benefit, gettext("add a rule example"))
    if expected not in BenefitExample.Expected.values:
        raise ValidationError(
            {
                "expected": gettext(
                    "The expected outcome “%(expected)s” is not one of eligible / not eligible / possibly eligible"
                )
                % {"expected": expected}
            }
        )
    if not (name or "").strip():
        raise ValidationError({"name": gettext("An example needs a name")})
    with transaction.atomic():
        example = BenefitExample.objects.create(
            benefit=benefit,
            name=name.strip()[:200],
            as_of=as_of,
            inputs=_check_inputs(inputs),
            expected=expected,
            expected_amount=expected_amount,
        )
        record(
            user,
            example,
            "add_benefit_example",
            task_id=benefit.task_id,
            after={"benefit": benefit.pk, "name": example.name},
        )
    return example


def do_delete_benefit_example(user: Any, example: BenefitExample) -> None:
    """Remove an example case."""
    require_benefit_unit(user, example.benefit, gettext("delete a rule example"))
    with transaction.atomic():
        record(
            user,
            example,
            "delete_benefit_example",
            before={"benefit": example.benefit_id, "name": example.name},
        )
        example.delete()


# ----------------------------------------------------------------------------------- 免申即享

OPEN_DECISIONS = (
    DecisionStatus.PROPOSED,
    DecisionStatus.AWAITING,
    DecisionStatus.CONFIRMED,
    DecisionStatus.PAID,
)


def do_generate_benefit_list(user: Any, benefit: Benefit, *, as_of: dt.date) -> BenefitList:
    """Evaluate the whole registry for ``benefit`` on ``as_of`` with its current rules and put
    the eligible enterprises (拟兑现) and the possibly eligible ones (待补充数据) on a new list
    for the supervisor's review. Enterprises already on an earlier list of the benefit (not
    excluded, withdrawn or declined) are left out: a benefit is not granted twice."""
    require_benefit_unit(user, benefit, gettext("draw up a list of beneficiaries"))
    if benefit.status != BenefitStatus.ACTIVE:
        raise ValidationError({"benefit": gettext("This benefit is withdrawn")})
    if not benefit.in_force(as_of):
        raise ValidationError(
            {"as_of": gettext("%(as_of)s is outside the benefit's period of validity") % {"as_of": as_of}}
        )
    if benefit.current is None:
        raise ValidationError({"conditions": gettext("This benefit has no rules yet")})
    version = benefit.current
    rule = check_rules(benefit.code, version.conditions, version.formula)
    with transaction.atomic():
        locked = Benefit.objects.select_for_update().get(pk=benefit.pk)
        if locked.lists.filter(
            status__in=[ListStatus.DRAFT, ListStatus.APPROVED, ListStatus.ON_NOTICE]
        ).exists():
            raise ValidationError(
                {
                    "benefit": gettext(
                        "This benefit still has a list whose public notice has not ended; finish it first"
                    )
                }
            )
        already = set(
            Decision.objects.filter(benefit_list__benefit=locked, status__in=OPEN_DECISIONS).values_list(
                "enterprise_id", flat=True
            )
        )
        frame = registry_frame()
        result = evaluate(frame, [rule], as_of)
        eligible = [i for i in result.ids(rule.code, Outcome.ELIGIBLE) if i not in already]
        possibly = [i for i in result.ids(rule.code, Outcome.POSSIBLY) if i not in already]
        number = (locked.lists.aggregate(n=Max("number"))["n"] or 0) + 1
        blist = BenefitList.objects.create(
            benefit=locked,
            rule_version=version,
            number=number,
            as_of=as_of,
            evaluated=frame.height,
            eligible_count=len(eligible),
            possibly_count=len(possibly),
            created_by=user,
        )
        columns = rule_columns(rule, as_of.year)
        facts: dict[int, list[EnterpriseFact]] = {}
        wanted = {code.split("@")[0] for code in columns} | {"high_tech", "srdi_tier"}
        for chunk in _chunks(eligible + possibly):
            for fact in EnterpriseFact.objects.filter(
                enterprise_id__in=chunk, attribute__in=wanted
            ).select_related("source"):
                facts.setdefault(fact.enterprise_id, []).append(fact)
        decisions = []
        for enterprise_id in eligible + possibly:
            row, sources = enterprise_row(facts.get(enterprise_id, []), enterprise_id)
            e = explain(rule, row, as_of, sources=sources.get)
            decisions.append(
                Decision(
                    benefit_list=blist,
                    enterprise_id=enterprise_id,
                    rule_version=version,
                    outcome=e.outcome,
                    amount=Decimal(str(e.amount)) if e.amount is not None else None,
                    snapshot=snapshot_of(row, sources, columns),
                    missing=list(e.missing),
                    status=DecisionStatus.PROPOSED
                    if e.outcome == Outcome.ELIGIBLE
                    else DecisionStatus.NEEDS_DATA,
                )
            )
        Decision.objects.bulk_create(decisions, batch_size=1000)
        record(
            user,
            blist,
            "generate_benefit_list",
            task_id=locked.task_id,
            after={
                "benefit": locked.code,
                "number": number,
                "rule_version": version.number,
                "as_of": as_of,
                "evaluated": blist.evaluated,
                "eligible": len(eligible),
                "possibly": len(possibly),
                "left_out_already_listed": len(already),
            },
        )
    return blist


def _lock_list(blist: BenefitList) -> BenefitList:
    return BenefitList.objects.select_for_update().select_related("benefit").get(pk=blist.pk)


def _move_list(
    user: Any, blist: BenefitList, allowed: Sequence[str], to: str, action: str, **extra: Any
) -> BenefitList:
    locked = _lock_list(blist)
    if locked.status not in allowed:
        raise ValidationError(
            {
                "status": gettext("The list is “%(status)s”; this cannot be done now")
                % {"status": locked.get_status_display()}
            }
        )
    before = snapshot(locked, ["status", *extra])
    locked.status = to
    for name, value in extra.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save(update_fields=["status", "version", *extra])
    record(
        user,
        locked,
        action,
        task_id=locked.benefit.task_id,
        before=before,
        after=snapshot(locked, ["status", *extra]),
    )
    return locked


def do_exclude_decision(user: Any, decision: Decision, *, reason: str) -> Decision:
    """The supervisor takes an enterprise off a list under review, with the reason."""
    require_steering(user, gettext("strike an enterprise off the list"))
    if not (reason or "").strip():
        raise ValidationError({"reason": gettext("Striking off needs a reason")})
    with transaction.atomic():
        locked = (
            Decision.objects.select_for_update().select_related("benefit_list__benefit").get(pk=decision.pk)
        )
        if locked.benefit_list.status != ListStatus.DRAFT:
            raise ValidationError({"status": gettext("Enterprises can be struck off only during review")})
        if locked.status not in (DecisionStatus.PROPOSED, DecisionStatus.NEEDS_DATA):
            raise ValidationError({"status": gettext("This record has been handled already")})
        before = {"status": locked.status}
        locked.status, locked.reason = DecisionStatus.EXCLUDED, reason.strip()
        locked.version += 1
        locked.save(update_fields=["status", "reason", "version"])
        record(
            user,
            locked,
            "exclude_decision",
            task_id=locked.benefit_list.benefit.task_id,
            before=before,
            after={"status": locked.status, "reason": locked.reason},
        )
    return locked


def do_review_benefit_list(
    user: Any, blist: BenefitList, *, approve: bool, comments: str = ""
) -> BenefitList:
    """The supervisor approves a generated list for public notice, or returns it with comments."""
    require_steering(user, gettext("review a list of beneficiaries"))
    if not approve and not (comments or "").strip():
        raise ValidationError({"comments": gettext("Returning a list needs comments")})
    with transaction.atomic():
        if approve and not blist.decisions.filter(status=DecisionStatus.PROPOSED).exists():
            raise ValidationError({"status": gettext("The list has no enterprise to be paid")})
        return _move_list(
            user,
            blist,
            (ListStatus.DRAFT,),
            ListStatus.APPROVED if approve else ListStatus.RETURNED,
            "approve_benefit_list" if approve else "return_benefit_list",
            review_comments=(comments or "").strip(),
            reviewed_by=user,
            reviewed_at=timezone.now(),
        )


def do_start_public_notice(
    user: Any, blist: BenefitList, *, days: int = 5, today: dt.date | None = None
) -> BenefitList:
    """Put an approved list on public notice (公示) for ``days`` days from today."""
    require_steering(user, gettext("put a list on public notice"))
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 30:
        raise ValidationError({"days": gettext("A public notice lasts 1 to 30 days")})
    start = today or timezone.localdate()
    with transaction.atomic():
        return _move_list(
            user,
            blist,
            (ListStatus.APPROVED,),
            ListStatus.ON_NOTICE,
            "start_public_notice",
            notice_from=start,
            notice_until=start + dt.timedelta(days=days - 1),
        )


def do_lodge_objection(
    user: Any, decision: Decision, *, text: str, contact: str, today: dt.date | None = None
) -> Objection:
    """Anyone (signed in or not) objects to an enterprise on a list during its public notice."""
    if not (text or "").strip():
        raise ValidationError({"text": gettext("Please write what the objection is")})
    if not (contact or "").strip():
        raise ValidationError(
            {"contact": gettext("Please leave a contact person and how to reach them, for the reply")}
        )
    today = today or timezone.localdate()
    with transaction.atomic():
        decision = Decision.objects.select_related("benefit_list__benefit").get(pk=decision.pk)
        blist = decision.benefit_list
        if blist.status != ListStatus.ON_NOTICE or not (blist.notice_from <= today <= blist.notice_until):
            raise ValidationError({"decision": gettext("This list is not on public notice")})
        if decision.status != DecisionStatus.PROPOSED:
            raise ValidationError(
                {"decision": gettext("This enterprise is not on the list on public notice")}
            )
        actor = user if getattr(user, "is_authenticated", False) else None
        objection = Objection.objects.create(
            decision=decision, text=text.strip()[:4000], contact=contact.strip()[:200], lodged_by=actor
        )
        record(
            actor,
            objection,
            "lodge_objection",
            task_id=blist.benefit.task_id,
            after={"decision": decision.pk},
        )
    return objection


def do_decide_objection(user: Any, objection: Objection, *, upheld: bool, reply: str) -> Objection:
    """The supervisor answers an objection; an upheld one withdraws the enterprise from the list."""
    require_steering(user, gettext("handle objections to a public notice"))
    if not (reply or "").strip():
        raise ValidationError({"reply": gettext("Please write how the objection was handled")})
    with transaction.atomic():
        locked = (
            Objection.objects.select_for_update()
            .select_related("decision__benefit_list__benefit")
            .get(pk=objection.pk)
        )
        if locked.status != ObjectionStatus.OPEN:
            raise ValidationError({"status": gettext("This objection has been handled already")})
        locked.status = ObjectionStatus.UPHELD if upheld else ObjectionStatus.DISMISSED
        locked.reply, locked.decided_by, locked.decided_at = reply.strip(), user, timezone.now()
        locked.save(update_fields=["status", "reply", "decided_by", "decided_at"])
        task_id = locked.decision.benefit_list.benefit.task_id
        record(
            user,
            locked,
            "decide_objection",
            task_id=task_id,
            after={"status": locked.status, "reply": locked.reply},
        )
        if upheld:
            decision = Decision.objects.select_for_update().get(pk=locked.decision_id)
            if decision.status == DecisionStatus.PROPOSED:
                decision.status, decision.reason = DecisionStatus.WITHDRAWN, f"异议成立：{locked.reply}"
                decision.version += 1
                decision.save(update_fields=["status", "reason", "version"])
                record(
                    user, decision, "withdraw_decision", task_id=task_id, after={"status": decision.status}
                )
    return locked


def do_close_public_notice(user: Any, blist: BenefitList, *, today: dt.date | None = None) -> BenefitList:
    """After the notice period, with every objection answered, the list is final: each enterprise
    on it is asked to confirm (意愿确认)."""
    require_steering(user, gettext("end a public notice"))
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock_list(blist)
        if (
            locked.status == ListStatus.ON_NOTICE
            and locked.notice_until is not None
            and today <= locked.notice_until
        ):
            raise ValidationError(
                {
                    "status": gettext(
                        "The public notice runs until %(notice_until)s; it can end only after that"
                    )
                    % {"notice_until": locked.notice_until}
                }
            )
        if Objection.objects.filter(decision__benefit_list=locked, status=ObjectionStatus.OPEN).exists():
            raise ValidationError({"status": gettext("Some objections are not handled yet")})
        locked = _move_list(user, locked, (ListStatus.ON_NOTICE,), ListStatus.FINAL, "close_public_notice")
        moved = locked.decisions.filter(status=DecisionStatus.PROPOSED).update(status=DecisionStatus.AWAITING)
        record(
            user, locked, "request_confirmations", task_id=locked.benefit.task_id, after={"awaiting": moved}
        )
    return locked


def do_confirm_decision(user: Any, decision: Decision, *, accept: bool, reason: str = "") -> Decision:
    """The enterprise confirms it wants the benefit (意愿确认), or declines it."""
    mine = enterprise_of(user)
    if mine is None or mine.pk != decision.enterprise_id:
        raise PermissionDenied(gettext("Only the enterprise's own users may confirm"))
    with transaction.atomic():
        locked = (
            Decision.objects.select_for_update().select_related("benefit_list__benefit").get(pk=decision.pk)
        )
        if locked.status != DecisionStatus.AWAITING:
            raise ValidationError(
                {
                    "status": gettext("The status is “%(status)s”; no confirmation is needed")
                    % {"status": locked.get_status_display()}
                }
            )
        locked.status = DecisionStatus.CONFIRMED if accept else DecisionStatus.DECLINED
        locked.reason = "" if accept else (reason or "").strip()
        locked.confirmed_by, locked.confirmed_at = user, timezone.now()
        locked.version += 1
        locked.save(update_fields=["status", "reason", "confirmed_by", "confirmed_at", "version"])
        record(
            user,
            locked,
            "confirm_decision" if accept else "decline_decision",
            task_id=locked.benefit_list.benefit.task_id,
            after={"status": locked.status},
        )
    return locked


def do_record_payout(
    user: Any, decision: Decision, *, amount: Decimal | str, paid_on: dt.date, reference: str = ""
) -> Decision:
    """The benefit's department records the payment of a confirmed decision."""
    require_benefit_unit(user, decision.benefit_list.benefit, gettext("record a payment"))
    try:
        paid = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"amount": gettext("“%(amount)s” is not an amount") % {"amount": amount}}
        ) from None
    if paid <= 0:
        raise ValidationError({"amount": gettext("The amount paid must be more than 0")})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": gettext("The payment date cannot be in the future")})
    with transaction.atomic():
        locked = (
            Decision.objects.select_for_update().select_related("benefit_list__benefit").get(pk=decision.pk)
        )
        if locked.status != DecisionStatus.CONFIRMED:
            raise ValidationError(
                {
                    "status": gettext(
                        "The status is “%(status)s”; payment is possible only after the enterprise confirms"
                    )
                    % {"status": locked.get_status_display()}
                }
            )
        locked.status = DecisionStatus.PAID
        locked.paid_amount, locked.paid_on, locked.payment_reference, locked.paid_by = (
            paid,
            paid_on,
            reference.strip()[:100],
            user,
        )
        locked.version += 1
        locked.save(
            update_fields=["status", "paid_amount", "paid_on", "payment_reference", "paid_by", "version"]
        )
        record(
            user,
            locked,
            "record_payout",
            task_id=locked.benefit_list.benefit.task_id,
            after={"amount": paid, "paid_on": paid_on, "reference": locked.payment_reference},
        )
        blist = locked.benefit_list
        if not blist.decisions.filter(
            status__in=[DecisionStatus.AWAITING, DecisionStatus.CONFIRMED]
        ).exists():
            _move_list(user, blist, (ListStatus.FINAL,), ListStatus.CLOSED, "close_benefit_list")
    return locked


def benefit_progress(task: Any) -> tuple[int, str]:
    """The percent and the narrative a task's report gets from the benefits linked to it: the
    share of the enterprises confirmed on final lists that have been paid."""
    decisions = Decision.objects.filter(
        benefit_list__benefit__task=task, benefit_list__status__in=[ListStatus.FINAL, ListStatus.CLOSED]
    )
    lines = []
    paid_total = due_total = 0
    for benefit in Benefit.objects.filter(task=task).order_by("code"):
        mine = [d for d in decisions if d.benefit_list.benefit_id == benefit.pk]
        paid = [d for d in mine if d.status == DecisionStatus.PAID]
        due = [
            d
            for d in mine
            if d.status in (DecisionStatus.AWAITING, DecisionStatus.CONFIRMED, DecisionStatus.PAID)
        ]
        amount = sum((d.paid_amount or Decimal(0) for d in paid), Decimal(0))
        paid_total += len(paid)
        due_total += len(due)
        lines.append(
            f"《{benefit.name}》：公示通过 {len(due) + sum(1 for d in mine if d.status == DecisionStatus.DECLINED)} 家，"
            f"企业放弃 {sum(1 for d in mine if d.status == DecisionStatus.DECLINED)} 家，"
            f"已兑现 {len(paid)} 家，金额 {amount / 10000:,.2f} 万元。"
        )
    percent = round(100 * paid_total / due_total) if due_total else 0
    return percent, "免申即享兑现情况（系统根据兑现记录生成）：\n" + "\n".join(lines)


def do_report_benefit_progress(user: Any, task: Any, *, period: str) -> Any:
    """Draft (or update) the linked ledger task's progress report for ``period`` from the
    benefits actually paid. Written through the ledger's ``do_save_report`` with the user's own
    rights there: the lead unit's officer; the report then goes through the ledger's review."""
    from taizhang.ledger.actions import do_save_report
    from taizhang.ledger.models import ProgressReport

    if role_of(user) not in UNIT_ROLES:
        raise PermissionDenied(gettext("Progress is reported by an officer of the task's lead unit"))
    if not Benefit.objects.filter(task=task).exists():
        raise ValidationError({"task": gettext("This task has no benefit linked to it")})
    percent, narrative = benefit_progress(task)
    existing = ProgressReport.objects.filter(task=task, unit_id=unit_id_of(user), period=period).first()
    with transaction.atomic():
        report = do_save_report(
            user,
            task=task,
            period=period,
            narrative=narrative,
            percent=percent,
            report=existing,
            seen_version=existing.version if existing is not None else None,
        )
        record(
            user,
            report,
            "report_benefit_progress",
            task_id=task.pk,
            after={"percent": percent, "period": period},
        )
    return report


# ----------------------------------------------------------------------------------- the zone


def do_save_service_item(user: Any, item: ServiceItem | None = None, **fields: Any) -> ServiceItem:
    """Create or edit a service item (服务事项) of the Hong Kong enterprise zone."""
    require_officer_writer(user, gettext("edit service items"))
    allowed = {"title", "summary", "unit", "location", "for_hk", "task", "published"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError({sorted(unknown)[0]: gettext("This field cannot be changed here")})
    with transaction.atomic():
        if item is None:
            item = ServiceItem(**fields)
            action = "create_service_item"
        else:
            item = ServiceItem.objects.select_for_update().get(pk=item.pk)
            for name, value in fields.items():
                setattr(item, name, value)
            item.version += 1
            action = "update_service_item"
        if not item.title.strip():
            raise ValidationError({"title": gettext("The item name may not be empty")})
        if not item.summary.strip():
            raise ValidationError({"summary": gettext("The instructions may not be empty")})
        item.save()
        record(user, item, action, after=snapshot(item, ["title", "unit", "for_hk", "published"]))
    return item


def do_save_news_item(user: Any, item: NewsItem | None = None, *, title: str, body: str) -> NewsItem:
    """Write or edit a 深港资讯 news item (a draft until published)."""
    require_officer_writer(user, gettext("edit Shenzhen–Hong Kong news"))
    if not (title or "").strip():
        raise ValidationError({"title": gettext("The title may not be empty")})
    if not (body or "").strip():
        raise ValidationError({"body": gettext("The text may not be empty")})
    with transaction.atomic():
        if item is None:
            item = NewsItem.objects.create(title=title.strip()[:200], body=body.strip(), created_by=user)
            record(user, item, "create_news_item", after={"title": item.title})
        else:
            item = NewsItem.objects.select_for_update().get(pk=item.pk)
            before = snapshot(item, ["title", "body"])
            item.title, item.body = title.strip()[:200], body.strip()
            item.version += 1
            item.save(update_fields=["title", "body", "version"])
            record(user, item, "update_news_item", before=before, after=snapshot(item, ["title", "body"]))
    return item


def do_publish_news_item(
    user: Any, item: NewsItem, *, publish: bool = True, now: dt.datetime | None = None
) -> NewsItem:
    """Publish a news item to the zone (enterprises and the public portal read it), or withdraw it."""
    require_officer_writer(user, gettext("publish Shenzhen–Hong Kong news"))
    with transaction.atomic():
        item = NewsItem.objects.select_for_update().get(pk=item.pk)
        item.published_at = (now or timezone.now()) if publish else None
        item.version += 1
        item.save(update_fields=["published_at", "version"])
        record(
            user,
            item,
            "publish_news_item" if publish else "withdraw_news_item",
            after={"published_at": item.published_at},
        )
    return item


def move_unit_rows(user: Any, source: Unit, target: Unit) -> dict[str, int]:
    """The enterprise rows that name ``source`` name ``target`` instead (called by
    ``units.actions.do_merge_unit`` inside its transaction, after its permission check): the data
    source of each fact and import, the paying unit of each benefit, the unit of each service item.
    None of these fields is part of a uniqueness rule, so nothing collides."""
    return {
        "enterprises.EnterpriseFact.source": EnterpriseFact.objects.filter(source=source).update(
            source=target
        ),
        "enterprises.RegistryImport.source": RegistryImport.objects.filter(source=source).update(
            source=target
        ),
        "enterprises.Benefit.unit": Benefit.objects.filter(unit=source).update(unit=target),
        "enterprises.ServiceItem.unit": ServiceItem.objects.filter(unit=source).update(unit=target),
    }
