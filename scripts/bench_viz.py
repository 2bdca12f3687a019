"""Time to_networkx, write_html, compute_stats and the graph exports on a synthetic news-shaped dataset.

The dataset is built through kgraph.triples.to_triples from invented records: ENTITIES entities
(persons, organisations, countries, places), EDGES distinct relations (roles and statements
about countries), each asserted by one to three of ARTICLES articles.

Usage (from the repo root): PYTHONPATH=. python scripts/bench_viz.py [--entities 5000] [--edges 30000] [--articles 3000] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kgraph.export import EXPORTERS
from kgraph.identity import article_iri
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role, Statement
from kgraph.stats import compute_stats
from kgraph.store import new_dataset
from kgraph.triples import to_triples
from kgraph.visualise import to_networkx, write_html

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
    print(f"{label:<34} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=30000)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="kgraph-bench-")))
    args = parser.parse_args()
    dataset = timed("build synthetic dataset", lambda: build(args.entities, args.edges, args.articles))
    print(f"{'quads':<34} {sum(1 for _ in dataset.quads((None, None, None, None))):8,}")
    nx_graph = timed("to_networkx", lambda: to_networkx(dataset))
    print(f"{'nodes / edges':<34} {nx_graph.number_of_nodes():,} / {nx_graph.number_of_edges():,}")
    for max_nodes in (2000, nx_graph.number_of_nodes()):
        path = args.out / f"graph-{max_nodes}.html"
        timed(f"write_html (max_nodes={max_nodes})", lambda: write_html(nx_graph, path, max_nodes=max_nodes))
        print(f"{'  page size':<34} {path.stat().st_size / 1e6:8.1f} MB  {path}")
    timed("compute_stats", lambda: compute_stats(dataset))
    for fmt in ("graphml", "gexf", "csv"):
        timed(f"export {fmt}", lambda: EXPORTERS[fmt](dataset))


if __name__ == "__main__":
    main()
