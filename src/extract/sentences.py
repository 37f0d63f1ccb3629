"""Sentence starts for the blank pipeline: spaCy's sentencizer rule plus paragraph breaks.

The rule is the sentencizer's (a token that is neither punctuation nor a sentence-final
character starts a sentence when such a character came since the previous such token),
and every token after a blank line starts one too, because releases are
paragraph-per-line text. spaCy's own sentencizer makes a Token object per token to apply
the rule; here it runs over the token texts the extractors read anyway and sets every
start at once, which gives the same boundaries (tests/test_sentences.py checks that against
the sentencizer) in about a third of the time.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, SENT_START  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from extract.doctext import token_view

_FINAL = frozenset(Sentencizer.default_punct_chars)  # the sentencizer's sentence ends
_START = numpy.uint64(1)
_INSIDE = numpy.uint64(2**64 - 1)  # -1, the value a non-start token holds, as uint64


def sentence_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence (token 0 first)."""
    view = token_view(doc)
    punct = doc.to_array(IS_PUNCT).tolist()
    starts = [0]
    seen_end = False
    for i, text in enumerate(view.texts):
        if text in _FINAL:
            seen_end = True
        elif seen_end and not punct[i]:
            starts.append(i)
            seen_end = False
    # A blank line (white-space token of two or more line breaks) ends a paragraph.
    starts.extend(i + 1 for i, space in enumerate(view.is_space[:-1])
                  if space and view.texts[i].count("\n") >= 2)
    return starts


@Language.component("council_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Set sentence starts on a Doc that has none yet."""
    if len(doc):
        values = numpy.full((len(doc), 1), _INSIDE, dtype=numpy.uint64)
        values[sentence_starts(doc)] = _START
        # uint64, as Doc.to_array gives it; the stub's Ints2d is thinc's alias for the same.
        doc.from_array([SENT_START], values)  # type: ignore[arg-type]
    return doc
