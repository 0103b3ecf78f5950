"""Shared helpers: the project root, the shared corpus, running the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# property tests: a few hundred examples in the suite; `tests/fuzz/run.py` raises it for a long fuzz run
settings.register_profile("default", max_examples=250, deadline=None)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "20000")),
                          deadline=None)
settings.load_profile(os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


CACHE = Path(tempfile.mkdtemp(prefix="factcheck-test-cache-"))  # never the user's cache


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m factcheck` as a user would, capturing its output."""
    # the locale chooses the report language (--lang): pinned, unless a test gives its own environment
    env = {**(env or {**os.environ, "LC_ALL": "C.UTF-8"}), "XDG_CACHE_HOME": str(CACHE)}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def run_json(*args: str, cwd: Path = ROOT) -> tuple[int, dict]:
    done = run_cli(*args, "--format", "json", cwd=cwd)
    return done.returncode, json.loads(done.stdout)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the clone in CI)")
    return CORPUS
