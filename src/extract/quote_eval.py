"""Score quote speaker attribution against hand-annotated quotes.

A quotes folder holds `<id>.json` files: `{"id", "quotes": [{"speaker", "text", "kind"}]}`,
where `text` is an exact substring of the article lying inside the quote (its first words)
and `speaker` is the person's full name, or null when the speaker is not a named person.
Only annotated articles are scored. A gold quote is *found* when a predicted quote's span
covers the gold text's span (located with `str.find`), and *correct* when the covering
quote names the same speaker: equal after `evaluate.norm`, equal through the aliases of the
official the prediction names, or both null.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate import Rec, norm


@dataclass
class QuoteScore:
    articles: int = 0
    gold: int = 0
    found: int = 0
    correct: int = 0
    predicted: int = 0
    spurious: int = 0
    missing_articles: list[str] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Correctly attributed gold quotes over all gold quotes."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def accuracy_found(self) -> float:
        """Correctly attributed gold quotes over the gold quotes found."""
        return self.correct / self.found if self.found else 1.0

    def as_dict(self, *, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles, "gold": self.gold, "found": self.found,
            "correct": self.correct, "predicted": self.predicted, "spurious": self.spurious,
            "accuracy": self.accuracy, "accuracy_found": self.accuracy_found,
            "missing_articles": self.missing_articles,
        }
        if details:
            out["problems"] = self.problems
        return out


def load_quote_gold(quotes_dir: Path) -> list[Rec]:
    """Every annotation file in `quotes_dir` (files without a `quotes` list are skipped)."""
    answers = []
    for path in sorted(quotes_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("quotes"), list):
            data.setdefault("id", path.stem)
            answers.append(data)
    return answers


def _names_of(speaker: Any, officials: list[Rec]) -> set[str]:
    """The normalised names a predicted speaker stands for: itself plus its official's."""
    names = {norm(speaker)}
    for official in officials:
        forms = {norm(official.get("name"))} | {norm(a) for a in official.get("aliases") or []}
        if norm(speaker) in forms:
            names |= forms
    return names - {""} if norm(speaker) else {""}


def speaker_matches(pred_speaker: Any, gold_speaker: Any, officials: list[Rec]) -> bool:
    """Same person (directly or through an official's aliases), or both unnamed."""
    return norm(gold_speaker) in _names_of(pred_speaker, officials)


def _covers(pred: Rec, start: int, end: int) -> bool:
    p_start, p_end = pred.get("start"), pred.get("end")
    return isinstance(p_start, int) and isinstance(p_end, int) and p_start <= start <= end <= p_end


def _covering(preds: list[Rec], start: int, end: int) -> int | None:
    """Index of the narrowest predicted quote whose span covers [start, end) (first on ties)."""
    covering = [i for i, pred in enumerate(preds) if _covers(pred, start, end)]
    return min(covering, key=lambda i: (preds[i]["end"] - preds[i]["start"], i), default=None)


def _gold_spans(text: str, quotes: list[Rec]) -> list[tuple[int, int] | None]:
    """Where each gold quote's text first occurs in the article, or None when it does not."""
    spans: list[tuple[int, int] | None] = []
    for quote in quotes:
        surface = quote.get("text") or ""
        start = text.find(surface) if surface else -1
        spans.append((start, start + len(surface)) if start >= 0 else None)
    return spans


def _score_article(score: QuoteScore, record: Rec, gold: Rec) -> None:
    article, preds = gold["id"], list(record.get("quotes") or [])
    officials = list(record.get("officials") or [])
    spans = _gold_spans(record.get("text") or "", gold["quotes"])
    score.articles += 1
    score.gold += len(spans)
    score.predicted += len(preds)
    for quote, span in zip(gold["quotes"], spans, strict=True):
        i = _covering(preds, *span) if span else None
        if i is None:
            score.problems.append({"article": article, "problem": "missed", "gold": quote})
            continue
        score.found += 1
        if speaker_matches(preds[i].get("speaker"), quote.get("speaker"), officials):
            score.correct += 1
        else:
            score.problems.append({"article": article, "problem": "wrong speaker",
                                   "gold": quote, "predicted": _public(preds[i])})
    for pred in preds:
        if not any(span and _covers(pred, *span) for span in spans):
            score.spurious += 1
            score.problems.append({"article": article, "problem": "spurious",
                                   "predicted": _public(pred)})


def _public(pred: Rec) -> Rec:
    return {k: v for k, v in pred.items() if k not in ("start", "end")}


def score_quotes(records: dict[str, Rec], quotes_dir: Path) -> QuoteScore:
    """Score the quotes of `records` (article id -> record dict) on the annotated articles."""
    score = QuoteScore()
    for gold in load_quote_gold(quotes_dir):
        record = records.get(str(gold["id"]))
        if record is None:
            score.missing_articles.append(str(gold["id"]))
            score.gold += len(gold["quotes"])
            continue
        _score_article(score, record, gold)
    return score


def format_quote_score(score: QuoteScore, *, details: bool = False) -> str:
    lines = [
        f"quotes: {score.gold} gold, {score.found} found, {score.correct} attributed correctly,"
        f" {score.spurious} spurious of {score.predicted} predicted, over {score.articles}"
        " annotated articles",
        f"quote attribution accuracy {score.accuracy:.3f} of gold, "
        f"{score.accuracy_found:.3f} of found",
    ]
    if score.missing_articles:
        lines.append(f"no record for annotated: {', '.join(score.missing_articles)}")
    if details:
        lines.extend(json.dumps(p, ensure_ascii=False) for p in score.problems)
    return "\n".join(lines)
