"""Cross-article identity: short forms join the one fuller entity that claims them."""

from __future__ import annotations

from kgraph.identity import entity_key
from kgraph.merging import canonical_keys, merge
from kgraph.records import Article, Entity, Evidence, Extraction, Role


def extraction(article_id: str, *entities: Entity, roles: tuple[Role, ...] = ()) -> Extraction:
    return Extraction(article=Article(id=article_id, file=article_id, source=article_id, text=""), entities=entities, roles=roles)


def person(name: str, *aliases: str) -> Entity:
    return Entity(entity_key("Person", name), name, "Person", aliases)


def test_surname_only_story_joins_the_full_name() -> None:
    full = person("Friedrich Merz", "Merz")
    short = person("Merz")
    role = Role(short.key, "Chancellor", "chancellor", "country/DE", Evidence("b", 0, 4))
    merged = merge([extraction("a", full), extraction("b", short, roles=(role,))])
    assert merged[1].entities[0].key == full.key
    assert merged[1].roles[0].person == full.key


def test_ambiguous_short_form_is_not_merged() -> None:
    mapping = canonical_keys([
        extraction("a", person("Jair Bolsonaro", "Bolsonaro")),
        extraction("b", person("Flavio Bolsonaro", "Bolsonaro")),
        extraction("c", person("Bolsonaro")),
    ])
    assert mapping == {}


def test_acronym_joins_its_expansion() -> None:
    full = Entity(entity_key("Organization", "International Atomic Energy Agency"), "International Atomic Energy Agency",
                  "Organization", ("IAEA",))
    short = Entity(entity_key("Organization", "IAEA"), "IAEA", "Organization")
    assert canonical_keys([extraction("a", full), extraction("b", short)]) == {short.key: full.key}


def test_types_are_never_mixed() -> None:
    org = Entity(entity_key("Organization", "Jordan Valley Authority"), "Jordan Valley Authority", "Organization", ("Jordan",))
    assert canonical_keys([extraction("a", org), extraction("b", person("Jordan"))]) == {}
