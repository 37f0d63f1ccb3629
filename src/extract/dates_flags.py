"""Token classes of the date patterns ("a month name", "a day number") as lexeme flags,
which a Matcher reads in C instead of calling a Python predicate per token and state."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.vocab import Vocab

# spaCy names bits 19-63 of a lexeme's flags FLAG19..FLAG63, free for custom flags.
FIRST_CUSTOM_FLAG = 19


@dataclass(frozen=True)
class Flag:
    """A token class ("a month name", "a day number") as a lexeme flag.

    A Matcher calls a Python predicate (IN list, REGEX) for every token and pattern
    state; a flag is computed once per word of the vocabulary and read in C. It gives
    the predicate's answer: the lower-cased or exact text in the list, or the regex
    found in the text (spaCy's REGEX uses `search`)."""

    attr: str
    words: frozenset[str] = frozenset()
    regex: str | None = None

    def __call__(self, text: str) -> bool:
        value = text.lower() if self.attr == "LOWER" else text
        if self.regex is not None:
            return _compiled(self.regex).search(value) is not None
        return value in self.words


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def flagged(tokens: dict[str, dict[str, Any]], vocab: Vocab) -> dict[str, dict[Any, Any]]:
    """Each token spec with its word-list or regex test replaced by a lexeme flag."""
    tests = {name: test for name, token in tokens.items()
             if (test := _flag_test(token)) is not None}
    bits = _flag_ids(vocab, [getter for _, getter in tests.values()])
    specs: dict[str, dict[Any, Any]] = {}
    for name, token in tokens.items():
        attr, getter = tests.get(name, ("", None))
        if getter is None or (bit := bits.get(getter)) is None:
            specs[name] = token
            continue
        specs[name] = {**{k: v for k, v in token.items() if k != attr}, bit: True}
    return specs


def _flag_test(token: dict[str, Any]) -> tuple[str, Flag] | None:
    """A token spec's one word-list or regex test and its flag (None if not one)."""
    tests = [(attr, value) for attr, value in token.items()
             if attr in ("LOWER", "TEXT", "ORTH") and isinstance(value, dict)
             and len(value) == 1 and ("IN" in value or "REGEX" in value)]
    if len(tests) != 1:
        return None
    attr, value = tests[0]
    return attr, Flag("LOWER" if attr == "LOWER" else "TEXT",
                       frozenset(value.get("IN", ())), value.get("REGEX"))


def _flag_ids(vocab: Vocab, wanted: list[Flag]) -> dict[Flag, int]:
    """The vocab's bit for each flag, the new ones added (in order, while bits are
    free). `Vocab.add_flag` walks the whole vocabulary per flag: the new flags are set
    in one walk instead, then registered as `add_flag` registers them (new words get
    them when they are made)."""
    getters: dict[int, Any] = getattr(vocab, "lex_attr_getters")  # noqa: B009 (untyped)
    bits: dict[Flag, int] = {}
    for bit, getter in getters.items():
        if getter in wanted:
            bits.setdefault(getter, int(bit))  # the first bit holding it, as before
    free = iter([b for b in range(FIRST_CUSTOM_FLAG, 64) if b not in getters])
    new: dict[Flag, int] = {}
    for getter in wanted:
        if getter not in bits and (free_bit := next(free, None)) is not None:
            bits[getter] = new[getter] = free_bit
    for lex in vocab:
        text = lex.orth_
        for getter, bit in new.items():
            lex.set_flag(bit, getter(text))
    getters.update({bit: getter for getter, bit in new.items()})
    return bits
