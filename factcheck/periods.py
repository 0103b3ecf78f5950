"""The same figure under two periods: one source has the period wrong.

Compare keeps claims of different periods apart (a quarter's 1878亿 and the year's 6380亿 are both
true), so a figure one source gives for 2025年一季度 and another for 2025年 would only be shown as
context. A flow cannot be the same to three significant digits over a quarter and over the whole
year, nor over two years: when two sources' claims of one rule, subject and every other qualifier
give one figure (equal at the precision each wrote, or the less precise one `rounded` from the other:
26.7% of 26.76%, never 5.52% beside 5.53%) for different periods or years, one of them mislabels it. That is a `period-differs` finding (warning, the rule's `period_level`).

Left out, since the figure may truly be the same, or the sameness proves nothing:
- a claim with no subject (a rule without `subjects` meets any figure its cue stands by: on the bulk
  corpus every such pair was two unrelated figures alike by chance), or whose period or year is carried
  from another sentence of its paragraph (the reading, not the source, may be wrong);
- a figure written to fewer than three significant digits (5%, 100亿, 1.5亿): a coincidence; a range
  counts when both its bounds match and each has two (25–27亿);
- a balance as at a date (年末, 第三季度末, 年底, 截至, as of): a year-end and a fourth-quarter-end are one day,
  and a balance may stay flat; a stock metric (total assets, market cap) alike;
- a period whose span is not known (a rule's own period words, 年内 so far), a fiscal year beside a
  calendar one of another number (2024财年 may be the year to March 2025);
- a source stating the figure under both periods (the reading is in doubt, not the sources).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from factcheck.kinds.qualifiers import own_forecast
from factcheck.records import Claim, ContextValue, Message
from factcheck.values import Quantity

TIMES = ("period", "year")
MIN_DIGITS = 3  # a single figure: ≥3 significant digits written (bulk: 2 made coincidences, docs/rules.md)
MIN_RANGE_DIGITS = 2  # each bound of a range whose both bounds match
NEAR = Decimal("0.02")  # one figure at three digits or more is within 1% of the other: pairs looked at
# the built-in periods (factcheck/data/qualifiers.yaml) whose span is fixed: no two hold one flow's figure.
# Not `ytd` (the year so far is some months' figure), nor a rule's own period words (their spans unknown)
SPANS = frozenset({"q1", "q2", "q3", "q4", "h1", "h2", "full-year", *(f"{n}m" for n in range(2, 12))})
STOCK_METRICS = frozenset({"total-assets", "market-cap", "valuation", "share-price"})
# a balance as at a day: the end of a period (年末, 季度末, 年底, 期末), 截至/截止 a day, as of, at the end of
_AS_AT = re.compile(r"[年季度月期][末底]|截至|截止|(?i:\bas of\b|\bas at\b|\bend of\b)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Clash:
    """Two claims of different sources giving one figure for two periods (or years)."""

    first: Claim
    second: Claim

    def figure(self) -> str:
        """The figure as both sources wrote it: once when they read alike (1510-1555亿美元 and
        1510亿美元到1555亿美元 are one range), both when one rounded it (26.7% ≈ 26.76%)."""
        one, other = self.first.value, self.second.value
        return one.raw if one.display() == other.display() else f"{one.raw} ≈ {other.raw}"

    def detail(self) -> Message:
        """One line of the finding's evidence: each figure with its source, line and the period it is given for."""
        one, other = self.first, self.second
        return Message.of("detail.period_differs",
                          one=Message.of("said.source", value=one.value.raw, outlet=one.outlet,
                                         place=f"{one.article}:{one.line}"), one_time=written_time(one),
                          other=Message.of("said.source", value=other.value.raw, outlet=other.outlet,
                                           place=f"{other.article}:{other.line}"), other_time=written_time(other))


def clashes(claims: list[Claim], same: Callable[[Claim, Claim], bool]) -> list[Clash]:
    """Pairs of claims of one topic (rule, subject, unit) from different articles whose figure is one
    (`same`: equal or rounded, as the rule's kind tells) and whose times cannot both be right."""
    keyed = sorted((c for c in claims if _checkable(c)), key=_centre)
    found: list[Clash] = []
    for i, a in enumerate(keyed):
        for b in keyed[i + 1:]:
            if _centre(b) - _centre(a) > NEAR * max(abs(_centre(a)), abs(_centre(b))):
                break  # sorted: every later figure is further off (a topic's claims are paired near, not all)
            if a.article == b.article or not _times_apart(a, b) or not _alike_but_time(a, b):
                continue
            if not _same_figure(a, b, same) or _said_both(claims, a, b, same):
                continue
            found.append(Clash(a, b) if _claim_key(a) <= _claim_key(b) else Clash(b, a))
    return sorted(found, key=lambda clash: (_claim_key(clash.first), _claim_key(clash.second)))


