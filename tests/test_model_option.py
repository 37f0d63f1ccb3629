"""The optional model: any spaCy pipeline on disk may be named; its PERSON entities only
add candidates, which the same rules confirm or reject."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from extract import extract_article
from extract.cli import cli
from extract.errors import UsageError
from extract.pipeline import build_nlp

# Written in lower case, the name is invisible to the rules' capitalised-name finder:
# only an entity makes it a candidate.
TEXT = ("Northshire County Council will hold a jobs fair on Saturday 8 June.\n\n"
        "Praise came from zebedee quarmby, head of fostering at the council.\n\n"
        "Local resident ysolde brannagh said she would go.\n")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([  # type: ignore[attr-defined]
        {"label": "PERSON", "pattern": [{"LOWER": "zebedee"}, {"LOWER": "quarmby"}]},
        {"label": "PERSON", "pattern": [{"LOWER": "ysolde"}, {"LOWER": "brannagh"}]},
    ])
    path = tmp_path_factory.mktemp("model") / "person-model"
    nlp.to_disk(path)
    return path


def test_model_option_loads_a_pipeline_from_a_path(model_dir: Path) -> None:
    nlp = build_nlp(str(model_dir))
    assert nlp.pipe_names[0] == "entity_ruler" and "council_people" in nlp.pipe_names


def test_model_option_entities_add_candidates_that_rules_confirm(model_dir: Path) -> None:
    without = extract_article(TEXT, published="2019-06-01")
    record = extract_article(TEXT, nlp=build_nlp(str(model_dir)), published="2019-06-01")
    assert without.officials == []
    assert [o.name for o in record.officials] == ["zebedee quarmby"]  # the resident is not


def test_model_option_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not an installed spaCy pipeline"):
        build_nlp("/no/such/model")
    (tmp_path / "a.txt").write_text(TEXT)
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "a.txt"), "--out",
                                      str(tmp_path / "out"), "--model", "no_such_model"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--model no_such_model" in result.stderr
