"""Named places: halls, libraries, centres, rooms within buildings.

The `council_venues` component writes two parallel span groups: doc.spans["venues"]
(the mention with attached street/locality, as written) and doc.spans["venue_names"]
(the name inside it). It runs after `council_dates` and reads its spans to read
session lists ("Monday 3 June: Central Library, 10am-1pm").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.article import ArticleContext
from extract.doctext import doc_text, span_text
from extract.schema import Venue
from extract.venues_attach import walk
from extract.venues_words import build_venue_matcher, words

_JOIN_ROOM = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
_LIST_SEPARATOR = re.compile(r"[ \t]*[:–—,-][ \t]*")
_LIST_REACH = 200
# A line break before a bullet ends a session line; other breaks are hard wraps.
_NEXT_ITEM = re.compile(r"\n[ \t]*[*•·–-]")
_TIME_LEAD = re.compile(r",?[ \t]*(?:from|between|at)?[ \t]*")


class VenueFinder:
    def __init__(self, nlp: Language) -> None:
        self.matcher: Matcher = build_venue_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        candidates = [c for _, s, e in self.matcher(doc)
                      if (c := _clean(doc, s, e)) is not None]
        strong = filter_spans([span for span, weak_ok in candidates if weak_ok])
        every = filter_spans([span for span, _ in candidates])
        names = _join_rooms(strong)
        listed = _list_venues(doc, every)
        names = filter_spans([n for n in names if not any(_overlaps(n, p) for p, _ in listed)]
                             + [n for _, n in listed])
        phrase_of = {n.start: p for p, n in listed}
        ends = {n.start_char: n.end_char for n in names}
        phrases = [phrase_of.get(n.start) or _phrase(n, ends) for n in names]
        doc.spans["venues"] = phrases
        doc.spans["venue_names"] = names
        return doc


@Language.factory("council_venues")
def make_venue_finder(nlp: Language, name: str) -> VenueFinder:
    return VenueFinder(nlp)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _trim_start(doc: Doc, start: int, end: int) -> int:
    lists = words()
    for i in range(start, end - 1):
        text = doc[i].text
        if text in ("and", "&") and doc[i - 1].text in lists["place_nouns"]:
            start = i + 1  # "Grange Hall and Easton Library": two places.
        elif text in ("’s", "'s") and any(t.text in lists["owner_words"] for t in doc[start:i]):
            start = i + 1  # "Leeds City Council’s Civic Hall": the owner is not the name.
    while start < end - 1 and (doc[start].text in lists["not_start"] or doc[start].is_space
                               or doc[start].lower_ in {"the", "of", "and", "&"}):
        start += 1
    return start


def _after(doc: Doc, end: int) -> list[str]:
    return [t.text for t in doc[end:end + 4] if not t.is_space]


def _clean(doc: Doc, start: int, end: int) -> tuple[Span, bool] | None:
    """The name without leading noise, and whether it stands without a venue cue; None
    when it is a person, an organisation or an award rather than a place."""
    lists = words()
    tokens = doc[start:end]
    if any(t.text in lists["honorifics"] for t in tokens) or any(
            t.is_space and t.text.count("\n") > 1 for t in tokens):
        return None
    start = _trim_start(doc, start, end)
    span = doc[start:end]
    single = span_text(span) in lists["single_names"]
    if len([t for t in span if not t.is_space]) < 2 and not single:
        return None
    following = _after(doc, end)
    if following and (following[0] in lists["org_followers"]
                      or following[:3] == ["of", "the", "Year"]):
        return None
    if following[:2] in ([",", "said"], [",", "says"], ["said"]):
        return None  # "..., professor at Millersville University, said": an affiliation.
    last = doc[end - 1].text
    cue = any(t.lower_ in lists["venue_prepositions"] for t in doc[max(0, start - 3):start])
    weak = last in lists["weak_nouns"] or last.islower()
    return span, cue or not weak


def _join_rooms(names: list[Span]) -> list[Span]:
    """"the Council Chamber at Civic Offices", "the Corrib Pavilion at Galway Racecourse":
    a room or building and the building or site it is in are one place."""
    joined: list[Span] = []
    for name in names:
        if joined:
            previous = joined[-1]
            between = doc_text(name.doc)[previous.end_char:name.start_char]
            joint = _JOIN_ROOM.fullmatch(between)
            if joint and (previous[-1].text in words()["room_nouns"]
                          or joint.group(0).split()[0] == "at"):
                joined[-1] = name.doc[previous.start:name.end]
                continue
        joined.append(name)
    return joined


def _phrase(name: Span, ends: dict[int, int]) -> Span:
    doc = name.doc
    start = name.start_char
    if doc_text(doc)[max(0, start - 4):start].lower() == "the ":
        start -= 4
    end, _ = walk(doc_text(doc), name.end_char, ends, room=name[-1].text in words()["room_nouns"])
    return doc.char_span(start, end, alignment_mode="expand") or name


def _list_venues(doc: Doc, names: list[Span]) -> list[tuple[Span, Span]]:
    """(phrase, name) for each session line "DATE: VENUE, street, TIME"."""
    if "dates" not in doc.spans:
        return []
    text, found = doc_text(doc), []
    times = {t.start_char: t.end_char for t in doc.spans.get("times", [])}
    date_starts = sorted(d.start_char for d in doc.spans["dates"])
    for date in doc.spans["dates"]:
        line_start = text.rfind("\n", 0, date.start_char) + 1
        separator = _LIST_SEPARATOR.match(text, _after_time(text, date.end_char, times))
        if text[line_start:date.start_char].strip(" \t•*·-–") or not separator:
            continue
        begin = _after_time(text, separator.end(), times)
        paragraph = text.find("\n\n", begin) % (len(text) + 1)
        limit = min([p for p in (*times, *date_starts) if p > begin]
                    + [paragraph, begin + _LIST_REACH])
        if item := _NEXT_ITEM.search(text, begin, limit):
            limit = item.start()
        region = text[begin:limit].rstrip(" \t\n,")
        pair = _list_pair(doc, begin, begin + len(region), names)
        if pair:
            found.append(pair)
    return found


def _after_time(text: str, pos: int, times: dict[int, int]) -> int:
    """Skip ", 10am–12pm" or ", between 1pm and 4pm" written between date and venue."""
    lead = _TIME_LEAD.match(text, pos)
    return times.get(lead.end(), pos) if lead else pos


def _list_pair(doc: Doc, begin: int, end: int, names: list[Span]) -> tuple[Span, Span] | None:
    if doc_text(doc).startswith("the ", begin):
        begin += 4
    if begin >= end or not doc_text(doc)[begin].isupper():
        return None
    if doc_text(doc)[begin - 4:begin] == "the ":
        begin -= 4
    phrase = doc.char_span(begin, end, alignment_mode="expand")
    inside = [n for n in names if n.start_char >= begin and n.end_char <= end]
    if phrase is None:
        return None
    if inside:
        return phrase, inside[0]
    cut = re.search(r"[,(]", doc_text(doc)[begin:end])
    name = doc.char_span(begin, begin + cut.start() if cut else end, alignment_mode="expand")
    return (phrase, name) if name is not None and len(name) > 0 else None


def extract_venues(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    from extract.venues_records import venue_records

    return venue_records(doc, context=context)
