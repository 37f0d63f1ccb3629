"""Who a speech verb belongs to: the subject phrase right before "said", or the tag after a quote.

A subject is a name mention ("Cllr Lee said"), a pronoun ("She said") standing for the person
named last, a role that refers back to a named official ("the Minister said"), or an unnamed
person ("A council spokesperson said", "Inspectors said": a quote without a named speaker).
Organisations and documents ("the council says", "The report, by X, says") are not speakers:
their words are not a person's quote and are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from extract.names_find import Mention
from extract.names_lexicon import word_set
from extract.patterns_data import pattern_lines

# Between a name and its speech verb: a party "(FF)" and/or an appositive ", role,".
# The appositive may hold commas of its own ("Director of Services for Community, Culture and
# Placemaking at Cork City Council,") and a hard wrap.
_ASIDE_CHUNK = r"(?:[^,“”\"\n]|\n(?![ \t]*\n)){1,150}"
# "Professor Ann Lee of Easton University, said": an affiliation may come before the comma.
_OF_BODY = (r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w’'-]*"
            r"(?:[ \t]+(?:[A-Z][\w’'-]*|of|and|for))*)")
ASIDE = (rf"(?:\s*\([^()\n]{{1,60}}\))?{_OF_BODY}?"
         rf"(?:\s*,{_ASIDE_CHUNK}(?:,{_ASIDE_CHUNK}){{0,2}},)?")
# "welcomed the drive but said", "congratulated the team and said": a first verb, then speech.
# "said the union welcomed it but warned": a speech verb may lead too.
LEAD_VERB = r"(?:(?:[a-z]+ed|said|says|told)\s+[^.“”\":;\n]{0,80}?\s+(?:and|but)\s+)?"
_AUX = r"(?:(?:has|had|also)\s+)*"
_TO_VERB = re.compile(rf"{ASIDE}[\s,]+{_AUX}{LEAD_VERB}")
# What may stand between a pronoun / role / unnamed subject and the verb.
_TRAIL = re.compile(rf"\s+{_AUX}{LEAD_VERB}$")
# "“...” and said the borough would ...": a second verb of the voice just quoted.
_SAME = re.compile(r"[\s,”\"’]*(?:and|but)(?:\s+(?:also|then))?\s*$")
_PRONOUN = re.compile(r"(?:^|[,;—–]\s*|\b(?:and|but|as)\s+)(?:he|she|they)$", re.IGNORECASE)
# A name governed by a preposition is not the verb's subject ("The report, by ... X, says").
_OBJECT_LEAD = re.compile(r"\s*(?:by|from|to|with|for|of|according\s+to)\b", re.IGNORECASE)
# A sentence end ("[.!?][”\"’']?\s+(?=[A-Z“\"‘])" or a blank line "\n[ \t]*\n") with its
# first character as one class: the search skips to those characters (an alternation of two
# starts made it try the pattern at every position).
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"‘])|(?<=\n)[ \t]*\n)")


# Never changed once made, but not frozen: setting fields through `object.__setattr__` made
# a frozen one cost twice as much (see `names_find.Mention`); hashed by its fields all the same.
@dataclass(slots=True, unsafe_hash=True)
class QuoteFind:
    start: int
    end: int
    kind: str
    speaker: int | None  # index into the mention tuple
    role: str | None = None  # "the Minister said": resolved against the officials' roles


# Never changed once made, but not frozen: setting fields through `object.__setattr__` made
# a frozen one cost twice as much (see `names_find.Mention`); hashed by its fields all the same.
@dataclass(slots=True, unsafe_hash=True)
class Subject:
    kind: str  # "mention", "pronoun", "role", "unnamed", "same" (voice before) or "thing"
    mention: int | None = None
    role: str | None = None
    at: int = 0  # where the subject phrase starts


@cache
def _unnamed() -> re.Pattern[str]:
    """"A council spokesperson", "Inspectors", "a spokesman for the Trust": no named person."""
    heads = "|".join(sorted(map(re.escape, pattern_lines("quotes_unnamed_heads.txt")),
                            key=len, reverse=True))
    return re.compile(
        rf"(?:^|[,;—–]\s*|\b(?:and|but)\s+)(?:(?:a|an|the|one|two|several|some)\s+)?"
        rf"(?:[\w’'-]+\s+){{0,4}}(?:{heads})(?:\s+(?:for|from|at|of)\s+[^,.;“”\"]{{1,60}})?$",
        re.IGNORECASE,
    )


_ROLE_REF = re.compile(r"(?:^|[,;—–]\s*|\b(?:and|but)\s+)the\s+(?P<role>(?:[\w’'-]+\s+){0,3}"
                       r"(?P<head>[\w’'-]+))$", re.IGNORECASE)


# How far back a speech verb's subject may start. Without a bound, text with no sentence end
# (a crawl of quote marks and verbs) makes every verb scan back to the last quote: O(n^2).
_SUBJECT_REACH = 600


def clause_floor(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding `pos` (not before `floor`, nor far before `pos`): the
    end of the last `_SENTENCE_END` match of a search from `max(floor, pos - 400)` to `pos`.

    The search is made from just before the last place a match starts, found back from `pos`
    (searching the whole window cost most of the reported-speech time): the match there, or
    one holding it, is the search's last. Its search starts after a character that no match
    holds after its first (no closing mark, white space or sentence end), so it finds what
    the search from the window's start finds from there on."""
    low = max(floor, pos - 400)
    last = _last_end_start(text, low, pos)
    if last is None:
        return max(floor, pos - _SUBJECT_REACH)
    start = last
    while start > low and (text[start - 1] in _END_INSIDE or text[start - 1].isspace()):
        start -= 1
    end = last
    for match in _SENTENCE_END.finditer(text, start, pos):
        end = match.end()
    return end


