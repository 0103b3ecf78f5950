"""Project configuration: `.factcheck.yaml` or `[tool.factcheck]` in pyproject.toml.

Found by walking up from the working directory, like ruff or sqlfluff find
theirs; the nearest folder with either file wins (`.factcheck.yaml` first).
Paths in the file are relative to the folder that holds it. Command-line
options override the file; `factcheck config` prints the result.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from factcheck.records import LEVELS, Diagnostic, DiagnosticError, Level

CONFIG_NAME = ".factcheck.yaml"
KEYS = ("rules", "enable", "disable", "levels", "rounded_level", "ignore", "baseline", "timezone", "fail_on", "min_level",
        "outlets", "jobs", "cache_dir", "max_file_size", "corpus", "articles")
IGNORE_FILE = ".factcheckignore"
MAX_JOBS = 64  # worker processes: a pull request's configuration must not fork hundreds
MAX_FILE_SIZE = 1024  # MB


class ConfigError(DiagnosticError):
    """A broken configuration file; carries its one-line diagnostic."""


@dataclass(frozen=True)
class Config:
    source: str = ""  # the file it came from ("" = defaults)
    rules: tuple[str, ...] = ("rules",)
    enable: tuple[str, ...] = ()  # when set, only these rules run
    disable: tuple[str, ...] = ()
    levels: tuple[tuple[str, Level], ...] = ()  # rule id → level
    rounded_level: Level = "warning"  # level of `rounded` findings, for rules that do not set their own
    ignore: tuple[str, ...] = ()  # globs of article paths to leave out
    baseline: str = ""
    timezone: str = "Asia/Shanghai"
    fail_on: str = "error"
    min_level: str = "info"
    outlets: str = ""
    jobs: int = 0  # 0: one per core
    cache_dir: str = ""  # "" : the user cache folder
    max_file_size: int = 10  # MB
    corpus: tuple[str, ...] = ()  # the published articles drafts are checked against (pre-commit)
    articles: tuple[str, ...] = ()  # patterns of the files --pre-commit reads (): any article file in the corpus
    root: str = ""  # the folder `ignore` and `articles` patterns are relative to ("" : the working folder)
    lines: tuple[tuple[str, int], ...] = ()  # key → its line in `source`

    def as_dict(self) -> dict[str, Any]:
        return {f.name: (dict(v) if f.name == "levels" else list(v) if isinstance(v, tuple) else v)
                for f in fields(self) if f.name not in ("lines", "root") for v in [getattr(self, f.name)]}

    def line(self, key: str) -> int:
        return dict(self.lines).get(key, 1)


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
    except OSError as error:
        raise ConfigError(Diagnostic(str(path), 0, f"cannot read: {error.strerror or error}")) from None
    except UnicodeDecodeError:
        raise ConfigError(Diagnostic(str(path), 1, "not valid UTF-8")) from None
    if path.name == "pyproject.toml":
        data, lines = _from_pyproject(text, path)
    else:
        from factcheck.safe_yaml import YAMLError, load

        try:
            data, located = load(text, str(path))
        except YAMLError as error:
            raise ConfigError(error.diagnostic) from None
        data = {} if data is None else data
        lines = {key[0]: line for key, line in located.items() if len(key) == 1}
    if not isinstance(data, dict):
        raise ConfigError(Diagnostic(str(path), 1, "the configuration is a mapping of keys to values"))
    return _build(data, lines, path)


def _from_pyproject(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text).get("tool", {}).get("factcheck", {})
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+)", str(error))
        where = int(found.group(1)) if found else max(text.count("\n"), 1)
        raise ConfigError(Diagnostic(str(path), where, f"TOML syntax: {str(error).split(' (at ')[0]}")) from None
    except RecursionError:
        raise ConfigError(Diagnostic(str(path), 1, "TOML nested too deeply")) from None
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
        return ConfigError(Diagnostic(str(path), lines.get(key, 1), message))

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key {key!r} (allowed: {', '.join(KEYS)})")
    base = path.parent
    values: dict[str, Any] = {"source": str(path), "root": str(base),
                              "lines": tuple(sorted((k, v) for k, v in lines.items() if k in data))}
    for key in ("rules", "enable", "disable", "ignore", "corpus", "articles"):
        if key in data:
            items = data[key]
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise fail(key, f"{key}: expected a list of strings")
            values[key] = tuple(_relative(base, i) if key in ("rules", "corpus") else i for i in items)
    if "levels" in data:
        levels = data["levels"]
        if not isinstance(levels, dict) or not all(v in LEVELS for v in levels.values()):
            raise fail("levels", f"levels: expected rule-id: level, with level one of {', '.join(LEVELS)}")
        values["levels"] = tuple(sorted((str(k), str(v)) for k, v in levels.items()))
    for key in ("baseline", "outlets", "cache_dir"):
        if key in data:
            if not isinstance(data[key], str):
                raise fail(key, f"{key}: expected a path")
            values[key] = _relative(base, data[key])
    if values.get("outlets") and not Path(values["outlets"]).is_file():
        raise fail("outlets", f"outlets: no such file {data['outlets']!r}")
    for key in ("fail_on", "min_level", "rounded_level", "timezone", "jobs", "max_file_size"):
        if key in data:
            problem = value_problem(key, data[key])
            if problem:
                raise fail(key, f"{key}: {problem}")
            values[key] = data[key]
    return Config(**values)


def value_problem(key: str, value: Any) -> str:
    """What is wrong with a setting, whether it came from a file or a flag ("" : nothing)."""
    if key in ("fail_on", "min_level", "rounded_level"):
        allowed = (*LEVELS, "never") if key == "fail_on" else LEVELS
        return "" if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"
    if key == "timezone":
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(str(value))
        except (KeyError, ValueError):
            return f"unknown time zone {value!r}"
        return ""
    if not isinstance(value, int) or isinstance(value, bool):
        return "expected a whole number"
    if key == "jobs" and not 0 <= value <= MAX_JOBS:
        return f"{value} is not between 0 (one per core) and {MAX_JOBS}"
    if key == "max_file_size" and not 1 <= value <= MAX_FILE_SIZE:
        return f"{value} MB is not between 1 and {MAX_FILE_SIZE}"
    return ""


def with_flags(config: Config, flags: dict[str, Any]) -> Config:
    """The configuration with the command line's options put over it; a flag that is
    None or empty was not given. A bad value is a ConfigError naming the flag."""
    given = {key: value for key, value in flags.items() if value not in (None, [], ())}
    for key, value in given.items():
        problem = value_problem(key, value) if key in ("fail_on", "min_level", "timezone", "jobs",
                                                        "max_file_size") else ""
        if problem:
            raise ConfigError(Diagnostic("factcheck", 0, f"--{key.replace('_', '-')}: {problem}"))
    values: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value
                              for key, value in given.items()}
    if "ignore" in values:  # typed on the command line: relative to the working folder
        values["ignore"] = (*config.ignore, *(_relative_to_root(config, p) for p in values["ignore"]))
    return replace(config, **values)


def _relative_to_root(config: Config, pattern: str) -> str:
    """A pattern typed relative to the working folder, made relative to the configuration's folder."""
    if not config.root or pattern.startswith(("/", "!")) or os.path.isabs(pattern):
        return pattern
    try:
        prefix = Path.cwd().resolve().relative_to(Path(config.root).resolve()).as_posix()
    except ValueError:
        return pattern
    return pattern if prefix == "." else f"/{prefix}/{pattern}"


def ignore_patterns(config: Config) -> tuple[str, tuple[str, ...]]:
    """(the folder patterns are relative to, the patterns): `ignore` and `.factcheckignore`."""
    root = config.root or "."
    patterns = list(config.ignore)
    ignore_file = Path(root) / IGNORE_FILE
    if ignore_file.is_file():
        try:
            patterns = ignore_file.read_text(encoding="utf-8").splitlines() + patterns
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(Diagnostic(str(ignore_file), 0, f"cannot read: {error}")) from None
    return root, tuple(patterns)


def _relative(base: Path, value: str) -> str:
    """A path from the config file, made usable from the working directory."""
    path = Path(os.path.expanduser(value))
    if path.is_absolute():
        return value
    joined = base / path
    try:
        return str(joined.relative_to(Path.cwd()))
    except ValueError:
        return str(joined)

