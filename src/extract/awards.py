"""Awards won, shortlisted or commended: one record per (category, recipient).

Sentences are read trigger by trigger ("took gold in", "was highly commended in", "named
X of the Year"): the words before a trigger give the recipient, the words after it (up to
the next trigger) the categories. Shortlists written as lines under a "shortlisted for X:"
line are read as blocks. Ceremony and date come from the sentence or the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import Any, get_args

from spacy.language import Language
from spacy.tokens import Doc

from extract import awards_find as find
from extract import awards_scope as scope_words
from extract.article import ArticleContext
from extract.awards_gate import Words, gate, gated_sentences, word_hits
from extract.awards_lines import list_level, list_rows, may_hold_results, medal_lines
from extract.awards_merge import finish_rows
from extract.awards_subject import coordinated, hypothetical, recipient_from
from extract.awards_went import INVERTED_NEEDS, WENT_NEEDS, inverted_lists, went_to, went_to_level
from extract.doctext import doc_text, sentence_bounds, store_rows, stored_rows
from extract.schema import Award, AwardLevel

Row = dict[str, Any]
_LEVELS: tuple[AwardLevel, ...] = get_args(AwardLevel)
# "named X" / "crowned X" / "voted X": the title straight after the verb is the category.
_NAMING = re.compile(r"\b(?:named|crowned|voted|selected\s+as|chosen\s+as)(?:\s+as)?\s*$")


Chosen = tuple[int, int, str, bool]


def _selected_triggers(sentence: str, present: Words) -> list[Chosen]:
    """Non-overlapping (start, end, level, is_named) triggers, the specific ones first."""
    chosen: list[Chosen] = []  # sorted by start, so by end too (no two overlap)
    starts: list[int] = []
    ahead = _Ahead(sentence)
    for level, pattern, unless in _triggers_for(present):
        fresh = []  # one pattern's matches never overlap one another
        # most triggers have no `unless`: their matches are read without a generator
        for m in (pattern.finditer(sentence) if unless is None
                  else _matches(pattern, unless, sentence, ahead)):
            # every match is non-empty (it holds a need word): it overlaps a chosen
            # trigger only if it overlaps the last one starting before its end
            start, end = m.span()
            last = bisect_left(starts, end) - 1
            if last < 0 or chosen[last][1] <= start:
                fresh.append((start, end, level,
                              level == "winner" and _NAMING.search(m.group()) is not None))
        if fresh:
            chosen = sorted(chosen + fresh)  # two sorted runs: merged in linear time
            starts = [start for start, _, _, _ in chosen]
    return chosen


TriggerRule = tuple[str, re.Pattern[str], re.Pattern[str] | None]


@lru_cache(maxsize=1)
def _trigger_index() -> tuple[tuple[TriggerRule, ...], dict[str, frozenset[int]]]:
    """The triggers, and for each gate word the triggers one of whose words it is."""
    rules = find.triggers()
    by_word: dict[str, set[int]] = {}
    for i, (_, _, needs, _) in enumerate(rules):
        for word in gate(needs):
            by_word.setdefault(word, set()).add(i)
    return (tuple((level, pattern, unless) for level, pattern, _, unless in rules),
            {word: frozenset(found) for word, found in by_word.items()})


@lru_cache(maxsize=1024)  # sentences hold the same few sets of gate words
def _triggers_for(present: Words) -> tuple[TriggerRule, ...]:
    """The triggers, in priority order, a sentence holding the gate words `present` may
    hold a match of: those none of whose words is here are left out."""
    rules, by_word = _trigger_index()
    if present is None:
        return rules
    found = frozenset().union(*(by_word.get(word, ()) for word in present))
    return tuple(rules[i] for i in sorted(found))


def _matches(pattern: re.Pattern[str], unless: re.Pattern[str], sentence: str,
             ahead: _Ahead) -> Iterator[re.Match[str]]:
    """`pattern.finditer`, less the matches `unless` voids; after a void match the search
    goes on one character further, as a regex failing there would."""
    pos = 0
    while (m := pattern.search(sentence, pos)) is not None:
        if ahead.holds(unless, m.end()):
            pos = m.start() + 1
        else:
            yield m
            pos = m.end()


class _Ahead:
    """Whether a word starts between an offset and the next full stop or line end, found
    by bisection (a lookahead `(?![^.\\n]*\\bword\\b)` rescans to the stop at every match)."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.words: dict[re.Pattern[str], list[int]] = {}
        self.stops: list[int] | None = None

    def holds(self, word: re.Pattern[str], at: int) -> bool:
        if self.stops is None:
            self.stops = [m.start() for m in re.finditer(r"[.\n]", self.sentence)]
        if word not in self.words:
            self.words[word] = [m.start() for m in word.finditer(self.sentence)]
        starts, stop = self.words[word], bisect_left(self.stops, at)
        first = bisect_left(starts, at)
        return first < len(starts) and (stop == len(self.stops) or starts[first] < self.stops[stop])


