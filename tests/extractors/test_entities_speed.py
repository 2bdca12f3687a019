"""The entity extractor's shortcuts (ASCII folding, cached lookups, one token list per
Doc) give what the general code gives."""

from __future__ import annotations

import random

import pytest

from kgraph import gazetteer
from kgraph.extractors.entities import find_entities
from kgraph.extractors.entities.words import _doc_tokens, token_list
from kgraph.identity import fold, normalise_name


def _slow_fold(text: str) -> str:
    # a zero-width space is dropped by normalisation, but takes fold off its ASCII path
    return fold(text + "\u200b")


@pytest.mark.parametrize(
    "text",
    ["U.S.", "Jean-Luc  Picard", "AT&T_Corp/\\x", "a\tb\nc\x00d\x7fe\x1cf", "  The Hague's  ", "", "!!!", "O'Neil"],
)
def test_ascii_fold_matches_the_unicode_path(text: str) -> None:
    assert fold(text) == _slow_fold(text)
    assert normalise_name(text) == normalise_name(text + "\u200b")


def test_ascii_fold_matches_on_every_ascii_character() -> None:
    rng = random.Random(7)
    chars = [chr(i) for i in range(128)]
    for _ in range(3000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 10)))
        assert fold(text) == _slow_fold(text), repr(text)


def test_cached_country_lookup_keeps_the_case_rules() -> None:
    for _ in range(2):  # the second round is answered from the cache
        assert gazetteer.lookup_name("Turkey") is not None
        assert gazetteer.lookup_name("turkey") is None
        assert gazetteer.lookup_name("US") is not None
        assert gazetteer.lookup_name("us") is None


def test_token_list_is_used_only_for_its_own_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ana Lima met officials in Paris.")
    other = nlp("Officials met in Rome.")
    with token_list(doc) as tokens:
        assert _doc_tokens(doc) is tokens
        assert [t.text for t in _doc_tokens(other)] == [t.text for t in other]
    assert _doc_tokens(doc) is not tokens


def test_find_entities_is_the_same_twice(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("TALKS COLLAPSE IN GENEVA\nAna Lima, a senior diplomat, met officials in Geneva on Monday.")
    assert find_entities(doc) == find_entities(doc)
