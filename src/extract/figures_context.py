"""Numbers read from their surroundings rather than from a noun after them.

A number with no noun of its own takes its meaning from the clause after it ("a further
six due to start", "41 of whom are still working here"), from the figure just before it
in the same sentence ("an average of 21 families each, compared with a state standard of
15"), or, for a bare rate, from the figure an earlier sentence gave ("That figure is now
9%"). Counts that describe one person's experience, ages and numbered report paragraphs
are not workforce figures, nor are years, phone-number groups and numbers led by a date or
money word. Cue patterns are data (`patterns/figures_cues.jsonl`).
"""

from __future__ import annotations

import re

from extract.figures_refine import Reading, cues, lower_cues
from extract.numbers import Quantity

_FLAGS = re.IGNORECASE
# A paragraph number of a committee report: "4.2 There were 23 vacant posts".
_CLAUSE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
# Coordinated objects share the verb: "recruit 15 social workers and six team leaders".
# "advertising 18 roles, including 12 social workers": a part of the recruits is recruited.
_COORDINATION = re.compile(r"^[\s,]*(?:and|&|as well as|plus|including|among them)\s+$"
                           r"|^\s*,\s*$", _FLAGS)
_STAFF_KINDS = {"staff_count", "other"}
# "four caseworkers in two years": people one family met over a period.
_PERIOD_TAIL = re.compile(r"\b(?:in|over|within)\s+(?:just\s+|only\s+)?(?:[\w-]+\s+)?"
                          r"(?:years?|months?|weeks?)\b", _FLAGS)
# Words after a compared number that still leave it bare: "9 per cent nationally".
_PLACE_OR_TIME = re.compile(r"nationally|regionally|statewide|elsewhere|previously|then|when|in",
                            _FLAGS)
# A bare rate carried over from an earlier sentence must stand this close to it.
_ANAPHORA_REACH = 400
_CAPITAL_AFTER = re.compile(r"\.?\s+[A-Z(]")
_NUMBERED_LINE = re.compile(r"(?:^|\n)[^\S\n]*\d{1,2}(?:\.\d{1,2})+[^\S\n]+$")
_WORD_AFTER = re.compile(r"\s*(?:of\b|[^\W\d_])", _FLAGS)
_YEAR = re.compile(r"\d{4}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[-–/]\d\d")
_DIGIT_BEFORE = re.compile(r"\d[\s-]$")
_DIGIT_AFTER = re.compile(r"[\s-]\d")
_LINK_AFTER = re.compile(r"\s*(?:and|but|now|this|last|a\s+year)\b", _FLAGS)
# (compiled once: `re.match` with a source looks it up in the module cache per call)
_OVER = re.compile(r"(?:over|under|above)\b", _FLAGS)
_AGE_END = re.compile(r"\s*(?:[.,;:!?)”\"’–—-]|$)")
_DIFFERENT = re.compile(r"\bdifferent\b", _FLAGS)
_MORE = re.compile(r"\s+(?:more|others?)\b", _FLAGS)
_NEXT_WORD = re.compile(r"\s*[-–]?\s*([^\W\d_][\w’'-]*)")
_PHRASE_END = re.compile(r"\b(?:a|an|the|its|their|our)\b[^.;:!?\d]*$")
_PLACE = re.compile(r"\s+(?:nationally|regionally|statewide|across\s+(?:the\s+)?\w+)", _FLAGS)


def looks_like_distractor(sentence: str, quantity: Quantity, lstart: int) -> bool:
    """Years, phone-number groups and numbers led by a date, page or money word."""
    raw = sentence[lstart:quantity.end].strip()
    # (a year is four characters, a range of years seven: the length rules most out)
    size = len(raw)
    bare = _YEAR.fullmatch(raw) if size == 4 else None
    if bare and quantity.unit is None and 1900 <= int(bare.group()) <= 2100:
        return True
    if size == 7 and _YEAR_RANGE.fullmatch(raw):
        return True  # a financial or school year: "2021-22"
    # (a "$" match ends at most one newline before the end: three characters decide)
    digit_before = _DIGIT_BEFORE.search(sentence[max(0, lstart - 3):lstart])
    if ((digit_before and not after_clause_number(sentence, lstart))
            or _DIGIT_AFTER.match(sentence, quantity.end)):
        return quantity.unit is None
    return bool(lower_cues()["distractor_left"].search(sentence[max(0, lstart - 30):lstart]))


def is_clause_number(sentence: str, quantity: Quantity) -> bool:
    """'4.2 There were ...' at the start of a line is a paragraph number, not a figure."""
    raw = sentence[quantity.start:quantity.end]
    if quantity.unit or not _CLAUSE_NUMBER.fullmatch(raw):
        return False
    line_start = sentence[:quantity.start].rstrip(" \t").endswith("\n") or not sentence[
        :quantity.start].strip()
    return line_start and bool(_CAPITAL_AFTER.match(sentence, quantity.end))


def after_clause_number(sentence: str, lstart: int) -> bool:
    """'4.5 Nine agency social workers': the paragraph number is no phone-number group."""
    # A match holds no newline but the one it starts at, and ends at lstart or just before
    # a newline there: it can start only at the last newline before that end (or at 0).
    last = lstart - 1 if sentence.endswith("\n", 0, lstart) else lstart
    return bool(_NUMBERED_LINE.match(sentence, max(0, sentence.rfind("\n", 0, last)), lstart))


def is_age(sentence: str, quantity: Quantity) -> bool:
    """'workers are over 55', 'applicants must be 16 or older'."""
    if quantity.unit or quantity.value is None or not 14 <= quantity.value < 100:
        return False
    c = lower_cues()
    right = sentence[quantity.end:]
    if c["age_right"].match(right):
        return True
    over = _OVER.match(sentence[quantity.start:quantity.end])
    return bool(over and c["age_left"].search(sentence[:quantity.start])
                and _AGE_END.match(right))


