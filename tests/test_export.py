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


# ---------------------------------------------------------------------------
# one node per real-world entity, end to end: two invented articles spell one minister's
# surname two ways; the build's identity graph joins them, and the entity-level exports and
# stats show one node, as the named queries do

ARTICLES = {
    "grid.txt": "Ukraine seeks grid repairs\n\nKYIV, March 3 (Reuters) - Ukrainian Energy Minister Dmytro "
                "Kovalskyi said on Tuesday that Ukraine needed new transformers before winter.\n\n\"We cannot "
                "leave our grid exposed,\" Dmytro Kovalskyi told reporters in Kyiv.\n",
    "offer.txt": "Poland offers transformers\n\nWARSAW, March 4 (Reuters) - Poland offered Ukraine twenty "
                 "transformers on Wednesday.\n\n\"Every transformer counts,\" Ukrainian Energy Minister Dmytro "
                 "Kovalsky said after meeting Polish officials in Warsaw.\n",
}


@pytest.fixture(scope="module")
def merged_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from kgraph.cli import cli

    folder = tmp_path_factory.mktemp("merged")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "store"
    result = CliRunner().invoke(cli, ["build", str(folder / "grid.txt"), str(folder / "offer.txt"),
                                      "--store", str(store), "--workers", "1", "--silent"])
    assert result.exit_code == 0, result.output
    return store


def test_exports_and_stats_show_one_node_per_entity(merged_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from click.testing import CliRunner

    from kgraph.cli import cli
    from kgraph.query import run_named
    from kgraph.store import open_graph

    dataset = open_graph(merged_store)
    people = {str(row.entity) for row in run_named(dataset, "entities") if str(row.type).endswith("Person")}
    assert len(people) == 1, people  # the named query: one canonical person
    canonical = people.pop()
    runner = CliRunner()
    assert runner.invoke(cli, ["export", str(merged_store), "--format", "csv", "-o", str(tmp_path / "e.csv")]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    sources = {row["source"] for row in rows if row["source_type"] == "Person"}
    assert sources == {canonical}
    role = [row for row in rows if row["relation"] == "Energy Minister"]
    assert len(role) == 1 and role[0]["articles"] == "2"  # one edge asserted by both articles
    assert runner.invoke(cli, ["export", str(merged_store), "--format", "graphml", "-o", str(tmp_path / "e.graphml")]).exit_code == 0
    nx_graph = nx.read_graphml(tmp_path / "e.graphml")
    persons = [node for node, data in nx_graph.nodes(data=True) if data["type"] == "Person"]
    assert persons == [canonical] and nx_graph.nodes[canonical]["articles"] == 2
    result = runner.invoke(cli, ["stats", str(merged_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["entities"]["Person"] == 1
    assert [e["iri"] for e in figures["top_entities"] if e["type"] == "Person"] == [canonical]