# What a sentence end may hold: its first character and a closing mark after it (white space
# is asked apart).
_END_INSIDE = ".!?\n”\"’'"
_END_FIRST = (".", "!", "?", "\n")


def _last_end_start(text: str, low: int, pos: int) -> int | None:
    """The last position in [low, pos) where `_SENTENCE_END` matches (the text cut at `pos`)."""
    found = [text.rfind(char, low, pos) for char in _END_FIRST]
    while (at := max(found)) >= 0:
        if _SENTENCE_END.match(text, at, pos):
            return at
        k = found.index(at)
        found[k] = text.rfind(_END_FIRST[k], low, at)
    return None


# "said" ... "and", up to 80 characters apart (`LEAD_VERB`).
_LEAD_GAP = 80
# How far back from a window's end `trail_start` reads words before it searches the window.
_TRAIL_REACH = 300
_AUX_WORDS = frozenset({"has", "had", "also"})


def trail_start(window: str) -> int | None:
    """Where `_TRAIL` matches in `window` (the leftmost start), or None.

    The search starts where a match can start: every match is white space, auxiliaries and at
    most one "said ... and" lead, so it holds only the last few words. Searching the whole
    window (600 characters before every speech verb in a text with no sentence end) tried the
    lazy lead at every "said" of it."""
    if not window[-1:].isspace():
        return None  # every match ends in white space
    match = _TRAIL.search(window, _trail_cut(window))
    return match.start() if match else None


def _trail_cut(window: str) -> int:
    """A position no match of `_TRAIL` starts before: the end of the word before the first
    word a match could hold."""
    region = max(0, len(window) - _TRAIL_REACH)
    words = window[region:].split()
    low = len(words)
    if words and words[-1] in ("and", "but"):
        # The lead's verb: a word with at most `_LEAD_GAP` characters of words before "and".
        gap = 0
        low -= 1
        while low > 0 and gap + len(words[low - 1]) <= _LEAD_GAP:
            low -= 1
            gap += len(words[low])
        low -= 1 if low > 0 else 0
    while low > 0 and words[low - 1] in _AUX_WORDS:
        low -= 1
    # The first word read may be cut by `region`: reaching it proves nothing.
    if low == 0 or (low == 1 and region > 0):
        return 0
    # The window up to the end of word `low - 1`: what is left when the words after it go.
    return len(window.rsplit(None, len(words) - low)[0])


