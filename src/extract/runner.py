"""Batch runs: stream inputs through the pipeline into records.jsonl, resumably.

Output folder layout:
- records.jsonl  one ArticleRecord per line, every article once (the source of truth)
- errors.jsonl   one ErrorRecord per input that failed in the latest run
- manifest.json  tool version, settings, inputs and counts of the latest run
A run appends whole lines and flushes after each batch, so a killed run leaves complete
lines only (a torn last line is cut off on the next start) and loses at most the batches
in flight. Re-running skips articles whose id and content hash are already recorded.
Engines: worker processes on this machine (`extract.pool`) or a Dask cluster
(`extract.dask_engine`); both write through the same OutputDir in input order.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from extract.article import Article
from extract.errors import InputError
from extract.outdir import OutputDir
from extract.workers import KINDS, Outcome, process_stream

DEFAULT_TIME_BUDGET = 30.0
Progress = Callable[["RunSummary"], None]


@dataclass
class RunSummary:
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    records: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "skipped_already_done": self.skipped,
            "errors": self.errors,
            "error_kinds": dict(self.error_kinds),
            "records": {kind: self.records[kind] for kind in KINDS},
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "words_per_second": round(self.words_per_second, 1),
        }


@dataclass(frozen=True)
class RunSettings:
    model: str | None = None
    workers: int = 1
    batch_size: int = 64
    max_chars: int = 200_000
    time_budget: float | None = DEFAULT_TIME_BUDGET  # seconds per article; None: no limit
    engine: str = "local"  # "local" worker processes or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    shard_size: int = 500  # articles per Dask task
    in_process: bool = False  # local engine without worker processes (no time budget)
    # "module:function" called with each process's pipeline once it is built: a place to
    # add components or logging; the tests inject faults through it.
    worker_hook: str | None = None


def run_batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    settings: RunSettings | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Extract every input article into `out_dir`; see the module docstring for the files."""
    from extract.ingest import expand_inputs, read_inputs

    settings = settings or RunSettings()
    paths = expand_inputs(inputs)
    summary = RunSummary()
    started = time.monotonic()
    with OutputDir(Path(out_dir)) as out:
        todo = _skip_done(read_inputs(paths), out.done, summary)
        for batch in _engine(todo, settings, out.path):
            for outcome in batch:
                _count(outcome, out, summary)
            out.flush()
            summary.seconds = time.monotonic() - started
            if progress:
                progress(summary)
        summary.seconds = time.monotonic() - started
        out.write_manifest(inputs=[str(p) for p in paths], settings=asdict(settings),
                           summary=summary.as_dict())
    return summary


def _engine(
    todo: Iterator[Article | InputError], settings: RunSettings, out_path: Path
) -> Iterator[list[Outcome]]:
    if settings.engine == "dask":
        from extract.dask_engine import dask_stream

        return dask_stream(todo, settings=settings, shard_dir=out_path / "shards")
    return process_stream(todo, settings=settings, in_process=settings.in_process)


def _skip_done(
    items: Iterator[Article | InputError], done: dict[str, str], summary: RunSummary
) -> Iterator[Article | InputError]:
    for item in items:
        if isinstance(item, Article) and done.get(item.id) == item.content_sha256:
            summary.skipped += 1
            continue
        yield item


def _count(outcome: Outcome, out: OutputDir, summary: RunSummary) -> None:
    out.add(outcome)
    if outcome.error is not None:
        summary.errors += 1
        summary.error_kinds[outcome.error] += 1
        return
    summary.articles += 1
    summary.words += outcome.words
    for kind, count in zip(KINDS, outcome.counts, strict=True):
        summary.records[kind] += count


def format_summary(summary: RunSummary) -> str:
    data = summary.as_dict()
    kinds = ", ".join(f"{kind} {count}" for kind, count in data["records"].items())
    errors = ", ".join(f"{k} {v}" for k, v in sorted(data["error_kinds"].items())) or "none"
    return (
        f"articles {data['articles']} (already done {data['skipped_already_done']}), "
        f"errors {data['errors']} ({errors})\n"
        f"records: {kinds}\n"
        f"{data['seconds']} s, {data['words_per_second']:.0f} words/s"
    )


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)
