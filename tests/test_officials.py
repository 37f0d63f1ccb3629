"""Officials: names, honorifics, roles, organisations, aliases and exclusions, as tables."""

from __future__ import annotations

import random
import re

import pytest
from spacy.language import Language

from conftest import make_context
from extract.names_find import Mention
from extract.names_runs import _RUN, GAP, PARTICLES, WORD, _word_start, closes, name_runs
from extract.officials import MODEL_LABEL, _doc_model_candidates, extract_officials
from extract.officials_people import excluded_mention
from extract.schema import Official

PUBLISHER = "Northshire County Council"


def officials(nlp: Language, text: str, publisher: str = PUBLISHER) -> list[Official]:
    return extract_officials(nlp(text), context=make_context("2019-05-01", publisher=publisher))


def by_name(nlp: Language, text: str) -> dict[str, Official]:
    return {o.name: o for o in officials(nlp, text)}


# (text, name, honorific, role, organisation)
FOUND = [
    ("Cabinet Member for Children Cllr Ann Lee said the plan was working.",
     "Ann Lee", "Cllr", "Cabinet Member for Children", PUBLISHER),
    ("Director of Children's Services, Tom Hart, said: “We are ready.”",
     "Tom Hart", None, "Director of Children's Services", PUBLISHER),
    ("Priya Shah, head of social work at the council, said: “Come along.”",
     "Priya Shah", None, "head of social work", PUBLISHER),
    ("The council’s deputy leader and cabinet member for children and young people’s \n"
     "services, Cllr Gordon Watson, said: “We have changed.”",
     "Gordon Watson", "Cllr",
     "deputy leader and cabinet member for children and young people’s services", PUBLISHER),
    ("Council Leader, Councillor Raj Patel, said the budget was fair.",
     "Raj Patel", "Councillor", "Council Leader", PUBLISHER),
    ("Northshire County Council's chief executive Mary Jones said the figures were good.",
     "Mary Jones", None, "chief executive", PUBLISHER),
    ("County Councillor Peter Grey, who represents Easton, welcomed the news.",
     "Peter Grey", "County Councillor", None, PUBLISHER),
    ("Cllr Dr Helen Marsh, Cabinet Member for Care, Health and Ageing Well, said: “Yes.”",
     "Helen Marsh", "Cllr Dr", "Cabinet Member for Care, Health and Ageing Well", PUBLISHER),
    ("Sarah Cole, regional organiser for Unison, said staff were stretched.",
     "Sarah Cole", None, "regional organiser for Unison", "Unison"),
    ("Minister of State at the Department of Health, Seán Kilbride TD, said funding was agreed.",
     "Seán Kilbride", None, "Minister of State at the Department of Health",
     "Department of Health"),
    ("Chair of the judging panel, Professor Aileen Brophy of Maynooth University, said the "
     "entry stood out.", "Aileen Brophy", "Professor", "Chair of the judging panel",
     "Maynooth University"),
    ("Tusla’s Area Manager for the Midlands, Liam Fogarty, said a campaign would begin.",
     "Liam Fogarty", None, "Area Manager for the Midlands", "Tusla"),
    ("Jane Smith MP, Minister for Children, said she was delighted.",
     "Jane Smith", None, "Minister for Children", None),
    ("Lord Mayor Cllr Dónal Ó Súilleabháin said the city was proud.",
     "Dónal Ó Súilleabháin", "Cllr", "Lord Mayor", PUBLISHER),
]


@pytest.mark.parametrize(("text", "name", "honorific", "role", "organisation"), FOUND)
def test_officials_role_and_organisation(
    nlp: Language, text: str, name: str, honorific: str | None, role: str | None,
    organisation: str | None,
) -> None:
    found = by_name(nlp, text)
    assert name in found, list(found)
    official = found[name]
    assert (official.honorific, official.role, official.organisation) == (
        honorific, role, organisation,
    )
    assert text[official.start : official.end] == name


# Texts where nobody is an official.
NOT_OFFICIALS = [
    "By Jane Smith\n\nThe council opened a new office on Smith Street.",
    "Foster carer Jane Brown said: “It changed our lives.”",
    "Jane Brown, a foster carer from Easton, said the support was excellent.",
    "Resident Mark Green said the road was dangerous.",
    "Parents Tom and Emma Wilson said they were delighted.",
    "For more information contact Helen Ward on 01234 567890.",
    "Email Susan Brown at susan.brown@northshire.gov.uk for details.",
    "Pictured: Sarah Jones and Michael Brown at the fair.",
    "The fair will be held at Jubilee House on Smith Street.",
    "Staff collected the Andrew Smith Award for innovation.",
    "Montgomery County Council has opened applications.",
    "Sarah said she loved her job.",
    "The Victoria Hall will host the event.",
]


