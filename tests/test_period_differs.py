"""The same figure two sources give for different periods or years: a `period-differs` finding
(factcheck/periods.py), cases in tests/fixtures/period_differs.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.periods import significant_digits
from factcheck.pipeline import check
from factcheck.rules import load_rules

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "period_differs.yaml").read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_one_figure_for_two_periods_is_a_finding(tmp_path: Path, case: dict[str, Any]) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / f"{case['rule']}.yaml").write_text(FIXTURE["rules"][case["rule"]], encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, text) in case["articles"].items():
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{text}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    shown = [f for f in result.findings if f.kind == "period-differs" or f.level != "info"]
    assert [[f.kind, f.level, f.subject, sorted(c.value.display() for c in f.claims)] for f in shown] == case["findings"]
    for word in case.get("words", []):
        assert any(word in str(f.message) for f in shown), (word, [str(f.message) for f in shown])


@pytest.mark.parametrize(("written", "digits"), [("1510", 3), ("1555", 4), ("30.21", 4), ("30.10", 4),
                                                 ("100", 1), ("0.05", 1), ("1,050", 3)])
def test_significant_digits_are_those_written(written: str, digits: int) -> None:
    assert significant_digits(written) == digits


def test_the_documented_examples_make_the_documented_warning(tmp_path: Path) -> None:
    """docs/rules.md, "The same figure under two periods": the rule's two examples, as two outlets."""
    from tests.test_rule_surface import documented

    [(name, body)] = documented("### The same figure under two periods")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(body, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for i, example in enumerate(yaml.safe_load(body)["examples"]):
        (articles / f"outlet{i}.zh-CN.md").write_text(f"---\ndate: {example['published']}\n---\n\n{example['text']}\n",
                                                      encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    [found] = [f for f in result.findings if f.kind == "period-differs"]
    assert found.level == "warning"
    assert "the same 1510-1555亿美元 is given for 2025年一季度 and for 2025年" in str(found.message)
