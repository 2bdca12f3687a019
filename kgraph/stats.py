"""Summary figures of a graph: compute_stats (a dict) and format_stats (text for the terminal)."""

from __future__ import annotations

from typing import Any

from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .records import ENTITY_TYPES
from .visualise import select, to_networkx

_PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
_COUNTS = {
    "articles": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Article }",
    "roles": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Membership }",
    "statements": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Statement }",
    "graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "named_quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
}


def _count(dataset: Dataset, query: str) -> int:
    for (count,) in select(dataset, _PREFIXES + query):
        return int(count)
    return 0


def compute_stats(dataset: Dataset, *, top: int = 10) -> dict[str, Any]:
    """Counts of articles, triples, entities by type, roles, statements and named graphs,
    and the ``top`` entities by degree in the entity graph."""
    counts = {name: _count(dataset, query) for name, query in _COUNTS.items()}
    default_graph = len(dataset.graph(DATASET_DEFAULT_GRAPH_ID))
    nx_graph = to_networkx(dataset)
    entities = dict.fromkeys(ENTITY_TYPES, 0)
    for _, data in nx_graph.nodes(data=True):
        if data["articles"] > 0:  # mentioned by some article (not only the target of a relation)
            entities[data["type"]] = entities.get(data["type"], 0) + 1
    degree = dict(nx_graph.degree())
    ranked = sorted(nx_graph.nodes(data=True), key=lambda item: (-degree[item[0]], item[1]["label"], item[0]))
    return {
        "articles": counts["articles"],
        "triples": counts["named_quads"] + default_graph,
        "entities": entities,
        "roles": counts["roles"],
        "statements": counts["statements"],
        "graphs": counts["graphs"],
        "top_entities": [
            {"iri": iri, "label": data["label"], "type": data["type"], "degree": degree[iri]}
            for iri, data in ranked[: max(top, 0)]
        ],
    }


def format_stats(stats: dict[str, Any]) -> str:
    """The stats as aligned lines of text."""
    entities: dict[str, int] = stats["entities"]
    by_type = ", ".join(f"{type_} {count:,}" for type_, count in entities.items())
    lines = [
        f"Articles:      {stats['articles']:,}",
        f"Named graphs:  {stats['graphs']:,}",
        f"Triples:       {stats['triples']:,}",
        f"Entities:      {sum(entities.values()):,} ({by_type})",
        f"Roles:         {stats['roles']:,}",
        f"Statements:    {stats['statements']:,}",
    ]
    if stats["top_entities"]:
        lines.append("Top entities by degree:")
        width = len(str(len(stats["top_entities"])))
        for rank, entity in enumerate(stats["top_entities"], 1):
            lines.append(f"  {rank:>{width}}. {entity['label']} ({entity['type']}): {entity['degree']:,}")
    return "\n".join(lines)
