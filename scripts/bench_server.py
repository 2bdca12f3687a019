"""Load test of `kgraph serve` on loopback: queries/s and latency per named query.

    python scripts/bench_server.py [--articles 3000] [--clients 4] [--requests 40] [--seconds 15]

Builds the bundled examples once, then synthesises a store folder of N articles by
replicating their article graphs with renamed IRIs: every copy gets its own article,
mention, role and statement IRIs, and its people, organisations and places are renamed
into one of ``--people`` variants (so an entity recurs across several articles, as in
news).  The identity graph is reconciled as a build does.  Then it serves the store with
kgraph's server and, for each named query (and a trivial ASK that shows the server's own
cost), sends requests from ``--clients`` threads until ``--requests`` answers or
``--seconds`` have passed, and prints queries/s and latency percentiles next to the
time of one request alone and of the same query on the bare store in this process (one run;
both skipped past a quarter of ``--seconds``, where the single request is the figure).
With ``--oxigraph BINARY`` it also loads Oxigraph's own server over the same store.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kgraph.articles import read_articles
from kgraph.nlp import make_nlp
from kgraph.pipeline import add_vocabulary_once, article_quads, extract, reconcile_store
from kgraph.query import load_query, query_names
from kgraph.records import Extraction
from kgraph.server import make_server
from kgraph.store import create_store, open_oxigraph

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/kgraph/id/"
PER_ARTICLE = ("article/", "mention/", "membership/", "statement/", "role/", "quote/")
RENAMED = ("person/", "org/", "place/")
LABELS = {"http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel"}
# parameters for the named queries that take one (the others run unbound: every row)
PARAMS = {"entities_by_type": {"type": "Country"}, "statements_by_topic_country": {"topic": "security"},
          "statements_between_dates": {"from": "2000-01-01"}}


def seed_graphs(nlp: object) -> list[list[ox.Quad]]:
    """The quads of each bundled example's article graph."""
    seeds = []
    for item in extract(nlp, read_articles([ROOT / "examples" / "articles"])):  # type: ignore[arg-type]
        if isinstance(item, Extraction):
            seeds.append(article_quads(item, hashlib.sha256(item.article.text.encode()).hexdigest()))
    return seeds


def renamed(quads: list[ox.Quad], copy: int, people: int) -> list[ox.Quad]:
    """One seed article as copy number ``copy``: per-article IRIs made unique, entities renamed
    into one of ``people`` variants (their labels too)."""
    variant = copy % people
    entities: set[str] = set()

    def node(term: ox.NamedNode) -> ox.NamedNode:
        value = term.value
        if value.startswith(ID):
            local = value[len(ID):]
            if local.startswith(PER_ARTICLE):
                return ox.NamedNode(f"{value}-c{copy}")
            if local.startswith(RENAMED):
                entities.add(value)
                return ox.NamedNode(f"{value}-v{variant}")
        return term

    out = []
    for q in quads:
        s = node(q.subject) if isinstance(q.subject, ox.NamedNode) else q.subject
        o = node(q.object) if isinstance(q.object, ox.NamedNode) else q.object
        if (isinstance(o, ox.Literal) and q.predicate.value in LABELS and isinstance(q.subject, ox.NamedNode)
                and q.subject.value in entities):
            o = ox.Literal(f"{o.value} {variant}", language=o.language) if o.language else ox.Literal(f"{o.value} {variant}")
        g = node(q.graph_name) if isinstance(q.graph_name, ox.NamedNode) else q.graph_name
        out.append(ox.Quad(s, q.predicate, o, g))
    return out


def make_store(folder: Path, articles: int, people: int) -> tuple[int, float]:
    nlp = make_nlp()
    seeds = seed_graphs(nlp)
    started = time.perf_counter()
    create_store(folder)
    store = open_oxigraph(folder, read_only=False)
    add_vocabulary_once(store)
    batch: list[ox.Quad] = []
    for n in range(articles):
        batch += renamed(seeds[n % len(seeds)], n, people)
        if len(batch) > 50_000:
            store.extend(batch)
            batch = []
    store.extend(batch)
    reconcile_store(store)
    store.flush()
    quads = len(store)
    del store
    return quads, time.perf_counter() - started


