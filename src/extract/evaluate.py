"""Score extracted records against hand-made answers, by the rules of the record contract.

Per article and kind, predicted and gold records are paired one-to-one (full matches
first, then key-only matches). A pair is *found* when its key agrees and *full* when the
main attributes agree too. Counts are summed over all articles; the headline is the
macro-average of the five full-match F1 scores.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("events", "venues", "officials", "figures", "awards")
Rec = dict[str, Any]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "‟": '"', "′": "'", "″": '"'})
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w+")


def norm(value: Any) -> str:
    """NFKC, lower case, straight quotes, collapsed white space, trimmed punctuation."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).lower().translate(_QUOTES)
    return _EDGE_PUNCT.sub("", " ".join(text.split()))


def word_f1(a: Any, b: Any) -> float:
    left, right = _WORD.findall(norm(a)), _WORD.findall(norm(b))
    if not left or not right:
        return 1.0 if not left and not right else 0.0
    common = sum(min(left.count(w), right.count(w)) for w in set(left))
    if common == 0:
        return 0.0
    precision, recall = common / len(left), common / len(right)
    return 2 * precision * recall / (precision + recall)


def _contains(a: Any, b: Any) -> bool:
    left, right = norm(a), norm(b)
    return bool(left and right) and (left in right or right in left)


def _agree(pred: Any, gold: Any) -> bool:
    """Both unknown, or the same (one containing the other)."""
    return (not norm(pred) and not norm(gold)) or _contains(pred, gold)


def _month_day(record: Rec) -> str:
    if record.get("date"):
        return str(record["date"])[5:]
    return str(record.get("date_partial") or "")[2:]


def event_key(pred: Rec, gold: Rec, text: str) -> bool:
    if gold.get("date"):
        return str(pred.get("date") or "") == str(gold["date"])
    return bool(_month_day(gold)) and _month_day(pred) == _month_day(gold)


def event_full(pred: Rec, gold: Rec) -> bool:
    venue_ok = (not norm(pred.get("venue_text")) and not norm(gold.get("venue_text"))) or (
        word_f1(pred.get("venue_text"), gold.get("venue_text")) >= 0.5
    )
    return pred.get("time") == gold.get("time") and venue_ok


def venue_key(pred: Rec, gold: Rec, text: str) -> bool:
    return _contains(pred.get("name"), gold.get("name"))


def venue_full(pred: Rec, gold: Rec) -> bool:
    return not norm(gold.get("locality")) or _contains(pred.get("locality"), gold.get("locality"))


def official_key(pred: Rec, gold: Rec, text: str) -> bool:
    pred_names = {norm(pred.get("name"))} | {norm(a) for a in pred.get("aliases") or []}
    gold_names = {norm(gold.get("name"))} | {norm(a) for a in gold.get("aliases") or []}
    return norm(pred.get("name")) in gold_names or norm(gold.get("name")) in pred_names


def official_full(pred: Rec, gold: Rec) -> bool:
    role_ok = word_f1(pred.get("role"), gold.get("role")) >= 0.5
    return (role_ok and _agree(pred.get("organisation"), gold.get("organisation"))
            and bool(pred.get("quoted")) == bool(gold.get("quoted")))


def _span(record: Rec, text: str) -> tuple[int, int] | None:
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        return record["start"], record["end"]
    surface = record.get("text") or ""
    found = text.find(surface) if surface else -1
    return (found, found + len(surface)) if found >= 0 else None


def figure_key(pred: Rec, gold: Rec, text: str) -> bool:
    left, right = _span(pred, text), _span(gold, text)
    return bool(left and right) and left[0] < right[1] and right[0] < left[1]  # type: ignore[index]


def _same_value(pred: Any, gold: Any) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return abs(float(pred) - float(gold)) <= 0.01 * max(abs(float(gold)), 1e-9)


def figure_full(pred: Rec, gold: Rec) -> bool:
    return pred.get("metric") == gold.get("metric") and _same_value(
        pred.get("value"), gold.get("value")
    )


def award_key(pred: Rec, gold: Rec, text: str) -> bool:
    return _contains(pred.get("recipient"), gold.get("recipient"))


def award_full(pred: Rec, gold: Rec) -> bool:
    award_ok = not norm(gold.get("award")) or word_f1(pred.get("award"), gold.get("award")) >= 0.5
    return pred.get("level") == gold.get("level") and award_ok


