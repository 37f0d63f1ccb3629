"""What a number counts: its noun phrase, its clause, or a metric named earlier in the sentence.

The word lists are data (`patterns/figures_*.jsonl`). A number is kept only when the words
it attaches to name a workforce metric; a distractor noun ("children", "years", "£") or an
unknown noun right after it drops it, so keywords elsewhere in the sentence never decide.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract.numbers import Quantity, parse_number

_FLAGS = re.IGNORECASE
# How far back a metric named earlier in the sentence may stand from its number.
_NAME_REACH = 140
# A name further than this from its number is not part of the figure's `text`.
_TEXT_REACH = 120


@dataclass(frozen=True, slots=True)
class Entry:
    metric: str
    unit: str | None


@dataclass(frozen=True, slots=True)
class Reading:
    """What a quantity counts, and the character span (sentence-relative) of its phrase."""

    metric: str
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    value_from: float | None = None


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("extract").joinpath(f"patterns/{name}").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _spaced(pattern: str) -> str:
    """Data patterns write one space; articles have runs of spaces and hard line breaks."""
    return pattern.replace(" ", r"\s+")


@lru_cache(maxsize=1)
def _lexicon(name: str) -> tuple[re.Pattern[str], tuple[Entry, ...]]:
    rows = _rows(name)
    alternation = "|".join(
        rf"(?P<h{i}>\b{_spaced(r['pattern'])}\b)" for i, r in enumerate(rows)
    )
    entries = tuple(Entry(r["metric"], r.get("unit")) for r in rows)
    return re.compile(alternation, _FLAGS), entries


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    rows = _rows("figures_cues.jsonl")
    return {r["kind"]: re.compile(_spaced(r["pattern"]), _FLAGS) for r in rows}


@lru_cache(maxsize=1)
def _head_regex() -> re.Pattern[str]:
    heads, _ = _lexicon("figures_heads.jsonl")
    stop = _cues()["stop"].pattern
    # A modifier word never ends in a bare "s": that keeps verbs ("includes") and other
    # plural nouns out of the noun phrase, while "children's" still qualifies.
    modifier = rf"(?:(?!(?:{stop})\b)[\w’'-]*(?:[^\Ws]|[’']s)[\s-]+)"
    return re.compile(
        rf"(?P<of>[\s-]*of\s+(?:the|our|its|their|these|all|all\s+the|those)?\s*)?"
        rf"[\s-]*(?P<mods>{modifier}{{0,3}}?)(?P<head>{heads.pattern})\b",
        _FLAGS,
    )


@lru_cache(maxsize=1)
def _tail_regex() -> re.Pattern[str]:
    return re.compile(
        r"(?:\s+(?:each|apiece|per\s+(?:qualified\s+)?(?:social\s+)?(?:worker|practitioner"
        r"|manager|team)s?|(?:a|per|each)\s+year|per\s+annum|annually"
        r"|(?:in|over)\s+(?:just\s+|only\s+|the\s+(?:last|past)\s+)?(?:[\w-]+\s+)?"
        r"(?:years?|months?)))+",
        _FLAGS,
    )


@lru_cache(maxsize=1)
def _change_suffix() -> re.Pattern[str]:
    return re.compile(
        r",?\s*\(?(?:(?P<dir>down|up)\s+)?from\s+(?P<num>\d[\d,]*(?:\.\d+)?|[a-z-]+)"
        r"(?:\s?(?:%|(?:per\s?cent|percent|pc)\b))?",
        _FLAGS,
    )


def _entry(match: re.Match[str], name: str) -> Entry:
    _, entries = _lexicon(name)
    for i, entry in enumerate(entries):
        if match.group(f"h{i}") is not None:
            return entry
    raise LookupError(match.group(0))


def _looks_like_distractor(sentence: str, quantity: Quantity, lstart: int) -> bool:
    """Years, phone-number groups and numbers led by a date, page or money word."""
    raw = sentence[lstart:quantity.end]
    bare = re.fullmatch(r"\d{4}", raw.strip())
    if bare and quantity.unit is None and 1900 <= int(bare.group()) <= 2100:
        return True
    if re.search(r"\d[\s-]$", sentence[:lstart]) or re.match(r"[\s-]\d", sentence[quantity.end:]):
        return quantity.unit is None
    return bool(_cues()["distractor_left"].search(sentence[max(0, lstart - 30):lstart]))


def _refine(entry: Entry, words: str, left: str, right: str, quantity: Quantity) -> Entry:
    """Modifiers and clause verbs move a count between staff, recruits, agency and other."""
    cues = _cues()
    metric = entry.metric
    if metric in {"staff_count", "recruits", "people"}:
        if cues["agency_modifier"].search(words):
            return Entry("agency_staff", entry.unit)
        if cues["vacancy_modifier"].search(words):
            return Entry("vacancy_rate", "posts")
        if quantity.unit:  # a share of staff: what kind of staff, said on either side
            return _share_of_staff(words + " " + right[:60] + " " + left[-60:], entry)
        recruiting = (cues["recruit_modifier"].search(words)
                      or cues["recruit_left"].search(left[-50:])
                      or cues["recruit_right"].match(right.lstrip()))
        if recruiting:
            return Entry("recruits", entry.unit)
        if metric == "people":
            return Entry("distractor", None)
    return entry


def _share_of_staff(clause: str, entry: Entry) -> Entry:
    cues = _cues()
    if cues["agency_modifier"].search(clause):
        return Entry("agency_staff", entry.unit)
    if cues["vacancy_modifier"].search(clause):
        return Entry("vacancy_rate", entry.unit)
    return Entry("other", entry.unit)


def _qualifier(quantity: Quantity, words: str, left: str) -> str | None:
    if quantity.qualifier:
        return quantity.qualifier
    if _cues()["average_modifier"].search(words):
        return "average"
    if _cues()["target_left"].search(left[-40:]):
        return "target"
    return None


def _unit(quantity: Quantity, entry: Entry, phrase: str) -> str | None:
    if quantity.unit:
        return quantity.unit
    if entry.metric == "caseload":
        return "cases per manager" if re.search(r"manager", phrase, _FLAGS) else entry.unit
    return entry.unit


def _from_head(sentence: str, quantity: Quantity, lstart: int) -> Reading | None:
    right = sentence[quantity.end:]
    match = _head_regex().match(right)
    if match is None:
        return None
    entry = _entry(match, "figures_heads.jsonl")
    words = (match["mods"] or "") + match["head"]
    after = right[match.end():]
    entry = _refine(entry, words, sentence[:lstart], after, quantity)
    if entry.metric == "distractor":
        return Reading("distractor", None, None, 0, 0)
    end = quantity.end + match.end()
    tail = _tail_regex().match(sentence, end)
    end = tail.end() if tail else end
    unit = _unit(quantity, entry, words + sentence[quantity.end + match.end():end])
    return Reading(entry.metric, unit, _qualifier(quantity, words, sentence[:lstart]),
                   lstart, end)


def _from_name(sentence: str, quantity: Quantity, lstart: int) -> Reading | None:
    names, _ = _lexicon("figures_names.jsonl")
    window_start = max(0, lstart - _NAME_REACH)
    last = None
    for match in names.finditer(sentence, window_start, lstart):
        last = match
    if last is None:
        return None
    entry = _entry(last, "figures_names.jsonl")
    if entry.metric == "distractor":
        return None
    start = last.start() if lstart - last.start() <= _TEXT_REACH else lstart
    tail = _tail_regex().match(sentence, quantity.end)
    end = tail.end() if tail else quantity.end
    qualifier = _qualifier(quantity, last.group(0), sentence[:lstart])
    return Reading(entry.metric, _unit(quantity, entry, last.group(0)), qualifier, start, end)


def read_quantity(sentence: str, quantity: Quantity) -> Reading | None:
    """Decide what `quantity` (offsets relative to `sentence`) counts; None if not a figure."""
    lstart = quantity.start
    if _looks_like_distractor(sentence, quantity, lstart):
        return None
    reading = _from_head(sentence, quantity, lstart)
    if reading is not None:
        reading = None if reading.metric == "distractor" else reading
        return _with_change(sentence, quantity, reading)
    following = re.match(r"[\s-]*([\w’'-]+)", sentence[quantity.end:])
    if following and not _cues()["stop"].fullmatch(following.group(1)):
        return None  # an unknown noun: the number counts something else
    return _with_change(sentence, quantity, _from_name(sentence, quantity, lstart))


def _with_change(sentence: str, quantity: Quantity, reading: Reading | None) -> Reading | None:
    """'22 cases, down from 30' gives the earlier value and a direction."""
    if reading is None or quantity.value_from is not None:
        return reading
    match = _change_suffix().match(sentence, reading.end)
    if match is None:
        return reading
    earlier = parse_number(match["num"].rstrip(".,"))
    if earlier is None:
        return reading
    direction = match["dir"].lower() if match["dir"] else None
    if direction is None and quantity.value is not None:
        direction = "down" if quantity.value < earlier else "up"
    return Reading(reading.metric, reading.unit, reading.qualifier or direction,
                   reading.start, match.end(), value_from=earlier)
