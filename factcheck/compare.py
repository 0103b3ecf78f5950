"""Stage 5: group claims across articles and compare them.

Claims are grouped by topic (rule, subject) and, inside a topic, by the
context the rule declares (market, session, day …). A claim whose context is
partly unknown joins the one group it is compatible with, if there is exactly
one and that is no snapshot of one minute (`as of 20:05`); its findings are then lowered to a warning, since the match is inferred.
Within a group the rule's kind judges the values (`Kind.judge`: intervals
for numbers and dates, labels for status, omissions for sets). Across groups of one topic, values that differ
because their contexts differ are reported at info level, so an editor sees
why 8.48% and 5% may both be true. Grouping is linear in the number of
claims; pairs are only formed inside a group.

Before grouping, two readings are settled across sources: a bare 元 a Hong Kong
paper wrote is renminbi where the topic's other sources say renminbi
(`renminbi_by_topic`), and a figure its sentence leaves unqualified beside a
qualified one is not of that qualifier (`contrasted`: 每股盈利0.51元；每股可比較盈利0.55元). Within one
source, a title's bare weekday is the coming one its own body dates the event on (`titles_by_their_body`:
王毅周三訪問英國 over 將於2月12日至17日訪問英國).
Two figures the story shows may be of different bases are shown as context with the why, not
as a disagreement: a sentence giving two figures of the topic that a qualifier tells apart
(`side_by_side`), or two sources differing on every figure of a line item they both give
(`other_basis`). One figure two sources give for different periods or years is a `period-differs`
warning (`factcheck/periods.py`): it cannot be both a quarter's and the year's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, permutations

from factcheck.kinds import KINDS
from factcheck.kinds.base import Reason, Unstated
from factcheck.kinds.currency import BARE_DOLLAR, DOLLARS, GUESSED
from factcheck.kinds.date import TO_COME, titles_by_their_body
from factcheck.kinds.former import became_state
from factcheck.kinds.matching import fold
from factcheck.kinds.reading import WRITTEN
from factcheck.kinds.session import EXTREMES
from factcheck.kinds.slips import slip
from factcheck.periods import clashes, written_time
from factcheck.records import (
    LEVEL_RANK,
    Arg,
    Claim,
    ContextValue,
    Detail,
    Finding,
    FindingKind,
    Level,
    Listed,
    Message,
    Pair,
    Qualifier,
    RuleBase,
    claim_said,
    listed,
)
from factcheck.values import DateValue, Quantity

ContextKey = tuple[tuple[str, str | None], ...]


@dataclass
class Group:
    key: ContextKey
    claims: list[Claim]
    inferred: bool = False  # some claims joined with part of their context unknown

    @property
    def articles(self) -> set[str]:
        return {c.article for c in self.claims}


# one topic ready to judge: its rule, subject, claims, groups and assumed qualifier values
Prepared = tuple[RuleBase, str, list[Claim], list[Group], dict[str, str]]


def compare(claims: Iterable[Claim], rules: dict[str, RuleBase]) -> list[Finding]:
    """Every finding the claims support, sorted most severe first."""
    topics: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in dollars_by_topic(renminbi_by_topic(titles_by_their_body(said_once(list(claims))))):
        # amounts in different currencies are never compared: 50亿美元（约合人民币364亿元） is one fact
        topics[(claim.rule_id, claim.subject, claim.value.topic_key())].append(claim)
    findings: list[Finding] = []
    prepared: list[Prepared] = []
    for (rule_id, subject, _), topic_claims in sorted(topics.items()):
        rule = rules[rule_id]
        topic_claims, incomplete = _split_incomplete(rule, subject, topic_claims)
        if incomplete:
            findings.append(incomplete)
        assumed = {spec.name: spec.assumed for spec in rule.context if spec.assumed}
        topic_claims = contrasted(rule, days_that_matter(rule, latest_states(rule, told_changes(rule, topic_claims))), assumed)
        groups = coming_apart(moments(rule, still_snapshots(rule, group_by_context(topic_claims, qualifier_names(rule), assumed))))
        plain = {id(c): u for c, u in zip(topic_claims, _unwritten(topic_claims), strict=True)}
        topic_claims = [plain[id(c)] for c in topic_claims]
        groups = [replace(g, claims=[plain[id(c)] for c in g.claims]) for g in groups]
        prepared.append((rule, subject, topic_claims, groups, assumed))
    apart = other_basis(prepared)
    for rule, subject, topic_claims, groups, assumed in prepared:
        unstated = _first_reason(_unstated_qualifier(rule, topic_claims, assumed),
                               side_by_side(rule, topic_claims), apart)
        compared = [(group, _compare_group(rule, subject, group, unstated)) for group in groups
                    if len(group.articles) >= 2]
        findings.extend(_extreme_passed(rule, subject, groups))
        findings.extend(fits_none(rule, subject, groups))
        differs = _context_differs(rule, subject, groups)
        if differs and _each_group_agrees(rule, groups, compared):
            differs = None  # every context's agreement already shows its value: nothing left to explain
        if differs:
            differs, compared = _one_context_finding(rule, differs, compared)
            findings.append(differs)
        findings.extend(found for _, found in compared)
        findings.extend(_period_differs(rule, subject, topic_claims))
    findings.extend(_currency_differs(topics, rules))
    findings.extend(_subject_differs({key: _unwritten(claims) for key, claims in topics.items()}, rules))
    return unique_ids(sorted(findings, key=finding_order))


_SPACE = re.compile(r"\s+")
_BREAKS = "，,。；;！？!?"
_LEAD = 6  # characters before the value that a copy and its source share
# the mark of a deck cut off (`…以节约成本...`, `降低…`): the words before it are a prefix of the body's
_CUT = re.compile(r"(?:…|⋯|\.{2,})+$")
_LOOKED_AT = 32  # lines of one statement key a later claim is compared with (a deck comes first)


def said_once(claims: list[Claim]) -> list[Claim]:
    """Claims with a copy of one statement in one article left out: a deck (front-matter `summary:`)
    most often copies the first paragraph, cut (`经观消费 2025年开局，…新门店正在装修，招牌醒...`), so
    its claim and the body's are one sentence said once, not two sources of a finding (round 13: kudi
    cited on line 4 and line 32); the mark of the cut (`...`, `…`) is no word of it (round 18, qq's
    `…以节约成本...` beside its body's `…以节约成本、简化业务…`). Of two claims of one article, rule, subject, value and context on
    different lines, one whose sentence holds the other's word for word (spaces and the closing break
    aside), the first said stays: the deck's, where its reader met it. Both stay in the claims read."""
    # per statement key and the words right before the value (a copy holds them too), each line's
    # sentences (a set: one line of 10,000 alike claims is one entry); a key's first lines only: an
    # article repeating one value in 4,000 sentences costs a bounded look each, not 4,000
    seen: dict[tuple[object, ...], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    kept: list[Claim] = []
    for found in sorted(claims, key=lambda c: (c.article, c.line)):
        text = _CUT.sub("", _SPACE.sub("", found.sentence).rstrip(_BREAKS)).rstrip(_BREAKS)
        before = _SPACE.sub("", found.sentence[:found.span[0]])[-_LEAD:]
        key = (found.article, found.rule_id, found.subject, found.value.display(), found.context, before)
        lines = seen[key]
        if any(line != found.line and any(other and (other in text or text in other) for other in texts)
               for line, texts in lines.items()):
            continue
        if found.line in lines or len(lines) < _LOOKED_AT:
            lines[found.line].add(text)
        kept.append(found)
    order = {id(c): i for i, c in enumerate(claims)}
    return sorted(kept, key=lambda c: order[id(c)])


def uncompared_rules(claims: Iterable[Claim], findings: Iterable[Finding] = ()
                     ) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(rule, its subjects, why) for each rule whose claims come from two sources or more but were never
    compared (no subject, in one currency, has claims from two sources) and which no finding speaks
    of: the summary says so, instead of staying silent. The same value under two subjects already has
    its context-differs finding (`_subject_differs`, with the examples), so its rule is not named twice;
    what is left are rules whose subjects' values differ too. `why` is `currencies` when a subject has
    claims from two sources in different currencies (251.6元 and 251.8港元: never converted, never
    compared), else `one-source`."""
    said = {f.rule_id for f in findings}
    articles: dict[str, set[str]] = defaultdict(set)
    topics: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for found in claims:
        articles[found.rule_id].add(found.article)
        topics[(found.rule_id, found.subject, found.value.topic_key())].add(found.article)
    compared = {rule for (rule, _, _), sources in topics.items() if len(sources) > 1}
    by_subject: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (rule, subject, _), sources in topics.items():
        by_subject[(rule, subject)] |= sources
    currencies = {rule for (rule, _), sources in by_subject.items() if len(sources) > 1}
    return tuple((rule, tuple(sorted({subject for (r, subject, _) in topics if r == rule})),
                  "currencies" if rule in currencies else "one-source")
                 for rule in sorted(articles) if len(articles[rule]) > 1 and rule not in compared | said)


def renminbi_by_topic(claims: list[Claim]) -> list[Claim]:
    """Claims whose bare 元 was read in the outlet's currency (HKD in a zh-HK paper), read as
    renminbi when the other sources of the topic state renminbi and never that currency.

    A Hong Kong paper writing about an A-share company's market value or a mainland box office
    writes 元 for RMB: `市值……增至逾836億元` is compared with `市值涨至849亿元`. When some source
    states the outlet's currency for the topic (港元), the guess stands."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for found in claims:
        if isinstance(found.value, Quantity) and found.value.unit_from not in GUESSED:
            stated[(found.rule_id, found.subject)].add(found.value.unit)
    read: list[Claim] = []
    for found in claims:
        value = found.value
        units = stated.get((found.rule_id, found.subject), set())
        if (isinstance(value, Quantity) and value.unit_from in GUESSED - {BARE_DOLLAR} and "CNY" in units
                and value.unit not in units):
            note = "; ".join(n for n in (found.note, f"元 read as CNY: other sources state renminbi, none {value.unit}") if n)
            found = replace(found, value=replace(value, unit="CNY", unit_from="topic"), note=note)
        read.append(found)
    return read


def dollars_by_topic(claims: list[Claim]) -> list[Claim]:
    """Claims whose `$` alone was read as USD, read as the other dollar another source of the topic
    states the same number in: `Underlying NPAT up 117.2% to $9.0 million` in an Australian outlet
    is the `A$9 million` of another, not a US$9 million at odds with its `($5.65 million)`. A `$` of
    no known currency (an article of a dollar market) is read so as the US dollar too."""
    stated: dict[tuple[str, str], set[tuple[str, object]]] = defaultdict(set)
    for found in claims:
        if (isinstance(found.value, Quantity) and found.value.unit in DOLLARS | {"USD"}
                and found.value.unit_from not in GUESSED):
            stated[(found.rule_id, found.subject)].add((found.value.unit, found.value.value))
    read: list[Claim] = []
    for found in claims:
        value = found.value
        if isinstance(value, Quantity) and value.unit_from == BARE_DOLLAR:
            units = sorted(unit for unit, number in stated.get((found.rule_id, found.subject), ())
                           if number == value.value and unit != value.unit)
            if len(units) == 1:
                note = "; ".join(n for n in (found.note, f"$ read as {units[0]}: another source states the same number in {units[0]}") if n)
                found = replace(found, value=replace(value, unit=units[0], unit_from="topic"), note=note)
        read.append(found)
    return read


def days_that_matter(rule: RuleBase, claims: list[Claim]) -> list[Claim]:
    """Claims of a rule that reads a day only by default (a status with no `day:` key), with the
    day dropped when every claim of the topic reports the same state.

    The day is there so that `百度12日不予置评` and `百度13日证实` are read as two days' states, not
    a conflict, and so that a state one source names with no day (`……将宣布`, written before the
    day others say `宣布`) is shown beside the dated ones, not against them. A standing state all
    sources agree on (正在筹划重组) under each outlet's dateline (`东風集團昨晚(9日)公布`) has
    nothing for the day to tell apart: kept, it split one agreement into one group a day."""
    if rule.day is None or not rule.day.implied or len(claims) < 2:
        return claims
    if len({c.value.display() for c in claims}) > 1:
        return claims  # two states, even compatible ones (未回应 at 13:01, 不置可否 that day), are shown by day
    return [replace(c, context=tuple(v for v in c.context if v.name != "day")) for c in claims]


def finding_order(finding: Finding) -> tuple[int, str, str, str, str]:
    """Most severe first, then by rule, subject, kind and id: the order of every report."""
    return -LEVEL_RANK[finding.level], finding.rule_id, finding.subject, finding.kind, finding.id


def qualifier_names(rule: RuleBase) -> tuple[str, ...]:
    names = [spec.name for spec in rule.context]
    if rule.day:
        names.append("day")
    return tuple(names)


def contrasted(rule: RuleBase, claims: list[Claim], assumed: dict[str, str]) -> list[Claim]:
    """Claims whose sentence qualifies another figure of the topic and not theirs, marked as not of it.

    `每股盈利0.51元；每股可比較盈利0.55元`: a sentence that says 可比 of one figure and nothing
    of another, different one, tells the two apart: the unmarked 0.51 is not the comparable
    figure (it is the reported one), so it never joins the comparable group. It takes the
    value `not <v>` (inferred), only when the sentence states one value of the qualifier and
    the two claims agree on every other qualifier. A qualifier with an assumed value (the
    built-in measure: unmarked means actual) already tells them apart. Only a qualifier of one
    or two values (accounting: adjusted or reported) is told apart so: `not q4` of a period
    names no other value, so the claim would fit no group and no comparison."""
    names = [spec.name for spec in rule.context if spec.name not in assumed and len(spec.values) <= 2]
    by_sentence: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for index, found in enumerate(claims):
        by_sentence[(found.article, found.line, found.sentence)].append(index)
    marked = list(claims)
    for indexes in by_sentence.values():
        if len(indexes) < 2:
            continue
        for name in names:
            stated = {claims[i].context_dict().get(name) for i in indexes} - {None}
            if len(stated) != 1:
                continue
            [value] = stated
            holders = [claims[i] for i in indexes if claims[i].context_dict().get(name)]
            for i in indexes:
                mine = claims[i].context_dict()
                if name in mine:
                    continue
                if any(_same_but(mine, h.context_dict(), name) and not values_agree(claims[i], h, rule)
                       for h in holders):
                    note = ContextValue(name, f"not {value}", f"another figure of the sentence is {value}", True)
                    marked[i] = replace(marked[i], context=(*marked[i].context, note))
    return _contrasted_across(rule, marked) if "accounting" in names else marked


def _contrasted_across(rule: RuleBase, claims: list[Claim], name: str = "accounting") -> list[Claim]:
    """Claims that leave the accounting basis unsaid and differ from every figure other sources
    state on one basis (adjusted or reported), marked as not of it.

    `奈雪……经调整净利润……变为亏损4.37亿元` (红餐网) against `录得4.38亿元的净亏损` (科创板日报): the
    adjusted loss and the reported one are two line items a step apart, not one figure rounded. A
    figure that agrees with a source's adjusted one is that figure with the word left out, and stays
    unknown; one that differs from all of them is read as the other basis (`not adjusted`, inferred),
    so the pair is shown as context. Not when a source stating the basis also gives an unmarked figure
    of its own: that figure is its other basis, and the unmarked ones are compared with it.

    Only the accounting basis, a closed class with a convention behind it: an adjusted (or non-GAAP)
    figure is named so, and the unmarked line item is the reported one. An unstated market, session
    or period means no such thing, so such a claim still joins the group it fits, at warning."""
    marked = list(claims)
    stating = [c for c in claims if c.context_dict().get(name)]
    for i, found in enumerate(claims if stating else ()):
        mine = found.context_dict()
        if name in mine:
            continue
        holders = [h for h in stating if h.article != found.article and _same_but(mine, h.context_dict(), name)]
        values = {h.context_dict()[name] for h in holders}
        if len(values) != 1 or any(values_agree(found, h, rule) for h in holders):
            continue
        if any(c.article in {h.article for h in holders} and name not in c.context_dict()
               and _same_but(mine, c.context_dict(), name) for c in claims):
            continue  # the stating source gives an unmarked figure too: compared with that one
        [value] = values
        why = f"{holders[0].outlet} ({holders[0].article}:{holders[0].line}) gives the {value} figure"
        marked[i] = replace(found, context=(*found.context, ContextValue(name, f"not {value}", why, True)))
    return marked


def _same_but(mine: dict[str, str], theirs: dict[str, str], name: str) -> bool:
    """Whether two claims' contexts agree on every qualifier but `name` (unknown fits anything)."""
    return all(mine.get(n) is None or theirs.get(n) is None or mine[n] == theirs[n]
               for n in set(mine) | set(theirs) if n != name)


def _split_incomplete(rule: RuleBase, subject: str, claims: list[Claim]) -> tuple[list[Claim], Finding | None]:
    """Claims that state every qualifier the rule requires, and one info finding listing the others."""
    if not rule.require:
        return claims, None
    complete: list[tuple[Claim, list[str]]] = []
    missing: list[tuple[Claim, list[str]]] = []
    for claim in claims:
        lacks = [name for name in rule.require if not claim.context_dict().get(name)]
        (missing if lacks else complete).append((claim, lacks))
    if not missing:
        return claims, None
    ordered = sorted(missing, key=lambda pair: _claim_order(pair[0]))
    lacking = {tuple(lacks) for _, lacks in ordered}
    # one line a claim only when they lack different qualifiers: each claim is listed with its quote already
    # (round 20, NOTES_B: a data release's 10 claims were each shown twice)
    details = [Message.of("detail.lacks", claim=claim_said(c), names=_names(lacks))
               for c, lacks in ordered] if len(lacking) > 1 else []
    said = next(iter(lacking)) if len(lacking) == 1 else rule.require
    finding = _finding(rule, subject, "incomplete", "info", (), [c for c, _ in ordered],
                       Message.of("finding.incomplete", n=len(ordered), names=_names(said)), details)
    return [c for c, _ in complete], finding


def group_by_context(claims: list[Claim], names: tuple[str, ...],
                     assumed: dict[str, str] | None = None) -> list[Group]:
    """Claims split by the qualifiers they state; a partly unknown claim joins the one group it fits
    (a complete one, else the one partly unknown group that states all it states and more).

    Only qualifiers some claim of the topic states take part: declaring one no
    sentence states must not change a result. A group whose key is still partly
    unknown is `inferred`, so its disagreements are lowered to warning. An `assumed`
    value (the built-in measure: unmarked means actual) fills a qualifier a claim
    does not state, so a forecast never absorbs the unmarked figures.
    """
    stated = {c.name for claim in claims for c in claim.context if c.value}
    names = tuple(name for name in names if name in stated)
    by_key: dict[ContextKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        known = {**(assumed or {}), **claim.context_dict()}
        by_key[tuple((name, known.get(name)) for name in names)].append(claim)
    complete = {key: Group(key, list(items)) for key, items in by_key.items()
                if all(value is not None for _, value in key)}
    groups = list(complete.values())
    # the most stated first: a claim that leaves more unknown may join a partly unknown group that
    # states all it states and more (信报 `2024年全年…4.4%` with no region joins `新加坡…去年…4.4%`)
    partial = sorted((kv for kv in by_key.items() if kv[0] not in complete),
                     key=lambda kv: (-_known(kv[0]), repr(kv[0])))
    for key, items in partial:
        fits = fitting(key, groups)
        if len(fits) == 1 and not _snapshot_of_unknown(key, fits[0].key) and not _extreme_of_unknown(key, fits[0].key):
            earlier = [c for c in items if _written_before(c, fits[0].key)]
            fits[0].claims.extend(c for c in items if not _written_before(c, fits[0].key))
            fits[0].inferred = True
            if earlier:
                groups.append(Group(key, earlier, inferred=True))
        else:
            groups.append(Group(key, list(items), inferred=True))
    return sorted(groups, key=lambda g: repr(g.key))


_SNAPSHOT = re.compile(r"(\d{4}-\d{2}-\d{2}) as of (\d{2}:\d{2}(?:, \d{2}:\d{2})*)")


def _snapshot_of(key: ContextKey) -> tuple[str, tuple[str, ...]] | None:
    """The date and the minutes of a group's snapshot day (`2025-02-10 as of 11:24`); None for any other day."""
    day = dict(key).get("day")
    found = _SNAPSHOT.fullmatch(day) if day else None
    return (found.group(1), tuple(found.group(2).split(", "))) if found else None


def still_snapshots(rule: RuleBase, groups: list[Group]) -> list[Group]:
    """Snapshots of one day (`2025-02-10 as of 11:24`, `as of 11:35`) joined into one group when
    every value they hold agrees: a figure read twice that day with the same value did not move
    between the readings (a fixing, an operation, a price that held), so the sources agree on it;
    differing values stay apart, two readings shown side by side (docs/rules.md, "A snapshot")."""
    buckets: dict[ContextKey, list[Group]] = defaultdict(list)
    for group in groups:
        found = _snapshot_of(group.key)
        rest = tuple((k, found[0] if k == "day" and found else v) for k, v in group.key)
        buckets[(*rest, ("", "snapshot" if found else repr(group.key)))].append(group)
    joined: list[Group] = []
    for bucket in buckets.values():
        claims = [c for g in bucket for c in g.claims]
        if len(bucket) < 2 or not all(values_agree(a, b, rule) for a, b in combinations(claims, 2)):
            joined.extend(bucket)
            continue
        readings = [found for g in bucket if (found := _snapshot_of(g.key))]
        minutes = ", ".join(sorted({m for _, times in readings for m in times}))
        key = tuple((k, f"{readings[0][0]} as of {minutes}" if k == "day" else v) for k, v in bucket[0].key)
        joined.append(Group(key, claims, inferred=any(g.inferred for g in bucket)))
    return sorted(joined, key=lambda g: repr(g.key))


def latest_states(rule: RuleBase, claims: list[Claim]) -> list[Claim]:
    """With `progression: true`, one article telling the sequence (`法院已立案受理…` and `…因此提起诉讼`
    in 第一财经) claims its latest state: the earlier ones it tells are its history, not a second
    claim of the present to hold against other sources (NOTES_A round 20, note 5). Per article and
    context (the day a state is dated aside: `2月10日晚间…已立案受理` and an undated `因此提起诉讼` tell one
    history), claims of a state listed before the latest one it gives are left out of the comparison;
    they stay in the claims read."""
    if not getattr(rule, "progression", False):
        return claims
    order = {label: index for index, (label, _) in enumerate(getattr(rule, "states", ()))}

    def history(found: Claim) -> tuple[object, ...]:
        return (found.article, *(v for v in found.context if v.name not in ("day", WRITTEN)))

    latest: dict[tuple[object, ...], int] = {}
    for found in claims:
        latest[history(found)] = max(latest.get(history(found), -1), order.get(found.value.display(), -1))
    return [c for c in claims if order.get(c.value.display(), -1) >= latest[history(c)]]


def told_changes(rule: RuleBase, claims: list[Claim]) -> list[Claim]:
    """A status rule's claims with the states an article says were left out where it tells the change:
    界面 tells `何如意在荣昌生物的职务也变更为首席战略官` and, earlier, `作为荣昌生物的首席医学官，何如意有着…工作履历`
    (his years as CMO); the source holds the CSO post to be his, so its CMO is history, not a claim of the
    present to set against other sources' CSO (round 22, rongchang-bio: the truth's F4.9 tells the change).
    Per article and context (the day a state is dated kept: states of other days are compared as ever),
    where a state follows a verb of becoming (变更为, 转任, 升任 …: kinds/former.became_state), claims of
    the other states are left out of the comparison; they stay in the claims read. `progression`
    (latest_states) is the same reading when the rule lists the order instead of the text telling it."""
    if rule.kind != "status":
        return claims

    def history(found: Claim) -> tuple[object, ...]:
        return (found.article, *(v for v in found.context if v.name != WRITTEN))

    became: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for found in claims:
        if became_state(fold(found.sentence), found.span[0]):
            became[history(found)].add(found.value.display())
    if not became:
        return claims
    return [c for c in claims if not became.get(history(c)) or c.value.display() in became[history(c)]]


def moments(rule: RuleBase, groups: list[Group]) -> list[Group]:
    """A status rule's groups with a progression told apart by the days its sources wrote: with
    `progression: true` (the states listed in the order a thing passes through them, 筹备中 before
    推出), a source that wrote earlier giving an earlier state and one that wrote later giving a
    later state tell a change over time, shown side by side, not a conflict. Only when every pair
    of differing states runs forward so (written on different days, the earlier day the earlier
    state); a later source giving an earlier state, or two states of one day, stay compared."""
    order = {label: index for index, (label, _) in enumerate(getattr(rule, "states", ()))}
    if not getattr(rule, "progression", False):
        return groups
    split: list[Group] = []
    for group in groups:
        states = {c.value.display() for c in group.claims}
        written = [c.context_dict().get(WRITTEN) for c in group.claims]
        if len(states) < 2 or None in written or not _runs_forward(group.claims, order):
            split.append(group)
            continue
        for state in sorted(states, key=lambda label: order.get(label, len(order))):
            claims = [c for c in group.claims if c.value.display() == state]
            days = sorted({c.context_dict()[WRITTEN] for c in claims})
            split.append(Group((*group.key, (WRITTEN, " .. ".join(dict.fromkeys((days[0], days[-1]))))), claims,
                               inferred=True))
    return split


EVENT = "event"  # a group key's last element when a group is split into a past event and one to come


def coming_apart(groups: list[Group]) -> list[Group]:
    """Groups with the dates their sources give as to come (`將在往後兩周內…宣布`) apart from the days
    other sources date before them (`2月12日…发布公告`): a coming event is not one already past, so the
    two are shown side by side (context), never as a disagreement (NOTES_A chevron #3). Only when every
    such pair of two sources is so ordered: a coming day that another source also gives stays compared."""
    split: list[Group] = []
    for group in groups:
        coming = [c for c in group.claims if c.to_come]
        past = [c for c in group.claims if not c.to_come]
        pairs = [(c, p) for c in coming for p in past if c.article != p.article]
        if not pairs or not all(_past_when_written(p.value, c) for c, p in pairs):
            split.append(group)
            continue
        split.append(Group((*group.key, (EVENT, "past")), past, group.inferred))
        split.append(Group((*group.key, (EVENT, TO_COME)), coming, group.inferred))
    return split


def _past_when_written(day: object, coming: Claim) -> bool:
    """Whether `day` was no longer to come when the source of the day to come wrote it (on or before its
    publish day, as the date reader counts a day to come: kinds/date.py `_to_come`). A day still to come
    then (another source's 2月18日宣布 beside 将于2月20日宣布 written on 13 February) may be the very event
    planned, moved, so the two stay compared (review #7)."""
    return isinstance(day, DateValue) and coming.written is not None and day.end <= coming.written


def _runs_forward(claims: list[Claim], order: dict[str, int]) -> bool:
    """Whether every two claims of different states were written on different days, the earlier
    state on the earlier day."""
    for a in claims:
        for b in claims:
            state_a, state_b = order.get(a.value.display(), -1), order.get(b.value.display(), -1)
            if state_a < state_b and not a.context_dict()[WRITTEN] < b.context_dict()[WRITTEN]:
                return False
    return True


def _unwritten(claims: list[Claim]) -> list[Claim]:
    """Claims without the day they were written: it only keeps a state from a later day's group (it is
    no qualifier of the rule, and a finding shows the publish dates of its sources already)."""
    return [replace(c, context=tuple(v for v in c.context if v.name != WRITTEN))
            if any(v.name == WRITTEN for v in c.context) else c for c in claims]


def _written_before(claim: Claim, key: ContextKey) -> bool:
    """Whether a claim that states no day was written before the day of the group it would join: a
    state a source published on 10 February with no day (正在紧锣密鼓地筹备中) is not of 13 February,
    when another says 今日宣布…推出; the two are moments of a progression, shown side by side."""
    written = claim.context_dict().get(WRITTEN)
    day = dict(key).get("day")
    return bool(written and day and day[:10] > written and len(day) >= 10 and day[4] == "-")


def fitting(key: ContextKey, groups: list[Group]) -> list[Group]:
    """The groups a claim of partly unknown context `key` could join: the complete groups it is
    compatible with, else the partly unknown ones that state all it states and more."""
    alike = [g for g in groups if len(g.key) == len(key) and g.key != key]
    complete = [g for g in alike if _known(g.key) == len(g.key)]
    fits = [g for g in complete if _compatible(key, g.key)]
    return fits or [g for g in alike if g not in complete and _known(g.key) > _known(key) and _compatible(key, g.key)]


def fits_none(rule: RuleBase, subject: str, groups: list[Group]) -> list[Finding]:
    """A claim of partly unknown context that fits several groups and differs from every value
    another source gives in them: a disagreement at warning (or `rounded`), never context alone.

    `欧佩克目前预计需求将增长145万桶/日` states no year; another source's `预测2025年、2026年石油消费量均将增长
    140万桶/日` gives 140万 for 2025 and for 2026. Whichever year 145万 is of, it is not 140万 as
    written, yet it joined neither group and was shown as context only (NOTES_B #18). Only where the
    other sources' values in those groups are one figure: where they differ (a valuation of 2.2亿 in
    2019-12 and 32.2亿 in 2022-03), a figure of no day may be another point of the series (2020's 4亿),
    shown beside them as before. So is a claim that agrees with some value of a group it fits (its own
    source's too: a title restating the body's figure, which the body qualifies), and one whose fitting
    groups hold only its own source's values (a source is never compared with itself)."""
    kind = KINDS[rule.kind]
    if kind.name == "set":  # a list naming fewer members is an omission, judged within its group
        return []
    order = {"loose": 0, "rounded": 1, "conflict": 2}
    findings: list[Finding] = []
    for group in groups:
        fits = fitting(group.key, groups) if _known(group.key) < len(group.key) else []
        if len(fits) < 2:
            continue  # the one group it fits and did not join (a snapshot, an extreme, a later day): kept apart
        if rule.day and rule.day.implied and dict(group.key).get("day", "") is None:
            continue  # a state named with no day is shown beside the dated ones (`days_that_matter`)
        clashing: list[tuple[Claim, str]] = []  # (its claim, how near it comes to any group: its best pair)
        pairs: list[tuple[Claim, Claim, str]] = []  # (its claim, another source's, how they differ)
        compared: list[Group] = []
        for own in sorted(group.claims, key=_claim_order):
            theirs = [g for g in fits if any(o.article != own.article for o in g.claims)]
            others = [o for g in theirs for o in g.claims if o.article != own.article]
            # a value of its own source counts: the source states the figure again with the qualifier (its
            # title's 仅厚8.93mm is its body's 最薄8.93mm, never the other source's 素皮 9.35mm)
            if not others or any(values_agree(own, o, rule) for g in fits for o in g.claims):
                continue
            if not all(values_agree(a, b, rule) for a, b in combinations(others, 2)):
                continue  # the groups' own figures differ (a series over time): it may be another point of it
            how = {id(o): "loose" if kind.approximates(rule, own.value, o.value)
                   else "rounded" if kind.rounded(rule, own.value, o.value) else "conflict" for o in others}
            nearest = min(max((how[id(o)] for o in g.claims if o.article != own.article), key=order.__getitem__)
                          for g in theirs)  # the group whose every value comes nearest: loose, rounded or a clash
            clashing.append((own, nearest))
            pairs.extend((own, o, how[id(o)]) for o in others)
            compared.extend(g for g in theirs if g not in compared)
        if not clashing:
            continue
        unknown = tuple(name for name, value in group.key if value is None)
        claims = sorted({id(c): c for c in [*(c for c, _ in clashing), *(o for _, o, _ in pairs)]}.values(),
                        key=_claim_order)
        values = list(dict.fromkeys(c.value.display() for c in claims))
        context = tuple((k, v) for k, v in group.key if v is not None)
        said = Message.of("said.fits_groups", values=listed(dict.fromkeys(c.value.display() for c, _ in clashing),
                                                            "sep.comma"),
                          names=_names(unknown), fits=listed((_context_said(tuple((k, v) for k, v in g.key if k in unknown))
                                                              for g in compared), "sep.and"))
        details: list[Detail] = []
        for a, b, near in pairs:  # a clash is its pair; a pair at another precision says so after it, in prose
            pair = Pair.of(a, b, _context_text(tuple((k, v) for k, v in b.context_dict().items() if k in unknown)))
            details.append(pair if near == "conflict" else Message.of(f"detail.pair_{near}", pair=pair))
        nearest = max((how for _, how in clashing), key=order.__getitem__)
        if nearest == "loose" and kind.name == "date":
            continue  # a vague date (日前) is shown beside a day, never against it, nor "rounded"
        if nearest != "conflict":  # each may be the figure of a group it fits, written at another precision
            level: Level = "info" if nearest == "loose" or rule.level == "info" else rule.rounded_level or "warning"
            findings.append(_finding(rule, subject, "rounded", level, context, claims,
                                     Message.of("finding.fits_groups_rounded", said=said,
                                                values=listed(values, "sep.tilde")),
                                     details, unknown=unknown))
            continue
        level = "warning" if rule.level == "error" else rule.level
        findings.append(_finding(rule, subject, "disagreement", level, context, claims,
                                 Message.of("finding.disagree", values=listed(values, "sep.vs")),
                                 [*details, Message.of("detail.fits_groups", said=said)], unknown=unknown))
    return findings


def _known(key: ContextKey) -> int:
    return sum(value is not None for _, value in key)


def _compatible(partial: ContextKey, full: ContextKey) -> bool:
    return all(a is None or a == b for (_, a), (_, b) in zip(partial, full, strict=True))


def _snapshot_of_unknown(partial: ContextKey, full: ContextKey) -> bool:
    """Whether a claim that states no day would join a snapshot of one minute (`2025-02-07 as of
    20:05`: 截至目前，……均未回应): a state or figure said as of writing is that minute's, and a
    source that names no day may well write days later, so it is another reading, shown beside it."""
    return any(name == "day" and a is None and b is not None and " as of " in b
               for (name, a), (_, b) in zip(partial, full, strict=True))


def _extreme_of_unknown(partial: ContextKey, full: ContextKey) -> bool:
    """Whether a claim that leaves a qualifier unknown would join a group that states the day's
    extreme by it (`measure=high`): a figure with no high word may well be the latest price
    (截至发稿，现货黄金上涨1.2%，至2,895.38美元 beside 最高涨至2895.7美元), so it is shown beside it."""
    return any(a is None and b in EXTREMES for (_, a), (_, b) in zip(partial, full, strict=True))


def values_agree(a: Claim, b: Claim, rule: RuleBase) -> bool:
    """Whether two claims' values can both be true of the same fact (as the rule's kind sees it)."""
    return KINDS[rule.kind].agree(rule, a.value, b.value)


def _unstated_qualifier(rule: RuleBase, claims: list[Claim], assumed: dict[str, str]) -> Unstated:
    """For two claims: a qualifier both leave unknown that other claims state, and by which one
    of them may be told from the other ("" when none).

    `每股收益為0.55美元` and `每股盈利0.51元` state no accounting basis; where other sources write
    `可比每股收益0.55美元`, the first is the comparable figure with 可比 left out, and the second may
    well be the other basis. A value that agrees with claims stating the qualifier while the other
    value does not is that evidence: the pair is shown as context, not as a disagreement."""
    names = [n for n in qualifier_names(rule) if any(c.context_dict().get(n) for c in claims)]
    known = {id(c): {**assumed, **c.context_dict()} for c in claims}
    kind = KINDS[rule.kind]

    def fits(c: Claim, x: Claim, name: str) -> bool:
        return all(known[id(c)].get(n) in (None, known[id(x)].get(n)) or known[id(x)].get(n) is None
                   for n in names if n != name) and kind.agree(rule, c.value, x.value)

    # the claims stating each qualifier: found once, not per pair asked (quadratic in a large group)
    stating = {name: [c for c in claims if known[id(c)].get(name)] for name in names}

    def unstated(a: Claim, b: Claim) -> Reason:
        for name in names:
            if known[id(a)].get(name) or known[id(b)].get(name):
                continue
            if any(fits(c, a, name) != fits(c, b, name) for c in stating[name]):
                return Reason(qualifier=name)
        return Reason()

    return unstated


def _first_reason(*reasons: Unstated) -> Unstated:
    """The first reason any of `reasons` gives why two claims may be of different figures (empty when none)."""
    def told(a: Claim, b: Claim) -> Reason:
        return next((why for why in (reason(a, b) for reason in reasons) if why), Reason())
    return told


def _stated(claim: Claim, name: str) -> bool:
    """Whether a claim's own words state qualifier `name` (not a default, not inferred)."""
    return any(c.name == name and c.value and c.evidence != "default" and not c.inferred for c in claim.context)


# qualifiers that say when a figure is and whether it is actual, not what it counts
_NO_BASIS = frozenset({"day", "period", "year", "measure", "basis", "metric"})
# a word of a time: 2024财年, 一季度, 12月, 前一个月, FY2024, Q4, full year, a date
_TIME_WORD = re.compile(r"[年季月日周\d]|(?i:fy|q[1-4]|h[12]\b|year|quarter|month|week|day)")


def _no_basis(rule: RuleBase, name: str) -> bool:
    """Whether qualifier `name` says when a figure is (or whether it is actual), not what it counts:
    a built-in name, or one of the rule's own whose every word names a time (`fy: {fy2024: [2024财年]}`,
    `month: {2024-12: [12月]}`). Judged by the words, since a rule writer names a qualifier freely."""
    if name in _NO_BASIS:
        return True
    words = [w for spec in rule.context if spec.name == name for _, ws in spec.values for w in ws]
    return bool(words) and all(_TIME_WORD.search(w) for w in words)


def side_by_side(rule: RuleBase, claims: list[Claim]) -> Unstated:
    """Two claims that leave a qualifier unsaid, where one source gives two figures of the topic
    that this qualifier alone tells apart, side by side in one sentence: they may be of either.

    `雪佛龙在全球拥有超4万名员工，此外在服务站还有大约5400名员工` shows the workforce has more than one
    basis (staff of the company, staff of its service stations): another source's 46,500 that
    says neither may count both, so 40,212 vs 46,500 is shown as context, with that sentence as
    the why. Time and measure are no basis (`_no_basis`): a sentence giving this quarter's figure
    and the year-ago one (`净利润21.95亿美元，前值为19.73亿美元`) or two periods tells those apart outright."""
    by_sentence: dict[tuple[str, int, str], list[Claim]] = defaultdict(list)
    for found in claims:
        by_sentence[(found.article, found.line, found.sentence)].append(found)
    said: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[dict[str, str], Message]] = {}  # → figures' context, why
    for (article, line, _), items in sorted(by_sentence.items()):
        for name in sorted(n for n in {n for found in items for n in found.context_dict()} if not _no_basis(rule, n)):
            # one figure per value of the qualifier, among figures alike in every other qualifier:
            # linear in a sentence's figures (a line of 9,000 figures has no 40 million pairs)
            alike: dict[tuple[tuple[str, str], ...], dict[str, Claim]] = defaultdict(dict)
            for found in items:
                context = found.context_dict()
                if name not in context:
                    continue
                held = alike[tuple(sorted((k, v) for k, v in context.items() if k != name))]
                if context[name] not in held or (_stated(found, name) and not _stated(held[context[name]], name)):
                    held[context[name]] = found
            for others, held in alike.items():
                for one, other in combinations(held.values(), 2):
                    if ((name, others) not in said and (_stated(one, name) or _stated(other, name))
                            and not values_agree(one, other, rule)):
                        mine, theirs = one.context_dict(), other.context_dict()
                        marked = [Message.of("said.marked", value=c.value.display(), marks=Message.of(
                            "said.qualifier", name=Qualifier(name), value=context[name]))
                                  for c, context in ((one, mine), (other, theirs))]
                        said[(name, others)] = (mine, Message.of("why.side_by_side", name=Qualifier(name),
                                                                 outlet=one.outlet, place=f"{article}:{line}",
                                                                 one=marked[0], other=marked[1]))

    def unsaid(a: Claim, b: Claim) -> Reason:
        """Why, when neither states the qualifier and both are of the figures' line item, period …"""
        return next((Reason(why=why) for (name, _), (figures, why) in said.items()
                     if not _stated(a, name) and not _stated(b, name)
                     and _same_but(a.context_dict(), figures, name) and _same_but(b.context_dict(), figures, name)),
                    Reason())
    return unsaid


_BASIS_KINDS = ("number", "count")  # figures of a line item; a status or a date has no basis
_MIN_FIGURES = 2  # one figure apart may be a slip; every figure apart is a pattern


def other_basis(prepared: list[Prepared]) -> Unstated:
    """Two sources that give different figures of one line item on each of the figures they both
    give (two at least, across the rules about it) and agree on none: told apart as two bases.

    A slip changes one figure; a basis (total vs attributable profit, group vs listed company)
    shifts them all. A source giving 2023 net profit growth of 41.5% where another says 43.58%,
    and nine-month growth of 19.2% where it says 15.59%, reports another line item under the same
    name, as an editor reads it: their pairs are shown as context with that pattern as the why,
    never as a disagreement. Two sources that agree on any figure of the line item share a basis,
    so what they differ on stays a disagreement; so do two whose figures differ by a slip of
    writing (175.5亿 vs 1755.43亿, kinds/slips.py). A third source that gives one of the two
    figures of a group (`總收益則升3%`, the HK$ filing's 3.16% rounded) shares that source's basis
    against the other (`_sides_taken`)."""
    apart: dict[tuple[str, str, str, str], list[Message]] = defaultdict(list)  # (subject, item, article, article)
    agreeing: set[tuple[str, str, str, str]] = set()
    item_of: dict[int, str] = {}  # id of a compared claim → its line item (the group's metric, else the rule)
    compared: list[tuple[RuleBase, str, str, dict[str, list[Claim]]]] = []  # each group's claims by article
    for rule, subject, _, groups, _ in prepared:
        kind = KINDS[rule.kind]
        if kind.name not in _BASIS_KINDS:
            continue
        for group in groups:
            if len(group.articles) < 2:
                continue
            item = dict(group.key).get("metric") or rule.id
            item_of.update((id(c), item) for c in group.claims)
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for found in group.claims:
                by_article[found.article].append(found)
            compared.append((rule, subject, item, by_article))
            for one, other in combinations(sorted(by_article), 2):
                key = (subject, item, one, other)
                mine, theirs = by_article[one], by_article[other]
                if any(kind.agree(rule, m.value, o.value) or kind.rounded(rule, m.value, o.value)
                       or kind.approximates(rule, m.value, o.value) or slip(m.value, o.value) is not None
                       for m in mine for o in theirs):
                    agreeing.add(key)  # one basis: they agree somewhere, or differ by a slip (×10)
                else:
                    apart[key].append(Message.of("said.vs", one=mine[0].value.display(), other=theirs[0].value.display()))
    shown = {key: found for key, found in apart.items() if key not in agreeing and len(found) >= _MIN_FIGURES}
    taken = _sides_taken(compared, shown, agreeing)

    def another(a: Claim, b: Claim) -> Reason:
        item = item_of.get(id(a), "")
        one, other = sorted((a, b), key=lambda c: c.article)
        key = (a.subject, item, one.article, other.article)
        found = shown.get(key)
        if not found:
            return Reason(why=taken.get(key))
        return Reason(why=Message.of("why.other_basis", one=Message.of("said.article", outlet=one.outlet, article=one.article),
                                     other=Message.of("said.article", outlet=other.outlet, article=other.article),
                                     n=len(found), item=item, figures=listed(found, "sep.list")))
    return another


def _sides_taken(compared: list[tuple[RuleBase, str, str, dict[str, list[Claim]]]],
                 shown: dict[tuple[str, str, str, str], list[Message]],
                 agreeing: set[tuple[str, str, str, str]]) -> dict[tuple[str, str, str, str], Message]:
    """Pairs of sources told apart because one of them gives, in a group, the figure of a source that is
    on another basis than the other (`other_basis`): the why of each.

    MGM China's Q4 revenue grew 3.16% in the HK$ filing (jinwucj) and 4% in the parent's US$ report
    (智通财经), which differ on each figure they both give; now TV's `總收益則升3%` is the 3.16%
    rounded, so its 3% against the 4% is the same two bases, not a slip of its own. Only a source
    that never agrees with the other one anywhere on the line item takes a side."""
    taken: dict[tuple[str, str, str, str], Message] = {}
    apart: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (subject, item, article) → its other-basis sources
    for subject, item, one, other in shown:
        apart[subject, item, one].add(other)
        apart[subject, item, other].add(one)
    for rule, subject, item, by_article in compared:
        if not any((subject, item, article) in apart for article in by_article):
            continue  # no two sources of the group on two bases: no side to take
        for third, other in permutations(sorted(by_article), 2):
            sides = sorted(apart.get((subject, item, other), set()) & set(by_article) - {third})
            key = _pair_key(subject, item, third, other)
            if not sides or key in shown or key in agreeing or key in taken:
                continue
            for side in sides:  # only the sources on another basis than `other`: not every source of the group
                pair = _pair_key(subject, item, side, other)
                same = _given_alike(rule, by_article[third], by_article[side])
                if same is not None:
                    taken[key] = Message.of(
                        "why.side_taken", third=Message.of("said.article", outlet=same.outlet, article=third),
                        value=same.value.display(), side=Message.of("said.article", outlet=by_article[side][0].outlet,
                                                                    article=side),
                        other=Message.of("said.article", outlet=by_article[other][0].outlet, article=other),
                        n=len(shown[pair]), item=item, figures=listed(shown[pair], "sep.list"))
                    break
    return taken


def _pair_key(subject: str, item: str, one: str, other: str) -> tuple[str, str, str, str]:
    """The key of two sources' figures of a line item, the articles in order."""
    first, second = sorted((one, other))
    return subject, item, first, second


def _given_alike(rule: RuleBase, mine: list[Claim], theirs: list[Claim]) -> Claim | None:
    """The first of `mine` that states one of `theirs` (equal, rounded or approximately), else None."""
    kind = KINDS[rule.kind]
    return next((m for m in mine for o in theirs if kind.agree(rule, m.value, o.value)
                 or kind.rounded(rule, m.value, o.value) or kind.approximates(rule, m.value, o.value)), None)


def _compare_group(rule: RuleBase, subject: str, group: Group, unstated: Unstated | None = None) -> Finding:
    claims = sorted(group.claims, key=_claim_order)
    context = tuple((k, v) for k, v in group.key if v is not None)
    verdict = KINDS[rule.kind].judge(rule, claims, group.inferred, unstated)
    # a group of claims that leave a qualifier unknown and fit no one group is about "day=?": said in
    # its id, which would otherwise be that of the topic's finding across groups (context-differs)
    unknown = tuple(k for k, v in group.key if v is None)
    found = _finding(rule, subject, verdict.kind, verdict.level, context, claims, verdict.message,
                     list(verdict.details), verdict.compatible, unknown)
    found = replace(found, context=_shared_context(rule, context, claims, verdict.aside))
    return replace(found, unstated=verdict.unstated) if verdict.unstated else found


def _shared_context(rule: RuleBase, context: tuple[tuple[str, str], ...], claims: list[Claim],
                    aside: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The group's context as its header shows it: a qualifier's value only when the compared claims
    share it, stated by every one of them or by two sources or more (or assumed by the rule). A group
    joined by claims that leave a qualifier unknown keeps the value in its key (its id), but from
    one source alone the header would read as every source's: `小米汽车 period=full-year` over
    16万 辆, where only a left-out >15万 辆 said 全年, or `阿特斯 period=month-10` over three claims of
    2 项, one of which names 10月 (round 20, NOTES_A note 6). Each claim still shows its own context."""
    compared = [c for c in claims if c.value.display() not in aside] or claims
    assumed = {spec.name: spec.assumed for spec in rule.context if spec.assumed}
    declared = {spec.name for spec in rule.context}

    def shared(name: str, value: str) -> bool:
        stating = [c for c in compared if c.context_dict().get(name) == value]
        return len(stating) == len(compared) or len({c.article for c in stating}) >= 2

    return tuple((k, v) for k, v in context if k not in declared or assumed.get(k) == v or shared(k, v))


def _context_differs(rule: RuleBase, subject: str, groups: list[Group]) -> Finding | None:
    """One info finding when a topic's values differ only across contexts."""
    articles = set().union(*(g.articles for g in groups)) if groups else set()
    if len(groups) < 2 or len(articles) < 2:
        return None
    claims = sorted((c for g in groups for c in g.claims), key=_claim_order)
    details = [Message.of("detail.context_group", context=_context_said(g.key),
                          claims=listed(map(claim_said, sorted(g.claims, key=_claim_order)), "sep.comma"))
               for g in groups]
    if len({c.value.display() for c in claims}) < 2:
        # one value everywhere: nothing to explain where some group compared it (>3% premarket and 4.73%
        # at the close is); where none did, say what kept the sources apart (所得款項淨額預期約為2.28億元,
        # a forecast, beside another source's 净筹约2.28亿港元), never drop them silently; where some group
        # compared it but another of one source did not join (`经日历差异调整后…扩大了25%` of unknown basis
        # beside `较去年同期扩大了25%` of unknown adjustment), that source is shown beside the compared ones
        # (a source whose other claim of the value some group compared is shown: the title's 净筹约2.28亿
        # beside its body's forecast)
        compared = [g for g in groups if len(g.articles) >= 2]
        shown = set().union(*(g.articles for g in compared)) if compared else set()
        if compared and articles <= shown:
            return None
        keyed = _keyed_apart(groups)
        said = "partly_compared" if compared else "not_compared"
        return _finding(rule, subject, "context-differs", "info", (), claims,
                        Message.of(f"finding.one_value.{said}", names=_names(keyed or ["context"])), details)
    if _shown_within(groups):
        return None
    names = qualifier_names(rule)
    # read from the groups' keys too: a claim that leaves a default unsaid (`measure`'s actual) is keyed by it,
    # so `20 人` prior beside `40 人` actual differ in measure, not in unnamed "contexts" (NOTES_C round 20, 4)
    differing = [n for n in names if len(({c.context_dict().get(n) for c in claims}
                                          | {dict(g.key).get(n) for g in groups}) - {None}) > 1]
    if len({dict(g.key).get(WRITTEN) for g in groups} - {None}) > 1:  # a progression told apart (`moments`)
        differing.append(WRITTEN)
    if len({dict(g.key).get(EVENT) for g in groups} - {None}) > 1:  # a coming event and a past one (`coming_apart`)
        differing.append(EVENT)
    same = _only_equal_apart(groups, differing)
    differing = [n for n in differing if n not in same]
    apart: list[Arg] = [Message.of(f"said.apart_by.{n}") if n in (WRITTEN, EVENT) else Qualifier(n) for n in differing]
    about = listed(apart or [Qualifier("contexts")], "sep.names")
    return _finding(rule, subject, "context-differs", "info", (), claims,
                    Message.of("finding.contexts_equal_apart", about=about, same=_names(same)) if same
                    else Message.of("finding.contexts", about=about), details)


def _each_group_agrees(rule: RuleBase, groups: list[Group], compared: list[tuple[Group, Finding]]) -> bool:
    """Whether every group of a topic states its whole context and is an agreement of two sources or
    more, the groups told apart only by declared classes (no time: `_no_basis`) and no value standing in
    two groups: each class's value is then shown by its agreement, and a context-differs finding saying
    they differ (`12.5亿 股` A shares, `1.15亿 股` H shares, each agreed by both sources) adds nothing
    (NOTES_A gf #5). Figures of two days or years stay shown side by side, a series an editor reads."""
    agreeing = {id(g) for g, found in compared if found.kind == "agreement"}
    values = [{c.value.display() for c in g.claims} for g in groups]
    apart = {name for one, other in combinations(groups, 2) for (name, a), (_, b) in zip(one.key, other.key, strict=False)
             if a != b}
    return (all(id(g) in agreeing and _known(g.key) == len(g.key) for g in groups)
            and len({len(g.key) for g in groups}) == 1 and bool(apart)
            and not any(_no_basis(rule, name) or name in (WRITTEN, EVENT) for name in apart)
            and sum(len(v) for v in values) == len(set().union(*values)))


def _one_context_finding(rule: RuleBase, differs: Finding, compared: list[tuple[Group, Finding]]
                         ) -> tuple[Finding, list[tuple[Group, Finding]]]:
    """A topic's context-differs finding with its groups' "neither states day" findings folded in: a
    group's `values differ, but neither states day` and the topic's `they are about different day`,
    listing the same claims, were one topic said twice (NOTES_B #6, a status rule's stake-acquired).
    Only for a time (day, period, year: `_no_basis`); a basis a group's sources leave unsaid
    (`neither states accounting`, `neither says which staff`) keeps its own finding, the why an
    editor reads first."""
    listed = {id(c) for c in differs.claims}
    inside = [(g, f) for g, f in compared
              if f.kind == "context-differs" and f.level == "info" and all(id(c) in listed for c in f.claims)
              and f.unstated and all(_no_basis(rule, name) for name in f.unstated)]
    if not inside:
        return differs, compared
    whys = [Message.of("detail.context_why", context=_context_said(g.key), why=f.message) for g, f in inside]
    return replace(differs, details=(*differs.details, *whys)), [pair for pair in compared if pair not in inside]


def _only_equal_apart(groups: list[Group], names: list[str]) -> list[str]:
    """The qualifiers that, where two groups differ in nothing else, keep only equal values apart (a
    title's unmarked 净筹约2.28亿 beside its body's forecast 预期约为2.28亿, while another source's gross
    2.34亿 differs by what proceeds): "values differ" is not said of them."""
    apart: set[str] = set()
    alike: set[str] = set()
    for one, other in combinations(groups, 2):
        mine, theirs = dict(one.key), dict(other.key)
        keyed = [n for n in {*mine, *theirs} if mine.get(n) != theirs.get(n)]
        if len(keyed) != 1 or keyed[0] not in names or mine.get(keyed[0]) is None or theirs.get(keyed[0]) is None:
            continue
        same = {c.value.display() for c in one.claims} == {c.value.display() for c in other.claims}
        (alike if same else apart).add(keyed[0])
    return [n for n in names if n in alike and n not in apart]


def _keyed_apart(groups: list[Group]) -> list[str]:
    """The qualifiers that keep groups apart: those two groups state differently, else (groups that
    each leave a different one unknown: adjustment stated here, basis there) those some leave unknown."""
    names = [n for n, _ in groups[0].key]
    stated = [n for i, n in enumerate(names) if len({g.key[i][1] for g in groups} - {None}) > 1]
    return stated or [n for i, n in enumerate(names) if len({g.key[i][1] for g in groups}) > 1]


def _shown_within(groups: list[Group]) -> bool:
    """Whether the values differ only inside groups of partly unknown context, each of which shows
    its values beside the one value of the known groups in a finding of its own: across groups
    there is nothing more to say, and "they are about different day" would be untrue (the days
    2025-02-11 and 2025-02-12 both say 免佣金; only a source naming no day says 5%佣金)."""
    known = [g for g in groups if all(v is not None for _, v in g.key)]
    known_values = {c.value.display() for g in known for c in g.claims}
    if len(known_values) > 1:
        return False
    for group in groups:
        values = {c.value.display() for c in group.claims}
        if group in known or values <= known_values:
            continue
        if len(group.articles) < 2 or not values & known_values:
            return False  # its own finding (if any) does not show the difference
    return True


# a day as a group key holds it: 2025-02-13 (the day's own figure), 2025-02-13 as of 14:22 (a
# snapshot), 2025-02-14 09:53 (a clock time), 2025-02-13 close, 2025-02-13 intraday (docs/rules.md)
_DAY_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:(?: as of)? (\d{2}):(\d{2})| (close|intraday|open|premarket))?")
_END_OF_DAY = 24 * 60
_DURING_DAY = -1  # a session word before the close (盘中, 早盘, 开盘): some minute before the day's end


def _extreme_passed(rule: RuleBase, subject: str, groups: list[Group]) -> list[Finding]:
    """A day's high (low) read earlier that day above (below) one read later: one warning per topic.

    A high only grows during the day: `盘中涨幅一度接近12%` as of 14:22 and the day's
    `最高一度上漲7.9%` (a source written after the close) cannot both be true, while the 5.68%
    of 10:31 beside them is an earlier reading. Readings at different times of a day are
    otherwise shown side by side (docs/rules.md, "The time of day"); an extreme is the one
    figure whose readings are ordered. Which figure is an extreme the rule says, with a qualifier
    value named `high` or `low` (`measure: {high: [最高, 一度]}`)."""
    clashes: list[tuple[Claim, Claim]] = []
    for one, other in combinations(groups, 2):
        for early, late in ((one, other), (other, one)):
            label = _same_extreme(early.key, late.key)
            if label is None:
                continue
            clashes.extend((a, b) for a in early.claims for b in late.claims
                           if a.article != b.article and _beyond(a.value, b.value, label))
    if not clashes:
        return []
    claims = sorted({id(c): c for pair in clashes for c in pair}.values(), key=_claim_order)
    label = _label(clashes[0][0])
    details = [Message.of(f"detail.extreme_passed.{label}", earlier=_said_on_day(a), later=_said_on_day(b))
               for a, b in sorted(clashes, key=lambda p: (_claim_order(p[0]), _claim_order(p[1])))]
    return [_finding(rule, subject, "disagreement", "warning", (), claims,
                     Message.of(f"finding.extreme_passed.{label}"), details)]


def _day_minute(key: ContextKey) -> tuple[str, int] | None:
    """The day of a group and the minute its figure was read at: the end of the day for the
    day's own figure or its close, `_DURING_DAY` for a session before the close; None when the
    group states no day or another time."""
    day = dict(key).get("day")
    found = _DAY_TIME.fullmatch(day) if day else None
    if found is None:
        return None
    date, hours, minutes, session = found.groups()
    if hours:
        return date, int(hours) * 60 + int(minutes)
    return date, _END_OF_DAY if session in (None, "close") else _DURING_DAY


def _read_before(early: ContextKey, late: ContextKey) -> bool:
    """Whether the first group's figure was surely read earlier on the same day than the second's."""
    first, second = _day_minute(early), _day_minute(late)
    if first is None or second is None or first[0] != second[0]:
        return False
    if first[1] == _DURING_DAY:
        return second[1] == _END_OF_DAY
    return second[1] != _DURING_DAY and first[1] < second[1]


def _same_extreme(early: ContextKey, late: ContextKey) -> str | None:
    """The extreme both groups state (`high`/`low`: a figure of unknown measure may be the
    latest price) when the first was read earlier the same day and they agree on every other
    qualifier (an unknown one fits); else None."""
    if not _read_before(early, late):
        return None
    labels = set()
    for (name, a), (_, b) in zip(early, late, strict=True):
        if name != "day" and a is not None and b is not None and a != b:
            return None
        if a == b and a in EXTREMES:
            labels.add(a)
    return labels.pop() if len(labels) == 1 else None


def _label(claim: Claim) -> str:
    return next(value for value in claim.context_dict().values() if value in EXTREMES)


def _said_on_day(claim: Claim) -> Message:
    """A claim with its day: `5.68% (A, a.md:3, 2025-02-13 as of 10:31)`."""
    day = claim.context_dict().get("day")
    return Message.of("said.source_on", value=claim.value.display(), outlet=claim.outlet,
                      place=f"{claim.article}:{claim.line}", day=day or Message.of("said.no_day"))


def _beyond(earlier: object, later: object, label: str) -> bool:
    """Whether an earlier reading of an extreme is surely past a later one (no overlap)."""
    if not isinstance(earlier, Quantity) or not isinstance(later, Quantity) or earlier.unit != later.unit:
        return False
    (early_low, early_high), (late_low, late_high) = earlier.claimed(), later.claimed()
    if label == "high":
        return early_low is not None and late_high is not None and early_low > late_high
    return early_high is not None and late_low is not None and early_high < late_low


_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def _currency_differs(topics: dict[tuple[str, str, str], list[Claim]], rules: dict[str, RuleBase]) -> list[Finding]:
    """The same amount in two currencies (25–27亿加元 vs 25–27亿美元): numbers agree, currencies do not.

    Amounts in different currencies are never compared as numbers (one may be
    a conversion of the other), but when two sources give the same number in
    different currencies, one of them has the currency wrong."""
    by_subject: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for (rule_id, subject, key), claims in topics.items():
        if _CURRENCY_CODE.fullmatch(key):
            by_subject[(rule_id, subject)].extend(claims)
    findings: list[Finding] = []
    for (rule_id, subject), claims in sorted(by_subject.items()):
        rule = rules[rule_id]
        clashing: set[int] = set()
        details: list[Message] = []
        ordered = sorted(claims, key=_claim_order)
        for (i, a), (j, b) in combinations(enumerate(ordered), 2):
            if a.article == b.article or a.value.topic_key() == b.value.topic_key():
                continue
            if not _contexts_compatible(a, b) or not isinstance(a.value, Quantity) or not isinstance(b.value, Quantity):
                continue
            if GUESSED & {a.value.unit_from, b.value.unit_from}:
                continue  # a guessed currency (the outlet's locale, none written, the topic's) may be the wrong one
            if a.value.value != b.value.value:
                continue  # the same number as written: an open >50亿 fits ≈390亿 without being it
            if values_agree(a, replace(b, value=replace(b.value, unit=a.value.topic_key())), rule):
                clashing.update((i, j))
                details.append(Message.of("detail.currency_differs", one=claim_said(a), other=claim_said(b),
                                          currencies=Message.of("said.vs", one=a.value.topic_key(),
                                                                other=b.value.topic_key())))
        if clashing:
            chosen = [ordered[i] for i in sorted(clashing)]
            findings.append(_finding(rule, subject, "currency-differs", "warning", (), chosen,
                                     Message.of("finding.currency_differs"), details))
    return findings


def _period_differs(rule: RuleBase, subject: str, claims: list[Claim]) -> list[Finding]:
    """One warning when two sources give one figure for two periods (`factcheck/periods.py`): the
    figure cannot be both a quarter's and the year's, so one of them has the period wrong."""
    kind = KINDS[rule.kind]
    found = clashes(sorted(claims, key=_claim_order), lambda a, b: kind.agree(rule, a.value, b.value)
                    or kind.rounded(rule, a.value, b.value))
    if not found:
        return []
    chosen = sorted({id(c): c for clash in found for c in (clash.first, clash.second)}.values(), key=_claim_order)
    first = found[0]
    level: Level = "info" if rule.level == "info" else rule.period_level or "warning"
    message = Message.of("finding.period_differs", figure=first.figure(), one=written_time(first.first),
                         other=written_time(first.second))
    return [_finding(rule, subject, "period-differs", level, (), chosen, message, [c.detail() for c in found])]


def _subject_differs(topics: dict[tuple[str, str, str], list[Claim]], rules: dict[str, RuleBase]) -> list[Finding]:
    """The same value under two subjects in two sources that nothing else compares (3% is 广发证券's in one
    article, 辽宁成大's in another; 2月20日 Find N5's in one, OPPO's in the other): one info finding per
    rule and pair of subjects, so a comparison the subjects kept apart is not lost without a word. Only
    where each subject is stated by one source: a subject two sources state is compared there, and the
    same value under another subject is then another actor doing alike (two platforms offering the same
    models), not a lost comparison.

    Claims of one subject are compared only with that subject's; when a figure is read as a holder's in
    one source and the held company's in another, or a product's and its maker's, the sentences alone
    cannot tell which is meant: the editor can, or a narrower `subjects` list."""
    by_rule: dict[str, list[Claim]] = defaultdict(list)
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)  # (rule, subject): the articles stating it
    for (rule_id, subject, _), claims in topics.items():
        if subject:
            by_rule[rule_id].extend(claims)
            sources[(rule_id, subject)].update(c.article for c in claims)
    findings: list[Finding] = []
    for rule_id, claims in sorted(by_rule.items()):
        rule = rules[rule_id]
        split = _split_claims(rule, sorted(claims, key=_claim_order), sources)
        for (first, second), chosen in sorted(split.items()):
            # only a claim nothing else compares: one whose subject another source states too is checked
            # there (火山引擎's models, in two sources, beside 讯飞开放平台's alike: two platforms, no lost pair)
            chosen = [c for c in chosen if len(sources[(rule_id, c.subject)]) == 1]
            if {c.subject for c in chosen} != {first, second}:
                continue
            # each claim once (N and M sources of the two subjects give N + M lines, not N×M pairs)
            details = [Message.of("detail.subject", value=c.value.display(), subject=c.subject, outlet=c.outlet,
                                  place=f"{c.article}:{c.line}") for c in chosen]
            findings.append(_finding(rule, first, "context-differs", "info", (("subject", f"{first} / {second}"),),
                                     chosen, Message.of("finding.subjects", first=first, second=second), details))
    return findings


