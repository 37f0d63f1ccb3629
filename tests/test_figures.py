"""Figures: what each number counts, its value and its phrase; distractors dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import make_context
from extract.figures import extract_figures
from extract.figures_metric import _NAME_REACH, _adjacent_regex
from extract.figures_nouns import lexicon
from extract.figures_starts import (
    _lower_start_regex,
    _start_regex,
    _starts_in,
    name_ending_at,
    names_in,
)
from extract.schema import Figure

# (sentence, expected figures as (metric, value, value_from, value_max))
FIGURE_CASES = [
    # caseload: cases after the number, per-worker tails, a named caseload before it
    ("Our social workers now carry an average of 14 cases each.", [("caseload", 14, None, None)]),
    ("Team managers oversee 90-100 cases per manager.", [("caseload", 90, None, 100)]),
    ("Each practitioner holds 10 to 12 cases.", [("caseload", 10, None, 12)]),
    ("Caseloads have been reduced from 26 to 17 over two years.", [("caseload", 17, 26, None)]),
    ("Workers hold an average caseload of 19 children.", [("caseload", 19, None, None)]),
    ("Caseloads are now 16, down from 23.", [("caseload", 16, 23, None)]),
    # vacancy_rate: rates, counts of vacant posts, a metric named far before the number
    ("The vacancy rate, which was the highest in the region last spring, has dropped from "
     "22 per cent to 8 per cent.", [("vacancy_rate", 8, 22, None)]),
    ("The service still has more than 30 vacancies.", [("vacancy_rate", 30, None, None)]),
    ("Of its 60 social work posts, 12 were vacant.",
     [("staff_count", 60, None, None), ("vacancy_rate", 12, None, None)]),
    ("Vacancy rates fell by a third in two years.", [("vacancy_rate", 0.333, None, None)]),
    ("There are nearly 25 open caseworker positions.", [("vacancy_rate", 25, None, None)]),
    # turnover
    ("Staff turnover is now under eight percent a year.", [("turnover", 8, None, None)]),
    ("One in five new starters leave within a year.", [("turnover", 0.2, None, None)]),
    ("Turnover dropped to 11% from 19%.", [("turnover", 11, 19, None)]),
    # staff_count
    ("The directorate employs 410 staff.", [("staff_count", 410, None, None)]),
    ("A team of eight practitioners covers the north.", [("staff_count", 8, None, None)]),
    ("The county employs around 2,300 people.", [("staff_count", 2300, None, None)]),
    # agency_staff
    ("We now rely on just 12 agency social workers.", [("agency_staff", 12, None, None)]),
    ("Agency staff make up 15pc of the workforce.", [("agency_staff", 15, None, None)]),
    ("Agency numbers fell after the number of locums dropped from 45 to 20.",
     [("agency_staff", 20, 45, None)]),
    # recruits
    ("The council has recruited 36 social workers since June.", [("recruits", 36, None, None)]),
    ("There will be more than 70 jobs on offer at the fair.", [("recruits", 70, None, None)]),
    ("Sixty-four new social workers have joined us.", [("recruits", 64, None, None)]),
    ("The council plans to hire 25 people this year.", [("recruits", 25, None, None)]),
    ("It is creating 18 new senior practitioner posts.", [("recruits", 18, None, None)]),
    # other: applications, shares of permanent staff, graduates
    ("We received 230 applications.", [("other", 230, None, None)]),
    ("Ninety per cent of our social workers are permanent.", [("other", 90, None, None)]),
    ("Forty social workers who completed their ASYE were celebrated.",
     [("other", 40, None, None)]),
    # vague amounts
    ("Dozens of social workers have applied.", [("other", None, None, None)]),
    # team sizes written "N-strong", and a share of a whole team
    ("The 14-strong team works across the county.", [("staff_count", 14, None, None)]),
    ("Sixty per cent of the team are now permanent.", [("other", 60, None, None)]),
    # open-ended counts: "30-plus", "20+"
    ("Workers were carrying 25-plus families each.", [("caseload", 25, None, None)]),
    # filled posts are recruits; the vacant ones stay vacancies; an "and" ends a clause
    ("Five of the posts have been filled and three posts remain vacant.",
     [("recruits", 5, None, None), ("vacancy_rate", 3, None, None)]),
    ("The team has since filled four of the vacancies.", [("recruits", 4, None, None)]),
    ("We had six of our ten practitioner posts vacant.", [("vacancy_rate", 6, None, None)]),
    # people lost are turnover; "agencies" names agency staff
    ("The service lost 22 social workers last year.", [("turnover", 22, None, None)]),
    ("Nearly a third of its social workers are supplied by agencies.",
     [("agency_staff", 0.333, None, None)]),
    # a recruiting verb governs trainees and quoted numbers; new nouns for staff
    ("The council hopes to recruit \"about 20\" newly qualified social workers.",
     [("recruits", 20, None, None)]),
    ("Bringing in 12 permanent colleagues will ease the pressure.",
     [("recruits", 12, None, None)]),
    # a noun counted by an earlier number does not hide the metric named before it
    ("Caseloads are 21 families per worker, above the target of 17.",
     [("caseload", 21, None, None), ("caseload", 17, None, None)]),
    # a spaced dash ends the phrase; the metric named before still decides
    ("The vacancy rate is stubbornly high at 12 per cent - well above average.",
     [("vacancy_rate", 12, None, None)]),
    # the earlier value of a change is not a second figure
    ("Eighty per cent of the team are permanent, up from just under half.",
     [("other", 80, None, None)]),
    # a compared standard takes the metric of the figure it is compared with; a compared
    # earlier year is that figure's earlier value
    ("Officers each hold an average of 24 families, compared with a national standard of 16.",
     [("caseload", 24, None, None), ("caseload", 16, None, None)]),
    ("Our vacancy rate is 11 per cent, against 7 per cent nationally.",
     [("vacancy_rate", 11, None, None), ("vacancy_rate", 7, None, None)]),
    ("Workers carry 19 cases each, well above the county's target of 12-14.",
     [("caseload", 19, None, None), ("caseload", 12, None, 14)]),
    ("Average caseloads stand at 15, compared with 23 in 2021.", [("caseload", 15, 23, None)]),
    ("There are 14 agency workers, compared to 30 two years earlier.",
     [("agency_staff", 14, 30, None)]),
    # a bare rate that refers back to the figure before it
    ("A year ago a fifth of our practitioner posts were vacant. That figure is now 8%.",
     [("vacancy_rate", 0.2, None, None), ("vacancy_rate", 8, None, None)]),
    ("Turnover hit 30% in 2022. Today we're at around 12%, and falling.",
     [("turnover", 30, None, None), ("turnover", 12, None, None)]),
    # numbers whose noun is left out: recruits told by the clause after them
    ("Nine graduates started in June and a further five are due to start in May.",
     [("recruits", 9, None, None), ("recruits", 5, None, None)]),
    ("We interviewed 80 people and 22 of them were hired.", [("recruits", 22, None, None)]),
    ("The service wants to hire 18 more by spring.", [("recruits", 18, None, None)]),
    ("The academy took on 30 trainees, 26 of whom are still working here.",
     [("recruits", 30, None, None), ("other", 26, None, None)]),
    # coordinated objects share the recruiting verb; lead words mark new staff
    ("The trust is recruiting 10 occupational therapists and three team leaders.",
     [("recruits", 10, None, None), ("recruits", 3, None, None)]),
    ("The budget adds an extra 7 caseworkers.", [("recruits", 7, None, None)]),
    ("An additional dozen practitioners will be appointed.", [("recruits", 12, None, None)]),
    # clause after a staff noun: agency cover, shortfalls, establishment, on offer
    ("Of the 80 posts, 15 of those posts are covered by agency staff.",
     [("staff_count", 80, None, None), ("agency_staff", 15, None, None)]),
    ("The county is short of 25 social workers.", [("vacancy_rate", 25, None, None)]),
    ("It has 90 funded positions.", [("staff_count", 90, None, None)]),
    ("Around 40 vacancies on offer at the fair.", [("recruits", 40, None, None)]),
    ("Twelve former agency workers have taken permanent posts.",
     [("recruits", 12, None, None)]),
    # a worker said to carry families carries a caseload; households each is a caseload
    ("A newly qualified worker could be carrying 30 children.", [("caseload", 30, None, None)]),
    ("Outreach workers, each supporting no more than 15 households, cover the north.",
     [("caseload", 15, None, None)]),
    # headcount vs full-time equivalents; rates named after the number
    ("The budget includes funding for 3,000 full-time employees.",
     [("staff_count", 3000, None, None)]),
    ("The team has 120 staff (104.5 full-time equivalent).",
     [("staff_count", 120, None, None), ("staff_count", 104.5, None, None)]),
    ("Rural teams carry an 18 per cent vacancy rate.", [("vacancy_rate", 18, None, None)]),
    ("The turnover rate among first-year practitioners was 29% last year.",
     [("turnover", 29, None, None)]),
    # numbered report paragraphs are not values
    ("3.2 Eleven agency social workers were in post.", [("agency_staff", 11, None, None)]),
    # an earlier value in a relative clause, the current one in the main clause
    ("Staff turnover, which was 19 per cent in 2021, is now 8 per cent.",
     [("turnover", 8, 19, None)]),
    ("Locum social workers, who numbered about 40 at their height, are down to 12.",
     [("agency_staff", 12, 40, None)]),
    # a bare number a worker carries, is capped at or averages is a caseload
    ("No social worker in the team carries more than 15.", [("caseload", 15, None, None)]),
    ("We now cap newly qualified staff at 12 for their first year.",
     [("caseload", 12, None, None)]),
    ("Senior practitioners average about 17, the council said.", [("caseload", 17, None, None)]),
    ("Each of our family nurses supports around 140 families.",
     [("caseload", 140, None, None)]),
    ("Investigators were carrying 25 or more investigations.", [("caseload", 25, None, None)]),
    ("The average number of cases held by each worker fell from 24 to 17.",
     [("caseload", 17, 24, None)]),
    # a part of a whole: the verb or clause says what the part is
    ("The service has filled 18 of its 25 vacancies.", [("recruits", 18, None, None)]),
    ("Three of the team’s nine social work posts are currently vacant.",
     [("vacancy_rate", 3, None, None)]),
    # still to fill is vacant; sponsored staff and training places are 'other'
    ("We have six positions still to fill.", [("vacancy_rate", 6, None, None)]),
    ("The council sponsors 9 employees through a social work degree.",
     [("other", 9, None, None)]),
    ("Up to 25 places are available on the ASYE programme.", [("other", 25, None, None)]),
    ("12 of those who came have since applied.", [("other", 12, None, None)]),
    # job offers are recruits; a change over a period is no personal count
    ("The fair led to 14 job offers.", [("recruits", 14, None, None)]),
    ("We have grown the service from 30 to 45 workers in two years.",
     [("staff_count", 45, 30, None)]),
    ("The city is recruiting 10 carers and up to four Child Health (CH) nurses.",
     [("recruits", 10, None, None), ("recruits", 4, None, None)]),
    ("The county will hire half a dozen caseworkers.", [("recruits", 6, None, None)]),
    ("We received 90 applications for 15 posts.",
     [("other", 90, None, None), ("recruits", 15, None, None)]),
]

# Sentences with numbers that count nothing in the workforce.
DISTRACTOR_CASES = [
    "The council spent £4.6m on agency staff in 2016.",
    "The programme received $2 million from the state.",
    "The borough has a population of 260,000.",
    "There are 450 children in care and 120 looked-after children in foster homes.",
    "Referrals rose to 1,200 a year.",
    "The awards drew 300 nominations from 45 councils.",
    "The fair runs from 10am to 2pm on 8 October at the Civic Centre, S60 1AE.",
    "Call 01709 382121 or see page 4 for details.",
    "Young people aged 16 to 25 can apply.",
    "The changes took 14 months and three years of planning.",
    "She has been a social worker for 20 years.",
    "It is one of the toughest jobs in the county.",
    "Two teams were shortlisted.",
    "More than 1,000 people attended the open day.",
    "The office is at 42 High Street, Springfield, IL 62701.",
    "Send applications to Workforce Team, PO Box 412, Leeds.",
    "The workforce report goes to committee on Monday (13 March).",
    "Spending on agency staff fell to £1.2m from £3.4m in 2020-21.",
    "One team covers the north of the county.",
    "A strong team spirit helped, with 12 awards won.",
    # ages, personal counts, caseloads counted as wholes, a day number
    "Many of our care workers are over 60.",
    "Kitchen assistant applicants must be 17 or older.",
    "One mother said she has had five social workers in three years.",
    "Families told us they had seen three or four different caseworkers.",
    "Some workers are carrying two caseloads.",
    "New starters get a mentor from day one.",
    "The hub works with around 500 households each year.",
    # a body holding events, a cap on money, a relative clause with no later value
    "The department will hold two in-person hiring events.",
    "The county will hold 3 sessions in June.",
    "Rents are capped at 30 per cent of income for 200 households.",
    "The service, which opened in 2019, runs two hubs.",
    "Up to 30 places are available at the dinner.",
    "Each family supports around 12 local charities.",
]


def _figures(nlp: Language, text: str) -> list[Figure]:
    return extract_figures(nlp(text), context=make_context("2019-06-01"))


@pytest.mark.parametrize(("text", "expected"), FIGURE_CASES)
def test_figures_metric_and_value(
    nlp: Language, text: str, expected: list[tuple[str, float | None, float | None, float | None]]
) -> None:
    found = [(f.metric, f.value, f.value_from, f.value_max) for f in _figures(nlp, text)]
    assert len(found) == len(expected), found
    for (metric, value, value_from, value_max), want in zip(found, expected, strict=True):
        assert metric == want[0]
        assert value == (pytest.approx(want[1], abs=0.001) if want[1] is not None else None)
        assert (value_from, value_max) == (want[2], want[3])


@pytest.mark.parametrize("text", DISTRACTOR_CASES)
def test_figures_distractors(nlp: Language, text: str) -> None:
    assert _figures(nlp, text) == []


@pytest.mark.parametrize(("text", "phrase", "unit", "qualifier"), [
    ("Social workers have an average of 15 cases each.", "an average of 15 cases each",
     "cases per social worker", "average"),
    ("It has vacancy rates down two-thirds in just three years.",
     "vacancy rates down two-thirds in just three years", "fraction", "down"),
    ("It has a staff turnover of less than ten percent a year.",
     "staff turnover of less than ten percent a year", "percent", "less than"),
    ("Managers carry 110-120 cases per manager.", "110-120 cases per manager",
     "cases per manager", None),
])
def test_figures_text_unit_qualifier(
    nlp: Language, text: str, phrase: str, unit: str, qualifier: str | None
) -> None:
    (figure,) = _figures(nlp, text)
    assert figure.text == phrase
    assert text[figure.start:figure.end] == figure.text
    assert (figure.unit, figure.qualifier) == (unit, qualifier)


def test_figures_hard_wrapped_text_keeps_exact_offsets(nlp: Language) -> None:
    text = "The council has cut caseloads so that workers have an average of\n15 cases each."
    (figure,) = _figures(nlp, text)
    assert text[figure.start:figure.end] == figure.text
    assert "\n" in figure.text and figure.value == 15


@pytest.mark.parametrize("filler", [" and more", "\u00a0and\u00a0more", " and\nmore"])
def test_figures_sentence_longer_than_the_reading_reach_is_read_in_pieces(
    nlp: Language, filler: str
) -> None:
    """A sentence of thousands of characters (no full stop) still gives its figures, with
    offsets into the whole text, from each piece it is read in."""
    text = ("The service has 40 vacancies" + filler * 900
            + " while caseloads fell from 26 to 17" + filler * 900 + " and 12 social workers.")
    figures = _figures(nlp, text)
    assert [(f.metric, f.value) for f in figures] == [
        ("vacancy_rate", 40), ("caseload", 17), ("staff_count", 12)]
    assert all(text[f.start:f.end] == f.text for f in figures)


def test_figures_headline_and_body_mentions_are_all_records(nlp: Language) -> None:
    text = ("Council to hire 40 new social workers\n\n"
            "The council will hire 40 new social workers this year.\n\n"
            "Cllr Lee said: “Forty new social workers will make a real difference.”\n")
    figures = _figures(nlp, text)
    assert [f.value for f in figures] == [40, 40, 40]
    assert figures[0].start < text.index("\n\n")


@pytest.mark.parametrize(("text", "expected"), [
    # bulleted roles under a recruiting heading: bracketed, "x N" and dashed counts
    ("Jobs we are recruiting for:\n- Care Assistants (18 posts, full time)\n- Cooks (3)\n"
     "- Drivers x 5\n- Team Leaders – 2 posts\n",
     [("Care Assistants (18 posts", "recruits", 18), ("Cooks (3)", "recruits", 3),
      ("Drivers x 5", "recruits", 5), ("Team Leaders – 2 posts", "recruits", 2)]),
    # a flattened table: the column header names the metric of every row
    ("Team | Average caseload\nNorth | 17\nSouth | 21\n\nOther text follows.",
     [("North | 17", "caseload", 17), ("South | 21", "caseload", 21)]),
    ("Service | Vacancies\nAdults | 9\n",
     [("Adults | 9", "vacancy_rate", 9)]),
])
def test_figures_lists_and_tables(
    nlp: Language, text: str, expected: list[tuple[str, str, float]]
) -> None:
    found = [(f.text, f.metric, f.value) for f in _figures(nlp, text)]
    assert found == expected


@pytest.mark.parametrize("text", [
    # lists and tables that count nothing in the workforce
    "What to bring:\n- Photo ID (2 forms)\n- Proof of address x 1\n",
    "Ward | Population\nNorth | 4,210\nSouth | 3,980\n",
    "Session | Date\nMorning | 12\n",
])
def test_figures_lists_and_tables_false_positives(nlp: Language, text: str) -> None:
    assert _figures(nlp, text) == []


# Nouns a journalist may choose for staff, partitive clauses ("of whom 12 are agency
# staff"), a noun shared by two numbers, and a rate named in the sentence before.
SYNONYM_CASES = [
    ("There are 120 case holders in the directorate.", [("staff_count", 120, None, None)]),
    ("The service employs 14 physiotherapists.", [("staff_count", 14, None, None)]),
    ("The hub has six health visitors and two midwives.",
     [("staff_count", 6, None, None), ("staff_count", 2, None, None)]),
    ("The team has 50 social workers, of whom 12 are agency staff.",
     [("staff_count", 50, None, None), ("agency_staff", 12, None, None)]),
    ("The service has 80 practitioners, 9 of whom are agency workers.",
     [("staff_count", 80, None, None), ("agency_staff", 9, None, None)]),
    ("There are 35 full-time and 10 part-time posts in the service.",
     [("staff_count", 35, None, None), ("staff_count", 10, None, None)]),
    ("The council will recruit 12 experienced or 20 newly qualified social workers.",
     [("recruits", 12, None, None), ("recruits", 20, None, None)]),
    ("The vacancy rate has worried members for years. It now stands at 9%.",
     [("vacancy_rate", 9, None, None)]),
    ("Staff turnover was a concern last year. It has since fallen to 12%.",
     [("turnover", 12, None, None)]),
    ("The council has cut its reliance on agency social workers. It is now 8%.",
     [("agency_staff", 8, None, None)]),
    # a shortfall, posts that "remain open", a part of a recruits figure
    ("The duty team is short 6 caseworkers.", [("vacancy_rate", 6, None, None)]),
    ("Of the 90 posts, 11 remain open.", [("staff_count", 90, None, None),
                                         ("vacancy_rate", 11, None, None)]),
    ("The council is advertising 18 roles, including 12 social workers.",
     [("recruits", 18, None, None), ("recruits", 12, None, None)]),
    # modifiers listed with commas, long compound names, a relative clause as an aside
    ("The fair offers 40 full-time, part-time and seasonal openings.",
     [("recruits", 40, None, None)]),
    ("The service will hire up to six Community and Family Wellbeing (CFW) nurses.",
     [("recruits", 6, None, None)]),
    ("The vacancy rate, which three years ago was the worst in the region, has dropped "
     "from 30 per cent to 12 per cent.", [("vacancy_rate", 12, None, None)]),
]

NO_SYNONYM_CASES = [
    "The panel heard from 50 residents, of whom 12 are children.",
    "Turnover was discussed at the meeting. It was attended by 40 residents.",
    "The vacancy rate was discussed. Around 9% of residents responded.",
    "The council met 35 families and 10 young people in June.",
    "The new timetable is short 12 buses.",
    "Of the 40 libraries, 11 remain open on Sundays.",
    "The fair has 40 red, blue and green stalls.",
    "Turnout, which was 30 per cent two years ago, has risen to 41 per cent.",
]


@pytest.mark.parametrize(("text", "expected"), SYNONYM_CASES)
def test_figures_synonyms_partitives_and_named_rates(
    nlp: Language, text: str, expected: list[tuple[str, float | None, float | None, float | None]]
) -> None:
    found = [(f.metric, f.value, f.value_from, f.value_max) for f in _figures(nlp, text)]
    assert [(m, pytest.approx(v)) for m, v, _, _ in found] == [
        (m, pytest.approx(v)) for m, v, _, _ in expected]


@pytest.mark.parametrize("text", NO_SYNONYM_CASES)
def test_figures_synonyms_false_positives(nlp: Language, text: str) -> None:
    assert _figures(nlp, text) == []


# Texts that stress where a name may start and where the window cuts it: case folds,
# a window ending inside a name or its look-ahead, possessives, names inside words.
NAME_WINDOW_TEXTS = [
    "The caseload of 17, caseloads of 18 and average caseloads’s 19; vacancy rates 12%.",
    "aged 12, aged  14, AGED\n15, age 16, pages 4-5, phone 01234 567890, tel: 5",
    "number of children held by 12 workers; number of families per 9 staff; Number Of "
    "Cases 4",
    "vacant social work posts 12, unfilled roles 3, open team manager jobs 5, openings 2",
    "ſtaff turnover 14%, Kelvin-sign worKforce 300, ofſted 2, children’s 4 children's 5",
    "agency social workers 12, reliance on agency 9%, locums 3, locum 4 years 5 months 6",
    "the last year 5, each week 6, per month 7, past years 8, the teams of 9, a unit of 10",
    "from 12 from 12 to 15 to 15 funding 40 fund 2 turnovers 3 team-of 4 steam of 5",
    "newly qualified 12, newly-qualified 5, permanent staff 60, retention rate 80%.",
]


def _name_texts() -> list[str]:
    """The tricky texts above, the gold articles and the seed articles."""
    root = Path(__file__).parent
    files = [*sorted((root / "golden" / "articles").glob("*.txt")),
             *sorted(Path("/work/shared/seeds").glob("*.txt"))]
    return NAME_WINDOW_TEXTS + [f.read_text(encoding="utf-8") for f in files]


def test_figures_name_lookups_equal_the_windowed_regex_search() -> None:
    """`names_in` / `name_ending_at` try the regex only where a name can start; they must
    give exactly what a regex search over the same window gives (the window's end cuts
    the text, so a name, its \\b or its look-ahead may differ from a whole-text match)."""
    names, _ = lexicon("figures_names.jsonl")
    adjacent = _adjacent_regex()
    checked = 0
    for text in _name_texts():
        ends = range(len(text)) if len(text) < 200 else [
            m.start() for m in re.finditer(r"\d", text)]
        for high in ends:
            for reach in (_NAME_REACH, 60):
                low = max(0, high - reach)
                fast = [(m.span(), m.lastgroup) for m in names_in(text, low, high)]
                slow = [(m.span(), m.lastgroup) for m in names.finditer(text, low, high)]
                assert fast == slow, (text[low:high], fast, slow)
                near, plain = name_ending_at(adjacent, text, low, high), adjacent.search(
                    text, low, high)
                assert (near and near.span()) == (plain and plain.span()), text[low:high]
                checked += bool(slow) + bool(plain)
    assert checked > 1_000  # the windows hold names and adjacent names to compare


def test_figures_name_starts_are_filtered_by_their_first_letters() -> None:
    """The start filter comes from the parsed name patterns; were it to fall back to every
    position, the look-ups would be as slow as the plain search again."""
    names, _ = lexicon("figures_names.jsonl")
    starts = _start_regex(names)
    text = "from 12 to 15 Turnover caseloads ſtaff"
    assert [m.start() for m in starts.finditer(text)] == [14, 23, 33]


@pytest.mark.parametrize("text", [
    *NAME_WINDOW_TEXTS,
    "İstaff turnover, STAFF \u0130 vacancies and CASELOADS; Ofsted’s 12 ofsted 3",
    "Turnover\nTURNOVER tUrNoVeR “agency” staff, ‘Vacancy Rate’ 9% – Σίσυφος caseload",
])
def test_figures_name_starts_in_lowered_text_equal_the_case_folded_search(text: str) -> None:
    """Start positions read from the lower-cased text (a case-sensitive regex the engine
    skips through in C) are those the case-folding regex finds in the text itself."""
    names, _ = lexicon("figures_names.jsonl")
    assert _lower_start_regex(names) is not None  # else the fast path is never taken
    folded = [m.start() for m in _start_regex(names).finditer(text)]
    assert folded  # every text holds a name
    assert _starts_in(names, text) == folded


@pytest.mark.parametrize("name", ["figures_heads.jsonl", "figures_names.jsonl"])
def test_figures_lexicon_first_letter_guard_keeps_the_same_matches(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon's alternation is led by a lookahead for the first letters of its
    matches (fast rejection); it must find what the plain alternation finds, case folds
    included, searching and at every position."""
    from extract import figures_nouns

    guarded = lexicon(name)[0]
    assert guarded.pattern.startswith("(?=(?:")  # else the guard is gone and this is moot
    monkeypatch.setattr(figures_nouns, "_prefix_guarded", lambda alternation: alternation)
    plain = re.compile(figures_nouns.lexicon_source.__wrapped__(name)[0], re.IGNORECASE)
    assert plain.pattern != guarded.pattern
    for text in [*NAME_WINDOW_TEXTS, *HEAD_CASE_TEXTS, *CUE_TEXTS, *_name_texts()[-3:]]:
        assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)]
        for pos in range(len(text)):
            found, slow = guarded.match(text, pos), plain.match(text, pos)
            assert (found and (found.span(), found.lastgroup)) == (
                slow and (slow.span(), slow.lastgroup)), (text, pos)


