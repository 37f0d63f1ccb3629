"""Events: dated gatherings assembled from the date, time, gathering and venue spans."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from extract.article import ArticleContext
from extract.dates_normalise import Anchor, DateValue
from extract.dates_patterns import cue_regex
from extract.dates_relative import day_only_value, normalise_phrase
from extract.dates_times import parse_time
from extract.doctext import doc_text, group_spans, span_text, token_view
from extract.events_link import (
    LexemeFlag,
    SpanList,
    in_range,
    is_deadline,
    is_furniture,
    own_gathering,
    previous_gathering,
    segment_of,
    sent_bounds,
)
from extract.events_near import Rivals, covering, nearest_owned, overlapping
from extract.events_tense import sentence_tense, tense_of
from extract.events_venue import TitleMemo, back_gathering, echo, neighbour_link
from extract.schema import Event

__all__ = ["build_events", "tense_of", "venue_text"]
from extract.venues_records import phrase_bounds


@dataclass(frozen=True, slots=True)
class Candidate:
    span: Span
    value: DateValue
    gathering: Span
    time: Span | None
    venue: Span | None


def _approx(context: ArticleContext) -> dt.date | None:
    """A stand-in for a partial publication date ("2019-06", "2019") to choose years."""
    published = context.published or ""
    if context.reference_date or not published[:4].isdigit():
        return None
    month = int(published[5:7]) if len(published) >= 7 else 7
    return dt.date(int(published[:4]), month, 15 if len(published) >= 7 else 1)


class _Spans:
    """The spans of one doc that events are assembled from."""

    def __init__(self, doc: Doc) -> None:
        venues = group_spans(doc, "venues") if "venues" in doc.spans else []
        self.dates = SpanList(group_spans(doc, "dates"))
        self.times, self.venues = SpanList(group_spans(doc, "times")), SpanList(venues)
        times_at, venues_at = covering(self.times), covering(self.venues)
        gatherings = group_spans(doc, "gatherings")
        if venues:
            # "New County Hall (main reception)": a gathering word inside a venue is not one.
            in_venue = overlapping(self.venues)
            gatherings = [g for g in gatherings if not in_venue(g.start, g.end)]
        self.gatherings = SpanList(gatherings)
        self.others: Callable[[int, int], set[int]] = (
            lambda start, end: times_at(start, end) | venues_at(start, end))
        # Explicit dates with their end offsets, for the one a "the 20th" continues
        # (made on first use: few docs have such a date).
        self._explicit: tuple[list[Span], list[int], bool] | None = None
        # What a later sentence echoing a gathering lends, by (kind, want): see `echo`.
        self.echoes: dict[tuple[str, str], dict[int, Span | None]] = {}
        # Headline lines lending a time or venue, by pool (`neighbour_link`).
        self.titles: dict[int, TitleMemo] = {}

    def explicit_before(self, date: Span) -> Span | None:
        """The last explicit date (in list order) ending before `date` starts."""
        if self._explicit is None:
            explicit = [d for d in self.dates if d.label_ in _EXPLICIT]
            ends = [d.end_char for d in explicit]
            self._explicit = explicit, ends, ends == sorted(ends)
        explicit, ends, ordered = self._explicit
        if ordered:
            k = bisect_right(ends, date.start_char)
            return explicit[k - 1] if k else None
        earlier = [d for d in explicit if d.end_char <= date.start_char]
        return earlier[-1] if earlier else None


def _value(date: Span, spans: _Spans, anchor: Anchor) -> DateValue:
    if date.label_ != "DAY_ONLY":
        return normalise_phrase(date.label_, span_text(date), anchor)
    last = spans.explicit_before(date)
    previous = normalise_phrase(last.label_, span_text(last), anchor) if last else None
    return day_only_value(span_text(date), previous, anchor)


def _echo(gathering: Span, spans: _Spans, *, want: str) -> Span | None:
    pool = spans.times if want == "time" else spans.venues
    memo = spans.echoes.setdefault((gathering.label_, want), {})
    return echo(gathering, gatherings=spans.gatherings, dates=spans.dates, pool=pool, memo=memo)


def _links(date: Span, spans: _Spans, segment: tuple[int, int],
           rivals: list[Span]) -> tuple[Span, Span | None, Span | None, str] | None:
    """The date's gathering, time and venue in its segment, and the words before the
    gathering (for the online test); None when no gathering is found."""
    prepared = Rivals(rivals)  # one per date, shared by the searches below
    gathering = own_gathering(date, in_range(spans.gatherings, segment), prepared,
                              spans.others)
    own, found_here, earlier = "", gathering is not None, None
    if gathering is not None:
        own = _tokens_text(date.doc, max(sent_bounds(gathering).start, gathering.start - 3),
                           gathering.end)
        own = own[own.rfind("\n") + 1:]  # "... via Teams\nFull Council": the line above
    elif date.label_ not in _DAY_LEVEL:
        return None
    else:
        # A gathering of an earlier sentence. The nearby time and venue only decide
        # whether a previous one is taken, so they are looked for once one is there.
        earlier = back_gathering(date, spans.gatherings)
        gathering = earlier or previous_gathering(date, spans.gatherings)
        if gathering is None:
            return None
    time = nearest_owned(date, in_range(spans.times, segment), prepared)
    venue = nearest_owned(date, in_range(spans.venues, segment), prepared)
    if not found_here:
        if earlier is None and time is None and venue is None:
            return None
        own_sentence = in_range(spans.venues, _sent_range(gathering))
        venue = venue or nearest_owned(gathering, own_sentence, [])
    return gathering, time, venue, own


def _candidate(date: Span, spans: _Spans, anchor: Anchor) -> Candidate | None:
    segment = segment_of(date, spans.times, spans.venues)
    rivals = in_range(spans.dates, segment)
    if (links := _links(date, spans, segment, rivals)) is None:
        return None
    gathering, time, venue, own = links
    # (Searching the whole sentence again when it holds the gathering too adds nothing:
    # `tense_of` with `at` already falls back to the whole sentence.)
    tense = sentence_tense(sent_bounds(date), date.start_char)
    # (A new Anchor directly: `dataclasses.replace` costs as much as the rest here.)
    value = _value(date, spans, Anchor(anchor.reference, anchor.approx, anchor.order, tense))
    time = time or _echo(gathering, spans, want="time") or _linked(date, gathering, spans.times,
                                                                   spans)
    venue = venue or _echo(gathering, spans, want="venue") or _linked(date, gathering,
                                                                      spans.venues, spans)
    # "an online information session", "via Zoom": no place, whatever else is nearby.
    later = [d.start_char for d in rivals if d.start_char > date.start_char]
    after = doc_text(date.doc)[date.start_char:min([*later, segment[1]])]
    if cue_regex("virtual").search(f"{own} {after}"):
        venue = None
    return Candidate(date, value, gathering, time, venue)


_DAYS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till)\s*(?:[A-Za-z]+day,?\s+)?"
                   r"(\d{1,2})")
_EXPLICIT = frozenset({"DATE", "DATE_RANGE", "DATE_NUMERIC", "DATE_ISO"})
_DAY_LEVEL = frozenset({"DATE", "DATE_RANGE", "DATE_NUMERIC", "DATE_ISO", "REL_DAY",
                        "WEEKDAY", "DAY_ONLY"})


def _linked(date: Span, gathering: Span, pool: list[Span], spans: _Spans) -> Span | None:
    return neighbour_link(date, gathering, dates=spans.dates, gatherings=spans.gatherings,
                          pool=pool, titles=spans.titles.setdefault(id(pool), {}))


def _sent_range(span: Span) -> tuple[int, int]:
    sent = sent_bounds(span)
    return sent.start_char, sent.end_char


def _key(candidate: Candidate) -> str:
    value = candidate.value
    if value.date is not None:
        return value.date.isoformat()
    return value.partial or " ".join(span_text(candidate.span).lower().split())


def _month(value: DateValue) -> str | None:
    if value.date is not None:
        return f"{value.date.month:02d}"
    return value.partial[2:4] if value.partial else None


def _drop_vague(candidates: list[Candidate]) -> list[Candidate]:
    """"next month", "in April" add nothing when the same gathering, or a session in that
    month, has an exact date."""
    exact = [c for c in candidates if c.value.precise]
    gatherings = {c.gathering.start for c in exact}
    months = {_month(c.value) for c in exact}
    return [c for c in candidates if c.value.precise or (
        c.value.partial and c.gathering.start not in gatherings
        and _month(c.value) not in months)]


def _day_span(candidate: Candidate) -> tuple[str, int, int] | None:
    """(month, first day, last day) of a dated range ("24-28 March")."""
    match = _DAYS.search(span_text(candidate.span))
    month = _month(candidate.value)
    if candidate.span.label_ != "DATE_RANGE" or match is None or month is None:
        return None
    return month, int(match.group(1)), int(match.group(2))


def _day(value: DateValue) -> int | None:
    if value.date is not None:
        return value.date.day
    return int(value.partial[5:7]) if value.partial and len(value.partial) == 7 else None


def _range_times(candidates: list[Candidate]) -> list[Candidate]:
    """"Date: 24-28 March / Time: 9.30am daily ... on Tuesday 25 March": a stop inside a
    timed range takes the range's time when it states none."""
    ranges = [(days, c.time) for c in candidates
              if c.time is not None and (days := _day_span(c)) is not None]
    if not ranges:
        return candidates
    timed = []
    for candidate in candidates:
        day = _day(candidate.value)
        if candidate.time is None and day is not None:
            month = _month(candidate.value)
            time = next((t for (m, first, last), t in ranges
                         if m == month and first <= day <= last), None)
            candidate = replace(candidate, time=time)
        timed.append(candidate)
    return timed