# A pure function of the phrase; the same phrases recur (the same window before every
# "he said" of a long crawl, "a spokesperson" in many articles).
@lru_cache(maxsize=4096)
def classify(phrase: str) -> Subject | None:
    """A subject phrase with no name mention: pronoun, role reference, unnamed person or an
    organisation ("thing"); None when the phrase is none of these. `at` is its offset."""
    core = phrase.rstrip()
    last = core.rsplit(None, 1)[-1].lower() if core.strip() else ""
    if last.rstrip("’'s") in word_set("quotes_not_speakers.txt"):
        return Subject("thing", at=len(core) - len(core.rsplit(None, 1)[-1]))
    if match := _PRONOUN.search(core):
        return Subject("pronoun", at=match.end() - len(match.group().split()[-1]))
    if match := _unnamed().search(core):
        return Subject("unnamed", at=_phrase_start(core, match.start()))
    role = _ROLE_REF.search(core)
    if role and role.group("head").lower() in word_set("officials_role_heads.txt"):
        return Subject("role", role=" ".join(role.group("role").split()),
                       at=role.start("role") - 4)
    return None


_SEPARATOR = re.compile(r"^(?:[,;—–]\s*|(?:and|but|as)\s+)", re.IGNORECASE)


def _phrase_start(core: str, pos: int) -> int:
    """Skip the separator ("and ", ", ") a subject pattern matched before the phrase."""
    return pos + len(core[pos:]) - len(_SEPARATOR.sub("", core[pos:]))


def subject_before(
    text: str, verb: int, mentions: tuple[Mention, ...], outside: list[int], floor: int
) -> Subject | None:
    """The subject of the speech verb starting at `verb`, looking back to `floor`."""
    # Mentions starting at or after the verb end after it too: skipped without a look.
    for k in range(before_count(mentions, outside, verb) - 1, -1, -1):
        i = outside[k]
        m = mentions[i]
        if m.tail_end > verb:
            continue
        if m.start < floor:
            break
        if _TO_VERB.fullmatch(text, m.tail_end, verb):
            begin = m.hon_start if m.hon_start is not None else m.start
            if _object_of_preposition(text, floor, begin):
                return Subject("thing", at=begin)
            return Subject("mention", i, at=begin)
    window = text[floor:verb]
    if _SAME.fullmatch(window):
        return Subject("same", at=floor)
    trail = trail_start(window)
    core = window[:trail] if trail is not None else window
    skipped = len(core) - len(core.lstrip())
    found = classify(core.lstrip())
    if found is None:
        return None
    return Subject(found.kind, role=found.role, at=floor + skipped + found.at)


def before_count(mentions: tuple[Mention, ...], outside: list[int], pos: int) -> int:
    """How many of the `outside` mentions (in text order) start before `pos`."""
    return bisect_left(outside, pos, key=lambda i: mentions[i].start)


class SpanCover:
    """Quote spans (content start, end, closed) asked "does one hold / touch this?" in
    O(log n): asking every span per mention or verb was O(n^2) in texts dense with quotes."""

    def __init__(self, spans: Sequence[tuple[int, int, bool]]) -> None:
        ordered = sorted((start, end) for start, end, _ in spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def _last(self, k: int) -> int | None:
        return self._reach[k - 1] if k else None

    def holds(self, pos: int) -> bool:
        """Is `pos` inside a span (start <= pos < end)?"""
        reach = self._last(bisect_right(self._starts, pos))
        return reach is not None and reach > pos

    def touches(self, a: int, b: int) -> bool:
        """Does a span start at or before `b` and end at or after `a`?"""
        reach = self._last(bisect_right(self._starts, b))
        return reach is not None and reach >= a


def _object_of_preposition(text: str, floor: int, begin: int) -> bool:
    comma = text.rfind(",", floor, begin)
    return bool(_OBJECT_LEAD.match(text[comma + 1 if comma >= 0 else floor : begin]))
