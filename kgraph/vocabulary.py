"""The Turtle files of ``ontology/``: found in the installed package or the source tree.

The client's layout keeps ``ontology/`` at the repository root; pyproject.toml maps it
into the wheel as the package ``kgraph.ontology``.  Running from a source checkout,
the files are read from the root folder instead.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KgraphError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

ONTOLOGY_FILES = ("kgraph.ttl", "topics.ttl", "roles.ttl", "shapes.ttl")
VOCABULARY_GRAPH = "https://w3id.org/kgraph/vocabulary"
"""Named graph that a build fills with the role and topic schemes, so that queries can
match a post or a topic by any of its labels without loading ontology/ separately."""


def ontology_file(name: str) -> Traversable:
    """The ontology file ``name`` (e.g. "roles.ttl")."""
    try:
        path: Traversable = resources.files("kgraph.ontology") / name
    except ModuleNotFoundError:
        path = Path(__file__).resolve().parent.parent / "ontology" / name
    if not path.is_file():
        raise KgraphError(f'No ontology file "{name}". Available: {", ".join(ONTOLOGY_FILES)}.')
    return path


@cache
def load_ontology(name: str) -> "Graph":
    """Parse one ontology file into an rdflib Graph (cached; do not modify it)."""
    from rdflib import Graph

    graph = Graph()
    try:
        graph.parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")
    except Exception as exc:
        raise KgraphError(f"ontology/{name}: invalid Turtle: {exc}") from exc
    return graph


def add_vocabulary(dataset: "Dataset") -> None:
    """Copy the role and topic concept schemes into the dataset's vocabulary graph."""
    from rdflib import URIRef

    graph = dataset.graph(URIRef(VOCABULARY_GRAPH))
    for name in ("roles.ttl", "topics.ttl"):
        graph.addN((s, p, o, graph) for s, p, o in load_ontology(name))
