"""Awards: one record per (category, recipient) with level, ceremony and recipient."""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Sequence
from typing import Any

import pytest
from spacy.language import Language

from conftest import make_context
from extract import awards, awards_gate, awards_lines, awards_went
from extract import awards_find as find
from extract import awards_scope as scope_words
from extract import awards_subject as sub
from extract.awards import extract_awards
from extract.awards_merge import sentence_bounds
from extract.awards_subject import Antecedents
from extract.patterns_data import pattern_rows
from extract.schema import Award

# (text, expected records as (recipient, level, award))
AWARD_CASES = [
    ("Westshire Council has been named Children’s Services Employer of the Year at the "
     "National Care Awards.",
     [("Westshire Council", "winner", "Children’s Services Employer of the Year")]),
    ("The Eastbrook Assessment Team took gold in the Team of the Year category.",
     [("Eastbrook Assessment Team", "gold", "Team of the Year")]),
    ("Priya Shah, a senior practitioner in the council’s north team, received a silver award "
     "in the Practice Educator of the Year category.",
     [("Priya Shah", "silver", "Practice Educator of the Year")]),
    ("Social worker Tom Hart won bronze in the Mental Health category.",
     [("Social worker Tom Hart", "bronze", "Mental Health")]),
    ("Jo Lane was highly commended in the Leadership category.",
     [("Jo Lane", "highly commended", "Leadership")]),
    ("The Family Hub has been shortlisted for the Innovation award.",
     [("Family Hub", "shortlisted", "Innovation")]),
    ("The Kinship Team is one of three finalists in the Permanence category.",
     [("Kinship Team", "finalist", "Permanence")]),
    # a coordinated second verb keeps the subject; a second clause has its own subject
    ("Northshire County Council won the Workforce category, and also took gold in the "
     "Digital category, while intake worker Ann Cole was highly commended in the Newcomer "
     "category.",
     [("Northshire County Council", "winner", "Workforce"),
      ("Northshire County Council", "gold", "Digital"),
      ("intake worker Ann Cole", "highly commended", "Newcomer")]),
    # "the council" and "the council's X" name the council mentioned before
    ("Southvale Borough Council celebrated last night. The council itself took gold in the "
     "Employer of the Year category.",
     [("Southvale Borough Council", "gold", "Employer of the Year")]),
    ("Southvale Borough Council celebrated. The council’s Youth Hub was highly commended in "
     "the Partnership category.",
     [("Southvale Borough Council’s Youth Hub", "highly commended", "Partnership")]),
    # a "who" clause: the recipient is the name before the appositive
    ("Thanks go to Sam Reed, Team Manager in the Disabilities Team, who received a silver award "
     "in the Manager of the Year category.",
     [("Sam Reed", "silver", "Manager of the Year")]),
    # one team winning two categories in one sentence
    ("The Connectors team won the Care Team of the Year award and then collected the "
     "Innovation in Care award.",
     [("Connectors team", "winner", "Care Team of the Year"),
      ("Connectors team", "winner", "Innovation in Care")]),
    # inverted shortlist
    ("Also shortlisted in the Workforce Transformation category are Essex County Council and "
     "the London Borough of Camden.",
     [("Essex County Council", "shortlisted", "Workforce Transformation"),
      ("London Borough of Camden", "shortlisted", "Workforce Transformation")]),
    # a title ends before a full stop; a ceremony may be "Accolades 2023", not only "Awards"
    ("Jo Bell, the council’s outreach lead, was also named Volunteer Manager of the Year.",
     [("Jo Bell", "winner", "Volunteer Manager of the Year")]),
    ("The Hub team has been named Team of the Year at the Northern Care Accolades 2023.",
     [("Hub team", "winner", "Team of the Year")]),
    # a singular "Award" is a category; a category after the ceremony's name
    ("The Bridges Team won the Care Leavers Award at the National Care Awards.",
     [("Bridges Team", "winner", "Care Leavers Award")]),
    ("The Outreach team was recently named a finalist in the Regional Awards for Excellence "
     "in the Partnership category.",
     [("Outreach team", "finalist", "Partnership")]),
    ("The unit is also a finalist for Best Digital Project at the North Care Awards.",
     [("unit", "finalist", "Best Digital Project")]),
    ("Earlier this year, Easton Borough Council received a Regional Achievement Award in the "
     "Ageing Well category.",
     [("Easton Borough Council", "winner", "Ageing Well")]),
    # participle shortlists with plural categories; "took the"; "recognised in"
    ("Easton Borough Council, shortlisted in both the Digital and Adult Care categories, "
     "went home empty-handed.",
     [("Easton Borough Council", "shortlisted", "Digital"),
      ("Easton Borough Council", "shortlisted", "Adult Care")]),
    ("Westshire Council took the Innovation award for its app.",
     [("Westshire Council", "winner", "Innovation")]),
    ("Westshire Council made the shortlist for the Digital Innovation award.",
     [("Westshire Council", "shortlisted", "Digital Innovation")]),
    ("Easton Borough Council was recognised in the Recruitment, Retention and Training "
     "category and in the Health and Housing category.",
     [("Easton Borough Council", "winner", "Recruitment, Retention and Training"),
      ("Easton Borough Council", "winner", "Health and Housing")]),
    # the subject after an opening time phrase, and after "where"
    ("On the same night Easton Borough Council was highly commended in the Partnership "
     "category.", [("Easton Borough Council", "highly commended", "Partnership")]),
    ("Sam Reed took silver in the Mentor of the Year category at the Care Awards, where "
     "Easton Borough Council’s Hub team won bronze in the Team of the Year category.",
     [("Sam Reed", "silver", "Mentor of the Year"),
      ("Easton Borough Council’s Hub team", "bronze", "Team of the Year")]),
    # "which went to": the winner follows; "the same category" refers back
    ("Easton was highly commended in the Council of the Year category, which went to Fife "
     "Council.", [("Easton", "highly commended", "Council of the Year"),
                  ("Fife Council", "winner", "Council of the Year")]),
    ("Kent County Council won the Housing category at the LGC Awards. Fife Council was "
     "highly commended in the same category.",
     [("Kent County Council", "winner", "Housing"),
      ("Fife Council", "highly commended", "Housing")]),
    # "nominated by" says who nominated, not a shortlisting
    ("The Start Well team, which was nominated by parents, won the Early Years category.",
     [("Start Well team", "winner", "Early Years")]),
    # a runner-up has no level in the contract's list
    ("The Reablement team was named runner-up in the Innovation category.",
     [("Reablement team", None, "Innovation")]),
    # an opening time phrase and a person's possessive are not part of the recipient
    ("Last week the fostering team was named Team of the Year at the Care Awards.",
     [("the fostering team", "winner", "Team of the Year")]),
    ("Earlier this year Patel's Riverside Duty team received a gold award in the Practice "
     "category.", [("Riverside Duty team", "gold", "Practice")]),
    # "among the finalists"; a later list with no category of its own inherits it
    ("Halton is among the finalists for Employer of the Year at the Care Awards. Other "
     "finalists include Wirral Council and Sefton Council.",
     [("Halton", "finalist", "Employer of the Year"),
      ("Wirral Council", "finalist", "Employer of the Year"),
      ("Sefton Council", "finalist", "Employer of the Year")]),
    ("Northvale was named Team of the Year at the Care Awards. Finalists in the team category "
     "included the Eastvale duty team.",
     [("Northvale", "winner", "Team of the Year"),
      ("Eastvale duty team", "finalist", "Team of the Year")]),
    # a category and its ceremony joined by "in the"
    ("Ribble Council was shortlisted for Employer of the Year in the Care Practice Awards.",
     [("Ribble Council", "shortlisted", "Employer of the Year")]),
    # results written as 'Category: gold – A; silver – B' lines
    ("Results:\nBest Team: gold – Avon Team; silver – Severn Unit; bronze – Wye Hub\n",
     [("Avon Team", "gold", "Best Team"), ("Severn Unit", "silver", "Best Team"),
      ("Wye Hub", "bronze", "Best Team")]),
    # a capitalised award name after the verb; an acronym names the body defined earlier
    ("Dale County's Family Services Agency (FSA) is celebrating. FSA also received Achievement "
     "Awards in the Youth category.",
     [("Dale County's Family Services Agency", "winner", "Youth")]),
    # the subject comes from the verb's own clause: after a colon, a subordinator or an
    # absolute "with"; expletives and pronouns are never recipients
    ("A great night for Barrow: the Family Hub took silver in the Partnership category.",
     [("the Family Hub", "silver", "Partnership")]),
    ("The fair comes a month after Council was highly commended in the Reablement category.",
     [("Northvale Council", "highly commended", "Reablement")]),
    ("There was also praise for support worker Lee Shaw, from the Duty Team, who was "
     "highly commended in the Carer of the Year category.",
     [("support worker Lee Shaw", "highly commended", "Carer of the Year")]),
    ("It was a double for Barrow: Ann Lee, a mentor in the Academy, took gold in the Mentor "
     "category.", [("Ann Lee", "gold", "Mentor")]),
    ("Barrow Council picked up two awards at the Care Awards, with outreach worker Amy Cole "
     "named Newcomer of the Year.",
     [("outreach worker Amy Cole", "winner", "Newcomer of the Year")]),
    ("Barrow Council took silver at the Care Awards, with its Home Care team highly "
     "commended in the Workforce category.",
     [("Barrow Council", "silver", None), ("Home Care team", "highly commended", "Workforce")]),
    # "with" inside a title opens no clause
    ("Thanks to Jo Hay, lead in the Children with Disabilities Team, who took bronze in the "
     "Practice category.", [("Jo Hay", "bronze", "Practice")]),
    # other ways to say "won": crowned, superlative titles, a prize as the object, "to claim"
    ("The Pathways team was crowned Team of the Year at the Fostering Awards.",
     [("Pathways team", "winner", "Team of the Year")]),
    ("Later the council was also named Best Employer at the Care Awards.",
     [("Northvale Council", "winner", "Best Employer")]),
    ("Dunmore County Council saw off three other councils to claim the Employer of the Year "
     "prize.", [("Dunmore County Council", "winner", "Employer of the Year")]),
    ("Riverton Council claimed the top prize at the Regional Care Awards.",
     [("Riverton Council", "winner", None)]),
    ("Kelso's adoption team took the title of Adoption Team of the Year.",
     [("Kelso's adoption team", "winner", "Adoption Team of the Year")]),
    # a place is no medal
    ("The Bridge team came second in the Innovation category.",
     [("Bridge team", None, "Innovation")]),
    # several levels in one sentence
    ("The Bridge Team won gold in the Innovation category and was highly commended in the "
     "Partnership category.",
     [("Bridge Team", "gold", "Innovation"), ("Bridge Team", "highly commended", "Partnership")]),
    # "the team" / "the service" is the unit the article named before
    ("Foster Tarn, the council’s fostering service, is recruiting. The team was highly "
     "commended in the Fostering category.",
     [("Foster Tarn", "highly commended", "Fostering")]),
    ("The Kendal Care team picked up two awards. The team also won the Innovation award.",
     [("Kendal Care team", "winner", "Innovation")]),
    # a winners list under a heading with no category: 'Category – Name, role' lines
    ("This year’s staff awards winners were:\nSocial Worker of the Year – Amy Cole, senior "
     "practitioner\nTeam of the Year – North Duty Team\nUnsung Hero – Raj Patel, "
     "administrator, who retires next month after 30 years with the council\n",
     [("Amy Cole", "winner", "Social Worker of the Year"),
      ("North Duty Team", "winner", "Team of the Year"),
      ("Raj Patel", "winner", "Unsung Hero")]),
    # an entrant's line under a shortlist heading stays whole
    ("The shortlist is:\nFife Council – Kinship Hub\nAngus Council – Carers Project\n",
     [("Fife Council – Kinship Hub", "shortlisted", None),
      ("Angus Council – Carers Project", "shortlisted", None)]),
    # more ways to say won, placed or shortlisted
    ("The Haven team walked away with the Innovation award.",
     [("Haven team", "winner", "Innovation")]),
    ("Fenwick Council was victorious in the Workforce category.",
     [("Fenwick Council", "winner", "Workforce")]),
    ("Fenwick Council won in the Workforce category.",
     [("Fenwick Council", "winner", "Workforce")]),
    ("Amy Cole was presented with the Newcomer of the Year award.",
     [("Amy Cole", "winner", "Newcomer of the Year")]),
    ("Fenwick Council was the winner of the Workforce category.",
     [("Fenwick Council", "winner", "Workforce")]),
    ("Thanks to Fenwick Council’s Edge of Care team, winners of the Innovation award.",
     [("Fenwick Council’s Edge of Care team", "winner", "Innovation")]),
    ("The Bridge Team earned a gold award in the Practice category.",
     [("Bridge Team", "gold", "Practice")]),
    ("The Bridge Team achieved silver in the Practice category.",
     [("Bridge Team", "silver", "Practice")]),
    ("The Hub was recognised with a highly commended award in the Innovation category.",
     [("Hub", "highly commended", "Innovation")]),
    ("Fenwick Council has reached the final of the Employer of the Year category.",
     [("Fenwick Council", "finalist", "Employer of the Year")]),
    ("The fostering team is in the running for the Team of the Year award.",
     [("fostering team", "shortlisted", "Team of the Year")]),
    ("The Social Worker of the Year award went to Jo Hale from the duty team.",
     [("Jo Hale", "winner", "Social Worker of the Year")]),
    # a title straight after a winning verb is the category; quotes are no part of it
    ("Fenwick Council won Best Recruitment Campaign at the Care Awards.",
     [("Fenwick Council", "winner", "Best Recruitment Campaign")]),
    ("The Rapid Response team were awarded Team of the Year.",
     [("Rapid Response team", "winner", "Team of the Year")]),
    ("Fenwick Council won the ‘Best Workforce Initiative’ award.",
     [("Fenwick Council", "winner", "Best Workforce Initiative")]),
    ("Fenwick Council has won a national award. The council was named winner of the "
     "Workforce category.", [("Fenwick Council", "winner", "Workforce")]),
    # two bodies joined by "and" are two recipients; one name with "and" stays whole
    ("Fenwick Council and Ashby Council were both shortlisted in the Digital category.",
     [("Fenwick Council", "shortlisted", "Digital"), ("Ashby Council", "shortlisted", "Digital")]),
    ("The Children and Families Team was shortlisted in the Digital category.",
     [("Children and Families Team", "shortlisted", "Digital")]),
    # a programme's award told twice: for the body, then for its programme
    ("Dale County received a Best in Category award for its Retention Academy. The "
     "Retention Academy was named Best in Category in Workforce.",
     [("Dale County", "winner", "Best in Category in Workforce")]),
]

