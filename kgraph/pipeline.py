"""Articles -> extractions -> one dataset: the library behind ``kgraph build``."""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from rdflib import Literal as RdfLiteral, URIRef
from rdflib.namespace import SDO

from .errors import KgraphError
from .identity import article_iri
from .merging import merge
from .vocabulary import add_vocabulary
from .records import Article, ArticleQuads, Extraction, Skipped
from .triples import to_nquads, to_triples

if TYPE_CHECKING:
    from .articles import Limits
    from rdflib import Dataset
    from spacy.language import Language

log = logging.getLogger(__name__)


def extract_one(nlp: "Language", article: Article) -> Extraction:
    """Run the pipeline on one article and collect its records."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc = nlp(doc)
    return Extraction(
        article=article,
        entities=tuple((doc._.entities or {}).values()),
        roles=tuple(doc._.roles or ()),
        statements=tuple(doc._.statements or ()),
    )


def extract(nlp: "Language", articles: Iterable[Article | Skipped]) -> Iterator[Extraction | Skipped]:
    """Extract each article; an article that fails becomes a Skipped with the reason."""
    for item in articles:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield extract_one(nlp, item)
        except KgraphError as exc:
            yield Skipped(item.source, str(exc))
        except Exception as exc:  # one bad article never stops a batch
            log.exception("extraction failed for %s", item.id)
            yield Skipped(item.source, f"{item.id}: extraction failed: {type(exc).__name__}: {exc}")


def add_extraction(dataset: "Dataset", extraction: Extraction) -> int:
    """Add one article's triples to its own named graph; returns the number added."""
    graph = dataset.graph(article_iri(extraction.article.id))
    triples = list(to_triples(extraction))
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return len(triples)


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the closing summary."""

    articles: int = 0
    triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    roles: int = 0
    statements: int = 0


def build(
    paths: Iterable[Path],
    *,
    nlp: "Language",
    dataset: "Dataset",
    progress: Callable[[Iterable[Article | Skipped]], Iterable[Article | Skipped]] | None = None,
) -> BuildReport:
    """Read, extract and add every article under ``paths`` to ``dataset``."""
    from .articles import read_articles

    report = BuildReport()
    add_vocabulary(dataset)
    items: Iterable[Article | Skipped] = list(read_articles(paths))
    if progress is not None:
        items = progress(items)
    seen: set[str] = set()
    extractions: list[Extraction] = []
    for result in extract(nlp, items):
        if isinstance(result, Skipped):
            report.skipped.append(result)
            continue
        if result.article.id in seen:
            report.skipped.append(Skipped(result.article.source, f"{result.article.id}: duplicate article id, already read"))
            continue
        seen.add(result.article.id)
        extractions.append(result)
    for result in merge(extractions):
        report.articles += 1
        report.triples += add_extraction(dataset, result)
        report.entities.update(e.type for e in result.entities)
        report.roles += sum(1 for r in result.roles if r.current)
        report.statements += len(result.statements)
    return report


# --- the persistent store: streaming, idempotent, crash-safe builds ----------------------

ARTICLE_LEDGER_QUERY = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?article ?file ?url ?hash WHERE {
  GRAPH ?article {
    ?article a kg:Article ; kg:sourceFile ?file .
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:sha256 ?hash }
  }
}
"""


def source_file(source: str) -> Path:
    """The file of an article's source ("folder/a.jsonl:3" is line 3 of folder/a.jsonl)."""
    head, sep, tail = source.rpartition(":")
    return Path(head if sep and tail.isdigit() else source)


FLUSH_QUADS = 50_000
"""Quads written between two flushes of the store's write buffers to disk (measured: RSS
grew by about 250 bytes per quad without flushes, and stays near 100 MB with them)."""


BULK_QUADS = 250_000
"""Quads gathered (about 40 MB of N-Quads) before one bulk load into a scratch store (measured:
each bulk load costs about 40 ms of CPU however few quads it holds, so 48 loads of 2,000 quads
took four times the CPU of one load of 96,000)."""


