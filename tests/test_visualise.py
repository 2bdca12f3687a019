"""to_networkx on the two-article fixture, and the offline HTML page of write_html."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from graph_fixture import (
    EDGES,
    ENTITIES,
    FRANCE,
    GERMANY,
    JON,
    MARIA,
    PARIS,
    ROLE_EVIDENCE,
    STATEMENT_EVIDENCE,
    TITLES,
    TOM,
    WTC,
    build_dataset,
)
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kgraph.errors import KgraphError
from kgraph.visualise import to_networkx, write_html

REMOTE = re.compile(r"""<\w+\b[^<>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def nx_graph() -> nx.MultiDiGraph:
    return to_networkx(build_dataset())


@pytest.fixture(scope="module")
def page(nx_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(nx_graph, path, title="Trade & talks")
    return path.read_text(encoding="utf-8")


def _vis_list(page: str, name: str) -> list[dict]:
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page)
    assert match, f"no {name} data in the page"
    return json.loads(match.group(1))


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


def test_page_is_offline(page: str) -> None:
    assert "vis.Network(" in page
    assert REMOTE.search(page) is None
    assert "bootstrap" not in page.lower()


def test_page_has_title_and_legend(page: str) -> None:
    assert "<title>Trade &amp; talks</title>" in page
    legend = re.search(r'<div id="kg-legend">(.*?)</div>', page).group(1)
    for word in ("Person", "Organization", "Country", "Place", "statement about"):
        assert word in legend
    assert "6 entities, 6 relations." in page


def test_nodes_styled_by_type_with_tooltips(page: str) -> None:
    nodes = {node["id"]: node for node in _vis_list(page, "nodes")}
    assert set(nodes) == {MARIA, JON, WTC, FRANCE, GERMANY, PARIS}
    assert nodes[MARIA]["label"] == "Maria Lopez"
    assert "Type: Person" in nodes[MARIA]["title"]
    assert "Mentioned in 2 articles" in nodes[MARIA]["title"]
    looks = {(node["shape"], node["color"]) for node in nodes.values()}
    assert len(looks) == 4  # one shape and colour per type


def test_edges_have_labels_and_evidence_tooltips(page: str) -> None:
    edges = _vis_list(page, "edges")
    assert len(edges) == 6
    (president,) = [e for e in edges if e["label"] == "President"]
    assert (president["from"], president["to"]) == (MARIA, WTC)
    assert ROLE_EVIDENCE in president["title"]
    assert TITLES[0] in president["title"]
    assert "Asserted by 2 articles" in president["title"]
    # the two edges Jon -> Germany are drawn apart
    parallel = [e for e in edges if (e["from"], e["to"]) == (JON, GERMANY)]
    assert sum("smooth" in e for e in parallel) == 1


def test_max_nodes_keeps_the_most_connected(nx_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "small.html"
    write_html(nx_graph, path, max_nodes=2)
    page = path.read_text(encoding="utf-8")
    # Maria, Jon and Germany all have degree 3; ties go to the most mentioned (2 articles, not 1)
    assert {n["id"] for n in _vis_list(page, "nodes")} == {MARIA, GERMANY}
    assert [(e["from"], e["to"]) for e in _vis_list(page, "edges")] == [(MARIA, GERMANY)]
    assert "Showing the 2 most connected of 6 entities" in page


def test_without_pyvis(nx_graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyvis.network", None)
    with pytest.raises(KgraphError, match="pyvis is not installed. Install it with: pip install pyvis"):
        write_html(nx_graph, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_inline_scripts_are_valid_javascript(page: str, tmp_path: Path) -> None:
    for number, script in enumerate(re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL)):
        path = tmp_path / f"script{number}.js"
        path.write_text(script, encoding="utf-8")
        result = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