def _sentence_rows(sentence: str, offset: int, council: Callable[[], str | None],
                   present: Words) -> list[Row]:
    rows: list[Row] = []
    triggers = _selected_triggers(sentence, present)
    boundary, previous = 0, None
    for i, (start, end, level, named) in enumerate(triggers):
        scope_end = triggers[i + 1][0] if i + 1 < len(triggers) else len(sentence)
        scope = sentence[end:scope_end]
        # a title straight after any winning verb is its category ("won Best Employer")
        first = find.category_right_after(scope) if named or scope[:1].isupper() else None
        cats = [first] if first else ([] if named else find.categories(scope))
        subject = sentence[boundary:start]
        recipient = recipient_from(subject)
        if recipient is None:
            recipient = previous  # "... and also took gold in ...": same subject
        boundary = end + (cats[-1][1] if cats else 0)
        # a bare win needs a category, or a prize as its object ("claimed the top prize")
        # (a runner-up, with no level of its own, also needs a category to say anything)
        if recipient is None or hypothetical(subject) or (
                level in ("winner", "runner-up") and not cats
                                 and not (not named and scope_words.prize_object(scope))):
            continue
        generic = (find.words()["generic_recipient"].match(recipient)
                   or find.words()["possessive_of_council"].match(recipient))
        here = council()  # the council "the council" means in this sentence
        previous = recipient = scope_words.resolve(recipient, here)
        options: list[tuple[int, int, str] | None] = list(cats) or [None]
        for cat, name in ((c, n) for c in options for n in coordinated(recipient)):
            rows.append({"start": offset + start, "end": offset + (end + cat[1] if cat else end),
                         "award": cat[2] if cat else None, "recipient": name,
                         "level": level, "sentence": (offset, offset + len(sentence)),
                         "needs_council": bool(generic and here is None),
                         "same_category": not cats and scope_words.same_category(scope),
                         "summary": not cats and scope_words.plural_prize(scope),
                         "repeat": not cats and scope_words.repeats_prize(scope)})
    return rows + _inverted_rows(sentence, offset, present)


def _inverted_rows(sentence: str, offset: int, present: Words) -> list[Row]:
    rows: list[Row] = []
    inverted = [] if present is not None and present.isdisjoint(gate(INVERTED_NEEDS)) \
        else inverted_lists(sentence)
    cats = find.categories(sentence) if inverted else []
    for at, keyword, recipient in inverted:
        level = list_level(keyword)
        # "Other finalists include ...": with no category of its own, the list is
        # about the category named just before
        rows.append({"start": offset + at, "end": offset + at + len(recipient),
                     "award": cats[0][2] if cats else None, "recipient": recipient,
                     "level": level, "sentence": (offset, offset + len(sentence)),
                     "from_list": True, "same_category": not cats})
    if present is not None and present.isdisjoint(gate(WENT_NEEDS)):
        return rows
    for at, recipient, category in went_to(sentence):
        rows.append({"start": offset + at, "end": offset + at + len(recipient),
                     "award": category, "recipient": recipient,
                     "level": went_to_level(sentence),
                     "sentence": (offset, offset + len(sentence)),
                     # "The award went to Y": the award named before
                     "named_before": category is None})
    return rows


def _same_category(rows: list[Row]) -> list[Row]:
    """A row 'in the same category' takes the category of the row before it."""
    last = None
    for row in rows:
        if row.pop("same_category", False) and row["award"] is None:
            row["award"] = last
        last = row["award"] or last
    return rows


def _award_rows(doc: Doc, context: ArticleContext | None) -> list[Row]:
    text = doc_text(doc)
    rows: list[Row] = []
    hits = word_hits(text)
    if hits is None or hits[0]:  # no trigger word anywhere: no sentence holds an award
        council = _councils(text, context.publisher if context else None)
        for low, high, present in gated_sentences(sentence_bounds(doc), hits):
            rows.extend(_sentence_rows(text[low:high], low, partial(council, low), present))
    rows.extend(list_rows(text))
    if may_hold_results(text, hits):
        rows.extend(medal_lines(text))
    if not rows:
        return rows
    return finish_rows(_same_category(_named_before(rows[:MAX_ROWS], text)), doc)


# An article tells of a few dozen awards at most (the references hold 8 at most). Merging
# compares each row with every row kept, so on hostile text (thousands of award sentences)
# only the first MAX_ROWS rows found are read.
MAX_ROWS = 500


def _councils(text: str, publisher: str | None) -> Callable[[int], str | None]:
    """The council named last before a character offset (else the publisher); the text
    is read for councils only as far as a sentence asks (one past the offset asked: the
    councils before it are then all known), not past the last award sentence."""
    starts: list[int] = []
    names: list[str] = []
    unread = [scope_words.each_council(text)]  # emptied once the text is read to its end

    def before(at: int) -> str | None:
        while unread and (not starts or starts[-1] < at):
            if (found := next(unread[0], None)) is None:
                unread.clear()
            else:
                starts.append(found[0])
                names.append(found[1])
        last = bisect_left(starts, at) - 1
        return names[last] if last >= 0 else publisher
    return before


def _named_before(rows: list[Row], text: str) -> list[Row]:
    """'The Employer of the Year category drew 40 entries. The award went to Y': an award
    told as 'the award' is the category named last in the text before it."""
    for row in rows:
        if row.pop("named_before", False):
            low = row["sentence"][0]
            cats = find.categories(text[max(0, low - 600):low])
            row["award"] = cats[-1][2] if cats else None
    return rows


@Language.component("council_awards")
def find_awards(doc: Doc) -> Doc:
    store_rows(doc, "awards", _award_rows(doc, None), label="level", default="award")
    return doc


def extract_awards(doc: Doc, *, context: ArticleContext) -> list[Award]:
    rows = stored_rows(doc, "awards")
    if rows is None:
        return []
    if context.publisher and any(r.get("needs_council") for r in rows):
        rows = _award_rows(doc, context)
    return [Award(**{k: row[k] for k in ("start", "end", "award", "ceremony", "recipient",
                                         "date_text")}, level=_contract_level(row["level"]))
            for row in rows]


def _contract_level(level: str | None) -> AwardLevel | None:
    """Levels outside the contract's list (a runner-up) are recorded as null."""
    for known in _LEVELS:
        if level == known:
            return known
    return None
