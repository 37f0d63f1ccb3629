"""Faster award readings are the slower ones they replaced: each old form is kept here as
the reference and compared on random texts made of the pieces the readings look for."""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

import pytest

from extract import awards, awards_gate, awards_lines, awards_merge, awards_went
from extract import awards_find as find
from extract import awards_scope as scope_words

# Pieces that matter to the readings (dates, ceremony words, council names, titles, verbs)
# and plain filler; random texts are made of them.
PIECES = (
    "Monday", "on Friday", "last Saturday night", "yesterday", "12/06/2024", "3/4/19",
    "14th", "3", "January", "Febuary", "March", "May 2024", "September", "December 2023",
    "day", "night", "/", "ceremony", "presented", "announced", "held", "gala", "dinner",
    "luncheon", "Gala", "heldover", "Fife Council", "Westshire County Council", "the council",
    "Council", "council’s", "Team of the Year", "Best", "Best Employer", "Award", "Prize",
    "Year", "Awards", "went to", "goes to", "was won by", "was awarded to", "was presented to",
    "which", "that", "the", "category", "award", "prize", "Hartley Hub", "won", "went",
    "Kinship", "Jo Smith", ",", ".", ":", "–", "-", "\n", "\n\n", "  ", "(", ")", "’s",
)


def random_texts(seed: int, count: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, size)))
            for _ in range(count)]


TEXTS = random_texts(7, 3000, 30)


def test_awards_speed_date_in_gate_keeps_every_date() -> None:
    def old(text: str) -> str | None:
        match = scope_words._DATE.search(text)
        return match.group().removeprefix("on ").strip() if match else None

    found = [scope_words.date_in(text) for text in TEXTS]
    assert found == [old(text) for text in TEXTS]
    assert sum(f is not None for f in found) > 300  # the cases do hold dates


def test_awards_speed_ceremony_words_gate() -> None:
    told = [awards_merge._tells_of_ceremony(text) for text in TEXTS]
    assert told == [bool(awards_merge._CEREMONY_WORDS.search(text)) for text in TEXTS]
    assert 300 < sum(told) < len(TEXTS)


@pytest.mark.parametrize("cat", [
    "Team of the Year", "Best Employer", "Leaving Care Award", "Innovation Prize", "Time",
    "Venue", "Yearbook", "Best", "Awarded", "Contact", "The Best Team", "Years of Service",
])
def test_awards_speed_title_category_gate(cat: str) -> None:
    assert awards_lines._title_category(cat) == bool(awards_lines._TITLE_CAT.fullmatch(cat))


def test_awards_speed_title_category_gate_random() -> None:
    cats = [text.strip() for text in TEXTS]
    kept = [awards_lines._title_category(cat) for cat in cats]
    assert kept == [bool(awards_lines._TITLE_CAT.fullmatch(cat)) for cat in cats]
    assert sum(kept) > 100


def _old_went_to(sentence: str) -> list[tuple[int, str, str | None]]:
    """awards_went.went_to as it was, without the verb test first."""
    w = awards_went
    found: list[tuple[int, str, str | None]] = []
    for match in w._WENT_TO.finditer(sentence):
        cats = find.categories(sentence[:match.start()])
        name = w._WENT_NAME.match(sentence, match.end())
        bare = not re.match(r"which|that", match.group()) and not w._PRIZE_WORD_BEFORE.search(
            sentence, 0, match.start())
        if bare and cats and sentence[cats[-1][1]:match.start()].strip():
            continue
        prize_only = w._PRIZE_WORD_BEFORE.search(sentence, 0, match.start()) is not None
        if name and (cats or prize_only):
            found.append((name.start(), name.group(), cats[-1][2] if cats else None))
    return found


def test_awards_speed_went_to_verb_gate() -> None:
    found = [awards_went.went_to(text) for text in TEXTS]
    assert found == [_old_went_to(text) for text in TEXTS]
    assert sum(bool(f) for f in found) > 50


def _old_councils(text: str, publisher: str | None):  # type: ignore[no-untyped-def]
    """awards._councils as it was: every council of the text read at the first question."""
    found = scope_words.councils(text)
    starts, names = [s for s, _ in found], [n for _, n in found]

    def before(at: int) -> str | None:
        last = bisect_left(starts, at) - 1
        return names[last] if last >= 0 else publisher
    return before


@pytest.mark.parametrize("seed", range(5))
def test_awards_speed_councils_read_as_far_as_asked(seed: int) -> None:
    rng = random.Random(seed)
    for text in random_texts(seed, 300, 60):
        offsets = [rng.randint(0, len(text) + 1) for _ in range(rng.randint(1, 6))]
        if seed % 2 == 0:
            offsets.sort()  # sentences ask in text order; other orders must work too
        lazy, eager = awards._councils(text, "P"), _old_councils(text, "P")
        assert [lazy(at) for at in offsets] == [eager(at) for at in offsets]


