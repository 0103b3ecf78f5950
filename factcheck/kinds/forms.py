"""The kind-side readings `factcheck normalize` shows beside the normalizers':
durations and (for the unit words count rules declare) counts,
read from the text as rules see it (folded, format characters removed), with
offsets in the text as typed."""

from __future__ import annotations

from typing import Any

from factcheck.kinds.amounts import amounts
from factcheck.kinds.count import Count
from factcheck.kinds.duration import DURATION, read_duration
from factcheck.kinds.matching import matching_view
from factcheck.records import Segment


def kind_spans(text: str, units: tuple[str, ...] = (), durations: bool = True) -> list[dict[str, Any]]:
    """Spans as `factcheck normalize` prints them (start, end, kind, text, value): counts in
    `units`, and durations when asked (a duration rule is loaded)."""
    view = matching_view(Segment(text, 1, (0,), 0))
    folded = view.folded
    found: list[tuple[int, int, str, dict[str, Any]]] = []
    for match in DURATION.finditer(folded) if durations else ():
        duration = read_duration(match)
        if duration is not None:
            found.append((match.start(), match.end(), "duration", duration.to_dict()))
    for unit in units:
        for amount in amounts(folded, (unit,), 0, len(folded)):
            number = amount.number
            count = Count(number.value, number.low, number.high, unit, number.approx, amount.text,
                          is_range=number.is_range)
            found.append((amount.start, amount.end, "count", count.to_dict()))
    spans = []
    for start, end, kind, value in found:
        raw_start, raw_end = view.raw_span(start, end)
        spans.append({"start": raw_start, "end": raw_end, "kind": kind, "text": text[raw_start:raw_end], "value": value})
    return spans
