"""The noun a number counts: the head lexicon and where, after the number, its noun is.

Usually straight after it ("14 social workers"); in a partitive clause after the verb
("of whom 12 are agency staff"); or shared with a later number ("35 full-time and 10
part-time posts").
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.doctext import folds_as_lower
from extract.figures_literals import _parsed_source, _seq_prefixes, lower_literals
from extract.figures_refine import Entry, cues, rows, spaced
from extract.numbers import Quantity, number_pattern

_FLAGS = re.IGNORECASE


@lru_cache(maxsize=4)  # one entry per word list
def lexicon(name: str) -> tuple[re.Pattern[str], tuple[Entry, ...]]:
    source, entries = lexicon_source(name)
    return re.compile(source, _FLAGS), entries


@lru_cache(maxsize=4)
def lexicon_source(name: str) -> tuple[str, tuple[Entry, ...]]:
    """The source of `lexicon(name)` and its entries: the head lexicon is only ever part
    of larger regexes, so it is not compiled on its own (milliseconds at start-up)."""
    data = rows(name)
    alternation = "|".join(
        # "children’s social workers" is about workers: a possessive never ends an entry.
        rf"(?P<h{i}>\b{spaced(r['pattern'])}\b(?![’']s))" for i, r in enumerate(data)
    )
    entries = tuple(Entry(r["metric"], r.get("unit")) for r in data)
    return _prefix_guarded(alternation), entries


def _prefix_guarded(alternation: str) -> str:
    """A lexicon led by a lookahead for the first three letters of its matches: the head
    regex tries it after every modifier word, and nearly every letter starts some noun
    (a necessary condition, as for `guarded`)."""
    parsed = _parsed_source(alternation, _FLAGS | re.UNICODE)
    starts = {""} if parsed is None else {text for text, _ in _seq_prefixes(parsed)}
    if "" in starts:
        return alternation
    return rf"(?=(?:{first_alternation(starts)}))(?:{alternation})"


def guarded(alternation: str) -> str:
    """The alternation led by a lookahead for the first characters its matches may
    begin with, so the engine rejects most positions in one step instead of trying
    every entry (a necessary condition: the matches are the same)."""
    # parsed from the source: compiling it only to read it back cost a millisecond a cue
    parsed = _parsed_source(alternation, _FLAGS | re.UNICODE)
    starts = {""} if parsed is None else {text for text, _ in _seq_prefixes(parsed)}
    if "" in starts:
        return alternation
    firsts = "".join(re.escape(first) for first in sorted({text[0] for text in starts}))
    return rf"(?=[{firsts}])(?:{alternation})"


@lru_cache(maxsize=1)
def head_regex() -> re.Pattern[str]:
    return re.compile(_head_source(), _FLAGS)


@lru_cache(maxsize=1)
def _head_source() -> str:
    heads, _ = lexicon_source("figures_heads.jsonl")
    stop = cues()["stop"].pattern
    # A modifier word never ends in a bare "s": that keeps verbs ("includes") and other
    # plural nouns out of the noun phrase, while "children's" still qualifies.
    # "and" may join modifiers ("health and social care jobs"); digits never modify.
    # A bracketed acronym may follow the words it abbreviates: "Child Health (CH) nurses".
    # Modifiers may be listed with commas ("full-time, part-time and seasonal openings").
    modifier = (rf"(?:(?:(?:and|&|or)\s+)?(?!(?:{stop})\b)[^\W\d][\w’'-]*(?:[^\Ws]|[’']s)"
                r"(?:,\s+(?=[^\W\d][\w’'-]*(?:,|\s+(?:and|or)\b))|[\s-]+)"
                r"|\([A-Z]{2,6}\)\s+)")
    return (
        # a closing quote may sit between the number and its noun: '"around 30" workers'
        # "32 of our 40 vacancies", "two of the council's four posts": a part of a whole
        rf"{_QUOTE}(?P<of>[\s-]*of\s+(?:the|our|its|their|these|all|all\s+the|those)?\s*"
        rf"(?P<whole>(?:[\w’'-]+[’']s\s+)?(?:{number_pattern()})\s+)?)?"
        # (the lexicon's entry groups close last: `match.lastgroup` names the entry)
        rf"[\s-]*(?P<mods>{modifier}{{0,5}}?)(?:{heads})\b"
    )


_QUOTE = r"[\"”’']?"


@lru_cache(maxsize=1)
def _lower_head_regex() -> re.Pattern[str] | None:
    source = lower_literals(_head_source())
    return None if source is None else re.compile(source, _FLAGS & ~re.IGNORECASE)


def _bare_source() -> str:
    """The head regex's way without "of" and modifiers: quote, white space, noun."""
    heads, _ = lexicon_source("figures_heads.jsonl")
    return rf"{_QUOTE}[\s-]*(?:{heads})\b"


