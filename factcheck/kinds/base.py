"""The one interface every rule kind implements, and what kinds share.

A kind is a module under factcheck/kinds/ holding a `Kind` subclass: its rule
fields (a dataclass extending `RuleBase`), its schema fragment, how it builds
those fields from a rule document, its finder, its value type and how its
claims compare. Stages call kinds only through this interface, looked up in
`factcheck.kinds.KINDS`, so adding a kind touches no stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from factcheck.kinds.qualifiers import conversions_only, estimates_of_others, priors_only, reads
from factcheck.kinds.sentence import Sentence
from factcheck.kinds.skip import words_alternation
from factcheck.kinds.slips import slip
from factcheck.kinds.subject_reading import SUBJECT_FROM_TITLE
from factcheck.records import (
    Arg,
    Article,
    Claim,
    Detail,
    Diagnostic,
    Entity,
    FindingKind,
    Level,
    Message,
    Pair,
    Qualifier,
    RuleBase,
    claim_said,
    listed,
    source_of,
)
from factcheck.values import Value


class RuleError(Exception):
    """A problem in a rule file, with the line it is on."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.diagnostic = Diagnostic(path, line, message)


# Chinese numerals are not in code-point order (一 U+4E00, 二 U+4E8C, 九 U+4E5D): a range of them rarely means
# what it says, and [二-九] does not compile
_HAN_NUMERALS = "〇零一二两三四五六七八九十百千万亿"


def _range_hint(error: re.error) -> str:
    """A hint for a character range of Chinese numerals in a rule's regex (`[二-九]`): list them instead."""
    if "bad character range" not in str(error) or not any(c in str(error) for c in _HAN_NUMERALS):
        return ""
    return " (Chinese numerals are not in code-point order: list them, `[二三四五六七八九]`)"


def words_regex(value: str | list[str]) -> str:
    """A rule's `cue`, `trigger` or state: a list of words, or one regex. Listed words are words, as
    skip words are: one in Latin letters matches only whole (cue `a` is not in `approximately`)."""
    if isinstance(value, str):
        return value
    return "(?:" + words_alternation(value) + ")"


@dataclass(frozen=True)
class Document:
    """A validated rule document and where its keys are, for building a kind's fields."""

    data: dict[str, Any]
    path: str
    lines: dict[tuple[Any, ...], int]
    entities: dict[str, Entity]

    def line(self, *key: Any) -> int:
        return self.lines.get(key, 1)

    def regex(self, key: str) -> str:
        """The key's words or regex as one checked regex ("" when the key is absent)."""
        if key not in self.data:
            return ""
        return self.checked_regex(words_regex(self.data[key]), key, self.line(key))

    def checked_regex(self, regex: str, key: str, line: int) -> str:
        from factcheck.patterns import PatternError, compile_pattern

        try:
            compile_pattern(regex)
        except re.error as error:
            raise RuleError(self.path, line, f"{key}: regex does not compile: {error}{_range_hint(error)}") from None
        except PatternError as error:
            raise RuleError(self.path, line, f"{key}: regex {error}") from None
        return regex

    def entity_ids(self, key: str) -> tuple[str, ...]:
        """The key's entity ids, each one declared."""
        ids = tuple(self.data.get(key) or ())
        for index, entity_id in enumerate(ids):
            if entity_id not in self.entities:
                raise RuleError(self.path, self.line(key, index), f"{key}: unknown entity {entity_id!r} "
                                "(declare it under entities: here or in a file of kind: entities)")
        return ids


@dataclass(frozen=True)
class Verdict:
    """What one group of claims (one subject, one context) shows; compare makes it a Finding."""

    kind: FindingKind
    level: Level
    message: Message
    details: tuple[Detail, ...] = ()  # a pair of values as its records.Pair, anything else as a Message
    compatible: tuple[int, ...] = ()  # indexes of the claims that fit every other source's value
    unstated: tuple[str, ...] = ()  # the qualifiers neither claim of a pair states that tell figures apart
    aside: tuple[str, ...] = ()  # the values a source also gives that were set aside (not compared)


R = TypeVar("R", bound=RuleBase)

