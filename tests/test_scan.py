"""The one-pass scan selects exactly the rules whose cues occur, so extraction finds
the same claims as running every rule on every sentence (issue 14)."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import RULES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract, relevance
from factcheck.kinds import KINDS
from factcheck.kinds.left_out import LEFT_OUT
from factcheck.kinds.matching import matching_text, matching_texts, matching_view, matching_views
from factcheck.kinds.sentence import sentences
from factcheck.kinds.status import StatusRule
from factcheck.load import discover, parse_article, read_article
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.variants import spellings
from factcheck.records import Article, Claim, Diagnostic, RuleBase, Segment
from factcheck.rules import load_rules
from factcheck.scan import Scanner, literals, needed_words

REPO = Path(__file__).resolve().parent.parent
RULE_FOLDERS = [RULES, *sorted(p for p in (REPO / "examples").iterdir() if p.is_dir())]


@pytest.mark.parametrize("regex, words", [
    ("(?:上涨|涨)", ("上涨", "涨")),  # a rule's word list, as kinds.base.words_regex writes it
    ("合作(?:被|已)?(?:取消|终止)", ("合作被取消", "合作被终止", "合作已取消", "合作已终止", "合作取消", "合作终止")),
    ("[万亿]元", ("万元", "亿元")),
    ("a{1,2}", ("a", "aa")),
    ("(?:日)?", ("", "日")),  # matches everywhere: its rule runs on every sentence
])
def test_finite_cue_regexes_expand_to_their_words(regex: str, words: tuple[str, ...]) -> None:
    assert literals(regex) == tuple(sorted(words))


@pytest.mark.parametrize("regex", [r"\d+倍", "涨.", "^涨", "涨+", "(?i)up", "[^涨]跌", "(?<!年)内", "[a-z]"])
def test_cue_regexes_the_expansion_cannot_list_are_searched_as_regexes(regex: str) -> None:
    assert literals(regex) is None


_PIECES = st.sampled_from(["(?i:A)", "涨", "跌", "上涨", "a", "(?:涨|跌)", "[涨跌]", "(?:a)?", "b{0,2}", r"\d", ".", "涨+"])


@settings(max_examples=300, deadline=None)
@given(regex=st.lists(_PIECES, min_size=1, max_size=4).map("".join),
       text=st.text(alphabet="涨跌上ab1 。", max_size=12))
def test_the_scan_says_a_rule_concerns_a_text_exactly_when_its_cue_searches_true(regex: str, text: str) -> None:
    scanner = Scanner([StatusRule(id="r", path="r.yaml", kind="status", description="", level="error", states=(("s", regex),))])
    holds = re.search(regex, text) is not None
    assert scanner.concerns(text) == holds
    assert scanner.rules_in(text) == ([0] if holds else [])


_IPO_CUE = "招股(?![书書文章])|路演|IPO"  # examples/mixue-hk-ipo-2025-02-11/offering-date.yaml: a regex (the look-ahead)


@pytest.mark.parametrize("among", [None, (), (0,), (1,), (0, 1)])
def test_the_rules_in_a_text_among_the_gates_are_the_rules_in_it_the_gate_let_through(
        among: tuple[int, ...] | None) -> None:
    """`rules_in(text, among)` is `rules_in(text)` without the rules not `among` the given ones: a cue
    searched as a regex is not searched for a rule the gate turned away, and nothing else changes."""
    rules = [StatusRule(id=f"r{i}", path="r.yaml", kind="status", description="", level="error", states=(("s", cue),))
             for i, cue in enumerate((_IPO_CUE, "(?:上市|招股)"))]
    scanner = Scanner(rules)
    text = "蜜雪冰城将于下周开启招股。"  # bulk/20250211A04I5O.zh-CN.md: both cues hold
    assert scanner.regex_cued == frozenset({0})
    assert scanner.rules_in(text) == [0, 1]
    assert scanner.rules_in(text, among) == [i for i in scanner.rules_in(text) if among is None or i in among]


def _every_rule_on_every_sentence(article: Article, rules: tuple[RuleBase, ...],
                                  index: EntityIndex) -> tuple[list[Claim], list[Diagnostic]]:
    """Extraction as it was before the scan: the reference the scan must not change."""
    claims: list[Claim] = []
    unread: list[Diagnostic] = []
    views = sentences(article, index)
    for rule in rules:
        for sentence in views:
            seen: set[tuple[object, ...]] = set()
            for found in KINDS[rule.kind].find(rule, sentence, article):
                if isinstance(found, Diagnostic):
                    unread.append(replace(found, rule=rule.id))  # extract names the rule of each note
                elif (key := (found.subject, found.value.display(), found.span, found.context)) not in seen:
                    seen.add(key)
                    claims.append(found)
    return claims, unread


@pytest.mark.parametrize("folder", RULE_FOLDERS, ids=[p.name for p in RULE_FOLDERS])
def test_scan_selected_rules_find_what_every_rule_finds(folder: Path) -> None:
    """Every rule set of the repository, on the seed articles and on an article made of every
    rule's own example sentences (real sentences, each with its rule file as source)."""
    rule_set = load_rules([str(folder), str(RULES / "entities.yaml")] if folder != RULES else [str(folder)])
    rules = rule_set.rules
    index = EntityIndex(rule_set.entities)
    scanner = Scanner(rules)
    examples = [example["text"] for path in sorted(folder.rglob("*.yaml"))
                for example in (yaml.safe_load(path.read_text(encoding="utf-8")).get("examples") or [])]
    articles = [parse_article("---\ndate: 2025-02-12 08:00:00\n---\n" + "\n\n".join(examples) + "\n",
                              "examples.md", relevant=relevance(scanner))]
    articles += [read_article(file) for file in discover([str(REPO / "seeds")])[0]]
    found = 0
    for article in articles:
        expected = _every_rule_on_every_sentence(article, rules, index)
        claims, unread = extract(article, rules, index, scanner)
        # the reference predates the left-out notes (extract's own say-why, tests/test_left_out.py)
        assert (claims, [d for d in unread if d.code != LEFT_OUT]) == expected
        found += len(expected[0])
    assert found > 0  # the comparison saw claims, not only empty lists


