"""Faster definitions in dates and events (seventh round) checked against the ones
they replaced, kept here as the reference."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from extract.dates_flags import Flag, _flag_test, flag_test
from extract.dates_patterns import read_jsonl

_ALPHABET = "0123456789 aAmMyYsStThH.:/-–—’'İıſK\u212a٣３ᵗʰ"


def _flags() -> list[Flag]:
    """Every flag of the date token classes, and some of each kind besides."""
    tokens = [row["token"] for row in read_jsonl("dates_tokens.jsonl")]
    flags = [flag for _, flag in filter(None, map(_flag_test, tokens))]
    return [*flags, Flag("LOWER", frozenset({"may", "i̇stanbul"})),
            Flag("TEXT", frozenset({"May", "K"})), Flag("LOWER", regex=r"^k\d"),
            Flag("TEXT", regex=r"\d{4}$")]


def _texts(count: int) -> list[str]:
    rng = random.Random(7)
    fixed = ["May", "may", "MAY", "12th", "3", "03", "2019", "1.30pm", "12/03/2024", "Wed",
             "İSTANBUL", "\u212a1", "k1", "٣", "３", "12ᵗʰ", "", " ", "\n", "Sept", "2O19"]
    return fixed + ["".join(rng.choices(_ALPHABET, k=rng.randint(1, 8)))
                    for _ in range(count)]


@pytest.mark.parametrize("flag", _flags(), ids=repr)
def test_events_speed2_flag_test_equals_flag(flag: Flag) -> None:
    test = flag_test(flag)
    assert flag_test(Flag(flag.attr, flag.words, flag.regex)) is test  # one per flag
    for text in _texts(2000):
        assert test(text) is flag(text), text


def test_events_speed2_vocab_holds_flag_tests(nlp: Language) -> None:
    """The date flags are registered as their plain tests, and new words get them."""
    from extract.dates_flags import _flag_of

    registered = {bit: _flag_of(getter) for bit, getter in nlp.vocab.lex_attr_getters.items()
                  if isinstance(_flag_of(getter), Flag)}
    assert len(registered) >= 20
    for bit, flag in registered.items():
        assert nlp.vocab.lex_attr_getters[bit] is flag_test(flag)
        for text in ("Mayday-speed2", "12th", "2019", "Wed"):
            assert nlp.vocab[text].check_flag(bit) is flag(text)
