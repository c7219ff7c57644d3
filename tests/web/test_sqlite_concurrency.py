"""The embedded SQLite database under a small office's load: 30 people saving at once through the
production server (gunicorn, 3 processes of 10 threads) against a database file, while the
reminder job runs. No request may fail with a server error ("database is locked" was 500) and the
job must finish every time.

Real processes and threads against a real file: the in-memory test database cannot show locking.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.prodserver import production_env, request, run, serve

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the embedded SQLite database is tested in the SQLite run",
    ),
]

WRITERS = 30
ROUNDS = 5  # each round: draft a report, edit it, submit it: 3 writes

SETUP = """
import json, django
django.setup()
from taizhang.accounts.actions import do_create_api_token
from taizhang.devtools.builders import make_cast, make_policy
cast = make_cast()
tasks = list(make_policy(cast.sam).tasks.order_by("order"))
print(json.dumps({
    "andy": do_create_api_token(cast.andy)[1],
    "ben": do_create_api_token(cast.ben)[1],
    "a_task": tasks[0].pk,
    "b_task": tasks[1].pk,
}))
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory: Any) -> Any:
    var = tmp_path_factory.mktemp("office")
    env = production_env(var, SECURE_SSL_REDIRECT="0")
    run([sys.executable, "-m", "taizhang.cli", "migrate", "--no-input"], env)
    people = json.loads(run([sys.executable, "-c", SETUP], env).strip().splitlines()[-1])
    with serve(env, workers=3, threads=10) as base:
        yield {"base": base, "env": env, "var": var, **people}


def writer(office: Any, n: int, statuses: Counter[int], failures: list[str]) -> None:
    """One officer drafting, editing and submitting reports for periods of his own."""
    key, task = (office["andy"], office["a_task"]) if n % 2 == 0 else (office["ben"], office["b_task"])
    headers = {"Authorization": f"Token {key}", "Content-Type": "application/json"}
    api = office["base"] + "/api/reports/"
    for r in range(ROUNDS):
        try:
            period = f"{2001 + n}-{r + 1:02d}"
            made = request(
                api,
                method="POST",
                headers=headers,
                data=json.dumps(
                    {"task": task, "period": period, "narrative": "初稿", "percent": 10}
                ).encode(),
            )
            statuses[made.status] += 1
            if made.status != 201:
                failures.append(f"create {period}: {made.status} {made.text()[:200]}")
                continue
            report = made.json()
            edited = request(
                f"{api}{report['id']}/",
                method="PATCH",
                headers=headers,
                data=json.dumps(
                    {"version": report["version"], "narrative": "已推进", "percent": 40}
                ).encode(),
            )
            statuses[edited.status] += 1
            submitted = request(f"{api}{report['id']}/submit/", method="POST", headers=headers, data=b"{}")
            statuses[submitted.status] += 1
        except Exception as exc:  # a refused connection or a time-out counts against the server
            failures.append(f"writer {n}: {type(exc).__name__}: {exc}")


class SqliteUnderLoadTestCase:
    def test_thirty_concurrent_writers_get_no_server_error_and_the_reminder_job_never_crashes(
        self, office: Any
    ) -> None:
        database = Path(office["var"]) / "taizhang.sqlite3"
        import sqlite3

        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

        statuses: Counter[int] = Counter()
        failures: list[str] = []
        jobs: list[subprocess.CompletedProcess[str]] = []

        def reminders() -> None:
            for _ in range(3):
                jobs.append(
                    subprocess.run(
                        [sys.executable, "-m", "taizhang.cli", "send_reminders"],
                        env=office["env"],
                        capture_output=True,
                        text=True,
                        timeout=300,
                    )
                )

        threads = [
            threading.Thread(target=writer, args=(office, n, statuses, failures)) for n in range(WRITERS)
        ]
        threads.append(threading.Thread(target=reminders))
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)

        requests_made = sum(statuses.values())
        server_errors = sum(count for code, count in statuses.items() if code >= 500)
        print(
            f"\n{requests_made} requests by {WRITERS} writers: {dict(statuses)}; {server_errors} server errors"
        )
        assert server_errors == 0 and failures == [], failures[:10]
        assert statuses[201] == WRITERS * ROUNDS  # every draft was saved
        assert requests_made == WRITERS * ROUNDS * 3
        assert [job.returncode for job in jobs] == [0, 0, 0], [job.stderr[-2000:] for job in jobs]

        # everything the writers were told was saved is in the database
        with sqlite3.connect(database) as db:
            saved = db.execute(
                "SELECT COUNT(*) FROM ledger_progressreport WHERE status = 'submitted'"
            ).fetchone()[0]
            assert saved == statuses[200] // 2  # each round answered 200 twice: the edit and the submit
