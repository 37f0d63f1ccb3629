"""Organisations resolved against the whole article: short forms, boards, councils, offices.

- An acronym ("DCJ") or a short form ("the Western Trust") takes the full name the article
  gives elsewhere ("the NSW Department of Communities and Justice (DCJ)"); a bare acronym
  with no expansion stays as written.
- US county commissioners and officers: `officials_county`.
- A council named in the article (the one whose meeting is reported, else the nearest) is
  the body of a councillor when the publisher is not a council.
- A few offices whose body the text never names come from a documented data table
  (`patterns/officials_bodies.jsonl`): a TD sits in Dáil Éireann, and so on.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from extract.patterns_data import pattern_lines

CAP = r"[A-Z][\w’'&.-]*"
_LINK = r"(?:of|and|for|the|on|&)"
_COUNCIL = re.compile(
    rf"\b(?:(?:City|Shire|Town|Borough|Municipality)\s+of\s+{CAP}(?:\s+{CAP})*"
    rf"|{CAP}(?:\s+(?:{CAP}|and))*\s+Council)\b"
)
_MEETING = re.compile(
    rf"\bmeeting\s+of\s+(?:the\s+)?(?P<c>{CAP}(?:\s+(?:{CAP}|and))*\s+Council)\b"
)
_COUNCIL_PUBLISHER = re.compile(r"\b(?:Council|Shire|City|Borough|County|Town)\b")


_BODY_WORD = re.compile(
    r"\b(?:Council|Association|Union|Trust|Agency|Department|Board|Commission|Authority"
    r"|Government|Partnership|University|Foundation|Institute|Federation|Society|Ministry)\b"
)


def is_acronym(organisation: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,6}", organisation)) and sum(
        c.isupper() for c in organisation) >= 2


def body_acronym(text: str, acronym: str) -> str | None:
    """The expansion of an acronym when it names a body (not a division or a programme)."""
    full = _acronym_expansion(text, acronym)
    return full if full and _BODY_WORD.search(full) else None


def expand_short(text: str, organisation: str) -> str:
    """The full name of an acronym or first-and-last-word short form the article spells out."""
    if is_acronym(organisation):
        return _acronym_expansion(text, organisation) or organisation
    words = organisation.split()
    if len(words) == 2 and all(w[0].isupper() for w in words):
        return _long_form(text, words[0], words[1]) or organisation
    if len(words) == 1 and organisation[:1].isupper():
        return _place_council(text, organisation) or organisation
    return organisation


@lru_cache(maxsize=256)
def _place_council(text: str, place: str) -> str | None:
    """"Harbourton City Council" for the place "Harbourton" when the article names it."""
    for match in _COUNCIL.finditer(text):
        name = " ".join(match.group().split())
        if name.startswith(f"{place} ") or name.endswith(f" of {place}"):
            return name
    return None


@lru_cache(maxsize=256)
def _acronym_expansion(text: str, acronym: str) -> str | None:
    """"the Public Service Association (PSA)": capitalised words ending where the acronym does."""
    pattern = rf"((?:{CAP}|{_LINK})(?:\s+(?:{CAP}|{_LINK}))*)\s*\(\s*{re.escape(acronym)}\s*\)"
    for match in re.finditer(pattern, text):
        run = re.split(r"\S+['’]s?\s+", match.group(1))[-1]  # after "Washoe County's"
        words = _initials_fit(run.split(), [c for c in acronym if c.isupper()])
        if words:
            return " ".join(words)
    return None


def _initials_fit(words: list[str], letters: list[str]) -> list[str]:
    """The words the acronym stands for: from a word with its first letter to its last letter."""
    if not words or words[-1][0].upper() != letters[-1]:
        return []
    starts = [i for i, w in enumerate(words) if w[0] == letters[0]]
    if not starts:
        return []
    capitals = [sum(w[0].isupper() for w in words[i:]) for i in starts]
    best = min(range(len(starts)), key=lambda k: (abs(capitals[k] - len(letters)), starts[k]))
    return words[starts[best] :]


@lru_cache(maxsize=256)
def _long_form(text: str, first: str, last: str) -> str | None:
    """"Western Trust" for "Western Health and Social Care Trust" named in the same article."""
    middle = rf"(?:\s+(?:{CAP}|and|&|of|for)){{1,6}}"
    match = re.search(rf"\b{re.escape(first)}{middle}\s+{re.escape(last)}\b", text)
    return " ".join(match.group().split()) if match else None


def council_for_member(text: str, *, pos: int, publisher: str | None) -> str | None:
    """The council a councillor sits on when the publisher is not a council."""
    if publisher and _COUNCIL_PUBLISHER.search(publisher):
        return None
    if meeting := meeting_council(text, publisher):
        return meeting
    named = [(abs(m.start() - pos), " ".join(m.group().split())) for m in _COUNCIL.finditer(text)]
    return min(named)[1] if named else None


def meeting_council(text: str, publisher: str | None) -> str | None:
    """The council whose meeting the article reports, when the publisher is another body."""
    if publisher and _COUNCIL_PUBLISHER.search(publisher):
        return None
    meeting = _MEETING.search(text)
    return " ".join(meeting.group("c").split()) if meeting else None


@cache
def _body_rules() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str, bool], ...]:
    """(office, cue in the article, body, state government?) rows of the data table."""
    rows = [json.loads(line) for line in pattern_lines("officials_bodies.jsonl")]
    return tuple(
        (_office(row), re.compile(row["cue"]) if "cue" in row else None,
         row["organisation"], bool(row.get("state")))
        for row in rows if "role" in row and "find" not in row
    )


@cache
def _found_bodies() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(office, pattern naming its body in the article) rows of the data table."""
    rows = [json.loads(line) for line in pattern_lines("officials_bodies.jsonl")]
    return tuple((_office(row), re.compile(row["find"])) for row in rows if "find" in row)


