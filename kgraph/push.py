"""Write a graph file or store into a running triple store over HTTP.

``push(path, endpoint)`` sends every named graph (each article's graph, the identity and the
vocabulary graph) and any default-graph triples, either

* by the SPARQL 1.1 Graph Store HTTP Protocol (``protocol="gsp"``): one ``PUT
  ENDPOINT?graph=IRI`` per graph, which replaces the graph, or
* by SPARQL 1.1 Update (``protocol="update"``): ``DROP SILENT GRAPH`` then ``INSERT DATA``
  in batches of at most ``batch`` triples (Virtuoso refuses one INSERT DATA of 10,000
  triples; batches of 1,000 work).

Both replace a graph as a whole, so pushing twice changes nothing and a changed article
replaces its graph.  A push also syncs (``sync=True``, the default): any graph at the endpoint
whose IRI lies under kgraph's namespace ``https://w3id.org/kgraph/`` and that the source no
longer has (the graph of an article ``kgraph remove`` dropped, an identity graph that is now
empty) is deleted there (``DELETE ?graph=IRI`` or ``DROP SILENT GRAPH``).  The graphs at the
endpoint are listed, before anything is sent, with a SPARQL query to ``query_endpoint``, else
to the endpoint itself, else to the query URL that the server's documented layout puts next
to it (Virtuoso ``/sparql-graph-crud-auth`` -> ``/sparql-auth``, Oxigraph ``/store`` ->
``/query``, Fuseki ``/data`` or ``/update`` -> ``/query``, GraphDB ``.../rdf-graphs/service``
or ``.../statements`` -> the repository); pages are keyed on the last graph name, so a server's
row cap cannot hide a graph.  Credentials come from ``KGRAPH_ENDPOINT_USER`` and
``KGRAPH_ENDPOINT_PASSWORD`` or from ``~/.netrc`` (never from the command line), sent with
Basic or Digest authentication.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import KgraphError

if TYPE_CHECKING:
    import pyoxigraph
    import requests

log = logging.getLogger(__name__)

PROTOCOLS = ("gsp", "update")
NAMESPACE = "https://w3id.org/kgraph/"  # graphs under it belong to kgraph: articles, identity, vocabulary
LIST_PAGE = 5000  # graph names asked per listing query
DROP_BATCH = 100  # graphs dropped per SPARQL Update request
AUTH_KINDS = ("basic", "digest")
DEFAULT_BATCH = 1000
USER_VARIABLE = "KGRAPH_ENDPOINT_USER"
PASSWORD_VARIABLE = "KGRAPH_ENDPOINT_PASSWORD"


class PushError(KgraphError):
    """The endpoint refused or could not be reached."""


class UnreachableError(PushError):
    """No connection to the endpoint at all."""


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent."""

    graphs: int
    triples: int
    requests: int
    seconds: float
    dropped: int = 0  # graphs deleted at the endpoint because the source no longer has them


def credentials(endpoint: str) -> tuple[str, str] | None:
    """(user, password) from the environment, else from ~/.netrc (``NETRC`` names another file)."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user:
        return user, password or ""
    if password:
        raise PushError(f"{PASSWORD_VARIABLE} is set but {USER_VARIABLE} is not; set both")
    import netrc

    host = urlsplit(endpoint).hostname or ""
    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.exists(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        raise PushError(f"{path}: cannot read: {exc}") from exc
    if entry is None:
        return None
    login, _, secret = entry
    return login, secret or ""


def make_session(endpoint: str, *, auth: str = "basic") -> requests.Session:
    """An HTTP session with the endpoint's credentials (if any) in the asked scheme."""
    import requests
    from requests.auth import HTTPBasicAuth, HTTPDigestAuth

    if auth not in AUTH_KINDS:
        raise PushError(f'Unknown authentication "{auth}". Available: {", ".join(AUTH_KINDS)}.')
    session = requests.Session()
    found = credentials(endpoint)
    if found is not None:
        session.auth = HTTPDigestAuth(*found) if auth == "digest" else HTTPBasicAuth(*found)
    return session


def graphs(store: pyoxigraph.Store) -> Iterator[tuple[str | None, list[pyoxigraph.Triple]]]:
    """(graph IRI or None for the default graph, its triples), named graphs in name order."""
    import pyoxigraph as ox

    default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    if default:
        yield None, default
    names = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    for name in names:
        yield name.value, [q.triple for q in store.quads_for_pattern(None, None, None, name)]


