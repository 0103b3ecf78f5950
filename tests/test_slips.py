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


@pytest.mark.parametrize(("english", "chinese"), [
    ("1755.43亿 CNY (leinews, a.md:77) vs 175.5亿 CNY (iyiou, b.md:56): a factor of 10 apart: "
     "a slip of the decimal point or the unit (万/亿)?",
     "1755.43亿 CNY (leinews, a.md:77) 与 175.5亿 CNY (iyiou, b.md:56)：相差 10 倍：小数点或单位（万/亿）写错？"),
    ("warning, not error: 19.2% (iyiou, b.md:48) does not state period",
     "警告而非错误：19.2% (iyiou, b.md:48) 未说明period"),
    ("warning, not error: 19.2% (iyiou, b.md:48) reads day from the publish time",
     "警告而非错误：19.2% (iyiou, b.md:48) 的 日期 取自发布时间 为推断"),
    # both clauses of kinds/base.py _unsure: the second was left in English after 未说明
    ("warning, not error: 19.2% (iyiou, b.md:48) does not state period, market; reads day from the publish time",
     "警告而非错误：19.2% (iyiou, b.md:48) 未说明period、市场；的 日期 取自发布时间 为推断"),
])
def test_a_slip_and_a_lowered_level_are_said_in_chinese_too(english: str, chinese: str) -> None:
    from factcheck.report.messages import finding_text

    assert finding_text("zh", english) == chinese
