"""Exporters by name: each turns a dataset into the bytes of one file.

RDF formats (ttl, nt, nq, trig, jsonld) keep every triple; ttl and nt hold the union of the
article graphs, the quad formats keep one named graph per article.  graphml, gexf and csv
hold the entity-level graph of ``visualise.to_networkx``: entities as nodes, roles and
statements as edges aggregated over articles.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from functools import partial
from typing import Any
from pathlib import Path

import networkx as nx  # type: ignore[import-untyped]
from rdflib import Dataset

from .errors import GraphFormatError
from .store import serialize, write_atomic
from .visualise import to_networkx

CSV_COLUMNS = (
    "source",
    "source_label",
    "source_type",
    "relation",
    "target",
    "target_label",
    "target_type",
    "articles",
)


# Characters XML 1.0 cannot hold at all (GraphML and GEXF parsers reject the whole file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_safe(nx_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node ids and attribute strings hold only characters XML allows
    (each other character becomes U+FFFD), so Gephi and XML parsers open the file."""
    out = nx.MultiDiGraph()
    for node, data in nx_graph.nodes(data=True):
        out.add_node(_xml_text(node), **{k: _xml_text(v) for k, v in data.items()})
    for source, target, key, data in nx_graph.edges(keys=True, data=True):
        out.add_edge(_xml_text(source), _xml_text(target), key=_xml_text(key),
                     **{k: _xml_text(v) for k, v in data.items()})
    return out


def _numbered_edges(nx_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose edge keys are unique ids (e0, e1, ...): GraphML and GEXF edge ids must be unique."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(nx_graph.nodes(data=True))
    for number, (source, target, data) in enumerate(nx_graph.edges(data=True)):
        out.add_edge(source, target, key=f"e{number}", **data)
    return out


def to_graphml(dataset: Dataset) -> bytes:
    nx_graph = _numbered_edges(_xml_safe(to_networkx(dataset)))
    return "\n".join(nx.generate_graphml(nx_graph)).encode("utf-8")


def to_gexf(dataset: Dataset) -> bytes:
    nx_graph = _xml_safe(to_networkx(dataset))  # GEXF numbers edges itself and keeps the key as networkx_key
    for _, _, data in nx_graph.edges(data=True):
        data["label"] = data["relation"]  # GEXF's own edge label and weight, shown by Gephi
        data["weight"] = data["articles"]
    return "\n".join(nx.generate_gexf(nx_graph)).encode("utf-8")


def to_csv(dataset: Dataset) -> bytes:
    nx_graph = to_networkx(dataset)
    nodes = nx_graph.nodes
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for source, target, data in nx_graph.edges(data=True):
        writer.writerow((
            source,
            nodes[source]["label"],
            nodes[source]["type"],
            data["relation"],
            target,
            nodes[target]["label"],
            nodes[target]["type"],
            data["articles"],
        ))
    return buffer.getvalue().encode("utf-8")


EXPORTERS: dict[str, Callable[[Dataset], bytes]] = {
    "ttl": partial(serialize, fmt="ttl"),
    "nt": partial(serialize, fmt="nt"),
    "nq": partial(serialize, fmt="nq"),
    "trig": partial(serialize, fmt="trig"),
    "jsonld": partial(serialize, fmt="jsonld"),
    "graphml": to_graphml,
    "gexf": to_gexf,
    "csv": to_csv,
}


def export(dataset: Dataset, fmt: str, out: Path) -> None:
    """Write the dataset to ``out`` in the named format (see EXPORTERS), atomically."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise GraphFormatError(
            f'No export format named "{fmt}". Available: {", ".join(sorted(EXPORTERS))}.'
        ) from None
    write_atomic(Path(out), exporter(dataset))
