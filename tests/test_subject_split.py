"""One value under two subjects in two sources is said, not dropped (fixtures/subject_split.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set

from factcheck.compare import compare
from factcheck.extract import extract, relevance
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

CASES = yaml.safe_load((FIXTURES / "subject_split.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_value_split_across_subjects_is_said(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    claims = []
    for name in ("a", "b", "c"):
        if name not in case:
            continue  # a third source, where a case needs one
        source = case[name]
        article = parse_article(f'---\ndate: "{source["published"]}"\n---\n{source["text"]}\n', f"{name}.md",
                                relevant=relevance(rule_set.rules))
        claims.extend(extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0])
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [[f.kind, f.level, dict(f.context).get("subject", f.subject)] for f in findings] == case["findings"]
    for split in (f for f in findings if "subject" in dict(f.context)):  # each claim listed once, not each pair
        assert [d.split(" (")[1] for d in split.lines] == [f"{c.outlet}, {c.article}:{c.line})" for c in split.claims]
