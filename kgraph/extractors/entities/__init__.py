"""kgraph_entities: the people, organisations, countries and places a story names.

spaCy's NER proposes spans; this component cleans them (titles, determiners,
possessives), types them (countries from the gazetteer, organisations by their
name shape and context), drops what is not an entity of the story (the article's
own agency and publisher, platforms named only as a channel), and resolves short
forms within the article (a surname to the full name, an acronym to its expansion).

It sets ``doc._.entities`` (entity key -> Entity) and ``doc.spans["kg_mentions"]``
(one span per mention, labelled with the entity key).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import gazetteer
from ...identity import entity_key, fold
from ...nlp import MENTIONS, register_extensions
from ...records import Article, Entity, Evidence

from .words import Candidate, _surface, token_list
from .spans import _ner_candidates
from .organisations import _agency_name_candidates, _known_names_over_ner, _prefixed_companies, _suffixed_companies, _digest_sources, _org_name_candidates
from .places import (
    _area_candidates,
    _gazetteer_candidates,
    _headed_places,
    _place_candidates,
    _state_body_candidates,
    _street_candidates,
    _titled_place_candidates,
)
from .persons import (
    _appositive_persons,
    _given_name_persons,
    _honorific_persons,
    _later_mentions,
    _nicknames,
    _possessive_person_names,
    _surnames_run_into_names,
    _transcript_persons,
)
from .resolve import _defined_acronyms, _names_ending_in_a_place, _parenthesised_acronyms, _resolve
from .sources import _drop_channels, _is_channel, _own_sources, _self_references
from .filters import _drop_indices, _drop_lone_names, _drop_shouted


def find_entities(doc: Doc) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
    """Entities of a Doc and their mentions as (start token, end token, key)."""
    with token_list(doc):
        return _find_entities(doc)


def _find_entities(doc: Doc) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
    article: Article | None = doc._.article
    own = _own_sources(article) | _self_references(doc)
    cands = [
        c
        for c in _ner_candidates(doc)
        if fold(c.text) not in own and not _is_channel(doc, c.start, c.end, c.text)
    ]
    # a span the NER proposed inside a longer name it also proposed (after "for the" joined
    # "Democratic Alliance" and "Betterment and Progress of Hong Kong") is part of that name
    covering: dict[int, list[Candidate]] = defaultdict(list)
    for o in cands:
        for i in range(o.start, o.end):
            covering[i].append(o)
    cands = [
        c for c in cands
        if not any(
            o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
            for o in covering[c.start]
        )
    ]
    cands = _known_names_over_ner(doc, cands)
    taken = {i for c in cands for i in range(c.start, c.end)}
    cands.extend(_gazetteer_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_place_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_titled_place_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_street_candidates(doc, taken))
    cands = _headed_places(doc, cands)
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_area_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_org_name_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(c for c in _agency_name_candidates(doc, taken) if fold(c.text) not in own)
    cands = _prefixed_companies(doc, cands)
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_suffixed_companies(doc, taken))
    bodies = list(_state_body_candidates(doc, cands))
    if bodies:
        inside = {(b.start, b.end) for b in bodies}
        cands = [
            c for c in cands
            if c.type == "Country" or not any(s <= c.start and c.end <= e for s, e in inside)
        ] + bodies
    cands.extend(_defined_acronyms(doc, cands))
    cands = _names_ending_in_a_place(doc, cands)
    acronyms = _parenthesised_acronyms(doc, cands)
    cands.extend(_appositive_persons(doc, cands))
    cands.extend(_given_name_persons(doc, cands))
    cands.extend(_honorific_persons(doc, cands))
    cands = _transcript_persons(doc, cands, article.body_start if article is not None else 0)
    cands = _surnames_run_into_names(doc, _possessive_person_names(doc, cands))
    cands.extend(_later_mentions(doc, cands))
    cands = _digest_sources(doc, cands)
    cands = _drop_shouted(doc, cands)
    cands = _nicknames(doc, _join_split_names(doc, cands))
    cands.sort(key=lambda c: c.start)
    _resolve(cands, doc, acronyms)
    cands = _drop_lone_names(doc, cands)
    cands = _drop_indices(doc, cands)
    cands = _drop_channels(doc, cands)

    article_id = article.id if article is not None else ""
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        grouped[c.key].append(c)
    entities: dict[str, Entity] = {}
    for key, group in grouped.items():
        first = group[0]
        surfaces = {_surface(doc, c.start, c.end) for c in group} | {a for c in group for a in c.aliases}
        entities[key] = Entity(
            key=key,
            name=first.text,
            type=first.type,
            aliases=tuple(sorted(s for s in surfaces if s != first.text)),
            iso=first.iso,
            mentions=tuple(
                Evidence(article_id, doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1]), _surface(doc, c.start, c.end))
                for c in group
            ),
        )
    for extra in _meta_entities(article):
        if extra.key not in entities:
            entities[extra.key] = extra
    mentions = [(c.start, c.end, c.key) for c in cands]
    return entities, mentions


def _join_split_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Pakatan" + "Harapan": two names side by side that together spell a name the story gives
    whole elsewhere ("Pakatan Harapan (PH)") are that name."""
    whole = {c.text: c for c in cands if " " in c.text}
    if not whole:
        return cands
    by_start = {c.start: c for c in cands}
    joined: list[Candidate] = []
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in dropped:
            continue
        nxt = by_start.get(c.end)
        if nxt is not None and doc[c.end - 1].whitespace_ == " " and f"{c.text} {nxt.text}" in whole and c.type != "Country" and nxt.type != "Country":
            known = whole[f"{c.text} {nxt.text}"]
            joined.append(Candidate(c.start, nxt.end, known.type, known.text, known.iso, source=c.source))
            dropped.add(id(nxt))
            continue
        joined.append(c)
    return joined


def _meta_entities(article: Article | None) -> Iterable[Entity]:
    """The dateline city and the credited journalists are entities of the story too."""
    if article is None:
        return
    meta = article.meta
    if meta.dateline:
        country = gazetteer.lookup_name(meta.dateline)
        if country is None:
            yield Entity(entity_key("Place", meta.dateline), meta.dateline, "Place")
    for name in (*meta.reporters, *meta.editors):
        yield Entity(entity_key("Person", name), name, "Person")


class EntityExtractor:
    """The kgraph_entities component."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        entities, mentions = self.match(doc)
        self.set_annotations(doc, (entities, mentions))
        return doc

    def match(self, doc: Doc) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
        return find_entities(doc)

    def set_annotations(self, doc: Doc, found: tuple[dict[str, Entity], list[tuple[int, int, str]]]) -> None:
        entities, mentions = found
        doc._.entities = entities
        doc.spans[MENTIONS] = [Span(doc, s, e, label=key) for s, e, key in mentions]


@Language.factory("kgraph_entities", assigns=["doc._.entities", "doc.spans"])
def make_entity_extractor(nlp: Language, name: str) -> EntityExtractor:
    return EntityExtractor(nlp, name)
