"""Counties: the board a US county commissioner sits on, and the county a county officer
serves (the publisher's, else the one the article names most often)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract.names_lexicon import word_set
from extract.officials_orgs import CAP

# "\b(?!(?:The|In|At|For|And|Of|On|A)\s)(?P<c>{CAP}...": the word boundary and the stop
# words are asked after the first capital (a look-behind at it), so that the search skips to
# capitals instead of trying every position of the text.
_COUNTY = re.compile(
    r"(?P<c>[A-Z](?<!\w.)(?!(?<=T)he\s|(?<=I)n\s|(?<=A)(?:t|nd)?\s|(?<=F)or\s|(?<=O)[fn]\s)"
    rf"[\w’'&.-]*(?:\s+{CAP})?\s+County)\b(?!\s+(?:Council|Hall|Court)\b)"
)
_BOARD_CC = re.compile(r"\bBoard\s+of\s+County\s+Commissioners\b", re.IGNORECASE)
_BOARD_WORDS = re.compile(r"\b(?:commissioners|commission|the\s+board)\b", re.IGNORECASE)
_COMMISSIONER = re.compile(r"\bCommission(?:er)?s?\b", re.IGNORECASE)
_SUPERVISORS = re.compile(r"\bBoard\s+of\s+Supervisors\b")
_SUPERVISOR = re.compile(r"\bSupervisor\b")


def county_board(text: str, role: str | None, honorific: str | None) -> str | None:
    """"Franklin County Board of Commissioners" for a commissioner, when the text names both."""
    said_board, supervisor, commissioner = _board_titles(" ".join(filter(None, (honorific, role))))
    supervisors = said_board or (supervisor and bool(_SUPERVISORS.search(text)))
    if not supervisors and not (commissioner and _BOARD_WORDS.search(text)):
        return None
    counties = [m.group("c") for m in _COUNTY.finditer(text)]
    if not counties:
        return None
    county = _most_common(counties)
    kind = "Board of County Commissioners" if _BOARD_CC.search(text) else "Board of Commissioners"
    kind = "Board of Supervisors" if supervisors else kind
    return f"{' '.join(county.split())} {kind}"


@lru_cache(maxsize=1024)
def _board_titles(said: str) -> tuple[bool, bool, bool]:
    """(names a Board of Supervisors, a Supervisor, a Commissioner): asked per official, and
    the same titles recur, so the searches of `said` are made once per title."""
    return (bool(_SUPERVISORS.search(said)), bool(_SUPERVISOR.search(said)),
            bool(_COMMISSIONER.search(said)))


# A US county publisher ("Kessler County Board of Supervisors"), not a UK county council.
_PUBLISHER_COUNTY = re.compile(rf"^(?:the\s+)?(?P<c>{CAP}(?:\s+{CAP})?\s+County)\b(?!\s+Council)")
# "Department of Social Services Director", "director of the county Department of ...".
_BARE_DEPARTMENT = re.compile(
    rf"(?:^(?:the\s+)?|\bthe\s+county\s+)(?P<d>Department\s+of\s+{CAP}(?:\s+(?:{CAP}|and|&))*)")
_COUNTY_OFFICE = re.compile(r"\bCounty\b")
_COUNTY_TITLE = re.compile(
    r"(?:Commissioner|Supervisor|Sheriff)(?:\s+(?:Commissioner|Supervisor|Sheriff))?")


def county_office(
    text: str, role: str | None, honorific: str | None, publisher: str | None
) -> str | None:
    """The body of a county's own officer whose role names no county.

    "Department of Social Services Director" at a county is that county's department; a
    "County Commissioner" or "County Executive" serves the county itself. The county is the
    publisher's, else the one the article names most often (looked for only when the role
    is a county office: most officials' is not).
    """
    department = _BARE_DEPARTMENT.search(role) if role else None
    said = " ".join(filter(None, (honorific, role)))
    if department is None and not (
        _publisher_county(publisher) is not None and _COUNTY_TITLE.fullmatch(said)
    ) and not (_COUNTY_OFFICE.search(said) and "Council" not in said):
        return None
    name = _home_county(text, publisher)
    if name is None or department is None:
        # A bare "Commissioner" or "Supervisor" of a county that publishes, or a "County ..."
        # office.
        return name
    words = department.group("d").split()
    while words[-1].lower() in word_set("officials_role_heads.txt"):
        words.pop()  # "Department of Social Services Director": the title is not the body
    return f"{name} {' '.join(words)}"


def _home_county(text: str, publisher: str | None) -> str | None:
    county = _publisher_county(publisher)
    return county if county is not None else _most_named_county(text)


@lru_cache(maxsize=256)  # asked twice for every official; the publishers are few
def _publisher_county(publisher: str | None) -> str | None:
    """"Kessler County" of "Kessler County Board of Supervisors": a US county publisher."""
    county = _PUBLISHER_COUNTY.match(publisher or "")
    return " ".join(county.group("c").split()) if county else None


@lru_cache(maxsize=64)
def _most_named_county(text: str) -> str | None:
    """The county the article names most often (asked once per official: found once)."""
    if "County" not in text:
        return None  # `_COUNTY` needs the word: no search through the text
    named = [" ".join(m.group("c").split()) for m in _COUNTY.finditer(text)]
    return _most_common(named) if named else None


def _most_common(names: list[str]) -> str:
    """The name said most often; of names said equally often, the one said first (the choice
    went by set order, which changes from one process to the next)."""
    return Counter(names).most_common(1)[0][0]
