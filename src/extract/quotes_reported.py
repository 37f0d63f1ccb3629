"""Reported speech: a speech verb whose subject is a person ("X said the council was ...",
"He said ...", "A spokesperson said ...", "..., the Minister said."), and "according to X, ...".

Every verb outside the direct quotes is tried; `quotes_subject` decides whose it is. The
clause follows the verb, or, for a tag at the end ("..., Brooks said, and ..."), precedes
the subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from itertools import islice

from extract.names_find import Mention
from extract.names_lexicon import word_set
from extract.quotes_subject import (
    QuoteFind,
    SpanCover,
    Subject,
    before_count,
    clause_floor,
    subject_before,
)
from extract.quotes_verbs import verb_spans

_STOP = r"(?=[.!?](?:\s|$)|\n\s*\n|[“”\":‘]|$)"
# A tag closing the sentence: "..., Brooks said." / "..., the Minister said, and ...".
_END_TAG = re.compile(r"[ \t]*(?:[.!;]|,\s+(?:and|but|while|although)\b)")
_MIN_WORDS = 3
Spans = tuple[tuple[int, int, bool], ...]


@cache
def _clause() -> re.Pattern[str]:
    """Up to the first character of the reported clause after the verb; "that" may follow a
    time or place phrase ("said on Monday that ...") or the hearer ("told the meeting that
    ..."). The clause (a word character, then anything but quote marks and colons, up to
    `_STOP`) always ends at the first stop after its first character (a character it may not
    hold is a stop itself): `_stops` finds it. Matching it here ran to the end of a text with
    no stop for every verb (O(n^2))."""
    preps = "|".join(sorted(word_set("quotes_not_clause_start.txt"), key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?:\s+(?:that|how)|\s+(?:{preps})\b[^.,“”\"\n]{{0,40}}?\s+that"
        rf"|(?<=told)\s+[^.,“”\"\n]{{1,60}}?\s+that)?\s+(?P<clause>\w)"
    )


# Where `_STOP` holds, in three linear scans: "\n\s*\n" is "\n" with another "\n" before
# the next character that is not white space (as a regex it rescanned a run of blank lines
# from each of its line breaks).
# One first-character class: the search skips to those characters (an alternation of three
# starts made it try the pattern at every position).
_STOP_MARKS = re.compile(
    r"[.!?“”\":‘\n](?:(?<=[.!?])(?=\s|$)|(?<=[“”\":‘])|(?<=\n)(?=[^\S\n]*+\n))")


@lru_cache(maxsize=8)
def _stops(text: str) -> tuple[list[int], dict[int, int]]:
    """Positions where a reported clause stops, in order (the text end and, as `$` allows,
    a last line break included), and a memo of each stop's clause end (white space before
    it left out), filled as asked."""
    found = [match.start() for match in _STOP_MARKS.finditer(text)]
    if text.endswith("\n") and (not found or found[-1] != len(text) - 1):
        found.append(len(text) - 1)
    found.append(len(text))
    return found, {}


def _clause_end(text: str, start: int) -> tuple[int, int]:
    """(stop, clause end without trailing white space) for a clause from `start`."""
    stops, ends = _stops(text)
    stop = stops[bisect_left(stops, start + 1)]
    if stop not in ends:
        end = stop
        while text[end - 1].isspace():  # never past `start`, a word character
            end -= 1
        ends[stop] = end  # once per stop: a long blank run before it is scanned once
    return stop, ends[stop]


def reported(
    text: str, mentions: tuple[Mention, ...], outside: list[int], spans: Spans,
    voices: dict[int, QuoteFind], *, cover: SpanCover | None = None,
) -> list[QuoteFind]:
    """Reported clauses with their speakers (or a role to resolve, or no named speaker).
    `voices` maps a direct quote's end to its record, for "“...” and said ...". `cover` is
    the caller's `SpanCover(spans)`, if it has one."""
    found = []
    ends = [end for _, end, _ in spans]
    cover = cover if cover is not None else SpanCover(spans)
    for verb, verb_end in verb_spans(text):
        if cover.touches(verb, verb_end):
            continue
        # No clause after the verb and no tag end ("..., Brooks said."): nothing is reported,
        # whoever the subject (most verbs are a quote's tag: the subject is not looked for).
        forward = _forward(text, verb_end, cover)
        if forward is None and not _END_TAG.match(text, verb_end):
            continue
        k = bisect_right(ends, verb)
        floor = clause_floor(text, verb, spans[k - 1][1] + 1 if k else 0)
        subject = subject_before(text, verb, mentions, outside, floor)
        if subject is None or subject.kind == "thing":
            continue
        span = forward or _backward(text, verb_end, floor, subject.at, cover)
        if span is None:
            continue
        if subject.kind == "same":
            voice = voices.get(spans[k - 1][1]) if k else None
            if voice is not None:
                found.append(QuoteFind(*span, "reported", voice.speaker, voice.role))
            continue
        found.append(QuoteFind(*span, "reported", _speaker(subject, mentions, outside),
                               subject.role))
    return found


