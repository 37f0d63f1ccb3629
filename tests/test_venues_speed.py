"""Faster venue readings are the slower ones they replaced: each old form is the reference,
compared on random texts made of the pieces the readings look for."""

from __future__ import annotations

import random

from extract import venues_lists

PIECES = ("Venue", "venue", "Location", "LOCATION", "Where", "Address", "Meeting place",
          "Venue and time", ":", "：", "|", " ", "\t", "\n", "\n\n", "-", "10:30",
          "Central Library", "the Grange Hall", "Mill Lane", "Online", "TBC", ",")


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_venues_speed_label_lines_are_the_label_regex_matches() -> None:
    texts = _texts(3, 4000)

    def spans(matches):  # type: ignore[no-untyped-def]
        return [(m.span(), m.span("value")) for m in matches]
    found = [spans(venues_lists._label_lines(text)) for text in texts]
    assert found == [spans(venues_lists._label_regex().finditer(text)) for text in texts]
    assert sum(len(f) for f in found) > 300
