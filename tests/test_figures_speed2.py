"""More shortcuts of the figures and numbers readers against the forms they replace."""

from __future__ import annotations

import itertools
import random
import re
from bisect import bisect_left
from typing import Any

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


def test_figures_speed_word_character_test_equals_the_regex_class() -> None:
    """`str.isalnum` or "_" (the sentence gate of `sentences_to_read`) is the regex "\\w",
    and `str.isdecimal` (the digit-run gate of `_bare_count`) is "\\d", at every code
    point."""
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    for point in range(0x110000):
        char = chr(point)
        assert (char.isalnum() or char == "_") == (word.match(char) is not None), point
        assert char.isdecimal() == (digit.match(char) is not None), point


def _amounts_before(core: str) -> list[tuple[float | None, str | None]]:
    """`numbers._amounts` before its shortcut for digits alone: every phrase by the regex."""
    from extract.numbers import _amount_regex, parse_number, parse_share

    found: list[tuple[float | None, str | None]] = []
    for m in _amount_regex().finditer(core):
        if m["share"]:
            found.append((parse_share(m["share"]), "fraction"))
        else:
            found.append((parse_number(m["num"]), "percent" if m["pct"] else None))
    return found


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_plain_number_amounts_equal_the_regex_reading(seed: int) -> None:
    from extract.numbers import _PLAIN_NUMBER, _amounts

    rng = random.Random(seed)
    pieces = ["0", "1", "4", "12", "999", "1234", ",", ",000", ",12", ".", ".5", "٣", " ",
              "%", " per cent", "a", "one", "00"]
    shortcut = 0
    for _ in range(4000):
        core = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        assert _amounts(core) == _amounts_before(core), core
        shortcut += _PLAIN_NUMBER.fullmatch(core) is not None
    assert shortcut > 500  # the shortcut is taken, so the test can fail


_ANCHOR_PIECES = ["one", "two", "ten", "tenant", "4", "12", "٣", "²", "é", "ñ", "_", "?", "’",
                  "“", "£", "€", "-", " ", "\n", "x", "half", "dozens", "a", "ß", "Ⅻ", "三",
                  "often", "Twenty", "ÉONE", "(", "."]


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_text_anchors_on_word_classes_equal_the_text_scan(seed: int) -> None:
    """Anchors found on `_word_classes` (one byte a character) are those the Unicode
    scan finds on the lowered text, with the same ends, whatever characters stand
    beside them (decimal digits, letters and signs of other scripts, "?")."""
    from extract.figures_anchors import _after_non_word, _after_non_word_bytes, _word_classes

    scan, on_bytes = _after_non_word(), _after_non_word_bytes()
    assert scan is not None and on_bytes is not None  # else the byte scan is never used
    rng = random.Random(seed)
    marked = 0
    for _ in range(4000):
        lower = "".join(rng.choice(_ANCHOR_PIECES) for _ in range(rng.randint(1, 10))).lower()
        classes = _word_classes(lower)
        assert len(classes) == len(lower)
        assert [m.span() for m in on_bytes.finditer(classes)] == [
            m.span() for m in scan.finditer(lower)], lower
        marked += any(not char.isascii() and char.isalnum() for char in lower)
    assert marked > 500  # other scripts' word characters are met, so the test can fail


def _may_hold_anchors(whole: Any, start: int, end: int) -> bool:
    """The sentence-by-sentence gate `sentences_to_read` replaced (the reference): an
    anchor of the text starts inside, or a word character runs into `start`."""
    at = bisect_left(whole.starts, start)
    if at < len(whole.starts) and whole.starts[at] < end:
        return True
    return start > 0 and re.compile(r"\w").match(whole.lowered, start - 1) is not None


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_sentences_to_read_equal_the_sentence_by_sentence_gate(seed: int) -> None:
    """`sentences_to_read` keeps what the loop of `_may_hold_anchors` calls kept: every
    sentence longer than the reach, and those that may hold an anchor, whatever the
    order of the sentences."""
    from extract.figures_anchors import sentences_to_read, text_anchors

    rng = random.Random(seed)
    kept = dropped = 0
    for _ in range(1500):
        text = "".join(rng.choice(_ANCHOR_PIECES) for _ in range(rng.randint(1, 30)))
        whole = text_anchors(text)
        if whole is None:
            continue
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 8))))
        bounds = list(itertools.pairwise(cuts))
        if rng.random() < 0.2:
            rng.shuffle(bounds)
        reach = rng.choice([3, 2_000])
        expected = [(start, end) for start, end in bounds
                    if end - start > reach or _may_hold_anchors(whole, start, end)]
        assert sentences_to_read(whole, bounds, reach=reach) == expected, (text, bounds)
        kept += len(expected)
        dropped += len(bounds) - len(expected)
    assert kept > 500 and dropped > 200  # both sides are exercised
