"""Rule libraries of any size for the speed benchmark's rules axis (issue 14).

    python benchmarks/rulesets.py COUNT DEST

A newsroom keeps hundreds of rules, most about other stories than the one an
article tells. This writes COUNT rules to DEST: the shipped rules first, then
the rules of examples/, then replicas of all of them whose cue, trigger and
state words are made distinct by a leading word news writes before a verb
(已上涨, 将上市, 均下跌), so each replica is its own rule that sometimes fires on
real text, not a copy a scanner could fold away. Entities of every source
folder are merged into one file (the first definition of an id wins).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "rules", *sorted(p for p in (REPO / "examples").iterdir() if p.is_dir())]
LEADS = "已将均再又仍也曾则还或并终皆共约"  # replica k > 0 puts LEADS[k - 1] before each word
WORD_KEYS = ("cue", "trigger")


def base_rules() -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    """(stem, document) of every rule file in SOURCES, in order; and the merged entities."""
    rules: list[tuple[str, dict[str, Any]]] = []
    entities: dict[str, dict[str, Any]] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.yaml")):
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            if document.get("kind") == "entities":
                for entity in document.get("entities") or []:
                    entities.setdefault(entity["id"], entity)
            else:
                rules.append((path.stem, document))
    return rules, list(entities.values())


def _lead(value: Any, lead: str) -> Any:
    if isinstance(value, list):
        return [lead + str(word) for word in value]
    return f"{lead}(?:{value})"


def replica(document: dict[str, Any], k: int) -> dict[str, Any]:
    """Replica k of a rule (k = 0: the rule itself); its examples are dropped, they no longer hold."""
    if k == 0:
        return document
    lead = LEADS[(k - 1) % len(LEADS)] * (1 + (k - 1) // len(LEADS))
    copy = {key: value for key, value in document.items() if key != "examples"}
    for key in WORD_KEYS:
        if key in copy:
            copy[key] = _lead(copy[key], lead)
    if isinstance(copy.get("states"), dict):
        copy["states"] = {state: _lead(words, lead) for state, words in copy["states"].items()}
    return copy


def _dump(document: dict[str, Any]) -> str:
    """YAML as JSON (a subset of YAML 1.2): every string stays quoted, so 09888 stays a string."""
    return json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n"


def write_rules(count: int, dest: Path) -> Path:
    """Write `count` rules (and entities.yaml) into `dest`, and return it."""
    rules, entities = base_rules()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "entities.yaml").write_text(_dump(
        {"kind": "entities", "description": "every entity of the shipped and example rules", "entities": entities}),
        encoding="utf-8")
    for index in range(count):
        stem, document = rules[index % len(rules)]
        k = index // len(rules)
        name = f"{index:03d}-{stem}" + (f"-r{k}" if k else "")
        (dest / f"{name}.yaml").write_text(_dump(replica(document, k)), encoding="utf-8")
    return dest


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: rulesets.py COUNT DEST", file=sys.stderr)
        return 2
    write_rules(int(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
