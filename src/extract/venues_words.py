"""Venue word lists and patterns, loaded once from `patterns/venues_words.jsonl`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from extract.dates_patterns import read_jsonl

# A word inside a venue name: capitalised words, numbers, and the small joiners of
# names such as "Main Hall of the Guildhall", "St David’s", "Ely and Caerau".
UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_PART = rf"^([{UPPER}0-9][\w’'.&-]*|of|the|and|&|upon|’s|'s|\s+)$"
_FIRST = rf"^[{UPPER}0-9][\w’'.-]*$"


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    return {row["list"]: frozenset(row["words"]) for row in read_jsonl("venues_words.jsonl")}


def _alternatives(name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words()[name], key=len, reverse=True))


def build_venue_matcher(vocab: Vocab) -> Matcher:
    """Capitalised names ending in a place noun ("Leeds Civic Hall"), or in a lower-case
    place noun after a capitalised name ("St David’s shopping centre")."""
    first: dict[str, Any] = {"TEXT": {"REGEX": _FIRST}}
    middle: dict[str, Any] = {"TEXT": {"REGEX": _NAME_PART}, "OP": "*"}
    space: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}
    noun = {"TEXT": {"IN": sorted(words()["place_nouns"])}}
    matcher = Matcher(vocab)
    matcher.add("NAME", [[first, middle, noun]])
    tails = [tail.split() for tail in words()["lower_tails"]]
    matcher.add("NAME", [[first, middle, *({"LOWER": w} for w in tail)] for tail in tails])
    brands = [[{"TEXT": w} for w in brand.split()] for brand in words()["hotel_brands"]]
    # "Hilton London Metropole": a hotel chain's name needs no place noun.
    matcher.add("NAME", [[*brand, {"TEXT": {"REGEX": _FIRST}, "OP": "+"}] for brand in brands])
    # "Áras an Chontae", "Tŷ Cymuned", "Te Whare Tūhono": Irish, Welsh and Māori names
    # open with the word for the building, so the place noun comes first.
    joiner = {"TEXT": {"REGEX": rf"^([{UPPER}][\w’'-]*|{_alternatives('lead_joiners')})$"},
              "OP": "*"}
    leads = [[{"TEXT": w} for w in lead.split()] for lead in words()["lead_nouns"]]
    matcher.add("NAME", [[*lead, joiner, {"TEXT": {"REGEX": _FIRST}}] for lead in leads])
    singles = [[{"TEXT": w} for w in name.split()] for name in words()["single_names"]]
    matcher.add("SINGLE", singles)
    matcher.add("SINGLE", [[{"LOWER": "the"}, space, *single] for single in singles])
    return matcher


@lru_cache(maxsize=1)
def attachment_regexes() -> dict[str, re.Pattern[str]]:
    """Phrases that may follow a venue name and belong to its mention."""
    cap = rf"[{UPPER}][\w’'.-]*"
    # Possessive white space: "[ \t]*\n?[ \t]*" split a long run of spaces every way.
    caps = rf"{cap}(?:[ \t]*+(?:\n[ \t]*+)?(?:{cap}|and|&|of)){{0,4}}"
    street = (rf"(?:(?:[\d-]+[a-zA-Z]?,?\s+)?{caps}\s+(?:{_alternatives('street_suffixes')})"
              rf"|(?:The\s+)?(?:{_alternatives('bare_streets')}))(?![\w])"
              r"(?:\s+(?:North|South|East|West|Upper|Lower))?")
    return {
        "descriptor": re.compile(rf"\s+(?:{_alternatives('descriptor_tails')})\b"),
        # "(near the fountain)", "(first floor meeting room)", "(Anglesea Street entrance)".
        "paren": re.compile(r"[ \t]*\((?:[a-z]|[^()\n]{0,40}\b(?:entrance|floor|room|door|"
                            r"side|reception|foyer|car park|Room|Floor)\b)[^()]{0,60}\)"),
        # "Committee Room 2", "Suite B": the number or letter of a room is in its name.
        "number": re.compile(r"(?:(?<=Room)|(?<=Suite)|(?<=Studio)|(?<=Lounge)|(?<=Rooms))"
                             r"[ \t]+(?:\d{1,3}[A-Za-z]?|[A-Z])(?![\w’'./:-])"
                             r"(?![ \t]*(?:[ap]\.?m\b|[A-Z][a-z]))"),
        "street": re.compile(rf",?\s+(?:on\s+)?{street}\.?"),
        "on_street": re.compile(rf"\s+on\s+{caps}"),
        # "the Council Chamber at Áras an Chontae": a room in a building of any name.
        "at_building": re.compile(
            rf"\s+at\s+(?:the\s+)?{cap}(?:\s+(?:{cap}|an|na|de|la|of)){{0,4}}"),
        "room": re.compile(rf",?\s+(?:in\s+)?(?:(?:Conference|Meeting|Committee|Function|"
                           rf"Community|Training)\s+)?(?:Room|Suite|Hall|Building|Block|Wing|"
                           rf"Unit|Studio|Level)\s+[{UPPER}0-9][\w-]{{0,3}}\b"),
        # ", second floor", ", on the first floor of the Blanchardstown Centre".
        "floor": re.compile(rf",?\s*(?:on\s+)?(?:the\s+)?(?i:ground|first|second|third|fourth|top)"
                            rf"\s+(?i:floor)\b(?:\s+(?i:meeting|function|community|conference)\s+(?i:room))?"
                            rf"(?:\s+of\s+(?:the\s+)?{caps})?"),
        "in_centre": re.compile(r"\s+in\s+(?:the\s+)(?:town|city)\s+centre\b"),
        "in_place": re.compile(
            rf",?\s+(?:in|near)\s+(?P<place>{caps})(?:\s+(?:town|city)\s+centre)?"),
        "comma_place": re.compile(
            rf",\s*(?P<place>{caps})(?:,?\s+[A-Z]{{2,3}}\s+\d{{4,5}})?"
            r"(?=\s*(?:[.,;:()]|\n|$)|\s+(?:on|from|between|at|and|for|this|next|last)\b)"),
    }
