"""The test run's settings: the application's own, in development mode.

``DEBUG`` must be on before ``taizhang.settings`` is read (with it off the settings refuse to load
without a ``SECRET_KEY``, as a server's should); pytest-django then runs each test with
``DEBUG`` off, as a server would. Tests that start a production server give it its own
environment (``DEBUG=0`` and a key).
"""

from __future__ import annotations

import os

os.environ.setdefault("DEBUG", "1")

from taizhang.settings import *  # noqa: E402,F403
