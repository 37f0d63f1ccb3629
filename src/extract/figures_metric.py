"""What a number counts: its noun phrase, its clause, or a metric named earlier in the sentence.

The word lists are data (`patterns/figures_*.jsonl`). A number is kept only when the words
it attaches to name a workforce metric; a distractor noun ("children", "years", "£") or an
unknown noun right after it drops it, so keywords elsewhere in the sentence never decide.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import figures_context as ctx
from extract.doctext import folds_as_lower
from extract.figures_clauses import carried
from extract.figures_literals import end_literals
from extract.figures_nouns import head_at, head_match, lexicon_source, next_head
from extract.figures_refine import Entry, Reading, lower_cues, refine
from extract.figures_starts import name_ending_at, names_in
from extract.numbers import Quantity, parse_number

_FLAGS = re.IGNORECASE
# How far back a metric named earlier in the sentence may stand from its number.
_NAME_REACH = 200
# A name further than this from its number is not part of the figure's `text`.
_TEXT_REACH = 120


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
    _, entries = lexicon_source(name)
    # A lexicon's entry group "h<i>" is the last group its regexes close, and only one
    # takes part in a match; else (any other regex) every entry is asked in turn.
    last = match.lastgroup
    if last and last[0] == "h" and last[1:].isdigit() and match.group(last) is not None:
        return entries[int(last[1:])]
    for i, entry in enumerate(entries):
        if match.group(f"h{i}") is not None:
            return entry
    raise LookupError(match.group(0))


_ONE = re.compile(r"one", _FLAGS)
_OF = re.compile(r"\s+of\b")
_FOLLOWING = re.compile(r"(?:\s*|-)([\w’'][\w’'-]*)")
# (compiled once: `re.search` with a source looks it up in the module cache per call)
_MANAGER = re.compile(r"manager", _FLAGS)
_AND = re.compile(r"\band\b|&")
_NUMBER_BEFORE = re.compile(r"\d\s+$")
_OPEN = re.compile(r"\bopen$", _FLAGS)


def _qualifier(quantity: Quantity, words: str, left: str) -> str | None:
    if quantity.qualifier:
        return quantity.qualifier
    if lower_cues()["average_modifier"].search(words):
        return "average"
    if lower_cues()["target_left"].search(left[-40:]):
        return "target"
    return None


def _unit(quantity: Quantity, entry: Entry, phrase: str) -> str | None:
    if quantity.unit:
        return quantity.unit
    if entry.metric == "caseload":
        return "cases per manager" if _MANAGER.search(phrase) else entry.unit
    return entry.unit


def _from_head(sentence: str, quantity: Quantity, lstart: int) -> Reading | None:
    right = sentence[quantity.end:]
    found = head_match(sentence, quantity, lstart)
    match, own_end = found if found else (None, None)
    if match is None or (match["whole"] and quantity.unit):
        return None  # "78 per cent of our 400 staff": a share of a whole is no count
    # In a compound ("social worker positions") the last noun heads the phrase.
    while (compound := next_head(match)) is not None:
        match = _merge(match, compound)
    entry = _entry(match, "figures_heads.jsonl")
    if entry.metric == "share_only":  # "78 per cent of the team", never "one team"
        entry = Entry("staff_count", entry.unit) if quantity.unit and match["of"] \
            else Entry("distractor", None)
    if entry.metric == "caseload_if_named":
        entry = _caseload_if_named(sentence, lstart, entry)
    mods = right[match.start("mods"):match.end("mods")]  # (the match may be on lowered text)
    if entry.metric in {"turnover", "vacancy_rate"} and _AND.search(mods):
        return None  # "from 22% to 6% and brought staff turnover": a new clause's noun
    words = right[match.start():match.end()]
    # after "of whom 142 were social workers" the rest of the clause describes the noun
    after = "" if match.start() else right[match.end():]
    entry = refine(entry, words, sentence[:lstart], after, quantity)
    if entry.metric == "distractor":
        return Reading("distractor", None, None, 0, 0)
    end = quantity.end + (match.end() if own_end is None else own_end)
    tail = _tail_regex().match(sentence, end)
    end = tail.end() if tail else end
    # "grown the team from 41 to 63 workers in three years" is a change, not one
    # family's count of the workers it met
    if entry.metric == "staff_count" and quantity.value_from is None and ctx.is_personal_count(
            words, sentence[:lstart], sentence[quantity.end + match.end():end + 30]):
        return Reading("distractor", None, None, 0, 0)
    unit = _unit(quantity, entry, words + sentence[quantity.end + match.end():end])
    return Reading(entry.metric, unit, _qualifier(quantity, words, sentence[:lstart]),
                   lstart, end)


def _caseload_if_named(sentence: str, lstart: int, entry: Entry) -> Entry:
    """'caseloads of 17 families, above the 12 families recommended': children or
    families count cases only where the sentence has named a caseload before them, or
    a worker is said to carry them ('a new caseworker might be carrying 22 families')."""
    if lower_cues()["carry_left"].search(sentence[max(0, lstart - 80):lstart]):
        return Entry("caseload", entry.unit)
    named = _nearest_name(sentence, lstart)
    if named is not None and _entry(named, "figures_names.jsonl").metric == "caseload":
        return Entry("caseload", entry.unit)
    return Entry("distractor", None)


# A relative clause set off by commas is an aside: the main clause's number is not about
# the words inside it.
_ASIDE = re.compile(r",\s*(?:which|who|where|whose)\b[^,.;:]*,")


def _nearest_name(sentence: str, lstart: int) -> re.Match[str] | None:
    last = None
    low = max(0, lstart - _NAME_REACH)
    asides = [m.span() for m in _ASIDE.finditer(sentence, low, lstart)]
    for match in names_in(sentence, low, lstart):
        if any(a <= match.start() < b for a, b in asides):
            continue  # "The vacancy rate, which two years ago was ..., has dropped to 14%"
        # "22 children per worker, against a target of 18": a noun counted by an earlier
        # number is that number's, not a metric named for this one.
        if not _NUMBER_BEFORE.search(sentence[max(0, match.start() - 6):match.start()]) \
                or ctx.after_clause_number(sentence, match.start()):
            last = match
    return last


def _merge(first: re.Match[str], second: re.Match[str]) -> re.Match[str]:
    """Re-match so that `second`'s head is the head and `first`'s words are modifiers."""
    whole = first.re.fullmatch(first.string, first.start(), second.end())
    return second if whole is None else whole


def _from_name(sentence: str, quantity: Quantity, lstart: int) -> Reading | None:
    last = _nearest_name(sentence, lstart)
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


@lru_cache(maxsize=1)
def _adjacent_name() -> str:
    """A metric's name and a link word: `_adjacent_regex` before its final white space."""
    link = r"(?:of|at|is|was|stands\s+at|stood\s+at|averages?|averaging)"
    return rf"(?:{lexicon_source('figures_names.jsonl')[0]})(?:\s+{link})?"


