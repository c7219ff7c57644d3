from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "taizhang.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from .appendonly import reinstall_after_migrate

        # SQLite drops a table's triggers when a migration rebuilds it: make them again.
        post_migrate.connect(reinstall_after_migrate, sender=self, dispatch_uid="taizhang.core.appendonly")
