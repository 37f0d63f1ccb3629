"""Worker processes: input order for any N, the time budget, crashed workers, recycling."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from extract import pool
from extract.article import Article
from extract.errors import InputError
from extract.runner import RunSettings
from extract.workers import Item, Outcome, process_stream
from worker_faults import HOOK

TEXT = "Eastbrook Borough Council will hold a careers evening at the Guildhall on {d} May 2024."


def articles(n: int) -> list[Item]:
    items: list[Item] = [
        Article(id=f"w{i:03d}", text=f"Story {i}. " + TEXT.format(d=1 + i % 28), source="t")
        for i in range(n)
    ]
    items.insert(3, InputError("EmptyInput", "the file is empty", source="empty.txt"))
    return items


def flatten(batches: object) -> list[Outcome]:
    return [outcome for batch in batches for outcome in batch]  # type: ignore[attr-defined]


def summary(outcomes: list[Outcome]) -> list[tuple[str | None, str | None]]:
    """(article id or error location, error kind) per outcome, in order."""
    return [(o.article_id or json.loads(o.line).get("location"), o.error) for o in outcomes]


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 3), (2, 1), (3, 2)])
def test_workers_output_order_is_input_order_for_any_n(workers: int, batch_size: int) -> None:
    items = articles(13)
    alone = flatten(process_stream(items, settings=RunSettings(batch_size=5), in_process=True))
    settings = RunSettings(workers=workers, batch_size=batch_size)
    pooled = flatten(process_stream(items, settings=settings))
    assert [o.line for o in pooled] == [o.line for o in alone]
    assert [o.error for o in pooled].count("EmptyInput") == 1


def with_fault(marker: str, n: int = 6, at: int = 2) -> list[Item]:
    items = articles(n)
    bad = Article(id="bad", text=f"{marker} " + TEXT.format(d=9), source="bad.txt")
    return [*items[:at], bad, *items[at:]]


@pytest.mark.slow
def test_workers_slow_article_is_a_time_budget_error_and_the_run_goes_on() -> None:
    items = with_fault("SLEEP-FOREVER")
    settings = RunSettings(workers=1, batch_size=4, time_budget=5.0, worker_hook=HOOK)
    started = time.monotonic()
    outcomes = flatten(process_stream(items, settings=settings))
    assert time.monotonic() - started < 60
    assert summary(outcomes)[2] == ("bad", "TimeBudgetExceeded")
    assert [o.article_id for o in outcomes if o.error is None] == [
        i.id for i in items if isinstance(i, Article) and i.id != "bad"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_workers_crashing_article_is_an_error_and_the_run_goes_on(workers: int) -> None:
    items = with_fault("CRASH-NOW", n=9, at=5)
    settings = RunSettings(workers=workers, batch_size=3, worker_hook=HOOK)
    outcomes = flatten(process_stream(items, settings=settings))
    assert summary(outcomes)[5] == ("bad", "WorkerCrashed")
    assert len(outcomes) == len(items)
    assert sum(o.error is None for o in outcomes) == 9


@pytest.mark.slow
def test_workers_article_that_crashed_once_is_retried(tmp_path: Path) -> None:
    items = with_fault(f"CRASH-ONCE:{tmp_path / 'crashed'}")
    settings = RunSettings(workers=1, batch_size=4, worker_hook=HOOK)
    outcomes = flatten(process_stream(items, settings=settings))
    assert (tmp_path / "crashed").exists()
    assert summary(outcomes)[2] == ("bad", None)


def test_workers_are_recycled_and_order_survives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "BATCHES_PER_WORKER", 2)
    items = articles(10)
    settings = RunSettings(workers=2, batch_size=2)
    pooled = flatten(process_stream(items, settings=settings))
    assert [o.article_id for o in pooled if o.error is None] == [f"w{i:03d}" for i in range(10)]
