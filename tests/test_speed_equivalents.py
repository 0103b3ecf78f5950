"""Faster forms of readings find exactly what the slower forms found (issue 14)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from factcheck.kinds.currency import (
    NOTE_WORD,
    _hong_kong_literals,
    _hong_kong_market,
    _hong_kong_words,
    says_same_below,
)
from factcheck.kinds.named_subject_reading import annotates_a_name
from factcheck.kinds.qualifiers import builtin_words
from factcheck.kinds.sentence import _CASE_PARTNERS, _may_hold, _re2_word, _words_pattern
from factcheck.load import _MAYBE_MARKUP, _marked_lines
from factcheck.normalize import variants
from factcheck.normalize.dates import Groups, date_matches, find_dates
from factcheck.normalize.entities import Mention
from factcheck.normalize.numbers import _FULLWIDTH_THOUSANDS_RE, group_thousands
from factcheck.normalize.variants import fold

TABLES = yaml.safe_load((Path(__file__).parent / "fixtures" / "speed_equivalents.yaml").read_text(encoding="utf-8"))
SLOW_NOTE_WORD = re.compile("下同|same below|hereinafter", re.IGNORECASE)


@pytest.mark.parametrize("case", TABLES["note_words"], ids=lambda case: case["source"])
def test_a_note_word_is_found_as_before(case: dict[str, Any]) -> None:
    assert says_same_below(case["text"]) is case["says"]
    assert (SLOW_NOTE_WORD.search(case["text"]) is not None) is case["says"]


def test_the_spelled_out_note_words_match_what_ignorecase_matched() -> None:
    """Each character class of NOTE_WORD holds exactly the characters re.IGNORECASE matches."""
    classes = re.findall(r"\[([^\]]*)\]|(.)", NOTE_WORD.replace("|", ""))
    spelled = [set(group or single) for group, single in classes]
    words = "下同same belowhereinafter"
    assert len(spelled) == len(words)
    for char, allowed in zip(words, spelled, strict=True):
        matched = {chr(c) for c in range(0x10000) if re.fullmatch(re.escape(char), chr(c), re.IGNORECASE)}
        assert allowed == matched, char


@pytest.mark.parametrize("case", TABLES["thousands"], ids=lambda case: case["source"])
def test_thousands_are_grouped_as_before(case: dict[str, Any]) -> None:
    assert group_thousands(case["text"]) == case["grouped"]
    assert _FULLWIDTH_THOUSANDS_RE.sub(lambda m: m.group(0).replace("，", ","), case["text"]) == case["grouped"]


@pytest.mark.parametrize("case", TABLES["dates"], ids=lambda case: case["source"])
def test_dates_are_read_as_before(case: dict[str, Any]) -> None:
    found = find_dates(case["text"], date(2025, 2, 12))
    assert [[span.value.raw, str(span.value.start), str(span.value.end)] for span in found] == case["dates"]
    for match in date_matches(fold(case["text"])):
        groups = Groups(match)
        assert dict(groups) == match.groupdict()
        assert groups.get("no such group") is None and "no such group" not in groups


@pytest.mark.parametrize("case", TABLES["folded"], ids=lambda case: case["source"])
def test_a_remembered_fold_is_the_fold(case: dict[str, Any]) -> None:
    assert fold(case["text"]) == fold.__wrapped__(case["text"]) == case["folded"]
    assert fold(case["text"]) == case["folded"]  # asked again: from memory


@pytest.mark.parametrize("case", TABLES["folded"], ids=lambda case: case["source"])
def test_the_table_as_a_string_folds_as_the_table_as_a_dict(case: dict[str, Any]) -> None:
    """fold translates through one string indexed by code point (faster than the dict it is made from);
    a code point past its end, or one it keeps, must come out as the dict leaves it."""
    table, _ = variants._table()
    assert isinstance(variants._lookup(), str)
    assert case["text"].translate(variants._lookup()) == case["text"].translate(table) == case["folded"]


@pytest.mark.parametrize("case", TABLES["annotating"], ids=lambda case: case["source"])
def test_a_name_in_brackets_after_another_restates_it_as_before(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = [Mention(text.index(name), text.index(name) + len(name), name) for name in case["names"]]
    sentence: Any = SimpleNamespace(text=text)
    slow = re.compile(r"\s*[（(]\s*")
    for mention in mentions:
        before = any(other.end <= mention.start and slow.fullmatch(text, other.end, mention.start) for other in mentions)
        assert annotates_a_name(sentence, mention, mentions) is before is (mention.entity_id in case["restating"])


@pytest.mark.parametrize("case", TABLES["count_lists"], ids=lambda case: case["text"][:16])
def test_the_amounts_after_a_value_are_the_sentences_amounts_in_that_window(case: dict[str, Any]) -> None:
    """count._rest_of_list filters the per-sentence amounts to the window after a list's first value;
    the windowed scan it replaced (the oracle) finds the same, at every amount of the sentence."""
    from factcheck.kinds.amounts import amounts
    from factcheck.kinds.count import _amounts_in
    from factcheck.kinds.sentence import sentences
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    article = parse_article(f'---\ndate: "2025-02-11 12:00:00"\n---\n{case["text"]}\n', "a.md")
    (s,) = sentences(article, EntityIndex(()))
    units = tuple(case["units"])
    whole = _amounts_in(s, units, False)
    assert [a.text for a in whole] == case["amounts"], case["source"]
    for found in whole:
        end = s.clause_at(found.start)[1]
        windowed = [(a.start, a.end) for a in amounts(s.text, units, found.end, end)]
        assert windowed == [(a.start, a.end) for a in whole if found.end <= a.start and a.end <= end]


# the alternation load.py's _MAYBE_MARKUP replaced (one class, then what follows each first character)
_MARKUP_ALTERNATION = re.compile(r"[\\\[<*_`" + "\U000F0000-\U000F007F]|https?:" + r"|\n[^\S\n]{0,3}(?:[>#*+-]|\d)")


@pytest.mark.parametrize("case", TABLES["markup_lines"], ids=lambda case: case["source"])
def test_the_lines_that_may_hold_markup_are_found_as_before(case: dict[str, Any]) -> None:
    text = "\n".join(case["lines"])
    assert _marked_lines(_MAYBE_MARKUP, text) == _marked_lines(_MARKUP_ALTERNATION, text) == case["marked"]
    assert [m.start() for m in _MAYBE_MARKUP.finditer(text)] == [m.start() for m in _MARKUP_ALTERNATION.finditer(text)]


# the link target load.py's _TARGET replaced: the alternation tried at every character of a URL
_SLOW_TARGET = r"\((?:[^()]|\([^()]*\))*\)"


@pytest.mark.parametrize("case", TABLES["link_targets"], ids=lambda case: case["source"])
def test_links_and_images_are_cleaned_as_before(case: dict[str, Any]) -> None:
    from factcheck import load

    text = case["text"]
    assert load.clean_line(text) == case["cleaned"]
    slow_image, slow_link = re.compile(r"!\[[^\]]*\]" + _SLOW_TARGET), re.compile(r"\[([^\]]*)\]" + _SLOW_TARGET)
    assert load._LINK.sub(r"\1", load._IMAGE.sub("", text)) == slow_link.sub(r"\1", slow_image.sub("", text))
    slow_links_only = re.compile(load._LINKS_ONLY.pattern.replace(load._TARGET, _SLOW_TARGET))
    assert slow_links_only.pattern != load._LINKS_ONLY.pattern
    assert bool(load._LINKS_ONLY.match(text)) is bool(slow_links_only.match(text))


@pytest.mark.parametrize("case", TABLES["unread"], ids=lambda case: case["source"])
def test_typesetting_is_taken_out_as_before(case: dict[str, Any]) -> None:
    from factcheck.normalize import text as text_module

    stripped = text_module.strip_typesetting(case["text"])
    assert (None if stripped is None else stripped[0]) == case["read"]
    slow = re.compile(f"[{text_module.FORMAT_CHARS}]+|{text_module._TYPESETTING}")  # the pattern it replaced
    assert [m.span() for m in text_module._UNREAD_RE.finditer(case["text"])] == \
        [m.span() for m in slow.finditer(case["text"])]


@pytest.mark.parametrize("case", TABLES["summary_breaks"], ids=lambda case: case["source"])
def test_a_cut_summary_ends_where_it_did(case: dict[str, Any]) -> None:
    from factcheck import load

    assert load._summary({"summary": case["summary"]}) == case["kept"]
    slow = re.compile(r"[。！？!?；;]|(?<!\d)[，,]|[，,](?!\d)")  # the pattern it replaced
    assert [m.span() for m in load._BREAK.finditer(case["summary"])] == [m.span() for m in slow.finditer(case["summary"])]


@pytest.mark.parametrize("case", TABLES["gate_unfolded"], ids=lambda case: case["source"])
def test_the_gate_answers_for_a_text_as_for_the_text_folded(case: dict[str, Any]) -> None:
    from factcheck.normalize.entities import EntityIndex
    from factcheck.records import Entity
    from factcheck.rules import build_rule
    from factcheck.scan import Gate, Scanner

    entities = [Entity(e["id"], e["name"], tuple(e.get("aliases", ()))) for e in case["entities"]]
    rule = build_rule("r", "r.yaml", {"kind": "number", "description": "a figure", "value": "money",
                                      "cue": case["words"], "subjects": [e.id for e in entities]}, {}, {
                                          e.id: e for e in entities})
    gate = Gate(Scanner([rule]), EntityIndex(tuple(entities)))
    assert gate.applicable(case["text"]) == gate.applicable(fold(case["text"])) == ((0,) if case["applicable"] else ())


def test_folding_keeps_apart_what_the_gates_classes_keep_apart() -> None:
    """What the gate's spelled patterns rely on: a character t matches the class of c's spellings
    exactly when fold(t) is c, so fold must write one character for one; spaces, format characters
    and commas (what the gaps and the comma class hold) are neither folded nor written by folding;
    and a letter's two cases fold alike (an alias is matched with case ignored)."""
    from factcheck.normalize.text import FORMAT_CHARS
    from factcheck.normalize.variants import _table

    table, _ = _table()
    kept = re.compile(f"[\\s,，{FORMAT_CHARS}]")
    for code, folded in table.items():
        char = chr(code)
        assert len(folded) == 1, char
        assert not kept.match(char) and not kept.match(folded), char
        if char.lower() != char.upper():
            assert fold(char.swapcase()) == folded.swapcase(), char