def _ntriples(triples: list[pyoxigraph.Triple]) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _check(response: requests.Response, what: str) -> None:
    if response.status_code < 300:
        return
    detail = " ".join(response.text.split())[:300]
    hint = ""
    if response.status_code == 401:
        asked = re.findall(r"(?i)\b(basic|digest)\b", response.headers.get("WWW-Authenticate") or "")
        sent = str(response.request.headers.get("Authorization") or "").split(" ")[0].lower()
        if asked:
            scheme = f"the server asks for --auth {asked[0].lower()}"
        elif sent == "basic":  # Virtuoso answers Basic credentials with a bare 401
            scheme = "the server refused Basic credentials; try --auth digest"
        else:
            scheme = "pick the scheme the server wants with --auth basic|digest"
        hint = f"; set {USER_VARIABLE} and {PASSWORD_VARIABLE} (or ~/.netrc); {scheme}"
    raise PushError(f"{what}: HTTP {response.status_code} {response.reason}{hint}: {detail}")


def _request(session: requests.Session, method: str, url: str, what: str, **kwargs: Any) -> None:
    import requests

    try:
        response = session.request(method, url, timeout=300, **kwargs)
    except requests.RequestException as exc:
        raise PushError(f"{what}: cannot reach the endpoint: {exc}") from exc
    _check(response, what)


def put_graph(session: requests.Session, endpoint: str, graph: str | None, triples: list[pyoxigraph.Triple]) -> int:
    """Replace one graph by a Graph Store Protocol PUT; returns the number of requests (1)."""
    params = {"graph": graph} if graph is not None else {"default": ""}
    _request(session, "PUT", endpoint, f"PUT {endpoint} graph {graph or '(default)'}", params=params,
             data=_ntriples(triples), headers={"Content-Type": "text/turtle; charset=utf-8"})
    return 1


def update_graph(session: requests.Session, endpoint: str, graph: str | None, triples: list[pyoxigraph.Triple],
                 *, batch: int = DEFAULT_BATCH) -> int:
    """Replace one graph by SPARQL Update: DROP SILENT then INSERT DATA in batches; returns the requests made."""
    target = f"GRAPH <{graph}>" if graph is not None else "DEFAULT"
    sent = 0
    for start in range(0, max(1, len(triples)), batch):
        chunk = triples[start:start + batch]
        data = _ntriples(chunk).decode("utf-8")
        body = f"INSERT DATA {{ GRAPH <{graph}> {{\n{data}}} }}" if graph is not None else f"INSERT DATA {{\n{data}}}"
        if start == 0:
            body = f"DROP SILENT {target}" + (f" ;\n{body}" if chunk else "")
        _request(session, "POST", endpoint, f"update {endpoint} graph {graph or '(default)'}",
                 data={"update": body})
        sent += 1
    return sent


_LIST_QUERY = """SELECT DISTINCT ?name WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  BIND(STR(?g) AS ?name)
  FILTER(STRSTARTS(?name, {namespace}) && ?name > {after})
}} ORDER BY ?name LIMIT {limit}"""


_IRI = re.compile(r'^[^\x00-\x20<>"{}|^`\\]+$')  # what SPARQL's IRIREF allows


