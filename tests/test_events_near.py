"""Events linking: the fast searches answer as their definitions do, and dense text of
sessions costs linear time."""

from __future__ import annotations

import random
import time

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from conftest import make_context
from extract.dates import extract_events
from extract.events_build import tense_of
from extract.events_link import SpanList, in_range, previous_gathering, segment_of, sentence
from extract.events_near import (
    Rivals,
    closest_rival,
    covering,
    distance,
    gap,
    list_break,
    nearest_owned,
    overlapping,
)
from extract.events_tense import sentence_tense
from extract.events_venue import echo

# Pieces of session prose, lists and blocks, joined at random: prepositions right after a
# time ("6pm on the Sunday"), dates in brackets, list lines with and without bullets.
PARTS = [
    "from 10am to 2pm ", "on Saturday 8 June ", "at Grange Hall", "at the jobs fair ",
    "the fair ", ", ", "; ", " and ", "\n", "\n- ", "Tuesday 4 June", " (Wed 5 June)",
    " on the 20th", "coffee morning ", "in Easton Library ", "The council meeting ", "then ",
    ". ", "It takes place at Westby Civic Centre. ", "Monday and Tuesday ", " 6pm ",
    "Date: 3 July\n", "Venue: Town Hall\n", "open day ", " or ", "the next day", "Friday",
    " (", ") ", "  on ", " at the ", "\n\n", "workshop ", "the event ", "Full Council ",
    "the board on Tuesday ", "in July ", "tomorrow ",
]
FIXED = [
    # A rival past the nearest, bound by a preposition alone (distance 0 beyond the gap).
    "at the jobs fair Tuesday 4 June 6pm  on the 20th, 6pm on Saturday 8 June",
    "coffee morning 6pm (Wed 5 June) on Friday at Grange Hall",
    "Careers drop-in – Wed 12/06, 2pm, Easton Library\nEvening – Thurs 13/06, 6.30pm, "
    "Westby Library\n",
]


def _texts() -> list[str]:
    rng = random.Random(7)
    made = ["".join(rng.choice(PARTS) for _ in range(rng.randint(3, 45))) for _ in range(120)]
    return FIXED + made


def _reference_owned(anchor: Span, spans: list[Span], rivals: list[Span]) -> Span | None:
    """`nearest_owned` as defined: every rival measured against every span."""
    def owner(span: Span) -> Span:
        same_item = [d for d in rivals if not list_break(d, span)]
        return min(same_item or rivals, key=lambda d: distance(d, span))

    owned = [s for s in spans if not rivals or owner(s) == anchor]
    return min(owned, key=lambda s: gap(anchor, s)) if owned else None


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return [nlp(text) for text in _texts()]


def test_events_near_overlapping_equals_covering(docs: list[Doc]) -> None:
    checked = 0
    for doc in docs:
        for key in ("venues", "times", "gatherings", "dates"):
            pool = list(doc.spans[key]) if key in doc.spans else []
            for spans in (pool, pool[::-1]):
                covered, overlaps = covering(spans), overlapping(spans)
                for start in range(0, len(doc), 3):
                    for end in (start, start + 1, start + 4, start + 20):
                        assert overlaps(start, end) == bool(covered(start, end)), doc.text
                        checked += overlaps(start, end)
    assert checked > 500


def test_events_near_owned_equals_definition(docs: list[Doc]) -> None:
    checked = 0
    for doc in docs:
        dates, times = SpanList(doc.spans["dates"]), SpanList(doc.spans["times"])
        venues = SpanList(doc.spans["venues"])
        for date in dates:
            segment = segment_of(date, times, venues)
            rivals = in_range(dates, segment)
            for pool in (times, venues, SpanList(doc.spans["gatherings"])):
                spans = in_range(pool, segment)
                expected = _reference_owned(date, spans, rivals)
                assert nearest_owned(date, spans, rivals) == expected, doc.text
                for span in spans:
                    nearest = min(rivals, key=lambda d, s=span: distance(d, s))
                    assert closest_rival(Rivals(rivals), span, same_item=False) == nearest
                checked += len(spans)
    assert checked > 500


def test_events_near_tense_equals_definition(docs: list[Doc]) -> None:
    for doc in docs:
        for date in doc.spans["dates"]:
            sent = sentence(date)
            expected = tense_of(sent.text, at=date.start_char - sent.start_char)
            assert sentence_tense(sent, date.start_char) == expected, doc.text


def test_events_near_echo_and_previous_gathering_equal_scans(docs: list[Doc]) -> None:
    for doc in docs:
        dates, gatherings = SpanList(doc.spans["dates"]), SpanList(doc.spans["gatherings"])
        memos: dict[tuple[str, int], dict[int, Span | None]] = {}
        for k, pool in enumerate((SpanList(doc.spans["times"]), SpanList(doc.spans["venues"]))):
            for gathering in gatherings:
                memo = memos.setdefault((gathering.label_, k), {})
                fast = echo(gathering, gatherings=gatherings, dates=dates, pool=pool, memo=memo)
                scan = echo(gathering, gatherings=SpanList(gatherings[::-1]), dates=dates,
                            pool=pool, memo={})
                assert fast == scan, doc.text
        for date in dates:
            assert previous_gathering(date, gatherings) == previous_gathering(
                date, list(gatherings))


@pytest.mark.parametrize("phrase", [
    "from 10am to 2pm on Saturday 8 June at Grange Hall, ",
    "from 10am to 2pm on Saturday 8 June at the jobs fair in Grange Hall, ",
    "the fair on the 20th at Grange Hall, then the workshop on Tuesday 4 June; ",
])
def test_events_near_dense_sessions_stay_linear(nlp: Language, phrase: str) -> None:
    """Doubling a text of sessions with no full stop at most ~doubles the events' time
    (measuring every date against every time, venue and gathering was quadratic)."""
    def timed(n: int) -> float:
        doc = nlp((phrase * (n // len(phrase) + 1))[:n])
        context = make_context("2019-06-14")
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            extract_events(doc, context=context)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = timed(6_000), timed(24_000)
    assert large < max(8 * small, 0.5), (small, large)
