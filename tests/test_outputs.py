"""Outputs never lose data: a failed run writes nothing, a baseline is replaced
only by a complete run, and `--output` never replaces what is not a report
(an input of the run, a device, a folder), as a user would meet it."""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def test_a_mistyped_path_leaves_the_baseline_unchanged(project: Path) -> None:
    assert run_cli("seeds/", "--write-baseline", "baseline.json", cwd=project).returncode == 0
    before = (project / "baseline.json").read_bytes()
    assert b'"findings": [\n  ]' not in before
    done = run_cli("sedes/", "--write-baseline", "baseline.json", cwd=project)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["sedes/: error: no such file or folder",
                                        "factcheck: error: baseline.json not written: the run had errors (above)"]
    assert (project / "baseline.json").read_bytes() == before


def test_one_unreadable_article_keeps_the_baseline_but_not_the_report(project: Path) -> None:
    (project / "seeds" / "broken.md").write_bytes(b"---\ndate: [1\n---\n")
    (project / "baseline.json").write_text("old", encoding="utf-8")
    done = run_cli("seeds/", "--write-baseline", "baseline.json", cwd=project)
    assert done.returncode == 2 and (project / "baseline.json").read_text(encoding="utf-8") == "old"
    # the report still covers the other articles: the broken one is a line in it
    done = run_cli("seeds/", "--format", "json", "--output", "report.json", cwd=project)
    assert done.returncode == 2 and '"seeds/broken.md"' in (project / "report.json").read_text(encoding="utf-8")


def test_a_mistyped_path_leaves_the_last_report_in_place(project: Path) -> None:
    (project / "report.json").write_text("last good report", encoding="utf-8")
    done = run_cli("seeds/", "sedes/", "--format", "json", "--output", "report.json", cwd=project)
    assert done.returncode == 2 and "report.json not written: a path given could not be read" in done.stderr
    assert (project / "report.json").read_text(encoding="utf-8") == "last good report"


@pytest.mark.parametrize("option, target, what", [
    ("--output", "baseline.json", "the baseline being read"),
    ("--output", "rules/share-price.yaml", "inside 'rules'"),
    ("--output", "outlets.yaml", "the outlets file"),
    ("--output", ".factcheck.yaml", "the configuration file"),
    ("--output", "seeds/000_2554022df40b26d2.txt", "inside 'seeds/'"),
    ("--output", "link-to-baseline.json", "the baseline being read"),
    ("--write-baseline", "outlets.yaml", "the outlets file"),
])
def test_no_output_is_written_over_an_input(project: Path, option: str, target: str, what: str) -> None:
    assert run_cli("seeds/", "--write-baseline", "baseline.json", cwd=project).returncode == 0
    shutil.copy(ROOT / "factcheck" / "data" / "outlets.yaml", project / "outlets.yaml")
    (project / ".factcheck.yaml").write_text("outlets: outlets.yaml\n", encoding="utf-8")
    os.symlink("baseline.json", project / "link-to-baseline.json")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    extra = [] if option == "--write-baseline" else ["--baseline", "baseline.json"]
    done = run_cli("seeds/", *extra, option, target, cwd=project)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"factcheck: error: {option}: ") and what in done.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(project: Path) -> None:
    (project / "reports").mkdir()
    (project / "reports" / "real.json").write_text("old", encoding="utf-8")
    os.symlink("reports/real.json", project / "latest.json")
    assert run_cli("seeds/", "--format", "json", "-o", "latest.json", cwd=project).returncode == 1
    assert (project / "latest.json").is_symlink()
    assert (project / "reports" / "real.json").read_text(encoding="utf-8").startswith("{")


def test_output_keeps_an_existing_mode_and_new_files_follow_the_umask(project: Path) -> None:
    (project / "shared.json").write_text("old", encoding="utf-8")
    (project / "shared.json").chmod(0o644)
    assert run_cli("seeds/", "--format", "json", "-o", "shared.json", cwd=project).returncode == 1
    assert stat.S_IMODE((project / "shared.json").stat().st_mode) == 0o644
    old = os.umask(0o022)
    try:
        assert run_cli("seeds/", "--format", "json", "-o", "new.json", cwd=project).returncode == 1
    finally:
        os.umask(old)
    assert stat.S_IMODE((project / "new.json").stat().st_mode) == 0o644


