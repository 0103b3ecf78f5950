"""Why two figures that disagree may differ, when the figures themselves tell: a slip of writing.

`175.5亿` against `1755.43亿` is one figure with the decimal point (or 亿/十亿) moved: a factor of
ten. `4.5%` against `-4.5%` is one move read the wrong way. `441.79` against `447.19` holds the
same digits with two swapped. An editor checking a disagreement wants that said beside it; a
basis difference (total vs attributable) never looks like this, so compare.other_basis does not
count such a pair as a sign of two bases.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.records import Message
from factcheck.values import Quantity, Value

_POWERS = (10, 100, 1000, 10000)
_CLOSE = Decimal("0.005")  # the ratio within half a percent of a power of ten: 1755.43 / 175.5 = 10.0025


def slip(a: Value, b: Value) -> Message | None:
    """The slip of writing that turns one value into the other, as its message (report/messages.py
    `slip.*`); None when none shows."""
    if not isinstance(a, Quantity) or not isinstance(b, Quantity) or a.unit != b.unit:
        return None
    if a.approx or b.approx or a.is_range or b.is_range or not a.value or not b.value:
        return None
    if a.value == -b.value:
        return Message.of("slip.sign_turned")
    big, small = sorted((abs(a.value), abs(b.value)), reverse=True)
    for power in _POWERS:
        if abs(big / small - power) <= power * _CLOSE and (a.value > 0) == (b.value > 0):
            return Message.of("slip.factor_apart", power=power)
    if _swapped(_digits(a.raw), _digits(b.raw)):
        return Message.of("slip.digits_swapped")
    return None


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())


def _swapped(one: str, other: str) -> bool:
    """Whether two digit strings differ only by two neighbouring digits swapped (4179 / 4719)."""
    if len(one) != len(other) or len(one) < 3 or one == other:
        return False
    apart = [i for i, (x, y) in enumerate(zip(one, other, strict=True)) if x != y]
    return (len(apart) == 2 and apart[1] == apart[0] + 1
            and one[apart[0]] == other[apart[1]] and one[apart[1]] == other[apart[0]])
