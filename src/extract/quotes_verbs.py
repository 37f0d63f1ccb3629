"""Where the reported-speech verbs of a text are: found once per text, for reported speech
(`quotes_reported`) and for lone first names that speak (`names_surnames`)."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.names_runs import PARTICLE_THEN_WORD, PARTICLES, particle_first
from extract.regex_words import by_first_letter

REPORTED_CORE = (
    r"said|says|added|explained|stated|told|warned|believes|stressed|insisted|argued"
    r"|admitted|claimed|confirmed|noted|pointed out|suggested|urged|revealed|acknowledged"
    r"|called\s+on|described|expects|hopes|predicted|reported|announced"
)
VERB = re.compile(rf"\b(?:{REPORTED_CORE})\b")
# `VERB` searched from each position of the text (a leading `\b` gives the search no first
# character to skip to): the same verbs after one ASCII character that is no word character
# let it skip to those characters. A non-ASCII one before a verb is checked on the hit.
# Verbs are grouped by first letter: one letter test rules out a group (27 literal tests per
# candidate character were most of the search).
_VERBS = by_first_letter(REPORTED_CORE.split("|"), tail=str, sort_letters=False)
_VERB_AFTER = re.compile(rf"[^0-9A-Za-z_](?P<verb>{_VERBS})\b")
# The name finder's search for a run led by a particle word ("de Souza") tries the same
# characters (no ASCII letter) as `_VERB_AFTER`: both are tried in one pass until a particle
# is found. A verb is a whole lower-case word (after a digit or "_", dropped on the hit):
# no particle-led run starts inside one, and no verb after a particle's non-letter ends it.
# Every verb and particle starts with one of `_FIRSTS`: a look-ahead for one rules out most
# positions (a blank before a word starting otherwise, a capital or a digit) in one class
# test instead of trying each group of the alternation there.
_FIRSTS = "".join(sorted({verb[0] for verb in REPORTED_CORE.split("|")} | {
    particle[0] for particle in PARTICLES}))
_VERB_OR_PARTICLE = re.compile(
    rf"[^A-Za-z](?=[{_FIRSTS}])(?:(?P<verb>{_VERBS})\b|{PARTICLE_THEN_WORD})")


# Asked by the people component and again by reported speech for the same text.
def verb_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `VERB.finditer(text)`. A verb is one word (or two) between word
    boundaries, so matches never overlap and at most one verb fits at a position."""
    return scan(text)[0]


@lru_cache(maxsize=8)
def scan(text: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    """(`verb_spans(text)`, `particle_led(text)`) found in one pass over the text."""
    found = []
    led = particle_first(text)
    for match in _VERB_OR_PARTICLE.finditer(text):
        if match.lastindex is None:  # a particle leads a run: only verbs are looked for on
            led = True
            found += [verb.span("verb") for verb in _VERB_AFTER.finditer(text, match.start() + 1)
                      if not _is_word(text[verb.start()])]
            break
        if not _is_word(text[match.start()]):
            found.append(match.span("verb"))
    if first := VERB.match(text):
        found.insert(0, first.span())
    return tuple(found), led


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