@lru_cache(maxsize=1)
def _bare_heads() -> re.Pattern[str]:
    """`_bare_source` for `head_regex` (compiled only for a text where lower case
    misleads: it takes milliseconds)."""
    return re.compile(_bare_source(), _FLAGS)


@lru_cache(maxsize=1)
def _lower_bare_heads() -> re.Pattern[str] | None:
    """`_bare_source` for `_lower_head_regex`."""
    lowered = lower_literals(_bare_source())
    return None if lowered is None else re.compile(lowered, _FLAGS & ~re.IGNORECASE)


def next_head(match: re.Match[str]) -> re.Match[str] | None:
    """The match of the head regex (`match.re`) right after `match` when it holds neither
    "of" nor modifiers (a compound: "social worker positions"), else None. The head regex
    tries "of" first, then modifiers lazily, so such a match is its first only where its
    bare way (`_bare_source`) matches too: that cheap test comes first."""
    bare = _lower_bare_heads() if match.re is _lower_head_regex() else (
        _bare_heads() if match.re is head_regex() else None)
    if bare is not None and bare.match(match.string, match.end()) is None:
        return None
    compound = match.re.match(match.string, match.end())
    return compound if compound and not compound["mods"] and not compound["of"] else None


def head_at(sentence: str, pos: int) -> re.Match[str] | None:
    """`head_regex().match(sentence, pos)`, on the lowered sentence where the two agree:
    the case-folding head regex is then never compiled (a few hundredths of a second)."""
    lowered = _lower_head_regex()
    if lowered is not None and folds_as_lower(sentence):
        return lowered.match(sentence.lower(), pos)
    return head_regex().match(sentence, pos)


def _head_target(right: str) -> tuple[re.Pattern[str], str]:
    """`head_regex` and the text to match it on: the lowered forms where they agree."""
    lowered = _lower_head_regex()
    if lowered is not None and folds_as_lower(right):
        return lowered, right.lower()
    return head_regex(), right


# "50 social workers, of whom 12 are agency staff" / "12 of whom are agency staff": in a
# partitive clause the noun follows the verb.
_PARTITIVE_LEFT = re.compile(r"\bof\s+(?:whom|them|those|these)\s+$", _FLAGS)
_PREDICATE = re.compile(r"(?:\s+of\s+(?:whom|them|those|these))?\s+(?:are|were|is|was)\s+"
                        r"(?:(?:now|currently|still|employed\s+as|working\s+as)\s+)*(?=\w)",
                        _FLAGS)
# The first number's own words before the shared noun: "35 full-time and 10 part-time posts".
_OWN_WORDS = re.compile(r"[\s-]*(?:[^\W\d][\w’'-]*(?:[\s-]+(?!and\b|or\b)[^\W\d][\w’'-]*)?)?")
_OF_AFTER = re.compile(r"\s+of\s")


@lru_cache(maxsize=1)
def _shared_regex() -> re.Pattern[str]:
    # "35 full-time and 10 part-time posts": the first number shares the second's noun
    return re.compile(rf"[\s-]*(?:[^\W\d][\w’'-]*[\s-]+){{0,2}}?(?:and|or)\s+"
                      rf"(?:{number_pattern()})(?=[\s-])", _FLAGS)


def head_match(sentence: str, quantity: Quantity,
                lstart: int) -> tuple[re.Match[str], int | None] | None:
    """The noun phrase a number counts, and where the figure's text ends when that noun
    is shared with a later number (None: at the noun's end). The match may be on the
    lowered text (`_head_target`): read its text from its offsets, and match further
    with `match.re` on `match.string`."""
    right = sentence[quantity.end:]
    heads, target = _head_target(right)
    match = heads.match(target)
    if match is not None:
        return match, None
    shared = _shared_regex().match(right)
    later = heads.match(target, shared.end()) if shared else None
    if shared and later and not later["of"]:
        own = _OWN_WORDS.match(right)
        return later, own.end() if own else 0
    predicate = _PREDICATE.match(right)
    if predicate is None or not (_PARTITIVE_LEFT.search(sentence, 0, lstart)
                                 or _OF_AFTER.match(right)):
        return None
    predicated = heads.match(target, predicate.end())
    return (predicated, None) if predicated else None


def first_alternation(starts: set[str]) -> str:
    """The non-empty literal starts as each first character, then a lookahead for the
    characters that may follow it."""
    rests: dict[str, set[str]] = {}
    for text in starts:
        rests.setdefault(text[0], set()).add(text[1:])
    return "|".join(
        re.escape(first) + (rf"(?=(?:{'|'.join(re.escape(r) for r in sorted(rest))}))"
                            if "" not in rest else "")
        for first, rest in sorted(rests.items()))
