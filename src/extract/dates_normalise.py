"""Date phrases -> calendar values, resolved against the publication date (never the clock).

dateparser reads the month/day/year of explicit phrases and the offset of relative ones;
the year of a year-less date is chosen here so that it agrees with a stated weekday and
with the tense of the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import methodcaller

from extract.article import DateOrder

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_WORD = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday|r|rs)?\b\.?,?", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\d[/.]\d{1,2}[/.]\d{2}$")
_DAY_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
# "20-24 March" / "May 13 to 26" keep the first day: ranges report their start.
_RANGE_TAIL = re.compile(
    r"(\d{1,2}(?:st|nd|rd|th)?)\s*(?:-|–|—|to|until|till)\s*(?:[A-Za-z]+day,?\s+)?"
    r"(\d{1,2}(?:st|nd|rd|th)?)(?!\s*[/.]\d)"
)
# `sub(r"\1")` with the group read by a C callable: a template string is expanded by
# Python code on every call (group 1 always takes part in a match).
_FIRST_GROUP = methodcaller("group", 1)
_ISO = re.compile(r"(\d{4})\s*-\s*(\d{2})\s*-\s*(\d{2})")
_NOISE = re.compile(r"\b(?:the|of|on|from|in|during|throughout|since|early|late|mid)\b|[(),]", re.I)
# "12 March 2024", "Oct. 5": a dateparser call costs milliseconds, so a plainly written
# day + month (+ year) is read directly; checked to agree with dateparser in both date
# orders for every day, spelling and year form accepted here. Anything else goes to dateparser.
_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH_NUMBERS = {**{name: n for n, name in enumerate(_FULL_MONTHS, 1)},
                  **{name: n for n, name in enumerate(_MONTHS, 1)}, "sept": 9}
_WRITTEN_DMY = re.compile(
    r"([0-9]{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: ((?:19|20)[0-9]{2}))?", re.I)
_WRITTEN_MDY = re.compile(
    r"([a-z]+)\.? ([0-9]{1,2})(?:st|nd|rd|th)?(?: ((?:19|20)[0-9]{2}))?", re.I)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date phrase; `precise` is False for months and weeks."""

    date: dt.date | None
    partial: str | None
    precise: bool


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a phrase is resolved against: the publication date, or only its year/month."""

    reference: dt.date | None
    approx: dt.date | None
    order: DateOrder
    tense: str | None


@lru_cache(maxsize=4096)
def parse_with_dateparser(
    text: str, order: DateOrder, base: dt.date, prefer: str
) -> dt.date | None:
    """dateparser with every setting explicit; RELATIVE_BASE is the caller's anchor."""
    # Imported on first use, not with this module: the import costs about as much as
    # 100 articles, and plainly written dates (most of them) never need dateparser.
    import dateparser
    settings = {
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "STRICT_PARSING": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def weekday_of(text: str) -> int | None:
    match = _WEEKDAY_WORD.search(text)
    return _WEEKDAYS.index(match.group(1).lower()) if match else None


def _written_date(core: str) -> dt.date | None:
    """What dateparser makes of a "D Month [YYYY]" / "Month D [YYYY]" phrase (year 2000
    when none is written), or None when the phrase is anything else or not a real day."""
    if match := _WRITTEN_DMY.fullmatch(core):
        day, month, year = match.groups()
    elif match := _WRITTEN_MDY.fullmatch(core):
        month, day, year = match.groups()
    else:
        return None
    number = _MONTH_NUMBERS.get(month.lower())
    return None if number is None else _safe_date(int(year or 2000), number, int(day))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def choose_year(
    month: int, day: int, *, weekday: int | None, anchor: dt.date, tense: str | None
) -> dt.date | None:
    """The occurrence of day/month near `anchor` that fits the weekday, then the tense."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    if tense == "future" and (later := [d for d in candidates if d >= anchor]):
        return min(later)
    if tense == "past" and (earlier := [d for d in candidates if d <= anchor]):
        return max(earlier)
    return min(candidates, key=lambda d: abs((d - anchor).days)) if candidates else None


@lru_cache(maxsize=8192)
def explicit_parts(text: str, order: DateOrder) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of an explicit phrase, via dateparser."""
    core = _RANGE_TAIL.sub(_FIRST_GROUP, text)
    core = " ".join(_NOISE.sub(" ", _WEEKDAY_WORD.sub(" ", core)).split())
    # A leap-year base keeps "29 February" valid; the year is chosen later.
    parsed = _written_date(core) or parse_with_dateparser(
        core, order, dt.date(2000, 1, 1), "current_period")
    if parsed is None:
        return None
    stated = _YEAR.search(core)
    return parsed.month, parsed.day, parsed.year if stated else None


def _from_parts(
    parts: tuple[int, int, int | None], weekday: int | None, anchor: Anchor
) -> DateValue:
    month, day, year = parts
    partial = f"--{month:02d}-{day:02d}"
    if year is not None:
        return DateValue(_safe_date(year, month, day), None, True)
    base = anchor.reference or anchor.approx
    if base is None:
        return DateValue(None, partial, True)
    chosen = choose_year(month, day, weekday=weekday, anchor=base, tense=anchor.tense)
    return DateValue(chosen, None if chosen else partial, True)


def month_value(text: str, anchor: Anchor) -> DateValue:
    match = _MONTH_WORD.search(text)
    if match is None:
        return DateValue(None, None, False)
    return DateValue(None, f"--{_MONTHS.index(match.group(1).lower()) + 1:02d}", False)


def explicit_value(text: str, anchor: Anchor) -> DateValue:
    reading = _explicit_reading(text, anchor.order)
    if reading is None:
        return DateValue(None, None, True)
    if isinstance(reading, DateValue):
        return reading
    parts, weekday = reading
    return _from_parts(parts, weekday, anchor)


@lru_cache(maxsize=8192)
def _explicit_reading(
    text: str, order: DateOrder
) -> DateValue | tuple[tuple[int, int, int | None], int | None] | None:
    """What `explicit_value` reads from the text alone: an ISO date's value, else the
    parts and the weekday (None when no parts are read). Remembered by text and order:
    the anchor differs in every article, so the value itself is rarely found again."""
    iso = _ISO.fullmatch(text.strip())
    if iso:
        return DateValue(_safe_date(*(int(part) for part in iso.groups())), None, True)
    parts = explicit_parts(text, order)
    if parts is None:
        return None
    return parts, weekday_of(text)
