"""The records that pass between pipeline stages.

load → rules → normalize → extract → compare → report: every stage takes and
returns these frozen dataclasses, so a stage can be tested on its own and the
result of a run can be serialized in one place (`report.serialize`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from factcheck.values import Value

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


# --------------------------------------------------------------------- input


@dataclass(frozen=True)
class Segment:
    """A run of article text (a sentence, or a title) with where it came from.

    `line_starts[i]` is the offset in `text` at which original line
    `first_line + i` begins, so any offset maps back to an exact file line.
    """

    text: str
    first_line: int
    line_starts: tuple[int, ...]
    paragraph: int  # index of the paragraph within the article
    is_title: bool = False

    def line_at(self, offset: int) -> int:
        """The 1-based file line holding character `offset` of `text`."""
        index = 0
        for i, start in enumerate(self.line_starts):
            if start <= offset:
                index = i
            else:
                break
        return self.first_line + index


@dataclass(frozen=True)
class Suppression:
    """Claims an article asks not to check: some rules (or all), over some lines."""

    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int
    line: int  # where the suppression is written
    where: str  # "front matter" or "comment"

    def covers(self, rule_id: str, line: int) -> bool:
        return (not self.rules or rule_id in self.rules) and self.first_line <= line <= self.last_line


def source_of(named_outlet: str, path: str) -> str:
    """What a source is when sources are counted, by a check and by discover alike: the outlet a byline or
    a label that is no aggregator's names, else the article itself (an aggregator's label alone, `qq` with no
    byline found, says nothing of who wrote it: three such articles are three sources, docs/outlets.md)."""
    return named_outlet or path


@dataclass(frozen=True)
class Article:
    """One source: a file, its metadata and its text cut into segments."""

    path: str  # as shown to users: relative to the folder given, joined to it
    title: str
    published: datetime | None  # timezone-aware
    label: str  # front-matter category/tag or link label (may be an aggregator)
    outlet: str  # the outlet named in the body, else the label
    url: str
    segments: tuple[Segment, ...]
    suppressions: tuple[Suppression, ...] = ()
    notes: tuple[Diagnostic, ...] = ()  # warnings from reading it (encoding guessed, no date)
    lang: str = ""  # front-matter lang/language (zh-HK, zh-TW …), else the outlets file's: what a bare 元 means
    lang_from: str = ""  # "front-matter lang" or "outlets file"
    # the outlet a label that is no aggregator's or a byline names; "" when none does (an aggregator's label
    # alone, or no label): such an article counts as a source of its own when sources are counted
    named_outlet: str = ""
    body_print: bytes = b""  # hashes of its body sentences, packed (factcheck/copies.py): copies told once text is dropped


UNATTRIBUTED = "unattributed"  # a Diagnostic's code: a value a rule pointed at that no subject is named for


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem with input: printed as `path:line: message`."""

    path: str
    line: int
    message: str
    level: Level = "error"
    code: str = ""  # "unread-value": a value no normalizer could read; "unattributed": a value no subject is named for;
    # "left-out": a value a rule's cue reached that a key of the rule left out (kinds/left_out.py)
    # the rule whose reading made the note (set by extract.py, which knows it): what the CLI counts notes by,
    # never read back from the message; "" for a note of no one rule (a file, a folder, a rule file)
    rule: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path  # 0: the whole file or folder
        return f"{where}: {self.level}: {self.message}"


class DiagnosticError(Exception):
    """A file factcheck cannot use, raised with its one-line diagnostic (`path:line: error: message`),
    which the command prints as it is. The base of each reader's own error (ConfigError, YAMLError …)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


# ------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Entity:
    """A canonical entity and the names it goes by."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContextSpec:
    """A qualifier a rule declares: value → the words that signal it."""

    name: str
    values: tuple[tuple[str, tuple[str, ...]], ...]
    scope: Literal["clause", "head", "run", "sentence", "paragraph"] = "paragraph"  # see kinds/scope_reading.py
    default: str = ""  # the value when no word signals one ("" = unknown)
    assumed: str = ""  # grouping only: the value an unmarked claim is taken to have, not recorded on it


@dataclass(frozen=True)
class DaySpec:
    """How a claim's day is found when the text does not state it."""

    fallback: Literal["publish", "none"] = "publish"
    timezone_from: str = ""  # a context name, e.g. "market"
    timezones: tuple[tuple[str, str], ...] = ()  # context value → IANA zone
    scope: str = "sentence"  # where a stated day is looked for (`context_scope: {day: …}`)
    implied: bool = False  # no `day:` key: the kind reads one by default (status), only to tell states apart


