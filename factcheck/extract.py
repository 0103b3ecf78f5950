"""Stage 4: apply rules to one article's sentences and return its claims.

Extraction is a pure function of (article, rules): no shared state, so
articles can be processed in any order or in parallel and cached by content.

Where things are looked for, nearest first:
- the subject: the nearest entity named before the value in the sentence;
- a context qualifier (market, session …): the value's clause, then the
  sentence before the value, then the earlier sentences of the paragraph;
- the day: a date in the value's clause, else the sentence's first date,
  else (when the rule allows) the publish date in the market's time zone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property, lru_cache
from typing import Callable, Iterable
from zoneinfo import ZoneInfo

from factcheck.normalize.dates import DateSpan, find_dates
from factcheck.normalize.entities import EntityIndex, Mention
from factcheck.normalize.quantities import QuantitySpan, find_quantities, negate
from factcheck.patterns import PatternError, compile_pattern
from factcheck.records import (Article, Claim, ContextValue, Diagnostic, EntitySet,
                               Rule, Segment, StatusValue)

CLAUSE_BREAK = re.compile(r"[，,：:；;]")
OPENING, CLOSING = "（(「『《“", "）)」』》”"
_BRACKETS = re.compile("[" + re.escape(OPENING) + "]")
LIST_BREAK = re.compile(r"以及|[、，,和与及或/]")
NAME_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\- ]*[A-Za-z0-9]|[\u4e00-\u9fff]{2,}")
# words that may stand before a cue without naming anything (均涨逾1%, 持续收涨2.55%)
FILLER_WORDS = ("持续", "继续", "随后", "其后", "之后", "最终", "最后", "一度", "均", "亦", "也", "则", "再", "又",
                "全天", "全日", "当日", "当天", "今日", "截至", "股价", "大幅", "小幅", "逆势", "一路", "早段",
                "期间", "触及", "报", "达", "为", "更", "还", "仍", "已", "曾", "受", "继", "因", "随", "而", "但",
                "并", "且", "其中", "由于", "消息", "刺激", "影响", "利好", "后", "早盘", "尾盘", "午后",
                "A股", "H股", "B股", "港股", "美股", "收報", "收报")
# how news says a price moved: predicates, never names
MOVE_WORDS = ("涨幅", "跌幅", "收涨", "收跌", "上涨", "下跌", "大涨", "大跌", "走高", "走低", "下挫", "上扬",
              "飙升", "重挫", "回落", "反弹", "波动", "涨", "跌", "升", "降")
UNIT_KINDS = {"percent": {"%"}, "pp": {"pp"}}
_TIME_OF_DAY_NOTES = {
    "凌晨": "凌晨 (before dawn) in Beijing time is still the previous day in the Americas",
    "深夜": "深夜 (late night) may already be the next day in Asia",
}


@dataclass
class Sentence:
    """A segment with what every rule asks of it, computed once."""

    segment: Segment
    previous: "Sentence | None"  # the sentence before it in its paragraph
    anchor: date | None
    index: EntityIndex

    def __post_init__(self) -> None:
        self._hits: dict[Values, list[Hit]] = {}
        self._last: dict[Values, Hit | None] = {}

    def hits(self, values: "Values") -> list["Hit"]:
        """Where the words of a qualifier occur: (offset, word, value), in order."""
        if values not in self._hits:
            regex, value_of = _words_pattern(values)
            self._hits[values] = [(m.start(), m.group(0), value_of[m.group(0)]) for m in regex.finditer(self.text)]
        return self._hits[values]

    def last_hit_before(self, values: "Values") -> "Hit | None":
        """The last word of a qualifier in the earlier sentences of the paragraph.

        Memoized walking back, so a paragraph of thousands of sentences costs
        linear time, not quadratic."""
        walked: list[Sentence] = []
        sentence, found = self.previous, None
        while sentence is not None:
            if values in sentence._last:
                found = sentence._last[values]
                own = sentence.hits(values)
                found = own[-1] if own else found
                break
            own = sentence.hits(values)
            if own:
                found = own[-1]
                break
            walked.append(sentence)
            sentence = sentence.previous
        for step in walked:
            step._last[values] = found
        return found

    @property
    def text(self) -> str:
        return self.segment.text

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """Clause bounds; a comma inside brackets (（300750.SZ，下称“宁德时代”）) does not split."""
        if not _BRACKETS.search(self.text):
            bounds, begin = [], 0
            for match in CLAUSE_BREAK.finditer(self.text):
                bounds.append((begin, match.start()))
                begin = match.end()
            bounds.append((begin, len(self.text)))
            return bounds
        bounds, begin, depth = [], 0, 0
        for index, char in enumerate(self.text):
            if char in OPENING:
                depth += 1
            elif char in CLOSING:
                depth = max(0, depth - 1)
            elif depth == 0 and CLAUSE_BREAK.match(char):
                bounds.append((begin, index))
                begin = index + 1
        bounds.append((begin, len(self.text)))
        return bounds

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [begin for begin, _ in self.clauses]

    def clause_at(self, offset: int) -> tuple[int, int]:
        return self.clauses[max(0, bisect_right(self._clause_starts, offset) - 1)]

    def clause_before(self, offset: int) -> tuple[int, int] | None:
        begin, _ = self.clause_at(offset)
        earlier = [c for c in self.clauses if c[1] < begin]
        return earlier[-1] if earlier else None

    @cached_property
    def mentions(self) -> list[Mention]:
        return self.index.mentions(self.text)

    @cached_property
    def dates(self) -> list[DateSpan]:
        return find_dates(self.text, self.anchor)

    @cached_property
    def quantities(self) -> list[QuantitySpan]:
        return find_quantities(self.text)


def sentences(article: Article, index: EntityIndex) -> list[Sentence]:
    anchor = article.published.date() if article.published else None
    result: list[Sentence] = []
    last: dict[int, Sentence] = {}
    for segment in article.segments:
        sentence = Sentence(segment, last.get(segment.paragraph), anchor, index)
        last[segment.paragraph] = sentence
        result.append(sentence)
    return result


Values = tuple[tuple[str, tuple[str, ...]], ...]  # a qualifier's value → words
Hit = tuple[int, str, str]  # (offset, word, value)


@lru_cache(maxsize=None)
def _words_pattern(values: Values) -> tuple[re.Pattern[str], dict[str, str]]:
    value_of = {word: value for value, words in values for word in words}
    alternatives = sorted(value_of, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in alternatives)), value_of


def relevance(rules: Iterable[Rule]) -> Callable[[str], bool]:
    """Whether any rule could find a claim in a text: every claim needs its rule's
    cue, trigger or state words in its sentence."""
    regexes = sorted({regex for rule in rules
                      for regex in (rule.cue, rule.trigger, *(words for _, words in rule.states)) if regex})
    try:  # one pass over the text when the patterns combine (no clashing group names, all plain)
        combined = pattern("|".join(f"(?:{regex})" for regex in regexes))
        return lambda text: combined.search(text) is not None
    except (re.error, PatternError):
        patterns = [pattern(regex) for regex in regexes]
        return lambda text: any(p.search(text) for p in patterns)


def extract(article: Article, rules: Iterable[Rule], index: EntityIndex) -> tuple[list[Claim], list[Diagnostic]]:
    """All claims `rules` find in `article`, in reading order, and the spans a
    rule pointed at but that could not be read as a value (no silent passes)."""
    claims: list[Claim] = []
    unread: list[Diagnostic] = []
    views = sentences(article, index)
    for rule in rules:
        finder = _FINDERS[rule.kind]
        for sentence in views:
            seen: set[tuple[object, ...]] = set()  # one claim found through two cues is one claim
            for found in finder(rule, sentence, article):
                if isinstance(found, Diagnostic):
                    unread.append(found)
                    continue
                key = (found.subject, found.value.display(), found.span, found.context)
                if key not in seen:
                    seen.add(key)
                    claims.append(found)
    return claims, unread


# ----------------------------------------------------------------- finders


def pattern(regex: str) -> re.Pattern[str]:
    """Every rule pattern, compiled once per process on the engine that keeps it safe."""
    return compile_pattern(regex)  # type: ignore[no-any-return]


def _number_claims(rule: Rule, s: Sentence, article: Article) -> Iterable[Claim]:
    cue = pattern(rule.cue)
    if not cue.search(s.text):
        return  # most sentences hold no cue: skip reading their numbers
    for span in s.quantities:
        quantity = span.quantity
        if not _unit_fits(rule.value, quantity.unit):
            continue
        clause_begin, _ = s.clause_at(span.start)
        window_start = max(clause_begin, span.start - rule.window - 12)
        # the cue may end inside the qualifier: cue 涨超 before 超200%
        cues = [m for m in cue.finditer(s.text, window_start, span.number_start)
                if span.start - m.end() <= rule.window and s.clause_at(m.end()) == s.clause_at(span.start)]
        if not cues:
            continue
        if rule.skip and _skipped(rule, s, span.start):
            continue
        cue_text = cues[-1].group(0)
        subject = _subject_before(rule, s, cues[-1].start(), span.start)
        if subject is None:
            continue
        if _is_down(cue_text, rule):
            quantity = negate(quantity)
        yield _claim(rule, subject, quantity, s, article, span.start, span.end,
                     _context(rule, s, span.start, article))
    yield from _unread(rule, s, article, cue)


# after a cue, a number written right before a unit of the rule's kind: 涨近两成, 报579.5美分
_NUMBER = r"(?:[\d０-９][\d０-９.,]*|[一二两三四五六七八九十半几数]+)\s*(?:多|余)?"
_VALUE_HINTS = {
    "percent": re.compile(_NUMBER + r"(?:[%％‰]|成|个?百分)|百分之"),
    "pp": re.compile(_NUMBER + r"个?百分点"),
    "money": re.compile(_NUMBER + r"(?:[万亿億萬千百]*)(?:元|圆|币|幣|美分|港仙|镑|欧|円)|[$￥]\s*\d"),
}


def _unread(rule: Rule, s: Sentence, article: Article, cue: re.Pattern[str]) -> Iterable[Diagnostic]:
    """Cues followed, within the window, by what looks like a value no normalizer could read."""
    for match in cue.finditer(s.text):
        _, clause_end = s.clause_at(match.end())
        reach = min(clause_end, match.end() + rule.window + 2)
        hint = _VALUE_HINTS[rule.value or "money"].search(s.text, match.end(), clause_end)
        if hint is None or hint.start() > reach or any(q.start <= hint.start() < q.end for q in s.quantities):
            continue
        if s.text[hint.start():hint.start() + 1].isdigit() and re.match(r"\d+(?:\.\d+)?[年月日号时点分秒]", s.text[hint.start():]):
            continue  # a date or a time after the cue, not a value
        raw = s.text[match.start():min(clause_end, hint.end() + 6)]
        yield Diagnostic(article.path, s.segment.line_at(hint.start()),
                         f"{rule.id}: cannot read a value in {raw!r}", "warning", "unread-value")


def _date_claims(rule: Rule, s: Sentence, article: Article) -> Iterable[Claim]:
    for cue in pattern(rule.cue).finditer(s.text):
        subject = _subject_near(rule, s, cue.start())
        if subject is None:
            continue
        span = _date_for(s, cue.start())
        if span is None:
            continue
        note = _TIME_OF_DAY_NOTES.get(span.value.time_of_day, "")
        yield _claim(rule, subject, span.value, s, article, span.start, span.end,
                     _context(rule, s, span.start, article), note)


def _set_claims(rule: Rule, s: Sentence, article: Article) -> Iterable[Claim]:
    for trigger in pattern(rule.trigger).finditer(s.text):
        subject = ""
        if rule.subjects:
            found = _subject_near(rule, s, trigger.start())
            if found is None:
                continue
            subject = found
        begin, end = s.clause_at(trigger.start())
        if rule.scope == "after":
            begin = trigger.end()
        elif rule.scope == "before":
            end = trigger.start()
        elif rule.scope == "sentence":
            begin, end = 0, len(s.text)
        members = _members(rule, s, begin, end)
        if not members:
            continue
        ids = tuple(sorted(members))
        names = tuple(s.index.entities[i].name for i in ids)
        value = EntitySet(ids, s.text[begin:end].strip(), names)
        yield _claim(rule, subject, value, s, article, begin, end,
                     _context(rule, s, trigger.start(), article))


def _status_claims(rule: Rule, s: Sentence, article: Article) -> Iterable[Claim]:
    for label, regex in rule.states:
        for match in pattern(regex).finditer(s.text):
            subject = _subject_near(rule, s, match.start())
            if subject is None:
                continue
            yield _claim(rule, subject, StatusValue(label, match.group(0)), s, article,
                         match.start(), match.end(), _context(rule, s, match.start(), article))


_FINDERS = {"number": _number_claims, "date": _date_claims, "set": _set_claims, "status": _status_claims}


# ----------------------------------------------------------------- helpers


def _skipped(rule: Rule, s: Sentence, offset: int) -> bool:
    previous = s.clause_before(offset)
    begin = previous[0] if previous else s.clause_at(offset)[0]
    return pattern(rule.skip).search(s.text, begin, offset) is not None


def _unit_fits(kind: str, unit: str) -> bool:
    if kind in UNIT_KINDS:
        return unit in UNIT_KINDS[kind]
    return unit not in ("%", "pp", "")  # money: any currency


def _is_down(cue_text: str, rule: Rule) -> bool:
    downs = [w for w in rule.sign_down if w in cue_text]
    ups = [w for w in rule.sign_up if w in cue_text]
    return bool(downs) and max(map(len, downs)) >= max(map(len, ups), default=0)


def _subject_before(rule: Rule, s: Sentence, cue_start: int, offset: int) -> str | None:
    """The entity a value is about: named in its clause, or carried over from before.

    In "阿里巴巴涨4.8%，快手涨3.56%" the second value is about 快手, an entity
    the rules do not know. A value inherits the subject of an earlier clause
    only when no clause in between, and nothing before its own cue, starts
    with more than filler and context words ("阿里巴巴报118.3美元/股，涨近5%，
    盘中高点达119.8美元/股": all three are about 阿里巴巴).
    """
    if not rule.subjects:
        return ""
    begin, _ = s.clause_at(offset)
    before = [m for m in s.mentions if m.end <= offset]
    in_clause = [m for m in before if m.start >= begin]
    if in_clause:
        chosen = in_clause[-1]
    elif before and not _names_something(s.text[begin:cue_start], rule) and not any(
            _names_something(_head(s.text[b:e], rule), rule)
            for b, e in s.clauses if b > before[-1].end and e < begin):
        chosen = before[-1]
    else:
        return None
    return chosen.entity_id if chosen.entity_id in rule.subjects else None


def _head(clause: str, rule: Rule) -> str:
    """A clause's text before its first cue or number: where its subject would stand."""
    stop = len(clause)
    cue = pattern(rule.cue).search(clause) if rule.cue else None
    if cue:
        stop = cue.start()
    digit = re.search(r"\d", clause)
    if digit:
        stop = min(stop, digit.start())
    quantities = find_quantities(clause)
    if quantities:
        stop = min(stop, quantities[0].start)
    return clause[:stop]


def _names_something(head: str, rule: Rule) -> bool:
    """Whether text before a cue holds more than filler and context words."""
    words = [*FILLER_WORDS, *MOVE_WORDS, *rule.sign_up, *rule.sign_down,
             *(w for spec in rule.context for _, ws in spec.values for w in ws)]
    for word in sorted(words, key=len, reverse=True):
        head = head.replace(word, "")
    return len(re.sub(r"[\W\d_]+", "", head)) >= 2


def _subject_near(rule: Rule, s: Sentence, offset: int) -> str | None:
    """The rule subject named nearest `offset` (before it first) in the sentence."""
    if not rule.subjects:
        return ""
    ours = [m for m in s.mentions if m.entity_id in rule.subjects]
    before = [m for m in ours if m.end <= offset]
    if before:
        return before[-1].entity_id
    return ours[0].entity_id if ours else None


def _date_for(s: Sentence, offset: int) -> DateSpan | None:
    """The date an event at `offset` is dated by: same clause, else the clause before."""
    begin, end = s.clause_at(offset)
    in_clause = [d for d in s.dates if begin <= d.start and d.end <= end]
    before = [d for d in in_clause if d.end <= offset]
    if before:
        return before[-1]
    if in_clause:
        return in_clause[0]
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


def _members(rule: Rule, s: Sentence, begin: int, end: int) -> set[str]:
    members: set[str] = set()
    covered = [False] * len(s.text)
    for mention in s.mentions:
        if begin <= mention.start and mention.end <= end:
            members.add(mention.entity_id)
            for i in range(mention.start, mention.end):
                covered[i] = True
    rest = "".join(" " if covered[i] else ch for i, ch in enumerate(s.text[:end]) if i >= begin)
    for chunk in LIST_BREAK.split(rest):
        # a list item may carry words after the name (DeepSeak 开发的模型): try its runs too
        for name in {chunk.strip(), *NAME_RUN.findall(chunk)}:
            if 2 <= len(name) <= 16:
                resolved = s.index.resolve(name)
                if resolved:
                    members.add(resolved)
    if rule.members:
        members &= set(rule.members)
    return members - set(rule.exclude)


def _context(rule: Rule, s: Sentence, offset: int, article: Article) -> tuple[ContextValue, ...]:
    found: list[ContextValue] = []
    for spec in rule.context:
        value = _qualifier(spec.values, spec.scope, s, offset)
        if value:
            found.append(ContextValue(spec.name, value[0], value[1]))
        elif spec.default:
            found.append(ContextValue(spec.name, spec.default, "default"))
    if rule.day:
        found.append(_day(rule, s, offset, article, {c.name: c.value for c in found}))
    return tuple(c for c in found if c.value)


def _qualifier(values: Values, scope: str, s: Sentence, offset: int) -> tuple[str, str] | None:
    """(value, word) for a qualifier: in the clause (nearest, before first), then
    before the value in the sentence, then in the paragraph's earlier sentences."""
    hits = s.hits(values)
    begin, end = s.clause_at(offset)
    clause = [(abs(pos - offset) + (0 if pos < offset else 1000), word, value)
              for pos, word, value in hits if begin <= pos < end]
    if clause:
        _, word, value = min(clause)
        return value, word
    if scope == "clause":
        return None
    before = [hit for hit in hits if hit[0] < begin]
    if before:
        return before[-1][2], before[-1][1]
    if scope == "sentence":
        return None
    earlier = s.last_hit_before(values)
    return (earlier[2], earlier[1]) if earlier else None


def _day(rule: Rule, s: Sentence, offset: int, article: Article, known: dict[str, str]) -> ContextValue:
    begin, end = s.clause_at(offset)
    days = [d for d in s.dates if d.value.precision == "day" and not _is_baseline(s.text, d)]
    in_clause = [d for d in days if begin <= d.start and d.end <= end]
    before_in_clause = [d for d in in_clause if d.end <= offset]
    sentence_before = [d for d in days if d.end <= offset]
    chosen = (before_in_clause[-1] if before_in_clause else in_clause[0] if in_clause
              else sentence_before[0] if sentence_before else None)  # the sentence's first date sets the scene
    if chosen is not None:
        return _market_day(rule, s, chosen, known)
    spec = rule.day
    if spec is None or spec.fallback == "none" or article.published is None:
        return ContextValue("day", "", "")
    zone_name = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "")
    when = article.published.astimezone(ZoneInfo(zone_name)) if zone_name else article.published
    evidence = f"publish time ({zone_name})" if zone_name else "publish time"
    return ContextValue("day", when.date().isoformat(), evidence, inferred=True)