def _centre(claim: Claim) -> Decimal:
    value = claim.value
    assert isinstance(value, Quantity)
    return value.value


def _claim_key(claim: Claim) -> tuple[str, int, int]:
    return claim.article, claim.line, claim.span[0]


def written_time(claim: Claim) -> str:
    """The period as the source wrote it: its year's and period's words (2025年一季度, 2024年前三季度)."""
    stated = {c.name: c.evidence for c in claim.context if c.name in TIMES and _stated(c)}
    words = [stated[name] for name in ("year", "period") if name in stated]
    if len(words) == 2 and (words[0] in words[1] or words[1] in words[0]):
        words = [max(words, key=len)]
    return "".join(words) or "?"


def significant_digits(number: str) -> int:
    """Digits a written number states: 1510 → 3 (a whole number's ending zeros may be rounding),
    30.10 → 4 (a written decimal zero is precision), 0.05 → 1."""
    digits = number.replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.lstrip("0").rstrip("0"))


def precise_enough(claim: Claim) -> bool:
    """Whether the figure is written precisely enough that two periods sharing it is no coincidence."""
    value = claim.value
    assert isinstance(value, Quantity)
    numbers = _NUMBER.findall(value.raw)
    if not numbers:
        return False  # 一万, 两成: written in words, a round figure
    if value.is_range:
        return len(numbers) >= 2 and all(significant_digits(n) >= MIN_RANGE_DIGITS for n in numbers)
    return significant_digits(numbers[0]) >= MIN_DIGITS


def _checkable(claim: Claim) -> bool:
    value = claim.value
    if not isinstance(value, Quantity) or value.approx not in ("", "about") or not precise_enough(claim):
        return False
    context = claim.context_dict()
    if not claim.subject or context.get("metric") in STOCK_METRICS or _AS_AT.search(claim.sentence):
        return False
    times = [c for c in claim.context if c.name in TIMES and _stated(c)]
    return bool(times) and all(c.evidence in claim.sentence for c in times)


def _stated(value: ContextValue) -> bool:
    return not value.inferred and value.evidence not in ("default", "publish time", "")


def _times_apart(a: Claim, b: Claim) -> bool:
    """Whether the two claims state periods (or years) that cannot hold one figure: each differing time
    stated by both and known (a built-in period, a calendar year), none left to doubt."""
    mine, theirs = _times(a), _times(b)
    apart = False
    for name in TIMES:
        one, other = mine.get(name), theirs.get(name)
        if one is None or other is None:
            if (one is None) != (other is None) and name == "period":
                return False  # a period stated by one only: the other may mean it
            continue
        equal = _year_digits(one) == _year_digits(other) if name == "year" else one == other
        if equal:
            continue
        if name == "period" and (one not in SPANS or other not in SPANS):
            return False
        if name == "year" and (one.startswith("FY") or other.startswith("FY")):
            return False  # 2024财年 and 2025 may be one fiscal year named by its start and its end
        apart = True
    return apart


def _times(claim: Claim) -> dict[str, str]:
    return {c.name: c.value for c in claim.context if c.name in TIMES and _stated(c)}


def _year_digits(year: str) -> str:
    return year.removeprefix("FY")


def _alike_but_time(a: Claim, b: Claim) -> bool:
    """Every other qualifier the same (a guidance is the company's own forecast: 指引 and 亚马逊预计 alike)."""
    mine = {c.name: c for c in a.context if c.name not in TIMES}
    theirs = {c.name: c for c in b.context if c.name not in TIMES}
    if mine.keys() != theirs.keys():
        return False
    return all(mine[n].value == theirs[n].value or (n == "measure" and _own_outlook(mine[n]) and _own_outlook(theirs[n]))
               for n in mine)


def _own_outlook(value: ContextValue) -> bool:
    return value.value == "guidance" or (value.value == "forecast" and own_forecast(value.evidence))


def _same_figure(a: Claim, b: Claim, same: Callable[[Claim, Claim], bool]) -> bool:
    """One figure: both ranges with equal bounds, or two single figures equal or rounded at the precision
    each wrote (`same`); a figure with 约 is only its own written number."""
    x, y = a.value, b.value
    assert isinstance(x, Quantity) and isinstance(y, Quantity)
    if x.is_range or y.is_range:
        return x.is_range and y.is_range and (x.low, x.high) == (y.low, y.high)
    if x.approx or y.approx or x.written_step() == y.written_step():
        return x.value.normalize() == y.value.normalize()  # 5.53% and 5.52% may be one figure rounded, never the same one
    return same(a, b)


def _said_both(claims: list[Claim], a: Claim, b: Claim, same: Callable[[Claim, Claim], bool]) -> bool:
    """Whether a source of the pair also gives the figure for the other's time: its reading is in doubt."""
    for own, other in ((a, b), (b, a)):
        for c in claims:
            if c.article == own.article and _times(c) == _times(other) and c is not own and _same_figure(c, other, same):
                return True
    return False
