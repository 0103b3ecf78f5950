"""A shortened title (董事长 against 董事长兼总裁) agrees with the whole one (tests/fixtures/shortened_titles.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.kinds.status import _part_of, shortened_titles
from tests.conftest import run_json

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "shortened_titles.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['entity']} {'/'.join(c['states'])}" for c in CASES])
def test_a_shortened_title_agrees_with_the_whole(tmp_path: Path, case: dict[str, Any]) -> None:
    rule = {"kind": "status", "description": "a person's post", "subjects": ["them"], "day": False,
            "states": case["states"], "entities": [{"id": "them", "name": case["entity"]}]}
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "post.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    for name, day in (("a", "2025-02-11 10:00:00"), ("b", "2025-02-12 10:00:00")):
        (tmp_path / f"{name}.md").write_text(f'---\ndate: "{day}"\n---\n{case[name]["text"]}\n', encoding="utf-8")
    _, report = run_json("--no-cache", "--min-level", "info", "--fail-on", "never", "--rules",
                         str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert [[f["kind"], f["level"]] for f in report["findings"]] == [case["finding"]]
    if "message" in case:  # what the agreement says of the two titles (kinds/status.py `joined_agreeing`)
        assert report["findings"][0]["message"] == case["message"]


@pytest.mark.parametrize(("short", "long", "part"), [
    ("董事长", "董事长兼总裁", True),
    ("总裁", "董事长兼总裁", True),
    ("董事长董明珠", "董事长兼总裁董明珠", True),            # a state word holding the name
    ("董事长", "董事长兼 CEO", True),                        # 董事长兼 CEO 雷军 (bulk/20250208A05ZOK and others)
    ("chairman", "chairman and ceo", True),
    ("ceo", "chairman & ceo", True),
    ("副董事长", "董事长兼总裁", False),                     # another post
    ("裁", "董事长兼总裁", False),                           # no whole post
    ("主席古尔斯比", "总裁古尔斯比", False),                 # two words for one post: the rule's to say
    ("董事长", "董事长", False),
])
def test_part_of_a_joined_title(short: str, long: str, part: bool) -> None:
    assert _part_of(short, long) is part


def test_states_written_as_a_regex_are_not_compared() -> None:
    assert shortened_titles({"chairman": "董事长", "both": ["董事长兼总裁"]}) == ()
    assert shortened_titles({"chairman": ["董事長"], "both": ["董事长兼总裁"]}) == (frozenset({"chairman", "both"}),)
