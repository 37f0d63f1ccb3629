"""Turn articles into output lines, in this process or in worker processes, in input order.

Workers serialise records themselves (`Outcome.line`), so the parent only writes and
counts; see `extract.pool` for the worker processes, the time budget and crash recovery.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from extract.article import Article
from extract.errors import InputError
from extract.schema import ArticleRecord, ErrorRecord

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.runner import RunSettings

Item = Article | InputError
# Batches a process runs outside memory zones, to fill the vocab and tokenizer cache.
WARM_BATCHES = 20
KINDS = ("events", "venues", "officials", "figures", "awards", "quotes")
# Processed once outside any memory zone so that whatever a component builds lazily on its
# first document (matchers, lexemes of its patterns) lives as long as the pipeline.
WARM_UP_TEXT = (
    "Northshire County Council will hold a jobs fair at Grange Hall on Saturday 8 June "
    "from 10am. Cllr Ann Lee, leader of the council, said: “We have 120 vacancies.” "
    "The team won Employer of the Year at the regional awards.\n\n"
)


class Outcome(NamedTuple):
    """One input's result as the line to write, with what the summary counts.

    A named tuple: one crosses the pipe from a worker per article, and a tuple pickles
    and unpickles in about half the time a dataclass takes."""

    line: str
    error: str | None = None  # the error kind when this is an ErrorRecord line
    article_id: str | None = None
    words: int = 0
    counts: tuple[int, ...] = ()  # records per kind, in KINDS order


def outcome_of(result: ArticleRecord | ErrorRecord) -> Outcome:
    if isinstance(result, ErrorRecord):
        return Outcome(line=result.model_dump_json(), error=result.error)
    return Outcome(
        line=result.model_dump_json(), article_id=result.id, words=len(result.text.split()),
        counts=tuple(len(getattr(result, kind)) for kind in KINDS),
    )


def error_outcome(item: Item, kind: str, message: str) -> Outcome:
    """An error line for an input that a worker could not finish."""
    if isinstance(item, InputError):
        source, location = item.source, item.location
    else:
        source, location = item.source, item.id
    record = ErrorRecord(source=source, location=location, error=kind, message=message)
    return outcome_of(record)


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def pipeline_for(settings: RunSettings) -> Language:
    """The process's pipeline, built once and warmed up outside any memory zone."""
    from extract.pipeline import shared_nlp

    nlp = shared_nlp(settings.model)
    if not nlp.meta.get("council_extract_warm"):
        if settings.worker_hook:
            _call_hook(settings.worker_hook, nlp)
        nlp(WARM_UP_TEXT)
        nlp.meta["council_extract_warm"] = True
    return nlp


def _call_hook(hook: str, nlp: Language) -> None:
    import importlib

    module, _, name = hook.partition(":")
    getattr(importlib.import_module(module), name)(nlp)


_batches_seen = 0  # in this process


def extract_batch(batch: list[Item], settings: RunSettings) -> Iterator[Outcome]:
    """Outcomes of one batch, one by one; spaCy's transient strings are freed after it."""
    global _batches_seen
    from extract.core import extract_stream

    nlp = pipeline_for(settings)
    # memory_zone frees the strings and lexemes a batch adds to the vocab, which would
    # otherwise grow with every new word of a long run. Docs never leave the zone. But in
    # a zone the tokenizer caches nothing, which makes it ~20 times slower on words it has
    # not seen before the zone: the first batches run outside any zone, so their (the
    # corpus's most frequent) words stay cached for good.
    zone = nlp.memory_zone() if _batches_seen >= WARM_BATCHES else contextlib.nullcontext()
    _batches_seen += 1
    with zone:
        results = extract_stream(batch, nlp=nlp, batch_size=settings.batch_size,
                                 max_chars=settings.max_chars)
        for result in results:
            yield outcome_of(result)


def process_stream(
    items: Iterable[Item], *, settings: RunSettings, in_process: bool = False
) -> Iterator[list[Outcome]]:
    """Outcomes batch by batch, in input order, whatever the number of workers.

    Worker processes (the default) enforce the time budget and survive crashes;
    `in_process` runs here without either, for notebooks, tests and Dask tasks.
    """
    batches = batched(items, settings.batch_size)
    if in_process:
        for batch in batches:
            yield list(extract_batch(batch, settings))
        return
    from extract.pool import WorkerPool

    with WorkerPool(settings) as pool:
        yield from pool.run(batches)