@dataclass(frozen=True)
class RuleExample:
    text: str
    published: str
    expect: tuple[tuple[str, str], ...]  # field → expected display text
    line: int
    lang: str = ""  # the outlet's locale (zh-HK: a bare 元 is HKD), as an article's front-matter lang


@dataclass(frozen=True)
class RuleBase:
    """The fields every rule has, whatever its kind.

    Each kind extends it with its own fields (factcheck/kinds/<kind>.py:
    `NumberRule(RuleBase)` adds cue, window, tolerance …), so a rule carries
    only what its kind reads.
    """

    id: str
    path: str
    kind: str  # a key of factcheck.kinds.KINDS
    description: str
    level: Level
    subjects: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    context: tuple[ContextSpec, ...] = ()
    day: DaySpec | None = None
    examples: tuple[RuleExample, ...] = ()
    require: tuple[str, ...] = ()  # qualifiers a claim must state to be compared
    rounded_level: Level | Literal[""] = ""  # level of a `rounded` finding ("": the configured one, else warning)
    period_level: Level | Literal[""] = ""  # level of a `period-differs` finding ("": warning)
    skip: str = ""  # a regex: before a claim, it means the value is another thing (factcheck/kinds/skip.py)


# ------------------------------------------------------------------ claims


@dataclass(frozen=True, slots=True)
class ContextValue:
    """A qualifier of a claim (market=HK), and how it was found."""

    name: str
    value: str
    evidence: str  # the word that triggered it, or "publish time"
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """One value one article states about one subject, under one rule."""

    rule_id: str
    subject: str  # canonical entity id ("" when the rule has no subject)
    value: Value
    context: tuple[ContextValue, ...]
    article: str  # Article.path
    outlet: str
    line: int
    sentence: str
    span: tuple[int, int]  # the value's offsets within `sentence`
    note: str = ""
    named_outlet: str = ""  # Article.named_outlet: two articles of one named outlet are one source when counted
    # the date reader read the date as of an event still to come when its source wrote it (将, 拟 … before a
    # day after the publish day: kinds/date.py); compare sets such a day apart from the days before it
    to_come: bool = False
    # the article's publish day (Article.published, its own clock): a day after it was still to come when the
    # claim was written, so compare never sets a day to come apart from it (`coming_apart`)
    written: date | None = None
    # read from the article's title (a headline squeezes the story: its value is the one its body states,
    # so a title clashing with its own body, which other sources confirm, is a slip: kinds/base.py)
    in_title: bool = False

    def context_dict(self) -> dict[str, str]:
        return {c.name: c.value for c in self.context}


# ------------------------------------------------------------------ messages


@dataclass(frozen=True, slots=True)
class Message:
    """A finding's message or detail line as a record: a key of the catalogue (report/messages.py
    MESSAGES, one template a language) and the values its placeholders take. The kinds and compare
    build these, never English sentences, so every language is rendered from the same record and a
    report never reads its own words back to translate them. `str()` is the English text, which the
    JSON report, SARIF and the baseline write."""

    key: str
    args: tuple[tuple[str, Arg], ...] = ()

    @classmethod
    def of(cls, key: str, **args: Arg) -> Message:
        return cls(key, tuple(args.items()))

    def text(self, lang: str) -> str:
        from factcheck.report.messages import said  # the catalogue is the reports'; imported when a line is written

        return said(lang, self)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True, slots=True)
class Listed:
    """Values a message names as one placeholder, joined as its language joins them: `sep` is a key of
    the catalogue (`sep.vs`: ` vs ` in English, ` 与 ` in Chinese)."""

    items: tuple[Arg, ...]
    sep: str


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier's name in a message, said as a reader of the report's language says it (market: 市场)."""

    name: str


@dataclass(frozen=True, slots=True)
class Pair:
    """Two values a finding sets against each other, each with its outlet and place: the detail line
    `8.48% (A, a.md:1) vs 5% (B, b.md:3)`. Kept as data, so a report tells pairs apart by value and
    outlet (report/text.py caps the lines of one pair of outlets) without reading its own line back;
    `message()` is the one place the line is made (its English: `str()`)."""

    value: str
    outlet: str
    place: str  # `file:line`
    other: str
    other_outlet: str
    other_place: str  # `file:line`
    other_qualifiers: str = ""  # what the line names after the other's place, its qualifiers (`day=2025-02-10`)

    @classmethod
    def of(cls, a: Claim, b: Claim, qualifiers: str = "") -> Pair:
        """Claim `a` against claim `b`; `qualifiers`: what the line names after b's place (`day=2025-02-10`)."""
        return cls(a.value.display(), a.outlet, f"{a.article}:{a.line}", b.value.display(), b.outlet,
                   f"{b.article}:{b.line}", qualifiers)

    def message(self) -> Message:
        """The line as a message record: `8.48% (A, a.md:1) vs 5% (B, b.md:3, day=2025-02-10)`."""
        qualifiers = f", {self.other_qualifiers}" if self.other_qualifiers else ""  # `b.md:3, day=2025-02-10`
        return Message.of("detail.pair", one=Message.of("said.source", value=self.value, outlet=self.outlet,
                                                         place=self.place),
                          other=Message.of("said.source", value=self.other, outlet=self.other_outlet,
                                           place=self.other_place + qualifiers))

    def __str__(self) -> str:
        return self.message().text("en")