@dataclass(frozen=True)
class Reason:
    """Why two claims may be of different figures: a `qualifier` both leave unstated that tells them
    apart, or a sentence (`why`) naming the basis the story shows (compare.py). Empty: nothing says so."""

    qualifier: str = ""
    why: Message | None = None

    def __bool__(self) -> bool:
        return bool(self.qualifier or self.why)


Unstated = Callable[[Claim, Claim], Reason]


def sources(claims: Iterable[Claim]) -> tuple[int, int]:
    """(sources, articles) of `claims`: two articles of one named outlet are one source (Reuters twice
    agrees with no one but itself); an article whose outlet is unknown (an aggregator's label alone)
    is a source of its own."""
    found = list(claims)
    return len({source_of(c.named_outlet, c.article) for c in found}), len({c.article for c in found})


def sources_agree(claims: Iterable[Claim], verb: str = "agree") -> Message:
    """`3 sources agree` (`verb`: agree or name), counted by outlet, with the articles when they are more:
    `2 sources (3 articles) agree`."""
    outlets, articles = sources(claims)
    counted = Message.of("sources.one") if outlets == 1 else Message.of("sources.many", n=outlets)
    if outlets != articles:
        counted = Message.of("sources.articles", sources=counted, articles=articles)
    return Message.of(f"sources.{verb}s" if outlets == 1 else f"sources.{verb}", sources=counted)


