"""The policy import as a background job: the upload page stores the file and queues this; the
worker reads the document (within the limits of :func:`.actions.read_document`), extracts it and
writes the draft in one transaction, reporting each step to the job's page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from taizhang.policies.access import can_import_policy

from .policy_actions import DuplicateDocument, do_import_policy, find_duplicate, read_document

__all__ = ["import_policy"]


def import_policy(job: Any, progress: Any) -> tuple[str, str, dict[str, Any]]:
    from taizhang.extract import ExtractionError, extract_source

    user = job.owner
    can_import_policy(user).check()
    name = job.params.get("name") or "document"
    progress(5, "读取上传的文件")
    with job.upload.open("rb") as handle:
        data = handle.read()
    earlier = find_duplicate(data)
    if earlier is not None:
        raise DuplicateDocument(name, earlier)
    progress(10, "检查文件大小并读取文字")
    source = read_document(data, name)
    progress(30, "识别任务、责任单位、完成时限和指标")
    try:
        extraction = extract_source(source)
    except ExtractionError as exc:
        raise ValidationError({"file": f"{name}: {exc.reason}"}) from None
    except MemoryError:
        message = gettext(
            "%(name)s: the file is too large; memory ran out while reading it; please split it into several files"
        )
        raise ValidationError({"file": message % {"name": name}}) from None
    del source
    progress(75, f"保存草稿：{len(extraction.tasks)} 项任务，{len(extraction.metrics)} 个指标")
    result = do_import_policy(
        user, data=data, name=name, title=job.params.get("title") or None, extraction=extraction
    )
    policy = result.policy
    label = f"{policy.title}：{len(extraction.tasks)} 项任务，{len(result.proposed_units)} 个新单位待确认"
    made = {
        "policy": policy.pk,
        "tasks": len(extraction.tasks),
        "proposed_units": [{"id": unit.pk, "name": unit.name} for unit in result.proposed_units],
    }
    return reverse("policies:review", args=[policy.pk]), label, made
