"""Worker processes with a per-article time budget, crash recovery and ordered output.

Each worker is a spawned process that loads the pipeline once and receives one batch at a
time; it reports every article as soon as it is done, so the parent always knows which
article is running and since when. An article over the time budget gets its worker
killed and becomes a `TimeBudgetExceeded` error; a worker that dies (segfault, OOM kill)
is noticed through its process sentinel, never waited on forever: the article it was on is
retried once, then recorded as `WorkerCrashed`. Either way a fresh worker takes the rest
of the batch and the run goes on. Batches are handed out in order and yielded in order.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import selectors
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import TYPE_CHECKING

from extract.workers import Item, Outcome, error_outcome, extract_batch

if TYPE_CHECKING:
    from extract.runner import RunSettings

# A worker is replaced after this many batches: a backstop for memory that memory zones
# do not cover (caches in extractors, allocator fragmentation).
BATCHES_PER_WORKER = 500
# Batches handed out beyond the oldest unfinished one, per worker: bounds the reorder buffer.
AHEAD_PER_WORKER = 4
_BATCH_END = "batch-end"
_POLL_SECONDS = 1.0


def _worker_main(conn: Connection, settings: RunSettings) -> None:
    """Loop in the worker: a batch in, one Outcome per article out, then a batch-end mark."""
    from extract.workers import pipeline_for

    pipeline_for(settings)
    # The pipeline and its patterns live as long as the process. Frozen out of the cyclic
    # collector's sight, they are no longer walked by every full collection: its time per
    # article fell from about 0.18 to 0.11 ms on the benchmark's varied corpus.
    gc.collect()
    gc.freeze()
    try:
        conn.send(_BATCH_END)  # ready: the pipeline is loaded
        while (batch := conn.recv()) is not None:
            for outcome in extract_batch(batch, settings):
                conn.send(outcome)
            conn.send(_BATCH_END)
    except (EOFError, BrokenPipeError):
        return  # the parent is gone (killed): nobody wants the rest


class _Worker:
    """One worker process and the batch it is working on."""

    def __init__(self, settings: RunSettings) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_worker_main, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.batches_done = 0
        self.index: int | None = None  # the batch's position in the input
        self.pending: deque[Item] = deque()  # articles of the batch not yet reported
        self.outcomes: list[Outcome] = []
        self.since = time.monotonic()  # start of the current article
        self.retried: set[int] = set()  # id() of articles already retried after a crash

    def give(self, index: int, batch: list[Item], outcomes: list[Outcome]) -> None:
        self.index, self.pending, self.outcomes = index, deque(batch), outcomes
        self.since = time.monotonic()
        # A dead worker cannot take it: its sentinel reports that to the pool's wait loop.
        with contextlib.suppress(OSError):
            self.conn.send(batch)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    def __init__(self, settings: RunSettings) -> None:
        self.settings = settings
        self.workers = [_Worker(settings) for _ in range(max(1, settings.workers))]
        self.finished: dict[int, list[Outcome]] = {}
        self.handed = 0  # batches handed out so far
        # The busy workers' pipes and sentinels, watched by one selector that is rebuilt
        # only when the busy set changes (about twice a batch), not for every message.
        self._selector = selectors.DefaultSelector()
        self._watched: tuple[_Worker, ...] = ()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._selector.close()
        for worker in self.workers:
            worker.stop(kill=exc is not None)

    def run(self, batches: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        """Outcomes batch by batch in input order."""
        source = enumerate(batches)
        next_out, exhausted = 0, False
        limit = AHEAD_PER_WORKER * len(self.workers)
        while True:
            for worker in self.workers:
                if worker.ready and worker.index is None and not exhausted:
                    exhausted = not self._hand_out(worker, source, next_out + limit)
            while next_out in self.finished:
                yield self.finished.pop(next_out)
                next_out += 1
            busy = [w for w in self.workers if w.index is not None or not w.ready]
            if exhausted and not busy:
                return
            self._wait(busy)

    def _hand_out(self, worker: _Worker, source: Iterator[tuple[int, list[Item]]],
                  bound: int) -> bool:
        """Give the next batch to an idle worker; False when the input is exhausted."""
        if self.handed >= bound:
            return True
        pair = next(source, None)
        if pair is None:
            return False
        self.handed += 1
        worker.give(pair[0], pair[1], [])
        return True

    def _wait(self, busy: list[_Worker]) -> None:
        ready = self._ready(tuple(busy))
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
            elif worker.process.sentinel in ready:
                self._crashed(worker)
            elif self._over_budget(worker):
                self._replace(worker, "TimeBudgetExceeded",
                              f"over the time budget of {self.settings.time_budget} s")

    def _ready(self, busy: tuple[_Worker, ...]) -> set[object]:
        """The pipes and sentinels of `busy` that are ready, waiting up to _POLL_SECONDS."""
        if busy != self._watched:  # workers compare by identity: a replaced one differs
            self._selector.close()
            self._selector = selectors.DefaultSelector()
            for worker in busy:
                self._selector.register(worker.conn, selectors.EVENT_READ)
                self._selector.register(worker.process.sentinel, selectors.EVENT_READ)
            self._watched = busy
        return {key.fileobj for key, _ in self._selector.select(_POLL_SECONDS)}

    def _receive(self, worker: _Worker) -> None:
        """One message: the pipe stays ready while more are queued, so the next wait comes
        straight back for them."""
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._crashed(worker)
            return
        if message == _BATCH_END:
            self._batch_end(worker)  # may replace the worker
            return
        worker.outcomes.append(message)
        worker.pending.popleft()
        worker.since = time.monotonic()

    def _batch_end(self, worker: _Worker) -> None:
        if not worker.ready:
            worker.ready = True
            return
        assert worker.index is not None
        self.finished[worker.index] = worker.outcomes
        worker.index, worker.outcomes = None, []
        worker.batches_done += 1
        if worker.batches_done >= BATCHES_PER_WORKER:
            self._restart(worker, resume=False, kill=False)

    def _over_budget(self, worker: _Worker) -> bool:
        budget = self.settings.time_budget
        return bool(budget) and worker.index is not None and (
            time.monotonic() - worker.since > float(budget or 0))

    def _crashed(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)  # its exit code, for the message
        if not worker.ready:
            raise RuntimeError(f"a worker process died (exit code {worker.process.exitcode}) "
                               "while loading the pipeline")
        if worker.index is None or not worker.pending:
            self._restart(worker, resume=True, kill=True)  # nothing of its batch was lost
            return
        article = worker.pending[0]
        if id(article) not in worker.retried:
            worker.retried.add(id(article))
            self._restart(worker, resume=True, kill=True)
            return
        self._replace(worker, "WorkerCrashed",
                      f"the worker process died (exit code {worker.process.exitcode}) twice")

    def _replace(self, worker: _Worker, kind: str, message: str) -> None:
        """Record the running article as an error and go on with the rest of its batch."""
        worker.outcomes.append(error_outcome(worker.pending.popleft(), kind, message))
        self._restart(worker, resume=True, kill=True)

    def _restart(self, worker: _Worker, *, resume: bool, kill: bool) -> None:
        worker.stop(kill=kill)
        fresh = _Worker(self.settings)
        fresh.retried = worker.retried
        self.workers[self.workers.index(worker)] = fresh
        if resume and worker.index is not None:
            self._resume(fresh, worker)

    def _resume(self, fresh: _Worker, old: _Worker) -> None:
        """Wait for the new worker to load, then give it what the old one left."""
        assert old.index is not None
        while not fresh.ready:
            if fresh.conn.poll(timeout=_POLL_SECONDS):
                try:
                    fresh.ready = fresh.conn.recv() == _BATCH_END
                except EOFError:
                    raise RuntimeError("a replacement worker died while starting") from None
            elif not fresh.process.is_alive():
                raise RuntimeError("a replacement worker died while starting")
        if old.pending:
            fresh.give(old.index, list(old.pending), old.outcomes)
        else:
            self.finished[old.index] = old.outcomes
