"""The REST API: policies, tasks, units and progress reports, with the UI's permissions.

Every list comes from ``visible_to(user)``, every row from ``access_*`` and every write from a
``do_*`` action, exactly as in the web pages. The OpenAPI document is served at ``/api/schema/``
(``?format=json`` for JSON) and committed as ``taizhang/api/openapi.json``
(regenerate: ``python -m taizhang.api.snapshot``).

Use::

    POST /api/token/  {"username": ..., "password": ...}       -> {"token": "..."}
    GET  /api/tasks/?unit=3&status=assigned&deadline_by=2025-06
         Authorization: Token <token>
    PATCH /api/tasks/7/  {"version": 4, "text": "..."}           -> 200, or 409 with "current"
    POST /api/reports/  {"task": 7, "period": "2025-03", "narrative": "...", "percent": 40}

Answers: 401 without valid credentials, 403 when the user may read but not act, 404 for a row
that is missing or that the user may not read, 400 with messages by field for bad input,
409 when someone saved since the row was read. Lists are pages (``limit``/``offset``, 50 rows).
"""
