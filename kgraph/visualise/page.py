"""The news map as one self-contained HTML file: ``write_page(view, path, title=...)``.

The page is ``page.html`` with its parts filled in: our CSS, vis-network's JavaScript (the copy
that pyvis 0.3.2 bundles, read from the installed package, so nothing is fetched), the
drawing's data as a JSON data block and ``page.js``, which draws it.

Safety: article text (names, quotes, titles, sentences) only ever reaches the page inside the
JSON data block, with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes so nothing in
it can close the block, and page.js puts it on screen as text (``textContent`` or canvas
labels), never as markup.  A Content-Security-Policy allows the page's own two scripts and
stylesheet by their SHA-256 hashes and nothing else: no remote source, no inline handler, no
request of any kind (``default-src 'none'``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import KgraphError
from ..store import write_atomic
from .layout import layout
from .model import Fact, topic_label
from .view import RELATION_NAMES, View

# Per node, the side panel lists at most this many roles, statements and articles.
PANEL_ITEMS = 25
_SLOT = re.compile(r"\{\{(\w+)\}\}")
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)


def read_style() -> dict[str, Any]:
    """Colours and shapes by entity type, colours and dashes by relation (patterns/viz_style.json)."""
    path = resources.files("kgraph").joinpath("patterns/viz_style.json")
    try:
        style: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgraphError(f"kgraph/patterns/viz_style.json: cannot read the style: {exc}") from exc
    return style


def _asset(name: str) -> str:
    return resources.files("kgraph.visualise").joinpath(name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """vis-network's standalone script as pyvis 0.3.2 ships it (no network needed)."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")  # where it is, without importing it (and IPython with it)
    if spec is None or not spec.submodule_search_locations:
        raise KgraphError("pyvis is not installed. Install it with: pip install pyvis==0.3.2")
    path = Path(list(spec.submodule_search_locations)[0]) / "lib" / "vis-9.1.2" / "vis-network.min.js"
    try:
        script = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgraphError(f"{path}: cannot read vis-network from pyvis ({exc.strerror or exc}); pin pyvis==0.3.2") from exc
    if _UNSAFE_IN_SCRIPT.search(script):
        raise KgraphError(f"{path}: the script cannot be inlined safely; pin pyvis==0.3.2")
    return script


def json_for_script(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left to end it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(scripts: list[str], styles: list[str]) -> str:
    """A policy that allows exactly these inline scripts and styles, and no other source."""
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_sha256(s) for s in scripts)}; "
        f"style-src {' '.join(_sha256(s) for s in styles)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _evidence(text: str, names: set[str]) -> str:
    """An article's sentence about an entity; where only the words that name it are known, say so."""
    if text and (text in names or len(text.split()) <= 4):
        return f"named as \u201c{text}\u201d"
    return text