def _split_claims(rule: RuleBase, ordered: list[Claim], sources: dict[tuple[str, str], set[str]]
                  ) -> dict[tuple[str, str], list[Claim]]:
    """For each pair of subjects (sorted), the `ordered` claims of the two subjects (in that order), from
    sources neither of which states the other subject, whose value agrees with one of the other subject
    in a compatible context: each claim with one said after it that it agrees with, or one said before it
    that agrees with it (the check is not symmetric).

    Asked per pair of subjects and once per two distinct (context, value), never per pair of claims:
    a rule's claims in a bulk run are thousands (4,000 claims of 50 subjects took 22 s pair by pair)."""
    position = {id(c): i for i, c in enumerate(ordered)}
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for found in ordered:
        by_subject[found.subject].append(found)
    contexts: dict[int, dict[str, str]] = {}  # a claim's context as a dict, made once (asked of each group's first)

    def agree(x: Claim, y: Claim) -> bool:  # x said before y
        # asked once per two groups of `_alike`, never remembered: the same two (context, value) seldom meet
        # again under another pair of subjects (<1% on bulk), and at 100k articles a table of every pair
        # asked held more than a gigabyte
        return (_dicts_compatible(_context_of(x, contexts), _context_of(y, contexts))
                and x.value.topic_key() == y.value.topic_key() and values_agree(x, y, rule))

    def before(x: Claim, y: Claim) -> bool:
        return position[id(x)] < position[id(y)]

    split: dict[tuple[str, str], list[Claim]] = {}
    for first, second in combinations(sorted(by_subject), 2):
        # a subject the other source states too is compared there (so is one source's pair)
        mine = _alike([a for a in by_subject[first] if a.article not in sources[(rule.id, second)]])
        theirs = _alike([b for b in by_subject[second] if b.article not in sources[(rule.id, first)]])
        chosen: set[int] = set()
        for own in mine:  # each group in reading order: its first claim is said first, its last last
            for other in theirs:
                for early, late in ((own, other), (other, own)):
                    if agree(early[0], late[0]):  # a claim of `early` said before one of `late` agrees with it
                        chosen.update(position[id(x)] for x in early if before(x, late[-1]))
                        chosen.update(position[id(y)] for y in late if before(early[0], y))
        if chosen:
            split[(first, second)] = [ordered[i] for i in sorted(chosen)]
    return split


