"""Digits and number words of a whole article, found in one scan and handed out by sentence.

`numbers_find.find_quantities` tries its regex only at these anchors; scanning the article once
instead of each sentence on its own saves a regex call per sentence, and a sentence with
no anchor is not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from extract.doctext import lowered
from extract.numbers_find import anchor_words, lower_anchor_regex


@dataclass(frozen=True, slots=True)
class TextAnchors:
    """The anchors of a whole text, found in one scan, to give those of its sentences."""

    lowered: str
    starts: list[int]
    ends: list[int]


_WORD_CHAR = re.compile(r"\w")


def text_anchors(text: str) -> TextAnchors | None:
    """`TextAnchors` of `text`, or None where pieces must be scanned one by one (a text
    holding a `_FOLDS` character, or anchor words not all led by a word character)."""
    if not _words_lead_with_word_characters() or (lower := lowered(text)) is None:
        return None
    after = _after_non_word()
    if after is None:
        found = list(lower_anchor_regex().finditer(lower))
        return TextAnchors(lower, [m.start() for m in found], [m.end() for m in found])
    # the anchor at the start of the text, then those after a non-word character
    first = lower_anchor_regex().match(lower)
    on_bytes = _after_non_word_bytes()
    spans = [m.span() for m in after.finditer(lower)] if on_bytes is None else [
        m.span() for m in on_bytes.finditer(_word_classes(lower))]
    starts, ends = [start + 1 for start, _ in spans], [end for _, end in spans]
    if first is not None:
        starts.insert(0, 0)
        ends.insert(0, first.end())
    return TextAnchors(lower, starts, ends)


@lru_cache(maxsize=1)
def _after_non_word() -> re.Pattern[str] | None:
    """`lower_anchor_regex` with its word boundary written as the non-word character
    before the anchor, which the regex engine skips to in C (the boundary is tested at
    every character). Finds the same anchors where every anchor word is all word
    characters (a match then never holds another word's start); else None."""
    words = anchor_words()
    if not all(char.isalnum() for word in words for char in word):
        return None
    source = lower_anchor_regex().pattern
    return re.compile(rf"\W{source[2:]}") if source.startswith(r"\b") else None


@lru_cache(maxsize=1)
def _after_non_word_bytes() -> re.Pattern[bytes] | None:
    """`_after_non_word` for `_word_classes` of the text, where every anchor word is ASCII
    letters: its leading non-word class written as the one byte every non-word character
    becomes there, a literal the regex engine skips to as it skips to a byte in memory
    (it tests a Unicode class a character), then the same digit and words."""
    after = _after_non_word()
    if after is None or not all(word.isascii() and word.isalpha() for word in anchor_words()):
        return None
    return re.compile(b" " + after.pattern[2:].encode("ascii"))  # ("\\W" -> " ")


# Every ASCII byte that is no word character, as " " (and "?", which other characters
# are encoded as, with it).
_NON_WORD_AS_SPACE = bytes(
    byte if chr(byte).isalnum() or byte == ord("_") else ord(" ") for byte in range(128)
) + bytes(range(128, 256))


def _word_classes(lower: str) -> bytes:
    """`lower` as one byte a character for `_after_non_word_bytes`: an ASCII letter or
    digit or "_" as itself, any other character by the class the anchor regex tells it
    by: a decimal digit as "0" (a word character and "\\d"), another word character as
    "_" (not "\\d", and in no anchor word), any non-word character as " ". Where every
    anchor word is ASCII letters, the bytes regex then matches where the text's regex
    does."""
    data = lower.encode("ascii", "replace")  # (each other character as one "?")
    marks = []
    at = data.find(b"?")
    while at >= 0:
        char = lower[at]
        if char.isalnum():  # ("\\w" is `isalnum` or "_"; a non-ASCII "_" does not exist)
            marks.append((at, 48 if char.isdecimal() else 95))  # "0" or "_"
        at = data.find(b"?", at + 1)
    data = data.translate(_NON_WORD_AS_SPACE)
    if not marks:
        return data
    marked = bytearray(data)
    for at, byte in marks:
        marked[at] = byte
    return bytes(marked)


@lru_cache(maxsize=1)
def _words_lead_with_word_characters() -> bool:
    """Whether `lower_anchor_regex` starts with a word boundary (its first form)."""
    return all(word[0].isalnum() for word in anchor_words())


@lru_cache(maxsize=1)
def _longest_anchor() -> int:
    return max(len(word) for word in anchor_words())


def piece_anchors(whole: TextAnchors, start: int, end: int) -> list[int]:
    """`anchor_offsets(text[start:end])` read from the whole text's anchors. An anchor is a
    digit or word at a word start, all word characters: inside the piece its word start
    and its characters are the text's, except that the piece may end inside its word
    (tried again up to the end) and that its first character starts a word in the piece
    even where the text's word began before it (tried on the piece's own characters)."""
    regex, starts = lower_anchor_regex(), whole.starts
    found = []
    # where the text's word began before `start`, no anchor of the text is at `start`,
    # but the piece may have one there
    if start > 0 and _WORD_CHAR.match(whole.lowered, start - 1) and regex.match(
            whole.lowered[start:min(end, start + _longest_anchor())]):
        found.append(0)
    for j in range(bisect_left(starts, start), len(starts)):
        at = starts[j]
        if at >= end:
            break
        if whole.ends[j] <= end or regex.match(whole.lowered, at, end):
            found.append(at - start)
    return found


def sentences_to_read(whole: TextAnchors, bounds: list[tuple[int, int]], *,
                      reach: int) -> list[tuple[int, int]]:
    """The sentences of `bounds` longer than `reach` or that may hold an anchor, in one
    walk along the anchors (sentences come in order: a pointer, not a search per
    sentence; most sentences hold no anchor). A sentence is dropped only where
    `piece_anchors` is sure to find nothing in it: no anchor of the text starts inside,
    and no word runs into its start (the only way a piece gains an anchor the text
    lacks; `\\w` is what `str.isalnum` calls alphanumeric, and "_")."""
    starts, lower = whole.starts, whole.lowered
    kept = []
    at, count, previous = 0, len(starts), -1
    for start, end in bounds:
        if start < previous:  # (out of order: find the place again)
            at = bisect_left(starts, start)
        previous = start
        while at < count and starts[at] < start:
            at += 1
        if end - start > reach or (at < count and starts[at] < end) or (
                start > 0 and (lower[start - 1].isalnum() or lower[start - 1] == "_")):
            kept.append((start, end))
    return kept
