"""Linking a session to a time or venue stated outside its own clause.

Writers often give the date in one sentence and the place in the next ("The fair is on
Saturday 8 June. It takes place at Easton Town Hall."), the place first ("We are hosting a
fair at Easton Library. The fair runs on ..."), in a "Venue:" line, or in the headline.
The rule: a neighbouring sentence lends its time or venue when it talks about the same
gathering (it opens by referring back, or names a gathering of the same kind) and holds no
date of its own (a dated sentence is another session) and no other kind of gathering.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.dates_patterns import cue_regex, read_jsonl
from extract.doctext import doc_text, span_text, token_view
from extract.events_link import (
    LexemeFlag,
    Sent,
    SpanList,
    in_range,
    newline_after,
    sent_bounds,
    sent_of,
)
from extract.events_near import nearest_owned

# Tokens at the start of a sentence within which a reference back must appear.
_OPENING = 5
# How many sentences after the session's a chain of references back may run.
_FORWARD = 2
_TITLE_REACH = 400
_TITLE_LENGTH = 150
_DEFINITE = frozenset({"the", "this", "that", "each", "every"})
# Words that refer back to any kind of gathering: "at the event in the Wedgwood Room".
_ANAPHORS = frozenset({"event", "events", "occasion", "evening", "day"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {row["list"]: frozenset(row["words"]) for row in read_jsonl("events_link.jsonl")}


@lru_cache(maxsize=1)
def _label_regex() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in sorted(_words()["place_labels"], key=len,
                                                    reverse=True))
    return re.compile(rf"[ \t•*·-]*(?:{labels})[ \t]*[:：|–-]", re.I)


def _refers_back(sent: Sent, gathering: Span, gatherings: list[Span]) -> bool:
    """"It takes place at ...", "The event will be held at ...", "All sessions are at
    ...", "Venue: ...": the sentence opens by pointing at a gathering already named."""
    doc = sent.doc
    if _label_regex().match(doc_text(doc), sent.start_char):
        return True
    # The first `_OPENING` tokens, white space and punctuation left out (token indices).
    view, punct = token_view(doc), LexemeFlag.of(doc, "is_punct")
    opening = [i for i in range(sent.start, min(sent.start + _OPENING, sent.end))
               if not view.is_space[i] and not punct[view.texts[i]]]
    lowers = [view.lowers[i] for i in opening]
    if lowers and lowers[0] in _words()["pronouns"]:
        # "It is hoped ...", "It follows ...": an empty subject refers to nothing.
        follow = " ".join(lowers[1:3])
        return not any(follow.startswith(w) for w in _words()["not_pronoun_follow"])
    anaphors, determiners = _words()["anaphors"], _words()["determiners"]
    for i, lower in enumerate(lowers[1:], start=1):
        if lower in anaphors and lowers[i - 1] in determiners:
            return True
    end = opening[-1] + 1 if opening else sent.start
    return any(g.label_ == gathering.label_ and g.start < end for g in gatherings)


def _lender(sent: Sent, gathering: Span, spans: _Pools) -> bool:
    """No date (a dated sentence is another session), no other kind of gathering, and
    not online."""
    bounds = (sent.start_char, sent.end_char)
    own = in_range(spans.gatherings, bounds)
    return (not in_range(spans.dates, bounds)
            and all(g.label_ in (gathering.label_, "body") for g in own)
            and not cue_regex("virtual").search(doc_text(sent.doc), *bounds))


class _Pools:
    """The spans one doc's links are drawn from."""

    def __init__(self, dates: list[Span], gatherings: list[Span], pool: list[Span],
                 titles: TitleMemo) -> None:
        self.dates, self.gatherings, self.pool = dates, gatherings, pool
        self.titles = titles


# Per gathering kind, the headline lines read so far (start and end offsets, the first
# pool span of the line or None when the line lends nothing): the same for every date
# of a doc and pool, read only as far as a date needs.
TitleMemo = dict[str, list[tuple[int, int, Span | None]]]


def _first(sent: Sent, pool: list[Span]) -> Span | None:
    found = in_range(pool, (sent.start_char, sent.end_char))
    return found[0] if found else None


def _next(sent: Sent) -> Sent | None:
    return sent_of(sent.doc, sent.end) if sent.end < len(sent.doc) else None


def _previous(sent: Sent) -> Sent | None:
    return sent_of(sent.doc, sent.start - 1) if sent.start > 0 else None


def neighbour_link(date: Span, gathering: Span, *, dates: list[Span], gatherings: list[Span],
                   pool: list[Span], titles: TitleMemo | None = None) -> Span | None:
    """A time or venue (from `pool`) the sentences around the session's give it.
    `titles` keeps headline answers between calls with the same dates, gatherings and
    pool."""
    spans = _Pools(dates, gatherings, pool, {} if titles is None else titles)
    sent = sent_bounds(date)
    following = _next(sent)
    for _ in range(_FORWARD):
        if following is None or not _lender(following, gathering, spans):
            break
        own = in_range(gatherings, (following.start_char, following.end_char))
        if not _refers_back(following, gathering, own):
            break
        if (found := _first(following, pool)) is not None:
            return found
        following = _next(following)
    gathering_sent = sent_bounds(gathering)
    before = _previous(gathering_sent if gathering_sent.start < sent.start else sent)
    if before is not None and _lender(before, gathering, spans):
        own = in_range(gatherings, (before.start_char, before.end_char))
        # "We are hosting a jobs fair at Easton Library. The fair runs on ...": the
        # place came first, with the same kind of gathering.
        if any(g.label_ == gathering.label_ for g in own) and (
                _refers_back(sent, gathering, in_range(gatherings, (sent.start_char,
                                                                    sent.end_char)))):
            return _first(before, pool)
    return _title_link(date, gathering, spans)


