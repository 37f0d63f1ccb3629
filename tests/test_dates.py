"""Date and time spans: what is found, what is not, and how it is normalised."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from spacy.language import Language
from spacy.matcher import Matcher

from conftest import make_context
from extract.dates import detect_date_order
from extract.dates_named import build_date_matcher
from extract.dates_normalise import Anchor
from extract.dates_patterns import read_jsonl
from extract.dates_relative import normalise_phrase
from extract.dates_times import find_times, parse_time, time_regex
from extract.events_build import tense_of

FOUND = [
    ("The fair opens on Saturday 8 October at noon.", ["Saturday 8 October"]),
    ("Join us on Friday, 21st June for the open day.", ["Friday, 21st June"]),
    ("Interviews will be held June 21 in the annex.", ["June 21"]),
    ("The festival runs 20-24 March across the borough.", ["20-24 March"]),
    ("Sessions run May 13-26 in all libraries.", ["May 13-26"]),
    ("The week runs from Monday 24 to Friday 28 June.", ["Monday 24 to Friday 28 June"]),
    ("Doors open tomorrow (Wednesday) from 9am.", ["tomorrow (Wednesday)"]),
    ("The reception took place last night in the hall.", ["last night"]),
    ("Winners were named at the ceremony on Friday night.", ["Friday night"]),
    ("Pop along to the drop-in this Saturday.", ["this Saturday"]),
    ("A roadshow visits the county next month.", ["next month"]),
    ("It opened yesterday (Monday 2 April) to visitors.", ["yesterday (Monday 2 April)"]),
    ("The panel met last Friday (the 12th) to decide.", ["last Friday (the 12th)"]),
    ("The first fair was held in July.", ["July"]),
    ("Apply online before 21/06/2019 please.", ["21/06/2019"]),
    ("The date is 2019-06-21 in the minutes.", ["2019-06-21"]),
    ("A further session follows on the 20th.", ["the 20th"]),
    ("The committee meets on Tuesday (10 September).", ["Tuesday (10 September)"]),
    ("Our virtual fair is on Thursday, 4/14 at 10am.", ["Thursday, 4/14"]),
    ("The open evening is on Thursday 9 \nMay at the school.", ["Thursday 9 \nMay"]),
    ("Careers drop-in – Wed 14/05, 10am, Hillside Library", ["Wed 14/05"]),
    ("The second session is on Tuesday \n24th at the library.", ["Tuesday \n24th"]),
    ("The awards night is on Thursday the 9th in the hall.", ["Thursday the 9th"]),
    ("On Thursday 9 officers joined the team.", ["Thursday"]),
]

NOT_DATES = [
    "We want you to join us.",
    "You may want to come along.",
    "Staff will march to the town hall.",
    "The sun came out for the visitors.",
    "She came second in the category.",
    "Now we have the smallest caseloads.",
    "It has taken 14 months to get here.",
    "The team grew over three years.",
    "The fund is worth 100M over the period.",
    "Caseloads fell in 2019 to 15 per worker.",
    "The council spent £4.6m on agency staff.",
    "Call 01709 336 600 for details.",
    "Write to us at S60 1AE for a pack.",
    "Children aged 8 to 12 are welcome.",
    "Around 40 per cent of 300 posts are filled.",
    "We may 13 times over have said so.",
    "Cllr Rowlands will be at the session on the Saturday.",
    "Section 17 of the Act applies.",
    "Turnover fell from 18 to 7 per cent.",
    "A may-pole and a sun-dial stood there.",
    "March forward with the plan, we said.",
    "We'd 12 visitors and we d 14/05 was not a date.",
    "Wedding numbers rose to 14.",
    "The 7th-floor office reopened.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_dates_finds_date_phrases(nlp: Language, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [span.text for span in doc.spans["dates"]] == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_false_positives(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [span.text for span in doc.spans["dates"]] == []

FOUND_TEXTS = [text for text, _ in FOUND]


def test_dates_false_positive_list_is_longer() -> None:
    assert len(NOT_DATES) >= len(FOUND)


NORMALISED = [
    # (text, published, date order, expected date, expected partial)
    ("The fair is on Saturday 8 October.", "2016-09-20", "DMY", "2016-10-08", None),
    ("The fair is on Saturday 8 October.", None, "DMY", None, "--10-08"),
    ("The fair was held in July.", None, "DMY", None, "--07"),
    ("The awards were presented on Friday night.", "2017-11-29", "DMY", "2017-11-24", None),
    ("The fair will open on Friday.", "2017-11-29", "DMY", "2017-12-01", None),
    ("It opens tomorrow (Wednesday).", "2023-03-14", "DMY", "2023-03-15", None),
    ("It opened yesterday (Monday 2 April).", "2018-04-03", "DMY", "2018-04-02", None),
    ("The panel met last Friday (the 12th).", "2019-04-16", "DMY", "2019-04-12", None),
    ("The reception was held last night.", "2022-07-12", "DMY", "2022-07-11", None),
    ("Come along this Saturday (11 May).", "2019-05-08", "DMY", "2019-05-11", None),
    ("The fair will be on 12 January.", "2019-12-10", "DMY", "2020-01-12", None),
    ("The fair was held on 12 December.", "2020-01-10", "DMY", "2019-12-12", None),
    ("Drop in on Tuesday 3 June.", "2025-05-20", "DMY", "2025-06-03", None),
    ("Drop in on Tuesday 3 June.", "2025-07-01", "DMY", "2025-06-03", None),
    ("Apply by 05/06/2019 online.", None, "DMY", "2019-06-05", None),
    ("Apply by 05/06/2019 online.", None, "MDY", "2019-05-06", None),
    ("The expo runs May 13-26.", "2019-05-01", "DMY", "2019-05-13", None),
    ("A roadshow visits next month.", "2019-05-01", "DMY", None, "--06"),
    ("The meeting is on 29 February.", "2023-12-01", "DMY", "2024-02-29", None),
]


@pytest.mark.parametrize(("text", "published", "order", "date", "partial"), NORMALISED)
def test_dates_normalises_against_publication_date(
    nlp: Language, text: str, published: str | None, order: str, date: str | None,
    partial: str | None,
) -> None:
    doc = nlp(text)
    span = doc.spans["dates"][0]
    context = make_context(published, date_order=order)
    anchor = Anchor(context.reference_date, None, context.date_order, tense_of(span.sent.text))
    value = normalise_phrase(span.label_, span.text, anchor)
    assert (value.date, value.partial) == (
        dt.date.fromisoformat(date) if date else None, partial)
    # Remembered by its arguments: the same call is answered from the cache, equal to
    # working it out afresh.
    hits = normalise_phrase.cache_info().hits
    assert normalise_phrase(span.label_, span.text, anchor) is value
    assert normalise_phrase.cache_info().hits == hits + 1
    assert normalise_phrase.__wrapped__(span.label_, span.text, anchor) == value


TIMES = [
    ("10am", ("10:00", None)),
    ("10.30am-2pm", ("10:30", "14:00")),
    ("6:30pm", ("18:30", None)),
    ("from 6 to 8pm", ("18:00", "20:00")),
    ("noon", ("12:00", None)),
    ("between 1pm and 4pm", ("13:00", "16:00")),
    ("10:30 a.m.", ("10:30", None)),
    ("11-1pm", ("11:00", "13:00")),
    ("9 a.m. to 2 p.m.", ("09:00", "14:00")),
    ("12 noon", ("12:00", None)),
]

NOT_TIMES = [
    "The fund is £10 and more.",
    "Turnover fell to 7.5 per cent.",
    "Call 01709 336600 today.",
    "Pages 6-8 of the report.",
    "Version 2.30 of the policy.",
    "Children aged 6 to 8 attend.",
    "The score was 3-1 to the visitors.",
    "In 2019 there were 12 posts.",
    "The ratio is 1:4 for managers.",
    "Posts rose from 6 to 8 this year.",
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_dates_reads_times(nlp: Language, text: str, expected: tuple[str, str | None]) -> None:
    doc = nlp(f"The event runs {text} on the day.")
    spans = doc.spans["times"]
    assert len(spans) == 1
    assert parse_time(spans[0].text) == expected


@pytest.mark.parametrize("text", NOT_TIMES)
def test_dates_times_false_positives(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [span.text for span in doc.spans["times"]] == []


ORDERS = [
    ("Posted 06/21/2019. The fair opens.", None, "MDY"),
    ("Posted 21/06/2019. The fair opens.", None, "DMY"),
    ("The fair opens June 21, 2019 in the county.", None, "MDY"),
    ("The fair opens on 21 June 2019.", None, "DMY"),
    ("The fair opens on 05/06/2019.", "https://www.countyname.gov/news/1", "MDY"),
    ("The fair opens on 05/06/2019.", "https://www.northshire.gov.uk/news/1", "DMY"),
    ("The fair opens soon.", None, "DMY"),
    ("Join us Saturday, April 1 and Thursday, April 6.", None, "MDY"),
    ("Join us on Saturday 1 April and Thursday 6 April.", None, "DMY"),
]


@pytest.mark.parametrize(("text", "url", "expected"), ORDERS)
def test_dates_detects_date_order(text: str, url: str | None, expected: str) -> None:
    assert detect_date_order(text, url=url) == expected


# The date Matcher runs only on windows around anchor tokens: the result must be the
# whole-doc Matcher's, in the same order. Texts with dates at the edges, hard wraps,
# runs of blanks, split "Wed", parentheses and long ranges.
WINDOWED = [
    "Saturday 8 October 2022",
    "On Wed 12/03, then \n\n Thursday, the 9th of \nMay, 2024 at noon.",
    "from Monday 24 to Friday 28 June   and (Tuesday, 10 September 2019)",
    "We d 14/05 ( 3 ) (the 12th) last night, this week, next month, later this year",
    "in March 2019, March, 2019 and 2019-06-21 or 21/06/2019 and 4/14",
    "May 13-26, 2019 \n 20-24 March \n\n 20 – 24 March 2024, mid- June, on the 20th",
    "may 13 to 26 march 2020 and we may 8 June",
    "Friday night and Thursday \n24th; yesterday (Monday 2 April)",
]
NAMED = [
    "The Foster Care Fortnight and the Day of Action, then Élan Awards",
    "Northshire Grange Hall Awards Awards Ceremony of the Year Awards",
    "the awards and Awards\nDay, 2019 Conference, Big 2019 Festival Fair Week",
]
_FUZZ_WORDS = [
    "Saturday", "sat", "Wed", "we", "d", ",", "the", "The", "8", "8th", "21st", "31", "32",
    "of", "October", "may", "May", "march", "March", "2022", "1999", "-", "–", "to", "until",
    "20-24", "21/06/2019", "4/14", "(", ")", "on", "from", "in", "last", "this", "next",
    "week", "month", "tonight", "morning", "03", "12", "fair", "Monday", "later", "mid",
    "Awards", "Day", "Élan", "’s", "Grange", "hall", "3pm", "Street", "32", "x",
]


def _soups(count: int) -> list[str]:
    rnd = random.Random(7)
    return ["".join(rnd.choice(_FUZZ_WORDS) + rnd.choice([" ", "", "\n", "  ", " \n "])
                    for _ in range(rnd.randint(1, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", [*WINDOWED, *NAMED, *_soups(300)])
def test_dates_windowed_matchers_equal_whole_doc(nlp: Language, text: str) -> None:
    finder = nlp.get_pipe("council_dates")
    doc = nlp.make_doc(text)
    assert finder.dates(doc) == finder.dates.matcher(doc)
    assert finder.named(doc) == finder.named.matcher(doc)
    # Again on a new Doc of the same text: the windows' remembered matches.
    assert finder.named(nlp.make_doc(text)) == finder.named.matcher(doc)


def test_dates_windowed_matcher_skips_only_verb_month_anchors(nlp: Language) -> None:
    finder = nlp.get_pipe("council_dates")
    doc = nlp.make_doc("we may 13 times have said so, and then said so again, but on 8 June")
    found = finder.dates(doc, skip=frozenset({"may"}))
    assert found and found != finder.dates.matcher(doc)
    assert all("may" not in [t.text for t in doc[s:e]] for _, s, e in found)


NOT_DIGIT_LED = ["May", "st", "th", "-", "/", "x1", "O1", "l2", "(", "", "\n", "½", "one"]


def test_dates_anchor_regexes_are_digit_led(nlp: Language) -> None:
    """Only tokens starting with a digit are tried against REGEX anchor classes."""
    regexes = nlp.get_pipe("council_dates").dates.anchors.regexes
    assert regexes
    assert [t for t in NOT_DIGIT_LED for regex, _ in regexes if regex.search(t)] == []


def test_dates_time_regex_lookahead_changes_nothing() -> None:
    plain = re.compile(time_regex().pattern.replace(r"(?=[\dfbnm])", "", 1), re.I)
    assert plain.pattern != time_regex().pattern
    texts = [f"The event runs {text} on the day." for text, _ in TIMES] + NOT_TIMES
    texts += ["FROM 10 TO 11AM, Noon-2pm, between 6 and 8pm, ٣:30, midnight-1am"]
    for text in texts:
        assert ([m.groupdict() for m in plain.finditer(text)]
                == [m.groupdict() for m in time_regex().finditer(text)])


# Pieces of times and near-misses, joined at random: the start search must find every
# time the regex's own scan finds.
TIME_PARTS = ["from ", "between ", "FROM", "Between\n\n ", "10", "10am", " 2pm", "12 noon",
              "Noon", "midnight", "MIDDAY", "afternoon", "-", " to ", " and ", "6.30",
              "18:00", "09:15 hrs", "£10", "x10", ".5", ":30", " ", "\n", ", ", "a.m.",
              "pm", "1", "2024", "one", "8 June", "mıdnight", "ſ", "٣", "３", "’", "İ"]


def _old_find_times(text: str) -> list[tuple[int, int]]:
    """`find_times` as it was: the regex's own search over the whole text."""
    found = []
    for match in time_regex().finditer(text):
        group = "range" if match.group("range") else "single"
        found.append((match.start(group), match.end(group)))
    return found


