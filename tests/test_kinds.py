"""The kind registry: one entry per kind, and everything derived from it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from factcheck.cache import _SafeUnpickler
from factcheck.kinds import KINDS, kind_of
from factcheck.kinds.schema import rule_schema
from factcheck.records import RuleBase


def test_the_shipped_schema_is_the_one_the_kinds_assemble() -> None:
    """Editors read factcheck/schema/rule.schema.json; validation uses the kinds' fragments.
    After adding or changing a kind: python -m factcheck.kinds.schema"""
    shipped = json.loads(resources.files("factcheck.schema").joinpath("rule.schema.json").read_text("utf-8"))
    assert shipped == rule_schema()


def test_the_schema_allows_each_kind_its_own_keys_only() -> None:
    clauses = {c["if"]["properties"]["kind"]["const"]: c["then"] for c in rule_schema()["allOf"]}
    assert set(clauses) == {*KINDS, "entities"}
    assert "tolerance" in clauses["number"]["propertyNames"]["enum"]
    assert "tolerance" not in clauses["date"]["propertyNames"]["enum"]
    assert "day" in clauses["number"]["propertyNames"]["enum"]
    assert "day" not in clauses["set"]["propertyNames"]["enum"]


def test_an_unknown_kind_lists_the_valid_ones() -> None:
    with pytest.raises(KeyError, match="unknown rule kind 'ratio' \\(valid: number, date, set, status\\)"):
        kind_of("ratio")


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_names_its_rule_record_and_value_type(name: str) -> None:
    kind = KINDS[name]
    assert kind.name == name
    assert issubclass(kind.rule_type, RuleBase) and kind.rule_type is not RuleBase
    for method in ("agrees", "display", "to_dict", "topic_key"):
        assert callable(getattr(kind.value_type, method)), f"{kind.value_type.__name__} lacks {method}"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kinds_values_may_come_back_from_the_cache(name: str) -> None:
    value_type = KINDS[name].value_type
    unpickler = _SafeUnpickler.__new__(_SafeUnpickler)
    assert unpickler.find_class(value_type.__module__, value_type.__qualname__) is value_type


def test_the_cache_refuses_classes_no_kind_registers() -> None:
    import pickle

    unpickler = _SafeUnpickler.__new__(_SafeUnpickler)
    with pytest.raises(pickle.UnpicklingError):
        unpickler.find_class("factcheck.values", "Value")
