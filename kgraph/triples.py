"""Records -> RDF triples (pure functions).

Model (one named graph per article, named by the article's IRI):

    article  a kg:Article ; kg:sourceFile "d00.txt" ; dcterms:title ; dcterms:date ;
             schema:publisher ORG ; kg:agency ORG ; kg:dateline PLACE ; schema:url ;
             schema:author PERSON (reporters) ; schema:editor PERSON ; schema:mentions ENTITY .
    entity   a kg:Person|kg:Organization|kg:Country|kg:Place ; kg:entityType "Person" ;
             skos:prefLabel "name" ; skos:altLabel "alias" ; kg:isoCode "FR" ;
             kg:iso3Code "FRA" ; owl:sameAs wd:Q142 (countries) .
    mention  a kg:Mention ; kg:mentionOf ENTITY ; prov:wasDerivedFrom article ;
             kg:startChar ; kg:endChar ; kg:evidenceText "surface" .
    membership a org:Membership ; org:member PERSON ; org:organization ORG|COUNTRY ;
             org:role ROLE-CONCEPT ; kg:roleLabel "chief" ; kg:current true ;
             kg:observedOn DATE ; prov:wasDerivedFrom article ; kg:startChar ; kg:endChar ;
             kg:evidenceText "sentence" .
    statement a kg:Statement ; kg:speaker ENTITY ; kg:quote "..." ; kg:direct bool ;
             kg:reportingVerb "say" ; kg:topic TOPIC ; kg:topicEvidence "..." ;
             kg:aboutCountry COUNTRY ; kg:observedOn DATE ; prov:wasDerivedFrom article ;
             kg:startChar ; kg:endChar ; kg:evidenceText "sentence" .
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, SDO, SKOS, XSD

from .identity import article_iri, entity_iri, entity_key, fact_iri
from .errors import KgraphError
from .namespaces import KG, ROLE, TOPIC, WIKIDATA
from .records import Article, Entity, Evidence, Extraction, Role, Statement

Triple = tuple[URIRef, URIRef, URIRef | Literal]

TYPE_CLASS = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Place": KG.Place,
}


def _span(
    node: URIRef, ev: Evidence, article: URIRef, text: str | None = None
) -> Iterator[Triple]:
    yield node, PROV.wasDerivedFrom, article
    yield node, KG.startChar, Literal(ev.start_char)
    yield node, KG.endChar, Literal(ev.end_char)
    if text or ev.text:
        yield node, KG.evidenceText, Literal(text or ev.text)


def _date(value: str | None) -> Literal | None:
    """An xsd:date literal for an ISO date; None for a missing or impossible date
    ("0000-00-00", "2026-02-30", "2026-13-45" never reach the graph)."""
    if not value or len(value) < 10:
        return None
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return Literal(day.isoformat(), datatype=XSD.date)


def _named(type_: str, name: str) -> Iterator[Triple]:
    node = entity_iri(entity_key(type_, name))
    yield node, RDF.type, TYPE_CLASS[type_]
    yield node, KG.entityType, Literal(type_)
    yield node, SKOS.prefLabel, Literal(name)


def _country_ids(node: URIRef, iso: str) -> Iterator[Triple]:
    """ISO alpha-3 code and Wikidata item of a country (patterns/countries.tsv)."""
    from .gazetteer import country

    try:
        item = country(iso)
    except KgraphError:
        return
    if item.iso3:
        yield node, KG.iso3Code, Literal(item.iso3)
    if item.wikidata:
        yield node, OWL.sameAs, WIKIDATA[item.wikidata]


def article_triples(article: Article) -> Iterator[Triple]:
    node = article_iri(article.id)
    meta = article.meta
    yield node, RDF.type, KG.Article
    yield node, KG.sourceFile, Literal(article.file)
    if meta.title:
        yield node, DCTERMS.title, Literal(meta.title)
    date = _date(meta.date)
    if date is not None:
        yield node, DCTERMS.date, date
    if meta.url:
        yield node, SDO.url, Literal(meta.url, datatype=XSD.anyURI)
    for prop, name in ((SDO.publisher, meta.publisher), (KG.agency, meta.agency)):
        if name:
            yield node, prop, entity_iri(entity_key("Organization", name))
            yield from _named("Organization", name)
    if meta.dateline:
        yield node, KG.dateline, entity_iri(entity_key("Place", meta.dateline))
        yield from _named("Place", meta.dateline)
    for prop, names in ((SDO.author, meta.reporters), (SDO.editor, meta.editors)):
        for name in names:
            yield node, prop, entity_iri(entity_key("Person", name))
            yield from _named("Person", name)


def entity_triples(entity: Entity, article: URIRef) -> Iterator[Triple]:
    node = entity_iri(entity.key)
    yield article, SDO.mentions, node
    yield node, RDF.type, TYPE_CLASS[entity.type]
    yield node, KG.entityType, Literal(entity.type)
    yield node, SKOS.prefLabel, Literal(entity.name)
    for alias in entity.aliases:
        if alias != entity.name:
            yield node, SKOS.altLabel, Literal(alias)
    if entity.iso:
        yield node, KG.isoCode, Literal(entity.iso)
        yield from _country_ids(node, entity.iso)
    for ev in entity.mentions:
        mention = fact_iri("mention", ev.article_id, ev.start_char, ev.end_char, entity.key)
        yield mention, RDF.type, KG.Mention
        yield mention, KG.mentionOf, node
        yield from _span(mention, ev, article)


def role_triples(role: Role, article: URIRef, date: Literal | None) -> Iterator[Triple]:
    node = fact_iri("membership", role.evidence.article_id, role.person, role.role_id, role.org)
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, entity_iri(role.person)
    yield node, ORG.organization, entity_iri(role.org)
    yield node, ORG.role, ROLE[role.role_id]
    yield node, KG.roleLabel, Literal(role.role)
    yield node, KG.current, Literal(role.current)
    if date is not None:
        yield node, KG.observedOn, date
    yield from _span(node, role.evidence, article)


def statement_triples(st: Statement, article: URIRef, date: Literal | None) -> Iterator[Triple]:
    ev = st.evidence
    node = fact_iri("statement", ev.article_id, ev.start_char, ev.end_char, st.speaker)
    yield node, RDF.type, KG.Statement
    yield node, KG.speaker, entity_iri(st.speaker)
    yield node, KG.quote, Literal(st.quote)
    yield node, KG.direct, Literal(st.direct)
    if st.verb:
        yield node, KG.reportingVerb, Literal(st.verb)
    for slug in st.topics:
        yield node, KG.topic, TOPIC[slug]
    for text in st.topic_evidence:
        yield node, KG.topicEvidence, Literal(text)
    for iso in st.countries:
        yield node, KG.aboutCountry, entity_iri(f"country/{iso}")
    if date is not None:
        yield node, KG.observedOn, date
    yield from _span(node, ev, article, st.sentence.text if st.sentence else None)


def to_triples(extraction: Extraction) -> Iterator[Triple]:
    """All triples of one article's extraction (they go into the article's named graph)."""
    article = extraction.article
    node = article_iri(article.id)
    date = _date(article.meta.date)
    yield from article_triples(article)
    for entity in extraction.entities:
        yield from entity_triples(entity, node)
    for role in extraction.roles:
        yield from role_triples(role, node, date)
    for st in extraction.statements:
        yield from statement_triples(st, node, date)
