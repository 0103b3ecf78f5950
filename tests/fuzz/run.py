"""A longer fuzz run of the property tests: arbitrary text and YAML into the
loader, the rule loader and every normalizer must give a value or a clean
error, never a traceback.

    python tests/fuzz/run.py                 # 20,000 examples per property
    python tests/fuzz/run.py --examples 500  # a brief run (CI does this)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20000, help="examples per property (default 20000)")
    args = parser.parse_args()
    env = {**os.environ, "FACTCHECK_HYPOTHESIS_PROFILE": "fuzz", "FACTCHECK_FUZZ_EXAMPLES": str(args.examples)}
    # -n 0: in one process; ten properties gain less from two workers than the workers cost to start
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
                            str(ROOT / "tests" / "test_properties.py")], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
