"""The award gate: which trigger patterns a sentence can hold a match of.

Each trigger pattern lists words one of which every match holds ("needs"); a sentence
holding none of a pattern's words is not searched with it, and a sentence holding no such
word at all is skipped. Words are found once per text, on its lower-cased form: `str.lower`
and the patterns' own case rules agree on every letter except those doctext.folds_as_lower
looks for, and a text holding one (or changing length when lower-cased) is read without
the gate.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache

from extract import awards_find as find
from extract.awards_went import INVERTED_NEEDS, WENT_NEEDS
from extract.doctext import lowered

Words = frozenset[str] | None  # None: the gate is off, every pattern is tried
Hits = tuple[list[int], list[int], list[str]]


@lru_cache(maxsize=1)
def vocabulary() -> tuple[re.Pattern[str], frozenset[str]]:
    """One regex for the gate words, and the words: those needs no other need lies inside
    ("win" stands for "winner" too), so that at most one starts at any position."""
    needs = {n.lower() for _, _, row, _ in find.triggers() for n in row}
    needs |= {n.lower() for n in (*INVERTED_NEEDS, *WENT_NEEDS)}
    words = frozenset(w for w in needs if not any(v != w and v in w for v in needs))
    return re.compile(_trie(sorted(words))), words


def _trie(words: list[str]) -> str:
    """'award|away' as 'aw(?:ard|ay)': an alternation of many words is slow unfactored."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    alts = [re.escape(head) + (_trie(tails) if head else "") for head, tails in heads.items()]
    return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"


@lru_cache(maxsize=64)
def gate(needs: tuple[str, ...]) -> frozenset[str]:
    """The gate words inside `needs`: one of them is in any text holding one of `needs`."""
    _, words = vocabulary()
    return frozenset(w for w in words if any(w in n.lower() for n in needs))


def word_hits(text: str) -> Hits | None:
    """(starts, ends, words) of every gate word in `text`, or None when it cannot be used."""
    lower = lowered(text)
    if lower is None:
        return None
    finder = vocabulary()[0]
    hits: Hits = ([], [], [])
    # searching again from the next character finds words overlapping one another too
    while (m := finder.search(lower, hits[0][-1] + 1 if hits[0] else 0)) is not None:
        hits[0].append(m.start())
        hits[1].append(m.end())
        hits[2].append(m.group())
    return hits


def words_in(hits: Hits, low: int, high: int) -> frozenset[str]:
    starts, ends, words = hits
    first, last = bisect_left(starts, low), bisect_left(starts, high)
    return frozenset(words[i] for i in range(first, last) if ends[i] <= high)


def gated_sentences(bounds: list[tuple[int, int]],
                     hits: Hits | None) -> Iterator[tuple[int, int, Words]]:
    """(low, high, present) of each sentence worth reading: every sentence when the gate
    is off, else those holding a gate word whole, found from the hits (an article has a
    few hits and tens of sentences: asking each sentence for its words cost more)."""
    if hits is None:
        yield from ((low, high, None) for low, high in bounds)
        return
    lows = [low for low, _ in bounds]
    seen = -1  # sentences are in text order: the hits' sentences come in order too
    for start in hits[0]:
        at = bisect_right(lows, start) - 1
        if at > seen and start < bounds[at][1]:
            seen = at
            low, high = bounds[at]
            if present := words_in(hits, low, high):
                yield low, high, present
