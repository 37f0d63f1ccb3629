"""Clock times: finding them in text and reading them as 24-hour HH:MM values."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.dates_patterns import read_jsonl

_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<meridiem>a\.?m\.?|p\.?m\.?)?", re.I
)
_NAMED = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}


@lru_cache(maxsize=1)
def time_regex() -> re.Pattern[str]:
    """Clock times and ranges: "10am", "10.30am-2pm", "from 6 to 8pm", "noon"."""
    parts = {row["name"]: row["regex"] for row in read_jsonl("dates_times.jsonl")}
    atom, bare, join = parts["ATOM"], parts["BARE"], parts["JOIN"]
    # Every time starts with a digit or the first letter of "from", "between", "noon",
    # "midday" or "midnight": the lookahead lets the engine pass other places quickly.
    return re.compile(
        rf"(?=[\dfbnm])(?:(?<![\w£$€.:])(?:(?:from|between)\s+)?"
        rf"(?P<range>(?P<a>{atom}|{bare}){join}(?P<b>{atom}))"
        rf"|(?<![\w£$€.:])(?P<single>{atom}))",
        re.I,
    )


def find_times(text: str) -> list[tuple[int, int]]:
    """Character offsets of every time or time range in `text`."""
    found: list[tuple[int, int]] = []
    for match in time_regex().finditer(text):
        group = "range" if match.group("range") else "single"
        found.append((match.start(group), match.end(group)))
    return found


def _meridiem(text: str) -> str | None:
    lowered = text.lower()
    if "noon" in lowered or "midday" in lowered:
        return "pm"
    match = _CLOCK.search(text)
    if match and match.group("meridiem"):
        return "am" if match.group("meridiem").lower().startswith("a") else "pm"
    return None


def _clock(text: str, meridiem: str | None) -> tuple[int, int] | None:
    lowered = text.lower().strip()
    for word, value in _NAMED.items():
        if word in lowered:
            return value
    match = _CLOCK.search(text)
    if not match:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def _format(value: tuple[int, int] | None) -> str | None:
    return f"{value[0]:02d}:{value[1]:02d}" if value else None


@lru_cache(maxsize=2048)
def parse_time(text: str) -> tuple[str | None, str | None]:
    """("10.30am-2pm") -> ("10:30", "14:00"); the start of a range borrows the end's am/pm
    ("6 to 8pm") unless that would put the start after the end ("11-1pm")."""
    match = time_regex().search(text)
    if not match:
        return None, None
    if not match.group("range"):
        return _format(_clock(match.group("single"), _meridiem(match.group("single")))), None
    first, second = match.group("a"), match.group("b")
    end = _clock(second, _meridiem(second))
    start_meridiem = _meridiem(first) or _meridiem(second)
    start = _clock(first, start_meridiem)
    if start and end and start > end and _meridiem(first) is None:
        start = _clock(first, "am")
    return _format(start), _format(end)
