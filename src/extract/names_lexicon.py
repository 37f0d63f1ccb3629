"""Word lists for finding people: loaded once from `patterns/`, never edited in code.

Every list is cached with `functools.cache` (the lists are asked for from hot loops; an LRU
cache of size one cost more per call)."""

from __future__ import annotations

import json
import re
from functools import cache

from extract.patterns_data import pattern_lines


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a lower-cased set."""
    return frozenset(line.lower() for line in pattern_lines(name))


@cache
def word_set_cased(name: str) -> frozenset[str]:
    """A one-entry-a-line list kept as written (proper names, acronyms)."""
    return frozenset(pattern_lines(name))


@cache
def first_names() -> frozenset[str]:
    names = set(word_set("names_first.txt")) | set(word_set("names_first_extra.txt"))
    return frozenset(names - word_set("names_first_not.txt"))


@cache
def honorifics() -> dict[str, str]:
    """Honorific as written -> kind ('council', 'office' or 'title')."""
    rows = (json.loads(line) for line in pattern_lines("officials_honorifics.jsonl"))
    return {row["text"]: row["kind"] for row in rows}


@cache
def plural_honorifics() -> frozenset[str]:
    """"Councillors", "Cllrs": one title before a list of names ("Cllrs Ann Lee and Rob Hart")."""
    rows = (json.loads(line) for line in pattern_lines("officials_honorifics.jsonl"))
    return frozenset(row["text"] for row in rows if row.get("plural"))


@cache
def postnominals() -> dict[str, bool]:
    """Post-nominal letters -> whether they mark an elected office (MP, TD ...)."""
    found: dict[str, bool] = {}
    for line in pattern_lines("officials_postnominals.txt"):
        parts = line.split()
        found[parts[0]] = len(parts) > 1 and parts[1] == "office"
    return found


@cache
def phrase_pattern(name: str) -> re.Pattern[str]:
    """Any entry of a phrase list as a whole word or phrase, case-insensitive."""
    entries = sorted(pattern_lines(name), key=len, reverse=True)
    body = "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in entries)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def speech_verbs() -> re.Pattern[str]:
    return phrase_pattern("quotes_speech_verbs.txt")
