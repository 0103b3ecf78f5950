"""factcheck: a cross-source fact-consistency checker for news.

The pipeline, one package or module per stage: load → rules → kinds/normalize
→ extract → compare → report. The names below are the library's public API
(docs/api.md); each is imported on first use, so `import factcheck` stays
instant and the command line's `--help` loads nothing heavy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.2.0"

# public name → the module that defines it
_PUBLIC: dict[str, str] = {
    "check": "factcheck.pipeline",
    "Options": "factcheck.pipeline",
    "load_rules": "factcheck.rules",
    "RuleSet": "factcheck.rules",
    "parse_number": "factcheck.normalize.numbers",
    "parse_quantity": "factcheck.normalize.quantities",
    "find_quantities": "factcheck.normalize.quantities",
    "parse_change": "factcheck.normalize.quantities",
    "parse_date": "factcheck.normalize.dates",
    "find_dates": "factcheck.normalize.dates",
    "EntityIndex": "factcheck.normalize.entities",
    "to_dict": "factcheck.report.serialize",
    "render": "factcheck.report",
}

__all__ = ["__version__", *sorted(_PUBLIC)]


def __getattr__(name: str) -> Any:
    """Load a public name's module when the name is first used (PEP 562)."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