def _old_article_date(sentences: list[str]):  # type: ignore[no-untyped-def]
    """awards_merge._article_date as it was: every sentence read in turn."""
    def date(ceremony: str | None) -> str | None:
        for words in sentences:
            named = ceremony and ceremony in words
            if (named or awards_merge._CEREMONY_WORDS.search(words)) and (
                    found := scope_words.date_in(words)):
                return found
        return None
    return date


@pytest.mark.parametrize("seed", range(4))
def test_awards_speed_article_date_from_sentences_holding_words(seed: int) -> None:
    rng = random.Random(seed)
    ceremonies = [None, "", "Gala", "Fife Council", "Team of the Year", "Awards", "held over"]
    for text in random_texts(100 + seed, 400, 80):
        cuts = sorted({0, len(text), *(rng.randint(0, len(text)) for _ in range(6))})
        # sentences with gaps between them, as white space between sentences leaves
        bounds = [(low + (rng.random() < 0.3), high) for low, high in pairwise(cuts)]
        bounds = [(low, high) for low, high in bounds if low < high]
        new = awards_merge._article_date(text, bounds)
        old = _old_article_date([text[low:high] for low, high in bounds])
        assert [new(c) for c in ceremonies] == [old(c) for c in ceremonies]


# The "council" pattern of awards_words.jsonl before it opened with its capital.
_OLD_COUNCIL = re.compile(
    "(?=[A-Z])(?:(?:(?:London Borough|Royal Borough|City|Shire|Town|County|Municipality|"
    "District) of [A-Z][\\w’'-]+(?:[ -][A-Z][\\w’'-]+)*|(?:[A-Z][\\w’'-]{1,40} ){1,12}"
    "(?:and (?:[A-Z][\\w’'-]{1,40} ){1,12})?Council))")


@pytest.mark.parametrize("seed", range(3))
def test_awards_speed_council_pattern_opening_with_its_capital(seed: int) -> None:
    pieces = ("London Borough", "Royal Borough", "City", "Shire", "Town", "County",
              "Municipality", "District", "of", "and", "Council", "council", "Fife", "X", "Ab",
              "Westby-on-Sea", "O’Neill", "Lo", "London", "Borough", " ", "\n", ",", "-", "'")
    rng = random.Random(seed)
    pattern, found = find.words()["council"], 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice((" ", " ", "", "-"))
                       for _ in range(rng.randint(1, 30)))
        spans = [m.span() for m in pattern.finditer(text)]
        assert spans == [m.span() for m in _OLD_COUNCIL.finditer(text)], text
        found += len(spans)
    assert found > 500


@pytest.mark.parametrize("seed", range(3))
def test_awards_speed_results_lines_only_where_the_gate_says(seed: int) -> None:
    pieces = ("Gold", "silver", "BRONZE", "Winners", "winner", "Highly commended", "Runner-up",
              "Finalist", "Shortlisted", "Results", "Team of the Year", "Care Award",
              "Innovation Prize", "Best Team", "Jo Smith", "Hartley Hub", "Time", ":", ";",
              "–", "-", "\n", "\n", " ", ",", ".", "year", "best")
    rng = random.Random(seed)
    held = 0
    for _ in range(4000):
        # lines of "words: words; words", as results lines are written
        text = "\n".join(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
                         + rng.choice((": ", ":", " – ", " "))
                         + "; ".join(" ".join(rng.choice(pieces) for _ in range(3))
                                     for _ in range(rng.randint(1, 3)))
                         for _ in range(rng.randint(1, 4)))
        if awards_lines.medal_lines(text):
            held += 1
            assert awards_lines.may_hold_results(text, awards_gate.word_hits(text)), text
    assert held > 200
    assert not awards_lines.may_hold_results("Time: 10am\nVenue: Hall", ([], [], []))


def _trigger_sources() -> list[str]:
    return [row["pattern"] for row in find._rows("awards_triggers.jsonl")]


def test_awards_speed_lead_letters_rewrites_the_triggers() -> None:
    # most triggers open with a word boundary and a group of words: those are rewritten
    sources = _trigger_sources()
    rewritten = [s for s in sources if find.lead_letters(s) != s]
    assert len(rewritten) > len(sources) // 2
    assert find.lead_letters(r"\b(?:came|comes|finished)\s+") == \
        r"(?:c(?<!\wc)(?:ame|omes)|f(?<!\wf)(?:inished))\s+"
    assert find.lead_letters(r"\bnamed\s+") == r"named(?<!\wnamed)\s+"
    assert find.lead_letters(r"\bwins?\b") == r"win(?<!\wwin)s?\b"
    for kept in (r"(?<=,)\s*x", r"\b(?:(?:has|had)\s+)", r"\b(?:a+|b)", r"\ba+", r"\b\d"):
        assert find.lead_letters(kept) == kept