def test_output_to_a_fifo_or_device_is_written_directly(project: Path) -> None:
    os.mkfifo(project / "pipe")
    reader = os.open(project / "pipe", os.O_RDONLY | os.O_NONBLOCK)
    received = bytearray()
    drained = threading.Event()

    def drain() -> None:  # the report is larger than a pipe's buffer: read while it is written
        while not drained.is_set():
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                chunk = b""
            received.extend(chunk)
            if not chunk:
                time.sleep(0.01)

    thread = threading.Thread(target=drain)
    thread.start()
    try:
        done = run_cli("seeds/", "--format", "json", "-o", "pipe", cwd=project)
        assert done.returncode == 1, done.stderr
    finally:
        drained.set()
        thread.join()
        os.close(reader)
    assert received[:1] == b"{"
    assert stat.S_ISFIFO((project / "pipe").lstat().st_mode)
    # only once a FIFO proved that devices are written directly: as root, a rename would replace them
    if stat.S_ISCHR(os.stat("/dev/null").st_mode):
        done = run_cli("seeds/", "-o", "/dev/null", cwd=project)
        assert done.returncode == 1 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if stat.S_ISCHR(os.stat("/dev/full").st_mode):  # a full disk
        done = run_cli("seeds/", "-o", "/dev/full", cwd=project)
        assert (done.returncode, done.stderr) == (
            2, "factcheck: error: --output: cannot write '/dev/full': No space left on device\n")
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_refuses_to_replace_a_folder(project: Path) -> None:
    (project / "out").mkdir()
    done = run_cli("seeds/", "-o", "out", cwd=project)
    assert (done.returncode, done.stderr) == (
        2, "factcheck: error: --output: 'out' is a folder; factcheck replaces only regular files\n")
    assert (project / "out").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_line(project: Path) -> None:
    (project / "ro").mkdir()
    (project / "ro").chmod(0o555)
    try:
        done = run_cli("seeds/", "-o", "ro/report.txt", cwd=project)
    finally:
        (project / "ro").chmod(0o755)
    assert (done.returncode, done.stderr) == (
        2, "factcheck: error: --output: cannot write 'ro/report.txt': Permission denied\n")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_crash(project: Path, encoding: str) -> None:
    import json

    env = {**os.environ, "PYTHONIOENCODING": encoding}
    text = run_cli("seeds/", cwd=project, env=env)
    assert text.returncode == 1 and "Traceback" not in text.stderr and "internal error" not in text.stderr
    assert "\\u673a\\u5668\\u4e4b\\u5fc3" in text.stdout  # 机器之心, escaped
    data = run_cli("seeds/", "--format", "json", cwd=project, env=env)
    assert data.returncode == 1 and json.loads(data.stdout)["articles"][0]["outlet"] == "机器之心"  # lossless


def test_a_file_name_that_is_not_utf8_is_shown_escaped(project: Path) -> None:
    os.rename(project / "seeds" / "000_2554022df40b26d2.txt", os.fsencode(project / "seeds") + b"/bad\xff\nname.txt")
    import json

    for fmt in ("sarif", "json", "text"):
        done = run_cli("seeds/", "--format", fmt, "-o", f"report.{fmt}", cwd=project)
        assert done.returncode == 1, fmt  # -o says where it wrote, then the summary: no error line
        assert done.stderr.startswith(f"factcheck: wrote the {fmt} report to report.{fmt}\n"), done.stderr
        assert ": error:" not in done.stderr, done.stderr
    paths = {a["path"] for a in json.loads((project / "report.json").read_text(encoding="utf-8"))["articles"]}
    assert "seeds/bad\\xff\\nname.txt" in paths
    assert json.loads((project / "report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert "seeds/bad\\xff\\nname.txt:" in (project / "report.text").read_text(encoding="utf-8")
    done = run_cli("seeds/", cwd=project)  # stdout too: no raw newline from a file name
    assert done.returncode == 1 and "seeds/bad\\xff\\nname.txt:" in done.stdout


def test_no_system_time_zone_database_is_needed(project: Path) -> None:
    empty = project / "no-zoneinfo"
    empty.mkdir()
    done = run_cli("seeds/", cwd=project, env={**os.environ, "PYTHONTZPATH": str(empty)})  # as on Windows, slim images
    assert done.returncode == 1 and done.stderr == ""  # Asia/Shanghai comes from the tzdata package
