"""`--format html`: one self-contained page for an editor who never saw a terminal.

Built to stay readable at archive size (thousands of articles, dozens of findings):
the summary, then the findings (conflicts first), each with a side-by-side table of
its sources (outlet linked to the article, title, file:line, value, context, the
quoted sentence with the value highlighted); then "who says what", one small grid
per rule holding only the articles that take part in its findings; then those
articles. A small inline script adds search and filters; without it (or with
scripts blocked) the page is complete. A Content-Security-Policy allows that
script alone (by hash), inline CSS and nothing else: nothing is fetched. Every
piece of article, rule and path text goes through `html.escape`. No timestamp:
the same input gives the same bytes. Words come from `messages.py` (`--lang`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from factcheck.report.common import (
    KIND_ORDER,
    by_kind,
    compatible_with_all,
    involved_articles,
    missing_members,
    qualifier_value,
    said_details,
    said_message,
    split_sentence,
    stance,
    subject_name,
    title,
)
from factcheck.report.messages import catalogue, note_text, qualifier_name

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not text: a browser shows a box
GRID_COLUMNS = 6  # findings per grid: a wider one would be cut off on a laptop screen


def escape(text: str) -> str:
    """`html.escape` (quotes too), without the control characters HTML has no use for."""
    return html.escape(_CONTROL.sub("", text))


SYMBOLS = {"disagree": "✗", "omits": "−", "names-all": "+", "context": "≈", "agree": "✓", "silent": "·"}

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
.matrix th.source { min-width: 180px; max-width: 320px; font-weight: 600; }
h3.rule { margin: 22px 0 4px; font-size: 16px; }
h3.rule .desc { font-weight: 400; color: var(--muted); }
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
.claims td.source { min-width: 150px; max-width: 260px; }
.claims td.source .title, .matrix th.source .title { display: block; font-size: 12.5px; color: var(--ink);
  font-weight: 400; white-space: normal; }
.path { overflow-wrap: anywhere; }
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
.tools { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 14px 0 0; padding: 10px 12px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; font-size: 14px; }
.tools[hidden], [hidden] { display: none !important; }
.tools input[type=search] { flex: 1 1 280px; padding: 6px 9px; font: inherit; border: 1px solid var(--line);
  border-radius: 6px; }
.tools label { white-space: nowrap; }
nav.toc ol { margin: 6px 0 0; padding-left: 22px; columns: 2 340px; font-size: 14px; }
nav.toc .kind { color: var(--muted); font-size: 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { details { display: block; } section.finding { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  var tools = document.getElementById("tools"), box = document.getElementById("q");
  if (!tools || !box) return;
  tools.hidden = false;
  var checks = tools.querySelectorAll("input[type=checkbox]");
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean), on = {}, shown = 0;
    checks.forEach(function (c) { on[c.value] = c.checked; });
    document.querySelectorAll("section.finding").forEach(function (s) {
      var text = s.textContent.toLowerCase();
      var ok = on[s.dataset.kind] !== false && on[s.dataset.level] !== false &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      s.hidden = !ok; if (ok) shown++;
    });
    document.querySelectorAll("div.kind-group").forEach(function (g) {
      g.hidden = !g.querySelector("section.finding:not([hidden])");
    });
    document.getElementById("none").hidden = shown > 0;
  }
  box.addEventListener("input", apply);
  checks.forEach(function (c) { c.addEventListener("change", apply); });
})();
"""
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_SCRIPT_HASH}'; img-src 'none'; "
       "base-uri 'none'; form-action 'none'")


