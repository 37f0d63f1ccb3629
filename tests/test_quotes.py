"""Quotes: marks, multi-paragraph quotes, speakers before/after/on the line before, reported."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest
from spacy.language import Language

from conftest import make_context
from extract.officials import extract_quotes
from extract.quotes_marks import _DOUBLE, _SINGLE, _single_kind, double_marks, single_marks
from extract.quotes_reported import _STOP_MARKS
from extract.quotes_subject import _SENTENCE_END
from extract.quotes_verbs import VERB, verb_spans
from extract.schema import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    return extract_quotes(nlp(text), context=make_context("2019-05-01"))


# (text, [(speaker, kind, first words of the quote)])
ATTRIBUTED = [
    ("Cllr Ann Lee, cabinet member, said: “We are hiring now.”",
     [("Ann Lee", "direct", "We are hiring")]),
    ('Cllr Ann Lee, cabinet member, said: "We are hiring now."',
     [("Ann Lee", "direct", "We are hiring")]),
    ("“We are hiring social workers now,” said Tom Hart, director of services.",
     [("Tom Hart", "direct", "We are hiring")]),
    ("“We are hiring social workers now,” Tom Hart, director of services, said.",
     [("Tom Hart", "direct", "We are hiring")]),
    ("Tom Hart, director of services, said:\n\n“We are hiring social workers now.”",
     [("Tom Hart", "direct", "We are hiring")]),
    ("Tom Hart, director of services, said: ‘Our staff are the backbone of everything.’",
     [("Tom Hart", "direct", "Our staff")]),
    ("Tom Hart, director, said: “One paragraph here.\n\n“Another one follows.\n\n"
     "“And the last one closes.”", [("Tom Hart", "direct", "One paragraph")]),
    ("Tom Hart, director, said: “First part of the quote.”\n\n“Second part of it here.”",
     [("Tom Hart", "direct", "First part"), ("Tom Hart", "direct", "Second part")]),
    ("Tom Hart, director, spoke first. “We will keep going no matter what,” he said.",
     [("Tom Hart", "direct", "We will keep")]),
    ("Cllr Ann Lee said the council was proud of its social workers.",
     [("Ann Lee", "reported", "the council was proud")]),
    ("Councillor Pat Moy (FF) said the county had fifteen vacant posts.",
     [("Pat Moy", "reported", "the county had")]),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTED)
def test_quotes_speaker_attribution(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = quotes(nlp, text)
    assert [(q.speaker, q.kind, q.text[: len(w)]) for q, (_, _, w) in zip(found, expected,
                                                                          strict=False)] == expected
    assert len(found) == len(expected)
    for quote in found:
        assert text[quote.start : quote.end] == quote.text


def test_quotes_multi_paragraph_quote_is_one_quote(nlp: Language) -> None:
    text = ("Tom Hart, director, said: “One paragraph here.\n\n“Another one follows.\n\n"
            "“And the last one closes.”\n\nThe fair opens at 10am.")
    (quote,) = quotes(nlp, text)
    assert quote.text.endswith("the last one closes.")
    assert "The fair" not in quote.text


# Quote marks and speech verbs that are not someone's words.
NOT_QUOTES = [
    "The team was rated “outstanding” by inspectors.",
    "The council’s ‘Grow Your Own’ scheme starts in May.",
    "Staff said goodbye to the old building.",
    "The carers’ group and the workers’ union met on Monday.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_quotes_false_positives(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


# (text, first words of the reported clause): reported speech in other shapes.
REPORTED = [
    ("PSA organiser Dan Voss said 17 per cent of posts were vacant.", "17 per cent"),
    ("Union organiser Shane Dwyer welcomed the plan but said members were tired.",
     "members were"),
    ("State Minister Lauren Ash congratulated the team and said the grants had helped.",
     "the grants"),
    ("Siobhan Twomey, Director of Services for Community, Culture and Placemaking at Easton "
     "City Council, said the council was delighted.", "the council was"),
    ("Robert Trew, Easton Council's strategic director for care and\nwellbeing, said the "
     "council had raised pay.", "the council had"),
    ("Kestrel's director, Dr Fiona Gant, told LGC the council had recruited 57 staff.",
     "LGC the council"),
    ("Cllr Pat Moy called on the minister to fund more posts.", "the minister"),
    ("Applications close at 5pm on Friday, City CEO Bernadette Quill confirmed.",
     "Applications close"),
]


@pytest.mark.parametrize(("text", "start"), REPORTED)
def test_quotes_reported_speech(nlp: Language, text: str, start: str) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "reported"]
    assert [q.text[: len(start)] for q in found] == [start]
    assert found[0].speaker is not None


def test_quotes_called_attributes_a_direct_quote(nlp: Language) -> None:
    text = "City Council member Tasha Green, who chairs the committee, called the plan “long " \
           "overdue and badly needed”."
    (quote,) = quotes(nlp, text)
    assert quote.speaker == "Tasha Green"


# Verbs near a name that do not report anyone's words.
NOT_REPORTED = [
    "Cllr Ann Lee welcomed the news.",
    "Cllr Ann Lee confirmed.",
    "Tom Hart, who joined in 2019, opened the fair on Monday.",
    "Cllr Ann Lee welcomed the visitors and opened the new wing.",
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_quotes_reported_false_positives(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


def _overlapping(found: list[Quote]) -> list[tuple[str, str]]:
    ordered = sorted(found, key=lambda q: q.start)
    return [(a.text, b.text) for a, b in pairwise(ordered)
            if b.start < a.end]


# A direct quote closed by a tag must not come back as reported speech (nor any part of it).
NO_DUPLICATES = [
    ('"We are hiring more staff this year," Cllr Ann Lee said. "It matters."', 2),
    ("“Caseloads are down. We want them lower still,” Tom Hart said.", 1),
    ("Tom Hart, director, said the plan was working. “Staff are staying longer. Turnover is "
     "down,” he said.", 2),
]


@pytest.mark.parametrize(("text", "count"), NO_DUPLICATES)
def test_quotes_no_overlapping_duplicates(nlp: Language, text: str, count: int) -> None:
    found = quotes(nlp, text)
    assert _overlapping(found) == []
    assert len(found) == count
    assert all(q.kind == "direct" for q in found if "“" in text[q.start - 1 : q.start])


# (text, expected speaker, first words of the reported clause)
REPORTED_SUBJECTS = [
    ("Cllr Ann Lee spoke at the meeting. She said the new posts would be filled by May.",
     "Ann Lee", "the new posts"),
    ("Tom Hart, director of services, opened the fair. He said caseloads of 20 were common.",
     "Tom Hart", "caseloads of 20"),
    ("Tom Hart is the director. Vacancies fell from 30 to 12 last year, Hart said, and the "
     "team is growing.", "Tom Hart", "Vacancies fell"),
    ("Minister for Children Ann Lee TD visited. Funding will rise by 5% next year, the "
     "Minister said.", "Ann Lee", "Funding will rise"),
    ("A council spokesperson said the average caseload was now 18.", None, "the average"),
    ("Inspectors said the service had improved in every area.", None, "the service had"),
    ("Foster carer Breda Quill, who has fostered for ten years, said carers needed more "
     "support.", "Breda Quill", "carers needed"),
    ("Emer, a social worker in the north team, said she had moved home from London.",
     "Emer", "she had moved"),
]


@pytest.mark.parametrize(("text", "speaker", "start"), REPORTED_SUBJECTS)
def test_quotes_reported_subjects(nlp: Language, text: str, speaker: str | None,
                                  start: str) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "reported"]
    assert [(q.speaker, q.text[: len(start)]) for q in found] == [(speaker, start)]


def test_quotes_second_verb_after_a_quote_keeps_the_speaker(nlp: Language) -> None:
    text = ("Cllr Ann Lee told the cabinet the position was “not sustainable” and said the "
            "borough would halve its agency use.")
    found = quotes(nlp, text)
    assert [(q.speaker, q.kind) for q in found] == [("Ann Lee", "direct"), ("Ann Lee", "reported")]
    assert found[0].text.endswith("the position was “not sustainable”")
    assert found[1].text.startswith("the borough would")


# (text, [(speaker, first words)]): speakers of direct quotes in harder places.
DIRECT_SPEAKERS = [
    ("Cllr Ann Lee said the plan was ready.\n\nFoster carer Breda Quill, who lives in Easton, "
     "said she was pleased.\n\n“We had nobody for four months,” she said.",
     [("Ann Lee", "the plan"), ("Breda Quill", "she was"), ("Breda Quill", "We had nobody")]),
    ("“We stopped paying agency rates and put the money into people,”\nHart said.\n“None of "
     "it is glamorous, but it works for us.”\n\nTom Hart is the director.",
     [("Tom Hart", "We stopped"), ("Tom Hart", "None of it")]),
    ("One young person, 19-year-old Kyle, said: “They helped me keep my flat.”",
     [("Kyle", "They helped")]),
    ("An Ofsted spokesperson said the judgment reflected “sustained improvement over years”.",
     [(None, "the judgment")]),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_SPEAKERS)
def test_quotes_direct_speakers(nlp: Language, text: str,
                                expected: list[tuple[str | None, str]]) -> None:
    found = quotes(nlp, text)
    assert [(q.speaker, q.text[: len(w)]) for q, (_, w) in zip(found, expected,
                                                              strict=False)] == expected
    assert len(found) == len(expected)


# Words of organisations and documents, slogans and non-clauses: not a person's quote.
NOT_PERSON_QUOTES = [
    "The report, by director of services Tom Hart, says turnover fell to 12 per cent.",
    "Caseloads have fallen, but the council says it still needs more staff.",
    "Ofsted says leaders have ‘stabilised the workforce’ after five years.",
    'The week carries the theme "Every child, in every community, needs a fair go".',
    "Workforce “more stable than for a decade”, report finds",
    "“Caseloads are now manageable for most teams,” the report says.",
]


@pytest.mark.parametrize("text", NOT_PERSON_QUOTES)
def test_quotes_not_person_quotes(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes(nlp, text)] == []


def test_quotes_said_after_an_event_is_not_a_clause(nlp: Language) -> None:
    text = ("“This is the bare minimum for our staff,” Commission President Ann Lee said after "
            "Tuesday's vote.")
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Ann Lee")]


def test_quotes_inner_apostrophes_are_passed_over() -> None:
    """Only single marks `_single_kind` can accept are visited: a mark between two letters or
    digits ("council’s", "rock'n'roll") never opens or closes a quote."""
    every = re.compile(r"[‘’']")
    rng = random.Random(1)
    pieces = "a1_ ‘’'\n([—–-:…é²x"
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        visited = [m.start() for m in _SINGLE.finditer(text)]
        kinds = [m.start() for m in every.finditer(text) if _single_kind(text, m.start())]
        assert [p for p in visited if _single_kind(text, p)] == kinds, text
    assert not _SINGLE.search("the council’s plan, rock'n'roll")


def test_quotes_verb_spans_match_the_verb_regex() -> None:
    """`verb_spans` (a search that skips to the character before a verb) finds exactly the
    spans of `VERB.finditer`: verbs at the start, after letters, digits, "_", accents, curly
    marks and line breaks, and "called on" over a line break."""
    rng = random.Random(2)
    pieces = ["said", "says", "added", "called", " on", "\n", " ", "_", "é", "²", "a", "1",
              "“", "’", "-", ".", "pointed out", "toldd", "Said", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert list(verb_spans(text)) == [m.span() for m in VERB.finditer(text)], text
    assert verb_spans("said it, and é said, then xsaid") == ((0, 4), (15, 19))


def test_quotes_sentence_end_matches_the_alternation() -> None:
    """`_SENTENCE_END` (one first-character class) matches where the two-way alternation it
    replaced matched, searched between any two positions."""
    old = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘])|\n[ \t]*\n")
    rng = random.Random(4)
    pieces = [".", "!", "?", "”", "’", "'", " ", "\t", "\n", "A", "a", "“", "‘", "\""]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in _SENTENCE_END.finditer(text, start, end)] == [
            m.span() for m in old.finditer(text, start, end)], text


def test_quotes_stop_marks_match_the_alternation() -> None:
    """`_STOP_MARKS` (one first-character class) finds the stops the three-way alternation it
    replaced found."""
    old = re.compile(r"[.!?](?=\s|$)|[“”\":‘]|\n(?=[^\S\n]*+\n)")
    rng = random.Random(5)
    pieces = [".", "!", "?", "“", "”", "\"", ":", "‘", "’", " ", "\t", "\n", "a", "\u2028"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert [m.start() for m in _STOP_MARKS.finditer(text)] == [
            m.start() for m in old.finditer(text)], text


def test_quotes_marks_found_by_find_match_the_regexes() -> None:
    """`double_marks` / `single_marks` (str.find per mark) give the positions of `_DOUBLE` /
    `_SINGLE` matches: marks at both ends, between letters, digits, "_" and accents."""
    rng = random.Random(6)
    pieces = "a1_ ‘’'“”\"\n([—–-:…é²x"
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert double_marks(text) == [m.start() for m in _DOUBLE.finditer(text)], text
        assert single_marks(text) == [m.start() for m in _SINGLE.finditer(text)], text
