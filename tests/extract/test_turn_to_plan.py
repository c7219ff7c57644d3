"""One pattern says where a paragraph on last year turns to this year's plan, for a past year told
inside a line (回顾了过去一年…) as for one that opens it (invented texts; see
metrics._TURN_TO_THIS_YEAR, read by _past_year_told and _turn_in_paragraph)."""

from __future__ import annotations

from taizhang.extract import extract_text


def _years(text: str) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in extract_text(text).metrics}


def test_the_part_of_this_year_gone_by_is_no_turn_to_the_plan() -> None:
    text = (
        "某县2024年政府工作报告\n\n"
        "各位代表：报告回顾了过去一年的工作。全县粮食产量达到21万吨。"
        "今年以来，全县新增市场主体1300户。\n"
    )
    got = _years(text)
    assert got[210000.0] == ("actual", 2023)
    assert got[1300.0][0] == "actual"


def test_a_sentence_that_names_this_year_turns_to_the_plan() -> None:
    text = (
        "某县2024年政府工作报告\n\n"
        "各位代表：报告回顾了过去一年的工作。全县粮食产量达到21万吨。"
        "今年全县粮食产量稳定在21.5万吨以上。\n"
    )
    got = _years(text)
    assert got[210000.0] == ("actual", 2023)
    assert got[215000.0] == ("target", 2024)
