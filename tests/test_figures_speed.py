"""Shortcuts of the figures and numbers readers against the slower forms they replace."""

from __future__ import annotations

import random

import pytest

from extract import numbers_find
from extract.numbers_find import _NO_PHRASE, _bare_count, _count_words, _lowered_regexes

# Pieces random texts are made of: digits, the words the quantity regex reads after a
# number, percent words, punctuation that may glue to a number, and plain words.
_PIECES = ["1", "0", "7", "12", "07", "2023", "1,200", "4.5", "9", " ", "  ", "\n", "-", "–",
           "%", "+", ".", ",", ":", ";", ")", "(", "£", "$", "/", "’", "a", "to", "or",
           "in", "out", "of", "every", "more", "plus", "per", "cent", "pc", "percent",
           "percentage", "points", "staff", "pm", "am", "th", "_", "x", "one", "half",
           "dozen", "hundred", "and", "ago", "²", "٣", "é", "between", "from"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
            for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_figures_speed_bare_count_agrees_with_the_regex(seed: int) -> None:
    """Wherever `_bare_count` decides, the lowered quantity regex matches exactly the
    digit run (core group, nothing else), or does not match."""
    regexes, percent = _lowered_regexes(), _count_words()
    assert regexes is not None and percent is not None
    pattern = regexes[0]
    decided = 0
    for text in _texts(6000, seed):
        for start in range(len(text)):
            known = _bare_count(text, start, percent)
            if known is None:
                continue
            decided += 1
            match = pattern.match(text, start)
            if known == _NO_PHRASE:
                assert match is None, (text, start)
            else:
                assert match is not None, (text, start)
                assert (match.end(), match.span("core")) == (known, (start, known)), text
                assert match["plus"] is None and match["qual"] is None, text
    assert decided > 1000  # the shortcut is taken, so the test can fail


@pytest.mark.parametrize("text", [
    "14 staff", "in 2023.", "18:30", "10am", "9pc", "9 pc", "9 per cent", "12 to 15",
    "3 or 4", "1 in 4", "x:1 in 4", "3 out of 5", "12 or more", "20-plus", "30+", "07700",
    "1,200 posts", "4.5 posts", "£4 each", "14 %", "14,", "14.", "a 14", "14 in 2020",
])
def test_figures_speed_find_quantities_same_with_and_without_shortcut(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = numbers_find.find_quantities(text)
    monkeypatch.setattr(numbers_find, "_count_words", lambda: None)
    assert fast == numbers_find.find_quantities(text)
