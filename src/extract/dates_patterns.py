"""Pattern data under `patterns/` (word lists, cue regexes) and the date Matcher's
anchored windows (the patterns themselves are built in `dates_named.build_date_matcher`;
token classes become lexeme flags in `dates_flags`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import compress
from typing import Any, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc

from extract.doctext import doc_text, token_view
from extract.patterns_data import pattern_rows
from extract.regex_words import by_first_letter


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Rows of a JSONL file in the patterns folder."""
    return pattern_rows(name)


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    return {row["list"]: tuple(row["words"]) for row in read_jsonl("dates_words.jsonl")}


@cache
def cue_regex(list_name: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive regex for one word list, longer words first.

    The words are grouped by first letter (see `regex_words`): the engine tries the
    pattern at every character, and one letter test rules out a group. ASCII words are
    lower-cased for the grouping (under IGNORECASE their case changes nothing), so no
    two groups can match at one place and the first word that matches is the same."""
    words = sorted(word_lists()[list_name], key=len, reverse=True)
    alternatives = by_first_letter([w.lower() if w.isascii() else w for w in words],
                                   tail=_cue_tail, sort_letters=False)
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’'])", re.I)


def _cue_tail(rest: str) -> str:
    return re.escape(rest).replace(r"\ ", r"\s+")


Reach = tuple[int, int]
# Token classes tested in Python to find anchors: a word list, one word, or a regex.
_DIGITS = frozenset("0123456789")


class TokenAnchors:
    """Tokens that every match of a pattern must hold ("its anchor"), with how many
    pattern elements may come before and after that token.

    A REGEX class must only match tokens that start with a digit: only those are tried
    (every date regex is a number shape; `test_dates_anchor_regexes_are_digit_led`)."""

    def __init__(self) -> None:
        self.by_lower: dict[str, Reach] = {}
        self.by_text: dict[str, Reach] = {}
        self.regexes: list[tuple[re.Pattern[str], Reach]] = []
        self.words: set[str] = set()  # lower-cased, for a first cheap test

    def add(self, token: dict[str, Any], reach: Reach) -> None:
        if len(token) != 1:
            raise ValueError(f"an anchor token tests one attribute: {token}")
        [(attr, value)] = token.items()
        if isinstance(value, dict) and "REGEX" in value and attr == "TEXT":
            self.regexes.append((re.compile(value["REGEX"]), reach))
            return
        words = value["IN"] if isinstance(value, dict) else [value]
        if attr not in ("LOWER", "TEXT", "ORTH") or not all(isinstance(w, str) for w in words):
            raise ValueError(f"unsupported anchor token: {token}")
        table = self.by_lower if attr == "LOWER" else self.by_text
        for word in words:
            self.words.add(word.lower())
            old = table.get(word, (0, 0))
            table[word] = (max(old[0], reach[0]), max(old[1], reach[1]))

    def reach(self, text: str, lower: str) -> Reach | None:
        """How far matches anchored on this token may reach, or None if it anchors none."""
        found = [r for r in (self.by_lower.get(lower), self.by_text.get(text)) if r]
        if text[:1] in _DIGITS:
            found += [r for regex, r in self.regexes if regex.search(text)]
        if not found:
            return None
        return max(r[0] for r in found), max(r[1] for r in found)


_V = TypeVar("_V")


class _TextMemo(dict[str, _V]):
    """An answer per token text, worked out once: most tokens are common words asked about
    in every doc. Past `_LIMIT` distinct texts (~3 MB) the memo starts afresh, so a crawl of
    unique numbers cannot grow a worker's memory."""

    _LIMIT = 20_000

    def answer(self, text: str) -> _V:
        raise NotImplementedError

    def __missing__(self, text: str) -> _V:
        if len(self) > self._LIMIT:
            self.clear()
        value = self[text] = self.answer(text)
        return value


class _Reaches(_TextMemo[Reach | None]):
    """`TokenAnchors.reach` by token text (the lower-case form follows from it)."""

    def __init__(self, anchors: TokenAnchors) -> None:
        super().__init__()
        self.anchors = anchors

    def answer(self, text: str) -> Reach | None:
        return self.anchors.reach(text, text.lower())


class Members(_TextMemo[bool]):
    """Whether a token text passes the test of any pattern element (cached). A word
    that passes none cannot be inside any match, so a window stops before it.
    Extra conditions beside the text (e.g. `"SPACY": false`) are ignored: the test only
    has to let through every token some element accepts."""

    def __init__(self, specs: list[dict[str, Any]]) -> None:
        super().__init__()
        self.lowers: set[str] = set()
        self.exact: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        for spec in specs:
            for attr, value in spec.items():
                if attr not in ("LOWER", "TEXT", "ORTH"):
                    continue
                if isinstance(value, dict) and "REGEX" in value:
                    self.regexes.append(re.compile(value["REGEX"]))
                    continue
                words = value["IN"] if isinstance(value, dict) else [value]
                (self.lowers if attr == "LOWER" else self.exact).update(words)

    def answer(self, text: str) -> bool:
        return (text.lower() in self.lowers or text in self.exact
                or any(regex.search(text) for regex in self.regexes))


# Windows up to this many tokens have their matches remembered by their text; longer
# ones (merged runs of dates) are rare and rarely recur.
_CACHED_WINDOW = 24
_SEEN_LIMIT = 5_000  # about 2 MB at most: worker memory must stay flat over long runs


class AnchoredMatcher:
    """A Matcher run only on windows around anchor tokens.

    Every match holds its pattern's anchor token with at most `left` pattern elements
    before it and `right` after; each element takes one non-space token, and only
    optional white space lies between elements. So the window from `left` non-space
    tokens before an anchor to `right` after it, widened over adjoining white space,
    holds every match on that anchor; it also stops before any word that no element
    accepts (`Members`), since no match can hold that word. Windows are merged where
    they overlap; the Matcher's result on a window is its whole-doc result restricted to
    the window (tokens are matched one at a time, no look-around) and, windows being
    disjoint and in order, the concatenation keeps the whole-doc order too."""

    def __init__(self, matcher: Matcher, anchors: TokenAnchors, members: Members, *,
                 signatures: dict[str, int | None] | None = None) -> None:
        self.matcher = matcher
        self.anchors = anchors
        self.reaches = _Reaches(anchors)
        self.members = members
        self.signatures = signatures
        self.seen: dict[tuple[str | int | None, ...], list[tuple[int, int, int]]] = {}

    def __call__(
        self, doc: Doc, *, skip: frozenset[str] = frozenset()
    ) -> list[tuple[int, int, int]]:
        """(match_id, start, end) as `Matcher(doc)` gives them, except matches whose
        anchor token's text is in `skip` (the caller drops those anyway)."""
        view, text, found = token_view(doc), doc_text(doc), []
        for start, end in self.windows(doc, skip=skip):
            if end - start > _CACHED_WINDOW:
                found += [(key, start + s, start + e)
                          for key, s, e in self.matcher(doc[start:end])]
                continue
            # The Matcher reads only the tokens' texts (and lexeme flags of them) and
            # whether white space follows each: the window's texts and its slice of the
            # text (up to the next token) fix its matches, which recur across articles.
            # With `signatures` (what every token test of the patterns says of a text),
            # windows of other words passing the same tests share their matches.
            window: tuple[str | int | None, ...] = (None,)
            if self.signatures is not None:
                window = tuple(map(self.signatures.__getitem__, view.texts[start:end]))
            if None in window:  # a test reading the white space after a word
                stop = view.starts[end] if end < len(view.starts) else len(text)
                window = (text[view.starts[start]:stop], *view.texts[start:end])
            if (relative := self.seen.get(window)) is None:
                if len(self.seen) > _SEEN_LIMIT:
                    self.seen.clear()
                relative = self.seen[window] = self.matcher(doc[start:end])
            found += [(key, start + s, start + e) for key, s, e in relative]
        return found

    def windows(self, doc: Doc, *, skip: frozenset[str]) -> list[tuple[int, int]]:
        view = token_view(doc)
        texts, space, known, members = view.texts, view.is_space, self.reaches, self.members
        spans = []
        # The anchors picked out in C (`compress`): most tokens are none.
        for i in compress(range(len(texts)), map(known.__getitem__, texts)):
            if (text := texts[i]) in skip or (reach := known[text]) is None:
                continue
            start, steps = i, 0
            while start > 0 and (space[start - 1] or (
                    steps < reach[0] and members[texts[start - 1]])):
                steps += not space[start - 1]
                start -= 1
            end, steps = i + 1, 0
            while end < len(texts) and (space[end] or (
                    steps < reach[1] and members[texts[end]])):
                steps += not space[end]
                end += 1
            spans.append((start, end))
        return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (start, end) windows joined where they overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
