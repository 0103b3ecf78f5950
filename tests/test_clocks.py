"""An outlet's clock: the zone its time stamps are written in and the zone its text counts days in
(outlets file `clocks:`, docs/outlets.md; cases: tests/fixtures/clocks.yaml)."""

from pathlib import Path

import pytest
import yaml

from factcheck.load import parse_article
from factcheck.outlets import OutletConfigError, load_outlet_config

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "clocks.yaml").read_text(encoding="utf-8"))


def _config(tmp_path: Path, data: object):
    path = tmp_path / "outlets.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_outlet_config(str(path))


@pytest.mark.parametrize("case", CASES["published"], ids=[c["name"] for c in CASES["published"]])
def test_the_publish_time_is_on_the_outlets_clock(case: dict, tmp_path: Path) -> None:
    article = parse_article(case["text"], "a.md", outlets=_config(tmp_path, {"clocks": case["outlets"]}))
    assert article.published is not None and article.published.isoformat() == case["published"]


@pytest.mark.parametrize("case", CASES["errors"], ids=[c["error"] for c in CASES["errors"]])
def test_a_malformed_clock_is_an_error_naming_the_file(case: dict, tmp_path: Path) -> None:
    with pytest.raises(OutletConfigError) as raised:
        _config(tmp_path, {"clocks": case["clocks"]})
    assert str(raised.value.diagnostic).endswith(f"error: {case['error']}")
    assert str(raised.value.diagnostic).startswith(str(tmp_path / "outlets.yaml"))
