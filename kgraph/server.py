"""A read-only SPARQL 1.1 Protocol endpoint over a kgraph graph file or store.

``start_server(path)`` serves ``/sparql`` (GET, POST form, POST
``application/sparql-query``), the named queries at ``/named/NAME?var=value``, their
list at ``/named`` and an offline query page at ``/``.  Queries run in a pool of worker
processes, each with its own read-only Oxigraph store, so a query that passes the time
limit is stopped by killing its worker (a new one takes its place) while the other
workers keep answering.  Results are capped at ``max_rows`` rows (the response then
carries ``X-Kgraph-Truncated: true``); SPARQL Update is refused (403) and so is
``SERVICE`` unless ``allow_service``.  A store folder is followed while it is served: a
worker opens it again when a writer (``kgraph build --store``, ``kgraph remove``) has committed
since its last open, so new articles show without a restart and never half a batch.

Why not Oxigraph's own server (the ``oxigraph`` wheel, faster on trivial queries): it
has no result cap, no per-query time limit and no way to refuse ``SERVICE``, and it does
not know kgraph's named queries.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from .errors import KgraphError

log = logging.getLogger(__name__)

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MAX_BODY = 4 * 1024 * 1024  # bytes of request body we accept
OPEN_TRIES = 5  # attempts to reopen a store that a writer changed (one may race a flush)

# short name -> media type; the first of each kind is its default
RESULT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "rdfxml": "application/rdf+xml",
}
ALIASES: dict[str, str] = {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
    "ttl": "turtle", "nt": "ntriples", "text/plain": "ntriples", "json-ld": "jsonld",
    "nq": "nquads", "rdf": "rdfxml", "xml-rdf": "rdfxml",
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "rdfxml": ox.RdfFormat.RDF_XML,
}
FILE_FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
}

_PREFIX = re.compile(r"PREFIX\s+([\w.\-]*):\s*<([^<>\s]*)>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reply:
    """What a worker answers: an HTTP status, media type, body and whether rows were cut."""

    status: int
    content_type: str
    body: bytes
    truncated: bool = False


# ---------------------------------------------------------------------------
# opening the data


def open_store(path: Path, *, read_only: bool = True) -> ox.Store:
    """A pyoxigraph store for a store folder (on disk) or a graph file (loaded into memory)."""
    from .store import open_oxigraph

    return open_oxigraph(path, read_only=read_only)


def _load_file(store: ox.Store, path: Path) -> None:
    if not path.exists():
        raise KgraphError(f"{path}: no such graph file or store folder")
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgraphError(f"{path}: unknown graph format; use one of {', '.join(FILE_FORMATS)} or a store folder")
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (OSError, SyntaxError, ValueError) as exc:
        raise KgraphError(f"{path}: cannot read graph: {exc}") from exc


def _disk_copy(path: Path) -> tuple[str, str]:
    """A graph file loaded once into a temporary on-disk store that workers open read-only:
    (store folder, temporary folder to remove at the end)."""
    tmp = tempfile.mkdtemp(prefix="kgraph-serve-")
    try:
        store = ox.Store(tmp)
        _load_file(store, path)
        store.flush()
        del store  # release the database lock before workers open it
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp, tmp


def _worker_store(source: str, is_copy: bool) -> ox.Store:
    if is_copy:
        return ox.Store.read_only(source)
    return open_store(Path(source), read_only=True)


# ---------------------------------------------------------------------------
# running a query (inside a worker process)


@dataclass(frozen=True, slots=True)
class Job:
    """One query for a worker; terms travel as (kind, value) pairs."""

    sparql: str
    accept: str = ""
    fmt: str | None = None
    max_rows: int = 0
    substitutions: tuple[tuple[str, str, str], ...] = ()
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _term(kind: str, value: str) -> ox.NamedNode | ox.Literal:
    return ox.NamedNode(value) if kind == "iri" else ox.Literal(value)


def negotiate(accept: str, fmt: str | None, kinds: Mapping[str, str]) -> str:
    """The short name of the best format in ``kinds`` for an Accept header or a format= parameter."""
    if fmt:
        name = ALIASES.get(fmt.lower(), fmt.lower())
        for short, media in kinds.items():
            if name in (short, media):
                return short
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for param in params:
            key, _, val = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, i, media.lower()))
    for _, _, media in sorted(choices):
        alias = ALIASES.get(media)
        for short, known in kinds.items():
            if media == known or alias == short:
                return short
        if media in ("*/*", "application/*", "text/*"):
            top = next(iter(kinds))
            if media == "*/*" or kinds[top].startswith(media[:-1]):
                return top
    return next(iter(kinds))


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
        if term.datatype.value != XSD_STRING:
            return f'<literal datatype="{xml_escape(term.datatype.value)}">{xml_escape(term.value)}</literal>'
        return f"<literal>{xml_escape(term.value)}</literal>"
    return f"<literal>{xml_escape(str(term))}</literal>"


def _csv_cell(term: Any) -> str:
    if term is None:
        return ""
    text = f"_:{term.value}" if isinstance(term, ox.BlankNode) else getattr(term, "value", str(term))
    if any(c in text for c in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return str(text)


def _tsv_cell(term: Any) -> str:
    return "" if term is None else str(term)


def write_solutions(names: list[str], rows: list[list[Any]], fmt: str) -> bytes:
    """SELECT results in a W3C results format (json, xml, csv, tsv)."""
    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        parts += [f'<variable name="{n}"/>' for n in names]
        parts.append("</head>\n<results>")
        for row in rows:
            parts.append("<result>" + "".join(
                f'<binding name="{n}">{_xml_term(t)}</binding>' for n, t in zip(names, row) if t is not None
            ) + "</result>")
        parts.append("</results>\n</sparql>\n")
        return "\n".join(parts).encode()
    if fmt == "csv":
        lines = [",".join(names)] + [",".join(_csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    lines = ["\t".join(f"?{n}" for n in names)] + ["\t".join(_tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def write_boolean(answer: bool, fmt: str) -> bytes:
    """An ASK result in a W3C results format."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
            f"<head/>\n<boolean>{'true' if answer else 'false'}</boolean>\n</sparql>\n"
        ).encode()
    return (("true" if answer else "false") + "\n").encode()


