"""Results written as lines: 'Team of the Year (Adult Services): gold – A; silver – B',
and shortlists written one entrant a line under a "The shortlist for X is:" heading.

A results line names its category before a colon and lists level–recipient pairs after
it, separated by semicolons. Lines that do not fit are left to the sentence readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from extract import awards_find as find
from extract.awards_gate import Hits, gate
from extract.doctext import lowered

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


# Words one of which every results line yielding a row holds: a level (`_ITEM`, any case),
# a "winners"/"results" heading, or a title ("... of the Year", "... Award", "Best ...").
_LEVEL_WORDS = ("gold", "silver", "bronze", "winner", "commended", "runner", "finalist",
                "shortlisted", "award", "prize")


@lru_cache(maxsize=1)
def _level_gate() -> frozenset[str]:
    """The gate words standing for `_LEVEL_WORDS` (each holds one: checked here)."""
    found = {word: gate((word,)) for word in _LEVEL_WORDS}
    if not all(found.values()):
        raise ValueError(f"no gate word inside {[w for w, g in found.items() if not g]}")
    return frozenset().union(*found.values())


def may_hold_results(text: str, hits: Hits | None) -> bool:
    """Whether `medal_lines(text)` can find anything, from the gate words found in the
    text (`hits`; None: the gate is off) and a few case-sensitive title words."""
    if hits is None:
        return True
    lower = lowered(text)
    return (not _level_gate().isdisjoint(hits[2]) or lower is None or "result" in lower
            or "Year" in text or "Best" in text)


def medal_lines(text: str) -> list[Row]:
    """One row per level–recipient pair on every results line of `text`."""
    rows: list[Row] = []
    for line in _colon_lines(text):
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


def _colon_lines(text: str) -> Iterator[re.Match[str]]:
    """`_LINE.finditer(text)`, tried only at the start of lines holding a colon: a match
    starts a line (`^`) and ends it, so no other line can hold one."""
    colon = text.find(":")  # (`str.find` skips to each colon; a regex makes a match each)
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon) % (len(text) + 1)  # no newline: the text's end
        if (line := _LINE.match(text, start)) is not None:
            yield line
        colon = text.find(":", end)  # each line is tried once, and read once to find its ends


def _title_line(line: re.Match[str]) -> list[Row]:
    """'Social Worker of the Year: Jo Smith, Hartley Council' as a results line."""
    cat = line["cat"].strip()
    if not _title_category(cat):
        return []
    name = _NAME.match(line["rest"])
    if name is None or len(name.group().split()) > 10:
        return []
    return [_plain(cat, name.group(), line.start("rest"))]


def _title_category(cat: str) -> bool:
    """`_TITLE_CAT.fullmatch(cat)`, read only when a word each of its branches holds is
    there ("Year", "Award", "Prize", a leading "Best"): most colon lines hold none."""
    return ("Year" in cat or "Award" in cat or "Prize" in cat or cat.startswith("Best")) \
        and _TITLE_CAT.fullmatch(cat) is not None


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


def list_rows(text: str) -> list[Row]:
    """'The shortlist for Integrated Working is:' followed by one recipient a line."""
    rows: list[Row] = []
    if _HEADING_END.search(text) is None:
        return rows  # no line ends with a colon
    lines = text.splitlines(keepends=True)
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        level = list_level(stripped) if stripped.endswith(":") else None
        if level:
            award = _list_category(stripped)
            rows.extend(_list_items(lines, i + 1, pos + len(line), level, award))
        pos += len(line)
    return rows


# A colon, blanks, then a line break (any `str.splitlines` splits at) or the text's end.
_HEADING_END = re.compile(r":\s*?(?:[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\Z)")


def list_level(line: str) -> str | None:
    for level, pattern in find.list_levels():
        if pattern.search(line):
            return level
    return None


def _list_category(line: str) -> str | None:
    if _CEREMONY_HEADING.search(line):
        return None  # "Staff awards winners:": the awards are the ceremony, not a category
    # "Finalists in the Best Employer category were:": the level word is no part of it
    cats = find.categories(re.sub(
        r"^(?:\w+\s+)?(?:finalists?|nominees?|shortlisted|short-listed|winners?)"
        r"\s+(?:in|for)\s+(?:the\s+)?", "", line, flags=re.IGNORECASE))
    if cats:
        return cats[0][2]
    match = re.search(r"\b(?:for|in)\s+(?:the\s+)?(?=[A-Z])", line)
    title = find.TITLE_PHRASE.match(line, match.end()) if match else None
    return title.group() if title else None


def _list_items(lines: list[str], first: int, pos: int, level: str, award: str | None) -> list[Row]:
    rows: list[Row] = []
    for line in lines[first:]:
        item = line.strip().lstrip("-*•·– ").strip()
        if not item and not rows:  # blank lines between the heading and its list
            pos += len(line)
            continue
        if not item or item.endswith(".") or not item[0].isupper():
            break
        start = pos + line.index(item)
        row = _list_item(item, start, award)
        if row is None:
            break
        if level == "winner" and row["award"] is None:
            break  # a list of winners says what each won, or it is no awards list
        rows.append(row | {"level": level, "from_list": True})
        pos += len(line)
    return rows


def _list_item(item: str, start: int, award: str | None) -> Row | None:
    """One list line. Under a heading that names no category, a line may name its own
    before a dash ("Team of the Year – Brackenfield Hub, duty team"): the recipient is
    the name after it, up to its first comma. An entrant's own line ("Fife Council:
    Kinship Hub") stays whole."""
    recipient, at = item, 0
    split = _ITEM_CATEGORY.match(item) if award is None else None
    if split and not find.words()["council"].search(split["cat"]):
        award, recipient, at = split["cat"], split["rec"], split.start("rec")
    if len(recipient.split()) > 14:
        return None
    return {"start": start + at, "end": start + at + len(recipient), "award": award,
            "recipient": recipient, "sentence": (start, start + len(item))}


_CEREMONY_HEADING = re.compile(r"\bawards\W+(?:\w+\W+)?(?:winners|finalists|shortlist|nominees)",
                               re.IGNORECASE)
_ITEM_CATEGORY = re.compile(r"(?P<cat>[A-Z][^–—:]{2,80}?)\s+[–—-]\s+(?P<rec>[A-Z][^,;(]*[^,;(\s])")
