"""Faster venue readings are the slower ones they replaced: each old form is the reference,
compared on random texts made of the pieces the readings look for."""

from __future__ import annotations

import random
import re

import pytest
from spacy.language import Language

from extract import venues_lists, venues_records, venues_words

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


def _old_canonical_form(written: str) -> str:
    joined = " ".join(written.rstrip(" \t\n,;:").split())
    joined = re.sub(r"^the\s+", "", joined, flags=re.I)
    room = venues_records._ROOM_IN.match(joined) or venues_records._AT.match(joined)
    return room.group(1) if room else joined


def test_venues_speed_canonical_form() -> None:
    pieces = ("the", "The", "THE", "Gower Suite", "at", "of", "in", "Guildhall", "Room 2", ",",
              ";", " ", "\n", "Committee Room", "Hall", "Central Library")
    rng = random.Random(5)
    for _ in range(3000):
        written = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert venues_records._canonical_form(written) == _old_canonical_form(written)


def _old_positions(items: list[str], wanted: frozenset[str]) -> list[int]:
    found: list[int] = []
    for word in wanted.intersection(items):
        at = items.index(word)
        while True:
            found.append(at)
            try:
                at = items.index(word, at + 1)
            except ValueError:
                break
    return sorted(found)


def test_venues_speed_positions_in_order() -> None:
    rng = random.Random(9)
    words = ["hall", "library", "the", "centre", "at", "hilton", "", "Hall"]
    wanted = frozenset({"hall", "library", "hilton", "centre"})
    for _ in range(2000):
        items = [rng.choice(words) for _ in range(rng.randint(0, 30))]
        assert venues_words._positions(items, wanted) == _old_positions(items, wanted)


_LINE_PIECES = ("\n", "\n\n", " ", "  ", "\t", "•", "*", "·", "-", "–", "on", "3 June", "x", ":",
                "Monday", "—", "\r")


def test_venues_speed_date_leads_its_line(nlp: Language) -> None:
    """A date leads its line (after bullets and blanks only) as the line-start regex says,
    at every offset of random texts of bullets, blanks, line breaks and words."""
    rng = random.Random(5)
    leading = 0
    for _ in range(800):
        text = "".join(rng.choice(_LINE_PIECES) for _ in range(rng.randint(0, 12)))
        doc = nlp.make_doc(text)
        for start in range(len(text) + 1):
            old = venues_lists._ONLY_BULLETS.fullmatch(
                text, text.rfind("\n", 0, start) + 1, start) is not None
            assert venues_lists._leads_line(doc, text, start) == old, (text, start)
            leading += old
    assert leading > 2000  # the texts do hold leading offsets, and others


def test_venues_speed_filtered_is_filter_spans(nlp: Language) -> None:
    """`_filtered` gives what spaCy's `filter_spans` gives, for no span, one span (a
    zero-length one too) and random sets of overlapping spans."""
    from spacy.util import filter_spans

    from extract import venues
    doc = nlp.make_doc("The Civic Hall and the Grange Library at Mill Lane, Easton on Monday.")
    rng = random.Random(11)
    cases = [[], [doc[2:4]], [doc[3:3]], [doc[0:len(doc)]]]
    for _ in range(500):
        starts = [rng.randrange(len(doc)) for _ in range(rng.randint(0, 5))]
        cases.append([doc[s:rng.randint(s, len(doc))] for s in starts])
    for spans in cases:
        assert [(s.start, s.end) for s in venues._filtered(list(spans))] == \
            [(s.start, s.end) for s in filter_spans(spans)], spans


@pytest.mark.parametrize("text", [
    "Committee Room 2, County Hall, Mill Lane, Easton on Monday.",
    "the Gower Suite at the Guildhall (first floor), in Riverton town centre.",
    "Inverglen Library, Kirkton Community Hub and the Balmore Centre, 4 High Street.",
    "Suite B, second floor of the Blanchardstown Centre, Dublin 15",
    "the Council Chamber at Riverside House, Easton, and the Jury Room at Civic Hall",
])
def test_venues_speed_remembered_steps_walk_as_before(text: str) -> None:
    """A Walks' remembered steps give the walks and name ends the plain steps give,
    from every offset, after a room noun or not, asked twice (the second from memory)."""
    from extract import venues_attach as attach
    ends = {m.start(): m.end() for m in re.finditer(r"[A-Z][\w ]*?(?:Hall|Hub|Centre|Library)",
                                                     text)}
    walks = attach.Walks(text, ends)
    for pos in range(len(text) + 1):
        for room in (False, True):
            for _ in range(2):
                assert walks(pos, room=room) == attach.walk(text, pos, ends, room=room)
                assert attach.name_end(text, pos, ends, room=room, step=walks.step) == \
                    attach.name_end(text, pos, ends, room=room)
