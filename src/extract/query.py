"""Common questions of the store, answered without SQL. Every value is a bound parameter.

User text for full-text search is turned into a safe FTS5 query by `fts_phrase` (each word
quoted, so FTS operators and SQL fragments are just words); `raw=True` passes FTS5 syntax
through, and a syntax error becomes a UsageError (exit 2), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from extract.errors import UsageError

Row = dict[str, Any]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEARS = (1900, 2100)
_META = "publisher, published, title, url"


@dataclass(frozen=True)
class DateRange:
    """Inclusive ISO bounds; either may be None."""

    since: str | None = None
    until: str | None = None


def _parse_bound(text: str, *, upper: bool) -> str:
    """'2019' / '2019-06' / '2019-06-30' -> the first (or last, when `upper`) day it covers."""
    found = _DATE.match(text.strip())
    if not found:
        raise UsageError(f"bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(found[1]), int(found[2] or 0), int(found[3] or 0)
    if not _YEARS[0] <= year <= _YEARS[1]:
        raise UsageError(f"date {text!r} is outside {_YEARS[0]}-{_YEARS[1]}")
    try:
        if day:
            return dt.date(year, month, day).isoformat()
        first = dt.date(year, month or 1, 1)
    except ValueError:
        raise UsageError(f"no such date: {text!r}") from None
    if not upper:
        return first.isoformat()
    if not month:
        return dt.date(year, 12, 31).isoformat()
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


def date_range(since: str | None, until: str | None) -> DateRange:
    """Validate a user's date range; an inverted range is a UsageError."""
    low = _parse_bound(since, upper=False) if since else None
    high = _parse_bound(until, upper=True) if until else None
    if low and high and low > high:
        raise UsageError(f"empty date range: --since {since} is after --until {until}")
    return DateRange(low, high)


def fts_phrase(text: str) -> str:
    """User words -> an FTS5 query that matches all of them, with no operators or syntax."""
    # FTS5 reads NUL as the end of the query string, so it cannot be part of a word.
    words = [word.replace('"', '""') for word in text.replace("\x00", " ").split()]
    if not words:
        raise UsageError("search text is empty")
    return " ".join(f'"{word}"' for word in words)


def like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere (wildcards in `text` are literal)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Where:
    """Collects WHERE clauses and their parameters."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def contains(self, column: str, text: str | None) -> None:
        if text:
            self.add(f"{column} LIKE ? ESCAPE '\\'", like(text))

    def dates(self, column: str, span: DateRange) -> None:
        if span.since:
            self.add(f"{column} >= ?", span.since)
        if span.until:
            # Partial dates ('2019-06') sort before '2019-06-30', so compare on a prefix.
            self.add(f"substr({column}, 1, 10) <= ?", span.until)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _run(conn: sqlite3.Connection, sql: str, params: list[Any], *,
         fts: bool = False) -> list[Row]:
    """Run one query; with `fts`, any other SQLite error is the user's FTS syntax."""
    try:
        cursor = conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise UsageError(f"the database has {exc}: build it again") from None
        if fts:
            raise UsageError(f"bad search query: {exc}") from None
        raise
    names = [col[0] for col in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def events(conn: sqlite3.Connection, *, span: DateRange = DateRange(), council: str | None = None,
           text: str | None = None, limit: int = 100) -> list[Row]:
    """Events by event date range, council (publisher) and words in name, venue or sentence."""
    where = _Where()
    where.dates("date", span)
    where.contains("publisher", council)
    if text:
        where.add("(name LIKE ? ESCAPE '\\' OR venue_text LIKE ? ESCAPE '\\' "
                  "OR sentence LIKE ? ESCAPE '\\')", *[like(text)] * 3)
    return _run(conn, "SELECT date, time, name, venue_text, date_text, publisher, published, "
                f"url, sentence FROM events_view{where.sql()} "
                "ORDER BY date IS NULL, date, published LIMIT ?", [*where.params, limit])


def officials(conn: sqlite3.Connection, *, name: str | None = None, council: str | None = None,
              limit: int = 100) -> list[Row]:
    """People (merged across articles) by name and organisation, with every role seen."""
    where = _Where()
    where.contains("name", name)
    where.contains("organisation", council)
    return _run(conn, "SELECT id, name, organisation, roles, first_published, last_published, "
                "articles, (SELECT count(*) FROM quotes q WHERE q.person_id = people.id) AS quotes"
                f" FROM people{where.sql()} ORDER BY name, organisation LIMIT ?",
                [*where.params, limit])


def quotes(conn: sqlite3.Connection, *, name: str | None = None, council: str | None = None,
           span: DateRange = DateRange(), limit: int = 100) -> list[Row]:
    """Quotes by speaker (person name), council and publication date."""
    where = _Where()
    where.contains("coalesce(person, speaker)", name)
    where.contains("coalesce(person_organisation, publisher)", council)
    where.dates("published", span)
    return _run(conn, "SELECT published, coalesce(person, speaker) AS speaker, "
                "person_organisation AS organisation, text AS quote, publisher, url "
                f"FROM quotes_view{where.sql()} ORDER BY published, article_id, start LIMIT ?",
                [*where.params, limit])


def figures(conn: sqlite3.Connection, *, metric: str | None = None, council: str | None = None,
            span: DateRange = DateRange(), limit: int = 1000) -> list[Row]:
    """Figures by metric and council, oldest publication first: a series over time."""
    where = _Where()
    if metric:
        where.add("metric = ?", metric)
    where.contains("publisher", council)
    where.dates("published", span)
    return _run(conn, "SELECT published, publisher, metric, value, value_max, value_from, "
                f"unit, qualifier, text, url FROM figures_view{where.sql()} "
                "ORDER BY published, publisher LIMIT ?", [*where.params, limit])


def awards(conn: sqlite3.Connection, *, level: str | None = None, year: int | None = None,
           council: str | None = None, limit: int = 100) -> list[Row]:
    """Awards by level (winner, shortlisted ...), publication year and council."""
    where = _Where()
    if level:
        where.add("level = ?", level)
    if year is not None:
        where.add("year = ?", str(year))
    where.contains("publisher", council)
    return _run(conn, "SELECT year, level, award, ceremony, recipient, publisher, published, url"
                f" FROM awards_view{where.sql()} ORDER BY published, award LIMIT ?",
                [*where.params, limit])


def search(conn: sqlite3.Connection, text: str, *, raw: bool = False,
           limit: int = 50) -> list[Row]:
    """Full-text search over article titles and text and over quotes, best match first."""
    match = text if raw else fts_phrase(text)
    if not match.strip():
        raise UsageError("search text is empty")
    sql = (
        "SELECT * FROM ("
        "SELECT 'article' AS kind, a.id AS article_id, a.published, a.publisher, a.title, "
        "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet, a.url, "
        "bm25(articles_fts) AS score FROM articles_fts JOIN articles a ON a.rowid = "
        "articles_fts.rowid WHERE articles_fts MATCH ? "
        "UNION ALL "
        "SELECT 'quote', q.article_id, a.published, a.publisher, a.title, "
        "snippet(quotes_fts, 0, '[', ']', ' … ', 12), a.url, bm25(quotes_fts) "
        "FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
        "JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ?"
        ") ORDER BY score LIMIT ?"
    )
    rows = _run(conn, sql, [match, match, limit], fts=True)
    for row in rows:
        row.pop("score")
    return rows
