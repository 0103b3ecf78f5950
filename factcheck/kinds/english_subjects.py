"""English back-references: the words that point to the company named before, and what a sentence opens with.

English drops no subject as Chinese does; it writes a pointer instead (`The company said revenue rose 10%`,
`Shares sank 4% after hours`, `Its net profit fell`, `The Chinese startup …`), as Chinese writes 该公司, 其, 该股.
Whom it points to is the subject of an earlier sentence: what that sentence opens with, past an opening phrase
(`On January 2,`, `Furthermore,`). The words are zh.yaml's `english_pointers`; kinds/subject_reading.py follows them
(docs/rules.md, "Subjects").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use


def _any(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def pointer_pattern() -> re.Pattern[str]:
    """Any English pointer (zh.yaml `english_pointers`): `the` + a company noun, maybe described; `the` + a
    shares word; `Shares` opening a sentence or clause (not `Shares of`); `its`; `It` opening one."""
    table = ZH.english_pointers
    nouns, shares, skip, after = (_any(table[k]) for k in ("nouns", "shares", "not_describing", "not_after"))
    its = _any(table["possessives"])
    it = _any(tuple(word.capitalize() for word in table["opening_pronouns"]))
    word_end = r"(?![A-Za-z-])"
    described = rf"(?:(?!(?i:{skip}){word_end})[A-Za-z][A-Za-z.&'’-]*\s+){{0,2}}?"
    opening = r"(?:^|(?<=[,;:]\s)|(?<=[*_\[\"“(]))\s*"
    return re.compile(
        rf"(?<![A-Za-z])[Tt]he\s+{described}(?:{nouns}){word_end}(?!['’]?\s+(?:{after}){word_end})"
        rf"|(?<![A-Za-z])[Tt]he\s+(?:{shares}){word_end}(?!\s+(?:{after}){word_end})"
        rf"|{opening}(?:{_any(tuple(w.capitalize() for w in table['shares']))}){word_end}(?!\s+(?:of|in){word_end})"
        rf"|(?<![A-Za-z])(?i:{its}){word_end}"
        rf"|{opening}(?:{it}){word_end}(?!['’])")


# prepositions: a capitalized name right after one opening a sentence is what it governs, not the subject
# (`With GAAP EPS of $0.36 …`, `Unlike Tesla, …`)
_PREPOSITIONS = frozenset((
    "in on at for after before during with according since by following despite from through under over until "
    "unlike like amid among against beyond besides compared").split())
# words a sentence may open with before its subject, ending in a comma: `On January 2,`, `Furthermore,`,
# `In the last reported quarter, 4Q24,` (a figure opening a clause too), and an adverb in -ly alone before a
# comma (`Financially,`); function words, not names
_OPENERS = _PREPOSITIONS | frozenset((
    "as but and however meanwhile also while furthermore moreover additionally separately still yet last this "
    "earlier later overall then now so thus instead again today yesterday when where although though if first "
    "second finally next further elsewhere").split())
_OPENING_MARKUP = re.compile(r"[\s*_#>\[\]\"“‘(-]*")
_OPENING_PHRASE = compiled_on_use(r"([A-Za-z]+|\d)[^,;:.!?]{0,80}?[,;:]\s*")
# a dateline before the dash that opens the story: capitalized words or figures, a source in brackets; read as
# one only when it holds a figure or a bracket (`0308 ET - `, `NEW YORK (Reuters) - `), never a name alone
_DATELINE = compiled_on_use(r"(?:[A-Z0-9][A-Za-z0-9.,:]*\s+|\([A-Za-z .]{1,30}\)\s*){1,8}?[-–—]+\s+")
# a lower-case preposition or `and`/`or` right before a capitalized run: it is governed, no subject
_GOVERNING = _PREPOSITIONS | {"of", "to", "into", "than", "and", "or", "about", "via", "per"}
_GOVERNED = compiled_on_use(r"(?<![A-Za-z])(?:" + "|".join(sorted(_GOVERNING)) + r")\s+$")
_SHARES_OF = compiled_on_use(r"(?:[Tt]he\s+)?(?:[Ss]hares|[Ss]tock)\s+(?:of|in)\s+")
# a run of capitalized words: the name a sentence may open with (`Lipella Pharmaceuticals said`)
_CAPITALIZED_RUN = compiled_on_use(r"(?<![A-Za-z0-9&.'’-])[A-Z][A-Za-z0-9&.'’-]*(?:\s+(?:[A-Z][A-Za-z0-9&.'’-]*|&))*")
# capitalized words that are no one's name: a month, a day, an article or demonstrative, and the pointers of
# zh.yaml's `english_pointers` (Its, It, Shares, Stock) with their other number (Share, Stocks);
# kinds/named_subject_reading.english_head reads these too
NOT_NAMES = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name,
                                          "sept", "the", "a", "an", "their", "this", "that", "these", "those",
                                          *ZH.english_pointers["possessives"], *ZH.english_pointers["opening_pronouns"],
                                          *ZH.english_pointers["shares"], "share", "stocks"))
# and, for a sentence's subject, the pronouns and the words it opens with before one
_NO_NAME = NOT_NAMES | frozenset(("they", "there", "here", "we", "our", "he", "she", "his", "her", "i", *_OPENERS))


@dataclass(frozen=True)
class Opening:
    """What an English sentence's subject is: where it starts (past markup and opening phrases), whether it is
    a pointer, and the capitalized words it opens with when they may be a name (None: a common noun, `That`)."""

    start: int
    pointer: bool
    name: str | None
    surely_a_name: bool  # two capitalized words, all capitals, a capital inside, a possessive or bracket after
    end: int = -1  # where the capitalized words of `name` end (-1 with no name)


def subject_start(text: str) -> int:
    """Where an English sentence's subject starts: past markup, a dateline (`0308 ET - `, `NEW YORK (Reuters) - `),
    opening phrases (`On January 2,`, `In the last reported quarter, 4Q24,`) and `Shares of` (the owner follows)."""
    at = _OPENING_MARKUP.match(text).end()  # type: ignore[union-attr]
    for _ in range(2):
        dateline = _DATELINE.match(text, at)
        if dateline is None or not re.search(r"\d|\(", dateline.group(0)):
            break
        at = dateline.end()
    for _ in range(3):
        phrase = _OPENING_PHRASE.match(text, at)
        word = phrase.group(1) if phrase else ""
        if phrase is None or not (word.isdigit() or word.lower() in _OPENERS
                                  or (word.endswith("ly") and len(word) > 4 and phrase.group(0).startswith(word + ","))):
            break
        at = phrase.end()
    owner = _SHARES_OF.match(text, at)
    return owner.end() if owner else at


def _run_names(text: str, run: re.Match[str], ignored: frozenset[str]) -> tuple[list[str], bool]:
    """The words of a capitalized run that may be a name (not a month, a function word, a built-in word; none
    when a preposition leads it: `With GAAP EPS of …` governs what follows), and whether they surely are one:
    two such words, capitals, a capital or figure inside, a possessive or a bracket after (`Lipella
    Pharmaceuticals`, `NXP`, `BigBear.ai`, `Lyft (LYFT)`)."""
    tokens = run.group(0).split()
    names = [t for t in tokens if t.lower().strip(".'’") not in _NO_NAME | ignored]
    if not names or tokens[0].lower() in _PREPOSITIONS:
        return [], False
    after = text[run.end():run.end() + 3]
    surely = (len(names) > 1 or any(len(t) > 1 and (t.isupper() or any(c.isupper() or c.isdigit() for c in t[1:]))
                                    for t in names)
              or after.startswith(("'s", "’s", " (")))
    return names, surely


def opening(text: str, ignored: frozenset[str] = frozenset()) -> Opening:
    """What the sentence `text` opens with as its subject; `ignored` are words that are no name (built-in words)."""
    at = subject_start(text)
    if pointer_pattern().match(text, at) is not None:
        return Opening(at, True, None, False)
    run = _CAPITALIZED_RUN.match(text, at)
    names, surely = _run_names(text, run, ignored) if run else ([], False)
    if not names:  # `The trigger was`, `That was`, `Revenue rose`: a common noun or a built-in word
        return Opening(at, False, None, False)
    return Opening(at, False, " ".join(names), surely, run.end())  # type: ignore[union-attr]


def word_uses(text: str, word: str) -> tuple[int, int, int]:
    """How `text` writes `word`: (capitalized after a lower-case word or a comma, capitalized anywhere, in lower
    case). A name is never written in lower case, and is capitalized mid-sentence or more than once; a common word
    that opened a sentence (`International daily active users grew`) is written in lower case elsewhere."""
    escaped = re.escape(word)
    return (len(re.findall(rf"(?<=[a-z0-9,;:] ){escaped}(?![A-Za-z])", text)),
            len(re.findall(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])", text)),
            len(re.findall(rf"(?<![A-Za-z]){re.escape(word.lower())}(?![A-Za-z])", text)))


def name_before(text: str, end: int, is_name: Callable[[str], bool], ignored: frozenset[str] = frozenset(),
                objects: bool = False) -> bool:
    """Whether a capitalized word that is a name stands in `text` before `end`, past its opening phrases: surely
    one (`Rival Pepsi said its …`), or a word `is_name` says the article writes as a name (`Analysts at Goldman
    said the company …`); not `On January 2, the company …`, nor `Financially, …`. With `objects`, a name after a
    preposition or `and` is passed over (`A sale of assets in Egypt and Trinidad will … BP's upstream segment`):
    for whom a sentence is about, not for a pointer, which may point to it (`with Stifel cutting its target`)."""
    for run in _CAPITALIZED_RUN.finditer(text, subject_start(text), end):
        if objects and _GOVERNED.search(text, max(0, run.start() - 12), run.start()):
            continue
        names, surely = _run_names(text, run, ignored)
        if names and (surely or is_name(names[0])):
            return True
    return False


@cache
def _source_pattern() -> re.Pattern[str]:
    """A name reporting a figure (zh.yaml `english_sources`): the words after `according to`/`citing` up to the end
    of their clause, and a last clause of a sentence made of a speaker and a verb of saying, either order
    (`, Fitch said in a statement.`, `, says Jefferies`); the speaker a name, `the` + words, or `it`."""
    table = ZH.english_sources
    before, saying = _any(table["before"]), _any(table["saying"])
    word_end = r"(?![A-Za-z-])"
    name = r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|&|of)){0,5}"
    speaker = rf"(?:[Tt]he\s+)?{name}|[Tt]he\s+[a-z-]+(?:\s+[a-z-]+)?|it"
    return re.compile(rf"(?<![A-Za-z])(?i:{before}){word_end}[^,;:]*"
                      rf"|(?<=,)\s*(?:(?:{speaker})\s+(?:{saying})|(?:{saying})\s+(?:{speaker})){word_end}[^,;:\"”]*?"
                      rf"[.!?]?\s*$")


def sources(text: str) -> tuple[tuple[int, int], ...]:
    """Where `text` names who reports its figures rather than whom they are about: `according to LSEG data`,
    `citing people familiar`, a closing `…, Fitch said.` or `…, says Jefferies` (docs/rules.md "English
    articles"). A company saying something of itself opens its sentence (`Lyft said revenue rose`): not a source."""
    return tuple(found.span() for found in _source_pattern().finditer(text))
