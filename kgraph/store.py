"""Where graphs live: one seam for the storage and SPARQL engine.

kgraph keeps rdflib's API but runs it on Oxigraph (``oxrdflib``): Oxigraph's
SPARQL engine answered 12-78x faster than rdflib's own on a 1M-triple news-shaped
graph and loads 10x faster in less memory.  ``STORES`` maps a backend name to the
rdflib store plugin; everything else in kgraph opens datasets through
``new_dataset`` / ``load_dataset`` / ``open_graph`` only, so a later backend is one
entry here.

A *store* is a folder that grows (``kgraph build ... --store DIR``): Oxigraph's own
on-disk RocksDB store in ``DIR/oxigraph`` plus a small manifest ``DIR/kgraph-store.json``
that marks the folder as a kgraph store.  ``open_graph`` opens a graph file or a store
folder as an rdflib ``Dataset``; ``open_oxigraph`` gives the raw ``pyoxigraph.Store``.
A read-only open works while a build writes to the store (measured): it sees the batches
committed before it opened, never half a batch.
"""

from __future__ import annotations

import json
import contextlib
import glob
import os
import uuid
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from .errors import GraphFormatError, KgraphError
from .guards import check_jsonld_contexts, regular_file, safe_name
from .namespaces import bind_prefixes

if TYPE_CHECKING:
    import pyoxigraph

STORES: dict[str, str] = {
    "oxigraph": "Oxigraph",  # oxrdflib: Oxigraph engine behind the rdflib API
    "memory": "Memory",  # rdflib's pure-Python store (no extra dependency)
}
DEFAULT_STORE = "oxigraph"

# file extension -> (rdflib serializer name, fast parser name, quads?)
RDF_FORMATS: dict[str, tuple[str, str, bool]] = {
    ".trig": ("trig", "ox-trig", True),
    ".nq": ("nquads", "ox-nquads", True),
    ".ttl": ("turtle", "ox-turtle", False),
    ".nt": ("nt", "ox-ntriples", False),
    ".jsonld": ("json-ld", "json-ld", True),
}
FORMAT_NAMES: dict[str, str] = {
    "trig": ".trig",
    "nq": ".nq",
    "ttl": ".ttl",
    "nt": ".nt",
    "jsonld": ".jsonld",
}


def new_dataset(store: str = DEFAULT_STORE) -> Dataset:
    """An empty dataset on the named backend, with kgraph's prefixes bound."""
    try:
        plugin = STORES[store]
    except KeyError:
        raise GraphFormatError(
            f'No store named "{store}". Available: {", ".join(sorted(STORES))}.'
        ) from None
    dataset = Dataset(store=plugin, default_union=True)
    return bind_prefixes(dataset)  # type: ignore[return-value]


def rdf_format(path: Path) -> tuple[str, str, bool]:
    """(serializer, parser, is_quads) for a graph file, chosen by its extension."""
    ext = path.suffix.lower()
    if ext not in RDF_FORMATS:
        raise GraphFormatError(
            f"{path}: unknown graph format {ext or '(no extension)'}; "
            f"use one of {', '.join(RDF_FORMATS)}"
        )
    return RDF_FORMATS[ext]


def load_dataset(path: Path, *, store: str = DEFAULT_STORE) -> Dataset:
    """Read a graph file (format from its extension) into a new dataset."""
    path = Path(path)
    if not path.exists():
        raise GraphFormatError(f"{path}: no such graph file; build one with: kgraph build INPUT -o {path}")
    if path.is_dir():
        raise GraphFormatError(f"{path}: is a folder, not a graph file")
    _, parser, _ = rdf_format(path)
    try:
        regular_file(path, what="graph file")  # a pipe or device would block or never end
    except KgraphError as exc:
        raise GraphFormatError(str(exc)) from None
    dataset = new_dataset(store)
    if store != "oxigraph" and parser.startswith("ox-"):
        parser = parser[3:].replace("ntriples", "nt")
    try:
        if parser == "json-ld":  # local contexts only: never fetch a remote @context
            data = path.read_bytes()
            check_jsonld_contexts(path, data)
            dataset.parse(data=data, format=parser)
        else:
            dataset.parse(str(path), format=parser)
    except GraphFormatError:
        raise
    except Exception as exc:  # parsers raise many kinds of errors
        message = " ".join(str(exc).split())[:300]
        raise GraphFormatError(f"{safe_name(path)}: cannot read graph: {message}") from exc
    return dataset


