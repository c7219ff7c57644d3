"""Regenerate (or check) the committed OpenAPI snapshot, taizhang/api/openapi.json.

.venv/bin/python -m taizhang.api.snapshot            # write it
.venv/bin/python -m taizhang.api.snapshot --check    # exit 1 when it is stale
"""

from __future__ import annotations

import os
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Write the snapshot, or with ``--check`` say whether it is current."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
    django.setup()
    from .schema import SNAPSHOT, generate_schema, render_schema

    args = sys.argv[1:] if argv is None else argv
    text = render_schema(generate_schema())
    if "--check" in args:
        current = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
        if current != text:
            print(f"{SNAPSHOT} is stale: run python -m taizhang.api.snapshot", file=sys.stderr)
            return 1
        return 0
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
