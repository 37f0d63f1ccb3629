"""Person-name mentions found by rules: honorifics, a first-name lexicon, and known surnames.

Works on the raw text (offsets are `doc.text` offsets) so hard-wrapped names ("Ann \\nLee")
and curly apostrophes ("O’Brien") stay exact substrings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.names_anchor import (
    AFTER_PLURAL,
    CLAUSE_GOES_ON,
    PREPOSITION_BEFORE,
    WEAK_ANCHOR,
    WORD_REACH,
    role_appositive,
    role_aside,
)
from extract.names_lexicon import (
    first_names,
    honorifics,
    postnominals,
    word_set,
)
from extract.names_runs import Tok, closes
from extract.names_runs import bare as bare_word

# Irish and Scottish surname prefixes written as separate words: "Ó Súilleabháin", "Nic Giolla".
_PREFIXES = frozenset({"ó", "o", "ní", "nic", "uí", "mac", "mc", "ui", "ni"})
_MAX_NAME_WORDS = 4
_WORD_CACHE = 8192


# Not frozen, though never changed once made (`dataclasses.replace` makes a new one): a frozen
# dataclass sets each of its ten fields through `object.__setattr__`, twice the cost of making
# one, for every mention of every article. Hashed by its fields as a frozen one would be (the
# mentions are keys of the quote and analysis caches).
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """One mention of a person's name; `start`/`end` cover the name without titles."""

    start: int
    end: int
    name: str
    honorific: str | None = None
    hon_kind: str | None = None
    hon_start: int | None = None
    title_role: str | None = None
    tail_end: int = 0
    elected: bool = False
    anchor: str = "lexicon"


def _closes(tok: Tok) -> bool:
    return closes(tok.text)


