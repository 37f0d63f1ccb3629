"""Which council (or other body) issued an article, detected from its text.

Candidates are local authorities ("Rotherham council", "Dublin City Council", "City of
Sydney", "Shire of Esperance"), government departments and county agencies ("NSW
Department of Communities and Justice", "Ventura County Human Services Agency") and a
short list of national bodies. The winner is the most-mentioned, with a bonus for being
named in the opening lines, where a release names its issuer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from extract.patterns_data import pattern_lines

# A space, or a hard line wrap. Possessive: "[ \t]+\n?[ \t]*" could split a run of n spaces
# n ways, and a capitalised word before a long run then cost O(n^2) per match attempt.
_SEP = r"(?:[ \t]++(?:\n[ \t]*+)?|\n[ \t]*+)"
_CAP = r"[A-Z][\w'’.-]*"
_NAME_WORD = rf"(?:{_CAP}|of|and|upon|on|in|the|&)"
_COUNCIL = re.compile(
    rf"\b({_CAP}(?:{_SEP}{_NAME_WORD}){{0,5}}?){_SEP}([Cc]ouncil)\b(?!{_SEP}[Tt]ax)"
)
_OF_WORDS = ("City", "Shire", "County", "Municipality", "Borough", "Town", "Township", "Village")
_OF_FORM = re.compile(
    rf"\b((?:{'|'.join(_OF_WORDS)}){_SEP}of{_SEP}"
    rf"[A-Z][\w-]*(?:{_SEP}[A-Z][\w-]*){{0,3}})(?:{_SEP}(Council))?"
)
_DEPARTMENT = re.compile(
    rf"\b((?:[A-Z][\w-]*{_SEP}County{_SEP}|(?!The\b)(?:NSW|[A-Z][a-z]+){_SEP})?"
    rf"(?:Department|Ministry){_SEP}(?:of|for){_SEP}{_CAP}"
    rf"(?:(?:,{_SEP}|{_SEP}and{_SEP}|{_SEP}){_CAP}){{0,6}})"
)
_WORD_CAPITAL = re.compile(r"\b[A-Z]")
_COUNTY_BODY = re.compile(
    rf"\b([A-Z][\w-]*{_SEP}County(?:{_SEP}(?:{_CAP}|and)){{0,6}}{_SEP}"
    rf"(?:Agency|Services|Department|Government|Division|Commission))\b"
)
_COUNTY = re.compile(rf"\b([A-Z][\w-]*(?:{_SEP}[A-Z][\w-]*){{0,2}}{_SEP}County)\b")
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|A|An|At|In|On|By|For|From|With|And|But|Today|Yesterday|Last|This|"
    r"Both|Meanwhile|However|Also|Now|Following|Under|Across|Our|Your|Their|Every|"
    r"Congratulations|Contact|Visit|Join|Welcome|Local|Council)\s+)+"
)
_TRAILING_NOISE = re.compile(r"(?:\s+(?:the|of|and|in|on|upon|&))+$")
_POSSESSIVE = re.compile(r"['’]s?$")
_OPENING_CHARS = 600
_OPENING_BONUS = 2
# Local authorities are what this tool is about: a council named at all outranks a
# partner agency named a little more often.
_COUNCIL_BONUS = 2


# Words every match of a pattern holds: one of each group (a text without them is not scanned).
_NEEDED = ((_DEPARTMENT, (("Department", "Ministry"),)),
           (_COUNTY_BODY, (("County",), ("Agency", "Services", "Department", "Government",
                                         "Division", "Commission"))))


@lru_cache(maxsize=8)
def _word_list(name: str) -> frozenset[str]:
    return frozenset(pattern_lines(name))


def _blocked(words: str) -> bool:
    """Bodies called "... Council" that are not local authorities ("Youth Council"),
    or words that only say what kind of council it is ("City Council")."""
    lowered = words.lower()
    if lowered in _lowered("publisher_generic.txt"):
        return True
    return lowered in _lowered("publisher_blocklist.txt") or lowered.endswith(_blocked_tails())


@lru_cache(maxsize=1)
def _blocked_tails() -> tuple[str, ...]:
    return tuple(" " + body for body in sorted(_lowered("publisher_blocklist.txt")))


@lru_cache(maxsize=8)
def _lowered(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _word_list(name))


@lru_cache(maxsize=1)
def _body_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Compiled once, in a fixed order (a frozenset's order changes from process to process).
    return tuple((body, re.compile(rf"\b{re.escape(body)}\b"))
                 for body in sorted(_word_list("publisher_bodies.txt")))


@lru_cache(maxsize=4096)
def _clean(name: str) -> str:
    return _POSSESSIVE.sub("", " ".join(name.split()))


def _candidates(text: str) -> list[tuple[str, int, bool]]:
    """(name, offset, is a local authority) for every mention of a possible issuer."""
    found: list[tuple[str, int, bool]] = []
    for match in _council_matches(text):
        if (name := _council_name(match.group(1), match.group(2))) is not None:
            found.append((name, match.start(), True))
    literals = _literals(text)
    for match in _of_form_matches(text, literals):
        name = match.group(0) if match.group(2) else match.group(1)
        found.append((name, match.start(), True))
    # Each pattern below needs one of its literal words: a text without them is not
    # scanned (the many articles without them cost one search for all the words).
    for pattern, needed in _NEEDED:
        if all(any(word in literals for word in words) for words in needed):
            found.extend((m.group(1), m.start(), False) for m in pattern.finditer(text))
    for body, pattern in _body_patterns():
        if body in literals:
            found.extend((body, m.start(), False) for m in pattern.finditer(text))
    return [(_clean(name), start, council) for name, start, council in found]


@lru_cache(maxsize=1)
def _literal_finder() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One regex for the literal words the scans need (the "of" forms' openers, the words
    `_NEEDED` lists, the bodies), longest first, and for each word the words that are a
    prefix of it: every word starting where another does is a prefix of the longer one,
    so the longest found at an offset and its prefixes are all the words starting there."""
    words = {"Department", *_OF_WORDS, *_word_list("publisher_bodies.txt")}
    words.update(word for _, needed in _NEEDED for group in needed for word in group)
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return (re.compile("|".join(re.escape(word) for word in ordered)),
            {word: tuple(w for w in ordered if word.startswith(w)) for word in ordered})