def _module_pattern(where: str) -> Any:
    module, name = where.split(":")
    return getattr(__import__(module, fromlist=[name]), name)


@pytest.mark.parametrize("case", TABLES["compiled_on_use"], ids=lambda case: case["source"])
def test_a_pattern_compiled_on_use_finds_what_it_found_compiled(case: dict[str, Any]) -> None:
    lazy = _module_pattern(case["pattern"])
    compiled = re.compile(lazy.pattern)
    found = [(m.span(), m.groups()) for m in lazy.finditer(case["text"])]
    assert found == [(m.span(), m.groups()) for m in compiled.finditer(case["text"])]
    assert found, "each row is a sentence the pattern reads something in"
    assert lazy.search(case["text"]).span() == compiled.search(case["text"]).span()
    assert lazy.sub("", case["text"]) == compiled.sub("", case["text"])


def test_patterns_compiled_on_use_are_not_compiled_at_import() -> None:
    """Importing what a check imports compiles none of them (each was start-up time of every run)."""
    import subprocess
    import sys

    names = sorted({case["pattern"] for case in TABLES["compiled_on_use"]})
    script = ("import re, factcheck.pipeline, factcheck.cli, factcheck.kinds\n"
              f"names = {names!r}\n"
              "for where in names:\n"
              "    module, name = where.split(':')\n"
              "    value = getattr(__import__(module, fromlist=[name]), name)\n"
              "    assert not isinstance(value, re.Pattern) and 'search' not in vars(value), where\n")
    subprocess.run([sys.executable, "-c", script], check=True)


