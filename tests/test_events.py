"""Events: a date becomes an event only when it belongs to a gathering."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_context
from extract.dates import detect_date_order, extract_events
from extract.events_link import (
    _ALNUM,
    LexemeFlag,
    SpanList,
    in_range,
    newline_after,
    newline_before,
    paragraph_end,
    sent_bounds,
    sent_of,
    sentence,
    sentence_at,
)

Row = tuple[str, str | None, str | None, str | None, str | None]

EVENTS: list[tuple[str, str | None, list[Row]]] = [
    # (text, published, [(date_text, date, date_partial, time, venue_text)])
    (
        "The council will hold a jobs fair at Grange Hall on Saturday 8 October from 10am.",
        "2022-09-20",
        [("Saturday 8 October", "2022-10-08", None, "10:00", "Grange Hall")],
    ),
    (
        "Northshire Council is to host a recruitment fair at its Mill House headquarters "
        "in the town centre.\n\nStaff are busy.\n\nFrom 10am on Saturday 8 October, the "
        "council will be showcasing its teams.",
        None,
        [("Saturday 8 October", None, "--10-08", "10:00",
          "Mill House headquarters in the town centre")],
    ),
    (
        "The council held its first careers fair at the Eastfield Arena in Easton in July.",
        None,
        [("July", None, "--07", None, "the Eastfield Arena in Easton")],
    ),
    (
        "The team won gold at the Care Excellence Awards on Friday night.",
        "2017-11-29",
        [("Friday night", "2017-11-24", None, None, None)],
    ),
    (
        "The sessions are:\n\nMonday 3 June: Central Library, 10am-1pm\n"
        "Wednesday 5 June: Easton Town Hall, Market Place, 2pm-5pm\n",
        "2024-05-20",
        [("Monday 3 June", "2024-06-03", None, "10:00", "Central Library"),
         ("Wednesday 5 June", "2024-06-05", None, "14:00", "Easton Town Hall, Market Place")],
    ),
    (
        "An open evening takes place tomorrow (Wednesday) between 6pm and 8pm in the "
        "Council Chamber at Civic Offices.",
        "2023-03-14",
        [("tomorrow (Wednesday)", "2023-03-15", None, "18:00",
          "the Council Chamber at Civic Offices")],
    ),
    (
        "Join our virtual information session on Thursday 23 June at 6:30pm.",
        "2022-06-07",
        [("Thursday 23 June", "2022-06-23", None, "18:30", None)],
    ),
    (
        "The expo is next Wednesday (26 June).\n\nThe expo will run from 10am to 3pm at "
        "the Ironwood Function Centre, 14 Mill Terrace, Easton.",
        "2019-06-19",
        [("next Wednesday (26 June)", "2019-06-26", None, "10:00",
          "the Ironwood Function Centre, 14 Mill Terrace, Easton")],
    ),
    (
        "The open day is on Friday 21 June. Remember: the open day is on Friday 21 June "
        "from 10am.",
        "2019-06-04",
        [("Friday 21 June", "2019-06-21", None, "10:00", None)],
    ),
    (
        "The roadshow visits the county in June.\n\nMonday 3 June: Easton Library, 10am-1pm\n\n"
        "A further session will be held at the Grange Hotel in Westby on the 20th, from 4pm.",
        None,
        [("Monday 3 June", None, "--06-03", "10:00", "Easton Library"),
         ("the 20th", None, "--06-20", "16:00", "the Grange Hotel in Westby")],
    ),
]

EVENTS += [
    (
        "The council's team won the Children's category at the Care Leaders Awards \n"
        "last night.",
        "2023-03-16",
        [("last night", "2023-03-15", None, None, None)],
    ),
    (
        "Hiring events:\n\n* Saturday, April 1, 10 a.m. to 2 p.m., Forest Glen Community\n"
        "  Center, 1155 Elm Rd.\n* Virtual information session on 4/6 at 7 p.m.\n",
        "2023-03-20",
        [("Saturday, April 1", "2023-04-01", None, "10:00",
          "Forest Glen Community\n  Center, 1155 Elm Rd."),
         ("4/6", "2023-04-06", None, "19:00", None)],
    ),
]

EVENTS += [
    # Labelled what's-on block: "Date:" is a field, not a dateline.
    (
        "Foster Carer Coffee Morning\nDate: Friday 7 March\nTime: 10am - noon\n"
        "Location: Orchard Rooms, 4 Kiln Lane, Westby\nCost: Free\n",
        "2025-02-20",
        [("Friday 7 March", "2025-03-07", None, "10:00", "Orchard Rooms, 4 Kiln Lane, Westby")],
    ),
    # Table row with bars, and a table read one cell per line.
    (
        "Drop-in dates\n\nDate | Time | Venue\nMonday 3 March | 2pm-4pm | Easton Library, "
        "Mill Road\n",
        "2025-02-20",
        [("Monday 3 March", "2025-03-03", None, "14:00", "Easton Library, Mill Road")],
    ),
    (
        "Information sessions\n\nWestby\nTuesday 4 March\n6pm-8pm\nKiln Rooms, 3 Dock "
        "Street\n\nEaston\nThursday 6 March\n1pm-3pm\nEaston Library\n",
        "2025-02-20",
        [("Tuesday 4 March", "2025-03-04", None, "18:00", "Kiln Rooms, 3 Dock Street"),
         ("Thursday 6 March", "2025-03-06", None, "13:00", "Easton Library")],
    ),
    # Stops inside one sentence, each venue bound to its date by "on"; the range's
    # daily time applies to every stop.
    (
        "The careers roadshow runs 10-14 March, 9am-1pm daily. It will be at Westby Retail "
        "Park on Monday 10 March and the main entrance of Easton Infirmary on Wednesday "
        "12 March.",
        "2025-02-20",
        [("10-14 March", "2025-03-10", None, "09:00", "Westby Retail Park"),
         ("Wednesday 12 March", "2025-03-12", None, "09:00",
          "the main entrance of Easton Infirmary")],
    ),
    # The announcement day is not the event's: the event is the nearer date's.
    (
        "Leaders on Thursday announced a plan to hire staff, starting with a hiring event "
        "on Saturday 12 October.",
        "2024-10-10",
        [("Saturday 12 October", "2024-10-12", None, None, None)],
    ),
    # A body acting on a day named beside it; the release's own weekday.
    (
        "The county's board of supervisors on Tuesday voted to fund 12 posts, a move "
        "officials say will ease caseloads.",
        "2024-09-24",
        [("Tuesday", "2024-09-24", None, None, None)],
    ),
    # A proper name after "at" in an event clause, with no place noun.
    (
        "The Easton Excellence Awards will be presented at Korimako in Easton on "
        "Friday 21 July.",
        "2023-07-07",
        [("Friday 21 July", "2023-07-21", None, None, "Korimako in Easton")],
    ),
    (
        "Our spring information night is tonight at 6:30 p.m. in the fellowship hall at "
        "Westgate Chapel, 12 Elm St.",
        "2024-10-10",
        [("tonight", "2024-10-10", None, "18:30",
          "fellowship hall at Westgate Chapel, 12 Elm St.")],
    ),
]

EVENTS += [
    # A list line after an online session: the virtual cue of the line above is not this
    # session's; each line keeps its own venue.
    ("DIARY\n\nInformation evening – Tues 18/03, 6.30pm, online via Zoom\n"
     "Cabinet meeting – Thursday 20 March, 7pm, Council Chamber, Civic Centre\n",
     "2025-03-10",
     [("Tues 18/03", "2025-03-18", None, "18:30", None),
      ("Thursday 20 March", "2025-03-20", None, "19:00", "Council Chamber, Civic Centre")]),
    ("The awards ceremony is on Thursday 7th at the Grange Hall.", "2024-11-01",
     [("Thursday 7th", "2024-11-07", None, None, "the Grange Hall")]),
]

NOT_EVENTS: list[tuple[str, str | None]] = [
    ("Caseloads have fallen since 3 March 2019.", "2019-06-01"),
    ("Applications for the open day close on 12 March.", "2019-03-01"),
    ("Wednesday, 29 November 2017\n\nThe council has been named employer of the year.", None),
    ("The report was published on 4 June.", "2019-06-10"),
    ("The council has overhauled its services over the last 14 months.", "2019-06-10"),
    ("We may see more applicants in the coming year.", "2019-06-10"),
    ("Staff will march to the town hall.", "2019-06-10"),
    ("Vacancy rates fell in 2018 and 2019.", "2019-06-10"),
    ("The budget of £4.6m was agreed in the spring.", "2019-06-10"),
    ("Mr Smith, 52, joined the service in May.", "2019-06-10"),
    ("Apply by 18 October for the reablement posts.", "2024-09-26"),
    ("The policy changed on 1 April 2020 for all staff.", "2020-05-01"),
    ("Places at the conference are limited. Applications close at 5pm on Friday 2 June.",
     "2023-05-20"),
    ("A full list of winners will appear in the 23 March issue of the magazine.", "2023-03-16"),
    ("Published: 14 March 2019\n\nThe open day was a success.", "2019-03-14"),
    ("Fair enquiries: the office is open Monday to Friday, 9am to 5pm.", "2024-09-24"),
    ("The mayor announced Wednesday that the city will launch a new team this spring.",
     "2024-01-17"),
    ("Commissioners approved the bonus in January after hearing from staff.", "2024-03-01"),
    ("Pay was raised in July, said Ann Lee, who chairs the human services committee.",
     "2024-09-01"),
    ("Interviews are on site.\n\nCall the office Monday through Friday, 8 a.m. to 5 p.m.",
     "2024-09-24"),
    ("Turnover fell to 9.6% in the year to June 30, the committee heard.", "2024-10-17"),
    ("Friday night football scores\nPemberton school board approves new routes",
     "2024-10-10"),
    ("Caseloads are lower.\n\nDate: 14 March 2024\nPublished by the press office.",
     "2024-03-14"),
    ("On Thursday 7th-placed Easton lost again at the Grange Hall.", "2024-11-01"),
    ("We'd 40 applicants by Wed 14/05, the deadline.", "2025-05-01"),
]


def _rows(text: str, published: str | None, nlp: Language) -> list[Row]:
    doc = nlp(text)
    order = detect_date_order(text)
    events = extract_events(doc, context=make_context(published, date_order=order))
    for event in events:
        assert text[event.start:event.end] == event.date_text
    return [(e.date_text, e.date.isoformat() if e.date else None, e.date_partial, e.time,
             e.venue_text) for e in events]


@pytest.mark.parametrize(("text", "published", "expected"), EVENTS)
def test_events_builds_dated_gatherings(
    nlp: Language, text: str, published: str | None, expected: list[Row]
) -> None:
    assert _rows(text, published, nlp) == expected


@pytest.mark.parametrize(("text", "published"), NOT_EVENTS)
def test_events_false_positives(nlp: Language, text: str, published: str | None) -> None:
    assert _rows(text, published, nlp) == []


def test_events_false_positive_list_is_longer() -> None:
    assert len(NOT_EVENTS) >= len(EVENTS)


# A venue or time outside the session's own clause: a neighbouring sentence about the same
# gathering (referring back, no date of its own, not online), or the headline.
LINKED: list[tuple[str, str | None, str | None]] = [
    # (text, time, venue_text) for the one event on 2024-06-08 (published 2024-05-20)
    ("Our jobs fair returns on Saturday 8 June. It takes place at Kiln Court Hall from 10am.",
     "10:00", "Kiln Court Hall"),
    ("The careers evening is on Saturday 8 June at 6pm. The evening will be held at the "
     "Grange Hall on Mill Lane.", "18:00", "the Grange Hall on Mill Lane"),
    ("Open day at Westby Civic Centre\n\nThe council will hold an open day on Saturday 8 June "
     "to fill 40 posts.", None, "Westby Civic Centre"),
    ("The council is hosting a careers fair at Easton Leisure Centre. The fair runs on "
     "Saturday 8 June from 10am.", "10:00", "Easton Leisure Centre"),
    ("The information evening will be held on Saturday 8 June at 6pm. Location: Westby Hub, "
     "3 Elm Road.", "18:00", "Westby Hub, 3 Elm Road"),
    ("The fair is at the Ormsby Rooms in Chester. It opens on Saturday 8 June.", None,
     "the Ormsby Rooms in Chester"),
]
NOT_LINKED: list[tuple[str, str | None, str | None]] = [
    # The next sentence is another session, another gathering, online, or not about it.
    ("The jobs fair is on Saturday 8 June. A drop-in follows on 9 June at the Grange Hall.",
     None, None),
    ("The jobs fair is on Saturday 8 June. It is streamed online via Zoom from Mill House.",
     None, None),
    ("The jobs fair is on Saturday 8 June. Separately, the Grange Hall will close for repairs.",
     None, None),
    ("Jobs fair at Westby Civic Centre\n\nAn online information session is on Saturday 8 June.",
     None, None),
    ("The jobs fair is on Saturday 8 June. It is hoped the Grange Hall will reopen soon.",
     None, None),
]


def _linked(text: str, nlp: Language) -> tuple[str | None, str | None]:
    rows = [r for r in _rows(text, "2024-05-20", nlp) if r[1] == "2024-06-08"]
    assert len(rows) == 1, rows
    return rows[0][3], rows[0][4]


@pytest.mark.parametrize(("text", "time", "venue"), LINKED)
def test_events_links_neighbouring_sentence(nlp: Language, text: str, time: str | None,
                                            venue: str | None) -> None:
    assert _linked(text, nlp) == (time, venue)


@pytest.mark.parametrize(("text", "time", "venue"), NOT_LINKED)
def test_events_link_false_positives(nlp: Language, text: str, time: str | None,
                                     venue: str | None) -> None:
    assert _linked(text, nlp) == (time, venue)


def test_events_no_gathering_from_a_quote(nlp: Language) -> None:
    text = ("Many people came to last year's event. Ann said: \"It was the best Saturday "
            "morning I ever spent.\"")
    assert _rows(text, "2024-05-20", nlp) == []


# A list line's end bounds a session: the venue at a line's end is that line's, not the
# next line's (which starts nearer); a hard wrap (trailing space) is no bound.
LIST_LINES: list[tuple[str, list[str | None]]] = [
    ("Careers drop-in – Wed 12/06, 2pm–5pm, Easton Library (first floor)\n"
     "Information evening – Thurs 13/06, 6.30pm, Westby Community Centre\n",
     ["Easton Library (first floor)", "Westby Community Centre"]),
    ("Careers drop-in – Wed 12/06, 2pm, Easton Library\n"
     "Information evening – Thurs 13/06, 6.30pm, online via Teams\n",
     ["Easton Library", None]),
    ("The drop-in sessions are on Wednesday 12 June at the \nGrange Hall and on Thursday "
     "13 June at Westby Library.", ["Grange Hall", "Westby Library"]),
]


@pytest.mark.parametrize(("text", "venues"), LIST_LINES)
def test_events_list_line_owns_its_venue(nlp: Language, text: str,
                                         venues: list[str | None]) -> None:
    assert [row[4] for row in _rows(text, "2024-05-20", nlp)] == venues


# Look-ups read once per Doc must answer exactly as spaCy's `.sent` and str.find do.
LAYOUTS = [
    "One sentence only",
    "First. Second one here.\n\nThird after a blank line.\nFourth on its own line",
    "\n\n\nLeading blanks. Then text.\n\n\n\nTrailing blanks.\n\n",
    "No full stops at all, just 8 June and 9 June and commas, on and on",
    "A. B. C. D.\nE\n\nF",
]


@pytest.mark.parametrize("text", LAYOUTS)
def test_events_sentence_lookup_equals_spacy(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [sentence_at(doc, i) for i in range(len(doc))] == [t.sent for t in doc]
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(len(doc), i + 4) + 1)]
    assert [sentence(s) for s in spans] == [s.sent for s in spans]


@pytest.mark.parametrize("text", [*LAYOUTS, "Mr. Smith (the chair) said: “It’s on.” Is it?"])
def test_events_sentence_bounds_equal_spacy(nlp: Language, text: str) -> None:
    doc = nlp(text)
    bounds = [(s.start, s.end, s.start_char, s.end_char) for s in (t.sent for t in doc)]
    assert [tuple(sent_of(doc, i))[1:] for i in range(len(doc))] == bounds
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(len(doc), i + 4) + 1)]
    assert [sent_bounds(s).start_char for s in spans] == [s.sent.start_char for s in spans]
    punct, stop = LexemeFlag.of(doc, "is_punct"), LexemeFlag.of(doc, "is_stop")
    assert [(punct[t.text], stop[t.text]) for t in doc] == [(t.is_punct, t.is_stop) for t in doc]


def test_events_furniture_alnum_test_equals_isalnum() -> None:
    # The one-regex test stands for `any(ch.isalnum() for ch in rest)` on every character.
    chars = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in _ALNUM.finditer(chars)] == [
        i for i, ch in enumerate(chars) if ch.isalnum()]


@pytest.mark.parametrize("text", LAYOUTS)
def test_events_newline_lookup_equals_find(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for at in range(len(text) + 2):
        assert newline_before(doc, at) == text.rfind("\n", 0, at)
        assert newline_after(doc, at) == text.find("\n", at)
        assert paragraph_end(doc, at) == text.find("\n\n", at) % (len(text) + 1)
    for at in range(len(text) + 2):  # the first look-up on a Doc, at every offset
        assert paragraph_end(nlp(text), at) == text.find("\n\n", at) % (len(text) + 1)


@pytest.mark.parametrize("text", LAYOUTS)
def test_events_in_range_bisection_equals_scan(nlp: Language, text: str) -> None:
    doc = nlp(text)
    tokens = [doc[i:i + 1] for i in range(len(doc))]
    pools = [SpanList(tokens), SpanList(tokens[::-1]), SpanList(tokens[::2] + tokens[1::2])]
    assert pools[0].ordered and not pools[1].ordered
    for pool in pools:
        for start in range(-1, len(text) + 1, 3):
            for end in (start, start + 1, start + 7, len(text) + 1):
                assert in_range(pool, (start, end)) == in_range(list(pool), (start, end))


def test_events_furniture_words_hold_no_digit() -> None:
    """`is_furniture` rules out a line holding a digit beside its date before the
    furniture words are taken out: true only while no furniture word holds a digit."""
    from extract.dates_patterns import word_lists

    words = word_lists()["furniture"]
    assert words and not any(ch in "0123456789" for word in words for ch in word)


FURNITURE_DIGITS = [
    ("Published: 14 June 2019\n\nThe fair opens.", True),
    ("Published 2: 14 June 2019\n\nThe fair opens.", False),
    ("14 June 2019 at 10am\n\nThe fair opens.", False),
    ("Updated 14 June 2019 (v2)\n\nThe fair opens.", False),
]


@pytest.mark.parametrize(("text", "expected"), FURNITURE_DIGITS)
def test_events_furniture_line_with_digits(nlp: Language, text: str, expected: bool) -> None:
    from extract.doctext import group_spans
    from extract.events_link import is_furniture

    dates = [d for d in group_spans(nlp(text), "dates") if d.text == "14 June 2019"]
    assert [is_furniture(d) for d in dates] == [expected]
