"""A line item before a ；is not the value's when the value's statement names its own (line_items.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, assert_rule_case_reads

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "line_items.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_a_line_item_is_the_one_its_statement_names(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))
