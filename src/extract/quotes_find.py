"""Direct quotes (curly or straight, multi-paragraph) and reported speech, with speakers.

A speaker is a name mention (from `names_find`) outside every quote: before the quote
("X said: “...”"), after it ("“...,” said X" / "“...,” X said"), on the line before
("X said:" then a quote paragraph), a pronoun for the last speaker ("she added"), or the
speaker of the quote the paragraph continues.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from extract.names_find import Mention
from extract.names_lexicon import phrase_pattern
from extract.quotes_marks import BLANK_BREAK, paragraph_pattern, quote_spans
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

__all__ = ["QuoteFind", "find_quotes", "quote_spans"]  # quote_spans: from quotes_marks

_PRONOUN = r"(?:he|she|they)"
_MIN_UNATTRIBUTED_WORDS = 4
# A short speech tag between two quote paragraphs ("Ferriday said."): the next quote paragraph
# with no tag of its own goes on in the same voice.
_TAG_ONLY = r"[^.“”\"\n]{0,60}?\b(?:VERBS)\b[^.“”\"\n]{0,40}"
Attribution = tuple[int | None, bool, str | None]  # speaker, tagged, role to resolve
_SKIP: Attribution = (None, False, "")  # words of an organisation or a document


_ADDING = re.compile(r"\badding:\s*$")
_CAPITALS_GAP = re.compile(r"[\s,.—–-]*(?:[A-Z][\w’'.-]*\s+){0,4}")


class _Tags(NamedTuple):
    """The speech tags around a quote, as regexes holding the speech verbs (case as written)."""

    pronoun: re.Pattern[str]  # ", she said" / ", said she"
    verb_gap: re.Pattern[str]  # ", said Cllr" before a name
    aside_verb: re.Pattern[str]  # " (Lab), leader of the council, said" after a name
    unnamed_before: re.Pattern[str]  # ", a spokesperson said"
    unnamed_after: re.Pattern[str]  # ", said a spokesperson"
    verb_first: re.Pattern[str]  # ", said ..."
    tag_only: re.Pattern[str]  # "Ferriday said." between two quote paragraphs


@cache
def _tags() -> _Tags:
    """Built once: written out per quote, each tag regex cost its text, its hash and a look-up
    in the regex module's cache (the verb alternation is long)."""
    verbs = phrase_pattern("quotes_speech_verbs.txt").pattern
    return _Tags(
        pronoun=re.compile(
            rf"[\s,]*(?:(?:{_PRONOUN})\s+(?:{verbs})|(?:{verbs})\s+{_PRONOUN})\b"),
        verb_gap=re.compile(rf"[\s,.]*(?:{verbs})\s+(?:[^.“”\"\n]{{0,120}}?,?\s*)?"),
        aside_verb=re.compile(rf"{ASIDE}[\s,]+(?:{verbs})\b"),
        unnamed_before=re.compile(
            rf"[\s,]*(?P<who>(?:[A-Z]|(?:the|a|an)\s)[^.“”\"\n]{{0,60}}?)\s+(?:{verbs})\b"),
        unnamed_after=re.compile(rf"[\s,]*(?:{verbs})\s+(?P<who>[^.,“”\"\n]{{1,60}})"),
        verb_first=re.compile(rf"[\s,]*(?:{verbs})\b"),
        tag_only=re.compile(_TAG_ONLY.replace("VERBS", verbs)),
    )


@lru_cache(maxsize=64)
def _has_blank_lines(text: str) -> bool:
    return "\n\n" in text or re.search(r"\n[ \t]+\n", text) is not None


def find_quotes(text: str, mentions: tuple[Mention, ...]) -> list[QuoteFind]:
    """Direct quotes with their speakers, then reported speech, in text order; no two overlap."""
    return list(_found_quotes(text, mentions))


# The component and the extractors ask for the same article's quotes: `officials` keeps them
# by the text and the model's candidates (a key of mentions cost a hash and a comparison of
# every mention at each look-up).
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
    if closed and (after := _after(text, mentions, outside, end + 1, last, begins=begins)):
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
    if _ADDING.search(lead):
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
    text: str, mentions: tuple[Mention, ...], outside: list[int], pos: int, last: int | None,
    *, begins: _Begins,
) -> Attribution | None:
    """The tag after a closed quote: "“...,” Mr Lee said", "she said", "the Minister said",
    "said a spokesperson"; a tag naming nobody we know still marks the words as a quote."""
    limit = _para_end(text, pos)
    tail = text[pos:limit]
    tags = _tags()
    if tags.pronoun.match(tail):
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
        if tags.verb_gap.fullmatch(gap):
            return i, True, None
        if _CAPITALS_GAP.fullmatch(gap) and tags.aside_verb.match(
            text[m.tail_end : m.tail_end + 200]
        ):
            return i, True, None
        break
    return _unnamed_tag(tail)


def _unnamed_tag(tail: str) -> Attribution | None:
    # The subject of a tag is a capitalised name or a determiner phrase ("a spokesperson").
    tags = _tags()
    before = tags.unnamed_before.match(tail)
    after = tags.unnamed_after.match(tail)
    for match in (before, after):
        if match and (subject := classify(match.group("who"))) and subject.kind != "pronoun":
            return _SKIP if subject.kind == "thing" else (None, True, subject.role)
    return (None, True, None) if before or tags.verb_first.match(tail) else None


def _para_start(text: str, pos: int) -> int:
    blank = max(text.rfind("\n\n", 0, pos), text.rfind("\n \n", 0, pos))
    line = text.rfind("\n", 0, pos)
    if _has_blank_lines(text):
        return blank + 1 if blank >= 0 else 0
    return line + 1


def _para_end(text: str, pos: int) -> int:
    match = paragraph_pattern(text).search(text, pos)
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
    return not between or (not BLANK_BREAK.search(between) and _tags().tag_only.fullmatch(between)
                           is not None)
