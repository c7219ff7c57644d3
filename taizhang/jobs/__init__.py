"""Background jobs: long work (imports, bulletins, the blue book, reminders, bench data) runs in the
worker of the ``django-tasks`` database backend, and a :class:`~taizhang.jobs.models.Job` row tells
the page its owner watches how far it got and what it made."""
