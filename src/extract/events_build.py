"""Events: dated gatherings assembled from the date, time, gathering and venue spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from extract.article import ArticleContext
from extract.dates_normalise import Anchor, DateValue
from extract.dates_patterns import cue_regex
from extract.dates_relative import normalise_phrase
from extract.dates_times import parse_time
from extract.events_link import (
    in_range,
    is_deadline,
    is_furniture,
    nearest_owned,
    previous_gathering,
    segment_of,
)
from extract.schema import Event


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


def tense_of(text: str) -> str | None:
    if cue_regex("tense_future").search(text):
        return "future"
    if cue_regex("tense_past").search(text):
        return "past"
    return None


def _candidate(date: Span, doc: Doc, anchor: Anchor) -> Candidate | None:
    dates, times = list(doc.spans["dates"]), list(doc.spans["times"])
    venues = list(doc.spans["venues"]) if "venues" in doc.spans else []
    segment = segment_of(date, times, venues)
    gathering = nearest_owned(date, in_range(doc.spans["gatherings"], segment), [])
    time = nearest_owned(date, in_range(times, segment), dates)
    venue = nearest_owned(date, in_range(venues, segment), dates)
    sentence = date.sent.text
    if gathering is None:
        if date.label_ not in _DAY_LEVEL or (time is None and venue is None):
            return None
        gathering = previous_gathering(date, doc.spans["gatherings"])
        if gathering is None:
            return None
        sentence = f"{sentence} {gathering.sent.text}"
        if venue is None:
            venue = nearest_owned(gathering, in_range(venues, _sent_range(gathering)), [])
    tense = tense_of(date.sent.text) or tense_of(gathering.sent.text)
    value = normalise_phrase(date.label_, date.text, replace(anchor, tense=tense))
    if cue_regex("virtual").search(sentence):
        venue = None
    return Candidate(date, value, gathering, time, venue)


_DAY_LEVEL = frozenset({"DATE", "DATE_RANGE", "DATE_NUMERIC", "DATE_ISO", "REL_DAY",
                        "WEEKDAY", "DAY_ONLY"})


def _sent_range(span: Span) -> tuple[int, int]:
    return span.sent.start_char, span.sent.end_char


def _key(candidate: Candidate) -> str:
    value = candidate.value
    if value.date is not None:
        return value.date.isoformat()
    return value.partial or " ".join(candidate.span.text.lower().split())


def _drop_vague(candidates: list[Candidate]) -> list[Candidate]:
    """"next month" adds nothing when the same gathering also has an exact date."""
    exact = {c.gathering.start for c in candidates if c.value.precise}
    return [c for c in candidates
            if c.value.precise or (c.gathering.start not in exact and c.value.partial)]


def _describe(gathering: Span) -> str:
    """A short name: the gathering phrase with the words qualifying it ("jobs fair")."""
    doc, start = gathering.doc, gathering.start
    if gathering.label_ != "named":
        sentence_start = gathering.sent.start
        while (start > max(sentence_start, gathering.start - 3) and doc[start - 1].is_alpha
               and not doc[start - 1].is_stop):
            start -= 1
    return " ".join(doc[start:gathering.end].text.split())


def _event(candidate: Candidate, later: list[Candidate]) -> Event:
    time_span = candidate.time or next((c.time for c in later if c.time), None)
    venue = candidate.venue or next((c.venue for c in later if c.venue), None)
    start_time, end_time = parse_time(time_span.text) if time_span else (None, None)
    span = candidate.span
    return Event(
        name=_describe(candidate.gathering), date_text=span.text,
        date=candidate.value.date, date_partial=None if candidate.value.date
        else candidate.value.partial, time=start_time, end_time=end_time,
        venue_text=venue.text if venue else None, start=span.start_char, end=span.end_char,
    )


def build_events(doc: Doc, *, context: ArticleContext) -> list[Event]:
    """One event per dated session; repeated mentions of a date merge into the first."""
    if "dates" not in doc.spans or "gatherings" not in doc.spans:
        return []
    anchor = Anchor(context.reference_date, _approx(context), context.date_order, None)
    candidates = [
        c for date in doc.spans["dates"]
        if not (is_furniture(date) or is_deadline(date))
        and (c := _candidate(date, doc, anchor)) is not None
    ]
    groups: dict[str, list[Candidate]] = {}
    for candidate in _drop_vague(candidates):
        groups.setdefault(_key(candidate), []).append(candidate)
    return [_event(group[0], group[1:]) for group in groups.values()]
