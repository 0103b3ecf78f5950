"""Parallel and cached runs give exactly the output of a plain run."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

from factcheck import pipeline
from factcheck.cache import FORMAT, Cache, entry_key, pack
from factcheck.records import Diagnostic
from factcheck.rules import load_rules


@pytest.fixture()
def many(tmp_path: Path) -> Path:
    """Enough articles (the seeds, copied) for the process pool to be used."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for copy in range(14):
        for seed in sorted(SEEDS.iterdir()):
            (corpus / f"{copy:02d}_{seed.name}").write_bytes(seed.read_bytes())
    assert len(list(corpus.iterdir())) > pipeline.PARALLEL_THRESHOLD
    return corpus


def test_jobs_do_not_change_the_output(many: Path, tmp_path: Path) -> None:
    one = run_cli(str(many), "--rules", str(ROOT / "rules"), "--format", "json", "--jobs", "1", "--no-cache")
    two = run_cli(str(many), "--rules", str(ROOT / "rules"), "--format", "json", "--jobs", "2", "--no-cache")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and '"articles": 70' in one.stdout


def test_cold_and_warm_cache_give_the_same_report_and_a_change_is_seen(many: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = (str(many), "--rules", str(ROOT / "rules"), "--format", "json", "--cache-dir", str(cache))
    plain = run_cli(str(many), "--rules", str(ROOT / "rules"), "--format", "json", "--no-cache").stdout
    cold = run_cli(*args).stdout
    with sqlite3.connect(cache / f"v{FORMAT}" / "claims.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 70
    warm = run_cli(*args).stdout
    assert plain == cold == warm
    target = many / "00_004_7638e87b2286deb5.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("双方的合作被取消了", "双方的合作出现了问题"),
                      encoding="utf-8")
    changed = run_cli(*args).stdout
    assert changed != warm and changed == run_cli(str(many), "--rules", str(ROOT / "rules"), "--format", "json",
                                                  "--no-cache").stdout


def test_a_planted_cache_entry_is_a_miss_not_code(tmp_path: Path) -> None:
    import pickle

    class Boom:
        def __reduce__(self):
            return (print, ("pwned",))

    cache = Cache(tmp_path)
    fine = entry_key("run", b"fine", "b.md")  # read first: the classes it names are remembered as allowed
    cache.put_many([(fine, pack(Diagnostic("b.md", 1, "a note", "warning")))])
    assert cache.get_many([fine])[fine].message == "a note"
    key = entry_key("run", b"text", "a.md")
    cache.put_many([(key, pickle.dumps(Boom()))])
    assert cache.get_many([key]) == {}
    cache.put_many([(key, b"\x80garbage")])
    assert cache.get_many([key]) == {}


def test_a_file_signature_answers_only_while_its_entry_is_stored(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_many([], [("signature", "key")])
    assert cache.stored_keys_for(["signature", "other"]) == {}  # its entry is gone: the file is read again
    cache.put_many([("key", pack(None))])
    assert cache.stored_keys_for(["signature", "other"]) == {"signature": "key"}


def test_cache_folder_inside_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    done = run_cli(str(corpus), "--rules", str(ROOT / "rules"), "--cache-dir", str(corpus / ".cache"))
    assert done.returncode == 2 and "inside a folder factcheck reads" in done.stderr
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in SEEDS.iterdir())


def test_articles_in_results_carry_no_text(tmp_path: Path) -> None:
    rule_set = load_rules([str(ROOT / "rules")])
    result = pipeline.check([str(SEEDS)], rule_set, pipeline.Options())
    assert result.articles and all(article.segments == () for article in result.articles)
    assert all(claim.sentence for claim in result.claims)


def test_entries_from_other_code_are_never_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import cache as cache_module
    from factcheck.load import discover

    rule_set = load_rules([str(ROOT / "rules")])
    options = pipeline.Options(cache_folder=str(tmp_path / "cache"), jobs=1)
    files, _ = discover([str(SEEDS)])
    pipeline.check([str(SEEDS)], rule_set, options)
    pipeline._start_worker(rule_set, options)
    assert len(pipeline._unchanged(files, options.max_file_size)[0]) == 5  # same code, same files: all answered from the cache
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another build")
    pipeline._start_worker(rule_set, options)
    assert pipeline._unchanged(files, options.max_file_size)[0] == {}


def test_a_warm_cache_still_applies_the_size_limit(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    big = tmp_path / "big.md"
    big.write_bytes(SEEDS.joinpath("004_7638e87b2286deb5.txt").read_bytes() * 120)  # 1.3 MB
    common = (str(big), "--rules", str(ROOT / "rules"), "--cache-dir", str(cache), "--format", "json")
    assert run_cli(*common).returncode == 0  # cold, under the default 10 MB: read and cached
    warm = run_cli(*common, "--max-file-size", "1")
    cold = run_cli(*common[:3], "--no-cache", "--format", "json", "--max-file-size", "1")
    assert warm.returncode == cold.returncode == 2
    assert warm.stderr == cold.stderr == f"{big}: error: file is 1.3 MB, over the 1 MB limit (--max-file-size)\n"


def test_an_in_place_edit_that_restores_size_and_mtime_is_seen(tmp_path: Path) -> None:
    import os

    cache = tmp_path / "cache"
    article = tmp_path / "a.md"
    article.write_text(SEEDS.joinpath("004_7638e87b2286deb5.txt").read_text(encoding="utf-8"), encoding="utf-8")
    common = (str(article), "--rules", str(ROOT / "rules"), "--cache-dir", str(cache), "--format", "json")
    before = run_cli(*common).stdout
    info = article.stat()
    text = article.read_text(encoding="utf-8")
    assert "取消" in text
    article.write_text(text.replace("取消", "终止"), encoding="utf-8")  # same length in UTF-8
    os.utime(article, ns=(info.st_atime_ns, info.st_mtime_ns))  # as cp -p, tar or rsync --inplace do
    assert article.stat().st_size == info.st_size and article.stat().st_mtime_ns == info.st_mtime_ns
    warm = run_cli(*common).stdout
    cold = run_cli(*common[:3], "--no-cache", "--format", "json").stdout
    assert warm == cold != before


def test_workers_exit_when_the_main_process_is_killed(many: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the worker processes")
    for copy in range(8):  # enough work that the run is still going when it is killed
        shutil.copytree(many, many.parent / f"more{copy}")
    main = subprocess.Popen([sys.executable, "-m", "factcheck", str(many.parent), "--rules", str(ROOT / "rules"),
                             "--jobs", "2", "--no-cache", "--format", "json"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
        time.sleep(0.2)
        children = Path(f"/proc/{main.pid}/task/{main.pid}/children")
        workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    if main.poll() is not None or len(workers) < 2:
        pytest.skip("the run ended before its workers could be seen")
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and "zombie" not in Path(f"/proc/{pid}/status").read_text() and
                 "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()]
    for pid in alive:  # leave nothing behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert alive == [], "workers still running 15 s after the main process was killed"


def test_articles_without_claims_are_counted_not_listed(tmp_path: Path) -> None:
    """Memory grows with claims, not articles: an article no rule finds anything in is read and
    counted (summary.articles, articles_without_outlet) but has no record in the result."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "zz_quiet.md").write_text("---\ntitle: 天气\ncategories: [sina]\n---\n今天北京晴，气温适宜。\n",
                                        encoding="utf-8")
    rule_set = load_rules([str(ROOT / "rules")])
    result = pipeline.check([str(corpus)], rule_set, pipeline.Options())
    seeds = pipeline.check([str(SEEDS)], rule_set, pipeline.Options())
    assert result.summary.articles == seeds.summary.articles + 1
    assert result.summary.without_outlet == seeds.summary.without_outlet + 1  # an aggregator's label, no byline
    assert sorted(a.path for a in result.articles) == sorted({c.article for c in result.claims})
    assert not any(a.path.endswith("zz_quiet.md") for a in result.articles)


def test_a_cold_cache_is_written_in_batches_with_the_report_unchanged(many: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """New entries are stored STORE_BATCH at a time (memory stays flat in a cold run of an archive);
    with the pool, each outcome comes from its worker only packed, and reads back the same."""
    rule_set = load_rules([str(ROOT / "rules")])
    plain = pipeline.check([str(many)], rule_set, pipeline.Options(jobs=1))
    monkeypatch.setattr(pipeline, "STORE_BATCH", 8)
    stored: list[int] = []
    put_many = Cache.put_many

    def counted(self: Cache, entries: object, files: object = ()) -> None:
        files = list(files)  # type: ignore[call-overload]
        stored.append(len(files))
        put_many(self, entries, files)  # type: ignore[arg-type]

    monkeypatch.setattr(Cache, "put_many", counted)
    cold = pipeline.check([str(many)], rule_set, pipeline.Options(jobs=2, cache_folder=str(tmp_path / "cache")))
    assert stored == [8] * 8 + [6]  # 70 files
    assert (cold.claims, cold.findings, cold.articles) == (plain.claims, plain.findings, plain.articles)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cold_run_signs_files_as_it_reads_them_and_the_next_run_finds_them_unchanged(
        many: Path, tmp_path: Path, jobs: int) -> None:
    """A cold cache answers nothing, so no file is taken before it is read: each is signed from the status of the
    descriptor it is read from, the very signature `stat_signature` gives, so the next run knows every file."""
    from factcheck.cache import stat_signature

    rule_set = load_rules([str(ROOT / "rules")])
    options = pipeline.Options(jobs=jobs, cache_folder=str(tmp_path / "cache"))
    pipeline.check([str(many)], rule_set, options)
    files = pipeline._files([str(many)], options)[0][0]
    pipeline._start_worker(rule_set, options)
    known, signatures = pipeline._unchanged(files, options.max_file_size)
    assert len(known) == len(files) == 70
    with sqlite3.connect(tmp_path / "cache" / f"v{FORMAT}" / "claims.sqlite") as db:
        stored = {stat for (stat,) in db.execute("SELECT stat FROM files")}
    assert stored == set(signatures.values()) == {
        stat_signature(str(pipeline._WORKER["run_key"]), file.path, file.display)[0] for file in files}


def test_a_warm_run_reads_again_a_file_whose_entry_turned_unreadable(many: Path, tmp_path: Path) -> None:
    """Warm entries are read a batch at a time, after the run has started: one that no longer
    unpickles (torn, foreign) is a miss, and its file is read as in a cold run."""
    rule_set = load_rules([str(ROOT / "rules")])
    options = pipeline.Options(jobs=1, cache_folder=str(tmp_path / "cache"))
    plain = pipeline.check([str(many)], rule_set, pipeline.Options(jobs=1))
    pipeline.check([str(many)], rule_set, options)
    with sqlite3.connect(tmp_path / "cache" / f"v{FORMAT}" / "claims.sqlite") as db:
        assert db.execute("UPDATE entries SET value = x'80' WHERE rowid IN (SELECT rowid FROM entries LIMIT 3)"
                          ).rowcount == 3
        db.execute("DELETE FROM results")  # else the unchanged archive's last result is reused, entries unread
    warm = pipeline.check([str(many)], rule_set, options)
    assert (warm.claims, warm.findings, warm.articles) == (plain.claims, plain.findings, plain.articles)
    with sqlite3.connect(tmp_path / "cache" / f"v{FORMAT}" / "claims.sqlite") as db:  # stored again, readable
        assert Cache(tmp_path / "cache").get_many([k for (k,) in db.execute("SELECT key FROM entries")]).__len__() == 70


def test_an_unchanged_archive_reuses_its_last_result_and_any_change_compares_again(
        many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The result of a run is kept per inputs and options with the state it was compared in (every file's
    entry key, the run key, discovery's notes): only the same state gives it back."""
    from dataclasses import replace

    rule_set = load_rules([str(ROOT / "rules")])
    options = pipeline.Options(jobs=1, cache_folder=str(tmp_path / "cache"))
    first = pipeline.check([str(many)], rule_set, options)
    compare_all = pipeline.compare_all
    compared: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        compared.append(1)
        return compare_all(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "compare_all", counted)
    again = pipeline.check([str(many)], rule_set, options)
    assert compared == []
    assert (again.claims, again.findings, again.articles, again.summary, again.rules, again.entity_names) == (
        first.claims, first.findings, first.articles, first.summary, first.rules, first.entity_names)
    assert list(again.diagnostics) == list(first.diagnostics)
    for changed in (replace(options, min_level="warning"), replace(options, timezone="UTC"),
                    replace(options, baseline={"x": 1}, baseline_path="b.txt")):
        pipeline.check([str(many)], rule_set, changed)
    assert len(compared) == 3
    target = sorted(many.iterdir())[5]
    target.write_bytes(target.read_bytes() + b"\n")
    pipeline.check([str(many)], rule_set, options)
    assert len(compared) == 4


def test_an_output_is_inside_a_folder_of_the_inputs_only_below_a_folder(tmp_path: Path) -> None:
    """One test of 'inside what is read' for check, extract and discover (files.inside_a_folder): a file
    given as input is no folder, a sibling folder whose name starts alike is not inside, a link is resolved."""
    from factcheck.files import inside_a_folder

    corpus, article = tmp_path / "corpus", tmp_path / "a.md"
    (corpus / "sub").mkdir(parents=True)
    article.write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(corpus)
    assert inside_a_folder(corpus / "sub" / "cache", [str(article), str(corpus)])
    assert inside_a_folder(corpus, [str(corpus)])
    assert inside_a_folder(tmp_path / "link" / "cache", [str(corpus)])
    assert not inside_a_folder(tmp_path / "corpus2" / "cache", [str(corpus)])
    assert not inside_a_folder(article, [str(article)])


def test_the_outlet_configuration_keys_the_cache_alike_in_every_process() -> None:
    """The run key holds repr(OutletConfig): a frozenset in it printed in hash order, salted per process,
    so with an outlets file configured no entry of one run was ever found by the next."""
    import os
    import subprocess
    import sys

    code = "from factcheck.outlets import load_outlet_config; print(repr(load_outlet_config()))"
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(seen) == 1 and "aggregators=[" in seen.pop()
