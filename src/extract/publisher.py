"""Which council (or other body) issued an article, detected from its text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|of|and|upon|on|in|the|&)"
# "Rotherham council", "Central Bedfordshire Council", "Dublin City Council".
_COUNCIL = re.compile(
    rf"\b((?:[A-Z][\w'’.-]*)(?:[ \t]+{_NAME_WORD}){{0,5}}?)[ \t]+([Cc]ouncil)\b(?!\s+(?:Tax|tax))"
)
# "City of Sydney", "Shire of Augusta", "County of Los Angeles", "City of Boston Council".
_OF_FORM = re.compile(
    r"\b((?:City|Shire|County|Municipality|Borough|Town|Township|Village)\s+of\s+"
    r"[A-Z][\w'’-]*(?:[ \t-]+[A-Z][\w'’-]*){0,3})(?:[ \t]+(Council))?"
)
# US counties and Irish/UK county-named bodies: "Montgomery County".
_COUNTY = re.compile(r"\b([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+County)\b")
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|A|An|At|In|On|By|For|From|With|And|But|Today|Yesterday|Last|This|"
    r"Both|Meanwhile|However|Also|Now|Following|Under|Across|Our|Your|Their|Every|"
    r"Congratulations|Contact|Visit|Join|Welcome|Local|Council)\s+)+"
)
_TRAILING_NOISE = re.compile(r"(?:\s+(?:the|of|and|in|on|upon|&))+$")


@lru_cache(maxsize=1)
def _blocklist() -> frozenset[str]:
    text = (resources.files("extract") / "patterns" / "publisher_blocklist.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _council_candidates(text: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for match in _COUNCIL.finditer(text):
        words = _TRAILING_NOISE.sub("", _LEADING_NOISE.sub("", match.group(1)))
        if not words or not words[0].isupper() or words.lower() in _blocklist():
            continue
        if words.split()[0].lower() in _blocklist():
            # "Youth Council", "Children in Care Council": not a local authority.
            if len(words.split()) == 1 or words.lower() in _blocklist():
                continue
        found.append((f"{words} {match.group(2)}", match.start(1) + match.group(1).find(words)))
    for match in _OF_FORM.finditer(text):
        name = match.group(0) if match.group(2) else match.group(1)
        found.append((name, match.start()))
    return found


def detect_publisher(text: str) -> str | None:
    """The issuing body: the council named most often, earliest on ties.

    Falls back to a US-style "X County" when no council is named. Returns the name
    as first written, or None.
    """
    candidates = _council_candidates(text)
    if not candidates:
        candidates = [(m.group(1), m.start()) for m in _COUNTY.finditer(text)]
        candidates = [(n, s) for n, s in candidates if _LEADING_NOISE.sub("", n) == n]
    if not candidates:
        return None
    counts = Counter(_key(name) for name, _ in candidates)
    first: dict[str, tuple[int, str]] = {}
    for name, start in candidates:
        key = _key(name)
        if key not in first or start < first[key][0]:
            first[key] = (start, name)
    best = max(counts, key=lambda key: (counts[key], -first[key][0]))
    return " ".join(first[best][1].split())


def _key(name: str) -> str:
    return " ".join(name.lower().split())
