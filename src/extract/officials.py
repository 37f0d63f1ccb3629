"""People acting for an organisation, and the words attributed to them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import ArticleContext
from extract.schema import Official, Quote


@Language.component("council_people")
def find_people(doc: Doc) -> Doc:
    doc.spans["people"] = []
    doc.spans["quotes"] = []
    return doc


def extract_officials(doc: Doc, *, context: ArticleContext) -> list[Official]:
    return []


def extract_quotes(doc: Doc, *, context: ArticleContext) -> list[Quote]:
    return []
