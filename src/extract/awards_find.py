"""Pieces of award sentences: categories, ceremonies, recipients, shortlists, dates.

Patterns are data (`patterns/awards_*.jsonl`); these functions read one sentence or one
line at a time and return plain strings and offsets.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_TITLE = r"[A-Z][\w’'&.-]*"
# Lower-case words that may sit inside a title: "Team of the Year", "Innovation in Care".
_LINK = r"(?:of|the|and|for|in|to|with|at|&)"
TITLE_PHRASE = re.compile(rf"{_TITLE}(?:\s+(?:{_LINK}\s+)*{_TITLE})*")
_CATEGORY_AFTER = re.compile(r"\s+(?:category|award|prize|title)\b", re.IGNORECASE)
_CEREMONY_END = re.compile(r"Awards?(?:\s+for\s+[A-Z]\w+)?(?:\s+\d{4})?$")
_INTRO = re.compile(
    r"^(?:In|At|On|For|After|During|Following|As|With|Congratulations|Meanwhile|Elsewhere"
    r"|Also|And|But|Now|Today|Tonight|Last|This)\b"
)
_DATE = re.compile(
    r"\b(?:(?:last|this|on)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|,?\s+[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\s+(?:night|evening|afternoon|morning)|\s+\(the\s+\d{1,2}(?:st|nd|rd|th)\))?"
    r"|\b(?:last|Friday|Saturday)\s+night\b|\byesterday\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:\s+\d{4})?\b"
)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("extract").joinpath(f"patterns/{name}").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def triggers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(level, pattern) in priority order: a medal beats a bare 'received'."""
    return tuple((r["level"], re.compile(r["pattern"])) for r in _rows("awards_triggers.jsonl"))


@lru_cache(maxsize=1)
def list_levels() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = _rows("awards_lists.jsonl")
    return tuple((r["level"], re.compile(r["pattern"], re.IGNORECASE)) for r in rows)


@lru_cache(maxsize=1)
def words() -> dict[str, re.Pattern[str]]:
    flags = {"council": 0}
    return {r["kind"]: re.compile(r["pattern"], flags.get(r["kind"], re.IGNORECASE))
            for r in _rows("awards_words.jsonl")}


def is_ceremony(phrase: str) -> bool:
    return bool(_CEREMONY_END.search(phrase))


def _split_at(phrase: str) -> tuple[str, str | None]:
    """'Local Authority of the Year at the Local Authority Excellence Awards' is a category
    and its ceremony; 'Care at Home Worker of the Year' is one category."""
    ends = re.search(r"\bAwards(?:\s+for\s+[A-Z]\w+)?(?:\s+\d{4})?", phrase)
    phrase = phrase[:ends.end()] if ends else phrase  # "... Awards at the Grand Hotel"
    match = re.search(r"\s+at\s+(?:the\s+)?(?=[A-Z])", phrase)
    if match and is_ceremony(phrase[match.end():]):
        return phrase[:match.start()], phrase[match.end():]
    return phrase, None


def ceremonies(text: str) -> list[tuple[int, str]]:
    """Every 'X Awards' title in `text` with its offset."""
    found = []
    for match in TITLE_PHRASE.finditer(text):
        left, right = _split_at(_strip_article(match.group()))
        phrase = right or left
        if is_ceremony(phrase) and len(phrase.split()) >= 2:
            found.append((match.start() + match.group().rfind(phrase), phrase))
    return found


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:The|This|These|Its|Their)\s+", "", phrase)


def categories(scope: str) -> list[tuple[int, int, str]]:
    """Award categories in `scope`: 'the X category/award' or 'X of the Year'."""
    found = []
    for match in TITLE_PHRASE.finditer(scope):
        phrase, ceremony = _split_at(_strip_article(match.group()))
        if is_ceremony(phrase):
            continue
        named = phrase.endswith("of the Year") or (
            ceremony is None and _CATEGORY_AFTER.match(scope, match.end()))
        if named:
            found.append((match.start(), match.start() + len(match.group()), phrase))
    return found


def category_right_after(scope: str) -> tuple[int, int, str] | None:
    """The title straight after 'named': 'named Local Authority of the Year at ...'."""
    match = TITLE_PHRASE.match(scope, len(scope) - len(scope.lstrip()))
    if match is None:
        return None
    phrase, _ = _split_at(_strip_article(match.group()))
    if is_ceremony(phrase):
        return None
    if _CATEGORY_AFTER.match(scope, match.end()) or phrase.endswith(("Year", "Award")):
        return match.start(), match.end(), phrase
    return None


def recipient_from(subject: str) -> str | None:
    """The person, team or council a clause is about, from the words before its verb."""
    relative = re.search(r",?\s*\bwho\s*$", subject)
    text = subject[:relative.start()] if relative else subject
    segments = [_clean(s) for s in re.split(r",|\s[–—-]\s|:", text)]
    segments = [s for s in segments if s and not _INTRO.match(s)]
    # An appositive ("a social worker in the council's team") follows the name; a role
    # may precede it ("intake supervisor Brian Kessler"), so any capital word qualifies.
    named = [s for s in segments if re.search(r"\b[A-Z]", s)
             or s.lower().startswith(("the ", "its "))]
    if not named:
        return None
    choice = re.sub(r"^The\s+", "", named[0])
    return choice if len(choice.split()) <= 14 else None


def _clean(segment: str) -> str:
    w = words()
    segment = re.sub(r"[“”\"‘]", "", segment).strip()
    segment = w["drop_lead"].sub("", segment)
    return w["drop_tail"].sub("", segment).strip(" ,;")


def resolve(recipient: str, council: str | None) -> str:
    """'the council' and 'the council's X team' name the council itself."""
    w = words()
    if council and w["generic_recipient"].match(recipient):
        return council
    if council and w["possessive_of_council"].match(recipient):
        return f"{council}’s {w['possessive_of_council'].sub('', recipient)}"
    return recipient


def councils(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in words()["council"].finditer(text)]


def date_in(text: str) -> str | None:
    match = _DATE.search(text)
    return match.group().removeprefix("on ").strip() if match else None


_INVERTED = re.compile(
    r"\b(?P<kw>shortlisted|short-listed|nominated|nominees|finalists?)\b[^.:]*?"
    r"\b(?:are|were|include|includes|included)\s+(?P<items>[^.:;]+)"
)


def inverted_lists(sentence: str) -> list[tuple[int, str, str]]:
    """'Also shortlisted in the X category are A and B' / 'finalists include A, B and C':
    (offset, keyword, recipient) for each listed name."""
    found = []
    for match in _INVERTED.finditer(sentence):
        pos = match.start("items")
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["items"]):
            item = re.sub(r"^the\s+", "", part.strip())
            if re.match(r"[A-Z]", item):
                found.append((pos + match["items"].find(part), match["kw"], item))
    return found
