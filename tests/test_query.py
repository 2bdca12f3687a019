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


# ------------------------------------------------------------------ canonical entities, facts, time


def _story(aid: str, date: str, people: dict[str, str], roles: list[tuple[str, str, str, str]],
           quotes: list[tuple[str, str]] = ()) -> Extraction:  # type: ignore[assignment]
    from kgraph.records import Role, Statement

    article = Article(id=aid, file=aid, source=aid, text="x", meta=ArticleMeta(title=f"Story {aid}", date=date))
    ev = Evidence(aid, 0, 1, "x")
    entities = tuple(Entity(entity_key("Person", name), name, "Person") for name in people.values())
    entities += tuple(Entity(f"country/{iso}", name, "Country", iso=iso) for iso, name in (("UA", "Ukraine"), ("ES", "Spain")))
    return Extraction(
        article=article,
        entities=entities,
        roles=tuple(Role(entity_key("Person", people[p]), label, rid, org, ev) for p, label, rid, org in roles),
        statements=tuple(Statement(entity_key("Person", people[p]), quote, ev, direct=True) for p, quote in quotes),
    )


QUOTE = "We will defend every village of our country"


@pytest.fixture()
def stories():  # type: ignore[no-untyped-def]
    """Three dated stories: three spellings of one president, two prime ministers in turn."""
    from kgraph.merging import reconcile
    from kgraph.vocabulary import add_vocabulary

    extractions = [
        _story("a1.txt", "2026-01-10", {"z": "Volodymyr Zelenskiy", "r": "Ana Ruiz"},
               [("z", "President", "president", "country/UA"), ("r", "Prime Minister", "prime-minister", "country/ES")]),
        _story("a2.txt", "2026-02-10", {"z": "Volodymyr Zelensky"}, [("z", "President", "president", "country/UA")],
               [("z", QUOTE)]),
        _story("a3.txt", "2026-03-10", {"z": "Volodymyr Zelenskyy", "g": "Pedro Gil"},
               [("g", "Prime Minister", "prime-minister", "country/ES")], [("z", QUOTE)]),
    ]
    ds = new_dataset()
    add_vocabulary(ds)
    for extraction in extractions:
        graph = ds.graph(article_iri(extraction.article.id))
        graph.addN((s, p, o, graph) for s, p, o in to_triples(extraction))
    reconcile(ds)
    return ds


def test_entities_query_gives_canonical_iris(stories):  # type: ignore[no-untyped-def]
    found = {(r["file"], r["name"]): r["entity"] for r in rows(run_named(stories, "entities")) if r["type"] == "Person"}
    spellings = {found[("a1.txt", "Volodymyr Zelenskiy")], found[("a2.txt", "Volodymyr Zelensky")],
                 found[("a3.txt", "Volodymyr Zelenskyy")]}
    assert len(spellings) == 1
    assert found[("a1.txt", "Ana Ruiz")] != found[("a3.txt", "Pedro Gil")]
    by_type = rows(run_named(stories, "entities_by_type", bindings={"type": "Person"}))
    assert [(r["name"], r["articles"]) for r in by_type][0][1] == "3"


def test_role_holders_give_one_fact_with_its_articles_and_dates(stories):  # type: ignore[no-untyped-def]
    found = [r for r in rows(run_named(stories, "role_holders", bindings={"roleLabel": "President"}))]
    assert len(found) == 1
    row = found[0]
    assert (row["org"], row["articles"], set(row["files"].split())) == ("Ukraine", "2", {"a1.txt", "a2.txt"})
    assert (row["firstObserved"], row["lastObserved"]) == ("2026-01-10", "2026-02-10")
    [person] = rows(run_named(stories, "person_roles", bindings={"personName": "Volodymyr Zelenskyy"}))
    assert (person["post"].rsplit("/", 1)[1], person["articles"]) == ("president", "2")


@pytest.mark.parametrize("date, label, expected", [
    ("2026-01-20", "President", {("Volodymyr Zelenskiy", "reported before and after")}),
    ("2026-02-20", "Prime Minister", {("Ana Ruiz", "last reported")}),
    ("2026-03-15", "Prime Minister", {("Pedro Gil", "last reported")}),
    ("2026-01-01", "Prime Minister", set()),
])
def test_post_holders_on_date(stories, date, label, expected):  # type: ignore[no-untyped-def]
    found = rows(run_named(stories, "post_holders_on_date", bindings={"date": date, "roleLabel": label}))
    assert {(r["person"], r["basis"]) for r in found} == expected


@pytest.mark.parametrize("name, start, end, expected", [
    ("volodymyr zelensky", "2026-02-01", "2026-02-28", {"president"}),
    ("Ana Ruiz", "2026-03-01", None, set()),
    ("Ana Ruiz", None, "2026-01-31", {"prime-minister"}),
])
def test_person_posts_between(stories, name, start, end, expected):  # type: ignore[no-untyped-def]
    bindings = {"personName": name, **({"from": start} if start else {}), **({"to": end} if end else {})}
    found = rows(run_named(stories, "person_posts_between", bindings=bindings))
    assert {r["post"].rsplit("/", 1)[1] for r in found} == expected


def test_statements_by_speaker_counts_the_articles_of_one_quote(stories):  # type: ignore[no-untyped-def]
    [row] = rows(run_named(stories, "statements_by_speaker", bindings={"speakerName": "volodymyr zelensky"}))
    assert (row["quote"], row["articles"], set(row["files"].split())) == (QUOTE, "2", {"a2.txt", "a3.txt"})
    assert (row["date"], row["lastDate"]) == ("2026-02-10", "2026-03-10")


def test_merges_query_lists_the_spellings(stories):  # type: ignore[no-untyped-def]
    found = rows(run_named(stories, "merges"))
    assert {r["rule"] for r in found} == {"spelling-variant"}
    assert len(found) == 2


@pytest.mark.parametrize("name, bindings", [("statements_between_dates", {"from": "2026-03-01"}),
                                            ("statements_by_topic_country", {})])
def test_statement_rows_count_the_reports_of_one_quote(stories, name, bindings):  # type: ignore[no-untyped-def]
    found = rows(run_named(stories, name, bindings=bindings))
    assert {(r["file"], r["articles"]) for r in found} >= {("a3.txt", "2")}
    assert all(set(r["files"].split()) == {"a2.txt", "a3.txt"} for r in found)
