"""`kind: date`: when something happened (a launch, a filing) as each source dates it.

A cue (发布, 上线) near a subject; the date is the one in the cue's clause
(nearest before it), else one right after it that no other event claims
(发布于1月29日, but not 宣布将于4月1日起免费: a date after 将/拟/计划 dates the
coming event, not the announcement), else the last date of the clause before,
else one that opens the sentence (after 当地时间 or 北京时间, if any, and past an outlet's tag and a
据…报道 before it: 金吾财讯 | 据央视新闻报道，当地时间9日，…宣布). A reporting period is never the event's date:
in `2月11日，开云集团公布2024年全年业绩` 2024年 is what was reported, 2月11日 when.
The claim's context qualifiers are read around the cue (the event's words,
which in Chinese usually follow the date), on both sides, nearest first. Dates agree when their intervals of
days overlap (1月底 fits 1月28日).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any, ClassVar, Literal

from factcheck.kinds.base import Document, Kind, Reason, Unstated, Verdict
from factcheck.kinds.dateline import is_its_mark
from factcheck.kinds.left_out import CONDITION, NEGATED, SKIP, left_out, say
from factcheck.kinds.lists_reading import names_listed
from factcheck.kinds.negation import negated_event
from factcheck.kinds.qualifiers import LIST_JOINER, builtin_words
from factcheck.kinds.reading import about_whom, claim, context, unattributed
from factcheck.kinds.roles_reading import SAYING_VERBS, joined
from factcheck.kinds.sentence import Sentence, pattern, per_sentence
from factcheck.kinds.skip import condition_word, skip_word, skipped
from factcheck.kinds.subject_reading import SUBJECT_FROM_TITLE, pointed_back, subject_near, title_subject
from factcheck.normalize.dates import COMING, EVENING_WORDS, MOVE_VERBS, DateSpan, bounded, clock_hour
from factcheck.normalize.english_dates import MOVE_VERBS_EN
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Claim, ContextValue, Diagnostic, Message, Pair, RuleBase, listed
from factcheck.values import DateValue, Value

_TIME_OF_DAY_NOTES = {
    "凌晨": "凌晨 (before dawn) in Beijing time is still the previous day in the Americas",
    "深夜": "深夜 (late night) may already be the next day in Asia",
}


def _day_part(time_of_day: str) -> str:
    """The part of the day a clock time falls in, for its note (03:00 is 凌晨, 23:30 深夜)."""
    hour = clock_hour(time_of_day)
    if hour is None:
        return time_of_day
    return "凌晨" if hour < 5 else "深夜" if hour >= 23 else ""


# a day on a clock west of Beijing (当地时间, 美东时间: the places Chinese news reports are mostly in the
# Americas and Europe) is that day or the next in Beijing: it agrees with both
_ON_ITS_OWN_CLOCK = "a day on the place's own clock (当地时间) is that day or the next in Beijing"
# 当地时间周一凌晨: the clock is the place's own, so no Beijing-time note applies
_OTHER_CLOCK = re.compile(r"(?:当地|當地|美东|美東|美西|美国|美國|纽约|紐約|伦敦|倫敦|欧洲|歐洲)[\u4e00-\u9fff]{0,3}?"
                          r"(?:时间|時間)\s*$")  # 美国西部时间, 欧洲中部时间


_BEIJING_CLOCK = re.compile(r"北京(?:时间|時間)\s*$")
TWO_CLOCKS = Message.of("why.two_clocks")  # a day apart on two clocks may be one moment


def _clock(found: Claim) -> str:
    """The clock a date claim's day is written on: `beijing` (北京时间2月13日), `local` (当地时间2月12日,
    美东时间), or "" when its sentence names none right before the date."""
    if not isinstance(found.value, DateValue) or found.span is None:
        return ""
    if found.value.clock:  # the place's own clock, read with the value (`find`)
        return found.value.clock
    before = found.sentence[max(0, found.span[0] - 10):found.span[0]]
    return "beijing" if _BEIJING_CLOCK.search(before) else ""


def _on_two_clocks(unstated: Unstated | None) -> Unstated:
    """`unstated`, and for a story whose sources date the event on a stated clock (北京时间, 当地时间): two days
    a day apart, one of them on no stated clock, that the two clocks make one moment — an unknown clock's
    day against the Beijing day after it, or against the local day before it, or two unknown clocks' days a
    day apart (`2月13日消息…今日宣布` and `On February 12`: 13 Feb in Beijing is 12 Feb in the US). Shown as
    context, never a clash; days on one stated clock, or on two (当地时间12日 is Beijing's 12th or 13th), are
    compared as before."""
    def reason(a: Claim, b: Claim) -> Reason:
        said = unstated(a, b) if unstated else Reason()
        if said or not isinstance(a.value, DateValue) or not isinstance(b.value, DateValue):
            return said
        if a.value.open_ended() or b.value.open_ended() or "day" not in (a.value.precision, b.value.precision) \
                or a.value.precision != b.value.precision:
            return said
        (ca, da), (cb, db) = (_clock(a), a.value.start), (_clock(b), b.value.start)
        if ca and cb:  # both clocks stated: the dates compare as they are
            return said
        if not ca and not cb:
            return Reason(why=TWO_CLOCKS) if abs((da - db).days) == 1 else said
        (clock, day), bare = ((ca, da), db) if ca else ((cb, db), da)
        if day == bare + timedelta(days=1 if clock == "beijing" else -1):
            return Reason(why=TWO_CLOCKS)
        return said
    return reason


@dataclass(frozen=True)
class DateRule(RuleBase):
    cue: str = ""  # a regex


class DateKind(Kind[DateRule]):
    name = "date"
    one_value = True
    rule_type = DateRule
    value_type = DateValue
    required = ("cue",)
    properties: ClassVar[dict[str, Any]] = {"cue": {"$ref": "#/$defs/words_or_regex"}}

    def fields(self, doc: Document) -> dict[str, Any]:
        return {"cue": doc.regex("cue")}

    def cues(self, rule: DateRule) -> tuple[str, ...]:
        return (rule.cue,)

    def _states(self, rule: DateRule, own: list[Claim], other: Claim) -> bool:
        """Whether the source also gives `other`'s date: a day of its own that agrees and spans no more days.
        A range (日前, 2月) agrees with every day in it, so it gives none of them: stheadline's 日前 and
        这款产品于2月11日上线平台 against 2月12日…正式在京东线上首发开售 are 2月11日 vs 2月12日, compared.
        A bound (`当地时间9日，在峰会召开前夕`: on the 9th or after; `春节后`) fits many days but names
        none: a source writing it beside a span (`2月9日至12日`) does not state another source's day."""
        wanted = other.value
        return isinstance(wanted, DateValue) and any(
            isinstance(c.value, DateValue) and not c.value.open_ended() and self.agree(rule, c.value, wanted)
            and c.value.end - c.value.start <= wanted.end - wanted.start for c in own)

    def judge(self, rule: DateRule, claims: list[Claim], inferred: bool, unstated: Unstated | None = None) -> Verdict:
        """As any kind's, but a date is never "rounded": a vague range (日前, 近日: some days back) is a less
        precise date, shown beside the days, and the days are judged among themselves as if it were not
        there. It made distinct days one date written loosely: `日前` beside 中国经营报's 1月21日 and 1月24日
        and 直通IPO's 2月7日晚间, four events, was one `rounded` "figure, written approximately" (NOTES_B #8)."""
        if any(_clock(c) for c in claims):
            unstated = _on_two_clocks(unstated)
        verdict = super().judge(rule, claims, inferred, unstated)
        vague = [c for c in claims if isinstance(c.value, DateValue) and _VAGUE.fullmatch(c.value.raw)]
        if verdict.kind == "disagreement" and vague:
            return _days_apart(verdict, claims, vague)
        if verdict.kind != "rounded":
            return verdict
        values = listed(dict.fromkeys(c.value.display() for c in claims), "sep.dot")
        if not vague:  # only an evening beside the next day: the day a filing is dated by, not a slip
            return Verdict("context-differs", "info", Message.of("finding.evening_next_day", values=values),
                           verdict.details)
        rest = [c for c in claims if c not in vague]
        vague_raw = listed(dict.fromkeys(c.value.raw for c in vague), "sep.comma")
        said = Message.of("detail.vague_date", dates=vague_raw)
        if len({c.article for c in rest}) > 1:
            inner = self.judge(rule, rest, inferred, unstated)  # an evening beside the next day among them too
            compatible = tuple(claims.index(rest[i]) for i in inner.compatible)
            return replace(inner, details=(*inner.details, said), compatible=compatible)
        apart = [Pair.of(a, b) for i, a in enumerate(rest) for b in rest[i + 1:] if not self.agree(rule, a.value, b.value)]
        if apart:  # one source's distinct days: no one date, whatever range holds them
            return Verdict("context-differs", "info", Message.of("finding.distinct_days", values=values),
                           (*apart, said))
        return Verdict("context-differs", "info", Message.of("finding.vague_date", dates=vague_raw, values=values),
                       verdict.details)

    def approximates(self, rule: DateRule, a: Value, b: Value) -> bool:
        """近日/日前 (some days back) is no day: it differs loosely from any date, never clashes; nor does
        an evening beside the next day (`evening_and_next_day`)."""
        return (any(isinstance(v, DateValue) and _VAGUE.fullmatch(v.raw) is not None for v in (a, b))
                or evening_and_next_day(a, b))

    def find(self, rule: DateRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        for cue in pattern(rule.cue).finditer(s.text):
            span = _date_for(s, cue.start(), cue.end())
            if (span is not None and len(cue.group(0).strip()) == 1 and span is not s.dateline
                    and not _next_to(s.text, span, cue)):
                # 起 of 發起人: a cue of one character counts only beside its date (5日起), or as the mark
                # of a dateline (C114讯 北京时间2月13日下午消息: kinds/dateline.is_its_mark chose it)
                continue
            if span is None:
                continue
            first, last = min(cue.start(), span.start), max(cue.start(), span.start)
            written = s.plain[span.start:span.end]
            if skipped(rule.skip, s, first, last):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, last)), span.start, span.end)
                continue
            if (condition := condition_word(s, s.clause_at(first)[0], last)):
                left_out("condition", say(CONDITION, written, condition), span.start, span.end)
                continue
            if negated_event(s.text, cue.start()):
                left_out("negation", say(NEGATED, written, cue.group(0)), span.start, span.end)
                continue  # 彼时推特未被马斯克收购, 尚未上市: an event that did not happen has no date
            subject, from_title = subject_near(rule, s, cue.start(), event=True), ""
            if subject is None:
                if pointed_back(s, cue.start()):  # 该公司/其 with no one to point to
                    yield unattributed(rule, s, article, span.start, span.end)
                    continue
                subject, from_title = title_subject(rule, s, cue.start()), SUBJECT_FROM_TITLE
                if subject is None:
                    about_whom(rule, s, span.start, span.end)
                    continue
            own_clock = _OTHER_CLOCK.search(s.text, max(0, span.start - 8), span.start)
            note = joined(_ON_ITS_OWN_CLOCK if own_clock else _TIME_OF_DAY_NOTES.get(_day_part(span.value.time_of_day), ""),
                          from_title)
            value = _widened(span.value)
            if own_clock and value.precision == "day":  # 当地时间1月18日晚 is 18 or 19 January in Beijing
                value = replace(value, end=value.end + timedelta(days=1), clock="local")
            edge = _edge(cue.group(0))
            if edge and not value.day_span():
                value = replace(value, edge=edge)
                note = joined(note, _EDGE_NOTES[edge])
            if (coming := _to_come(s, span, value, article)):
                note = joined(note, f"{TO_COME} ({coming})")
            found = claim(rule, subject, value, s, article, span.start, span.end, note, context_at=cue.start())
            found = replace(found, context=_event_context(rule, s, article, found, cue.start(), span.start),
                            to_come=bool(coming))
            yield found
            listed = () if from_title else names_listed(rule, s, cue.start(), subject)
            # 长安汽车、长城军工、建设工业等多家上市公司发布公告: each name of the list announces, on that day
            # (the one named nearest the cue first, as before)
            yield from (replace(found, subject=name) for name in listed if name != subject)


