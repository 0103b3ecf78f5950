"""From a candidate to a rule file an editor can read, edit and run.

For each accepted candidate: a `number` rule (percentages, money,
percentage points), a `count` rule (counts with their measure word; bare
numbers with `bare: true`), a `duration` rule (counts of units of time: 逾4年
and 四个月 compare in days) or a `date` rule, with

- `cue`: the words right before the values as the articles wrote them,
  in both scripts, and a `window` wide enough for every source's phrasing;
- `subjects`: the candidate's subject, declared in `entities.yaml` beside
  the rules (aliases in both scripts, stock codes) — left out when no draft
  naming it finds the values again (then every claim of the cue is compared);
- number rules read the shipped qualifiers (period, year, basis, measure) and
  the line items the sources named (`metric:`) when the shipped words know them;
- `context`: the other qualifiers the sources stated, with the words that
  signalled them;
- `examples`: one evidence sentence and what the rule reads from it.

Each draft is tried with the check's own extraction before it is written: a
draft is kept only when it finds the candidate's values in two articles again
(read whole, as a check reads them), and only when its example still holds
with every entity the written folder declares.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from factcheck.discover.names import to_traditional
from factcheck.discover.values import EVENT_VERBS, PEOPLE, TOLD_VERBS, comparable, is_milestone
from factcheck.files import write_atomically
from factcheck.normalize.quantities import CHANGE_LEAD_EN
from factcheck.normalize.variants import to_simplified
from factcheck.normalize.words import ZH

VALUE_KINDS = {"%": "percent", "%change": "percent", "pp": "pp", "money": "money", "money-change": "money"}
UP = ["增长", "上涨", "上升", "增加", "提高", "攀升", "飙升", "收涨", "大涨", "涨", "升", "增"]
DOWN = ["下降", "下跌", "减少", "下滑", "回落", "收跌", "大跌", "跌", "降", "减"]
IGNORED = ("day", "item", "accounting")  # a list's order is discover's own reading: no words a check could cue on;
# accounting is a shipped qualifier (BUILTIN_QUALIFIERS), read with the check's own words


def write_rules(folder: Path, candidates: list[dict[str, Any]], entities: dict[str, list[dict[str, Any]]],
                published: dict[str, str] | None = None) -> int:
    """Write one rule file per candidate that can be drafted, and entities.yaml; the number written.

    Drafts are tried first with their story's entities, then once more with every entity the
    written file declares (in its order: where two entities share an alias the first wins), so
    each written example holds under `rules check` however many stories share the folder."""
    drafts: list[tuple[str, dict[str, Any], dict[str, dict[str, Any]]]] = []
    for candidate in candidates:
        story_entities = {e["id"]: e for e in entities.get(candidate["story"], [])}
        draft = draft_rule(candidate, story_entities, published or {})
        if draft is not None:
            rule, needs = draft
            drafts.append((candidate["id"], rule, {e["id"]: e for e in needs}))
    while True:
        used = {k: v for _, _, needs in drafts for k, v in needs.items()}
        declared = [used[k] for k in sorted(used)]
        holding = [d for d in drafts if _holds(d[1], declared)]
        if len(holding) == len(drafts):
            break
        drafts = holding
    folder.mkdir(parents=True, exist_ok=True)
    for candidate_id, rule, _ in drafts:
        write_atomically(folder / f"{candidate_id.lower()}.yaml", [_dump(rule)])
    if used:
        write_atomically(folder / "entities.yaml", [_dump({
            "kind": "entities", "description": "Entities named by the drafted rules (found by factcheck discover)",
            "entities": declared})])
    return len(drafts)


def _holds(rule: dict[str, Any], declared: list[dict[str, Any]]) -> bool:
    """Whether the rule's example reads as it expects with the written entities."""
    from factcheck.discover.adapter import example_holds

    return example_holds(rule, declared, rule["examples"][0])


def _scoped(story: str, entity_id: str) -> str:
    return f"{story}-{entity_id}"


