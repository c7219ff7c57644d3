"""The production probes of issue 9, replayable: every URL and API path as every role, bad
uploads, double and concurrent submits, cross-unit reads. ``taizhang probe`` runs them on a
throwaway database (``devtools/management/commands/probe.py``); ``tests/web/test_probe.py`` runs a
small share of them in the test database.

The world: the sample policy published (task 1 led by units A and B together, task 2 led by B
alone, task 3 led by a third unit with A helping), a draft policy, reports with evidence, extension
requests and a supervision notice. Unit-private texts carry markers (``PROBESECRET…``): a response
to a person who may not read the object that holds a marker, carrying it, is a cross-unit read.

What it counts:

- ``errors``: responses with a status of 500 or more (or an exception) to any request;
- ``duplicates``: rows filed more than once by a confirmation posted twice (sequentially, with
  the session written back as a concurrent request would, and by concurrent threads);
- ``cross_unit_reads``: responses (pages, JSON, the XML inside .xlsx/.docx downloads) carrying a
  marker the person may not read.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

__all__ = ["ProbeResult", "ProbeWorld", "build_world", "run_probe", "PEOPLE"]

PEOPLE = ("alice", "sam", "vera", "amy", "andy", "bob", "ben", "erin", "anonymous")
MISSING = 999999
# Marker of unit-private text: the unit whose it is, then what it is.
A_EXTENSION = "PROBESECRETA1EXTENSION"
B_EXTENSION = "PROBESECRETB1EXTENSION"
B_REPORT = "PROBESECRETB2REPORT"
B_EVIDENCE = "PROBESECRETB2EVIDENCE"
B_EXTENSION_2 = "PROBESECRETB2EXTENSION"
B_NOTICE = "PROBESECRETB2NOTICE"
A_MARKERS = (A_EXTENSION,)
B_MARKERS = (B_EXTENSION, B_REPORT, B_EVIDENCE, B_EXTENSION_2, B_NOTICE)
FORBIDDEN = {
    "alice": (),
    "sam": (),
    "vera": (),
    "amy": B_MARKERS,
    "andy": B_MARKERS,
    "bob": A_MARKERS,
    "ben": A_MARKERS,
    "erin": A_MARKERS + B_MARKERS,
    "anonymous": A_MARKERS + B_MARKERS,
}
# Paths not probed: the logout (it ends the person's session) and Django's admin site beyond its
# index (Django's own pages; the administrator's, who may read everything).
SKIPPED = re.compile(r"^/(accounts/logout/|admin/.+)")


@dataclass
class ProbeResult:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    cross_unit_reads: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"requests: {self.requests}\n"
            f"500s: {len(self.errors)}\n"
            f"duplicates: {len(self.duplicates)}\n"
            f"cross-unit reads: {len(self.cross_unit_reads)}"
        )

    @property
    def clean(self) -> bool:
        return not (self.errors or self.duplicates or self.cross_unit_reads)


@dataclass
class ProbeWorld:
    """The objects the probes address, by the name their URLs give them."""

    people: dict[str, Any]
    ids: dict[str, list[int]]
    tasks: list[Any]
    third_officer: Any


def build_world() -> ProbeWorld:
    """Build the probes' world through the actions (see the module's docstring)."""
    from taizhang.accounts.models import Role
    from taizhang.devtools.builders import (
        SAMPLE_TASK_TABLE,
        make_cast,
        make_enterprise_user,
        make_person,
        make_policy,
    )
    from taizhang.ledger import actions as L
    from taizhang.ledger.models import Task
    from taizhang.supervision.actions import do_issue_supervision_notice

    cast = make_cast()
    policy = make_policy(cast.sam)
    draft = make_policy(cast.sam, SAMPLE_TASK_TABLE, name="draft.txt", publish=False)
    t1, t2, t3 = policy.tasks.order_by("order")
    L.do_reassign_task(cast.sam, t1, lead=[cast.unit_a, cast.unit_b])
    t1 = Task.objects.get(pk=t1.pk)
    period = _period(policy)
    ext_a = L.do_request_extension(cast.andy, t1, kind="year", year=2027, reason=A_EXTENSION)
    L.do_decide_extension(cast.sam, ext_a, approve=False, comment="不同意")
    ext_b1 = L.do_request_extension(
        cast.ben, Task.objects.get(pk=t1.pk), kind="year", year=2027, reason=B_EXTENSION
    )
    report_a = L.do_save_report(cast.andy, task=t1, period=period, narrative="A 的进展", percent=30)
    attachment_a = L.do_add_attachment(cast.andy, report_a, name="A佐证.pdf", data=b"%PDF-1.4 A")
    report_b = L.do_save_report(cast.ben, task=t2, period=period, narrative=B_REPORT, percent=20)
    attachment_b = L.do_add_attachment(cast.ben, report_b, name=f"{B_EVIDENCE}.pdf", data=b"%PDF-1.4 B")
    ext_b2 = L.do_request_extension(cast.ben, t2, kind="year", year=2027, reason=B_EXTENSION_2)
    notice = do_issue_supervision_notice(
        cast.sam, t2, instruction=B_NOTICE, due_on=timezone.localdate() + dt.timedelta(days=7)
    )
    third_unit = t3.assignments.get(role="lead").unit
    third = make_person("probe-third", Role.UNIT_OFFICER, third_unit)
    victim = make_person("probe-victim", Role.VIEWER)
    people = {name: getattr(cast, name) for name in PEOPLE[:7]}
    people["erin"] = make_enterprise_user("erin")
    return ProbeWorld(
        people=people,
        ids={
            "tasks": [t1.pk, t2.pk, t3.pk, MISSING],
            "reports": [report_a.pk, report_b.pk, MISSING],
            "attachments": [attachment_a.pk, attachment_b.pk, MISSING],
            "extensions": [ext_a.pk, ext_b1.pk, ext_b2.pk, MISSING],
            "policies": [policy.pk, draft.pk, MISSING],
            "units": [cast.unit_a.pk, cast.unit_b.pk, MISSING],
            "users": [victim.pk, MISSING],
            "supervision-notices": [notice.pk, MISSING],
            "review-tasks": [draft.tasks.order_by("order").first().pk, t1.pk],
            "none": [MISSING],
        },
        tasks=[t1, t2, t3],
        third_officer=third,
    )


def _period(policy: Any) -> str:
    from taizhang.ledger.rules import report_period

    return report_period(policy.report_cadence, timezone.localdate())


# ---------------------------------------------------------------------------------------------
# The paths


def _routes() -> list[str]:
    """Every route of the project, as written in its URLconf (regex routes without ^ and $)."""

    def walk(resolver: URLResolver, prefix: str) -> Iterator[str]:
        for item in resolver.url_patterns:
            route = prefix + str(item.pattern).lstrip("^").rstrip("$")
            if isinstance(item, URLResolver):
                yield from walk(item, route)
            elif isinstance(item, URLPattern):
                yield route

    return sorted(set(walk(get_resolver(), "")))


PARAM_RE = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>[^)]*\)")
# The segment before a parameter names what it is; ids of the world's objects for those it has.
SEGMENT_IDS = {
    "tasks": "tasks",
    "reports": "reports",
    "attachments": "attachments",
    "extensions": "extensions",
    "policies": "policies",
    "policy": "policies",
    "units": "units",
    "unit": "units",
    "scorecards": "units",
    "collectives": "units",
    "users": "users",
    "supervision-notices": "supervision-notices",
    "manage": "policies",
    "token": "none",
}


def paths(world: ProbeWorld) -> list[str]:
    """Concrete paths of every route: each parameter given the world's ids of what it names
    (readable, another unit's, missing), other ids 1 and a missing one."""
    out: list[str] = []
    for route in _routes():
        if "(?P<format>" in route or "(?P<url>" in route or "<path:" in route:
            continue
        params = list(PARAM_RE.finditer(route))
        choices: list[list[str]] = []
        for match in params:
            name = match.group("name") or match.group("rname")
            before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
            if name == "task_pk":
                values = [str(i) for i in world.ids["review-tasks"]]
            elif name == "uidb64":
                values = ["MQ"]
            elif name == "token":
                values = ["probe-bad-token"]
            elif name == "kind":
                values = ["docx", "pdf"]
            elif name in ("policy_id",):
                values = [str(i) for i in world.ids["policies"]]
            elif name in ("unit_id",):
                values = [str(i) for i in world.ids["units"]]
            elif before in SEGMENT_IDS:
                values = [str(i) for i in world.ids[SEGMENT_IDS[before]]]
            else:
                values = ["1", str(MISSING)]
            choices.append(values)
        for combo in itertools.product(*choices) if choices else [()]:
            path = route
            for match, value in sorted(zip(params, combo, strict=True), key=lambda p: -p[0].start()):
                path = path[: match.start()] + value + path[match.end() :]
            out.append("/" + path)
    return [p for p in out if not SKIPPED.match(p)]


# ---------------------------------------------------------------------------------------------
# Requests


class _Prober:
    def __init__(self, world: ProbeWorld, result: ProbeResult) -> None:
        from taizhang.accounts.actions import do_create_api_token

        self.world = world
        self.result = result
        self.web: dict[str, Client] = {}
        self.api: dict[str, Client] = {}
        for name in PEOPLE:
            web = Client(raise_request_exception=False)
            api = Client(raise_request_exception=False)
            user = world.people.get(name)
            if user is not None:
                web.force_login(user)
                _, key = do_create_api_token(user)
                api.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
            self.web[name], self.api[name] = web, api

    def request(self, person: str, method: str, path: str, **kwargs: Any) -> Any:
        client = (self.api if path.startswith("/api/") else self.web)[person]
        self.result.requests += 1
        label = f"{person} {method} {path}"
        try:
            response = getattr(client, method.lower())(path, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the probe counts what a server would answer 500
            self.result.errors.append(f"{label}: {type(exc).__name__}: {exc}")
            return None
        body = _body(response)
        if response.status_code >= 500:
            self.result.errors.append(f"{label}: {response.status_code}")
        elif response.status_code == 200:
            text = _readable(body)
            for marker in FORBIDDEN[person]:
                if marker in text:
                    self.result.cross_unit_reads.append(f"{label}: {marker}")
        return response


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
        response.close()
        return data
    return bytes(response.content)


def _readable(body: bytes) -> str:
    """The text of a response: the page or JSON, or the XML parts of an .xlsx/.docx download."""
    if body[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                return "".join(
                    archive.read(n).decode("utf-8", "ignore")
                    for n in archive.namelist()
                    if n.endswith(".xml")
                )
        except zipfile.BadZipFile:
            return ""
    return body.decode("utf-8", "ignore")


def _sweep(prober: _Prober, people: Sequence[str], methods: Sequence[str], every: Iterable[str]) -> None:
    for path in every:
        for person in people:
            for method in methods:
                if method == "GET":
                    prober.request(person, "GET", path)
                elif path.startswith("/api/"):
                    prober.request(person, method, path, data={}, content_type="application/json")
                else:
                    prober.request(person, method, path, data={})


# ---------------------------------------------------------------------------------------------
# Bad uploads

BAD_FILES: tuple[tuple[str, bytes], ...] = (
    ("empty.xlsx", b""),
    ("random.xlsx", bytes(range(256)) * 8),
    ("truncated.docx", b"PK\x03\x04" + b"\x00" * 64),
    ("notes.txt", "甲乙丙".encode("gbk") + b"\xff\xfe\x00"),
    ("program.exe", b"MZ\x90\x00" + b"\x00" * 64),
    ("a" * 300 + ".pdf", b"%PDF-1.4 broken"),
    ("bomb.xlsx", b""),  # replaced by a small zip of highly compressible junk
)


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<" + b"a" * 5_000_000)
    return out.getvalue()


def _uploads(world: ProbeWorld) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(person, path, file field, other fields) of every upload."""
    report_a = world.ids["reports"][0]
    return [
        ("sam", reverse("policies:import"), "file", {"title": ""}),
        ("sam", reverse("workbook:import"), "file", {}),
        ("andy", reverse("workbook:unit_upload"), "file", {}),
        ("alice", reverse("accounts:user_import"), "file", {}),
        (
            "sam",
            reverse("enterprises:import"),
            "file",
            {"source": world.people["amy"].membership.unit_id, "as_of": timezone.localdate().isoformat()},
        ),
        ("andy", reverse("ledger:report_attach", args=[report_a]), f"a{report_a}-file", {}),
        ("andy", f"/api/reports/{report_a}/attachments/", "file", {}),
        ("sam", "/api/policies/", "file", {}),
    ]


def _bad_uploads(prober: _Prober, world: ProbeWorld) -> None:
    for person, path, name, fields in _uploads(world):
        for file_name, data in BAD_FILES:
            data = _bomb() if file_name == "bomb.xlsx" else data
            upload = SimpleUploadedFile(file_name, data, content_type="application/octet-stream")
            prober.request(person, "POST", path, data={**fields, name: upload})


# ---------------------------------------------------------------------------------------------
# Double submits


def _contribution_preview(client: Client, world: ProbeWorld, text: str) -> str:
    """Andy (unit A, helping on task 3) previews his unit workbook adding ``text`` to the third
    unit's open report; the preview's token."""
    from openpyxl import load_workbook

    from taizhang.ledger import actions as L
    from taizhang.ledger.models import ProgressReport

    t3 = world.tasks[2]
    period = _period(t3.policy)
    if not ProgressReport.objects.filter(task=t3, period=period).exists():
        L.do_save_report(world.third_officer, task=t3, period=period, narrative="牵头单位进展", percent=10)
    book = load_workbook(io.BytesIO(client.get(reverse("workbook:unit_download")).content))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[2]]
    row = next(
        r for r in range(3, sheet.max_row + 1) if sheet.cell(r, header.index("重点任务") + 1).value == t3.text
    )
    sheet.cell(row, header.index("本期进展情况") + 1, text)
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("book.xlsx", out.getvalue())
    response = client.post(reverse("workbook:unit_upload"), {"file": upload})
    return str(response.context["token"]) if response.context and "token" in response.context else ""


def _replay(client: Client, path: str, data: dict[str, Any]) -> list[int]:
    """Post ``data`` twice, writing the session back in between as a concurrent request that read
    it before the first confirmation would."""
    session = client.session
    kept = dict(session.items())
    first = client.post(path, data).status_code
    for key, value in kept.items():
        session[key] = value
    session.save()
    return [first, client.post(path, data).status_code]


def _double_submits(prober: _Prober, world: ProbeWorld, threads: int) -> None:
    from taizhang.accounts.actions import do_preview_user_import
    from taizhang.ledger.models import ReportContribution

    andy = prober.web["andy"]
    text = "PROBE 协办补充（依次两次确认）"
    token = _contribution_preview(andy, world, text)
    prober.result.requests += 2
    statuses = _replay(andy, reverse("workbook:unit_confirm"), {"token": token, "mode": "draft"})
    _errors(prober, "andy POST unit workbook confirmation (replayed)", statuses)
    _count(
        prober, "unit workbook confirmation (replayed)", ReportContribution.objects.filter(text=text).count()
    )

    people = _user_import_people()
    plan = do_preview_user_import(world.people["alice"], file_name="probe.xlsx", data=people)
    prober.result.requests += 2
    statuses = [
        prober.web["alice"].post(reverse("accounts:user_import_confirm"), {"token": plan.token}).status_code
        for _ in range(2)
    ]
    _errors(prober, "alice POST user import confirmation (twice)", statuses)
    from django.contrib.auth import get_user_model

    _count(
        prober, "user import confirmation", get_user_model().objects.filter(username="probe-imported").count()
    )

    _registry_twice(prober, world)

    if threads > 1 and _threads_share_the_database():
        text = "PROBE 协办补充（并发确认）"
        token = _contribution_preview(andy, world, text)
        cookies = andy.cookies
        statuses = _race(threads, lambda: _post_with(cookies, reverse("workbook:unit_confirm"), token))
        prober.result.requests += threads
        _errors(prober, f"andy POST unit workbook confirmation ({threads} at once)", statuses)
        _count(
            prober,
            f"unit workbook confirmation ({threads} at once)",
            ReportContribution.objects.filter(text=text).count(),
        )


def _registry_twice(prober: _Prober, world: ProbeWorld) -> None:
    from taizhang.enterprises.builders import credit_code
    from taizhang.enterprises.models import Enterprise

    name = "深圳市探针重复提交科技有限公司"
    csv = f"统一社会信用代码,企业名称\n{credit_code(424242)},{name}\n".encode()
    form = {
        "source": world.people["amy"].membership.unit_id,
        "as_of": timezone.localdate().isoformat(),
        "token": "probe-registry-token",
    }
    statuses = []
    for _ in range(2):
        upload = SimpleUploadedFile("registry.csv", csv, content_type="text/csv")
        statuses.append(
            prober.web["sam"].post(reverse("enterprises:import"), {**form, "file": upload}).status_code
        )
        prober.result.requests += 1
    _errors(prober, "sam POST enterprise registry import (twice)", statuses)
    from taizhang.enterprises.models import RegistryImport

    _count(
        prober, "enterprise registry import", RegistryImport.objects.filter(file_name="registry.csv").count()
    )
    _count(prober, "enterprise created by the registry import", Enterprise.objects.filter(name=name).count())


def _user_import_people() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "用户名", "邮箱", "手机", "单位", "角色"])
    sheet.append(["探针用户", "probe-imported", "probe@example.org", None, None, "只读"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _post_with(cookies: Any, path: str, token: str) -> int:
    client = Client(raise_request_exception=False)
    client.cookies = cookies
    return int(client.post(path, {"token": token, "mode": "draft"}).status_code)


def _race(count: int, target: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(count)
    outcomes: list[Any] = []

    def run() -> None:
        try:
            barrier.wait()
            outcomes.append(target())
        except Exception as exc:  # noqa: BLE001 - an exception is an outcome (a 500)
            outcomes.append(500)
            outcomes.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run) for _ in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return [o for o in outcomes if isinstance(o, int)]


def _threads_share_the_database() -> bool:
    name = str(connection.settings_dict["NAME"])
    return not (connection.vendor == "sqlite" and ("memory" in name or name == ""))


def _errors(prober: _Prober, label: str, statuses: Iterable[int]) -> None:
    for status in statuses:
        if status >= 500:
            prober.result.errors.append(f"{label}: {status}")


def _count(prober: _Prober, label: str, rows: int) -> None:
    if rows > 1:
        prober.result.duplicates.append(f"{label}: {rows} rows filed, 1 expected")
    if rows == 0:
        prober.result.errors.append(f"{label}: nothing was filed")


# ---------------------------------------------------------------------------------------------


def run_probe(
    *,
    people: Sequence[str] = PEOPLE,
    methods: Sequence[str] = ("GET", "POST"),
    only: str = "",
    threads: int = 20,
    world: ProbeWorld | None = None,
    progress: Callable[[str], None] | None = None,
) -> ProbeResult:
    """Build the world (unless given), then probe: ``people`` × every path (``only``: those matching
    this regex) × ``methods``; the bad uploads; the double and ``threads`` concurrent submits."""
    say = progress or (lambda message: None)
    world = world or build_world()
    result = ProbeResult()
    prober = _Prober(world, result)
    every = [p for p in paths(world) if not only or re.search(only, p)]
    say(f"{len(every)} paths × {len(people)} people × {', '.join(methods)}")
    _sweep(prober, people, methods, every)
    say("bad uploads")
    _bad_uploads(prober, world)
    say("double submits")
    _double_submits(prober, world, threads)
    return result
