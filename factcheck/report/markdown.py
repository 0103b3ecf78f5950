"""`--format markdown`: a discrepancy report an editor pastes into a ticket.

A summary, then one section per finding that is not an agreement (disagreements,
omissions, differing contexts), each with a table of source × value × context ×
quote (file:line), then the agreements in one list, the articles and any input
errors. Article text is escaped so that no character of it is read as Markdown
(a `|` cannot break a table, a `<` cannot open a tag); the value is shown as a
code span inside its quote, which needs no escaping rules and renders highlighted.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.report.common import (KIND_MEANINGS, KIND_TITLES, by_kind, context_text, missing_members,
                                     split_sentence, subject_name, title)
from factcheck.report.text import summary_lines

# characters that can start Markdown anywhere in a line (HTML, emphasis, links, code, tables, math)
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
# what a line or list item may start with that opens a block: 1. 2) - + =
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")


def escape(text: str) -> str:
    """Plain text as Markdown that renders as that text, on one line (table cells hold no line breaks)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def escape_block(text: str) -> str:
    """`escape`, for text that starts a heading or a list item: `1.` or `-` there would open a list."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
                            escape(text))


def code(text: str, table: bool = True) -> str:
    """A code span: backslashes stay literal inside; a pipe still needs `\\|` inside a table."""
    text = " ".join(str(text).split())
    if table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(data: dict[str, Any], color: bool = False) -> str:
    summary = data["summary"]
    out = ["# factcheck: where the sources disagree", ""]
    out.append(" ".join(summary_lines(summary)))
    out += ["",
            "| articles | claims checked | agree | disagree | omissions | differ by context | input errors |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {summary['articles']} | {summary['groups_checked']} | {summary['agreements']} "
            f"| {summary['disagreements']} | {summary['omissions']} | {summary['context_differs']} "
            f"| {summary['input_errors']} |", ""]
    for kind, findings in by_kind(data["findings"]):
        out += [f"## {KIND_TITLES.get(kind, 'Other findings')}", ""]
        if kind == "agreement":
            out += [_agreement(data, f) for f in findings] + [""]
            continue
        if kind in KIND_MEANINGS:
            out += [KIND_MEANINGS[kind], ""]
        for finding in findings:
            out += _finding(data, finding)
    out += _articles(data) + _diagnostics(data)
    return "\n".join(out).rstrip("\n") + "\n"


def _finding(data: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    out = [f"### {escape_block(title(data, finding))}", "",
           f"**{finding['level'].upper()}** · {finding['kind']} · {escape(finding['message'])} · "
           f"rule {code(finding['rule'])} · {code(finding['id'])}", "",
           "| source | value | context | quote | file:line |",
           "| --- | --- | --- | --- | --- |"]
    for claim in finding["claims"]:
        before, value, after = split_sentence(claim)
        quote = escape(before) + (code(value) if value else "") + escape(after)
        if claim.get("note"):
            quote += f" *({escape(claim['note'])})*"
        shown = escape(claim["value"]["display"])
        if finding["kind"] == "omission":
            left_out = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
            if left_out:
                shown += f" — leaves out {escape(', '.join(left_out))}"
        out.append(f"| {escape(claim['outlet'])} | **{shown}** | {escape(context_text(claim))} | {quote} "
                   f"| {code(_where(claim))} |")
    out.append("")
    out += [f"- {escape_block(detail)}" for detail in finding["details"]]
    return out + ([""] if finding["details"] else [])


def _where(claim: dict[str, Any]) -> str:
    return f"{claim['article']}:{claim['line']}"


def _agreement(data: dict[str, Any], finding: dict[str, Any]) -> str:
    sources = ", ".join(f"{escape(c['outlet'])} ({code(_where(c), table=False)})" for c in finding["claims"])
    return (f"- **{escape(title(data, finding))}**: {escape(finding['message'])} — {sources} · "
            f"{code(finding['id'], table=False)}")


def _articles(data: dict[str, Any]) -> list[str]:
    if not data["articles"]:
        return []
    out = ["## Articles", "", "| outlet | title | published | file |", "| --- | --- | --- | --- |"]
    for article in data["articles"]:
        name = escape(article["title"] or "")
        url = article.get("url") or ""
        if url.startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
            name = f"[{name or escape(url)}](<{url.replace('|', '%7C')}>)"
        out.append(f"| {escape(article['outlet'])} | {name} | {escape(article['published'] or '')} "
                   f"| {code(article['path'])} |")
    return out + [""]


def _diagnostics(data: dict[str, Any]) -> list[str]:
    if not data["diagnostics"]:
        return []
    out = ["## Input errors", ""]
    for d in data["diagnostics"]:
        where = f"{d['path']}:{d['line']}" if d.get("line") else d["path"]
        out.append(f"- {d['level']}: {code(where, table=False)} {escape(d['message'])}")
    return out + [""]
