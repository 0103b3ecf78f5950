"""A disagreement says what slip of writing its figures show (a factor of ten, a sign, two swapped digits)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.kinds.slips import slip
from factcheck.normalize.quantities import negate, parse_quantity

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "slips.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_the_slip_two_figures_show(case: dict[str, Any]) -> None:
    a, b = parse_quantity(case["a"]), parse_quantity(case["b"])
    assert a is not None and b is not None
    if case.get("negate"):
        a = negate(a)
    assert slip(a, b) == case["why"]
    assert slip(b, a) == case["why"]
