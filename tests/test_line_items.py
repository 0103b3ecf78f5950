"""A line item before a ；is not the value's when the value's statement names its own (line_items.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, assert_rule_case_reads, findings_of_case

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "line_items.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_a_line_item_is_the_one_its_statement_names(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))


UNKNOWN: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "unknown_line_items.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", UNKNOWN, ids=[c["about"][:40] for c in UNKNOWN])
def test_a_value_naming_no_line_item_clashes_only_as_a_warning(tmp_path: Path, case: dict[str, Any]) -> None:
    """unknown_line_items.yaml: a rule about a line item reads a value whose sentence names none; a clash is a warning."""
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings] == case["findings"], case["about"]
