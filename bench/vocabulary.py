"""Word pools for the synthetic corpus.

The template pools are a few dozen names: after a hundred articles every word of the
corpus is in spaCy's tokenizer cache, which real news never allows (the references hold
one distinct white-space-delimited chunk per five words). The varied pools make up
thousands of places, surnames, venues and streets from syllables, and add contact lines
(phone numbers, e-mail and web addresses) and local-news sentences, so that every article
brings new words as real ones do.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    places: tuple[str, ...]
    first: tuple[str, ...]
    last: tuple[str, ...]
    venues: tuple[str, ...]
    streets: tuple[str, ...]
    # paragraphs of local detail for an article about a place, or None for none
    local: Callable[[random.Random, str], list[str]] | None = None


_PLACE_HEADS = (
    "Ash", "Bram", "Cal", "Dun", "El", "Fen", "Gar", "Hol", "Ing", "Kel", "Lan", "Mar", "Nor",
    "Ol", "Pen", "Ral", "Sel", "Tam", "Ul", "Ven", "Wick", "Yar", "Brad", "Crom", "Dews",
    "Eg", "Frod", "Glos", "Hex", "Ket", "Lud", "Mal", "Nant", "Ors", "Pock", "Rud", "Skel",
    "Thorn", "Upp", "Wal", "Bur", "Clay", "Drax", "Eas", "Fal", "Gran", "Hurst", "Kirk",
)
_PLACE_TAILS = (
    "by", "ford", "ham", "ton", "wick", "mere", "field", "combe", "ley", "dale", "worth",
    "stow", "bury", "minster", "thorpe", "cliffe", "wood", "brook", "well", "borough",
    "caster", "den", "hurst", "ing", "mouth", "sett", "stead", "ock",
)
_PLACE_FORMS = ("{}", "{}", "{}", "Upper {}", "{} Green", "{} Vale", "North {}", "{} Bridge",
                "{}-on-Sea", "Great {}")
_SURNAME_HEADS = (
    "Ab", "Bel", "Car", "Dal", "Ever", "Fair", "Gil", "Har", "Jen", "Kir", "Lock", "Mor",
    "Nel", "Os", "Pres", "Ren", "Sut", "Tre", "Vick", "Whit", "Ack", "Brom", "Chad", "Dray",
    "Ell", "Fitz", "Good", "Hemp", "Ire", "Lang", "Mack", "Pid", "Quil", "Rams", "Stan",
)
_SURNAME_TAILS = (
    "son", "ton", "ley", "ridge", "well", "wood", "man", "ford", "er", "by", "sworth", "field",
    "ham", "ings", "lake", "more", "stone", "ward", "wright", "combe", "dale", "hill",
)
FIRST_NAMES = (
    "Abigail", "Adebayo", "Aisling", "Alan", "Amara", "Andrew", "Anita", "Barbara", "Bethan",
    "Bilal", "Bronwen", "Callum", "Carys", "Catherine", "Chidi", "Ciaran", "Colin", "Deborah",
    "Declan", "Dominika", "Eilidh", "Elaine", "Farah", "Gareth", "Geraldine", "Gurpreet",
    "Hamish", "Hannah", "Ifeoma", "Imran", "Iwan", "Jacqueline", "Jasmine", "Jonathan",
    "Karen", "Katarzyna", "Kwame", "Lakshmi", "Lorraine", "Malcolm", "Mairead", "Marek",
    "Margaret", "Martin", "Megan", "Michael", "Nasreen", "Neil", "Niamh", "Nicola",
    "Oluwaseun", "Pauline", "Philippa", "Rachel", "Rhodri", "Richard", "Rosemary", "Ruth",
    "Samira", "Seamus", "Shona", "Simon", "Siobhan", "Stephen", "Susan", "Tariq", "Teresa",
    "Trevor", "Una", "Vanessa", "Wendy", "Yasmin", "Yusuf", "Zainab", "Zoe",
)
_VENUE_FORMS = (
    "{place} Community Centre", "{place} Library", "the {place} Hub", "{place} Leisure Centre",
    "{surname} Hall", "the {surname} Rooms", "{place} Methodist Church Hall",
    "{place} Youth Centre", "the {place} Pavilion", "{surname} House", "{place} Sports Club",
    "{place} Primary School", "the {place} Arts Centre", "{place} Village Hall",
)
_STREET_KINDS = ("Road", "Street", "Avenue", "Lane", "Close", "Way", "Crescent", "Drive",
                 "Gardens", "Terrace", "Row", "Walk")
_TOPICS = (
    "the resurfacing of {street}", "a new cycle lane on {street}", "the flood defence scheme "
    "near {street}", "repairs to the footbridge over the {river}", "the refurbished play area "
    "at {venue}", "the {river} riverside clean-up", "the library's extended opening hours",
    "the garden waste collection changes", "a consultation on the {place} town centre plan",
    "the new recycling centre at {street}", "the replacement of streetlights in {place}",
    "the {place} heritage trail", "a pilot of electric refuse lorries", "the warm spaces "
    "network at {venue}", "free swimming sessions for under-16s at {venue}",
)
_OUTCOMES = (
    "is expected to finish in {month}", "drew {n} responses from residents",
    "will cost an estimated £{money}", "was funded by a £{money} grant",
    "has been delayed by wet weather", "was welcomed by local businesses",
    "has attracted {n} volunteers", "will be reviewed by scrutiny councillors in {month}",
    "follows complaints about potholes and drainage", "is part of a three-year programme",
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_RIVERS = ("Aire", "Calder", "Derwent", "Exe", "Fowey", "Lune", "Nidd", "Ouse", "Severn",
           "Tamar", "Teme", "Ure", "Wear", "Wye", "Yare")


def _pool(rng: random.Random, size: int, make: Callable[[], str]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for _ in range(size * 20):
        if len(found) >= size:
            break
        found.setdefault(make(), None)
    return tuple(found)


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def varied_words(seed: int) -> Words:
    rng = random.Random(seed * 7919 + 1)

    def place() -> str:
        return rng.choice(_PLACE_FORMS).format(rng.choice(_PLACE_HEADS) + rng.choice(_PLACE_TAILS))

    places = _pool(rng, 1_200, place)
    surnames = _pool(rng, 700, lambda: rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_TAILS))
    venues = _pool(rng, 4_000, lambda: rng.choice(_VENUE_FORMS).format(
        place=rng.choice(places), surname=rng.choice(surnames)))
    streets = _pool(rng, 4_000, lambda: f"{rng.choice(places + surnames)} "
                                       f"{rng.choice(_STREET_KINDS)}")

    def local(rng: random.Random, home: str) -> list[str]:
        slug = _slug(home)
        topic = rng.choice(_TOPICS).format(street=rng.choice(streets), venue=rng.choice(venues),
                                           river=rng.choice(_RIVERS), place=home)
        outcome = rng.choice(_OUTCOMES).format(month=rng.choice(_MONTHS), n=rng.randint(12, 900),
                                               money=f"{rng.randint(15, 950)},000")
        contact = (f"For details call 01632 {rng.randint(100000, 999999)} or email "
                   f"{rng.choice(('jobs', 'careers', 'events', 'hr', 'info'))}@{slug}.gov.uk, "
                   f"or see www.{slug}.gov.uk/{rng.choice(('jobs', 'events', 'news'))}/"
                   f"{rng.randint(1000, 99999)}.")
        return [f"Elsewhere in {home}, work on {topic} {outcome}.", contact]

    return Words(places=places, first=FIRST_NAMES, last=surnames, venues=venues,
                 streets=streets, local=local)