def _event_context(rule: DateRule, s: Sentence, article: Article, found: Claim, cue_at: int,
                   date_at: int) -> tuple[ContextValue, ...]:
    """The event's qualifiers, nearest the cue first, on both sides of the date.

    Read around the cue (2月7日，颖通控股更新了……递交: 更新 follows the date), then later in
    the sentence (……推出ChatGPT Plus，首次……), then in the paragraph's earlier sentences;
    a clause-scoped one the cue's clause leaves unknown is read around the date
    (当地时间2月7日，……敲定)."""
    if not rule.context:
        return found.context
    at_cue = {c.name: c for c in found.context}
    at_date = {c.name: c for c in context(rule, s, date_at, article)}
    after_clause = s.clause_at(cue_at)[1]
    merged: list[ContextValue | None] = []
    for spec in rule.context:
        near = at_cue.get(spec.name)
        if near is not None and near.evidence == "default":
            near = None
        if near is not None and (spec.scope == "clause" or near.evidence in s.plain):
            merged.append(near)  # in this sentence
            continue
        # after the cue in its clause, past the event's own figures (到2026年削减20亿至30亿美元的成本): a
        # value's reading stops at a later figure, an event's object holds them
        own = [h for h in s.hits(spec.values) if cue_at <= h[0] < after_clause]
        if own:
            merged.append(ContextValue(spec.name, own[0][2], own[0][1]))
            continue
        later = [] if spec.scope == "clause" else [h for h in s.hits(spec.values) if h[0] >= after_clause]
        if later:
            merged.append(ContextValue(spec.name, later[0][2], later[0][1]))
            continue
        merged.append(near or at_date.get(spec.name) or at_cue.get(spec.name))
    return tuple(c for c in merged if c is not None)


