"""Every export stays valid for its consumers whatever characters the articles hold."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kgraph.export import EXPORTERS, export
from kgraph.identity import article_iri, entity_key
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role, Statement
from kgraph.store import new_dataset
from kgraph.triples import to_triples

HOSTILE = [
    "Ana\x00 Lima\x01\x1f",
    "<script>window.__pwned=1</script>",
    "Bob </script><img src=x onerror=alert(1)>",
    "Zoë \u202eevil\u202c \u200bX",
    "tab\tand\nnewline \"quoted\" 'single' & amp",
    "\ud7ff\ue000\ufffd emoji 🙂 한국어 Сергей 王毅 مرحبا",
]


def dataset_with(name: str, title: str) -> Dataset:
    text = f"{name} said something. {title}"
    article = Article(id="a.txt", file="a.txt", source="a.txt", text=text,
                      meta=ArticleMeta(title=title, date="2026-03-02", publisher=name or "P"))
    ev = Evidence("a.txt", 0, max(1, len(name)), name)
    person = Entity(entity_key("Person", name or "x"), name or "x", "Person", (name + " alias",), mentions=(ev,))
    org = Entity(entity_key("Organization", title or "y"), title or "y", "Organization")
    role = Role(person.key, "chief", "head", org.key, ev)
    statement = Statement(person.key, f"{title} is a quote of several words here", ev, True, "say")
    ds = new_dataset()
    graph = ds.graph(article_iri(article.id))
    for triple in to_triples(Extraction(article, (person, org), (role,), (statement,))):
        graph.add(triple)
    return ds


def check_file(fmt: str, path: Path) -> None:
    data = path.read_bytes()
    if fmt in ("graphml", "gexf"):
        ET.fromstring(data)  # a strict XML parser accepts it
        nx_graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert nx_graph.number_of_nodes() >= 2
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert rows[0][0] == "source" and all(len(r) == len(rows[0]) for r in rows)
    else:
        parser = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt]
        back = Dataset()
        back.parse(data=data, format=parser)
        assert len(back) or sum(len(g) for g in back.graphs()) > 0


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_round_trip(tmp_path: Path, fmt: str, name: str) -> None:
    path = tmp_path / f"out.{fmt}"
    export(dataset_with(name, f"Title {name}"), fmt, path)
    check_file(fmt, path)


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@given(name=names, title=names)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_round_trips_through_graphml_and_csv(tmp_path: Path, name: str, title: str) -> None:
    ds = dataset_with(name, title)
    for fmt in ("graphml", "gexf", "csv", "nq"):
        path = tmp_path / f"out.{fmt}"
        export(ds, fmt, path)
        check_file(fmt, path)