def story_hash(article: Article) -> str:
    """SHA-256 of the story body with whitespace folded: the same wire story copied into
    several pages (with their own headlines or layout) gives the same hash."""
    import hashlib

    body = article.text[article.body_start:] if article.body_start < len(article.text) else article.text
    folded = " ".join((body.strip() or article.text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class StoredArticle:
    """What the store knows about one article already in it (its ledger entry)."""

    iri: str
    file: str
    url: str | None
    hash: str | None


@dataclass(slots=True)
class Ledger:
    """The articles of a store by IRI, story hash and URL: decides what an input does."""

    by_iri: dict[str, StoredArticle] = field(default_factory=dict)
    by_hash: dict[str, str] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, store: "pyoxigraph.Store") -> "Ledger":
        ledger = cls()
        for row in store.query(ARTICLE_LEDGER_QUERY):  # type: ignore[union-attr]
            url, hash_ = row["url"], row["hash"]
            ledger.put(StoredArticle(row["article"].value, row["file"].value,
                                     url.value if url is not None else None,
                                     hash_.value if hash_ is not None else None))
        return ledger

    def put(self, entry: StoredArticle) -> None:
        self.by_iri[entry.iri] = entry
        if entry.hash:
            self.by_hash[entry.hash] = entry.iri
        if entry.url:
            self.by_url[entry.url] = entry.iri

    def drop(self, iri: str) -> None:
        entry = self.by_iri.pop(iri, None)
        if entry is None:
            return
        if entry.hash and self.by_hash.get(entry.hash) == iri:
            del self.by_hash[entry.hash]
        if entry.url and self.by_url.get(entry.url) == iri:
            del self.by_url[entry.url]

    def decide(self, article: Article, digest: str) -> tuple[str, list[str], str | None]:
        """("add" | "replace" | "unchanged" | "duplicate", IRIs to drop, the other article's file).

        The same story text under two IRIs keeps the smaller IRI, whatever the order the
        two arrive in, so a store's content depends only on the set of articles added.
        A known URL or article IRI with another story text is a new version: it replaces.
        """
        iri = str(article_iri(article.id))
        url = article.meta.url
        same_text = self.by_hash.get(digest)
        if same_text == iri:
            return "unchanged", [], None
        if same_text is not None:
            if same_text < iri:
                return "duplicate", [], self.by_iri[same_text].file
            old = {same_text}
        else:
            old = set()
        if url and url in self.by_url:
            old.add(self.by_url[url])
        if iri in self.by_iri:
            old.add(iri)
        replaced = sorted(old)
        return ("replace" if replaced else "add"), replaced, None


@dataclass(slots=True)
class StoreReport(BuildReport):
    """What a build into a store did: new, replaced, unchanged and duplicate articles."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: list[Skipped] = field(default_factory=list)
    batches: int = 0

    @property
    def read(self) -> int:
        """Articles read from the inputs (new, replaced, unchanged or duplicate)."""
        return self.added + self.replaced + self.unchanged + len(self.duplicates)


_OX_NODES: dict[str, "pyoxigraph.NamedNode"] = {}
_OX_NODES_MAX = 200_000  # IRIs converted once and reused (predicates, classes, entities); bounded


def ox_term(term: object) -> "pyoxigraph.NamedNode | pyoxigraph.Literal":
    """An rdflib IRI or literal as a pyoxigraph term (kgraph makes no blank nodes)."""
    if isinstance(term, URIRef):
        node = _OX_NODES.get(term)
        if node is None:
            node = pyoxigraph.NamedNode(term)
            if len(_OX_NODES) < _OX_NODES_MAX:
                _OX_NODES[term] = node
        return node
    if isinstance(term, RdfLiteral):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=ox_term(term.datatype))  # type: ignore[arg-type]
        return pyoxigraph.Literal(str(term))
    raise KgraphError(f"cannot store {term!r}: kgraph graphs hold IRIs and literals only")


def article_quads(extraction: Extraction, digest: str) -> list["pyoxigraph.Quad"]:
    """The article's triples as quads in its own named graph, with its story hash."""
    node = article_iri(extraction.article.id)
    graph = pyoxigraph.NamedNode(node)
    quads = {pyoxigraph.Quad(ox_term(s), ox_term(p), ox_term(o), graph): None  # type: ignore[arg-type]
             for s, p, o in to_triples(extraction)}
    sha256 = pyoxigraph.NamedNode(SDO.sha256)
    quads[pyoxigraph.Quad(pyoxigraph.NamedNode(node), sha256, pyoxigraph.Literal(digest), graph)] = None
    return list(quads)  # in order, without repeats


def article_nquads(extraction: Extraction) -> ArticleQuads:
    """The article's triples as N-Quads bytes in its own named graph, with the counts a build
    reports (``extract_stream(..., finish=article_nquads)`` makes them in the worker processes).
    ``sha256_nquad`` adds the story hash."""
    lines = to_nquads(extraction)
    return ArticleQuads(
        article_id=extraction.article.id,
        nquads="".join(lines).encode("utf-8"),
        quads=len(lines),
        entity_types=tuple(e.type for e in extraction.entities),
        roles=sum(1 for r in extraction.roles if r.current),
        statements=len(extraction.statements),
    )


def sha256_nquad(iri: str, digest: str) -> bytes:
    """The N-Quad that gives the article (in its own graph) its story hash."""
    return f"<{iri}> <{SDO.sha256}> \"{digest}\" <{iri}> .\n".encode("ascii")


def add_vocabulary_once(store: "pyoxigraph.Store") -> None:
    """Write the role and topic schemes into the store's vocabulary graph, if not there yet."""
    from .vocabulary import VOCABULARY_GRAPH, load_ontology

    graph = pyoxigraph.NamedNode(VOCABULARY_GRAPH)
    if store.contains_named_graph(graph):
        return
    store.extend(
        pyoxigraph.Quad(ox_term(s), ox_term(p), ox_term(o), graph)  # type: ignore[arg-type]
        for name in ("roles.ttl", "topics.ttl")
        for s, p, o in load_ontology(name)
    )


def write_nquads(store: "pyoxigraph.Store", data: bytes, drop: Iterable[str] = (), *, atomic: bool = True) -> None:
    """Drop the named graphs ``drop``, then add the N-Quads ``data``.

    ``atomic``: in one transaction (see ``write_batch``).  Otherwise (a scratch store that
    a failed build throws away) the quads are bulk-loaded, about four times cheaper (measured)."""
    drop = sorted(set(drop))
    if atomic and drop:
        write_batch(store, list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS)), drop)
        return
    if drop:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{iri}>" for iri in drop))
    if not data:
        return
    if atomic:
        store.load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)


