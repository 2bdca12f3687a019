"""Entity-level view of the graph: to_networkx (pure) and write_html (pyvis, works offline).

Nodes are the entities that some article mentions (plus any entity a relation points at),
keyed by IRI.  Edges are the relations between entities, aggregated over articles:

- role edges      person -> organisation or country, ``relation`` = the role label ("President");
- statement edges speaker -> country, ``relation`` = "statement about".

Reporters, editors and publishers take part in no edge.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
from rdflib import Dataset

from .errors import KgraphError
from .store import write_atomic

log = logging.getLogger(__name__)

STATEMENT_RELATION = "statement about"
UNKNOWN_TYPE = "Unknown"

_PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# Two queries, not one join: in the union graph each article repeats an entity's type.
_TYPES = _PREFIXES + "SELECT DISTINCT ?entity ?type WHERE { ?entity kg:entityType ?type }"
_MENTIONS = _PREFIXES + """
SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article schema:mentions ?entity } GROUP BY ?entity
"""
# Each preferred label with the number of named graphs (articles) that use it; the UNION
# branch keeps labels that only live in the default graph (counted 0).
_LABELS = _PREFIXES + """
SELECT ?entity ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  { GRAPH ?g { ?entity skos:prefLabel ?label } } UNION { ?entity skos:prefLabel ?label }
} GROUP BY ?entity ?label
"""
_ISO = _PREFIXES + "SELECT DISTINCT ?entity ?iso WHERE { ?entity kg:isoCode ?iso }"
_TITLES = _PREFIXES + "SELECT DISTINCT ?article ?title WHERE { ?article dcterms:title ?title }"
_ROLES = _PREFIXES + """
SELECT DISTINCT ?source ?target ?relation ?article ?evidence WHERE {
  ?fact a org:Membership ; org:member ?source ; org:organization ?target ; kg:roleLabel ?relation .
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
}
"""
_STATEMENTS = _PREFIXES + """
SELECT DISTINCT ?source ?target ?article ?evidence WHERE {
  ?fact a kg:Statement ; kg:speaker ?source ; kg:aboutCountry ?target .
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
}
"""


@dataclass
class _Edge:
    kind: str
    articles: set[str] = field(default_factory=set)
    # (no evidence?, article, evidence): rows with evidence first, then the smallest article IRI
    best: tuple[bool, str, str] | None = None

    def add(self, article: str, evidence: str) -> None:
        if article:
            self.articles.add(article)
        candidate = (not evidence, article, evidence)
        if self.best is None or candidate < self.best:
            self.best = candidate


def select(dataset: Dataset, query: str) -> Iterator[tuple[str, ...]]:
    """The rows of a SELECT query as tuples of strings ("" for an unbound variable)."""
    row: Any
    for row in dataset.query(query):
        yield tuple("" if value is None else str(value) for value in row)


def _pick_label(counts: dict[str, int]) -> str:
    """Most used label, then the shortest, then alphabetical."""
    return min(counts, key=lambda label: (-counts[label], len(label), label))


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """The entity-level graph of a dataset (see the module docstring)."""
    types: dict[str, str] = {}
    for iri, type_ in select(dataset, _TYPES):
        if iri not in types or type_ < types[iri]:  # one type per node, deterministic
            types[iri] = type_
    mentioned = {iri: int(count) for iri, count in select(dataset, _MENTIONS)}
    labels: dict[str, dict[str, int]] = {}
    for iri, label, count in select(dataset, _LABELS):
        counts = labels.setdefault(iri, {})
        counts[label] = max(counts.get(label, 0), int(count))
    isos = {iri: iso for iri, iso in select(dataset, _ISO)}
    titles: dict[str, str] = {}
    for article, title in select(dataset, _TITLES):
        titles[article] = min(titles.get(article, title), title)

    edges: dict[tuple[str, str, str], _Edge] = {}
    for source, target, relation, article, evidence in select(dataset, _ROLES):
        edges.setdefault((source, target, relation), _Edge("role")).add(article, evidence)
    for source, target, article, evidence in select(dataset, _STATEMENTS):
        edges.setdefault((source, target, STATEMENT_RELATION), _Edge("statement")).add(article, evidence)

    nodes = {iri for iri, count in mentioned.items() if count > 0}
    for source, target, _ in edges:
        nodes.update((source, target))

    nx_graph = nx.MultiDiGraph()
    for iri in sorted(nodes):
        attrs: dict[str, Any] = {
            "type": types.get(iri, UNKNOWN_TYPE),
            "label": _pick_label(labels[iri]) if iri in labels else iri.rsplit("/", 1)[-1],
            "articles": mentioned.get(iri, 0),
        }
        if iri in isos:
            attrs["iso"] = isos[iri]
        nx_graph.add_node(iri, **attrs)
    for (source, target, relation), edge in sorted(edges.items()):
        attrs = {"relation": relation, "kind": edge.kind, "articles": len(edge.articles)}
        _, article, evidence = edge.best or (True, "", "")
        if evidence:
            attrs["evidence"] = evidence
        if article in titles:
            attrs["article_title"] = titles[article]
        nx_graph.add_edge(source, target, key=relation, **attrs)
    log.debug("entity graph: %d nodes, %d edges", nx_graph.number_of_nodes(), nx_graph.number_of_edges())
    return nx_graph


# ---------------------------------------------------------------------------------------------
# HTML

_EXTERNAL = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>"""
    r"""|<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""",
    re.IGNORECASE,
)
_REMOTE = re.compile(r"""<\w+\b[^<>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
_HEADING = re.compile(r"<center>\s*<h1>[^<]*</h1>\s*</center>")
_COMMENTED_LINK = re.compile(r"<!--\s*<link\b.*?-->", re.DOTALL)

_SVG_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "triangle": '<polygon points="8,1 15,14 1,14"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
}

_CSS = """
body { margin: 0; font-family: system-ui, sans-serif; }
#kg-header { padding: 8px 12px; border-bottom: 1px solid #ddd; }
#kg-header h1 { font-size: 18px; margin: 0 0 4px 0; }
#kg-summary { font-size: 13px; color: #444; }
#kg-legend { display: flex; flex-wrap: wrap; gap: 14px; margin-top: 6px; font-size: 13px; }
#kg-legend span { display: inline-flex; align-items: center; gap: 4px; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 460px; font-size: 13px; }
#mynetwork { float: none !important; }
"""

# Turn physics off once the layout is stable, so a big page stays responsive.
_AFTER_DRAW = """
<script type="text/javascript">
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
  });
