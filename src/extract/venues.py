"""Named places: halls, libraries, centres, rooms within buildings.

The `council_venues` component writes two parallel span groups: doc.spans["venues"]
(the mention with attached street/locality, as written) and doc.spans["venue_names"]
(the name inside it). It runs after `council_dates` and reads its spans to read
session lists ("Monday 3 June: Central Library, 10am-1pm").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.article import ArticleContext
from extract.doctext import TokenView, doc_text, remember_spans, token_view
from extract.schema import Venue
from extract.venues_attach import Walks, walks_for
from extract.venues_lists import at_names, list_venues, spans_of
from extract.venues_words import attachment_regexes, name_matches, words

_POSSESSIVES = ("’s", "'s")
# Names cleaned per article at most. An article has tens of readings of names; a page of
# capitalised words has one per capitalised word before every place noun, and each
# becomes a Span, so past this many the rest of the text is not read for names.
MAX_CANDIDATES = 5000
_JOIN_ROOM = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
# "at Inverglen Library, Kirkton Community Hub and the Balmore Centre": list items.
_LIST_JOIN = re.compile(r"(?:,|,?\s+(?:and|or|&))\s+(?:the\s+)?")


class VenueFinder:
    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        # Span objects are made anew on each pass over a group: read the dates once.
        dates = spans_of(doc, "dates") if "dates" in doc.spans else None
        clean = _Cleaner(doc, view, {d.start for d in dates or ()})
        matches = name_matches(view.texts, view.lowers, view.is_space, keep_end=clean.end_ok,
                               limit=MAX_CANDIDATES)
        candidates = clean.candidates(matches)
        strong = _listed(_filtered([span for span, weak_ok in candidates if weak_ok]),
                         [span for span, weak_ok in candidates if not weak_ok])
        every = _filtered([span for span, _ in candidates])
        names = _join_rooms(_filtered(strong + at_names(doc, every)))
        listed = list_venues(doc, every, dates=dates)
        names = _filtered([n for n in names if not any(_overlaps(n, p) for p, _ in listed)]
                          + [n for _, n in listed])
        phrase_of = {n.start: p for p, n in listed}
        walks = walks_for(doc, {n.start_char: n.end_char for n in names})
        phrases = [phrase_of.get(n.start) or _phrase(n, walks) for n in names]
        # the Span objects are kept beside the groups: the extractor reads them back
        remember_spans(doc, "venues", phrases)
        remember_spans(doc, "venue_names", names)
        return doc


@Language.factory("council_venues")
def make_venue_finder(nlp: Language, name: str) -> VenueFinder:
    return VenueFinder()


def _filtered(spans: list[Span]) -> list[Span]:
    """`filter_spans(spans)`: a list of one span or none is that list already (spaCy sorts
    and walks it all the same, and most articles have a name or none)."""
    return spans if len(spans) < 2 else filter_spans(spans)


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


class _Cleaner:
    """The name a match stands for, without leading noise, and whether it stands without
    a venue cue; None when it is a person, an organisation or an award, not a place.

    Reads the Doc's token lists, not Token objects: it runs once per match. What depends
    only on where a name ends is decided once per end."""

    def __init__(self, doc: Doc, view: TokenView, dated: set[int]) -> None:
        self.doc, self.view, self.dated = doc, view, dated
        self.lists = words()
        self.ends_ok: dict[int, bool] = {}

    def end_ok(self, end: int) -> bool:
        if (ok := self.ends_ok.get(end)) is None:
            ok = self.ends_ok[end] = self._end_ok(end)
        return ok

    def candidates(self, matches: dict[int, set[int]]) -> list[tuple[Span, bool]]:
        """Cleaned names of the matches, the first MAX_CANDIDATES in text order."""
        found: list[tuple[Span, bool]] = []
        budget = MAX_CANDIDATES
        for end in sorted(matches):
            starts = sorted(matches[end])
            clear = self._clear_from(starts[0], end)
            for start in starts[bisect_left(starts, clear):]:
                if budget == 0:
                    return found
                budget -= 1
                if (candidate := self(start, end)) is not None:
                    found.append(candidate)
        return found

    def _clear_from(self, lowest: int, end: int) -> int:
        """The first token from which nothing before `end` rules the name out."""
        start = end
        while start > lowest and not self._rules_out(start - 1):
            start -= 1
        return start

    def _rules_out(self, i: int) -> bool:
        """A personal title ("Cllr Ann Lee", not "the Mayor’s Parlour"), a field label,
        or a paragraph break."""
        texts, lists = self.view.texts, self.lists
        text = texts[i]
        following = texts[i + 1] if i + 1 < len(texts) else ""
        return ((text in lists["honorifics"] and following not in _POSSESSIVES)
                or text in lists["field_words"]
                or (self.view.is_space[i] and text.count("\n") > 1))

    def __call__(self, start: int, end: int) -> tuple[Span, bool] | None:
        texts, lists, view = self.view.texts, self.lists, self.view
        start = self._trim_start(start, end)
        # one word is a name only when it is a single name ("the Guildhall"): its text is
        # cut out only then
        if end - start - view.is_space[start:end].count(True) < 2 and doc_text(self.doc)[
                view.starts[start]:view.end(end - 1)] not in lists["single_names"]:
            return None
        last = texts[end - 1]
        cue = not lists["venue_prepositions"].isdisjoint(view.lowers[max(0, start - 3):start])
        # "..., Denholme Retail Park on Tuesday 25 March": a stop in a list of dated stops.
        cue = cue or self._before_date(end) or self._street_follows(end)
        weak = last in lists["weak_nouns"] or last.islower()
        return self.doc[start:end], cue or not weak

    def _end_ok(self, end: int) -> bool:
        """Not an organisation ("... Hall Trust"), an award ("... of the Year") or an
        affiliation ("..., professor at Millersville University, said")."""
        texts, lists, view = self.view.texts, self.lists, self.view
        following = [texts[i] for i in range(end, min(end + 4, len(texts)))
                     if not view.is_space[i]]
        if following and (following[0] in lists["org_followers"]
                          or following[:3] == ["of", "the", "Year"]):
            return False
        return following[:2] not in ([",", "said"], [",", "says"], ["said"])

    def _trim_start(self, start: int, end: int) -> int:
        texts, lists = self.view.texts, self.lists
        for i in range(start, end - 1):
            text = texts[i]
            if text in lists["calendar_words"]:
                start = i + 1  # "(Wednesday) 26 March and Seaview Leisure Centre": a date first.
            elif text in ("and", "&") and texts[i - 1] in lists["place_nouns"]:
                start = i + 1  # "Grange Hall and Easton Library": two places.
            elif text in _POSSESSIVES and any(t in lists["owner_words"] for t in texts[start:i]):
                start = i + 1  # "Leeds City Council’s Civic Hall": the owner is not the name.
        while start < end - 1 and (texts[start] in lists["not_start"] or self.view.is_space[start]
                                   or self.view.lowers[start] in {"the", "of", "and", "&"}):
            start += 1
        return start

    def _street_follows(self, end: int) -> bool:
        """"the new District Office on James Street": a name with a street address is a place."""
        return bool(attachment_regexes()["street"].match(doc_text(self.doc),
                                                         self.view.end(end - 1)))

    def _before_date(self, end: int) -> bool:
        """The name is followed by "on <date>", perhaps after a parenthesis."""
        texts = self.view.texts
        if end < len(texts) and texts[end] == "(":
            close = next((i for i in range(end, min(end + 20, len(texts))) if texts[i] == ")"),
                         None)
            end = close + 1 if close is not None else end
        return end < len(texts) and self.view.lowers[end] in {"on", "from"} and bool(
            self.dated.intersection(range(end + 1, end + 3)))


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


# How far before a name "the fellowship hall at" is looked for.
_ROOM_REACH = 60


def _room_tail(before: str) -> bool:
    """Whether `before` ends as every `_lower_room_regex` match in it must (blanks after
    "at", "of", "in" or "the"): the regex is tried at every position of the reach, so
    most names are ruled out by this test of their last characters first."""
    return before.endswith((" ", "\t")) and before.rstrip(" \t").endswith(("at", "of", "in", "the"))


def _phrase(name: Span, walks: Walks) -> Span:
    doc = name.doc
    start = name.start_char
    low = max(0, start - _ROOM_REACH)
    room = _lower_room_regex().search(doc_text(doc), low, start) \
        if _room_tail(doc_text(doc)[low:start]) else None
    if room and not any(g.start_char <= room.start() < g.end_char
                        for g in spans_of(doc, "gatherings")):
        start = room.start()  # "the fellowship hall at First Methodist Church"
    elif doc_text(doc)[max(0, start - 4):start].lower() == "the ":
        start -= 4
    end, _ = walks(name.end_char, room=token_view(doc).texts[name.end - 1] in words()["room_nouns"])
    return doc.char_span(start, end, alignment_mode="expand") or name


def extract_venues(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    from extract.venues_records import venue_records

    return venue_records(doc, context=context)