_VAGUE = compiled_on_use(r"近日|日前")


def _days_apart(verdict: Verdict, claims: list[Claim], vague: list[Claim]) -> Verdict:
    """A disagreement among days beside a vague date (日前, 近日): the headline names the days that clash,
    not the fortnight 日前 is read as, which no source wrote and which clashes with none of them (round 31:
    `sources disagree: 2025-01-29..2025-02-12 vs 2025-02-06..2025-02-11 vs 2025-02-10` read as if 日前
    were a span some source gave); the vague date is said beside them, as in a `rounded` verdict."""
    values = list(dict.fromkeys(c.value.display() for c in claims if c not in vague))
    if len(values) < 2 or verdict.message.key != "finding.disagree":
        return verdict
    said = Message.of("detail.vague_date_read", dates=listed(dict.fromkeys(c.value.raw for c in vague), "sep.comma"),
                      read=listed(dict.fromkeys(c.value.display() for c in vague), "sep.comma"))
    message = Message.of("finding.disagree", values=listed(values, "sep.vs"))
    return replace(verdict, message=message, details=(*verdict.details, said))

# a weekday alone, as a title writes it (王毅周三訪問英國, `Wang Yi visits UK Wednesday`), a time of day after it or not
_TITLE_WEEKDAY = compiled_on_use(r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天][\u4e00-\u9fff]{0,2}"
                                 r"|(?i:mon|tues|wednes|thurs|fri|satur|sun)day")
# a word that says the title's event is past (周三訪問了, 已訪問, 曾): its weekday stays the one before
_DONE = re.compile(r"了|已|曾|[过過](?![去])")
WEEKDAY_FROM_BODY = "the title's weekday is the one its body dates the event on"


