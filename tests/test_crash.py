"""Crash safety: `run` killed with SIGKILL at random moments, then re-run, ends exactly like
an uninterrupted run — every article once, none missing, no partial line."""

from __future__ import annotations

import importlib.util
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from extract.runner import RunSettings, run_batch

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 240
KILLS = 4


def make_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--no-db",
            "--workers", "2", "--batch-size", "8"]


def finished_lines(out: Path) -> list[bytes]:
    path = out / "records.jsonl"
    if not path.exists():
        return []
    data = path.read_bytes()
    return data[: data.rfind(b"\n") + 1].splitlines()


def record_lines(out: Path) -> list[str]:
    return (out / "records.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
def test_crash_killed_runs_then_rerun_equal_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = make_corpus_module().write_corpus(tmp_path / "corpus.jsonl", n=ARTICLES, seed=3)
    run_batch([corpus], tmp_path / "whole", settings=RunSettings(in_process=True))
    expected = record_lines(tmp_path / "whole")
    rng = random.Random(9)
    out = tmp_path / "killed"
    kills_mid_run = 0
    for _ in range(KILLS):
        done_before = len(finished_lines(out))
        # Kill once a random share of the remaining work is written, so the kill lands
        # mid-run however fast the machine is.
        target = done_before + max(1, int((ARTICLES - done_before) * rng.uniform(0.1, 0.4)))
        child = subprocess.Popen(run_command(corpus, out), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while (child.poll() is None and len(finished_lines(out)) < target
               and time.monotonic() < deadline):
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.05))
        kills_mid_run += child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.wait()
        if (out / "records.jsonl").exists():
            data = (out / "records.jsonl").read_bytes()
            done = data[: data.rfind(b"\n") + 1].splitlines()
            assert {json.loads(line)["id"] for line in done} <= {
                json.loads(line)["id"] for line in expected}
    assert kills_mid_run >= 2, "the runs finished before they could be killed"
    finished = subprocess.run(run_command(corpus, out), capture_output=True, text=True,
                              timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    lines = record_lines(out)
    assert len(lines) == len(expected) == ARTICLES
    assert sorted(lines) == sorted(expected)
