"""Django's admin site and people.

The administrator (系统管理员) administers people in the product's own pages (``/accounts/users/``),
where every change passes the actions' checks (a unit for unit roles, the last administrator kept,
e-mails unique) and is written to the history. Django's admin site stays for the superuser made on
the command line (docs/deploy.md) as a read-only view of the history; its pages for users and
groups, which would change accounts past those checks and without history, are taken off. (Roles
are memberships, not groups: groups are not used.)
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

for model in (get_user_model(), Group):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
