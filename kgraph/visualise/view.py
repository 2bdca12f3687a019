"""Which part of the model the page draws: ``select_view(model, ...)`` -> ``View``.

The selection, in order:

1. articles: ``topic``, ``country``, ``since``/``until`` keep the articles that match all of
   them; entities, relations and facts then count only those articles;
2. ``min_articles``: entities mentioned in fewer kept articles are left out;
3. relations: roles (holds a role in, member of) and statements (spoke about: speaker ->
   each country the statement is about), plus ``mentioned with`` edges between entities that
   appear together in at least ``co_mention`` articles (at most ``max_nodes`` of them, the
   most frequent first);
4. ``focus``/``hops``: the entities within ``hops`` relations of the entity named ``focus``
   (any of its names, case and accents ignored);
5. ``max_nodes``: entities in some relation first, by number of relations then of articles;
   entities in no drawn relation are kept too (the page hides them until asked) if room is left.

The View says what was left out at each step, for the printed summary and the page's note.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from ..errors import KgraphError
from ..identity import fold
from .model import EntityInfo, Fact, Model, topic_label

_SEP = "\x1f"
RELATION_NAMES = {
    "role": "holds a role in",
    "member": "member of",
    "statement": "spoke about",
    "comention": "mentioned with",
}


@dataclass(slots=True)
class Edge:
    """One drawn relation, aggregated over articles."""

    source: str
    target: str
    kind: str
    label: str  # role wording, "spoke about", "mentioned with"
    articles: set[str] = field(default_factory=set)
    evidence: str = ""
    article: str = ""  # the article the evidence comes from


@dataclass(slots=True)
class View:
    """The entities and relations to draw, and what was left out."""

    model: Model
    nodes: list[str]  # entity IRIs, connected ones first
    edges: list[Edge]
    isolated: set[str]  # drawn nodes in no drawn relation (hidden until asked)
    articles: set[str]  # the articles the selection keeps
    total_entities: int
    total_relations: int  # roles, memberships and statement edges in the whole graph
    notes: list[str] = field(default_factory=list)  # what was left out, and how to see more

    def summary(self) -> str:
        """What the page holds and what it leaves out, in a few sentences."""
        connected = len(self.nodes) - len(self.isolated)
        co = sum(1 for e in self.edges if e.kind == "comention")
        facts = len(self.edges) - co
        drawn = (
            f"{_count(connected, 'connected entity', 'connected entities')} and "
            f"{_count(facts, 'role or statement link')} drawn"
            + (f", plus {_count(co, 'mentioned-with link')}" if co else "")
            + f" (the whole graph: {_count(self.total_entities, 'entity', 'entities')}, "
            f"{_count(self.total_relations, 'role or statement link')})"
        )
        if self.isolated:
            drawn += f"; {_count(len(self.isolated), 'unconnected entity', 'unconnected entities')} hidden (the page's toggle shows them)"
        return " ".join([drawn + ".", *self.notes])


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _match_one(text: str, options: dict[str, str], what: tuple[str, str], flag: str) -> str:
    """The thing whose folded names equal or (uniquely) contain the folded text.

    options maps "thing<US>variant" (or just "thing") to a name; the thing is returned."""
    wanted = fold(text)

    def things(keys: set[str]) -> list[str]:
        return sorted({key.split(_SEP)[0] for key in keys})

    exact = things({key for key, name in options.items() if fold(name) == wanted})
    if len(exact) == 1:
        return exact[0]
    found = exact or things({key for key, name in options.items() if wanted and wanted in fold(name)})
    if len(found) == 1:
        return found[0]
    if not found:
        known = sorted({name for key, name in options.items() if _SEP not in key})
        hint = f"; known {what[1]}: {', '.join(known[:12])}{' ...' if len(known) > 12 else ''}" if known else ""
        raise KgraphError(f"{flag} {text!r}: no {what[0]} by that name{hint}")
    names = sorted({name for key, name in options.items() if key.split(_SEP)[0] in found and _SEP not in key} or found)
    raise KgraphError(f"{flag} {text!r} matches {len(found)} {what[1]}: {', '.join(names[:10])}; give a longer name")


def check_selection(*, max_nodes: int, hops: int, min_articles: int, co_mention: int) -> None:
    """Refuse counts that select nothing (before the graph is read)."""
    for flag, value, least in (
        ("--max-nodes", max_nodes, 1), ("--hops", hops, 0), ("--min-articles", min_articles, 1), ("--co-mention", co_mention, 1)
    ):
        if value < least:
            raise KgraphError(f"{flag} {value}: must be at least {least}")


def _check_date(value: str | None, flag: str) -> str:
    if not value:
        return ""
    from datetime import date

    try:
        return date.fromisoformat(value[:10]).isoformat() if len(value) == 10 else date.fromisoformat(value).isoformat()
    except ValueError:
        raise KgraphError(f"{flag} {value!r}: expected a date YYYY-MM-DD") from None


def _kept_articles(model: Model, *, topic: str | None, country: str | None, since: str, until: str) -> set[str]:
    kept = set(model.articles)
    if topic:
        topics = {t for info in model.articles.values() for t in info.topics}
        names = {iri: topic_label(iri, model.topic_labels) for iri in topics}
        names.update({iri + _SEP + "slug": iri.rsplit("/", 1)[-1] for iri in topics})
        iri = _match_one(topic, names, ("topic", "topics"), "--topic")
        kept = {a for a in kept if iri in model.articles[a].topics}
    if country:
        options = {e.iso: e.label for e in model.entities.values() if e.type == "Country" and e.iso}
        if len(country) == 2 and country.upper() in options:
            iso = country.upper()
        else:
            iso = _match_one(country, options, ("country", "countries"), "--country")
        kept = {a for a in kept if iso in model.articles[a].countries}
    if since:
        kept = {a for a in kept if model.articles[a].date and model.articles[a].date >= since}
    if until:
        kept = {a for a in kept if model.articles[a].date and model.articles[a].date <= until}
    return kept


def _relation_edges(facts: list[Fact], kept: set[str], nodes: set[str]) -> dict[tuple[str, str, str, str], Edge]:
    edges: dict[tuple[str, str, str, str], Edge] = {}
    for fact in facts:
        if fact.article and fact.article not in kept:
            continue
        if fact.kind == "statement":
            pairs = [(fact.source, country, "statement", RELATION_NAMES["statement"]) for country in fact.countries]
        else:
            pairs = [(fact.source, fact.target, fact.kind, fact.label)]
        for source, target, kind, label in pairs:
            if source not in nodes or target not in nodes or source == target:
                continue
            edge = edges.setdefault((source, target, kind, label), Edge(source, target, kind, label))
            if fact.article:
                edge.articles.add(fact.article)
            # evidence: the first article (by IRI) that has a sentence
            candidate = (not fact.evidence, fact.article, fact.evidence)
            if not edge.evidence or candidate < (False, edge.article, edge.evidence):
                if fact.evidence:
                    edge.evidence, edge.article = fact.evidence, fact.article
                elif not edge.article:
                    edge.article = fact.article
    return edges


def _co_mention_edges(
    entities: dict[str, EntityInfo], kept: set[str], threshold: int, linked: set[tuple[str, str]], cap: int
) -> tuple[list[Edge], int]:
    """Pairs of entities that appear together in at least threshold articles (not already linked)."""
    by_article: dict[str, list[str]] = {}
    for iri, entity in entities.items():
        for article in entity.articles:
            if article in kept:
                by_article.setdefault(article, []).append(iri)
    counts: Counter[tuple[str, str]] = Counter()
    for members in by_article.values():
        counts.update(combinations(sorted(members), 2))
    pairs = [(n, pair) for pair, n in counts.items() if n >= threshold and pair not in linked]
    pairs.sort(key=lambda item: (-item[0], item[1]))
    edges = []
    for _, (a, b) in pairs[:cap]:
        articles = {x for x in entities[a].articles if x in kept} & set(entities[b].articles)
        edges.append(Edge(a, b, "comention", RELATION_NAMES["comention"], articles))
    return edges, max(len(pairs) - cap, 0)


def select_view(
    model: Model,
    *,
    focus: str | None = None,
    hops: int = 1,
    topic: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 1,
    max_nodes: int = 2000,
    co_mention: int = 2,
) -> View:
    """Pick what the page draws (see the module docstring)."""
    check_selection(max_nodes=max_nodes, hops=hops, min_articles=min_articles, co_mention=co_mention)
    since_, until_ = _check_date(since, "--since"), _check_date(until, "--until")
    if since_ and until_ and since_ > until_:
        raise KgraphError(f"--since {since_} is after --until {until_}")
    notes: list[str] = []
    entities = model.entities
    all_edges = _relation_edges(model.facts, set(model.articles), set(entities))
    total_relations = len(all_edges)

    filtered = any((topic, country, since_, until_))
    kept = _kept_articles(model, topic=topic, country=country, since=since_, until=until_)
    if filtered:
        notes.append(f"The filters keep {len(kept):,} of {len(model.articles):,} articles.")
    candidates = {
        iri for iri, e in entities.items()
        if sum(1 for a in e.articles if a in kept) >= min_articles or (not e.articles and not filtered and min_articles <= 1)
    }
    if min_articles > 1:
        notes.append(f"--min-articles {min_articles} leaves out entities named in fewer articles.")
    edges = list(_relation_edges(model.facts, kept, candidates).values())
    linked = {(min(e.source, e.target), max(e.source, e.target)) for e in edges}
    co_edges, co_left = _co_mention_edges(
        {iri: entities[iri] for iri in candidates}, kept, co_mention, linked, max_nodes
    )
    edges += co_edges
    if co_left:
        notes.append(f"{co_left:,} weaker 'mentioned with' links left out (at most {max_nodes:,} are drawn).")

    if focus:
        names = {iri: entities[iri].label for iri in candidates}
        names.update({iri + _SEP + name: name for iri in candidates for name in entities[iri].names})
        start = _match_one(focus, names, ("entity", "entities"), "--focus")
        adjacency: dict[str, set[str]] = {}
        for edge in edges:
            adjacency.setdefault(edge.source, set()).add(edge.target)
            adjacency.setdefault(edge.target, set()).add(edge.source)
        reached, frontier = {start}, {start}
        for _ in range(hops):
            frontier = {n for node in frontier for n in adjacency.get(node, ())} - reached
            reached |= frontier
        candidates = reached
        edges = [e for e in edges if e.source in reached and e.target in reached]
        notes.append(f"Only what lies within {hops} hop{'s' if hops != 1 else ''} of {entities[start].label}.")

    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1

    def count(iri: str) -> int:
        return sum(1 for a in entities[iri].articles if a in kept)

    ranked = sorted(candidates, key=lambda iri: (-degree[iri], -count(iri), entities[iri].label, iri))
    if len(ranked) > max_nodes:
        left = ranked[max_nodes:]
        ranked = ranked[:max_nodes]
        drawn = set(ranked)
        dropped_edges = sum(1 for e in edges if e.source not in drawn or e.target not in drawn)
        edges = [e for e in edges if e.source in drawn and e.target in drawn]
        notes.append(
            f"--max-nodes {max_nodes:,} left out {len(left):,} less connected entities and {dropped_edges:,} relations; "
            "raise it, or narrow the map with --focus, --topic, --country or --since."
        )
    drawn = set(ranked)
    in_edges = {e.source for e in edges} | {e.target for e in edges}
    isolated = drawn - in_edges
    edges.sort(key=lambda e: (e.source, e.target, e.kind, e.label))
    return View(model, ranked, edges, isolated, kept, len(entities), total_relations, notes)
