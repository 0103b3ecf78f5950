"""Entity names to canonical ids: exact alias lookup first, rapidfuzz for the rest.

News spells one company many ways (阿里 / 阿里巴巴 / 阿里巴巴集团 / Alibaba /
09988.HK; DeepSeek / Deepseek; 苹果 / 蘋果). Aliases are matched exactly (case,
spaces, middle dots, full-width forms and traditional characters folded, so
蘋果 and 苹果 are one entity); a name that is not listed verbatim is tried
without a company suffix (腾讯控股有限公司, Apple Inc.), then matched with
rapidfuzz when its similarity reaches FUZZY_THRESHOLD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from factcheck.normalize.text import raw_span, strip_format
from factcheck.normalize.variants import to_simplified
from factcheck.normalize.words import ZH
from factcheck.records import Entity

# rapidfuzz.fuzz.ratio (0–100) a name must reach to count as an alias it
# does not spell exactly: high enough that 百度 never becomes 百川, low enough
# for one wrong or missing letter in a Latin name of eight.
FUZZY_THRESHOLD = 85.0
_FOLD_RE = re.compile(r"[\s・·•‧\-_.．]+")
# a short name right before a category word names the category: 三大电信运营商 are no 中国电信
_CATEGORY_AFTER = re.compile("|".join(map(re.escape, ZH.category_heads)), re.IGNORECASE)
# what a company name may end with that does not change the company
_SUFFIX_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|控股集团|集团公司|控股|集团|公司"
                        r"|inc|incorporated|corp|corporation|co|company|ltd|limited|plc|group|holdings?|sa|ag|nv)$")


def fold(name: str) -> str:
    """The form aliases are compared in: case, spacing, dots and script folded."""
    return _FOLD_RE.sub("", to_simplified(name).casefold())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity_id: str


class EntityIndex:
    """All entities a rule may name, searchable in text and by name."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = {entity.id: entity for entity in entities}
        self._by_alias: dict[str, str] = {}
        self._short: set[str] = set()  # Chinese short names, part of a longer name of their entity: 电信
        for entity in entities:
            folded = [fold(alias) for alias in (entity.id, entity.name, *entity.aliases)]
            for name in folded:
                self._by_alias.setdefault(name, entity.id)
            names = set(folded) - {""}
            self._short.update(name for name in names if not name.isascii()
                               and any(name != longer and name in longer for longer in names))

    @cached_property
    def _matcher(self) -> _AliasMatcher | None:
        aliases = sorted({to_simplified(a) for e in self.entities.values() for a in (e.name, *e.aliases) if a},
                         key=lambda a: (-len(a), a))
        return _AliasMatcher(tuple(aliases)) if aliases else None

    def mentions(self, text: str) -> list[Mention]:
        """Every alias occurrence in `text`, longest alias first at each place."""
        if self._matcher is None:
            return []
        stripped = strip_format(text)  # a zero-width joiner inside 阿里巴巴 hides no name
        clean, offsets = stripped if stripped is not None else (text, None)
        found = []
        for match in self._matcher.finditer(to_simplified(clean)):  # same length: offsets stay
            if fold(match.group(0)) in self._short and _CATEGORY_AFTER.match(match.string, match.end()):
                continue  # 三大电信运营商: telecom operators, not China Telecom
            entity_id = self.resolve(match.group(0))
            if entity_id:
                start, end = raw_span(offsets, match.start(), match.end()) if offsets else match.span()
                found.append(Mention(start, end, entity_id))
        return found

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(fold(a) for e in self.entities.values() for a in (e.name, *e.aliases) if a)

    def declares(self, name: str) -> bool:
        """Whether `name` is itself a declared entity's name or alias (folded, exactly: no fuzzy match)."""
        return fold(name) in self._names

    def resolve(self, name: str) -> str | None:
        """The canonical id for `name`, exact alias first, then fuzzy."""
        key = fold(name)
        if not key:
            return None
        if key in self._by_alias:
            return self._by_alias[key]
        bare = key
        for _ in range(3):  # Alibaba Group Holding Limited: a suffix or two, then the name
            shorter = _SUFFIX_RE.sub("", bare)
            if shorter == bare or not shorter:
                break
            bare = shorter
            if bare in self._by_alias:
                return self._by_alias[bare]
        from rapidfuzz import fuzz, process  # deferred: only names not listed need it

        best = process.extractOne(key, list(self._by_alias), scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_THRESHOLD)
        return self._by_alias[best[0]] if best else None


