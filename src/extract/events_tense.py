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

    The clause is bounded by bisection over the clause marks' offsets (read once per
    Doc) and each clause's and sentence's cue search is done once: a text of one long
    sentence full of dates searched the whole sentence again for every date."""
    doc, start, end = sent.doc, sent.start_char, sent.end_char
    marks = _mark_offsets(doc)
    clause_start, clause_end = start, end
    for mark, offsets in zip(_CLAUSE_MARKS, marks, strict=True):
        # `rfind(mark, start, at)` and `find(mark, at, end)`.
        k = bisect_right(offsets, at - len(mark)) - 1
        if k >= 0 and offsets[k] >= start:
            clause_start = max(clause_start, offsets[k] + 1)
        k = bisect_left(offsets, at)
        if k < len(offsets) and offsets[k] + len(mark) <= end:
            clause_end = min(clause_end, offsets[k])
    tense = _cached(doc, clause_start, max(clause_start, clause_end))
    return tense if tense is not None else _cached(doc, start, end)


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
