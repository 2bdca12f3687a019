"""kgraph push: Graph Store Protocol and SPARQL Update, idempotent, Basic and Digest auth.

The first tests run against a small Graph Store / Update server written here over an
in-memory Oxigraph store (it checks Basic or Digest credentials).  The tests marked
``virtuoso`` start a real Virtuoso on free loopback ports with a temporary database
(skipped where the ``virtuoso-t`` binary is absent; ``.ci/run`` installs it)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph_fixture import MARIA, build_dataset
from kgraph.cli import cli
from kgraph.push import PushError, list_graphs, make_session, push, query_endpoints
from kgraph.store import open_oxigraph, save_dataset

USER, PASSWORD = "editor", "s3cret word"
REALM, NONCE = "kgraph-test", "5f2a9c"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


class GraphStoreHandler(BaseHTTPRequestHandler):
    """PUT ?graph=IRI (Graph Store Protocol) and POST update= (SPARQL Update) on server.store."""

    server: GraphStore
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _answer(self, status: int, text: str = "", headers: dict[str, str] | None = None) -> None:
        body = text.encode()
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _authorised(self) -> bool:
        given = self.headers.get("Authorization") or ""
        if self.server.auth is None:
            return True
        if self.server.auth == "basic":
            ok = given == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            challenge = f'Basic realm="{REALM}"'
        else:
            fields = dict(re.findall(r'(\w+)="?([^",]*)"?', given[len("Digest "):])) if given.startswith("Digest ") else {}
            ha1 = _md5(f"{USER}:{REALM}:{PASSWORD}")
            ha2 = _md5(f"{self.command}:{fields.get('uri', '')}")
            expected = _md5(f"{ha1}:{NONCE}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
            ok = fields.get("username") == USER and fields.get("response") == expected
            challenge = f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5'
        if not ok:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._answer(401, "authentication required", {"WWW-Authenticate": challenge})
        return ok

    def do_PUT(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        graph = ox.NamedNode(params["graph"][0]) if "graph" in params else ox.DefaultGraph()
        with self.server.lock:
            self.server.requests.append("PUT")
            if isinstance(graph, ox.NamedNode) and graph in set(self.server.store.named_graphs()):
                self.server.store.remove_graph(graph)
            self.server.store.load(body, format=ox.RdfFormat.TURTLE, to_graph=graph)
        self._answer(201 if isinstance(graph, ox.NamedNode) else 204)

    def do_GET(self) -> None:  # noqa: N802
        """SPARQL query (?query=, SPARQL JSON results), unless the server was made without queries."""
        if not self._authorised():
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        if not self.server.queries or "query" not in params:
            self._answer(404, "no query service here")
            return
        with self.server.lock:
            self.server.requests.append("GET")
            result = self.server.store.query(params["query"][0])
            body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        self._answer(200, body.decode(), {"Content-Type": "application/sparql-results+json"})

    def do_DELETE(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        graph = ox.NamedNode(params["graph"][0])
        with self.server.lock:
            self.server.requests.append("DELETE")
            if graph not in set(self.server.store.named_graphs()):
                self._answer(404, "no such graph")
                return
            self.server.store.remove_graph(graph)
        self._answer(204)

    def do_POST(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        update = urllib.parse.parse_qs(body.decode())["update"][0]
        with self.server.lock:
            self.server.requests.append("POST")
            self.server.updates.append(update)
            self.server.store.update(update)
        self._answer(204)


class GraphStore(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, auth: str | None, *, queries: bool = True) -> None:
        super().__init__(("127.0.0.1", 0), GraphStoreHandler)
        self.auth, self.store, self.lock = auth, ox.Store(), threading.Lock()
        self.queries = queries  # answers SPARQL queries (GET ?query=) at any path
        self.requests: list[str] = []
        self.updates: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/store"

    def quads(self) -> set[str]:
        return {str(q) for q in self.store}


@pytest.fixture()
def graph_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    param = getattr(request, "param", None)
    server = GraphStore(None, queries=False) if param == "no-queries" else GraphStore(param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def no_ambient_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KGRAPH_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KGRAPH_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no.netrc"))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("push") / "graph.nq"
    save_dataset(build_dataset(), path)
    return path


def quads_of(path: Path) -> set[str]:
    return {str(q) for q in open_oxigraph(path)}


def changed_copy(path: Path, folder: Path) -> Path:
    """The graph with one article changed: a label replaced, nothing else touched."""
    store = open_oxigraph(path)
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    old = next(q for q in store.quads_for_pattern(ox.NamedNode(MARIA), label, None, None))
    store.remove(old)
    store.add(ox.Quad(old.subject, old.predicate, ox.Literal("Maria Lopez-Garcia"), old.graph_name))
    out = folder / "changed.nq"
    store.dump(str(out), format=ox.RdfFormat.N_QUADS)
    return out


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_is_idempotent_and_replaces_changed_articles(graph_store: GraphStore, graph_file: Path,
                                                         tmp_path: Path, protocol: str) -> None:
    report = push(graph_file, graph_store.url, protocol=protocol)
    assert graph_store.quads() == quads_of(graph_file)
    assert report.graphs == 2 and report.triples == len(quads_of(graph_file))
    push(graph_file, graph_store.url, protocol=protocol)
    assert graph_store.quads() == quads_of(graph_file)  # twice: nothing changed
    changed = changed_copy(graph_file, tmp_path)
    push(changed, graph_store.url, protocol=protocol)
    assert graph_store.quads() == quads_of(changed)
    assert not any("Maria Lopez-Garcia" in q for q in quads_of(graph_file))


def test_update_batches(graph_store: GraphStore, graph_file: Path) -> None:
    report = push(graph_file, graph_store.url, protocol="update", batch=25)
    store = open_oxigraph(graph_file)
    sizes = [len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()]
    assert report.requests == sum(-(-n // 25) for n in sizes)
    assert all(u.count(" .\n") <= 25 for u in graph_store.updates)
    assert sum(u.startswith("DROP SILENT GRAPH <") for u in graph_store.updates) == len(sizes)
    assert graph_store.quads() == quads_of(graph_file)


@pytest.mark.parametrize("graph_store", ["basic"], indirect=True)
def test_basic_auth_from_environment(graph_store: GraphStore, graph_file: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PushError, match=r"HTTP 401 .*KGRAPH_ENDPOINT_USER.*--auth basic"):
        push(graph_file, graph_store.url)
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", USER)
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", PASSWORD)
    push(graph_file, graph_store.url)
    assert graph_store.quads() == quads_of(graph_file)


@pytest.mark.parametrize("graph_store", ["digest"], indirect=True)
def test_digest_auth_from_netrc(graph_store: GraphStore, graph_file: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f'machine 127.0.0.1 login {USER} password "{PASSWORD}"\n')
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with pytest.raises(PushError, match="the server asks for --auth digest"):
        push(graph_file, graph_store.url, auth="basic")
    push(graph_file, graph_store.url, auth="digest", protocol="update")
    assert graph_store.quads() == quads_of(graph_file)


def test_cli_push(graph_store: GraphStore, graph_file: Path) -> None:
    result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", graph_store.url])
    assert result.exit_code == 0, result.output
    assert f"Pushed 2 graphs ({len(quads_of(graph_file))} triples)" in result.output
    assert graph_store.quads() == quads_of(graph_file)


def test_cli_push_errors(graph_file: Path, tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 1 and result.output.startswith("Error: list graphs at http://127.0.0.1:")
    assert "cannot reach the endpoint" in result.output and len(result.output.splitlines()) == 1
    result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", "ftp://example.org/x"])
    assert result.exit_code == 1 and "expected an http:// or https:// URL" in result.output
    result = CliRunner().invoke(cli, ["push", str(tmp_path / "none.trig"), "--endpoint", "http://127.0.0.1:1/"])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "none.trig" in result.output


# ---------------------------------------------------------------------------
# sync: an article removed from the store is removed at the endpoint

ARTICLES = {  # invented; the two spellings of the minister's surname are joined by the identity graph
    "grid.txt": "Ukraine seeks grid repairs\n\nKYIV, March 3 (Reuters) - Ukrainian Energy Minister Dmytro "
                "Kovalskyi said on Tuesday that Ukraine needed new transformers before winter.\n\n\"We cannot "
                "leave our grid exposed,\" Dmytro Kovalskyi told reporters in Kyiv.\n",
    "offer.txt": "Poland offers transformers\n\nWARSAW, March 4 (Reuters) - Poland offered Ukraine twenty "
                 "transformers on Wednesday.\n\n\"Every transformer counts,\" Ukrainian Energy Minister Dmytro "
                 "Kovalsky said after meeting Polish officials in Warsaw.\n",
}
IDENTITY = "https://w3id.org/kgraph/identity"
FOREIGN = "http://example.org/someone-elses-graph"


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by kgraph build from the two articles (their identity graph holds one merge)."""
    folder = tmp_path_factory.mktemp("built")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "store"
    result = CliRunner().invoke(cli, ["build", str(folder / "grid.txt"), str(folder / "offer.txt"),
                                      "--store", str(store), "--workers", "1", "--silent"])
    assert result.exit_code == 0, result.output
    assert IDENTITY in expected_graphs(store)
    return store


