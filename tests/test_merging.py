"""Cross-article identity: the layers of merging.reconcile, and what they never merge."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, URIRef

from kgraph.errors import KgraphError
from kgraph.identity import article_iri, entity_iri, entity_key
from kgraph.merging import AliasRule, canonical_map, parse_aliases, read_aliases, reconcile, surname_skeleton
from kgraph.namespaces import IDENTITY_GRAPH
from kgraph.query import run_named
from kgraph.records import Article, Entity, Extraction
from kgraph.store import new_dataset
from kgraph.triples import to_triples


def entity(name: str, type_: str = "Person", *aliases: str) -> Entity:
    return Entity(entity_key(type_, name), name, type_, aliases)  # type: ignore[arg-type]


def person(name: str, *aliases: str) -> Entity:
    return entity(name, "Person", *aliases)


def org(name: str, *aliases: str) -> Entity:
    return entity(name, "Organization", *aliases)


def dataset_of(*articles: tuple[Entity, ...]) -> Dataset:
    """One article graph per tuple of entities (article ids a0.txt, a1.txt, ...)."""
    dataset = new_dataset()
    for i, entities in enumerate(articles):
        aid = f"a{i}.txt"
        graph = dataset.graph(article_iri(aid))
        article = Article(id=aid, file=aid, source=aid, text="")
        graph.addN((s, p, o, graph) for s, p, o in to_triples(Extraction(article, entities)))
    return dataset


def iri(e: Entity) -> str:
    return str(entity_iri(e.key))


def canonical(*articles: tuple[Entity, ...], aliases: tuple[AliasRule, ...] | None = None) -> dict[str, str]:
    dataset = dataset_of(*articles)
    reconcile(dataset, aliases=aliases)
    return canonical_map(dataset)


def same(mapping: dict[str, str], *entities: Entity) -> bool:
    return len({mapping.get(iri(e), iri(e)) for e in entities}) == 1


@pytest.mark.parametrize("spellings", [
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Sergei Lavrov", "Сергей Лавров"),
    ("Mark Rutte", "Mark\u200f Rutte"),
])
def test_spellings_of_one_name_are_one_node(spellings: tuple[str, ...]) -> None:
    people = [person(s) for s in spellings]
    mapping = canonical(*[(p,) for p in people])
    assert same(mapping, *people)


def test_spelling_variants_need_the_same_given_names() -> None:
    a, b = person("Anna Kowalski"), person("Jan Kowalskij")
    assert not same(canonical((a,), (b,)), a, b)
    assert surname_skeleton("Zelenskyy") == surname_skeleton("Zelenskiy") == "zelenski"


def test_two_full_names_with_one_surname_never_merge() -> None:
    boris, mike, bare = person("Boris Johnson"), person("Mike Johnson"), person("Johnson")
    mapping = canonical((boris,), (mike,), (bare,))
    assert not same(mapping, boris, mike)
    assert not same(mapping, boris, bare) and not same(mapping, mike, bare)
    # another article calling Mike Johnson "Johnson" says nothing about this bare "Johnson"
    claimed = person("Mike Johnson", "Johnson")
    mapping = canonical((boris,), (claimed,), (bare,))
    assert mapping == {}


def test_an_acronym_already_joined_never_pulls_in_a_second_expansion() -> None:
    court, short = org("International Criminal Court", "ICC"), org("ICC")
    cricket = org("International Cricket Council")
    mapping = canonical((court,), (short,), (cricket,))
    assert same(mapping, court, short) and not same(mapping, court, cricket)


def test_a_surname_joins_the_one_full_name_in_the_store() -> None:
    full, bare = person("Friedrich Merz"), person("Merz")
    mapping = canonical((full,), (bare,))
    assert mapping == {iri(bare): iri(full)}


def test_a_short_form_joins_the_full_name_its_article_pairs_it_with() -> None:
    full, short, other = person("Jair Bolsonaro", "Bolsonaro"), person("Bolsonaro"), person("Flavio Bolsonaro")
    assert same(canonical((full,), (short,)), full, short)
    # two full names claim the short form: it joins neither
    claimed = person("Flavio Bolsonaro", "Bolsonaro")
    mapping = canonical((full,), (claimed,), (short,))
    assert not same(mapping, full, short) and not same(mapping, claimed, short)
    assert not same(canonical((full,), (other,)), full, other)


def test_one_articles_pairing_does_not_outweigh_many_articles() -> None:
    odd, common = org("State Department of Revenue Services", "State Department"), org("State Department")
    assert not same(canonical((odd,), (common,), (common,)), odd, common)


def test_acronym_joins_its_expansion() -> None:
    full, short = org("International Atomic Energy Agency"), org("IAEA")
    assert same(canonical((full,), (short,)), full, short)  # initials
    paired, acronym = org("Atomic Agency of Nations", "AAN"), org("AAN")
    assert same(canonical((paired,), (acronym,)), paired, acronym)  # an article pairs them


def test_two_letters_need_an_article_that_pairs_them() -> None:
    post, agency = org("The Albion Post"), org("AP")
    assert not same(canonical((post,), (agency,)), post, agency)
    union, short = org("European Union", "EU"), org("EU")
    assert same(canonical((union,), (short,)), union, short)


def test_an_acronym_with_two_expansions_joins_neither() -> None:
    court, cricket, short = org("International Criminal Court"), org("International Cricket Council"), org("ICC")
    mapping = canonical((court,), (cricket,), (short,))
    assert not same(mapping, court, short) and not same(mapping, cricket, short)


def test_country_possessive_and_demonym_name_one_organisation() -> None:
    a, b, c = org("China's coast guard"), org("Chinese Coast Guard"), org("China Coast Guard")
    assert same(canonical((a, b), (c,)), a, b, c)
    other = org("Japanese Coast Guard")
    assert not same(canonical((a,), (other,)), a, other)


def test_types_are_never_mixed() -> None:
    place, man = entity("Jordan Valley", "Place"), person("Jordan Valley")
    assert canonical((place,), (man,)) == {}


def test_different_non_latin_names_stay_apart() -> None:
    people = [person("Сергей Лавров"), person("Дмитрий Песков"), person("王毅"), person("李强")]
    assert canonical(*[(p,) for p in people]) == {}


def test_aliases_file_forces_and_forbids(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("# our corrections\nsame\tLula\tLuiz Inacio Lula da Silva\n"
                    "different\tVolodymyr Zelenskiy\tVolodymyr Zelensky\n", encoding="utf-8")
    rules = read_aliases(path)
    lula, full = person("Lula"), person("Luiz Inacio Lula da Silva")
    z1, z2 = person("Volodymyr Zelenskiy"), person("Volodymyr Zelensky")
    mapping = canonical((lula,), (full,), (z1,), (z2,), aliases=rules)
    assert same(mapping, lula, full)
    assert not same(mapping, z1, z2)


def test_aliases_are_kept_for_the_next_reconcile() -> None:
    z1, z2 = person("Volodymyr Zelenskiy"), person("Volodymyr Zelensky")
    dataset = dataset_of((z1,), (z2,))
    reconcile(dataset, aliases=(AliasRule("different", "Volodymyr Zelenskiy", "Volodymyr Zelensky"),))
    reconcile(dataset)  # a later build without --aliases
    assert canonical_map(dataset) == {}
    reconcile(dataset, aliases=())
    assert len(canonical_map(dataset)) == 1


@pytest.mark.parametrize("line", ["same\tonly one name", "alike\tA\tB", "same\t\tB"])
def test_bad_aliases_lines_are_errors(line: str) -> None:
    with pytest.raises(KgraphError, match=r"aliases.tsv line 2: expected 'same' or 'different'"):
        parse_aliases(f"same\tA\tB\n{line}\n")


def test_merges_are_recorded_and_listed() -> None:
    z1, z2 = person("Volodymyr Zelenskiy"), person("Volodymyr Zelenskyy")
    dataset = dataset_of((z1,), (z2,), (z2,))
    report = reconcile(dataset)
    assert (report.clusters, report.merged) == (1, 1)
    rows = [{str(k): str(v) for k, v in r.asdict().items()} for r in run_named(dataset, "merges")]  # type: ignore[union-attr]
    assert len(rows) == 1
    row = rows[0]
    assert row["canonical"] == iri(z2) and row["name"] == "Volodymyr Zelenskyy"  # more articles
    assert row["merged"] == iri(z1) and row["rule"] == "spelling-variant"
    assert set(row["forms"].split(" | ")) == {"Volodymyr Zelenskiy", "Volodymyr Zelenskyy"}
    assert row["articles"] == "1"


def test_reconcile_replaces_the_identity_graph() -> None:
    full, bare = person("Friedrich Merz"), person("Merz")
    dataset = dataset_of((full,), (bare,))
    reconcile(dataset)
    first = len(dataset.graph(IDENTITY_GRAPH))
    reconcile(dataset)
    assert len(dataset.graph(IDENTITY_GRAPH)) == first > 0
    dataset.remove_graph(dataset.graph(article_iri("a0.txt")))
    reconcile(dataset)
    assert canonical_map(dataset) == {}


def _corpus() -> list[tuple[Entity, ...]]:
    return [
        (person("Volodymyr Zelenskiy"), org("International Atomic Energy Agency", "IAEA")),
        (person("Volodymyr Zelensky"), org("IAEA")),
        (person("Zelenskyy"), org("China's coast guard")),
        (person("Boris Johnson"), org("Chinese Coast Guard")),
        (person("Mike Johnson", "Johnson"), person("Сергей Лавров")),
        (person("Johnson"), person("Sergei Lavrov"), person("Lavrov")),
        (person("Emmanuel Macron", "Macron"),),
        (person("Macron"), org("ICC")),
    ]


def _identity(dataset: Dataset) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o in dataset.graph(IDENTITY_GRAPH)}


def test_reconcile_does_not_depend_on_article_order() -> None:
    corpus = _corpus()
    expected = _identity((lambda d: (reconcile(d), d)[1])(dataset_of(*corpus)))
    assert expected
    for seed in range(4):
        shuffled = [tuple(random.Random(seed).sample(list(a), len(a))) for a in corpus]
        random.Random(seed).shuffle(shuffled)
        dataset = dataset_of(*shuffled)
        reconcile(dataset)
        # article ids differ after shuffling: compare without the article IRIs
        def strip(triples: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
            return {(p, o) for s, p, o in triples if "/article/" not in o and "/merge/" not in s}
        assert strip(_identity(dataset)) == strip(expected)


def test_reconcile_works_on_a_pyoxigraph_store() -> None:
    dataset = dataset_of(*_corpus())
    store = pyoxigraph.Store()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(str(s)), pyoxigraph.NamedNode(str(p)),
                                  pyoxigraph.NamedNode(str(o)) if isinstance(o, URIRef) else pyoxigraph.Literal(str(o)),
                                  pyoxigraph.NamedNode(str(g.identifier if hasattr(g, "identifier") else g))))
    reconcile(dataset)
    reconcile(store)
    assert canonical_map(store) == canonical_map(dataset)
    assert len(canonical_map(store)) >= 6


def test_using_aliases_reaches_a_reconcile_without_arguments() -> None:
    from kgraph.merging import using_aliases

    z1, z2 = person("Volodymyr Zelenskiy"), person("Volodymyr Zelensky")
    dataset = dataset_of((z1,), (z2,))
    with using_aliases((AliasRule("different", "Volodymyr Zelenskiy", "Volodymyr Zelensky"),)):
        reconcile(dataset)
    assert canonical_map(dataset) == {}


STORY_ONE = ("Port strike ends after talks\n\nLISBON (Reuters) - Portugal's Labour Minister Joana Serrano met dock "
             "workers on Monday. Serrano said the agreement would protect the wages of every port worker until the "
             "end of next year.\n")
STORY_TWO = ("Dock workers return to work\n\nLISBON (Reuters) - Dock workers returned to the port of Lisbon on "
             "Tuesday after Joana Serrano Vidal, the labour minister, signed the wage agreement with their union.\n")


def test_build_applies_an_aliases_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import cli
    from kgraph.store import load_dataset

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(STORY_ONE, encoding="utf-8")
    (tmp_path / "in" / "two.txt").write_text(STORY_TWO, encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("same\tJoana Serrano\tJoana Serrano Vidal\n", encoding="utf-8")
    out = tmp_path / "graph.trig"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "-o", str(out), "--aliases", str(aliases), "--silent"])
    assert result.exit_code == 0, result.output
    rows = list(run_named(load_dataset(out), "merges"))
    assert [(str(r.rule), str(r.name)) for r in rows] == [("aliases-file", "Joana Serrano Vidal")]  # type: ignore[union-attr]

    aliases.write_text("same\tJoana Serrano\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "-o", str(out), "--aliases", str(aliases)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {aliases} line 1: expected 'same' or 'different'")
