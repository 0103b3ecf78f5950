"""`kind: number`: a percentage, a change in points or an amount of money near a cue.

A value counts when a cue (涨, 收跌, 募资) stands within `window` characters
before it in the same clause, its unit fits `value:` (percent, pp, money) and
no `skip` word sits in its clause or the one before. A cue holding a `sign.down`
word makes the value negative (跌4.5% is -4.5%). Values agree when their
intervals overlap, widened by `tolerance`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar, Literal, Protocol

from factcheck.kinds.amounts import change_lead, tolerance_fields, value_start, widened
from factcheck.kinds.base import Document, Kind
from factcheck.kinds.comparison_reading import clause_opens_comparison
from factcheck.kinds.currency import UNKNOWN_DOLLAR
from factcheck.kinds.left_out import (
    CLASS_NAME,
    CUE_AFTER_BEYOND,
    CUE_AFTER_FAR,
    CUE_RUNS_ON,
    LEVEL,
    METRIC,
    NON_WORD,
    OWN_VALUE,
    PRIOR,
    SKIP,
    WINDOW,
    WORTH,
    left_out,
    say,
)
from factcheck.kinds.lists_reading import unpaired_in_list, value_list
from factcheck.kinds.matching import fold_words
from factcheck.kinds.negation import inside_a_non_word
from factcheck.kinds.period_reading import CUMULATIVE
from factcheck.kinds.qualifiers import (
    CONVERTED,
    each_of_list,
    from_to_start,
    leaves_prior,
    metric_ids,
    paired_in_list,
    reads,
)
from factcheck.kinds.reading import about_whom, claim, unattributed
from factcheck.kinds.roles_reading import joined
from factcheck.kinds.scope_reading import labelled_runs, statement_start
from factcheck.kinds.sentence import Cue, Sentence, cue_pattern, pattern, per_sentence
from factcheck.kinds.skip import LEADS_INTO_NOUN, skip_word, skipped
from factcheck.kinds.subject_reading import SUBJECT_FROM_TITLE, names_sharing, subject_before, title_subject, who
from factcheck.normalize.quantities import QuantitySpan, negate
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Claim, ContextValue, Diagnostic, RuleBase
from factcheck.values import Quantity, Value

UNIT_KINDS = {"percent": {"%"}, "pp": {"pp"}}


# a word of worth between a cue and its value, the value then 的 and a noun: the figure is what that noun
# is worth, not the cue's figure (万科将为本次股东借款提供价值不超过40亿元的资产进行质押: the collateral,
# not the loan 提供 gives); a cue that names the worth itself (cue 价值, 市值) keeps it
_WORTH = re.compile(r"价值|價值|市值|总值|總值|面值")
_OF_A_NOUN = re.compile(r"\s*的\s*[\u4e00-\u9fff]")


def _worth_of_what_follows(s: Sentence, cue: re.Match[str], start: int, end: int, cues: Cue) -> bool:
    """Whether the value at `start`..`end` is the worth of a noun after it, named by a word of worth
    between the cue and the value (`_WORTH`), not the cue's own figure (unless that noun is a cue of
    the rule: `提供价值28亿元的借款` stays a loan rule's)."""
    noun = _OF_A_NOUN.match(s.text, end)
    return (noun is not None and _WORTH.search(s.text, cue.end(), start) is not None
            and _WORTH.search(cue.group(0)) is None and cues.match(s.text, noun.end() - 1) is None)


@dataclass(frozen=True)
class NumberRule(RuleBase):
    cue: str = ""  # a regex
    window: int = 6
    value: Literal["percent", "money", "pp", ""] = ""
    sign_up: tuple[str, ...] = ()
    sign_down: tuple[str, ...] = ()
    metric: tuple[str, ...] = ()  # the line items it is about (built-in ids such as net-profit, or words)
    tolerance: Decimal = Decimal(0)  # absolute, in the value's unit
    relative_tolerance: Decimal = Decimal(0)  # a fraction of the larger value (tolerance: 0.5% → 0.005)
    running: bool = False  # a total that only grows (a box office so far): readings that differ never clash


class FigureRule(Protocol):
    """A rule for figures read near a cue that agree within a tolerance (number, count, duration)."""

    @property
    def cue(self) -> str: ...
    @property
    def tolerance(self) -> Decimal: ...
    @property
    def relative_tolerance(self) -> Decimal: ...


class FigureJudging:
    """How the kinds of figures (number, count, duration) name their cues and judge two values: within
    the rule's tolerance they agree; one figure at two precisions is rounded, one written loosely (近)
    approximates (quantities only: a duration is neither). One copy, so a fix reaches every kind."""

    def cues(self, rule: FigureRule) -> tuple[str, ...]:
        return (rule.cue,)

    def agree(self, rule: FigureRule, a: Value, b: Value) -> bool:
        return a.agrees(b, widened(rule.tolerance, rule.relative_tolerance, a, b))

    def rounded(self, rule: FigureRule, a: Value, b: Value) -> bool:
        return isinstance(a, Quantity) and a.rounds_with(b)

    def approximates(self, rule: FigureRule, a: Value, b: Value) -> bool:
        return isinstance(a, Quantity) and a.approximates(b)


