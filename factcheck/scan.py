"""Which rules could find a claim in a text, for all rules in one pass.

Every claim's sentence holds one of its kind's cues (`Kind.cues`): cue,
trigger or state words. Almost all cues are word lists or small finite
regexes (合作(?:被|已)?(?:取消|终止)), so they are expanded into the literal
words they can match and all words of all rules go into one RE2 set
(google-re2's `Set`), which says in one linear pass over a text which words
occur in it, whatever the number of rules. A cue the expansion cannot cover
(character classes such as \\d, unbounded repetition, anchors, look-arounds,
flags) is searched on its own with the rule engine (`patterns.compile_pattern`),
so the answer is exactly "the rules one of whose cue regexes searches true".
Which of an article's paragraphs concern any rule (`concerned`) is asked of the
paragraphs unfolded, all at once: one RE2 search for every spelling of every
word (each character as the class of its spellings) finds the first paragraph
with a cue, the next search starts after it.

Measured on the bulk corpus's paragraphs (benchmarks/README.md): with 300
rules' words the set takes ≈0.16 s, Python's `re` alternation ≈0.6 s,
pyahocorasick ≈0.33 s and hyperscan ≈0.18 s; the set is also already a
dependency, so it is the engine.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import Any

from factcheck.kinds import KINDS
from factcheck.kinds.matching import fold, matching_texts
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.text import FORMAT_CHARS, strip_format
from factcheck.normalize.variants import spellings, to_simplified
from factcheck.patterns import compile_pattern, re2_search
from factcheck.records import RuleBase

if sys.version_info >= (3, 11):  # sre's parser: its home moved in 3.11; typeshed has no stubs for the private modules
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
else:
    import sre_constants
    import sre_parse

# where a typesetting space may stand in a text (2 月, Q4 营收) and not in a rule's word
_TYPESET_BOUNDARY = re.compile(r"[\u3400-\u9fff][0-9A-Za-z]|[0-9A-Za-z%][\u3400-\u9fff]")
MAX_EXPANSION = 256  # literal words one cue regex may stand for; beyond, it is searched as a regex


def literals(regex: str) -> tuple[str, ...] | None:
    """The words `regex` can match when they are finitely many (at most MAX_EXPANSION), else None.

    A text then holds a match of `regex` exactly when it holds one of the words."""
    try:
        parsed = sre_parse.parse(regex)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):  # (?i) for the whole regex
            return None
        return tuple(sorted(_expand(parsed)))
    except (_Unbounded, re.error, RecursionError):
        return None


def needed_words(regex: str) -> tuple[str, ...] | None:
    """Words one of which every match of `regex` holds, none split where a typesetting space may
    stand (2月, Q4营收), or None when they cannot be listed.

    What `regex` consumes, look-arounds and anchors left out (a superset of its matches); of
    each such word, its longest run without such a place: a text holds it wherever a match is."""
    try:
        parsed = sre_parse.parse(regex)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        words = _expand(_unasserted(parsed))
    except (_Unbounded, re.error, RecursionError):
        return None
    if "" in words:
        return None
    return tuple(sorted({max(_TYPESET_BOUNDARY.sub(lambda m: m.group()[0] + "\x00" + m.group()[1], word)
                                 .split("\x00"), key=len) for word in words}))


def _unasserted(items: Any) -> list[tuple[Any, Any]]:
    """A parsed regex without its look-arounds and anchors, which consume nothing."""
    kept: list[tuple[Any, Any]] = []
    for op, value in items:
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
            continue
        if op == sre_constants.SUBPATTERN:
            value = (*value[:-1], _unasserted(value[-1]))
        elif op == sre_constants.BRANCH:
            value = (value[0], [_unasserted(branch) for branch in value[1]])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            value = (value[0], value[1], _unasserted(value[2]))
        kept.append((op, value))
    return kept


class _Unbounded(Exception):
    """The regex stands for more words than MAX_EXPANSION, or for words the expansion cannot list."""


def _expand(items: Any) -> set[str]:
    words = {""}
    for op, value in items:
        options = _expand_item(op, value)
        words = {w + o for w in words for o in options}
        if len(words) > MAX_EXPANSION:
            raise _Unbounded
    return words


def _expand_item(op: Any, value: Any) -> set[str]:
    if op == sre_constants.LITERAL:
        return {chr(value)}
    if op == sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        if add_flags or del_flags:
            raise _Unbounded
        return _expand(body)
    if op == sre_constants.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            found |= _expand(branch)
        return found
    if op == sre_constants.IN:
        chars = set()
        for item_op, item in value:
            if item_op != sre_constants.LITERAL:
                raise _Unbounded  # ranges, classes (\d, \w), negation
            chars.add(chr(item))
        return chars
    if op == sre_constants.MAX_REPEAT or op == sre_constants.MIN_REPEAT:
        low, high, body = value
        if high > 4:
            raise _Unbounded
        inner = _expand(body)
        found, current = set(), {""}
        for count in range(high + 1):
            if count >= low:
                found |= current
            if count < high:
                current = {c + i for c in current for i in inner}
                if len(current) > MAX_EXPANSION:
                    raise _Unbounded
        return found
    raise _Unbounded  # anchors, any character, look-arounds, back-references


@cache
def _spelling(char: str) -> str:
    """A regex for `char` of a folded word in unfolded text: the class of its spellings ([纯純]),
    exactly the characters that fold to it (folding is one character for one). Remembered: the
    words of 300 rules ask it 5,850 times about a few hundred characters (0.05 CPU s a run)."""
    forms = spellings().get(char, char)
    return re.escape(forms) if len(forms) == 1 else "[" + "".join(re.escape(form) for form in forms) + "]"


def _spelled(words: list[str]) -> Callable[[bytes, int], tuple[int, int] | None] | None:
    """A search over UTF-8 bytes, from a position, for the first spelling in unfolded text
    of any of `words`, or any format character; None when a word holds a format character
    or may stand split by a typesetting space (texts are then folded).

    Each character of a word stands as the class of its spellings (纯 as [纯純]): folding is
    one character for one, so the class matches exactly the characters that fold to it, and a
    word written with many variant characters (现金及现金等价物余额为: 384 spellings) is one
    alternative, not one per spelling."""
    import re2

    def spelled(word: str) -> str:
        return "".join(map(_spelling, word))

    if not words or any(strip_format(word) is not None or "\x00" in word or _TYPESET_BOUNDARY.search(word)
                        for word in words):
        return None  # a word such as 2月以来 may stand as 2 月以来: texts are read as rules see them
    options = re2.Options()
    options.log_errors = False  # too large a program is said by falling back, not on stderr
    try:
        compiled = re2.compile("|".join([*(spelled(word) for word in words), f"[{FORMAT_CHARS}]"]).encode(),
                               options)
    except re2.error:  # more words than RE2's memory allows one program: texts are folded and set-matched
        return None
    return re2_search(compiled)


def _holding(search: Callable[[bytes, int], tuple[int, int] | None], data: bytes,
             count: int) -> list[bool] | None:
    """Which of the `count` NUL-separated texts of `data` hold a match of `search` (a `_spelled`
    search), or None when one holds a format character before any match (texts must then be folded).
    One search finds the first text holding a match, the next starts after it: one call per text found."""
    found = [False] * count
    index = position = 0
    while (span := search(data, position)) is not None:
        start, end = span
        if strip_format(data[start:end].decode()) is not None:  # not a word: a format character
            return None
        index += data.count(b"\x00", position, start)
        found[index] = True
        position = data.find(b"\x00", start) + 1
        if not position:
            break
        index += 1
    return found


class Scanner:
    """All cues of all rules, ready to say in one pass which rules a text concerns."""

    def __init__(self, rules: Sequence[RuleBase]) -> None:
        import re2

        self.rules = tuple(rules)
        owners: dict[str, set[int]] = {}  # literal word → the rules it is a cue of
        self._regexes: list[tuple[Any, int]] = []  # (compiled cue, rule) for cues not expanded
        self.always: tuple[int, ...] = ()  # rules with a cue matching the empty string
        always = []
        regexes: list[str] = []
        for index, rule in enumerate(self.rules):
            for cue in KINDS[rule.kind].cues(rule):
                if not cue:
                    continue
                regex = fold(cue)  # rules see folded text (kinds/matching.py): 純利 is 纯利
                words = literals(regex)
                if words is None:
                    self._regexes.append((compile_pattern(regex), index))
                    regexes.append(regex)
                elif "" in words:
                    always.append(index)
                else:
                    for word in words:
                        owners.setdefault(word, set()).add(index)
        self.always = tuple(sorted(set(always)))
        self._words = sorted(owners)
        self._owners = [tuple(sorted(owners[word])) for word in self._words]
        self._set = None
        if self._words:
            self._set = re2.Set.SearchSet()
            for word in self._words:
                self._set.Add(re.escape(word))
            self._set.Compile()
        self._spelled = _spelled(self._words)
        # words one of which a text holds wherever a cue searched as a regex matches: only the
        # texts holding one are folded to search those regexes (None: every text is)
        needed = [needed_words(regex) for regex in regexes]
        self._hints = _spelled(sorted({w for words in needed for w in words or ()})) \
            if regexes and None not in needed else None

    @property
    def cue_words(self) -> list[tuple[str, tuple[int, ...]]]:
        """Each literal cue word (folded) with the rules (indexes, ascending) it is a cue of, by word."""
        return list(zip(self._words, self._owners, strict=True))

    @property
    def regex_cued(self) -> frozenset[int]:
        """The rules with a cue searched as a regex (no literal words could be drawn from it)."""
        return frozenset(rule for _, rule in self._regexes)

    def concerned(self, texts: list[str]) -> list[bool]:
        """Whether any rule's cue occurs in each of `texts` as rules see it (`matching_text`:
        format characters out, folded): an article's paragraphs, asked at once.

        Folding every paragraph costs more than the search itself, so the texts are searched
        as they are, for every spelling of every cue word (净利润, 淨利潤, 凈利润 …: folding is
        one character for one, so a folded text holds a word exactly when the text holds one
        of its spellings). One search over all texts finds the first paragraph with a cue,
        the next search starts after it: one call per paragraph concerned, not one per
        paragraph. The same search finds a format character in a paragraph without a cue
        (stripped, it could join a word): the texts are then folded as rules see them. A cue
        searched as a regex is asked only of the paragraphs holding a word it needs
        (`needed_words`), found the same way: only those are folded."""
        joined = "\x00".join(texts)
        if self.always or self._spelled is None or joined.count("\x00") != len(texts) - 1:
            return self._concerned_folded(texts)
        data = joined.encode()
        found = _holding(self._spelled, data, len(texts))
        if found is None:
            return self._concerned_folded(texts)
        if self._regexes:
            hinted = _holding(self._hints, data, len(texts)) if self._hints is not None else None
            asked = [at for at in range(len(texts)) if not found[at] and (hinted is None or hinted[at])]
            for at, text in zip(asked, matching_texts([texts[at] for at in asked]), strict=True):
                found[at] = any(compiled.search(text) for compiled, _ in self._regexes)
        return found

    def _concerned_folded(self, texts: list[str]) -> list[bool]:
        return [self.concerns(text) for text in matching_texts(texts)]

    def concerns(self, text: str) -> bool:
        """Whether any rule's cue occurs in `text`."""
        if self.always:
            return True
        if self._set is not None and self._set.Match(text):
            return True
        return any(compiled.search(text) for compiled, _ in self._regexes)

    def rules_in(self, text: str, among: Collection[int] | None = None) -> list[int]:
        """The indexes (into `rules`, ascending) of the rules one of whose cues occurs in `text`;
        only those `among` the given indexes (the gate's answer for the article), when given: a cue
        searched as a regex is then not searched for a rule the gate turned away."""
        found = set(self.always)
        if self._set is not None:
            for word in self._set.Match(text) or ():
                found.update(self._owners[word])
        for compiled, index in self._regexes:
            if index not in found and (among is None or index in among) and compiled.search(text):
                found.add(index)
        return sorted(found if among is None else found.intersection(among))


