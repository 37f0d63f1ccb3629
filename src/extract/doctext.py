"""The text of a Doc, computed once per Doc.

spaCy's `Doc.text` (and `Span.text`) rebuild the string by joining every token on each
access; extractors that read `doc.text` per sentence or per candidate made that the
largest cost of a run. `doc_text` keeps the joined string in `doc.user_data`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, SpanGroup

_KEY = "council_extract.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return str(text)


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was tokenized from (equal to `doc.text`, without the join)."""
    doc.user_data[_KEY] = text


def span_text(span: Span) -> str:
    """`span.text` without rebuilding it token by token (end_char excludes trailing space)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


_STARTS_KEY = "council_extract.sentence_token_starts"
_SENTENCES_KEY = "council_extract.sentence_chars"


def remember_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Keep the token starts a component has just set as the Doc's only sentence starts
    (in any order, repeats allowed), so that `sentence_token_starts` need not read them
    back. Components that run later must not move sentence starts; none of ours does."""
    doc.user_data[_STARTS_KEY] = sorted(set(starts)) if len(doc) else []


def sentence_token_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence, as `doc.sents` has them (token 0 and
    every token flagged 1), once per Doc; read from the flags (or as the sentence
    component kept them), so call it only once sentence starts are set and no hook
    decides sentences."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        following = (numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()
        starts = doc.user_data[_STARTS_KEY] = [0, *following] if len(doc) else []
    return list(starts)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each of `doc.sents`, once per Doc, from the sentence
    starts and the token offsets (`doc.sents` makes a Span and Tokens per sentence on
    every pass). Call it only once sentence starts are set."""
    bounds = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None:
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
        else:
            view, firsts = token_view(doc), sentence_token_starts(doc)
            lasts = [*(i - 1 for i in firsts[1:]), len(doc) - 1] if firsts else []
            bounds = [(view.starts[first], view.end(last))
                      for first, last in zip(firsts, lasts, strict=True)]
        doc.user_data[_SENTENCES_KEY] = bounds
    return list(bounds)


def store_rows(
    doc: Doc, key: str, rows: list[dict[str, Any]], *, label: str, default: str
) -> None:
    """Keep found rows with their spans in `doc.spans[key]`, rows in the group's attrs.

    Rows and spans stay aligned: a row whose span cannot be made is dropped too.
    """
    spans, kept = [], []
    for row in rows:
        span = doc.char_span(row["start"], row["end"], label=str(row.get(label) or default),
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
            kept.append(row)
    doc.spans[key] = SpanGroup(doc, name=key, attrs={"rows": kept}, spans=spans)


def stored_rows(doc: Doc, key: str) -> list[dict[str, Any]] | None:
    """The rows `store_rows` kept, or None when the component did not run."""
    group = doc.spans.get(key)
    return None if group is None else list(group.attrs.get("rows", []))


_MADE = "council_extract.made_spans"  # group name -> (SpanGroup, the Spans it was made from)


def remember_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Store `spans` as `doc.spans[key]` and keep the Span objects beside the group:
    reading a SpanGroup back makes a new Span (and three Tokens) per item."""
    doc.spans[key] = spans
    doc.user_data.setdefault(_MADE, {})[key] = (doc.spans[key], spans)


def group_spans(doc: Doc, key: str) -> list[Span]:
    """`list(doc.spans[key])`: the Spans `remember_spans` kept while the group is the one
    made from them (not replaced, nothing added or removed), else read from the group."""
    group = doc.spans[key]
    kept = doc.user_data.get(_MADE, {}).get(key)
    if kept is not None and kept[0] is group and len(group) == len(kept[1]):
        return list(kept[1])
    return list(group)


@dataclass(frozen=True, slots=True)
class TokenView:
    """Token attributes as plain Python lists, read once per Doc.

    Creating a spaCy Token object costs about as much as a dictionary lookup in a list;
    extractors that walk the tokens of every sentence read these lists instead.
    """

    texts: list[str]
    lowers: list[str]
    starts: list[int]
    is_space: list[bool]
    spaces: list[int]  # indices of the white-space tokens

    def end(self, i: int) -> int:
        """Character offset just past token i (its trailing white space excluded)."""
        return self.starts[i] + len(self.texts[i])


_TOKENS_KEY = "council_extract.tokens"


def token_view(doc: Doc) -> TokenView:
    view = doc.user_data.get(_TOKENS_KEY)
    if not isinstance(view, TokenView):
        # Offsets and lengths come out of the Doc in C; the texts are slices of the cached
        # text, so no Token object is made.
        text = doc_text(doc)
        rows = doc.to_array([IDX, LENGTH, IS_SPACE])  # ids: a name costs a look-up per call
        starts = rows[:, 0].tolist()
        ends = (rows[:, 0] + rows[:, 1]).tolist()
        texts = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        # Each token lowered by itself, as spaCy's `lower_` is: mapping the C method is
        # twice as fast as slicing a lowered copy of the whole text.
        lowers = list(map(str.lower, texts))
        view = TokenView(texts=texts, lowers=lowers, starts=starts,
                         is_space=rows[:, 2].astype(bool).tolist(),
                         spaces=numpy.flatnonzero(rows[:, 2]).tolist())
        doc.user_data[_TOKENS_KEY] = view
    return view


# Characters that IGNORECASE matches to an ASCII letter although they are not one ('ſ' is
# 's', the Kelvin sign 'k'), or whose lower case has another length ('İ'): in a text holding
# one, anchors are looked for in the text itself rather than in its lower case.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_as_lower(text: str) -> bool:
    """Whether an IGNORECASE regex of ASCII literals matches `text` where its lower-cased
    regex matches `text.lower()`, at the same offsets: `text` holds none of `_FOLDS`."""
    return text.isascii() or not _FOLDS.search(text)


_LAST: list[str | None] = [None, None]  # the text lowered last, and its lower case


def lowered(text: str) -> str | None:
    """`text.lower()` where lower-casing cannot change a match (`folds_as_lower`; then no
    letter changes length either), else None. Kept for the text asked last: components
    and clauses ask for the same article or sentence in turn."""
    if text is not _LAST[0]:  # (identity: the same object holds the same characters)
        _LAST[0], _LAST[1] = text, text.lower() if folds_as_lower(text) else None
    return _LAST[1]
