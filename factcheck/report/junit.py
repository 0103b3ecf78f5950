"""`--format junit`: JUnit XML, for CI systems that show test results.

One testsuite, `factcheck`, with one testcase per finding (classname `factcheck.RULE`,
name: subject, kind and finding id; `file` and `line` of its first claim). A
disagreement or omission at level error or warning is a `<failure>` whose text
lists every source's claim; agreements and info-level findings pass, with the
same listing as `<system-out>`. Unreadable articles and broken rules are
testcases with an `<error>`. No timings or timestamps: the same input gives the
same bytes. Characters XML 1.0 cannot hold are dropped; the rest is escaped.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.report.common import context_text, subject_name, title

FAILING_LEVELS = ("error", "warning")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: Any) -> str:
    return _NOT_XML.sub("", str(value)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: Any) -> str:
    return '"' + (text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
                  .replace("\t", "&#9;")) + '"'


def fails(finding: dict[str, Any]) -> bool:
    return finding["kind"] != "agreement" and finding["level"] in FAILING_LEVELS


def render(data: dict[str, Any], color: bool = False) -> str:
    findings = data["findings"]
    diagnostics = data["diagnostics"]
    tests = len(findings) + len(diagnostics)
    failures = sum(fails(f) for f in findings)
    errors = len(diagnostics)
    counts = f'tests="{tests}" failures="{failures}" errors="{errors}" skipped="0"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="factcheck" {counts}>',
           f'  <testsuite name="factcheck" {counts}>']
    for finding in findings:
        out += _testcase(data, finding)
    for d in diagnostics:
        where = f"{d['path']}:{d['line']}" if d.get("line") else d["path"]
        line = f" line={attr(d['line'])}" if d.get("line") else ""
        out += [f"    <testcase classname=\"factcheck.input\" name={attr(where)} file={attr(d['path'])}{line}>",
                f"      <error type={attr(d['level'])} message={attr(d['message'])}>{text(where)}: "
                f"{text(d['message'])}</error>",
                "    </testcase>"]
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def _testcase(data: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    first = finding["claims"][0] if finding["claims"] else None
    name = " ".join(part for part in (subject_name(data, finding["subject"]), finding["kind"], finding["id"]) if part)
    where = f" file={attr(first['article'])} line={attr(first['line'])}" if first else ""
    out = [f"    <testcase classname={attr('factcheck.' + finding['rule'])} name={attr(name)}{where}>"]
    body = text(_body(data, finding))
    if fails(finding):
        out.append(f"      <failure type={attr(finding['kind'])} message={attr(finding['message'])}>{body}</failure>")
    else:
        out.append(f"      <system-out>{body}</system-out>")
    out.append("    </testcase>")
    return out


def _body(data: dict[str, Any], finding: dict[str, Any]) -> str:
    lines = [f"{finding['level'].upper()} {finding['kind']}: {title(data, finding)}", finding["message"]]
    for claim in finding["claims"]:
        context = context_text(claim)
        lines.append(f"{claim['outlet']} {claim['article']}:{claim['line']} {claim['value']['display']}"
                     + (f" [{context}]" if context else ""))
        lines.append(f"  > {claim['sentence']}")
    lines += [f"- {detail}" for detail in finding["details"]]
    return "\n".join(lines)
