"""`--format markdown`: a discrepancy report an editor pastes into a ticket.

A summary, then one section per finding that is not an agreement (disagreements,
omissions, differing contexts), each with a table of source × value × context ×
quote (file:line), then the agreements in one list, the articles and any input
errors. Article text is escaped so that no character of it is read as Markdown
(a `|` cannot break a table, a `<` cannot open a tag); the value is bold inside its
quote, as `<b>…</b>`: `**` next to CJK punctuation often stays literal (涨**8.48%**后).

`summary=True` is the form for a pull-request comment: the counts and the most
severe findings that fit in GitHub's 65,536-character limit (SUMMARY_LIMIT),
then how many more there are and where to read them.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.report.common import (
    KIND_ORDER,
    by_kind,
    involved_articles,
    missing_members,
    qualifier_value,
    said_details,
    said_message,
    split_sentence,
    subject_name,
    title,
)
from factcheck.report.messages import catalogue, note_text, qualifier_name
from factcheck.report.text import summary_lines

SUMMARY_LIMIT = 60_000  # GitHub refuses comment bodies over 65,536 characters; room for a caller's own lines
SUMMARY_FINDINGS = 10  # at most this many findings in full in the summary form
SUMMARY_CLAIMS = 8  # sources shown per finding in the summary form

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


def render(data: dict[str, Any], color: bool = False, lang: str = "en", summary: bool = False) -> str:
    t = catalogue(lang)
    counts = data["summary"]
    out = [f"# {t('md.title')}", ""]
    out.append(" ".join(summary_lines(counts, lang)))
    out += ["", t("md.counts"), "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            (f"| {counts['articles']} | {counts['groups_checked']} | {counts['agreements']} "
             f"| {counts['disagreements']} | {counts['omissions']} | {counts['context_differs']} "
             f"| {counts['input_errors']} |"), ""]
    if summary:
        return _summary(data, out, lang)
    for kind, findings in by_kind(data["findings"]):
        out += [f"## {_kinds(t, kind)}", ""]
        if kind == "agreement":
            out += [_agreement(data, f, lang) for f in findings] + [""]
            continue
        if kind in KIND_ORDER:
            out += [t("meaning." + kind), ""]
        for finding in findings:
            out += _finding(data, finding, lang)
    out += _articles(data, t) + _diagnostics(data, t)
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(data: dict[str, Any], out: list[str], lang: str) -> str:
    """The comment form: the most severe problems (agreements only counted) that fit under SUMMARY_LIMIT."""
    t = catalogue(lang)
    problems = [f for f in data["findings"] if f["kind"] != "agreement"]  # already most severe first
    hint = t("md.full_hint")
    shown: list[dict[str, Any]] = []
    body: list[str] = []
    for finding in problems[:SUMMARY_FINDINGS]:
        piece = _finding(data, finding, lang, claims=SUMMARY_CLAIMS)
        if len("\n".join(out + body + piece)) + 600 > SUMMARY_LIMIT:  # 600: the closing lines
            break
        shown.append(finding)
        body += piece
    if problems:
        out += [t("md.top", shown=len(shown), total=len(problems), hint=hint) if len(shown) < len(problems)
                else t("md.top_all", total=len(problems)), ""]
    out += body
    rest = problems[len(shown):]
    if rest:
        out += [t("md.more", more=len(rest), more_errors=sum(f["level"] == "error" for f in rest), hint=hint), ""]
    out += _diagnostics(data, t, limit=20)
    return "\n".join(out).rstrip("\n") + "\n"


def _kinds(t: Any, kind: str) -> str:
    return t("kinds." + kind) if kind in KIND_ORDER else t("kinds.other")


def _finding(data: dict[str, Any], finding: dict[str, Any], lang: str, claims: int = 0) -> list[str]:
    """A heading, the finding's level, kind and message, and its sources in a table (`claims`: at most so many)."""
    t = catalogue(lang)
    kind = finding["kind"]
    level = t("level." + finding["level"]) if finding["level"] in ("error", "warning", "info") else finding["level"]
    out = [f"### {escape_block(title(data, finding))}", "",
           (f"**{escape(level.upper())}** · {escape(t('kind.' + kind) if kind in KIND_ORDER else kind)} · "
            f"{escape(said_message(finding, lang))} · {t('rule')} {code(finding['rule'])} · "
            f"{code(finding['id'])}"), "",
           f"| {t('th.source')} | {t('th.value')} | {t('th.context')} | {t('th.quote_short')} | {t('th.where')} |",
           "| --- | --- | --- | --- | --- |"]
    listed = finding["claims"][:claims] if claims else finding["claims"]
    for claim in listed:
        before, value, after = split_sentence(claim)
        quote = escape(before) + (f"<b>{escape(value)}</b>" if value else "") + escape(after)
        if claim.get("note"):
            quote += f" *({escape(note_text(lang, claim['note']))})*"
        shown = escape(claim["value"]["display"])
        if kind == "omission":
            left_out = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
            if left_out:
                shown += " — " + escape(t("leaves_out", names=", ".join(left_out)))
        context = ", ".join(_qualifier(data, lang, finding["rule"], item) for item in claim["context"])
        out.append(f"| {escape(claim['outlet'])} | **{shown}** | {escape(context)} | {quote} "
                   f"| {code(_where(claim))} |")
    if len(listed) < len(finding["claims"]):
        out.append(f"| … +{len(finding['claims']) - len(listed)} |  |  |  |  |")
    out.append("")
    said = said_details(finding, lang)
    details = said[:claims] if claims else said
    out += [f"- {escape_block(detail)}" for detail in details]
    if len(details) < len(finding["details"]):
        out.append(f"- … +{len(finding['details']) - len(details)}")
    return out + ([""] if finding["details"] else [])


