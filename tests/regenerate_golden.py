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


def main() -> None:
    for fmt, suffix in SUFFIXES.items():
        done = subprocess.run([sys.executable, "-m", "factcheck", "seeds/", "--format", fmt, "--no-color",
                               "--no-cache"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                              env={**os.environ, "LC_ALL": "C.UTF-8"})  # English, whatever the locale
        (ROOT / "tests" / "golden" / f"seeds.{suffix}").write_text(done.stdout, encoding="utf-8")
    for fmt in ZH_FORMATS:  # the Chinese interface (--lang zh): seeds.zh.txt, .md, .html
        done = subprocess.run([sys.executable, "-m", "factcheck", "seeds/", "--format", fmt, "--lang", "zh",
                               "--no-color", "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                              encoding="utf-8")
        (ROOT / "tests" / "golden" / f"seeds.zh.{SUFFIXES[fmt]}").write_text(done.stdout, encoding="utf-8")
    readme = ROOT / "README.md"
    text = (ROOT / "tests" / "golden" / "seeds.txt").read_text(encoding="utf-8")
    readme.write_text(re.sub(r"(<!-- seeds-output:start -->\n```text\n).*?(```\n<!-- seeds-output:end -->)",
                             lambda m: m.group(1) + text + m.group(2), readme.read_text(encoding="utf-8"),
                             flags=re.S), encoding="utf-8")


if __name__ == "__main__":
    main()
