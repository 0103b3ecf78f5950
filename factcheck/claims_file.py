"""Claims files: what `factcheck extract` writes for one shard, and `factcheck compare` reads back.

Splitting a run into extract (a map over articles, one shard per machine or
job) and compare (one group-by over every shard's claims) lets any scheduler
run it. A claims file is JSON Lines: a header, then one line per article file
of the shard, in file order: its article (text dropped, as reports need it)
and claims, or the diagnostic that says why it could not be read. Folder
problems (an empty folder, a missing path) go to shard 1.

Which shard a file is in depends only on its path as shown (a SHA-256 of it,
modulo N), so it is stable across machines and runs, and adding an article
never moves another to a different shard. Each line carries the file's index
in the whole run's sorted file list, so compare restores the order of a single
run and its report is byte-identical to `factcheck DIR`.

Values are written with their own `to_dict()` and read back with the
`from_dict()` of the value type of the claim's rule's kind, so a new kind's
values round-trip with no edit here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from factcheck.copies import sentence_prints
from factcheck.records import Article, Claim, ContextValue, Diagnostic, RuleBase, Suppression

FORMAT = 3  # 2: a dated claim carries `written` (its publish day) and `to_come`, which compare reads;
# 3: a rule's note carries its rule (`rule`), which compare's notes are counted by
MAGIC = "factcheck-claims"


class ClaimsFileError(Exception):
    """A claims file that cannot be used: printed as one `path:line: error: message` line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(str(Diagnostic(path, line, message)))


@dataclass(frozen=True)
class Shard:
    """Shard `index` (1-based) of `count`."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """'2/4' → Shard(2, 4); ValueError with a readable message otherwise."""
        index, _, count = text.partition("/")
        if not (index.isdigit() and count.isdigit()) or not 1 <= int(index) <= int(count):
            raise ValueError(f"expected I/N with 1 <= I <= N (e.g. 2/4), got {text!r}")
        return cls(int(index), int(count))

    def holds(self, display: str) -> bool:
        return shard_of(display, self.count) == self.index


def shard_of(display: str, count: int) -> int:
    """The 1-based shard of the file shown as `display`: a hash of its path, the same on every machine."""
    return int(hashlib.sha256(display.encode()).hexdigest()[:16], 16) % count + 1


@dataclass(frozen=True)
class Header:
    """What a claims file was made from; compare refuses files that do not fit together."""

    version: str  # factcheck's
    rules: str  # the rule set's digest and the ids of the rules that ran
    extraction: str  # a digest of the options that change what is extracted
    inputs: tuple[str, ...]  # the paths given to extract
    files: int  # article files in the whole run (every shard)
    shard: Shard

    def to_dict(self) -> dict[str, Any]:
        return {"format": MAGIC, "format_version": FORMAT, "factcheck": self.version, "rules": self.rules,
                "extraction": self.extraction, "inputs": list(self.inputs), "files": self.files,
                "shard": f"{self.shard.index}/{self.shard.count}"}


def rules_key(digest: str, rule_ids: Iterable[str]) -> str:
    return hashlib.sha256((digest + "\0" + ",".join(sorted(rule_ids))).encode()).hexdigest()[:16]


def extraction_key(*options: object) -> str:
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


# -------------------------------------------------------------------- write


def lines(header: Header, problems: Iterable[Diagnostic],
          outcomes: Iterable[tuple[int, Diagnostic | tuple[Article, list[Claim]]]]) -> Iterator[str]:
    """The file's lines: the header, folder problems, then (file index, outcome) in file order."""
    yield _json(header.to_dict())
    for problem in problems:
        yield _json({"problem": _diagnostic(problem)})
    for index, outcome in outcomes:
        if isinstance(outcome, Diagnostic):
            yield _json({"file": index, "error": _diagnostic(outcome)})
        else:
            article, claims = outcome
            yield _json({"file": index, "article": _article(article), "claims": [_claim(c) for c in claims]})


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    data: dict[str, Any] = {"path": d.path, "line": d.line, "message": d.message, "level": d.level, "code": d.code}
    if d.rule:  # as a claim's to_come: only when set
        data["rule"] = d.rule
    return data


def _article(a: Article) -> dict[str, Any]:
    return {"path": a.path, "title": a.title, "published": a.published.isoformat() if a.published else None,
            "label": a.label, "outlet": a.outlet, "url": a.url, "lang": a.lang, "lang_from": a.lang_from,
            "named_outlet": a.named_outlet, "body_print": [h.hex() for h in sentence_prints(a.body_print)],
            "suppressions": [[list(s.rules), s.first_line, s.last_line, s.line, s.where] for s in a.suppressions],
            "notes": [_diagnostic(n) for n in a.notes]}


def _claim(c: Claim) -> dict[str, Any]:
    data = {"rule": c.rule_id, "subject": c.subject, "value": c.value.to_dict(),
            "context": [[x.name, x.value, x.evidence, x.inferred] for x in c.context],
            "article": c.article, "outlet": c.outlet, "line": c.line, "sentence": c.sentence,
            "span": list(c.span), "note": c.note, "named_outlet": c.named_outlet}
    if c.to_come:  # written only when set: a claims file of claims without it keeps its bytes
        data["to_come"] = True
    if c.written is not None:
        data["written"] = c.written.isoformat()
    if c.in_title:  # as to_come: only when set
        data["in_title"] = True
    return data


# --------------------------------------------------------------------- read


