"""An amount that is no level of its own, a difference (比上年同期多5833亿元: `measure: change`, change_amounts.yaml)
or a conversion into another currency (（约合365亿元人民币）: `measure: converted`, conversions.yaml), is never
compared with the levels sources state; English verbs of change read as Chinese ones do (english_changes.yaml:
the move's sign and subject, the level a change reaches, an amount of change, the figure a change starts from)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, assert_rule_case_reads, findings_of_case

CASES: dict[str, list[dict[str, Any]]] = {"reads": [], "compared": []}
for _name in ("change_amounts.yaml", "conversions.yaml", "english_changes.yaml"):
    for _key, _rows in yaml.safe_load((FIXTURES / _name).read_text(encoding="utf-8")).items():
        CASES[_key] += _rows


@pytest.mark.parametrize("case", CASES["reads"], ids=[c["source"][:40] for c in CASES["reads"]])
def test_an_amount_of_change_is_read_as_a_change(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))


@pytest.mark.parametrize("case", CASES["compared"], ids=[c["about"][:40] for c in CASES["compared"]])
def test_an_amount_of_change_is_not_compared_with_the_level(tmp_path: Path, case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [f.kind for f in findings] == case["findings"], case["about"]
