"""Writes of bulletins: generating one (both files) and issuing it (印发). Steering roles only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.core.history import record

from .access import can_generate_bulletin, can_issue_bulletin
from .build import COLOURS, Masthead, bulletin_period, gather
from .docx import write_docx
from .models import Bulletin, BulletinStatus
from .pdf import write_pdf

__all__ = ["DEFAULT_ISSUER", "masthead_for", "do_generate_bulletin", "do_issue_bulletin"]

DEFAULT_ISSUER = "优化营商环境工作领导小组办公室"


def masthead_for(year: int) -> Masthead:
    """The next masthead of ``year``: the issuer (setting ``BULLETIN_ISSUER``) and the number
    营商督通〔year〕n号, n one more than the bulletins already numbered that year."""
    issuer = getattr(settings, "BULLETIN_ISSUER", DEFAULT_ISSUER)
    prefix = getattr(settings, "BULLETIN_NUMBER_PREFIX", "营商督通")
    count = Bulletin.objects.filter(number__startswith=f"{prefix}〔{year}〕").count()
    return Masthead(issuer=issuer, number=f"{prefix}〔{year}〕{count + 1}号")


def do_generate_bulletin(
    user: Any, period: str, now: dt.datetime | None = None, progress: Callable[[int, str], None] | None = None
) -> Bulletin:
    """Gather ``period``'s figures (2024-11 or 2024-Q4) and write a draft bulletin (.docx and .pdf).

    The supervisor or an administrator only (PermissionDenied otherwise); a malformed period is a
    ValidationError on ``period``. Task colours are refreshed first, so the bulletin is current.
    A province's bulletin takes many seconds: the pages queue it as a background job
    (:mod:`taizhang.bulletins.jobs`), which follows the steps through ``progress(percent, step)``.
    """
    progress = progress or (lambda percent, step: None)
    can_generate_bulletin(user, period).check()
    try:
        bulletin_period(period)
    except ValueError as error:
        raise ValidationError({"period": str(error)}) from None
    now = now or timezone.now()
    from taizhang.supervision.status import refresh_statuses

    progress(5, "刷新任务状态")
    refresh_statuses(now=now)
    progress(30, "汇总各单位的任务和进度")
    data = gather(period, now)
    with transaction.atomic():
        head = masthead_for(timezone.localdate(now).year)
        bulletin = Bulletin(
            period=data.period,
            number=head.number,
            generated_by=user,
            generated_at=now,
            summary={c: data.summary.count(c) for c in COLOURS} | {"tasks": data.summary.tasks},
        )
        stem = f"tongbao-{data.period}-{now:%Y%m%d%H%M%S}"
        progress(55, "写 Word 文件")
        docx = write_docx(data, head)
        progress(75, "写 PDF 文件")
        pdf = write_pdf(data, head)
        # Stored once both are written: a failure leaves no file behind.
        bulletin.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        bulletin.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        bulletin.save()
        record(user, bulletin, "bulletin.generate", after={"period": data.period, "number": head.number})
    return bulletin


def do_issue_bulletin(user: Any, bulletin: Bulletin, now: dt.datetime | None = None) -> Bulletin:
    """Issue (印发) a draft bulletin: units may read it from now on. Steering roles only; issuing
    an issued bulletin is a ValidationError on ``status``."""
    can_issue_bulletin(user, bulletin).check_person()
    now = now or timezone.now()
    with transaction.atomic():
        updated = Bulletin.objects.filter(pk=bulletin.pk, status=BulletinStatus.DRAFT).update(
            status=BulletinStatus.ISSUED, issued_by=user, issued_at=now
        )
        if updated != 1:
            raise ValidationError({"status": gettext("This bulletin is issued already")})
        bulletin.refresh_from_db()
        record(user, bulletin, "bulletin.issue", before={"status": "draft"}, after={"status": "issued"})
    return bulletin