def _trigger_words() -> list[str]:
    """The words of the triggers' opening groups, and what surrounds them."""
    words = {w for s in _trigger_sources() for w in re.findall(r"[a-z]+", s[:400])}
    return sorted(words)


@pytest.mark.parametrize("seed", range(3))
def test_awards_speed_lead_letters_match_as_the_word_boundary(seed: int) -> None:
    """Each rewritten trigger finds what the original finds, at every search offset, in
    texts where its words stand alone, inside other words ("xwon", "_took", "éwon",
    "2was") and at the text's start."""
    rng = random.Random(seed)
    pieces = (*_trigger_words(), *PIECES, "x", "_", "é", "2", "Best Team", "of the Year")
    pairs = [(re.compile(s), re.compile(find.lead_letters(s))) for s in _trigger_sources()]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ", " ", " ", "\n"))
                       for _ in range(rng.randint(1, 30)))
        at = rng.randint(0, len(text))
        for old, new in pairs:
            assert [(m.span(), m.groups()) for m in old.finditer(text)] == \
                [(m.span(), m.groups()) for m in new.finditer(text)], (old.pattern, text)
            one, two = old.search(text, at), new.search(text, at)
            assert (one and one.span()) == (two and two.span()), (old.pattern, text, at)


_DATE_PIECES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                "last", "this", "on", "night", "evening", "(the 3rd)", "(the", "yesterday",
                "12/06/2024", "1/2/24", "3", "14", "21st", "2nd", "104", "2024", "June", "May",
                "Mayor", "x", "_", "é", "٣", "l", "t", "o", "y", "S", ",", ".", "\n")


@pytest.mark.parametrize("seed", range(3))
def test_awards_speed_date_led_by_its_first_character(seed: int) -> None:
    """The date regex led by its first characters finds what the regex as written finds,
    at every search offset, in texts where its words stand alone, run into other words
    ("xMonday", "onMonday", "_14 June", "é3/4/2024", Arabic-Indic digits) and open the text."""
    rng = random.Random(seed)
    written = re.compile(scope_words._DATE_AS_WRITTEN)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(_DATE_PIECES) + rng.choice(("", " ", " ", " ", "  ", "\n"))
                       for _ in range(rng.randint(1, 12)))
        expected = [(m.span(), m.group()) for m in written.finditer(text)]
        assert [(m.span(), m.group()) for m in scope_words._DATE.finditer(text)] == expected, text
        for at in range(len(text) + 1):
            one, two = written.search(text, at), scope_words._DATE.search(text, at)
            assert (one and one.span()) == (two and two.span()), (text, at)
        found += len(expected)
    assert found > 1000  # the texts do hold dates


# The results-line gate's hand-kept words stand for the regexes a results line needs:
# proved from the parsed regexes (tests/test_awards.py's proof), so the list cannot drift.
_CASE_SENSITIVE_TITLE_WORDS = ("year", "best")  # looked for as "Year" and "Best" in the text


def _results_line_proofs(words: Sequence[str]) -> list[bool]:
    from test_awards import _proves
    return [_proves(awards_lines._LEVEL, words),
            _proves(awards_lines._TITLE_CAT.pattern, [*words, *_CASE_SENSITIVE_TITLE_WORDS]),
            _proves(awards_lines._WINNERS_HEAD.pattern, [*words, "result"])]


def test_awards_speed_level_words_stand_for_the_result_line_regexes() -> None:
    """Every `_ITEM` level, `_TITLE_CAT` title and `_WINNERS_HEAD` heading holds one of
    `_LEVEL_WORDS` (or a word `may_hold_results` looks for itself), and no word of the
    list is idle: without any one of them a proof fails."""
    words = awards_lines._LEVEL_WORDS
    assert all(_results_line_proofs(words))
    for dropped in words:
        assert not all(_results_line_proofs([w for w in words if w != dropped])), dropped
    # "Year" and "Best" are looked for case-sensitively: the title regex is case-sensitive
    title = awards_lines._TITLE_CAT
    assert not title.flags & re.IGNORECASE
    assert all(w.capitalize() in title.pattern for w in _CASE_SENSITIVE_TITLE_WORDS)
    assert awards_lines._ITEM.flags & awards_lines._WINNERS_HEAD.flags & re.IGNORECASE


@pytest.mark.parametrize("pattern", [
    r"(?P<level>gold|silver|platinum)",  # a level the list does not hold
    r"(?:.+\bof\s+the\s+Year|.+\b(?:Award|Trophy))",  # a title word it does not hold
])
def test_awards_speed_level_words_proof_fails_on_a_word_missing(pattern: str) -> None:
    from test_awards import _proves
    assert not _proves(pattern, [*awards_lines._LEVEL_WORDS, *_CASE_SENSITIVE_TITLE_WORDS])