def _literals(text: str) -> dict[str, list[int]]:
    """The offsets of every occurrence (overlapping ones too) of each literal word in
    `text`, from one scan for them all; a word not in `text` is not a key."""
    finder, prefixes = _literal_finder()
    found: dict[str, list[int]] = {}
    at = 0
    while (match := finder.search(text, at)) is not None:
        for word in prefixes[match.group()]:
            found.setdefault(word, []).append(match.start())
        at = match.start() + 1
    return found


def _of_form_matches(text: str, literals: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """`_OF_FORM.finditer(text)`: every match opens with one of `_OF_WORDS`, so it is
    tried only at their offsets (`literals`, from `_literals(text)`), each offset once."""
    last_end = 0
    for start in sorted({at for word in _OF_WORDS for at in literals.get(word, ())}):
        if start >= last_end and (match := _OF_FORM.match(text, start)):
            last_end = match.end()
            yield match


@lru_cache(maxsize=4096)
def _council_name(words: str, council: str) -> str | None:
    """The name a `_COUNCIL` match gives (its words less leading and trailing noise), or
    None when it names no issuer. Cached: the same few names recur in article after article."""
    words = _TRAILING_NOISE.sub("", _LEADING_NOISE.sub("", " ".join(words.split())))
    if words and words[0].isupper() and not _blocked(words):
        return f"{words} {council}"
    return None


# The name characters back from a word, read on the reversed text, across at most six runs
# of blanks: a `_COUNCIL` match holds only name characters (words, joiners, blanks) and at
# most six runs of blanks (one before each of up to five name words and one before
# "Council"). Possessive: a run of blanks must not be split into several by backtracking.
_NAME_BACK = re.compile(r"[\w'’.&\-]*+(?:[ \t\n]++[\w'’.&\-]*+){0,6}")


def _council_matches(text: str) -> Iterator[re.Match[str]]:
    """`_COUNCIL.finditer(text)`, trying only the offsets where a match can start: a
    capital opening a word, in the stretch of name characters (words, joiners, spaces,
    line breaks) that runs up to a "[Cc]ouncil", and no further back than six runs of
    blanks. (A start before the seventh run back from a "Council" could only end at a
    later one, further still: none can, so it is not tried there or later.)"""
    reverse, size = text[::-1], len(text)
    tried = last_end = 0  # offsets before `tried` were tried; a match ends at `last_end`
    at = text.find("ouncil")
    while at != -1:
        word = at - 1  # where "Council" starts
        if word > tried:
            # reverse offset r is text offset size - 1 - r: back from the word to the
            # nearest character no match can hold, the seventh run of blanks or `tried`
            back = _NAME_BACK.match(reverse, size - word, size - tried)  # (never fails)
            first = size - back.end() if back else tried
            for start in _WORD_CAPITAL.finditer(text, first, word):
                if start.start() >= last_end and (match := _COUNCIL.match(text, start.start())):
                    last_end = match.end()
                    yield match
            tried = word
        at = text.find("ouncil", at + 1)


def detect_publisher(text: str) -> str | None:
    """The issuing body as first written, or None.

    Falls back to a US-style "X County" when nothing else is named.
    """
    candidates = _candidates(text)
    if not candidates:
        counties = [(_clean(m.group(1)), m.start(), False) for m in _COUNTY.finditer(text)]
        candidates = [c for c in counties if _LEADING_NOISE.sub("", c[0]) == c[0]]
    if not candidates:
        return None
    opening = _opening_offset(text) + _OPENING_CHARS
    score: Counter[str] = Counter()
    first: dict[str, tuple[int, str]] = {}
    for name, start, council in candidates:
        key = name.lower()
        if key not in first:
            score[key] += _COUNCIL_BONUS if council else 0
        if start < opening and (key not in first or first[key][0] >= opening):
            score[key] += _OPENING_BONUS
        score[key] += 1
        if key not in first or start < first[key][0]:
            first[key] = (start, name)
    best = max(score, key=lambda key: (score[key], -first[key][0]))
    return _fuller_form(best, first)


def _fuller_form(best: str, first: dict[str, tuple[int, str]]) -> str:
    """"Wattle Creek council" is "Wattle Creek Shire Council" when the article spells
    that out: the same place's council under its full name."""
    if not best.endswith(" council"):
        return first[best][1]
    place = best[: -len("council")]
    fuller = [key for key in first
              if key.startswith(place) and key.endswith(" council") and len(key) > len(best)]
    return first[min(fuller, key=len)][1] if fuller else first[best][1]


def _opening_offset(text: str) -> int:
    """Where the body starts: past a dateline and a headline line, if any."""
    offset = 0
    for line in text.splitlines(keepends=True)[:4]:
        if len(line.strip()) < 100:
            offset += len(line)
        else:
            break
    return offset
