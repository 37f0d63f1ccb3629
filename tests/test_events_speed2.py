"""Faster definitions in dates and events (seventh round) checked against the ones
they replaced, kept here as the reference."""

from __future__ import annotations

import random
import re

import pytest
from spacy.language import Language

from extract.dates_flags import Flag, _flag_test, flag_test
from extract.dates_patterns import read_jsonl

_ALPHABET = "0123456789 aAmMyYsStThH.:/-–—’'İıſK\u212a٣３ᵗʰ"


def _flags() -> list[Flag]:
    """Every flag of the date token classes, and some of each kind besides."""
    tokens = [row["token"] for row in read_jsonl("dates_tokens.jsonl")]
    flags = [flag for _, flag in filter(None, map(_flag_test, tokens))]
    return [*flags, Flag("LOWER", frozenset({"may", "i̇stanbul"})),
            Flag("TEXT", frozenset({"May", "K"})), Flag("LOWER", regex=r"^k\d"),
            Flag("TEXT", regex=r"\d{4}$")]


def _texts(count: int) -> list[str]:
    rng = random.Random(7)
    fixed = ["May", "may", "MAY", "12th", "3", "03", "2019", "1.30pm", "12/03/2024", "Wed",
             "İSTANBUL", "\u212a1", "k1", "٣", "３", "12ᵗʰ", "", " ", "\n", "Sept", "2O19"]
    return fixed + ["".join(rng.choices(_ALPHABET, k=rng.randint(1, 8)))
                    for _ in range(count)]


@pytest.mark.parametrize("flag", _flags(), ids=repr)
def test_events_speed2_flag_test_equals_flag(flag: Flag) -> None:
    test = flag_test(flag)
    assert flag_test(Flag(flag.attr, flag.words, flag.regex)) is test  # one per flag
    for text in _texts(2000):
        assert test(text) is flag(text), text


def test_events_speed2_vocab_holds_flag_tests(nlp: Language) -> None:
    """The date flags are registered as their plain tests, and new words get them."""
    tested = {flag_test(flag): flag for flag in _flags()}
    registered = {bit: tested[getter] for bit, getter in nlp.vocab.lex_attr_getters.items()
                  if getter in tested}
    assert len(registered) >= 20
    for bit, flag in registered.items():
        assert nlp.vocab.lex_attr_getters[bit] is flag_test(flag)
        for text in ("Mayday-speed2", "12th", "2019", "Wed"):
            assert nlp.vocab[text].check_flag(bit) is flag(text)


def _old_starts(text: str) -> list[int] | None:
    """`dates_times._starts` before: the digit runs and other characters found by numpy."""
    from numpy import flatnonzero, frombuffer, uint32

    from extract.doctext import folds_as_lower, lowered

    if not text:
        return []
    codes = frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=uint32)
    if (wide := codes[codes > 127]).size:
        chars = "".join(map(chr, set(wide.tolist())))
        if not folds_as_lower(chars) or any(ch.isdecimal() for ch in chars):
            return None
    digit = (codes - 48) < 10
    starts = (flatnonzero(digit[1:] > digit[:-1]) + 1).tolist()
    if digit[0]:
        starts.insert(0, 0)
    lower = lowered(text) or text.lower()
    for word in ("noon", "midday", "midnight"):
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    return sorted(set(starts))


_TIME_ALPHABET = "0123456789 :.-–apmAPM\nnoNOmidMIDdayighty’“é£€\ud800٣３İıſ\u212a"
STARTS_TEXTS = ["", "1", "a1", "12", "x99", "noon", "NOON noonoon", "Midnight and midday 12",
                "from 6 to 8pm", "10.30am–2pm at noon", "٣ 12", "３pm", "İ 12", "ı noon",
                "ſ 3pm", "\u212a 4", "\ud800 12 noon", "café 12:30 “noon”", "12 " * 40]


def test_events_speed2_time_starts_equal_numpy_definition() -> None:
    from extract.dates_times import _starts

    rng = random.Random(11)
    texts = STARTS_TEXTS + ["".join(rng.choices(_TIME_ALPHABET, k=rng.randint(1, 40)))
                            for _ in range(3000)]
    # Mostly ASCII texts too, where the few other characters are rare.
    texts += ["".join(rng.choices("0123456789 apm:.noidgh", k=30)) + rng.choice("’é٣İ ")
              for _ in range(1000)]
    for text in texts:
        assert _starts(text) == _old_starts(text), repr(text)
    assert sum(_starts(text) is None for text in texts) > 100  # the fallback is exercised


RANGE_TEXTS = ["24-28 March", "May 13 to 26", "3rd – 5th June", "Friday 2 - Sunday 4 May",
               "1-2/03", "12 until Tuesday, 14", "no range", "", "7 till 9 and 10-11"]


def test_events_speed2_range_tail_sub_equals_template() -> None:
    """The range tail dropped through a C callable, as the `\\1` template drops it."""
    from extract.dates_normalise import _FIRST_GROUP, _RANGE_TAIL

    rng = random.Random(5)
    pieces = ["1", "12", "3rd", "-", "–", " to ", " until ", "Tuesday, ", " ", "/", ".5", "May"]
    texts = RANGE_TEXTS + ["".join(rng.choices(pieces, k=rng.randint(1, 8)))
                           for _ in range(3000)]
    for text in texts:
        assert _RANGE_TAIL.sub(_FIRST_GROUP, text) == _RANGE_TAIL.sub(r"\1", text), text


