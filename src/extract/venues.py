"""Named places: halls, libraries, centres, rooms within buildings.

The `council_venues` component writes two parallel span groups: doc.spans["venues"]
(the mention with attached street/locality, as written) and doc.spans["venue_names"]
(the name inside it). It runs after `council_dates` and reads its spans to read
session lists ("Monday 3 June: Central Library, 10am-1pm").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.article import ArticleContext
from extract.doctext import doc_text, span_text
from extract.schema import Venue
from extract.venues_attach import walk
from extract.venues_lists import at_names, list_venues
from extract.venues_words import attachment_regexes, build_venue_matcher, words

_JOIN_ROOM = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
# "at Inverglen Library, Kirkton Community Hub and the Balmore Centre": list items.
_LIST_JOIN = re.compile(r"(?:,|,?\s+(?:and|or|&))\s+(?:the\s+)?")


class VenueFinder:
    def __init__(self, nlp: Language) -> None:
        self.matcher: Matcher = build_venue_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        dated = {d.start for d in doc.spans.get("dates", [])}
        candidates = [c for _, s, e in self.matcher(doc)
                      if (c := _clean(doc, s, e, dated)) is not None]
        strong = _listed(filter_spans([span for span, weak_ok in candidates if weak_ok]),
                         [span for span, weak_ok in candidates if not weak_ok])
        every = filter_spans([span for span, _ in candidates])
        names = _join_rooms(filter_spans(strong + at_names(doc, every)))
        listed = list_venues(doc, every)
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


def _listed(strong: list[Span], weak: list[Span]) -> list[Span]:
    """Weak names ("Kirkton Community Hub") listed right after a place are places too."""
    if not weak or not strong:
        return strong
    text = doc_text(strong[0].doc)
    accepted = list(strong)
    for span in sorted(weak, key=lambda s: s.start_char):
        if any(_LIST_JOIN.fullmatch(text[s.end_char:span.start_char]) for s in accepted):
            accepted.append(span)
    return filter_spans(accepted)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _trim_start(doc: Doc, start: int, end: int) -> int:
    lists = words()
    for i in range(start, end - 1):
        text = doc[i].text
        if text in lists["calendar_words"]:
            start = i + 1  # "(Wednesday) 26 March and Seaview Leisure Centre": a date first.
        elif text in ("and", "&") and doc[i - 1].text in lists["place_nouns"]:
            start = i + 1  # "Grange Hall and Easton Library": two places.
        elif text in ("’s", "'s") and any(t.text in lists["owner_words"] for t in doc[start:i]):
            start = i + 1  # "Leeds City Council’s Civic Hall": the owner is not the name.
    while start < end - 1 and (doc[start].text in lists["not_start"] or doc[start].is_space
                               or doc[start].lower_ in {"the", "of", "and", "&"}):
        start += 1
    return start


def _title(token: Token) -> bool:
    """A personal title ("Cllr Ann Lee"), but not a possessive ("the Mayor’s Parlour")."""
    following = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    return token.text in words()["honorifics"] and following not in ("’s", "'s")


def _after(doc: Doc, end: int) -> list[str]:
    return [t.text for t in doc[end:end + 4] if not t.is_space]


def _clean(doc: Doc, start: int, end: int, dated: set[int]) -> tuple[Span, bool] | None:
    """The name without leading noise, and whether it stands without a venue cue; None
    when it is a person, an organisation or an award rather than a place."""
    lists = words()
    tokens = doc[start:end]
    if any(_title(t) or t.text in lists["field_words"] for t in tokens) or any(
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
    # "..., Denholme Retail Park on Tuesday 25 March": a stop in a list of dated stops.
    cue = cue or _before_date(doc, end, dated) or _street_follows(doc, end)
    weak = last in lists["weak_nouns"] or last.islower()
    return span, cue or not weak


def _street_follows(doc: Doc, end: int) -> bool:
    """"the new District Office on James Street": a name with a street address is a place."""
    return bool(attachment_regexes()["street"].match(doc_text(doc), doc[end - 1].idx
                                                     + len(doc[end - 1].text)))


def _before_date(doc: Doc, end: int, dated: set[int]) -> bool:
    """The name is followed by "on <date>", perhaps after a parenthesis."""
    if end < len(doc) and doc[end].text == "(":
        close = next((i for i in range(end, min(end + 20, len(doc))) if doc[i].text == ")"),
                     None)
        end = close + 1 if close is not None else end
    return end < len(doc) and doc[end].lower_ in {"on", "from"} and bool(
        dated.intersection(range(end + 1, end + 3)))


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


@lru_cache(maxsize=1)
def _lower_room_regex() -> re.Pattern[str]:
    rooms = "|".join(sorted(words()["lower_rooms"], key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:[a-z][\w-]*[ \t]+)?(?:{rooms})[ \t]+(?:at|of|in)"
                      r"[ \t]+(?:the[ \t]+)?$")


def _phrase(name: Span, ends: dict[int, int]) -> Span:
    doc = name.doc
    start = name.start_char
    room = _lower_room_regex().search(doc_text(doc), max(0, start - 60), start)
    if room and not any(g.start_char <= room.start() < g.end_char
                        for g in doc.spans.get("gatherings", [])):
        start = room.start()  # "the fellowship hall at First Methodist Church"
    elif doc_text(doc)[max(0, start - 4):start].lower() == "the ":
        start -= 4
    end, _ = walk(doc_text(doc), name.end_char, ends, room=name[-1].text in words()["room_nouns"])
    return doc.char_span(start, end, alignment_mode="expand") or name


def extract_venues(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    from extract.venues_records import venue_records

    return venue_records(doc, context=context)
