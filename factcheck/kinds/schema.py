"""The rule-file JSON Schema, assembled from the shared keys and each kind's fragment.

Every kind declares its own keys (`Kind.properties`, `Kind.required`), so a
new kind brings its schema with it. The assembled schema is also shipped as
factcheck/schema/rule.schema.json for editors; a test keeps the file equal to
it, and `python -m factcheck.kinds.schema` rewrites it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

# keys every rule may have, in the order an "unknown key" error lists them: these first …
_HEAD: dict[str, Any] = {
    "kind": {"description": "What the rule compares."},
    "description": {"type": "string", "minLength": 1, "description": "One line shown in reports."},
    "level": {"enum": ["error", "warning", "info"], "description": "Level of a disagreement (default error)."},
    "subjects": {"type": "array", "items": {"$ref": "#/$defs/id"}, "description": "Entity ids a claim may be about; who a value is about is read as docs/rules.md (Subjects) says."},
    "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
    "examples": {"type": "array", "items": {"$ref": "#/$defs/example"}},
}
# … then the kind's own keys, then these
_TAIL: dict[str, Any] = {
    "skip": {"$ref": "#/$defs/words_or_regex",
             "description": "A value is not this rule's claim when these words stand before it in its clause or the "
                            "clause before (年内, 累计 for daily moves). Latin words match whole; a skip word inside a "
                            "longer keep word does not count."},
    "keep": {"$ref": "#/$defs/words",
             "description": "Longer words that hold a skip word but are not skips (skip 投资, keep 投资人, 投资者)."},
    "context": {
        "type": "object",
        "description": "Qualifiers: name → value → words that signal it.",
        "additionalProperties": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/$defs/words"}},
    },
    "context_scope": {
        "type": "object",
        "description": "How far to look for each context qualifier, and for the day: clause, head (clause, then "
                       "the sentence's lead-in), run (nearest before the value in the sentence), sentence or "
                       "paragraph (default; the day's default is sentence).",
        "additionalProperties": {"enum": ["clause", "head", "run", "sentence", "paragraph"]},
    },
    "context_default": {
        "type": "object",
        "description": "The value a qualifier takes when no word signals one (else it is unknown).",
        "additionalProperties": {"type": "string", "minLength": 1},
    },
    "require": {
        "type": "array", "items": {"type": "string", "minLength": 1},
        "description": "Qualifiers a claim must state to be compared; claims without one are listed as incomplete.",
    },
}
# the day qualifier, for kinds that are `dated`
_DAY: dict[str, Any] = {
    "day": {
        "oneOf": [
            {"type": "boolean"},
            {"type": "object", "additionalProperties": False,
             "properties": {
                 "fallback": {"enum": ["publish", "none"]},
                 "timezone_from": {"type": "string"},
                 "timezones": {"type": "object", "additionalProperties": {"type": "string"}},
             }},
        ],
    },
}
_DEFS: dict[str, Any] = {
    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"},
    "words": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    "words_or_regex": {
        "description": "A list of words (matched literally) or one regular expression.",
        "oneOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/words"}],
    },
    "entity": {
        "type": "object", "required": ["id"], "additionalProperties": False,
        "properties": {
            "id": {"$ref": "#/$defs/id"},
            "name": {"type": "string"},
            "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
    },
    "example": {
        "type": "object", "required": ["text", "expect"], "additionalProperties": False,
        "properties": {
            "text": {"type": "string"},
            "published": {"type": "string"},
            "lang": {"type": "string", "minLength": 1,
                     "description": "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."},
            "expect": {"type": "object", "additionalProperties": {"type": ["string", "number", "null"]}},
        },
    },
}


@lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    """The whole schema: shared keys, every registered kind's keys, and which keys each kind allows."""
    from factcheck.kinds import KINDS

    properties: dict[str, Any] = {
        **_HEAD, "kind": {"enum": [*KINDS, "entities"], **_HEAD["kind"]}}
    clauses: list[dict[str, Any]] = [
        {"if": {"properties": {"kind": {"const": "entities"}}},
         "then": {"required": ["entities"], "propertyNames": {"enum": ["kind", "description", "entities"]}}}]
    for name, kind in KINDS.items():
        for key, definition in kind.properties.items():
            if properties.setdefault(key, definition) != definition:
                raise ValueError(f"kind {name!r} redefines key {key!r} differently from another kind")
        allowed = [*_HEAD, *kind.properties, *_TAIL, *(_DAY if kind.dated else {})]
        clauses.append({"if": {"properties": {"kind": {"const": name}}},
                        "then": {"required": ["description", *kind.required],
                                 "propertyNames": {"enum": allowed}}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factcheck.invalid/schema/rule.schema.json",
        "title": "factcheck rule file",
        "description": "One rule per file; the file stem is the rule id. A file of kind 'entities' declares "
                       "shared entities instead of a rule. See docs/rules.md.",
        "type": "object",
        "required": ["kind"],
        "properties": {**properties, **_TAIL, **_DAY},
        "allOf": clauses,
        "$defs": _DEFS,
    }


def schema_text() -> str:
    """The schema as shipped in factcheck/schema/rule.schema.json."""
    return json.dumps(rule_schema(), ensure_ascii=False, indent=2) + "\n"


SHIPPED = Path(__file__).resolve().parent.parent / "schema" / "rule.schema.json"

if __name__ == "__main__":
    SHIPPED.write_text(schema_text(), encoding="utf-8")