def write_batch(store: "pyoxigraph.Store", quads: list["pyoxigraph.Quad"], drop: Iterable[str] = ()) -> None:
    """One transaction: drop the named graphs ``drop`` and add ``quads``.

    Either all of it reaches the disk or none of it, so a build killed at any moment
    leaves whole articles only."""
    drop = sorted(set(drop))
    if not drop:
        store.extend(quads)
        return
    parts = [f"DROP SILENT GRAPH <{iri}>" for iri in drop]
    if quads:
        body = "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
        parts.append(f"INSERT DATA {{\n{body}\n}}")
    store.update(" ;\n".join(parts))


def remove_articles(store: "pyoxigraph.Store", iris: Iterable[str]) -> int:
    """Drop the named graphs of these articles in one transaction; returns how many."""
    iris = sorted(set(iris))
    if iris:
        write_batch(store, [], iris)
    return len(iris)


def reconcile_store(store: "pyoxigraph.Store") -> bool:
    """Recompute the cross-article identity graph, when ``merging.reconcile`` exists."""
    from . import merging

    reconcile = getattr(merging, "reconcile", None)
    if reconcile is None:
        return False
    reconcile(store)
    return True


def build_store(
    paths: Iterable[Path],
    *,
    store: "pyoxigraph.Store",
    model: str | None = None,
    nlp: "Language | None" = None,
    workers: int = 1,
    batch_size: int = 32,
    progress: Callable[[Iterable[Article | Skipped]], Iterable[Article | Skipped]] | None = None,
    ignore: Iterable[Path] = (),
    limits: "Limits | None" = None,
    atomic: bool = True,
) -> StoreReport:
    """Read, extract and add the articles under ``paths`` to an Oxigraph store, streaming.

    Articles flow through reading, extraction and writing in batches of ``batch_size``;
    each batch is one transaction.  An article already in the store (same story text) is
    left alone, a new version of a stored URL or article replaces it, and the same story
    under two names is stored once (the smaller article IRI).  Finally the identity graph
    is recomputed from all article graphs (``merging.reconcile``).  Files under the
    folders ``ignore`` (the store itself, when it lies inside an input folder) are passed over.

    The quads of each article are made where it is extracted (``article_nquads``: in the
    worker processes when ``workers > 1``); this process only decides and writes.
    ``atomic=False`` bulk-loads the batches instead (no transaction: for a scratch store
    that a failed build throws away)."""
    from .articles import read_articles
    from .parallel import extract_stream

    report = StoreReport()
    add_vocabulary_once(store)
    ledger = Ledger.read(store)
    ledger_at_start = set(ledger.by_iri)
    pending: dict[str, tuple[Article, str, list[str]]] = {}  # article id -> (article, digest, IRIs it replaces)

    items: Iterable[Article | Skipped] = read_articles(paths) if limits is None else read_articles(paths, limits=limits)
    ignored = tuple(Path(p).resolve() for p in ignore)
    if ignored:
        items = (i for i in items if not any(source_file(i.source).resolve().is_relative_to(p) for p in ignored))
    if progress is not None:
        items = progress(items)

    def to_extract() -> Iterator[Article | Skipped]:
        for item in items:
            if isinstance(item, Skipped):
                yield item
                continue
            digest = story_hash(item)
            action, old, other = ledger.decide(item, digest)
            if action == "unchanged":
                report.unchanged += 1
                continue
            if action == "duplicate":
                report.duplicates.append(Skipped(item.source, f"{item.id}: same story as {other}, already in the store"))
                continue
            for iri in old:
                ledger.drop(iri)
            ledger.put(StoredArticle(str(article_iri(item.id)), item.file, item.meta.url, digest))
            pending[item.id] = (item, digest, old)
            yield item

    chunks: dict[str, bytes] = {}  # article IRI -> its N-Quads, this batch
    drop: list[str] = []
    in_batch = batch_quads = 0

    unflushed = 0

    def flush(last: bool = False) -> None:
        nonlocal chunks, drop, in_batch, batch_quads, unflushed
        if not atomic and not last and batch_quads < BULK_QUADS:
            return  # bulk loads: fewer and larger (the batch stays open)
        if in_batch or drop:
            write_nquads(store, b"".join(chunks.values()), drop, atomic=atomic)
            report.batches += 1
            unflushed += batch_quads
            if atomic and unflushed >= FLUSH_QUADS:  # RocksDB's write buffers grow until flushed: keep memory flat
                store.flush()
                unflushed = 0
        chunks, drop, in_batch, batch_quads = {}, [], 0, 0

    # what this run wrote, per article IRI, in case a later input of the run supersedes it
    written: dict[str, tuple[Skipped, bool, int, tuple[str, ...], int, int]] = {}

    def unwrite(iri: str, by: Article) -> None:
        """An article of this run is superseded by a later input (same story or same URL)."""
        nonlocal in_batch, batch_quads
        source, was_new, triples, types, roles, statements = written.pop(iri)
        if chunks.pop(iri, None) is not None:
            in_batch -= 1
            batch_quads -= triples
        report.articles -= 1
        report.triples -= triples
        if was_new:
            report.added -= 1
        else:
            report.replaced -= 1
        report.entities.subtract(types)
        report.roles -= roles
        report.statements -= statements
        report.duplicates.append(Skipped(source.source, f"{source.reason}: superseded by {by.id} (same story or same URL)"))

    for result in extract_stream(to_extract(), model=model, workers=workers, batch_size=batch_size, nlp=nlp,
                                 finish=article_nquads):
        if isinstance(result, Skipped):
            report.skipped.append(result)
            continue
        article, digest, old = pending.pop(result.article_id)
        for iri in old:
            if iri in written:
                unwrite(iri, article)
        node = str(article_iri(article.id))
        chunks[node] = result.nquads + sha256_nquad(node, digest)
        quads = result.quads + 1
        batch_quads += quads
        drop.extend(old)
        in_batch += 1
        is_new = not any(iri in ledger_at_start for iri in old)
        written[node] = (Skipped(article.source, article.id), is_new, quads, result.entity_types, result.roles,
                         result.statements)
        report.triples += quads
        report.articles += 1
        if is_new:
            report.added += 1
        else:
            report.replaced += 1
        report.entities.update(result.entity_types)
        report.roles += result.roles
        report.statements += result.statements
        if in_batch >= batch_size:
            flush()
    flush(last=True)
    reconcile_store(store)
    return report


