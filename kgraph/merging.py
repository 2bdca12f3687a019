"""Merging across articles: one node per real-world entity.

Within an article the entity extractor already resolves short forms ("Macron" to
"Emmanuel Macron").  Across articles, an entity that one story names only by a short
form ("Macron", "IAEA") and another by its full name (with that short form among its
aliases) gets the full name's key, so both stories point at one node.  A short form
that two different full names claim is left alone: better two nodes than a wrong merge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .identity import fold
from .records import Entity, Extraction


def canonical_keys(extractions: Iterable[Extraction]) -> dict[str, str]:
    """Map entity keys that are short forms of one fuller entity to that entity's key."""
    names: dict[str, tuple[str, str]] = {}  # key -> (type, folded name)
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, folded alias) -> keys
    for extraction in extractions:
        for entity in extraction.entities:
            if entity.type == "Country":
                continue
            names[entity.key] = (entity.type, fold(entity.name))
            for alias in entity.aliases:
                if fold(alias) != fold(entity.name):
                    claims[(entity.type, fold(alias))].add(entity.key)
    mapping: dict[str, str] = {}
    for key, (type_, name) in names.items():
        owners = claims.get((type_, name), set()) - {key}
        if len(owners) == 1:
            target = next(iter(owners))
            if len(names[target][1]) > len(name):
                mapping[key] = target
    # follow chains (a -> b -> c) to their end
    for key in list(mapping):
        seen = {key}
        while mapping[key] in mapping and mapping[key] not in seen:
            seen.add(mapping[key])
            mapping[key] = mapping[mapping[key]]
    return mapping


def _merge_entities(entities: Iterable[Entity], mapping: dict[str, str]) -> tuple[Entity, ...]:
    merged: dict[str, Entity] = {}
    for entity in entities:
        key = mapping.get(entity.key, entity.key)
        if key not in merged:
            merged[key] = replace(entity, key=key)
            continue
        kept = merged[key]
        aliases = set(kept.aliases) | set(entity.aliases) | {entity.name}
        aliases.discard(kept.name)
        merged[key] = replace(kept, aliases=tuple(sorted(aliases)), mentions=kept.mentions + entity.mentions)
    return tuple(merged.values())


def rekey(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """The extraction with entity keys rewritten to their canonical keys."""
    if not mapping:
        return extraction
    return replace(
        extraction,
        entities=_merge_entities(extraction.entities, mapping),
        roles=tuple(replace(r, person=mapping.get(r.person, r.person), org=mapping.get(r.org, r.org)) for r in extraction.roles),
        statements=tuple(replace(s, speaker=mapping.get(s.speaker, s.speaker)) for s in extraction.statements),
    )


def merge(extractions: list[Extraction]) -> list[Extraction]:
    """All extractions, their entities keyed so that one real-world entity is one node."""
    mapping = canonical_keys(extractions)
    return [rekey(x, mapping) for x in extractions]
