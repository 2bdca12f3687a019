"""Deterministic identity: keys and IRIs for articles, entities and facts."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .namespaces import ID

_TYPE_PREFIX = {"Person": "person", "Organization": "org", "Country": "country", "Place": "place"}
_PREFIX_TYPE = {v: k for k, v in _TYPE_PREFIX.items()}


def fold(text: str) -> str:
    """Lower-case, strip accents, drop punctuation, fold whitespace."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        cat = unicodedata.category(ch)
        if cat.startswith("M"):
            continue
        if cat in ("Pd", "Pc") or ch in "/\\":
            out.append(" ")
        elif cat[0] in "PS":
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).casefold().split())


def slug(text: str) -> str:
    """A URL-safe slug: folded words joined with hyphens ("U.S. Navy" -> "us-navy")."""
    folded = fold(text)
    if folded.startswith("the "):
        folded = folded[4:]
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def short_hash(*parts: object, length: int = 12) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def entity_key(type_: str, name: str, iso: str | None = None) -> str:
    """Article-independent key of an entity: ``country/FR``, ``person/emmanuel-macron``."""
    prefix = _TYPE_PREFIX[type_]
    if type_ == "Country" and iso:
        return f"{prefix}/{iso.upper()}"
    return f"{prefix}/{slug(name)}"


def key_type(key: str) -> str:
    """The entity type a key stands for."""
    return _PREFIX_TYPE[key.split("/", 1)[0]]


def entity_iri(key: str) -> URIRef:
    return ID[key]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{slug(article_id)}-{short_hash(article_id, length=8)}"]


def fact_iri(kind: str, *parts: object) -> URIRef:
    """IRI of a fact node (mention, membership, statement) from its stable parts."""
    return ID[f"{kind}/{short_hash(*parts, length=16)}"]
