"""Pages of the enterprise services: the registry, the benefit catalogue and its rules, the
免申即享 lists, the policy calculator, an enterprise's own pages and the Hong Kong enterprise zone.

Views parse, fetch through ``access.py``, act through ``actions.py`` and render. A refused action
answers 403, a row the person may not read 404; a refused input comes back as a message naming
the field, or as the form with its errors (400).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST

from taizhang.accounts.access import is_steering, role_of
from taizhang.accounts.models import UNIT_ROLES
from taizhang.core.forms import apply_errors

from . import actions as A
from .access import (
    access_benefit,
    access_decision,
    access_enterprise,
    access_list,
    enterprise_of,
    is_hk_user,
    is_officer,
    visible_benefits,
    visible_decisions,
    visible_enterprises,
    writes_for_unit,
)
from .attributes import ATTRIBUTES, BY_CODE, Kind
from .engine import Outcome, Rule, evaluate, explain, format_value
from .forms import (
    AccountForm,
    BenefitForm,
    CalculatorForm,
    DecideObjectionForm,
    GenerateListForm,
    ImportForm,
    NewsForm,
    NoticeForm,
    ObjectionForm,
    PayoutForm,
    PeriodForm,
    ReasonForm,
    RegistryFilterForm,
    RulesForm,
    ServiceItemForm,
)
from .imports import parse_registry
from .language import RuleError, attributes_of
from .models import (
    Benefit,
    BenefitList,
    BenefitStatus,
    Decision,
    DecisionStatus,
    Enterprise,
    EnterpriseFact,
    ListStatus,
    NewsItem,
    Objection,
    ObjectionStatus,
    RegistryImport,
    ServiceItem,
)
from .registry import enterprise_facts, enterprise_row, is_hk_funded, registry_frame, row_from_snapshot

PAGE_SIZE = 50
ORDER = {Outcome.ELIGIBLE: 0, Outcome.POSSIBLY: 1, Outcome.NOT_ELIGIBLE: 2}


def lang_of(request: HttpRequest) -> str:
    """The explanation language of the page: zh-hans, zh-hant or en."""
    language = (get_language() or "zh-hans").lower()
    if language.startswith("zh-hant") or language in ("zh-tw", "zh-hk"):
        return "zh-hant"
    return "en" if language.startswith("en") else "zh-hans"


def _officer(request: HttpRequest) -> None:
    if not is_officer(request.user):
        raise Http404(gettext("No such page"))


def _refusal(request: HttpRequest, error: ValidationError) -> None:
    """A refused action as one message naming the field(s)."""
    labels = {
        "file": _t("File"),
        "as_of": _t("Data as of"),
        "conditions": _t("Conditions"),
        "formula": _t("Amount formula"),
        "reason": _t("Reason"),
        "comments": _t("Comments"),
        "amount": _t("Amount"),
        "paid_on": _t("Paid on"),
        "status": _t("Status"),
        "days": _t("Days of public notice"),
        "text": _t("Your objection"),
        "contact": _t("Contact"),
        "reply": _t("Reply"),
        "username": _t("User name"),
        "password": _t("Password"),
        "period": _t("Report period"),
        "task": _t("Task"),
    }
    if hasattr(error, "message_dict"):
        for field, texts in error.message_dict.items():
            messages.error(
                request,
                gettext("%(field)s: %(errors)s")
                % {"field": labels.get(field, field), "errors": gettext("; ").join(texts)},
            )
    else:
        messages.error(request, gettext("; ").join(error.messages))


def _act(request: HttpRequest, fn: Callable[[], Any], done: str, back: str) -> HttpResponse:
    try:
        fn()
    except ValidationError as error:
        _refusal(request, error)
        return redirect(back)
    messages.success(request, done)
    return redirect(back)


# ----------------------------------------------------------------------------------- registry


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Officers: the registry, searchable. An enterprise user goes to his enterprise's page."""
    mine = enterprise_of(request.user)
    if mine is not None:
        return redirect("enterprises:detail", pk=mine.pk)
    _officer(request)
    form = RegistryFilterForm(request.GET or None)
    enterprises = visible_enterprises(Enterprise.objects.all(), request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"].strip()
            enterprises = enterprises.filter(Q(name__icontains=q) | Q(credit_code__icontains=q.upper()))
        for flag, fact in (
            ("hk", Q(attribute="hk_funded", number=1)),
            ("high_tech", Q(attribute="high_tech")),
            ("srdi", Q(attribute="srdi_tier", number__gt=0)),
        ):
            if data[flag]:
                enterprises = enterprises.filter(
                    Exists(EnterpriseFact.objects.filter(fact, enterprise=OuterRef("pk")))
                )
    page = Paginator(enterprises.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    hk_ids = set(
        EnterpriseFact.objects.filter(
            enterprise__in=[e.pk for e in page], attribute="hk_funded", number=1
        ).values_list("enterprise_id", flat=True)
    )
    for enterprise in page:
        enterprise.is_hk = enterprise.pk in hk_ids
    context = {
        "form": form,
        "page": page,
        "total": Enterprise.objects.count(),
        "imports": RegistryImport.objects.select_related("source")[:5],
        "writes": role_of(request.user) in (*UNIT_ROLES, "administrator", "supervisor"),
    }
    return render(request, "enterprises/home.html", context)


def _benefit_rows(
    enterprise: Enterprise, lang: str, as_of: dt.date, only_matched: bool = False, hk_only: bool = False
) -> list[dict[str, Any]]:
    """Every benefit in force for ``enterprise`` with its explanation, the matched ones first."""
    facts = enterprise_facts(enterprise)
    row, sources = enterprise_row(facts, enterprise.pk)
    benefits = Benefit.objects.filter(status=BenefitStatus.ACTIVE, current__isnull=False).select_related(
        "current", "unit"
    )
    if hk_only:
        benefits = benefits.filter(for_hk=True)
    rows = []
    for benefit in benefits:
        if not benefit.in_force(as_of):
            continue
        try:
            rule = benefit.current.rule()
        except RuleError:
            continue
        e = explain(rule, row, as_of, lang=lang, sources=sources.get)
        if only_matched and e.outcome == Outcome.NOT_ELIGIBLE:
            continue
        rows.append({"benefit": benefit, "explanation": e})
    rows.sort(key=lambda r: (ORDER[r["explanation"].outcome], r["benefit"].code))
    return rows


def _fact_rows(enterprise: Enterprise, lang: str) -> list[dict[str, Any]]:
    from .registry import fact_value

    out = []
    for fact in enterprise_facts(enterprise):
        attribute = BY_CODE[fact.attribute]
        value = fact_value(fact.attribute, fact.number, fact.text)
        shown = format_value(value, attribute, lang)
        if fact.attribute == "high_tech":
            shown = f"{fact.text}（{fact.valid_from or '…'} ~ {fact.valid_until or '…'}）"
        elif fact.attribute == "srdi_tier":
            shown = f"{shown}（{fact.valid_from or '…'} ~ {fact.valid_until or '…'}）"
        out.append(
            {
                "label": attribute.label_en if lang == "en" else attribute.label,
                "year": fact.year or "",
                "value": shown,
                "source": fact.source.name,
                "as_of": fact.as_of,
            }
        )
    return out


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An enterprise: its data with sources, the benefits it may get and why, its decisions.
    An enterprise user reaches only his own (another enterprise answers 404)."""
    enterprise = access_enterprise(request.user, pk)
    lang = lang_of(request)
    today = timezone.localdate()
    decisions = list(
        visible_decisions(Decision.objects.filter(enterprise=enterprise), request.user)
        .select_related("benefit_list__benefit", "rule_version")
        .order_by("-benefit_list__created_at", "pk")
    )
    for decision in decisions:
        decision.explanation = _decision_explanation(decision, lang)
    context = {
        "enterprise": enterprise,
        "facts": _fact_rows(enterprise, lang),
        "benefits": _benefit_rows(enterprise, lang, today),
        "decisions": decisions,
        "today": today,
        "is_hk": is_hk_funded(enterprise),
        "own": enterprise_of(request.user) is not None,
        "account_form": AccountForm() if is_steering(request.user) else None,
        "accounts": enterprise.accounts.select_related("user") if is_officer(request.user) else [],
    }
    return render(request, "enterprises/detail.html", context)


@lru_cache(maxsize=256)
def _parsed_rule(code: str, conditions: str, formula: str) -> Rule:
    return Rule.parse(code, conditions, formula)


def _decision_explanation(decision: Decision, lang: str) -> Any:
    """A decision's explanation, rendered from its frozen rule version and data."""
    row, sources = row_from_snapshot(decision.snapshot)
    version = decision.rule_version
    try:
        rule = _parsed_rule(decision.benefit_list.benefit.code, version.conditions, version.formula)
    except RuleError:
        return None
    return explain(rule, row, decision.benefit_list.as_of, lang=lang, sources=sources.get)


@login_required
@require_POST
def account_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor opens a login for a person acting for the enterprise."""
    enterprise = access_enterprise(request.user, pk)
    form = AccountForm(request.POST)
    back = reverse("enterprises:detail", args=[enterprise.pk])
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request,
                gettext("%(field)s: %(errors)s")
                % {"field": form.fields[field].label, "errors": gettext("; ").join(errors)},
            )
        return redirect(back)
    return _act(
        request,
        lambda: A.do_create_enterprise_account(request.user, enterprise, **form.cleaned_data),
        _t("The enterprise account was created."),
        back,
    )


def _progress_key(token: str) -> str:
    return f"enterprises:import:{token}"


@login_required
def import_registry(request: HttpRequest) -> HttpResponse:
    """Upload a department's export: every row is checked first; a file with an error is refused
    whole, its errors listed by row and column. Progress is readable while it runs."""
    _officer(request)
    if role_of(request.user) not in ("administrator", "supervisor", *UNIT_ROLES):
        raise PermissionDenied(_t("Only the supervisor and the units import enterprise data."))
    unit = None if is_steering(request.user) else request.user.membership.unit
    form = ImportForm(request.POST or None, request.FILES or None, unit=unit)
    token = request.POST.get("token") or uuid.uuid4().hex
    context: dict[str, Any] = {"form": form, "token": token, "parsed": None}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        key = _progress_key(token)

        def progress(stage: str) -> Callable[[int], None]:
            return lambda done: cache.set(key, {"stage": stage, "done": done}, 600)

        parsed = parse_registry(upload.name, upload.read(), progress=progress("read"))
        context["parsed"] = parsed
        if parsed.ok:
            try:
                batch = A.do_import_registry(
                    request.user,
                    parsed,
                    source=form.cleaned_data["source"],
                    as_of=form.cleaned_data["as_of"],
                    progress=progress("write"),
                    once=request.POST.get("token") or None,
                )
            except ValidationError as error:
                _refusal(request, error)
            else:
                cache.set(key, {"stage": "done", "done": parsed.rows}, 600)
                messages.success(
                    request,
                    _t(
                        "%(file)s: %(rows)s rows read, %(created)s enterprises added, %(written)s values written, %(kept)s newer values kept."
                    )
                    % {
                        "file": batch.file_name,
                        "rows": batch.rows,
                        "created": batch.enterprises_created,
                        "written": batch.facts_written,
                        "kept": batch.facts_kept,
                    },
                )
                return redirect("enterprises:home")
        cache.set(key, {"stage": "refused", "done": parsed.rows}, 600)
        return render(request, "enterprises/import.html", context, status=400)
    status = 400 if request.method == "POST" else 200
    return render(request, "enterprises/import.html", context, status=status)


@login_required
def import_progress(request: HttpRequest) -> JsonResponse:
    """How far an import has come (rows read, then rows written)."""
    _officer(request)
    state = cache.get(_progress_key(request.GET.get("token", ""))) or {"stage": "waiting", "done": 0}
    return JsonResponse(state)


# ----------------------------------------------------------------------------------- catalogue


@login_required
def benefits(request: HttpRequest) -> HttpResponse:
    """The benefit catalogue (惠企政策清单)."""
    if not is_officer(request.user) and enterprise_of(request.user) is None:
        raise Http404
    rows = (
        visible_benefits(Benefit.objects.all(), request.user)
        .select_related("unit", "current", "policy", "task")
        .annotate(list_count=Count("lists", distinct=True))
        .order_by("code")
    )
    can_create = role_of(request.user) in ("administrator", "supervisor", *UNIT_ROLES)
    return render(request, "enterprises/benefits.html", {"benefits": rows, "can_create": can_create})


@login_required
def benefit_new(request: HttpRequest) -> HttpResponse:
    """Add a benefit with its first rules (the supervisor, or a unit for its own)."""
    _officer(request)
    form = BenefitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            benefit = A.do_create_benefit(request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _t("The benefit was added."))
            return redirect("enterprises:benefit", pk=benefit.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "enterprises/benefit_new.html", {"form": form, "attributes": ATTRIBUTES}, status=status
    )


@login_required
def benefit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A benefit: its clause, task, rules, examples (run now), versions, lists and where the
    registry's enterprises fall out condition by condition."""
    benefit = access_benefit(request.user, pk)
    officer = is_officer(request.user)
    context: dict[str, Any] = {"benefit": benefit, "officer": officer}
    if benefit.current is not None:
        rule = benefit.current.rule()
        context["rule"] = rule
        context["examples"] = A.run_examples(rule, list(benefit.examples.all()))
        if officer:
            today = timezone.localdate()
            frame = registry_frame()
            if frame.height:
                result = evaluate(frame, [rule], today)
                context["funnel"] = result.condition_counts(rule.code)
                context["counts"] = result.counts(rule.code)
                context["as_of"] = today
    if officer:
        context["versions"] = benefit.versions.select_related("created_by")
        context["lists"] = benefit.lists.all()
        context["writes"] = writes_for_unit(request.user, benefit.unit_id)
        context["generate_form"] = GenerateListForm()
        context["period_form"] = PeriodForm()
        context["reports_progress"] = benefit.task is not None and role_of(request.user) in UNIT_ROLES
    else:
        mine = enterprise_of(request.user)
        context["mine"] = _benefit_rows(mine, lang_of(request), timezone.localdate()) if mine else []
        context["mine"] = [r for r in context["mine"] if r["benefit"].pk == benefit.pk]
    return render(request, "enterprises/benefit_detail.html", context)


@login_required
def benefit_rules(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a benefit's conditions and amount formula: saved as a new version when they read and
    every example still gives its expected outcome; otherwise the form says where and why."""
    benefit = access_benefit(request.user, pk, for_write=True)
    current = benefit.current
    initial = {"conditions": current.conditions, "formula": current.formula} if current else {}
    form = RulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            A.do_save_benefit_rules(request.user, benefit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _t("The rules were saved as a new version."))
            return redirect("enterprises:benefit", pk=benefit.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "enterprises/benefit_rules.html",
        {"benefit": benefit, "form": form, "attributes": ATTRIBUTES},
        status=status,
    )


@login_required
@require_POST
def benefit_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """Generate a new list for the benefit from the registry."""
    benefit = access_benefit(request.user, pk, for_write=True)
    form = GenerateListForm(request.POST)
    back = reverse("enterprises:benefit", args=[benefit.pk])
    if not form.is_valid():
        messages.error(request, _t("Evaluate on: enter a date."))
        return redirect(back)
    try:
        blist = A.do_generate_benefit_list(request.user, benefit, as_of=form.cleaned_data["as_of"])
    except ValidationError as error:
        _refusal(request, error)
        return redirect(back)
    messages.success(request, _t("List %(number)s was generated.") % {"number": blist.number})
    return redirect("enterprises:list", pk=blist.pk)


@login_required
@require_POST
def benefit_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead unit's officer drafts the linked task's ledger report from the payouts."""
    benefit = access_benefit(request.user, pk)
    _officer(request)
    form = PeriodForm(request.POST)
    back = reverse("enterprises:benefit", args=[benefit.pk])
    if benefit.task is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _t("Report period: write it as 2025-03, 2025-Q1, 2025-H1 or 2025."))
        return redirect(back)
    try:
        report = A.do_report_benefit_progress(request.user, benefit.task, period=form.cleaned_data["period"])
    except ValidationError as error:
        _refusal(request, error)
        return redirect(back)
    messages.success(
        request,
        _t("The progress report of the task was drafted (%(percent)s%%); submit it from the task's page.")
        % {"percent": report.percent},
    )
    return redirect("ledger:task_detail", pk=benefit.task_id)


# ----------------------------------------------------------------------------------- lists


@login_required
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A list: its decisions with their frozen explanations, and the next step of the loop."""
    blist = access_list(request.user, pk)
    lang = lang_of(request)
    counts = dict(blist.decisions.values_list("status").annotate(n=Count("pk")))
    status = request.GET.get("status", "")
    decisions_query = blist.decisions.select_related(
        "enterprise", "rule_version", "benefit_list__benefit"
    ).prefetch_related("objections")
    if status in DecisionStatus.values:
        decisions_query = decisions_query.filter(status=status)
    page = Paginator(decisions_query.order_by("enterprise__name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    decisions = list(page)
    for decision in decisions:
        decision.explanation = _decision_explanation(decision, lang)
    steering = is_steering(request.user)
    context = {
        "blist": blist,
        "benefit": blist.benefit,
        "decisions": decisions,
        "page": page,
        "status": status,
        "status_counts": [
            (v, label, counts.get(v, 0)) for v, label in DecisionStatus.choices if counts.get(v)
        ],
        "steering": steering,
        "writes": writes_for_unit(request.user, blist.benefit.unit_id),
        "today": timezone.localdate(),
        "notice_form": NoticeForm(),
        "payout_form": PayoutForm(),
        "reason_form": ReasonForm(),
        "objection_form": DecideObjectionForm(),
        "open_objections": Objection.objects.filter(
            decision__benefit_list=blist, status=ObjectionStatus.OPEN
        ).exists(),
        "statuses": DecisionStatus,
    }
    return render(request, "enterprises/list_detail.html", context)


def _list_back(blist: BenefitList) -> str:
    return reverse("enterprises:list", args=[blist.pk])


@login_required
@require_POST
def list_review(request: HttpRequest, pk: int) -> HttpResponse:
    blist = access_list(request.user, pk)
    approve = request.POST.get("approve") == "1"
    comments = request.POST.get("comments", "")
    done = _t("The list was approved for public notice.") if approve else _t("The list was returned.")
    return _act(
        request,
        lambda: A.do_review_benefit_list(request.user, blist, approve=approve, comments=comments),
        done,
        _list_back(blist),
    )


@login_required
@require_POST
def list_notice(request: HttpRequest, pk: int) -> HttpResponse:
    blist = access_list(request.user, pk)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _t("Days of public notice: between 1 and 30."))
        return redirect(_list_back(blist))
    return _act(
        request,
        lambda: A.do_start_public_notice(request.user, blist, days=form.cleaned_data["days"]),
        _t("The list is on public notice."),
        _list_back(blist),
    )


@login_required
@require_POST
def list_close(request: HttpRequest, pk: int) -> HttpResponse:
    blist = access_list(request.user, pk)
    return _act(
        request,
        lambda: A.do_close_public_notice(request.user, blist),
        _t("The public notice is closed; the enterprises are asked to confirm."),
        _list_back(blist),
    )


@login_required
@require_POST
def decision_exclude(request: HttpRequest, pk: int) -> HttpResponse:
    decision = access_decision(request.user, pk)
    reason = request.POST.get("reason", "")
    return _act(
        request,
        lambda: A.do_exclude_decision(request.user, decision, reason=reason),
        _t("The enterprise was taken off the list."),
        _list_back(decision.benefit_list),
    )


@login_required
@require_POST
def decision_payout(request: HttpRequest, pk: int) -> HttpResponse:
    decision = access_decision(request.user, pk, for_write=True)
    form = PayoutForm(request.POST)
    back = _list_back(decision.benefit_list)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request,
                gettext("%(field)s: %(errors)s")
                % {"field": form.fields[field].label, "errors": gettext("; ").join(errors)},
            )
        return redirect(back)
    return _act(
        request,
        lambda: A.do_record_payout(request.user, decision, **form.cleaned_data),
        _t("The payout was recorded."),
        back,
    )


@login_required
@require_POST
def decision_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The enterprise confirms (意愿确认) or declines a benefit it was matched to."""
    decision = access_decision(request.user, pk, for_write=True)
    accept = request.POST.get("accept") == "1"
    done = _t("Thank you: your confirmation was recorded.") if accept else _t("You declined the benefit.")
    back = reverse("enterprises:detail", args=[decision.enterprise_id])
    return _act(
        request,
        lambda: A.do_confirm_decision(
            request.user, decision, accept=accept, reason=request.POST.get("reason", "")
        ),
        done,
        back,
    )


@login_required
@require_POST
def objection_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _officer(request)
    try:
        objection = Objection.objects.select_related("decision__benefit_list").get(pk=int(pk))
    except (Objection.DoesNotExist, ValueError):
        raise Http404 from None
    form = DecideObjectionForm(request.POST)
    back = _list_back(objection.decision.benefit_list)
    if not form.is_valid():
        messages.error(request, _t("Reply: write how the objection was handled."))
        return redirect(back)
    return _act(
        request,
        lambda: A.do_decide_objection(request.user, objection, **form.cleaned_data),
        _t("The objection was answered."),
        back,
    )


# ----------------------------------------------------------------------------------- calculator


CERTIFICATES = ("high_tech", "srdi_tier")


def _calculator_state(
    row: dict[str, Any], sources: dict[str, Any], lang: str, as_of: dt.date, ask_certificates: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each benefit's explanation for ``row``, and the inputs still missing that would decide one.

    With ``ask_certificates`` (no enterprise of the registry to start from) the two certificate
    lists are asked too, until answered (``high_tech?`` in the row)."""
    results = []
    missing: dict[str, None] = {}
    year = as_of.year
    for benefit in Benefit.objects.filter(status=BenefitStatus.ACTIVE, current__isnull=False).select_related(
        "current", "unit"
    ):
        if not benefit.in_force(as_of):
            continue
        try:
            rule: Rule = benefit.current.rule()
        except RuleError:
            continue
        e = explain(rule, row, as_of, lang=lang, sources=sources.get)
        results.append({"benefit": benefit, "explanation": e})
        if ask_certificates:
            for attr in rule.attributes():
                if attr.code in CERTIFICATES and f"{attr.code}?" not in row:
                    missing[attr.code] = None
        if e.outcome == Outcome.POSSIBLY:
            from .engine import _column, eval_node, prepare_row

            prepared = prepare_row(row, as_of)
            for result in e.conditions:
                if result.value is None:
                    for attr in attributes_of(result.condition.node):
                        if eval_node(attr, prepared, year) is None:
                            missing[_column(attr, year)] = None
    results.sort(key=lambda r: (ORDER[r["explanation"].outcome], r["benefit"].code))
    return results, list(missing)


@login_required
def calculator(request: HttpRequest) -> HttpResponse:
    """The policy calculator (政策计算器): starts from what the registry knows of the enterprise
    (the user's own, or one an officer names by credit code), asks only for the inputs still
    missing, and explains every benefit's result. Nothing entered is stored."""
    mine = enterprise_of(request.user)
    if mine is None:
        _officer(request)
    enterprise = mine
    code = (request.GET.get("code") or request.POST.get("code") or "").strip().upper()
    if enterprise is None and code:
        enterprise = (
            visible_enterprises(Enterprise.objects.all(), request.user).filter(credit_code=code).first()
        )
        if enterprise is None:
            messages.error(
                request, _t("Credit code: no enterprise %(code)s in the registry.") % {"code": code}
            )
    lang = lang_of(request)
    today = timezone.localdate()
    row: dict[str, Any] = {"id": 0}
    sources: dict[str, Any] = {}
    if enterprise is not None:
        row, sources = enterprise_row(enterprise_facts(enterprise), enterprise.pk)
    entered_label = _t("entered by you")
    # What was entered on earlier rounds travels in the form as hidden fields.
    carried: dict[str, Any] = {}
    previous = request.POST.getlist("answered") if request.method == "POST" else []
    blank = enterprise is None
    results, missing = _calculator_state(row, sources, lang, today, blank)
    form = CalculatorForm(request.POST or None, columns=sorted(set(missing) | set(previous)))
    if request.method == "POST" and form.is_valid():
        carried = form.values()
        for column, value in carried.items():
            if column == "high_tech":  # a certificate in force today, as the user says
                row["high_tech?"] = True
                row["high_tech_from"] = today if value else None
                sources["high_tech_from"] = (entered_label, None)
            elif column == "srdi_tier":
                row["srdi_tier?"] = True
                row["srdi_tier_raw"], row["srdi_from"] = (value, today) if value else (None, None)
                sources["srdi_tier_raw"] = (entered_label, None)
            else:
                row[column] = value
                sources[column] = (entered_label, None)
        results, missing = _calculator_state(row, sources, lang, today, blank)
        form = CalculatorForm(
            initial={
                k: (v / 1e4 if BY_CODE[k.split("@")[0]].kind == Kind.MONEY else v) for k, v in carried.items()
            },
            columns=sorted(set(missing) | set(carried)),
        )
    context = {
        "enterprise": enterprise,
        "code": code,
        "results": results,
        "form": form,
        "missing": missing,
        "answered": list(carried),
        "today": today,
    }
    return render(request, "enterprises/calculator.html", context)


# ----------------------------------------------------------------------------------- the zone


@login_required
def hk_zone(request: HttpRequest) -> HttpResponse:
    """The Hong Kong enterprise zone (港企服务专区): for a Hong Kong-funded enterprise its matched
    benefits, the service items and 深港资讯; officers manage the news and services here."""
    mine = enterprise_of(request.user)
    if mine is None:
        _officer(request)
    lang = lang_of(request)
    officer = is_officer(request.user)
    news = NewsItem.objects.all() if officer else NewsItem.objects.filter(published_at__isnull=False)
    context = {
        "enterprise": mine,
        "is_hk": mine is not None and is_hk_user(request.user),
        "matched": _benefit_rows(mine, lang, timezone.localdate(), only_matched=True) if mine else [],
        "services": ServiceItem.objects.filter(
            for_hk=True, **({} if officer else {"published": True})
        ).select_related("unit"),
        "news": news[:20],
        "officer": officer,
        "writes": officer and role_of(request.user) != "viewer",
        "hk_benefits": Benefit.objects.filter(for_hk=True, status=BenefitStatus.ACTIVE).select_related(
            "unit"
        ),
    }
    return render(request, "enterprises/hk_zone.html", context)


def _writer(request: HttpRequest) -> None:
    _officer(request)
    if role_of(request.user) == "viewer":
        raise PermissionDenied(_t("Read-only users cannot edit the zone."))


@login_required
def news_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write or edit a 深港资讯 item; publish or withdraw it."""
    _writer(request)
    item = None
    if pk is not None:
        item = NewsItem.objects.filter(pk=pk).first()
        if item is None:
            raise Http404
    form = NewsForm(request.POST or None, initial={"title": item.title, "body": item.body} if item else None)
    if request.method == "POST" and "publish" in request.POST and item is not None:
        publish = request.POST["publish"] == "1"
        A.do_publish_news_item(request.user, item, publish=publish)
        messages.success(request, _t("Published.") if publish else _t("Withdrawn."))
        return redirect("enterprises:hk")
    if request.method == "POST" and form.is_valid():
        try:
            A.do_save_news_item(request.user, item, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _t("Saved."))
            return redirect("enterprises:hk")
    status = 400 if request.method == "POST" else 200
    return render(request, "enterprises/news_edit.html", {"form": form, "item": item}, status=status)


@login_required
def service_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add or edit a service item (服务事项) of the zone."""
    _writer(request)
    item = None
    if pk is not None:
        item = ServiceItem.objects.filter(pk=pk).first()
        if item is None:
            raise Http404
    initial = (
        {
            "title": item.title,
            "summary": item.summary,
            "unit": item.unit_id,
            "location": item.location,
            "published": item.published,
        }
        if item
        else None
    )
    form = ServiceItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            A.do_save_service_item(request.user, item, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _t("Saved."))
            return redirect("enterprises:hk")
    status = 400 if request.method == "POST" else 200
    return render(request, "enterprises/service_edit.html", {"form": form, "item": item}, status=status)


# ----------------------------------------------------------------------------------- public


PUBLIC_LANGUAGES = {"zh-hans": "简体中文", "zh-hant": "繁體中文", "en": "English"}


def _public_language(request: HttpRequest, default: str) -> str:
    from django.utils import translation

    lang = request.GET.get("lang") or default
    if lang not in PUBLIC_LANGUAGES:
        lang = default
    translation.activate(lang)
    request.LANGUAGE_CODE = lang
    return lang


def public_hk(request: HttpRequest) -> HttpResponse:
    """The public face of the Hong Kong enterprise zone, in traditional Chinese unless asked
    otherwise (?lang=zh-hans / en): 深港资讯, service items, the benefits recommended to
    Hong Kong-funded firms. No login, no cookie."""
    lang = _public_language(request, "zh-hant")
    context = {
        "news": NewsItem.objects.filter(published_at__isnull=False)[:20],
        "services": ServiceItem.objects.filter(for_hk=True, published=True).select_related("unit"),
        "benefits": Benefit.objects.filter(for_hk=True, status=BenefitStatus.ACTIVE).select_related("unit"),
        "lang": lang,
        "languages": PUBLIC_LANGUAGES,
    }
    return render(request, "enterprises/public_hk.html", context)


def public_notices(request: HttpRequest) -> HttpResponse:
    """Lists on public notice (公示): the enterprises and amounts, and a form for objections."""
    lang = _public_language(request, "zh-hans")
    today = timezone.localdate()
    lists = BenefitList.objects.filter(
        status=ListStatus.ON_NOTICE, notice_from__lte=today, notice_until__gte=today
    ).select_related("benefit", "benefit__unit")
    rows = []
    for blist in lists:
        decisions = (
            blist.decisions.filter(status=DecisionStatus.PROPOSED)
            .select_related("enterprise")
            .order_by("enterprise__name")
        )
        rows.append({"list": blist, "decisions": decisions})
    return render(
        request,
        "enterprises/public_notices.html",
        {"rows": rows, "lang": lang, "languages": PUBLIC_LANGUAGES, "form": ObjectionForm()},
    )


@require_POST
def public_objection(request: HttpRequest, pk: int) -> HttpResponse:
    """Lodge an objection to one enterprise on a list under public notice."""
    lang = _public_language(request, "zh-hans")
    decision = (
        Decision.objects.filter(
            pk=pk, benefit_list__status=ListStatus.ON_NOTICE, status=DecisionStatus.PROPOSED
        )
        .select_related("benefit_list")
        .first()
    )
    if decision is None:
        raise Http404
    form = ObjectionForm(request.POST)
    back = reverse("enterprises_public:notices") + f"?lang={lang}"
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request,
                gettext("%(field)s: %(errors)s")
                % {"field": form.fields[field].label, "errors": gettext("; ").join(errors)},
            )
        return redirect(back)
    return _act(
        request,
        lambda: A.do_lodge_objection(request.user, decision, **form.cleaned_data),
        _t("Your objection was received; the office will reply."),
        back,
    )
