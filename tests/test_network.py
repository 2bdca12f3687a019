"""to_networkx on the two-article fixture (the entity graph that export and stats use)."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_fixture import EDGES, ENTITIES, FRANCE, GERMANY, JON, MARIA, PARIS, ROLE_EVIDENCE, STATEMENT_EVIDENCE, TITLES, TOM, WTC, build_dataset
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kgraph.visualise import to_networkx


@pytest.fixture(scope="module")
def nx_graph() -> nx.MultiDiGraph:
    return to_networkx(build_dataset())


def test_nodes_are_the_mentioned_entities(nx_graph: nx.MultiDiGraph) -> None:
    assert set(nx_graph.nodes) == ENTITIES
    assert TOM not in nx_graph  # a reporter that no article mentions
    assert nx_graph.nodes[FRANCE] == {"type": "Country", "label": "France", "articles": 2, "iso": "FR"}
    assert nx_graph.nodes[JON] == {"type": "Person", "label": "Jon Smit", "articles": 1}
    assert nx_graph.nodes[PARIS]["type"] == "Place"
    assert nx_graph.degree(PARIS) == 0  # mentioned, in no relation: kept as an isolated node


def test_label_ties_go_to_the_shortest(nx_graph: nx.MultiDiGraph) -> None:
    # "World Trade Council" (a1) and "The World Trade Council" (a2): one article each
    assert nx_graph.nodes[WTC]["label"] == "World Trade Council"


def test_label_used_by_more_articles_wins() -> None:
    dataset = build_dataset()
    extra = dataset.graph(URIRef("https://w3id.org/kgraph/id/article/extra"))
    extra.add((URIRef(WTC), SKOS.prefLabel, Literal("The World Trade Council")))
    assert to_networkx(dataset).nodes[WTC]["label"] == "The World Trade Council"


def test_edges_are_relations_aggregated_over_articles(nx_graph: nx.MultiDiGraph) -> None:
    assert set(nx_graph.edges(keys=True)) == EDGES
    assert nx_graph.edges[MARIA, WTC, "President"] == {
        "relation": "President",
        "kind": "role",
        "articles": 2,
        "evidence": ROLE_EVIDENCE,  # from the first article (by IRI) asserting it
        "article_title": TITLES[0],
    }
    statement = nx_graph.edges[MARIA, FRANCE, "statement about"]
    assert (statement["kind"], statement["articles"], statement["evidence"]) == ("statement", 1, STATEMENT_EVIDENCE)


def test_same_graph_on_the_memory_store(nx_graph: nx.MultiDiGraph) -> None:
    assert nx.utils.graphs_equal(to_networkx(build_dataset("memory")), nx_graph)


