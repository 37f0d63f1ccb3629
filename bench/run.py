"""Benchmark, side by side in one run: spaCy's bare tokenizer (the floor), council-extract with
one worker and with all cores, and the usual baseline (dateparser.search_dates, plus a
trained spaCy pipeline's NER when one is installed). Also the cost of each pipeline
component and extractor per article, and the resident memory of the workers over the run.

    python bench/make_corpus.py --n 10000 --out bench/results/corpus.jsonl
    python bench/run.py bench/results/corpus.jsonl

Everything but the component timings is measured in --repeat rounds (3 by default): the
machine's speed drifts from minute to minute, so ratios are taken within a round and the
median round is reported, with the range over the rounds. Prints a table and writes
bench/results/bench-<time>.json. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def read_texts(corpus: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def children() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if stat.rsplit(")", 1)[1].split()[1] == me:
                found.append(int(entry.name))
    return found


def rate(words: int, articles: int, seconds: float, **extra: Any) -> dict[str, Any]:
    return {"words": words, "articles": articles, "seconds": round(seconds, 3),
            "words_per_s": round(words / seconds, 1),
            "articles_per_s": round(articles / seconds, 2), **extra}


def bench_tokenizer(corpus: Path, limit: int | None) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("en")
    texts = [item["text"] for item in read_texts(corpus, limit)]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=256):
        pass
    seconds = time.perf_counter() - started
    return rate(words, len(texts), seconds, peak_rss_mb=round(rss_mb(os.getpid())[1], 1))


def bench_ours(corpus: Path, workers: int, limit: int | None) -> dict[str, Any]:
    """A full `run` (worker processes, JSONL output) with RSS of the workers sampled."""
    from extract.runner import RunSettings, RunSummary, run_batch

    source = corpus
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    if limit is not None:
        source = tmp / "input.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(item) + "\n" for item in read_texts(corpus, limit))
    samples: list[tuple[int, float]] = []  # (articles done, largest worker RSS in MB)
    pace: list[tuple[float, int]] = []  # (seconds since start, words done)
    started = time.perf_counter()

    def sample(summary: RunSummary) -> None:
        pace.append((time.perf_counter() - started, summary.words))
        sizes = [rss_mb(pid)[0] for pid in children()]
        if sizes:
            samples.append((summary.articles, max(sizes)))

    cpu_before = cpu_seconds()
    try:
        summary = run_batch([source], tmp / "out", progress=sample,
                            settings=RunSettings(workers=workers, batch_size=64))
    finally:
        shutil.rmtree(tmp)
    parent, workers_cpu = (after - before for after, before in zip(cpu_seconds(), cpu_before,
                                                                     strict=True))
    return rate(summary.words, summary.articles, summary.seconds, workers=workers,
                errors=summary.errors, parent_cpu_s=round(parent, 1),
                workers_cpu_s=round(workers_cpu, 1),
                words_per_worker_cpu_s=round(summary.words / workers_cpu, 1),
                load_average_after=os.getloadavg(), memory=memory_profile(samples),
                after_start_up=steady_rate(pace))


def steady_rate(pace: list[tuple[float, int]]) -> dict[str, Any]:
    """Words per second from the end of the first batch to the end of the run: the rate of
    a long run, without the seconds the workers take to start and load the pipeline."""
    if len(pace) < 2:
        return {}
    (since, words), (until, total) = pace[0], pace[-1]
    if until <= since:
        return {}
    return {"words": total - words, "seconds": round(until - since, 3),
            "words_per_s": round((total - words) / (until - since), 1)}


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the workers)."""
    me, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return (me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime)


def memory_profile(samples: list[tuple[int, float]]) -> dict[str, Any]:
    """Worker RSS at the 10% and 100% marks of the run, and the growth between them."""
    if not samples:
        return {}
    total = samples[-1][0]
    at_10 = next(mb for done, mb in samples if done >= total * 0.1)
    last = samples[-1][1]
    marks = {f"{p}%": round(next(mb for d, mb in samples if d >= total * p / 100), 1)
             for p in (10, 25, 50, 75, 100)}
    return {"rss_mb_at": marks, "peak_worker_rss_mb": round(max(mb for _, mb in samples), 1),
            "growth_10_to_100_pct": round(100 * (last - at_10) / at_10, 1)}


def bench_baseline(corpus: Path, limit: int) -> dict[str, Any]:
    """dateparser.search_dates per article, plus a trained pipeline's NER if installed."""
    import spacy
    from dateparser.search import search_dates

    texts = [item["text"] for item in read_texts(corpus, limit)]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["en"])
    seconds = time.perf_counter() - started
    models = sorted(spacy.util.get_installed_models())
    result = rate(words, len(texts), seconds, what="dateparser.search_dates",
                  trained_pipelines_installed=models)
    if models:
        nlp = spacy.load(models[0])
        result["with_ner"] = rate(words, len(texts), seconds + _pipe_seconds(nlp, texts),
                                  model=models[0])
    result["with_stand_in_ner"] = rate(
        words, len(texts), seconds + _pipe_seconds(stand_in_pipeline(), texts),
        model="untrained tok2vec+tagger+parser+ner (spaCy efficiency config)")
    return result


