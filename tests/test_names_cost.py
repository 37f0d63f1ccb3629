"""People and quotes on dense text: fast paths give the answers of the plain definitions, and
doubling a hostile text at most about doubles the time."""

from __future__ import annotations

import random
import re
import time

import pytest
from spacy.language import Language

from conftest import make_context
from extract.names_anchor import _COMMA_CLAUSE, _PAREN_AFTER, _TITLE_COMMA_BEFORE, role_aside
from extract.names_find import (
    _MAX_NAME_WORDS,
    Mention,
    _middle_initial,
    _name_word,
    name_end,
)
from extract.names_lexicon import word_set
from extract.names_runs import Tok, closes, name_runs
from extract.names_surnames import (
    _AFTER_PREPOSITION,
    _CAPITAL_BEFORE,
    _LONE,
    _SPEAKS,
    FIRST_ONLY,
    _Cover,
    _lone_first,
    first_name_speakers,
    surname_hits,
)
from extract.officials import extract_officials, extract_quotes
from extract.officials_county import _COUNTY, _most_common, county_board
from extract.officials_orgs import CAP as _CAP
from extract.officials_orgs import _body_rules, _found_bodies, office_body
from extract.officials_people import (
    _CONTACT_AFTER,
    _CONTACT_BEFORE,
    _CONTACT_HINT,
    _contact_after,
    excluded_mention,
)
from extract.officials_split import known_in
from extract.officials_titles import _TITLE_CHUNK
from extract.officials_titles import title_list_tail as _title_list_tail
from extract.quotes_merge import _without_overlaps_by_pairs, without_overlaps
from extract.quotes_reported import _clause, _clause_end, _stops
from extract.quotes_subject import _TRAIL, QuoteFind, trail_start


def _reference_tail(text: str, pos: int) -> str:
    """The title-list tail as first written: chunks walked from `pos` for every name."""
    if not re.search(r"[A-Z][\w’'-]*$", text[max(0, pos - 30) : pos]):
        return ""
    tail = ""
    while match := _TITLE_CHUNK.match(text, pos):
        tail += ", " + " ".join(match.group("chunk").split())
        pos = match.end()
        if re.search(r"\s(?:and|&)\s", match.group("chunk")):
            return tail
    return ""


TITLE_TEXTS = [
    "Cabinet Member for Adult Care, Health and Ageing Well, said it was good.",
    "Cllr Ann Lee, Cllr Ann Lee, Cllr Ann Lee, Cllr Ann Lee and Rob Hart, said so.",
    "Director of Care, Housing, Health & Wellbeing, Parks and Leisure, Ann Lee",
    "Head of Service, Fostering, Adoption, Kinship Care, Youth Justice, Early Help.",
    "Lead, " * 30 + "Care and Health, then more",
    "Ann Lee, " * 30 + "Rob Hart",
    "Member for A,\nB and\n\nC, D",
]


@pytest.mark.parametrize("text", TITLE_TEXTS)
def test_names_title_list_tail_equals_the_walk(text: str) -> None:
    """Memoised chains give the walked tail; a tail too long for a role is None."""
    for pos in range(len(text) + 1):
        expected = _reference_tail(text, pos)
        got = _title_list_tail(text, pos)
        if got is None:
            assert len(expected.split()) > 22, (pos, expected)
        else:
            assert got == expected, (pos, got, expected)


def _reference_clause(text: str, pos: int) -> tuple[int, int] | None:
    """The reported clause as the whole regex found it: (start, end of its match)."""
    full = re.compile(_clause().pattern[: -len("(?P<clause>\\w)")]
                      + r"(?P<clause>\w[^“”\":‘]*?)"
                      r"(?=[.!?](?:\s|$)|\n\s*\n|[“”\":‘]|$)")
    match = full.match(text, pos)
    return (match.start("clause"), match.end("clause")) if match else None


