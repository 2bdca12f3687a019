"""Cross-article identity: one node per real-world entity, decided in explained layers.

Article graphs keep their own entity IRIs (a pure function of type and normalised name,
``identity.entity_key``).  ``reconcile`` reads every entity of every article graph with
one SPARQL query and rewrites the identity graph ``<https://w3id.org/kgraph/identity>``
from scratch: ``?local kg:canonical ?canonical`` for each entity node that merges into
another, the canonical node's ``skos:prefLabel`` and one ``kg:Merge`` record per merged
node (its surface forms, the rule, the articles).  The result depends only on the set of
articles: every step works on sorted data, never on arrival or hash order.

The layers, in order (each joins clusters of the same entity type):

1. ``aliases-file``: "same" lines of a user's aliases file.
2. ``normalised-name``: the same name after case, accent, punctuation and script folding
   ("Сергей Лавров" / "Sergei Lavrov").
3. ``spelling-variant``: people whose given names agree and whose surnames differ only
   by doubled letters or a y/i/j ending (Zelenskiy / Zelensky / Zelenskyy); organisations
   that differ only by British/American spelling (Defence / Defense).
4. ``acronym``: an acronym joins the one expansion that an article pairs it with, or else
   (three letters or more) the one multi-word name in the store whose initials it spells
   (IAEA; but "AP" is not joined to "The Albion Post" on initials alone).
5. ``demonym``: an organisation named by its country's name, possessive or demonym and
   the same words ("China's coast guard" / "Chinese Coast Guard").
6. ``alias``: a shorter name joins the one cluster whose articles give it as an alias,
   unless more articles use the shorter name than name that cluster ("State Department"
   in ten stories is not the "Department of Revenue Services" one story paired it with).
7. ``surname``: a bare surname joins the one full name in the store with that surname.

Two full names never merge unless their given names agree ("Boris Johnson" and "Mike
Johnson" stay apart, and a bare "Johnson" then joins neither); a "different" line of the
aliases file forbids any merge that would join its two names.  A missed merge is
preferred to a wrong one.  Countries are keyed by ISO code already and are not touched.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal as TypingLiteral

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from .errors import KgraphError
from .identity import fact_iri, fold, normalise_name, transliterate
from .namespaces import IDENTITY_GRAPH, KG
from .records import Extraction

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset

Relation = TypingLiteral["same", "different"]
RULES = ("aliases-file", "normalised-name", "spelling-variant", "acronym", "demonym", "alias", "surname")

ENTITIES_QUERY = """
PREFIX kg:   <https://w3id.org/kgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?type ?name (GROUP_CONCAT(STR(?article); separator=" ") AS ?articles) WHERE {
  GRAPH ?article {
    ?article a kg:Article .
    ?entity kg:entityType ?type ; skos:prefLabel ?name .
  }
}
GROUP BY ?entity ?type ?name
"""
ALIASES_QUERY = """
PREFIX kg:   <https://w3id.org/kgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?alias WHERE {
  GRAPH ?article {
    ?article a kg:Article .
    ?entity kg:entityType ?type ; skos:altLabel ?alias .
  }
}
"""
RULES_QUERY = """
PREFIX kg: <https://w3id.org/kgraph/ns#>
SELECT ?rule ?relation ?name WHERE {
  GRAPH <https://w3id.org/kgraph/identity> {
    ?rule a kg:AliasRule ; kg:aliasRelation ?relation ; kg:aliasName ?name .
  }
}
"""

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_STOPWORDS = frozenset("of the and for on in de du des la le el al to at".split())
_SPELLING = {
    "defence": "defense", "organisation": "organization", "organisations": "organizations",
    "centre": "center", "programme": "program", "labour": "labor",
}
_ENDING = re.compile(r"(?:iy|yi|ij|ii|y|i|j)$")


# ------------------------------------------------------------------ aliases file


@dataclass(frozen=True, slots=True)
class AliasRule:
    """One line of an aliases file: two names are (or are not) the same entity."""

    relation: Relation
    a: str
    b: str


def parse_aliases(text: str, *, source: str = "aliases.tsv") -> tuple[AliasRule, ...]:
    """Parse an aliases file: ``same<TAB>name A<TAB>name B`` or ``different<TAB>A<TAB>B``
    per line; blank lines and lines starting with ``#`` are ignored."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 3 or fields[0] not in ("same", "different") or not fields[1] or not fields[2]:
            raise KgraphError(
                f"{source} line {number}: expected 'same' or 'different', then two names, "
                f"separated by tabs; got {line!r}"
            )
        relation: Relation = "same" if fields[0] == "same" else "different"
        rules.append(AliasRule(relation, normalise_name(fields[1]), normalise_name(fields[2])))
    return tuple(rules)


