"""What a claim is about and under which context: the reading every kind shares.

Where things are looked for, nearest first:
- the subject: who the value's clause or sentence is about, else whom its
  该公司/其 points back to, else the paragraph's topic (see `who`; docs/rules.md, "Subjects");
- a context qualifier (market, session …): the value's clause, then the
  sentence before the value, then the earlier sentences of the paragraph;
- the day: a date in the value's clause, else the first date of an earlier
  clause that does not date a report (周一發布……，股價倒跌0.7% is no move of 周一),
  else (when the rule allows) the publish date in the market's time zone.

claim() assembles them: the subject (subject_reading.py), then the context (`context`): each
qualifier's word (scope_reading.py), the period and year (period_reading.py), what a figure is
compared with (comparison_reading.py) and the day (day_reading.py).
"""

from __future__ import annotations

from dataclasses import is_dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from factcheck.kinds.comparison_reading import (
    CHANGE,
    change_amount,
    compared_with,
    measure_compared_with,
    prior_of_its_own_year,
    year_compared_with,
)
from factcheck.kinds.day_reading import SAID_NOW, day_of_value, prior_of_its_own_day
from factcheck.kinds.left_out import NOBODY, SUBJECTS, UNKNOWN_NAME, left_out, say
from factcheck.kinds.period_reading import (
    REPORTING_PERIOD,
    fiscal_year_of_run,
    month_alone_is_the_period,
    odds_as_read,
    own_time_sets_the_period,
    periods_of_a_list,
    relative_quarter_as_read,
    relative_year_base,
    reporting_period,
    three_months_ending,
    total_of_its_own,
    year_alone_is_full_year,
    year_of_day,
    year_so_far,
)
from factcheck.kinds.qualifiers import RELATIVE_QUARTERS, RELATIVE_YEARS, relative_year
from factcheck.kinds.roles_reading import OTHER, PERIOD_ANAPHORA
from factcheck.kinds.scope_reading import PERIOD_QUALIFIERS, qualifier_near
from factcheck.kinds.sentence import Sentence
from factcheck.kinds.session import (
    as_of_publish,
    as_of_writing,
    close_word_too_early,
    is_close_word,
    press_snapshot,
    press_time,
    with_time_of_day,
)
from factcheck.kinds.subject_reading import who
from factcheck.records import UNATTRIBUTED, Article, Claim, ContextValue, Diagnostic, RuleBase
from factcheck.values import Value

# ----------------------------------------------------------------- context


def context(rule: RuleBase, s: Sentence, offset: int, article: Article) -> tuple[ContextValue, ...]:
    """The qualifiers `rule` declares, as read for a value at `offset`, then its day."""
    found: list[ContextValue] = []
    for spec in rule.context:
        value = qualifier_near(spec.values, spec.scope, s, offset, getattr(rule, "units", ()),
                               past_stops=spec.name == "measure")
        if spec.name in PERIOD_QUALIFIERS and (whole := reporting_period(s, offset, spec.values)):
            value = (REPORTING_PERIOD, whole) if spec.name == "period" else None  # 报告期内: several years
        if value is None and spec.name in PERIOD_QUALIFIERS and PERIOD_ANAPHORA.search(s.text, 0, offset):
            earlier = s.last_hit_in_article(spec.values)  # 期内: the period named last, in any paragraph
            value = (earlier[2], earlier[1]) if earlier else None
        if spec.name == "measure" and "prior" in dict(spec.values):
            baseline = compared_with(s, offset)
            value = measure_compared_with(spec.values, baseline, s, offset, value) if baseline else value
            difference = "" if baseline else change_amount(s, offset)
            value = (CHANGE, difference) if difference else value
        if spec.name == "year" and (compared := year_compared_with(s, offset, spec.values)) is not None:
            value = compared  # 高於2023年修訂後的增長1.8%: the 1.8% is 2023's
        if value and spec.name == "year" and value[0] in RELATIVE_YEARS:
            base = relative_year_base(s, spec.values, value[1], offset, article)
            value = (relative_year(value[0], base), value[1]) if base is not None else None
        if value is None and spec.name == "period":
            value = three_months_ending(s, offset, spec.values)
        if value and spec.name == "period" and value[0] in RELATIVE_QUARTERS:
            value = relative_quarter_as_read(s, spec.values, value, article)
        if value:
            found.append(ContextValue(spec.name, value[0], value[1]))
        elif spec.default:
            found.append(ContextValue(spec.name, spec.default, "default"))
    found = prior_of_its_own_year(rule, s, offset, found)
    found = fiscal_year_of_run(rule, s, found)
    found = own_time_sets_the_period(s, offset, found)
    found = year_alone_is_full_year(rule, s, offset, found)
    found = month_alone_is_the_period(rule, s, offset, found)
    found = year_so_far(rule, s, offset, article, found)
    found = periods_of_a_list(rule, s, offset, found)
    found = odds_as_read(rule, s, offset, found)
    found = total_of_its_own(rule, found)
    if rule.day:
        day = day_of_value(rule, s, offset, article, {c.name: c.value for c in found})
        found = year_of_day(found, day)
        found = prior_of_its_own_day(rule, s, offset, found)
        if day.inferred and day.evidence.startswith("publish time") and any(
                c.name == "year" and not day.value.startswith(c.value) for c in found):
            day = ContextValue("day", "", "")  # 2018年…首日收盘市值: not the publish day
        begin = s.clause_at(offset)[0]
        now = begin if SAID_NOW.search(s.text, begin, offset) else 0  # 而如今涨幅: no 收盘 of an earlier clause
        timed = with_time_of_day(day, s, offset, sessions=all(c.name != "session" for c in rule.context), start=now)
        zone = dict(rule.day.timezones).get({c.name: c.value for c in found}.get(rule.day.timezone_from, ""), "")
        # the rule's own session word says when, unless it says "as of writing" (截至发稿, 现报) or is a close
        # word written before the day's close (a midday report's 收报); a context_default states nothing
        stated_session = any(c.name == "session" and c.evidence != "default" and not (
            is_close_word(c.evidence) and close_word_too_early(day, article.published, zone)) for c in found) \
            and not press_time(s.text, offset)
        moving = rule.kind in MOVING_KINDS  # a state (status) is one fact of its day, not a reading
        day = press_snapshot(day, timed, article.published, zone) if moving else timed
        if not moving and not day.value and (words := press_time(s.text, offset)):
            day = as_of_writing(article.published, zone, words)  # 截至发稿，……暂未上线: the state when written
        found.append(as_of_publish(day, article.published, zone) if moving and not stated_session else day)
        if not day.value and rule.day.implied and article.published:
            found.append(written_on(article.published, zone))
    return tuple(c for c in found if c.value)


