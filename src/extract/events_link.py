"""Linking a date span to its surroundings: the segment it belongs to, the nearest
gathering, time and venue, and whether it is page furniture or a deadline."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from spacy.tokens import Doc, Span

from extract.dates_patterns import cue_regex, word_lists
from extract.doctext import doc_text, group_spans, span_text, token_view
from extract.events_near import Rivals, closest_rival, covering, gap, nearest_owned, newlines
from extract.events_sentences import LexemeFlag as LexemeFlag
from extract.events_sentences import Sent as Sent
from extract.events_sentences import sent_bounds as sent_bounds
from extract.events_sentences import sent_of as sent_of
from extract.events_sentences import sentence as sentence
from extract.events_sentences import sentence_at as sentence_at

_BULLETS = " \t•*·-–—>"
# How far back (characters) a session line may look for the gathering it belongs to.
_GATHERING_REACH = 2500
# How far a session line (date, venue, street, time) may run, wrapped or not.
_SESSION_REACH = 300
# How far (characters) either side of a date its sentence may reach for rivals, times, venues.
_SEGMENT_REACH = 1000
# A dateline or "Published: ..." line is short; a longer line is prose or a list.
_FURNITURE_LINE = 300
_DATELINE_LABELS = frozenset({"DATE", "DATE_NUMERIC", "DATE_ISO"})
# `str.isalnum` of one character is `\w` less the underscore (the same Unicode tests).
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"[0-9]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|/\d{2}$")
# A line break before a bullet starts the next session of a list.
_NEXT_ITEM = re.compile(r"\n[ \t]*[*•·–-]")
_BODY_REACH = 60
_DAY_LEVEL = frozenset({"DATE", "DATE_RANGE", "DATE_NUMERIC", "DATE_ISO", "REL_DAY",
                        "WEEKDAY", "DAY_ONLY"})
_LIST_SLACK = 2
_START_CHAR = attrgetter("start_char")
_CONNECTIVES = frozenset({"and", "or", "on", "at", "from", "the", "then", "also", "plus",
                          "between", "in", "to", "until", "till", "with", "a", "an"})


class SpanList(list[Span]):
    """Spans with their start offsets read once: `in_range` on a list sorted by start
    takes a slice found by bisection instead of testing every span (a crawl of
    thousands of dates asked that of every date). Not to be changed once made."""

    def __init__(self, spans: Iterable[Span]) -> None:
        list.__init__(self, spans)
        self.starts = list(map(_START_CHAR, self))  # (the getter runs in C)
        self.ordered = self.starts == sorted(self.starts)  # never falling
        self._reach: list[int] | None = None

    def reach(self) -> list[int]:
        """The furthest end offset of the spans up to each index."""
        if self._reach is None:
            self._reach = list(accumulate((s.end_char for s in self), max))
        return self._reach


def in_range(spans: Iterable[Span], bounds: tuple[int, int]) -> list[Span]:
    """Spans starting inside the bounds (a venue's street may run past a full stop in
    "Refugee Rd., Columbus" that the sentencizer takes for a sentence end)."""
    start, end = bounds
    if isinstance(spans, SpanList) and spans.ordered:
        return spans[bisect_left(spans.starts, start):bisect_left(spans.starts, end)]
    return [s for s in spans if start <= s.start_char < end]


def newline_before(doc: Doc, at: int) -> int:
    """`doc_text(doc).rfind("\\n", 0, at)`, from newline offsets read once per Doc."""
    lines = newlines(doc)
    k = bisect_left(lines, at)
    return lines[k - 1] if k > 0 else -1


def newline_after(doc: Doc, at: int) -> int:
    """`doc_text(doc).find("\\n", at)` (-1 when there is none)."""
    lines = newlines(doc)
    k = bisect_left(lines, at)
    return lines[k] if k < len(lines) else -1


def own_gathering(date: Span, gatherings: list[Span], rivals: list[Span] | Rivals,
                  others: Callable[[int, int], set[int]]) -> Span | None:
    """The gathering nearest the date, unless another date in the clause is nearer to
    it and is not just listed alongside ("on Thursday announced ... an event this
    Friday": the event is Friday's; "on Monday 3 June, Tuesday 4 June and ..." share).
    `others` gives the tokens time and venue spans cover, which may sit between listed
    dates."""
    gathering = nearest_owned(date, gatherings, [])
    if gathering is not None and gathering.label_ == "body" and not _beside(date, gathering):
        gathering = nearest_owned(date, [g for g in gatherings if g.label_ != "body"], [])
    listed = rivals.spans if isinstance(rivals, Rivals) else rivals
    if gathering is None or len(listed) < 2:
        return gathering
    prepared = rivals if isinstance(rivals, Rivals) else Rivals(rivals)
    owner = closest_rival(prepared, gathering, same_item=False)
    if owner == date or _listed_together(date, owner, listed, others):
        return gathering
    return nearest_owned(date, gatherings, prepared)


def _beside(date: Span, body: Span) -> bool:
    """"The board on Tuesday voted": a body meets on a day named right beside it, on the
    same line (not "in July", not a headline list below)."""
    if date.label_ not in _DAY_LEVEL or gap(date, body) > _BODY_REACH:
        return False
    start, end = sorted((date.start_char, body.start_char))
    return "\n" not in doc_text(date.doc)[start:end]


def _listed_together(a: Span, b: Span, rivals: list[Span],
                     others: Callable[[int, int], set[int]]) -> bool:
    """Only connectives, dates, times and venues lie between the two dates."""
    first, second = sorted((a, b), key=lambda s: s.start)
    skip = others(first.end, second.start) | covering(rivals)(first.end, second.start)
    view = token_view(first.doc)
    words = 0
    for i in range(first.end, second.start):
        if not view.texts[i].isalpha() or view.lowers[i] in _CONNECTIVES or i in skip:
            continue
        words += 1
    return words <= _LIST_SLACK


def _line_bounds(span: Span) -> tuple[int, int]:
    start = newline_before(span.doc, span.start_char) + 1
    end = newline_after(span.doc, span.end_char)
    return start, len(doc_text(span.doc)) if end < 0 else end


def heads_line(date: Span) -> bool:
    """The date opens its line, after a bullet or a field label ("Date:", "When:")."""
    start, _ = _line_bounds(date)
    lead = doc_text(date.doc)[start:date.start_char].strip(_BULLETS)
    return not lead or bool(_field_label_regex().fullmatch(lead))


def segment_of(date: Span, times: list[Span], venues: list[Span]) -> tuple[int, int]:
    """The sentence, or, when the date heads a line of a session list or of a
    "Date: / Time: / Venue:" block, the text from the date to the next date (a
    hard-wrapped session may run onto the next line)."""
    # Clipped around the date: a "sentence" of thousands of dates (a table, a crawl with no
    # full stops) would otherwise make every date measure itself against every other.
    sent = sent_bounds(date)
    sentence_bounds = (max(sent.start_char, date.start_char - _SEGMENT_REACH),
                       min(sent.end_char, date.end_char + _SEGMENT_REACH))
    if not heads_line(date):
        return sentence_bounds
    text = doc_text(date.doc)
    following = _date_starts(date.doc)
    after = bisect_right(following, date.start_char)
    blank_line = paragraph_end(date.doc, date.end_char)
    end = min([*following[after:after + 1], blank_line, date.start_char + _SESSION_REACH])
    if item := _NEXT_ITEM.search(text, date.end_char, end):
        end = item.start()
    session = (date.start_char, end)
    if in_range(times, session) or in_range(venues, session):
        return session
    return sentence_bounds


_DATE_STARTS = "council_extract.date_starts"
_BREAKS = "council_extract.paragraph_breaks"


def paragraph_end(doc: Doc, at: int) -> int:
    """`text.find("\\n\\n", at) % (len(text) + 1)`: offsets of every blank-line start
    (overlapping ones too) read once per Doc."""
    breaks = doc.user_data.get(_BREAKS)
    if not isinstance(breaks, list):
        # `re.finditer("(?=\n\n)")` tries every position; `str.find` skips to the next.
        text, breaks = doc_text(doc), []
        found = text.find("\n\n")
        while found >= 0:
            breaks.append(found)
            found = text.find("\n\n", found + 1)
        doc.user_data[_BREAKS] = breaks
    k = bisect_left(breaks, at)
    return breaks[k] if k < len(breaks) else len(doc_text(doc))


def _date_starts(doc: Doc) -> list[int]:
    """Sorted start offsets of the doc's date spans, read once per Doc."""
    starts = doc.user_data.get(_DATE_STARTS)
    if not isinstance(starts, list):
        starts = sorted(d.start_char for d in group_spans(doc, "dates"))
        doc.user_data[_DATE_STARTS] = starts
    return starts


@lru_cache(maxsize=1)
def _field_label_regex() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in word_lists()["date_labels"])
    return re.compile(rf"(?:{labels})\s*[:：|–-]?", re.I)


