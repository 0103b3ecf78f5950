"""Prior figures differ by vintage (kinds/qualifiers.priors_only): cases in tests/fixtures/prior_vintages.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.pipeline import check
from factcheck.rules import load_rules

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "prior_vintages.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FIXTURE["cases"], ids=[c["source"][:50] for c in FIXTURE["cases"]])
def test_priors_that_differ_are_shown_side_by_side(tmp_path: Path, case: dict[str, Any]) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ppi.yaml").write_text(FIXTURE["rule"], encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, text) in case["articles"].items():
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{text}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    found = [[f.kind, f.level, sorted(c.value.display() for c in f.claims)] for f in result.findings
             if f.kind != "context-differs" or all(c.context_dict().get("measure") == "prior" for c in f.claims)]
    assert sorted(found) == sorted(case["findings"])