class Kind(Generic[R]):
    """A rule kind. Subclasses set the class attributes and implement `fields` and `find`."""

    name: ClassVar[str]  # the `kind:` of its rule files
    rule_type: ClassVar[type[RuleBase]]  # its rule record: RuleBase plus its own fields
    value_type: ClassVar[type]  # what its claims carry (see factcheck/values.py)
    required: ClassVar[tuple[str, ...]] = ()  # keys its rule files must have (besides kind, description)
    properties: ClassVar[dict[str, Any]] = {}  # its keys' JSON Schema, in the order errors list them
    dated: ClassVar[bool] = False  # whether its rules may declare `day:`
    dated_by_default: ClassVar[bool] = False  # its rules read a day stated in the sentence unless `day: false`
    # the built-in qualifiers its rules read without asking (`qualifiers:` lists others; [] turns them off)
    default_qualifiers: ClassVar[tuple[str, ...]] = ()
    # one value per subject and context (an event has one date): two values each shared by two sources
    # or more are no agreement to pass over (周日 read as two days), unlike a figure's sub-items
    one_value: ClassVar[bool] = False

    def fields(self, doc: Document) -> dict[str, Any]:
        """Its own rule fields from a validated document (regexes checked, entity ids known)."""
        raise NotImplementedError

    def cues(self, rule: R) -> tuple[str, ...]:
        """Regexes one of which every claim's sentence holds: sentences without any are skipped."""
        raise NotImplementedError

    def find(self, rule: R, sentence: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        """The claims `rule` finds in one sentence, and the values it points at but cannot read."""
        raise NotImplementedError

    def agree(self, rule: R, a: Value, b: Value) -> bool:
        """Whether two values can both be true of the same fact."""
        return a.agrees(b, Decimal(0))

    def rounded(self, rule: R, a: Value, b: Value) -> bool:
        """Whether two values that disagree are one figure written at different precisions."""
        return False

    def approximates(self, rule: R, a: Value, b: Value) -> bool:
        """Whether two values that disagree are one figure, one of them written loosely (近970亿 of 974亿)."""
        return False

    def joined_agreeing(self, values: list[str], rule: R) -> Arg:
        """Values that agree, as an agreement shows them: figures that overlap (16万 ≈ >16万)."""
        return listed(values, "sep.approx")

    def _states(self, rule: R, own: list[Claim], other: Claim) -> bool:
        """Whether a source's claims of one group include a figure that agrees with `other`'s.

        A source that writes 2% and also 13% and 5% under one reading (销量增长2%; 零度可口可乐
        销量增长13%) does not contradict another source's 2%: its other values are other figures
        the rule cannot tell apart, which no comparison across sources can settle. A bound (不到50美元)
        fits many figures but states none but its own number: a source writing it beside 50美元 does not
        state another source's 20美元, whose clash with the 50 stands (round 38's s1 cost), as a date's
        bound names no day (kinds/date.py); 最多40億元 states another's 40亿元 (round 22's vanke)."""
        return any(self.agree(rule, c.value, other.value) and not _bound_around(c.value, other.value) for c in own)

    def _agreed(self, rule: R, claims: list[Claim], extra: list[str]) -> tuple[list[Message], list[str]]:
        """(headline, values still set aside): the values two sources or more agree on, each group of
        agreeing values apart from the others (`3 sources agree: 1090亿 EUR; separately, 2 sources
        agree on 500亿 EUR`), never one chain `1090亿 ≈ 500亿 ≈ 200亿`, which reads as one figure.
        A source's set-aside value (`extra`) is left out of a group where that source has another
        value; the set-aside values no group shows are named after it. ([], extra) when no two
        sources share a value."""
        groups: list[list[Claim]] = []
        for found in claims:
            joined = [g for g in groups if any(self.agree(rule, found.value, o.value) for o in g)]
            groups = [g for g in groups if g not in joined] + [[o for g in joined for o in g] + [found]]
        shared = [g for g in groups if len({c.article for c in g}) > 1]
        shared.sort(key=lambda g: (-len({c.article for c in g}), min(claims.index(c) for c in g)))
        said: list[tuple[Message, list[str]]] = []
        for group in shared:
            group.sort(key=claims.index)
            own = {c.article: [o for o in group if o.article == c.article] for c in group}
            # a source's set-aside value is left out of the group where the source has another value in it
            kept = [c for c in group if c.value.display() not in extra
                    or all(o.value.display() in extra for o in own[c.article])]
            said.append((sources_agree(group), list(dict.fromkeys(c.value.display() for c in kept))))
        if not said:
            return [], extra
        headline = [Message.of("finding.agree", sources=said[0][0], values=self.joined_agreeing(said[0][1], rule)),
                    *(Message.of("finding.agree.separately", sources=n, values=self.joined_agreeing(values, rule))
                      for n, values in said[1:])]
        return headline, [v for v in extra if not any(v in values for _, values in said)]

    def judge(self, rule: R, claims: list[Claim], inferred: bool, unstated: Unstated | None = None) -> Verdict:
        """One group's verdict: agreement, rounding, or a disagreement listing each clashing pair.

        `claims` come from two articles or more, sorted by article then line; `inferred` says the
        group was formed with part of some claims' context unknown. Pairs that differ only by
        rounding are never a disagreement: alone, they make a `rounded` finding. `unstated` names
        a qualifier both claims of a pair leave unknown that may tell them apart: such a pair is
        shown as context (info), never a disagreement."""
        conflicts: list[Detail] = []
        rounding: list[Detail] = []
        loose: list[Detail] = []
        aside: list[Detail] = []
        restated: list[Message] = []  # a source writing one sentence twice with different figures
        extra: list[str] = []  # the other values of a source that also states the other's figure
        unknown: list[Claim] = []  # claims of pairs told apart only by a qualifier neither states
        reasons: list[Reason] = []  # why each pair of `unknown` may be of different figures
        uncertain = inferred
        rounding_unsure = inferred  # a rounded pair whose context is partly unknown: lowered as a clash is
        clashing: list[Claim] = []  # the claims of the conflicting pairs
        by_article: dict[str, list[Claim]] = {}
        for found in claims:
            by_article.setdefault(found.article, []).append(found)
        for a, b in _across_articles(claims):
            if self.agree(rule, a.value, b.value):
                continue
            pair = Pair.of(a, b)
            a_also, b_also = self._states(rule, by_article[a.article], b), self._states(rule, by_article[b.article], a)
            twice = [said for c, also, o in ((a, a_also, b), (b, b_also, a)) if also
                     for said in [_said_twice(self, rule, by_article[c.article], c)
                                  or _title_against_body(self, rule, claims, c, o)] if said]
            if twice:  # the same sentence with another figure: the source contradicts itself, compared
                a_also = b_also = False
                restated.extend(t for t in twice if t not in restated)
            if a_also or b_also:
                aside.append(pair)  # the source states the other's figure too: its other value is another figure
                extra += [c.value.display() for c, also in ((a, a_also), (b, b_also)) if also]
                continue
            if twice:  # a slip of one source, whatever the precision: no rounding, no unstated qualifier
                conflicts.append(pair)
                clashing.extend(c for c in (a, b) if c not in clashing)
                continue
            if self.approximates(rule, a.value, b.value):
                loose.append(pair)
                continue
            if self.rounded(rule, a.value, b.value):
                rounding.append(pair)
                rounding_unsure = rounding_unsure or _unsure_pair(rule, a, b)
                continue
            reason = unstated(a, b) if unstated else Reason()
            if reason:
                unknown.extend(c for c in (a, b) if c not in unknown)
                reasons.append(reason)
                continue
            uncertain = uncertain or _unsure_pair(rule, a, b)
            why = slip(a.value, b.value)  # 175.5亿 vs 1755.43亿: say what the figures show
            conflicts.append(Message.of("detail.slip", pair=pair, why=why) if why else pair)
            clashing.extend(c for c in (a, b) if c not in clashing)
        if not conflicts and not rounding and not loose and not unknown and not aside:
            for found, kept in _own_apart(self, rule, by_article):  # 2020年1月加入荣昌生物 … 2月13日加入扬子江药业
                aside.append(Message.of("detail.own_apart", claim=claim_said(found), own=kept.value.display(),
                                        line=kept.line))
                extra.append(found.value.display())
        values = list(dict.fromkeys(c.value.display() for c in claims))
        apart = listed(values, "sep.dot")  # values shown side by side: 8.48% · 5%
        if conflicts and getattr(rule, "running", False):  # a total read at different times of one day
            return Verdict("context-differs", "info", Message.of("finding.running", values=apart),
                           tuple(dict.fromkeys(conflicts + rounding + loose)))
        if conflicts and conversions_only(claims):  # 约合人民币364亿元 vs 约合365亿元: the rates of two days
            return Verdict("context-differs", "info", Message.of("finding.conversions", values=apart),
                           tuple(dict.fromkeys(conflicts + rounding + loose)))
        if conflicts and estimates_of_others(rule, claims):  # 市场预期106.7亿 vs 预期108亿: two providers' figures
            return Verdict("context-differs", "info", Message.of("finding.estimates", values=apart),
                           tuple(dict.fromkeys(conflicts + rounding + loose)))
        if conflicts and priors_only(claims):  # 前值0.20% vs an upwardly revised 0.5%: two vintages
            return Verdict("context-differs", "info", Message.of("finding.priors", values=apart),
                           tuple(dict.fromkeys(conflicts + rounding + loose)))
        if not conflicts and not rounding and not loose and aside:
            agreed, set_aside = self._agreed(rule, claims, extra)
            parts: list[Arg] = [*agreed] or [Message.of("finding.agree", sources=sources_agree(claims),
                                                        values=listed(values, "sep.approx"))]
            also = _also_gives(claims, list(dict.fromkeys(set_aside)))
            parts += [also] if also else []
            if self.one_value and len(agreed) > 1:  # two values each shared: `; separately, …`
                parts.append(Message.of(f"finding.agree.two_values.{self.name}"))
                return Verdict("agreement", "warning", Message.of("said.parts", parts=listed(parts, "sep.none")),
                               tuple(dict.fromkeys(aside)))
            return Verdict("agreement", "info", Message.of("said.parts", parts=listed(parts, "sep.none")),
                           tuple(dict.fromkeys(aside)), aside=tuple(dict.fromkeys(set_aside)))
        if not conflicts and not rounding and not loose and unknown:
            claimed = listed(map(claim_said, unknown), "sep.comma")
            names = list(dict.fromkeys(r.qualifier for r in reasons if r.qualifier))
            whys = list(dict.fromkeys(r.why for r in reasons if r.why))  # a basis the story shows (compare.py)
            if not names:
                return Verdict("context-differs", "info",
                               Message.of("finding.differ_why", whys=listed(whys, "sep.semicolon"), values=apart),
                               (Message.of("said.parts", parts=claimed),))
            unknown_names = listed((Message.of("said.qualifier", name=Qualifier(n), value="?") for n in names),
                                   "sep.comma")
            return Verdict("context-differs", "info",
                           Message.of("finding.neither_states", names=listed(map(Qualifier, names), "sep.names"),
                                      values=apart),
                           (Message.of("detail.unstated", names=unknown_names, claims=claimed), *whys),
                           unstated=tuple(names))
        if not conflicts and not rounding and not loose:
            return Verdict("agreement", "info", Message.of("finding.agree", sources=sources_agree(claims),
                                                           values=self.joined_agreeing(values, rule)))
        if not conflicts and not rounding:  # an approximate or round figure (近, 约, 140万) claims no precision: info
            return Verdict("rounded", "info", Message.of("finding.loose", values=listed(values, "sep.tilde")),
                           tuple(dict.fromkeys(loose)))
        if not conflicts:
            given: Level = rule.rounded_level or "warning"
            lowered = _LOWER[given] if rounding_unsure else given
            headline = Message.of("finding.rounded", values=listed(values, "sep.tilde"))
            pairs = tuple(dict.fromkeys(rounding + loose))
            if lowered == given:
                return Verdict("rounded", given, headline, pairs)
            return Verdict("rounded", lowered, headline, (*pairs, *_why_lowered(rule, claims, claims, lowered, given)))
        compatible = [i for i, c in enumerate(claims)
                      if all(self.agree(rule, c.value, o.value) or self.rounded(rule, c.value, o.value)
                             or self.approximates(rule, c.value, o.value)
                             for o in claims if o.article != c.article)]
        details: list[Detail] = [*dict.fromkeys(conflicts), *restated]
        details += [self._compatible(rule, claims[i], claims) for i in compatible]
        # a context that was inferred (publish time, a partly unknown context) makes the clash less certain
        level: Level = "warning" if uncertain and rule.level == "error" else rule.level
        if level != rule.level:
            details += _why_lowered(rule, claims, clashing)
        return Verdict("disagreement", level, Message.of("finding.disagree", values=listed(values, "sep.vs")),
                       tuple(details), tuple(compatible))


    def _compatible(self, rule: R, claim: Claim, claims: list[Claim]) -> Message:
        """The detail of a claim no other source's claim clashes with; when its own article gives a clashing
        value too (a quote and the source's own words: 破产程序 in 被外界解读为…, 债务重整 from the company), say
        so, or a reader takes the line for a `compatible:` key the rule does not have (NOTES_C round 20, 2)."""
        own = [o.value.display() for o in claims
               if o.article == claim.article and not self.agree(rule, claim.value, o.value)]
        if not own:
            return Message.of("detail.compatible", claim=claim_said(claim))
        return Message.of("detail.compatible_own_also", claim=claim_said(claim), own=listed(dict.fromkeys(own), "sep.comma"))


# characters besides the value: a sentence, not a bare figure and its cue (`增长2%` under two headings,
# 3 characters, is two figures); the one sentence said twice on the yardsticks holds 40 (此次两大/三大汽车
# 央企的战略性整合…), none stands near 12 (benchmarks/thresholds.py)
_MIN_RESTATED = 12


def _also_gives(claims: list[Claim], set_aside: list[str]) -> Message | None:
    """The tail naming a source's set-aside values, each with the qualifiers its claim states that no
    other claim of the group states alike (`97000 CNY (channel=reseller)`: a reseller's price beside
    the launch price), so the text report shows what the JSON tags set it apart (None when none)."""
    if not set_aside:
        return None
    values: list[Arg] = []
    any_marked = False  # a set-aside value shown with a qualifier: the tail then says why it stands apart
    for value in set_aside:
        mine = [c for c in claims if c.value.display() == value]
        others = [c for c in claims if c.value.display() != value]
        marks = list(dict.fromkeys((q.name, q.value) for c in mine for q in c.context
                                   if q.value and not q.inferred
                                   and not any(o.context_dict().get(q.name) == q.value for o in others)))
        any_marked = any_marked or bool(marks)
        values.append(Message.of("said.marked", value=value, marks=listed(
            (Message.of("said.qualifier", name=Qualifier(n), value=v) for n, v in marks), "sep.comma"))
            if marks else value)
    return Message.of("finding.agree.also_marked" if any_marked else "finding.agree.also",
                      values=listed(values, "sep.comma"))


def _bound_around(value: Value, other: Value) -> bool:
    """Whether `value` is a bound (over, under: 不到50, 超过10) around a figure `other` that is no bound and not
    the bound's own number (最多40億元 states the 40亿元 another source writes; 不到50美元 states no 20美元)."""
    return (getattr(value, "approx", "") in ("over", "under") and getattr(other, "approx", "") not in ("over", "under")
            and getattr(value, "value", None) != getattr(other, "value", None))


def _masked(found: Claim) -> str:
    """A claim's sentence with its value taken out (its two sides kept apart)."""
    return found.sentence[:found.span[0]] + "\0" + found.sentence[found.span[1]:]


def _said_twice(kind: Kind[Any], rule: Any, own: list[Claim], found: Claim) -> Message | None:
    """Why a source's claim is no other figure but a slip: the source writes the very same sentence
    elsewhere with a value that does not agree (`此次两大汽车央企的战略性整合…` at line 36 and
    `此次三大汽车央企的战略性整合…` at line 51). A second figure the rule reads alike is set aside as
    another figure (销量增长2%; 零度可口可乐销量增长13%); one sentence repeated with another figure
    is the same fact stated twice, so the source contradicts itself (None when it does not)."""
    masked = _masked(found)
    if len(masked.strip()) <= _MIN_RESTATED:
        return None  # `增长2%` and `增长13%` under two headings are two figures, not one sentence said twice
    for other in own:
        if other is not found and _masked(other) == masked and not kind.agree(rule, other.value, found.value):
            first, second = sorted((other, found), key=lambda c: (c.line, c.span))
            return Message.of("detail.said_twice", outlet=found.outlet, article=found.article,
                              first=first.value.display(), first_line=first.line,
                              second=second.value.display(), second_line=second.line)
    return None


def _title_against_body(kind: Kind[Any], rule: Any, claims: list[Claim], found: Claim, other: Claim
                        ) -> Message | None:
    """Why a source's title value is no other figure but a slip: a headline squeezes the story, so the
    figure it gives is the one its body states; when the body states another source's figure and the
    title one that clashes with it (neither rounded nor written loosely) and that no other source gives,
    the source contradicts itself. 每经's title `回应小米公司市值破百亿` against its body's `小米公司市值破万亿`
    (line 80), which 界面 writes too (round 20, the annotator: internal, a slip for 万亿). Not said of a
    body value set aside beside its title, of a title beside a body that does not state the other's
    figure, nor of a title figure another source gives too (a figure of its own, 零度可口可乐销量增长13%) (None)."""
    if not found.in_title or any(c.article != found.article and kind.agree(rule, c.value, found.value)
                                 for c in claims):
        return None
    for body in (c for c in claims if c.article == found.article):
        if (not body.in_title and kind.agree(rule, body.value, other.value)
                and not kind.agree(rule, body.value, found.value) and not kind.rounded(rule, body.value, found.value)
                and not kind.approximates(rule, body.value, found.value)):
            return Message.of("detail.title_against_body", outlet=found.outlet, article=found.article,
                              title=found.value.display(), title_line=found.line,
                              body=body.value.display(), body_line=body.line)
    return None


def _why_lowered(rule: RuleBase, claims: list[Claim], clashing: list[Claim], lowered: Level = "warning",
                 given: Level = "error") -> list[Message]:
    """Why a disagreement is a warning, not an error (a `rounded` finding `lowered` from `given`): which
    clashing claim leaves which qualifier unstated (it joined the group it fits), or read it from
    elsewhere (the publish time); else which other claim of the group does (the group itself was
    formed by inference)."""
    named = list(dict.fromkeys(c.name for found in claims for c in found.context if c.value))
    whys = [(c, Message.of("why.title_subject")) for c in clashing if _subject_from_title(c)]
    if "metric" not in named:  # no claim names a line item: _unsure would not say so
        whys += [(c, Message.of("why.no_line_item")) for c in clashing if _no_line_item(rule, c)]
    whys += _unsure(named, clashing) or _unsure(named, claims)
    return [Message.of("detail.lowered", lowered=Message.of(f"level.{lowered}"), given=Message.of(f"level.{given}"),
                       claim=claim_said(c), why=why) for c, why in whys]


# one level down: a finding whose context is partly unknown is less certain (error → warning → info)
_LOWER: dict[Level, Level] = {"error": "warning", "warning": "info", "info": "info"}


def _unsure_pair(rule: RuleBase, a: Claim, b: Claim) -> bool:
    """Whether a pair's difference is less certain: a context one of them does not state but was read by
    inference (it joined the group it fits, or the publish time gave its day), a subject from the title,
    or no line item named. A disagreement is lowered from error to warning for it, a `rounded` pair (one
    step apart at the same precision: 4.38亿 vs 经调整……4.37亿, a figure on another basis as likely as a
    rounding) from warning to info."""
    return (any(c.inferred for c in (*a.context, *b.context))
            or any(_subject_from_title(c) or _no_line_item(rule, c) for c in (a, b)))


def _no_line_item(rule: RuleBase, found: Claim) -> bool:
    """Whether a claim of a rule about named line items (`metric:`, or cue words naming one) names
    none before its value: `公司同比增长10%` is read by every such rule, so what it measures is unknown
    and a clash it is in is less certain (a rule that must know says `require: [metric]`)."""
    return reads(rule, "metric") and not found.context_dict().get("metric")


def _subject_from_title(found: Claim) -> bool:
    """Whether a claim's subject was read from the title, not its sentence (kinds/subject_reading.title_subject):
    a clash it is in is less certain, as one with an inferred context is."""
    return SUBJECT_FROM_TITLE in found.note.split("; ")


def _unsure(named: list[str], claims: list[Claim]) -> list[tuple[Claim, Message]]:
    """Each claim that leaves a qualifier the others name unstated, or reads one by inference, and what it does."""
    lines = []
    for found in claims:
        own = found.context_dict()
        lacks = [name for name in named if not own.get(name)]
        read = [Message.of("why.reads_publish_time", name=Qualifier(c.name)) if c.evidence == "publish time"
                else Message.of("why.reads", name=Qualifier(c.name), evidence=c.evidence)
                for c in found.context if c.inferred and c.value]
        if lacks or read:
            said = [Message.of("why.lacks", names=listed(map(Qualifier, lacks), "sep.names"))] if lacks else []
            lines.append((found, Message.of("said.parts", parts=listed([*said, *read], "sep.semicolon"))))
    return lines


def _own_apart(kind: Kind[Any], rule: Any, by_article: dict[str, list[Claim]]) -> list[tuple[Claim, Claim]]:
    """(set aside, kept): a source's two values that disagree with each other in a group where every value
    agrees across sources (`2020年1月，何如意正式加入荣昌生物` and `2月13日，何如意正式加入扬子江药业` beside another
    source's `2020年`, which a yearless 2月13日 fits): they are not one figure, so the one agreeing with fewer
    of the other sources' values (the later, on a tie) is set aside, named as such, never chained as agreeing."""
    apart: list[tuple[Claim, Claim]] = []
    for article, claims in by_article.items():
        # each distinct value once: an article repeating a value 20,000 times costs one (_across_articles)
        own = list({c.value.display(): c for c in reversed(claims)}.values())[::-1]
        others = list({c.value.display(): c for a, cs in by_article.items() if a != article for c in cs}.values())
        met = {id(c): sum(kind.agree(rule, c.value, o.value) for o in others) for c in own}
        for i, first in enumerate(own):
            for second in own[i + 1:]:
                if kind.agree(rule, first.value, second.value):
                    continue
                kept, found = (second, first) if met[id(second)] > met[id(first)] else (first, second)
                if all(found is not f for f, _ in apart):
                    apart.append((found, kept))
    return apart


def _across_articles(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of claims from different articles, in the order of `combinations`.

    Claims arrive sorted by article, so each article's claims are one run: pairs
    start after that run, and an article repeating a value 20,000 times costs
    20,000 pairs against one other source, not 200 million."""
    run_end: dict[str, int] = {}
    for index, found in enumerate(claims):
        run_end[found.article] = index + 1
    for index, a in enumerate(claims):
        for b in claims[max(index + 1, run_end[a.article]):]:
            if b.article != a.article:
                yield a, b
