"""Quotes: marks, multi-paragraph quotes, speakers before/after/on the line before, reported."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_context
from extract.officials import extract_quotes
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
