"""Publisher detection: which body issued the article."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import Any

import pytest

from extract import publisher
from extract.publisher import (
    _COUNCIL,
    _OF_FORM,
    _candidates,
    _council_matches,
    _council_name,
    _literals,
    _of_form_matches,
    detect_publisher,
)

CASES = [
    ("Rotherham council is to host a jobs fair. The council said it was proud.",
     "Rotherham council"),
    ("Central Bedfordshire Council has been named employer of the year.",
     "Central Bedfordshire Council"),
    ("Dublin City Council will open the centre. Dublin City Council staff said.",
     "Dublin City Council"),
    ("The City of Sydney will host an information night.", "City of Sydney"),
    ("The City of Mandurah's new team starts today.", "City of Mandurah"),
    ("Shire of Esperance staff were honoured.", "Shire of Esperance"),
    ("Mid \nUlster District Council is hiring care staff.", "Mid Ulster District Council"),
    ("The NSW Department of Communities and Justice is holding sessions.",
     "NSW Department of Communities and Justice"),
    ("The Department of Children, Youth Justice and Multicultural Affairs will tour.",
     "Department of Children, Youth Justice and Multicultural Affairs"),
    ("Ventura County Human Services Agency will hire 18 social workers.",
     "Ventura County Human Services Agency"),
    ("Tusla, the Child and Family Agency, will hold a fair. Tusla said.", "Tusla"),
    ("Kent County Council and Tusla ran a joint event with Tusla staff.", "Kent County Council"),
    ("Montgomery County officials announced a hiring event.", "Montgomery County"),
    ("Wattle Creek council is hiring. Wattle Creek Shire Council staff will attend.",
     "Wattle Creek Shire Council"),
    ("Leeds council is hiring. Leeds City Council said. Leeds council agreed.",
     "Leeds City Council"),
    ("Leeds council is hiring. Leeds Youth Council met.", "Leeds council"),
]

NOT_PUBLISHERS = [
    "Members of the Children in Care Council sat on the panel.",
    "The Youth Council met on Monday.",
    "The council said it was delighted.",
    "Council tax will rise by 3%.",
    "Residents spoke to the Arts Council about funding.",
    "",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_publisher_detects_issuer(text: str, expected: str) -> None:
    assert detect_publisher(text) == expected


@pytest.mark.parametrize("text", NOT_PUBLISHERS)
def test_publisher_ignores_bodies_that_are_not_issuers(text: str) -> None:
    assert detect_publisher(text) is None


def test_publisher_prefers_the_body_named_most_and_first() -> None:
    text = ("Leeds City Council will host the fair.\n\nIt follows a similar event by "
            "Bradford Council. Leeds City Council's director said.")
    assert detect_publisher(text) == "Leeds City Council"


# Council and "City of" mentions are looked for only where a match can start; these
# texts must give exactly what a scan of every offset gives.
SCAN_TEXTS = [
    "Northshire County Council and Easton Town Council met.",
    "the council tax rise, said Northshire Council.",
    "Councils and Council Tax: Westby Borough\nCouncil replied.",
    "“Easton City Council”, (Westby Council) - Grange-Hall Council’s plan",
    "Council Council Council\nCouncil",
    "City of Westby Council and the Township of Easton; Town of Mill Creek Village",
    "A Northshire-Council  \t Council",
    "ouncil Council council",
]


@pytest.mark.parametrize("text", SCAN_TEXTS)
def test_publisher_council_scan_finds_what_a_full_scan_finds(text: str) -> None:
    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[Any, ...]]]:
        return [(m.span(), m.groups()) for m in matches]

    assert spans(_council_matches(text)) == spans(_COUNCIL.finditer(text))
    assert spans(_of_form_matches(text, _literals(text))) == spans(_OF_FORM.finditer(text))


@pytest.mark.parametrize(("words", "council", "expected"), [
    ("Redmoor  Borough", "Council", "Redmoor Borough Council"),
    ("The Redmoor\nBorough", "council", "Redmoor Borough council"),
    ("Visit Northshire and the", "Council", "Northshire Council"),
    ("The", "Council", None),  # nothing left once the noise is gone
    ("Youth", "Council", None),  # a body called "... Council" that issues nothing
    ("City", "Council", None),  # only the kind of council
])
def test_publisher_council_name_from_match_words(
    words: str, council: str, expected: str | None
) -> None:
    assert _council_name(words, council) == expected


# Pieces of council names and what breaks them, for random texts.
_SCAN_PIECES = ("Northshire", "County", "Council", "council", "Councillor", "councils", "of",
                "and", "the", "upon", "&", "City", "Town", "Township", "Westby-on-Sea", "Tax",
                "x", "said", " ", "  ", "\t", "\n", "\n\n", ",", ".", "’s", "(", "Ann", "A.",
                "Village", "Shire", "Borough", "Municipality")


@pytest.mark.parametrize("seed", range(6))
def test_publisher_council_scan_random_texts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = "".join(rng.choice(_SCAN_PIECES) + rng.choice(("", " ", " ", "\n"))
                       for _ in range(rng.randint(1, 40)))
        found = [(m.span(), m.groups()) for m in _council_matches(text)]
        assert found == [(m.span(), m.groups()) for m in _COUNCIL.finditer(text)], text
        found = [(m.span(), m.groups()) for m in _of_form_matches(text, _literals(text))]
        assert found == [(m.span(), m.groups()) for m in _OF_FORM.finditer(text)], text


def _old_candidates(text: str) -> list[tuple[str, int, bool]]:
    """The definition before the literal words were found in one scan (the reference)."""
    found: list[tuple[str, int, bool]] = []
    for match in _council_matches(text):
        if (name := _council_name(match.group(1), match.group(2))) is not None:
            found.append((name, match.start(), True))
    for match in _OF_FORM.finditer(text):
        name = match.group(0) if match.group(2) else match.group(1)
        found.append((name, match.start(), True))
    for pattern, needed in publisher._NEEDED:
        if all(any(word in text for word in words) for words in needed):
            found.extend((m.group(1), m.start(), False) for m in pattern.finditer(text))
    for body, pattern in publisher._body_patterns():
        if body in text:
            found.extend((body, m.start(), False) for m in pattern.finditer(text))
    return [(publisher._clean(name), start, council) for name, start, council in found]


# Pieces of every kind of issuer's name, the literal words the scan looks for (some
# inside longer words or one another: "Townships", "HSEs", "Countywide") and filler.
_ISSUER_PIECES = (*_SCAN_PIECES, "Department", "Ministry", "for", "Health", "NSW", "Ventura",
                  "Agency", "Services", "Government", "Division", "Commission", "Tusla", "HSE",
                  "HSEs", "Health Service Executive", "Social Care Wales", "Social Work England",
                  "Care Inspectorate", "Oranga Tamariki", "Townships", "Countywide", "Cities",
                  "Ministry of Health", "Department of Communities and Justice", "Human")


@pytest.mark.parametrize("seed", range(4))
def test_publisher_candidates_from_one_literal_scan(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = "".join(rng.choice(_ISSUER_PIECES) + rng.choice(("", " ", " ", "\n"))
                       for _ in range(rng.randint(1, 40)))
        assert _candidates(text) == _old_candidates(text), text


def test_publisher_literals_every_occurrence() -> None:
    text = "Township Town Townships HSE Health Service Executive HSEs County"
    found = _literals(text)
    for word, offsets in found.items():
        assert offsets == [m.start() for m in re.finditer(f"(?={re.escape(word)})", text)]
    assert {"Town", "Township", "HSE", "Health Service Executive", "County"} <= set(found)
    assert "City" not in found
