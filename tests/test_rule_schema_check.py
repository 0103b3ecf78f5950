"""The compiled schema check passes exactly the rule files jsonschema passes (issue 14: rule loading).

rules.validate trusts the compiled check (fastjsonschema) when it passes a file and asks jsonschema
otherwise; that is only right if the compiled check never passes a file jsonschema refuses."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from factcheck.kinds.base import RuleError
from factcheck.kinds.schema import rule_schema
from factcheck.rules import _compiled_schema, validate

REPO = Path(__file__).resolve().parent.parent
TABLE = yaml.safe_load((REPO / "tests" / "fixtures" / "speed_equivalents.yaml").read_text(encoding="utf-8"))
RULE_FILES = sorted([*REPO.glob("rules/*.yaml"), *REPO.glob("examples/**/*.yaml"), *REPO.glob("seeds/**/*.yaml")])
# values a contributor may write where another type belongs (YAML gives exactly these Python types)
ODD_VALUES: list[Any] = [True, False, 0, 1, 1.0, 1.5, -1, "", "x", "5%\n", [], ["x"], [1], [True], [["x"]], [{}], {},
                         {"x": 1}, None]


def _compiled_passes(document: Any) -> bool:
    try:
        _compiled_schema()(copy.deepcopy(document))
    except Exception:  # a refusal, or a value the compiled check cannot judge
        return False
    return True


def _jsonschema_passes(document: Any) -> bool:
    return Draft202012Validator(rule_schema()).is_valid(document)


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TABLE["schema_documents"], ids=lambda case: case["source"])
def test_a_document_gets_jsonschemas_verdict(case: dict[str, Any]) -> None:
    document = {**_load(REPO / case["file"]), **case.get("set", {})}
    assert _jsonschema_passes(document) is case["valid"]
    if case["valid"]:
        validate(document, {}, case["file"])
    else:
        with pytest.raises(RuleError):
            validate(document, {}, case["file"])


def test_every_rule_file_of_the_repository_passes_both() -> None:
    assert len(RULE_FILES) > 40
    for path in RULE_FILES:
        document = _load(path)
        assert _jsonschema_passes(document), path
        assert _compiled_passes(document), path


def test_the_compiled_check_never_passes_a_file_jsonschema_refuses() -> None:
    """Each key of each kind, as the first rule file of the repository holding it has it (and a key no
    kind knows), set to each odd value: wherever the compiled check passes the file, jsonschema passes it too."""
    checked = refused = 0
    seen: set[tuple[str, str]] = set()
    for path in RULE_FILES:
        document = _load(path)
        for key in [*document, "unknown_key"]:
            if (document["kind"], key) in seen:
                continue
            seen.add((document["kind"], key))
            for value in ODD_VALUES:
                changed = {**document, key: value}
                checked += 1
                if _compiled_passes(changed):
                    assert _jsonschema_passes(changed), (path, key, value)
                else:
                    refused += 1
    assert refused > checked // 2  # most of these changes are errors: the check is asked something


def test_checking_rule_files_leaves_the_schema_as_shipped() -> None:
    """fastjsonschema rewrites the `$ref`s of the schema it compiles: it must be given a copy, or the
    schema jsonschema reads and `factcheck rules schema` writes would change once a rule file is read."""
    from factcheck.kinds.schema import SHIPPED, schema_text
    from factcheck.rules import load_rules

    load_rules([str(REPO / "rules")])
    assert schema_text() == SHIPPED.read_text(encoding="utf-8")


def _inner_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place below the top level of a rule document: each key of a nested mapping, each list item."""
    found: list[tuple[Any, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        if path:
            found.append((*path, key))
        found.extend(_inner_paths(child, (*path, key)))
    return found


def _shape(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple("[]" if isinstance(step, int) else step for step in path)


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def test_the_compiled_check_never_passes_a_file_jsonschema_refuses_below_the_top_level() -> None:
    """The same below the top level (REVIEW15 #12): each nested place of each kind (a context spec's name, an
    entity's aliases, a state's words, a list item), as the first rule file holding it has it, set to each
    odd value: wherever the compiled check passes the file, jsonschema passes it too."""
    checked = refused = 0
    seen: set[tuple[Any, ...]] = set()
    for path in RULE_FILES:
        document = _load(path)
        for place in _inner_paths(document):
            if (document["kind"], _shape(place)) in seen:
                continue
            seen.add((document["kind"], _shape(place)))
            for value in ODD_VALUES:
                changed = _set(document, place, value)
                checked += 1
                if _compiled_passes(changed):
                    assert _jsonschema_passes(changed), (path, place, value)
                else:
                    refused += 1
    assert checked > 500 and refused > checked // 4  # nested places were asked, and many changes are errors
