"""A value a question asks about is no claim: `疑问一：只用50美元？` states no cost, `成本真的只有50美元吗？` none either.

A yes-or-no question (no question word: 只用50美元？, 只有50美元吗？, `Did it cost only $50?`) asks whether its
figure holds, so the figure of its asking clause (the last: the one the mark or 吗 ends) is left out, for every
kind alike (extract.py asks `stated` of each claim; `rules check` says why, key `question`). A question with a
question word (为何, 如何, 谁, 多少 …, why, how) takes its figure as given (`为何s1只用50美元就能训练？` says the cost
is 50), so it is read as a statement, and so are the clauses a question follows (`A股大涨2%，牛市来了吗？` states
the 2%) and a figure of a noun phrase the question is about (`股价上涨近40%的华勤技术的股东能扛得住吗？`). A figure right after 是否/能否/是不是 (whether) in its clause is asked too (`美联储是否降息25个基点`),
one before it is the topic the clause asks about (`50美元是否包含了其他费用` takes the 50 as the figure given).
This is a rule of the language, not a word list of one story. Matched on the folded text (kinds/matching.py).
"""

from __future__ import annotations

import re

from factcheck.kinds.left_out import QUESTION, left_out, say
from factcheck.kinds.sentence import Sentence, per_sentence
from factcheck.records import Claim

# a question word: the question asks what, why or how, and takes the rest as given. Not 几乎/几近 (nearly),
# 哪怕 (even if), 哪吒 (a name; folded 哪咤), 无论如何 (anyhow), 多少有些 (somewhat)
_QUESTION_WORD = re.compile(r"为何|为什么|为甚么|为啥|怎么|怎样|如何(?<!无论如何)|何以|何时|何处|何在|哪(?![怕吒咤])|谁|什么|甚么"
                            r"|多少(?!有些|有点)|几(?![乎近])|多大|多久|多长|多高|多远"
                            r"|(?<![A-Za-z])(?:[Ww]hy|[Hh]ow|[Ww]hat|[Ww]hich|[Ww]ho|[Ww]hom|[Ww]hose|[Ww]hen|[Ww]here)(?![A-Za-z])")
# what may close a sentence after its mark (a quote, a bracket, Markdown emphasis, spaces)
_CLOSERS = "」』”’\"）)*_ \n\t"
# a question mark that is no URL's (…/portal/abc?x-oss-process=…: the line is cut there, the next piece goes on)
_URL_TAIL = re.compile(r"[/=&]\S*$")
# whether: a figure after it in its clause is asked
_WHETHER = re.compile(r"是否|能否|可否|会否|是不是|(?<![A-Za-z])[Ww]hether(?![A-Za-z])")
_MARKS = ("？", "?", "吗")
# a figure the question's noun phrase carries (上涨近40%的华勤技术): a modifier is given, not asked
_MODIFIES = re.compile(r"\s*的")
_MAY_ASK = re.compile(r"[？?吗]|是否|能否|可否|会否|是不是|[Ww]hether")


@per_sentence
def asked(s: Sentence) -> tuple[tuple[int, int, str], ...]:
    """The spans of `s.text` a question asks about, each with the word that makes it one: the asking clause
    of a yes-or-no question (its mark, or 吗), and what follows 是否 in its clause."""
    text = s.text
    if _MAY_ASK.search(text) is None:  # most sentences: one search
        return ()
    spans: list[tuple[int, int, str]] = []
    for whether in _WHETHER.finditer(text):
        _, clause_end = s.clause_at(whether.start())
        spans.append((whether.end(), clause_end, whether.group(0)))
    body = text.rstrip(_CLOSERS)
    mark = body[-1:] if body[-1:] in _MARKS else ""
    if mark == "?" and _URL_TAIL.search(body[:-1]):
        mark = ""
    if mark and _QUESTION_WORD.search(text) is None:
        begin, _ = s.clause_at(len(body) - 1)
        spans.append((begin, len(body), mark))
    return tuple(spans)


def stated(s: Sentence, found: Claim) -> bool:
    """Whether a claim read in `s` is stated, not asked (see the module): one a question asks about is left
    out, and the reason given (kinds/left_out.py) for `rules check` and a `left-out` note."""
    spans = asked(s)
    if not spans:
        return True
    start, end = found.span
    for begin, finish, word in spans:
        raw_begin, raw_end = s.raw_span(begin, finish) if finish > begin else (begin, finish)
        if not raw_begin <= start < raw_end:
            continue
        if word in _MARKS and _MODIFIES.match(s.segment.text, end):
            continue  # 近三个月股价上涨近40%的华勤技术的股东能扛得住吗？: the 40% is given, the holding asked
        left_out("question", say(QUESTION, s.segment.text[found.span[0]:found.span[1]], word), begin, finish)
        return False
    return True
