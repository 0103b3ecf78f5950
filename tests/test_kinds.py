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
    with pytest.raises(KeyError, match="unknown rule kind 'ratio' \\(valid: number, date, set, status, count, duration, derived\\)"):
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


def test_the_ratio_kind_of_docs_architecture_is_one_module_and_one_registry_line(tmp_path, monkeypatch) -> None:
    """docs/architecture.md's `ratio` module, registered with one line, is read, validated, found and compared."""
    import re
    import sys
    import types
    from pathlib import Path

    from factcheck import kinds
    from factcheck.compare import compare
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex
    from factcheck.rules import load_rules

    doc = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    [source] = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    module = types.ModuleType("factcheck_doc_ratio")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(source, "docs/architecture.md", "exec"), module.__dict__)
    monkeypatch.setitem(kinds.KINDS, "ratio", module.RatioKind())  # the registry line
    rule_schema.cache_clear()
    try:
        (tmp_path / "pe.yaml").write_text(
            "kind: ratio\ndescription: price-earnings ratio\ncue: [市盈率]\nsubjects: [acme]\n"
            "entities: [{id: acme, name: 艾克米}]\n", encoding="utf-8")
        (tmp_path / "bad.yaml").write_text(
            "kind: ratio\ndescription: d\ncue: [市盈率]\nsubjects: [acme]\nwindow: 3\n", encoding="utf-8")
        rule_set = load_rules([str(tmp_path / "pe.yaml"), str(tmp_path / "bad.yaml")])
        assert [d.message for d in rule_set.diagnostics] == ["unknown key 'window' for a ratio rule: `window` is a key "
                                                             "of count, derived, duration and number rules (allowed: kind, "
                                                             "description, level, subjects, entities, examples, cue, "
                                                             "margin, skip, keep, context, context_scope, context_default, require)"]
        [rule] = rule_set.rules
        index = EntityIndex(rule_set.entities)
        found = [extract(parse_article(text, name), [rule], index)[0]
                 for name, text in (("a.md", "艾克米市盈率达30倍。\n"), ("b.md", "艾克米的市盈率为三十五倍。\n"))]
        assert [[c.value.display() for c in claims] for claims in found] == [["30倍"], ["35倍"]]
        [finding] = compare([*found[0], *found[1]], {rule.id: rule})
        assert finding.kind == "disagreement" and str(finding.message) == "sources disagree: 30倍 vs 35倍"
    finally:
        monkeypatch.undo()
        rule_schema.cache_clear()
