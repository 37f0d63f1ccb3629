"""The gold-set gate: per-kind full-match F1 floors that may rise but never silently fall.

A gold set is a folder with `articles/` (any input format) and `gold/` (<id>.json answers),
plus `baseline.json` holding the floors. Extra inputs (such as the seed articles kept in
corpus/) are listed in the set's `extra_inputs.txt`, one path per line relative to the
repository root.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from extract.article import Article
from extract.evaluate import KINDS, Report, evaluate_records
from extract.ingest import read_inputs
from extract.quote_eval import QuoteScore, load_quote_gold, score_quotes
from extract.schema import ArticleRecord

BASELINE = "baseline.json"
QUOTES = "quotes"


def set_inputs(gold_set: Path, root: Path) -> list[Path]:
    inputs = [gold_set / "articles"]
    extra = gold_set / "extra_inputs.txt"
    if extra.exists():
        inputs += [root / line.strip() for line in extra.read_text().splitlines()
                   if line.strip() and not line.startswith("#")]
    return inputs


def score_set(gold_set: Path, root: Path) -> Report:
    from extract.core import extract_stream

    records = {}
    for record in extract_stream(read_inputs(set_inputs(gold_set, root))):
        if isinstance(record, ArticleRecord):
            records[record.id] = json.loads(record.model_dump_json())
    return evaluate_records(records, gold_set / "gold")


def full_f1(report: Report) -> dict[str, float]:
    scores = {kind: report.scores[kind].prf(report.scores[kind].full)[2] for kind in KINDS}
    scores["macro"] = report.macro_f1
    return scores


def read_floors(gold_set: Path) -> dict[str, float]:
    path = gold_set / BASELINE
    if not path.exists():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text())["full_f1_floor"].items()}


def below_floor(
    scores: dict[str, float], floors: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """Kinds whose score fell under their floor: kind -> (score, floor)."""
    return {k: (scores[k], f) for k, f in floors.items() if scores.get(k, 0.0) + 1e-9 < f}


def new_floors(scores: dict[str, float], floors: dict[str, float], *,
               allow_lower: bool, places: int = 3) -> dict[str, float]:
    """Floors raised to the current scores (rounded down); lowered only when allowed."""
    result = {}
    for kind, score in scores.items():
        current = math.floor(score * 10**places) / 10**places
        old = floors.get(kind, 0.0)
        result[kind] = current if allow_lower else max(old, current)
    return result


def write_floors(gold_set: Path, floors: dict[str, float]) -> None:
    data = {"note": "Full-match F1 floors; raise with scripts/gold_floors.py.",
            "full_f1_floor": floors}
    (gold_set / BASELINE).write_text(json.dumps(data, indent=2) + "\n")


def score_quote_set(gold_set: Path, root: Path) -> QuoteScore:
    """Quote attribution on the set's annotated articles (only those are extracted)."""
    from extract.core import extract_stream

    ids = {str(g["id"]) for g in load_quote_gold(gold_set / QUOTES)}
    articles = (a for a in read_inputs(set_inputs(gold_set, root))
                if isinstance(a, Article) and a.id in ids)
    records = {r.id: json.loads(r.model_dump_json()) for r in extract_stream(articles)
               if isinstance(r, ArticleRecord)}
    return score_quotes(records, gold_set / QUOTES)


def quote_accuracy(score: QuoteScore) -> dict[str, float]:
    return {"accuracy": score.accuracy, "accuracy_found": score.accuracy_found}


def read_quote_floors(gold_set: Path) -> dict[str, float]:
    path = gold_set / QUOTES / BASELINE
    if not path.exists():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text())["attribution_floor"].items()}


def write_quote_floors(gold_set: Path, floors: dict[str, float]) -> None:
    data = {"note": "Quote attribution floors (correct / gold, correct / found), rounded down"
                    " to 2 decimals; raise with new_floors(..., places=2), never lower silently.",
            "attribution_floor": floors}
    (gold_set / QUOTES / BASELINE).write_text(json.dumps(data, indent=2) + "\n")
