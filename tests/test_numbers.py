"""Number phrases: digits, words, shares, percentages, ranges, changes, vague amounts."""

from __future__ import annotations

import re

import pytest

from extract.doctext import _FOLDS
from extract.numbers import (
    Quantity,
    parse_number,
    parse_share,
    quantity_from_match,
    quantity_regex,
)
from extract.numbers_find import find_quantities

# (text, value, value_max, value_from, unit, qualifier) of the first quantity found
QUANTITY_CASES = [
    ("1,250 staff", 1250, None, None, None, None),
    ("fifteen cases", 15, None, None, None, None),
    ("Seventy-eight new starters", 78, None, None, None, None),
    ("a hundred posts", 100, None, None, None, None),
    ("one hundred and twenty managers", 120, None, None, None, None),
    ("two-thirds of staff", 0.667, None, None, "fraction", None),
    ("one in four workers", 0.25, None, None, "fraction", None),
    ("three out of five posts", 0.6, None, None, "fraction", None),
    ("half of the team", 0.5, None, None, "fraction", None),
    ("nine per cent", 9, None, None, "percent", None),
    ("9pc of staff", 9, None, None, "percent", None),
    ("a rate of 9%", 9, None, None, "percent", None),
    ("ten percent a year", 10, None, None, "percent", None),
    ("12 to 15 cases", 12, 15, None, None, None),
    ("110-120 cases", 110, 120, None, None, None),
    ("between 20 and 25 staff", 20, 25, None, None, None),
    ("from 24 to 18", 18, None, 24, None, "down"),
    ("down from 30 to 22", 22, None, 30, None, "down"),
    ("from 11 per cent to 17 per cent", 17, None, 11, "percent", "up"),
    ("from 21 per cent two years ago to 14 per cent", 14, None, 21, "percent", "down"),
    ("an average of 15 cases", 15, None, None, None, "average"),
    ("less than ten percent", 10, None, None, "percent", "less than"),
    ("fewer than 40 leavers", 40, None, None, None, "less than"),
    ("nearly 50 people", 50, None, None, None, "nearly"),
    ("30-plus clients", 30, None, None, None, "more than"),
    ("20+ families", 20, None, None, None, "more than"),
    ("plus 20 families", 20, None, None, None, None),
    ("dozens of workers", None, None, None, None, None),
    ("an extra dozen workers", 12, None, None, None, None),
    ("two dozen posts", 24, None, None, None, None),
    ("three or four social workers", 3, 4, None, None, None),
    ("no more than 12 cases", 12, None, None, None, "at most"),
    # "half a dozen" is six; "N or more" is open-ended
    ("half a dozen caseworkers", 6, None, None, None, None),
    ("up to half a dozen posts", 6, None, None, None, "up to"),
    ("half of the posts", 0.5, None, None, "fraction", None),
    ("12 or more cases", 12, None, None, None, "at least"),
    ("three or four posts", 3, 4, None, None, None),
]

# Text in which no quantity may be found at all.
NOT_QUANTITIES = ["£4.6m", "$2m", "€300k", "10am", "the 15th", "S60 1AE", "6/21/2019", "M62"]


@pytest.mark.parametrize(("text", "value", "value_max", "value_from", "unit", "qualifier"),
                         QUANTITY_CASES)
def test_numbers_parse_quantity(
    text: str, value: float | None, value_max: float | None, value_from: float | None,
    unit: str | None, qualifier: str | None,
) -> None:
    quantity = find_quantities(text)[0]
    assert quantity.value == (pytest.approx(value, abs=0.001) if value is not None else None)
    assert quantity.value_max == value_max
    assert quantity.value_from == value_from
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_numbers_false_positives(text: str) -> None:
    assert find_quantities(text) == []


def test_numbers_offsets_index_the_text() -> None:
    text = "Caseloads fell from 24 to 18."
    quantity = find_quantities(text, offset=100)[0]
    assert text[quantity.start - 100:quantity.end - 100] == "from 24 to 18"


@pytest.mark.parametrize(("text", "expected"), [
    ("1,200", 1200), ("3.5", 3.5), ("forty-two", 42), ("a thousand", 1000), ("tea", None),
])
def test_numbers_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("two-thirds", 0.667), ("a quarter", 0.25), ("one in ten", 0.1), ("half", 0.5),
    ("two thousand", None),
])
def test_numbers_parse_share(text: str, expected: float | None) -> None:
    assert parse_share(text) == expected


def _every_position(text: str) -> list[Quantity]:
    """The plain scan `find_quantities` must equal: the regex tried at every character."""
    found = (quantity_from_match(m) for m in quantity_regex().finditer(text))
    return [q for q in found if q is not None]


