"""Rule patterns cannot hang the gate: risky ones run on RE2 or are refused."""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st

from factcheck.patterns import PatternError, compile_pattern, parsed_risk, risk

ENTITIES = "kind: entities\ndescription: e\nentities:\n  - {id: acme, aliases: [ACME]}\n"


@pytest.mark.parametrize("regex, reason, engine", [
    ("(?:涨幅|收涨|涨|跌)", "", "re"),
    ("合作(?:被|已)?(?:取消|终止|告吹)", "", "re"),
    (r"\d{4}年(?!\d{1,2}月)", "", "re"),
    ("票房(?:（[^）]*）)?突破", "", "re"),
    ("(a+)+b", "a repetition inside another repetition", "re2"),
    ("(x*)*y", "a repetition inside another repetition", "re2"),
    ("(a|ab)*c", "an alternation under a repetition", "re2"),
    ("a.*b.*c", "more than one unbounded repetition", "re2"),
    # nested bounded repetition (issue 17): 44 characters hung the first, 28 took 22 s on the second
    ("(?:涨涨?)*跌", "a repetition inside another repetition", "re2"),
    ("(?:a{0,10}){0,10}b", "a repetition inside another repetition", "re2"),
    ("(a|b|ab){2,60}c", "an alternation under a repetition", "re2"),
    ("(?:[^x]*)?y", "", "re"),  # an optional part chooses once: nothing to backtrack over
])
def test_pattern_risk_and_engine(regex: str, reason: str, engine: str) -> None:
    assert risk(regex) == reason
    assert type(compile_pattern(regex)).__module__.split(".")[0] == engine


def test_risky_pattern_re2_cannot_run_is_refused() -> None:
    with pytest.raises(PatternError, match="look-arounds or back-references"):
        compile_pattern("(?=a)(a+)+b")
    with pytest.raises(PatternError, match=r"RE2 cannot run it: invalid repetition size: \{0,100\}; simplify it"):
        compile_pattern("(?:a{0,100}){0,100}b")  # 22 s on 28 characters in Python's re