@pytest.mark.parametrize("texts", [
    ["蘋果選擇了阿里巴巴。", "净利润增长20%", "Apple Ｉｎｃ."],  # Traditional, plain, full-width: folded in one call
    ["9.9\u20606%的涨幅", "阿里\u200d巴巴"],  # format characters: stripped segment by segment, offsets kept
    ["含\x00的一段", "另一段"],  # a NUL in a text: the one-call form cannot be used
    ["估值2，600亿美元，同比增长。", "營收2，600億"],  # a grouping comma (2，600) read as a digit separator either way
    []])
def test_an_articles_texts_read_at_once_as_one_by_one(texts: list[str]) -> None:
    segments = [Segment(text, 1, (0,), index) for index, text in enumerate(texts)]
    assert matching_views(segments) == [matching_view(segment) for segment in segments]
    assert matching_texts(texts) == [matching_text(text) for text in texts]


# cue words in Simplified, and texts that write them in Traditional, full width, or with a
# format character inside
_CUES = st.sampled_from(["净利润", "涨", "发布", "IPO", "纯利", "(?:上涨|涨)", r"\d+倍", "招股(?![书文章])"])
_TEXT = st.text(alphabet="净淨凈利润潤涨漲发發髮布佈IＩPＰOＯ纯純倍12\u200b\u00ad\x00。，", max_size=10)


@settings(max_examples=300, deadline=None)
@given(cues=st.lists(_CUES, min_size=1, max_size=3), texts=st.lists(_TEXT, max_size=5))
def test_paragraphs_asked_at_once_are_concerned_exactly_as_one_by_one(cues: list[str], texts: list[str]) -> None:
    """The unfolded search (every spelling of every cue word) says what folding each text would."""
    scanner = Scanner([StatusRule(id="r", path="r.yaml", kind="status", description="", level="error",
                                  states=tuple(("s", cue) for cue in cues))])
    assert scanner.concerned(texts) == [scanner.concerns(matching_text(text)) for text in texts]


def test_a_cue_word_is_found_in_each_script_without_folding_the_text() -> None:
    rule = StatusRule(id="r", path="r.yaml", kind="status", description="", level="error", states=(("s", "净利润"),))
    # bulk/4a82efc00d2cb612f3f28e9b35c4e578.zh-HK.md:4 writes 淨利潤; the rule writes 净利润
    assert Scanner([rule]).concerned(["截至1月26日止第二季，淨利潤報24億元", "收入上升", "净利润增长", "淨\u200b利潤"]) == \
        [True, False, True, True]


