"""The SPARQL endpoint, tested against the running server with real clients (SPARQLWrapper,
rdflib's SPARQLStore, plain HTTP).  One server per module on a free loopback port; it and its
worker processes are stopped at the end."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph.server import GRAPH_TYPES, RESULT_TYPES, SparqlServer, negotiate, start_server
from kgraph.store import save_dataset

from graph_fixture import FRANCE, GERMANY, MARIA, build_dataset

TIMEOUT = 2.0
MAX_ROWS = 40
# a cross product that runs for hours on any graph of more than a few triples
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.trig"
    save_dataset(build_dataset(), path)
    return path


@pytest.fixture(scope="module")
def server(graph_file: Path) -> Iterator[SparqlServer]:
    srv = start_server(graph_file, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2)
    processes = [w.process for w in srv.pool._all]
    try:
        yield srv
    finally:
        srv.close()
        assert all(p.poll() is not None for p in processes), "a worker process outlived the server"


@pytest.fixture()
def endpoint(server: SparqlServer) -> str:
    return server.url + "/sparql"


def client(endpoint: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def count_triples(endpoint: str) -> int:
    result: Any = client(endpoint, COUNT).query().convert()
    return int(result["results"]["bindings"][0]["n"]["value"])


SELECT_COUNTRIES = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?country ?name WHERE { GRAPH ?g { ?country a kg:Country ; skos:prefLabel ?name } } ORDER BY ?name
"""


def test_select_json(endpoint: str) -> None:
    result: Any = client(endpoint, SELECT_COUNTRIES).query().convert()
    assert result["head"]["vars"] == ["country", "name"]
    rows = [(b["country"]["value"], b["name"]["value"]) for b in result["results"]["bindings"]]
    assert rows == [(FRANCE, "France"), (GERMANY, "Germany")]
    assert result["results"]["bindings"][0]["country"]["type"] == "uri"


def test_select_json_by_post(endpoint: str) -> None:
    sparql = client(endpoint, SELECT_COUNTRIES)
    sparql.setMethod(POST)
    result: Any = sparql.query().convert()
    assert len(result["results"]["bindings"]) == 2


def test_select_xml(endpoint: str) -> None:
    document: Any = client(endpoint, SELECT_COUNTRIES, XML).query().convert()
    ns = "http://www.w3.org/2005/sparql-results#"
    names = [n.firstChild.data for n in document.getElementsByTagNameNS(ns, "literal")]
    assert names == ["France", "Germany"]


