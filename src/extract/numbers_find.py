"""Where quantity phrases are: the regex of `numbers` tried only where a phrase can start.

A phrase holds a digit or a number word (its anchor) and may open with a few lead words
just before it ("more than", "from", "a"); trying the quantity regex at those places only
finds what trying it at every character finds, at a fraction of the cost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.doctext import folds_as_lower
from extract.figures_literals import lower_literals
from extract.numbers import (
    _FLAGS,
    Quantity,
    _alt,
    _quantity_in,
    _quantity_source,
    _words,
    quantity_regex,
)
from extract.regex_words import by_first_letter


def anchor_words() -> list[str]:
    """Words one of which (or a digit) every quantity phrase holds: cardinals, scales,
    denominators ("two-thirds"), vague amounts and "half"."""
    w = _words()
    return sorted({*w["cardinal"], *w["scale"], *w["denominator"], *w["vague"], "half"})


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    """A digit or the start of a number word, searched in the text itself."""
    return re.compile(rf"\d|\b(?:{_alt(anchor_words())})", _FLAGS)


@lru_cache(maxsize=1)
def lower_anchor_regex() -> re.Pattern[str]:
    """The same anchors at a word start, in lower-cased text. The leading character class
    lets the regex engine skip in C to the next character that can begin one."""
    words = sorted(anchor_words(), key=lambda word: len(re.escape(word[1:])), reverse=True)
    firsts = "".join(sorted({word[0] for word in words}))
    if firsts.isalnum():
        # A word character at a word start is "\b" before it; one branch per first
        # letter is chosen in a step, where a look-behind per letter is tried in turn.
        return re.compile(rf"\b(?=[\d{firsts}])(?:\d|{by_first_letter(words)})")
    rests = by_first_letter(words, behind=True)
    return re.compile(rf"[\d{firsts}](?<!\w\w)(?:(?<=\d)|{rests})")


def anchor_offsets(text: str) -> list[int]:
    """Positions of digits and number words: the first of each quantity phrase's is one."""
    if folds_as_lower(text):
        return [m.start() for m in lower_anchor_regex().finditer(text.lower())]
    return [m.start() for m in _trigger_regex().finditer(text)]


@lru_cache(maxsize=1)
def lead_regex() -> re.Pattern[str]:
    """One word that may stand before a phrase's first digit or number word ("more than",
    "from", "a" in "a dozen"), matched backwards: in the reversed text, the separator
    before the word, then the word reversed."""
    w = _words()
    lead = {"from", "between", "a"} | {word for phrase, _ in w["qualifier"]
                                       for word in phrase.split()}
    return re.compile(rf"[\s-]++(?:{_alt(word[::-1] for word in lead)})(?![^\W\d_])", _FLAGS)


@lru_cache(maxsize=1)
def _lead_words() -> int:
    """At most this many words stand before a phrase's first anchor: a qualifier, then
    "from" or "between", then "a"."""
    return max(len(phrase.split()) for phrase, _ in _words()["qualifier"]) + 2


def _starts(text: str, anchors: list[int], *, lead: re.Pattern[str]) -> list[int]:
    """Every position where a quantity phrase may start: each anchor and the starts of the
    lead words just before it (`lead`: `lead_regex` or its lowered form). A superset,
    so trying `quantity_regex` only here finds exactly what scanning every position finds."""
    starts = set(anchors)
    reverse = text[::-1]
    size = len(text)
    for anchor in anchors:
        at = size - anchor
        for _ in range(_lead_words()):
            word = lead.match(reverse, at)
            if word is None:
                break
            at = word.end()
            starts.add(size - at)
    return sorted(starts)


@lru_cache(maxsize=1)
def _lowered_regexes() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """`quantity_regex` and `lead_regex` for lower-cased text (see `lower_literals`)."""
    sources = [lower_literals(_quantity_source()), lower_literals(lead_regex().pattern)]
    if sources[0] is None or sources[1] is None:
        return None
    return (re.compile(sources[0], _FLAGS & ~re.IGNORECASE),
            re.compile(sources[1], _FLAGS & ~re.IGNORECASE))


def find_quantities(text: str, *, offset: int = 0,
                    anchors: list[int] | None = None) -> list[Quantity]:
    """Every quantity phrase in `text`, left to right, offsets shifted by `offset`.

    Same as `quantity_regex().finditer(text)`, but the regex is tried only where a phrase
    can start (before a digit or number word), not at every character. `anchors`, when
    given, must equal `anchor_offsets(text)` (see `piece_anchors`)."""
    if anchors is None:
        anchors = anchor_offsets(text)
    if not anchors:
        return []
    found: list[Quantity] = []
    end = 0
    lowered = _lowered_regexes()
    if lowered is not None and folds_as_lower(text):
        (pattern, lead), target = lowered, text.lower()
    else:  # (compiled only for such a text: it takes a tenth of a second)
        pattern, lead, target = quantity_regex(), lead_regex(), text
    for start in _starts(target, anchors, lead=lead):
        if start < end:
            continue  # inside the phrase found last, as finditer resumes at its end
        match = pattern.match(target, start)
        if match is None:
            continue
        end = match.end()
        quantity = _quantity_in(text, match, offset)
        if quantity is not None:
            found.append(quantity)
    return found
