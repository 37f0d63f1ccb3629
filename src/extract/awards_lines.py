"""Results written as lines: 'Team of the Year (Adult Services): gold – A; silver – B'.

A line names its category before a colon and lists level–recipient pairs after it,
separated by semicolons. Lines that do not fit are left to the sentence readers.
"""

from __future__ import annotations

import re
from typing import Any

Row = dict[str, Any]
_FLAGS = re.IGNORECASE
_LINE = re.compile(r"^[^\S\n]*(?:[-*•·–][^\S\n]*)?(?P<cat>[A-Z][^:\n]{2,80}?):[^\S\n]*"
                   r"(?P<rest>[^\n]+)$", re.MULTILINE)
_LEVEL = (r"(?P<level>gold|silver|bronze|winners?|highly[\s-]commended|runners?[\s-]up"
          r"|finalists?|shortlisted)")
_ITEM = re.compile(rf"^\s*{_LEVEL}\s*[–—:-]\s*(?P<rec>\S.*?)\s*$", _FLAGS)
_NORMAL = {"winners": "winner", "finalists": "finalist", "highly-commended": "highly commended"}


def medal_lines(text: str) -> list[Row]:
    """One row per level–recipient pair on every results line of `text`."""
    rows: list[Row] = []
    for line in _LINE.finditer(text):
        pos = line.start("rest")
        for part in line["rest"].split(";"):
            item = _ITEM.match(part)
            if item is not None:
                start = pos + item.start("rec")
                rows.append(_row(line["cat"].strip(), item, start))
            pos += len(part) + 1
    return rows


def _row(category: str, item: re.Match[str], start: int) -> Row:
    level = re.sub(r"\s+", " ", item["level"].lower())
    level = _NORMAL.get(level, level)
    if level.startswith("runner"):
        level = "runner-up"  # no level in the contract's list: recorded as null
    recipient = item["rec"]
    return {"start": start, "end": start + len(recipient), "award": category,
            "recipient": recipient, "level": level, "sentence": (start, start + len(recipient)),
            "from_list": True}
