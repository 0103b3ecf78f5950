"""The one YAML reader for everything factcheck reads: rule files, front
matter, `.factcheck.yaml`, the outlets file, baselines.

Each of these can come from a pull request, so the reader is built to be
safe on hostile input rather than general:

- it builds plain data straight from the parser's events, with no
  recursion, so no nesting can exhaust the stack, and refuses nesting
  deeper than MAX_DEPTH (no real file needs more than a handful of levels);
- only plain tags (str, int, float, bool, null, seq, map, and timestamps,
  kept as their text): no `!!python/…`, `!!binary`, `!!set`, merge keys;
- aliases are allowed but what they expand to is counted: a document may
  grow by at most ALIAS_BUDGET nodes through aliases (a "billion laughs"
  bomb is refused at once, before anything walks it);
- duplicate keys are refused (the second would silently win);
- plain scalars are read as YAML 1.2's core schema: `no`, `on`, `NO` are
  strings, not booleans; `1:20` is a string, not the sexagesimal 80; only
  `true`/`false` are booleans;
- keys are always strings (they are names).

Every problem is a `YAMLError` carrying one Diagnostic with the real line.
Front matter is read on the fast path of `load_data`: flat front matter (keys,
one-line scalars, lists of them: all of the bulk corpus's) by one regex, the
rest by libyaml's composer walked with the same rules; the event reader (`load`)
reads whatever they do not vouch for, and alone words the errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from factcheck.records import Diagnostic, DiagnosticError

MAX_DEPTH = 64
ALIAS_BUDGET = 10_000  # nodes an alias may add: far above any real file, far below a bomb
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {None, "!", *(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))}
_COLLECTION_TAGS = {None, "!", _TAG + "seq", _TAG + "map"}

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCTAL = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
                  "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
                  "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
                  ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan")}
Lines = dict[tuple[Any, ...], int]


class YAMLError(DiagnosticError):
    """YAML that factcheck will not read; carries its one-line diagnostic."""


@dataclass
class _Open:
    """A sequence or mapping being built."""

    value: list[Any] | dict[str, Any]
    where: tuple[Any, ...]
    anchor: str | None
    depth: int
    size: int = 1  # nodes, aliases expanded
    height: int = 1
    key: str | None = None  # a mapping's key waiting for its value
    keys: dict[str, int] = field(default_factory=dict)


def load(text: str, path: str, first_line: int = 1, syntax: str = "YAML syntax") -> tuple[Any, Lines]:
    """The data in `text`, and the line of every key path (("rules", 0, "cue") → 12).

    `first_line` is the file line `text` starts on (front matter starts on 2);
    `syntax` prefixes parser messages. An empty document is None.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it
    lines: Lines = {}
    anchors: dict[str, tuple[Any, int, int]] = {}  # anchor → (value, size, height)
    stack: list[_Open] = []
    root: list[Any] = []
    documents = 0
    extra = 0  # nodes added by aliases

    def fail(line: int, message: str) -> YAMLError:
        return YAMLError(Diagnostic(path, line + first_line, message))

    def place(value: Any, line: int, anchor: str | None, size: int, height: int) -> None:
        if anchor is not None:
            anchors[anchor] = (value, size, height)
        if not stack:
            lines.setdefault((), line + first_line)
            root.append(value)
            return
        parent = stack[-1]
        if parent.depth + height > MAX_DEPTH:
            raise fail(line, f"nested more than {MAX_DEPTH} levels deep")
        parent.size += size
        parent.height = max(parent.height, height + 1)
        if isinstance(parent.value, list):
            where = parent.where + (len(parent.value),)
            lines.setdefault(where, line + first_line)
            parent.value.append(value)
        else:
            assert parent.key is not None
            where = parent.where + (parent.key,)
            lines.setdefault(where, line + first_line)
            parent.value[parent.key] = value
            parent.key = None

    def take_key(event: Any) -> bool:
        """A scalar where a mapping wants a key: record it; True when it was one."""
        if not stack or not isinstance(stack[-1].value, dict) or stack[-1].key is not None:
            return False
        parent, line = stack[-1], event.start_mark.line
        if not isinstance(event, yaml.ScalarEvent):
            raise fail(line, "a key must be a plain value, not a list, mapping or alias")
        if event.tag not in _SCALAR_TAGS:
            raise fail(line, f"YAML tag {event.tag!r} is not allowed")
        key = event.value
        if key == "<<" and event.implicit[0]:
            raise fail(line, "merge keys (<<) are not supported; write the keys out")
        if key in parent.keys:
            raise fail(line, f"duplicate key {key!r} (first at line {parent.keys[key]})")
        parent.keys[key] = line + first_line
        parent.key = key
        lines[parent.where + (key,)] = line + first_line
        return True

    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line if event.start_mark else 0
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise fail(line, "more than one YAML document (a second '---')")
            elif isinstance(event, yaml.ScalarEvent):
                if take_key(event):
                    continue
                if event.tag not in _SCALAR_TAGS:
                    raise fail(line, f"YAML tag {event.tag!r} is not allowed")
                place(_scalar(event.value, event.style, event.tag, event.implicit[0], line, fail), line,
                      event.anchor, 1, 1)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if take_key(event):
                    continue
                if event.tag not in _COLLECTION_TAGS:
                    raise fail(line, f"YAML tag {event.tag!r} is not allowed")
                depth = (stack[-1].depth + 1) if stack else 1
                if depth > MAX_DEPTH:
                    raise fail(line, f"nested more than {MAX_DEPTH} levels deep")
                if stack and isinstance(stack[-1].value, list):
                    where = stack[-1].where + (len(stack[-1].value),)
                elif stack:
                    where = stack[-1].where + (stack[-1].key,)
                else:
                    where = ()
                lines.setdefault(where, line + first_line)
                stack.append(_Open([] if isinstance(event, yaml.SequenceStartEvent) else {}, where,
                                   event.anchor, depth))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                done = stack.pop()
                place(done.value, line, done.anchor, done.size, done.height)
            elif isinstance(event, yaml.AliasEvent):
                if take_key(event):
                    continue
                if event.anchor not in anchors:
                    raise fail(line, f"alias *{event.anchor} names no anchor")
                value, size, height = anchors[event.anchor]
                extra += size
                if extra > ALIAS_BUDGET:
                    raise fail(line, f"aliases expand to more than {ALIAS_BUDGET} extra nodes (an alias bomb?)")
                place(value, line, None, size, height)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or "invalid").strip()
        raise YAMLError(Diagnostic(path, (mark.line if mark else 0) + first_line, f"{syntax}: {problem}")) from None
    except yaml.YAMLError as error:
        raise YAMLError(Diagnostic(path, first_line, f"{syntax}: {error}")) from None
    return (root[0] if root else None), lines