_ALIASES: ContextVar[tuple[AliasRule, ...] | None] = ContextVar("kgraph_aliases", default=None)


@contextmanager
def using_aliases(rules: Sequence[AliasRule] | None) -> Iterator[None]:
    """Within the block, ``reconcile`` calls that give no ``aliases`` apply these rules
    (how ``kgraph build --aliases FILE`` reaches the reconcile at the end of a build)."""
    token = _ALIASES.set(tuple(rules) if rules is not None else None)
    try:
        yield
    finally:
        _ALIASES.reset(token)


def read_aliases(path: Path) -> tuple[AliasRule, ...]:
    """Read an aliases file (see ``parse_aliases``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgraphError(f"{path}: cannot read aliases file: {getattr(exc, 'strerror', None) or exc}") from exc
    return parse_aliases(text, source=str(path))


# ------------------------------------------------------------------ name keys


@lru_cache(maxsize=1 << 16)
def match_key(name: str) -> str:
    """The name folded for comparison: case, accents, punctuation, script, a leading "the"."""
    key = transliterate(name)
    return key[4:] if key.startswith("the ") else key


def _tokens(name: str) -> list[str]:
    return match_key(name).split()


@lru_cache(maxsize=1 << 16)
def surname_skeleton(word: str) -> str:
    """A surname with doubled letters collapsed and a y/i/j ending folded:
    Zelenskiy, Zelensky, Zelenskyy -> zelenski."""
    word = re.sub(r"(.)\1+", r"\1", match_key(word))
    return _ENDING.sub("i", word)


def _spelling_key(name: str) -> str:
    return " ".join(_SPELLING.get(w, w) for w in _tokens(name))


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(normalise_name(name).replace(".", "")))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", normalise_name(name)) if w]
    letters = [w[0] for w in words if w.casefold() not in _STOPWORDS and w[:1].isalpha()]
    return "".join(letters).upper() if len(letters) >= 2 else ""


def _country_and_rest(name: str) -> tuple[str, str] | None:
    """("CN", "coast guard") for "China's coast guard", "Chinese Coast Guard", "China Coast Guard"."""
    from .gazetteer import lookup_demonym, lookup_name

    words = normalise_name(name).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    for k in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:k])
        rest = _spelling_key(" ".join(words[k:]))
        if not rest:
            continue
        if re.search(r"['’]s$", head):
            found = lookup_name(head)
        else:
            found = lookup_demonym(head) or lookup_name(head)
        if found is not None:
            return found.iso, rest
    return None


# ------------------------------------------------------------------ entities read


@dataclass(slots=True)
class LocalEntity:
    """An entity node of the article graphs (one IRI, possibly in many articles)."""

    iri: str
    type: str
    names: Counter[str] = field(default_factory=Counter)  # prefLabel -> articles
    aliases: set[str] = field(default_factory=set)  # altLabels
    articles: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """Its most used name: most articles, then longest, then first in code-point order."""
        return min(self.names, key=lambda n: (-self.names[n], -len(n), n))

    @property
    def short(self) -> bool:
        """A bare surname or an acronym: never the canonical node of a cluster with a full name."""
        return len(_tokens(self.name)) < 2 or _is_acronym(self.name)


def _value(term: Any) -> str | None:
    if term is None:
        return None
    return str(getattr(term, "value", term))


def _select(target: "Dataset | pyoxigraph.Store", sparql: str, names: Sequence[str]) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT on an rdflib Dataset or a pyoxigraph Store, as plain strings."""
    import pyoxigraph

    if isinstance(target, pyoxigraph.Store):
        solutions = target.query(sparql)
        assert isinstance(solutions, pyoxigraph.QuerySolutions)  # our own SELECT
        for solution in solutions:
            yield tuple(_value(solution[n]) for n in names)
        return
    for row in target.query(sparql):
        yield tuple(_value(row[i]) for i in range(len(names)))  # type: ignore[index]


