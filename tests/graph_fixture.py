"""A tiny two-article dataset built through kgraph.triples, for export/visualise/stats tests.

Article a1: Maria Lopez, President of the World Trade Council, speaks about France and Germany.
Article a2: the same role again (so it is asserted by two articles), Jon Smit is Foreign
Minister of Germany and speaks about France and Germany (two parallel edges Jon -> Germany).  Paris is mentioned but takes part in no relation.
Tom Reed (reporter) and Daily Planet (publisher) are typed entities that no article mentions.
"""

from __future__ import annotations

from rdflib import Dataset

from kgraph.identity import article_iri, entity_iri
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role, Statement
from kgraph.store import new_dataset
from kgraph.triples import to_triples

MARIA = str(entity_iri("person/maria-lopez"))
JON = str(entity_iri("person/jon-smit"))
WTC = str(entity_iri("org/world-trade-council"))
FRANCE = str(entity_iri("country/FR"))
GERMANY = str(entity_iri("country/DE"))
PARIS = str(entity_iri("place/paris"))
TOM = str(entity_iri("person/tom-reed"))

ROLE_EVIDENCE = "Maria Lopez, the President of the World Trade Council, opened the talks."
STATEMENT_EVIDENCE = "Trade with France and Germany must grow, Maria Lopez said on Monday."
TITLES = ("Trade council meets in Paris", "Berlin and Paris trade talks resume")


def _ev(article_id: str, text: str, start: int = 0) -> Evidence:
    return Evidence(article_id, start, start + len(text), text)


def _extraction_a1() -> Extraction:
    aid = "a1.txt"
    text = f"{TITLES[0]}\n{ROLE_EVIDENCE} {STATEMENT_EVIDENCE}"
    article = Article(
        id=aid,
        file=aid,
        source=f"/tmp/{aid}",
        text=text,
        meta=ArticleMeta(
            title=TITLES[0],
            date="2024-03-01",
            publisher="Daily Planet",
            dateline="Paris",
            reporters=("Tom Reed",),
        ),
    )
    entities = (
        Entity("person/maria-lopez", "Maria Lopez", "Person", mentions=(_ev(aid, "Maria Lopez", 30),)),
        Entity(
            "org/world-trade-council",
            "World Trade Council",
            "Organization",
            aliases=("WTC",),
            mentions=(_ev(aid, "World Trade Council", 65),),
        ),
        Entity("country/FR", "France", "Country", iso="FR", mentions=(_ev(aid, "France", 110),)),
        Entity("country/DE", "Germany", "Country", iso="DE", mentions=(_ev(aid, "Germany", 121),)),
        Entity("place/paris", "Paris", "Place", mentions=(_ev(aid, "Paris", 25),)),
    )
    roles = (
        Role("person/maria-lopez", "President", "president", "org/world-trade-council", _ev(aid, ROLE_EVIDENCE, 29)),
    )
    statements = (
        Statement(
            "person/maria-lopez",
            "Trade with France and Germany must grow",
            _ev(aid, "Trade with France and Germany must grow", 100),
            direct=False,
            verb="say",
            topics=("trade",),
            countries=("FR", "DE"),
            sentence=_ev(aid, STATEMENT_EVIDENCE, 100),
        ),
    )
    return Extraction(article, entities, roles, statements)


def _extraction_a2() -> Extraction:
    aid = "a2.txt"
    sentence = "Jon Smit, the Foreign Minister of Germany, said France had been a patient partner."
    article = Article(
        id=aid,
        file=aid,
        source=f"/tmp/{aid}",
        text=f"{TITLES[1]}\n{sentence}",
        meta=ArticleMeta(title=TITLES[1], date="2024-03-02", publisher="Daily Planet"),
    )
    entities = (
        Entity("person/maria-lopez", "Maria Lopez", "Person", mentions=(_ev(aid, "Maria Lopez", 40),)),
        # another wording of the same organisation: the label with more articles or the shortest wins
        Entity(
            "org/world-trade-council",
            "The World Trade Council",
            "Organization",
            mentions=(_ev(aid, "The World Trade Council", 60),),
        ),
        Entity("person/jon-smit", "Jon Smit", "Person", mentions=(_ev(aid, "Jon Smit", 36),)),
        Entity("country/DE", "Germany", "Country", iso="DE", mentions=(_ev(aid, "Germany", 70),)),
        Entity("country/FR", "France", "Country", iso="FR", mentions=(_ev(aid, "France", 85),)),
    )
    roles = (
        Role("person/maria-lopez", "President", "president", "org/world-trade-council", _ev(aid, "Maria Lopez heads the council.", 90)),
        Role("person/jon-smit", "Foreign Minister", "foreign-minister", "country/DE", _ev(aid, sentence, 36)),
    )
    statements = (
        Statement(
            "person/jon-smit",
            "France had been a patient partner",
            _ev(aid, "France had been a patient partner", 85),
            direct=False,
            verb="say",
            countries=("FR", "DE"),
            sentence=_ev(aid, sentence, 36),
        ),
    )
    return Extraction(article, entities, roles, statements)


def build_dataset(store: str = "oxigraph") -> Dataset:
    """The two articles, each in its own named graph."""
    dataset = new_dataset(store)
    for extraction in (_extraction_a1(), _extraction_a2()):
        graph = dataset.graph(article_iri(extraction.article.id))
        for triple in to_triples(extraction):
            graph.add(triple)
    return dataset


# What the entity-level graph of the fixture holds (shared by the export and visualise tests).
ENTITIES = {MARIA, JON, WTC, FRANCE, GERMANY, PARIS}
EDGES = {
    (MARIA, WTC, "President"),
    (MARIA, FRANCE, "statement about"),
    (MARIA, GERMANY, "statement about"),
    (JON, GERMANY, "Foreign Minister"),
    (JON, GERMANY, "statement about"),
    (JON, FRANCE, "statement about"),
}
