"""What a claim is about and under which context: the reading every kind shares.

Where things are looked for, nearest first:
- the subject: who the value's clause or sentence is about, else whom its
  该公司/其 points back to, else the paragraph's topic (see `who`; docs/rules.md, "Subjects");
- a context qualifier (market, session …): the value's clause, then the
  sentence before the value, then the earlier sentences of the paragraph;
- the day: a date in the value's clause, else the first date of an earlier
  clause that does not date a report (周一發布……，股價倒跌0.7% is no move of 周一),
  else (when the rule allows) the publish date in the market's time zone.

Who a value is about is read in subject_reading.py (and the modules it imports).
"""

from __future__ import annotations

import re
from dataclasses import is_dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from factcheck.kinds.amounts import amounts, change_lead
from factcheck.kinds.left_out import NOBODY, SUBJECTS, UNKNOWN_NAME, left_out, say
from factcheck.kinds.lists_reading import _ANNOTATION, _EN_WORD_SEPARATOR, _WORD_SEPARATOR, _last_run, value_list
from factcheck.kinds.matching import fold_words
from factcheck.kinds.qualifiers import (
    COUNTED_FROM_CONTEXT,
    LIST_JOINER,
    RELATIVE_QUARTERS,
    RELATIVE_YEARS,
    builtin_words,
    counted_span,
    counted_years,
    event_date,
    in_comparison,
    relative_quarter,
    relative_year,
    year_counted_from,
)
from factcheck.kinds.roles_reading import (
    _HAN,
    OBJECT_MARKERS,
    OTHER,
    PERIOD_ANAPHORA,
    _is_object,
    _opens_with_a_name,
    speaks,
)
from factcheck.kinds.sentence import REPORTING, Hit, Sentence, Values, per_sentence
from factcheck.kinds.session import (
    AS_OF_NOW,
    AS_OF_WRITING,
    EXTREMES,
    as_of_publish,
    as_of_writing,
    close_word_too_early,
    is_close_word,
    press_snapshot,
    press_time,
    time_before,
    with_time_of_day,
)
from factcheck.kinds.subject_reading import who
from factcheck.normalize.dates import COMING, DateSpan, clock_hour, find_dates
from factcheck.normalize.numbers import APPROX_BEFORE
from factcheck.normalize.quantities import CHANGE_LEAD_EN, CHANGE_NOUN_AFTER_EN, CHANGE_NOUN_BEFORE_EN
from factcheck.normalize.variants import fold
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import UNATTRIBUTED, Article, Claim, ContextValue, Diagnostic, RuleBase
from factcheck.values import DateValue, Value

# ----------------------------------------------------------------- context


def context(rule: RuleBase, s: Sentence, offset: int, article: Article) -> tuple[ContextValue, ...]:
    """The qualifiers `rule` declares, as read for a value at `offset`, then its day."""
    found: list[ContextValue] = []
    for spec in rule.context:
        value = _qualifier(spec.values, spec.scope, s, offset, getattr(rule, "units", ()))
        if spec.name in PERIOD_QUALIFIERS and (whole := _reporting_period(s, offset, spec.values)):
            value = (REPORTING_PERIOD, whole) if spec.name == "period" else None  # 报告期内: several years
        if value is None and spec.name in PERIOD_QUALIFIERS and PERIOD_ANAPHORA.search(s.text, 0, offset):
            earlier = s.last_hit_in_article(spec.values)  # 期内: the period named last, in any paragraph
            value = (earlier[2], earlier[1]) if earlier else None
        if spec.name == "measure" and "prior" in dict(spec.values):
            baseline = _compared_with(s, offset)
            value = _measure_compared_with(spec.values, baseline, s, offset, value) if baseline else value
            difference = "" if baseline else change_amount(s, offset)
            value = (CHANGE, difference) if difference else value
        if spec.name == "year" and (compared := _year_compared_with(s, offset, spec.values)) is not None:
            value = compared  # 高於2023年修訂後的增長1.8%: the 1.8% is 2023's
        if value and spec.name == "year" and value[0] in RELATIVE_YEARS:
            base = _relative_year_base(s, spec.values, value[1], offset, article)
            value = (relative_year(value[0], base), value[1]) if base is not None else None
        if value is None and spec.name == "period":
            value = _three_months_ending(s, offset, spec.values)
        if value and spec.name == "period" and value[0] in RELATIVE_QUARTERS:
            value = _relative_quarter(s, spec.values, value, article)
        if value:
            found.append(ContextValue(spec.name, value[0], value[1]))
        elif spec.default:
            found.append(ContextValue(spec.name, spec.default, "default"))
    found = _prior_of_its_own_year(rule, s, offset, found)
    found = _fiscal_year(rule, s, found)
    found = _own_time_sets_the_period(s, offset, found)
    found = _year_alone_is_full_year(rule, s, offset, found)
    found = _month_alone_is_the_period(rule, s, offset, found)
    found = _year_so_far(rule, s, offset, article, found)
    found = _periods_of_a_list(rule, s, offset, found)
    found = _odds_as_read(rule, s, offset, found)
    found = _total_of_its_own(rule, found)
    if rule.day:
        day = _day(rule, s, offset, article, {c.name: c.value for c in found})
        found = _year_of_day(found, day)
        found = _prior_of_its_own_day(rule, s, offset, found)
        if day.inferred and day.evidence.startswith("publish time") and any(
                c.name == "year" and not day.value.startswith(c.value) for c in found):
            day = ContextValue("day", "", "")  # 2018年…首日收盘市值: not the publish day
        begin = s.clause_at(offset)[0]
        now = begin if _NOW.search(s.text, begin, offset) else 0  # 而如今涨幅: no 收盘 of an earlier clause
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


REPORTING_PERIOD = "reporting-period"
_WHOLE_REPORTING_PERIOD = re.compile(r"(?:报告|報告)期[内內间間里裡]")


def _reporting_period(s: Sentence, offset: int, values: Values) -> str:
    """报告期内 (the whole reporting period) before the value, when its sentence names no period (or
    year, for `values` of the year) before the value: a prospectus's three years and some months, a
    report's own span, never the period or year an earlier sentence named last (`而奥克斯在报告期内的利润
    合计为66.45亿元` is no one quarter's). `2024年上半年业绩报告显示，报告期内……` names its period itself."""
    found = _WHOLE_REPORTING_PERIOD.search(s.text, 0, offset)
    if found is None or any(hit[0] < offset for hit in s.hits(values)):
        return ""
    return s.plain[found.start():found.end()]
PERIOD_QUALIFIERS = ("period", "year")
_QUARTERS = ("q1", "q2", "q3", "q4")
# 截至2024年12月31日止3个月 (a Hong Kong filing's quarter): the three months that end a quarter's last day
_THREE_MONTHS_ENDING = re.compile(r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?P<month>3|6|9|12)\s*月\s*(?P<day>30|31)\s*日?"
                                  r"\s*止?\s*的?\s*(?:3|三)\s*个月")
_QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


