"""Reported speech found from the words around a name: "according to X, ...", "..., X confirmed."

Returns (clause start, clause end, mention index) triples for `quotes_find`.
"""

from __future__ import annotations

import re

from extract.names_find import Mention

# "..., City CEO Ann Lee confirmed.": the verb after the name closes a reported sentence.
_VERB_LAST = re.compile(r"[ \t]*\n?[ \t]*(?:said|says|confirmed|added|explained|stated)\s*[.!]")


def verb_last(
    text: str, mentions: tuple[Mention, ...], outside: list[int]
) -> list[tuple[int, int, int]]:
    """"Applications close on Friday, City CEO Ann Lee confirmed.": the clause before the name."""
    found = []
    for i in outside:
        m = mentions[i]
        if not _VERB_LAST.match(text, m.tail_end):
            continue
        begin = m.hon_start if m.hon_start is not None else m.start
        comma = text.rfind(",", max(0, begin - 120), begin)
        stop = max(text.rfind(". ", 0, comma), text.rfind("\n\n", 0, comma))
        start = stop + 2 if stop >= 0 else 0
        if comma > start and len(text[start:comma].split()) >= 3 and "“" not in text[start:comma]:
            found.append((start, comma, i))
    return found


def according_to(
    text: str, mentions: tuple[Mention, ...], outside: list[int]
) -> list[tuple[int, int, int]]:
    """"According to Cllr Lee, the service ...": the clause after the name."""
    found = []
    for i in outside:
        m = mentions[i]
        begin = m.hon_start if m.hon_start is not None else m.start
        if re.search(r"[Aa]ccording\s+to\s+$", text[max(0, begin - 20) : begin]):
            clause = re.match(r"(?:,[^,\n]{1,150})?,\s*(?P<c>[^“”\"]+?)(?=[.!?](?:\s|$))",
                              text[m.tail_end :])
            if clause:
                a = m.tail_end + clause.start("c")
                found.append((a, m.tail_end + clause.end("c"), i))
    return found
