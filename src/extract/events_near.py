"""Which date a time, venue or gathering belongs to: the distance rule, and the searches
that apply it without measuring every date against every span.

A dense text (a table or crawl of "from 10am on Saturday 8 June at Grange Hall, ..."
with no full stop) puts dozens of dates, times and venues in every segment; measuring
each pair with regexes over the text between them cost minutes. The searches here visit
rivals in order of their gap to the span and stop once the gap alone exceeds the best
distance found (a distance is never less than the gap), so they give exactly the answer
of the full scan (`min` over the list: the first of the nearest)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate, pairwise

from spacy.tokens import Doc, Span

from extract.doctext import doc_text

_CLAUSE = 40
_BOUND = re.compile(r"(?:[ \t]*\([^()\n]{0,80}\))?\s+(?:on|at|in)\s+(?:the\s+)?", re.I)
# The most non-space characters a text matching `_BOUND` holds: "(", 80, ")", "on", "the".
_BOUND_SOLID = 1 + 80 + 1 + 2 + 3
_SPACES = re.compile(r"\s")
_LINE_END = re.compile(r"[^\s,;]\n")
_AND = re.compile(r"\b(?:and|or|then)\b")
_LINE_ENDS = "council_extract.line_ends"
_NEWLINES = "council_extract.newlines"

Offsets = tuple[int, int]


def gap(a: Span, b: Span) -> int:
    return max(0, a.start_char - b.end_char, b.start_char - a.end_char)


def _gap(a: Offsets, b: Offsets) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def _between(a: Offsets, b: Offsets) -> Offsets:
    start, end = sorted((a[1], b[0], a[0], b[1]))[1:3]
    return start, end


def distance(date: Span, span: Span) -> int:
    return _distance(doc_text(date.doc), (date.start_char, date.end_char),
                     (span.start_char, span.end_char))


def _distance(text: str, date: Offsets, span: Offsets) -> int:
    """Characters between, plus a clause's worth per comma or semicolon, and a little
    more when the date comes after: prose names the date first."""
    start, end = _between(date, span)
    between = text[start:end]
    after = date[0] > span[0]
    # "Denholme Retail Park on Tuesday 25 March", "on Monday 3 June at Easton Library":
    # a preposition alone binds the two, whatever else is near.
    if _BOUND.fullmatch(between):
        return 0
    # A line ending without a trailing space ends a list item; hard wraps keep the space.
    clauses = (between.count(",") + between.count(";") + len(_AND.findall(between))
               + len(_LINE_END.findall(between)))
    return _gap(date, span) + _CLAUSE * clauses + 10 * after


def newlines(doc: Doc) -> list[int]:
    """Offsets of every newline, read once per Doc."""
    lines = doc.user_data.get(_NEWLINES)
    if not isinstance(lines, list):
        # `str.find` skips to each newline; `re.finditer` makes a match object for each.
        text, lines = doc_text(doc), []
        at = text.find("\n")
        while at >= 0:
            lines.append(at)
            at = text.find("\n", at + 1)
        doc.user_data[_NEWLINES] = lines
    return lines


def _line_ends(doc: Doc) -> list[int]:
    """Offsets of every `_LINE_END` match (they cannot overlap), read once per Doc."""
    ends = doc.user_data.get(_LINE_ENDS)
    if not isinstance(ends, list):
        # From the newlines events_link reads once: `[^\s,;]` is `str.isspace`'s
        # complement (both use Unicode white space) less the two marks.
        text = doc_text(doc)
        ends = [at - 1 for at in newlines(doc)
                if at > 0 and not text[at - 1].isspace() and text[at - 1] not in ",;"]
        doc.user_data[_LINE_ENDS] = ends
    return ends


def list_break(date: Span, span: Span) -> bool:
    """A line ending without a trailing space lies between the two (hard wraps keep it)."""
    return _break(_line_ends(date.doc), (date.start_char, date.end_char),
                  (span.start_char, span.end_char))


def _break(ends: list[int], a: Offsets, b: Offsets) -> bool:
    # `_LINE_END.search(text, max(0, start - 1), end)`: a match starting in that reach.
    start, end = _between(a, b)
    k = bisect_left(ends, max(0, start - 1))
    return k < len(ends) and ends[k] <= end - 2


def _outward(rivals: Rivals, span: Offsets) -> Iterator[tuple[int, int, bool]]:
    """(index, gap, overlaps) of the rivals in order of their gap to `span`: the two
    sides of it walked outwards, nearer first (starts and ends both ascend)."""
    spans = rivals.offsets
    k = bisect_left(rivals.starts, span[0])
    left, right = k - 1, k
    while left >= 0 or right < len(spans):
        left_gap = _gap(spans[left], span) if left >= 0 else None
        right_gap = _gap(spans[right], span) if right < len(spans) else None
        if right_gap is None or (left_gap is not None and left_gap <= right_gap):
            yield left, left_gap or 0, spans[left][1] > span[0]
            left -= 1
        else:
            yield right, right_gap, spans[right][0] < span[1]
            right += 1


class Rivals:
    """The dates competing for spans, with their offsets read once."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.offsets = [(s.start_char, s.end_char) for s in spans]
        self.starts = [s[0] for s in self.offsets]
        # Starts and ends both never falling (a sorted list is its own sort, found in C).
        ends = [s[1] for s in self.offsets]
        self.ordered = self.starts == sorted(self.starts) and ends == sorted(ends)