def _three_months_ending(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """The quarter a `截至…日止3个月` before the value in its sentence names (12月31日 → q4), when the
    rule's period has that quarter: a filing's words for a quarter, as 止六个月 is its half year's."""
    found = next(reversed(list(_THREE_MONTHS_ENDING.finditer(s.text, 0, offset))), None)
    if found is None or (int(found.group("month")), int(found.group("day"))) not in _QUARTER_ENDS:
        return None
    quarter = _QUARTERS[int(found.group("month")) // 3 - 1]
    return (quarter, s.plain[found.start():found.end()]) if quarter in dict(values) else None



def _relative_quarter(s: Sentence, values: Values, value: tuple[str, str], article: Article) -> tuple[str, str] | None:
    """上季/本季 as a quarter: counted from a quarter the sentence names before it (华虹……2024年第四季度……，
    上季度为溢利: q3), else from the publish date (永利中國上季收入 in February: q4)."""
    at = s.plain.find(value[1])
    before = [h for h in s.hits(values) if h[2] in _QUARTERS and h[0] < at]
    if before:
        quarter = _QUARTERS.index(before[-1][2]) + int(value[0].removeprefix("quarter"))
        return _QUARTERS[quarter % 4], value[1]
    return (relative_quarter(value[0], article.published), value[1]) if article.published else None


_COMPARED_WITH_LEAD = re.compile(r"\s*(?:的|为|為)?\s*")  # 较去年的441亿元
_COMPARED_FIGURE_LEAD = re.compile(r"\s*(?:的|为|為|报|報)?\s*")  # 较上日报7.1699 too
_MULTIPLE = re.compile(r"[\d０-９.,]+\s*倍|[一二两兩三四五六七八九十百千几幾数數]+\s*倍")


def _compared_with(s: Sentence, offset: int) -> str:
    """The comparison phrase a value closes, when it is what another is compared with:
    in `较上年同期的441亿元增长11.06%` 441亿 is the prior period's figure, whatever the
    statement's lead-in (预计) says of the others. A multiple is the comparison's result, never
    the figure compared with (`自动驾驶比人开车安全10倍`)."""
    if _MULTIPLE.match(s.text, offset):
        return ""
    closed = _comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return s.plain[closed[0]:closed[1]] if closed else ""


def clause_opens_comparison(s: Sentence, offset: int) -> bool:
    """Whether the value at `offset` closes a comparison phrase that opens its clause (`，比2023年的4009亿元，`,
    `，较去年季度9.83亿美元增加4%`): the figure compared with, restating the clause before's line item."""
    begin, _ = s.clause_at(offset)
    closed = None if _MULTIPLE.match(s.text, offset) else _comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return closed is not None and _OPENS_COMPARISON.fullmatch(s.text, begin, closed[0]) is not None


_OPENS_COMPARISON = re.compile(r"\s*同?")  # 同比2023年的441亿元: 同比's 比 opens the phrase


# between a comparison phrase and the figure it closes: 的 (or none, the phrase's own), then at most the figure's line item (高於2023年修訂後的
# 增長1.8%, 较2023年的营收441亿元), no break, figure or second 的
_COMPARED_ITEM_LEAD = re.compile(r"\s*(?:的\s*[^，,。；;：:、\d的]{0,6})?")  # the phrase may end with its 的
_WRITTEN_YEAR = compiled_on_use(r"((?:19|20)\d{2})\s*(?:年|财年|財年)")  # group 1: the year's digits


def _year_compared_with(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """(year, word) of a figure that closes a comparison phrase naming a year in digits: in
    `2024年全年經濟增長率為4.4%，高於2023年修訂後的增長1.8%` the 1.8% is 2023's (the figure compared
    with), not 2024's; in `较2023年的441亿元` 441亿 is 2023's. A change after the phrase
    (`较2023年增长5%`) is the compared value's own, and a year said in words (较去年同期的) is left to the
    reading of its measure (`prior`)."""
    phrase = next(((start, end) for start, end in s.comparisons
                   if end <= offset and _COMPARED_ITEM_LEAD.fullmatch(s.text, end, offset)), None)
    if phrase is None:
        return None
    years = [h for h in s.hits(values) if phrase[0] <= h[0] < phrase[1] and _WRITTEN_YEAR.match(s.text, h[0])]
    return (years[-1][2], years[-1][1]) if years else None


def _prior_of_its_own_year(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A figure compared with that its comparison dates by a year in digits (`比2023年的4009亿元`) is that
    year's own figure, as that year's report gave it: its measure is the rule's default (actual), not
    `prior`, so it meets `2023年营收4009亿` and never `2023年营收4009亿，较上年同期的3286亿元`'s 3286亿 (the year
    before 2023's, `prior` in 2023). As `_prior_of_its_own_day` does for a day."""
    years = next((spec.values for spec in rule.context if spec.name == "year"), None)
    if years is None or _year_compared_with(s, offset, years) is None:
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" and c.value == "prior" else c
            for c in found if default or c.name != "measure" or c.value != "prior"]


CHANGE = "change"  # the measure of an amount that is a difference from the period compared with
# a change verb right before an amount, after what it is compared with: 比上年同期多5833亿元, 同比增加3000人,
# 较5年均值低670亿立方英尺
# the verbs are the change words every reader shares (ZH.up_words, ZH.down_words: 下滑, 回落, 缩水 …) and the
# few that say "more/less than it" only before a difference (多增, 多, 高 …); `text` is folded to Simplified
_DIFFERENCE_WORDS = ("多增", "少增", "多减", "少减", "多", "少", "高", "低")
_CHANGE_VERB = (r"\s*(?:" + "|".join(map(re.escape, sorted({*ZH.up_words, *ZH.down_words, *_DIFFERENCE_WORDS},
                                                           key=len, reverse=True))) + ")"
                r"\s*了?\s*(?:约|近|超|逾|超过)?\s*")
_CHANGE_AFTER_COMPARISON = compiled_on_use(_CHANGE_VERB)
# the basis words that say "compared with the same period" on their own (同比多增, 环比减少), 净 before a
# change verb (净增加了778家门店, 净减少: the net of openings and closures, a difference between two
# levels by its own word), and 多增/少增 alone: more (less) new than in the period compared with
_CHANGE_AFTER_BASIS = compiled_on_use(r"(?:同比|环比|按年|按月|按季|年比|净)" + _CHANGE_VERB + "$"
                                      + r"|(?:多增|少增|多减|少减)\s*(?:约|近|超|逾)?\s*$")
# the units of a rate or a change in points (同比增长6%, 三成, 百分之三十, 50个基点): the change itself
_RATE_UNITS = ("%", "pp")


def change_amount(s: Sentence, offset: int) -> str:
    """The words that make the amount at `offset` a difference, not a level: a change verb right
    before it after what it is compared with (`比上年同期多5833亿元`, `较上年同期增加1.2亿元`) or after a
    basis word (`同比多增3793亿元`, `同比减少300人`) or 净 (`净增加了778家门店`), or 多增/少增 alone; "" for a rate (同比增长6%, a
    change of its own kind) and for the level a change reaches (增长6%至0.52美元)."""
    span = s.quantity_at(offset)
    if (span is not None and span.quantity.unit in _RATE_UNITS) or _MULTIPLE.match(s.text, offset):
        return ""
    begin = s.clause_at(offset)[0]
    found = _CHANGE_AFTER_BASIS.search(s.text, begin, offset)
    if found is not None:
        return s.plain[found.start():found.end()].strip()
    closed = _comparison_closed_by(s, offset, _CHANGE_AFTER_COMPARISON)
    if closed:
        return s.plain[closed[0]:offset].strip()
    return _english_change_amount(s, offset, span.end) if span is not None else ""


# English states what an amount of change is compared with after it: `up $2 billion from a year earlier`, `rose $2
# billion to $12 billion` (the level it reached), `a decrease of $75.9 million, or 3%, from 2023`, `year over year`
_EN_COMPARED_AFTER = re.compile(r"(?:\s*,\s*or\s+\d[\d.]*\s*(?:%|percent))?\s*,?\s*(?:(?:from|than|versus|vs\.?|over\s+the|compared\s+(?:with|to))(?![A-Za-z])"
                                r"|to\s+(?:(?:[A-Z]{1,3})?[$€£¥]\s?)?\d|(?i:year[\s-]+(?:over|on)[\s-]+year|yoy"
                                r"|sequentially|quarter[\s-]+(?:over|on)[\s-]+quarter)(?![A-Za-z]))")


def _english_change_amount(s: Sentence, offset: int, end: int) -> str:
    """The words that make the English amount at text[offset:end] a difference, as a Chinese verb of change after
    what it is compared with does: a verb or noun of change of the one table right before it (`up`, `rose`,
    `an increase of`) or a noun right after it (`a $2 billion increase`), and what it is compared with after it
    (`up $2 billion from a year earlier`; `rose $2 billion to $12 billion`). A verb with nothing compared with
    (`added 143,000 jobs`, `rose by $5 million`) states a level, as `增加5.22万亿元` does."""
    lead = (CHANGE_LEAD_EN.search(s.text, max(0, offset - 24), offset)
            or CHANGE_NOUN_BEFORE_EN.search(s.text, max(0, offset - 16), offset))
    noun = None if lead is not None else CHANGE_NOUN_AFTER_EN.match(s.text, end)
    if lead is None and noun is None:
        return ""
    after = _EN_COMPARED_AFTER.match(s.text, noun.end() if noun is not None else end)
    if after is None:
        return ""
    words = lead.group(0) if lead is not None else noun.group(0)  # type: ignore[union-attr]
    return f"{words.strip()} … {after.group(0).strip(' ,')}"


CUMULATIVE = "cumulative"  # the measure of a total summed up to a point (累计, cumulative: data/qualifiers.yaml)


def _total_of_its_own(rule: RuleBase, found: list[ContextValue]) -> list[ContextValue]:
    """A 累计 figure that is the figure itself, not another measure: in a rule about such a total
    (`_about_a_total`: 累计票房), or summed over a period or year its sentence names (`2024年，南向资金累计
    买入及卖出成交额……较2023年增长近六成` is the year's turnover; `今年以来累计零售` the year so far's).
    It takes the measure's default, as an unmarked figure does."""
    if not any(c.name == "measure" and c.value == CUMULATIVE for c in found):
        return found
    if not _about_a_total(rule) and not any(c.name in PERIOD_QUALIFIERS and c.value for c in found):
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" else c for c in found]


def _about_a_total(rule: RuleBase) -> bool:
    """Whether the rule is about a total summed up to a point: `running: true` (a box office so far),
    or a cue naming it (`累计销量`). Its 累计 figures are the figure itself, not another measure."""
    cumulative = dict(next((spec.values for spec in rule.context if spec.name == "measure"), ())).get(CUMULATIVE, ())
    cue = str(getattr(rule, "cue", ""))
    return bool(getattr(rule, "running", False)) or any(word in cue for word in cumulative)


def _measure_compared_with(values: Values, baseline: str, s: Sentence, offset: int,
                           value: tuple[str, str] | None) -> tuple[str, str]:
    """The measure of a figure a comparison phrase closes: `prior`, unless the figure's own word after
    it in its clause (`vs. $871.83M consensus`) or an English word of the phrase (`compared with consensus
    estimates of 8%`, `down from the previous guidance of $26 billion`) names another measure than the
    actual. A later statement's lead-in (`较上年同期的441亿元增长11.06%；预计扣非后净利为…`) is not the figure's."""
    if value is not None and value[0] not in ("actual", "prior") and s.plain.find(value[1], offset,
                                                                                  s.clause_at(offset)[1]) >= 0:
        return value
    span = s.quantity_at(offset)
    words = _WORDS_AFTER.match(s.plain, span.end) if span is not None else None
    after = words.group(0) if words is not None else ""
    named = next(((name, word) for name, words in values if name not in ("actual", "prior")
                  for word in words if word.isascii() and re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])",
                                                                    f"{baseline} {after}", re.IGNORECASE)), None)
    return named or ("prior", baseline)


_WORDS_AFTER = compiled_on_use(r"(?:\s*[A-Za-z][A-Za-z'-]*){0,3}")  # `vs. $310.2 consensus (1.1% beat)`: the figure's words


def _comparison_closed_by(s: Sentence, offset: int, lead: re.Pattern[str]) -> tuple[int, int] | None:
    """The comparison phrase the value at `offset` comes right after (only `lead` between them)."""
    return next(((start, end) for start, end in s.comparisons
                 if end <= offset and lead.fullmatch(s.text, end, offset)), None)


