"""In-memory shapes passed between ingestion, the pipeline and the extractors."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

DateOrder = Literal["DMY", "MDY"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from an input, before extraction."""

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What an extractor may know about an article besides its text.

    `reference_date` is the publication date when it is a full date; relative and
    year-less dates resolve against it. It is never the clock.
    """

    article_id: str
    publisher: str | None = None
    published: str | None = None
    reference_date: dt.date | None = None
    date_order: DateOrder = "DMY"
    url: str | None = None
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def published_year(self) -> int | None:
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return None