CLAUSE_TEXTS = [
    "He said the team was proud. She said that it went well! They said: no.",
    "He told the meeting on Monday that the fair was full\n\nof people",
    "He said we were there\n \t \nand then said it again ‘once’ more “x” said",
    "said the end\n",
    "said the end.\n",
    "said the end \n\n\n\n   ",
    "and he said " * 40,
    "he said, that was it? said how it went!said that",
]


@pytest.mark.parametrize("text", CLAUSE_TEXTS)
def test_names_reported_clause_ends_at_the_first_stop(text: str) -> None:
    """The clause start from the short regex and its end from the stop list equal the match
    of the whole clause regex, at every position."""
    _stops.cache_clear()
    for pos in range(len(text) + 1):
        expected = _reference_clause(text, pos)
        match = _clause().match(text, pos)
        got = None if match is None else (match.start("clause"),
                                           _clause_end(text, match.start("clause"))[0])
        assert got == expected, pos


def test_names_trail_search_starts_where_a_match_can() -> None:
    """`trail_start` finds the leftmost `_TRAIL` match of a full search on random windows."""
    words = ["has", "had", "also", "said", "says", "told", "wanted", "and", "but", "x", "he",
             "Ann", ".", ":", "\n", "ed", "a" * 90, "a" * 40]
    seps = [" ", "  ", "\n", " \t ", " " * 20]
    rng = random.Random(7)
    for _ in range(3000):
        window = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 40)))
        window = window[rng.randint(0, len(window)) :] if rng.random() < 0.3 else window
        match = _TRAIL.search(window)
        assert trail_start(window) == (match.start() if match else None), repr(window)


def test_names_overlap_removal_equals_pairwise() -> None:
    rng = random.Random(3)
    for _ in range(500):
        quotes = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 200)
            quotes.append(QuoteFind(start, start + rng.randint(1, 40),
                                    rng.choice(["direct", "reported"]), None))
        ordered = sorted(quotes, key=lambda q: (q.kind != "direct", q.start, -q.end))
        assert without_overlaps(quotes) == _without_overlaps_by_pairs(ordered)


