"""`council-extract query`: common questions, formats, and hostile input through the CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from extract.cli import cli
from extract.errors import UsageError
from extract.query import date_range, fts_phrase, like
from extract.store import add_records
from store_fixtures import XSS, all_records


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "council.db"
    add_records(path, all_records())
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["query", *args[:1], "--db", str(db), *args[1:]])


def as_json(db: Path, *args: str) -> list[dict[str, object]]:
    result = run(db, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)
    return rows


def fingerprint(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        names = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        sizes = [conn.execute(f"SELECT count(*) FROM [{n[1]}]").fetchone()
                 for n in names if n[0] in ("table", "view")]
        return [*names, *sizes]
    finally:
        conn.close()


# --- the common questions --------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    (("--since", "2019", "--until", "2019"), ["jobs fair"]),
    (("--since", "2020-03-01"), ["drop-in session"]),
    (("--until", "2020-03"), ["jobs fair", "drop-in session"]),
    (("--council", "southshire"), ["drop-in session"]),
    (("--text", "Grange"), ["jobs fair"]),
    (("--since", "2022"), []),
])
def test_query_events(db: Path, args: tuple[str, ...], expected: list[str]) -> None:
    assert [r["name"] for r in as_json(db, "events", *args)] == expected


def test_query_officials_merged_with_roles(db: Path) -> None:
    got = as_json(db, "officials", "--name", "smith", "--council", "northshire")
    assert len(got) == 1
    assert got[0]["first_published"] == "2019-03-04" and got[0]["quotes"] == 2
    assert "Leader of the Council" in json.loads(str(got[0]["roles"]))


def test_query_officials_quotes(db: Path) -> None:
    got = as_json(db, "officials", "--name", "Jane", "--quotes")
    assert [r["quote"] for r in got] == ["We need more social workers.", "It is a proud day,"]


def test_query_figures_series_over_time(db: Path) -> None:
    got = as_json(db, "figures", "--metric", "caseload")
    assert [(r["published"], r["value"]) for r in got] == [
        ("2019-03-04", 18.0), ("2020-02-10", 22.0), ("2020-05-01", 15.0)]
    north = as_json(db, "figures", "--metric", "caseload", "--council", "Northshire")
    assert [r["value"] for r in north] == [18.0, 15.0]


@pytest.mark.parametrize(("args", "expected"), [
    (("--level", "winner"), ["Team of the Year"]),
    (("--year", "2020"), ["Employer of the Year", "Team of the Year"]),
    (("--year", "2019"), []),
])
def test_query_awards(db: Path, args: tuple[str, ...], expected: list[str]) -> None:
    assert [r["award"] for r in as_json(db, "awards", *args)] == expected


def test_query_search_articles_and_quotes(db: Path) -> None:
    got = as_json(db, "search", "social workers")
    assert {(r["kind"], r["article_id"]) for r in got} == {
        ("article", "nshire-2019-fair"), ("quote", "nshire-2019-fair")}
    assert as_json(db, "search", "proud")[0]["kind"] in ("article", "quote")


def test_query_search_raw_fts_syntax(db: Path) -> None:
    got = as_json(db, "search", "--raw", "caseloads NOT southshire")
    assert {r["article_id"] for r in got} == {"nshire-2019-fair", "nshire-2020-award"}


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_query_formats(db: Path, fmt: str) -> None:
    result = run(db, "figures", "--metric", "vacancy_rate", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(result.output)) == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.output)))) == 2
    else:
        lines = result.output.splitlines()
        assert lines[0].split()[:3] == ["published", "publisher", "metric"]
        assert len(lines) == 4


def test_query_table_flattens_newlines(db: Path) -> None:
    result = run(db, "events", "--format", "table")
    assert all(len(line) < 400 for line in result.output.splitlines())


def test_query_empty_result_is_not_an_error(db: Path) -> None:
    result = run(db, "awards", "--level", "bronze")
    assert result.exit_code == 0 and "(no rows)" in result.output


# --- hostile input ---------------------------------------------------------------------

HOSTILE = [
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "Robert'); DROP TABLE articles;--",
    "NEAR(social workers",
    "social AND OR NOT",
    "\"unbalanced",
    "col:umn*",
    "^start",
    "*",
    "%",
    "_",
    "\\",
    "1 UNION SELECT sql FROM sqlite_master",
    XSS,
    "\x00null",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_query_hostile_text_is_harmless(db: Path, text: str) -> None:
    before = fingerprint(db)
    for args in (("search", text), ("events", "--text", text), ("events", "--council", text),
                 ("officials", "--name", text), ("officials", "--quotes", "--council", text),
                 ("figures", "--metric", text), ("awards", "--level", text)):
        result = run(db, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
    assert fingerprint(db) == before


@pytest.mark.parametrize("text", ["%", "_", "\\"])
def test_query_like_wildcards_are_literal(db: Path, text: str) -> None:
    assert as_json(db, "events", "--council", text) == []


def test_query_search_finds_hostile_text_as_text(db: Path) -> None:
    got = as_json(db, "search", "DROP TABLE articles")
    assert [r["article_id"] for r in got] == ["hostile"]


@pytest.mark.parametrize("query", ["NEAR(", "social AND", "\"open", "a OR OR b", "col:x"])
def test_query_raw_fts_errors_exit_2(db: Path, query: str) -> None:
    result = run(db, "search", "--raw", query)
    assert result.exit_code == 2, result.output
    assert "bad search query" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (("--since", "2021", "--until", "2019"), "empty date range"),
    (("--since", "99999"), "bad date"),
    (("--since", "0001"), "outside"),
    (("--until", "3000-01-01"), "outside"),
    (("--since", "2019-13"), "no such date"),
    (("--since", "2019-02-30"), "no such date"),
    (("--since", "yesterday"), "bad date"),
    (("--since", "2019-1-1"), "bad date"),
])
def test_query_absurd_dates_exit_2(db: Path, args: tuple[str, ...], message: str) -> None:
    for command in ("events", "figures"):
        result = run(db, command, *args)
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output


def test_query_empty_search_exit_2(db: Path) -> None:
    result = run(db, "search", "   ")
    assert result.exit_code == 2 and "empty" in result.output


def test_query_missing_database_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "events")
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_query_database_without_tables_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    result = run(empty, "figures")
    assert result.exit_code == 2 and "build it again" in result.output


# --- helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("since", "until", "expected"), [
    ("2019", "2019", ("2019-01-01", "2019-12-31")),
    ("2019-02", "2019-02", ("2019-02-01", "2019-02-28")),
    ("2020-02", "2020-02", ("2020-02-01", "2020-02-29")),
    ("2020-12", "2020-12", ("2020-12-01", "2020-12-31")),
    ("2019-06-30", None, ("2019-06-30", None)),
    (None, None, (None, None)),
])
def test_query_date_range_bounds(since: str | None, until: str | None,
                                 expected: tuple[str | None, str | None]) -> None:
    span = date_range(since, until)
    assert (span.since, span.until) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("social workers", '"social" "workers"'),
    ('say "hi"', '"say" """hi"""'),
    ("NEAR(a b)", '"NEAR(a" "b)"'),
])
def test_query_fts_phrase_quotes_every_word(text: str, expected: str) -> None:
    assert fts_phrase(text) == expected


def test_query_fts_phrase_rejects_empty() -> None:
    with pytest.raises(UsageError):
        fts_phrase(" \t ")


def test_query_like_escapes_wildcards() -> None:
    assert like("50%_a\\b") == "%50\\%\\_a\\\\b%"