def _speaker(subject: Subject, mentions: tuple[Mention, ...], outside: list[int]) -> int | None:
    if subject.kind == "mention":
        return subject.mention
    if subject.kind == "pronoun":
        return last_before(mentions, outside, subject.at)
    return None


def last_before(mentions: tuple[Mention, ...], outside: list[int], pos: int) -> int | None:
    """The person named last before `pos` (outside quotes): whom a pronoun stands for."""
    k = before_count(mentions, outside, pos)
    return outside[k - 1] if k else None


def _forward(text: str, pos: int, cover: SpanCover) -> tuple[int, int] | None:
    match = _clause().match(text, pos)
    if match is None:
        return None
    start = match.start("clause")
    stop, end = _clause_end(text, start)
    if cover.touches(start, stop):
        return None
    # Only the first words are asked for: splitting the whole clause cost its length per verb.
    words = [word.group() for word in islice(_WORDS.finditer(text, start, end), _MIN_WORDS)]
    if len(words) < _MIN_WORDS or words[0].lower() in word_set("quotes_not_clause_start.txt"):
        return None
    return start, end


_WORDS = re.compile(r"\S+")


def _backward(
    text: str, pos: int, floor: int, at: int, cover: SpanCover
) -> tuple[int, int] | None:
    """"Turnover fell to 14%, Brooks said, and ...": the clause before ", <subject> said"."""
    if not _END_TAG.match(text, pos):
        return None
    comma = text.rfind(",", floor, at)
    if comma < 0 or len(text[comma + 1 : at].split()) > 6:
        return None
    start = floor + len(text[floor:comma]) - len(text[floor:comma].lstrip())
    # Does [start - 1, comma + 1) touch a direct quote, its marks included?
    if len(text[start:comma].split()) < _MIN_WORDS or cover.touches(start - 1, comma + 1):
        return None
    return start, comma


def according_to(
    text: str, mentions: tuple[Mention, ...], outside: list[int]
) -> list[QuoteFind]:
    """"According to Cllr Lee, the service ...": the clause after the name."""
    if "ccording" not in text:
        return []  # the phrase is looked for before every mention: not when the text lacks it
    found = []
    for i in outside:
        m = mentions[i]
        begin = m.hon_start if m.hon_start is not None else m.start
        if re.search(r"[Aa]ccording\s+to\s+$", text[max(0, begin - 20) : begin]):
            clause = re.match(r"(?:,[^,\n]{1,150})?,\s*(?P<c>[^“”\"]+?)(?=[.!?](?:\s|$))",
                              text[m.tail_end :])
            if clause:
                a = m.tail_end + clause.start("c")
                found.append(QuoteFind(a, m.tail_end + clause.end("c"), "reported", i))
    return found
