"""The output record contract: every model council-extract writes, in one place.

Field names follow the shared record contract; extra fields are additions, never renames.
Offsets (`start`, `end`) are character offsets into `ArticleRecord.text`, so
`text[start:end]` is the record's surface phrase.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Metric = Literal[
    "caseload", "vacancy_rate", "turnover", "staff_count", "agency_staff", "recruits", "other"
]
AwardLevel = Literal[
    "winner", "gold", "silver", "bronze", "highly commended", "shortlisted", "finalist"
]

_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
_PARTIAL = r"^--(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"
_PUBLISHED = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Located(_Record):
    start: int = Field(ge=0, description="Offset of the first character of the mention.")
    end: int = Field(ge=0, description="Offset one past the last character of the mention.")

    @model_validator(mode="after")
    def _ordered(self) -> _Located:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Event(_Located):
    """A scheduled or held gathering with a date: one record per dated session."""

    name: str | None = Field(None, description="What the gathering is, e.g. 'jobs fair'.")
    date_text: str | None = Field(
        None, description="The date phrase exactly as written, without the clock time."
    )
    date: dt.date | None = Field(
        None, description="The resolved calendar date, only when the year is known."
    )
    date_partial: str | None = Field(
        None,
        pattern=_PARTIAL,
        description="'--MM-DD' or '--MM' when the year cannot be resolved, else null.",
    )
    time: str | None = Field(None, pattern=_TIME, description="Start time, 24-hour HH:MM.")
    end_time: str | None = Field(None, pattern=_TIME, description="End time, 24-hour HH:MM.")
    venue_text: str | None = Field(None, description="The venue phrase as written, or null.")


class Venue(_Located):
    """A named place: building, hall, library, centre, room within a building."""

    text: str = Field(description="First mention as written, with attached street/locality.")
    name: str = Field(description="Canonical name of the place, e.g. 'Grange Hall'.")
    locality: str | None = Field(None, description="Town or area when stated, else null.")


class Official(_Located):
    """A person acting for an organisation. Offsets are those of the first mention."""

    name: str = Field(description="Full name without honorifics or post-nominals.")
    honorific: str | None = Field(None, description="Pre-name title as written, e.g. 'Cllr'.")
    role: str | None = Field(None, description="Role as stated, lightly trimmed.")
    organisation: str | None = Field(None, description="The body they act for, if known.")
    quoted: bool = Field(False, description="True when the article gives their words.")
    aliases: list[str] = Field(
        default_factory=list, description="Other forms of the name used in the article."
    )


class Figure(_Located):
    """A caseload or workforce number with what it counts."""

    text: str = Field(description="Shortest phrase holding the number and what it counts.")
    metric: Metric = Field(description="What the number measures.")
    value: float | None = Field(None, description="The headline number; null when vague.")
    value_max: float | None = Field(None, description="Upper end of a range, else null.")
    value_from: float | None = Field(None, description="Earlier value of a change, else null.")
    unit: str | None = Field(None, description="e.g. 'cases per social worker', 'percent'.")
    qualifier: str | None = Field(None, description="e.g. 'average', 'less than', 'down'.")


class Award(_Located):
    """One award category won (or shortlisted) by one recipient."""

    award: str | None = Field(None, description="The category, e.g. 'Team of the Year'.")
    ceremony: str | None = Field(None, description="The awards event, if named.")
    recipient: str = Field(description="The person, team or council.")
    level: AwardLevel | None = Field(None, description="Outcome, when stated.")
    date_text: str | None = Field(None, description="The ceremony's date phrase, if any.")


class Quote(_Located):
    """Words attributed to a person: a direct quote or reported speech."""

    speaker: str | None = Field(None, description="Official's name, as in `officials`.")
    text: str = Field(description="The quoted words, exactly as written.")
    kind: Literal["direct", "reported"] = Field("direct", description="Quote type.")


class ArticleRecord(_Record):
    """Everything extracted from one article."""

    id: str = Field(description="Stable article id: file stem, JSONL id, or URL hash.")
    publisher: str | None = Field(None, description="The council or body issuing the release.")
    published: str | None = Field(
        None, pattern=_PUBLISHED, description="Publication date: YYYY-MM-DD, YYYY-MM or YYYY."
    )
    title: str | None = Field(None, description="Headline, when the input gives one.")
    url: str | None = Field(None, description="Canonical or source URL, when known.")
    source: str = Field(description="Input file, with ':line' or '#record' where relevant.")
    content_sha256: str = Field(description="SHA-256 of `text`, for provenance and resume.")
    date_order: Literal["DMY", "MDY"] = Field(
        "DMY", description="Numeric date order used for this article."
    )
    text: str = Field(description="Article text as ingested; all offsets index into it.")
    events: list[Event] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list, description="Things the reader should know about this record."
    )


class ErrorRecord(_Record):
    """One input that could not be turned into an article record."""

    source: str = Field(description="Input file.")
    location: str | None = Field(None, description="Line number or record id, when relevant.")
    error: str = Field(description="Error type, e.g. 'EmptyInput', 'BadJSON'.")
    message: str = Field(description="What went wrong, in plain words.")
