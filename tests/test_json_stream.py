"""`--format json` streamed row by row (serialize.Rows) is byte for byte the plain encoder's text."""

from __future__ import annotations

import json

from conftest import ROOT

from factcheck import __version__
from factcheck.pipeline import check
from factcheck.report.json_report import chunks
from factcheck.report.serialize import Rows, to_dict
from factcheck.rules import load_rules


def test_streamed_json_is_the_encoders_text() -> None:
    result = check([str(ROOT / "seeds")], load_rules([str(ROOT / "rules")]))
    streamed = to_dict(result, __version__, streamed=True)
    assert isinstance(streamed["findings"], Rows) and isinstance(streamed["diagnostics"], Rows)
    assert any(isinstance(f["claims"], Rows) and len(f["claims"]) > 1 for f in streamed["findings"])
    plain = json.dumps(to_dict(result, __version__), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "".join(chunks(streamed)) == plain


def test_empty_rows_and_nested_rows_are_written_as_the_encoder_writes_lists() -> None:
    data = {"b": Rows((), lambda n: {}), "a": {"inner": Rows([1, 2], lambda n: {"n": n, "s": [n, "x\ny"]})}, "c": [1, {}]}
    plain = {"b": [], "a": {"inner": [{"n": 1, "s": [1, "x\ny"]}, {"n": 2, "s": [2, "x\ny"]}]}, "c": [1, {}]}
    assert "".join(chunks(data)) == json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_the_articles_naming_no_outlet_are_streamed_as_rows(tmp_path) -> None:
    # one row per such article: 21k of them at 100k articles, once built as one list and one string
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\ncategories: [qq]\n---\n苹果选择了阿里巴巴。\n", encoding="utf-8")
    result = check([str(tmp_path)], load_rules([str(ROOT / "rules")]))
    streamed = to_dict(result, __version__, streamed=True)
    assert isinstance(streamed["summary"]["articles_without_outlet_list"], Rows)
    plain = to_dict(result, __version__)
    assert [row["shown_as"] for row in plain["summary"]["articles_without_outlet_list"]] == ["qq", "qq"]
    assert "".join(chunks(streamed)) == json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_rows_encoded_in_batches_are_the_encoders_text() -> None:
    # plain rows are encoded BATCH at a time; a row holding rows of its own (a finding) breaks a batch
    from factcheck.report.json_report import BATCH

    def leaf(n: int) -> dict:
        return {"n": n, "s": "x\ny", "l": [n, {"k": []}]}

    def row(n: int) -> dict:
        return leaf(n) if n % 97 else {"n": n, "inner": Rows([n, n + 1], leaf)}

    count = 2 * BATCH + 150
    data = {"outer": {"rows": Rows(range(count), row), "long": list(range(BATCH + 3)), "empty": []},
            "top": Rows(range(3), leaf)}
    assert "".join(chunks(data)).count('"inner"') == len(range(0, count, 97))

    def plain(n: int) -> dict:
        return leaf(n) if n % 97 else {"n": n, "inner": [leaf(n), leaf(n + 1)]}

    expected = {"outer": {"rows": [plain(n) for n in range(count)], "long": list(range(BATCH + 3)), "empty": []},
                "top": [leaf(n) for n in range(3)]}
    assert "".join(chunks(data)) == json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
