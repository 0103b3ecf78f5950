"""The alias matcher (normalize/entities.py) tries at each place only the aliases that can
start there; it must find exactly what one alternation of all aliases finds, case ignored,
longest alias first, with the Latin-letter edges — including where case folding is not one
character for one (ſ matches s, the Kelvin sign matches k)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.entities import EntityIndex, _alias_regex, _AliasMatcher, _is_literal
from factcheck.records import Entity

# aliases as entities write them, and some (巴巴, sk) that start inside others
ALIASES = ("阿里巴巴集团", "阿里巴巴", "阿里", "阿里・巴巴", "Alibaba", "OpenAI", "DeepSeek", "苹果", "Apple", "09988.HK", "百度",
           "Baidu", "Kuaishou", "快手", "Sky", "sk", "巴巴", "里巴巴")
PIECES = (*ALIASES, "阿里 巴巴", "阿里．巴巴", "open ai", "OPENAI", "deep seek", "ſky", "\u212aUAISHOU", "İ", "x", "1", " ", "，", "集团", "里巴",
          "aPPLE", "Applewood", "109988.HK", "ALIBABA2024", "alib", "Kuai\u017fhou", "Deep-Seek", "bAIDU")


def whole(aliases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_alias_regex(a) for a in aliases), re.IGNORECASE)


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sets(st.sampled_from(ALIASES), min_size=1))
def test_the_matcher_finds_what_the_whole_alternation_finds(pieces: list[str], chosen: set[str]) -> None:
    aliases = tuple(sorted(chosen, key=lambda a: (-len(a), a)))
    text = "".join(pieces)
    expected = [m.span() for m in whole(aliases).finditer(text)]
    assert [m.span() for m in _AliasMatcher(aliases).finditer(text)] == expected, text


def test_plain_aliases_are_read_character_by_character_as_their_regex_reads_them() -> None:
    # dots and spacing read past, a space where a lower-case letter meets an upper-case one, Latin edges kept
    matcher = _AliasMatcher(("阿里・巴巴", "09988.HK", "OpenAI", "百度", "Baidu"))
    text = "阿里 巴巴、阿里巴巴、09988HK、Open AI、openai、百度、BAIDU、Baidus"
    assert [m.group(0) for m in matcher.finditer(text)] == ["阿里 巴巴", "阿里巴巴", "09988HK", "Open AI", "openai",
                                                            "百度", "BAIDU"]
    # a cased full-width or accented letter is left to the regex, and so is a Kelvin sign where a k stands
    assert _is_literal("百度") and _is_literal("蘋果") and not _is_literal("Ａ股") and not _is_literal("Édition")
    assert [m.group(0) for m in _AliasMatcher(("Sky",)).finditer("S\u212aY")] == ["S\u212aY"]
    # the opening letters compared at once (Kuai of Kuaishou) still leave an ſ among them to the regex
    assert [m.group(0) for m in _AliasMatcher(("Kuaishou",)).finditer("KUAI\u017fHOU、kuaishou、Kuaishu")] == [
        "KUAI\u017fHOU", "kuaishou"]


def test_an_alias_opening_with_a_cased_non_ascii_letter_falls_back_to_the_whole_alternation() -> None:
    aliases = ("Édition", "阿里")
    text = "édition阿里ÉDITION"
    assert [m.span() for m in _AliasMatcher(aliases).finditer(text)] == [(0, 7), (7, 9), (9, 16)]


CATEGORY_CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "entity_categories.yaml").read_text(encoding="utf-8"))
TELECOMS = EntityIndex((Entity("china-telecom", "中国电信", ("电信",)), Entity("china-unicom", "中国联通", ("联通",)),
                        Entity("china-mobile", "中国移动", ("移动",))))


@pytest.mark.parametrize("case", CATEGORY_CASES, ids=[c["source"] for c in CATEGORY_CASES])
def test_a_short_name_before_a_category_word_names_the_category(case: dict) -> None:
    found = [case["text"][m.start:m.end] for m in TELECOMS.mentions(case["text"])]
    assert found == case["found"], case["source"]


def test_a_name_that_is_no_part_of_a_longer_one_still_matches_before_a_category_word() -> None:
    index = EntityIndex((Entity("telecom", "电信", ("电信",)),))
    assert [m.entity_id for m in index.mentions("三大电信运营商")] == ["telecom"]


def _classes_ignoring_case(alias: str) -> str:
    """An alias's regex as it was written before its classes were compiled case-sensitively (the reference)."""
    parts = []
    for index, ch in enumerate(alias):
        if index and alias[index - 1].isascii() and alias[index - 1].islower() and ch.isascii() and ch.isupper():
            parts.append(r"[\s\-]?")
        parts.append(re.escape(ch) if not re.fullmatch(r"[\s・·•‧\-_.．]+", ch) else r"[\s・·•‧\-_.．]*")
    edges = []
    for char, before in ((alias[:1], True), (alias[-1:], False)):
        near = "A-Za-z" if char.isalpha() else "A-Za-z0-9"
        edges.append("" if not (char.isascii() and char.isalnum()) else
                     rf"(?<![{near}])" if before else rf"(?![{near}])")
    return edges[0] + "".join(parts) + edges[1]


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sets(st.sampled_from(ALIASES), min_size=1))
def test_classes_compiled_case_sensitively_match_as_case_ignoring_ones(pieces: list[str], chosen: set[str]) -> None:
    text = "".join(pieces)
    aliases = tuple(sorted(chosen, key=lambda a: (-len(a), a)))
    reference = re.compile("|".join(_classes_ignoring_case(a) for a in aliases), re.IGNORECASE)
    assert [m.span() for m in whole(aliases).finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_the_letters_folded_to_latin_ones_are_all_spelled_out() -> None:
    """Case ignored, [A-Za-z] matches these letters and no other (every code point tried)."""
    from factcheck.normalize.entities import FOLDED_TO_LATIN

    latin = re.compile("[A-Za-z]", re.IGNORECASE)
    folded = {chr(c) for c in range(0x80, 0x110000) if latin.fullmatch(chr(c))}
    assert folded == set(FOLDED_TO_LATIN)


def test_an_alias_with_no_latin_letter_and_no_gap_is_compared_as_written() -> None:
    from factcheck.normalize.entities import _literal_match, _Literals, _spelled_at

    group = _Literals(("宁德时代", "360", "3M中国", "Open AI", "阿里·巴巴", "A股"))
    assert group.exact == {"宁德时代", "360"}
    text = "据宁德时代公告，宁德 时代与阿里·巴巴"
    for at in range(len(text)):  # the same answer as the character-by-character reading
        assert (at + 4 if text.startswith("宁德时代", at) else -1) == _spelled_at("宁德时代", text, at)
    found = _literal_match(_Literals(("宁德时代",)), text, 1)
    assert found is not None and found.span() == (1, 5)
    assert _literal_match(_Literals(("宁德时代",)), text, 9) is None