class NumberKind(FigureJudging, Kind[NumberRule]):
    name = "number"
    rule_type = NumberRule
    value_type = Quantity
    required = ("value", "cue")
    default_qualifiers = ("period", "year", "basis", "measure", "accounting")
    properties: ClassVar[dict[str, Any]] = {
        "cue": {"$ref": "#/$defs/words_or_regex"},
        "window": {"type": "integer", "minimum": 0, "maximum": 200},
        "value": {"enum": ["percent", "money", "pp"]},
        "sign": {
            "type": "object", "additionalProperties": False,
            "properties": {"up": {"$ref": "#/$defs/words"}, "down": {"$ref": "#/$defs/words"}},
        },
        "metric": {"$ref": "#/$defs/words",
                   "description": "The line item(s) the rule is about (营收, 净利润 …): a value whose nearest line item "
                                  "before it is another one is not this rule's claim."},
        "qualifiers": {"type": "array", "uniqueItems": True,
                       "items": {"enum": ["period", "year", "basis", "measure", "accounting"]},
                       "description": "Built-in qualifiers to read, with the shipped words "
                                      "(factcheck/data/qualifiers.yaml)."},
        "tolerance": {"oneOf": [{"type": "number", "minimum": 0},
                                {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%$"}],
                      "description": "Extra slack: a number in the value's unit (0.01), or a share of the value (0.5%)."},
        "running": {"type": "boolean",
                    "description": "A running total that only grows (a box office so far, sign-ups): its readings are "
                                   "taken at different times, so values that differ are shown side by side (info), "
                                   "never a disagreement."},
        "rounded_level": {"enum": ["error", "warning", "info"],
                          "description": "Level of a `rounded` finding: one figure written at different precisions "
                                         "(default: the configuration's rounded_level, else warning)."},
        "period_level": {"enum": ["error", "warning", "info"],
                         "description": "Level of a `period-differs` finding: one figure two sources give for "
                                        "different periods or years (default warning)."},
    }
    dated = True

    def fields(self, doc: Document) -> dict[str, Any]:
        sign = doc.data.get("sign") or {}
        return {"cue": doc.regex("cue"), "window": int(doc.data.get("window", 6)),
                "value": doc.data.get("value", ""), "sign_up": tuple(sign.get("up") or ()),
                "sign_down": tuple(sign.get("down") or ()),
                "rounded_level": doc.data.get("rounded_level", ""),
                "period_level": doc.data.get("period_level", ""), "running": bool(doc.data.get("running", False)),
                "metric": metric_ids(tuple(doc.data.get("metric") or ())), **tolerance_fields(doc.data.get("tolerance", 0))}

    def find(self, rule: NumberRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        cue = cue_pattern(rule.cue)
        if not pattern(rule.cue).search(s.text):
            return  # most sentences hold no cue: skip reading their numbers (one inside a 非-word: say so below)
        told_apart: dict[int, set[tuple[str, tuple[tuple[str, str], ...]]]] = {}  # per list: what its values were read as
        _ = s.quantities  # read first: it fills `class_names`
        for named in s.class_names:
            if _unit_fits(rule.value, named.quantity.unit) and cue.search(s.text, *s.clause_at(named.start)):
                left_out("class-name", say(CLASS_NAME, s.plain[named.start:named.end + 2]), named.start, named.end)
        for span in s.quantities:
            quantity = span.quantity
            if not _unit_fits(rule.value, quantity.unit):
                continue
            reached = _reached_value(s, rule.value, span.start)
            if (reached is not None and not reads(rule, "measure")
                    and leaves_prior(s.text, from_to_start(s.text, reached.start) or 0, span.start)):
                if _cues(rule, cue, s, reached):
                    left_out("qualifiers", say(PRIOR, s.plain[span.start:span.end]), span.start, span.end)
                continue  # 从25.50亿元调至19.53亿元: the figure left is read only as `prior`
            # the figure a change starts from takes the cue of the figure it reaches where that cue stands
            # before both, or where the rule reads it as `prior` (股价从9.53元上涨到了16.75元); a change verb
            # after it (降至 in 从2024年的6.4%降至3%) otherwise names the figure after, not this one
            cues = (_cues(rule, cue, s, span) or [m for m in _cues(rule, cue, s, reached)
                                                  if m.end() <= span.start or reads(rule, "measure")]
                    if reached is not None else _cues_of_list(rule, cue, s, span))
            written = s.plain[span.start:span.end]
            if not cues:
                _out_of_reach(rule, cue, s, span.start, span.end)
                continue
            if (skipped(rule.skip, s, cues[-1].start(), span.start, span.end)
                    or _list_skipped(rule, s, cues[-1], span.start)):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, span.start)), span.start, span.end)
                continue
            if _worth_of_what_follows(s, cues[-1], span.start, span.end, cue):
                noun = _OF_A_NOUN.match(s.text, span.end)
                left_out("cue", say(WORTH, written, s.plain[noun.end() - 1:noun.end() + 1] if noun else ""),
                         span.start, span.end)
                continue  # 提供价值不超过40亿元的资产: the worth of the assets, not what 提供 gives
            if _range_end(s, span.start):
                continue  # 9.50亿元至10.10亿元: the end of a range is not a figure of its own
            level = quantity.unit == "%" and _PP_LEVEL.search(s.text, max(0, span.start - 48), span.start) is not None
            if level and (rule.sign_up or rule.sign_down):
                left_out("sign", say(LEVEL, written), span.start, span.end)
                continue  # 下降0.12个百分点至1.36%: the level reached is no change, and a signed rule reads changes
            cue_text = cues[-1].group(0)
            quantity, value_end = _with_range_end(s, span.start)
            subject, note = subject_before(rule, s, span.start), s.unit_note(span.start)
            sharing = names_sharing(rule, s, span.start)  # 成都银行、苏农银行和招商银行……均高于400%: each bank's
            subject = sharing[0] if subject is None and sharing else subject
            if subject is None and who(s, span.start) is None:  # nobody named: the story's, or say so
                subject, note = title_subject(rule, s, span.start), joined(note, SUBJECT_FROM_TITLE)
                if subject is None:
                    yield unattributed(rule, s, article, span.start, value_end)
            if subject is None:
                if unpaired_in_list(s, span.start):  # 嘉兴汇拓、嘉兴合拓、嘉兴德拓分别持有……8.5%、3%
                    yield unattributed(rule, s, article, span.start, value_end, UNPAIRED)
                else:
                    about_whom(rule, s, span.start, span.end)
                continue
            if not level and _signed_down(rule, s, cue_text, cues[-1].end(), span.start, value_end):
                quantity = negate(quantity)
            converted = _converted_from(s, span.start) if rule.value == "money" else None
            if converted is not None:  # 1亿美元（约合7.3亿元人民币）: the same amount, shown as a conversion
                note = joined(note, f"a conversion of {s.plain[converted.start:converted.end].strip()}")
            found = claim(rule, subject, quantity, s, article, span.start, value_end, note)
            if converted is not None and reads(rule, "measure"):
                found = _as_conversion(found, s.plain[converted.end:span.end])
            if rule.metric and found.context_dict().get("metric", rule.metric[0]) not in rule.metric:
                left_out("metric", say(METRIC, written, found.context_dict().get("metric", "")), span.start, span.end)
                continue  # the nearest line item before the value is another one
            found = paired_in_list(found, rule, s, value_list(s, span.start), statement_start(s, span.start))
            if not _told_apart(found, s, span.start, told_apart):
                yield unattributed(rule, s, article, span.start, value_end, UNTOLD)
                continue
            for each in each_of_list(found, rule, s, span.start):  # each listed name's, in reading order
                yield from (replace(each, subject=name) for name in sharing) if sharing else (each,)
        yield from _unread(rule, s, article, cue)


