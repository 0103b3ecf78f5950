"""`--format html`: one self-contained page for an editor who never saw a terminal.

A summary, a matrix of sources × findings coloured by where each source stands
(agrees, disagrees, leaves something out, differs only by context, silent),
then each finding with a side-by-side table of the sources: value, context and
the quoted sentence with the value highlighted. Inline CSS only: no script, no
external asset, nothing fetched; the only links are the articles' own URLs and
anchors inside the page. Every piece of article, rule and path text goes
through `html.escape`. No timestamp: the same input gives the same bytes.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from factcheck.report.common import (KIND_MEANINGS, KIND_TITLES, by_kind, compatible_with_all, missing_members,
                                     split_sentence, stance, subject_name, title)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not text: a browser shows a box


def escape(text: str) -> str:
    """`html.escape` (quotes too), without the control characters HTML has no use for."""
    return html.escape(_CONTROL.sub("", text))


STANCES = {  # class: (symbol, label in the legend and tooltips)
    "disagree": ("✗", "disagrees: its value conflicts with another source's"),
    "omits": ("−", "leaves out a name other sources give"),
    "names-all": ("+", "names members another source leaves out"),
    "context": ("≈", "gives a different number about a different context (market, session, day…)"),
    "agree": ("✓", "agrees (or its value fits every other one)"),
    "silent": ("·", "says nothing about it"),
}
DETAILS_TITLES = {
    "disagreement": "Which values clash:",
    "currency-differs": "Which amounts differ only in currency:",
    "omission": "Who leaves out what:",
    "context-differs": "The values grouped by context (? = the article does not say):",
    "agreement": "Details:",
}

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa;
  --red: #b42318; --red-bg: #fde8e7; --amber: #8a5300; --amber-bg: #fff1d6; --amber-pale: #fff8eb;
  --blue: #0b5cad; --blue-bg: #e3f0fc; --green: #1a7f37; --green-bg: #e4f6e8; --grey-bg: #f0f1f3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue",
    Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 17px; margin: 0; }
p { margin: 6px 0; }
a { color: var(--blue); }
.sub { display: block; }
code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  font-size: 12.5px; color: var(--muted); }
.lead { color: var(--muted); margin-bottom: 18px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 8px; padding: 0; list-style: none; }
.card { min-width: 118px; padding: 10px 14px; border-radius: 8px; background: var(--bg);
  border: 1px solid var(--line); }
.card .n { display: block; font-size: 28px; font-weight: 700; line-height: 1.1; }
.card .l { font-size: 13px; color: var(--muted); }
.card.disagree { background: var(--red-bg); border-color: #f3b8b3; } .card.disagree .n { color: var(--red); }
.card.omits { background: var(--amber-bg); border-color: #f0d08a; } .card.omits .n { color: var(--amber); }
.card.context { background: var(--blue-bg); border-color: #b6d4f2; } .card.context .n { color: var(--blue); }
.card.agree { background: var(--green-bg); border-color: #b3dfbf; } .card.agree .n { color: var(--green); }
.card.input.bad { background: var(--red-bg); } .card.input.bad .n { color: var(--red); }
table { border-collapse: collapse; width: 100%; margin: 10px 0; }
th, td { border: 1px solid var(--line); padding: 7px 9px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-size: 13px; font-weight: 600; }
.matrix-wrap { overflow-x: auto; }
.matrix { width: auto; min-width: 60%; }
.matrix th.finding { min-width: 120px; max-width: 190px; font-weight: 600; }
.matrix th.finding a { color: var(--ink); text-decoration: none; }
.matrix th.finding a:hover { text-decoration: underline; }
.matrix th.finding .kind { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.matrix th.source { white-space: nowrap; }
.matrix td { font-size: 13.5px; min-width: 90px; }
.matrix td .sym { font-weight: 700; margin-right: 4px; }
td.disagree { background: var(--red-bg); color: var(--red); }
td.omits { background: var(--amber-bg); color: var(--amber); }
td.names-all { background: var(--amber-pale); color: var(--amber); }
td.context { background: var(--blue-bg); color: var(--blue); }
td.agree { background: var(--green-bg); color: var(--green); }
td.silent { background: var(--grey-bg); color: #8c959f; text-align: center; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 6px 0 0; list-style: none;
  font-size: 13px; color: var(--muted); }
.legend span.swatch { display: inline-block; min-width: 22px; padding: 0 4px; margin-right: 4px; border-radius: 3px;
  text-align: center; font-weight: 700; }
.swatch.disagree { background: var(--red-bg); color: var(--red); }
.swatch.omits { background: var(--amber-bg); color: var(--amber); }
.swatch.names-all { background: var(--amber-pale); color: var(--amber); }
.swatch.context { background: var(--blue-bg); color: var(--blue); }
.swatch.agree { background: var(--green-bg); color: var(--green); }
.swatch.silent { background: var(--grey-bg); color: #8c959f; }
section.finding { margin: 18px 0 26px; padding: 14px 16px; border: 1px solid var(--line); border-radius: 8px;
  border-left-width: 6px; }
section.finding.disagreement { border-left-color: var(--red); }
section.finding.omission { border-left-color: #d18f00; }
section.finding.context-differs { border-left-color: var(--blue); }
section.finding.agreement { border-left-color: var(--green); }
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 10px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
  text-transform: uppercase; letter-spacing: .03em; }
.badge.error { background: var(--red); color: #fff; }
.badge.warning { background: #d18f00; color: #fff; }
.badge.info { background: #6e7781; color: #fff; }
.badge.kind { background: var(--bg); color: var(--ink); border: 1px solid var(--line); text-transform: none; }
.message { font-weight: 600; margin-top: 8px; }
.meaning { color: var(--muted); font-size: 14px; }
.claims td.value { font-weight: 700; white-space: nowrap; }
.claims td.value .also { display: block; font-weight: 400; color: var(--amber); white-space: normal; }
.claims td.source { white-space: nowrap; }
.claims td.quote { min-width: 320px; }
.claims td .ev { display: block; color: var(--muted); font-size: 12px; font-weight: 400; }
.claims td .ev.inferred { font-style: italic; }
.claims td.none { color: #8c959f; }
tr.fits td.value { color: var(--green); }
.fits-note { display: block; font-weight: 400; font-size: 12px; color: var(--green); white-space: normal; }
mark { background: #ffe066; color: inherit; padding: 0 2px; border-radius: 2px; font-weight: 700; }
.note { display: block; margin-top: 4px; color: var(--muted); font-size: 13px; }
ul.details { margin: 6px 0 0; padding-left: 20px; color: var(--muted); font-size: 13.5px; }
details summary { cursor: pointer; color: var(--blue); margin-top: 6px; }
.articles td { font-size: 14px; }
.diagnostics li { color: var(--red); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { details { display: block; } section.finding { break-inside: avoid; } }
"""


