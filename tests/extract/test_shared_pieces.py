"""Pieces of the unit grammar that articles.py and units.py share instead of copying: the places of
the parts of a split list (units.part_spans), and the words that open with a level's character but name
no level (the lexicon's place_words_not_places and the words of a level itself).

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract.articles import _each
from taizhang.extract.lexicon import unit_words
from taizhang.extract.units import _not_levels, part_spans


def test_part_spans_gives_the_places_of_the_parts_split_by_one_character() -> None:
    assert part_spans(["教育", "科学技术", "文化"]) == ((0, 2), (3, 7), (8, 10))
    assert part_spans(["甲", "乙"], at=5) == ((5, 6), (7, 8))


def test_each_reads_the_original_words_at_the_places_of_the_working_ones() -> None:
    assert _each("工會、共青團、婦聯", ["工会", "共青团", "妇联"]) == ["工會", "共青團", "婦聯"]


def test_words_that_name_no_level_are_the_lexicons_and_the_levels_own() -> None:
    words = _not_levels()
    assert set(unit_words().not_places) <= words
    assert {"市场", "市政", "区域", "县级", "县域"} <= words
    assert "市财" not in words
