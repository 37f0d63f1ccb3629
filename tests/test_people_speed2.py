"""Faster definitions in the people area give the answers of those they replaced (kept here as
the references, or the slow definition still in the source compared with the fast one)."""

from __future__ import annotations

import random

from extract.names_find import Mention
from extract.names_lexicon import honorifics
from extract.names_runs import name_runs
from extract.names_surnames import _LONE_TAIL, _tail_start
from extract.names_walk import _PLANS, plan, walk_plan, word_class
from extract.officials import _titles
from extract.officials_people import _CONTACT_WORDS, Person, _may_name_contact
from test_people_speed import _reference_name_runs

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


_RUN_PIECES = ("Ann", "Lee", "O’Brien", "Smith-Jones", "Dr.", "J.", "Lee’s", "de", "van", "dE",
               "der", "ab", "Ó", "Súilleabháin", "NHS", "abc", "said", "Xy2z", "A1", "x", "Ab'",
               "de-", "de2", "McDonald", "Ével", "Zoë", "2Ann", "_Ann", "Ann.", "Ann..", "o’")
_RUN_GAPS = (" ", " ", "", "\n", "\t", "  \n ", "\xa0", "\u2009", ", ", ".", "-", "\n\n", "’")


def test_people_speed_run_pieces_split_match_the_word_regex() -> None:
    """Run pieces read with `str.split` are those of the `WORD` regex (the reference)."""
    rng = random.Random(19)
    found = 0
    for _ in range(6000):
        text = "".join(rng.choice(_RUN_PIECES) + rng.choice(_RUN_GAPS)
                       for _ in range(rng.randint(1, 12)))
        reference = _reference_name_runs(text)
        found += len(reference)
        assert name_runs(text) == reference, text
    assert found > 3000


def _reference_tail_start(text: str, end: int) -> int:
    """The start of a lone first name's tail as it was found: one character at a time."""
    start = end
    while start and text[start - 1] in frozenset(_LONE_TAIL):
        start -= 1
    return start


def test_people_speed_tail_start_matches_the_character_walk() -> None:
    rng = random.Random(23)
    pieces = ("a", "z", "’", "'", "-", "A", " ", "é", "1", "abcdefgh" * 9, "x" * 64, "Q")
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        end = rng.randint(0, len(text))
        assert _tail_start(text, end) == _reference_tail_start(text, end), (text, end)


def test_people_speed_contact_words_one_search() -> None:
    rng = random.Random(29)
    pieces = ("contact", "mail", "e-mail", "call", "ring", "phone", "enquiries", "con", "tact",
              "ma", "il", "ca", "ll", " ", "x", "phon", "e")
    hits = 0
    for _ in range(3000):
        lowered = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        reference = any(word in lowered for word in _CONTACT_WORDS)
        hits += reference
        assert _may_name_contact(lowered) == reference, lowered
    assert 300 < hits < 2700


def test_people_speed_titles_in_one_pass_match_the_first_given() -> None:
    """A person's honorific kind, title role and honorific: the first truthy one of each over
    their mentions (as three `next` searches found them), and whether any is elected."""
    rng = random.Random(31)
    for _ in range(3000):
        mentions = tuple(Mention(start=n, end=n + 1, name="Ann Lee",
                                 honorific=rng.choice((None, "", "Cllr", "Dr")),
                                 hon_kind=rng.choice((None, "", "council", "office")),
                                 title_role=rng.choice((None, "", "Mayor")),
                                 elected=rng.random() < 0.2)
                         for n in range(rng.randint(1, 4)))
        person = Person(rng.sample(range(len(mentions)), len(mentions)))
        said = [mentions[i] for i in person.mentions]
        reference = (next((m.hon_kind for m in said if m.hon_kind), None),
                     next((m.title_role for m in said if m.title_role), None),
                     next((m.honorific for m in said if m.honorific), None),
                     any(m.elected for m in said))
        assert _titles(mentions, person) == reference, mentions
