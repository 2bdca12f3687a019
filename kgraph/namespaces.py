"""Namespaces: KG mirrors ontology/kgraph.ttl term for term (a test checks it)."""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace


class KG(DefinedNamespace):
    """The kgraph vocabulary; an unknown term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgraph/ns#")

    Article: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Mention: URIRef
    Statement: URIRef
    sourceFile: URIRef
    agency: URIRef
    dateline: URIRef
    isoCode: URIRef
    entityType: URIRef
    mentionOf: URIRef
    startChar: URIRef
    endChar: URIRef
    evidenceText: URIRef
    observedOn: URIRef
    roleLabel: URIRef
    current: URIRef
    speaker: URIRef
    quote: URIRef
    direct: URIRef
    reportingVerb: URIRef
    topic: URIRef
    topicEvidence: URIRef
    aboutCountry: URIRef
    iso3Code: URIRef
    Merge: URIRef
    canonical: URIRef
    mergedEntity: URIRef
    surfaceForm: URIRef
    mergeRule: URIRef
    AliasRule: URIRef
    aliasRelation: URIRef
    aliasName: URIRef


IDENTITY_GRAPH = URIRef("https://w3id.org/kgraph/identity")
"""Named graph of cross-article identity, recomputed from all article graphs by
``merging.reconcile``: ``?local kg:canonical ?canonical``, the canonical node's
``skos:prefLabel`` and one ``kg:Merge`` record per merged entity."""
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
"""Wikidata items (countries' ``owl:sameAs``); only IRIs, nothing is fetched."""

ID = Namespace("https://w3id.org/kgraph/id/")
"""Instances: articles, entities, mentions, memberships, statements."""
TOPIC = Namespace("https://w3id.org/kgraph/topic/")
"""Topic concepts (ontology/topics.ttl); the local name is the topic slug."""
ROLE = Namespace("https://w3id.org/kgraph/role/")
"""Role concepts (ontology/roles.ttl); the local name is the role id."""

PREFIXES: dict[str, object] = {
    "kg": KG._NS,
    "kgid": ID,
    "topic": TOPIC,
    "role": ROLE,
    "org": ORG,
    "prov": PROV,
    "schema": SDO,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "wd": WIKIDATA,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kgraph's usual prefixes on a graph or dataset and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(str(namespace)), override=True, replace=True)
    return graph
