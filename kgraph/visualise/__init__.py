"""Drawing the graph: the entity-level networkx graph and the interactive news map.

- ``to_networkx(dataset)``: entities and their relations as a networkx graph (export, stats);
- ``draw(dataset, path, ...)``: the news map, one offline HTML page; it reads the dataset
  (``model.read_model``), picks what to draw (``view.select_view``), lays it out
  (``layout.layout``) and writes the page (``page.write_page``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from .model import UNKNOWN_TYPE
from .network import STATEMENT_RELATION, select, to_networkx
from .view import View

__all__ = ["STATEMENT_RELATION", "UNKNOWN_TYPE", "View", "draw", "select", "to_networkx"]


def draw(dataset: Dataset | Graph, path: Path, *, title: str = "kgraph", **selection: Any) -> View:
    """Write the news map of a dataset to path and return what it holds.

    ``selection`` takes the keyword arguments of ``view.select_view`` (focus, hops, topic,
    country, since, until, min_articles, max_nodes, co_mention).
    """
    from .model import read_model
    from .page import write_page
    from .view import select_view

    view = select_view(read_model(dataset), **selection)
    write_page(view, path, title=title)
    return view