# 截至2022年、2023年及2024年3月31日止年度: years of a fiscal year that ends on that day
_FISCAL_END = re.compile(r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*止\s*(?:的)?\s*(?:年度|财政年度|財政年度|财年|財年)")
_YEAR_WORD = re.compile(r"((?:19|20)\d{2})\s*年(?!度)")
_YEAR_RUN = re.compile(r"\s*(?:、|,|，|和|及|以及|与|與)\s*((?:19|20)\d{2})\s*年")


def _fiscal_end(s: Sentence, year_end: int) -> tuple[int, int] | None:
    """(month, day) a fiscal year ends on when the year written ending at `year_end` is one of a
    `截至2022年、2023年及2024年3月31日止年度` run (the end date after the run's last year)."""
    at = year_end
    while (more := _YEAR_RUN.match(s.text, at)) is not None:
        at = more.end()
    end = _FISCAL_END.match(s.text, at)
    return (int(end.group(1)), int(end.group(2))) if end else None


def _fiscal_year(rule: RuleBase, s: Sentence, found: list[ContextValue]) -> list[ContextValue]:
    """A year of a `截至…M月D日止年度` run: a fiscal year (FY2024, its full year) unless it ends on
    31 December (the calendar year 2024, full year). The fiscal year is named by the year it ends in,
    as 2024财年 and FY2024 are."""
    year = next((c for c in found if c.name == "year" and c.value.isdigit()), None)
    if year is None:
        return found
    match = next((m for m in _YEAR_WORD.finditer(s.text) if s.plain[m.start():m.end()] == year.evidence), None)
    ends = _fiscal_end(s, match.end()) if match else None
    if ends is None:
        return found
    value = year.value if ends == (12, 31) else f"FY{year.value}"
    kept = [c for c in found if c.name not in ("year", "period")]
    period = [ContextValue("period", "full-year", "止年度")] if any(c.name == "period" for c in rule.context) else []
    return [*kept, ContextValue("year", value, year.evidence), *period]


_YEARS_TO = r"(?:至|到|~|～|-|—|–|－)"  # between the two years of a range: 2020年至2023年, 2022—2023年
_YEAR_RANGE = compiled_on_use(r"\s*" + _YEARS_TO + r"\s*$")
# years listed before one written with 年 (2022、2023年, 2021、2022及2023年): each its own year
_BARE_YEARS_LISTED = compiled_on_use(r"(?<![\d.])(?:(?:19|20)\d{2}\s*(?:、|和|及|与|與)\s*)+$")
_BARE_YEAR_FROM = compiled_on_use(r"(?<![\d.])((?:19|20)\d{2})\s*" + _YEARS_TO + r"+\s*$")
# a period right after its year: 2024年前三季度, 2024年的上半年; or after the day it ends on, when
# its word says so: 2024年9月30日止九个月
_PERIOD_OF_YEAR = compiled_on_use(r"\s*(?:的)?\s*$")
_PERIOD_ENDING = compiled_on_use(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*(?:日\s*)?$")  # 日 may open the word: 日的六个月


@cache
def _builtin_years() -> Values:
    return tuple((value, words) for value, words in builtin_words()["year"].items() if value.isdigit())


def _list_periods(rule: RuleBase, s: Sentence, first: int) -> list[tuple[Hit | None, Hit | None]]:
    """The periods a list's lead-in names, in order, each (year word, period word): the words
    before the list in its statement (after the last ；), a year range (2020年至2023年) counting
    each year, a period right after a year (2024年前三季度) one period with it, a period alone
    (…、第二季度) one with the year before it. Dates of events (2025年2月13日) are no period.
    A rule that reads the period and not the year (a count rule's default) still counts the years
    as the list's periods: 于2023年及2024年前九个月……74亿杯及71亿杯 gives 74亿 the full year.

    A year before another figure is that figure's: in `截至2024年9月底，……擁有超過4.5萬家門店，……
    於2023年其市場內地及全球市佔率分別為11.3%及2.2%` the list's lead-in is `於2023年…`, not 2024
    and 2023 paired with the two shares. Only when the words after the last figure name no period
    does the list share the statement's (`2022—2023年，营业收入分别为2.56亿元、3.11亿元，净利润分别为…`)."""
    statement = statement_start(s, first)
    after_figure = max([statement, *(m.end() for m in _FIGURE.finditer(s.text, statement, first)
                                     if not _is_year(m.group(1)))])
    own = _periods_between(rule, s, after_figure, first)
    return own if own or after_figure == statement else _periods_between(rule, s, statement, first)


# a figure (4.5萬家, 11個國家, 3.11亿元): digits not ending a date or a period (2024年, 3月31日, 2022—2023年)
_FIGURE = re.compile(r"(?<![\dA-Za-z.])(\d[\d,.]*)(?=\s*(?:[万萬亿億千百]\s*)*"
                     r"(?![\s\d,.年月日号號季周週—–\-~至到、]|财年|財年|[个個]月))")


def _is_year(digits: str) -> bool:
    return digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) < 2100


def _periods_between(rule: RuleBase, s: Sentence, start: int, first: int) -> list[tuple[Hit | None, Hit | None]]:
    """The periods named in s.text[start:first], in order, as `_list_periods` pairs them."""
    year_spec = next((c.values for c in rule.context if c.name == "year"), _builtin_years())
    period_spec = next((c.values for c in rule.context if c.name == "period"), None)

    def words(values: Values | None) -> list[Hit]:
        if values is None:
            return []
        return [h for h in s.qualifier_hits(values) if start <= h[0] < first]

    years = [h for h in words(year_spec) if _YEAR_VALUE.fullmatch(h[2]) and not _event_date(s, h)]
    periods = words(period_spec)
    span_at, counted = _counted_years(s, year_spec, start, first)
    if counted and not [h for h in years if h[0] >= span_at] and len(periods) <= 1:
        # 截至2024年3月31日的全年，……上两个年度运营利润分别为…: 2022, 2023, the lead-in's 2024 counted from
        return [(year, periods[0] if periods else None) for year in counted]
    items: list[tuple[Hit | None, Hit | None]] = []
    last_end = -1
    for hit in sorted([(h, "year") for h in years] + [(h, "period") for h in periods]):
        (pos, word, value), kind = hit
        if kind == "year":
            previous = items[-1][0] if items else None
            bare = _BARE_YEAR_FROM.search(s.text, start, pos)  # 2022—2023年: the first year without 年
            listed = _BARE_YEARS_LISTED.search(s.text, start, pos)  # 2022、2023年: each year of the list
            if bare is None and listed is not None and (previous is None or previous[0] < listed.start()):
                items.extend(((y.start(), y.group(1), y.group(1)), None)
                             for y in re.finditer(r"((?:19|20)\d{2})", listed.group(0)))
            if bare is not None and bare.end() == pos and (previous is None or previous[0] < bare.start()):
                low, high = int(bare.group(1)), _year_number(value)
                if 0 < high - low <= 12:  # 2022至2024财年: FY2022, FY2023 and FY2024
                    span = s.plain[bare.start():pos + len(word)]
                    items.extend(((bare.start(), span, _like(value, y)), None) for y in range(low, high))
            elif previous is not None and items[-1][1] is None and _YEAR_RANGE.fullmatch(s.text, last_end, pos):
                low, high = _year_number(previous[2]), _year_number(value)
                if 0 < high - low <= 12:  # 2020年至2023年, 2022财年至2024财年: each year of it
                    span = s.plain[previous[0]:pos + len(word)]
                    items.extend(((previous[0], span, _like(value, y)), None) for y in range(low + 1, high))
            items.append(((pos, word, value), None))
        elif items and items[-1][1] is None and items[-1][0] is not None \
                and (_PERIOD_OF_YEAR.fullmatch(s.text, last_end, pos)
                     or (word.startswith(("止", "日")) and _PERIOD_ENDING.fullmatch(s.text, last_end, pos))):
            items[-1] = (items[-1][0], (pos, word, value))
        else:
            items.append((items[-1][0] if items else None, (pos, word, value)))
        last_end = pos + len(word)
    return items


# a year's value as the list reads it: a calendar year (2024) or a fiscal one (FY2024)
_YEAR_VALUE = compiled_on_use(r"(?:FY)?(?:19|20)\d{2}")


def _year_number(value: str) -> int:
    return int(value.removeprefix("FY"))


def _like(value: str, year: int) -> str:
    """`year` written as `value` is: FY2023 beside FY2024, 2023 beside 2024."""
    return f"FY{year}" if value.startswith("FY") else str(year)


def _counted_years(s: Sentence, year_spec: Values, start: int, first: int) -> tuple[int, list[Hit]]:
    """Where the counted span of the lead-in starts and the years it names (`counted_years`), each as
    the year word the sentence counts them from is valued (FY2022 beside FY2024); (-1, []) without."""
    counted = counted_years(s.text, start, first)
    if counted is None:
        return -1, []
    reference = next((h[2] for h in s.qualifier_hits(year_spec)
                      if h[0] == counted.reference_at and _YEAR_VALUE.fullmatch(h[2])), str(counted.reference))
    word = s.plain[counted.span.start:counted.span.end]
    return counted.span.start, [(counted.span.start, word, _like(reference, y)) for y in counted.years]


def _event_date(s: Sentence, hit: Hit) -> bool:
    """2025年2月13日公布: a year inside a day's date dates an event, unless it ends a period (截至…, …止)."""
    return event_date(s.text, hit[0], hit[0] + len(hit[1]))


# a list of year-on-year changes: N periods give N-1 of them, the first period having none to compare with
_YEAR_ON_YEAR_LEAD = compiled_on_use(r"(?:同比|按年|较上年|較上年|年增)[^，,。；;：:]{0,8}?(?:分别|分別)?"
                                     r"[^，,。；;：:]{0,4}$")


def _periods_of_a_list(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A value of a list (分别为A、B、C) takes the i-th period of a lead-in naming as many as there are
    values; with several named but not as many, its year and period are unknown (the year reads as the
    span, 2020–2024, so it is never taken for one year's figure); with one or none, as read."""
    listed = value_list(s, offset, getattr(rule, "units", ()))
    if listed is None or not any(c.name in PERIOD_QUALIFIERS for c in rule.context):
        return found
    index, count, first = listed
    items = _list_periods(rule, s, first)
    if len(items) < 2 and PERIOD_ANAPHORA.search(s.text, 0, first) and _points_to_several(rule, s):
        # 上述报告期内……分别为6463万元、6793万元、1.93亿元、1.12亿元: the periods of the report, as many as
        # the values, not the one named last in the article
        return [c for c in found if c.name not in PERIOD_QUALIFIERS or c.evidence in s.plain]
    if len(items) < 2:
        if any(c.name == "period" and c.value == REPORTING_PERIOD for c in found):
            # 报告期内……分别为12.96亿元、17.09亿元、17.28亿元和9.88亿元: each value is one period of it, unnamed
            return [c for c in found if c.name != "period"]
        return found
    kept = [c for c in found if c.name not in PERIOD_QUALIFIERS]
    if len(items) == count + 1 and _YEAR_ON_YEAR_LEAD.search(s.text, s.clause_at(first)[0], first):
        items = items[1:]  # 2021年至2023年及2024年9月末……期间同比分别增长A、B、C: the first period has no growth
    if len(items) != count and len({y[0] for y, _ in items if y is not None}) == 1 and items[0][0] is not None \
            and counted_span(s.text, items[0][0][0], items[0][0][0] + len(items[0][0][1])) is not None:
        return found  # 持货近6年……蚀让约84.4万元或28%: a counted span that is not the list's periods
    if len(items) != count:
        years = sorted({y[2] for y, _ in items if y is not None})
        if not years or all(spec.name != "year" for spec in rule.context):
            return kept  # qualifiers: [period, measure]: no year, not even the span
        return [*kept, ContextValue("year", f"{years[0]}–{years[-1]}", f"{years[0]}…{years[-1]}")] \
            if len(years) > 1 else [*kept, ContextValue("year", years[0], years[0])]
    year, period = items[index]
    ends = _fiscal_end(s, year[0] + len(year[1])) if year and not period else None
    fiscal = ends is not None and ends != (12, 31)
    paired = [ContextValue("year", f"FY{year[2]}" if fiscal and year[2].isdigit() else year[2], year[1])] if year else []
    if period:
        paired.append(ContextValue("period", period[2], period[1]))
    elif year and not rule.day and (ends is not None
                                    or not re.match(r"\s*\d{1,2}\s*月", s.text[year[0] + len(year[1]):])):
        paired.append(ContextValue("period", "full-year", year[1]))  # a year, no part of it named
    names = {spec.name for spec in rule.context}
    return [*kept, *(c for c in paired if c.name in names)]


def _points_to_several(rule: RuleBase, s: Sentence) -> bool:
    """Whether the period 期内/同期 points back to was named in a lead-in naming several periods
    (截至2022年3月31日、2023年3月31日、2024年3月31日的三个财年，以及截至2024年9月30日止的六个月):
    the report's periods, not the last one alone. One period named (2024年第四季度) is the one meant."""
    spec = next((c.values for c in rule.context if c.name == "period"), None)
    earlier = s.earlier
    while spec is not None and earlier is not None:
        hits = earlier.qualifier_hits(spec)
        if hits:
            pos, word, _ = hits[-1]
            return len(_periods_between(rule, earlier, statement_start(earlier, pos), pos + len(word))) > 1
        earlier = earlier.earlier
    return False


def statement_start(s: Sentence, offset: int) -> int:
    """Where the statement holding `offset` starts: after the last ；/; before it (a ；ends a statement)."""
    return max(s.text.rfind("；", 0, offset), s.text.rfind(";", 0, offset)) + 1  # -1 + 1: none, the start


_EVERY_PERIOD = re.compile(r"(?:每|各|逐)[个個一]?(?:季度|季|个月|個月|月|半年)")


# after a year, a month or another part of it (2024年12月, 2024年最后几个月, 2024年底, 去年年末, 2024年年初)
# (同期: the same part of that year as the value it is set against, 由2023年同期盈利7020万元变为亏损: not all of it)
_PART_OF_A_YEAR = (r"\s*(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月|的?\s*(?:最后|最後|最初|头|頭|年?(?:末|底|初)|年中"
                   r"|同期))")


def _own_time_sets_the_period(s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A period or year read from an earlier sentence is not the value's when its own sentence says
    when it is, before the value: a year (`2023年`, `去年`), a point (`2024年6月末`, `年底`), a day
    (`当天`, `今日`, `本周`) or now (`目前`, `截至目前`, `如今`); in English, anywhere in the sentence
    (`$40 billion revenue for FY2026`, `in 2023`, `today`).

    In `2024年上半年收入1.24亿元……。2023年，CDMO业务收入7069.90万元，同比下降22.17%` the half
    year is 2024's: the 2023 figure is the full year's (`_year_alone_is_full_year`); in
    `……前三季度……。目前王长田……间接持股5.53%` the stake is today's, not the nine months'; in
    `当天收盘，可口可乐上涨4.73%` the move is the day's, not the full year's of the sentence before.
    A word inside a comparison phrase (较2023年) says what the value is compared with, not when it
    is. 同期 and 期内 point back to the period on purpose (`同期仅收入1966.79万元`): they keep it."""
    carried = [c for c in found if c.name in PERIOD_QUALIFIERS and c.evidence not in s.plain]
    if not carried or PERIOD_ANAPHORA.search(s.text, 0, offset):
        return found
    own = list(_OWN_TIME.finditer(s.text, 0, offset))
    if not _HAN.search(s.text):  # English says when after the value as often (… revenue for FY2026)
        own += list(_OWN_TIME_ENGLISH.finditer(s.text))
    if not any(not in_comparison(s.comparisons, m.start()) for m in own):
        return found
    return [c for c in found if c not in carried]


# English words that say when a value is, anywhere in its sentence: a year, a fiscal year, a day, now
_OWN_TIME_ENGLISH = compiled_on_use(r"(?<![A-Za-z0-9$.,])(?:(?:19|20)\d{2}(?![\d.,%])|FY\s?\d{2,4}|(?i:fiscal)\s(?:year\s)?\d{4})"
                                    r"|(?<![A-Za-z])(?i:today|yesterday|this week|last week|currently|now)(?![A-Za-z])")


# words saying a value is as of now (matched on folded text): one list for the period a value
# carries (`_own_time_sets_the_period`) and the day it is dated by (`_NOW`)
# (the press-time words of session.py and the plain adverbs of now)
_NOW_WORDS = "|".join(("如今", "目前", "现在", "眼下", "当前", "迄今", *AS_OF_NOW, *AS_OF_WRITING))
# words that say when a value is: a year, a point of a year or month, a day, now
_OWN_TIME = re.compile(r"(?:19|20)\d{2}\s*(?:年|财年)|FY\d{2,4}|[去今明上本]年|[年月](?:末|底)|当天|当日|今日|今天|昨日|"
                       r"昨天|本周|上周|" + _NOW_WORDS)


# the odds of an event: a figure after them is a probability, read from a tool or a market
_ODDS = compiled_on_use(r"可能性|概率|几率|幾率|机率|機率|机会率|機會率")


def _odds_as_read(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A forecast word before the odds of an event is the event's, not the figure's: in
    `Fed Watch工具预测，美联储……维持利率不变的可能性为85.5%` and `市场预计日本央行在7月前加息的可能性为78%`
    the probability is what the tool or the market reads now, as `Fed Watch工具显示……可能性为90%` is, so the
    two are one measure (the rule's default, if it names one)."""
    forecast = next((c for c in found if c.name == "measure" and c.value == "forecast"), None)
    if forecast is None:
        return found
    at = s.plain.rfind(forecast.evidence, 0, offset)
    if at < 0 or not _ODDS.search(s.text, at + len(forecast.evidence), offset):
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c is forecast else c
            for c in found if c is not forecast or default]


def _year_alone_is_full_year(rule: RuleBase, s: Sentence, offset: int,
                             found: list[ContextValue]) -> list[ContextValue]:
    """去年盈利106.31亿元, 2023年营收4009亿: a figure for a year, no part of it named, is the full year's.

    Not for a value a rule dates (a point in time), nor for a month or part of the year (2024年12月,
    2024年底), nor for a year only an earlier sentence names."""
    names = {c.name for c in found}
    if _EVERY_PERIOD.search(s.text, 0, offset):
        return found  # 2024年每一季度……分别为21%、20%: quarters of the year, not the full year
    if rule.day or "year" not in names or "period" in names or all(spec.name != "period" for spec in rule.context):
        return found
    year = next(c for c in found if c.name == "year")
    if year.evidence not in s.plain:
        return found  # 今年 in an earlier sentence: 2月以来的涨幅 is the year's, not necessarily all of it
    if re.search(re.escape(year.evidence) + _PART_OF_A_YEAR, s.text):
        return found  # 2024年12月, 在2024年最后几个月累计降息1个百分点: a part of the year, not all of it
    return [*found, ContextValue("period", "full-year", year.evidence)]


# 本年度, 本财年: "this year" of what is reported — the year a results sentence or paragraph names, as 上年
# counts from it (今年 and a bare 本年, `警队本年的工作重点`, are the writer's year: the publish date's)
_OF_THE_REPORT = compiled_on_use(r"本年度|本财年|本財年")
# a year named as a reporting period (2024年全年, 2024年度, 2024财年, 2024年业绩): what a paragraph reports on
_REPORTED_YEAR = compiled_on_use(r"((?:19|20)\d{2})\s*(?:年\s*全年|年度|财年|財年|年\s*(?:的)?\s*(?:业绩|業績|年报|年報|财报|財報))")


def _reported_year(s: Sentence, values: Values, word: str, offset: int) -> int | None:
    """The year 本年度/本财年 means: the last year in digits before it in its sentence (outside a comparison:
    `2024年全年，收益净额为40亿美元……；及本年度的分部经调整EBITDAR为11亿美元` is 2024's, not the publish year's),
    else the last year an earlier sentence of the paragraph names as a reporting period (2024年全年, 2024年度业绩);
    None when neither does."""
    hits = s.qualifier_hits(values)
    at = next((h[0] for h in reversed(hits) if h[1] == word and h[0] < offset), None)
    if at is None or not _OF_THE_REPORT.match(s.text, at):
        return None
    before = [h[2] for h in hits if h[0] < at and not in_comparison(s.comparisons, h[0])
              and _WRITTEN_YEAR.match(s.text, h[0])]
    if before:
        digits = before[-1].removeprefix("FY")
        return int(digits) if digits.isdigit() else None
    earlier = s.previous
    while earlier is not None:
        named = list(_REPORTED_YEAR.finditer(earlier.text))
        if named:
            return int(named[-1].group(1))
        earlier = earlier.previous
    return None


def _relative_year_base(s: Sentence, values: Values, word: str, offset: int, article: Article) -> int | None:
    """The year a relative year word counts from (`year_counted_from`): for 上年, 上一年(度), 下一年, the year the sentence names
    last before it (`预计2024年……，而该公司上一年度净亏额` is 2023's, `2024年四季度净利润达4.6亿美元，而上年同期
    亏损3.5亿美元` 2023's; 去年 counts too: `截至去年12月底止第四季，……上年同期` is the year before 去年),
    else, as for 去年/今年/明年, the publish year. Another 上年 before it is no year to count from
    (`2023年……，上年同期仅为12.94亿元，……上年同期仅为0.95亿元`: both 2022)."""
    published = article.published.year if article.published else None
    if word.startswith(("本年", "本財年", "本财年")):
        return _reported_year(s, values, word, offset) or published
    hits = s.qualifier_hits(values)
    at = next((h[0] for h in reversed(hits) if h[1] == word and h[0] < offset), None)
    same_period = word == "去年" and at is not None and s.text.startswith("同期", at + len(word))
    if not word.startswith(COUNTED_FROM_CONTEXT) and not same_period:
        return published
    before = [h[2] for h in hits if at is not None and h[0] < at and not in_comparison(s.comparisons, h[0])
              and not h[1].startswith(COUNTED_FROM_CONTEXT)]
    if same_period and not before and at is not None:
        return _year_of_the_period_before(s, at) or published
    return year_counted_from(before, published)


# the precisions of a part of a year a sentence reports on (第四季度, 上半年, 前三季度, 1月)
_PART_OF_YEAR = ("quarter", "half-year", "range", "month")


def _year_of_the_period_before(s: Sentence, at: int) -> int | None:
    """The year of the part of a year the sentence names before 去年同期 at `at`, counted from the
    publish day (第四季度 in February is last year's): 去年同期 is the same period a year before that
    one, not a year before the publish year (`Robinhood公布第四季度业绩，……而去年同期的净利润仅为3000万美元`
    published in February 2025 is Q4 2023, as `2023年同期为3000万美元` says); None when none is named."""
    spans = [d for d in s.dates if d.end <= at and d.value.precision in _PART_OF_YEAR]  # read once a sentence
    return spans[-1].value.end.year if spans else None


def _month_alone_is_the_period(rule: RuleBase, s: Sentence, offset: int,
                               found: list[ContextValue]) -> list[ContextValue]:
    """1月新增贷款, 2025年1月生猪销量, 1月份销量: a month named with no day is the period its figure covers,
    `month-01`, so January's figure is compared only with January's (and a year's or February's is
    another figure). Read from the last date before the value in its sentence, outside a comparison
    phrase (较去年12月), when no period word is read; a month and day (1月20日) is a day, 1月底 a part
    of a month and a futures contract's month (4月原油期货) no time of the figure: none is a period."""
    if all(spec.name != "period" for spec in rule.context) or any(c.name == "period" for c in found):
        return found
    before = [d for d in s.dates if d.end <= offset and not in_comparison(s.comparisons, d.start)]
    if (not before or before[-1].value.precision != "month" or not _NAMES_A_MONTH.search(before[-1].value.raw)
            or _CONTRACT_MONTH.match(s.text, before[-1].end)):
        return found  # 去年末 is read as December, but names the year's end, a point
    month = before[-1]
    if not _month_dates_the_figure(s, month, offset):
        return found
    return [*found, ContextValue("period", f"month-{month.value.start.month:02d}", s.plain[month.start:month.end])]


def _month_dates_the_figure(s: Sentence, month: DateSpan, offset: int) -> bool:
    """Whether a month before a value is the time its figure covers: not a start (自2024年1月以来, 从1月起),
    an as-of point (截至2025年1月) or the month of an event or a saying (在1月发布的财报显示, 上个月表示,
    将于3月); and only in the value's clause, a lead-in of its own (`2025年1月，`) or a clause that
    names a line item or a figure (`1月份全球市场黄金日平均交易量为2640亿美元，环比增长20%`), not an
    event's (`特朗普1月上任后，…`)."""
    if (_is_baseline(s.text, month) or _MONTH_AS_OF.search(s.text, max(0, month.start - 4), month.start)
            or _AFTER_A_START.match(s.text, month.end)):
        return False
    if _ONE_DAY_MOVE.search(s.text, s.clause_at(offset)[0], offset):
        return False  # 英伟达1月遭遇DeepSeek冲击，股价一度暴跌17%: a day's move, the month dates the event
    begin, end = s.clause_at(month.start)
    if REPORTING.search(s.text, month.end, min(end, offset)) or COMING.search(s.text, begin, month.start):
        return False
    if begin <= offset < end:
        return True
    if _ONLY_A_TIME.fullmatch(s.text[begin:month.start] + s.text[month.end:end]):
        # a lead-in of its own, unless what it dates is an announcement before the value
        # (而去年10月，…就宣布将联合投资63亿英镑: the month of 宣布, not the investment's period)
        return REPORTING.search(s.text, end, offset) is None
    return (_FIGURE.search(s.text, month.end, end) is not None
            or any(month.end <= pos < end for pos, _, _ in s.qualifier_hits(_builtin_line_items()))
            or _leads_into_the_figure(s, month, offset))


def _leads_into_the_figure(s: Sentence, month: DateSpan, offset: int) -> bool:
    """A month in the clause right before the value's, a clause of no figure that says what the month
    was like, dates the figure the next clause states (`1月美国就业增长放缓，但失业率降至4.0%`,
    `1月非农就业显示就业依然强劲，失业率降至4%`): unless the clause gives an event's time, 在/于 before
    the month (`于1998年5月发起设立`), 的 after it (`在2023年8月的钉钉生态大会上`) or a time clause
    ending in 后, 时, 上 … (`特朗普1月上任后`, `在12月FOMC会议上`)."""
    clause = s.clause_at(month.start)
    if s.clause_before(offset) != clause:
        return False
    begin, end = clause
    return not (_EVENT_TIME_BEFORE.search(s.text, begin, month.start) or _EVENT_OF_MONTH.match(s.text, month.end)
                or _TIME_CLAUSE_END.search(s.text[begin:end].rstrip(_CLAUSE_MARKS))
                or _NOT_THE_MONTHS_OWN.search(s.text, begin, month.start) or _NOW.search(s.text, begin, end))


@cache
def _builtin_line_items() -> Values:
    """Every line item's built-in words, whatever the rule reads: a clause naming one states a figure."""
    return tuple(builtin_words()["metric"].items())


# a figure of one day or a moment of it (一度暴跌17%, 盘中大涨, 单日跌幅, 当日收跌: zh.yaml one_day), in the
# value's clause before it: no month is its period (review #6)
_ONE_DAY_MOVE = compiled_on_use("|".join(map(re.escape, ZH.one_day)))
# a month that gives an event's time, not a period's: 于1998年5月, 在2023年8月的…大会上, 1月上任后
_EVENT_TIME_BEFORE = compiled_on_use(r"[在于於][^，,；;：:]{0,4}$")
_EVENT_OF_MONTH = compiled_on_use(r"\s*份?\s*(?:的|在|于|於)")
# nor a month that ends a span (从去年10月到今年1月) or is compared with (跌幅与12月持平), nor a clause about now
_NOT_THE_MONTHS_OWN = compiled_on_use(r"(?:[到至—–\-~]|[与與和跟同较較比])\s*$")
_TIME_CLAUSE_END = compiled_on_use(r"(?:后|後|前|时|時|之际|之際|期间|期間|以来|以來|上|中|内|內|间|間)$")
_CLAUSE_MARKS = " ，,；;：:、。！？!?"
_MONTH_AS_OF = compiled_on_use(r"(?:截至|截止)\s*$")  # 截至2025年1月: a running total up to a point
_AFTER_A_START = compiled_on_use(r"\s*份?\s*(?:初|底|末|中)?\s*(?:以来|以來|起|至今|开始|開始|[之以]?(?:后|後))")
# the clause is the time alone, a lead-in: 2025年1月，整个1月，仅1月，而在2019年12月，
_ONLY_A_TIME = re.compile(r"[\s，,]*(?:而|但|但是|不过|不過|同时|同時|此外|另外)?[\s在于於份整个個仅僅，,]*")
_NAMES_A_MONTH = re.compile(r"月|[A-Za-z]")  # 1月, 上月, 一月份, January; not 去年末
# a futures contract is named by its delivery month (布伦特4月原油期货, 3月交割的, 5月合约): no period of a figure
_CONTRACT_MONTH = re.compile(r"[^，,。；;：:\d]{0,6}?(?:期货|期貨|合约|合約|交割)")
_YEAR_BEFORE_START = compiled_on_use(r"((?:19|20)\d{2})\s*$")


def _year_so_far(rule: RuleBase, s: Sentence, offset: int, article: Article,
                 found: list[ContextValue]) -> list[ContextValue]:
    """The year of a figure for the year so far (年内已涨超10%, 今年以来, 2025年初至今): the year written
    right before 年初, else the publish year; never a year another clause names (黄金价格在2024年40次创下
    新高，2025年初至今涨幅达10% is 2025's gain so far, not 2024's full year)."""
    period = next((c for c in found if c.name == "period"), None)
    if period is None or period.value != "ytd":
        return found
    at = s.plain.rfind(period.evidence, 0, offset)
    if period.evidence not in s.plain:  # 今年以来……。2月以来的涨幅达到6%: a span said before, not this value's
        return [c for c in found if c is not period]
    if all(spec.name != "year" for spec in rule.context):
        return found
    written = (_YEAR_BEFORE_START.search(s.plain, max(0, at - 6), at)
               if at >= 0 and period.evidence.startswith("年") else None)
    if written is not None:
        year = ContextValue("year", written.group(1), written.group(1) + "年")
    elif article.published:
        year = ContextValue("year", str(article.published.year), period.evidence)
    else:
        return [c for c in found if c.name != "year"]
    return [*(c for c in found if c.name != "year"), year]


def _year_of_day(found: list[ContextValue], day: ContextValue) -> list[ContextValue]:
    """A value dated in its sentence (昨日, 2月10日) is of that day's year, whatever year the paragraph named;
    a year the sentence names itself keeps its own word (2025年2月12日，央行今日: `2025年`, not 今日, which
    names a day and reads as a year only where it changes the one written)."""
    if not day.value or day.evidence.startswith("publish time"):
        return found
    return [ContextValue("year", day.value[:4], day.evidence) if c.name == "year" and c.value != day.value[:4] else c
            for c in found]


def _qualifier(values: Values, scope: str, s: Sentence, offset: int,
               units: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(value, word) for a qualifier, nearest the value first.

    clause/sentence/paragraph: in the clause (before the value first), then before
    the value in the sentence, then in the paragraph's earlier sentences; sentence alone: then in
    a later clause of the sentence when no figure stands between (a source named at its end). head: before
    the value in its clause, then in the lead-in of its statement (the words before
    the first number since the last ；, a count in one of `units` too). run: the last word before the value in the sentence. Words inside
    a comparison phrase (较去年同期, 相较上一轮) never count, except the phrase's own
    opening word (a basis such as 较去年同期)."""
    hits = _outside_of_the_start(s, _outside_notes(s, s.qualifier_hits(values), offset), offset)
    begin, end = s.clause_at(offset)
    begin = max(begin, headline_part_start(s, offset))  # 加拿大1月新增職位勝預期 失業率降至6.6%: 預期 is the jobs'
    listed = value_list(s, offset, units)
    if listed is not None:  # 片方与影院分别为43%与57%: the i-th word goes with the i-th value
        index, count, first = listed
        words = [(pos, pos + len(word)) for pos, word, _ in hits if pos < first]
        run = _last_run(words, s.text, count, _WORD_SEPARATOR) or _last_run(words, s.text, count, _EN_WORD_SEPARATOR)
        if run is not None:
            _, word, value = next(h for h in hits if h[0] == run[index][0])
            return value, word
        if scope == "clause":
            return None  # one word for several values of a per-value qualifier: which one is unknown
    reach = _reach(s, hits, offset)
    if scope == "run":
        before = [hit for hit in hits if reach <= hit[0] < offset]
        if before and _own_line_item_after_break(s, before[-1][0], offset):
            return None  # 經營收入…；經調整後的物業EBITDAR為11.76億元，按年升23.23%: EBITDAR's, not 經營收入's
        return (before[-1][2], before[-1][1]) if before else None
    if scope == "head":
        in_clause = _in_clause(s, hits, offset, begin, end)
        if in_clause:
            _, word, value = min(in_clause)
            return value, word
        # the lead-in of the value's statement (a ；ends one): the words before its first number
        part = max(statement_start(s, begin), headline_part_start(s, begin))
        lead_end = min((q.start for q in s.quantities if q.start >= part), default=len(s.text))
        counted = next(amounts(s.text, units, part, lead_end), None) if units else None
        lead_end = counted.start if counted is not None else lead_end  # 虽然新增14.3万个岗位，低于市场预期，但……
        lead_end = _first_figure(s, part, lead_end)  # 项目预计期限为10年，规模上限为50亿元: 预计 is the term's
        lead = [hit for hit in hits if part <= hit[0] < min(begin, lead_end) and not _another_chain(s, hit, begin)]
        lead = lead or (_framing_lead_in(s, hits) if part > 0 and not _OWN_YEAR.search(s.text, part, offset) else [])
        lead = lead or _expected_just_before(s, hits, part, begin, offset)
        return (lead[-1][2], lead[-1][1]) if lead else None
    purpose = _purpose_word(s, hits, offset, end)
    if purpose is not None:
        return purpose
    clause = _in_clause(s, hits, offset, begin, end)
    if clause:
        _, word, value = min(clause)
        return value, word
    if scope == "clause":
        return None
    before = [hit for hit in hits if reach <= hit[0] < begin and not _another_subjects_word(s, hit[0], offset)
              and not _extreme_of_an_earlier_reading(s, hit, begin, offset)]
    if before:
        return before[-1][2], before[-1][1]
    if scope == "sentence":
        tail = [hit for hit in hits if hit[0] >= end and not _value_between(s, end, s.clause_at(hit[0])[1])]
        return (tail[0][2], tail[0][1]) if tail else None
    if reach > 0:
        return None
    earlier = s.last_hit_before(values)
    return (earlier[2], earlier[1]) if earlier else None


# what may follow a word that frames a whole sentence, in the clause it ends: a verb of showing or saying
# (业绩预告显示，, 公司预计，, 据业绩预告，)
_FRAMES = compiled_on_use(r"\s*(?:显示|表明|指出|称|说|表示|提到|披露)?\s*")


# a statement after ； that names its own year is not the lead-in's (…业绩预告显示，预计2024年…；2023年亏损46.08亿元)
_OWN_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*(?:财|財)?年|去年|上年|前年|今年|明年")


def _framing_lead_in(s: Sentence, hits: list[Hit]) -> list[Hit]:
    """The words of a sentence's opening lead-in that frame all of it, past a `；`: a word ending a
    clause of its own that holds no figure and introduces what follows (`2024年度业绩预告显示，奥浦迈预计年度
    净利润将…下降62.37%；扣非净利润为578.91万元左右` : the 578.91万 is the 预告's too). A word inside the
    first statement's figures (`市场预估0.52美元；单位箱销量增长2%`) frames only its own statement."""
    first = min((q.start for q in s.quantities), default=len(s.text))
    return [(at, word, value) for at, word, value in hits
            if s.clause_at(at)[1] <= first and _FRAMES.fullmatch(s.text, at + len(word), s.clause_at(at)[1])]


def _purpose_word(s: Sentence, hits: list[Hit], offset: int, end: int) -> tuple[str, str] | None:
    """(value, word) for a figure followed by what it is for (`10%用于有关提升研发设施及生产设施的资本开支`):
    the purpose is named by the phrase's head, its last word (资本开支), not by a word modifying it (研发)."""
    figure = s.quantity_at(offset)
    value_end = figure.end if figure is not None else None
    if value_end is None or _FOR_LABEL.fullmatch(s.text, value_end, end) is None:
        return None
    after = [hit for hit in hits if value_end <= hit[0] < end]
    if not after:
        return None
    _, word, value = max(after, key=lambda hit: hit[0] + len(hit[1]))
    return value, word


# words by which a clause says its figure was read later than an earlier clause's (随后回落至4.36%, 最终收涨10.7%)
_LATER_READING = re.compile("随后|最终|最后|其后|之后|此后|后来")


def _extreme_of_an_earlier_reading(s: Sentence, hit: Hit, begin: int, offset: int) -> bool:
    """Whether the word of `hit` names the day's high or low (a qualifier value in EXTREMES) of an earlier
    clause's own figure, while the value's clause (from `begin`) says when its own figure was read: in
    `盘中一度跌超10%，收盘跌超6%` and `一度升1.4%，收市仅涨0.1%` 一度 is the 10%'s and the 1.4%'s, and the close is
    no high; with no time of its own (`一度升至20000点，涨幅2.5%`) a clause may restate the high."""
    at, _, value = hit
    if value not in EXTREMES:
        return False
    _, clause_end = s.clause_at(at)
    if not any(at < q.start < clause_end for q in s.quantities):
        return False
    return time_before(s.text, begin, offset) is not None or _LATER_READING.search(s.text, begin, offset) is not None


# digits that name a term, not a figure: a bond's or a loan's tenor (10年期国债, 3个月期, the 10-year yield)
_TERM_DIGITS = re.compile(r"\d+\s*(?:年期|个月期|個月期|天期)|\d+-(?:year|month|week|day)\b", re.IGNORECASE)


def _value_between(s: Sentence, start: int, end: int) -> bool:
    """Whether a figure starts between `start` and `end`: a clause after a value that holds none
    (`, according to data compiled by LSEG.`) says where the value comes from; one past another
    figure is that figure's. Digits, not `s.quantities`: a count (101.7 million users) is no quantity;
    but a term's digits are none (`……升至4.62%，美国10年期国债收益率在亚洲市场维持在高位`)."""
    return any(c.isdigit() for c in _TERM_DIGITS.sub("", s.text[start:end]))


def _own_line_item_after_break(s: Sentence, at: int, offset: int) -> bool:
    """Whether a ；stands between a line item at `at` and the value at `offset`, and the value's
    statement opens with a line item of its own before its first figure (`；經調整後的物業EBITDAR為
    11.76億元，按年升23.23%`): that line item, which the rule does not know, is the value's."""
    part = statement_start(s, offset)
    if at >= part:
        return False
    first = min((q.start for q in s.quantities if part <= q.start < offset), default=None)
    if first is None:
        return False
    lead = _time_and_links().sub("", s.text[part:first])  # built on first use
    return len(lead) >= 2


@cache
def _time_and_links() -> re.Pattern[str]:
    """What opens a statement without naming a line item: a period or year (第四季度, 2024年, 去年), a
    basis and a change verb of either language (按年升, 同比增长, `up`), a linking word (其中, 为), punctuation; `；第四季度为115亿美元，同比增长6%`
    and `；按年升3%，預期及前值均為漲2.9%` go on with the line item before (the forecast and prior are the 3%'s)."""
    words = builtin_words()
    times = {w for name in PERIOD_QUALIFIERS for ws in words[name].values() for w in ws}
    bases = {w for ws in words["basis"].values() for w in ws if not w.isascii()}
    changes = {*ZH.up_words, *ZH.down_words}
    alternatives = sorted(set(fold_words(tuple(times | bases | changes))), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives)) + "|" + ZH.change_verb(chinese=False)  # `; up 5%`
                      + r"|(?:19|20)\d{2}\s*年?|其中|[为為是达達约約升降涨跌增减\s，,、：:（）()]")



def _another_subjects_word(s: Sentence, at: int, offset: int) -> bool:
    """Whether the word at `at`, in an earlier clause, says something of that clause's own value or
    named one, someone else than the one the value at `offset` is about: in `台积电的台股股价下滑，
    隔夜美股ADR也走低2.20%，反观英特尔股价上攻超过7%` 台股 and ADR are TSMC's, not Intel's 7%. A word
    of a clause that names no one but a source and holds no value (a lead-in: 在A股市场，, 据猫眼专业版
    2月11日消息，), or about the same one, or about no one known, still reaches the later clause; so does
    one of a clause that names someone else only as the object of an action (辽宁成大持有广发证券A股12.5亿股，)."""
    begin, end = s.clause_at(at)
    own = [q.start for q in s.quantities if begin <= q.start < end]
    # 据猫眼专业版消息，: a source names no subject of its own; 辽宁成大持有广发证券A股12.5亿股，: the
    # object of an action (持有广发证券) is not who the clause is about
    named = [m for m in s.mentions if begin <= m.start < end and not speaks(s, m.start, m.end)
             and not _is_object(s, begin, m, OBJECT_MARKERS)]
    if own:
        theirs = who(s, min(own, key=lambda start: abs(start - at)))
    elif named:
        theirs = named[-1].entity_id
    else:
        return False
    ours = who(s, offset)
    return theirs is not None and ours is not None and theirs != ours


_DIGITS = re.compile(r"\d+")
# a label before a figure in a list a colon opens (增持及数量：京东317万份，阿里巴巴184万份): a name, no figure
_LIST_LABEL = re.compile(r"\s*[^，,。；;：:！？!?\d０-９、（）()]{1,24}?\s*")


# verbs of expecting: they govern their own clause and the clauses that go on without a new subject
_EXPECTING = re.compile(r"预计|預計|预期|預期|估计|估計")


# 预期的22%降幅, 预期为0.52美元: the word labels its own figure (the analysts'), it expects nothing of the clauses after
_LABELS_ITS_FIGURE = compiled_on_use(r"\s*(?:的|为|為|是)")


def _expected_just_before(s: Sentence, hits: list[Hit], part: int, begin: int, offset: int) -> list[Hit]:
    """A verb of expecting in the clause right before the value's, in its statement (after the statement's
    first figure, so no lead-in) that holds an amount or a rate reaches a clause that goes on without a
    subject of its own and names no year before the forecast's: `预计至2025年营收将增长至1.5亿元，2026年进一步增至3亿元` (3亿 is expected too), not
    `预计2024年净利润为90亿元，2023年为63.9亿元` (2023's is stated) nor `…，而该公司上一年度净亏额…` (`_another_chain`),
    nor after a word labelling its own figure (`超过分析师预期的22%降幅，全年营业收入下降51%至16亿欧元` is actual)."""
    previous = s.clause_before(begin) if begin > part else None
    if previous is None or previous[0] < part:
        return []
    expected = [hit for hit in hits if previous[0] <= hit[0] < previous[1] and _EXPECTING.fullmatch(hit[1])
                and not _LABELS_ITS_FIGURE.match(s.text, hit[0] + len(hit[1]))]
    if not expected or _another_chain(s, expected[-1], begin) or _opens_with_a_name(s, begin):
        return []
    if not any(previous[0] <= q.start < previous[1] for q in s.quantities):
        return []  # 项目预计期限为10年，规模上限为50亿元: the verb's figure is a term, no amount, 预计 is the term's
    then = [int(y) for y in _WRITTEN_YEAR.findall(s.text, previous[0], previous[1])]
    here = [int(y) for y in _WRITTEN_YEAR.findall(s.text, begin, offset)]
    return [] if then and here and min(here) < max(then) else expected[-1:]


def _another_chain(s: Sentence, hit: Hit, begin: int) -> bool:
    """Whether a lead-in's verb of expecting (`hit`) stops before the clause at `begin`: a clause
    that opens with a name of its own starts another chain of clauses, which the verb does not
    reach (`OpenAI的首款自研AI芯片预计从 2026 年开始量产，台积电将利用其 3nm 技术为其代工`: the 3nm is no
    forecast). A verb that ends its clause (`预计，` `预计：`) introduces what follows, names and all."""
    at, word, _ = hit
    if _EXPECTING.fullmatch(word) is None:
        return False
    _, clause_end = s.clause_at(at)
    if not s.text[at + len(word):clause_end].strip():
        return False
    return any(_opens_with_a_name(s, start) for start, _ in s.clauses if clause_end < start <= begin)


# a figure and then what it goes to (60%用于研发, 及25%用于营运资金): the label after the figure, as a filing
# lists its use of proceeds
_LIST_JOIN = re.compile(rf"\s*(?:{LIST_JOINER}|并|並)?\s*")
_FOR_LABEL = re.compile(r"\s*(?:将|將|拟|擬)?(?:用于|用於|用作|拨作|撥作)[^，,。；;：:！？!?\d０-９]{1,40}?[\s。！？!?…]*")


def _labelled_figure(s: Sentence, clause: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether a clause after a colon is a label and one figure and nothing else (`京东317万份`), or one
    figure and what it is for (`10%用于资本开支`), as each item of a list the colon opens is: number
    and count rules read such lists alike."""
    (begin, end), (start, stop) = clause, figure
    if _LIST_LABEL.fullmatch(s.text, begin, start) is not None and not s.text[stop:end].strip(" 。！？!?…"):
        return True
    return _LIST_JOIN.fullmatch(s.text, begin, start) is not None and _FOR_LABEL.fullmatch(s.text, stop, end) is not None


@per_sentence  # every value of a sentence asks (number rules), every cue before a colon (count rules): one pass
def labelled_runs(s: Sentence, figures: tuple[tuple[int, int], ...]) -> dict[int, int]:
    """{clause start: the colon opening its run} for every clause in a run of clauses that each hold a
    label and one of `figures` (spans, first first) and nothing else (`_labelled_figure`), right after a
    colon that ends a clause of its own (`营业收入构成为：酒店客房占比 38.57%，持续加盟服务占比 33.37%`,
    `增持及数量：京东317万份，阿里巴巴184万份`) and going on past commas and semicolons: the one reader of
    such lists, number rules passing their quantities, count rules their amounts.

    A run of figures each followed by what it is for needs no colon: in `其中60%擬用於……研發；約10%用於……
    資本開支；5%用於……，及25%用於營運資金` the clauses after the first are mapped to where the first's
    figure starts, so a cue right before that figure (其中) governs them as a cue before a colon would."""
    runs: dict[int, int] = {}
    colon = -1
    head = -1  # where the first figure of a run of figures-for-a-purpose with no colon starts
    index = 0
    for begin, end in s.clauses:
        while index < len(figures) and figures[index][0] < begin:
            index += 1
        held = 0
        while index + held < len(figures) and figures[index + held][0] < end:
            held += 1
        labelled = held == 1 and _labelled_figure(s, (begin, end), figures[index])
        purpose = held == 1 and _FOR_LABEL.fullmatch(s.text, figures[index][1], end) is not None
        before = s.text[begin - 1] if begin else ""
        if not labelled:
            colon = -1
        elif before in "：:" and begin >= 2 and s.clause_at(begin - 2)[0] < begin - 1:
            colon = begin - 1
        elif before not in "，,；;":
            colon = -1
        goes_on = head >= 0 and labelled and purpose and before in "，,；;"
        if labelled and colon >= 0:
            runs[begin] = colon
        elif goes_on:
            runs[begin] = head
        head = head if goes_on else figures[index][0] if purpose else -1
    return runs


_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d(?!\d)")  # 2024年财报预告: a year, whatever follows it


# the lead of a change's starting figure (由三季度末的 before 62.5万股增加到68万股): its words are that figure's
# (a date in the lead is the starting figure's too: 由2023年同期盈利7020万元变为亏损4.37亿元, 从2023年年末的1308人
# 减少至2024年6月末的1216人: 2023年 dates 7020万 and 1308人 alone; a date is no figure: 从2015年到2021年)
_LEAD_DATE = r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月|\d{1,2}\s*日"
_CHANGE_FROM = re.compile(rf"(?:从|從|由)(?:{_LEAD_DATE}|[^，,。；;：:、\d]){{0,10}}?(?=(?!(?:19|20)\d{2}\s*年)[约約近超逾]?\d[\d.,]*"
                          r"(?![\d.,])(?!\s*[月日号號])\s*[^，,。；;：:、\d]{0,10}?(?:至|到|为|為))")


def _outside_of_the_start(s: Sentence, hits: list[Hit], offset: int) -> list[Hit]:
    """The words of the figure a change starts from are that figure's alone: in `截至去年末，Appaloosa对
    英伟达的持仓由三季度末的62.5万股增加到68万股，对优步科技的持仓由140万股增至150万股` 三季度末 dates 62.5万股,
    neither 68万股 nor Uber's figures (a word after the first figure, 由一季度的5亿增至二季度的8亿, is the
    reached figure's)."""
    if not hits:
        return hits
    leads = [(a, b) for a, b in _change_leads(s) if not b <= offset <= b + 1]
    return [h for h in hits if not any(a <= h[0] < b for a, b in leads)] if leads else hits


@per_sentence  # asked for every value, rule and qualifier: the sentence is searched once
def _change_leads(s: Sentence) -> tuple[tuple[int, int], ...]:
    """(start, end) of each lead of a change's starting figure in the sentence (由三季度末的 …)."""
    if "从" not in s.text and "從" not in s.text and "由" not in s.text:
        return ()
    return tuple(m.span() for m in _CHANGE_FROM.finditer(s.text))


def _first_figure(s: Sentence, start: int, end: int) -> int:
    """Where the clause of the first figure of another kind before `end` (the first amount) begins:
    a number that is no date (a term, a count: 项目预计期限为10年，规模上限为50亿元), whose clause's words
    are its own, so a lead-in stops before them; else `end`."""
    for found in _DIGITS.finditer(s.text, start, end):
        if not _YEAR_NUMBER.fullmatch(found.group()) and not any(d.start <= found.start() < d.end for d in s.dates):
            return max(start, s.clause_at(found.start())[0])
    return end


def _outside_notes(s: Sentence, hits: list[Hit], offset: int) -> list[Hit]:
    """A note in brackets restates the words before it: in `2025财年前四个月（2024年10月至2025年1月）的
    赤字达到了8400亿美元`, the year is 2025财年's, not the note's 2025年. The note's words count only
    when nothing before it names the qualifier."""
    if not hits:
        return hits
    notes = [(a, b) for a, b in _bracket_notes(s) if b <= offset]
    return [h for h in hits if not any(a <= h[0] < b and hits[0][0] < a for a, b in notes)] if notes else hits


@per_sentence  # asked for every value and qualifier: the sentence's brackets are found once
def _bracket_notes(s: Sentence) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ANNOTATION.finditer(s.text)]


def _reach(s: Sentence, hits: list[Hit], offset: int) -> int:
    """How far back a qualifier's words may stand for a value at `offset`: a ；ends a statement, so
    words before it reach the value only when its own statement names no word of the qualifier
    (`……创2016年以来新低；归属于集团的净利润为11.33亿欧元` names no year: the earlier one holds).
    Beyond the sentence (scope paragraph), only when the sentence up to the statement's end names none."""
    start = max(statement_start(s, offset), headline_part_start(s, offset))
    if start == 0:
        return 0
    end = next((i for i in range(offset, len(s.text)) if s.text[i] in "；;"), len(s.text))
    if s.segment.is_title:
        end = next((a for a, _ in headline_gaps(s) if offset <= a < end), end)
    return start if any(start <= pos < end for pos, _, _ in hits) else 0


def headline_part_start(s: Sentence, offset: int) -> int:
    """Where the part of a title holding `offset` starts: after the last headline gap before it, which
    ends a headline's statement as ； does a sentence's; 0 in a sentence that is no title."""
    if not s.segment.is_title:
        return 0
    return max((b for _, b in headline_gaps(s) if b <= offset), default=0)


@per_sentence
def headline_gaps(s: Sentence) -> list[tuple[int, int]]:
    """The spaces of `s.text` that end a headline's statement: between Chinese words (`……逆回购操作 中标利率为1.50%`),
    or after a percentage before a Chinese word (`美國1月CPI按年升3% 高預期`: a space the matching text drops as
    typesetting, here an empty span where it stood)."""
    gaps = [(m.start(), m.end()) for m in _HEADLINE_GAP.finditer(s.text)]
    gaps += [(m.end(), m.end()) for m in _PERCENT_BEFORE_HAN.finditer(s.text)
             if s.raw_span(m.end(), m.end() + 1)[0] > s.raw_span(m.start(), m.end())[1]]
    return sorted(gaps)


def _in_clause(s: Sentence, hits: list[Hit], offset: int, begin: int, end: int) -> list[tuple[int, str, str]]:
    """(distance, word, value) of the words of the value's clause that are about it: every one
    before it, and one after it when it closes the value's statement (增长5%（按年）, 录得
    盈利，为全年) rather than opens the next one's (115亿美元高于预期的108亿美元: 预期 is 108亿's).
    The nearest wins (a word inside the value, its unit 港元, counts from the value's start);
    at equal distance, the one before."""
    figure = s.quantity_at(offset)
    value_end = figure.end if figure is not None else offset
    # a space between Chinese words ends a headline's statement (`……7天期逆回购操作 中标利率为1.50%`):
    # the words after the value up to it are the value's, though the next statement holds a figure
    # (in a title, whatever follows: `美國1月CPI按年升3% 高預期`, 預期 is no measure of the 3%)
    gap = next(((a, b) for a, b in headline_gaps(s) if value_end <= a < end), None)
    if gap is not None and (s.segment.is_title or any(gap[0] <= q.start < end for q in s.quantities)):
        end = gap[0]
    # the level a change reaches is no figure of another statement: in `revenue increased by 5.5% year-over-year
    # to $169.59 billion` the basis between the change and `to` is the 5.5%'s
    later = [q.start for q in s.quantities if value_end <= q.start < end and not change_lead(s.text, q.start) <= offset]
    notes = [(q.end, note.end()) for q in s.quantities if begin <= q.start < end
             and (note := _ANNOTATION.match(s.text, q.end)) is not None]
    own = next(((a, b) for a, b in notes if a == value_end), None)
    # a count is no quantity: its own digits (103.12 million users) are not a figure between it and a word
    number_end = (digits.end() if (digits := _LEADING_NUMBER.match(s.text, value_end)) else value_end)
    found: list[tuple[int, str, str, int]] = []  # (distance, word, value, where the word stands)
    after = False
    for pos, word, value in hits:
        if own is not None and own[0] <= pos < own[1]:  # 11.8%（2023年）: its own note is the value's
            found.append((pos - value_end, word, value, pos))
        elif any(a <= pos < b for a, b in notes):
            continue  # another value's note: 2022年 in 10.2%（2022年） is not 11.8%'s
        elif begin <= pos < offset:
            found.append((offset - pos - len(word), word, value, pos))
        elif offset <= pos < value_end:  # the value's own unit (124.3港元)
            found.append((pos - offset, word, value, pos))
        elif value_end <= pos < end and not later and not _DIGIT.search(s.text, number_end, pos) \
                and not _OPENS_A_CLAUSE.search(s.text, value_end, pos):
            found.append((pos - value_end, word, value, pos))
            after = True
    # a five-fold increase quarter-over-quarter and a six-fold increase year-over-year: the six-fold's
    # own word after it wins over a word before the `and` that opened its statement
    return [(distance, word, value) for distance, word, value, pos in found
            if not after or pos >= offset or not _OPENS_A_CLAUSE.search(s.text, pos, offset)]


_HEADLINE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_PERCENT_BEFORE_HAN = re.compile(r"[%％](?=[\u4e00-\u9fff])")
# a figure between a value and a word after it (a count too: up 39% from 73.1 million … below the FactSet
# consensus for 103.12 million users): the word opens that figure's statement, not the value's
_DIGIT = compiled_on_use(r"\d")
# a count's number, with the bound or hedge written before it (近50只, 约50只, 超50只: the count's offset is the word's)
_LEADING_NUMBER = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
    (w for w in APPROX_BEFORE if w and not w.isascii()), key=len, reverse=True)) + r")?\s*[\d.,]*")
# English joins clauses with words, not commas: after such a word a qualifier word is the next statement's
# (shares fell 9% in early trading on Thursday after the firm missed Wall Street estimates)
_OPENS_A_CLAUSE = compiled_on_use(r"(?<![A-Za-z])(?:after|but|despite|because|while|although|though|as|when|which|whereas|and)"
                                  r"(?![A-Za-z])")


def _day(rule: RuleBase, s: Sentence, offset: int, article: Article, known: dict[str, str]) -> ContextValue:
    scope = rule.day.scope if rule.day else "sentence"
    # a figure of a day is not known before that day; a state may be announced for a day ahead (将于4月1日起免费)
    latest = article.published.date() + timedelta(days=1) if article.published and rule.kind != "status" else None
    compared = _compared_day(s, offset)
    coming = _coming_day(rule, s, offset, latest)
    chosen = (s, compared) if compared is not None else (s, coming) if coming is not None else (
        _stated_day(s, offset, scope, latest) or _stated_day(s, offset, scope, latest, MONTH_DAYS))
    dated = chosen[1] if chosen is not None and chosen[0] is s else None
    weekend_close = _before_the_weekend(s, offset, dated)
    told = dated.value.start if dated is not None else article.published.date() if article.published else None
    if weekend_close is not None and told is not None:
        friday = told - timedelta(days=(told.weekday() - 4) % 7)  # 周日(2月9日)…周末前收盘: Friday the 7th
        return ContextValue("day", friday.isoformat(), f"{weekend_close} ({told.isoformat()})", inferred=dated is None)
    overnight = _overnight(s, offset, dated)
    if overnight is not None and chosen is not None and chosen[1].value.precision == "day":
        before = chosen[1].value.start - timedelta(days=1)  # 周五(2月14日)亚市，……隔夜美股ADR也走低2.20%
        return ContextValue("day", before.isoformat(), f"{overnight} after {chosen[1].value.raw}")
    if overnight is not None and chosen is None and article.published is not None:
        before = article.published.date() - timedelta(days=1)  # the publish day on its own (Beijing) clock
        return ContextValue("day", before.isoformat(), f"{overnight} (the night before publication)", inferred=True)
    if chosen is not None:
        return _market_day(rule, chosen[0], chosen[1], known)
    listing = _listing_day(s, offset, article)
    if listing is not None:
        return listing
    spec = rule.day
    if spec is None or spec.fallback == "none" or article.published is None:
        return ContextValue("day", "", "")
    written = s.report_dateline
    if written is not None and written.value.start < article.published.date():  # a later copy of the report
        return ContextValue("day", written.value.start.isoformat(), f"dateline {written.value.raw}", inferred=True)
    zone_name = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "")
    when = article.published.astimezone(ZoneInfo(zone_name)) if zone_name else article.published
    evidence = f"publish time ({zone_name})" if zone_name else "publish time"
    return ContextValue("day", when.date().isoformat(), evidence, inferred=True)


