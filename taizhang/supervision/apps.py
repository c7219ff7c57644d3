from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "taizhang.supervision"
    label = "supervision"
    verbose_name = "督办"
    # Its part of a person's open work, for the administrator (accounts.access.open_work).
    open_work_of = "taizhang.supervision.access.open_work_of"
    # What it adds to the ledger's pages (ledger.parts.page_part): colours and notices.
    ledger_page_parts = "taizhang.supervision.ledger_parts"
