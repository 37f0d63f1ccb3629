"""Export every table of the store to CSV or Parquet files, one file per table."""

from __future__ import annotations

import csv
from pathlib import Path

from extract.errors import UsageError
from extract.store import connect
from extract.store_schema import EXPORT_TABLES

EXPORT_FORMATS = ("csv", "parquet")


def export_tables(db: Path | str, out_dir: Path | str, *, fmt: str) -> list[Path]:
    """Write <table>.csv or <table>.parquet for each table into `out_dir`; returns the paths."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    conn = connect(db, readonly=True)
    written = []
    try:
        for table in EXPORT_TABLES:
            # Table names come from our own constant, never from the user.
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [col[0] for col in cursor.description]
            path = out / f"{table}.{fmt}"
            if fmt == "csv":
                _write_csv(path, names, cursor)
            else:
                _write_parquet(path, names, cursor.fetchall())
            written.append(path)
    finally:
        conn.close()
    return written


def _write_csv(path: Path, names: list[str], rows: object) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        writer.writerows(rows)  # type: ignore[arg-type]


def _write_parquet(path: Path, names: list[str], rows: list[tuple[object, ...]]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(
            "Parquet export needs pyarrow: pip install 'council-extract[browse]'"
        ) from None
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    pq.write_table(pa.table(columns), path)
