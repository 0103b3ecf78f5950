"""Every configuration example in the docs works when copied as written, and the
pre-commit hook stops the commit it should stop (and only that one)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS, run_cli

DOCS = ROOT / "docs"
DISAGREEING = "004_7638e87b2286deb5.txt"  # says the Baidu deal was cancelled; the other seeds say troubled
AGREEING = "003_dff16045e05a3683.txt"  # takes part in no disagreement with seeds 000-002


def _blocks(doc: str, language: str, header: str) -> list[str]:
    text = (DOCS / doc).read_text(encoding="utf-8")
    return [block for block in re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL) if block.startswith(header)]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "articles")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def _env(project: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(project / "home")}  # cache_dir: ~/.cache/factcheck stays in the test


CONFIGS = _blocks("ci.md", "yaml", "# .factcheck.yaml")


def test_the_docs_have_configuration_examples() -> None:
    assert len(CONFIGS) >= 2 and any("max_file_size" in c for c in CONFIGS)


@pytest.mark.parametrize("config", CONFIGS, ids=[c.split("\n")[0] for c in CONFIGS])
def test_every_configuration_example_works_as_written(project: Path, config: str) -> None:
    (project / ".factcheck.yaml").write_text(config, encoding="utf-8")
    done = run_cli("articles/", cwd=project, env=_env(project))
    assert done.returncode in (0, 1), done.stderr
    assert " error: " not in done.stderr and "Traceback" not in done.stderr
    shown = run_cli("config", cwd=project, env=_env(project))
    assert shown.returncode == 0 and shown.stdout.startswith(f"# from {project / '.factcheck.yaml'}")


def test_a_configured_baseline_that_does_not_exist_yet_is_a_warning_then_works(project: Path) -> None:
    [config] = [c for c in CONFIGS if "baseline:" in c]
    (project / ".factcheck.yaml").write_text(config, encoding="utf-8")
    first = run_cli("articles/", cwd=project, env=_env(project))
    line = config.split("\n").index(next(row for row in config.split("\n") if row.startswith("baseline:"))) + 1
    assert first.stderr.startswith(f"{project / '.factcheck.yaml'}:{line}: warning: baseline "
                                   f"'.factcheck-baseline.json' does not exist yet")
    assert run_cli("articles/", "--write-baseline", ".factcheck-baseline.json", cwd=project,
                   env=_env(project)).returncode == 0
    again = run_cli("articles/", cwd=project, env=_env(project))
    assert again.returncode == 0 and again.stderr == ""


def test_the_ignore_file_example_leaves_out_what_it_says(project: Path) -> None:
    [ignore] = _blocks("ci.md", "text", "# .factcheckignore")
    (project / ".factcheckignore").write_text(ignore, encoding="utf-8")
    (project / ".factcheck.yaml").write_text("rules: [rules]\n", encoding="utf-8")
    (project / "articles" / "archive" / "2019").mkdir(parents=True)
    for name in ("archive/2019/old.md", "story-draft.md", "keep-this-draft.md"):
        shutil.copy(SEEDS / DISAGREEING, project / "articles" / name)
    read = {a["path"] for a in _report(project, "articles/")["articles"]}
    assert "articles/keep-this-draft.md" in read
    assert not {"articles/archive/2019/old.md", "articles/story-draft.md"} & read


@pytest.mark.parametrize("named, cwd", [("./articles", "."), ("{project}/articles", "."), ("../articles", "sub")])
def test_ignore_patterns_match_relative_to_the_config_however_articles_are_named(project: Path, named: str,
                                                                                  cwd: str) -> None:
    (project / ".factcheck.yaml").write_text(f"rules: [rules]\nignore: [articles/{DISAGREEING}]\n", encoding="utf-8")
    (project / "sub").mkdir()
    report = _report(project, named.format(project=project), cwd=project / cwd)
    assert report["summary"]["articles"] == 4


def test_outlets_example_in_the_docs_reads(project: Path) -> None:
    [example] = _blocks("outlets.md", "yaml", "aggregators:")
    (project / "outlets.yaml").write_text(example, encoding="utf-8")
    done = run_cli("articles/", "--outlets", "outlets.yaml", "--format", "json", cwd=project, env=_env(project))
    assert done.returncode == 1 and done.stderr == ""


def _report(project: Path, *args: str, cwd: Path | None = None) -> dict:
    import json

    done = run_cli(*args, "--format", "json", cwd=cwd or project, env=_env(project))
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


# ---------------------------------------------------------------- pre-commit


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}).stdout


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    """A git repository of published articles (seeds 000-002), rules, a README
    quoting a rule's sentence, and the configuration the docs give for the hook."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "newsroom"
    shutil.copytree(SEEDS, repo / "articles", ignore=shutil.ignore_patterns(DISAGREEING, AGREEING))
    shutil.copytree(ROOT / "rules", repo / "rules")
    (repo / "README.md").write_text("据The Information周二报道，百度与苹果的合作被取消了。\n", encoding="utf-8")
    [config] = [c for c in CONFIGS if c.startswith("# .factcheck.yaml: the hook")]
    (repo / ".factcheck.yaml").write_text(config, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "published")
    return repo