def _context_of(claim: Claim, contexts: dict[int, dict[str, str]]) -> dict[str, str]:
    found = contexts.get(id(claim))
    if found is None:
        found = contexts[id(claim)] = claim.context_dict()
    return found


def _alike(claims: list[Claim]) -> list[list[Claim]]:
    """`claims` in groups of the same context and value (each group in the order given)."""
    groups: dict[tuple[object, object], list[Claim]] = defaultdict(list)
    for found in claims:
        groups[(found.context, found.value)].append(found)
    return list(groups.values())


def _contexts_compatible(a: Claim, b: Claim) -> bool:
    return _dicts_compatible(a.context_dict(), b.context_dict())


def _dicts_compatible(mine: dict[str, str], theirs: dict[str, str]) -> bool:
    """Whether every qualifier of `mine` is unstated or the same in `theirs`."""
    return all(theirs.get(name, value) == value for name, value in mine.items())


def _context_text(key: ContextKey) -> str:
    """A group's context as a pair line names it after the other value (`records.Pair.other_qualifiers`)."""
    return " ".join(f"{k}={v if v is not None else '?'}" for k, v in key) or "no context"


def _context_said(key: ContextKey) -> Message:
    """A group's context as a message names it: `market=HK session=?`, each qualifier in the report's language."""
    if not key:
        return Message.of("said.no_context")
    return Message.of("said.parts", parts=listed((Message.of("said.qualifier", name=Qualifier(k), value="?" if v is None else v)
                                                  for k, v in key), "sep.space"))


