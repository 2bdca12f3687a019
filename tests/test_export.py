"""Exporters on the two-article fixture: RDF round trips and the entity-level graph formats."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from graph_fixture import EDGES, ENTITIES, FRANCE, GERMANY, JON, MARIA, PARIS, ROLE_EVIDENCE, WTC, build_dataset
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import XSD

from kgraph.errors import GraphFormatError
from kgraph.export import CSV_COLUMNS, EXPORTERS, export



@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset()


def _quads(dataset: Dataset) -> set[tuple]:
    """(s, p, o, graph name) of every quad; stores give the graph as a name or as a Graph.
    A plain literal and an xsd:string one are the same term in RDF 1.1: compare them so."""

    def term(o):  # type: ignore[no-untyped-def]
        if isinstance(o, Literal) and o.datatype == XSD.string:
            return Literal(str(o))
        return o

    return {(s, p, term(o), getattr(g, "identifier", g)) for s, p, o, g in dataset.quads((None, None, None, None))}


def test_registry_names() -> None:
    assert sorted(EXPORTERS) == ["csv", "gexf", "graphml", "jsonld", "nq", "nt", "trig", "ttl"]


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_hold_the_union_of_article_graphs(dataset: Dataset, fmt: str, parser: str) -> None:
    graph = Graph().parse(data=EXPORTERS[fmt](dataset), format=parser)
    assert set(graph) == set(dataset.triples((None, None, None)))


@pytest.mark.parametrize("fmt,parser", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_quad_formats_keep_named_graphs(dataset: Dataset, fmt: str, parser: str) -> None:
    back = Dataset().parse(data=EXPORTERS[fmt](dataset), format=parser)
    original = _quads(dataset)
    assert len({g for *_, g in original}) == 2
    assert _quads(back) == original


def test_graphml(dataset: Dataset) -> None:
    nx_graph = nx.read_graphml(io.BytesIO(EXPORTERS["graphml"](dataset)), force_multigraph=True)
    assert set(nx_graph.nodes) == ENTITIES
    assert {(u, v, d["relation"]) for u, v, d in nx_graph.edges(data=True)} == EDGES
    assert nx_graph.nodes[FRANCE] == {"type": "Country", "label": "France", "articles": 2, "iso": "FR"}
    assert nx_graph.nodes[WTC]["label"] == "World Trade Council"
    (president,) = [d for u, v, d in nx_graph.edges(data=True) if d["relation"] == "President"]
    assert president["articles"] == 2
    assert president["evidence"] == ROLE_EVIDENCE
    keys = [k for _, _, k in nx_graph.edges(keys=True)]
    assert len(set(keys)) == len(keys)  # unique edge ids


def test_gexf(dataset: Dataset) -> None:
    nx_graph = nx.read_gexf(io.BytesIO(EXPORTERS["gexf"](dataset)))
    assert set(nx_graph.nodes) == ENTITIES
    assert nx_graph.nodes[MARIA]["label"] == "Maria Lopez"
    assert nx_graph.nodes[MARIA]["type"] == "Person"
    assert {(u, v, d["relation"]) for u, v, d in nx_graph.edges(data=True)} == EDGES
    (president,) = [d for u, v, d in nx_graph.edges(data=True) if d["relation"] == "President"]
    assert (president["articles"], president["weight"], president["label"]) == (2, 2, "President")


def test_csv(dataset: Dataset) -> None:
    text = EXPORTERS["csv"](dataset).decode("utf-8")
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["source"], r["target"], r["relation"]) for r in rows} == EDGES
    president = next(r for r in rows if r["relation"] == "President")
    assert president == {
        "source": MARIA,
        "source_label": "Maria Lopez",
        "source_type": "Person",
        "relation": "President",
        "target": WTC,
        "target_label": "World Trade Council",
        "target_type": "Organization",
        "articles": "2",
    }


def test_export_writes_the_file(dataset: Dataset, tmp_path) -> None:
    out = tmp_path / "sub" / "graph.csv"
    export(dataset, "csv", out)
    assert out.read_bytes() == EXPORTERS["csv"](dataset)


def test_unknown_format_lists_the_available_ones(dataset: Dataset, tmp_path) -> None:
    with pytest.raises(GraphFormatError) as info:
        export(dataset, "xlsx", tmp_path / "graph.xlsx")
    assert str(info.value) == (
        'No export format named "xlsx". Available: csv, gexf, graphml, jsonld, nq, nt, trig, ttl.'
    )
    assert not (tmp_path / "graph.xlsx").exists()
