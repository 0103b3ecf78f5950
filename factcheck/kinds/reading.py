"""What a claim is about and under which context: the reading every kind shares.

Where things are looked for, nearest first:
- the subject: the nearest entity named before the value in the sentence;
- a context qualifier (market, session …): the value's clause, then the
  sentence before the value, then the earlier sentences of the paragraph;
- the day: a date in the value's clause, else the sentence's first date,
  else (when the rule allows) the publish date in the market's time zone.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from factcheck.kinds.matching import fold_words
from factcheck.kinds.sentence import Sentence, Values, pattern
from factcheck.normalize.dates import DateSpan
from factcheck.normalize.quantities import find_quantities
from factcheck.records import Article, Claim, ContextValue, RuleBase
from factcheck.values import Value

# words that may stand before a cue without naming anything (均涨逾1%, 持续收涨2.55%)
FILLER_WORDS = ("持续", "继续", "随后", "其后", "之后", "最终", "最后", "一度", "均", "亦", "也", "则", "再", "又",
                "全天", "全日", "当日", "当天", "今日", "截至", "股价", "大幅", "小幅", "逆势", "一路", "早段",
                "期间", "触及", "报", "达", "为", "更", "还", "仍", "已", "曾", "受", "继", "因", "随", "而", "但",
                "并", "且", "其中", "由于", "消息", "刺激", "影响", "利好", "后", "早盘", "尾盘", "午后",
                "A股", "H股", "B股", "港股", "美股", "收報", "收报")
# how news says a price moved: predicates, never names
MOVE_WORDS = ("涨幅", "跌幅", "收涨", "收跌", "上涨", "下跌", "大涨", "大跌", "走高", "走低", "下挫", "上扬",
              "飙升", "重挫", "回落", "反弹", "波动", "涨", "跌", "升", "降")


# ----------------------------------------------------------------- subject


def subject_before(rule: RuleBase, s: Sentence, cue_start: int, offset: int, cue: str,
                   predicate_words: tuple[str, ...] = ()) -> str | None:
    """The entity a value is about: named in its clause, or carried over from before.

    In "阿里巴巴涨4.8%，快手涨3.56%" the second value is about 快手, an entity
    the rules do not know. A value inherits the subject of an earlier clause
    only when no clause in between, and nothing before its own cue, starts
    with more than filler and context words ("阿里巴巴报118.3美元/股，涨近5%，
    盘中高点达119.8美元/股": all three are about 阿里巴巴). `cue` is the
    rule's cue regex; `predicate_words` are the rule's own words that name
    nothing (its sign words).
    """
    if not rule.subjects:
        return ""
    begin, _ = s.clause_at(offset)
    before = [m for m in s.mentions if m.end <= offset]
    in_clause = [m for m in before if m.start >= begin]
    if in_clause:
        chosen = in_clause[-1]
    elif before and not names_something(s.text[begin:cue_start], rule, predicate_words) and not any(
            names_something(_head(s.text[b:e], cue), rule, predicate_words)
            for b, e in s.clauses if b > before[-1].end and e < begin):
        chosen = before[-1]
    else:
        return None
    return chosen.entity_id if chosen.entity_id in rule.subjects else None


def _head(clause: str, cue: str) -> str:
    """A clause's text before its first cue or number: where its subject would stand."""
    stop = len(clause)
    found = pattern(cue).search(clause) if cue else None
    if found:
        stop = found.start()
    digit = re.search(r"\d", clause)
    if digit:
        stop = min(stop, digit.start())
    quantities = find_quantities(clause)
    if quantities:
        stop = min(stop, quantities[0].start)
    return clause[:stop]


def names_something(head: str, rule: RuleBase, predicate_words: tuple[str, ...] = ()) -> bool:
    """Whether text before a cue holds more than filler and context words."""
    words = [*FILLER_WORDS, *MOVE_WORDS, *fold_words(predicate_words),
             *(w for spec in rule.context for _, ws in spec.values for w in fold_words(ws))]
    for word in sorted(words, key=len, reverse=True):
        head = head.replace(word, "")
    return len(re.sub(r"[\W\d_]+", "", head)) >= 2


def subject_near(rule: RuleBase, s: Sentence, offset: int) -> str | None:
    """The rule subject named nearest `offset` (before it first) in the sentence."""
    if not rule.subjects:
        return ""
    ours = [m for m in s.mentions if m.entity_id in rule.subjects]
    before = [m for m in ours if m.end <= offset]
    if before:
        return before[-1].entity_id
    return ours[0].entity_id if ours else None


# ----------------------------------------------------------------- context


def context(rule: RuleBase, s: Sentence, offset: int, article: Article) -> tuple[ContextValue, ...]:
    """The qualifiers `rule` declares, as read for a value at `offset`, then its day."""
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


def _day(rule: RuleBase, s: Sentence, offset: int, article: Article, known: dict[str, str]) -> ContextValue:
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


def _market_day(rule: RuleBase, s: Sentence, chosen: DateSpan, known: dict[str, str]) -> ContextValue:
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


# ------------------------------------------------------------------- claim


def claim(rule: RuleBase, subject: str, value: Value, s: Sentence, article: Article, start: int,
          end: int, note: str = "", context_at: int | None = None) -> Claim:
    """A claim of `value` at [start, end) of the sentence, its context read at
    `context_at` (default: where the value starts)."""
    return Claim(
        rule_id=rule.id, subject=subject, value=value,
        context=context(rule, s, start if context_at is None else context_at, article),
        article=article.path, outlet=article.outlet,
        line=s.line_at(start), sentence=s.segment.text, span=s.raw_span(start, end), note=note,
    )
