"""Regexes for lower-cased text: the same matches, faster.

A case-folding (IGNORECASE) regex tries every alternative of a branch in turn; a
case-sensitive one skips those whose first letter differs in one step. Lexicons and
number words are long branches, so figures and numbers match a regex with its literal
letters lowered against the lower-cased text, wherever `doctext.folds_as_lower` says
lower-casing cannot change a match.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

from extract.doctext import folds_as_lower, lowered

# Escapes that name a class or a position, the same in any case; any other escaped letter
# may stand for a cased character, which lower-casing the source would not lower.
_CASELESS_ESCAPES = frozenset("sSdDwWbBAZ")


def _caseless_escape(source: str, at: int) -> int | None:
    """Length of the escape at `at` if what it stands for is the same in any case."""
    escaped = source[at + 1:at + 2]
    if not escaped.isalnum() or escaped in _CASELESS_ESCAPES:
        return 2
    code = source[at + 2:at + 4]
    if escaped == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", code):
        char = chr(int(code, 16))
        return 4 if char.lower() == char == char.upper() else None
    return None


_SPECIAL = re.compile(r"\\|\(\?")  # where an escape or a group's extension begins


def lower_literals(source: str) -> str | None:
    """`source` with its literal letters lower-cased, to match lower-cased text without
    IGNORECASE; None when it holds an escape or construct this cannot rewrite.

    A case-folding regex tries every alternative of a branch in turn; a case-sensitive
    one skips those whose first letter differs in one step. Where `folds_as_lower` holds
    for the text, the lowered regex on the lowered text matches at the same offsets."""
    out, at = [], 0
    for special in _SPECIAL.finditer(source):  # (a scan in C: the sources run to 50,000)
        where = special.start()
        if where < at:
            continue  # inside an escape or a group's name already copied
        out.append(source[at:where].lower())
        if source[where] == "\\":
            size = _caseless_escape(source, where)
            if size is None:
                return None
            out.append(source[where:where + size])
            at = where + size
        elif source.startswith("(?P<", where):  # a group's name keeps its case
            at = source.index(">", where) + 1
            out.append(source[where:at])
        elif source[where + 2:where + 3].isalpha():
            return None  # inline flags or a back-reference by name
        else:
            out.append("(?")
            at = where + 2
    out.append(source[at:].lower())
    return "".join(out)


# At most this many required words are looked for before a search: each is a scan of the
# text, so a longer list costs about what the search it would save costs.
_MAX_REQUIRED = 6


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of a case-sensitive `pattern` holds as it is (None:
    none known), read from the parsed pattern: of a sequence, its best-known item (a run
    of literal characters, a group, a branch whose every alternative requires a word, a
    repeat taken at least once); look-arounds and classes require nothing."""
    try:
        parser: Any = importlib.import_module("re._parser")
        found = _sequence_words(parser.parse(pattern.pattern, pattern.flags))
    except (ImportError, AttributeError):
        return None
    if found is None or pattern.flags & re.IGNORECASE:
        return None
    # a word holding another from the list is found wherever that one is looked for
    return tuple(sorted(w for w in found if not any(o != w and o in w for o in found)))