def get(url: str) -> tuple[int, int]:
    request = urllib.request.Request(url, headers={"Accept": "text/tab-separated-values"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().count(b"\n") - 1
    except urllib.error.HTTPError as exc:
        return exc.code, 0


def load(url: str, *, clients: int, requests: int, seconds: float) -> tuple[list[float], set[int], int, float]:
    latencies: list[float] = []
    statuses: set[int] = set()
    rows = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) >= requests:
                    return
            started = time.perf_counter()
            status, count = get(url)
            with lock:
                latencies.append(time.perf_counter() - started)
                statuses.add(status)
                rows[0] = count

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, statuses, rows[0], time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--people", type=int, default=300, help="variants of each seed entity (default 300)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (default 4)")
    parser.add_argument("--workers", type=int, default=None, help="server query processes (default: the server's)")
    parser.add_argument("--requests", type=int, default=40, help="answers per query at most (default 40)")
    parser.add_argument("--seconds", type=float, default=15.0, help="time per query at most (default 15)")
    parser.add_argument("--max-rows", type=int, default=10_000, help="the server's result cap (default 10000)")
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's time limit per query (default 30 s)")
    parser.add_argument("--only", metavar="NAME,...", help="load-test only these named queries")
    parser.add_argument("--oxigraph", metavar="BINARY",
                        help="also load-test Oxigraph's own server (the `oxigraph` binary of the oxigraph wheel)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        quads, took = make_store(folder, args.articles, args.people)
        print(f"store: {args.articles} articles, {quads:,} quads, built in {took:.1f} s")
        bare = open_oxigraph(folder)
        started = time.perf_counter()
        server = make_server(folder, port=0, max_rows=args.max_rows, timeout=args.timeout, workers=args.workers).start()
        print(f"server: {len(server.pool._all)} workers, up in {time.perf_counter() - started:.1f} s, "
              f"{args.clients} clients, cap {args.max_rows} rows")
        print(f"{'query':<28} {'q/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'n':>4} {'rows':>6} {'alone ms':>8} {'bare ms':>8}")
        try:
            targets: list[tuple[str, str, str, dict[str, str]]] = [("(ASK, server overhead)", "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                        "ASK { ?s ?p ?o }", {})]
            targets += [(n, f"/named/{n}?" + urllib.parse.urlencode(PARAMS.get(n, {})), load_query(n), PARAMS.get(n, {}))
                        for n in query_names() if not args.only or n in args.only.split(",")]
            for name, path, sparql, params in targets:
                started = time.perf_counter()
                status, rows = get(server.url + path)  # one request alone: latency without queueing
                single_ms = (time.perf_counter() - started) * 1000
                if status != 200:
                    print(f"{name:<28} HTTP {status} after {single_ms / 1000:.0f} s (time limit {args.timeout:g} s)")
                    continue
                bare_ms = float("nan")
                if single_ms < args.seconds * 1000 / 4:
                    t0 = time.perf_counter()
                    subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
                        ox.Variable(k): ox.Literal(v) for k, v in params.items()}
                    result = bare.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
                    if not isinstance(result, ox.QueryBoolean):
                        sum(1 for _ in result)
                    bare_ms = (time.perf_counter() - t0) * 1000
                    latencies, statuses, rows, wall = load(server.url + path, clients=args.clients,
                                                           requests=args.requests, seconds=args.seconds)
                else:  # too slow to repeat within the time budget: the single request is the figure
                    latencies, statuses, wall = [single_ms / 1000], {status}, single_ms / 1000
                ms = sorted(x * 1000 for x in latencies)
                cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
                bad = "" if statuses == {200} else f"  statuses {sorted(statuses)}"
                print(f"{name:<28} {len(ms) / wall:7.1f} {cuts[49]:8.1f} {cuts[89]:8.1f} {cuts[98]:8.1f} "
                      f"{len(ms):>4} {rows:>6} {single_ms:8.1f} {bare_ms:8.1f}{bad}", flush=True)
        finally:
            server.close()
            del bare
        if args.oxigraph:
            compare_oxigraph(args, folder)
    return 0


def compare_oxigraph(args: argparse.Namespace, folder: Path) -> None:
    """The same load on Oxigraph's own read-only server over the same store (no named queries,
    no time limit: only the ASK and the parameterless queries that stay short)."""
    import socket
    import subprocess

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([args.oxigraph, "serve-read-only", "--location", str(folder / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/query?"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(base + urllib.parse.urlencode({"query": "ASK {}"}))[0] == 200:
                    break
            except urllib.error.URLError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                print("oxigraph server did not start")
                return
            time.sleep(0.2)
        print(f"\nOxigraph's own server (serve-read-only), same store, {args.clients} clients")
        for name, sparql in (("(ASK, server overhead)", "ASK { ?s ?p ?o }"), ("articles", load_query("articles")),
                             ("credits", load_query("credits"))):
            latencies, statuses, rows, wall = load(base + urllib.parse.urlencode({"query": sparql}),
                                                   clients=args.clients, requests=args.requests, seconds=args.seconds)
            ms = sorted(x * 1000 for x in latencies)
            cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
            print(f"{name:<28} {len(ms) / wall:7.1f} {cuts[49]:8.1f} {cuts[89]:8.1f} {cuts[98]:8.1f} "
                  f"{len(ms):>4} {rows:>6}  statuses {sorted(statuses)}", flush=True)
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    sys.exit(main())
