"""Where the reported-speech verbs of a text are: found once per text, for reported speech
(`quotes_reported`) and for lone first names that speak (`names_surnames`)."""

from __future__ import annotations

import re
from functools import lru_cache

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
_VERB_AFTER = re.compile(r"[^0-9A-Za-z_](?P<verb>" + by_first_letter(
    REPORTED_CORE.split("|"), tail=str, sort_letters=False) + r")\b")


# Asked by the people component and again by reported speech for the same text.
@lru_cache(maxsize=8)
def verb_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `VERB.finditer(text)`. A verb is one word (or two) between word
    boundaries, so matches never overlap and at most one verb fits at a position."""
    found = [match.span("verb") for match in _VERB_AFTER.finditer(text)
             if not _is_word(text[match.start()])]
    if first := VERB.match(text):
        found.insert(0, first.span())
    return tuple(found)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