def run_job(store: ox.Store, job: Job) -> Reply:
    """Run one query on the store and serialize its (capped) result."""
    kwargs: dict[str, Any] = {}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(n): _term(k, v) for n, k, v in job.substitutions}
    try:
        result = store.query(job.sparql, **kwargs)
        cap = job.max_rows if job.max_rows > 0 else None
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(job.accept, job.fmt, RESULT_TYPES)
            return Reply(200, RESULT_TYPES[fmt], write_boolean(bool(result), fmt))
        if isinstance(result, ox.QuerySolutions):
            fmt = negotiate(job.accept, job.fmt, RESULT_TYPES)
            names = [v.value for v in result.variables]
            rows: list[list[Any]] = []
            truncated = False
            for solution in result:
                if cap is not None and len(rows) >= cap:
                    truncated = True
                    break
                rows.append([solution[i] for i in range(len(names))])
            return Reply(200, RESULT_TYPES[fmt], write_solutions(names, rows, fmt), truncated)
        fmt = negotiate(job.accept, job.fmt, GRAPH_TYPES)
        triples: list[ox.Triple] = []
        truncated = False
        for triple in result:
            if cap is not None and len(triples) >= cap:
                truncated = True
                break
            triples.append(triple)
        rdf_format = GRAPH_FORMATS[fmt]
        prefixes = dict(_PREFIX.findall(job.sparql)) if fmt in ("turtle", "trig") else None
        if rdf_format.supports_datasets:
            quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
            body = ox.serialize(quads, format=rdf_format, prefixes=prefixes)
        else:
            body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        return Reply(200, GRAPH_TYPES[fmt], body or b"", truncated)
    except SyntaxError as exc:
        message = " ".join(str(exc).split())[:400]
        return Reply(400, "text/plain; charset=utf-8", f"Bad query: {message}\n".encode())
    except (RuntimeError, ValueError, TypeError) as exc:
        return Reply(400, "text/plain; charset=utf-8", f"Query failed: {exc}\n".encode())
    except OSError as exc:
        return Reply(500, "text/plain; charset=utf-8", f"Query failed: {exc}\n".encode())


