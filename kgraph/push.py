"""Write a graph file or store into a running triple store over HTTP.

``push(path, endpoint)`` sends every named graph (each article's graph, the identity and the
vocabulary graph) and any default-graph triples, either

* by the SPARQL 1.1 Graph Store HTTP Protocol (``protocol="gsp"``): one ``PUT
  ENDPOINT?graph=IRI`` per graph, which replaces the graph, or
* by SPARQL 1.1 Update (``protocol="update"``): ``DROP SILENT GRAPH`` then ``INSERT DATA``
  in batches of at most ``batch`` triples (Virtuoso refuses one INSERT DATA of 10,000
  triples; batches of 1,000 work).

Both replace a graph as a whole, so pushing twice changes nothing and a changed article
replaces its graph.  Credentials come from ``KGRAPH_ENDPOINT_USER`` and
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
AUTH_KINDS = ("basic", "digest")
DEFAULT_BATCH = 1000
USER_VARIABLE = "KGRAPH_ENDPOINT_USER"
PASSWORD_VARIABLE = "KGRAPH_ENDPOINT_PASSWORD"


class PushError(KgraphError):
    """The endpoint refused or could not be reached."""


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent."""

    graphs: int
    triples: int
    requests: int
    seconds: float


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


def check_endpoint(endpoint: str) -> None:
    """Refuse anything but an http(s) URL with a host (before a long build, not after)."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL")


def push(path: Path, endpoint: str, *, protocol: str = "gsp", batch: int = DEFAULT_BATCH, auth: str = "basic",
         session: requests.Session | None = None,
         progress: Callable[[str | None], None] | None = None) -> PushReport:
    """Send every graph of a graph file or store folder to the endpoint (see the module's text)."""
    from .store import open_oxigraph

    if protocol not in PROTOCOLS:
        raise PushError(f'Unknown protocol "{protocol}". Available: {", ".join(PROTOCOLS)}.')
    if batch < 1:
        raise PushError(f"--batch {batch}: give at least 1 triple per request")
    check_endpoint(endpoint)
    store = open_oxigraph(Path(path), read_only=True)
    session = session or make_session(endpoint, auth=auth)
    started = time.perf_counter()
    count = triples = sent = 0
    for graph, items in graphs(store):
        if protocol == "gsp":
            sent += put_graph(session, endpoint, graph, items)
        else:
            sent += update_graph(session, endpoint, graph, items, batch=batch)
        count += 1
        triples += len(items)
        if progress is not None:
            progress(graph)
    return PushReport(count, triples, sent, time.perf_counter() - started)
