"""Title-case lists that continue a role: "Cabinet Member for Care, Health and Ageing Well".

A comma list of title-case chunks belongs to the role when it ends in a chunk holding
"and"; long lists are walked once per text, not once per name standing in them.
"""

from __future__ import annotations

import re
from functools import lru_cache

CAP = r"[A-Z][\w’'&.-]*"  # a capitalised word, as roles and organisations spell them

_TITLE_CHUNK = re.compile(rf"\s*,\s*(?P<chunk>{CAP}(?:\s+(?:{CAP}|and|&|of|for|the))*)")
_TITLE_AND = re.compile(r"\s(?:and|&)\s")
_TITLE_LAST = re.compile(r"[A-Z][\w’'-]*$")
# A tail of more chunks than this makes a role of more words than `_interpret` accepts (every
# chunk holds a word): such a tail is not built.
_MAX_TAIL_CHUNKS = 22


def title_list_tail(text: str, pos: int) -> str | None:
    """", Health and Ageing Well" after "Cabinet Member for Care": a title-case list goes on
    up to a chunk with "and"; None when that tail is too long for a role."""
    if not _TITLE_LAST.search(text, max(0, pos - 30), pos):
        return ""
    ends = _title_chains(text)
    if pos not in ends:
        _walk_chain(text, pos, ends)
    chunks = ends[pos]
    if chunks is None:
        return ""
    if chunks > _MAX_TAIL_CHUNKS:
        return None
    tail = ""
    for _ in range(chunks):
        match = _TITLE_CHUNK.match(text, pos)
        if match is None:  # never: the walk matched these chunks
            break
        tail += ", " + " ".join(match.group("chunk").split())
        pos = match.end()
    return tail


@lru_cache(maxsize=8)
def _title_chains(text: str) -> dict[int, int | None]:
    """Per text: from a position, how many title chunks run up to and including one holding
    "and" (None when the chunks stop before one does). Filled as walks go, so that a long
    comma list is walked once however many names stand in it, not once per name (O(n^2))."""
    return {}


def _walk_chain(text: str, pos: int, ends: dict[int, int | None]) -> None:
    path: list[int] = []
    while pos not in ends:
        match = _TITLE_CHUNK.match(text, pos)
        if match is None:
            ends[pos] = None
        elif _TITLE_AND.search(match.group("chunk")):
            ends[pos] = 1
        else:
            path.append(pos)
            pos = match.end()
    result = ends[pos]
    # Positions on the path, last first: each is one chunk further from where the walk ended.
    for at in reversed(path):
        result = None if result is None else result + 1
        ends[at] = result
