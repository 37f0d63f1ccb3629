"""Batch runs: accounting, resume, torn lines, locking, worker order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.errors import OutputLockedError
from extract.outdir import OutputDir
from extract.runner import RunSettings, run_batch
from worker_faults import HOOK

# Accounting and resume do not depend on worker processes; those have their own tests.
HERE = RunSettings(in_process=True)

TEXT = "Northshire County Council will hold a jobs fair at Grange Hall on Saturday 8 June.\n"


def make_inputs(folder: Path, good: int = 5) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(good):
        (folder / f"a{i:02d}.txt").write_text(f"Article {i}. {TEXT}", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "One."}\nnot json\n')
    return folder


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_runner_every_input_ends_in_exactly_one_place(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    summary = run_batch([inputs], tmp_path / "out", settings=HERE)
    records = lines(tmp_path / "out" / "records.jsonl")
    errors = lines(tmp_path / "out" / "errors.jsonl")
    assert sorted(r["id"] for r in records) == ["a00", "a01", "a02", "a03", "a04", "j1"]
    assert sorted(e["error"] for e in errors) == ["BadJSON", "BinaryInput", "EmptyInput"]
    assert (summary.articles, summary.errors) == (6, 3)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["summary"]["articles"] == 6 and len(manifest["inputs"]) == 8


def test_runner_rerun_skips_done_and_finishes_the_rest(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=3)
    run_batch([inputs], tmp_path / "out", settings=HERE)
    (inputs / "a09.txt").write_text("A late article. " + TEXT)
    summary = run_batch([inputs], tmp_path / "out", settings=HERE)
    assert (summary.articles, summary.skipped) == (1, 4)
    ids = [r["id"] for r in lines(tmp_path / "out" / "records.jsonl")]
    assert sorted(ids) == sorted(set(ids)) and "a09" in ids


def test_runner_changed_article_replaces_its_old_record(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=2)
    run_batch([inputs], tmp_path / "out", settings=HERE)
    (inputs / "a01.txt").write_text("Rewritten. " + TEXT)
    run_batch([inputs], tmp_path / "out", settings=HERE)
    records = lines(tmp_path / "out" / "records.jsonl")
    [a01] = [r for r in records if r["id"] == "a01"]
    assert str(a01["text"]).startswith("Rewritten.")
    assert len(records) == 3


def test_runner_torn_last_line_is_cut_and_redone(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=3)
    run_batch([inputs], tmp_path / "out", settings=HERE)
    path = tmp_path / "out" / "records.jsonl"
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(b"\n", 0, len(data) - 1) + 40])  # kill mid-line
    run_batch([inputs], tmp_path / "out", settings=HERE)
    ids = [r["id"] for r in lines(path)]
    assert sorted(ids) == ["a00", "a01", "a02", "j1"]


def test_runner_second_concurrent_run_is_refused(tmp_path: Path) -> None:
    with OutputDir(tmp_path / "out"), pytest.raises(OutputLockedError, match="in use"):
        run_batch([make_inputs(tmp_path / "in")], tmp_path / "out", settings=HERE)


@pytest.mark.slow
def test_runner_two_workers_match_one_in_order(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=12)
    run_batch([inputs], tmp_path / "one", settings=RunSettings(workers=1, batch_size=4))
    run_batch([inputs], tmp_path / "two", settings=RunSettings(workers=2, batch_size=4))
    assert (tmp_path / "one" / "records.jsonl").read_text() == (
        tmp_path / "two" / "records.jsonl"
    ).read_text()


def test_runner_duplicate_left_by_a_killed_replace_is_dropped_on_start(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=2)
    run_batch([inputs], tmp_path / "out", settings=HERE)
    path = tmp_path / "out" / "records.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    stale = json.loads(first) | {"content_sha256": "0" * 64, "text": "old"}
    # As if killed after appending the re-extracted record, before dropping the old one.
    path.write_text(json.dumps(stale) + "\n" + path.read_text(encoding="utf-8"))
    summary = run_batch([inputs], tmp_path / "out", settings=HERE)
    ids = [r["id"] for r in lines(path)]
    assert sorted(ids) == ["a00", "a01", "j1"]
    assert summary.articles == 0 and json.loads(first) in lines(path)


@pytest.mark.slow
def test_runner_article_over_time_budget_is_an_error_and_counts_add_up(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", good=4)
    (inputs / "a02.txt").write_text("SLEEP-FOREVER " + TEXT, encoding="utf-8")
    settings = RunSettings(workers=2, batch_size=2, time_budget=5.0, worker_hook=HOOK)
    summary = run_batch([inputs], tmp_path / "out", settings=settings)
    out = tmp_path / "out"
    records, errors = lines(out / "records.jsonl"), lines(out / "errors.jsonl")
    assert [e["location"] for e in errors if e["error"] == "TimeBudgetExceeded"] == ["a02"]
    assert summary.error_kinds["TimeBudgetExceeded"] == 1
    assert (summary.articles, summary.errors) == (len(records), len(errors)) == (4, 4)
