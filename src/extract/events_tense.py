"""Whether a date's sentence speaks of the future or the past, by its cue words."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from extract.dates_patterns import cue_regex
from extract.doctext import doc_text
from extract.events_link import Sent

_CLAUSE_MARKS = (",", ";", ":", " – ", " — ", "(", ")")
_MARKS = "council_extract.clause_marks"
_TENSES = "council_extract.tenses"


def tense_of(text: str, *, at: int | None = None) -> str | None:
    """"future" or "past" by the cue words; with `at` (an offset into `text`), the cues
    of the date's own clause come first ("on Tuesday voted 4-1 to fund ..., a step
    officials say will bring ...": past)."""
    if at is not None:
        start = max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
        ends = [i for mark in _CLAUSE_MARKS if (i := text.find(mark, at)) >= 0]
        clause = text[start:min(ends, default=len(text))]
        if (tense := tense_of(clause)) is not None:
            return tense
    if cue_regex("tense_future").search(text):
        return "future"
    if cue_regex("tense_past").search(text):
        return "past"
    return None


def sentence_tense(sent: Span | Sent, at: int) -> str | None:
    """`tense_of(sentence text, at=at - sentence start)` for a doc offset `at`.

    Each clause's and sentence's cue search is done once. The clause is bounded by
    `str.find` within the sentence, or, in a sentence longer than `_SEARCHED` (a text of
    one long sentence full of dates would search it again for every date), by
    bisection over the clause marks' offsets, read once per Doc."""
    doc, start, end = sent.doc, sent.start_char, sent.end_char
    if end - start > _SEARCHED:
        clause_start, clause_end = _clause_by_offsets(doc, start, end, at)
    else:
        clause_start, clause_end = _clause_by_search(doc_text(doc), start, end, at)
    tense = _cached(doc, clause_start, max(clause_start, clause_end))
    return tense if tense is not None else _cached(doc, start, end)


# Sentences up to this many characters are searched for clause marks directly.
_SEARCHED = 2000


def _clause_by_search(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of the sentence `text[start:end]` holding offset `at`: from after the
    last clause mark before `at` to the first one from `at` on."""
    clause_start, clause_end = start, end
    for mark in _CLAUSE_MARKS:
        if (found := text.rfind(mark, start, at)) >= 0:
            clause_start = max(clause_start, found + 1)
        if (found := text.find(mark, at, end)) >= 0:
            clause_end = min(clause_end, found)
    return clause_start, clause_end


def _clause_by_offsets(doc: Doc, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause bounds `str.rfind(mark, start, at)` and `str.find(mark, at, end)`
    give, by bisection over every offset of each mark."""
    clause_start, clause_end = start, end
    for mark, offsets in zip(_CLAUSE_MARKS, _mark_offsets(doc), strict=True):
        k = bisect_right(offsets, at - len(mark)) - 1
        if k >= 0 and offsets[k] >= start:
            clause_start = max(clause_start, offsets[k] + 1)
        k = bisect_left(offsets, at)
        if k < len(offsets) and offsets[k] + len(mark) <= end:
            clause_end = min(clause_end, offsets[k])
    return clause_start, clause_end


def _cached(doc: Doc, start: int, end: int) -> str | None:
    tenses: dict[tuple[int, int], str | None] = doc.user_data.setdefault(_TENSES, {})
    if (start, end) not in tenses:
        tenses[start, end] = tense_of(doc_text(doc)[start:end])
    return tenses[start, end]


def _mark_offsets(doc: Doc) -> list[list[int]]:
    """Every offset of each clause mark, overlapping ones too (as `str.find` sees them)."""
    marks = doc.user_data.get(_MARKS)
    if not isinstance(marks, list):
        text = doc_text(doc)
        marks = []
        for mark in _CLAUSE_MARKS:
            offsets, at = [], text.find(mark)
            while at >= 0:
                offsets.append(at)
                at = text.find(mark, at + 1)
            marks.append(offsets)
        doc.user_data[_MARKS] = marks
    return marks
