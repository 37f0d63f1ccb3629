"""The SQLite store: records.jsonl files in, one queryable database file out.

`build_database` reads ArticleRecord JSONL, and in ONE transaction upserts every article and
replaces its facts, then recomputes `people` (see store_people.py). Ids are hashes of content,
so building twice, or adding an overlapping batch, never duplicates a row; a killed build
leaves the previous database untouched (SQLite's rollback journal).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from extract.errors import UsageError
from extract.schema import ArticleRecord
from extract.store_people import rebuild_people
from extract.store_schema import ARTICLE_COLUMNS, FACT_COLUMNS, SCHEMA_VERSION, schema_sql
from extract.store_sentences import sentence_around, sentence_spans


@dataclass
class BuildSummary:
    """What one build did; `bad_lines` lists 'file:line' of JSONL lines that were skipped."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    people: int = 0
    bad_lines: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = (f"{self.added} articles added, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.people} people")
        if self.bad_lines:
            text += f"; skipped {len(self.bad_lines)} unreadable lines ({self.bad_lines[0]} ...)"
        return text


def fact_id(article_id: str, kind: str, fact: BaseModel) -> str:
    """Stable id of one fact: article id, kind, offsets and every field of the fact."""
    payload = json.dumps(
        [article_id, kind, fact.model_dump(mode="json")], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements (triggers hold ';' inside BEGIN ... END)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""


def connect(db: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the store; a file that is not a council-extract database is a UsageError."""
    path = Path(db)
    if readonly and not path.is_file():
        raise UsageError(f"{path}: no such database; build it with 'council-extract db build'")
    uri = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(uri, uri=readonly, isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise UsageError(f"{path}: not an SQLite database ({exc})") from None
    if version not in (0, SCHEMA_VERSION):
        conn.close()
        raise UsageError(f"{path}: database schema version {version}, expected {SCHEMA_VERSION}")
    return conn


def _ensure_schema(conn: sqlite3.Connection) -> None:
    for statement in _statements(schema_sql()):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _article_row(record: ArticleRecord, digest: str) -> tuple[Any, ...]:
    data = record.model_dump(mode="json")
    data["record_sha256"] = digest
    return tuple(_cell(data[col]) for col in ARTICLE_COLUMNS)


def upsert_record(conn: sqlite3.Connection, record: ArticleRecord) -> str:
    """Insert or replace one article and all its facts: 'added', 'updated' or 'unchanged'."""
    digest = hashlib.sha256(record.model_dump_json().encode("utf-8")).hexdigest()
    old = conn.execute("SELECT record_sha256 FROM articles WHERE id = ?", (record.id,)).fetchone()
    if old and old[0] == digest:
        return "unchanged"
    cols = ", ".join(ARTICLE_COLUMNS)
    updates = ", ".join(f"{col} = excluded.{col}" for col in ARTICLE_COLUMNS[1:])
    conn.execute(
        f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        _article_row(record, digest),
    )
    spans = sentence_spans(record.text)
    for table, columns in FACT_COLUMNS.items():
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (record.id,))
        rows = []
        for fact in getattr(record, table):
            data = fact.model_dump(mode="json")
            sentence = sentence_around(record.text, fact.start, fact.end, spans=spans)
            rows.append((fact_id(record.id, table, fact), record.id, fact.start, fact.end,
                         sentence, *(_cell(data[col]) for col in columns)))
        names = ", ".join(["id", "article_id", "start", '"end"', "sentence", *columns])
        marks = ", ".join("?" * (5 + len(columns)))
        # Two identical facts in one article share an id: keep one.
        conn.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", rows)
    return "updated" if old else "added"


def read_records(
    paths: Iterable[Path], *, bad_lines: list[str]
) -> Iterator[ArticleRecord]:
    """Records from JSONL files; unreadable lines (a torn last line, bad JSON, a record that
    does not validate) are appended to `bad_lines` as 'file:line' and skipped."""
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield ArticleRecord.model_validate_json(line)
                except ValidationError:
                    bad_lines.append(f"{path}:{number}")


def add_records(db: Path | str, records: Iterable[ArticleRecord]) -> BuildSummary:
    """Upsert `records` into the database at `db` (created if missing) in one transaction."""
    summary = BuildSummary()
    conn = connect(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _ensure_schema(conn)
            for record in records:
                outcome = upsert_record(conn, record)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            summary.people = rebuild_people(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.close()
    return summary


def build_database(inputs: Iterable[Path | str], db: Path | str) -> BuildSummary:
    """Build or update the database at `db` from records.jsonl files."""
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: no such records file")
    bad: list[str] = []
    summary = add_records(db, read_records(paths, bad_lines=bad))
    summary.bad_lines = bad
    return summary
