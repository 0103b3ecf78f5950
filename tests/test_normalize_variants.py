"""Script folding (normalize.variants) and the word tables of factcheck/data/zh.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.normalize import variants
from factcheck.normalize.words import ZH

CJK = st.text(st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF) | st.sampled_from("ＡＢ０９ abc12%．"),
              max_size=40)


@given(CJK)
def test_fold_keeps_every_offset(text: str) -> None:
    """Matchers report offsets in the folded text as offsets in the original."""
    folded = variants.fold(text)
    assert len(folded) == len(text)
    assert variants.fold(folded) == folded  # folding twice changes nothing


def test_fold_reads_both_scripts_as_one() -> None:
    assert variants.fold("阿里巴巴集團純利") == "阿里巴巴集团纯利"
    assert variants.fold("衞生署") == "卫生署"  # a Hong Kong variant the hand-made table lacked
    assert variants.fold("ＡＡＰＬ　０９９８８") == "AAPL　09988"


def test_fold_covers_the_hand_made_table() -> None:
    """Every pair the hand-made table folded, OpenCC's character table folds the same way."""
    assert variants.fold(ZH.names_traditional) == ZH.names_simplified
    assert variants.to_simplified is variants.fold


def _words() -> list[tuple[str, str]]:
    tables: dict[str, object] = {
        "range_words": ZH.range_words, "approx_before": ZH.approx_before, "approx_after": ZH.approx_after,
        "place_bounded": ZH.place_bounded, "lower_bound_words": ZH.lower_bound_words,
        "upper_bound_words": ZH.upper_bound_words, "up_words": ZH.up_words, "down_words": ZH.down_words,
        "change_bases": ZH.change_bases, "currencies": ZH.currencies, "currency_before": ZH.currency_before,
        "sub_units": ZH.sub_units, "per_units": ZH.per_units, "not_after_cheng": ZH.not_after_cheng,
        "not_after_zhe": ZH.not_after_zhe,
    }
    return [(name, word) for name, table in tables.items() for word in table]  # type: ignore[attr-defined]


def test_zh_words_are_written_once_in_simplified() -> None:
    """Readers fold the text first, so a Traditional spelling in zh.yaml could never match,
    and a word listed twice in one table would be one place too many to edit."""
    words = _words()
    assert [w for _, w in words if variants.fold(w) != w] == []
    assert len(set(words)) == len(words)
    assert set(ZH.up_words).isdisjoint(ZH.down_words)


def test_the_folding_example_of_the_docs_runs() -> None:
    import doctest
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs" / "normalize.md"
    result = doctest.testfile(str(docs), module_relative=False)
    assert result.attempted >= 1 and result.failed == 0


_FOLDING = yaml.safe_load((Path(__file__).resolve().parent / "fixtures" / "normalize" / "folding.yaml")
                          .read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", _FOLDING, ids=[f"{c['word']}-{i}" for i, c in enumerate(_FOLDING)])
def test_a_rule_word_finds_its_word_in_either_script(case: dict[str, object]) -> None:
    """One script is enough (docs/rules.md): 隨著 is 随着, while 显著 stays findable."""
    assert (variants.fold(str(case["word"])) in variants.fold(str(case["text"]))) is case["found"], case["source"]


@pytest.mark.parametrize("char", ["薴", "\uFA5F"])
def test_fold_reaches_the_end_of_a_two_step_fold(char: str) -> None:
    """OpenCC's hk2s folds 薴 to 苧, which it folds again to 苎: one fold must go all the way,
    or folding twice changes the text (hypothesis found it in test_fold_keeps_every_offset)."""
    assert variants.fold(variants.fold(char)) == variants.fold(char)
