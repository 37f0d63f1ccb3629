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
           "dozen", "hundred", "and", "ago", "²", "٣", "é", "between", "from", "two",
           "twenty", "five", "thousand", "third", "thirds", "tenants", "more than", "an",
           "average of", "three", "scores", "ninety", "seven", "nine", "quarter", "up"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
            for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_figures_speed_bare_count_agrees_with_the_regex(seed: int) -> None:
    """Wherever `_bare_count` decides, the lowered quantity regex matches exactly the
    digit run (core group, nothing else), or does not match."""
    regexes, words = _lowered_regexes(), _count_words()
    assert regexes is not None and words is not None and words.cardinals
    pattern = regexes[0]
    decided = 0
    for text in _texts(6000, seed):
        for start in range(len(text)):
            known = _bare_count(text, start, words)
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
    "one of the", "twenty five staff", "one third", "a dozen posts", "hundred and ten",
    "One Of The", "five per cent", "nine tenths", "three or four", "seven-thirds",
])
def test_figures_speed_find_quantities_same_with_and_without_shortcut(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = numbers_find.find_quantities(text)
    monkeypatch.setattr(numbers_find, "_count_words", lambda: None)
    assert fast == numbers_find.find_quantities(text)


_NAME_PIECES = ["caseload", "Caseloads", "vacancy rate", "turnover", "agency staff", "locum",
                "of", "at", "is", "was", "stands at", "averages", "Ofsted", "aged", "years",
                "number of cases", "headcount", "workforce of", "pay", "\u212a", "ſ", "’s",
                "the", "staff", "rate", "AGENCY", "Turnover Of", "x", "-", ",", "\n", " ", "  "]


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_adjacent_name_gate_never_hides_a_match(seed: int) -> None:
    """Where `_may_end_name` says no name can end before a number, the adjacent-name
    regex finds none there."""
    from extract.figures_metric import _adjacent_ends, _adjacent_regex, _may_end_name
    from extract.figures_starts import name_ending_at

    assert _adjacent_ends()  # else the gate is never used and this is moot
    rng = random.Random(seed)
    rejected = found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(1, 6))) + " "
        for high in range(1, len(text) + 1):
            low = max(0, high - 60)
            match = name_ending_at(_adjacent_regex(), text, low, high)
            found += match is not None
            if not _may_end_name(text, low, high):
                rejected += 1
                assert match is None, (text, high)
    assert rejected > 1000 and found > 1000  # both sides are exercised


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_text_anchors_equal_the_word_boundary_scan(seed: int) -> None:
    """The whole-text anchors (found after non-word characters, and at the start) are
    those the word-boundary regex finds, with the same ends."""
    from extract.figures_anchors import _after_non_word, text_anchors
    from extract.numbers_find import lower_anchor_regex

    assert _after_non_word() is not None  # else the faster scan is never used
    for text in [*_texts(3000, seed), "one", "12", "twelve staff", " 4", "x4 4x 4"]:
        whole = text_anchors(text)
        if whole is None:
            continue
        found = list(lower_anchor_regex().finditer(text.lower()))
        assert (whole.starts, whole.ends) == (
            [m.start() for m in found], [m.end() for m in found]), text


_HEAD_PIECES = ["social", "worker", "workers", "positions", "posts", "of", "the", "our",
                "40", "agency", "staff", "team", "leaders", "Social Work", "Staff", "care",
                "jobs", "’", "”", "\"", "-", " ", "  ", ",", "and", "council's", "FTE", "NQSWs",
                "vacancies", "new", "starters", "roles", "(CH)", "nurses", "x", "ſtaff"]


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_next_head_equals_the_full_head_match(seed: int) -> None:
    """`next_head` gives what re-matching the head regex after a head gave, kept only
    without "of" and modifiers, for the lowered and the case-folding head regex."""
    from extract.figures_nouns import _lower_head_regex, head_regex, next_head

    lowered = _lower_head_regex()
    assert lowered is not None
    rng = random.Random(seed)
    merged = 0
    for _ in range(1500):
        text = " " + "".join(rng.choice(_HEAD_PIECES) + rng.choice(("", " ", " ", "-"))
                             for _ in range(rng.randint(1, 8)))
        for regex, target in ((head_regex(), text), (lowered, text.lower())):
            for pos in range(len(target)):
                match = regex.match(target, pos)
                if match is None:
                    continue
                old = match.re.match(match.string, match.end())
                expected = old if old and not old["mods"] and not old["of"] else None
                found = next_head(match)
                assert (found and (found.span(), found.lastgroup)) == (
                    expected and (expected.span(), expected.lastgroup)), (text, pos)
                merged += found is not None
    assert merged > 100  # compounds are met, so the test can fail


_CUE_PIECES = ["page", "Page", "p.", "aged", "April", "£", "$", "€", "(", " (", "tel", "no.",
               "carries", "caseload", "holding", "averages", "managing", "workers", "staff",
               "responsible for", "each", "of", "x", "Room", "floor", " ", "  ", "\n", "-",
               ".", ",", "s", "ſ", "\u212a", "’"]


@pytest.mark.parametrize("seed", range(3))
def test_figures_speed_cue_tail_gate_keeps_the_same_searches(seed: int) -> None:
    """A '$'-anchored cue searched on lowered text is first ruled out by its last letters
    before the final blanks; every search must be the case-folding regex's."""
    from extract.figures_literals import LoweredRegex
    from extract.figures_refine import lower_cues

    gated = {kind: cue for kind, cue in lower_cues().items()
             if isinstance(cue, LoweredRegex) and cue.tail is not None}
    assert {"distractor_left", "carry_left"} <= set(gated)  # else this is moot
    rng = random.Random(seed)
    hits = 0
    for _ in range(800):
        text = "".join(rng.choice(_CUE_PIECES) + rng.choice(("", " ", " "))
                       for _ in range(rng.randint(1, 8)))
        for cue in gated.values():
            for pos in range(0, len(text), 3):
                for endpos in range(pos, len(text) + 1):
                    fast, slow = cue.search(text, pos, endpos), cue.plain.search(
                        text, pos, endpos)
                    assert (fast and fast.span()) == (slow and slow.span()), (text, pos)
                    hits += slow is not None
    assert hits > 500  # cues are found, so the test can fail


@pytest.mark.parametrize("seed", range(2))
def test_figures_speed_sentence_gate_never_hides_piece_anchors(seed: int) -> None:
    from extract.figures_anchors import piece_anchors, sentences_to_read, text_anchors

    for text in _texts(400, seed):
        whole = text_anchors(text)
        if whole is None:
            continue
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                if not sentences_to_read(whole, [(start, end)], reach=end - start):
                    assert piece_anchors(whole, start, end) == [], (text, start, end)
