"""Faster definitions in the people area give the answers of those they replaced (kept here as
the references, or the slow definition still in the source compared with the fast one)."""

from __future__ import annotations

import random

from extract.names_lexicon import honorifics
from extract.names_walk import _PLANS, plan, walk_plan, word_class

# Words of every kind the walk reads: honorifics (with and without dots, words of longer
# ones), known first names, place and body words, initials, possessives, unknown words.
_PLAN_WORDS = ("Ann", "Lee", "Kwame", "Osei", "Cllr", "Cllr.", "Cllrs", "Dr", "Dr.", "Mr",
               "Lord", "Mayor", "Deputy", "Council", "Leader", "City", "Borough", "Hall",
               "Street", "Lane", "Bridge", "Green", "Park", "NHS", "J", "J.", "Smith.",
               "Lee’s", "Lee's", "Kelbrook", "Ulley", "Youth", "Justice", "The", "Head", "Senior",
               "van", "de", "Ó", "Mac", "Súilleabháin", "Zorbel", "Quenby", "Award", "Rt", "Hon",
               "Hon.", "Sir", "Dame", "Professor", "Prof.", "Chief", "Executive", "Jo", "Gwen",
               "Many", "So", "In", "An", "K", "Q", "OBE", "MP", "Ward", "Close", "Court",
               "Rhys", "Dunn", "Jones’", "Ferris.", "Seán", "Zoë", "Alder", "Under")


def test_people_speed_plan_by_word_class_matches_the_walk() -> None:
    """A plan kept by the words' classes is the plan of the words themselves: runs of other
    words of one class (unknown names, places) share it."""
    rng = random.Random(13)
    words_pool = [*_PLAN_WORDS, *(word for text in sorted(honorifics())
                                  for word in text.split(" "))]
    steps_seen = 0
    for _ in range(20000):
        words = tuple(rng.choice(words_pool) for _ in range(rng.randint(2, 7)))
        reference = walk_plan(words)
        steps_seen += bool(reference)
        assert plan(words) == reference, words
    assert 2000 < steps_seen < 18000  # plans with names and without
    assert len(_PLANS) < 20000  # classes were shared


def test_people_speed_plan_reads_words_only_by_class() -> None:
    """Putting another word of the same class anywhere in a run never changes its walk."""
    rng = random.Random(17)
    pool = [*_PLAN_WORDS, *(word for text in sorted(honorifics()) for word in text.split(" "))]
    classes: dict[object, list[str]] = {}
    for word in pool:
        classes.setdefault(word_class(word), []).append(word)
    for _ in range(20000):
        words = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
        reference = walk_plan(tuple(words))
        at = rng.randrange(len(words))
        words[at] = rng.choice(classes[word_class(words[at])])
        assert walk_plan(tuple(words)) == reference, words
    shared = [group for group in classes.values() if len(group) > 1]
    assert len(shared) > 5  # the pool has words of one class to swap


def test_people_speed_word_class_keeps_honorific_words() -> None:
    """Honorific words are classed as themselves; other words of one reading share a class."""
    for text in honorifics():
        for word in text.split(" "):
            assert word_class(word) == word
    assert word_class("Kelbrook") == word_class("Ulbury")
    assert word_class("Council") == "Council"
    assert word_class("Kelbrook") != word_class("Ann")
