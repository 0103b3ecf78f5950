"""Values a 分别 list gives to places: theirs, not the company's (docs/rules.md, "Subjects").

`蜜雪冰城……海外地区中，印尼及越南占多数，分别拥有2667家、1304家` names the chain
first, but the two counts are Indonesia's and Vietnam's: a list of values after 分别
pairs with the list of names before it, and when those names are places (not
declared entities) the values are about the places, never the company's total.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import pairwise

from factcheck.kinds.qualifiers import LIST_JOINER, NAME_JOINER, RESPECTIVELY
from factcheck.kinds.sentence import Sentence
from factcheck.patterns import compiled_on_use

_SEPARATOR = compiled_on_use(rf"[\u4e00-\u9fff]{{0,2}}?\s*{NAME_JOINER}\s*")  # 印尼市场及越南


@cache
def _place_re() -> re.Pattern[str]:
    import yaml

    text = resources.files("factcheck.data").joinpath("places.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's parser when there
    names = {str(name) for group in data.values() for name in group}
    return re.compile("|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)))


_ITEM = r"[^、与與和及，,。；;]*?\d[^、与與和及，,。；;]*?"
# after 分别, a few words (拥有, 为), then values joined as one list: 2667家、1304家; 11.3%及2.2%
_VALUES_AFTER = re.compile(rf"[^\d，,。；;]{{0,4}}?(?P<run>{_ITEM}(?:{LIST_JOINER}{_ITEM})+)(?=[，,。；;]|$)")


def about_listed_places(s: Sentence, offset: int) -> bool:
    """Whether the value at `offset` is one of a list of values after 分别 that pairs with a
    list of as many places (not declared entities) named before it."""
    statement = max((i + 1 for i, ch in enumerate(s.text[:offset]) if ch in "；;。"), default=0)
    respectively = list(RESPECTIVELY.finditer(s.text, statement, offset))
    if not respectively:
        return False
    lead_end = respectively[-1].start()
    values = _VALUES_AFTER.match(s.text, respectively[-1].end())
    if values is None or not values.start("run") <= offset < values.end("run"):
        return False
    count = len(re.split(LIST_JOINER, values.group("run")))
    named = [m for m in s.mentions if statement <= m.start < lead_end]
    places = [m for m in _place_re().finditer(s.text, statement, lead_end)
              if not any(n.start <= m.start() < n.end for n in named)]  # 中国银行 is a name, not 中国
    if len(places) < count:
        return False
    run = places[-count:]
    if not all(_SEPARATOR.fullmatch(s.text, a.end(), b.start()) for a, b in pairwise(run)):
        return False
    return not any(run[-1].end() <= n.start < lead_end for n in named)  # no name between the places and 分别


def place_before(text: str, end: int) -> int | None:
    """Where a place name ending at `end` starts (对美国OpenAI公司: 美国 before the name), else None."""
    for found in _place_re().finditer(text, max(0, end - 8), end):
        if found.end() == end:
            return found.start()
    return None
