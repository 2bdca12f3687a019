"""The vocabulary: KG mirrors ontology/kgraph.ttl, the Turtle files parse and ship in the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, OWL, URIRef
from rdflib.namespace import SKOS

from kgraph.namespaces import KG, TOPIC
from kgraph.vocabulary import ONTOLOGY_FILES, load_ontology

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ("diplomacy security armed-conflict peace-process sanctions trade energy economy elections "
          "domestic-politics justice human-rights migration terrorism technology environment health").split()


def test_kg_namespace_and_ontology_list_the_same_terms() -> None:
    graph = load_ontology("kgraph.ttl")
    ns = str(KG._NS)
    in_ttl = {str(s)[len(ns):] for s in graph.subjects(RDF.type, None) if str(s).startswith(ns)}
    in_code = {name for name in KG.__annotations__}
    assert in_ttl == in_code


def test_every_term_has_a_label_and_a_comment() -> None:
    graph = load_ontology("kgraph.ttl")
    for term in graph.subjects(RDF.type, None):
        if isinstance(term, URIRef) and str(term).startswith(str(KG._NS)):
            assert graph.value(term, RDFS.label) is not None, term
            assert graph.value(term, RDFS.comment) is not None, term


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_ontology_files_parse(name: str) -> None:
    assert len(load_ontology(name)) > 0


def test_topic_scheme_has_the_seventeen_topics_mapped_to_iptc() -> None:
    graph = load_ontology("topics.ttl")
    for slug in TOPICS:
        concept = TOPIC[slug]
        assert (concept, RDF.type, SKOS.Concept) in graph, slug
        assert str(graph.value(concept, SKOS.prefLabel)) == slug
        matches = [o for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
                   for o in graph.objects(concept, p)]
        assert any("cv.iptc.org/newscodes/mediatopic/" in str(m) for m in matches), slug


def test_installed_wheel_ships_and_finds_the_ontology(tmp_path: Path) -> None:
    """Build the wheel, install it into a bare folder and load the ontology from there."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True, text=True,
    )
    if build.returncode != 0:
        pytest.fail(f"wheel build failed: {build.stderr[-2000:]}")
    [wheel] = list(wheel_dir.glob("kgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in ONTOLOGY_FILES:
        assert f"kgraph/ontology/{name}" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import kgraph.vocabulary as v, sys; "
        "assert str(v.__file__).startswith(sys.argv[1]), v.__file__; "
        "print(len(v.load_ontology('roles.ttl')), len(v.load_ontology('topics.ttl')))"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    run = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    assert all(int(n) > 0 for n in run.stdout.split())