@lru_cache(maxsize=1)
def _adjacent_regex() -> re.Pattern[str]:
    return re.compile(rf"{_adjacent_name()}\s+$", _FLAGS)


@lru_cache(maxsize=1)
def _adjacent_ends() -> frozenset[str] | None:
    return end_literals(_adjacent_name(), _FLAGS)


def _may_end_name(sentence: str, low: int, high: int) -> bool:
    """Whether `_adjacent_regex` may match in `sentence[low:high]`: a name or link word
    ends in a word character, so right before the white space at the end its last
    letters must be one of `_adjacent_ends` (a necessary condition, tested in C)."""
    ends = _adjacent_ends()
    last = sentence[low:high].rstrip()[-3:]
    if ends is None or not folds_as_lower(last):
        return True
    last = last.lower()  # (`ends` hold one to three letters)
    return last in ends or last[-2:] in ends or last[-1:] in ends


def _from_adjacent_name(sentence: str, quantity: Quantity, lstart: int) -> Reading | None:
    """'a caseload of 17 children': a metric named right before the number decides."""
    if not _may_end_name(sentence, max(0, lstart - 60), lstart):
        return None
    match = name_ending_at(_adjacent_regex(), sentence, max(0, lstart - 60), lstart)
    if match is None:
        return None
    entry = _entry(match, "figures_names.jsonl")
    if entry.metric in {"distractor", "staff_count"}:
        return None
    head = head_at(sentence, quantity.end)
    end = head.end() if head and _entry(head, "figures_heads.jsonl").metric in {
        "caseload", "distractor"} else quantity.end
    tail = _tail_regex().match(sentence, end)
    end = tail.end() if tail else end
    qualifier = _qualifier(quantity, match.group(0), sentence[:lstart])
    return Reading(entry.metric, _unit(quantity, entry, match.group(0)), qualifier,
                   match.start(), end)


