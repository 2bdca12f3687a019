"""kgraph serve follows a store that other processes write: articles that ``kgraph build
--store`` adds (or ``kgraph remove`` drops) while the server runs show without a restart, and
a query never sees part of a batch.  Each test serves a store folder on a free loopback port
and writes to it from a separate process, as a user's build would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kgraph.server import SparqlServer, start_server, store_signature
from kgraph.store import create_store, open_oxigraph

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {  # invented
    "grid.txt": "Ukraine seeks grid repairs\n\nKYIV, March 3 (Reuters) - Ukrainian Energy Minister Dmytro "
                "Kovalskyi said on Tuesday that Ukraine needed new transformers before winter.\n\n\"We cannot "
                "leave our grid exposed,\" Dmytro Kovalskyi told reporters in Kyiv.\n",
    "offer.txt": "Poland offers transformers\n\nWARSAW, March 4 (Reuters) - Poland offered Ukraine twenty "
                 "transformers on Wednesday.\n\n\"Every transformer counts,\" Ukrainian Energy Minister Dmytro "
                 "Kovalsky said after meeting Polish officials in Warsaw.\n",
}
ARTICLE_TITLES = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?title WHERE { GRAPH ?g { ?article a kg:Article ; dcterms:title ?title } } ORDER BY ?title
"""


def kgraph(*args: str) -> subprocess.CompletedProcess[str]:
    """The kgraph command in a process of its own (as a user runs it next to the server)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)


def titles(server: SparqlServer) -> list[str]:
    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setQuery(ARTICLE_TITLES)
    sparql.setReturnFormat(JSON)
    result: Any = sparql.query().convert()
    return [b["title"]["value"] for b in result["results"]["bindings"]]


def named_rows(server: SparqlServer, name: str) -> list[dict[str, Any]]:
    request = urllib.request.Request(server.url + f"/named/{name}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.load(response)["results"]["bindings"])


@pytest.fixture()
def store_with_one_article(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    done = kgraph("build", str(tmp_path / "grid.txt"), "--store", str(store), "--workers", "1", "--silent")
    assert done.returncode == 0, done.stderr
    return store


def test_articles_built_while_serving_show_without_restart(store_with_one_article: Path) -> None:
    store = store_with_one_article
    server = start_server(store, port=0, workers=2)
    try:
        assert titles(server) == ["Ukraine seeks grid repairs"]
        assert not [r for r in named_rows(server, "merges")]
        done = kgraph("build", str(store.parent / "offer.txt"), "--store", str(store), "--workers", "1", "--silent")
        assert done.returncode == 0, done.stderr
        for _ in range(2):  # each of the two workers answers one of these at least once
            assert titles(server) == ["Poland offers transformers", "Ukraine seeks grid repairs"]
        merges = named_rows(server, "merges")  # the identity graph the build recomputed
        assert [(r["name"]["value"], r["rule"]["value"]) for r in merges] == [("Dmytro Kovalskyi", "spelling-variant")]
        done = kgraph("remove", "--store", str(store), "grid.txt")
        assert done.returncode == 0, done.stderr
        for _ in range(2):
            assert titles(server) == ["Poland offers transformers"]
        assert not named_rows(server, "merges")
    finally:
        server.close()


WRITER = textwrap.dedent("""
    import sys, time
    import pyoxigraph as ox
    from pathlib import Path
    from kgraph.pipeline import write_batch
    from kgraph.store import open_oxigraph

    store = open_oxigraph(Path(sys.argv[1]), read_only=False)
    batches, size = int(sys.argv[2]), int(sys.argv[3])
    p = ox.NamedNode("http://example.org/p")
    print("open", flush=True)
    for i in range(batches):
        if i % 10 == 0:
            sys.stdin.readline()  # paced by the test: one line per answer it got, ten batches per line
        quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{j}"), p, ox.Literal(f"{i}-{j}"),
                         ox.NamedNode(f"http://example.org/batch/{i}/{half}"))
                 for half in ("a", "b") for j in range(size)]
        write_batch(store, quads, drop=[f"http://example.org/batch/{i - 1}/b"] if i % 3 == 2 else [])
        if i % 10 == 9:
            store.flush()  # table files come and go as in a long build
        time.sleep(0.02)
    print("done", flush=True)