def test_dates_find_times_equals_regex_scan() -> None:
    rng = random.Random(7)
    texts = [f"The event runs {text} on the day." for text, _ in TIMES] + NOT_TIMES
    texts += ["".join(rng.choice(TIME_PARTS[:-6]) for _ in range(rng.randint(1, 30)))
              for _ in range(3000)]
    texts += ["".join(rng.choice(TIME_PARTS) for _ in range(rng.randint(1, 30)))
              for _ in range(1000)]
    for text in texts:
        assert find_times(text) == _old_find_times(text), text
    assert sum(map(len, map(find_times, texts))) > 2000


def test_dates_find_times_start_words_cover_the_clock_words() -> None:
    """The start search knows the words a clock time may open with besides digits."""
    atom = {row["name"]: row["regex"] for row in read_jsonl("dates_times.jsonl")}["ATOM"]
    assert set(re.findall(r"[a-z]{4,}", atom)) - {"hours"} == {"noon", "midday", "midnight"}


@pytest.fixture(scope="module")
def predicate_matcher(nlp: Language) -> Matcher:
    return build_date_matcher(nlp.vocab, flags=False).matcher


@pytest.mark.parametrize("text", [*FOUND_TEXTS, *NOT_DATES, *WINDOWED, *_soups(200)])
def test_dates_flag_matcher_equals_predicates(
    nlp: Language, predicate_matcher: Matcher, text: str
) -> None:
    doc = nlp.make_doc(text + " İSTANBUL MAY Straße 2O19 ３ 12ᵗʰ")
    assert nlp.get_pipe("council_dates").dates.matcher(doc) == predicate_matcher(doc)


