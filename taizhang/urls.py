"""The project's URLs: every app's ``urls.py`` is included here once; apps add their own paths."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("taizhang.accounts.urls")),
    path("policies/", include("taizhang.ledger.policy_urls")),
    path("units/", include("taizhang.units.urls")),
    path("workbook/", include("taizhang.ledger.workbook_urls")),
    path("api/", include("taizhang.api.urls")),
    path("supervision/", include("taizhang.supervision.urls")),
    path("monitoring/", include("taizhang.monitoring.urls")),
    path("bulletins/", include("taizhang.bulletins.urls")),
    path("public/", include("taizhang.portal.urls")),
    path("public/", include("taizhang.enterprises.public_urls")),
    path("enterprises/", include("taizhang.enterprises.urls")),
    path("", include("taizhang.ledger.urls")),
]
