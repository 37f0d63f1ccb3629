"""Date and time spans, their normalisation, and events built from them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext, DateOrder
from extract.schema import Event


@Language.component("council_dates")
def find_dates(doc: Doc) -> Doc:
    doc.spans["dates"] = []
    doc.spans["times"] = []
    return doc


def detect_date_order(text: str, *, url: str | None = None) -> DateOrder:
    """Day-first unless the article shows US conventions."""
    return "DMY"


def extract_events(doc: Doc, *, context: ArticleContext) -> list[Event]:
    return []