def test_dates_flags_are_added_once_per_vocab(nlp: Language) -> None:
    before = dict(nlp.vocab.lex_attr_getters)
    build_date_matcher(nlp.vocab)
    assert nlp.vocab.lex_attr_getters == before


# Runs of name words long enough to take the bounded path (more than 150 tokens).
LONG_RUNS = [
    "Jobs Fair " * 120,
    "The Big Jobs Fair And Skills Day Of The Year " * 30,
    ("Foster Care Fortnight " * 60) + "And The Easton Careers Expo",
]


@pytest.mark.parametrize("text", LONG_RUNS)
def test_dates_named_long_run_takes_longest_name_per_head(nlp: Language, text: str) -> None:
    """In a long run each head keeps the Matcher's longest match ending on it (within
    the reach), and nothing else."""
    from extract.dates_named import _LONG_RUN, _LONGEST_NAME

    doc = nlp.make_doc(text)
    finder = nlp.get_pipe("council_dates").named
    assert max(e - s for s, e in finder.windows([t.text for t in doc])) > _LONG_RUN
    longest: dict[tuple[int, int], int] = {}
    for key, start, end in finder.matcher(doc):
        if end - 1 - start <= _LONGEST_NAME:
            longest[key, end] = min(start, longest.get((key, end), start))
    expected = sorted((key, start, end) for (key, end), start in longest.items())
    assert sorted(finder(doc)) == expected