def test_events_speed2_newlines_equal_finditer(nlp: Language) -> None:
    import re

    from extract.events_near import newlines

    for text in ["", "one line", "a\nb\n\nc\n", "\n\n", "x\r\ny \u2028 z\n"]:
        doc = nlp.make_doc(text)
        assert newlines(doc) == [m.start() for m in re.finditer("\n", text)]


def _old_explicit_value(text: str, anchor):  # type: ignore[no-untyped-def]
    """`explicit_value` before its reading of the text alone was remembered."""
    from extract.dates_normalise import (
        DateValue,
        _from_parts,
        _safe_date,
        explicit_parts,
        weekday_of,
    )

    iso = re.fullmatch(r"(\d{4})\s*-\s*(\d{2})\s*-\s*(\d{2})", text.strip())
    if iso:
        return DateValue(_safe_date(*(int(part) for part in iso.groups())), None, True)
    parts = explicit_parts(text, anchor.order)
    if parts is None:
        return DateValue(None, None, True)
    return _from_parts(parts, weekday_of(text), anchor)


EXPLICIT_TEXTS = ["Saturday 8 June 2024", "8 June", "Tuesday, March 4", "24-28 March",
                  "2024-06-21", " 2024 - 02 - 30 ", "29 February", "Wed 12 March",
                  "Sunday 31 December", "March 4th", "the 3rd of May 2019", "not a date",
                  "Friday 2 - Sunday 4 May", "May 13 to 26, 2019", "12/03/2024"]


def test_events_speed2_explicit_value_equals_old() -> None:
    import datetime as dt

    from extract.dates_normalise import Anchor, explicit_value

    references = [None, dt.date(2024, 6, 1), dt.date(2019, 12, 30), dt.date(2020, 2, 28)]
    for text in EXPLICIT_TEXTS:
        for reference in references:
            for order in ("DMY", "MDY"):
                for tense in (None, "past", "future"):
                    anchor = Anchor(reference, dt.date(2019, 6, 15) if reference is None
                                    else None, order, tense)
                    for _ in range(2):  # the reading remembered the second time
                        assert explicit_value(text, anchor) == _old_explicit_value(
                            text, anchor), (text, anchor)


def _old_clause(doc, start: int, end: int, at: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The clause bounds `sentence_tense` took before: bisection over every offset of
    each clause mark in the doc."""
    from bisect import bisect_left, bisect_right

    from extract.events_tense import _CLAUSE_MARKS, _mark_offsets

    clause_start, clause_end = start, end
    for mark, offsets in zip(_CLAUSE_MARKS, _mark_offsets(doc), strict=True):
        k = bisect_right(offsets, at - len(mark)) - 1
        if k >= 0 and offsets[k] >= start:
            clause_start = max(clause_start, offsets[k] + 1)
        k = bisect_left(offsets, at)
        if k < len(offsets) and offsets[k] + len(mark) <= end:
            clause_end = min(clause_end, offsets[k])
    return clause_start, clause_end


_CLAUSE_PIECES = ["Saturday 8 June", " will ", " was held", ",", ";", ":", " – ", " — ", "(",
                  ")", " ", "–", "—", "\n", "fair", "on", " voted ", ". ", "x"]


def test_events_speed2_clause_search_equals_offsets(nlp: Language) -> None:
    """Within a sentence, `str.find` gives the clause bounds the per-doc mark offsets
    gave, for every sentence and every offset in it (both paths of `sentence_tense`)."""
    from extract.events_sentences import sent_of
    from extract.events_tense import _clause_by_offsets, _clause_by_search, sentence_tense

    rng = random.Random(3)
    texts = ["".join(rng.choices(_CLAUSE_PIECES, k=rng.randint(1, 40))) for _ in range(300)]
    for text in texts:
        doc = nlp(text)
        for i in range(len(doc)):
            sent = sent_of(doc, i)
            for at in range(sent.start_char, sent.end_char + 1):
                old = _old_clause(doc, sent.start_char, sent.end_char, at)
                assert _clause_by_search(text, sent.start_char, sent.end_char, at) == old
                assert _clause_by_offsets(doc, sent.start_char, sent.end_char, at) == old
            assert sentence_tense(sent, sent.start_char) in (None, "past", "future")


def test_events_speed2_long_sentence_takes_offsets(nlp: Language) -> None:
    """A sentence past `_SEARCHED` characters is bounded by the offsets (same answer)."""
    from extract.events_sentences import sent_of
    from extract.events_tense import _SEARCHED, sentence_tense, tense_of

    text = "The fair, which was held (again) on Saturday 8 June – " * (_SEARCHED // 40)
    doc = nlp(text)
    sent = sent_of(doc, 0)
    assert sent.end_char - sent.start_char > _SEARCHED
    for at in (0, 30, len(text) // 2, len(text) - 5):
        expected = tense_of(text[sent.start_char:sent.end_char], at=at - sent.start_char)
        assert sentence_tense(sent, at) == expected
