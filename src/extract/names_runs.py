"""Runs of capitalised words: where person names are looked for.

A word is a `WORD` match (letters with inner apostrophes/hyphens, an optional dot); a run is a
maximal sequence of capitalised words (or lower-case surname particles) separated only by
blanks with at most one hard wrap, ended early by a word that closes it (a possessive, a full
stop that is not an initial or a title).

One regex finds the runs of two or more words directly, so the lower-case words (most of the
text) and the lone capitalised words (sentence openers) cost no Python work: a lone word names
nobody, and a lower-case word between two capitalised ones only ever splits them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.names_lexicon import honorifics
from extract.regex_words import by_first_letter

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?\.?")
# Between two words of one name: blanks with at most one line break (a hard wrap).
# Possessive quantifiers: "[ \t]*\n?[ \t]*" can split a run of n spaces n ways, which made a
# name before a long run of white space cost O(n^2) per match attempt.
GAP = r"[ \t]*+(?:\n[ \t]*+)?"
# Lower-case surname particles, Welsh "ap"/"ab" ("Dafydd ap Rhys") among them.
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "du", "di", "le", "la", "bin",
                       "ap", "ab", "del", "dos", "das", "ter"})
POSSESSIVE = re.compile(r"['’]s?$")
_WORD_CACHE = 8192

# A `WORD` starting with any letter but an ASCII lower-case one (upper case is checked on the
# match: the regex has no Unicode upper-case class).
_UPPER_TAIL = r"(?:[\w'’-]*[^\W\d_])?\.?"
# A whole `WORD` that is a particle: its first letter lower case, the rest in any case ("dE"),
# no further letter reachable and no dot ("van-Dyke", "de." are other words). The look-ahead
# is lazy: it stops at the first letter, so consecutive particles are not rescanned.
_PARTICLE_END = r"(?![\w'’-]*?[^\W\d_])(?!\.)"


def _cased(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in word)


def _particle_tails() -> str:
    """"(?<=d)(?:[eE][rR]|...)|(?<=v)(?:...)": a particle after its first letter."""
    return by_first_letter(sorted(PARTICLES, key=len, reverse=True), tail=_cased, behind=True)


_PARTICLE = "(?:" + "|".join(
    w[0] + _cased(w[1:]) for w in sorted(PARTICLES, key=len, reverse=True)) + ")" + _PARTICLE_END
_FIRST_LETTERS = "".join(sorted({w[0] for w in PARTICLES}))
_NEXT = rf"(?:[^\W\d_a-z]{_UPPER_TAIL}|{_PARTICLE})"
# The first word starts with one character class (an upper-case-like letter or a particle's
# first letter) so that the search skips to candidates in C; a look-behind then tells which.
_RUN = re.compile(
    rf"[^\W\d_{''.join(c for c in 'abcdefghijklmnopqrstuvwxyz' if c not in _FIRST_LETTERS)}]"
    rf"(?:(?<=[^\W\d_a-z]){_UPPER_TAIL}|(?:{_particle_tails()}){_PARTICLE_END})"
    rf"(?:{GAP}(?P<more>{_NEXT}))*+"
)
# `_RUN` tries every particle's first letter ("a", "d", "l", "t": a quarter of the text) as a
# run start; a run it starts there mid-word ("under Ann Lee") keeps only the words after the
# first, which `_CAPITAL_RUN` finds from the next word on. So unless a whole particle word
# leads a run (after a character that is no ASCII letter, or at the text start), runs led
# by an upper-case-like letter are all there is, and one cheap search tells which case holds.
# A lone word is a match too (`name_runs` skips it): if the search failed there instead, it
# would try again from every later capital or accented letter of the same word (O(n^2) in a
# long word of capitals or of another script).
_CAPITAL_RUN = re.compile(
    rf"[A-Z\x80-\U0010ffff](?<=[^\W\d_]){_UPPER_TAIL}(?:{GAP}(?P<more>{_NEXT}))*+")
# `_PARTICLE` with the particles grouped by first letter: one letter test rules out a group.
_PARTICLE_BY_FIRST = ("(?:" + by_first_letter(sorted(PARTICLES, key=len, reverse=True),
                                               tail=_cased) + ")" + _PARTICLE_END)
# A particle word then another word of a run: `_PARTICLE_LED` finds one after a character
# that is no ASCII letter (`quotes_verbs` searches for it in its verb scan of the same text).
PARTICLE_THEN_WORD = rf"{_PARTICLE_BY_FIRST}{GAP}{_NEXT}"
_PARTICLE_LED = re.compile(rf"[^A-Za-z]{PARTICLE_THEN_WORD}")
_PARTICLE_FIRST = re.compile(PARTICLE_THEN_WORD)
_WORDISH = re.compile(r"[\w'’-]")
_LETTER = re.compile(r"[^\W\d_]")


class Tok(NamedTuple):
    """A word of a capitalised run (a tuple: made for every word of every run)."""

    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return bare(self.text)


# Per-word answers are cached by the word's text: the same words recur across runs, mentions
# and articles, and each answer depends on the text alone.
@lru_cache(maxsize=_WORD_CACHE)
def bare(word: str) -> str:
    return POSSESSIVE.sub("", word.rstrip("."))


@lru_cache(maxsize=_WORD_CACHE)
def closes(word: str) -> bool:
    """A word that ends its run: a possessive, or a full stop that is not an initial/title."""
    if POSSESSIVE.search(word) and len(word) > 2:
        return True
    return word.endswith(".") and len(word) > 2 and word not in honorifics()


def _word_start(text: str, pos: int) -> bool:
    """Does `WORD` start a word at the letter at `pos`? Not when a letter comes earlier in
    the same unbroken run of word characters, apostrophes and hyphens ("McDonald", "ab-Cd")."""
    if not pos or text[pos - 1] in " \n":
        return True
    back = pos - 1
    while back >= 0 and _WORDISH.match(text, back):
        if _LETTER.match(text, back):
            return False
        back -= 1
    return True


def name_runs(text: str) -> list[list[Tok]]:
    """The runs of two or more words (the pieces a closing or lower-case word splits a longer
    run into), in text order."""
    return [[Tok(first + start, first + stop, form)
             for form, (start, stop) in zip(words, spans, strict=True)]
            for first, words, spans in run_pieces(text)]


Piece = tuple[tuple[str, ...], tuple[tuple[int, int], ...]]  # words, their offsets in a match


def run_pieces(text: str) -> list[tuple[int, tuple[str, ...], tuple[tuple[int, int], ...]]]:
    """`name_runs` as (match start, words, word offsets from the match start): the pieces of
    a run match depend on its text alone (and on whether its first letter starts a word), so
    they are found once per distinct match and no `Tok` is made until a run is walked."""
    return [(first, words, spans) for first, run, lead in run_matches(text)
            for words, spans in pieces_of(run, lead)]


def run_matches(text: str, *, led: bool | None = None) -> list[tuple[int, str, bool]]:
    """(start, text, does its first letter start a word) of every run match of two or more
    words, in text order. `led`: does a particle word lead a run (`particle_led`), if known."""
    found = []
    if led is None:
        led = particle_led(text)
    for match in (_RUN if led else _CAPITAL_RUN).finditer(text):
        if match.group("more") is not None:  # else a lone word
            first = match.start()
            found.append((first, match.group(), _word_start(text, first)))
    return found


def particle_led(text: str) -> bool:
    """Does a particle word lead a run somewhere (at the text start or after a character
    that is no ASCII letter)?"""
    return bool(_PARTICLE_LED.search(text) or particle_first(text))


def particle_first(text: str) -> bool:
    """Does a particle word lead a run at the text start?"""
    return _PARTICLE_FIRST.match(text) is not None


# A run's words depend on its text alone, and the same runs ("Cllr Ann Lee") recur; a long
# one (hostile text) is not kept in a cache (`names_walk` keeps the walks of a run match, so
# its pieces are not kept apart: that cache missed whenever the walks' one did).
CACHED_RUN = 200


def pieces_of(run: str, lead: bool) -> tuple[Piece, ...]:
    """The runs of two or more kept words of a run match; `lead`: its first letter starts a
    word (else the match is the tail of a lower-case word, "abcDef", and its first word splits)."""
    pieces: list[Piece] = []
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for form, start, end in _run_words(run):
        kept = form[0].isupper() or form.lower() in PARTICLES
        if not kept or (not start and not lead):
            if len(words) > 1:  # not a capitalised word: a split
                pieces.append((tuple(words), tuple(spans)))
            words, spans = [], []
            continue
        words.append(form)
        spans.append((start, end))
        if closes(form):
            if len(words) > 1:
                pieces.append((tuple(words), tuple(spans)))
            words, spans = [], []
    if len(words) > 1:
        pieces.append((tuple(words), tuple(spans)))
    return tuple(pieces)


def _run_words(run: str) -> list[tuple[str, int, int]]:
    """The `WORD` matches of a run match (text, start, end). Its words are joined by blanks,
    or by nothing after a word's closing dot ("Dr.Ann"): so they are the pieces of
    `str.split`, each found from where the one before it ends, and a piece with a dot before
    its end is read with the regex."""
    found = []
    end = 0
    for form in run.split():
        start = run.find(form, end)
        end = start + len(form)
        if "." in form[:-1]:
            found += [(word.group(), *word.span()) for word in WORD.finditer(run, start, end)]
        else:
            found.append((form, start, end))
    return found