# a change in percentage points that reaches a percentage: 下降0.12个百分点至1.36%, `rose 0.100 percentage point to
# 4.636%`, `up 125 bps to 4.2%` — 1.36% and 4.636% are the ratio's level
def _out_of_reach(rule: NumberRule, cue: Cue, s: Sentence, start: int, end: int) -> None:
    """Say why a value is out of reach of a cue standing in its clause (a cue elsewhere in the sentence
    is another clause's: no miss): too far before it, or after it with too much between, or a cue after
    it whose noun phrase runs on, or one that holds a value of its own."""
    begin, stop = s.clause_at(start)
    written = s.plain[start:end]
    before = [m for m in cue.finditer(s.text, begin, start) if m.end() <= start]
    after = cue.search(s.text, end, stop)
    if after is not None and (not before or after.start() - end <= start - before[-1].end()):
        between = s.plain[end:after.start()]
        if not _leads_into_cue(s.text, end, after.start()):
            left_out("cue", say(CUE_AFTER_FAR, written, after.group(0), between=between),
                     start, end)
        elif not noun_ends(s, after, start):
            left_out("cue", say(CUE_RUNS_ON, written, after.group(0),
                                      next=s.plain[after.end():after.end() + 4]), start, end)
        elif after.start() > end + rule.window + 12:  # cue_right_after's reach
            left_out("cue", say(CUE_AFTER_BEYOND, written, after.group(0), distance=after.start() - end,
                                window=rule.window), start, end)
        else:
            left_out("cue", say(OWN_VALUE, written, after.group(0)), start, end)
    elif before:
        distance = start - before[-1].end()
        left_out("window", say(WINDOW, written, before[-1].group(0), distance=distance,
                                           window=rule.window), start, end)
    elif (non := [m for m in pattern(rule.cue).finditer(s.text, begin, start) if inside_a_non_word(s.text, m.start())]):
        left_out("cue", say(NON_WORD, written, non[-1].group(0)), start, end)  # 零售总额（非营业收入）为120亿元


_PP_LEVEL = re.compile(r"\d\s*(?:个|個)?(?:百分点|百分點|基点|基點)\s*(?:至|到)\s*$"
                       r"|\d\s*(?i:percentage\s+points?|basis\s+points?|bps?|ppts?)(?:\s+[A-Za-z][A-Za-z-]*){0,3}?\s*,?\s+to\s+$")


def _list_skipped(rule: NumberRule, s: Sentence, cue: re.Match[str], offset: int) -> bool:
    """Whether a later value of a list read with the list's cue is left out with the list's first:
    the cue governs the whole list, so a skip word (`分别为`, anchored) that leaves out 16.74亿元 in
    `营业总收入分别为16.74亿元、16.99亿元、18.63亿元` leaves out the list, not its first value only."""
    listed = value_list(s, offset)
    return (listed is not None and listed[0] > 0 and cue.end() <= listed[2]
            and skipped(rule.skip, s, cue.start(), listed[2]))


@per_sentence  # the same for every rule of a unit whose cue the sentence holds
def _reached_value(s: Sentence, unit_kind: str, start: int) -> QuantitySpan | None:
    """The figure a change starting from the value at `start` reaches (110万 in 从105万桶/日上调至110万桶/日), if any."""
    span = _span_at(s, start)
    after = next((q for q in s.quantities if q.start >= span.end), None)
    if after is None or not _unit_fits(unit_kind, after.quantity.unit):
        return None
    begin = from_to_start(s.text, after.start)
    if begin is None or begin >= span.start or re.search(r"[，,。；;：:]", s.text[span.end:after.start]):
        return None
    return after


@per_sentence
def _spans_by_start(s: Sentence) -> dict[int, QuantitySpan]:
    spans: dict[int, QuantitySpan] = {}
    for span in s.quantities:
        spans.setdefault(span.start, span)
    return spans


def _span_at(s: Sentence, start: int) -> QuantitySpan:
    """The quantity of `s` starting at `start`: the per-sentence readings below are keyed by
    offset, which hashes in no time, where a span (a Decimal-valued record) does not."""
    return _spans_by_start(s)[start]


# why a value of a list is nobody's: a list of names of another length stands before the values
UNPAIRED = ("(a value of a list after a list of names of another length: which value is whose is not said, "
            "so none is given to a name)")


# why a later value of a list is no claim: listed, so a slip in it (1.71亿、173亿元) is not lost unseen
UNTOLD = ("(a value of a list nothing tells apart from an earlier one: no period, year, line item, name "
          "or word of the rule's own qualifiers pairs it; only the first such value is compared)")