def count_quads(dataset: Dataset) -> int:
    """Number of triples summed over the named graphs (what a TriG file holds)."""
    result = dataset.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    row = next(iter(result))
    return int(row[0])  # type: ignore[index, arg-type]


def _oxigraph_nquads(dataset: Dataset) -> bytes | None:
    """N-Quads straight from Oxigraph, lines sorted so the same graph gives the same file
    (many times faster than rdflib's serializer), or None on another store."""
    inner = getattr(dataset.store, "_inner", None)
    if inner is None or not hasattr(inner, "dump"):
        return None
    import pyoxigraph

    lines = bytes(inner.dump(format=pyoxigraph.RdfFormat.N_QUADS)).splitlines(keepends=True)
    return b"".join(sorted(lines))


def _trig_in_order(dataset: Dataset) -> bytes:
    """TriG with the graphs sorted by name, so the same graph gives the same file
    (rdflib writes graphs in its store's order, which varies from run to run)."""
    prefixes: set[bytes] = set()
    blocks = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(graph):
            continue
        single = new_dataset("memory")
        target = single.graph(graph.identifier)
        target.addN((s, p, o, target) for s, p, o in graph)
        text = single.serialize(format="trig", encoding="utf-8")
        for line in text.splitlines(keepends=True):
            if line.startswith(b"@prefix"):
                prefixes.add(line)
            else:
                blocks.append(line)
    return b"".join(sorted(prefixes)) + b"".join(blocks)


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """The dataset as bytes in an RDF format name (trig, nq, ttl, nt, jsonld)."""
    try:
        ext = FORMAT_NAMES[fmt]
    except KeyError:
        raise GraphFormatError(
            f'Unknown RDF format "{fmt}". Available: {", ".join(FORMAT_NAMES)}.'
        ) from None
    serializer, _, quads = RDF_FORMATS[ext]
    native = _oxigraph_nquads(dataset) if fmt == "nq" else None
    if native is not None:
        return native
    if quads and fmt == "trig":
        data = _trig_in_order(dataset)
    elif quads:
        data = dataset.serialize(format=serializer, encoding="utf-8")
    else:  # triple formats: the union of all named graphs
        from rdflib import Graph

        graph = bind_prefixes(Graph())
        for triple in dataset.triples((None, None, None)):
            graph.add(triple)
        data = graph.serialize(format=serializer, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files an earlier, killed write of ``name`` left behind (their
    process is gone)."""
    for tmp in folder.glob(f".{glob.escape(name)}.*.tmp"):
        pid = tmp.name[len(name) + 2:-4].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _link_anonymous(fd: int, target: Path) -> None:
    """Give the anonymous (O_TMPFILE) file ``fd`` the name ``target`` (linkat with
    AT_SYMLINK_FOLLOW through /proc, which os.link does not do)."""
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    source = f"/proc/self/fd/{fd}".encode()
    if libc.linkat(at_fdcwd, source, at_fdcwd, os.fsencode(target), at_symlink_follow) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(target))


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to path so that readers see the old file or the new one, never a part.

    The bytes go to an anonymous file in the same folder (``O_TMPFILE``, where the system
    has it: a killed write leaves nothing behind), which is then linked under a temporary
    name and renamed over ``path``.  Elsewhere a named temporary file carrying the process
    id is used, and the next write removes those of processes that died.  Two writers of the
    same path each rename a whole file: the last one wins, neither corrupts it."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _stale_temporaries(folder, path.name)
        try:
            if not _write_anonymous(folder, tmp, data, mode):
                _write_named(tmp, data, mode)
            os.replace(tmp, path)
        except BaseException:  # KeyboardInterrupt too: leave nothing behind
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise GraphFormatError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _write_anonymous(folder: Path, tmp: Path, data: bytes, mode: int) -> bool:
    """Write data to an O_TMPFILE file in folder and link it as tmp; False where the system
    cannot (then nothing was created)."""
    if not hasattr(os, "O_TMPFILE"):
        return False
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, mode)
    except OSError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
        try:
            _link_anonymous(fh.fileno(), tmp)
        except OSError:
            return False
    return True


def _write_named(tmp: Path, data: bytes, mode: int) -> None:
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def save_dataset(dataset: Dataset, path: Path) -> None:
    """Write the dataset to path atomically, format from the extension."""
    path = Path(path)
    serializer, _, _ = rdf_format(path)
    fmt = next(k for k, v in FORMAT_NAMES.items() if v == path.suffix.lower())
    write_atomic(path, serialize(dataset, fmt))


MANIFEST = "kgraph-store.json"
STORE_DATA = "oxigraph"
STORE_FORMAT = {"format": "kgraph-store", "version": 1, "engine": "oxigraph"}
# file extension -> pyoxigraph format name (graph files loaded into an in-memory store)
_OX_FORMATS: dict[str, str] = {
    ".trig": "TRIG",
    ".nq": "N_QUADS",
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".jsonld": "JSON_LD",
}


def is_store(path: Path) -> bool:
    """Whether ``path`` is a kgraph store folder (it holds the manifest)."""
    return (Path(path) / MANIFEST).is_file()


def _check_store(path: Path) -> None:
    if not path.exists() and path.suffix.lower() not in RDF_FORMATS:
        raise GraphFormatError(
            f"{path}: no such graph file or store; build one with: kgraph build INPUT --store {path}"
        )
    if not path.is_dir():
        return
    if not is_store(path):
        raise GraphFormatError(
            f"{path}: is a folder but not a kgraph store (no {MANIFEST}); "
            f"give a graph file ({', '.join(RDF_FORMATS)}) or a folder made by kgraph build --store"
        )
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GraphFormatError(f"{path / MANIFEST}: unreadable store manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != STORE_FORMAT["format"]:
        raise GraphFormatError(f"{path / MANIFEST}: not a kgraph store manifest")
    if manifest.get("version") != STORE_FORMAT["version"]:
        raise GraphFormatError(
            f"{path}: store version {manifest.get('version')} is not supported "
            f"(this kgraph reads version {STORE_FORMAT['version']}); rebuild the store"
        )


def create_store(path: Path) -> None:
    """Make ``path`` an empty kgraph store folder (no-op when it already is one)."""
    path = Path(path)
    if is_store(path):
        _check_store(path)
        return
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise GraphFormatError(
            f"{path}: exists and is not a kgraph store; give a new or empty folder for --store"
        )
    try:
        (path / STORE_DATA).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphFormatError(f"{path}: cannot create store: {exc.strerror or exc}") from exc
    write_atomic(path / MANIFEST, (json.dumps(STORE_FORMAT, indent=2) + "\n").encode("utf-8"))


def open_oxigraph(path: Path, *, read_only: bool = True) -> "pyoxigraph.Store":
    """The raw Oxigraph store behind a store folder, or a graph file loaded into memory.

    A store folder opens read-only by default: any number of readers, also while a
    build writes (they see what was committed when they opened).  ``read_only=False``
    takes the store's write lock; a second writer gets a clear error.  A graph file
    is parsed into a new in-memory store (``read_only`` does not apply).
    """
    import pyoxigraph

    path = Path(path)
    _check_store(path)
    if path.is_dir():
        data = path / STORE_DATA
        try:
            return pyoxigraph.Store.read_only(str(data)) if read_only else pyoxigraph.Store(str(data))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise GraphFormatError(
                    f"{path}: the store is in use by another kgraph command that writes to it; "
                    "wait for it to finish"
                ) from exc
            raise GraphFormatError(f"{path}: cannot open store: {exc}") from exc
    ext = path.suffix.lower()
    rdf_format(path)
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(pyoxigraph.RdfFormat, _OX_FORMATS[ext]))
    except (OSError, SyntaxError, ValueError) as exc:
        raise GraphFormatError(f"{path}: cannot read graph: {exc}") from exc
    return store


def open_graph(path: Path) -> Dataset:
    """A graph file (format from its extension) or a store folder as an rdflib Dataset.

    A store opens read-only and is queried in place (nothing is loaded); a file is
    parsed into a new in-memory dataset, as ``load_dataset`` does.
    """
    path = Path(path)
    _check_store(path)
    if not path.is_dir():
        return load_dataset(path)
    return dataset_over(open_oxigraph(path))


def dataset_over(store: "pyoxigraph.Store") -> Dataset:
    """An rdflib Dataset view of an open pyoxigraph store (no copy)."""
    from oxrdflib import OxigraphStore

    dataset = Dataset(store=OxigraphStore(store=store), default_union=True)
    return bind_prefixes(dataset)  # type: ignore[return-value]


BUILD_FORMATS = (".trig", ".nq", ".jsonld")


def check_build_output(path: Path) -> None:
    """Refuse a build output that cannot hold the per-article named graphs."""
    path = Path(path)
    rdf_format(path)
    if path.suffix.lower() not in BUILD_FORMATS:
        raise GraphFormatError(
            f"{path}: {path.suffix} cannot hold the per-article named graphs that the named queries read; "
            f"build to {' or '.join(BUILD_FORMATS[:2])} (kgraph export writes .ttl/.nt from it afterwards)"
        )
