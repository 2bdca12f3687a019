"""compute_stats and format_stats on the two-article fixture."""

from __future__ import annotations

import pytest
from graph_fixture import GERMANY, JON, MARIA, PARIS, build_dataset

from kgraph.stats import compute_stats, format_stats


@pytest.fixture(scope="module")
def stats() -> dict:
    return compute_stats(build_dataset())


def test_counts(stats: dict) -> None:
    dataset = build_dataset()
    assert stats["articles"] == 2
    assert stats["graphs"] == 2
    assert stats["triples"] == sum(1 for _ in dataset.quads((None, None, None, None))) == 192  # countries carry iso3Code and owl:sameAs
    # mentioned entities only: the reporter and the publisher are not counted
    assert stats["entities"] == {"Person": 2, "Organization": 1, "Country": 2, "Place": 1}
    assert stats["roles"] == 3  # one membership node per article asserting it
    assert stats["statements"] == 2


def test_top_entities_by_degree(stats: dict) -> None:
    top = stats["top_entities"]
    assert [e["iri"] for e in top[:3]] == [GERMANY, JON, MARIA]  # degree 3, then by label
    assert top[0] == {"iri": GERMANY, "label": "Germany", "type": "Country", "degree": 3}
    assert top[-1]["iri"] == PARIS and top[-1]["degree"] == 0
    assert len(compute_stats(build_dataset(), top=2)["top_entities"]) == 2


def test_same_stats_on_the_memory_store(stats: dict) -> None:
    assert compute_stats(build_dataset("memory")) == stats


def test_format_stats_mentions_each_count(stats: dict) -> None:
    text = format_stats(stats)
    lines = text.splitlines()
    assert lines[:6] == [
        "Articles:      2",
        "Named graphs:  2",
        "Triples:       192",
        "Entities:      6 (Person 2, Organization 1, Country 2, Place 1)",
        "Roles:         3",
        "Statements:    2",
    ]
    assert lines[6] == "Top entities by degree:"
    assert lines[7] == "  1. Germany (Country): 3"
    assert len(lines) == 8 + 5


def test_format_stats_thousands_and_no_top() -> None:
    stats = {
        "articles": 1200,
        "graphs": 1200,
        "triples": 1234567,
        "entities": {"Person": 3, "Organization": 0, "Country": 0, "Place": 0},
        "roles": 0,
        "statements": 0,
        "top_entities": [],
    }
    text = format_stats(stats)
    assert "Triples:       1,234,567" in text
    assert "Top entities" not in text