def test_a_pattern_compiled_on_use_says_a_bad_regex_when_used() -> None:
    from factcheck.patterns import compiled_on_use

    broken = compiled_on_use("(unclosed")
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("text")


@pytest.mark.parametrize("case", TABLES["qualifier_words"], ids=lambda case: case["source"])
def test_a_sentence_the_quick_search_passes_over_holds_no_qualifier_word(case: dict[str, Any]) -> None:
    values = tuple(builtin_words()[case["qualifier"]].items())
    text = fold(case["text"])  # what rules match (Sentence.text)
    regex, _ = _words_pattern(values)
    slow = [[m.start(), case["text"][m.start():m.end()]] for m in regex.finditer(text)]
    assert slow == case["hits"]
    if slow:  # the quick search may say yes where no word stands whole (overestimated), never no where one does
        assert _may_hold(values)(text)


def test_the_spelled_out_case_of_a_word_matches_what_ignorecase_matched() -> None:
    """Each letter of an ASCII word is spelled for RE2 as the class of exactly the characters
    re.IGNORECASE matches it with (_CASE_PARTNERS: ı and İ for i, ſ for s, the Kelvin sign for k)."""
    assert set(_CASE_PARTNERS) == {"i", "s", "k"}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        spelled = re.findall(r"\\x\{([0-9a-f]+)\}", _re2_word(letter))
        matched = {chr(c) for c in range(0x10000) if re.fullmatch(letter, chr(c), re.IGNORECASE)}
        assert {chr(int(code, 16)) for code in spelled} == matched, letter


