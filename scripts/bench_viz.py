"""Time the news map: writing pages of 500, 2,000 and 5,000 nodes and opening them in headless Chromium.

The dataset is synthetic and news-shaped, built through kgraph.triples.to_triples from invented
records: ENTITIES entities (persons, organisations, countries, places), EDGES distinct relations
(roles and statements about countries), each asserted by one to three of ARTICLES articles.
For each page size the script reports the time to select and write the page (layout included)
and, in headless Chromium with the network cut off, the time from navigation to the first
drawing with every node placed ("interactive": the page answers clicks from then on) and how
long a click's neighbourhood highlight takes.

Usage (from the repo root): PYTHONPATH=. python scripts/bench_viz.py [--sizes 500,2000,5000] [--entities 6000] [--edges 12000] [--articles 2000] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kgraph.identity import article_iri
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role, Statement
from kgraph.store import new_dataset
from kgraph.triples import to_triples
from kgraph.visualise.browser import Browser, find_chromium
from kgraph.visualise.model import read_model
from kgraph.visualise.page import write_page
from kgraph.visualise.view import select_view

ROLES = ("President", "Foreign Minister", "Spokesperson", "Chief Executive", "Ambassador", "Chair")


def _entities(count: int, rng: random.Random) -> list[Entity]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    isos = [a + b for a in letters for b in letters]
    rng.shuffle(isos)
    entities = []
    for i in range(count):
        kind = rng.random()
        if kind < 0.05 and isos:
            iso = isos.pop()
            entities.append(Entity(f"country/{iso}", f"Country {iso}", "Country", iso=iso))
        elif kind < 0.65:
            entities.append(Entity(f"person/person-{i}", f"Person {i}", "Person"))
        elif kind < 0.90:
            entities.append(Entity(f"org/org-{i}", f"Organisation {i}", "Organization"))
        else:
            entities.append(Entity(f"place/place-{i}", f"Place {i}", "Place"))
    return entities


def build(n_entities: int, n_edges: int, n_articles: int, seed: int = 1):
    rng = random.Random(seed)
    entities = _entities(n_entities, rng)
    people = [e for e in entities if e.type == "Person"]
    orgs = [e for e in entities if e.type in ("Organization", "Country")]
    countries = [e for e in entities if e.type == "Country"]
    edges: set[tuple[str, str, str]] = set()
    while len(edges) < n_edges:
        person = rng.choice(people).key
        if rng.random() < 0.5:
            edges.add((person, rng.choice(orgs).key, rng.choice(ROLES)))
        else:
            edges.add((person, rng.choice(countries).key, ""))
    per_article: list[list[tuple[str, str, str]]] = [[] for _ in range(n_articles)]
    for edge in sorted(edges):
        for a in rng.sample(range(n_articles), rng.choice((1, 1, 2, 3))):
            per_article[a].append(edge)
    by_key = {e.key: e for e in entities}
    places = [e for e in entities if e.type == "Place"]
    dataset = new_dataset()
    quads = []
    for a, article_edges in enumerate(per_article):
        aid = f"bench-{a}.txt"
        sentence = f"In article {a} an official said that relations must improve soon, officials said."
        ev = Evidence(aid, 0, len(sentence), sentence)
        keys = {k for s, t, _ in article_edges for k in (s, t)} | {rng.choice(places).key}
        mentioned = tuple(
            Entity(k, by_key[k].name, by_key[k].type, iso=by_key[k].iso, mentions=(ev,)) for k in sorted(keys)
        )
        roles = tuple(Role(s, r, r.lower().replace(" ", "-"), t, ev) for s, t, r in article_edges if r)
        statements = tuple(
            Statement(s, "relations must improve", Evidence(aid, i, i + 20), direct=False, countries=(t.split("/")[1],), sentence=ev)
            for i, (s, t, r) in enumerate(article_edges)
            if not r
        )
        article = Article(aid, aid, aid, sentence, ArticleMeta(title=f"Bench article {a}", date="2024-01-01"))
        context = dataset.graph(article_iri(aid))
        quads.extend((*triple, context) for triple in to_triples(Extraction(article, mentioned, roles, statements)))
    dataset.addN(quads)
    return dataset


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<40} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


# time to a drawn frame after a click on the busiest node (highlight + side panel)
CLICK = """new Promise(done => {
  const start = performance.now();
  kgraph.select(0, false);
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
})"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--entities", type=int, default=6000)
    parser.add_argument("--edges", type=int, default=12000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="kgraph-bench-viz-")))
    args = parser.parse_args()
    dataset = timed("build synthetic dataset", lambda: build(args.entities, args.edges, args.articles))
    model = timed("read_model", lambda: read_model(dataset))
    print(f"{'entities / articles / facts':<40} {len(model.entities):,} / {len(model.articles):,} / {len(model.facts):,}")
    rows = []
    for size in (int(x) for x in args.sizes.split(",")):
        view = timed(f"select_view (max_nodes={size:,})", lambda: select_view(model, max_nodes=size))
        path = args.out / f"map-{size}.html"
        start = time.perf_counter()
        write_page(view, path, title=f"bench {size}")
        written = time.perf_counter() - start
        rows.append((size, view, path, written))
        print(f"{'write_page (layout + HTML)':<40} {written:8.2f} s   {path.stat().st_size / 1e6:.1f} MB, "
              f"{len(view.nodes):,} nodes, {len(view.edges):,} edges", flush=True)
    if find_chromium() is None:
        print("chromium is not installed: no browser timings")
        return
    print("\ninteractive: navigation start to the first drawing (vis-network script parsed, data read, network built,"
          " first frame drawn)\n  = until the page script starts + reading the data + building the network + the first frame")
    print(f"{'nodes':>6} {'edges':>7} {'MB':>5} {'write s':>8} {'interactive s':>14} {'':>12} {'breakdown s':>26} {'click ms':>9}")
    with Browser() as browser:
        for size, view, path, written in rows:
            browser.clear()
            start = time.perf_counter()
            browser.open(path.as_uri())
            ready_ms = browser.wait_for("window.__kgReady", timeout=120)
            wall = time.perf_counter() - start
            marks = browser.evaluate(
                "Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))"
            )
            parts = (marks["kg-start"], marks["kg-data"] - marks["kg-start"], marks["kg-network"] - marks["kg-data"],
                     ready_ms - marks["kg-network"])
            click_ms = browser.evaluate(CLICK)
            if browser.errors or browser.remote_requests():
                print("  page problems:", browser.errors[:3], browser.remote_requests()[:3])
            print(f"{len(view.nodes):>6,} {len(view.edges):>7,} {path.stat().st_size / 1e6:>5.1f} {written:>8.2f} "
                  f"{ready_ms / 1000:>8.2f} ({wall:.2f} wall)  {' + '.join(f'{p / 1000:.2f}' for p in parts)} {click_ms:>9.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