# 隔夜 (overnight) before a market, a price or a move: in an Asian morning's report, the session that closed
# overnight, the day before (隔夜美股, 华尔街隔夜下跌, 隔夜国际金价上涨, 美元兑日元隔夜升至); not a loan's
# tenor (隔夜拆息, 隔夜shibor, 隔夜品种, 隔夜期), which names no day
_OVERNIGHT = re.compile(r"隔夜(?=\s*\[?\s*(?:美股|美市|股市|欧股|欧美|外盘|国际|华尔街|纽约|伦敦|市场|交易|夜盘|金价|油价|"
                        r"美元|上涨|下跌|走高|走低|收涨|收跌|收高|收低|[升涨跌降]))|(?<=华尔街)隔夜")


# 周末前收盘 (the close before the weekend): the last Friday on or before the day the sentence is dated by
_WEEKEND_CLOSE = re.compile(r"(?:周末|週末)前(?=\s*(?:的)?\s*(?:收盘|收盤|收市))")


def _before_the_weekend(s: Sentence, offset: int, dated: DateSpan | None) -> str | None:
    """周末前收盘 before the value in its sentence, after the day it is dated by: in a Sunday's
    `周日(2月9日)，…美元指数周末前收盘站回108.10` the 108.10 is Friday's close (round 20, NOTES_D #5)."""
    start = dated.end if dated is not None and dated.end <= offset else 0
    found = [m for m in _WEEKEND_CLOSE.finditer(s.text, start, offset)
             if not any(m.end() <= d.start < offset for d in s.dates)]
    return s.plain[found[-1].start():found[-1].end()] if found else None