_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|相较|较之|自|从|由)$")
_BASELINE_AFTER = re.compile(r"(?:以来|起|至|到|开始)")  # used with match(text, pos)


def _is_baseline(text: str, span: DateSpan) -> bool:
    """较前一日下跌2.57%, 自1月27日以来: the date a change is measured from, not the day it happened."""
    return bool(_BASELINE_BEFORE.search(text[max(0, span.start - 4):span.start])
                or _BASELINE_AFTER.match(text, span.end))


def _market_day(rule: Rule, s: Sentence, chosen: DateSpan, known: dict[str, str]) -> ContextValue:
    """The day in the market's time zone: 北京时间2月13日凌晨 is 12 Feb in New York."""
    value = chosen.value
    hour = _HOURS.get(value.time_of_day)
    spec = rule.day
    zone = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "") if spec else ""
    if hour is None or not zone or "北京时间" not in s.text[:chosen.start]:
        return ContextValue("day", value.start.isoformat(), value.raw)
    beijing = datetime.combine(value.start, time(hour), ZoneInfo("Asia/Shanghai"))
    local = beijing.astimezone(ZoneInfo(zone)).date()
    return ContextValue("day", local.isoformat(), f"北京时间{value.raw} in {zone}", inferred=local != value.start)


_HOURS = {"凌晨": 3, "清晨": 6, "早上": 8, "早间": 8, "上午": 10, "中午": 12, "午间": 12, "下午": 15,
          "傍晚": 18, "晚上": 20, "晚间": 20, "夜间": 22, "深夜": 23}


def _claim(rule: Rule, subject: str, value: object, s: Sentence, article: Article, start: int,
           end: int, context: tuple[ContextValue, ...], note: str = "") -> Claim:
    return Claim(
        rule_id=rule.id, subject=subject, value=value,  # type: ignore[arg-type]
        context=context, article=article.path, outlet=article.outlet,
        line=s.segment.line_at(start), sentence=s.text, span=(start, end), note=note,
    )

