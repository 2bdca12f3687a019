"""Named queries and the query runner, on a small graph built from hand-made records."""

from __future__ import annotations

import json

import pytest

from kgraph.errors import QueryError
from kgraph.identity import article_iri, entity_key
from kgraph.query import format_result, load_query, query_names, run_named, run_query
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction
from kgraph.store import new_dataset
from kgraph.triples import to_triples

CONTRACT = {
    "articles": ["file", "title", "date", "publisher", "agency", "dateline"],
    "credits": ["file", "person", "credit"],
    "entities": ["file", "entity", "name", "type"],
    "roles": ["file", "person", "role", "org"],
    "statements": ["file", "speaker", "quote", "topic", "country"],
}


@pytest.fixture()
def dataset():  # type: ignore[no-untyped-def]
    article = Article(
        id="a1.txt",
        file="a1.txt",
        source="a1.txt",
        text="Kenya's President William Ruto met envoys in Nairobi.",
        meta=ArticleMeta(title="Ruto meets envoys", date="2026-03-02", publisher="Daily Ledger",
                         agency="Reuters", dateline="Nairobi", reporters=("Ana Lima",), editors=("Tom Reed",)),
    )
    ev = Evidence("a1.txt", 19, 31, "William Ruto")
    entities = (
        Entity(entity_key("Person", "William Ruto"), "William Ruto", "Person", ("Ruto",), mentions=(ev,)),
        Entity("country/KE", "Kenya", "Country", iso="KE", mentions=(Evidence("a1.txt", 0, 5, "Kenya"),)),
        Entity(entity_key("Place", "Nairobi"), "Nairobi", "Place"),
        Entity(entity_key("Person", "Ana Lima"), "Ana Lima", "Person"),
        Entity(entity_key("Person", "Tom Reed"), "Tom Reed", "Person"),
    )
    ds = new_dataset()
    graph = ds.graph(article_iri(article.id))
    for triple in to_triples(Extraction(article=article, entities=entities)):
        graph.add(triple)
    return ds


def rows(result):  # type: ignore[no-untyped-def]
    return [dict(zip([str(v) for v in result.vars], [str(x) if x is not None else None for x in r])) for r in result]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_return_their_variables(dataset, name):  # type: ignore[no-untyped-def]
    result = run_named(dataset, name)
    assert [str(v) for v in result.vars] == CONTRACT[name]


def test_articles_query(dataset):  # type: ignore[no-untyped-def]
    [row] = rows(run_named(dataset, "articles"))
    assert row == {"file": "a1.txt", "title": "Ruto meets envoys", "date": "2026-03-02",
                   "publisher": "Daily Ledger", "agency": "Reuters", "dateline": "Nairobi"}


def test_credits_query(dataset):  # type: ignore[no-untyped-def]
    found = {(r["person"], r["credit"]) for r in rows(run_named(dataset, "credits"))}
    assert found == {("Ana Lima", "reporter"), ("Tom Reed", "editor")}


def test_entities_query(dataset):  # type: ignore[no-untyped-def]
    found = {(r["name"], r["type"]) for r in rows(run_named(dataset, "entities"))}
    assert found == {("William Ruto", "Person"), ("Kenya", "Country"), ("Nairobi", "Place"),
                     ("Ana Lima", "Person"), ("Tom Reed", "Person")}


def test_entities_by_type_binds_a_parameter(dataset):  # type: ignore[no-untyped-def]
    found = {r["name"] for r in rows(run_named(dataset, "entities_by_type", bindings={"type": "Person"}))}
    assert found == {"William Ruto", "Ana Lima", "Tom Reed"}


def test_every_named_query_runs(dataset):  # type: ignore[no-untyped-def]
    for name in query_names():
        run_named(dataset, name)  # no error on any shipped query
        assert load_query(name).lstrip().startswith("#"), f"{name}.rq must start with a title comment"


def test_unknown_query_name_lists_the_available_ones():  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match=r'No query named "peple"\. Available: .*entities'):
        load_query("peple")


def test_invalid_sparql_is_a_query_error(dataset):  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="invalid SPARQL"):
        run_query(dataset, "SELECT WHERE {")


def test_json_is_w3c_sparql_results(dataset):  # type: ignore[no-untyped-def]
    doc = json.loads(format_result(run_named(dataset, "articles"), "json"))
    assert doc["head"]["vars"] == CONTRACT["articles"]
    binding = doc["results"]["bindings"][0]
    assert binding["file"] == {"type": "literal", "value": "a1.txt"}
    assert binding["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


@pytest.mark.parametrize("fmt, first", [("csv", "file,person,credit"), ("tsv", "file\tperson\tcredit")])
def test_delimited_formats(dataset, fmt, first):  # type: ignore[no-untyped-def]
    text = format_result(run_named(dataset, "credits"), fmt)
    assert text.splitlines()[0] == first
    assert len(text.splitlines()) == 3


def test_table_format(dataset):  # type: ignore[no-untyped-def]
    text = format_result(run_named(dataset, "credits"), "table")
    assert text.splitlines()[0].split() == ["file", "person", "credit"]
    assert text.endswith("(2 rows)")