</script>
"""


def _read_style() -> dict[str, Any]:
    path = resources.files("kgraph").joinpath("patterns/viz_style.json")
    try:
        style: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgraphError(f"kgraph/patterns/viz_style.json: cannot read the style: {exc}") from exc
    return style


def _most_connected(nx_graph: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    if nx_graph.number_of_nodes() <= max_nodes:
        return nx_graph
    degree = dict(nx_graph.degree())
    ranked = sorted(
        nx_graph.nodes(data=True),
        key=lambda item: (-degree[item[0]], -item[1].get("articles", 0), item[1].get("label", ""), item[0]),
    )
    return nx_graph.subgraph(node for node, _ in ranked[: max(max_nodes, 0)])


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def _node_title(iri: str, data: dict[str, Any]) -> str:
    lines = [str(data.get("label", iri)), f"Type: {data.get('type', UNKNOWN_TYPE)}"]
    if data.get("iso"):
        lines.append(f"ISO code: {data['iso']}")
    lines += [f"Mentioned in {_plural(int(data.get('articles', 0)), 'article')}", iri]
    return "\n".join(lines)


def _edge_title(source: str, target: str, data: dict[str, Any]) -> str:
    lines = [f"{source} \u2192 {data.get('relation', '')} \u2192 {target}"]
    if data.get("evidence"):
        lines.append(f"\u201c{data['evidence']}\u201d")
    if data.get("article_title"):
        lines.append(f"\u2014 {data['article_title']}")
    lines.append(f"Asserted by {_plural(int(data.get('articles', 0)), 'article')}")
    return "\n".join(lines)


def _vis_data(
    nx_graph: nx.MultiDiGraph, style: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    types = style["types"]
    nodes = []
    for iri, data in nx_graph.nodes(data=True):
        look = types.get(data.get("type"), types[UNKNOWN_TYPE])
        nodes.append({
            "id": iri,
            "label": str(data.get("label", iri)),
            "title": _node_title(iri, data),
            "shape": look["shape"],
            "color": look["color"],
            "value": max(int(data.get("articles", 0)), 1),
        })
    edges = []
    parallel: Counter[tuple[str, str]] = Counter()
    label_of = nx_graph.nodes
    for source, target, data in nx_graph.edges(data=True):
        look = style["relations"][STATEMENT_RELATION if data.get("kind") == "statement" else "role"]
        edge: dict[str, Any] = {
            "from": source,
            "to": target,
            "label": str(data.get("relation", "")),
            "title": _edge_title(label_of[source].get("label", source), label_of[target].get("label", target), data),
            "color": look["color"],
            "dashes": look["dashes"],
            "width": 1 + min(math.log2(max(int(data.get("articles", 1)), 1)), 4),
        }
        pair = (min(source, target), max(source, target))
        if parallel[pair]:  # bend the 2nd, 3rd... edge between the same two nodes apart
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * parallel[pair]}
        parallel[pair] += 1
        edges.append(edge)
    return nodes, edges


def _options(style: dict[str, Any], n_nodes: int, n_edges: int) -> dict[str, Any]:
    options: dict[str, Any] = json.loads(json.dumps(style["options"]))  # deep copy
    options["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 200}
    large = style["large_graph"]
    if n_edges > large["edges"]:
        options["physics"]["stabilization"]["iterations"] = large["stabilization_iterations"]
    return options


def _header(title: str, style: dict[str, Any], shown: nx.MultiDiGraph, total: int) -> str:
    summary = f"{_plural(shown.number_of_nodes(), 'entity', 'entities')}, {_plural(shown.number_of_edges(), 'relation')}."
    if shown.number_of_nodes() < total:
        summary = (
            f"Showing the {shown.number_of_nodes():,} most connected of {total:,} entities "
            f"({_plural(shown.number_of_edges(), 'relation')} between them)."
        )
    items = []
    present = {data.get("type") for _, data in shown.nodes(data=True)}
    for type_, look in style["types"].items():
        if type_ == UNKNOWN_TYPE and type_ not in present:
            continue
        shape = _SVG_SHAPES.get(look["shape"], _SVG_SHAPES["dot"])
        items.append(
            f'<span><svg width="16" height="16" fill="{look["color"]}">{shape}</svg>{html.escape(type_)}</span>'
        )
    for look in style["relations"].values():
        dash = ' stroke-dasharray="4 3"' if look["dashes"] else ""
        items.append(
            f'<span><svg width="26" height="10"><line x1="0" y1="5" x2="26" y2="5" stroke="{look["color"]}"'
            f' stroke-width="2"{dash}/></svg>{html.escape(look["legend"])}</span>'
        )
    return (
        f'<div id="kg-header"><h1>{html.escape(title)}</h1>'
        f'<div id="kg-summary">{html.escape(summary)} Hover a node or an edge for details.</div>'
        f'<div id="kg-legend">{"".join(items)}</div></div>'
    )


def _make_offline(page: str, *, title: str, header: str) -> str:
    """Drop every remote resource and pyvis's headings; add our title, CSS, header and script."""
    page = _EXTERNAL.sub("", page)
    page = _COMMENTED_LINK.sub("", page)
    page = _HEADING.sub("", page)
    remote = _REMOTE.search(page)
    if remote:
        raise KgraphError(
            f"pyvis page still links a remote resource ({remote.group(0)[:80]!r}); "
            "the installed pyvis template changed: pin pyvis==0.3.2"
        )
    head_end = page.rindex("</head>")
    extra_head = f"<title>{html.escape(title)}</title><style>{_CSS}</style>\n"
    page = page[:head_end] + extra_head + page[head_end:]
    body_start = page.index("<body>", head_end) + len("<body>")
    page = page[:body_start] + "\n" + header + page[body_start:]
    body_end = page.rindex("</body>")
    page = page[:body_end] + _AFTER_DRAW + page[body_end:]
    return page if page.lstrip().lower().startswith("<!doctype") else "<!DOCTYPE html>\n" + page


def write_html(nx_graph: nx.MultiDiGraph, path: Path, *, title: str = "kgraph", max_nodes: int = 2000) -> None:
    """An interactive, self-contained HTML page of the graph (no network needed to open it)."""
    try:
        from pyvis.network import Network  # type: ignore[import-untyped]
    except ImportError as exc:
        raise KgraphError("pyvis is not installed. Install it with: pip install pyvis") from exc
    style = _read_style()
    shown = _most_connected(nx_graph, max_nodes)
    if shown is not nx_graph:
        log.info("drawing the %d most connected of %d entities", shown.number_of_nodes(), nx_graph.number_of_nodes())
    nodes, edges = _vis_data(shown, style)
    net = Network(height="calc(100vh - 90px)", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes, net.edges = nodes, edges  # bulk: add_edge scans every edge on each call
    net.options = _options(style, len(nodes), len(edges))
    page = net.generate_html()
    header = _header(title, style, shown, nx_graph.number_of_nodes())
    write_atomic(Path(path), _make_offline(page, title=title, header=header).encode("utf-8"))
