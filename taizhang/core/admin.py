from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import HistoryEntry


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """History is read-only in the admin: no add, change or delete."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "task_id"]
    list_filter = ["action", "object_type"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
