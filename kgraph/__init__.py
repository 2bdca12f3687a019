"""kgraph: an RDF knowledge graph of geopolitical news.

The public API in a few names; each stage is a small function you can call:

    from kgraph import read_articles, make_nlp, build, new_dataset, run_named
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["read_articles", "make_nlp", "build", "extract", "new_dataset", "load_dataset", "run_named", "KgraphError"]

_LAZY = {
    "read_articles": "kgraph.articles",
    "make_nlp": "kgraph.nlp",
    "build": "kgraph.pipeline",
    "extract": "kgraph.pipeline",
    "new_dataset": "kgraph.store",
    "load_dataset": "kgraph.store",
    "run_named": "kgraph.query",
    "KgraphError": "kgraph.errors",
}


def __getattr__(name: str) -> Any:
    """Import public names lazily so `import kgraph` stays fast (no spaCy at import)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