def store_copy(store: Path, folder: Path) -> Path:
    out = folder / "store"
    shutil.copytree(store, out)
    return out


def remove_offer(store: Path) -> None:
    result = CliRunner().invoke(cli, ["remove", "--store", str(store), "offer.txt"])
    assert result.exit_code == 0, result.output
    assert IDENTITY not in expected_graphs(store)  # no merge left: the identity graph is empty


def named_graph_sizes(server: GraphStore) -> dict[str, int]:
    return {g.value: len(list(server.store.quads_for_pattern(None, None, None, g)))
            for g in server.store.named_graphs() if isinstance(g, ox.NamedNode)}


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_drops_the_graphs_of_removed_articles(graph_store: GraphStore, built_store: Path, tmp_path: Path,
                                                    protocol: str) -> None:
    store = store_copy(built_store, tmp_path)
    foreign = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                      ox.Literal("kept"), ox.NamedNode(FOREIGN))
    graph_store.store.add(foreign)  # another application's graph on the same server
    first = push(store, graph_store.url, protocol=protocol)
    assert first.dropped == 0
    assert named_graph_sizes(graph_store) == {**expected_graphs(store), FOREIGN: 1}
    remove_offer(store)
    result = CliRunner().invoke(cli, ["push", str(store), "--endpoint", graph_store.url, "--protocol", protocol])
    assert result.exit_code == 0, result.output
    # the removed article's graph and the now empty identity graph are gone; the rest is the store's
    assert "dropped 2 graphs the source no longer has" in result.output
    assert named_graph_sizes(graph_store) == {**expected_graphs(store), FOREIGN: 1}
    assert graph_store.quads() == quads_of(store) | {str(foreign)}
    before = len(graph_store.requests)
    again = push(store, graph_store.url, protocol=protocol)  # idempotent: nothing more to drop
    assert again.dropped == 0 and "DELETE" not in graph_store.requests[before:]
    assert graph_store.quads() == quads_of(store) | {str(foreign)}