def render(data: dict[str, Any], color: bool = False) -> str:
    findings = data["findings"]
    out = ['<!DOCTYPE html>', '<html lang="zh">', '<head>', '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(_page_title(data))}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>"]
    out += _summary(data)
    if findings:
        out += _matrix(data)
    number = {f["id"]: i for i, f in enumerate(_ordered(findings), 1)}
    for kind, group in by_kind(findings):
        out.append(f'<h2 id="kind-{escape(kind)}">{escape(KIND_TITLES.get(kind, "Other findings"))} '
                   f"({len(group)})</h2>")
        if kind in KIND_MEANINGS:
            out.append(f'<p class="meaning">{escape(KIND_MEANINGS[kind])}</p>')
        for finding in group:
            out += _finding(data, finding, number[finding["id"]])
    out += _articles(data) + _diagnostics(data)
    tool = data.get("tool", {})
    out += [f"<footer>Made by {escape(tool.get('name', 'factcheck'))} {escape(str(tool.get('version', '')))}. "
            "It never picks a “right” value: it shows where the sources differ, with their words.</footer>",
            "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _page_title(data: dict[str, Any]) -> str:
    s = data["summary"]
    return f"factcheck: {s['disagreements']} disagreements, {s['omissions']} omissions in {s['articles']} articles"


def _ordered(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for _, group in by_kind(findings) for f in group]


def _summary(data: dict[str, Any]) -> list[str]:
    s = data["summary"]
    cards = [
        ("articles", s["articles"], "articles", ""),
        ("checked", s["groups_checked"], "claims checked across sources", ""),
        ("agree", s["agreements"], "agreements", "agree"),
        ("disagree", s["disagreements"], "disagreements", "disagree"),
        ("omits", s["omissions"], "omissions", "omits"),
        ("context", s["context_differs"], "differ only by context", "context"),
        ("input", s["input_errors"], "input errors", "input bad" if s["input_errors"] else "input"),
    ]
    out = ["<header>", "<h1>Where the sources disagree</h1>",
           f'<p class="lead">{s["articles"]} articles, {s["rules"]} rules, {s["claims"]} claims found. '
           f"A claim is “checked” when at least two articles speak to the same fact.</p>",
           '<ul class="cards" id="summary">']
    for key, number, label, css in cards:
        out.append(f'<li class="{" ".join(["card", *css.split()])}" data-count="{key}"><span class="n">{number}</span>'
                   f'<span class="l">{escape(label)}</span></li>')
    out += ["</ul>", "</header>"]
    return out


def _matrix(data: dict[str, Any]) -> list[str]:
    findings = _ordered(data["findings"])
    out = ['<h2 id="matrix">Who says what</h2>',
           '<p class="meaning">Each row is an article, each column a fact the sources were compared on. '
           "Click a column heading to see the quotes.</p>", '<div class="matrix-wrap">', '<table class="matrix">',
           "<thead><tr><th>source</th>"]
    for i, finding in enumerate(findings, 1):
        out.append(f'<th class="finding" scope="col"><a href="#{escape(finding["id"])}">{i}. '
                   f"{escape(title(data, finding))}</a>"
                   f'<span class="kind">{escape(finding["kind"])}</span></th>')
    out.append("</tr></thead><tbody>")
    for article in data["articles"]:
        path = article["path"]
        out.append(f'<tr><th class="source" scope="row">{escape(article["outlet"])}'
                   f'<span class="path sub">{escape(_short(path))}</span></th>')
        for finding in findings:
            where = stance(finding, path)
            symbol, meaning = STANCES[where]
            values = list(dict.fromkeys(c["value"]["display"] for c in finding["claims"] if c["article"] == path))
            if where == "silent":
                out.append(f'<td class="silent" title="{escape(meaning)}">{symbol}</td>')
                continue
            text = ", ".join(values)
            if where == "omits":
                left = ", ".join(subject_name(data, m) for m in missing_members(finding, path))
                text = f"leaves out {left}"
            out.append(f'<td class="{where}" title="{escape(meaning)}"><span class="sym">{symbol}</span>'
                       f"{escape(text)}</td>")
        out.append("</tr>")
    out += ["</tbody></table>", "</div>", '<ul class="legend">']
    for where, (symbol, meaning) in STANCES.items():
        out.append(f'<li><span class="swatch {where}">{symbol}</span>{escape(meaning)}</li>')
    out.append("</ul>")
    return out


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _finding(data: dict[str, Any], finding: dict[str, Any], number: int) -> list[str]:
    kind = finding["kind"]
    out = [f'<section class="finding {escape(kind)}" id="{escape(finding["id"])}">', '<div class="head">',
           f"<h3>{number}. {escape(title(data, finding))}</h3>",
           f'<span class="badge {escape(finding["level"])}">{escape(finding["level"])}</span>',
           f'<span class="badge kind">{escape(kind)}</span>',
           f'<code title="finding id (stable across runs)">{escape(finding["id"])}</code>',
           f'<code title="rule">{escape(finding["rule"])}</code>', "</div>",
           f'<p class="message">{escape(finding["message"])}</p>']
    table = _claims_table(data, finding)
    if kind == "agreement":  # compact: who agrees, the quotes one click away
        sources = ", ".join(f"{c['outlet']} ({_short(c['article'])}:{c['line']})" for c in finding["claims"])
        out.append(f"<p>{escape(sources)}</p>")
        out += ["<details>", "<summary>Show the quotes</summary>"] + table + ["</details>"]
    else:
        out += table
    if finding["details"]:
        out.append(f'<p class="meaning">{escape(DETAILS_TITLES.get(kind, "Details"))}</p>')
        out.append('<ul class="details">')
        out += [f"<li>{escape(detail)}</li>" for detail in finding["details"]]
        out.append("</ul>")
    out.append("</section>")
    return out


def _claims_table(data: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    names = list(dict.fromkeys(item["name"] for c in finding["claims"] for item in c["context"]))
    shared = finding.get("context") or {}
    out = ['<table class="claims">', "<thead><tr><th>source</th><th>value</th>"]
    out += [f"<th>{escape(name)}</th>" for name in names]
    out.append("<th>quoted sentence</th></tr></thead><tbody>")
    for claim in finding["claims"]:
        fits = finding["kind"] == "disagreement" and compatible_with_all(finding, claim)
        out.append('<tr class="fits">' if fits else "<tr>")
        out.append(f'<td class="source">{escape(claim["outlet"])}'
                   f'<span class="path sub">{escape(_short(claim["article"]))}:'
                   f'{escape(str(claim["line"]))}</span></td>')
        value = escape(claim["value"]["display"])
        raw = claim["value"].get("raw") or ""
        if raw and raw != claim["value"]["display"] and claim["value"].get("type") != "set":
            value += f'<span class="ev">as written: {escape(raw)}</span>'
        if finding["kind"] == "omission":
            left = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
            if left:
                value += f'<span class="also">leaves out {escape(", ".join(left))}</span>'
        if fits:
            value += '<span class="fits-note">fits every other value</span>'
        out.append(f'<td class="value">{value}</td>')
        context = {item["name"]: item for item in claim["context"]}
        for name in names:
            item = context.get(name)
            if item is None:
                text = shared.get(name)
                out.append(f"<td>{escape(text)}</td>" if text else '<td class="none">not said</td>')
                continue
            evidence = ""
            if item.get("evidence"):
                css = "ev inferred" if item.get("inferred") else "ev"
                evidence = f'<span class="{css}">{escape(item["evidence"])}</span>'
            out.append(f"<td>{escape(str(item['value']))}{evidence}</td>")
        before, marked, after = split_sentence(claim)
        quote = escape(before) + (f"<mark>{escape(marked)}</mark>" if marked else "") + escape(after)
        if claim.get("note"):
            quote += f'<span class="note">Note: {escape(claim["note"])}</span>'
        out.append(f'<td class="quote">{quote}</td></tr>')
    out.append("</tbody></table>")
    return out


def _safe_url(url: str | None) -> str:
    """The article's URL when it is a plain web address, else "" (no javascript:, data:, file: links)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def _articles(data: dict[str, Any]) -> list[str]:
    if not data["articles"]:
        return []
    out = ['<h2 id="articles">Articles</h2>', '<table class="articles">',
           "<thead><tr><th>outlet</th><th>title</th><th>published</th><th>file</th></tr></thead><tbody>"]
    for article in data["articles"]:
        name = escape(article.get("title") or "")
        url = _safe_url(article.get("url"))
        if url:
            name = f'<a href="{escape(url)}" rel="noreferrer noopener">{name or escape(url)}</a>'
        label = article.get("label") or ""
        outlet = escape(article["outlet"])
        if label and label != article["outlet"]:
            outlet += f'<span class="path sub">via {escape(label)}</span>'
        out.append(f"<tr><td>{outlet}</td><td>{name}</td><td>{escape((article.get('published') or '').replace('T', ' '))}</td>"
                   f'<td class="path">{escape(article["path"])}</td></tr>')
    out.append("</tbody></table>")
    return out


def _diagnostics(data: dict[str, Any]) -> list[str]:
    if not data["diagnostics"]:
        return []
    out = ['<h2 id="input-errors">Input errors</h2>',
           '<p class="meaning">These files could not be read, or a rule is broken; '
           "what they hold is not in this report.</p>", '<ul class="diagnostics">']
    for d in data["diagnostics"]:
        where = f"{d['path']}:{d['line']}" if d.get("line") else d["path"]
        out.append(f'<li><span class="path">{escape(where)}</span> {escape(d["level"])}: {escape(d["message"])}</li>')
    out.append("</ul>")
    return out
