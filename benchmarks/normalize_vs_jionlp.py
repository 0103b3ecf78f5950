"""factcheck's normalizers against JioNLP on the cases of the normalizer tables.

    python benchmarks/normalize_vs_jionlp.py [--show]

JioNLP (https://github.com/dongrixinyu/JioNLP) is not a dependency of
factcheck; install it into the same environment to run this (`pip install
jionlp`). Without it the script says so and exits 0.

Both systems read the same inputs from tests/fixtures/normalize/*.yaml, and
both are scored against the tables' expected values (read off the text by
hand), through one projection each system can express:

- numbers (numbers.yaml, parse_number cases, and parse_interval cases):
  factcheck's parse_number / parse_interval; JioNLP has no number parser of
  its own, so its money parser (which reads a bare number as an amount of 元)
  stands in. A number is right when its value is; a case whose table says
  "no number" is right when nothing (or an error) comes back. An interval is
  right when its bounds are ([low, high] for a range or a 多/余/几 amount) or,
  for a qualified number (近, 约, 超过, 不到 …), when the number and the
  direction are (JioNLP's blur- for near/under, blur+ for over, blur for about).
- money (quantities.yaml, parse_quantity cases with a currency):
  factcheck's parse_quantity; jionlp.parse_money. Right when the currency,
  the number(s) and the direction are. Cases in Latin script only
  (US$1.5 billion) are counted apart.
- time (dates.yaml, parse_date cases): factcheck's parse_date; jionlp.parse_time
  with the same anchor as time_base. Right when the first and last day are
  (times of day are not compared); a case whose table says "no date" is
  right when nothing comes back.

Percentages, percentage points and entity names have no JioNLP counterpart
and are left out.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "fixtures" / "normalize"
sys.path.insert(0, str(ROOT))

from factcheck.normalize.dates import parse_date  # noqa: E402
from factcheck.normalize.numbers import parse_interval, parse_number  # noqa: E402
from factcheck.normalize.quantities import parse_quantity  # noqa: E402

JIONLP_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "新台币": "TWD", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "卢布": "RUB",
    "泰铢": "THB", "新加坡元": "SGD", "瑞士法郎": "CHF", "卢比": "INR", "澳门元": "MOP",
}
DIRECTIONS = {"": "accurate", "about": "blur", "near": "blur-", "under": "blur-", "over": "blur+"}
_LATIN_ONLY = re.compile(r"^[\x00-\x7f]+$")


def load_jionlp():
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp
    except ImportError:
        return None
    return jionlp


def quiet(function, *args, **kwargs):
    """Call a JioNLP function, its prints and errors swallowed (an error is no answer)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return function(*args, **kwargs)
    except Exception:
        return None


def dec(text) -> Decimal | None:
    try:
        return None if text is None else Decimal(str(text))
    except InvalidOperation:
        return None


