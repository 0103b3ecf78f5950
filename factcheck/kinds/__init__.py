"""Rule kinds: one module each, registered here and nowhere else.

`KINDS` maps a rule file's `kind:` to the object that builds, finds,
compares and describes that kind (the interface is `kinds.base.Kind`).
Adding a kind is a module beside these and one line below; see
docs/architecture.md.
"""

from __future__ import annotations

from typing import Any

from factcheck.kinds.base import Kind
from factcheck.kinds.count import CountKind
from factcheck.kinds.date import DateKind
from factcheck.kinds.derived import DerivedKind
from factcheck.kinds.duration import DurationKind
from factcheck.kinds.number import NumberKind
from factcheck.kinds.set import SetKind
from factcheck.kinds.status import StatusKind

KINDS: dict[str, Kind[Any]] = {
    "number": NumberKind(),
    "date": DateKind(),
    "set": SetKind(),
    "status": StatusKind(),
    "count": CountKind(),
    "duration": DurationKind(),
    "derived": DerivedKind(),
}


def kind_of(name: str) -> Kind[Any]:
    """The kind called `name`; a name no module registers lists the valid ones."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown rule kind {name!r} (valid: {', '.join(KINDS)})") from None
