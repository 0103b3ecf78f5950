"""Rewrite every golden file (and the README's seed output) from the current code.

Run after an intended change of output: `python tests/regenerate_golden.py`,
then read `git diff tests/golden README.md` before committing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {"text": "txt", "json": "json", "jsonl": "jsonl", "markdown": "md", "html": "html", "sarif": "sarif",
            "github": "github", "junit": "xml", "concise": "concise"}

ZH_FORMATS = ("text", "markdown", "html")


def _report(*options: str, english: bool) -> str:
    """One seed report; stops the regeneration (nothing written) when factcheck did not produce one:
    a run that failed, during a merge conflict say, once emptied every golden file."""
    env = {**os.environ, "LC_ALL": "C.UTF-8"} if english else None  # English, whatever the locale
    done = subprocess.run([sys.executable, "-m", "factcheck", "seeds/", *options, "--no-color", "--no-cache"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env)
    if done.returncode not in (0, 1) or not done.stdout:
        sys.exit(f"factcheck seeds/ {' '.join(options)} exited {done.returncode}; no golden file written\n"
                 f"{done.stderr}")
    return done.stdout


def main() -> None:
    reports = {f"seeds.{suffix}": _report("--format", fmt, english=True) for fmt, suffix in SUFFIXES.items()}
    for fmt in ZH_FORMATS:  # the Chinese interface (--lang zh): seeds.zh.txt, .md, .html
        reports[f"seeds.zh.{SUFFIXES[fmt]}"] = _report("--format", fmt, "--lang", "zh", english=False)
    for name, text in reports.items():
        (ROOT / "tests" / "golden" / name).write_text(text, encoding="utf-8")
    readme = ROOT / "README.md"
    text = reports["seeds.txt"]
    readme.write_text(re.sub(r"(<!-- seeds-output:start -->\n```text\n).*?(```\n<!-- seeds-output:end -->)",
                             lambda m: m.group(1) + text + m.group(2), readme.read_text(encoding="utf-8"),
                             flags=re.S), encoding="utf-8")


if __name__ == "__main__":
    main()
