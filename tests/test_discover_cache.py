"""discover through the check's cache (factcheck/discover/cached.py): cold, warm and --no-cache runs
write the same bytes with any --jobs, a warm run reads nothing again, and whatever changes a reading
(an article's bytes, the entities given, the code, the time zone) is read again."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_cli

from factcheck import pipeline
from factcheck.cache import FORMAT
from factcheck.discover import run as discover_run
from factcheck.discover.render import render, to_dict
from factcheck.records import Entity

ARTICLES = FIXTURES / "discover" / "articles"
SEEDS = ("seeds/001_182833d9e280f819.txt", "seeds/004_7638e87b2286deb5.txt")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Two stories told by two or more outlets: the fixture's Coca-Cola articles and two of the seeds' Apple ones."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for source in ARTICLES.iterdir():
        (corpus / source.name).write_bytes(source.read_bytes())
    for name in SEEDS:
        (corpus / Path(name).name).write_bytes((ROOT / name).read_bytes())
    return corpus


def _report(folder: Path, **options: object) -> str:
    result = discover_run.run([str(folder)], discover_run.DiscoverOptions(**options))  # type: ignore[arg-type]
    return render("json", to_dict(result, "", result.candidates))


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from here on: in full (`read:`) or for grouping (`digest:`)."""
    read: list[str] = []
    observed, digest_of = discover_run._observed, discover_run._digest_of

    def counted_observed(data: bytes, file):  # type: ignore[no-untyped-def]
        read.append(f"read:{Path(file.display).name}")
        return observed(data, file)

    def counted_digest(data: bytes, file):  # type: ignore[no-untyped-def]
        read.append(f"digest:{Path(file.display).name}")
        return digest_of(data, file)

    monkeypatch.setattr(discover_run, "_observed", counted_observed)
    monkeypatch.setattr(discover_run, "_digest_of", counted_digest)
    return read


@pytest.mark.parametrize("jobs", [1, 2])
def test_cold_warm_and_uncached_runs_write_the_same_report(folder: Path, tmp_path: Path, jobs: int,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 1)  # workers even for a handful of files (run._map reads it)
    cache = str(tmp_path / "cache")
    plain = _report(folder, jobs=1)
    cold = _report(folder, jobs=jobs, cache_folder=cache)
    with sqlite3.connect(Path(cache) / f"v{FORMAT}" / "claims.sqlite") as db:
        # a digest of each of the 5 articles, each read in full (both stories are told by two outlets), 2 stories
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone() == (5 + 5 + 2,)
    for name in ("_observed", "_digest_of"):  # a warm run reads no article, in this process or a worker
        monkeypatch.setattr(discover_run, name, _no_reading)
    warm = _report(folder, jobs=jobs, cache_folder=cache)
    assert cold == plain and warm == plain and plain.count('"story": "s') > 1


def _no_reading(data: bytes, file: object) -> None:
    raise AssertionError(f"{file} read in a warm run")


def test_a_changed_article_alone_is_read_again(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = str(tmp_path / "cache")
    _report(folder, jobs=1, cache_folder=cache)
    changed = folder / "b-qq.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("22.13亿美元", "22.31亿美元"), encoding="utf-8")
    read = _reads(monkeypatch)
    warm = _report(folder, jobs=1, cache_folder=cache)
    assert sorted(read) == ["digest:b-qq.md", "read:b-qq.md"]  # its story is aligned again from the others' entries
    assert warm == _report(folder, jobs=1) and "22.31" in warm


def test_a_file_only_touched_is_answered_by_its_bytes(folder: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = str(tmp_path / "cache")
    cold = _report(folder, jobs=1, cache_folder=cache)
    touched = folder / "a-jinwucj.md"
    os.utime(touched, (1_700_000_000, 1_700_000_000))  # another stat signature, the same bytes
    read = _reads(monkeypatch)
    assert _report(folder, jobs=1, cache_folder=cache) == cold and read == []


def test_the_entities_given_are_part_of_a_storys_entry(folder: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = str(tmp_path / "cache")
    _report(folder, jobs=1, cache_folder=cache)
    entities = (Entity("coke", "可口可乐公司", ("可口可乐",)), Entity("apple", "苹果公司", ("苹果",)))
    read = _reads(monkeypatch)
    given = _report(folder, jobs=1, cache_folder=cache, entities=entities)
    assert read == []  # the articles' readings do not depend on the names: their entries serve
    assert given == _report(folder, jobs=1, entities=entities) and "可口可乐公司" in given


def test_entries_of_other_code_or_another_time_zone_are_never_reused(folder: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.discover import cached

    cache = str(tmp_path / "cache")
    _report(folder, jobs=1, cache_folder=cache)
    read = _reads(monkeypatch)
    other_zone = _report(folder, jobs=1, cache_folder=cache, timezone="America/New_York")
    assert len(read) == 10 and other_zone == _report(folder, jobs=1, timezone="America/New_York")
    read.clear()
    monkeypatch.setattr(cached, "code_fingerprint", lambda: "another build")
    _report(folder, jobs=1, cache_folder=cache)
    assert len(read) == 10


def test_the_cli_caches_as_a_check_does(folder: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    args = ("discover", str(folder), "--format", "json")
    plain = run_cli(*args, "--no-cache")
    cold, warm = run_cli(*args, "--cache-dir", cache), run_cli(*args, "--cache-dir", cache)
    assert plain.returncode == cold.returncode == warm.returncode == 0
    assert plain.stdout == cold.stdout == warm.stdout
    assert (Path(cache) / f"v{FORMAT}" / "claims.sqlite").is_file()
    both = run_cli(*args, "--no-cache", "--cache-dir", cache)
    assert both.returncode == 2 and "contradict" in both.stderr
    inside = run_cli(*args, "--cache-dir", str(folder / ".cache"))
    assert inside.returncode == 2 and "inside a folder discover reads" in inside.stderr
    assert not (folder / ".cache").exists()