def _reference_surname_hits(text: str, surnames: set[str]) -> list[tuple[int, int]]:
    """The surname search as first written: one alternation regex per article."""
    pattern = re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?![’'-]\w)")
    return [match.span() for match in pattern.finditer(text)]


_SURNAME_PIECES = ("Lee", "Leeson", "Vaughan", "Vaughan-Jones", "O’Neill", "O", "Neill", " ",
                   "-", "’", "'", "x", "Lees", ".", "\n", "é", "1", "_", "J.", "Ann")
_SURNAMES = ("Lee", "Leeson", "Vaughan", "Vaughan-Jones", "O’Neill", "O", "Neill", "Lees",
             "J.", "Ann", "ee", "n-J")


@pytest.mark.parametrize("many", [False, True])
def test_names_surname_search_equals_the_alternation(many: bool) -> None:
    # Prefixes of each other, hyphens, apostrophes and dots: the first sorted surname that
    # fits wins at a position, and no hit starts inside the one before.
    rng = random.Random(7)
    extra = {f"Zed{n}" for n in range(20)} if many else set()
    for _ in range(3000):
        text = "".join(rng.choice(_SURNAME_PIECES) for _ in range(rng.randint(1, 25)))
        surnames = set(rng.sample(_SURNAMES, rng.randint(1, 6))) | extra
        assert surname_hits(text, surnames) == _reference_surname_hits(text, surnames), text


def _reference_office_body(text: str, said: str) -> str | None:
    """The office look-up as first written: every row's office searched in `said` per call."""
    for rule, find in _found_bodies():
        if rule.search(said) and (named := find.search(text)):
            return " ".join(named.group().split())
    said_state = not re.search(r"\b(?:Federal|Commonwealth|Shadow)\b", said)
    states = [org for rule, cue, org, state in _body_rules()
              if state and rule.search(said) and cue is not None and cue.search(text)]
    for rule, cue, org, state in _body_rules():
        if state or not rule.search(said):
            continue
        if cue is None or cue.search(text):
            return org
    return states[0] if said_state and len(states) == 1 else None


_OFFICE_SAID = ("Minister for Housing", "the state Minister for Health", "Senator", "TD",
                "Federal Member for Bass", "Shadow Minister for Roads", "Police Chief",
                "Minister for Education TD", "Senator Minister", "leader of the council", "")
_OFFICE_TEXTS = ("The NSW plan.", "Queensland and South Australia agreed.", "In the Dáil, a TD.",
                 "Springfield Police Department said.", "Western Australia.", "Nothing here.",
                 "Oireachtas committee and NSW Government")


@pytest.mark.parametrize("said", _OFFICE_SAID)
def test_names_office_rows_found_once_per_title(said: str) -> None:
    for text in _OFFICE_TEXTS:
        for _ in range(2):  # the second call answers from the cached rows
            assert office_body(text, said) == _reference_office_body(text, said), text


def _reference_role_aside(text: str, start: int, stop: int) -> bool:
    """The aside test as first written: the window searched for every name."""
    heads = word_set("officials_role_heads.txt")
    before = _TITLE_COMMA_BEFORE.search(text, max(0, start - 80), start)
    if before and _COMMA_CLAUSE.match(text, stop) and any(
            w.lower() in heads for w in before.group(1).split()):
        return True
    paren = _PAREN_AFTER.match(text, stop)
    return paren is not None and any(
        w.lower().strip(",") in heads for w in paren.group(1).split())


def test_names_role_aside_needs_a_comma_before() -> None:
    rng = random.Random(5)
    titles = ("Head of Fostering", "the team manager", "Director", "x y", "", "Deputy Director")
    gaps = (",", ", ", ",\n", ", \n\t", ",\n\n", " ", "", ". ", ",x ")
    afters = (", said", ", who", " (Head of Fostering)", " (x)", " said", "", ",\n added")
    asides = 0
    for _ in range(3000):
        before = rng.choice(titles) + rng.choice(gaps)
        text = before + "Kwame Osei" + rng.choice(afters)
        start = len(before) if rng.random() < 0.9 else rng.randint(0, len(text))
        stop = max(start, len(before) + 10 if rng.random() < 0.9 else rng.randint(0, len(text)))
        asides += _reference_role_aside(text, start, stop)
        assert role_aside(text, start, stop) == _reference_role_aside(text, start, stop), (
            text, start, stop)
    assert asides > 100  # the cases reach both answers


def _reference_name_end(run: list[Tok], i: int, *, anchored: bool) -> int:
    """The name-end walk as first written, through the token helpers."""
    soft = word_set("names_surname_places.txt")
    j = i
    while j < len(run) and j - i < _MAX_NAME_WORDS:
        tok = run[j]
        last = j + 1 == len(run) or closes(tok.text)
        if tok.bare.lower() in soft and j > i and anchored and last:
            return j + 1
        if not (_name_word(tok) or _middle_initial(run, i, j)) or tok.bare.lower() in soft:
            break
        j += 1
        if closes(tok.text):
            break
    return j


def test_names_name_end_reads_each_word_once() -> None:
    rng = random.Random(11)
    words = ("Ann", "Lee", "J", "J.", "Hall", "Green", "Lee’s", "Council", "NHS", "Mr", "Ó",
             "van", "Dr.", "Smith.", "Park", "Wood")
    for _ in range(3000):
        run = [Tok(n * 10, n * 10 + len(w), w)
               for n, w in enumerate(rng.choice(words) for _ in range(rng.randint(1, 7)))]
        i = rng.randrange(len(run))
        for anchored in (False, True):
            assert name_end(run, i, anchored=anchored) == _reference_name_end(
                run, i, anchored=anchored), ([t.text for t in run], i, anchored)


def test_names_contact_search_needs_a_contact_word() -> None:
    rng = random.Random(17)
    pieces = ("Contact ", "contact ", "E-mail ", "email ", "Call ", "CALL ", "Ring ", "ring ",
              "Phone ", "Telephone ", "Enquiries ", "enquiries: ", "during ", "the ", ". ",
              "\n", "x")
    hits = 0
    for _ in range(3000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        text = before + "Ann Lee said."
        mention = Mention(start=len(before), end=len(before) + 7, name="Ann Lee",
                          tail_end=len(before) + 7)
        window = before[max(0, len(before) - 60) :]
        hits += bool(_CONTACT_BEFORE.search(window))
        if _CONTACT_BEFORE.search(window):
            assert excluded_mention(text, mention), text
    assert hits > 100


def test_names_ties_go_to_the_first_named() -> None:
    """Equally frequent counties and two known bodies: the first named wins, in any process."""
    assert _most_common(["Brown County", "Adams County", "Adams County", "Brown County"]) == (
        "Brown County")
    assert _most_common(["Adams County", "Brown County", "Brown County", "Adams County"]) == (
        "Adams County")
    text = "The Board of Commissioners met. Brown County and Adams County agreed."
    assert county_board(text, "Commissioner", None) == "Brown County Board of Commissioners"
    assert known_in("organiser for Unison and the GMB") == "Unison"
    assert known_in("organiser for GMB and Unison") == "GMB"
    assert known_in("Social Work England and Ofsted") == "Social Work England"
    assert known_in("a union organiser") is None


def _seconds(nlp: Language, text: str) -> float:
    start = time.monotonic()
    doc = nlp(text)
    context = make_context("2019-06-14")
    extract_officials(doc, context=context)
    extract_quotes(doc, context=context)
    return time.monotonic() - start


@pytest.mark.parametrize("phrase", [
    "Cllr Ann Lee, ", "and he said ", "“We are proud,” said Cllr Lee. ", "said: ",
])
def test_names_dense_people_and_speech_stay_linear(nlp: Language, phrase: str) -> None:
    """Four times the text at most ~4 times the time (8 allowed for noise)."""
    def timed(n: int) -> float:
        text = (phrase * (n // len(phrase) + 1))[:n]
        # A different opening each time: the same text would be answered from the caches.
        return min(_seconds(nlp, f"{'Note. ' * k}{text}") for k in range(2))

    small, large = timed(8_000), timed(32_000)
    assert large < max(8 * small, 1.0), (small, large)


def test_names_county_search_matches_the_boundary_regex() -> None:
    """`_COUNTY` (boundary and stop words asked after the first capital) finds the matches of
    the regex written with them first."""
    old = re.compile(
        rf"\b(?!(?:The|In|At|For|And|Of|On|A)\s)(?P<c>{_CAP}(?:\s+{_CAP})?\s+County)\b"
        r"(?!\s+(?:Council|Hall|Court)\b)")
    rng = random.Random(21)
    pieces = ["The", "In", "At", "For", "And", "Of", "On", "A", "An", "Kent", "County", "Council",
              "Hall", " ", " ", "\n", "x", "_", "é", "1", ".", "’", "Thee", "Ath", "Ofx"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert [m.span("c") for m in _COUNTY.finditer(text)] == [
            m.span("c") for m in old.finditer(text)], text


def test_names_contact_after_gate_matches_the_regex() -> None:
    """`_contact_after` (no regex run without a digit, "@" or a long unbroken word near the
    name) answers as `_CONTACT_AFTER.match` does."""
    rng = random.Random(22)
    pieces = ["0", "1", "+", "(", ")", "-", "@", ".", " ", "\n", "x", "abcdefghij", "é", "²",
              "123", "٣"]
    fillers = ["x", "x", "x", " ", ".", "\n", "-", "1", "2019"]
    contacts = ["01234 567890", "+44 1234 56789", "a@b.org", "abcdefghijklmnop@x.org",
                "(123) 456-7890", "123-456-7890", "123.456.7890", "@", "0", "x.y", "(12) 3",
                "٠١٢٣ ٤٥٦٧٨٩"]
    found = 0
    for n in range(40000):
        if n % 2:
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            pos = rng.randint(0, len(text))
        else:  # a contact starting near the edge of the 52 characters
            text = "".join(rng.choice(fillers) for _ in range(rng.randint(40, 60)))
            text += rng.choice(contacts) + "".join(rng.choice(pieces) for _ in range(3))
            pos = 0
        expected = bool(_CONTACT_AFTER.match(text, pos))
        found += expected
        assert _contact_after(text, pos) is expected, text
    assert found > 200
    # An address whose name starts within 51 characters and whose "@" lies further on.
    far = [("x" * 60 + "@x.org", True), ("x" * 30 + " " + "y" * 40 + "@x.org", True),
           ("x" * 55 + " a@b.org", False), ("x" * 49 + " " + "y" * 9 + "@x.org", True)]
    for text, expected in far:
        assert bool(_CONTACT_AFTER.match(text, 0)) is expected, text
        assert _contact_after(text, 0) is expected, text


def _reference_first_name_speakers(text: str, known: list[Mention]) -> list[Mention]:
    """`first_name_speakers` as first written: every `_LONE` word of the text tried."""
    covered = _Cover([(m.hon_start if m.hon_start is not None else m.start, m.tail_end)
                      for m in known])
    found = []
    for match in _LONE.finditer(text):
        word = match.group("w")
        if not _lone_first(word):
            continue
        if _AFTER_PREPOSITION.search(text, max(0, match.start() - 12), match.start()):
            continue
        if _CAPITAL_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        if not _SPEAKS.match(text, match.end()) or covered.holds(match.start()):
            continue
        found.append(Mention(start=match.start(), end=match.end(), name=word,
                             tail_end=match.end(), anchor=FIRST_ONLY))
    return found


def test_names_first_name_speakers_match_the_word_walk() -> None:
    """Lone first names found back from the speech verbs are those found by trying every
    capitalised word: asides, commas, blank runs, hyphens and apostrophes, "commented"."""
    rng = random.Random(23)
    pieces = ["Emer", "Kyle", "Tom", "Ann", "Jo", "Lee", "Anne-Marie", "Tom’s", "Emer-", " ",
              "  ", "\n", "\t", ",", ", a social worker,", ", 19,", " said", " says", "said",
              " told", " commented", " added", " in", " to", "x", "Mr", ".", "“", "Kyle’", "é",
              *(", " + "a" * (n - 2) + " ," for n in (99, 100, 101))]  # asides at the limit
    hits = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        known = [Mention(start=0, end=3, name="Tom", tail_end=4)] if rng.random() < 0.2 else []
        expected = _reference_first_name_speakers(text, known)
        hits += bool(expected)
        assert first_name_speakers(text, known) == expected, text
    assert hits > 1000


def test_names_contact_hint_matches_the_alternation() -> None:
    """`_CONTACT_HINT` (one first-character class) is found where "0\\d|[+(]\\d|@|\\d{3}[-.]"
    is, between any two positions."""
    old = re.compile(r"0\d|[+(]\d|@|\d{3}[-.]")
    rng = random.Random(24)
    pieces = ["0", "1", "9", "+", "(", "@", "-", ".", " ", "x", "٣"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = _CONTACT_HINT.search(text, start, end)
        expected = old.search(text, start, end)
        assert (found and found.start()) == (expected and expected.start()), text


@pytest.mark.parametrize("word", ["AB", "É", "αβ", "Ab"])
def test_names_runs_long_capital_words_stay_linear(word: str) -> None:
    """A long word of capitals (or of another script) with no name after it: the run search
    must not start again at every capital inside it."""
    start = time.monotonic()
    assert name_runs(word * 100_000 + " went on") == []
    assert time.monotonic() - start < 2.0