RULES: dict[str, tuple[Callable[[Rec, Rec, str], bool], Callable[[Rec, Rec], bool]]] = {
    "events": (event_key, event_full),
    "venues": (venue_key, venue_full),
    "officials": (official_key, official_full),
    "figures": (figure_key, figure_full),
    "awards": (award_key, award_full),
}


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    full: int = 0

    def prf(self, matched: int) -> tuple[float, float, float]:
        if self.gold == 0 and self.predicted == 0:
            return 1.0, 1.0, 1.0
        precision = matched / self.predicted if self.predicted else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Report:
    articles: int = 0
    missing_articles: list[str] = field(default_factory=list)
    scores: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(self.scores[k].prf(self.scores[k].full)[2] for k in KINDS) / len(KINDS)

    def as_dict(self, *, details: bool = False) -> dict[str, Any]:
        kinds = {}
        for kind, score in self.scores.items():
            found, full = score.prf(score.found), score.prf(score.full)
            kinds[kind] = {"gold": score.gold, "predicted": score.predicted,
                           "found": {"p": found[0], "r": found[1], "f1": found[2]},
                           "full": {"p": full[0], "r": full[1], "f1": full[2]}}
        out: dict[str, Any] = {"articles": self.articles, "macro_f1": self.macro_f1,
                               "kinds": kinds, "missing_articles": self.missing_articles}
        if details:
            out["problems"] = self.problems
        return out


def pair(preds: list[Rec], golds: list[Rec], kind: str, text: str) -> list[tuple[int, int, bool]]:
    """One-to-one pairs (pred index, gold index, full?), full matches chosen first."""
    key, full = RULES[kind]
    candidates = [(full(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                  if key(p, g, text)]
    candidates.sort(key=lambda c: (not c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for is_full, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, is_full))
    return pairs


def score_article(report: Report, pred: Rec | None, gold: Rec, text: str) -> None:
    report.articles += 1
    for kind in KINDS:
        preds, golds = list((pred or {}).get(kind) or []), list(gold.get(kind) or [])
        pairs = pair(preds, golds, kind, text)
        score = report.scores[kind]
        score.gold += len(golds)
        score.predicted += len(preds)
        score.found += len(pairs)
        score.full += sum(1 for *_, is_full in pairs if is_full)
        _note_problems(report, gold.get("id"), kind, preds, golds, pairs)


def _note_problems(report: Report, article: Any, kind: str, preds: list[Rec],
                   golds: list[Rec], pairs: list[tuple[int, int, bool]]) -> None:
    matched_p, matched_g = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    strip = ("start", "end")
    for i, j, is_full in pairs:
        if not is_full:
            report.problems.append({"article": article, "kind": kind, "problem": "partial",
                                    "predicted": _trim(preds[i], strip),
                                    "gold": _trim(golds[j], strip)})
    for j, gold in enumerate(golds):
        if j not in matched_g:
            report.problems.append({"article": article, "kind": kind, "problem": "missed",
                                    "gold": _trim(gold, strip)})
    for i, pred in enumerate(preds):
        if i not in matched_p:
            report.problems.append({"article": article, "kind": kind, "problem": "spurious",
                                    "predicted": _trim(pred, strip)})


def _trim(record: Rec, drop: Iterable[str]) -> Rec:
    return {k: v for k, v in record.items() if k not in drop}


def load_records(path: Path) -> dict[str, Rec]:
    records: dict[str, Rec] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                obj = json.loads(line)
                records[str(obj["id"])] = obj
    return records


def evaluate_files(records_path: Path, gold_dir: Path) -> Report:
    return evaluate_records(load_records(records_path), gold_dir)


def evaluate_records(records: dict[str, Rec], gold_dir: Path) -> Report:
    """Score records (by article id) against every <id>.json answer in `gold_dir`."""
    report = Report()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold.setdefault("id", gold_path.stem)
        pred = records.get(str(gold["id"]))
        if pred is None:
            report.missing_articles.append(str(gold["id"]))
        score_article(report, pred, gold, (pred or {}).get("text") or "")
    return report


def format_report(report: Report, *, details: bool = False) -> str:
    lines = [f"{'kind':<10} {'gold':>5} {'pred':>5}  {'found P/R/F1':>20}  {'full P/R/F1':>20}"]
    for kind, score in report.scores.items():
        found, full = score.prf(score.found), score.prf(score.full)
        lines.append(f"{kind:<10} {score.gold:>5} {score.predicted:>5}  "
                     f"{found[0]:6.3f} {found[1]:6.3f} {found[2]:6.3f}  "
                     f"{full[0]:6.3f} {full[1]:6.3f} {full[2]:6.3f}")
    lines.append(f"macro full F1 {report.macro_f1:.3f} over {report.articles} articles")
    if report.missing_articles:
        lines.append(f"no record for: {', '.join(report.missing_articles)}")
    if details:
        lines.extend(json.dumps(p, ensure_ascii=False) for p in report.problems)
    return "\n".join(lines)
