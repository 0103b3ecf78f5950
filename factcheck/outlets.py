"""Which outlet wrote an article: the label, or a byline when the label is an aggregator.

Four of the five seed articles carry the label `qq`, an aggregator; the real
outlets (机器之心, 每日经济新闻 …) are named in the body. The patterns live in
a documented data file (factcheck/data/outlets.yaml) that users can replace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from factcheck.records import Diagnostic, DiagnosticError


@dataclass(frozen=True)
class OutletConfig:
    aggregators: frozenset[str]
    patterns: tuple[str, ...]  # checked when loaded; compiled (cached) by factcheck.patterns when used
    aliases: tuple[tuple[str, str], ...]
    locales: tuple[tuple[str, str], ...] = ()  # outlet (casefolded) → locale (zh-HK): what a bare 元 means
    first_line: tuple[str, ...] = ()  # tried on the body's first line of text, whatever the label
    clocks: tuple[tuple[str, Clock], ...] = ()  # outlet (casefolded) → its clock: which day its relative dates count from
    # the words of a line that only credits people (作者：黄莺), which loading drops; None: the shipped file's
    credits: tuple[str, ...] | None = None

    def __repr__(self) -> str:
        """The same in every process: a frozenset's order follows string hashes, salted per process, and
        the claim cache's run key and a claims file's extraction key are made of this repr."""
        rest = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name != "aggregators")
        return f"OutletConfig(aggregators={sorted(self.aggregators)!r}, {rest})"


@dataclass(frozen=True, order=True)
class Clock:
    """An outlet's clock, for front matter that names no zone: `timezone`, the zone its time stamps are
    written in (else --timezone); `speaks`, the zone its text counts days in (else the stamps' zone). An
    archive in Beijing time of a New York newswire: `speaks: America/New_York`."""
    timezone: str = ""
    speaks: str = ""


_Value = TypeVar("_Value")


class OutletConfigError(DiagnosticError):
    """The outlet file is unreadable or malformed; carries its one-line diagnostic."""


def load_outlet_config(path: str | None = None) -> OutletConfig:
    """The byline configuration from `path`, or the one shipped with factcheck."""
    if path is None:
        return _default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise OutletConfigError(Diagnostic(path, 0, f"cannot read: {error.strerror or error}")) from None
    except UnicodeDecodeError:
        raise OutletConfigError(Diagnostic(path, 1, "not valid UTF-8")) from None
    return _parse(text, path)


@lru_cache(maxsize=1)
def _default() -> OutletConfig:
    text = resources.files("factcheck.data").joinpath("outlets.yaml").read_text(encoding="utf-8")
    return _parse(text, "factcheck/data/outlets.yaml")


def _parse(text: str, path: str) -> OutletConfig:
    """Read with the safe YAML reader; every pattern passes the same guard as rule patterns."""
    from factcheck.patterns import PatternError, compile_pattern
    from factcheck.safe_yaml import YAMLError, load

    try:
        data, lines = load(text, path)
    except YAMLError as error:
        raise OutletConfigError(error.diagnostic) from None

    def fail(where: tuple[object, ...], message: str) -> OutletConfigError:
        return OutletConfigError(Diagnostic(path, lines.get(where, 1), message))

    data = {} if data is None else data
    if not isinstance(data, dict):
        raise fail((), "expected a mapping with aggregators, patterns, aliases")
    keys = ("aggregators", "first_line", "patterns", "aliases", "locales", "clocks", "credits")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise fail((unknown[0],), f"unknown key {unknown[0]!r} (allowed: {', '.join(keys)})")
    for key, shape in (("aggregators", list), ("first_line", list), ("patterns", list), ("aliases", dict),
                       ("locales", dict), ("clocks", dict), ("credits", list)):
        if data.get(key) is not None and not isinstance(data[key], shape):
            raise fail((key,), f"{key}: expected a {'mapping' if shape is dict else 'list'}")
    found: dict[str, list[str]] = {"patterns": [], "first_line": []}
    for key, checked in found.items():
        for index, pattern in enumerate(data.get(key) or []):
            try:
                compiled = compile_pattern(f"(?m){pattern}")  # ^ and $ are line bounds
            except re.error as error:
                raise fail((key, index), f"pattern {pattern!r} does not compile: {error}") from None
            except PatternError as error:
                raise fail((key, index), f"pattern {pattern!r} {error}") from None
            if not _NAME_GROUPS.intersection(compiled.groupindex):
                raise fail((key, index), f"pattern {pattern!r} has no (?P<outlet>…) or (?P<known_outlet>…) group")
            checked.append(f"(?m){pattern}")
    patterns = found["patterns"]
    aliases = tuple(sorted((str(k), str(v)) for k, v in (data.get("aliases") or {}).items()))
    aggregators = frozenset(str(a).casefold() for a in data.get("aggregators") or [])
    locales = tuple(sorted((str(k).casefold(), str(v)) for k, v in (data.get("locales") or {}).items()))
    clocks = tuple(sorted((str(outlet).casefold(), _clock(value, ("clocks", outlet), fail))
                          for outlet, value in (data.get("clocks") or {}).items()))
    credits = None if data.get("credits") is None else tuple(str(word) for word in data["credits"])
    return OutletConfig(aggregators, tuple(patterns), aliases, locales, tuple(found["first_line"]), clocks, credits)


def _clock(value: object, where: tuple[object, ...],
           fail: Callable[[tuple[object, ...], str], OutletConfigError]) -> Clock:
    """One outlet's entry under `clocks:`, each zone checked against the time zone database."""
    from zoneinfo import ZoneInfo

    keys = ("timezone", "speaks")
    if not isinstance(value, dict) or not value:
        raise fail(where, f"clocks: {where[-1]}: expected a mapping with {' and/or '.join(keys)}")
    for key, zone in value.items():
        if key not in keys:
            raise fail((*where, key), f"clocks: {where[-1]}: unknown key {key!r} (allowed: {', '.join(keys)})")
        try:
            ZoneInfo(str(zone))
        except (KeyError, ValueError):
            raise fail((*where, key), f"clocks: {where[-1]}: unknown time zone {zone!r}") from None
    return Clock(str(value.get("timezone") or ""), str(value.get("speaks") or ""))


def credit_line(config: OutletConfig | None = None) -> re.Pattern[str] | None:
    """A line that only credits people with the outlets file's `credits` words (作者：黄莺, 作者 | 柴旭晨,
    作者：泰罗，编辑：小市妹), to match whole: a file that leaves the key out has the shipped words, one that
    lists none (`credits: []`) drops no line (None)."""
    credits = (config or _default()).credits
    return _credit_line((_default().credits or ()) if credits is None else credits)


@lru_cache(maxsize=16)
def _credit_line(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    credit = rf"(?:{'|'.join(map(re.escape, words))})\s*[：:|｜丨]\s*"
    name = r"[\u4e00-\u4e27\u4e29-\u9fff·A-Za-z]{1,12}"  # a name (丨 U+4E28 aside: it is a bar)
    return re.compile(rf"{credit}{name}(?:\s*[，,、\s]\s*(?:{credit})?{name})*")


def find_outlet(label: str, body_lines: list[str], config: OutletConfig | None = None) -> str:
    """The outlet to show for an article ("" when neither label nor byline names one).

    `body_lines` are the body as plain text (Markdown removed), one per line.
    """
    config = config or _default()
    if config.first_line:  # a dateline or byline opening the body names who wrote it, whatever the label
        first = next((line for line in body_lines if line.strip()), "")
        for search in _compiled(config.first_line):
            match = search(first)
            if match and (name := _named(match, config)):
                return name
    if label and label.casefold() not in config.aggregators:
        return label
    text = "\n".join(body_lines)
    words, bylines = _bylines(config.patterns)
    present = set(words.Match(text) or ()) if words is not None else set()  # the required words the text holds
    for required, search in bylines:
        if not all(present.intersection(choice) for choice in required):
            continue  # none of the words one of which every match holds is there: no need to search
        match = search(text)
        if match and (name := _named(match, config)):
            return name
    return ""


# a pattern's group: `outlet` takes any name it matches; `known_outlet` only a name the aliases or
# locales know, for a pattern whose shape a column tag shares (金吾财讯 | opens a body, and so do 重磅｜, 独家 |)
_NAME_GROUPS = frozenset({"outlet", "known_outlet"})


def _named(match: re.Match[str], config: OutletConfig) -> str:
    """The outlet a byline match names, through aliases ("" when a `known_outlet` name is not known)."""
    groups = match.groupdict()
    name = (groups.get("outlet") or groups.get("known_outlet") or "").strip()
    if groups.get("outlet") is None and name.casefold() not in _known(config.aliases, config.locales):
        return ""
    return _table(config.aliases).get(name, name)


@lru_cache(maxsize=16)
def _known(aliases: tuple[tuple[str, str], ...], locales: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Every outlet name an outlets file knows, casefolded: its aliases' short forms and names, its locales' outlets."""
    return frozenset(name.casefold() for pair in aliases for name in pair) | frozenset(name for name, _ in locales)


@lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[Callable[[str], re.Match[str] | None], ...]:
    """An outlets file's first-line patterns as searches (`_search`), once per file (asked of every article)."""
    return tuple(_search(pattern) for pattern in patterns)


def _search(pattern: str) -> Callable[[str], re.Match[str] | None]:
    """`compile_pattern(pattern).search`, as fast as `re` allows: a pattern whose every match starts
    a line (`(?m)^…`) is tried at the text's start, then searched as `\n…`, whose first character
    `re` scans for in C, instead of trying the pattern at every character (19 of the 29 shipped
    patterns; `find_outlet` over bulk's 2,987 articles ≈0.19 -> ≈0.11 CPU s). The same line start
    is found first, with the same groups: line starts are tried in the same order, and what follows
    each is the same pattern on the same text (the match itself starts at the line break before)."""
    from factcheck.patterns import PatternError, compile_pattern

    compiled = compile_pattern(pattern)
    rest = pattern.removeprefix(_LINE_START)
    if rest == pattern or not _starts_a_line(pattern):
        return compiled.search
    try:
        after_break = compile_pattern(_LINE_START[:-1] + "\\n" + rest)
    except (re.error, PatternError):
        return compiled.search

    def search(text: str) -> re.Match[str] | None:
        """The pattern at the text's start, else right after a line break."""
        return compiled.match(text) or after_break.search(text)

    return search


_LINE_START = "(?m)^"  # how the outlets loader writes a pattern anchored at a line start


def _starts_a_line(pattern: str) -> bool:
    """Whether every match of `pattern` starts at a line start: its top level opens with ^ (a `|`
    at the top level would make it one branch)."""
    sre_constants, sre_parse = _sre()
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return False
    return len(parsed) > 0 and parsed[0] == (sre_constants.AT, sre_constants.AT_BEGINNING)


@lru_cache(maxsize=16)
def _table(pairs: tuple[tuple[str, _Value], ...]) -> dict[str, _Value]:
    """An outlets file's aliases, locales or clocks as a mapping, made once per file (asked of every article); read only."""
    return dict(pairs)


@lru_cache(maxsize=16)
def _bylines(patterns: tuple[str, ...]) -> tuple[Any, tuple[tuple[tuple[frozenset[int], ...], Any], ...]]:
    """Made once per outlets file, asked of every article an aggregator labels: an RE2 set of every
    word a byline pattern requires (`_required`; None when there is none), and each pattern's
    requirements (the numbers in that set of the words of each choice) with its search (`_search`).
    One pass of the set says which words a text holds: testing each pattern's words with `in`
    cost more than the searches (bulk's 1,290 aggregator articles: 0.07-0.10 CPU s)."""
    import re2

    required = [_required(pattern) for pattern in patterns]
    numbers: dict[str, int] = {}
    for choices in required:
        for choice in choices:
            for word in choice:
                numbers.setdefault(word, len(numbers))
    words = None
    if numbers:
        words = re2.Set.SearchSet()
        for word in numbers:
            words.Add(re.escape(word))
        words.Compile()
    return words, tuple((tuple(frozenset(numbers[word] for word in choice) for choice in choices),
                         _search(pattern)) for choices, pattern in zip(required, patterns, strict=True))


def has_outlet(label: str, outlet: str, path: str, config: OutletConfig | None = None) -> bool:
    """Whether an article names who wrote it: not when all it has is an aggregator's label (or its file name)."""
    config = config or _default()
    return bool(outlet) and outlet != path and not (outlet == label and label.casefold() in config.aggregators)


def outlet_locale(outlet: str, config: OutletConfig | None = None) -> str:
    """The locale the outlets file gives an outlet ("" when it gives none)."""
    config = config or _default()
    return _table(config.locales).get(outlet.casefold(), "")


def outlet_clock(outlet: str, config: OutletConfig | None = None) -> Clock:
    """The clock the outlets file gives an outlet (an empty one when it gives none)."""
    config = config or _default()
    return _table(config.clocks).get(outlet.casefold(), Clock())


@lru_cache(maxsize=256)
def _required(pattern: str) -> tuple[tuple[str, ...], ...]:
    """What every match of `pattern` holds, read at its top level: each entry is words one of which
    every match holds. A run of plain characters (获悉 of 经济观察网获悉) is one word; a group or class
    of plain alternatives that must match (of `(?:电|讯|消息)`, `[网社]`) gives its alternatives. Nothing
    when the pattern ignores case, or cannot be read here. Measured on bulk's 1,290 articles an aggregator
    labels: 0.14 -> 0.10 CPU s (the 3 patterns that needed a run of their own were searched in every article)."""
    sre_constants, sre_parse = _sre()
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()

    def choices(op: Any, value: Any) -> tuple[str, ...]:
        """The words one of which a required item matches exactly (none: it is not that plain)."""
        if op == sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, body = value
            if add_flags or del_flags or not body:
                return ()
            if all(item_op == sre_constants.LITERAL for item_op, _ in body):
                return ("".join(chr(char) for _, char in body),)
            return choices(*body[0]) if len(body) == 1 else ()
        if op == sre_constants.IN and all(item_op == sre_constants.LITERAL for item_op, _ in value):
            return tuple(chr(char) for _, char in value)
        if op == sre_constants.BRANCH:
            words = []
            for branch in value[1]:
                if not branch or any(item_op != sre_constants.LITERAL for item_op, _ in branch):
                    return ()
                words.append("".join(chr(char) for _, char in branch))
            return tuple(words)
        return ()

    required: list[tuple[str, ...]] = []
    run = ""
    for op, value in parsed:
        if op == sre_constants.LITERAL:
            run += chr(value)
            continue
        if run:
            required.append((run,))
        run = ""
        if found := choices(op, value):
            required.append(found)
    return tuple(required + [(run,)] if run else required)


def _sre() -> tuple[Any, Any]:
    """sre's constants and parser modules (their home moved in 3.11)."""
    import sys

    if sys.version_info >= (3, 11):
        from re import _constants as sre_constants  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    else:
        import sre_constants
        import sre_parse
    return sre_constants, sre_parse