CUE_TEXTS = [
    "The vacancy rate and staff turnover rose; agency social workers were recruited, "
    "recruiting 12 who have since left. Compared with 2020, posts remain vacant.",
    "ſtaff retention, VACANCY LEVELS, Reliance On Agency, churn: \u212aey posts still to fill",
]


def test_figures_cue_first_letter_guard_keeps_the_same_matches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cue patterns are led by a lookahead for their first letters where those are known;
    every search and anchored match must be that of the plain pattern."""
    from extract import figures_nouns, figures_refine

    fast = dict(figures_refine.cues())
    assert sum(p.pattern.startswith("(?=[") for p in fast.values()) > 10
    monkeypatch.setattr(figures_nouns, "guarded", lambda alternation: alternation)
    slow = figures_refine.cues.__wrapped__()
    for kind, pattern in fast.items():
        for text in CUE_TEXTS:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in slow[kind].finditer(text)], kind
            for pos in range(len(text)):
                found, plain = pattern.match(text, pos), slow[kind].match(text, pos)
                assert (found and found.span()) == (plain and plain.span()), (kind, pos)


# Case traps for the lowered head regex: capitals, acronyms, "AND" between modifiers.
HEAD_CASE_TEXTS = [
    " Child Health (CH) nurses AND 12 AGENCY Social Workers, 4 NQSWs and 3 FTE posts",
    " new Social Work Staff; 17 Vacancies, of whom 9 ARE agency staff, 5 of Our 40 Posts",
    "” Full-Time, Part-Time and Seasonal Openings, 2 Case Loads, 30 Children’s Workers",
]


def test_figures_lowered_head_regex_equals_the_case_folding_one() -> None:
    """The head regex is matched on lower-cased text with literal letters lowered (a
    case-sensitive branch skips alternatives on their first letter); wherever a number
    may end, every group's span must be those of the case-folding regex on the text."""
    from extract.doctext import folds_as_lower
    from extract.figures_nouns import _head_target, _lower_head_regex, head_at, head_regex

    lowered = _lower_head_regex()
    assert lowered is not None and not lowered.flags & re.IGNORECASE  # else unused
    assert _head_target("ſtaff")[0] is head_regex()  # a fold trap: the case-folding one
    trap = head_at("12 ſtaff", 2)
    assert trap is not None and trap.re is head_regex() and trap.span() == (2, 8)
    checked = 0
    for text in HEAD_CASE_TEXTS + NAME_WINDOW_TEXTS + _name_texts():
        if not folds_as_lower(text):
            continue
        low = text.lower()
        assert len(low) == len(text)
        ends = range(len(text)) if len(text) < 200 else [
            m.end() for m in re.finditer(r"\d+|\b(?:one|two|three|four|five|six)\b", text)]
        for at in ends:
            fast, slow = lowered.match(low, at), head_regex().match(text, at)
            assert (fast and fast.regs) == (slow and slow.regs), text[at:at + 60]
            sentence = head_at(text, at)  # (what the adjacent-name reading asks)
            assert (sentence and sentence.regs) == (slow and slow.regs)
            checked += slow is not None
    assert checked > 200


