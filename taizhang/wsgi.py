"""WSGI entry point of the production server: ``gunicorn taizhang.wsgi`` (docs/deploy.md).

A server whose settings cannot load (no ``SECRET_KEY`` with ``DEBUG`` off, say) stops with one
line that says why, not a traceback.
"""

from __future__ import annotations

import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

try:
    application = get_wsgi_application()
except ImproperlyConfigured as exc:
    print(f"taizhang: cannot start: {exc}", file=sys.stderr, flush=True)
    raise SystemExit(1) from None