def page_data(view: View, style: dict[str, Any]) -> dict[str, Any]:
    """The JSON the page draws (see page.js for how each field is used)."""
    model = view.model
    entities = model.entities
    index = {iri: i for i, iri in enumerate(view.nodes)}
    kept = view.articles
    positions = layout(view.nodes, [(e.source, e.target) for e in view.edges], view.isolated)

    article_ids = sorted(kept, key=lambda a: (model.articles[a].date, model.articles[a].title, a))
    article_index = {a: i for i, a in enumerate(article_ids)}
    topic_ids = sorted({t for a in article_ids for t in model.articles[a].topics}, key=lambda t: topic_label(t, model.topic_labels))
    topic_index = {t: i for i, t in enumerate(topic_ids)}
    country_names = {e.iso: e.label for e in entities.values() if e.type == "Country" and e.iso}
    country_ids = sorted({c for a in article_ids for c in model.articles[a].countries}, key=lambda c: country_names.get(c, c))
    country_index = {c: i for i, c in enumerate(country_ids)}

    def label_of(iri: str) -> str:
        return entities[iri].label if iri in entities else iri.rsplit("/", 1)[-1]

    nodes = []
    for iri in view.nodes:
        entity = entities[iri]
        x, y = positions[iri]
        node: dict[str, Any] = {
            "l": entity.label,
            "t": entity.type,
            "n": sorted(entity.names - {entity.label}),
            "a": sorted(article_index[a] for a in entity.articles if a in article_index),
            "x": x,
            "y": y,
        }
        if entity.iso:
            node["iso"] = entity.iso
        if iri in view.isolated:
            node["i"] = 1
        nodes.append(node)

    edges = []
    for edge in view.edges:
        edges.append({
            "f": index[edge.source],
            "t": index[edge.target],
            "k": edge.kind,
            "l": edge.label,
            "a": sorted(article_index[a] for a in edge.articles if a in article_index),
            "e": edge.evidence,
            "ea": article_index.get(edge.article, -1),
        })

    details: list[dict[str, Any]] = [{"r": [], "s": [], "sa": [], "ev": []} for _ in view.nodes]

    def add(i: int, key: str, item: Any) -> None:
        bucket = details[i]
        if len(bucket[key]) < PANEL_ITEMS:
            bucket[key].append(item)
        else:
            bucket["m" + key] = bucket.get("m" + key, 0) + 1

    def statement_item(fact: Fact) -> list[Any]:
        return [
            fact.label,
            [topic_index[t] for t in fact.topics if t in topic_index],
            [label_of(c) for c in fact.countries],
            fact.date,
            article_index.get(fact.article, -1),
            index.get(fact.source, -1),
            label_of(fact.source),
        ]

    facts = sorted(
        (f for f in model.facts if not f.article or f.article in kept),
        key=lambda f: (model.articles[f.article].date if f.article in model.articles else "", f.article, f.label),
        reverse=True,
    )
    for fact in facts:
        where = article_index.get(fact.article, -1)
        if fact.kind == "statement":
            if fact.source in index:
                add(index[fact.source], "s", statement_item(fact))
            for country in fact.countries:
                if country in index:
                    add(index[country], "sa", statement_item(fact))
            continue
        relation = fact.label if fact.kind == "role" else RELATION_NAMES["member"]
        if fact.source in index:
            add(index[fact.source], "r", [relation, index.get(fact.target, -1), label_of(fact.target), where, fact.evidence, fact.date, "of"])
        if fact.target in index:
            add(index[fact.target], "r", [relation, index.get(fact.source, -1), label_of(fact.source), where, fact.evidence, fact.date, "has"])
    for iri, i in index.items():
        for article in sorted(entities[iri].articles, key=lambda a: article_index.get(a, -1), reverse=True):
            if article in article_index:
                add(i, "ev", [article_index[article], _evidence(entities[iri].articles[article], entities[iri].names)])

    relations = {kind: dict(style["relations"][kind], legend=style["relations"][kind]["legend"]) for kind in RELATION_NAMES}
    return {
        "types": style["types"],
        "relations": relations,
        "topics": [topic_label(t, model.topic_labels) for t in topic_ids],
        "countries": [[c, country_names.get(c, c)] for c in country_ids],
        "articles": [
            [
                model.articles[a].title,
                model.articles[a].date,
                sorted(topic_index[t] for t in model.articles[a].topics if t in topic_index),
                sorted(country_index[c] for c in model.articles[a].countries if c in country_index),
            ]
            for a in article_ids
        ],
        "nodes": nodes,
        "edges": edges,
        "details": details,
    }


def render_page(view: View, *, title: str) -> str:
    """The page's HTML text."""
    style = read_style()
    css, script = _asset("page.css"), _asset("page.js")
    vis_js = vis_network_js()
    data = json_for_script(page_data(view, style))
    slots = {
        "csp": html.escape(csp([vis_js, script], [css]), quote=False).replace('"', "&quot;"),
        "title": html.escape(title),
        "summary": html.escape(view.summary()),
        "style": css,
        "data": data,
        "vis_js": vis_js,
        "page_js": script,
    }
    return _SLOT.sub(lambda match: slots[match.group(1)], _asset("page.html"))


def write_page(view: View, path: Path, *, title: str = "kgraph") -> None:
    """Write the page atomically (a failed write leaves the previous file as it was)."""
    write_atomic(Path(path), render_page(view, title=title).encode("utf-8"))
