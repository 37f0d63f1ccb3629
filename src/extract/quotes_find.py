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
from dataclasses import dataclass
from functools import lru_cache

from extract.names_find import Mention
from extract.names_lexicon import phrase_pattern
from extract.quotes_reported import according_to, verb_last

_DOUBLE = re.compile(r"[“”\"]")
_SINGLE = re.compile(r"[‘’']")
_BLANK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_PRONOUN = r"(?:he|she|they)"
_REPORTED_CORE = (
    r"said|says|added|explained|stated|told|warned|believes|stressed|insisted|argued"
    r"|admitted|claimed|confirmed|noted|pointed out|suggested|urged|revealed|acknowledged"
    r"|called\s+on|described|expects|hopes|predicted|reported|announced"
)
# "welcomed the drive but said", "congratulated the team and said": a first verb, then speech.
_LEAD_VERB = r"(?:[a-z]+ed\s+[^.“”\":;\n]{0,80}?\s+(?:and|but)\s+)?"
_MIN_UNATTRIBUTED_WORDS = 4
# Between a name and its speech verb: a party "(FF)" and/or an appositive ", role,".
# The appositive may hold commas of its own ("Director of Services for Community, Culture and
# Placemaking at Cork City Council,") and a hard wrap.
_ASIDE_CHUNK = r"(?:[^,“”\"\n]|\n(?![ \t]*\n)){1,150}"
_ASIDE = rf"(?:\s*\([^()\n]{{1,60}}\))?(?:\s*,{_ASIDE_CHUNK}(?:,{_ASIDE_CHUNK}){{0,2}},)?"


@dataclass(frozen=True, slots=True)
class QuoteFind:
    start: int
    end: int
    kind: str
    speaker: int | None  # index into the mention tuple


