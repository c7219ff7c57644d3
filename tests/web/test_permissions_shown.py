"""One path for "may this person do it": the rule (``can_<verb>_<noun>`` in each app's access.py)
and the button the page shows agree, person by person, with the actions' matrix
(tests/web/test_permissions.py, test_permissions_supervision.py) and with docs/permissions.md.

Each entry sets up the object in the state just before the action, then for every person of the
cast asks the rule and opens the page: the button is shown exactly to those the rule allows, and
those are the people the action matrix lets act.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from taizhang.bulletins.access import can_generate_bulletin, can_issue_bulletin, can_read_bulletin
from taizhang.bulletins.actions import do_generate_bulletin
from taizhang.devtools.builders import make_closing_report, make_unit
from taizhang.ledger import access as LA
from taizhang.ledger import actions as L
from taizhang.ledger.models import Task
from taizhang.ledger.views import period_of
from taizhang.monitoring import access as MA
from taizhang.policies import access as PA
from taizhang.supervision import access as SA
from taizhang.supervision.actions import do_issue_supervision_notice
from taizhang.units import access as UA
from taizhang.units.models import Unit, UnitKind, UnitStatus
from tests.web import test_permissions as matrix
from tests.web import test_permissions_accounts as matrix3
from tests.web import test_permissions_supervision as matrix2

pytestmark = pytest.mark.django_db

PEOPLE = matrix.PEOPLE
STEERING = {"alice", "sam"}
READERS = {"alice", "sam", "vera"}


@dataclass(frozen=True)
class Shown:
    """A rule, the object it is asked about, and where its button is (page, what marks the button)."""

    function: str  # the action (or read) the rule decides, as docs/permissions.md names it
    allowed: set[str]
    rule: Callable[[Any, Any], Any]
    subject: Callable[[Any, list[Task]], Any]
    page: Callable[[Any, list[Task], Any], tuple[str, str]] | None = None


def _report(c: Any, t: list[Task], status: str = "draft") -> Any:
    report = L.do_save_report(c.andy, task=t[0], period="2025-01", narrative="x", percent=10)
    if status in ("submitted", "approved"):
        report = L.do_submit_report(c.andy, report)
    if status == "approved":
        report = L.do_approve_report(c.amy, report)
    report.refresh_from_db()
    return report


def _frozen_attachment(c: Any, t: list[Task]) -> Any:
    """An evidence file of A's report, which its leader then approved."""
    report = _report(c, t)
    attachment = L.do_add_attachment(c.andy, report, name="a.pdf", data=b"x")
    L.do_approve_report(c.amy, L.do_submit_report(c.andy, report))
    return type(attachment).objects.select_related("report__task", "report__unit").get(pk=attachment.pk)


def _reassigned_away(status: str) -> Callable[[Any, list[Task]], Any]:
    """A's report in ``status``, after the supervisor reassigned its task to B alone."""

    def subject(c: Any, t: list[Task]) -> Any:
        report = _report(c, t, status)
        L.do_reassign_task(c.sam, Task.objects.get(pk=t[0].pk), lead=[c.unit_b])
        report.refresh_from_db()
        return report

    return subject


def _extension(c: Any, t: list[Task]) -> Any:
    return L.do_request_extension(c.andy, t[0], kind="year", year=2027, reason="顺延")


def _closable(c: Any, t: list[Task]) -> Task:
    make_closing_report(
        t[0], officer=c.andy, leader=c.amy, supervisor=c.sam, period="2025-12", helpers=[c.ben]
    )
    return Task.objects.get(pk=t[0].pk)


def _notice(c: Any, t: list[Task]) -> Any:
    return do_issue_supervision_notice(
        c.sam, t[0], instruction="请报送进展", due_on=timezone.localdate() + dt.timedelta(days=7)
    )


def _task_page(marker: str) -> Callable[[Any, list[Task], Any], tuple[str, str]]:
    def page(c: Any, t: list[Task], obj: Any) -> tuple[str, str]:
        task_id = obj.pk if isinstance(obj, Task) else obj.task_id
        return reverse("ledger:task_detail", args=[task_id]), marker.format(pk=obj.pk)

    return page


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=args)


