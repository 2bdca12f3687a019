"""Deterministic identity: keys and IRIs for articles, entities and facts.

Names are normalised before anything is compared or minted (``normalise_name``):
Unicode NFKC, invisible and control characters removed (zero-width spaces, bidi marks and
embeddings, byte-order marks: categories Cc and Cf), whitespace folded.  ``fold`` then
lower-cases and strips accents and punctuation; ``slug`` transliterates what is left
(``anyascii``: Cyrillic, Greek, Arabic, Chinese ...) and, when the name was not plain
ASCII after folding, adds a short hash of the folded name, so two different names never
share an IRI ("Сергей Лавров" -> ``sergey-lavrov-3f2a9c``, "王毅" -> ``wang-yi-...``).
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rdflib import URIRef

from .namespaces import ID

_TYPE_PREFIX = {"Person": "person", "Organization": "org", "Country": "country", "Place": "place"}
_PREFIX_TYPE = {v: k for k, v in _TYPE_PREFIX.items()}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


# ASCII text needs no Unicode tables: NFKC and NFKD leave it alone, its control
# characters are Cc (whitespace ones become a space), and its punctuation and symbols
# are P* or S* ("-" Pd and "_" Pc become a space in fold, like "/" and "\\").
_ASCII_CONTROLS = "".join(chr(i) for i in (*range(32), 127))
_NORMALISE_ASCII = str.maketrans({ch: (" " if ch in "\t\n\r\x0b\x0c" else "") for ch in _ASCII_CONTROLS})
_FOLD_ASCII = str.maketrans(
    {
        **{ch: (" " if ch in "\t\n\r\x0b\x0c" else "") for ch in _ASCII_CONTROLS},
        **{ch: (" " if ch in "-_/\\" else "") for ch in string.punctuation},
    }
)


def normalise_name(text: str) -> str:
    """NFKC, no invisible or control characters (Cc, Cf: U+200B-U+200F, U+202A-U+202E,
    U+2066-U+2069, U+FEFF ...), whitespace folded to single spaces."""
    if text.isascii():
        return " ".join(text.translate(_NORMALISE_ASCII).split())
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf"):
            kept.append(" " if ch in "\t\n\r\x0b\x0c" else "")
        elif cat.startswith("Z"):
            kept.append(" ")
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Normalise, lower-case, strip accents, drop punctuation, fold whitespace."""
    if text.isascii():
        return " ".join(text.translate(_FOLD_ASCII).casefold().split())
    out = []
    for ch in unicodedata.normalize("NFKD", normalise_name(text)):
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


def _is_ideograph(ch: str) -> bool:
    """A character that is a whole word or syllable (CJK, kana, hangul): spaced apart."""
    return ord(ch) >= 0x2E80 and unicodedata.category(ch) == "Lo"


def transliterate(text: str) -> str:
    """``fold(text)`` in ASCII letters: "Сергей Лавров" -> "sergey lavrov", "王毅" -> "wang yi"."""
    folded = fold(text)
    if not _NOT_ASCII.search(folded):
        return folded
    parts = []
    for ch in folded:
        if ch.isascii():
            parts.append(ch)
        else:
            ascii_ = anyascii(ch)
            parts.append(f" {ascii_} " if _is_ideograph(ch) else ascii_)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", "".join(parts).casefold()).split())


def slug(text: str) -> str:
    """A URL-safe slug: folded words joined with hyphens ("U.S. Navy" -> "us-navy").

    A name that is not plain ASCII once folded is transliterated and gets a short hash of
    its folded form, so that distinct names in any script get distinct slugs."""
    folded = fold(text)
    if folded.startswith("the "):
        folded = folded[4:]
    base = re.sub(r"[^a-z0-9]+", "-", transliterate(folded)).strip("-")
    if _NOT_ASCII.search(folded) or not base:
        return f"{base or 'x'}-{short_hash(folded or normalise_name(text), length=6)}"
    return base


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
