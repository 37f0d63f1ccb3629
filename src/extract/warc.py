"""WARC archives: each HTML response record becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extract.article import Article
from extract.errors import InputError
from extract.html import article_from_html
from extract.ingest_text import decode


def read_warc(path: Path) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    count = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if not str(record.format).startswith("warc"):
                    # warcio reads almost anything as an old-style ARC record.
                    raise ValueError(f"record {count + 1} is not a WARC record")
                if record.rec_type != "response":
                    continue
                if record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    continue
                count += 1
                yield _record_article(record, source)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield InputError("BadWARC", f"cannot read WARC after {count} records: {exc}",
                         source=source, location=f"record {count + 1}")
        return
    if count == 0:
        yield InputError("NoArticles", "the WARC file holds no HTML response records",
                         source=source)


def _record_article(record: object, source: str) -> Article | InputError:
    from extract.ingest import url_id

    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    article_id = url_id(url) if url else record_id.rsplit(":", 1)[-1]
    location = f"record {record_id or article_id}"
    try:
        payload = record.content_stream().read()  # type: ignore[attr-defined]
        html, warnings = decode(payload, source=source, location=location)
        article = article_from_html(html, article_id=article_id, source=f"{source}#{article_id}",
                                    warnings=warnings, url=url, location=location)
    except InputError as exc:
        return exc
    # WARC-Date is the crawl date, not the publication date, so it is not used.
    return article