NO_AWARD_CASES = [
    "The council took the decision to close the centre.",
    "Staff were recognised in the annual report for their work.",
    "The decision, which went to the Cabinet Committee, was welcomed.",
    "The plan made the shortlist of priorities.",
    "The Care Awards were presented at the Civic Hall.",
    "The council won the support of residents for its plan.",
    "She picked up the phone at 2am to help a family.",
    "To be named Team of the Year is a great honour, she said.",
    "More than 1,000 nominations were received for this year’s awards.",
    "The council received 40 applications for the posts.",
    "The runner-up in the lottery draw was announced on Friday.",
    "Venue: Civic Hall\nCost: Free – gold coin donation welcome\n",
    "The FSA received a letter from the minister.",
    "The council named Jo Bell as its new director.",
    "With Sam Reed as chair, the board won the support of residents.",
    "It was highly commended by inspectors in the report.",
    "The team came second in the five-a-side tournament last year.",
    "The plan will take the pressure off the duty team.",
    "Winners of the raffle:\nMary Smith\nJohn Brown\n",
    "The team walked away with a clear plan for the year.",
    "The decision went to Cabinet on Monday.",
    "The council reached the final stage of the consultation.",
    "She was presented with a bouquet by the Mayor.",
    "The Mayor is in the running for re-election.",
    "The council won Government backing for the scheme.",
    "Staff took January off to recover.",
]


