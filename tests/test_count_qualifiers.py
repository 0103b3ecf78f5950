"""Count rules read the built-in qualifiers as number rules do (tests/fixtures/count_qualifiers.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "count_qualifiers.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
def test_count_rules_read_the_built_in_qualifiers(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, "count")


def test_the_year_is_one_a_count_rule_may_ask_for(tmp_path: Path) -> None:
    (tmp_path / "count.yaml").write_text("kind: count\ndescription: a count\nunits: [辆]\ncue: [交付]\n"
                                         "qualifiers: [accounting, year]\n", encoding="utf-8")
    [rule] = load_rules([str(tmp_path)]).rules
    assert [c.name for c in rule.context] == ["accounting", "year"]
