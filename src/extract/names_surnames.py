"""Mentions that lean on names found elsewhere in the article: a full name anchored by a
later titled surname ("Morag Lennie" ... "Ms Lennie"), and later surname-only mentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import accumulate

from extract.names_find import Mention, folded, plain, postnominal_tail
from extract.names_lexicon import first_names, honorifics, word_set
from extract.names_runs import Tok
from extract.names_walk import rule_mentions
from extract.quotes_verbs import verb_spans


@lru_cache(maxsize=64)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every rule-found name mention, in text order, including later surname-only ones."""
    full = rule_mentions(text)
    full = sorted([*full, *_titled_surname_names(text, full)], key=lambda m: m.start)
    return tuple(sorted([*full, *_surname_mentions(text, full)], key=lambda m: m.start))


def _titled_surname_names(text: str, full: list[Mention]) -> list[Mention]:
    """"Morag Lennie" when the article later says "Ms Lennie": the titled surname anchors a
    full name whose first name the lexicon lacks."""
    surnames = {m.name for m in full if " " not in m.name and m.hon_kind is not None}
    surnames -= {m.name.split()[-1] for m in full if " " in m.name}
    if not surnames:
        return []
    covered = _Cover([(m.hon_start if m.hon_start is not None else m.start, m.end)
                      for m in full])
    pattern = re.compile(
        r"(?<![\w’'.-])(?P<first>[A-Z][^\W\d_]*(?:[’'-][A-Z][^\W\d_]*)?)[ \t]*+(?:\n[ \t]*+)?"
        r"(?P<last>" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?![’'-]\w)"
    )
    found = []
    for match in pattern.finditer(text):
        first = match.group("first")
        if covered.overlaps(match.start(), match.end()) or not _can_be_first(
            text, first, match.start()
        ):
            continue
        run = [Tok(match.start("first"), match.end("first"), first),
               Tok(match.start("last"), match.end("last"), match.group("last"))]
        found.append(plain(text, run, 0, 2, "surname-anchored"))
    return found


class _Cover:
    """Character ranges [a, b) of known mentions, asked "does one hold / overlap this?" in
    O(log n): asking every range per candidate was O(n^2) in texts dense with names."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self._starts = [a for a, _ in ranges]
        self._reach = list(accumulate((b for _, b in ranges), max))  # furthest end so far

    def _reaches(self, before: int, pos: int) -> bool:
        """Does a range starting before `before` end after `pos`?"""
        k = bisect_left(self._starts, before)
        return k > 0 and self._reach[k - 1] > pos

    def holds(self, pos: int) -> bool:
        return self._reaches(pos + 1, pos)

    def overlaps(self, start: int, end: int) -> bool:
        return self._reaches(end, start)


def _can_be_first(text: str, word: str, pos: int) -> bool:
    """A capitalised word that may be a first name: not a title, role, place word or opener,
    and not the tail of a longer capitalised phrase ("Kinloch Council Lennie")."""
    low = word.lower()
    stop = (word_set("names_not_name_words.txt") | word_set("officials_role_heads.txt")
            | word_set("names_not_name_start.txt"))
    if low in stop or word in honorifics() or word.isupper():
        return False
    before = _WORD_BEFORE.search(text[max(0, pos - 30) : pos])
    return not (before and before.group(1)[0].isupper() and before.group(1) not in honorifics()
                and _starts_name(before.group(1)))


_WORD_BEFORE = re.compile(r"([A-Za-z][\w’'-]*)[ \t]*\n?[ \t]*$")
_CAPITAL_AFTER = re.compile(r"[ \t]*\n?[ \t]*([A-Z][\w’'-]*)")
_CAPITAL_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]*\n?[ \t]*$")


def _surname_mentions(text: str, full: list[Mention]) -> list[Mention]:
    """Bare surnames of people already named ("Lee said"), not followed by a place word."""
    surnames = {m.name.split()[-1] for m in full if " " in m.name}
    if not surnames:
        return []
    taken = {(m.hon_start or m.start, m.end) for m in full}
    covered = _Cover([(m.hon_start if m.hon_start is not None else m.start, m.end)
                      for m in full])
    stop = word_set("names_not_name_words.txt")
    found = []
    for start, end in surname_hits(text, surnames):
        if covered.holds(start) or (start, end) in taken:
            continue
        after = _CAPITAL_AFTER.match(text[end : end + 40])
        if after and (after.group(1).lower() in stop or after.group(1)[0].isupper()):
            continue  # "Montgomery County", or part of another capitalised name
        window = text[max(0, start - 30) : start]
        before = _CAPITAL_WORD_BEFORE.search(window)
        if before and before.group(1) not in honorifics() and _starts_name(before.group(1)):
            continue
        tail_end, elected = postnominal_tail(text, end)
        found.append(Mention(start=start, end=end, name=text[start:end],
                             tail_end=tail_end, elected=elected, anchor="surname"))
    return found


# Up to this many surnames are looked for one by one with str.find; more (dense hostile text)
# go through one alternation regex, whose compile cost is then shared by many hits.
_FIND_SURNAMES = 16
_BOUNDARY = re.compile(r"\b")
_SURNAME_END = re.compile(r"\b(?![’'-]\w)")


def surname_hits(text: str, surnames: set[str]) -> list[tuple[int, int]]:
    """The matches, in text order, of `\\b(?:s1|s2|...)\\b(?![’'-]\\w)` over the sorted
    surnames. Compiling that pattern cost ~0.3 ms per article (its surnames are the article's
    own, so the regex cache never hits); str.find per surname gives the same matches: at each
    position the alternation takes the first surname (sorted) that fits, and the scan goes on
    after the match."""
    ordered = sorted(surnames)
    if len(ordered) > _FIND_SURNAMES:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b(?![’'-]\w)")
        return [match.span() for match in pattern.finditer(text)]
    ends: dict[int, int] = {}
    for surname in ordered:
        size = len(surname)
        pos = text.find(surname)
        while pos != -1:
            if pos not in ends and _BOUNDARY.match(text, pos) and _SURNAME_END.match(
                    text, pos + size):
                ends[pos] = pos + size
            pos = text.find(surname, pos + 1)
    hits = []
    reached = 0
    for pos in sorted(ends):
        if pos >= reached:
            hits.append((pos, ends[pos]))
            reached = ends[pos]
    return hits


def _starts_name(word: str) -> bool:
    return word.lower() not in word_set("names_not_name_start.txt")


FIRST_ONLY = "first-only"
# "Emer, a social worker in the team, said", "19-year-old Kyle said:": a lone first name that
# a speech verb follows (after an optional appositive) is a speaker, though not an official.
_SPEAKS = re.compile(
    r"(?:\s*,(?:[^,“”\"\n]{1,100},)?)?\s+(?:said|says|added|explained|told|commented)\b"
)
# Possessive: "[ \t]*\n?[ \t]*" split a run of n spaces n ways (O(n^2) per capitalised word).
# The look-behind comes after the first capital so that the search can skip to capitals.
_LONE = re.compile(
    r"(?P<w>[A-Z](?<![\w’'-][A-Z])[a-z’'-]+)(?![ \t]*+(?:\n[ \t]*+)?[A-Z])")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|on|at|of|for|to|from|by|with|since|until)\s+$",
                                re.IGNORECASE)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'.-]*[ \t]*\n?[ \t]*$")


@cache
def _not_lone_first() -> frozenset[str]:
    return word_set("names_not_name_start.txt") | word_set("names_first_only_not.txt")


@lru_cache(maxsize=8192)
def _lone_first(word: str) -> bool:
    """A first name of the lexicon that may stand alone (asked for every capitalised word)."""
    return folded(word) in first_names() and word.lower() not in _not_lone_first()


def first_name_speakers(text: str, known: list[Mention] | tuple[Mention, ...]) -> list[Mention]:
    """Lone first names (not part of a longer capitalised name) anchored by a speech verb.

    The `_LONE` words tried are those ending where `_SPEAKS` can match: found back from the
    speech verbs (every capitalised word of the text was tried)."""
    covered: _Cover | None = None  # made at the first candidate that gets that far (rare)
    found = []
    for end in _speaker_ends(text):
        match = _lone_ending(text, end)
        if match is None:
            continue
        word = match.group("w")
        if not _lone_first(word):
            continue
        if _AFTER_PREPOSITION.search(text, max(0, match.start() - 12), match.start()):
            continue  # "in September", "to Grace": not the subject of the verb
        if _CAPITAL_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # the end of a longer capitalised name or title
        if not _SPEAKS.match(text, match.end()):
            continue
        if covered is None:
            covered = _Cover([(m.hon_start if m.hon_start is not None else m.start, m.tail_end)
                              for m in known])
        if covered.holds(match.start()):
            continue
        found.append(Mention(start=match.start(), end=match.end(), name=word,
                             tail_end=match.end(), anchor=FIRST_ONLY))
    return found


_SPEAKS_VERBS = frozenset({"said", "says", "added", "explained", "told"})  # and "commented"
_LONE_TAIL = "abcdefghijklmnopqrstuvwxyz’'-"
_TAIL_REACH = 64  # characters stripped at a time looking back for a word's start


def _speaker_ends(text: str) -> list[int]:
    """Every position where `_SPEAKS` can match after a word, in text order (more may be
    given): its verb follows white space that follows the word, or ", " that follows it, or
    ", <aside>, " whose first comma is the last one before the second."""
    verbs = [start for start, end in verb_spans(text) if text[start:end] in _SPEAKS_VERBS]
    pos = text.find("commented")
    while pos != -1:  # not a reported-speech verb: looked for apart
        verbs.append(pos)
        pos = text.find("commented", pos + 1)
    ends = set()
    for verb in verbs:
        blank = _blank_start(text, verb)
        if blank == verb:
            continue  # `\s+` before the verb
        ends.add(blank)
        if blank and text[blank - 1] == ",":
            ends.add(_blank_start(text, blank - 1))
            first = text.rfind(",", max(0, blank - 102), blank - 1)
            if first >= 0:
                ends.add(_blank_start(text, first))
    return sorted(ends)


def _blank_start(text: str, pos: int) -> int:
    """Start of the run of white space that ends at `pos` (`pos` when there is none)."""
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


def _lone_ending(text: str, end: int) -> re.Match[str] | None:
    """The `_LONE` match of the text that ends at `end`, if any: it starts at the capital
    before the lower-case letters, apostrophes and hyphens that end at `end` (no `_LONE`
    match holds another's capital, so a search of the whole text finds this one too)."""
    start = _tail_start(text, end)
    if start == end or not start or not "A" <= text[start - 1] <= "Z":
        return None
    match = _LONE.match(text, start - 1)
    return match if match is not None and match.end() == end else None


def _tail_start(text: str, end: int) -> int:
    """Start of the run of `_LONE_TAIL` characters that ends at `end` (`rstrip` on slices of
    the text, in C, instead of a Python step per character)."""
    start = end
    while True:
        floor = max(0, start - _TAIL_REACH)
        kept = text[floor:start].rstrip(_LONE_TAIL)
        start = floor + len(kept)
        if kept or not floor:
            return start