def test_dates_named_long_runs_stay_linear(nlp: Language) -> None:
    """Doubling a crawl of title-case names at most ~doubles the time (the Matcher on
    the whole run listed every start x every head)."""
    import time

    finder = nlp.get_pipe("council_dates").named

    def timed(n: int) -> float:
        doc = nlp.make_doc(("Jobs Fair " * n)[:n])
        start = time.perf_counter()
        finder(doc)
        return time.perf_counter() - start

    small, large = timed(10_000), timed(40_000)
    assert large < max(8 * small, 0.5), (small, large)


def _random_matches(seed: int) -> list[tuple[str, int, int]]:
    rnd = random.Random(seed)
    found = []
    for _ in range(rnd.randint(0, 12)):
        start = rnd.randint(0, 15)
        found.append((rnd.choice("ABC"), start, start + rnd.randint(1, 5)))
    return found


APART = [
    [("A", 0, 2), ("B", 2, 3), ("A", 5, 9)],  # touching, then apart: the fast path
    [("A", 0, 2), ("B", 1, 3)],
    [("A", 4, 6), ("B", 0, 2)],  # apart but out of order
    [("A", 0, 3), ("B", 3, 4), ("C", 3, 5)],
]


@pytest.mark.parametrize("found", [_random_matches(seed) for seed in range(200)] + APART)
def test_dates_longest_matches_equal_filter_spans(
    nlp: Language, found: list[tuple[str, int, int]]
) -> None:
    """Date matches are filtered as tuples; ties (same length and start, other labels)
    must keep spaCy's choice."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from extract.dates import _longest

    doc = nlp.make_doc("w " * 25)
    spans = filter_spans([Span(doc, s, e, label=label) for label, s, e in found])
    assert _longest(found) == [(span.label_, span.start, span.end) for span in spans]


def test_dates_remembered_windows_equal_whole_doc(nlp: Language) -> None:
    """Windows' matches are remembered by their text: the same words with other white
    space ("Wed 12/03" / "We d 12/03") or in another doc must still get their own."""
    finder = nlp.get_pipe("council_dates")
    texts = [*WINDOWED, *_soups(150)]
    for text in [*texts, *reversed(texts), "Wed 12/03", "We d 12/03", "Wed  12/03"]:
        doc = nlp.make_doc(text)
        assert finder.dates(doc) == finder.dates.matcher(doc)
    assert finder.dates.seen


_ORDER_WORDS = ["May", "may", "5", "12th", "xMay", "_May", "of", "June", "Sept.", "Sept", "1",
                "123", "x12", "é12", "Dec", "Decx", "Mayor", "Junes", ",", "-", "–", "3", "2019",
                "Jul", "٣", "3rd", "/", "12/05/2019", "Columbus, OH"]


def _order_soups(count: int) -> list[str]:
    rnd = random.Random(11)
    return ["".join(rnd.choice(_ORDER_WORDS) + rnd.choice(["", " ", "  ", "\n"])
                    for _ in range(rnd.randint(1, 20))) for _ in range(count)]


@pytest.mark.parametrize("text", [text for text, _, _ in ORDERS] + _order_soups(400))
def test_dates_order_counts_equal_plain_regexes(text: str) -> None:
    """Written-date counts for the date order: the regexes open with literals and test
    the word start per match; they count what the plain "\\b..." findall counts."""
    from extract.dates import (
        _DMY_WRITTEN,
        _MDY_WRITTEN,
        _MONTH_NAMES,
        _NUMERIC,
        _count_at_word_start,
    )

    mdy = rf"\b{_MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*[-–]\s*\d)"
    dmy = rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b"
    assert _count_at_word_start(_MDY_WRITTEN, text) == len(re.findall(mdy, text))
    assert _count_at_word_start(_DMY_WRITTEN, text) == len(re.findall(dmy, text))
    assert "/" in text or not _NUMERIC.findall(text)


def test_dates_numeric_dates_equal_findall() -> None:
    """The slash-anchored scan finds what `_NUMERIC.findall` finds, in order."""
    import random

    from extract.dates import _NUMERIC, numeric_dates

    rng = random.Random(5)
    pieces = ["1", "12", "123", "2024", "/", "//", " ", "a", "-", "07/03/2024", "3/4/24", ":"]
    texts = ["", "/", "1/2/2024", "31/12/99/1/1/2000", "a1/2/2024", "11/22/3333/44/55/66"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
              for _ in range(5000)]
    for text in texts:
        assert list(numeric_dates(text)) == _NUMERIC.findall(text), text
    assert sum(bool(_NUMERIC.findall(text)) for text in texts) > 500  # the cases hold dates


def _old_detect_date_order(text: str, *, url: str | None = None) -> str:
    """The definition before the day-first count stopped one past the month-first one."""
    from extract import dates

    for first, second in dates.numeric_dates(text):
        if int(first) > 12 >= int(second):
            return "DMY"
        if int(second) > 12 >= int(first):
            return "MDY"
    host = (dates.urlparse(url).hostname or "").lower() if url else ""
    if dates._DMY_HOST.search(host):
        return "DMY"
    if dates._US_HOST.search(host):
        return "MDY"
    us_style = dates._count_at_word_start(dates._MDY_WRITTEN, text)
    uk_style = dates._count_at_word_start(dates._DMY_WRITTEN, text)
    if us_style == uk_style and dates._US_PLACE.search(text):
        return "MDY"
    return "MDY" if us_style > uk_style else "DMY"


def test_dates_order_equals_full_counts() -> None:
    """Stopping the day-first count one past the month-first one decides as full counts
    do; the soups hold both outcomes, ties and US places."""
    from extract.dates import _DMY_WRITTEN, _count_at_word_start

    texts = [text for text, _, _ in ORDERS] + _order_soups(3000)
    outcomes = {detect_date_order(text) for text in texts}
    for text in texts:
        assert detect_date_order(text) == _old_detect_date_order(text), text
        full = _count_at_word_start(_DMY_WRITTEN, text)
        for limit in range(4):
            assert _count_at_word_start(_DMY_WRITTEN, text, limit=limit) == min(full, limit)
    assert outcomes == {"DMY", "MDY"}


def _old_flagged(token: dict, vocab) -> dict:  # type: ignore[type-arg, no-untyped-def]
    """The definition before the flags were set in one walk of the vocabulary."""
    from extract.dates_flags import FIRST_CUSTOM_FLAG, Flag

    tests = [(attr, value) for attr, value in token.items()
             if attr in ("LOWER", "TEXT", "ORTH") and isinstance(value, dict)
             and len(value) == 1 and ("IN" in value or "REGEX" in value)]
    if len(tests) != 1:
        return token
    attr, value = tests[0]
    getter = Flag("LOWER" if attr == "LOWER" else "TEXT", frozenset(value.get("IN", ())),
                   value.get("REGEX"))
    known = [int(bit) for bit, g in vocab.lex_attr_getters.items() if g == getter]
    free = [b for b in range(FIRST_CUSTOM_FLAG, 64) if b not in vocab.lex_attr_getters]
    bit = known[0] if known else (vocab.add_flag(getter, free[0]) if free else None)
    if bit is None:
        return token
    return {**{k: v for k, v in token.items() if k != attr}, bit: True}


@pytest.mark.parametrize("extra", [0, 40])
def test_dates_flags_set_in_one_walk_equal_add_flag(extra: int) -> None:
    """Date token classes flagged in one walk of the vocabulary: the same specs, bits,
    registered getters and lexeme flags as one `add_flag` per class, also when bits
    run out (`extra` bits taken first) and on a second build (bits reused)."""
    import spacy

    from extract.dates_flags import flagged

    tokens = {row["name"]: row["token"] for row in read_jsonl("dates_tokens.jsonl")}
    tokens["twin"] = dict(next(t for t in tokens.values() if "LOWER" in t))
    vocabs = [spacy.blank("en").vocab for _ in range(2)]
    for vocab in vocabs:
        for word in ("May", "may", "12th", "3", "Wed", "June", "noon", "1.30pm", "Sept"):
            vocab[word]
        for bit in range(19, 19 + min(extra, 45) - 15):
            vocab.add_flag(lambda text: False, bit)
    for _ in range(2):
        old = {name: _old_flagged(token, vocabs[0]) for name, token in tokens.items()}
        assert flagged(tokens, vocabs[1]) == old
    assert vocabs[0].lex_attr_getters.keys() == vocabs[1].lex_attr_getters.keys()
    for bit in range(19, 64):
        assert ([lex.check_flag(bit) for lex in vocabs[0]]
                == [lex.check_flag(bit) for lex in vocabs[1]])
    assert any(lex.check_flag(bit) for lex in vocabs[1] for bit in range(19, 64))
    new_words = vocabs[1]["Mayday"], vocabs[0]["Mayday"]  # flagged as they are made
    flags = [[lex.check_flag(b) for b in range(64)] for lex in new_words]
    assert flags[0] == flags[1]


_SIGNATURE_WORDS = ["Monday", "monday", "Tue", "Wed", "WE", "we", "We", "d", "D", "d.", "1",
                    "01", "9", "09", "13", "29", "31", "32", "00", "2019", "1899", "12/03",
                    "3/4", "4/14", "1.2.2019", "20-24", "3rd", "22nd", "May", "may", "Sept",
                    "June", "of", "Of", "the", ",", "-", "–", "to", "(", ")", "on", "last",
                    "week", "tonight", "mid", "x", "Fair"]


def _signature_soups(count: int) -> list[str]:
    rnd = random.Random(23)
    return ["".join(rnd.choice(_SIGNATURE_WORDS) + rnd.choice([" ", "", "\n", "  "])
                    for _ in range(rnd.randint(2, 14))) for _ in range(count)]


def test_dates_signature_windows_equal_whole_doc(nlp: Language) -> None:
    """Windows are remembered by their texts' test signatures: windows of other numbers,
    days or months sharing a signature share matches. Every doc must still get the
    whole-doc Matcher's matches, whatever was remembered before it."""
    finder = nlp.get_pipe("council_dates")
    texts = _signature_soups(1500)
    for text in [*texts, *reversed(texts)]:
        doc = nlp.make_doc(text)
        assert finder.dates(doc) == finder.dates.matcher(doc), text
    keys = list(finder.dates.seen)
    assert any(isinstance(key[0], int) for key in keys)  # signatures are used
    assert any(isinstance(key[0], str) for key in keys)  # "we" windows by their text


def test_dates_signatures_refuse_other_tests() -> None:
    from extract.dates_named import Signatures

    signatures = Signatures([{"LOWER": "of"}, {"IS_SPACE": True, "OP": "*"},
                             {"ORTH": {"IN": ["We"]}, "SPACY": False}])
    assert signatures["Of"] == signatures["OF"] != signatures["off"]
    assert signatures["We"] is None and signatures["we"] is not None
    with pytest.raises(ValueError, match="no signature"):
        Signatures([{"LIKE_NUM": True}])
