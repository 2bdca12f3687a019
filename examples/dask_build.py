"""Build a kgraph store on a Dask cluster: one task per chunk of files, one N-Quads shard per task.

    python examples/dask_build.py INPUT... --store DIR [--scheduler tcp://HOST:8786]
                                  [--shards DIR] [--chunk-size 50] [--workers 2] [--model NAME]

Each Dask worker loads the spaCy pipeline once (a worker plugin), as spaCy's maintainers
advise; a task reads its chunk of files, extracts them with ``nlp.pipe`` and writes the
articles' named graphs to ``shard-NNNNN.nq`` in the shards folder, exactly the quads that
``kgraph build`` writes for them.  The client then bulk-loads the shards into the store,
keeps one copy of a story that came under two names (the same rule as ``kgraph build``),
adds the vocabulary graph and recomputes the identity graph from all article graphs.
The store equals the one ``kgraph build INPUT... --store DIR`` makes.

Without ``--scheduler`` a LocalCluster of ``--workers`` processes runs here.  On a real
cluster the inputs and the shards folder must be on storage that every worker and the
client can read (NFS, a shared volume); see the README, "Distributed builds with Dask".
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

PLUGIN = "kgraph-model"


class KgraphModel(WorkerPlugin):  # type: ignore[misc]
    """Loads kgraph's spaCy pipeline once when a worker starts; tasks reuse it."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.nlp: Any = None

    def setup(self, worker: Any) -> None:
        from kgraph.nlp import make_nlp

        self.nlp = make_nlp(self.model)


def list_files(paths: Iterable[Path]) -> list[Path]:
    """The files under the inputs, in the order ``kgraph build`` reads them (hidden ones passed over)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        found = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [Path(folder) / n for n in names if not n.startswith(".")]
        files += sorted(found, key=lambda f: f.relative_to(path).parts)
    return files


def chunks(files: list[Path], size: int) -> list[list[Path]]:
    return [files[i:i + size] for i in range(0, len(files), size)]


def build_shard(files: list[str], shard: str, *, model: str | None = None, batch_size: int = 32) -> dict[str, Any]:
    """A Dask task: read and extract a chunk of files, write their article graphs to one N-Quads file."""
    import pyoxigraph

    from kgraph.articles import read_articles
    from kgraph.parallel import extract_stream
    from kgraph.pipeline import article_quads, story_hash
    from kgraph.records import Skipped

    nlp = get_worker().plugins[PLUGIN].nlp
    articles: list[dict[str, Any]] = []  # what the client needs to know of each article
    skipped: list[Skipped] = []
    quads: list[pyoxigraph.Quad] = []
    for result in extract_stream(read_articles(map(Path, files)), model=model, nlp=nlp, batch_size=batch_size):
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        digest = story_hash(result.article)
        quads += article_quads(result, digest)
        article = result.article
        articles.append({"id": article.id, "file": article.file, "url": article.meta.url, "digest": digest})
    tmp = Path(f"{shard}.tmp")
    pyoxigraph.serialize(quads, output=str(tmp), format=pyoxigraph.RdfFormat.N_QUADS)
    tmp.replace(shard)  # a shard is there whole or not at all
    return {"shard": shard, "articles": articles, "skipped": skipped, "quads": len(quads)}


def load_shards(store_dir: Path, results: list[dict[str, Any]]) -> dict[str, Any]:
    """Load the shards into the store, as ``kgraph build --store`` would have added their articles."""
    import gc

    import pyoxigraph

    from kgraph.identity import article_iri
    from kgraph.pipeline import Ledger, StoredArticle, add_vocabulary_once, count_articles, reconcile_store, remove_articles
    from kgraph.records import Article, ArticleMeta
    from kgraph.store import create_store, open_oxigraph

    create_store(store_dir)
    store = open_oxigraph(store_dir, read_only=False)
    try:
        ledger = Ledger.read(store)
        at_start = set(ledger.by_iri)
        replaced: set[str] = set()  # stored articles that a new version replaces
        duplicates = []
        for result in results:  # in input order, as a single build decides
            for found in result["articles"]:
                article = Article(found["id"], found["file"], found["file"], "", ArticleMeta(url=found["url"]))
                action, old, other = ledger.decide(article, found["digest"])
                if action == "duplicate":
                    duplicates.append((found["file"], other))
                if action in ("duplicate", "unchanged"):
                    continue
                for gone in old:
                    ledger.drop(gone)
                replaced |= set(old) & at_start
                ledger.put(StoredArticle(str(article_iri(found["id"])), found["file"], found["url"], found["digest"]))
        remove_articles(store, replaced)
        for result in results:
            store.bulk_load(path=result["shard"], format=pyoxigraph.RdfFormat.N_QUADS)
        shard_iris = {str(article_iri(a["id"])) for r in results for a in r["articles"]}
        remove_articles(store, shard_iris - set(ledger.by_iri))  # second copies of one story
        add_vocabulary_once(store)
        reconcile_store(store)
        store.flush()
        return {"articles": count_articles(store), "quads": len(store), "duplicates": duplicates}
    finally:
        del store
        gc.collect()


def dask_build(
    inputs: Iterable[Path],
    *,
    store_dir: Path,
    shards: Path,
    client: Client,
    chunk_size: int = 50,
    model: str | None = None,
) -> dict[str, Any]:
    """Build ``store_dir`` from ``inputs`` on the cluster behind ``client``."""
    if __name__ != "__main__":  # imported: workers cannot import this file by name, so ship it
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    client.register_plugin(KgraphModel(model), name=PLUGIN)
    shards.mkdir(parents=True, exist_ok=True)
    futures = [
        client.submit(build_shard, [str(f) for f in chunk], str(shards / f"shard-{n:05d}.nq"), model=model,
                      key=f"kgraph-shard-{n:05d}", pure=False)
        for n, chunk in enumerate(chunks(list_files(inputs), chunk_size))
    ]
    results = client.gather(futures)
    summary = load_shards(store_dir, results)
    summary["skipped"] = [s for r in results for s in r["skipped"]]
    summary["shards"] = len(results)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--store", required=True, type=Path, help="kgraph store folder to build or add to")
    parser.add_argument("--shards", type=Path, help="folder for the N-Quads shards (default: STORE-shards)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--chunk-size", type=int, default=50, help="files per task (default 50)")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    shards = args.shards or args.store.with_name(args.store.name + "-shards")
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1))
    with client:
        summary = dask_build(args.inputs, store_dir=args.store, shards=shards, client=client,
                             chunk_size=args.chunk_size, model=args.model)
    print(f"{args.store}: {summary['articles']} articles, {summary['quads']} quads from {summary['shards']} shards "
          f"in {shards}; skipped {len(summary['skipped'])}, duplicate stories {len(summary['duplicates'])}",
          file=sys.stderr)
    for skipped in summary["skipped"]:
        print(f"  skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