def titles_by_their_body(claims: list[Claim]) -> list[Claim]:
    """Claims of a title's bare weekday read as the one after, where the article's body dates the same
    event (rule and subject) on that coming day: a headline summarises its own body, and writes a coming event
    as it writes a past one (星島's `王毅周三訪問英國及愛爾蘭`, published on Monday 10 February, over a body
    giving `本周三將訪問` and `將於2月12日至17日訪問英國`: 12 February, not the 5th). A bare weekday leans to the
    past (normalize/dates.py), right for what a body reports (`特朗普周日表示`, `周五发布的…调查`); a title
    saying its event is done (了, 已) keeps that reading, and so does one whose body dates it otherwise."""
    body_days: dict[tuple[str, str, str], set[date]] = {}
    for found in claims:
        if not found.in_title and isinstance(found.value, DateValue) and found.value.precision in ("day", "range"):
            body_days.setdefault((found.article, found.rule_id, found.subject), set()).add(found.value.start)
    if not body_days:
        return claims
    settled: list[Claim] = []
    for found in claims:
        value = found.value
        days = body_days.get((found.article, found.rule_id, found.subject), set())
        if (found.in_title and days and isinstance(value, DateValue) and value.precision == "day"
                and _TITLE_WEEKDAY.fullmatch(value.raw) and not _DONE.search(found.sentence)
                and (found.written is None or value.start <= found.written)
                and value.start not in days and value.start + timedelta(days=7) in days):
            week = timedelta(days=7)
            found = replace(found, value=replace(value, start=value.start + week, end=value.end + week),
                            note=joined(found.note, WEEKDAY_FROM_BODY))
        settled.append(found)
    return settled


# the times of day of an evening or a night (normalize/dates.EVENING_WORDS: 傍晚, 晚间, 深夜 …)
_EVENING = compiled_on_use("|".join(sorted(EVENING_WORDS, key=len, reverse=True)))


def _evening(value: DateValue) -> bool:
    """Whether a day is stated with an evening time (2月6日晚间, 6日晚, 2月6日19时: from 18:00 on)."""
    hour = clock_hour(value.time_of_day)
    return value.precision == "day" and (
        _EVENING.fullmatch(value.time_of_day) is not None if hour is None else hour >= 18)


def evening_and_next_day(a: Value, b: Value) -> bool:
    """Whether one value is a day's evening and the other the bare next day (no time of its own).

    An exchange publishes a filing made after the close under the next day's date, and a later report
    often dates the news by the day it came out: 界面新闻's `2月6日晚间，荣昌生物披露称` and 时代财经's
    `2月7日，荣昌生物发布公告称` are one announcement (round 22; the annotator calls it context). So
    the pair is shown side by side (context, info), never a disagreement; any other day stays one."""
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)):
        return False
    for evening, day in ((a, b), (b, a)):
        if not _evening(evening) or day.precision != "day" or day.time_of_day:
            continue
        if evening.yearless() != day.yearless():  # 2月6日晚间 beside 2025年2月7日: the year one of them wrote
            bare, dated = (evening, day) if evening.yearless() else (day, evening)
            moved = bare.in_year(dated.start.year)
            if moved is None:
                continue
            evening, day = (moved, dated) if bare is evening else (dated, moved)
        if day.start == evening.start + timedelta(days=1):
            return True
    return False

# the words that date an event's first or last day, not the event: 开幕 (opens), 闭幕 (closes)
_OPENING_WORDS = re.compile(r"开幕|開幕|揭幕|启幕|啟幕|(?:拉|揭)(?:开|開)帷幕|开锣|開鑼|开赛|開賽|首日")
_CLOSING_WORDS = re.compile(r"闭幕|閉幕|落幕|落下帷幕|收官")
# the note of a date its source gives as to come (compare never sets it against a day before it)
TO_COME = "to come when written"


def _to_come(s: Sentence, span: DateSpan, value: DateValue, article: Article) -> str:
    """The word (将, 拟, 计划 …) that makes a date one of a coming event, when it stands before the
    date in its clause and the date lies after the publish day ("" otherwise): `雪佛龍將在往後兩周內
    重組業務，並宣布新的管理架構` dates an announcement still to come, not one made before it."""
    if article.published is None or value.start <= article.published.date():
        return ""
    word = COMING.search(s.text, s.clause_at(span.start)[0], span.start)
    return s.plain[word.start():word.end()] if word else ""


_EDGE_NOTES = {"first": "dated by its opening word: another source's span of days must start on this day",
               "last": "dated by its closing word: another source's span of days must end on this day"}


def _edge(cue: str) -> Literal["", "first", "last"]:
    """Whether the cue that found a date names the event's first day (开幕) or last (闭幕): such a
    day is compared with the start (end) of another source's span, not with any day inside it."""
    return "first" if _OPENING_WORDS.search(cue) else "last" if _CLOSING_WORDS.search(cue) else ""

# 两周前, 三个月前: a rough count back from the publish day, not a calendar week or month
_ROUGH_AGO = re.compile(r"[两二三四五六七八九十几数\d]+\s*(?:个)?\s*(?P<unit>周|週|星期|礼拜|禮拜|月)(?:之)?前")
_SLACK = {"月": timedelta(days=15)}


