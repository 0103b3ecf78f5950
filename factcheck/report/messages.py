"""Every word the reports for people say, in English and Chinese (`--lang en|zh`).

One catalogue: a label is added here for both languages or not at all, and a test
checks that both have the same keys and placeholders. The findings' own messages and
detail lines are records (records.Message: a key here and its values) that the kinds and
compare build; `said` renders one in either language, and its English is what the JSON,
SARIF and the other machine formats write. A claim's note and a qualifier's evidence are
still English text from the readers: `note_text` says the few that need it in Chinese.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping

from factcheck.records import Arg, Listed, Message, Pair, Qualifier

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
        # the findings' messages and detail lines (records.Message): what the kinds and compare say
        "sep.none": "",
        "sep.vs": " vs ",
        "sep.dot": " · ",
        "sep.approx": " ≈ ",
        "sep.tilde": " ~ ",
        "sep.plus": " + ",
        "sep.comma": ", ",
        "sep.names": ", ",
        "sep.semicolon": "; ",
        "sep.list": "; ",
        "sep.and": " and ",
        "sep.space": " ",
        "said.parts": "{parts}",
        "said.source": "{value} ({outlet}, {place})",
        "said.source_on": "{value} ({outlet}, {place}, {day})",
        "said.no_day": "no day",
        "said.article": "{outlet} ({article})",
        "said.qualifier": "{name}={value}",
        "said.marked": "{value} ({marks})",
        "said.vs": "{one} vs {other}",
        "said.no_context": "no context",
        "said.same_text": "{n} articles with the same text",
        "said.fits_groups": "{values} states no {names} and fits {fits}",
        "said.apart_by.written": "days written (a progression)",
        "said.apart_by.event": "events (one to come when written, one before it)",
        "said.states.shortened": "{states} (a title and the longer title it is part of)",
        "said.states.joined": "{states} (posts a source joins into one title with 兼)",
        "said.states.compatible": "{states} (compatible)",
        "sources.one": "1 source",
        "sources.many": "{n} sources",
        "sources.articles": "{sources} ({articles} articles)",
        "sources.agrees": "{sources} agrees",
        "sources.agree": "{sources} agree",
        "sources.names": "{sources} names",
        "sources.name": "{sources} name",
        "finding.agree": "{sources}: {values}",
        "finding.agree.separately": "; separately, {sources} on {values}",
        "finding.agree.also": "; a source also gives {values}, which the rule reads alike (not compared)",
        "finding.agree.also_marked": "; a source also gives {values}, which the rule reads alike but for a qualifier "
                                     "the others leave unstated (not compared)",
        # one per kind whose rules hold one value a subject and context (Kind.one_value)
        "finding.agree.two_values.date": " — two values of one date: check which the sources mean",
        "finding.name_same": "{sources} the same: {members}",
        "finding.disagree": "sources disagree: {values}",
        "finding.running": "a running total read at different times: {values}",
        "finding.conversions": "conversions into another currency, which differ by the rate used: {values}",
        "finding.estimates": "analysts' estimates, which differ by provider and date: {values}",
        "finding.priors": "prior figures, which a later release may have revised: {values}",
        "finding.differ_why": "values differ, but {whys}: {values}",
        "finding.neither_states": "values differ, but neither states {names}, which tells other sources' figures "
                                  "apart: {values}",
        "finding.loose": "one figure, written approximately, as a round figure, or rounded by one source and cut off "
                         "by another: {values}",
        "finding.rounded": "sources write one figure at different precisions: {values}",
        "finding.fits_groups_rounded": "one figure at different precisions? {said}: {values}",
        "finding.evening_next_day": "values differ, but one source dates it the evening of a day and the other the "
                                    "next day: what is announced after the day's close (a company's filing, a "
                                    "statement that evening) is published, and reported, under the next day's date: "
                                    "{values}",
        "finding.distinct_days": "values differ: distinct days of one source, which a less precise date of another "
                                 "does not make one: {values}",
        "finding.vague_date": "values differ, but {dates} (some days back) is less precise and names no day: {values}",
        "finding.left_out": "sources name different members: {left_out} of {members} left out by some",
        "finding.transliterated": "{name} rendered differently in Chinese: {values} (each outlet's transliteration, "
                                  "not a misspelling)",
        "finding.incomplete": "{n} claim(s) not compared: they do not state {names}",
        "finding.one_value.not_compared": "one value, not compared: the sources' claims differ in {names}",
        "finding.one_value.partly_compared": "one value, partly compared: the sources' claims differ in {names}",
        "finding.contexts": "values differ, but they are about different {about}",
        "finding.contexts_equal_apart": "values differ, but they are about different {about}; equal values under "
                                        "different {same}",
        "finding.extreme_passed.high": "a day's high read earlier passes one read later: a high only grows during the day",
        "finding.extreme_passed.low": "a day's low read earlier passes one read later: a low only falls during the day",
        "finding.currency_differs": "the numbers agree but the currencies differ",
        "finding.period_differs": "the same {figure} is given for {one} and for {other}: one figure cannot be both, "
                                  "one source has the period wrong",
        "finding.subjects": "the same value under different subjects ({first}, {second}) in different sources: "
                            "not compared",
        "finding.copies": "{message} ({copies}: counted as one source?)",
        "detail.pair": "{one} vs {other}",
        "detail.slip": "{pair}: {why}",
        "detail.pair_rounded": "{pair}: rounded",
        "detail.pair_loose": "{pair}: written loosely",
        "detail.own_apart": "{claim} disagrees with the source's own {own} (line {line})",
        "detail.said_twice": "{outlet} ({article}) writes one sentence with {first} (line {first_line}) and {second} "
                             "(line {second_line}): it contradicts itself",
        "detail.title_against_body": "{outlet} ({article}) titles it {title} (line {title_line}) and writes {body} "
                                     "(line {body_line}), as another source does: it contradicts itself",
        "detail.lowered": "{lowered}, not {given}: {claim} {why}",
        "detail.compatible": "{claim} is compatible with every other value",
        "detail.compatible_own_also": "{claim} is compatible with every other source's value; only its own article "
                                      "also gives {own}",
        "detail.unstated": "{names}: {claims}",
        "detail.vague_date": "{dates} (some days back) is less precise and names no day: shown beside the days, "
                             "never against them",
        "detail.vague_date_read": "{dates} (some days back, read as {read}) is less precise and names no day: shown "
                                  "beside the days, never against them",
        "detail.named_by": "{member}: named by {naming}; not named by {silent}",
        "detail.one_member": "{sources} names one member only, never saying it is the only one: no list that leaves "
                             "the others out",
        "detail.one_member_each": "{sources} each name one member only, never saying it is the only one: no list that "
                                  "leaves the others out",
        "detail.lacks": "{claim} does not state {names}",
        "detail.fits_groups": "warning, not error: {said}, and differs from each",
        "detail.context_group": "{context}: {claims}",
        "detail.context_why": "{context}: {why}",
        "detail.extreme_passed.high": "{earlier} is above the later {later}",
        "detail.extreme_passed.low": "{earlier} is below the later {later}",
        "detail.currency_differs": "{one} and {other}: same number, {currencies}",
        "detail.period_differs": "{one} for {one_time} and {other} for {other_time}",
        "detail.subject": "{value}: {subject} ({outlet}, {place})",
        "why.title_subject": "takes its subject from the title",
        "why.no_line_item": "names no line item of the rule's (metric unknown)",
        "why.lacks": "does not state {names}",
        "why.reads_publish_time": "reads {name} from the publish time",
        "why.reads": "reads {name} ({evidence})",
        "why.two_clocks": "a day apart on two clocks may be one moment (the story's sources date it in Beijing time "
                          "and in the place's own), and one of them names no clock",
        "why.side_by_side": "neither says which {name}, and {outlet} ({place}) gives {one} and {other} side by side",
        "why.other_basis": "{one} and {other} differ on each of the {n} figures of {item} they both give ({figures}) "
                           "and agree on none: two bases (say total vs attributable) more likely than a slip",
        "why.side_taken": "{third} gives {value} as {side} does, which differs from {other} on each of the {n} figures "
                          "of {item} they both give ({figures}) and agrees on none: two bases (say total vs "
                          "attributable) more likely than a slip",
        "slip.sign_turned": "the same figure with the sign turned: a rise read as a fall, or the reverse?",
        "slip.factor_apart": "a factor of {power} apart: a slip of the decimal point or the unit (万/亿)?",
        "slip.digits_swapped": "the same digits with two neighbours swapped: a typing slip?",
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
        "sep.none": "",
        "sep.vs": " 与 ",
        "sep.dot": " · ",
        "sep.approx": " ≈ ",
        "sep.tilde": " ~ ",
        "sep.plus": " + ",
        "sep.comma": ", ",
        "sep.names": "、",
        "sep.semicolon": "；",
        "sep.list": "; ",
        "sep.and": "、",
        "sep.space": " ",
        "said.parts": "{parts}",
        "said.source": "{value} ({outlet}, {place})",
        "said.source_on": "{value} ({outlet}, {place}, {day})",
        "said.no_day": "无日期",
        "said.article": "{outlet} ({article})",
        "said.qualifier": "{name}={value}",
        "said.marked": "{value} ({marks})",
        "said.vs": "{one} 与 {other}",
        "said.no_context": "无语境",
        "said.same_text": "{n} 篇文章正文相同",
        "said.fits_groups": "{values} 未说明{names}，可归入 {fits}",
        "said.apart_by.written": "撰写日期（前后进展）",
        "said.apart_by.event": "事件（一个在撰写时尚未发生，一个在其之前）",
        "said.states.shortened": "{states}（一个头衔及包含它的更长头衔）",
        "said.states.joined": "{states}（来源用“兼”合为一个头衔的几个职位）",
        "said.states.compatible": "{states}（可同时成立）",
        "sources.one": "1 个来源",
        "sources.many": "{n} 个来源",
        "sources.articles": "{sources}（{articles} 篇文章）",
        "sources.agrees": "{sources}一致",
        "sources.agree": "{sources}一致",
        "sources.names": "{sources}列出相同成员",
        "sources.name": "{sources}列出相同成员",
        "finding.agree": "{sources}：{values}",
        "finding.agree.separately": "；另有 {sources}：{values}",
        "finding.agree.also": "；有来源另给出 {values}，规则无法把它与上述数值区分开（未比较）",
        "finding.agree.also_marked": "；有来源另给出 {values}，规则只凭其他来源未说明的限定词把它与上述数值区分开（未比较）",
        "finding.agree.two_values.date": "——同一日期有两个值：请核实来源所指",
        "finding.name_same": "{sources}：{members}",
        "finding.disagree": "来源说法矛盾：{values}",
        "finding.running": "同一累计数在不同时间读取：{values}",
        "finding.conversions": "换算成另一币种的数值，因所用汇率而不同：{values}",
        "finding.estimates": "分析师预期，因机构与日期而不同：{values}",
        "finding.priors": "前值，之后发布的数据可能已作修正：{values}",
        "finding.differ_why": "数值不同，但{whys}：{values}",
        "finding.neither_states": "数值不同，但两者都未说明{names}，而其他来源的数字正以此区分：{values}",
        "finding.loose": "同一个数字，有来源写作约数或整数，或一方四舍五入、另一方截断：{values}",
        "finding.rounded": "各来源以不同精度书写同一个数字：{values}",
        "finding.fits_groups_rounded": "同一个数字、精度不同？{said}：{values}",
        "finding.evening_next_day": "数值不同，但一个来源记为某日晚间，另一个记为次日：收盘后公布的消息（公司公告、当晚的声明）"
                                    "以次日的日期发布和报道：{values}",
        "finding.distinct_days": "数值不同：同一来源的几个不同日期，不会因另一来源较模糊的日期而成为同一日期：{values}",
        "finding.vague_date": "数值不同，但 {dates}（几天前）不够精确，没有指明哪一天：{values}",
        "finding.left_out": "来源列出的成员不同：{members} 个成员中有 {left_out} 个被部分来源漏掉",
        "finding.transliterated": "{name} 的中文译名不同：{values}（各媒体的音译习惯，并非错别字）",
        "finding.incomplete": "有 {n} 个说法未比较：未说明{names}",
        "finding.one_value.not_compared": "数值相同但未比较：各来源的{names}不同",
        "finding.one_value.partly_compared": "数值相同但部分未比较：各来源的{names}不同",
        "finding.contexts": "数值不同，但针对的{about}不同",
        "finding.contexts_equal_apart": "数值不同，但针对的{about}不同；相同的数值对应的{same}不同",
        "finding.extreme_passed.high": "较早读取的当日最高值高于较晚读取的：当日最高值只会上升",
        "finding.extreme_passed.low": "较早读取的当日最低值低于较晚读取的：当日最低值只会下降",
        "finding.currency_differs": "数字相同但币种不同",
        "finding.period_differs": "同一个数字 {figure} 既被说成{one}的，又被说成{other}的：同一个数字不可能两者都是，"
                                  "有来源把期间写错了",
        "finding.subjects": "不同来源中同一数值对应不同主体（{first}、{second}）：未比较",
        "finding.copies": "{message}（{copies}：是否算作一个来源？）",
        "detail.pair": "{one} 与 {other}",
        "detail.slip": "{pair}：{why}",
        "detail.pair_rounded": "{pair}：四舍五入",
        "detail.pair_loose": "{pair}：写法不精确",
        "detail.own_apart": "{claim} 与同一来源自己的 {own}（第 {line} 行）不一致",
        "detail.said_twice": "{outlet} ({article}) 把同一句话分别写成 {first}（第 {first_line} 行）和 {second}"
                             "（第 {second_line} 行）：自相矛盾",
        "detail.title_against_body": "{outlet} ({article}) 标题写 {title}（第 {title_line} 行），正文却写 {body}"
                                     "（第 {body_line} 行），与另一来源相同：自相矛盾",
        "detail.lowered": "{lowered}而非{given}：{claim} {why}",
        "detail.compatible": "{claim} 与其他所有数值相容",
        "detail.compatible_own_also": "{claim} 与其他来源的所有数值相容；只有同一篇文章另给出 {own}",
        "detail.unstated": "{names}: {claims}",
        "detail.vague_date": "{dates}（几天前）不够精确，没有指明哪一天：与各日期并列显示，从不与之对比",
        "detail.vague_date_read": "{dates}（几天前，读作 {read}）不够精确，没有指明哪一天：与各日期并列显示，从不与之对比",
        "detail.named_by": "{member}：{naming} 提到；{silent} 未提到",
        "detail.one_member": "{sources} 只提到一个成员，且没有说只有这一个：不是漏掉其他成员的名单",
        "detail.one_member_each": "{sources} 各只提到一个成员，且没有说只有这一个：不是漏掉其他成员的名单",
        "detail.lacks": "{claim} 未说明{names}",
        "detail.fits_groups": "警告而非错误：{said}，且与每一组都不同",
        "detail.context_group": "{context}: {claims}",
        "detail.context_why": "{context}: {why}",
        "detail.extreme_passed.high": "{earlier} 高于较晚的 {later}",
        "detail.extreme_passed.low": "{earlier} 低于较晚的 {later}",
        "detail.currency_differs": "{one} 与 {other}：数字相同，币种 {currencies}",
        "detail.period_differs": "{one} 对应{one_time}，{other} 对应{other_time}",
        "detail.subject": "{value}: {subject} ({outlet}, {place})",
        "why.title_subject": "的主体取自标题",
        "why.no_line_item": "未写明规则所列的任何项目（metric 未知）",
        "why.lacks": "未说明{names}",
        "why.reads_publish_time": "的 {name} 取自发布时间 为推断",
        "why.reads": "的 {name} ({evidence}) 为推断",
        "why.two_clocks": "相差一天的两个日期可能是同一时刻（报道的来源分别以北京时间和当地时间记日期），而其中一个没有写明时区",
        "why.side_by_side": "两者都未说明{name}，而 {outlet} ({place}) 并列给出 {one} 与 {other}",
        # a leading space: the Chinese sets a source's name apart (数值不同，但 A 与 B 在…)
        "why.other_basis": " {one} 与 {other} 在双方都给出的 {n} 个 {item} 数字上全都不同（{figures}），无一一致："
                           "更可能是口径不同（如总额与归母），而非笔误",
        "why.side_taken": " {third} 与 {side} 一样给出 {value}，而 {side} 与 {other} 在双方都给出的 {n} 个 {item} 数字上"
                          "全都不同（{figures}），无一一致：更可能是口径不同（如总额与归母），而非笔误",
        "slip.sign_turned": "同一数值、正负相反：涨跌写反？",
        "slip.factor_apart": "相差 {power} 倍：小数点或单位（万/亿）写错？",
        "slip.digits_swapped": "相邻两位数字对调：打字错误？",
    },
}

# qualifier names as a reader says them (a rule's own qualifier names are shown as written)
QUALIFIER_NAMES = {
    "en": {},
    "zh": {"market": "市场", "session": "时段", "measure": "指标", "day": "日期", "contexts": "语境"},
}

# A claim's note and a qualifier's evidence are still written in English by the readers (kinds/*.py) and
# kept so in claims files; `note_text` says the few a reader of Chinese needs in Chinese, each pattern the
# whole text, and names the built-in qualifiers in any other (`market=HK` → `市场=HK`).
_NOTES_ZH: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(\S+) \(before dawn\) in Beijing time is still the previous day in the Americas"),
     lambda m: f"北京时间{m[1]}，在美洲仍是前一天"),
    (re.compile(r"(\S+) \(late night\) may already be the next day in Asia"),
     lambda m: f"{m[1]}（美洲时间），在亚洲可能已是第二天"),
    (re.compile(r"publish time \((.*)\)"), lambda m: f"发布时间（{m[1]}）"),
    (re.compile(r"publish time"), lambda m: "发布时间"),
]
_CONTEXT_KEY = re.compile(r"(?<![\w-])([a-z_]+)=(?=\S)")  # a qualifier as a note names it: `market=HK`


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


def said(lang: str, arg: Arg) -> str:
    """A message record (records.Message), or a value one names, in `lang`: its template filled with its
    values, each said in `lang` too. A bare string is a value as written (a figure, an outlet, a file)."""
    if isinstance(arg, Message):
        return MESSAGES[lang][arg.key].format(**{name: said(lang, value) for name, value in arg.args})
    if isinstance(arg, Listed):
        return MESSAGES[lang][arg.sep].join(said(lang, item) for item in arg.items)
    if isinstance(arg, Qualifier):
        return qualifier_name(lang, arg.name)
    if isinstance(arg, Pair):
        return said(lang, arg.message())
    return str(arg)


def note_text(lang: str, text: str) -> str:
    """A claim's note or a qualifier's evidence in `lang` (the readers write them in English)."""
    if lang == "en":
        return text
    for pattern, rewrite in _NOTES_ZH:
        match = pattern.fullmatch(text)
        if match:
            return rewrite(match)
    return _CONTEXT_KEY.sub(lambda m: qualifier_name(lang, m[1]) + "=", text)
