"""Shared fixtures: the real spaCy pipeline (loaded once) and article/doc makers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kgraph.records import Article, ArticleMeta

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/data/golden/*.trig from the current build")


@pytest.fixture()
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kgraph.nlp import make_nlp

    return make_nlp()


def make_article(text: str, *, id: str = "t.txt", title: str | None = None, **meta: object) -> Article:
    """An Article whose text is ``title`` (if given), a blank line, then ``text``."""
    body_start = 0
    if title:
        body_start = len(title) + 2
        text = f"{title}\n\n{text}"
    return Article(id=id, file=id, source=id, text=text, meta=ArticleMeta(title=title, **meta), body_start=body_start)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def run_doc(nlp) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    """run_doc(text, **meta) -> the processed Doc (doc._.article set)."""

    def run(text: str, **meta: object):  # type: ignore[no-untyped-def]
        article = make_article(text, **meta)  # type: ignore[arg-type]
        doc = nlp.make_doc(article.text)
        doc._.article = article
        return nlp(doc)

    return run