def _rule(tmp_path: Path, cue: str) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "rules" / "evil.yaml").write_text(
        f"kind: number\ndescription: d\nvalue: percent\nsubjects: [acme]\ncue: '{cue}'\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("ACME " + "a" * 90_000 + "涨5%\n", encoding="utf-8")
    return tmp_path / "rules"


def test_catastrophic_pattern_on_a_long_line_finishes(tmp_path: Path) -> None:
    rules = _rule(tmp_path, "(a+)+b")
    done = run_cli(str(tmp_path / "a.md"), "--rules", str(rules), "--no-cache", cwd=tmp_path)  # Python's re would never end
    assert done.returncode == 0 and "1 articles" in done.stdout


def test_catastrophic_pattern_re2_cannot_run_stops_the_run_naming_the_rule(tmp_path: Path) -> None:
    rules = _rule(tmp_path, "(?=a)(a+)+b")
    done = run_cli(str(tmp_path / "a.md"), "--rules", str(rules), "--no-cache", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{rules / 'evil.yaml'}:5: error: cue: regex could backtrack catastrophically")


# ------------------------------------------------------------------ fuzz the guard

_atoms = st.sampled_from(["a", "b", "ab", "[ab]", ".", "a?"])
_quantifiers = st.sampled_from(["", "?", "*", "+", "{0,3}", "{1,30}", "{0,100}", "{2}"])


def _patterns() -> st.SearchStrategy[str]:
    return st.recursive(
        _atoms,
        lambda inner: st.one_of(
            st.tuples(inner, _quantifiers).map(lambda t: f"(?:{t[0]}){t[1]}"),
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        ),
        max_leaves=6,
    )


@given(_patterns())
def test_risk_unparsed_is_risk_parsed(pattern: str) -> None:
    """A pattern with none of * + { is not parsed: the answer is the parsed one (the strategy's
    `?` and {2} write patterns with repetition signs that cannot repeat, and without any)."""
    assert risk(pattern) == parsed_risk(pattern)


def test_risk_unparsed_is_risk_parsed_on_every_shipped_and_example_cue() -> None:
    """The cue, trigger and state patterns of rules/ and examples/ (most are word lists with no
    repetition: they are the patterns `risk` no longer parses)."""
    root = Path(__file__).resolve().parent.parent
    folders = [root / "rules", *sorted(p for p in (root / "examples").iterdir() if p.is_dir() and p.name != "held-out")]
    found = [value for folder in folders for path in sorted(folder.glob("*.yaml"))
             for value in re.findall(r"^\s*(?:cue|trigger|pattern):\s*['\"]?(.+?)['\"]?\s*$",
                                     path.read_text(encoding="utf-8"), re.M)]
    assert len(found) > 40
    assert sum(1 for regex in found if not set("*+{") & set(regex)) > 20
    for regex in found:
        assert risk(regex) == parsed_risk(regex), regex


def _match_all(connection) -> None:  # runs in a child process: Python's re cannot be interrupted
    while True:
        pattern, texts = connection.recv()
        compiled = re.compile(pattern)
        connection.send([bool(compiled.search(text)) for text in texts])


class _Matcher:
    """Python's re in a child process, so a pattern that backtracks for ever can be timed out."""

    def __init__(self) -> None:
        self.process = None
        self.connection = None

    def finishes(self, pattern: str, texts: list[str], seconds: float) -> bool:
        if self.process is None:
            self.connection, child = multiprocessing.Pipe()
            self.process = multiprocessing.get_context("fork").Process(target=_match_all, args=(child,), daemon=True)
            self.process.start()
        self.connection.send((pattern, texts))
        if self.connection.poll(seconds):
            self.connection.recv()
            return True
        self.close()  # still backtracking: a fresh process for the next example
        return False

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None


@pytest.fixture(scope="module")
def matcher():
    matcher = _Matcher()
    yield matcher
    matcher.close()


# text that forces a failed match after every way of reading the start
_HOSTILE = ["a" * 26 + "!", "ab" * 13 + "!", "a" * 26 + "b!"]


@given(_patterns())
def test_every_pattern_the_guard_lets_through_to_re_finishes_quickly(matcher: _Matcher, pattern: str) -> None:
    regex = pattern + "c"  # a tail that never matches the hostile texts
    if risk(regex):
        return  # it runs on RE2 (linear time) or is refused
    assert matcher.finishes(regex, _HOSTILE, 5), f"{regex!r} passed the guard but backtracks for seconds"


@given(_patterns())
def test_a_risky_pattern_runs_on_re2_with_the_same_answers(pattern: str) -> None:
    regex = pattern + "c"
    if not risk(regex):
        return
    try:
        compiled = compile_pattern(regex)
    except PatternError as error:  # refused, with the reason: never run on Python's re
        assert "RE2 cannot run it" in str(error)
        return
    assert type(compiled).__module__.split(".")[0] == "re2"
    for text in ("abc", "aac", "bbbc", "c", "ab"):
        assert bool(compiled.search(text)) == bool(re.search(regex, text)), (regex, text)


def test_outlet_byline_patterns_pass_the_same_guard(tmp_path: Path) -> None:
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text("aggregators: [qq]\npatterns:\n  - '^(?P<outlet>(?:报报?)*)道$'\n"
                       "  - '^(?=x)(?P<outlet>(a+)+)$'\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("---\nsource: qq\n---\n" + "报" * 40 + "道!\n", encoding="utf-8")
    done = run_cli(str(article), "--outlets", str(outlets), "--rules", str(Path(__file__).parent.parent / "rules"),
                   "--no-cache", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (f"{outlets}:4: error: pattern '^(?=x)(?P<outlet>(a+)+)$' could backtrack catastrophically "
                           "(a repetition inside another repetition) and uses look-arounds or back-references, "
                           "which the linear-time engine cannot run; simplify it\n")
    outlets.write_text("aggregators: [qq]\npatterns:\n  - '^(?P<outlet>(?:报报?)*)道'\n", encoding="utf-8")
    done = run_cli(str(article), "--outlets", str(outlets), "--rules", str(Path(__file__).parent.parent / "rules"),
                   "--no-cache", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # on RE2: finishes at once
    import json
    summary = json.loads(done.stdout)["summary"]  # no claim: the article is counted, not listed (schema 2)
    assert summary["articles"] == 1 and summary["articles_without_outlet"] == 0  # the byline named the outlet