def _scalar(text: str, style: str | None, tag: str | None, plain: bool, line: int, fail: Any) -> Any:
    """A scalar by YAML 1.2's core schema; quoted and block scalars are strings.

    `plain`: written without quotes and without a specific tag (the parser's "plain implicit")."""
    if style or (not plain and tag in (None, "!", _TAG + "str")):  # plain style: None or ""
        return text
    if tag == _TAG + "timestamp":
        return text  # dates are read by whoever knows what they mean (and can say why one is wrong)
    if _NULL.match(text):
        value: Any = None
    elif text in _BOOL:
        value = _BOOL[text]
    elif _INT.match(text) or _OCTAL.match(text) or _HEX.match(text):
        try:
            value = int(text, 8 if text.startswith("0o") else 16 if text.startswith("0x") else 10)
        except ValueError:  # more digits than Python converts
            raise fail(line, f"number {text[:20]}… is too long") from None
    elif _FLOAT.match(text):
        value = float(text)
    elif text in _SPECIAL_FLOAT:
        value = _SPECIAL_FLOAT[text]
    else:
        value = text
    wanted: dict[str, type | tuple[type, ...]] = {_TAG + "int": int, _TAG + "float": (int, float), _TAG + "bool": bool,
                                                  _TAG + "null": type(None)}
    if tag in wanted and (not isinstance(value, wanted[tag])
                          or (tag == _TAG + "int" and isinstance(value, bool))):
        raise fail(line, f"{text!r} is not a valid {tag.removeprefix(_TAG)}")
    return value


# ------------------------------------------------------------ the fast reader

# libyaml bounds nesting itself from 0.2.6 (1,000 levels), so its composer cannot exhaust the C stack
_FAST_LIBYAML = (0, 2, 6)
_PLAIN, _NOT_PLAIN = object(), object()  # what the fast composer's resolver calls untagged scalars


class _Fallback(Exception):
    """The fast reader cannot vouch for a text: the event reader (`load`) reads it and says what is wrong."""


def load_data(text: str, path: str, first_line: int = 1, syntax: str = "YAML syntax") -> Any:
    """The data in `text` exactly as `load` reads it, without the key lines; about 4× faster.

    libyaml composes the node tree in C and it is walked here with `load`'s
    rules (core schema, allowed tags, no merge or duplicate keys, depth).
    Whatever that walk cannot vouch for (any parser error, an alias, a
    refused tag or key, a too-deep or too-long value) is read again by `load`,
    which alone words the errors: the result and every message are `load`'s.
    Front matter has no use for key lines and is read once per article; most of it is
    flat (`_flat`), read without building a node tree at all.
    """
    flat = _flat(text)
    if flat is not None:
        return flat
    composer = _fast_composer()
    if composer is not None:
        try:
            return _from_node(composer(text).get_single_node())
        except Exception:  # any failure: the event reader reads it again, and decides and explains
            pass
    return load(text, path, first_line, syntax)[0]


@cache
def _fast_composer() -> Any:
    """libyaml's composer with a resolver that only tells plain scalars apart, or None without libyaml."""
    import yaml

    try:
        from yaml._yaml import CParser, get_version
    except ImportError:
        return None
    if get_version() < _FAST_LIBYAML:
        return None

    class Composer(CParser):
        def descend_resolver(self, *_: Any) -> None:
            return None

        def ascend_resolver(self, *_: Any) -> None:
            return None

        def resolve(self, kind: Any, _value: Any, implicit: tuple[bool, bool]) -> Any:
            if kind is yaml.ScalarNode:
                return _PLAIN if implicit[0] else _NOT_PLAIN
            return None

    return Composer


