"""Benchmark: the persistent store on a news-shaped corpus of synthetic articles.

    python scripts/bench_store.py [--articles 10000] [--sizes 500,4000] [--batch-size 32]

Extracts the bundled examples once (spaCy), then synthesises articles from them: each
copy gets its own id, URL and story text, and its people and organisations new names
drawn from pools of invented surnames (so entities repeat across articles as in news,
without running spaCy thousands of times).  The synthetic extractions go through the
real ``kgraph.pipeline.build_store``: story hashing, the ledger, quads in one
transaction per batch, and the identity graph recomputed at the end.

Reports:
- peak RSS of a build streamed into a new store, for each of ``--sizes`` articles
  (each size in its own subprocess, ``resource.getrusage``);
- write time per article for ``--articles`` articles (no spaCy: extraction is what
  ``scripts/bench_build.py`` measures), and the time of the closing reconcile;
- the latency of every named query on the store (opened read-only, nothing loaded)
  against the same query on an N-Quads file of the same graph (parsed first, as
  ``kgraph query FILE`` does; the load time is reported once).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ["ka", "lo", "mer", "vin", "tas", "ro", "len", "dri", "so", "bel", "nu", "gar"]


def surname(k: int) -> str:
    """An invented surname, one per k (12**3 = 1728 of them)."""
    parts = [SYLLABLES[(k // 12**i) % 12] for i in range(3)]
    return "".join(parts).capitalize()


def synthesise(seeds: list, n: int) -> tuple:  # type: ignore[type-arg]
    """Article and extraction number n: seed n % len(seeds) under new names."""
    from kgraph.identity import entity_key
    from kgraph.records import Article, Evidence, Extraction

    seed = seeds[n % len(seeds)]
    new_id = f"{n:06d}-{seed.article.id}"
    people, orgs = surname(n % 1000), surname(1000 + n % 300)

    def rename(name: str, type_: str, old_last: str) -> str:
        if type_ == "Person":
            return name.replace(old_last, people) if old_last in name else f"{name} {people}"
        if type_ == "Organization":
            return f"{name} {orgs}"
        return name

    keys: dict[str, str] = {}
    entities = []
    for entity in seed.entities:
        if entity.type in ("Person", "Organization"):
            last = entity.name.split()[-1]
            name = rename(entity.name, entity.type, last)
            aliases = tuple(rename(a, entity.type, last) for a in entity.aliases)
            key = entity_key(entity.type, name)
        else:
            name, aliases, key = entity.name, entity.aliases, entity.key
        keys[entity.key] = key
        mentions = tuple(dataclasses.replace(m, article_id=new_id) for m in entity.mentions)
        entities.append(dataclasses.replace(entity, key=key, name=name, aliases=aliases, mentions=mentions))

    def ev(e: Evidence | None) -> Evidence | None:
        return None if e is None else dataclasses.replace(e, article_id=new_id)

    meta = dataclasses.replace(seed.article.meta, url=f"https://news.example/{n:06d}")
    article = Article(id=new_id, file=new_id, source=f"synthetic/{new_id}",
                      text=f"{seed.article.text}\n\n(synthetic copy {n})", meta=meta,
                      body_start=seed.article.body_start)
    extraction = Extraction(
        article=article,
        entities=tuple(entities),
        roles=tuple(dataclasses.replace(r, person=keys.get(r.person, r.person), org=keys.get(r.org, r.org),
                                        evidence=ev(r.evidence)) for r in seed.roles),
        statements=tuple(dataclasses.replace(s, speaker=keys.get(s.speaker, s.speaker), evidence=ev(s.evidence),
                                             sentence=ev(s.sentence)) for s in seed.statements),
    )
    return article, extraction


def child(seeds_file: Path, articles: int, store_dir: Path, batch_size: int) -> dict[str, float]:
    """Build ``articles`` synthetic articles into a new store; what it took."""
    import kgraph.parallel
    from kgraph.pipeline import build_store, count_articles
    from kgraph.records import Article, Skipped
    from kgraph.store import create_store, open_oxigraph

    seeds = pickle.loads(seeds_file.read_bytes())
    extractions: dict[str, object] = {}

    def read(paths: Iterable[Path]) -> Iterator[Article]:
        for n in range(articles):
            article, extraction = synthesise(seeds, n)
            extractions[article.id] = extraction
            yield article

    def fake_extract(items: Iterable[Article | Skipped], **kwargs: object) -> Iterator[object]:
        for item in items:
            yield item if isinstance(item, Skipped) else extractions.pop(item.id)

    import kgraph.articles

    kgraph.articles.read_articles = read  # type: ignore[assignment]
    kgraph.parallel.extract_stream = fake_extract  # type: ignore[assignment]
    import kgraph.pipeline

    reconciled = {"seconds": 0.0}
    real_reconcile = kgraph.pipeline.reconcile_store

    def timed_reconcile(store: object) -> bool:
        t0 = time.perf_counter()
        done = real_reconcile(store)  # type: ignore[arg-type]
        reconciled["seconds"] = time.perf_counter() - t0
        return done

    kgraph.pipeline.reconcile_store = timed_reconcile
    create_store(store_dir)
    store = open_oxigraph(store_dir, read_only=False)
    t0 = time.perf_counter()
    report = build_store([], store=store, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    store.flush()
    stored = count_articles(store)
    quads = len(store)
    del store
    return {
        "articles": stored,
        "written": report.articles,
        "quads": quads,
        "seconds": seconds,
        "reconcile_seconds": reconciled["seconds"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(seeds_file: Path, articles: int, store_dir: Path, batch_size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(seeds_file), str(articles), str(store_dir), str(batch_size)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the big store (default 10000)")
    parser.add_argument("--sizes", default="500,4000", help="sizes whose peak RSS to compare (default 500,4000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--skip-queries", action="store_true", help="only the build figures")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        seeds_file, articles, store_dir, batch_size = args.child
        print(json.dumps(child(Path(seeds_file), int(articles), Path(store_dir), int(batch_size))))
        return 0

    from kgraph.articles import read_articles
    from kgraph.parallel import extract_stream
    from kgraph.records import Extraction

    seeds = [r for r in extract_stream(read_articles([ROOT / "examples" / "articles"]), model=None)
             if isinstance(r, Extraction)]
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        work = Path(tmp)
        seeds_file = work / "seeds.pickle"
        seeds_file.write_bytes(pickle.dumps(seeds))
        print(f"{len(seeds)} seed articles from examples/articles; batch size {args.batch_size}")
        for size in [int(s) for s in args.sizes.split(",") if s]:
            figures = run_child(seeds_file, size, work / f"store-{size}", args.batch_size)
            print(f"streamed {size:>6} articles: peak RSS {figures['peak_rss_mb']:6.0f} MB, "
                  f"{figures['quads']:>10,} quads, {1000 * figures['seconds'] / size:5.2f} ms/article, "
                  f"store {folder_mb(work / f'store-{size}'):.0f} MB")
        big = work / "store-big"
        figures = run_child(seeds_file, args.articles, big, args.batch_size)
        print(f"big store: {figures['articles']:,.0f} articles, {figures['quads']:,.0f} quads, "
              f"{folder_mb(big):.0f} MB on disk; build {figures['seconds']:.1f} s = "
              f"{1000 * figures['seconds'] / args.articles:.2f} ms/article "
              f"(of which reconcile {figures['reconcile_seconds']:.1f} s); peak RSS {figures['peak_rss_mb']:.0f} MB")
        if args.skip_queries:
            return 0
        queries(big, work / "big.nq")
    return 0


def queries(store_dir: Path, file: Path) -> None:
    from kgraph.query import query_names, run_named
    from kgraph.store import open_graph, save_dataset

    t0 = time.perf_counter()
    save_dataset(open_graph(store_dir), file)
    print(f"wrote {file.name} from the store in {time.perf_counter() - t0:.1f} s ({file.stat().st_size / 1e6:.0f} MB)")
    t0 = time.perf_counter()
    on_store = open_graph(store_dir)
    opened = time.perf_counter() - t0
    t0 = time.perf_counter()
    on_file = open_graph(file)
    loaded = time.perf_counter() - t0
    print(f"open: store {opened:.2f} s, file {loaded:.1f} s (parse)")
    print(f"  {'query':<28} {'store':>8} {'file':>8} {'rows':>8}")
    for name in query_names():
        timings, counts = [], []
        for dataset in (on_store, on_file):
            t0 = time.perf_counter()
            try:
                counts.append(len(list(run_named(dataset, name))))
            except Exception as exc:  # report and go on: a benchmark, not a test
                print(f"  {name:<28} failed: {exc}")
                break
            timings.append(time.perf_counter() - t0)
        if len(timings) == 2:
            same = "" if counts[0] == counts[1] else f"  (rows differ: {counts[1]} on the file)"
            print(f"  {name:<28} {timings[0]:7.2f}s {timings[1]:7.2f}s {counts[0]:>8}{same}")


if __name__ == "__main__":
    sys.exit(main())
