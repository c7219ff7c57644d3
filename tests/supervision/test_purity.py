"""The supervision computations import nothing of Django, so they run without a database."""

from __future__ import annotations

import subprocess
import sys


class PurityTestCase:
    def test_importing_the_computations_loads_no_django(self) -> None:
        code = (
            "import sys\n"
            "import taizhang.supervision.rules, taizhang.supervision.scoring, "
            "taizhang.supervision.trajectory\n"
            "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "[]"
