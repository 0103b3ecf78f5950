"""`--format sarif`: SARIF 2.1.0, the log that code-scanning tools read.

One run; `tool.driver` names factcheck and lists every rule (id, description,
default level). Every finding that is not an agreement is a result: its level
(error, warning, note), a message naming each source and its value, the claim
that states the conflict as the location and the other sources' claims as
related locations (the message links them), and the finding id as partial
fingerprint, stable across edits because it never depends on line numbers.
Unreadable articles and broken rules are tool execution notifications. No
timestamps, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from factcheck.report.common import missing_members, primary_claim, subject_name
from factcheck.report.messages import catalogue

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "factcheckFindingId/v1"
# what findings a rule of each kind can give (a set rule also reports omissions)
KINDS_BY_RULE_KIND = {"set": ("disagreement", "omission", "context-differs")}
t = catalogue("en")


def render(data: dict[str, Any], color: bool = False) -> str:
    rules = data.get("rules", [])
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": data.get("tool", {}).get("name", "factcheck"),
        "version": str(data.get("tool", {}).get("version", "")),
        "rules": [_rule(rule) for rule in rules],
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [_invocation(data)],
        "results": [_result(data, finding, index) for finding in data["findings"] if finding["kind"] != "agreement"],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    description = rule.get("description") or rule["id"]
    kinds = KINDS_BY_RULE_KIND.get(rule.get("kind", ""), ("disagreement", "context-differs"))
    full = (f"{description}. factcheck compares what each article says about this across sources; "
            f"it never picks a right value.")
    text = [full, ""] + [f"{kind}: {t('meaning.' + kind)} {t('help.' + kind)}" for kind in kinds]
    markdown = [full, ""] + [f"- **{kind}**: {t('meaning.' + kind)} {t('help.' + kind)}" for kind in kinds]
    return {
        "id": rule["id"],
        "shortDescription": {"text": description},
        "fullDescription": {"text": full},
        "help": {"text": "\n".join(text), "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS.get(rule.get("level", ""), "warning")},
        "properties": {"kind": rule.get("kind", "")},
    }


def _result(data: dict[str, Any], finding: dict[str, Any], index: dict[str, int]) -> dict[str, Any]:
    claims = finding["claims"]
    primary = primary_claim(finding)
    others = [c for c in claims if c is not primary]
    name = subject_name(data, finding["subject"])
    sources = [plain(f"{primary['outlet']} says {_value(data, finding, primary)}")]
    sources += [f"[{plain(c['outlet'] + ' says ' + _value(data, finding, c))}]({i})" for i, c in enumerate(others, 1)]
    text = plain(f"{name + ': ' if name else ''}{finding['message']}.") + " " + "; ".join(sources) + "."
    result: dict[str, Any] = {"ruleId": finding["rule"]}
    if finding["rule"] in index:
        result["ruleIndex"] = index[finding["rule"]]
    result["level"] = LEVELS.get(finding["level"], "warning")
    result["message"] = {"text": text}
    result["locations"] = [_location(primary)]
    if others:
        result["relatedLocations"] = [_location(c, i) for i, c in enumerate(others, 1)]
    result["partialFingerprints"] = {FINGERPRINT: finding["id"]}
    result["properties"] = {"findingId": finding["id"], "findingKind": finding["kind"],
                            "subject": finding["subject"], "context": finding["context"],
                            "details": finding["details"]}
    return result


def _value(data: dict[str, Any], finding: dict[str, Any], claim: dict[str, Any]) -> str:
    left_out = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
    return claim["value"]["display"] + (f" (leaves out {', '.join(left_out)})" if left_out else "")


def _location(claim: dict[str, Any], ident: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if ident is not None:
        location["id"] = ident
    location["physicalLocation"] = _physical(claim["article"], claim["line"])
    quote_text = claim["sentence"].replace("\n", " ")
    context = ", ".join(f"{c['name']}={c['value']}" for c in claim["context"])
    location["message"] = {"text": plain(f"{claim['outlet']}: {claim['value']['display']}"
                                         f"{f' ({context})' if context else ''} — 「{quote_text}」")}
    return location


def _physical(path: str, line: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line and line > 0:
        physical["region"] = {"startLine": line}
    return physical


def artifact_uri(path: str) -> str:
    """The path as a URI reference: relative paths stay relative (to the repository root, for GitHub)."""
    posix = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def plain(text: str) -> str:
    """Text for a SARIF message string: braces doubled (they mark placeholders), brackets and
    backslashes escaped (brackets mark links to related locations)."""
    return re.sub(r"([\[\]\\])", r"\\\1", text.replace("{", "{{").replace("}", "}}"))


def _invocation(data: dict[str, Any]) -> dict[str, Any]:
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(d["level"] == "error" for d in data["diagnostics"]),
    }
    if data["diagnostics"]:
        invocation["toolExecutionNotifications"] = [
            {"level": "error" if d["level"] == "error" else "warning", "message": {"text": plain(d["message"])},
             "locations": [{"physicalLocation": _physical(d["path"], d.get("line"))}]}
            for d in data["diagnostics"]
        ]
    return invocation