""")
PER_GRAPH = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "http://example.org/batch/")) }
GROUP BY ?g
"""


def graph_sizes(server: SparqlServer) -> dict[str, int]:
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": PER_GRAPH})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = json.load(response)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


@pytest.fixture()
def empty_store(tmp_path: Path) -> Iterator[Path]:
    store = tmp_path / "store"
    create_store(store)
    ox_store = open_oxigraph(store, read_only=False)
    del ox_store  # the database exists on disk
    yield store


def test_a_query_never_sees_part_of_a_batch(empty_store: Path) -> None:
    """A writer process commits batches of two graphs (of 300 triples each; every third batch also
    drops the previous batch's second graph, as a replaced article) while clients query; every
    answer holds whole batches only and answers never go back in time."""
    batches, size = 60, 300
    server = start_server(empty_store, port=0, workers=2)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(empty_store), str(batches), str(size)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "open"
        assert graph_sizes(server) == {}
        writer.stdin.write("go\n")
        writer.stdin.flush()
        seen: list[int] = []
        deadline = time.monotonic() + 120
        while writer.poll() is None and time.monotonic() < deadline:
            sizes = graph_sizes(server)
            assert set(sizes.values()) <= {size}, sizes  # no graph is ever seen half-written
            committed = {int(g.split("/")[-2]) for g in sizes}
            if committed:
                last = max(committed)
                expected = {f"http://example.org/batch/{i}/a" for i in range(last + 1)}
                expected |= {f"http://example.org/batch/{i}/b" for i in range(last + 1)
                             if not (i + 1 <= last and (i + 1) % 3 == 2)}
                assert set(sizes) == expected  # whole batches, drop and insert together
                seen.append(last)
            try:
                writer.stdin.write("go\n")
                writer.stdin.flush()
            except BrokenPipeError:  # the writer is done
                pass
        assert writer.wait(60) == 0
        assert seen == sorted(seen)  # never back in time (two workers, each reopening)
        assert len(set(seen)) >= 3, seen  # intermediate states were really observed
        final = graph_sizes(server)  # everything, once the writer is done
        assert len(final) == 2 * batches - len([i for i in range(1, batches) if i % 3 == 2])
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        server.close()


def test_store_signature_changes_with_each_commit_only(empty_store: Path) -> None:
    folder = empty_store / "oxigraph"
    before = store_signature(folder)
    reader = open_oxigraph(empty_store)
    assert store_signature(folder) == before  # a read-only open changes nothing
    del reader
    import pyoxigraph as ox

    writer = open_oxigraph(empty_store, read_only=False)
    writer.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                       ox.Literal("o"), ox.NamedNode("http://example.org/g")))
    after = store_signature(folder)
    assert after is not None and after != before
    assert store_signature(folder) == after
    del writer
    assert store_signature(empty_store / "missing") is None


def test_a_file_deleted_while_the_folder_is_listed_does_not_blind_the_signature(
    empty_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flush or compaction may delete a table file between the listing and its stat; the
    signature lists the folder again instead of giving up (which left a worker on its old view)."""
    folder = empty_store / "oxigraph"
    expected = store_signature(folder)
    real_scandir, calls = os.scandir, []

    class Vanished:
        name = "000999.sst"

        def stat(self) -> os.stat_result:
            raise FileNotFoundError(self.name)

    def scandir(path: Any) -> Any:
        calls.append(path)
        entries = list(real_scandir(path))
        return entries + [Vanished()] if len(calls) == 1 else entries

    monkeypatch.setattr(os, "scandir", scandir)
    assert store_signature(folder) == expected
    assert len(calls) == 2