def _told_apart(found: Claim, s: Sentence, offset: int, seen: dict[int, set[Any]]) -> bool:
    """Whether a value of a 分别 list is told apart from the list's values read before it.

    The values of 内地及全球市佔率分別為11.3%及2.2% are different things by construction; when
    the rule reads nothing that pairs them (a period, a year, a place, a line item, a name),
    only the first is its claim: two readings alike would be compared as if one figure. The
    others are listed as `unattributed`, so a value never vanishes unseen."""
    listed = value_list(s, offset)
    if listed is None:
        return True
    key = (found.subject, tuple((c.name, c.value) for c in found.context))
    readings = seen.setdefault(listed[2], set())
    if key in readings:
        return False
    readings.add(key)
    return True


@per_sentence  # the same for every rule whose cue the sentence holds: asked once per value
def _cue_room(s: Sentence, start: int) -> tuple[frozenset[tuple[int, int]], int, int, int]:
    """Where a cue of the value at `start` may stand: (its clauses, the first of their starts,
    where a change reaching the value begins, from which the window is measured, and the colon
    opening a list of labelled figures the value is in, -1 if none)."""
    clause = s.clause_at(start)
    clauses = {clause}
    reach = change_lead(s.text, start)  # 每股收益将同比增长6.1%至0.52美元: measured to the change
    if reach < clause[0]:  # `surplus increased by $23 billion, to $158 billion`: the change's clause is the value's
        clauses.add(s.clause_at(reach))
    colon = -1
    if _BLANK.fullmatch(s.text, clause[0], start) and clause[0] > 0 and s.text[clause[0] - 1] in "：:":
        before = s.clause_before(start)
        clauses.add(before if before else clause)  # 分别为：21%、20%: the list a colon introduces
    elif (found := _labelled_list_colon(s, start)) is not None:
        colon = found  # 营业收入构成为：酒店客房占比38.57%，持续加盟服务占比33.37%: measured to the colon
        clauses.add(s.clause_at(colon - 1))
        reach = min(reach, colon + 1)
    return frozenset(clauses), min(c[0] for c in clauses), reach, colon


# what may stand between a cue and the colon whose list it governs: nothing but 分别为, 为, 如下
CUE_ENDS_AT_COLON = re.compile(r"\s*(?:分别|分別)?(?:为|為|是|如下)?\s*")


def _labelled_list_colon(s: Sentence, start: int) -> int | None:
    """Where the colon stands that opens a run of clauses each holding a label and one figure
    (`：京东317万份，阿里巴巴184万份`), when the value at `start` is one of them; else None."""
    return labelled_runs(s, _figures(s)).get(s.clause_at(start)[0])


@per_sentence  # every value of the sentence asks: its quantities' spans built once
def _figures(s: Sentence) -> tuple[tuple[int, int], ...]:
    return tuple((span.start, span.end) for span in s.quantities)


_BLANK = re.compile(r"\s*")


def _cues(rule: NumberRule, cue: Cue, s: Sentence, span: QuantitySpan) -> list[re.Match[str]]:
    """The cue a value belongs to: within `window` before it in its clause (or in the clause a colon
    opens it from: 同比降幅分别为：21%), else right after it, else carried from the clause before."""
    clauses, first_clause_start, reach, colon = _cue_room(s, span.start)
    # a cue ends within the window, so it starts no further back than its own length (an upper bound:
    # the pattern's; English cues are long, `projects revenue of`), 12 at least
    window_start = max(first_clause_start, reach - rule.window - max(12, len(cue.pattern)))
    # the cue may end inside the qualifier: cue 涨超 before 超200%
    cues = [m for m in cue.finditer(s.text, window_start, span.number_start)
            if min(span.start, max(reach, m.end())) - m.end() <= rule.window and s.clause_at(m.end()) in clauses
            and (colon < 0 or m.end() > colon or CUE_ENDS_AT_COLON.fullmatch(s.text, m.end(), colon))
            and not _closes_means(rule, s, m)]
    return (cues or _cue_after(rule, cue, s, span.start, span.end) or _lead_in_cue(cue, s, span.start)
            or _restated_cue(rule, cue, s, span.start)
            or _carried_cue(rule, cue, s, span.start) or _reached_in_its_year_cue(rule, cue, s, span.start)
            or _cue_of_converted(rule, cue, s, span))


# a clause that opens with a word restating the clause before it as a figure: 即, 亦即, 也就是, 约为
_RESTATES = re.compile(r"\s*(?:即|亦即|也即|也就是|约为|約為|大约为|大約為)\s*")


def _restated_cue(rule: NumberRule, cue: Cue, s: Sentence, start: int) -> list[re.Match[str]]:
    """The cue of the clause before, when the value's clause opens with 即/也就是/约为 and that clause
    holds no figure: the value says what the clause before described (`第1季營收將貼近集團預測水平偏低範圍，
    即約250億美元`, `资本支出增至新高，约为260亿美元`). The window is measured to the clause's end."""
    begin, _ = s.clause_at(start)
    before = s.clause_before(start)
    restates = _RESTATES.match(s.text, begin)  # 约为 may be read into the value (≈260亿) as its qualifier
    if (before is None or s.text[begin - 1] not in "，," or restates is None or restates.end() < start
            or any(before[0] <= q.start < before[1] for q in s.quantities)):
        return []
    return [m for m in cue.finditer(s.text, before[0], before[1]) if before[1] - m.end() <= rule.window][-1:]


def _lead_in_cue(cue: Cue, s: Sentence, start: int) -> list[re.Match[str]]:
    """The cue of a value opening its clause when the clause before is nothing but the cue
    (`當中，200億歐羅用於興建4座AI超級工廠` with cue 当中 or `当中，`): a lead-in names what follows."""
    begin, _ = s.clause_at(start)
    before = s.clause_before(start)
    if before is None or not _BLANK.fullmatch(s.text, begin, start) or s.text[begin - 1] not in "，,":
        return []
    lead = _BLANK.match(s.text, before[0])
    found = cue.match(s.text, lead.end() if lead else before[0])
    return [found] if found is not None and found.end() in (before[1], begin) else []


