"""Accounting: through `council-extract run`, every input article ends in exactly one place (a
record in records.jsonl or a line in errors.jsonl), and the summary on stderr and the manifest
agree with the files' line counts."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builders import article_html, warc_bytes, write_jsonl

TEXT = "Northshire County Council will hold a jobs fair at Grange Hall on Saturday 8 June.\n"


def make_mixed_folder(folder: Path) -> tuple[set[str], dict[str, int]]:
    """Good and bad inputs of every kind: (ids that must be records, error kind -> count)."""
    folder.mkdir()
    (folder / "good.txt").write_text("Good text. " + TEXT, encoding="utf-8")
    (folder / "page.html").write_text(article_html("Jobs fair", [TEXT * 3]), encoding="utf-8")
    write_jsonl(folder / "rows.jsonl", [
        {"id": "j1", "text": TEXT},
        "{not json",  # BadJSON
        "[1, 2]",  # NotAnObject
        {"id": "j2"},  # MissingField
        {"id": "j1", "text": "again " + TEXT},  # DuplicateId
        {"id": "j3", "text": TEXT, "published": "the day after tomorrow"},  # warning only
        '{"id": "j4", "text": "A lone surrogate escape \\udb12 at Grange Hall."}',
        {"id": "j5", "text": "   "},  # EmptyInput
    ])
    write_jsonl(folder / "rows.jsonl.gz", [{"id": "g1", "text": TEXT}, {"id": "g2", "html":
                article_html("Fair", [TEXT * 3])}], gz=True)
    (folder / "pages.warc.gz").write_bytes(warc_bytes([
        ("https://www.northshire.gov.uk/news/a", article_html("A", [TEXT * 3])),
        ("https://www.northshire.gov.uk/news/b", article_html("B", ["Second. " + TEXT * 3])),
    ]))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "nul.txt").write_bytes(b"Council\x00news")
    (folder / "cp1252.txt").write_bytes("Caf\xe9 fair \x93quoted\x94. ".encode("latin-1")
                                        + TEXT.encode())
    data = gzip.compress(json.dumps({"id": "t1", "text": TEXT}).encode() * 50)
    (folder / "truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    (folder / "nobody.html").write_text("<html><head><title>x</title></head></html>")
    (folder / "garbage.warc.gz").write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not supported")  # named explicitly
    # The article ids each format gives: the file stem, the JSONL id, a hash of the URL.
    return ({"good", "page", "cp1252", "j1", "j3", "j4", "g1", "g2"}, {
        "BadJSON": 1, "NotAnObject": 1, "MissingField": 1, "DuplicateId": 1, "EmptyInput": 2,
        "BinaryInput": 2, "TruncatedGzip": 1, "UnsupportedFormat": 1,
    })


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_accounting_every_input_ends_in_exactly_one_place(tmp_path: Path) -> None:
    must_be_records, error_counts = make_mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(tmp_path / "in"),
         str(tmp_path / "in" / "notes.docx"), "--out", str(out), "--no-db", "--workers", "2",
         "--batch-size", "3"],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr  # some inputs failed, the run finished
    records, errors = read_lines(out / "records.jsonl"), read_lines(out / "errors.jsonl")
    ids = [str(r["id"]) for r in records]
    assert len(ids) == len(set(ids))  # no article twice
    assert must_be_records <= set(ids)
    # The two WARC pages are records (ids hashed from their URLs); no body is a named error.
    assert len([i for i in ids if i not in must_be_records]) == 2
    assert [e["error"] for e in errors if str(e["source"]).endswith("nobody.html")] == [
        "NoMainText"]
    kinds: dict[str, int] = {}
    for error in errors:
        kinds[str(error["error"])] = kinds.get(str(error["error"]), 0) + 1
    for kind, count in error_counts.items():
        assert kinds.get(kind, 0) == count, (kind, kinds)
    garbage = [e["error"] for e in errors if str(e["source"]).endswith("garbage.warc.gz")]
    assert garbage in (["BadWARC"], ["NoArticles"])
    assert sum(error_counts.values()) + 2 == len(errors)  # + nobody.html, garbage.warc.gz
    assert not [k for k in kinds if k.startswith("ExtractionFailed")]
    # The summary on stderr and the manifest agree with the files.
    summary = re.search(r"articles (\d+) \(already done (\d+)\), errors (\d+)", done.stderr)
    assert summary is not None, done.stderr
    assert (int(summary[1]), int(summary[2]), int(summary[3])) == (len(records), 0, len(errors))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert (manifest["articles"], manifest["errors"]) == (len(records), len(errors))
    assert sum(manifest["error_kinds"].values()) == len(errors)
    per_kind = {k: sum(len(r[k]) for r in records) for k in manifest["records"]}  # type: ignore[arg-type]
    assert per_kind == manifest["records"]
    # Surrogate escapes and cp1252 are read, with a warning on the record.
    by_id = {str(r["id"]): r for r in records}
    assert any("surrogate" in w for w in by_id["j4"]["warnings"])  # type: ignore[attr-defined]
    assert any("cp1252" in w for w in by_id["cp1252"]["warnings"])  # type: ignore[attr-defined]
    # A second run has nothing left to do and still accounts for every input.
    again = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(tmp_path / "in"), "--out", str(out),
         "--no-db", "--workers", "1"], capture_output=True, text=True, timeout=300, check=False)
    assert f"articles 0 (already done {len(records)})" in again.stderr
    assert read_lines(out / "records.jsonl") == records
