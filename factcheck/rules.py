"""Stage 2: read and validate rule files into Rules.

Rule files are YAML that any contributor may edit, so they are read
defensively: YAML is composed (not constructed) so every key keeps its line,
only plain YAML types are accepted (no `!!python/object`), duplicate keys and
alias bombs are refused, and the shape is checked against the JSON Schema that
ships with the package (factcheck/schema/rule.schema.json), the same file an
editor can use for completion. Every problem is `path:line: message`.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.kinds import KINDS
from factcheck.kinds.base import Document, RuleError
from factcheck.kinds.matching import fold
from factcheck.kinds.qualifiers import with_builtins, with_defaults
from factcheck.kinds.schema import rule_schema
from factcheck.kinds.skip import skip_regex
from factcheck.patterns import compiled_on_use
from factcheck.records import ContextSpec, DaySpec, Diagnostic, Entity, RuleBase, RuleExample

RULE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[RuleBase, ...]
    entities: tuple[Entity, ...]
    digest: str  # hash of every rule file's bytes: the cache key of a rule set
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    warnings: tuple[Diagnostic, ...] = field(default=())  # what `rules check` shows; the rules still run


def rule_files(paths: list[str]) -> tuple[list[Path], list[Diagnostic]]:
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
            if not found:
                problems.append(Diagnostic(given, 0, "no rule files (*.yaml) in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Diagnostic(given, 0, "no such rule file or folder"))
    return files + _entities_beside(files), problems


_ENTITIES_KIND = compiled_on_use(r"^kind:\s*['\"]?entities['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _entities_beside(files: list[Path]) -> list[Path]:
    """The entities files (kind: entities) in the folder of a rule file given alone: a rule's
    subjects are declared there, so checking one file of a folder reads it as the folder would."""
    given = {f.resolve() for f in files}
    beside: list[Path] = []
    for folder in dict.fromkeys(f.parent for f in files):
        for sibling in sorted(p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file()):
            if sibling.resolve() in given or sibling in beside:
                continue
            try:
                text = sibling.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue  # not asked for: a broken neighbour is reported when its folder is checked
            if _ENTITIES_KIND.search(text):
                beside.append(sibling)
    return beside


# what loading says of paths that hold no rule: an error of a check, expected of an entities file read alone
# (`discover --entities`, `normalize --rules` pointed at a story's entities.yaml before its first rule)
NO_RULES = "no rules to apply"


def load_rules(paths: list[str]) -> RuleSet:
    """Every rule under `paths`; problems are returned, not raised, so all are shown."""
    files, problems = rule_files(paths)
    warnings: list[Diagnostic] = []
    digest = hashlib.sha256()
    parsed: list[tuple[Path, dict[str, Any], dict[tuple[Any, ...], int]]] = []
    in_broken_files: set[str] = set()  # entity ids a file with an error declares
    for file in files:
        try:
            data = file.read_bytes()
            digest.update(file.as_posix().encode() + b"\0" + data + b"\0")
            text = data.decode("utf-8-sig")
        except OSError as error:
            problems.append(Diagnostic(str(file), 0, f"cannot read: {error.strerror or error}"))
            continue
        except UnicodeDecodeError:
            problems.append(Diagnostic(str(file), 1, "not valid UTF-8"))
            continue
        try:
            document, lines = read_yaml(text, str(file))
        except RuleError as error:
            problems.append(error.diagnostic)
            continue
        try:
            validate(document, lines, str(file), text)
        except RuleError as error:
            problems.append(error.diagnostic)
            in_broken_files.update(_declared_ids(document))
            continue
        parsed.append((file, document, lines))
        warnings.extend(literal_regex_warnings(document, lines, str(file)))
        warnings.extend(clause_break_warnings(document, lines, str(file)))
        warnings.extend(own_metric_warnings(document, lines, str(file)))
        warnings.extend(value_in_cue_warnings(document, lines, str(file)))

    entities: dict[str, Entity] = {}
    entity_lines: dict[str, str] = {}
    for file, document, lines in parsed:
        for index, raw in enumerate(document.get("entities") or []):
            entity = Entity(raw["id"], raw.get("name") or raw["id"], tuple(raw.get("aliases") or ()))
            where = f"{file}:{lines.get(('entities', index), 0)}"
            if entity.id in entities and not _same_entity(entities[entity.id], entity):
                problems.append(Diagnostic(str(file), lines.get(("entities", index), 0),
                                           _defined_twice(entities[entity.id], entity, entity_lines[entity.id])))
                continue
            entities[entity.id] = entity
            entity_lines.setdefault(entity.id, where)

    stand_ins = {entity_id: Entity(entity_id, entity_id, ()) for entity_id in in_broken_files - entities.keys()}
    rules: list[RuleBase] = []
    seen: dict[str, Path] = {}
    for file, document, lines in parsed:
        if document["kind"] == "entities":
            continue
        rule_id = file.stem
        if rule_id in seen:
            problems.append(Diagnostic(str(file), 1, f"duplicate rule id {rule_id!r} (also {seen[rule_id]})"))
            continue
        seen[rule_id] = file
        try:
            rule = build_rule(rule_id, str(file), document, lines, {**entities, **stand_ins})
        except RuleError as error:
            problems.append(error.diagnostic)
            continue
        if not stand_ins.keys() & _declared_ids(document, key=None):
            rules.append(rule)  # a rule naming an entity whose file has an error waits for its fix
    if not rules and not problems:
        problems.append(Diagnostic(", ".join(paths), 0, NO_RULES))
    return RuleSet(tuple(rules), tuple(sorted(entities.values(), key=lambda e: e.id)),
                   digest.hexdigest()[:16], tuple(problems), tuple(warnings))


def _same_entity(one: Entity, other: Entity) -> bool:
    """Two definitions of one id that name it the same ways: the same entity, declared in two folders
    checked together (two stories' entities files that both list alibaba), whatever the alias order."""
    return one.name == other.name and set(one.aliases) == set(other.aliases)


def _defined_twice(first: Entity, again: Entity, where: str) -> str:
    """The error for an id defined twice with other names: what differs and what to do. Entities are
    shared by every rule of the run, so two story folders checked at once share one list."""
    differs = [f"name {first.name!r} there, {again.name!r} here"] if first.name != again.name else []
    only_there = [a for a in first.aliases if a not in again.aliases]
    only_here = [a for a in again.aliases if a not in first.aliases]
    if only_there or only_here:
        differs.append("aliases only there: " + (", ".join(only_there) or "none")
                       + "; only here: " + (", ".join(only_here) or "none"))
    return (f"entity {first.id!r} is already defined at {where}, with other names ({'; '.join(differs)}); "
            "entities are shared by every rule of a run, folders checked together too: give both the same "
            "name and aliases, or rename one id, or check each folder on its own")


def _declared_ids(document: Any, key: str | None = "entities") -> set[str]:
    """The entity ids a document declares under `key` (its named entities), or, with no key,
    every string it lists under `subjects`, `members` or `exclude` (the ids it names). An
    entity whose record has an error is still declared: the rules naming it are checked on
    their own, and the one error is shown once, not again as an unknown entity per rule."""
    if not isinstance(document, dict):
        return set()
    if key:
        records = document.get(key)
        return {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)} \
            if isinstance(records, list) else set()
    named = [document.get(k) for k in ("subjects", "members", "exclude")]
    return {i for ids in named if isinstance(ids, list) for i in ids if isinstance(i, str)}