def test_no_sync_keeps_removed_graphs(graph_store: GraphStore, built_store: Path, tmp_path: Path) -> None:
    store = store_copy(built_store, tmp_path)
    full = expected_graphs(store)
    push(store, graph_store.url)
    remove_offer(store)
    before = len(graph_store.requests)
    result = CliRunner().invoke(cli, ["push", str(store), "--endpoint", graph_store.url, "--no-sync"])
    assert result.exit_code == 0, result.output
    assert set(named_graph_sizes(graph_store)) == set(full)
    assert set(graph_store.requests[before:]) == {"PUT"}  # nothing listed, nothing deleted


@pytest.mark.parametrize("graph_store", ["no-queries"], indirect=True)
def test_sync_needs_a_query_endpoint(graph_store: GraphStore, graph_file: Path) -> None:
    result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", graph_store.url])
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "cannot list the graphs at the endpoint" in result.output
    assert "--query-endpoint URL, or --no-sync" in result.output
    assert graph_store.quads() == set()  # refused before anything was sent
    helper = GraphStore(None)  # a query service elsewhere that sees the same data
    helper.store = graph_store.store
    thread = threading.Thread(target=helper.serve_forever, daemon=True)
    thread.start()
    try:
        result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", graph_store.url,
                                          "--query-endpoint", helper.url.replace("/store", "/sparql")])
        assert result.exit_code == 0, result.output
        assert graph_store.quads() == quads_of(graph_file)
    finally:
        helper.shutdown()
        helper.server_close()