def _office(row: dict[str, str]) -> re.Pattern[str]:
    unless = rf"(?!.*(?:{row['unless']}))" if "unless" in row else ""
    return re.compile(rf"^{unless}.*?(?:{row['role']})", re.IGNORECASE | re.DOTALL)


@cache
def _any_office() -> re.Pattern[str]:
    """Matches somewhere in a role exactly when some row's office could (its `unless` aside)."""
    rows = [json.loads(line) for line in pattern_lines("officials_bodies.jsonl")]
    return re.compile("|".join(f"(?:{row['role']})" for row in rows if "role" in row),
                      re.IGNORECASE | re.DOTALL)


def office_body(text: str, said: str) -> str | None:
    """The body of an office from the data table; a state government only if one state is named."""
    # A person named thousands of times (hostile text) has a long `said`: not kept in the cache.
    offices = _said_offices(said) if len(said) <= _CACHED_SAID else _offices_of(said)
    if offices is None:
        return None
    found_rows, rule_rows, said_state = offices
    for k in found_rows:
        if named := _found_bodies()[k][1].search(text):
            return " ".join(named.group().split())
    rules = [_body_rules()[k] for k in rule_rows]
    states = [org for _, cue, org, state in rules
              if state and cue is not None and cue.search(text)]
    for _, cue, org, state in rules:
        if not state and (cue is None or cue.search(text)):
            return org
    return states[0] if said_state and len(states) == 1 else None


_CACHED_SAID = 1000


@lru_cache(maxsize=1024)
def _said_offices(said: str) -> tuple[tuple[int, ...], tuple[int, ...], bool] | None:
    return _offices_of(said)


def _offices_of(said: str) -> tuple[tuple[int, ...], tuple[int, ...], bool] | None:
    """(rows of `_found_bodies`, rows of `_body_rules` whose office `said` holds, whether a
    state body may be meant), None when no office of the table is said. Each official asked
    every row's office pattern; the answer depends on the title alone, and titles recur."""
    if not _any_office().search(said):
        return None  # no office of the table: one search instead of one per row
    found_rows = tuple(k for k, (rule, _) in enumerate(_found_bodies()) if rule.search(said))
    rule_rows = tuple(k for k, row in enumerate(_body_rules()) if row[0].search(said))
    return found_rows, rule_rows, not _NOT_STATE.search(said)


_NOT_STATE = re.compile(r"\b(?:Federal|Commonwealth|Shadow)\b")


def same_as_publisher(organisation: str, publisher: str | None) -> str:
    """The publisher when the organisation is it, or only its place name ("Edinburgh's")."""
    if publisher and (
        _key(organisation) == _key(publisher)
        or set(_key(organisation).split()) <= set(_key(publisher).split())
    ):
        return publisher
    return organisation


def _key(name: str) -> str:
    # "Easton's" (as in "Easton's Mayor") is the place itself.
    return " ".join(re.sub(r"^the\s+|['’]s?$", "", name.lower()).split())