Signature = tuple[tuple[str, int, int], ...]


def store_signature(folder: Path) -> Signature | None:
    """What a writer's commit changes in a RocksDB folder: the name, size and modification time
    of its files (each committed transaction grows the write-ahead log; flushes and compactions
    add and remove table files and rewrite MANIFEST and CURRENT).  The info LOG and the LOCK
    file are left out; a read-only open changes nothing here (measured).  About 50 us on a
    store of a million quads; None when the folder cannot be read.  A file that a flush or a
    compaction deletes between the listing and its stat makes the listing start again: a
    signature that gave up there would leave a worker on its old view."""
    for _ in range(OPEN_TRIES):
        try:
            return tuple(sorted(
                (entry.name, stat.st_size, stat.st_mtime_ns)
                for entry in os.scandir(folder)
                if not entry.name.startswith(("LOG", "LOCK")) and (stat := entry.stat())
            ))
        except FileNotFoundError:
            continue  # a file went away while the folder was listed
        except OSError:
            return None
    return None


class _LiveStore:
    """A worker's read-only view of a store folder that follows its writers: before each query
    it compares the folder's signature with the one taken before the open and, when a writer
    has committed since, opens the store again (24 ms on a million quads, measured; the old
    view keeps answering if the new open fails), and keeps an open only where no writer
    changed the folder while it ran (``_open_settled``).  A read-only open sees whole transactions
    only, and a build writes each batch in one transaction, so a query sees a batch entirely
    or not at all.  A graph file's temporary copy never changes and is opened once."""

    def __init__(self, source: str, is_copy: bool) -> None:
        self.source, self.is_copy = source, is_copy
        self.folder = None if is_copy else Path(source) / "oxigraph"
        if self.folder is None:
            self.signature, self.store = None, _worker_store(source, is_copy)
        else:
            self.signature, self.store = self._open_settled(raise_errors=True)

    def _open_settled(self, *, raise_errors: bool) -> tuple[Signature | None, ox.Store]:
        """Open the folder where no writer changed it during the open: a read-only open that
        races a writer's memtable flush can read the table list from before the flush and
        the logs from after it, and so miss the flushed batches (a view older than the one
        another worker already answered from). The signature is taken before and after the
        open; when they differ the open is tried again (the last try is kept, with the
        signature from before it, so the next query opens once more)."""
        assert self.folder is not None
        store: ox.Store | None = None
        signature: Signature | None = None
        error: Exception | None = None
        for attempt in range(OPEN_TRIES):
            before = store_signature(self.folder)
            try:
                opened = _worker_store(self.source, self.is_copy)
            except Exception as exc:  # noqa: BLE001 - a file that a writer's flush just replaced
                error = exc
                time.sleep(0.01)
                continue
            store, signature = opened, before
            if before is None or store_signature(self.folder) == before:
                return signature, store  # settled (an unlisted folder has nothing to compare)
            time.sleep(0.005 * (attempt + 1))
        if store is not None:
            return signature, store
        assert error is not None  # every try failed to open
        if raise_errors:
            raise error
        log.warning("%s changed but cannot be reopened (%s); serving the earlier view", self.source, error)
        return self.signature, self.store

    def current(self) -> ox.Store:
        if self.folder is None:
            return self.store
        signature = store_signature(self.folder)
        if signature is not None and signature == self.signature:
            return self.store  # no commit since the open (an unreadable folder: try to open again)
        self.signature, self.store = self._open_settled(raise_errors=False)
        log.debug("%s changed: reopened", self.source)
        return self.store


def _worker_main(conn: Connection, source: str, is_copy: bool) -> None:
    """A worker process: open the store, then answer jobs until told to stop (None)."""
    try:
        live = _LiveStore(source, is_copy)
    except Exception as exc:  # report why the store cannot be opened, then quit
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(run_job(live.current(), job))
        except (BrokenPipeError, OSError):
            return


