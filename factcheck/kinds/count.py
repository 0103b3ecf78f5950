"""`kind: count`: a number with the unit word that says what is counted.

120万辆 (cars), 8000人 (people), 1800家 (shops), 107.36点 (index points),
25倍 (a multiple): the rule names its unit words, so people are never
compared with cars. All of a rule's unit words name one unit, shown as the
first (`units: [人, 名]` reads 逾千名 as >1000 人). With `bare: true` a
number written without a unit word counts too, read in the rule's unit
(a box-office rule with `units: [元]` reads 票房突破100亿 as 100亿 元).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, ClassVar

from factcheck.kinds.amounts import (
    Amount,
    amounts,
    change_lead,
    figure_left,
    reached_from,
    tolerance_fields,
    value_start,
)
from factcheck.kinds.base import Document, Kind
from factcheck.kinds.left_out import NON_WORD, OWN_VALUE, SKIP, WINDOW, left_out, say
from factcheck.kinds.lists_reading import list_owner, unpaired_in_list, value_list
from factcheck.kinds.named_subject_reading import COUNTS_THE_REST, counts_the_rest
from factcheck.kinds.negation import inside_a_non_word
from factcheck.kinds.number import (
    CUE_ENDS_AT_COLON,
    UNPAIRED,
    FigureJudging,
    NumberKind,
    cue_right_after,
    say_non_word_before,
)
from factcheck.kinds.qualifiers import LIST_WORD_JOIN, each_of_list, reads
from factcheck.kinds.reading import about_whom, claim, unattributed
from factcheck.kinds.scope_reading import labelled_runs
from factcheck.kinds.sentence import Sentence, cue_pattern, pattern, per_sentence
from factcheck.kinds.skip import skip_word, skipped
from factcheck.kinds.subject_reading import SUBJECT_FROM_TITLE, names_sharing, subject_before, title_subject, who
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Claim, Diagnostic, RuleBase
from factcheck.values import Quantity


def _surely_two_figures(one: Claim, other: Claim) -> bool:
    """Whether two values of one list are surely two figures: different subjects, or a qualifier
    both state with two values (74亿杯 of 2023, 71亿杯 of the first nine months). A value whose
    qualifier is unknown would join its neighbour's group and be compared with it."""
    if one.subject != other.subject:
        return True
    mine, theirs = one.context_dict(), other.context_dict()
    return any(theirs.get(name) not in (None, value) for name, value in mine.items() if value)


@dataclass(frozen=True)
class Count(Quantity):
    """A counted number and what it counts (the unit is the rule's first unit word), shown as amounts are
    (`Quantity.display`): in 万/亿 when the source wrote a scale (120万, 4.5萬 is 4.5万, 101.7 million users
    is 1.017亿 users), else its digits (22,000 is 22000, 108.10 keeps its zero)."""

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "type": "count"}


@dataclass(frozen=True)
class CountRule(RuleBase):
    cue: str = ""  # a regex
    units: tuple[str, ...] = ()
    bare: bool = False
    window: int = 6
    tolerance: Decimal = Decimal(0)
    relative_tolerance: Decimal = Decimal(0)
    running: bool = False  # a total that only grows (see NumberRule.running)
    rank: bool = False  # reads the number after 第 (第十次, 第61届: an edition), and only it


