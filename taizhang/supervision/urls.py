"""URLs of supervision (督办): warnings, reminders, notices, work queues."""

from __future__ import annotations

app_name = "supervision"

urlpatterns: list = []
