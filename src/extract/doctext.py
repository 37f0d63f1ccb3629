"""The text of a Doc, computed once per Doc.

spaCy's `Doc.text` (and `Span.text`) rebuild the string by joining every token on each
access; extractors that read `doc.text` per sentence or per candidate made that the
largest cost of a run. `doc_text` keeps the joined string in `doc.user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "council_extract.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return str(text)


def span_text(span: Span) -> str:
    """`span.text` without rebuilding it token by token (end_char excludes trailing space)."""
    return doc_text(span.doc)[span.start_char:span.end_char]
