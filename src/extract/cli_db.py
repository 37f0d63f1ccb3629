"""Commands of the query layer: db build, query ..., serve, export (registered in cli.py)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from extract.errors import UsageError

DEFAULT_DB = "output/council.db"

_db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True,
    type=click.Path(dir_okay=False), help="The SQLite database.",
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True, help="Output format.",
)
_limit_option = click.option("--limit", type=click.IntRange(min=1), default=100,
                             show_default=True, help="At most this many rows.")
_council_option = click.option("--council", default=None,
                               help="Part of the council (publisher / organisation) name.")


@click.group()
def db() -> None:
    """Build the SQLite database from records.jsonl files."""


@db.command("build")
@click.argument("records", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_db_option
def db_build(records: tuple[str, ...], db_path: str) -> None:
    """Add or update the articles of RECORDS (records.jsonl files) in --db.

    Runs in one transaction; building twice never duplicates a row, and a re-extracted
    article replaces its old facts.
    """
    from extract.store import build_database

    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    summary = build_database([Path(r) for r in records], Path(db_path))
    click.echo(f"{db_path}: {summary.describe()}", err=True)


@contextmanager
def _reading(db_path: str) -> Iterator[sqlite3.Connection]:
    """A read-only connection; database errors become one clear line (exit 2)."""
    from extract.store import connect

    conn = connect(db_path, readonly=True)
    try:
        yield conn
    except sqlite3.Error as exc:
        raise UsageError(f"{db_path}: {exc}") from None
    finally:
        conn.close()


def _show(rows: list[dict[str, Any]], fmt: str) -> None:
    from extract.query_format import format_rows

    click.echo(format_rows(rows, fmt=fmt))


@click.group()
def query() -> None:
    """Ask the database common questions without SQL."""


def _query_command(name: str) -> Callable[[Callable[..., None]], click.Command]:
    def decorate(func: Callable[..., None]) -> click.Command:
        for option in (_limit_option, _format_option, _db_option):
            func = option(func)
        return query.command(name)(func)
    return decorate


@_query_command("events")
@click.option("--since", default=None, help="Event date from (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Event date up to and including.")
@_council_option
@click.option("--text", default=None, help="Words in the event name, venue or sentence.")
def query_events(since: str | None, until: str | None, council: str | None, text: str | None,
                 db_path: str, fmt: str, limit: int) -> None:
    """Events by date range, council and text."""
    from extract import query as q

    span = q.date_range(since, until)
    with _reading(db_path) as conn:
        _show(q.events(conn, span=span, council=council, text=text, limit=limit), fmt)


@_query_command("officials")
@click.option("--name", default=None, help="Part of the person's name.")
@_council_option
@click.option("--quotes", "with_quotes", is_flag=True,
              help="List their quotes (one row per quote) instead of the people.")
def query_officials(name: str | None, council: str | None, with_quotes: bool, db_path: str,
                    fmt: str, limit: int) -> None:
    """Officials merged across articles, with roles and dates; --quotes for their words."""
    from extract import query as q

    with _reading(db_path) as conn:
        if with_quotes:
            _show(q.quotes(conn, name=name, council=council, limit=limit), fmt)
        else:
            _show(q.officials(conn, name=name, council=council, limit=limit), fmt)


@_query_command("figures")
@click.option("--metric", default=None, help="caseload, vacancy_rate, turnover, staff_count ...")
@_council_option
@click.option("--since", default=None, help="Published from (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Published up to and including.")
def query_figures(metric: str | None, council: str | None, since: str | None,
                  until: str | None, db_path: str, fmt: str, limit: int) -> None:
    """Figures by metric and council over time (oldest first)."""
    from extract import query as q

    span = q.date_range(since, until)
    with _reading(db_path) as conn:
        _show(q.figures(conn, metric=metric, council=council, span=span, limit=limit), fmt)


@_query_command("awards")
@click.option("--level", default=None, help="winner, gold, silver, bronze, shortlisted ...")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="Publication year.")
@_council_option
def query_awards(level: str | None, year: int | None, council: str | None, db_path: str,
                 fmt: str, limit: int) -> None:
    """Awards by level, year and council."""
    from extract import query as q

    with _reading(db_path) as conn:
        _show(q.awards(conn, level=level, year=year, council=council, limit=limit), fmt)


@_query_command("search")
@click.argument("text")
@click.option("--raw", is_flag=True,
              help="TEXT is SQLite FTS5 syntax (AND, OR, NEAR, prefix*), not plain words.")
def query_search(text: str, raw: bool, db_path: str, fmt: str, limit: int) -> None:
    """Full-text search over articles and quotes: every word of TEXT must appear."""
    from extract import query as q

    with _reading(db_path) as conn:
        _show(q.search(conn, text, raw=raw, limit=limit), fmt)


@click.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the site.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--write-config", "config_dir", default=None, type=click.Path(file_okay=False),
              help="Instead of serving, write metadata, templates and static files here and "
                   "print the plain `datasette` command that uses them.")
def serve(db_path: str, host: str, port: int, config_dir: str | None) -> None:
    """Browse the database in Datasette (read-only), with facets, search and a chart."""
    from extract import serve as site

    if config_dir:
        click.echo(" ".join(site.write_config(config_dir, db=db_path)))
        return
    if not site.is_loopback(host):
        click.echo(f"warning: listening on {host}: the site is reachable from other machines",
                   err=True)
    click.echo(f"serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    sys.stderr.flush()
    site.serve(db_path, host=host, port=port)


@click.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="csv",
              show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for one file per table.")
def export(db_path: str, fmt: str, out_dir: str) -> None:
    """Write every table of the database as CSV or Parquet files."""
    from extract.store_export import export_tables

    for path in export_tables(db_path, out_dir, fmt=fmt):
        click.echo(str(path))


COMMANDS = (db, query, serve, export)
