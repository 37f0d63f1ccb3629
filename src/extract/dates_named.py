"""The matchers: gathering nouns by phrase, title-case named events ("Foster Care
Fortnight") found from their head words, and the date patterns.

Date token patterns use `@NAME` (or `@NAME?`) references to token classes in
`dates_tokens.jsonl`; optional whitespace tokens are inserted between every element so
hard-wrapped text ("Saturday 8 \\nOctober") still matches."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.dates_flags import Flag, flagged
from extract.dates_patterns import (
    _CACHED_WINDOW,
    _SEEN_LIMIT,
    AnchoredMatcher,
    Members,
    TokenAnchors,
    _TextMemo,
    read_jsonl,
)
from extract.doctext import token_view

# Words that may sit inside a named event or week ("Foster Care Fortnight", "Day of Action").
_NAME_JOINERS = r"^(of|the|and|&|for|in|’s|'s|[A-Z][\w’'-]*|\d{4})$"


@lru_cache(maxsize=1)
def gathering_rows() -> list[dict[str, Any]]:
    return read_jsonl("events_gatherings.jsonl")


_NAME_FIRST = r"^[A-ZÀ-ÖØ-Þ][\w’'-]*$"
# A run of name words longer than this (tokens) is no event name or headline but a crawl
# of capitalised words ("Jobs Fair Jobs Fair ..."): there the Matcher's every start x
# every head is quadratic, and only the longest name per head is taken.
_LONG_RUN = 150
_LONGEST_NAME = 30


class NamedMatcher:
    """Title-case named events ("Foster Care Fortnight"): a capitalised first word, name
    words, then a head word, matched by `matcher` only where a head word stands.

    A match ends on its head; going left from a head over name words (and one first
    word) gives the furthest start of any match ending there. A walk that reaches the
    previous head's window joins it (the same run of words), so each token is walked
    once. See `AnchoredMatcher` for why windows give the whole-doc matches in order."""

    def __init__(self, matcher: Matcher, kinds: dict[str, list[int]]) -> None:
        self.matcher, self.kinds = matcher, kinds  # head word -> match ids, in row order
        self.heads = frozenset(kinds)
        self.seen: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
        self._first, self._middle = re.compile(_NAME_FIRST), re.compile(_NAME_JOINERS)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = []
        texts = token_view(doc).texts
        for start, end in self.windows(texts):
            if end - start > _LONG_RUN:
                found += self._longest(texts, start, end)
                continue
            found += [(key, start + s, start + e) for key, s, e in self._window(doc, start, end)]
        return found

    def _window(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        """The Matcher's matches in a window, relative to it. The patterns test token
        texts only: a window's texts fix its matches (remembered for short windows: the
        same headings and names recur across articles)."""
        if end - start > _CACHED_WINDOW:
            return list(self.matcher(doc[start:end]))
        window = tuple(token_view(doc).texts[start:end])
        if (relative := self.seen.get(window)) is None:
            if len(self.seen) > _SEEN_LIMIT:
                self.seen.clear()
            relative = self.seen[window] = list(self.matcher(doc[start:end]))
        return relative

    def _longest(self, texts: list[str], start: int, end: int) -> list[tuple[int, int, int]]:
        """In a pathological run, the longest name ending on each head (reaching back
        `_LONGEST_NAME` tokens at most); the Matcher would give every start x head."""
        found = []
        for head in range(start + 1, end):
            if texts[head] not in self.heads:
                continue
            floor = max(start, head - _LONGEST_NAME)
            low = head
            while low > floor and self._middle.search(texts[low - 1]):
                low -= 1
            first = next((s for s in range(max(floor, low - 1), head)
                          if self._first.search(texts[s])), None)
            if first is not None:
                found += [(key, first, head + 1) for key in self.kinds[texts[head]]]
        return found

    def windows(self, texts: list[str]) -> list[tuple[int, int]]:
        heads = self.heads
        windows: list[tuple[int, int]] = []
        if heads.isdisjoint(texts):
            return windows  # most docs name no event: one C pass, stopped at a head
        for head in compress(range(len(texts)), map(heads.__contains__, texts)):
            floor = windows[-1][1] if windows else 0
            start = head
            while start > floor and self._middle.search(texts[start - 1]):
                start -= 1
            if windows and start == floor:
                windows[-1] = (windows[-1][0], head + 1)
                continue
            if start > 0 and self._first.search(texts[start - 1]):
                start -= 1
            windows.append((start, head + 1))
        return windows


def build_gathering_matchers(nlp: Language) -> tuple[PhraseMatcher, NamedMatcher]:
    """Common gathering nouns (by lower-case phrase) and title-case named events."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    named = Matcher(nlp.vocab)
    kinds: dict[str, list[int]] = {}
    for row in gathering_rows():
        if "phrases" in row:
            phrases.add(row["kind"], [nlp.make_doc(text) for text in row["phrases"]])
        else:
            for word in row["heads"]:
                ids = kinds.setdefault(word, [])
                if (key := nlp.vocab.strings.add(row["kind"])) not in ids:
                    ids.append(key)
            head = {"TEXT": {"IN": row["heads"]}}
            first = {"TEXT": {"REGEX": _NAME_FIRST}}
            middle = {"TEXT": {"REGEX": _NAME_JOINERS}, "OP": "*"}
            named.add(row["kind"], [[first, middle, head]])
    return phrases, NamedMatcher(named, kinds)


