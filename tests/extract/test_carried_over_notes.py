"""A note that declares its units for the measures below too ("…,以下均需X、Y落实,不再列出") names X
and Y for its own measure; the declaration's words are no part of their names, and "不再列出" is no
unit. (Whether later measures take X and Y is a reading the gold files do not share.) Notes written
here."""

from __future__ import annotations

from taizhang.extract.units import parse_roles


def test_the_declarations_words_are_no_part_of_the_names() -> None:
    roles = parse_roles("责任单位：市税务局，以下均需各园区管委会、各镇（街）人民政府落实，不再列出")
    assert roles.lead == ("市税务局", "各园区管委会", "各镇（街）人民政府")
    assert roles.co == ()


def test_a_declaration_by_each_measure_reads_the_same() -> None:
    roles = parse_roles("牵头单位：区发改局；以下各项均由各街道办事处负责，不再一一列出")
    assert "区发改局" in roles.lead
    assert not any("以下" in u or "列出" in u for u in roles.lead + roles.co)
    assert any(u == "各街道办事处" for u in roles.lead + roles.co)


def test_a_note_with_no_declaration_is_read_as_before() -> None:
    assert parse_roles("责任单位：市商务局、市财政局").lead == ("市商务局", "市财政局")