def _best(rivals: Rivals, text: str, span: Offsets,
          keep: Callable[[int, bool], bool | None]) -> int | None:
    """Index of the first rival of least distance among those `keep` accepts. `keep`
    answers None when no rival further out on that side can be accepted either.

    A distance is never less than the gap, but for 0 when only a preposition binds the
    two (`_BOUND`): past the best distance a side is searched on for that alone, while
    the text between can still fit the pattern."""
    best: tuple[int, int] | None = None
    closed: set[bool] = set()
    bound_only: set[bool] = set()
    for i, near, overlaps in _outward(rivals, span):
        side = rivals.starts[i] < span[0]
        if side in closed:
            continue
        if best is not None and near > best[0]:
            bound_only.add(side)
        start, end = _between(rivals.offsets[i], span)
        if side in bound_only and _solid(text, start, end) > _BOUND_SOLID:
            closed.add(side)  # and so is all text between rivals further out
            if len(closed) == 2:
                break
            continue
        verdict = keep(i, overlaps)
        if verdict is None:
            closed.add(side)
        elif verdict and side in bound_only:
            if best is not None and (0, i) < best and _BOUND.fullmatch(text, start, end):
                best = (0, i)
        elif verdict:
            measured = (_distance(text, rivals.offsets[i], span), i)
            best = measured if best is None else min(best, measured)
    return None if best is None else best[1]


def _solid(text: str, start: int, end: int) -> int:
    """How many characters between are not white space."""
    return end - start - len(_SPACES.findall(text, start, end))


def closest_rival(rivals: Rivals, span: Span, *, same_item: bool) -> Span:
    """`min(rivals, key=distance to span)`; with `same_item`, among the rivals no list
    break parts from the span when there are any (a list line's end is a hard bound)."""
    if not rivals.ordered:
        return _closest_scan(rivals.spans, span, same_item=same_item)
    doc = span.doc
    text, own, offsets = doc_text(doc), (span.start_char, span.end_char), rivals.offsets
    found = None
    if same_item:
        ends = _line_ends(doc)

        def unbroken(i: int, overlaps: bool) -> bool | None:
            # Past a break, every rival further out on that side is broken off too.
            return True if not _break(ends, offsets[i], own) else (False if overlaps else None)

        found = _best(rivals, text, own, unbroken)
    if found is None:
        found = _best(rivals, text, own, lambda i, overlaps: True)
    assert found is not None  # rivals is not empty
    return rivals.spans[found]


def _closest_scan(rivals: list[Span], span: Span, *, same_item: bool) -> Span:
    """The definition, measuring every rival (spans not in order)."""
    kept = [d for d in rivals if not list_break(d, span)] if same_item else []
    return min(kept or rivals, key=lambda d: distance(d, span))


def nearest_owned(anchor: Span, spans: list[Span], rivals: list[Span] | Rivals) -> Span | None:
    """The span nearest `anchor`, preferring spans no rival date is nearer to (so each
    session in a list keeps its own time and venue)."""
    if not spans:
        return None
    start, end = anchor.start_char, anchor.end_char

    def gap_to(span: Span) -> int:  # `gap(anchor, span)`
        return max(0, start - span.end_char, span.start_char - end)

    competing = rivals.spans if isinstance(rivals, Rivals) else rivals
    if len(competing) == 1:
        # A lone rival is the closest to every span: all are its, or none is the anchor's.
        if competing[0] != anchor:
            return None
    elif competing:
        return _owned_in_order(anchor, spans, rivals, gap_to)
    return spans[0] if len(spans) == 1 else min(spans, key=gap_to)  # the first nearest


def _owned_in_order(anchor: Span, spans: list[Span], rivals: list[Span] | Rivals,
                    gap_to: Callable[[Span], int]) -> Span | None:
    """The nearest span whose closest rival is the anchor."""
    order = sorted(range(len(spans)), key=lambda i: (gap_to(spans[i]), i))
    # Prose names the date first ("on Wednesday 14 September ... at the Library"), so a
    # date after the span must be much nearer to claim it; and a list line's end is a
    # hard bound: "Drop-in – Wed 12/03, 2pm, Lowther Library\nEvening – Tues 18/03":
    # the library is Wednesday's, however near Tuesday is.
    prepared = rivals if isinstance(rivals, Rivals) else Rivals(rivals)
    for i in order:
        if closest_rival(prepared, spans[i], same_item=True) == anchor:
            return spans[i]
    return None


def covering(spans: list[Span]) -> Callable[[int, int], set[int]]:
    """For spans ordered by start: the token indices in [start, end) that any span
    covers, looking only at spans that can reach that range (by a running furthest end)."""
    made: list[tuple[list[int], list[int], bool]] = []  # made once, on the first call

    def covered(start: int, end: int) -> set[int]:
        if not spans:
            return set()
        if not made:
            starts = [s.start for s in spans]
            reach = list(accumulate((s.end for s in spans), max))
            made.append((starts, reach, all(a <= b for a, b in pairwise(starts))))
        starts, reach, ordered = made[0]
        near = spans[bisect_right(reach, start):bisect_left(starts, end)] if ordered else spans
        return {i for s in near for i in range(max(s.start, start), min(s.end, end))}

    return covered


def overlapping(spans: list[Span]) -> Callable[[int, int], bool]:
    """Whether `covering(spans)(start, end)` holds any token, without making the set:
    some span near the range (found as there) shares a token with it."""
    bounds = [(s.start, s.end) for s in spans]
    starts = [start for start, _ in bounds]
    reach = list(accumulate((end for _, end in bounds), max))
    ordered = starts == sorted(starts)

    def overlaps(start: int, end: int) -> bool:
        near = bounds[bisect_right(reach, start):bisect_left(starts, end)] if ordered else bounds
        return any(max(low, start) < min(high, end) for low, high in near)

    return overlaps
