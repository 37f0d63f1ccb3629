"""Date, time and gathering patterns loaded from data files under `patterns/`.

Date token patterns use `@NAME` (or `@NAME?`) references to token classes in
`dates_tokens.jsonl`; optional whitespace tokens are inserted between every element so
hard-wrapped text ("Saturday 8 \\nOctober") still matches.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.vocab import Vocab

from extract.patterns_data import pattern_rows

_SPACE: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}
# Words that may sit inside a named event or week ("Foster Care Fortnight", "Day of Action").
_NAME_JOINERS = r"^(of|the|and|&|for|in|’s|'s|[A-Z][\w’'-]*|\d{4})$"


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Rows of a JSONL file in the patterns folder."""
    return pattern_rows(name)


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    return {row["list"]: tuple(row["words"]) for row in read_jsonl("dates_words.jsonl")}


@cache
def cue_regex(list_name: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive regex for one word list."""
    words = sorted(word_lists()[list_name], key=len, reverse=True)
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’'])", re.I)


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


def build_date_matcher(vocab: Vocab) -> Matcher:
    tokens = {row["name"]: row["token"] for row in read_jsonl("dates_tokens.jsonl")}
    matcher = Matcher(vocab)
    for row in read_jsonl("dates_patterns.jsonl"):
        matcher.add(row["label"], [_expand(p, tokens) for p in _wed_variants(row["pattern"])])
    return matcher


def _wed_variants(pattern: list[Any]) -> list[list[Any]]:
    """The tokenizer splits "Wed" like "we'd" ("We", "d"): a weekday slot also takes
    that pair, so "Wed 12/03" is found."""
    variants = [pattern]
    for i, element in enumerate(pattern):
        if element in ("@WEEKDAY", "@WEEKDAY?"):
            variants.append([*pattern[:i], "@WED_WE", "@WED_D", *pattern[i + 1:]])
    return variants


@lru_cache(maxsize=1)
def gathering_rows() -> list[dict[str, Any]]:
    return read_jsonl("events_gatherings.jsonl")


def build_gathering_matchers(nlp: Language) -> tuple[PhraseMatcher, Matcher]:
    """Common gathering nouns (by lower-case phrase) and title-case named events."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    named = Matcher(nlp.vocab)
    for row in gathering_rows():
        if "phrases" in row:
            phrases.add(row["kind"], [nlp.make_doc(text) for text in row["phrases"]])
        else:
            head = {"TEXT": {"IN": row["heads"]}}
            first = {"TEXT": {"REGEX": r"^[A-ZÀ-ÖØ-Þ][\w’'-]*$"}}
            middle = {"TEXT": {"REGEX": _NAME_JOINERS}, "OP": "*"}
            named.add(row["kind"], [[first, middle, head]])
    return phrases, named


@lru_cache(maxsize=1)
def time_regex() -> re.Pattern[str]:
    """Clock times and ranges: "10am", "10.30am-2pm", "from 6 to 8pm", "noon"."""
    parts = {row["name"]: row["regex"] for row in read_jsonl("dates_times.jsonl")}
    atom, bare, join = parts["ATOM"], parts["BARE"], parts["JOIN"]
    return re.compile(
        rf"(?<![\w£$€.:])(?:(?:from|between)\s+)?"
        rf"(?P<range>(?P<a>{atom}|{bare}){join}(?P<b>{atom}))"
        rf"|(?<![\w£$€.:])(?P<single>{atom})",
        re.I,
    )