def test_select_csv(endpoint: str) -> None:
    body: Any = client(endpoint, SELECT_COUNTRIES, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows == [["country", "name"], [FRANCE, "France"], [GERMANY, "Germany"]]


def test_select_tsv(endpoint: str) -> None:
    body: Any = client(endpoint, SELECT_COUNTRIES, TSV).query().convert()
    lines = body.decode().splitlines()
    assert lines == ["?country\t?name", f'<{FRANCE}>\t"France"', f'<{GERMANY}>\t"Germany"']


def test_ask(endpoint: str) -> None:
    result: Any = client(endpoint, f"ASK {{ GRAPH ?g {{ <{MARIA}> ?p ?o }} }}").query().convert()
    assert result["boolean"] is True


CONSTRUCT = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT {{ ?c skos:prefLabel ?name }} WHERE {{ GRAPH ?g {{ ?c skos:prefLabel ?name }} VALUES ?c {{ <{FRANCE}> }} }}
"""


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD])
def test_construct(endpoint: str, fmt: str) -> None:
    result: Any = client(endpoint, CONSTRUCT, fmt).query().convert()
    graph = result if isinstance(result, rdflib.Graph) else rdflib.Graph().parse(data=result, format="turtle")
    assert set(graph) == {(rdflib.URIRef(FRANCE), rdflib.SKOS.prefLabel, rdflib.Literal("France"))}


@pytest.mark.parametrize("media, rdf_format", [("application/n-triples", "nt"), ("application/n-quads", "nquads"),
                                               ("application/trig", "trig"), ("application/rdf+xml", "xml")])
def test_construct_other_formats(endpoint: str, media: str, rdf_format: str) -> None:
    url = endpoint + "?" + urllib.parse.urlencode({"query": CONSTRUCT})
    status, headers, body = http(url, headers={"Accept": media})
    assert status == 200 and headers["Content-Type"].startswith(media)
    graph = rdflib.Dataset().parse(data=body, format=rdf_format)
    assert (rdflib.URIRef(FRANCE), rdflib.SKOS.prefLabel, rdflib.Literal("France")) in graph


def test_rdflib_sparqlstore(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(graph.query(SELECT_COUNTRIES))
    assert [str(row[1]) for row in rows] == ["France", "Germany"]  # type: ignore[index]


def test_post_sparql_query_body(endpoint: str) -> None:
    status, headers, body = http(endpoint, data=SELECT_COUNTRIES.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[1:] == [f"{FRANCE},France", f"{GERMANY},Germany"]


def test_named_query_with_parameter(server: SparqlServer) -> None:
    status, _, body = http(server.url + "/named/entities_by_type?type=Country",
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert {r["entity"]["value"] for r in rows} == {FRANCE, GERMANY}
    assert {r["type"]["value"] for r in rows} == {"Country"}


def test_named_query_errors(server: SparqlServer) -> None:
    status, _, body = http(server.url + "/named/entities_by_type?kind=Country")
    assert status == 400 and b'has no parameter "kind"' in body
    status, _, body = http(server.url + "/named/entities_by_type?type=Planet")
    assert status == 400 and b"expected one of Person" in body
    status, _, body = http(server.url + "/named/nothing_here")
    assert status == 404 and b'No query named "nothing_here"' in body


def test_named_list(server: SparqlServer) -> None:
    from kgraph.query import query_names

    status, headers, body = http(server.url + "/named")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    listed = json.loads(body)["queries"]
    assert [q["name"] for q in listed] == query_names()
    assert all(q["title"] and q["sparql"].strip() for q in listed)
    assert next(q for q in listed if q["name"] == "entities_by_type")["parameters"].keys() == {"type"}


def test_update_refused(endpoint: str) -> None:
    before = count_triples(endpoint)
    update = f'INSERT DATA {{ GRAPH <urn:x> {{ <{MARIA}> <urn:p> "x" }} }}'
    sparql = client(endpoint, update)
    sparql.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as info:
        sparql.query()
    assert info.value.code == 403
    for data, content_type in ((update.encode(), "application/sparql-update"),
                               (urllib.parse.urlencode({"query": update}).encode(), "application/x-www-form-urlencoded"),
                               (b"DROP ALL", "application/sparql-update")):
        status, _, body = http(endpoint, data=data, method="POST", headers={"Content-Type": content_type})
        assert status == 403 and b"read-only" in body
    status, _, _ = http(endpoint, data=b"x", method="PUT")
    assert status == 405
    assert count_triples(endpoint) == before


def test_service_refused(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 403 and b"SERVICE" in body and b"--allow-service" in body
    # the word inside a literal or a variable name is no SERVICE call
    ok = 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }'
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": ok}))
    assert status == 200


def test_bad_query_gets_400_with_parser_message(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed) as info:
        client(endpoint, "SELECT ?s WHERE { ?s ?p }").query()
    assert "error at 1:" in str(info.value)
    status, _, body = http(endpoint)
    assert status == 400 and b"Missing the query" in body


def test_result_cap(endpoint: str) -> None:
    url = endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    status, headers, body = http(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and headers["X-Kgraph-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    url = endpoint + "?" + urllib.parse.urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"})
    status, headers, body = http(url, headers={"Accept": "application/n-triples"})
    assert headers["X-Kgraph-Truncated"] == "true" and len(body.decode().splitlines()) == MAX_ROWS
    status, headers, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": SELECT_COUNTRIES}))
    assert "X-Kgraph-Truncated" not in headers


def test_runaway_query_is_stopped_while_others_are_served(endpoint: str) -> None:
    slow: dict[str, Any] = {}

    def run_slow() -> None:
        started = time.monotonic()
        slow["status"], _, slow["body"] = http(endpoint + "?" + urllib.parse.urlencode({"query": RUNAWAY}))
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    answered = []
    while thread.is_alive():  # the other worker keeps answering
        started = time.monotonic()
        assert count_triples(endpoint) > 0
        answered.append(time.monotonic() - started)
        time.sleep(0.1)
    thread.join()
    assert slow["status"] == 503 and b"time limit" in slow["body"]
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 3
    assert answered and max(answered) < 1.5
    time.sleep(0.5)
    # the stopped worker was replaced: two queries can run side by side again
    assert count_triples(endpoint) > 0


def test_query_page_works_offline(server: SparqlServer) -> None:
    status, headers, body = http(server.url + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert "<textarea" in page and 'fetch("sparql"' in page
    references = re.findall(r"""(?:src|href|action)\s*=\s*["']?([^"'\s>]+)|fetch\(\s*["']([^"']+)|url\(([^)]*)\)""", page)
    targets = [t for group in references for t in group if t]
    assert targets and not [t for t in targets if "//" in t or t.startswith("/")], targets
    assert "<link" not in page and "@import" not in page


def test_content_negotiation() -> None:
    assert negotiate("", None, RESULT_TYPES) == "json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", None, RESULT_TYPES) == "xml"
    assert negotiate("text/turtle, */*;q=0.1", None, RESULT_TYPES) == "json"
    assert negotiate("application/json", None, RESULT_TYPES) == "json"
    assert negotiate("text/html", "csv", RESULT_TYPES) == "csv"
    assert negotiate("application/sparql-results+json", None, GRAPH_TYPES) == "turtle"
    assert negotiate("application/ld+json;q=0.9, text/turtle;q=0.2", None, GRAPH_TYPES) == "jsonld"
    assert negotiate("", "nt", GRAPH_TYPES) == "ntriples"


def test_missing_source_is_one_line_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "none.trig"), "--port", "0"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "none.trig" in result.output


def test_store_folder_and_allowed_service(server: SparqlServer, graph_file: Path, tmp_path: Path) -> None:
    """A store folder is served in place; with allow_service a SERVICE call reaches another endpoint."""
    from kgraph.store import create_store, open_oxigraph

    folder = tmp_path / "store"
    create_store(folder)
    store = open_oxigraph(folder, read_only=False)
    store.extend(q for q in open_oxigraph(graph_file) if "country" in str(q.subject))
    store.flush()
    del store
    other = start_server(folder, port=0, workers=1, allow_service=True)
    try:
        status, _, body = http(other.url + "/sparql?" + urllib.parse.urlencode({"query": SELECT_COUNTRIES}),
                               headers={"Accept": "text/csv"})
        assert status == 200 and body.decode().splitlines()[1:] == [f"{FRANCE},France", f"{GERMANY},Germany"]
        federated = (f"SELECT ?s WHERE {{ SERVICE <{server.url}/sparql> "
                     f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?s = <{MARIA}>) }} }} LIMIT 1")
        status, _, body = http(other.url + "/sparql?" + urllib.parse.urlencode({"query": federated}),
                               headers={"Accept": "text/csv"})
        assert status == 200 and body.decode().splitlines() == ["s", MARIA], body
    finally:
        other.close()
