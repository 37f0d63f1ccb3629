"""The gold-set gate: no kind's full-match F1 may fall below its pinned floor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from extract.evaluate import KINDS
from extract.goldgate import below_floor, full_f1, new_floors, read_floors, score_set, set_inputs
from extract.ingest import read_inputs

SETS = [p for p in (ROOT / "tests" / "golden", ROOT / "tests" / "heldout") if (p / "gold").is_dir()]
SURFACE = {"events": ("date_text", "venue_text"), "venues": ("text",), "figures": ("text",)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@pytest.mark.slow
@pytest.mark.parametrize("gold_set", SETS, ids=lambda p: p.name)
def test_golden_scores_stay_above_floors(gold_set: Path) -> None:
    floors = read_floors(gold_set)
    assert floors, f"{gold_set / 'baseline.json'} is missing: run scripts/gold_floors.py"
    scores = full_f1(score_set(gold_set, ROOT))
    assert below_floor(scores, floors) == {}


@pytest.mark.parametrize("gold_set", SETS, ids=lambda p: p.name)
def test_golden_answers_quote_their_articles_exactly(gold_set: Path) -> None:
    texts = {a.id: a.text for a in read_inputs(set_inputs(gold_set, ROOT))
             if hasattr(a, "text")}
    for path in sorted((gold_set / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = texts[gold["id"]]
        for kind, fields in SURFACE.items():
            for record in gold[kind]:
                for name in fields:
                    value = record.get(name)
                    assert value is None or value in text, f"{path.name}: {kind}.{name} {value!r}"


@pytest.mark.parametrize("gold_set", SETS, ids=lambda p: p.name)
def test_golden_dates_are_well_formed_and_weekdays_agree(gold_set: Path) -> None:
    import datetime as dt

    for path in sorted((gold_set / "gold").glob("*.json")):
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            if event.get("date"):
                day = dt.date.fromisoformat(event["date"])
                words = re.findall(r"[a-z]+", (event.get("date_text") or "").lower())
                named = [w for w in words if w in _WEEKDAYS]
                # The first weekday named is the event's; a range may name a second one.
                assert named[:1] in ([], [_WEEKDAYS[day.weekday()]]), f"{path.name}: {event}"
            else:
                assert re.fullmatch(r"--\d\d(-\d\d)?", event.get("date_partial") or ""), path.name


@pytest.mark.parametrize(
    ("scores", "floors", "allow_lower", "expected"),
    [
        ({"events": 0.95}, {"events": 0.9}, False, {"events": 0.95}),
        ({"events": 0.85}, {"events": 0.9}, False, {"events": 0.9}),
        ({"events": 0.85}, {"events": 0.9}, True, {"events": 0.85}),
        ({"events": 0.9239}, {}, False, {"events": 0.923}),
    ],
)
def test_golden_floors_rise_but_never_fall_silently(
    scores: dict[str, float], floors: dict[str, float], allow_lower: bool,
    expected: dict[str, float],
) -> None:
    assert new_floors(scores, floors, allow_lower=allow_lower) == expected


def test_golden_below_floor_names_each_fallen_kind() -> None:
    scores = dict.fromkeys(KINDS, 0.9) | {"macro": 0.9}
    floors = dict.fromkeys(KINDS, 0.8) | {"figures": 0.95, "macro": 0.9}
    assert below_floor(scores, floors) == {"figures": (0.9, 0.95)}
