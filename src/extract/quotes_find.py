"""Direct quotes (curly or straight, multi-paragraph) and reported speech, with speakers.

A speaker is a name mention (from `names_find`) outside every quote: before the quote
("X said: “...”"), after it ("“...,” said X" / "“...,” X said"), on the line before
("X said:" then a quote paragraph), a pronoun for the last speaker ("she added"), or the
speaker of the quote the paragraph continues.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

from extract.names_find import Mention
from extract.names_lexicon import phrase_pattern
from extract.quotes_marks import double_marks, single_marks
from extract.quotes_merge import merge_lead_ins, without_overlaps
from extract.quotes_reported import according_to, last_before, reported
from extract.quotes_subject import (
    ASIDE,
    QuoteFind,
    SpanCover,
    Subject,
    before_count,
    classify,
    clause_floor,
    subject_before,
)

__all__ = ["QuoteFind", "find_quotes", "quote_spans"]

# The marks visited, as regexes: `quotes_marks` finds their matches with `str.find`.
_DOUBLE = re.compile(r"[“”\"]")
# A single mark with a letter or digit on both sides ("council’s") is an apostrophe that
# `_single_kind` rejects: it is passed over instead of a Python call per apostrophe.
_SINGLE = re.compile(r"[‘’'](?:(?![^\W_])|(?<![^\W_].))")
_BLANK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_PRONOUN = r"(?:he|she|they)"
_MIN_UNATTRIBUTED_WORDS = 4
# A short speech tag between two quote paragraphs ("Ferriday said."): the next quote paragraph
# with no tag of its own goes on in the same voice.
_TAG_ONLY = r"[^.“”\"\n]{0,60}?\b(?:VERBS)\b[^.“”\"\n]{0,40}"
Attribution = tuple[int | None, bool, str | None]  # speaker, tagged, role to resolve
_SKIP: Attribution = (None, False, "")  # words of an organisation or a document


@lru_cache(maxsize=64)
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(content start, content end, closed) for every direct quote, double or single marks."""
    breaks = _paragraph_breaks(text)
    double = _scan(text, breaks, double_marks(text), _double_kind, ())
    single = _scan(text, breaks, single_marks(text), _single_kind, double)
    spans = sorted([*double, *single])
    return tuple(span for span in spans if text[span[0] : span[1]].strip())


def _scan(
    text: str, breaks: list[tuple[int, int]], marks: list[int],
    kind_of: Callable[[str, int], str | None], skip: Sequence[tuple[int, int, bool]],
) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    scan_from = 0  # breaks before this were crossed by a continued quote
    skipped = SpanCover(skip)
    break_starts = [start for start, _ in breaks]
    for pos in marks:
        kind = kind_of(text, pos)
        if kind is None or skipped.touches(pos, pos + 1):  # on a skipped span or its marks
            continue
        if open_at is not None:
            brk = _break_between(breaks, break_starts, scan_from, pos)
            if brk is not None and not (pos == brk[1] and kind == "open"):
                found.append((open_at + 1, _trim_end(text, open_at + 1, brk[0]), False))
                open_at = None
            elif brk is not None:
                scan_from = pos
                continue  # the next paragraph reopens the same quote
        if open_at is None:
            if kind == "open":
                open_at = scan_from = pos
            continue
        if kind == "close":
            found.append((open_at + 1, pos, True))
            open_at = None
    if open_at is not None:
        found.append((open_at + 1, _trim_end(text, open_at + 1, len(text)), False))
    return found


def _double_kind(text: str, pos: int) -> str | None:
    mark = text[pos]
    if mark == '"':
        return "open" if _opens_straight(text, pos) else "close"
    return "open" if mark == "“" else "close"


