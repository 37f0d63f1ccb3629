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


# "Team of the Year: Hartley Hub": a category title and its winner on one line.
_TITLE_CAT = re.compile(r"(?:.+\bof\s+the\s+Year|.+\b(?:Award|Prize)|Best\s+.+)")
_NAME = re.compile(r"[A-Z][^.;:!?]{1,100}?(?=\.?\s*$)")
# "Winners: Team of the Year – Hartley Hub; Manager of the Year – Jo Smith."
_WINNERS_HEAD = re.compile(r"(?:the\s+)?(?:winners|results)", _FLAGS)
_CAT_DASH_REC = re.compile(r"\s*(?P<cat>[A-Z][^–—:;]{2,80}?)\s+[–—-]\s+(?P<rec>[A-Z][^;]*?)\.?\s*$")


def medal_lines(text: str) -> list[Row]:
    """One row per level–recipient pair on every results line of `text`."""
    rows: list[Row] = []
    for line in _LINE.finditer(text):
        pos = line.start("rest")
        found = len(rows)
        winners = _WINNERS_HEAD.fullmatch(line["cat"].strip())
        for part in line["rest"].split(";"):
            item = _ITEM.match(part)
            pair = _CAT_DASH_REC.match(part) if winners and item is None else None
            if item is not None:
                rows.append(_row(line["cat"].strip(), item, pos + item.start("rec")))
            elif pair is not None:
                rows.append(_plain(pair["cat"], pair["rec"], pos + pair.start("rec")))
            pos += len(part) + 1
        if len(rows) == found:
            rows.extend(_title_line(line))
    return rows


def _title_line(line: re.Match[str]) -> list[Row]:
    """'Social Worker of the Year: Jo Smith, Hartley Council' as a results line."""
    cat = line["cat"].strip()
    name = _NAME.match(line["rest"])
    if not _TITLE_CAT.fullmatch(cat) or name is None or len(name.group().split()) > 10:
        return []
    return [_plain(cat, name.group(), line.start("rest"))]


def _plain(category: str, recipient: str, start: int) -> Row:
    return {"start": start, "end": start + len(recipient), "award": category.strip(),
            "recipient": recipient, "level": "winner",
            "sentence": (start, start + len(recipient)), "from_list": True}


def _row(category: str, item: re.Match[str], start: int) -> Row:
    level = re.sub(r"\s+", " ", item["level"].lower())
    level = _NORMAL.get(level, level)
    if level.startswith("runner"):
        level = "runner-up"  # no level in the contract's list: recorded as null
    recipient = item["rec"]
    return {"start": start, "end": start + len(recipient), "award": category,
            "recipient": recipient, "level": level, "sentence": (start, start + len(recipient)),
            "from_list": True}
