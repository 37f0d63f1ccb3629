"""Publication dates: normalising metadata values and reading a dateline at the top."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import dateparser

from extract.article import DateOrder

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?\s*$")
# A stamp such as " date 2019-03-14 " or a dateline "Tuesday, 14 March 2019" / "March 14, 2019".
_STAMP = re.compile(r"^\s*(?:date|published|posted|updated)?[:\s]*(\d{4}-\d{2}-\d{2})\b", re.I)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATELINE = re.compile(
    rf"^\s*(?:(?:date|published|posted|updated)[:\s]+)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})\s*$",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:date|published|posted|updated)[:\s]+", re.I)
_LINES_TO_SEARCH = 3


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


def published_from_text(text: str, *, date_order: DateOrder = "DMY") -> str | None:
    """A date stamp or dateline among the first non-empty lines, else None."""
    lines = [line for line in text.splitlines() if line.strip()][:_LINES_TO_SEARCH]
    for line in lines:
        stamp = _STAMP.match(line)
        if stamp:
            return normalise_published(stamp.group(1))
        if len(line) < 60 and _DATELINE.match(line):
            return normalise_published(_LABEL.sub("", line), date_order=date_order)
    return None
