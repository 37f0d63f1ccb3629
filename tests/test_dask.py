"""`run --engine dask`: on a LocalCluster and on `dask scheduler` + `dask worker` processes
on loopback, the records equal a local run's, in input order; shard files are cleaned up."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from extract.runner import RunSettings, run_batch

TEXT = ("Kelham District Council will hold a recruitment open day at the Civic Centre on "
        "Tuesday {d} March 2025 from 10am to 2pm. Cllr Grace Doyle, leader of the council, "
        "said: “We have {n} vacancies for care assistants.”\n")


def make_inputs(folder: Path, n: int = 14) -> Path:
    folder.mkdir(parents=True)
    with (folder / "batch.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"Story {i}.\n\n" + TEXT.format(d=1 + i % 27, n=10 + i)
            handle.write(json.dumps({"id": f"d{i:02d}", "text": text}) + "\n")
        handle.write("not json\n")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def local_lines(inputs: Path, out: Path) -> tuple[str, str]:
    run_batch([inputs], out, settings=RunSettings(in_process=True))
    return (out / "records.jsonl").read_text(), (out / "errors.jsonl").read_text()


@pytest.mark.slow
def test_dask_local_cluster_equals_a_local_run(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    expected = local_lines(inputs, tmp_path / "local")
    settings = RunSettings(engine="dask", workers=2, shard_size=3)
    summary = run_batch([inputs], tmp_path / "dask", settings=settings)
    out = tmp_path / "dask"
    assert ((out / "records.jsonl").read_text(), (out / "errors.jsonl").read_text()) == expected
    assert (summary.articles, summary.errors) == (14, 2)
    assert not list((out / "shards").iterdir())
    again = run_batch([inputs], out, settings=settings)
    assert (again.articles, again.skipped) == (0, 14)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port}")


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and one `dask worker` (two processes) on loopback."""
    dask = str(Path(sys.executable).parent / "dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": tmp_path}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], **quiet)]  # type: ignore[call-overload]
    try:
        wait_for_port(port, seconds=30)
        procs.append(subprocess.Popen(  # type: ignore[call-overload]
            [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "2",
             "--nthreads", "1", "--no-dashboard"], **quiet))
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)


@pytest.mark.slow
def test_dask_scheduler_and_worker_processes_equal_a_local_run(
    tmp_path: Path, scheduler: str
) -> None:
    inputs = make_inputs(tmp_path / "in")
    expected = local_lines(inputs, tmp_path / "local")
    out = tmp_path / "dask"
    command = [sys.executable, "-m", "extract", "run", str(inputs), "--out", str(out),
               "--no-db", "--engine", "dask", "--scheduler", scheduler, "--shard-size", "4"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 1, done.stderr  # 1: some inputs were bad (on purpose)
    assert ((out / "records.jsonl").read_text(), (out / "errors.jsonl").read_text()) == expected
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["settings"]["engine"] == "dask"
    assert manifest["summary"]["articles"] == 14
