"""Turn input paths (files, folders, globs) into Articles, or InputErrors naming the input.

Every reader yields `Article | InputError`: a bad file or line never stops the batch.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extract.article import Article
from extract.errors import InputError, UsageError
from extract.html import article_from_html
from extract.ingest_text import SURROGATE_WARNING, clean_text, decode, without_surrogates
from extract.published import normalise_published, published_from_text

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
MAX_FILE_BYTES = 64 * 1024 * 1024
ReadResult = Article | InputError


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files, folders (recursively, supported formats only) and globs, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file() and _supported(p)))
        elif path.exists():
            paths.append(path)
        else:
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                raise UsageError(f"no such file, folder or glob match: {item}")
            paths.extend(Path(m) for m in matches if Path(m).is_file())
    seen: set[Path] = set()
    unique = []
    for path in paths:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


def _supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED) and not path.name.startswith(".")


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Every article (or error) from every input, in order; duplicate ids become errors."""
    seen_ids: set[str] = set()
    for path in expand_inputs(inputs):
        for item in read_path(path):
            if isinstance(item, Article):
                if item.id in seen_ids:
                    yield InputError(
                        "DuplicateId",
                        f"article id {item.id!r} was already read from an earlier input",
                        source=item.source,
                    )
                    continue
                seen_ids.add(item.id)
            yield item


def read_path(path: Path) -> Iterator[ReadResult]:
    name = path.name.lower()
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputError("Unreadable", str(exc), source=source)
        return
    if size == 0:
        yield InputError("EmptyInput", "the file is empty", source=source)
        return
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    elif name.endswith(WARC_SUFFIXES):
        from extract.warc import read_warc

        yield from read_warc(path)
    elif size > MAX_FILE_BYTES:
        yield InputError(
            "TooLarge", f"{size} bytes is over the {MAX_FILE_BYTES}-byte limit", source=source
        )
    elif name.endswith(HTML_SUFFIXES):
        yield _guard(source, lambda: _read_html(path))
    elif name.endswith(TEXT_SUFFIXES):
        yield _guard(source, lambda: _read_text(path))
    else:
        yield InputError(
            "UnsupportedFormat",
            f"unknown file type; supported: {', '.join(SUPPORTED)}",
            source=source,
        )


def _guard(source: str, read: Any) -> ReadResult:
    try:
        result: ReadResult = read()
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError("Unreadable", str(exc), source=source)
    return result


def _read_text(path: Path) -> Article:
    source = str(path)
    text, warnings = decode(path.read_bytes(), source=source)
    text = clean_text(text)
    if not text.strip():
        raise InputError("EmptyInput", "the file holds only white space", source=source)
    return Article(
        id=_stem(path),
        text=text,
        source=source,
        published=published_from_text(text),
        warnings=tuple(warnings),
    )


def _read_html(path: Path) -> Article:
    source = str(path)
    html, warnings = decode(path.read_bytes(), source=source)
    return article_from_html(html, article_id=_stem(path), source=source, warnings=warnings)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(SUPPORTED, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_jsonl(path: Path) -> Iterator[ReadResult]:
    source = str(path)
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _guard(source, lambda raw=raw, n=number: _jsonl_article(raw, source, n))
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield InputError(
            "TruncatedGzip",
            f"compressed stream ends or breaks after line {number}: {exc}",
            source=source,
            location=f"line {number + 1}",
        )
    except OSError as exc:
        yield InputError("Unreadable", str(exc), source=source, location=f"line {number + 1}")


def _jsonl_article(raw: bytes, source: str, number: int) -> Article:
    location = f"line {number}"
    line, warnings = decode(raw, source=source, location=location)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            "BadJSON", f"not valid JSON: {exc}", source=source, location=location
        ) from None
    if not isinstance(obj, dict):
        raise InputError(
            "NotAnObject", f"expected a JSON object, got {type(obj).__name__}", source=source,
            location=location,
        )
    clean = {key: without_surrogates(value) if isinstance(value, str) else value
             for key, value in obj.items()}
    if clean != obj:
        warnings.append(SURROGATE_WARNING)
    return article_from_mapping(clean, source=source, location=location, warnings=warnings)


def article_from_mapping(
    obj: dict[str, Any],
    *,
    source: str,
    location: str | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """A JSONL-style object -> Article. Requires `id` (or `url`) and `text` or `html`."""
    warnings = list(warnings or [])
    url = _optional_str(obj.get("url"))
    raw_id = obj.get("id")
    if raw_id is None or str(raw_id).strip() == "":
        if not url:
            raise InputError("MissingField", "no 'id' (and no 'url' to derive one)",
                             source=source, location=location)
        raw_id = url_id(url)
    article_id = str(raw_id).strip()
    where = f"{source}#{article_id}"
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError("MissingField", "needs a string 'text' or 'html'",
                         source=source, location=location)
    published = normalise_published(obj.get("published"))
    if obj.get("published") not in (None, "") and published is None:
        warnings.append(f"unreadable 'published' value {obj.get('published')!r} ignored")
    if isinstance(text, str):
        text = clean_text(text)
        if not text.strip():
            raise InputError("EmptyInput", "'text' is empty", source=source, location=location)
        return Article(
            id=article_id, text=text, source=where, url=url,
            title=_optional_str(obj.get("title")),
            published=published or published_from_text(text, url=url),
            publisher=_optional_str(obj.get("publisher")), warnings=tuple(warnings),
        )
    assert isinstance(html, str)
    article = article_from_html(
        html, article_id=article_id, source=where, warnings=warnings, url=url,
        location=location,
    )
    return Article(
        id=article.id, text=article.text, source=where, url=url or article.url,
        title=_optional_str(obj.get("title")) or article.title,
        published=published or article.published,
        publisher=_optional_str(obj.get("publisher")), warnings=article.warnings,
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def url_id(url: str) -> str:
    """A stable id for an article known only by its URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
