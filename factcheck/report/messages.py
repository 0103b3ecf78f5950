"""Every word the reports for people say, in English and Chinese (`--lang en|zh`).

One catalogue: a label is added here for both languages or not at all, and a test
checks that both have the same keys and placeholders. The findings' own messages are
written in English by the compare stage (they are also the JSON's); `finding_text`
turns them into Chinese by the patterns at the end.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping

from factcheck.kinds.slips import DIGITS_SWAPPED, FACTOR_APART, SIGN_TURNED

LANGS = ("en", "zh")

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "kind.disagreement": "disagreement",
        "kind.currency-differs": "currency-differs",
        "kind.omission": "omission",
        "kind.context-differs": "context-differs",
        "kind.agreement": "agreement",
        "kind.rounded": "rounded",
        "kind.period-differs": "period-differs",
        "kinds.period-differs": "Same figure, different period",
        "meaning.period-differs": "The sources give the same figure for different periods or years (a quarter and "
                                  "the whole year): one figure cannot be both, so at most one period is right.",
        "help.period-differs": "Check which period each source means (一季度 or 全年, 第三季度 or 前三季度); set "
                               "the rule's period_level to info to hide such findings.",
        "details.period-differs": "Which figures are given for different periods:",
        "kind.incomplete": "incomplete",
        "kinds.rounded": "Rounded figures",
        "kinds.incomplete": "Not compared (incomplete context)",
        "meaning.rounded": "The sources write one figure at different precisions (rounded or cut off): "
                           "check that the precision each uses is acceptable.",
        "meaning.incomplete": "These values do not state a qualifier the rule requires (such as the period), "
                              "so they were not compared.",
        "help.rounded": "Probably the same figure: one source rounded or cut it off. Decide whether the "
                        "precision matters for the story; set rounded_level to info to hide such findings.",
        "help.incomplete": "Say in the article which period (or other required qualifier) the value is about, "
                           "or relax the rule's require: list.",
        "details.rounded": "Which values are roundings of each other:",
        "details.incomplete": "Values without the required qualifier:",
        "summary.rounded": "{n} figure(s) written at different precisions (rounded).",
        "summary.incomplete": "{n} claim(s) not compared: a required qualifier is not stated.",
        "kinds.disagreement": "Disagreements",
        "kinds.currency-differs": "Same number, different currency",
        "kinds.omission": "Omissions",
        "kinds.context-differs": "Different contexts",
        "kinds.agreement": "Agreements",
        "kinds.other": "Other findings",
        "meaning.disagreement": "The sources give values that cannot all be true in the same context. "
                                "factcheck does not say which one is right: check the quotes.",
        "meaning.currency-differs": "The sources give the same number in different currencies: at most one "
                                    "currency can be right.",
        "meaning.omission": "The sources list different members: some leave out what others name.",
        "meaning.context-differs": "The values differ, but each is about a different context (market, session, "
                                   "day…), so they can all be true. Check the qualifiers, not the numbers.",
        "meaning.agreement": "The sources agree.",
        "help.disagreement": "Read the quoted sentences: one of the sources is probably wrong, or they describe "
                             "different things the rule cannot tell apart. Correct the article, or add a "
                             "context qualifier to the rule.",
        "help.currency-differs": "Check which currency each source means (a bare 元, a (美元，下同) note, "
                                 "a conversion written as the original).",
        "help.omission": "A source names fewer members than the others. Check whether the missing names "
                         "belong in it; a shorter list can be deliberate.",
        "help.context-differs": "Nothing may be wrong: each value is about a different market, session or day. "
                                "Check that each article states its context clearly.",
        "level.error": "error",
        "level.warning": "warning",
        "level.info": "info",
        "details.disagreement": "Which values clash:",
        "details.currency-differs": "Which amounts differ only in currency:",
        "details.omission": "Who leaves out what:",
        "details.context-differs": "The values grouped by context (? = the article does not say):",
        "details.agreement": "Details:",
        "details.other": "Details:",
        "title": "Where the sources disagree",
        "page_title": "factcheck: {disagreements} disagreements, {omissions} omissions in {articles} articles",
        "lead": "{articles} articles, {rules} rules, {claims} claims found. "
                "A claim is “checked” when at least two articles speak to the same fact.",
        "card.articles": "articles",
        "card.checked": "claims checked across sources",
        "card.agree": "agreements",
        "card.disagree": "disagreements",
        "card.omits": "omissions",
        "card.context": "differ only by context",
        "card.input": "input errors",
        "search": "Search outlets, quotes, values, files…",
        "show": "Show:",
        "no_match": "No finding matches.",
        "matrix": "Who says what",
        "matrix.meaning": "For each rule, the articles that take part in its findings (rows) and the findings "
                          "(columns). Click a column heading to see the quotes.",
        "matrix.part": "findings {first}–{last}",
        "stance.disagree": "disagrees: its value conflicts with another source's",
        "stance.omits": "leaves out a name other sources give",
        "stance.names-all": "names members another source leaves out",
        "stance.context": "gives a different number about a different context (market, session, day…)",
        "stance.agree": "agrees (or its value fits every other one)",
        "stance.silent": "says nothing about it",
        "th.source": "source",
        "th.value": "value",
        "th.context": "context",
        "th.quote": "quoted sentence",
        "th.quote_short": "quote",
        "th.where": "file:line",
        "th.outlet": "outlet",
        "th.title": "title",
        "th.published": "published",
        "th.file": "file",
        "as_written": "as written: {raw}",
        "leaves_out": "leaves out {names}",
        "fits": "fits every other value",
        "not_said": "not said",
        "note": "Note: {note}",
        "show_quotes": "Show the quotes",
        "articles": "Articles",
        "articles.involved": "The {shown} articles that take part in a finding ({read} read in all).",
        "via": "via {label}",
        "input_errors": "Input errors",
        "input_errors.meaning": "These files could not be read, or a rule is broken; what they hold is not in "
                                "this report.",
        "footer": "Made by {tool} {version}. It never picks a “right” value: it shows where the sources differ, "
                  "with their words.",
        "rule": "rule",
        "summary.found": "{articles} articles, {rules} rules, {claims} claims found.",
        "summary.checked": "{checked} claims checked across sources: {agreements} agree, {disagreements} disagree, "
                           "{omissions} with omissions; {context_differs} differ only by context.",
        "summary.levels": "{errors}, {warnings}, {infos} info",
        "summary.input_errors": "; {input_errors}",
        "count.error": "{n} error",
        "count.errors": "{n} errors",
        "count.warning": "{n} warning",
        "count.warnings": "{n} warnings",
        "count.input_error": "{n} input error",
        "count.input_errors": "{n} input errors",
        "summary.unread": "{n} a rule pointed at could not be read (see stderr).",
        "summary.unread_one": "1 value",
        "summary.unread_many": "{n} values",
        "summary.unattributed": "{n} a rule pointed at named no subject or no list position, not checked (on stderr: --verbose lists each with why: unattributed).",
        "summary.left_out": "{n} reached by a rule's cue left out by a key of the rule, not checked (--verbose lists each with why: left-out).",
        "summary.silent_rules": "Rules that found nothing: {rules}.",
        "summary.not_compared": "Rules whose claims were never compared, each subject's value coming from one "
                                "source only (see the claims in --format json): {rules}.",
        "summary.not_compared_currencies": "Rules whose claims were never compared, the sources giving a subject's "
                                           "value in different currencies, which are never converted (see the claims "
                                           "in --format json): {rules}.",
        "summary.no_subject": "no subject",
        "summary.none_shared": "No fact was stated by two sources: every claim found stands alone (one article, or one "
                               "subject and context), so nothing could be compared. `--format json` lists the claims.",
        "summary.same_text": "{n} articles have the same text ({which}): one story under two names, or a syndicated "
                             "text. Each still counts as a source: read their findings as one source if they are one outlet's.",
        "summary.without_outlet": "{n} of {articles} articles name no outlet (no byline found behind an "
                                  "aggregator's label, or no label at all).",
        "summary.without_outlet_which": " They are (with the name shown for them): {which}.",
        "summary.without_outlet_more": " And {n} more (the JSON report lists them all).",
        "summary.without_outlet_todo": " Each still counts as a source of its own; if it names its writer in a way "
                                       "factcheck does not know, add a pattern in a file given to --outlets "
                                       "(docs/outlets.md).",
        "summary.baselined": "{n} accepted by the baseline, not shown.",
        "summary.baselined_one": "1 finding",
        "summary.baselined_many": "{n} findings",
        "note_line": "note: {note}",
        "details_more": "… and {n} more (--format json lists every one)",
        "md.title": "factcheck: where the sources disagree",
        "md.counts": "| articles | claims checked | agree | disagree | omissions | differ by context | input errors |",
        "md.top": "The {shown} most severe of {total} findings; the full report lists every one ({hint}).",
        "md.top_all": "All {total} findings.",
        "md.more": "…and {more} more findings, {more_errors} of them errors: see the full report ({hint}).",
        "md.full_hint": "`factcheck --format html` or `--format markdown` without `--summary`",
        "md.agree_line": "{sources} · {id}",
    },
    "zh": {
        "kind.disagreement": "说法矛盾",
        "kind.currency-differs": "币种不同",
        "kind.omission": "名单遗漏",
        "kind.context-differs": "语境不同",
        "kind.agreement": "说法一致",
        "kind.rounded": "四舍五入",
        "kind.period-differs": "期间不同",
        "kinds.period-differs": "数字相同但期间不同",
        "meaning.period-differs": "各来源为不同的期间或年份（某季度与全年）给出同一个数字：同一个数字不可能两者都是，至多一个期间是对的。",
        "help.period-differs": "请核实每个来源所指的期间（一季度还是全年，第三季度还是前三季度）；将规则的 period_level 设为 info 可隐藏此类发现。",
        "details.period-differs": "哪些数字被归于不同的期间：",
        "kind.incomplete": "语境不全",
        "kinds.rounded": "精度不同的同一数字",
        "kinds.incomplete": "未比较（缺少必需的限定词）",
        "meaning.rounded": "各来源以不同精度写同一个数字（四舍五入或截断）：请确认各自的精度是否可以接受。",
        "meaning.incomplete": "这些数值没有写明规则要求的限定词（例如期间），因此没有比较。",
        "help.rounded": "很可能是同一个数字：有来源做了四舍五入或截断。请判断精度对报道是否重要；将 rounded_level 设为 info 可隐藏此类发现。",
        "help.incomplete": "请在文章中写明数值所属的期间（或其他必需的限定词），或放宽规则的 require: 列表。",
        "details.rounded": "哪些数值是彼此的四舍五入：",
        "details.incomplete": "缺少必需限定词的数值：",
        "summary.rounded": "有 {n} 个数字以不同精度书写（四舍五入）。",
        "summary.incomplete": "有 {n} 个说法未比较：缺少必需的限定词。",
        "kinds.disagreement": "说法矛盾",
        "kinds.currency-differs": "数字相同但币种不同",
        "kinds.omission": "名单遗漏",
        "kinds.context-differs": "数值不同但语境不同",
        "kinds.agreement": "说法一致",
        "kinds.other": "其他发现",
        "meaning.disagreement": "各来源给出的数值在同一语境下不可能同时成立。factcheck 不判断哪个正确：请核对引文。",
        "meaning.currency-differs": "各来源给出相同的数字，但币种不同：至多一个币种是对的。",
        "meaning.omission": "各来源列出的成员不同：有的来源漏掉了其他来源提到的成员。",
        "meaning.context-differs": "数值不同，但各自针对不同的语境（市场、时段、日期……），可能都成立。请核对限定词，而不是数字。",
        "meaning.agreement": "各来源说法一致。",
        "help.disagreement": "请阅读引文：可能有一个来源出错，也可能它们描述的是规则区分不了的不同事物。请更正文章，或为规则增加语境限定词。",
        "help.currency-differs": "请核实每个来源所指的币种（单独的“元”、“（美元，下同）”注明、把换算值当作原值）。",
        "help.omission": "某个来源列出的成员比其他来源少。请核实缺少的名字是否应当列出；较短的名单也可能是有意为之。",
        "help.context-differs": "未必有错：各数值针对不同的市场、时段或日期。请确认每篇文章都清楚写明了语境。",
        "level.error": "错误",
        "level.warning": "警告",
        "level.info": "提示",
        "details.disagreement": "哪些数值相互矛盾：",
        "details.currency-differs": "哪些金额只有币种不同：",
        "details.omission": "谁漏掉了什么：",
        "details.context-differs": "按语境分组的数值（? = 文章未说明）：",
        "details.agreement": "详情：",
        "details.other": "详情：",
        "title": "各来源说法不一之处",
        "page_title": "factcheck：{articles} 篇文章中 {disagreements} 处矛盾、{omissions} 处遗漏",
        "lead": "{articles} 篇文章，{rules} 条规则，找到 {claims} 个说法。至少两篇文章谈到同一事实时，该说法即为“已核对”。",
        "card.articles": "篇文章",
        "card.checked": "个说法跨来源核对",
        "card.agree": "处一致",
        "card.disagree": "处矛盾",
        "card.omits": "处遗漏",
        "card.context": "处仅语境不同",
        "card.input": "个输入错误",
        "search": "搜索媒体、引文、数值、文件……",
        "show": "显示：",
        "no_match": "没有符合条件的发现。",
        "matrix": "谁说了什么",
        "matrix.meaning": "每条规则一张表：行是参与该规则发现的文章，列是发现。点击列标题查看引文。",
        "matrix.part": "第 {first}–{last} 项发现",
        "stance.disagree": "矛盾：其数值与另一来源冲突",
        "stance.omits": "漏掉了其他来源提到的名字",
        "stance.names-all": "列出了另一来源漏掉的成员",
        "stance.context": "针对不同语境（市场、时段、日期……）给出不同数字",
        "stance.agree": "一致（或其数值与其他所有数值相容）",
        "stance.silent": "未提及",
        "th.source": "来源",
        "th.value": "数值",
        "th.context": "语境",
        "th.quote": "引文",
        "th.quote_short": "引文",
        "th.where": "文件:行",
        "th.outlet": "媒体",
        "th.title": "标题",
        "th.published": "发布时间",
        "th.file": "文件",
        "as_written": "原文：{raw}",
        "leaves_out": "漏掉 {names}",
        "fits": "与其他所有数值相容",
        "not_said": "未说明",
        "note": "注：{note}",
        "show_quotes": "显示引文",
        "articles": "文章",
        "articles.involved": "参与发现的 {shown} 篇文章（共读取 {read} 篇）。",
        "via": "经由 {label}",
        "input_errors": "输入错误",
        "input_errors.meaning": "这些文件无法读取，或规则有误；其内容不在本报告中。",
        "footer": "由 {tool} {version} 生成。它从不判定哪个数值“正确”：只用各来源的原话展示它们的分歧。",
        "rule": "规则",
        "summary.found": "{articles} 篇文章，{rules} 条规则，找到 {claims} 个说法。",
        "summary.checked": "跨来源核对了 {checked} 个说法：{agreements} 个一致，{disagreements} 个矛盾，"
                           "{omissions} 个有遗漏；{context_differs} 个仅语境不同。",
        "summary.levels": "{errors}，{warnings}，{infos} 个提示",
        "summary.input_errors": "；{input_errors}",
        "count.error": "{n} 个错误",
        "count.errors": "{n} 个错误",
        "count.warning": "{n} 个警告",
        "count.warnings": "{n} 个警告",
        "count.input_error": "{n} 个输入错误",
        "count.input_errors": "{n} 个输入错误",
        "summary.unread": "有 {n} 是规则指向却无法读取的（见 stderr）。",
        "summary.unread_one": "1 个数值",
        "summary.unread_many": "{n} 个数值",
        "summary.unattributed": "有 {n} 是规则指向却找不到主体（或在列表中无法区分）的，未核对（stderr 上 --verbose 逐条列出：unattributed）。",
        "summary.left_out": "有 {n} 是规则的 cue 找到、却被规则的某个键排除的，各附原因（--verbose 列出：left-out）。",
        "summary.silent_rules": "没有找到任何说法的规则：{rules}。",
        "summary.not_compared": "说法从未被比较的规则（每个主体的数值只来自一个来源，详见 --format json 的 claims）：{rules}。",
        "summary.not_compared_currencies": "说法从未被比较的规则（各来源以不同货币给出同一主体的数值，货币从不换算，详见 --format json 的 claims）：{rules}。",
        "summary.no_subject": "无主体",
        "summary.none_shared": "没有任何事实由两个来源同时陈述：找到的每条说法都只出自一篇文章（或一个主体、一种语境），"
                               "因此无从比较。`--format json` 会列出全部说法。",
        "summary.same_text": "{n} 篇文章正文相同（{which}）：同一篇稿件以不同名义刊出，或为通稿。每篇仍各算一个来源；"
                             "若属同一媒体，请把相关结论当作一个来源来读。",
        "summary.without_outlet": "{articles} 篇文章中有 {n} 篇未能识别媒体（聚合平台标签下未找到署名，或没有任何标签）。",
        "summary.without_outlet_which": "它们是（括号内为显示的名称）：{which}。",
        "summary.without_outlet_more": "另有 {n} 篇（JSON 报告全部列出）。",
        "summary.without_outlet_todo": "每篇仍各算一个来源；若文中以 factcheck 不认识的方式署名，可在 --outlets 指定的文件中"
                                       "加入匹配模式（见 docs/outlets.md）。",
        "summary.baselined": "{n} 已被基线接受，未显示。",
        "summary.baselined_one": "1 项发现",
        "summary.baselined_many": "{n} 项发现",
        "note_line": "注：{note}",
        "details_more": "……另有 {n} 条（--format json 全部列出）",
        "md.title": "factcheck：各来源说法不一之处",
        "md.counts": "| 文章 | 已核对说法 | 一致 | 矛盾 | 遗漏 | 仅语境不同 | 输入错误 |",
        "md.top": "共 {total} 项发现，这里是最严重的 {shown} 项；完整报告列出全部（{hint}）。",
        "md.top_all": "全部 {total} 项发现。",
        "md.more": "……另有 {more} 项发现，其中 {more_errors} 项为错误：见完整报告（{hint}）。",
        "md.full_hint": "`factcheck --format html`，或不加 `--summary` 的 `--format markdown`",
        "md.agree_line": "{sources} · {id}",
    },
}

# qualifier names as a reader says them (a rule's own qualifier names are shown as written)
QUALIFIER_NAMES = {
    "en": {},
    "zh": {"market": "市场", "session": "时段", "measure": "指标", "day": "日期", "contexts": "语境"},
}

def _articles_zh(said: str) -> str:
    """` (3 articles)` after a count of sources, in Chinese: `（3 篇文章）`."""
    count = re.search(r"\d+", said)
    return f"（{count.group(0)} 篇文章）" if count else ""


# the compare stage's English messages and details → Chinese (each pattern the whole text)
_ZH_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"sources disagree: (.*)"), lambda m: "来源说法矛盾：" + m[1].replace(" vs ", " 与 ")),
    (re.compile(r"(\d+) sources?((?: \(\d+ articles\))?) agrees?: (.*)"),
     lambda m: f"{m[1]} 个来源{_articles_zh(m[2])}一致：" + re.sub(
         r"; separately, (\d+) sources?((?: \(\d+ articles\))?) agrees? on ",
         lambda n: f"；另有 {n[1]} 个来源{_articles_zh(n[2])}一致：",
         m[3].replace(" — two values of one date: check which the sources mean", "——同一日期有两个值：请核实来源所指"))),
    (re.compile(r"(\d+) sources?((?: \(\d+ articles\))?) names? the same: (.*)"),
     lambda m: f"{m[1]} 个来源{_articles_zh(m[2])}列出相同成员：{m[3]}"),
    (re.compile(r"sources name different members: (\d+) of (\d+) left out by some"),
     lambda m: f"来源列出的成员不同：{m[2]} 个成员中有 {m[1]} 个被部分来源漏掉"),
    (re.compile(r"one value, not compared: the sources' claims differ in (.*)"),
     lambda m: "数值相同但未比较：各来源的" + "、".join(qualifier_name("zh", n) for n in m[1].split(", ")) + "不同"),
    (re.compile(r"one value, partly compared: the sources' claims differ in (.*)"),
     lambda m: "数值相同但部分未比较：各来源的" + "、".join(qualifier_name("zh", n) for n in m[1].split(", ")) + "不同"),
    (re.compile(r"values differ, but they are about different (.*); equal values under different (.*)"),
     lambda m: "数值不同，但针对的" + "、".join(qualifier_name("zh", n) for n in m[1].split(", ")) + "不同；相同的数值对应的"
     + "、".join(qualifier_name("zh", n) for n in m[2].split(", ")) + "不同"),
    (re.compile(r"values differ, but they are about different (.*)"),
     lambda m: "数值不同，但针对的" + "、".join(qualifier_name("zh", n) for n in m[1].split(", ")) + "不同"),
    (re.compile(r"(.*) is compatible with every other source's value; only its own article also gives (.*)"),
     lambda m: f"{m[1]} 与其他来源的所有数值相容；只有同一篇文章另给出 {m[2]}"),
    (re.compile(r"(.*) is compatible with every other value"), lambda m: f"{m[1]} 与其他所有数值相容"),
    (re.compile(r"(.*): named by (.*); not named by (.*)"), lambda m: f"{m[1]}：{m[2]} 提到；{m[3]} 未提到"),
    (re.compile(r"(.*\)) vs (.*\)): (.*\?)"), lambda m: f"{m[1]} 与 {m[2]}：{_slip_zh(m[3])}"),
    (re.compile(r"(.*\)) vs (.*)"), lambda m: f"{m[1]} 与 {m[2]}"),
    # kinds/base.py _unsure: `does not state a, b`, `reads x (evidence)`, or both joined by `; `
    (re.compile(r"warning, not error: (.*?\)) takes its subject from the title"),
     lambda m: f"警告而非错误：{m[1]} 的主体取自标题"),
    (re.compile(r"warning, not error: (.*?\)) ((?:does not state|reads) .*)"),
     lambda m: f"警告而非错误：{m[1]} " + "；".join(_unsure_zh(part) for part in m[2].split("; "))),
    (re.compile(r"values differ, but neither says which (\S+), and (.*) gives (.*) side by side: (.*)"),
     lambda m: f"数值不同，但两者都未说明{qualifier_name('zh', m[1])}，而 {m[2]} 并列给出 "
               f"{m[3].replace(' and ', ' 与 ')}：{m[4]}"),
    (re.compile(r"values differ, but (.*) differ on each of the (\d+) figures of (\S+) they both give \((.*)\) "
                r"and agree on none: two bases \(say total vs attributable\) more likely than a slip: (.*)"),
     lambda m: f"数值不同，但 {m[1].replace(' and ', ' 与 ')} 在双方都给出的 {m[2]} 个 {m[3]} 数字上全都不同"
               f"（{m[4].replace(' vs ', ' 与 ')}），无一一致：更可能是口径不同（如总额与归母），而非笔误：{m[5]}"),
    (re.compile(r"(\S+) \(before dawn\) in Beijing time is still the previous day in the Americas"),
     lambda m: f"北京时间{m[1]}，在美洲仍是前一天"),
    (re.compile(r"(\S+) \(late night\) may already be the next day in Asia"),
     lambda m: f"{m[1]}（美洲时间），在亚洲可能已是第二天"),
    (re.compile(r"publish time \((.*)\)"), lambda m: f"发布时间（{m[1]}）"),
    (re.compile(r"publish time"), lambda m: "发布时间"),
]
# the slips of writing kinds/slips.py names, matched from its own wording
_SLIPS_ZH: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(re.escape(FACTOR_APART).replace(re.escape("{power}"), r"(\d+)")),
     lambda m: f"相差 {m[1]} 倍：小数点或单位（万/亿）写错？"),
    (re.compile(re.escape(SIGN_TURNED)), lambda m: "同一数值、正负相反：涨跌写反？"),
    (re.compile(re.escape(DIGITS_SWAPPED)), lambda m: "相邻两位数字对调：打字错误？"),
]


def _unsure_zh(part: str) -> str:
    """One clause of why a disagreement is a warning: a qualifier unstated, or read from elsewhere."""
    if part.startswith("does not state "):
        return "未说明" + "、".join(qualifier_name("zh", n) for n in part.removeprefix("does not state ").split(", "))
    name, _, how = part.removeprefix("reads ").partition(" ")
    how = "取自发布时间" if how == "from the publish time" else how
    return f"的 {qualifier_name('zh', name)}{' ' + how if how else ''} 为推断"


def _slip_zh(text: str) -> str:
    for pattern, rewrite in _SLIPS_ZH:
        match = pattern.fullmatch(text)
        if match:
            return rewrite(match)
    return text


# a context key as the compare stage writes it (`market=HK session=? day=2025-02-12: …`)
_CONTEXT_KEY = re.compile(r"(?<![\w-])([a-z_]+)=(?=\S)")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale, as POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG): zh_* → zh."""
    found: Mapping[str, str] = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = found.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def catalogue(lang: str) -> Callable[..., str]:
    """`t("key", **values)`: the message in `lang` with its placeholders filled."""
    table = MESSAGES[lang]

    def t(key: str, **values: object) -> str:
        return table[key].format(**values) if values else table[key]

    return t


