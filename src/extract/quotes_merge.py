"""One record per act of speech: lead-ins joined to their quotes, and no overlapping quotes."""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.quotes_subject import QuoteFind

# A quote mark right after a reported clause: the direct quote it runs into.
_REOPENS = re.compile(r"\s*[“\"‘']")


def merge_lead_ins(
    text: str, spans: tuple[tuple[int, int, bool], ...], direct: list[QuoteFind],
    said: list[QuoteFind],
) -> list[QuoteFind]:
    """"X said the fair was “a real chance”" is one act of speech: the reported lead-in that
    runs into a direct quote of the same speaker becomes part of that quote's record."""
    by_start = {q.start: n for n, q in enumerate(direct)}
    closed = {start: ok for start, _, ok in spans}
    merged = list(direct)
    rest = []
    for q in sorted(said, key=lambda q: q.start):
        gap = _REOPENS.match(text[q.end : q.end + 8])
        n = by_start.get(q.end + gap.end()) if gap else None
        if n is None or merged[n].speaker not in (None, q.speaker) or merged[n].role:
            rest.append(q)
            continue
        if merged[n].start != direct[n].start:
            continue  # "said A but warned that “B”": the longer lead-in already holds this one
        d = merged[n]
        end = d.end + 1 if closed.get(d.start) else d.end
        merged[n] = QuoteFind(q.start, end, "direct", q.speaker, q.role)
    return [*merged, *rest]


def without_overlaps(quotes: list[QuoteFind]) -> list[QuoteFind]:
    """Direct quotes first, then reported ones that overlap nothing kept so far (a span inside
    a direct quote, or next to its marks, is never also reported speech)."""
    ordered = sorted(quotes, key=lambda q: (q.kind != "direct", q.start, -q.end))
    if any(q.end <= q.start for q in ordered):
        return _without_overlaps_by_pairs(ordered)
    # Kept spans never overlap and are not empty, so in start order their ends rise too: the
    # only kept span that can reach a new one is the last starting before its end (by
    # bisection; comparing with every kept span was O(n^2) on thousands of quotes).
    starts: list[int] = []
    ends: list[int] = []
    kept: list[QuoteFind] = []
    for q in ordered:
        margin = 1 if q.kind == "reported" else 0
        k = bisect_left(starts, q.end + margin)
        if k and ends[k - 1] + margin > q.start:
            continue
        starts.insert(k, q.start)
        ends.insert(k, q.end)
        kept.insert(k, q)
    return kept


def _without_overlaps_by_pairs(ordered: list[QuoteFind]) -> list[QuoteFind]:
    """The same choice by comparing every pair, for spans that may be empty."""
    kept: list[QuoteFind] = []
    for q in ordered:
        margin = 1 if q.kind == "reported" else 0
        if all(q.end + margin <= k.start or k.end + margin <= q.start for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)
