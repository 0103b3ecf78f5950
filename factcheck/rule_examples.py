"""Rules that test themselves: run the `examples:` a rule file carries.

Each example is a sentence and what the rule must read from it (subject,
value as displayed, context qualifiers). A failing example is a diagnostic
naming the rule file and the example's line, like any other rule problem.
"""

from __future__ import annotations

import json
from dataclasses import replace

from factcheck.extract import extract
from factcheck.kinds import KINDS
from factcheck.kinds.left_out import LEFT_OUT, LeftOut, recording
from factcheck.kinds.matching import fold, matching_text
from factcheck.kinds.number import FigureJudging, NumberKind
from factcheck.kinds.sentence import pattern
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.records import Claim, Diagnostic, RuleBase, RuleExample
from factcheck.rules import RuleSet
from factcheck.values import EntitySet, Quantity


def check_examples(rule_set: RuleSet) -> list[Diagnostic]:
    """One diagnostic per example that does not hold; empty when all hold."""
    index = EntityIndex(rule_set.entities)
    problems: list[Diagnostic] = []
    for rule in rule_set.rules:
        for example in rule.examples:
            message = example_problem(rule, example, index)
            if message:
                problems.append(Diagnostic(rule.path, example.line,
                                           f"example does not hold ({quote_start(example.text)}): {message}"))
    return problems


def read_by_two(rule_set: RuleSet) -> list[Diagnostic]:
    """A warning per example figure that another rule of the set reads too (same figure, same subject)
    through a cue that sits inside the example rule's longer cue at that place. factcheck never gives a
    figure to one rule only (one figure may be two facts), so a rule whose short cue sits inside another's
    longer one (`销量` in `自主品牌销量突破`) compares the other's figures as its own: round 22's
    annual-sales set a brand's sales since it began against a year's. The warning names the skip word that
    keeps them apart (docs/rules.md, "Two rules, one short word"); a rule that lists the same sentence among
    its own examples reads it on purpose, and is quiet."""
    index = EntityIndex(rule_set.entities)
    numeric = [rule for rule in rule_set.rules if isinstance(KINDS[rule.kind], FigureJudging)]
    warnings: list[Diagnostic] = []
    for owner in numeric:
        for example in owner.examples:
            want = str(dict(example.expect).get("value", ""))
            if not want:
                continue
            text = matching_text(example.text)
            mine = [c for c in example_claims(owner, example, index) if _same("value", c, c.value.display(), want)]
            if not mine:
                continue  # a failing example: check_examples says so
            longer = [m for m in pattern(str(getattr(owner, "cue", "")) or "(?!)").finditer(text)]
            for other in numeric:
                cue = getattr(other, "cue", "")
                if other is owner or not isinstance(cue, str) or not cue:
                    continue
                inside = [(o.group(0), m.group(0)) for o in pattern(cue).finditer(text) for m in longer
                          if m.start() <= o.start() and o.end() <= m.end() and m.end() - m.start() > o.end() - o.start()]
                if not inside or any(fold(own.text) == fold(example.text) for own in other.examples):
                    continue
                theirs = example_claims(other, example, index)
                both = [c for c in theirs if any(c.span == m.span and c.subject == m.subject for m in mine)]
                if both:
                    short, long = inside[0]
                    warnings.append(Diagnostic(
                        owner.path, example.line,
                        f"rule {other.id} reads this example's {both[0].value.display()} too "
                        f"({quote_start(example.text)}): its cue {short!r} is inside this rule's {long!r}, and one "
                        f"figure is compared under both rules; if it is not {other.id}'s fact, add {long!r} to its "
                        f"skip (docs/rules.md, \"Two rules, one short word\")", "warning"))
    return warnings


def quote_start(text: str, length: int = 30) -> str:
    """The first `length` characters of an example's text, quoted, on one line: the line number is that of
    its `text:`, which users took for the example above it (round 27), so the message names the example."""
    flat = " ".join(text.split())
    return f'"{flat[:length]}…"' if len(flat) > length else f'"{flat}"'


def example_claims(rule: RuleBase, example: RuleExample, index: EntityIndex) -> list[Claim]:
    return _example_extract(rule, example, index)[0]


def _example_extract(rule: RuleBase, example: RuleExample, index: EntityIndex) -> tuple[list[Claim], list[Diagnostic]]:
    return _example_read(rule, example, index)[:2]


def _example_read(rule: RuleBase, example: RuleExample,
                  index: EntityIndex) -> tuple[list[Claim], list[Diagnostic], list[LeftOut]]:
    """The example's claims, notes, and every value the reading left out (kinds/left_out.py)."""
    meta = ([f"date: {json.dumps(example.published)}"] if example.published else []) + (
        [f"lang: {json.dumps(example.lang)}"] if example.lang else [])
    front = "---\n" + "".join(line + "\n" for line in meta) + "---\n" if meta else ""
    article = parse_article(front + example.text + "\n", f"{rule.id}-example")
    with recording() as dropped:
        claims, notes = extract(article, [rule], index, someone_elses=True)
    return list(claims), list(notes), dropped


