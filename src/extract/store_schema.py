"""The SQLite layout of the store: tables, full-text indexes and their triggers, and views.

Every fact table has `id` (stable, from content), `article_id`, `start`/`end` offsets into
`articles.text`, and `sentence` (the sentence the fact came from). The `*_view` views join
each fact with its article's publisher, publication date, title and URL.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

#: Fact tables and their own columns (after id, article_id, start, end, sentence).
FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("name", "date_text", "date", "date_partial", "time", "end_time", "venue_text"),
    "venues": ("text", "name", "locality"),
    "officials": ("name", "honorific", "role", "organisation", "quoted", "aliases"),
    "quotes": ("speaker", "text", "kind"),
    "figures": ("text", "metric", "value", "value_max", "value_from", "unit", "qualifier"),
    "awards": ("award", "ceremony", "recipient", "level", "date_text"),
}

#: Which ArticleRecord list fills each fact table.
RECORD_FIELD = {table: table for table in FACT_COLUMNS}

ARTICLE_COLUMNS = (
    "id", "url", "publisher", "published", "title", "text", "source", "content_sha256",
    "date_order", "warnings", "record_sha256",
)

_TYPES = {"value": "REAL", "value_max": "REAL", "value_from": "REAL", "quoted": "INTEGER"}

_ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, publisher TEXT, published TEXT, title TEXT, text TEXT,
    source TEXT, content_sha256 TEXT, date_order TEXT, warnings TEXT, record_sha256 TEXT
)"""

_PEOPLE = """
CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY, name TEXT, organisation TEXT, roles TEXT,
    first_published TEXT, last_published TEXT, articles INTEGER, mentions INTEGER
);
CREATE TABLE IF NOT EXISTS person_roles (
    person_id TEXT REFERENCES people(id), role TEXT, organisation TEXT,
    first_published TEXT, last_published TEXT, mentions INTEGER,
    PRIMARY KEY (person_id, role)
);
CREATE INDEX IF NOT EXISTS person_roles_role ON person_roles(role);
"""


def _fact_table(table: str) -> str:
    extra = "".join(f", {col} {_TYPES.get(col, 'TEXT')}" for col in FACT_COLUMNS[table])
    person = ", person_id TEXT REFERENCES people(id)" if table in ("officials", "quotes") else ""
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, "
        "article_id TEXT NOT NULL REFERENCES articles(id), "
        f'start INTEGER, "end" INTEGER, sentence TEXT{extra}{person});\n'
        f"CREATE INDEX IF NOT EXISTS {table}_article ON {table}(article_id);\n"
    )


def _fts(table: str, columns: tuple[str, ...]) -> str:
    """An external-content FTS5 index kept in step by triggers (the sqlite-utils layout,
    so Datasette finds it by itself)."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content="{table}");
CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
END;
CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});
END;
"""


_ARTICLE_META = "a.publisher, a.published, substr(a.published, 1, 4) AS year, a.title, a.url"

_VIEWS = f"""
CREATE VIEW IF NOT EXISTS events_view AS
  SELECT e.*, {_ARTICLE_META} FROM events e JOIN articles a ON a.id = e.article_id;
CREATE VIEW IF NOT EXISTS venues_view AS
  SELECT v.*, {_ARTICLE_META} FROM venues v JOIN articles a ON a.id = v.article_id;
CREATE VIEW IF NOT EXISTS officials_view AS
  SELECT o.*, {_ARTICLE_META} FROM officials o JOIN articles a ON a.id = o.article_id;
CREATE VIEW IF NOT EXISTS quotes_view AS
  SELECT q.*, p.name AS person, p.organisation AS person_organisation, {_ARTICLE_META}
  FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id;
CREATE VIEW IF NOT EXISTS figures_view AS
  SELECT f.*, {_ARTICLE_META} FROM figures f JOIN articles a ON a.id = f.article_id;
CREATE VIEW IF NOT EXISTS awards_view AS
  SELECT w.*, {_ARTICLE_META} FROM awards w JOIN articles a ON a.id = w.article_id;
"""


def schema_sql() -> str:
    """The whole schema as one script; every statement is idempotent."""
    parts = [_ARTICLES + ";", _fts("articles", ("title", "text"))]
    parts += [_fact_table(table) for table in FACT_COLUMNS]
    parts += [_fts("quotes", ("text", "speaker")), _PEOPLE, _VIEWS]
    return "\n".join(parts)


#: Tables written by `export`, in order (FTS shadow tables and views are left out).
EXPORT_TABLES = ("articles", *FACT_COLUMNS, "people", "person_roles")
