"""Articles -> extractions -> one dataset: the library behind ``kgraph build``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KgraphError
from .identity import article_iri
from .merging import merge
from .vocabulary import add_vocabulary
from .records import Article, Extraction, Skipped
from .triples import to_triples

if TYPE_CHECKING:
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
