"""Golden graphs: the whole pipeline on a few articles of our own, compared triple by triple.

A failure prints what is only in the expected graph and what is only in the actual one.
After a deliberate change, regenerate with ``pytest tests/test_golden.py --update-golden``
and review the diff in git.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kgraph.pipeline import build
from kgraph.store import load_dataset, new_dataset, save_dataset
from kgraph.vocabulary import VOCABULARY_GRAPH

DATA = Path(__file__).parent / "data"
ARTICLES = ["scraped_page.txt", "ap_wire.txt", "page.html"]


def quads(dataset: Dataset) -> set[tuple[str, str, str, str]]:
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))}


@pytest.mark.parametrize("name", ARTICLES)
def test_golden_graph(nlp, name: str, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    golden = DATA / "golden" / (Path(name).stem + ".trig")
    actual = new_dataset()
    report = build([DATA / "articles" / name], nlp=nlp, dataset=actual)
    assert report.articles == 1
    actual.remove_graph(actual.graph(URIRef(VOCABULARY_GRAPH)))  # a copy of ontology/, tested there
    if update_golden or not golden.exists():
        save_dataset(actual, golden)
        pytest.skip(f"wrote {golden.name}")
    expected = load_dataset(golden)
    only_expected = sorted(quads(expected) - quads(actual))
    only_actual = sorted(quads(actual) - quads(expected))
    message = "\n".join(
        ["only in expected:"] + [f"  {q}" for q in only_expected[:40]]
        + ["only in actual:"] + [f"  {q}" for q in only_actual[:40]]
    )
    assert not only_expected and not only_actual, message
