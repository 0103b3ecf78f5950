"""docs/rules.md lists every built-in metric, period, basis and measure word the data file ships."""

from __future__ import annotations

from regenerate_qualifier_words import DOCS, block, table

from factcheck.kinds.qualifiers import builtin_words


def test_the_docs_table_is_the_data_file() -> None:
    assert block(DOCS.read_text(encoding="utf-8")) == table(), \
        "docs/rules.md and factcheck/data/qualifiers.yaml differ: run python tests/regenerate_qualifier_words.py"


def test_the_table_names_every_word_the_engine_reads() -> None:
    """Every word the engine reads for metric, period, basis and measure is in its value's row."""
    rows = {}
    for line in block(DOCS.read_text(encoding="utf-8")).splitlines()[2:]:
        qualifier, value, words = (cell.strip().strip("`") for cell in line.strip("|").split(" | "))
        rows[(qualifier, value)] = set(words.split(", "))
    read = builtin_words()
    for qualifier in ("metric", "period", "basis", "measure"):
        for value, words in read[qualifier].items():
            assert set(words) <= rows[(qualifier, value)], (qualifier, value, set(words) - rows[(qualifier, value)])