def _qualifier(data: dict[str, Any], lang: str, rule: str, item: dict[str, Any]) -> str:
    """`market=HK (港股)`; in Chinese `市场=港股 (港元)`, the evidence only when it says more than the value."""
    value = qualifier_value(data, lang, rule, item["name"], str(item["value"]))
    evidence = note_text(lang, item["evidence"]) if item.get("evidence") and item["evidence"] != value else ""
    return f"{qualifier_name(lang, item['name'])}={value}" + (f" ({evidence})" if evidence else "")


def _where(claim: dict[str, Any]) -> str:
    return f"{claim['article']}:{claim['line']}"


def _agreement(data: dict[str, Any], finding: dict[str, Any], lang: str) -> str:
    sources = ", ".join(f"{escape(c['outlet'])} ({code(_where(c), table=False)})" for c in finding["claims"])
    return (f"- **{escape(title(data, finding))}**: {escape(said_message(finding, lang))} — {sources} · "
            f"{code(finding['id'], table=False)}")


def _articles(data: dict[str, Any], t: Any) -> list[str]:
    involved = involved_articles(data)
    if not involved:
        return []
    out = [f"## {t('articles')}", "", t("articles.involved", shown=len(involved), read=data["summary"]["articles"]), "",
           f"| {t('th.outlet')} | {t('th.title')} | {t('th.published')} | {t('th.file')} |",
           "| --- | --- | --- | --- |"]
    for article in involved:
        name = escape(article["title"] or "")
        url = article.get("url") or ""
        if url.startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
            name = f"[{name or escape(url)}](<{url.replace('|', '%7C')}>)"
        out.append(f"| {escape(article['outlet'])} | {name} | {escape(article['published'] or '')} "
                   f"| {code(article['path'])} |")
    return out + [""]


def _diagnostics(data: dict[str, Any], t: Any, limit: int = 0) -> list[str]:
    if not data["diagnostics"]:
        return []
    out = [f"## {t('input_errors')}", ""]
    listed = data["diagnostics"][:limit] if limit else data["diagnostics"]
    for d in listed:
        where = f"{d['path']}:{d['line']}" if d.get("line") else d["path"]
        out.append(f"- {d['level']}: {code(where, table=False)} {escape(d['message'])}")
    if len(listed) < len(data["diagnostics"]):
        out.append(f"- … +{len(data['diagnostics']) - len(listed)}")
    return out + [""]
