"""`kind: derived`: a value no source states, worked out from two it does.

A price and its move imply the previous close; an amount and its growth the
prior-period amount; a part and its share the total. `报117.6港元，涨3.34%`
and, elsewhere, `收盘价116.7港元……涨2.55%` both imply a previous close of
about 113.8 HKD: they agree. Had one implied 110, no single number would
show the disagreement.

The derived value is an interval worked out from the inputs' intervals (the
precision they were written with), so it is compared at the precision the
inputs allow; the claim's note shows the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Literal

from factcheck.kinds.amounts import tolerance_fields, widened
from factcheck.kinds.base import Document, Kind, RuleError, words_regex
from factcheck.kinds.matching import fold_words
from factcheck.kinds.number import NumberKind
from factcheck.kinds.reading import claim
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.kinds.skip import skipped
from factcheck.kinds.subject_reading import subject_before
from factcheck.normalize.quantities import QuantitySpan, negate
from factcheck.records import Article, Claim, Diagnostic, RuleBase
from factcheck.values import Quantity, Value

Relation = Literal["previous-close", "prior-period", "total"]
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Derived(Quantity):
    """A value worked out from others: its interval, and the arithmetic."""

    formula: str = ""

    def display(self, points: bool = False) -> str:
        return f"≈{self._scaled(self._rounded())} {self.unit}{self.scale_text}"

    def _rounded(self) -> Decimal:
        """The value to the places its interval supports (113.8 HKD from 117.6 and 3.34%, 4009亿 from 3560亿)."""
        if self.low is None or self.high is None or self.high == self.low:
            return self.value
        return self.value.quantize(Decimal(1).scaleb((self.high - self.low).adjusted()))

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "type": "derived", "formula": self.formula}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Derived:
        base = Quantity.from_dict(data)
        return cls(base.value, base.low, base.high, base.unit, base.approx, base.raw, base.scale_text,
                   base.is_range, base.unit_from, formula=data.get("formula", ""))


def derive(relation: Relation, part: Quantity, change: Quantity) -> Derived | None:
    """part ÷ (1 + change) for a previous or prior-period value; part ÷ share for a total."""
    def factor(percent: Decimal | None) -> Decimal | None:
        if percent is None:
            return None
        return percent / HUNDRED if relation == "total" else 1 + percent / HUNDRED

    centre, low_f, high_f = factor(change.value), factor(change.low), factor(change.high)
    if not centre or centre <= 0 or (low_f is not None and low_f <= 0):
        return None
    value = part.value / centre
    low = None if part.low is None or high_f is None else part.low / high_f
    high = None if part.high is None or low_f is None else part.high / low_f
    shown = change.display() if relation == "total" else f"(1 + {change.display()})"
    result = Derived(value.quantize(Decimal("0.0001")), low, high, part.unit, "", f"{part.raw}, {change.raw}",
                     part.scale_text)
    formula = f"{part.display()} ÷ {shown} = {result.display()}"
    return Derived(result.value, low, high, part.unit, "", result.raw, part.scale_text, formula=formula)


@dataclass(frozen=True)
class Input:
    """One input of a relation: the words before it and what it must be."""

    cue: str
    value: str  # money | percent | count unit
    down: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivedRule(RuleBase):
    relation: Relation = "previous-close"
    part: Input = Input("", "money")
    change: Input = Input("", "percent")
    window: int = 6
    tolerance: Decimal = Decimal(0)
    relative_tolerance: Decimal = Decimal(0)


_INPUT = {"type": "object", "additionalProperties": False, "required": ["cue"],
          "properties": {"cue": {"$ref": "#/$defs/words_or_regex"},
                         "value": {"enum": ["money", "percent"]},
                         "down": {"$ref": "#/$defs/words"}}}


class DerivedKind(Kind[DerivedRule]):
    name = "derived"
    rule_type = DerivedRule
    value_type = Derived
    required = ("relation", "part", "change")
    properties: ClassVar[dict[str, Any]] = {
        "relation": {"enum": ["previous-close", "prior-period", "total"],
                     "description": "previous-close / prior-period: part ÷ (1 + change); total: part ÷ share."},
        "part": {**_INPUT, "description": "The value given: a price, an amount, a part (cue words before it)."},
        "change": {**_INPUT, "description": "The percent it moved by (down words make it negative), or its share of the total."},
        "window": NumberKind.properties["window"],
        "tolerance": NumberKind.properties["tolerance"],
    }
    dated = True

    def fields(self, doc: Document) -> dict[str, Any]:
        return {"relation": doc.data["relation"], "part": _input(doc, "part", "money"),
                "change": _input(doc, "change", "percent"), "window": int(doc.data.get("window", 6)),
                **tolerance_fields(doc.data.get("tolerance", 0))}

    def cues(self, rule: DerivedRule) -> tuple[str, ...]:
        return (rule.part.cue,)

    def agree(self, rule: DerivedRule, a: Value, b: Value) -> bool:
        return a.agrees(b, widened(rule.tolerance, rule.relative_tolerance, a, b))

    def find(self, rule: DerivedRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        if not pattern(rule.part.cue).search(s.text) or not pattern(rule.change.cue).search(s.text):
            return
        parts = [(span, cue) for span in s.quantities if _fits(rule.part.value, span.quantity.unit)
                 for cue in [_cue_before(rule.part.cue, rule.window, s, span)] if cue]
        changes = [(span, cue) for span in s.quantities if span.quantity.unit == "%"
                   for cue in [_cue_before(rule.change.cue, rule.window, s, span)] if cue]
        for span, part_cue in parts:
            if not changes:
                return
            change, change_cue = min(changes, key=lambda c: (abs(c[0].start - span.start), c[0].start))
            moved = change.quantity
            if any(word in change_cue.group(0) for word in fold_words(rule.change.down)):
                moved = negate(moved)
            if skipped(rule.skip, s, min(part_cue.start(), change_cue.start()), max(span.start, change.start)):
                continue
            value = derive(rule.relation, span.quantity, moved)
            subject = subject_before(rule, s, span.start)
            if value is None or subject is None:
                continue
            yield claim(rule, subject, value, s, article, span.start, span.end, f"derived: {value.formula}")


def _input(doc: Document, key: str, default: str) -> Input:
    spec = doc.data[key]
    if not isinstance(spec, dict):  # the schema has said so already; kept for direct callers
        raise RuleError(doc.path, doc.line(key), f"{key}: expected a mapping with cue")
    regex = doc.checked_regex(words_regex(spec["cue"]), f"{key}.cue", doc.line(key, "cue"))
    return Input(regex, str(spec.get("value", default)), tuple(spec.get("down") or ()))


def _fits(kind: str, unit: str) -> bool:
    return unit == "%" if kind == "percent" else unit not in ("%", "pp", "")


def _cue_before(cue: str, window: int, s: Sentence, span: QuantitySpan) -> re.Match[str] | None:
    """The last match of `cue` ending at most `window` characters before the value, in its clause."""
    begin, _ = s.clause_at(span.start)
    found = [m for m in pattern(cue).finditer(s.text, begin, span.number_start) if span.start - m.end() <= window]
    return found[-1] if found else None
