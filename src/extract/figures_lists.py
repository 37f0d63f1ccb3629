"""Counts laid out as lists and tables rather than sentences.

- A bulleted or plain list under a heading line ending in ':' ("Roles on offer include:")
  whose items carry a count: "General Operatives (24 posts)", "Engineers (9)",
  "Library Assistants x 4", "Care workers – 12 posts". The heading says what is counted.
- A table flattened to lines ("Team | Average caseload", then "Duty and Intake | 14"): the
  column header names the metric of every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extract.figures_refine import cues
from extract.numbers import parse_number

_FLAGS = re.IGNORECASE
_BULLET = r"[^\S\n]*(?:[-*•·–][^\S\n]*)?"
_ITEM = re.compile(
    rf"^{_BULLET}(?P<text>[A-Z][^\n()|:]{{1,70}}?(?:\s*\((?P<paren>\d[\d,]*)(?:\s+(?:posts?|"
    r"roles?|positions?|vacancies|jobs|places))?(?=[,)])|\s+[x×]\s*(?P<times>\d[\d,]*)\b"
    r"|\s+[–—-]\s+(?P<dash>\d[\d,]*)\s+(?:posts?|roles?|positions?|vacancies|jobs)\b))",
    re.MULTILINE,
)
_HEADING = re.compile(r"^[^\n]*:[^\S\n]*$", re.MULTILINE)
_ROW = re.compile(r"^(?P<text>[^|\n]{2,80}?\s*\|\s*(?P<num>\d[\d,]*(?:\.\d+)?))[^\S\n]*$")
_HEADER = re.compile(r"^[^|\n]{1,60}\|\s*(?P<column>[^|\n]{2,60}?)\s*$", re.MULTILINE)
_LIST_REACH = 12  # items read under one heading


def list_rows(text: str) -> list[dict[str, Any]]:
    # a heading line ends in ':' and a table's header holds '|': most articles have neither
    return (_item_rows(text) if ":" in text else []) + (
        _table_rows(text) if "|" in text else [])


def _heading_metric(heading: str) -> str | None:
    c = cues()
    if re.search(r"\bvacan(?:t|cies)\b", heading, _FLAGS) and not c["recruit_left"].search(
            heading):
        return "vacancy_rate"
    if c["recruit_left"].search(heading) or re.search(
            r"\b(?:on offer|roles|positions|posts|jobs|vacancies|openings)\b", heading, _FLAGS):
        return "recruits"
    return None


def _item_rows(text: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for start, end in _headings(text):
        metric = _heading_metric(text[start:end])
        if metric is None:
            continue
        block = text[end:].split("\n\n", 2)
        body = block[1] if len(block) > 1 and not block[0].strip() else block[0]
        base = text.index(body, end)
        for item in list(_ITEM.finditer(body))[:_LIST_REACH]:
            number = item["paren"] or item["times"] or item["dash"]
            value = parse_number(number)
            if value is not None:
                end = base + item.end("text")
                end += text.startswith(")", end)  # "Engineers (9)" keeps its bracket
                rows.append(_row(base + item.start("text"), end, metric, value, "posts"))
    return rows


def _headings(text: str) -> Iterator[tuple[int, int]]:
    """The spans `_HEADING.finditer` gives (lines ending in ':' and white space), found
    from the text's colons: the regex tried every line to its end and back."""
    at = text.find(":")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        # only the line's last colon may end it: each line is read once, however many
        # colons it holds
        if not text[text.rfind(":", at, end) + 1:end].strip():
            yield text.rfind("\n", 0, at) + 1, end
        at = text.find(":", end)


def _table_rows(text: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for header in _HEADER.finditer(text):
        column = header["column"]
        metric = next((m for m, p in _NAME_ROWS if re.search(rf"\b(?:{p})\b", column, _FLAGS)),
                      None)
        if metric is None or re.search(r"\d", column):
            continue
        pos = header.end() + 1
        for line in text[pos:].split("\n"):
            if "|" not in line:  # the table ends at its first line without a cell
                break
            row = _ROW.match(line)
            value = parse_number(row["num"]) if row else None
            if row is not None and value is not None:
                unit = "cases per social worker" if metric == "caseload" else None
                rows.append(_row(pos, pos + row.end("text"), metric, value, unit))
            pos += len(line) + 1
    return rows


# Column headers that name a workforce metric, and the metric they name.
_NAME_ROWS = (
    ("caseload", r"caseloads?|cases per|cases"),
    ("vacancy_rate", r"vacanc(?:y|ies)|vacant"),
    ("turnover", r"turnover|leavers"),
    ("agency_staff", r"agency|locums?"),
    ("staff_count", r"headcount|FTE|staff|establishment"),
)


def _row(start: int, end: int, metric: str, value: float, unit: str | None) -> dict[str, Any]:
    return {"start": start, "end": end, "metric": metric, "value": value, "value_max": None,
            "value_from": None, "unit": unit, "qualifier": None}