def _single_kind(text: str, pos: int) -> str | None:
    """Single marks double as apostrophes: only word-edge marks open or close a quote."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (before.isspace() or before in "([—–-:") and (after.isalnum() or after in "…")
    closes = not before.isspace() and not after.isalnum()
    if text[pos] == "‘":
        return "open" if opens else None
    if text[pos] == "’":
        return "close" if closes else None
    return "open" if opens else "close" if closes else None


def _paragraph_breaks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _paragraph_pattern(text).finditer(text)]


# Asked per quote: searching the whole text each time was O(n) per quote.
@lru_cache(maxsize=64)
def _paragraph_pattern(text: str) -> re.Pattern[str]:
    return _BLANK_BREAK if _BLANK_BREAK.search(text) else _LINE_BREAK


@lru_cache(maxsize=64)
def _has_blank_lines(text: str) -> bool:
    return "\n\n" in text or re.search(r"\n[ \t]+\n", text) is not None


def _break_between(
    breaks: list[tuple[int, int]], starts: list[int], a: int, b: int
) -> tuple[int, int] | None:
    i = bisect_right(starts, a)
    return breaks[i] if i < len(breaks) and breaks[i][0] < b else None


def _opens_straight(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str, mentions: tuple[Mention, ...]) -> list[QuoteFind]:
    """Direct quotes with their speakers, then reported speech, in text order; no two overlap."""
    return list(_found_quotes(text, mentions))


# The component and the extractors ask for the same article's quotes: found once.
@lru_cache(maxsize=32)
def _found_quotes(text: str, mentions: tuple[Mention, ...]) -> tuple[QuoteFind, ...]:
    spans = quote_spans(text)
    inside = SpanCover(spans)
    outside = [i for i, m in enumerate(mentions) if not inside.holds(m.start)]
    begins = _Begins(mentions, outside)
    found: list[QuoteFind] = []
    for n, (start, end, _) in enumerate(spans):
        speaker, tight, role = _speaker(text, mentions, outside, spans, n, begins=begins)
        if role == "":
            continue  # an organisation's or a document's words
        if speaker is None and role is None and not tight and _continues_previous(
            text, spans, n, found
        ):
            speaker, role, tight = found[-1].speaker, found[-1].role, True
        if not tight or (speaker is None and role is None
                         and len(text[start:end].split()) < _MIN_UNATTRIBUTED_WORDS):
            continue  # a scare quote, a title or a slogan: nobody is said to say it
        found.append(QuoteFind(start, end, "direct", speaker, role))
    voices = {q.end: q for q in found}
    said = [*reported(text, mentions, outside, spans, voices, cover=inside),
            *according_to(text, mentions, outside)]
    return tuple(without_overlaps(merge_lead_ins(text, spans, found, said)))


class _Begins:
    """Where each `outside` mention begins (its title included), and the least such begin
    from each one on: a tag's search for a name can stop where no later name begins in reach."""

    def __init__(self, mentions: tuple[Mention, ...], outside: list[int]) -> None:
        self.at: list[int] = [_begin(mentions[i]) for i in outside]
        least = list(accumulate(reversed(self.at), min))
        self.least_from = least[::-1]


def _begin(mention: Mention) -> int:
    return mention.hon_start if mention.hon_start is not None else mention.start


def _speaker(
    text: str, mentions: tuple[Mention, ...], outside: list[int],
    spans: tuple[tuple[int, int, bool], ...], n: int, *, begins: _Begins,
) -> Attribution:
    """(mention index or None, whether an attribution phrase was seen, role to resolve);
    `_SKIP` when the words belong to an organisation or a document."""
    start, end, closed = spans[n]
    verbs = phrase_pattern("quotes_speech_verbs.txt")
    # A pronoun ("she said") stands for the person named last before the quote.
    last = last_before(mentions, outside, start - 1)
    lead_from = max(_para_start(text, start - 1), spans[n - 1][1] + 1 if n else 0)
    lead = text[lead_from : start - 1]
    who = _last_in(mentions, outside, lead_from, start - 1)
    if who is not None and lead.rstrip().endswith(":"):
        return who, True, None
    if closed and (after := _after(text, mentions, outside, end + 1, verbs.pattern, last,
                                   begins=begins)):
        return after
    said = list(verbs.finditer(lead))
    if said:
        verb = lead_from + said[-1].start()
        floor = clause_floor(text, verb, lead_from)
        subject = subject_before(text, verb, mentions, outside, floor)
        if subject is not None:
            return _attribute(subject, mentions, outside)
    if who is not None and (said or lead.rstrip().endswith(",")):
        return who, True, None
    if re.search(r"\badding:\s*$", lead):
        return last, True, None
    if not lead.strip():
        return _line_before(text, mentions, outside, lead_from, last)
    return None, False, None


def _attribute(subject: Subject, mentions: tuple[Mention, ...], outside: list[int]) -> Attribution:
    if subject.kind == "thing":
        return _SKIP
    if subject.kind == "same":
        return None, False, None
    if subject.kind == "mention":
        return subject.mention, True, None
    if subject.kind == "pronoun":
        return last_before(mentions, outside, subject.at), True, None
    return None, True, subject.role


