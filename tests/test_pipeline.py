"""The build pipeline: one bad article never stops a batch; graphs are per article and repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph.pipeline as pipeline
from kgraph.identity import article_iri
from kgraph.records import Extraction, Skipped
from kgraph.store import new_dataset

from conftest import make_article


def test_a_failing_article_becomes_skipped_and_the_rest_go_on(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    good, bad = make_article("Talks resumed in Oslo.", id="good.txt"), make_article("Boom.", id="bad.txt")
    real = pipeline.extract_one

    def flaky(nlp_, article):  # type: ignore[no-untyped-def]
        if article.id == "bad.txt":
            raise ValueError("parser exploded")
        return real(nlp_, article)

    monkeypatch.setattr(pipeline, "extract_one", flaky)
    results = list(pipeline.extract(nlp, [bad, good]))
    assert isinstance(results[0], Skipped) and "bad.txt" in results[0].reason and "parser exploded" in results[0].reason
    assert isinstance(results[1], Extraction) and results[1].article.id == "good.txt"


def test_build_puts_each_article_in_its_own_named_graph(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, place in (("a.txt", "Oslo"), ("b.txt", "Lima")):
        (tmp_path / name).write_text(f"Talks in {place}\n\nMinisters met in {place} on Monday to discuss trade.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    dataset = new_dataset()
    report = pipeline.build([tmp_path], nlp=nlp, dataset=dataset)
    assert report.articles == 2
    assert [Path(s.source).name for s in report.skipped] == ["README.md"]
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {str(article_iri("a.txt")), str(article_iri("b.txt"))} <= graphs


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_input_yields_no_article(tmp_path: Path, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text(text, encoding="utf-8")
    report = pipeline.build([tmp_path], nlp=nlp, dataset=new_dataset())
    assert report.articles == 0
    assert "no story text" in report.skipped[0].reason or "an empty file" in report.skipped[0].reason
