"""Faster definitions in dates and events checked against the ones they replaced."""

from __future__ import annotations

import random
import re

import pytest
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from extract.dates import _char_spans
from extract.dates_patterns import cue_regex, word_lists
from extract.doctext import doc_text, group_spans
from extract.events_link import in_range, newline_after
from extract.events_near import Rivals, closest_rival, nearest_owned
from extract.events_venue import TitleMemo, _Pools, _title_link

_LISTS = sorted(word_lists())


def _old_cue_regex(list_name: str) -> re.Pattern[str]:
    """The definition before words were grouped by first letter."""
    words = sorted(word_lists()[list_name], key=len, reverse=True)
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’'])", re.I)


CUE_TEXTS = [
    "The event will be held online via Zoom.",
    "It WAS held at the Town Hall; members Took  Place in the vote.",
    "Published: 3 May 2024 | Last updated 4 May",
    "we'll meet, they’ll go, it shall be; upcoming events",
    "Applications close on 2 June. Deadline: Friday.",
    "İstanbul ſaid the Kelvin K was held",  # letters IGNORECASE folds unlike ASCII
    "",
]


def _random_texts(seed: int, count: int) -> list[str]:
    """Texts made of cue words, their pieces and odd characters, in random case."""
    rng = random.Random(seed)
    pieces = [w for name in _LISTS for w in word_lists()[name]]
    pieces += [" ", "  ", "\n", ",", "'", "’", "x", "ed", "ſ", "İ", "ı", "K", "_", "1"]
    texts = []
    for _ in range(count):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        text = rng.choice(["", " "]).join(words)
        texts.append("".join(c.upper() if rng.random() < 0.2 else c for c in text))
    return texts


@pytest.mark.parametrize("list_name", _LISTS)
def test_events_speed_cue_regex_matches_old(list_name: str) -> None:
    old, new = _old_cue_regex(list_name), cue_regex(list_name)
    assert new.pattern != old.pattern  # the grouped form is the one under test
    for text in CUE_TEXTS + _random_texts(len(list_name), 400):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert new.sub(" ", text) == old.sub(" ", text)


def _spans(nlp: Language, text: str, key: str) -> list[tuple[int, int, str]]:
    doc = nlp(text)
    return [(s.start_char, s.end_char, s.label_) for s in group_spans(doc, key)]


GROUP_TEXTS = [
    ("The jobs fair is on Saturday 8 June from 10am to 2pm.", "dates"),
    ("The jobs fair is on Saturday 8 June from 10am to 2pm.", "times"),
    ("The jobs fair is on Saturday 8 June from 10am to 2pm.", "gatherings"),
    ("No dates here at all.", "dates"),
]


@pytest.mark.parametrize(("text", "key"), GROUP_TEXTS)
def test_events_speed_group_spans_equal_group(nlp: Language, text: str, key: str) -> None:
    doc = nlp(text)
    kept = group_spans(doc, key)
    assert [(s.start, s.end, s.label_) for s in kept] == [
        (s.start, s.end, s.label_) for s in doc.spans[key]]


def test_events_speed_group_spans_follow_changed_group(nlp: Language) -> None:
    """A group replaced or added to after the component ran is read, not the kept list."""
    doc = nlp("The jobs fair is on Saturday 8 June. The talk is on 9 June.")
    assert len(group_spans(doc, "dates")) == 2
    doc.spans["dates"] = list(doc.spans["dates"])[:1]
    assert len(group_spans(doc, "dates")) == 1
    doc.spans["times"].append(doc[0:1])
    assert [s.start for s in group_spans(doc, "times")] == [0]


def _old_nearest_owned(anchor: Span, spans: list[Span], rivals: list[Span]) -> Span | None:
    """The definition before a lone rival was answered without measuring."""
    if not spans:
        return None

    def gap_to(span: Span) -> int:
        return max(0, anchor.start_char - span.end_char, span.start_char - anchor.end_char)

    if not rivals:
        return spans[0] if len(spans) == 1 else min(spans, key=gap_to)
    order = sorted(range(len(spans)), key=lambda i: (gap_to(spans[i]), i))
    prepared = Rivals(rivals)
    for i in order:
        if closest_rival(prepared, spans[i], same_item=True) == anchor:
            return spans[i]
    return None


