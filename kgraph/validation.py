"""Check a graph against ``ontology/shapes.ttl`` (SHACL, run by pySHACL), article by article.

Each article's named graph is validated on its own: the shapes say what one article's facts
must look like (one preferred name per entity in its article, a speaker, quote and evidence per
statement, a person, role concept and organisation per membership, IRIs in kgraph's namespace).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from .errors import KgraphError

if TYPE_CHECKING:
    from rdflib import Dataset

_SKIP_GRAPHS = ("https://w3id.org/kgraph/vocabulary", "https://w3id.org/kgraph/identity")


@dataclass(frozen=True, slots=True)
class Violation:
    """One failed constraint: in which article graph, on which node, and why."""

    graph: str
    focus: str
    path: str
    message: str


@cache
def shapes() -> Graph:
    """The SHACL shapes shipped with kgraph (``kgraph.ontology/shapes.ttl``)."""
    from .vocabulary import ontology_file

    return Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


def article_graphs(dataset: "Dataset") -> Iterator[tuple[str, Graph]]:
    """(name, graph) of every article graph, in name order, each copied into memory."""
    names = sorted(str(g.identifier) for g in dataset.graphs() if str(g.identifier) not in _SKIP_GRAPHS
                   and not str(g.identifier).startswith("urn:x-rdflib:"))
    for name in names:
        graph = Graph()
        for triple in dataset.graph(URIRef(name)):
            graph.add(triple)
        if len(graph):
            yield name, graph


def _violations(name: str, report: Graph) -> Iterator[Violation]:
    for result in sorted(report.subjects(SH.resultSeverity, SH.Violation), key=str):
        yield Violation(
            graph=name,
            focus=str(report.value(result, SH.focusNode) or ""),
            path=str(report.value(result, SH.resultPath) or ""),
            message=str(report.value(result, SH.resultMessage) or ""),
        )


def validate(
    dataset: "Dataset",
    *,
    progress: Callable[[Iterable[tuple[str, Graph]]], Iterable[tuple[str, Graph]]] | None = None,
) -> tuple[int, list[Violation]]:
    """(number of article graphs checked, violations) of the dataset against the shapes."""
    try:
        from pyshacl import validate as shacl_validate
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise KgraphError("pySHACL is not installed. Install it with: pip install pyshacl") from exc
    shape_graph = shapes()
    graphs: Iterable[tuple[str, Graph]] = article_graphs(dataset)
    if progress is not None:
        graphs = progress(graphs)
    checked = 0
    found: list[Violation] = []
    for name, graph in graphs:
        checked += 1
        conforms, report, _ = shacl_validate(graph, shacl_graph=shape_graph, inference="none",
                                             advanced=False, allow_warnings=True)
        if not conforms:
            assert isinstance(report, Graph)
            found.extend(_violations(name, report))
    return checked, found


def format_violations(violations: list[Violation], titles: dict[str, Any] | None = None) -> str:
    """Violations grouped by article graph, one line each."""
    lines = []
    current = None
    for v in violations:
        if v.graph != current:
            current = v.graph
            label = (titles or {}).get(v.graph)
            lines.append(f"{v.graph}" + (f" ({label})" if label else "") + ":")
        path = v.path.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        lines.append(f"  {v.focus} {path}: {v.message}")
    return "\n".join(lines)
