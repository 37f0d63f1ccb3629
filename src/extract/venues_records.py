"""Venue records from the venue spans: one per distinct place, with its locality."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.article import ArticleContext
from extract.schema import Venue
from extract.venues_attach import name_locality, walk
from extract.venues_words import words

# "Derry City and Strabane District Council" -> "Derry"; "City of Edinburgh Council" ->
# "Edinburgh": the town a council is named after, for "in the town centre".
_ROOM_IN = re.compile(r"^(.+?\b(?:%s))\s+(?:at|of|in)\s+\S" % "|".join(
    sorted(words()["room_nouns"])))
_COUNCIL_TOWN = re.compile(
    r"^(?:The\s+)?(?:(?:City|Borough|County|Town|Royal Borough)\s+of\s+)?"
    r"(?P<town>[A-Z][\w’'-]*(?:\s+(?!City\b|County\b|Borough\b|District\b|Metropolitan\b|"
    r"Council\b|and\b)[A-Z][\w’'-]*)?)"
)


def publisher_town(publisher: str | None) -> str | None:
    if not publisher:
        return None
    match = _COUNCIL_TOWN.match(publisher)
    return match.group("town") if match else None


def _canonical(name: Span) -> str:
    """The name, whitespace normalised; for a room in a building, the room: answers write
    "Gower Suite at the Guildhall" and "Gower Suite, Guildhall" alike."""
    text = re.sub(r"^the\s+", "", " ".join(name.text.split()), flags=re.I)
    room = _ROOM_IN.match(text)
    return room.group(1) if room else text


def phrase_bounds(phrase: Span) -> tuple[int, int]:
    """Offsets of a venue mention without trailing punctuation the tokens carried."""
    text = phrase.text
    return phrase.start_char, phrase.start_char + len(text.rstrip(" \t\n.,;:"))


def _key(name: str) -> str:
    return re.sub(r"[^\w ]", "", name.lower().replace("’", "'"))


def _people(doc: Doc) -> list[Span]:
    return list(doc.spans["people"]) if "people" in doc.spans else []


def _locality(phrase: Span, name: Span, ends: dict[int, int], town: str | None) -> str | None:
    _, stated = walk(phrase.doc.text, name.end_char, ends)
    if stated == "the town centre":
        return town
    if stated is None and phrase.end_char > name.end_char:
        tail = phrase.doc.text[name.end_char:phrase.end_char]
        last = re.search(r",\s*([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s*$", tail)
        stated = " ".join(last.group(1).split()) if last and not _street(last.group(1)) else None
    return stated or name_locality(_canonical(name)) or town


def _street(text: str) -> bool:
    return text.split()[-1].rstrip(".") in words()["street_suffixes"]


def venue_records(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    if "venues" not in doc.spans or "venue_names" not in doc.spans:
        return []
    people = _people(doc)
    town = publisher_town(context.publisher)
    names = list(doc.spans["venue_names"])
    ends = {n.start_char: n.end_char for n in names}
    records: list[Venue] = []
    seen: list[str] = []
    covered: list[tuple[int, int]] = []
    for phrase, name in zip(doc.spans["venues"], names, strict=True):
        if any(p.start < name.end and name.start < p.end for p in people) or any(
                s <= name.start_char < e for s, e in covered):
            continue
        start, end = phrase_bounds(phrase)
        covered.append((start, end))
        canonical = _canonical(name)
        key = _key(canonical)
        if any(key in earlier or earlier in key for earlier in seen):
            continue
        seen.append(key)
        records.append(Venue(
            text=doc.text[start:end], name=canonical,
            locality=_locality(phrase, name, ends, town), start=start, end=end,
        ))
    return records
