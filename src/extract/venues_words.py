"""Venue word lists and patterns, loaded once from `patterns/venues_words.jsonl`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress

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


# Names longer than this many tokens are not looked for: a real name is a handful of
# words, while a page of capitalised words would otherwise give every capitalised word
# before every place noun as a candidate (quadratic in the run's length).
MAX_NAME_TOKENS = 40
_POSSESSIVES = ("’s", "'s")


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    joiner = rf"^([{UPPER}][\w’'-]*|{_alternatives('lead_joiners')})$"
    return re.compile(_FIRST), re.compile(_NAME_PART), re.compile(joiner)


@lru_cache(maxsize=65536)
def _first(text: str) -> bool:
    return _compiled()[0].search(text) is not None


@lru_cache(maxsize=65536)
def _part(text: str) -> bool:
    return _compiled()[1].search(text) is not None


@lru_cache(maxsize=8192)
def _joiner(text: str) -> bool:
    return _compiled()[2].search(text) is not None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """Multi-word entries by the word they end with (tails) or start with (the others)."""
    lists = words()
    tails: dict[str, list[tuple[str, ...]]] = {}
    for tail in lists["lower_tails"]:
        parts = tuple(tail.split())
        tails.setdefault(parts[-1], []).append(parts)
    heads: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for kind in ("hotel_brands", "lead_nouns", "single_names"):
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for entry in lists[kind]:
            parts = tuple(entry.split())
            by_first.setdefault(parts[0], []).append(parts)
        heads[kind] = by_first
    return {"lower_tails": {k: tuple(v) for k, v in tails.items()},
            **{kind: {k: tuple(v) for k, v in by.items()} for kind, by in heads.items()}}


@lru_cache(maxsize=1)
def _anchors() -> frozenset[str]:
    """Lower-cased words a name is read forwards or backwards from: one scan of the
    lower-case tokens finds the candidates for every kind of name."""
    phrases = _phrases()
    exact = words()["place_nouns"].union(
        *(phrases[kind] for kind in ("hotel_brands", "lead_nouns", "single_names")))
    return frozenset(word.lower() for word in exact) | frozenset(phrases["lower_tails"])


def name_matches(
    texts: list[str], lowers: list[str], is_space: list[bool], *,
    keep_end: Callable[[int], bool] = lambda end: True, limit: int | None = None,
) -> dict[int, set[int]]:
    """Token offsets of every reading of a venue name, each length separately as a spaCy
    Matcher returns them, as {end: starts}: capitalised words ending in a place noun or
    a lower-case place noun ("Leeds Civic Hall", "St David’s shopping centre"), a hotel
    chain's name and the words after it ("Hilton London Metropole"), a name opening with
    the word for the building ("Áras an Chontae") and single names ("the Guildhall").
    Names ending where `keep_end` says no are not looked for; the scan stops once it
    has found `limit` readings (the rest of a page of names is not read)."""
    scan = _NameScan(texts, lowers, is_space, keep_end)
    phrases, nouns = _phrases(), words()["place_nouns"]
    tails = phrases["lower_tails"]
    for i in _positions(lowers, _anchors()):
        if limit is not None and scan.count >= limit:
            break
        text = texts[i]
        if text in nouns:
            scan.before(i, i + 1)
        for kind in ("hotel_brands", "lead_nouns", "single_names"):
            for entry in phrases[kind].get(text, ()):
                if tuple(texts[i:i + len(entry)]) == entry:
                    scan.after(kind, i, i + len(entry))
        for tail in tails.get(lowers[i], ()):
            start = i + 1 - len(tail)
            if start >= 0 and tuple(lowers[start:i + 1]) == tail:
                scan.before(start, i + 1)
    return scan.found


def _positions(items: list[str], wanted: frozenset[str]) -> list[int]:
    """Indexes of the items in `wanted`, in order: the membership tests run in C (map
    over the set's `__contains__`, then `compress`), with no Python step per item."""
    return list(compress(range(len(items)), map(wanted.__contains__, items)))


class _NameScan:
    def __init__(self, texts: list[str], lowers: list[str], is_space: list[bool],
                 keep_end: Callable[[int], bool]) -> None:
        self.texts, self.lowers, self.is_space = texts, lowers, is_space
        self.keep_end = keep_end
        self.found: dict[int, set[int]] = {}
        self.count = 0  # readings added, a repeat counted again

    def _add(self, start: int, end: int) -> None:
        if (starts := self.found.get(end)) is not None:
            starts.add(start)
            self.count += 1
        elif self.keep_end(end):
            self.found[end] = {start}
            self.count += 1

    def before(self, noun: int, end: int) -> None:
        """A capitalised first word, then any name words, then the noun at `noun`..`end`."""
        if end not in self.found and not self.keep_end(end):
            return
        starts = self.found.setdefault(end, set())
        texts = self.texts
        for k in range(noun - 1, max(-1, end - 1 - MAX_NAME_TOKENS), -1):
            text = texts[k]
            if _first(text):
                starts.add(k)
                self.count += 1
            elif not _part(text):
                break
        if not starts:
            del self.found[end]

    def after(self, kind: str, start: int, end: int) -> None:
        """Names read forwards from a single name, a hotel brand or a lead noun."""
        if kind == "single_names":
            self._add(start, end)
            before = start - 1
            while before >= 0 and self.is_space[before]:
                before -= 1
            if before >= 0 and self.lowers[before] == "the":
                self._add(before, end)
            return
        # A brand is followed by one or more capitalised words; a lead noun by joiners
        # ("an", "na", capitalised words) and a capitalised word.
        for k in range(end, min(len(self.texts), start + MAX_NAME_TOKENS)):
            if _first(self.texts[k]):
                self._add(start, k + 1)
            elif kind == "hotel_brands":
                return
            if kind == "lead_nouns" and not _joiner(self.texts[k]):
                return
