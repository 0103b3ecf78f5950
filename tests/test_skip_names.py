"""A skip word that is a whole declared name skips; one inside a longer name does not
(tests/fixtures/skip_names.yaml, docs/rules.md "Skip words")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "skip_names.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].split(' ', 1)[0].rsplit('/', 1)[-1]}-{i}"
                                             for i, c in enumerate(CASES)])
def test_a_skip_word_that_is_a_name_skips_and_one_inside_a_longer_name_does_not(
        tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))


HOLDING_CUE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "skip_holding_cue.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", HOLDING_CUE, ids=[str(i) for i in range(len(HOLDING_CUE))])
def test_a_skip_word_holding_the_cue_skips_though_it_ends_after_the_cue(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case["kind"])


REACH: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "skip_reach.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", REACH, ids=[str(i) for i in range(len(REACH))])
def test_a_skip_word_reaches_its_statement_before_the_claim_and_its_clause_after(
        tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case["kind"])