# Phrases whose first digit or number word stands after lead words, odd case and spacing.
@pytest.mark.parametrize("text", [
    "No fewer than a dozen staff and up to from 12 to 15 cases.",
    "caseloads fell from  twenty\nto 14, a-third of posts, A Third of roles",
    "In excess of two-thirds; AN AVERAGE OF 17 children; Just Under half a dozen",
    "between a hundred and 300 posts, roughly one in every five workers",
    "ſome 12 posts, up by ſix, İn excess of 40 roles, the Kelvin sign K, 7 K",
    "made up 9%, makes up nine per cent, 20-plus, 30+, 12 or more",
    "x12 £4.6 10am 15th 0.5 1,200,000 07700 900123 4.2.1 ten tenants often",
    "from from from 12 to 15 to 15 to 15 between between 4 and and 5",
    "20 OR MORE, 12 Or Over, AN AVERAGE OF 17, From Twelve To 15, Half A Dozen, 9 PER CENT",
    "UP BY SIX, Between A Hundred And 300, ONE IN EVERY FIVE, Dozens, 30-PLUS, Two-Thirds",
])
def test_numbers_scan_from_anchors_equals_scan_at_every_position(text: str) -> None:
    assert find_quantities(text) == _every_position(text)
    assert find_quantities(text)  # every text above holds at least one phrase


def test_numbers_fold_characters_are_the_only_case_traps() -> None:
    """Anchors are looked for in lower-cased text unless it holds one of `_FOLDS`: that is
    exact only if no other character lowers to another length, lowers into ASCII, changes
    its digit or word-character class, or matches an ASCII letter under IGNORECASE."""
    chars = "".join(map(chr, range(0x80, 0x110000)))
    traps = set(re.findall(r"[a-z]", chars, re.IGNORECASE))
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    for char in (c for c in chars if c.lower() != c):
        low = char.lower()
        if (len(low) != 1 or low.isascii() or bool(word.match(char)) != bool(word.match(low))
                or bool(digit.match(char)) != bool(digit.match(low))):
            traps.add(char)
    assert traps and all(_FOLDS.match(c) for c in traps), traps


GUARD_TEXTS = [
    "More than Twenty-one staff, ſeven posts, about half a dozen, two-thirds of 40",
    "between five and ſix hundred and twenty; up to a hundred; \u212aEY: nine in ten",
    "İn 2021 over one in every four, several dozen, from 12% to nine per cent, 30+",
]


