"""Database triggers that keep the history and the sign-in audit append-only (taizhang.core.appendonly)."""

from django.db import migrations


def install(apps, schema_editor):
    from taizhang.core.appendonly import install_guards

    install_guards(schema_editor.connection)


def remove(apps, schema_editor):
    from taizhang.core.appendonly import remove_guards

    remove_guards(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("accounts", "0002_api_tokens_and_login_audit"),
    ]

    operations = [migrations.RunPython(install, remove)]