def is_personal_count(words: str, left: str, tail: str) -> bool:
    """'she has had four caseworkers', 'five different social workers in two years'."""
    return bool(lower_cues()["personal_left"].search(left[-60:])
                or _DIFFERENT.search(words) or _PERIOD_TAIL.search(tail))


def coordinated(reading: Reading, sentence: str, previous: Reading | None) -> Reading:
    """A staff noun joined by 'and' to a recruits figure is recruited too."""
    if previous is None or previous.metric != "recruits" or reading.metric not in _STAFF_KINDS:
        return reading
    if not _COORDINATION.match(sentence[previous.end:reading.start]):
        return reading
    return Reading("recruits", reading.unit, reading.qualifier, reading.start, reading.end)


def elliptical(sentence: str, quantity: Quantity, previous: Reading | None) -> Reading | None:
    """A number whose noun is left out, read from the clause after it: recruits, or
    people still in post."""
    c = lower_cues()
    lstart, right = quantity.start, sentence[quantity.end:]
    more = _MORE.match(right)
    if more and c["recruit_left"].search(sentence[max(0, lstart - 50):lstart]):
        return Reading("recruits", "people", quantity.qualifier, _verb_start(sentence, lstart),
                       quantity.end + more.end())
    hired = c["recruit_right"].match(right.lstrip())
    if hired:
        end = quantity.end + len(right) - len(right.lstrip()) + hired.end()
        lead = c["recruit_lead"].search(sentence[max(0, lstart - 20):lstart])
        start = lstart - len(lead.group()) if lead else lstart
        return Reading("recruits", "people", quantity.qualifier, start, end)
    applied = c["applied_clause"].match(right)
    if applied:  # "11 of those attending have since applied"
        return Reading("other", "applications", quantity.qualifier, lstart,
                       quantity.end + applied.end())
    kept = c["retained_clause"].match(right)
    if kept:
        return Reading("other", "people", quantity.qualifier, lstart, quantity.end + kept.end())
    return None


def is_earlier(sentence: str, quantity: Quantity, previous: Reading | None) -> bool:
    """'compared with 27 in 2022' after a figure is that figure's earlier value."""
    c = lower_cues()
    return previous is not None and bool(
        c["earlier_lead"].search(sentence[previous.end:quantity.start])
        and c["earlier_tail"].match(sentence[quantity.end:]))


def _verb_start(sentence: str, lstart: int) -> int:
    match = lower_cues()["recruit_left"].search(sentence[max(0, lstart - 50):lstart])
    return lstart - 50 + match.start() if match and lstart >= 50 else (
        match.start() if match else lstart)


def compared(sentence: str, quantity: Quantity, previous: Reading | None) -> Reading | None:
    """'21 families each, compared with a state standard of 15': a bare number compared
    with the figure just before it counts the same thing."""
    if previous is None or lower_cues()["personal_left"].search(sentence[:quantity.start][-60:]):
        return None
    c = lower_cues()
    gap = sentence[previous.end:quantity.start]
    right = sentence[quantity.end:]
    if not c["compare_gap"].search(gap):
        return None
    following = _NEXT_WORD.match(right)
    if following and not (c["stop"].fullmatch(following.group(1))
                          or _PLACE_OR_TIME.fullmatch(following.group(1))):
        return None  # a noun of its own that the head list did not know
    start = quantity.start
    phrase = _PHRASE_END.search(gap)
    if phrase and len(gap) - phrase.start() <= 50:
        start = previous.end + phrase.start()
    place = _PLACE.match(right)
    end = quantity.end + (place.end() if place else 0)
    return Reading(previous.metric, quantity.unit or previous.unit, quantity.qualifier,
                   start, end)


def anaphora_start(sentence: str, quantity: Quantity) -> int | None:
    """Where 'That figure is now 9%' begins: a bare rate after a cue that refers back.
    None when the rate has a noun of its own or no cue. Read before the earlier figure
    is looked for, which costs more."""
    if quantity.unit not in {"percent", "fraction"}:
        return None
    if _WORD_AFTER.match(sentence, quantity.end) and not _LINK_AFTER.match(sentence, quantity.end):
        return None
    cue = lower_cues()["anaphora_left"].search(sentence[max(0, quantity.start - 60):quantity.start])
    return None if cue is None else quantity.start - len(cue.group())


def anaphoric(quantity: Quantity, last: tuple[int, str, str | None] | None, offset: int, *,
              start: int) -> Reading | None:
    """The figure of a bare rate that `anaphora_start` found begins at `start`: it takes
    the metric of `last`, (end offset in the text, metric, unit) of the latest figure
    before, if that stands close enough."""
    if last is None or offset + quantity.start - last[0] > _ANAPHORA_REACH:
        return None
    return Reading(last[1], quantity.unit, quantity.qualifier, start, quantity.end)


_NAMED_KINDS = ("vacancy_rate", "turnover", "agency_staff")


def named_before(text: str, at: int) -> tuple[int, str, str | None] | None:
    """'The vacancy rate has been a concern. It now stands at 9%': the rate an earlier
    sentence names without a figure. (end offset, metric, unit) of the last one named
    within reach before `at`, for `anaphoric`."""
    low = max(0, at - _ANAPHORA_REACH)
    best: tuple[int, str, str | None] | None = None
    for kind in _NAMED_KINDS:
        for match in cues()[f"named_{kind}"].finditer(text, low, at):
            if best is None or match.end() > best[0]:
                best = (match.end(), kind, None)
    return best