def _pipe_seconds(nlp: Any, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started


def stand_in_pipeline() -> Any:
    """A pipeline with the architecture of spaCy's small English pipelines (the CPU
    "efficiency" config: tok2vec, tagger, parser, ner) and label sets of their size, with
    untrained weights. Its speed stands in for the trained pipeline's when none can be
    installed: the work per token does not depend on the weights' values."""
    import spacy
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=["tagger", "parser", "ner"],
                         optimize="efficiency", gpu=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    for name, count in (("tagger", 50), ("parser", 45), ("ner", 18)):
        pipe: Any = nlp.get_pipe(name)
        for number in range(count):
            pipe.add_label(f"{name.upper()}_{number}")
    nlp.initialize()
    return nlp


def bench_components(corpus: Path, limit: int) -> dict[str, float]:
    """Milliseconds per article for each pipe and each extractor, in this process."""
    from extract import core
    from extract.article import Article
    from extract.runner import RunSettings
    from extract.workers import pipeline_for

    nlp = pipeline_for(RunSettings())
    steps: list[tuple[str, Callable[..., Any]]] = [
        (f"extract_{kind}", getattr(core, f"extract_{kind}"))
        for kind in ("events", "venues", "officials", "figures", "awards", "quotes")]
    cost: dict[str, float] = defaultdict(float)
    items = list(read_texts(corpus, limit))
    for item in items:
        article = Article(id=item["id"], text=item["text"], source="bench",
                          published=item.get("published"))
        context = _timed_into(cost, "build_context", core.build_context, article)
        doc = _timed_into(cost, "tokenizer", nlp.make_doc, article.text)
        for name, proc in nlp.pipeline:
            doc = _timed_into(cost, name, proc, doc)
        for name, extract in steps:
            _timed_into(cost, name, lambda d, e=extract, c=context: e(d, context=c), doc)
        record = core.record_from_doc(doc, article, context)
        _timed_into(cost, "record_json", lambda r: r.model_dump_json(), record)
    return {name: round(1000 * seconds / len(items), 3) for name, seconds in cost.items()}


def bench_floor(corpus: Path, limit: int) -> dict[str, float]:
    """Milliseconds per article of what every run does whatever its rules: reading the JSON
    line, the Article, spaCy's tokenizer and Doc, the token lists, an empty record and its
    JSON. Set beside the one-fifth-of-the-tokenizer target, it shows what that target
    leaves for the extractors."""
    import spacy

    from extract.article import Article
    from extract.doctext import token_view
    from extract.schema import ArticleRecord

    nlp = spacy.blank("en")
    lines = []
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            lines.append(line)

    def one(line: str) -> str:
        item = json.loads(line)
        article = Article(id=item["id"], text=item["text"], source="bench",
                          published=item.get("published"))
        token_view(nlp.make_doc(article.text))
        record = ArticleRecord(
            id=article.id, publisher=None, published=article.published, title=None, url=None,
            source=article.source, content_sha256=article.content_sha256, date_order="DMY",
            text=article.text, events=[], venues=[], officials=[], figures=[], awards=[],
            quotes=[], warnings=[])
        return record.model_dump_json()

    for line in lines[:200]:  # the tokenizer's cache and the vocab, as in a long run
        one(line)
    started = time.process_time()
    for line in lines:
        one(line)
    return {"floor_ms_per_article": round(1000 * (time.process_time() - started) / len(lines), 3)}


def _timed_into(cost: dict[str, float], name: str, call: Callable[[Any], Any], arg: Any) -> Any:
    started = time.perf_counter()
    result = call(arg)
    cost[name] += time.perf_counter() - started
    return result


def print_table(results: dict[str, Any]) -> None:
    rows = [("spaCy tokenizer alone", results["tokenizer"]),
            ("council-extract, 1 worker", results["ours_1"]),
            (f"council-extract, {results['ours_all']['workers']} workers", results["ours_all"]),
            ("baseline: dateparser.search_dates", results["baseline"]),
            ("baseline: + stand-in trained pipeline", results["baseline"]["with_stand_in_ner"])]
    if "with_ner" in results["baseline"]:
        rows.append(("baseline: + installed trained pipeline", results["baseline"]["with_ner"]))
    print(f"{'':40} {'words/s':>12} {'articles/s':>11} {'peak RSS MB':>12}")
    for label, row in rows:
        peak = row.get("memory", {}).get("peak_worker_rss_mb", row.get("peak_rss_mb", ""))
        print(f"{label:40} {row['words_per_s']:>12,.0f} {row['articles_per_s']:>11,.1f} "
              f"{peak!s:>12}")
    for key, value in results["ratios"].items():
        low, high = results.get("ratio_ranges", {}).get(key, (value, value))
        print(f"{key:48} {value}  (rounds: {low} to {high})")
    print("worker CPU s (1 worker / all):", results["ours_1"]["workers_cpu_s"],
          results["ours_all"]["workers_cpu_s"], "load average before:",
          results["load_average_before"])
    print("words/s after start-up (1 worker / all):",
          results["ours_1"].get("after_start_up", {}).get("words_per_s"),
          results["ours_all"].get("after_start_up", {}).get("words_per_s"))
    print("memory (largest worker, MB):", json.dumps(results["ours_1"]["memory"]))
    print("ms per article:", json.dumps(results["components_ms_per_article"]))
    tokenizer = results["tokenizer"]
    budget = 5000 * tokenizer["seconds"] / tokenizer["articles"]
    print(f"one fifth of the tokenizer's speed leaves {budget:.3f} ms per article for "
          f"everything; reading, tokenizing, token lists and an empty record take "
          f"{results['floor']['floor_ms_per_article']} ms")


def one_round(args: argparse.Namespace) -> dict[str, Any]:
    found: dict[str, Any] = {
        "tokenizer": bench_tokenizer(args.corpus, args.limit),
        "ours_1": bench_ours(args.corpus, 1, args.limit),
        "ours_all": bench_ours(args.corpus, args.workers, args.limit),
        "baseline": bench_baseline(args.corpus, args.baseline_n),
    }
    found["ratios"] = ratios(found, args.workers)
    return found


def ratios(found: dict[str, Any], workers: int) -> dict[str, float]:
    one, many = found["ours_1"]["words_per_s"], found["ours_all"]["words_per_s"]
    tokenizer = found["tokenizer"]["words_per_s"]
    stand_in = found["baseline"]["with_stand_in_ner"]["words_per_s"]
    result = {
        "one worker / tokenizer (target >= 0.2)": round(one / tokenizer, 4),
        "one worker / dateparser baseline": round(one / found["baseline"]["words_per_s"], 2),
        "one worker / stand-in trained pipeline + dateparser (target >= 20)": round(
            one / stand_in, 2),
        f"parallel efficiency on {workers} (target >= 0.85)": round(many / (one * workers), 3),
    }
    steady = [found[key].get("after_start_up", {}).get("words_per_s")
              for key in ("ours_1", "ours_all")]
    if steady[0] and steady[1]:
        # The tokenizer and baseline timings start once their pipeline is loaded; the
        # rates after start-up compare with them like for like.
        result.update({
            "one worker after start-up / tokenizer": round(steady[0] / tokenizer, 4),
            "one worker after start-up / stand-in trained pipeline + dateparser": round(
                steady[0] / stand_in, 2),
            f"parallel efficiency on {workers} after start-up": round(
                steady[1] / (steady[0] * workers), 3),
        })
    return result


def _median(rounds: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The round whose `key` measurement is the median by words per second."""
    def speed(found: dict[str, Any]) -> float:
        row = found[key].get("with_stand_in_ner", found[key])
        return float(row["words_per_s"])
    ordered = sorted(rounds, key=speed)
    return dict(ordered[(len(ordered) - 1) // 2][key])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSONL from bench/make_corpus.py")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--baseline-n", type=int, default=500,
                        help="articles for the (slow) baseline and component timings")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the side-by-side measurements (median reported)")
    parser.add_argument("--memory-only", action="store_true",
                        help="only the all-cores run, for worker memory over a long corpus")
    args = parser.parse_args()
    if args.memory_only:
        result = bench_ours(args.corpus, args.workers, args.limit)
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"memory-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
        out.write_text(json.dumps(result, indent=2), encoding="utf-8")
        print(json.dumps(result, indent=2))
        return
    load_before = os.getloadavg()
    # The machine's speed drifts from minute to minute: each round measures everything
    # side by side, ratios are taken within a round, and the median round is reported.
    rounds = [one_round(args) for _ in range(args.repeat)]
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "corpus": str(args.corpus),
        # Other processes on the machine skew every figure: look at these first.
        "load_average_before": load_before,
        "rounds": rounds,
        **{key: _median(rounds, key) for key in ("tokenizer", "ours_1", "ours_all", "baseline")},
        "ratios": {key: round(statistics.median(r["ratios"][key] for r in rounds), 4)
                   for key in rounds[0]["ratios"]},
        "ratio_ranges": {key: [min(r["ratios"][key] for r in rounds),
                               max(r["ratios"][key] for r in rounds)]
                         for key in rounds[0]["ratios"]},
        "components_ms_per_article": bench_components(args.corpus, args.baseline_n),
        "floor": bench_floor(args.corpus, 2000),
        "bench_process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                           / 1024, 1),
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_table(results)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
