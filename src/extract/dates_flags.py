"""Token classes of the date patterns ("a month name", "a day number") as lexeme flags,
which a Matcher reads in C instead of calling a Python predicate per token and state."""

from __future__ import annotations

import re
from collections.abc import Callable
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


Test = Callable[[str], bool]


@cache
def flag_test(flag: Flag) -> Test:
    """`flag` as a plain function of the text, `flag(text)` without a method call on an
    instance: the vocabulary calls every flag (about 25) for every new word, several
    per article of fresh news vocabulary. One function per flag (cached), so a bit that
    already holds a flag's test is found by the function."""
    words, lower = flag.words, flag.attr == "LOWER"
    if flag.regex is not None:
        search = _compiled(flag.regex).search

        def test(text: str) -> bool:
            return search(text.lower() if lower else text) is not None
    elif lower:
        def test(text: str) -> bool:
            return text.lower() in words
    else:
        def test(text: str) -> bool:
            return text in words
    return test


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
    tested = {flag_test(flag): flag for flag in wanted}
    for bit, getter in getters.items():
        if (flag := tested.get(getter)) is not None:
            bits.setdefault(flag, int(bit))  # the first bit holding it, as before
    free = iter([b for b in range(FIRST_CUSTOM_FLAG, 64) if b not in getters])
    new: dict[Flag, int] = {}
    for getter in wanted:
        if getter not in bits and (free_bit := next(free, None)) is not None:
            bits[getter] = new[getter] = free_bit
    tests = {flag_test(flag): bit for flag, bit in new.items()}
    for lex in vocab:
        text = lex.orth_
        for test, bit in tests.items():
            lex.set_flag(bit, test(text))
    getters.update({bit: test for test, bit in tests.items()})
    return bits