def _better(one: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective list: longer shortest word (up to four letters), then fewer."""
    if one is None or other is None:
        return other if one is None else one
    def rank(words: frozenset[str]) -> tuple[int, int]:
        return -min(min(len(w) for w in words), 4), len(words)
    return one if rank(one) <= rank(other) else other


def _sequence_words(items: Any) -> frozenset[str] | None:
    best, run = None, ""
    for op, arg in items:
        if str(op) == "LITERAL":
            run += chr(arg)
            continue
        if run:
            best, run = _better(best, frozenset([run])), ""
        best = _better(best, _item_words(str(op), arg))
    return _better(best, frozenset([run])) if run else best


def _item_words(op: str, arg: Any) -> frozenset[str] | None:
    if op == "SUBPATTERN":
        return _sequence_words(arg[3])
    if op == "BRANCH":
        found: set[str] = set()
        for alternative in arg[1]:
            words = _sequence_words(alternative)
            if words is None:
                return None
            found |= words
        return frozenset(found)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
        return _sequence_words(arg[2])
    return None


# Literal prefixes of a parsed pattern (start filters and lookahead guards).
# How many leading characters the start filter compares: enough to tell "from" from
# "funding" and "to" from "turnover".
_PREFIX_CHARS = 3
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
Prefixes = set[tuple[str, bool]]  # (leading literal characters, whether more may follow)


def _item_prefixes(op: str, arg: Any, back: bool) -> Prefixes:
    if op == "LITERAL":
        return {(chr(arg), True)}
    if back and op == "IN" and len(arg) <= _SMALL_SET and all(
            str(kind) == "LITERAL" for kind, _ in arg):  # "[£$€]": each character
        return {(chr(code), True) for _, code in arg}
    if op in _ZERO_WIDTH:  # a condition, not text: dropping it keeps a superset
        return {("", True)}
    if op == "SUBPATTERN" and not arg[1] and not arg[2]:  # a group without inline flags
        return _seq_prefixes(arg[3], back=back)
    if op == "BRANCH":
        return {p for alternative in arg[1] for p in _seq_prefixes(alternative, back=back)}
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        once = {(text, False) for text, _ in _seq_prefixes(arg[2], back=back)}
        return once | {("", True)} if arg[0] == 0 else once
    return {("", False)}  # a class or anything else: the prefix ends here


def _seq_prefixes(items: Any, *, back: bool = False) -> Prefixes:
    """The literal characters (up to `_PREFIX_CHARS`) the matches of a parsed sequence
    begin with, or with `back` end with, and whether more may follow (precede) them."""
    current: Prefixes = {("", True)}
    for op, arg in (list(items)[::-1] if back else items):
        found = _item_prefixes(str(op), arg, back)
        following: Prefixes = set()
        for text, more in current:
            if not more:
                following.add((text, False))
                continue
            for tail, tail_more in found:
                joined = tail + text if back else text + tail
                following.add((joined[-_PREFIX_CHARS:] if back else joined[:_PREFIX_CHARS],
                               tail_more and len(joined) < _PREFIX_CHARS))
        current = following
    return current


def end_literals(source: str, flags: int) -> frozenset[str] | None:
    """Lower-cased, the last characters (up to `_PREFIX_CHARS`) that every match of
    `source` ends with, read from the parsed pattern; None where a match may end in a
    class or a non-ASCII letter (whose case folds need not be lower()'s)."""
    parsed = _parsed_source(source, flags)
    return None if parsed is None else _lowered_ends(_seq_prefixes(parsed, back=True))


_SMALL_SET = 8  # a class of at most this many characters is read character by character


def _lowered_ends(found: Prefixes) -> frozenset[str] | None:
    ends = {text for text, _ in found}
    if "" in ends or not all(char.isascii() or char.lower() == char == char.upper()
                             for text in ends for char in text):
        return None
    return frozenset(text.lower() for text in ends)


# What a "$"-anchored cue may end in after its words ("...[\s(]*$"): see `_tail_ends`.
_BLANK = "("


def _is_blank_run(op: str, arg: Any) -> bool:
    r"""A repeat of white space or `_BLANK` characters only ("\s*", "[\s(]*")."""
    if op not in ("MAX_REPEAT", "MIN_REPEAT") or len(arg[2]) != 1 or str(arg[2][0][0]) != "IN":
        return False
    return all((str(kind) == "CATEGORY" and str(value) == "CATEGORY_SPACE")
               or (str(kind) == "LITERAL" and (chr(value).isspace() or chr(value) in _BLANK))
               for kind, value in arg[2][0][1])


def _tail_ends(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """For a pattern every match of which ends at the end of the searched text, after a
    run of blanks (`_is_blank_run`), the lowered last characters of what precedes that
    run; None for any other pattern, or where those may be blanks themselves."""
    items = list(_parsed(pattern) or [])
    while items and str(items[-1][0]) == "SUBPATTERN" and not any(items[-1][1][1:3]):
        items = items[:-1] + list(items[-1][1][3])  # "(?=[..])(?:..$)": into the group
    if not items or str(items[-1][0]) != "AT" or str(items[-1][1]) not in (
            "AT_END", "AT_END_STRING"):
        return None
    items.pop()
    if items and _is_blank_run(str(items[-1][0]), items[-1][1]):
        items.pop()
    ends = _lowered_ends(_seq_prefixes(items, back=True))
    if ends is None or any(text[-1].isspace() or text[-1] in _BLANK for text in ends):
        return None
    return ends


def _parsed(pattern: re.Pattern[str]) -> Any:
    """The parsed pattern, or None on a Python without the internal parser."""
    return _parsed_source(pattern.pattern, pattern.flags)


def _parsed_source(source: str, flags: int) -> Any:
    try:
        parser: Any = importlib.import_module("re._parser")
        return parser.parse(source, flags)
    except (ImportError, AttributeError):
        return None


class LoweredRegex:
    """A case-folding regex whose searches run its lowered form (`lower_literals`) on the
    lowered text where the two agree. Matches may be on the lowered text: their offsets,
    lengths and case-blind readings are the text's."""

    __slots__ = ("lower", "pattern", "plain", "required", "tail")

    def __init__(self, plain: re.Pattern[str]) -> None:
        self.plain, self.pattern = plain, plain.pattern
        source = lower_literals(plain.pattern) if plain.flags & re.IGNORECASE else None
        self.lower = None if source is None else re.compile(
            source, plain.flags & ~re.IGNORECASE)
        required = None if self.lower is None else required_words(self.lower)
        # a match on the lowered text holds one of these words between pos and endpos
        self.required = required if required and len(required) <= _MAX_REQUIRED else None
        # a "...\s*$" cue: the last letters before the final blanks decide at once
        self.tail = None if self.lower is None else _tail_ends(plain)

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        low = None if self.lower is None else lowered(text)
        return (self.plain, text) if low is None or self.lower is None else (self.lower, low)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.tail is not None and not self._may_end(text, pos, min(endpos, len(text))):
            return None  # (before the text is lowered: most searches end here)
        low = None if self.lower is None else lowered(text)
        if low is None or self.lower is None:
            return self.plain.search(text, pos, endpos)
        # a search tries every position: first rule it out where a required word is missing
        # (an anchored match fails at once anyway)
        if self.required:
            for word in self.required:
                if low.find(word, pos, endpos) >= 0:
                    break
            else:
                return None
        return self.lower.search(low, pos, endpos)

    def _may_end(self, text: str, pos: int, end: int) -> bool:
        """Whether, blanks stripped from the end of `text[pos:end]`, it ends in `tail`,
        case aside. (Where the last characters hold no `_FOLDS` character, a case-folding
        match of `tail`'s letters there is one of their lower case, in either regex.)"""
        tail = self.tail or frozenset()
        while end > pos and (text[end - 1].isspace() or text[end - 1] in _BLANK):
            end -= 1
        last = text[max(pos, end - 3):end]  # (`tail` holds one to three characters)
        if not folds_as_lower(last):
            return True
        last = last.lower()
        return last in tail or last[-2:] in tail or last[-1:] in tail

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        regex, target = self._target(text)
        return regex.match(target, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        regex, target = self._target(text)
        return regex.fullmatch(target)
