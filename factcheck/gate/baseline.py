"""Findings accepted earlier, recorded in a baseline file.

A baseline records findings by their stable id (rule, kind, subject, context,
values: never line numbers), so it survives edits that move text around and
stops matching exactly when a value changes. Entries that match nothing are
reported as stale. The file is JSON, one entry a line so diffs stay
readable; it is read with factcheck's safe YAML reader (JSON is YAML), so a
hand-edited or hostile baseline gets the same limits (nesting, size,
duplicate keys) and every entry its real line.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.files import write_atomically
from factcheck.gate.drafts import gating
from factcheck.records import Diagnostic, DiagnosticError, Finding

BASELINE_VERSION = 1


class BaselineError(DiagnosticError):
    """An unreadable baseline file; carries its one-line diagnostic."""


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Record every gating finding, atomically (files.write_atomically); raises OutputError."""
    entries = sorted({f.id: f for f in findings if gating(f)}.values(), key=lambda f: (f.rule_id, f.id))
    lines = [json.dumps({"id": f.id, "rule": f.rule_id, "kind": f.kind, "subject": f.subject,
                         "message": str(f.message)}, ensure_ascii=False, sort_keys=True) for f in entries]
    body = ",\n    ".join(lines)
    text = (f'{{\n  "schema_version": {BASELINE_VERSION},\n  "tool": "factcheck",\n  "findings": [\n'
            + (f"    {body}\n" if lines else "") + "  ]\n}\n")
    write_atomically(path, text)
    return len(entries)


def read_baseline(path: Path) -> dict[str, int]:
    """Finding id → the line of its entry in the baseline file."""
    from factcheck.safe_yaml import YAMLError, load

    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BaselineError(Diagnostic(shown, 0, f"cannot read baseline: {error.strerror or error}")) from None
    except UnicodeDecodeError:
        raise BaselineError(Diagnostic(shown, 1, "not a baseline (not valid UTF-8)")) from None
    try:
        data, lines = load(text.replace("\t", " "), shown, syntax="not a baseline (invalid JSON)")
    except YAMLError as error:
        raise BaselineError(error.diagnostic) from None
    if not isinstance(data, dict) or data.get("schema_version") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise BaselineError(Diagnostic(shown, 1, f"not a factcheck baseline (schema_version {BASELINE_VERSION})"))
    located = {}
    for index, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise BaselineError(Diagnostic(shown, lines.get(("findings", index), 1), "every baseline entry needs an id"))
        located[entry["id"]] = lines.get(("findings", index, "id"), 1)
    return located


def apply_baseline(findings: list[Finding], baseline: dict[str, int],
                   path: str) -> tuple[list[Finding], int, list[Diagnostic]]:
    """Findings not in the baseline, how many were, and the stale entries."""
    current = {f.id for f in findings}
    kept = [f for f in findings if not (gating(f) and f.id in baseline)]
    stale = [Diagnostic(path, line, f"stale baseline entry {finding_id}: it matches no finding now", "warning")
             for finding_id, line in sorted(baseline.items(), key=lambda item: item[1])
             if finding_id not in current]
    return kept, len(findings) - len(kept), stale
