"""Hand-built ArticleRecords for the store, query and serve tests (no extractor involved).

Offsets are found with str.index on the article text, so every fact slices its text exactly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from extract.schema import ArticleRecord, Award, Event, Figure, Official, Quote, Venue

XSS = "<script>window.__pwned = 1</script>"


def at(text: str, phrase: str, nth: int = 0) -> dict[str, int]:
    """start/end of the nth occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase)}


def record(article_id: str, text: str, *, publisher: str | None, published: str | None,
           title: str | None = None, **facts: list[Any]) -> ArticleRecord:
    return ArticleRecord(
        id=article_id, publisher=publisher, published=published, title=title,
        url=f"https://example.gov.uk/news/{article_id}", source=f"{article_id}.txt",
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, **facts,
    )


A_TEXT = (
    "Northshire County Council will hold a jobs fair at Grange Hall on Saturday 8 June 2019. "
    "Cllr Jane Smith, Cabinet Member for Children’s Services, said: “We need more social "
    "workers.”\n\nAverage caseloads are 18 cases per social worker. The vacancy rate is 12 "
    "percent."
)
B_TEXT = (
    "Leader of the Council Jane Smith welcomed the news. Caseloads fell to 15 cases per "
    "worker. The team won Team of the Year at the Social Worker of the Year Awards.\n\n"
    "“It is a proud day,” said Ms Smith."
)
C_TEXT = (
    "Southshire Council director Jane Smith said recruitment was improving. Caseloads are 22 "
    "per worker and the vacancy rate is 9 percent. The team was shortlisted for Employer of "
    "the Year. A drop-in session is on 3 March 2020 at the Civic Centre."
)
X_TEXT = f"Hostile text {XSS} and <b>bold</b> markup. Robert'); DROP TABLE articles;-- said hi."


def article_a() -> ArticleRecord:
    t = A_TEXT
    return record(
        "nshire-2019-fair", t, publisher="Northshire County Council", published="2019-03-04",
        title="Jobs fair for social workers",
        events=[Event(name="jobs fair", date_text="Saturday 8 June 2019",
                      date="2019-06-08", venue_text="Grange Hall", **at(t, "jobs fair"))],
        venues=[Venue(text="Grange Hall", name="Grange Hall", **at(t, "Grange Hall"))],
        officials=[Official(name="Jane Smith", honorific="Cllr", quoted=True,
                            role="Cabinet Member for Children’s Services",
                            organisation="Northshire County Council", **at(t, "Jane Smith"))],
        quotes=[Quote(speaker="Jane Smith", text="We need more social workers.",
                      **at(t, "We need more social workers."))],
        figures=[
            Figure(text="18 cases per social worker", metric="caseload", value=18,
                   unit="cases per social worker", qualifier="average",
                   **at(t, "18 cases per social worker")),
            Figure(text="vacancy rate is 12 percent", metric="vacancy_rate", value=12,
                   unit="percent", **at(t, "vacancy rate is 12 percent")),
        ],
    )


def article_b() -> ArticleRecord:
    t = B_TEXT
    return record(
        "nshire-2020-award", t, publisher="Northshire County Council", published="2020-05-01",
        title="Award win for children’s team",
        officials=[Official(name="Jane Smith", role="Leader of the Council", quoted=True,
                            organisation="the Northshire County Council",
                            aliases=["Ms Smith"], **at(t, "Jane Smith"))],
        quotes=[Quote(speaker="Ms Smith", text="It is a proud day,",
                      **at(t, "It is a proud day,"))],
        figures=[Figure(text="15 cases per worker", metric="caseload", value=15,
                        value_from=None, qualifier="down", **at(t, "15 cases per worker"))],
        awards=[Award(award="Team of the Year", ceremony="Social Worker of the Year Awards",
                      recipient="The team", level="winner", **at(t, "Team of the Year"))],
    )


def article_c() -> ArticleRecord:
    t = C_TEXT
    return record(
        "sshire-2020-staff", t, publisher="Southshire Council", published="2020-02-10",
        title="Recruitment improving",
        events=[Event(name="drop-in session", date_text="3 March 2020", date="2020-03-03",
                      venue_text="the Civic Centre", **at(t, "drop-in session"))],
        officials=[Official(name="Jane Smith", role="director", organisation=None,
                            **at(t, "Jane Smith"))],
        figures=[
            Figure(text="22 per worker", metric="caseload", value=22, **at(t, "22 per worker")),
            Figure(text="vacancy rate is 9 percent", metric="vacancy_rate", value=9,
                   unit="percent", **at(t, "vacancy rate is 9 percent")),
        ],
        awards=[Award(award="Employer of the Year", recipient="The team", level="shortlisted",
                      **at(t, "Employer of the Year"))],
    )


def article_hostile() -> ArticleRecord:
    t = X_TEXT
    return record(
        "hostile", t, publisher="Eastshire <i>Council</i>", published="2021-01-01",
        title=f"Title {XSS}",
        quotes=[Quote(speaker=None, text=XSS, **at(t, XSS))],
        figures=[Figure(text=XSS, metric="other", value=None, **at(t, XSS))],
    )


def all_records() -> list[ArticleRecord]:
    return [article_a(), article_b(), article_c(), article_hostile()]


def write_records(path: Path, records: list[ArticleRecord]) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path
