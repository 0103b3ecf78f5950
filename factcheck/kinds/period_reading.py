"""The period and year a value is of beyond its qualifier words: the reporting period, three months
ending a quarter, relative years and quarters, fiscal years, a list's periods, a year or month
alone, the year so far; and a total's own measure (累计).
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.kinds.day_reading import NOW_WORDS, ONLY_A_TIME, SAID_NOW, is_baseline_date
from factcheck.kinds.lists_reading import value_list
from factcheck.kinds.qualifiers import (
    COUNTED_FROM_CONTEXT,
    WRITTEN_YEAR,
    builtin_words,
    counted_span,
    counted_years,
    event_date,
    in_comparison,
    relative_quarter,
    year_counted_from,
)
from factcheck.kinds.roles_reading import HAN_RUN, PERIOD_ANAPHORA
from factcheck.kinds.scope_reading import PERIOD_QUALIFIERS, statement_start
from factcheck.kinds.sentence import REPORTING, Hit, Sentence, Values
from factcheck.normalize.dates import COMING, DateSpan
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, ContextValue, RuleBase

REPORTING_PERIOD = "reporting-period"
_WHOLE_REPORTING_PERIOD = re.compile(r"(?:报告|報告)期[内內间間里裡]")


def reporting_period(s: Sentence, offset: int, values: Values) -> str:
    """报告期内 (the whole reporting period) before the value, when its sentence names no period (or
    year, for `values` of the year) before the value: a prospectus's three years and some months, a
    report's own span, never the period or year an earlier sentence named last (`而奥克斯在报告期内的利润
    合计为66.45亿元` is no one quarter's). `2024年上半年业绩报告显示，报告期内……` names its period itself."""
    found = _WHOLE_REPORTING_PERIOD.search(s.text, 0, offset)
    if found is None or any(hit[0] < offset for hit in s.hits(values)):
        return ""
    return s.plain[found.start():found.end()]


_QUARTERS = ("q1", "q2", "q3", "q4")
# 截至2024年12月31日止3个月 (a Hong Kong filing's quarter): the three months that end a quarter's last day
_THREE_MONTHS_ENDING = re.compile(r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?P<month>3|6|9|12)\s*月\s*(?P<day>30|31)\s*日?"
                                  r"\s*止?\s*的?\s*(?:3|三)\s*个月")
_QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


def three_months_ending(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """The quarter a `截至…日止3个月` before the value in its sentence names (12月31日 → q4), when the
    rule's period has that quarter: a filing's words for a quarter, as 止六个月 is its half year's."""
    found = next(reversed(list(_THREE_MONTHS_ENDING.finditer(s.text, 0, offset))), None)
    if found is None or (int(found.group("month")), int(found.group("day"))) not in _QUARTER_ENDS:
        return None
    quarter = _QUARTERS[int(found.group("month")) // 3 - 1]
    return (quarter, s.plain[found.start():found.end()]) if quarter in dict(values) else None



def relative_quarter_as_read(s: Sentence, values: Values, value: tuple[str, str], article: Article) -> tuple[str, str] | None:
    """上季/本季 as a quarter: counted from a quarter the sentence names before it (华虹……2024年第四季度……，
    上季度为溢利: q3), else from the publish date (永利中國上季收入 in February: q4)."""
    at = s.plain.find(value[1])
    before = [h for h in s.hits(values) if h[2] in _QUARTERS and h[0] < at]
    if before:
        quarter = _QUARTERS.index(before[-1][2]) + int(value[0].removeprefix("quarter"))
        return _QUARTERS[quarter % 4], value[1]
    return (relative_quarter(value[0], article.published), value[1]) if article.published else None


CUMULATIVE = "cumulative"  # the measure of a total summed up to a point (累计, cumulative: data/qualifiers.yaml)
TARGET = "target"  # the measure of a figure aimed at (目标价, 长期目标, `price target`: data/qualifiers.yaml)


def total_of_its_own(rule: RuleBase, found: list[ContextValue]) -> list[ContextValue]:
    """A 累计 figure that is the figure itself, not another measure: in a rule about such a total
    (`_about_a_total`: 累计票房), or summed over a period or year its sentence names (`2024年，南向资金累计
    买入及卖出成交额……较2023年增长近六成` is the year's turnover; `今年以来累计零售` the year so far's).
    It takes the measure's default, as an unmarked figure does."""
    if any(c.name == "measure" and c.value == TARGET for c in found) and _cue_names(rule, TARGET):
        return _measure_default(rule, found)  # a rule about targets (cue 目标价, `price target`): the figure itself
    if not any(c.name == "measure" and c.value == CUMULATIVE for c in found):
        return found
    if not _about_a_total(rule) and not any(c.name in PERIOD_QUALIFIERS and c.value for c in found):
        return found
    return _measure_default(rule, found)


def _measure_default(rule: RuleBase, found: list[ContextValue]) -> list[ContextValue]:
    """`found` with its measure set back to the rule's default: a 累计 or 目标 figure that is the figure
    itself is compared with unmarked ones, not kept apart as another measure."""
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" else c for c in found]


def _cue_names(rule: RuleBase, value: str) -> bool:
    """Whether the rule's cue holds a word of measure `value` (累计销量, 目标价, `price target`)."""
    words = dict(next((spec.values for spec in rule.context if spec.name == "measure"), ())).get(value, ())
    cue = str(getattr(rule, "cue", ""))
    return any(word in cue for word in words) or (bool(cue) and any(_cue_in(cue, word) for word in words))


@cache
def _cue_in(cue: str, word: str) -> bool:
    """Whether the cue regex matches all of `word` (cue `price target`, compiled as price\\s+target)."""
    try:
        return re.fullmatch(cue, word) is not None
    except re.error:
        return False


def _about_a_total(rule: RuleBase) -> bool:
    """Whether the rule is about a total summed up to a point: `running: true` (a box office so far),
    or a cue naming it (`累计销量`). Its 累计 figures are the figure itself, not another measure."""
    return bool(getattr(rule, "running", False)) or _cue_names(rule, CUMULATIVE)


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


def fiscal_year_of_run(rule: RuleBase, s: Sentence, found: list[ContextValue]) -> list[ContextValue]:
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
    """The built-in year words (data/qualifiers.yaml) of calendar years only: a list's lead-in is read
    with them when the rule declares no `year` of its own. Built once (cached)."""
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
    """Whether `digits` is a year (1900–2099): a year in a lead-in is a period, not a figure the list
    follows, so it does not move where the list's own lead-in starts."""
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
    """The year of a year value (2024, FY2024), so a year range (2020年至2023年) counts each year."""
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
YEAR_ON_YEAR_LEAD = compiled_on_use(r"(?:同比|按年|较上年|較上年|年增)[^，,。；;：:]{0,8}?(?:分别|分別)?"
                                     r"[^，,。；;：:]{0,4}$")


def periods_of_a_list(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
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
    if len(items) == count + 1 and YEAR_ON_YEAR_LEAD.search(s.text, s.clause_at(first)[0], first):
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


_EVERY_PERIOD = re.compile(r"(?:每|各|逐)[个個一]?(?:季度|季|个月|個月|月|半年)")


# after a year, a month or another part of it (2024年12月, 2024年最后几个月, 2024年底, 去年年末, 2024年年初)
# (同期: the same part of that year as the value it is set against, 由2023年同期盈利7020万元变为亏损: not all of it)
_PART_OF_A_YEAR = (r"\s*(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月|的?\s*(?:最后|最後|最初|头|頭|年?(?:末|底|初)|年中"
                   r"|同期))")


def own_time_sets_the_period(s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A period or year read from an earlier sentence is not the value's when its own sentence says
    when it is, before the value: a year (`2023年`, `去年`), a point (`2024年6月末`, `年底`), a day
    (`当天`, `今日`, `本周`) or now (`目前`, `截至目前`, `如今`); in English, anywhere in the sentence
    (`$40 billion revenue for FY2026`, `in 2023`, `today`).

    In `2024年上半年收入1.24亿元……。2023年，CDMO业务收入7069.90万元，同比下降22.17%` the half
    year is 2024's: the 2023 figure is the full year's (`year_alone_is_full_year`); in
    `……前三季度……。目前王长田……间接持股5.53%` the stake is today's, not the nine months'; in
    `当天收盘，可口可乐上涨4.73%` the move is the day's, not the full year's of the sentence before.
    A word inside a comparison phrase (较2023年) says what the value is compared with, not when it
    is. 同期 and 期内 point back to the period on purpose (`同期仅收入1966.79万元`): they keep it."""
    carried = [c for c in found if c.name in PERIOD_QUALIFIERS and c.evidence not in s.plain]
    if not carried or PERIOD_ANAPHORA.search(s.text, 0, offset):
        return found
    own = list(_OWN_TIME.finditer(s.text, 0, offset))
    if not HAN_RUN.search(s.text):  # English says when after the value as often (… revenue for FY2026)
        own += list(_OWN_TIME_ENGLISH.finditer(s.text))
    if not any(not in_comparison(s.comparisons, m.start()) for m in own):
        return found
    return [c for c in found if c not in carried]


# English words that say when a value is, anywhere in its sentence: a year, a fiscal year, a day, now
_OWN_TIME_ENGLISH = compiled_on_use(r"(?<![A-Za-z0-9$.,])(?:(?:19|20)\d{2}(?![\d.,%])|FY\s?\d{2,4}|(?i:fiscal)\s(?:year\s)?\d{4})"
                                    r"|(?<![A-Za-z])(?i:today|yesterday|this week|last week|currently|now)(?![A-Za-z])")


# words that say when a value is: a year, a point of a year or month, a day, now
_OWN_TIME = re.compile(r"(?:19|20)\d{2}\s*(?:年|财年)|FY\d{2,4}|[去今明上本]年|[年月](?:末|底)|当天|当日|今日|今天|昨日|"
                       r"昨天|本周|上周|" + NOW_WORDS)


# the odds of an event: a figure after them is a probability, read from a tool or a market
ODDS_WORDS = compiled_on_use(r"可能性|概率|几率|幾率|机率|機率|机会率|機會率")


def odds_as_read(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A forecast word before the odds of an event is the event's, not the figure's: in
    `Fed Watch工具预测，美联储……维持利率不变的可能性为85.5%` and `市场预计日本央行在7月前加息的可能性为78%`
    the probability is what the tool or the market reads now, as `Fed Watch工具显示……可能性为90%` is, so the
    two are one measure (the rule's default, if it names one)."""
    forecast = next((c for c in found if c.name == "measure" and c.value == "forecast"), None)
    if forecast is None:
        return found
    at = s.plain.rfind(forecast.evidence, 0, offset)
    if at < 0 or not ODDS_WORDS.search(s.text, at + len(forecast.evidence), offset):
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c is forecast else c
            for c in found if c is not forecast or default]


def year_alone_is_full_year(rule: RuleBase, s: Sentence, offset: int,
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
              and WRITTEN_YEAR.match(s.text, h[0])]
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


def relative_year_base(s: Sentence, values: Values, word: str, offset: int, article: Article) -> int | None:
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


def month_alone_is_the_period(rule: RuleBase, s: Sentence, offset: int,
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
    if (is_baseline_date(s.text, month) or _MONTH_AS_OF.search(s.text, max(0, month.start - 4), month.start)
            or _AFTER_A_START.match(s.text, month.end)):
        return False
    if ONE_DAY_MOVE.search(s.text, s.clause_at(offset)[0], offset):
        return False  # 英伟达1月遭遇DeepSeek冲击，股价一度暴跌17%: a day's move, the month dates the event
    begin, end = s.clause_at(month.start)
    if REPORTING.search(s.text, month.end, min(end, offset)) or COMING.search(s.text, begin, month.start):
        return False
    if begin <= offset < end:
        return True
    if ONLY_A_TIME.fullmatch(s.text[begin:month.start] + s.text[month.end:end]):
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
                or _NOT_THE_MONTHS_OWN.search(s.text, begin, month.start) or SAID_NOW.search(s.text, begin, end))


@cache
def _builtin_line_items() -> Values:
    """Every line item's built-in words, whatever the rule reads: a clause naming one states a figure."""
    return tuple(builtin_words()["metric"].items())


# a figure of one day or a moment of it (一度暴跌17%, 盘中大涨, 单日跌幅, 当日收跌: zh.yaml one_day), in the
# value's clause before it: no month is its period (review #6)
ONE_DAY_MOVE = compiled_on_use("|".join(map(re.escape, ZH.one_day)))
# a month that gives an event's time, not a period's: 于1998年5月, 在2023年8月的…大会上, 1月上任后
_EVENT_TIME_BEFORE = compiled_on_use(r"[在于於][^，,；;：:]{0,4}$")
_EVENT_OF_MONTH = compiled_on_use(r"\s*份?\s*(?:的|在|于|於)")
# nor a month that ends a span (从去年10月到今年1月) or is compared with (跌幅与12月持平), nor a clause about now
_NOT_THE_MONTHS_OWN = compiled_on_use(r"(?:[到至—–\-~]|[与與和跟同较較比])\s*$")
_TIME_CLAUSE_END = compiled_on_use(r"(?:后|後|前|时|時|之际|之際|期间|期間|以来|以來|上|中|内|內|间|間)$")
_CLAUSE_MARKS = " ，,；;：:、。！？!?"
_MONTH_AS_OF = compiled_on_use(r"(?:截至|截止)\s*$")  # 截至2025年1月: a running total up to a point
_AFTER_A_START = compiled_on_use(r"\s*份?\s*(?:初|底|末|中)?\s*(?:以来|以來|起|至今|开始|開始|[之以]?(?:后|後))")


_NAMES_A_MONTH = re.compile(r"月|[A-Za-z]")  # 1月, 上月, 一月份, January; not 去年末
# a futures contract is named by its delivery month (布伦特4月原油期货, 3月交割的, 5月合约): no period of a figure
_CONTRACT_MONTH = re.compile(r"[^，,。；;：:\d]{0,6}?(?:期货|期貨|合约|合約|交割)")
_YEAR_BEFORE_START = compiled_on_use(r"((?:19|20)\d{2})\s*$")


def year_so_far(rule: RuleBase, s: Sentence, offset: int, article: Article,
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


def year_of_day(found: list[ContextValue], day: ContextValue) -> list[ContextValue]:
    """A value dated in its sentence (昨日, 2月10日) is of that day's year, whatever year the paragraph named;
    a year the sentence names itself keeps its own word (2025年2月12日，央行今日: `2025年`, not 今日, which
    names a day and reads as a year only where it changes the one written)."""
    if not day.value or day.evidence.startswith("publish time"):
        return found
    return [ContextValue("year", day.value[:4], day.evidence) if c.name == "year" and c.value != day.value[:4] else c
            for c in found]
