"""Exit 0 when the PostgreSQL database named by the URL argument answers, else 1 (used by make test)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else ""
    if not url.startswith(("postgres://", "postgresql://")):
        return 1
    try:
        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