def _after(
    text: str, mentions: tuple[Mention, ...], outside: list[int], pos: int, verbs: str,
    last: int | None, *, begins: _Begins,
) -> Attribution | None:
    """The tag after a closed quote: "“...,” Mr Lee said", "she said", "the Minister said",
    "said a spokesperson"; a tag naming nobody we know still marks the words as a quote."""
    limit = _para_end(text, pos)
    tail = text[pos:limit]
    if re.match(rf"[\s,]*(?:(?:{_PRONOUN})\s+(?:{verbs})|(?:{verbs})\s+{_PRONOUN})\b", tail):
        return last, True, None
    reach = min(pos + 160, limit)
    # The first mention beginning in [pos, reach]: those starting before `pos` begin before
    # it too, and the scan ends where no later mention begins in reach (it went on to the
    # last mention of the text for every quote: O(n^2)).
    for k in range(before_count(mentions, outside, pos), len(outside)):
        if begins.least_from[k] > reach:
            break
        i = outside[k]
        m = mentions[i]
        begin = begins.at[k]
        if begin < pos or begin > reach:
            continue
        gap = text[pos:begin]
        if re.fullmatch(rf"[\s,.]*(?:{verbs})\s+(?:[^.“”\"\n]{{0,120}}?,?\s*)?", gap):
            return i, True, None
        if re.fullmatch(r"[\s,.—–-]*(?:[A-Z][\w’'.-]*\s+){0,4}", gap) and re.match(
            rf"{ASIDE}[\s,]+(?:{verbs})\b", text[m.tail_end : m.tail_end + 200]
        ):
            return i, True, None
        break
    return _unnamed_tag(tail, verbs)


def _unnamed_tag(tail: str, verbs: str) -> Attribution | None:
    # The subject of a tag is a capitalised name or a determiner phrase ("a spokesperson").
    before = re.match(rf"[\s,]*(?P<who>(?:[A-Z]|(?:the|a|an)\s)[^.“”\"\n]{{0,60}}?)\s+"
                      rf"(?:{verbs})\b", tail)
    after = re.match(rf"[\s,]*(?:{verbs})\s+(?P<who>[^.,“”\"\n]{{1,60}})", tail)
    for match in (before, after):
        if match and (subject := classify(match.group("who"))) and subject.kind != "pronoun":
            return _SKIP if subject.kind == "thing" else (None, True, subject.role)
    return (None, True, None) if before or re.match(rf"[\s,]*(?:{verbs})\b", tail) else None


def _para_start(text: str, pos: int) -> int:
    blank = max(text.rfind("\n\n", 0, pos), text.rfind("\n \n", 0, pos))
    line = text.rfind("\n", 0, pos)
    if _has_blank_lines(text):
        return blank + 1 if blank >= 0 else 0
    return line + 1


def _para_end(text: str, pos: int) -> int:
    match = _paragraph_pattern(text).search(text, pos)
    return match.start() if match else len(text)


def _last_in(mentions: tuple[Mention, ...], outside: list[int], a: int, b: int) -> int | None:
    """The last mention starting in [a, b) (`outside` is in text order)."""
    k = before_count(mentions, outside, b)
    return outside[k - 1] if k and mentions[outside[k - 1]].start >= a else None


def _line_before(
    text: str, mentions: tuple[Mention, ...], outside: list[int], para: int, last: int | None
) -> Attribution:
    prev_end = len(text[:para].rstrip())
    if prev_end and text[prev_end - 1] == ":":
        prev_start = _para_start(text, prev_end - 1)
        who = _last_in(mentions, outside, prev_start, prev_end)
        if who is not None:
            return who, True, None
        if re.search(rf"\b{_PRONOUN}\b", text[prev_start:prev_end], re.IGNORECASE):
            return last, True, None
    return None, False, None


def _continues_previous(
    text: str, spans: tuple[tuple[int, int, bool], ...], n: int, found: list[QuoteFind]
) -> bool:
    """A quote paragraph right after another quote paragraph, with at most a short tag such as
    "Ferriday said." between them: the same speaker goes on."""
    if not n or not found or found[-1].start != spans[n - 1][0]:
        return False
    between = text[spans[n - 1][1] : spans[n][0] - 1].strip(" \t\n”\"’.,")
    tag = _TAG_ONLY.replace("VERBS", phrase_pattern("quotes_speech_verbs.txt").pattern)
    return not between or (not _BLANK_BREAK.search(between) and re.fullmatch(tag, between)
                           is not None)