def test_a_cue_word_of_hundreds_of_spellings_is_searched_without_folding_the_text() -> None:
    """Each character stands as the class of its spellings: a word of many variant characters is one
    alternative (the 300-rule library of benchmarks/rulesets.py has words of 288 to 768 spellings;
    listed one by one, they made the scanner fold every paragraph of every article instead)."""
    word = "归属于母公司所有者的净利润"
    rule = StatusRule(id="r", path="r.yaml", kind="status", description="", level="error", states=(("s", word),))
    scanner = Scanner([rule])
    assert math.prod(len(spellings().get(char, char)) for char in word) > 256
    assert scanner._spelled is not None
    texts = [  # bulk/20250210A021V4.zh-CN.md:36, then in Traditional characters, then with a word missing
        "公司预计在2024年实现归属于母公司所有者的净利润为1.46亿元到1.75亿元，",
        "公司預計在2024年實現歸屬於母公司所有者的淨利潤為1.46億元到1.75億元，",
        "公司预计在2024年实现归属于母公司的净利润为1.46亿元到1.75亿元，"]
    assert scanner.concerned(texts) == [scanner.concerns(matching_text(text)) for text in texts] == [True, True, False]


@pytest.mark.parametrize(("regex", "needed"), [
    ("招股(?![书文章])|路演|IPO", ("IPO", "招股", "路演")),  # a look-ahead consumes nothing
    ("已(?:招股(?![书文章])|IPO)", ("IPO", "已招股")),  # 已 IPO may stand with a typesetting space: IPO
    ("^涨", ("涨",)),  # an anchor consumes nothing
    (r"\d+倍", None), ("(?:上涨|涨)?", None), ("(?i)ipo", None)])  # unbounded, empty, any case: not listed
def test_a_cue_regex_needs_one_of_the_words_it_consumes(regex: str, needed: tuple[str, ...] | None) -> None:
    assert needed_words(regex) == needed


def test_the_scanner_shows_its_cue_words_and_regex_cued_rules_to_the_gate() -> None:
    """The gate (scan.Gate) reads these public views, never the scanner's own fields (REVIEW14 #12):
    each folded cue word with the rules it is a cue of, and the rules searched as a regex."""
    rules = [StatusRule(id=name, path="r.yaml", kind="status", description="", level="error", states=(("s", cue),))
             for name, cue in (("a", "招股|上市"), ("b", "上市"), ("c", r"\d+倍"))]
    scanner = Scanner(rules)
    assert scanner.cue_words == [("上市", (0, 1)), ("招股", (0,))]
    assert scanner.regex_cued == {2}


def test_paragraphs_without_a_word_a_cue_regex_needs_are_concerned_as_when_folded() -> None:
    """Only paragraphs holding a word a regex cue needs are folded to search it: the answers are those
    of folding every paragraph (bulk/20250211A04I5O.zh-CN.md:28, :41; 20250207A09FCS.zh-CN.md:38)."""
    rule = StatusRule(id="r", path="r.yaml", kind="status", description="", level="error",
                      states=(("s", "招股(?![书文章])|IPO"),))
    scanner = Scanner([rule])
    assert scanner.regex_cued == {0} and scanner._hints is not None
    texts = ["据IPO聚焦消息，蜜雪冰城将于下周开启招股。", "蜜雪冰城招股书链接：", "维安股份招股书显示：“公司是行业内",
             "蜜雪冰城將於下週開啟招股。", "收入上升"]
    assert scanner.concerned(texts) == [scanner.concerns(matching_text(text)) for text in texts] == \
        [True, False, False, True, False]


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(alphabet="涨利：:*_ \t（美元，下同）same below。", max_size=12), max_size=6))
@example(texts=["数据显示：\t", "利：**", "（美元，下同）", "利", ""])
def test_paragraphs_kept_are_those_with_a_cue_a_colon_at_the_end_or_a_currency_for_later(texts: list[str]) -> None:
    """What relevance keeps, said one paragraph at a time (extract.py: _introduces, _sets_currency)."""
    from factcheck.extract import _introduces, _sets_currency

    scanner = Scanner([StatusRule(id="r", path="r.yaml", kind="status", description="", level="error",
                                  states=(("s", "涨"),))])
    expected = [scanner.concerns(matching_text(text)) or _sets_currency(text) or _introduces(text) for text in texts]
    assert relevance(scanner)(texts) == expected
