"""Name mentions grouped into people: one person per article, variants become aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.names_find import Mention, folded

_CONTACT_BEFORE = re.compile(
    r"\b(?:[Cc]ontact|[Ee]-?mail|[Cc]all|[Rr]ing|[Pp]hone|[Tt]elephone|[Ee]nquiries)\b[^.\n]{0,40}$"
)
# An email address: "\S+@\S+\.\w" tried every "@" of a long unbroken run and rescanned the run
# for a dot after each (O(n^2)); the first "@" after the start is the one to try (a later one
# leaves less room for the dot), and the dot is looked for once, left to right.
_CONTACT_AFTER = re.compile(
    r"[^.\n]{0,50}?(?:\b0\d{2,4}[ \d]{6,}|\+\d[\d ]{8,}|\S[^\s@]*+@\S+?\.\w|\(\d{3}\)\s*\d{3}-\d{4}"
    r"|\b\d{3}[-.]\d{3}[-.]\d{4})"
)
_BYLINE = re.compile(r"(?:^|\n)[ \t]*(?:[Bb]y|BY|Written by|Words by|Report by)[ \t:]+$")


@dataclass
class Person:
    mentions: list[int] = field(default_factory=list)

    def first(self, mentions: tuple[Mention, ...]) -> Mention:
        # The first full name, found lazily: people mentioned thousands of times are asked
        # once per mention while they are grouped.
        full = next((mentions[i] for i in self.mentions if " " in mentions[i].name), None)
        return full if full is not None else mentions[self.mentions[0]]


def excluded_mention(text: str, mention: Mention) -> bool:
    """By-lines and contact names given with a phone number or email address."""
    begin = mention.hon_start if mention.hon_start is not None else mention.start
    line_start = text.rfind("\n", 0, begin) + 1
    # Matched in place from the line start (its only possible start): searching a copy of the
    # line was O(line length) per mention, O(n^2) on a long unbroken line of names.
    if _BYLINE.match(text, max(0, line_start - 1), begin):
        return True
    before = text[max(0, begin - 60) : begin]
    if _may_name_contact(before.lower()) and _CONTACT_BEFORE.search(before):
        return True
    return _contact_after(text, mention.tail_end) and "said" not in before


# What each way of `_CONTACT_AFTER` holds within 54 characters of where it is tried: a "0"
# and a digit, "+" or "(" and a digit, an "@", or three digits and a separator
# ("0\d|[+(]\d|@|\d{3}[-.]" with one first-character class, so the search skips to those).
_CONTACT_HINT = re.compile(r"[\d+(@](?:(?<=@)|(?<=[+(0])\d|(?<=\d)\d\d[-.])")
_AT_IN_WORD = re.compile(r"[^\s@]*+@")


def _contact_after(text: str, pos: int) -> bool:
    """`_CONTACT_AFTER` matches at `pos`. Each of its ways starts within 51 characters and
    puts its `_CONTACT_HINT` within 54, except an address whose name runs on without a blank
    from within the first 51 to an "@" further on (an "@" in the word at `pos + 50`): without
    either, the lazy regex (five tries at each of 51 positions, for every mention) cannot
    match."""
    if _CONTACT_HINT.search(text, pos, pos + 54) is None and not _AT_IN_WORD.match(
            text, pos + 50):
        return False
    return bool(_CONTACT_AFTER.match(text, pos))


# Every word `_CONTACT_BEFORE` needs holds one of these (lower-cased): without one, the
# search of the 60 characters before each mention is skipped.
_CONTACT_WORDS = ("contact", "mail", "call", "ring", "phone", "enquiries")
# One search for any of them (a generator of six `in` tests cost more, for every mention).
_CONTACT_WORD = re.compile("|".join(_CONTACT_WORDS))


def _may_name_contact(lowered: str) -> bool:
    return _CONTACT_WORD.search(lowered) is not None


def group_people(mentions: tuple[Mention, ...], keep: list[int]) -> list[Person]:
    """People in order of first mention; surname-only mentions join the matching person."""
    people: list[Person] = []
    # Each person's name words, found once: a person's first mention (a full name) is fixed
    # once made, and every later full name is compared with every person.
    known: list[tuple[str, ...]] = []
    singles: list[int] = []
    for i in keep:
        if " " not in mentions[i].name:
            singles.append(i)
            continue
        words = _words(mentions[i].name)
        match = next((n for n, person_words in enumerate(known)
                      if _same(person_words, words)), None)
        if match is None:
            people.append(Person([i]))
            known.append(words)
        else:
            people[match].mentions.append(i)
    if singles:  # the people are indexed by name ends only when there are surnames to place
        _place_singles(mentions, people, singles)
    for person in people:
        person.mentions.sort(key=lambda j: mentions[j].start)
    return sorted(people, key=lambda p: mentions[p.mentions[0]].start)


def _place_singles(mentions: tuple[Mention, ...], people: list[Person], singles: list[int]) -> None:
    """Surname-only mentions join the person whose name ends so; a titled one with no such
    person ("Cllr Lee") becomes a person of its own."""
    owners = _Owners(mentions, people)
    for i in singles:
        owner = owners.of(i)
        if owner is not None:
            owner.mentions.append(i)
        elif mentions[i].hon_kind in ("council", "office"):
            person = Person([i])
            people.append(person)
            owners.add(person)


class _Owners:
    """People by the trailing words of their name, for surname-only mentions. A person's name
    and first mention are fixed once made (later mentions are surnames only), so each is
    indexed once: asking every person (and scanning their mentions) per surname was O(n^2)."""

    def __init__(self, mentions: tuple[Mention, ...], people: list[Person]) -> None:
        self._mentions = mentions
        self._by_tail: dict[tuple[str, ...], list[Person]] = {}
        for person in people:
            self.add(person)

    def add(self, person: Person) -> None:
        words = _words(person.first(self._mentions).name)
        for key in dict.fromkeys([words, *(words[-n:] for n in range(1, len(words) + 1))]):
            self._by_tail.setdefault(key, []).append(person)

    def of(self, i: int) -> Person | None:
        """The person whose surname this is: the nearest one named before it, else any."""
        owners = self._by_tail.get(_words(self._mentions[i].name), [])
        start = self._mentions[i].start
        before = [p for p in owners if self._mentions[p.mentions[0]].start < start]
        if before:
            return max(before, key=lambda p: self._mentions[p.mentions[0]].start)
        return owners[0] if owners else None


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    """Name words compared without accents or hyphens ("Hēmi Vaughan-Jones" ~ "Hemi Vaughan
    Jones"): articles spell the same person both ways."""
    return tuple(folded(name).replace("-", " ").split())


def _same(known: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Same person (`known` a person's name words, `words` a full name's): same surname and
    first initial, the one name ending the other ("Vaughan Jones" in "Sioned Vaughan-Jones"),
    or same first name and a near surname."""
    shorter, longer = sorted((known, words), key=len)
    if len(shorter) >= 2 and longer[-len(shorter) :] == shorter:
        return True
    if known[-1].lower() == words[-1].lower():
        return known[0][0].lower() == words[0][0].lower()
    return known[0].lower() == words[0].lower() and _near(known[-1].lower(), words[-1].lower())


def _near(a: str, b: str) -> bool:
    """Edit distance at most one (or two for long names): a misspelt surname."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2:
        return False
    limit = 1 if min(len(a), len(b)) < 8 else 2
    previous = list(range(len(b) + 1))
    for x, ca in enumerate(a, 1):
        current = [x]
        for y, cb in enumerate(b, 1):
            current.append(min(previous[y] + 1, current[y - 1] + 1, previous[y - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= limit


def aliases(mentions: tuple[Mention, ...], person: Person, name: str) -> list[str]:
    seen: list[str] = []
    for i in person.mentions:
        form = mentions[i].name
        if form != name and form not in seen:
            seen.append(form)
    return seen
