"""Officials: names, honorifics, roles, organisations, aliases and exclusions, as tables."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_context
from extract.officials import extract_officials
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
