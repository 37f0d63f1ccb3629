"""Finishing award rows: ceremony and date, one record per (category, recipient),
and a headline that only repeats the body dropped."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc

from extract import awards_find as find
from extract import awards_scope as scope_words
from extract.awards_subject import Antecedents
from extract.doctext import doc_text, sentence_bounds
from extract.figures import headline_end

Row = dict[str, Any]
_LEVEL_RANK = {"shortlisted": 0, "finalist": 1, "runner-up": 2, "highly commended": 3,
               "bronze": 4, "silver": 5, "gold": 6, "winner": 6}
_FOR_ITS = re.compile(
    rf"\bfor\s+(?:its|their|the|our|his|her)\s+(?P<name>{find.TITLE_PHRASE.pattern})")
_CEREMONY_WORD_LIST = ("ceremony", "presented", "announced", "held", "gala", "dinner", "luncheon")
_CEREMONY_WORDS = re.compile(rf"\b(?:{'|'.join(_CEREMONY_WORD_LIST)})\b")


def finish_rows(rows: list[Row], doc: Doc) -> list[Row]:
    text = doc_text(doc)
    ceremonies = find.ceremonies(text)
    article_date = _article_date(text, sentence_bounds(doc))
    antecedent = Antecedents(text)
    at = [offset for offset, _ in ceremonies]
    read = _SentenceReading(text)
    for row in rows:
        row["recipient"] = antecedent(expand_acronym(row["recipient"], text), row["start"])
        row["ceremony"] = _ceremony_for(row, ceremonies, at)
        row["date_text"] = read.date(row["sentence"]) or article_date(row["ceremony"])
        row["programmes"] = read.programmes(row["sentence"])
    # "won two awards at ...": a count of prizes stands only when none is named alone
    if any(not r.get("summary") for r in rows):
        rows = [r for r in rows if not r.get("summary")]
    # "... received the honor at ...": the award told before, told again
    first = min((r["start"] for r in rows), default=0)
    rows = [r for r in rows if not (r.get("repeat") and r["start"] > first)]
    cut = headline_end(text)
    body = [r for r in rows if r["start"] >= cut]
    # A headline that repeats the body is one record: the body's. A headline prize with
    # no category ("Council wins national award") is the body's story told short.
    head = [r for r in rows if r["start"] < cut and not any(_same(r, b) for b in body)
            and not (r["award"] is None and body)]
    kept = _merge(sorted(head + body, key=lambda r: r["start"]))
    for row in kept:
        row.pop("sentence", None)
        row.pop("from_list", None)
        row.pop("programmes", None)
        row.pop("summary", None)
        row.pop("repeat", None)
    return kept


_DEFINES = re.compile(r".+?\s*\((?P<acronym>[A-Z]{2,6})\)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def expand_acronym(recipient: str, text: str) -> str:
    """'HSA' after "Washoe County's Human Services Agency (HSA)" is that body, named in
    its fullest form the article uses ('Washoe County Human Services Agency')."""
    defines = _DEFINES.fullmatch(recipient)
    if defines:  # "Washoe County's Human Services Agency (HSA)": the body itself
        recipient = defines["acronym"]
    if not _ACRONYM.fullmatch(recipient):
        return recipient
    defined = re.search(rf"\(\s*{recipient}\s*\)", text)
    if defined is None:
        return recipient
    words = re.findall(r"[A-Z][\w’'-]*|\S+", text[max(0, defined.start() - 120):defined.start()])
    capitals = [w for w in words if w[0].isupper()]
    if len(capitals) < len(recipient):
        return recipient
    tail = capitals[-len(recipient):]
    if "".join(w[0] for w in tail) != recipient:
        return recipient
    expansion = " ".join(tail)
    fuller = [m.group() for m in find.TITLE_PHRASE.finditer(text)
              if re.sub(r"\s+", " ", m.group()).endswith(expansion)]
    # a plain form ("Washoe County Human ...") is preferred to a possessive one
    return max(fuller, key=lambda f: (not re.search(r"[’']s\b", f), len(f))) if fuller \
        else expansion


def _ceremony_for(row: Row, ceremonies: list[tuple[int, str]], at: list[int]) -> str | None:
    """The first ceremony named in the row's sentence, else the last before it, else the
    article's first (`at`: the ceremonies' offsets, in order)."""
    low, high = row["sentence"]
    first = bisect_left(at, low)
    if first < len(at) and at[first] < high:
        return ceremonies[first][1]
    if first > 0:
        return ceremonies[first - 1][1]
    return ceremonies[0][1] if ceremonies else None


class _SentenceReading:
    """A sentence's date and programmes, read once however many rows it holds (a long
    sentence of many awards was read again for each)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.dates: dict[tuple[int, int], str | None] = {}
        self.named: dict[tuple[int, int], set[str]] = {}

    def date(self, bounds: tuple[int, int]) -> str | None:
        if bounds not in self.dates:
            self.dates[bounds] = scope_words.date_in(self.text[bounds[0]:bounds[1]])
        return self.dates[bounds]

    def programmes(self, bounds: tuple[int, int]) -> set[str]:
        if bounds not in self.named:
            # every _FOR_ITS match opens with "for": a sentence without it is not scanned
            self.named[bounds] = {_norm(m.group("name"))
                                  for m in _FOR_ITS.finditer(self.text, *bounds)} \
                if self.text.find("for", *bounds) >= 0 else set()
        return self.named[bounds]