@pytest.mark.parametrize("text", GUARD_TEXTS)
def test_numbers_first_letter_guard_keeps_the_same_matches(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Word alternations are led by a lookahead for their first letters (fast rejection);
    the phrases found must be those of the plain alternations, case folds included."""
    from extract import numbers

    guarded = numbers._parts.__wrapped__()
    assert "(?=[" in guarded["qual"]  # else the guard is gone and this test is moot

    def plain(words: object) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len,  # type: ignore[attr-defined]
                               reverse=True))

    monkeypatch.setattr(numbers, "_alt", plain)
    unguarded = numbers._parts.__wrapped__()
    for key in ("core", "share", "qual"):
        fast, slow = re.compile(guarded[key], re.I), re.compile(unguarded[key], re.I)
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in slow.finditer(text)], key


ANCHOR_TEXTS = [
    "twenty-one staff, a_two 3x 4 five6 _seven eight’s nine\nten; (eleven) “twelve”",
    "x12 12x ٣ posts, ²3, half-dozen, thousands of hundreds, onefold quarters-sixths",
    "",
]


@pytest.mark.parametrize("text", ANCHOR_TEXTS)
def test_numbers_anchor_branches_equal_the_look_behind_form(text: str) -> None:
    """Anchors are found with a word boundary and one branch per first letter; the
    positions and lengths must be those of a look-behind per letter after the first
    character (the earlier form), digits of any script included."""
    from extract import numbers_find

    by_first: dict[str, list[str]] = {}
    for word in numbers_find.anchor_words():
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    rests = "|".join(rf"(?<={first})(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
                     for first, rest in sorted(by_first.items()))
    slow = re.compile(rf"[\d{''.join(sorted(by_first))}](?<!\w\w)(?:(?<=\d)|{rests})")
    fast = numbers_find.lower_anchor_regex()
    assert fast.pattern.startswith(r"\b")  # else the branch form is not in use
    lowered = text.lower()
    assert [m.span() for m in fast.finditer(lowered)] == [
        m.span() for m in slow.finditer(lowered)]


# Pieces cut inside words and numbers, at word starts and at text starts and ends.
PIECE_TEXTS = [
    *ANCHOR_TEXTS,
    "Seventeen staff,twenty-one posts;3pm 2019-20 ONEself x12 sixteenths\nHalf a dozen",
    "abc12 twenty\u00a0one ٣٣ a1 1a thousandfold 7.5% 1,200 ΣΑΣ seven",
]


@pytest.mark.parametrize("text", PIECE_TEXTS)
def test_numbers_piece_anchors_equal_the_anchors_of_the_piece(text: str) -> None:
    """Anchors of a sentence read from the whole text's scan must be those a scan of the
    sentence alone finds, for every piece (every start and end)."""
    from extract.figures_anchors import piece_anchors, text_anchors
    from extract.numbers_find import anchor_offsets

    whole = text_anchors(text)
    assert whole is not None  # else the whole-text scan is never used
    checked = 0
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            expected = anchor_offsets(text[start:end])
            assert piece_anchors(whole, start, end) == expected, (start, end)
            checked += bool(expected)
    assert checked or not text


def test_numbers_text_anchors_not_used_where_lower_case_misleads() -> None:
    from extract.figures_anchors import text_anchors

    assert text_anchors("\u0130 12 staff") is None


def _unshared_parts() -> dict[str, str]:
    """`numbers._parts` as it was before branches ending alike shared their end: the
    reference for `test_numbers_shared_branch_ends_equal_the_unshared_source`."""
    from extract.numbers import _alt, _words

    w = _words()
    card = rf"(?:{_alt(w['cardinal'])})"
    words = (rf"(?:\ba\s+(?:{_alt(w['scale'])})\b|\b{card}"
             rf"(?:[\s-]+{card}|(?<=hundred)\s+and\s+{card}|(?<=thousand)\s+and\s+{card})*\b)")
    digits = r"(?<![\w£$€.,/:])(?!0\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,./]\d|,\d)"
    num = rf"(?:\bhalf\s+a\s+dozen\b|{digits}|{words})"
    pct = rf"(?:\s?(?:{'|'.join(w['percent'])}))"
    share = (rf"(?:\b(?:{_alt(w['numerator'])})[\s-](?:{_alt(w['denominator'])})\b"
             rf"|\bhalf\b(?!\s+a\s+dozen)|\b(?:one|1)\s+in\s+(?:every\s+)?{num}"
             rf"|{num}\s+in\s+every\s+{num}|{num}\s+out\s+of\s+(?:every\s+)?{num})")
    amount = rf"(?:{share}|{num}{pct}?(?![\w£$€]))"
    when = r"(?:(?:in\s+\d{4}|(?:[\w-]+\s+){1,2}ago|last\s+year|previously)\s+)?"
    core = (rf"(?:\bfrom\s+{amount}\s+{when}(?:to|down\s+to|up\s+to)\s+{amount}"
            rf"|\bbetween\s+{amount}\s+and\s+{amount}"
            rf"|{amount}(?:\s?[-–—]\s?|\s+to\s+|\s+or\s+(?=\S+\s+(?!or\b)[a-z])){amount}"
            rf"|{amount}|\b(?:{_alt(w['vague'])})\b)")
    return {"num": num, "share": share, "core": core, "pct": pct,
            "qual": _alt(p for p, _ in w["qualifier"])}


_SHARED_END_TEXTS = [
    "one hundred and twenty staff, two thousand and five posts, a hundred and ten roles",
    "Nine Hundred And Ninety-Nine, thousand and one, hundred and, twenty and five hundred",
    "from one hundred and twenty to two thousand and six, between a hundred and 300",
    "six hundred  and\nfive, seventy-two thousand and twelve or more, hundreds and hundreds",
    "one in four, 1 in every 5, three in every ten, two out of every three, 9 out of 10",
    "from 21 per cent two years ago to 14 per cent; from 12 in 2020 down to 9; up to 40%",
    "between one in five and one in four; 12-15 posts, 20 to 30, three or four staff, 7 or",
    "more than 1,200 (up 4.5%) 30+ officers, 20-plus, half a dozen, two-thirds, dozens of",
    "between 3 and, from 4 to, one out of, 5 in every, seventy two thousand and and nine",
]


@pytest.mark.parametrize("seed", range(4))
def test_numbers_shared_branch_ends_equal_the_unshared_source(seed: int) -> None:
    """The quantity, amount and share regexes must match as the unshared source did, at
    every position of table texts and random mixes of their words, group by group, in
    the case-folding and the lowered form."""
    import random

    from extract.figures_literals import lower_literals
    from extract.numbers import _amount_regex, _quantity_source, _share_regex
    from extract.numbers_find import _lowered_regexes

    old = _unshared_parts()
    old_source = (r"(?:\b(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)"
                  rf"(?P<qual>{old['qual']})\s+)?(?P<core>{old['core']})"
                  r"(?P<plus>-?plus\b|\+|\s+or\s+(?:more|over|above)\b)?")
    assert len(old_source) > 2 * len(_quantity_source())
    old_amount = re.compile(rf"(?P<share>{old['share']})|(?P<num>{old['num']})"
                            rf"(?P<pct>{old['pct']})?", re.I)
    old_lower = re.compile(lower_literals(old_source) or "", 0)
    pairs = [(re.compile(old_source, re.I), quantity_regex()), (old_amount, _amount_regex()),
             (old_lower, (_lowered_regexes() or (quantity_regex(),))[0])]
    words = " ".join(_SHARED_END_TEXTS).replace(",", " ,").split()
    rng = random.Random(seed)
    texts = _SHARED_END_TEXTS if seed == 0 else [
        " ".join(rng.choice(words) for _ in range(30)) for _ in range(40)]
    for text in texts:
        for old_regex, new_regex in pairs:
            target = text.lower() if old_regex is old_lower else text
            for at in range(len(text)):
                new, before = new_regex.match(target, at), old_regex.match(target, at)
                assert (new and new.regs) == (before and before.regs), text[at:]
    assert _share_regex().match("two out of every three")