def _overnight(s: Sentence, offset: int, dated: DateSpan | None) -> str | None:
    """隔夜 before the value in its sentence, after the day the value is dated by (if any) and with no other
    date between: the value is of the day before that day (a US move told in a Beijing morning)."""
    start = dated.end if dated is not None and dated.end <= offset else 0
    found = [m for m in _OVERNIGHT.finditer(s.text, start, offset)
             if not any(m.end() <= d.start < offset for d in s.dates)]
    return s.plain[found[-1].start():found[-1].end()] if found else None


# 上市首日 (the listing day) and 上市次日 (the next trading day) date a value when the article states the
# listing date (2月12日，古茗登陆港交所; 于2月12日在港交所上市): a piece published the day after still
# speaks of the first day's close
# 上市首日/上市次日; a bare 首日 only before a trading word (首日开盘); a bare 次日 is the day after whatever the
# sentence names last (发布盈利预告，次日古茗报9.3港元/股), never the listing's
_LISTING_WORD = re.compile(r"上市(首日|次日)|(?<![\d])(首日)(?=[^，,。；;]{0,6}(?:开盘|收盘|盘中|股价|市值|报|涨|跌))")
# after a day the date code reads (normalize/dates.py: its year, written or told by tense), the listing verb
_LISTED_AFTER_DAY = compiled_on_use(r"[^。；;！？!?]{0,60}?(?:上市|登陆|登陸|挂牌|掛牌|敲锣|敲鑼|敲钟|敲鐘)")


