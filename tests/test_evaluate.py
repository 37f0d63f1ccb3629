"""Scoring follows the record contract's rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.evaluate import evaluate_files, norm, pair, word_f1

TEXT = "The council will hold a fair. Caseloads average 15 cases each, staff said."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Children\u2019s  Services. ", "children's services"),
        ("\u201cQuoted\u201d", "quoted"),
        ("Ｆｕｌｌ width", "full width"),
        ("Line\nbreak", "line break"),
        (None, ""),
    ],
)
def test_evaluate_norm(raw: Any, expected: str) -> None:
    assert norm(raw) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Riverside House", "Riverside House headquarters", 0.8),
        ("director", "director", 1.0),
        ("director", "leader", 0.0),
        (None, None, 1.0),
        ("x", None, 0.0),
    ],
)
def test_evaluate_word_f1(a: Any, b: Any, expected: float) -> None:
    assert word_f1(a, b) == pytest.approx(expected)


EVENT = {"date": None, "date_partial": "--10-08", "time": "10:00", "venue_text": "Grange Hall"}


@pytest.mark.parametrize(
    ("kind", "pred", "gold", "found", "full"),
    [
        ("events", {**EVENT, "date": "2016-10-08", "date_partial": None}, EVENT, True, True),
        ("events", {**EVENT, "time": None}, EVENT, True, False),
        ("events", {**EVENT, "date_partial": "--10-09"}, EVENT, False, False),
        ("events", {**EVENT, "date": "2016-10-08"}, {**EVENT, "date": "2017-10-08"}, False, False),
        ("events", {**EVENT, "venue_text": None}, {**EVENT, "venue_text": None}, True, True),
        ("venues", {"name": "Grange Hall", "locality": None},
         {"name": "The Grange Hall", "locality": "Easton"}, True, False),
        ("venues", {"name": "Town Hall", "locality": "Leeds"},
         {"name": "Leeds Town Hall", "locality": None}, True, True),
        ("officials", {"name": "Ann Lee", "role": "cabinet member", "organisation": "X Council",
                       "quoted": True, "aliases": []},
         {"name": "Ann Lee", "role": "Cabinet Member for Children", "organisation": "x council",
          "quoted": True, "aliases": []}, True, True),
        ("officials", {"name": "Lee", "role": None, "organisation": None, "quoted": False,
                       "aliases": []},
         {"name": "Ann Lee", "role": None, "organisation": None, "quoted": False,
          "aliases": ["Lee"]}, True, True),
        ("officials", {"name": "Ann Lee", "role": "leader", "organisation": None,
                       "quoted": False, "aliases": []},
         {"name": "Ann Lee", "role": "leader", "organisation": None, "quoted": True,
          "aliases": []}, True, False),
        ("figures", {"text": "average 15 cases", "start": 40, "end": 56, "metric": "caseload",
                     "value": 15.0},
         {"text": "15 cases each", "metric": "caseload", "value": 15}, True, True),
        ("figures", {"text": "fair", "start": 24, "end": 28, "metric": "caseload", "value": 15},
         {"text": "15 cases each", "metric": "caseload", "value": 15}, False, False),
        ("figures", {"text": "15 cases", "start": 48, "end": 56, "metric": "other", "value": 15},
         {"text": "15 cases each", "metric": "caseload", "value": 15}, True, False),
        ("awards", {"recipient": "Central Bedfordshire Council", "level": "winner",
                    "award": "Employer of the Year"},
         {"recipient": "Central Bedfordshire", "level": "winner",
          "award": "Best Social Work Employer of the Year"}, True, True),
        ("awards", {"recipient": "Jo Bloggs", "level": "gold", "award": None},
         {"recipient": "Jo Bloggs", "level": "silver", "award": None}, True, False),
    ],
)
def test_evaluate_pairing_rules(kind: str, pred: dict[str, Any], gold: dict[str, Any],
                                found: bool, full: bool) -> None:
    pairs = pair([pred], [gold], kind, TEXT)
    assert (bool(pairs), bool(pairs and pairs[0][2])) == (found, full)


def test_evaluate_pairs_one_to_one_preferring_full_matches() -> None:
    gold = [{**EVENT, "time": "10:00"}, {**EVENT, "time": "14:00"}]
    preds = [{**EVENT, "time": "14:00"}, {**EVENT, "time": "10:00"}, {**EVENT}]
    pairs = pair(preds, gold, "events", TEXT)
    assert sorted(pairs) == [(0, 1, True), (1, 0, True)]


def test_evaluate_files_counts_missing_articles_as_misses(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    empty = {"events": [], "venues": [], "officials": [], "figures": [], "awards": []}
    (gold_dir / "a.json").write_text(json.dumps({"id": "a", **empty, "figures": [
        {"text": "15 cases each", "metric": "caseload", "value": 15}]}))
    (gold_dir / "b.json").write_text(json.dumps({"id": "b", **empty, "events": [EVENT]}))
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "a", "text": TEXT, **empty, "figures": [
        {"text": "15 cases each", "start": 48, "end": 61, "metric": "caseload", "value": 15}]})
        + "\n")
    report = evaluate_files(records, gold_dir)
    assert report.missing_articles == ["b"]
    assert report.scores["figures"].full == 1 and report.scores["events"].gold == 1
    assert report.scores["events"].prf(0) == (0.0, 0.0, 0.0)
