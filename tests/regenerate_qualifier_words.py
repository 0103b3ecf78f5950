"""Rewrite the table of built-in qualifier words in docs/rules.md from factcheck/data/qualifiers.yaml.

Run after the word lists change: `python tests/regenerate_qualifier_words.py`, then read
`git diff docs/rules.md`. tests/test_qualifier_words_docs.py fails while the two differ.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.kinds.qualifiers import builtin_words

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules.md"
START = "<!-- qualifier-words:start (python tests/regenerate_qualifier_words.py) -->\n"
END = "<!-- qualifier-words:end -->\n"


def table() -> str:
    """Every built-in qualifier value with every word that signals it, in the data file's order, the
    English forms it writes out (english_forms) included; the years, generated, are described apart."""
    rows = ["| qualifier | value | words (simplified and traditional, as shipped) |", "| --- | --- | --- |"]
    for qualifier, values in builtin_words().items():
        if qualifier == "year":
            continue
        for value, words in values.items():
            shown = ", ".join(str(word).replace("|", "\\|") for word in words)
            rows.append(f"| `{qualifier}` | `{value}` | {shown} |")
    return "\n".join(rows) + "\n"


def block(docs: str) -> str:
    """The generated part of docs/rules.md as it stands."""
    return docs.split(START, 1)[1].split(END, 1)[0]


def main() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    DOCS.write_text(docs.replace(START + block(docs) + END, START + table() + END), encoding="utf-8")


if __name__ == "__main__":
    main()
