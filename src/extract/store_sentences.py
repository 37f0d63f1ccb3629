"""Find the sentence a fact came from, from the article text and the fact's offsets.

A deliberately simple splitter (no model): a sentence ends at a blank line, or at `.`, `!`
or `?` (plus any closing quotes or brackets) followed by whitespace and a capital letter or
an opening quote — unless the word before the stop is a known abbreviation ("Dr.", "No.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extract.patterns_data import pattern_lines

_CLOSERS = re.escape("\"'”’)]")
_OPENERS = re.escape("\"'“‘(")
_BOUNDARY = re.compile(
    r"\n[ \t\r]*\n\s*"  # a blank line
    rf"|(?<=[.!?])([{_CLOSERS}]*)\s+(?=[{_OPENERS}]?[A-Z])"  # stop, closers, space, capital
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(line.casefold() for line in pattern_lines("store_abbreviations.txt"))


def _after_abbreviation(text: str, stop_end: int) -> bool:
    """True when the stop ending at `stop_end` closes an abbreviation such as "Dr."."""
    found = _WORD_BEFORE.search(text, max(0, stop_end - 12), stop_end)
    return bool(found and found.group(1).casefold() in _abbreviations())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every sentence in `text`, in order, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) is not None and _after_abbreviation(text, match.start()):
            continue
        end = match.end(1) if match.group(1) is not None else match.start()
        spans.append((begin, end))
        begin = match.end()
    spans.append((begin, len(text)))
    return [_trim(text, start, end) for start, end in spans if text[start:end].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(
    text: str, start: int, end: int, *, spans: list[tuple[int, int]] | None = None
) -> str:
    """The sentence (or run of sentences) holding text[start:end]; "" for bad offsets.

    Pass `spans` (from `sentence_spans(text)`) when looking up many facts in one article.
    """
    if not 0 <= start <= end <= len(text) or not text:
        return ""
    spans = sentence_spans(text) if spans is None else spans
    if not spans:
        return ""
    starts = [span[0] for span in spans]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    return text[spans[first][0]:spans[last][1]]