def _awards(nlp: Language, text: str) -> list[Award]:
    return extract_awards(nlp(text), context=make_context("2019-11-30",
                                                           publisher="Northvale Council"))


@pytest.mark.parametrize(("text", "expected"), AWARD_CASES)
def test_awards_recipient_level_category(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = [(a.recipient, a.level, a.award) for a in _awards(nlp, text)]
    assert found == expected


@pytest.mark.parametrize("text", NO_AWARD_CASES)
def test_awards_false_positives(nlp: Language, text: str) -> None:
    assert _awards(nlp, text) == []


def test_awards_shortlist_lines_with_ceremony_and_date(nlp: Language) -> None:
    text = ("The winners of the Northern Care Awards will be announced on Thursday 14 "
            "November.\n\nThe shortlist for Integrated Working is:\n\n"
            "Glasgow City Council: Home First team\nFife Council: Kinship Hub\n\n"
            "The finalists for Young Carers are:\nDundee City Council: Carers Hub\n")
    found = [(a.recipient, a.level, a.award, a.ceremony, a.date_text)
             for a in _awards(nlp, text)]
    assert found == [
        ("Glasgow City Council: Home First team", "shortlisted", "Integrated Working",
         "Northern Care Awards", "Thursday 14 November"),
        ("Fife Council: Kinship Hub", "shortlisted", "Integrated Working",
         "Northern Care Awards", "Thursday 14 November"),
        ("Dundee City Council: Carers Hub", "finalist", "Young Carers",
         "Northern Care Awards", "Thursday 14 November"),
    ]
    for award in _awards(nlp, text):
        assert text[award.start:award.end] == award.recipient


def test_awards_headline_and_repeats_are_one_record(nlp: Language) -> None:
    text = ("Friday, 29 November 2019\n\n"
            "Westshire Council has been named Employer of the Year\n\n"
            "Westshire Council has been named Employer of the Year at the Care Awards on "
            "Friday night.\n\nThe council was named Employer of the Year for its training.\n")
    awards = _awards(nlp, text)
    assert [(a.recipient, a.level, a.award, a.ceremony, a.date_text) for a in awards] == [
        ("Westshire Council", "winner", "Employer of the Year", "Care Awards", "Friday night"),
    ]
    assert awards[0].start > text.index("at the") - 80


def test_awards_sentence_and_list_mention_merge(nlp: Language) -> None:
    text = ("The Home First team has been shortlisted in the Integrated Working category.\n\n"
            "The shortlist for Integrated Working is:\n"
            "Glasgow City Council: Home First team\nFife Council: Kinship Hub\n")
    recipients = [a.recipient for a in _awards(nlp, text)]
    assert recipients == ["Glasgow City Council: Home First team", "Fife Council: Kinship Hub"]


# Ways of telling a win that a journalist may choose: participles, "top honours", "came
# top", "honoured with", "a commendation", "an award for X", "the award for X went to Y",
# a win "at" a ceremony, a prize with no determiner.
PHRASING_CASES = [
    ("The fostering team has been recognised at the Northern Care Awards, winning the "
     "Carer Support Team of the Year award.",
     [("fostering team", "winner", "Carer Support Team of the Year")]),
    ("Eastmoor Council enjoyed success at the Care Awards, scooping the Digital category.",
     [("Eastmoor Council", "winner", "Digital")]),
    ("The Bridges Team took top honours in the Partnership category.",
     [("Bridges Team", "winner", "Partnership")]),
    ("Fenwick Council came top in the Employer of the Year category.",
     [("Fenwick Council", "winner", "Employer of the Year")]),
    ("Duty manager Ravi Patel was honoured with the Outstanding Leadership award.",
     [("Duty manager Ravi Patel", "winner", "Outstanding Leadership")]),
    ("Practice educator Nia Evans earned a commendation in the Mentor category.",
     [("Practice educator Nia Evans", "highly commended", "Mentor")]),
    ("The Edge of Care team received an award for Outstanding Partnership Working.",
     [("Edge of Care team", "winner", "Outstanding Partnership Working")]),
    ("Ashby Council has won a national award for its work with young carers.",
     [("Ashby Council", "winner", None)]),
    ("A silver award for Workforce Planning went to Fenwick Council.",
     [("Fenwick Council", "silver", "Workforce Planning")]),
    ("The award for Best Apprenticeship went to Ashby Council’s Grow Your Own scheme.",
     [("Ashby Council’s Grow Your Own scheme", "winner", "Best Apprenticeship")]),
    ("The Youth Hub team were winners at the Regional Care Awards.",
     [("Youth Hub team", "winner", None)]),
    ("The efforts of the Pathways team were recognised with the Innovation award.",
     [("Pathways team", "winner", "Innovation")]),
    ("The council was shortlisted at the Care Awards in two categories: Employer of the "
     "Year and Team of the Year.",
     [("Northvale Council", "shortlisted", "Employer of the Year"),
      ("Northvale Council", "shortlisted", "Team of the Year")]),
    # a count of prizes stands alone, but gives way to the prizes named one by one
    ("Ashby Council picked up two awards at the Care Awards.",
     [("Ashby Council", "winner", None)]),
    ("Ashby Council picked up two awards at the Care Awards. Its Youth Hub won the "
     "Innovation award and Jo Lane was named Manager of the Year.",
     [("Youth Hub", "winner", "Innovation"), ("Jo Lane", "winner", "Manager of the Year")]),
    # a headline prize with no category is the body's story; "the honour" repeats it
    ("Council wins national award\n\nThe Youth Hub won the Innovation award at the Care "
     "Awards. The hub received the honour at a ceremony in Leeds.",
     [("Youth Hub", "winner", "Innovation")]),
]

NO_PHRASING_CASES = [
    "The award-winning team opened a new office.",
    "“To win an award like this takes a whole team,” she said.",
    "The team came first in the charity fun run.",
    "Staff were commended for their dedication by inspectors.",
    "Jo Bell went to the Care Awards in London last year.",
    "The funding went to Ashby Council’s Youth Hub.",
    "Winning the contract was a boost for the service.",
    "The council received an award of £5,000 from the lottery fund.",
    "The council was honoured with a visit from the Mayor.",
]


@pytest.mark.parametrize(("text", "expected"), PHRASING_CASES)
def test_awards_phrasings(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = [(a.recipient, a.level, a.award) for a in _awards(nlp, text)]
    assert found == expected


@pytest.mark.parametrize("text", NO_PHRASING_CASES)
def test_awards_phrasings_false_positives(nlp: Language, text: str) -> None:
    assert _awards(nlp, text) == []


# More phrasings: a recipient "of", "voted", "selected as", honoured "at" a ceremony,
# capitalised levels, an award's own name with "of"/"for", "in the final of", a winners'
# list in running text, and "The award went to" taking the category named before.
MORE_PHRASING_CASES = [
    ("The Kinship Unit was the recipient of the Excellence in Practice award.",
     [("Kinship Unit", "winner", "Excellence in Practice")]),
    ("Caseworker Dana Ruiz was voted Caseworker of the Year by her peers.",
     [("Caseworker Dana Ruiz", "winner", "Caseworker of the Year")]),
    ("Ben Ode was selected as Mentor of the Year.", [("Ben Ode", "winner", "Mentor of the Year")]),
    ("Two social workers from Ashby Council were honoured at the Care Awards.",
     [("Two social workers from Ashby Council", "winner", None)]),
    ("The adoption team received a Highly Commended award in the Permanence category.",
     [("adoption team", "highly commended", "Permanence")]),
    ("Duty worker Sam Ode won a Silver award in the Newcomer category.",
     [("Duty worker Sam Ode", "silver", "Newcomer")]),
    ("Sam Ode, a child protection worker, was presented with a Director’s Award for "
     "Excellence.", [("Sam Ode", "winner", "Director’s Award for Excellence")]),
    ("Alder County earned a Workforce Achievement Award for its program.",
     [("Alder County", "winner", "Workforce Achievement Award")]),
    ("Fenwick Council is in the final of the Employer of the Year category.",
     [("Fenwick Council", "finalist", "Employer of the Year")]),
    ("Fenwick Council has been announced as the winner of the Employer of the Year award.",
     [("Fenwick Council", "winner", "Employer of the Year")]),
    ("Winners on the night included the Fostering Team and the Youth Justice Service.",
     [("Fostering Team", "winner", None), ("Youth Justice Service", "winner", None)]),
    ("The Digital Innovation category drew 40 entries. The award went to Fenwick Council.",
     [("Fenwick Council", "winner", "Digital Innovation")]),
    # "clinched", "awarded first place", a medal "handed", a finite verb ending the subject,
    # a participle shortlist in a headline
    ("The Hub clinched the Partnership award.", [("Hub", "winner", "Partnership")]),
    ("The Bridges Team was awarded first place in the Outreach category.",
     [("Bridges Team", "winner", "Outreach")]),
    ("The Bridges Team has been handed a Silver award in the Outreach category.",
     [("Bridges Team", "silver", "Outreach")]),
    ("Fenwick Council received praise at the Care Awards, being highly commended in the "
     "Digital category.", [("Fenwick Council", "highly commended", "Digital")]),
    ("The Hub beat 30 other entries to win the Outreach award.",
     [("Hub", "winner", "Outreach")]),
    ("Ashby team shortlisted for national award\n\nThe judges meet in May.",
     [("Ashby team", "shortlisted", None)]),
    ("The Family Team were crowned winners of the Outreach category.",
     [("Family Team", "winner", "Outreach")]),
    ("The program earned an honorable mention in the Workforce category.",
     [("program", "highly commended", "Workforce")]),
    ("Harlow County was a Silver winner in the Innovation category.",
     [("Harlow County", "silver", "Innovation")]),
    ("It was a night to remember for the Family Team, who took home the Outreach award.",
     [("Family Team", "winner", "Outreach")]),
    ("The Youth Team was recognised for Excellence in Outreach at the Care Awards.",
     [("Youth Team", "winner", "Excellence in Outreach")]),
]

NO_MORE_PHRASING_CASES = [
    "The council has achieved the Gold Standard in the Workforce Charter.",
    "The winners were announced at a ceremony in Leeds.",
    "The team was given the go-ahead by the cabinet.",
    "The letter went to Fenwick Council on Monday.",
    "The Hub will find out in May whether it has won the Outreach category.",
    "The Bridges Team hopes to win the Outreach award next year.",
    "The other councils shortlisted in the Outreach category were:",
    "The Youth Team was recognised for its hard work by the Mayor.",
    "It was a proud night for the Family Team.",
]


@pytest.mark.parametrize(("text", "expected"), MORE_PHRASING_CASES)
def test_awards_more_phrasings(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = [(a.recipient, a.level, a.award) for a in _awards(nlp, text)]
    assert found == expected


@pytest.mark.parametrize("text", NO_MORE_PHRASING_CASES)
def test_awards_more_phrasings_false_positives(nlp: Language, text: str) -> None:
    assert _awards(nlp, text) == []


# Results written as lines: "Category: Recipient", or "Winners: Category – Recipient; ...".
RESULT_LINE_CASES = [
    ("Results\n\nMentor of the Year: Ada Price, Ashby Council\nBest Newcomer: Tom Hale\n",
     [("Ada Price, Ashby Council", "winner", "Mentor of the Year"),
      ("Tom Hale", "winner", "Best Newcomer")]),
    ("Winners: Outreach Award – Bridges Team; Mentor of the Year – Ada Price.",
     [("Bridges Team", "winner", "Outreach Award"), ("Ada Price", "winner", "Mentor of the Year")]),
]

NO_RESULT_LINE_CASES = [
    "Venue: Civic Hall\nTime: 7pm\n",
    "Employer of the Year: the council was praised for its family help work.\n",
    "Community Grant Award: £500 for each group\n",
    "Agenda: Welcome – Mayor; Budget – Treasurer.\n",
]


@pytest.mark.parametrize(("text", "expected"), RESULT_LINE_CASES)
def test_awards_result_lines(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(a.recipient, a.level, a.award) for a in _awards(nlp, text)] == expected


@pytest.mark.parametrize("text", NO_RESULT_LINE_CASES)
def test_awards_result_lines_false_positives(nlp: Language, text: str) -> None:
    assert _awards(nlp, text) == []


# The gate: a trigger pattern is tried on a sentence only when one of its "needs" words is
# in it. `_covered` proves, from the parsed pattern, that every match holds one of them.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sre
    import sre_parse

_MAX_STRINGS = 4096


def _strings(node: Any) -> set[str] | None:
    """Every text a node can match, lower-cased, or None when not a small finite set."""
    op, av = node
    if op is sre.LITERAL:
        return {chr(av).lower()}
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return {chr(a).lower() for _, a in av}
    if op is sre.AT:
        return {""}
    if op is sre.SUBPATTERN:
        return _seq_strings(av[-1])
    if op is sre.BRANCH:
        parts = [_seq_strings(b) for b in av[1]]
        return None if any(p is None for p in parts) else set().union(*parts)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 1:
        inner = _seq_strings(av[2])
        return None if inner is None else inner | ({""} if av[0] == 0 else set())
    return None


def _seq_strings(seq: Any) -> set[str] | None:
    out = {""}
    for node in seq:
        found = _strings(node)
        if found is None or len(out) * len(found) > _MAX_STRINGS:
            return None
        out = {a + b for a in out for b in found}
    return out


def _covered(seq: Any, needs: list[str]) -> bool:
    """Whether every match of `seq` holds one of `needs` (lower-case) as a substring."""
    run = {""}
    for node in [*seq, (None, None)]:
        found = _strings(node) if node[0] is not None else None
        if found is not None and len(run) * len(found) <= _MAX_STRINGS:
            run = {a + b for a in run for b in found}  # a stretch of known texts grows
            continue
        if all(any(n in text for n in needs) for text in run):
            return True
        run = {""} if found is None else found
        if node[0] is not None and _node_covered(node, needs):
            return True
    return False


def _node_covered(node: Any, needs: list[str]) -> bool:
    op, av = node
    if op is sre.SUBPATTERN:
        return _covered(av[-1], needs)
    if op is sre.BRANCH:
        return all(_covered(b, needs) for b in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _covered(av[2], needs)
    if op is sre.ASSERT:  # a lookahead or lookbehind reads the same sentence
        return _covered(av[1], needs)
    return False


def _proves(pattern: str, needs: Sequence[str]) -> bool:
    return _covered(sre_parse.parse(pattern), [n.lower() for n in needs])


def _gated_patterns() -> list[tuple[str, tuple[str, ...]]]:
    # the patterns as written: the compiled ones are lead_letters' rewrites, shown to
    # match the same in tests/test_awards_speed.py
    rows = [(r["pattern"], tuple(r["needs"])) for r in find._rows("awards_triggers.jsonl")]
    assert [needs for _, needs in rows] == [needs for _, _, needs, _ in find.triggers()]
    return [*rows, (awards_went._INVERTED.pattern, awards_went.INVERTED_NEEDS),
            (awards_went._WENT_TO.pattern, awards_went.WENT_NEEDS)]


@pytest.mark.parametrize(("pattern", "needs"), _gated_patterns())
def test_awards_gate_needs_cover_every_pattern(pattern: str, needs: tuple[str, ...]) -> None:
    assert _proves(pattern, needs)
    for dropped in needs:  # no need is idle: without any one the proof fails
        assert not _proves(pattern, [n for n in needs if n != dropped])


PROOF_CASES = [
    (r"\bwon\s+gold", ["gold"], True),
    (r"\b(?:took|won)\s+gold", ["took", "won"], True),
    (r"short-?list", ["short"], True),
    (r"short-?list", ["shortlist", "short-list"], True),
    (r"(?=\bnamed)\w+", ["named"], True),
    (r"[Gg]old", ["gold"], True),
]
NO_PROOF_CASES = [
    (r"\b(?:took|won)\s+gold", ["took"], False),
    (r"short-?list", ["shortlist"], False),
    (r"(?!named)\w+", ["named"], False),
    (r"(?:won\s+)?gold", ["won"], False),
    (r"won\s*gold", ["wongold"], False),
]


@pytest.mark.parametrize(("pattern", "needs", "expected"), PROOF_CASES + NO_PROOF_CASES)
def test_awards_gate_proof(pattern: str, needs: list[str], expected: bool) -> None:
    assert _proves(pattern, needs) is expected


GATE_TEXTS = [text for text, _ in AWARD_CASES] + [
    "Jo Lane wonamed the Team of the Year.",
    "Also ſhortlisted in the Outreach category are Essex County Council and Ashby Council.",
    "Also shortlİsted in the Outreach category are Essex County Council and Ashby Council.",
    "The council won the Outreach award. It went to Fenwick Council.",
    "Venue: Civic Hall\nThe window was replaced by the landlord.",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_awards_gate_changes_nothing(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    context = make_context("2024-05-01", publisher="Westshire Council")
    gated = [a.model_dump() for a in extract_awards(nlp(text), context=context)]
    monkeypatch.setattr(awards, "word_hits", lambda _: None)  # every pattern on every sentence
    assert [a.model_dump() for a in extract_awards(nlp(text), context=context)] == gated


@pytest.mark.parametrize(("text", "words"), [
    ("Jo wonamed it", {"won", "named"}),  # overlapping words are both found
    ("The WINNERS were told", {"win"}),
    ("A quiet meeting", set()),
])
def test_awards_gate_words_found(text: str, words: set[str]) -> None:
    hits = awards_gate.word_hits(text)
    assert hits is not None and set(hits[2]) == words


@pytest.mark.parametrize("text", ["ſhortlisted", "İ was shortlisted", "ı"])
def test_awards_gate_off_for_case_folding_letters(text: str) -> None:
    assert awards_gate.word_hits(text) is None


COUNCIL_CASES = [
    ("Jo Bell of Northshire County Council spoke.", ["Northshire County Council"]),
    ("The London Borough of Camden and Fenwick and Ashby Council met.",
     ["London Borough of Camden", "Fenwick and Ashby Council"]),
    # bounded: at most twelve capitalised words before "Council"
    (" ".join(["Grange"] * 14) + " Council", [" ".join(["Grange"] * 12) + " Council"]),
]


@pytest.mark.parametrize(("text", "expected"), COUNCIL_CASES)
def test_awards_councils(text: str, expected: list[str]) -> None:
    assert [name for _, name in scope_words.councils(text)] == expected


def test_awards_councils_linear_on_capitalised_runs() -> None:
    text = "Cllr Dr Mr Sir The Rt Hon Coun " * 6_000 + "Council"
    started = time.monotonic()
    scope_words.councils(text)
    assert time.monotonic() - started < 2.0


# Linear readings, each checked against the plain rule it replaces, at every offset.
def _reference_antecedent(recipient: str, text: str, at: int) -> str:
    if not find.words()["anaphor"].match(recipient):
        return recipient
    last = None
    for match in find.TITLE_PHRASE.finditer(text, 0, at):
        if sub._DETERMINER.fullmatch(match.group()):
            continue
        after = sub._UNIT_AFTER.match(text, match.end())
        if after and after.end() <= at:
            last = match.group() + after.group()
        elif sub._UNIT_END.search(match.group()) or sub._APPOSITIVE.match(text, match.end()):
            last = match.group()
    return recipient if last is None else " ".join(last.split()).removeprefix("The ")


ANTECEDENT_TEXTS = [
    "The Care Connect team won. The team won Team of the Year. Later the team won again.",
    "Foster Wales Cwm Arian, the council's fostering service, won. The service was praised.",
    "Our U.K Family Hub\nTeam met.\n \nThe Unit of the Year went to the Intake \n\nTeam.",
    "The team. The Child Protection Team and the Early Help unit won; the unit was named.",
    "Team Highly Commended for Team Highly Commended for Team Highly Commended team",
]


@pytest.mark.parametrize("text", ANTECEDENT_TEXTS)
def test_awards_antecedent_same_as_plain_reading(text: str) -> None:
    reading = Antecedents(text)
    for at in range(len(text) + 1):
        for recipient in ("the team", "The service", "unit", "Jo Bell"):
            assert reading(recipient, at) == _reference_antecedent(recipient, text, at), at


def _reference_inverted(sentence: str) -> list[tuple[int, str, str]]:
    found = []
    for match in awards_went._INVERTED.finditer(sentence):
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["items"]):
            item = re.sub(r"^the\s+", "", part.strip())
            if re.match(r"[A-Z]", item):
                found.append((match.start("items") + match["items"].find(part), match["kw"], item))
    return found


INVERTED_TEXTS = [
    "Also shortlisted in the Outreach category are Essex County Council and Ashby Council.",
    "Finalists include Ann Lee, Bo Ray and Cy Do: winners were Ann Lee; nominees are  .",
    "Winners are\n Fenwick Hub, Fenwick Hub and Ashby, finalist Ash: shortlisted are A.",
    "nominated for X. are Y, shortlisted arena were  B includes C includesD Winners include",
    "short-listed teams included the Intake Team, the Hub; nominees  are: none; finalists are ",
]


@pytest.mark.parametrize("text", INVERTED_TEXTS)
def test_awards_inverted_lists_same_as_one_regex(text: str) -> None:
    for start in range(len(text)):
        for end in range(start, len(text) + 1, 7):
            assert awards_went.inverted_lists(text[start:end]) == _reference_inverted(
                text[start:end]), (start, end)


def _reference_triggers(sentence: str) -> list[tuple[int, int, str, bool]]:
    chosen: list[tuple[int, int, str, bool]] = []
    for row in pattern_rows("awards_triggers.jsonl"):
        pattern = row["pattern"]
        if "unless_ahead" in row:  # the rule as one regex: a negative lookahead
            assert pattern.endswith(")")
            pattern = pattern[:-1] + rf"(?![^.\n]*{row['unless_ahead']}))"
        for m in re.finditer(pattern, sentence):
            if all(m.end() <= s or m.start() >= e for s, e, _, _ in chosen):
                chosen.append((m.start(), m.end(), row["level"], row["level"] == "winner"
                               and awards._NAMING.search(m.group()) is not None))
    return sorted(chosen)


TRIGGER_TEXTS = [
    "The team was shortlisted for Best Team, and shortlisted for Team of the Year.",
    "Jo was shortlisted for Care. Shortlisted for the award were A and B",
    "Ash won gold, was named Team of the Year and was highly commended in the Care category",
    "Also shortlisted for Care\nare Ann and Bo; shortlisted in it is. shortlisted for all",
    "shortlisted for shortlisted for shortlisted in arena were shortlisted for X",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_awards_triggers_same_as_one_regex_each(text: str) -> None:
    for start in range(0, len(text), 3):
        assert awards._selected_triggers(text[start:], None) == _reference_triggers(text[start:])


# Dense text (sweep phrases): one phrase repeated, read in time linear in its length.
DENSE_PHRASES = ["The team won Team of the Year. ", "shortlisted for ", "finalist ",
                 "Team Highly Commended for ", "winners include A, "]


@pytest.mark.parametrize("phrase", DENSE_PHRASES)
def test_awards_dense_text_stays_linear(nlp: Language, phrase: str) -> None:
    context = make_context("2024-05-01", publisher="Westshire Council")
    timings = []
    for size in (20_000, 80_000):
        doc = nlp((phrase * (size // len(phrase) + 1))[:size])
        started = time.monotonic()
        awards.find_awards(doc)
        extract_awards(doc, context=context)
        timings.append(time.monotonic() - started)
    assert timings[1] < 8 * timings[0] + 0.3  # four times the text: 16 times as long if quadratic


def _distinct_awards(size: int) -> str:
    text = "".join(f"Hub{i} Team won Care{i} Worker of the Year. " for i in range(size // 30))
    return text[:size]


def test_awards_many_distinct_awards_stay_linear(nlp: Language) -> None:
    context = make_context("2024-05-01")
    timings, found = [], []
    for size in (10_000, 80_000):  # some 230 and 1,800 award sentences
        doc = nlp(_distinct_awards(size))
        started = time.monotonic()
        awards.find_awards(doc)
        found.append(len(extract_awards(doc, context=context)))
        timings.append(time.monotonic() - started)
    assert found[0] > 200 and found[1] == awards.MAX_ROWS
    assert timings[1] < 8 * timings[0] + 0.3


LINE_TEXTS = [
    "Results:\nTeam of the Year: gold – Ash Hub; silver – Bo Team\n  - Best Carer: Jo Bell\n",
    "Q: A: B:\nWinners: Team of the Year – Ash Hub; Carer of the Year – Jo\r\nNo colon here\n:x",
    "The shortlist for Integrated Working is:  \n\nAsh Hub\nFife Council: Kinship Hub\n",
    "Finalists in the Best Employer category were:\u2028Ash Hub\x0cBo Team:\x85Cy",
    "said: “no” \nCategory: Category: Category:",
]


@pytest.mark.parametrize("text", LINE_TEXTS)
def test_awards_result_lines_tried_at_colon_lines_only(text: str) -> None:
    for start in range(len(text)):
        cut = text[start:]
        assert [m.span() for m in awards_lines._colon_lines(cut)] == [
            m.span() for m in awards_lines._LINE.finditer(cut)]
        headed = any(line.strip().endswith(":") for line in cut.splitlines())
        assert (awards_lines._HEADING_END.search(cut) is not None) is headed


@pytest.mark.parametrize("text", [t for t, _ in COUNCIL_CASES] + LINE_TEXTS + [
    "City of London and Royal Borough of Kingston upon Thames; Fenwick and Ashby Council"])
def test_awards_council_pattern_lookahead_changes_nothing(text: str) -> None:
    pattern = find.words()["council"].pattern
    plain = re.compile(pattern.removeprefix("(?=[A-Z])"))  # the lookahead only speeds it up
    assert [m.span() for m in find.words()["council"].finditer(text)] == [
        m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", ["", "  ", "One. Two!\n\nThree", "Jo won.\n \n", *LINE_TEXTS])
def test_awards_sentence_bounds_as_doc_sents(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]


@pytest.mark.parametrize("text", [*GATE_TEXTS, *LINE_TEXTS, "", "Won. won.\n\nThe team won gold",
                                  "It was a prize-winning bid. Nothing else. Jo won gold."])
def test_awards_gated_sentences_same_as_each_sentence_asked(nlp: Language, text: str) -> None:
    doc = nlp(text)
    bounds, hits = sentence_bounds(doc), awards_gate.word_hits(text)
    plain = [(low, high, None if hits is None else awards_gate.words_in(hits, low, high))
             for low, high in bounds]
    expected = [row for row in plain if row[2] is None or row[2]]
    assert list(awards_gate.gated_sentences(bounds, hits)) == expected


def test_awards_gated_sentences_skip_a_word_across_a_sentence_end() -> None:
    # hits: "won" inside the first sentence's end, "gold" wholly in the second
    hits = ([8, 20], [12, 24], ["won", "gold"])
    assert list(awards_gate.gated_sentences([(0, 10), (15, 30)], hits)) == [
        (15, 30, frozenset({"gold"}))]


CEREMONY_TEXTS = [
    "", "No capitals here", "Awards", "xAwards and the Gala", "The Northshire Care Awards 2024",
    "Won at the LGC Awards, the MJ Awards (and) the Gala Dinner: Summit Awards.",
    "Team of the Year at the Local Government Awards\nand the Civic Honours Gala",
    "“Best Council” at the U.K. Public Sector Awards; then the Honors & Accolades Summit.",
    "Awards Awards, Awards; Gala Gala Gala", "St. Anne’s Conference Awards-Gala held in Leeds.",
    "The Care Awards\n\nThe Gala", "Council Awards. Staff Awards. " * 5,
]


@pytest.mark.parametrize("text", [*CEREMONY_TEXTS, *GATE_TEXTS, *LINE_TEXTS])
def test_awards_ceremony_titles_same_as_whole_scan(text: str) -> None:
    plain = [m.span() for m in find.TITLE_PHRASE.finditer(text)
             if find._HAS_CEREMONY_WORD.search(m.group())]
    assert [m.span() for m in find._titles_holding_ceremony_words(text)] == plain


def test_awards_ceremony_titles_linear_on_dense_text() -> None:
    def seconds(n: int) -> float:
        text = "Regional Gala Awards " * n
        started = time.perf_counter()
        find.ceremonies(text)
        return time.perf_counter() - started
    seconds(500)
    assert seconds(8_000) < 40 * max(seconds(2_000), 1e-3)


def test_awards_categories_cached_but_each_caller_gets_its_own_list() -> None:
    scope = " in the Team of the Year category at the Care Awards"
    first = find.categories(scope)
    assert [c[2] for c in first] == ["Team of the Year"]
    first.clear()  # a caller's change never reaches the cache
    assert tuple(find.categories(scope)) == find._categories(scope) != ()


@pytest.mark.parametrize("present", [None, frozenset(), frozenset({"came"}),
                                     frozenset({"award", "won", "place"}), frozenset({"gold"})])
def test_awards_triggers_for_gate_words_in_priority_order(present: frozenset[str] | None) -> None:
    rules = find.triggers()
    expected = [(level, pattern, unless) for level, pattern, needs, unless in rules
                if present is None or not present.isdisjoint(awards_gate.gate(needs))]
    assert list(awards._triggers_for(present)) == expected
    assert awards._triggers_for(present) is awards._triggers_for(present)  # read once
