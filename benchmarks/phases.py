"""Where a full check's CPU time goes, phase by phase (issue 14).

    python benchmarks/phases.py [--rules DIR] [--repeat N] [CORPUS]

Runs `factcheck --format json --no-cache --jobs 1` in this process, CORPUS
(default ../shared/corpus/bulk) against the rules in DIR (default rules/),
with a timer around each stage of the pipeline, and prints CPU seconds
(process time: what other work on a shared machine stretches least) per
phase, for each of N runs (the spread says how much the machine's load
moved them). `parse` and `extract` are summed over the articles; `report`
is the JSON text written. The imports are timed once, before the first run;
later runs find the rules' and the script tables' caches warm. Use
benchmarks/rulesets.py to make a library of many rules. Nothing is asserted:
it says what to attack first.

Bytecode is cached as after a normal install (as benchmarks/run.py does it: in
a scratch PYTHONPYCACHEPREFIX, filled before the timing by compiling factcheck and
checking seeds/ once): with
PYTHONDONTWRITEBYTECODE set, every start-up would compile factcheck's sources,
≈0.15 s CPU that no installed copy pays, counted as imports.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BULK = REPO.parent / "shared" / "corpus" / "bulk"

# (module, function, phase): where each phase starts and ends, in pipeline order
PHASES = [
    ("factcheck.rules", "load_rules", "load rules"),
    ("factcheck.pipeline", "_files", "find files"),
    ("factcheck.pipeline", "_start_worker", "build the scanner and entity index"),
    ("factcheck.pipeline", "read_bytes", "read bytes"),
    ("factcheck.pipeline", "parse_bytes", "parse (decode, front matter, Markdown, sentences)"),
    ("factcheck.pipeline", "extract", "extract (rules on sentences)"),
    ("factcheck.pipeline", "compare_all", "compare, gate, summary"),
    ("factcheck.files", "write_atomically", "report (serialize and write JSON)"),
]


def timed(spent: dict[str, float], phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[phase] = spent.get(phase, 0.0) + time.process_time() - start

    return wrapper


def run_once(corpus: Path, rules: Path, out: Path) -> tuple[float, dict[str, float]]:
    """(total CPU seconds, CPU seconds per phase) of one check in this process."""
    from importlib import import_module

    from factcheck import cli

    spent: dict[str, float] = {}
    originals = []
    for module_name, name, phase in PHASES:
        module = import_module(module_name)
        originals.append((module, name, getattr(module, name)))
        setattr(module, name, timed(spent, phase, getattr(module, name)))
    stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # noqa: SIM115  (the notes of a whole corpus)
    start = time.process_time()
    try:
        cli.main(["--format", "json", "--no-cache", "--jobs", "1", "--no-config", "--rules", str(rules),
                  "-o", str(out), str(corpus)])
    except SystemExit:
        pass
    finally:
        total = time.process_time() - start
        sys.stderr.close()
        sys.stderr = stderr
        for module, name, original in originals:
            setattr(module, name, original)
    return total, spent


def with_bytecode() -> int | None:
    """Run this script again with bytecode cached in a scratch folder, compiled beforehand, when
    this process may not cache it (its exit code); None when it runs with a cache already."""
    if not sys.flags.dont_write_bytecode and "PYTHONDONTWRITEBYTECODE" not in os.environ:
        return None
    import subprocess

    with tempfile.TemporaryDirectory(prefix="factcheck-phases-pycache-") as scratch:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = scratch
        # into the prefix, untimed: every module of factcheck, and what a check imports (the standard
        # library's and other packages' bytecode is looked for in the prefix too)
        compile_all = "import compileall, os, factcheck; compileall.compile_dir(os.path.dirname(factcheck.__file__), quiet=1)"
        subprocess.run([sys.executable, "-c", compile_all], env=env, check=True)
        subprocess.run([sys.executable, "-m", "factcheck", str(REPO / "seeds"), "--format", "json", "--no-cache",
                        "--no-config", "-o", os.devnull], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return subprocess.run([sys.executable, *sys.argv], env=env).returncode


def main() -> int:
    again = with_bytecode()
    if again is not None:
        return again
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(BULK))
    parser.add_argument("--rules", default=str(REPO / "rules"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"no corpus at {args.corpus}: nothing measured")
        return 0
    start = time.process_time()
    import factcheck.cli  # the imports a run pays once
    import factcheck.pipeline  # noqa: F401
    imports = time.process_time() - start
    runs: list[tuple[float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-phases-") as scratch:
        for _ in range(args.repeat):
            runs.append(run_once(Path(args.corpus), Path(args.rules), Path(scratch) / "report.json"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"corpus {args.corpus}, rules {args.rules}; load average {load:.1f} at the end")
    print(f"{'phase':52}" + "".join(f"{f'run {i + 1}':>8}" for i in range(len(runs))))
    print(f"{'imports (before the first run)':52}{imports:8.2f}")
    for _, _, phase in PHASES:
        print(f"{phase:52}" + "".join(f"{spent.get(phase, 0.0):8.2f}" for _, spent in runs))
    print(f"{'the whole check (CPU s)':52}" + "".join(f"{total:8.2f}" for total, _ in runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
