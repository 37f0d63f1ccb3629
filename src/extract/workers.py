"""Process articles in one process or several, keeping input order."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from extract.article import Article
from extract.errors import InputError
from extract.schema import ArticleRecord, ErrorRecord

if TYPE_CHECKING:
    from extract.runner import RunSettings

Item = Article | InputError
Result = ArticleRecord | ErrorRecord
# A worker is replaced after this many batches, which bounds memory growth over long runs.
BATCHES_PER_WORKER = 200

_worker_settings: RunSettings | None = None


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def process_batch(batch: list[Item], settings: RunSettings) -> list[Result]:
    from extract.core import extract_stream
    from extract.pipeline import shared_nlp

    nlp = shared_nlp(settings.model)
    return list(extract_stream(batch, nlp=nlp, batch_size=settings.batch_size,
                               max_chars=settings.max_chars))


def _init_worker(settings: RunSettings) -> None:
    global _worker_settings
    _worker_settings = settings
    from extract.pipeline import shared_nlp

    shared_nlp(settings.model)


def _process_in_worker(batch: list[Item]) -> list[Result]:
    assert _worker_settings is not None
    return process_batch(batch, _worker_settings)


def process_stream(items: Iterable[Item], *, settings: RunSettings) -> Iterator[list[Result]]:
    """Results batch by batch, in input order, whatever the number of workers."""
    batches = batched(items, settings.batch_size)
    if settings.workers <= 1:
        for batch in batches:
            yield process_batch(batch, settings)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        settings.workers, initializer=_init_worker, initargs=(settings,),
        maxtasksperchild=BATCHES_PER_WORKER,
    ) as pool:
        # imap keeps order and pulls input lazily, so memory stays bounded.
        yield from pool.imap(_process_in_worker, batches, chunksize=1)