WRITTEN = "written"  # the publish day of a state that names none: compare keeps it out of later days' groups


def written_on(published: datetime, zone: str) -> ContextValue:
    """The day a source wrote a state it names no day for (正在紧锣密鼓地筹备中 of 10 February): the
    state cannot be of a later day, so compare does not set it against a state others date after it
    (今日宣布…推出, 13 February); it is no qualifier of the rule and groups nothing by itself."""
    local = published.astimezone(ZoneInfo(zone)) if zone else published
    return ContextValue(WRITTEN, local.date().isoformat(), "publish day")


# kinds whose values move during a day (a price, a count so far): read before the close, a snapshot
MOVING_KINDS = ("number", "count", "derived")


# ------------------------------------------------------------------- claim


def claim(rule: RuleBase, subject: str, value: Value, s: Sentence, article: Article, start: int,
          end: int, note: str = "", context_at: int | None = None) -> Claim:
    """A claim of `value` at [start, end) of the sentence, its context read at
    `context_at` (default: where the value starts)."""
    return Claim(
        rule_id=rule.id, subject=subject, value=as_written(value, s, start, end),
        context=context(rule, s, start if context_at is None else context_at, article),
        article=article.path, outlet=article.outlet,
        line=s.line_at(start), sentence=s.segment.text, span=s.raw_span(start, end), note=note,
        named_outlet=article.named_outlet, written=article.published.date() if article.published else None,
        in_title=s.segment.is_title,
    )


def as_written(value: Value, s: Sentence, start: int, end: int) -> Value:
    """The value with its `raw` as the article writes it: the text read has no typesetting spaces
    (`1 月 28 日` is read as `1月28日`), but what a report quotes is the article's."""
    raw = getattr(value, "raw", None)
    if not raw or not is_dataclass(value) or s.plain == s.segment.text:
        return value
    at = s.plain.find(raw, max(0, start - len(raw)), end + len(raw))
    if at < 0:
        return value
    written_start, written_end = s.raw_span(at, at + len(raw))
    written = s.segment.text[written_start:written_end]
    if written == raw or "".join(written.split()) != "".join(raw.split()):
        return value  # only spaces are given back (a format character stays out, as it was read)
    return replace(value, raw=written)


def about_whom(rule: RuleBase, s: Sentence, start: int, end: int, entity: str | None = None) -> None:
    """Say (kinds/left_out.py) that the value at `start`..`end` is left out as someone else's: a
    declared name that is no rule subject, or a name the entities do not hold (`entity`: whose it is,
    when the caller knows; else `who` reads it). Nobody named is an `unattributed` note, said where it is found."""
    entity = entity or who(s, start)
    if entity == OTHER:
        left_out("entities", say(UNKNOWN_NAME, s.plain[start:end]), start, end)
    elif entity is not None and entity not in rule.subjects:
        left_out("subjects", say(SUBJECTS, s.plain[start:end], entity), start, end)
    elif rule.subjects:
        left_out("subjects", say(NOBODY, s.plain[start:end]), start, end)


def unattributed(rule: RuleBase, s: Sentence, article: Article, start: int, end: int,
                 why: str = "") -> Diagnostic:
    """A value the rule's cue points at that it cannot attribute: whose subject no sentence names, or
    (`why`) which one of a list it is. Listed, never silently dropped."""
    said = why or "(name it in the sentence, or before 该公司/其 in the paragraph)"
    what = "no attribution" if why else "no subject"
    return Diagnostic(article.path, s.segment.line_at(start),
                      f"{rule.id}: {what} for {s.plain[start:end]!r} {said}", "info", UNATTRIBUTED)
