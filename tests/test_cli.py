"""The command line: exit codes, outputs, and documentation of every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from extract.cli import cli

ARTICLE = ("Tuesday, 14 March 2023\n\nNorthshire County Council will hold a social work jobs "
           "fair at Grange Hall on Saturday 18 March from 10am.\n")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_run_all_good_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, _, err = invoke("run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                          "--workers", "1", "--no-db")
    assert code == 0, err
    lines = (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    [record] = [json.loads(x) for x in lines]
    assert (record["id"], record["published"]) == ("a", "2023-03-14")
    assert "articles 1" in err and "words/s" in err


def test_cli_run_some_failed_exits_one_and_keeps_good(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"")
    code, _, _ = invoke("run", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "1",
                        "--no-db")
    assert code == 1
    assert len((tmp_path / "out" / "records.jsonl").read_text().splitlines()) == 1
    [error] = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error["error"] == "EmptyInput" and error["source"].endswith("b.txt")


@pytest.mark.parametrize(
    "args",
    [
        ("run", "/no/such/folder", "--no-db"),
        ("run", ".", "--workers", "0"),
        ("extract", "/no/such/file.txt"),
        ("evaluate", "/no/such/records.jsonl", "--gold", "."),
        ("frobnicate",),
    ],
)
def test_cli_usage_errors_exit_two_without_traceback(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args)
    assert code == 2
    assert "Traceback" not in out + err


def test_cli_extract_prints_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE)
    code, out, _ = invoke("extract", str(path), "--publisher", "Northshire County Council")
    assert code == 0
    record = json.loads(out)
    assert record["publisher"] == "Northshire County Council" and record["text"] == ARTICLE


def test_cli_extract_bad_file_names_the_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, err = invoke("extract", str(path))
    assert code == 1 and "EmptyInput" in err


def test_cli_schema_is_json_schema_of_the_record() -> None:
    code, out, _ = invoke("schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "ArticleRecord"
    assert {"events", "venues", "officials", "figures", "awards"} <= set(schema["properties"])


def test_cli_evaluate_prints_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    kinds = {"events": [], "venues": [], "officials": [], "figures": [], "awards": []}
    (gold / "a.json").write_text(json.dumps({"id": "a", **kinds}))
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": "a", "text": "x", **kinds}) + "\n")
    code, out, _ = invoke("evaluate", str(records), "--gold", str(gold), "--json")
    assert code == 0 and json.loads(out)["macro_f1"] == 1.0


def _commands() -> list[str]:
    names = []
    for name, command in cli.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_is_documented_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"council-extract {command}" in readme