def why_no_claim(rule: RuleBase, example: RuleExample, index: EntityIndex) -> str:
    """Why a rule reads no claim in its example's text, never "": the notes the reading lists (no
    subject named, a list value nothing tells apart); no cue; a value read when a key of the rule is
    relaxed (`metric:`, `skip`, `subjects`, `window`); a value the reading left out and the key that
    decided (kinds/left_out.py); else what the cue found and that no value it reads stands in its reach."""
    notes = _example_extract(rule, example, index)[1]
    said = [n for n in notes if n.code != LEFT_OUT]
    if said:
        return said[0].message.split(": ", 1)[-1]
    cue = getattr(rule, "cue", "")
    text = matching_text(example.text)
    if isinstance(cue, str) and cue and pattern(cue).search(text) is None:
        return "no `cue` of the rule stands in it (cues are matched as written, Traditional read as Simplified)"
    relaxed = [("metric", {"metric": ()}, "its line item is {metric}, not one of the rule's `metric:` ({wanted})"),
               ("skip", {"skip": ""}, "a `skip` word before it leaves it out"),
               ("subjects", {"subjects": ()}, "it is not about the rule's `subjects` (someone else is named for it)"),
               ("window", {"window": _MAX_WINDOW}, "it stands more than the rule's `window` ({window} characters) "
                "after the cue: raise `window`, or give a cue nearer the value")]
    for key, change, why in relaxed:
        if not getattr(rule, key, None):
            continue
        claims = example_claims(replace(rule, **change), example, index)  # type: ignore[arg-type]
        if claims:
            metric = claims[0].context_dict().get("metric") or "unknown"
            wanted = ", ".join(getattr(rule, "metric", ()))
            if key == "window" and _cue_only_after(rule, claims[0]):
                why = _BEFORE_THE_CUE
            return f"{claims[0].value.display()!r} was read, but " + why.format(
                metric=metric, wanted=wanted, window=getattr(rule, "window", ""))
    if notes:  # a value the reading left out, and the key that decided (kinds/left_out.py)
        return notes[0].message.split(": ", 1)[-1]
    return _nothing_in_reach(rule, text)


# a value read only by a cue after it, once the window is relaxed: it stands too far before that cue
_BEFORE_THE_CUE = ("it stands before the cue, further than a cue after a value reaches (the rule's `window`, {window} "
                   "characters, and 12 more): raise `window`, or give a cue nearer the value")


def _cue_only_after(rule: RuleBase, found: Claim) -> bool:
    """Whether no cue of the rule stands before the claim's value in its clause, so the cue that read it
    stands after it (`a 4.2% rise in net revenue` with cue `rise in net revenue`): a message about the window
    then says the value stands before the cue, not after it."""
    cue = getattr(rule, "cue", "")
    if not isinstance(cue, str) or not cue:
        return False
    before = matching_text(found.sentence[:found.span[0]])
    clause = max(before.rfind(mark) for mark in "，,。；;：:") + 1
    return pattern(cue).search(before, clause) is None and pattern(cue).search(matching_text(found.sentence)) is not None


def _nothing_in_reach(rule: RuleBase, text: str) -> str:
    """What a rule's words found when no value near them was read nor left out: its cue (or state word,
    trigger) and that no value of its kind stands in reach, with the command that shows what is read."""
    words = KINDS[rule.kind].cues(rule)
    found = next((m.group(0) for w in words if w for m in [pattern(w).search(text)] if m), "")
    if not found:
        return f"no word of the rule's {_WORDS.get(rule.kind, '`cue`')} stands in it"
    what = _VALUES.get(rule.kind, "value")
    return (f"{found!r} stands in it, but no {what} stands in its reach (in its clause, within `window` "
            f"characters after it, or right after the value): `factcheck normalize` on the sentence shows "
            f"what is read; give the value's own words as a cue")


# what a kind's cue words are called, and what it reads near them, for `_nothing_in_reach`
_WORDS = {"status": "`states`", "set": "`trigger`", "derived": "`part`/`change` cues"}
_VALUES = {"number": "amount or percentage of the rule's `value:`", "count": "count in the rule's `units`",
           "date": "date", "duration": "span of time", "set": "name of `members`",
           "derived": "pair of figures"}


_MAX_WINDOW: int = NumberKind.properties["window"]["maximum"]  # the largest `window` a rule may set