class _AliasMatcher:
    """The matches of one alternation of all aliases (longest first, case ignored), found
    without trying every alias at every character.

    Python's `re` tries each alternative in turn at each position, so with the aliases
    of hundreds of rules most of the time went to aliases that cannot start there. An
    alias starts with one literal character, so a one-character class finds where any
    alias can start, and only the aliases starting with that character (in the same
    order) are tried there: the same matches as `finditer` of the whole alternation.
    Where case folding is not one character for one (ſ, K, İ), the whole
    alternation is tried at that place. A group of plain aliases (_is_literal: most
    names and codes) is read character by character, as its regex would read it, and
    never compiled: discover builds an index for every story of a folder."""

    def __init__(self, aliases: tuple[str, ...]) -> None:
        self._aliases = aliases
        groups: dict[str, list[str]] = {}
        for alias in aliases:
            key = _first_key(alias[0])
            if key is None or _FOLD_RE.fullmatch(alias[0]):  # no plain first character: try all everywhere
                groups = {}
                break
            groups.setdefault(key, []).append(alias)
        # a group of plain literals (names in CJK, or plain Latin words and codes) is compared character for
        # character: the same first alternative matches, without compiling an alternation for every story's
        # names (discover builds an index per story); the others are tried by their regex
        self._by_first = {key: _Literals(tuple(group)) if all(map(_is_literal, group)) else _alternation(group)
                          for key, group in groups.items()}
        self._starts = (re.compile("[" + "".join(re.escape(a[0]) for a in aliases) + "]", re.IGNORECASE)
                        if groups else None)

    @cached_property
    def _whole(self) -> re.Pattern[str]:
        return _alternation(self._aliases)

    def finditer(self, text: str) -> Iterator[re.Match[str] | _LiteralMatch]:
        if self._starts is None:
            yield from self._whole.finditer(text)
            return
        end = 0
        for start in self._starts.finditer(text):
            at = start.start()
            if at < end:
                continue
            key = _first_key(text[at])
            regex = self._by_first.get(key) if key is not None else None
            found: re.Match[str] | _LiteralMatch | None
            if isinstance(regex, _Literals):
                found = _literal_match(regex, text, at)
            else:
                found = (regex or self._whole).match(text, at)
            if found is not None:
                end = found.end()
                yield found


@dataclass(frozen=True)
class _LiteralMatch:
    """What the mentions read of a match, for an alias found as a literal."""

    string: str
    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        return self.string[self._start:self._end]


def _is_literal(alias: str) -> bool:
    """An alias _spelled_at can read as its regex does: ASCII characters (letters in any case), CJK or
    full-width ones without case, and the spacing and dots the fold reads past (・, ．, -), not first."""
    return not _FOLD_RE.fullmatch(alias[0]) and all(
        ch.isascii() or _FOLD_RE.fullmatch(ch) or (ch >= "\u2e80" and ch.lower() == ch == ch.upper()) for ch in alias)


class _Literals:
    """One first character's aliases, all _is_literal, longest first, compared without reading each one
    character by character where a plain comparison tells as much:

    - `exact`: those only their own spelling matches (no Latin letter, whose case may differ, and no spacing or
      dot, which may be written otherwise: 宁德时代, 09988);
    - `heads`: of the others, the opening characters that match one for one (up to the first spacing, dot or
      camel-case gap), lower-cased: where the text's lower-cased characters differ from them, and none folds
      to a Latin letter, _spelled_at would find the alias not written there."""

    __slots__ = ("aliases", "exact", "heads")

    def __init__(self, aliases: tuple[str, ...]) -> None:
        self.aliases = aliases
        self.exact = frozenset(alias for alias in aliases
                               if not any((ch.isascii() and ch.isalpha()) or _FOLD_RE.fullmatch(ch) for ch in alias))
        self.heads = {alias: _head(alias).lower() for alias in aliases if alias not in self.exact}


def _head(alias: str) -> str:
    """The opening characters of an _is_literal alias that _spelled_at reads one text character each."""
    for index, char in enumerate(alias):
        if _FOLD_RE.fullmatch(char) or (index and alias[index - 1].isascii() and alias[index - 1].islower()
                                        and char.isascii() and char.isupper()):
            return alias[:index]
    return alias



def _literal_match(group: _Literals, text: str, at: int) -> _LiteralMatch | re.Match[str] | None:
    """The first of the group's aliases written at `at`, as their alternation would find it. Where
    the text holds a letter whose case folds to a Latin one (ſ, K, İ, ı), the group's regex decides."""
    exact = group.exact
    for alias in group.aliases:
        if alias in exact:  # what _spelled_at finds of it, without its loop
            if not text.startswith(alias, at):
                continue
            end = at + len(alias)
        else:
            head = group.heads[alias]
            written = text[at:at + len(head)]
            if written.lower() != head and not _FOLDED.search(written):
                continue
            spelled = _spelled_at(alias, text, at)
            if spelled is None:
                return _alternation(group.aliases).match(text, at)
            if spelled < 0:
                continue
            end = spelled
        if _edges_hold(alias, text, at, end):
            return _LiteralMatch(text, at, end)
    return None


_CAMEL_GAP = re.compile(r"[\s\-]")


