"""`kind: date`: when something happened (a launch, a filing) as each source dates it.

A cue (发布, 上线) near a subject; the date is the one in the cue's clause
(nearest before it), else one right after it that no other event claims
(发布于1月29日, but not 宣布将于4月1日起免费: a date after 将/拟/计划 dates the
coming event, not the announcement), else the last date of the clause before,
else one that opens the sentence. Dates agree when their intervals of days
overlap (1月底 fits 1月28日).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, ClassVar

from factcheck.kinds.base import Document, Kind
from factcheck.kinds.reading import claim, pointed_back, subject_near, unattributed
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.kinds.skip import skipped
from factcheck.normalize.dates import DateSpan
from factcheck.records import Article, Claim, Diagnostic, RuleBase
from factcheck.values import DateValue

_TIME_OF_DAY_NOTES = {
    "凌晨": "凌晨 (before dawn) in Beijing time is still the previous day in the Americas",
    "深夜": "深夜 (late night) may already be the next day in Asia",
}


@dataclass(frozen=True)
class DateRule(RuleBase):
    cue: str = ""  # a regex


class DateKind(Kind[DateRule]):
    name = "date"
    rule_type = DateRule
    value_type = DateValue
    required = ("cue",)
    properties: ClassVar[dict[str, Any]] = {"cue": {"$ref": "#/$defs/words_or_regex"}}

    def fields(self, doc: Document) -> dict[str, Any]:
        return {"cue": doc.regex("cue")}

    def cues(self, rule: DateRule) -> tuple[str, ...]:
        return (rule.cue,)

    def find(self, rule: DateRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        for cue in pattern(rule.cue).finditer(s.text):
            span = _date_for(s, cue.start(), cue.end())
            if span is None or skipped(rule.skip, s, min(cue.start(), span.start), max(cue.start(), span.start)):
                continue
            subject = subject_near(rule, s, cue.start())
            if subject is None:
                if pointed_back(s, cue.start()):  # 该公司/其 with no one to point to
                    yield unattributed(rule, s, article, span.start, span.end)
                continue
            note = _TIME_OF_DAY_NOTES.get(span.value.time_of_day, "")
            yield claim(rule, subject, _widened(span.value), s, article, span.start, span.end, note)


# 两周前, 三个月前: a rough count back from the publish day, not a calendar week or month
_ROUGH_AGO = re.compile(r"[两二三四五六七八九十几数\d]+\s*(?:个)?\s*(?P<unit>周|週|星期|礼拜|禮拜|月)(?:之)?前")
_SLACK = {"月": timedelta(days=15)}


def _widened(value: DateValue) -> DateValue:
    """A rough `N周前` widened by one unit each way, so 1月21日 agrees with 两周前 said on 8 Feb."""
    match = _ROUGH_AGO.fullmatch(value.raw)
    if match is None:
        return value
    slack = _SLACK.get(match.group("unit"), timedelta(days=7))
    return replace(value, start=value.start - slack, end=value.end + slack, precision="range")


# between an event word and a later date: the date belongs to another, coming event
_ANOTHER_EVENT = re.compile(r"将|將|拟|擬|计划|計劃|预计|預計|打算|准备|準備|定于|定於")


def _date_for(s: Sentence, offset: int, cue_end: int) -> DateSpan | None:
    """The date an event at `offset` is dated by: same clause, else the clause before."""
    begin, end = s.clause_at(offset)
    in_clause = [d for d in s.dates if begin <= d.start and d.end <= end]
    before = [d for d in in_clause if d.end <= offset]
    if before:
        return before[-1]
    after = [d for d in in_clause if d.start >= cue_end]
    if after and not _ANOTHER_EVENT.search(s.text, cue_end, after[0].start):
        return after[0]
    previous = s.clause_before(offset)
    if previous:
        earlier = [d for d in s.dates if previous[0] <= d.start and d.end <= previous[1]]
        if earlier:
            return earlier[-1]
    lead = s.clauses[0]
    if lead[1] < begin:  # "2月13日19时许，据……，电影票房突破100亿": a date that opens the sentence
        opening = [d for d in s.dates if d.start == lead[0] and d.end <= lead[1]]
        if opening:
            return opening[0]
    return None
