"""extract_stream: batches in order, identical output for 1 and 2 workers, failures become Skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.articles import read_articles
from kgraph.errors import KgraphError, ModelError
from kgraph.nlp import register_extensions
from kgraph.parallel import extract_batch, extract_stream
from kgraph.pipeline import extract
from kgraph.records import Article, Extraction, Skipped

from conftest import make_article

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"


@Language.component("test_fail_on_boom")
def _fail_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise ValueError("cannot parse this one")
    doc._.entities = {}
    doc._.roles = [doc._.article.id]
    return doc


@pytest.fixture(scope="module")
def toy_nlp() -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fail_on_boom")
    return nlp


def test_one_worker_matches_article_by_article(nlp: Language) -> None:
    items = list(read_articles([EXAMPLES]))
    assert list(extract_stream(items, model=None, workers=1, batch_size=3, nlp=nlp)) == list(extract(nlp, items))


def test_two_workers_match_one_worker(nlp: Language) -> None:
    items: list[Article | Skipped] = list(read_articles([EXAMPLES]))
    items.insert(1, Skipped("notes.md", "not an article file (.md)"))
    one = list(extract_stream(items, model=None, workers=1, batch_size=2, nlp=nlp))
    two = list(extract_stream(items, model=None, workers=2, batch_size=2))
    assert two == one
    assert [r.article.id if isinstance(r, Extraction) else r.source for r in two] == [
        i.id if isinstance(i, Article) else i.source for i in items
    ]


def test_a_failing_article_becomes_skipped_and_the_batch_goes_on(toy_nlp: Language) -> None:
    items: list[Article | Skipped] = [
        make_article("The minister spoke.", id="a.txt"),
        Skipped("b.pdf", "not an article file (.pdf)"),
        make_article("BOOM goes this one.", id="c.txt"),
        make_article("The envoy left.", id="d.txt"),
    ]
    results = list(extract_stream(items, model=None, workers=1, batch_size=4, nlp=toy_nlp))
    assert [type(r).__name__ for r in results] == ["Extraction", "Skipped", "Skipped", "Extraction"]
    assert results[1] == items[1]
    failed = results[2]
    assert isinstance(failed, Skipped)
    assert failed.source == "c.txt"
    assert failed.reason == "c.txt: extraction failed: ValueError: cannot parse this one"
    assert [r.roles for r in results if isinstance(r, Extraction)] == [("a.txt",), ("d.txt",)]


def test_batches_do_not_change_the_result(toy_nlp: Language) -> None:
    items: list[Article | Skipped] = [make_article(f"Story number {i}.", id=f"{i}.txt") for i in range(7)]
    expected = extract_batch(toy_nlp, items)
    for size in (1, 2, 3, 7, 32):
        assert list(extract_stream(items, model=None, workers=1, batch_size=size, nlp=toy_nlp)) == expected


def test_only_skipped_inputs_load_no_model() -> None:
    items = [Skipped("a.pdf", "not an article file (.pdf)")]
    assert list(extract_stream(items, model="no_such_pipeline", workers=1)) == items
    assert list(extract_stream([], model="no_such_pipeline", workers=4)) == []


@pytest.mark.parametrize("workers, batch_size", [(0, 32), (2, 0)])
def test_bad_settings_are_named(workers: int, batch_size: int) -> None:
    with pytest.raises(KgraphError, match="must be at least 1"):
        list(extract_stream([], model=None, workers=workers, batch_size=batch_size))


def test_a_missing_model_is_reported_from_the_workers() -> None:
    items = [make_article("The envoy left.", id=f"{i}.txt") for i in range(4)]
    with pytest.raises(ModelError, match="no_such_pipeline"):
        list(extract_stream(items, model="no_such_pipeline", workers=2, batch_size=1))


def test_workers_start_with_the_pipeline_the_forkserver_preloaded(tmp_path: Path) -> None:
    """kgraph.preload: the forkserver loads the pipeline once; a worker forked from it has it
    before its first batch. Run in a fresh interpreter, whose forkserver this test starts."""
    import subprocess
    import sys

    script = (
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from kgraph import parallel\n"
        "with parallel._worker_environment(None), ProcessPoolExecutor(1, mp_context=parallel._context()) as pool:\n"
        "    print(pool.submit(parallel._preloaded, None).result(), pool.submit(parallel._preloaded, 'other').result())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False"], done.stdout
