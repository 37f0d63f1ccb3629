"""Direct quotes as spans of text: where the quote marks are (by `str.find` per mark
character: a regex search of the whole text cost about twenty times as much, and most
articles hold only a few marks), which open and which close, and the spans they enclose,
a quote going on across paragraphs when the next one reopens it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from extract.quotes_subject import SpanCover

# The marks visited, as regexes: the definitions `double_marks` and `single_marks` meet
# (tested), finding the same matches with `str.find`.
_DOUBLE = re.compile(r"[“”\"]")
# A single mark with a letter or digit on both sides ("council’s") is an apostrophe that
# `_single_kind` rejects: it is passed over instead of a Python call per apostrophe.
_SINGLE = re.compile(r"[‘’'](?:(?![^\W_])|(?<![^\W_].))")
BLANK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_DOUBLE_CHARS = ("“", "”", '"')
_SINGLE_CHARS = ("‘", "’", "'")


def _positions(text: str, chars: tuple[str, ...]) -> list[int]:
    found = []
    for char in chars:
        pos = text.find(char)
        while pos != -1:
            found.append(pos)
            pos = text.find(char, pos + 1)
    found.sort()
    return found


def double_marks(text: str) -> list[int]:
    """Positions of the matches of `[“”"]`."""
    return _positions(text, _DOUBLE_CHARS)


def single_marks(text: str) -> list[int]:
    """Positions of the matches of `[‘’'](?:(?![^\\W_])|(?<![^\\W_].))`: single marks not
    between two letters or digits (those are apostrophes: "council’s")."""
    return [pos for pos in _positions(text, _SINGLE_CHARS)
            if not (text[pos + 1 : pos + 2].isalnum() and text[pos - 1 : pos].isalnum())]


@lru_cache(maxsize=64)
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(content start, content end, closed) for every direct quote, double or single marks."""
    breaks = _paragraph_breaks(text)
    double = _scan(text, breaks, double_marks(text), _double_kind, ())
    single = _scan(text, breaks, single_marks(text), _single_kind, double)
    spans = sorted([*double, *single])
    return tuple(span for span in spans if text[span[0] : span[1]].strip())


def _scan(
    text: str, breaks: list[tuple[int, int]], marks: list[int],
    kind_of: Callable[[str, int], str | None], skip: Sequence[tuple[int, int, bool]],
) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    if not marks:
        return found  # (most articles have no single quote marks left once apostrophes go)
    open_at: int | None = None
    scan_from = 0  # breaks before this were crossed by a continued quote
    skipped = SpanCover(skip)
    break_starts = [start for start, _ in breaks]
    for pos in marks:
        kind = kind_of(text, pos)
        if kind is None or skipped.touches(pos, pos + 1):  # on a skipped span or its marks
            continue
        if open_at is not None:
            brk = _break_between(breaks, break_starts, scan_from, pos)
            if brk is not None and not (pos == brk[1] and kind == "open"):
                found.append((open_at + 1, _trim_end(text, open_at + 1, brk[0]), False))
                open_at = None
            elif brk is not None:
                scan_from = pos
                continue  # the next paragraph reopens the same quote
        if open_at is None:
            if kind == "open":
                open_at = scan_from = pos
            continue
        if kind == "close":
            found.append((open_at + 1, pos, True))
            open_at = None
    if open_at is not None:
        found.append((open_at + 1, _trim_end(text, open_at + 1, len(text)), False))
    return found


def _double_kind(text: str, pos: int) -> str | None:
    mark = text[pos]
    if mark == '"':
        return "open" if _opens_straight(text, pos) else "close"
    return "open" if mark == "“" else "close"


def _single_kind(text: str, pos: int) -> str | None:
    """Single marks double as apostrophes: only word-edge marks open or close a quote."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (before.isspace() or before in "([—–-:") and (after.isalnum() or after in "…")
    closes = not before.isspace() and not after.isalnum()
    if text[pos] == "‘":
        return "open" if opens else None
    if text[pos] == "’":
        return "close" if closes else None
    return "open" if opens else "close" if closes else None


def _paragraph_breaks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in paragraph_pattern(text).finditer(text)]


def _break_between(
    breaks: list[tuple[int, int]], starts: list[int], a: int, b: int
) -> tuple[int, int] | None:
    i = bisect_right(starts, a)
    return breaks[i] if i < len(breaks) and breaks[i][0] < b else None


def _opens_straight(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# Asked per quote: searching the whole text each time was O(n) per quote.
@lru_cache(maxsize=64)
def paragraph_pattern(text: str) -> re.Pattern[str]:
    """Blank lines break paragraphs where the text has any, else single line breaks do."""
    return BLANK_BREAK if BLANK_BREAK.search(text) else _LINE_BREAK