def _string(value: str) -> str:
    """A SPARQL string literal (JSON's escapes are SPARQL's for these characters)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def query_endpoints(endpoint: str) -> list[str]:
    """Where to list an endpoint's graphs: the endpoint itself, then the query URL that the
    server's documented layout puts next to it (see the module's text)."""
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    siblings = []
    for ending, replacement in (("/sparql-graph-crud-auth", "/sparql-auth"), ("/sparql-graph-crud", "/sparql"),
                                ("/rdf-graphs/service", ""), ("/statements", ""),
                                ("/store", "/query"), ("/data", "/query"), ("/update", "/query")):
        if path.endswith(ending) and (replacement or "/repositories/" in path):
            siblings.append(parts._replace(path=path[: -len(ending)] + replacement, query="").geturl())
    out = [endpoint]
    out += [url for url in siblings if url not in out]
    return out


def list_graphs(session: requests.Session, query_endpoint: str, *, namespace: str = NAMESPACE,
                page: int = LIST_PAGE) -> set[str]:
    """Names of the named graphs at a SPARQL query endpoint whose IRI starts with ``namespace``,
    read in pages keyed on the last name (a server's row cap cannot hide one)."""
    import requests

    names: set[str] = set()
    after = ""
    while True:
        sparql = _LIST_QUERY.format(namespace=_string(namespace), after=_string(after), limit=page)
        what = f"list graphs at {query_endpoint}"
        try:
            response = session.get(query_endpoint, params={"query": sparql}, timeout=300,
                                   headers={"Accept": "application/sparql-results+json"})
        except requests.RequestException as exc:
            raise UnreachableError(f"{what}: cannot reach the endpoint: {exc}") from exc
        _check(response, what)
        try:
            bindings = response.json()["results"]["bindings"]
            found = [str(b["name"]["value"]) for b in bindings]
        except (ValueError, KeyError, TypeError) as exc:
            kind = response.headers.get("Content-Type") or "no Content-Type"
            raise PushError(f"{what}: the answer is not SPARQL JSON results ({kind})") from exc
        fresh = [name for name in found if name not in names]
        if not fresh:
            return names
        names.update(name for name in fresh if _IRI.match(name))  # never echo a broken IRI into an update
        after = found[-1]


def _remote_graphs(session: requests.Session, endpoint: str, query_endpoint: str | None) -> set[str]:
    """The kgraph graphs at the endpoint, from the first query URL that answers (see ``query_endpoints``)."""
    candidates = [query_endpoint] if query_endpoint else query_endpoints(endpoint)
    failures = []
    for url in candidates:
        try:
            names = list_graphs(session, url)
            log.info("listed %d kgraph graphs at %s", len(names), url)
            return names
        except UnreachableError:
            if url == candidates[0]:
                raise  # the server is down: say so, not that it cannot list
            failures.append(f"{url}: no connection")
        except PushError as exc:
            failures.append(str(exc))
    raise PushError(
        "cannot list the graphs at the endpoint, so the graphs of articles removed from the store "
        f"cannot be dropped there ({'; '.join(failures)}); give the server's SPARQL query URL with "
        "--query-endpoint URL, or --no-sync to only add and replace graphs"
    )


def drop_graphs(session: requests.Session, endpoint: str, names: list[str], *, protocol: str = "gsp") -> int:
    """Delete graphs at the endpoint (GSP DELETE, a missing graph is no error; or DROP SILENT GRAPH
    in batches); returns the number of requests made."""
    import requests

    sent = 0
    if protocol == "gsp":
        for name in names:
            what = f"DELETE {endpoint} graph {name}"
            try:
                response = session.delete(endpoint, params={"graph": name}, timeout=300)
            except requests.RequestException as exc:
                raise PushError(f"{what}: cannot reach the endpoint: {exc}") from exc
            if response.status_code != 404:
                _check(response, what)
            sent += 1
        return sent
    for start in range(0, len(names), DROP_BATCH):
        body = " ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names[start:start + DROP_BATCH])
        _request(session, "POST", endpoint, f"update {endpoint}: drop removed graphs", data={"update": body})
        sent += 1
    return sent


def check_endpoint(endpoint: str) -> None:
    """Refuse anything but an http(s) URL with a host (before a long build, not after)."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL")


def push(path: Path, endpoint: str, *, protocol: str = "gsp", batch: int = DEFAULT_BATCH, auth: str = "basic",
         sync: bool = True, query_endpoint: str | None = None, session: requests.Session | None = None,
         progress: Callable[[str | None], None] | None = None) -> PushReport:
    """Send every graph of a graph file or store folder to the endpoint and, with ``sync``, delete
    there the kgraph graphs the source no longer has (see the module's text)."""
    from .store import open_oxigraph

    if protocol not in PROTOCOLS:
        raise PushError(f'Unknown protocol "{protocol}". Available: {", ".join(PROTOCOLS)}.')
    if batch < 1:
        raise PushError(f"--batch {batch}: give at least 1 triple per request")
    check_endpoint(endpoint)
    if query_endpoint is not None:
        check_endpoint(query_endpoint)
    store = open_oxigraph(Path(path), read_only=True)
    session = session or make_session(endpoint, auth=auth)
    started = time.perf_counter()
    count = triples = sent = 0
    remote = _remote_graphs(session, endpoint, query_endpoint) if sync else set()
    local: set[str] = set()
    for graph, items in graphs(store):
        if graph is not None:
            local.add(graph)
        if protocol == "gsp":
            sent += put_graph(session, endpoint, graph, items)
        else:
            sent += update_graph(session, endpoint, graph, items, batch=batch)
        count += 1
        triples += len(items)
        if progress is not None:
            progress(graph)
    stale = sorted(remote - local)
    if stale:
        log.info("dropping %d graphs the source no longer has", len(stale))
        sent += drop_graphs(session, endpoint, stale, protocol=protocol)
    return PushReport(count, triples, sent, time.perf_counter() - started, len(stale))
