"""HTML -> Article: main text by trafilatura, publication date by htmldate."""

from __future__ import annotations

from typing import Any

from extract.article import Article
from extract.errors import InputError
from extract.ingest_text import clean_text
from extract.published import normalise_published, published_from_text

# htmldate bounds candidate dates by "today" unless told otherwise; a fixed bound keeps
# results independent of when the run happens.
_HTMLDATE_MAX = "2100-12-31"
_HTMLDATE_MIN = "1995-01-01"


def article_from_html(
    html: str,
    *,
    article_id: str,
    source: str,
    warnings: list[str] | None = None,
    url: str | None = None,
    location: str | None = None,
) -> Article:
    import trafilatura

    warnings = list(warnings or [])
    if "<" not in html:
        raise InputError("BadHTML", "no HTML markup found", source=source, location=location)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, output_format="python",
        )
    except Exception as exc:
        raise InputError("BadHTML", f"could not parse HTML: {exc}", source=source,
                         location=location) from exc
    text = clean_text(_field(doc, "text") or "")
    if not text.strip():
        raise InputError("NoMainText", "the HTML has no main text to extract", source=source,
                         location=location)
    published = _html_date(html, url) or published_from_text(text, url=url)
    return Article(
        id=article_id,
        text=text,
        source=source,
        url=url or _field(doc, "url"),
        title=_field(doc, "title"),
        published=published,
        warnings=tuple(warnings),
    )


def _field(doc: Any, name: str) -> str | None:
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return str(value).strip() or None if value else None


def _html_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(
            html, url=url, original_date=True, extensive_search=False,
            min_date=_HTMLDATE_MIN, max_date=_HTMLDATE_MAX,
        )
    except Exception:  # noqa: BLE001 - a failed date guess must not lose the article
        return None
    return normalise_published(found) if found else None