def _widened(value: DateValue) -> DateValue:
    """A rough `N周前` widened by one unit each way, so 1月21日 agrees with 两周前 said on 8 Feb."""
    match = _ROUGH_AGO.fullmatch(value.raw)
    if match is None or value.start == date.min or value.end == date.max:
        return value  # 5月前 read as a bound ("before May") is not a count back: nothing to widen
    slack = _SLACK.get(match.group("unit"), timedelta(days=7))
    return replace(value, start=value.start - slack, end=value.end + slack, precision="range")




# A reporting period is followed (after parts of the year: 全年, 第四季度, 年度) by what was
# reported: the report (业绩, 财报, 年报) or a line item (收入, 净利润, 销量, CPI) — 公布2024年全年业绩
# names what was reported, not when. A part of the year with no such word after it (今年第一季公布,
# 2024年全年，……) is the time of the event. The text is folded to Simplified.
_REPORTS = ("业绩", "财报", "年报", "季报", "中报", "报告", "报表", "财务", "数据", "成绩", "经营", "营运", "运营",
            "业务", "利润分配", "分派", "交付", "出货", "预告", "快报")
_PARTS = ("全年", "年度", "财年", "季度", "财季", "全年度", "首季", "上半财年", "下半财年")
_MODIFIER = r"(?:特别|全年|年度|未经审核|经审核)?"
_DAY_PRECISIONS = ("day", "part-of-month")


@cache
def _reported() -> re.Pattern[str]:
    words = builtin_words()
    periods = {w for ws in words["period"].values() for w in ws}
    reports = {*_REPORTS, *(w for w in periods if w.endswith(("报", "報"))),  # 四季报, 半年报
               *(w for ws in words["metric"].values() for w in ws)}
    parts = {*_PARTS, *(w for w in periods if w not in reports)}

    def either(found: set[str]) -> str:
        return "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
    return re.compile(rf"\s*(?:的|之)?\s*(?:(?:{either(parts)})\s*(?:的)?\s*)*{_MODIFIER}(?:{either(reports)})")


# 截至2024年6月30日止的六个月: the day a reported period ends
_PERIOD_END = re.compile(r"\s*止")


# a year in an event's name (2025年世界政府峰会, 2024年达沃斯论坛): the edition, not when something happened
_EVENT_NAME = re.compile(r"[^，,。；;：:、\s\d（(）)]{0,10}?(?:峰会|峰會|会议|會議|大会|大會|论坛|論壇|年会|年會|博览会|博覽會"
                         r"|展会|展會|运动会|運動會|锦标赛|錦標賽|春晚|盛典|颁奖礼|頒獎禮|世界杯|奥运会|奧運會)")


def names_an_event(text: str, span: DateSpan) -> bool:
    """Whether a year names an event's edition (在迪拜2025年世界政府峰会上): the day the sentence
    gives (2月11日) dates what happened there."""
    return span.value.precision == "year" and _EVENT_NAME.match(text, span.end) is not None


def is_reporting_period(text: str, span: DateSpan) -> bool:
    """Whether a date names the period a report covers (2024年全年业绩, 第四季度财报, 1月销量,
    截至2024年6月30日止), not a day something happened. Any other day (2月7日的财报) is left
    alone: it is as often the report's own date."""
    if _PERIOD_END.match(text, span.end):
        return True
    return span.value.precision not in _DAY_PRECISIONS and _reported().match(text, span.end) is not None


# between two periods of one list: 2023年及截至2024年9月30日止, 2022年、2023年营收
_LISTED = compiled_on_use(r"\s*(?:" + LIST_JOINER + r"|或)\s*(?:(?:截至|截止)\s*)?")  # one way to split spaces
# between a reporting period and the bracket that spells it out: 上半年业绩（
_GLOSS = re.compile(r"[^，,。；;:：（(）)]{0,8}[（(]\s*")
# whose clock a date is on: 当地时间, 北京时间, 美东时间 (text is matched folded to Simplified)
_CLOCK_WORD = r"[\u4e00-\u9fff]{0,6}时间"
# between a date and its rendering on another clock in brackets: 1月18日19时30分（北京时间19日11时30分）;
# the clock word is required: 本周（2月10日） spells the day out, it is no other clock
_CONVERTED = re.compile(_GLOSS.pattern + _CLOCK_WORD + r"\s*")
# what may stand before a date that opens a sentence: nothing, or whose clock it is
_CLOCK = re.compile(r"\s*(?:" + _CLOCK_WORD + r")?\s*")


# 在…后, 自…以来: the event inside the frame is the time another event is placed by
_REFERENCE_FRAME = re.compile(r"在|自|從|从")  # the first in the clause: 在2021年1月6日……在国会大厦发生骚乱后
_FRAME_END = re.compile(r"[^，,。；;：:]{0,4}?(?:之后|之後|以后|以後|以来|以來|后|後)")


def _next_to(text: str, span: DateSpan, cue: re.Match[str]) -> bool:
    """Whether a date and its cue touch, spaces aside (`自下月5日起`, `财联社2月12日讯`, `C114讯 2月13日消息`)."""
    if span.end <= cue.start():
        return not text[span.end:cue.start()].strip()
    if cue.end() <= span.start:
        return not text[cue.end():span.start].strip()
    return False


