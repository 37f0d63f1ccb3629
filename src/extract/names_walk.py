"""The walk over a capitalised run that finds the names in it.

Most of the walk depends on the run's words alone: where an honorific or a known first name
opens a name, where each name ends, which two or three last words could be a weak name. That
part is planned once per distinct run ("Town Hall", "Cllr Ann Lee" recur across articles) and
cached; only the checks that read the text around a name are made per run, and a run whose
plan is empty (most runs: places, bodies, awards) costs no more than the cache look-up.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from extract.memo import short_text_cache
from extract.names_find import (
    Mention,
    end_flags,
    first_name_start,
    folded,
    honorific_units,
    may_open,
    name_end,
    place_follows,
    plain,
    the_before,
    titled,
    weak_anchored,
    weak_end,
)
from extract.names_lexicon import first_names, honorifics, plural_honorifics, word_set
from extract.names_runs import CACHED_RUN, Tok, bare, pieces_of, run_matches
from extract.quotes_verbs import scan

TITLED = "titled"  # honorifics then a name: always a mention
LEXICON = "lexicon"  # a known first name: a mention unless "the" comes before
WEAK = "weak"  # plain words ending the run: a mention if the text around anchors it
_PLAN_CACHE = 8192


class Step(NamedTuple):
    """A name the run's words allow: run[first:end] (`units` the honorifics of a titled one,
    the name itself from `first`)."""

    kind: str
    first: int
    end: int
    units: tuple[tuple[int, int], ...] = ()


# Plans by the words' classes (`word_class`): most runs are new names or places in a varied
# corpus ("Kelbrook Council", "Ulley Bridge Council"), whose words differ but read alike to
# the walk, so runs of new words share a plan. Bounded: the oldest plan goes when it is full.
_PLANS: dict[tuple[str | tuple[bool, ...], ...], tuple[Step, ...]] = {}


def plan(words: tuple[str, ...]) -> tuple[Step, ...]:
    """`walk_plan(words)`, kept by the classes of the words."""
    key = tuple(map(word_class, words))
    steps = _PLANS.get(key)
    if steps is None:
        steps = walk_plan(words)
        if len(_PLANS) >= _PLAN_CACHE:
            del _PLANS[next(iter(_PLANS))]
        _PLANS[key] = steps
    return steps


@cache
def _honorific_words() -> frozenset[str]:
    """The words of every honorific, without trailing dots."""
    return frozenset(word.rstrip(".") for text in honorifics() for word in text.split(" "))


@lru_cache(maxsize=_PLAN_CACHE)
def word_class(word: str) -> str | tuple[bool, ...]:
    """What `walk_plan` reads of a word. A word of an honorific is read as itself (honorifics
    of several words are looked up by their joined text); any other word only through these
    answers, so two words with the same answers make the same plan."""
    if word.rstrip(".") in _honorific_words():
        return word
    low = bare(word).lower()
    return (*end_flags(word), first_name_start(word), len(word) == 1 and word.isupper(),
            low in word_set("names_not_name_words.txt"),
            low in word_set("names_not_name_start.txt"), folded(bare(word)) in first_names())


def walk_plan(words: tuple[str, ...]) -> tuple[Step, ...]:
    """The names a run of these words may hold, in order, by the walk of its words: at each
    word an honorific, a first name or a weak name is tried; a found one is stepped over.

    A weak name ends the run, so when one is anchored the walk ends there; when it is not,
    the walk goes on with the next word, as planned here (later steps are only read when every
    weak name before them failed)."""
    run = [Tok(0, 0, word) for word in words]
    steps: list[Step] = []
    i = 0
    size = len(run)
    while i < size:
        if not 2 <= size - i <= 3 and not may_open(words[i]):
            i += 1  # no honorific or first name opens here, and a weak name would not end the run
            continue
        units = honorific_units(run, i)
        if units:
            j = units[-1][1]
            end = name_end(run, j, anchored=True)
            if end == j:
                i = max(j, i + 1)
                continue
            steps.append(Step(TITLED, j, end, tuple(units)))
            i = end
        elif first_name_start(words[i]):
            end = name_end(run, i, anchored=True)
            if end - i >= 2 and not place_follows(run, end):
                steps.append(Step(LEXICON, i, end))
            i = max(end, i + 1)
        else:
            if (weak := weak_end(run, i)) is not None:
                steps.append(Step(WEAK, i, weak))
            i += 1
    return tuple(steps)


def run_names(text: str, run: list[Tok], steps: tuple[Step, ...]) -> list[Mention]:
    """The mentions of a run (`steps` its words' plan) that the text around them allows."""
    found: list[Mention] = []
    for step in steps:
        if step.kind == TITLED:
            found.append(titled(text, run, list(step.units), step.first, step.end))
        elif step.kind == LEXICON:
            if not the_before(text, run[step.first].start):
                found.append(plain(text, run, step.first, step.end, LEXICON))
        elif weak_anchored(text, run, step.first, step.end):
            found.append(plain(text, run, step.first, step.end, WEAK))
            break  # the name ends the run
    return found


def rule_mentions(text: str) -> list[Mention]:
    """Full-name mentions found in capitalised runs (no surname-only mentions)."""
    found: list[Mention] = []
    # Whether a particle leads a run is found in the verb scan of the same text (one pass).
    for first, match, lead in run_matches(text, led=scan(text)[1]):
        for words, spans, steps in _walks(match, lead):
            run = [Tok(first + start, first + stop, word)
                   for word, (start, stop) in zip(words, spans, strict=True)]
            found += run_names(text, run, steps)
    return _share_plural(text, found)


Walk = tuple[tuple[str, ...], tuple[tuple[int, int], ...], tuple[Step, ...]]


# A long match (hostile text) is walked but not kept (see `CACHED_RUN`).
@short_text_cache(maxsize=_PLAN_CACHE, longest=CACHED_RUN)
def _walks(match: str, lead: bool) -> tuple[Walk, ...]:
    """The runs of a run match that may hold a name (words, offsets, plan): a run of one word
    names nobody (a name needs two words; a lone title, a name after it), and most runs
    (places, bodies, awards) have an empty plan, so most matches have no walk at all."""
    return tuple((words, spans, steps) for words, spans in pieces_of(match, lead)
                 if (steps := plan(words)))


# Between two names of one list: a comma, "and" or "&".
_LIST_GAP = re.compile(r"\s*+,\s*+(?:and\s++)?|\s++and\s++|\s*+&\s*+")


def _share_plural(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Cllrs Ann Lee and Rob Hart": the names listed after a plural title share it."""
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (prev is not None and mention.honorific is None
                and prev.honorific in plural_honorifics()
                and _LIST_GAP.fullmatch(text, prev.tail_end, mention.start)):
            mention = replace(mention, honorific=prev.honorific, hon_kind=prev.hon_kind,
                              anchor="honorific")
        out.append(mention)
    return out
