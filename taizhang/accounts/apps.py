from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taizhang.accounts"
    label = "accounts"
    verbose_name = "账户"

    def ready(self) -> None:
        from . import audit

        audit.connect()