def test_listing_pages_past_a_row_cap(graph_store: GraphStore, graph_file: Path) -> None:
    push(graph_file, graph_store.url, sync=False)
    session = make_session(graph_store.url)
    assert list_graphs(session, graph_store.url, page=1) == set(expected_graphs(graph_file))


def test_query_endpoints_next_to_known_layouts() -> None:
    assert query_endpoints("http://h:8890/sparql-graph-crud-auth") == [
        "http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth"]
    assert query_endpoints("http://h:8890/sparql-graph-crud")[1] == "http://h:8890/sparql"
    assert query_endpoints("http://h:7878/store")[1] == "http://h:7878/query"
    assert query_endpoints("http://h:3030/news/data")[1] == "http://h:3030/news/query"
    assert query_endpoints("http://h:3030/news/update")[1] == "http://h:3030/news/query"
    assert query_endpoints("http://h:7200/repositories/news/rdf-graphs/service")[1] == "http://h:7200/repositories/news"
    assert query_endpoints("http://h:7200/repositories/news/statements")[1] == "http://h:7200/repositories/news"
    assert query_endpoints("http://h:8890/sparql-auth") == ["http://h:8890/sparql-auth"]


# ---------------------------------------------------------------------------
# a real Virtuoso

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
ThreadsPerQuery = 1

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 6
MaxKeepAlives = 6
KeepAliveTimeout = 10

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso on loopback with a fresh database; yields its base URL (user dba, password dba)."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t not found: install the Debian package virtuoso-opensource (.ci/run does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=_free_port(), http_port=http_port))
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"virtuoso-t exited: {(folder / 'stdout.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("virtuoso-t did not answer within 60 s")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def virtuoso_graphs(url: str) -> dict[str, int]:
    """Triples per kgraph graph, read back through Virtuoso's SPARQL endpoint with SPARQLWrapper."""
    from SPARQLWrapper import JSON, SPARQLWrapper

    sparql = SPARQLWrapper(url + "/sparql")
    sparql.setQuery('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
                    'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kgraph/")) } GROUP BY ?g')
    sparql.setReturnFormat(JSON)
    result = sparql.query().convert()
    assert isinstance(result, dict)
    return {b["g"]["value"]: int(b["n"]["value"]) for b in result["results"]["bindings"]}


def virtuoso_labels(url: str, subject: str) -> set[str]:
    query = f"SELECT ?l WHERE {{ GRAPH ?g {{ <{subject}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }} }}"
    with urllib.request.urlopen(url + "/sparql?" + urllib.parse.urlencode(
            {"query": query, "format": "application/sparql-results+json"}), timeout=30) as response:
        return {b["l"]["value"] for b in json.load(response)["results"]["bindings"]}


def expected_graphs(path: Path) -> dict[str, int]:
    store = open_oxigraph(path)
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


