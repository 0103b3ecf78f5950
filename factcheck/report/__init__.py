"""Stage 6: reports. Every format renders from one sorted serialization
(`serialize.to_dict`), so formats never disagree about what was found.

Each format is a module with `render(data: dict, color: bool) -> str`,
imported only when asked for, so `--help` stays instant. The formats people
read (FOR_PEOPLE) get the data with every control and bidi character made
visible (`common.for_people`), so no article can drive a terminal or reorder a
line; the machine formats keep the exact text (JSON escapes what it must).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import Any

FORMATS: dict[str, str] = {
    "text": "factcheck.report.text",
    "json": "factcheck.report.json_report",
    "jsonl": "factcheck.report.jsonl",
    "markdown": "factcheck.report.markdown",
    "html": "factcheck.report.html",
    "sarif": "factcheck.report.sarif",
    "github": "factcheck.report.github",
    "junit": "factcheck.report.junit",
    "concise": "factcheck.report.concise",
}
LANG_FORMATS = frozenset({"text", "markdown", "html"})  # the formats that speak --lang
FOR_PEOPLE = frozenset({"text", "concise", "markdown", "html", "github", "junit"})


def _prepared(fmt: str, data: dict[str, Any]) -> dict[str, Any]:
    if fmt not in FOR_PEOPLE:
        return data
    from factcheck.report.common import for_people

    return for_people(data)


def render(fmt: str, data: dict[str, Any], color: bool = False, lang: str = "en", summary: bool = False) -> str:
    """The report in format `fmt` (one of FORMATS), in `lang` where the format speaks it;
    `summary`: the short Markdown form for a pull-request comment."""
    options: dict[str, Any] = {"lang": lang} if fmt in LANG_FORMATS else {}
    if summary:
        options["summary"] = True
    return import_module(FORMATS[fmt]).render(_prepared(fmt, data), color=color, **options)


def streams(fmt: str) -> bool:
    """Whether format `fmt` writes its report piece by piece (a `chunks` function): it then takes
    the serialization's long lists as `serialize.Rows`, made into dicts one row at a time."""
    return hasattr(import_module(FORMATS[fmt]), "chunks")


def stream(fmt: str, data: dict[str, Any], color: bool = False, lang: str = "en",
           summary: bool = False) -> Iterable[str]:
    """The report as pieces to write one after another: formats that can stream
    (a `chunks` function) never hold the whole text in memory."""
    module = import_module(FORMATS[fmt])
    if hasattr(module, "chunks"):
        return module.chunks(_prepared(fmt, data))
    return [render(fmt, data, color=color, lang=lang, summary=summary)]
