"""The character lists of kinds/roles_reading.py's pointers and object markers, each grown from evidence
(REVIEW15 #14): real snippets of its most common misses and of the near misses that must stay."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from factcheck.kinds.english_subjects import pointer_pattern
from factcheck.kinds.roles_reading import ANAPHORA, OBJECT_MARKERS

CASES = yaml.safe_load((FIXTURES / "pointer_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [c for c in CASES if "pointer" in c], ids=lambda c: c["text"])
def test_a_person_pointer_is_read_only_where_it_is_one(case: dict) -> None:
    found = [m.group(0) for m in ANAPHORA.finditer(case["text"]) if m.group(0) in ("他", "她")]
    assert (found[0] if found else None) == case["pointer"]


@pytest.mark.parametrize("case", [c for c in CASES if "marker" in c], ids=lambda c: c["text"])
def test_zai_marks_where_something_happens_only_as_a_preposition(case: dict) -> None:
    assert (OBJECT_MARKERS.search(case["text"]) is not None) == case["marker"]


@pytest.mark.parametrize("case", [c for c in CASES if "company_pointer" in c], ids=lambda c: c["text"])
def test_an_english_company_pointer_is_a_definite_description(case: dict) -> None:
    """`The company’s Q4 revenue…` points back as 该公司 does; a plural or `the group` does not."""
    found = pointer_pattern().search(case["text"])
    assert (found.group(0) if found else None) == case["company_pointer"]