def _names(names: Iterable[str]) -> Listed:
    """Qualifier names as a message lists them (`day, market`; 日期、市场)."""
    return listed(map(Qualifier, names), "sep.names")


def _claim_order(claim: Claim) -> tuple[str, int, int, str, int, str, str]:
    """Reading order; two claims on one line at one offset of two sentences (a line may hold several)
    are told apart by their sentence, then span end, subject and value, never by the order of a set."""
    return claim.article, claim.line, claim.span[0], claim.sentence, claim.span[1], claim.subject, claim.value.display()


def finding_id(rule_id: str, kind: str, subject: str, context: tuple[tuple[str, str], ...],
               values: list[str], unknown: tuple[str, ...] = ()) -> str:
    """Stable id from what the finding is about, never from line numbers; `unknown` names the
    qualifiers a group of partly unknown claims leaves unstated (no other group's id then)."""
    about = [rule_id, kind, subject, list(context), sorted(set(values))] + ([list(unknown)] if unknown else [])
    payload = json.dumps(about, ensure_ascii=False)
    return "FC" + hashlib.sha256(payload.encode()).hexdigest()[:10]


def unique_ids(findings: list[Finding]) -> list[Finding]:
    """Findings (in report order) with every id told apart: a repeated id takes the next
    number in its payload, so a baseline or suppression names one finding, never two."""
    seen: set[str] = set()
    told: list[Finding] = []
    for found in findings:
        new_id, again = found.id, 1
        while new_id in seen:
            again += 1
            new_id = "FC" + hashlib.sha256(f"{found.id}#{again}".encode()).hexdigest()[:10]
        seen.add(new_id)
        told.append(found if new_id == found.id else replace(found, id=new_id))
    return told


def _finding(rule: RuleBase, subject: str, kind: FindingKind, level: Level,
             context: tuple[tuple[str, str], ...], claims: list[Claim], message: Message,
             details: Sequence[Detail] | None = None, compatible: tuple[int, ...] = (),
             unknown: tuple[str, ...] = ()) -> Finding:
    values = [c.value.display() for c in claims]
    return Finding(
        id=finding_id(rule.id, kind, subject, context, values, unknown), rule_id=rule.id, kind=kind,
        level=level, subject=subject, context=context, message=message, claims=tuple(claims),
        details=tuple(details or ()), compatible=compatible,
    )