@pytest.mark.parametrize(("source", "expected"), [
    (r"(?P<H0>Agency\s+STAFF)\b", r"(?P<H0>agency\s+staff)\b"),
    (r"[A-Z]{2}\W\D", r"[a-z]{2}\W\D"),
    (r"\u00C9cole", None),  # an escaped capital is not lowered: no lowered form
    (r"(?i:Staff)", None),
])
def test_figures_lower_literals(source: str, expected: str | None) -> None:
    from extract.figures_literals import lower_literals

    assert lower_literals(source) == expected


def test_figures_lowered_cues_equal_the_case_folding_ones() -> None:
    """Cues searched through `lower_cues` (lowered regex on lowered text where that is
    exact) must find what the case-folding cues find, over windows of many texts."""
    from extract.figures_refine import cues, lower_cues

    lowered, plain = lower_cues(), cues()
    assert sum(getattr(cue, "lower", None) is not None for cue in lowered.values()) > 5
    texts = CUE_TEXTS + HEAD_CASE_TEXTS + NAME_WINDOW_TEXTS + [
        text[:3000] for text in _name_texts()[:12]]
    checked = 0
    for kind, cue in lowered.items():
        for text in texts:
            for at in range(0, len(text), 7):
                for window in (text[at:], text[max(0, at - 60):at]):
                    fast, slow = cue.search(window), plain[kind].search(window)
                    assert (fast and fast.span()) == (slow and slow.span()), (kind, window)
                    fast, slow = cue.match(window), plain[kind].match(window)
                    assert (fast and fast.span()) == (slow and slow.span()), (kind, window)
                    checked += slow is not None
                word = text[at:at + 6].strip()
                assert bool(cue.fullmatch(word)) == bool(plain[kind].fullmatch(word))
    assert checked > 300  # the windows hold cues to compare


