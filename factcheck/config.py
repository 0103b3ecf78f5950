"""Project configuration: `.factcheck.yaml` or `[tool.factcheck]` in pyproject.toml.

Found by walking up from the working directory, like ruff or sqlfluff find
theirs; the nearest folder with either file wins (`.factcheck.yaml` first).
Paths in the file are relative to the folder that holds it. Command-line
options override the file; `factcheck config` prints the result.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from factcheck.records import LEVELS

CONFIG_NAME = ".factcheck.yaml"
KEYS = ("rules", "enable", "disable", "levels", "rounded_level", "ignore", "baseline", "timezone", "fail_on", "min_level",
        "outlets", "jobs", "cache_dir", "max_file_size")


class ConfigError(Exception):
    """A broken configuration file; the message is `path:line: message`."""


@dataclass(frozen=True)
class Config:
    source: str = ""  # the file it came from ("" = defaults)
    rules: tuple[str, ...] = ("rules",)
    enable: tuple[str, ...] = ()  # when set, only these rules run
    disable: tuple[str, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()  # rule id → level
    rounded_level: str = "warning"  # level of `rounded` findings, for rules that do not set their own
    ignore: tuple[str, ...] = ()  # globs of article paths to leave out
    baseline: str = ""
    timezone: str = "Asia/Shanghai"
    fail_on: str = "error"
    min_level: str = "info"
    outlets: str = ""
    jobs: int = 0  # 0: one per core
    cache_dir: str = ""  # "" : the user cache folder
    max_file_size: int = 10  # MB

    def as_dict(self) -> dict[str, Any]:
        return {f.name: (dict(v) if f.name == "levels" else list(v) if isinstance(v, tuple) else v)
                for f in fields(self) for v in [getattr(self, f.name)]}


def find_config(start: Path) -> Path | None:
    """The nearest `.factcheck.yaml`, or pyproject.toml with [tool.factcheck], at or above `start`."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.factcheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate `path` (None: the defaults)."""
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    if path.name == "pyproject.toml":
        data, lines = _from_pyproject(text, path)
    else:
        from factcheck.rules import RuleError, read_yaml

        try:
            data, located = read_yaml(text, str(path)) if text.strip() else ({}, {})
        except RuleError as error:
            raise ConfigError(str(error)) from None
        lines = {key[0]: line for key, line in located.items() if len(key) == 1}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the configuration is a mapping of keys to values")
    return _build(data, lines, path)


def _from_pyproject(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text).get("tool", {}).get("factcheck", {})
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}:{getattr(error, 'lineno', 0) or 0}: {error}") from None
    lines: dict[str, int] = {}
    in_section = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.startswith("[tool.factcheck")
        elif in_section and "=" in stripped:
            lines.setdefault(stripped.split("=", 1)[0].strip(), number)
    return data, lines


def _build(data: dict[str, Any], lines: dict[str, int], path: Path) -> Config:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{lines.get(key, 1)}: {message}")

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key {key!r} (allowed: {', '.join(KEYS)})")
    base = path.parent
    values: dict[str, Any] = {"source": str(path)}
    for key in ("rules", "enable", "disable", "ignore"):
        if key in data:
            items = data[key]
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise fail(key, f"{key}: expected a list of strings")
            values[key] = tuple(_relative(base, i) if key == "rules" else i for i in items)
    if "levels" in data:
        levels = data["levels"]
        if not isinstance(levels, dict) or not all(v in LEVELS for v in levels.values()):
            raise fail("levels", f"levels: expected rule-id: level, with level one of {', '.join(LEVELS)}")
        values["levels"] = tuple(sorted((str(k), str(v)) for k, v in levels.items()))
    for key, allowed in (("fail_on", (*LEVELS, "never")), ("min_level", LEVELS), ("rounded_level", LEVELS)):
        if key in data:
            if data[key] not in allowed:
                raise fail(key, f"{key}: {data[key]!r} is not one of {', '.join(allowed)}")
            values[key] = data[key]
    for key in ("baseline", "outlets", "cache_dir"):
        if key in data:
            if not isinstance(data[key], str):
                raise fail(key, f"{key}: expected a path")
            values[key] = _relative(base, data[key])
    if "timezone" in data:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(str(data["timezone"]))
        except (KeyError, ValueError):
            raise fail("timezone", f"timezone: unknown time zone {data['timezone']!r}") from None
        values["timezone"] = str(data["timezone"])
    for key in ("jobs", "max_file_size"):
        if key in data:
            if not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 0:
                raise fail(key, f"{key}: expected a whole number")
            values[key] = data[key]
    return Config(**values)


def _relative(base: Path, value: str) -> str:
    """A path from the config file, made usable from the working directory."""
    path = Path(value)
    if path.is_absolute():
        return value
    joined = base / path
    try:
        return str(joined.relative_to(Path.cwd()))
    except ValueError:
        return str(joined)