def _listing_day(s: Sentence, offset: int, article: Article) -> ContextValue | None:
    """The day 上市首日/上市次日 before the value in its sentence names, from the listing date the
    article states (a title's or any sentence's `2月12日…上市`); None when it states none."""
    if article.published is None:
        return None
    word, text = None, s.text
    for found in _LISTING_WORD.finditer(text, 0, offset):
        word = found
    if word is None and s.previous is not None and not _NOW.search(s.text, 0, offset):
        # 上市首日古茗开盘价为10港元/股……。截至收盘，古茗报9.3港元/股: the next sentence goes on with that day,
        # not one further on, nor one saying now (目前古茗报9.3港元/股 is of the day written)
        text = s.previous.text
        word = next(iter(reversed(list(_LISTING_WORD.finditer(text)))), None)
    if word is None or re.search(r"\d\s*[年月日]", text[max(0, word.start() - 6):word.start()]):
        return None  # 中青宝自2010年上市首日: the listing its own date names, not the story's
    listed = _listing_date(article)
    if listed is None:
        return None
    day, evidence = listed
    if "次日" in word.group(0):
        day += timedelta(days=1)
        while day.weekday() >= 5:  # the next trading day: a Friday listing's 次日 is Monday
            day += timedelta(days=1)
    return ContextValue("day", day.isoformat(), f"{word.group(0)} ({evidence})")