def _spelled_at(alias: str, text: str, at: int) -> int | None:
    """Where `alias` (an _is_literal one) ends when written at `at` as _alias_regex reads it: ASCII letters
    in any case, any run of spacing and dots where it has one, a space or hyphen allowed where a lower-case
    letter meets an upper-case one (Open AI); -1 when it is not written there; None when only the regex
    can tell (a letter folding to a Latin one stands where the alias has a Latin letter)."""
    if text.startswith(alias, at) and not _FOLD_RE.fullmatch(alias[-1]):
        return at + len(alias)  # as written (a closing dot would take the dots after it too)
    position, size = at, len(text)
    for index, char in enumerate(alias):
        if _FOLD_RE.fullmatch(char):  # [\s・·•‧\-_.．]*: greedy, and the next character is none of them
            while position < size and _FOLD_RE.fullmatch(text[position]):
                position += 1
            continue
        if (index and alias[index - 1].isascii() and alias[index - 1].islower() and char.isascii() and char.isupper()
                and position < size and _CAMEL_GAP.fullmatch(text[position])):
            position += 1
        if position >= size:
            return -1
        written = text[position]
        if written != char:
            if not (char.isascii() and char.isalpha()):
                return -1
            if not (written.isascii() and written.lower() == char.lower()):
                return None if written in FOLDED_TO_LATIN else -1
        position += 1
    return position


def _edges_hold(alias: str, text: str, start: int, end: int) -> bool:
    """word_edge, read beside a literal: a Latin letter (or a digit, for a digit) may not touch its Latin edge."""
    for char, near in ((alias[0], text[start - 1] if start else ""), (alias[-1], text[end:end + 1])):
        if not near or not (char.isascii() and char.isalnum()):
            continue
        if (near.isascii() and near.isalpha()) or near in FOLDED_TO_LATIN or (char.isdigit() and near in "0123456789"):
            return False
    return True


def _first_key(char: str) -> str | None:
    """The group of aliases a character may start: itself lower-cased when ASCII or without
    case (CJK, digits); None for other cased characters, whose case folding varies."""
    if char.isascii():
        return char.lower()
    return char if char.lower() == char == char.upper() else None


def _alternation(aliases: Sequence[str]) -> re.Pattern[str]:
    return _compiled_alternation(tuple(aliases))


@lru_cache(maxsize=4096)
def _compiled_alternation(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """Compiled once a process: discover builds an index for every story, and stories share names
    (an alternation of Latin names, case ignored, takes about 1 ms to compile; re's own cache holds 512)."""
    return re.compile("|".join(_alias_regex(a) for a in aliases), re.IGNORECASE)


def _alias_regex(alias: str) -> str:
    """One alias as a regex for an IGNORECASE alternation. Its character classes hold no letter, or
    every case of each, so they are compiled case-sensitively (`(?-i:…)`): the same matches, while
    compiling a class case-insensitively took most of an alternation's compile time (discover compiles
    the alternations of every story's names: 0.7 s of a bulk run)."""
    parts = []
    for index, ch in enumerate(alias):
        if index and alias[index - 1].isascii() and alias[index - 1].islower() and ch.isascii() and ch.isupper():
            parts.append(r"(?-i:[\s\-]?)")  # OpenAI is also written Open AI, DeepSeek Deep Seek
        parts.append(re.escape(ch) if not _FOLD_RE.fullmatch(ch) else r"(?-i:[\s・·•‧\-_.．]*)")
    body = "".join(parts)
    return word_edge(alias[:1], before=True) + body + word_edge(alias[-1:], before=False)


# what a Latin letter class matches besides A-Z and a-z when case is ignored: İ ı ſ K (U+0130, U+0131,
# U+017F, U+212A), whose case folds are Latin letters (tests/test_entity_matching.py checks every code point)
FOLDED_TO_LATIN = "\u0130\u0131\u017f\u212a"
_FOLDED = re.compile(f"[{FOLDED_TO_LATIN}]")


def word_edge(char: str, before: bool) -> str:
    """The boundary a word (an alias, a cue or skip word) needs on one side: a Latin letter must
    not run on into another (Gucci is not in Gucciwear, EBITDA not in EBITDAR) but may touch a
    digit or CJK (主力品牌Gucci2024年, 苹果AAPL, 經調整EBITDA21.26億元); a digit must not run on into
    a letter or digit (09988.HK is not in 109988.HK). Written case-sensitively, with the letters that
    fold to Latin ones spelled out one by one (a class holding them compiles as slowly as the
    case-insensitive one)."""
    if not (char.isascii() and char.isalnum()):
        return ""
    near = "A-Za-z" if char.isalpha() else "A-Za-z0-9"
    look = "(?<!" if before else "(?!"
    return "(?-i:" + look + f"[{near}])" + "".join(look + c + ")" for c in FOLDED_TO_LATIN) + ")"
