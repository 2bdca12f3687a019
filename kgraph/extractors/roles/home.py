"""The country a story is set in, and the organisations a post implies without naming them.

A bare government title ("President X said") belongs to the story's home country only
when the text supports one: the dateline's country when the story also names it most, or,
with no usable dateline (a city the gazetteer does not hold, or none), the country whose own
institutions and places the story names ("the White House", "Capitol Hill", US states,
"Sen. X (R-Ohio)") when no other country's are named as often.  A post can also imply
an organisation the story never names as an entity: "Republican nominee X" the Republican
Party (in a story set in the United States), "Sen. X (R-Ohio)" the United States.  Such
organisations are *implied entities*: they are added to the article's entities only when a
role uses them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from spacy.tokens import Doc

from ...nlp import doc_text

from ...identity import entity_key, fold
from ...patterns import read_json
from ...records import Entity

MIN_CUES = 2  # distinct cues before a story counts as set in a country without a dateline


@cache
def _domestic() -> dict[str, Any]:
    return dict(read_json("roles_domestic.json"))


@cache
def _institutions() -> dict[str, str]:
    """Folded institution name -> ISO code of its country."""
    return {fold(name): iso for iso, names in _domestic()["institutions"].items() for name in names}


@cache
def us_state_forms() -> dict[str, str]:
    """Every form of a US state (name, wire abbreviation, postal code) -> the state's name."""
    out: dict[str, str] = {}
    for state, forms in _domestic()["us_states"].items():
        out[state] = state
        for form in forms:
            out[form] = state
            out[form.rstrip(".")] = state
    return out


@cache
def party_adjectives() -> dict[str, tuple[str, str]]:
    """Party adjective -> (party name, ISO code of its country)."""
    return {k: (v[0], v[1]) for k, v in _domestic()["party_adjectives"].items() if not k.startswith("_")}


_PARTISAN = re.compile(r"(?<![\w-])([RDI])\s?-\s?([A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.)?(?:\s[A-Z][a-z]+)?)")


def partisan_tags(text: str) -> list[tuple[int, int, str, str]]:
    """"(R-Ohio)", ", D-N.Y.,": (start, end, party letter, state) of each US legislator's tag."""
    forms = us_state_forms()
    out = []
    for match in _PARTISAN.finditer(text):
        state = match.group(2)
        words = state.split()
        # the longest prefix of the words that names a state ("N.C.", "New York", "Ohio")
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n])
            if candidate in forms or candidate.rstrip(".") in forms:
                name = forms.get(candidate) or forms[candidate.rstrip(".")]
                out.append((match.start(), match.start(2) + len(candidate), match.group(1), name))
                break
    return out


def domestic_cues(doc: Doc, entities: dict[str, Entity]) -> Counter[str]:
    """ISO code -> number of distinct cues that the story is set in that country."""
    cues: Counter[str] = Counter()
    institutions = _institutions()
    states = set(_domestic()["us_states"])
    for entity in entities.values():
        name = fold(entity.name)
        if entity.type in ("Organization", "Place") and name in institutions:
            cues[institutions[name]] += 1
        elif entity.type == "Place" and entity.name in states:
            cues["US"] += 1
    if partisan_tags(doc_text(doc)):
        cues["US"] += MIN_CUES  # "Sen. X (R-Ohio)" is US wire style on its own
    for iso, pattern in _party_cues().items():
        cues[iso] += len({m.group(1) for m in pattern.finditer(doc_text(doc))})  # "Republican nominee", "Democratic primary"
    return cues


@cache
def _party_cues() -> dict[str, re.Pattern[str]]:
    out = {}
    for iso, spec in _domestic()["party_cues"].items():
        if iso.startswith("_"):
            continue
        parties = "|".join(re.escape(p) for p in spec["parties"])
        nouns = "|".join(re.escape(n) for n in sorted(spec["nouns"], key=len, reverse=True))
        out[iso] = re.compile(rf"\b({parties})\s+(?:{nouns})(?!\w)")
    return out


def cue_country(doc: Doc, entities: dict[str, Entity]) -> str | None:
    """The ISO code of the one country the story's institutions and places point to."""
    cues = domestic_cues(doc, entities)
    if not cues:
        return None
    (best, n), *rest = cues.most_common()
    runner_up = rest[0][1] if rest else 0
    if n >= MIN_CUES and n >= 3 * runner_up:
        return best
    if n and not runner_up and not any(e.type == "Country" and e.iso != best for e in entities.values()):
        return best  # one cue, and no other country named at all
    return None


def country_entity(iso: str, entities: dict[str, Entity]) -> Entity:
    """The article's entity for a country, or an implied one (the gazetteer's name)."""
    for entity in entities.values():
        if entity.type == "Country" and entity.iso == iso:
            return entity
    from ...gazetteer import country

    found = country(iso)
    return Entity(key=entity_key("Country", found.name, iso), name=found.name, type="Country", iso=iso)


def organisation_entity(name: str, entities: dict[str, Entity]) -> Entity:
    """The article's entity of that name (folded), or an implied organisation."""
    folded = fold(name)
    for entity in entities.values():
        if entity.type == "Organization" and (fold(entity.name) == folded or folded in {fold(a) for a in entity.aliases}):
            return entity
    return Entity(key=entity_key("Organization", name), name=name, type="Organization")