# what a sentence's text no longer holds (kinds/matching.py: typesetting spaces, format characters):
# a cue word may stand with them between its characters in an article's text
_WORD_GAP = " \u00a0\u2009\u202f"
# what an alias may be written with that entity mentions pass over (normalize/entities.py, _alias_regex:
# spaces, line breaks, dots and dashes), and format characters
_NAME_GAP = "・·•‧-_.．"
_NAME_FOLD = re.compile(r"[\s・·•‧\-_.．]")


def _gap(chars: str, more: str = "") -> str:
    """A regex for what may stand between a word's characters in unfolded text: `chars` and every
    spelling of them (－ folds to -), `more` (classes such as \\s), and format characters."""
    return "[" + more + "".join(re.escape(form) for char in chars for form in spellings().get(char, char)) \
        + FORMAT_CHARS + "]*"


def _spread(word: str, gap: str) -> str:
    """A regex for the folded `word` in an article's unfolded text, each character as the class of its
    spellings (`_spelling`), with `gap` between them; a comma either way (a sentence reads 2，600 as 2,600)."""
    return gap.join("[,，]" if char in ",，" else _spelling(char) for char in word)


class Gate:
    """Which rules could find anything in an article, asked once of its whole text before
    its sentences are cut (`applicable`).

    A rule finds a claim or a notice only in a sentence holding one of its cues (`Scanner`);
    a rule with `subjects` finds one only where a sentence of the article names one of them,
    by an alias of the entity index (kinds/subject_reading.py, `who` and `referent`: anaphora point
    back to a name). So a rule whose cue words occur nowhere in the article, or whose
    subjects are named nowhere in it, is not asked at all: no claim is lost, and the values
    its cues point at in an article about someone else are not listed as unattributed
    (docs/rules.md, Values nobody is named for). A cue the scanner searches as a regex (it
    may be anchored to a sentence) is taken as present.

    Every cue word and every alias of a subject is one pattern of a single RE2 set, matched
    once over the article's text as it is: a word with what a sentence's text drops (typesetting
    spaces, format characters) allowed between its characters, an alias with what a mention
    passes over (spaces, dots, dashes) and case ignored, as the entity index finds it. Each
    character stands as the class of its spellings (`_spelling`), so the text is not folded
    first (folding cost two thirds of the gate: bulk 0.13-0.15 of 0.22 CPU s)."""

    def __init__(self, scanner: Scanner, index: EntityIndex) -> None:
        import re2

        self.rules = scanner.rules
        self._cued: set[int] = set(scanner.always) | scanner.regex_cued  # cues taken as present
        words = scanner.cue_words
        word_gap, name_gap = _gap(_WORD_GAP), _gap(_NAME_GAP, r"\s")
        patterns = [_spread(word, word_gap) for word, _ in words]
        self._owners: list[tuple[tuple[int, ...], set[str]]] = [(owners, set()) for _, owners in words]
        wanted = {subject for rule in self.rules for subject in rule.subjects}
        self._named: set[str] = set()  # subjects with an alias of nothing but spaces and dots: found anywhere
        if any(rule.subjects for rule in self.rules):
            for entity in index.entities.values():
                for alias in (entity.name, *entity.aliases):
                    resolved = index.resolve(alias) if alias else None  # the entity a mention of it stands for
                    if resolved not in wanted:
                        continue
                    letters = _NAME_FOLD.sub("", to_simplified(alias))
                    if not letters:
                        self._named.add(resolved)
                        continue
                    patterns.append("(?i)" + _spread(letters, name_gap))
                    self._owners.append(((), {resolved}))
        unsearched: list[int] = []
        self._sets = _sets(patterns, 0, re2, unsearched)
        for number in unsearched:  # a pattern RE2 cannot compile alone: what it stands for is taken as present
            rules, entities = self._owners[number]
            self._cued.update(rules)
            self._named.update(entities)

    def applicable(self, text: str) -> tuple[int, ...]:
        """The indexes (into `rules`, ascending) of the rules that could find anything in an
        article whose title, summary and body (Markdown removed) are `text`."""
        cued, named = set(self._cued), set(self._named)
        for patterns, first in self._sets:  # the text as it is: its patterns spell every character
            for found in patterns.Match(text) or ():
                rules, entities = self._owners[first + found]
                cued.update(rules)
                named.update(entities)
        if "ı" in text or "İ" in text:  # they match i where case is ignored (re.IGNORECASE): any name may be there
            named.update(subject for rule in self.rules for subject in rule.subjects)
        return tuple(sorted(rule for rule in cued
                            if not self.rules[rule].subjects or named.intersection(self.rules[rule].subjects)))


def _sets(patterns: list[str], first: int, re2: Any, unsearched: list[int]) -> list[tuple[Any, int]]:
    """RE2 sets holding `patterns` (the first is pattern number `first`), each with the index of its
    first pattern: one set, unless RE2 cannot compile that many patterns in one program; then halves.
    The number of a pattern that cannot be compiled even alone goes to `unsearched`."""
    if not patterns:
        return []
    options = re2.Options()
    options.log_errors = False  # too large a program is said by splitting it, not on stderr
    found = re2.Set.SearchSet(options)
    try:
        for pattern in patterns:
            found.Add(pattern)
        found.Compile()
    except re2.error:
        if len(patterns) == 1:
            unsearched.append(first)
            return []
        half = len(patterns) // 2
        return _sets(patterns[:half], first, re2, unsearched) + _sets(patterns[half:], first + half, re2, unsearched)
    return [(found, first)]