@lru_cache(maxsize=_WORD_CACHE)
def folded(word: str) -> str:
    """Lower case without accents, for lexicon look-ups ("Seán" -> "sean")."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


def _name_word(tok: Tok) -> bool:
    return _is_name_word(tok.text)


@cache
def _not_name_words() -> frozenset[str]:
    return word_set("names_not_name_words.txt") | word_set("officials_role_heads.txt")


@lru_cache(maxsize=_WORD_CACHE)
def _is_name_word(word: str) -> bool:
    bare = bare_word(word)
    if bare.lower() in _PREFIXES:
        return True
    if len(bare) < 2 and not word.endswith("."):
        return False
    if bare.isupper() and len(bare) > 1:
        return False  # acronyms and post-nominals: NHS, MP, OBE
    return bare.lower() not in _not_name_words() and word not in honorifics() and (
        bare not in honorifics())


@cache
def _honorific_firsts() -> frozenset[str]:
    return frozenset(text.split(" ")[0] for text in honorifics())


def _honorific_at(run: list[Tok], i: int) -> int:
    """Number of words of the longest honorific starting at run[i] (0 when none)."""
    if i >= len(run) or not _honorific_first(run[i].text):
        return 0  # no honorific starts with this word: skip joining the longer spans
    return _honorific_size(tuple([tok.text for tok in run[i : i + 4]]))


@lru_cache(maxsize=_WORD_CACHE)  # the same titled names recur ("Cllr Ann Lee")
def _honorific_size(texts: tuple[str, ...]) -> int:
    table = honorifics()
    for size in range(len(texts), 0, -1):
        words = " ".join(texts[:size])
        if words in table or words.rstrip(".") in table:
            return size
    return 0


@lru_cache(maxsize=_WORD_CACHE)
def _honorific_first(word: str) -> bool:
    return word in _honorific_firsts() or word.rstrip(".") in _honorific_firsts()


def name_end(run: list[Tok], i: int, *, anchored: bool) -> int:
    """Index one past the last name word from run[i]; soft place words end a name only last."""
    j = i
    limit = min(len(run), i + _MAX_NAME_WORDS)
    while j < limit:
        closing, place, name_word = end_flags(run[j].text)
        if place and j > i and anchored and (j + 1 == len(run) or closing):
            return j + 1
        if place or not (name_word or _middle_initial(run, i, j)):
            break
        j += 1
        if closing:
            break
    return j


@lru_cache(maxsize=_WORD_CACHE)
def end_flags(word: str) -> tuple[bool, bool, bool]:
    """What `name_end` asks of a word: does it close its run, is it a soft place word, is it
    a name word (one cached answer instead of three look-ups per word)."""
    place = bare_word(word).lower() in word_set("names_surname_places.txt")
    return closes(word), place, _is_name_word(word)


def _middle_initial(run: list[Tok], i: int, j: int) -> bool:
    """"Amy J Dunn": a bare capital between two name words is an initial without its dot."""
    tok = run[j]
    return (j > i and len(tok.text) == 1 and tok.text.isupper() and j + 1 < len(run)
            and _name_word(run[j + 1]))


@lru_cache(maxsize=_WORD_CACHE)
def may_open(word: str) -> bool:
    """Could an honorific or a first name start at this word?"""
    return word in _honorific_firsts() or word.rstrip(".") in _honorific_firsts() or (
        first_name_start(word))


@lru_cache(maxsize=_WORD_CACHE)
def first_name_start(word: str) -> bool:
    bare = bare_word(word)
    return folded(bare) in first_names() and bare.lower() not in word_set(
        "names_not_name_start.txt")


def honorific_units(run: list[Tok], i: int) -> list[tuple[int, int]]:
    """The honorifics one after another from run[i] ("Lord Mayor Cllr"), as word ranges."""
    units: list[tuple[int, int]] = []
    j = i
    while (size := _honorific_at(run, j)) > 0:
        units.append((j, j + size))
        j += size
    return units


def place_follows(run: list[Tok], end: int) -> bool:
    """"Smith Street": a place word right after the name ends it as no name."""
    return end < len(run) and run[end].bare.lower() in word_set("names_not_name_words.txt")


_THE_BEFORE = re.compile(r"\b[Tt]he\s$")


def the_before(text: str, start: int) -> bool:
    """"the Andrew Smith Award": "the" leads the name."""
    return _THE_BEFORE.search(text[max(0, start - 4) : start]) is not None


def weak_end(run: list[Tok], i: int) -> int | None:
    """Where a weak name from run[i] would end, by its words alone: two or three plain
    capitalised words that end the run, with no known first name inside."""
    if not 2 <= len(run) - i <= 3:
        return None  # the name would not end the run (checked first: most words)
    if run[i].bare.lower() in word_set("names_not_name_start.txt"):
        return None
    end = name_end(run, i, anchored=False)
    if end != len(run) or not 2 <= end - i <= 3:
        return None
    if any(folded(tok.bare) in first_names() for tok in run[i + 1 : end - 1]):
        return None  # "Youth Justice Kate Ferris": the name starts at the first name
    return end


def weak_anchored(text: str, run: list[Tok], i: int, end: int) -> bool:
    """Does what is around a weak name (run[i:end], ending the run) anchor it?"""
    if the_before(text, run[i].start):
        return False
    listed = AFTER_PLURAL.search(text, max(0, run[i].start - WORD_REACH), run[i].start)
    if not listed and PREPOSITION_BEFORE.search(text, max(0, run[i].start - 12), run[i].start):
        return False
    stop = run[end - 1].start + len(run[end - 1].bare)
    return bool(WEAK_ANCHOR.match(text, stop) or role_appositive(text, stop) or listed
                or role_aside(text, run[i].start, stop)) or bool(
        _after_title(text, run, i) and CLAUSE_GOES_ON.match(text, stop))


_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z][\w-]*)[ \t]*+(?:\n[ \t]*+)?$")


def _after_title(text: str, run: list[Tok], i: int) -> bool:
    """"Senior practitioner Gwen Pryce", "MCH Coordinator Shirin Dane": a job title anchors."""
    before = run[i - 1].bare if i > 0 else None
    if before is None and (
        match := _WORD_BEFORE.search(text, max(0, run[i].start - WORD_REACH), run[i].start)
    ):
        before = match.group(1)
    return before is not None and before.lower() in word_set("officials_role_heads.txt")


def titled(text: str, run: list[Tok], units: list[tuple[int, int]], j: int, end: int) -> Mention:
    honorific, hon_kind, title_role, lead = _title_parts(
        tuple([" ".join(t.text for t in run[a:b]) for a, b in units]))
    start, stop, name, tail_end, elected = _name_parts(text, run, j, end)
    return Mention(
        start=start, end=stop, name=name, honorific=honorific, hon_kind=hon_kind,
        hon_start=run[units[lead][0]].start, title_role=title_role, tail_end=tail_end,
        elected=elected, anchor="honorific",
    )


@lru_cache(maxsize=_WORD_CACHE)  # the same titles recur ("Cllr", "Lord Mayor Cllr")
def _title_parts(texts: tuple[str, ...]) -> tuple[str, str, str | None, int]:
    """(honorific, its kind, the office held as a title, index of the first honorific unit)
    of the honorific units `texts` before a name."""
    kinds = honorifics()
    unit_kinds = [kinds.get(t, kinds.get(t.rstrip("."), "title")) for t in texts]
    # "Lord Mayor Cllr Ann Lee": leading office titles before another title are her role.
    lead = 0
    while lead < len(texts) - 1 and unit_kinds[lead] == "office":
        lead += 1
    title_role = " ".join(texts[:lead]) or (texts[-1] if unit_kinds[-1] == "office" else None)
    strongest = "council" if "council" in unit_kinds else unit_kinds[lead]
    if "office" in unit_kinds and strongest != "council":
        strongest = "office"
    return " ".join(" ".join(texts[lead:]).split()), strongest, title_role, lead


def plain(text: str, run: list[Tok], i: int, end: int, anchor: str) -> Mention:
    start, stop, name, tail_end, elected = _name_parts(text, run, i, end)
    return Mention(start=start, end=stop, name=name, tail_end=tail_end, elected=elected,
                   anchor=anchor)


def _name_parts(text: str, run: list[Tok], i: int, end: int) -> tuple[int, int, str, int, bool]:
    """(start, end, name, end of its post-nominals, elected) of the name run[i:end] (a tuple:
    a titled name made an untitled Mention first)."""
    start = run[i].start
    last = run[end - 1]
    stop = last.start + len(last.bare)
    tail_end, elected = postnominal_tail(text, stop)
    return start, stop, " ".join(text[start:stop].split()), tail_end, elected


_POST = re.compile(r"\s*+(?:,[ \t]*+)?([A-Z][A-Za-z]{1,7})\b")


def postnominal_tail(text: str, pos: int) -> tuple[int, bool]:
    """Skip "MP", ", OBE", "CBE JP" after a name; report whether one marks an elected office."""
    table = postnominals()
    elected = False
    while (match := _POST.match(text, pos)) and match.group(1) in table:
        elected = elected or table[match.group(1)]
        pos = match.end()
    return pos, elected
