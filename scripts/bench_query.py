"""Benchmark: named queries on a large news-shaped graph, Oxigraph against rdflib's own engine.

    python scripts/bench_query.py [--articles N] [--stores oxigraph,memory]

Extracts the bundled examples once, copies each extraction under new article ids
(so entities repeat across articles as in real news) until N articles, writes the
graph as TriG, then for each store times loading it and running every named query.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from kgraph.articles import read_articles
from kgraph.nlp import make_nlp
from kgraph.pipeline import add_extraction, extract
from kgraph.query import query_names, run_named
from kgraph.records import Evidence, Extraction
from kgraph.store import count_quads, load_dataset, new_dataset, save_dataset
from kgraph.vocabulary import add_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def copy_as(seed: Extraction, prefix: str) -> Extraction:
    """The seed's records as if read from another article (every evidence span re-pointed)."""
    new_id = f"{prefix}-{seed.article.id}"

    def ev(e: Evidence | None) -> Evidence | None:
        return None if e is None else dataclasses.replace(e, article_id=new_id)

    return Extraction(
        article=dataclasses.replace(seed.article, id=new_id, file=f"{prefix}-{seed.article.file}"),
        entities=tuple(dataclasses.replace(x, mentions=tuple(ev(m) for m in x.mentions)) for x in seed.entities),  # type: ignore[misc]
        roles=tuple(dataclasses.replace(r, evidence=ev(r.evidence)) for r in seed.roles),
        statements=tuple(dataclasses.replace(s, evidence=ev(s.evidence), sentence=ev(s.sentence)) for s in seed.statements),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000, help="articles in the graph (default 3000, about 1M triples)")
    parser.add_argument("--stores", default="oxigraph,memory", help="stores to compare (default oxigraph,memory)")
    args = parser.parse_args(argv)

    nlp = make_nlp()
    seeds = [r for r in extract(nlp, read_articles([ROOT / "examples" / "articles"])) if isinstance(r, Extraction)]
    dataset = new_dataset()
    add_vocabulary(dataset)
    t0 = time.perf_counter()
    for n in range(args.articles):
        add_extraction(dataset, copy_as(seeds[n % len(seeds)], f"{n:06d}"))
    print(f"built {args.articles} articles, {count_quads(dataset):,} triples in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.trig"
        save_dataset(dataset, path)
        del dataset
        print(f"TriG file: {path.stat().st_size / 1e6:.0f} MB")
        for store in args.stores.split(","):
            t0 = time.perf_counter()
            loaded = load_dataset(path, store=store)
            print(f"\n[{store}] load {time.perf_counter() - t0:.1f} s")
            for name in query_names():
                t0 = time.perf_counter()
                try:
                    rows = len(list(run_named(loaded, name)))
                except Exception as exc:  # report and go on: a benchmark, not a test
                    print(f"  {name:<28} failed: {exc}")
                    continue
                print(f"  {name:<28} {time.perf_counter() - t0:7.2f} s  {rows:>8} rows")
            del loaded
    return 0


if __name__ == "__main__":
    sys.exit(main())
