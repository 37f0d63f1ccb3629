"""Venue records from the venue spans: one per distinct place, with its locality."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.article import ArticleContext
from extract.doctext import doc_text, group_spans, span_text, token_view
from extract.events_sentences import sentence
from extract.schema import Venue
from extract.venues_attach import Walks, name_end, name_locality, place_ok, walks_for
from extract.venues_lists import TokenRanges, spans_of
from extract.venues_words import UPPER, words

# "Derry City and Strabane District Council" -> "Derry"; "City of Edinburgh Council" ->
# "Edinburgh": the town a council is named after, for "in the town centre".
_ROOM_IN = re.compile(
    r"^(.+?\b(?:" + "|".join(sorted(words()["room_nouns"])) + r"))\s+(?:at|of|in)\s+\S")
_AT = re.compile(r"^(.+?)\s+at\s+\S")
_LAST_PLACE = re.compile(rf",\s*([{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*)?)$")
_IN_TOWN = re.compile(
    rf"\b(?:in|to)\s+([{UPPER}][\w’'-]+(?:[ \t]+[{UPPER}][\w’'-]+)?)\b"
    # "openings in Parks and Recreation": a department's name, not a town.
    rf"(?!\s+[{UPPER}]|\s+(?:and|&|of)\s+[{UPPER}])")
_TOWN_REACH = 150
_SESSION_LEAD = re.compile(
    rf"[ \t]*(?P<town>[{UPPER}][\w’'-]+(?:[ \t]+[{UPPER}][\w’'-]+){{0,2}})"
    r"[ \t]*(?:\n|[–—:|-][ \t])")
_REGION_BODY = re.compile(r"\bCounty\b|\bRegion(?:al)?\b|\bState\b")
_PLACE_BODY = re.compile(r"\b(?:[Cc]ouncil|City|County|Borough|Shire|Town|District)\b")
_COUNCIL_TOWN = re.compile(
    r"^(?:The\s+)?(?:(?:City|Borough|County|Town|Royal Borough)\s+of\s+)?"
    r"(?P<town>[A-Z][\w’'-]*(?:\s+(?!City\b|County\b|Borough\b|District\b|Metropolitan\b|"
    r"Council\b|and\b)[A-Z][\w’'-]*)?)"
)


@lru_cache(maxsize=256)
def publisher_town(publisher: str | None) -> str | None:
    """The council's town; None for bodies not named after a place ("Tusla")."""
    if not publisher or not _PLACE_BODY.search(publisher):
        return None
    if _REGION_BODY.search(publisher):
        return None  # "Mayo County Council", "County of Ventura": a region, not a town
    match = _COUNCIL_TOWN.match(publisher)
    return match.group("town") if match else None


def _canonical(name: Span, ends: dict[int, int], walks: Walks) -> str:
    """The name with the rooms and building joined to it ("Committee Room 2, County Hall",
    "Gower Suite at the Guildhall"), whitespace normalised, without a leading "the"."""
    text = doc_text(name.doc)
    end = name_end(text, name.end_char, ends, room=_ends_in_room(name), step=walks.step)
    return _canonical_form(text[name.start_char:end])


def _ends_in_room(name: Span) -> bool:
    """Whether the name's last word is a room noun, read from the token lists (no Token)."""
    return token_view(name.doc).texts[name.end - 1] in words()["room_nouns"]


_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=4096)  # the same names recur across a run's articles
def _canonical_form(written: str) -> str:
    joined = " ".join(written.rstrip(" \t\n,;:").split())
    joined = _THE.sub("", joined)
    # "Gower Suite at the Guildhall" is written "Gower Suite, Guildhall" too: the room
    # alone is the part every way of writing it shares.
    room = _ROOM_IN.match(joined) or _AT.match(joined)
    return room.group(1) if room else joined


def phrase_bounds(phrase: Span) -> tuple[int, int]:
    """Offsets of a venue mention without trailing punctuation the tokens carried."""
    text = span_text(phrase).rstrip(" \t\n,;:")
    if text.endswith(".") and text.rsplit(None, 1)[-1] not in words()["street_suffixes"]:
        text = text.rstrip(".")  # a full stop, not the one of "Rd." or "St."
    return phrase.start_char, phrase.start_char + len(text)


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return re.sub(r"[^\w ]", "", name.lower().replace("’", "'"))


def _people(doc: Doc) -> list[Span]:
    return list(doc.spans["people"]) if "people" in doc.spans else []


def _stated(phrase: Span, name: Span, walks: Walks) -> str | None:
    """The locality the mention itself attaches ("..., Bexmoor", "... in Riverton"), or
    "the town centre"; None when the mention names no place."""
    _, stated = walks(name.end_char, room=_ends_in_room(name))
    if stated is None and phrase.end_char > name.end_char:
        tail = doc_text(phrase.doc)[name.end_char:phrase.end_char].rstrip(" \t\n.,;:")
        last = _LAST_PLACE.search(tail)
        if last and not _street(last.group(1)) and place_ok(last.group(1)):
            stated = " ".join(last.group(1).split())
    return stated


