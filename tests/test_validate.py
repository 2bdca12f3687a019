"""SHACL validation (ontology/shapes.ttl): our graphs conform, broken ones are reported by article."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, SKOS

from kgraph.cli import cli
from kgraph.namespaces import KG
from kgraph.store import load_dataset, new_dataset, save_dataset
from kgraph.validation import validate

GOLDEN = sorted((Path(__file__).parent / "data" / "golden").glob("*.trig"))
ART = URIRef("https://w3id.org/kgraph/id/article/a-1")
ID = "https://w3id.org/kgraph/id/"


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_graphs_conform(path: Path) -> None:
    checked, violations = validate(load_dataset(path))
    assert checked >= 1
    assert violations == []


EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"


def test_examples_graph_conforms(tmp_path: Path) -> None:
    built = tmp_path / "graph.trig"
    build = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(built), "--silent"])
    assert build.exit_code == 0, build.output
    result = CliRunner().invoke(cli, ["validate", str(built)])
    assert result.exit_code == 0, result.output
    assert "conform to ontology/shapes.ttl" in result.output


def broken_dataset():  # type: ignore[no-untyped-def]
    ds = new_dataset()
    g = ds.graph(ART)
    g.add((ART, RDF.type, KG.Article))
    g.add((ART, KG.sourceFile, Literal("a.txt")))
    person = URIRef(ID + "person/ana-lima")
    g.add((person, RDF.type, KG.Person))
    g.add((person, KG.entityType, Literal("Person")))
    g.add((person, SKOS.prefLabel, Literal("Ana Lima")))
    g.add((person, SKOS.prefLabel, Literal("A. Lima")))  # two preferred names
    statement = URIRef(ID + "statement/s1")  # no speaker, no evidence
    g.add((statement, RDF.type, KG.Statement))
    g.add((statement, KG.quote, Literal("we will not accept this proposal at all")))
    g.add((statement, KG.direct, Literal(True)))
    g.add((statement, PROV.wasDerivedFrom, ART))
    membership = URIRef("http://example.org/m1")  # outside our namespace, no role concept
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, person))
    return ds


def test_broken_graph_reports_each_violation_by_article(tmp_path: Path) -> None:
    checked, violations = validate(broken_dataset())
    assert checked == 1
    messages = {(v.focus.rsplit("/", 1)[-1], v.message) for v in violations}
    assert all(v.graph == str(ART) for v in violations)
    assert ("ana-lima", "an entity has exactly one non-empty preferred name in its article") in messages
    assert ("s1", "a statement has exactly one speaker") in messages
    assert ("s1", "a statement keeps the sentence it came from") in messages
    assert ("m1", "a membership has exactly one role concept of ontology/roles.ttl") in messages
    assert ("m1", "a membership has exactly one organisation (or country)") in messages
    assert any(v.focus.endswith("m1") and "does not match" in v.message or "pattern" in v.message.lower()
               for v in violations) or any(v.focus.endswith("m1") for v in violations)


def test_validate_command_fails_on_violations(tmp_path: Path) -> None:
    path = tmp_path / "broken.trig"
    save_dataset(broken_dataset(), path)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "a statement has exactly one speaker" in result.output
    assert "Error: " in result.output and "in 1 of 1 article graphs" in result.output
    js = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
    assert '"conforms": false' in js.output
