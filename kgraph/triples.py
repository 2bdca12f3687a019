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
import re
from collections.abc import Iterator
from typing import NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import DefinedNamespace
from rdflib import namespace as rdf_namespaces

from . import namespaces
from .identity import article_iri, entity_iri, entity_key, fact_iri
from .errors import KgraphError
from .namespaces import ROLE, TOPIC, WIKIDATA
from .records import Article, Entity, Evidence, Extraction, Role, Statement

Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Terms:
    """A closed namespace's terms, each looked up (and checked) once: ``KG.startChar`` on a
    ``DefinedNamespace`` runs its checks on every access, a few hundred thousand times a build."""

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # found in the instance from now on: __getattr__ is not called again
        return term


KG = _Terms(namespaces.KG)
DCTERMS, ORG, OWL, PROV = (_Terms(rdf_namespaces.DCTERMS), _Terms(rdf_namespaces.ORG),
                           _Terms(rdf_namespaces.OWL), _Terms(rdf_namespaces.PROV))
RDF, SDO, SKOS, XSD = (_Terms(rdf_namespaces.RDF), _Terms(rdf_namespaces.SDO),
                       _Terms(rdf_namespaces.SKOS), _Terms(rdf_namespaces.XSD))


class Typed(NamedTuple):
    """A literal with a datatype of its own (``xsd:date``, ``xsd:anyURI``): lexical form and datatype."""

    lexical: str
    datatype: URIRef


Value = URIRef | str | int | bool | Typed | Literal
"""The object of a fact: an IRI, or a literal's Python value (str, int, bool, ``Typed``)."""
Fact = tuple[URIRef, URIRef, Value]
"""A triple whose literal is still a plain value: ``to_triples`` makes rdflib terms of it,
``to_nquads`` N-Quads text, without building rdflib literals (the costly part of a build's
writing)."""

TYPE_CLASS = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Place": KG.Place,
}


def _span(
    node: URIRef, ev: Evidence, article: URIRef, text: str | None = None
) -> Iterator[Fact]:
    yield node, PROV.wasDerivedFrom, article
    yield node, KG.startChar, ev.start_char
    yield node, KG.endChar, ev.end_char
    if text or ev.text:
        yield node, KG.evidenceText, text or ev.text


def _date(value: str | None) -> Typed | None:
    """An xsd:date literal for an ISO date; None for a missing or impossible date
    ("0000-00-00", "2026-02-30", "2026-13-45" never reach the graph)."""
    if not value or len(value) < 10:
        return None
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return Typed(day.isoformat(), XSD.date)


def _named(type_: str, name: str) -> Iterator[Fact]:
    node = entity_iri(entity_key(type_, name))
    yield node, RDF.type, TYPE_CLASS[type_]
    yield node, KG.entityType, type_
    yield node, SKOS.prefLabel, name


def _country_ids(node: URIRef, iso: str) -> Iterator[Fact]:
    """ISO alpha-3 code and Wikidata item of a country (patterns/countries.tsv)."""
    from .gazetteer import country

    try:
        item = country(iso)
    except KgraphError:
        return
    if item.iso3:
        yield node, KG.iso3Code, item.iso3
    if item.wikidata:
        yield node, OWL.sameAs, WIKIDATA[item.wikidata]


def article_triples(article: Article) -> Iterator[Fact]:
    node = article_iri(article.id)
    meta = article.meta
    yield node, RDF.type, KG.Article
    yield node, KG.sourceFile, article.file
    if meta.title:
        yield node, DCTERMS.title, meta.title
    date = _date(meta.date)
    if date is not None:
        yield node, DCTERMS.date, date
    if meta.url:
        yield node, SDO.url, Typed(meta.url, XSD.anyURI)
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


def entity_triples(entity: Entity, article: URIRef) -> Iterator[Fact]:
    node = entity_iri(entity.key)
    yield article, SDO.mentions, node
    yield node, RDF.type, TYPE_CLASS[entity.type]
    yield node, KG.entityType, entity.type
    yield node, SKOS.prefLabel, entity.name
    for alias in entity.aliases:
        if alias != entity.name:
            yield node, SKOS.altLabel, alias
    if entity.iso:
        yield node, KG.isoCode, entity.iso
        yield from _country_ids(node, entity.iso)
    for ev in entity.mentions:
        mention = fact_iri("mention", ev.article_id, ev.start_char, ev.end_char, entity.key)
        yield mention, RDF.type, KG.Mention
        yield mention, KG.mentionOf, node
        yield from _span(mention, ev, article)