def draft_rule(candidate: dict[str, Any], entities: dict[str, dict[str, Any]],
               published: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The rule for a candidate, and the entities it declares (as written); None when no rule kind fits or no draft re-finds it."""
    family = candidate["family"]
    kind = _kind(family)
    if kind is None:
        return None
    claims = candidate["claims"]
    if kind == "set":
        return _draft_set(candidate, entities, published)
    if kind == "status":
        return _draft_post(candidate, entities, published)
    if all(is_milestone(c["value"]["raw"]) for c in claims):
        return _draft_milestone(candidate, entities, published)
    cues = _cues(claims, family)
    if not cues:
        return None
    subject = candidate["subject"]
    base: dict[str, Any] = {
        "kind": kind,
        "description": f"{candidate['subject_name']} {candidate['metric']} ({family}): drafted by factcheck discover "
                       f"from {candidate['sources']} sources ({candidate['id']})",
        "level": "warning",
    }
    if kind == "number":
        base["value"] = VALUE_KINDS[family]
    elif kind == "count":  # 7000家, 超30倍: the measure word; a bare 4.3亿 is counted in the metric's name
        unit = family.removeprefix("count:") if family.startswith("count:") else candidate["metric"]
        words = PEOPLE if unit == PEOPLE[0] else (unit,)
        base["units"] = list(dict.fromkeys(spelling for word in words for spelling in (word, to_traditional(word))))
        if family == "number":
            base["bare"] = True
    base["cue"] = cues
    if kind != "date":
        base["window"] = _window(claims, cues)
    if family in ("%change", "money-change"):
        base["sign"] = {"up": [w for w in UP if any(w in c for c in cues)] + [c for c in cues if c.lower() in ZH.up_words_en]
                        or ["涨"],
                        "down": [w for w in DOWN if any(w in c for c in cues)] + [c for c in cues if c.lower() in ZH.down_words_en]
                        or ["跌"]}
    context = _context(claims)
    if context:
        base["context"] = context
    variants = [_with_builtins(base, claims), base] if kind == "number" else [base]
    attempts = []
    if subject in entities:  # also when inferred: the check infers subjects from earlier sentences too
        attempts += [dict(v, subjects=[_scoped(candidate["story"], subject)]) for v in variants]
    attempts += variants  # without subjects a rule compares every claim of its cue (the story is the subject)
    rule_entities = [_entity(candidate["story"], entities[e]) for e in sorted(entities)]  # as written
    # declared even for a rule without subjects: a check reads a value after an undeclared
    # name (百度(09888)…报93.8港元) as someone else's, after a declared one as the story's
    return _best(attempts, rule_entities, claims, published)


def _best(attempts: list[dict[str, Any]], entities: list[dict[str, Any]], claims: list[dict[str, Any]],
          published: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The first attempt that re-finds the candidate's values in the most articles (two at least).

    A draft naming the subject may find two of three sources, and miss the one whose sentence
    names another (峰会计划于2月9日至12日在法国巴黎召开: 法国, not the summit): the draft without
    subjects that finds all three is the one that finds the candidate again."""
    best: tuple[int, dict[str, Any], dict[str, Any]] | None = None
    for rule in attempts:
        example, found = _tried(rule, entities, claims, published)
        if example is not None and (best is None or found > best[0]):
            best = (found, rule, example)
    return None if best is None else (dict(best[1], examples=[best[2]]), entities)


BUILTIN_QUALIFIERS = ["period", "year", "basis", "measure", "accounting"]


def _with_builtins(base: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The number draft reading the shipped qualifiers (Q4 vs full year, forecast vs actual,
    同比 vs 环比) instead of its own words for them, and `metric:` when the sources named a
    line item the shipped words know (净利润, 纯利 → net-profit)."""
    from factcheck.kinds.qualifiers import builtin_words

    known = {w for ws in builtin_words()["metric"].values() for w in ws}
    metric = sorted({w for c in claims for w in (c["phrase"], to_traditional(c["phrase"])) if w in known})
    rule = dict(base, qualifiers=BUILTIN_QUALIFIERS, **({"metric": metric} if metric else {}))
    context = {name: values for name, values in base.get("context", {}).items() if name not in BUILTIN_QUALIFIERS}
    rule.pop("context", None)
    if context:
        rule["context"] = context
    return rule


def _kind(family: str) -> str | None:
    """The rule kind that reads a candidate's values: number, count, duration or date; None for none."""
    if family in VALUE_KINDS:
        return "number"
    if comparable(family) == "duration":  # 逾4年 / 四个月: a rule's unit words name one unit; durations are days
        return "duration"
    if family.startswith("count:") or family == "number":
        return "count"
    return {"date": "date", "set": "set", "post": "status"}.get(family)


def _draft_set(candidate: dict[str, Any], entities: dict[str, dict[str, Any]],
               published: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A `set` rule for lists of quoted names: each name an entity (a story's own when it already
    names one, else a new one), `members` those names only (a sentence names others too), and the
    words every list's sentence holds beside the list as its trigger.

    “张兰·俏生活”、“张兰之箖玥甄选”、“汪小菲”予以无限期封禁 / “张兰·俏生活”“张兰之箖玥精选”“汪小菲”将被“无限期封禁”:
    trigger 无限期封禁, members the four names, so the second spelling is an omission of the first."""
    claims = candidate["claims"]
    trigger = _set_trigger(claims)
    if not trigger:
        return None
    story = candidate["story"]
    by_alias = {to_simplified(a): key for key, e in sorted(entities.items()) for a in e["aliases"]}
    members: dict[str, str] = {}  # simplified name → entity key in `entities` (extended with new names)
    entities = dict(entities)
    for claim in claims:
        for name, raw in zip(claim["value"]["names"], _quoted_names(claim["value"]["raw"]), strict=False):
            if name in members:
                continue
            key = by_alias.get(name) or _member_key(name)
            if key not in entities:
                entities[key] = {"id": key, "name": name, "aliases": sorted({name, raw, to_traditional(name)})}
            members[name] = key
    rule: dict[str, Any] = {
        "kind": "set",
        "description": f"{candidate['metric'] or 'list'} (set): drafted by factcheck discover from "
                       f"{candidate['sources']} sources ({candidate['id']})",
        "level": "warning",
        "trigger": trigger,
        "scope": "sentence",
        "members": sorted({_scoped(story, k) for k in members.values()}),
    }
    rule_entities = [_entity(story, entities[e]) for e in sorted(entities)]
    example = _example(rule, rule_entities, claims, published)
    if example is None:
        return None
    return dict(rule, examples=[example]), rule_entities


def _draft_milestone(candidate: dict[str, Any], entities: dict[str, dict[str, Any]],
                     published: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A `status` rule for milestones written with no digit, one state per size crossed: a check
    reads no number in 市值破万亿 or 破百亿, but it reads which of two states a source names, and two
    states of one day disagree (docs/rules.md, `status` rules)."""
    states: dict[str, set[str]] = {}
    for claim in candidate["claims"]:
        raw = claim["value"]["raw"]
        states.setdefault(_scale(raw), set()).update({raw, to_traditional(raw)})
    if len(states) < 2:
        return None  # one state is no status rule: nothing to disagree with
    rule: dict[str, Any] = {
        "kind": "status",
        "description": f"{candidate['subject_name']} {candidate['metric']} (milestone): drafted by factcheck "
                       f"discover from {candidate['sources']} sources ({candidate['id']})",
        "level": "warning",
        "states": {label: sorted(words, key=lambda w: (-len(w), w)) for label, words in sorted(states.items())},
    }
    story = candidate["story"]
    rule_entities = [_entity(story, entities[e]) for e in sorted(entities)]
    attempts = ([dict(rule, subjects=[_scoped(story, candidate["subject"])])] if candidate["subject"] in entities
                else []) + [rule]
    return _best(attempts, rule_entities, candidate["claims"], published)


def _draft_post(candidate: dict[str, Any], entities: dict[str, dict[str, Any]],
                published: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A `status` rule for a person's post, one state per post as the sources wrote it, about the
    holder (a story's entity, or a new one for a person: 李亮, Rafael Sotomayor). A post written
    inside another (副总裁 in 执行副总裁) is not read there: the other post's words around it are
    excluded, so each sentence names one state."""
    states: dict[str, set[str]] = {}
    for claim in candidate["claims"]:
        raw = to_simplified(claim["value"]["raw"])
        states.setdefault(claim["value"]["label"], set()).update({raw, to_traditional(raw)})
    if len(states) < 2:
        return None  # one state is no status rule: nothing to disagree with
    story, holder = candidate["story"], candidate["subject"]
    entities = dict(entities)
    if holder not in entities:
        key = _member_key(holder)
        entities[key] = {"id": key, "name": holder, "aliases": sorted({holder, to_traditional(holder)})}
        holder = key
    every = {word for words in states.values() for word in words}
    rule: dict[str, Any] = {
        "kind": "status",
        "description": f"{candidate['subject_name']} {candidate['metric']} (post): drafted by factcheck discover "
                       f"from {candidate['sources']} sources ({candidate['id']})",
        "level": "warning",
        "states": {label: _state_words(sorted(words, key=lambda w: (-len(w), w)), every)
                   for label, words in sorted(states.items())},
        "subjects": [_scoped(story, holder)],
    }
    rule_entities = [_entity(story, entities[e]) for e in sorted(entities)]
    return _best([rule], rule_entities, candidate["claims"], published)


def _state_words(words: list[str], every: set[str]) -> list[str] | str:
    """The words of one state: as a list, or one regex when a word stands inside another state's."""
    regexes = [_alone(w, every) for w in words]
    return words if regexes == [re.escape(w) for w in words] else "|".join(regexes)


def _alone(word: str, every: set[str]) -> str:
    """A regex for `word` that does not match inside a longer word of `every` (副总裁 in 执行副总裁)."""
    regex = re.escape(word)
    for other in sorted(every):
        at = other.find(word)
        if other == word or at < 0:
            continue
        before, after = other[:at], other[at + len(word):]
        regex = (f"(?<!{re.escape(before)})" if before else "") + regex + (f"(?!{re.escape(after)})" if after else "")
    return regex


def _scale(raw: str) -> str:
    """The size a milestone crosses, as a state label: 破万亿 → 万亿, 升穿萬億元 → 万亿."""
    return re.sub(r"^(?:突破|超过|破|超|逾|升穿)|(?:元|美元|港元)$", "", to_simplified(raw))


def _member_key(name: str) -> str:
    """An entity id for a listed name: the same name gives the same id in every draft of a folder."""
    import hashlib

    return "n" + hashlib.sha1(name.encode()).hexdigest()[:8]


_QUOTED_NAME = re.compile(r"[“「](?P<name>[^“”「」]+)[”」]")


def _quoted_names(raw: str) -> list[str]:
    """The names of a quoted list as written, in the order of the list's sorted simplified names."""
    written = {to_simplified(m.group("name").strip()): m.group("name").strip() for m in _QUOTED_NAME.finditer(raw)}
    return [written[name] for name in sorted(written)]


def _set_trigger(claims: list[dict[str, Any]]) -> list[str]:
    """The longest words (two characters or more) that stand beside the list in the sentences of two
    or more articles, outside every quoted name: what the sources say the names were."""
    beside: dict[str, str] = {}  # article → its sentence's words outside the lists' quotes
    for claim in claims:
        text = to_simplified(claim["sentence"])
        beside.setdefault(claim["article"], "")
        beside[claim["article"]] += "|" + "|".join(_NON_TRIGGER.split(_QUOTED_NAME.sub("|", text)))
    texts = [t for _, t in sorted(beside.items())]
    shared: dict[str, int] = {}
    for text in texts:
        for run in set(text.split("|")):
            for size in range(2, min(len(run), 8) + 1):
                for at in range(len(run) - size + 1):
                    word = run[at:at + size]
                    if word not in shared:
                        shared[word] = sum(word in t for t in texts)
    found = [(count, len(word), word) for word, count in shared.items() if count >= 2]
    if not found:
        return []
    best = min(found, key=lambda f: (-f[0], -f[1], f[2]))[2]
    return sorted({best, to_traditional(best)}, key=lambda w: (-len(w), w))


_NON_TRIGGER = re.compile(r"[^\u4e00-\u9fff]+")


def _entity(story: str, entity: dict[str, Any]) -> dict[str, Any]:
    return {"id": _scoped(story, entity["id"]), "name": entity["name"], "aliases": entity["aliases"]}


_SPLIT = re.compile(r"[，,：:；;（）()]")
# the first verb of an event or of making something known after a day that opens its sentence
_EVENT_VERB = re.compile("|".join(sorted(map(re.escape, (*EVENT_VERBS, *TOLD_VERBS)), key=len, reverse=True)))


def _cues(claims: list[dict[str, Any]], family: str) -> list[str]:
    """The words right before each value, as written: the metric phrase's tail, else the clause's last word."""
    words: set[str] = set()
    for claim in claims:
        sentence, (start, _) = claim["sentence"], claim["span"]
        clause = _SPLIT.split(sentence[:start])[-1]
        phrase = claim["phrase"]
        if family == "date" and phrase and phrase in sentence[claim["span"][1]:]:
            words.add(phrase)  # 2月6日晚间，荣昌生物披露称: the event word after the day is a date rule's cue
            continue
        if family == "date" and not phrase:
            verb = _event_word(sentence, claim["span"][1])
            if verb:  # 2月10日，喜茶发布…: a date rule reads the day of the clause before its cue
                words.add(verb)
                continue
        english = CHANGE_LEAD_EN.search(sentence, max(0, start - 16), start) if family in ("%change", "pp") else None
        if english:  # Shares sank 10%: an English change is cued by its verb, which signs it (see draft_rule)
            words.add(english.group("verb"))
            continue
        # an English phrase is cued by its whole last word (revenue), a Chinese one by its tail (股价)
        tail = phrase if phrase.isascii() else phrase[-3:] if len(phrase) >= 3 else phrase
        at = to_simplified(clause).rfind(tail) if tail else -1
        if at >= 0 and len(tail) >= 2:
            words.add(clause[at:at + len(tail)])
        else:  # the last word before the value: two characters, or the one a short clause has (报, 收)
            lead = re.findall(r"[\u4e00-\u9fff]{1,2}", clause)
            if lead:
                words.add(lead[-1])
    spelled = set()
    for word in words:
        spelled.update({word, to_traditional(word)})
    return sorted(spelled, key=lambda w: (-len(w), w))


_CLAUSE_END = re.compile(r"[，,：:；;（）()。！？!?]")
_DONE = re.compile(r"([\u4e00-\u9fff]{2})了")  # 官宣了: a word before 了 is the action done
_MARK = re.compile(r"(?:讯|电|消息)$")  # a dateline's mark is no event's word (kinds/dateline)


def _event_word(sentence: str, after: int) -> str:
    """The event's word for a day with no metric phrase, where a check dates it by that day: in the
    day's clause or the one after it (a cue's date is in its clause, else the clause just before).

    A listed verb first (2月10日，喜茶发布…); else the word before 了 (…正式官宣了送外卖的消息); else
    the clause's last word (2025年2月9日，公司接到…通知 · 2月11日，…京东黑板报官宣): a day no cue
    reaches in some source is never compared there, so every source needs a word of its own."""
    clauses = _CLAUSE_END.split(sentence[after:], maxsplit=2)
    for clause in clauses[:2]:
        verb = _EVENT_VERB.search(to_simplified(clause))
        if verb:
            return clause[verb.start():verb.end()]
    for clause in clauses[:2]:
        done = _DONE.search(clause)
        if done:
            return done.group(1)
    for clause in clauses[:2]:
        last = re.findall(r"[\u4e00-\u9fff]{2}$", clause.strip())
        if last and not _MARK.search(last[0]):
            return last[0]
    return ""


def _window(claims: list[dict[str, Any]], cues: list[str]) -> int:
    widest = 0
    for claim in claims:
        sentence, (start, _) = claim["sentence"], claim["span"]
        ends = [sentence.rfind(cue, 0, start) + len(cue) for cue in cues if sentence.rfind(cue, 0, start) >= 0]
        if ends:
            widest = max(widest, start - max(ends))
    return min(40, widest + 2)


def _context(claims: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    context: dict[str, dict[str, set[str]]] = {}
    for claim in claims:
        for qualifier in claim["context"]:
            if qualifier["name"] in IGNORED:
                continue
            words = context.setdefault(qualifier["name"], {}).setdefault(qualifier["value"], set())
            words.update({qualifier["evidence"], to_traditional(qualifier["evidence"])})
    # a word may signal one value only
    result: dict[str, dict[str, list[str]]] = {}
    for name, values in sorted(context.items()):
        seen: set[str] = set()
        result[name] = {}
        for value, words in sorted(values.items()):
            kept = sorted(w for w in words if w not in seen)
            seen.update(kept)
            if kept:
                result[name][value] = kept
        if not result[name]:
            del result[name]
    return result


def _example(rule: dict[str, Any], entities: list[dict[str, Any]], claims: list[dict[str, Any]],
             published: dict[str, str]) -> dict[str, Any] | None:
    """An example from the evidence that the rule reads as the candidate did, if the rule
    re-finds the candidate's values in two articles; else None."""
    return _tried(rule, entities, claims, published)[0]


def _tried(rule: dict[str, Any], entities: list[dict[str, Any]], claims: list[dict[str, Any]],
           published: dict[str, str]) -> tuple[dict[str, Any] | None, int]:
    """_example, and the number of articles in which the rule re-finds the candidate's values."""
    from factcheck.discover.adapter import example_holds, find_with_rule, read_with_rule

    found_in: set[str] = set()
    example = None
    in_article: dict[str, list[tuple[int, str, str, str]]] = {}
    for claim in claims:
        when = published.get(claim["article"], "")
        read = read_with_rule(rule, entities, claim["sentence"], when)
        match = next((r for r in read if _same(claim, r[0], r[1])), None)
        if match is None:  # the sentence alone may not name its subject; the article before it does
            if claim["article"] not in in_article:
                in_article[claim["article"]] = find_with_rule(rule, entities, claim["article"])
            if any(line == claim["line"] and _same(claim, shown, raw)
                   for line, shown, raw, _ in in_article[claim["article"]]):
                found_in.add(claim["article"])
            continue
        found_in.add(claim["article"])
        if example is None and read[0] == match:
            expect = {"value": match[0]}
            if "subjects" in rule:
                expect["subject"] = match[2]
            tried = {"text": claim["sentence"], **({"published": when} if when else {}), "expect": expect}
            if example_holds(rule, entities, tried):  # a sentence giving two H-share counts cannot be the example
                example = tried
    return (example if example is not None and len(found_in) >= 2 else None), len(found_in)


def _same(claim: dict[str, Any], shown: str, raw: str) -> bool:
    """Whether a check's reading (its value as shown, and as written) is the candidate's claim:
    the same digits, or for a list the same names."""
    if claim["value"].get("type") == "set":
        return set(shown.strip("{}").split(", ")) == set(claim["value"]["names"])
    if claim["value"].get("type") == "quantity" and is_milestone(claim["value"]["raw"]):  # read by a status rule
        return shown == _scale(claim["value"]["raw"])
    if claim["value"].get("type") == "status":  # a post: the state whose words are the post as written
        return to_simplified(raw) == to_simplified(claim["value"]["raw"])
    return _digits(raw) == _digits(claim["value"]["raw"])


def _digits(raw: str) -> str:
    return re.sub(r"[^\d.]", "", raw)


class _Dumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1, but factcheck reads YAML 1.2's core schema: a stock code
    such as `01896` is a 1.1 string left unquoted that 1.2 reads as the integer 1896."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    from factcheck.safe_yaml import load

    plain = dumper.represent_str(text)
    if plain.style is None and text:
        try:
            read, _ = load(f"- {text}\n", "draft")
        except Exception:  # anything the reader would refuse plain is written quoted
            read = None
        if read != [text]:
            plain.style = "'"
    return plain


_Dumper.add_representer(str, _represent_text)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
