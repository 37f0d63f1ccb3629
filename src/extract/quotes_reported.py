"""Reported speech: a speech verb whose subject is a person ("X said the council was ...",
"He said ...", "A spokesperson said ...", "..., the Minister said."), and "according to X, ...".

Every verb outside the direct quotes is tried; `quotes_subject` decides whose it is. The
clause follows the verb, or, for a tag at the end ("..., Brooks said, and ..."), precedes
the subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

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

REPORTED_CORE = (
    r"said|says|added|explained|stated|told|warned|believes|stressed|insisted|argued"
    r"|admitted|claimed|confirmed|noted|pointed out|suggested|urged|revealed|acknowledged"
    r"|called\s+on|described|expects|hopes|predicted|reported|announced"
)
_VERB = re.compile(rf"\b(?:{REPORTED_CORE})\b")
_STOP = r"(?=[.!?](?:\s|$)|\n\s*\n|[“”\":‘]|$)"
# A tag closing the sentence: "..., Brooks said." / "..., the Minister said, and ...".
_END_TAG = re.compile(r"[ \t]*(?:[.!;]|,\s+(?:and|but|while|although)\b)")
_MIN_WORDS = 3
Spans = tuple[tuple[int, int, bool], ...]


@cache
def _clause() -> re.Pattern[str]:
    """The reported clause after the verb; "that" may follow a time or place phrase
    ("said on Monday that ...") or the hearer ("told the meeting that ...")."""
    preps = "|".join(sorted(word_set("quotes_not_clause_start.txt"), key=len, reverse=True))
    return re.compile(
        rf"(?:\s+(?:that|how)|\s+(?:{preps})\b[^.,“”\"\n]{{0,40}}?\s+that"
        rf"|(?<=told)\s+[^.,“”\"\n]{{1,60}}?\s+that)?\s+(?P<clause>\w[^“”\":‘]*?){_STOP}"
    )


def reported(
    text: str, mentions: tuple[Mention, ...], outside: list[int], spans: Spans,
    voices: dict[int, QuoteFind],
) -> list[QuoteFind]:
    """Reported clauses with their speakers (or a role to resolve, or no named speaker).
    `voices` maps a direct quote's end to its record, for "“...” and said ..."."""
    found = []
    ends = [end for _, end, _ in spans]
    cover = SpanCover(spans)
    for match in _VERB.finditer(text):
        if cover.touches(match.start(), match.end()):
            continue
        k = bisect_right(ends, match.start())
        floor = clause_floor(text, match.start(), spans[k - 1][1] + 1 if k else 0)
        subject = subject_before(text, match.start(), mentions, outside, floor)
        if subject is None or subject.kind == "thing":
            continue
        span = _forward(text, match.end(), cover) or _backward(text, match.end(), floor,
                                                               subject.at, cover)
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
    if match is None or cover.touches(match.start("clause"), match.end("clause")):
        return None
    start = match.start("clause")
    end = start + len(text[start : match.end("clause")].rstrip())
    words = text[start:end].split()
    if len(words) < _MIN_WORDS or words[0].lower() in word_set("quotes_not_clause_start.txt"):
        return None
    return start, end


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
