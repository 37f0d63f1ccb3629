"""Sentence starts: the array version gives exactly the sentencizer's boundaries plus a start
after every blank line (the definition the pipeline used before, kept here as the reference)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.sentences import mark_sentences

GOLDEN = Path(__file__).parent / "golden" / "articles"


@Language.component("reference_paragraphs")
def _reference_paragraphs(doc: Doc) -> Doc:
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]):
        if doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    return doc


@pytest.fixture(scope="module")
def reference() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("reference_paragraphs")
    return nlp


def _starts(doc: Doc) -> list[bool | None]:
    return [token.is_sent_start for token in doc]


def _check(reference: Language, text: str) -> None:
    expected = reference(text)
    doc = mark_sentences(reference.make_doc(text))
    assert _starts(doc) == _starts(expected), text[:80]
    assert [s.text for s in doc.sents] == [s.text for s in expected.sents]


CASES = [
    "",
    " ",
    "\n\n",
    ".",
    "...",
    "One sentence",
    "One. Two! Three? Four",
    "He said: “It works.” Then he left.",
    "(Brackets.) After them. [Another.] And “quotes.”",
    "Ends with a full stop.",
    "No. 10 Downing St. is a house. Dr. Lee spoke.",
    "First paragraph\n\nsecond paragraph\n\n\nthird",
    "Line one\nline two\n \n line three",
    "Wrapped\nhard at. \nthe end",
    "Unicode finals。 next ！ next ？ next ‼ next",
    "Fair on 8 June.\n\n\n\n“Come along,” she said.\n\n",
    "!!! ??? ... word",
    "\n\nStarts with a blank line. Then text.",
]


@pytest.mark.parametrize("text", CASES)
def test_sentences_match_sentencizer_and_paragraphs(reference: Language, text: str) -> None:
    _check(reference, text)


def test_sentences_match_on_golden_articles(reference: Language) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(GOLDEN.glob("*.txt"))]
    assert len(texts) > 20
    for text in texts:
        _check(reference, text)


def test_sentences_match_on_random_token_mixes(reference: Language) -> None:
    pieces = ["word", "Word", ".", "!", "?", "“", "”", "\"", "(", ")", ",", ";", ":", "\n",
              "\n\n", " ", "  ", "St.", "10am.", "‼", "．", "-", "—", "'s", "…"]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"])
                       for _ in range(rng.randint(1, 40)))
        _check(reference, text)


def test_sentences_bounds_equal_doc_sents(nlp: Language) -> None:
    from extract.doctext import sentence_bounds

    rng = random.Random(11)
    texts = [path.read_text(encoding="utf-8") for path in sorted(GOLDEN.glob("*.txt"))[:30]]
    texts += ["", "One.", "\n\nLead blank line. Then.\n\n", *CASES]
    texts += ["".join(rng.choice(["Word", ".", " ", "\n\n", "“", "”", "!"]) for _ in range(30))
              for _ in range(100)]
    for text in texts:
        doc = nlp(text)
        expected = [(sent.start_char, sent.end_char) for sent in doc.sents] if len(doc) else []
        assert sentence_bounds(doc) == expected, text[:60]
        assert sentence_bounds(doc) == expected  # the cached copy


def test_sentences_token_starts_equal_doc_sents(nlp: Language) -> None:
    from extract.doctext import sentence_token_starts

    rng = random.Random(12)
    texts = ["", "One.", "One. Two! Three?\n\nFour", *CASES]
    texts += ["".join(rng.choice(["Word", ".", " ", "\n\n", "“", "”", "!", "?", "-"])
                      for _ in range(30)) for _ in range(200)]
    for text in texts:
        doc = nlp(text)  # the sentence component keeps the starts it sets
        expected = [sent.start for sent in doc.sents] if len(doc) else []
        assert sentence_token_starts(doc) == expected, text
        doc.user_data.clear()  # read back from the flags instead
        assert sentence_token_starts(doc) == expected, text
