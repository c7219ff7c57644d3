"""Form helpers every app's pages share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

__all__ = ["apply_errors"]


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put an action's ValidationError on the form: on the named field when the form has it,
    else as a form error that still names the field."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, messages in exc.message_dict.items():
        if field in form.fields:
            form.add_error(field, messages)
        else:
            form.add_error(None, [f"{field}: {m}" for m in messages])
