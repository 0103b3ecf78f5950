"""Every normalizable span of a text, for `factcheck normalize` (rule writers'
debugging): the same functions extraction uses, so what it shows is what
rules see."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from factcheck.normalize.dates import find_dates
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.numbers import parse_number
from factcheck.normalize.quantities import find_quantities
from factcheck.normalize.words import ZH
from factcheck.records import Entity
from factcheck.values import DateValue


def one_reading_per_figure(spans: list[dict[str, Any]], counts: list[dict[str, Any]],
                           plain: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each figure once. `counts` are the readings of the loaded rules' count units (and durations):
    a figure an amount already reads (400美分: 4 USD) keeps that line and gains the count's reading
    beside it (`count`: 400 美分, what a count rule in 美分 reads), since which one a check uses
    depends on the rule's kind. `plain` are the counts and bare numbers discover reads (两个, 300M):
    shown only where nothing else reads the figure."""
    result = [dict(span) for span in spans]

    def over(span: dict[str, Any], kinds: tuple[str, ...]) -> list[dict[str, Any]]:
        return [s for s in result if s["kind"] in kinds and s["start"] < span["end"] and span["start"] < s["end"]]

    for count in counts:
        amounts = over(count, ("quantity",)) if count["kind"] == "count" else []
        if amounts:
            amounts[0]["count"] = count["value"]
        else:
            result.append(count)
    for span in plain:
        if not over(span, ("quantity", "date", "count", "duration")):
            result.append(span)
    return sorted(result, key=lambda s: (s["start"], s["end"], s["kind"]))


def normalize_text(text: str, anchor: date | None, kind: str = "all",
                   entities: tuple[Entity, ...] = (), lang: str = "") -> list[dict[str, Any]]:
    """Spans as plain dicts (start, end, kind, text, value), in reading order; with `lang` (zh-HK, zh-TW …),
    a bare 元 in the currency an article of that locale reads it in (kinds/currency.py)."""
    spans: list[dict[str, Any]] = []
    if kind == "number":
        parsed = parse_number(text)
        if parsed is not None:
            spans.append({"start": 0, "end": len(text), "kind": "number", "text": text,
                          "value": {"type": "number", "display": format(parsed.value.normalize(), "f"),
                                    "raw": text, "step": format(parsed.step.normalize(), "f")}})
        return spans
    if kind in ("all", "quantity"):
        from factcheck.kinds.currency import CurrencyDefault, bare_yuan, locale_currency, reread  # kinds read normalize

        amounts = find_quantities(text)
        bare = {span.start for span in amounts if bare_yuan(text, span)}
        if lang:
            unit = locale_currency(lang)
            default = CurrencyDefault(unit, f"元 in a {lang} article", "locale") if unit else None
            amounts = reread(amounts, text, default)[0]
        for span in amounts:
            shown: dict[str, Any] = {"start": span.start, "end": span.end, "kind": "quantity",
                     "text": text[span.start:span.end], "value": span.quantity.to_dict()}
            if span.start in bare:
                shown["convention"] = (f"a bare 元 in a {lang} article: {span.quantity.unit}"
                                       + (", a guess (an outlet may mean renminbi by it)"
                                          if span.quantity.unit != "CNY" else "") if lang else _BARE_YUAN)
            spans.append(shown)
    if kind in ("all", "date"):
        for found in find_dates(text, anchor):
            spans.append({"start": found.start, "end": found.end, "kind": "date",
                          "text": text[found.start:found.end], "value": found.value.to_dict()})
    if kind in ("all", "entity") and entities:
        index = EntityIndex(entities)
        for mention in index.mentions(text):
            name = index.entities[mention.entity_id].name
            spans.append({"start": mention.start, "end": mention.end, "kind": "entity",
                          "text": text[mention.start:mention.end],
                          "value": {"type": "entity", "display": f"{mention.entity_id} ({name})",
                                    "raw": text[mention.start:mention.end], "id": mention.entity_id}})
    for shown in spans:
        note = "" if "convention" in shown else convention(shown["kind"], shown["text"], shown["value"])
        if note:
            shown["convention"] = note
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["kind"]))


# a bare 元 (no 人民币, 港元, 美元 … written with it, kinds/currency.py `bare_yuan`): renminbi, unless the article's
# locale or a 下同 note says otherwise
_BARE_YUAN = "a bare 元: renminbi; HKD in a zh-HK article, TWD in a zh-TW one, or what a 下同 note names (--locale zh-HK)"