_NEAR_TEXT = ("Drop-in on Wed 12 March, 2pm, at Lowther Library\nEvening on Tues 18 March "
              "at 6pm in the Grange Hall, then on Friday at the Old Corn Exchange.")


def test_events_speed_nearest_owned_matches_old(nlp: Language) -> None:
    doc = nlp(_NEAR_TEXT)
    rng = random.Random(7)
    n = len(doc)

    def some_span() -> Span:
        start = rng.randrange(n)
        return doc[start:min(n, start + rng.randint(1, 3))]

    for _ in range(600):
        spans = sorted((some_span() for _ in range(rng.randint(0, 4))),
                       key=lambda s: s.start_char)
        rivals = sorted((some_span() for _ in range(rng.randint(0, 3))),
                        key=lambda s: s.start_char)
        anchor = rng.choice(rivals) if rivals and rng.random() < 0.7 else some_span()
        expected = _old_nearest_owned(anchor, spans, rivals)
        assert nearest_owned(anchor, spans, rivals) == expected
        assert nearest_owned(anchor, spans, Rivals(rivals)) == expected


def _old_title_link(date: Span, gathering: Span, dates: list[Span], gatherings: list[Span],
                    pool: list[Span]) -> Span | None:
    """The definition before headline lines were read once per kind and pool."""
    text = doc_text(date.doc)
    start = 0
    while start < min(400, date.start_char):
        end = newline_after(date.doc, start) % (len(text) + 1)
        line = text[start:end].strip()
        if 0 < len(line) <= 150 and not line.endswith((".", "!", "?")):
            bounds = (start, end)
            own = in_range(gatherings, bounds)
            if (not in_range(dates, bounds) and own
                    and all(g.label_ == gathering.label_ for g in own)
                    and (found := in_range(pool, bounds))):
                return found[0]
        start = end + 1
    return None


TITLE_TEXTS = [
    "Jobs fair at Westby Civic Centre\n\nThe jobs fair is on Saturday 8 June. Come along.",
    "Jobs fair at Westby Civic Centre, 10am\nCareers talk at Easton Library\n"
    "The talk is on 9 June and the fair on 10 June.",
    "Consultation event\nA public meeting is on 4 March at the Grange Hall.",
    "The fair is on Saturday 8 June at Easton Library.",
    "Open day.\nDrop-in session at Lowther Library 2pm\nThe drop-in is on Wed 12 March.",
]


@pytest.mark.parametrize("text", TITLE_TEXTS)
def test_events_speed_title_link_matches_old(nlp: Language, text: str) -> None:
    doc = nlp(text)
    dates, gatherings = group_spans(doc, "dates"), group_spans(doc, "gatherings")
    pools = [group_spans(doc, "times"), list(doc.spans["venues"])]
    assert dates and gatherings
    memo: dict[int, TitleMemo] = {}
    for pool in pools:
        for date in [*dates, *reversed(dates)]:  # the memo read forwards and back
            for gathering in gatherings:
                spans = _Pools(dates, gatherings, pool, memo.setdefault(id(pool), {}))
                assert _title_link(date, gathering, spans) == _old_title_link(
                    date, gathering, dates, gatherings, pool)


def test_events_speed_char_spans_match_filter_spans(nlp: Language) -> None:
    """Time spans kept as found when apart and in order, else `filter_spans` as before."""
    doc = nlp("From 10am to 2pm, then 6.30pm-8pm;\n and at noon or 11-1pm daily.")
    rng = random.Random(11)
    size = len(doc.text)
    for _ in range(500):
        offsets = []
        for _ in range(rng.randint(0, 4)):
            start = rng.randrange(size)
            offsets.append((start, min(size, start + rng.randint(1, 8))))
        if rng.random() < 0.5:
            offsets.sort()
        spans = [doc.char_span(s, e, label="TIME", alignment_mode="expand") for s, e in offsets]
        expected = filter_spans([span for span in spans if span is not None])
        found = _char_spans(doc, offsets, "TIME")
        assert [(s.start, s.end) for s in found] == [(s.start, s.end) for s in expected]