# ------------------------------------------------------------------- YAML


def read_yaml(text: str, path: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML safely (factcheck.safe_yaml), returning the data and the line of every key path."""
    from factcheck.safe_yaml import YAMLError, load

    try:
        document, lines = load(text, path)
    except YAMLError as error:
        raise RuleError(path, error.diagnostic.line, error.diagnostic.message) from None
    if document is None:
        raise RuleError(path, 1, "empty rule file")
    return document, lines


# ------------------------------------------------------- words, not regexes

# keys whose lists are words matched literally (one YAML string would be a regex)
_WORD_KEYS = frozenset({"cue", "trigger", "states", "skip", "keep", "context", "units", "aliases"})
# what a regex holds and a news word does not: (?: (?! (?<=, |, \d \s \w \b, .* .+ .?, {0,10}, [确確]
_REGEX_SIGNS = re.compile(r"\(\?|\||\\[dswDSWb]|\.[*+?{]|\{\d+,\d*\}|\[[^\]]+\]")


def literal_regex_warnings(document: Any, lines: dict[tuple[Any, ...], int], path: str) -> list[Diagnostic]:
    """A warning for each list item of words that looks like a regex (`既不能(?:确认|確認)`): list
    items match literally, so it matches only that very text, which no article holds — a rule
    that silently reads nothing."""
    found: list[Diagnostic] = []

    def walk(node: Any, where: tuple[Any, ...], wordy: bool) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "examples":
                    walk(value, (*where, key), wordy or key in _WORD_KEYS)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                if wordy and isinstance(item, str) and _REGEX_SIGNS.search(item):
                    key = ".".join(str(k) for k in where)
                    found.append(Diagnostic(path, lines.get((*where, index), lines.get(where, 1)),
                                            f"{key}: '{item}' looks like a regex, but a list item is matched as "
                                            "literal words; write the regex as one YAML string, or list the words",
                                            "warning"))
                else:
                    walk(item, (*where, index), wordy)

    walk(document, (), False)
    return found


# a cue or trigger is matched within one clause: one holding a clause break never matches
_CLAUSE_KEYS = ("cue", "trigger")
_CLAUSE_BREAK = re.compile(r"[，；。！？]")
# a regex's character class (`宣布[^，。；]{0,24}?对等关税`): a break in it is one the cue may not cross, not one it holds
_CHARACTER_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def clause_break_warnings(document: Any, lines: dict[tuple[Any, ...], int], path: str) -> list[Diagnostic]:
    """A warning for each cue or trigger (a word of the list, or the regex) holding a clause break
    (`cue: '(?:当中|當中)，'`): cues are looked for within the value's clause, so it matches nothing,
    silently — a rule that reads nothing where the user meant it to read."""
    if not isinstance(document, dict):
        return []
    found: list[Diagnostic] = []
    for key in _CLAUSE_KEYS:
        value = document.get(key)
        items = [(value, (key,))] if isinstance(value, str) else [
            (item, (key, index)) for index, item in enumerate(value) if isinstance(item, str)] if isinstance(
            value, list) else []
        for item, where in items:
            broken = _CLAUSE_BREAK.search(_CHARACTER_CLASS.sub("", item))
            if broken:
                found.append(Diagnostic(path, lines.get(where, lines.get((key,), 1)),
                                        f"{key}: '{item}' holds '{broken.group(0)}', a clause break: a {key} is "
                                        "matched within one clause, so it never matches; use the words of the "
                                        "value's own clause (and `skip` for what to leave out)", "warning"))
    return found


# a figure a number or count rule reads: digits (or Chinese numerals), a bound word (余, 多), then the rule's unit;
# not after 第, a rank (第一家, `第 64 名`), which no rule reads as a figure
_FIGURE = r"(?<!第)(?<!第 )(?<![\d.,一二三四五六七八九十百千两兩])(?:\d[\d.,]*|[一二三四五六七八九十百千两兩]+)\s*(?:余|餘|多|几|幾)?\s*(?:[万萬亿億千百]+)?\s*"


@cache
def _value_unit(value: str) -> str:
    """A regex for the unit words of the figures a `value: money`, `percent` or `pp` rule reads, from the
    quantity reader's own lists (normalize/quantities.py CURRENCIES: 美金, 澳元, USD …; `unit_words`: %,
    percent; 个百分点, 基点, bps, basis points …), so a cue's figure is one the rule reads: a percent rule
    reads no 个百分点 (a pp rule's), and a cue `下降0.12个百分点至` holds no figure of it. Cues are folded
    (`fold`: 個百分點, ％ match as 个百分点, %), which these words are written in. A one-character Chinese unit
    (成, 折, 厘) is left out: whether it is one depends on the words around it (zh.yaml not_a_unit_before)."""
    from factcheck.normalize.quantities import CURRENCIES, unit_words

    words = {"money": CURRENCIES, "percent": unit_words("%"), "pp": unit_words("pp")}.get(value, ())
    words = [w for w in words if w.isascii() or len(w) > 1]
    if not words:
        return ""
    # a Latin word ends a word (`5 bps`, not `5 bpsx`); the rest end anywhere
    return "(?:" + "|".join(re.escape(w) + (r"(?![A-Za-z])" if w[-1:].isascii() and w[-1:].isalpha() else "")
                            for w in sorted(words, key=len, reverse=True)) + ")"


def value_in_cue_warnings(document: Any, lines: dict[tuple[Any, ...], int], path: str) -> list[Diagnostic]:
    """A warning for each cue word (or the cue's one regex) of a number or count rule that holds a figure the
    rule reads (`全国30余家` with `units: [家]`, `涨5%`; not `下降0.12个百分点至` in a percent rule): the cue is
    the words around a value, and a value inside a cue is never read, so the rule reads nothing where it
    stands — nor past it, the cue taking the place of the words after it."""
    if not isinstance(document, dict) or document.get("kind") not in ("number", "count"):
        return []
    cue = document.get("cue")
    items = [(cue, ("cue",))] if isinstance(cue, str) else [
        (item, ("cue", index)) for index, item in enumerate(cue) if isinstance(item, str)] if isinstance(cue, list) else []
    if document.get("kind") == "count":
        units = [fold(str(u)) for u in document.get("units") or [] if str(u)]  # in the cue's script
        unit = "(?:" + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + ")" if units else ""
    else:
        unit = _value_unit(str(document.get("value")))
    if not unit:
        return []
    figure = re.compile(_FIGURE + unit)
    found: list[Diagnostic] = []
    for item, where in items:  # a list's words, or the one regex (clause_break_warnings reads both alike)
        held = figure.search(fold(item))  # one script (same length): the figure is quoted as written
        held_text = item[held.start():held.end()] if held else ""
        if held:
            found.append(Diagnostic(path, lines.get(where, lines.get(("cue",), 1)),
                                    f"cue: '{item}' holds the figure '{held_text.strip()}': a value inside a cue "
                                    "is never read, so the rule reads nothing where the cue stands; write the words "
                                    "before or after the figure as cues", "warning"))
    return found


def own_metric_warnings(document: Any, lines: dict[tuple[Any, ...], int], path: str) -> list[Diagnostic]:
    """A warning for a `metric:` list holding two or more words the built-in table does not know
    (`metric: [不良率, 拨备覆盖率]`): they are read as one line item called several ways
    (kinds/qualifiers.metric_of_words), so two different ratios would be compared, silently. Words
    the rule declares under `context: metric:` are its own line items and are not counted."""
    from factcheck.kinds.qualifiers import builtin_words

    words = document.get("metric") if isinstance(document, dict) else None
    if not isinstance(words, list):
        return []
    context = document.get("context")
    declared = context.get("metric") if isinstance(context, dict) else None
    known = {w for value, ws in builtin_words()["metric"].items() for w in (value, *ws)}
    if isinstance(declared, dict):
        known |= {str(w) for value, ws in declared.items() for w in (value, *(ws if isinstance(ws, list) else ()))}
    own = [str(w) for w in words if str(w) not in known]
    if len(own) < 2:
        return []
    return [Diagnostic(path, lines.get(("metric",), 1),
                       f"metric: {', '.join(own)} are not in the built-in table: they are read as one line item "
                       f"named {len(own)} ways; declare `context: metric:` to keep them apart", "warning")]


# ---------------------------------------------------------------- validate


def validate(document: Any, lines: dict[tuple[Any, ...], int], path: str, text: str = "") -> None:
    """Check `document` against the rule schema; raise the first problem with its line.

    Every file is checked by the schema compiled once into Python (fastjsonschema): a file it
    passes is valid. A file it refuses is checked again by jsonschema, which alone words the
    problem and decides: the compiled check is never looser than jsonschema on this schema
    (every enum and const is a string, no format is used), only sometimes stricter (its `$` is
    the end of the text), so what is valid and every message are jsonschema's. With 300 rule
    files this is ≈0.01 s against ≈0.3 s, and a run with valid rules never imports jsonschema."""
    if not isinstance(document, dict):
        raise RuleError(path, 1, "a rule file is a mapping (kind: …, description: …)")
    compiled = _compiled_schema()
    try:
        compiled(document)
        return
    except Exception:  # refused, or a value it cannot judge (an unhashable list item): jsonschema decides and words it
        pass
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(document), key=lambda e: (_line(e, lines), list(e.absolute_path).__repr__()))
    if errors:
        error = errors[0]
        line = _line(error, lines)
        source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        raise RuleError(path, line, _message(error, document, source))


def _compiled_schema() -> Callable[[Any], Any]:
    """The rule schema as a Python function that raises on the first problem, made once per schema:
    again when a kind registered later makes a new one (docs/architecture.md, `rule_schema.cache_clear`).
    fastjsonschema rewrites the `$ref`s of what it is given, so it is given a copy: the schema
    jsonschema, editors and `factcheck rules schema` read stays as it is."""
    import fastjsonschema

    schema = rule_schema()
    if _COMPILED and _COMPILED[0][0] is schema:
        return _COMPILED[0][1]
    # nothing filled in (no `default`), formats left unchecked as jsonschema leaves them
    compiled = fastjsonschema.compile(copy.deepcopy(schema), use_default=False, use_formats=False)
    _COMPILED[:] = [(schema, compiled)]
    return compiled


_COMPILED: list[tuple[dict[str, Any], Callable[[Any], Any]]] = []  # (the schema, its compiled check)


def _deepest(error: Any) -> Any:
    while error.context:
        error = min(error.context, key=lambda e: len(list(e.schema_path)))
    return error


def _where_instead(key: str, allowed: list[str], top_level: bool) -> str:
    """What an unknown key was probably meant as, as yamllint and ruff say it: a key of a nested mapping
    written at the top (`timezone_from:` belongs under `day:`), else an allowed key spelled alike. Only a
    mapping the rule's kind takes is named (`value:` in a count rule belongs under no `change:` it may have)."""
    if top_level:
        parents = sorted(name for name, spec in rule_schema()["properties"].items()
                         if name in allowed and key in _nested_keys(spec))
        if parents:
            listed = rule_schema()["properties"][parents[0]].get("type") == "array"
            return f": it belongs under `{parents[0]}:` " + (f"(a key of each item: - {{{key}: …}})" if listed
                                                           else f"({parents[0]}: {{{key}: …}})")
    import difflib

    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75)
    if close:
        return f"; did you mean {close[0]!r}?"
    others = kinds_taking(key)  # `day` in a date rule: say which kinds take it (round 38's notes)
    return f": `{key}` is a key of {_listed(others)} rules" if others else ""


def kinds_taking(key: str) -> list[str]:
    """The kinds whose rules take `key` (`day`: count, derived, number and status), in name order."""
    return sorted(clause["if"]["properties"]["kind"]["const"] for clause in rule_schema()["allOf"]
                  if key in clause["then"]["propertyNames"]["enum"])


def _listed(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _nested_keys(spec: Any) -> set[str]:
    """The keys a property's mapping takes (through oneOf/anyOf and list items), for _where_instead."""
    if not isinstance(spec, dict):
        return set()
    if str(spec.get("$ref", "")).startswith("#/$defs/"):
        spec = rule_schema()["$defs"].get(spec["$ref"].removeprefix("#/$defs/"), {})
    keys = set(spec.get("properties") or ())
    for branch in (*spec.get("oneOf", ()), *spec.get("anyOf", ()), spec.get("items")):
        keys |= _nested_keys(branch)
    return keys


def _is_unknown_key(error: Any) -> bool:
    return "propertyNames" in list(error.schema_path)


def _line(error: Any, lines: dict[tuple[Any, ...], int]) -> int:
    error = _deepest(error) if error.validator == "oneOf" else error
    where = tuple(error.absolute_path)
    if _is_unknown_key(error):
        return lines.get(where + (error.instance,), lines.get(where, 1))
    while where and where not in lines:
        where = where[:-1]
    return lines.get(where, 1)


def _as_written(number: float, source: str) -> str:
    """A number YAML parsed, as the file's line wrote it (`02390`, read as 2390; `1.50`), else as parsed."""
    shown = str(number)
    written = re.search(rf"(?<![\w.'\"])[+-]?0*{re.escape(shown)}0*(?![\w.])", source)
    return written.group(0) if written else shown


def _message(error: Any, document: dict[str, Any], source: str = "") -> str:
    where = ".".join(str(p) for p in error.absolute_path) or "the file"
    validator = error.validator
    if _is_unknown_key(error):
        kind = document.get("kind")
        return (f"unknown key {error.instance!r}" + (f" for a {kind} rule" if kind else "")
                + _where_instead(str(error.instance), list(error.validator_value), not error.absolute_path)
                + f" (allowed: {', '.join(error.validator_value)})")
    if validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return f"missing required key {missing[0]!r} in {where}"
    if validator == "enum":
        return f"{where}: {error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if validator == "type":
        hint = (f" (YAML reads bare digits as a number: quote it as written, '{_as_written(error.instance, source)}')"
                if error.validator_value == "string" and isinstance(error.instance, (int, float)) else "")
        return f"{where}: expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}{hint}"
    if validator == "oneOf":
        return f"{where}: expected a list of words or one regular expression" if isinstance(
            error.instance, (dict, int, float)) or error.instance in ([], "") else f"{where}: {error.message}"
    if validator in ("minProperties", "minItems"):
        return f"{where}: needs at least {error.validator_value} entries"
    if validator == "minLength":
        return f"{where}: must not be empty"
    if validator == "pattern":
        return f"{where}: {error.instance!r} is not a valid id (lowercase letters, digits, . _ -)"
    return f"{where}: {error.message}"


# ------------------------------------------------------------------- build


def build_rule(rule_id: str, path: str, data: dict[str, Any], lines: dict[tuple[Any, ...], int],
               entities: dict[str, Entity]) -> RuleBase:
    """A validated document → its kind's rule (regexes compiled, entity ids checked)."""
    kind = KINDS[data["kind"]]
    asked = set(data.get("qualifiers") or ())
    data = with_defaults(data, kind.default_qualifiers, "metric" in kind.properties)
    implied = frozenset(data.get("qualifiers") or ()) - asked
    doc = Document(data, path, lines, entities)
    line = doc.line
    subjects = doc.entity_ids("subjects")
    own = kind.fields(doc)
    declared = data.get("context") or {}
    scopes = data.get("context_scope") or {}
    defaults = data.get("context_default") or {}
    builtins = {*(data.get("qualifiers") or ()), *(["metric"] if data.get("metric") else [])}
    for key, mapping in (("context_scope", scopes), ("context_default", defaults)):
        for name in mapping:
            if name == "day" and key == "context_scope":
                continue  # the day qualifier: checked once the rule's day is known
            if name not in declared and name not in builtins:
                raise RuleError(path, line(key, name), f"{key}: {name!r} is not a context this rule declares")
    for name, values in declared.items():
        if name in builtins:
            _check_builtin_values(name, values, path, line)
    context = tuple(
        ContextSpec(name, tuple((value, tuple(words)) for value, words in values.items()),
                    scopes.get(name, "paragraph"), defaults.get(name, ""))
        for name, values in declared.items()
    )
    context = with_builtins(data, context, implied)
    day = _day(data.get("day", {"fallback": "none"} if kind.dated_by_default else None), path, line("day"), [c.name for c in context])
    if day is not None and "day" not in data:
        day = replace(day, implied=True)
    if "day" in scopes:
        if day is None:
            raise RuleError(path, line("context_scope", "day"), "context_scope: 'day' needs day: (this rule records no day)")
        day = replace(day, scope=scopes["day"])
    require = tuple(data.get("require") or ())
    if data.get("keep") and not data.get("skip"):
        raise RuleError(path, line("keep"), "keep: names exceptions to skip words, but the rule has no skip:")
    skip = doc.checked_regex(skip_regex(data.get("skip"), data.get("keep")), "skip", line("skip")) if data.get(
        "skip") else ""
    for index, name in enumerate(require):
        if name not in {c.name for c in context} | ({"day"} if day else set()):
            raise RuleError(path, line("require", index), f"require: {name!r} is not a qualifier this rule reads "
                            "(declare it under context:, metric: or qualifiers:)")
    examples = tuple(
        RuleExample(ex["text"], ex.get("published", ""),
                    tuple(sorted((k, "" if v is None else str(v)) for k, v in ex["expect"].items())),
                    line("examples", index), ex.get("lang", ""))
        for index, ex in enumerate(data.get("examples") or [])
    )
    allowed = {"subject", "value", *(c.name for c in context), *(["day"] if day else [])}
    for example in examples:
        unknown = sorted(k for k, _ in example.expect if k not in allowed)
        if unknown:
            raise RuleError(path, example.line, f"examples: unknown expect key {unknown[0]!r} "
                            f"(allowed: {', '.join(sorted(allowed))})")
    return kind.rule_type(
        id=rule_id, path=path, kind=data["kind"], description=data["description"],
        level=data.get("level", "error"), subjects=subjects,
        entities=tuple(entities[e] for e in sorted(entities)),
        context=context, day=day, examples=examples, require=require, skip=skip, **own,
    )


def _check_builtin_values(name: str, values: dict[str, Any], path: str, line: Callable[..., int]) -> None:
    """A value of your own under a built-in qualifier the rule reads (`context: {basis: {mom: [月度]}}`) named
    by a word the shipped table holds under another value (MoM is a word of `sequential`) would keep the two
    apart, 月度 figures never compared with 环比 ones: refused, naming the built-in value to add words to."""
    from factcheck.kinds.qualifiers import builtin_words

    shipped = builtin_words().get(name, {})
    for value in values:
        if str(value) in shipped:
            continue
        # by its name only: words shared with a built-in value may be meant (a line item of your own, 经调整利润,
        # kept apart from net-profit, whose shipped words hold it)
        same = sorted(v for v, ws in shipped.items() if str(value).casefold() in {w.casefold() for w in ws})
        if same:
            shown = ", ".join(shipped[same[0]][:4])
            raise RuleError(path, line("context", name, value),
                            f"context: {name}: {value!r} is the built-in {name} value {same[0]!r} ({shown} …): "
                            f"write `{same[0]}: [...]` to add your words to it (its shipped words are read anyway)")


def _day(raw: Any, path: str, line: int, context_names: list[str]) -> DaySpec | None:
    if raw is None or raw is False:
        return None
    if raw is True:
        return DaySpec()
    from zoneinfo import ZoneInfo

    for zone in (raw.get("timezones") or {}).values():
        try:
            ZoneInfo(zone)
        except (KeyError, ValueError):
            raise RuleError(path, line, f"day.timezones: unknown time zone {zone!r}") from None
    source = raw.get("timezone_from", "")
    if source and source not in context_names:
        raise RuleError(path, line, f"day.timezone_from: {source!r} is not a context this rule declares")
    return DaySpec(raw.get("fallback", "publish"), source,
                   tuple(sorted((raw.get("timezones") or {}).items())))
