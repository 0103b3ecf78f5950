"""Every normalizable span of a text, for `factcheck normalize` (rule writers'
debugging): the same functions extraction uses, so what it shows is what
rules see."""

from __future__ import annotations

from datetime import date
from typing import Any

from factcheck.normalize.dates import find_dates
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.numbers import parse_number
from factcheck.normalize.quantities import find_quantities
from factcheck.records import Entity


def normalize_text(text: str, anchor: date | None, kind: str = "all",
                   entities: tuple[Entity, ...] = ()) -> list[dict[str, Any]]:
    """Spans as plain dicts (start, end, kind, text, value), in reading order."""
    spans: list[dict[str, Any]] = []
    if kind == "number":
        parsed = parse_number(text)
        if parsed is not None:
            spans.append({"start": 0, "end": len(text), "kind": "number", "text": text,
                          "value": {"type": "number", "display": format(parsed.value.normalize(), "f"),
                                    "raw": text, "step": format(parsed.step.normalize(), "f")}})
        return spans
    if kind in ("all", "quantity"):
        for span in find_quantities(text):
            spans.append({"start": span.start, "end": span.end, "kind": "quantity",
                          "text": text[span.start:span.end], "value": span.quantity.to_dict()})
    if kind in ("all", "date"):
        for found in find_dates(text, anchor):
            spans.append({"start": found.start, "end": found.end, "kind": "date",
                          "text": text[found.start:found.end], "value": found.value.to_dict()})
    if kind in ("all", "entity") and entities:
        index = EntityIndex(entities)
        for mention in index.mentions(text):
            name = index.entities[mention.entity_id].name
            spans.append({"start": mention.start, "end": mention.end, "kind": "entity",
                          "text": text[mention.start:mention.end],
                          "value": {"type": "entity", "display": f"{mention.entity_id} ({name})",
                                    "raw": text[mention.start:mention.end], "id": mention.entity_id}})
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["kind"]))