def same(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= abs(b) * Decimal("1e-9") + Decimal("1e-12")


# -------------------------------------------------------------------- truths


def interval_truth(case: dict):
    """What an interval case says, as (kind, numbers, direction)."""
    low, high = (dec(x) for x in case["range"])
    approx = case["approx"]
    if approx == "about" and low is not None and high is not None:
        centre = (low + high) / 2
        if same(low, centre * Decimal("0.9")) and same(high, centre * Decimal("1.1")):
            return "one", (centre,), "blur"  # 约4.287亿
        return "two", (low, high), "blur"  # a range
    if approx == "over" and high is not None:
        return "two", (low, high), "blur"  # 600多亿: [60亿, 70亿]
    if approx == "over":
        return "one", (low,), "blur+"
    if approx in ("near", "under"):
        return "one", (high,), "blur-"
    return "one", ((low + high) / 2,), "accurate"


def money_truth(case: dict):
    low, high, value = dec(case["low"]), dec(case["high"]), dec(case["value"])
    approx = case["approx"]
    if approx == "about" and low is not None and high is not None and not (
            same(low, value * Decimal("0.9")) and same(high, value * Decimal("1.1"))):
        return "two", (low, high), "blur"
    if approx == "over" and high is not None:
        return "two", (low, high), "blur"
    return "one", (value,), DIRECTIONS[approx]


def jionlp_answer(result) -> tuple[str, tuple[Decimal | None, ...], str, str] | None:
    """JioNLP's money answer as (kind, numbers, direction, currency)."""
    if not result or "num" not in result:
        return None
    num = result["num"]
    currency = JIONLP_CURRENCIES.get(result.get("case", ""), result.get("case", ""))
    definition = result.get("definition", "")
    if isinstance(num, list):
        return "two", tuple(dec(n) for n in num), definition, currency
    return "one", (dec(num),), definition, currency


def matches(truth, kind: str, numbers, direction: str) -> bool:
    t_kind, t_numbers, t_direction = truth
    if kind != t_kind or len(numbers) != len(t_numbers):
        return False
    if not all(same(n, t) for n, t in zip(numbers, t_numbers)):
        return False
    return kind == "two" or direction == t_direction


# --------------------------------------------------------------------- tables


def numbers(jio, show: bool) -> list[tuple[str, int, int, int]]:
    cases = yaml.safe_load((TABLES / "numbers.yaml").read_text(encoding="utf-8"))
    single = [c for c in cases if "range" not in c]
    ranged = [c for c in cases if "range" in c]
    rows = []
    ours = theirs = 0
    for case in single:
        want = None if case.get("none") else dec(case["value"])
        got = parse_number(case["input"])
        mine = (got is None) if want is None else (got is not None and same(got.value, want))
        answer = jionlp_answer(quiet(jio.parse_money, case["input"]))
        if want is None:
            other = answer is None or answer[0] != "one" or answer[1][0] is None
        else:
            other = answer is not None and answer[0] == "one" and same(answer[1][0], want)
        ours, theirs = ours + mine, theirs + other
        _show(show, "numbers", case, mine, other, got and got.value, answer)
    rows.append(("numbers (parse_number)", len(single), ours, theirs))
    ours = theirs = 0
    for case in ranged:
        truth = interval_truth(case)
        got = parse_interval(case["input"])
        mine = got is not None and _interval_matches(truth, got)
        answer = jionlp_answer(quiet(jio.parse_money, case["input"]))
        other = answer is not None and matches(truth, answer[0], answer[1], answer[2])
        ours, theirs = ours + mine, theirs + other
        _show(show, "intervals", case, mine, other, got and (got.low, got.high, got.approx), answer)
    rows.append(("numbers (parse_interval)", len(ranged), ours, theirs))
    return rows


def _interval_matches(truth, got) -> bool:
    kind, numbers_, direction = truth
    if kind == "two":
        return same(got.low, numbers_[0]) and same(got.high, numbers_[1])
    value = got.value
    return (same(value, numbers_[0]) and DIRECTIONS.get(got.approx) == direction) or (
        direction == "blur-" and got.approx in ("near", "under") and same(value, numbers_[0]))


def money(jio, show: bool) -> list[tuple[str, int, int, int]]:
    cases = [c for c in yaml.safe_load((TABLES / "quantities.yaml").read_text(encoding="utf-8"))
             if "value" in c and "unit" in c and c["unit"] not in ("%", "pp", "")]
    rows = []
    for label, subset in (("money (Chinese)", [c for c in cases if not _LATIN_ONLY.match(c["input"])]),
                          ("money (Latin script only)", [c for c in cases if _LATIN_ONLY.match(c["input"])])):
        ours = theirs = 0
        for case in subset:
            truth = money_truth(case)
            got = parse_quantity(case["input"])
            mine = got is not None and got.unit == case["unit"] and _money_matches(truth, got)
            answer = jionlp_answer(quiet(jio.parse_money, case["input"]))
            other = (answer is not None and answer[3] == case["unit"]
                     and matches(truth, answer[0], answer[1], answer[2]))
            ours, theirs = ours + mine, theirs + other
            _show(show, "money", case, mine, other, got and (got.value, got.low, got.high, got.unit), answer)
        rows.append((label, len(subset), ours, theirs))
    return rows


def _money_matches(truth, got) -> bool:
    kind, numbers_, direction = truth
    if kind == "two":
        return same(got.low, numbers_[0]) and same(got.high, numbers_[1])
    return same(got.value, numbers_[0]) and DIRECTIONS[got.approx] == direction


def time(jio, show: bool) -> list[tuple[str, int, int, int]]:
    cases = [c for c in yaml.safe_load((TABLES / "dates.yaml").read_text(encoding="utf-8")) if "find" not in c]
    ours = theirs = ours_near = theirs_near = 0
    for case in cases:
        anchor = _day(case["anchor"])
        want = None if case.get("none") else (_day(case["start"]), _day(case["end"]))
        got = parse_date(case["input"], anchor)
        mine = (got is None) if want is None else (got is not None and (got.start, got.end) == want)
        result = quiet(jio.parse_time, case["input"],
                       time_base={"year": anchor.year, "month": anchor.month, "day": anchor.day})
        span = _jionlp_days(result)
        other = (span is None) if want is None else span == want
        ours, theirs = ours + mine, theirs + other
        if want is not None:  # the same days, or at least some of them (another convention for 年底 …)
            ours_near += got is not None and got.start <= want[1] and want[0] <= got.end
            theirs_near += span is not None and span[0] <= want[1] and want[0] <= span[1]
        else:
            ours_near, theirs_near = ours_near + mine, theirs_near + other
        _show(show, "time", case, mine, other, got and (got.start, got.end), span)
    return [("time (parse_date / parse_time)", len(cases), ours, theirs),
            ("time, overlapping the days", len(cases), ours_near, theirs_near)]


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _jionlp_days(result) -> tuple[dt.date, dt.date] | None:
    if not result or "time" not in result:
        return None
    try:
        first, last = result["time"][0], result["time"][-1]
        return dt.date.fromisoformat(str(first)[:10]), dt.date.fromisoformat(str(last)[:10])
    except (ValueError, TypeError, IndexError):
        return None


def _show(show: bool, table: str, case: dict, mine: bool, other: bool, ours, theirs) -> None:
    if show and mine != other:
        print(f"  [{table}] {case['input']!r}: factcheck {'ok' if mine else 'WRONG'} {ours!r}; "
              f"jionlp {'ok' if other else 'WRONG'} {theirs!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the cases where the two disagree")
    args = parser.parse_args(argv)
    jio = load_jionlp()
    if jio is None:
        print("jionlp is not installed in this environment (pip install jionlp): nothing to compare; skipped.")
        return 0
    version = getattr(jio, "__version__", "?")
    rows = [*numbers(jio, args.show), *money(jio, args.show), *time(jio, args.show)]
    print(f"\nfactcheck vs JioNLP {version}: cases each gets right (tests/fixtures/normalize)")
    print(f"{'table':34} {'cases':>6} {'factcheck':>10} {'jionlp':>8}")
    for label, total, ours, theirs in rows:
        print(f"{label:34} {total:6d} {ours:10d} {theirs:8d}")
    exact = [r for r in rows if not r[0].startswith("time, ")]
    print(f"{'all (exact)':34} {sum(r[1] for r in exact):6d} {sum(r[2] for r in exact):10d} "
          f"{sum(r[3] for r in exact):8d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
