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