def _article_date(text: str,
                  bounds: list[tuple[int, int]]) -> Callable[[str | None], str | None]:
    """The date of the first sentence naming the ceremony or telling of one, per ceremony
    (rows share few ceremonies: each is looked up once; sentences are cut from the text
    only as far as the first such one)."""
    holding = _Holding(text, bounds)

    @cache
    def date(ceremony: str | None) -> str | None:
        # only a sentence holding the ceremony's name or a ceremony word can tell of it
        candidates = set().union(*map(holding, _CEREMONY_WORD_LIST))
        for k in sorted(candidates.union(holding(ceremony)) if ceremony else candidates):
            words = text[bounds[k][0]:bounds[k][1]]
            named = ceremony and ceremony in words
            if (named or _tells_of_ceremony(words)) and (found := scope_words.date_in(words)):
                return found
        return None
    return date


class _Holding:
    """The indexes of the sentences whose text holds a string, found by searching the
    whole text once per string (not each sentence in turn)."""

    def __init__(self, text: str, bounds: list[tuple[int, int]]) -> None:
        self.text, self.bounds = text, bounds
        self.lows = [low for low, _ in bounds]
        self.found: dict[str, set[int]] = {}

    def __call__(self, word: str) -> set[int]:
        if (found := self.found.get(word)) is None:
            found = self.found[word] = set()
            at = self.text.find(word)
            while at != -1:  # every occurrence, overlapping ones too
                k = bisect_right(self.lows, at) - 1  # the sentence it starts in, if any
                if k >= 0 and at + len(word) <= self.bounds[k][1]:
                    found.add(k)
                at = self.text.find(word, at + 1)
        return found


def _tells_of_ceremony(words: str) -> bool:
    """`_CEREMONY_WORDS.search(words)`, scanned only when one of its words is there."""
    return any(word in words for word in _CEREMONY_WORD_LIST) \
        and _CEREMONY_WORDS.search(words) is not None




@lru_cache(maxsize=4096)
def _norm(recipient: str) -> str:
    lowered = re.sub(r"[’']s\b|[:,]", " ", recipient.lower())
    return " ".join(re.sub(r"^the\s+", "", lowered).split())


def _same(a: Row, b: Row) -> bool:
    award_a, award_b = (_norm(r["award"] or "") for r in (a, b))
    if award_a and award_b and award_a != award_b:
        return False
    ra, rb = _norm(a["recipient"]), _norm(b["recipient"])
    return ra in rb or rb in ra or _tail(ra) == _tail(rb) != ""


def _programme_of(entrant: Row, row: Row) -> bool:
    """'HSA received a Best in Category award for its Retention Academy' then 'The
    Retention Academy was named Best in Category in ...': the entrant's award, told again
    through the programme it was given for."""
    if _norm(row["recipient"]) not in entrant["programmes"]:
        return False
    award_a, award_b = (_norm(r["award"] or "") for r in (entrant, row))
    return award_a.startswith(award_b) or award_b.startswith(award_a)


def _tail(norm: str) -> str:
    """'glasgow city council family group ...' and 'family group ...' share a tail."""
    parts = re.split(r"\bcouncil\b", norm)
    return parts[-1].strip() if len(parts) > 1 else ""


def _rank(level: str | None) -> int:
    return _LEVEL_RANK.get(level or "", -1)


def _merge(rows: list[Row]) -> list[Row]:
    kept: list[Row] = []
    for row in rows:
        twin = next((k for k in kept if _same(k, row)), None)
        programme = twin is None
        twin = twin or next((k for k in kept if _programme_of(k, row)), None)
        if twin is None:
            kept.append(row)
            continue
        # A shortlist line names the recipient in full ("Council: project"); prefer it.
        if programme:
            pass  # the entrant stays the recipient, not its programme
        elif row.get("from_list") or (not twin.get("from_list")
                                    and len(row["recipient"]) > len(twin["recipient"])):
            twin["recipient"] = row["recipient"]
        # the fuller category ("Best in Category in Personnel Management") stands
        twin["award"] = max((twin["award"] or "", row["award"] or ""), key=len) or None
        # a finalist who then won is a winner: the better outcome stands
        twin["level"] = max((twin["level"], row["level"]), key=_rank)
        twin["date_text"] = twin["date_text"] or row["date_text"]
    return kept