ENTRIES: dict[str, Shown] = {
    e.function + ("" if not suffix else f"[{suffix}]"): e
    for suffix, e in [
        (
            "",
            Shown(
                "do_acknowledge_task",
                {"amy", "andy", "bob", "ben"},
                LA.can_acknowledge_task,
                lambda c, t: t[0],
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:task_acknowledge", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_return_task",
                {"amy", "andy", "bob", "ben"},
                LA.can_return_task,
                lambda c, t: t[0],
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:task_return", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_request_extension",
                {"amy", "andy"},
                LA.can_request_extension,
                lambda c, t: t[0],
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:extension_request", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_decide_extension",
                STEERING,
                LA.can_decide_extension,
                _extension,
                lambda c, t, o: (
                    _url("ledger:task_detail", o.task_id),
                    _url("ledger:extension_decide", o.pk),
                ),
            ),
        ),
        (
            "",
            Shown(
                "do_update_task",
                STEERING,
                LA.can_edit_task,
                lambda c, t: t[0],
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:task_edit", o.pk)),
            ),
        ),
        ("", Shown("do_reassign_task", STEERING, LA.can_reassign_task, lambda c, t: t[0])),
        (
            "",
            Shown(
                "do_correct_task",
                STEERING,
                LA.can_correct_task,
                lambda c, t: t[0],
                lambda c, t, o: (_url("supervision:task", o.pk), _url("supervision:task_correct", o.pk)),
            ),
        ),
        (
            "new",
            Shown(
                "do_save_report",
                {"andy"},
                lambda u, task: LA.can_create_report(
                    u, task, period_of(task.policy.report_cadence, timezone.localdate())
                ),
                lambda c, t: t[0],
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:report_create", o.pk)),
            ),
        ),
        (
            "edit",
            Shown(
                "do_save_report",
                {"andy"},
                LA.can_edit_report,
                _report,
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_edit", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_submit_report",
                {"andy"},
                LA.can_submit_report,
                _report,
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_submit", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_add_attachment",
                {"andy"},
                LA.can_add_attachment,
                _report,
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_attach", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_add_contribution",
                {"bob", "ben"},
                LA.can_add_contribution,
                _report,
                lambda c, t, o: (
                    _url("ledger:task_detail", o.task_id),
                    _url("ledger:report_contribute", o.pk),
                ),
            ),
        ),
        (
            "",
            Shown(
                "do_approve_report",
                {"amy"},
                LA.can_approve_report,
                lambda c, t: _report(c, t, "submitted"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_approve", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_return_report_to_officer",
                {"amy"},
                LA.can_return_report_to_officer,
                lambda c, t: _report(c, t, "submitted"),
                lambda c, t, o: (
                    _url("ledger:task_detail", o.task_id),
                    _url("ledger:report_return_to_officer", o.pk),
                ),
            ),
        ),
        (
            "",
            Shown(
                "do_accept_report",
                STEERING,
                LA.can_accept_report,
                lambda c, t: _report(c, t, "approved"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), f'id="id_v{o.pk}-decision"'),
            ),
        ),
        (
            "",
            Shown(
                "do_delete_attachment",
                {"andy"},
                LA.can_delete_attachment,
                lambda c, t: L.do_add_attachment(c.andy, _report(c, t), name="a.pdf", data=b"x"),
                lambda c, t, o: (
                    _url("ledger:task_detail", o.report.task_id),
                    _url("ledger:attachment_delete", o.pk),
                ),
            ),
        ),
        (
            "approved",
            Shown(
                "do_delete_attachment",
                set(),
                LA.can_delete_attachment,
                lambda c, t: _frozen_attachment(c, t),
                lambda c, t, o: (
                    _url("ledger:task_detail", o.report.task_id),
                    _url("ledger:attachment_delete", o.pk),
                ),
            ),
        ),
        (
            "approved",
            Shown(
                "do_add_attachment",
                set(),
                LA.can_add_attachment,
                lambda c, t: _report(c, t, "approved"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_attach", o.pk)),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_save_report",
                set(),
                LA.can_edit_report,
                _reassigned_away("draft"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_edit", o.pk)),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_submit_report",
                set(),
                LA.can_submit_report,
                _reassigned_away("draft"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_submit", o.pk)),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_add_attachment",
                set(),
                LA.can_add_attachment,
                _reassigned_away("draft"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_attach", o.pk)),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_add_contribution",
                set(),
                LA.can_add_contribution,
                _reassigned_away("draft"),
                lambda c, t, o: (
                    _url("ledger:task_detail", o.task_id),
                    _url("ledger:report_contribute", o.pk),
                ),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_approve_report",
                set(),
                LA.can_approve_report,
                _reassigned_away("submitted"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_approve", o.pk)),
            ),
        ),
        (
            "reassigned away",
            Shown(
                "do_accept_report",
                set(),
                LA.can_accept_report,
                _reassigned_away("approved"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), 'value="accept"'),
            ),
        ),
        (
            "submitted",
            Shown(
                "do_accept_report",
                set(),
                LA.can_accept_report,  # the view offered it: fixed
                lambda c, t: _report(c, t, "submitted"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), 'value="accept"'),
            ),
        ),
        (
            "",
            Shown(
                "do_return_report",
                STEERING,
                LA.can_return_report,
                lambda c, t: _report(c, t, "approved"),
                lambda c, t, o: (_url("ledger:task_detail", o.task_id), _url("ledger:report_review", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_close_task",
                STEERING,
                LA.can_close_task,
                _closable,
                lambda c, t, o: (_url("ledger:task_detail", o.pk), _url("ledger:task_close", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_issue_supervision_notice",
                STEERING,
                SA.can_issue_supervision_notice,
                lambda c, t: t[0],
                lambda c, t, o: (_url("supervision:task", o.pk), _url("supervision:notice_issue", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_answer_supervision_notice",
                {"amy", "andy"},
                SA.can_answer_supervision_notice,
                _notice,
                lambda c, t, o: (
                    _url("supervision:task", o.task_id),
                    _url("supervision:notice_answer", o.pk),
                ),
            ),
        ),
        (
            "",
            Shown(
                "do_close_supervision_notice",
                STEERING,
                SA.can_close_supervision_notice,
                _notice,
                lambda c, t, o: (_url("supervision:task", o.task_id), _url("supervision:notice_close", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_judge_task",
                STEERING,
                SA.can_judge_task,
                lambda c, t: t[0],
                lambda c, t, o: (_url("supervision:task", o.pk), 'id="judgement"'),
            ),
        ),
        (
            "",
            Shown(
                "do_rate_unit",
                STEERING,
                MA.can_rate_unit,
                lambda c, t: c.unit_a,
                lambda c, t, o: (_url("monitoring:breakdown", o.pk) + "?period=2025-Q1", 'name="rating"'),
            ),
        ),
        (
            "",
            Shown(
                "do_save_scoring_settings",
                STEERING,
                MA.can_save_scoring_settings,
                lambda c, t: None,
                lambda c, t, o: (_url("monitoring:scorecards"), _url("monitoring:scoring_settings")),
            ),
        ),
        (
            "",
            Shown(
                "require_ranking",
                READERS,
                MA.can_read_ranking,
                lambda c, t: None,
                lambda c, t, o: (_url("ledger:task_list"), f'href="{_url("monitoring:scorecards")}"'),
            ),
        ),
        (
            "",
            Shown(
                "can_read_breakdown",
                READERS | {"amy", "andy"},
                MA.can_read_breakdown,
                lambda c, t: c.unit_a,
                lambda c, t, o: (_url("monitoring:breakdown", o.pk) + "?period=2025-Q1", f"<h1>{o.name}"),
            ),
        ),
        (
            "",
            Shown(
                "require_dashboard",
                READERS,
                MA.can_read_dashboard,
                lambda c, t: None,
                lambda c, t, o: (_url("ledger:task_list"), f'href="{_url("monitoring:dashboard")}"'),
            ),
        ),
        (
            "",
            Shown(
                "require_unit_dashboard",
                {"amy", "andy", "bob", "ben"},
                MA.can_read_unit_dashboard,
                lambda c, t: None,
                lambda c, t, o: (_url("ledger:task_list"), f'href="{_url("monitoring:unit")}"'),
            ),
        ),
        (
            "",
            Shown(
                "do_generate_bulletin",
                STEERING,
                lambda u, o: can_generate_bulletin(u),
                lambda c, t: None,
                lambda c, t, o: (_url("bulletins:list"), _url("bulletins:generate")),
            ),
        ),
        (
            "",
            Shown(
                "do_issue_bulletin",
                STEERING,
                can_issue_bulletin,
                lambda c, t: do_generate_bulletin(c.sam, "2025-01"),
                lambda c, t, o: (_url("bulletins:list"), _url("bulletins:issue", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "can_read_bulletin",
                STEERING,
                can_read_bulletin,
                lambda c, t: do_generate_bulletin(c.sam, "2025-01"),
                lambda c, t, o: (_url("bulletins:list"), _url("bulletins:download", o.pk, "docx")),
            ),
        ),
        (
            "",
            Shown(
                "do_import_policy",
                STEERING,
                PA.can_import_policy,
                lambda c, t: None,
                lambda c, t, o: (_url("policies:list"), _url("policies:import")),
            ),
        ),
        (
            "",
            Shown(
                "do_create_task",
                STEERING,
                PA.can_restructure_policy,
                lambda c, t: t[0].policy,
                lambda c, t, o: (_url("policies:detail", o.pk), _url("policies:task_new", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_apply_ledger_import",
                STEERING,
                LA.can_import_ledger_workbook,
                lambda c, t: None,
                lambda c, t, o: (_url("workbook:index"), _url("workbook:import")),
            ),
        ),
        (
            "",
            Shown(
                "do_confirm_unit",
                STEERING,
                UA.can_confirm_unit,
                lambda c, t: Unit.objects.create(name="区新单位", status=UnitStatus.PROPOSED),
                lambda c, t, o: (_url("units:detail", o.pk), _url("units:confirm", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_merge_unit",
                STEERING,
                UA.can_merge_unit,
                lambda c, t: Unit.objects.create(name="区新单位", status=UnitStatus.PROPOSED),
                lambda c, t, o: (_url("units:detail", o.pk), _url("units:merge", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_add_unit_alias",
                STEERING,
                UA.can_add_unit_alias,
                lambda c, t: c.unit_a,
                lambda c, t, o: (_url("units:detail", o.pk), _url("units:alias", o.pk)),
            ),
        ),
        (
            "",
            Shown(
                "do_expand_collective",
                STEERING,
                UA.can_expand_collective,
                lambda c, t: make_unit("各街道办", kind=UnitKind.COLLECTIVE),
                lambda c, t, o: (_url("units:detail", o.pk), _url("ledger:collective_expand", o.pk)),
            ),
        ),
    ]
}


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_the_rule_and_the_button_agree_person_by_person(
    client: Any, cast: Any, tasks: Any, name: str
) -> None:
    entry = ENTRIES[name]
    subject = entry.subject(cast, tasks)
    for person in PEOPLE:
        user = matrix.person_of(cast, person)
        decision = entry.rule(user, subject)
        assert bool(decision) == (person in entry.allowed), (name, person, getattr(decision, "reason", ""))
        if entry.page is None:
            continue
        url, marker = entry.page(cast, tasks, subject)
        client.force_login(user)
        response = client.get(url)
        if response.status_code in (403, 404):
            assert person not in entry.allowed, (name, person, response.status_code)
            continue
        assert response.status_code == 200, (name, person, response.status_code)
        shown = marker in response.content.decode()
        assert shown == (person in entry.allowed), (
            name,
            person,
            "button shown" if shown else "button missing",
        )


def test_the_rules_allow_whom_the_actions_let_act() -> None:
    """Every rule entry names an action of the matrix, which lets the same people act."""
    actions = _matrix()
    for name, entry in ENTRIES.items():
        if entry.function in actions and "[" not in name:
            assert actions[entry.function] == entry.allowed, name


def _matrix() -> dict[str, set[str]]:
    """The actions' matrix by the function docs/permissions.md names (do_<key>)."""
    out: dict[str, set[str]] = {}
    for table in (matrix.ACTIONS, matrix2.ACTIONS, matrix3.ACTIONS):
        for key, (_, allowed) in table.items():
            out[ALIASES.get(key, key if READ_ONLY_NAMES.match(key) else f"do_{key}")] = set(allowed)
    return out


# Matrix keys that are not do_<key> (the matrix's read rows are checked by their own tests).
ALIASES = {
    "create_indicators": "do_create_indicators_from_metrics",
    "read_task_of_a": "access_task",
    "read_task_of_b_only": "access_task[B only]",
    "read_report_of_a": "access_report",
    "write_report_of_a": "access_report[write]",
    "write_task_of_a": "access_task[write]",
    "read_draft_policy": "access_policy[draft]",
    "read_extension_of_a": "access_extension",
    "read_login_events": "visible_login_events",
    "revoke_own_api_token": "do_revoke_api_token",
    "revoke_another_persons_api_token": "do_revoke_api_token[another person's]",
}


# ---------------------------------------------------------------------------------------------
# docs/permissions.md against the matrix

COLUMNS = ("administrator", "supervisor", "unit leader", "unit officer", "viewer")
PEOPLE_OF = {
    "administrator": {"": {"alice"}},
    "supervisor": {"": {"sam"}},
    "viewer": {"": {"vera"}},
    "unit leader": {"A": {"amy"}, "B": {"bob"}},
    "unit officer": {"A": {"andy"}, "B": {"ben"}},
}
# The matrix's task is led by A and helped by B; its report is A's.
CELLS = {
    "yes": {"A", "B", ""},
    "yes (not himself)": {"A", "B", ""},
    "yes (his own preview, once)": {"A", "B", ""},
    "all": {"A", "B", ""},
    "own": {"A", "B", ""},
    "drafts and issued": {"A", "B", ""},
    "no": set(),
    "—": set(),
    "404": set(),
    "issued": set(),
    "A's tasks": {"A", "B"},
    "A's tasks (lead or co)": {"A", "B"},
    "A leads": {"A"},
    "A helps": {"B"},
    "A's report": {"A"},
    "A's submitted report": {"A"},
    "A's unit": {"A"},
}
# Actions made of others, checked where those are: a unit's workbook files reports and
# contributions through their actions; a notice is marked read by its own recipient only.
# Asking for a password reset and setting a password from an e-mailed link need no login: their
# own tests (tests/web/test_user_links.py) check them.
DELEGATED = {
    "do_file_unit_workbook",
    "do_mark_notice_read",
    "do_request_password_reset",
    "do_set_password_from_link",
}
# Rows of reads by a queryset or an ``access_*`` fetch are checked by the matrix's read rows and
# their own tests, not by cell.
READ_ONLY_NAMES = re.compile(r"^(visible_\w+|access_\w+|\w+\.visible_to|open_work|unit_people)$")


def _doc_rows() -> list[tuple[list[str], list[str], str]]:
    text = (Path(settings.BASE_DIR) / "docs" / "permissions.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| action") or line.startswith("| role"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6:
            continue
        names = re.findall(r"`([\w.]+)`", cells[0])
        rows.append((names, cells[1:], cells[0]))
    return rows


def _expected(cells: list[str], row: str) -> set[str]:
    people: set[str] = set()
    for column, cell in zip(COLUMNS, cells, strict=True):
        assert cell in CELLS, f"docs/permissions.md: {row!r}: the cell {cell!r} is not one the test reads"
        for unit, persons in PEOPLE_OF[column].items():
            if unit in CELLS[cell]:
                people |= persons
    if all(cell == "own" for cell in cells):  # one's own things: the enterprise user (erin) too
        people.add("erin")
    return people


def test_docs_permissions_md_says_what_the_matrix_checks() -> None:
    actions = _matrix()
    rules = {e.function: e.allowed for name, e in ENTRIES.items() if "[" not in name}
    named: set[str] = set()
    for names, cells, row in _doc_rows():
        checked = [n for n in names if not READ_ONLY_NAMES.match(n) and n not in DELEGATED]
        if not checked:
            continue
        expected = _expected(cells, row)
        for name in checked:
            named.add(name)
            known = actions.get(name, rules.get(name))
            assert known is not None, f"docs/permissions.md names {name}, which no matrix checks"
            assert known == expected, (
                f"docs/permissions.md: {name}: the table says {sorted(expected)}, the matrix {sorted(known)}"
            )
    missing = {n for n in actions if n.startswith("do_") and "[" not in n} - named
    assert not missing, f"actions of the matrix missing from docs/permissions.md: {sorted(missing)}"