@lru_cache(maxsize=64)
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(content start, content end, closed) for every direct quote, double or single marks."""
    breaks = _paragraph_breaks(text)
    double = _scan(text, breaks, _DOUBLE, _double_kind, ())
    single = _scan(text, breaks, _SINGLE, _single_kind, double)
    spans = sorted([*double, *single])
    return tuple(span for span in spans if text[span[0] : span[1]].strip())


def _scan(
    text: str, breaks: list[tuple[int, int]], marks: re.Pattern[str],
    kind_of: Callable[[str, int], str | None], skip: Sequence[tuple[int, int, bool]],
) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    scan_from = 0  # breaks before this were crossed by a continued quote
    for match in marks.finditer(text):
        pos = match.start()
        kind = kind_of(text, pos)
        if kind is None or any(a - 1 <= pos <= b for a, b, _ in skip):
            continue
        if open_at is not None:
            brk = _break_between(breaks, scan_from, pos)
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
    pattern = _BLANK_BREAK if _BLANK_BREAK.search(text) else _LINE_BREAK
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _break_between(breaks: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    i = bisect_right([start for start, _ in breaks], a)
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
    """Direct quotes with their speakers, then reported speech, in text order."""
    spans = quote_spans(text)
    outside = [i for i, m in enumerate(mentions) if not _inside(spans, m.start)]
    found: list[QuoteFind] = []
    last: int | None = None
    for n, (start, end, closed) in enumerate(spans):
        speaker, tight = _speaker(text, mentions, outside, spans, n, last)
        if speaker is None and not tight and _continues_previous(text, spans, n, found):
            speaker = found[-1].speaker
        if speaker is None and len(text[start:end].split()) < _MIN_UNATTRIBUTED_WORDS:
            continue  # a scare quote or a title, not someone's words
        if not tight and speaker is None and not closed:
            continue
        found.append(QuoteFind(start, end, "direct", speaker))
        last = speaker if speaker is not None else last
    found.extend(_reported(text, mentions, outside, spans))
    return sorted(found, key=lambda q: q.start)


def _inside(spans: tuple[tuple[int, int, bool], ...], pos: int) -> bool:
    return any(start <= pos < end for start, end, _ in spans)


def _speaker(
    text: str, mentions: tuple[Mention, ...], outside: list[int],
    spans: tuple[tuple[int, int, bool], ...], n: int, last: int | None,
) -> tuple[int | None, bool]:
    """(mention index or None, whether an attribution phrase was seen)."""
    start, end, closed = spans[n]
    verbs = phrase_pattern("quotes_speech_verbs.txt").pattern
    # A pronoun ("she said") stands for the person named last before the quote.
    last = _last_in(mentions, outside, 0, start - 1)
    lead_from = max(_para_start(text, start - 1), spans[n - 1][1] + 1 if n else 0)
    lead = text[lead_from : start - 1]
    who = _last_in(mentions, outside, lead_from, start - 1)
    if who is not None and lead.rstrip().endswith(":"):
        return who, True
    if closed:
        after = _after(text, mentions, outside, end + 1, verbs, last)
        if after is not None:
            return after
    if who is not None and (re.search(verbs, lead) or lead.rstrip().endswith(",")):
        return who, True
    if re.search(rf"\b{_PRONOUN}\s+(?:{verbs})|\badding:\s*$", lead, re.IGNORECASE):
        return last, True
    if not lead.strip():
        return _line_before(text, mentions, outside, lead_from, last)
    return None, False


def _after(
    text: str, mentions: tuple[Mention, ...], outside: list[int], pos: int, verbs: str,
    last: int | None,
) -> tuple[int | None, bool] | None:
    limit = _para_end(text, pos)
    tail = text[pos:limit]
    if re.match(rf"[\s,]*(?:(?:{_PRONOUN})\s+(?:{verbs})|(?:{verbs})\s+{_PRONOUN})\b", tail):
        return last, True
    for i in outside:
        m = mentions[i]
        begin = m.hon_start if m.hon_start is not None else m.start
        if begin < pos or begin > min(pos + 160, limit):
            continue
        gap = text[pos:begin]
        if re.fullmatch(rf"[\s,.]*(?:{verbs})\s+(?:[^.“”\"\n]{{0,120}}?,?\s*)?", gap):
            return i, True
        if re.fullmatch(r"[\s,.—–-]*(?:[A-Z][\w’'.-]*\s+){0,4}", gap) and re.match(
            rf"{_ASIDE}[\s,]+(?:{verbs})\b", text[m.tail_end : m.tail_end + 200]
        ):
            return i, True
        break
    return None


def _para_start(text: str, pos: int) -> int:
    blank = max(text.rfind("\n\n", 0, pos), text.rfind("\n \n", 0, pos))
    line = text.rfind("\n", 0, pos)
    if "\n\n" in text or re.search(r"\n[ \t]+\n", text):
        return blank + 1 if blank >= 0 else 0
    return line + 1


def _para_end(text: str, pos: int) -> int:
    pattern = _BLANK_BREAK if _BLANK_BREAK.search(text) else _LINE_BREAK
    match = pattern.search(text, pos)
    return match.start() if match else len(text)


def _last_in(mentions: tuple[Mention, ...], outside: list[int], a: int, b: int) -> int | None:
    chosen = None
    for i in outside:
        if a <= mentions[i].start < b:
            chosen = i
    return chosen


def _line_before(
    text: str, mentions: tuple[Mention, ...], outside: list[int], para: int, last: int | None
) -> tuple[int | None, bool]:
    prev_end = len(text[:para].rstrip())
    if prev_end and text[prev_end - 1] == ":":
        prev_start = _para_start(text, prev_end - 1)
        who = _last_in(mentions, outside, prev_start, prev_end)
        if who is not None:
            return who, True
        if re.search(rf"\b{_PRONOUN}\b", text[prev_start:prev_end], re.IGNORECASE):
            return last, True
    return None, False


def _continues_previous(
    text: str, spans: tuple[tuple[int, int, bool], ...], n: int, found: list[QuoteFind]
) -> bool:
    """A quote paragraph right after another quote paragraph: the same speaker goes on."""
    if not n or not found or found[-1].start != spans[n - 1][0]:
        return False
    between = text[spans[n - 1][1] : spans[n][0] - 1]
    return not between.strip(" \t\n”\".,")


def _reported(
    text: str, mentions: tuple[Mention, ...], outside: list[int],
    spans: tuple[tuple[int, int, bool], ...],
) -> list[QuoteFind]:
    """'Cllr Lee said the council was proud ...': a speech verb then a clause, no quote mark."""
    pattern = re.compile(
        rf"{_ASIDE}[\s,]+(?:has\s+|had\s+)?{_LEAD_VERB}(?:{_REPORTED_CORE})"
        rf"(?:\s+(?:that|how))?\s+(?P<clause>\w[^“”\":]*?)(?=[.!?](?:\s|$)|\n\s*\n|[“”\":]|$)"
    )
    found = []
    for i in outside:
        match = pattern.match(text, mentions[i].tail_end)
        if match and not _inside(spans, match.start("clause")):
            clause_end = _trim_end(text, match.start("clause"), match.end("clause"))
            if len(text[match.start("clause") : clause_end].split()) >= 3:
                found.append(QuoteFind(match.start("clause"), clause_end, "reported", i))
    for start, end, i in (*according_to(text, mentions, outside),
                          *verb_last(text, mentions, outside)):
        found.append(QuoteFind(start, end, "reported", i))
    return found
