"""Figures told across a clause: a value then and now, and a count a worker carries.

"Staff turnover, which stood at 14 per cent in 2020, is now 4 per cent" is one figure:
the relative clause gives the earlier value, the main clause the current one. "No newly
qualified worker carries more than 12" and "we cap new staff at 10" are caseloads though
no noun follows the number: the verb says what is counted. Cue patterns are data
(`patterns/figures_cues.jsonl`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.figures_refine import Reading, lower_cues
from extract.numbers import Quantity

_FLAGS = re.IGNORECASE
# "which stood at", "who numbered": the earlier value sits in a relative clause.
_RELATIVE = re.compile(r"\b(?:which|who|that)\b", _FLAGS)
# After the relative clause closes: ", is now", ", are down to", ", has fallen to".
_MAIN_CLAUSE = re.compile(
    r"[^.;:!?\d]{0,25}?,\s*(?:(?:is|are|was|were|has|have|had)\s+)?(?:(?:now|since|today"
    r"|currently|already)\s+)?(?:(?:fallen|dropped|risen|grown|climbed|come\s+down|gone\s+down"
    r"|gone\s+up|fell|rose|dropped|stands?|sits?|reached)\s+)?(?:(?:to|at)\s+)?$", _FLAGS)
# Nothing after the number that could be its own noun.
_BARE = re.compile(r"\s*(?:[.,;:!?)”\"’]|$|(?:for|at|each|apiece|on|in|a|and|but|or)\b(?!-))",
                   _FLAGS)
# The verb's subject is a worker ("no newly qualified worker carries"), never a body
# ("the department will hold two").
_WORKER = re.compile(r"\b(?:workers?|staff|caseworkers?|practitioners?|nurses?|managers?"
                     r"|investigators?|officers?|each|every|we)\b[^.;:!?\d]{0,40}$", _FLAGS)
_CASELOAD_REACH = 80


def then_now(sentence: str, reading: Reading, quantity: Quantity,
             following: Iterable[Quantity]) -> tuple[Reading, Quantity] | None:
    """The figure and value when `quantity` is an earlier value told in a relative
    clause and the next number after its time phrase ("in 2020") the current one."""
    when = lower_cues()["earlier_tail"].match(sentence[quantity.end:])  # a "^" pattern
    after = quantity.end + (when.end() if when else 0)
    later = next((q for q in following if q.start >= after), None)
    if later is None or quantity.value is None or later.value is None:
        return None
    if quantity.value_from is not None or later.value_from is not None:
        return None
    if not _RELATIVE.search(sentence, reading.start, quantity.start):
        return None
    if not _MAIN_CLAUSE.match(sentence[after:later.start]):
        return None
    direction = "down" if later.value < quantity.value else "up"
    merged = later._replace(value_from=quantity.value, unit=later.unit or quantity.unit,
                     qualifier=later.qualifier or direction)
    return reading._replace(end=later.end, qualifier=merged.qualifier), merged


def carried(sentence: str, quantity: Quantity) -> Reading | None:
    """'no newly qualified worker carries more than 12', 'we cap new staff at 10',
    'experienced staff average about 14': a bare number a worker holds is a caseload."""
    if not _BARE.match(sentence, quantity.end) or quantity.unit is not None:
        return None
    left = max(0, quantity.start - _CASELOAD_REACH)
    cue = lower_cues()["carry_left"].search(sentence, left, quantity.start)
    if cue is None or not _WORKER.search(sentence, max(0, cue.start() - 60), cue.end()):
        return None
    start = _subject_start(sentence, cue.start())
    return Reading("caseload", "cases per social worker", quantity.qualifier, start,
                   quantity.end)


def _subject_start(sentence: str, at: int) -> int:
    """The worker the verb is about: 'no newly qualified worker carries'."""
    subject = re.search(r"(?:\b(?:no|each|every|new|our|experienced|all|we)\b[^.;:,!?\d]{0,40}?)$",
                        sentence[:at], _FLAGS)
    return subject.start() if subject else at
