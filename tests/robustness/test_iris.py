"""IRI minting over any text: valid, in our namespace, deterministic, distinct for distinct names."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.identity import article_iri, entity_iri, entity_key, normalise_name

SAFE = re.compile(r"^https://w3id\.org/kgraph/id/[A-Za-z0-9/_.~%-]+$")
TYPES = st.sampled_from(["Person", "Organization", "Place"])
NAMES = st.text(min_size=1, max_size=40)


@given(TYPES, NAMES)
@settings(max_examples=300, deadline=None)
def test_entity_iris_are_safe_and_deterministic(type_: str, name: str) -> None:
    iri = entity_iri(entity_key(type_, name))
    assert SAFE.match(str(iri)), iri
    assert iri == entity_iri(entity_key(type_, name))


@given(NAMES)
@settings(max_examples=200, deadline=None)
def test_article_iris_are_safe(article_id: str) -> None:
    assert SAFE.match(str(article_iri(article_id)))


@given(TYPES, NAMES, NAMES)
@settings(max_examples=300, deadline=None)
def test_distinct_names_never_share_an_iri(type_: str, a: str, b: str) -> None:
    """Two names share an IRI only when they normalise to the same folded name."""
    from kgraph.identity import fold

    if entity_key(type_, a) == entity_key(type_, b):
        assert fold(normalise_name(a)) == fold(normalise_name(b)) or not fold(normalise_name(a)).strip()


def test_invisible_characters_do_not_make_a_second_node() -> None:
    assert entity_key("Person", "Ana\u202e Lima") == entity_key("Person", "Ana Lima")
    assert entity_key("Person", "Ana\u200b Lima") == entity_key("Person", "Ana Lima")


def test_names_in_other_scripts_get_their_own_iris() -> None:
    keys = {entity_key("Person", n) for n in ("Сергей Лавров", "Дмитрий Песков", "王毅", "李强", "محمد علي")}
    assert len(keys) == 5