@pytest.mark.virtuoso
@pytest.mark.parametrize("protocol, path", [("gsp", "/sparql-graph-crud-auth"), ("update", "/sparql-auth")])
def test_virtuoso_push_with_digest(virtuoso: str, graph_file: Path, tmp_path: Path, protocol: str, path: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "dba")
    endpoint = virtuoso + path
    args = ["push", str(graph_file), "--endpoint", endpoint, "--protocol", protocol, "--auth", "digest"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert virtuoso_graphs(virtuoso) == expected_graphs(graph_file)
    assert CliRunner().invoke(cli, args).exit_code == 0  # again: nothing changes
    assert virtuoso_graphs(virtuoso) == expected_graphs(graph_file)
    assert virtuoso_labels(virtuoso, MARIA) == {"Maria Lopez"}
    changed = changed_copy(graph_file, tmp_path)
    push(changed, endpoint, protocol=protocol, auth="digest", batch=30)
    assert virtuoso_graphs(virtuoso) == expected_graphs(changed)
    assert "Maria Lopez-Garcia" in virtuoso_labels(virtuoso, MARIA)
    push(graph_file, endpoint, protocol=protocol, auth="digest")  # leave the original for the next test
    assert virtuoso_labels(virtuoso, MARIA) == {"Maria Lopez"}


@pytest.mark.virtuoso
def test_virtuoso_refuses_basic_auth(virtuoso: str, graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "dba")
    result = CliRunner().invoke(cli, ["push", str(graph_file), "--endpoint", virtuoso + "/sparql-graph-crud-auth"])
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "--auth digest" in result.output


@pytest.mark.virtuoso
@pytest.mark.parametrize("protocol, path", [("gsp", "/sparql-graph-crud-auth"), ("update", "/sparql-auth")])
def test_virtuoso_push_drops_removed_articles(virtuoso: str, built_store: Path, tmp_path: Path, protocol: str,
                                             path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "dba")
    store = store_copy(built_store, tmp_path)
    args = ["push", str(store), "--endpoint", virtuoso + path, "--protocol", protocol, "--auth", "digest"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert virtuoso_graphs(virtuoso) == expected_graphs(store)  # earlier tests' graphs dropped too
    remove_offer(store)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "dropped 2 graphs" in result.output
    assert virtuoso_graphs(virtuoso) == expected_graphs(store)
    result = CliRunner().invoke(cli, args)  # again: nothing to drop, nothing changes
    assert result.exit_code == 0 and "dropped" not in result.output
    assert virtuoso_graphs(virtuoso) == expected_graphs(store)
    # the listing pages on the last graph name: one graph per page finds them all on Virtuoso too
    session = make_session(virtuoso, auth="digest")
    assert list_graphs(session, virtuoso + "/sparql-auth", page=1) == set(expected_graphs(store))


def test_build_with_endpoint(graph_store: GraphStore, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Trade talks resume in Vienna\n\nThe Foreign Minister of Austria, Lena Brandt, said on "
                       "Monday that the talks with Hungary would continue next month in Vienna.\n")
    out = tmp_path / "graph.trig"
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(out), "--endpoint", graph_store.url])
    assert result.exit_code == 0, result.output
    assert "Pushed " in result.output and graph_store.quads() == quads_of(out)
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(out), "--endpoint", "mailto:x@example.org"])
    assert result.exit_code == 1 and "expected an http:// or https:// URL" in result.output


def test_build_with_endpoint_syncs_unless_told_not_to(graph_store: GraphStore, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Port talks resume in Gdansk\n\nThe Maritime Minister of Poland, Ewa Sadowska, said on "
                       "Tuesday that the talks with Lithuania would resume next week in Gdansk.\n")
    stale = ox.Quad(ox.NamedNode("https://w3id.org/kgraph/id/article/gone"), ox.NamedNode("http://purl.org/dc/terms/title"),
                    ox.Literal("an article the build no longer has"), ox.NamedNode("https://w3id.org/kgraph/id/article/gone"))
    foreign = ox.Quad(ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/p"), ox.Literal("kept"),
                      ox.NamedNode("http://example.org/someone-elses-graph"))
    out = tmp_path / "graph.trig"
    for flag, stale_kept in (("--no-sync", True), ("--sync", False)):
        graph_store.store.add(stale)
        graph_store.store.add(foreign)
        result = CliRunner().invoke(cli, ["build", str(article), "-o", str(out), "--endpoint", graph_store.url, flag])
        assert result.exit_code == 0, result.output
        assert (str(stale) in graph_store.quads()) is stale_kept, flag
        assert str(foreign) in graph_store.quads()  # never a graph outside kgraph's namespace
        assert ("dropped 1 graphs" in result.output) is not stale_kept
        assert quads_of(out) <= graph_store.quads()