@dataclass(frozen=True)
class Shards:
    """Every shard's records merged back into the order of one run."""

    problems: list[Diagnostic]
    outcomes: list[Diagnostic | tuple[Article, list[Claim]]]


def read(paths: list[str], expected: Header, rules: dict[str, RuleBase]) -> Shards:
    """Read the claims files of one run (all N shards, each once); ClaimsFileError if they do not fit.

    `expected` holds what this factcheck and rule set would write (its inputs,
    files and shard are not compared: they come from the first file).
    """
    from factcheck.kinds import KINDS

    first: Header | None = None
    seen: dict[int, str] = {}
    problems: list[Diagnostic] = []
    indexed: list[tuple[int, Diagnostic | tuple[Article, list[Claim]]]] = []
    for path in paths:
        try:
            stream = open(path, encoding="utf-8")  # noqa: SIM115 (closed below)
        except OSError as error:
            raise ClaimsFileError(path, 0, f"cannot read: {error.strerror}") from None
        with stream:
            header = _header(path, stream.readline(), expected)
            if first is None:
                first = header
            for field, mine, theirs in (("inputs", header.inputs, first.inputs), ("files", header.files, first.files),
                                        ("shard count", header.shard.count, first.shard.count)):
                if mine != theirs:
                    raise ClaimsFileError(path, 1, f"{field} {mine!r} differ from {theirs!r} in {paths[0]}: "
                                          "the files are not shards of one run")
            if header.shard.index in seen:
                raise ClaimsFileError(path, 1, f"shard {header.shard.index}/{header.shard.count} "
                                      f"is also in {seen[header.shard.index]}")
            seen[header.shard.index] = path
            for number, text in enumerate(stream, start=2):
                try:
                    record = json.loads(text)
                    if "problem" in record:
                        problems.append(Diagnostic(**record["problem"]))
                    elif "error" in record:
                        indexed.append((record["file"], Diagnostic(**record["error"])))
                    else:
                        claims = [_read_claim(c, rules, KINDS) for c in record["claims"]]
                        indexed.append((record["file"], (_read_article(record["article"]), claims)))
                except (ValueError, KeyError, TypeError, AttributeError) as error:
                    raise ClaimsFileError(path, number, f"not a claims record ({type(error).__name__}: {error})") \
                        from None
    assert first is not None, "read() needs at least one path"
    missing = [str(i) for i in range(1, first.shard.count + 1) if i not in seen]
    if missing:
        raise ClaimsFileError(paths[0], 1, f"shard(s) {', '.join(missing)} of {first.shard.count} missing: "
                              "compare needs every shard's claims file")
    indexed.sort(key=lambda pair: pair[0])
    return Shards(problems, [outcome for _, outcome in indexed])


def _header(path: str, text: str, expected: Header) -> Header:
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != MAGIC:
            raise ValueError
    except ValueError:
        raise ClaimsFileError(path, 1, "not a factcheck claims file (write one with `factcheck extract`)") from None
    if data.get("format_version") != FORMAT or data.get("factcheck") != expected.version:
        raise ClaimsFileError(path, 1, f"written by factcheck {data.get('factcheck')} (claims format "
                              f"{data.get('format_version')}); this is factcheck {expected.version} (format {FORMAT}): "
                              "extract again")
    if data.get("rules") != expected.rules:
        raise ClaimsFileError(path, 1, "extracted with another rule set (or other rules enabled) than --rules "
                              "gives: extract again with these rules")
    if data.get("extraction") != expected.extraction:
        raise ClaimsFileError(path, 1, "extracted with other --timezone, --outlets or --max-file-size "
                              "than this run: extract again")
    try:
        return Header(data["factcheck"], data["rules"], data["extraction"], tuple(data["inputs"]),
                      int(data["files"]), Shard.parse(data["shard"]))
    except (KeyError, TypeError, ValueError) as error:
        raise ClaimsFileError(path, 1, f"a damaged claims file header ({error})") from None


def _read_article(data: dict[str, Any]) -> Article:
    published = datetime.fromisoformat(data["published"]) if data["published"] else None
    return Article(path=data["path"], title=data["title"], published=published, label=data["label"],
                   outlet=data["outlet"], url=data["url"], segments=(),
                   suppressions=tuple(Suppression(tuple(r), first, last, line, where)
                                      for r, first, last, line, where in data["suppressions"]),
                   notes=tuple(Diagnostic(**n) for n in data["notes"]),
                   lang=data.get("lang", ""), lang_from=data.get("lang_from", ""),
                   named_outlet=data.get("named_outlet", ""), body_print=bytes.fromhex("".join(data.get("body_print", ()))))


def _read_claim(data: dict[str, Any], rules: dict[str, RuleBase], kinds: dict[str, Any]) -> Claim:
    value_type = kinds[rules[data["rule"]].kind].value_type  # the kind that made it reads it back
    return Claim(rule_id=data["rule"], subject=data["subject"], value=value_type.from_dict(data["value"]),
                 context=tuple(ContextValue(n, v, e, i) for n, v, e, i in data["context"]),
                 article=data["article"], outlet=data["outlet"], line=data["line"], sentence=data["sentence"],
                 span=(data["span"][0], data["span"][1]), note=data["note"],
                 named_outlet=data.get("named_outlet", ""), to_come=data.get("to_come", False),
                 written=date.fromisoformat(data["written"]) if data.get("written") else None,
                 in_title=data.get("in_title", False))


def write(path: Path, text: Iterable[str]) -> None:
    from factcheck.files import write_atomically

    write_atomically(path, text)
