"""The one reader of the data files in `extract/patterns/` (word lists and JSONL rules)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _read(name: str) -> str:
    return (resources.files("extract") / "patterns" / name).read_text(encoding="utf-8")


def pattern_lines(name: str) -> list[str]:
    """Entries of a word list: stripped non-blank lines that are not '#' comments."""
    return [line.strip() for line in _read(name).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def pattern_rows(name: str) -> list[dict[str, Any]]:
    """Rows of a JSONL rule file."""
    return [json.loads(line) for line in _read(name).splitlines() if line.strip()]