# between an amount and the same amount in another currency: 50亿美元（约合人民币364亿元）,
# 50億美元，即約390億元, 最少50億美元，折合約390億港元, 5億至10億美元（約39億至78億港元）; in a bracket, the rate
# of now may be named first, after an editor's note label: 3.07 亿美元（当前约 22.44 亿元人民币）, （现约…）, （目前约合…）,
# 4.9 美元（IT之家备注：当前约 35.8 元人民币）
_CONVERSION = re.compile(r"\s*(?:[（(]\s*(?:[^（()）\d]{0,8}?(?:备注|備註)\s*[：:]\s*)?(?:当前|當前|目前|现|現)?\s*"
                         r"(?:约合|約合|折合|相当于|相當於|约为|約為|合)?"
                         r"|[，,]\s*(?:即|折合|约合|約合|相当于|相當於))\s*$")


def _cue_of_converted(rule: NumberRule, cue: Cue, s: Sentence,
                      span: QuantitySpan) -> list[re.Match[str]]:
    """The cue of the amount a value converts into another currency (50亿美元（约合人民币364亿元）):
    one figure written twice, each compared only with amounts in its own currency."""
    if rule.value != "money":
        return []
    converted = _converted_from(s, span.start)
    return [] if converted is None else _cues(rule, cue, s, converted)


@per_sentence  # the same for every money rule whose cue the sentence holds
def _converted_from(s: Sentence, start: int) -> QuantitySpan | None:
    """The amount in another currency the value at `start` restates, if it restates one."""
    span = _span_at(s, start)
    before = [q for q in s.quantities if q.end <= span.start]
    if not before:
        return None
    converted = before[-1]
    if (converted.quantity.unit == span.quantity.unit or not _unit_fits("money", converted.quantity.unit)
            or UNKNOWN_DOLLAR in (converted.quantity.unit, span.quantity.unit)  # no known currency: no known conversion
            or not _CONVERSION.fullmatch(s.text, converted.end, span.start)):
        return None
    return converted


_CONVERSION_WORD = compiled_on_use(r"约合|約合|折合|相当于|相當於|约为|約為|即|合|当前|當前|目前|现|現")


def _as_conversion(found: Claim, between: str) -> Claim:
    """The claim of an amount that restates another in its own currency (`（约合人民币364亿元）`,
    `，折合約390億港元`, `($5.65 million)`), its measure `converted`: compared only with other
    conversions, shown beside the figures sources state in that currency, never against them
    (a rate of the day is no source's statement of the amount)."""
    said = _CONVERSION_WORD.search(between)
    word = said.group(0) if said else between.strip()[:1]  # 约合, 折合, 即; else the bracket
    context = tuple(c for c in found.context if c.name != "measure")
    return replace(found, context=(*context, ContextValue("measure", CONVERTED, word)))


def _cues_of_list(rule: NumberRule, cue: Cue, s: Sentence, span: QuantitySpan) -> list[re.Match[str]]:
    """A value's cue; for a later value of a list (营收分别为16.75亿元、16.99亿元、18.64亿元), the cue of
    the list's first value: the cue governs the whole list, however far its last value stands."""
    own = _cues(rule, cue, s, span)
    listed = value_list(s, span.start) if not own else None
    if listed is None or listed[0] == 0:
        return own or _cues_of_owned_list(rule, cue, s, span)
    first = next(q for q in s.quantities if q.start == listed[2])
    return _cues(rule, cue, s, first) if _unit_fits(rule.value, first.quantity.unit) else []


# between two values of a list where each names its owner: 美摄软件的4%、抖音的0.8%
_OWNED_LINK = re.compile(r"\s*(?:、|以及|及|和|与|與)\s*[^，,。；;：:！？!?\d０-９、]{1,12}?的\s*")


def _cues_of_owned_list(rule: NumberRule, cue: Cue, s: Sentence,
                        span: QuantitySpan) -> list[re.Match[str]]:
    """For `不超过美摄软件的4%、抖音的0.8%`, the cue before the first value governs the second too:
    each value names its owner (抖音的) and the list runs on with 、/及/和 in one clause."""
    previous = _owned_before(s, span.start)
    if previous is None or not _unit_fits(rule.value, previous.quantity.unit):
        return []
    return _cues(rule, cue, s, previous) or _cues_of_owned_list(rule, cue, s, previous)


@per_sentence  # the same for every rule whose cue the sentence holds
def _owned_before(s: Sentence, start: int) -> QuantitySpan | None:
    """The value before the one at `start` in a list where each names its owner (美摄软件的4%、抖音的0.8%)."""
    clause = s.clause_at(start)
    before = [q for q in s.quantities if q.end <= start and s.clause_at(q.start) == clause]
    if not before or not _OWNED_LINK.fullmatch(s.text, before[-1].end, start):
        return None
    return before[-1]



# after that cue, its noun phrase ends (a break, an English full stop, a particle, a preposition, an adverb): in 投资额度,
# 融资计划 the cue only modifies another noun, which is something else; a Latin word is a word of its
# own (3亿美元收购NPU企业Kinara), as a typeset space before it (收购 NPU) shows
_ENDS_NOUN = re.compile(r"$|\.(?!\d)|[\sA-Za-z，,。；;：:！？!?、）)」』”的将將已于於在为為是了和及与與后後时時中向对對給给并並也还還再以由从從达達]"
                        r"|直接|进行|進行|成为|成為"
                        # prepositions (a closed class): 95%的买盘针对个股
                        r"|针对|針對|关于|關於|来自|來自|用于|用於|通过|通過|根据|根據|按照|被|把"
                        # a verb of change (比特币从109356美元的巅峰回落): the noun phrase it follows ends;
                        # two characters or more, so 增幅 or 涨幅 after a cue is not taken for one
                        + "".join(f"|{re.escape(w)}" for w in sorted({*ZH.up_words, *ZH.down_words},
                                                                       key=lambda w: (-len(w), w)) if len(w) > 1))


