"""Clock times: finding them in text and reading them as 24-hour HH:MM values."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.dates_patterns import read_jsonl
from extract.doctext import folds_as_lower, lowered

_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<meridiem>a\.?m\.?|p\.?m\.?)?", re.I
)
_NAMED = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
_LEADS = ("from", "between")  # before a range: "from 6 to 8pm"


@lru_cache(maxsize=1)
def time_regex() -> re.Pattern[str]:
    """Clock times and ranges: "10am", "10.30am-2pm", "from 6 to 8pm", "noon"."""
    parts = {row["name"]: row["regex"] for row in read_jsonl("dates_times.jsonl")}
    atom, bare, join = parts["ATOM"], parts["BARE"], parts["JOIN"]
    # Every time starts with a digit or the first letter of "from", "between", "noon",
    # "midday" or "midnight": the lookahead lets the engine pass other places quickly.
    return re.compile(
        rf"(?=[\dfbnm])(?:(?<![\w£$€.:])(?:(?:{'|'.join(_LEADS)})\s+)?"
        rf"(?P<range>(?P<a>{atom}|{bare}){join}(?P<b>{atom}))"
        rf"|(?<![\w£$€.:])(?P<single>{atom}))",
        re.I,
    )


def find_times(text: str) -> list[tuple[int, int]]:
    """Character offsets of every time or time range in `text`.

    The regex is tried only where a time can start (`_starts`), in order, each try from
    the end of the last time found: the times `finditer` gives, without its attempt at
    every character of the text."""
    starts = _starts(text)
    if starts is None:
        return _scan(text)
    found: list[tuple[int, int]] = []
    last, match = 0, time_regex().match
    for start in starts:
        if start >= last and (time := match(text, start)) is not None:
            group = "range" if time.group("range") else "single"
            found.append((time.start(group), time.end(group)))
            last = time.end()
    return found


def _scan(text: str) -> list[tuple[int, int]]:
    """`find_times` by the regex's own search."""
    found: list[tuple[int, int]] = []
    for match in time_regex().finditer(text):
        group = "range" if match.group("range") else "single"
        found.append((match.start(group), match.end(group)))
    return found


def _starts(text: str) -> list[int] | None:
    """Every offset where a time may start, in order (a superset); None when the text
    holds a non-ASCII digit or a letter that IGNORECASE folds unlike `str.lower`.

    A time holds a clock time (`ATOM`), which holds a digit or "noon", "midday" or
    "midnight", and the offsets reported (the `range` or `single` group) open with that
    digit run or word. A match that opens with "from"/"between" is tried again at its
    digit or word with the same outcome, so those words need no try of their own. (No
    time starts inside a digit run: a word character may not come before it.) Digit
    runs and the text's other characters are found by `bytes` methods in C (numpy's
    calls cost more on an article than the work itself).
    """
    if not text:
        return []
    if not text.isascii():
        # The non-ASCII characters: the ASCII bytes of the UTF-8 text deleted (every byte
        # of a longer character is above them). `\d` is `str.isdecimal`: only ASCII
        # digits are looked for here. (The folding letters are not ASCII.)
        wide = set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
                   .decode("utf-8", "surrogatepass"))
        chars = "".join(wide)
        if not folds_as_lower(chars) or any(ch.isdecimal() for ch in chars):
            return None
    # One byte per character (one "?" for each non-ASCII one), "1" for a digit, else "0":
    # a digit run starts at the text's start or after a "01".
    marks = text.encode("ascii", "replace").translate(_DIGIT_MARKS)
    starts = [0] if marks[0] == _ONE else []
    at = marks.find(b"01")
    while at >= 0:
        starts.append(at + 1)
        at = marks.find(b"01", at + 2)
    # No folding letter is left here, so `lowered` gives the lower case (shared with
    # the other components reading this text).
    lower = lowered(text) or text.lower()
    for word in _NAMED:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    return sorted(set(starts))


_ASCII = bytes(range(128))
_ONE = ord("1")
_DIGIT_MARKS = bytes(_ONE if chr(byte) in "0123456789" else ord("0") for byte in range(256))


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