@pytest.mark.parametrize(("source", "expected"), [
    (r"^(?:\s*(?:vacant|unfilled)\b|[^.]{0,9}?\bstill\s+open\b)", ("still", "unfilled", "vacant")),
    (r"\b(?:up|down)\s+from\s*$", ("from",)),
    (r"(?:agency|agencies) staff", ("agenc",)),  # the parser takes out the common start
    (r"quit|leaves|leave", ("leave", "quit")),  # "leaves" holds "leave"
    (r"a|[bc]", None),  # a class requires no word
    (r"(?=staff)\w+", None),  # nor does a look-ahead
    (r"(?:staff)?\d+", None),  # nor an optional group
    (r"(?:staff)+\d+", ("staff",)),
])
def test_figures_required_words(source: str, expected: tuple[str, ...] | None) -> None:
    """Every match holds one of the required words: a search is skipped without them."""
    from extract.figures_literals import required_words

    assert required_words(re.compile(source)) == expected
    if expected is not None:  # and a text with none of them never matches
        assert re.compile(source).search("stuff van stil up leav 12") is None


@pytest.mark.parametrize("text", [
    "Roles on offer include:\n- Engineers (9)\nNote: times: 10:30 \nEnd:",
    ":\n:\n\n a:b: \r\nx : \t\n::\n\u2028heading:\u00a0\nlast line:",
    "no colon at all\n",
    "",
])
def test_figures_headings_equal_the_heading_regex(text: str) -> None:
    """Heading lines found from the colons are the lines the heading regex finds."""
    from extract.figures_lists import _HEADING, _headings

    assert list(_headings(text)) == [m.span() for m in _HEADING.finditer(text)]