def previous_gathering(date: Span, gatherings: Iterable[Span]) -> Span | None:
    """The last gathering (not a body) ending before the date, within reach."""
    at = date.start_char
    if isinstance(gatherings, SpanList) and gatherings.ordered:
        # Walked back from the date; a gathering ends after it starts, and none before
        # index i ends later than reach[i].
        reach, found = gatherings.reach(), None
        for i in range(bisect_left(gatherings.starts, at) - 1, -1, -1):
            g = gatherings[i]
            if reach[i] <= at - _GATHERING_REACH or (found and g.start_char < found.start_char):
                break
            if g.label_ != "body" and g.end_char <= at and at - g.end_char < _GATHERING_REACH:
                found = g  # the first of equal starts, as `max` keeps
        return found
    before = [g for g in gatherings if g.label_ != "body"
              and g.end_char <= at and at - g.end_char < _GATHERING_REACH]
    return max(before, key=lambda g: g.start_char) if before else None


@lru_cache(maxsize=1)
def _deadline_regex() -> re.Pattern[str]:
    # "closes on 2 June", "close at 5pm on Friday 2 June".
    return re.compile(rf"(?:{cue_regex('not_event_before').pattern})"
                      r"(?:\s+at\s+[\w.:]+(?:\s*[ap]\.?m\.?)?)?[\s:,]*(?:on|the|at)?\s*$", re.I)