# a move from one date to another (由原来6月推遲至7月, 从6月推迟到7月, `from June 2025 to July 2025`): the date
# after 由/从/from is where the event was, the one after 至/到/为/to where it is now, as for figures
# (从2024年的6.4%降至3%: 3% is the value, 6.4% the prior)
MOVED_FROM = re.compile(r"(?:由|从|從|自)\s*(?:原来|原來|原本|原先|原定|此前的?|之前的?)?\s*$|(?<![A-Za-z])(?i:from)\s+$")
_MOVED_TO = re.compile(r"(?:至|到|为|為)\s*$|(?<![A-Za-z])(?i:to)\s+$")
# what may stand between the two dates of a move: a verb (推迟, 提前至, pushed back) with no break nor figure
_MOVE_BETWEEN = re.compile(r"[^，,。；;：:！？!?\d]{0,12}")
# the verbs of rescheduling (normalize/dates.MOVE_VERBS, english_dates.MOVE_VERBS_EN) make `从X至Y` a move, not
# a span (从7月中至8月初 is a span of weeks), and before 至/到 a month a deadline is moved to (discover/values.py)
_MOVE_VERB = compiled_on_use("|".join(MOVE_VERBS) + rf"|(?<![A-Za-z])(?i:{MOVE_VERBS_EN})(?![A-Za-z])")


@per_sentence  # date rules whose cues stand at one place (宣布, 发布) ask the same
def _date_for(s: Sentence, offset: int, cue_end: int) -> DateSpan | None:
    """The date an event at `offset` is dated by (`_dated_by`), or, when that date is where a move starts
    (由原来6月推遲至7月 with cue 推遲至 or 减息), the date the move reaches: the date a change starts
    from is its prior, as a number rule reads 从6.4%降至3%."""
    reached = _reached_after_cue(s, offset, cue_end)
    if reached is not None:
        return reached
    found = _dated_by(s, offset, cue_end)
    if found is None or found is s.dateline or not MOVED_FROM.search(s.text, max(0, found.start - 8), found.start):
        return found
    begin, end = s.clause_at(found.start)
    later = next((d for d in _event_dates(s) if d.start >= found.end and d.end <= end), None)
    if (later is not None and _MOVE_BETWEEN.fullmatch(s.text, found.end, later.start)
            and _MOVED_TO.search(s.text, found.end, later.start)
            and _MOVE_VERB.search(s.text, begin, later.start)):  # not a span: 从7月中至8月初
        return later
    return found


def _reached_after_cue(s: Sentence, offset: int, cue_end: int) -> DateSpan | None:
    """The date right after a cue that moves to it (`推迟至12月`, cue `推迟` or `推迟至`; `pushed back to July
    2025`): the date after 至/到/为/to is the one the move reaches, whatever date stands before the cue
    (`今年美联储降息窗口已经被进一步推迟至12月`: December, not 今年)."""
    _, end = s.clause_at(offset)
    after = next((d for d in _event_dates(s) if cue_end <= d.start and d.end <= end), None)
    if after is None or not _MOVE_BETWEEN.fullmatch(s.text, cue_end, after.start) or after.start - cue_end > 4:
        return None
    return after if _MOVED_TO.search(s.text, offset, after.start) else None


def _dated_by(s: Sentence, offset: int, cue_end: int) -> DateSpan | None:
    """The date an event at `offset` is dated by: same clause, else the clause before.

    Reporting periods are not candidates, nor the dates that spell one out in brackets
    (2025财年上半年业绩（2024年7月1日-12月31日）), nor a date's rendering on another clock in brackets
    (1月18日19时30分（北京时间19日11时30分）): the event's date is the one that governs its clause."""
    if s.dateline is not None and is_its_mark(s.text, s.dateline, offset):
        return s.dateline  # cue 讯: the rule asks for the report's day
    dates = _event_dates(s)
    begin, end = s.clause_at(offset)
    begin = _list_start(s, begin)
    frame = _REFERENCE_FRAME.search(s.text, begin, offset)
    if frame is not None and _FRAME_END.match(s.text, cue_end):
        # 2023年8月，特朗普在国会暴乱事件后首次发帖: 暴乱 only places another event, dated outside 在…后
        dates = [d for d in dates if d.start >= frame.end()]
    in_clause = [d for d in dates if begin <= d.start and d.end <= end]
    inside = [d for d in in_clause if offset <= d.start and d.end <= cue_end]
    if inside:  # a cue that holds its date (`今日在港交所上市`): that date
        return inside[0]
    # a cue that begins inside its date (cue 晚澄清 in `12日晚澄清`): the date whose tail it took
    straddled = [d for d in in_clause if d.start < offset < d.end <= cue_end]
    if straddled:
        return straddled[0]
    before = [d for d in in_clause if d.end <= offset]
    if before:
        return before[-1]
    after = [d for d in in_clause if d.start >= cue_end]
    if after and not COMING.search(s.text, cue_end, after[0].start) and not _what_is_said(s, offset, cue_end, after[0]):
        return after[0]
    if _EARLIER_THAN_THE_SCENE.search(s.text, begin, offset):
        return None  # 2月4日凌晨，……，不久前发布的Qwen2.5-Max: released some time before that day, not on it
    previous = s.clause_before(begin)
    if previous:
        earlier = [d for d in dates if previous[0] <= d.start and d.end <= previous[1]]
        if earlier:
            return _since(s, _on_the_eve(s, earlier[-1], previous[1], end, cue_end), previous)
    lead_in = _LEAD_IN.match(s.text)  # an outlet's tag and a 据…报道 that open the sentence
    opens = lead_in.end() if lead_in else 0
    lead = s.clause_at(opens)
    if lead[1] < begin:  # "2月13日19时许，据……，电影票房突破100亿": a date that opens the sentence
        opening = [d for d in dates if opens <= d.start and d.end <= lead[1] and _CLOCK.fullmatch(s.text, opens, d.start)]
        if opening:
            return _on_the_eve(s, opening[0], lead[1], end, cue_end)
    found = _then(s, offset)
    if found is None and s.dateline is not None and s.dateline.end <= offset:
        # C114讯 北京时间2月13日下午消息……承诺: nothing but the dateline dates it, which says only
        # that the event was reported that day: on or before it
        return replace(s.dateline, value=bounded(s.dateline.value, False, s.dateline.value.raw))
    return found


