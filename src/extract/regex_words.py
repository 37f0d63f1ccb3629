"""Word alternations grouped by first letter, for regexes searched over whole articles.

In "said|says|stated|told" the regex engine tests every word at every candidate character;
in "s(?:aid|ays|tated)|t(?:old)" one letter test rules out a group. Words of a group keep
the order they are given in (the alternation's order decides which of two words that
both match is taken), and words with different first letters never match at the same
place, so the grouped form matches exactly what the plain alternation matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def by_first_letter(
    words: Iterable[str], *, tail: Callable[[str], str] = re.escape, behind: bool = False,
    sort_letters: bool = True, word_start: bool = False,
) -> str:
    """"a(?:x|y)|b(?:z)" for the words "ax", "ay", "bz" (no enclosing group). `tail`
    writes the rest of a word as regex (escaped by default; a regex fragment as it is with
    `tail=str`). With `behind`, each group tests its letter by a look-behind instead,
    "(?<=a)(?:x|y)", for a pattern that has already matched the letter. With `word_start`,
    each letter is matched and then checked to follow no word character, "a(?<!\\wa)(?:x|y)":
    the same as a leading `\\b`, but the engine skips in C to the letters. Groups come in
    letter order, or with `sort_letters=False` in the order of their first word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(tail(word[1:]))
    letters = sorted(groups) if sort_letters else list(groups)
    head = "(?<={0})" if behind else r"{0}(?<!\w{0})" if word_start else "{0}"
    return "|".join(head.format(letter if behind else re.escape(letter))
                    + f"(?:{'|'.join(groups[letter])})" for letter in letters)
