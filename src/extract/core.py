"""One article through the pipeline: context, spaCy, the five extractors, one record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.article import Article, ArticleContext
from extract.awards import extract_awards
from extract.dates import detect_date_order, extract_events
from extract.errors import InputError
from extract.figures import extract_figures
from extract.ingest_text import SURROGATE_WARNING, without_surrogates
from extract.officials import extract_officials, extract_quotes
from extract.pipeline import shared_nlp
from extract.publisher import detect_publisher
from extract.schema import ArticleRecord, ErrorRecord
from extract.venues import extract_venues

DEFAULT_MAX_CHARS = 200_000
_PLAUSIBLE_YEARS = range(1900, 2200)


def build_context(article: Article) -> ArticleContext:
    """What the extractors may know besides the text. Never reads the clock."""
    published = usable_published(article.published)
    reference = None
    if published and len(published) == 10:
        reference = dt.date.fromisoformat(published)
    return ArticleContext(
        article_id=article.id,
        publisher=article.publisher or detect_publisher(article.text),
        published=published,
        reference_date=reference,
        date_order=detect_date_order(article.text, url=article.url),
        url=article.url,
    )


def usable_published(published: str | None) -> str | None:
    """The publication date to resolve dates against, or None for a placeholder.

    Feeds send '0001-01-01' or '9999-12-31' for "no date"; date arithmetic next to the
    ends of the calendar overflows, and no council release is dated there anyway.
    """
    if published and published[:4].isdigit() and int(published[:4]) in _PLAUSIBLE_YEARS:
        return published
    return None


def prepare(article: Article, max_chars: int) -> Article:
    """What the tokenizer can take: no lone surrogates, at most `max_chars` characters."""
    text = without_surrogates(article.text)
    if text is not article.text:
        article = replace(article, text=text, warnings=(*article.warnings, SURROGATE_WARNING))
    return limit_text(article, max_chars)


def limit_text(article: Article, max_chars: int) -> Article:
    """Cut an over-long article at a line or space boundary, with a warning."""
    if len(article.text) <= max_chars:
        return article
    cut = article.text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = article.text.rfind(" ", 0, max_chars)
    if cut < max_chars // 2:
        cut = max_chars
    warning = f"text truncated from {len(article.text)} to {cut} characters"
    return Article(
        id=article.id, text=article.text[:cut], source=article.source, url=article.url,
        title=article.title, published=article.published, publisher=article.publisher,
        warnings=(*article.warnings, warning),
    )


def record_from_doc(
    doc: Doc, article: Article, context: ArticleContext, *, content_sha256: str | None = None
) -> ArticleRecord:
    """`content_sha256` is the hash of the text as read, before `prepare`: resume compares
    it with the input, so a truncated article is not extracted again on every run."""
    return ArticleRecord(
        id=article.id,
        publisher=context.publisher,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
        content_sha256=content_sha256 or article.content_sha256,
        date_order=context.date_order,
        text=article.text,
        events=extract_events(doc, context=context),
        venues=extract_venues(doc, context=context),
        officials=extract_officials(doc, context=context),
        figures=extract_figures(doc, context=context),
        awards=extract_awards(doc, context=context),
        quotes=extract_quotes(doc, context=context),
        warnings=list(article.warnings),
    )


def extract_article(
    article: Article | str,
    *,
    nlp: Language | None = None,
    published: str | None = None,
    publisher: str | None = None,
    article_id: str = "article",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> ArticleRecord:
    """Extract one article (an Article, or plain text with optional metadata)."""
    if isinstance(article, str):
        article = Article(id=article_id, text=article, source="<text>",
                          published=published, publisher=publisher)
    read_sha256 = article.content_sha256
    article = prepare(article, max_chars)
    nlp = nlp or shared_nlp()
    context = build_context(article)
    return record_from_doc(nlp(article.text), article, context, content_sha256=read_sha256)


def extract_stream(
    articles: Iterable[Article | InputError],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[ArticleRecord | ErrorRecord]:
    """Records and errors, in input order, streaming through `nlp.pipe`."""
    nlp = nlp or shared_nlp()

    def prepared() -> Iterator[tuple[str, tuple[Article | InputError, str]]]:
        for item in articles:
            if isinstance(item, InputError):
                yield "", (item, "")
            else:
                ready = prepare(item, max_chars)
                yield ready.text, (ready, item.content_sha256)

    for doc, (item, read_sha256) in nlp.pipe(prepared(), as_tuples=True,
                                             batch_size=batch_size):
        if isinstance(item, InputError):
            yield error_record(item)
            continue
        try:
            yield record_from_doc(doc, item, build_context(item), content_sha256=read_sha256)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            yield ErrorRecord(source=item.source, location=item.id,
                              error=f"ExtractionFailed:{type(exc).__name__}", message=str(exc))


def error_record(error: InputError) -> ErrorRecord:
    return ErrorRecord(source=error.source, location=error.location, error=error.kind,
                       message=error.message)


def extract_corpus(
    inputs: Iterable[str | Path], *, nlp: Language | None = None
) -> Iterator[ArticleRecord | ErrorRecord]:
    """Every record and error for files, folders or globs: for notebooks."""
    from extract.ingest import read_inputs

    yield from extract_stream(read_inputs(inputs), nlp=nlp)
