"""Write a synthetic corpus of council news articles for the benchmark and the crash test.

Articles are assembled from paragraph templates (events with dates, times and venues,
officials with quotes, workforce figures, awards) filled from small word lists (or,
with --vocabulary varied, from the larger made-up pools of bench/vocabulary.py) with a
seeded random generator, so the same options always give the same corpus.
About a third are hard-wrapped at 78 columns like many press-release feeds.

    python bench/make_corpus.py --n 10000 --out bench/corpus.jsonl
    python bench/make_corpus.py --n 200 --out /tmp/corpus --format txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # also when loaded from its file path
from vocabulary import Words, varied_words

PLACES = (
    "Northshire", "Eastbrook", "Kelham", "Redmoor", "Ashcombe", "Brackley Vale", "Dunmere",
    "Holloway", "Carrick Bay", "Westfield", "Ormsby", "Fenwick", "Glenmore", "Marlow Heath",
)
BODIES = ("County Council", "City Council", "Borough Council", "District Council", "Council")
FIRST = (
    "Sarah", "James", "Aoife", "Mohammed", "Priya", "David", "Claire", "Tomás", "Helen",
    "Rajesh", "Emma", "Liam", "Grace", "Owen", "Fiona", "Daniel", "Nadia", "Peter",
)
LAST = (
    "Whitfield", "O'Connor", "Patel", "Hughes", "McAllister", "Okafor", "Bennett", "Doyle",
    "Kowalski", "Thornton", "Ahmed", "Fitzgerald", "Marsh", "Lindqvist", "Evans", "Quinn",
)
ROLES = (
    "cabinet member for adult social care", "leader of the council", "chief executive",
    "director of children's services", "cabinet member for jobs and skills",
    "head of human resources", "deputy leader", "strategic director of place",
)
TITLES = ("Cllr", "Councillor", "Mayor", "")
VENUES = (
    "the Town Hall", "Grange Hall", "the Civic Centre", "Riverside House", "the Corn Exchange",
    "the Central Library", "St Mary's Community Centre", "the Assembly Rooms",
    "Victoria Leisure Centre", "the Guildhall",
)
STREETS = ("High Street", "Market Place", "Station Road", "Church Lane", "Bridge Street")
EVENTS = (
    "a jobs fair", "a recruitment open day", "a careers evening", "a drop-in information session",
    "an apprenticeship showcase", "a social care recruitment event", "a teaching jobs fair",
)
SECTORS = (
    "social workers", "care assistants", "teachers", "bin crew drivers", "planning officers",
    "library assistants", "environmental health officers", "apprentices",
)
AWARDS = (
    "Employer of the Year", "Best Apprenticeship Scheme", "Public Service Team of the Year",
    "Innovation in Social Care", "Workplace Wellbeing Award",
)
AWARD_BODIES = (
    "the Local Government Chronicle Awards", "the Municipal Journal Achievement Awards",
    "the regional Skills Awards", "the National Social Care Awards",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
FILLER = (
    "The council has invested in training and development, with a new career pathway that "
    "lets staff progress from entry-level posts to senior practitioner roles.",
    "Residents can find out more about working for the council online, where every current "
    "vacancy is listed with its salary range and closing date.",
    "Flexible working, a generous pension scheme and paid professional registration are among "
    "the benefits on offer, the council said.",
    "Over the last year the service has reduced its reliance on agency staff and improved "
    "retention across every team.",
    "Feedback from previous events showed that many visitors were looking for part-time work "
    "that fits around school hours and caring responsibilities.",
    "Partners from the local college and the jobcentre will also be on hand to give advice on "
    "qualifications, funding and interview preparation.",
)

TEMPLATE_WORDS = Words(places=PLACES, first=FIRST, last=LAST, venues=VENUES, streets=STREETS)


def _person(rng: random.Random, words: Words) -> tuple[str, str]:
    title = rng.choice(TITLES)
    name = f"{rng.choice(words.first)} {rng.choice(words.last)}"
    return (f"{title} {name}".strip(), rng.choice(ROLES))


def _date_text(rng: random.Random, day: dt.date, *, us: bool) -> str:
    weekday = WEEKDAYS[day.weekday()]
    month = MONTHS[day.month - 1]
    if us:
        return f"{weekday}, {month} {day.day}"
    return rng.choice((f"{weekday} {day.day} {month}", f"{weekday}, {day.day} {month}",
                       f"{day.day} {month} {day.year}"))


def _ampm(hour: int) -> str:
    return f"{hour if hour <= 12 else hour - 12}{'am' if hour < 12 else 'pm'}"


def _time_text(rng: random.Random) -> str:
    start = rng.randint(9, 17)
    end = start + rng.randint(2, 4)
    return rng.choice((f"from {_ampm(start)} to {_ampm(end)}", f"between {start}:00 and {end}:30",
                       f"at {_ampm(start)}"))


def _event(rng: random.Random, council: str, published: dt.date, words: Words, *,
           us: bool) -> str:
    day = published + dt.timedelta(days=rng.randint(3, 60))
    venue = rng.choice(words.venues)
    street = f", {rng.randint(1, 120)} {rng.choice(words.streets)}" if rng.random() < 0.4 else ""
    return (f"{council} will hold {rng.choice(EVENTS)} at {venue}{street} on "
            f"{_date_text(rng, day, us=us)} {_time_text(rng)}. Anyone interested in working "
            f"as one of the council's {rng.choice(SECTORS)} is welcome to drop in.")


def _quote(rng: random.Random, place: str, words: Words) -> str:
    name, role = _person(rng, words)
    said = rng.choice(("said", "added", "explained"))
    return (f"{name}, {role}, {said}: “We want people from {place} to build their careers "
            f"here. There has never been a better time to join us, and our teams are ready "
            f"to welcome new colleagues.”")


def _figures(rng: random.Random) -> str:
    staff = rng.randint(800, 12000)
    vacancies = rng.randint(12, 240)
    sector = rng.choice(SECTORS)
    return (f"The council employs about {staff:,} people and currently has {vacancies} "
            f"vacancies for {sector}, {rng.randint(2, 30)} of them in management roles. "
            f"Last year {rng.randint(20, 90)} per cent of new starters came through its "
            f"own training schemes.")


def _award(rng: random.Random, council: str, published: dt.date) -> str:
    when = MONTHS[(published.month - 2) % 12]
    return (f"Earlier this year the council's {rng.choice(SECTORS)} team won "
            f"{rng.choice(AWARDS)} at {rng.choice(AWARD_BODIES)}, held in {when}. "
            f"{council} was also shortlisted for {rng.choice(AWARDS)}.")


def make_article(index: int, rng: random.Random, words: Words | None = None) -> dict[str, str]:
    words = words or TEMPLATE_WORDS
    place = rng.choice(words.places)
    council = f"{place} {rng.choice(BODIES)}"
    published = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
    us = rng.random() < 0.15
    parts = [_event(rng, council, published, words, us=us), rng.choice(FILLER),
             _quote(rng, place, words)]
    parts += rng.sample(FILLER, k=rng.randint(1, 3))
    if rng.random() < 0.7:
        parts.append(_figures(rng))
    if rng.random() < 0.35:
        parts.append(_award(rng, council, published))
    if rng.random() < 0.5:
        parts.append(_quote(rng, place, words))
    if words.local is not None:
        parts[2:2] = words.local(rng, place)
    title = f"{council} to hold {rng.choice(EVENTS)[2:].strip()} for {rng.choice(SECTORS)}"
    if rng.random() < 0.33:
        parts = ["\n".join(textwrap.wrap(p, 78)) for p in parts]
    return {
        "id": f"syn{index:07d}",
        "title": title,
        "published": published.isoformat(),
        "text": title + "\n\n" + "\n\n".join(parts) + "\n",
    }


def articles(n: int, *, seed: int = 8, vocabulary: str = "templates"
             ) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    words = TEMPLATE_WORDS if vocabulary == "templates" else varied_words(seed)
    for index in range(n):
        yield make_article(index, rng, words)


def write_corpus(out: Path, *, n: int, seed: int = 8, fmt: str = "jsonl",
                 vocabulary: str = "templates") -> Path:
    if fmt == "txt":
        out.mkdir(parents=True, exist_ok=True)
        for item in articles(n, seed=seed, vocabulary=vocabulary):
            (out / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for item in articles(n, seed=seed, vocabulary=vocabulary):
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=Path("bench/results/corpus.jsonl"))
    parser.add_argument("--format", choices=("jsonl", "txt"), default="jsonl",
                        help="one JSONL file, or a folder of .txt files")
    parser.add_argument("--vocabulary", choices=("templates", "varied"), default="templates",
                        help="templates: the small fixed word lists (every word soon in the "
                        "tokenizer's cache); varied: thousands of made-up places, surnames, "
                        "venues and streets, contact lines and local-news sentences, for a "
                        "share of new words per article nearer real text")
    args = parser.parse_args()
    write_corpus(args.out, n=args.n, seed=args.seed, fmt=args.format, vocabulary=args.vocabulary)


if __name__ == "__main__":
    main()
