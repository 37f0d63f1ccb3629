"""Publication dates: normalising metadata values and reading a dateline at the top."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import dateparser

from extract.article import DateOrder

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?\s*$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMERIC = r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})"
# The whole line must be a date once its label and clock time are taken away.
_DATE_ONLY = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"
    rf"|{_MONTHS}\s+{_DAY},?\s+\d{{4}}|{_NUMERIC}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.I,
)
_LABEL = re.compile(
    r"^\s*(?:(?:first\s+|last\s+)?(date|published|posted|updated|released|issued)"
    r"(?:\s+on)?|on)\s*[:\-–]?\s*",
    re.I,
)
_CLOCK = re.compile(
    r"(?:\bat\s+)?(?:\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}:\d{2}\b)"
    r"(?:\s*(?:GMT|BST|UTC|IST|[ECMP][SD]?T|AE[SD]T|NZ[SD]T))?",
    re.I,
)
# "on 21 October 2024 in Children, Workforce": the section a post was filed under.
_FILED_UNDER = re.compile(r"\s+in\s+[A-Z][\w&,’' ]*$")
_MONTH_YEAR = re.compile(rf"^(?:issue\s+\d+\s*[–—-]\s*)?{_MONTHS}\s+(\d{{4}})$", re.I)
_SEPARATORS = re.compile(r"\s*[|•·,]\s*$|^\s*[|•·,]\s*|\s+[|•·]\s+")
# Datelines come before the body; menus and headlines may come before them.
_LINES_TO_SEARCH = 25
_PROSE_LINES_BEFORE_BODY = 3
_MAX_DATELINE = 80


def normalise_published(value: Any, *, date_order: DateOrder = "DMY") -> str | None:
    """Metadata value -> 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None when unreadable.

    Partial ISO dates are kept as given ('2019-06' stays a month).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        return _iso_parts(*iso.groups())
    parsed = _parse(text, date_order)
    return parsed.isoformat() if parsed else None


def _iso_parts(year: str, month: str | None, day: str | None) -> str | None:
    try:
        if day and month:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            return f"{int(year):04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    except ValueError:
        return None
    return f"{int(year):04d}"


@lru_cache(maxsize=4096)
def _parse(text: str, date_order: DateOrder) -> dt.date | None:
    settings = {
        "DATE_ORDER": date_order,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        # A fixed base keeps the parser away from the clock; full dates don't use it.
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
    }
    result = dateparser.parse(text, languages=["en"], settings=settings)
    return result.date() if result else None


def published_from_text(
    text: str, *, date_order: DateOrder | None = None, url: str | None = None
) -> str | None:
    """A date stamp or dateline among the first lines, else None.

    A line counts when nothing but a date is left after taking away a label
    ("Published on:", "Posted") and a clock time ("at 10:41 am"). "Last updated" lines
    are used only when no other dateline is found. A numeric date is read day-first
    unless the article shows US conventions.
    """
    lines = [line for line in text.splitlines() if line.strip()][:_LINES_TO_SEARCH]
    updated: str | None = None
    prose = 0
    for line in lines:
        if _is_prose(line):
            prose += 1
            if prose >= _PROSE_LINES_BEFORE_BODY:
                break
            continue
        for part in line.split("|"):
            found, is_update = _dateline(part, text, date_order=date_order, url=url)
            if found and is_update:
                updated = updated or found
            elif found:
                return found
    return updated


def _is_prose(line: str) -> bool:
    """A body paragraph (or a long notice), as opposed to a menu, headline or dateline."""
    stripped = line.strip()
    return len(stripped) > 100 or (len(stripped) >= 60 and stripped[-1] in ".!?”\"")


def _dateline(
    part: str, text: str, *, date_order: DateOrder | None, url: str | None
) -> tuple[str | None, bool]:
    """(date, came from an 'updated' label) when `part` is nothing but a date."""
    if len(part) > _MAX_DATELINE:
        return None, False
    label = _LABEL.match(part)
    rest = _CLOCK.sub(" ", part[label.end():] if label else part)
    if label:
        rest = _FILED_UNDER.sub("", rest.rstrip())
    rest = " ".join(_SEPARATORS.sub(" ", rest).split()).strip(" ,")
    month_year = _MONTH_YEAR.match(rest)
    if month_year:
        month = normalise_published(f"1 {rest.split()[-2]} {month_year.group(1)}")
        return (month[:7] if month else None), False
    if not _DATE_ONLY.match(rest):
        return None, False
    order = date_order or _numeric_order(rest, text, url)
    found = normalise_published(rest, date_order=order)
    return found, bool(label and (label.group(1) or "").lower() == "updated")


def _numeric_order(date_text: str, text: str, url: str | None) -> DateOrder:
    if not re.fullmatch(_NUMERIC, date_text):
        return "DMY"
    from extract.dates import detect_date_order

    return detect_date_order(text, url=url)
