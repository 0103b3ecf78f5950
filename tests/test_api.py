"""The public API (docs/api.md): the documented example runs and prints what the doc says,
and `import factcheck` loads none of the pipeline until a name is used."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

DOC = ROOT / "docs" / "api.md"


def _block(marker: str, language: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker}:start -->\n```{language}\n(.*?)```\n<!-- {marker}:end -->", text, re.S)
    assert found, f"docs/api.md has no {marker} block"
    return found.group(1)


def test_the_documented_example_prints_what_the_doc_shows() -> None:
    done = subprocess.run([sys.executable, "-c", _block("api-example", "python")], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == _block("api-output", "text")


def test_importing_the_package_loads_no_stage_until_a_name_is_used() -> None:
    code = ("import sys, factcheck; before = sorted(m for m in sys.modules if m.startswith('factcheck.'));"
            "factcheck.parse_quantity; after = 'factcheck.normalize.quantities' in sys.modules;"
            "print(before, after)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[] True", done.stderr


def test_every_public_name_resolves_and_unknown_names_fail() -> None:
    import factcheck

    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    try:
        factcheck.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("an unknown name resolved")