def role_triples(role: Role, article: URIRef, date: Typed | Literal | None) -> Iterator[Fact]:
    node = fact_iri("membership", role.evidence.article_id, role.person, role.role_id, role.org)
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, entity_iri(role.person)
    yield node, ORG.organization, entity_iri(role.org)
    yield node, ORG.role, ROLE[role.role_id]
    yield node, KG.roleLabel, role.role
    yield node, KG.current, role.current
    if date is not None:
        yield node, KG.observedOn, date
    yield from _span(node, role.evidence, article)


def statement_triples(st: Statement, article: URIRef, date: Typed | Literal | None) -> Iterator[Fact]:
    ev = st.evidence
    node = fact_iri("statement", ev.article_id, ev.start_char, ev.end_char, st.speaker)
    yield node, RDF.type, KG.Statement
    yield node, KG.speaker, entity_iri(st.speaker)
    yield node, KG.quote, st.quote
    yield node, KG.direct, st.direct
    if st.verb:
        yield node, KG.reportingVerb, st.verb
    for slug in st.topics:
        yield node, KG.topic, TOPIC[slug]
    for text in st.topic_evidence:
        yield node, KG.topicEvidence, text
    for iso in st.countries:
        yield node, KG.aboutCountry, entity_iri(f"country/{iso}")
    if date is not None:
        yield node, KG.observedOn, date
    yield from _span(node, ev, article, st.sentence.text if st.sentence else None)


def facts(extraction: Extraction) -> Iterator[Fact]:
    """All facts of one article's extraction, literals as plain values (see ``Fact``)."""
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


def to_literal(value: Value) -> URIRef | Literal:
    """The rdflib term of a fact's object."""
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, Typed):
        return Literal(value.lexical, datatype=value.datatype)
    return Literal(value)


def to_triples(extraction: Extraction) -> Iterator[Triple]:
    """All triples of one article's extraction (they go into the article's named graph)."""
    for s, p, o in facts(extraction):
        yield s, p, to_literal(o)


# --- N-Quads text straight from the facts --------------------------------------------------

# http(s), a host name, a path, a fragment: plain characters only (anything else, "%" or a
# port or a second "#" included, is left to Oxigraph's own check)
_SAFE_IRI = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~:@!$&'()*+,;=/-]*)?(?:#[A-Za-z0-9._~:@!$&'()*+,;=/?-]*)?")
_ESCAPE = re.compile(r'["\\\n\r]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_XSD_INTEGER = f"<{XSD.integer}>"
_TRUE = f'"true"^^<{XSD.boolean}>'
_FALSE = f'"false"^^<{XSD.boolean}>'
_IRIS: dict[str, str] = {}  # constant IRIs (predicates, classes) in N-Triples form
_IRIS_MAX = 10_000


def _iri(term: str) -> str:
    """``<iri>``; an IRI with characters beyond the plain ones is checked by Oxigraph."""
    if _SAFE_IRI.fullmatch(term):
        return f"<{term}>"
    import pyoxigraph

    try:
        return str(pyoxigraph.NamedNode(term))
    except ValueError as exc:
        raise KgraphError(f"cannot store the IRI {term!r}: {exc}") from exc


def _constant(term: str) -> str:
    text = _IRIS.get(term)
    if text is None:
        text = _iri(term)
        if len(_IRIS) < _IRIS_MAX:
            _IRIS[term] = text
    return text


def _string(text: str) -> str:
    if _ESCAPE.search(text):
        text = _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)
    return f'"{text}"'


def _object(value: Value) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)  # type: ignore[arg-type]
    if kind is URIRef:
        return _iri(value)  # type: ignore[arg-type]
    if kind is bool:
        return _TRUE if value else _FALSE
    if kind is int:
        return f'"{value}"^^{_XSD_INTEGER}'
    if kind is Typed:
        typed: Typed = value  # type: ignore[assignment]
        return f"{_string(typed.lexical)}^^{_constant(typed.datatype)}"
    term = to_literal(value)  # anything else: as rdflib makes it
    if isinstance(term, URIRef):
        return _iri(term)
    if term.language:
        return f"{_string(str(term))}@{term.language}"
    return _string(str(term)) + (f"^^{_constant(term.datatype)}" if term.datatype is not None else "")


def to_nquads(extraction: Extraction) -> list[str]:
    """The article's triples as N-Quads lines in its own named graph, in order, without
    repeats: the quads of ``to_triples`` (test_triples checks it), several times cheaper
    to make and to load into a store than rdflib terms.  An IRI that cannot be stored
    raises ``KgraphError``."""
    graph = _iri(article_iri(extraction.article.id))
    nodes: dict[str, str] = {}  # the article's subjects, each checked once
    lines: dict[str, None] = {}
    for s, p, o in facts(extraction):
        subject = nodes.get(s)
        if subject is None:
            subject = nodes[s] = _iri(s)
        lines[f"{subject} {_constant(p)} {_object(o)} {graph} .\n"] = None
    return list(lines)
