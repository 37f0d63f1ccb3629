"""More shortcuts of the figures and numbers readers against the forms they replace."""

from __future__ import annotations

import random

import pytest

from extract.numbers import Quantity, count_in
from extract.numbers_find import found_bare

_DIGITS = "0123456789٣٤०१²"  # ASCII, Arabic-Indic and Devanagari digits, a superscript


def _bare_before(text: str, start: int, end: int, offset: int) -> list[Quantity]:
    """The reading `found_bare` replaces: every bare phrase through `count_in`."""
    quantity = count_in(text, start, end, offset, core=text[start:end])
    return [] if quantity is None else [quantity]


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_bare_digit_run_read_as_count_in_reads_it(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(3000):
        core = "".join(rng.choice(_DIGITS) for _ in range(rng.randint(1, 8)))
        if core.startswith("0") and len(core) > 1:
            continue  # ("07700": never read alone, the regex decides)
        text = "x " + core + " y"
        found: list[Quantity] = []
        found_bare(found, text, 2, 2 + len(core), 40)
        assert found == _bare_before(text, 2, 2 + len(core), 40), core
        checked += core.isdecimal()
    assert checked > 1000  # the shortcut is taken, so the test can fail


@pytest.mark.parametrize("word", [
    "one", "twenty", "Seventy", "hundred", "dozen", "half", "scores", "2", "12", "٣",
])
def test_figures_speed_bare_word_read_as_count_in_reads_it(word: str) -> None:
    text = f"about {word} staff"
    found: list[Quantity] = []
    found_bare(found, text, 6, 6 + len(word), 0)
    assert found == _bare_before(text, 6, 6 + len(word), 0)