@pytest.mark.parametrize("text", NOT_OFFICIALS)
def test_officials_false_positives(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


ALIASES = [
    ("Cllr Ann Lee, cabinet member for children, opened the fair. Ms Lee said it was vital.",
     "Ann Lee", ["Lee"]),
    ("Gordon Watson, deputy leader, said hello. Later Gordan Watson said goodbye.",
     "Gordon Watson", ["Gordan Watson"]),
    ("Dr Tom Hart, director of public health, spoke first. Councillor Hart then thanked staff.",
     "Tom Hart", ["Hart"]),
]


@pytest.mark.parametrize(("text", "name", "aliases"), ALIASES)
def test_officials_one_record_per_person(
    nlp: Language, text: str, name: str, aliases: list[str]
) -> None:
    found = officials(nlp, text)
    assert [o.name for o in found] == [name]
    assert found[0].aliases == aliases


def test_officials_surname_that_is_the_place_is_not_a_person(nlp: Language) -> None:
    text = ("Jim Montgomery, director of social services, said the county was hiring. "
            "Montgomery County has 40 vacancies. Mr Montgomery said more were coming.")
    found = officials(nlp, text, publisher="Montgomery County")
    assert [(o.name, o.aliases) for o in found] == [("Jim Montgomery", ["Montgomery"])]


QUOTED = [
    ("Cllr Ann Lee, cabinet member for children, said the council was proud of its staff.",
     True),
    ("“We are proud of our staff,” said Tom Hart, director of children’s services.", True),
    ("Tom Hart, director of children’s services, opened the fair on Monday.", False),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTED)
def test_officials_quoted_flag(nlp: Language, text: str, quoted: bool) -> None:
    (official,) = officials(nlp, text)
    assert official.quoted is quoted


def test_officials_named_inside_a_quote_are_not_quoted(nlp: Language) -> None:
    text = ("Sue Harrison, Director of Children’s Services, said: “Congratulations to Jason "
            "Sedgman, Senior Practitioner in the council’s Disabilities Team.”")
    found = by_name(nlp, text)
    assert found["Sue Harrison"].quoted is True
    assert found["Jason Sedgman"].quoted is False
    assert found["Jason Sedgman"].organisation == PUBLISHER


NOT_COUNCIL = "Eastshire Health Agency"

# (text, publisher, name, role, organisation): bodies named in or around the role.
BODIES = [
    # A named non-council body ends a role of two or more words: it is the organisation.
    ("Mary Hale, Chief Officer of the Easton Health and Social Care Partnership, said it "
     "was a good year.", PUBLISHER, "Mary Hale", "Chief Officer",
     "Easton Health and Social Care Partnership"),
    # ... but a one-word role keeps it, and so do a council and a minister's department.
    ("Tom Reid, chair of the Easton Community Trust, said it was a good year.", PUBLISHER,
     "Tom Reid", "chair of the Easton Community Trust", "Easton Community Trust"),
    ("Cllr Ann Rowe, Mayor of Easton Borough Council, said it was a good year.", PUBLISHER,
     "Ann Rowe", "Mayor of Easton Borough Council", "Easton Borough Council"),
    ("Cabinet Member for Children’s Services, Cllr Jo Marsh, said it was a good year.",
     PUBLISHER, "Jo Marsh", "Cabinet Member for Children’s Services", PUBLISHER),
    # A place after a named body is dropped from the role.
    ("Kim Lowe, regional organiser for Unison in the south east, said staff were tired.",
     PUBLISHER, "Kim Lowe", "regional organiser for Unison", "Unison"),
    # A council or a place before a civic office is the organisation.
    ("City of Easton Mayor Cr Dan Hobbs said the city was proud.", PUBLISHER, "Dan Hobbs",
     "Mayor", "City of Easton"),
    ("Harbourton Mayor Cr Lee Vance said the town was proud. Harbourton City Council agreed.",
     PUBLISHER, "Lee Vance", "Mayor", "Harbourton City Council"),
    ("Lord Mayor Cllr Ben Tate said the city was proud.", PUBLISHER, "Ben Tate", "Lord Mayor",
     PUBLISHER),
    # Acronyms take the expansion the article gives; a bare one stays as written.
    ("The Care Workers Association (CWA) backed the plan. CWA organiser Joe Platt said pay "
     "mattered.", PUBLISHER, "Joe Platt", "organiser", "Care Workers Association"),
    ("CWA organiser Joe Platt said pay mattered.", PUBLISHER, "Joe Platt", "organiser", "CWA"),
    ("The Northern Council of Counties (NoCC) met. NoCC President Ray Dale said it was vital.",
     PUBLISHER, "Ray Dale", "NoCC President", "Northern Council of Counties"),
    # Initials of a division (no body word in the expansion) leave the publisher.
    ("Northshire County Council Family Services (FS) is hiring. FS Director Amy Kerr said it "
     "was vital.", PUBLISHER, "Amy Kerr", "FS Director", PUBLISHER),
    # A first-and-last-word short form takes the full name used earlier.
    ("The fair is run with the Eastern Health and Social Care Trust. The Eastern Trust’s "
     "Director of Nursing, Paul Dunn, said it was vital.", PUBLISHER, "Paul Dunn",
     "Director of Nursing", "Eastern Health and Social Care Trust"),
    # An appositive between commas names a body whatever its last word.
    ("Chair of the judging panel, Ian Lloyd OBE, of Care Forum Easton, said it was close.",
     PUBLISHER, "Ian Lloyd", "Chair of the judging panel", "Care Forum Easton"),
    # "Minister for Local Government": the portfolio is not a body.
    ("Minister for Local Government Sue Pratt MP said the sector mattered.", PUBLISHER,
     "Sue Pratt", "Minister for Local Government", None),
]


@pytest.mark.parametrize(("text", "publisher", "name", "role", "organisation"), BODIES)
def test_officials_named_bodies(
    nlp: Language, text: str, publisher: str, name: str, role: str, organisation: str | None,
) -> None:
    found = {o.name: o for o in officials(nlp, text, publisher=publisher)}
    assert name in found, list(found)
    assert (found[name].role, found[name].organisation) == (role, organisation)


# (text, publisher, name, organisation): bodies resolved from the rest of the article.
CONTEXT_BODIES = [
    # US county commissioners, when the article speaks of the board and names the county.
    ("Lake County commissioners approved the posts on Tuesday. Commissioner Jo Banks said "
     "the board was united.", NOT_COUNCIL, "Jo Banks", "Lake County Board of Commissioners"),
    ("The Board of County Commissioners met in Lake County. Board of County Commissioners "
     "Chair Al Ruiz said it was vital.", NOT_COUNCIL, "Al Ruiz",
     "Lake County Board of County Commissioners"),
    ("The Lake County Board of Supervisors met. Supervisor Eva Cho said it was vital.",
     NOT_COUNCIL, "Eva Cho", "Lake County Board of Supervisors"),
    # No board in the text: a commissioner's body is not invented.
    ("Children’s Commissioner Dame Ruth Ames said Kent County Council had improved.",
     PUBLISHER, "Ruth Ames", None),
    # Councillors at a reported meeting belong to that council, not to the publisher agency.
    ("The motion was passed at a meeting of Easton County Council. Cllr Rob Finn said the "
     "shortage was serious.", NOT_COUNCIL, "Rob Finn", "Easton County Council"),
    ("The motion was passed at a meeting of Easton County Council. Director of Services, "
     "Mark Byrne, said the shortage was serious.", NOT_COUNCIL, "Mark Byrne",
     "Easton County Council"),
    # ... but a council publisher keeps its own councillors.
    ("At a meeting of Weston County Council, Cllr Rob Finn said the shortage was serious.",
     PUBLISHER, "Rob Finn", PUBLISHER),
    # Offices whose body the text never names: the documented table.
    ("He raised it with local TD Mary Doyle.", PUBLISHER, "Mary Doyle", "Dáil Éireann"),
    ("Minister of State Mary Doyle TD said funding was agreed.", PUBLISHER, "Mary Doyle", None),
    ("Senator Jim Carey said he would raise it in the Oireachtas.", PUBLISHER, "Jim Carey",
     "Seanad Éireann"),
    ("Senator Jim Carey said he would raise it in Washington.", PUBLISHER, "Jim Carey", None),
    ("Federal Member for Easton Tom Grey MP said it was vital.", PUBLISHER, "Tom Grey",
     "Parliament of Australia"),
    ("Staff across Queensland will benefit. Minister for Children Kate Moss said it was vital.",
     NOT_COUNCIL, "Kate Moss", "Queensland Government"),
    ("Staff in Queensland and NSW will benefit. Minister for Children Kate Moss said so.",
     NOT_COUNCIL, "Kate Moss", None),
    ("Staff across Queensland will benefit. Federal Minister for Children Kate Moss said so.",
     NOT_COUNCIL, "Kate Moss", None),
    # An MP is not the publisher's official.
    ("Harry Cole MP (Easton), a member of the Education Committee, said he would ask.",
     PUBLISHER, "Harry Cole", None),
]


@pytest.mark.parametrize(("text", "publisher", "name", "organisation"), CONTEXT_BODIES)
def test_officials_bodies_from_context(
    nlp: Language, text: str, publisher: str, name: str, organisation: str | None,
) -> None:
    found = {o.name: o for o in officials(nlp, text, publisher=publisher)}
    assert name in found, list(found)
    assert found[name].organisation == organisation


# (text, name, role): roles stated in other sentence positions.
ROLE_POSITIONS = [
    ("Cabinet portfolio holder for adults, Cllr Tamsin Hale, said: “Come along.”", "Tamsin Hale",
     "Cabinet portfolio holder for adults"),
    ("Social worker Rhys Hale, from the council’s hospital discharge team, won silver.",
     "Rhys Hale", "Social worker in the hospital discharge team"),
    ("Turnover, which Executive Director Lionel Harte has called “a threat”, fell.",
     "Lionel Harte", "Executive Director"),
    ("Amira Khan, a newly qualified social worker who joined in September, said: “Yes.”",
     "Amira Khan", "newly qualified social worker"),
    ("Councillor Rhona Teague (Con, Easton East), cabinet member for children, said: “Yes.”",
     "Rhona Teague", "cabinet member for children"),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLE_POSITIONS)
def test_officials_role_positions(nlp: Language, text: str, name: str, role: str) -> None:
    found = by_name(nlp, text)
    assert name in found, list(found)
    assert found[name].role == role


# Descriptions of the public by their head noun, and titles that only contain such a word.
PUBLIC = [
    ("Easton Head resident Tony Burke, 58, said he loved the job.", False),
    ("Parent governor Jane Hill said the school was ready.", True),
    ("Resident Services Manager Tom Vale said the estate was ready.", True),
    ("A foster carer from Easton, Jane Hill, said the support was excellent.", False),
]


@pytest.mark.parametrize(("text", "official"), PUBLIC)
def test_officials_public_head_noun(nlp: Language, text: str, official: bool) -> None:
    assert bool(officials(nlp, text)) is official


# Names outside the first-name lexicon anchored by the job title right before them.
TITLE_ANCHORED = [
    ("Senior practitioner Gwenllian Prys was highly commended for her work.", ["Gwenllian Prys"]),
    ("Meanwhile MCH Coordinator Shirin Dashti received the leadership award.",
     ["Shirin Dashti"]),
    ("Join us at our Host Child Welfare Caseworker Hiring Events\nthis spring.", []),
    ("The Senior Practitioner Training Programme starts in May.", []),
]


@pytest.mark.parametrize(("text", "names"), TITLE_ANCHORED)
def test_officials_names_anchored_by_title(nlp: Language, text: str, names: list[str]) -> None:
    assert [o.name for o in officials(nlp, text)] == names


# Names outside the lexicon that the article itself anchors: a later "Ms Surname", or a
# "Role, Name, said" aside. Capitalised portfolios and list items are not such names.
SELF_ANCHORED = [
    ("Senior planner Oonagh Tolland, who has worked here for years, won gold. "
     "Ms Tolland said it was a surprise.", ["Oonagh Tolland"]),
    ("Head of Housing, Kerrin Malvoy, said the list was shorter.", ["Kerrin Malvoy"]),
    ("Regional Manager Tairawhiti, Rāwiri Pōtae, said the team was growing.", ["Rāwiri Pōtae"]),
    ("Minister for Child Protection, the Hon. Jane Smith MLA, said the plan was ready.",
     ["Jane Smith"]),
    ("Cabinet Member for Care, Health and Ageing Well, said the plan was ready.", []),
    ("The area manager for Kildare/West Wicklow, said staff were ready.", []),
    ("The Greenvale Centre opened in May. Mr Tolland said the Greenvale Centre was busy.", []),
]


@pytest.mark.parametrize(("text", "names"), SELF_ANCHORED)
def test_officials_names_anchored_by_the_article(
    nlp: Language, text: str, names: list[str]
) -> None:
    assert [o.name for o in officials(nlp, text)] == names


# (text, name, role): roles that hold a clause word or a boundary word, and past offices.
ROLE_CLAUSES = [
    ("The scheme began in Easton, where Minister for Housing Hon Ruth Kemp said it would grow.",
     "Ruth Kemp", "Minister for Housing"),
    ("Last week, Minister of State with \nresponsibility for housing, Deputy Aoife Crean, said "
     "funds were agreed.", "Aoife Crean", "Minister of State with responsibility for housing"),
    ("Sir Malcolm Hendon, who chaired the council's improvement board until May, said staff "
     "had changed.", "Malcolm Hendon", "former chair of the council's improvement board"),
    ("Tom Hart, who chairs the fostering panel, said the panel had met.", "Tom Hart",
     "chair of the fostering panel"),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLE_CLAUSES)
def test_officials_role_clause_boundaries(nlp: Language, text: str, name: str, role: str) -> None:
    found = by_name(nlp, text)
    assert name in found, list(found)
    assert found[name].role == role


# Spellings of one person: with and without accents or a hyphen.
SAME_PERSON = [
    ("Cllr Sioned Vaughan-Jones, lead member for housing, opened it. Cllr Vaughan Jones added "
     "that more homes were coming.", "Sioned Vaughan-Jones", ["Vaughan Jones"]),
    ("Cllr Siobhán Ní Bhriain, cathaoirleach, spoke first. Later Cllr Siobhan Ni Bhriain "
     "thanked staff.", "Siobhán Ní Bhriain", ["Siobhan Ni Bhriain"]),
]


@pytest.mark.parametrize(("text", "name", "aliases"), SAME_PERSON)
def test_officials_spelling_variants_are_one_person(
    nlp: Language, text: str, name: str, aliases: list[str]
) -> None:
    found = officials(nlp, text)
    assert [o.name for o in found] == [name]
    assert found[0].aliases == aliases


def test_officials_different_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    text = ("Cllr Ann Vaughan-Jones, lead member for housing, spoke. Tom Jones, director of "
            "services, replied.")
    assert [o.name for o in officials(nlp, text)] == ["Ann Vaughan-Jones", "Tom Jones"]


# (text, name, organisation): bodies from the office and the article, and capitalised bodies
# before a lower-case title (a team name before "team leader" is not a body).
OFFICE_BODIES = [
    ("The reply was given in the Dáil. Minister for Housing Jim Furey TD said homes would "
     "follow.", "Jim Furey", "Government of Ireland"),
    ("Minister for Housing Jim Furey said homes would follow.", "Jim Furey", None),
    ("Ofsted rated the service good. Lead inspector Anna Bright said leaders were strong.",
     "Anna Bright", "Ofsted"),
    ("Lead inspector Anna Bright said leaders were strong.", "Anna Bright", None),
    ("Police Chief Dan Rook said the Easton Police Department had 40 vacant posts.",
     "Dan Rook", "Easton Police Department"),
    ("Chambers Ireland chief executive Ann Nolan said entries were strong.", "Ann Nolan",
     "Chambers Ireland"),
    ("Fórsa official Ann Nolan said members were tired.", "Ann Nolan", "Fórsa"),
    ("Home First team leader Ann Nolan said the team was busy.", "Ann Nolan", PUBLISHER),
    ("Adult Social Care director Ann Nolan said the team was busy.", "Ann Nolan", PUBLISHER),
]


@pytest.mark.parametrize(("text", "name", "organisation"), OFFICE_BODIES)
def test_officials_office_and_prefix_bodies(
    nlp: Language, text: str, name: str, organisation: str | None
) -> None:
    found = by_name(nlp, text)
    assert name in found, list(found)
    assert found[name].organisation == organisation


# A sign-off block: name on one line, title alone on the next.
SIGNATURES = [
    ("The committee is asked to note this report.\n\nFiona Rennie\nChief Social Work Officer\n",
     ["Fiona Rennie"]),
    ("The committee is asked to note this report.\n\nFiona Rennie\nEaston Road\n", []),
    ("Thanks to everyone who came.\n\nFiona Rennie\nThe event raised £400 for charity.\n", []),
]


@pytest.mark.parametrize(("text", "names"), SIGNATURES)
def test_officials_signature_block(nlp: Language, text: str, names: list[str]) -> None:
    found = officials(nlp, text)
    assert [o.name for o in found] == names
    assert all(o.role == "Chief Social Work Officer" for o in found)


# (text, name, quoted): quoted is true exactly when the person has a quote, whatever the
# form of the later mention that carries it.
QUOTED_FORMS = [
    ("County Councillor Graham Pike, cabinet member, opened the fair.\n\nCC Pike said the "
     "conference would be a chance to thank staff.", "Graham Pike", True),
    ("Senior social worker Rhian Price was highly commended. Rhian said she was “completely "
     "overwhelmed” by the news.", "Rhian Price", True),
    ("Minister for Children Ann Lee TD visited the centre. Funding will rise by 5% next year, "
     "the Minister said.", "Ann Lee", True),
    ("Cllr Ann Lee opened the fair. A council spokesperson said 40 posts were still open.",
     "Ann Lee", False),
    ("The report, by director of services Tom Hart, says turnover fell to 12 per cent.",
     "Tom Hart", False),
]


@pytest.mark.parametrize(("text", "name", "quoted"), QUOTED_FORMS)
def test_officials_quoted_flag_any_mention_form(
    nlp: Language, text: str, name: str, quoted: bool
) -> None:
    assert by_name(nlp, text)[name].quoted is quoted


# Lone first names that speak are quote speakers, never officials; months are not names.
NOT_OFFICIALS_FIRST_ONLY = [
    "Emer, a social worker in the north team, said she had moved home from London.",
    "One young person, 19-year-old Kyle, said: “They helped me keep my flat.”",
]


@pytest.mark.parametrize("text", NOT_OFFICIALS_FIRST_ONLY)
def test_officials_first_name_speakers_are_not_officials(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


def test_officials_month_is_not_a_speaker(nlp: Language) -> None:
    from extract.officials import extract_quotes

    text = ("Amira Begum, a social worker who joined the team in September, said: “I was given "
            "a protected caseload of 12.”")
    (quote,) = extract_quotes(nlp(text), context=make_context("2019-05-01"))
    assert quote.speaker == "Amira Begum"


# Names the lexicon does not know, anchored by a lower-case job title after them (award
# lists: "Category – Name, job title, team"), a title before them at a clause end, Welsh
# particles, and credentials the post-nominal table does not hold.
UNLISTED_NAMES = [
    ("Team of the Year – Kwabena Osei, team manager, Family Help North\n", "Kwabena Osei",
     "team manager", PUBLISHER),
    ("Rising Star – Zbigniew Nowicki, social worker in the Assessment Team\n",
     "Zbigniew Nowicki", "social worker in the Assessment Team", PUBLISHER),
    ("The prizes were handed out alongside Principal Social Worker Tayo Adebayo. "
     "Mr Adebayo said it was a proud night.", "Tayo Adebayo", "Principal Social Worker",
     PUBLISHER),
    ("“We are proud,” said Gwilym ap Huw, Head of Adult Services.", "Gwilym ap Huw",
     "Head of Adult Services", PUBLISHER),
    ("“We are hiring,” said Maria Lopez, LCSW, director of family services at the council.",
     "Maria Lopez", "director of family services", PUBLISHER),
    ("Head of Fostering Amy J Dunn said it was good.", "Amy J Dunn", "Head of Fostering",
     PUBLISHER),
    ("Kwabena Osei (Head of Fostering) accepted the award.", "Kwabena Osei",
     "Head of Fostering", PUBLISHER),
    ("Head of Fostering, Kwabena Osei, accepted the award.", "Kwabena Osei",
     "Head of Fostering", PUBLISHER),
]
NOT_UNLISTED_NAMES = [
    "The Greenfield Gardens (Easton North) reopened in May.",
    "Across the borough, Greenfield Gardens, Easton, reopened in May.",
    "Deputy Director General, Child Protection, Dr Paul Roe said it was good.",
    "Best Project – Greenfield Gardens, community project, Easton\n",
    "Team of the Year – Brackenfield Family Hub, Easton\n",
    "She thanked the Principal Social Worker Forum.",
]


@pytest.mark.parametrize(("text", "name", "role", "organisation"), UNLISTED_NAMES)
def test_officials_unlisted_names_anchored(
    nlp: Language, text: str, name: str, role: str, organisation: str
) -> None:
    found = {o.name: o for o in officials(nlp, text)}
    assert name in found, list(found)
    assert (found[name].role, found[name].organisation) == (role, organisation)


@pytest.mark.parametrize("text", NOT_UNLISTED_NAMES)
def test_officials_unlisted_names_false_positives(nlp: Language, text: str) -> None:
    assert [o.name for o in officials(nlp, text) if o.name != "Paul Roe"] == []


# (text, publisher, name, organisation): a county's own officer whose role names no county.
COUNTY_OFFICES = [
    ("Department of Human Services Director Ann Vega said reports were up.",
     "Alder County Board of Supervisors", "Ann Vega", "Alder County Department of Human Services"),
    ("County Commissioner Joe Platt said the county would help.", "Alder County", "Joe Platt",
     "Alder County"),
    # No county publisher: the county the article names.
    ("The Alder County budget passed. County Executive Rita Moss said it was fair.",
     "Alder Times", "Rita Moss", "Alder County"),
    # A state senator sits in the state senate, not in the county that publishes.
    ("State Sen. Lena Ortiz, D-Alder, said the bill would pass.", "Alder County", "Lena Ortiz",
     "State Senate"),
    ("Commissioner Tyrell Banks said the county would help.", "Alder County", "Tyrell Banks",
     "Alder County"),
    # A UK county council publisher is not a US county: a national department keeps its name.
    ("Department of Health official Joe Platt said funding was agreed.", PUBLISHER, "Joe Platt",
     "Department of Health"),
]


@pytest.mark.parametrize(("text", "publisher", "name", "organisation"), COUNTY_OFFICES)
def test_officials_county_offices(
    nlp: Language, text: str, publisher: str, name: str, organisation: str | None
) -> None:
    found = {o.name: o for o in officials(nlp, text, publisher=publisher)}
    assert name in found, list(found)
    assert found[name].organisation == organisation


# (text, role): where a role after the name ends — durations, experience, a base, a part of
# the area and "who has been" openers are not part of it; dashes can set a role off.
ROLE_TAILS = [
    ("Ann Vale, who has been Head of Fostering since 2019, said it was good.", "Head of Fostering"),
    ("Ann Vale, Head of Fostering for the past six years, said it was good.", "Head of Fostering"),
    ("Ann Vale, a team manager with 15 years' experience, said it was good.", "team manager"),
    ("Ann Vale, a senior practitioner based in Easton, said it was good.",
     "senior practitioner"),
    ("Ann Vale, area manager in the north of the county, said it was good.", "area manager"),
    ("Ann Vale – Head of Fostering – said it was good.", "Head of Fostering"),
    ("Ann Vale, who chairs the fostering panel and is a former nurse, said it was good.",
     "chair of the fostering panel"),
    ("Last night the chair of the fostering panel, Ann Vale, said it was good.",
     "chair of the fostering panel"),
    ("On Monday, Head of Fostering Ann Vale said it was good.", "Head of Fostering"),
    ("Award for Leadership – Ann Vale – Director of Adult Services\n",
     "Director of Adult Services"),
    # A place that names the office stays ("Minister for the North", "Director for the East").
    ("Ann Vale, Director for the East Region, said it was good.", "Director for the East Region"),
]
NOT_ROLE_TAILS = [
    "Volunteer of the Year – Ann Vale – Easton Food Bank\n",
    "The money - about £2m - was given by Ann Vale - a resident.",
]


@pytest.mark.parametrize(("text", "role"), ROLE_TAILS)
def test_officials_role_tail_boundaries(nlp: Language, text: str, role: str) -> None:
    assert [o.role for o in officials(nlp, text)] == [role]


@pytest.mark.parametrize("text", NOT_ROLE_TAILS)
def test_officials_role_tail_false_positives(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


# Names listed after one plural title share it; a plural word that is no title does not.
PLURAL_TITLES = [
    ("Councillors Ann Lee, Rob Hart and Kwabena Osei attended the launch.",
     ["Ann Lee", "Rob Hart", "Kwabena Osei"]),
    ("Cllrs Ann Lee and Rob Hart attended the launch.", ["Ann Lee", "Rob Hart"]),
    ("Residents Ann Lee and Rob Hart attended the launch.", []),
    ("Councillors discussed Health and Social Care with the Easton Trust.", []),
]


@pytest.mark.parametrize(("text", "names"), PLURAL_TITLES)
def test_officials_plural_title_lists(nlp: Language, text: str, names: list[str]) -> None:
    assert [o.name for o in officials(nlp, text)] == names


# (text, role, organisation): a role stated as the predicate; a place's possessive is the
# publisher that place names.
PREDICATE_ROLES = [
    ("Ann Lee is the council's Head of Fostering. She said it was good.", "Head of Fostering",
     PUBLISHER),
    ("Ann Lee, Northshire's Mayor, said it was good.", "Mayor", PUBLISHER),
]
NOT_PREDICATE_ROLES = [
    "Ann Lee was the winner of the raffle.",
    "Ann Lee is a foster carer in Easton.",
]


@pytest.mark.parametrize(("text", "role", "organisation"), PREDICATE_ROLES)
def test_officials_predicate_roles(nlp: Language, text: str, role: str, organisation: str) -> None:
    assert [(o.role, o.organisation) for o in officials(nlp, text)] == [(role, organisation)]


@pytest.mark.parametrize("text", NOT_PREDICATE_ROLES)
def test_officials_predicate_roles_false_positives(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


# A journalist who judges an award acts for it; a journalist alone is no official.
JUDGING_JOURNALISTS = [
    ("Head judge Ann Lee, deputy editor of CYPN, said the entry stood out.",
     ["Ann Lee"]),
    ("Ann Lee, deputy editor of CYPN, said the entry stood out.", []),
]


@pytest.mark.parametrize(("text", "names"), JUDGING_JOURNALISTS)
def test_officials_judging_journalists(nlp: Language, text: str, names: list[str]) -> None:
    assert [o.name for o in officials(nlp, text)] == names


# (text, organisation): chairs and chief executives head the body named after "of"; a
# council's own committee is no body of its own; judges act for accolades as for awards.
HEADS_OF_BODIES = [
    ("Ann Lee, chief executive of Care Forum Easton, said it was good.", "Care Forum Easton"),
    ("The chair of Skills Easton, Dr Ann Lee, said it was good.", "Skills Easton"),
    ("Ann Lee, Chair of the Children’s Scrutiny Committee, said it was good.", PUBLISHER),
    ("Ann Lee, Director of Children’s Services, said it was good.", PUBLISHER),
    ("The Easton Care Accolades were held. Ann Lee, chair of the judging panel, said it was "
     "close.", "Easton Care Accolades"),
]


@pytest.mark.parametrize(("text", "organisation"), HEADS_OF_BODIES)
def test_officials_heads_of_bodies(nlp: Language, text: str, organisation: str) -> None:
    assert [o.organisation for o in officials(nlp, text)] == [organisation]


# (text, organisation): no title, but a body or the publisher's team named right after the
# name: the person acts for it. A street or a place after "of" is no body.
UNTITLED_MEMBERS = [
    ("Ann Lee of the Easton Carers Association said it was good.",
     "Easton Carers Association"),
    ("Ann Lee from the Local Government Association said it was good.",
     "Local Government Association"),
    ("Ann Lee, from the council's fostering team, said it was good.", PUBLISHER),
    ("Ann Lee, who works in the council’s adoption service, said it was good.", PUBLISHER),
]
NOT_UNTITLED_MEMBERS = [
    "Ann Lee of Mill Road said it was good.",
    "Ann Lee from Easton said it was good.",
]


@pytest.mark.parametrize(("text", "organisation"), UNTITLED_MEMBERS)
def test_officials_untitled_members(nlp: Language, text: str, organisation: str) -> None:
    assert [(o.role, o.organisation) for o in officials(nlp, text)] == [(None, organisation)]


@pytest.mark.parametrize("text", NOT_UNTITLED_MEMBERS)
def test_officials_untitled_members_false_positives(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


def _word_walk_runs(text: str) -> list[list[str]]:
    """The runs by the definition: walk every word, keep capitalised ones (or particles)
    joined by a blank gap, and end a run after a closing word."""
    runs: list[list[str]] = []
    current: list[tuple[int, str]] = []
    for word in WORD.finditer(text):
        capital = word.group()[0].isupper() or word.group().lower() in PARTICLES
        joined = bool(current) and re.fullmatch(
            GAP, text[current[-1][0] : word.start()]) is not None and not closes(current[-1][1])
        if not (capital and joined) and current:
            runs.append([w for _, w in current])
            current = []
        if capital:
            current.append((word.end(), word.group()))
    if current:
        runs.append([w for _, w in current])
    return [run for run in runs if len(run) > 1]


# Texts where the one-regex run finder could part from the word walk: particles, inner
# capitals, apostrophes, digits, dots, hard wraps, accents and closing words.
RUN_TEXTS = [
    "Cllr Ann Lee and Ludwig van Beethoven met de Souza.",
    "van de Berg spoke; caravan Smith Jones left; deJong Ann Lee",
    "McDonald Ann O’Brien-Lee and abcDef Ghi Jkl, 3D Printing Ltd",
    "'Ann Lee' said -Tom Hart- and _Ann Lee 'Rob Hart's team' went",
    "J.Lee and Dr. Ann\nLee\n\nRob Hart. The Mayor's Office",
    "Seán Ó Súilleabháin, école Ann Lee, Ébène Ann, vAn Dyke, van-Dyke Ann, de. Ann Lee",
    "Ann  \t Lee\n  Hart van\nder Berg ab ap Rhys Dafydd ap Rhys",
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_officials_name_runs_match_the_word_walk(text: str) -> None:
    found = [[tok.text for tok in run] for run in name_runs(text) if len(run) > 1]
    assert found == _word_walk_runs(text)
    assert found  # every text holds at least one run of two words


# (text after a name, contact details follow)
CONTACTS = [
    (", 01234 567890", True),
    (" at ann.lee@northshire.gov.uk", True),
    (" on @@ann@x.org", True),
    (" said the plan works", False),
    (" @" + "@" * 20_000, False),
    (" " + "a@" * 10_000, False),
]


@pytest.mark.parametrize(("after", "contact"), CONTACTS)
def test_officials_contact_after_name(after: str, contact: bool) -> None:
    text = "Ann Lee" + after
    mention = Mention(start=0, end=7, name="Ann Lee", tail_end=7)
    assert excluded_mention(text, mention) is contact


def _reference_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """`name_runs` as it was before runs led by a capital were found apart: every `_RUN`
    match walked, one-word pieces dropped at the end."""
    runs: list[list[tuple[int, int, str]]] = []
    for match in _RUN.finditer(text):
        if match.group("more") is None:
            continue
        first = match.start()
        current: list[tuple[int, int, str]] = []
        for word in WORD.finditer(text, first, match.end()):
            form = word.group()
            if not (form[0].isupper() or form.lower() in PARTICLES) or (
                    word.start() == first and not _word_start(text, word.start())):
                runs.append(current)
                current = []
                continue
            current.append((word.start(), word.end(), form))
            if closes(form):
                runs.append(current)
                current = []
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def test_officials_name_runs_match_the_single_regex() -> None:
    """Random texts of capitals, particles (whole, mid-word, leading), accents, dots and
    wraps: the runs are those of the one-regex walk."""
    rng = random.Random(3)
    pieces = ["Ann", "Lee", "de", "van", "la", "dE", "under", "Ó", "é", "ébc", "J.", "Dr.",
              " ", " ", "\n", "\n\n", "’s", "-", "3", "_", ".", ",", "the", "abcDef", "ter",
              "McDonde", "Abc9’", "ÉcoleX", "O’", "de.", "Ann."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        found = [[(t.start, t.end, t.text) for t in run] for run in name_runs(text)]
        assert found == _reference_runs(text), text


def test_officials_model_spans_read_from_the_group(nlp: Language) -> None:
    """The offsets of a model's PERSON spans are kept with doc.spans["people"]; a group made
    elsewhere (no such attrs) is read span by span, with the same answer."""
    text = "The plan was welcomed by Zorblax Quimby today."
    doc = nlp.make_doc(text)
    start = text.index("Zorblax")
    doc.ents = [doc.char_span(start, start + len("Zorblax Quimby"), label="PERSON")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    expected = [(start, start + len("Zorblax Quimby"))]
    by_label = [(s.start_char, s.end_char) for s in doc.spans["people"]
                if s.label_ == MODEL_LABEL]
    assert by_label == expected
    assert list(_doc_model_candidates(doc)) == expected
    doc.spans["people"] = list(doc.spans["people"])  # a new group: no attrs
    assert list(_doc_model_candidates(doc)) == expected