def render(data: dict[str, Any], color: bool = False, lang: str = "en") -> str:
    t = catalogue(lang)
    findings = _ordered(data["findings"])
    number = {f["id"]: i for i, f in enumerate(findings, 1)}
    involved = involved_articles(data)
    out = ["<!DOCTYPE html>", f'<html lang="{"zh" if lang == "zh" else "en"}">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(t('page_title', **data['summary']))}</title>", f"<style>{CSS}</style>", "</head>",
           "<body>", "<main>"]
    out += _summary(data, t)
    if findings:
        out += _tools(data, t) + _toc(data, findings, t)
    for kind, group in by_kind(data["findings"]):
        out.append(f'<div class="kind-group" data-group="{escape(kind)}">')
        out.append(f'<h2 id="kind-{escape(kind)}">{escape(_kinds(t, kind))} ({len(group)})</h2>')
        if kind in KIND_ORDER:
            out.append(f'<p class="meaning">{escape(t("meaning." + kind))}</p>')
        for finding in group:
            out += _finding(data, finding, number[finding["id"]], lang)
        out.append("</div>")
    if findings:
        out.append(f'<p id="none" class="meaning" hidden>{escape(t("no_match"))}</p>')
        out += _grids(data, findings, number, involved, lang)
    out += _articles(data, involved, t) + _diagnostics(data, t)
    tool = data.get("tool", {})
    out += [f"<footer>{escape(t('footer', tool=tool.get('name', 'factcheck'), version=tool.get('version', '')))}"
            "</footer>", "</main>"]
    if findings:
        out.append(f"<script>{SCRIPT}</script>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _kinds(t: Callable[..., str], kind: str) -> str:
    return t("kinds." + kind) if kind in KIND_ORDER else t("kinds.other")


def _kind(t: Callable[..., str], kind: str) -> str:
    return t("kind." + kind) if kind in KIND_ORDER else kind


def _level(t: Callable[..., str], level: str) -> str:
    return t("level." + level) if level in ("error", "warning", "info") else level


def _ordered(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for _, group in by_kind(findings) for f in group]


def _summary(data: dict[str, Any], t: Callable[..., str]) -> list[str]:
    s = data["summary"]
    cards = [
        ("articles", s["articles"], "card.articles", ""),
        ("checked", s["groups_checked"], "card.checked", ""),
        ("agree", s["agreements"], "card.agree", "agree"),
        ("disagree", s["disagreements"], "card.disagree", "disagree"),
        ("omits", s["omissions"], "card.omits", "omits"),
        ("context", s["context_differs"], "card.context", "context"),
        ("input", s["input_errors"], "card.input", "input bad" if s["input_errors"] else "input"),
    ]
    out = ["<header>", f"<h1>{escape(t('title'))}</h1>",
           f'<p class="lead">{escape(t("lead", articles=s["articles"], rules=s["rules"], claims=s["claims"]))}</p>',
           '<ul class="cards" id="summary">']
    for key, number, label, css in cards:
        out.append(f'<li class="{" ".join(["card", *css.split()])}" data-count="{key}"><span class="n">{number}</span>'
                   f'<span class="l">{escape(t(label))}</span></li>')
    out += ["</ul>", "</header>"]
    return out


def _tools(data: dict[str, Any], t: Callable[..., str]) -> list[str]:
    """Search and filters: hidden until the script shows them, so a page without scripts shows no dead controls."""
    kinds = [k for k, _ in by_kind(data["findings"])]
    levels = [lv for lv in ("error", "warning", "info") if any(f["level"] == lv for f in data["findings"])]
    out = ['<div class="tools" id="tools" hidden>',
           f'<input type="search" id="q" placeholder="{escape(t("search"))}" aria-label="{escape(t("search"))}">',
           f"<span>{escape(t('show'))}</span>"]
    for value, label in [(k, _kinds(t, k)) for k in kinds] + [(lv, _level(t, lv)) for lv in levels]:
        out.append(f'<label><input type="checkbox" value="{escape(value)}" checked> {escape(label)}</label>')
    out.append("</div>")
    return out


def _toc(data: dict[str, Any], findings: list[dict[str, Any]], t: Callable[..., str]) -> list[str]:
    out = ['<nav class="toc">', "<ol>"]
    for finding in findings:
        out.append(f'<li><a href="#{escape(finding["id"])}">{escape(title(data, finding))}</a> '
                   f'<span class="kind">{escape(_kind(t, finding["kind"]))}</span></li>')
    return out + ["</ol>", "</nav>"]


def _source(data: dict[str, Any], article: dict[str, Any] | None, path: str, line: int | None = None) -> str:
    """Outlet (linked to the article), its title and the file: what names a source everywhere on the page."""
    outlet = escape(article["outlet"] if article else path)
    url = _safe_url(article.get("url")) if article else ""
    if url:
        outlet = f'<a href="{escape(url)}" rel="noreferrer noopener">{outlet}</a>'
    heading = f'<span class="title">{escape(article["title"])}</span>' if article and article.get("title") else ""
    where = _short(path) + (f":{line}" if line else "")
    return f'{outlet}{heading}<span class="path sub" title="{escape(path)}">{escape(where)}</span>'


def _grids(data: dict[str, Any], findings: list[dict[str, Any]], number: dict[str, int],
           involved: list[dict[str, Any]], lang: str) -> list[str]:
    t = catalogue(lang)
    rules = {r["id"]: r for r in data.get("rules", [])}
    out = ['<h2 id="matrix">' + escape(t("matrix")) + "</h2>", f'<p class="meaning">{escape(t("matrix.meaning"))}</p>']
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_rule.setdefault(finding["rule"], []).append(finding)
    for rule_id, group in by_rule.items():
        for start in range(0, len(group), GRID_COLUMNS):
            part = group[start:start + GRID_COLUMNS]
            out += _grid(data, rule_id, rules.get(rule_id, {}), part, number, involved, t,
                         len(group) > GRID_COLUMNS)
    out.append('<ul class="legend">')
    for where, symbol in SYMBOLS.items():
        out.append(f'<li><span class="swatch {where}">{symbol}</span>{escape(t("stance." + where))}</li>')
    out.append("</ul>")
    return out


def _grid(data: dict[str, Any], rule_id: str, rule: dict[str, Any], findings: list[dict[str, Any]],
          number: dict[str, int], involved: list[dict[str, Any]], t: Callable[..., str], split: bool) -> list[str]:
    paths = {c["article"] for f in findings for c in f["claims"]}
    articles = [a for a in involved if a["path"] in paths]
    part = f" · {t('matrix.part', first=number[findings[0]['id']], last=number[findings[-1]['id']])}" if split else ""
    description = rule.get("description") or ""
    out = [f'<h3 class="rule">{escape(rule_id)}'
           + (f' <span class="desc">— {escape(description)}{escape(part)}</span>' if description or part else "")
           + "</h3>", '<div class="matrix-wrap">', '<table class="matrix">',
           f"<thead><tr><th>{escape(t('th.source'))}</th>"]
    for finding in findings:
        name = subject_name(data, finding["subject"]) or rule_id
        out.append(f'<th class="finding" scope="col"><a href="#{escape(finding["id"])}">{number[finding["id"]]}. '
                   f"{escape(name)}</a>"
                   f'<span class="kind">{escape(_kind(t, finding["kind"]))}</span></th>')
    out.append("</tr></thead><tbody>")
    for article in articles:
        path = article["path"]
        out.append(f'<tr><th class="source" scope="row">{_source(data, article, path)}</th>')
        for finding in findings:
            where = stance(finding, path)
            meaning = t("stance." + where)
            if where == "silent":
                out.append(f'<td class="silent" title="{escape(meaning)}">{SYMBOLS[where]}</td>')
                continue
            text = ", ".join(dict.fromkeys(c["value"]["display"] for c in finding["claims"] if c["article"] == path))
            if where == "omits":
                text = t("leaves_out", names=", ".join(subject_name(data, m) for m in missing_members(finding, path)))
            out.append(f'<td class="{where}" title="{escape(meaning)}"><span class="sym">{SYMBOLS[where]}</span>'
                       f"{escape(text)}</td>")
        out.append("</tr>")
    out += ["</tbody></table>", "</div>"]
    return out


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _finding(data: dict[str, Any], finding: dict[str, Any], number: int, lang: str) -> list[str]:
    t = catalogue(lang)
    kind = finding["kind"]
    out = [f'<section class="finding {escape(kind)}" id="{escape(finding["id"])}" data-kind="{escape(kind)}" '
           f'data-level="{escape(finding["level"])}">', '<div class="head">',
           f"<h3>{number}. {escape(title(data, finding))}</h3>",
           f'<span class="badge {escape(finding["level"])}">{escape(_level(t, finding["level"]))}</span>',
           f'<span class="badge kind">{escape(_kind(t, kind))}</span>',
           f'<code title="finding id (stable across runs)">{escape(finding["id"])}</code>',
           f'<code title="{escape(t("rule"))}">{escape(finding["rule"])}</code>', "</div>",
           f'<p class="message">{escape(said_message(finding, lang))}</p>']
    table = _claims_table(data, finding, lang)
    if kind == "agreement":  # compact: who agrees, the quotes one click away
        sources = ", ".join(f"{c['outlet']} ({_short(c['article'])}:{c['line']})" for c in finding["claims"])
        out.append(f"<p>{escape(sources)}</p>")
        out += ["<details>", f"<summary>{escape(t('show_quotes'))}</summary>"] + table + ["</details>"]
    else:
        out += table
    if finding["details"]:
        out.append(f'<p class="meaning">{escape(t("details." + (kind if kind in KIND_ORDER else "other")))}</p>')
        out.append('<ul class="details">')
        out += [f"<li>{escape(detail)}</li>" for detail in said_details(finding, lang)]
        out.append("</ul>")
    out.append("</section>")
    return out


def _claims_table(data: dict[str, Any], finding: dict[str, Any], lang: str) -> list[str]:
    t = catalogue(lang)
    articles = {a["path"]: a for a in data["articles"]}
    names = list(dict.fromkeys(item["name"] for c in finding["claims"] for item in c["context"]))
    shared = finding.get("context") or {}
    out = ['<table class="claims">', f"<thead><tr><th>{escape(t('th.source'))}</th><th>{escape(t('th.value'))}</th>"]
    out += [f"<th>{escape(qualifier_name(lang, name))}</th>" for name in names]
    out.append(f"<th>{escape(t('th.quote'))}</th></tr></thead><tbody>")
    for claim in finding["claims"]:
        fits = finding["kind"] == "disagreement" and compatible_with_all(finding, claim)
        out.append('<tr class="fits">' if fits else "<tr>")
        out.append(f'<td class="source">{_source(data, articles.get(claim["article"]), claim["article"], claim["line"])}'
                   "</td>")
        value = escape(claim["value"]["display"])
        raw = claim["value"].get("raw") or ""
        if raw and raw != claim["value"]["display"] and claim["value"].get("type") != "set":
            value += f'<span class="ev">{escape(t("as_written", raw=raw))}</span>'
        if finding["kind"] == "omission":
            left = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
            if left:
                value += f'<span class="also">{escape(t("leaves_out", names=", ".join(left)))}</span>'
        if fits:
            value += f'<span class="fits-note">{escape(t("fits"))}</span>'
        out.append(f'<td class="value">{value}</td>')
        context = {item["name"]: item for item in claim["context"]}
        for name in names:
            item = context.get(name)
            if item is None:
                text = shared.get(name)
                out.append(f"<td>{escape(qualifier_value(data, lang, finding['rule'], name, text))}</td>" if text
                           else f'<td class="none">{escape(t("not_said"))}</td>')
                continue
            evidence = ""
            shown = qualifier_value(data, lang, finding["rule"], name, str(item["value"]))
            if item.get("evidence") and item["evidence"] != shown:
                css = "ev inferred" if item.get("inferred") else "ev"
                evidence = f'<span class="{css}">{escape(note_text(lang, item["evidence"]))}</span>'
            out.append(f"<td>{escape(shown)}{evidence}</td>")
        before, marked, after = split_sentence(claim)
        quote = escape(before) + (f"<mark>{escape(marked)}</mark>" if marked else "") + escape(after)
        if claim.get("note"):
            quote += f'<span class="note">{escape(t("note", note=note_text(lang, claim["note"])))}</span>'
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


def _articles(data: dict[str, Any], involved: list[dict[str, Any]], t: Callable[..., str]) -> list[str]:
    if not involved:
        return []
    out = [f'<h2 id="articles">{escape(t("articles"))}</h2>',
           f'<p class="meaning">{escape(t("articles.involved", shown=len(involved), read=data["summary"]["articles"]))}</p>',
           '<table class="articles">',
           f"<thead><tr><th>{escape(t('th.outlet'))}</th><th>{escape(t('th.title'))}</th>"
           f"<th>{escape(t('th.published'))}</th><th>{escape(t('th.file'))}</th></tr></thead><tbody>"]
    for article in involved:
        name = escape(article.get("title") or "")
        url = _safe_url(article.get("url"))
        if url:
            name = f'<a href="{escape(url)}" rel="noreferrer noopener">{name or escape(url)}</a>'
        label = article.get("label") or ""
        outlet = escape(article["outlet"])
        if label and label != article["outlet"]:
            outlet += f'<span class="path sub">{escape(t("via", label=label))}</span>'
        published = escape((article.get("published") or "").replace("T", " "))
        out.append(f"<tr><td>{outlet}</td><td>{name}</td><td>{published}</td>"
                   f'<td class="path">{escape(article["path"])}</td></tr>')
    out.append("</tbody></table>")
    return out


def _diagnostics(data: dict[str, Any], t: Callable[..., str]) -> list[str]:
    if not data["diagnostics"]:
        return []
    out = [f'<h2 id="input-errors">{escape(t("input_errors"))}</h2>',
           f'<p class="meaning">{escape(t("input_errors.meaning"))}</p>', '<ul class="diagnostics">']
    for d in data["diagnostics"]:
        where = f"{d['path']}:{d['line']}" if d.get("line") else d["path"]
        out.append(f'<li><span class="path">{escape(where)}</span> {escape(d["level"])}: {escape(d["message"])}</li>')
    out.append("</ul>")
    return out
