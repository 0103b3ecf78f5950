"""The day a value is of: a date in its clause, else the first date of an earlier clause that does
not date a report or another event, a scene set before, a listing day (上市首日), overnight,
before the weekend, else (when the rule allows) the publish date in the market's time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from factcheck.kinds.comparison_reading import COMPARED_FIGURE_LEAD, comparison_closed_by
from factcheck.kinds.roles_reading import SAYING_VERBS
from factcheck.kinds.scope_reading import another_subjects_word, change_leads
from factcheck.kinds.sentence import REPORTING, Sentence, per_sentence
from factcheck.kinds.session import AS_OF_NOW, AS_OF_WRITING
from factcheck.normalize.dates import COMING, DateSpan, clock_hour, find_dates
from factcheck.normalize.variants import fold
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, ContextValue, RuleBase
from factcheck.values import DateValue

# words saying a value is as of now (matched on folded text): one list for the period a value
# carries (`own_time_sets_the_period`) and the day it is dated by (`SAID_NOW`)
# (the press-time words of session.py and the plain adverbs of now)
NOW_WORDS = "|".join(("如今", "目前", "现在", "眼下", "当前", "迄今", *AS_OF_NOW, *AS_OF_WRITING))


# the clause is the time alone, a lead-in: 2025年1月，整个1月，仅1月，而在2019年12月，
ONLY_A_TIME = re.compile(r"[\s，,]*(?:而|但|但是|不过|不過|同时|同時|此外|另外)?[\s在于於份整个個仅僅，,]*")


def day_of_value(rule: RuleBase, s: Sentence, offset: int, article: Article, known: dict[str, str]) -> ContextValue:
    """The day the value at `offset` is of, with its evidence, so that figures of different days are never
    compared as one: the day a comparison names for the figure it compares with (較上日報7.1699), a day
    ahead right before it, else the day its sentence states (as the market's trading day); a close before
    the weekend is Friday's, an overnight move the night before's; else a listing day (上市首日), a
    report's dateline, and last the publish time in the market's zone (`day.fallback`), marked inferred."""
    scope = rule.day.scope if rule.day else "sentence"
    # a figure of a day is not known before that day; a state may be announced for a day ahead (将于4月1日起免费)
    latest = article.published.date() + timedelta(days=1) if article.published and rule.kind != "status" else None
    compared = _compared_day(s, offset)
    coming = _coming_day(rule, s, offset, latest)
    chosen = (s, compared) if compared is not None else (s, coming) if coming is not None else (
        _stated_day(s, offset, scope, latest, figure=rule.kind != "status")
        or _stated_day(s, offset, scope, latest, MONTH_DAYS, figure=rule.kind != "status"))
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
    heading = _paragraph_heading(s, latest) if not s.dates and _first_now(s) >= offset else None
    if heading is not None:  # 智通财经获悉，周一，三大指数收高。……阿里巴巴(BABA.US)涨7.5%: Monday's, not the publish day
        return _market_day(rule, heading[0], heading[1], known)
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
    if word is None and s.previous is not None and not SAID_NOW.search(s.text, 0, offset):
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


SAID_NOW = re.compile(NOW_WORDS)  # a value said to be as of now: a date of an earlier clause is not its day


def _compared_day(s: Sentence, offset: int) -> DateSpan | None:
    """The day a comparison names, for the figure it compares with (較上日報7.1699 is the day
    before's fixing): that figure comes right after the phrase, its date the phrase's own."""
    closed = comparison_closed_by(s, offset, COMPARED_FIGURE_LEAD)
    if closed is None:
        return None
    return next((d for d in s.dates if d.value.precision == "day" and closed[0] <= d.start and d.end <= closed[1]), None)


# what may stand between the day a comparison names and that day's figure: 的, its close or open, 报/为
# (较上周五收市价24元, 較上日報7.1699, 由上日的17.65%), no change verb (较上日放量1421亿元)
_DAY_FIGURE_LEAD = compiled_on_use(r"\s*(?:的)?\s*(?:(?:收[市盘]|开[市盘])价?)?\s*(?:的|为|為|报|報)?\s*")


def prior_of_its_own_day(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
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
    return [d for d in s.dates if d.value.precision in precisions and not is_baseline_date(s.text, d)
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
                precisions: tuple[str, ...] = ("day",), figure: bool = True) -> tuple[Sentence, DateSpan] | None:
    """The date a value at `offset` is of, looked for as far as `scope` says (the scopes of
    context qualifiers): its clause (before the value first); `run`: the last date before it in the
    sentence; `head`: before it in its clause, else the sentence's opening clause; `sentence`
    (default): its clause, else the sentence's first date before it (not one of another name's own figure in an
    earlier clause when another is left), else the scene an earlier
    sentence of the paragraph sets; `paragraph`: then the last date of the paragraph's earlier
    sentences."""
    begin, end = s.clause_at(offset)
    leads = change_leads(s)
    starting = next(((a, b) for a, b in leads if b <= offset <= b + 1), None)  # the figure a change starts from
    if starting is not None and (dated := _lead_date(s, starting, latest)) is not None:
        return (s, dated) if dated.value.precision in precisions else None
    days = [d for d in _days(s, latest, precisions) if not any(a <= d.start < b for a, b in leads)]
    in_clause = [d for d in days if begin <= d.start and d.end <= end]
    before_in_clause = [d for d in in_clause if d.end <= offset]
    sentence_before = [d for d in days if d.end <= offset]
    if not in_clause and SAID_NOW.search(s.text, begin, offset):
        return None  # 1月27日收盘时，股价还为9.53元，而如今涨幅已超过260%: the gain is now, not of 27 January
    if scope == "run":
        return (s, sentence_before[-1]) if sentence_before else None
    if scope == "head":
        lead = [d for d in sentence_before if d.end <= s.clauses[0][1]]
        chosen = before_in_clause[-1] if before_in_clause else lead[0] if lead else None
        return (s, chosen) if chosen else None
    chosen = before_in_clause[-1] if before_in_clause else in_clause[0] if in_clause else None
    scene = [d for d in sentence_before if d.end <= begin and not _dates_another_event(s, d, figure)]
    # a day said in an earlier clause of someone else's own figure is theirs when another date is left
    # (`蘋果周二在美股價升2.2%，不過，百度今早逆市向下，曾跌逾1%`: Apple's Tuesday in New York, not Baidu's
    # morning in Hong Kong), as a market word there is (`another_subjects_word`); with no other date it still
    # dates a list of moves (`阿里巴巴2月10日涨5%，腾讯涨3%`)
    scene = [d for d in scene if not another_subjects_word(s, d.start, offset)] or scene
    own_lead = _last_lead_in(s, begin, latest) if chosen is None and scope != "clause" else None
    if own_lead is not None:  # 而在2019年12月，其估值才为2.20亿元: its own lead-in, not the sentence's first date
        return (s, own_lead) if own_lead.value.precision in precisions else None
    if chosen is None and scope != "clause" and scene:
        chosen = scene[0]  # the sentence's first date sets the scene, unless it dates a report
    if chosen is not None:
        return s, chosen
    if scope == "sentence":
        return _scene_before(s, offset, latest, figure)
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
    return ONLY_A_TIME.fullmatch(s.text[begin:span.start] + s.text[span.end:end]) is not None


@per_sentence  # asked at each value of a sentence that names no date
def _first_now(s: Sentence) -> int:
    """Where the sentence first says it is as of now (如今, 目前 …), or its length."""
    found = SAID_NOW.search(s.text)
    return found.start() if found else len(s.text)


def _scene_before(s: Sentence, offset: int, latest: date | None, figure: bool) -> tuple[Sentence, DateSpan] | None:
    """The day an earlier sentence of the paragraph sets for the sentences after it, for a value
    whose own sentence names no date at all (nor says it is as of now): `2月10日上午，中国电信…集体上涨。
    东方财富数据显示，…中国联通高点涨幅7.56%` is of 10 February. Only where that is safe: the
    nearest earlier sentence that names any date (up to three back) names exactly one, a day, in
    its opening clause, and it dates neither a report nor a coming event (`2月8日，工信部发布…。`)."""
    if s.dates or s.previous is None or _first_now(s) < offset:
        return None
    return _scene_set_before(s, latest, figure)


_SCENE_REACH = 3  # sentences back: a scene set further back is too far to be sure of


@per_sentence  # the same for every value of the sentence
def _scene_set_before(s: Sentence, latest: date | None, figure: bool) -> tuple[Sentence, DateSpan] | None:
    """The earlier sentence and day `_scene_before` takes, asked once per sentence: one date only, a day in
    that sentence's opening clause dating no other event, within `_SCENE_REACH` sentences; else None, as
    a scene set further back or by two dates is not sure to be this value's."""
    earlier, back = s.previous, 1
    while earlier is not None and not earlier.dates and back < _SCENE_REACH:
        earlier, back = earlier.previous, back + 1
    if earlier is None or len(earlier.dates) != 1:  # none within reach, or more than one date
        return None
    days = _days(earlier, latest)
    scene = days[0] if days else None
    if scene is None or scene.end > _opening_end(earlier) or _dates_another_event(earlier, scene, figure):
        return None
    return earlier, scene


# a source's lead-in clause before what it reports (智通财经获悉，周一，三大指数收高: 周一 opens what is told)
_SOURCE_LEAD = re.compile(r"\s*[^，,。；;：:\d]{1,16}?(?:获悉|獲悉|消息|报道|報道|报导|報導)\s*")


def _opening_end(s: Sentence) -> int:
    """Where the sentence's opening clause ends: its first, or its second after a source's lead-in."""
    first = s.clauses[0]
    if len(s.clauses) > 1 and _SOURCE_LEAD.fullmatch(s.text, first[0], first[1]):
        return s.clauses[1][1]
    return first[1]


# a weekday alone heads a wire's report of a session (周一，三大指数收高); a full date heading a feature's paragraph
# dates its lead event (2025年2月12日，古茗…在港交所上市: not the day of an IPO market cap said further on, round30)
_WEEKDAY = re.compile(r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]")


@per_sentence  # the same for every value of the sentence
def _paragraph_heading(s: Sentence, latest: date | None) -> tuple[Sentence, DateSpan] | None:
    """The weekday a paragraph's first sentence opens with, a time alone (`智通财经获悉，周一，三大指数收高。`):
    the day of a value that names none further on in the paragraph, before a fallback to the publish day
    (a US close told the next Beijing morning, round36 user note 3). None when that sentence names more than one
    date or the day dates a report or a coming event."""
    first = s
    while first.previous is not None:
        first = first.previous
    if first is s or len(first.dates) != 1:
        return None
    days = _days(first, latest)
    heading = days[0] if days else None
    if (heading is None or not _WEEKDAY.match(heading.value.raw) or heading.end > _opening_end(first)
            or not _a_time_alone(first, heading) or _dates_another_event(first, heading)):
        return None
    return first, heading


# a date followed in its clause by a word of REPORTING (kinds/sentence.py) dates a report, not what the
# report tells: 周一發布業績，股價收市倒跌0.7% (the publication's day), 财联社2月12日讯 (a dateline)
def _dates_another_event(s: Sentence, span: DateSpan, figure: bool = False) -> bool:
    """Whether a date in an earlier clause dates a report, an announcement or a coming event
    rather than the value: a move, a close or a price takes the day of its own clause, else the
    sentence's first date that sets the scene (2月13日，……), else the publish day. A date after
    将, 拟, 定于 … is the day of what is to come (将于明日挂牌上市，今日…开报10.2港元: the price is today's).
    For a `figure` (a number or count: a move, a price, not a state), a day opening an announcement dates the
    announcement too (`_announced_after`); the state an announcement tells is of its day."""
    clause_begin, clause_end = s.clause_at(span.start)
    return (REPORTING.search(s.text, span.end, clause_end) is not None
            or COMING.search(s.text, clause_begin, span.start) is not None
            or (figure and _announced_after(s, span, clause_end)))


# a source's lead-in clause (据路透社报道，据港交所文件): what it reports follows, it announces nothing of its own
_CITED = re.compile(r"\s*(?:据|據|根据|根據)")
# a verb announcing or reporting (matched on folded text): not the 称 of 简称 or 称为, a name's
_ANNOUNCES = re.compile(SAYING_VERBS)


def _announced_after(s: Sentence, span: DateSpan, clause_end: int) -> bool:
    """Whether a day alone in its clause opens an announcement (`2月13日，百度宣布…`, `2月8日，工信部发布…`): the
    clause after it, past a source's lead-in, reports or announces, so the day is the announcement's. A move a later
    clause or sentence tells with no day of its own is not said to be of that day: an announcement made after one
    market's close moves it the next day, and a report of the move may come later still (当日 or 同日 says it
    is the same day)."""
    if not _a_time_alone(s, span):
        return False
    for begin, end in s.clauses:
        if begin <= clause_end:
            continue
        if _CITED.match(s.text, begin):
            continue
        return _ANNOUNCES.search(s.text, begin, end) is not None
    return False


_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|相较|较之|自|从|由)$")
_BASELINE_AFTER = re.compile(r"(?:以来|起|至|到|开始)")  # used with match(text, pos)


def is_baseline_date(text: str, span: DateSpan) -> bool:
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