def example_problem(rule: RuleBase, example: RuleExample, index: EntityIndex) -> str:
    """Why the example does not hold ("" when it does): `rules check`'s test, also used by
    `discover --write-rules` to choose the example it writes."""
    claims, _, dropped = _example_read(rule, example, index)
    expected = dict(example.expect)
    if not expected:
        return f"expected no claim, got {claims[0].value.display()}" if claims else ""
    if not claims:
        why = why_no_claim(rule, example, index)
        return "the text yields no claim" + (f": {why}" if why else "")
    if rule.kind == "set":
        claims = _pooled(claims)
    # a sentence may give two figures (营收140亿美元，好于分析师预期的139亿美元): the example is about the one
    # whose value it expects, wherever it stands; without a value, the first
    claim = next((c for c in claims if "value" in expected
                  and _same("value", c, c.value.display(), str(expected["value"]))), claims[0])
    actual = {"subject": claim.subject, "value": claim.value.display(), **claim.context_dict()}
    wrong = [f"{key}: expected {value!r}, got {_got(key, actual)}"
             for key, value in expected.items() if not _same(key, claim, actual.get(key, ""), value)]
    if any(w.startswith("value: ") for w in wrong) and dropped:  # the expected value may be one left out
        wrong.append(f"left out ({dropped[0].key}): {dropped[0].reason}")
    if not wrong:
        others = [c for c in claims if c is not claim]
        wrong = [f"the text also yields {other.value.display()!r}{_about(other)}, which the expected "
                 f"{claim.value.display()!r} contradicts" for other in _contradicting(rule, claim, others)]
    return "; ".join(wrong)


def _pooled(claims: list[Claim]) -> list[Claim]:
    """A set rule's claims as a report compares them: one list per subject and qualifiers, pooling every
    list the text gives (kinds/set.py `judge`). 研究提振消费有关工作，审议通过《2025年稳外资行动方案》，研究化解…
    gives one list per trigger; the report reads the source's list as all three (round 35), and so must
    its example, which read the first trigger's list alone."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Claim]] = {}
    for found in claims:
        groups.setdefault((found.subject, tuple(sorted(found.context_dict().items()))), []).append(found)
    pooled = []
    for group in groups.values():
        names: dict[str, str] = {}
        for found in group:
            assert isinstance(found.value, EntitySet)
            names.update(zip(found.value.members, found.value.names or found.value.members))
        ids = tuple(sorted(names))
        values = [f.value for f in group if isinstance(f.value, EntitySet)]
        value = EntitySet(ids, "; ".join(v.raw for v in values), tuple(names[i] for i in ids),
                          any(v.non_exhaustive for v in values))
        pooled.append(replace(group[0], value=value))
    return pooled


def _got(key: str, actual: dict[str, str]) -> str:
    """What the claim has for `key`, quoted; for a qualifier it lacks, that none of its words was found."""
    value = actual.get(key, "")
    return f"'' (no word of `{key}` was found)" if not value and key not in ("subject", "value") else repr(value)


def _contradicting(rule: RuleBase, first: Claim, others: list[Claim]) -> list[Claim]:
    """The other claims of the sentence a report would compare with the first and find at odds:
    same subject and currency, the same qualifiers (none inferred to join), values that do not agree. A sentence that gives
    both states of a status rule (不会导致实际控制人发生变更 read as `unchanged` and `changes`) makes
    its source contradict itself, and an example checking only the first claim would hide it. A set
    rule's lists are never at odds: a second list of the sentence is more of the source's members."""
    if rule.kind == "set":
        return []  # a source's lists are pooled (研究A、B以及研究C: one list of three), so never at odds
    kind = KINDS[rule.kind]
    mine = first.context_dict()
    found: dict[str, Claim] = {}
    for other in others:
        theirs = other.context_dict()
        if other.subject != first.subject or other.value.topic_key() != first.value.topic_key() or mine != theirs:
            continue
        if not kind.agree(rule, first.value, other.value):
            found.setdefault(other.value.display(), other)
    return list(found.values())


def _about(claim: Claim) -> str:
    context = ", ".join(f"{k}={v}" for k, v in claim.context_dict().items())
    return f" ({context})" if context else ""


def _same(key: str, claim: Claim, got: str, want: str) -> bool:
    """Whether the example's expected text says what was read. Written in either script
    (`2.77億 USD` is the `2.77亿 USD` a report prints), as rules match in either; a list's
    members in any order (`{腾讯, 阿里巴巴}`): a set has none."""
    got, want = fold(got), fold(want)
    if key == "value" and isinstance(claim.value, Quantity) and claim.value.in_basis_points() \
            and want == claim.value.display(points=True):
        return True  # 100个基点 is shown `100 bp` and is `1 pp`: either says it
    if key == "value" and isinstance(claim.value, EntitySet) and want.startswith("{") and want.endswith("}"):
        return sorted(m.strip() for m in want[1:-1].split(",")) == sorted(m.strip() for m in got[1:-1].split(","))
    return got == want
