"""Where the quote marks of a text are, by `str.find` per mark character: a regex search of
the whole text cost about twenty times as much, and most articles hold only a few marks."""

from __future__ import annotations

_DOUBLE_CHARS = ("“", "”", '"')
_SINGLE_CHARS = ("‘", "’", "'")


def _positions(text: str, chars: tuple[str, ...]) -> list[int]:
    found = []
    for char in chars:
        pos = text.find(char)
        while pos != -1:
            found.append(pos)
            pos = text.find(char, pos + 1)
    found.sort()
    return found


def double_marks(text: str) -> list[int]:
    """Positions of the matches of `[“”"]`."""
    return _positions(text, _DOUBLE_CHARS)


def single_marks(text: str) -> list[int]:
    """Positions of the matches of `[‘’'](?:(?![^\\W_])|(?<![^\\W_].))`: single marks not
    between two letters or digits (those are apostrophes: "council’s")."""
    return [pos for pos in _positions(text, _SINGLE_CHARS)
            if not (text[pos + 1 : pos + 2].isalnum() and text[pos - 1 : pos].isalnum())]
