"""Benchmark: how fast kgraph reads, extracts and writes articles.

    python scripts/bench_build.py [FOLDER ...] [--repeat N]

Times each stage separately (model load, reading, extraction, triples, writing) over
the articles under FOLDER (default: examples/articles) and prints articles per second.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kgraph.articles import read_articles
from kgraph.nlp import make_nlp
from kgraph.pipeline import add_extraction, extract
from kgraph.records import Article, Extraction
from kgraph.store import new_dataset, save_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("examples/articles")])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles (default 3)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    nlp = make_nlp()
    t_model = time.perf_counter() - t0

    t0 = time.perf_counter()
    articles = [a for a in read_articles(args.folders) if isinstance(a, Article)]
    t_read = time.perf_counter() - t0
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1

    t_extract = t_triples = 0.0
    dataset = new_dataset()
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        results = [r for r in extract(nlp, articles) if isinstance(r, Extraction)]
        t_extract += time.perf_counter() - t0
        t0 = time.perf_counter()
        for result in results:
            add_extraction(dataset, result)
        t_triples += time.perf_counter() - t0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        save_dataset(dataset, Path(tmp) / "graph.trig")
    t_write = time.perf_counter() - t0

    n = len(articles) * args.repeat
    chars = sum(len(a.text) for a in articles) * args.repeat
    print(f"articles: {len(articles)} x {args.repeat} passes, {chars / n:.0f} characters each on average")
    print(f"model load      {t_model:7.2f} s")
    print(f"read + clean    {t_read:7.2f} s  ({len(articles) / t_read:.1f} articles/s)")
    print(f"extract (spaCy) {t_extract:7.2f} s  ({n / t_extract:.1f} articles/s)")
    print(f"to triples      {t_triples:7.2f} s  ({n / t_triples:.1f} articles/s)")
    print(f"write TriG      {t_write:7.2f} s  ({len(dataset)} triples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
