"""The one place that builds the spaCy pipeline.

The default is `spacy.blank("en")` plus rule components; a trained pipeline is optional
and only adds candidate entities that the same rules confirm.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Importing the extractor modules registers their components with spaCy.
from extract import awards, dates, figures, officials, sentences, venues  # noqa: F401
from extract.tokenizer import guard

# Order matters only where a component reads another's spans (noted beside it).
RULE_COMPONENTS: tuple[str, ...] = (
    "council_dates",  # doc.spans["dates"], doc.spans["times"]
    "council_venues",  # doc.spans["venues"]
    "council_people",  # doc.spans["people"], doc.spans["quotes"]
    "council_figures",  # doc.spans["figures"]
    "council_awards",  # doc.spans["awards"]; reads "people"
)


def check_model(model: str) -> None:
    """Fail early, in the calling process, when `model` names no spaCy pipeline."""
    from pathlib import Path

    from extract.errors import UsageError

    if not (Path(model).is_dir() or spacy.util.is_package(model)):
        raise UsageError(
            f"--model {model}: not an installed spaCy pipeline package or a pipeline folder"
        )


def build_nlp(model: str | None = None) -> Language:
    """Build the extraction pipeline, optionally on top of an installed spaCy model."""
    if model is not None:
        check_model(model)
    nlp = spacy.blank("en") if model is None else spacy.load(model)
    nlp.tokenizer = guard(nlp.tokenizer)
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
        nlp.add_pipe("council_sentences")  # the sentencizer's rule plus blank lines
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(model: str | None = None) -> Language:
    """A pipeline built once per process and model name."""
    return build_nlp(model)