def read_entities(target: "Dataset | pyoxigraph.Store") -> dict[str, LocalEntity]:
    """Every entity node of every article graph, with its names, aliases and articles
    (two aggregate queries: a few rows per entity, however many articles name it)."""
    entities: dict[str, LocalEntity] = {}
    for iri, type_, name, articles in _select(target, ENTITIES_QUERY, ("entity", "type", "name", "articles")):
        if iri is None or type_ is None or name is None:
            continue
        entity = entities.get(iri)
        if entity is None:
            entity = entities[iri] = LocalEntity(iri, type_)
        found = set((articles or "").split())
        entity.articles |= found
        entity.names[name] += len(found)
    for iri, alias in _select(target, ALIASES_QUERY, ("entity", "alias")):
        if iri in entities and alias is not None:
            entities[iri].aliases.add(alias)
    return entities


def _stored_rules(target: "Dataset | pyoxigraph.Store") -> tuple[AliasRule, ...]:
    """The aliases-file rules that the last reconcile kept in the identity graph."""
    names: dict[str, tuple[str, list[str]]] = {}
    for rule, relation, name in _select(target, RULES_QUERY, ("rule", "relation", "name")):
        if rule and relation in ("same", "different") and name:
            names.setdefault(rule, (relation, []))[1].append(name)
    rules = [
        AliasRule("same" if relation == "same" else "different", *sorted(pair))
        for relation, pair in names.values()
        if len(pair) == 2
    ]
    return tuple(sorted(rules, key=lambda r: (r.relation, r.a, r.b)))


# ------------------------------------------------------------------ clustering


