"""Venues: named places with their attached street and locality; not towns, people,
organisations or awards."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_context
from extract import venues
from extract.doctext import token_view
from extract.venues import MAX_CANDIDATES, extract_venues
from extract.venues_attach import walk, walks_for
from extract.venues_words import MAX_NAME_TOKENS, name_matches

Row = tuple[str, str, str | None]

VENUES: list[tuple[str, list[Row]]] = [
    ("Certificates are presented in the Mayor’s Parlour tomorrow.",
     [("the Mayor’s Parlour", "Mayor’s Parlour", None)]),
    ("The session is at Áras an Chontae, Church Street, Easton.",
     [("Áras an Chontae, Church Street, Easton", "Áras an Chontae", "Easton")]),
    ("The minister opened the new Easton District Office on Mill Street on Monday.",
     [("Easton District Office on Mill Street", "Easton District Office", "Easton")]),
    ("Interviews take place in Committee Room 2, County Hall, Bridge Street, Westby.",
     [("Committee Room 2, County Hall, Bridge Street, Westby", "Committee Room 2", "Westby")]),
    ("Sessions\n\nWestby – Tuesday 3 June, 5pm–7pm\nRiverside Arts Centre, Quay Street\n",
     [("Riverside Arts Centre, Quay Street", "Riverside Arts Centre", "Westby")]),
    # (text, [(text, name, locality)]) with the publisher "Northshire County Council".
    ("The fair is at the Grange Hall on Mill Lane in Easton.",
     [("the Grange Hall on Mill Lane in Easton", "Grange Hall", "Easton")]),
    ("Easton council will host the fair at its Mill House headquarters in the town "
     "centre.",
     [("Mill House headquarters in the town centre", "Mill House", None)]),
    ("The first fair was at the Old Corn \nExchange in Westby town centre.",
     [("the Old Corn \nExchange in Westby town centre", "Old Corn Exchange", "Westby")]),
    ("Visitors should go to the Council Chamber at Civic Offices, Easton.",
     [("the Council Chamber at Civic Offices, Easton", "Council Chamber", "Easton")]),
    ("The event is at Eastgate Library, 12 High St., second floor.",
     [("Eastgate Library, 12 High St., second floor", "Eastgate Library", "Eastgate")]),
    ("Meet us at the Quays (near the fountain) at noon.",
     [("the Quays (near the fountain)", "Quays", None)]),
    ("The ceremony was held at the Royal Park Hotel in Westby last night.",
     [("the Royal Park Hotel in Westby", "Royal Park Hotel", "Westby")]),
    ("Tickets are free for the day at St Anne’s shopping centre.",
     [("St Anne’s shopping centre", "St Anne’s shopping centre", None)]),
    ("The talk is in the Gower Suite of the Guildhall, Westby, SA1 4PE.",
     [("the Gower Suite of the Guildhall, Westby", "Gower Suite", "Westby")]),
    ("It was held at the Northshire Event Centre.\n\nStaff enjoyed the Northshire Event "
     "Centre.",
     [("the Northshire Event Centre", "Northshire Event Centre", "Northshire")]),
    ("The awards were held at the Vale Lodge near Westby last Thursday.",
     [("the Vale Lodge near Westby", "Vale Lodge", "Westby")]),
    ("Winners collected their prizes at the Hilton Easton Metropole.",
     [("the Hilton Easton Metropole", "Hilton Easton Metropole", None)]),
    ("Visit Easton Library, on the first floor of the Eastgate Centre, at noon.",
     [("Easton Library, on the first floor of the Eastgate Centre", "Easton Library",
       "Easton")]),
    ("The open day is at the Westby Family Hub, 22 Mill Street North, Westby.",
     [("the Westby Family Hub, 22 Mill Street North, Westby", "Westby Family Hub", "Westby")]),
    ("Monday 3 June: Easton Community Hub, Cowbridge Road, 10am-1pm",
     [("Easton Community Hub, Cowbridge Road", "Easton Community Hub", None)]),
]

VENUES += [
    # A labelled field is the venue, whatever its last word.
    ("Date: Friday 7 March\nLocation: Family Hub North, 41 Rose Road, Westby\n",
     [("Family Hub North, 41 Rose Road, Westby", "Family Hub", "Westby")]),
    # A proper name after "at" in an event clause, with "the" or a town after it.
    ("The awards will be presented at Korimako in Easton.",
     [("Korimako in Easton", "Korimako", "Easton")]),
    ("The gala dinner is at the Roundhouse on Friday.",
     [("the Roundhouse", "Roundhouse", None)]),
    # A lower-case room before the building belongs to the mention.
    ("The talk is in the fellowship hall at Westgate Chapel, 12 Elm St.",
     [("fellowship hall at Westgate Chapel, 12 Elm St.", "Westgate Chapel",
       None)]),
    # A date before the name is not part of it; a bare street name attaches.
    ("The bus visits Westby on Wednesday 26 March and Seaview Leisure Centre, Promenade, "
     "Easton on Friday 28 March.",
     [("Seaview Leisure Centre, Promenade, Easton", "Seaview Leisure Centre", "Easton")]),
    # Rooms and building parts are not localities.
    ("Meet us at the Kiln Arts Centre, Function Room 2.",
     [("the Kiln Arts Centre, Function Room 2", "Kiln Arts Centre", "Kiln")]),
    ("Visit the Westby Services Campus, 20 Mill Rd., Building B, Easton.",
     [("the Westby Services Campus, 20 Mill Rd., Building B, Easton",
       "Westby Services Campus", "Easton")]),
]

NOT_VENUES = [
    "Rotherham Council has launched a recruitment drive.",
    "The council’s Children’s Services saw off three rivals.",
    "The team won at the Social Worker of the Year Awards.",
    "The council was named Children’s Centre of the Year.",
    "Cllr Sarah Hall said the fair was a success.",
    "Mr Park, the director, said the figures were good.",
    "The fair was held in Leeds last year.",
    "Join our virtual job fair online.",
    "The Library Services Team has grown.",
    "Staff from Easton College, said the head, enjoyed it.",
    "She joined from the Caseworker Retention Academy programme.",
    "The Town Hall Manager praised the staff.",
    "It is a great place to live and work.",
    "More than 40 posts are on offer in the borough.",
    "Meet the Family Support Team at the event.",
    "The award went to the Kinship Care Hub.",
    "Ms House said the team was proud.",
    "He studied at Westby University, said the judges.",
    "The new rota starts on Mill Street North next week.",
    "Date: Friday 7 March\nLocation: Online (Zoom link sent on booking)\n",
    "Date: Friday 7 March\nVenue: TBC\n",
    "The fair will be held at Easton on Friday.",
    "The event was held at the Department of Health on Friday.",
    "Staff at Westby Council will host the fair.",
    "She worked at Easton for ten years.",
    "Town\nDate\nTime\nVenue\n",
    "Tuesday 4 March | 6pm | Online via Microsoft Teams",
    "March 3, 2022\nFOR IMMEDIATE RELEASE\n\nThe county will hire staff.",
    "The council’s Easton Library team was highly commended.",
    "The Mayor and Cllr Ann Lee met residents.",
    "The firm’s Easton District Office manager said sales rose.",
    "Planning approved homes at Fellside Farm and a new road.",
    "Jobs Fair – Saturday 7 June\nApply online for a place.",
    "The Office said the review would report in May.",
]


def _rows(text: str, nlp: Language) -> list[Row]:
    doc = nlp(text)
    venues = extract_venues(doc, context=make_context("2024-05-01"))
    for venue in venues:
        assert text[venue.start:venue.end] == venue.text
    return [(v.text, v.name, v.locality) for v in venues]


@pytest.mark.parametrize(("text", "expected"), VENUES)
def test_venues_finds_named_places(nlp: Language, text: str, expected: list[Row]) -> None:
    assert _rows(text, nlp) == expected


@pytest.mark.parametrize("text", NOT_VENUES)
def test_venues_false_positives(nlp: Language, text: str) -> None:
    assert _rows(text, nlp) == []


def test_venues_false_positive_list_is_longer() -> None:
    assert len(NOT_VENUES) >= len(VENUES)


# Localities: the venue's own words first; a county or region is never a locality.
LOCALITIES = [
    ("The fair is at the Hollins Building, 410 E. Main St., Suite 200, in Marlow. Doors open "
     "at 9am.", "Marlow"),
    ("Wednesday 11 May: The Beacon Shopping Centre, Ashcombe (unit 4, by the lifts), noon-4pm",
     "Ashcombe"),
    ("The dinner is at the Ormsby Rooms in Chester. It starts at 7pm.", "Chester"),
    ("Drop in at the Westby Careers Center, 90 Kiln Drive.\n\nWhere: Westby Careers Center, "
     "90 Kiln Drive, Hatherley\n", "Hatherley"),
    ("Visit the Fenwick Valley Family Resource Center, 22 Pine St., Suite 4.", "Fenwick Valley"),
    ("The session is at Ashcombe Public Library on Monday.", "Ashcombe"),
]
NOT_LOCALITIES = [
    # A person's name before the civic noun, a department after "in", a county publisher.
    "The session is at the Ann Tolley Recreation Center on Monday.",
    "Openings in Parks and Recreation are shown at Kiln Court Community Centre on Monday.",
    "The session is at the Roundhouse on Monday.",
    "The event is at the Swan River Ballroom on Monday.",
]


@pytest.mark.parametrize(("text", "expected"), LOCALITIES)
def test_venues_locality_from_own_text(nlp: Language, text: str, expected: str) -> None:
    assert _rows(text, nlp)[0][2] == expected


@pytest.mark.parametrize("text", NOT_LOCALITIES)
def test_venues_locality_false_positives(nlp: Language, text: str) -> None:
    rows = _rows(text, nlp)
    assert rows and all(locality is None for *_, locality in rows), rows


@pytest.mark.parametrize(("publisher", "expected"), [
    ("Leeds City Council", "Leeds"), ("City of Knoxville", "Knoxville"),
    ("Derry City and Strabane District Council", "Derry"), ("Mayo County Council", None),
    ("County of Ventura", None), ("Ventura County Human Services Agency", None),
    ("Tusla", None),
])
def test_venues_publisher_town_not_a_region(publisher: str, expected: str | None) -> None:
    from extract.venues_records import publisher_town

    assert publisher_town(publisher) == expected


# (text, every reading of a venue name in it): each length separately, as the rule
# patterns read them; the cleaning step later drops titles, owners and leading noise.
READINGS: list[tuple[str, list[str]]] = [
    ("The Grange Hall opens.", ["Grange Hall", "The Grange Hall"]),
    ("Hilton London Metropole", ["Hilton London", "Hilton London Metropole", "London Metropole"]),
    ("St David’s shopping centre", ["David’s shopping centre", "St David’s shopping centre"]),
    ("Áras an Chontae", ["Áras an Chontae"]),
    ("the \nGuildhall", ["Guildhall", "the \nGuildhall"]),
    ("Cllr Ann Lee Hall", ["Ann Lee Hall", "Cllr Ann Lee Hall", "Lee Hall"]),
    ("Northshire Grange Hall Council", ["Grange Hall", "Northshire Grange Hall"]),
]
# Texts with no reading: a place noun in lower case alone, or after a lower-case word.
NO_READINGS = ["meet at the hall", "a new leisure centre", "Hall", "the big Hall"]


def _readings(nlp: Language, text: str) -> list[str]:
    doc = nlp.make_doc(text)
    view = token_view(doc)
    found = name_matches(view.texts, view.lowers, view.is_space)
    return sorted(doc[start:end].text for end, starts in found.items() for start in starts)


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_venues_name_readings(nlp: Language, text: str, expected: list[str]) -> None:
    assert _readings(nlp, text) == expected


@pytest.mark.parametrize("text", NO_READINGS)
def test_venues_name_readings_false_positives(nlp: Language, text: str) -> None:
    assert _readings(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Northshire Grange Hall " * 2_000,  # every capitalised word before every "Hall"
    "Hilton " * 5_000,  # every brand with every run of capitalised words after it
])
def test_venues_name_readings_bounded_on_dense_text(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    view = token_view(doc)
    found = name_matches(view.texts, view.lowers, view.is_space, limit=MAX_CANDIDATES)
    assert all(end - start <= MAX_NAME_TOKENS for end, starts in found.items() for start in starts)
    assert sum(map(len, found.values())) <= MAX_CANDIDATES + MAX_NAME_TOKENS


ROOM_TAILS = [
    "Meet in the fellowship hall at ", "the lecture room of\t", "the council chamber in the ",
    "the main hall at  \t the   ", "sports hall at", "the hall at the", "sat ", "Jo said ",
    "a meeting room of the" + " " * 70, "the fellowship hall at " + " " * 40, "",
    "community room in\n", "hall,", "the fellowship hall at the  ",
]


@pytest.mark.parametrize("before", ROOM_TAILS)
def test_venues_room_tail_test_keeps_every_room_match(before: str) -> None:
    """The cheap test runs first: it may only rule out windows the regex finds nothing in."""
    window = before[-venues._ROOM_REACH:]
    found = venues._lower_room_regex().search(before, max(0, len(before) - venues._ROOM_REACH))
    assert found is None or venues._room_tail(window)
    assert venues._room_tail(window) is bool(
        window[-1:] in (" ", "\t") and window.rstrip(" \t").endswith(("at", "of", "in", "the")))


WALK_TEXTS = [
    "The fair is at Grange Hall, 12 Mill Road, Easton, on Monday.",
    "Meet in Committee Room 2, County Hall, in the town centre.",
    "Held at Kirkton Library (ground floor) in Riverton. Then home.",
]


@pytest.mark.parametrize("text", WALK_TEXTS)
def test_venues_walks_shared_by_component_and_extractor(nlp: Language, text: str) -> None:
    doc = nlp(text)
    names = list(doc.spans["venue_names"])
    assert names
    ends = {n.start_char: n.end_char for n in names}
    walks = walks_for(doc, ends)
    assert walks_for(doc, dict(ends)) is walks  # the component's walks, read again
    for name in names:
        for room in (False, True):
            assert walks(name.end_char, room=room) == walk(text, name.end_char, ends, room=room)
    assert walks_for(doc, {**ends, 0: 1}) is not walks  # other names: walked anew


def test_venues_prose_dates_skip_the_dateline_test(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates inside a line of prose are no session lines, told without the dateline test."""
    from extract import venues_lists
    asked: list[str] = []
    monkeypatch.setattr(venues_lists, "is_furniture", lambda date: asked.append(date.text))
    doc = nlp("The fair on Monday 3 June and Tuesday 4 June is at Grange Hall.\n"
              "Monday 10 June: Kirkton Library, 10am")
    assert "Grange Hall" in [n.text for n in doc.spans["venue_names"]]
    assert asked == ["Monday 10 June"]
