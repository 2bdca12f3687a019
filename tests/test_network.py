"""to_networkx on the two-article fixture (the entity graph that export and stats use)."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_fixture import EDGES, ENTITIES, FRANCE, GERMANY, JON, MARIA, PARIS, ROLE_EVIDENCE, STATEMENT_EVIDENCE, TITLES, TOM, WTC, build_dataset
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kgraph.identity import article_iri, entity_iri
from kgraph.merging import reconcile
from kgraph.namespaces import IDENTITY_GRAPH
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role
from kgraph.triples import to_triples
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




def _with_surname_article(store: str = "oxigraph") -> Dataset:
    """The fixture plus a third article that names Maria Lopez by her surname only (its own local
    IRI), and the identity graph that reconcile writes for the three articles."""
    dataset = build_dataset(store)
    aid = "a3.txt"
    sentence = "Lopez, the President of the World Trade Council, left Paris on Tuesday."
    article = Article(id=aid, file=aid, source=f"/tmp/{aid}", text=f"Council head leaves\n{sentence}",
                      meta=ArticleMeta(title="Council head leaves", date="2024-03-05"))
    ev = Evidence(aid, 20, 20 + len(sentence), sentence)
    extraction = Extraction(
        article,
        (Entity("person/lopez", "Lopez", "Person", mentions=(Evidence(aid, 20, 25, "Lopez"),)),
         Entity("org/world-trade-council", "World Trade Council", "Organization", mentions=(ev,))),
        (Role("person/lopez", "President", "president", "org/world-trade-council", ev),),
        (),
    )
    graph = dataset.graph(article_iri(aid))
    for triple in to_triples(extraction):
        graph.add(triple)
    report = reconcile(dataset)
    assert report.merged == 1  # the surname joins the one full name with that surname
    return dataset


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_one_node_per_entity_through_the_identity_graph(store: str) -> None:
    lopez = str(entity_iri("person/lopez"))
    nx_graph = to_networkx(_with_surname_article(store))
    assert lopez not in nx_graph  # merged into its canonical node
    assert set(nx_graph.nodes) == ENTITIES
    assert nx_graph.nodes[MARIA] == {"type": "Person", "label": "Maria Lopez", "articles": 3}
    role = nx_graph.edges[MARIA, WTC, "President"]
    assert role["articles"] == 3  # a1, a2 and the surname-only a3: one edge
    assert len(nx_graph.get_edge_data(MARIA, WTC)) == 1


def test_without_identity_graph_each_local_iri_is_a_node() -> None:
    dataset = _with_surname_article()
    dataset.remove((None, None, None, dataset.graph(IDENTITY_GRAPH)))
    nx_graph = to_networkx(dataset)
    assert str(entity_iri("person/lopez")) in nx_graph and nx_graph.nodes[MARIA]["articles"] == 2
