"""The output folder of a run: a lock, append-only JSONL files, resume state, manifest."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from extract.errors import OutputLockedError
from extract.schema import ArticleRecord, ErrorRecord
from extract.workers import Outcome

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
LOCK = ".lock"


class OutputDir:
    """Holds an exclusive lock on the folder for the life of a run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: dict[str, str] = {}
        self._replaced: set[str] = set()
        self._lock: IO[str] | None = None
        self._records: IO[str] | None = None
        self._errors: IO[str] | None = None

    def __enter__(self) -> OutputDir:
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = (self.path / LOCK).open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise OutputLockedError(
                f"{self.path} is in use by another council-extract run; wait for it or "
                "choose another --out"
            ) from None
        self.done = self._read_completed()
        self._records = (self.path / RECORDS).open("a", encoding="utf-8")
        self._errors = (self.path / ERRORS).open("w", encoding="utf-8")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for handle in (self._records, self._errors):
            if handle:
                handle.close()
        if self._replaced:
            self._keep_last_per_id()
        if self._lock:
            self._lock.close()

    def _read_completed(self) -> dict[str, str]:
        """id -> content hash of finished records; cuts a torn last line left by a kill."""
        path = self.path / RECORDS
        if not path.exists():
            return {}
        with path.open("rb+") as handle:
            data = handle.read()
            keep = data.rfind(b"\n") + 1
            if keep < len(data):
                handle.truncate(keep)
        done: dict[str, str] = {}
        lines = data[:keep].splitlines()
        for line in lines:
            try:
                obj = json.loads(line)
                done[str(obj["id"])] = str(obj["content_sha256"])
            except (ValueError, KeyError, TypeError):
                continue
        if len(lines) > len(done):
            # A run killed after re-extracting a changed article but before dropping its
            # old line: finish that now, so every id is in the file once.
            self._keep_last_per_id()
        return done

    def add_record(self, record: ArticleRecord) -> None:
        assert self._records is not None
        if record.id in self.done:
            self._replaced.add(record.id)
        self._records.write(record.model_dump_json() + "\n")

    def add(self, outcome: Outcome) -> None:
        """Append one already serialised record or error line."""
        if outcome.error is not None:
            assert self._errors is not None
            self._errors.write(outcome.line + "\n")
            return
        assert self._records is not None
        if outcome.article_id in self.done:
            self._replaced.add(str(outcome.article_id))
        self._records.write(outcome.line + "\n")

    def add_error(self, error: ErrorRecord) -> None:
        assert self._errors is not None
        self._errors.write(error.model_dump_json() + "\n")

    def flush(self) -> None:
        """Make what was written durable: called after each batch."""
        for handle in (self._records, self._errors):
            if handle:
                handle.flush()
                os.fsync(handle.fileno())

    def _keep_last_per_id(self) -> None:
        """An article whose text changed was extracted again: drop its older line."""
        path = self.path / RECORDS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        last: dict[str, int] = {}
        for index, line in enumerate(lines):
            try:
                last[str(json.loads(line)["id"])] = index
            except (ValueError, KeyError, TypeError):
                continue  # not a record: dropped
        keep = sorted(last.values())
        tmp = path.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write("".join(lines[i] for i in keep))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)  # atomic: a kill leaves the old file or the new one

    def write_manifest(self, *, inputs: list[str], settings: dict[str, Any],
                       summary: dict[str, Any]) -> None:
        from extract import __version__

        manifest = {
            "tool": "council-extract",
            "version": __version__,
            "python": sys.version.split()[0],
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "inputs": inputs,
            "settings": settings,
            "summary": summary,
            "files": {"records": RECORDS, "errors": ERRORS},
        }
        tmp = self.path / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path / MANIFEST)
