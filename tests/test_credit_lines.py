"""Credit lines opening an article are no statement of it (tests/fixtures/credit_lines.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.load import parse_article
from factcheck.outlets import load_outlet_config

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "credit_lines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_a_credit_line_is_no_statement(case: dict[str, Any], tmp_path: Path) -> None:
    summary = f'summary: "{case["summary"]}"\n' if case["summary"] else ""
    text = f'---\ntitle: t\ndate: "2025-02-10 19:49:28"\n{summary}---\n' + "\n".join(case["body"]) + "\n"
    outlets = None
    if "outlets" in case:  # an outlets file of the case's own (docs/outlets.md: its `credits` are the words read)
        (tmp_path / "outlets.yaml").write_text(yaml.safe_dump(case["outlets"], allow_unicode=True), encoding="utf-8")
        outlets = load_outlet_config(str(tmp_path / "outlets.yaml"))
    article = parse_article(text, "a.md", outlets=outlets)
    body = [s.text for s in article.segments if s.paragraph >= 0 and not s.is_title]
    deck = [s.text for s in article.segments if s.paragraph < 0 and not s.is_title]
    assert body[0] == case["first"]
    assert (deck[0] if deck else "") == case["deck"]