# a verb of saying or announcing: what follows it is what is said, and a date there dates that (Chinese puts an
# event's time before its verb: in `百度宣布文心一言4月起全面免费` 4月 is when the service turns free, not when
# 宣布 was said); the text is folded to Simplified
_SAYING = re.compile(rf"(?:{SAYING_VERBS}|(?<![A-Za-z])(?i:announc(?:ed|es?|ing)|sa(?:id|ys?)|told|tells?"
                     r"|confirm(?:ed|s)?|disclos(?:ed|es?)|report(?:ed|s)?|stat(?:ed|es?)))\s*$")
# what joins a date after such a verb to the saying itself: 宣布于2月13日 (formal), `announced on Thursday`
_SAID_ON = re.compile(r"\s*(?:于|在|是|为)")
# an English clause of what is said: `announced that from April 1 …`
_THAT = re.compile(r"(?<![A-Za-z])(?i:that)(?![A-Za-z])")


def _what_is_said(s: Sentence, offset: int, cue_end: int, span: DateSpan) -> bool:
    """Whether a date after a cue that is a verb of saying dates what is said, not the saying: in Chinese any
    date after the verb that no 于/在 joins to it (`百度宣布文心一言4月起全面免费`, `宣布即日起上线`), in English
    one after `that` (`announced that from April 1 …`; `announced on Thursday` is the saying's day)."""
    if not _SAYING.search(s.text, offset, cue_end):
        return False
    between = s.text[cue_end:span.start]
    if _THAT.search(between):
        return True
    latin = re.search(r"[A-Za-z]\s*$", s.text[offset:cue_end]) is not None
    return not latin and not _SAID_ON.match(between)


# a clause opening with a list's joint goes on with the list of the clause before (…香港園區、…合作區，以及鹽田港進行
# 調研): one clause for where the event's date stands, so the clause before it is the list's (round 38's notes)
# (not 及时, 及早; not 与此同时, meanwhile, nor 和/与…相比, a comparison's frame)
_LIST_GOES_ON = re.compile(r"\s*(?:以及|及(?![时早])|[和与](?!此同时)(?![^，,。；;]*?(?:相比|相较|比较)))")


def _list_start(s: Sentence, begin: int) -> int:
    """Where the clause at `begin` starts once the clauses it continues a list of are joined to it."""
    while _LIST_GOES_ON.match(s.text, begin) and (previous := s.clause_before(begin)) is not None:
        begin = previous[0]
    return begin


_THEN = re.compile(r"当时|當時")
# a word placing the event some time before the scene the sentence sets, right before the cue (不久前发布的,
# 此前已宣布): a date of another clause dates the scene, not the event
_EARLIER_THAN_THE_SCENE = re.compile(r"(?:不久前|前不久|早前|早先|先前|此前)\s*(?:已经|已經|已|曾经|曾經|曾)?\s*$")


def _then(s: Sentence, offset: int) -> DateSpan | None:
    """当时 (at that time) before the cue, in a sentence that names no date: the time the sentence
    before last named (`去年，喜茶曾向合伙人发布……内部信。当时首条就表示要……不做单纯的低价内卷`: 去年)."""
    then = _THEN.search(s.text, 0, offset)
    if then is None:
        return _same_day(s, offset)
    if s.previous is None:
        return None
    named = _event_dates(s.previous)
    if not named:
        return None
    return DateSpan(then.start(), then.end(), replace(named[-1].value, raw=s.plain[then.start():then.end()]))


# 同日 (the same day: `同日，杉杉股份披露…`, `也在同日晚间相继发布公告`, `長安汽車(000625.SZ)同日發布公告`): the day
# named last before it; after 的/之 it is the day of an event it names (`锡华科技更新招股书的同日`)
_SAME_DAY = re.compile(r"(?<![的之])(?:同日|同一天|同一日)")
# names listed before it in its clause (`长安、东风同日公告`, `东风股份和东风科技同日分别公告`, `两大央企同日宣布`):
# the same day as each other, no day named before; after 在/于 still the day named before (`…等也在同日晚间相继发布公告`)
_EACH_OTHER = re.compile(r"[、和与與及]|两|兩|多家")
_SAME_DAY_REACH = 3  # the sentences walked back for the day it repeats: the paragraph before included