@pytest.mark.parametrize("case", TABLES["outlet_searches"], ids=lambda case: case["source"])
def test_a_byline_pattern_anchored_at_a_line_start_finds_what_its_search_found(case: dict[str, Any]) -> None:
    from factcheck import outlets
    from factcheck.patterns import compile_pattern

    config = outlets._default()
    text = "\n".join(case["lines"])
    patterns = [*config.first_line, *config.patterns]
    assert sum(outlets._search(p) != compile_pattern(p).search for p in patterns) >= 10  # most take the fast path
    for pattern in patterns:
        slow, fast = compile_pattern(pattern).search(text), outlets._search(pattern)(text)
        assert (slow and slow.groupdict()) == (fast and fast.groupdict()), pattern
    assert outlets.find_outlet("", case["lines"], config) == case["outlet"]


@pytest.mark.parametrize("case", TABLES["hong_kong_market"], ids=lambda case: case["source"])
def test_the_hong_kong_market_is_found_as_before(case: dict[str, Any]) -> None:
    """The literals asked first hold every text the exact words find, so the answer is the exact words'."""
    exact = _hong_kong_words().search(case["text"]) is not None
    assert exact is case["names"]
    assert (_hong_kong_market(case["text"], "CNY") is not None) is exact
    assert not exact or _hong_kong_literals().search(case["text"]) is not None


_LEAD = re.compile(r"\(\?=(\[[^\]]*\]|\\.)\)")  # a look-ahead of one class (or one escaped character) opening a pattern


@pytest.mark.parametrize("case", TABLES["led_patterns"], ids=lambda case: f"{case['pattern']} {case['source']}")
def test_a_pattern_led_by_its_first_characters_finds_what_it_found_without_them(case: dict[str, Any]) -> None:
    """The look-ahead holds every character a match of the rest starts with: the same matches, and each starts
    with a character of the class."""
    led = _module_pattern(case["pattern"])
    lead = _LEAD.match(led.pattern)
    assert lead is not None, led.pattern[:40]
    plain = re.compile(led.pattern[lead.end():], led.flags)
    found = list(plain.finditer(case["text"]))
    assert [m.group(0) for m in led.finditer(case["text"])] == case["found"]
    assert [(m.span(), m.groups()) for m in led.finditer(case["text"])] == [(m.span(), m.groups()) for m in found]
    assert all(re.fullmatch(lead.group(1), case["text"][m.start()]) for m in found)


@pytest.mark.parametrize("case", TABLES["link_ends"], ids=lambda case: case["source"])
def test_a_metric_phrase_is_cut_of_its_link_words_as_before(case: dict[str, Any]) -> None:
    from factcheck.discover import values

    slow = re.compile(f"(?:{values._any_of(values.LINK_WORDS + values.ADVERBS)})+$")  # the pattern it replaced
    assert values._LINK_END.sub("", case["text"]) == slow.sub("", case["text"]) == case["cut"]


def test_every_english_comparison_holds_an_ascii_letter() -> None:
    """qualifiers._english_comparisons asks no more of a text without an ASCII letter: each of its phrases holds a
    word with a letter that no other character matches, even with case ignored (not s, which ſ matches)."""
    from factcheck.kinds import qualifiers

    for word in ("compared", "versus", "vs", "up", "down", "from", "over"):
        assert any({chr(c) for c in range(0x10000) if re.fullmatch(re.escape(ch), chr(c), re.IGNORECASE)} <= set(
            ch.upper() + ch.lower()) for ch in word), word
    for pattern in (qualifiers._EN_FROM, qualifiers._EN_COMPARED, qualifiers._EN_FROM_WORDS):
        assert pattern.search("相比去年 compared with 2.9%，up from 10亿，rose 4% over the prior year to 5亿")
    assert qualifiers._english_comparisons("营收较去年同期的100亿元增长5%") == []
