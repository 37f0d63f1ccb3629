"""Where a figure's name pattern can start in a sentence: the literal characters its
matches begin with, read from the parsed pattern, found once per sentence, so that the
pattern is tried only there and not at every character of a window."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extract.doctext import folds_as_lower
from extract.figures_literals import _parsed, _seq_prefixes
from extract.figures_nouns import first_alternation, lexicon


@lru_cache(maxsize=4)
def _start_regex(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Every position where `pattern` can start a match, as the starts of a regex's
    matches: the literal characters all its matches begin with, read from the parsed
    pattern (with the same flags, so case folds alike). Without them (no parser, or a pattern that
    may begin with a class), every position."""
    parsed = _parsed(pattern)
    starts = {""} if parsed is None else {text for text, _ in _seq_prefixes(parsed)}
    if "" in starts:
        return re.compile(r"(?=[\s\S])")
    # Grouped by first character, which the match consumes: a pattern that begins with
    # literals lets the engine skip in C to the next character that can start one (a
    # bare lookahead is tried at every position). One character per match, so finditer
    # still stops at every start, overlapping ones included.
    return re.compile(rf"(?:{first_alternation(starts)})", pattern.flags)


@lru_cache(maxsize=4)
def _lower_start_regex(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`_start_regex` for the lower-cased text, case-sensitive: its leading class of first
    letters lets the engine skip in C. None unless the pattern ignores case and its
    start literals are ASCII (where lower() and IGNORECASE may disagree)."""
    parsed = _parsed(pattern)
    if not pattern.flags & re.IGNORECASE or parsed is None:
        return None
    starts = {text.lower() for text, _ in _seq_prefixes(parsed)}
    if "" in starts or not all(text.isascii() for text in starts):
        return None
    firsts = "".join(re.escape(first) for first in sorted({text[0] for text in starts}))
    return re.compile(rf"(?=[{firsts}])(?:{first_alternation(starts)})")


@dataclass(slots=True)
class _Starts:
    """A pattern's start filters, and the starts found in the sentence read last."""

    lowered: re.Pattern[str] | None
    plain: re.Pattern[str]
    sentence: str | None = None
    starts: list[int] = field(default_factory=list)


# Keyed by a pattern's source and flags: hashing a compiled pattern (as an lru_cache key
# does) hashes its whole compiled code, microseconds per look-up for a lexicon.
_FILTERS: dict[tuple[str, int], _Starts] = {}
_SHARED: dict[tuple[str | None, str, int], _Starts] = {}


def _starts_in(pattern: re.Pattern[str], sentence: str) -> list[int]:
    """Where `pattern` may start a match in `sentence`, kept for the sentence read last:
    each of its numbers asks again."""
    key = (pattern.pattern, pattern.flags)
    found = _FILTERS.get(key)
    if found is None:
        lowered, plain = _lower_start_regex(pattern), _start_regex(pattern)
        # patterns with the same filters (a lexicon, and that lexicon before a link
        # word) share the starts found: one scan of the sentence serves both
        shared = (lowered and lowered.pattern, plain.pattern, plain.flags)
        found = _FILTERS[key] = _SHARED.setdefault(shared, _Starts(lowered, plain))
    if found.sentence != sentence:
        if found.lowered is not None and folds_as_lower(sentence):
            found.starts = [m.start() for m in found.lowered.finditer(sentence.lower())]
        else:
            found.starts = [m.start() for m in found.plain.finditer(sentence)]
        found.sentence = sentence
    return found.starts


def _tries(pattern: re.Pattern[str], sentence: str, low: int, high: int) -> Iterator[int]:
    """The positions in [low, high) where `pattern` may start a match, in order."""
    starts = _starts_in(pattern, sentence)
    for i in range(bisect_left(starts, low), len(starts)):
        if starts[i] >= high:
            return
        yield starts[i]


def names_in(sentence: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """The same matches as `lexicon("figures_names.jsonl")[0].finditer(sentence, low, high)`:
    the regex is tried only where a name can start (found once per sentence), skipping
    those inside the last match as finditer does, not at every character of the window."""
    names, _ = lexicon("figures_names.jsonl")
    end = low
    for start in _tries(names, sentence, low, high):
        if start < end:
            continue
        match = names.match(sentence, start, high)
        if match is not None:  # never empty: a name has letters
            end = match.end()
            yield match


def name_ending_at(pattern: re.Pattern[str], sentence: str, low: int,
                   high: int) -> re.Match[str] | None:
    """`pattern.search(sentence, low, high)` for a name pattern ending in white space at
    `high` (`...\\s+$`): tried only where it can start, and not at all unless the
    character before `high` is white space (the `\\s+` before `$` holds at least that)."""
    if high <= low or not sentence[high - 1].isspace():
        return None
    for start in _tries(pattern, sentence, low, high):
        match = pattern.match(sentence, start, high)
        if match is not None:
            return match
    return None
