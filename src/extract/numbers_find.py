"""Where quantity phrases are: the regex of `numbers` tried only where a phrase can start.

A phrase holds a digit or a number word (its anchor) and may open with a few lead words
just before it ("more than", "from", "a"); trying the quantity regex at those places only
finds what trying it at every character finds, at a fraction of the cost.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.doctext import folds_as_lower
from extract.figures_literals import lower_literals
from extract.numbers import (
    _FLAGS,
    Quantity,
    _alt,
    _quantity_in,
    _quantity_source,
    _words,
    count_in,
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
    reverse = ""
    size = len(text)
    for anchor in anchors:
        # a lead word ends in white space or "-" right before the anchor (`str.isspace`
        # is the regex's "\s"): the reversed text is made only where one may
        if not anchor or not (text[anchor - 1].isspace() or text[anchor - 1] == "-"):
            continue
        reverse = reverse or text[::-1]
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


def find_quantities(text: str, *, offset: int = 0, anchors: list[int] | None = None,
                    lower: str | None = None) -> list[Quantity]:
    """Every quantity phrase in `text`, left to right, offsets shifted by `offset`.

    Same as `quantity_regex().finditer(text)`, but the regex is tried only where a phrase
    can start (before a digit or number word), not at every character. `anchors`, when
    given, must equal `anchor_offsets(text)` (see `piece_anchors`); `lower`, when given,
    `text` lowered, cut from an article whose lower case `doctext.lowered` gives (it
    may differ from `text.lower()` in a final or medial sigma only, which no literal of
    the regexes holds and every class treats alike)."""
    if anchors is None:
        anchors = anchor_offsets(text)
    if not anchors:
        return []
    found: list[Quantity] = []
    end = 0
    lowered = _lowered_regexes()
    if lowered is not None and (lower is not None or folds_as_lower(text)):
        (pattern, lead), target = lowered, text.lower() if lower is None else lower
        counts = _count_words()
    else:  # (compiled only for such a text: it takes a tenth of a second)
        pattern, lead, target, counts = quantity_regex(), lead_regex(), text, None
    for start in _starts(target, anchors, lead=lead):
        if start < end:
            continue  # inside the phrase found last, as finditer resumes at its end
        known = None if counts is None else _bare_count(target, start, counts)
        if known is not None:  # decided without the regex
            if known >= 0:
                end = known
                found_bare(found, text, start, end, offset)
            continue
        match = pattern.match(target, start)
        if match is None:
            continue
        end = match.end()
        quantity = _quantity_in(text, match, offset)
        if quantity is not None:
            found.append(quantity)
    return found


# The lowered quantity regex at a digit run mostly reads that run alone, or nothing; the
# characters around the run tell which at a fraction of the regex's cost (`_bare_count`).
# These follow `numbers._parts`: the digits' look-behind, and the words read after a
# number and white space ("12 to 15", "three or four", "one in four", "three out of
# five", "12 or more"); a percent word may follow it too (`_count_words`).
_DIGIT_RUN = re.compile(r"\d+")
_GLUED_BEFORE = re.compile(r"[\w£$€.,/:]")
_GLUED_AFTER = re.compile(r"[^\W\d]")
_AFTER_COUNT = re.compile(r"\s+([a-z]*)|[;:!?)]|[.,](?!\d)|\Z")
# The common case in one step: an unglued run not led by "0" and followed as above.
_PLAIN_RUN = re.compile(r"(?<![\w£$€.,/:])(?!0\d)\d+(?=\s+([a-z]*)|[;:!?)]|[.,](?!\d)|\Z)")
_CONTINUATIONS = frozenset({"to", "or", "in", "out"})
_NO_PHRASE = -1
# A number word read alone ("one of the", "five staff"), followed as a digit run is.
_PLAIN_WORD = re.compile(r"(?<!\w)([a-z]+)(?=\s+([a-z]*)|[;:!?)]|[.,](?!\d)|\Z)")


class CountWords(NamedTuple):
    """What `_bare_count` reads: the letters percent words begin with, the cardinals, and
    the beginnings of words that may go on a number word ("twenty five", "one third")."""

    percent: tuple[str, ...]
    cardinals: frozenset[str]
    going_on: tuple[str, ...]


@lru_cache(maxsize=1)
def _count_words() -> CountWords | None:
    """`CountWords`, or None where a percent pattern may begin with something else that
    could be a letter, or where a number word holds a digit: then `_bare_count` is not
    used. Cardinals are read alone only where none may begin a qualifier or a share and
    all are plain lower-case letters."""
    w = _words()
    listed = [*w["cardinal"], *w["scale"], *w["numerator"], *w["denominator"], *w["vague"],
              *(phrase for phrase, _ in w["qualifier"])]
    if any(char.isdigit() for word in listed for char in word):
        return None
    cardinals = frozenset(w["cardinal"])
    special = {"a", "half", "from", "between", *w["denominator"], *w["vague"],
               *(phrase.split()[0] for phrase, _ in w["qualifier"])}
    if cardinals & special or not all(re.fullmatch("[a-z]+", word) for word in cardinals):
        cardinals = frozenset()
    letters = []
    for source in w["percent"]:
        if "|" in source:
            return None
        lead = re.match(r"[a-z]*(?![?*+{])", source)  # ("pe?r" requires only "p")
        if lead and lead.group():
            letters.append(lead.group())
        elif not source or source[0].isalnum() or source[0] in "\\[(.":
            return None  # (a literal such as "%" never matches a letter)
    going_on = (*cardinals, *w["denominator"], *w["vague"], *letters)
    return CountWords(tuple(letters), cardinals, going_on)


def _bare_word(target: str, start: int, words: CountWords) -> int | None:
    """`_bare_count` for a cardinal word: the regex reads it alone (and the word's value
    in `numbers._parts` ends there) unless a word after it goes on the phrase: another
    number word, "and" after a scale, a fraction, a percent word, "in", "out", "to", "or"."""
    plain = _PLAIN_WORD.match(target, start)
    if plain is None or plain.group(1) not in words.cardinals:
        return None
    after = plain.group(2)
    if after is not None and (not after or after in _CONTINUATIONS or after == "and"
                              or after.startswith(words.going_on)):
        return None
    return plain.end()


def _bare_count(target: str, start: int, words: CountWords) -> int | None:
    """Where the lowered quantity regex's match at `start` of the lowered `target` ends
    when it is the digit run there alone; `_NO_PHRASE` where it has no match; None where
    only the regex can tell. A run glued to what precedes it ("14:30", "£4") is no
    number, unless a "1" may open "1 in 4"; one followed by a letter ("10am") is none
    either, unless the letters may be a percent word ("9pc"); one followed by the end,
    punctuation, or white space and a word that neither continues the
    phrase nor is a percent word, is a number alone ("14 staff", "in 2023.", "18:30").
    (Only "." and "," may go on a number: "4.5", "1,200".)"""
    if not target[start:start + 1].isdecimal():  # (a run begins with "\d": `isdecimal`)
        return _bare_word(target, start, words)
    percent = words.percent
    plain = _PLAIN_RUN.match(target, start)
    if plain is not None:  # (shorter runs are followed by a digit: the run is whole)
        word = plain.group(1)
        if word is not None and (not word or word in _CONTINUATIONS
                                 or word.startswith(percent)):
            return None
        return plain.end()
    run = _DIGIT_RUN.match(target, start)
    if run is None:
        return _bare_word(target, start, words)
    end = run.end()
    if start and _GLUED_BEFORE.match(target, start - 1):
        return None if target.startswith("1", start) and end == start + 1 else _NO_PHRASE
    if target.startswith("0", start) and end > start + 1:
        # "07700": every number of the regex refuses "0" and a digit at its start, and
        # nothing else it may begin with holds a digit (`_count_words`)
        return _NO_PHRASE
    if _GLUED_AFTER.match(target, end):
        return None if target.startswith(percent, end) else _NO_PHRASE
    after = _AFTER_COUNT.match(target, end)
    if after is None:
        return None
    word = after.group(1)
    if word is not None and (not word or word in _CONTINUATIONS or word.startswith(percent)):
        return None
    return end


def found_bare(found: list[Quantity], text: str, start: int, end: int, offset: int) -> None:
    """Append the quantity of a phrase `_bare_count` read alone at `start`-`end` of `text`.
    A run of digits alone is a plain count of its value, as `count_in` reads it (one
    amount, no unit, qualifier or range): read here without the phrase cache, which the
    ever-new numbers of real news keep missing. A number word goes through `count_in`."""
    core = text[start:end]
    if core.isdecimal():  # ("\d" is a decimal character, as `str.isdecimal` tests)
        found.append(Quantity(start + offset, end + offset, float(core)))
        return
    quantity = count_in(text, start, end, offset, core=core)
    if quantity is not None:
        found.append(quantity)