# ---------------------------------------------------------------------------
# the pool of worker processes


class QueryTimeout(KgraphError):
    """A query ran past the time limit; its worker was stopped."""


class _Worker:
    """One worker: a fresh interpreter (no fork of the threaded server, no re-import of the
    caller's main module) talking over a socket pair with pickled jobs and replies."""

    def __init__(self, source: str, is_copy: bool, *, start_timeout: float) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", "from kgraph.server import worker_entry; worker_entry()",
                 str(theirs.fileno()), source, "1" if is_copy else "0"],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        if not self.conn.poll(start_timeout):
            self.stop(kill=True)
            raise KgraphError(f"{source}: the query worker did not start within {start_timeout:.0f} s")
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            status, message = "error", "the query worker stopped while opening the store"
        if status != "ready":
            self.stop(kill=True)
            raise KgraphError(message)

    def stop(self, *, kill: bool = False) -> None:
        if not kill and self.process.poll() is None:
            try:
                self.conn.send(None)
                self.process.wait(2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        self.conn.close()


def worker_entry() -> None:
    """Entry point of a worker process: argv is (socket fd, store folder, is-copy flag)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server; it stops its workers
    fd, source, is_copy = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
    _worker_main(Connection(fd), source, is_copy)


class QueryPool:
    """Worker processes sharing a read-only store; a query past the time limit kills its worker."""

    def __init__(self, source: str, *, is_copy: bool = False, workers: int = 2, timeout: float = 30.0) -> None:
        self.source, self.is_copy, self.timeout = source, is_copy, timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.source, self.is_copy, start_timeout=max(60.0, self.timeout))
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=True)
        try:
            self._add()
        except KgraphError as exc:
            log.error("cannot start a new query worker: %s", exc)

    def run(self, job: Job, *, timeout: float | None = None) -> Reply:
        """Run a job on a free worker; raises QueryTimeout past the time limit (queueing included)."""
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"no query worker became free within the time limit of {limit:g} s") from None
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            pass  # the worker died; replace it below
        threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
        raise QueryTimeout(f"the query ran past the time limit of {limit:g} s and was stopped")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


# ---------------------------------------------------------------------------
# HTTP


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the endpoint behaves; the CLI's options."""

    timeout: float = 30.0
    max_rows: int = 10_000
    allow_service: bool = False


def _param_term(value: str) -> tuple[str, str]:
    """A named-query parameter: an http(s) IRI or a plain literal (as ``kgraph query --param``)."""
    return ("iri", value) if re.match(r"^https?://\S+$", value) else ("literal", value)


def named_queries() -> list[dict[str, Any]]:
    """The named queries: name, title, parameters (name -> description), comment header and SPARQL text."""
    from .query import describe_query, load_query, query_names, query_params

    out = []
    for name in query_names():
        text = load_query(name)
        header = "\n".join(line.lstrip("# ").rstrip() for line in text.splitlines() if line.startswith("#"))
        out.append({"name": name, "title": describe_query(name), "parameters": query_params(name),
                    "description": header, "url": f"/named/{name}", "sparql": text})
    return out


class SparqlHandler(BaseHTTPRequestHandler):
    """The routes: / (query page), /sparql, /named, /named/NAME."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kgraph-sparql"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        log.info("%s %s", self.address_string(), format % args)

    # -- responses
    def _send(self, status: int, content_type: str, body: bytes, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def _error(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode(), headers)

    def _reply(self, reply: Reply) -> None:
        headers = {"X-Kgraph-Truncated": "true", "X-Kgraph-Max-Rows": str(self.server.config.max_rows)} \
            if reply.truncated else {}
        content_type = reply.content_type
        if not content_type.startswith("text/plain") and "charset" not in content_type and \
                content_type.startswith(("text/", "application/sparql-results")):
            content_type += "; charset=utf-8"
        self._send(reply.status, content_type, reply.body, headers)

    # -- methods
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", QUERY_PAGE.encode())
        elif url.path == "/sparql":
            if "update" in params:
                self._refuse_update()
            elif "query" not in params:
                self._error(400, "Missing the query parameter: /sparql?query=SELECT...")
            else:
                self._query(params["query"][0], params)
        elif url.path == "/named":
            self._send(200, "application/json", json.dumps(
                {"queries": named_queries()}, ensure_ascii=False).encode())
        elif url.path.startswith("/named/"):
            self._named(url.path[len("/named/"):], params)
        else:
            self._error(404, f"Not found: {url.path}. Try /sparql, /named or /.")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path != "/sparql":
            self._error(405 if url.path in ("/", "/named") or url.path.startswith("/named/") else 404,
                        f"POST is only accepted at /sparql, not {url.path}")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True  # the body is left unread
            self._error(413 if length > 0 else 400, f"request body must have a Content-Length of at most {MAX_BODY} bytes")
            return
        body = self.rfile.read(length) if length else b""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            self._refuse_update()
        elif content_type == "application/sparql-query":
            self._query(body.decode("utf-8", "replace"), params)
        elif content_type in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            if "update" in params:
                self._refuse_update()
            elif "query" not in params:
                self._error(400, "Missing the query parameter in the form body")
            else:
                self._query(params["query"][0], params)
        else:
            self._error(415, f"Unsupported Content-Type {content_type}; use application/sparql-query "
                             "or application/x-www-form-urlencoded")

    def _method_not_allowed(self) -> None:
        self._error(405, "This endpoint is read-only: use GET or POST /sparql with a query",
                    {"Allow": "GET, POST, HEAD"})

    do_PUT = do_DELETE = do_PATCH = _method_not_allowed

    # -- work
    def _refuse_update(self) -> None:
        self._error(403, "This endpoint is read-only: SPARQL Update and LOAD are refused")

    def _query(self, sparql: str, params: Mapping[str, list[str]], *,
               substitutions: tuple[tuple[str, str, str], ...] = ()) -> None:
        from .guards import sparql_operations

        config = self.server.config
        operations = sparql_operations(sparql)
        if operations & {"update", "load"}:
            self._refuse_update()
            return
        if "service" in operations and not config.allow_service:
            self._error(403, "Federated SERVICE calls are refused by this endpoint (start it with --allow-service)")
            return
        fmt = next(iter(params.get("format") or params.get("output") or []), None)
        job = Job(sparql=sparql, accept=self.headers.get("Accept") or "", fmt=fmt, max_rows=config.max_rows,
                  substitutions=substitutions, default_graphs=tuple(params.get("default-graph-uri", [])),
                  named_graphs=tuple(params.get("named-graph-uri", [])))
        try:
            reply = self.server.pool.run(job)
        except QueryTimeout as exc:
            self._error(503, f"Query stopped: {exc}")
            return
        self._reply(reply)

    def _named(self, name: str, params: Mapping[str, list[str]]) -> None:
        from .errors import QueryError
        from .query import load_query

        try:
            sparql = load_query(name)
        except QueryError as exc:
            self._error(404, str(exc))
            return
        from .query import check_params

        reserved = {"format", "output", "default-graph-uri", "named-graph-uri"}
        bindings = {key.lstrip("?$"): values[0] for key, values in params.items() if key not in reserved and values}
        try:
            check_params(name, bindings)
        except QueryError as exc:
            self._error(400, str(exc))
            return
        subs = tuple((key, *_param_term(value)) for key, value in bindings.items())
        self._query(sparql, params, substitutions=subs)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server with its worker pool; ``close()`` stops both."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], pool: QueryPool, config: ServerConfig, cleanup: str | None) -> None:
        super().__init__(address, SparqlHandler)
        self.pool, self.config, self._cleanup = pool, config, cleanup
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}"

    def start(self) -> SparqlServer:
        """Serve in a background thread (tests, benchmarks)."""
        self._thread = threading.Thread(target=self.serve_forever, name="kgraph-sparql", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving, stop the workers and remove the temporary store."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(5)
        self.server_close()
        self.pool.close()
        if self._cleanup:
            shutil.rmtree(self._cleanup, ignore_errors=True)


def make_server(path: Path, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
                max_rows: int = 10_000, allow_service: bool = False, workers: int | None = None) -> SparqlServer:
    """A SPARQL server over a graph file or store folder, bound but not yet serving.

    A graph file is loaded once into a temporary on-disk store that the workers share.
    """
    path = Path(path)
    if not path.exists():
        raise KgraphError(f"{path}: no such graph file or store folder")
    if timeout <= 0:
        raise KgraphError(f"--timeout {timeout:g}: the time limit must be positive")
    count = workers if workers is not None else max(2, min(4, os.cpu_count() or 2))
    cleanup = None
    if path.is_dir():
        source, is_copy = str(path), False
    else:
        source, cleanup = _disk_copy(path)
        is_copy = True
    try:
        pool = QueryPool(source, is_copy=is_copy, workers=count, timeout=timeout)
    except BaseException:
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)
        raise
    try:
        return SparqlServer((host, port), pool, ServerConfig(timeout, max_rows, allow_service), cleanup)
    except OSError as exc:
        pool.close()
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)
        raise KgraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def start_server(path: Path, **options: Any) -> SparqlServer:
    """``make_server`` then serve in a background thread; call ``close()`` when done."""
    return make_server(path, **options).start()


QUERY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kgraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
textarea{width:100%;height:16em;font-family:monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0} #status{margin-left:1em;color:#555} pre{white-space:pre-wrap}
</style></head><body>
<h1>kgraph SPARQL endpoint</h1>
<p>POST or GET <code>/sparql?query=...</code> (SPARQL 1.1 Protocol); named queries at
<code>/named/NAME?var=value</code>, listed at <a href="named">/named</a>. Read-only.</p>
<label>Named query: <select id="named"><option value="">(write your own)</option></select></label>
<textarea id="query" spellcheck="false">SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } }
GROUP BY ?graph ORDER BY DESC(?triples) LIMIT 20</textarea>
<p><label>Format: <select id="format">
<option value="application/sparql-results+json">table (SPARQL JSON)</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="application/sparql-results+xml">XML</option><option value="text/turtle">Turtle</option>
<option value="application/n-triples">N-Triples</option><option value="application/ld+json">JSON-LD</option>
</select></label> <button id="run">Run</button><span id="status"></span></p>
<div id="out"></div>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
fetch("named").then((r) => r.json()).then((data) => {
  for (const q of data.queries) {
    const opt = document.createElement("option");
    opt.value = q.sparql; opt.textContent = q.name + ": " + q.title;
    $("named").appendChild(opt);
  }
});
$("named").onchange = () => { if ($("named").value) $("query").value = $("named").value; };
function cell(term) {
  if (!term) return "";
  return term.type === "literal" && term["xml:lang"] ? term.value + " @" + term["xml:lang"] : term.value;
}
$("run").onclick = async () => {
  const out = $("out"); out.textContent = ""; $("status").textContent = "running...";
  const started = performance.now();
  const resp = await fetch("sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query",
    "Accept": $("format").value}, body: $("query").value});
  const type = resp.headers.get("Content-Type") || "";
  const cut = resp.headers.get("X-Kgraph-Truncated") ? " (truncated)" : "";
  $("status").textContent = resp.status + " in " + Math.round(performance.now() - started) + " ms" + cut;
  if (resp.ok && type.startsWith("application/sparql-results+json")) {
    const data = await resp.json();
    if ("boolean" in data) { out.textContent = String(data.boolean); return; }
    const table = document.createElement("table"), head = table.insertRow();
    for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
    for (const b of data.results.bindings) {
      const row = table.insertRow();
      for (const v of data.head.vars) row.insertCell().textContent = cell(b[v]);
    }
    out.appendChild(table);
    $("status").textContent += ", " + data.results.bindings.length + " rows";
  } else {
    const pre = document.createElement("pre"); pre.textContent = await resp.text(); out.appendChild(pre);
  }
};
</script></body></html>
"""