def _from_node(root: Any) -> Any:
    import yaml

    seen: set[int] = set()  # a node met twice is an alias: `load` counts what aliases expand to

    def fail(_line: int, _message: str) -> _Fallback:
        return _Fallback()

    def scalar(node: Any) -> Any:
        tag = None if node.tag is _PLAIN or node.tag is _NOT_PLAIN else node.tag
        if tag not in _SCALAR_TAGS:
            raise _Fallback
        return _scalar(node.value, node.style, tag, node.tag is _PLAIN, 0, fail)

    def build(node: Any, depth: int) -> Any:
        if id(node) in seen:
            raise _Fallback
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return scalar(node)
        if depth > MAX_DEPTH or node.tag not in _COLLECTION_TAGS:
            raise _Fallback
        if isinstance(node, yaml.SequenceNode):
            return [build(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if id(key_node) in seen or not isinstance(key_node, yaml.ScalarNode):
                raise _Fallback
            seen.add(id(key_node))
            tag = None if key_node.tag is _PLAIN or key_node.tag is _NOT_PLAIN else key_node.tag
            key = key_node.value
            if tag not in _SCALAR_TAGS or key in mapping or (key == "<<" and key_node.tag is _PLAIN):
                raise _Fallback
            mapping[key] = build(value_node, depth + 1)
        return mapping

    return None if root is None else build(root, 1)


# ------------------------------------------------------------ the flat reader

# a plain scalar: not starting with a YAML indicator, no ": " or " #" in it, not ending with ":"
_PLAIN_SCALAR = r"""[^\-?:,\[\]{}#&*!|>'"%@`\n ][^\n: ]*(?:(?::(?=[^ \n])| +(?=[^ \n#]))[^\n: ]*)*"""


# a value on one line, quotes kept (so that "" is not nothing): double-quoted with no escape but \" and \\,
# single-quoted with no quote inside, or plain
_VALUE = rf"""("[^"\\\n]*(?:\\["\\][^"\\\n]*)*"|'[^'\n]*'|{_PLAIN_SCALAR})"""
# one line of flat front matter: `key: value`, `key:` (a list or null follows), `  - item`; its groups
# are (key, value) or ("", "", indent, item)
_FLAT_LINE = rf"(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +{_VALUE})?|( *)- +{_VALUE}) *\n"
_FLAT_LINES = re.compile(_FLAT_LINE)
_ESCAPED = re.compile(r'\\(["\\])')
# what libyaml refuses (not printable) or reads as a line break (NEL, LS, PS), tabs, BOM
_NOT_FLAT_CHAR = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


class _NotFlat(Exception):
    """A text `_flat` does not vouch for."""


def _flat(text: str) -> dict[str, Any] | None:
    """The mapping in `text` when it is flat front matter, else None (the general reader reads it).

    Flat: every line `key: value` (a key a plain word at the margin; the value a plain scalar,
    a double-quoted one with no escape but \\" and \\\\, or a single-quoted one with no quote
    inside, all on their line), `key:` alone, or `- item` under such a key, all items of a list
    at one indentation. No comment, blank line, tab, anchor, tag or flow collection: anything
    else, or a duplicate key, is left to the reader that can say what is wrong. What is read
    is what `load_data` reads: the same core schema (`_scalar`) for plain scalars. Each line
    matches one way only (it ends at its line break), so the text is flat when the lines
    `finditer` gives follow one another from its start to its end (one pass, not a `fullmatch`
    of the whole text and a `findall` after it)."""
    text += "\n"
    if _NOT_FLAT_CHAR.search(text):
        return None
    mapping: dict[str, Any] = {}
    key = ""  # the key whose list is being read
    indent: str | None = None
    position = 0
    try:
        for line in _FLAT_LINES.finditer(text):
            if line.start() != position:
                return None  # a line that is not flat
            position = line.end()
            name, value, item_indent, item = line.groups("")
            if name:
                if name in mapping:
                    return None
                mapping[name] = _flat_scalar(value) if value else None
                key, indent = "" if value else name, None
            elif not key or (indent is not None and item_indent != indent):
                return None  # an item under a key with a value, or out of line with its list
            else:
                if indent is None:
                    indent, mapping[key] = item_indent, []
                mapping[key].append(_flat_scalar(item))
    except _NotFlat:
        return None
    return mapping if position == len(text) else None


def _flat_scalar(value: str) -> Any:
    if value[0] == '"':
        return _ESCAPED.sub(r"\1", value[1:-1]) if "\\" in value else value[1:-1]
    if value[0] == "'":
        return value[1:-1]
    return _plain(value)


@lru_cache(maxsize=1024)
def _plain(value: str) -> Any:
    """A plain scalar by the core schema (`false`, `2025-02-11 18:15:26`: front matter repeats them)."""
    def refuse(_line: int, _message: str) -> _NotFlat:
        return _NotFlat()

    return _scalar(value, None, None, True, 0, refuse)
