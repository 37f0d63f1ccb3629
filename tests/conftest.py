"""Shared fixtures: one pipeline per test session, and helpers to build contexts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext
from extract.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


def make_context(
    published: str | None = None,
    *,
    publisher: str | None = "Northshire County Council",
    date_order: str = "DMY",
) -> ArticleContext:
    reference = dt.date.fromisoformat(published) if published and len(published) == 10 else None
    return ArticleContext(
        article_id="test",
        publisher=publisher,
        published=published,
        reference_date=reference,
        date_order=date_order,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    return nlp