class CountKind(FigureJudging, Kind[CountRule]):
    name = "count"
    rule_type = CountRule
    value_type = Count
    required = ("cue", "units")
    # not `year`: a count's sentence dates an event more often than it names the year the count is for
    # (2024年5月底……作出一审判决……共计约2670.4万元); `qualifiers: [period, year, basis, measure]` reads it
    default_qualifiers = ("period", "basis", "measure", "accounting")
    properties: ClassVar[dict[str, Any]] = {
        "cue": {"$ref": "#/$defs/words_or_regex"},
        "units": {"$ref": "#/$defs/words", "description": "The words that say what is counted (辆; 人, 名; 点; 倍); the first names the unit."},
        "bare": {"type": "boolean", "description": "Numbers written in digits without a unit word count too, in the rule's unit (票房100亿)."},
        "rank": {"type": "boolean", "description": "Read the number right after 第 (a rank or an edition: 第十次, 第61届), and only it."},
        "window": NumberKind.properties["window"],
        "qualifiers": NumberKind.properties["qualifiers"],
        "tolerance": NumberKind.properties["tolerance"],
        "running": NumberKind.properties["running"],
        "period_level": NumberKind.properties["period_level"],
    }
    dated = True

    def fields(self, doc: Document) -> dict[str, Any]:
        return {"cue": doc.regex("cue"), "units": tuple(str(u) for u in doc.data["units"]),
                "bare": bool(doc.data.get("bare", False)), "rank": bool(doc.data.get("rank", False)),
                "window": int(doc.data.get("window", 6)),
                "running": bool(doc.data.get("running", False)), "period_level": doc.data.get("period_level", ""),
                **tolerance_fields(doc.data.get("tolerance", 0))}

    def find(self, rule: CountRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        taken: set[int] = set()
        yield from self._cued_before(rule, s, article, taken)
        yield from self._cued_after(rule, s, article, taken)
        say_non_word_before(rule.cue, rule.window, s, taken, lambda begin, end: (
            (found.start, found.end) if (found := _first_amount(s, rule.units, begin, end, rule.bare, rule.rank)) else None))

    def _cued_after(self, rule: CountRule, s: Sentence, article: Article,
                    taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """A value followed by the cue that names it (`45W 有线快充`), as number rules read it: the cue holds
        no value of its own (`45W 有线快充和 15W 无线充电`: 15W is not the cue's with window 0)."""
        cue = cue_pattern(rule.cue)
        found_all = _amounts_in(s, rule.units, rule.bare, rule.rank)
        for found in found_all:
            end = _list_end(s.text, found, found_all)  # 268万、248万台销量成绩: the cue after the list names each
            after = None if found.start in taken else cue_right_after(cue, s, end, rule.window, found.start)
            written = s.plain[found.start:found.end]
            if after is None:
                if found.start not in taken and (non := _non_word_after(rule, s, end)) is not None:
                    left_out("cue", say(NON_WORD, written, non.group(0)), found.start, found.end)  # 6名非独立董事
                continue
            if skipped(rule.skip, s, found.start, after.end()):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, after.end())), found.start, found.end)
                continue
            clause_end = s.clause_at(found.end)[1]
            own = _first_amount(s, rule.units, after.end(), clause_end, rule.bare, rule.rank)
            if own is not None and own.start <= min(clause_end, after.end() + rule.window):
                left_out("cue", say(OWN_VALUE, written, after.group(0)), found.start, found.end)
                continue  # the cue's own value: 有线快充45W
            yield from self._attributed(rule, s, article, found, taken)

    def _cued_before(self, rule: CountRule, s: Sentence, article: Article,
                     taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """A value within `window` after its cue (售出120万辆)."""
        for cue in cue_pattern(rule.cue).finditer(s.text):
            _, clause_end = s.clause_at(cue.end())
            # searched past the clause: 36,512 holds a comma
            found = _first_amount(s, rule.units, value_start(s.text, cue.start(), cue.end()), len(s.text),
                                  rule.bare, rule.rank)
            left = None  # 从105万桶/日上调至110万桶/日: the figure reached is the claim, the one left `prior`
            if found is not None:
                reached = _first_amount(s, rule.units, found.end, len(s.text), rule.bare, rule.rank)
                if reached is not None and reached_from(s.text, found.start, found.end, reached):
                    found, left = reached, found
                else:
                    left = figure_left(s.text, rule.units, found, rule.bare)
            run = (_labelled_run(s, rule, clause_end) if found is not None and found.start >= clause_end
                   and CUE_ENDS_AT_COLON.fullmatch(s.text, cue.end(), clause_end) else [])
            if run:  # 增持及数量：京东317万份，阿里巴巴184万份: the cue before a colon governs the list after it
                yield from self._labelled(rule, s, article, run, taken)
                continue
            if found is None or found.start >= clause_end or found.start in taken:
                continue
            written = s.plain[found.start:found.end]
            if min(found.start, max(change_lead(s.text, found.start), cue.end())) - cue.end() > rule.window:
                left_out("window", say(WINDOW, written, cue.group(0), distance=found.start - cue.end(),
                                               window=rule.window), found.start, found.end)
                continue
            if skipped(rule.skip, s, cue.start(), found.start, found.end):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, found.start)), found.start, found.end)
                continue
            if counts_the_rest(s, found.start):  # 还有另外四款: a part, listed so the editor sees it
                yield unattributed(rule, s, article, found.start, found.end, COUNTS_THE_REST)
                continue
            subject, note = self._subject(rule, s, found.start)
            if subject is None:
                if note is None:  # nobody named: a claim nobody checks, say so (as numbers do)
                    yield unattributed(rule, s, article, found.start, found.end)
                elif unpaired_in_list(s, found.start):  # three names, two counts: whose is not said
                    yield unattributed(rule, s, article, found.start, found.end, UNPAIRED)
                else:
                    about_whom(rule, s, found.start, found.end)
                continue
            taken.add(found.start)
            if left is not None and reads(rule, "measure") and left.start not in taken:
                taken.add(left.start)  # read as `prior` (reading.context), as number rules read it
                yield from self._claims(rule, s, article, left, subject_before(rule, s, left.start) or subject, note or "")
            first = self._claims(rule, s, article, found, subject, note or "")
            yield from first
            yield from self._rest_of_list(rule, s, article, found, first, taken)

    def _attributed(self, rule: CountRule, s: Sentence, article: Article, found: Amount,
                    taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """The claims of a value its cue gives, once a subject is found; when nobody is named at
        all, an `unattributed` notice, so a claim nobody checks is said (as numbers do)."""
        if counts_the_rest(s, found.start):
            yield unattributed(rule, s, article, found.start, found.end, COUNTS_THE_REST)
            return
        subject, note = self._subject(rule, s, found.start)
        if subject is None:
            if note is None:
                yield unattributed(rule, s, article, found.start, found.end)
            elif unpaired_in_list(s, found.start):
                yield unattributed(rule, s, article, found.start, found.end, UNPAIRED)
            else:
                about_whom(rule, s, found.start, found.end)
            return
        taken.add(found.start)
        yield from self._claims(rule, s, article, found, subject, note or "")

    @staticmethod
    def _subject(rule: CountRule, s: Sentence, offset: int) -> tuple[str | None, str | None]:
        """Who a value at `offset` is about, and the claim's note; (None, None) when nobody is
        named at all and the title names no one either (an `unattributed` notice), (None, "")
        when the value is someone else's."""
        paired = list_owner(s, offset, rule.units)  # 长安与东风集团分别创造了268万、248万台: the i-th name's
        if paired is not None and paired[1] is not None and (not rule.subjects or paired[1] in rule.subjects):
            return (paired[1] if rule.subjects else ""), ""
        subject = subject_before(rule, s, offset)
        sharing = names_sharing(rule, s, offset)  # 丰立智能、华勤技术、炬光科技等公司接待量均超过200家: each one's
        subject = sharing[0] if subject is None and sharing else subject
        if subject is not None or who(s, offset) is not None:
            return subject, ""
        subject = title_subject(rule, s, offset)
        return (subject, SUBJECT_FROM_TITLE) if subject is not None else (None, None)

    def _labelled(self, rule: CountRule, s: Sentence, article: Article, run: list[Amount],
                  taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """The figures of a list a colon opens, each after its own label (京东317万份，阿里巴巴184万份)."""
        for found in run:
            if found.start in taken:
                continue
            yield from self._attributed(rule, s, article, found, taken)

    def _rest_of_list(self, rule: CountRule, s: Sentence, article: Article, found: Amount,
                      first: list[Claim], taken: set[int]) -> Iterable[Claim]:
        """The later values of a list the cue's value opens (`出杯量约74亿杯及71亿杯`): the cue
        governs the list, as for number rules. A value is read only when the rule tells it from
        the ones before (the i-th period of the lead-in, a name of a list of names): two readings
        alike would be compared as one figure."""
        listed = value_list(s, found.start, rule.units)
        if listed is None or listed[0] != 0:
            return
        told = list(first)
        clause_end = s.clause_at(found.start)[1]  # the sentence's amounts in the rest of the clause (read once)
        for later in (a for a in _amounts_in(s, rule.units, rule.bare, rule.rank) if found.end <= a.start and a.end <= clause_end):
            member = value_list(s, later.start, rule.units)
            if member is None or member[2] != listed[2] or later.start in taken:
                continue
            owner = subject_before(rule, s, later.start)
            if owner is None:  # 印尼及越南分别拥有2667家、1304家: the places', not the company's
                return
            claims = self._claims(rule, s, article, later, owner)
            if not claims or not all(_surely_two_figures(c, t) for c in claims for t in told):
                return
            told.extend(claims)
            taken.add(later.start)
            yield from claims

    def _claims(self, rule: CountRule, s: Sentence, article: Article, found: Amount, subject: str,
                note: str = "") -> list[Claim]:
        number = found.number
        value = Count(number.value, number.low, number.high, rule.units[0], number.approx,
                      s.plain[found.start:found.end].strip(), is_range=number.is_range)
        claims = each_of_list(claim(rule, subject, value, s, article, found.start, found.end, note), rule, s, found.start)
        sharing = names_sharing(rule, s, found.start)  # a value the listed names share through 均/都/皆/各: each one's
        if subject not in sharing:
            return claims
        return [replace(each, subject=name) for each in claims for name in sharing]


def _non_word_after(rule: CountRule, s: Sentence, value_end: int) -> re.Match[str] | None:
    """The cue right after a value when it stands right after 非 (`6名非独立董事`): the cue's opposite, so the
    value gives no claim and is left out with that reason (as number rules say it)."""
    found = cue_right_after(pattern(rule.cue), s, value_end, rule.window)
    return found if found is not None and inside_a_non_word(s.text, found.start()) else None


def _labelled_run(s: Sentence, rule: CountRule, colon_at: int) -> list[Amount]:
    """The figures of the run of clauses after a colon at `colon_at` that each hold a label and one figure
    of the rule's units and nothing else (增持及数量：京东317万份，阿里巴巴184万份，…；…ETF 81万份;
    scope_reading.labelled_runs): a cue before the colon governs each. Empty when the colon opens anything else."""
    found = _amounts_in(s, rule.units, rule.bare, rule.rank)
    runs = labelled_runs(s, _spans(s, rule.units, rule.bare, rule.rank))
    return [amount for amount in found if runs.get(s.clause_at(amount.start)[0]) == colon_at]


@per_sentence
def _spans(s: Sentence, units: tuple[str, ...], bare: bool, rank: bool) -> tuple[tuple[int, int], ...]:
    """Where the amounts of `units` stand in the sentence (`_amounts_in`), first first."""
    return tuple((amount.start, amount.end) for amount in _amounts_in(s, units, bare, rank))


def _list_end(text: str, found: Amount, amounts_read: list[Amount]) -> int:
    """Where the list of amounts `found` opens or belongs to ends (its own end when it is none): 268万、248万台,
    12万辆和13万辆."""
    end = found.end
    while (join := LIST_WORD_JOIN.match(text, end)) is not None and join.end() > end:
        following = next((a for a in amounts_read if a.start == join.end()), None)
        if following is None:
            break
        end = following.end
    return end


@per_sentence  # rules counting the same thing (辆, 家, 人) read a sentence's amounts once
def _amounts_in(s: Sentence, units: tuple[str, ...], bare: bool, rank: bool = False) -> list[Amount]:
    """Every amount of `units` in the sentence, first first (an article 一家 is none: `_is_article`)."""
    return [a for a in amounts(s.text, units, 0, len(s.text), bare, rank) if rank or not _is_article(s, a, units, bare)]


@per_sentence  # asked at each cue of each rule with these units: the same answer for all
def _first_amount(s: Sentence, units: tuple[str, ...], begin: int, end: int, bare: bool,
                  rank: bool = False) -> Amount | None:
    """The first amount of `units` read in s.text[begin:end], if any (an article 一家 is none)."""
    return next((a for a in amounts(s.text, units, begin, end, bare, rank)
                 if rank or not _is_article(s, a, units, bare)), None)


# 一 and a bare measure word before a noun is the indefinite article (是一家总部位于杭州的科技公司, 成立了一家新的
# 公司, 收购一家初创公司: "a company"), no count of one; these words before it give the one a number role (只有一次
# 25个基点的降息, 仅一家, 唯一一家, 至少一名), as does nothing noun-like after it (仅降息一次，) or another count of
# the unit in its clause other than one (一家工厂和两家门店)
_ONE_COUNTED = compiled_on_use(r"(?:只有|仅有|僅有|只剩|仅剩|僅剩|唯一|仅|僅|只|单单|單單|合共|共计|共計|总共|總共|一共|"
                               r"共有|新增|增加|减少|減少|增至|减至|減至|降至|升至|剩下|剩余|剩餘|多了|少了)\s*$")
_NOUN_AFTER = compiled_on_use(r"\s*(?:[\u4e00-\u9fff]|[A-Za-z0-9“‘「『《\"'(（*])")
_NOT_NOUN = compiled_on_use(r"\s*(?:以上|左右|之多|而已|罢了|罷了|了|的(?=[，,。；;：:！!？?\s]|$)|[都也就才便还還又再])")


def _is_article(s: Sentence, found: Amount, units: tuple[str, ...], bare: bool) -> bool:
    """Whether `found` is 一 + a bare measure word (a unit word of one character: 家, 名, 个, 次) used as
    the article "a": a rule whose unit word names the noun (`units: [家门店]`) counts exactly that, so
    its 一家门店 stays a count."""
    if len(found.word) != 1 or found.text[:-1].strip() != "一":
        return False
    head = s.text[max(0, found.start - 6):found.start]
    if _ONE_COUNTED.search(head) or not _NOUN_AFTER.match(s.text, found.end) or _NOT_NOUN.match(s.text, found.end):
        return False
    begin, end = s.clause_at(found.start)
    return not any(other.start != found.start and other.number.value != 1  # by value: a unit word may be long
                   for other in amounts(s.text, units, begin, end, bare))
