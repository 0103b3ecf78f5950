"""Credit lines opening an article are no statement of it (tests/fixtures/credit_lines.yaml)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.load import parse_article

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "credit_lines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_a_credit_line_is_no_statement(case: dict[str, Any]) -> None:
    summary = f'summary: "{case["summary"]}"\n' if case["summary"] else ""
    text = f'---\ntitle: t\ndate: "2025-02-10 19:49:28"\n{summary}---\n' + "\n".join(case["body"]) + "\n"
    article = parse_article(text, "a.md")
    body = [s.text for s in article.segments if s.paragraph >= 0 and not s.is_title]
    deck = [s.text for s in article.segments if s.paragraph < 0 and not s.is_title]
    assert body[0] == case["first"]
    assert (deck[0] if deck else "") == case["deck"]
