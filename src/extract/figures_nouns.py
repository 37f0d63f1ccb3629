"""The noun a number counts: the head lexicon and where, after the number, its noun is.

Usually straight after it ("14 social workers"); in a partitive clause after the verb
("of whom 12 are agency staff"); or shared with a later number ("35 full-time and 10
part-time posts").
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.figures_refine import Entry, cues, rows, spaced
from extract.numbers import Quantity, number_pattern

_FLAGS = re.IGNORECASE


@lru_cache(maxsize=4)  # one entry per word list
def lexicon(name: str) -> tuple[re.Pattern[str], tuple[Entry, ...]]:
    data = rows(name)
    alternation = "|".join(
        # "children’s social workers" is about workers: a possessive never ends an entry.
        rf"(?P<h{i}>\b{spaced(r['pattern'])}\b(?![’']s))" for i, r in enumerate(data)
    )
    entries = tuple(Entry(r["metric"], r.get("unit")) for r in data)
    return re.compile(alternation, _FLAGS), entries


@lru_cache(maxsize=1)
def head_regex() -> re.Pattern[str]:
    heads, _ = lexicon("figures_heads.jsonl")
    stop = cues()["stop"].pattern
    # A modifier word never ends in a bare "s": that keeps verbs ("includes") and other
    # plural nouns out of the noun phrase, while "children's" still qualifies.
    # "and" may join modifiers ("health and social care jobs"); digits never modify.
    # A bracketed acronym may follow the words it abbreviates: "Child Health (CH) nurses".
    # Modifiers may be listed with commas ("full-time, part-time and seasonal openings").
    modifier = (rf"(?:(?:(?:and|&|or)\s+)?(?!(?:{stop})\b)[^\W\d][\w’'-]*(?:[^\Ws]|[’']s)"
                r"(?:,\s+(?=[^\W\d][\w’'-]*(?:,|\s+(?:and|or)\b))|[\s-]+)"
                r"|\([A-Z]{2,6}\)\s+)")
    return re.compile(
        # a closing quote may sit between the number and its noun: '"around 30" workers'
        # "32 of our 40 vacancies", "two of the council's four posts": a part of a whole
        rf"[\"”’']?(?P<of>[\s-]*of\s+(?:the|our|its|their|these|all|all\s+the|those)?\s*"
        rf"(?P<whole>(?:[\w’'-]+[’']s\s+)?(?:{number_pattern()})\s+)?)?"
        rf"[\s-]*(?P<mods>{modifier}{{0,5}}?)(?P<head>{heads.pattern})\b",
        _FLAGS,
    )


# "50 social workers, of whom 12 are agency staff" / "12 of whom are agency staff": in a
# partitive clause the noun follows the verb.
_PARTITIVE_LEFT = re.compile(r"\bof\s+(?:whom|them|those|these)\s+$", _FLAGS)
_PREDICATE = re.compile(r"(?:\s+of\s+(?:whom|them|those|these))?\s+(?:are|were|is|was)\s+"
                        r"(?:(?:now|currently|still|employed\s+as|working\s+as)\s+)*(?=\w)",
                        _FLAGS)


@lru_cache(maxsize=1)
def _shared_regex() -> re.Pattern[str]:
    # "35 full-time and 10 part-time posts": the first number shares the second's noun
    return re.compile(rf"[\s-]*(?:[^\W\d][\w’'-]*[\s-]+){{0,2}}?(?:and|or)\s+"
                      rf"(?:{number_pattern()})(?=[\s-])", _FLAGS)


def head_match(sentence: str, quantity: Quantity,
                lstart: int) -> tuple[re.Match[str], int | None] | None:
    """The noun phrase a number counts, and where the figure's text ends when that noun
    is shared with a later number (None: at the noun's end)."""
    right = sentence[quantity.end:]
    match = head_regex().match(right)
    if match is not None:
        return match, None
    shared = _shared_regex().match(right)
    later = head_regex().match(right, shared.end()) if shared else None
    if shared and later and not later["of"]:
        own = re.match(r"[\s-]*(?:[^\W\d][\w’'-]*(?:[\s-]+(?!and\b|or\b)[^\W\d][\w’'-]*)?)?",
                       right)
        return later, own.end() if own else 0
    predicate = _PREDICATE.match(right)
    if predicate is None or not (_PARTITIVE_LEFT.search(sentence, 0, lstart)
                                 or re.match(r"\s+of\s", right)):
        return None
    predicated = head_regex().match(right, predicate.end())
    return (predicated, None) if predicated else None