def count_articles(store: "pyoxigraph.Store") -> int:
    """Number of article graphs in the store."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?a a <https://w3id.org/kgraph/ns#Article> } }"
    row = next(iter(store.query(query)))  # type: ignore[arg-type]
    return int(row[0].value)


def find_articles(store: "pyoxigraph.Store", refs: Iterable[str]) -> tuple[dict[str, list[StoredArticle]], list[str]]:
    """The stored articles each reference names, and the references that name none.

    A reference is an article IRI, an article's URL, or a source path: a file's base
    name matches the articles read from it (every line of a ``.jsonl`` file, or one line
    as ``name.jsonl#N``)."""
    ledger = Ledger.read(store)
    found: dict[str, list[StoredArticle]] = {}
    unknown: list[str] = []
    for ref in refs:
        matches: list[StoredArticle] = []
        if ref in ledger.by_iri:
            matches = [ledger.by_iri[ref]]
        elif ref in ledger.by_url:
            matches = [ledger.by_iri[ledger.by_url[ref]]]
        else:
            name = Path(ref).name
            iri = str(article_iri(name))
            if iri in ledger.by_iri:
                matches = [ledger.by_iri[iri]]
            else:
                matches = sorted((e for e in ledger.by_iri.values() if e.file.split("#", 1)[0] == name),
                                 key=lambda e: e.iri)
        if matches:
            found[ref] = matches
        else:
            unknown.append(ref)
    return found, unknown


def sweep_scratch(folder: Path, name: str) -> list[Path]:
    """Remove the scratch stores that killed builds of the file ``name`` left in ``folder``
    (``.NAME.build-PID-XXXX``, their process gone); returns what was removed."""
    import glob
    import shutil

    from .store import _alive

    removed = []
    for path in sorted(folder.glob(f".{glob.escape(name)}.build-*")):
        pid = path.name[len(name) + len(".build-") + 1:].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@dataclass(slots=True)
class BuildOutcome:
    """A finished build: what it did, and what the store (or file) now holds."""

    report: StoreReport
    articles: int
    triples: int


def build_to(
    paths: Iterable[Path],
    *,
    store_dir: Path | None,
    output: Path | None,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    progress: Callable[[Iterable[Article | Skipped]], Iterable[Article | Skipped]] | None = None,
    limits: "Limits | None" = None,
) -> BuildOutcome:
    """Build into the store folder ``store_dir`` and/or the graph file ``output``.

    With a store, the articles are added to it (see ``build_store``) and ``output``, if
    given, is written from the whole store.  A file alone is built through a scratch
    store next to it (streamed to disk, so memory stays flat), removed at the end.  The
    file is replaced atomically, and only when at least one article was read; otherwise
    the old file stays and ``report.read`` is 0.  The store is closed on return.
    """
    import gc
    import shutil
    import tempfile

    from .store import count_quads, create_store, dataset_over, open_oxigraph, save_dataset

    if store_dir is None and output is None:
        raise KgraphError("give a store folder, a graph file, or both")
    scratch = None
    if store_dir is not None:
        create_store(store_dir)
        ox_store = open_oxigraph(store_dir, read_only=False)
    else:
        assert output is not None
        folder = Path(output).resolve().parent
        folder.mkdir(parents=True, exist_ok=True)
        sweep_scratch(folder, Path(output).name)
        scratch = tempfile.mkdtemp(prefix=f".{Path(output).name}.build-{os.getpid()}-", dir=folder)
        ox_store = pyoxigraph.Store(scratch)
    try:
        report = build_store(paths, store=ox_store, model=model, workers=workers, batch_size=batch_size,
                             progress=progress, ignore=[store_dir] if store_dir is not None else [],
                             limits=limits, atomic=scratch is None)
        if report.read == 0:
            return BuildOutcome(report, 0, 0)
        dataset = dataset_over(ox_store)
        if output is not None:
            save_dataset(dataset, output)
        outcome = BuildOutcome(report, count_articles(ox_store), count_quads(dataset))
        del dataset
        return outcome
    finally:
        del ox_store  # releases the store's write lock once no reference is left
        gc.collect()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
