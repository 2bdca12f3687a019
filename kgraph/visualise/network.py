"""Entity-level graph of a dataset as networkx: to_networkx (what export and stats use).

Nodes are the entities that some article mentions (plus any entity a relation points at),
keyed by IRI.  Entity IRIs are canonicalised through the identity graph
(``?local kg:canonical ?canonical`` in ``<https://w3id.org/kgraph/identity>``) when the dataset
has one, so one real-world entity named in several articles is one node (its canonical IRI,
the identity graph's preferred label, ``articles`` counting every article that mentions any of
its spellings), as the named queries and the news map show it.  Edges are the relations
between entities, aggregated over articles:

- role edges      person -> organisation or country, ``relation`` = the role label ("President");
- statement edges speaker -> country, ``relation`` = "statement about".

Reporters, editors and publishers take part in no edge.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
from rdflib import Dataset

from .model import _CANONICAL, _CANONICAL_LABELS, _PREFIXES, UNKNOWN_TYPE, _pick_label, rows

log = logging.getLogger(__name__)

STATEMENT_RELATION = "statement about"
# Two queries, not one join: in the union graph each article repeats an entity's type.
_TYPES = _PREFIXES + "SELECT DISTINCT ?entity ?type WHERE { ?entity kg:entityType ?type }"
_MENTIONS = _PREFIXES + "SELECT DISTINCT ?entity ?article WHERE { ?article schema:mentions ?entity }"
# Each preferred label with the number of named graphs (articles) that use it; the UNION
# branch keeps labels that only live in the default graph (counted 0).
_LABELS = _PREFIXES + """
SELECT ?entity ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  { GRAPH ?g { ?entity skos:prefLabel ?label } } UNION { ?entity skos:prefLabel ?label }
} GROUP BY ?entity ?label
"""
_ISO = _PREFIXES + "SELECT DISTINCT ?entity ?iso WHERE { ?entity kg:isoCode ?iso }"
_TITLES = _PREFIXES + "SELECT DISTINCT ?article ?title WHERE { ?article dcterms:title ?title }"
_ROLES = _PREFIXES + """
SELECT DISTINCT ?source ?target ?relation ?article ?evidence WHERE {
  ?fact a org:Membership ; org:member ?source ; org:organization ?target ; kg:roleLabel ?relation .
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
}
"""
_STATEMENTS = _PREFIXES + """
SELECT DISTINCT ?source ?target ?article ?evidence WHERE {
  ?fact a kg:Statement ; kg:speaker ?source ; kg:aboutCountry ?target .
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
}
"""


@dataclass
class _Edge:
    kind: str
    articles: set[str] = field(default_factory=set)
    # (no evidence?, article, evidence): rows with evidence first, then the smallest article IRI
    best: tuple[bool, str, str] | None = None

    def add(self, article: str, evidence: str) -> None:
        if article:
            self.articles.add(article)
        candidate = (not evidence, article, evidence)
        if self.best is None or candidate < self.best:
            self.best = candidate


select = rows  # the rows of a SELECT query as tuples of strings ("" for an unbound variable)


def canonical_iris(dataset: Dataset) -> dict[str, str]:
    """local entity IRI -> canonical IRI, as the dataset's identity graph states it (empty without one)."""
    if not isinstance(dataset, Dataset):
        return {}
    return {local: canonical for local, canonical in select(dataset, _CANONICAL) if local and canonical}


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """The entity-level graph of a dataset (see the module docstring)."""
    canonical = canonical_iris(dataset)

    def canon(iri: str) -> str:
        return canonical.get(iri, iri)

    types: dict[str, str] = {}
    for local, type_ in select(dataset, _TYPES):
        iri = canon(local)
        if iri not in types or type_ < types[iri]:  # one type per node, deterministic
            types[iri] = type_
    mentions: dict[str, set[str]] = {}
    for local, article in select(dataset, _MENTIONS):
        mentions.setdefault(canon(local), set()).add(article)
    mentioned = {iri: len(articles) for iri, articles in mentions.items()}
    labels: dict[str, dict[str, int]] = {}
    for local, label, count in select(dataset, _LABELS):
        counts = labels.setdefault(canon(local), {})
        counts[label] = counts.get(label, 0) + int(count)  # spellings of one entity add up
    preferred: dict[str, str] = {}
    if canonical:
        for iri, label in select(dataset, _CANONICAL_LABELS):
            if label.strip():
                preferred[iri] = min(preferred.get(iri, label), label)
    isos: dict[str, str] = {}
    for local, iso in select(dataset, _ISO):
        iri = canon(local)
        isos[iri] = min(isos.get(iri, iso), iso)
    titles: dict[str, str] = {}
    for article, title in select(dataset, _TITLES):
        titles[article] = min(titles.get(article, title), title)

    edges: dict[tuple[str, str, str], _Edge] = {}
    for source, target, relation, article, evidence in select(dataset, _ROLES):
        edges.setdefault((canon(source), canon(target), relation), _Edge("role")).add(article, evidence)
    for source, target, article, evidence in select(dataset, _STATEMENTS):
        key = (canon(source), canon(target), STATEMENT_RELATION)
        edges.setdefault(key, _Edge("statement")).add(article, evidence)

    nodes = {iri for iri, count in mentioned.items() if count > 0}
    for source, target, _ in edges:
        nodes.update((source, target))

    nx_graph = nx.MultiDiGraph()
    for iri in sorted(nodes):
        attrs: dict[str, Any] = {
            "type": types.get(iri, UNKNOWN_TYPE),
            "label": preferred.get(iri) or (_pick_label(labels[iri]) if iri in labels else iri.rsplit("/", 1)[-1]),
            "articles": mentioned.get(iri, 0),
        }
        if iri in isos:
            attrs["iso"] = isos[iri]
        nx_graph.add_node(iri, **attrs)
    for (source, target, relation), edge in sorted(edges.items()):
        attrs = {"relation": relation, "kind": edge.kind, "articles": len(edge.articles)}
        _, article, evidence = edge.best or (True, "", "")
        if evidence:
            attrs["evidence"] = evidence
        if article in titles:
            attrs["article_title"] = titles[article]
        nx_graph.add_edge(source, target, key=relation, **attrs)
    log.debug("entity graph: %d nodes, %d edges", nx_graph.number_of_nodes(), nx_graph.number_of_edges())
    return nx_graph
