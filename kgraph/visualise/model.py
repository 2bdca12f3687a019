"""What the news map knows: entities, articles and relations read from a dataset with SPARQL.

``read_model(dataset)`` reads everything the page can show, once:

- entities (Person, Organization, Country, Place) that some article mentions, with every name
  they go by, the articles that mention them and a sentence from each article;
- articles with title, date, topics (of their statements) and countries;
- relations between entities, each with the articles that assert it and an evidence sentence:
  ``role`` (holds a role in), ``member`` (member of), ``statement`` (spoke about);
- each entity's roles and statements, for the side panel.

Entity IRIs are canonicalised through the identity graph (``?local kg:canonical ?canonical``
in ``<https://w3id.org/kgraph/identity>``) when the dataset has one, so merged entities are one
node.  A dataset without named graphs (the result of a CONSTRUCT query) reads the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from ..errors import KgraphError

IDENTITY_GRAPH = "https://w3id.org/kgraph/identity"
TYPES = ("Person", "Organization", "Country", "Place")
UNKNOWN_TYPE = "Unknown"
KINDS = ("role", "member", "statement", "comention")
MEMBER_ROLE = "https://w3id.org/kgraph/role/member"

_PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_CANONICAL = _PREFIXES + f"""
SELECT ?local ?canonical WHERE {{
  GRAPH <{IDENTITY_GRAPH}> {{ ?local kg:canonical ?canonical FILTER NOT EXISTS {{ ?local a kg:Merge }} }}
}}
"""
_CANONICAL_LABELS = _PREFIXES + f"""
SELECT ?entity ?label WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?entity skos:prefLabel ?label }} }}
"""
_ARTICLES = _PREFIXES + """
SELECT ?article ?title ?date WHERE {
  ?article a kg:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:date ?date }
}
"""
_MENTIONS = _PREFIXES + "SELECT DISTINCT ?article ?entity WHERE { ?article schema:mentions ?entity }"
_TYPES = _PREFIXES + "SELECT DISTINCT ?entity ?type WHERE { ?entity kg:entityType ?type }"
# Each preferred label with the number of named graphs (articles) that use it; the UNION
# branch keeps labels that only live in the default graph (counted 0).
_LABELS = _PREFIXES + """
SELECT ?entity ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  { GRAPH ?g { ?entity skos:prefLabel ?label } } UNION { ?entity skos:prefLabel ?label }
} GROUP BY ?entity ?label
"""
_ALT_LABELS = _PREFIXES + "SELECT DISTINCT ?entity ?label WHERE { ?entity skos:altLabel ?label }"
_ISO = _PREFIXES + "SELECT DISTINCT ?entity ?iso WHERE { ?entity kg:isoCode ?iso }"
_SURFACES = _PREFIXES + """
SELECT ?entity ?article (MIN(STR(?text)) AS ?surface) WHERE {
  ?mention kg:mentionOf ?entity ; prov:wasDerivedFrom ?article ; kg:evidenceText ?text .
} GROUP BY ?entity ?article
"""
_ROLES = _PREFIXES + """
SELECT DISTINCT ?fact ?person ?org ?label ?role ?article ?evidence ?date WHERE {
  ?fact a org:Membership ; org:member ?person ; org:organization ?org .
  OPTIONAL { ?fact kg:roleLabel ?label }
  OPTIONAL { ?fact org:role ?role }
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
  OPTIONAL { ?fact kg:observedOn ?date }
}
"""
_STATEMENTS = _PREFIXES + """
SELECT DISTINCT ?fact ?speaker ?quote ?article ?evidence ?date WHERE {
  ?fact a kg:Statement ; kg:speaker ?speaker .
  OPTIONAL { ?fact kg:quote ?quote }
  OPTIONAL { ?fact prov:wasDerivedFrom ?article }
  OPTIONAL { ?fact kg:evidenceText ?evidence }
  OPTIONAL { ?fact kg:observedOn ?date }
}
"""
_STATEMENT_TOPICS = _PREFIXES + "SELECT DISTINCT ?fact ?topic WHERE { ?fact a kg:Statement ; kg:topic ?topic }"
_STATEMENT_COUNTRIES = _PREFIXES + """
SELECT DISTINCT ?fact ?country WHERE { ?fact a kg:Statement ; kg:aboutCountry ?country }
"""
# English display label of a topic concept (altLabel "Economy"@en), else its prefLabel.
_TOPIC_LABELS = _PREFIXES + """
SELECT ?topic ?label ?kind WHERE {
  { ?topic skos:altLabel ?label . FILTER(LANGMATCHES(LANG(?label), "en")) BIND(0 AS ?kind) }
  UNION { ?topic skos:prefLabel ?label . BIND(1 AS ?kind) }
  ?topic skos:inScheme|skos:topConceptOf ?scheme .
}
"""


@dataclass(slots=True)
class ArticleInfo:
    """One article: title, ISO date (or ""), topic IRIs and country ISO codes it is about."""

    iri: str
    title: str = ""
    date: str = ""
    topics: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EntityInfo:
    """One (canonical) entity node."""

    iri: str
    type: str = UNKNOWN_TYPE
    label: str = ""
    names: set[str] = field(default_factory=set)
    iso: str = ""
    # article IRI -> evidence: a sentence of that article about the entity, else its surface form
    articles: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Fact:
    """A role or a statement, as the side panel lists it."""

    kind: str  # "role" | "member" | "statement"
    source: str  # person or speaker (canonical IRI)
    target: str  # organisation or country ("" for a statement about no country)
    label: str  # role wording; the quote for a statement
    article: str
    evidence: str
    date: str
    topics: tuple[str, ...] = ()  # statements: topic IRIs
    countries: tuple[str, ...] = ()  # statements: country IRIs (canonical)


@dataclass(slots=True)
class Model:
    """Everything read from the dataset (see the module docstring)."""

    entities: dict[str, EntityInfo]
    articles: dict[str, ArticleInfo]
    facts: list[Fact]
    topic_labels: dict[str, str]


def rows(graph: Graph, query: str) -> Iterator[tuple[str, ...]]:
    """The rows of a SELECT query as tuples of strings ("" for an unbound variable)."""
    row: Any
    for row in graph.query(query):
        yield tuple("" if value is None else str(value) for value in row)


def _pick_label(counts: dict[str, int]) -> str:
    """Most used label, then the shortest, then alphabetical."""
    return min(counts, key=lambda label: (-counts[label], len(label), label))


def topic_label(iri: str, labels: dict[str, str]) -> str:
    """Display label of a topic IRI: from the vocabulary, else its slug with spaces."""
    return labels.get(iri) or iri.rsplit("/", 1)[-1].replace("-", " ").capitalize()


def read_model(dataset: Dataset | Graph) -> Model:
    """Read entities, articles and facts (see the module docstring)."""
    canonical: dict[str, str] = {}
    if isinstance(dataset, Dataset):
        canonical = {local: target for local, target in rows(dataset, _CANONICAL)}

    def canon(iri: str) -> str:
        return canonical.get(iri, iri)

    articles: dict[str, ArticleInfo] = {}
    for iri, title, date in rows(dataset, _ARTICLES):
        record = articles.setdefault(iri, ArticleInfo(iri))
        if title and (not record.title or title < record.title):
            record.title = title
        if date and (not record.date or date[:10] < record.date):
            record.date = date[:10]

    facts: list[Fact] = []
    for _, person, org, label, role, article, evidence, date in sorted(rows(dataset, _ROLES)):
        kind = "member" if role == MEMBER_ROLE else "role"
        facts.append(Fact(kind, canon(person), canon(org), label or "member", article, evidence.strip(), date[:10]))
    topics: dict[str, list[str]] = {}
    for node, topic in rows(dataset, _STATEMENT_TOPICS):
        topics.setdefault(node, []).append(topic)
    countries: dict[str, list[str]] = {}
    for node, country in rows(dataset, _STATEMENT_COUNTRIES):
        countries.setdefault(node, []).append(canon(country))
    for node, speaker, quote, article, evidence, date in sorted(rows(dataset, _STATEMENTS)):
        facts.append(Fact(
            "statement", canon(speaker), "", quote, article, evidence.strip(), date[:10],
            topics=tuple(sorted(topics.get(node, ()))), countries=tuple(sorted(set(countries.get(node, ())))),
        ))

    entities: dict[str, EntityInfo] = {}
    entity: EntityInfo | None
    for article, local in rows(dataset, _MENTIONS):
        iri = canon(local)
        entities.setdefault(iri, EntityInfo(iri)).articles.setdefault(article, "")
        articles.setdefault(article, ArticleInfo(article))
    for fact in facts:  # an entity a fact names is a node even where no article mentions it
        for iri in (fact.source, fact.target, *fact.countries):
            if iri:
                entities.setdefault(iri, EntityInfo(iri))
    for local, type_ in rows(dataset, _TYPES):
        entity = entities.get(canon(local))
        if entity is not None and (entity.type == UNKNOWN_TYPE or type_ < entity.type):
            entity.type = type_ if type_ in TYPES else UNKNOWN_TYPE
    label_counts: dict[str, dict[str, int]] = {}
    for local, label, count in rows(dataset, _LABELS):
        iri = canon(local)
        if iri in entities and label.strip():
            counts = label_counts.setdefault(iri, {})
            counts[label] = counts.get(label, 0) + int(count)
            entities[iri].names.add(label)
    for iri, counts in label_counts.items():
        entities[iri].label = _pick_label(counts)
    if canonical:
        for iri, label in rows(dataset, _CANONICAL_LABELS):
            if iri in entities and label.strip():
                entities[iri].label = label
                entities[iri].names.add(label)
    for local, label in rows(dataset, _ALT_LABELS):
        entity = entities.get(canon(local))
        if entity is not None and label.strip():
            entity.names.add(label)
    for local, iso in rows(dataset, _ISO):
        entity = entities.get(canon(local))
        if entity is not None:
            entity.iso = min(filter(None, (entity.iso, iso)))
    for entity in entities.values():
        if not entity.label:
            entity.label = entity.iri.rsplit("/", 1)[-1]
            entity.names.add(entity.label)
    for local, article, surface in rows(dataset, _SURFACES):
        entity = entities.get(canon(local))
        if entity is not None and article in entity.articles and not entity.articles[article]:
            entity.articles[article] = surface

    topic_labels: dict[str, str] = {}
    for topic, label, kind in sorted(rows(dataset, _TOPIC_LABELS), key=lambda r: (r[0], r[2], r[1])):
        topic_labels.setdefault(topic, label)

    # what each article is about, and a sentence of it for each entity a fact names
    iso_of = {iri: e.iso for iri, e in entities.items() if e.iso}
    for entity in entities.values():
        if entity.iso:
            for article in entity.articles:
                articles[article].countries.add(entity.iso)
    with_sentence: set[tuple[str, str]] = set()
    for fact in facts:
        info = articles.setdefault(fact.article, ArticleInfo(fact.article)) if fact.article else None
        if info is not None:
            info.topics.update(fact.topics)
            info.countries.update(iso_of[c] for c in fact.countries if c in iso_of)
        if not fact.evidence or not fact.article:
            continue
        for iri in (fact.source, fact.target, *fact.countries):
            entity = entities.get(iri)
            # the first fact's sentence (facts are sorted) replaces the bare surface form
            if entity is not None and fact.article in entity.articles and (iri, fact.article) not in with_sentence:
                entity.articles[fact.article] = fact.evidence
                with_sentence.add((iri, fact.article))
    return Model(entities, articles, facts, topic_labels)


def construct(dataset: Dataset | Graph, path: Path) -> Dataset:
    """The graph a CONSTRUCT (or DESCRIBE) query in a .rq file makes from the dataset."""
    try:
        from ..guards import check_query, read_query_file
    except ImportError:  # older kgraph: read the file plainly
        text = _read_text(path)
    else:
        text = read_query_file(path)
        check_query(text)
    try:
        result = dataset.query(text)
    except Exception as exc:  # parsers and engines raise many kinds of errors
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise KgraphError(f"{path}: the query failed: {first}") from exc
    if result.type not in ("CONSTRUCT", "DESCRIBE") or result.graph is None:
        raise KgraphError(f"{path}: --query needs a CONSTRUCT query (this one is a {result.type}); it draws the triples it builds")
    from ..store import new_dataset

    constructed = new_dataset()  # a Dataset, so the model's GRAPH patterns run (and match nothing)
    for triple in result.graph:
        constructed.add(triple)
    return constructed


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgraphError(f"{path}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from exc
