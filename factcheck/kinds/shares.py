"""Shares written as words, read as percentages: 一半, 半数, 过半, 三分之一, 四分之三.

`value: percent` number rules read these beside 30% and 七成 (which the
quantity normalizer already reads): 近一半 is just under 50%, 逾半数 and
半数以上 over 50%, 不足三分之一 under 33.3%. A share in words is as precise
as a whole percent (±0.5), so 三分之一 agrees with 33% and 33.3%, not with 30%.

The normalize package is gaining a fraction reader (一半, 三成, 三分之一);
when it is merged, `share_spans` should call it instead of this one.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.kinds.amounts import QUALIFIER
from factcheck.normalize.numbers import APPROX_AFTER, APPROX_BEFORE, NumberInterval, cn_integer, qualify
from factcheck.normalize.quantities import QuantitySpan
from factcheck.values import Quantity

_DIGITS = "一二两三四五六七八九十百"
_SHARE = re.compile(
    rf"(?P<before>{QUALIFIER}|过|大)?(?P<core>(?P<den>[{_DIGITS}\d]+)分之(?P<num>[{_DIGITS}\d]+)|一半|半数|(?<=[过超逾近])半)"
    r"(?P<after>以上|以下|左右|强|弱)?")
_HALF_STEP = Decimal("0.5")  # percentage points either side: as precise as a whole percent
_BEFORE = {**APPROX_BEFORE, "过": "over", "大": "over"}
_AFTER = {**APPROX_AFTER, "强": "over", "弱": "near"}


def _integer(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_integer(text)


def share_spans(text: str) -> list[QuantitySpan]:
    """Shares in words in `text`, as percent quantities with their offsets."""
    spans: list[QuantitySpan] = []
    for match in _SHARE.finditer(text):
        if match.group("den"):
            den, num = _integer(match.group("den")), _integer(match.group("num"))
            if not den or num is None or num > den:
                continue
            percent = (Decimal(100) * num / den).quantize(Decimal("0.01"))
        else:
            percent = Decimal(50)
        core = NumberInterval(percent, percent - _HALF_STEP, percent + _HALF_STEP, "", Decimal(1))
        approx = _AFTER.get(match.group("after") or "", "") or _BEFORE.get(match.group("before") or "", "")
        number = qualify(core, approx)
        quantity = Quantity(number.value, number.low, number.high, "%", number.approx, match.group(0))
        spans.append(QuantitySpan(match.start(), match.end(), quantity, match.start("core")))
    return spans