_SPACE: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}


def _expand(pattern: list[Any], tokens: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = []
    for element in pattern:
        if expanded:
            expanded.append(dict(_SPACE))
        if isinstance(element, dict):
            expanded.append(element)
            continue
        optional = element.endswith("?")
        token = dict(tokens[element.strip("@?")])
        if optional:
            token["OP"] = "?"
        expanded.append(token)
    return expanded


def build_date_matcher(vocab: Vocab, *, flags: bool = True) -> AnchoredMatcher:
    """The date patterns; with `flags`, word-list and regex token classes are tested
    through lexeme flags (see `Flag`), else as spaCy's Python predicates."""
    tokens = {row["name"]: row["token"] for row in read_jsonl("dates_tokens.jsonl")}
    specs = flagged(tokens, vocab) if flags else tokens
    # Flag ids are not in spaCy's pattern schema, so the schema check is off.
    matcher = Matcher(vocab, validate=not flags)
    reaches: dict[str, tuple[int, int]] = {}
    for row in read_jsonl("dates_patterns.jsonl"):
        variants = _wed_variants(row["pattern"])
        matcher.add(row["label"], [_expand(p, specs) for p in variants])
        for pattern in variants:
            # Each element takes one token (or none); spaces between are not counted.
            at = pattern.index(row["anchor"])
            old = reaches.get(row["anchor"], (0, 0))
            reaches[row["anchor"]] = (max(old[0], at), max(old[1], len(pattern) - at - 1))
    anchors = TokenAnchors()
    for name, reach in reaches.items():
        anchors.add(tokens[name.strip("@")], reach)
    used = {e.strip("@?") for row in read_jsonl("dates_patterns.jsonl")
            for p in _wed_variants(row["pattern"]) for e in p if isinstance(e, str)}
    raw = [spec for row in read_jsonl("dates_patterns.jsonl")
           for p in _wed_variants(row["pattern"]) for spec in _expand(p, tokens)]
    return AnchoredMatcher(matcher, anchors, Members([tokens[name] for name in used]),
                           signatures=Signatures(raw))


class Signatures(_TextMemo[int | None]):
    """What the date patterns' token tests say of a text, as bits: a window's Matcher
    result follows from its texts' signatures, so windows of other numbers, weekdays
    or months passing the same tests share it. None for a text passing a test of a
    token spec that also reads the white space after the word (`SPACY`): its window
    is known by its text. Attributes other than text tests, `IS_SPACE` and `OP` are
    refused, since a signature could not answer for them."""

    def __init__(self, specs: list[dict[str, Any]]) -> None:
        super().__init__()
        tests: dict[Callable[[str], bool], None] = {}
        self.spaced: list[Callable[[str], bool]] = []
        for spec in specs:
            own = [_text_test(attr, value) for attr, value in spec.items()
                   if attr not in ("OP", "SPACY")]
            tests.update(dict.fromkeys(own))
            self.spaced += own if "SPACY" in spec else []
        self.tests = list(tests)

    def answer(self, text: str) -> int | None:
        if any(test(text) for test in self.spaced):
            return None
        return sum(1 << bit for bit, test in enumerate(self.tests) if test(text))


def _text_test(attr: str, value: Any) -> Callable[[str], bool]:
    if attr == "IS_SPACE":
        return str.isspace
    if attr in ("LOWER", "TEXT", "ORTH") and isinstance(value, str):
        return Flag("LOWER" if attr == "LOWER" else "TEXT", frozenset([value]))
    if (attr in ("LOWER", "TEXT", "ORTH") and isinstance(value, dict) and len(value) == 1
            and ("IN" in value or "REGEX" in value)):
        return Flag("LOWER" if attr == "LOWER" else "TEXT", frozenset(value.get("IN", ())),
                     value.get("REGEX"))
    raise ValueError(f"a date token test no signature answers for: {attr}={value!r}")


def _wed_variants(pattern: list[Any]) -> list[list[Any]]:
    """The tokenizer splits "Wed" like "we'd" ("We", "d"): a weekday slot also takes
    that pair, so "Wed 12/03" is found."""
    variants = [pattern]
    for i, element in enumerate(pattern):
        if element in ("@WEEKDAY", "@WEEKDAY?"):
            variants.append([*pattern[:i], "@WED_WE", "@WED_D", *pattern[i + 1:]])
    return variants
