"""A total summed up to a point (累计) is the measure `cumulative`, not a period's figure (cumulative.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, assert_rule_case_reads, findings_of_case

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load((FIXTURES / "cumulative.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["reads"], ids=[c["source"][:40] for c in CASES["reads"]])
def test_a_cumulative_total_is_read_as_one(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, "number")


@pytest.mark.parametrize("case", CASES["compares"], ids=[c["about"][:40] for c in CASES["compares"]])
def test_a_cumulative_total_is_not_compared_with_a_periods_figure(tmp_path: Path, case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings if f.level != "info"] == case["findings"], case["about"]