def _hook(repo: Path) -> subprocess.CompletedProcess[str]:
    """Run the hook as pre-commit would: the manifest's entry, with the staged files its `files` pattern takes."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    staged = [name for name in _git(repo, "diff", "--cached", "--name-only").split()
              if re.search(hook["files"], name) and (repo / name).is_file()]
    if not staged:
        return subprocess.CompletedProcess([], 0, "", "")
    program, *options = hook["entry"].split()
    assert program == "factcheck"
    return run_cli(*options, *staged, cwd=repo)


def test_the_hook_fails_a_staged_article_that_disagrees_with_the_corpus(newsroom: Path) -> None:
    shutil.copy(SEEDS / DISAGREEING, newsroom / "articles" / "new.txt")
    _git(newsroom, "add", "articles/new.txt")
    done = _hook(newsroom)
    assert done.returncode == 1, done.stderr
    assert "baidu-apple-deal-status" in done.stdout and "articles/new.txt" in done.stdout


def test_the_hook_passes_an_agreeing_article_and_reads_no_rule_file_or_readme(newsroom: Path) -> None:
    shutil.copy(SEEDS / AGREEING, newsroom / "articles" / "same-story.md")
    (newsroom / "rules" / "share-price.yaml").write_text(
        (newsroom / "rules" / "share-price.yaml").read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    (newsroom / "README.md").write_text("百度与苹果的合作被取消了。\n", encoding="utf-8")
    _git(newsroom, "add", "-A")
    done = _hook(newsroom)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "README" not in done.stdout and "rules/" not in done.stdout


def test_without_a_corpus_the_hook_says_what_to_configure(newsroom: Path) -> None:
    (newsroom / ".factcheck.yaml").write_text("rules: [rules]\n", encoding="utf-8")
    done = run_cli("--pre-commit", "articles/000_2554022df40b26d2.txt", cwd=newsroom)
    assert done.returncode == 2 and done.stderr.startswith("factcheck: error: --pre-commit needs corpus: in ")


@pytest.mark.skipif(not os.environ.get("FACTCHECK_PRE_COMMIT"), reason="set FACTCHECK_PRE_COMMIT=1: installs the hook "
                    "from this repository with pre-commit (a minute, needs the package index)")
def test_a_real_pre_commit_run(newsroom: Path) -> None:
    commit = _git(ROOT, "rev-parse", "HEAD").strip()
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {commit}\n    hooks:\n      - id: factcheck\n", encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit", "run"]
    shutil.copy(SEEDS / AGREEING, newsroom / "articles" / "same-story.md")
    _git(newsroom, "add", "-A")
    agreeing = subprocess.run(pre_commit, cwd=newsroom, capture_output=True, text=True, timeout=900, check=False)
    assert agreeing.returncode == 0, agreeing.stdout + agreeing.stderr
    _git(newsroom, "commit", "-qm", "agreeing")
    shutil.copy(SEEDS / DISAGREEING, newsroom / "articles" / "new.txt")
    _git(newsroom, "add", "articles/new.txt")
    disagreeing = subprocess.run(pre_commit, cwd=newsroom, capture_output=True, text=True, timeout=900,
                                 check=False)
    assert disagreeing.returncode == 1 and "Failed" in disagreeing.stdout, disagreeing.stdout


def test_the_outlets_example_names_a_desk_on_the_first_line(tmp_path: Path) -> None:
    """docs/outlets.md's first_line example: 经观消费 alone on the first line (bulk/20250210A08626.zh-CN.md:30)."""
    from factcheck.outlets import find_outlet, load_outlet_config

    [example] = _blocks("outlets.md", "yaml", "aggregators:")
    (tmp_path / "outlets.yaml").write_text(example.replace("…", "sina"), encoding="utf-8")
    config = load_outlet_config(str(tmp_path / "outlets.yaml"))
    assert find_outlet("qq", ["经观消费 ", "2025年开局，各咖啡品牌创新求变。"], config) == "经观消费"
    assert find_outlet("qq", ["2025年开局，各咖啡品牌创新求变。", "经观消费"], config) == ""