def _same_day(s: Sentence, offset: int) -> DateSpan | None:
    """同日 before the cue, in a sentence that names no date: the last day one of the `_SAME_DAY_REACH`
    sentences before it named, whatever their paragraph (`東風集團昨晚(9日)公布…`, then `長安汽車(000625.SZ)同日發布公告`: the 9th),
    its dateline included; none after names listed in its clause, which say the same day as each other."""
    same = _SAME_DAY.search(s.text, 0, offset)
    if same is None:
        return None
    begin, _ = s.clause_at(same.start())
    if _EACH_OTHER.search(s.text, begin, same.start()) and s.text[same.start() - 1:same.start()] not in ("在", "于", "於"):
        return None
    earlier = s.earlier or s.previous
    for _ in range(_SAME_DAY_REACH):
        if earlier is None:
            return None
        # a dateline counts (`2月8日消息，百度智能云……上线`, then `同日，腾讯云宣布上线`: the 8th)
        days = [d for d in sorted([*_event_dates(earlier), *([earlier.dateline] if earlier.dateline else [])],
                                  key=lambda d: d.start) if d.value.precision == "day"]
        if days:
            return DateSpan(same.start(), same.end(), replace(days[-1].value, raw=s.plain[same.start():same.end()],
                                                              time_of_day=""))  # the day, not its hour
        earlier = earlier.earlier or earlier.previous
    return None


# a clause that ends in 前夕/之前/以前 places what it names after what the next clause tells
_EVE = re.compile(r"[^，,。；;：:]*?(?:前夕|之前|以前)\s*$")


def _since(s: Sentence, span: DateSpan, clause: tuple[int, int]) -> DateSpan:
    """The date of the clause before, when it starts a span its own event runs over: from that date on.

    `苹果自 2023 年起开始测试…，并且一度选择了百度` (round 34): 2023 is when the testing began; the choice
    in the next clause came during it, in 2023 or later, not in 2023. A clause that ends with the span's
    start (`自2025年2月8日起，重庆市中心城区将取消…`, `实际从2023年开始，苹果就开始测试…`) sets the scene: it
    dates the next clause's event as before."""
    begin, end = clause
    if (span.value.precision == "range" or not _SINCE_BEFORE.search(s.text, max(begin, span.start - 3), span.start)
            or not (after := _SINCE_AFTER.match(s.text, span.end))):
        return span
    if not s.text[after.end():end].strip(" \t，,"):
        return span  # nothing follows the span's start in its clause: it sets the scene for the next
    return replace(span, value=bounded(span.value, True, span.value.raw))


_SINCE_BEFORE = re.compile(r"(?:自|從|从|自从|自從)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:初|底|末|中)?\s*(?:以来|以來|起|开始|開始)")


def _on_the_eve(s: Sentence, span: DateSpan, span_clause_end: int, cue_clause_end: int, cue_end: int) -> DateSpan:
    """A date from another clause when the event is placed by the eve of another.

    `在周一的巴黎人工智能行动峰会召开前夕，马克龙宣布`: 周一 dates the summit, the announcement comes before
    it (up to that day); `当地时间9日，在人工智能行动峰会召开前夕，…宣布` with the cue 召开: 9日 is the
    eve, the summit comes on it or after."""
    if _EVE.fullmatch(s.text, cue_end, cue_clause_end):
        return replace(span, value=bounded(span.value, True, span.value.raw))
    if span.end < span_clause_end and _EVE.fullmatch(s.text, span.end, span_clause_end):
        return replace(span, value=bounded(span.value, False, span.value.raw))
    return span


# what may open a sentence before the date that sets its scene: an outlet's tag (金吾财讯 | ) and
# the source it reports from (据央视新闻报道，, 据第一财经报道，): neither is an event of its own
_LEAD_IN = re.compile(r"\s*(?:[^，,。；;：:|｜\s]{1,12}\s*[|｜]\s*)?"
                      r"(?:(?:据|據)[^，,。；;：:|｜]{0,20}?(?:报道|報道|消息|获悉|獲悉)\s*[，,]\s*)?")


# a century (21世纪, 上世纪, 20世纪末): an era, no date of an event; 21世纪经济报道 is an outlet's name
_CENTURY = re.compile(r"世[纪紀](?:初期?|前期|中期?|后期|後期|末期?)?$")


@per_sentence  # the same for every date rule whose cue the sentence holds
def _event_dates(s: Sentence) -> list[DateSpan]:
    """The dates of `s` that may date an event: neither a reporting period, nor listed with one,
    nor spelling one out in brackets, nor another clock's rendering of a date before them, nor a century."""
    periods = [d for d in s.dates if is_reporting_period(s.text, d) or names_an_event(s.text, d)]
    for d in reversed(s.dates):  # 2023年及截至2024年9月30日止九个月: listed with a period, a period too
        if d not in periods and any(_LISTED.fullmatch(s.text, d.end, p.start) for p in periods):
            periods.append(d)
    dates = [d for d in s.dates if d not in periods and d is not s.dateline  # the report's day, no event's
             and not _CENTURY.search(d.value.raw)
             and not any(_GLOSS.fullmatch(s.text, p.end, d.start) for p in periods)]
    # the same moment on another clock, in brackets, is not the event's date: the date it glosses is
    return [d for d in dates if not any(_CONVERTED.fullmatch(s.text, e.end, d.start) for e in dates if e.end <= d.start)]
