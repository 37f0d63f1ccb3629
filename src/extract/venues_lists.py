"""Venues read from layout rather than from place nouns: session lines ("Monday 3 June:
Central Library, 10am-1pm", "Date | Time | Venue" rows, one table cell per line) and
labelled fields ("Location: Family Hub North, 41 Rosehill Road")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span

from extract.dates_patterns import cue_regex
from extract.doctext import doc_text, group_spans
from extract.events_link import is_furniture, newline_before, sentence
from extract.venues_words import words

# A date and its venue are separated by punctuation, a table bar, or a line break (a
# table read one cell per line).
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:[:–—,|-]|\n(?![ \t]*\n))[ \t]*")
_LIST_REACH = 200
# A line break before a bullet ends a session line; other breaks are hard wraps.
_NEXT_ITEM = re.compile(r"\n[ \t]*[*•·–-]")
_TIME_LEAD = re.compile(r"(?:[ \t]*[,|][ \t]*|[ \t]*\n[ \t]*)?(?:from|between|at)?[ \t]*")
_BULLETS = " \t•*·-–"
_ONLY_BULLETS = re.compile(f"[{re.escape(_BULLETS)}]*")


def spans_of(doc: Doc, key: str) -> list[Span]:
    """`list(doc.spans.get(key, []))`, without making the Spans again when the component
    that stored the group kept them (`council_dates` keeps its dates, times, gatherings)."""
    return group_spans(doc, key) if key in doc.spans else []


def _labels() -> str:
    return "|".join(re.escape(w) for w in sorted(words()["field_labels"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _label_regex() -> re.Pattern[str]:
    return re.compile(rf"(?im)^[ \t]*(?:{_labels()})[ \t]*[:：|][ \t]*(?P<value>[^\n]+)")


@lru_cache(maxsize=1)
def _label_after_newline() -> re.Pattern[str]:
    """A line break and the head of `_label_regex` after it: a literal first, so the regex
    engine skips from line break to line break (a `^` regex is tried at every offset)."""
    return re.compile(rf"(?i)\n[ \t]*(?:{_labels()})[ \t]*[:：|]")


def list_venues(
    doc: Doc, names: list[Span], *, dates: list[Span] | None
) -> list[tuple[Span, Span]]:
    """(phrase, name) for session lines and labelled venue fields; `dates` are the
    `council_dates` spans (None when that component did not run)."""
    return _session_lines(doc, names, dates) + _labelled(doc, names)


def _session_lines(
    doc: Doc, names: list[Span], dates: list[Span] | None
) -> list[tuple[Span, Span]]:
    """(phrase, name) for each session line "DATE: VENUE, street, TIME"."""
    if dates is None:
        return []
    text = doc_text(doc)
    found: list[tuple[Span, Span]] = []
    # most dates sit inside a line of prose: those are ruled out first (and when all are,
    # the times are not read)
    leading = [date for date in dates if _leads_line(doc, text, date.start_char)]
    if not leading:
        return found
    times = {t.start_char: t.end_char for t in spans_of(doc, "times")}
    # Where a session line's venue stops at the latest: the next date or time.
    stops = sorted([*times, *(d.start_char for d in dates)])
    for date in leading:
        separator = _LIST_SEPARATOR.match(text, _after_time(text, date.end_char, times))
        if not separator or is_furniture(date):
            continue  # "March 3, 2022 / FOR IMMEDIATE RELEASE": a dateline, not a session
        begin = _after_time(text, separator.end(), times)
        # A paragraph break further on than the reach does not matter: not looked for.
        paragraph = text.find("\n\n", begin, begin + _LIST_REACH + 1) % (len(text) + 1)
        after = bisect_right(stops, begin)
        limit = min([*stops[after:after + 1], paragraph, begin + _LIST_REACH])
        if item := _NEXT_ITEM.search(text, begin, limit):
            limit = item.start()
        region = text[begin:limit].rstrip(" \t\n,|")
        if (bar := region.find("|")) >= 0:
            region = region[:bar].rstrip()  # "| 10am | Venue |": one cell only.
        pair = _list_pair(doc, begin, begin + len(region), names)
        if pair:
            found.append(pair)
    return found


def _leads_line(doc: Doc, text: str, start: int) -> bool:
    """`_ONLY_BULLETS.fullmatch(text, newline_before(doc, start) + 1, start)`: only bullets
    and blanks between the line's start and `start`. The two characters before it decide
    most dates ("on 3 June": a letter before the blank), without finding the line start."""
    for at in (start - 1, start - 2):
        if at < 0 or text[at] == "\n":
            return True  # the line (or text) starts after bullets and blanks only
        if text[at] not in _BULLETS:
            return False
    return _ONLY_BULLETS.fullmatch(text, newline_before(doc, start) + 1, start) is not None


def _labelled(doc: Doc, names: list[Span]) -> list[tuple[Span, Span]]:
    """"Location: The Atrium, Civic Centre, Quay Street": the field is the venue, unless
    it says the session is online or has no single place ("Various", "TBC")."""
    found = []
    for match in _label_lines(doc_text(doc)):
        value = match.group("value").rstrip(" \t,.;|")
        pair = _list_pair(doc, match.start("value"), match.start("value") + len(value), names)
        if pair:
            found.append(pair)
    return found


def _label_lines(text: str) -> list[re.Match[str]]:
    """`_label_regex().finditer(text)`, tried only at the text's start and after the line
    breaks that a label and separator follow: a match starts a line (`^`) and stays on
    it, so each line holds one at most and only where its head matches."""
    label = _label_regex()
    found = [first] if (first := label.match(text)) is not None else []
    for head in _label_after_newline().finditer(text):
        if (match := label.match(text, head.start() + 1)) is not None:
            found.append(match)
    return found


def _venue_value(value: str) -> bool:
    """A capitalised value that does not say the session is online or has no single
    place ("Online via Teams", "Various", "TBC")."""
    first = value.split(None, 1)[0].strip(",.;:()") if value.strip() else ""
    return (first[:1].isupper() and first.lower() not in words()["not_venue_values"]
            and not cue_regex("virtual").search(value))


def _after_time(text: str, pos: int, times: dict[int, int]) -> int:
    """Skip ", 10am–12pm" or ", between 1pm and 4pm" written between date and venue."""
    lead = _TIME_LEAD.match(text, pos)
    return times.get(lead.end(), pos) if lead else pos


def _list_pair(doc: Doc, begin: int, end: int, names: list[Span]) -> tuple[Span, Span] | None:
    text = doc_text(doc)
    if text.startswith("the ", begin):
        begin += 4
    if begin >= end or not _venue_value(text[begin:end]) or _label_regex().match(text, begin):
        return None
    if text[begin - 4:begin] == "the ":
        begin -= 4
    phrase = doc.char_span(begin, end, alignment_mode="expand")
    inside = [n for n in names if n.start_char >= begin and n.end_char <= end]
    if phrase is None:
        return None
    if inside:
        return phrase, inside[0]
    cut = re.search(r"[,(]", text[begin:end])
    name = doc.char_span(begin, begin + cut.start() if cut else end, alignment_mode="expand")
    return (phrase, name) if name is not None and len(name) > 0 else None


@lru_cache(maxsize=1)
def _at_regex() -> re.Pattern[str]:
    """"presented at Tākina in Wellington", "held at the Roundhouse": a proper name after
    "at" in an event clause, whatever word it ends in."""
    cap = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
    # The literal "at" comes first (its left edge checked behind it) so that the regex
    # engine can skip ahead to each "at" instead of trying the pattern at every offset.
    return re.compile(
        rf"at(?<![\w’']at)[ \t]+(?P<the>the[ \t]+)?(?P<name>{cap}(?:[ \t]+(?:{cap}|an|na|de|la|"
        rf"of(?=[ \t]+[A-Z]))){{0,4}})(?P<town>[ \t]+in[ \t]+{cap})?")


class TokenRanges:
    """Token ranges already claimed, asked "does anything overlap [start, end)?" in
    logarithmic time (an article may hold thousands of names and "at" phrases)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [start for start, _ in ranges]
        self.max_end: list[int] = list(accumulate((end for _, end in ranges), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # ranges starting before `end`
        return before > 0 and self.max_end[before - 1] > start


def at_names(doc: Doc, taken: list[Span]) -> list[Span]:
    """Names introduced by "at" after a gathering or an event verb in the same sentence;
    one word alone needs "the" or a following "in <Town>" (else it may be the town)."""
    text, lists = doc_text(doc), words()
    found = []
    # Read when a name first needs them: most articles have no name after "at" to check,
    # and most names after "at" are names found already (the gatherings are not read).
    gatherings: list[tuple[int, int, int]] = []
    claimed: list[TokenRanges] = []  # the names taken, then the gatherings
    for match in _at_regex().finditer(text):
        name = match.group("name")
        parts = name.split()
        if (parts[0] in lists["not_start"] or parts[0] in lists["honorifics"]
                or any(p in lists["org_followers"] or p in lists["owner_words"] for p in parts)
                or (len(parts) == 1 and not (match.group("the") or match.group("town")))):
            continue
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        whole = doc.char_span(match.start("name"), match.end(), alignment_mode="expand")
        if span is None or whole is None or _claimed(doc, taken, whole, claimed, gatherings):
            continue
        if _event_clause(doc, span, gatherings):
            found.append(span)
    return found


def _claimed(doc: Doc, taken: list[Span], whole: Span, claimed: list[TokenRanges],
             gatherings: list[tuple[int, int, int]]) -> bool:
    """Whether `whole` overlaps a name taken or a gathering. `claimed` and `gatherings`
    (as (end_char, start, end), sorted) are filled as far as a question needs them."""
    if not claimed:
        claimed.append(TokenRanges([(s.start, s.end) for s in taken]))
    if claimed[0].overlaps(whole.start, whole.end):
        return True
    if len(claimed) == 1:
        gatherings.extend(sorted((g.end_char, g.start, g.end) for g in spans_of(doc, "gatherings")))
        claimed.append(TokenRanges([(start, end) for _, start, end in gatherings]))
    return claimed[1].overlaps(whole.start, whole.end)


def _event_clause(doc: Doc, span: Span, gatherings: list[tuple[int, int, int]]) -> bool:
    """An event verb in the 80 characters before the name, or a gathering ending there,
    within the name's sentence. `gatherings` are (end_char, start, end), sorted."""
    sent = sentence(span)  # its start only: `span.sent` walks the tokens on each call
    before = doc_text(doc)[max(sent.start_char, span.start_char - 80):span.start_char]
    if cue_regex("venue_verbs").search(before):
        return True
    # A gathering ends before the name (token end <= name start, i.e. end_char <=
    # start_char) and less than 80 characters before it.
    past = len(doc) + 1  # after every token index: compares after any (end_char, ...)
    first = bisect_right(gatherings, (span.start_char - 80, past, past))
    last = bisect_right(gatherings, (span.start_char, past, past))
    return any(sent.start <= start for _, start, _ in gatherings[first:last])
