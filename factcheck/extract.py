"""Stage 4: apply rules to one article's sentences and return its claims.

Extraction is a pure function of (article, rules): no shared state, so
articles can be processed in any order or in parallel and cached by content.
One scan per sentence (factcheck/scan.py) says which rules' cues occur in it,
whatever the number of rules; only those rules' kinds then look at it
(`factcheck.kinds.KINDS[rule.kind].find`), in a shared view of the sentence
(factcheck/kinds/sentence.py) whose clauses, dates, numbers and entity
mentions are read only when a finder asks. Where a claim's subject, context
and day are looked for is factcheck/kinds/reading.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from factcheck.kinds import KINDS
from factcheck.kinds.currency import holds_dollar, names_market, same_below_note, says_same_below
from factcheck.kinds.left_out import LEFT_OUT, SOMEONE_ELSES, LeftOut, recording
from factcheck.kinds.questions import stated
from factcheck.kinds.roles_reading import FILING_CITED, FILING_PUBLISHED
from factcheck.kinds.sentence import Sentence, sentences
from factcheck.normalize.entities import EntityIndex
from factcheck.records import Article, Claim, Diagnostic, RuleBase
from factcheck.scan import Gate, Scanner


def relevance(rules: Sequence[RuleBase] | Scanner) -> Callable[[list[str]], list[bool]]:
    """Whether any rule could find a claim in each of an article's paragraphs: every claim
    needs one of its kind's cues (cue, trigger or state words) in its sentence."""
    scanner = rules if isinstance(rules, Scanner) else Scanner(rules)

    def relevant(texts: list[str]) -> list[bool]:
        kept = scanner.concerned(texts)
        below = says_same_below("\x00".join(texts))  # most articles set no currency for later: no text is asked
        dollar = any(holds_dollar(text) for text in texts)  # a `$` alone (or cents) is uncertain where a paragraph names the market
        for at, text in enumerate(texts):  # the last character first: most paragraphs end in a full stop
            if not kept[at] and (((text[-1:] in "：:*_" or text[-1:].isspace()) and _introduces(text))
                                 or (below and _sets_currency(text)) or (dollar and names_market(text))
                                 or _publishes_a_filing(texts, at)):
                kept[at] = True
        return kept

    return relevant


def _introduces(text: str) -> bool:
    """A paragraph ending in a colon (可口可乐公布第四季度财报，数据显示：) is kept: the lines
    after it are about whom it names (kinds/subject_reading.py, `who`)."""
    return text.rstrip().rstrip("*_ ").endswith(("：", ":"))


def _publishes_a_filing(texts: list[str], at: int) -> bool:
    """A paragraph saying who published a filing (宁德时代发布了其2024年度的业绩预告。) is kept when the
    next one cites the filing (公告内容显示，……): the figures there are the publisher's (kinds/subject_reading.py,
    `who`)."""
    return (at + 1 < len(texts) and FILING_CITED.match(texts[at + 1]) is not None
            and FILING_PUBLISHED.search(texts[at]) is not None)


def _sets_currency(text: str) -> bool:
    """A paragraph holding `(美元，下同)` is kept: it sets the currency of later amounts (read as
    kinds/currency.py reads it: `(人民幣‧下同)`, `(USD, Same below)` too)."""
    return same_below_note(text) is not None


class ArticleRules:
    """The gate asked of one article as it is parsed (load.parse_article's `gate`), and its
    answer kept for the article's extraction: which rules could find anything in it."""

    def __init__(self, gate: Gate) -> None:
        self._gate = gate
        self.applicable: tuple[int, ...] | None = None  # not asked yet: every rule runs, none is skipped unseen

    def __call__(self, text: str) -> bool:
        self.applicable = self._gate.applicable(text)
        return bool(self.applicable)


def extract(article: Article, rules: Sequence[RuleBase], index: EntityIndex,
            scanner: Scanner | None = None, applicable: Collection[int] | None = None,
            someone_elses: bool = False) -> tuple[list[Claim], list[Diagnostic]]:
    """All claims `rules` find in `article`, in rule order then reading order, and the
    spans a rule pointed at but that could not be read as a value (no silent passes).

    `scanner` is `Scanner(rules)`, built once by callers that extract many articles;
    `applicable`: the indexes of the only rules to run (the gate's answer, `ArticleRules`);
    `someone_elses`: also note a value left out as someone else's (`rules check`, asking why its
    example gave nothing), which a report does not list (docs/rules.md, "Values nobody is named for")."""
    if applicable is not None and not applicable:
        return [], []
    scanner = scanner if scanner is not None and scanner.rules == tuple(rules) else Scanner(rules)
    views = sentences(article, index)
    allowed = None if applicable is None else set(applicable)
    by_rule: dict[int, list[Sentence]] = {}  # rule → the sentences holding one of its cues
    for sentence in views:
        for rule_index in scanner.rules_in(sentence.text, allowed):
            by_rule.setdefault(rule_index, []).append(sentence)
    claims: list[Claim] = []
    unread: list[Diagnostic] = []
    for rule_index in sorted(by_rule):
        rule = scanner.rules[rule_index]
        kind = KINDS[rule.kind]
        for sentence in by_rule[rule_index]:
            seen: set[tuple[object, ...]] = set()  # one claim found through two cues is one claim
            with recording() as dropped:
                found_any = False
                for found in kind.find(rule, sentence, article):
                    if isinstance(found, Diagnostic):  # the kinds write its message; the rule is known here
                        found_any = True
                        unread.append(replace(found, rule=rule.id))
                        continue
                    if not stated(sentence, found):  # 只用50美元？: asked, not stated (kinds/questions.py)
                        continue
                    found_any = True
                    key = (found.subject, found.value.display(), found.span, found.context)
                    if key not in seen:
                        seen.add(key)
                        claims.append(found)
            said = None if found_any else next(
                (d for d in dropped if someone_elses or d.key not in SOMEONE_ELSES), None)
            if said is not None:  # a cue reached a value and nothing came of it: say why
                unread.append(left_out_note(rule, sentence, article, said))
    return claims, unread


def left_out_note(rule: RuleBase, s: Sentence, article: Article, why: LeftOut) -> Diagnostic:
    """The note of a sentence whose cue reached a value its rule then left out (code `left-out`): the
    first such value and the rule key that decided, so a miss is never silent."""
    return Diagnostic(article.path, s.segment.line_at(why.start), f"{rule.id}: left out ({why.key}): {why.reason}",
                      "info", LEFT_OUT, rule.id)