def _describe(gathering: Span) -> str:
    """A short name: the gathering phrase with the words qualifying it ("jobs fair")."""
    doc, start = gathering.doc, gathering.start
    texts = token_view(doc).texts
    if not texts[start][:1].isupper():  # a title ("MJ Awards") is already a name
        sentence_start, stop = sent_bounds(gathering).start, LexemeFlag.of(doc, "is_stop")
        # `Token.is_alpha` is `str.isalpha` of the text; `is_stop` a lexeme flag.
        while (start > max(sentence_start, gathering.start - 3) and texts[start - 1].isalpha()
               and not stop[texts[start - 1]]):
            start -= 1
    return " ".join(_tokens_text(doc, start, gathering.end).split())


def _tokens_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` for start < end, from the token lists (no Span made)."""
    view = token_view(doc)
    return doc_text(doc)[view.starts[start]:view.starts[end - 1] + len(view.texts[end - 1])]


def venue_text(venue: Span | None) -> str | None:
    if venue is None:
        return None
    start, end = phrase_bounds(venue)
    return doc_text(venue.doc)[start:end]


def _event(candidate: Candidate, later: list[Candidate]) -> Event:
    time_span = candidate.time or next((c.time for c in later if c.time), None)
    venue = candidate.venue or next((c.venue for c in later if c.venue), None)
    start_time, end_time = parse_time(span_text(time_span)) if time_span else (None, None)
    span = candidate.span
    return Event(
        name=_describe(candidate.gathering), date_text=span_text(span),
        date=candidate.value.date, date_partial=None if candidate.value.date
        else candidate.value.partial, time=start_time, end_time=end_time,
        venue_text=venue_text(venue), start=span.start_char, end=span.end_char,
    )


def build_events(doc: Doc, *, context: ArticleContext) -> list[Event]:
    """One event per dated session; repeated mentions of a date merge into the first."""
    if "dates" not in doc.spans or "gatherings" not in doc.spans:
        return []
    anchor = Anchor(context.reference_date, _approx(context), context.date_order, None)
    spans = _Spans(doc)
    candidates = [
        c for date in spans.dates
        if not (is_furniture(date) or is_deadline(date))
        and (c := _candidate(date, spans, anchor)) is not None
    ]
    groups: dict[str, list[Candidate]] = {}
    for candidate in _range_times(_drop_vague(candidates)):
        groups.setdefault(_key(candidate), []).append(candidate)
    return [_event(group[0], group[1:]) for group in groups.values()]
