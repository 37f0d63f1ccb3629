"""Caseload and workforce figures with what they count.

The component finds quantity phrases sentence by sentence (`numbers`), keeps those whose
words name a workforce metric (`figures_metric`), and stores one span per figure in
`doc.spans["figures"]` (label = metric) with the parsed values in the group's `attrs`,
so the extractor never re-parses.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext
from extract.doctext import doc_text, sentence_bounds, store_rows, stored_rows
from extract.figures_anchors import piece_anchors, sentences_to_read, text_anchors
from extract.figures_clauses import then_now
from extract.figures_context import anaphora_start, anaphoric, named_before
from extract.figures_lists import list_rows
from extract.figures_metric import read_quantity
from extract.figures_refine import Reading
from extract.numbers import Quantity
from extract.numbers_find import anchor_offsets, find_quantities
from extract.schema import Figure

_SENTENCE_END = ".!?\"”’:"
_HEADLINE_WORDS = 20
# Longer sentences are read in pieces of about this many characters. Real sentences stay
# far below it (the longest in the gold set and corpus has under 500); it bounds the work
# on a text that is all numbers with no full stop.
_SENTENCE_REACH = 2_000
_BLANKS = (" ", "\n", "\t", "\u00a0")


def _figure_rows(doc: Doc) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    text = doc_text(doc)
    whole = text_anchors(text)  # one scan for digits and number words, not one a sentence
    bounds = sentence_bounds(doc)
    if whole is not None:  # (most sentences: one piece, no digit or number word in it)
        bounds = sentences_to_read(whole, bounds, reach=_SENTENCE_REACH)
    for sent_start, sent_end in bounds:
        for start, end in _pieces(text, sent_start, sent_end):
            if whole is None:
                anchors = anchor_offsets(text[start:end])
            else:
                anchors = piece_anchors(whole, start, end)
            if anchors:  # a sentence without one holds no quantity
                lower = None if whole is None else whole.lowered[start:end]
                _read_sentence(text, start, text[start:end], rows, anchors=anchors, lower=lower)
    # Every mention is a record, a headline's too (records.md: 'every distinct mention').
    return _with_lists(rows, list_rows(text))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence, or, past `_SENTENCE_REACH`, pieces of it cut at white space: each
    number is read against the words of its sentence, so a sentence-long text of numbers
    would take time in the square of its length."""
    if end - start <= _SENTENCE_REACH:
        return [(start, end)]
    pieces = []
    while end - start > _SENTENCE_REACH:
        # at the last blank of the piece's second half, else (one long word) at the reach
        low, high = start + _SENTENCE_REACH // 2, start + _SENTENCE_REACH
        cut = max(text.rfind(blank, low, high) for blank in _BLANKS)
        cut = high if cut < 0 else cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _read_sentence(text: str, offset: int, sentence: str, rows: list[dict[str, Any]], *,
                   anchors: list[int] | None = None, lower: str | None = None) -> None:
    """Append the figures of one sentence (at `offset` in `text`) to `rows`; `anchors`
    and `lower` as for `find_quantities`."""
    consumed = 0  # a change suffix or tail already holds the numbers up to here
    previous: Reading | None = None
    named: list[tuple[int, str, str | None] | None] = []  # named_before, read once
    quantities = find_quantities(sentence, anchors=anchors, lower=lower)
    for i, quantity in enumerate(quantities):
        if quantity.start < consumed:
            continue
        reading = read_quantity(sentence, quantity, previous=previous)
        if reading is None and (cue := anaphora_start(sentence, quantity)) is not None:
            if not named:  # only a rate is anaphoric
                named.append(named_before(text, offset))
            reading = anaphoric(quantity, _nearest(_last(rows), named[0]), offset, start=cue)
        if reading is None:
            continue
        later = (quantities[j] for j in range(i + 1, len(quantities)))  # no copy per number
        if reading.metric != "earlier" and (merged := then_now(sentence, reading, quantity, later)):
            reading, quantity = merged  # "which stood at 14% in 2020, is now 4%"
        if reading.metric == "earlier":  # "compared with 27 in 2022": the value before
            if rows and rows[-1]["value_from"] is None:
                rows[-1]["value_from"] = quantity.value
            continue
        if previous is not None and reading.start < previous.end <= quantity.start:
            # a metric named before an earlier figure: this phrase starts after that one
            reading = reading._replace(start=previous.end)
        consumed, previous = reading.end, reading
        rows.append(_row(sentence, offset, quantity, reading))


def _with_lists(rows: list[dict[str, Any]], listed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A list item or table row replaces a sentence reading of the same number: its
    heading or column says what is counted."""
    if not listed:
        return rows
    kept = [r for r in rows
            if not any(r["start"] < x["end"] and x["start"] < r["end"] for x in listed)]
    return sorted(kept + listed, key=lambda r: r["start"])


def _nearest(*named: tuple[int, str, str | None] | None) -> tuple[int, str, str | None] | None:
    """Of the last figure and the last rate named without one, the later."""
    return max((n for n in named if n is not None), key=lambda n: n[0], default=None)


def _last(rows: list[dict[str, Any]]) -> tuple[int, str, str | None] | None:
    return (rows[-1]["end"], rows[-1]["metric"], rows[-1]["unit"]) if rows else None


def _row(sentence: str, offset: int, quantity: Quantity, reading: Reading) -> dict[str, Any]:
    start, end = _trim(sentence, reading.start, reading.end)
    return {
        "start": offset + start, "end": offset + end, "metric": reading.metric,
        "value": quantity.value, "value_max": quantity.value_max,
        "value_from": quantity.value_from if quantity.value_from is not None
        else reading.value_from,
        "unit": reading.unit, "qualifier": reading.qualifier,
    }


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Figure text never starts or ends on whitespace or a comma."""
    while start < end and (sentence[start].isspace() or sentence[start] in ",;:("):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ",;:)"):
        end -= 1
    return start, end


def headline_end(text: str) -> int:
    """End of the leading block of short unpunctuated lines each followed by a blank line:
    dateline, headline. A hard-wrapped paragraph is never part of it."""
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[:8]):
        stripped = line.strip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if stripped and (stripped[-1] in _SENTENCE_END or following
                         or len(stripped.split()) > _HEADLINE_WORDS):
            break
        pos += len(line)
    return pos


@Language.component("council_figures")
def find_figures(doc: Doc) -> Doc:
    store_rows(doc, "figures", _figure_rows(doc), label="metric", default="figure")
    return doc


def extract_figures(doc: Doc, *, context: ArticleContext) -> list[Figure]:
    rows = stored_rows(doc, "figures")
    if rows is None:
        return []
    return [
        Figure(text=doc_text(doc)[row["start"]:row["end"]], **row)
        for row in rows
    ]
