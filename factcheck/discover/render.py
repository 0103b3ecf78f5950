"""discover's reports: one plain serialization (to_dict), rendered as text, JSON or HTML.

As in a check, every format renders the same sorted data, with no time
stamps or absolute paths, so the same input gives byte-identical reports.
A candidate carries the evidence a check's finding does — outlet, file:line,
sentence, normalized value — and its claims use the check's field names, so
tools that read a check's JSON (the corpus scorer) read candidates too.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any

from factcheck.discover.adapter import display
from factcheck.discover.adapter import to_dict as value_to_dict
from factcheck.discover.align import Candidate
from factcheck.discover.run import DiscoverResult

SCHEMA_VERSION = 1
KIND = {"disagree": "disagreement", "context": "context-differs", "agree": "agreement"}
LEVEL = {"disagree": "warning", "context": "info", "agree": "info"}


def candidate_id(candidate: Candidate, names: dict[str, str]) -> str:
    """Stable across runs and --jobs: from subject, metric, family and the evidence, never the rank."""
    parts = [names.get(candidate.subject, candidate.subject), candidate.metric, candidate.family]
    parts += sorted(f"{o.article}:{o.line}:{display(o.value)}" for o in candidate.observations)
    return "DC" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def to_dict(result: DiscoverResult, version: str, shown: list[Candidate]) -> dict[str, Any]:
    # entity ids (e01, e02 …) are numbered per story: a name is looked up in its candidate's story (one table
    # for all stories gave a bulk run's candidates the names of the last story read: 华尔街日报 · 店率)
    names = {story: {e.id: e.name for e in entities} for story, entities in result.entities.items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck discover", "version": version},
        "summary": {
            "articles": result.articles,
            "stories": len(result.stories),
            "stories_told_by_two_outlets": result.told,
            "values": result.observations,
            "candidates": len(result.candidates),
            "shown": len(shown),
            "disagreements": sum(c.verdict == "disagree" for c in shown),
            "context_differs": sum(c.verdict == "context" for c in shown),
            "agreements": sum(c.verdict == "agree" for c in shown),
        },
        "stories": [
            {"id": s.id, "name": s.name,
             "articles": [{"path": d.path, "outlet": d.outlet, "source": d.source, "title": d.title,
                           "published": d.published.isoformat() if d.published else None} for d in s.articles]}
            for s in result.stories
        ],
        "entities": {story: [{"id": e.id, "name": e.name, "aliases": list(e.aliases)} for e in entities]
                     for story, entities in sorted(result.entities.items(), key=lambda kv: int(kv[0][1:]))},
        "candidates": [candidate_dict(c, rank, names.get(c.story, {})) for rank, c in enumerate(shown, start=1)],
        "diagnostics": [{"path": d.path, "line": d.line, "level": d.level, "message": d.message}
                        for d in result.diagnostics],
    }


def candidate_dict(candidate: Candidate, rank: int, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": candidate_id(candidate, names),
        "rank": rank,
        "story": candidate.story,
        "kind": KIND[candidate.verdict],
        "level": LEVEL[candidate.verdict],
        "subject": candidate.subject,
        "subject_name": names.get(candidate.subject, candidate.subject),
        "metric": candidate.metric,
        "family": candidate.family,
        "sources": candidate.sources,
        "score": candidate.score,
        "claims": [
            {"article": o.article, "outlet": o.outlet, "line": o.line, "subject": o.subject,
             "subject_inferred": o.subject_inferred, "value": value_to_dict(o.value), "phrase": o.phrase,
             "cue": o.cue, "context": [{"name": n, "value": v, "evidence": e} for n, v, e in o.qualifiers],
             "sentence": o.sentence, "span": list(o.span)}
            for o in candidate.observations
        ],
        "pairs": [{"first": p.first, "second": p.second, "relation": p.relation} for p in candidate.pairs],
    }


def render(fmt: str, data: dict[str, Any], stories_only: bool = False) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(data, stories_only)
    return _stories_text(data) if stories_only else _text(data)


def _stories_text(data: dict[str, Any]) -> str:
    lines = []
    for story in data["stories"]:
        sources = len({a["source"] for a in story["articles"]})
        lines.append(f"{story['id']}  {len(story['articles'])} articles, {sources} sources  {story['name']}")
        for article in story["articles"]:
            lines.append(f"    {article['published'] or '-':25}  {article['outlet'][:16]:16}  {article['path']}")
    s = data["summary"]
    lines.append(f"{s['articles']} articles in {s['stories']} stories; {s['stories_told_by_two_outlets']} told by two or more sources.")
    return "\n".join(lines) + "\n"


def _context(claim: dict[str, Any]) -> str:
    if not claim["context"]:
        return ""
    return "  [" + ", ".join(f"{c['name']}={c['value']} ({c['evidence']})" for c in claim["context"]) + "]"


def _text(data: dict[str, Any]) -> str:
    lines = []
    for c in data["candidates"]:
        lines.append(f"#{c['rank']:<3} {c['kind'].upper():16} {c['subject_name']} · {c['metric']} ({c['family']})  "
                     f"{c['sources']} sources  {c['story']}  {c['id']}")
        for claim in c["claims"]:
            inferred = " (subject inferred)" if claim["subject_inferred"] else ""
            lines.append(f"      {claim['outlet'][:16]:16} {claim['article']}:{claim['line']}  "
                         f"{claim['value']['display']}{_context(claim)}{inferred}")
            lines.append(f"        > {claim['sentence']}")
        for pair in c["pairs"]:
            if pair["relation"] == "agree":
                continue
            a, b = c["claims"][pair["first"]], c["claims"][pair["second"]]
            word = "vs" if pair["relation"] == "disagree" else "differs by context from"
            lines.append(f"    - {a['value']['display']} ({a['outlet']}, {a['article']}:{a['line']}) {word} "
                         f"{b['value']['display']} ({b['outlet']}, {b['article']}:{b['line']})")
        lines.append("")
    s = data["summary"]
    lines.append(f"{s['articles']} articles, {s['stories']} stories ({s['stories_told_by_two_outlets']} told by two or "
                 f"more sources), {s['values']} values read, {s['candidates']} candidate facts.")
    lines.append(f"shown {s['shown']}: {s['disagreements']} disagree, {s['context_differs']} differ by context, "
                 f"{s['agreements']} agree.")
    return "\n".join(lines) + "\n"


def _html(data: dict[str, Any], stories_only: bool) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
           "<title>factcheck discover</title>",
           "<style>body{font-family:sans-serif;max-width:70em;margin:auto}section{border-top:1px solid #ccc;"
           "padding:.5em 0}.disagreement{color:#a00}.context-differs{color:#a60}.agreement{color:#070}"
           "blockquote{margin:.2em 2em;color:#444}table{border-collapse:collapse}td{padding:0 .5em}</style>",
           "</head><body>", "<h1>factcheck discover</h1>"]
    s = data["summary"]
    out.append(f"<p>{s['articles']} articles, {s['stories']} stories, {s['candidates']} candidate facts "
               f"({s['shown']} shown).</p>")
    if stories_only:
        for story in data["stories"]:
            out.append(f"<section><h2>{e(story['id'])} {e(story['name'])}</h2><ul>")
            out.extend(f"<li>{e(a['outlet'])} <code>{e(a['path'])}</code> {e(a['published'] or '')}</li>"
                       for a in story["articles"])
            out.append("</ul></section>")
    for c in [] if stories_only else data["candidates"]:
        out.append(f'<section id="{e(c["id"])}"><h2 class="{e(c["kind"])}">#{c["rank"]} {e(c["kind"])}: '
                   f'{e(c["subject_name"])} · {e(c["metric"])} ({e(c["family"])}), {c["sources"]} sources</h2><table>')
        for claim in c["claims"]:
            out.append(f"<tr><td>{e(claim['outlet'])}</td><td><code>{e(claim['article'])}:{claim['line']}</code></td>"
                       f"<td><b>{e(claim['value']['display'])}</b></td><td>{e(_context(claim))}</td></tr>"
                       f"<tr><td colspan=4><blockquote>{e(claim['sentence'])}</blockquote></td></tr>")
        out.append("</table></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
