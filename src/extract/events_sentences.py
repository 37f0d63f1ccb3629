"""Sentences for event assembly: each token's sentence as bounds (`Sent`), read once per
Doc, and `span.sent` answered by bisection over the sentence starts."""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, NamedTuple

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.doctext import sentence_token_starts, token_view

_SENT_STARTS = "council_extract.sentence_starts"
_SENTENCES = "council_extract.sentences"  # sentence Spans made so far, by number
_BOUNDS = "council_extract.sentence_bounds"  # each token's `Sent`, once made


class Sent(NamedTuple):
    """A sentence as its Span's token indices and character offsets, without making the
    Span (events only need where a sentence starts and ends)."""

    doc: Doc
    start: int
    end: int
    start_char: int
    end_char: int


def _sentence_starts(doc: Doc) -> list[int] | None:
    """Token indices that start a sentence (0 first), read once per Doc; None when
    sentences come from hooks or are not set (then spaCy's own `.sent` answers)."""
    starts = doc.user_data.get(_SENT_STARTS)
    if isinstance(starts, list):
        return starts
    if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks or not (
            doc.has_annotation("SENT_START")):
        return None
    # Read once per Doc and shared with other extractors (`doctext`).
    starts = sentence_token_starts(doc) or [0]
    doc.user_data[_SENT_STARTS] = starts
    return starts


def sentence_at(doc: Doc, i: int) -> Span:
    """`doc[i].sent` by bisection (`.sent` walks the tokens back to the sentence start
    on every call: O(n) each in a crawl that is one sentence of n tokens)."""
    starts = _sentence_starts(doc)
    if starts is None:
        return doc[i].sent
    return _sentence_from(doc, starts, i)


def _sentence_from(doc: Doc, starts: list[int], i: int) -> Span:
    k = bisect_right(starts, i)
    made: dict[int, Span] = doc.user_data.setdefault(_SENTENCES, {})
    if (found := made.get(k)) is None:
        found = made[k] = doc[starts[k - 1]:starts[k] if k < len(starts) else len(doc)]
    return found


def sentence(span: Span) -> Span:
    """`span.sent`: the sentence holding the span's first token."""
    doc = span.doc
    if (starts := _sentence_starts(doc)) is None:
        return span.sent
    return _sentence_from(doc, starts, span.start)


class LexemeFlag(dict[str, bool]):
    """A lexeme flag of a token (`is_punct`, `is_stop`) by token text, read from the vocab
    once per text and vocab so that no Token is made. (A flag changed on a lexeme at run
    time is not seen; nothing here changes one.) Cleared past `_LIMIT` texts."""

    _LIMIT = 20_000
    _made: ClassVar[dict[tuple[int, str], LexemeFlag]] = {}

    def __init__(self, vocab: Vocab, name: str) -> None:
        super().__init__()
        self.vocab, self.name = vocab, name

    @classmethod
    def of(cls, doc: Doc, name: str) -> LexemeFlag:
        memo = cls._made.get((id(doc.vocab), name))
        if memo is None or memo.vocab is not doc.vocab:
            memo = cls._made[id(doc.vocab), name] = cls(doc.vocab, name)
        return memo

    def __missing__(self, text: str) -> bool:
        if len(self) > self._LIMIT:
            self.clear()
        value = self[text] = bool(getattr(self.vocab[text], self.name))
        return value


def sent_of(doc: Doc, i: int) -> Sent:
    """The bounds of `sentence_at(doc, i)`, read from the token lists. Each sentence's
    `Sent` is made on first use and kept for all its tokens (a session's sentence is
    asked for several times per date)."""
    table: list[Sent | None] | None = doc.user_data.get(_BOUNDS)
    if table is None:
        if (starts := _sentence_starts(doc)) is None:
            sent = doc[i].sent
            return Sent(doc, sent.start, sent.end, sent.start_char, sent.end_char)
        table = doc.user_data[_BOUNDS] = [None] * len(doc)
    if (found := table[i]) is None:
        starts = doc.user_data[_SENT_STARTS]
        k = bisect_right(starts, i)
        start, end = starts[k - 1], starts[k] if k < len(starts) else len(doc)
        view = token_view(doc)
        found = Sent(doc, start, end, view.starts[start],
                     view.starts[end - 1] + len(view.texts[end - 1]))
        table[start:end] = [found] * (end - start)
    return found


def sent_bounds(span: Span) -> Sent:
    """The bounds of `sentence(span)` (a sentence already made is read here directly:
    events ask for a date's sentence a dozen times)."""
    doc, start = span.doc, span.start
    table: list[Sent | None] | None = doc.user_data.get(_BOUNDS)
    if table is not None and (found := table[start]) is not None:
        return found
    return sent_of(doc, start)
