"""Line item, period, year, basis and measure: the recipes of docs/rules.md read real sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_main

from factcheck.extract import extract
from factcheck.kinds.qualifiers import comparison_spans, cue_metrics
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
RECIPES = ROOT / "examples" / "recipes"
CASES: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "fixtures" / "qualifiers.yaml").read_text("utf-8"))


@pytest.mark.parametrize("recipe", sorted(p.name for p in RECIPES.iterdir() if p.is_dir()))
def test_each_recipe_passes_factcheck_rules_check(recipe: str) -> None:
    done = run_main("rules", "check", "--rules", str(RECIPES / recipe))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith(" 0 failing\n")


@pytest.mark.parametrize("case", CASES, ids=[c["source"] for c in CASES])
def test_recipes_read_line_item_period_basis_and_measure(case: dict[str, Any]) -> None:
    rule_set = load_rules([str(RECIPES / case["recipe"])])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    read = [{"rule": c.rule_id, "value": c.value.display(), **c.context_dict()}
            for c in sorted(claims, key=lambda c: (c.rule_id, c.span[0]))]
    for rule in sorted({e["rule"] for e in case["claims"]}):
        wanted = [e for e in case["claims"] if e["rule"] == rule]
        mine = [r for r in read if r["rule"] == rule]
        assert _in_order(wanted, mine), (wanted, mine)
    for gone in case.get("absent", []):
        assert not [r for r in read if (r["rule"], r["value"]) == (gone["rule"], gone["value"])]


def _in_order(wanted: list[dict[str, str]], read: list[dict[str, str]]) -> bool:
    """Whether each wanted claim is read, by distinct claims in sentence order (only its keys compared)."""
    remaining = iter(read)
    return all(any({k: r.get(k, "") for k in item} == item for r in remaining) for item in wanted)


@pytest.mark.parametrize(("text", "phrase"), [
    ("投后估值将相较上一轮融资后翻倍", "相较上一轮融资后"),
    ("净利润较去年同期增长5%", "较去年同期"),
    ("与去年同期相比增长3%", "与去年同期相比"),
])
def test_a_comparison_phrase_runs_from_its_marker_to_the_change_word(text: str, phrase: str) -> None:
    assert [text[a:b] for a, b in comparison_spans(text)] == [phrase]


@pytest.mark.parametrize(("text", "phrase"), [
    # corpus/bulk/27ece95dc6a7e1507750e06ff694c627.en.md:34
    ("Robinhood's overall revenue in the fourth quarter is estimated to land at $934.9 million, "
     "up from $660.5 three months earlier, according to FactSet.", "up from "),
    # the same phrase opening a sentence (REVIEW17 minor note: `up from` was case-sensitive)
    ("Up from $660.5 three months earlier.", "Up from "),
])
def test_an_english_comparison_phrase_is_read_in_any_case(text: str, phrase: str) -> None:
    assert [text[a:b] for a, b in comparison_spans(text)] == [phrase]


def test_a_company_name_holding_bi_is_no_comparison() -> None:
    assert comparison_spans("比亚迪第四季度营收增长") == []


def test_a_cue_word_holding_two_line_items_implies_both_in_order() -> None:
    """票房收入 holds 票房 and 收入: both, in order (was a set's order, so it changed with the hash seed)."""
    assert cue_metrics(["累计票房", "票房收入"]) == ("票房", "收入")
    assert cue_metrics(["每股盈利", "净利润为"]) == ("每股盈利", "净利润")


def test_comparable_eps_is_no_comparison() -> None:
    """可比每股收益 (comparable EPS, clusters/coca-cola-q4-2024-results-2025-02-11/20250211A081H7.zh-CN.md:2)."""
    assert comparison_spans("可口可乐第四季度可比每股收益0.55美元") == []


COUNTED_UNITS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "counted_units.yaml").read_text("utf-8"))
_GROWTH_PROBE = """kind: number
description: a growth probe (tests/fixtures/counted_units.yaml)
value: percent
cue: [增长, 增加, 增持, 增长率]
qualifiers: [basis, measure]
examples: []
"""


@pytest.mark.parametrize("case", COUNTED_UNITS, ids=[c["source"] for c in COUNTED_UNITS])
def test_a_unit_and_change_after_a_count_is_no_basis(case: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "growth.yaml").write_text(_GROWTH_PROBE, "utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "2025-02-11 10:00"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    read = {c.value.display(): c.context_dict().get("basis", "") for c in claims}
    assert read.get(case["value"]) == case["basis"], read