def _listing_date(article: Article) -> tuple[date, str] | None:
    """The first day the article says a listing took place on (`2月12日…挂牌上市`), read by the date code
    as every date is (a written year kept: `2023年3月5日`); a day after the publish day is a listing
    still to come (计划于3月5日上市), which has had no first day."""
    assert article.published is not None
    published = article.published.date()
    for segment in article.segments:
        text = fold(segment.text)
        for span in find_dates(text, published):
            verb = _LISTED_AFTER_DAY.match(text, span.end)
            if span.value.precision == "day" and span.value.start <= published and verb is not None:
                return span.value.start, text[span.start:verb.end()]
    return None


_NOW = re.compile(_NOW_WORDS)  # a value said to be as of now: a date of an earlier clause is not its day


def _compared_day(s: Sentence, offset: int) -> DateSpan | None:
    """The day a comparison names, for the figure it compares with (較上日報7.1699 is the day
    before's fixing): that figure comes right after the phrase, its date the phrase's own."""
    closed = _comparison_closed_by(s, offset, _COMPARED_FIGURE_LEAD)
    if closed is None:
        return None
    return next((d for d in s.dates if d.value.precision == "day" and closed[0] <= d.start and d.end <= closed[1]), None)


# what may stand between the day a comparison names and that day's figure: 的, its close or open, 报/为
# (较上周五收市价24元, 較上日報7.1699, 由上日的17.65%), no change verb (较上日放量1421亿元)
_DAY_FIGURE_LEAD = compiled_on_use(r"\s*(?:的)?\s*(?:(?:收[市盘]|开[市盘])价?)?\s*(?:的|为|為|报|報)?\s*")