def test_the_outlets_example_names_only_a_known_outlet_before_a_bar(tmp_path: Path) -> None:
    """docs/outlets.md's known_outlet example: 金吾财讯 | (bulk/265687605.zh-CN.md:28) is an outlet its aliases
    know; 观察｜, a column tag (bulk/20250211A017Y3.zh-CN.md:2, a qq title), is no outlet (REVIEW17 #4)."""
    from factcheck.outlets import find_outlet, load_outlet_config

    [example] = _blocks("outlets.md", "yaml", "aggregators:")
    (tmp_path / "outlets.yaml").write_text(example.replace("…", "sina"), encoding="utf-8")
    config = load_outlet_config(str(tmp_path / "outlets.yaml"))
    assert find_outlet("qq", ["金吾财讯 | 绿色平原能源(GPRE)股价维持低位"], config) == "金吾财讯"
    assert find_outlet("qq", ["观察｜上海新一轮消费券有哪些变化？5亿元如何撬动“买买买”活力？"], config) == ""


def test_the_outlets_clock_example_counts_yesterday_from_the_writers_day(tmp_path: Path) -> None:
    """docs/outlets.md's clocks example: The Hill stamped 2025-02-14 00:46 in Beijing time was written on
    Thursday the 13th in Washington, so its `yesterday` is the 12th, the day of McConnell's vote
    (bulk/5143113.en.md:3 and :30); a stamp written in New York time is read there."""
    from factcheck.load import parse_article
    from factcheck.normalize.dates import find_dates
    from factcheck.outlets import load_outlet_config

    [example] = _blocks("outlets.md", "yaml", "clocks:")
    (tmp_path / "outlets.yaml").write_text(example, encoding="utf-8")
    config = load_outlet_config(str(tmp_path / "outlets.yaml"))
    sentence = "“Mitch McConnell breaking yesterday with his Republican colleagues telling the truth to power.”"
    hill = parse_article(f'---\ndate: "2025-02-14 00:46:00"\ncategories:\n  - "thehill"\n---\n{sentence}\n', "a.md",
                         outlets=config)
    assert hill.published is not None and hill.published.isoformat() == "2025-02-13T11:46:00-05:00"
    [yesterday] = find_dates(sentence, hill.published.date())
    assert str(yesterday.value.start) == "2025-02-12"
    blog = parse_article('---\ndate: "2025-02-13 20:00:00"\ncategories: [my-us-blog]\n---\nx\n', "b.md", outlets=config)
    assert blog.published is not None and blog.published.isoformat() == "2025-02-13T20:00:00-05:00"
