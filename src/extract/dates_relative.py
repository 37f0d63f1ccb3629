"""Relative date phrases: "tomorrow (Wednesday)", "last night", "Friday night",
"this Saturday", "next month", "yesterday (Monday 2 April)", "last Friday (the 12th)"."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from extract.dates_normalise import (
    Anchor,
    DateValue,
    choose_year,
    explicit_parts,
    explicit_value,
    month_value,
    parse_with_dateparser,
    weekday_of,
)

_DAY_ORD = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_ONE_DAY = dt.timedelta(days=1)


def _split_paren(text: str) -> tuple[str, str | None]:
    head, _, inner = text.partition("(")
    return head.strip(), (inner.rstrip(") \n") or None) if inner else None


def _weekday_near(reference: dt.date, weekday: int, direction: str) -> dt.date:
    """The given weekday strictly before ("past"), on or after ("this") or after ref."""
    if direction == "past":
        return reference - dt.timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    if direction == "this":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def _day_value(head: str, anchor: Anchor, reference: dt.date) -> dt.date | None:
    lowered = head.lower()
    if "yesterday" in lowered or lowered.startswith("last"):
        word = "yesterday"
    elif "tomorrow" in lowered:
        word = "tomorrow"
    else:
        word = "today"
    return parse_with_dateparser(word, anchor.order, reference, "current_period")


def _weekday_value(head: str, anchor: Anchor, reference: dt.date) -> dt.date | None:
    weekday = weekday_of(head)
    if weekday is None:
        return None
    first = head.lower().split()[0]
    if first == "last":
        return _weekday_near(reference, weekday, "past")
    if first not in {"next", "this", "coming"} and anchor.tense == "past":
        # "The board on Tuesday voted" in Tuesday's release: that day itself.
        return _weekday_near(reference + _ONE_DAY, weekday, "past")
    return _weekday_near(reference, weekday, "this" if first in {"this", "coming"} else "next")


def _day_of_month(day: int, estimate: dt.date, tense: str | None) -> dt.date | None:
    """The date with this day-of-month nearest the estimate, honouring the tense."""
    options = []
    for shift in (-1, 0, 1):
        month_index = estimate.year * 12 + estimate.month - 1 + shift
        try:
            options.append(dt.date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    if tense == "past" and (earlier := [d for d in options if d <= estimate]):
        return max(earlier)
    if tense == "future" and (later := [d for d in options if d >= estimate]):
        return min(later)
    return min(options, key=lambda d: abs((d - estimate).days)) if options else None


def _refine(estimate: dt.date, inner: str, anchor: Anchor) -> dt.date | None:
    """Let a parenthesis ("(Monday 2 April)", "(the 12th)", "(Wednesday)") correct the day."""
    weekday = weekday_of(inner)
    day = _DAY_ORD.search(inner)
    if _MONTH_NAME.search(inner) and day:
        parts = explicit_parts(inner, anchor.order)
        if parts:
            month, day_number, year = parts
            if year is not None:
                return dt.date(year, month, day_number)
            return choose_year(month, day_number, weekday=weekday, anchor=estimate, tense=None)
    if day:
        return _day_of_month(int(day.group(1)), estimate, None)
    if weekday is not None and estimate.weekday() != weekday:
        shift = (weekday - estimate.weekday() + 3) % 7 - 3
        return estimate + dt.timedelta(days=shift)
    return estimate


def _no_reference(inner: str | None, anchor: Anchor) -> DateValue:
    parts = explicit_parts(inner, anchor.order) if inner and _MONTH_NAME.search(inner) else None
    if parts is None:
        return DateValue(None, None, True)
    month, day, year = parts
    if year is not None:
        return DateValue(dt.date(year, month, day), None, True)
    return DateValue(None, f"--{month:02d}-{day:02d}", True)


def _vague(head: str, anchor: Anchor) -> DateValue:
    lowered = head.lower()
    reference = anchor.reference or anchor.approx
    if "month" not in lowered or reference is None:
        return DateValue(None, None, False)
    shift = 1 if "next" in lowered else -1 if "last" in lowered else 0
    month = (reference.month - 1 + shift) % 12 + 1
    return DateValue(None, f"--{month:02d}", False)


def relative_value(label: str, text: str, anchor: Anchor) -> DateValue:
    """Normalise a relative phrase found with label REL_DAY, WEEKDAY, DAY_ONLY, VAGUE..."""
    head, inner = _split_paren(" ".join(text.split()))
    if label == "VAGUE":
        return _vague(head, anchor)
    if label == "MONTH_REL":
        return month_value(head, anchor)
    reference = anchor.reference
    if reference is None:
        return _no_reference(inner, anchor)
    if label == "DAY_ONLY":
        day = _DAY_ORD.search(head)
        estimate = _day_of_month(int(day.group(1)), reference, anchor.tense) if day else None
    elif label == "WEEKDAY":
        estimate = _weekday_value(head, anchor, reference)
    else:
        estimate = _day_value(head, anchor, reference)
    if estimate is not None and inner:
        estimate = _refine(estimate, inner, anchor)
    return DateValue(estimate, None, True)


_EXPLICIT = frozenset({"DATE", "DATE_RANGE", "DATE_NUMERIC", "DATE_ISO"})
_MONTHLY = frozenset({"MONTH", "MONTH_YEAR"})


@lru_cache(maxsize=8192)
def normalise_phrase(label: str, text: str, anchor: Anchor) -> DateValue:
    """Any found date phrase, by the label of the pattern that found it (a pure function
    of its arguments, remembered: the same phrases recur in every article)."""
    if label in _EXPLICIT:
        return explicit_value(" ".join(text.split()), anchor)
    if label in _MONTHLY:
        return month_value(text, anchor)
    return relative_value(label, text, anchor)


def day_only_value(text: str, previous: DateValue | None, anchor: Anchor) -> DateValue:
    """"on the 20th": the month of the date mentioned just before, else the reference's."""
    day = _DAY_ORD.search(text)
    if day is None:
        return DateValue(None, None, True)
    if previous is not None and previous.date is not None:
        return DateValue(_day_of_month(int(day.group(1)), previous.date, None), None, True)
    if previous is not None and previous.partial and len(previous.partial) == 7:
        return DateValue(None, f"{previous.partial[:4]}-{int(day.group(1)):02d}", True)
    return relative_value("DAY_ONLY", text, anchor)