def is_deadline(date: Span) -> bool:
    """"apply by 5 May", "closes on 12 March": a date that ends something, not a session."""
    sentence_start = sent_bounds(date).start_char
    return _ends_in_deadline(doc_text(date.doc)[max(sentence_start, date.start_char - 30):
                                                date.start_char])


@lru_cache(maxsize=4096)
def _ends_in_deadline(before: str) -> bool:
    """The deadline regex on the (at most 30) characters before a date: the same few
    lead-ins ("on ", "held on ") recur, and the search tries every position of them."""
    return bool(_deadline_regex().search(before))


def is_furniture(date: Span) -> bool:
    """A dateline or "Published: ..." line: the line holds nothing but a full date, or
    the date and a furniture word. (A wrapped line "last night." is prose.)"""
    if date.label_ not in _DATELINE_LABELS:
        return False
    start, end = _line_bounds(date)
    if end - start > _FURNITURE_LINE:
        return False  # prose; and measuring a huge line once per date was O(n^2)
    text = doc_text(date.doc)
    before_after = text[start:date.start_char] + " " + text[date.end_char:end]
    if _DIGIT.search(before_after):
        return False  # no furniture word holds a digit: it outlives the sub, `_ALNUM` below
    rest = cue_regex("furniture").sub(" ", before_after)
    if _ALNUM.search(rest):  # `any(ch.isalnum() for ch in rest)`
        return False
    if _YEAR.search(span_text(date)):
        return True
    # "Date: Wednesday 5 March" in a what's-on block is a session; a stamp has a year.
    lead = text[start:date.start_char].strip(_BULLETS)
    return rest != before_after and not _field_label_regex().fullmatch(lead)
