"""`--engine dask` on a real cluster (a LocalCluster: scheduler and 2 worker processes) gives the local report.

The bulk corpus subset is every third article of corpus/bulk (about 1,000 of
2,987), which keeps these tests under a minute on 2 cores; the full corpus is
measured in benchmarks/dask_scaling.py.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import CORPUS, RULES, SEEDS, run_cli

from factcheck.cli import main

BULK = CORPUS / "bulk"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason="dask is not installed: pip install -e '.[dask]'")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local, distributed.Client(local) as client:
        yield local.scheduler_address, client


@pytest.fixture(scope="module")
def subset() -> list[str]:
    if not BULK.is_dir():
        pytest.skip("the shared corpus (../shared/corpus/bulk) is not here")
    return [str(path) for path in sorted(BULK.iterdir())[::3] if path.suffix == ".md"]


@pytest.fixture(scope="module")
def local_report(subset: list[str]) -> str:
    return _report(subset)


def _report(paths: list[str], *engine: str) -> str:
    import contextlib
    import io

    out = io.StringIO()
    cache = () if "--cache-dir" in engine else ("--no-cache",)
    with contextlib.redirect_stdout(out):
        code = main([*paths, "--rules", str(RULES), *cache, "--no-config", "--format", "json", *engine])
    assert code in (0, 1)  # 2 would be an error
    return out.getvalue()


def test_the_bulk_subset_on_the_cluster_is_the_local_report(cluster, subset, local_report) -> None:
    address, _ = cluster
    assert len(subset) > 900 and '"disagreement"' in local_report
    assert _report(subset, "--engine", "dask", "--scheduler", address) == local_report


def test_a_worker_killed_mid_run_is_replaced_and_the_report_is_the_same(cluster, subset, local_report) -> None:
    address, client = cluster
    before = client.run(os.getpid)
    killed: list[tuple[str, int]] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            for worker, keys in client.processing().items():
                if any(str(key).startswith("factcheck-extract") for key in keys) and worker in before:
                    os.kill(before[worker], signal.SIGKILL)
                    killed.append((worker, before[worker]))
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    report = _report(subset, "--engine", "dask", "--scheduler", address)
    killer.join()
    assert killed, "no worker was busy extracting: nothing was killed"
    client.wait_for_workers(2, timeout=60)
    after = client.run(os.getpid)
    assert killed[0][1] not in after.values() and len(after) == 2  # the nanny started a new worker
    assert report == local_report


def test_the_clients_cache_answers_a_second_run(cluster, subset, tmp_path: Path) -> None:
    """Cold: workers extract and the client stores every article; warm: the same report from the cache."""
    import sqlite3

    address, _ = cluster
    few = subset[::10]
    local = _report(few)
    cached = ("--engine", "dask", "--scheduler", address)
    cache = ("--cache-dir", str(tmp_path / "cache"))
    cold = _report(few, *cached, *cache)
    from factcheck.cache import Cache

    with sqlite3.connect(Cache(tmp_path / "cache").path) as db:
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == len(few)
    assert _report(few, *cached, *cache) == cold == local


def test_an_unreachable_scheduler_is_one_line() -> None:
    pytest.importorskip("distributed", reason="dask is not installed: pip install -e '.[dask]'")
    done = run_cli(str(SEEDS), "--rules", str(RULES), "--no-cache", "--engine", "dask", "--scheduler",
                   "tcp://127.0.0.1:9", env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("factcheck: error: --scheduler tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert done.stderr.count("\n") == 1


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    assert main([str(SEEDS), "--rules", str(RULES), "--no-cache", "--engine", "dask"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "factcheck: error: --engine dask needs dask.distributed: "
                              "pip install 'factcheck[dask]'\n")


def test_scheduler_without_the_dask_engine_is_a_usage_error(capsys) -> None:
    assert main([str(SEEDS), "--rules", str(RULES), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert capsys.readouterr().err == "factcheck: error: --scheduler needs --engine dask\n"


def test_a_rule_set_lost_with_the_only_worker_holding_it_is_sent_again(cluster) -> None:
    """A rule set scattered while one worker was restarting lives on one worker only; when that
    worker dies the tasks that need it are cancelled (CI saw `FutureCancelledError … already
    forgotten` as an internal error). The engine scatters it again and resubmits: same outcomes."""
    from factcheck.engines.dask_engine import DaskEngine
    from factcheck.load import discover
    from factcheck.pipeline import Options, extract_partition
    from factcheck.rules import load_rules

    address, client = cluster
    rule_set = load_rules([str(RULES)])
    files, _ = discover([str(SEEDS)])
    def counted(outcomes) -> list[tuple[str, int]]:  # (article, claims) for each file read
        return [(outcome[0].path, len(outcome[1])) for outcome, _ in outcomes if isinstance(outcome, tuple)]

    local = counted(extract_partition(files, rule_set, Options()))
    client.wait_for_workers(2, timeout=60)
    with DaskEngine(address, rule_set, Options()) as engine:
        holder = sorted(client.scheduler_info()["workers"])[0]
        engine.rules = client.scatter(rule_set, workers=[holder], hash=False)  # its only copy
        pid = client.run(os.getpid, workers=[holder])[holder]
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while holder in client.scheduler_info()["workers"] and time.monotonic() < deadline:
            time.sleep(0.1)
        remote = counted(engine.extract(files))
    client.wait_for_workers(2, timeout=60)
    assert remote == local and local