def _vacant_after(sentence: str, quantity: Quantity) -> int:
    """'fifteen of them were vacant': length of the clause saying the posts are empty."""
    match = lower_cues()["vacant_clause"].search(sentence[quantity.end:])
    if match and _OPEN.search(match.group()) and not _POSTS_BEFORE.search(
            sentence, 0, quantity.start):
        return 0  # "11 remain open" are posts only where posts were named ("of 40 libraries")
    return match.end() if match else 0


_POSTS_BEFORE = re.compile(r"\b(?:posts|positions|roles|jobs|vacancies)\b", _FLAGS)


def read_quantity(sentence: str, quantity: Quantity, *,
                  previous: Reading | None = None) -> Reading | None:
    """Decide what `quantity` (offsets relative to `sentence`) counts; None if not a figure.
    `previous` is the figure read just before it in the same sentence, if any."""
    lstart = quantity.start
    if ctx.looks_like_distractor(sentence, quantity, lstart) or ctx.is_clause_number(
            sentence, quantity) or ctx.is_age(sentence, quantity):
        return None
    if _ONE.fullmatch(sentence, lstart, quantity.end) and _OF.match(sentence, quantity.end):
        return None  # "one of the toughest jobs" picks one out, it counts nothing
    if lower_cues()["change_left"].search(sentence[max(0, lstart - 20):lstart]):
        return None  # "up from just over half": the earlier value of a change already read
    if ctx.is_earlier(sentence, quantity, previous):
        return Reading("earlier", None, None, lstart, quantity.end)
    reading = _from_adjacent_name(sentence, quantity, lstart) or _from_head(
        sentence, quantity, lstart)
    if reading is not None:
        if reading.metric == "distractor":
            return None
        return _with_change(sentence, quantity, ctx.coordinated(reading, sentence, previous))
    held = carried(sentence, quantity)
    if held is not None:
        return _with_change(sentence, quantity, held)
    if vacant := _vacant_after(sentence, quantity):
        end = quantity.end + vacant
        return Reading("vacancy_rate", quantity.unit or "posts", quantity.qualifier, lstart, end)
    implied = ctx.elliptical(sentence, quantity, previous)
    if implied is not None:
        return _with_change(sentence, quantity, implied)
    # A spaced dash ("14.5 per cent - equivalent to") ends the phrase; a hyphen does not.
    following = _FOLLOWING.match(sentence, quantity.end)
    unknown = following and not lower_cues()["stop"].fullmatch(following.group(1))
    # (a personal count is looked for only where it decides)
    personal = not unknown and lower_cues()["personal_left"].search(
        sentence[max(0, lstart - 60):lstart])
    # An unknown noun after the number means it counts something else; a number with no
    # noun takes the metric named before it, else that of the figure it is compared with.
    named = None if unknown or personal else _from_name(sentence, quantity, lstart)
    return _with_change(sentence, quantity,
                        named or ctx.compared(sentence, quantity, previous))


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
