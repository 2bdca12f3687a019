"""Entity-level graph of a dataset as networkx: to_networkx (what export and stats use).

Nodes are the entities that some article mentions (plus any entity a relation points at),
keyed by IRI.  Edges are the relations between entities, aggregated over articles:

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

from .model import _PREFIXES, UNKNOWN_TYPE, _pick_label, rows

log = logging.getLogger(__name__)

STATEMENT_RELATION = "statement about"
# Two queries, not one join: in the union graph each article repeats an entity's type.
_TYPES = _PREFIXES + "SELECT DISTINCT ?entity ?type WHERE { ?entity kg:entityType ?type }"
_MENTIONS = _PREFIXES + """
SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article schema:mentions ?entity } GROUP BY ?entity
"""
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


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """The entity-level graph of a dataset (see the module docstring)."""
    types: dict[str, str] = {}
    for iri, type_ in select(dataset, _TYPES):
        if iri not in types or type_ < types[iri]:  # one type per node, deterministic
            types[iri] = type_
    mentioned = {iri: int(count) for iri, count in select(dataset, _MENTIONS)}
    labels: dict[str, dict[str, int]] = {}
    for iri, label, count in select(dataset, _LABELS):
        counts = labels.setdefault(iri, {})
        counts[label] = max(counts.get(label, 0), int(count))
    isos = {iri: iso for iri, iso in select(dataset, _ISO)}
    titles: dict[str, str] = {}
    for article, title in select(dataset, _TITLES):
        titles[article] = min(titles.get(article, title), title)

    edges: dict[tuple[str, str, str], _Edge] = {}
    for source, target, relation, article, evidence in select(dataset, _ROLES):
        edges.setdefault((source, target, relation), _Edge("role")).add(article, evidence)
    for source, target, article, evidence in select(dataset, _STATEMENTS):
        edges.setdefault((source, target, STATEMENT_RELATION), _Edge("statement")).add(article, evidence)

    nodes = {iri for iri, count in mentioned.items() if count > 0}
    for source, target, _ in edges:
        nodes.update((source, target))

    nx_graph = nx.MultiDiGraph()
    for iri in sorted(nodes):
        attrs: dict[str, Any] = {
            "type": types.get(iri, UNKNOWN_TYPE),
            "label": _pick_label(labels[iri]) if iri in labels else iri.rsplit("/", 1)[-1],
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
