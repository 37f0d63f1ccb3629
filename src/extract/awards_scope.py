"""What the words around an award trigger say: whether a scope names a prize without a
category, points back to one ("the award"), sums up several, or repeats the category
before; the council a sentence means; a date in a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.awards_find import words

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL = r"(?:st|nd|rd|th)"
# What may follow a weekday: "Friday, 14 June", "Friday June 14th", "Friday night".
_AFTER_DAY = (rf"(?:,?\s+\d{{1,2}}{_ORDINAL}?\s+[A-Z][a-z]+|,?\s+[A-Z][a-z]+\s+\d{{1,2}}{_ORDINAL}?"
              rf"|\s+(?:night|evening|afternoon|morning)|\s+\(the\s+\d{{1,2}}{_ORDINAL}\))?")
_DATE_AS_WRITTEN = (
    rf"\b(?:(?:last|this|on)\s+)?(?:{'|'.join(_WEEKDAYS)}){_AFTER_DAY}"
    r"|\b(?:last|Friday|Saturday)\s+night\b|\byesterday\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    rf"|\b\d{{1,2}}{_ORDINAL}?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
)


def _after_first(words: tuple[str, ...]) -> str:
    """'Monday|Tuesday' as '(?<=M)onday|(?<=T)uesday': each word after its first letter."""
    return "|".join(f"(?<={word[0]}){word[1:]}" for word in words)


# `_DATE_AS_WRITTEN` led by the character its every match opens with (then no word
# character before it, for the leading `\b`), each branch after it kept in order: a
# regex opening with `\b` is tried at every offset, this one only at those characters.
_DATE = re.compile(
    r"[ltoMTWFSy\d](?<!\w.)(?:"
    rf"(?<=l)ast\s+(?:{'|'.join(_WEEKDAYS)}){_AFTER_DAY}|(?<=l)ast\s+night\b"
    rf"|(?<=t)his\s+(?:{'|'.join(_WEEKDAYS)}){_AFTER_DAY}"
    rf"|(?<=o)n\s+(?:{'|'.join(_WEEKDAYS)}){_AFTER_DAY}"
    rf"|(?:{_after_first(_WEEKDAYS)}){_AFTER_DAY}|(?<=F)riday\s+night\b|(?<=S)aturday\s+night\b"
    r"|(?<=y)esterday\b|(?<=\d)\d?/\d{1,2}/\d{4}\b"
    rf"|(?<=\d)\d?{_ORDINAL}?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b)"
)


def resolve(recipient: str, council: str | None) -> str:
    """'the council' and 'the council's X team' name the council itself."""
    w = words()
    if council and w["generic_recipient"].match(recipient):
        return council
    if council and w["possessive_of_council"].match(recipient):
        return f"{council}’s {w['possessive_of_council'].sub('', recipient)}"
    return recipient


def councils(text: str) -> list[tuple[int, str]]:
    return list(each_council(text))


def each_council(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of the councils named in running text, in order; an entry opening a
    list line ("Fife Council: Kinship Hub") is one of many on a shortlist, never "the
    council" of a later sentence.

    The "council" pattern (awards_words.jsonl) reads at most 12 capitalised words of at
    most 41 characters before "Council": unbounded, every capital of a long capitalised
    run with no "Council" in it rescanned the rest of the run (quadratic). It opens with
    the capital every match opens with (each way of naming a council then checks that
    letter behind it), so the regex engine skips from capital to capital."""
    return ((m.start(), m.group()) for m in words()["council"].finditer(text)
            if not (_opens_line(text, m.start()) and _LIST_SEP.match(text, m.end())))


def _opens_line(text: str, at: int) -> bool:
    return bool(_BULLET.fullmatch(text, text.rfind("\n", 0, at) + 1, at))


_BULLET = re.compile(r"[^\S\n]*(?:[-*•·–][^\S\n]*)?")
_LIST_SEP = re.compile(r"[^\S\n]*(?::|[–—-]\s)")


def prize_object(scope: str) -> bool:
    """'claimed the top prize', 'took the title': a win whose category goes unnamed."""
    return bool(words()["prize_object"].match(scope))


# "picked up two awards at ...", "wins two national awards": a count of prizes sums up
# the wins an article goes on to name one by one.
_PLURAL_PRIZE = re.compile(r"^\s*(?!at\b)(?:[\w-]+\s+){0,3}?(?:awards|prizes|accolades|titles"
                           r"|trophies|gongs)\b")


def plural_prize(scope: str) -> bool:
    return bool(_PLURAL_PRIZE.match(scope))


# "received the honor at ...": a definite prize with no name points back to one told before.
_THE_PRIZE = re.compile(r"^\s*the\s+(?:prize|award|honou?r|title|accolade|trophy)\b"
                        r"(?!\s+(?:of|for)\b)")


def repeats_prize(scope: str) -> bool:
    return bool(_THE_PRIZE.match(scope))


# Every _DATE match holds one of these: "day" (a weekday, "yesterday"), "night", a slash
# (12/06/2024) or a piece of a month's name. A sentence holding none is not scanned (the
# regex opens with a word boundary, so it is tried at every offset).
_DATE_PIECES = ("day", "night", "/", "uary", "March", "April", "May", "June", "July",
                "August", "ber")


def date_in(text: str) -> str | None:
    if not any(piece in text for piece in _DATE_PIECES):
        return None
    match = _DATE.search(text)
    return match.group().removeprefix("on ").strip() if match else None


_SAME_CATEGORY = re.compile(r"\s*(?:in|for)\s+the\s+same\s+(?:category|award)\b", re.IGNORECASE)


def same_category(scope: str) -> bool:
    """'was highly commended in the same category': the category named before."""
    return bool(_SAME_CATEGORY.match(scope))
