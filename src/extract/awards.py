"""Awards won, shortlisted or commended: one record per (category, recipient)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext
from extract.schema import Award


@Language.component("council_awards")
def find_awards(doc: Doc) -> Doc:
    doc.spans["awards"] = []
    return doc


def extract_awards(doc: Doc, *, context: ArticleContext) -> list[Award]:
    return []
