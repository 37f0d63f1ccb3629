"""What follows a venue name and belongs to the mention: descriptors ("headquarters"),
parentheticals, streets, floors, a second building, and the locality ("in Easton")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.venues_words import attachment_regexes, words

_MAX_STEPS = 4
# ", County Hall", ", in Conference Room B": a second name attached to the first.
_TO_NEXT_NAME = re.compile(r",?\s*(?:in\s+)?(?:the\s+)?")
_LIST_NEXT = re.compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?")
_NAME_STEPS = frozenset({"number"})
# A full stop after a word of two letters or more, then a capital: "London. It".
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")


def place_ok(place: str) -> bool:
    """A town or area, not a person, a month, a room ("Rangatira Room", "Building B") or
    another building ("Claudelands Event Centre")."""
    tokens = place.split()
    first, last = tokens[0].strip(",."), tokens[-1].strip(",.")
    lists = words()
    if last in lists["room_nouns"] or last in _strong_nouns() or last in lists["building_parts"]:
        return False
    if len(tokens) > 1 and ((len(last) < 3 and last.isupper()) or last.isdigit()):
        return False  # "Building B", "Suite 200"
    return first not in lists["not_locality"] and first not in lists["honorifics"]


@lru_cache(maxsize=1)
def _strong_nouns() -> frozenset[str]:
    """The place nouns that name a building by themselves (not weak ones like "Hub")."""
    lists = words()
    return lists["place_nouns"] - lists["weak_nouns"]


def _locality(text: str, pos: int) -> tuple[int, str | None]:
    patterns = attachment_regexes()
    if match := patterns["in_centre"].match(text, pos):
        return match.end(), "the town centre"
    for name in ("in_place", "comma_place"):
        if (match := patterns[name].match(text, pos)) is None:
            continue
        place, end = match.group("place"), match.end()
        if stop := _SENTENCE_END.search(place):  # "in London. It was ...": a new sentence
            place, end = place[:stop.start()], match.start("place") + stop.start()
        if place_ok(place):
            return end, " ".join(place.split()).rstrip(".")
    return pos, None


def _step(text: str, pos: int, name_ends: dict[int, int], *, room: bool) -> tuple[int, str]:
    """One attached phrase after `pos` and its kind, or (`pos`, "") when nothing attaches."""
    patterns = attachment_regexes()
    for name in ("number", "paren", "room", "floor", "street", "on_street", "at_building"):
        if name == "at_building" and not room:
            continue
        match = patterns[name].match(text, pos)
        if match and (name not in ("on_street", "at_building")
                      or place_ok(match.group(0).split(None, 1)[1])):
            return match.end(), name
    comma = _TO_NEXT_NAME.match(text, pos)
    if comma and comma.end() in name_ends and not _listed(text, name_ends[comma.end()],
                                                          name_ends):
        return name_ends[comma.end()], "name"
    return pos, ""


def _listed(text: str, end: int, name_ends: dict[int, int]) -> bool:
    """"Inverglen Library, Kirkton Community Hub and the Balmore Centre": the next name
    is an item of a list of places, not the building the first one is in."""
    joint = _LIST_NEXT.match(text, end)
    return joint is not None and joint.end() in name_ends


Step = Callable[[int, bool], tuple[int, str]]


def name_end(text: str, pos: int, name_ends: dict[int, int], *, room: bool = False,
             step: Step | None = None) -> int:
    """Where the name ends once a room's number is joined ("Committee Room 2"). A building
    after a comma stays out of the name: the room alone is what every way of writing
    "Room 2, County Hall" / "Room 2 at County Hall" shares (the held-out set agrees).
    `step(pos, room)`, when given, is `_step` over the same text and names, remembered."""
    end = pos
    for _ in range(_MAX_STEPS):
        following, kind = (step(pos, room) if step is not None
                           else _step(text, pos, name_ends, room=room))
        if kind not in _NAME_STEPS:
            break
        pos = end = following
        room = False
    return end


def walk(
    text: str, pos: int, name_ends: dict[int, int], *, room: bool = False,
    step: Step | None = None,
) -> tuple[int, str | None]:
    """End offset of the whole mention starting with a name ending at `pos`, and the
    stated locality ("the town centre" when only that is said), if any."""
    if match := attachment_regexes()["descriptor"].match(text, pos):
        pos = match.end()
    for _ in range(_MAX_STEPS):
        following, _ = (step(pos, room) if step is not None
                        else _step(text, pos, name_ends, room=room))
        if following == pos:
            break
        pos, room = following, False
    pos, locality = _locality(text, pos)
    for after in ("room", "paren"):
        if locality and (match := attachment_regexes()[after].match(text, pos)):
            pos = match.end()  # "..., Charlotte, in Conference Room B", "..., Bexmoor (unit 14)"
    return pos, locality


def name_locality(name: str) -> str | None:
    """"Truro Library", "Simi Valley Family Resource Center" -> the town: one or two
    leading words before civic descriptions (a town's library, hall or resource centre).
    Not "Riverside Hub" (no civic noun) nor "Swan River Ballroom" (a room)."""
    tokens = name.replace("’s", "").replace("'s", "").split()
    if len(tokens) < 2 or tokens[-1] not in words()["civic_nouns"]:
        return None
    generic = words()["generic_words"]
    # "Simi Valley", "Wattle Creek": a town of two words, but not "Cal Johnson".
    lead = 2 if len(tokens) > 2 and tokens[1] in words()["town_tails"] else 1
    place = " ".join(tokens[:lead])
    if any(t.lower() in generic for t in tokens[:lead]) or not place_ok(place):
        return None
    if any(t.lower() not in generic for t in tokens[lead:-1]):
        return None
    return place


_WALKS = "council_extract.venues.walks"


class Walks:
    """`walk` over one Doc's names, each (offset, room) walked once: the component walks
    a name for its mention and the extractor again for its locality."""

    def __init__(self, text: str, name_ends: dict[int, int]) -> None:
        self.text, self.name_ends = text, name_ends
        self.done: dict[tuple[int, bool], tuple[int, str | None]] = {}
        self.steps: dict[tuple[int, bool], tuple[int, str]] = {}

    def __call__(self, pos: int, *, room: bool) -> tuple[int, str | None]:
        if (found := self.done.get((pos, room))) is None:
            found = self.done[(pos, room)] = walk(self.text, pos, self.name_ends, room=room,
                                                  step=self.step)
        return found

    def step(self, pos: int, room: bool) -> tuple[int, str]:
        """`_step` at `pos`, each (offset, room) read once: the extractor's `name_end`
        reads again the first step the component's walk read after the same name."""
        if (found := self.steps.get((pos, room))) is None:
            found = self.steps[(pos, room)] = _step(self.text, pos, self.name_ends, room=room)
        return found


def walks_for(doc: Doc, name_ends: dict[int, int]) -> Walks:
    """The Doc's `Walks`, kept while its names end where `name_ends` says."""
    walks = doc.user_data.get(_WALKS)
    if not isinstance(walks, Walks) or walks.name_ends != name_ends:
        walks = Walks(doc_text(doc), dict(name_ends))
        doc.user_data[_WALKS] = walks
    return walks
