"""A task's reference (任务编号): the one name a person uses for one task of a policy.

A document numbers its tasks (序号, kept in ``Task.ref`` as written), but the numbering is not
always unique: a five-year plan lists 28 tasks under 四.(二).3 with no number of their own. The
reference is the document's number when the document uses it once, and the number with the
task's place among its namesakes when the document repeats it (四.(二).3-1 … 四.(二).3-28). A
task without a number is named by its place in the policy (第12项). References are unique within a
policy (a database constraint) and stable: once given, they do not change when tasks are added,
split, merged or moved, so a notice or a bulletin that named a task still names the same one.

Pure functions of plain values; the actions pass the references already taken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

__all__ = ["REFERENCE_MAX", "assign_references", "next_reference", "position_reference"]

#: The longest reference stored (``Task.reference``).
REFERENCE_MAX = 60
# What a reference may hold before its free suffix (-2, -3…), and a document's number (``Task.ref``).
_WANTED_MAX = REFERENCE_MAX - 8
_REF_MAX = 40


def position_reference(position: int) -> str:
    """The reference of a task the document did not number: its place in the policy (第12项)."""
    return f"第{position}项"


def next_reference(wanted: str, taken: Collection[str]) -> str:
    """``wanted`` if no task of the policy has it yet, else the first free ``wanted-2``, ``wanted-3``…"""
    base = (wanted or "").strip()[:_WANTED_MAX]
    if not base:
        raise ValueError("a reference needs a number or a place to start from")
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def assign_references(refs: Sequence[str], taken: Collection[str] = ()) -> list[str]:
    """The references of tasks numbered ``refs`` by their document, in the document's order.

    A number used once is the reference; a number used n times gives ``number-1`` … ``number-n``
    in order; a blank number gives the task's place (第k项, k counted from 1). A reference that
    would clash with one in ``taken`` or given earlier takes the next free suffix.
    """
    cleaned = [(r or "").strip()[:_REF_MAX] for r in refs]
    uses = Counter(r for r in cleaned if r)
    # A number the document uses once keeps it, even where a repeated number's suffix would make it.
    own = {r for r, n in uses.items() if n == 1} - set(taken)
    used = set(taken) | own
    seen: Counter[str] = Counter()
    out: list[str] = []
    for position, ref in enumerate(cleaned, start=1):
        if ref in own:
            out.append(ref)
            continue
        if not ref:
            wanted = position_reference(position)
        elif uses[ref] == 1:
            wanted = ref  # a number someone already took: the next free suffix
        else:
            seen[ref] += 1
            wanted = f"{ref}-{seen[ref]}"
        reference = next_reference(wanted, used)
        used.add(reference)
        out.append(reference)
    return out