def _lower_literals_by_character(source: str) -> str | None:
    """The first form of `lower_literals`, one character at a time (the reference)."""
    from extract.figures_literals import _caseless_escape

    out, i = [], 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            size = _caseless_escape(source, i)
            if size is None:
                return None
            out.append(source[i:i + size])
            i += size
        elif source.startswith("(?P<", i):
            close = source.index(">", i)
            out.append(source[i:close + 1])
            i = close + 1
        elif source.startswith("(?", i) and source[i + 2:i + 3].isalpha():
            return None
        else:
            out.append(char.lower())
            i += 1
    return "".join(out)


def test_figures_lower_literals_equals_the_character_loop() -> None:
    """The scan for escapes and groups lowers every source as the character loop did."""
    from extract.figures_literals import lower_literals
    from extract.figures_nouns import _head_source, lexicon
    from extract.figures_refine import cues
    from extract.numbers import _quantity_source
    from extract.numbers_find import lead_regex

    sources = [_quantity_source(), _head_source(), lead_regex().pattern,
               lexicon("figures_names.jsonl")[0].pattern,
               *(cue.pattern for cue in cues().values()),
               r"\\(?:A)\(?B[(?]\x41\x20(?P<Xy>Z)(?:\u00C9)", r"a\\", r"(?i)A", r"(?P=x)"]
    for source in sources:
        assert lower_literals(source) == _lower_literals_by_character(source), source[:80]


def test_figures_guard_read_from_the_source_equals_the_compiled_one() -> None:
    """The first-letter guard is read from the parsed source; it must be the guard read
    from the compiled pattern (the earlier form), for every cue and lexicon entry."""
    from extract.figures_literals import _parsed, _seq_prefixes
    from extract.figures_nouns import guarded
    from extract.figures_refine import rows, spaced

    def compiled_guard(alternation: str) -> str:
        parsed = _parsed(re.compile(alternation, re.IGNORECASE))
        starts = {text for text, _ in _seq_prefixes(parsed)}
        if "" in starts:
            return alternation
        firsts = "".join(re.escape(first) for first in sorted({text[0] for text in starts}))
        return rf"(?=[{firsts}])(?:{alternation})"

    sources = [spaced(row["pattern"]) for name in (
        "figures_cues.jsonl", "figures_heads.jsonl", "figures_names.jsonl") for row in rows(name)]
    assert len(sources) > 50
    for source in sources:
        assert guarded(source) == compiled_guard(source), source[:60]
