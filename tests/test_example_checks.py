"""`rules check` fails an example whose sentence also yields a value at odds with the expected one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.rule_examples import check_examples
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "example_checks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:50] for c in CASES])
def test_an_example_fails_when_its_sentence_contradicts_it(tmp_path: Path, case: dict[str, Any]) -> None:
    rule = {**case["rule"], "examples": [{"text": case["text"], "expect": case["expect"]}]}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    messages = [d.message for d in check_examples(rule_set)]
    flat = " ".join(case["text"].split())
    quoted = f'"{flat[:30]}…"' if len(flat) > 30 else f'"{flat}"'
    assert messages == ([f"example does not hold ({quoted}): {case['fails']}"] if case["fails"] else [])
