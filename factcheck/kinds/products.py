"""A product named with its maker's name is the product, not the maker (docs/rules.md, "Products").

`零度可口可乐销量增长13%` is Coke Zero's volume, not The Coca-Cola Company's: an
alias with a product variant word glued before it (零度, 无糖, 健怡 …) or after
it (零度, 无糖, 饮料, 汽水 …) names a product, while a company word (可口可乐公司,
阿里巴巴集团) or a stock code (百度(09888)) keeps it the company.
"""

from __future__ import annotations

import re

from factcheck.kinds.sentence import Sentence

# words that make a brand name a product's: flavours and variants before, kinds of product after
_VARIANT_BEFORE = re.compile(r"(?:零度|零糖|无糖|無糖|健怡|轻怡|輕怡|低糖|减糖|減糖|樱桃|櫻桃|香草|经典|經典|原味|迷你|纤维|纖維)$")
_PRODUCT_AFTER = re.compile(r"(?:零度|零糖|无糖|無糖|纤维|纖維|饮料|飲料|汽水|饮品|飲品|瓶装|瓶裝|罐装|罐裝|Zero|Diet)")


def names_a_product(s: Sentence, offset: int, entity_id: str) -> bool:
    """Whether the last mention of `entity_id` before `offset` is part of a product's name."""
    before = [m for m in s.mentions if m.entity_id == entity_id and m.end <= offset]
    if not before:
        return False
    mention = before[-1]
    return bool(_VARIANT_BEFORE.search(s.text, 0, mention.start) or _PRODUCT_AFTER.match(s.text, mention.end))
