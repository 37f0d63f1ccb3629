"""What follows a venue name and belongs to the mention: descriptors ("headquarters"),
parentheticals, streets, floors, a second building, and the locality ("in Easton")."""

from __future__ import annotations

import re

from extract.venues_words import attachment_regexes, words

_MAX_STEPS = 4


def _place_ok(place: str) -> bool:
    first = place.split()[0].strip(",.")
    return first not in words()["not_locality"] and first not in words()["honorifics"]


def _locality(text: str, pos: int) -> tuple[int, str | None]:
    patterns = attachment_regexes()
    if match := patterns["in_centre"].match(text, pos):
        return match.end(), "the town centre"
    for name in ("in_place", "comma_place"):
        match = patterns[name].match(text, pos)
        if match and _place_ok(match.group("place")):
            return match.end(), " ".join(match.group("place").split())
    return pos, None


def _step(text: str, pos: int, name_ends: dict[int, int]) -> int:
    """One attached phrase after `pos`, or `pos` when nothing attaches."""
    patterns = attachment_regexes()
    comma = re.compile(r",\s*").match(text, pos)
    if comma and comma.end() in name_ends:
        return name_ends[comma.end()]
    for name in ("paren", "floor", "street", "on_street"):
        match = patterns[name].match(text, pos)
        if match and (name != "on_street" or _place_ok(match.group(0).split(None, 1)[1])):
            return match.end()
    return pos


def walk(text: str, pos: int, name_ends: dict[int, int]) -> tuple[int, str | None]:
    """End offset of the whole mention starting with a name ending at `pos`, and the
    stated locality ("the town centre" when only that is said), if any."""
    if match := attachment_regexes()["descriptor"].match(text, pos):
        pos = match.end()
    for _ in range(_MAX_STEPS):
        following = _step(text, pos, name_ends)
        if following == pos:
            break
        pos = following
    return _locality(text, pos)


def name_locality(name: str) -> str | None:
    """"Truro Library" -> "Truro": leading words before a generic place description."""
    tokens = name.replace("’s", "").replace("'s", "").split()
    generic = words()["generic_words"]
    nouns = {w.lower() for w in words()["place_nouns"]}
    cut = len(tokens)
    while cut > 1 and (tokens[cut - 1].lower() in generic or tokens[cut - 1].lower() in nouns):
        cut -= 1
    if cut == len(tokens) or cut > 2 or not _place_ok(tokens[0]):
        return None
    leading = tokens[:cut]
    if any(t.lower() in generic or t.lower() in nouns for t in leading):
        return None
    return " ".join(leading)
