"""Compare two runs' records.jsonl article by article: a change meant to make extraction
faster (or more robust) must leave every record as it was.

    python scripts/compare_runs.py OLD/records.jsonl NEW/records.jsonl [--show 5] [--quiet]

Prints, per record field, how many articles differ, then the first differences (with
--quiet, only article ids, never text). Exit status 0 when the records are identical,
1 when any differ or an article is missing from one side.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records[f"{record['source']}#{record['id']}"] = record
    return records


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", type=int, default=5, help="differences to print in full")
    parser.add_argument("--quiet", action="store_true", help="print article ids, not text")
    args = parser.parse_args()
    old, new = load(args.old), load(args.new)
    missing, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    per_field: Counter[str] = Counter()
    shown = 0
    for key in sorted(old.keys() & new.keys()):
        fields = differences(old[key], new[key])
        per_field.update(fields)
        for field in fields:
            if shown >= args.show:
                break
            shown += 1
            print(f"--- {key} [{field}]")
            if not args.quiet:
                print(f"  old: {json.dumps(old[key].get(field), ensure_ascii=False)[:1500]}")
                print(f"  new: {json.dumps(new[key].get(field), ensure_ascii=False)[:1500]}")
    print(f"articles: {len(old)} old, {len(new)} new, {len(missing)} missing, {len(added)} added")
    print("articles differing per field: " + (", ".join(
        f"{field} {count}" for field, count in sorted(per_field.items())) or "none"))
    return 1 if per_field or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())
