"""The records that pass between pipeline stages.

load → rules → normalize → extract → compare → report: every stage takes and
returns these frozen dataclasses, so a stage can be tested on its own and the
result of a run can be serialized in one place (`report.serialize`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, Union

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
    notes: tuple["Diagnostic", ...] = ()  # warnings from reading it (encoding guessed, no date)


@dataclass(frozen=True)
class Diagnostic:
    """A problem with input: printed as `path:line: message`."""

    path: str
    line: int
    message: str
    level: Level = "error"
    code: str = ""  # "unread-value": a rule pointed at a value no normalizer could read

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path  # 0: the whole file or folder
        return f"{where}: {self.level}: {self.message}"


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
    scope: Literal["clause", "sentence", "paragraph"] = "paragraph"
    default: str = ""  # the value when no word signals one ("" = unknown)


@dataclass(frozen=True)
class DaySpec:
    """How a claim's day is found when the text does not state it."""

    fallback: Literal["publish", "none"] = "publish"
    timezone_from: str = ""  # a context name, e.g. "market"
    timezones: tuple[tuple[str, str], ...] = ()  # context value → IANA zone


@dataclass(frozen=True)
class RuleExample:
    text: str
    published: str
    expect: tuple[tuple[str, str], ...]  # field → expected display text
    line: int


@dataclass(frozen=True)
class Rule:
    """A validated rule file: which claims to find and how to compare them.

    Fields not used by a rule's kind keep their defaults.
    """

    id: str
    path: str
    kind: Literal["number", "date", "set", "status"]
    description: str
    level: Level
    subjects: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    cue: str = ""  # a regex
    skip: str = ""  # a regex: near the value, it means the value is not this rule's claim
    window: int = 6
    value: Literal["percent", "money", "pp", ""] = ""
    sign_up: tuple[str, ...] = ()
    sign_down: tuple[str, ...] = ()
    tolerance: Decimal = Decimal(0)
    context: tuple[ContextSpec, ...] = ()
    day: DaySpec | None = None
    trigger: str = ""  # set rules: a regex
    scope: Literal["clause", "after", "before", "sentence"] = "clause"
    members: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    omission_level: Level = "warning"
    states: tuple[tuple[str, str], ...] = ()  # label → regex
    examples: tuple[RuleExample, ...] = ()


# ------------------------------------------------------------------ values


@dataclass(frozen=True)
class Quantity:
    """A normalized number: an interval [low, high] (None = unbounded).

    An exact "8.48" is the interval its stated precision allows
    ([8.475, 8.485]); "近5" is just under 5; "超2" is above 2.
    """

    value: Decimal  # the number as written (the centre, or the bound)
    low: Decimal | None
    high: Decimal | None
    unit: str  # "%", "USD", "HKD", "CNY", "" …
    approx: str  # "", "near", "over", "under", "about"
    raw: str
    scale_text: str = ""  # per-unit suffix kept for display, e.g. "/股"

    def display(self) -> str:
        """As an editor would write it: ≈<5%, 118.3 USD/股, 2.22万亿 HKD."""
        if self.is_range():
            assert self.low is not None and self.high is not None
            return f"{self._scaled(self.low)}–{self._scaled(self.high)}{'%' if self.unit == '%' else ' ' + self.unit}"
        mark = self.mark()
        if self.unit == "%":
            return f"{mark}{_plain(self.value)}%"
        return f"{mark}{self._scaled(self.value)} {self.unit}{self.scale_text}".strip()

    def _scaled(self, number: Decimal) -> str:
        if self.unit in ("%", "pp"):
            return _plain(number)
        for size, word in ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(number) >= size:
                return _plain(number / size) + word
        return _plain(number)

    def mark(self) -> str:
        """How the value bounds the fact, sign-aware: 跌超五成 is <-50%, 近5% is ≈<5%, 50多亿 is >50亿."""
        if self.approx == "about":
            return "≈"
        if self.approx == "near":
            return "≈<" if self.value >= 0 else "≈>"
        if self.approx in ("over", "under"):
            return ">" if (self.approx == "over") == (self.value >= 0) else "<"
        return ""

    def is_range(self) -> bool:
        """3%-5%, 3至5亿元: written as two numbers."""
        return (self.approx == "about" and self.low is not None and self.high is not None
                and _RANGE.search(self.raw) is not None)


_RANGE = re.compile(r"\d\s*[%％]?\s*(?:至|到|~|～|-|—|－)\s*\d|[一二三四五六七八九十][至到][一二三四五六七八九十]")


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class DateValue:
    """A normalized date: the closed interval of days it may mean."""

    start: date
    end: date
    precision: Literal["day", "part-of-month", "month", "quarter", "half-year", "year", "range",
                       "fiscal-year", "fiscal-quarter"]
    raw: str
    time_of_day: str = ""  # 凌晨, 上午 … kept: it can move the date across time zones

    def display(self) -> str:
        if self.precision == "day":
            text = self.start.isoformat()
        elif self.precision == "month":
            text = self.start.strftime("%Y-%m")
        elif self.precision == "year":
            text = str(self.start.year)
        else:
            text = f"{self.start.isoformat()}..{self.end.isoformat()}"
        return f"{text} {self.time_of_day}".strip()


@dataclass(frozen=True)
class EntitySet:
    """The entities a source names in one role (canonical ids, sorted)."""

    members: tuple[str, ...]
    raw: str
    names: tuple[str, ...] = ()  # display names, aligned with members

    def display(self) -> str:
        return "{" + ", ".join(self.names or self.members) + "}"


@dataclass(frozen=True)
class StatusValue:
    """One labelled state out of the few a status rule declares."""

    label: str
    raw: str

    def display(self) -> str:
        return self.label


Value = Union[Quantity, DateValue, EntitySet, StatusValue]


# ------------------------------------------------------------------ claims


@dataclass(frozen=True)
class ContextValue:
    """A qualifier of a claim (market=HK), and how it was found."""

    name: str
    value: str
    evidence: str  # the word that triggered it, or "publish time"
    inferred: bool = False


@dataclass(frozen=True)
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

    def context_dict(self) -> dict[str, str]:
        return {c.name: c.value for c in self.context}


FindingKind = Literal["disagreement", "omission", "context-differs", "agreement"]


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
    message: str
    claims: tuple[Claim, ...]
    details: tuple[str, ...] = ()  # one line per conflicting pair, omission …


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
    baselined: int = 0  # findings left out because the baseline accepts them
    unread_values: int = 0  # spans a rule pointed at that could not be normalized
    rules_without_claims: tuple[str, ...] = ()  # rules that found nothing in any article
    without_outlet: int = 0  # articles labelled by an aggregator whose byline names no outlet


@dataclass(frozen=True)
class CheckResult:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    diagnostics: tuple[Diagnostic, ...]
    summary: Summary
    rules: tuple[Rule, ...] = ()
    entity_names: dict[str, str] = field(default_factory=dict)
