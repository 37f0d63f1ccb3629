"""Named places: halls, libraries, centres, rooms within buildings."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext
from extract.schema import Venue


@Language.component("council_venues")
def find_venues(doc: Doc) -> Doc:
    doc.spans["venues"] = []
    return doc


def extract_venues(doc: Doc, *, context: ArticleContext) -> list[Venue]:
    return []
