"""Sentence starts for the blank pipeline: spaCy's sentencizer rule plus paragraph breaks.

The rule is the sentencizer's (a token that is neither punctuation nor a sentence-final
character starts a sentence when such a character came since the previous such token),
and every token after a blank line starts one too, because releases are
paragraph-per-line text. spaCy's own sentencizer makes a Token object per token to apply
the rule; here it looks only at the sentence-final tokens and the few after them, in the
token texts the extractors read anyway, and sets every start at once. That gives the same
boundaries (tests/test_sentences.py checks them against the sentencizer) in about a tenth
of the time.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from extract.doctext import remember_sentence_starts, token_view

_FINAL = frozenset(Sentencizer.default_punct_chars)  # the sentencizer's sentence ends
_START = numpy.uint64(1)
_INSIDE = numpy.uint64(2**64 - 1)  # -1, the value a non-start token holds, as uint64


def sentence_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence (token 0 first)."""
    view = token_view(doc)
    texts, size = view.texts, len(view.texts)
    starts = [0]
    # After a sentence-final token, the first token that is neither sentence-final nor
    # punctuation starts a sentence; the final tokens before it start nothing more. Only
    # the few tokens after a final one are looked at (as Tokens, for the lexeme's flag).
    after = 0
    for final in [i for i, text in enumerate(texts) if text in _FINAL]:
        if final < after:
            continue
        after = final + 1
        while after < size and (texts[after] in _FINAL or doc[after].is_punct):
            after += 1
        if after < size:
            starts.append(after)
    # A blank line (white-space token of two or more line breaks) ends a paragraph.
    starts.extend(i + 1 for i in view.spaces if i + 1 < size and texts[i].count("\n") >= 2)
    return starts


@Language.component("council_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Set sentence starts on a Doc that has none yet."""
    if len(doc):
        starts = sentence_starts(doc)
        values = numpy.full((len(doc), 1), _INSIDE, dtype=numpy.uint64)
        values[starts] = _START
        # uint64, as Doc.to_array gives it; the stub's Ints2d is thinc's alias for the same.
        doc.from_array([SENT_START], values)  # type: ignore[arg-type]
        remember_sentence_starts(doc, starts)
    return doc