def _title_link(date: Span, gathering: Span, spans: _Pools) -> Span | None:
    """"Jobs fair at Westby Civic Centre" as the headline, the date in the body: the
    first line before the date (within reach) that lends a span."""
    lines = spans.titles.setdefault(gathering.label_, [])
    reach = min(_TITLE_REACH, date.start_char)
    for start, _, found in lines:
        if start >= reach:
            return None
        if found is not None:
            return found
    start = lines[-1][1] + 1 if lines else 0
    while start < reach:
        lines.append(line := _title_line(date.doc, start, gathering.label_, spans))
        if line[2] is not None:
            return line[2]
        start = line[1] + 1
    return None


def _title_line(doc: Doc, start: int, label: str,
                spans: _Pools) -> tuple[int, int, Span | None]:
    """The line from `start` with the span it lends: a short line without a closing
    stop, no date, only gatherings of this kind (one at least)."""
    text = doc_text(doc)
    end = newline_after(doc, start) % (len(text) + 1)
    line = text[start:end].strip()
    if 0 < len(line) <= _TITLE_LENGTH and not line.endswith((".", "!", "?")):
        bounds = (start, end)
        own = in_range(spans.gatherings, bounds)
        if (not in_range(spans.dates, bounds) and own
                and all(g.label_ == label for g in own)
                and (pool := in_range(spans.pool, bounds))):
            return start, end, pool[0]
    return start, end, None


def back_gathering(date: Span, gatherings: list[Span]) -> Span | None:
    """"The fair is at the Grand Rooms. It opens on Monday 4 March.": a session sentence
    that opens by referring back takes the gathering of the sentence before."""
    sent = sent_bounds(date)
    before = _previous(sent)
    if before is None:
        return None
    own = [g for g in in_range(gatherings, (before.start_char, before.end_char))
           if g.label_ != "body"]
    if not own or not _refers_back(sent, own[-1], []) or not _appointed(date):
        return None
    return own[-1]


def _appointed(date: Span) -> bool:
    """"on Monday 4 March", "from 9 June", "tomorrow": a date something is set for, not
    "the best Saturday morning" or a date inside a quotation."""
    text = doc_text(date.doc)
    if any(q in text[sent_bounds(date).start_char:date.start_char] for q in "\"“”"):
        return False
    previous = token_view(date.doc).lowers[date.start - 1] if date.start > 0 else ""
    return previous in _words()["date_leads"] or date.label_ == "REL_DAY"


def echo(gathering: Span, *, gatherings: SpanList, dates: list[Span], pool: list[Span],
         memo: dict[int, Span | None]) -> Span | None:
    """A time or venue from a later sentence that refers back to the same gathering
    ("The expo will run from 10am at ...", "at the event in the ... Room"): the nearest
    later gathering of the same kind, or a definite "the event", in an undated sentence
    that holds one.

    Gatherings in order, the answer from each index on is the same for every gathering
    of a kind: `memo` keeps it, so a text of thousands of sessions walks them once."""
    if not gatherings.ordered:
        return _echo_scan(gathering, gatherings=gatherings, dates=dates, pool=pool)
    after = sent_bounds(gathering).end_char  # a reference back comes after its gathering
    visited, found = [], None
    for j in range(bisect_left(gatherings.starts, after), len(gatherings)):
        if j in memo:
            found = memo[j]
            break
        visited.append(j)
        if _echoes(gathering.label_, gatherings[j], dates):
            found = nearest_owned(gatherings[j], in_range(pool, _bounds(gatherings[j])), [])
            if found is not None:
                break
    memo.update(dict.fromkeys(visited, found))
    return found


def _echoes(label: str, other: Span, dates: list[Span]) -> bool:
    """An undated sentence's gathering that may refer back to one of kind `label`."""
    if other.label_ == "body" or in_range(dates, _bounds(other)):
        return False
    definite = other.start > 0 and token_view(other.doc).lowers[other.start - 1] in _DEFINITE
    return other.label_ == label or (definite and span_text(other).lower() in _ANAPHORS)


def _bounds(span: Span) -> tuple[int, int]:
    sent = sent_bounds(span)
    return sent.start_char, sent.end_char


def _echo_scan(gathering: Span, *, gatherings: list[Span], dates: list[Span],
               pool: list[Span]) -> Span | None:
    """The definition, for gatherings not in order: every gathering measured."""
    sentences = []
    for other in gatherings:
        if sent_bounds(other) == sent_bounds(gathering) or other.start_char < gathering.start_char:
            continue
        if _echoes(gathering.label_, other, dates):
            sentences.append((abs(other.start_char - gathering.start_char), other))
    for _, other in sorted(sentences, key=lambda pair: pair[0]):
        found = nearest_owned(other, in_range(pool, _bounds(other)), [])
        if found is not None:
            return found
    return None