def claim_said(claim: Claim) -> Message:
    """A claim as a message names it: its value, outlet and place (`8.48% (A, a.md:1)`)."""
    return Message.of("said.source", value=claim.value.display(), outlet=claim.outlet,
                      place=f"{claim.article}:{claim.line}")


def listed(items: Iterable[Arg], sep: str) -> Listed:
    return Listed(tuple(items), sep)


Arg = str | int | Message | Listed | Qualifier | Pair  # what a message's placeholder takes
Detail = Message | Pair  # a finding's detail line: a message, or a pair of values


# rounded: one figure written at different precisions; incomplete: claims missing a required qualifier;
# period-differs: one figure given for two periods or years (factcheck/periods.py)
FindingKind = Literal["disagreement", "currency-differs", "period-differs", "rounded", "omission", "context-differs", "incomplete", "agreement"]


@dataclass(frozen=True)
class Finding:
    """What the comparison of one group of claims shows.

    It never picks a "right" value: it lists every source's claim.
    """

    id: str
    rule_id: str
    kind: FindingKind
    level: Level
    subject: str
    context: tuple[tuple[str, str], ...]  # the shared context of the group
    message: Message
    claims: tuple[Claim, ...]
    details: tuple[Detail, ...] = ()  # one line per conflicting pair, omission …
    # in a disagreement, the indexes in `claims` of the values that fit every other source's
    compatible: tuple[int, ...] = ()
    # in a context-differs finding, the qualifiers neither source states that tell other sources' figures
    # apart (`values differ, but neither states day`): compare folds a time's into the topic's finding
    unstated: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The detail lines as every report writes them."""
        return tuple(map(str, self.details))


@dataclass(frozen=True)
class Summary:
    articles: int
    rules: int
    claims: int
    groups_checked: int
    agreements: int
    disagreements: int
    omissions: int
    context_differs: int
    rounded: int = 0  # groups whose values differ only by rounding
    incomplete: int = 0  # claims not compared: they lack a qualifier their rule requires
    baselined: int = 0  # findings left out because the baseline accepts them
    unread_values: int = 0  # spans a rule pointed at that could not be normalized
    unattributed: int = 0  # values a rule's cue pointed at whose subject no sentence names
    left_out: int = 0  # sentences whose rule's cue reached a value a key of the rule then left out (left-out notes)
    rules_without_claims: tuple[str, ...] = ()  # rules that found nothing in any article
    # articles labelled by an aggregator whose byline names no outlet, each `path NUL the name the report shows`,
    # sorted (as (path, name) pairs sort: NUL is the least character); one string a row: 21k rows at 100k articles
    without_outlet_articles: tuple[str, ...] = ()
    # rules with claims from two sources or more, none compared: (rule, subjects, why), why `one-source` (each
    # subject's value from one source) or `currencies` (a subject's sources give it in different currencies)
    rules_not_compared: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    # articles with the same text (one story under two outlets, a syndicated text): each still a source
    same_text: tuple[tuple[str, ...], ...] = ()

    @property
    def without_outlet(self) -> int:
        """How many articles name no outlet: counted from the list, so the two never disagree."""
        return len(self.without_outlet_articles)


@dataclass(frozen=True)
class CheckResult:
    articles: tuple[Article, ...]  # the articles the claims come from; summary.articles counts all read
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    diagnostics: Collection[Diagnostic]  # in report order (factcheck/notes.py keeps an archive's packed)
    summary: Summary
    rules: tuple[RuleBase, ...] = ()
    entity_names: dict[str, str] = field(default_factory=dict)
