"""The number of a count of things, as Chinese news writes it before its measure word.

三家, 5家银行, 两个, 十二名, 1,200名, 3.5万人, 三千人, 1千2百家; and the length of a run of
moves (2连升, 三周连涨). The set kind (a count before a list), the status kind (a run that
ended) and discover (a count as a value) read this one pattern, each with its own measure
words around it, so 两/兩, digits with thousands and decimals, and numerals with their
places (百, 千) are a count's number alike for all three; the normalizer
(`numbers.parse_number`, `quantities.parse_quantity`) gives its value.
"""

from __future__ import annotations

# runs of digits and of numerals, mixed (三千, 1千2百); each run taken whole. Every part is possessive, so a
# run of numerals with no measure word after it is read one way only (no exponential backtracking); one
# group, so a pattern may make it optional (a run's length: 终止2连升, 终止连升)
COUNT_NUMBER = r"(?:(?:\d++(?:,\d{3})*+(?:\.\d+)?+|[一二两兩三四五六七八九十百千]++)++)"
