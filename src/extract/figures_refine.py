"""Which kind of workforce count a noun phrase is, from its modifiers and its clause.

`figures_metric` finds the noun a number attaches to; this module reads the words around
that phrase (cues in `patterns/figures_cues.jsonl`): "agency", "vacant", "have been filled",
"lost", a recruiting verb that governs the number.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.figures_literals import LoweredRegex
from extract.numbers import Quantity
from extract.patterns_data import pattern_rows

_FLAGS = re.IGNORECASE
# Nouns that name people in training or applying: "other" unless a recruiting verb
# governs them ("recruit 30 newly qualified social workers" hires them).
_APPLYING = re.compile(r"applica|candidate|bursar|placement|places", _FLAGS)
_ON_OFFER = re.compile(r"\s+(?:are\s+|now\s+)?(?:on\s+offer|up\s+for\s+grabs)\b", _FLAGS)


class Entry(NamedTuple):  # (named tuples: made per number, faster than dataclasses)
    metric: str
    unit: str | None


class Reading(NamedTuple):
    """What a quantity counts, and the character span (sentence-relative) of its phrase."""

    metric: str
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    value_from: float | None = None


def rows(name: str) -> list[dict[str, str]]:
    return pattern_rows(name)


def spaced(pattern: str) -> str:
    """Data patterns write one space; articles have runs of spaces and hard line breaks."""
    return pattern.replace(" ", r"\s+")


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    # (imported here: figures_nouns reads this module's lists when it is imported)
    from extract.figures_nouns import guarded

    # each led by a lookahead for its first letters: most positions fail in one step
    found = {r["kind"]: re.compile(guarded(spaced(r["pattern"])), _FLAGS)
             for r in rows("figures_cues.jsonl")}
    # A recruiting verb counts only when it governs the number: at most three words before,
    # an opening quote allowed ('recruit "around 30" social workers').
    near = rf"(?:{found['recruit_left'].pattern})\b(?:\s+[\w’'-]+){{0,3}}\s*[\"“‘']?$"
    found["recruit_left"] = re.compile(near, _FLAGS)
    return found


# A cue with at least this many alternatives is searched in its lowered form: a case-
# folding regex tries each alternative of a branch in turn. A shorter one costs less than
# lower-casing the text it is searched in.
_LONG_BRANCH = 20


@lru_cache(maxsize=1)
def lower_cues() -> dict[str, LoweredRegex | re.Pattern[str]]:
    """`cues()`, the long ones searched on lower-cased text where that finds the same."""
    return {kind: LoweredRegex(pattern) if pattern.pattern.count("|") >= _LONG_BRANCH
            else pattern for kind, pattern in cues().items()}


def refine(entry: Entry, words: str, left: str, right: str, quantity: Quantity) -> Entry:
    """Modifiers and the rest of the clause say which kind of workforce count this is."""
    c = lower_cues()
    if entry.metric == "vacancy_rate" and (c["filled_left"].search(left[-40:])
                                           or _on_offer(right)):
        return Entry("recruits", "posts")  # "filled three of the vacancies"
    if entry.metric == "agency_staff" and c["recruit_right"].match(right.lstrip()):
        return Entry("recruits", entry.unit)  # "26 former locums have taken permanent posts"
    if entry.metric not in {"staff_count", "recruits", "people", "other"}:
        return entry
    if c["to_fill_right"].match(right):
        return Entry("vacancy_rate", "posts")  # "nine positions still to fill"
    if c["sponsor_left"].search(left[-25:]):
        return Entry("other", entry.unit)  # "sponsors 8 employees through a degree"
    if c["leave_clause"].search(right) or c["lost_left"].search(left[-20:]):
        return Entry("turnover", entry.unit)
    if entry.metric == "other":
        recruited = not _APPLYING.search(words) and (c["recruit_left"].search(left[-50:])
                                                     or c["recruit_right"].match(right.lstrip()))
        return Entry("recruits", entry.unit) if recruited else entry
    if c["agency_modifier"].search(words) or c["agency_clause"].search(right):
        return Entry("agency_staff", entry.unit)  # "37 of those posts are covered by agency"
    if c["shortfall_left"].search(left[-20:]):
        return Entry("vacancy_rate", "posts")  # "short of 38 social workers"
    if c["vacancy_modifier"].search(words) or c["vacant_clause"].search(right):
        return Entry("vacancy_rate", "posts")
    if c["establishment_modifier"].search(words):
        return Entry("staff_count", "posts")  # "132 budgeted positions"
    if c["filled_clause"].search(right):
        return Entry("recruits", "posts")
    if c["qualify_clause"].search(right) or c["apply_clause"].search(right):
        return Entry("other", entry.unit)
    if quantity.unit:  # a share of staff: what kind of staff, said on either side
        return _share_of_staff(words + " " + right[:60] + " " + left[-60:], entry)
    if (c["recruit_modifier"].search(words) or c["recruit_left"].search(left[-50:])
            or c["recruit_lead"].search(left[-20:]) or c["recruit_right"].match(right.lstrip())):
        return Entry("recruits", entry.unit)
    if entry.metric == "people":
        staffed = c["staff_left"].search(left[-30:]) or c["staff_right"].search(right)
        return Entry("staff_count", entry.unit) if staffed else Entry("distractor", None)
    return entry


def _on_offer(right: str) -> bool:
    """'Over 50 vacancies on offer': jobs offered at a fair are recruits."""
    return bool(_ON_OFFER.match(right))


def _share_of_staff(clause: str, entry: Entry) -> Entry:
    c = lower_cues()
    if c["agency_modifier"].search(clause):
        return Entry("agency_staff", entry.unit)
    if c["vacancy_modifier"].search(clause):
        return Entry("vacancy_rate", entry.unit)
    return Entry("other", entry.unit)