def _prior_of_its_own_day(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A figure compared with that its comparison dates (由上日的17.65%降至12.62%, 較上日報7.1710) is that
    day's figure, as that day's own report gives it: its measure is the rule's default (actual), not
    `prior`, so the next day's restatement meets the day's own report. Undated (由25.50亿元调至19.53亿元,
    较上年同期的441亿元) it stays `prior`: nothing says which report gave it."""
    day = _compared_day(s, offset)
    if day is None or not _DAY_FIGURE_LEAD.fullmatch(s.text, day.end, offset):
        return found  # 较上周五缩量2294亿, 较周五的收盘价还有17%的上涨空间: a change, not the day's figure
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" and c.value == "prior" else c
            for c in found if default or c.name != "measure" or c.value != "prior"]


# a month dates a value when no day is stated (截至2024年9月, 2022年11月，喜茶宣布开放加盟): its day is
# the month (`2024-09`), another context than a day inside it and than another month; a part of one
# month (上旬) is that month. The end of a month or year (9月底, 9月末, 2023年底) is its last day: a
# snapshot taken at the close (截至2024年9月末门店9778家 is the 9778 of 30 September)
MONTH_DAYS = ("month", "part-of-month")
_CLOSE_OF = compiled_on_use(r"[月年]\s*(?:底|末)$")


def _is_close_of(value: DateValue) -> bool:
    """Whether a part of a month or year names its end (9月底, 12月末, 2023年底), not its span."""
    return value.precision == "part-of-month" and _CLOSE_OF.search(value.raw.strip()) is not None


def _days(s: Sentence, latest: date | None, precisions: tuple[str, ...] = ("day",)) -> list[DateSpan]:
    """The dates of `s` a value may be of: not a date a change is measured from, and none after
    `latest` (the day after publication): a figure of a day is not known before that day, so
    `3月19日举行的下次会议` in a February article dates the meeting ahead, not the reading."""
    return [d for d in s.dates if d.value.precision in precisions and not _is_baseline(s.text, d)
            and d is not s.dateline  # 财联社2月12日讯: the report's day (kinds/dateline.py)
            and (latest is None or d.value.start <= latest)
            and (d.value.precision == "day" or d.value.start.replace(day=1) == d.value.end.replace(day=1)
                 or _is_close_of(d.value))]


# what may stand between a coming event's date and its figure: the event's verb, no modifier (的, 之) nor break
_DATE_TO_FIGURE = compiled_on_use(r"[^的之，,。；;：:！？!?（）()]*")


def _coming_day(rule: RuleBase, s: Sentence, offset: int, latest: date | None) -> DateSpan | None:
    """A day ahead written right before the value, within the rule's window (`還將於本周五進行900億元…招標`,
    published on Wednesday): the day the coming event takes place, which its figure is of. A day ahead
    further off, or joined through 的 (`在3月19日举行的下次会议上维持利率不变的可能性为85.5%`), dates
    something else: the figure is known now, of its publish time (`_days`)."""
    if latest is None:
        return None
    begin, _ = s.clause_at(offset)
    window = getattr(rule, "window", 0)
    ahead = [d for d in s.dates if d.value.precision == "day" and d.value.start > latest
             and begin <= d.start and d.end <= offset and d is not s.dateline]
    if not ahead or not window:
        return None
    last = ahead[-1]
    return last if offset - last.end <= window and _DATE_TO_FIGURE.fullmatch(s.text, last.end, offset) else None


def _stated_day(s: Sentence, offset: int, scope: str, latest: date | None,
                precisions: tuple[str, ...] = ("day",)) -> tuple[Sentence, DateSpan] | None:
    """The date a value at `offset` is of, looked for as far as `scope` says (the scopes of
    context qualifiers): its clause (before the value first); `run`: the last date before it in the
    sentence; `head`: before it in its clause, else the sentence's opening clause; `sentence`
    (default): its clause, else the sentence's first date before it, else the scene an earlier
    sentence of the paragraph sets; `paragraph`: then the last date of the paragraph's earlier
    sentences."""
    begin, end = s.clause_at(offset)
    leads = _change_leads(s)
    starting = next(((a, b) for a, b in leads if b <= offset <= b + 1), None)  # the figure a change starts from
    if starting is not None and (dated := _lead_date(s, starting, latest)) is not None:
        return (s, dated) if dated.value.precision in precisions else None
    days = [d for d in _days(s, latest, precisions) if not any(a <= d.start < b for a, b in leads)]
    in_clause = [d for d in days if begin <= d.start and d.end <= end]
    before_in_clause = [d for d in in_clause if d.end <= offset]
    sentence_before = [d for d in days if d.end <= offset]
    if not in_clause and _NOW.search(s.text, begin, offset):
        return None  # 1月27日收盘时，股价还为9.53元，而如今涨幅已超过260%: the gain is now, not of 27 January
    if scope == "run":
        return (s, sentence_before[-1]) if sentence_before else None
    if scope == "head":
        lead = [d for d in sentence_before if d.end <= s.clauses[0][1]]
        chosen = before_in_clause[-1] if before_in_clause else lead[0] if lead else None
        return (s, chosen) if chosen else None
    chosen = before_in_clause[-1] if before_in_clause else in_clause[0] if in_clause else None
    scene = [d for d in sentence_before if d.end <= begin and not _dates_another_event(s, d)]
    own_lead = _last_lead_in(s, begin, latest) if chosen is None and scope != "clause" else None
    if own_lead is not None:  # 而在2019年12月，其估值才为2.20亿元: its own lead-in, not the sentence's first date
        return (s, own_lead) if own_lead.value.precision in precisions else None
    if chosen is None and scope != "clause" and scene:
        chosen = scene[0]  # the sentence's first date sets the scene, unless it dates a report
    if chosen is not None:
        return s, chosen
    if scope == "sentence":
        return _scene_before(s, offset, latest)
    earlier = s.previous if scope == "paragraph" else None
    while earlier is not None:
        stated = _days(earlier, latest, precisions)
        if stated:
            return earlier, stated[-1]
        earlier = earlier.previous
    return None


def _lead_date(s: Sentence, lead: tuple[int, int], latest: date | None) -> DateSpan | None:
    """The date in the lead of a change's starting figure, which is that figure's day alone:
    `从2023年年末的1308人减少至2024年6月末的1216人` dates 1308人 2023-12-31 and 1216人 2024-06-30 (the
    lead's date is no baseline of the figure after it, as 较1月27日 is of a change)."""
    return next((d for d in reversed(s.dates) if lead[0] <= d.start and d.end <= lead[1] and d is not s.dateline
                 and d.value.precision in ("day", *MONTH_DAYS) and (latest is None or d.value.start <= latest)), None)


def _last_lead_in(s: Sentence, begin: int, latest: date | None) -> DateSpan | None:
    """The date of the last lead-in clause before the clause starting at `begin`, a clause that is a
    time alone (`2022年3月，`, `而在2019年12月，`): it sets the scene for the clauses after it, up to
    the next one, so in `但在2022年3月，…估值已达到32.2亿元，而在2019年12月，其估值才为2.20亿元` the 2.20亿
    is of 2019-12. A day or a month alike (the later one is nearer the value); none that dates a
    report or a coming event, nor one a report or an announcement follows before the value's clause
    (`2月7日，…发布《通知》，…我们估算……约为2000亿元`: the notice's day)."""
    leads = [d for d in _days(s, latest, ("day", *MONTH_DAYS)) if d.end <= begin and _a_time_alone(s, d)
             and not _dates_another_event(s, d)]
    if not leads or REPORTING.search(s.text, leads[-1].end, begin):
        return None  # 2月7日，…发布《通知》，…我们估算……约为2000亿元: it dates the notice, not the estimate
    return leads[-1]


def _a_time_alone(s: Sentence, span: DateSpan) -> bool:
    """Whether the clause holding `span` is that time alone, a lead-in (`2025年1月，`, `而在2019年12月，`, `仅1月，`)."""
    begin, end = s.clause_at(span.start)
    return _ONLY_A_TIME.fullmatch(s.text[begin:span.start] + s.text[span.end:end]) is not None


@per_sentence  # asked at each value of a sentence that names no date
def _first_now(s: Sentence) -> int:
    """Where the sentence first says it is as of now (如今, 目前 …), or its length."""
    found = _NOW.search(s.text)
    return found.start() if found else len(s.text)


def _scene_before(s: Sentence, offset: int, latest: date | None) -> tuple[Sentence, DateSpan] | None:
    """The day an earlier sentence of the paragraph sets for the sentences after it, for a value
    whose own sentence names no date at all (nor says it is as of now): `2月10日上午，中国电信…集体上涨。
    东方财富数据显示，…中国联通高点涨幅7.56%` is of 10 February. Only where that is safe: the
    nearest earlier sentence that names any date (up to three back) names exactly one, a day, in
    its opening clause, and it dates neither a report nor a coming event (`2月8日，工信部发布…。`)."""
    if s.dates or s.previous is None or _first_now(s) < offset:
        return None
    return _scene_set_before(s, latest)


_SCENE_REACH = 3  # sentences back: a scene set further back is too far to be sure of


@per_sentence  # the same for every value of the sentence
def _scene_set_before(s: Sentence, latest: date | None) -> tuple[Sentence, DateSpan] | None:
    earlier, back = s.previous, 1
    while earlier is not None and not earlier.dates and back < _SCENE_REACH:
        earlier, back = earlier.previous, back + 1
    if earlier is None or len(earlier.dates) != 1:  # none within reach, or more than one date
        return None
    days = _days(earlier, latest)
    scene = days[0] if days else None
    if scene is None or scene.end > earlier.clauses[0][1] or _dates_another_event(earlier, scene):
        return None
    return earlier, scene


# a date followed in its clause by a word of REPORTING (kinds/sentence.py) dates a report, not what the
# report tells: 周一發布業績，股價收市倒跌0.7% (the publication's day), 财联社2月12日讯 (a dateline)
def _dates_another_event(s: Sentence, span: DateSpan) -> bool:
    """Whether a date in an earlier clause dates a report, an announcement or a coming event
    rather than the value: a move, a close or a price takes the day of its own clause, else the
    sentence's first date that sets the scene (2月13日，……), else the publish day. A date after
    将, 拟, 定于 … is the day of what is to come (将于明日挂牌上市，今日…开报10.2港元: the price is today's)."""
    clause_begin, clause_end = s.clause_at(span.start)
    return (REPORTING.search(s.text, span.end, clause_end) is not None
            or COMING.search(s.text, clause_begin, span.start) is not None)


_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|相较|较之|自|从|由)$")
_BASELINE_AFTER = re.compile(r"(?:以来|起|至|到|开始)")  # used with match(text, pos)


def _is_baseline(text: str, span: DateSpan) -> bool:
    """较前一日下跌2.57%, 自1月27日以来: the date a change is measured from, not the day it happened."""
    return bool(_BASELINE_BEFORE.search(text[max(0, span.start - 4):span.start])
                or _BASELINE_AFTER.match(text, span.end))


def _market_day(rule: RuleBase, s: Sentence, chosen: DateSpan, known: dict[str, str]) -> ContextValue:
    """The day in the market's time zone: 北京时间2月13日凌晨 is 12 Feb in New York."""
    value = chosen.value
    hour = _HOURS.get(value.time_of_day, clock_hour(value.time_of_day))
    spec = rule.day
    zone = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "") if spec else ""
    if _is_close_of(value):
        return ContextValue("day", value.end.isoformat(), value.raw)  # 9月底: the last day, a snapshot's
    if value.precision in MONTH_DAYS:
        return ContextValue("day", value.start.isoformat()[:7], value.raw)
    if hour is None or not zone or "北京时间" not in s.text[:chosen.start]:
        return ContextValue("day", value.start.isoformat(), value.raw)
    beijing = datetime.combine(value.start, time(hour), ZoneInfo("Asia/Shanghai"))
    local = beijing.astimezone(ZoneInfo(zone)).date()
    return ContextValue("day", local.isoformat(), f"北京时间{value.raw} in {zone}", inferred=local != value.start)


_HOURS = {"凌晨": 3, "清晨": 6, "早上": 8, "早间": 8, "上午": 10, "中午": 12, "午间": 12, "下午": 15,
          "傍晚": 18, "晚上": 20, "晚间": 20, "夜间": 22, "深夜": 23}


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


def about_whom(rule: RuleBase, s: Sentence, start: int, end: int) -> None:
    """Say (kinds/left_out.py) that the value at `start`..`end` is left out as someone else's: a
    declared name that is no rule subject, or a name the entities do not hold. Nobody named is an
    `unattributed` note, said where it is found."""
    entity = who(s, start)
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
