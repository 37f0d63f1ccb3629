"""Quote attribution scoring: table tests on hand-built records, and the gold-set gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import GOLDEN, ROOT
from extract.article import Article
from extract.goldgate import (
    QUOTES,
    below_floor,
    new_floors,
    quote_accuracy,
    read_quote_floors,
    score_quote_set,
    set_inputs,
)
from extract.ingest import read_inputs
from extract.quote_eval import load_quote_gold, score_quotes, speaker_matches

TEXT = ("Cllr Ann Lee said: “We are ready for the fair.” Ms Lee said the hall was full. "
        "Bob Roe, a resident, said: \"It was busy.\" The theme was \"Open Doors\".")
LEE = {"name": "Ann Lee", "aliases": ["Ms Lee", "Lee"]}


def _at(fragment: str, speaker: str | None, kind: str = "direct") -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"speaker": speaker, "text": fragment, "start": start,
            "end": start + len(fragment), "kind": kind}


def _gold(speaker: str | None, text: str, kind: str = "direct") -> dict[str, Any]:
    return {"speaker": speaker, "text": text, "kind": kind}


def _score(tmp_path: Path, gold: list[dict[str, Any]], preds: list[dict[str, Any]],
           officials: list[dict[str, Any]] | None = None) -> tuple[int, int, int, int]:
    (tmp_path / "a1.json").write_text(json.dumps({"id": "a1", "quotes": gold}))
    record = {"id": "a1", "text": TEXT, "quotes": preds, "officials": officials or [LEE]}
    score = score_quotes({"a1": record}, tmp_path)
    return score.gold, score.found, score.correct, score.spurious


READY = "We are ready for the fair."
HALL = "the hall was full"
BUSY = "It was busy."

# (gold quotes, predicted quotes, expected (gold, found, correct, spurious))
CASES = [
    pytest.param([_gold("Ann Lee", "We are ready")], [_at(READY, "Ann Lee")],
                 (1, 1, 1, 0), id="found-right-speaker"),
    pytest.param([_gold("Ann Lee", "We are ready")], [], (1, 0, 0, 0), id="not-found"),
    pytest.param([_gold("Ann Lee", "We are ready")], [_at("the fair.", "Ann Lee")],
                 (1, 0, 0, 1), id="prediction-elsewhere"),
    pytest.param([_gold("Ann Lee", "We are ready")], [_at(READY, "Bob Roe")],
                 (1, 1, 0, 0), id="wrong-speaker"),
    pytest.param([_gold("Ann Lee", "We are ready")], [_at(READY, "ann  lee")],
                 (1, 1, 1, 0), id="speaker-normalised"),
    pytest.param([_gold("Ann Lee", HALL, "reported")], [_at(HALL, "Ms Lee", "reported")],
                 (1, 1, 1, 0), id="alias-of-official"),
    pytest.param([_gold("Ann Lee", HALL, "reported")], [_at(HALL, "Lee", "reported")],
                 (1, 1, 1, 0), id="surname-alias"),
    pytest.param([_gold("Ann Lee", HALL, "reported")], [_at(HALL, "Ms Roe", "reported")],
                 (1, 1, 0, 0), id="unknown-name-no-alias"),
    pytest.param([_gold(None, BUSY)], [_at(BUSY, None)], (1, 1, 1, 0), id="both-null"),
    pytest.param([_gold(None, BUSY)], [_at(BUSY, "Bob Roe")], (1, 1, 0, 0),
                 id="gold-null-pred-named"),
    pytest.param([_gold("Bob Roe", BUSY)], [_at(BUSY, None)], (1, 1, 0, 0),
                 id="gold-named-pred-null"),
    pytest.param([_gold("Ann Lee", "We are ready")],
                 [_at(READY, "Ann Lee"), _at("Open Doors", None)], (1, 1, 1, 1),
                 id="spurious-scare-quote"),
    pytest.param([_gold("Ann Lee", "We are ready"), _gold("Ann Lee", HALL, "reported")],
                 [_at(TEXT[:TEXT.index("Bob")], "Ann Lee", "reported")], (2, 2, 2, 0),
                 id="one-wide-prediction-covers-two"),
    pytest.param([_gold("Ann Lee", "We are ready")],
                 [_at(TEXT[:TEXT.index("Bob")], "Bob Roe"), _at(READY, "Ann Lee")],
                 (1, 1, 1, 0), id="narrowest-covering-wins"),
    pytest.param([_gold("Ann Lee", "not in the article")], [_at(READY, "Ann Lee")],
                 (1, 0, 0, 1), id="gold-text-missing-from-article"),
]


@pytest.mark.parametrize(("gold", "preds", "expected"), CASES)
def test_quote_eval_counts(tmp_path: Path, gold: list[dict[str, Any]],
                           preds: list[dict[str, Any]], expected: tuple[int, ...]) -> None:
    assert _score(tmp_path, gold, preds) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [("Ann Lee", "Ann Lee", True), ("Ms Lee", "Ann Lee", True), (None, None, True),
     ("", None, True), ("Ann Lee", "Bob Roe", False), (None, "Ann Lee", False),
     ("Ann Lee", None, False), ("Lee", "Bob Lee", False)],
)
def test_quote_eval_speaker_matches(pred: str | None, gold: str | None, expected: bool) -> None:
    assert speaker_matches(pred, gold, [LEE]) is expected


def test_quote_eval_accuracy_both_ways_and_unannotated_articles_ignored(tmp_path: Path) -> None:
    (tmp_path / "a1.json").write_text(json.dumps(
        {"id": "a1", "quotes": [_gold("Ann Lee", "We are ready"), _gold("Bob Roe", BUSY)]}))
    (tmp_path / "baseline.json").write_text(json.dumps({"attribution_floor": {}}))
    records = {"a1": {"id": "a1", "text": TEXT, "officials": [LEE],
                      "quotes": [_at(READY, "Ann Lee"), _at(BUSY, "Ann Lee")]},
               "a2": {"id": "a2", "text": TEXT, "quotes": [_at("Open Doors", None)]}}
    score = score_quotes(records, tmp_path)
    assert (score.articles, score.gold, score.found, score.correct) == (1, 2, 2, 1)
    assert (score.accuracy, score.accuracy_found, score.spurious) == (0.5, 0.5, 0)


def test_quote_eval_missing_record_counts_its_quotes_as_unfound(tmp_path: Path) -> None:
    (tmp_path / "a1.json").write_text(json.dumps({"id": "a1", "quotes": [_gold(None, BUSY)]}))
    score = score_quotes({}, tmp_path)
    assert (score.gold, score.found, score.missing_articles) == (1, 0, ["a1"])


def test_quote_eval_floors_round_down_to_two_places_and_never_fall() -> None:
    assert new_floors({"accuracy": 0.9049}, {}, allow_lower=False, places=2) == {"accuracy": 0.9}
    assert new_floors({"accuracy": 0.85}, {"accuracy": 0.9}, allow_lower=False,
                      places=2) == {"accuracy": 0.9}


def test_quote_eval_gold_texts_occur_once_in_their_articles() -> None:
    texts = {a.id: a.text for a in read_inputs(set_inputs(GOLDEN, ROOT))
             if isinstance(a, Article)}
    answers = load_quote_gold(GOLDEN / QUOTES)
    assert answers
    for answer in answers:
        for quote in answer["quotes"]:
            assert texts[answer["id"]].count(quote["text"]) == 1, (answer["id"], quote["text"])
            assert quote["kind"] in ("direct", "reported"), answer["id"]


@pytest.mark.slow
def test_quote_eval_gold_attribution_stays_above_floor() -> None:
    floors = read_quote_floors(GOLDEN)
    assert floors, f"{GOLDEN / QUOTES / 'baseline.json'} is missing"
    assert below_floor(quote_accuracy(score_quote_set(GOLDEN, ROOT)), floors) == {}


@pytest.mark.parametrize("as_json", [False, True])
def test_quote_eval_cli_evaluate_reports_quotes(tmp_path: Path, as_json: bool) -> None:
    from click.testing import CliRunner

    from extract.cli import cli

    quotes, gold = tmp_path / "quotes", tmp_path / "gold"
    quotes.mkdir()
    gold.mkdir()
    (quotes / "a1.json").write_text(json.dumps(
        {"id": "a1", "quotes": [_gold("Ann Lee", "We are ready"), _gold("Bob Roe", BUSY)]}))
    record = {"id": "a1", "text": TEXT, "officials": [LEE], "quotes": [_at(READY, "Ms Lee")]}
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record) + "\n")
    args = ["evaluate", "--gold", str(gold), str(records), "--quotes", str(quotes)]
    result = CliRunner().invoke(cli, args + (["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    if as_json:
        out = json.loads(result.output)["quotes"]
        assert (out["gold"], out["found"], out["correct"], out["accuracy"]) == (2, 1, 1, 0.5)
    else:
        assert "quote attribution accuracy 0.500 of gold, 1.000 of found" in result.output
