"""factcheck's normalizers against peers, on test cases from other projects' suites.

    python benchmarks/normalize_peers.py [--show] [--split tune|held|all]

The cases (benchmarks/peer_cases.yaml) were copied from the public test suites
of cn2an, chinese2digits, Microsoft Recognizers-Text and JioNLP, each with its
repository, path and commit; none was written here, and none was changed to
fit factcheck. A reading is right when it equals the suite's expectation or the
other defensible reading the case names (`also`, with the convention in `why`);
it is WRONG when a value comes back that is neither (worse than nothing: a
false conflict waiting to happen); it is missing when nothing comes back.

Peers, per category: cn2an (numerals, percentages through its transform),
JioNLP (money, dates, ranges through parse_money, spans through its
extractors). JioNLP is not a dependency: without it its column reads "n/a".
A peer is not scored on its own suite (JioNLP on jio-*, cn2an on cn2an): that
row says so, and the suite's cases are counted apart.

Every case is in the `tune` or the `held` split by a stable hash of its input
(one in four held back). Improve the normalizers looking at `tune` failures
only (--show lists them); `held` is reported apart, as the honest figure.
Speed: each side reads every case of its categories 5 times; the time per
case is printed. Exits 1 when factcheck returns a wrong value on any case.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "benchmarks" / "peer_cases.yaml"
sys.path.insert(0, str(ROOT))

from normalize_vs_jionlp import quiet  # noqa: E402 (one way to call a peer quietly; beside this script)

from factcheck.normalize.dates import find_dates, parse_date  # noqa: E402 (after the path is set)
from factcheck.normalize.numbers import parse_interval, parse_number  # noqa: E402
from factcheck.normalize.quantities import find_quantities, parse_quantity  # noqa: E402

CATEGORIES = ("numerals", "ranges", "percentages", "money", "dates", "extraction")
OWN_SUITE = {"cn2an": "cn2an", "jio-money": "jionlp", "jio-time": "jionlp"}
JIONLP_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "新台币": "TWD", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "卢布": "RUB",
    "泰铢": "THB", "新加坡元": "SGD", "瑞士法郎": "CHF", "卢比": "INR", "澳门元": "MOP",
}


def split_of(text: str) -> str:
    return "held" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 4 == 0 else "tune"


def plain(number: Decimal | None) -> str:
    if number is None:
        return "?"
    text = format(number.normalize(), "f")
    return text


def _mark(approx: str) -> str:
    return {"near": "<", "under": "<", "over": ">", "about": "~"}.get(approx, "")


# ------------------------------------------------------------ factcheck side


def _is_range(q) -> bool:
    if q.approx != "about" or q.low is None or q.high is None:
        return False
    spread = abs(q.value) * Decimal("0.1")
    return not (abs(q.high - q.value - spread) < Decimal("1e-9") * (abs(q.value) + 1))


def _interval_text(value, low, high, approx, is_range: bool) -> str:
    if is_range or (approx == "over" and low is not None and high is not None):
        return f"{plain(low)}..{plain(high)}"
    return f"{_mark(approx)}{plain(value)}"


def ours_numeral(text: str, anchor) -> str | None:
    got = parse_number(text)
    return None if got is None else plain(got.value)


def ours_range(text: str, anchor) -> str | None:
    got = parse_interval(text)
    if got is None:
        q = parse_quantity(text)
        if q is None or q.unit:
            return None
        return _interval_text(q.value, q.low, q.high, q.approx, _is_range(q))
    return _interval_text(got.value, got.low, got.high, got.approx, got.is_range)


def _quantity_text(q) -> str:
    body = _interval_text(q.value, q.low, q.high, q.approx, _is_range(q))
    if q.unit == "%":
        return body + "%"
    if q.unit == "pp":
        return body + "pp"
    mark = body[0] if body[:1] in "<>~" else ""
    return f"{mark}{q.unit} {body.lstrip('<>~')}"


def ours_percentage(text: str, anchor) -> str | None:
    q = parse_quantity(text)
    if q is None or q.unit not in ("%", "pp"):
        return None  # a plain number (五百分之2.2 = 0.0044) or an amount is no percentage reading
    return _quantity_text(q)


def ours_money(text: str, anchor) -> str | None:
    q = parse_quantity(text)
    return None if q is None else _quantity_text(q)


def _date_text(value) -> str:
    if value.start == value.end:
        return value.start.isoformat()
    return f"{value.start.isoformat()}..{value.end.isoformat()}"


def ours_date(text: str, anchor) -> str | None:
    value = parse_date(text, anchor)
    return None if value is None else _date_text(value)


def ours_spans(text: str, anchor) -> list[str]:
    spans = [(s.start, f"{text[s.start:s.end]}={_quantity_text(s.quantity)}") for s in find_quantities(text)]
    spans += [(d.start, f"{text[d.start:d.end]}={_date_text(d.value)}") for d in find_dates(text, anchor)]
    return [label for _, label in sorted(spans)]


OURS = {"numerals": ours_numeral, "ranges": ours_range, "percentages": ours_percentage,
        "money": ours_money, "dates": ours_date, "extraction": ours_spans}


# ----------------------------------------------------------------- peer side


def load_peers() -> dict[str, object]:
    peers: dict[str, object] = {}
    with contextlib.suppress(ImportError):
        import cn2an

        peers["cn2an"] = cn2an
    with contextlib.suppress(ImportError), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        import jionlp

        peers["jionlp"] = jionlp
    return peers


def _dec(x) -> Decimal | None:
    try:
        return Decimal(str(x))
    except (InvalidOperation, ValueError):
        return None


def cn2an_numeral(peers, text, anchor):
    value = quiet(peers["cn2an"].cn2an, text, "normal")
    return None if value is None else plain(_dec(value))


def cn2an_percentage(peers, text, anchor):
    out = quiet(peers["cn2an"].transform, text, "cn2an")
    if not out or not out.endswith("%"):
        return None
    number = _dec(out[:-1])
    return None if number is None else plain(number) + "%"


def _jio_money_text(result) -> str | None:
    if not result or "num" not in result:
        return None
    currency = JIONLP_CURRENCIES.get(result.get("case", ""), result.get("case", ""))
    num = result["num"]
    if isinstance(num, list):
        return f"{currency} {plain(_dec(num[0]))}..{plain(_dec(num[1]))}"
    mark = {"blur": "~", "blur-": "<", "blur+": ">"}.get(result.get("definition", ""), "")
    return f"{mark}{currency} {plain(_dec(num))}"


def jio_money(peers, text, anchor):
    return _jio_money_text(quiet(peers["jionlp"].parse_money, text))


def jio_range(peers, text, anchor):
    got = _jio_money_text(quiet(peers["jionlp"].parse_money, text))
    return None if got is None else got.replace("CNY ", "")


def _jio_days(result) -> str | None:
    if not result or "time" not in result or not isinstance(result["time"], list):
        return None
    try:
        first = dt.date.fromisoformat(str(result["time"][0])[:10])
        last = dt.date.fromisoformat(str(result["time"][-1])[:10])
    except (ValueError, TypeError, IndexError):
        return None
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"


def jio_date(peers, text, anchor):
    base = {"year": anchor.year, "month": anchor.month, "day": anchor.day}
    return _jio_days(quiet(peers["jionlp"].parse_time, text, time_base=base))


def jio_spans(peers, text, anchor):
    jio = peers["jionlp"]
    base = {"year": anchor.year, "month": anchor.month, "day": anchor.day} if anchor else None
    found = []
    for item in quiet(jio.ner.extract_time, text, time_base=base) or [] if base else []:
        days = _jio_days(item.get("detail"))
        if days:
            found.append((item["offset"][0], f"{item['text']}={days}"))
    for item in quiet(jio.ner.extract_money, text) or []:
        money = _jio_money_text(item.get("detail"))
        if money:
            found.append((item["offset"][0], f"{item['text']}={money}"))
    return [label for _, label in sorted(found)]


PEERS = {"numerals": ("cn2an", cn2an_numeral), "percentages": ("cn2an", cn2an_percentage),
         "ranges": ("jionlp", jio_range), "money": ("jionlp", jio_money), "dates": ("jionlp", jio_date),
         "extraction": ("jionlp", jio_spans)}


# ------------------------------------------------------------------- scoring


def verdict(case: dict, got) -> str:
    """ok, missing or wrong."""
    accepted = [case["want"], *case.get("also", [])]
    if case["cat"] == "extraction":
        if got in accepted:
            return "ok"
        return "missing" if any(set(got) < set(spans) for spans in accepted) else "wrong"
    if got in accepted:
        return "ok"
    return "missing" if got is None else "wrong"


def _anchor(case: dict) -> dt.date | None:
    value = case.get("anchor")
    if value is None:
        return dt.date(2025, 2, 13)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list factcheck's misses and wrong values (tune split)")
    parser.add_argument("--split", choices=("tune", "held", "all"), default="all")
    args = parser.parse_args(argv)
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    cases = [c for c in data["cases"] if args.split == "all" or split_of(str(c["in"])) == args.split]
    peers = load_peers()
    print(f"peers: {', '.join(sorted(peers)) or 'none installed'}")
    wrong_total = 0
    rows = []
    timings: dict[str, list[float]] = {"factcheck": [0.0, 0], "peer": [0.0, 0]}
    for category in CATEGORIES:
        subset = [c for c in cases if c["cat"] == category]
        peer_name, peer_read = PEERS[category]
        stats = {"tune": [0, 0, 0, 0], "held": [0, 0, 0, 0]}  # cases, ok, wrong, peer ok (not own suite)
        peer_cases = peer_ok = 0
        for case in subset:
            text, anchor = str(case["in"]), _anchor(case)
            got = OURS[category](text, anchor)
            result = verdict(case, got)
            split = split_of(text)
            row = stats[split]
            row[0] += 1
            row[1] += result == "ok"
            row[2] += result == "wrong"
            if result == "wrong":
                wrong_total += 1
            if args.show and result != "ok" and split == "tune":
                print(f"  [{category}] {result:7} {text!r}: got {got!r}, want {case['want']!r}")
            if peer_name in peers and OWN_SUITE.get(case["src"]) != peer_name:
                peer_cases += 1
                peer_ok += verdict(case, peer_read(peers, text, anchor)) == "ok"
        rows.append((category, stats, peer_name, peer_cases, peer_ok, peer_name in peers))
        # speed: every case of the category, five times, each side
        for side, reader in (("factcheck", lambda c, cat=category: OURS[cat](str(c["in"]), _anchor(c))),
                             ("peer", lambda c, read=peer_read: read(peers, str(c["in"]), _anchor(c)))):
            if side == "peer" and peer_name not in peers:
                continue
            begin = time.perf_counter()
            for _ in range(5):
                for case in subset:
                    reader(case)
            timings[side][0] += time.perf_counter() - begin
            timings[side][1] += 5 * len(subset)
    print(f"\n{'category':12} {'tune ok':>9} {'held ok':>9} {'wrong':>6}   {'peer':7} {'peer ok (not own suite)':>24}")
    for category, stats, peer_name, peer_cases, peer_ok, present in rows:
        tune, held = stats["tune"], stats["held"]
        ours_on_peer = "n/a" if not present else f"{peer_ok}/{peer_cases}"
        print(f"{category:12} {tune[1]:4d}/{tune[0]:<4d} {held[1]:4d}/{held[0]:<4d} {tune[2] + held[2]:6d}   "
              f"{peer_name:7} {ours_on_peer:>24}")
    print("\nfactcheck on the same cases the peer is scored on (its own suite left out):")
    for category, _stats, peer_name, peer_cases, peer_ok, present in rows:
        if not present:
            continue
        subset = [c for c in cases if c["cat"] == category and OWN_SUITE.get(c["src"]) != peer_name]
        ok = sum(verdict(c, OURS[category](str(c["in"]), _anchor(c))) == "ok" for c in subset)
        print(f"  {category:12} factcheck {ok}/{len(subset)}  {peer_name} {peer_ok}/{peer_cases}")
    for side, (seconds, count) in timings.items():
        if count:
            print(f"speed {side:9}: {1e6 * seconds / count:8.1f} µs per case ({count} readings)")
    print(f"\nwrong values from factcheck: {wrong_total}  {'PASS' if wrong_total == 0 else 'FAIL'}")
    return 0 if wrong_total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