def _locality(name: Span, stated: str | None, town: str | None) -> str | None:
    """The venue's own words first; then what the text around it says; the publisher's
    town only for "the town centre" or a name that carries no place at all."""
    if stated == "the town centre":
        return town  # the publisher's town: "in the town centre" says no other
    if stated is not None:
        return stated
    return (_session_town(name) or _town_before(name)
            or name_locality(" ".join(span_text(name).split())) or town)


def _session_town(name: Span) -> str | None:
    """"Hamilton / Tuesday 10 June / 12.30pm / Gallagher Lounge" or "Bunbury – Tuesday 22
    October, 5.30pm" above the venue: a session block that opens with its town."""
    text = doc_text(name.doc)
    blank = text.rfind("\n\n", 0, name.start_char)
    start = blank + 2 if blank >= 0 else 0
    lead = _SESSION_LEAD.match(text, start)
    if lead is None or lead.end() > name.start_char or not place_ok(lead.group("town")) or any(
            g.start_char < lead.end() and lead.start() < g.end_char
            for g in spans_of(name.doc, "gatherings")):
        return None  # "Jobs Fair – Saturday 3 June" opens with the event, not a town
    block_end = text.find("\n\n", start) % (len(text) + 1)
    dates = spans_of(name.doc, "dates")
    return " ".join(lead.group("town").split()) if any(
        lead.end() <= d.start_char < block_end for d in dates) else None


def _town_before(name: Span) -> str | None:
    """"It moves to Mackay on Wednesday ... at the Pioneer Valley Library": the town the
    sentence has just named."""
    sent = sentence(name)  # `name.sent` walks the tokens back on every call
    before = doc_text(name.doc)[max(sent.start_char, name.start_char - _TOWN_REACH):name.start_char]
    towns = [m.group(1) for m in _IN_TOWN.finditer(before) if place_ok(m.group(1))
             and not _previous_word(before[:m.start()])[:1].isupper()]
    return " ".join(towns[-1].split()) if towns else None


def _previous_word(text: str) -> str:
    """The last word of `text`; empty when the town phrase opens the sentence."""
    words = text.rstrip(" ,;").rsplit(None, 1)
    return words[-1] if words else ""


def _street(text: str) -> bool:
    return text.split()[-1].rstrip(".") in words()["street_suffixes"]


def _stated_by_key(keys: list[str], stated: list[str | None]) -> dict[str, str]:
    """The locality any mention of a place states ("the Career Center, 811 Commerce
    Drive" first, "Where: Career Center, 811 Commerce Drive, Pemberton" later)."""
    by_key: dict[str, str] = {}
    for key, locality in zip(keys, stated, strict=True):
        if locality is not None and locality != "the town centre":
            by_key.setdefault(key, locality)
    return by_key


class _Covered:
    """Character ranges of the mentions kept so far, asked "is this offset inside one?".

    Names come in text order, so a range ending at or before one name's start holds no
    later name either and is dropped from the ranges searched."""

    def __init__(self) -> None:
        self.every: list[tuple[int, int]] = []
        self.live: list[tuple[int, int]] = []
        self.last = -1

    def add(self, start: int, end: int) -> None:
        self.every.append((start, end))
        self.live.append((start, end))

    def holds(self, offset: int) -> bool:
        if offset < self.last:  # out of order: search everything
            return any(s <= offset < e for s, e in self.every)
        self.last = offset
        self.live = [(s, e) for s, e in self.live if e > offset]
        return any(s <= offset < e for s, e in self.live)


def venue_records(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    if "venues" not in doc.spans or "venue_names" not in doc.spans:
        return []
    names = group_spans(doc, "venue_names")
    if not names:
        return []  # nothing else (people, the publisher's town) need be read
    town = publisher_town(context.publisher)
    ends = {n.start_char: n.end_char for n in names}
    people = TokenRanges([(h.start, h.end) for h in _people(doc)])
    pairs = [(p, n) for p, n in zip(group_spans(doc, "venues"), names, strict=True)
             if not people.overlaps(n.start, n.end)]
    # Each mention's name and stated locality, worked out once (read again below).
    walks = walks_for(doc, ends)  # the component walked most names already
    canonicals = [_canonical(name, ends, walks) for _, name in pairs]
    keys = [_key(canonical) for canonical in canonicals]
    own = [_stated(phrase, name, walks) for phrase, name in pairs]
    elsewhere = _stated_by_key(keys, own)
    records: list[Venue] = []
    seen: list[str] = []
    covered = _Covered()
    for (phrase, name), canonical, key, locality in zip(pairs, canonicals, keys, own, strict=True):
        if covered.holds(name.start_char):
            continue
        start, end = phrase_bounds(phrase)
        covered.add(start, end)
        full = _key(" ".join(span_text(name).split()))
        if any(key in earlier or earlier in key or full in earlier for earlier in seen):
            continue
        seen.extend((key, full))
        stated = locality or elsewhere.get(key)
        records.append(Venue(
            text=doc_text(doc)[start:end], name=canonical,
            locality=_locality(name, stated, town), start=start, end=end,
        ))
    return records
