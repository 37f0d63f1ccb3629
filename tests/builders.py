"""Builders for test inputs in every format the readers accept."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

ARTICLE_HTML = """<!doctype html>
<html><head><title>{title}</title>
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>Sign up to our newsletter. Cookie settings.</footer>
</body></html>
"""


def article_html(title: str, paragraphs: list[str], *, published: str = "2019-03-14",
                 url: str = "https://www.northshire.gov.uk/news/fair") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return ARTICLE_HTML.format(title=title, published=published, url=url, paragraphs=body)


def write_jsonl(path: Path, rows: list[Any], *, gz: bool = False) -> Path:
    data = "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows)
    if gz:
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def warc_bytes(pages: list[tuple[str, str]], *, content_type: str = "text/html") -> bytes:
    """A gzipped WARC holding one response record per (url, html) pair."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", f"{content_type}; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()