# Where readings differ by convention, the one factcheck takes (docs/normalize.md lists the alternatives)
_CONVENTIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("date", re.compile(r"^(?:上一?[个個]?月|上月)$"), "上月: the calendar month before the anchor's"),
    ("date", re.compile(r"^(?:前一[日天]|前日|次日|翌日|第二天)$"),
     "前一日/次日: next to the last day the text named (前日 with none named: the day before yesterday)"),
    ("date", re.compile(r"^(?:前|头)[二两三四五六七八九十\d]+个?(?:季度|月)$"),
     "前三季度, 前两个月: the year's first quarters or months (the latest over by the anchor)"),
    ("date", re.compile(r"^(?:上|去|前|今|本|明|次|來|来)年$"),
     "上年/去年: the calendar year before the anchor's (今年/本年 the anchor's, 明年 the next)"),
    ("date", re.compile(r"^(?:近|最近|过去|过往|前|上)\S*(?:年|月|季度|天|日|周|星期|礼拜)多?$"),
     "a window ending at the anchor day, which it includes"),
    ("date", re.compile(r"^(?:未来|今后|往后|接下来|后)"), "a window from the day after the anchor"),
    ("date", re.compile(r"^(?:周|星期|礼拜|禮拜)[一二三四五六日天]"),
     "a bare weekday: the most recent one on or before the anchor (after 将/计划/提前 in its clause, the next one on or after)"),
    ("date", re.compile(r"(?:天|日)(?:以前|之前|前)$"), "N天前: that one day (a window only with 多)"),
    ("date", re.compile(r"^\d{1,2}\s?[/／]\s?\d{1,2}"),
     "month/day, not day/month; no year: the nearest to the anchor (a weekday after it picks the year)"),
    ("date", re.compile(r"季度?(?:末|底|初|中)$"), "季度末: the quarter's last month (季度初 its first)"),
    ("date", re.compile(r"^[^年]*月[^年]*[日号]"), "no year stated: the year that puts it nearest the anchor"),
    ("date", re.compile(r"^\d{1,2}[日号]"), "a bare day: the nearest such day to the anchor"),
    ("date", re.compile(r"年(?:底|末|尾)"), "年底: October to December"),
    ("date", re.compile(r"年(?:初|头)|伊始"), "年初: January to March"),
    ("date", re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"),
     "a bare weekday: the most recent one on or before the anchor (after will/scheduled for/due on in its clause, the next one on or after)"),
    ("date", re.compile(r"^(?i:mid)"), "mid-2023: May to August, as 年中"),
    ("date", re.compile(r"^(?i:early|the beginning of|beginning of|the start of|start of)\s"), "early 2024: January to March, as 年初"),
    ("date", re.compile(r"^(?i:late|the end of|end of)\s"), "late 2024: October to December, as 年底"),
    ("date", re.compile(r"^(?i:last|this|next) week$"), "last week: Monday to Sunday of the week before the anchor's"),
    ("date", re.compile(r"^[A-Z][a-z]+\.? \d{1,2}$|^\d{1,2} [A-Z][a-z]+\.?$"),
     "no year stated: the year that puts it nearest the anchor"),
    ("date", re.compile(r"[至到~～—–-]"), "both ends of a range included"),
    ("quantity", re.compile(r"^(?:多达|高达|as many as|as high as)"), "多达/高达 N: as many as N, the number as written"),
    ("quantity", re.compile(r"百分点"), "个百分点 are percentage points, not percent"),
    ("quantity", re.compile(r"兆"), "兆 is 10^12 (万亿), as Hong Kong, Taiwan and Japanese amounts write it"),
    ("quantity", re.compile(r"(?<![美港])仙$"), "a bare 仙: a Hong Kong cent, 0.01 HKD"),
    ("quantity", re.compile(r"[至到~～—–-]|\s(?:to|and)\s"), "both ends of a range included"),
    ("quantity", re.compile(r"^(?:近|接近|将近)"), "近 N: up to 10% below N, never above"),
    ("quantity", re.compile(r"(?<=[\d〇零一二两三四五六七八九十百千万亿])(?:多|余)"), "多/余 bound by the last stated place: 50多 is 50 to 60"),
)


# an inclusive upper bound word the number reader reads as "at most" (至多, 最高, 不超过, up to: zh.yaml)
_BOUND_WORD = re.compile("^" + ZH.any_of([w for w in ZH.inclusive_upper if ZH.approx_before.get(w) == "under"]))


def convention(kind: str, text: str, value: dict[str, Any]) -> str:
    """The convention a span's reading rests on, where defensible readings differ ("" if none)."""
    if kind == "quantity" and _BOUND_WORD.match(text):
        if value.get("approx") == "under":
            return "至多/最多/最高 N: at most N, no lower bound (agrees with N, not with more)"
        return "最多/最高 after a verb of change: the extreme reached, read as written"
    if kind == "date" and DateValue.from_dict(value).open_ended():
        return "春节后/年底前: a bound, from the date on or up to it, the date included (年底前: by the year's end)"
    for span_kind, pattern, note in _CONVENTIONS:
        if span_kind == kind and pattern.search(text):
            return note
    return ""
