"""Run a job on a Dask distributed cluster (`run --engine dask [--scheduler ADDRESS]`).

The input is cut into shards of `shard_size` articles; each shard is one task, which a
Dask worker processes with the same code as a local worker and writes to its own files
`<out>/shards/<n>.records.jsonl` and `<n>.errors.jsonl` (so --out must be on a file
system the workers share). The parent collects shards in input order and merges their
lines into records.jsonl / errors.jsonl through the same OutputDir as a local run, then
deletes the shard files: resume and "every article once" work as for a local run.
At most two shards per worker are in flight, so memory stays bounded on both sides.
The per-article time budget is not enforced inside Dask tasks; a task whose worker dies
is retried once on another worker, then its articles are recorded as `WorkerCrashed`.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.errors import UsageError
from extract.workers import Item, Outcome, batched, error_outcome, extract_batch

if TYPE_CHECKING:
    from distributed import Client, Future

    from extract.runner import RunSettings

SHARDS_PER_WORKER = 2
# Per outcome: error kind or None, article id, words, counts per kind.
Meta = tuple[str | None, str | None, int, tuple[int, ...]]


def process_shard(shard: list[Item], base: str, settings: RunSettings) -> list[Meta]:
    """The Dask task: extract a shard into `<base>.records.jsonl` and `<base>.errors.jsonl`."""
    outcomes = list(extract_batch(shard, settings))
    for suffix, is_error in ((".records.jsonl", False), (".errors.jsonl", True)):
        lines = [o.line + "\n" for o in outcomes if (o.error is not None) == is_error]
        _write_atomic(Path(base + suffix), "".join(lines))
    return [(o.error, o.article_id, o.words, o.counts) for o in outcomes]


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _read_shard(base: Path, meta: list[Meta]) -> list[Outcome]:
    """The shard's outcomes in input order, rebuilt from its two files; then removes them."""
    files = {flag: (base.parent / (base.name + suffix))
             for flag, suffix in ((False, ".records.jsonl"), (True, ".errors.jsonl"))}
    lines = {flag: iter(path.read_text(encoding="utf-8").splitlines())
             for flag, path in files.items()}
    outcomes = [
        Outcome(line=next(lines[error is not None]), error=error, article_id=article_id,
                words=words, counts=counts)
        for error, article_id, words, counts in meta
    ]
    for path in files.values():
        path.unlink()
    return outcomes


def _client(settings: RunSettings) -> tuple[Client, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'council-extract[dask]'") from None

    if settings.scheduler:
        return Client(settings.scheduler), None  # type: ignore[no-untyped-call]
    cluster = LocalCluster(n_workers=max(1, settings.workers), threads_per_worker=1,
                           processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)  # type: ignore[no-untyped-call]
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def dask_stream(
    todo: Iterator[Item], *, settings: RunSettings, shard_dir: Path
) -> Iterator[list[Outcome]]:
    """Outcomes shard by shard, in input order, computed on the cluster."""
    shard_dir.mkdir(parents=True, exist_ok=True)
    for leftover in shard_dir.iterdir():  # transport files of a killed run: redone anyway
        leftover.unlink()
    client, cluster = _client(settings)
    try:
        limit = SHARDS_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
        in_flight: deque[tuple[Path, list[Item], Future[list[Meta]]]] = deque()
        for index, shard in enumerate(batched(todo, settings.shard_size)):
            base = shard_dir / f"{index:07d}"
            future = client.submit(process_shard, shard, str(base), settings,
                                   pure=False, retries=1)
            in_flight.append((base, shard, future))
            while len(in_flight) >= limit:
                yield _collect(*in_flight.popleft())
        while in_flight:
            yield _collect(*in_flight.popleft())
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def _collect(base: Path, shard: list[Item], future: Future[list[Meta]]) -> list[Outcome]:
    from distributed import KilledWorker

    try:
        meta = future.result()
    except KilledWorker as exc:
        return [error_outcome(item, "WorkerCrashed", f"Dask worker died: {exc}")
                for item in shard]
    return _read_shard(base, meta)
