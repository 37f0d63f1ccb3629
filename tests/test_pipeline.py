"""The pipeline's own components: a blank line starts a sentence, a single newline does not."""

from __future__ import annotations

import pytest
from spacy.language import Language

CASES = [
    ("Jobs fair\n\nCouncil news today", ["Jobs fair\n\n", "Council news today"]),
    ("Jobs fair \n \n Council news today", ["Jobs fair \n \n ", "Council news today"]),
    ("Jobs fair\n\n\n\nCouncil news", ["Jobs fair\n\n\n\n", "Council news"]),
]
# A single line break, trailing blank lines and an empty text start no sentence.
NOT_SPLIT = [
    "Jobs fair\nat the Grange Hall",
    "Jobs fair at the Grange Hall\n\n",
    "",
    "\n\n",
]


@pytest.mark.parametrize(("text", "sentences"), CASES)
def test_pipeline_blank_line_starts_a_sentence(
    nlp: Language, text: str, sentences: list[str]
) -> None:
    assert [s.text_with_ws for s in nlp(text).sents] == sentences


@pytest.mark.parametrize("text", NOT_SPLIT)
def test_pipeline_no_sentence_start_without_a_blank_line_before_a_word(
    nlp: Language, text: str
) -> None:
    assert len(list(nlp(text).sents)) <= 1


TOKEN_VIEW_TEXTS = [
    "",
    " ",
    "Plain ASCII text, with 10am. and Cllr Lee.",
    "“Curly” quotes’ and Straße \n\n next",
    "İstanbul İZMİR: a letter whose lower case is longer",
    "ΟΔΟΣ ΑΣ. ΣΑΣ's: final sigma depends on the next letter",
    "KELVIN \u212a and long s \u017f",
]


@pytest.mark.parametrize("text", TOKEN_VIEW_TEXTS)
def test_pipeline_token_view_equals_token_attributes(nlp: Language, text: str) -> None:
    from extract.doctext import token_view

    doc = nlp.make_doc(text)
    view = token_view(doc)
    assert view.texts == [token.text for token in doc]
    assert view.lowers == [token.text.lower() for token in doc]
    assert view.starts == [token.idx for token in doc]
    assert view.is_space == [token.is_space for token in doc]


@pytest.mark.parametrize("text", TOKEN_VIEW_TEXTS)
def test_pipeline_lowered_is_lower_where_case_folding_agrees(text: str) -> None:
    from extract.doctext import folds_as_lower, lowered

    expected = text.lower() if folds_as_lower(text) else None
    assert lowered(text) == expected
    assert lowered(text) == expected  # the kept answer for the same text
    if expected is not None:
        assert len(expected) == len(text)
