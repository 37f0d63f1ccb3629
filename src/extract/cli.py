"""The command line: a thin shell over the library. Progress and summaries go to stderr."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from extract.errors import ExtractError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Group(click.Group):
    """Turns the library's errors into one clear line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ExtractError as exc:
            click.echo(f"council-extract: error: {exc}", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="council-extract")
def cli() -> None:
    """Extract events, venues, officials, workforce figures and awards from council news."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False), help="Output folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: number of cores].")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True)
@click.option("--max-chars", type=click.IntRange(min=1000), default=200_000, show_default=True,
              help="Longer articles are truncated, with a warning on the record.")
@click.option("--model", default=None,
              help="An installed spaCy pipeline whose entities add candidates (optional).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Seconds one article may take; over it, an error record (0: no limit).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Worker processes here, or a Dask cluster.")
@click.option("--scheduler", default=None,
              help="Dask scheduler address (tcp://HOST:PORT) [default: a LocalCluster].")
@click.option("--shard-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Articles per Dask task.")
@click.option("--no-db", is_flag=True, help="Do not build the SQLite database.")
@click.option("--db", "db_path", default=None, type=click.Path(dir_okay=False),
              help="SQLite database to build or update [default: <out>/council.db].")
def run(inputs: tuple[str, ...], out_dir: str, workers: int | None, batch_size: int,
        max_chars: int, model: str | None, time_budget: float, engine: str,
        scheduler: str | None, shard_size: int, no_db: bool, db_path: str | None) -> None:
    """Extract every article in INPUTS (files, folders, globs) into --out.

    Writes records.jsonl, errors.jsonl and manifest.json. Re-running on the same --out
    skips articles already done. Exit 0 when every input was read, 1 when some failed.
    """
    from extract.runner import RunSettings, format_summary, run_batch

    if model:
        from extract.pipeline import check_model

        check_model(model)
    settings = RunSettings(model=model, workers=workers or os.cpu_count() or 1,
                           batch_size=batch_size, max_chars=max_chars,
                           time_budget=time_budget or None, engine=engine,
                           scheduler=scheduler, shard_size=shard_size)
    summary = run_batch(inputs, out_dir, settings=settings, progress=_progress())
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(format_summary(summary), err=True)
    click.echo(f"wrote {Path(out_dir) / 'records.jsonl'}", err=True)
    if not no_db:
        from extract.store import build_database

        db_file = Path(db_path or Path(out_dir) / "council.db")
        built = build_database([Path(out_dir) / "records.jsonl"], db_file)
        click.echo(f"wrote {db_file}: {built.describe()}", err=True)
    sys.exit(EXIT_SOME_FAILED if summary.errors else EXIT_OK)


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(summary: Any) -> None:
        click.echo(f"\r{summary.articles} articles, {summary.errors} errors, "
                   f"{summary.words_per_second:,.0f} words/s", err=True, nl=False)

    return show


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) to resolve dates.")
@click.option("--publisher", default=None, help="Issuing council, when the text does not say.")
@click.option("--model", default=None, help="An installed spaCy pipeline (optional).")
def extract(file: str, published: str | None, publisher: str | None, model: str | None) -> None:
    """Print one article's record as indented JSON (the first article of FILE)."""
    from dataclasses import replace

    from extract.core import error_record, extract_article
    from extract.errors import InputError
    from extract.ingest import read_path
    from extract.pipeline import build_nlp
    from extract.published import normalise_published

    item = next(iter(read_path(Path(file))), None)
    if item is None:
        raise UsageError(f"{file}: no article found")
    if isinstance(item, InputError):
        click.echo(error_record(item).model_dump_json(indent=2), err=True)
        sys.exit(EXIT_SOME_FAILED)
    if published:
        item = replace(item, published=normalise_published(published))
    if publisher:
        item = replace(item, publisher=publisher)
    record = extract_article(item, nlp=build_nlp(model))
    click.echo(record.model_dump_json(indent=2))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of an article record."""
    from extract.schema import ArticleRecord

    click.echo(json.dumps(ArticleRecord.model_json_schema(), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of <id>.json answers.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
@click.option("--details", is_flag=True, help="List every missed and spurious record.")
@click.option("--quotes", "quotes_dir", default=None,
              type=click.Path(exists=True, file_okay=False),
              help="Folder of <id>.json quote annotations: also score quote attribution.")
def evaluate(records: str, gold_dir: str, as_json: bool, details: bool,
             quotes_dir: str | None) -> None:
    """Score RECORDS (records.jsonl) against gold answers, per kind and macro F1."""
    from extract.evaluate import evaluate_files, format_report, load_records
    from extract.quote_eval import format_quote_score, score_quotes

    report = evaluate_files(Path(records), Path(gold_dir))
    quotes = score_quotes(load_records(Path(records)), Path(quotes_dir)) if quotes_dir else None
    if as_json:
        out = report.as_dict(details=details)
        if quotes is not None:
            out["quotes"] = quotes.as_dict(details=details)
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, details=details))
        if quotes is not None:
            click.echo(format_quote_score(quotes, details=details))


def _register_query_layer() -> None:
    from extract.cli_db import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register_query_layer()


def main() -> None:
    cli(prog_name="council-extract")
