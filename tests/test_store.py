"""The SQLite store: sentences, stable ids, upserts, transactions, people, export, `run`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.errors import UsageError
from extract.schema import ArticleRecord, Figure
from extract.store import add_records, build_database, connect
from extract.store_export import export_tables
from extract.store_people import person_key
from extract.store_sentences import sentence_around, sentence_spans
from store_fixtures import (
    all_records,
    article_a,
    article_b,
    article_c,
    article_hostile,
    record,
    write_records,
)

FACT_TABLES = ("events", "venues", "officials", "quotes", "figures", "awards")


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        tables = ("articles", "articles_fts", "quotes_fts", "people", "person_roles",
                  *FACT_TABLES)
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- sentences -------------------------------------------------------------------------

SENTENCES = [
    ("One here. Two there.", "Two", "Two there."),
    ("Para one ends\n\nPara two starts", "two", "Para two starts"),
    ("Para one\n  \n\nPara two", "one", "Para one"),
    ("Wow! Next one?", "Next", "Next one?"),
    ("He said: “We grew.” Then left.", "grew", "He said: “We grew.”"),
    ("He said “Go.” “Now?” she asked.", "Now", "“Now?” she asked."),
    ("Fair at (the hall.) Then tea.", "hall", "Fair at (the hall.)"),
    ("Hard wrapped\nline goes on. Next.", "wrapped", "Hard wrapped\nline goes on."),
]
SENTENCE_FALSE_POSITIVES = [  # a stop that must NOT end the sentence
    ("Ask Dr. Jones today. Bye.", "Jones", "Ask Dr. Jones today."),
    ("At No. 10 Main St. Hall today. Bye.", "Hall", "At No. 10 Main St. Hall today."),
    ("Rates rose 5.5 percent. Bye.", "percent", "Rates rose 5.5 percent."),
    ("Many e.g. staff came. Bye.", "staff", "Many e.g. staff came."),
    ("Cllr. Smith spoke. Bye.", "spoke", "Cllr. Smith spoke."),
    ("It was 3 p.m. on Friday here. Bye.", "Friday", "It was 3 p.m. on Friday here."),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), SENTENCES + SENTENCE_FALSE_POSITIVES)
def test_store_sentence_around(text: str, phrase: str, expected: str) -> None:
    start = text.index(phrase)
    assert sentence_around(text, start, start + len(phrase)) == expected


def test_store_sentence_spanning_two_sentences_gives_both() -> None:
    text = "First one. Second one. Third."
    start, end = text.index("one."), text.index("Second") + 6
    assert sentence_around(text, start, end) == "First one. Second one."


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 2), (0, 999)])
def test_store_sentence_bad_offsets_give_empty(start: int, end: int) -> None:
    assert sentence_around("Short text.", start, end) == ""


def test_store_sentence_spans_cover_text_in_order() -> None:
    text = "A b. C d!\n\nE f? G"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["A b.", "C d!", "E f?", "G"]


# --- build, upsert, ids ----------------------------------------------------------------

def test_store_build_twice_never_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = add_records(db, all_records())
    once = counts(db)
    second = add_records(db, all_records())
    assert (first.added, second.added, second.unchanged) == (4, 0, 4)
    assert counts(db) == once
    assert once["articles"] == 4 and once["figures"] == 6 and once["quotes"] == 3
    assert once["articles_fts"] == 4 and once["quotes_fts"] == 3


def test_store_second_batch_adds_without_duplicating(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, [article_a(), article_b()])
    summary = add_records(db, [article_b(), article_c()])
    assert (summary.added, summary.unchanged) == (1, 1)
    whole = tmp_path / "whole.db"
    add_records(whole, [article_a(), article_b(), article_c()])
    assert counts(db) == counts(whole)


def test_store_ids_are_stable_across_databases(tmp_path: Path) -> None:
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    add_records(one, all_records())
    add_records(two, list(reversed(all_records())))
    for table in (*FACT_TABLES, "people"):
        sql = f"SELECT id FROM {table} ORDER BY id"
        assert rows(one, sql) == rows(two, sql)


def test_store_reextracted_article_replaces_its_facts(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    changed = article_a().model_copy(update={"figures": article_a().figures[:1],
                                             "title": "Renamed headline"})
    summary = add_records(db, [changed])
    assert summary.updated == 1
    assert rows(db, "SELECT count(*) FROM figures WHERE article_id = ?", changed.id) == [(1,)]
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert rows(db, match, "renamed") == [(1,)]
    assert rows(db, match, "title:jobs") == [(0,)]
    assert counts(db)["articles"] == 4


def test_store_duplicate_fact_in_one_article_is_kept_once(tmp_path: Path) -> None:
    rec = article_a()
    rec = rec.model_copy(update={"figures": [rec.figures[0], rec.figures[0]]})
    add_records(tmp_path / "c.db", [rec])
    assert counts(tmp_path / "c.db")["figures"] == 1


def test_store_facts_carry_sentence_and_offsets(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, [article_a()])
    text = article_a().text
    for table in FACT_TABLES:
        for start, end, sentence in rows(db, f'SELECT start, "end", sentence FROM {table}'):
            assert isinstance(start, int) and isinstance(end, int)
            assert text[start:end] in str(sentence)
            assert str(sentence) in text


def test_store_views_join_article_metadata(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    got = rows(db, "SELECT publisher, published, year, url FROM figures_view "
                   "WHERE metric = 'caseload' ORDER BY published")
    assert [g[0] for g in got] == ["Northshire County Council", "Southshire Council",
                                  "Northshire County Council"]
    assert got[0][2] == "2019" and str(got[0][3]).startswith("https://")


# --- bad input and crashes -------------------------------------------------------------

def test_store_partial_run_still_builds_a_valid_database(tmp_path: Path) -> None:
    records = write_records(tmp_path / "records.jsonl", all_records())
    with records.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x", "text": 5}\nnot json\n{"id": "torn", "publ')
    db = tmp_path / "c.db"
    summary = build_database([records], db)
    assert summary.added == 4
    assert summary.bad_lines == [f"{records}:5", f"{records}:6", f"{records}:7"]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')") == []


def test_store_failed_build_leaves_old_database(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, [article_a()])
    before = counts(db)

    def exploding() -> list[ArticleRecord]:
        yield article_b()
        yield article_c()
        raise KeyboardInterrupt  # a kill between records

    with pytest.raises(KeyboardInterrupt):
        add_records(db, exploding())
    assert counts(db) == before


def test_store_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UsageError, match="not an SQLite database"):
        add_records(junk, [article_a()])


def test_store_missing_records_file_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such records file"):
        build_database([tmp_path / "nope.jsonl"], tmp_path / "c.db")


def test_store_readonly_connect_needs_existing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such database"):
        connect(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_store_offsets_outside_text_get_empty_sentence(tmp_path: Path) -> None:
    bad = record("bad", "Short.", publisher=None, published=None,
                 figures=[Figure(text="x", metric="other", start=50, end=60)])
    add_records(tmp_path / "c.db", [bad])
    assert rows(tmp_path / "c.db", "SELECT sentence FROM figures") == [("",)]


# --- people ----------------------------------------------------------------------------

MUST_MERGE = [
    (("Jane Smith", "Northshire County Council", None),
     ("Jane Smith", "Northshire County Council", None)),
    (("Jane Smith", "Northshire County Council", None),
     ("jane  SMITH", "the Northshire County Council", None)),
    (("Jane Smith", None, "Northshire County Council"),  # publisher stands in for organisation
     ("Jane Smith", "Northshire County Council", None)),
    (("Siân O’Neill-Hart", "Eastshire Council", None),
     ("Sian O'Neill Hart", "Eastshire Council", None)),
    (("Cllr Jane Smith MBE", "Northshire County Council", None),
     ("Jane Smith", "Northshire County Council", None)),
    (("Tom Lee", "Health & Care Partnership", None),
     ("Tom Lee", "Health and Care Partnership", None)),
]
MUST_NOT_MERGE = [
    (("Jane Smith", "Northshire County Council", None),
     ("Jane Smith", "Southshire Council", None)),
    (("Jane Smith", "Northshire County Council", None),
     ("Jane Smyth", "Northshire County Council", None)),
    (("J. Smith", "Northshire County Council", None),
     ("Jane Smith", "Northshire County Council", None)),
    (("Jane Smith", None, "Northshire County Council"),
     ("Jane Smith", None, "Northshire Borough Council")),
    (("Mark Allen", "Westshire Council", None),
     ("Allen Mark", "Westshire Council", None)),
]


@pytest.mark.parametrize(("one", "two"), MUST_MERGE)
def test_store_people_must_merge(one: tuple[str, str | None, str | None],
                                 two: tuple[str, str | None, str | None]) -> None:
    assert person_key(*one) == person_key(*two)


@pytest.mark.parametrize(("one", "two"), MUST_NOT_MERGE)
def test_store_people_must_not_merge(one: tuple[str, str | None, str | None],
                                     two: tuple[str, str | None, str | None]) -> None:
    assert person_key(*one) != person_key(*two)


def test_store_people_table_roles_and_dates(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    people = rows(db, "SELECT name, organisation, roles, first_published, last_published, "
                      "articles FROM people ORDER BY organisation")
    assert people == [
        ("Jane Smith", "Northshire County Council",
         '["Cabinet Member for Children’s Services", "Leader of the Council"]',
         "2019-03-04", "2020-05-01", 2),
        ("Jane Smith", "Southshire Council", '["director"]', "2020-02-10", "2020-02-10", 1),
    ]
    holders = rows(db, "SELECT r.role, r.first_published FROM person_roles r "
                       "WHERE r.role LIKE '%Leader%'")
    assert holders == [("Leader of the Council", "2020-05-01")]


def test_store_quotes_linked_to_people_through_aliases(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    linked = rows(db, "SELECT q.speaker, p.organisation FROM quotes q "
                      "JOIN people p ON p.id = q.person_id ORDER BY q.speaker")
    assert linked == [("Jane Smith", "Northshire County Council"),
                      ("Ms Smith", "Northshire County Council")]
    assert rows(db, "SELECT person_id FROM quotes WHERE speaker IS NULL") == [(None,)]


def test_store_people_follow_reextraction(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    add_records(db, [article_c().model_copy(update={"officials": []})])
    assert rows(db, "SELECT organisation FROM people") == [("Northshire County Council",)]


# --- export and the CLI ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_store_export_writes_every_table(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "c.db"
    add_records(db, all_records())
    paths = export_tables(db, tmp_path / "out", fmt=fmt)
    assert {p.name for p in paths} == {f"{t}.{fmt}" for t in
                                       ("articles", *FACT_TABLES, "people", "person_roles")}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(tmp_path / "out" / "figures.parquet").num_rows == 6
    else:
        lines = (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")
        assert lines.startswith("id,url,publisher,published,title,text,")


def test_store_cli_db_build_and_export(tmp_path: Path) -> None:
    records = write_records(tmp_path / "records.jsonl", [article_a(), article_hostile()])
    db = tmp_path / "sub" / "c.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["db", "build", str(records), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 articles added" in result.output
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv",
                                 "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0 and (tmp_path / "csv" / "quotes.csv").is_file()


def test_store_cli_build_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "build", str(tmp_path / "no.jsonl"),
                                      "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 2 and "no such records file" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("extra", "db_name"), [([], "council.db"), (["--no-db"], None)])
def test_store_run_builds_database_by_default(tmp_path: Path, extra: list[str],
                                              db_name: str | None) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Northshire County Council will hold a jobs fair.\n",
                                  encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(inputs), "--out", str(out), "--workers", "1",
                                      *extra])
    # Exit 1 would mean the extractors failed on the article: the database must still
    # hold exactly what records.jsonl holds.
    assert result.exit_code in (0, 1), result.output
    assert (out / "council.db").exists() == (db_name is not None)
    if db_name:
        written = (out / "records.jsonl").read_text(encoding="utf-8").count("\n")
        assert rows(out / db_name, "SELECT count(*) FROM articles") == [(written,)]
        assert f"wrote {out / db_name}" in result.output


@pytest.mark.slow
def test_store_killed_build_leaves_old_or_new_database(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "c.db"
    add_records(db, [article_a()])
    many = [article_c().model_copy(update={"id": f"bulk-{n}"}) for n in range(5000)]
    records = write_records(tmp_path / "records.jsonl", many)
    command = [sys.executable, "-m", "extract", "db", "build", str(records), "--db", str(db)]
    journal = db.with_name(db.name + "-journal")
    killed_mid_write = 0
    for _ in range(3):
        build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while build.poll() is None and not journal.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05)  # well inside the transaction: thousands of rows still to go
        killed_mid_write += build.poll() is None
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]
        # The hot journal is rolled back on open: the old database, nothing of the batch.
        assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert killed_mid_write == 3
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert rows(db, "SELECT count(*) FROM articles") == [(5001,)]