# a short modifier with no 的 between a value and the noun it qualifies (1090亿欧元私人投资, 5000万美元B轮融资):
# at most four letters or Chinese characters, spaces around them
_BARE_MODIFIER = re.compile(r"\s*[A-Za-z\u4e00-\u9fff]{1,4}\s*")


def _bare_modifier(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a short modifier of the noun after it (私人, AI, B轮): no Chinese
    character of it opens a word that ends a noun phrase (a particle, a preposition, 将, 已, 用于, a verb of
    change: `20亿元用于投资` is spent on investing, `3亿美元已投资` a verb), so it is part of the noun phrase."""
    return (_BARE_MODIFIER.fullmatch(text, start, end) is not None
            and not any(_ENDS_NOUN.match(text, i) for i in range(start, end) if "\u4e00" <= text[i] <= "\u9fff"))


def _leads_into_cue(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between a value and a cue after it, leaves the cue naming the value: nothing,
    a modifier ending in 的 (`2600亿美元的估值`), a short modifier (`1090亿欧元私人投资`), or the two in that
    order, the short one then part of the cue's noun (`2600亿美元的投前估值`, `0.3% 的市场预期`)."""
    if LEADS_INTO_NOUN.fullmatch(text, start, end) or _bare_modifier(text, start, end):
        return True
    last = text.rfind("的", start, end)
    return (last >= 0 and LEADS_INTO_NOUN.fullmatch(text, start, last + 1) is not None
            and _bare_modifier(text, last + 1, end))


def cue_right_after(cue: Cue, s: Sentence, value_end: int, window: int,
                    value_start: int | None = None) -> re.Match[str] | None:
    """The cue right after a value that names what the value is (`28亿元借款`, `以2600亿美元的估值`,
    `1090亿欧元私人投资`, `45W 有线快充`, `以2600亿美元的投前估值`): nothing, a modifier ending in 的, a short
    modifier or both between them (`_leads_into_cue`), and the cue's noun phrase ends there (`noun_ends`).
    Shared by number and count rules; each then checks the cue holds no value of its own."""
    _, clause_end = s.clause_at(value_end)
    # the cue starts within reach, however long it is (`4.2% rise in net revenue`, cue `rise in net revenue`)
    found = cue.search(s.text, value_end, clause_end)
    if (found is None or found.start() > value_end + window + 12 or not _leads_into_cue(s.text, value_end, found.start())
            or not noun_ends(s, found, value_start)):
        return None
    return found


# 以 right before a value (以不到50美元的价格, 以3000亿美元的估值): the means or the terms of the verb after the
# phrase, so the noun after the value ends the phrase, whatever follows (训练出, 集资); not 所以 (so), 予以, 加以,
# 难以, 得以, 足以 (verbs of their own) nor 以及 (and), 以上, 以下 (above, below)
_BY_MEANS_OF = re.compile(r"(?<![所予加难得足])以\s*$")


def by_means_of(s: Sentence, value_start: int) -> bool:
    """Whether the value at `value_start` opens a phrase of means with 以 (`以不到50美元的价格`)."""
    return _BY_MEANS_OF.search(s.text, max(0, value_start - 4), value_start) is not None


def _closes_means(rule: NumberRule, s: Sentence, cue: re.Match[str]) -> bool:
    """Whether a cue closes a phrase of means whose value, of the rule's sort, stands before it
    (`以600亿美元的估值筹集20亿美元`): the cue is that value's, so it is no cue of a value after it (the 20亿 is
    what 筹集 raises). A value of another sort is no such phrase's for this rule (`以43亿的价格转让…5.45%的股权`:
    the percent rule's 转让 reads the stake)."""
    begin, _ = s.clause_at(cue.start())
    return any(begin <= q.start and q.end <= cue.start() and _unit_fits(rule.value, q.quantity.unit)
               and by_means_of(s, q.start) and _leads_into_cue(s.text, q.end, cue.start()) for q in s.quantities)


def noun_ends(s: Sentence, cue: re.Match[str], value_start: int | None = None) -> bool:
    """Whether the noun phrase of a cue after a value ends with the cue: a break, 的, a particle, a preposition,
    a verb of change after it (in 投资额度, 融资计划 the cue only modifies another noun, which is something else),
    a declared name (`天合光能10亿索赔阿特斯`: the cue's object), or the value opens a phrase of means with 以
    (`以不到50美元的价格训练出的新模型`: the price the model was trained for; round 38's notes)."""
    return (_ENDS_NOUN.match(s.text, cue.end()) is not None or any(m.start == cue.end() for m in s.mentions)
            or (value_start is not None and by_means_of(s, value_start)))


def say_non_word_before(cue: str, window: int, s: Sentence, taken: set[int],
                        first_value: Callable[[int, int], tuple[int, int] | None]) -> None:
    """Say why a value within `window` after a cue written right after 非 (`非独立董事6人`, 非营业收入) gave no
    claim: that cue is its opposite. `first_value(begin, end)`: the (start, end) of the first value of the
    rule's own sort in s.text[begin:end]. Count and duration rules ask it once both readings are done, so a
    value another cue read (`taken`) or another cue stands before is no such value; number rules say it as
    they read (`_out_of_reach`)."""
    raw, plain_cue = pattern(cue), cue_pattern(cue)
    for non in raw.finditer(s.text):
        if not inside_a_non_word(s.text, non.start()):
            continue
        found = first_value(value_start(s.text, non.start(), non.end()), s.clause_at(non.end())[1])
        if found is None:
            continue
        start, end = found
        if start in taken or start - non.end() > window or plain_cue.search(s.text, non.end(), start) is not None:
            continue
        left_out("cue", say(NON_WORD, s.plain[start:end], non.group(0)), start, end)


def _cue_after(rule: NumberRule, cue: Cue, s: Sentence, value_start: int, value_end: int) -> list[re.Match[str]]:
    """The cue right after a value, when that cue holds no value of its own (`400亿美元投资，估值3000亿美元`
    gives 估值 its own)."""
    found = cue_right_after(cue, s, value_end, rule.window, value_start)
    if found is None:
        return []
    if by_means_of(s, value_start):
        return [found]  # 以600亿美元的估值筹集20亿美元: the phrase closes at 估值, the 20亿 is 筹集's
    reach = min(s.clause_at(value_end)[1], found.end() + rule.window)
    if any(found.end() <= q.start <= reach and _unit_fits(rule.value, q.quantity.unit) for q in s.quantities):
        return []
    return [found]


def _carried_cue(rule: NumberRule, cue: Cue, s: Sentence, value_start: int) -> list[re.Match[str]]:
    """The cue of the clause before, for a value whose clause opens with a measure word and names no
    line item of its own: `净利润21.95亿美元，前值为19.73亿美元`, `每股收益0.55美元，高于预估的0.52美元`; or
    whose clause opens with the comparison phrase it closes (`营收3560亿元—3660亿元，比2023年的4009亿元`).
    Only for a rule that reads `measure`, so the forecast or prior figure is never taken for the actual."""
    measure = next((spec for spec in rule.context if spec.name == "measure"), None)
    previous = s.clause_before(value_start)
    if measure is None or previous is None:
        return []
    begin, _ = s.clause_at(value_start)
    lead = [hit for hit in s.hits(measure.values)
            if begin <= hit[0] and hit[0] - begin <= 4 and hit[2] not in ("actual", CUMULATIVE)
            and value_start - (hit[0] + len(hit[1])) <= rule.window]
    if not (lead or clause_opens_comparison(s, value_start)) or any(begin <= q.start < value_start
                                                                     for q in s.quantities):
        return []
    previous = _last_clause_with_value(rule, s, previous)
    if previous is None:
        return []
    before = list(cue.finditer(s.text, previous[0], previous[1]))
    held = before and any(before[-1].end() <= q.start < previous[1] and _unit_fits(rule.value, q.quantity.unit)
                          for q in s.quantities)
    return [before[-1]] if held else []


# a clause that opens with its own year and a change to a level (2023年增长至4009亿元, 2023年则增至473亿元): the
# line item is the clause before's, named for the year before it
_REACHED_IN_ITS_YEAR = re.compile(r"\s*(?:而|则|則)?\s*(?:(?:19|20)\d{2}\s*(?:年度|年|财年|財年)|[去今前]年)[^，,。；;：:\d]{0,4}?"
                                  r"(?:" + "|".join(map(re.escape, sorted({*ZH.up_words, *ZH.down_words}, key=len, reverse=True)))
                                  + r")\s*了?\s*(?:至|到)\s*(?:约|約|近|超|逾)?\s*")
_WRITTEN_YEAR_OR_WORD = compiled_on_use(r"(?:19|20)\d{2}\s*(?:年度|年|财年|財年)|[去今前]年")


def _reached_in_its_year_cue(rule: NumberRule, cue: Cue, s: Sentence, value_start: int) -> list[re.Match[str]]:
    """The cue of the clause before, for a level a change reaches in a clause that opens with its own year
    and nothing else (`宁德时代2022年实现营业收入3286亿元，2023年增长至4009亿元`, `2022年，宁德时代实现净利润335亿元，
    2023年增至473亿元`): the same line item, a year later. The clause before must name a year too and hold
    a value of the rule's unit after its cue, so the year tells the two figures apart."""
    previous = s.clause_before(value_start)
    begin, _ = s.clause_at(value_start)
    if previous is None or _REACHED_IN_ITS_YEAR.fullmatch(s.text, begin, value_start) is None:
        return []
    previous = _last_clause_with_value(rule, s, previous)
    if previous is None:
        return []
    statement = s.text[:begin].rfind("；")
    if not _WRITTEN_YEAR_OR_WORD.search(s.text, max(statement + 1, 0), previous[1]):
        return []
    before = list(cue.finditer(s.text, previous[0], previous[1]))
    held = before and any(before[-1].end() <= q.start < previous[1] and _unit_fits(rule.value, q.quantity.unit)
                          for q in s.quantities)
    return [before[-1]] if held else []


def _last_clause_with_value(rule: NumberRule, s: Sentence, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest clause from `clause` back that holds a value of the rule's unit, within the
    statement: in `收入115.44億元，按年上升6.41%，市場預期為106.7億元` the forecast's line item is
    the revenue two clauses back (the growth rate between is another unit); a `；` ends the search."""
    current: tuple[int, int] | None = clause
    while current is not None:
        if any(current[0] <= q.start < current[1] and _unit_fits(rule.value, q.quantity.unit) for q in s.quantities):
            return current
        if re.search(r"[；;]\s*$", s.text[:current[0]]):
            return None
        current = s.clause_before(current[0])
    return None


_RANGE_LINK = re.compile(r"\s*(?:至|到|~|～|-|—|–|－)\s*(?:人民币|人民幣|港币|港幣|美元)?\s*$")


@per_sentence
def _with_range_end(s: Sentence, start: int) -> tuple[Quantity, int]:
    """The value, as a range when the normalizer read its two ends apart because of a currency word
    between (人民币9.50亿元至人民币10.10亿元, 人民币9.50亿元至10.10亿元), and where it ends."""
    span = _span_at(s, start)
    here = span.quantity
    after = next((q for q in s.quantities if q.start >= span.end), None)
    if (after is None or here.is_range or after.quantity.is_range or after.quantity.unit != here.unit
            or _RANGE_LINK.fullmatch(s.text, span.end, after.start) is None):
        return here, span.end
    low, high = sorted((here.value, after.quantity.value))
    merged = replace(here, value=(low + high) / 2, low=low, high=high, is_range=True,
                     raw=s.plain[span.start:after.end])
    return merged, after.end


@per_sentence
def _range_end(s: Sentence, start: int) -> bool:
    """Whether the number at `start` closes a range the normalizer read as two numbers."""
    here = _span_at(s, start)
    before = [q for q in s.quantities if q.end <= start]
    if not before:
        return False  # 上涨18.8%至34.38元: a move and a price, not a range
    last = max(before, key=lambda q: q.end)
    return (last.quantity.unit == here.quantity.unit
            and _RANGE_LINK.fullmatch(s.text, last.end, start) is not None)


# after a cue, a number written right before a unit of the rule's kind: 涨近两成, 报579.5美分
_NUMBER = r"(?:[\d０-９][\d０-９.,]*|[一二两三四五六七八九十半几数]+)\s*(?:多|余)?"
_VALUE_HINTS = {
    "percent": re.compile(_NUMBER + r"(?:[%％‰]|成|个?百分)|百分之"),
    "pp": re.compile(_NUMBER + r"个?百分点"),
    "money": re.compile(_NUMBER + r"(?:[万亿億萬千百]*)(?:元|圆|币|幣|美分|港仙|镑|欧|円)|[$￥]\s*\d"),
}


def _unread(rule: NumberRule, s: Sentence, article: Article, cue: Cue) -> Iterable[Diagnostic]:
    """Cues followed, within the window, by what looks like a value no normalizer could read."""
    if not _holds_hint(rule.value or "money", s.text):
        return  # most sentences a cue is in hold nothing that looks like a value of the rule's unit
    for match in cue.finditer(s.text):
        _, clause_end = s.clause_at(match.end())
        reach = min(clause_end, match.end() + rule.window + 2)
        hint = _VALUE_HINTS[rule.value or "money"].search(s.text, match.end(), clause_end)
        if hint is None or hint.start() > reach or any(q.start <= hint.start() < q.end for q in s.quantities):
            continue
        if s.text[hint.start():hint.start() + 1].isdigit() and re.match(r"\d+(?:\.\d+)?[年月日号时点分秒]", s.text[hint.start():]):
            continue  # a date or a time after the cue, not a value
        raw = s.plain[match.start():min(clause_end, hint.end() + 6)]
        yield Diagnostic(article.path, s.line_at(hint.start()),
                         f"{rule.id}: cannot read a value in {raw!r}", "warning", "unread-value")


@lru_cache(maxsize=4096)
def _holds_hint(value: str, text: str) -> bool:
    """Whether `text` holds what looks like a value of kind `value` anywhere: asked once per
    sentence and unit, not once per rule. A hint searched in part of the text is a hint of
    the whole text (the hints look at nothing outside their match), so without one here
    `_unread` finds nothing."""
    return _VALUE_HINTS[value].search(text) is not None


def _unit_fits(kind: str, unit: str) -> bool:
    if kind in UNIT_KINDS:
        return unit in UNIT_KINDS[kind]
    return unit not in ("%", "pp", "")  # money: any currency


# a change whose sign a noun names after the figure (0.7%的负增长, 3%的降幅, `a 0.7% decline`) or a word right before it,
# after the cue (`posted a decline of 0.7%`): negative growth (负增长, 负值) is down in any signed rule
_NEGATIVE_AFTER = ("负增长", "负成长", "负值")
_SIGN_AFTER = re.compile(r"\s*的?\s*")
_SIGN_BEFORE_TAIL = re.compile(r"\s*(?:了|(?i:of|by))?\s*$")


def _signed_down(rule: NumberRule, s: Sentence, cue_text: str, cue_end: int, start: int, end: int) -> bool:
    """Whether the value is a fall: the word of change right after it (through 的: 0.7%的负增长, 3%的降幅,
    `a 0.7% decline`) says so when the rule's sign words hold it, else one right before it after the cue
    (`posted a decline of 0.7%`), else the cue (跌4.5%). Only a rule with `sign:` reads signs."""
    if not (rule.sign_up or rule.sign_down):
        return False
    downs = (*fold_words(rule.sign_down), *_NEGATIVE_AFTER)
    ups = fold_words(rule.sign_up)
    gap = _SIGN_AFTER.match(s.text, end)
    assert gap is not None  # the pattern may match nothing, so it always matches
    after, through_de = s.text[gap.end():], "的" in gap.group(0)
    nouns = {*ZH.down_nouns_en, *ZH.up_nouns_en}
    # a noun, not a verb of change: 从3%下降至2% and `3% fell` name the figure after; so 的 before a Chinese word,
    # a noun of change in English (`a 0.7% decline`)
    named = _longest_word(after, tuple(w for w in downs if through_de or w.lower() in nouns),
                          tuple(w for w in ups if through_de or w.lower() in nouns), start_of=True)
    if named is not None:
        return named
    between = s.text[cue_end:start]
    tail = _SIGN_BEFORE_TAIL.search(between)
    named = _longest_word(between[:tail.start()] if tail else between, downs, ups, start_of=False)
    return named if named is not None else _is_down(cue_text, rule)


def _longest_word(text: str, downs: tuple[str, ...], ups: tuple[str, ...], start_of: bool) -> bool | None:
    """True (down) or False (up) for the longest sign word `text` starts (`start_of`) or ends with, a Latin
    word whole; None when it has none."""
    best: tuple[int, bool] | None = None
    for words, down in ((downs, True), (ups, False)):
        for word in words:
            if not word:
                continue
            if start_of:
                hit = text.startswith(word) and not (word[-1:].isascii() and word[-1:].isalpha()
                                                     and text[len(word):len(word) + 1].isalpha())
            else:
                hit = text.endswith(word) and not (word[:1].isascii() and word[:1].isalpha()
                                                   and text[-len(word) - 1:-len(word)].isalpha())
            if hit and (best is None or len(word) > best[0]):
                best = (len(word), down)
    return None if best is None else best[1]


def _is_down(cue_text: str, rule: NumberRule) -> bool:
    downs = [w for w in fold_words(rule.sign_down) if w in cue_text]
    ups = [w for w in fold_words(rule.sign_up) if w in cue_text]
    return bool(downs) and max(map(len, downs)) >= max(map(len, ups), default=0)
