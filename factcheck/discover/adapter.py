"""The one place discover touches the check's records and comparison.

Values carry their own `agrees()` / `display()` / `to_dict()`; keeping every
use of them here means discover compares exactly as a check does.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factcheck.values import DateValue, EntitySet, Quantity, StatusValue

if TYPE_CHECKING:
    from factcheck.normalize.entities import EntityIndex
    from factcheck.records import RuleBase

# a set: the names of a quoted list (“A”、“B”、“C”); a status: a person's post (副总裁兼总经理)
Value = Quantity | DateValue | EntitySet | StatusValue


def agrees(a: Value, b: Value) -> bool:
    """Whether two stated values can describe the same fact (as a check compares them)."""
    if type(a) is not type(b) or (isinstance(a, Quantity) and a.unit != b.unit):  # type: ignore[union-attr]
        return False
    return a.agrees(b)


def display(value: Value) -> str:
    return value.display()


def to_dict(value: Value) -> dict[str, Any]:
    """The value as a check's JSON report writes it (score.py reads `raw`)."""
    return value.to_dict()


def magnitude(value: Value) -> Decimal | None:
    """A number to measure how far apart two values are: the centre, or the day number."""
    if isinstance(value, Quantity):
        return value.value
    if isinstance(value, DateValue):
        return Decimal(value.start.toordinal()) if value.precision == "day" else None
    return None


def unit_of(value: Value) -> str:
    if isinstance(value, Quantity):
        return value.unit
    return "date" if isinstance(value, DateValue) else "set" if isinstance(value, EntitySet) else "status"


def named_list(raw: str, names: list[str]) -> EntitySet:
    """A quoted list as a set of names: members in one spelling (simplified, sorted), names as written."""
    from factcheck.normalize.variants import to_simplified

    members = sorted({to_simplified(n) for n in names})
    return EntitySet(tuple(members), raw, tuple(members))


def plain_quantity(raw: str, number: Decimal, low: Decimal | None, high: Decimal | None,
                   unit: str, approx: str) -> Quantity:
    """A count (7000家, 2亿人次) in the check's quantity type: the unit is the measure word."""
    return Quantity(value=number, low=low, high=high, unit=unit, approx=approx, raw=raw)


def read_with_rule(rule: dict[str, Any], entities: list[dict[str, Any]], sentence: str,
                   published: str) -> list[tuple[str, str, str]]:
    """What a drafted rule (as its YAML mapping) reads in one sentence, as a check would:
    (value display, raw value, subject) of each claim, in order. Empty when the draft is invalid."""
    from factcheck.records import RuleExample
    from factcheck.rule_examples import example_claims

    draft = _built_draft(rule, entities)
    if draft is None:
        return []
    built, index = draft
    claims = example_claims(built, RuleExample(sentence, published, (), 0), index)
    return [(c.value.display(), getattr(c.value, "raw", ""), c.subject) for c in claims]


def example_holds(rule: dict[str, Any], entities: list[dict[str, Any]], example: dict[str, Any]) -> bool:
    """Whether a drafted rule's example (its YAML mapping) holds as `rules check` tests it: the
    expected value first, and no other value the sentence gives for it at odds with it."""
    from factcheck.records import RuleExample
    from factcheck.rule_examples import example_problem

    draft = _built_draft(rule, entities)
    if draft is None:
        return False
    built, index = draft
    written = RuleExample(example["text"], example.get("published", ""),
                          tuple((k, str(v)) for k, v in example["expect"].items()), 0)
    return not example_problem(built, written, index)


def _built_draft(rule: dict[str, Any], entities: list[dict[str, Any]]) -> tuple[RuleBase, EntityIndex] | None:
    """A drafted rule built as a rule file is (validated, then by its kind) with the entities it was
    drafted with, and their index; None when the draft does not build. The one way every reader of a
    draft here builds it."""
    from factcheck.normalize.entities import EntityIndex
    from factcheck.records import Entity
    from factcheck.rules import RuleError, build_rule, validate

    declared = {e["id"]: Entity(e["id"], e["name"], tuple(e["aliases"])) for e in entities}
    try:
        validate(rule, {}, "draft")
        built = build_rule("draft", "draft", rule, {}, declared)
    except RuleError:
        return None
    return built, EntityIndex(tuple(declared.values()))


def find_with_rule(rule: dict[str, Any], entities: list[dict[str, Any]],
                   path: str) -> list[tuple[int, str, str, str]]:
    """What a drafted rule finds in a whole article file, as a check would (the subject of a
    sentence that names none comes from the sentences before it): (line, value display, raw value,
    subject) of each claim. Empty when the draft is invalid or the file cannot be read."""
    from pathlib import Path

    from factcheck.extract import extract
    from factcheck.load import InputError, parse_bytes

    draft = _built_draft(rule, entities)
    if draft is None:
        return []
    built, index = draft
    try:
        article = parse_bytes(Path(path).read_bytes(), path)
    except (InputError, OSError):
        return []
    claims, _ = extract(article, [built], index)
    return [(c.line, c.value.display(), getattr(c.value, "raw", ""), c.subject) for c in claims]
