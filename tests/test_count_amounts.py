"""The numbers count rules read before their unit words (tests/fixtures/normalize/counts.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.kinds.amounts import amounts
from factcheck.kinds.matching import matching_text

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "normalize" / "counts.yaml").read_text(encoding="utf-8"))


def _show(number, unit: str) -> str:
    mark = {"over": ">", "under": "<", "about": "≈", "near": "≈<", "": ""}[number.approx]
    if number.is_range:
        return f"{format(number.low.normalize(), 'f')}..{format(number.high.normalize(), 'f')} {unit}"
    return f"{mark}{format(number.value.normalize(), 'f')} {unit}"


@pytest.mark.parametrize("case", CASES, ids=[c["input"] for c in CASES])
def test_count_amounts(case: dict) -> None:
    text = matching_text(case["input"])
    found = [_show(a.number, a.word) for a in amounts(text, tuple(case["units"]), 0, len(text))]
    assert found == case["find"], case["source"]


def test_the_documented_multiple_range_reads_as_one_range(tmp_path: Path) -> None:
    """docs/rules.md, "`count` rules": the range written with 倍 after each bound (3倍-5倍) is one range."""
    from factcheck.rule_examples import check_examples
    from factcheck.rules import load_rules

    docs = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    body = docs.split("```yaml\n# rules/online-offline-ratio.yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "online-offline-ratio.yaml").write_text(body, encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == () and len(rule_set.rules) == 1
    assert [d.message for d in check_examples(rule_set)] == []


DURATIONS = yaml.safe_load((Path(__file__).parent / "fixtures" / "normalize" / "duration_ranges.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DURATIONS, ids=[c["input"][:12] for c in DURATIONS])
def test_duration_ranges(case: dict) -> None:
    from factcheck.kinds.duration import DURATION, read_duration

    text = matching_text(case["input"])
    found = [d.display() for d in map(read_duration, DURATION.finditer(text)) if d is not None]
    assert found == case["find"], case["source"]