def count(lang: str, key: str, n: int) -> str:
    """`3 errors` / `1 error` (Chinese has one form)."""
    return MESSAGES[lang][f"count.{key}" if n == 1 else f"count.{key}s"].format(n=n)


def qualifier_name(lang: str, name: str) -> str:
    return QUALIFIER_NAMES[lang].get(name, name)


# what factcheck/copies.py `said_of_copies` adds after a finding's message: `(2 articles with the same text:
# counted as one source?)`, one count a group of copies
_SAME_TEXT_NOTE = re.compile(r"(.*) \(((?:\d+ articles with the same text(?:; )?)+): counted as one source\?\)", re.S)


def finding_text(lang: str, text: str) -> str:
    """A finding's message or detail line in `lang` (the compare stage writes them in English)."""
    if lang == "en":
        return text
    note = _SAME_TEXT_NOTE.fullmatch(text)
    if note:  # the message, then its note: `4 个来源一致：6.6%（2 篇文章正文相同：是否算作一个来源？）`
        groups = "；".join(f"{n} 篇文章正文相同" for n in re.findall(r"\d+", note[2]))
        return f"{finding_text(lang, note[1])}（{groups}：是否算作一个来源？）"
    for pattern, rewrite in _ZH_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return rewrite(match)
    return _CONTEXT_KEY.sub(lambda m: qualifier_name(lang, m[1]) + "=", text)
