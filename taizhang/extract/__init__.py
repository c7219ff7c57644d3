"""The extraction library: from a policy document to its tasks, units, deadlines and targets.

Plain Python; imports nothing of Django. The public API is small::

    from taizhang.extract import extract, extract_text
    result = extract("plan.docx")          # a path, or bytes with name=
    result.tasks, result.metrics           # frozen dataclasses with their source spans
    result.to_dict()                        # the JSON form (field names of shared/gold/SCHEMA.md)
"""

from __future__ import annotations

from .compiled import warn_if_stale
from .model import Deadline, DocInfo, Extraction, ExtractionError, Metric, Span, Task
from .pipeline import extract, extract_source, extract_text

__all__ = [
    "extract",
    "extract_text",
    "extract_source",
    "Extraction",
    "ExtractionError",
    "Task",
    "Metric",
    "Deadline",
    "DocInfo",
    "Span",
]

# A compiled copy (see compiled.py) older than its sources warns that it runs the old code.
warn_if_stale()
