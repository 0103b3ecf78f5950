"""Which outlet wrote an article: the label, or a byline when the label is an aggregator.

Four of the five seed articles carry the label `qq`, an aggregator; the real
outlets (机器之心, 每日经济新闻 …) are named in the body. The patterns live in
a documented data file (factcheck/data/outlets.yaml) that users can replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class OutletConfig:
    aggregators: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    aliases: tuple[tuple[str, str], ...]
    locales: tuple[tuple[str, str], ...] = ()  # outlet (casefolded) → locale (zh-HK): what a bare 元 means


class OutletConfigError(Exception):
    """The outlet file is unreadable or malformed; the message names file and line."""


def load_outlet_config(path: str | None = None) -> OutletConfig:
    """The byline configuration from `path`, or the one shipped with factcheck."""
    if path is None:
        return _default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OutletConfigError(f"{path}:0: cannot read: {error}") from None
    return _parse(text, path)


@lru_cache(maxsize=1)
def _default() -> OutletConfig:
    text = resources.files("factcheck.data").joinpath("outlets.yaml").read_text(encoding="utf-8")
    return _parse(text, "factcheck/data/outlets.yaml")


def _parse(text: str, path: str) -> OutletConfig:
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise OutletConfigError(f"{path}:{line}: {error.problem}") from None
    if not isinstance(data, dict):
        raise OutletConfigError(f"{path}:1: expected a mapping with aggregators, patterns, aliases")
    unknown = set(data) - {"aggregators", "patterns", "aliases", "locales"}
    if unknown:
        raise OutletConfigError(f"{path}:1: unknown key {sorted(unknown)[0]!r}")
    patterns = []
    for pattern in data.get("patterns") or []:
        try:
            compiled = re.compile(str(pattern), re.MULTILINE)
        except re.error as error:
            raise OutletConfigError(f"{path}:0: pattern {pattern!r} does not compile: {error}") from None
        if "outlet" not in compiled.groupindex:
            raise OutletConfigError(f"{path}:0: pattern {pattern!r} has no (?P<outlet>…) group")
        patterns.append(compiled)
    aliases = tuple(sorted((str(k), str(v)) for k, v in (data.get("aliases") or {}).items()))
    aggregators = frozenset(str(a).casefold() for a in data.get("aggregators") or [])
    locales = tuple(sorted((str(k).casefold(), str(v)) for k, v in (data.get("locales") or {}).items()))
    return OutletConfig(aggregators, tuple(patterns), aliases, locales)


def find_outlet(label: str, body_lines: list[str], config: OutletConfig | None = None) -> str:
    """The outlet to show for an article ("" when neither label nor byline names one).

    `body_lines` are the body as plain text (Markdown removed), one per line.
    """
    config = config or _default()
    if label and label.casefold() not in config.aggregators:
        return label
    text = "\n".join(body_lines)
    aliases = dict(config.aliases)
    for pattern in config.patterns:
        match = pattern.search(text)
        if match:
            name = match.group("outlet").strip()
            return aliases.get(name, name)
    return ""


def has_outlet(label: str, outlet: str, path: str, config: OutletConfig | None = None) -> bool:
    """Whether an article names who wrote it: not when all it has is an aggregator's label (or its file name)."""
    config = config or _default()
    return bool(outlet) and outlet != path and not (outlet == label and label.casefold() in config.aggregators)


def outlet_locale(outlet: str, config: OutletConfig | None = None) -> str:
    """The locale the outlets file gives an outlet ("" when it gives none)."""
    config = config or _default()
    return dict(config.locales).get(outlet.casefold(), "")