class _Clusters:
    """Union-find over entity IRIs with cannot-link tags (the "different" lines) and the
    full names of each cluster's people (two clusters with different full names never join)."""

    def __init__(self, iris: Iterable[str], full_names: dict[str, set[tuple[str, ...]]] | None = None) -> None:
        self.parent = {iri: iri for iri in iris}
        self.forbidden: dict[str, set[tuple[int, int]]] = defaultdict(set)  # root -> {(rule, side)}
        self.full: dict[str, set[tuple[str, ...]]] = {k: set(v) for k, v in (full_names or {}).items()}
        self.edges: list[tuple[str, str, str]] = []

    def find(self, iri: str) -> str:
        root = iri
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[iri] != root:
            self.parent[iri], iri = root, self.parent[iri]
        return root

    def tag(self, iri: str, rule: int, side: int) -> None:
        self.forbidden[self.find(iri)].add((rule, side))

    def union(self, a: str, b: str, rule: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        tags_a, tags_b = self.forbidden.get(ra, set()), self.forbidden.get(rb, set())
        if any((n, 1 - side) in tags_b for n, side in tags_a):
            return False
        full_a, full_b = self.full.get(ra, set()), self.full.get(rb, set())
        if rule != "aliases-file" and not all(_compatible(x, y) for x in full_a for y in full_b):
            return False  # "Boris Johnson" and "Mike Johnson", however the evidence chains
        low, high = sorted((ra, rb))
        self.parent[high] = low
        self.forbidden[low] = tags_a | tags_b
        self.forbidden.pop(high, None)
        self.full[low] = full_a | full_b
        self.full.pop(high, None)
        self.edges.append((a, b, rule))
        return True

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for iri in sorted(self.parent):
            out[self.find(iri)].append(iri)
        return out


def _full_name_key(name: str) -> tuple[str, ...] | None:
    """A person's full name as (surname skeleton, given names...), or None for a bare name."""
    words = _tokens(name)
    return (surname_skeleton(words[-1]), *words[:-1]) if len(words) >= 2 else None


def _compatible(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two full names of one person: the same surname, one's given names among the other's."""
    return x[0] == y[0] and (_subsequence(list(x[1:]), list(y[1:])) or _subsequence(list(y[1:]), list(x[1:])))


def _join_groups(clusters: _Clusters, groups: dict[Any, list[str]], rule: str) -> None:
    """Join the members of each group (sorted: the result does not depend on input order)."""
    for key in sorted(groups, key=repr):
        members = sorted(set(groups[key]))
        for other in members[1:]:
            clusters.union(members[0], other, rule)


def _unique_target(candidates: set[str]) -> str | None:
    return next(iter(candidates)) if len(candidates) == 1 else None


def decide(entities: dict[str, LocalEntity], rules: Sequence[AliasRule] = ()) -> _Clusters:
    """Cluster the entity nodes, layer by layer (see the module docstring)."""
    ents = {iri: e for iri, e in entities.items() if e.type != "Country"}
    full: dict[str, set[tuple[str, ...]]] = {}
    for iri, e in ents.items():
        if e.type == "Person":
            full[iri] = {k for k in map(_full_name_key, e.names) if k is not None}
    clusters = _Clusters(sorted(ents), full)
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)  # (type, match key) -> IRIs
    for iri in sorted(ents):
        for name in ents[iri].names:
            by_key[(ents[iri].type, match_key(name))].append(iri)

    def named(name: str) -> list[str]:
        key = match_key(name)
        return sorted({iri for (_, k), iris in by_key.items() if k == key for iri in iris})

    # 0. "different" lines tag both sides; 1. "same" lines join
    for number, rule in enumerate(sorted(rules, key=lambda r: (r.relation, r.a, r.b))):
        if rule.relation == "different":
            for side, name in enumerate((rule.a, rule.b)):
                for iri in named(name):
                    clusters.tag(iri, number, side)
    for rule in sorted(rules, key=lambda r: (r.relation, r.a, r.b)):
        if rule.relation == "same":
            for a in named(rule.a):
                for b in named(rule.b):
                    if ents[a].type == ents[b].type:
                        clusters.union(a, b, "aliases-file")

    # 2. the same name after folding
    _join_groups(clusters, {k: v for k, v in by_key.items() if len(set(v)) > 1}, "normalised-name")

    # 3. spelling variants
    variants: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for iri, e in sorted(ents.items()):
        for name in e.names:
            words = _tokens(name)
            if e.type == "Person" and len(words) >= 2:
                variants[("Person", " ".join(words[:-1]), surname_skeleton(words[-1]))].append(iri)
            elif e.type in ("Organization", "Place") and len(words) >= 2:
                variants[(e.type, _spelling_key(name))].append(iri)
    _join_groups(clusters, variants, "spelling-variant")

    # 4. acronyms: the expansion an article pairs them with, or the one with their initials
    orgs = {iri: e for iri, e in ents.items() if e.type == "Organization"}
    paired: dict[str, set[str]] = defaultdict(set)  # acronym key -> roots of paired expansions
    by_initials: dict[str, set[str]] = defaultdict(set)
    for iri, e in sorted(orgs.items()):
        for label in [*e.names, *sorted(e.aliases)]:
            if _is_acronym(label):
                for other in [*e.names, *sorted(e.aliases)]:
                    if not _is_acronym(other) and _initials(other):
                        paired[match_key(label)].add(clusters.find(iri))
        for name in e.names:
            if not _is_acronym(name) and _initials(name):
                by_initials[_initials(name)].add(clusters.find(iri))
    joins: list[tuple[str, str]] = []
    for iri, e in sorted(orgs.items()):
        if not _is_acronym(e.name):
            continue
        root = clusters.find(iri)
        targets = paired.get(match_key(e.name), set()) - {root}
        letters = normalise_name(e.name).replace(".", "").upper()
        if not targets and root not in paired.get(match_key(e.name), set()) and len(letters) >= 3:
            # initials alone only for three letters or more: "AP" is no "Albion Post"
            targets = by_initials.get(letters, set())
        target = None if root in targets else _unique_target(targets)
        if target is not None:
            joins.append((iri, target))
    for iri, target in sorted(joins):
        clusters.union(target, iri, "acronym")

    # 5. country + the same words: "China's coast guard" / "Chinese Coast Guard"
    national: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri, e in sorted(orgs.items()):
        for name in e.names:
            found = _country_and_rest(name)
            if found is not None:
                national[found].append(iri)
    _join_groups(clusters, national, "demonym")

    # people's full names by surname (for 6 and 7: a bare surname with two candidates joins neither)
    surname_iris: dict[str, set[str]] = defaultdict(set)  # skeleton -> IRIs with a full name
    for iri, e in sorted(ents.items()):
        if e.type == "Person":
            for name in e.names:
                key = _full_name_key(name)
                if key is not None:
                    surname_iris[key[0]].add(iri)

    def surname_candidates(word: str) -> set[str]:
        return {clusters.find(i) for i in surname_iris.get(surname_skeleton(word), set())}

    # 6. a shorter name that the one other cluster gives as an alias
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, alias key) -> roots
    longest: dict[str, int] = defaultdict(int)  # root -> tokens of its longest name
    full_names: dict[str, list[list[str]]] = defaultdict(list)  # root -> token lists of its names
    cluster_articles: dict[str, set[str]] = defaultdict(set)  # root -> articles of its members
    for iri, e in sorted(ents.items()):
        root = clusters.find(iri)
        cluster_articles[root] |= e.articles
        for name in e.names:
            longest[root] = max(longest[root], len(_tokens(name)))
            full_names[root].append(_tokens(name))
        for alias in sorted(e.aliases):
            claims[(e.type, match_key(alias))].add(root)
    joins = []
    for iri, e in sorted(ents.items()):
        root = clusters.find(iri)
        words = _tokens(e.name)
        if not words:
            continue
        claimants = claims.get((e.type, match_key(e.name)), set())
        target = None if root in claimants else _unique_target(claimants)
        if target is None or longest[target] <= len(words):
            continue
        if e.type == "Person" and not any(_subsequence(words, full) for full in full_names[target]):
            continue  # a person's short form is some of the words of the full name
        if e.type == "Person" and len(words) == 1 and not surname_candidates(words[0]) <= {target}:
            continue  # another article's "Johnson" says nothing about this one
        if len(cluster_articles[root]) > len(cluster_articles[target]):
            continue  # one article's pairing does not outweigh a name more articles use alone
        joins.append((iri, target))
    for iri, target in sorted(joins):
        clusters.union(target, iri, "alias")

    # 7. a bare surname: the one full name in the store with that surname
    joins = []
    for iri, e in sorted(ents.items()):
        words = _tokens(e.name)
        if e.type != "Person" or len(words) != 1:
            continue
        candidates = surname_candidates(words[0])
        target = None if clusters.find(iri) in candidates else _unique_target(candidates)
        if target is not None:
            joins.append((iri, target))
    for iri, target in sorted(joins):
        clusters.union(target, iri, "surname")
    return clusters


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


# ------------------------------------------------------------------ identity graph


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def identity_triples(
    entities: dict[str, LocalEntity], clusters: _Clusters, rules: Sequence[AliasRule] = ()
) -> Iterator[Triple]:
    """The identity graph's triples for the clusters (and the aliases-file rules kept)."""
    rules_of: dict[str, set[str]] = defaultdict(set)
    for a, b, rule in clusters.edges:
        rules_of[a].add(rule)
        rules_of[b].add(rule)
    for members in clusters.groups().values():
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda i: (entities[i].short, -len(entities[i].articles), -len(entities[i].name), i))
        canonical = entities[ranked[0]]
        node = URIRef(canonical.iri)
        yield node, SKOS.prefLabel, Literal(canonical.name)
        for iri in ranked[1:]:
            member = entities[iri]
            yield URIRef(iri), KG.canonical, node
            merge = fact_iri("merge", iri)
            yield merge, RDF.type, KG.Merge
            yield merge, KG.mergedEntity, URIRef(iri)
            yield merge, KG.canonical, node
            for rule in sorted(rules_of[iri] or {"transitive"}):
                yield merge, KG.mergeRule, Literal(rule)
            for name in sorted(set(member.names) | {canonical.name}):
                yield merge, KG.surfaceForm, Literal(name)
            for article in sorted(member.articles):
                yield merge, PROV.wasDerivedFrom, URIRef(article)
    for alias_rule in rules:
        node = fact_iri("alias-rule", alias_rule.relation, *sorted((alias_rule.a, alias_rule.b)))
        yield node, RDF.type, KG.AliasRule
        yield node, KG.aliasRelation, Literal(alias_rule.relation)
        for name in sorted({alias_rule.a, alias_rule.b}):
            yield node, KG.aliasName, Literal(name)


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    """What a reconcile did: entity nodes read, clusters of two or more, nodes merged."""

    entities: int
    clusters: int
    merged: int


def reconcile(
    target: "Dataset | pyoxigraph.Store", *, aliases: Sequence[AliasRule] | Path | None = None
) -> ReconcileReport:
    """Recompute the identity graph from all article graphs of ``target`` (an rdflib
    Dataset or a pyoxigraph Store) and replace it.

    ``aliases`` (rules, or the path of an aliases file; else those of ``using_aliases``)
    force or forbid merges; they are kept in the identity graph, so that a later reconcile
    without ``aliases`` applies them again.  Pass an empty tuple to drop them."""
    if isinstance(aliases, (str, Path)):
        aliases = read_aliases(Path(aliases))
    if aliases is None:
        aliases = _ALIASES.get()
    rules = tuple(aliases) if aliases is not None else _stored_rules(target)
    entities = read_entities(target)
    clusters = decide(entities, rules)
    triples = list(identity_triples(entities, clusters, rules))
    _replace_identity_graph(target, triples)
    groups = [m for m in clusters.groups().values() if len(m) > 1]
    return ReconcileReport(len(entities), len(groups), sum(len(m) - 1 for m in groups))


def _replace_identity_graph(target: "Dataset | pyoxigraph.Store", triples: list[Triple]) -> None:
    import pyoxigraph

    if isinstance(target, pyoxigraph.Store):
        graph = pyoxigraph.NamedNode(str(IDENTITY_GRAPH))
        quads = [pyoxigraph.Quad(_ox(s), _ox(p), _ox(o), graph) for s, p, o in triples]  # type: ignore[arg-type]
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        update = f"DROP SILENT GRAPH <{IDENTITY_GRAPH}>"
        if body:
            update += f" ;\nINSERT DATA {{ GRAPH <{IDENTITY_GRAPH}> {{\n{body}\n}} }}"
        target.update(update)
        return
    identity = target.graph(IDENTITY_GRAPH)
    target.remove((None, None, None, identity))  # type: ignore[arg-type]
    identity.addN((s, p, o, identity) for s, p, o in triples)


def _ox(term: URIRef | Literal) -> "pyoxigraph.NamedNode | pyoxigraph.Literal":
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if term.datatype is not None:
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    return pyoxigraph.Literal(str(term))


def canonical_map(target: "Dataset | pyoxigraph.Store") -> dict[str, str]:
    """local entity IRI -> canonical IRI, as the identity graph states it."""
    sparql = (
        f"SELECT ?local ?canonical WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?local <{KG.canonical}> ?canonical "
        f"FILTER NOT EXISTS {{ ?local a <{KG.Merge}> }} }} }}"
    )
    return {
        local: canonical
        for local, canonical in _select(target, sparql, ("local", "canonical"))
        if local is not None and canonical is not None
    }


# ------------------------------------------------------------------ before reconcile


def merge(extractions: list[Extraction]) -> list[Extraction]:
    """The extractions unchanged: article graphs keep their own entity IRIs, and
    ``reconcile`` states cross-article identity in the identity graph (kept so that callers
    of the old API work)."""
    return list(extractions)

